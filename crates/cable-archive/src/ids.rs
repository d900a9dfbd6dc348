//! The id scan ([`crate::Records::scan_ids`]): the ids containers state,
//! read without building records.
//!
//! ```text
//! "2","2/25/1972 9:30","72TEHRAN1164","Embassy Tehran",…   -> 72TEHRAN1164 (row 2)
//! cable/2009/12/09ISTANBUL440.html                         -> 09ISTANBUL440 (the page is not parsed)
//! ```
//!
//! A `cables.csv` is scanned line by line: a line that starts a row (the
//! same test the CSV reader uses to start and resynchronise rows, so both
//! see the same rows) carries the id as its third field; every other line
//! is body text and is only searched for its end. Nothing is unquoted,
//! decoded or copied into a record, which is what makes the scan several
//! times cheaper than reading the rows.

use crate::detect;
use crate::member::Ctx;
use crate::meta;
use crate::provenance::Provenance;
use crate::sink::{Sink, Stop};
use std::io::{BufRead, BufReader, Read};

/// Scans a cables.csv for the ids of its rows.
pub(crate) fn csv(sink: &mut Sink<'_>, reader: &mut dyn Read, ctx: Ctx) -> Result<(), Stop> {
    let mut r = BufReader::with_capacity(1 << 16, reader);
    let mut line = Vec::new();
    let (mut offset, mut rows) = (0u64, 0u64);
    loop {
        line.clear();
        let n = match r.read_until(b'\n', &mut line) {
            Ok(n) => n,
            // The full read reports the error; the scan just stops.
            Err(_) => return Ok(()),
        };
        if n == 0 {
            return Ok(());
        }
        let line_offset = offset;
        offset += n as u64;
        sink.charge_with(n as u64, || Provenance {
            offset: Some(line_offset),
            ..ctx.provenance.clone()
        })?;
        let check = match line_offset {
            0 => line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&line),
            _ => &line,
        };
        if !detect::is_csv_row_start(check) {
            continue;
        }
        rows += 1;
        if let Some(id) = third_field(check) {
            let p = Provenance {
                row: Some(rows),
                offset: Some(line_offset),
                ..ctx.provenance.clone()
            };
            sink.stated_id(p, id)?;
        }
    }
}

/// The third field of a row's first line when it is a plain quoted id:
/// `"2","2/25/1972 9:30","72TEHRAN1164",…` -> `72TEHRAN1164`.
fn third_field(line: &[u8]) -> Option<String> {
    let mut quotes = line
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'"')
        .map(|(i, _)| i);
    let open = quotes.nth(4)?;
    let close = quotes.next()?;
    let id = line.get(open + 1..close)?;
    let id = std::str::from_utf8(id).ok()?.trim();
    (!id.is_empty() && !id.contains('\\')).then(|| id.to_owned())
}

/// The id a cablegate page's file name states (`09ISTANBUL440.html`), when
/// the name is a well-formed id.
pub(crate) fn page_name(sink: &Sink<'_>, ctx: &Ctx) -> Option<String> {
    let name = match &ctx.provenance.member {
        Some(m) => m.rsplit(['/', '\\']).next().unwrap_or(m).to_owned(),
        None => sink.input().file_name()?.to_string_lossy().into_owned(),
    };
    let stem = name
        .strip_suffix(".html")
        .or_else(|| name.strip_suffix(".htm"))?;
    meta::id_is_well_formed(stem).then(|| stem.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn third_fields() {
        assert_eq!(
            third_field(b"\"2\",\"2/25/1972 9:30\",\"72TEHRAN1164\",\"Embassy\",").as_deref(),
            Some("72TEHRAN1164")
        );
        assert_eq!(third_field(b"\"2\",\"2/25/1972 9:30\",\"\",\"x\""), None);
        assert_eq!(third_field(b"\"2\",\"2/25/1972 9:30\",\"72TEH"), None);
    }

    /// The scan states the same ids, for the same rows, as a full read,
    /// and hands over records without a stated id.
    #[test]
    fn scan_matches_the_full_read() {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("cables.csv");
        let row = |n: u32, id: &str| {
            format!(
                "\"{n}\",\"2/25/1972 9:30\",\"{id}\",\"Embassy Tehran\",\"UNCLASSIFIED\",\"\",\"R 250930Z FEB 72\nFM AMEMBASSY TEHRAN\n\",\"UNCLASSIFIED\nSUBJECT: X\n\n\\\"1. Quoted\\\" text\n\"\n"
            )
        };
        let text = format!(
            "{}{}{}",
            row(1, "72TEHRAN1164"),
            row(2, "72MOSCOW1603"),
            row(3, "")
        );
        std::fs::write(&csv, text).unwrap();
        let limits = crate::Limits::default();
        let mut full = Vec::new();
        crate::open(&csv, &limits).unwrap().for_each(|item| {
            if let crate::Item::Record(r) = item {
                full.push((r.provenance.row, r.meta.id.clone()));
            }
            true
        });
        let mut scanned = Vec::new();
        crate::open(&csv, &limits).unwrap().scan_ids(|found| {
            match found {
                crate::Found::Stated { id, provenance } => scanned.push((provenance.row, Some(id))),
                crate::Found::Record(r) => scanned.push((r.provenance.row, None)),
            }
            true
        });
        assert_eq!(
            full,
            [
                (Some(1), Some("72TEHRAN1164".to_owned())),
                (Some(2), Some("72MOSCOW1603".to_owned())),
                (Some(3), None)
            ]
        );
        // The row without an id states none; the scan leaves it out (the
        // driver identifies such rows only in a full read).
        assert_eq!(scanned, full[..2]);
        let pages = dir.path().join("09ISTANBUL440.html");
        std::fs::write(&pages, "<html><body>not parsed in a scan</body></html>").unwrap();
        let mut ids = Vec::new();
        crate::open(&pages, &limits).unwrap().scan_ids(|found| {
            if let crate::Found::Stated { id, .. } = found {
                ids.push(id);
            }
            true
        });
        assert_eq!(ids, ["09ISTANBUL440"]);
    }
}
