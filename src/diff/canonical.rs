//! The normalised text of a förbundsordning: what the comparison treats as
//! its wording, as one string per part. Spacing, markup, paragraph
//! division and the case of headings are not part of it, so the same text
//! read from Markdown, Word or PDF gives the same normalised text, and one
//! changed word gives another. Adopted texts are judged identical on it.

use sha2::{Digest, Sha256};

use super::build::paragraphs;
use super::tokens::tokenize;
use crate::document::{Block, Document, Section};

fn words(paragraphs: &[String], lowercase: bool) -> String {
    tokenize(paragraphs)
        .iter()
        .filter(|t| !t.is_break())
        .map(|t| {
            if lowercase {
                t.key.to_lowercase()
            } else {
                t.key.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The normalised text of one section: its § number, its heading in
/// lower case and its body's words and punctuation.
pub fn section_text(section: &Section) -> String {
    let number = section.number.map(|n| format!("{n} §")).unwrap_or_default();
    format!(
        "{number} {} | {}",
        words(std::slice::from_ref(&section.heading), true),
        words(&paragraphs(&section.blocks), false)
    )
}

/// The normalised text of the blocks before the first §.
pub fn preamble_text(blocks: &[Block]) -> String {
    words(&paragraphs(blocks), false)
}

/// The normalised text of the whole document: title (lower case),
/// preamble and every section, one per line. Header fields and signatures
/// are not text of the förbundsordning (a signature page appended to a
/// signed PDF does not change it).
pub fn document_text(document: &Document) -> String {
    let mut lines = vec![
        words(std::slice::from_ref(&document.title), true),
        preamble_text(&document.preamble),
    ];
    lines.extend(document.sections.iter().map(section_text));
    lines.join("\n")
}

/// The SHA-256 of [`document_text`], in lower-case hex: the fingerprint of
/// an adopted text.
pub fn fingerprint(document: &Document) -> String {
    let digest = Sha256::digest(document_text(document).as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The normalised words of a piece of plain text (spacing alone is no
/// difference), to find a required wording inside [`section_text`].
pub fn text_words(text: &str) -> String {
    words(&[text.to_string()], false)
}

/// Whether the normalised `body` contains the normalised `words` as whole tokens.
pub fn contains_words(body: &str, words: &str) -> bool {
    !words.is_empty() && format!(" {body} ").contains(&format!(" {words} "))
}
