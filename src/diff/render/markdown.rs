//! The comparison as Markdown: a jämförelsetabell per changed section,
//! "Nuvarande lydelse" with deletions struck through (`~~…~~`) beside
//! "Föreslagen lydelse" with insertions in bold; unchanged sections get
//! their heading line only. All text is escaped.

use super::{Segment, key_rows, one_line, paragraphs, status_line, summary_line};
use crate::diff::model::{Change, ChangeKind, Comparison, SectionDiff};
use crate::render::markdown::escape;

/// Renders the comparison as Markdown.
pub fn markdown(comparison: &Comparison) -> String {
    let mut out = String::from("# Jämförelse\n\n");
    out.push_str(&summary_line(&comparison.summary));
    out.push_str("\n\n");
    let key = key_rows(comparison);
    if !key.is_empty() {
        out.push_str("## Paragrafnyckel\n\n| Nuvarande | Föreslagen |\n| --- | --- |\n");
        for (old, new) in key {
            out.push_str(&format!("| {} | {} |\n", cell(&old), cell(&new)));
        }
        out.push('\n');
    }
    for section in &comparison.sections {
        section_text(&mut out, section);
    }
    out
}

fn section_text(out: &mut String, section: &SectionDiff) {
    out.push_str(&format!(
        "## {} — {}\n\n",
        escape(&section.display_heading(), false),
        escape(&status_line(section), false)
    ));
    if one_line(section) {
        return;
    }
    out.push_str("| Nuvarande lydelse | Föreslagen lydelse |\n| --- | --- |\n");
    let old = column(section, ChangeKind::Delete);
    let new = column(section, ChangeKind::Insert);
    out.push_str(&format!("| {old} | {new} |\n\n"));
}

/// One side of the table: its heading (when it has that side), then its
/// paragraphs separated by blank lines (`<br><br>`).
fn column(section: &SectionDiff, side: ChangeKind) -> String {
    let (number, heading) = section.side(side);
    let Some(heading) = heading else {
        return String::new();
    };
    let prefix = number.map(|n| format!("{n} § ")).unwrap_or_default();
    let title = if section.heading_changes.is_empty() {
        cell(heading.trim())
    } else {
        marked(&section.heading_changes, side).join(" ")
    };
    let mut parts = vec![format!("*{prefix}{title}*")];
    parts.extend(marked(&section.changes, side));
    parts.join("<br><br>")
}

/// The paragraphs of one side with its changes marked.
fn marked(changes: &[Change], side: ChangeKind) -> Vec<String> {
    paragraphs(changes, |k| k == ChangeKind::Equal || k == side)
        .iter()
        .map(|p| p.iter().map(segment).collect())
        .collect()
}

fn segment(segment: &Segment<'_>) -> String {
    let text = cell(segment.text);
    match segment.kind {
        ChangeKind::Equal => format!("{}{text}", segment.space),
        ChangeKind::Delete => format!("{}~~{text}~~", segment.space),
        ChangeKind::Insert => format!("{}**{text}**", segment.space),
    }
}

/// Text escaped for a table cell.
fn cell(text: &str) -> String {
    escape(text, false).replace('|', "\\|")
}
