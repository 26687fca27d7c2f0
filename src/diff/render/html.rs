//! The comparison as a standalone HTML page: a side-by-side
//! jämförelsetabell, "Nuvarande lydelse" with `<del>` beside "Föreslagen
//! lydelse" with `<ins>`, one header row per section with its status, and
//! the paragrafnyckel when numbers changed. All text is HTML-escaped.

use super::{Segment, key_rows, one_line, paragraphs, status_line, summary_line};
use crate::diff::model::{Change, ChangeKind, Comparison, SectionDiff};
use crate::render::html::escape;

const STYLE: &str = r#"
@page { size: A4 landscape; margin: 15mm; }
body { font-family: "Libertinus Serif", Georgia, "Times New Roman", serif; font-size: 11pt;
  line-height: 1.4; margin: 2em auto; max-width: 70em; padding: 0 1em; color: #111; }
h1 { font-size: 1.5em; }
table { border-collapse: collapse; width: 100%; margin: 0.8em 0; }
th, td { border: 1px solid #999; padding: 0.3em 0.6em; vertical-align: top; text-align: left; }
table.jamforelse td { width: 50%; }
tr.paragraf th { background: #f0f0f0; font-weight: bold; }
tr.paragraf .status { font-weight: normal; color: #444; margin-left: 1em; }
td p { margin: 0.3em 0; }
td p.rubrik { font-style: italic; }
del { color: #a00; text-decoration: line-through; }
ins { color: #060; text-decoration: underline; }
table.nyckel { width: auto; }
@media print { body { margin: 0; max-width: none; } tr { break-inside: avoid; } }
"#;

/// Renders the comparison as a complete HTML page.
pub fn html(comparison: &Comparison) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<title>Jämförelse</title>\n");
    out.push_str(&format!("<style>{STYLE}</style>\n</head>\n<body>\n"));
    out.push_str("<h1>Jämförelse</h1>\n");
    out.push_str(&format!(
        "<p>{}</p>\n",
        escape(&summary_line(&comparison.summary))
    ));
    key_table(&mut out, comparison);
    out.push_str("<table class=\"jamforelse\">\n<thead><tr><th>Nuvarande lydelse</th><th>Föreslagen lydelse</th></tr></thead>\n<tbody>\n");
    for section in &comparison.sections {
        section_rows(&mut out, section);
    }
    out.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    out
}

fn key_table(out: &mut String, comparison: &Comparison) {
    let rows = key_rows(comparison);
    if rows.is_empty() {
        return;
    }
    out.push_str("<h2>Paragrafnyckel</h2>\n<table class=\"nyckel\">\n<thead><tr><th>Nuvarande</th><th>Föreslagen</th></tr></thead>\n<tbody>\n");
    for (old, new) in rows {
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td></tr>\n",
            escape(&old),
            escape(&new)
        ));
    }
    out.push_str("</tbody>\n</table>\n");
}

fn section_rows(out: &mut String, section: &SectionDiff) {
    out.push_str(&format!(
        "<tr class=\"paragraf\"><th colspan=\"2\">{}<span class=\"status\">{}</span></th></tr>\n",
        escape(&section.display_heading()),
        escape(&status_line(section))
    ));
    if one_line(section) {
        return;
    }
    out.push_str(&format!(
        "<tr><td>{}</td><td>{}</td></tr>\n",
        column(section, ChangeKind::Delete),
        column(section, ChangeKind::Insert)
    ));
}

/// One side: its heading (when it has that side) and marked paragraphs.
fn column(section: &SectionDiff, side: ChangeKind) -> String {
    let (number, heading) = section.side(side);
    let Some(heading) = heading else {
        return String::new();
    };
    let prefix = number.map(|n| format!("{n} § ")).unwrap_or_default();
    let title = if section.heading_changes.is_empty() {
        escape(heading.trim())
    } else {
        marked(&section.heading_changes, side).join(" ")
    };
    let mut out = format!("<p class=\"rubrik\">{prefix}{title}</p>");
    for paragraph in marked(&section.changes, side) {
        out.push_str(&format!("<p>{paragraph}</p>"));
    }
    out
}

/// The paragraphs of one side with its changes marked.
fn marked(changes: &[Change], side: ChangeKind) -> Vec<String> {
    paragraphs(changes, |k| k == ChangeKind::Equal || k == side)
        .iter()
        .map(|p| p.iter().map(segment).collect())
        .collect()
}

fn segment(segment: &Segment<'_>) -> String {
    let text = escape(segment.text);
    match segment.kind {
        ChangeKind::Equal => format!("{}{text}", segment.space),
        ChangeKind::Delete => format!("{}<del>{text}</del>", segment.space),
        ChangeKind::Insert => format!("{}<ins>{text}</ins>", segment.space),
    }
}
