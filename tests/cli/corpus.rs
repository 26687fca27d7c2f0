//! The precision corpus (`tests/fixtures/corpus/`): no lawful
//! förbundsordning gets an error-level finding, and each defective one gets
//! exactly the expected error ids at the expected §§ (plus the listed
//! warnings). Every file is checked as a user would, by the binary and
//! without `--doc`: the kind must be recognised from the text itself.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{forbund_in, root};

/// A finding as the corpus compares them: rule id and § number.
type Key = (String, Option<u32>);

fn corpus(part: &str) -> Vec<PathBuf> {
    let dir = root().join("tests/fixtures/corpus").join(part);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "md" || e == "txt" || e == "docx" || e == "pdf")
        })
        .collect();
    files.sort();
    files
}

/// The § number of a finding's location ("5 § Styrelsen" → 5).
fn section_number(finding: &Value) -> Option<u32> {
    let section = finding["location"]["section"].as_str()?;
    let digits: String = section
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// The findings of one file by severity, or why it could not be checked.
fn check(path: &Path) -> Result<Vec<(String, Key)>, String> {
    let output = forbund_in(&root())
        .args(["check", "--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    let code = output.status.code();
    if !matches!(code, Some(0 | 1)) {
        return Err(format!(
            "exit {code:?}: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let json: Value =
        serde_json::from_slice(&output.stdout).map_err(|e| format!("output is not JSON: {e}"))?;
    let mut out = Vec::new();
    for report in json["reports"].as_array().into_iter().flatten() {
        for finding in report["findings"].as_array().into_iter().flatten() {
            let severity = finding["severity"].as_str().unwrap_or_default().to_string();
            let id = finding["id"].as_str().unwrap_or_default().to_string();
            out.push((severity, (id, section_number(finding))));
        }
    }
    Ok(out)
}

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

fn show(key: &Key) -> String {
    match key.1 {
        Some(n) => format!("{} {n} §", key.0),
        None => format!("{} (dokumentet)", key.0),
    }
}

fn keys(list: &Value) -> BTreeSet<Key> {
    list.as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            (
                e["id"].as_str().unwrap().to_string(),
                e["section"].as_u64().and_then(|n| u32::try_from(n).ok()),
            )
        })
        .collect()
}

#[test]
fn corpus_lawful_forbundsordningar_get_no_errors() {
    let files = corpus("lawful");
    assert!(
        files.len() >= 40,
        "the lawful corpus has {} files",
        files.len()
    );
    let mut problems = Vec::new();
    for path in &files {
        match check(path) {
            Err(why) => problems.push(format!("{}: {why}", name(path))),
            Ok(findings) => {
                for (severity, key) in findings {
                    if severity == "error" {
                        problems.push(format!("{}: {}", name(path), show(&key)));
                    }
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "false errors on lawful files ({}):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn corpus_defective_forbundsordningar_get_exactly_the_expected_findings() {
    let dir = root().join("tests/fixtures/corpus/defective");
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let files = corpus("defective");
    let mut problems = Vec::new();
    for path in &files {
        let file = name(path);
        let Some(want) = expected.get(&file) else {
            problems.push(format!("{file}: not in expected.json"));
            continue;
        };
        let findings = match check(path) {
            Ok(findings) => findings,
            Err(why) => {
                problems.push(format!("{file}: {why}"));
                continue;
            }
        };
        let errors: BTreeSet<Key> = findings
            .iter()
            .filter(|(s, _)| s == "error")
            .map(|(_, k)| k.clone())
            .collect();
        let all: BTreeSet<Key> = findings.iter().map(|(_, k)| k.clone()).collect();
        let want_errors = keys(&want["errors"]);
        for extra in errors.difference(&want_errors) {
            problems.push(format!("{file}: unexpected error {}", show(extra)));
        }
        for missing in want_errors.difference(&errors) {
            problems.push(format!("{file}: missing error {}", show(missing)));
        }
        for warning in keys(&want["warnings"]) {
            if !all.contains(&warning) {
                problems.push(format!("{file}: missing warning {}", show(&warning)));
            }
        }
    }
    for file in expected.as_object().unwrap().keys() {
        if !dir.join(file).exists() {
            problems.push(format!("{file}: listed in expected.json but missing"));
        }
    }
    assert!(
        problems.is_empty(),
        "defective corpus differs from expected.json ({}):\n{}",
        problems.len(),
        problems.join("\n")
    );
}
