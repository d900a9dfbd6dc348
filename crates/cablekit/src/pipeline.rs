//! The conversion pipeline.
//!
//! With `-j1` everything runs on the calling thread, in order: each item
//! is read, converted and written before the next is read (`run_here`).
//! With `-j N` (N ≥ 2):
//!
//! ```text
//! reader thread ──bounded──▶ rayon workers × -j ──bounded──▶ sink thread
//!  cable_archive::open        parse_with + render every       reorders by seq, names files,
//!  one item at a time         format into buffers,            writes outputs + index.jsonl,
//!  global seq, bytes bar      catch_unwind per record         owns the Report, record bar
//! ```
//!
//! Backpressure: the reader takes a credit before each item and the sink
//! returns it once the item is written, so at most `window` items are in
//! flight (read, converting, or waiting to be reordered) whatever the
//! input size or the speed of one pathological record.
//!
//! Determinism: workers never name or write anything. The sink handles
//! items in `seq` order, so names (including `~2` for duplicate ids), the
//! index and archive entry order are the same for any `-j`.

use crate::flags::{Config, Output};
use crate::format::{Format, Settings};
use crate::index::{DiagnosticCounts, Line, Status};
use crate::layout::{Base, Name, Namer};
use crate::links::Links;
use crate::progress::Progress;
use crate::report::Report;
use crate::resume::Previous;
use crate::shard::Shard;
use crate::signal::{Stop, StopReason};
use crate::sink::Sink;
use anyhow::Context;
use cable_archive::{Item, Limits, Meter, Provenance, Record, Records};
use cable_model::{Cable, CableId, Code, Diagnostic};
use crossbeam_channel::{Receiver, Sender, bounded};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

/// Prefix of worker thread names; the panic hook stays quiet for them.
pub(crate) const WORKER_PREFIX: &str = "cablekit-worker";

/// One item on its way to the workers.
struct Job {
    seq: u64,
    item: Item,
}

/// What a worker made of one item.
enum Outcome {
    /// Parsed and rendered; the sink names and writes it.
    Converted {
        line: Line,
        base: Base,
        rendered: Vec<(Format, Rendered)>,
        /// With `--xml-per-input`: the cable, for the sink's collection writer.
        collect: Option<Box<Cable>>,
    },
    /// Complete in the previous run (`--resume`).
    Reused(Line),
    /// Skipped or failed: the line is final.
    Done(Line),
    /// Belongs to another shard.
    OtherShard,
    /// A worker could not write its spool file: the output is unwritable.
    OutputError(String),
}

/// One rendered output on its way to the sink.
pub(crate) enum Rendered {
    /// In memory (archive and stdout outputs).
    Bytes(Vec<u8>),
    /// Already written by the worker to a temporary file beside its final
    /// place (tree output): the sink only renames it. This spreads the
    /// file-system work over the workers; the sink still decides every
    /// name, in input order.
    Spooled(PathBuf),
}

/// What the workers need, shared read-only.
struct Shared {
    formats: Vec<Format>,
    settings: Settings,
    shard: Option<Shard>,
    previous: Option<Previous>,
    xml_per_input: bool,
    /// The output root when workers spool files there (tree output).
    spool: Option<PathBuf>,
}

/// Converts everything `cfg` asks for. Fatal errors (unreadable input,
/// unwritable output) come back as `Err`; record failures are in the report.
pub(crate) fn run(cfg: &Config, progress: &Progress, stop: &Stop) -> anyhow::Result<Report> {
    let limits = cfg.limits.clone();
    let inputs = open_all(&cfg.inputs, &limits)?;
    // `-j1` runs on this thread alone: no pool, no channels (see docs/cli.md).
    let pool = match cfg.jobs {
        1 => None,
        n => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .thread_name(|i| format!("{WORKER_PREFIX}-{i}"))
                .build()
                .context("cannot start worker threads")?,
        ),
    };

    let rereadable = cfg.inputs.iter().all(|p| p.as_os_str() != "-");
    let links = if cfg.links && rereadable {
        progress.phase("collecting ids for cross-links");
        Links::to(collect_ids(&cfg.inputs, &limits, pool.as_ref(), stop)?)
    } else {
        Links::off()
    };
    if cfg.links && !rereadable {
        progress.message("cablekit: note: references are not linked when reading standard input (it cannot be read twice)");
    }
    if stop.requested() {
        // Interrupted during the pre-pass: leave the output as it was.
        return Ok(Report::default());
    }
    let previous = match (&cfg.output, cfg.resume) {
        (Output::Tree(root), true) => Some(Previous::load(root, &cfg.formats)?),
        _ => None,
    };
    let count = inputs
        .iter()
        .map(|(_, r)| r.count_hint())
        .sum::<Option<u64>>();
    let bytes = inputs
        .iter()
        .map(|(_, r)| r.bytes_total())
        .sum::<Option<u64>>();
    progress.set_totals(count, bytes);

    let sink = Sink::open(&cfg.output)?;
    let ctx = Shared {
        formats: cfg.formats.clone(),
        settings: Settings {
            links,
            pandoc_api: cfg.pandoc_api,
            yaml_folded: cfg.yaml_folded,
        },
        shard: cfg.shard,
        previous,
        xml_per_input: cfg.xml_per_input,
        spool: match (&cfg.output, &pool) {
            (Output::Tree(root), Some(_)) => Some(root.clone()),
            (Output::Tree(_), None) | (Output::Archive(..) | Output::Stdout, _) => None,
        },
    };
    let bytes_read = AtomicU64::new(0);
    let writer = Writer::new(sink, cfg, progress, stop);
    let Some(pool) = pool else {
        let mut report = run_here(inputs, &ctx, writer, progress, stop, &bytes_read)?;
        report.bytes = bytes_read.load(Ordering::Relaxed);
        return Ok(report);
    };
    let window = (cfg.jobs * 8).max(64);
    let (job_tx, job_rx) = bounded::<Job>(cfg.jobs * 2);
    let (out_tx, out_rx) = bounded::<(u64, Outcome)>(cfg.jobs * 2);
    let (credit_tx, credit_rx) = bounded::<()>(window);
    for _ in 0..window {
        let _ = credit_tx.send(());
    }

    let sink_result = std::thread::scope(|scope| {
        let reader = std::thread::Builder::new()
            .name("cablekit-reader".into())
            .spawn_scoped(scope, || {
                read(inputs, job_tx, &credit_rx, progress, stop, &bytes_read)
            })
            .context("cannot start the reader thread")?;
        let sink_thread = std::thread::Builder::new()
            .name("cablekit-sink".into())
            .spawn_scoped(scope, || write(writer, &out_rx, &credit_tx))
            .context("cannot start the sink thread")?;
        pool.install(|| {
            job_rx
                .into_iter()
                .par_bridge()
                .for_each_with(out_tx, |tx, job| {
                    let seq = job.seq;
                    let _ = tx.send((seq, convert(job, &ctx)));
                });
        });
        let _ = reader.join();
        sink_thread.join().unwrap_or_else(|_| {
            Err(anyhow::anyhow!(
                "internal error: the output thread panicked (a bug: please report it)"
            ))
        })
    });
    let mut report = sink_result?;
    report.bytes = bytes_read.load(Ordering::Relaxed);
    Ok(report)
}

/// Opens every input up front, so an unreadable one stops the run before any work.
fn open_all(paths: &[PathBuf], limits: &Limits) -> anyhow::Result<Vec<(PathBuf, Records)>> {
    paths
        .iter()
        .map(|p| {
            cable_archive::open(p, limits)
                .map(|r| (p.clone(), r))
                .map_err(|e| {
                    anyhow::anyhow!("{e}: check the path and that it is a supported input")
                })
        })
        .collect()
}

/// The pre-pass for cross-links: identifies (header only) every record of every input, in
/// parallel on `pool` or on this thread without one, keeping only the ids.
fn collect_ids(
    paths: &[PathBuf],
    limits: &Limits,
    pool: Option<&rayon::ThreadPool>,
    stop: &Stop,
) -> anyhow::Result<BTreeSet<CableId>> {
    let identify = |item: Item| match item {
        Item::Record(r) => {
            catch_unwind(AssertUnwindSafe(|| cable_parse::identify(&r.text, &r.meta)))
                .ok()
                .flatten()
        }
        Item::Skipped(_) | Item::Failed(_) => None,
    };
    let mut ids = BTreeSet::new();
    for (_, records) in open_all(paths, limits)? {
        let Some(pool) = pool else {
            records.read_here(|item| {
                ids.extend(identify(item));
                !stop.requested()
            });
            continue;
        };
        let part: BTreeSet<CableId> = pool.install(|| {
            records
                .take_while(|_| !stop.requested())
                .par_bridge()
                .filter_map(identify)
                .fold(BTreeSet::new, |mut set, id| {
                    set.insert(id);
                    set
                })
                .reduce(BTreeSet::new, |mut a, b| {
                    a.extend(b);
                    a
                })
        });
        ids.extend(part);
    }
    Ok(ids)
}

/// `-j1`: reads, converts and writes every item on this thread, in order.
fn run_here(
    inputs: Vec<(PathBuf, Records)>,
    ctx: &Shared,
    mut writer: Writer<'_>,
    progress: &Progress,
    stop: &Stop,
    bytes_read: &AtomicU64,
) -> anyhow::Result<Report> {
    let meters: Vec<Meter> = inputs.iter().map(|(_, r)| r.meter()).collect();
    let totals: Vec<Option<u64>> = inputs.iter().map(|(_, r)| r.bytes_total()).collect();
    let mut seq = 0u64;
    let mut done_bytes = 0u64;
    let mut count = None;
    for (i, (_, records)) in inputs.into_iter().enumerate() {
        if stop.requested() {
            break;
        }
        let meter = records.meter();
        records.read_here(|item| {
            // Zips learn their member count after opening: refresh the totals.
            let now = meters.iter().map(Meter::count_hint).sum::<Option<u64>>();
            if now != count {
                count = now;
                progress.set_totals(count, totals.iter().copied().sum::<Option<u64>>());
            }
            let total = done_bytes + meter.bytes_read();
            bytes_read.store(total, Ordering::Relaxed);
            progress.bytes_read(total);
            writer.accept(seq, convert(Job { seq, item }, ctx));
            seq += 1;
            !stop.requested()
        });
        done_bytes += meters.get(i).map_or(0, Meter::bytes_read);
        bytes_read.store(done_bytes, Ordering::Relaxed);
        progress.bytes_read(done_bytes);
    }
    writer.finish()
}

/// The reader thread: numbers items across inputs and feeds the workers.
fn read(
    mut inputs: Vec<(PathBuf, Records)>,
    jobs: Sender<Job>,
    credits: &Receiver<()>,
    progress: &Progress,
    stop: &Stop,
    bytes_read: &AtomicU64,
) {
    let mut seq = 0u64;
    let mut done_bytes = 0u64;
    // Zips learn their member count after opening: refresh the totals.
    let mut count = None;
    // A credit taken but not yet spent (the end of one input keeps it for the next).
    let mut credit = false;
    for i in 0..inputs.len() {
        loop {
            if !credit {
                if credits.recv().is_err() {
                    return;
                }
                credit = true;
            }
            if stop.requested() {
                return;
            }
            let Some(item) = inputs.get_mut(i).and_then(|(_, r)| r.next()) else {
                break;
            };
            let now = inputs
                .iter()
                .map(|(_, r)| r.count_hint())
                .sum::<Option<u64>>();
            if now != count {
                count = now;
                let bytes = inputs
                    .iter()
                    .map(|(_, r)| r.bytes_total())
                    .sum::<Option<u64>>();
                progress.set_totals(count, bytes);
            }
            let total = done_bytes + inputs.get(i).map_or(0, |(_, r)| r.bytes_read());
            bytes_read.store(total, Ordering::Relaxed);
            progress.bytes_read(total);
            if jobs.send(Job { seq, item }).is_err() {
                return;
            }
            credit = false;
            seq += 1;
        }
        done_bytes += inputs.get(i).map_or(0, |(_, r)| r.bytes_read());
        bytes_read.store(done_bytes, Ordering::Relaxed);
        progress.bytes_read(done_bytes);
    }
}

/// A worker: one item to an outcome. Never panics: a panic while parsing
/// or rendering becomes a failed record carrying the panic message.
fn convert(job: Job, ctx: &Shared) -> Outcome {
    let Job { seq, item } = job;
    match item {
        Item::Record(record) => {
            if let Some(line) = ctx
                .previous
                .as_ref()
                .and_then(|p| p.reusable(seq, &record.provenance))
            {
                return Outcome::Reused(line);
            }
            match catch_unwind(AssertUnwindSafe(|| convert_record(seq, &record, ctx))) {
                Ok(outcome) => outcome,
                Err(panic) => {
                    let base = Base::fallback(&record.provenance);
                    if ctx.shard.is_some_and(|s| !s.contains(&base.key())) {
                        return Outcome::OtherShard;
                    }
                    let mut line = Line::new(seq, &record.provenance, Status::Failed);
                    line.message = Some(format!(
                        "internal error (a bug: please report it): {}",
                        panic_message(&*panic)
                    ));
                    Outcome::Done(line)
                }
            }
        }
        Item::Skipped(s) => done(seq, &s.provenance, Status::Skipped, s.reason, ctx),
        Item::Failed(f) => done(seq, &f.provenance, Status::Failed, f.error, ctx),
    }
}

fn done(seq: u64, prov: &Provenance, status: Status, message: String, ctx: &Shared) -> Outcome {
    if ctx
        .shard
        .is_some_and(|s| !s.contains(&Base::fallback(prov).key()))
    {
        return Outcome::OtherShard;
    }
    let mut line = Line::new(seq, prov, status);
    line.message = Some(message);
    Outcome::Done(line)
}

fn convert_record(seq: u64, record: &Record, ctx: &Shared) -> Outcome {
    let mut cable = cable_parse::parse_with(&record.text, &record.meta);
    note_decoding(&mut cable, record);
    note_container(&mut cable, record);
    // The record is named after the id its container states, when it
    // states one; a text that disagrees keeps its id in the model.
    let record_id = cable_parse::record_id(&cable);
    let base = record_id
        .as_ref()
        .map_or_else(|| Base::fallback(&record.provenance), Base::for_id);
    if ctx.shard.is_some_and(|s| !s.contains(&base.key())) {
        return Outcome::OtherShard;
    }
    let mut line = Line::new(seq, &record.provenance, Status::Ok);
    line.id = record_id.as_ref().map(|id| id.as_str().to_owned());
    line.diagnostics = Some(DiagnosticCounts::of(&cable));
    let mut rendered = Vec::with_capacity(ctx.formats.len());
    let mut writer_notes = Vec::new();
    for &format in &ctx.formats {
        if format == Format::Xml && ctx.xml_per_input {
            continue;
        }
        let mut buf = Vec::with_capacity(record.text.len() * 2);
        match format.write(&cable, &ctx.settings, &mut buf) {
            Ok(None) => {}
            Ok(Some(noticed)) => writer_notes.push(noticed),
            Err(e) => {
                line.status = Status::Failed;
                line.message = Some(format!("{} writer: {e}", format.name()));
                return Outcome::Done(line);
            }
        }
        let output = match &ctx.spool {
            None => Rendered::Bytes(buf),
            Some(root) => match spool(root, format, &base, seq, &buf) {
                Ok(path) => Rendered::Spooled(path),
                Err(e) => {
                    remove_spooled(rendered);
                    return Outcome::OutputError(e);
                }
            },
        };
        rendered.push((format, output));
    }
    if !writer_notes.is_empty() {
        // Counted in the index and report; the outputs are already written.
        cable.diagnostics.extend(writer_notes);
        line.diagnostics = Some(DiagnosticCounts::of(&cable));
    }
    Outcome::Converted {
        line,
        base,
        rendered,
        collect: ctx.xml_per_input.then(|| Box::new(cable)),
    }
}

/// Writes `bytes` to `<root>/<format>/<year>/.spool-<seq>.<ext>.cablekit-tmp`.
fn spool(
    root: &std::path::Path,
    format: Format,
    base: &Base,
    seq: u64,
    bytes: &[u8],
) -> Result<PathBuf, String> {
    let dir = root.join(format.dir()).join(base.dir());
    let path = dir.join(format!(
        ".spool-{seq}.{}{}",
        format.extension(),
        crate::resume::TEMP_SUFFIX
    ));
    let written = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, bytes));
    if let Err(e) = written {
        // A full disk can leave a partial file behind.
        let _ = std::fs::remove_file(&path);
        return Err(format!(
            "cannot write {}: {e}; choose a writable --out with free space",
            path.display()
        ));
    }
    Ok(path)
}

/// Records what decoding the bytes did, which the parser cannot know.
fn note_decoding(cable: &mut Cable, record: &Record) {
    if record.had_decoding_errors {
        let message = format!("bytes not valid in {} were replaced", record.encoding);
        cable
            .diagnostics
            .push(Diagnostic::new(Code::InvalidEncoding, None, message));
    }
    if record.encoding != "UTF-8" && !record.encoding.is_empty() {
        let message = format!("decoded from {}", record.encoding);
        cable
            .diagnostics
            .push(Diagnostic::new(Code::LegacyEncoding, None, message));
    }
}

/// What the container reader noticed about the record (`Record::notes`)
/// reaches the model as diagnostics, not dropped.
fn note_container(cable: &mut Cable, record: &Record) {
    for note in &record.notes {
        cable
            .diagnostics
            .push(Diagnostic::new(Code::ContainerNote, None, note.clone()));
    }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_owned())
}

/// The sink thread: returns a credit to the reader for each outcome written.
fn write(
    mut writer: Writer<'_>,
    outcomes: &Receiver<(u64, Outcome)>,
    credits: &Sender<()>,
) -> anyhow::Result<Report> {
    for (seq, outcome) in outcomes {
        for _ in 0..writer.accept(seq, outcome) {
            let _ = credits.try_send(());
        }
    }
    writer.finish()
}

/// Puts outcomes back in `seq` order, names and writes them, and keeps the
/// report: the sink thread's work, or part of the one thread's with `-j1`.
struct Writer<'a> {
    sink: Sink,
    report: Report,
    namer: Namer,
    /// Outcomes that arrived before their turn.
    pending: BTreeMap<u64, Outcome>,
    next: u64,
    fatal: Option<anyhow::Error>,
    messages: u32,
    cfg: &'a Config,
    progress: &'a Progress,
    stop: &'a Stop,
}

impl<'a> Writer<'a> {
    fn new(sink: Sink, cfg: &'a Config, progress: &'a Progress, stop: &'a Stop) -> Self {
        Writer {
            sink,
            report: Report::default(),
            namer: Namer::default(),
            pending: BTreeMap::new(),
            next: 0,
            fatal: None,
            messages: 0,
            cfg,
            progress,
            stop,
        }
    }

    /// Takes the outcome of item `seq`; writes it and every outcome it was
    /// holding up. Returns how many outcomes left (were written or dropped).
    fn accept(&mut self, seq: u64, outcome: Outcome) -> usize {
        let mut left = 0;
        self.pending.insert(seq, outcome);
        while let Some(outcome) = self.pending.remove(&self.next) {
            self.next += 1;
            left += 1;
            self.write_one(outcome);
        }
        left
    }

    fn write_one(&mut self, outcome: Outcome) {
        if self.fatal.is_some() {
            discard(outcome);
            return;
        }
        match handle(outcome, &mut self.sink, &mut self.namer, &mut self.report) {
            Ok(Some(line)) if line.status == Status::Failed => {
                self.messages += 1;
                if self.messages <= 20 {
                    self.progress.message(&failure_message(&line));
                } else if self.messages == 21 {
                    self.progress
                        .message("cablekit: more failures: see index.jsonl");
                }
                if self.cfg.fail_fast {
                    self.stop.request(StopReason::FailFast);
                }
            }
            Ok(_) => {}
            Err(e) => {
                self.stop.request(StopReason::Fatal);
                self.fatal = Some(e);
            }
        }
        self.progress
            .item_done(self.report.failed, self.report.warnings);
    }

    /// Completes the output, or drops it after a fatal error.
    fn finish(self) -> anyhow::Result<Report> {
        for (_, outcome) in self.pending {
            discard(outcome);
        }
        if let Some(e) = self.fatal {
            self.sink.abandon();
            return Err(e);
        }
        self.sink.finish()?;
        Ok(self.report)
    }
}

/// Writes one outcome; returns its index line (none for other shards).
fn handle(
    outcome: Outcome,
    sink: &mut Sink,
    namer: &mut Namer,
    report: &mut Report,
) -> anyhow::Result<Option<Line>> {
    let (line, reused) = match outcome {
        Outcome::OtherShard => {
            report.other_shards += 1;
            return Ok(None);
        }
        Outcome::Converted {
            mut line,
            base,
            rendered,
            collect,
        } => {
            let name = namer.assign(&base);
            let mut rendered = rendered.into_iter();
            while let Some((format, output)) = rendered.next() {
                let path = name.path(format);
                let written = match &output {
                    Rendered::Bytes(bytes) => sink.put(&path, bytes),
                    Rendered::Spooled(temp) => sink.adopt(&path, temp),
                };
                if let Err(e) = written {
                    remove_spooled(std::iter::once((format, output)).chain(rendered));
                    return Err(e);
                }
                line.outputs.insert(format.name().to_owned(), path);
            }
            if let Some(cable) = collect {
                let (path, replaced) = sink.collect(&line.input, &cable)?;
                line.outputs.insert(Format::Xml.name().to_owned(), path);
                if let (true, Some(d)) = (replaced > 0, line.diagnostics.as_mut()) {
                    d.info += 1;
                    *d.codes
                        .entry(Code::XmlCharacterReplaced.name().to_owned())
                        .or_default() += 1;
                }
            }
            (line, false)
        }
        Outcome::Reused(line) => {
            for (format, path) in &line.outputs {
                let name = Format::ALL
                    .into_iter()
                    .find(|f| f.name() == format)
                    .and_then(|f| Name::from_path(f, path));
                if let Some(name) = name {
                    namer.reserve(&name);
                }
            }
            (line, true)
        }
        Outcome::Done(line) => (line, false),
        Outcome::OutputError(e) => anyhow::bail!(e),
    };
    sink.index(&line.to_json())?;
    report.count(&line, reused);
    Ok(Some(line))
}

/// Removes the spool files of an outcome that will not be written.
fn discard(outcome: Outcome) {
    if let Outcome::Converted { rendered, .. } = outcome {
        remove_spooled(rendered);
    }
}

fn remove_spooled(rendered: impl IntoIterator<Item = (Format, Rendered)>) {
    for (_, output) in rendered {
        if let Rendered::Spooled(temp) = output {
            let _ = std::fs::remove_file(temp);
        }
    }
}

fn failure_message(line: &Line) -> String {
    let mut place = line.input.clone();
    if let Some(member) = &line.member {
        place = format!("{place}: {member}");
    }
    if let Some(row) = line.row {
        place = format!("{place}: row {row}");
    }
    let message = line.message.as_deref().unwrap_or("unknown error");
    // Archive errors already name their input and member: don't say it twice.
    if message.starts_with(&place) {
        format!("cablekit: failed: {message}")
    } else {
        format!("cablekit: failed: {place}: {message}")
    }
}
