//! Reporters: a list of findings per file as human text or as JSON. Nothing
//! else formats findings.

use serde::Serialize;

use crate::finding::Finding;

/// The findings for one input file.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    /// The file as the user named it.
    pub file: String,
    /// Whether the file passed (no error-level findings).
    pub valid: bool,
    /// What was found, in the order found.
    pub problems: Vec<Finding>,
}

impl FileReport {
    /// A report for `file` with these findings.
    pub fn new(file: &str, problems: Vec<Finding>) -> Self {
        let valid = !problems
            .iter()
            .any(|p| p.severity == crate::finding::Severity::Error);
        FileReport {
            file: file.to_string(),
            valid,
            problems,
        }
    }
}

/// Human-readable Swedish text: one line per finding, then a line per file.
pub fn human(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for report in reports {
        for problem in &report.problems {
            out.push_str(&problem.to_string());
            out.push('\n');
        }
        if report.valid {
            out.push_str(&format!("{}: giltig\n", report.file));
        } else {
            let n = report.problems.len();
            out.push_str(&format!("{}: ogiltig, {n} problem\n", report.file));
        }
    }
    out
}

/// The same as data: `{"files": [{"file", "valid", "problems": […]}]}`.
pub fn json(reports: &[FileReport]) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        files: &'a [FileReport],
    }
    let mut text = serde_json::to_string_pretty(&Out { files: reports }).unwrap_or_default();
    text.push('\n');
    text
}
