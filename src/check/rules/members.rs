//! FINSAM-1-MEDLEMMAR: Försäkringskassan, Arbetsförmedlingen, at least one
//! region and at least one kommun are members.

use super::{at_path, fix_note, section_at};
use crate::check::rule::{CHARTER, Hit, Rule, Subject, finsam};
use crate::finding::Severity;
use crate::read::topics::Topic;
use crate::spec::MemberKind;

/// The rule.
pub const RULE: Rule = Rule {
    id: "FINSAM-1-MEDLEMMAR",
    severity: Severity::Error,
    citation: finsam("1 och 3 §§"),
    summary: "medlemmarna ska vara Försäkringskassan, Arbetsförmedlingen, minst en region och minst en kommun",
    explanation: "Vad regeln gör: kontrollerar att alla fyra parter finns bland medlemmarna. \
I en förbundsordning läses medlemmarna ur medlemsparagrafen; en medlems slag avgörs av namnet \
(Försäkringskassan, Arbetsförmedlingen eller den äldre länsarbetsnämnden, region eller landsting, \
kommun eller stad).\n\nVarför: ett samordningsförbund kan bara bildas av alla fyra parterna. \
Saknas en part kan förbundet inte bildas, och förbundsordningen kan inte antas som den är skriven.",
    statute: "Sammanfattning av 1 och 3 §§: Försäkringskassan, Arbetsförmedlingen, en region och en \
eller flera kommuner får samverka om finansiell samordning inom rehabiliteringsområdet. Samverkan \
sker i ett samordningsförbund där samtliga dessa parter är medlemmar. För varje del av förbundets \
geografiska område ska både en kommun och en region delta.",
    applies_to: CHARTER,
    check,
};

const PARTS: [(MemberKind, &str, &str); 4] = [
    (
        MemberKind::Forsakringskassan,
        "Försäkringskassan",
        "försäkringskassan",
    ),
    (
        MemberKind::Arbetsformedlingen,
        "Arbetsförmedlingen",
        "arbetsförmedlingen",
    ),
    (MemberKind::Region, "en region", "region"),
    (MemberKind::Kommun, "en kommun", "kommun"),
];

fn check(subject: &Subject<'_>) -> Vec<Hit> {
    let present: Vec<MemberKind> = match subject {
        Subject::Description(d) => d.forbund.members.iter().map(|m| m.kind).collect(),
        Subject::Document(view) => {
            if view.members.is_empty() {
                // Nothing recognisable: FINSAM-9-1 reports the missing members.
                return Vec::new();
            }
            view.members.iter().map(|m| m.kind).collect()
        }
        Subject::Package(_) => return Vec::new(),
    };
    let missing: Vec<(&str, &str)> = PARTS
        .iter()
        .filter(|(kind, _, _)| !present.contains(kind))
        .map(|(_, name, json)| (*name, *json))
        .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    let names: Vec<&str> = missing.iter().map(|(n, _)| *n).collect();
    let message = format!(
        "bland medlemmarna saknas {}; ett samordningsförbund ska ha Försäkringskassan, Arbetsförmedlingen, minst en region och minst en kommun som medlemmar",
        crate::swedish::join_and(&names)
    );
    match subject {
        Subject::Description(_) => {
            let kinds: Vec<String> = missing.iter().map(|(_, j)| format!("«{j}»")).collect();
            vec![
                Hit::new(message, at_path("/medlemmar")).with_fix(fix_note(format!(
                    "lägg till en medlem med typ {} i medlemmar",
                    crate::swedish::join_with(&kinds, "respektive")
                ))),
            ]
        }
        Subject::Document(view) => {
            let at = view.section_on(Topic::Medlemmar).map_or_else(
                || crate::check::rule::At::Document { excerpt: None },
                |s| section_at(s.index, &s.text),
            );
            vec![Hit::new(message, at)]
        }
        Subject::Package(_) => Vec::new(),
    }
}
