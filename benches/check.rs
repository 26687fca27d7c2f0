//! Benchmark: checking a folder of 1,000 förbundsordningar, as
//! `forbund check DIR` does (read, parse, run every rule).
//!
//! Run with `cargo bench --bench check`. Target on the 2-core machine: under
//! 2 s for the whole folder.

use std::time::Instant;

use forbund::check::check_document;

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    let sources: Vec<(String, Vec<u8>)> = ["stockholm", "haninge", "husam"]
        .iter()
        .map(|name| {
            let path = format!("{root}/samples/reference/{name}-forbundsordning.md");
            let bytes = std::fs::read(&path).expect("reference förbundsordning");
            (name.to_string(), bytes)
        })
        .collect();
    let dir = tempfile::tempdir().expect("a temporary folder");
    for i in 0..1000 {
        let (name, bytes) = &sources[i % sources.len()];
        std::fs::write(dir.path().join(format!("{name}-{i:04}.md")), bytes).expect("written");
    }
    // The command as a user runs it (all cores).
    for run in 1..=3 {
        let started = Instant::now();
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_forbund"))
            .arg("check")
            .arg(dir.path())
            .output()
            .expect("forbund runs");
        assert!(
            output.status.code().is_some_and(|c| c <= 1),
            "the check ran"
        );
        println!(
            "run {run}: `forbund check` of 1000 förbundsordningar: {:.0} ms wall",
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
    // The library on one core, per document.
    for run in 1..=2 {
        let started = Instant::now();
        let mut findings = 0;
        let mut entries: Vec<_> = std::fs::read_dir(dir.path())
            .expect("folder")
            .map(|e| e.expect("entry").path())
            .collect();
        entries.sort();
        for path in &entries {
            let bytes = std::fs::read(path).expect("file");
            let name = path.display().to_string();
            let document = forbund::parse::parse(&name, &bytes)
                .expect("parses")
                .document;
            let source = String::from_utf8_lossy(&bytes);
            findings += check_document(&name, &document, Some(&source))
                .findings
                .len();
        }
        println!(
            "run {run}: library, one core: {} förbundsordningar in {:.0} ms ({findings} findings)",
            entries.len(),
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
}
