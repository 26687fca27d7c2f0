//! FINSAM-9-*: every statement 9 § requires is in the förbundsordning,
//! recognised by heading and content (see [`crate::check::checklist`]).
//! Missing statements the law supplies no default for are errors; where
//! the law fills the silence (simple majority, the initiative) a warning;
//! where it fills it completely (no borrowing limits) information.

use super::fix_note;
use crate::check::checklist::{self, Status};
use crate::check::rule::{At, Hit, Rule, Subject, Target, finsam_item};
use crate::finding::Severity;

const STATUTE: &str = "Sammanfattning av 9 §: förbundsordningen ska ange 1. förbundets namn, \
säte, medlemmar och ändamål, 2. förbundets organisation, 3. antalet ledamöter och ersättare i \
styrelsen, hur medlemmarna är företrädda och mandattiden om den är kortare än fyra år, 4. \
förbundets uppgifter och beslutanderätt enligt 7 §, 5. om en medlem får väcka ärenden i \
styrelsen, 6. om kvalificerad majoritet ska gälla och för vilka beslut, 7. var förbundets \
tillkännagivanden ska anslås, 8. medlemmarnas andelar i tillgångar, skulder och kostnader \
enligt 5 §, 9. eventuella begränsningar av rätten att låna och ingå borgen enligt 21 §, 10. \
medlemmarnas styrning av och insyn i förbundet, 11. hur budgeten tas fram, 12. revisorernas \
mandattid enligt 25 §, 13. vid gemensamma revisorer för kommuner och regioner hur och av vilken \
medlem de utses, och därefter hur en medlem utträder, hur förbundet likvideras och upplöses och \
hur tvister mellan förbundet och medlemmarna avgörs.";

const EXPLANATION: &str = "Vad regeln gör: letar efter uppgiften i förbundsordningen, både under \
rubriker som brukar bära den och i texten i övrigt (många förbundsordningar har t.ex. \
budgetprocessen under \"Styrning och insyn\"). Resultatet visas också i 9 §-checklistan.\n\n\
Varför: 9 § räknar upp vad en förbundsordning ska innehålla. Saknas en uppgift som lagen inte \
fyller ut kan förbundsordningen inte tillämpas på den punkten; där lagen ger ett svar (enkel \
majoritet, tre års uppsägningstid) är tystnaden mindre allvarlig.";

macro_rules! item {
    ($name:ident, $index:literal, $id:literal, $item:literal, $severity:expr, $summary:literal) => {
        #[doc = concat!("9 § ", $item, ": ", $summary, ".")]
        pub const $name: Rule = Rule {
            id: $id,
            severity: $severity,
            citation: finsam_item("9 §", $item),
            summary: $summary,
            explanation: EXPLANATION,
            statute: STATUTE,
            applies_to: &[Target::Forbundsordning],
            check: missing::<$index>,
        };
    };
}

item!(
    NAME,
    0,
    "FINSAM-9-1",
    "1 p.",
    Severity::Error,
    "förbundsordningen ska ange namn, säte, medlemmar och ändamål"
);
item!(
    ORGANISATION,
    1,
    "FINSAM-9-2",
    "2 p.",
    Severity::Error,
    "förbundsordningen ska ange förbundets organisation"
);
item!(
    BOARD,
    2,
    "FINSAM-9-3",
    "3 p.",
    Severity::Error,
    "förbundsordningen ska ange styrelsens storlek och hur medlemmarna är företrädda"
);
item!(
    TASKS,
    3,
    "FINSAM-9-4",
    "4 p.",
    Severity::Error,
    "förbundsordningen ska ange uppgifter och beslutanderätt enligt 7 §"
);
item!(
    INITIATIVE,
    4,
    "FINSAM-9-5",
    "5 p.",
    Severity::Warning,
    "förbundsordningen ska ange om medlemmarna får väcka ärenden"
);
item!(
    MAJORITY,
    5,
    "FINSAM-9-6",
    "6 p.",
    Severity::Warning,
    "förbundsordningen ska ange om kvalificerad majoritet gäller"
);
item!(
    NOTICES,
    6,
    "FINSAM-9-7",
    "7 p.",
    Severity::Error,
    "förbundsordningen ska ange var tillkännagivanden anslås"
);
item!(
    SHARES,
    7,
    "FINSAM-9-8",
    "8 p.",
    Severity::Error,
    "förbundsordningen ska ange andelar i tillgångar, skulder och kostnader"
);
item!(
    BORROWING,
    8,
    "FINSAM-9-9",
    "9 p.",
    Severity::Info,
    "förbundsordningen kan begränsa rätten att låna och ingå borgen"
);
item!(
    INSIGHT,
    9,
    "FINSAM-9-10",
    "10 p.",
    Severity::Error,
    "förbundsordningen ska ange medlemmarnas styrning och insyn"
);
item!(
    BUDGET,
    10,
    "FINSAM-9-11",
    "11 p.",
    Severity::Error,
    "förbundsordningen ska ange hur budgeten tas fram"
);
item!(
    AUDIT_TERM,
    11,
    "FINSAM-9-12",
    "12 p.",
    Severity::Error,
    "förbundsordningen ska ange revisorernas mandattid"
);
item!(
    JOINT_AUDITORS,
    12,
    "FINSAM-9-13",
    "13 p.",
    Severity::Error,
    "vid gemensamma revisorer ska det anges hur och av vilken medlem de utses"
);
item!(
    WITHDRAWAL,
    13,
    "FINSAM-9-14-UTTRADE",
    "14 p.",
    Severity::Warning,
    "förbundsordningen ska ange hur en medlem utträder"
);
item!(
    LIQUIDATION,
    14,
    "FINSAM-9-14-LIKVIDATION",
    "14 p.",
    Severity::Warning,
    "förbundsordningen ska ange likvidation och upplösning"
);
item!(
    DISPUTES,
    15,
    "FINSAM-9-14-TVISTER",
    "14 p.",
    Severity::Error,
    "förbundsordningen ska ange hur tvister avgörs"
);

/// A suggested wording per item.
const WORDING: [&str; 16] = [
    "lägg till paragrafer om förbundets namn, säte, medlemmar och ändamål",
    "lägg till en paragraf om styrelsen: «Förbundet leds av en styrelse, som är förbundets beslutande organ.»",
    "ange t.ex. «Styrelsen består av fyra ledamöter och fyra ersättare. Varje medlem utser en ledamot och en ersättare.»",
    "lägg till en paragraf om uppgifter och beslutanderätt med uppgifterna i 7 §",
    "lägg till t.ex. «Varje medlem har rätt att väcka ärenden i styrelsen.»",
    "lägg till t.ex. «Styrelsens beslut fattas med enkel majoritet. Inga beslut kräver kvalificerad majoritet.»",
    "lägg till en paragraf om tillkännagivanden: «Förbundets tillkännagivanden ska anslås på förbundets anslagstavla, som finns tillgänglig på förbundets webbplats.»",
    "lägg till en paragraf om andelar: medlemmarna har andel i tillgångar och skulder och svarar för kostnaderna i samma förhållande som de bidrar med medel enligt 5 §",
    "lägg gärna till t.ex. «Förbundet får inte ingå borgen eller ta upp lån utöver sedvanliga krediter för verksamheten.»",
    "lägg till en paragraf om styrning och insyn (delårsrapport, årsredovisning till medlemmarna)",
    "lägg till en paragraf om budgeten: när den fastställs och att medlemmarna hörs först",
    "ange revisorernas mandattid, t.ex. fyra år räknat från och med den 1 januari året efter valåret",
    "ange vilken medlem som utser den gemensamma revisorn",
    "lägg till en paragraf om utträde och uppsägningstid",
    "lägg till en paragraf om likvidation och upplösning",
    "lägg till en paragraf om hur tvister mellan förbundet och medlemmarna avgörs, t.ex. av allmän domstol",
];

/// What is missing, per item (the first item names its missing parts).
const MISSING: [&str; 16] = [
    "förbundsordningen anger inte",
    "förbundsordningen anger inte förbundets organisation; den har ingen bestämmelse om styrelsen",
    "förbundsordningen anger inte styrelsens storlek och hur medlemmarna är företrädda",
    "förbundsordningen anger inte förbundets uppgifter och beslutanderätt enligt 7 §",
    "förbundsordningen anger inte om medlemmarna får väcka ärenden i styrelsen (initiativrätt)",
    "förbundsordningen anger inte om något beslut kräver kvalificerad majoritet",
    "förbundsordningen anger inte var förbundets tillkännagivanden ska anslås",
    "förbundsordningen anger inte medlemmarnas andelar i tillgångar, skulder och kostnader",
    "förbundsordningen säger inget om förbundet får låna eller ingå borgen",
    "förbundsordningen anger inte hur medlemmarna styr förbundet och får insyn i det",
    "förbundsordningen anger inte hur budgeten tas fram",
    "förbundsordningen anger inte revisorernas mandattid",
    "förbundsordningen ger kommunerna och regionerna en gemensam revisor men anger inte hur och av vilken medlem den utses",
    "förbundsordningen anger inte hur en medlem utträder",
    "förbundsordningen säger inget om likvidation och upplösning",
    "förbundsordningen anger inte hur tvister mellan förbundet och medlemmarna avgörs",
];

/// What the law says when the förbundsordning is silent, per item.
const DEFAULT: [&str; 16] = [
    "",
    "",
    "",
    "",
    "",
    "; då fattas alla beslut med enkel majoritet",
    "",
    "",
    "; förbundet har då inga andra begränsningar än lagens",
    "",
    "",
    "",
    "",
    "; då gäller lagens regler om utträde, med tre års uppsägningstid (15 §)",
    "; då gäller lagens regler, med styrelsen som likvidator (15 §)",
    "",
];

fn missing<const N: usize>(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Document(view) = subject else {
        return Vec::new();
    };
    if view.sections.is_empty() {
        // Not a förbundsordning with §§ at all; one finding is enough.
        if N != 0 {
            return Vec::new();
        }
    }
    let list = checklist::document(view);
    let Some(item) = list.get(N) else {
        return Vec::new();
    };
    if item.status != Status::Missing {
        return Vec::new();
    }
    let mut message = MISSING.get(N).copied().unwrap_or_default().to_string();
    match (&item.note, N) {
        (Some(note), 0) => message.push_str(&format!(" {note}")),
        (Some(note), 2) => message.push_str(&format!(" ({note})")),
        _ => {}
    }
    message.push_str(DEFAULT.get(N).copied().unwrap_or_default());
    // A partly present item points at the first § where it was seen.
    let first = item
        .location
        .as_deref()
        .and_then(|l| l.split([',', ' ']).next())
        .and_then(|n| n.parse::<u32>().ok());
    let at =
        first
            .and_then(|n| view.section_numbered(n))
            .map_or(At::Document { excerpt: None }, |s| At::Section {
                index: s.index,
                excerpt: None,
            });
    let mut hit = Hit::new(message, at);
    if let Some(wording) = WORDING.get(N) {
        hit = hit.with_fix(fix_note(*wording));
    }
    vec![hit]
}
