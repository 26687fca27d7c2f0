//! Visible placeholders for what only the parties can write (ärendets
//! beredning, local motivation, a date, a diarienummer, who signs): the
//! drafts never invent it, they say "[Beskriv ärendets beredning]", and
//! [`placeholders`] lists every one so that `generate` can tell the user.

use std::sync::LazyLock;

use regex::Regex;

use super::Composed;
use crate::document::{Block, Document};

/// The words every placeholder starts with, after its "[".
const VERBS: [&str; 3] = ["Ange", "Beskriv", "Motivera"];

/// A placeholder: "[Beskriv ärendets beredning]". `what` starts with one of
/// "Ange", "Beskriv" or "Motivera".
pub fn placeholder(what: &str) -> String {
    format!("[{what}]")
}

static PLACEHOLDER: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(&format!(r"\[(?:{})\b[^\[\]]*\]", VERBS.join("|"))).ok());

/// One placeholder left in a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// The draft's file stem, e.g. "tjansteutlatande-haninge-kommun".
    pub file_stem: String,
    /// Where in it: a section heading, "sidhuvudet" or "underskrifterna".
    pub place: String,
    /// The placeholder itself, e.g. "[Ange diarienummer]".
    pub text: String,
}

/// Every placeholder in the drafts, in document order.
pub fn placeholders(documents: &[Composed]) -> Vec<Placeholder> {
    documents
        .iter()
        .flat_map(|c| {
            in_document(&c.document)
                .into_iter()
                .map(|(place, text)| Placeholder {
                    file_stem: c.file_stem.clone(),
                    place,
                    text,
                })
        })
        .collect()
}

/// The placeholders as warnings for the user, one line each, e.g.
/// "varning: tjansteutlatande-haninge-kommun: [Ange datum] i sidhuvudet
/// (fyll i eller ange det i beskrivningen)".
pub fn report(found: &[Placeholder]) -> Vec<String> {
    if found.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![format!(
        "varning: utkasten har {} platshållare att fylla i (eller ange i beskrivningen):",
        found.len()
    )];
    lines.extend(
        found
            .iter()
            .map(|p| format!("  {}: {} ({})", p.file_stem, p.text, p.place)),
    );
    lines
}

/// (place, placeholder) pairs of one document.
fn in_document(document: &Document) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut scan = |place: &str, text: &str| {
        if let Some(pattern) = PLACEHOLDER.as_ref() {
            for m in pattern.find_iter(text) {
                found.push((place.to_string(), m.as_str().to_string()));
            }
        }
    };
    for field in &document.header {
        scan("sidhuvudet", &field.value);
    }
    for line in document.preamble.iter().flat_map(Block::lines) {
        scan("inledningen", &line);
    }
    for section in &document.sections {
        let heading = section.display_heading();
        for line in section.blocks.iter().flat_map(Block::lines) {
            scan(&heading, &line);
        }
    }
    for signature in &document.signatures {
        for part in [&signature.party, &signature.name, &signature.title] {
            scan("underskrifterna", part);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{DocumentKind, Inline, Metadata, Section};

    #[test]
    fn finds_placeholders_and_not_other_brackets() {
        let document = Document {
            kind: DocumentKind::Tjansteutlatande,
            metadata: Metadata::default(),
            title: "T".into(),
            header: vec![crate::document::HeaderField {
                label: "Datum".into(),
                value: placeholder("Ange datum"),
            }],
            preamble: Vec::new(),
            sections: vec![Section {
                number: None,
                heading: "Ärendets beredning".into(),
                level: 1,
                blocks: vec![Block::Paragraph {
                    text: vec![Inline::plain(format!(
                        "{} [sic] [Angående x]",
                        placeholder("Beskriv ärendets beredning")
                    ))],
                }],
            }],
            signatures: Vec::new(),
            acceptances: Vec::new(),
        };
        assert_eq!(
            in_document(&document),
            vec![
                ("sidhuvudet".to_string(), "[Ange datum]".to_string()),
                (
                    "Ärendets beredning".to_string(),
                    "[Beskriv ärendets beredning]".to_string()
                ),
            ]
        );
    }
}
