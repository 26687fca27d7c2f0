//! `forbund modernize OLD -o NY.docx`: replaces outdated terms (skall,
//! landsting, länsarbetsnämnd, allmän försäkringskassa, SKL, kommunallagen
//! (1991:900), FinsamL's old title) with their modern forms and writes the
//! updated document together with the jämförelsetabell of what changed.
//! Both files are written, or neither; neither replaces an existing file
//! without `--force`. The replacements, and the items left for a person
//! (revisorsersättare, a physical anslagstavla), are listed on standard
//! error.

use std::path::{Path, PathBuf};

use anyhow::Result;
use forbund::diff::table::{TableInfo, jamforelsetabell};
use forbund::diff::{DiffOptions, compare};
use forbund::modernize::{Replacement, modernize};
use forbund::render::{PdfProfile, render};

use super::Outcome;
use super::diff::format_of;
use super::files::{Output, write_all};
use super::generate::{load_templates, source_date};
use super::sides::load;

/// Arguments of `forbund modernize`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The old förbundsordning (.md, .txt, .docx, or a description .json)
    old: PathBuf,
    /// The modernised document: .docx, .md, .pdf or .html
    #[arg(short, long, value_name = "FIL")]
    output: PathBuf,
    /// The jämförelsetabell (.docx, .md, .pdf or .html); default
    /// <output>-jamforelsetabell.docx beside the output
    #[arg(long, value_name = "FIL")]
    tabell: Option<PathBuf>,
    /// Replace the output files if they exist
    #[arg(long)]
    force: bool,
}

/// The default jämförelsetabell path: `<stem>-jamforelsetabell.docx` next to
/// the output.
fn default_table(output: &Path) -> PathBuf {
    let stem = output
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "forbundsordning".to_string());
    output.with_file_name(format!("{stem}-jamforelsetabell.docx"))
}

/// Modernises the document and writes it with its jämförelsetabell.
pub fn run(args: &Args) -> Result<Outcome> {
    let document_format = format_of(&args.output)?;
    let table_path = args
        .tabell
        .clone()
        .unwrap_or_else(|| default_table(&args.output));
    let table_format = format_of(&table_path)?;
    if table_path == args.output {
        anyhow::bail!("dokumentet och jämförelsetabellen kan inte skrivas till samma fil");
    }
    let old = load(&args.old, &load_templates(None)?, source_date()?)?;
    let (new, replacements) = modernize(&old.document);
    let comparison = compare(&old.document, &new, &DiffOptions::default());
    let table = jamforelsetabell(
        &comparison,
        &TableInfo {
            forbund: old.forbund_name(),
            effective: None,
            substance: Vec::new(),
            metadata: new.metadata.clone(),
        },
    );
    let outputs = [
        Output {
            path: args.output.clone(),
            bytes: render(&new, document_format, PdfProfile::default())?,
        },
        Output {
            path: table_path.clone(),
            bytes: render(&table, table_format, PdfProfile::default())?,
        },
    ];
    write_all(&outputs, args.force)?;
    report(&replacements);
    super::note(&format!(
        "skrev {} och {}",
        args.output.display(),
        table_path.display()
    ));
    Ok(Outcome::Success)
}

/// Lists the replacements and the manual items on standard error.
fn report(replacements: &[Replacement]) {
    let (manual, done): (Vec<&Replacement>, Vec<&Replacement>) =
        replacements.iter().partition(|r| r.manual);
    let place = |r: &Replacement| r.section.clone().unwrap_or_else(|| "Inledning".to_string());
    if done.is_empty() {
        super::note("inga föråldrade uttryck att ersätta");
    } else {
        super::note(&format!("ersatte ({}):", done.len()));
        for r in &done {
            super::note(&format!("  {}: «{}» → «{}»", place(r), r.old, r.new));
        }
    }
    if !manual.is_empty() {
        super::note(&format!("att åtgärda för hand ({}):", manual.len()));
        for r in &manual {
            super::note(&format!("  {}: «{}»: {}", place(r), r.old, r.new));
        }
    }
}
