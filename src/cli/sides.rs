//! Reading one side of a comparison: a description (drafted on the fly
//! into its förbundsordning) or an existing document (Markdown, text, DOCX).

use std::path::Path;

use anyhow::{Result, anyhow};
use chrono::NaiveDate;
use forbund::compose::{Selection, Templates, compose};
use forbund::document::{Document, DocumentKind};
use forbund::report::{FileReport, human};
use forbund::spec::Forbund;
use serde_json::Value;

use super::files::read_limited;

/// The largest document read, in bytes (a 100-page DOCX is a few MB).
pub const MAX_DOCUMENT_BYTES: u64 = 50 * 1024 * 1024;

/// One side: its förbundsordning, and what is known of its substance.
pub struct Side {
    /// The file as the user named it.
    pub name: String,
    /// The förbundsordning (drafted, or read from the file).
    pub document: Document,
    /// The description, when the side is one.
    pub forbund: Option<Forbund>,
    /// The description as JSON: the side itself, or a draft extracted from
    /// the document (for changes in substance).
    pub description: Value,
}

/// Whether a file holds a description rather than a document.
fn is_description(path: &Path, bytes: &[u8]) -> bool {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        return true;
    }
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(64)]);
    let start = text.trim_start_matches('\u{feff}').trim_start();
    start.starts_with('{') || start.starts_with("//")
}

/// Reads a side. Problems in a description are printed and end the
/// command with exit code 2 (as an error naming the file).
pub fn load(path: &Path, templates: &Templates, date: Option<NaiveDate>) -> Result<Side> {
    let name = path.display().to_string();
    let bytes = read_limited(path, MAX_DOCUMENT_BYTES)
        .map_err(|f| anyhow!("{}: {}", f.location, f.message))?;
    if is_description(path, &bytes) {
        let forbund = forbund::spec::load(&name, &bytes).map_err(|problems| {
            super::note(human(&[FileReport::new(&name, problems)]).trim_end());
            anyhow!("{name} är ingen giltig beskrivning (se forbund validate)")
        })?;
        let document = compose(
            &forbund,
            templates,
            Selection::Only(DocumentKind::Forbundsordning),
            date,
        )?
        .into_iter()
        .next()
        .map(|c| c.document)
        .ok_or_else(|| anyhow!("{name}: ingen förbundsordning kunde skrivas"))?;
        let description = serde_json::to_value(&forbund)?;
        return Ok(Side {
            name,
            document,
            forbund: Some(forbund),
            description,
        });
    }
    let parsed = forbund::parse::parse_as(&name, &bytes, Some(DocumentKind::Forbundsordning))?;
    for warning in &parsed.warnings {
        super::note(&format!("varning: {warning}"));
    }
    let description =
        serde_json::to_value(forbund::read::describe_document(&parsed.document).description)?;
    Ok(Side {
        name,
        document: parsed.document,
        forbund: None,
        description,
    })
}
