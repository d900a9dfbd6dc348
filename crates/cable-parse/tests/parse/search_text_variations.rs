//! Generated variations of `search_text` (issue #17): bodies composed from
//! parts whose cleaned form is known by construction (a paragraph's words
//! wrapped onto lines, with a label, an intro, an end marker, debris between
//! or inside paragraphs), measured per kind of variation. What each part
//! cleans to follows the module doc of `search_text` (the peer's note:
//! paragraph numbers with markings, rules, page and section headers,
//! summary and comment intros and end markers, line-initial `SIPDIS`, runs
//! of `xx` go; everything else is kept as written).
//!
//! `cargo test -p cable-parse --test parse search_text_variations --
//! --nocapture` prints the table; `CABLEKIT_SHOW_FAILURES=N` shows N misses.
#![allow(clippy::print_stdout)]

use crate::variations::{Rng, Tally};

/// Words of running text: lower case, none a keyword of the layout.
const WORDS: &[&str] = &[
    "the",
    "minister",
    "said",
    "talks",
    "would",
    "continue",
    "after",
    "elections",
    "embassy",
    "officials",
    "met",
    "with",
    "party",
    "leaders",
    "on",
    "monday",
    "to",
    "discuss",
    "budget",
    "reform",
    "and",
    "regional",
    "security",
    "government",
    "plans",
    "new",
    "measures",
    "against",
    "smuggling",
    "border",
    "trade",
    "press",
    "reported",
    "that",
    "opposition",
    "rejected",
    "offer",
];

/// A paragraph's words wrapped onto lines of 30 to 69 columns; the first
/// word capitalised, the last followed by a period, every other line ends
/// in a lower-case word (a page break there is in mid-sentence).
fn paragraph(rng: &mut Rng, min_words: usize) -> Vec<String> {
    let n = min_words + rng.below(25);
    let width = 30 + rng.below(40);
    let mut lines = vec![String::new()];
    for k in 0..n {
        let mut w = (*rng.pick(WORDS)).to_owned();
        if k == 0 {
            w = w[..1].to_uppercase() + &w[1..];
        }
        if k + 1 == n {
            w.push('.');
        }
        let last = lines.last_mut().expect("one line");
        if !last.is_empty() && last.len() + 1 + w.len() > width {
            lines.push(w);
        } else {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(&w);
        }
    }
    lines
}

/// One generated body: its kind, input lines and expected search text
/// lines (both joined by line feeds, with a final one).
struct Case {
    kind: String,
    input: Vec<String>,
    expected: Vec<String>,
}

/// A paragraph (input lines, expected lines).
type Para = (Vec<String>, Vec<String>);

/// `count` paragraphs labelled by `label(i)` on their first line.
fn labelled(rng: &mut Rng, count: usize, label: &dyn Fn(usize) -> String, min: usize) -> Vec<Para> {
    (0..count)
        .map(|i| {
            let exp = paragraph(rng, min);
            let mut inp = exp.clone();
            inp[0] = label(i) + &inp[0];
            (inp, exp)
        })
        .collect()
}

/// Paragraphs joined by one blank line.
fn join(kind: String, paras: Vec<Para>) -> Case {
    let mut input = Vec::new();
    let mut expected = Vec::new();
    append(&mut input, &mut expected, paras);
    Case {
        kind,
        input,
        expected,
    }
}

/// Appends paragraphs, one blank line between them, to an input and its
/// expected search text.
fn append(
    input: &mut Vec<String>,
    expected: &mut Vec<String>,
    paras: impl IntoIterator<Item = Para>,
) {
    for (k, (i, e)) in paras.into_iter().enumerate() {
        if k > 0 {
            input.push(String::new());
            expected.push(String::new());
        }
        input.extend(i);
        expected.extend(e);
    }
}

/// The label of the i-th paragraph.
type Label = fn(usize) -> String;

/// Paragraph label forms: (name, label of the i-th paragraph, removed).
const LABELS: &[(&str, Label, bool)] = &[
    ("1. (C)", |i| format!("{}. (C) ", i + 1), true),
    ("1.(C)", |i| format!("{}.(C) ", i + 1), true),
    ("1 . (C)", |i| format!("{} . (C) ", i + 1), true),
    ("12. (S/NF)", |i| format!("{}. (S/NF) ", i + 12), true),
    ("1. (SBU//NF)", |i| format!("{}. (SBU//NF) ", i + 1), true),
    ("1. (C/NF)", |i| format!("{}. (C/NF) ", i + 1), true),
    ("1. C)", |i| format!("{}. C) ", i + 1), true),
    ("1. (U)", |i| format!("{}. (U) ", i + 1), true),
    ("1. (C) two blanks", |i| format!("{}.  (C)  ", i + 1), true),
    (
        "A. (C)",
        |i| format!("{}. (C) ", char::from(b'A' + i as u8)),
        true,
    ),
    (
        "a. (SBU)",
        |i| format!("{}. (SBU) ", char::from(b'a' + i as u8)),
        true,
    ),
    (
        "(A) (C)",
        |i| format!("({}) (C) ", char::from(b'A' + i as u8)),
        true,
    ),
    ("3. bare", |i| format!("{}. ", i + 3), true),
    ("(C) alone", |_| "(C) ".to_owned(), true),
    ("1. (C/REL UK)", |i| format!("{}. (C/REL UK) ", i + 1), true),
    (
        "1. (S/REL TO USA, AUS)",
        |i| format!("{}. (S/REL TO USA, AUS) ", i + 1),
        true,
    ),
    (
        "indented A. (C)",
        |i| format!("   {}. (C) ", char::from(b'A' + i as u8)),
        true,
    ),
    (
        "1. (C) alone on its line",
        |i| format!("{}. (C)\n", i + 1),
        true,
    ),
    ("(S//NF) alone", |_| "(S//NF) ".to_owned(), true),
    // Not a number: a bullet the cable's text keeps (documented behaviour:
    // only a marking opening the paragraph goes).
    ("-- (C) kept", |_| "-- (C) ".to_owned(), false),
];

fn label_cases(rng: &mut Rng, out: &mut Vec<Case>) {
    for (name, label, removed) in LABELS {
        for wrapped in [false, true] {
            for _ in 0..40 {
                let min = if wrapped { 14 } else { 2 };
                let paras: Vec<Para> = (0..2 + rng.below(3))
                    .map(|i| {
                        let mut exp = paragraph(rng, min);
                        if !wrapped {
                            exp.truncate(1);
                            if !exp[0].ends_with('.') {
                                exp[0].push('.');
                            }
                        }
                        let mut inp = exp.clone();
                        inp[0] = label(i) + &inp[0];
                        if let Some((l, t)) = inp[0].clone().split_once('\n') {
                            inp[0] = t.to_owned();
                            inp.insert(0, l.to_owned());
                        }
                        if !removed {
                            exp[0].clone_from(&inp[0]);
                        }
                        (inp, exp)
                    })
                    .collect();
                let shape = if wrapped { "wrapped" } else { "one line" };
                out.push(join(format!("label {name}, {shape}"), paras));
            }
        }
    }
}

/// Page headers: station as the header writes it (truncated to ten
/// columns, like `USUN NEW Y`), serial, page.
const STATIONS: &[&str] = &[
    "ROME",
    "STATE",
    "USUN NEW Y",
    "BAGHDAD",
    "THE HAGUE",
    "SAO PAULO",
    "HONG KONG",
    "ADDIS ABAB",
    "TEL AVIV",
    "RIO DE JANE",
    "KABUL",
    "PARIS",
    "MOSCOW",
    "PORT AU PRI",
    "CIUDAD JUA",
    "DAR ES SAL",
    "BRASILIA",
    "N'DJAMENA",
    "PORT-AU-PR",
    "SANTO DOMI",
];

fn page_header(rng: &mut Rng) -> String {
    let station = rng.pick(STATIONS);
    let digits = *rng.pick(&[5usize, 7, 8]);
    let serial = format!("{:0digits$}", 1 + rng.below(99_999));
    let total = 2 + rng.below(9);
    let page = 1 + rng.below(total);
    let sub = if rng.below(2) == 0 { ".2" } else { "" };
    let gap = if rng.below(2) == 0 { " " } else { "  " };
    format!("{station} {serial}{gap}{page:03}{sub} OF {total:03}")
}

/// A rule of `c`, 3 to 69 long.
fn rule(rng: &mut Rng, c: char) -> String {
    std::iter::repeat_n(c, 3 + rng.below(67)).collect()
}

/// Where debris goes: (name, blank before, blank after, mid-sentence).
const PLACES: &[(&str, bool, bool, bool)] = &[
    ("between paragraphs, blanks around", true, true, false),
    ("between paragraphs, no blanks", false, false, false),
    ("between paragraphs, blank before", true, false, false),
    ("between paragraphs, blank after", false, true, false),
    ("mid-sentence, blanks around", true, true, true),
    ("mid-sentence, no blanks", false, false, true),
];

/// Two or three paragraphs with `debris` at `place` after the first.
fn with_debris(rng: &mut Rng, kind: &str, debris: &[String], place: usize) -> Case {
    let (name, before, after, mid) = PLACES[place];
    let count = 2 + rng.below(2);
    let mut paras = labelled(rng, count, &|i| format!("{}. (C) ", i + 1), 14);
    let (inp, exp) = &mut paras[0];
    let mut input = Vec::new();
    let mut expected = Vec::new();
    let cut = if mid {
        1 + rng.below(inp.len() - 1)
    } else {
        inp.len()
    };
    input.extend(inp.drain(..cut));
    expected.extend(exp.drain(..cut));
    if before {
        input.push(String::new());
    }
    input.extend(debris.iter().cloned());
    if after {
        input.push(String::new());
    }
    if mid {
        input.append(inp);
        expected.append(exp);
        input.push(String::new());
        expected.push(String::new());
    } else if before || after {
        expected.push(String::new());
    }
    append(&mut input, &mut expected, paras.into_iter().skip(1));
    Case {
        kind: format!("{kind}, {name}"),
        input,
        expected,
    }
}

fn debris_cases(rng: &mut Rng, out: &mut Vec<Case>) {
    for place in 0..PLACES.len() {
        for _ in 0..60 {
            let h = vec![page_header(rng)];
            out.push(with_debris(rng, "page header", &h, place));
            let section = format!(
                "C O N F I D E N T I A L SECTION 0{} OF 03 {} {:06}",
                2 + rng.below(2),
                rng.pick(&["ROME", "BAGHDAD", "STATE"]),
                1 + rng.below(99_999)
            );
            out.push(with_debris(rng, "section header", &[section], place));
        }
    }
    for c in ['-', '=', '_', '*', '/'] {
        for place in 0..4 {
            for _ in 0..40 {
                let r = vec![rule(rng, c)];
                out.push(with_debris(rng, &format!("rule {c}"), &r, place));
            }
        }
    }
    for (name, r) in [
        ("rule - - -", "- - - - - - - -"),
        ("rule -=-=", "-=-=-=-=-=-="),
    ] {
        for place in 0..4 {
            for _ in 0..20 {
                out.push(with_debris(rng, name, &[r.to_owned()], place));
            }
        }
    }
    for place in 0..PLACES.len() {
        for _ in 0..30 {
            let h = vec![format!("  {} ", page_header(rng))];
            out.push(with_debris(
                rng,
                "page header indented, trailing blank",
                &h,
                place,
            ));
            let s = format!(
                "{} SECTION 02 OF 0{} {} {:06}",
                rng.pick(&["SECRET", "UNCLAS", "CONFIDENTIAL", "S E C R E T"]),
                2 + rng.below(3),
                rng.pick(&["ROME", "BAGHDAD", "STATE", "USUN NEW YORK"]),
                1 + rng.below(99_999)
            );
            out.push(with_debris(
                rng,
                "section header, other banners",
                &[s],
                place,
            ));
        }
    }
    for place in 0..PLACES.len() {
        for _ in 0..40 {
            out.push(with_debris(
                rng,
                "SIPDIS line",
                &["SIPDIS".to_owned()],
                place,
            ));
            out.push(with_debris(rng, "xx line", &["xx".to_owned()], place));
        }
    }
}

/// Summary and comment intros: (name, intro written before the text).
const INTROS: &[(&str, &str)] = &[
    ("1. (C) Summary:", "1. (C) Summary: "),
    ("1. (C) Summary.", "1. (C) Summary. "),
    ("1. (C) SUMMARY:", "1. (C) SUMMARY: "),
    (
        "1. (C) Summary and Comment:",
        "1. (C) Summary and Comment: ",
    ),
    ("1. (C) BEGIN SUMMARY:", "1. (C) BEGIN SUMMARY: "),
    ("1. (C) Begin Summary.", "1. (C) Begin Summary. "),
    ("(SBU) Summary:", "(SBU) Summary: "),
    ("Summary:", "Summary: "),
    ("SUMMARY.", "SUMMARY. "),
    ("1. (C) Comment:", "1. (C) Comment: "),
    ("COMMENT:", "COMMENT: "),
    (
        "1. (S) Summary and comment.",
        "1. (S) Summary and comment. ",
    ),
    ("1. (C) summary:", "1. (C) summary: "),
    (
        "1. (C) SUMMARY AND COMMENT:",
        "1. (C) SUMMARY AND COMMENT: ",
    ),
    ("1. (C) Summary/Comment:", "1. (C) Summary/Comment: "),
    ("1. (C) Summary -", "1. (C) Summary - "),
    ("1. (C) Summary --", "1. (C) Summary -- "),
    ("1. (U) Begin summary:", "1. (U) Begin summary: "),
    ("1. (C) SUMMARY :", "1. (C) SUMMARY : "),
];

/// End markers: (name, written after the text, what is left of it).
const ENDS: &[(&str, &str, &str)] = &[
    ("End Summary.", " End Summary.", " "),
    ("END SUMMARY.", " END SUMMARY.", " "),
    ("End summary", " End summary", " "),
    ("End Summary two blanks", "  End Summary.", "  "),
    ("(END SUMMARY)", " (END SUMMARY)", " "),
    ("End Comment", " End Comment", " "),
    ("END COMMENT.", " END COMMENT.", " "),
    ("End Summary and Comment.", " End Summary and Comment.", " "),
    ("END SUMMARY AND COMMENT", " END SUMMARY AND COMMENT", " "),
    ("End summary and comment.", " End summary and comment.", " "),
    ("(END COMMENT.)", " (END COMMENT.)", " "),
    ("End Summary/Comment.", " End Summary/Comment.", " "),
    ("END OF SUMMARY.", " END OF SUMMARY.", " "),
    ("End Summary glued", " End Summary.", " "),
    (
        "End Comment.)",
        " (Comment: They will try. End Comment.)",
        " (They will try.)",
    ),
    (
        "(COMMENT: END COMMENT)",
        " (COMMENT: They will. END COMMENT)",
        " (They will.)",
    ),
];

fn note_cases(rng: &mut Rng, out: &mut Vec<Case>) {
    for (name, intro) in INTROS {
        for _ in 0..60 {
            let mut paras = labelled(rng, 2, &|i| format!("{}. (C) ", i + 2), 3);
            let exp = paragraph(rng, 3);
            let mut inp = exp.clone();
            inp[0] = format!("{intro}{}", inp[0]);
            paras.insert(0, (inp, exp));
            out.push(join(format!("intro {name}"), paras));
        }
    }
    // An intro alone after the label, the text on the next lines.
    for intro in ["1. (C) Summary:", "1. (C) SUMMARY", "1. (SBU) Comment:"] {
        for _ in 0..40 {
            let mut paras = labelled(rng, 2, &|i| format!("{}. (C) ", i + 2), 3);
            let exp = paragraph(rng, 3);
            let mut inp = exp.clone();
            inp.insert(0, intro.to_owned());
            paras.insert(0, (inp, exp));
            out.push(join(format!("intro alone after label {intro}"), paras));
        }
    }
    // An intro alone as a heading before the paragraphs.
    for heading in [
        "SUMMARY",
        "Summary:",
        "COMMENT",
        "--------- Summary ---------",
    ] {
        for _ in 0..40 {
            let paras = labelled(rng, 2, &|i| format!("{}. (C) ", i + 1), 3);
            let mut case = join(format!("intro heading {heading}"), paras);
            case.input.splice(0..0, [heading.to_owned(), String::new()]);
            out.push(case);
        }
    }
    for (name, written, left) in ENDS {
        for follows in [false, true] {
            for _ in 0..40 {
                let mut paras = labelled(rng, 2, &|i| format!("{}. (C) ", i + 1), 3);
                let (inp, exp) = &mut paras[0];
                inp.last_mut().expect("a line").push_str(written);
                exp.last_mut().expect("a line").push_str(left);
                if follows {
                    inp.last_mut().expect("a line").push_str(" Next point.");
                    let e = exp.last_mut().expect("a line");
                    if left.ends_with(' ') {
                        e.push_str("Next point.");
                    } else {
                        e.push_str(" Next point.");
                    }
                }
                let shape = if follows { "text after" } else { "line end" };
                out.push(join(format!("end {name}, {shape}"), paras));
            }
        }
    }
    // An end marker wrapped over a line break, or alone on its line.
    for (name, a, b) in [
        ("End / Summary.", " End", "Summary."),
        ("END / SUMMARY.", " END", "SUMMARY."),
        ("End / Comment.", " End", "Comment."),
    ] {
        for _ in 0..40 {
            let mut paras = labelled(rng, 2, &|i| format!("{}. (C) ", i + 1), 3);
            let (inp, exp) = &mut paras[0];
            inp.last_mut().expect("a line").push_str(a);
            inp.push(b.to_owned());
            exp.last_mut().expect("a line").push(' ');
            out.push(join(format!("end wrapped {name}"), paras));
        }
    }
    // An end marker opening a line, the text going on after it.
    for marker in ["End Summary. ", "END COMMENT. ", "(END SUMMARY) "] {
        for _ in 0..40 {
            let mut paras = labelled(rng, 2, &|i| format!("{}. (C) ", i + 1), 3);
            let (inp, exp) = &mut paras[0];
            let next = paragraph(rng, 3);
            inp.push(format!("{marker}{}", next[0]));
            exp.push(next[0].clone());
            out.push(join(
                format!("end opening a line {}", marker.trim_end()),
                paras,
            ));
        }
    }
    for marker in ["End Summary.", "END COMMENT.", "(END SUMMARY)"] {
        for _ in 0..40 {
            let mut paras = labelled(rng, 2, &|i| format!("{}. (C) ", i + 1), 3);
            paras[0].0.push(marker.to_owned());
            out.push(join(format!("end alone {marker}"), paras));
        }
    }
}

/// `SIPDIS` and redaction placeholders inside the text: (name, written,
/// left).
const INLINE: &[(&str, &str, &str)] = &[
    ("SIPDIS mid-line kept", " SIPDIS ", " SIPDIS "),
    ("xx inside", " xx ", " "),
    ("xxxx inside", " xxxx ", " "),
    ("XXXXXXXXXXXX inside", " XXXXXXXXXXXX ", " "),
    ("(XXXXXXXX)", " (XXXXXXXX) ", " () "),
    ("XX roman kept", " XX ", " XX "),
    ("XXX roman kept", " XXX ", " XXX "),
];

fn inline_cases(rng: &mut Rng, out: &mut Vec<Case>) {
    for (name, written, left) in INLINE {
        for _ in 0..40 {
            let mut paras = labelled(rng, 2, &|i| format!("{}. (C) ", i + 1), 6);
            let (inp, exp) = &mut paras[0];
            let line = rng.below(inp.len());
            let (i, e) = (&mut inp[line], &mut exp[line]);
            let at = e.find(' ').unwrap_or(e.len());
            let tail = e[at..].trim_start().to_owned();
            let head = e[..at].to_owned();
            let prefix = i.len() - e.len();
            if tail.is_empty() {
                *i = format!("{}{head}{}", &i[..prefix], written.trim_end());
                *e = format!("{head}{}", left.trim_end());
            } else {
                *i = format!("{}{head}{written}{tail}", &i[..prefix]);
                *e = format!("{head}{left}{tail}");
            }
            out.push(join(format!("inline {name}"), paras));
        }
    }
    // At the start and the end of a line.
    for _ in 0..40 {
        let mut paras = labelled(rng, 2, &|i| format!("{}. (C) ", i + 1), 14);
        let (inp, _) = &mut paras[0];
        let line = 1 + rng.below(inp.len() - 1);
        inp[line] = format!("XXXXXXXXXXXX {}", inp[line]);
        out.push(join("inline XXXXXXXXXXXX line start".to_owned(), paras));
        let mut paras = labelled(rng, 2, &|i| format!("{}. (C) ", i + 1), 14);
        let (inp, _) = &mut paras[0];
        let line = rng.below(inp.len() - 1);
        inp[line].push_str(" XXXXXXXXXXXX");
        out.push(join("inline XXXXXXXXXXXX line end".to_owned(), paras));
        let mut paras = labelled(rng, 2, &|i| format!("{}. (C) ", i + 1), 14);
        let (inp, exp) = &mut paras[0];
        let line = 1 + rng.below(inp.len() - 1);
        inp[line] = format!("SIPDIS {}", inp[line]);
        let _ = exp;
        out.push(join("SIPDIS line start with text".to_owned(), paras));
    }
}

/// Everything at once: each paragraph a random label, the first with a
/// summary intro and end marker, debris between and inside paragraphs.
fn combined_cases(rng: &mut Rng, out: &mut Vec<Case>) {
    for _ in 0..300 {
        let count = 2 + rng.below(4);
        let mut input = Vec::new();
        let mut expected = Vec::new();
        for k in 0..count {
            let (_, label, removed) = LABELS[rng.below(LABELS.len())];
            let exp = paragraph(rng, 10);
            let mut inp = exp.clone();
            let mut exp = exp;
            inp[0] = label(k) + &inp[0];
            if !removed {
                exp[0].clone_from(&inp[0]);
            } else if k == 0 {
                let (_, intro) = INTROS[rng.below(INTROS.len())];
                let intro = intro.rsplit_once(") ").map_or(intro, |(_, t)| t);
                inp[0] = label(k) + intro + &exp[0];
                let (_, written, left) = ENDS[rng.below(ENDS.len())];
                inp.last_mut().expect("a line").push_str(written);
                exp.last_mut().expect("a line").push_str(left);
            }
            if inp.len() > 2 && rng.below(2) == 0 {
                // A page break in mid-sentence.
                let at = 1 + rng.below(inp.len() - 2);
                let h = page_header(rng);
                let blanks = rng.below(2) == 0;
                let mut ins = vec![h];
                if blanks {
                    ins.insert(0, String::new());
                    ins.push(String::new());
                }
                inp.splice(at..at, ins);
            }
            if k > 0 {
                input.push(String::new());
                expected.push(String::new());
                match rng.below(4) {
                    0 => input.extend([rule(rng, '-'), String::new()]),
                    1 => input.extend([page_header(rng), String::new()]),
                    2 => input.extend(["SIPDIS".to_owned(), String::new()]),
                    _ => {}
                }
            }
            input.extend(inp);
            expected.extend(exp);
        }
        out.push(Case {
            kind: "combined".to_owned(),
            input,
            expected,
        });
    }
}

/// The search text of `case` against its expected text.
fn check(case: &Case) -> Result<(), (String, String, String)> {
    let input = case.input.join("\n") + "\n";
    let expected = case.expected.join("\n") + "\n";
    let got = cable_parse::search_text(&input);
    if got == expected {
        Ok(())
    } else {
        Err((input, expected, got))
    }
}

#[test]
fn search_text_variations() {
    let show: usize = std::env::var("CABLEKIT_SHOW_FAILURES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut cases = Vec::new();
    label_cases(&mut rng, &mut cases);
    debris_cases(&mut rng, &mut cases);
    note_cases(&mut rng, &mut cases);
    inline_cases(&mut rng, &mut cases);
    combined_cases(&mut rng, &mut cases);
    let mut tally = Tally::default();
    let mut shown = std::collections::BTreeMap::<String, usize>::new();
    for case in &cases {
        let res = check(case);
        tally.add(&case.kind, res.is_ok());
        if let Err((input, expected, got)) = res {
            let n = shown.entry(case.kind.clone()).or_default();
            if *n < show {
                *n += 1;
                println!(
                    "FAIL {}\n  input    {input:?}\n  expected {expected:?}\n  got      {got:?}",
                    case.kind
                );
            }
        }
    }
    tally.print("search_text");
    // Floors as measured (2026-12-03, issue #17): every kind at 100%
    // (before: `1 . (C)` labels, `END SUMMARY AND COMMENT` without a
    // period, `END OF SUMMARY.`, the intro `Summary --` 0%; a `SIPDIS` word
    // inside a line kept 42.5%; all at once 73.7%). The generator is
    // seeded, so a kind below is a rule that changed.
    for k in tally.0.keys() {
        assert!(tally.rate(k) >= 1.0, "{k} below 100%");
    }
}
