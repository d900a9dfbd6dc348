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
//! Reading is streaming and threadless: [`Records::for_each`] walks the
//! containers on the calling thread and hands each item to a function as
//! soon as it is read (push style; the 7z decoder only offers a callback
//! interface, and push style lets every container share one walk), so
//! memory stays bounded by the largest member and the caller decides how
//! items are spread over threads. [`Records::scan_ids`] is the same walk
//! for a caller that needs only the ids of an input: it reads the ids the
//! containers state (the `cables.csv` id column, the cablegate page's file
//! name) without decoding or splitting the cable texts.
//!
//! ```no_run
//! let records = cable_archive::open(std::path::Path::new("cables.csv"), &cable_archive::Limits::default())?;
//! records.for_each(|item| {
//!     if let cable_archive::Item::Record(r) = item {
//!         let _ = (r.seq, &r.text);
//!     }
//!     true // false stops reading
//! });
//! # Ok::<(), cable_archive::Error>(())
//! ```

mod csv;
mod detect;
mod dir;
mod encoding;
mod gzip;
mod html;
mod ids;
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

/// What [`Records::scan_ids`] found for one record.
///
/// ```text
/// "2","2/25/1972 9:30","72TEHRAN1164",…   -> Stated { id: "72TEHRAN1164" }   (nothing else read)
/// pages/09ISTANBUL440.html               -> Stated { id: "09ISTANBUL440" }  (page not parsed)
/// notes/memo.txt                         -> Record(…)                        (no stated id: identify the text)
/// ```
// Like `Item`: a record moves one at a time, boxing it buys nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum Found {
    /// The container states the record's id, as written (not canonicalised).
    Stated {
        /// The id as the container writes it: `72TEHRAN1164`, `09STATE017183`.
        id: String,
        /// Where it came from.
        provenance: Provenance,
    },
    /// A record whose container states no id: the caller must read the
    /// id from the text.
    Record(Record),
}

/// The stream of items of one input, read on the calling thread.
///
/// Items arrive in a deterministic order with consecutive `seq` numbers
/// starting at 0. Nothing is read before [`Records::for_each`] (or
/// [`Records::scan_ids`]) is called.
pub struct Records {
    work: Option<Pending>,
    meter: Meter,
    bytes_total: Option<u64>,
    kind: Kind,
}

/// The reading work of one input, not started yet.
type Work = Box<dyn for<'a> FnOnce(&mut sink::Sink<'a>) -> Result<(), sink::Stop> + Send>;

/// An input, its limits and the work that reads it.
struct Pending {
    input: PathBuf,
    limits: Limits,
    work: Work,
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
    /// The live counters, to watch reading done by [`Records::for_each`].
    pub fn meter(&self) -> Meter {
        self.meter.clone()
    }

    /// Reads the items on the calling thread, with no helper thread and no
    /// channel, handing each to `visit` in order as soon as it is read;
    /// reading stops early when `visit` returns `false`.
    pub fn for_each(self, mut visit: impl FnMut(Item) -> bool) {
        self.walk(sink::Outlet::Items(&mut visit));
    }

    /// Walks the input like [`Records::for_each`] but only for ids: records
    /// whose container states an id (a `cables.csv` row, a cablegate page
    /// named after its cable, an alx-txt preamble) come as
    /// [`Found::Stated`] without the text being split or decoded; the
    /// others come as [`Found::Record`]. Skipped and failed members are
    /// left out. Reading stops early when `visit` returns `false`.
    pub fn scan_ids(self, mut visit: impl FnMut(Found) -> bool) {
        self.walk(sink::Outlet::Ids(&mut visit));
    }

    /// Runs the pending walk once, handing what it finds to `outlet`
    /// ([`Records::for_each`] or [`Records::scan_ids`]).
    fn walk(mut self, outlet: sink::Outlet<'_>) {
        let Some(Pending {
            input,
            limits,
            work,
        }) = self.work.take()
        else {
            return;
        };
        let mut sink = sink::Sink::new(
            outlet,
            input,
            limits,
            Arc::clone(&self.meter.bytes_read),
            Arc::clone(&self.meter.count_hint),
        );
        let _ = work(&mut sink);
    }
}

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
        return Ok(pending(input, None, Kind::Directory, limits, move |sink| {
            let root = path_owned(sink);
            dir::walk(sink, &root)
        }));
    }
    let file = std::fs::File::open(path).map_err(io_err)?;
    open_file(path, file, limits)
}

/// Whether `path` is an input that can be read twice (a regular file or a
/// directory), unlike standard input (`-`), a FIFO (`<(zcat cables.csv.gz)`)
/// or a character device, which are consumed as they are read.
pub fn is_rereadable(path: &Path) -> bool {
    path.as_os_str() != "-" && std::fs::metadata(path).is_ok_and(|m| m.is_file() || m.is_dir())
}

/// Opens an already open file named `name` in provenance (for example a
/// copy of a stream spooled to a temporary file), and detects its kind by
/// content. A file that is not a regular file (a FIFO, a device) is read
/// as a stream.
pub fn open_file(name: &Path, file: std::fs::File, limits: &Limits) -> Result<Records, Error> {
    let path = name;
    let io_err = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = file.metadata().map_err(io_err)?;
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
    Ok(pending(
        input,
        Some(meta.len()),
        kind,
        limits,
        move |sink| member::read_file(sink, file, member::Ctx::top()),
    ))
}

/// Opens an already open byte stream (standard input, a socket) named
/// `name` in provenance, and detects its kind by content. Zip and 7z
/// streams are buffered up to [`Limits::max_member_bytes`] because their
/// readers need to seek.
pub fn open_reader<R: Read + Send + 'static>(name: &Path, reader: R, limits: &Limits) -> Records {
    pending(
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

fn pending<F>(input: PathBuf, total: Option<u64>, kind: Kind, limits: &Limits, work: F) -> Records
where
    F: for<'a> FnOnce(&mut sink::Sink<'a>) -> Result<(), sink::Stop> + Send + 'static,
{
    Records {
        work: Some(Pending {
            input,
            limits: limits.clone(),
            work: Box::new(work),
        }),
        meter: Meter {
            bytes_read: Arc::new(AtomicU64::new(0)),
            count_hint: Arc::new(AtomicU64::new(0)),
        },
        bytes_total: total,
        kind,
    }
}
