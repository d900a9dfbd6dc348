//! Zip archives, read from their central directory: regular members are
//! read (inflation capped per member, in total and by ratio), symlinks
//! skipped, unsafe names refused.
//!
//! The directory is read here rather than through a zip library's index,
//! which is keyed by name and so keeps only the last of two members of the
//! same name. Every entry is read, in central-directory order. Entries whose
//! bytes (local header and data) overlap another entry's, or the central
//! directory, are refused: overlapping entries let a small archive expand
//! to a huge one (a 136 KB zip to 1.44 GB) by reading the same compressed
//! bytes many times, and no zip writer produces them. A zip whose central
//! directory cannot be found (a truncated download) is read from its local
//! headers, from the start, as far as they go.
//!
//! ```text
//! [local header 1][data 1] … [local header n][data n] [central directory] [zip64 end] [zip64 locator] [end record]
//! ```

use crate::limits::RatioRead;
use crate::member::{self, Ctx};
use crate::provenance;
use crate::sink::{Sink, Stop};
use flate2::Crc;
use std::cell::Cell;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::rc::Rc;

const LOCAL: &[u8; 4] = b"PK\x03\x04";
const CENTRAL: &[u8; 4] = b"PK\x01\x02";
const END: &[u8; 4] = b"PK\x05\x06";
const END64: &[u8; 4] = b"PK\x06\x06";
const LOCATOR64: &[u8; 4] = b"PK\x06\x07";

/// One entry of the central directory (or, when salvaging, a local header).
#[derive(Debug, Clone)]
struct Entry {
    name: Vec<u8>,
    flags: u16,
    method: u16,
    crc: u32,
    compressed: u64,
    size: u64,
    /// Where its local header starts (archive offset applied).
    header: u64,
    /// Unix mode (high 16 bits of the external attributes) when made on Unix.
    unix_mode: Option<u32>,
}

impl Entry {
    fn is_dir(&self) -> bool {
        self.name.ends_with(b"/")
    }

    fn is_symlink(&self) -> bool {
        self.unix_mode.is_some_and(|m| m & 0o170000 == 0o120000)
    }
}

/// Reads every member of the zip archive, in central-directory order.
pub(crate) fn read<R: Read + Seek>(
    sink: &mut Sink<'_>,
    mut reader: R,
    ctx: &Ctx,
) -> Result<(), Stop> {
    let (entries, directory_start) = match directory(&mut reader) {
        Ok(found) => found,
        Err(e) => return salvage(sink, reader, ctx, &e),
    };
    if ctx.depth == 0 {
        sink.set_count_hint(entries.len() as u64);
    }
    // Where each entry's data starts, from its local header.
    let starts: Vec<io::Result<u64>> = entries
        .iter()
        .map(|e| data_start(&mut reader, e.header))
        .collect();
    let overlaps = overlapping(&entries, &starts, directory_start);
    for (index, entry) in entries.iter().enumerate() {
        let name = String::from_utf8_lossy(&entry.name).into_owned();
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
                        .map(|e| String::from_utf8_lossy(&e.name))
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
        let start = match starts.get(index) {
            Some(Ok(start)) => *start,
            Some(Err(e)) => {
                let msg = format!("{archive}: cannot read zip member #{}: {e}", index + 1);
                sink.failed(child.provenance, msg)?;
                continue;
            }
            None => continue,
        };
        read_member(sink, &mut reader, entry, start, child)?;
    }
    Ok(())
}

/// Reads one member's data from `start` and hands it to the member reader.
fn read_member<R: Read + Seek>(
    sink: &mut Sink<'_>,
    reader: &mut R,
    entry: &Entry,
    start: u64,
    child: Ctx,
) -> Result<(), Stop> {
    let what = sink.describe(&child.provenance);
    let refuse = if entry.flags & 1 != 0 {
        Some("encrypted member, not read".to_string())
    } else if !matches!(entry.method, 0 | 8) {
        Some(format!(
            "compression method {} not supported (stored and deflate are)",
            entry.method
        ))
    } else {
        None
    };
    if let Some(reason) = refuse {
        return sink.failed(child.provenance, format!("{what}: {reason}"));
    }
    if let Err(e) = reader.seek(SeekFrom::Start(start)) {
        let msg = member::read_error(sink, &child.provenance, &e);
        return sink.failed(child.provenance, msg);
    }
    let compressed = reader.take(entry.compressed);
    let body: Box<dyn Read + '_> = match entry.method {
        8 => Box::new(flate2::read::DeflateDecoder::new(compressed)),
        _ => Box::new(compressed),
    };
    let checked = Checked {
        inner: body,
        crc: Crc::new(),
        declared_crc: entry.crc,
        declared_size: entry.size,
        read: 0,
    };
    let ratio = Rc::new(Cell::new(entry.compressed));
    let mut guarded = RatioRead::new(checked, ratio, sink.limits());
    member::read_stream(sink, &mut guarded, child)
}

/// A member's inflated bytes, checked against the size and CRC-32 its
/// directory entry declares: more bytes than declared fail at once (a
/// lying entry does not inflate further), a short or damaged member fails
/// at its end.
struct Checked<R> {
    inner: R,
    crc: Crc,
    declared_crc: u32,
    declared_size: u64,
    read: u64,
}

impl<R: Read> Read for Checked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.declared_size {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "member is larger than its declared uncompressed size ({} bytes)",
                    self.declared_size
                ),
            ));
        }
        self.crc.update(buf.get(..n).unwrap_or_default());
        if n == 0 && !buf.is_empty() {
            if self.read < self.declared_size {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    format!(
                        "member data ends after {} of its declared {} bytes",
                        self.read, self.declared_size
                    ),
                ));
            }
            if self.crc.sum() != self.declared_crc {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "CRC-32 mismatch: the member's data is damaged",
                ));
            }
        }
        Ok(n)
    }
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
/// bytes (local header through data) overlap, if any. Entries are
/// sorted by start; each is compared with the entry that reaches furthest
/// among those before it, so every entry of an overlapping group is found
/// in O(n log n).
fn overlapping(
    entries: &[Entry],
    starts: &[io::Result<u64>],
    directory_start: u64,
) -> Vec<Option<Overlap>> {
    let mut found = vec![None; entries.len()];
    let mut spans: Vec<(u64, u64, usize)> = entries
        .iter()
        .zip(starts)
        .enumerate()
        .filter_map(|(i, (e, start))| {
            let start = start.as_ref().ok()?;
            Some((e.header, start.saturating_add(e.compressed), i))
        })
        .collect();
    spans.sort_unstable();
    let mut furthest: Option<(u64, usize)> = None;
    for &(start, end, i) in &spans {
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

fn u16_at(b: &[u8], at: usize) -> u16 {
    let mut x = [0u8; 2];
    if let Some(s) = b.get(at..at + 2) {
        x.copy_from_slice(s);
    }
    u16::from_le_bytes(x)
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    let mut x = [0u8; 4];
    if let Some(s) = b.get(at..at + 4) {
        x.copy_from_slice(s);
    }
    u32::from_le_bytes(x)
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut x = [0u8; 8];
    if let Some(s) = b.get(at..at + 8) {
        x.copy_from_slice(s);
    }
    u64::from_le_bytes(x)
}

fn invalid(msg: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg.into())
}

/// Reads the central directory: its entries and where it starts.
fn directory<R: Read + Seek>(reader: &mut R) -> io::Result<(Vec<Entry>, u64)> {
    let len = reader.seek(SeekFrom::End(0))?;
    // The end record (22 bytes) is followed by a comment of at most 64 KiB.
    let tail_start = len.saturating_sub(22 + 0xffff);
    reader.seek(SeekFrom::Start(tail_start))?;
    let mut tail = Vec::new();
    reader.read_to_end(&mut tail)?;
    // The last end record whose comment fits in the file.
    let end = (0..tail.len().saturating_sub(21))
        .rev()
        .find(|&i| {
            tail.get(i..i + 4) == Some(END.as_slice())
                && i + 22 + usize::from(u16_at(&tail, i + 20)) <= tail.len()
        })
        .ok_or_else(|| invalid("no end of central directory record (truncated?)"))?;
    let end_pos = tail_start + end as u64;
    let mut count = u64::from(u16_at(&tail, end + 10));
    let mut size = u64::from(u32_at(&tail, end + 12));
    let mut offset = u64::from(u32_at(&tail, end + 16));
    // Where the directory really is (data may precede the archive, as in a
    // self-extracting zip): it ends where the end records begin.
    let mut directory_end = end_pos;
    if end >= 20 && tail.get(end - 20..end - 16) == Some(LOCATOR64.as_slice()) {
        let end64_pos = u64_at(&tail, end - 20 + 8);
        reader.seek(SeekFrom::Start(end64_pos))?;
        let mut record = [0u8; 56];
        reader.read_exact(&mut record)?;
        if record.get(..4) != Some(END64.as_slice()) {
            return Err(invalid("zip64 end of central directory record not found"));
        }
        count = u64_at(&record, 32);
        size = u64_at(&record, 40);
        offset = u64_at(&record, 48);
        directory_end = end64_pos;
    }
    let start = directory_end
        .checked_sub(size)
        .ok_or_else(|| invalid("central directory larger than the archive"))?;
    let shift = start.saturating_sub(offset);
    if count > size / 46 {
        return Err(invalid(
            "central directory declares more entries than it has room for",
        ));
    }
    reader.seek(SeekFrom::Start(start))?;
    let mut dir = BufReader::new(reader.take(size));
    let mut entries = Vec::new();
    for i in 0..count {
        let mut fixed = [0u8; 46];
        dir.read_exact(&mut fixed)
            .map_err(|e| invalid(format!("central directory entry #{}: {e}", i + 1)))?;
        if fixed.get(..4) != Some(CENTRAL.as_slice()) {
            return Err(invalid(format!(
                "central directory entry #{} has no signature",
                i + 1
            )));
        }
        let mut name = vec![0u8; usize::from(u16_at(&fixed, 28))];
        let mut extra = vec![0u8; usize::from(u16_at(&fixed, 30))];
        let comment = u64::from(u16_at(&fixed, 32));
        dir.read_exact(&mut name)?;
        dir.read_exact(&mut extra)?;
        io::copy(&mut (&mut dir).take(comment), &mut io::sink())?;
        let made_on_unix = u16_at(&fixed, 4) >> 8 == 3;
        let mut entry = Entry {
            name,
            flags: u16_at(&fixed, 8),
            method: u16_at(&fixed, 10),
            crc: u32_at(&fixed, 16),
            compressed: u64::from(u32_at(&fixed, 20)),
            size: u64::from(u32_at(&fixed, 24)),
            header: u64::from(u32_at(&fixed, 42)),
            unix_mode: made_on_unix.then(|| u32_at(&fixed, 38) >> 16),
        };
        zip64_extra(&mut entry, &extra);
        entry.header = entry.header.saturating_add(shift);
        entries.push(entry);
    }
    Ok((entries, start))
}

/// Applies a zip64 extended-information field (id 1): the 64-bit values of
/// the size, compressed size and header offset whose 32-bit fields are
/// all ones, in that order.
fn zip64_extra(entry: &mut Entry, extra: &[u8]) {
    let mut at = 0;
    while at + 4 <= extra.len() {
        let (id, len) = (u16_at(extra, at), usize::from(u16_at(extra, at + 2)));
        let data = extra.get(at + 4..at + 4 + len).unwrap_or_default();
        if id == 1 {
            let mut field = 0;
            for value in [&mut entry.size, &mut entry.compressed, &mut entry.header] {
                if *value == 0xffff_ffff && field + 8 <= data.len() {
                    *value = u64_at(data, field);
                    field += 8;
                }
            }
            return;
        }
        at += 4 + len;
    }
}

/// Where an entry's data starts: after its local header, whose name and
/// extra field lengths may differ from the directory's.
fn data_start<R: Read + Seek>(reader: &mut R, header: u64) -> io::Result<u64> {
    reader.seek(SeekFrom::Start(header))?;
    let mut fixed = [0u8; 30];
    reader.read_exact(&mut fixed)?;
    if fixed.get(..4) != Some(LOCAL.as_slice()) {
        return Err(invalid(format!("no local header at offset {header}")));
    }
    Ok(header + 30 + u64::from(u16_at(&fixed, 26)) + u64::from(u16_at(&fixed, 28)))
}

/// Reads a zip without a usable central directory from its local headers,
/// from the start: each member whose header states its sizes is read, up
/// to the first that does not (or the end of what is there); then the
/// archive is reported failed with `why`.
fn salvage<R: Read + Seek>(
    sink: &mut Sink<'_>,
    mut reader: R,
    ctx: &Ctx,
    why: &io::Error,
) -> Result<(), Stop> {
    let archive = sink.describe(&ctx.provenance);
    let mut at = 0u64;
    let (mut index, mut read) = (0u64, 0u64);
    let stop = loop {
        let mut fixed = [0u8; 30];
        let header = reader
            .seek(SeekFrom::Start(at))
            .and_then(|_| reader.read_exact(&mut fixed));
        if header.is_err() || fixed.get(..4) != Some(LOCAL.as_slice()) {
            break format!("no further local header at offset {at}");
        }
        index += 1;
        let mut name = vec![0u8; usize::from(u16_at(&fixed, 26))];
        let extra_len = u64::from(u16_at(&fixed, 28));
        if reader.read_exact(&mut name).is_err() {
            break format!("member #{index}: truncated local header");
        }
        let mut entry = Entry {
            name,
            flags: u16_at(&fixed, 6),
            method: u16_at(&fixed, 8),
            crc: u32_at(&fixed, 14),
            compressed: u64::from(u32_at(&fixed, 18)),
            size: u64::from(u32_at(&fixed, 22)),
            header: at,
            unix_mode: None,
        };
        let mut extra = vec![0u8; usize::try_from(extra_len).unwrap_or_default()];
        if reader.read_exact(&mut extra).is_err() {
            break format!("member #{index}: truncated local header");
        }
        zip64_extra(&mut entry, &extra);
        if entry.flags & 0x08 != 0 {
            break format!(
                "member #{index} states its sizes only after its data (a data descriptor), so the members from it on cannot be found without the directory"
            );
        }
        let start = at + 30 + entry.name.len() as u64 + extra_len;
        let name = String::from_utf8_lossy(&entry.name).into_owned();
        let child = ctx.child(&name);
        if !entry.is_dir() {
            if let Some(reason) = provenance::unsafe_reason(&name) {
                let msg = format!("{archive}: refused member {name:?}: {reason}");
                sink.failed(child.provenance, msg)?;
            } else {
                read_member(sink, &mut reader, &entry, start, child)?;
                read += 1;
            }
        }
        at = start.saturating_add(entry.compressed);
    };
    let msg = format!(
        "{archive}: not a readable zip archive (truncated?): {why}; {read} member(s) read from their local headers, then {stop}"
    );
    sink.failed(ctx.provenance.clone(), msg)
}
