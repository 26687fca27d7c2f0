//! The renderers (HTML, Markdown, colour terminal, JSON shape) and the
//! list of changes in substance.

use forbund::diff::substance::Stated;
use forbund::diff::{DiffOptions, compare_parts, html, json, markdown, substance, terminal};
use forbund::document::{Document, DocumentKind, Metadata};
use forbund::spec::{Forbund, Member, MemberKind};
use serde_json::Value;

use super::{compare_files, parts, read, root};

fn changed_pair() -> forbund::diff::Comparison {
    let old = read(
        "# FO\n\n## 1 § Namn\n\nNamnet är \\<Gamla\\> & \"X\".\n\n## 2 § Säte\n\nSätet är i Haninge.\n",
    );
    let new = read(
        "# FO\n\n## 1 § Namn\n\nNamnet är \\<Nya\\> & \"X\".\n\n## 2 § Ny paragraf\n\nHelt ny text om arkiv.\n\n## 3 § Säte\n\nSätet är i Huddinge.\n",
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

fn sample(name: &str) -> Forbund {
    let bytes = std::fs::read(root().join("samples").join(name)).unwrap();
    forbund::spec::load(name, &bytes).unwrap()
}

/// The changes in substance between two descriptions, as displayed.
fn shown(old: &Forbund, new: &Forbund, fo: Option<&Document>) -> Vec<String> {
    substance(Stated::Description(old), Stated::Description(new), fo)
        .iter()
        .map(ToString::to_string)
        .collect()
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
        acceptances: Vec::new(),
    }
}

#[test]
fn substance_of_a_larger_board() {
    let fo = document("samples/reference/haninge-forbundsordning.md");
    let lines = shown(
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
    let lines = shown(&sample("haninge.json"), &sample("husam.json"), Some(&fo));
    assert!(
        lines.contains(&"2 §: säte Haninge → Huddinge".to_string()),
        "{lines:#?}"
    );
    insta::assert_snapshot!(lines.join("\n"));
    let without = shown(&sample("haninge.json"), &sample("husam.json"), None);
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

#[test]
fn a_renamed_region_is_a_rename_not_a_leaving_and_a_joining() {
    let old = sample("haninge.json");
    let mut new = old.clone();
    let region = new
        .members
        .iter_mut()
        .find(|m| m.kind == MemberKind::Region)
        .unwrap();
    let old_name = region.namn.clone();
    region.namn = "Region Stockholm".to_string();
    let changes = substance(Stated::Description(&old), Stated::Description(&new), None);
    let renamed: Vec<String> = changes.iter().map(ToString::to_string).collect();
    assert_eq!(
        renamed,
        [format!(
            "medlemmar: {old_name} byter namn till Region Stockholm"
        )],
        "{changes:#?}"
    );
}

#[test]
fn a_joining_kommun_changes_every_kommuns_share() {
    let old = sample("haninge.json");
    let mut new = old.clone();
    let kommun = new
        .members
        .iter()
        .find(|m| m.kind == MemberKind::Kommun)
        .unwrap()
        .clone();
    new.members.push(Member {
        namn: "Nynäshamns kommun".to_string(),
        ..kommun.clone()
    });
    let shown = shown(&old, &new, None);
    assert!(
        shown.contains(&"medlemmar: Nynäshamns kommun tillkommer".to_string()),
        "{shown:#?}"
    );
    assert!(
        shown.contains(&format!("ekonomi: andel för {} 25 % → 12,5 %", kommun.namn)),
        "{shown:#?}"
    );
    assert!(
        shown.contains(&"ekonomi: andel för Nynäshamns kommun – → 12,5 %".to_string()),
        "{shown:#?}"
    );
}

#[test]
fn a_page_break_inside_the_purpose_is_no_change() {
    let old = sample("stockholm.json");
    let mut new = old.clone();
    let first = new.purpose.remove(0);
    let (a, b) = first.split_at(first.find(' ').unwrap());
    new.purpose.insert(0, b.trim().to_string());
    new.purpose.insert(0, a.to_string());
    assert_eq!(shown(&old, &new, None), Vec::<String>::new());
}
