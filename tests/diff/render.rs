//! The renderers (HTML, Markdown, colour terminal, JSON shape) and the
//! list of changes in substance.

use forbund::compose::markup::read;
use forbund::diff::{DiffOptions, compare_parts, html, json, markdown, substance, terminal};
use forbund::document::{Document, DocumentKind, Metadata};
use serde_json::Value;

use super::{compare_files, parts, root};

fn changed_pair() -> forbund::diff::Comparison {
    let old = read(
        "# FO\n\n## 1 § Namn\n\nNamnet är <Gamla> & \"X\".\n\n## 2 § Säte\n\nSätet är i Haninge.\n",
        true,
    );
    let new = read(
        "# FO\n\n## 1 § Namn\n\nNamnet är <Nya> & \"X\".\n\n## 2 § Ny paragraf\n\nHelt ny text om arkiv.\n\n## 3 § Säte\n\nSätet är i Huddinge.\n",
        true,
    );
    compare_parts(
        &old.preamble,
        &old.sections,
        &new.preamble,
        &new.sections,
        &DiffOptions::default(),
    )
}

#[test]
fn html_is_a_side_by_side_page_with_escaped_text() {
    let page = html(&changed_pair());
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<th>Nuvarande lydelse</th><th>Föreslagen lydelse</th>"));
    assert!(page.contains("<del>Gamla</del>"));
    assert!(page.contains("<ins>Nya</ins>"));
    assert!(page.contains("&lt;") && page.contains("&amp;") && page.contains("&quot;X&quot;"));
    assert!(!page.contains("<Nya>"));
    assert!(page.contains("Paragrafnyckel"));
    insta::assert_snapshot!(page);
}

#[test]
fn markdown_is_a_jamforelsetabell() {
    let text = markdown(&changed_pair());
    assert!(text.contains("| Nuvarande lydelse | Föreslagen lydelse |"));
    insta::assert_snapshot!(text);
}

#[test]
fn colour_marks_deletions_and_insertions() {
    let text = terminal(&changed_pair(), true);
    assert!(text.contains("\x1b[31;9mHaninge\x1b[0m"));
    assert!(text.contains("\x1b[32;4mHuddinge\x1b[0m"));
    let plain = terminal(&changed_pair(), false);
    assert!(!plain.contains('\x1b'));
    assert!(plain.contains("[-Haninge-] {+Huddinge+}"));
}

#[test]
fn json_has_the_documented_shape() {
    let value: Value = serde_json::from_str(&json(&changed_pair())).unwrap();
    let section = &value["sections"][0];
    for key in [
        "old_number",
        "new_number",
        "old_heading",
        "new_heading",
        "status",
        "similarity",
        "renumbered",
        "related",
        "changes",
    ] {
        assert!(section.get(key).is_some(), "{key}");
    }
    assert_eq!(section["status"], "changed");
    assert_eq!(section["changes"][1]["kind"], "delete");
    assert!(value["summary"]["added"].is_u64());
    assert_eq!(value["renumbering"][1], serde_json::json!([2, 3]));
}

fn sample(name: &str) -> Value {
    let text = std::fs::read_to_string(root().join("samples").join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn document(markdown_path: &str) -> Document {
    let parts = parts(&root().join(markdown_path));
    Document {
        kind: DocumentKind::Forbundsordning,
        metadata: Metadata::default(),
        title: parts.title,
        header: Vec::new(),
        preamble: parts.preamble,
        sections: parts.sections,
        signatures: Vec::new(),
    }
}

#[test]
fn substance_of_a_larger_board() {
    let fo = document("samples/reference/haninge-forbundsordning.md");
    let lines = substance(
        &sample("haninge.json"),
        &sample("haninge-antagen.json"),
        Some(&fo),
    );
    assert_eq!(
        lines,
        [
            "5 §: ledamöter per medlem 1 → 2",
            "5 §: ersättare per medlem 1 → 2"
        ]
    );
}

#[test]
fn substance_between_two_forbund() {
    let fo = document("samples/reference/husam-forbundsordning.md");
    let lines = substance(&sample("haninge.json"), &sample("husam.json"), Some(&fo));
    assert!(
        lines.contains(&"2 §: säte Haninge → Huddinge".to_string()),
        "{lines:#?}"
    );
    insta::assert_snapshot!(lines.join("\n"));
    let without = substance(&sample("haninge.json"), &sample("husam.json"), None);
    assert!(
        without.contains(&"säte: Haninge → Huddinge".to_string()),
        "{without:#?}"
    );
}

#[test]
fn formatting_fixture_renders_one_line_per_section() {
    let dir = root().join("tests/fixtures/diff");
    let c = compare_files(
        &dir.join("formatting_1.md"),
        &dir.join("formatting_2.md"),
        &DiffOptions::default(),
    );
    let text = terminal(&c, false);
    assert_eq!(text.lines().count(), c.sections.len() + 1);
}
