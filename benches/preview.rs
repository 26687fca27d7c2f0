//! Benchmark: the web page's preview of `samples/stockholm.json` — load,
//! validate, compose every draft, render each to HTML and check the
//! description and the drafts — as `POST /api/preview` does it.
//!
//! Run with `cargo bench --bench preview`. Target: under 100 ms server
//! time per preview in a release build.

use std::time::{Duration, Instant};

use forbund::web::{AppState, Config};

const RUNS: usize = 20;

fn main() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/stockholm.json");
    let bytes = std::fs::read(path).expect("samples/stockholm.json is readable");
    let state = AppState::new(Config::new(0));
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            let preview = forbund::web::preview::build(&state, &bytes).expect("previews");
            assert!(preview.valid && preview.documents.len() == 4);
            started.elapsed()
        })
        .collect();
    let first = times.remove(0);
    times.sort();
    println!("preview stockholm.json: first {first:?}");
    println!(
        "preview stockholm.json: median {:?}, worst {:?} over {} runs",
        times[times.len() / 2],
        times[times.len() - 1],
        times.len()
    );
}
