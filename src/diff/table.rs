//! The Swedish amendment formats built from a comparison: the
//! jämförelsetabell ("Nuvarande lydelse" | "Föreslagen lydelse", the §
//! marker above each pair, changed words emphasised, "(ny)" and
//! "(upphävd)", a paragrafnyckel when numbering changes, and the
//! entry-into-force line) as a [`Document`] any renderer can write, and the
//! sections of a tracked-changes Word document.

use chrono::NaiveDate;

use super::model::{ChangeKind, Comparison, SectionDiff, Status};
use crate::document::{Block, Document, DocumentKind, Inline, Metadata, Section};
use crate::render::docx::tracked::{self, TrackedChange, TrackedSection};

/// What the table needs besides the comparison.
#[derive(Debug, Clone)]
pub struct TableInfo {
    /// The förbund's name, for "Förbundsordningen för … föreslås få
    /// följande lydelse".
    pub forbund: String,
    /// When the new wording takes effect; `None`: when every member has
    /// adopted it.
    pub effective: Option<NaiveDate>,
    /// Changes in substance, e.g. "5 §: ledamöter per medlem 1 → 2".
    pub substance: Vec<String>,
    /// The document's date and properties.
    pub metadata: Metadata,
}

/// The jämförelsetabell as a document.
pub fn jamforelsetabell(comparison: &Comparison, info: &TableInfo) -> Document {
    let mut preamble = vec![paragraph(&format!(
        "Förbundsordningen för {} föreslås få följande lydelse. Ändrade ord är kursiverade; paragrafer som inte ändras redovisas inte.",
        info.forbund
    ))];
    let rows: Vec<Vec<Vec<Inline>>> = comparison
        .sections
        .iter()
        .filter(|s| s.status != Status::Unchanged || s.renumbered)
        .flat_map(pair_rows)
        .collect();
    if rows.is_empty() {
        preamble.push(paragraph("Förslaget innebär inga ändringar i lydelsen."));
    } else {
        preamble.push(Block::Table {
            header: vec!["Nuvarande lydelse".into(), "Föreslagen lydelse".into()],
            rows,
            numeric: vec![false, false],
        });
    }
    let mut sections = Vec::new();
    if !comparison.renumbering.is_empty() {
        sections.push(Section {
            number: None,
            heading: "Paragrafnyckel".into(),
            level: 1,
            blocks: vec![Block::Table {
                header: vec!["Nuvarande paragraf".into(), "Föreslagen paragraf".into()],
                rows: comparison
                    .renumbering
                    .iter()
                    .map(|(old, new)| vec![cell(&format!("{old} §")), cell(&format!("{new} §"))])
                    .collect(),
                numeric: vec![false, false],
            }],
        });
    }
    if !info.substance.is_empty() {
        sections.push(Section {
            number: None,
            heading: "Ändringar i sak".into(),
            level: 1,
            blocks: vec![Block::List {
                ordered: false,
                items: info
                    .substance
                    .iter()
                    .map(|s| vec![Inline::plain(s)])
                    .collect(),
            }],
        });
    }
    sections.push(Section {
        number: None,
        heading: "Ikraftträdande".into(),
        level: 1,
        blocks: vec![paragraph(&match info.effective {
            Some(date) => format!(
                "Den ändrade förbundsordningen gäller från och med {}.",
                crate::swedish::date_long(date)
            ),
            None => "Den ändrade förbundsordningen gäller från och med den dag då samtliga medlemmar har antagit den.".to_string(),
        })],
    });
    let title = format!("Jämförelsetabell: förbundsordning för {}", info.forbund);
    Document {
        kind: DocumentKind::Jamforelsetabell,
        metadata: Metadata {
            title: title.clone(),
            ..info.metadata.clone()
        },
        title,
        header: Vec::new(),
        preamble,
        sections,
        signatures: Vec::new(),
        acceptances: Vec::new(),
    }
}

/// The § marker row and the text row of one pair.
fn pair_rows(section: &SectionDiff) -> Vec<Vec<Vec<Inline>>> {
    let old_marker = marker(section.old_number, section.old_heading.as_deref());
    let new_marker = marker(section.new_number, section.new_heading.as_deref());
    let (old_marker, new_marker) = match section.status {
        Status::Added => (Vec::new(), with_note(new_marker, "(ny)")),
        Status::Removed => (old_marker, vec![strong("(upphävd)")]),
        _ => (old_marker, new_marker),
    };
    let mut old_text = Vec::new();
    let mut new_text = Vec::new();
    for change in &section.changes {
        match change.kind {
            ChangeKind::Equal => {
                old_text.push(Inline::plain(change.text.clone()));
                new_text.push(Inline::plain(change.text.clone()));
            }
            ChangeKind::Delete => old_text.push(emphasised(&change.text)),
            ChangeKind::Insert => new_text.push(emphasised(&change.text)),
        }
    }
    vec![
        vec![old_marker, new_marker],
        vec![merge(old_text), merge(new_text)],
    ]
}

fn marker(number: Option<u32>, heading: Option<&str>) -> Vec<Inline> {
    heading_of(number, heading)
        .map(|text| vec![strong(&text)])
        .unwrap_or_default()
}

fn with_note(mut marker: Vec<Inline>, note: &str) -> Vec<Inline> {
    marker.push(strong(&format!(" {note}")));
    marker
}

fn strong(text: &str) -> Inline {
    Inline {
        text: text.to_string(),
        emphasis: false,
        strong: true,
    }
}

fn emphasised(text: &str) -> Inline {
    Inline {
        text: text.to_string(),
        emphasis: true,
        strong: false,
    }
}

/// Joins neighbouring runs with the same emphasis.
fn merge(runs: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    for run in runs {
        match out.last_mut() {
            Some(last) if last.emphasis == run.emphasis && last.strong == run.strong => {
                last.text.push_str(&run.text);
            }
            _ => out.push(run),
        }
    }
    out.retain(|r| !r.text.is_empty());
    out
}

fn paragraph(text: &str) -> Block {
    Block::Paragraph {
        text: vec![Inline::plain(text)],
    }
}

fn cell(text: &str) -> Vec<Inline> {
    vec![Inline::plain(text)]
}

/// The sections of a tracked-changes Word document: every section of the
/// new text (and the removed ones of the old, as deletions), in order.
pub fn tracked_sections(comparison: &Comparison) -> Vec<TrackedSection> {
    comparison
        .sections
        .iter()
        .map(|s| {
            let (old_heading, new_heading) = if s.preamble {
                // The preamble has no heading in the document itself.
                (None, None)
            } else {
                (
                    heading_of(s.old_number, s.old_heading.as_deref()),
                    heading_of(s.new_number, s.new_heading.as_deref()),
                )
            };
            TrackedSection {
                old_heading,
                new_heading,
                changes: s
                    .changes
                    .iter()
                    .map(|c| TrackedChange {
                        kind: match c.kind {
                            ChangeKind::Equal => tracked::ChangeKind::Equal,
                            ChangeKind::Insert => tracked::ChangeKind::Insert,
                            ChangeKind::Delete => tracked::ChangeKind::Delete,
                        },
                        text: c.text.clone(),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// A side's heading as printed, or `None` where the section is missing.
fn heading_of(number: Option<u32>, heading: Option<&str>) -> Option<String> {
    match (number, heading) {
        (Some(n), Some(h)) if !h.is_empty() => Some(format!("{n} § {h}")),
        (Some(n), _) => Some(format!("{n} §")),
        (None, Some(h)) => Some(h.to_string()),
        (None, None) => None,
    }
}
