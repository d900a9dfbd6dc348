//! Throughput of each writer alone (parsing excluded), on one core, with
//! a digest of its output under each option set.
//!
//! ```sh
//! cargo bench -p cable-bench --bench writers                  # all four writers
//! cargo bench -p cable-bench --bench writers -- pandoc yaml   # some of them
//! CABLEKIT_BENCH_DIR=/tmp/corpus cargo bench -p cable-bench --bench writers -- markdown
//! ```
//!
//! Inputs: every `*.txt` under `CABLEKIT_BENCH_DIR` if set, else
//! `CABLEKIT_BENCH_COUNT` (default 2,000) cables from `cable-gen` with seed
//! `CABLEKIT_BENCH_SEED` (default 7), picked evenly over a Cablegate-size
//! corpus so that every year and header kind is represented. They are
//! parsed once up front, not timed.
//!
//! Prints, per writer and option set, `cables/s`, `µs/cable` and MB/s per
//! core (input text and output, divided by this thread's CPU time, so that
//! a busy machine does not halve the figure), then an FNV-1a digest of one
//! pass per option set (and, for XML, of the streamed `<cables>`
//! collection): a change that must not change the output, such as a
//! speed-up, must not change the digests.
//!
//! Knobs: `CABLEKIT_BENCH_SECS` (default 3) per option set;
//! `CABLEKIT_BENCH_PASSES=N` runs exactly N passes of each selected
//! writer's default options (or of the option set named by
//! `CABLEKIT_BENCH_VARIANT`) instead, for
//! `valgrind --tool=callgrind --toggle-collect='*timed_passes*'`.
//!
//! This replaces one copy of this harness per writer crate; the end-to-end
//! and library figures of `just bench` come from `cable-bench`.
#![allow(missing_docs, clippy::print_stdout, clippy::print_stderr)]

use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use cable_model::Cable;

/// Writes one cable into a buffer.
type WriteFn = Box<dyn Fn(&Cable, &mut Vec<u8>) -> io::Result<()>>;

/// One option set of one writer.
struct Variant {
    name: &'static str,
    write: WriteFn,
}

/// A writer and the option sets it is measured with (the first is its
/// default options).
struct Writer {
    name: &'static str,
    variants: Vec<Variant>,
}

fn variant(
    name: &'static str,
    write: impl Fn(&Cable, &mut Vec<u8>) -> io::Result<()> + 'static,
) -> Variant {
    Variant {
        name,
        write: Box::new(write),
    }
}

fn writers() -> Vec<Writer> {
    use cable_markdown as md;
    let mut toml = md::Options::default();
    toml.front_matter = md::FrontMatter::Toml;
    let mut bare = md::Options::default();
    bare.front_matter = md::FrontMatter::None;
    let mut wrapped = md::Options::default();
    wrapped.wrap = Some(72);
    wrapped.heading_offset = 1;
    wrapped.link_template = Some("https://example.org/{id}.html".into());
    wrapped.links = Some(cable_testkit::links::even_serials("md"));
    let yaml_single = cable_yaml::Options::default().single_line_strings(true);
    let yaml_explicit = cable_yaml::Options::default().explicit_nulls(true);
    let mut xml_flat = cable_xml::Options::default();
    xml_flat.indent = false;
    let mut pandoc_123 = cable_pandoc::Options::default();
    pandoc_123.api = cable_pandoc::ApiVersion::V1_23;
    let mut pandoc_pretty = cable_pandoc::Options::default();
    pandoc_pretty.pretty = true;
    let mut pandoc_links = cable_pandoc::Options::default();
    pandoc_links.links = Some(cable_testkit::links::even_serials("json"));
    vec![
        Writer {
            name: "markdown",
            variants: vec![
                variant("default", |c, o| md::write(c, &md::Options::default(), o)),
                variant("toml front matter", move |c, o| md::write(c, &toml, o)),
                variant("no front matter", move |c, o| md::write(c, &bare, o)),
                variant("wrap 72, offset 1, links", move |c, o| {
                    md::write(c, &wrapped, o)
                }),
            ],
        },
        Writer {
            name: "yaml",
            variants: vec![
                variant("default", |c, o| {
                    cable_yaml::write(c, &cable_yaml::Options::default(), o)
                }),
                variant("single-line strings", move |c, o| {
                    cable_yaml::write(c, &yaml_single, o)
                }),
                variant("explicit nulls", move |c, o| {
                    cable_yaml::write(c, &yaml_explicit, o)
                }),
            ],
        },
        Writer {
            name: "xml",
            variants: vec![
                variant("default", |c, o| {
                    cable_xml::write(c, &cable_xml::Options::default(), o)
                }),
                variant("no indent", move |c, o| cable_xml::write(c, &xml_flat, o)),
            ],
        },
        Writer {
            name: "pandoc",
            variants: vec![
                variant("default", |c, o| {
                    cable_pandoc::write(c, &cable_pandoc::Options::default(), o)
                }),
                variant("api 1.23", move |c, o| {
                    cable_pandoc::write(c, &pandoc_123, o)
                }),
                variant("pretty", move |c, o| {
                    cable_pandoc::write(c, &pandoc_pretty, o)
                }),
                variant("links", move |c, o| {
                    cable_pandoc::write(c, &pandoc_links, o)
                }),
            ],
        },
    ]
}

fn main() {
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let selected: Vec<Writer> = writers()
        .into_iter()
        .filter(|w| wanted.is_empty() || wanted.iter().any(|n| n == w.name))
        .collect();
    if selected.is_empty() {
        eprintln!("no such writer in {wanted:?}: markdown, yaml, xml, pandoc");
        std::process::exit(2);
    }
    let (cables, input_bytes) = load();
    if cables.is_empty() {
        eprintln!("SKIP: no input cables");
        return;
    }
    println!(
        "{} cables, {:.1} MB of text",
        cables.len(),
        input_bytes as f64 / 1e6
    );
    if let Some(passes) = env_u64("CABLEKIT_BENCH_PASSES") {
        // CABLEKIT_BENCH_VARIANT picks an option set by name (default: the first).
        let name = std::env::var("CABLEKIT_BENCH_VARIANT").ok();
        for w in &selected {
            let v = w
                .variants
                .iter()
                .find(|v| name.as_deref().is_none_or(|n| n == v.name))
                .unwrap_or(&w.variants[0]);
            let bytes = timed_passes(&cables, &v.write, passes);
            println!("{} [{}]: {passes} passes, {bytes} bytes", w.name, v.name);
        }
        return;
    }
    let secs = env_u64("CABLEKIT_BENCH_SECS").unwrap_or(3);
    for w in &selected {
        for v in &w.variants {
            print!("cable-{} [{}] ", w.name, v.name);
            measure(&cables, input_bytes, &v.write, secs);
        }
    }
    for w in &selected {
        for v in &w.variants {
            let mut buf = Vec::new();
            let mut digest = Fnv::default();
            for c in &cables {
                buf.clear();
                (v.write)(c, &mut buf).expect("writing to a Vec cannot fail");
                digest.update(&buf);
            }
            println!("digest cable-{} [{}]: {:016x}", w.name, v.name, digest.0);
        }
        if w.name == "xml" {
            let mut collection = cable_xml::CollectionWriter::new(Vec::new());
            for c in &cables {
                collection.add(c).expect("writing to a Vec cannot fail");
            }
            let all = collection.finish().expect("writing to a Vec cannot fail");
            let mut digest = Fnv::default();
            digest.update(&all);
            println!("digest cable-xml [collection]: {:016x}", digest.0);
        }
    }
}

/// The cables to write, parsed, and their total text size in bytes.
fn load() -> (Vec<Cable>, u64) {
    if let Some(dir) = std::env::var_os("CABLEKIT_BENCH_DIR") {
        return load_dir(Path::new(&dir));
    }
    let count = env_u64("CABLEKIT_BENCH_COUNT").unwrap_or(2_000).max(1);
    let seed = env_u64("CABLEKIT_BENCH_SEED").unwrap_or(7);
    let generator = cable_gen::Generator::new(seed, cable_gen::CABLEGATE_ROWS);
    let step = (cable_gen::CABLEGATE_ROWS / count).max(1);
    let mut text = String::new();
    let mut bytes = 0;
    let cables = (0..count.min(cable_gen::CABLEGATE_ROWS))
        .map(|k| {
            let c = generator.cable(k * step);
            c.text_into(&mut text);
            bytes += text.len() as u64;
            cable_parse::parse_with(&text, &c.container_meta())
        })
        .collect();
    (cables, bytes)
}

/// Every `*.txt` under `dir` (sorted), parsed.
fn load_dir(dir: &Path) -> (Vec<Cable>, u64) {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("CABLEKIT_BENCH_DIR is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
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

/// `passes` passes of `write` over `cables`; the bytes written.
#[inline(never)]
fn timed_passes(cables: &[Cable], write: &WriteFn, passes: u64) -> u64 {
    let mut buf = Vec::with_capacity(1 << 16);
    let mut bytes = 0;
    for _ in 0..passes {
        for c in cables {
            buf.clear();
            write(c, &mut buf).expect("writing to a Vec cannot fail");
            bytes += buf.len() as u64;
        }
    }
    bytes
}

fn measure(cables: &[Cable], input_bytes: u64, write: &WriteFn, secs: u64) {
    let (mut passes, mut bytes) = (0u64, 0u64);
    let cpu_start = cpu_seconds();
    let start = Instant::now();
    while passes == 0 || start.elapsed() < Duration::from_secs(secs) {
        bytes += timed_passes(cables, write, 1);
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
        "{n} cables ({passes} passes) in {secs:.2} s {clock} ({wall:.2} s wall) = {:.0} cables/s, {:.1} µs/cable, {:.1} MB/s of input text, {:.1} MB/s of output per core",
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
