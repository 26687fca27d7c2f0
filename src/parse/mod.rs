//! Existing documents (Word .docx, PDF with a text layer, Markdown, plain
//! or OCR'd text) → the [`Document`] model, so that a förbund's current
//! förbundsordning can be compared, checked and read ([`crate::read`]).
//!
//! The format is read from the content, not only the file name: a zip with
//! `word/document.xml` is Word, a file starting `%PDF-` is PDF, text with
//! Markdown headings or tables is Markdown, other text is plain text. Every
//! reader produces the same
//! intermediate blocks; `structure` then finds the title, the preamble and
//! the sections, recognising the many § heading forms real
//! förbundsordningar use. Bad input gets a [`ParseError`] in Swedish that
//! says what was expected; nothing here panics on any input.

mod decode;
mod docx;
mod furniture;
mod headings;
mod markdown;
mod pdf;
pub(crate) mod raw;
mod structure;
mod text;

use chrono::NaiveDate;

use self::decode::Format;
use self::raw::Raw;
use crate::document::{
    Acceptance, Block, Document, DocumentKind, HeaderField, Metadata, plain_text,
};

/// The largest document file read, in bytes (a 100-page DOCX is a few MB).
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// A parsed document and what the user should know about how it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The document.
    pub document: Document,
    /// Warnings in Swedish: the format differed from the file name, page
    /// furniture was dropped, § numbers are out of order, and so on.
    pub warnings: Vec<String>,
}

/// Why a file could not be read as a document. Each message names the file
/// and says what was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// The file has no bytes.
    #[error(
        "{file} är tom (0 byte); väntade ett Word-dokument (.docx), PDF (.pdf), Markdown (.md) eller text (.txt)"
    )]
    Empty {
        /// The file name.
        file: String,
    },
    /// The file has no text in it.
    #[error("{file} innehåller ingen text; väntade ett dokument med rubriker och stycken")]
    NoText {
        /// The file name.
        file: String,
    },
    /// Binary data that is neither text nor a zip.
    #[error(
        "{file} är varken text eller ett Word-dokument (binära data); väntade .docx, .md eller .txt i UTF-8"
    )]
    Binary {
        /// The file name.
        file: String,
    },
    /// A known format that cannot be read (old .doc, RTF …).
    #[error(
        "{file} är {format}, som inte kan läsas; spara dokumentet som Word (.docx) eller som text (.txt)"
    )]
    Unsupported {
        /// The file name.
        file: String,
        /// What it is, e.g. "ett PDF-dokument".
        format: String,
    },
    /// A zip archive without `word/document.xml`.
    #[error(
        "{file} är {found}, inte ett Word-dokument (word/document.xml saknas); väntade en .docx-fil"
    )]
    NotDocx {
        /// The file name.
        file: String,
        /// What the zip seems to be.
        found: String,
    },
    /// A zip archive that cannot be read.
    #[error("{file} ser ut som ett Word-dokument (ZIP) men är skadat: {reason}")]
    CorruptZip {
        /// The file name.
        file: String,
        /// What is wrong.
        reason: String,
    },
    /// A part larger than a real document would be (a zip bomb).
    #[error(
        "{file}: {part} är större än {limit} uppackat; ett vanligt dokument är mycket mindre, så filen läses inte"
    )]
    TooLarge {
        /// The file name.
        file: String,
        /// Which part or what.
        part: String,
        /// The limit, e.g. "50 MB".
        limit: String,
    },
    /// A Word part that is not well-formed XML.
    #[error("{file}: {part} är inte giltig XML: {reason}")]
    BadXml {
        /// The file name.
        file: String,
        /// The part, e.g. "word/document.xml".
        part: String,
        /// What the XML parser said.
        reason: String,
    },
    /// A PDF the PDF reader cannot read.
    #[error("{file} ser ut som ett PDF-dokument men kan inte läsas: {reason}")]
    BadPdf {
        /// The file name.
        file: String,
        /// What is wrong.
        reason: String,
    },
    /// A PDF that needs a password.
    #[error(
        "{file} är ett lösenordsskyddat PDF-dokument och kan inte läsas; spara en kopia utan lösenord och läs in den"
    )]
    EncryptedPdf {
        /// The file name.
        file: String,
    },
    /// A PDF whose pages are images only: a scan.
    #[error(
        "{file} är ett PDF-dokument utan text ({} med bara bilder, troligen inskannade); tolka texten med OCR (textigenkänning) först, till exempel med ocrmypdf, och läs in den nya filen eller texten",
        page_count(*pages)
    )]
    NoTextLayer {
        /// The file name.
        file: String,
        /// How many pages it has.
        pages: usize,
    },
    /// A förbundsordning without a single numbered paragraph.
    #[error(
        "{file}: inga paragrafer (§) hittades; en förbundsordning ska ha numrerade paragrafer som «1 § Förbundets namn»"
    )]
    NoParagraphs {
        /// The file name.
        file: String,
    },
}

/// "1 sida", "3 sidor".
fn page_count(pages: usize) -> String {
    if pages == 1 {
        "1 sida".to_string()
    } else {
        format!("{pages} sidor")
    }
}

/// Reads a document, guessing its kind: a förbundsordning when its title or
/// file name says so or when it has § headings, else an avsiktsförklaring
/// or tjänsteutlåtande by the same clues.
///
/// # Errors
///
/// A [`ParseError`] for an empty, binary or broken file, a zip that is not
/// a Word document, a zip bomb, and a förbundsordning without any §.
pub fn parse(file_name: &str, bytes: &[u8]) -> Result<Parsed, ParseError> {
    parse_as(file_name, bytes, None)
}

/// Reads a document of a known kind. With
/// `Some(DocumentKind::Forbundsordning)` a document without § headings is
/// an error; other kinds are divided into sections by their headings.
///
/// # Errors
///
/// As [`parse`].
pub fn parse_as(
    file_name: &str,
    bytes: &[u8],
    expected: Option<DocumentKind>,
) -> Result<Parsed, ParseError> {
    let mut warnings = Vec::new();
    let (format, input) = decode::detect(file_name, bytes, &mut warnings)?;
    let mut read = read_blocks(file_name, format, &input, &mut warnings)?;
    if read.blocks.is_empty() {
        return Err(ParseError::NoText {
            file: file_name.to_string(),
        });
    }
    let outline = structure::outline(std::mem::take(&mut read.blocks));
    let title = outline.title.clone().unwrap_or_default();
    let warned_before = warnings.len();
    let kind = decide_kind(expected, &title, file_name, outline.marks(), &mut warnings);
    // The kind was a guess (decide_kind said so) rather than named.
    let guessed = warnings.len() > warned_before;
    if kind == DocumentKind::Forbundsordning && outline.marks() == 0 {
        return Err(ParseError::NoParagraphs {
            file: file_name.to_string(),
        });
    }
    if outline.title.is_none() {
        warnings.push(format!(
            "{file_name}: ingen titel hittades före första avsnittet"
        ));
    }
    // An avsiktsförklaring or tjänsteutlåtande has no §§; say so only when
    // the kind itself was a guess.
    if outline.marks() == 0 && (guessed || expected.is_none() && title.is_empty()) {
        warnings.push(format!(
            "{file_name}: inga paragrafer (§) hittades; dokumentet läses som {} med avsnitt efter rubrikerna",
            kind.swedish()
        ));
    }
    // A reader that found the header fields itself (a PDF's letterhead)
    // has taken them out of the blocks.
    let header = if read.header.is_empty() {
        outline.header.clone()
    } else {
        read.header
    };
    let mut body = structure::sections(outline, kind == DocumentKind::Forbundsordning);
    if kind == DocumentKind::Forbundsordning {
        numbering_warnings(file_name, &body.sections, &mut warnings);
    }
    let acceptances = acceptances(&mut body.preamble, read.acceptances);
    let document = Document {
        kind,
        metadata: Metadata {
            title: read.title.unwrap_or_else(|| title.clone()),
            subject: String::new(),
            author: read.author.unwrap_or_default(),
            case_number: read.case_number,
            date: read.date.unwrap_or_default(),
            language: "sv".to_string(),
        },
        title,
        header,
        preamble: body.preamble,
        sections: body.sections,
        signatures: body.signatures,
        acceptances,
    };
    Ok(Parsed { document, warnings })
}

/// The accepted deviations for the whole document: those the reader found
/// outside the text (a PDF's keywords), then the lines
/// `forbund: godta ID: motivering` in the preamble (a Word file's hidden
/// paragraphs), which are taken out of it. Each once.
fn acceptances(preamble: &mut Vec<Block>, found: Vec<Acceptance>) -> Vec<Acceptance> {
    let mut out = found;
    preamble.retain(|block| {
        let Block::Paragraph { text } = block else {
            return true;
        };
        let Some(acceptance) = Acceptance::parse(&plain_text(text)) else {
            return true;
        };
        if !out.contains(&acceptance) {
            out.push(acceptance);
        }
        false
    });
    out
}

/// What a reader found, whatever the format.
#[derive(Debug, Default)]
struct Read {
    blocks: Vec<Raw>,
    title: Option<String>,
    author: Option<String>,
    date: Option<NaiveDate>,
    case_number: Option<String>,
    /// Header fields read outside the blocks (a PDF's letterhead).
    header: Vec<HeaderField>,
    /// Accepted deviations read outside the text (a PDF's keywords).
    acceptances: Vec<Acceptance>,
}

fn read_blocks(
    file: &str,
    format: Format,
    input: &decode::Input,
    warnings: &mut Vec<String>,
) -> Result<Read, ParseError> {
    match (format, input) {
        (Format::Docx, decode::Input::Bytes(bytes)) => {
            let read = docx::read(file, bytes)?;
            warnings.extend(read.warnings);
            Ok(Read {
                blocks: read.blocks,
                title: read.title,
                author: read.author,
                date: read.date,
                ..Read::default()
            })
        }
        (Format::Pdf, decode::Input::Bytes(bytes)) => {
            let read = pdf::read(file, bytes)?;
            warnings.extend(read.warnings);
            let case_number = read.case_number.or_else(|| {
                read.header
                    .iter()
                    .find(|f| f.label == crate::document::label::CASE_NUMBER)
                    .map(|f| f.value.clone())
            });
            Ok(Read {
                header: read.header,
                acceptances: read.acceptances,
                ..paged(file, read.blocks, case_number, read.dropped, warnings)
            })
        }
        (Format::Markdown, decode::Input::Text(text)) => Ok(Read {
            blocks: markdown::read(text),
            ..Read::default()
        }),
        (_, decode::Input::Text(text)) => {
            let read = text::read(text);
            Ok(paged(
                file,
                read.blocks,
                read.case_number,
                read.dropped,
                warnings,
            ))
        }
        (_, decode::Input::Bytes(_)) => Err(ParseError::Binary {
            file: file.to_string(),
        }),
    }
}

/// The document kind: as expected, else by title, file name, or § count.
/// The blocks of a paged source (plain text, PDF), saying how many lines of
/// page furniture were dropped.
fn paged(
    file: &str,
    blocks: Vec<Raw>,
    case_number: Option<String>,
    dropped: usize,
    warnings: &mut Vec<String>,
) -> Read {
    if dropped > 0 {
        warnings.push(format!(
            "{file}: {dropped} rader sidhuvud, sidfot och sidnummer togs bort"
        ));
    }
    Read {
        blocks,
        case_number,
        ..Read::default()
    }
}

fn decide_kind(
    expected: Option<DocumentKind>,
    title: &str,
    file_name: &str,
    marks: usize,
    warnings: &mut Vec<String>,
) -> DocumentKind {
    if let Some(kind) = expected {
        return kind;
    }
    let title = title.to_lowercase();
    let base = std::path::Path::new(file_name)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = crate::swedish::slug(&base);
    let by_words = |words: &[&str]| words.iter().any(|w| title.contains(w));
    let by_name = |words: &[&str]| words.iter().any(|w| name.contains(w));
    if by_words(&["förbundsordning"]) || by_name(&["forbundsordning"]) {
        DocumentKind::Forbundsordning
    } else if by_words(&["avsiktsförklaring"]) || by_name(&["avsiktsforklaring"]) {
        DocumentKind::Avsiktsforklaring
    } else if by_words(&["förslag till organisation"]) || by_name(&["organisation"]) {
        DocumentKind::Organisation
    } else if by_words(&["tjänsteutlåtande", "tjänsteskrivelse"])
        || by_name(&["tjansteutlatande", "tjansteskrivelse"])
    {
        DocumentKind::Tjansteutlatande
    } else if marks >= 2 {
        DocumentKind::Forbundsordning
    } else {
        warnings.push(format!(
            "{file_name}: dokumentslaget kunde inte avgöras av titeln eller filnamnet; läses som avsiktsförklaring"
        ));
        DocumentKind::Avsiktsforklaring
    }
}

/// Warns when § numbers repeat or skip ("7 § följer på 5 §").
fn numbering_warnings(
    file: &str,
    sections: &[crate::document::Section],
    warnings: &mut Vec<String>,
) {
    let mut previous: Option<u32> = None;
    for number in sections.iter().filter_map(|s| s.number) {
        match previous {
            Some(p) if number == p => {
                warnings.push(format!("{file}: {number} § förekommer två gånger i följd"));
            }
            Some(p) if number != p + 1 => {
                warnings.push(format!(
                    "{file}: paragrafnumren är inte i följd: {number} § följer på {p} §"
                ));
            }
            None if number != 1 => {
                warnings.push(format!("{file}: första paragrafen är {number} §, inte 1 §"));
            }
            _ => {}
        }
        previous = Some(number);
    }
}
