//! Benchmark: comparing two 20-§ förbundsordningar, and importing a
//! 100-page Word document.
//!
//! Run with `cargo bench --bench compare`. Targets on the 2-core machine:
//! the diff under 20 ms, the import under 1 s.

use std::time::{Duration, Instant};

use forbund::compose::{Selection, Templates, compose};
use forbund::diff::{DiffOptions, compare};
use forbund::document::{DocumentKind, Section};

const RUNS: usize = 7;

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |name: &str| {
        let path = format!("{root}/samples/reference/{name}");
        let bytes = std::fs::read(&path).expect("reference document is readable");
        forbund::parse::parse(&path, &bytes)
            .expect("reference document parses")
            .document
    };
    let stockholm = read("stockholm-forbundsordning.md");
    let haninge = read("haninge-forbundsordning.md");
    let options = DiffOptions::default();
    report(
        "diff Stockholm (20 §§) against Haninge (19 §§)",
        (0..RUNS).map(|_| time(|| compare(&stockholm, &haninge, &options).sections.len())),
    );

    // A long förbundsordning: the Stockholm draft's sections repeated until
    // the Word file has about a hundred pages.
    let bytes = std::fs::read(format!("{root}/samples/stockholm.json")).expect("sample");
    let forbund = forbund::spec::load("stockholm.json", &bytes).expect("valid sample");
    let mut document = compose(
        &forbund,
        &Templates::builtin(),
        Selection::Only(DocumentKind::Forbundsordning),
        None,
    )
    .expect("composes")
    .remove(0)
    .document;
    let base: Vec<Section> = document.sections.clone();
    let per_round = base.len() as u32;
    let mut sections = Vec::new();
    for round in 0..25u32 {
        for s in &base {
            sections.push(Section {
                number: Some(round * per_round + s.number.unwrap_or(0)),
                ..s.clone()
            });
        }
    }
    document.sections = sections;
    let docx = forbund::render::docx::render(&document).expect("renders");
    println!(
        "100-page DOCX: {} sections, {} KB",
        document.sections.len(),
        docx.len() / 1024
    );
    report(
        "import the 100-page DOCX",
        (0..RUNS).map(|_| {
            time(|| {
                forbund::parse::parse("lang.docx", &docx)
                    .expect("parses")
                    .document
                    .sections
                    .len()
            })
        }),
    );
}

fn time(work: impl FnOnce() -> usize) -> Duration {
    let started = Instant::now();
    std::hint::black_box(work());
    started.elapsed()
}

fn report(label: &str, samples: impl Iterator<Item = Duration>) {
    let mut times: Vec<Duration> = samples.collect();
    times.sort();
    let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
    println!(
        "{label}: min {} median {} max {} over {} runs",
        ms(times[0]),
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1]),
        times.len()
    );
}
