//! `forbund import`: reads an existing document into normalised Markdown,
//! or (`--spec`) into a draft description.

use std::path::PathBuf;

use anyhow::{Result, anyhow};

use super::Outcome;
use super::files::{Expected, Output, read_limited, write_all};

/// Arguments of `forbund import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The document: Markdown, plain text (also OCR'd), DOCX or PDF
    file: PathBuf,
    /// Extract a draft description (JSON) instead of Markdown
    #[arg(long)]
    spec: bool,
    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Replace the output file if it exists
    #[arg(long)]
    force: bool,
}

/// Reads the document and writes its Markdown or draft description.
pub fn run(args: &Args) -> Result<Outcome> {
    let name = args.file.display().to_string();
    let bytes = read_limited(&args.file, Expected::Document)
        .map_err(|f| anyhow!("{}: {}", f.location, f.message))?;
    let parsed = forbund::parse::parse(&name, &bytes)?;
    for warning in &parsed.warnings {
        super::note(&format!("varning: {warning}"));
    }
    let text = if args.spec {
        let extracted = forbund::read::describe_document(&parsed.document);
        for found in &extracted.found {
            super::note(&format!("hittade {found}"));
        }
        for missing in &extracted.missing {
            super::note(&format!(
                "saknas: {missing} (fyll i innan forbund validate)"
            ));
        }
        let mut json = serde_json::to_string_pretty(&extracted.description)?;
        json.push('\n');
        json
    } else {
        forbund::render::markdown::render(&parsed.document)
    };
    match &args.output {
        Some(path) => {
            write_all(
                &[Output {
                    path: path.clone(),
                    bytes: text.into_bytes(),
                }],
                args.force,
            )?;
            super::note(&format!("skrev {}", path.display()));
        }
        None => super::print(&text)?,
    }
    Ok(Outcome::Success)
}
