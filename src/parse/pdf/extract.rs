//! The text lines of each page, by the `pdf_oxide` library, with their
//! positions. The library runs on a thread of its own with a large stack,
//! behind `catch_unwind` and a time limit, so that a PDF it cannot cope
//! with gives an error instead of a panic message, a crash or a hang;
//! its panics are kept off standard error. Lines marked as artifacts in a
//! tagged PDF (running headers and footers, page numbers) are left out.
//! The document's keywords are read too: `forbund generate` writes the
//! accepted deviations there.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;
use std::sync::mpsc;
use std::time::Duration;

/// Most pages read; a förbundsordning has a handful.
pub(crate) const MAX_PAGES: usize = 500;

/// How long the library may take before the file is given up.
const TIME_LIMIT: Duration = Duration::from_secs(20);

/// Stack of the library's thread: its parser recurses on nesting.
const STACK_BYTES: usize = 64 * 1024 * 1024;

/// The name of the library's thread, whose panics are not printed.
const THREAD_NAME: &str = "forbund-pdf";

/// One line of text on a page, in PDF points from the bottom left.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    /// Its text, words joined by single spaces.
    pub text: String,
    /// Left edge.
    pub left: f32,
    /// Right edge.
    pub right: f32,
    /// Bottom edge.
    pub bottom: f32,
    /// Height (about the font size).
    pub height: f32,
}

#[cfg(test)]
impl Line {
    /// A line as a test lays out a page: its right edge estimated from
    /// 5.5 pt per character.
    pub(crate) fn at(text: &str, left: f32, bottom: f32, height: f32) -> Line {
        Line {
            text: text.to_string(),
            left,
            right: left + 5.5 * text.chars().count() as f32,
            bottom,
            height,
        }
    }
}

/// Why the library could not read the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Failure {
    /// It needs a password.
    Encrypted,
    /// More pages than [`MAX_PAGES`].
    TooManyPages(usize),
    /// It took longer than [`TIME_LIMIT`].
    TimedOut,
    /// The library gave up, with its reason (in English).
    Broken(String),
}

/// What the library read: the lines of every page and the keywords.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Extracted {
    /// The lines of every page, top to bottom.
    pub pages: Vec<Vec<Line>>,
    /// The document's keywords (the Info dictionary's, else the XMP
    /// metadata's), where `forbund generate` writes accepted deviations;
    /// empty when there are none.
    pub keywords: String,
}

/// The lines of every page, top to bottom, and the keywords.
pub(crate) fn pages(bytes: &[u8]) -> Result<Extracted, Failure> {
    let owned = bytes.to_vec();
    isolated(move || read(owned))?
}

fn read(bytes: Vec<u8>) -> Result<Extracted, Failure> {
    let document = pdf_oxide::PdfDocument::from_bytes(bytes).map_err(failure)?;
    let count = document.page_count().map_err(failure)?;
    if count > MAX_PAGES {
        return Err(Failure::TooManyPages(count));
    }
    Ok(Extracted {
        pages: lines(&document, count)?,
        keywords: keywords(&document).unwrap_or_default(),
    })
}

/// The keywords of the Info dictionary, else of the XMP metadata (a PDF
/// 2.0 file has only those); `None` when neither has any. Metadata that
/// cannot be read is no error: the text still reads without it.
fn keywords(document: &pdf_oxide::PdfDocument) -> Option<String> {
    let info = document
        .trailer()
        .as_dict()
        .and_then(|trailer| trailer.get("Info"))
        .and_then(|info| document.resolve_object(info).ok());
    let from_info = info.as_ref().and_then(|info| {
        match document
            .resolve_object(info.as_dict()?.get("Keywords")?)
            .ok()?
        {
            pdf_oxide::object::Object::String(bytes) => {
                Some(pdf_oxide::optional_content::decode_pdf_text_string(&bytes))
            }
            _ => None,
        }
    });
    if let Some(keywords) = from_info.filter(|k| !k.trim().is_empty()) {
        return Some(keywords);
    }
    let catalog = document.catalog().ok()?;
    let metadata = document
        .resolve_object(catalog.as_dict()?.get("Metadata")?)
        .ok()?;
    let xmp = metadata.decode_stream_data().ok()?;
    xmp_keywords(&String::from_utf8_lossy(&xmp))
}

/// The text of `pdf:Keywords` in XMP metadata, entities decoded.
fn xmp_keywords(xmp: &str) -> Option<String> {
    const OPEN: &str = "<pdf:Keywords>";
    let start = xmp.find(OPEN)? + OPEN.len();
    let end = start + xmp.get(start..)?.find("</pdf:Keywords>")?;
    let text = xmp.get(start..end)?;
    quick_xml::escape::unescape(text)
        .ok()
        .map(|t| t.into_owned())
        .filter(|t| !t.trim().is_empty())
}

fn lines(document: &pdf_oxide::PdfDocument, count: usize) -> Result<Vec<Vec<Line>>, Failure> {
    (0..count)
        .map(|page| {
            let furniture = marked_furniture(document, page)?;
            let lines = document
                .extract_text_lines_with_thresholds(page, None, None, None)
                .map_err(failure)?;
            Ok(lines
                .into_iter()
                .filter(|line| !furniture.iter().any(|r| overlaps(r, &line.bbox)))
                .flat_map(cells)
                .collect())
        })
        .collect()
}

/// Where the page's marked artifacts stand: what a tagged PDF marks as
/// its running header, footer, page number or background. The library
/// also marks, by its own guess, text repeated at one place on several
/// pages ("För Exempel17 kommun" at the head of a page of signature
/// forms) as "other pagination"; that text is kept, and
/// [`super::layout`] tells real running headers by where they stand. The
/// library keeps each page's spans, so reading its lines after this does
/// not extract them again.
fn marked_furniture(
    document: &pdf_oxide::PdfDocument,
    page: usize,
) -> Result<Vec<pdf_oxide::geometry::Rect>, Failure> {
    use pdf_oxide::extractors::text::{ArtifactType, PaginationSubtype};
    Ok(document
        .extract_spans(page)
        .map_err(failure)?
        .into_iter()
        .filter(|span| {
            matches!(&span.artifact_type, Some(kind)
                if *kind != ArtifactType::Pagination(PaginationSubtype::Other))
        })
        .map(|span| span.bbox)
        .collect())
}

/// Whether a line and an artifact share some of the page.
fn overlaps(artifact: &pdf_oxide::geometry::Rect, line: &pdf_oxide::geometry::Rect) -> bool {
    artifact.x < line.x + line.width
        && line.x < artifact.x + artifact.width
        && artifact.y < line.y + line.height
        && line.y < artifact.y + artifact.height
}

/// A gap this many times the type's size between two words may part
/// them into cells: a word space is a quarter of it.
const CELL_GAP: f32 = 0.9;

/// The library's line parted between the cells of a table's row: where a
/// wide gap stands between two words that a tagged PDF marks as separate
/// content (`forbund generate` and Word's tagged export mark each cell).
/// The library parts a line only at gaps of three times the type's size,
/// so a table's rows set close together would read as one paragraph. An
/// untagged PDF's line is left whole: a justified line's wide spaces are
/// not cells.
fn cells(line: pdf_oxide::layout::TextLine) -> Vec<Line> {
    if line.words.is_empty() {
        return vec![Line {
            text: line.text,
            left: line.bbox.x,
            right: line.bbox.x + line.bbox.width,
            bottom: line.bbox.y,
            height: line.bbox.height,
        }];
    }
    let mut out: Vec<Line> = Vec::new();
    let mut previous: Option<(f32, Option<u32>)> = None;
    for word in &line.words {
        let (left, right) = (word.bbox.x, word.bbox.x + word.bbox.width);
        let size = word.avg_font_size.max(1.0);
        let parted = previous.is_some_and(|(end, mcid)| {
            left - end > CELL_GAP * size
                && mcid.is_some()
                && word.mcid.is_some()
                && mcid != word.mcid
        });
        match out.last_mut() {
            Some(cell) if !parted => {
                cell.text.push(' ');
                cell.text.push_str(&word.text);
                cell.right = cell.right.max(right);
                cell.bottom = cell.bottom.min(word.bbox.y);
                cell.height = cell.height.max(word.bbox.height);
            }
            _ => out.push(Line {
                text: word.text.clone(),
                left,
                right,
                bottom: word.bbox.y,
                height: word.bbox.height,
            }),
        }
        previous = Some((right, word.mcid));
    }
    out
}

fn failure(error: pdf_oxide::Error) -> Failure {
    match error {
        pdf_oxide::Error::EncryptedPdf => Failure::Encrypted,
        other => Failure::Broken(other.to_string()),
    }
}

/// Runs `work` on the library's thread; a panic or a timeout is a failure.
fn isolated<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, Failure> {
    silence_panics();
    let (sender, receiver) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name(THREAD_NAME.to_string())
        .stack_size(STACK_BYTES)
        .spawn(move || {
            let result = catch_unwind(AssertUnwindSafe(work));
            // The receiver is gone only when the caller gave up waiting.
            let _ = sender.send(result);
        });
    if let Err(error) = spawned {
        return Err(Failure::Broken(error.to_string()));
    }
    match receiver.recv_timeout(TIME_LIMIT) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(panic)) => Err(Failure::Broken(panic_message(panic.as_ref()))),
        // A thread that does not finish is left behind: Rust cannot stop
        // it, and the caller must not wait for it.
        Err(mpsc::RecvTimeoutError::Timeout) => Err(Failure::TimedOut),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err(Failure::Broken("tolkningen avbröts".to_string()))
        }
    }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    let text = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned());
    format!(
        "PDF-läsaren stötte på ett internt fel ({})",
        text.unwrap_or_else(|| "okänt".to_string())
    )
}

/// Keeps panics on the library's thread off standard error, once per
/// process; panics elsewhere are reported as before.
fn silence_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() != Some(THREAD_NAME) {
                previous(info);
            }
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_the_library_is_a_failure_not_a_crash() {
        let result: Result<(), Failure> = isolated(|| panic!("boom"));
        assert_eq!(
            result,
            Err(Failure::Broken(
                "PDF-läsaren stötte på ett internt fel (boom)".to_string()
            ))
        );
    }

    #[test]
    fn keywords_are_read_from_xmp() {
        let xmp = "<rdf:Description><pdf:Keywords>forbund: godta X-1: a &amp; b, c</pdf:Keywords></rdf:Description>";
        assert_eq!(
            xmp_keywords(xmp).as_deref(),
            Some("forbund: godta X-1: a & b, c")
        );
        assert_eq!(xmp_keywords("<pdf:Keywords></pdf:Keywords>"), None);
        assert_eq!(xmp_keywords("<x/>"), None);
    }

    #[test]
    fn garbage_is_broken() {
        assert!(matches!(
            pages(b"%PDF-1.7\nnothing else"),
            Err(Failure::Broken(_))
        ));
    }
}
