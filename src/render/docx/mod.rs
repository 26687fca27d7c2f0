//! Word (.docx) renderer, built on docx-rs.
//!
//! The output has real styles (Normal in Times New Roman 12 pt with Swedish
//! as language, Title, heading 1/2, List Paragraph, table styles), literal
//! § numbers in the headings, Word numbering for lists, a running header
//! with title and diarienummer, "Sida X av Y" in the footer, A4 with 25 mm
//! margins, and document properties taken from the metadata.
//!
//! docx-rs falls short in a few places, handled after
//! [`Docx::build`](docx_rs::Docx::build) on the XML parts:
//!
//! - `styles.xml` is written by hand (`styles.xml` next to this file);
//! - `docProps/core.xml` is replaced (docx-rs cannot set title or creator);
//! - table header rows get `w:tblHeader` (docx-rs has no API for it).
//!
//! Output is deterministic within a process as well as across processes:
//! every paragraph gets an explicit `w14:paraId` from a per-rendering
//! counter, and no feature that draws on docx-rs's process-global id
//! counters (images, hyperlinks, footnotes, bookmarks, tracked changes,
//! tables of contents, empty table cells) is used. Timestamps come from the
//! document's date; docx-rs stamps ZIP entries with a fixed date.

mod chart;
mod content;
mod letterhead;
mod package;
mod table;
#[cfg(test)]
mod tests;
pub mod tracked;

use super::RenderError;
use crate::document::Document;

/// Renders `doc` as the bytes of a .docx file.
///
/// Rendering the same document twice gives the same bytes, whatever was
/// rendered before in the process.
///
/// # Errors
///
/// [`RenderError::Docx`] if docx-rs fails to produce the package.
pub fn render(doc: &Document) -> Result<Vec<u8>, RenderError> {
    let mut ctx = content::Context::default();
    let body = content::body(&mut ctx, doc);
    let docx = package::assemble(&mut ctx, doc, body);
    package::finish(docx, &doc.metadata, ctx.header_rows)
}
