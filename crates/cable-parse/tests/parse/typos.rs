//! Synthetic typos (issue #17, item 1): every station of the parser's
//! gazetteer written as a WikiLeaks id (`YY<STATION><NNN>`) and damaged the
//! ways published ids are damaged, then read back with `canonical_id`.
//! Each kind of damage is scored apart: recovered, a wrong station (worse
//! than none: it links a cable to another post), or unmatched.
//!
//! The names come from the parser's own lists (`src/stations/stations.txt`,
//! and `posts.txt` for the words of multi-word names); the damage is made
//! by a seeded xorshift generator, so a run is deterministic. The ids are
//! made up here, none is a conformance case. A damaged name that spells
//! another known name exactly is left out: no matcher can tell it.
#![allow(clippy::print_stderr)]

use cable_parse::canonical_id;
use std::collections::{BTreeMap, BTreeSet};

/// The seeded xorshift64* generator the other generated-variation tests use.
use crate::variations::Rng;

const STATIONS: &str = include_str!("../../src/stations/stations.txt");
const POSTS: &str = include_str!("../../src/stations/posts.txt");

/// The office words `posts.txt` names posts with.
const OFFICES: &[&str] = &[
    "AMEMBASSY",
    "AMCONSUL",
    "USMISSION",
    "USMISSIN",
    "AIT",
    "USINT",
];

/// A station of the gazetteer: its canonical name and, when known, its
/// words (`PORT AU PRINCE`).
struct Name {
    canonical: String,
    words: Vec<String>,
}

fn letters(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The canonical names and every spelling the lists know (any of which a
/// damaged name may not spell, and which count as a wrong station when
/// returned for another).
fn gazetteer() -> (Vec<Name>, BTreeSet<String>) {
    let mut known = BTreeSet::new();
    let mut names: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for n in STATIONS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
    {
        known.insert(n.to_owned());
        names.entry(n.to_owned()).or_default();
    }
    for line in POSTS.lines().filter(|l| !l.starts_with('#')) {
        let mut words: Vec<&str> = line.split_whitespace().collect();
        if words.first().is_some_and(|w| OFFICES.contains(w)) {
            words.remove(0);
        } else {
            continue;
        }
        let words: Vec<String> = words.iter().map(|w| letters(w)).collect();
        let joined = words.concat();
        if joined.is_empty() {
            continue;
        }
        known.insert(joined.clone());
        // A post of its own or a spelling of a station: the station is
        // what the parser reads the whole name as.
        let Some(id) = canonical_id(&format!("09{joined}1")) else {
            continue;
        };
        let canonical = id.station().to_owned();
        known.insert(canonical.clone());
        let entry = names.entry(canonical.clone()).or_default();
        if words.len() > 1 && words.concat() == canonical {
            *entry = words;
        }
    }
    let names = names
        .into_iter()
        .map(|(canonical, words)| Name { canonical, words })
        .collect();
    (names, known)
}

/// Letters next to each letter on a QWERTY keyboard.
fn neighbours(c: u8) -> &'static [u8] {
    match c {
        b'Q' => b"WA",
        b'W' => b"QES",
        b'E' => b"WRD",
        b'R' => b"ETF",
        b'T' => b"RYG",
        b'Y' => b"TUH",
        b'U' => b"YIJ",
        b'I' => b"UOK",
        b'O' => b"IPL",
        b'P' => b"OL",
        b'A' => b"QSZ",
        b'S' => b"ADWX",
        b'D' => b"SFE",
        b'F' => b"DGR",
        b'G' => b"FHT",
        b'H' => b"GJY",
        b'J' => b"HKU",
        b'K' => b"JLI",
        b'L' => b"KO",
        b'Z' => b"XA",
        b'X' => b"ZCS",
        b'C' => b"XVD",
        b'V' => b"CBF",
        b'B' => b"VNG",
        b'N' => b"BMH",
        b'M' => b"NJ",
        _ => b"",
    }
}

/// What an OCR pass or a teleprinter reads a letter as.
fn ocr(c: u8) -> &'static [u8] {
    match c {
        b'O' => b"0Q",
        b'Q' => b"O",
        b'E' => b"Q",
        b'I' => b"1L",
        b'L' => b"I1",
        b'S' => b"5",
        b'B' => b"8",
        _ => b"",
    }
}

/// The kinds of damage, in the order of the table.
const KINDS: &[&str] = &[
    "drop",
    "double",
    "swap",
    "keyboard",
    "ocr",
    "truncate",
    "head-lost",
    "spacing",
    "classif",
    "office",
    "section",
    "serial-junk",
    "debris+typo",
    "two-typos",
    "banner-tail",
    "debris-misspelt",
    "year-ocr",
    "serial-ocr",
    "doubled",
    "lower-case",
    "city",
    "section-ocr",
];

/// A letter damage of `name` (bytes, upper-case) by kind; `None` when the
/// name offers none (no OCR-confusable letter).
fn damage_letters(kind: &str, name: &[u8], rng: &mut Rng) -> Option<Vec<u8>> {
    let mut v = name.to_vec();
    let n = v.len();
    match kind {
        "drop" => {
            v.remove(rng.below(n));
        }
        "double" => {
            let i = rng.below(n);
            v.insert(i, v[i]);
        }
        "swap" => {
            let spots: Vec<usize> = (0..n - 1).filter(|&i| v[i] != v[i + 1]).collect();
            let i = *rng.pick(&spots);
            v.swap(i, i + 1);
        }
        "keyboard" => {
            // Letters only: a blank, hyphen or digit has no neighbour here.
            let spots: Vec<usize> = (0..n).filter(|&i| !neighbours(v[i]).is_empty()).collect();
            if spots.is_empty() {
                return None;
            }
            let i = *rng.pick(&spots);
            v[i] = *rng.pick(neighbours(v[i]));
        }
        "ocr" => {
            let spots: Vec<usize> = (0..n).filter(|&i| !ocr(v[i]).is_empty()).collect();
            if spots.is_empty() {
                return None;
            }
            let i = *rng.pick(&spots);
            v[i] = *rng.pick(ocr(v[i]));
            // A digit for the last letter (`HANO1267`) reads as well as
            // the name cut short before a serial one digit longer: no
            // matcher can tell, except for a `0`, which changes no serial.
            if i == n - 1 && v[i].is_ascii_digit() && v[i] != b'0' {
                return None;
            }
        }
        "truncate" => {
            let cut = 1 + rng.below(3.min(n / 3).max(1));
            v.truncate(n - cut);
        }
        "head-lost" => {
            v.remove(0);
        }
        _ => return None,
    }
    Some(v)
}

/// A section marker, `SECTION 02 OF 03` glued, its word intact or damaged
/// by one of the letter damages above (the same generator as the names,
/// not a list of seen misspellings).
fn section(rng: &mut Rng) -> String {
    let of = 2 + rng.below(8);
    let n = 1 + rng.below(of);
    let kind = *rng.pick(&[
        "none",
        "drop",
        "double",
        "swap",
        "keyboard",
        "ocr",
        "head-lost",
    ]);
    let word = damage_letters(kind, b"SECTION", rng)
        .map_or_else(|| "SECTION".to_owned(), |v| String::from_utf8(v).unwrap());
    match rng.below(5) {
        0 => format!("{word}{n:02}F{of:02}"),
        1 => format!("{word}{n}OF{of}"),
        _ => format!("{word}{n:02}OF{of:02}"),
    }
}

/// `digits` with one of its `0`s or `1`s from position `from` on written
/// as the letter it looks like (`O`/`o`, `I`/`l`); `None` when it has none.
fn digit_as_letter(digits: &str, from: usize, rng: &mut Rng) -> Option<String> {
    let mut d = digits.as_bytes().to_vec();
    let spots: Vec<usize> = (from..d.len())
        .filter(|&i| matches!(d[i], b'0' | b'1'))
        .collect();
    if spots.is_empty() {
        return None;
    }
    let i = *rng.pick(&spots);
    d[i] = *rng.pick(if d[i] == b'0' { &b"Oo"[..] } else { &b"Il"[..] });
    String::from_utf8(d).ok()
}

/// One damaged id of `name` of `kind`, and the id it stands for; `None`
/// when the kind does not apply to the name.
fn damaged(kind: &str, name: &Name, rng: &mut Rng) -> Option<(String, String, String)> {
    let yy = (66 + rng.below(45)) % 100;
    let serial = 1 + rng.below(9999);
    let pad = *rng.pick(&[0usize, 0, 6]);
    let num = format!("{serial:0pad$}");
    let c = name.canonical.as_str();
    let want = format!("{yy:02}{c}{serial}");
    let mut station = c.to_owned();
    let (mut before, mut after) = (String::new(), String::new());
    match kind {
        "spacing" => {
            if name.words.len() < 2 {
                return None;
            }
            station = name.words[0].clone();
            for w in &name.words[1..] {
                let sep: &&str = rng.pick(&["", " ", "-", "-", " "]);
                station.push_str(sep);
                station.push_str(w);
            }
            if letters(&station) == station {
                station = name.words.join("-");
            }
        }
        "classif" => {
            before = (*rng.pick(&[
                "FIDENTIAL",
                "NFIDENTIAL",
                "ONFIDENTIAL",
                "NOFORN",
                "EFTO",
                "SBU",
                "CRET",
                "CLASSIFIED",
            ]))
            .to_owned();
        }
        "office" => before = (*rng.pick(&["AMEMBASSY", "AMCONSUL", "USMISSION"])).to_owned(),
        "section" => before = section(rng),
        // A digit of the section marker's numbers read as the letter it
        // looks like (`SECTIONO1OF03`, `SECTION01OFO3`, `SECTION0lOF03`).
        "section-ocr" => {
            let of = 2 + rng.below(8);
            let n = 1 + rng.below(of);
            before = format!(
                "SECTION{}",
                digit_as_letter(&format!("{n:02}OF{of:02}"), 0, rng)?
            );
        }
        "serial-junk" => {
            let other = 1 + rng.below(9999);
            after = match rng.below(3) {
                0 => format!("ZFR{other}"),
                1 => format!("TOSEC{other}"),
                _ => {
                    return Some((
                        format!("{yy:02}{c}{num}SUSPECTEDDUPLICATE{other}"),
                        format!("{yy:02}{c}{other}"),
                        String::new(),
                    ));
                }
            };
        }
        "two-typos" => {
            // Names long enough to be allowed two edits.
            if c.len() < 8 {
                return None;
            }
            let mut v = c.as_bytes().to_vec();
            for _ in 0..2 {
                let k = *rng.pick(&["drop", "double", "swap", "keyboard", "ocr"]);
                v = damage_letters(k, &v, rng).unwrap_or(v);
            }
            station = String::from_utf8(v).ok()?;
        }
        "banner-tail" => {
            // The tail (three letters or more) of a banner's words, with
            // its blanks lost: `CONFIDENTIAL NOFORN` -> `ENTIALNOFORN`.
            let words = *rng.pick(&[
                "CONFIDENTIAL",
                "UNCLASSIFIED",
                "SECRET",
                "CONFIDENTIALNOFORN",
                "SECRETNOFORN",
                "CONFIDENTIALEXDIS",
                "SECRETNODIS",
                "UNCLASSIFIEDSBU",
                "CONFIDENTIALSIPDIS",
                "LIMITEDOFFICIALUSE",
            ]);
            let cut = rng.below(words.len() - 3);
            before = words[cut..].to_owned();
        }
        "debris-misspelt" => {
            let w = *rng.pick(&["AMEMBASSY", "AMCONSUL", "USMISSION", "NOFORN", "EFTO"]);
            let k = *rng.pick(&["drop", "double", "swap", "keyboard"]);
            before = String::from_utf8(damage_letters(k, w.as_bytes(), rng)?).ok()?;
        }
        "debris+typo" => {
            before = match rng.below(3) {
                0 => section(rng),
                1 => "EFTO".to_owned(),
                _ => "AMEMBASSY".to_owned(),
            };
            let k = *rng.pick(&["drop", "swap", "ocr", "head-lost", "keyboard"]);
            station = String::from_utf8(damage_letters(k, c.as_bytes(), rng)?).ok()?;
        }
        "year-ocr" => {
            // A digit of the year read as the letter it looks like
            // (`O9LIMA12`, `I0LIMA12`, `0lLIMA12`): only the digits that
            // have one.
            let y = digit_as_letter(&format!("{yy:02}"), 0, rng)?;
            return Some((format!("{y}{c}{num}"), want, station));
        }
        "serial-ocr" => {
            // A digit of the serial after its first read as a letter
            // (`LIMA1O3`, `LIMA12l`): `0` as `O`, `1` as `I` or `l`.
            let s = digit_as_letter(&serial.to_string(), 1, rng)?;
            return Some((format!("{yy:02}{c}{s}"), want, station));
        }
        // The station written twice (`7575LIBREVILLE`'s doubled year,
        // for the name): `LIMALIMA`.
        "doubled" => station = format!("{c}{c}"),
        "lower-case" => station = c.to_ascii_lowercase(),
        // The plain-language name with `CITY` (ACP 117 writes `MEXICO
        // CITY`, `GUATEMALA CITY`; the id, `MEXICO`): `KUWAITCITY`.
        "city" => {
            if c.ends_with("CITY") {
                return None;
            }
            station = format!("{c}{}", rng.pick(&["CITY", " CITY", "-CITY"]));
        }
        _ => station = String::from_utf8(damage_letters(kind, c.as_bytes(), rng)?).ok()?,
    }
    Some((
        format!("{yy:02}{before}{station}{num}{after}"),
        want,
        station,
    ))
}

#[derive(Default, Clone, Copy)]
struct Tally {
    ok: usize,
    wrong: usize,
    unmatched: usize,
}

/// Scores every kind; returns the tallies in the order of [`KINDS`].
fn score(variants: usize) -> Vec<Tally> {
    let (names, known) = gazetteer();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut tallies = vec![Tally::default(); KINDS.len()];
    let mut wrongs: Vec<String> = Vec::new();
    let mut misses: Vec<String> = Vec::new();
    for (k, kind) in KINDS.iter().enumerate() {
        for name in &names {
            for _ in 0..variants {
                let Some((raw, want, station)) = damaged(kind, name, &mut rng) else {
                    continue;
                };
                let plain = letters(&station);
                if plain != name.canonical && known.contains(&plain) {
                    continue;
                }
                let got = canonical_id(&raw);
                let t = &mut tallies[k];
                match got {
                    Some(id) if id.as_str() == want => t.ok += 1,
                    Some(id) if known.contains(id.station()) => {
                        t.wrong += 1;
                        wrongs.push(format!("wrong {kind}: {raw} -> {id} (want {want})"));
                    }
                    other => {
                        t.unmatched += 1;
                        let got = other.map_or_else(|| "none".to_owned(), |i| i.to_string());
                        misses.push(format!("unmatched {kind}: {raw} -> {got} (want {want})"));
                    }
                }
            }
        }
    }
    eprintln!(
        "{:15} {:>6} {:>6} {:>9} {:>7}",
        "damage", "ok", "wrong", "unmatched", "ok %"
    );
    for (kind, t) in KINDS.iter().zip(&tallies) {
        let n = t.ok + t.wrong + t.unmatched;
        eprintln!(
            "{kind:15} {:>6} {:>6} {:>9} {:>6.1}%",
            t.ok,
            t.wrong,
            t.unmatched,
            100.0 * t.ok as f64 / n.max(1) as f64
        );
    }
    // Every wrong answer; the unmatched ones with `TYPOS_ALL` set.
    for w in &wrongs {
        eprintln!("{w}");
    }
    if std::env::var_os("TYPOS_ALL").is_some() {
        for m in &misses {
            eprintln!("{m}");
        }
    }
    tallies
}

/// Recovery floors per kind (percent of ids recovered) and ceilings on
/// wrong stations (percent), just under and over what was measured when
/// they were last set (2026-12-03, issue #17). Some wrong answers no
/// matcher avoids: `DGENEVA` (`CDGENEVA` less its head) is `GENEVA`.
const FLOORS: &[(&str, f64, f64)] = &[
    ("drop", 98.0, 0.8),
    ("double", 99.5, 0.1),
    ("swap", 99.5, 0.1),
    ("keyboard", 98.5, 0.4),
    ("ocr", 99.5, 0.1),
    ("truncate", 98.5, 0.1),
    ("head-lost", 95.5, 2.5),
    ("spacing", 99.5, 0.1),
    ("classif", 99.5, 0.1),
    ("office", 99.5, 0.1),
    ("section", 99.5, 0.1),
    ("serial-junk", 99.5, 0.1),
    ("debris+typo", 97.5, 0.8),
    ("two-typos", 97.0, 1.0),
    ("banner-tail", 99.5, 0.1),
    ("debris-misspelt", 99.5, 0.1),
    ("year-ocr", 99.5, 0.1),
    ("serial-ocr", 99.5, 0.1),
    ("doubled", 99.5, 0.1),
    ("lower-case", 99.5, 0.1),
    ("city", 99.5, 0.1),
    ("section-ocr", 99.5, 0.1),
];

#[test]
fn synthetic_typos_are_recovered() {
    let kinds: Vec<&str> = FLOORS.iter().map(|f| f.0).collect();
    assert_eq!(kinds, KINDS, "one floor per kind, in order");
    let tallies = score(3);
    let mut failed = Vec::new();
    for ((kind, floor, ceiling), t) in FLOORS.iter().zip(&tallies) {
        let n = (t.ok + t.wrong + t.unmatched).max(1) as f64;
        let ok = 100.0 * t.ok as f64 / n;
        let wrong = 100.0 * t.wrong as f64 / n;
        if ok < *floor {
            failed.push(format!("{kind}: {ok:.1}% recovered, floor {floor}%"));
        }
        if wrong > *ceiling {
            failed.push(format!("{kind}: {wrong:.1}% wrong, ceiling {ceiling}%"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
