//! Human output in Swedish: per input, the findings grouped by severity
//! (errors first), each with where it is, the quoted words, the provision
//! and a suggested fix; accepted deviations with their reasons; the 9 §
//! checklist; and a summary line.

use super::Summary;
use crate::check::Report;
use crate::check::checklist::{ChecklistItem, Status};
use crate::finding::{BaselineState, Finding, Severity};

/// The reports as text.
pub fn render(reports: &[Report]) -> String {
    let mut out = String::new();
    for report in reports {
        out.push_str(&render_report(report));
    }
    if reports.len() > 1 {
        out.push_str(&render_total(&Summary::of(reports)));
    }
    out
}

/// The closing line over several reports: "totalt: …".
pub fn render_total(summary: &Summary) -> String {
    format!("totalt: {}\n", summary.swedish())
}

/// The text of one report, so that a long run can print each report as it
/// is done instead of keeping them all.
pub fn render_report(report: &Report) -> String {
    let mut out = String::new();
    {
        out.push_str(&format!("{} ({})\n", report.file, report.checked.swedish()));
        let open: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.suppression.is_none() && f.baseline != Some(BaselineState::Fixed))
            .collect();
        if open.is_empty() {
            out.push_str("\n  inga anmärkningar\n");
        }
        for (severity, title) in [
            (Severity::Error, "fel"),
            (Severity::Warning, "varningar"),
            (Severity::Info, "info"),
        ] {
            let group: Vec<&&Finding> = open.iter().filter(|f| f.severity == severity).collect();
            if group.is_empty() {
                continue;
            }
            out.push_str(&format!("\n{title} ({})\n", group.len()));
            for f in group {
                finding(&mut out, f);
            }
        }
        let accepted: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.suppression.is_some() && f.baseline != Some(BaselineState::Fixed))
            .collect();
        if !accepted.is_empty() {
            out.push_str(&format!("\ngodtagna ({})\n", accepted.len()));
            for f in accepted {
                finding(&mut out, f);
            }
        }
        let fixed: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.baseline == Some(BaselineState::Fixed))
            .collect();
        if !fixed.is_empty() {
            out.push_str(&format!("\nåtgärdade ({})\n", fixed.len()));
            for f in fixed {
                finding(&mut out, f);
            }
        }
        if !report.fingerprints.is_empty() {
            out.push_str("\nförbundsordningarnas innehållsfingeravtryck\n");
            for f in &report.fingerprints {
                out.push_str(&format!("  {}  {}\n", f.fingerprint, f.file));
            }
        }
        if let Some(items) = &report.checklist {
            checklist(&mut out, items);
        }
        out.push_str(&format!(
            "\n{}: {}\n\n",
            report.file,
            Summary::of(std::slice::from_ref(report)).swedish()
        ));
        if let Some(old) = &report.baseline {
            out.push_str(&format!(
                "jämfört med {old}: {} {}, {} kvarstår, {} {}\n\n",
                report.count_baseline(BaselineState::New),
                if report.count_baseline(BaselineState::New) == 1 {
                    "ny"
                } else {
                    "nya"
                },
                report.count_baseline(BaselineState::Unchanged),
                report.count_baseline(BaselineState::Fixed),
                if report.count_baseline(BaselineState::Fixed) == 1 {
                    "åtgärdad"
                } else {
                    "åtgärdade"
                },
            ));
        }
    }
    out
}

fn finding(out: &mut String, f: &Finding) {
    let mut place: Vec<String> = Vec::new();
    if let Some(file) = &f.location.file {
        place.push(match f.location.line {
            Some(line) => format!("{file}:{line}"),
            None => file.clone(),
        });
    }
    if let Some(path) = &f.location.path {
        place.push(if path.is_empty() {
            "(roten)".to_string()
        } else {
            path.clone()
        });
    }
    if let Some(section) = &f.location.section {
        place.push(section.clone());
    }
    match f.baseline {
        Some(state) => out.push_str(&format!(
            "  {}  {}  [{}]\n",
            f.id,
            place.join("  "),
            state.swedish()
        )),
        None => out.push_str(&format!("  {}  {}\n", f.id, place.join("  "))),
    }
    out.push_str(&format!("    {}\n", f.message));
    if let Some(excerpt) = &f.location.excerpt {
        out.push_str(&format!("    » {excerpt}\n"));
    }
    if let Some(citation) = &f.citation {
        out.push_str(&format!("    stöd: {citation}\n"));
    }
    if let Some(fix) = &f.fix {
        out.push_str(&format!("    förslag: {}\n", fix.message));
    }
    if let Some(s) = &f.suppression {
        out.push_str(&format!("    godtagen: {}\n", s.reason));
    }
}

fn checklist(out: &mut String, items: &[ChecklistItem]) {
    out.push_str("\n9 § checklista\n");
    for item in items {
        let status = match item.status {
            Status::Present => "finns",
            Status::Missing => "SAKNAS",
            Status::NotApplicable => "ej tillämplig",
        };
        let mut line = format!("  {status:<13}  {:<10} {}", item.item, item.requirement);
        if let Some(location) = &item.location {
            line.push_str(&format!(" — {location}"));
        }
        if let Some(note) = &item.note {
            line.push_str(&format!(" ({note})"));
        }
        out.push_str(&line);
        out.push('\n');
    }
}
