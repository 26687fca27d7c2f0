//! `forbund check`: checks descriptions and documents against FinsamL and
//! prints the findings as text, JSON or SARIF. Exit 1 when an error nobody
//! has accepted remains, 2 when an input cannot be read.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use forbund::check::baseline::Input;
use forbund::check::{
    Package, PackageDocument, Report, check_drafts, check_package, check_with_baseline,
};
use forbund::compose::Templates;
use forbund::document::{Document, DocumentKind};
use forbund::report::{FileReport, human};

use super::Outcome;
use super::files::read_limited;
use super::sides::MAX_DOCUMENT_BYTES;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Text for people (Swedish), grouped by severity
    Human,
    /// JSON for programs
    Json,
    /// SARIF 2.1.0 for code-scanning tools
    Sarif,
}

/// A document kind on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DocArg {
    /// A förbundsordning
    #[value(alias = "förbundsordning", alias = "fo")]
    Forbundsordning,
    /// An avsiktsförklaring
    #[value(alias = "avsiktsförklaring", alias = "af")]
    Avsiktsforklaring,
    /// A tjänsteutlåtande
    #[value(alias = "tjänsteutlåtande", alias = "tu")]
    Tjansteutlatande,
}

/// Arguments of `forbund check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Descriptions (.json), documents (.md, .txt, .docx) and folders of them
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Also check the given documents together as one decision package
    /// (förbundsordning, avsiktsförklaring, tjänsteutlåtanden); a folder
    /// holding a förbundsordning and its other documents is always checked
    /// as a package
    #[arg(long)]
    package: bool,
    /// For descriptions: also compose the drafts and check them, one by one
    /// and as a package
    #[arg(long)]
    drafts: bool,
    /// The kind of every document given, when the title does not say
    #[arg(long, value_enum)]
    doc: Option<DocArg>,
    /// Compare with an earlier version: each finding is marked new,
    /// unchanged or fixed (present there, gone here)
    #[arg(long, value_name = "OLD")]
    baseline: Option<PathBuf>,
}

/// A document read from a file, kept for the package check.
struct Read {
    file: String,
    document: Document,
    source: Option<String>,
}

/// What was read from the inputs.
#[derive(Default)]
struct Inputs {
    reports: Vec<Report>,
    documents: Vec<Read>,
    forbund: Option<forbund::spec::Forbund>,
}

/// Checks every file and folder; see the module doc for the exit codes.
pub fn run(args: &Args) -> Result<Outcome> {
    let kind = args.doc.map(|d| match d {
        DocArg::Forbundsordning => DocumentKind::Forbundsordning,
        DocArg::Avsiktsforklaring => DocumentKind::Avsiktsforklaring,
        DocArg::Tjansteutlatande => DocumentKind::Tjansteutlatande,
    });
    let baseline = match &args.baseline {
        None => None,
        Some(path) => match load(path, kind)? {
            Ok(old) => Some(old),
            Err(outcome) => return Ok(outcome),
        },
    };
    let options = Options {
        kind,
        drafts: args.drafts,
        baseline: baseline.as_ref(),
    };
    let mut reports: Vec<Report> = Vec::new();
    let mut loose = Inputs::default();
    for path in &args.files {
        if path.is_dir() {
            let mut folder = Inputs::default();
            for checked in check_in_parallel(&folder_files(path)?, &options) {
                match checked? {
                    Ok((loaded, report)) => absorb(loaded, report, &options, &mut folder)?,
                    Err(outcome) => return Ok(outcome),
                }
            }
            reports.append(&mut folder.reports);
            if is_package(&folder.documents) {
                reports.push(package_report(&folder));
            }
        } else if let Err(outcome) = read_input(path, &options, &mut loose)? {
            return Ok(outcome);
        }
    }
    reports.append(&mut loose.reports);
    if args.package && !loose.documents.is_empty() {
        reports.push(package_report(&loose));
    }
    let text = match args.format {
        Format::Human => forbund::check::report::human::render(&reports),
        Format::Json => forbund::check::report::json::render(&reports),
        Format::Sarif => forbund::check::report::sarif::render(&reports),
    };
    super::print(&text)?;
    if reports.iter().any(Report::has_blocking) {
        Ok(Outcome::Findings)
    } else {
        Ok(Outcome::Success)
    }
}

/// The files of a folder worth checking, one per document: where the same
/// document is there in several formats (as `forbund generate` writes it),
/// the Markdown is read, else the text, else the Word file. PDF and HTML
/// are not read.
fn folder_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let preference = ["json", "md", "txt", "docx"];
    let mut by_stem: std::collections::BTreeMap<String, PathBuf> = Default::default();
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("kan inte läsa katalogen {}", dir.display()))?;
    for entry in entries {
        let path = entry?.path();
        let Some(extension) = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase)
        else {
            continue;
        };
        let Some(rank) = preference.iter().position(|p| *p == extension) else {
            continue;
        };
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        // A description and a document may share a stem; keep both apart.
        let key = if rank == 0 {
            format!("{stem}.json")
        } else {
            stem
        };
        let better = by_stem.get(&key).is_none_or(|current| {
            let current_rank = current
                .extension()
                .and_then(|e| e.to_str())
                .and_then(|e| preference.iter().position(|p| p.eq_ignore_ascii_case(e)))
                .unwrap_or(usize::MAX);
            rank < current_rank
        });
        if better && path.is_file() {
            by_stem.insert(key, path);
        }
    }
    if by_stem.is_empty() {
        super::note(&format!(
            "{}: inga beskrivningar eller dokument (.json, .md, .txt, .docx) att kontrollera",
            dir.display()
        ));
    }
    Ok(by_stem.into_values().collect())
}

/// Whether documents make up one förbund's decision package: a
/// förbundsordning together with an avsiktsförklaring or tjänsteutlåtanden.
fn is_package(documents: &[Read]) -> bool {
    let has = |kind| documents.iter().any(|d| d.document.kind == kind);
    has(DocumentKind::Forbundsordning)
        && (has(DocumentKind::Avsiktsforklaring) || has(DocumentKind::Tjansteutlatande))
}

fn package_report(inputs: &Inputs) -> Report {
    let package = Package {
        name: inputs
            .documents
            .iter()
            .map(|d| d.file.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        documents: inputs
            .documents
            .iter()
            .map(|d| PackageDocument {
                file: d.file.clone(),
                document: &d.document,
                source: d.source.as_deref(),
            })
            .collect(),
        forbund: inputs.forbund.as_ref(),
    };
    check_package(&package)
}

/// How every input is read and checked.
struct Options<'a> {
    kind: Option<DocumentKind>,
    drafts: bool,
    baseline: Option<&'a Loaded>,
}

/// One input read from its file.
enum Loaded {
    /// A description and its JSON text.
    Description {
        file: String,
        forbund: Box<forbund::spec::Forbund>,
        source: String,
    },
    /// A document and, for text files, its text.
    Document {
        file: String,
        document: Box<Document>,
        source: Option<String>,
    },
}

impl Loaded {
    fn input(&self) -> Input<'_> {
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
            } => Input::Document {
                file,
                document,
                source: source.as_deref(),
            },
        }
    }
}

/// A file read and checked, or the outcome that ends the command.
type Checked = Result<std::result::Result<(Loaded, Report), Outcome>>;

/// Reads and checks one file. `Ok(Err(outcome))` ends the command: the
/// input could not be read.
fn check_one(path: &Path, options: &Options<'_>) -> Checked {
    let loaded = match load(path, options.kind)? {
        Ok(loaded) => loaded,
        Err(outcome) => return Ok(Err(outcome)),
    };
    let report = match options.baseline {
        Some(old) => check_with_baseline(&loaded.input(), &old.input()),
        None => loaded.input().check(),
    };
    Ok(Ok((loaded, report)))
}

/// Checks the files of a folder on every core; the results come back in
/// the files' order, so the output does not depend on the scheduling.
fn check_in_parallel(files: &[PathBuf], options: &Options<'_>) -> Vec<Checked> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(files.len().max(1));
    let chunk = files.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|f| check_one(f, options)).collect()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|_| vec![Err(anyhow::anyhow!("internt fel vid kontrollen"))])
            })
            .collect()
    })
}

/// Reads and checks one file into `inputs`. `Ok(Err(outcome))` ends the
/// command: the input could not be read.
fn read_input(
    path: &Path,
    options: &Options<'_>,
    inputs: &mut Inputs,
) -> Result<std::result::Result<(), Outcome>> {
    match check_one(path, options)? {
        Ok((loaded, report)) => absorb(loaded, report, options, inputs).map(Ok),
        Err(outcome) => Ok(Err(outcome)),
    }
}

/// Adds a checked file to `inputs`: its report, its drafts' reports, and
/// what the package check needs.
fn absorb(
    loaded: Loaded,
    report: Report,
    options: &Options<'_>,
    inputs: &mut Inputs,
) -> Result<()> {
    inputs.reports.push(report);
    match loaded {
        Loaded::Description { file, forbund, .. } => {
            if options.drafts {
                inputs.reports.extend(
                    check_drafts(&file, &forbund, &Templates::builtin())
                        .with_context(|| format!("kan inte skapa utkasten från {file}"))?,
                );
            }
            inputs.forbund = Some(*forbund);
        }
        Loaded::Document {
            file,
            document,
            source,
        } => inputs.documents.push(Read {
            file,
            document: *document,
            source,
        }),
    }
    Ok(())
}

/// Reads a description or a document. `Ok(Err(outcome))`: it could not be
/// read, and the problem has been printed.
fn load(path: &Path, kind: Option<DocumentKind>) -> Result<std::result::Result<Loaded, Outcome>> {
    let name = path.display().to_string();
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let limit = if is_json {
        forbund::spec::load::MAX_BYTES
    } else {
        MAX_DOCUMENT_BYTES
    };
    let bytes = match read_limited(path, limit) {
        Ok(bytes) => bytes,
        Err(finding) => return Ok(Err(invalid(&name, vec![*finding]))),
    };
    if is_json {
        return Ok(match forbund::spec::load(&name, &bytes) {
            Ok(forbund) => {
                let text = String::from_utf8_lossy(&bytes);
                let source = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
                Ok(Loaded::Description {
                    file: name,
                    forbund: Box::new(forbund),
                    source,
                })
            }
            Err(problems) => Err(invalid(&name, problems)),
        });
    }
    let parse = |kind| forbund::parse::parse_as(&name, &bytes, kind);
    let mut parsed = match parse(kind) {
        Ok(parsed) => parsed,
        Err(error) => {
            super::note(&format!("fel: {error}"));
            return Ok(Err(Outcome::InvalidInput));
        }
    };
    if kind.is_none() {
        // The checker reads the body too ("Förslag till beslut" makes a
        // tjänsteutlåtande); it decides when the title does not.
        let document = &parsed.document;
        match forbund::check::input::guess_kind(&document.title, &document.all_text()) {
            None => {
                super::note(&format!(
                    "fel: {name}: {}",
                    forbund::check::InputError::UnknownKind
                ));
                return Ok(Err(Outcome::InvalidInput));
            }
            Some(guess) if guess != document.kind => match parse(Some(guess)) {
                Ok(again) => parsed = again,
                Err(error) => {
                    super::note(&format!("fel: {error}"));
                    return Ok(Err(Outcome::InvalidInput));
                }
            },
            Some(_) => {}
        }
    }
    for warning in &parsed.warnings {
        super::note(&format!("varning: {warning}"));
    }
    // Text sources give line numbers and suppression comments; a Word
    // file is checked on its text alone.
    let source = std::str::from_utf8(&bytes)
        .ok()
        .map(|t| t.strip_prefix('\u{feff}').unwrap_or(t).to_string());
    Ok(Ok(Loaded::Document {
        file: name,
        document: Box::new(parsed.document),
        source,
    }))
}

fn invalid(name: &str, problems: Vec<forbund::finding::Finding>) -> Outcome {
    super::note(human(&[FileReport::new(name, problems)]).trim_end());
    super::note("rätta filen och försök igen");
    Outcome::InvalidInput
}
