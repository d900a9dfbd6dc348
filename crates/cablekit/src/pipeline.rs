//! The conversion pipeline: one reader loop, `-j` workers, the ordered
//! section.
//!
//! ```text
//! this thread                        rayon pool × -j                   (no sink thread)
//!  Records::for_each (archive walk)   convert: parse, render every      order: names in seq order,
//!  numbers items, packs batches ────▶ format, frame tar entries ──────▶ index lines, report; the
//!  of up to 32 items / 1 MiB          (convert.rs)                      delivering worker writes
//! ```
//!
//! The workers are a rayon [`ThreadPool`] of `-j` threads named
//! `cablekit-worker-N`, built once per run and shared with the cross-link
//! pre-pass; the reader loop stays on the calling thread and spawns one
//! task per batch into the pool. With `-j1` there is no pool: the same loop
//! converts and delivers each batch itself, with no thread at all, so
//! `-j1` is a one-core baseline of the same code.
//!
//! Backpressure: the reader takes a credit from the in-flight [`Window`]
//! for each batch (by count and by bytes of text) and the worker that
//! writes the batch gives it back, so memory stays flat whatever the input
//! size; a record larger than the byte budget goes through alone.
//!
//! Determinism: workers never name anything. The ordered section handles
//! items in `seq` order, so names (including `~2` for duplicate ids), the
//! index and archive entry order are the same for any `-j`.

use crate::convert::{self, Framing, Job, Shared};
use crate::flags::{ArchiveKind, Config, Output};
use crate::format::Settings;
use crate::links::Links;
use crate::order::{Delivery, Order};
use crate::prepass::{self, Input};
use crate::progress::Progress;
use crate::report::Report;
use crate::resume::Previous;
use crate::signal::Stop;
use crate::sink::{Archive, Sink};
use crate::window::Window;
use anyhow::Context;
use cable_archive::Meter;
use rayon::ThreadPool;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::path::{Path, PathBuf};

/// Prefix of worker thread names; the panic hook stays quiet for them.
pub(crate) const WORKER_PREFIX: &str = "cablekit-worker";

/// Items per batch: enough to make the hand-off cost negligible, few
/// enough to keep workers evenly busy.
const BATCH_ITEMS: usize = 32;
/// Bytes of text after which a batch is sent even if not full.
const BATCH_BYTES: u64 = 1 << 20;
/// Batches in flight per worker.
const BATCHES_PER_WORKER: usize = 4;
/// Bytes of text in flight at most (a larger record goes alone).
const WINDOW_BYTES: u64 = 64 << 20;

/// Converts everything `cfg` asks for. Fatal errors (unreadable input,
/// unwritable output) come back as `Err`; record failures are in the report.
pub(crate) fn run(cfg: &Config, progress: &Progress, stop: &Stop) -> anyhow::Result<Report> {
    check_inputs_not_overwritten(cfg)?;
    crate::sink::check(&cfg.output)?;
    let _lock = match &cfg.output {
        Output::Tree(root) => Some(crate::resume::Lock::take(root)?),
        Output::Archive(..) | Output::Document(_) => None,
    };
    // A run never reads what it writes: its outputs are excluded from
    // every directory walk (matched by identity when each walk starts, so
    // the tree, created by the lock above, and the index, created before
    // the conversion's walk, are both covered).
    let mut limits = cfg.limits.clone();
    limits.exclude.extend(own_outputs(cfg));
    for (output, input) in outputs_inside_inputs(&limits.exclude, &cfg.inputs) {
        progress.message(&format!(
            "cablekit: note: {} is inside the input {}: it is not read",
            output.display(),
            input.display()
        ));
    }
    let pool = workers(cfg.jobs)?;
    let inputs = prepass::inputs(&cfg.inputs, cfg.links)?;
    let links = if cfg.links {
        progress.phase("collecting ids for cross-links");
        Links::to(
            prepass::collect_ids(&inputs, &limits, pool.as_ref(), stop)?,
            &cfg.pandoc_link_ext,
        )
    } else {
        Links::off()
    };
    if stop.requested() {
        // Interrupted during the pre-pass: leave the output as it was.
        return Ok(Report::default());
    }
    let previous = match (&cfg.output, cfg.resume) {
        (Output::Tree(root), true) => {
            let index = cfg
                .index
                .clone()
                .unwrap_or_else(|| crate::sink::index_path(root));
            Some(Previous::load(root, &index, &cfg.formats)?)
        }
        _ => None,
    };
    if let Some(n) = previous.as_ref().map(|p| p.not_utf8).filter(|&n| n > 0) {
        progress.message(&format!(
            "cablekit: warning: {n} line(s) of the previous index.jsonl are not UTF-8 and were skipped; their items are converted again"
        ));
    }
    let opened = inputs
        .iter()
        .map(|i| i.open(&limits).map(|r| (i, r)))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let count = opened
        .iter()
        .map(|(_, r)| r.count_hint())
        .sum::<Option<u64>>();
    let bytes_total = opened
        .iter()
        .map(|(_, r)| r.bytes_total())
        .sum::<Option<u64>>();
    progress.set_totals(count, bytes_total);

    let sink = Sink::open(&cfg.output)?;
    let archive = match &cfg.output {
        Output::Archive(kind, path) => Some(Archive::open(*kind, path)?),
        Output::Tree(_) | Output::Document(_) => None,
    };
    let ctx = Shared {
        formats: cfg.formats.clone(),
        settings: Settings {
            links,
            pandoc_api: cfg.pandoc_api,
            yaml_folded: cfg.yaml_folded,
            yaml_explicit_nulls: cfg.yaml_explicit_nulls,
            site: cfg.site,
            title_heading: cfg.title_heading,
        },
        shard: cfg.shard,
        previous,
        xml_per_input: cfg.xml_per_input,
        format_dirs: cfg.format_dirs,
        framing: match cfg.output {
            Output::Archive(ArchiveKind::Tar, _) => Framing::Tar,
            _ => Framing::Plain,
        },
    };
    let index = crate::sink::Index::open(&cfg.output, cfg.index.as_deref())?;
    let order = Order::new(sink, index, archive, cfg, progress, stop);
    let mut reader = Reader {
        batch: Vec::with_capacity(BATCH_ITEMS),
        weight: 0,
        number: 0,
        seq: 0,
        done_bytes: 0,
        count,
    };
    match &pool {
        None => {
            let mut deliver = |jobs: Vec<Job>, number: u64, weight: u64| {
                order.deliver(convert_batch(jobs, number, weight, &ctx));
                true
            };
            reader.read_all(opened, progress, stop, &mut deliver);
        }
        Some(pool) => {
            let window = Window::new(cfg.jobs * BATCHES_PER_WORKER, WINDOW_BYTES);
            let (order, ctx, window) = (&order, &ctx, &window);
            // `in_place_scope`: the reader loop runs here, on the calling
            // thread; the scope ends when every batch is written.
            pool.in_place_scope(|scope| {
                let mut deliver = |jobs: Vec<Job>, number: u64, weight: u64| {
                    if !window.acquire(weight) {
                        return false;
                    }
                    scope.spawn(move |_| {
                        let done = catch_unwind(AssertUnwindSafe(|| {
                            order.deliver(convert_batch(jobs, number, weight, ctx))
                        }));
                        match done {
                            Ok((batches, bytes)) => window.release(batches, bytes),
                            Err(panic) => {
                                // Its credits never come back: stop the reader.
                                window.close();
                                resume_unwind(panic);
                            }
                        }
                    });
                    true
                };
                reader.read_all(opened, progress, stop, &mut deliver);
            });
        }
    }
    let mut report = order.finish()?;
    report.emitted = reader.seq;
    report.bytes = reader.done_bytes;
    Ok(report)
}

/// The worker pool of `-j jobs` (`None` for `-j1`: no thread at all).
/// The only place the binary starts threads.
fn workers(jobs: usize) -> anyhow::Result<Option<ThreadPool>> {
    if jobs <= 1 {
        return Ok(None);
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("{WORKER_PREFIX}-{i}"))
        .build()
        .map(Some)
        .context("cannot start worker threads")
}

fn convert_batch(jobs: Vec<Job>, number: u64, weight: u64, ctx: &Shared) -> Delivery {
    let outcomes = jobs
        .into_iter()
        .map(|job| (job.seq, convert::convert(job, ctx)))
        .collect();
    Delivery {
        number,
        outcomes,
        weight,
    }
}

/// The one reader loop: numbers items over all inputs and packs batches.
struct Reader {
    batch: Vec<Job>,
    weight: u64,
    number: u64,
    seq: u64,
    done_bytes: u64,
    count: Option<u64>,
}

impl Reader {
    fn read_all(
        &mut self,
        inputs: Vec<(&Input, cable_archive::Records)>,
        progress: &Progress,
        stop: &Stop,
        deliver: &mut dyn FnMut(Vec<Job>, u64, u64) -> bool,
    ) {
        let meters: Vec<Meter> = inputs.iter().map(|(_, r)| r.meter()).collect();
        let totals: Option<u64> = inputs.iter().map(|(_, r)| r.bytes_total()).sum();
        let mut open = true;
        for (i, (_, records)) in inputs.into_iter().enumerate() {
            if stop.requested() || !open {
                break;
            }
            let meter = records.meter();
            records.for_each(|item| {
                // Zips learn their member count after opening: refresh the totals.
                let now = meters.iter().map(Meter::count_hint).sum::<Option<u64>>();
                if now != self.count {
                    self.count = now;
                    progress.set_totals(self.count, totals);
                }
                progress.bytes_read(self.done_bytes + meter.bytes_read());
                let job = Job {
                    seq: self.seq,
                    item,
                };
                self.seq += 1;
                self.weight += job.weight();
                self.batch.push(job);
                if self.batch.len() >= BATCH_ITEMS || self.weight >= BATCH_BYTES {
                    open = self.send(deliver);
                }
                open && !stop.requested()
            });
            self.done_bytes += meters.get(i).map_or(0, Meter::bytes_read);
            progress.bytes_read(self.done_bytes);
        }
        if open && !self.batch.is_empty() {
            self.send(deliver);
        }
    }

    fn send(&mut self, deliver: &mut dyn FnMut(Vec<Job>, u64, u64) -> bool) -> bool {
        let jobs = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH_ITEMS));
        let (number, weight) = (self.number, std::mem::take(&mut self.weight));
        self.number += 1;
        deliver(jobs, number, weight)
    }
}

/// What the run writes: the tree and its index, the archive, or the
/// document file. Paths that do not exist yet are harmless in
/// [`cable_archive::Limits::exclude`].
fn own_outputs(cfg: &Config) -> Vec<PathBuf> {
    match &cfg.output {
        Output::Tree(root) => vec![
            root.clone(),
            cfg.index
                .clone()
                .unwrap_or_else(|| crate::sink::index_path(root)),
        ],
        Output::Archive(_, path) | Output::Document(Some(path)) => vec![path.clone()],
        Output::Document(None) => Vec::new(),
    }
}

/// Refuses, before anything is written, a run that would destroy or read
/// back its own input: an output file (`-o out.zip`, `-o page.md`, the
/// index) that is an input file, which would be replaced by the output, and
/// an input directory that is the output tree or lies inside it, whose walk
/// would meet the files as they are written (an output directory *inside*
/// an input is fine: it is excluded from the walk). Paths are compared
/// after resolving symbolic links and `..`.
fn check_inputs_not_overwritten(cfg: &Config) -> anyhow::Result<()> {
    let canonical = |p: &Path| p.canonicalize().ok();
    let inputs: Vec<(&PathBuf, PathBuf)> = cfg
        .inputs
        .iter()
        .filter_map(|i| canonical(i).map(|c| (i, c)))
        .collect();
    let files = match &cfg.output {
        Output::Tree(root) => {
            if let Some(root_c) = canonical(root) {
                for (input, c) in &inputs {
                    if c.is_dir() && c.starts_with(&root_c) {
                        anyhow::bail!(
                            "the input {} is inside the output directory {}: the run would read back what it writes; choose an -o outside the inputs",
                            input.display(),
                            root.display()
                        );
                    }
                }
            }
            let index = cfg
                .index
                .clone()
                .unwrap_or_else(|| crate::sink::index_path(root));
            if !is_index_or_absent(&index) {
                anyhow::bail!(
                    "{} exists and is not a cablekit index: writing the index there would replace that file; choose another --index",
                    index.display()
                );
            }
            vec![index]
        }
        Output::Archive(_, path) | Output::Document(Some(path)) => vec![path.clone()],
        Output::Document(None) => Vec::new(),
    };
    for file in files {
        let Some(file_c) = canonical(&file) else {
            continue;
        };
        if let Some((input, _)) = inputs.iter().find(|(_, c)| *c == file_c) {
            anyhow::bail!(
                "{} is the input {}: writing it would replace the input; choose another output path",
                file.display(),
                input.display()
            );
        }
    }
    Ok(())
}

/// Whether `path` is absent, not a regular file (a planted symbolic link is
/// replaced, never followed: robustness row 13), empty, or starts like an
/// index line (`{"seq":`): a path a run may replace with its index.
fn is_index_or_absent(path: &Path) -> bool {
    use std::io::Read;
    if !std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file()) {
        return true;
    }
    let Ok(file) = std::fs::File::open(path) else {
        return true;
    };
    let mut head = Vec::with_capacity(8);
    match file.take(7).read_to_end(&mut head) {
        Ok(_) => head.is_empty() || head == br#"{"seq":"#,
        Err(_) => true,
    }
}

/// The outputs that lie inside an input directory, with that input (for
/// the note that says they are not read).
fn outputs_inside_inputs<'a>(
    outputs: &'a [PathBuf],
    inputs: &'a [PathBuf],
) -> Vec<(&'a Path, &'a Path)> {
    let canonical = |p: &Path| p.canonicalize().ok();
    let mut found = Vec::new();
    for output in outputs {
        let Some(out) = canonical(output) else {
            continue;
        };
        for input in inputs.iter().filter(|i| i.is_dir()) {
            if canonical(input).is_some_and(|dir| out.starts_with(dir)) {
                found.push((output.as_path(), input.as_path()));
            }
        }
    }
    found
}
