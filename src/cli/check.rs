//! `forbund check`: checks descriptions and documents against FinsamL and
//! prints the findings as text, JSON or SARIF. Exit 1 when an error nobody
//! has accepted remains, 2 when an input cannot be read.

use std::path::PathBuf;

use anyhow::{Context, Result};
use forbund::check::{
    Package, PackageDocument, Report, check_description, check_document, check_drafts,
    check_package, read_markdown,
};
use forbund::compose::Templates;
use forbund::document::{Document, DocumentKind};
use forbund::report::{FileReport, human};

use super::Outcome;
use super::files::read_limited;

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
    /// Descriptions (.json) and documents (.md, .txt)
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Also check the given documents together as one decision package
    /// (förbundsordning, avsiktsförklaring, tjänsteutlåtanden)
    #[arg(long)]
    package: bool,
    /// For descriptions: also compose the drafts and check them, one by one
    /// and as a package
    #[arg(long)]
    drafts: bool,
    /// The kind of every document given, when the title does not say
    #[arg(long, value_enum)]
    doc: Option<DocArg>,
}

/// The largest document accepted, in bytes.
const MAX_DOCUMENT: u64 = 5 * 1024 * 1024;

/// A document read from a file, kept for the package check.
struct Read {
    file: String,
    document: Document,
    source: String,
}

/// Checks every file; see the module doc for the exit codes.
pub fn run(args: &Args) -> Result<Outcome> {
    let mut reports: Vec<Report> = Vec::new();
    let mut documents: Vec<Read> = Vec::new();
    let mut forbund_for_package = None;
    let kind = args.doc.map(|d| match d {
        DocArg::Forbundsordning => DocumentKind::Forbundsordning,
        DocArg::Avsiktsforklaring => DocumentKind::Avsiktsforklaring,
        DocArg::Tjansteutlatande => DocumentKind::Tjansteutlatande,
    });
    for path in &args.files {
        let name = path.display().to_string();
        let is_json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        let limit = if is_json {
            forbund::spec::load::MAX_BYTES
        } else {
            MAX_DOCUMENT
        };
        let bytes = match read_limited(path, limit) {
            Ok(bytes) => bytes,
            Err(finding) => return invalid(&name, vec![*finding]),
        };
        if is_json {
            let forbund = match forbund::spec::load(&name, &bytes) {
                Ok(f) => f,
                Err(problems) => return invalid(&name, problems),
            };
            let text = String::from_utf8_lossy(&bytes);
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            reports.push(check_description(&name, &forbund, Some(text)));
            if args.drafts {
                reports.extend(
                    check_drafts(&name, &forbund, &Templates::builtin())
                        .with_context(|| format!("kan inte skapa utkasten från {name}"))?,
                );
            }
            forbund_for_package = Some(forbund);
        } else {
            let Ok(text) = String::from_utf8(bytes) else {
                return invalid(
                    &name,
                    vec![forbund::finding::Finding::error(
                        "FIL-KODNING",
                        "filen är inte UTF-8-kodad text; spara den som UTF-8",
                        forbund::finding::Location::file(&name),
                    )],
                );
            };
            let text = text
                .strip_prefix('\u{feff}')
                .map(str::to_string)
                .unwrap_or(text);
            let document = match read_markdown(&text, kind) {
                Ok(d) => d,
                Err(error) => {
                    super::note(&format!("{name}: {error}"));
                    return Ok(Outcome::InvalidInput);
                }
            };
            reports.push(check_document(&name, &document, Some(&text)));
            documents.push(Read {
                file: name,
                document,
                source: text,
            });
        }
    }
    if args.package && !documents.is_empty() {
        let package = Package {
            name: documents
                .iter()
                .map(|d| d.file.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            documents: documents
                .iter()
                .map(|d| PackageDocument {
                    file: d.file.clone(),
                    document: &d.document,
                    source: Some(&d.source),
                })
                .collect(),
            forbund: forbund_for_package.as_ref(),
        };
        reports.push(check_package(&package));
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

fn invalid(name: &str, problems: Vec<forbund::finding::Finding>) -> Result<Outcome> {
    super::note(human(&[FileReport::new(name, problems)]).trim_end());
    super::note("rätta filen och försök igen");
    Ok(Outcome::InvalidInput)
}
