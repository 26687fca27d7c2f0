//! `forbund schema`: prints the JSON Schema of a description.

use anyhow::Result;

use super::Outcome;

/// Arguments of `forbund schema`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print the schema of the members' decisions (beslut.json) instead
    #[arg(long)]
    beslut: bool,
}

/// Prints the schema; identical to `schemas/forbund.schema.json`.
pub fn run(args: &Args) -> Result<Outcome> {
    if args.beslut {
        super::print(&forbund::adoption::load::schema_json())?;
        return Ok(Outcome::Success);
    }
    super::print(&forbund::spec::schema::schema_json())?;
    Ok(Outcome::Success)
}
