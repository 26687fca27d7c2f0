//! Reviewing what a user hands in: descriptions and documents read from
//! bytes in memory, checked one by one, with their drafts, against a
//! baseline, and together as a decision package. Front ends (the CLI, the
//! local web page) read the files, choose which to review, and print or
//! serve the [`Report`]s; everything between lives here.
//!
//! An input that cannot be read does not stop the review: it becomes a
//! report of its own ([`Checked::Unreadable`]) with the reason as a finding,
//! so JSON and SARIF output always cover every input.

pub mod baseline;
pub mod drafts;

pub use baseline::{Input, apply_baseline, check_with_baseline};
pub use drafts::{check_composed, check_drafts};

use crate::check::{Checked, Package, PackageDocument, Report, check_package};
use crate::compose::Templates;
use crate::document::{Document, DocumentKind};
use crate::finding::{Finding, Location};
use crate::spec::Forbund;

/// One input read from its bytes.
#[derive(Debug, Clone)]
pub enum Loaded {
    /// A description and its JSON text.
    Description {
        /// The file, as the user named it.
        file: String,
        /// The description.
        forbund: Box<Forbund>,
        /// Its text, for line numbers.
        source: String,
    },
    /// A document and, for text files, its text.
    Document {
        /// The file, as the user named it.
        file: String,
        /// The document.
        document: Box<Document>,
        /// The text it was read from (not for Word files).
        source: Option<String>,
        /// Warnings from reading it, in Swedish.
        warnings: Vec<String>,
    },
}

impl Loaded {
    /// The input as the checker takes it.
    pub fn input(&self) -> Input<'_> {
        match self {
            Loaded::Description {
                file,
                forbund,
                source,
            } => Input::Description {
                file,
                forbund,
                source: Some(source),
            },
            Loaded::Document {
                file,
                document,
                source,
                ..
            } => Input::Document {
                file,
                document,
                source: source.as_deref(),
            },
        }
    }
}

/// Whether `name` is a description by its extension.
pub fn is_description_name(name: &str) -> bool {
    name.to_lowercase().ends_with(".json")
}

/// Reads one input: a description when the name ends in `.json`, else a
/// document of `kind`, or of the kind its title and body show. An input
/// that cannot be read gives its problems as findings.
pub fn load(name: &str, bytes: &[u8], kind: Option<DocumentKind>) -> Result<Loaded, Vec<Finding>> {
    if is_description_name(name) {
        let forbund = crate::spec::load(name, bytes)?;
        let text = String::from_utf8_lossy(bytes);
        let source = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
        return Ok(Loaded::Description {
            file: name.to_string(),
            forbund: Box::new(forbund),
            source,
        });
    }
    let parsed = read_document(name, bytes, kind)?;
    // Text sources give line numbers and suppression comments; a Word
    // file is checked on its text alone.
    let source = std::str::from_utf8(bytes)
        .ok()
        .map(|t| t.strip_prefix('\u{feff}').unwrap_or(t).to_string());
    Ok(Loaded::Document {
        file: name.to_string(),
        document: Box::new(parsed.document),
        source,
        warnings: parsed.warnings,
    })
}

/// The message when a document's kind cannot be told.
const UNKNOWN_KIND: &str = "kan inte avgöra om texten är en förbundsordning, en avsiktsförklaring eller ett tjänsteutlåtande; ange vilken med --doc";

/// Reads a document (Markdown, text, Word) as the checker does: of `kind`,
/// or of the kind its title and body show.
pub fn read_document(
    name: &str,
    bytes: &[u8],
    kind: Option<DocumentKind>,
) -> Result<crate::parse::Parsed, Vec<Finding>> {
    let unreadable =
        |message: String| vec![Finding::error("INDATA", message, Location::file(name))];
    let parse =
        |kind| crate::parse::parse_as(name, bytes, kind).map_err(|e| unreadable(e.to_string()));
    let parsed = parse(kind)?;
    if kind.is_some() {
        return Ok(parsed);
    }
    // The checker reads the body too ("Förslag till beslut" makes a
    // tjänsteutlåtande); it decides when the title does not.
    let document = &parsed.document;
    match crate::read::kind::guess_kind_lazily(&document.title, || document.all_text()) {
        None => Err(unreadable(UNKNOWN_KIND.to_string())),
        Some(guess) if guess != document.kind => parse(Some(guess)),
        Some(_) => Ok(parsed),
    }
}

/// The report for an input that could not be read.
pub fn unreadable(file: &str, findings: Vec<Finding>) -> Report {
    Report {
        file: file.to_string(),
        checked: Checked::Unreadable,
        findings,
        fingerprints: Vec::new(),
        checklist: None,
        baseline: None,
    }
}

/// How every input is checked.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// Also compose a description's drafts and check them.
    pub drafts: bool,
    /// Compare every input with this one.
    pub baseline: Option<&'a Loaded>,
    /// The templates for the drafts.
    pub templates: &'a Templates,
}

/// Checks one input: its report, then its drafts' reports when asked.
pub fn check_loaded(loaded: &Loaded, options: &Options<'_>) -> Vec<Report> {
    let report = match options.baseline {
        Some(old) => check_with_baseline(&loaded.input(), &old.input()),
        None => loaded.input().check(),
    };
    let mut reports = vec![report];
    if let (true, Loaded::Description { file, forbund, .. }) = (options.drafts, loaded) {
        match check_drafts(file, forbund, options.templates) {
            Ok(drafts) => reports.extend(drafts),
            Err(error) => reports.push(unreadable(
                file,
                vec![Finding::error(
                    "UTKAST",
                    format!("utkasten kunde inte skapas: {error}"),
                    Location::file(file),
                )],
            )),
        }
    }
    reports
}

/// Which of a folder's files to check, one per document: where the same
/// document is there in several formats (as `forbund generate` writes
/// it), the Markdown is read, else the text, else the Word file, else the
/// PDF. HTML is not read. `names` are file names; the chosen ones come back
/// sorted.
pub fn folder_selection(names: &[String]) -> Vec<String> {
    const PREFERENCE: [&str; 5] = ["json", "md", "txt", "docx", "pdf"];
    let rank_of = |name: &str| {
        let extension = name.rsplit_once('.').map(|(_, e)| e.to_lowercase())?;
        PREFERENCE.iter().position(|p| *p == extension)
    };
    let mut by_stem: std::collections::BTreeMap<String, (usize, String)> = Default::default();
    for name in names {
        let Some(rank) = rank_of(name) else { continue };
        let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
        // A description and a document may share a stem; keep both apart.
        let key = if rank == 0 {
            format!("{stem}.json")
        } else {
            stem.to_string()
        };
        if by_stem.get(&key).is_none_or(|(current, _)| rank < *current) {
            by_stem.insert(key, (rank, name.clone()));
        }
    }
    by_stem.into_values().map(|(_, name)| name).collect()
}

/// Whether documents of these kinds make up one förbund's decision
/// package: a förbundsordning together with an avsiktsförklaring or
/// tjänsteutlåtanden.
pub fn is_package_of_kinds(kinds: impl IntoIterator<Item = DocumentKind>) -> bool {
    let (mut fo, mut other) = (false, false);
    for kind in kinds {
        fo |= kind == DocumentKind::Forbundsordning;
        other |= matches!(
            kind,
            DocumentKind::Avsiktsforklaring | DocumentKind::Tjansteutlatande
        );
    }
    fo && other
}

/// Checks the documents among `inputs` as one decision package, with the
/// (last) description among them.
pub fn package_report(inputs: &[&Loaded]) -> Report {
    let documents: Vec<PackageDocument<'_>> = inputs
        .iter()
        .filter_map(|loaded| match loaded {
            Loaded::Document {
                file,
                document,
                source,
                ..
            } => Some(PackageDocument {
                file: file.clone(),
                document,
                source: source.as_deref(),
            }),
            Loaded::Description { .. } => None,
        })
        .collect();
    let forbund = inputs.iter().rev().find_map(|loaded| match loaded {
        Loaded::Description { forbund, .. } => Some(forbund.as_ref()),
        Loaded::Document { .. } => None,
    });
    let package = Package {
        name: documents
            .iter()
            .map(|d| d.file.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        documents,
        forbund,
    };
    check_package(&package)
}
