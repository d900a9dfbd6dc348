//! `cable-bench`: the benchmark harness behind `just bench`.
//!
//! Generates the synthetic Cablegate-scale corpus into `target/bench/`
//! (once; reused while seed and size match), then measures in one run:
//! generator speed, parse only and each writer only (library calls, the
//! stages), `cat` of each corpus file (the floor of reading it), end-to-end
//! `cablekit convert` (wall, cables/s, MB/s, user and system CPU, peak RSS
//! via GNU time) on the 25k corpus: all four formats with `-j1` and `-j2`
//! to a tree and to a tar archive, each format alone with `-j1` and `-j2`;
//! the 251k corpus to a tree with `-j2` (the goal row) when the
//! budget allows; the 251k projection of every 25k run; and pandoc on a
//! sample of the same cables (one process per file and one batched
//! process). Writes `target/bench/report.md` and appends a dated summary
//! to `docs/benchmarks.md`. Long runs are skipped, and say so, when the
//! time budget would be exceeded.

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod report;
mod timing;

use cable_bench::write_corpus;
use cable_gen::{Format, Generator, Renderer, SynthCable};
use clap::Parser;
use report::{Report, Row};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Benchmarks cablekit on a synthetic Cablegate-scale corpus.
#[derive(Parser, Debug)]
struct Args {
    /// Cables in the large corpus.
    #[arg(long, default_value_t = cable_gen::CABLEGATE_ROWS)]
    count: u64,
    /// Cables in the small corpus (to show peak RSS flat across sizes).
    #[arg(long, default_value_t = 25_000)]
    small: u64,
    /// Generator seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Cables in the sample compared with pandoc.
    #[arg(long, default_value_t = 1_000)]
    sample: u64,
    /// Seconds each pandoc one-process-per-file loop may take (the rest of
    /// the sample is skipped and the time per cable scaled from the files done).
    #[arg(long, default_value_t = 30)]
    per_file_secs: u64,
    /// Seconds the parse-only/writer-only pass may take.
    #[arg(long, default_value_t = 60)]
    lib_secs: u64,
    /// Stop starting new measurements after this many seconds (the whole
    /// run, generation included, must stay under 15 minutes).
    #[arg(long, default_value_t = 840)]
    budget: u64,
    /// Workspace root (where `target/` and `docs/` are).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Only these parts (comma-separated): gen, lib, cat, e2e, pandoc.
    #[arg(long, value_delimiter = ',')]
    only: Vec<String>,
    /// Do not append to docs/benchmarks.md.
    #[arg(long)]
    no_docs: bool,
}

/// One part of the benchmark.
type Step = fn(&mut Bench);

/// Shared state of one benchmark run.
struct Bench {
    args: Args,
    start: Instant,
    dir: PathBuf,
    cablekit: PathBuf,
    report: Report,
}

impl Bench {
    fn wants(&self, part: &str) -> bool {
        self.args.only.is_empty() || self.args.only.iter().any(|p| p == part)
    }
    fn left(&self) -> Duration {
        Duration::from_secs(self.args.budget).saturating_sub(self.start.elapsed())
    }
    fn large(&self) -> PathBuf {
        self.dir.join("cables.csv")
    }
    fn small(&self) -> PathBuf {
        self.dir.join(format!("cables-{}.csv", self.args.small))
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    let root = args.root.clone();
    let mut b = Bench {
        dir: root.join("target/bench"),
        cablekit: root.join("target/release/cablekit"),
        start: Instant::now(),
        report: Report::default(),
        args,
    };
    if let Err(e) = std::fs::create_dir_all(&b.dir) {
        eprintln!("cable-bench: {}: {e}", b.dir.display());
        return ExitCode::from(2);
    }
    let steps: [(&str, Step); 6] = [
        ("gen", generate),
        ("cat", cat_floor),
        ("e2e", end_to_end),
        ("lib", library),
        ("pandoc", alternatives),
        ("e2e", single_formats),
    ];
    for (name, step) in steps {
        if b.wants(name) || (name == "gen" && !b.large().exists()) {
            eprintln!(
                "cable-bench: {name} ({:.0} s elapsed)",
                b.start.elapsed().as_secs_f64()
            );
            step(&mut b);
        }
    }
    let text = b.report.markdown(&b.args_line());
    println!("{text}");
    let report_path = b.dir.join("report.md");
    if let Err(e) = std::fs::write(&report_path, &text) {
        eprintln!("cable-bench: {}: {e}", report_path.display());
    }
    if !b.args.no_docs {
        let docs = root.join("docs/benchmarks.md");
        if let Err(e) = report::append_docs(&docs, &text) {
            eprintln!("cable-bench: {}: {e}", docs.display());
        }
    }
    eprintln!(
        "cable-bench: done in {:.0} s; report in {}",
        b.start.elapsed().as_secs_f64(),
        report_path.display()
    );
    ExitCode::SUCCESS
}

impl Bench {
    fn args_line(&self) -> String {
        let a = &self.args;
        format!(
            "--count {} --small {} --seed {} --sample {} --budget {}",
            a.count, a.small, a.seed, a.sample, a.budget
        )
    }
}

/// Generates the corpora unless a stamp says they are already there.
fn generate(b: &mut Bench) {
    for (path, count) in [(b.large(), b.args.count), (b.small(), b.args.small)] {
        let stamp = path.with_extension("csv.stamp");
        let want = format!(
            "cable-gen {} seed {} count {count}\n",
            env!("CARGO_PKG_VERSION"),
            b.args.seed
        );
        let generator = Generator::new(b.args.seed, count);
        if path.exists() && std::fs::read_to_string(&stamp).ok().as_deref() == Some(want.as_str()) {
            eprintln!("cable-bench: reusing {}", path.display());
            continue;
        }
        let t = Instant::now();
        match write_corpus(&generator, Format::Csv, &path) {
            Ok(w) => {
                let wall = t.elapsed();
                let _ = std::fs::write(&stamp, &want);
                b.report.push(
                    Row::new(
                        "Generator",
                        format!("cable-gen --count {count} --format csv (to disk)"),
                    )
                    .wall(wall)
                    .work(w.cables, w.bytes),
                );
            }
            Err(e) => b.report.push(
                Row::new("Generator", format!("cable-gen --count {count}"))
                    .note(format!("failed: {e}")),
            ),
        }
    }
    // Pure generation speed, without the disk: the first 25,000 rows.
    let generator = Generator::new(b.args.seed, b.args.count);
    let n = b.args.count.min(25_000);
    let r = Renderer::new();
    let (mut cable, mut buf, mut bytes) = (SynthCable::default(), Vec::new(), 0u64);
    let t = Instant::now();
    for i in 0..n {
        generator.fill(i, &mut cable);
        buf.clear();
        r.render(Format::Csv, &cable, &mut buf);
        bytes += buf.len() as u64;
    }
    b.report.push(
        Row::new(
            "Generator",
            format!("generate + render {n} csv rows in memory (1 thread)"),
        )
        .wall(t.elapsed())
        .work(n, bytes),
    );
}

/// `cat cables.csv > /dev/null`: the floor of reading each corpus file
/// (the same files the end-to-end runs read).
fn cat_floor(b: &mut Bench) {
    for (path, count, large) in [
        (b.small(), b.args.small, false),
        (b.large(), b.args.count, true),
    ] {
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        let row = Row::new("Archive reader", format!("cat {} > /dev/null", rel(&path)));
        match timing::run(Path::new("cat"), &[path.display().to_string()], None) {
            Ok(run) => {
                let r = row.wall(run.wall).work(count, size).rss(run.max_rss_kib);
                if large {
                    b.report.cat_wall = Some(run.wall);
                } else {
                    b.report.cat_small = Some(run.wall);
                }
                b.report.push(r);
            }
            Err(e) => b.report.push(row.note(format!("not measured: {e}"))),
        }
    }
}

/// Per-stage library timings over a set of cables.
#[derive(Default)]
struct Stages {
    cables: u64,
    in_bytes: u64,
    parse: Duration,
    write: [Duration; 4],
    out_bytes: [u64; 4],
    panics: u64,
}

/// Stride of the library pass's order over the corpus.
const STRIDE: u64 = 97;

const WRITERS: [&str; 4] = ["markdown", "yaml", "xml", "pandoc"];

fn write_one(k: usize, cable: &cable_model::Cable, out: &mut Vec<u8>) -> std::io::Result<()> {
    match k {
        0 => cable_markdown::write(cable, &cable_markdown::Options::default(), out),
        1 => cable_yaml::write(cable, &cable_yaml::Options::default(), out),
        2 => cable_xml::write(cable, &cable_xml::Options::default(), out),
        _ => cable_pandoc::write(cable, &cable_pandoc::Options::default(), out),
    }
}

/// Parses and writes cables `indices` of `generator`, timing each stage
/// (generation excluded).
fn stages(
    generator: &Generator,
    indices: impl Iterator<Item = u64>,
    deadline: Instant,
) -> (Stages, bool) {
    let mut s = Stages::default();
    let mut cable = SynthCable::default();
    let mut text = String::new();
    let mut out = Vec::with_capacity(1 << 20);
    for i in indices {
        if Instant::now() > deadline {
            return (s, false);
        }
        generator.fill(i, &mut cable);
        cable.text_into(&mut text);
        let m = cable.container_meta();
        let t = Instant::now();
        let parsed = std::panic::catch_unwind(|| cable_parse::parse_with(&text, &m));
        s.parse += t.elapsed();
        let Ok(parsed) = parsed else {
            s.panics += 1;
            continue;
        };
        s.cables += 1;
        s.in_bytes += text.len() as u64;
        for k in 0..4 {
            out.clear();
            let t = Instant::now();
            let _ = write_one(k, &parsed, &mut out);
            s.write[k] += t.elapsed();
            s.out_bytes[k] += out.len() as u64;
        }
    }
    (s, true)
}

/// Parse only and each writer only, on the whole large corpus (1 thread).
fn library(b: &mut Bench) {
    let generator = Generator::new(b.args.seed, b.args.count);
    // Keep at least half of what is left for the other parts.
    let deadline = Instant::now() + Duration::from_secs(b.args.lib_secs).min(b.left());
    // Strided order: when the budget stops the pass early, the cables done
    // still spread over the whole corpus (all years), not just its oldest rows.
    let count = b.args.count;
    let order = (0..STRIDE).flat_map(move |o| (o..count).step_by(STRIDE as usize));
    let (s, complete) = stages(&generator, order, deadline);
    let scope = if complete {
        format!("all {} cables", s.cables)
    } else {
        format!("{} cables spread over the corpus (time budget)", s.cables)
    };
    let mut row = Row::new(
        "Parser",
        format!("cable_parse::parse_with, {scope}, 1 thread"),
    )
    .wall(s.parse)
    .work(s.cables, s.in_bytes);
    if s.panics > 0 {
        row = row.note(format!("{} panics caught", s.panics));
    }
    b.report.push(row);
    for (k, name) in WRITERS.iter().enumerate() {
        let mut row = Row::new("Writers", format!("cable_{name}::write, {scope}, 1 thread"))
            .wall(s.write[k])
            .work(s.cables, s.in_bytes)
            .out(s.out_bytes[k]);
        if s.out_bytes[k] == 0 {
            row = row.note("not measured: writer wrote nothing (stub)".into());
        }
        b.report.push(row);
    }
    b.report.lib_per_cable =
        (s.cables > 0).then(|| (s.parse + s.write.iter().sum::<Duration>()) / s.cables as u32);
}

/// Where an end-to-end run writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Out {
    /// A directory tree (one file per cable and format).
    Tree,
    /// One uncompressed tar archive.
    Tar,
}

/// The total size of the files under `dir`.
fn tree_bytes(dir: &Path) -> u64 {
    walk_size(dir)
}

fn walk_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => walk_size(&e.path()),
            _ => e.metadata().map(|m| m.len()).unwrap_or(0),
        })
        .sum()
}

/// One `cablekit convert` run.
fn convert(
    b: &mut Bench,
    input: &Path,
    cables: u64,
    formats: &str,
    jobs: u32,
    target: Out,
    label: &str,
) -> Option<Duration> {
    let out = match target {
        Out::Tar => b.dir.join("out.tar"),
        Out::Tree => b.dir.join("out-tree"),
    };
    let index = b.dir.join("out-tree.index.jsonl");
    let clean = |out: &Path| {
        let _ = std::fs::remove_file(out);
        let _ = std::fs::remove_dir_all(out);
        let _ = std::fs::remove_file(&index);
    };
    clean(&out);
    let mut args: Vec<String> = vec![
        "convert".into(),
        input.display().to_string(),
        "--to".into(),
        formats.into(),
    ];
    if target == Out::Tar {
        args.extend(["--archive".into(), "tar".into()]);
    }
    args.extend([
        "-o".into(),
        out.display().to_string(),
        "-j".into(),
        jobs.to_string(),
        "--quiet".into(),
    ]);
    let what = format!(
        "cablekit {} ({label})",
        args.join(" ")
            .replace(&b.dir.display().to_string(), "target/bench")
    );
    let size = std::fs::metadata(input).map(|m| m.len()).unwrap_or(0);
    let row = Row::new("End to end", what);
    let limit = b.left();
    let result = match timing::run_limited(&b.cablekit, &args, None, limit) {
        Ok(run) if run.killed => {
            b.report.push(row.note(format!(
                "not measured: killed at the time budget after {:.0} s (so > {:.0} s)",
                run.wall.as_secs_f64(),
                run.wall.as_secs_f64()
            )));
            None
        }
        Ok(run) => {
            let out_size = match target {
                Out::Tar => std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0),
                Out::Tree => tree_bytes(&out),
            };
            let mut r = row
                .wall(run.wall)
                .work(cables, size)
                .rss(run.max_rss_kib)
                .out(out_size)
                .cpu(run.user, run.sys);
            if !run.ok() {
                r = r.note(format!("exit {:?}: {}", run.code, run.stderr_tail));
            } else if cables < b.args.count && cables > 0 {
                let projected =
                    run.wall.as_secs_f64() * cable_gen::CABLEGATE_ROWS as f64 / cables as f64;
                r = r.note(format!("projected 251,287 cables: {projected:.0} s"));
            }
            b.report.push(r);
            run.ok().then_some(run.wall)
        }
        Err(e) => {
            b.report.push(row.note(format!("not measured: {e}")));
            None
        }
    };
    clean(&out);
    result
}

/// Seconds kept for the library pass and pandoc after the large run.
const RESERVE_SECS: u64 = 150;

fn end_to_end(b: &mut Bench) {
    if !b.cablekit.exists() {
        b.report.push(
            Row::new("End to end", "cablekit convert".into()).note(format!(
                "not measured: {} missing (run `cargo build --release -p cablekit`)",
                b.cablekit.display()
            )),
        );
        return;
    }
    let (large, small) = (b.large(), b.small());
    let (nl, ns) = (b.args.count, b.args.small);
    let all = "md,yaml,xml,pandoc";
    // All four formats, -j2 and -j1, to a tree and to tar, on the small corpus.
    for target in [Out::Tree, Out::Tar] {
        for jobs in [2, 1] {
            let kind = match target {
                Out::Tree => "tree",
                Out::Tar => "tar",
            };
            let label = format!("small corpus, all formats, {kind}, -j{jobs}");
            if let Some(w) = convert(b, &small, ns, all, jobs, target, &label) {
                b.report.small.insert((kind, jobs), w);
            }
        }
    }
    // The goal row: the large corpus to a tree with -j2, when it fits.
    let Some(&small_j2) = b.report.small.get(&("tree", 2)) else {
        return;
    };
    let est = small_j2.mul_f64(nl as f64 / ns.max(1) as f64);
    b.report.e2e_estimate = Some(est);
    let left = b.left().saturating_sub(Duration::from_secs(RESERVE_SECS));
    if est > left {
        b.report.push(
            Row::new("End to end", "cablekit convert cables.csv (all formats, tree, -j2)".into())
                .note(format!(
                    "not measured: estimated {:.0} s (from the small corpus) exceeds the {:.0} s left of the time budget",
                    est.as_secs_f64(),
                    left.as_secs_f64()
                )),
        );
        return;
    }
    if let Some(w) = convert(b, &large, nl, all, 2, Out::Tree, "all formats, tree, -j2") {
        b.report.e2e_j2 = Some((w, nl));
    }
}

/// Each format alone, -j2 and -j1 (tar), on the small corpus.
fn single_formats(b: &mut Bench) {
    if !b.cablekit.exists() {
        return;
    }
    let (input, n) = (b.small(), b.args.small);
    for jobs in [2, 1] {
        let all = b.report.small.get(&("tar", jobs)).copied();
        for f in ["md", "yaml", "xml", "pandoc"] {
            // A format alone costs about a quarter to a half of all four.
            let guess = all.unwrap_or_default() / 2;
            if guess > b.left() {
                b.report.push(
                    Row::new(
                        "End to end",
                        format!("cablekit convert --to {f} -j{jobs} (small corpus)"),
                    )
                    .note(format!(
                        "not measured: estimated {:.0} s exceeds the {:.0} s left",
                        guess.as_secs_f64(),
                        b.left().as_secs_f64()
                    )),
                );
                continue;
            }
            convert(
                b,
                &input,
                n,
                f,
                jobs,
                Out::Tar,
                &format!("small corpus, {f} only, tar, -j{jobs}"),
            );
        }
    }
}

/// pandoc on a sample of the same cables, against cablekit on that sample.
fn alternatives(b: &mut Bench) {
    let pandoc = Path::new("/usr/bin/pandoc");
    if !pandoc.exists() {
        b.report.push(
            Row::new("Alternatives", "pandoc".into())
                .note("not measured: /usr/bin/pandoc missing".into()),
        );
        return;
    }
    let generator = Generator::new(b.args.seed, b.args.count);
    let n = b.args.sample.min(b.args.count).max(1);
    let step = b.args.count / n;
    let indices: Vec<u64> = (0..n).map(|k| k * step).collect();
    let dir = b.dir.join("sample");
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        b.report
            .push(Row::new("Alternatives", "pandoc".into()).note(format!("not measured: {e}")));
        return;
    }
    // The Markdown pandoc reads: our Markdown writer's output of each cable
    // (what a user would feed pandoc), else the seed rendering.
    let r = Renderer::new();
    let mut csv = Vec::new();
    let mut batch = Vec::new();
    let mut files = Vec::new();
    let mut md_bytes = 0u64;
    let mut source = "cable-markdown output";
    for (k, &i) in indices.iter().enumerate() {
        let c = generator.cable(i);
        r.render(Format::Csv, &c, &mut csv);
        let mut text = String::new();
        c.text_into(&mut text);
        let parsed = cable_parse::parse_with(&text, &c.container_meta());
        let mut md = Vec::new();
        let _ = cable_markdown::write(&parsed, &cable_markdown::Options::default(), &mut md);
        if md.is_empty() {
            source = "seed rendering (Markdown writer wrote nothing)";
            r.render(Format::Seed, &c, &mut md);
        }
        md_bytes += md.len() as u64;
        let path = dir.join(format!("{k:05}.md"));
        if std::fs::write(&path, &md).is_err() {
            continue;
        }
        batch.extend_from_slice(&md);
        batch.extend_from_slice(b"\n\n");
        files.push(path);
    }
    let sample_csv = dir.join("sample.csv");
    let batch_md = dir.join("batch.md");
    let _ = std::fs::write(&sample_csv, &csv);
    let _ = std::fs::write(&batch_md, &batch);
    b.report.sample = Some((n, source));

    // Ours on the sample: library (parse + 4 writers) and end to end.
    let far = Instant::now() + Duration::from_secs(3600);
    let (s, _) = stages(&generator, indices.iter().copied(), far);
    let ours = s.parse + s.write.iter().sum::<Duration>();
    b.report.push(
        Row::new(
            "Alternatives",
            format!("ours: parse + 4 writers in-process, {n} sample cables"),
        )
        .wall(ours)
        .work(s.cables, s.in_bytes),
    );
    b.report.ours_sample = Some(ours);
    if b.cablekit.exists()
        && let Some(w) = convert(
            b,
            &sample_csv,
            n,
            "md,yaml,xml,pandoc",
            1,
            Out::Tar,
            "sample, all formats, -j1",
        )
    {
        b.report.ours_sample_e2e = Some(w);
    }

    for to in ["json", "markdown"] {
        // One batched process.
        let args = vec![
            "-f".into(),
            "markdown".into(),
            "-t".into(),
            to.into(),
            batch_md.display().to_string(),
        ];
        if let Ok(run) = timing::run(pandoc, &args, None) {
            b.report.push(
                Row::new(
                    "Alternatives",
                    format!("pandoc -f markdown -t {to} batch.md (one process, {n} cables)"),
                )
                .wall(run.wall)
                .work(n, md_bytes)
                .rss(run.max_rss_kib),
            );
            b.report
                .pandoc
                .push((format!("batched -t {to}"), run.wall / n as u32));
        }
        // One process per file, as a shell loop would; stop early (and
        // scale) if the budget runs short.
        let t = Instant::now();
        let mut done = 0u64;
        let mut peak = None;
        for f in &files {
            if t.elapsed() > Duration::from_secs(b.args.per_file_secs).min(b.left()) {
                break;
            }
            let args = vec![
                "-f".into(),
                "markdown".into(),
                "-t".into(),
                to.into(),
                f.display().to_string(),
            ];
            match timing::run(pandoc, &args, None) {
                Ok(run) => {
                    done += 1;
                    peak = peak.max(run.max_rss_kib);
                }
                Err(_) => break,
            }
        }
        if done > 0 {
            let wall = t.elapsed();
            let row = Row::new(
                "Alternatives",
                format!(
                    "pandoc -f markdown -t {to} FILE (one process per file, {done} of {n} cables)"
                ),
            )
            .wall(wall)
            .work(done, md_bytes * done / n)
            .rss(peak);
            b.report.push(row);
            b.report
                .pandoc
                .push((format!("per file -t {to}"), wall / done as u32));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A path relative to the workspace when it can be.
fn rel(p: &Path) -> String {
    let s = p.display().to_string();
    match s.find("target/") {
        Some(i) => s[i..].to_owned(),
        None => s,
    }
}
