//! Integration tests of `forbund::parse`: the reference förbundsordningar,
//! every heading form, OCR-style text, broken and hostile files, round
//! trips through the Markdown and Word renderers, Word files as Word shows
//! them (automatic numbering, tables, tracked changes), PDF, and extraction.

// Tests may panic on broken fixtures: that is how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod docx;
mod extract;
mod fixtures;
mod forms;
mod hostile;
mod pdf;
mod references;
mod word;

use std::path::PathBuf;

use forbund::document::{Block, Document, plain_text};

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bytes of a file under the project root.
pub fn read(path: &str) -> Vec<u8> {
    std::fs::read(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Parses a file under the project root, failing the test on an error.
pub fn parse_file(path: &str) -> forbund::parse::Parsed {
    forbund::parse::parse(path, &read(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// "N § Heading" (or the heading) of every section.
pub fn headings(doc: &Document) -> Vec<String> {
    doc.sections.iter().map(|s| s.display_heading()).collect()
}

/// The plain text of each block, lists and tables one line per item/row.
pub fn block_texts(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph { text } => plain_text(text),
            Block::List { ordered, items } => {
                let marker = if *ordered { "1." } else { "-" };
                items
                    .iter()
                    .map(|i| format!("{marker} {}", plain_text(i)))
                    .collect::<Vec<_>>()
                    .join("\n")
            }
            Block::Table { header, rows, .. } => std::iter::once(header.join(" | "))
                .chain(rows.iter().map(|r| {
                    r.iter()
                        .map(|c| plain_text(c))
                        .collect::<Vec<_>>()
                        .join(" | ")
                }))
                .collect::<Vec<_>>()
                .join("\n"),
            other => other.lines().join("\n"),
        })
        .collect()
}

/// One section as a comparison sees it: number, heading, level, blocks.
pub type SectionShape = (Option<u32>, String, u8, Vec<Block>);

/// What a comparison looks at: title, preamble, and every section.
pub fn shape(doc: &Document) -> (String, Vec<Block>, Vec<SectionShape>) {
    (
        doc.title.clone(),
        doc.preamble.clone(),
        doc.sections
            .iter()
            .map(|s| (s.number, s.heading.clone(), s.level, s.blocks.clone()))
            .collect(),
    )
}

/// The document as Markdown (and Word, read back) can carry it: no-break
/// spaces are plain spaces, an att-sats is a paragraph starting with "att",
/// and the organisation chart (a numbered list of levels in Markdown) is
/// left out.
pub fn as_markdown_reads(mut document: forbund::document::Document) -> forbund::document::Document {
    use forbund::document::{Block, Inline};
    let plain = |runs: &mut Vec<Inline>| {
        for run in runs {
            run.text = run.text.replace('\u{a0}', " ");
        }
    };
    for section in &mut document.sections {
        let chart = section.heading == "Organisationsschema";
        section.blocks = std::mem::take(&mut section.blocks)
            .into_iter()
            .filter_map(|block| match block {
                Block::Chart { .. } => None,
                Block::List { ordered: true, .. } if chart => None,
                Block::Decision { mut text } => {
                    match text.first_mut() {
                        Some(first) => first.text = format!("att {}", first.text),
                        None => text.push(Inline::plain("att")),
                    }
                    Some(Block::Paragraph { text })
                }
                other => Some(other),
            })
            .map(|mut block| {
                match &mut block {
                    Block::Paragraph { text } => plain(text),
                    Block::List { items, .. } => items.iter_mut().for_each(plain),
                    Block::Table { header, rows, .. } => {
                        header
                            .iter_mut()
                            .for_each(|h| *h = h.replace('\u{a0}', " "));
                        rows.iter_mut().flatten().for_each(plain);
                    }
                    _ => {}
                }
                block
            })
            .collect();
    }
    document
}
