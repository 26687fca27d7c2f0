//! PDF with a text layer (as Word, LibreOffice and `forbund generate`
//! write it) → blocks. The file is first checked for what could exhaust
//! memory or the stack ([`guard`]), then the `pdf_oxide` library reads the
//! positioned lines of each page on a thread of its own ([`extract`]);
//! [`layout`] turns the lines into paragraphs without page furniture, and
//! the plain-text reader finds the headings, § markers and lists, as for
//! OCR'd text. A tjänsteutlåtande's two-column letterhead is read back
//! into its header fields first ([`letterhead`]), the parties' signature
//! forms into signatures ([`signatures`]), and the accepted deviations
//! from the document's keywords. A PDF whose pages have no text
//! (a scan) is an error that says OCR is needed.

mod extract;
mod guard;
mod layout;
mod letterhead;
mod signatures;

use super::ParseError;
use super::raw::Raw;
use super::text;
use crate::document::{Acceptance, HeaderField};

/// Largest PDF read.
pub(crate) const MAX_PDF_BYTES: usize = 50 * 1024 * 1024;

/// What the PDF reader found.
#[derive(Debug, Default)]
pub(crate) struct PdfRead {
    /// The blocks in order.
    pub blocks: Vec<Raw>,
    /// The first diarienummer line, as the text reader finds it.
    pub case_number: Option<String>,
    /// Rows of page furniture dropped.
    pub dropped: usize,
    /// Things worth telling the user (a file cut short, …).
    pub warnings: Vec<String>,
    /// The fields of a tjänsteutlåtande's letterhead, as `forbund
    /// generate` sets it ([`letterhead`]); empty when there is none.
    pub header: Vec<HeaderField>,
    /// The accepted deviations in the document's keywords.
    pub acceptances: Vec<Acceptance>,
}

/// Whether the bytes are a PDF: they start with `%PDF-`, or (as readers
/// allow) have it within the first kilobyte and end with `%%EOF`.
pub(crate) fn is_pdf(bytes: &[u8]) -> bool {
    let start = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    if bytes[start..].starts_with(b"%PDF-") {
        return true;
    }
    let head = &bytes[..bytes.len().min(1024)];
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    head.windows(5).any(|w| w == b"%PDF-") && tail.windows(5).any(|w| w == b"%%EOF")
}

/// Reads a PDF.
pub(crate) fn read(file: &str, bytes: &[u8]) -> Result<PdfRead, ParseError> {
    let broken = |reason: String| ParseError::BadPdf {
        file: file.to_string(),
        reason,
    };
    if bytes.len() > MAX_PDF_BYTES {
        return Err(ParseError::TooLarge {
            file: file.to_string(),
            part: "PDF-dokumentet".to_string(),
            limit: format!("{} MB", MAX_PDF_BYTES / (1024 * 1024)),
        });
    }
    guard::check(bytes).map_err(|refusal| match refusal {
        guard::Refusal::TooDeep => broken(format!(
            "objekten är nästlade i mer än {} nivåer, vilket ett vanligt dokument aldrig är",
            guard::MAX_NESTING
        )),
        guard::Refusal::TooLarge(what) => broken(format!(
            "{what}, vilket ett vanligt dokument aldrig gör (en så kallad dekomprimeringsbomb)"
        )),
    })?;
    let extracted = extract::pages(bytes).map_err(|failure| match failure {
        extract::Failure::Encrypted => ParseError::EncryptedPdf {
            file: file.to_string(),
        },
        extract::Failure::TooManyPages(count) => ParseError::TooLarge {
            file: file.to_string(),
            part: format!("PDF-dokumentet med {count} sidor"),
            limit: format!("{} sidor", extract::MAX_PAGES),
        },
        extract::Failure::TimedOut => broken("tolkningen tog för lång tid".to_string()),
        extract::Failure::Broken(reason) => broken(reason),
    })?;
    let mut pages = extracted.pages;
    let has_text = pages
        .iter()
        .flatten()
        .any(|line| line.text.chars().any(char::is_alphanumeric));
    let cut_short = !ends_properly(bytes);
    if cut_short && !has_text {
        return Err(broken(
            "filen är avkortad (slutmarkeringen %%EOF saknas) och ingen text kunde läsas; hämta eller spara filen på nytt".to_string(),
        ));
    }
    let mut warnings = Vec::new();
    if cut_short {
        warnings.push(format!(
            "{file}: PDF-filen verkar avkortad (slutmarkeringen %%EOF saknas); texten kan vara ofullständig"
        ));
    }
    if !has_text {
        return Err(ParseError::NoTextLayer {
            file: file.to_string(),
            pages: pages.len(),
        });
    }
    let header = letterhead::take(&mut pages).unwrap_or_default();
    let signatures = signatures::take(&mut pages);
    let laid = layout::text(&pages);
    let mut read = text::read_laid_out(&laid.text);
    read.blocks
        .extend(signatures.into_iter().map(Raw::Signature));
    if laid.sized_headings {
        // The type told the headings apart: a short paragraph is text.
        for block in &mut read.blocks {
            if let Raw::Paragraph { hint, .. } = block {
                *hint = false;
            }
        }
    }
    Ok(PdfRead {
        blocks: read.blocks,
        case_number: read.case_number,
        dropped: laid.dropped + read.dropped,
        warnings,
        header,
        acceptances: Acceptance::from_keywords(&extracted.keywords),
    })
}

/// Whether the file ends as a PDF does, with `%%EOF` in its last kilobyte.
fn ends_properly(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    tail.windows(5).any(|w| w == b"%%EOF")
}
