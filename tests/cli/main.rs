//! Integration tests that drive the `forbund` binary.

// Tests may panic on broken fixtures: that is how they fail.
#![allow(clippy::unwrap_used)]

mod adoption;
mod baseline;
mod check;
mod check_fixtures;
mod compare;
mod corpus;
mod decision_package;
mod decisions;
mod generate;
#[path = "../common/many_kommuner.rs"]
mod many_kommuner;
mod modernize;
mod new;
mod package_formats;
mod serve;
mod validate;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A `forbund` command run from `dir`.
pub fn forbund_in(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("forbund").unwrap();
    cmd.current_dir(dir).env("NO_COLOR", "1");
    cmd
}

/// Runs `forbund generate SPEC -o OUT EXTRA…` from the repository root.
pub fn generate(spec: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    forbund_in(&root())
        .arg("generate")
        .arg(spec)
        .arg("-o")
        .arg(out)
        .args(extra)
        .output()
        .unwrap()
}

/// Exit code and both streams as one text, for snapshots.
pub fn transcript(output: &std::process::Output) -> String {
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}
