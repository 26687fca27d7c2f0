//! Word (.docx) → blocks, read straight from the package with `zip` and
//! `quick-xml` rather than docx-rs's reader (which can panic, and hang on
//! zips that are not Word documents). Only the parts needed are opened —
//! `word/document.xml`, `word/styles.xml`, `word/numbering.xml`,
//! `docProps/core.xml` — each refused when its declared size is too large
//! and cut off when more bytes come out than declared, so a zip bomb costs
//! neither memory nor time. Headers, footers, footnotes and comments live
//! in parts of their own and are never read as body text; unaccepted
//! tracked changes and comments in the body are counted and reported.

mod blocks;
mod body;
mod numbering;
mod parts;

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::ParseError;
use super::raw::Raw;

/// Largest `word/document.xml` read, uncompressed.
pub(crate) const MAX_DOCUMENT_BYTES: u64 = 50 * 1024 * 1024;

/// Largest styles, numbering or properties part read, uncompressed.
const MAX_PART_BYTES: u64 = 10 * 1024 * 1024;

/// Most entries a package may list; real documents have a few dozen.
const MAX_ENTRIES: usize = 10_000;

/// What the Word reader found.
#[derive(Debug, Default)]
pub(crate) struct DocxRead {
    /// The body's blocks in order.
    pub blocks: Vec<Raw>,
    /// Title from the document properties.
    pub title: Option<String>,
    /// Creator from the document properties.
    pub author: Option<String>,
    /// Creation date from the document properties.
    pub date: Option<chrono::NaiveDate>,
    /// Things worth telling the user (tracked deletions skipped, …).
    pub warnings: Vec<String>,
}

/// Whether the bytes start like a zip archive.
pub(crate) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Reads a .docx package.
pub(crate) fn read(file: &str, bytes: &[u8]) -> Result<DocxRead, ParseError> {
    let mut archive = open(file, bytes)?;
    let document = read_part(file, &mut archive, "word/document.xml", MAX_DOCUMENT_BYTES)?
        .ok_or_else(|| not_docx(file, &archive))?;
    let styles = read_part(file, &mut archive, "word/styles.xml", MAX_PART_BYTES)?;
    let numbering = read_part(file, &mut archive, "word/numbering.xml", MAX_PART_BYTES)?;
    let core = read_part(file, &mut archive, "docProps/core.xml", MAX_PART_BYTES)?;
    let styles = styles.map(|s| parts::styles(&s)).unwrap_or_default();
    let mut numbering = numbering.map(|n| numbering::read(&n)).unwrap_or_default();
    numbering.link_styles(styles.numbering_styles());
    let body = body::read(&document, &styles, &numbering).map_err(|reason| ParseError::BadXml {
        file: file.to_string(),
        part: "word/document.xml".to_string(),
        reason,
    })?;
    let properties = core.map(|c| parts::core(&c)).unwrap_or_default();
    let mut warnings = Vec::new();
    if let Some(warning) = review_warning(file, &body) {
        warnings.push(warning);
    }
    Ok(DocxRead {
        blocks: body.blocks,
        title: properties.title,
        author: properties.creator,
        date: properties.created,
        warnings,
    })
}

/// What the user is told about unaccepted tracked changes and comments.
fn review_warning(file: &str, body: &body::Body) -> Option<String> {
    let changes = match body.changes {
        0 => None,
        1 => Some("1 spårad ändring som inte har godkänts".to_string()),
        n => Some(format!("{n} spårade ändringar som inte har godkänts")),
    };
    let comments = match body.comments {
        0 => None,
        1 => Some("1 kommentar".to_string()),
        n => Some(format!("{n} kommentarer")),
    };
    let found = match (changes, comments) {
        (Some(c), Some(k)) => format!("{c} och {k}"),
        (Some(c), None) => c,
        (None, Some(k)) => k,
        (None, None) => return None,
    };
    let how = if body.changes > 0 {
        "; texten lästes som om alla ändringar godkänts (text i spårade borttagningar hoppades över, infogad text togs med)"
    } else {
        ""
    };
    let comments = if body.comments > 0 {
        "; kommentarerna är inte en del av texten"
    } else {
        ""
    };
    Some(format!("{file}: dokumentet har {found}{how}{comments}"))
}

/// Opens the archive, refusing one that is broken or absurdly large.
fn open<'a>(file: &str, bytes: &'a [u8]) -> Result<ZipArchive<Cursor<&'a [u8]>>, ParseError> {
    let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| corrupt(file, &e))?;
    if archive.len() > MAX_ENTRIES {
        return Err(ParseError::TooLarge {
            file: file.to_string(),
            part: format!("ZIP-arkivet med {} filer", archive.len()),
            limit: format!("{MAX_ENTRIES} filer"),
        });
    }
    Ok(archive)
}

/// Reads one part, `None` when it is not in the package. Refuses a part
/// whose declared size is over `limit`, and stops reading at `limit` bytes
/// whatever the declared size says.
fn read_part(
    file: &str,
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limit: u64,
) -> Result<Option<Vec<u8>>, ParseError> {
    let entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(corrupt(file, &e)),
    };
    let too_large = || ParseError::TooLarge {
        file: file.to_string(),
        part: name.to_string(),
        limit: format!("{} MB", limit / (1024 * 1024)),
    };
    if entry.size() > limit {
        return Err(too_large());
    }
    let capacity = usize::try_from(entry.size()).unwrap_or(0);
    let mut buffer = Vec::with_capacity(capacity);
    entry
        .take(limit + 1)
        .read_to_end(&mut buffer)
        .map_err(|e| ParseError::CorruptZip {
            file: file.to_string(),
            reason: format!("{name} kunde inte packas upp ({e})"),
        })?;
    if buffer.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(Some(buffer))
}

fn corrupt(file: &str, error: &ZipError) -> ParseError {
    ParseError::CorruptZip {
        file: file.to_string(),
        reason: error.to_string(),
    }
}

/// The error for a zip without `word/document.xml`, naming what it seems
/// to be instead.
fn not_docx(file: &str, archive: &ZipArchive<Cursor<&[u8]>>) -> ParseError {
    let names: Vec<&str> = archive.file_names().collect();
    let has = |prefix: &str| names.iter().any(|n| n.starts_with(prefix));
    let found = if has("xl/") {
        "ett Excel-dokument (.xlsx)"
    } else if has("ppt/") {
        "en PowerPoint-presentation (.pptx)"
    } else if has("content.xml") || has("mimetype") {
        "ett OpenDocument-dokument (.odt/.ods)"
    } else if names.is_empty() {
        "ett tomt ZIP-arkiv"
    } else {
        "ett vanligt ZIP-arkiv"
    };
    ParseError::NotDocx {
        file: file.to_string(),
        found: found.to_string(),
    }
}
