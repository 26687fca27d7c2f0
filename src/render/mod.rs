//! Renderers: each takes a whole [`Document`](crate::document::Document)
//! and returns the bytes of one format. None touches the file system.

pub mod docx;
pub mod html;
pub mod markdown;
pub mod pdf;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// Word document.
    Docx,
    /// PDF (PDF/A-2b by default).
    Pdf,
    /// Markdown, the canonical text.
    Markdown,
    /// A standalone HTML page with print CSS.
    Html,
}

impl Format {
    /// Every format, in the order files are written.
    pub const ALL: [Format; 4] = [Format::Docx, Format::Pdf, Format::Markdown, Format::Html];

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }
}

/// Which PDF standard to produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PdfProfile {
    /// PDF/A-2b, for archiving under arkivlagen.
    #[default]
    ArchiveA2b,
    /// Tagged PDF/UA-1, for accessibility.
    AccessibleUa1,
}

/// Why a document could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// Typst failed to compile or export the PDF.
    #[error("PDF-framställningen misslyckades: {0}")]
    Pdf(String),
    /// docx-rs failed to write the Word document.
    #[error("Word-dokumentet kunde inte skrivas: {0}")]
    Docx(String),
}

/// Renders a document in one format.
pub fn render(
    doc: &crate::document::Document,
    format: Format,
    profile: PdfProfile,
) -> Result<Vec<u8>, RenderError> {
    match format {
        Format::Docx => docx::render(doc),
        Format::Pdf => pdf::render(doc, profile),
        Format::Markdown => Ok(markdown::render(doc).into_bytes()),
        Format::Html => Ok(html::render(doc).into_bytes()),
    }
}
