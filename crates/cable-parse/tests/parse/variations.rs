//! Generated variations of the header fields (issue #17): lines composed
//! from parts whose expected value is known by construction, damaged the
//! ways cables damage them, read through the same evaluation as the
//! conformance cases. The rate is measured per kind of variation and each
//! kind has a floor, so that a fix is measured on the next cable with a
//! different typo rather than on the shared cases.
//!
//! `cargo test -p cable-parse --test parse variations -- --nocapture`
//! prints the per-kind tables.
#![allow(clippy::print_stdout)]

use crate::cablemap_eval;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// A small deterministic generator (xorshift64*), so that a run is
/// reproducible without a dependency.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n as u64)).unwrap_or(0)
    }
    pub(crate) fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// Passing and total per kind of variation.
#[derive(Default)]
pub(crate) struct Tally(pub(crate) BTreeMap<String, (usize, usize)>);

impl Tally {
    pub(crate) fn add(&mut self, kind: &str, ok: bool) {
        let e = self.0.entry(kind.to_owned()).or_default();
        e.0 += usize::from(ok);
        e.1 += 1;
    }
    pub(crate) fn rate(&self, kind: &str) -> f64 {
        self.0
            .get(kind)
            .map_or(0.0, |(p, n)| *p as f64 / (*n).max(1) as f64)
    }
    pub(crate) fn print(&self, what: &str) {
        println!("{what}: per kind of variation");
        for (k, (p, n)) in &self.0 {
            println!(
                "  {k:44} {p:5}/{n:<5} {:5.1}%",
                100.0 * *p as f64 / (*n).max(1) as f64
            );
        }
    }
}

// ---------------------------------------------------------------- Classified By

/// The label and its damaged forms (letters dropped, doubled, swapped;
/// the colon replaced or missing; glued to what follows; repeated).
const CB_LABELS: &[(&str, &str)] = &[
    ("label:plain", "Classified By: "),
    ("label:lower-by", "Classified by: "),
    ("label:upper", "CLASSIFIED BY: "),
    ("label:no-colon", "Classified by "),
    ("label:comma", "Classified by, "),
    ("label:semicolon", "Classified By; "),
    ("label:dropped", "Classifed By: "),
    ("label:dropped2", "Clasified by: "),
    ("label:doubled", "Classsified By: "),
    ("label:swapped", "Calssified By: "),
    ("label:glued-by", "ClassifiedBy: "),
    ("label:glued-name", "Classified By:"),
    ("label:repeated", "Classified By: Classified by "),
    ("label:para", "1. (U) CLASSIFIED BY "),
    ("label:para-c", "1. (C) Classified by: "),
];

/// Names: (as written mixed, is it safe to upper-case).
const CB_NAMES: &[(&str, &str)] = &[
    ("name:two", "Jane Roe"),
    ("name:initial", "Robert P. Finn"),
    ("name:two-initials", "Mary K. L. Wells"),
    ("name:lead-initial", "T. Scott Brown"),
    ("name:glued-initials", "A.F. Godfrey"),
    ("name:hyphen-given", "Pierre-Richard Prosper"),
    ("name:hyphen-family", "Anne Smith-Jones"),
    ("name:apostrophe", "Kevin O'Brien"),
    ("name:particle", "Maria de la Cruz"),
    ("name:particle-van", "Peter van der Berg"),
    ("name:mc", "John D. McCarthy"),
    ("name:suffix-jr", "Robert O. Blake, Jr."),
    ("name:suffix-iii", "Richard L. Baltimore, III"),
    ("name:suffix-jr-nocomma", "James Smith Jr."),
    ("name:three-words", "Mary Ann Peters"),
    ("name:short-family", "Hoyt Yee"),
    ("name:full-middle", "Mary Catherine Smith"),
    ("name:st", "Karen St. Clair"),
    ("name:d-apostrophe", "Anthony D'Angelo"),
    ("name:accent", "Jos\u{e9} Mu\u{f1}ez"),
    ("name:initial-no-dot", "John Q Adams"),
    ("name:mac", "Ian MacDonald"),
    ("name:spaced-initials", "J. R. Smith"),
    // Names that start like a title word or end like an officer's
    // abbreviation (`AMB`, `DIR`, `CONSUL`, `POLOFF`).
    ("name:title-stem", "Amber Dirksen"),
    ("name:title-stem-given", "Dirk Headley"),
    ("name:off", "Geoff Roe"),
];

/// Titles before the name.
const CB_TITLES_BEFORE: &[(&str, &str)] = &[
    ("before:none", ""),
    ("before:ambassador", "Ambassador "),
    ("before:charge", "Charge d'Affaires "),
    ("before:charge-ai", "Charge d'Affaires, a.i. "),
    ("before:cda", "CDA "),
    ("before:dcm", "DCM "),
    ("before:dcm-long", "Deputy Chief of Mission "),
    ("before:acting-dcm", "Acting Deputy Chief of Mission "),
    ("before:a-dcm", "A/DCM "),
    ("before:polcouns", "Political Counselor "),
    ("before:acting-polcouns", "Acting Political Counselor "),
    ("before:poloff", "PolOff "),
    ("before:poloff-upper", "POLOFF "),
    ("before:polmc", "PolMC "),
    ("before:managing", "Managing Director "),
    ("before:consul-general", "Consul General "),
    ("before:office", "EEB/ESC/IEC Director "),
    ("before:econ-chief", "Economic Section Chief "),
    ("before:pol-econ", "Pol/Econ Chief "),
    ("before:ambassador-typo", "Ambasador "),
    ("before:dep-asst-sec", "Deputy Assistant Secretary "),
    ("before:colon", "Deputy Chief of Mission: "),
    ("before:dash", "RSO - "),
    (
        "before:long",
        "Acting Deputy Chief of Mission and Political Counselor ",
    ),
    (
        "before:long-office",
        "Director of the Office of Regional Affairs ",
    ),
    ("before:amb-abbrev", "Amb. "),
    ("before:pol-econ-off", "Pol/Econ Off "),
    ("before:min-couns", "Political Minister-Counselor "),
    ("before:rso", "Regional Security Officer "),
    ("before:pao", "Public Affairs Officer "),
    ("before:principal", "Principal Officer "),
    ("before:das", "PDAS "),
    ("before:under-sec", "Under Secretary "),
    ("before:office-director", "EUR/RUS Office Director "),
    ("before:s-ct", "S/CT Coordinator "),
    ("before:mission-director", "USAID Mission Director "),
    ("before:envoy", "Special Envoy "),
    ("before:deputy-pol", "Deputy Political Counselor "),
    ("before:econ-officer", "Economic Officer "),
    ("before:polmil", "Pol-Mil Officer "),
    ("before:cda-ai", "CDA a.i. "),
    (
        "before:intl",
        "Acting Assistant Secretary for International Security and Nonproliferation ",
    ),
    ("before:consul", "Consul "),
    ("before:post", "Ambassador to the OSCE "),
];

/// Titles after the name.
const CB_TITLES_AFTER: &[(&str, &str)] = &[
    ("after:none", ""),
    ("after:ambassador", ", Ambassador"),
    ("after:dcm", ", Deputy Chief of Mission"),
    ("after:dcm-short", ", DCM"),
    ("after:polcouns-post", ", Political Counselor, Embassy Rome"),
    ("after:director-office", ", Director, EEB/ESC/IEC"),
    ("after:acting", ", Acting Political Counselor"),
    ("after:dash", " - Political Officer"),
    ("after:paren", " (POLOFF)"),
    ("after:paren-title", " (Acting DCM)"),
    ("after:comma-acting", ", Acting DCM"),
    ("after:office", ", EUR/RUS"),
    ("after:poloff", ", POLOFF"),
    ("after:officer-for", ", Political Officer,"),
];

/// Separator between the name part and the reasons.
const CB_SEPARATORS: &[(&str, &str)] = &[
    ("sep:for", " for "),
    ("sep:comma", ", "),
    ("sep:semicolon", "; "),
    ("sep:dot", ". "),
    ("sep:dot2", ".  "),
    ("sep:dash", " - "),
    ("sep:space", " "),
    ("sep:per", " per "),
    ("sep:dashes", " -- "),
    ("sep:colon", ": "),
    ("sep:slash", " / "),
    ("sep:comma-for", ", for "),
    ("sep:under", " under "),
    ("sep:based-on", " based on "),
];

/// Reasons tails.
const CB_REASONS: &[(&str, &str)] = &[
    ("reason:std", "reasons 1.4 (b) and (d)"),
    ("reason:cap", "Reason 1.4 (b) and (d)"),
    ("reason:upper-list", "REASONS 1.4(B),(D)"),
    ("reason:eo", "E.O. 12958 1.4 b, d"),
    ("reason:eo-reasons", "reasons E.O. 12958 1.4 (b) and (d)"),
    ("reason:slash", "reasons 1.4 (b/d)"),
    ("reason:one", "Reason: 1.5 (d)"),
    ("reason:bare", "1.4 (b) and (d)"),
    ("reason:typo", "Reaosns 1.4 (b) and (d)"),
    ("reason:colon", "Reasons: 1.4(b,d)."),
    ("reason:none", ""),
    ("reason:amp", "reasons 1.4(b) & (d)"),
    ("reason:section", "Section 1.4 (b,d)"),
    (
        "reason:amended",
        "Reason: E.O. 12958, as amended, 1.4(b) and (d)",
    ),
    ("reason:eo-first", "E.O. 12958 Reasons 1.4 (b) and (d)"),
    ("reason:upper-slash", "REASONS 1.4 B/D"),
    ("reason:space-list", "Reasons: 1.4 (b) (d)"),
    ("reason:glued", "reason 1.4b"),
    ("reason:three", "reason 1.4 (B), (C), and (D)"),
    ("reason:eo-13526", "E.O. 13526, reasons 1.4 (b) and (d)"),
    ("reason:decl", "Reason 1.4 (b). DECL: 2019"),
];

/// Where the line is wrapped.
/// `cut` is the cablegate pages' cut at column 71, which may fall inside
/// a word (`Hoyt Y \nee`); `word` a wrap at a width between 64 and 72
/// at the last blank; the others break at a blank inside one part.
const CB_WRAPS: &[&str] = &[
    "wrap:none",
    "wrap:before-reason",
    "wrap:in-title",
    "wrap:in-name",
    "wrap:indented",
    "wrap:word",
    "wrap:cut",
];

/// The peer's normalisation of an all-caps name, computed from its
/// description in the cases' note: title case, `0` read as `O`, `Iii`
/// kept as `III`.
fn title_case(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            let w = w.replace('0', "O");
            let mut out = String::new();
            let mut start = true;
            for ch in w.chars() {
                if start {
                    out.extend(ch.to_uppercase());
                } else {
                    out.extend(ch.to_lowercase());
                }
                start = !ch.is_alphabetic();
            }
            match out.as_str() {
                "Iii" => "III".to_owned(),
                "Ii" => "II".to_owned(),
                _ => out,
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Breaks `s` at the `n`th blank (counted from the start) into a new line.
fn wrap_at_blank(s: &str, from: usize, to: usize, rng: &mut Rng, indent: bool) -> String {
    let blanks: Vec<usize> = s
        .char_indices()
        .filter(|(i, c)| *c == ' ' && *i > from && *i < to)
        .map(|(i, _)| i)
        .collect();
    if blanks.is_empty() {
        return s.to_owned();
    }
    let at = *rng.pick(&blanks);
    let nl = if indent { " \n " } else { " \n" };
    format!("{}{nl}{}", &s[..at], &s[at + 1..])
}

/// Wraps `s` at `width` columns, the way the cables' lines break: cut at
/// the column itself (`cut`: inside a word, `Re \nasons`, or on a blank,
/// which then starts the next line, ` H. Nardi`), or at the last blank
/// before it. Every line keeps a trailing blank, as in the archives.
fn wrap_fixed(s: &str, width: usize, cut: bool) -> String {
    let mut out = String::new();
    let mut rest = s;
    while rest.chars().count() > width {
        let at = if cut {
            rest.char_indices().nth(width).map(|(i, _)| i)
        } else {
            rest.get(..=width).and_then(|h| h.rfind(' '))
        };
        let Some(at) = at else { break };
        let (line, next) = rest.split_at(at);
        out.push_str(line);
        out.push_str(" \n");
        rest = if cut { next } else { next.trim_start() };
    }
    out.push_str(rest);
    out
}

struct CbCase {
    kinds: Vec<String>,
    input: String,
    normalize: bool,
    expected: String,
}

fn cb_case(rng: &mut Rng, fix: Option<(usize, usize)>) -> CbCase {
    // fix: (dimension, variant) to hold; the others are random.
    let choose = |rng: &mut Rng, dim: usize, n: usize| match fix {
        Some((d, v)) if d == dim => v,
        _ => rng.below(n),
    };
    let label = CB_LABELS[choose(rng, 0, CB_LABELS.len())];
    let name = CB_NAMES[choose(rng, 1, CB_NAMES.len())];
    let before = CB_TITLES_BEFORE[choose(rng, 2, CB_TITLES_BEFORE.len())];
    let after = if before.1.is_empty() || fix.is_some_and(|(d, _)| d == 3) {
        CB_TITLES_AFTER[choose(rng, 3, CB_TITLES_AFTER.len())]
    } else {
        CB_TITLES_AFTER[0]
    };
    let sep = CB_SEPARATORS[choose(rng, 4, CB_SEPARATORS.len())];
    let reason = CB_REASONS[choose(rng, 5, CB_REASONS.len())];
    let wrap = CB_WRAPS[choose(rng, 6, CB_WRAPS.len())];
    let case = ["case:mixed", "case:upper", "case:upper-zero"][choose(rng, 7, 3)];
    let normalize = choose(rng, 8, 2) == 1;
    let upper =
        case != "case:mixed" || label.1.starts_with("CLASSIFIED") || label.1.starts_with("1. (U)");
    let case = if upper && case == "case:mixed" {
        "case:upper"
    } else {
        case
    };
    // `LEE 0. COLDREN`: a zero typed for the letter O in an all-caps name.
    let mut written_name = name.1.to_owned();
    if upper {
        written_name = written_name.to_uppercase();
        if case == "case:upper-zero" {
            written_name = written_name.replacen('O', "0", 1);
        }
    }
    let title_before = if upper {
        before.1.to_uppercase()
    } else {
        before.1.to_owned()
    };
    let title_after = if upper {
        after.1.to_uppercase()
    } else {
        after.1.to_owned()
    };
    let reason_text = if upper {
        reason.1.to_uppercase()
    } else {
        reason.1.to_owned()
    };
    let sep_text = if upper {
        sep.1.to_uppercase()
    } else {
        sep.1.to_owned()
    };
    let head = format!("{}{title_before}", label.1);
    let name_at = head.len();
    let mut line = format!("{head}{written_name}{title_after}");
    let name_end = name_at + written_name.len();
    let title_end = line.len();
    if !reason_text.is_empty() {
        line.push_str(&sep_text);
        line.push_str(&reason_text);
    } else {
        line.push('.');
    }
    let label_end = label.1.len();
    let width = 64 + rng.below(9);
    let line = match wrap {
        "wrap:before-reason" if !reason_text.is_empty() => {
            wrap_at_blank(&line, title_end.saturating_sub(1), line.len(), rng, false)
        }
        "wrap:in-title" => wrap_at_blank(&line, label_end, name_at, rng, false),
        "wrap:in-name" => wrap_at_blank(&line, name_at, name_end, rng, false),
        "wrap:indented" => wrap_at_blank(&line, label_end, line.len(), rng, true),
        "wrap:word" => wrap_fixed(&line, width, false),
        // Paragraph lines (`1. (U) CLASSIFIED BY`) are word-wrapped text.
        "wrap:cut" if label.1.starts_with("1.") => wrap_fixed(&line, width, false),
        "wrap:cut" => wrap_fixed(&line, 71, true),
        _ => line,
    };
    // Where a fixed-width cut fell, as its own kind.
    let wrap = match wrap {
        "wrap:cut" if label.1.starts_with("1.") => "wrap:word",
        "wrap:cut" if line.len() <= 71 => "wrap:cut-short-line",
        "wrap:cut" if 71 < name_at => "wrap:cut-in-title",
        "wrap:cut" if 71 < name_end => "wrap:cut-in-name",
        "wrap:cut" => "wrap:cut-after-name",
        w => w,
    };
    // Mixed-case names are kept as written (`Joseph LeBaron` stays so in
    // the peer's normalised cases).
    let expected = if normalize && upper {
        title_case(&written_name)
    } else {
        written_name.clone()
    };
    CbCase {
        kinds: [
            label.0, name.0, before.0, after.0, sep.0, reason.0, wrap, case,
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .chain([format!("normalize:{normalize}")])
        .collect(),
        input: format!(" \n{line} \n \n2. (C) Summary: the body follows. \n"),
        normalize,
        expected,
    }
}

fn cb_eval(c: &CbCase) -> Value {
    let case = json!({
        "field": "classified_by",
        "input": c.input,
        "context": {"normalize": c.normalize},
    });
    cablemap_eval::evaluate(&case)
}

fn cb_run(c: &CbCase) -> bool {
    cb_eval(c) == Value::from(vec![c.expected.clone()])
}

const CB_DIMS: [usize; 9] = [
    CB_LABELS.len(),
    CB_NAMES.len(),
    CB_TITLES_BEFORE.len(),
    CB_TITLES_AFTER.len(),
    CB_SEPARATORS.len(),
    CB_REASONS.len(),
    CB_WRAPS.len(),
    3,
    2,
];

/// Each variant of each dimension with the other dimensions random (40
/// lines per variant), then 2,000 lines with all dimensions random.
fn cb_tally(show_failures: usize) -> (Tally, Tally) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut per_kind = Tally::default();
    let mut shown = 0;
    let mut show = |label: &str, c: &CbCase| {
        if shown < show_failures {
            shown += 1;
            println!(
                "FAIL {label}: {:?} expected {:?} got {}",
                c.input,
                c.expected,
                cb_eval(c)
            );
        }
    };
    for (dim, n) in CB_DIMS.iter().enumerate() {
        for v in 0..*n {
            for _ in 0..40 {
                let c = cb_case(&mut rng, Some((dim, v)));
                let ok = cb_run(&c);
                let held = c.kinds.get(dim).cloned().unwrap_or_default();
                per_kind.add(&held, ok);
                if !ok {
                    show(&held, &c);
                }
            }
        }
    }
    let mut mixed = Tally::default();
    for _ in 0..2000 {
        let c = cb_case(&mut rng, None);
        let ok = cb_run(&c);
        if !ok {
            show("all", &c);
        }
        mixed.add("all", ok);
        for k in &c.kinds {
            mixed.add(k, ok);
        }
    }
    (per_kind, mixed)
}

#[test]
fn classified_by_variations() {
    let show = std::env::var("CABLEKIT_SHOW_FAILURES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let (per_kind, mixed) = cb_tally(show);
    per_kind.print("Classified By, one dimension held");
    mixed.print("Classified By, all dimensions random");
    // Floors as measured (2026-12-03, issue #17): every kind at 97.5% or
    // more, all dimensions random 99.8% or more. The misses left are
    // word wraps that end exactly at the cut column (71), read as cuts.
    for k in per_kind.0.keys() {
        assert!(per_kind.rate(k) >= 0.95, "{k} below 95%");
    }
    assert!(
        mixed.rate("all") >= 0.995,
        "all dimensions random below 99.5%"
    );
}

// ---------------------------------------------------------------- TAGS

/// The TAGS vocabularies the parser ships (copies of
/// `../shared/reference`), read as the generator's source of codes.
fn vocabulary(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.starts_with('#') && !l.is_empty() && !l.contains(' '))
        .map(str::to_uppercase)
        .collect()
}

/// Two-letter country codes (ISO 3166-1 alpha-2), a sample.
const COUNTRY_CODES: &[&str] = &[
    "FR", "GR", "TU", "IZ", "IR", "IS", "JO", "LY", "BR", "AR", "KU", "MX", "CH", "KN", "SN", "PK",
    "AF", "NL", "IT", "US", "RS", "UP", "EG", "SA", "NI", "KE", "ZI", "VE", "CO", "PE",
];

/// Persons as tags write them: surname, given name(s) and initial.
const PERSONS: &[(&str, &str)] = &[
    ("SMITH", "JOHN"),
    ("GARCIA", "MARIA"),
    ("ROOD", "JOHN"),
    ("ZOELLICK", "ROBERT"),
    ("NOVO", "GUILLERMO"),
];

/// Free-text keywords (several words, none a code).
const KEYWORDS: &[&str] = &[
    "COUNTRY CLEARANCE",
    "IRAQI FREEDOM",
    "DOMESTIC POLITICS",
    "BORDER SECURITY",
    "COUNTERTERRORISM",
];

/// The kinds of damage a TAGS line suffers.
const TAG_DAMAGES: &[&str] = &[
    "damage:none",
    "damage:no-commas",
    "damage:semicolons",
    "damage:glued-codes",
    "damage:lower-case",
    "damage:sipdis",
    "damage:trailing-dot",
    "damage:wrapped-comma",
    "damage:wrapped-blank",
    "damage:duplicate",
    "damage:spaced-code",
    "damage:letter-swapped",
    "damage:letter-doubled",
    "damage:letter-dropped",
    "damage:person",
    "damage:person-no-comma",
    "damage:keyword",
    "damage:keyword-no-commas",
    "damage:slashes",
    "damage:label",
    "damage:glued-country",
    "damage:glued-three",
    "damage:lower-no-commas",
    "damage:mixed-no-commas",
    "damage:keyword-pair-no-commas",
    "damage:person-initial",
    "damage:ovip-person",
    "damage:government-keyword",
    "damage:and-list",
    "damage:ovip-surnames-and",
];

struct TagCase {
    kind: &'static str,
    input: String,
    expected: Vec<String>,
}

/// A TAGS line of 3 to 7 codes (subject, program, organisation, country
/// codes), damaged one way.
fn tag_case(rng: &mut Rng, damage: &'static str, subjects: &[String], orgs: &[String]) -> TagCase {
    let n = 3 + rng.below(5);
    let mut codes: Vec<String> = Vec::new();
    while codes.len() < n {
        let c = match rng.below(6) {
            0..=2 => rng.pick(subjects).clone(),
            3 | 4 => (*rng.pick(COUNTRY_CODES)).to_owned(),
            _ => rng.pick(orgs).clone(),
        };
        if !codes.contains(&c) {
            codes.push(c);
        }
    }
    let mut expected = codes.clone();
    let join = |xs: &[String], sep: &str| xs.join(sep);
    let mut label = "TAGS: ";
    let body = match damage {
        "damage:no-commas" => join(&codes, " "),
        "damage:semicolons" => join(&codes, "; "),
        "damage:slashes" => join(&codes, "/"),
        "damage:glued-codes" => {
            // Two four-letter subject codes glued, the rest as written.
            let a = rng.pick(subjects).clone();
            let b = rng.pick(subjects).clone();
            if a == b || codes.contains(&a) || codes.contains(&b) {
                join(&codes, ", ")
            } else {
                let at = rng.below(codes.len() + 1);
                let mut written = codes.clone();
                written.insert(at, format!("{a}{b}"));
                expected.insert(at, b);
                expected.insert(at, a);
                join(&written, ", ")
            }
        }
        "damage:lower-case" => join(&codes, ", ").to_lowercase(),
        "damage:sipdis" => {
            let mut written = codes.clone();
            written.insert(1 + rng.below(codes.len() - 1), "SIPDIS".to_owned());
            join(&written, " ")
        }
        "damage:trailing-dot" => format!("{}.", join(&codes, ", ")),
        "damage:wrapped-comma" => {
            let at = 1 + rng.below(codes.len() - 1);
            format!(
                "{},\n{}",
                join(&codes[..at], ", "),
                join(&codes[at..], ", ")
            )
        }
        "damage:wrapped-blank" => {
            let at = 1 + rng.below(codes.len() - 1);
            format!("{}\n{}", join(&codes[..at], " "), join(&codes[at..], " "))
        }
        "damage:duplicate" => {
            let mut written = codes.clone();
            written.extend(codes.iter().take(2).cloned());
            join(&written, " ")
        }
        "damage:spaced-code" => {
            // `P REL`: a blank inside a four-letter subject code.
            let at = codes
                .iter()
                .position(|c| c.len() == 4 && subjects.contains(c));
            let mut written = codes.clone();
            if let Some(w) = at.and_then(|i| written.get_mut(i)) {
                let k = if rng.below(2) == 0 { 1 } else { 3 };
                *w = format!("{} {}", &w[..k], &w[k..]);
            }
            join(&written, ", ")
        }
        "damage:letter-swapped" | "damage:letter-doubled" | "damage:letter-dropped" => {
            // A typo in one code: the peer keeps it as written (`GOV`), a
            // tag of its own between the others.
            let at = codes
                .iter()
                .position(|c| c.len() == 4 && subjects.contains(c));
            let mut written = codes.clone();
            if let Some(i) = at {
                let c: Vec<char> = written[i].chars().collect();
                let k = 1 + rng.below(2);
                let typo: String = match damage {
                    "damage:letter-swapped" => {
                        let mut d = c.clone();
                        d.swap(k, k + 1);
                        d.into_iter().collect()
                    }
                    "damage:letter-doubled" => {
                        let mut d = c.clone();
                        d.insert(k, c[k]);
                        d.into_iter().collect()
                    }
                    _ => {
                        let mut d = c.clone();
                        d.remove(k);
                        d.into_iter().collect()
                    }
                };
                written[i] = typo.clone();
                expected[i] = typo;
            }
            join(&written, ", ")
        }
        "damage:and-list" => {
            // Written as a sentence: `PREL, PGOV AND KDEM.`.
            let (last, head) = codes.split_last().expect("three codes or more");
            let sep = *rng.pick(&[" AND ", ", AND ", " & "]);
            format!("{}{sep}{last}.", head.join(", "))
        }
        "damage:ovip-surnames-and" => {
            // `OVIP, SMITH, ROOD, AND GARCIA.`: visitors by surname.
            let names = ["SMITH", "ROOD", "GARCIA", "NOVO"];
            let k = 2 + rng.below(3);
            let picked: Vec<&str> = names.iter().take(k).copied().collect();
            let mut written = codes.clone();
            written.push("OVIP".to_owned());
            expected.push("OVIP".to_owned());
            let (last, head) = picked.split_last().expect("two names or more");
            for n in head {
                written.push((*n).to_owned());
                expected.push((*n).to_owned());
            }
            expected.push((*last).to_owned());
            let sep = *rng.pick(&[", AND ", " AND "]);
            format!("{}{sep}{last}.", written.join(", "))
        }
        "damage:person" | "damage:person-no-comma" => {
            let (s, g) = *rng.pick(PERSONS);
            let at = rng.below(codes.len() + 1);
            expected.insert(at, format!("{s}, {g}"));
            let mut written = codes.clone();
            if damage == "damage:person" {
                written.insert(at, format!("{s}, {g}"));
                join(&written, ", ")
            } else {
                written.insert(at, format!("{s} {g}"));
                join(&written, " ")
            }
        }
        "damage:keyword" | "damage:keyword-no-commas" => {
            let k = *rng.pick(KEYWORDS);
            expected.push(k.to_owned());
            let mut written = codes.clone();
            written.push(k.to_owned());
            join(
                &written,
                if damage == "damage:keyword" {
                    ", "
                } else {
                    " "
                },
            )
        }
        "damage:glued-country" => {
            // `IZPREL`, `PRELIZ`: a country code glued to a subject code.
            let a = rng.pick(subjects).clone();
            let b = (*rng.pick(COUNTRY_CODES)).to_owned();
            if codes.contains(&a) || codes.contains(&b) {
                join(&codes, " ")
            } else {
                let (w, first, second) = if rng.below(2) == 0 {
                    (format!("{b}{a}"), b, a)
                } else {
                    (format!("{a}{b}"), a, b)
                };
                let mut written = codes.clone();
                written.push(w);
                expected.push(first);
                expected.push(second);
                join(&written, " ")
            }
        }
        "damage:glued-three" => {
            let picks: Vec<String> = (0..3).map(|_| rng.pick(subjects).clone()).collect();
            let distinct = picks
                .iter()
                .collect::<std::collections::BTreeSet<_>>()
                .len()
                == 3
                && !picks.iter().any(|p| codes.contains(p));
            if distinct {
                let mut written = codes.clone();
                written.push(picks.concat());
                expected.extend(picks);
                join(&written, ", ")
            } else {
                join(&codes, ", ")
            }
        }
        "damage:lower-no-commas" => join(&codes, " ").to_lowercase(),
        "damage:mixed-no-commas" => {
            // Codes, a person and a keyword, the commas dropped.
            let (s, g) = *rng.pick(PERSONS);
            let k = *rng.pick(KEYWORDS);
            let mut written = codes.clone();
            let at = 1 + rng.below(codes.len() - 1);
            written.insert(at, format!("{s} {g}"));
            expected.insert(at, format!("{s}, {g}"));
            written.push(k.to_owned());
            expected.push(k.to_owned());
            join(&written, " ")
        }
        "damage:keyword-pair-no-commas" => {
            // Two keywords run together: no vocabulary says where the
            // second starts.
            let a = *rng.pick(KEYWORDS);
            let b = *rng.pick(KEYWORDS);
            let mut written = codes.clone();
            written.push(a.to_owned());
            expected.push(a.to_owned());
            if a != b {
                written.push(b.to_owned());
                expected.push(b.to_owned());
            }
            join(&written, " ")
        }
        "damage:person-initial" => {
            let (s, g) = *rng.pick(PERSONS);
            let p = format!("{s}, {g} {}.", ["A", "B", "K"][rng.below(3)]);
            let mut written = codes.clone();
            written.push(p.clone());
            expected.push(p);
            join(&written, ", ")
        }
        "damage:ovip-person" => {
            // `OVIP (CLINTON, HILLARY)` and `OVIP CLINTON HILLARY`.
            let (s, g) = *rng.pick(PERSONS);
            let mut written = codes.clone();
            if rng.below(2) == 0 {
                written.insert(0, format!("OVIP ({s}, {g})"));
            } else {
                written.insert(0, format!("OVIP {s} {g}"));
            }
            expected.insert(0, format!("{s}, {g}"));
            expected.insert(0, "OVIP".to_owned());
            join(&written, " ")
        }
        "damage:government-keyword" => {
            // A keyword, then one about a government (`GO` + initial),
            // the commas dropped.
            let k = *rng.pick(KEYWORDS);
            let g = format!(
                "GO{} {}",
                ["I", "S", "J", "N", "E"][rng.below(5)],
                ["EXTERNAL", "INTERNAL", "POLICY"][rng.below(3)]
            );
            let mut written = codes.clone();
            written.push(k.to_owned());
            written.push(g.clone());
            expected.push(k.to_owned());
            expected.push(g);
            join(&written, " ")
        }
        "damage:label" => {
            label = *rng.pick(&["TAGS ", "Tags: ", "TAGS:", "TGS: ", "TAGES: ", "TAGs: "]);
            join(&codes, ", ")
        }
        _ => join(&codes, ", "),
    };
    let mut seen = std::collections::BTreeSet::new();
    expected.retain(|t| seen.insert(t.clone()));
    TagCase {
        kind: damage,
        input: format!("E.O. 12958: N/A\n{label}{body}\nSUBJECT: A VISIT\n\n1. (U) Text.\n"),
        expected,
    }
}

fn tags_run(c: &TagCase) -> Value {
    let case = json!({
        "field": "tags",
        "input": c.input,
        "context": {"canonicalize": true},
    });
    cablemap_eval::evaluate(&case)
}

#[test]
fn tags_variations() {
    let show: usize = std::env::var("CABLEKIT_SHOW_FAILURES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let subjects = vocabulary(include_str!("../../src/header/tags-subject.txt"));
    let orgs = vocabulary(include_str!("../../src/header/tags-organization.txt"));
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut tally = Tally::default();
    let mut shown = 0;
    for damage in TAG_DAMAGES {
        for _ in 0..100 {
            let c = tag_case(&mut rng, damage, &subjects, &orgs);
            let got = tags_run(&c);
            let ok = got == json!(c.expected);
            tally.add(c.kind, ok);
            if !ok && shown < show {
                shown += 1;
                println!(
                    "FAIL {}: {:?} expected {:?} got {got}",
                    c.kind, c.input, c.expected
                );
            }
        }
    }
    tally.print("TAGS");
    // Floors as measured (2026-12-03, issue #17): every kind at 98% or
    // more but one. Keywords run together without commas are split only
    // where a rule of `push_keywords` sees a boundary (no vocabulary of
    // free-text keywords says where the second starts).
    for k in tally.0.keys() {
        let floor = match k.as_str() {
            "damage:keyword-pair-no-commas" => 0.2,
            _ => 0.97,
        };
        assert!(tally.rate(k) >= floor, "{k} below {floor}");
    }
}
