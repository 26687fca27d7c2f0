//! Benchmark: one process drafting every document of `samples/stockholm.json`
//! in all four formats, and the förbundsordning PDF alone; then whole
//! `forbund generate` processes, as a user runs them, on the Stockholm
//! sample and on a förbund of 40 kommuner built here in code (44 documents
//! × 4 formats), with wall time and peak RSS of each process.
//!
//! Run with `cargo bench --bench generate`. Targets on the 2-core machine
//! (issue 9): the Stockholm package under 100 ms and the 40-kommun package
//! under 400 ms with peak memory under 80 MiB, whole process. The first
//! in-process iteration is reported separately: it includes parsing the
//! fonts, which a CLI run pays once. Peak RSS of a child process comes from
//! `/usr/bin/time` (GNU time); without it only wall time is reported.

#[path = "../tests/common/many_kommuner.rs"]
mod many_kommuner;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use forbund::compose::{Selection, Templates, compose};
use forbund::document::DocumentKind;
use forbund::render::{Format, PdfProfile, render};

const RUNS: usize = 5;

fn main() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/stockholm.json");
    let bytes = std::fs::read(path).expect("samples/stockholm.json is readable");
    let templates = Templates::builtin();

    let everything = || {
        let started = Instant::now();
        let forbund = forbund::spec::load(path, &bytes).expect("the sample is valid");
        let documents =
            compose(&forbund, &templates, Selection::All, None).expect("the sample composes");
        let mut total = 0usize;
        for composed in &documents {
            for format in Format::ALL {
                total += render(&composed.document, format, PdfProfile::ArchiveA2b)
                    .expect("renders")
                    .len();
            }
        }
        (started.elapsed(), total)
    };
    let fo_pdf = || {
        let started = Instant::now();
        let forbund = forbund::spec::load(path, &bytes).expect("the sample is valid");
        let documents = compose(
            &forbund,
            &templates,
            Selection::Only(DocumentKind::Forbundsordning),
            None,
        )
        .expect("the sample composes");
        let pdf =
            render(&documents[0].document, Format::Pdf, PdfProfile::ArchiveA2b).expect("renders");
        (started.elapsed(), pdf.len())
    };

    let (cold, size) = everything();
    println!(
        "all documents, all formats, first run (cold fonts): {} ({} bytes)",
        ms(cold),
        size
    );
    report(
        "all documents, all formats (warm)",
        &mut (0..RUNS).map(|_| everything().0),
    );
    report(
        "förbundsordning PDF alone (warm)",
        &mut (0..RUNS).map(|_| fo_pdf().0),
    );
    if let Some(peak) = peak_memory_kb() {
        println!("peak memory (VmHWM): {:.1} MB", peak as f64 / 1024.0);
    }

    let dir = tempfile::tempdir().expect("a temporary directory");
    let forty = dir.path().join("fyrtio-kommuner.json");
    std::fs::write(&forty, forty_kommuner(&bytes)).expect("the description is written");
    whole_process("stockholm, whole process", Path::new(path), dir.path(), "s");
    whole_process("40 kommuner, whole process", &forty, dir.path(), "f");
}

/// The Stockholm sample with 40 kommuner: 44 documents (see
/// [`many_kommuner::many_kommuner`]).
fn forty_kommuner(stockholm: &[u8]) -> String {
    serde_json::to_string_pretty(&many_kommuner::many_kommuner(stockholm, 40)).expect("serialises")
}

/// Runs `forbund generate` on `spec` RUNS times as a separate process and
/// reports wall time and peak RSS.
fn whole_process(label: &str, spec: &Path, dir: &Path, tag: &str) {
    let binary = env!("CARGO_BIN_EXE_forbund");
    let time = Path::new("/usr/bin/time");
    let mut walls = Vec::new();
    let mut peaks = Vec::new();
    for run in 0..RUNS {
        let out = dir.join(format!("{tag}-{run}"));
        let mut command = if time.exists() {
            let mut c = Command::new(time);
            c.args(["-f", "%M"]).arg(binary);
            c
        } else {
            Command::new(binary)
        };
        command
            .arg("generate")
            .arg(spec)
            .arg("-o")
            .arg(&out)
            .arg("--allow-errors");
        let started = Instant::now();
        let output = command.output().expect("forbund runs");
        walls.push(started.elapsed());
        assert!(
            output.status.success(),
            "{label}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let files = std::fs::read_dir(&out).map(|d| d.count()).unwrap_or(0);
        if run == 0 {
            println!("{label}: {files} files");
        }
        if time.exists()
            && let Some(kb) = String::from_utf8_lossy(&output.stderr)
                .lines()
                .last()
                .and_then(|l| l.trim().parse::<u64>().ok())
        {
            peaks.push(kb);
        }
    }
    report(label, &mut walls.into_iter());
    if let Some(max) = peaks.iter().max() {
        println!(
            "{label}: peak RSS {:.1} MiB (highest of {} runs)",
            *max as f64 / 1024.0,
            peaks.len()
        );
    }
}

fn report(label: &str, samples: &mut dyn Iterator<Item = Duration>) {
    let mut times: Vec<Duration> = samples.collect();
    times.sort();
    println!(
        "{label}: min {} median {} max {} over {} runs",
        ms(times[0]),
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1]),
        times.len()
    );
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// Peak resident memory of this process, from /proc (Linux only).
fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
}
