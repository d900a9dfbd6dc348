//! Parses one hostile input of the robustness issue (#13) and prints its
//! size, the parse time and the process's peak resident set size (from
//! `/proc/self/status` `VmHWM`, where the system has it).
//!
//! ```text
//! cargo run --release -p cable-parse --example hostile-input -- row5-begin 40000
//! cargo run --release -p cable-parse --example hostile-input -- row5-nested 100000
//! cargo run --release -p cable-parse --example hostile-input -- row8-refs 1000000
//! cargo run --release -p cable-parse --example hostile-input -- row8-unlabelled 1000000
//! cargo run --release -p cable-parse --example hostile-input -- file PATH
//! ```
//!
//! The pathological tests run it as a child process to check peak memory.

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a measuring tool reports"
)]

#[path = "support/hostile.rs"]
mod hostile;

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let kind = args.next().unwrap_or_default();
    let arg = args.next().unwrap_or_default();
    let n: usize = arg.parse().unwrap_or(0);
    let text = match kind.as_str() {
        "row5-begin" => hostile::row5_begin_lines(n),
        "row5-nested" => hostile::row5_nested_pairs(n),
        "row8-refs" => hostile::row8_ref_lines(n),
        "row8-unlabelled" => hostile::row8_unlabelled_lines(n),
        "file" => match std::fs::read_to_string(&arg) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{arg}: {e}");
                std::process::exit(2);
            }
        },
        _ => {
            eprintln!(
                "usage: hostile-input row5-begin|row5-nested|row8-refs|row8-unlabelled N, or file PATH"
            );
            std::process::exit(2);
        }
    };
    let start = Instant::now();
    let cable = cable_parse::parse(&text);
    let took = start.elapsed();
    let refs = cable.references.len();
    let blocks = cable.body.len();
    drop(cable);
    println!(
        "{kind} {n}: {} bytes, parsed in {:.3} s, {refs} references, {blocks} top blocks, peak RSS {} kB",
        text.len(),
        took.as_secs_f64(),
        peak_rss_kb().map_or_else(|| "unknown".to_owned(), |k| k.to_string())
    );
}

/// `VmHWM` of `/proc/self/status`, in kB.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}
