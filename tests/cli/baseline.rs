//! Checking against a baseline: findings marked new, unchanged or fixed,
//! with § numbers mapped through the comparison.

use forbund::check::{Report, report};
use forbund::document::DocumentKind;
use forbund::finding::{BaselineState, Severity};
use forbund::review::{Input, check_with_baseline};

use super::check_fixtures::read_markdown;
use super::root;

const OLD: &str = "samples/reference/haninge-forbundsordning.md";

fn text(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap()
}

fn baseline(old: &str, new: &str) -> Report {
    let old_doc = read_markdown(old, Some(DocumentKind::Forbundsordning));
    let new_doc = read_markdown(new, Some(DocumentKind::Forbundsordning));
    check_with_baseline(
        &Input::Document {
            file: "ny.md",
            document: &new_doc,
            source: Some(new),
        },
        &Input::Document {
            file: "gammal.md",
            document: &old_doc,
            source: Some(old),
        },
    )
}

fn with_state(report: &Report, state: BaselineState) -> Vec<(String, Option<String>)> {
    report
        .findings
        .iter()
        .filter(|f| f.baseline == Some(state))
        .map(|f| (f.id.clone(), f.location.section.clone()))
        .collect()
}

/// The old text with a neutral § inserted after 1 § and every later §
/// renumbered.
fn renumbered(old: &str) -> String {
    let mut out = String::new();
    for line in old.lines() {
        if let Some(rest) = line.strip_prefix("## ")
            && let Some((n, heading)) = rest.split_once(" § ")
            && let Ok(n) = n.parse::<u32>()
        {
            if n == 2 {
                out.push_str("## 2 § Förbundets webbplats\n\nFörbundet har en webbplats.\n\n");
            }
            let n = if n >= 2 { n + 1 } else { n };
            out.push_str(&format!("## {n} § {heading}\n"));
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[test]
fn modernised_copy_fixes_the_outdated_words_and_keeps_the_rest() {
    let report = baseline(
        &text(OLD),
        &text("tests/fixtures/baseline/haninge-modern.md"),
    );
    let fixed = with_state(&report, BaselineState::Fixed);
    assert!(fixed.iter().any(|(id, _)| id == "SPRAK-SKALL"), "{fixed:?}");
    assert!(
        fixed
            .iter()
            .any(|(id, _)| id == "AKTUELL-ARBETSFORMEDLINGEN"),
        "{fixed:?}"
    );
    let new = with_state(&report, BaselineState::New);
    assert!(new.is_empty(), "nothing new: {new:?}");
    assert!(!with_state(&report, BaselineState::Unchanged).is_empty());
    assert!(
        report
            .findings
            .iter()
            .filter(|f| f.baseline == Some(BaselineState::Fixed))
            .all(|f| f.location.file.as_deref() == Some("gammal.md"))
    );
    assert_eq!(report.baseline.as_deref(), Some("gammal.md"));
    // Fixed findings never count against the new text.
    let open_info = report
        .findings
        .iter()
        .filter(|f| {
            f.severity == Severity::Info
                && f.suppression.is_none()
                && f.baseline != Some(BaselineState::Fixed)
        })
        .count();
    assert_eq!(report.count(Severity::Info), open_info);
    assert!(
        !report
            .findings
            .iter()
            .any(|f| f.baseline == Some(BaselineState::Fixed) && f.is_blocking())
    );
    let human = report::human::render(std::slice::from_ref(&report));
    assert!(human.contains("[åtgärdad]"), "{human}");
    assert!(human.contains("[kvarstår]"), "{human}");
    assert!(human.contains("\nåtgärdade ("), "{human}");
    assert!(
        human.contains(&format!(
            "jämfört med gammal.md: 0 nya, {} kvarstår, {} åtgärdade",
            report.count_baseline(BaselineState::Unchanged),
            report.count_baseline(BaselineState::Fixed)
        )),
        "{human}"
    );
}

#[test]
fn an_unchanged_text_has_only_unchanged_findings() {
    let old = text(OLD);
    let report = baseline(&old, &old);
    assert!(!report.findings.is_empty());
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.baseline == Some(BaselineState::Unchanged))
    );
}

#[test]
fn a_new_error_shows_as_new() {
    let old = text(OLD);
    // 14 § now forbids withdrawal, which FinsamL does not allow.
    let new = old.replace(
        "## 14 § Utträde\n\nEn förbundsmedlem har rätt att efter uppsägning utträda ur förbundet.\n\nUppsägningstiden är därvid tre år.",
        "## 14 § Utträde\n\nEn förbundsmedlem har inte rätt att utträda ur förbundet.",
    );
    assert_ne!(old, new);
    let report = baseline(&old, &new);
    let new_findings: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.baseline == Some(BaselineState::New))
        .collect();
    assert!(!new_findings.is_empty(), "{:#?}", report.findings);
    let sarif = report::sarif::render(std::slice::from_ref(&report));
    assert!(sarif.contains("\"baselineState\": \"new\""), "{sarif}");
    assert!(sarif.contains("\"baselineState\": \"unchanged\""));
    let json = report::json::render(std::slice::from_ref(&report));
    assert!(json.contains("\"baseline\": \"new\""), "{json}");
}

#[test]
fn renumbering_alone_keeps_findings_unchanged() {
    let old = text(OLD);
    let new = renumbered(&old);
    let report = baseline(&old, &new);
    let fixed = with_state(&report, BaselineState::Fixed);
    assert!(fixed.is_empty(), "{fixed:?}");
    // The old 13 § (revisorer) is the new 14 §, and its findings stay.
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.baseline == Some(BaselineState::Unchanged)
                && f.location.section.as_deref() == Some("14 § Mandattid och revisorer")),
        "{:#?}",
        report.findings
    );
}

#[test]
fn the_baseline_flag_marks_what_an_amendment_fixes_keeps_and_introduces() {
    let output = super::forbund_in(&super::root())
        .args([
            "check",
            "tests/fixtures/baseline/haninge-modern.md",
            "--baseline",
            "samples/reference/haninge-forbundsordning.md",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        super::transcript(&output)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let findings = json["reports"][0]["findings"].as_array().unwrap();
    let state = |id: &str, wanted: &str| {
        findings
            .iter()
            .any(|f| f["id"] == id && f["baseline"] == wanted)
    };
    assert!(state("SPRAK-SKALL", "fixed"), "{findings:#?}");
    assert!(state("AKTUELL-ARBETSFORMEDLINGEN", "fixed"));
    assert!(state("KL-8-9-ANSLAGSTAVLA", "unchanged"));
    assert!(findings.iter().all(|f| f["baseline"] != "new"));
}
