//! The peer parser's conformance cases (`../shared/conformance`), scored
//! per field on two fixed halves: the cases whose id has an even FNV-1a-64
//! hash are the development half, the others the held-out half, which the
//! parser's rules were never tuned on. Failures are listed by id for the
//! development half only. Skips when the cases are absent.
//!
//! The floors are the scores measured when they were last raised (no
//! allow-listing: an allow-listed case is counted apart). A second test
//! fails when the held-out half scores more than three points below the
//! development half, the sign of rules fitted to the cases they were
//! developed on; it is ignored while that gap stands (see its comment).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use crate::cablemap_eval;
use crate::shared;
use std::collections::BTreeMap;
use std::path::Path;

/// FNV-1a, 64 bits, of the case id's UTF-8 bytes.
fn fnv1a64(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Whether a case belongs to the development half.
fn is_dev(id: &str) -> bool {
    fnv1a64(id) % 2 == 0
}

/// Passing cases per field, development half then held-out half, as
/// measured when these floors were last raised (2026-12-03, issue #17, fourth
/// pass; info_recipients and overall dev +1 with the XMT exclusions).
const FLOORS: &[(&str, usize, usize)] = &[
    ("canonical_id", 70, 66),
    ("classified_by", 54, 45),
    ("clean_content", 6, 0),
    ("info_recipients", 4, 3),
    ("nondisclosure_deadline", 3, 3),
    ("recipients", 1, 0),
    ("references", 31, 27),
    ("references_ng", 11, 9),
    ("signers", 12, 10),
    ("subject", 17, 18),
    ("summary", 7, 4),
    ("tag_kind", 2, 3),
    ("tags", 23, 20),
    ("titlefy", 7, 7),
];

/// Passing cases overall, development half then held-out half.
const OVERALL: (usize, usize) = (248, 215);

/// How far (percentage points) the held-out half may fall below the
/// development half.
const MAX_GAP: f64 = 3.0;

#[derive(Default)]
struct Score {
    pass: usize,
    total: usize,
    allowed: usize,
}

#[test]
fn fnv_split_is_the_documented_one() {
    // FNV-1a-64 test vectors.
    assert_eq!(fnv1a64(""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a64("a"), 0xaf63_dc4c_8601_ec8c);
}

/// The floors per field and overall: a parser change that loses a case
/// fails here.
#[test]
fn conformance() {
    check(false);
}

/// Issue #17's Done-when: the held-out half within three points of the
/// development half. Not met yet (2026-12-03: development 248/253 = 98.0%,
/// held-out 215/232 = 92.7%, 5.4 points), so it is ignored rather than
/// loosened: `cargo test -p cable-parse --test parse conformance:: -- --ignored`
/// shows the gap. Un-ignore it when it passes.
#[test]
#[ignore = "issue #17: held-out half 5.4 points below development (limit 3)"]
fn held_out_half_within_three_points_of_development() {
    check(true);
}

/// Scores every case and asserts the floors, and the gap when `gap`.
fn check(gap: bool) {
    let path = shared::shared("conformance/cablemap-cases.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("SKIP: {} absent", path.display());
        return;
    };
    let allow_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/conformance-allowlist.tsv");
    let allow: BTreeMap<String, String> = std::fs::read_to_string(allow_path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            l.split_once('\t')
                .map(|(a, b)| (a.to_owned(), b.to_owned()))
        })
        .collect();
    // field -> [dev, held-out]
    let mut score: BTreeMap<String, [Score; 2]> = BTreeMap::new();
    let mut dev_failures = Vec::new();
    for line in text.lines() {
        let case: serde_json::Value = serde_json::from_str(line).expect("valid JSONL");
        let field = case["field"].as_str().unwrap_or("").to_owned();
        let id = case["id"].as_str().unwrap_or("");
        let ok = cablemap_eval::evaluate(&case) == case["expected"];
        let half = usize::from(!is_dev(id));
        let s = &mut score.entry(field.clone()).or_default()[half];
        s.total += 1;
        if ok {
            s.pass += 1;
        } else if allow.contains_key(id) {
            s.allowed += 1;
        } else if half == 0 {
            dev_failures.push(format!("{field}: {id}"));
        }
    }
    println!("{:<24} {:>11} {:>11}", "field", "development", "held-out");
    let mut all = [0usize; 4]; // dev pass, dev total, held pass, held total
    let mut short = Vec::new();
    for (f, [d, h]) in &score {
        println!(
            "{f:<24} {:>5}/{:<5} {:>5}/{:<5}{}",
            d.pass,
            d.total,
            h.pass,
            h.total,
            if d.allowed + h.allowed > 0 {
                format!(" ({} allow-listed)", d.allowed + h.allowed)
            } else {
                String::new()
            }
        );
        all[0] += d.pass;
        all[1] += d.total;
        all[2] += h.pass;
        all[3] += h.total;
        match FLOORS.iter().find(|(name, _, _)| name == f) {
            Some((_, fd, fh)) => {
                if d.pass < *fd {
                    short.push(format!("{f}: development {} below {fd}", d.pass));
                }
                if h.pass < *fh {
                    short.push(format!("{f}: held-out {} below {fh}", h.pass));
                }
            }
            None => short.push(format!("{f}: no floor set")),
        }
    }
    let pct = |p: usize, t: usize| 100.0 * p as f64 / t.max(1) as f64;
    let (dev, held) = (pct(all[0], all[1]), pct(all[2], all[3]));
    println!(
        "{:<24} {:>5}/{:<5} {:>5}/{:<5} ({dev:.1}% vs {held:.1}%; all {}/{} = {:.1}%)",
        "all",
        all[0],
        all[1],
        all[2],
        all[3],
        all[0] + all[2],
        all[1] + all[3],
        pct(all[0] + all[2], all[1] + all[3])
    );
    for f in &dev_failures {
        println!("failing (development half): {f}");
    }
    if all[0] < OVERALL.0 || all[2] < OVERALL.1 {
        short.push(format!(
            "overall {}/{} (development), {}/{} (held-out) below {OVERALL:?}",
            all[0], all[1], all[2], all[3]
        ));
    }
    if gap && held < dev - MAX_GAP {
        short.push(format!(
            "held-out {held:.1}% is more than {MAX_GAP} points below development {dev:.1}%"
        ));
    }
    assert!(short.is_empty(), "{}", short.join("\n"));
}
