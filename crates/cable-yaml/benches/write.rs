//! Throughput of the YAML writer alone (parsing excluded), on one core.
//!
//! ```sh
//! cargo bench -p cable-yaml --bench write
//! CABLEKIT_BENCH_DIR=/tmp/gen2000 cargo bench -p cable-yaml --bench write
//! ```
//!
//! Inputs: every `*.txt` under `CABLEKIT_BENCH_DIR` (e.g. the output of
//! `cable-gen --count 2000 --seed 7 --format txt --out /tmp/gen2000`), else
//! the seeds and the kitchen-sink cable; parsed once up front, not timed.
//!
//! Prints, per option set, `cables/s`, `µs/cable` and MB/s per core (input
//! text and output YAML, divided by this thread's CPU time, so that a busy
//! machine does not halve the figure), then an FNV-1a digest of the output
//! of one pass with each option set: a change that must not change the
//! output (a speed-up) must not change the digests.
//!
//! Knobs: `CABLEKIT_BENCH_SECS` (default 3) per option set;
//! `CABLEKIT_BENCH_PASSES=N` runs exactly N passes of the default options
//! instead (for `valgrind --tool=callgrind --toggle-collect='*timed_passes*'`).
#![allow(missing_docs, clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use cable_model::Cable;

fn main() {
    let (cables, input_bytes) = load();
    if cables.is_empty() {
        eprintln!("SKIP: no input cables");
        return;
    }
    let default = cable_yaml::Options::default();
    if let Some(passes) = env_u64("CABLEKIT_BENCH_PASSES") {
        let bytes = timed_passes(&cables, &default, passes);
        println!("{passes} passes, {bytes} bytes of YAML");
        return;
    }
    let folded = cable_yaml::Options::default().single_line_strings(false);
    let variants = [("default", default), ("folded strings", folded)];
    let secs = env_u64("CABLEKIT_BENCH_SECS").unwrap_or(3);
    for (name, opts) in &variants {
        print!("[{name}] ");
        measure(&cables, input_bytes, opts, secs);
    }
    for (name, opts) in &variants {
        let mut buf = Vec::new();
        let mut digest = Fnv::default();
        for c in &cables {
            buf.clear();
            cable_yaml::write(c, opts, &mut buf).expect("writing to a Vec cannot fail");
            digest.update(&buf);
        }
        println!("digest ({name}): {:016x}", digest.0);
    }
}

/// Every `*.txt` under `CABLEKIT_BENCH_DIR` (sorted), else the testdata
/// cables, parsed; and their total size in bytes.
fn load() -> (Vec<Cable>, u64) {
    let paths: Vec<PathBuf> = match std::env::var_os("CABLEKIT_BENCH_DIR") {
        Some(dir) => {
            let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
                .expect("CABLEKIT_BENCH_DIR is readable")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            v.sort();
            v
        }
        None => {
            let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata");
            [
                "seeds/000_78e12724ad72837c.txt",
                "seeds/001_d7a67a22ead94fd7.txt",
                "cables/kitchen-sink.txt",
            ]
            .iter()
            .map(|f| root.join(f))
            .collect()
        }
    };
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let bytes = texts.iter().map(|t| t.len() as u64).sum();
    (texts.iter().map(|t| cable_parse::parse(t)).collect(), bytes)
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok()?.parse().ok()
}

/// `passes` passes over `cables`; the bytes written.
#[inline(never)]
fn timed_passes(cables: &[Cable], opts: &cable_yaml::Options, passes: u64) -> u64 {
    let mut buf = Vec::with_capacity(1 << 16);
    let mut bytes = 0;
    for _ in 0..passes {
        for c in cables {
            buf.clear();
            cable_yaml::write(c, opts, &mut buf).expect("writing to a Vec cannot fail");
            bytes += buf.len() as u64;
        }
    }
    bytes
}

fn measure(cables: &[Cable], input_bytes: u64, opts: &cable_yaml::Options, secs: u64) {
    let (mut passes, mut bytes) = (0u64, 0u64);
    let cpu_start = cpu_seconds();
    let start = Instant::now();
    while passes == 0 || start.elapsed() < Duration::from_secs(secs) {
        bytes += timed_passes(cables, opts, 1);
        passes += 1;
    }
    let wall = start.elapsed().as_secs_f64();
    let (secs, clock) = match (cpu_start, cpu_seconds()) {
        (Some(a), Some(b)) if b > a => (b - a, "CPU"),
        _ => (wall, "wall"),
    };
    let n = passes * cables.len() as u64;
    let (input_mb, output_mb) = ((passes * input_bytes) as f64 / 1e6, bytes as f64 / 1e6);
    println!(
        "cable-yaml write: {n} cables ({passes} passes of {}) in {secs:.2} s {clock} ({wall:.2} s wall) = {:.0} cables/s, {:.1} µs/cable, {:.1} MB/s of input text, {:.1} MB/s of YAML per core",
        cables.len(),
        n as f64 / secs,
        secs * 1e6 / n as f64,
        input_mb / secs,
        output_mb / secs,
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

/// FNV-1a, 64 bits: a digest of the output that is stable across runs.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn update(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}
