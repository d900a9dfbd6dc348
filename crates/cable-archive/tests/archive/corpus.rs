//! The real corpus in `../shared/corpus`: every cable text arrives as a
//! record, non-cables are skipped with a reason, and the metadata read from
//! CSV rows and HTML pages matches what `MANIFEST.tsv` states.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stderr)]

use crate::support::*;
use cable_archive::{Item, Limits, Record};
use std::collections::BTreeMap;

fn corpus() -> Option<std::path::PathBuf> {
    let dir = root().join("../shared/corpus");
    if dir.join("MANIFEST.tsv").is_file() {
        Some(dir)
    } else {
        eprintln!("SKIP: {} not present", dir.display());
        None
    }
}

/// MANIFEST.tsv: path -> (reference id, notes as key=value pairs).
fn manifest(dir: &std::path::Path) -> BTreeMap<String, (String, BTreeMap<String, String>)> {
    let text = std::fs::read_to_string(dir.join("MANIFEST.tsv")).unwrap();
    let mut out = BTreeMap::new();
    for line in text.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let notes = cols.get(6).copied().unwrap_or_default().trim_matches('"');
        let kv = notes
            .split("; ")
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| {
                (
                    k.split('(').next().unwrap().trim().to_string(),
                    v.trim().to_string(),
                )
            })
            .collect();
        out.insert(cols[0].to_string(), (cols[2].to_string(), kv));
    }
    out
}

#[test]
fn every_cable_in_the_corpus_is_a_record() {
    let Some(dir) = corpus() else { return };
    let items = collect(&dir, &Limits::default());
    let recs = records(&items);
    let failed: Vec<_> = items
        .iter()
        .filter(|i| matches!(i, Item::Failed(_)))
        .collect();
    assert!(failed.is_empty(), "{:#?}", summary(&items));
    let skipped: Vec<String> = items
        .iter()
        .filter_map(|i| match i {
            Item::Skipped(s) => Some(s.provenance.member.clone().unwrap()),
            _ => None,
        })
        .collect();
    for s in &skipped {
        assert!(
            s == "MANIFEST.tsv"
                || s == "README.md"
                || s.ends_with(".expected-subject.txt")
                || s.ends_with("cables-preview.md"),
            "unexpected skip {s}"
        );
    }
    // Every file except those is a record (CSV files: one per row).
    let mut per_file: BTreeMap<String, usize> = BTreeMap::new();
    for r in &recs {
        *per_file
            .entry(r.provenance.member.clone().unwrap())
            .or_default() += 1;
    }
    let m = manifest(&dir);
    for path in m.keys() {
        let expect = if skipped.contains(path) {
            0
        } else if path.ends_with("cables_sample.csv") {
            2
        } else if path.ends_with("cables_tiny.csv") {
            12
        } else {
            1
        };
        assert_eq!(per_file.get(path).copied().unwrap_or(0), expect, "{path}");
    }
    assert_eq!(per_file.values().sum::<usize>(), recs.len());
}

#[test]
fn container_metadata_matches_the_manifest() {
    let Some(dir) = corpus() else { return };
    let m = manifest(&dir);
    let items = collect(&dir, &Limits::default());
    let by_path: BTreeMap<String, &Record> = records(&items)
        .into_iter()
        .filter(|r| r.provenance.row.is_none_or(|row| row == 1))
        .map(|r| (r.provenance.member.clone().unwrap(), r))
        .collect();
    let mut checked = 0;
    for (path, (id, notes)) in &m {
        let Some(r) = by_path.get(path) else { continue };
        let is_html = path.ends_with(".html");
        let is_row = path.contains("cables-csv/rows-");
        if !(is_html || is_row || path.starts_with("alx-txt/")) {
            continue;
        }
        if !id.is_empty() && !path.contains("07BERN881") {
            assert_eq!(r.meta.id.as_deref(), Some(id.as_str()), "{path}");
        }
        let date_key = if is_html { "created" } else { "date" };
        if let Some(date) = notes.get(date_key) {
            assert_eq!(r.meta.date_raw.as_deref(), Some(date.as_str()), "{path}");
            assert!(r.meta.date.is_some(), "{path}");
        }
        if let Some(c) = notes.get("classification") {
            assert_eq!(r.meta.classification.as_deref(), Some(c.as_str()), "{path}");
        }
        if let Some(o) = notes.get("origin") {
            assert_eq!(r.meta.origin.as_deref(), Some(o.as_str()), "{path}");
        }
        if notes.contains_key("created") && path.contains("2010-12") {
            assert!(
                r.notes.iter().any(|n| n.contains("minutes bug")),
                "{path}: {:?}",
                r.notes
            );
        }
        if path.contains("2011-08") {
            assert!(
                !r.notes.iter().any(|n| n.contains("minutes bug")) || path.contains("LIBREVILLE"),
                "{path}: {:?}",
                r.notes
            );
        }
        if id.starts_with("7575") {
            assert!(r.notes.iter().any(|n| n.contains("malformed")), "{path}");
        }
        checked += 1;
    }
    assert!(checked >= 100, "only {checked} files checked");
}

#[test]
fn html_text_keeps_raw_characters_and_drops_anchors() {
    let Some(dir) = corpus() else { return };
    let page = dir.join("cablegate-html-2010-12/09ISLAMABAD3037.html");
    if !page.is_file() {
        eprintln!("SKIP: {} not present", page.display());
        return;
    }
    let items = collect(&page, &Limits::default());
    let r = records(&items)[0];
    assert!(
        !r.text.contains("&#x000A;") && !r.text.contains("href="),
        "{}",
        r.text
    );
    assert!(
        r.text.contains("\n1. ") || r.text.contains("\n¶1") || r.text.contains("1. "),
        "{}",
        r.text
    );
    assert!(r.text.contains("TAGS"), "{}", r.text);
}

#[test]
fn csv_rows_lf_and_crlf_agree() {
    let Some(dir) = corpus() else { return };
    let lf = collect(
        &dir.join("cables-csv/rows-lf/72TEHRAN1164.csv"),
        &Limits::default(),
    );
    let crlf = collect(
        &dir.join("cables-csv/rows-crlf/72TEHRAN1164.csv"),
        &Limits::default(),
    );
    let (lf, crlf) = (records(&lf)[0], records(&crlf)[0]);
    assert_eq!(lf.text, crlf.text.replace("\r\n", "\n"));
    assert_eq!(lf.meta, crlf.meta);
    assert_eq!(
        lf.meta.references,
        ["72MOSCOW1603", "72TEHRAN1091", "72TEHRAN263"]
    );
    assert!(
        !lf.text.contains("\\'") && !lf.text.contains("\\\""),
        "escapes are resolved"
    );
}
