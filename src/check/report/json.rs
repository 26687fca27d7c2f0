//! JSON output: `{"reports": [...], "summary": {...}}`, each report with its
//! findings (id, severity, message, location, citation, fix, suppression)
//! and, for charters, the 9 § checklist.

use serde::Serialize;

use super::Summary;
use crate::check::Report;

/// The reports as pretty-printed JSON with a final newline.
pub fn render(reports: &[Report]) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        reports: &'a [Report],
        summary: Summary,
    }
    let mut text = serde_json::to_string_pretty(&Out {
        reports,
        summary: Summary::of(reports),
    })
    .unwrap_or_default();
    text.push('\n');
    text
}
