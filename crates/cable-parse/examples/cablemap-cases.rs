//! Runs the peer parser's conformance cases through this crate.
//!
//! `cargo run --release -p cable-parse --example cablemap-cases -- FILE`
//! reads a JSONL file of cases (`/work/shared/conformance/cablemap-cases.jsonl`)
//! and prints one JSON line per case: `{"id", "field", "actual"}`.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "support/cablemap_eval.rs"]
mod cablemap_eval;

use std::io::{BufRead, Write};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: cablemap-cases FILE.jsonl");
        std::process::exit(2);
    };
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in std::io::BufReader::new(file).lines().map_while(Result::ok) {
        let Ok(case) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let actual = cablemap_eval::evaluate(&case);
        let row = serde_json::json!({"id": case["id"], "field": case["field"], "actual": actual});
        let _ = writeln!(out, "{row}");
    }
}
