//! Parser throughput: reads every cable text of a corpus directory into
//! memory (through `cable-archive`: text files, CSV rows, HTML pages), then
//! parses them over and over on one thread for a few seconds and prints
//! MB/s of cable text.
//!
//! ```text
//! cargo run --release -p cable-parse --example parse-bench -- [CORPUS_DIR] [SECONDS]
//! ```
//!
//! The corpus defaults to `../shared/corpus` beside the workspace.

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a benchmark reports"
)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
    });
    let seconds: f64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(5.0);
    let records = match cable_archive::open(&dir, &cable_archive::Limits::default()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("parse-bench: cannot open {}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    let inputs: Vec<(String, cable_model::ContainerMeta)> = records
        .filter_map(|item| match item {
            cable_archive::Item::Record(r) => Some((r.text, r.meta)),
            _ => None,
        })
        .collect();
    let bytes: usize = inputs.iter().map(|(t, _)| t.len()).sum();
    if bytes == 0 {
        eprintln!("parse-bench: no cable text under {}", dir.display());
        std::process::exit(2);
    }
    // One warm-up pass, then timed passes until the time is up.
    let mut sink = 0usize;
    for (t, m) in &inputs {
        sink += cable_parse::parse_with(t, m).body.len();
    }
    let budget = Duration::from_secs_f64(seconds);
    let start = Instant::now();
    let mut passes = 0u64;
    while start.elapsed() < budget {
        for (t, m) in &inputs {
            sink += cable_parse::parse_with(t, m).body.len();
        }
        passes += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = bytes as f64 * passes as f64 / 1e6;
    println!(
        "parse-bench: {} cables, {:.2} MB per pass, {passes} passes in {secs:.2} s: {:.1} MB/s, {:.0} cables/s (checksum {sink})",
        inputs.len(),
        bytes as f64 / 1e6,
        mb / secs,
        inputs.len() as f64 * passes as f64 / secs
    );
}
