//! `forbund new`: writes a commented starter description.

use std::path::PathBuf;

use anyhow::Result;

use super::Outcome;
use super::files::{Output, write_all};

/// Arguments of `forbund new`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The description to create, e.g. min-forbund.json
    file: PathBuf,
    /// Replace the file if it exists
    #[arg(long)]
    force: bool,
    /// Write a starter record of the members' decisions (for `forbund adoption`) instead
    #[arg(long)]
    beslut: bool,
}

/// The schema file written beside a new description, so editors can
/// autocomplete and validate it through its `$schema`.
const SCHEMA_FILE: &str = "forbund.schema.json";

/// The schema file written beside a new record of decisions.
const DECISIONS_SCHEMA_FILE: &str = "beslut.schema.json";

/// Writes the starter, and the schema beside it unless one is there.
pub fn run(args: &Args) -> Result<Outcome> {
    let (schema_file, starter, schema) = if args.beslut {
        (
            DECISIONS_SCHEMA_FILE,
            forbund::adoption::example::starter(DECISIONS_SCHEMA_FILE),
            forbund::adoption::load::schema_json(),
        )
    } else {
        (
            SCHEMA_FILE,
            forbund::spec::example::starter(SCHEMA_FILE),
            forbund::spec::schema::schema_json(),
        )
    };
    let schema_path = args
        .file
        .parent()
        .map_or_else(|| PathBuf::from(schema_file), |dir| dir.join(schema_file));
    let mut outputs = vec![Output {
        path: args.file.clone(),
        bytes: starter.into_bytes(),
    }];
    let write_schema = !schema_path.exists();
    if write_schema {
        outputs.push(Output {
            path: schema_path.clone(),
            bytes: schema.into_bytes(),
        });
    }
    write_all(&outputs, args.force)?;
    super::note(&format!("skrev {}", args.file.display()));
    if write_schema {
        super::note(&format!("skrev {}", schema_path.display()));
    }
    if args.beslut {
        super::note(&format!(
            "fyll i besluten och sammanställ dem med: forbund adoption {}",
            args.file.display()
        ));
    } else {
        super::note(&format!(
            "fyll i beskrivningen och kontrollera den med: forbund validate {}",
            args.file.display()
        ));
    }
    Ok(Outcome::Success)
}
