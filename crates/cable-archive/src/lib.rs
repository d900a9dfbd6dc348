//! # Brief overview
//!
//! `cable-archive` turns one input path into a lazy stream of [`Item`]s:
//! cable [`Record`]s (text + container metadata + [`Provenance`]), members
//! it skipped with a reason, and members it could not read. It knows
//! nothing of threads, progress bars or output formats, and never
//! interprets cable content.
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

use cable_model::ContainerMeta;
use std::path::{Path, PathBuf};

/// Where a record came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Provenance {
    /// The input path given by the user (`-` for standard input).
    pub input: PathBuf,
    /// The member path inside an archive or directory, `/`-separated, as
    /// the container names it (never used as an output path).
    pub member: Option<String>,
    /// For CSV: the 1-based row (record) number in the file.
    pub row: Option<u64>,
    /// For CSV: the byte offset of the row in the (decompressed) CSV.
    pub offset: Option<u64>,
}

/// One cable text with what its container said about it.
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
}

/// A member that was seen and deliberately not converted.
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
#[derive(Debug, Clone)]
pub enum Item {
    /// A cable text to parse.
    Record(Record),
    /// A member deliberately not converted.
    Skipped(Skipped),
    /// A member or row that could not be read.
    Failed(Failed),
}

/// Caps that defend against hostile archives.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest number of bytes one member may inflate to.
    pub max_member_bytes: u64,
    /// Largest number of bytes all members together may inflate to.
    pub max_total_bytes: u64,
    /// Largest inflation ratio (uncompressed / compressed) of one member.
    pub max_ratio: u64,
    /// How deep archives may nest inside archives.
    pub max_depth: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_member_bytes: 256 << 20,
            max_total_bytes: 64 << 30,
            max_ratio: 1000,
            max_depth: 3,
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
pub struct Records {
    _private: (),
}

impl Records {
    /// Bytes of the raw input read so far (compressed bytes for compressed inputs).
    pub fn bytes_read(&self) -> u64 {
        0
    }
    /// The raw input's size in bytes, when known.
    pub fn bytes_total(&self) -> Option<u64> {
        None
    }
    /// The number of items, when the container knows it up front (directories, zips).
    pub fn count_hint(&self) -> Option<u64> {
        None
    }
}

impl Iterator for Records {
    type Item = Item;
    fn next(&mut self) -> Option<Item> {
        None
    }
}

/// Opens one input (`-` for standard input) and detects its kind by content.
pub fn open(path: &Path, limits: &Limits) -> Result<Records, Error> {
    let _ = (path, limits);
    Ok(Records { _private: () })
}
