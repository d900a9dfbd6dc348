//! Shared helpers: test cables, container builders, item collection.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use cable_archive::{Item, Limits, Records};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The workspace root.
pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The test cables: `testdata/seeds/*.txt` and the kitchen sink when present,
/// as (file name, bytes), sorted by name.
pub(crate) fn cables() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for dir in ["testdata/seeds", "testdata/cables"] {
        let Ok(entries) = std::fs::read_dir(root().join(dir)) else {
            continue;
        };
        for e in entries {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                out.push((
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    std::fs::read(&p).unwrap(),
                ));
            }
        }
    }
    out.sort();
    assert!(out.len() >= 2, "testdata cables missing");
    out
}

/// Every item of `records`, read to the end with [`Records::for_each`].
/// For tests only: the library hands items over one at a time and never
/// holds a whole input (`Records` is not an iterator for that reason).
///
/// [`Records::for_each`]: cable_archive::Records::for_each
pub(crate) fn items(records: Records) -> Vec<Item> {
    let mut items = Vec::new();
    records.for_each(|item| {
        items.push(item);
        true
    });
    items
}

/// Reads an input to the end, twice when it can be read twice, and checks
/// both reads give the same items (the walk is deterministic).
pub(crate) fn collect(path: &Path, limits: &Limits) -> Vec<Item> {
    let first = items(cable_archive::open(path, limits).unwrap());
    let meta = std::fs::metadata(path).unwrap();
    if !meta.is_file() && !meta.is_dir() {
        return first; // a pipe cannot be read twice
    }
    let second = items(cable_archive::open(path, limits).unwrap());
    assert_eq!(
        format!("{second:#?}"),
        format!("{first:#?}"),
        "two reads of {} differ",
        path.display()
    );
    first
}

/// One line per item: `seq KIND member row offset | detail`, for comparisons.
pub(crate) fn summary(items: &[Item]) -> Vec<String> {
    items
        .iter()
        .map(|i| {
            let p = i.provenance();
            let at = format!(
                "{} {} {}",
                p.member.as_deref().unwrap_or("-"),
                p.row.map_or("-".into(), |r| r.to_string()),
                p.offset.map_or("-".into(), |o| o.to_string())
            );
            match i {
                Item::Record(r) => format!(
                    "{} RECORD {at} | {}",
                    r.seq,
                    r.meta.id.as_deref().unwrap_or("-")
                ),
                Item::Skipped(s) => format!("{} SKIPPED {at} | {}", s.seq, s.reason),
                Item::Failed(f) => format!("{} FAILED {at} | {}", f.seq, f.error),
            }
        })
        .collect()
}

/// Checks sequence numbers run 0, 1, 2, … and returns the records.
pub(crate) fn records(items: &[Item]) -> Vec<&cable_archive::Record> {
    for (i, item) in items.iter().enumerate() {
        assert_eq!(item.seq(), i as u64, "{:#?}", summary(items));
    }
    items
        .iter()
        .filter_map(|i| match i {
            Item::Record(r) => Some(r),
            _ => None,
        })
        .collect()
}

pub(crate) fn write(path: &Path, bytes: &[u8]) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, bytes).unwrap();
}

/// A tar of (name, bytes) members, regular files.
pub(crate) fn tar(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (name, data) in members {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_entry_type(tar::EntryType::Regular);
        raw_name(&mut h, name);
        h.set_cksum();
        b.append(&h, *data).unwrap();
    }
    b.into_inner().unwrap()
}

/// Sets a tar header's name bytes without the tar crate's path checks
/// (so hostile names can be written).
pub(crate) fn raw_name(h: &mut tar::Header, name: &str) {
    let field = &mut h.as_old_mut().name;
    field.fill(0);
    field[..name.len()].copy_from_slice(name.as_bytes());
}

pub(crate) fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

pub(crate) fn zip(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in members {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

pub(crate) fn sevenz(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = sevenz_rust2::ArchiveWriter::new(std::io::Cursor::new(Vec::new())).unwrap();
    for (name, data) in members {
        w.push_archive_entry(sevenz_rust2::ArchiveEntry::new_file(name), Some(*data))
            .unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A cables.csv row: `"N","date","ID","origin","class","refs","header","body"` + LF,
/// with `"` and `'` backslash-escaped as in the real file.
pub(crate) fn csv_row(n: u64, id: &str, header: &str, body: &str) -> String {
    let esc = |s: &str| {
        s.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\'', "\\'")
    };
    format!(
        "\"{n}\",\"2/25/1972 9:{:02}\",\"{id}\",\"Embassy Tehran\",\"UNCLASSIFIED\",\"72MOSCOW1603|72TEHRAN1091\",\"{}\",\"{}\"\n",
        n % 60,
        esc(header),
        esc(body)
    )
}

/// Splits a cable text into a header (first 3 lines) and the rest.
pub(crate) fn split_text(text: &str) -> (String, String) {
    let mut lines = text.split_inclusive('\n');
    let header: String = lines.by_ref().take(3).collect();
    let body: String = lines.collect();
    (header.trim_end_matches('\n').to_string(), body)
}

/// A cablegate page holding `text` (header = first 3 lines).
pub(crate) fn html_page(id: &str, text: &str) -> String {
    let (header, body) = split_text(text);
    let enc = |s: &str| s.replace('\n', "&#x000A;");
    let body = enc(&body).replacen("1. ", "<a id='par1' href='#par1'>¶</a>1. ", 1);
    format!(
        "<?xml version='1.0' encoding='utf-8' ?>\n<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0 Transitional//EN' 'x'>\n<html><head><title>Cable Viewer</title></head><body>\n\
<div>sidebar</div>\n<table class='cable'>\n<tr>\n<th>Reference ID</th>\n<th>Created</th>\n<th>Released</th>\n<th>Classification</th>\n<th>Origin</th>\n</tr>\n<tr>\n\
<td>\n<a href='/cable/x.html'>{id}</a>\n</td>\n<td>\n<a href='/date/x.html'>2009-02-24 21:09</a>\n</td>\n<td>\n<a href='/reldate/x.html'>2010-11-28 18:06</a>\n</td>\n\
<td>\n<a href='/classification/1_0.html' title='unclassified'>CONFIDENTIAL</a>\n</td>\n<td>\n<a href='/origin/1_0.html'>Secretary of State</a>\n</td>\n</tr>\n</table>\n\
<code><pre>{}</pre></code>\n<code><pre>{body}</pre></code>\n</div>\n</body>\n</html>\n",
        enc(&header)
    )
}

/// Reads `bytes` as one stream named `name` and returns every item.
pub(crate) fn read_bytes(name: &str, bytes: &[u8], limits: &Limits) -> Vec<Item> {
    items(cable_archive::open_reader(
        Path::new(name),
        std::io::Cursor::new(bytes.to_vec()),
        limits,
    ))
}
