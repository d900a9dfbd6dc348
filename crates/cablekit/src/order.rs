//! The ordered section: puts the workers' batches back in input order,
//! names each cable (so `~2` suffixes are the same for any `-j`), appends
//! the index lines, keeps the report, and hands the writes out.
//!
//! There is no sink thread. The worker that delivers the batch the order
//! is waiting for takes every batch now in order (its own and those that
//! arrived early), under one short lock, and then writes their files
//! itself, outside the lock: a tree's files go to their final names in
//! parallel with the other workers' conversions; an archive's entries are
//! appended under the archive's own lock, taken before the order lock is
//! released so that entries keep the input order. The index lines of what
//! was taken are appended once its files are written, in the order the
//! groups were taken (a ticket per group), so a line never names a file
//! that is not yet complete.

use crate::convert::{Outcome, Rendered};
use crate::flags::{Config, Output};
use crate::format::Format;
use crate::index::{Line, Status};
use crate::layout::{Name, Namer};
use crate::progress::Progress;
use crate::report::Report;
use crate::signal::{Stop, StopReason};
use crate::sink::{self, Archive, Index, Sink};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, PoisonError};

/// The outcomes of one batch of consecutive items.
pub(crate) struct Delivery {
    /// The batch's number (batches are numbered from 0 in input order).
    pub(crate) number: u64,
    /// `(seq, outcome)` in input order.
    pub(crate) outcomes: Vec<(u64, Outcome)>,
    /// The batch's weight in the in-flight budget (bytes of text).
    pub(crate) weight: u64,
}

/// What the ordered section decided and the delivering worker writes.
enum Write {
    File(PathBuf, Vec<u8>),
    Entry(String, Vec<u8>),
}

struct State {
    sink: Option<Sink>,
    namer: Namer,
    report: Report,
    next: u64,
    pending: BTreeMap<u64, Delivery>,
    fatal: Option<anyhow::Error>,
    messages: u32,
    /// Index lines of the batches being taken, written at once.
    lines: String,
    /// The ticket of the next group taken.
    ticket: u64,
}

/// Index lines waiting for their files, appended in ticket order.
struct Lines {
    index: Option<Index>,
    next: u64,
    /// Groups whose files are written (`None`: a write failed, nothing
    /// more is appended).
    ready: BTreeMap<u64, Option<String>>,
    broken: bool,
}

/// The ordered section (shared by the workers, or used by the one thread
/// of `-j1`).
pub(crate) struct Order<'a> {
    state: Mutex<State>,
    archive: Mutex<Option<Archive>>,
    lines: Mutex<Lines>,
    cfg: &'a Config,
    progress: &'a Progress,
    stop: &'a Stop,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl<'a> Order<'a> {
    pub(crate) fn new(
        sink: Sink,
        index: Option<Index>,
        archive: Option<Archive>,
        cfg: &'a Config,
        progress: &'a Progress,
        stop: &'a Stop,
    ) -> Self {
        Order {
            state: Mutex::new(State {
                sink: Some(sink),
                namer: Namer::new(cfg.format_dirs),
                report: Report::default(),
                next: 0,
                pending: BTreeMap::new(),
                fatal: None,
                messages: 0,
                lines: String::new(),
                ticket: 0,
            }),
            archive: Mutex::new(archive),
            lines: Mutex::new(Lines {
                index,
                next: 0,
                ready: BTreeMap::new(),
                broken: false,
            }),
            cfg,
            progress,
            stop,
        }
    }

    /// Takes one batch; names, indexes and writes it and every batch it
    /// was holding up. Returns how many batches were written and their
    /// weight, to be given back to the in-flight budget.
    pub(crate) fn deliver(&self, delivery: Delivery) -> (usize, u64) {
        let mut st = lock(&self.state);
        st.pending.insert(delivery.number, delivery);
        let mut writes = Vec::new();
        let (mut batches, mut weight) = (0, 0);
        while let Some(batch) = {
            let next = st.next;
            st.pending.remove(&next)
        } {
            st.next += 1;
            batches += 1;
            weight += batch.weight;
            for (_, outcome) in batch.outcomes {
                self.take(&mut st, outcome, &mut writes);
            }
        }
        let lines = std::mem::take(&mut st.lines);
        let ticket = st.ticket;
        st.ticket += 1;
        let entries = writes.iter().any(|w| matches!(w, Write::Entry(..)));
        let archive = entries.then(|| lock(&self.archive));
        drop(st);
        let mut failed = None;
        let mut archive = archive;
        for write in writes {
            if failed.is_some() {
                break;
            }
            let result = match write {
                Write::File(path, bytes) => sink::write_file(&path, &bytes),
                Write::Entry(rel, bytes) => match archive.as_mut().and_then(|a| a.as_mut()) {
                    Some(a) => a.append(&rel, &bytes),
                    None => Ok(()),
                },
            };
            failed = result.err();
        }
        drop(archive);
        let ok = failed.is_none();
        if let Some(e) = failed {
            let mut st = lock(&self.state);
            self.fail(&mut st, e);
        }
        if let Err(e) = self.append_lines(ticket, ok.then_some(lines)) {
            let mut st = lock(&self.state);
            self.fail(&mut st, e);
        }
        (batches, weight)
    }

    /// Appends the index lines of group `ticket` (`None`: its files could
    /// not be written) and of every group ready after it, in ticket order.
    fn append_lines(&self, ticket: u64, lines: Option<String>) -> anyhow::Result<()> {
        let mut l = lock(&self.lines);
        l.ready.insert(ticket, lines);
        while let Some(group) = {
            let next = l.next;
            l.ready.remove(&next)
        } {
            l.next += 1;
            match group {
                Some(text) if !l.broken && !text.is_empty() => {
                    if let Some(index) = l.index.as_mut()
                        && let Err(e) = index.append(&text)
                    {
                        l.broken = true;
                        return Err(e);
                    }
                }
                Some(_) => {}
                None => l.broken = true,
            }
        }
        Ok(())
    }

    fn fail(&self, st: &mut State, e: anyhow::Error) {
        self.stop.request(StopReason::Fatal);
        if st.fatal.is_none() {
            st.fatal = Some(e);
        }
    }

    /// Names, indexes and counts one outcome; queues its writes.
    fn take(&self, st: &mut State, outcome: Outcome, writes: &mut Vec<Write>) {
        if st.fatal.is_some() {
            return;
        }
        let result = self.handle(st, outcome, writes);
        match result {
            Ok(Some(line)) if line.status == Status::Failed => {
                st.messages += 1;
                if st.messages <= 20 || self.cfg.verbose {
                    self.progress.message(&failure_message(&line));
                } else if st.messages == 21 {
                    self.progress
                        .message("cablekit: more failures: see index.jsonl (or use --verbose)");
                }
                if self.cfg.fail_fast {
                    self.stop.request(StopReason::FailFast);
                }
            }
            Ok(Some(line)) if line.status == Status::Skipped && self.cfg.verbose => {
                self.progress.message(&skip_message(&line));
            }
            Ok(_) => {}
            Err(e) => self.fail(st, e),
        }
        self.progress
            .item_done(st.report.failed, st.report.warnings);
    }

    fn handle(
        &self,
        st: &mut State,
        outcome: Outcome,
        writes: &mut Vec<Write>,
    ) -> anyhow::Result<Option<Line>> {
        let (line, reused) = match outcome {
            Outcome::OtherShard => {
                st.report.other_shards += 1;
                return Ok(None);
            }
            Outcome::Converted {
                mut line,
                base,
                rendered,
                fragment,
            } => {
                let name = st.namer.assign(&base);
                let first = name.is_first();
                for r in rendered {
                    let Rendered {
                        format,
                        bytes,
                        len,
                        crc,
                    } = r;
                    let rel = name.path(format);
                    self.place(st, &rel, bytes, len, first, writes)?;
                    let key = format.name().to_owned();
                    line.sizes.insert(key.clone(), len);
                    line.crc32.insert(key.clone(), format!("{crc:08x}"));
                    line.outputs.insert(key, rel);
                }
                if let Some((fragment, _)) = fragment {
                    let input = line.input.clone();
                    if let Some(sink) = st.sink.as_mut() {
                        let rel = sink.collect(&input, &fragment)?;
                        line.outputs.insert(Format::Xml.name().to_owned(), rel);
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
                        st.namer.reserve(&name);
                    }
                }
                (line, true)
            }
            Outcome::Done(line) => (line, false),
        };
        st.lines.push_str(&line.to_json());
        st.report.count(&line, reused);
        Ok(Some(line))
    }

    /// Decides where one rendered output goes.
    fn place(
        &self,
        st: &mut State,
        rel: &str,
        bytes: Vec<u8>,
        len: u64,
        first: bool,
        writes: &mut Vec<Write>,
    ) -> anyhow::Result<()> {
        match &self.cfg.output {
            Output::Tree(_) => {
                let Some(sink) = st.sink.as_mut() else {
                    return Ok(());
                };
                let path = sink.prepare(rel)?;
                writes.push(Write::File(path, bytes));
            }
            Output::Archive(crate::flags::ArchiveKind::Tar, _) => {
                // Workers framed the entry under the first copy's name.
                let entry = if first {
                    bytes
                } else {
                    let data = sink::tar_entry_data(&bytes, usize::try_from(len).unwrap_or(0));
                    sink::tar_entry(rel, data)?
                };
                writes.push(Write::Entry(rel.to_owned(), entry));
            }
            Output::Archive(crate::flags::ArchiveKind::Zip, _) => {
                writes.push(Write::Entry(rel.to_owned(), bytes));
            }
            Output::Document(_) => {
                if let Some(sink) = st.sink.as_mut() {
                    sink.print(bytes, rel.ends_with(".yaml"))?;
                }
            }
        }
        Ok(())
    }

    /// Completes the output, or drops it after a fatal error.
    pub(crate) fn finish(self) -> anyhow::Result<Report> {
        let st = self
            .state
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        let archive = self
            .archive
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        let lines = self
            .lines
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(e) = st.fatal {
            if let Some(sink) = st.sink {
                sink.abandon();
            }
            if let Some(archive) = archive {
                archive.abandon();
            }
            return Err(e);
        }
        if let Some(sink) = st.sink {
            sink.finish()?;
        }
        let index = match lines.index {
            Some(index) => index.finish()?,
            None => None,
        };
        if let Some(archive) = archive {
            archive.finish(index)?;
        }
        Ok(st.report)
    }
}

fn failure_message(line: &Line) -> String {
    let message = line.message.as_deref().unwrap_or("unknown error");
    let place = place(line);
    // Archive errors already name their input and member: don't say it twice.
    if message.starts_with(&place) {
        format!("cablekit: failed: {}", crate::escape::printable(message))
    } else {
        format!(
            "cablekit: failed: {}: {}",
            crate::escape::printable(&place),
            crate::escape::printable(message)
        )
    }
}

fn skip_message(line: &Line) -> String {
    format!(
        "cablekit: skipped: {}: {}",
        crate::escape::printable(&place(line)),
        crate::escape::printable(line.message.as_deref().unwrap_or(""))
    )
}

fn place(line: &Line) -> String {
    let mut place = line.input.clone();
    if let Some(member) = &line.member {
        place = format!("{place}: {member}");
    }
    if let Some(row) = line.row {
        place = format!("{place}: row {row}");
    }
    place
}
