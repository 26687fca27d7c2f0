//! FinsamL 9 § as a checklist: for each thing a förbundsordning must state,
//! whether it is there (and where), missing, or not applicable. In a
//! document each item is recognised by the § headings and by content, since
//! real förbundsordningar put things under many headings (Haninge's budget
//! process stands under "Förbundsmedlemmarnas styrning och insyn"). The
//! items are one table, [`ITEMS`]: each says where it usually stands, how
//! it is recognised, the rule that judges it and what to say when it is
//! missing. The FINSAM-9-* rules report the missing items.

mod document;

use serde::Serialize;

pub use document::{document, joint_auditor_sentences};

use crate::read::reading::Reading;
use crate::read::topics::Topic;
use crate::spec::{AuditorArrangement, Forbund};

/// Whether a required statement is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Status {
    /// It is stated.
    #[serde(rename = "finns")]
    Present,
    /// It is missing.
    #[serde(rename = "saknas")]
    Missing,
    /// The item does not apply to this förbund.
    #[serde(rename = "ej_tillämplig")]
    NotApplicable,
}

impl Status {
    /// The Swedish word.
    pub fn swedish(self) -> &'static str {
        match self {
            Status::Present => "finns",
            Status::Missing => "saknas",
            Status::NotApplicable => "ej tillämplig",
        }
    }
}

/// One item of 9 §.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChecklistItem {
    /// The item, e.g. "9 § 7 p.".
    pub item: &'static str,
    /// The rule that reports it when missing.
    pub rule: &'static str,
    /// What must be stated.
    pub requirement: &'static str,
    /// Whether it is.
    pub status: Status,
    /// Where: §§ of a document or JSON paths of a description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// What is missing, or why the item does not apply.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How an item is found in a förbundsordning's text.
#[derive(Debug, Clone, Copy)]
pub enum Find {
    /// In the sections whose heading names one of the item's topics
    /// (preferred, so that "budget" in the personnel § does not count),
    /// else in the sections whose folded text (lower case, å/ä/ö as a/a/o)
    /// satisfies this test.
    Sections(fn(&str) -> bool),
    /// Read by a reader of its own (name, säte, members and ändamål; the
    /// board; the revisors' term; joint revisors).
    Reader(fn(&Reading<'_>, &'static Item) -> ChecklistItem),
}

/// One thing 9 § requires, with everything the checker needs about it:
/// where it usually stands, how it is recognised, the rule that reports it
/// when missing, and what to say then.
#[derive(Debug)]
pub struct Item {
    /// The item, e.g. "9 § 7 p.".
    pub item: &'static str,
    /// The rule that judges it.
    pub rule: &'static str,
    /// What must be stated.
    pub requirement: &'static str,
    /// Where it usually stands: the topics of the §§ that carry it.
    pub topics: &'static [Topic],
    /// How it is found in a document.
    pub find: Find,
    /// Where a description states it (JSON paths), or `None` when it only
    /// applies to joint revisors.
    pub description: Option<&'static str>,
    /// What the finding says when the item is missing.
    pub missing: &'static str,
    /// What the law says when the förbundsordning is silent ("" if nothing).
    pub default: &'static str,
    /// A suggested wording.
    pub wording: &'static str,
}

/// Whether a folded text mentions taking up loans. "lån" folds to "lan",
/// as does "län", so single words are not enough ("Stockholms län").
fn mentions_loan(t: &str) -> bool {
    const LOAN: &[&str] = &[
        "ta upp lan",
        "tar upp lan",
        "uppta lan",
        "upptagande av lan",
        "lan eller",
        "lan utover",
        "upplaning",
    ];
    LOAN.iter().any(|p| t.contains(p))
        || (t.contains("lana") && t.split(|c: char| !c.is_alphanumeric()).any(|w| w == "lana"))
}

/// The items of 9 §, in the law's order.
pub static ITEMS: &[Item] = &[
    Item {
        item: "9 § 1 p.",
        rule: "FINSAM-9-1",
        requirement: "förbundets namn, säte, medlemmar och ändamål",
        topics: &[Topic::Namn, Topic::Sate, Topic::Medlemmar, Topic::Andamal],
        find: Find::Reader(document::first_item),
        description: Some("/namn, /säte, /medlemmar, /ändamål"),
        missing: "förbundsordningen anger inte",
        default: "",
        wording: "lägg till paragrafer om förbundets namn, säte, medlemmar och ändamål",
    },
    Item {
        item: "9 § 2 p.",
        rule: "FINSAM-9-2",
        requirement: "förbundets organisation",
        topics: &[Topic::Styrelse],
        find: Find::Sections(|t| t.contains("styrelse")),
        description: Some("/styrelse"),
        missing: "förbundsordningen anger inte förbundets organisation; den har ingen bestämmelse om styrelsen",
        default: "",
        wording: "lägg till en paragraf om styrelsen: «Förbundet leds av en styrelse, som är förbundets beslutande organ.»",
    },
    Item {
        item: "9 § 3 p.",
        rule: "FINSAM-9-3",
        requirement: "antalet ledamöter och ersättare i styrelsen och hur medlemmarna är företrädda (och mandattiden om den är kortare än fyra år)",
        topics: &[Topic::Styrelse],
        find: Find::Reader(document::board_item),
        description: Some("/medlemmar (ledamöter, ersättare), /mandattid"),
        missing: "förbundsordningen anger inte styrelsens storlek och hur medlemmarna är företrädda",
        default: "",
        wording: "ange t.ex. «Styrelsen består av fyra ledamöter och fyra ersättare. Varje medlem utser en ledamot och en ersättare.»",
    },
    Item {
        item: "9 § 4 p.",
        rule: "FINSAM-9-4",
        requirement: "förbundets uppgifter och beslutanderätt enligt 7 §",
        topics: &[Topic::Uppgifter],
        find: Find::Sections(|t| t.contains("mal och riktlinjer")),
        description: Some("förbundsordningens text om 7 §"),
        missing: "förbundsordningen anger inte förbundets uppgifter och beslutanderätt enligt 7 §",
        default: "",
        wording: "lägg till en paragraf om uppgifter och beslutanderätt med uppgifterna i 7 §",
    },
    Item {
        item: "9 § 5 p.",
        rule: "FINSAM-9-5",
        requirement: "om en medlem får väcka ärenden i styrelsen (initiativrätt)",
        topics: &[Topic::Initiativ],
        find: Find::Sections(|t| t.contains("vacka arende")),
        description: Some("/initiativrätt"),
        missing: "förbundsordningen anger inte om medlemmarna får väcka ärenden i styrelsen (initiativrätt)",
        default: "",
        wording: "lägg till t.ex. «Varje medlem har rätt att väcka ärenden i styrelsen.»",
    },
    Item {
        item: "9 § 6 p.",
        rule: "FINSAM-9-6",
        requirement: "om kvalificerad majoritet ska gälla, och för vilka beslut",
        topics: &[],
        find: Find::Sections(|t| t.contains("majoritet")),
        description: Some("/styrelse/kvalificerad_majoritet"),
        missing: "förbundsordningen anger inte om något beslut kräver kvalificerad majoritet",
        default: "; då fattas alla beslut med enkel majoritet",
        wording: "lägg till t.ex. «Styrelsens beslut fattas med enkel majoritet. Inga beslut kräver kvalificerad majoritet.»",
    },
    Item {
        item: "9 § 7 p.",
        rule: "FINSAM-9-7",
        requirement: "var förbundets tillkännagivanden ska anslås",
        topics: &[Topic::Tillkannagivanden],
        find: Find::Sections(|t| t.contains("anslas") || t.contains("tillkannages")),
        description: Some("/tillkännagivanden"),
        missing: "förbundsordningen anger inte var förbundets tillkännagivanden ska anslås",
        default: "",
        wording: "lägg till en paragraf om tillkännagivanden: «Förbundets tillkännagivanden ska anslås på förbundets anslagstavla, som finns tillgänglig på förbundets webbplats.»",
    },
    Item {
        item: "9 § 8 p.",
        rule: "FINSAM-9-8",
        requirement: "medlemmarnas andelar i tillgångar, skulder och kostnader enligt 5 §",
        topics: &[Topic::Andelar],
        find: Find::Sections(|t| {
            t.contains("andel") && (t.contains("tillgangar") || t.contains("kostnad"))
        }),
        description: Some("/ekonomi"),
        missing: "förbundsordningen anger inte medlemmarnas andelar i tillgångar, skulder och kostnader",
        default: "",
        wording: "lägg till en paragraf om andelar: medlemmarna har andel i tillgångar och skulder och svarar för kostnaderna i samma förhållande som de bidrar med medel enligt 5 §",
    },
    Item {
        item: "9 § 9 p.",
        rule: "FINSAM-9-9",
        requirement: "eventuella begränsningar av rätten att ta upp lån och ingå borgen (21 §)",
        topics: &[],
        find: Find::Sections(|t| t.contains("borgen") || mentions_loan(t) || t.contains("i skuld")),
        description: Some("/ekonomi/upplåning"),
        missing: "förbundsordningen säger inget om förbundet får låna eller ingå borgen",
        default: "; förbundet har då inga andra begränsningar än lagens",
        wording: "lägg gärna till t.ex. «Förbundet får inte ingå borgen eller ta upp lån utöver sedvanliga krediter för verksamheten.»",
    },
    Item {
        item: "9 § 10 p.",
        rule: "FINSAM-9-10",
        requirement: "medlemmarnas styrning av och insyn i förbundet",
        topics: &[Topic::Styrning],
        find: Find::Sections(|t| t.contains("insyn") || t.contains("delars")),
        description: Some("/budgetprocess"),
        missing: "förbundsordningen anger inte hur medlemmarna styr förbundet och får insyn i det",
        default: "",
        wording: "lägg till en paragraf om styrning och insyn (delårsrapport, årsredovisning till medlemmarna)",
    },
    Item {
        item: "9 § 11 p.",
        rule: "FINSAM-9-11",
        requirement: "hur budgeten tas fram",
        topics: &[Topic::Budget],
        find: Find::Sections(|t| {
            t.contains("budget")
                && t.contains("faststall")
                && (t.contains("senast") || t.contains("fore "))
        }),
        description: Some("/budgetprocess"),
        missing: "förbundsordningen anger inte hur budgeten tas fram",
        default: "",
        wording: "lägg till en paragraf om budgeten: när den fastställs och att medlemmarna hörs först",
    },
    Item {
        item: "9 § 12 p.",
        rule: "FINSAM-9-12",
        requirement: "revisorernas mandattid enligt 25 §",
        topics: &[Topic::Revision],
        find: Find::Reader(document::auditor_term_item),
        description: Some("/revisorer"),
        missing: "förbundsordningen anger inte revisorernas mandattid",
        default: "",
        wording: "ange revisorernas mandattid, t.ex. fyra år räknat från och med den 1 januari året efter valåret",
    },
    Item {
        item: "9 § 13 p.",
        rule: "FINSAM-9-13",
        requirement: "vid gemensamma revisorer för kommuner och regioner: hur och av vilken medlem de utses",
        topics: &[Topic::Revision],
        find: Find::Reader(document::joint_auditors_item),
        description: None,
        missing: "förbundsordningen ger kommuner eller regioner en gemensam revisor men anger inte hur och av vilken medlem den utses",
        default: "",
        wording: "ange vilken medlem som utser den gemensamma revisorn",
    },
    Item {
        item: "9 § 14 p.",
        rule: "FINSAM-9-14-UTTRADE",
        requirement: "hur en medlem utträder",
        topics: &[Topic::Uttrade],
        find: Find::Sections(|t| t.contains("uttrad")),
        description: Some("/uppsägningstid"),
        missing: "förbundsordningen anger inte hur en medlem utträder",
        default: "; då gäller lagens regler om utträde, med tre års uppsägningstid (15 §)",
        wording: "lägg till en paragraf om utträde och uppsägningstid",
    },
    Item {
        item: "9 § 14 p.",
        rule: "FINSAM-9-14-LIKVIDATION",
        requirement: "likvidation och upplösning",
        topics: &[Topic::Likvidation],
        find: Find::Sections(|t| t.contains("likvidation")),
        description: Some("förbundsordningens text om likvidation"),
        missing: "förbundsordningen säger inget om likvidation och upplösning",
        default: "; då gäller lagens regler, med styrelsen som likvidator (15 §)",
        wording: "lägg till en paragraf om likvidation och upplösning",
    },
    Item {
        item: "9 § 14 p.",
        rule: "FINSAM-9-14-TVISTER",
        requirement: "hur tvister mellan förbundet och medlemmarna avgörs",
        topics: &[Topic::Tvister],
        find: Find::Sections(|t| t.contains("tvist")),
        description: Some("/tvister"),
        missing: "förbundsordningen anger inte hur tvister mellan förbundet och medlemmarna avgörs",
        default: "",
        wording: "lägg till en paragraf om hur tvister mellan förbundet och medlemmarna avgörs, t.ex. av allmän domstol",
    },
];

/// The item a rule judges.
pub fn item_of(rule: &str) -> Option<&'static Item> {
    ITEMS.iter().find(|i| i.rule == rule)
}

impl Item {
    /// This item's entry in a checklist.
    pub(crate) fn entry(
        &'static self,
        status: Status,
        location: Option<String>,
        note: Option<String>,
    ) -> ChecklistItem {
        ChecklistItem {
            item: self.item,
            rule: self.rule,
            requirement: self.requirement,
            status,
            location,
            note,
        }
    }
}

/// The checklist of a description: everything the templates need is in the
/// model, so items are present (with the fields they come from) or do not
/// apply.
pub fn description(f: &Forbund) -> Vec<ChecklistItem> {
    let joint = f.auditors.arrangement == AuditorArrangement::Joint;
    ITEMS
        .iter()
        .map(|item| match item.description {
            Some(at) => item.entry(Status::Present, Some(at.to_string()), None),
            None if joint => item.entry(
                Status::Present,
                Some("/revisorer/gemensam_utses_av".to_string()),
                None,
            ),
            None => item.entry(
                Status::NotApplicable,
                None,
                Some("varje kommun och region utser en egen revisor".into()),
            ),
        })
        .collect()
}
