//! Benchmark: one process drafting every document of `samples/stockholm.json`
//! in all four formats, and the förbundsordning PDF alone.
//!
//! Run with `cargo bench --bench generate`. Targets on the 2-core machine:
//! everything under 1 s wall, the förbundsordning PDF under 300 ms, peak
//! memory (VmHWM) under 200 MB. The first iteration is reported separately:
//! it includes parsing the fonts, which a CLI run pays once.

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
