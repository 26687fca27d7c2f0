//! FINSAM-9-*: every statement 9 § requires is in the förbundsordning,
//! recognised by heading and content (see [`crate::check::checklist`]).
//! Missing statements the law supplies no default for are errors; where
//! the law fills the silence (simple majority, the initiative) a warning;
//! where it fills it completely (no borrowing limits) information.

use super::fix_note;
use crate::check::checklist::{self, Status};
use crate::check::rule::{At, Hit, Rule, Subject, Target, finsam_item};
use crate::finding::Severity;
use crate::read::topics::Topic;
use crate::read::truncation::truncation;
use crate::swedish::capitalise;

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

/// A rule reporting one checklist item, found in [`checklist::ITEMS`] by
/// the rule's id.
macro_rules! item {
    ($name:ident, $id:literal, $item:literal, $severity:expr, $summary:literal) => {
        #[doc = concat!("9 § ", $item, ": ", $summary, ".")]
        pub const $name: Rule = Rule {
            id: $id,
            severity: $severity,
            citation: finsam_item("9 §", $item),
            summary: $summary,
            explanation: EXPLANATION,
            statute: STATUTE,
            applies_to: &[Target::Forbundsordning],
            check: |subject| missing($id, subject),
        };
    };
}

item!(
    NAME,
    "FINSAM-9-1",
    "1 p.",
    Severity::Error,
    "förbundsordningen ska ange namn, säte, medlemmar och ändamål"
);
item!(
    ORGANISATION,
    "FINSAM-9-2",
    "2 p.",
    Severity::Error,
    "förbundsordningen ska ange förbundets organisation"
);
item!(
    BOARD,
    "FINSAM-9-3",
    "3 p.",
    Severity::Error,
    "förbundsordningen ska ange styrelsens storlek och hur medlemmarna är företrädda"
);
item!(
    TASKS,
    "FINSAM-9-4",
    "4 p.",
    Severity::Error,
    "förbundsordningen ska ange uppgifter och beslutanderätt enligt 7 §"
);
item!(
    INITIATIVE,
    "FINSAM-9-5",
    "5 p.",
    Severity::Warning,
    "förbundsordningen ska ange om medlemmarna får väcka ärenden"
);
item!(
    MAJORITY,
    "FINSAM-9-6",
    "6 p.",
    Severity::Warning,
    "förbundsordningen ska ange om kvalificerad majoritet gäller"
);
item!(
    NOTICES,
    "FINSAM-9-7",
    "7 p.",
    Severity::Error,
    "förbundsordningen ska ange var tillkännagivanden anslås"
);
item!(
    SHARES,
    "FINSAM-9-8",
    "8 p.",
    Severity::Error,
    "förbundsordningen ska ange andelar i tillgångar, skulder och kostnader"
);
item!(
    BORROWING,
    "FINSAM-9-9",
    "9 p.",
    Severity::Info,
    "förbundsordningen kan begränsa rätten att låna och ingå borgen"
);
item!(
    INSIGHT,
    "FINSAM-9-10",
    "10 p.",
    Severity::Error,
    "förbundsordningen ska ange medlemmarnas styrning och insyn"
);
item!(
    BUDGET,
    "FINSAM-9-11",
    "11 p.",
    Severity::Error,
    "förbundsordningen ska ange hur budgeten tas fram"
);
item!(
    AUDIT_TERM,
    "FINSAM-9-12",
    "12 p.",
    Severity::Error,
    "förbundsordningen ska ange revisorernas mandattid"
);
item!(
    JOINT_AUDITORS,
    "FINSAM-9-13",
    "13 p.",
    Severity::Error,
    "vid gemensamma revisorer ska det anges hur och av vilken medlem de utses"
);
item!(
    WITHDRAWAL,
    "FINSAM-9-14-UTTRADE",
    "14 p.",
    Severity::Warning,
    "förbundsordningen ska ange hur en medlem utträder"
);
item!(
    LIQUIDATION,
    "FINSAM-9-14-LIKVIDATION",
    "14 p.",
    Severity::Warning,
    "förbundsordningen ska ange likvidation och upplösning"
);
item!(
    DISPUTES,
    "FINSAM-9-14-TVISTER",
    "14 p.",
    Severity::Error,
    "förbundsordningen ska ange hur tvister avgörs"
);

fn missing(rule: &str, subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Document(view) = subject else {
        return Vec::new();
    };
    let Some(entry) = checklist::item_of(rule) else {
        return Vec::new();
    };
    let first_item = checklist::ITEMS
        .first()
        .is_some_and(|i| i.rule == entry.rule);
    if view.sections.is_empty() && !first_item {
        // Not a förbundsordning with §§ at all; one finding is enough.
        return Vec::new();
    }
    let list = checklist::document(view);
    let Some(item) = list.iter().find(|i| i.rule == rule) else {
        return Vec::new();
    };
    if item.status != Status::Missing {
        return Vec::new();
    }
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
    // In a text that breaks off, what usually comes after the cut is not
    // missing from the förbundsordning, only from this text.
    if let Some(cut) = truncation(view)
        && first.is_none()
        && after_cut(entry.topics, cut.topic)
    {
        let message = format!(
            "{} finns inte i denna text, som tar slut mitt i {}; kontrollera den fullständiga förbundsordningen",
            capitalise(entry.requirement),
            view.sections
                .get(cut.at.section)
                .map_or_else(|| "texten".to_string(), |s| s.label.clone())
        );
        return vec![Hit::new(message, at).at_most(Severity::Warning)];
    }
    let mut message = entry.missing.to_string();
    match (&item.note, first_item) {
        (Some(note), true) => message.push_str(&format!(" {note}")),
        (Some(note), false) if rule == "FINSAM-9-3" => message.push_str(&format!(" ({note})")),
        _ => {}
    }
    message.push_str(entry.default);
    vec![Hit::new(message, at).with_fix(fix_note(entry.wording))]
}

/// Whether an item usually standing under `topics` comes at or after the
/// § on `cut` in the usual order of a förbundsordning.
fn after_cut(topics: &[Topic], cut: Option<Topic>) -> bool {
    match (topics.iter().max(), cut) {
        (Some(last), Some(cut)) => *last >= cut,
        (Some(_), None) => true,
        (None, _) => false,
    }
}
