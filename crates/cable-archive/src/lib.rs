//! # Brief overview
//!
//! `cable-archive` turns one input path into a lazy stream of [`Item`]s:
//! cable [`Record`]s (text + container metadata + [`Provenance`]), members
//! it skipped with a reason, and members it could not read. It knows
//! nothing of progress bars or output formats, and never interprets cable
//! content beyond sniffing whether a file looks like a cable at all.
//!
//! Inputs are detected by content (magic bytes, first line), not only by
//! extension, and nest (`cables.csv` inside a `.7z`, HTML pages inside a
//! `.tar.gz`) up to [`Limits::max_depth`]. See `docs/inputs.md` for every
//! supported input and what metadata it yields.
//!
//! Reading is streaming: as an iterator, one helper thread per opened
//! input walks the containers (the 7z decoder only offers a callback
//! interface) and hands items over a small bounded channel, so memory
//! stays bounded by the largest member and items are produced only as fast
//! as they are taken. Dropping [`Records`] stops the helper thread at its
//! next item. [`Records::read_here`] does the same walk on the calling
//! thread, handing each item to a function (a single-threaded consumer
//! needs no second thread).
//!
//! ```no_run
//! let mut records = cable_archive::open(std::path::Path::new("cables.csv"), &cable_archive::Limits::default())?;
//! for item in records.by_ref() {
//!     if let cable_archive::Item::Record(r) = item {
//!         let _ = (r.seq, &r.text);
//!     }
//! }
//! # Ok::<(), cable_archive::Error>(())
//! ```

mod csv;
mod detect;
mod dir;
mod encoding;
mod gzip;
mod html;
mod limits;
mod member;
mod meta;
mod provenance;
mod sevenz;
mod sink;
mod tar;
mod text;
mod zip;

pub use detect::Kind;
pub use limits::{Limits, RATIO_FLOOR};
pub use provenance::Provenance;

use cable_model::ContainerMeta;
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, sync_channel};

/// One cable text with what its container said about it.
///
/// ```text
/// "2","2/25/1972 9:30","72TEHRAN1164","Embassy Tehran","UNCLASSIFIED","72MOSCOW1603|…","R 250930Z FEB 72 …","UNCLASSIFIED …"
///   -> provenance.row 2, meta.id "72TEHRAN1164", text "R 250930Z FEB 72 …\nUNCLASSIFIED …"
/// ```
#[derive(Debug, Clone)]
pub struct Record {
    /// 0-based sequence number in the input's stream of items.
    pub seq: u64,
    /// Where it came from.
    pub provenance: Provenance,
    /// What the container said (id, date, origin, classification, references).
    pub meta: ContainerMeta,
    /// The cable text, decoded to UTF-8 (for CSV: header, newline, body).
    pub text: String,
    /// The encoding the bytes were decoded from: `UTF-8`, `windows-1252`, `UTF-16LE`.
    pub encoding: &'static str,
    /// Whether invalid byte sequences had to be replaced while decoding.
    pub had_decoding_errors: bool,
    /// What the container detected as the rendering of this record.
    pub kind: Kind,
    /// Observations about the container's own data, for the report:
    /// `container id "7575LIBREVILLE1895" is malformed (kept as written)`.
    pub notes: Vec<String>,
}

/// A member that was seen and deliberately not converted.
///
/// ```text
/// corpus/README.md -> "not a cable (Markdown file)"
/// ```
#[derive(Debug, Clone)]
pub struct Skipped {
    /// 0-based sequence number in the input's stream of items.
    pub seq: u64,
    /// Where it came from.
    pub provenance: Provenance,
    /// Why: "not a cable (binary file)", "symlink member", ...
    pub reason: String,
}

/// A member or row that could not be read.
///
/// ```text
/// a.tar, member "../evil.txt" -> "refused member \"../evil.txt\": path escapes the archive"
/// ```
#[derive(Debug, Clone)]
pub struct Failed {
    /// 0-based sequence number in the input's stream of items.
    pub seq: u64,
    /// Where it came from.
    pub provenance: Provenance,
    /// What went wrong, naming the member.
    pub error: String,
}

/// One item of the stream.
// Items move one at a time; boxing `Record` would change the shape the
// driver matches on (`Item::Record(r)`) for no measurable gain.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum Item {
    /// A cable text to parse.
    Record(Record),
    /// A member deliberately not converted.
    Skipped(Skipped),
    /// A member or row that could not be read.
    Failed(Failed),
}

impl Item {
    /// The item's sequence number.
    pub fn seq(&self) -> u64 {
        match self {
            Item::Record(r) => r.seq,
            Item::Skipped(s) => s.seq,
            Item::Failed(f) => f.seq,
        }
    }

    /// Where the item came from.
    pub fn provenance(&self) -> &Provenance {
        match self {
            Item::Record(r) => &r.provenance,
            Item::Skipped(s) => &s.provenance,
            Item::Failed(f) => &f.provenance,
        }
    }
}

/// An error that stops reading an input as a whole.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input could not be opened or read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The input.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// The lazy stream of items of one input.
///
/// Items arrive in a deterministic order with consecutive `seq` numbers
/// starting at 0. Nothing is read before the first item is asked for:
/// then either [`Iterator::next`] starts the helper thread, or
/// [`Records::read_here`] reads on the calling thread.
pub struct Records {
    state: State,
    meter: Meter,
    bytes_total: Option<u64>,
    kind: Kind,
}

/// The reading work of one input, not started yet.
type Work = Box<dyn for<'a> FnOnce(&mut sink::Sink<'a>) -> Result<(), sink::Stop> + Send>;

/// Whether reading has started, and where.
enum State {
    /// Not started: the input, its limits and the work that reads it.
    Pending {
        input: PathBuf,
        limits: Limits,
        work: Work,
    },
    /// Started on the helper thread, which sends items here.
    Running(Receiver<Item>),
    /// Finished, or the helper thread could not start.
    Done,
}

/// Live counters of one input's reading, readable while it goes on (for
/// progress bars), also from another thread.
#[derive(Debug, Clone)]
pub struct Meter {
    bytes_read: Arc<AtomicU64>,
    count_hint: Arc<AtomicU64>,
}

impl Meter {
    /// Bytes of the raw input read so far (compressed bytes for compressed inputs).
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read.load(Ordering::Relaxed)
    }

    /// The number of members, when the container knows it up front (zip
    /// archives); `None` otherwise.
    pub fn count_hint(&self) -> Option<u64> {
        match self.count_hint.load(Ordering::Relaxed) {
            0 => None,
            n => Some(n),
        }
    }
}

impl std::fmt::Debug for Records {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Records")
            .field("bytes_read", &self.bytes_read())
            .field("bytes_total", &self.bytes_total)
            .field("kind", &self.kind)
            .finish_non_exhaustive()
    }
}

impl Records {
    /// Bytes of the raw input read so far (compressed bytes for compressed inputs).
    pub fn bytes_read(&self) -> u64 {
        self.meter.bytes_read()
    }
    /// The raw input's size in bytes, when known (files; for directories the
    /// sum is not computed up front, so `None`).
    pub fn bytes_total(&self) -> Option<u64> {
        self.bytes_total
    }
    /// The number of members, when the container knows it up front (zip
    /// archives); `None` otherwise.
    pub fn count_hint(&self) -> Option<u64> {
        self.meter.count_hint()
    }
    /// What the input itself was detected as.
    pub fn kind(&self) -> Kind {
        self.kind
    }
    /// The live counters, to watch reading done by [`Records::read_here`].
    pub fn meter(&self) -> Meter {
        self.meter.clone()
    }

    /// Reads the items on the calling thread, with no helper thread and no
    /// channel, handing each to `visit` in order; reading stops early when
    /// `visit` returns `false`. The items are those the iterator would
    /// give, with the same `seq` numbers. (If iteration already started,
    /// the rest of the items are handed over from the helper thread.)
    pub fn read_here(mut self, mut visit: impl FnMut(Item) -> bool) {
        match std::mem::replace(&mut self.state, State::Done) {
            State::Pending {
                input,
                limits,
                work,
            } => {
                let mut sink = sink::Sink::visit(
                    &mut visit,
                    input,
                    limits,
                    Arc::clone(&self.meter.bytes_read),
                    Arc::clone(&self.meter.count_hint),
                );
                let _ = work(&mut sink);
            }
            State::Running(rx) => {
                for item in rx {
                    if !visit(item) {
                        break;
                    }
                }
            }
            State::Done => {}
        }
    }

    /// Starts the helper thread (if it cannot start, the stream is one
    /// failed item saying so).
    fn start(&mut self) {
        let State::Pending {
            input,
            limits,
            work,
        } = std::mem::replace(&mut self.state, State::Done)
        else {
            return;
        };
        let (tx, rx) = sync_channel(CHANNEL_BOUND);
        let bytes_read = Arc::clone(&self.meter.bytes_read);
        let count_hint = Arc::clone(&self.meter.count_hint);
        let spawned = std::thread::Builder::new()
            .name("cable-archive".into())
            .spawn(move || {
                let mut sink = sink::Sink::channel(tx, input, limits, bytes_read, count_hint);
                let _ = work(&mut sink);
            });
        self.state = match spawned {
            Ok(_) => State::Running(rx),
            Err(e) => {
                // Without a thread there is nothing to read; report it as one item.
                let (tx, rx) = sync_channel(1);
                let _ = tx.send(Item::Failed(Failed {
                    seq: 0,
                    provenance: Provenance::default(),
                    error: format!("cannot start the reader thread: {e}"),
                }));
                State::Running(rx)
            }
        };
    }
}

impl Iterator for Records {
    type Item = Item;
    fn next(&mut self) -> Option<Item> {
        if matches!(self.state, State::Pending { .. }) {
            self.start();
        }
        match &self.state {
            State::Running(rx) => rx.recv().ok(),
            State::Pending { .. } | State::Done => None,
        }
    }
}

/// How many items the helper thread may read ahead of the consumer.
const CHANNEL_BOUND: usize = 8;

/// Opens one input (`-` for standard input) and detects its kind by content.
///
/// Fails only when the input itself cannot be opened; everything that goes
/// wrong inside it arrives as [`Item::Failed`].
pub fn open(path: &Path, limits: &Limits) -> Result<Records, Error> {
    if path.as_os_str() == "-" {
        return Ok(open_reader(path, std::io::stdin(), limits));
    }
    let io_err = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io_err)?;
    if meta.is_dir() {
        let input = path.to_path_buf();
        return Ok(spawn(input, None, Kind::Directory, limits, move |sink| {
            let root = path_owned(sink);
            dir::walk(sink, &root)
        }));
    }
    let file = std::fs::File::open(path).map_err(io_err)?;
    if !meta.is_file() {
        // A FIFO or character device (`<(zcat x.gz)`, `/dev/stdin`): a stream.
        return Ok(open_reader(path, file, limits));
    }
    let mut head = Vec::new();
    (&file)
        .take(detect::HEAD_LEN as u64)
        .read_to_end(&mut head)
        .map_err(io_err)?;
    let kind = detect::sniff(&head);
    (&file).rewind().map_err(io_err)?;
    let input = path.to_path_buf();
    Ok(spawn(input, Some(meta.len()), kind, limits, move |sink| {
        member::read_file(sink, file, member::Ctx::top())
    }))
}

/// Opens an already open byte stream (standard input, a socket) named
/// `name` in provenance, and detects its kind by content. Zip and 7z
/// streams are buffered up to [`Limits::max_member_bytes`] because their
/// readers need to seek.
pub fn open_reader<R: Read + Send + 'static>(name: &Path, reader: R, limits: &Limits) -> Records {
    spawn(
        name.to_path_buf(),
        None,
        Kind::Unknown,
        limits,
        move |sink| {
            let mut reader = member::Counting::new(reader, sink.bytes_read_counter());
            member::read_stream(sink, &mut reader, member::Ctx::top())
        },
    )
}

fn path_owned(sink: &sink::Sink<'_>) -> PathBuf {
    sink.input().to_path_buf()
}

fn spawn<F>(input: PathBuf, total: Option<u64>, kind: Kind, limits: &Limits, work: F) -> Records
where
    F: for<'a> FnOnce(&mut sink::Sink<'a>) -> Result<(), sink::Stop> + Send + 'static,
{
    Records {
        state: State::Pending {
            input,
            limits: limits.clone(),
            work: Box::new(work),
        },
        meter: Meter {
            bytes_read: Arc::new(AtomicU64::new(0)),
            count_hint: Arc::new(AtomicU64::new(0)),
        },
        bytes_total: total,
        kind,
    }
}
