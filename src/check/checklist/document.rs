//! The 9 § checklist of a förbundsordning read from its text: each item
//! recognised first by the headings that usually carry it, then by content.

use super::{ChecklistItem, Find, ITEMS, Item, Status};
use crate::read::facts::{self, Whose};
use crate::read::lexicon::fold;
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
        .filter(|s| found(s, &s.folded))
        .collect()
}

/// An item found by its sections: present in the sections whose heading
/// names one of the item's topics, else in those whose folded text satisfies
/// `content`.
fn by_sections(
    view: &Reading<'_>,
    item: &'static Item,
    content: fn(&str) -> bool,
) -> ChecklistItem {
    let mut sections = where_(view, |s, _| item.topics.iter().any(|t| s.is(*t)));
    if sections.is_empty() {
        sections = where_(view, |s, _| content(&s.folded));
    }
    if sections.is_empty() {
        item.entry(Status::Missing, None, None)
    } else {
        item.entry(Status::Present, numbers(&sections), None)
    }
}

/// The checklist of a förbundsordning, read from its text.
pub fn document(view: &Reading<'_>) -> Vec<ChecklistItem> {
    view.cache.checklist.get_or_init(|| read(view)).clone()
}

fn read(view: &Reading<'_>) -> Vec<ChecklistItem> {
    ITEMS
        .iter()
        .map(|item| match item.find {
            Find::Sections(content) => by_sections(view, item, content),
            Find::Reader(reader) => reader(view, item),
        })
        .collect()
}

pub(super) fn first_item(view: &Reading<'_>, item: &'static Item) -> ChecklistItem {
    let parts: [(&str, Vec<&SectionView>); 4] = [
        (
            "namn",
            where_(view, |s, t| {
                s.is(Topic::Namn) || t.contains("forbundets namn")
            }),
        ),
        (
            "säte",
            where_(view, |s, t| {
                s.is(Topic::Sate) || t.contains("sate ") || t.ends_with("sate")
            }),
        ),
        ("medlemmar", where_(view, |s, _| s.is(Topic::Medlemmar))),
        (
            "ändamål",
            where_(view, |s, t| s.is(Topic::Andamal) || t.contains("andamal")),
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
        item.entry(Status::Present, numbers(&all), None)
    } else {
        item.entry(
            Status::Missing,
            numbers(&all),
            Some(format!("förbundets {}", crate::swedish::join_and(&missing))),
        )
    }
}

pub(super) fn board_item(view: &Reading<'_>, item: &'static Item) -> ChecklistItem {
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
        item.entry(Status::Missing, numbers(&sections), note)
    } else {
        item.entry(Status::Present, numbers(&sections), note)
    }
}

pub(super) fn auditor_term_item(view: &Reading<'_>, item: &'static Item) -> ChecklistItem {
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
            .folded_sentences()
            .filter(|(_, _, t)| {
                t.contains("revisor")
                    && (t.contains("mandattid")
                        || t.contains("forsta gangen")
                        || t.contains("for fyra ar"))
                    && !t.contains("forsakringskass")
                    && !t.contains("statens")
            })
            .map(|(i, _, _)| i)
            .collect();
        sections = view
            .sections
            .iter()
            .filter(|s| found.contains(&s.index))
            .collect();
    }
    if sections.is_empty() {
        item.entry(Status::Missing, None, None)
    } else {
        item.entry(Status::Present, numbers(&sections), None)
    }
}

/// The sentences about joint revisors of kommuner and regions (not the
/// state's joint revisor).
pub fn joint_auditor_sentences<'v>(view: &'v Reading<'_>) -> Vec<(usize, &'v str)> {
    view.folded_sentences()
        .filter(|(_, _, t)| {
            (t.contains("gemensam revisor") || t.contains("gemensamma revisorer"))
                && (t.contains("kommun") || t.contains("region") || t.contains("landsting"))
                && !(t.contains("forsakringskass")
                    || t.contains("arbetsformedl")
                    || t.contains("lansarbetsnamnd")
                    || t.contains("statens"))
        })
        .map(|(index, s, _)| (index, s))
        .collect()
}

/// Words saying who appoints or elects a revisor (folded): "utses av",
/// "väljs av kommunfullmäktige i X kommun".
const APPOINTED_BY: &[&str] = &["utses av", " utser ", "valjs av", " valjer ", "utnamns av"];

pub(super) fn joint_auditors_item(view: &Reading<'_>, item: &'static Item) -> ChecklistItem {
    let joint = joint_auditor_sentences(view);
    if joint.is_empty() {
        return item.entry(
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
        let t = fold(s);
        APPOINTED_BY.iter().any(|w| t.contains(w))
    });
    if says_who {
        item.entry(Status::Present, numbers(&sections), None)
    } else {
        item.entry(
            Status::Missing,
            numbers(&sections),
            Some("det framgår inte vilken medlem som utser den gemensamma revisorn".into()),
        )
    }
}
