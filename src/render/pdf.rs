//! Document → PDF (being written on a branch).

use super::{PdfProfile, RenderError};
use crate::document::Document;

/// Renders the document as a PDF.
pub fn render(_doc: &Document, _profile: PdfProfile) -> Result<Vec<u8>, RenderError> {
    Err(RenderError::Pdf("inte klart ännu".into()))
}
