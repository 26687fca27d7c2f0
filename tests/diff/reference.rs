//! The reference förbundsordningar compared with each other: Haninge and
//! HUSAM are near-identical templates; Stockholm (20 §§) against Haninge
//! (19 §§) must pair by subject, not by number.

use std::path::PathBuf;
use std::time::Instant;

use forbund::diff::{Comparison, DiffOptions, SectionDiff, Status, json};

use super::{compare_files, root};

fn reference(name: &str) -> PathBuf {
    root()
        .join("samples/reference")
        .join(format!("{name}-forbundsordning.md"))
}

fn compare(old: &str, new: &str) -> Comparison {
    compare_files(&reference(old), &reference(new), &DiffOptions::default())
}

/// "17 § TVISTER OCH ÖVERKLAGAN → 16 § Tvister (ändrad)" per section.
fn pairing(c: &Comparison) -> String {
    let side = |n: Option<u32>, h: &Option<String>| match (n, h) {
        (Some(n), Some(h)) => format!("{n} § {h}"),
        (None, Some(h)) => h.clone(),
        _ => "–".to_string(),
    };
    c.sections
        .iter()
        .map(|s| {
            format!(
                "{} → {} ({})\n",
                side(s.old_number, &s.old_heading),
                side(s.new_number, &s.new_heading),
                s.status.swedish()
            )
        })
        .collect()
}

fn find<'c>(c: &'c Comparison, old_heading: &str) -> &'c SectionDiff {
    c.sections
        .iter()
        .find(|s| s.old_heading.as_deref() == Some(old_heading))
        .unwrap()
}

#[test]
fn haninge_and_husam_pair_all_nineteen() {
    let c = compare("haninge", "husam");
    assert_eq!(c.summary.added, 0, "{}", pairing(&c));
    assert_eq!(c.summary.removed, 0, "{}", pairing(&c));
    assert_eq!(c.summary.moved + c.summary.split + c.summary.merged, 0);
    let numbered: Vec<&SectionDiff> = c
        .sections
        .iter()
        .filter(|s| s.new_number.is_some())
        .collect();
    assert_eq!(numbered.len(), 19);
    assert!(numbered.iter().all(|s| s.old_number == s.new_number));
    assert!(c.renumbering.is_empty());
    insta::assert_snapshot!(pairing(&c));
}

#[test]
fn stockholm_and_haninge_pair_by_subject() {
    let c = compare("stockholm", "haninge");
    let tvister = find(&c, "TVISTER OCH ÖVERKLAGAN");
    assert_eq!(tvister.new_heading.as_deref(), Some("Tvister"));
    assert_eq!(
        (tvister.old_number, tvister.new_number),
        (Some(17), Some(16))
    );
    let arkiv = find(&c, "ARKIVTILLSYN");
    assert_eq!(arkiv.new_heading.as_deref(), Some("Arkivtillsyn"));
    assert_eq!((arkiv.old_number, arkiv.new_number), (Some(19), Some(18)));
    let revision = find(&c, "REVISORER OCH REVISION");
    assert_eq!(
        revision.new_heading.as_deref(),
        Some("Mandattid och revisorer")
    );
    let budget = find(&c, "BUDGET");
    assert_eq!(budget.status, Status::Removed, "Haninge has no budget §");
    assert_eq!(c.summary.added, 0);
    insta::assert_snapshot!(pairing(&c));
}

#[test]
fn haninge_and_stockholm_pair_the_same_way_round() {
    let c = compare("haninge", "stockholm");
    let tvister = find(&c, "Tvister");
    assert_eq!(
        tvister.new_heading.as_deref(),
        Some("TVISTER OCH ÖVERKLAGAN")
    );
    assert_eq!(c.summary.added, 1, "{}", pairing(&c));
    assert_eq!(c.summary.removed, 0, "{}", pairing(&c));
}

#[test]
fn identical_documents_are_unchanged() {
    for name in ["stockholm", "haninge", "husam"] {
        let c = compare(name, name);
        assert!(c.is_unchanged(), "{name}");
        assert!(
            c.sections
                .iter()
                .all(|s| s.similarity == 1.0 && !s.renumbered)
        );
        assert!(c.renumbering.is_empty());
    }
}

#[test]
fn the_same_input_gives_the_same_output() {
    let first = json(&compare("stockholm", "haninge"));
    for _ in 0..3 {
        assert_eq!(json(&compare("stockholm", "haninge")), first);
    }
}

#[test]
fn comparing_two_real_forbundsordningar_is_fast() {
    let (old, new) = (
        super::parts(&reference("stockholm")),
        super::parts(&reference("haninge")),
    );
    let runs = 20;
    let start = Instant::now();
    for _ in 0..runs {
        forbund::diff::compare_parts(
            &old.preamble,
            &old.sections,
            &new.preamble,
            &new.sections,
            &DiffOptions::default(),
        );
    }
    let each = start.elapsed() / runs;
    eprintln!("stockholm → haninge: {each:?} per comparison (this build)");
    // Generous even for an unoptimised build on a busy machine; it catches
    // an accidental blow-up, not a few milliseconds.
    assert!(each.as_millis() < 500, "{each:?}");
}
