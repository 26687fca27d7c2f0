//! `forbund diff`: compares two förbundsordningar section by section.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use chrono::NaiveDate;
use forbund::diff::{Compared, DiffOptions, compare_sides};
use forbund::render::{Format, PdfProfile, render};

use super::Outcome;
use super::files::{Output, write_all};
use super::generate::{load_templates, source_date};
use super::sides::load;

/// How to show the comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// Text for the terminal (colour on a terminal unless NO_COLOR is set)
    Terminal,
    /// Markdown
    #[value(alias = "markdown")]
    Md,
    /// A standalone HTML page, side by side
    Html,
    /// JSON for programs
    Json,
    /// The jämförelsetabell (nuvarande / föreslagen lydelse); -o FILE.docx, .pdf, .md or .html
    Table,
    /// The new text as Word with tracked changes against the old; -o FILE.docx
    Docx,
}

/// Arguments of `forbund diff`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The current förbundsordning: a description (.json) or a document (.md, .txt, .docx)
    old: PathBuf,
    /// The proposed one, in the same forms
    new: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value = "terminal")]
    format: DiffFormat,
    /// Write to this file instead of standard output (required for table and docx)
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Show sections that were only renumbered
    #[arg(long)]
    show_renumbering: bool,
    /// Count pure modernisation (skall/ska, landsting/region …) as unchanged
    #[arg(long)]
    ignore_modernisation: bool,
    /// Exit with 1 when the texts differ (for scripts)
    #[arg(long)]
    fail_on_change: bool,
    /// Author of the tracked changes
    #[arg(long, default_value = "forbund")]
    author: String,
    /// When the new wording takes effect (YYYY-MM-DD), for the jämförelsetabell
    #[arg(long, value_name = "DATUM")]
    ikraft: Option<NaiveDate>,
    /// Directory with your own templates, for sides that are descriptions
    #[arg(long, value_name = "DIR")]
    template_dir: Option<PathBuf>,
    /// Replace the output file if it exists
    #[arg(long)]
    force: bool,
}

/// Reads both sides and compares them.
pub fn read_and_compare(
    old: &Path,
    new: &Path,
    template_dir: Option<&Path>,
    options: &DiffOptions,
) -> Result<Compared> {
    let templates = load_templates(template_dir)?;
    let date = source_date()?;
    let old = load(old, &templates, date)?;
    let new = load(new, &templates, date)?;
    Ok(compare_sides(old, new, options))
}

/// Compares and writes the chosen format.
pub fn run(args: &Args) -> Result<Outcome> {
    let options = DiffOptions {
        show_renumbering: args.show_renumbering,
        ignore_modernisation: args.ignore_modernisation,
    };
    let needs_file = matches!(args.format, DiffFormat::Table | DiffFormat::Docx);
    if needs_file && args.output.is_none() {
        bail!("--format table och --format docx skriver en fil: ange -o FIL");
    }
    // The jämförelsetabell always carries the paragrafnyckel.
    let options = if args.format == DiffFormat::Table {
        DiffOptions {
            show_renumbering: true,
            ..options
        }
    } else {
        options
    };
    let compared = read_and_compare(&args.old, &args.new, args.template_dir.as_deref(), &options)?;
    let bytes = match args.format {
        DiffFormat::Terminal => {
            let color = args.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            with_substance(
                forbund::diff::terminal(&compared.comparison, color),
                &compared,
            )
        }
        DiffFormat::Md => with_substance(forbund::diff::markdown(&compared.comparison), &compared),
        DiffFormat::Html => forbund::diff::html(&compared.comparison).into_bytes(),
        DiffFormat::Json => json_with_substance(&compared)?,
        DiffFormat::Table => {
            let path = args
                .output
                .as_deref()
                .unwrap_or(Path::new("jamforelsetabell.docx"));
            render(
                &compared.table(args.ikraft),
                format_of(path)?,
                PdfProfile::default(),
            )?
        }
        DiffFormat::Docx => compared.tracked_docx(&args.author)?,
    };
    match &args.output {
        Some(path) => {
            write_all(
                &[Output {
                    path: path.clone(),
                    bytes,
                }],
                args.force,
            )?;
            super::note(&format!("skrev {}", path.display()));
        }
        None => super::print(&String::from_utf8_lossy(&bytes))?,
    }
    if args.fail_on_change && !compared.comparison.is_unchanged() {
        return Ok(Outcome::Findings);
    }
    Ok(Outcome::Success)
}

fn with_substance(text: String, compared: &Compared) -> Vec<u8> {
    let mut text = format!(
        "Nuvarande: {}\nFöreslagen: {}\n\n{text}",
        compared.old.name, compared.new.name
    );
    if !compared.substance.is_empty() {
        text.push_str("\nÄndringar i sak:\n");
        for change in &compared.substance {
            text.push_str(&format!("- {change}\n"));
        }
    }
    text.into_bytes()
}

fn json_with_substance(compared: &Compared) -> Result<Vec<u8>> {
    let mut value = serde_json::to_value(&compared.comparison)?;
    value["substance"] = serde_json::to_value(&compared.substance)?;
    value["old_file"] = serde_json::json!(compared.old.name);
    value["new_file"] = serde_json::json!(compared.new.name);
    let mut text = serde_json::to_string_pretty(&value)?;
    text.push('\n');
    Ok(text.into_bytes())
}

/// The format a file name asks for.
pub fn format_of(path: &Path) -> Result<Format> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    Ok(match extension.as_str() {
        "docx" => Format::Docx,
        "pdf" => Format::Pdf,
        "md" => Format::Markdown,
        "html" | "htm" => Format::Html,
        _ => bail!(
            "{}: väntade en fil som slutar på .docx, .pdf, .md eller .html",
            path.display()
        ),
    })
}
