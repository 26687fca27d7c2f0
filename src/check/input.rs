//! Reading a document to check from Markdown or plain text until the
//! tolerant parser takes over: `## 1 § Heading` sections through
//! [`crate::compose::markup::read`], and the kind of document guessed from
//! its title and headings unless the caller says.

use crate::compose::markup;
use crate::document::{Document, DocumentKind, Metadata};
use crate::read::lexicon::fold;

/// Why a text could not be read as a document.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// Neither the title nor the headings say which document it is.
    #[error(
        "kan inte avgöra om texten är en förbundsordning, en avsiktsförklaring eller ett tjänsteutlåtande; ange vilken med --doc"
    )]
    UnknownKind,
    /// The text has no content.
    #[error("texten är tom")]
    Empty,
}

/// The kind of document a title and body suggest.
pub fn guess_kind(title: &str, body: &str) -> Option<DocumentKind> {
    // Folded, so that NFD text and OCR text without å, ä and ö
    // ("FORBUNDSORDNING FOR …") are recognised as they were in `import`.
    let title = fold(title);
    let body = fold(body);
    if title.contains("forbundsordning") {
        Some(DocumentKind::Forbundsordning)
    } else if title.contains("avsiktsforklaring") {
        Some(DocumentKind::Avsiktsforklaring)
    } else if title.contains("tjansteutlatande")
        || body.contains("tjansteutlatande")
        || body.contains("forslag till beslut")
    {
        Some(DocumentKind::Tjansteutlatande)
    } else if body.contains("forbundsordning") && body.contains('§') {
        Some(DocumentKind::Forbundsordning)
    } else {
        None
    }
}

/// Reads Markdown (or plain text with `##` headings) into a document of
/// `kind`, or of the kind its title suggests.
pub fn read_markdown(text: &str, kind: Option<DocumentKind>) -> Result<Document, InputError> {
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    let parts = markup::read(text, true);
    let kind = match kind {
        Some(kind) => kind,
        None => guess_kind(&parts.title, text).ok_or(InputError::UnknownKind)?,
    };
    let mut sections = parts.sections;
    if kind != DocumentKind::Forbundsordning {
        // Only a förbundsordning has §§; "## 1.2.5 Översiktlig budget" is a heading.
        for s in &mut sections {
            if let Some(n) = s.number.take() {
                s.heading = format!("{n} § {}", s.heading).trim().to_string();
            }
        }
    }
    Ok(Document {
        kind,
        metadata: Metadata {
            title: parts.title.clone(),
            language: "sv".to_string(),
            ..Metadata::default()
        },
        title: parts.title,
        header: Vec::new(),
        preamble: parts.preamble,
        sections,
        signatures: Vec::new(),
    })
}
