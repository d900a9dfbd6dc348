//! Throughput of the Markdown writer alone (parsing excluded), on one core.
//!
//! `cargo bench -p cable-markdown --bench write` prints two lines:
//! `cable-markdown write (default options): N pages, M MB of Markdown in S s = X MB/s per core`,
//! then the same without front matter (the body writer alone).
//! The inputs are the seeds and the kitchen-sink cable, parsed once up front.
#![allow(missing_docs, clippy::print_stdout, clippy::print_stderr)]

use std::path::Path;
use std::time::{Duration, Instant};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata");
    let files = [
        "seeds/000_78e12724ad72837c.txt",
        "seeds/001_d7a67a22ead94fd7.txt",
        "cables/kitchen-sink.txt",
    ];
    let cables: Vec<_> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(root.join(f)).ok())
        .map(|t| cable_parse::parse(&t))
        .collect();
    if cables.is_empty() {
        eprintln!("SKIP: no input cables under {}", root.display());
        return;
    }
    let mut bare = cable_markdown::Options::default();
    bare.front_matter = cable_markdown::FrontMatter::None;
    for (name, opts) in [
        ("default options", cable_markdown::Options::default()),
        ("no front matter", bare),
    ] {
        run(name, &cables, &opts);
    }
}

fn run(name: &str, cables: &[cable_model::Cable], opts: &cable_markdown::Options) {
    let mut buf = Vec::with_capacity(1 << 16);
    let (mut pages, mut bytes) = (0u64, 0u64);
    let cpu_start = cpu_seconds();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(3) {
        for c in cables {
            buf.clear();
            cable_markdown::write(c, opts, &mut buf).expect("writing to a Vec cannot fail");
            bytes += buf.len() as u64;
            pages += 1;
        }
    }
    let wall = start.elapsed().as_secs_f64();
    // Per core: divide by the CPU time this thread got, not wall time, so
    // that a busy machine does not halve the figure.
    let (secs, clock) = match (cpu_start, cpu_seconds()) {
        (Some(a), Some(b)) if b > a => (b - a, "CPU"),
        _ => (wall, "wall"),
    };
    let mb = bytes as f64 / 1e6;
    println!(
        "cable-markdown write ({name}): {pages} pages, {mb:.1} MB of Markdown in {secs:.2} s {clock} ({wall:.2} s wall) = {:.1} MB/s per core ({:.0} pages/s)",
        mb / secs,
        pages as f64 / secs
    );
}

/// This thread's user + system CPU time (Linux `/proc`), in seconds.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name (which is in parentheses): utime is the
    // 12th and stime the 13th of them, in clock ticks of 1/100 s.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}
