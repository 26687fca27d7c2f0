//! FinsamL 9 § as a checklist: for each thing a förbundsordning must state,
//! whether it is there (and where), missing, or not applicable. In a
//! document each item is recognised by the § headings and by content, since
//! real förbundsordningar put things under many headings (Haninge's budget
//! process stands under "Förbundsmedlemmarnas styrning och insyn"). The
//! FINSAM-9-* rules report the missing items.

mod document;

use serde::Serialize;

pub use document::{document, joint_auditor_sentences};

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

/// The items: (item, rule id, requirement).
pub const ITEMS: &[(&str, &str, &str)] = &[
    (
        "9 § 1 p.",
        "FINSAM-9-1",
        "förbundets namn, säte, medlemmar och ändamål",
    ),
    ("9 § 2 p.", "FINSAM-9-2", "förbundets organisation"),
    (
        "9 § 3 p.",
        "FINSAM-9-3",
        "antalet ledamöter och ersättare i styrelsen och hur medlemmarna är företrädda (och mandattiden om den är kortare än fyra år)",
    ),
    (
        "9 § 4 p.",
        "FINSAM-9-4",
        "förbundets uppgifter och beslutanderätt enligt 7 §",
    ),
    (
        "9 § 5 p.",
        "FINSAM-9-5",
        "om en medlem får väcka ärenden i styrelsen (initiativrätt)",
    ),
    (
        "9 § 6 p.",
        "FINSAM-9-6",
        "om kvalificerad majoritet ska gälla, och för vilka beslut",
    ),
    (
        "9 § 7 p.",
        "FINSAM-9-7",
        "var förbundets tillkännagivanden ska anslås",
    ),
    (
        "9 § 8 p.",
        "FINSAM-9-8",
        "medlemmarnas andelar i tillgångar, skulder och kostnader enligt 5 §",
    ),
    (
        "9 § 9 p.",
        "FINSAM-9-9",
        "eventuella begränsningar av rätten att ta upp lån och ingå borgen (21 §)",
    ),
    (
        "9 § 10 p.",
        "FINSAM-9-10",
        "medlemmarnas styrning av och insyn i förbundet",
    ),
    ("9 § 11 p.", "FINSAM-9-11", "hur budgeten tas fram"),
    (
        "9 § 12 p.",
        "FINSAM-9-12",
        "revisorernas mandattid enligt 25 §",
    ),
    (
        "9 § 13 p.",
        "FINSAM-9-13",
        "vid gemensamma revisorer för kommuner och regioner: hur och av vilken medlem de utses",
    ),
    ("9 § 14 p.", "FINSAM-9-14-UTTRADE", "hur en medlem utträder"),
    (
        "9 § 14 p.",
        "FINSAM-9-14-LIKVIDATION",
        "likvidation och upplösning",
    ),
    (
        "9 § 14 p.",
        "FINSAM-9-14-TVISTER",
        "hur tvister mellan förbundet och medlemmarna avgörs",
    ),
];

pub(crate) fn item(
    index: usize,
    status: Status,
    location: Option<String>,
    note: Option<String>,
) -> ChecklistItem {
    let (item, rule, requirement) = ITEMS.get(index).copied().unwrap_or(("", "", ""));
    ChecklistItem {
        item,
        rule,
        requirement,
        status,
        location,
        note,
    }
}

/// The checklist of a description: everything the templates need is in the
/// model, so items are present (with the fields they come from) or do not
/// apply.
pub fn description(f: &Forbund) -> Vec<ChecklistItem> {
    let present = |i: usize, at: &str| item(i, Status::Present, Some(at.to_string()), None);
    let joint = f.auditors.arrangement == AuditorArrangement::Joint;
    vec![
        present(0, "/namn, /säte, /medlemmar, /ändamål"),
        present(1, "/styrelse"),
        present(2, "/medlemmar (ledamöter, ersättare), /mandattid"),
        present(3, "förbundsordningens text om 7 §"),
        present(4, "/initiativrätt"),
        present(5, "/styrelse/kvalificerad_majoritet"),
        present(6, "/tillkännagivanden"),
        present(7, "/ekonomi"),
        present(8, "/ekonomi/upplåning"),
        present(9, "/budgetprocess"),
        present(10, "/budgetprocess"),
        present(11, "/revisorer"),
        if joint {
            present(12, "/revisorer/gemensam_utses_av")
        } else {
            item(
                12,
                Status::NotApplicable,
                None,
                Some("varje kommun och region utser en egen revisor".into()),
            )
        },
        present(13, "/uppsägningstid"),
        present(14, "förbundsordningens text om likvidation"),
        present(15, "/tvister"),
    ]
}
