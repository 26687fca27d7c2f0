//! Command-line interface: clap arguments, one file per subcommand. This is
//! the only place that reads or writes files and prints.
//!
//! Exit codes: 0 success, 1 findings at error level, 2 usage or input errors.

mod adoption;
mod amend;
mod check;
mod diff;
mod files;
mod generate;
mod import;
mod modernize;
mod new;
mod rules;
mod schema;
mod serve;
mod sides;
mod validate;

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Draft, check and compare the founding documents of a Swedish
/// samordningsförbund (lag (2003:1210) om finansiell samordning av
/// rehabiliteringsinsatser).
#[derive(Debug, Parser)]
#[command(name = "forbund", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Write a commented starter description (and its JSON Schema beside it)
    New(new::Args),
    /// Validate descriptions: syntax, schema and semantic problems, all at once
    Validate(validate::Args),
    /// Print the JSON Schema (draft 2020-12) of a description
    Schema(schema::Args),
    /// Draft the förbundsordning, avsiktsförklaring and tjänsteutlåtanden
    Generate(generate::Args),
    /// Read an existing document into normalised Markdown, or a draft description (--spec)
    Import(import::Args),
    /// Compare two förbundsordningar section by section
    Diff(diff::Args),
    /// Compare the members' decisions on a förbundsordning and draft the decisions that reconcile them
    Adoption(adoption::Args),
    /// Write the amendment package: jämförelsetabell, tracked changes, new text, tjänsteutlåtanden
    Amend(amend::Args),
    /// Check descriptions and documents against FinsamL (exit 1 on errors)
    Check(check::Args),
    /// Replace outdated terms (skall, landsting …) and write the jämförelsetabell
    Modernize(modernize::Args),
    /// List the checker's rules, or show one with the law it rests on
    Rules(rules::Args),
    /// Serve the local web page (127.0.0.1 only): describe, preview, download, compare, check
    Serve(serve::Args),
}

/// What a command ended with, mapped to the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything went well (exit 0).
    Success,
    /// Findings at error level that nobody has accepted, or changes `diff --fail-on-change` was asked to fail on (exit 1).
    Findings,
    /// The input was unusable (exit 2).
    InvalidInput,
}

/// Parses the arguments, runs the command, and maps the result to an exit code.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let code = if error.use_stderr() { 2 } else { 0 };
            let _ = error.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::New(args) => new::run(&args),
        Command::Validate(args) => validate::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Generate(args) => generate::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Amend(args) => amend::run(&args),
        Command::Adoption(args) => adoption::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Modernize(args) => modernize::run(&args),
        Command::Rules(args) => rules::run(&args),
        Command::Serve(args) => serve::run(&args),
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Ok(Outcome::InvalidInput) => ExitCode::from(2),
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            let _ = writeln!(std::io::stderr(), "fel: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Writes text to standard output; a closed pipe is reported as an error
/// that [`run`] treats as success.
pub fn print(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Writes a line to standard error, ignoring a closed stream.
pub fn note(text: &str) {
    let _ = writeln!(std::io::stderr(), "{text}");
}
