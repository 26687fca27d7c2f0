//! Renderers: each takes a whole [`Document`](crate::document::Document)
//! and returns the bytes of one format. None touches the file system.

pub mod archive;
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

/// One rendered file of a package: its name (stem and extension) and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedFile {
    /// E.g. "forbundsordning.pdf".
    pub name: String,
    /// The file's bytes, the same for the same input.
    pub bytes: Vec<u8>,
}

/// Why one file of a package could not be rendered.
#[derive(Debug, thiserror::Error)]
#[error("kan inte framställa {name}: {source}")]
pub struct PackageError {
    /// The file that failed.
    pub name: String,
    /// What went wrong.
    #[source]
    pub source: RenderError,
}

/// The files of a drafted package as `forbund generate` writes them: every
/// document in every format ([`package`]), each carrying the description's
/// accepted deviations that a rule finds in it
/// ([`crate::compose::acceptances::carry`]). Every front end writes these
/// bytes.
pub fn drafts(
    documents: &[crate::compose::Composed],
    formats: &[Format],
    profile: PdfProfile,
    accepted: &[crate::spec::AcceptedFinding],
) -> Result<Vec<RenderedFile>, PackageError> {
    let documents = crate::compose::acceptances::carry(documents, accepted);
    package(&documents, formats, profile)
}

/// Renders every composed document in every format, on as many threads as
/// the machine has cores. Files come back in document order, then in the
/// order of `formats`, and their bytes do not depend on the scheduling.
/// Typst's memo cache is evicted after each PDF so memory stays flat as
/// packages grow.
pub fn package(
    documents: &[crate::compose::Composed],
    formats: &[Format],
    profile: PdfProfile,
) -> Result<Vec<RenderedFile>, PackageError> {
    let jobs: Vec<(&crate::compose::Composed, Format)> = documents
        .iter()
        .flat_map(|d| formats.iter().map(move |f| (d, *f)))
        .collect();
    let threads = crate::parallel::threads_for(jobs.len());
    let slots = crate::parallel::map_ordered(&jobs, threads, |(composed, format)| {
        let rendered = render(&composed.document, *format, profile);
        if *format == Format::Pdf {
            typst::comemo::evict(0);
        }
        rendered
    });
    let mut files = Vec::with_capacity(jobs.len());
    for ((composed, format), slot) in jobs.iter().zip(slots) {
        let name = format!("{}.{}", composed.file_stem, format.extension());
        match slot {
            Ok(bytes) => files.push(RenderedFile { name, bytes }),
            Err(source) => return Err(PackageError { name, source }),
        }
    }
    Ok(files)
}
