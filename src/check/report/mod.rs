//! Reporters: a list of [`Report`]s as human text (grouped by severity, with
//! excerpt, citation and suggested fix), as JSON, or as SARIF 2.1.0 for code
//! scanning tools. Nothing else formats findings.

pub mod human;
pub mod json;
pub mod sarif;

use super::Report;
use crate::finding::Severity;

/// Counts over several reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Unsuppressed errors.
    #[serde(rename = "fel")]
    pub errors: usize,
    /// Unsuppressed warnings.
    #[serde(rename = "varningar")]
    pub warnings: usize,
    /// Unsuppressed information.
    #[serde(rename = "info")]
    pub info: usize,
    /// Accepted deviations.
    #[serde(rename = "godtagna")]
    pub suppressed: usize,
}

impl Summary {
    /// The counts over `reports`.
    pub fn of(reports: &[Report]) -> Self {
        let mut summary = Summary::default();
        for report in reports {
            summary.add(report);
        }
        summary
    }

    /// Adds the counts of one report.
    pub fn add(&mut self, report: &Report) {
        self.errors += report.count(Severity::Error);
        self.warnings += report.count(Severity::Warning);
        self.info += report.count(Severity::Info);
        self.suppressed += report.suppressed();
    }

    /// "2 fel, 1 varning, 5 info, 1 godtagen".
    pub fn swedish(&self) -> String {
        format!(
            "{} fel, {} {}, {} info, {} {}",
            self.errors,
            self.warnings,
            if self.warnings == 1 {
                "varning"
            } else {
                "varningar"
            },
            self.info,
            self.suppressed,
            if self.suppressed == 1 {
                "godtagen"
            } else {
                "godtagna"
            }
        )
    }
}
