//! `forbund generate`: checks the description (as `forbund check` does),
//! then drafts the documents from it. A description with errors nobody has
//! accepted is drafted only with `--allow-errors`; accepted deviations
//! travel into the drafts' Markdown.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use forbund::compose::{Selection, Templates, compose, placeholders};
use forbund::document::DocumentKind;
use forbund::render::{Format, PdfProfile};
use forbund::report::{FileReport, human};

use super::Outcome;
use super::files::{Expected, Output, read_limited, write_all};

/// A document kind on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DocArg {
    /// The förbundsordning
    #[value(alias = "förbundsordning", alias = "fo")]
    Forbundsordning,
    /// The avsiktsförklaring
    #[value(alias = "avsiktsförklaring")]
    Avsiktsforklaring,
    /// One tjänsteutlåtande per kommun and region
    #[value(alias = "tjänsteutlåtande", alias = "tu")]
    Tjansteutlatande,
    /// The organisation proposal with its chart (when the description has one)
    Organisation,
}

/// An output format on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// Word (.docx)
    Docx,
    /// PDF (PDF/A-2b unless --pdf-standard says otherwise)
    Pdf,
    /// Markdown (.md), the canonical text
    #[value(alias = "markdown")]
    Md,
    /// Standalone HTML with print CSS
    Html,
}

/// The PDF standard on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PdfStandardArg {
    /// PDF/A-2b, for archiving
    #[value(name = "a-2b")]
    A2b,
    /// Tagged PDF/UA-1, for accessibility
    #[value(name = "ua-1")]
    Ua1,
}

/// Arguments of `forbund generate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The description (JSON)
    spec: PathBuf,
    /// Directory to write the documents to (created if missing)
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,
    /// Only this document (default: all kinds)
    #[arg(long, value_enum)]
    doc: Option<DocArg>,
    /// Formats, comma-separated (default: all)
    #[arg(long, value_enum, value_delimiter = ',')]
    format: Vec<FormatArg>,
    /// Directory with your own templates (forbundsordning.md, avsiktsforklaring.md,
    /// tjansteutlatande.md, organisation.md, lag.md); the built-in ones are used for the rest
    #[arg(long, value_name = "DIR")]
    template_dir: Option<PathBuf>,
    /// PDF standard
    #[arg(long, value_enum, default_value = "a-2b")]
    pdf_standard: PdfStandardArg,
    /// Replace existing files
    #[arg(long)]
    force: bool,
    /// Draft even when the description has errors that no entry in
    /// `godtagna_avvikelser` accepts (the findings are printed either way)
    #[arg(long)]
    allow_errors: bool,
}

/// Loads, composes, renders and writes all files, or none.
pub fn run(args: &Args) -> Result<Outcome> {
    let name = args.spec.display().to_string();
    let bytes = match read_limited(&args.spec, Expected::Description) {
        Ok(bytes) => bytes,
        Err(finding) => {
            super::note(human(&[FileReport::new(&name, vec![*finding])]).trim_end());
            return Ok(Outcome::InvalidInput);
        }
    };
    let forbund = match forbund::spec::load(&name, &bytes) {
        Ok(f) => f,
        Err(problems) => {
            super::note(human(&[FileReport::new(&name, problems)]).trim_end());
            super::note("rätta beskrivningen och försök igen (forbund validate visar samma sak)");
            return Ok(Outcome::InvalidInput);
        }
    };
    let source = String::from_utf8_lossy(&bytes);
    let mut report = forbund::check::check_description(&name, &forbund, Some(&source));
    // The findings, not the 9 § checklist: `forbund check` shows that.
    report.checklist = None;
    if !report.findings.is_empty() {
        super::note(forbund::check::report::human::render_report(&report).trim_end());
    }
    if report.has_blocking() && !args.allow_errors {
        super::note(
            "beskrivningen har fel som inte har godtagits, så inga utkast har skrivits; rätta felen, \
godta en avvikelse med en motivering i «godtagna_avvikelser», eller ge --allow-errors för att \
ändå skapa utkasten",
        );
        return Ok(Outcome::Findings);
    }
    let templates = load_templates(args.template_dir.as_deref())?;
    let selection = match args.doc {
        None => Selection::All,
        Some(DocArg::Forbundsordning) => Selection::Only(DocumentKind::Forbundsordning),
        Some(DocArg::Avsiktsforklaring) => Selection::Only(DocumentKind::Avsiktsforklaring),
        Some(DocArg::Tjansteutlatande) => Selection::Only(DocumentKind::Tjansteutlatande),
        Some(DocArg::Organisation) => Selection::Only(DocumentKind::Organisation),
    };
    let documents = compose(&forbund, &templates, selection, source_date()?)?;
    if documents.is_empty() && args.doc == Some(DocArg::Organisation) {
        super::note(
            "beskrivningen har ingen organisation (nyckeln «organisation»); inget förslag till organisation skrivs",
        );
    }
    for line in forbund::compose::placeholder::report(&placeholders(&documents)) {
        super::note(&line);
    }
    let formats = formats(&args.format);
    let profile = match args.pdf_standard {
        PdfStandardArg::A2b => PdfProfile::ArchiveA2b,
        PdfStandardArg::Ua1 => PdfProfile::AccessibleUa1,
    };
    let files = forbund::render::drafts(&documents, &formats, profile, &forbund.accepted)?;
    let outputs: Vec<Output> = files
        .into_iter()
        .map(|file| Output {
            path: args.output.join(&file.name),
            bytes: file.bytes,
        })
        .collect();
    write_all(&outputs, args.force)?;
    let listing: String = outputs
        .iter()
        .map(|o| format!("{}\n", o.path.display()))
        .collect();
    super::print(&listing)?;
    Ok(Outcome::Success)
}

fn formats(chosen: &[FormatArg]) -> Vec<Format> {
    if chosen.is_empty() {
        return Format::ALL.to_vec();
    }
    let mut formats: Vec<Format> = chosen
        .iter()
        .map(|f| match f {
            FormatArg::Docx => Format::Docx,
            FormatArg::Pdf => Format::Pdf,
            FormatArg::Md => Format::Markdown,
            FormatArg::Html => Format::Html,
        })
        .collect();
    formats.sort();
    formats.dedup();
    formats
}

/// The built-in templates with the user's own files from `dir` on top.
pub(super) fn load_templates(dir: Option<&Path>) -> Result<Templates> {
    let mut templates = Templates::builtin();
    let Some(dir) = dir else {
        return Ok(templates);
    };
    if !dir.is_dir() {
        bail!(
            "mallkatalogen {} finns inte eller är ingen katalog",
            dir.display()
        );
    }
    let mut found = 0;
    for name in Templates::builtin_names() {
        let path = dir.join(name);
        if path.is_file() {
            let source = std::fs::read_to_string(&path)
                .with_context(|| format!("kan inte läsa mallen {} (UTF-8?)", path.display()))?;
            templates = templates.with_override(name, source);
            found += 1;
        }
    }
    if found == 0 {
        let names: Vec<&str> = Templates::builtin_names().collect();
        bail!(
            "mallkatalogen {} innehåller ingen av mallarna {}",
            dir.display(),
            names.join(", ")
        );
    }
    Ok(templates)
}

/// The document date from `SOURCE_DATE_EPOCH`, if set (reproducible builds).
pub(super) fn source_date() -> Result<Option<NaiveDate>> {
    let value = std::env::var("SOURCE_DATE_EPOCH").ok();
    Ok(forbund::compose::source_date(value.as_deref())?)
}
