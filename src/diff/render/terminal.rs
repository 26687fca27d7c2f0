//! The comparison for a terminal: per section a header line ("5 § Styrelsen
//! ändrad (likhet 0,82)") and, unless unchanged, its paragraphs with the
//! word diff: in colour, deletions red and struck through and insertions
//! green; without, `[-gammalt-]` and `{+nytt+}` as wdiff writes them.

use super::{Segment, key_rows, one_line, paragraphs, status_line, summary_line};
use crate::diff::model::{Change, ChangeKind, Comparison, SectionDiff, Status};

const BOLD: &str = "\x1b[1m";
const DELETED: &str = "\x1b[31;9m";
const INSERTED: &str = "\x1b[32;4m";
const RESET: &str = "\x1b[0m";
const INDENT: &str = "    ";

/// Renders the comparison as terminal text, with ANSI colours if `color`.
pub fn terminal(comparison: &Comparison, color: bool) -> String {
    let mut out = String::new();
    let key = key_rows(comparison);
    if !key.is_empty() {
        out.push_str("Paragrafnyckel (nuvarande → föreslagen):\n");
        for (old, new) in key {
            out.push_str(&format!("{INDENT}{old} → {new}\n"));
        }
        out.push('\n');
    }
    for section in &comparison.sections {
        section_text(&mut out, section, color);
    }
    out.push_str(&summary_line(&comparison.summary));
    out.push('\n');
    out
}

fn section_text(out: &mut String, section: &SectionDiff, color: bool) {
    let header = format!("{}  {}", section.display_heading(), status_line(section));
    if color {
        out.push_str(&format!("{BOLD}{header}{RESET}\n"));
    } else {
        out.push_str(&header);
        out.push('\n');
    }
    if one_line(section) {
        return;
    }
    if !section.heading_changes.is_empty() {
        let line = diff_line(&section.heading_changes, color);
        out.push_str(&format!("{INDENT}rubrik: {line}\n"));
    }
    // A renamed heading over unchanged text needs no text.
    let text_same = section.changes.iter().all(|c| c.kind == ChangeKind::Equal);
    if !(text_same && matches!(section.status, Status::Changed | Status::Moved)) {
        for paragraph in paragraphs(&section.changes, |_| true) {
            out.push_str(INDENT);
            for segment in &paragraph {
                push_segment(out, segment, color);
            }
            out.push('\n');
        }
    }
    out.push('\n');
}

fn diff_line(changes: &[Change], color: bool) -> String {
    let mut out = String::new();
    for paragraph in paragraphs(changes, |_| true) {
        for segment in &paragraph {
            push_segment(&mut out, segment, color);
        }
    }
    out
}

fn push_segment(out: &mut String, segment: &Segment<'_>, color: bool) {
    out.push_str(segment.space);
    let text = segment.text;
    match (segment.kind, color) {
        (ChangeKind::Equal, _) => out.push_str(text),
        (ChangeKind::Delete, true) => out.push_str(&format!("{DELETED}{text}{RESET}")),
        (ChangeKind::Insert, true) => out.push_str(&format!("{INSERTED}{text}{RESET}")),
        (ChangeKind::Delete, false) => out.push_str(&format!("[-{text}-]")),
        (ChangeKind::Insert, false) => out.push_str(&format!("{{+{text}+}}")),
    }
}
