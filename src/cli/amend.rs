//! `forbund amend`: the package a council needs to decide an amendment of
//! the förbundsordning: the jämförelsetabell, the tracked-changes
//! förbundsordning, the new consolidated förbundsordning, and one
//! tjänsteutlåtande per kommun and region.

use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;
use forbund::diff::DiffOptions;
use forbund::diff::amendment::{PackageOptions, package};

use super::Outcome;
use super::diff::read_and_compare;
use super::files::{Output, write_all};
use super::generate::{load_templates, source_date};

/// Arguments of `forbund amend`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The current förbundsordning: a description (.json) or a document (.md, .txt, .docx)
    old: PathBuf,
    /// The amended one, in the same forms (a description gives the members' cases)
    new: PathBuf,
    /// Directory to write the package to
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,
    /// When the amended förbundsordning takes effect (YYYY-MM-DD)
    #[arg(long, value_name = "DATUM")]
    ikraft: Option<NaiveDate>,
    /// Author of the tracked changes
    #[arg(long, default_value = "forbund")]
    author: String,
    /// Directory with your own templates (andring.md for the tjänsteutlåtanden)
    #[arg(long, value_name = "DIR")]
    template_dir: Option<PathBuf>,
    /// Replace existing files
    #[arg(long)]
    force: bool,
}

/// Writes the whole package, or nothing.
pub fn run(args: &Args) -> Result<Outcome> {
    let options = DiffOptions {
        show_renumbering: true,
        ignore_modernisation: false,
    };
    let compared = read_and_compare(&args.old, &args.new, args.template_dir.as_deref(), &options)?;
    let templates = load_templates(args.template_dir.as_deref())?;
    let files = package(
        &compared,
        &PackageOptions {
            effective: args.ikraft,
            author: &args.author,
            templates: &templates,
            date: source_date()?,
        },
    )?;
    let outputs: Vec<Output> = files
        .into_iter()
        .map(|file| Output {
            path: args.output.join(file.name),
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
