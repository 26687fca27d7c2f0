//! `forbund schema`: prints the JSON Schema of a description.

use anyhow::Result;

use super::Outcome;

/// Arguments of `forbund schema`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Prints the schema; identical to `schemas/forbund.schema.json`.
pub fn run(_args: &Args) -> Result<Outcome> {
    super::print(&forbund::spec::schema::schema_json())?;
    Ok(Outcome::Success)
}
