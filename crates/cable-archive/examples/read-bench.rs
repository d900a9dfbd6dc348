//! Streams one input and prints what it read: items, MB/s and peak RSS.
//!
//! ```text
//! cargo run --release -p cable-archive --example read-bench -- cables.csv [--list]
//! cargo run --release -p cable-archive --example read-bench -- --make-csv target/big.csv 2000 ../shared/corpus/cables-csv/rows-lf
//! ```
//!
//! `--make-csv OUT MB ROWS_DIR` writes a synthetic cables.csv of about MB
//! megabytes by repeating the real rows of ROWS_DIR with new row numbers
//! and ids (`72TEHRAN1164` becomes `72TEHRAN1164X17`), for benchmarks only.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use cable_archive::{Item, Limits};
use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--make-csv") {
        let [_, out, mb, dir] = args.as_slice() else {
            return Err("usage: --make-csv OUT MB ROWS_DIR".into());
        };
        return make_csv(Path::new(out), mb.parse()?, Path::new(dir));
    }
    let Some(input) = args.first() else {
        return Err("usage: read-bench INPUT [--list]".into());
    };
    let list = args.iter().any(|a| a == "--list");
    let start = Instant::now();
    let records = cable_archive::open(Path::new(input), &Limits::default())?;
    let meter = records.meter();
    let (mut rec, mut skip, mut fail, mut text_bytes) = (0u64, 0u64, 0u64, 0u64);
    records.for_each(|item| {
        match &item {
            Item::Record(r) => {
                rec += 1;
                text_bytes += r.text.len() as u64;
                if list {
                    println!(
                        "{}\tRECORD\t{}\t{:?}\t{}\t{}\t{:?}",
                        r.seq,
                        r.provenance.display(),
                        r.kind,
                        r.meta.id.as_deref().unwrap_or("-"),
                        r.encoding,
                        r.notes
                    );
                }
            }
            Item::Skipped(s) => {
                skip += 1;
                if list {
                    println!(
                        "{}\tSKIPPED\t{}\t{}",
                        s.seq,
                        s.provenance.display(),
                        s.reason
                    );
                }
            }
            Item::Failed(f) => {
                fail += 1;
                if list {
                    println!("{}\tFAILED\t{}\t{}", f.seq, f.provenance.display(), f.error);
                }
            }
        }
        true
    });
    let secs = start.elapsed().as_secs_f64();
    let read = meter.bytes_read();
    println!(
        "records {rec}, skipped {skip}, failed {fail}; input {:.1} MB, text {:.1} MB in {secs:.2} s = {:.1} MB/s; peak RSS {} kB",
        read as f64 / 1e6,
        text_bytes as f64 / 1e6,
        read as f64 / 1e6 / secs.max(1e-9),
        peak_rss_kb().map_or_else(|| "?".to_string(), |k| k.to_string())
    );
    Ok(())
}

/// VmHWM from /proc/self/status (Linux).
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn make_csv(out: &Path, mb: u64, dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let mut rows = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    paths.sort();
    for p in paths {
        let bytes = std::fs::read(&p)?;
        // Split `"N","date","ID",rest` to renumber and re-id.
        let text = String::from_utf8(bytes)?;
        let mut parts = text.splitn(4, "\",\"");
        let (_, date, id, rest) = (parts.next(), parts.next(), parts.next(), parts.next());
        let (Some(date), Some(id), Some(rest)) = (date, id, rest) else {
            return Err(format!("{} is not a cables.csv row", p.display()).into());
        };
        rows.push((date.to_string(), id.to_string(), rest.to_string()));
    }
    if rows.is_empty() {
        return Err("no rows".into());
    }
    let mut w = BufWriter::new(std::fs::File::create(out)?);
    let target = mb * 1_000_000;
    let (mut written, mut n) = (0u64, 0u64);
    while written < target {
        for (date, id, rest) in &rows {
            n += 1;
            let row = format!("\"{n}\",\"{date}\",\"{id}X{n}\",\"{rest}");
            w.write_all(row.as_bytes())?;
            written += row.len() as u64;
        }
    }
    w.flush()?;
    eprintln!("wrote {n} rows, {written} bytes to {}", out.display());
    Ok(())
}
