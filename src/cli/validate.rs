//! `forbund validate`: loads descriptions and reports every problem.

use std::path::PathBuf;

use anyhow::Result;
use forbund::report::{FileReport, human, json};

use super::Outcome;
use super::files::{Expected, read_limited};

/// Output format for findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Text for people (Swedish)
    Human,
    /// JSON for programs
    Json,
}

/// Arguments of `forbund validate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Description files (JSON, `//` comments allowed)
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

/// Validates each file; exit 2 if any is invalid.
pub fn run(args: &Args) -> Result<Outcome> {
    let reports: Vec<FileReport> = args
        .files
        .iter()
        .map(|path| {
            let name = path.display().to_string();
            let problems = match read_limited(path, Expected::Description) {
                Err(finding) => vec![*finding],
                Ok(bytes) => match forbund::spec::load(&name, &bytes) {
                    Ok(_) => Vec::new(),
                    Err(problems) => problems,
                },
            };
            FileReport::new(&name, problems)
        })
        .collect();
    let text = match args.format {
        Format::Human => human(&reports),
        Format::Json => json(&reports),
    };
    super::print(&text)?;
    if reports.iter().all(|r| r.valid) {
        Ok(Outcome::Success)
    } else {
        Ok(Outcome::InvalidInput)
    }
}
