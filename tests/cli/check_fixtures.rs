//! Every rule's fixtures: one that triggers it and one that must not, each
//! snapshotted with the rule's findings.
//!
//! Rule fixtures live in `tests/fixtures/check/` and are named
//! `<rule id>.<trigger|ok>.<case>.<ext>`:
//!
//! - `.json`: a JSON merge patch (RFC 7396) on `samples/<$bas>.json`
//!   (default `stockholm`);
//! - `.md`: a document; a first line `<!-- bas: NAME -->` starts from the
//!   förbundsordning drafted from `samples/NAME.json` (or, for
//!   `referens/NAME`, from `samples/reference/NAME-forbundsordning.md`),
//!   and lines `<!-- ersätt: A => B -->` edit it (`\n` is a line break);
//! - `.paket`: a decision package drafted from a sample and edited, one
//!   instruction per line (`bas: NAME`, `ändra: {JSON merge patch}` on the
//!   sample before drafting, `utan beskrivning`, `ersätt i STEM: A => B`,
//!   `kopia STEM som NY`, `ta bort STEM`);
//! - `.beslut`: members' decisions checked against a description: JSON with
//!   `beskrivning` (a sample's name), `idag` (YYYY-MM-DD) and `beslut`, a
//!   record of decisions (paths from `samples/`) or the name of one under
//!   `samples/` (paths from its folder).

use std::path::Path;

use forbund::check::{self, Package, PackageDocument, Report};
use forbund::compose::{Selection, Templates, compose};
use forbund::document::Document;
use forbund::render::{Format, PdfProfile};
use forbund::spec::Forbund;
use serde_json::Value;

use super::root;

pub fn sample_text(name: &str) -> String {
    std::fs::read_to_string(root().join(format!("samples/{name}.json"))).unwrap()
}

pub fn load(name: &str, text: &str) -> Forbund {
    forbund::spec::load(name, text.as_bytes()).unwrap_or_else(|p| panic!("{name} is valid: {p:#?}"))
}

/// RFC 7396: objects merge, `null` removes, anything else replaces.
fn merge(target: &mut Value, patch: &Value) {
    match (target, patch) {
        (Value::Object(t), Value::Object(p)) => {
            for (k, v) in p {
                if v.is_null() {
                    t.remove(k);
                } else {
                    merge(t.entry(k.clone()).or_insert(Value::Null), v);
                }
            }
        }
        (t, p) => *t = p.clone(),
    }
}

/// The Markdown of every draft of a sample, by file stem.
fn drafts(forbund: &Forbund) -> Vec<(String, String)> {
    compose(forbund, &Templates::builtin(), Selection::All, None)
        .unwrap()
        .into_iter()
        .map(|c| {
            let bytes =
                forbund::render::render(&c.document, Format::Markdown, PdfProfile::ArchiveA2b)
                    .unwrap();
            (c.file_stem, String::from_utf8(bytes).unwrap())
        })
        .collect()
}

fn unescape(text: &str) -> String {
    text.trim().replace("\\n", "\n")
}

/// Replaces `a` by `b`, insisting that `a` is there.
fn edit(text: &str, a: &str, b: &str, fixture: &str) -> String {
    assert!(text.contains(a), "{fixture}: «{a}» is not in the base text");
    text.replace(a, b)
}

fn base_document(base: &str) -> String {
    match base.strip_prefix("referens/") {
        Some(name) => std::fs::read_to_string(
            root().join(format!("samples/reference/{name}-forbundsordning.md")),
        )
        .unwrap(),
        None => {
            let forbund = load(base, &sample_text(base));
            drafts(&forbund)
                .into_iter()
                .find(|(s, _)| s == "forbundsordning")
                .unwrap()
                .1
        }
    }
}

fn document_fixture(path: &Path, name: &str) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let Some(base) = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("<!-- bas:"))
        .map(|l| l.trim_end_matches("-->").trim().to_string())
    else {
        return text;
    };
    lines.next();
    let mut doc = base_document(&base);
    for line in lines {
        if let Some(rest) = line.strip_prefix("<!-- ersätt:") {
            let rest = rest.trim_end_matches("-->");
            let (a, b) = rest
                .split_once("=>")
                .unwrap_or_else(|| panic!("{name}: ersätt A => B"));
            doc = edit(&doc, &unescape(a), &unescape(b), name);
        } else if !line.trim().is_empty() {
            doc.push_str(line);
            doc.push('\n');
        }
    }
    doc
}

fn package_fixture(path: &Path, name: &str) -> (Vec<(String, String)>, Option<Forbund>) {
    let text = std::fs::read_to_string(path).unwrap();
    let base = text
        .lines()
        .find_map(|l| l.strip_prefix("bas:"))
        .unwrap_or("stockholm")
        .trim();
    let mut value: Value = serde_json::from_str(&sample_text(base)).unwrap();
    for line in text.lines() {
        if let Some(patch) = line.strip_prefix("ändra:") {
            merge(&mut value, &serde_json::from_str(patch).unwrap());
        }
    }
    let forbund = load(name, &serde_json::to_string(&value).unwrap());
    let mut docs = drafts(&forbund);
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("ersätt i ") {
            let (stem, change) = rest.split_once(':').unwrap();
            let (a, b) = change.split_once("=>").unwrap();
            let doc = docs
                .iter_mut()
                .find(|(s, _)| s == stem.trim())
                .unwrap_or_else(|| panic!("{name}: no {stem}"));
            doc.1 = edit(&doc.1, &unescape(a), &unescape(b), name);
        } else if let Some(stem) = line.strip_prefix("ta bort ") {
            let before = docs.len();
            docs.retain(|(s, _)| s != stem.trim());
            assert!(docs.len() < before, "{name}: no {stem} to remove");
        } else if let Some(rest) = line.strip_prefix("kopia ") {
            let (from, to) = rest.split_once(" som ").unwrap();
            let copy = docs
                .iter()
                .find(|(s, _)| s == from.trim())
                .unwrap()
                .1
                .clone();
            docs.push((to.trim().to_string(), copy));
        }
    }
    let with_description = !text.lines().any(|l| l.trim() == "utan beskrivning");
    (docs, with_description.then_some(forbund))
}

/// Checks a fixture and returns its report.
fn check_fixture(path: &Path) -> Report {
    let name = path.file_name().unwrap().to_str().unwrap().to_string();
    match path.extension().and_then(|e| e.to_str()) {
        Some("json") => {
            let patch: Value =
                serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            let base = patch
                .get("$bas")
                .and_then(Value::as_str)
                .unwrap_or("stockholm")
                .to_string();
            let mut value: Value = serde_json::from_str(&sample_text(&base)).unwrap();
            merge(&mut value, &patch);
            if let Some(o) = value.as_object_mut() {
                o.remove("$bas");
            }
            let text = serde_json::to_string_pretty(&value).unwrap();
            let forbund = load(&name, &text);
            check::check_description(&name, &forbund, Some(&text))
        }
        Some("md") => {
            let text = document_fixture(path, &name);
            let document = read_markdown(&text, None);
            check::check_document(&name, &document, Some(&text))
        }
        Some("paket") => {
            let (docs, forbund) = package_fixture(path, &name);
            let read: Vec<(String, Document, String)> = docs
                .into_iter()
                .map(|(stem, text)| (format!("{stem}.md"), read_markdown(&text, None), text))
                .collect();
            let package = Package {
                name: name.clone(),
                documents: read
                    .iter()
                    .map(|(file, document, text)| PackageDocument {
                        file: file.clone(),
                        document,
                        source: Some(text),
                    })
                    .collect(),
                forbund: forbund.as_ref(),
            };
            check::check_package(&package)
        }
        Some("beslut") => adoption_fixture(path, &name),
        other => panic!("{name}: unknown fixture type {other:?}"),
    }
}

#[test]
fn every_rule_fixture_triggers_its_rule_or_not() {
    insta::glob!("../fixtures", "check/*.*", |path| {
        let name = path.file_name().unwrap().to_str().unwrap();
        let mut parts = name.split('.');
        let rule = parts.next().unwrap().to_uppercase();
        let expectation = parts.next().unwrap();
        assert!(check::rule(&rule).is_some(), "{name}: no rule {rule}");
        let mut report = check_fixture(path);
        report.findings.retain(|f| f.id == rule);
        report.checklist = None;
        match expectation {
            "trigger" => assert!(!report.findings.is_empty(), "{name} must trigger {rule}"),
            "ok" => assert!(
                report.findings.is_empty(),
                "{name} must not trigger {rule}:\n{}",
                check::report::human::render(&[report])
            ),
            other => panic!("{name}: expectation {other} is trigger or ok"),
        }
        insta::assert_snapshot!(check::report::human::render(&[report]));
    });
}

#[test]
fn every_rule_has_fixtures_both_ways() {
    let names: Vec<String> = std::fs::read_dir(root().join("tests/fixtures/check"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    let mut missing = Vec::new();
    for rule in check::rules() {
        for expectation in ["trigger", "ok"] {
            let prefix = format!("{}.{expectation}.", rule.id.to_lowercase());
            if !names.iter().any(|n| n.starts_with(&prefix)) {
                missing.push(prefix);
            }
        }
    }
    assert!(missing.is_empty(), "fixtures missing: {missing:#?}");
}

/// A Markdown fixture read by the parser users hit, of `kind` or the kind
/// its text shows.
pub fn read_markdown(text: &str, kind: Option<forbund::document::DocumentKind>) -> Document {
    forbund::review::read_document("fixture.md", text.as_bytes(), kind)
        .unwrap_or_else(|findings| panic!("{findings:#?}"))
        .document
}

/// A `.beslut` fixture: the record assessed, checked against the sample
/// description as of `idag`.
fn adoption_fixture(path: &Path, name: &str) -> Report {
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    // Paths in the record are from its own folder; an inline record's from `samples/`.
    let (text, folder) = match &fixture["beslut"] {
        Value::String(sample) => {
            let path = root().join(format!("samples/{sample}.json"));
            let folder = path.parent().unwrap().to_path_buf();
            (std::fs::read_to_string(&path).unwrap(), folder)
        }
        record => (
            serde_json::to_string_pretty(record).unwrap(),
            root().join("samples"),
        ),
    };
    let decisions = forbund::adoption::load(name, text.as_bytes()).unwrap();
    let read = |file: &str| {
        let bytes = std::fs::read(folder.join(file)).unwrap();
        forbund::diff::Side::read(file, &bytes, &Templates::builtin(), None)
            .unwrap()
            .document
    };
    let sources = forbund::adoption::Sources {
        proposal: read(&decisions.proposal),
        files: decisions
            .files()
            .into_iter()
            .skip(1)
            .map(|f| (f.to_string(), read(f)))
            .collect(),
    };
    let assessment = forbund::adoption::assess(&decisions, &sources, &Default::default()).unwrap();
    let base = fixture["beskrivning"].as_str().unwrap();
    let forbund = load(base, &sample_text(base));
    let today = fixture["idag"].as_str().unwrap().parse().unwrap();
    let input = forbund::check::rule::AdoptionInput {
        assessment: &assessment,
        today,
    };
    check::check_adoption(name, &forbund, &input, Some(&text))
}
