//! The 2011 `cables.csv`: streamed row by row, with resynchronisation after
//! a broken row.
//!
//! ```text
//! "2","2/25/1972 9:30","72TEHRAN1164","Embassy Tehran","UNCLASSIFIED","72MOSCOW1603|72TEHRAN1091","R 250930Z FEB 72 ⏎
//! FM AMEMBASSY TEHRAN⏎
//! …","UNCLASSIFIED SECTION 01 OF 01 TEHRAN 1164 ⏎
//! …
//! HECK ⏎
//! "⏎
//! ```
//!
//! No header row; 8 double-quoted columns; backslash escapes (`\"`, `\'`);
//! literal newlines inside fields; LF or CRLF. Rows are split here on line
//! boundaries by tracking the quote state, and each complete row is then
//! split into fields by one `csv_core` reader kept for the whole file. A row starts with a line shaped
//! `"N","M/D/YYYY H:MM",`; when such a line arrives while the previous row
//! is still inside a quoted field (an unterminated quote), the previous row
//! is reported as failed and reading resynchronises at the new row: one
//! broken row costs one row, not the rest of the file.

use crate::detect::{self, Kind};
use crate::encoding;
use crate::member::{self, Ctx};
use crate::meta;
use crate::provenance::Provenance;
use crate::sink::{Sink, Stop};
use cable_model::{ContainerKind, ContainerMeta};
use std::io::{self, BufRead, BufReader, Read};

/// Quote state of the row being assembled.
#[derive(Debug, Default, Clone, Copy)]
struct Scan {
    in_quotes: bool,
    escaped: bool,
}

impl Scan {
    fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if self.escaped {
                self.escaped = false;
            } else if self.in_quotes && b == b'\\' {
                self.escaped = true;
            } else if b == b'"' {
                self.in_quotes = !self.in_quotes;
            }
        }
    }
}

/// The row being assembled.
struct Row {
    number: u64,
    offset: u64,
    bytes: Vec<u8>,
    scan: Scan,
    /// Too large: discard lines until the next row start.
    oversized: bool,
}

/// Streams the rows of a cables.csv.
pub(crate) fn read(sink: &mut Sink<'_>, reader: &mut dyn Read, ctx: Ctx) -> Result<(), Stop> {
    let cap = sink.limits().max_member_bytes;
    let mut r = BufReader::with_capacity(1 << 16, reader);
    let mut line = Vec::new();
    let mut offset = 0u64;
    let mut rows = 0u64;
    let mut row: Option<Row> = None;
    let mut junk_reported = false;
    let mut fields = Fields::new();
    loop {
        let n = match read_line(&mut r, &mut line, cap.saturating_add(1)) {
            Ok(n) => n,
            Err(e) => {
                let p = prov(&ctx, row.as_ref().map_or(rows + 1, |r| r.number), offset);
                let msg = member::read_error(sink, &p, &e);
                return sink.failed(p, msg);
            }
        };
        if n == 0 {
            break;
        }
        let line_offset = offset;
        offset += n as u64;
        sink.charge_with(n as u64, || prov(&ctx, rows + 1, line_offset))?;
        let check = if line_offset == 0 {
            line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&line)
        } else {
            &line
        };
        let starts_row = detect::is_csv_row_start(check);
        if line_offset == 0 && !starts_row && detect::is_csv_header(check) {
            let p = prov(&ctx, 0, 0);
            sink.skipped(
                Provenance { row: None, ..p },
                "header row (column names), not a cable",
            )?;
            continue;
        }
        if starts_row {
            if let Some(broken) = row.take() {
                if !broken.oversized {
                    let p = prov(&ctx, broken.number, broken.offset);
                    let msg = format!(
                        "{}: unterminated quoted field; row skipped, reading resumed at the next row (byte offset {line_offset})",
                        sink.describe(&p)
                    );
                    sink.failed(p, msg)?;
                }
            }
            rows += 1;
            row = Some(Row {
                number: rows,
                offset: line_offset,
                bytes: Vec::new(),
                scan: Scan::default(),
                oversized: false,
            });
            junk_reported = false;
        }
        let Some(current) = row.as_mut() else {
            if !junk_reported && !line.trim_ascii().is_empty() {
                let p = Provenance {
                    offset: Some(line_offset),
                    ..ctx.provenance.clone()
                };
                let msg = format!(
                    "{}: bytes at offset {line_offset} do not start a cables.csv row (\"N\",\"M/D/YYYY H:MM\",…); skipped up to the next row",
                    sink.describe(&p)
                );
                sink.failed(p, msg)?;
                junk_reported = true;
            }
            continue;
        };
        if current.oversized {
            continue;
        }
        if (current.bytes.len() + line.len()) as u64 > cap {
            current.oversized = true;
            current.bytes = Vec::new();
            let p = prov(&ctx, current.number, current.offset);
            let msg = format!(
                "{}: row larger than max_member_bytes ({cap} bytes); skipped",
                sink.describe(&p)
            );
            sink.failed(p, msg)?;
            continue;
        }
        current.scan.feed(&line);
        current.bytes.extend_from_slice(&line);
        if !current.scan.in_quotes && (line.ends_with(b"\n") || line.ends_with(b"\r")) {
            if let Some(done) = row.take() {
                emit(sink, &ctx, &mut fields, done)?;
            }
        }
    }
    if let Some(last) = row.take() {
        if last.oversized {
            return Ok(());
        }
        if last.scan.in_quotes {
            let p = prov(&ctx, last.number, last.offset);
            let msg = format!(
                "{}: truncated: the file ends inside a quoted field",
                sink.describe(&p)
            );
            sink.failed(p, msg)?;
        } else {
            emit(sink, &ctx, &mut fields, last)?;
        }
    }
    Ok(())
}

/// Reads one line into `line` (cleared first): up to and including a line
/// feed, or a carriage return not followed by one (a lone-CR line end, as
/// old Mac tools wrote), or `limit` bytes, or the end. Returns its length.
fn read_line(r: &mut impl BufRead, line: &mut Vec<u8>, limit: u64) -> io::Result<usize> {
    line.clear();
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    // A CR ended the last buffer: an LF at the start of the next belongs to it.
    let mut after_cr = false;
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if after_cr {
            if buf.first() == Some(&b'\n') && line.len() < limit {
                line.push(b'\n');
                r.consume(1);
            }
            return Ok(line.len());
        }
        let room = limit - line.len();
        let window = buf.get(..buf.len().min(room)).unwrap_or_default();
        if window.is_empty() {
            return Ok(line.len());
        }
        match memchr::memchr2(b'\n', b'\r', window) {
            Some(i) if window.get(i) == Some(&b'\n') => {
                line.extend_from_slice(window.get(..=i).unwrap_or_default());
                r.consume(i + 1);
                return Ok(line.len());
            }
            Some(i) => {
                let end = match window.get(i + 1) {
                    Some(b'\n') => i + 2,
                    Some(_) => i + 1,
                    None => {
                        after_cr = true;
                        i + 1
                    }
                };
                line.extend_from_slice(window.get(..end).unwrap_or_default());
                r.consume(end);
                if !after_cr {
                    return Ok(line.len());
                }
            }
            None => {
                let n = window.len();
                line.extend_from_slice(window);
                r.consume(n);
            }
        }
    }
}

fn prov(ctx: &Ctx, row: u64, offset: u64) -> Provenance {
    Provenance {
        row: Some(row),
        offset: Some(offset),
        ..ctx.provenance.clone()
    }
}

/// Splits complete rows into fields, with one `csv_core` reader (one DFA)
/// for the whole file and buffers reused from row to row.
struct Fields {
    reader: csv_core::Reader,
    /// The fields of the last row read, unescaped, end to end.
    out: Vec<u8>,
    /// Where each field of `out` ends.
    ends: Vec<usize>,
    /// How many fields the last row had.
    count: usize,
}

impl Fields {
    fn new() -> Self {
        Fields {
            reader: csv_core::ReaderBuilder::new()
                .escape(Some(b'\\'))
                .double_quote(false)
                .build(),
            out: Vec::new(),
            ends: vec![0; 16],
            count: 0,
        }
    }

    /// Reads the first record of `row` (a complete row as split by
    /// [`read`]); false when it holds none (blank lines only).
    fn read(&mut self, row: &[u8]) -> bool {
        use csv_core::ReadRecordResult as R;
        self.reader.reset();
        // Unescaping never makes a field longer.
        if self.out.len() < row.len() {
            self.out.resize(row.len(), 0);
        }
        let (mut input, mut nout, mut nend) = (row, 0, 0);
        loop {
            let (result, nin, o, e) = self.reader.read_record(
                input,
                self.out.get_mut(nout..).unwrap_or_default(),
                self.ends.get_mut(nend..).unwrap_or_default(),
            );
            input = input.get(nin..).unwrap_or_default();
            nout += o;
            nend += e;
            match result {
                // Input consumed: the next call, with no input, ends the record.
                R::InputEmpty => {}
                R::OutputFull => self.out.resize((self.out.len() * 2).max(64), 0),
                R::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                R::Record => {
                    self.count = nend;
                    return true;
                }
                R::End => {
                    self.count = 0;
                    return false;
                }
            }
        }
    }

    /// How many fields the last row had.
    fn len(&self) -> usize {
        self.count
    }

    /// Field `i` of the last row (empty past the last field).
    fn get(&self, i: usize) -> &[u8] {
        if i >= self.count {
            return &[];
        }
        let start = match i.checked_sub(1) {
            Some(prev) => self.ends.get(prev).copied().unwrap_or_default(),
            None => 0,
        };
        let end = self.ends.get(i).copied().unwrap_or_default();
        self.out.get(start..end).unwrap_or_default()
    }
}

/// Splits one complete row into its fields and emits it.
fn emit(sink: &mut Sink<'_>, ctx: &Ctx, fields: &mut Fields, row: Row) -> Result<(), Stop> {
    let p = prov(ctx, row.number, row.offset);
    // The first row may carry the file's UTF-8 byte-order mark.
    let bytes = match row.offset {
        0 => row
            .bytes
            .strip_prefix(b"\xef\xbb\xbf")
            .unwrap_or(&row.bytes),
        _ => &row.bytes,
    };
    if !fields.read(bytes) {
        let msg = format!("{}: empty row", sink.describe(&p));
        return sink.failed(p, msg);
    }
    if fields.len() != 8 {
        let msg = format!(
            "{}: {} fields where cables.csv has 8 (a stray quote?); row skipped",
            sink.describe(&p),
            fields.len()
        );
        return sink.failed(p, msg);
    }
    let field = |i: usize| fields.get(i);
    let string = |i: usize| {
        let s = match std::str::from_utf8(field(i)) {
            Ok(s) => s.trim().to_owned(),
            Err(_) => encoding::decode(field(i)).text.trim().to_owned(),
        };
        (!s.is_empty()).then_some(s)
    };
    let mut text = Vec::with_capacity(field(6).len() + field(7).len() + 1);
    text.extend_from_slice(field(6));
    text.push(b'\n');
    text.extend_from_slice(field(7));
    let mut decoded = encoding::decode_owned(text);
    if let Some(from) = ctx.transcoded_from {
        decoded.encoding = from;
        decoded.had_errors |= decoded.text.contains('\u{fffd}');
    }
    let date_raw = string(1);
    let meta = ContainerMeta {
        kind: ContainerKind::CablesCsv,
        id: string(2),
        date: date_raw.as_deref().and_then(meta::parse_mdy_hm),
        date_raw,
        origin: string(3),
        classification: string(4),
        references: string(5)
            .map(|refs| {
                refs.split('|')
                    .map(str::trim)
                    .filter(|r| !r.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
        ..ContainerMeta::default()
    };
    let mut notes = Vec::new();
    if let Some(note) = meta.id.as_deref().and_then(meta::id_note) {
        notes.push(note);
    }
    if meta.date.is_none() {
        notes.push(format!(
            "container date {:?} is not M/D/YYYY H:MM",
            meta.date_raw.as_deref().unwrap_or_default()
        ));
    }
    sink.record(p, meta, decoded, Kind::CablesCsv, notes)
}
