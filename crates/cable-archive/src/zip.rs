//! Zip archives, read with the `zip` crate: every entry of the central
//! directory in its order, members of the same name included; regular
//! members read (inflation capped per member, in total and by ratio),
//! symlinks skipped, unsafe names refused, overlapping entries refused. A
//! zip whose central directory cannot be read (a truncated download) is
//! read from its local headers, from the start, as far as they go.
//!
//! ```text
//! [local header 1][data 1] … [local header n][data n] [central directory] [zip64 end] [zip64 locator] [end record]
//! ```
//!
//! What the crate does: the directory (zip64 included) is walked by
//! `ZipIterable`, which keeps entries of the same name (`ZipArchive` is
//! keyed by name and keeps only the last); each member's inflated bytes are
//! checked against its declared size (an error as soon as it passes it) and
//! its CRC-32 (at its end); a zip without a directory is read by
//! `read_zipfile_from_stream`.
//!
//! What is done here, because the crate does not do it: naming the entries
//! whose bytes overlap (zip-9.4.1 `ZipArchive::has_overlapping_entries`,
//! src/read/zip_archive.rs:577, only says whether some do, and over its
//! index keyed by name, which misses overlapping entries of the same name);
//! and saying, in the salvage, that a member's data was cut by the end of
//! the archive (the stream reader takes the end for the end of the data and
//! reports a CRC mismatch, src/crc32.rs:85).

use crate::limits::RatioRead;
use crate::member::{self, Ctx};
use crate::provenance;
use crate::sink::{Sink, Stop};
use ::zip::HasZipMetadata;
use ::zip::read::{Config, OwnedZipFileEntry, ZipFile, ZipReadOptions, read_zipfile_from_stream};
use ::zip::result::ZipResult;
use ::zip::unstable::read::ZipIterable;
use std::cell::Cell;
use std::io::{self, Read, Seek, SeekFrom};
use std::ops::Range;
use std::rc::Rc;

/// Reads every member of the zip archive, in central-directory order.
pub(crate) fn read<R: Read + Seek>(
    sink: &mut Sink<'_>,
    mut reader: R,
    ctx: &Ctx,
) -> Result<(), Stop> {
    let entries = match directory(&mut reader) {
        Ok(entries) => entries,
        Err(e) => return salvage(sink, reader, ctx, &e),
    };
    if ctx.depth == 0 {
        sink.set_count_hint(entries.len() as u64);
    }
    // Each entry's bytes, local header to end of data (reading the local
    // header, whose name and extra field lengths may differ from the
    // directory's; the crate keeps the data start it finds).
    let spans: Vec<ZipResult<Range<u64>>> = entries
        .iter()
        .map(|e| {
            let data = e.get_metadata().data_start(&mut reader)?;
            Ok(e.header_start()..data.saturating_add(e.compressed_size()))
        })
        .collect();
    let directory_start = entries
        .first()
        .map_or(u64::MAX, OwnedZipFileEntry::central_header_start);
    let overlaps = overlapping(&spans, directory_start);
    for (index, entry) in entries.iter().enumerate() {
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        let child = ctx.child(&name);
        if entry.is_dir() {
            continue;
        }
        if entry.is_symlink() {
            sink.skipped(child.provenance, "symlink member (not followed)")?;
            continue;
        }
        let archive = sink.describe(&ctx.provenance);
        if let Some(reason) = provenance::unsafe_reason(&name) {
            let msg = format!("{archive}: refused member {name:?}: {reason}");
            sink.failed(child.provenance, msg)?;
            continue;
        }
        if let Some(other) = overlaps.get(index).copied().flatten() {
            let with = match other {
                Overlap::Entry(j) => format!(
                    "member #{} {:?}",
                    j + 1,
                    entries
                        .get(j)
                        .map(|e| String::from_utf8_lossy(e.name_raw()))
                        .unwrap_or_default()
                ),
                Overlap::Directory => "the central directory".to_string(),
            };
            let msg = format!(
                "{archive}: refused member #{} {name:?}: its bytes overlap those of {with} (overlapping entries, a zip bomb technique); not read",
                index + 1
            );
            sink.failed(child.provenance, msg)?;
            continue;
        }
        if let Some(Err(e)) = spans.get(index) {
            let msg = format!("{archive}: cannot read zip member #{}: {e}", index + 1);
            sink.failed(child.provenance, msg)?;
            continue;
        }
        if let Some(reason) = refusal(entry.encrypted(), entry.compression()) {
            let msg = format!("{}: {reason}", sink.describe(&child.provenance));
            sink.failed(child.provenance, msg)?;
            continue;
        }
        // Borrowed metadata: a member left unread (a cap, a stop) is not
        // drained to its end on drop, as the crate does for streamed ones.
        match entry
            .as_ref()
            .with_reader(&mut reader, ZipReadOptions::default())
        {
            Ok(file) => read_member(sink, file, child)?,
            Err(e) => {
                let msg = format!("cannot read {}: {e}", sink.describe(&child.provenance));
                sink.failed(child.provenance, msg)?;
            }
        }
    }
    Ok(())
}

/// The central directory's entries, in its order, same names included.
fn directory<R: Read + Seek>(reader: &mut R) -> ZipResult<Vec<OwnedZipFileEntry>> {
    let mut archive = ZipIterable::try_new(reader, Config::default())?;
    let files = archive.files()?;
    // The crate bounds the declared count by the directory's size.
    let mut entries = Vec::with_capacity(files.len());
    for entry in files {
        entries.push(OwnedZipFileEntry::from(entry?));
    }
    Ok(entries)
}

/// Why a member is not read, if it is not: encrypted, or compressed with a
/// method this build of the crate cannot inflate.
fn refusal(encrypted: bool, method: ::zip::CompressionMethod) -> Option<String> {
    if encrypted {
        return Some("encrypted member, not read".to_string());
    }
    if ::zip::SUPPORTED_COMPRESSION_METHODS.contains(&method) {
        return None;
    }
    let supported: Vec<String> = ::zip::SUPPORTED_COMPRESSION_METHODS
        .iter()
        .map(ToString::to_string)
        .collect();
    Some(format!(
        "compression method {method} not supported ({} are)",
        supported.join(", ")
    ))
}

/// Hands one member's inflated bytes (checked by the crate against its
/// declared size and CRC-32) to the member reader, within the ratio cap.
fn read_member<R: Read>(sink: &mut Sink<'_>, file: ZipFile<'_, R>, child: Ctx) -> Result<(), Stop> {
    let compressed = Rc::new(Cell::new(file.compressed_size()));
    let mut guarded = RatioRead::new(file, compressed, sink.limits());
    member::read_stream(sink, &mut guarded, child)
}

/// What an entry's bytes overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Overlap {
    /// Another entry (its index).
    Entry(usize),
    /// The central directory.
    Directory,
}

/// For each entry, another entry (or the directory) whose bytes its own
/// bytes (local header through data) overlap, if any. Entries are sorted
/// by start; each is compared with the entry that reaches furthest among
/// those before it, so every entry of an overlapping group is found, in
/// O(n log n). (The crate's `has_overlapping_entries` answers yes or no.)
fn overlapping<E>(spans: &[Result<Range<u64>, E>], directory_start: u64) -> Vec<Option<Overlap>> {
    let mut found = vec![None; spans.len()];
    let mut sorted: Vec<(u64, u64, usize)> = spans
        .iter()
        .enumerate()
        .filter_map(|(i, span)| span.as_ref().ok().map(|s| (s.start, s.end, i)))
        .collect();
    sorted.sort_unstable();
    let mut furthest: Option<(u64, usize)> = None;
    for &(start, end, i) in &sorted {
        if end > directory_start {
            if let Some(slot) = found.get_mut(i) {
                *slot = Some(Overlap::Directory);
            }
        }
        if let Some((reach, j)) = furthest {
            if start < reach {
                if let Some(slot) = found.get_mut(i) {
                    slot.get_or_insert(Overlap::Entry(j));
                }
                if let Some(slot) = found.get_mut(j) {
                    slot.get_or_insert(Overlap::Entry(i));
                }
            }
        }
        if furthest.is_none_or(|(reach, _)| end > reach) {
            furthest = Some((end, i));
        }
    }
    found
}

/// Reads a zip without a usable central directory from its local headers,
/// from the start, with the crate's stream reader: each member whose
/// header states its sizes is read, up to the first that does not (a data
/// descriptor), the directory, or the end of what is there; then the
/// archive is reported failed with `why`.
fn salvage<R: Read + Seek>(
    sink: &mut Sink<'_>,
    mut reader: R,
    ctx: &Ctx,
    why: &::zip::result::ZipError,
) -> Result<(), Stop> {
    let archive = sink.describe(&ctx.provenance);
    let mut stream = Cut {
        inner: &mut reader,
        at: 0,
    };
    let rewound = stream.inner.seek(SeekFrom::Start(0));
    let mut read = 0u64;
    let stop = loop {
        if let Err(e) = rewound {
            break format!("cannot rewind: {e}");
        }
        let at = stream.at;
        let file = match read_zipfile_from_stream(&mut stream) {
            Ok(Some(file)) => file,
            Ok(None) => break format!("the central directory (at offset {at})"),
            Err(e) => break format!("no member could be read at offset {at}: {e}"),
        };
        let name = String::from_utf8_lossy(file.name_raw()).into_owned();
        let child = ctx.child(&name);
        if file.is_dir() {
            continue;
        }
        if let Some(reason) = provenance::unsafe_reason(&name) {
            let msg = format!("{archive}: refused member {name:?}: {reason}");
            sink.failed(child.provenance, msg)?;
        } else if let Some(reason) = refusal(file.encrypted(), file.compression()) {
            let msg = format!("{}: {reason}", sink.describe(&child.provenance));
            sink.failed(child.provenance, msg)?;
        } else {
            read_member(sink, file, child)?;
            read += 1;
        }
        // Dropping a streamed member reads past the rest of its data.
    };
    let msg = format!(
        "{archive}: not a readable zip archive (truncated?): {why}; {read} member(s) read from their local headers, then {stop}"
    );
    sink.failed(ctx.provenance.clone(), msg)
}

/// The archive under the salvage's stream reader: counts where it is, and
/// makes its end an `UnexpectedEof` error ("truncated"). A member's data is
/// read through a `Take` of its declared compressed size, which never asks
/// past a whole member, so a read that finds the end has found a member cut
/// short, which the crate would report as a CRC mismatch
/// (zip-9.4.1 src/crc32.rs:85).
struct Cut<R> {
    inner: R,
    at: u64,
}

impl<R: Read> Read for Cut<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && !buf.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!("the archive ends at offset {}", self.at),
            ));
        }
        self.at += n as u64;
        Ok(n)
    }
}
