//! Tests of the section-by-section comparison: paired fixtures
//! (`NAME_1.md` → `NAME_2.md`) snapshotted as JSON and terminal text, and
//! the reference förbundsordningar compared with each other.

// Tests may panic on broken fixtures: that is how they fail.
#![allow(clippy::unwrap_used)]

mod reference;
mod render;

use std::path::{Path, PathBuf};

use forbund::diff::{Comparison, DiffOptions, Status, compare_parts, json, terminal};
use forbund::document::DocumentKind;

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The parts of a förbundsordning the comparison reads.
pub struct Parts {
    /// The title.
    pub title: String,
    /// The text before the first §.
    pub preamble: Vec<forbund::document::Block>,
    /// The §§.
    pub sections: Vec<forbund::document::Section>,
}

/// Markdown read into a förbundsordning's parts by the parser users hit
/// (a text without §§ has none).
pub fn read(markdown: &str) -> Parts {
    match forbund::parse::parse_as(
        "fixture.md",
        markdown.as_bytes(),
        Some(DocumentKind::Forbundsordning),
    ) {
        Ok(parsed) => Parts {
            title: parsed.document.title,
            preamble: parsed.document.preamble,
            sections: parsed.document.sections,
        },
        Err(_) => Parts {
            title: String::new(),
            preamble: Vec::new(),
            sections: Vec::new(),
        },
    }
}

/// A Markdown file read into document parts by the parser users hit.
pub fn parts(path: &Path) -> Parts {
    read(&std::fs::read_to_string(path).unwrap())
}

/// Compares two Markdown files.
pub fn compare_files(old: &Path, new: &Path, options: &DiffOptions) -> Comparison {
    let (old, new) = (parts(old), parts(new));
    compare_parts(
        &old.preamble,
        &old.sections,
        &new.preamble,
        &new.sections,
        options,
    )
}

/// The second file of a fixture pair.
fn partner(first: &Path) -> PathBuf {
    let name = first.file_name().unwrap().to_str().unwrap();
    first.with_file_name(name.replace("_1.md", "_2.md"))
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/diff").join(name)
}

fn statuses(c: &Comparison) -> Vec<Status> {
    c.sections.iter().map(|s| s.status).collect()
}

#[test]
fn every_fixture_pair() {
    insta::glob!("../fixtures", "diff/*_1.md", |path| {
        let c = compare_files(path, &partner(path), &DiffOptions::default());
        insta::assert_snapshot!("terminal", terminal(&c, false));
        insta::assert_snapshot!("json", json(&c));
        insta::assert_snapshot!("table", table_text(&c));
    });
}

/// The jämförelsetabell of a comparison as Markdown.
fn table_text(c: &Comparison) -> String {
    let info = forbund::diff::table::TableInfo {
        forbund: "Samordningsförbundet Test".into(),
        effective: chrono::NaiveDate::from_ymd_opt(2027, 1, 1),
        substance: Vec::new(),
        metadata: forbund::document::Metadata {
            title: String::new(),
            subject: "Samordningsförbundet Test".into(),
            author: "forbund".into(),
            case_number: None,
            date: chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
            language: "sv".into(),
        },
    };
    forbund::render::markdown::render(&forbund::diff::table::jamforelsetabell(c, &info))
}

#[test]
fn pure_formatting_is_no_change() {
    let c = compare_files(
        &fixture("formatting_1.md"),
        &fixture("formatting_2.md"),
        &DiffOptions::default(),
    );
    assert!(c.is_unchanged(), "{}", terminal(&c, false));
    assert_eq!(c.summary.unchanged, c.sections.len());
}

#[test]
fn modernisation_is_a_change_unless_ignored() {
    let (old, new) = (fixture("modernisation_1.md"), fixture("modernisation_2.md"));
    let plain = compare_files(&old, &new, &DiffOptions::default());
    assert!(statuses(&plain).iter().all(|s| *s == Status::Changed));
    let options = DiffOptions {
        ignore_modernisation: true,
        ..DiffOptions::default()
    };
    let modern = compare_files(&old, &new, &options);
    assert!(modern.is_unchanged(), "{}", terminal(&modern, false));
    insta::assert_snapshot!(terminal(&modern, false));
}

#[test]
fn ignoring_modernisation_keeps_the_original_words() {
    let options = DiffOptions {
        ignore_modernisation: true,
        ..DiffOptions::default()
    };
    let c = compare_files(
        &fixture("modernisation_1.md"),
        &fixture("modernisation_2.md"),
        &options,
    );
    let styrelsen = &c.sections[2];
    assert_eq!(
        styrelsen.changes[0].text,
        "Förbundet ska ledas av en styrelse. Ledamöter från regionen utses av regionfullmäktige."
    );
}

#[test]
fn each_kind_of_change_is_recognised() {
    let status_of = |name: &str| {
        let first = fixture(&format!("{name}_1.md"));
        statuses(&compare_files(
            &first,
            &partner(&first),
            &DiffOptions::default(),
        ))
    };
    use Status::*;
    assert_eq!(
        status_of("renumbering"),
        [Unchanged, Unchanged, Added, Unchanged, Changed, Unchanged]
    );
    assert_eq!(
        status_of("removal"),
        [
            Unchanged, Unchanged, Unchanged, Removed, Unchanged, Unchanged
        ]
    );
    assert_eq!(
        status_of("move"),
        [Unchanged, Moved, Unchanged, Unchanged, Unchanged, Unchanged]
    );
    assert_eq!(
        status_of("split"),
        [Unchanged, Unchanged, Split, Split, Unchanged, Unchanged]
    );
    assert_eq!(
        status_of("merge"),
        [Unchanged, Unchanged, Merged, Unchanged, Unchanged]
    );
}

#[test]
fn renumbering_is_reported_only_when_asked() {
    let first = fixture("renumbering_1.md");
    let shown = compare_files(&first, &partner(&first), &DiffOptions::default());
    assert_eq!(shown.summary.renumbered, 3);
    assert_eq!(shown.renumbering, [(1, 1), (2, 2), (3, 4), (4, 5), (5, 6)]);
    let options = DiffOptions {
        show_renumbering: false,
        ..DiffOptions::default()
    };
    let hidden = compare_files(&first, &partner(&first), &options);
    assert_eq!(hidden.summary.renumbered, 0);
    assert!(hidden.renumbering.is_empty());
    assert!(hidden.sections.iter().all(|s| !s.renumbered));
    assert!(!terminal(&hidden, false).contains("Paragrafnyckel"));
}

#[test]
fn old_and_new_text_are_kept_for_renderers() {
    let first = fixture("merge_1.md");
    let c = compare_files(&first, &partner(&first), &DiffOptions::default());
    let merged = &c.sections[2];
    assert_eq!(merged.old_text.len(), 2, "both merged sections' paragraphs");
    assert_eq!(merged.new_text.len(), 2);
    assert_eq!(merged.related, [4]);
}

/// The equal and inserted runs rebuild the new text, paragraph by
/// paragraph; the deleted runs hold only old words.
fn assert_rebuilds_new_text(c: &Comparison) {
    use forbund::diff::ChangeKind;
    for s in &c.sections {
        let rebuilt: String = s
            .changes
            .iter()
            .filter(|ch| ch.kind != ChangeKind::Delete)
            .map(|ch| ch.text.as_str())
            .collect();
        assert_eq!(rebuilt, s.new_text.join("\n"), "{}", s.display_heading());
    }
}

#[test]
fn changes_rebuild_the_new_text() {
    let dir = root().join("tests/fixtures/diff");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.to_str().unwrap().ends_with("_1.md") {
            for ignore_modernisation in [false, true] {
                let options = DiffOptions {
                    ignore_modernisation,
                    ..DiffOptions::default()
                };
                assert_rebuilds_new_text(&compare_files(&path, &partner(&path), &options));
            }
        }
    }
    let reference = root().join("samples/reference");
    for (old, new) in [
        ("stockholm", "haninge"),
        ("haninge", "husam"),
        ("husam", "stockholm"),
    ] {
        let file = |n: &str| reference.join(format!("{n}-forbundsordning.md"));
        assert_rebuilds_new_text(&compare_files(
            &file(old),
            &file(new),
            &DiffOptions::default(),
        ));
    }
}

proptest::proptest! {
    /// Any two documents made of a few §§ of common words compare without
    /// panicking, rebuild the new text and pair every section at most once.
    #[test]
    fn random_documents_compare_soundly(
        old in proptest::collection::vec(section_strategy(), 0..7),
        new in proptest::collection::vec(section_strategy(), 0..7),
    ) {
        let to_markdown = |sections: &[(String, Vec<String>)]| {
            let mut text = String::from("# FO\n\n");
            for (k, (heading, paragraphs)) in sections.iter().enumerate() {
                text.push_str(&format!("## {} § {heading}\n\n", k + 1));
                for p in paragraphs {
                    text.push_str(&format!("{p}\n\n"));
                }
            }
            text
        };
        let (old, new) = (read(&to_markdown(&old)), read(&to_markdown(&new)));
        let c = compare_parts(&old.preamble, &old.sections, &new.preamble, &new.sections, &DiffOptions::default());
        assert_rebuilds_new_text(&c);
        let mut news: Vec<u32> = c.sections.iter().filter_map(|s| s.new_number).collect();
        news.sort_unstable();
        news.dedup();
        proptest::prop_assert_eq!(news.len(), new.sections.len());
    }
}

fn section_strategy() -> impl proptest::strategy::Strategy<Value = (String, Vec<String>)> {
    use proptest::prelude::*;
    let word = proptest::sample::select(vec![
        "styrelsen",
        "ska",
        "skall",
        "förbundet",
        "landsting",
        "region",
        "ledamöter",
        "och",
        "ersättare",
        "revisor",
        "arkivlagen",
        "(1990:782)",
        "tre",
        "år",
        "Haninge",
        ",",
        ".",
    ]);
    let paragraph = proptest::collection::vec(word.clone(), 1..12).prop_map(|w| w.join(" "));
    (
        proptest::collection::vec(word, 1..4).prop_map(|w| w.join(" ")),
        proptest::collection::vec(paragraph, 0..4),
    )
}
