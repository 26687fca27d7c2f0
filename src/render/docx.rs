//! Document → DOCX (being written on a branch; see render::docx there).

use super::RenderError;
use crate::document::Document;

/// Renders the document as a Word file.
pub fn render(_doc: &Document) -> Result<Vec<u8>, RenderError> {
    Err(RenderError::Docx("inte klart ännu".into()))
}
