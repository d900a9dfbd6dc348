//! Parser throughput: reads every cable text of a corpus directory into
//! memory (through `cable-archive`: text files, CSV rows, HTML pages), then
//! parses them over and over on one thread for a few seconds and prints
//! MB/s of cable text.
//!
//! ```text
//! cargo run --release -p cable-parse --example parse-bench -- [CORPUS_DIR] [SECONDS]
//! cargo run --release -p cable-parse --example parse-bench -- CORPUS_DIR --passes N
//! ```
//!
//! The corpus defaults to `../shared/corpus` beside the workspace. With
//! `--passes N` it parses the corpus exactly N times with no warm-up, for
//! instruction counts that are stable on a busy machine:
//!
//! ```text
//! valgrind --tool=callgrind --toggle-collect='cable_parse::parse_with*' \
//!     target/release/examples/parse-bench CORPUS_DIR --passes 1
//! ```
//!
//! then divide the collected instructions by the number of cables.
//!
//! With `--dump FILE` it writes the debug form of every parsed cable to
//! FILE, to compare the parser's results before and after a change.

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
    let (seconds, fixed_passes) = match args.next().as_deref() {
        Some("--dump") => {
            let out = args.next().unwrap_or_else(|| "parse-dump.txt".to_owned());
            dump(&inputs_of(&dir), &out);
            return;
        }
        Some("--passes") => (
            0.0,
            Some(args.next().and_then(|s| s.parse::<u64>().ok()).unwrap_or(1)),
        ),
        Some(s) => (s.parse().unwrap_or(5.0), None),
        None => (5.0, None),
    };
    let inputs = inputs_of(&dir);
    let bytes: usize = inputs.iter().map(|(t, _)| t.len()).sum();
    if bytes == 0 {
        eprintln!("parse-bench: no cable text under {}", dir.display());
        std::process::exit(2);
    }
    let mut sink = 0usize;
    if let Some(n) = fixed_passes {
        let start = Instant::now();
        for _ in 0..n {
            for (t, m) in &inputs {
                sink += cable_parse::parse_with(t, m).body.len();
            }
        }
        println!(
            "parse-bench: {} cables, {:.2} MB per pass, {n} passes in {:.2} s (checksum {sink})",
            inputs.len(),
            bytes as f64 / 1e6,
            start.elapsed().as_secs_f64()
        );
        return;
    }
    // One warm-up pass, then timed passes until the time is up.
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

/// Every cable text of a corpus directory, with its container metadata.
fn inputs_of(dir: &std::path::Path) -> Vec<(String, cable_model::ContainerMeta)> {
    let records = match cable_archive::open(dir, &cable_archive::Limits::default()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("parse-bench: cannot open {}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    let mut inputs = Vec::new();
    records.for_each(|item| {
        if let cable_archive::Item::Record(r) = item {
            inputs.push((r.text, r.meta));
        }
        true
    });
    inputs
}

/// Writes the debug form of every parsed cable to `out`.
fn dump(inputs: &[(String, cable_model::ContainerMeta)], out: &str) {
    use std::io::Write;
    let file = std::fs::File::create(out).unwrap_or_else(|e| {
        eprintln!("parse-bench: cannot create {out}: {e}");
        std::process::exit(2);
    });
    let mut w = std::io::BufWriter::new(file);
    for (t, m) in inputs {
        let cable = cable_parse::parse_with(t, m);
        if let Err(e) = writeln!(w, "{cable:#?}") {
            eprintln!("parse-bench: cannot write {out}: {e}");
            std::process::exit(2);
        }
    }
    if let Err(e) = w.flush() {
        eprintln!("parse-bench: cannot write {out}: {e}");
        std::process::exit(2);
    }
}
