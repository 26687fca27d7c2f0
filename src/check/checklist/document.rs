//! The 9 § checklist of a förbundsordning read from its text: each item
//! recognised first by the headings that usually carry it, then by content.

use std::sync::LazyLock;

use regex::Regex;

use super::{ChecklistItem, Status, item};
use crate::read::facts::{self, Whose};
use crate::read::lexicon::{normalise, pattern};
use crate::read::reading::{Reading, SectionView};
use crate::read::topics::Topic;

/// The § numbers of sections as "3 §" or "3 och 12 §§".
fn numbers(sections: &[&SectionView]) -> Option<String> {
    let labels: Vec<String> = sections
        .iter()
        .map(|s| s.number.map_or_else(|| s.label.clone(), |n| n.to_string()))
        .collect();
    match labels.as_slice() {
        [] => None,
        [one] if sections.first().is_some_and(|s| s.number.is_some()) => Some(format!("{one} §")),
        [one] => Some(one.clone()),
        _ if sections.iter().all(|s| s.number.is_some()) => {
            Some(format!("{} §§", crate::swedish::join_and(&labels)))
        }
        _ => Some(crate::swedish::join_and(&labels)),
    }
}

fn where_<'v>(
    view: &'v Reading<'_>,
    found: impl Fn(&SectionView, &str) -> bool,
) -> Vec<&'v SectionView> {
    view.sections
        .iter()
        .filter(|s| found(s, &s.normalised))
        .collect()
}

/// The item's status: present in the sections whose heading names one of
/// `topics` (preferred, so that "budget" in the personnel § does not count),
/// else in the sections whose text satisfies `content`.
fn status_of(
    view: &Reading<'_>,
    index: usize,
    topics: &[Topic],
    content: impl Fn(&str) -> bool,
) -> ChecklistItem {
    let mut sections = where_(view, |s, _| topics.iter().any(|t| s.is(*t)));
    if sections.is_empty() {
        sections = where_(view, |_, t| content(t));
    }
    if sections.is_empty() {
        item(index, Status::Missing, None, None)
    } else {
        item(index, Status::Present, numbers(&sections), None)
    }
}

/// The checklist of a förbundsordning, read from its text.
pub fn document(view: &Reading<'_>) -> Vec<ChecklistItem> {
    view.cache.checklist.get_or_init(|| read(view)).clone()
}

static LOAN: LazyLock<Regex> = LazyLock::new(|| pattern(r"(?i)\blån(?:a|et|en)?\b"));

fn read(view: &Reading<'_>) -> Vec<ChecklistItem> {
    vec![
        first_item(view),
        status_of(view, 1, &[Topic::Styrelse], |t| t.contains("styrelse")),
        board_item(view),
        status_of(view, 3, &[Topic::Uppgifter], |t| {
            t.contains("mål och riktlinjer")
        }),
        status_of(view, 4, &[Topic::Initiativ], |t| t.contains("väcka ärende")),
        status_of(view, 5, &[], |t| t.contains("majoritet")),
        status_of(view, 6, &[Topic::Tillkannagivanden], |t| {
            t.contains("anslås") || t.contains("tillkännages")
        }),
        status_of(view, 7, &[Topic::Andelar], |t| {
            t.contains("andel") && (t.contains("tillgångar") || t.contains("kostnad"))
        }),
        status_of(view, 8, &[], |t| {
            t.contains("borgen") || LOAN.is_match(t) || t.contains("i skuld")
        }),
        status_of(view, 9, &[Topic::Styrning], |t| {
            t.contains("insyn") || t.contains("delårs")
        }),
        status_of(view, 10, &[Topic::Budget], |t| {
            t.contains("budget") && t.contains("fastställ") && t.contains("senast")
        }),
        auditor_term_item(view),
        joint_auditors_item(view),
        status_of(view, 13, &[Topic::Uttrade], |t| t.contains("utträd")),
        status_of(view, 14, &[Topic::Likvidation], |t| {
            t.contains("likvidation")
        }),
        status_of(view, 15, &[Topic::Tvister], |t| t.contains("tvist")),
    ]
}

fn first_item(view: &Reading<'_>) -> ChecklistItem {
    let parts: [(&str, Vec<&SectionView>); 4] = [
        (
            "namn",
            where_(view, |s, t| {
                s.is(Topic::Namn) || t.contains("förbundets namn")
            }),
        ),
        (
            "säte",
            where_(view, |s, t| s.is(Topic::Sate) || t.contains("säte")),
        ),
        ("medlemmar", where_(view, |s, _| s.is(Topic::Medlemmar))),
        (
            "ändamål",
            where_(view, |s, t| s.is(Topic::Andamal) || t.contains("ändamål")),
        ),
    ];
    let mut missing: Vec<&str> = parts
        .iter()
        .filter(|(_, found)| found.is_empty())
        .map(|(name, _)| *name)
        .collect();
    if missing.contains(&"medlemmar") && !view.members.is_empty() {
        missing.retain(|m| *m != "medlemmar");
    }
    let mut all: Vec<&SectionView> = parts.iter().flat_map(|(_, f)| f.iter().copied()).collect();
    all.sort_by_key(|s| s.index);
    all.dedup_by_key(|s| s.index);
    if missing.is_empty() {
        item(0, Status::Present, numbers(&all), None)
    } else {
        item(
            0,
            Status::Missing,
            numbers(&all),
            Some(format!("förbundets {}", crate::swedish::join_and(&missing))),
        )
    }
}

fn board_item(view: &Reading<'_>) -> ChecklistItem {
    let board = facts::board(view);
    let sections: Vec<&SectionView> = board
        .size
        .iter()
        .map(|(_, _, at)| at)
        .chain(board.appointments.iter().map(|a| &a.at))
        .filter_map(|at| view.sections.get(at.section))
        .collect();
    let mut sections = sections;
    sections.dedup_by_key(|s| s.index);
    let note = match (board.size.is_some(), !board.appointments.is_empty()) {
        (true, true) => None,
        (true, false) => Some("hur medlemmarna är företrädda framgår inte".to_string()),
        (false, true) => Some("styrelsens storlek framgår inte".to_string()),
        (false, false) => {
            Some("styrelsens storlek och medlemmarnas företrädare framgår inte".to_string())
        }
    };
    if board.appointments.is_empty() {
        item(2, Status::Missing, numbers(&sections), note)
    } else {
        item(2, Status::Present, numbers(&sections), note)
    }
}

fn auditor_term_item(view: &Reading<'_>) -> ChecklistItem {
    let terms = facts::terms(view, Whose::Auditors);
    let at: Vec<usize> = [terms.first.map(|f| f.at), terms.later.map(|l| l.at)]
        .into_iter()
        .flatten()
        .map(|at| at.section)
        .collect();
    let mut sections: Vec<&SectionView> = view
        .sections
        .iter()
        .filter(|s| at.contains(&s.index))
        .collect();
    if sections.is_empty() {
        // A sentence on the revisors' term, not on the state's revisor
        // ("Mandattiden för den revisor som Försäkringskassan utser…").
        let found: Vec<usize> = view
            .sentences()
            .into_iter()
            .filter(|(_, s)| {
                let t = normalise(s);
                t.contains("revisor")
                    && (t.contains("mandattid")
                        || t.contains("första gången")
                        || t.contains("för fyra år"))
                    && !t.contains("försäkringskass")
                    && !t.contains("statens")
            })
            .map(|(i, _)| i)
            .collect();
        sections = view
            .sections
            .iter()
            .filter(|s| found.contains(&s.index))
            .collect();
    }
    if sections.is_empty() {
        item(11, Status::Missing, None, None)
    } else {
        item(11, Status::Present, numbers(&sections), None)
    }
}

/// The sentences about joint revisors of kommuner and regions (not the
/// state's joint revisor).
pub fn joint_auditor_sentences<'v>(view: &'v Reading<'_>) -> Vec<(usize, &'v str)> {
    view.sentences()
        .into_iter()
        .filter(|(_, s)| {
            let t = normalise(s);
            (t.contains("gemensam revisor") || t.contains("gemensamma revisorer"))
                && (t.contains("kommun") || t.contains("region") || t.contains("landsting"))
                && !(t.contains("försäkringskass")
                    || t.contains("arbetsförmedl")
                    || t.contains("länsarbetsnämnd")
                    || t.contains("statens"))
        })
        .collect()
}

fn joint_auditors_item(view: &Reading<'_>) -> ChecklistItem {
    let joint = joint_auditor_sentences(view);
    if joint.is_empty() {
        return item(
            12,
            Status::NotApplicable,
            None,
            Some("inga gemensamma revisorer för kommuner och regioner".into()),
        );
    }
    let sections: Vec<&SectionView> = joint
        .iter()
        .filter_map(|(i, _)| view.sections.get(*i))
        .collect();
    let says_who = joint.iter().any(|(_, s)| {
        let t = normalise(s);
        t.contains("utses av") || t.contains(" utser ")
    });
    if says_who {
        item(12, Status::Present, numbers(&sections), None)
    } else {
        item(
            12,
            Status::Missing,
            numbers(&sections),
            Some("det framgår inte vilken medlem som utser den gemensamma revisorn".into()),
        )
    }
}
