//! The inputs of a run and the cross-link pre-pass over them.
//!
//! Cross-links need the run's ids before the first cable is written (it
//! may cite the last one), so with links on every input is read twice:
//! once for ids, once to convert. The pre-pass parses nothing where the
//! container states the id (the `cables.csv` id column, a cablegate page's
//! file name, an alx-txt preamble: see `cable_archive::Records::scan_ids`);
//! only records without a stated id are identified from their text
//! (`cable_parse::identify`, the header alone), in batches on the run's
//! worker pool, within an in-flight window like the conversion's. The id
//! set is sorted when built, so it does not depend on which worker found
//! which id.
//!
//! An input that cannot be read twice (standard input, a FIFO such as
//! `<(zcat cables.csv.gz)`, a character device) is read once: with links
//! on it is first copied to an unnamed temporary file (in `TMPDIR`) and
//! both passes read the copy; with links off it is converted as it is read.

use crate::idset::{IdSet, IdSetBuilder};
use crate::signal::Stop;
use crate::window::Window;
use anyhow::Context;
use cable_archive::{Found, Limits, Record, Records};
use rayon::ThreadPool;
use std::fs::File;
use std::io::{Seek, Write};
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

/// One input of the run.
pub(crate) struct Input {
    /// The path as given (`-` for standard input): the provenance name.
    pub(crate) name: PathBuf,
    /// Where its bytes are read from.
    source: Source,
}

enum Source {
    /// The path itself (a file or directory), or a stream read once.
    Path,
    /// A copy of a stream in an unnamed temporary file.
    Spooled(File),
}

impl Input {
    /// The name records of this input carry: the path as given, `stdin`
    /// for `-` (so a cable without an id is `unknown/stdin`, not `-`).
    pub(crate) fn display(&self) -> &Path {
        if self.name.as_os_str() == "-" {
            Path::new("stdin")
        } else {
            &self.name
        }
    }

    /// Opens the input for one pass.
    pub(crate) fn open(&self, limits: &Limits) -> anyhow::Result<Records> {
        let records = match &self.source {
            Source::Path if self.name.as_os_str() == "-" => Ok(cable_archive::open_reader(
                self.display(),
                std::io::stdin(),
                limits,
            )),
            Source::Path => cable_archive::open(&self.name, limits),
            Source::Spooled(file) => {
                let mut file = file
                    .try_clone()
                    .context("cannot reopen the spooled input")?;
                file.rewind().context("cannot reopen the spooled input")?;
                cable_archive::open_file(self.display(), file, limits)
            }
        };
        records.map_err(|e| anyhow::anyhow!("{e}: check the path and that it is a supported input"))
    }
}

/// The inputs of the run; streams are spooled when they must be read twice.
pub(crate) fn inputs(paths: &[PathBuf], twice: bool) -> anyhow::Result<Vec<Input>> {
    paths
        .iter()
        .map(|name| {
            let source = if !twice || cable_archive::is_rereadable(name) {
                Source::Path
            } else {
                Source::Spooled(spool(name)?)
            };
            Ok(Input {
                name: name.clone(),
                source,
            })
        })
        .collect()
}

/// Copies a stream to an unnamed temporary file, reading it once.
fn spool(name: &Path) -> anyhow::Result<File> {
    let hint = || {
        format!(
            "cannot copy {} to a temporary file for the cross-link pre-pass: check TMPDIR's free space, or give --no-links to read it once without copying",
            name.display()
        )
    };
    let mut file = tempfile::tempfile().with_context(hint)?;
    if name.as_os_str() == "-" {
        std::io::copy(&mut std::io::stdin().lock(), &mut file).with_context(hint)?;
    } else {
        let mut stream = File::open(name).with_context(hint)?;
        std::io::copy(&mut stream, &mut file).with_context(hint)?;
    }
    file.flush().with_context(hint)?;
    Ok(file)
}

/// How many records without a stated id are identified per task.
const IDENTIFY_BATCH: usize = 64;
/// Identify tasks in flight per worker.
const TASKS_PER_WORKER: usize = 2;
/// Bytes of text in flight at most (a larger record goes alone).
const WINDOW_BYTES: u64 = 64 << 20;

/// Collects the ids of every input: stated ids as they are scanned on
/// the calling thread, records without one identified in batches on the
/// run's worker `pool` (on the calling thread for `-j1`, `pool` `None`).
pub(crate) fn collect_ids(
    inputs: &[Input],
    limits: &Limits,
    pool: Option<&ThreadPool>,
    stop: &Stop,
) -> anyhow::Result<IdSet> {
    let ids = Mutex::new(IdSetBuilder::default());
    let opened = inputs
        .iter()
        .map(|input| input.open(limits))
        .collect::<anyhow::Result<Vec<_>>>()?;
    match pool {
        None => scan(opened, stop, &ids, &mut |batch| {
            let found = identify(batch);
            lock(&ids).extend(found);
            true
        }),
        Some(pool) => {
            let window = Window::new(pool.current_num_threads() * TASKS_PER_WORKER, WINDOW_BYTES);
            let (ids, window) = (&ids, &window);
            pool.in_place_scope(|scope| {
                scan(opened, stop, ids, &mut |batch| {
                    let weight = batch.iter().map(|r| r.text.len() as u64).sum();
                    if !window.acquire(weight) {
                        return false;
                    }
                    scope.spawn(move |_| {
                        match catch_unwind(AssertUnwindSafe(|| identify(batch))) {
                            Ok(found) => lock(ids).extend(found),
                            Err(panic) => {
                                window.close();
                                resume_unwind(panic);
                            }
                        }
                        window.release(1, weight);
                    });
                    true
                });
            });
        }
    }
    Ok(ids
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner)
        .build())
}

/// The one id-scanning loop: takes the stated ids into `ids` and hands
/// batches of records without one to `identify_batch` (which returns
/// `false` to stop).
fn scan(
    opened: Vec<Records>,
    stop: &Stop,
    ids: &Mutex<IdSetBuilder>,
    identify_batch: &mut dyn FnMut(Vec<Record>) -> bool,
) {
    let mut open = true;
    for records in opened {
        if !open || stop.requested() {
            break;
        }
        let mut stated = IdSetBuilder::default();
        let mut batch = Vec::new();
        records.scan_ids(|found| {
            match found {
                Found::Stated { id, .. } => {
                    if let Some(id) = cable_parse::canonical_id(&id) {
                        stated.push(&id);
                    }
                }
                Found::Record(r) => batch.push(r),
            }
            if batch.len() >= IDENTIFY_BATCH {
                open = identify_batch(std::mem::take(&mut batch));
            }
            open && !stop.requested()
        });
        if open && !batch.is_empty() {
            open = identify_batch(batch);
        }
        lock(ids).extend(stated);
    }
}

/// The ids of records whose container states none, from their headers.
fn identify(batch: Vec<Record>) -> IdSetBuilder {
    let mut found = IdSetBuilder::default();
    for r in batch {
        let id = catch_unwind(AssertUnwindSafe(|| cable_parse::identify(&r.text, &r.meta)))
            .ok()
            .flatten();
        if let Some(id) = id {
            found.push(&id);
        }
    }
    found
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}
