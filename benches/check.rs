//! Benchmark: checking folders of förbundsordningar as `forbund check DIR`
//! does (read, parse, read the facts, run every rule, print), with 1,000
//! and 10,000 files of about 10 KB, and the library on one core.
//!
//! Run with `cargo bench --bench check` (release build). Targets on the
//! 2-core machine: 1,000 files under 0.5 s wall; 10,000 under 5 s with a
//! peak RSS under 150 MiB. Peak RSS is measured with `/usr/bin/time` when
//! it is installed.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use forbund::check::check_document;

fn folder(dir: &Path, files: usize, sources: &[(String, Vec<u8>)]) {
    for i in 0..files {
        let (name, bytes) = &sources[i % sources.len()];
        std::fs::write(dir.join(format!("{name}-{i:05}.md")), bytes).expect("written");
    }
}

/// Runs the command on `dir`: wall seconds and, with /usr/bin/time, peak
/// RSS in KiB.
fn run(dir: &Path) -> (f64, Option<u64>) {
    let binary = env!("CARGO_BIN_EXE_forbund");
    let timed = Path::new("/usr/bin/time").exists();
    let mut command = if timed {
        let mut c = Command::new("/usr/bin/time");
        c.args(["-f", "%M", binary]);
        c
    } else {
        Command::new(binary)
    };
    let started = Instant::now();
    let output = command
        .arg("check")
        .arg(dir)
        .output()
        .expect("forbund runs");
    let wall = started.elapsed().as_secs_f64();
    let code = output.status.code();
    assert!(code.is_some_and(|c| c <= 1), "the check ran: {code:?}");
    let rss = timed
        .then(|| {
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .last()
                .and_then(|l| l.trim().parse().ok())
        })
        .flatten();
    (wall, rss)
}

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
    for files in [1_000, 10_000] {
        let dir = tempfile::tempdir().expect("a temporary folder");
        folder(dir.path(), files, &sources);
        for attempt in 1..=3 {
            let (wall, rss) = run(dir.path());
            let rss = rss.map_or_else(String::new, |kib| {
                format!(", {:.0} MiB peak RSS", kib as f64 / 1024.0)
            });
            println!(
                "run {attempt}: `forbund check` of {files} förbundsordningar: {wall:.2} s wall{rss}"
            );
        }
    }
    // The library on one core, per document.
    let dir = tempfile::tempdir().expect("a temporary folder");
    folder(dir.path(), 1_000, &sources);
    let mut entries: Vec<_> = std::fs::read_dir(dir.path())
        .expect("folder")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for attempt in 1..=2 {
        let started = Instant::now();
        let mut findings = 0;
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
            "run {attempt}: library, one core: {} förbundsordningar in {:.0} ms ({findings} findings)",
            entries.len(),
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
}
