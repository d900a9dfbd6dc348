//! Generated 1970s PlusD page texts (issue #17): the layouts of the State
//! Archive's telegrams as the PlusD pages show them (the cable format
//! guide, section 6), each built from parts whose expected values are
//! known by construction, then parsed whole. A cable counts as read when
//! its id, DTG, `FM`, addressees, subject, paragraph numbers and signer all
//! come out as built. Each layout is scored apart and has a floor.
//!
//! The texts are made up here (stations from the parser's gazetteer,
//! words from a short list); none is a corpus or conformance text.
//!
//! `cargo test -p cable-parse --test parse plusd_layouts -- --nocapture`
//! prints the table.
#![allow(clippy::print_stdout)]

use crate::variations::{Rng, Tally};
use cable_model::{Block, Cable, LabelValue};

const STATIONS: &str = include_str!("../../src/stations/stations.txt");

/// Words of the made-up texts: none is a label, an office word or a
/// precedence, so a line of them is text wherever it falls.
const WORDS: &[&str] = &[
    "MINISTER",
    "SAID",
    "GOVERNMENT",
    "WOULD",
    "CONSIDER",
    "PROPOSAL",
    "EMBASSY",
    "BELIEVES",
    "THAT",
    "BORDER",
    "TALKS",
    "RESUME",
    "NEXT",
    "MONTH",
    "BOTH",
    "SIDES",
    "AGREED",
    "AGENDA",
    "COMMISSION",
    "MEET",
    "CAPITAL",
    "QUESTION",
    "ECONOMIC",
    "ASSISTANCE",
    "REMAINS",
    "OPEN",
    "PRESIDENT",
    "VISIT",
    "PLANNED",
    "LATER",
    "YEAR",
    "OFFICIALS",
    "STRESSED",
    "NEED",
    "FOR",
    "CLOSE",
    "CONSULTATION",
    "WITH",
    "ALLIES",
    "ON",
    "THE",
    "AND",
    "OF",
    "IN",
];

const SURNAMES: &[&str] = &["ROE", "DOE", "KESSLER", "MARTINEZ", "OKAFOR", "LINDQVIST"];

const LEVELS: &[(&str, &str)] = &[
    ("CONFIDENTIAL", "C O N F I D E N T I A L"),
    ("SECRET", "S E C R E T"),
    ("LIMITED OFFICIAL USE", "LIMITED OFFICIAL USE"),
    ("UNCLASSIFIED", "UNCLAS"),
];

const MONTHS: &[&str] = &[
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];

/// The layouts generated, each a kind of the tally.
const LAYOUTS: &[&str] = &[
    "routing first",
    "page top: level word, PAGE 01, distribution",
    "page top, PAGE 01 split over two lines",
    "text first, header after NNN",
    "subject ended short, no blank line",
    "subject wrapped at the width, no blank line",
    "list item before the next paragraph",
    "heading line before the next paragraph",
];

/// One-word stations of the gazetteer that are their own canonical name.
fn stations() -> Vec<String> {
    STATIONS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
        .filter(|s| (4..=10).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase()))
        .filter(|s| {
            cable_parse::canonical_id(&format!("75{s}1")).is_some_and(|id| id.station() == *s)
        })
        .map(str::to_owned)
        .collect()
}

fn words(rng: &mut Rng, n: usize) -> Vec<&'static str> {
    (0..n).map(|_| *rng.pick(WORDS)).collect()
}

/// `words` laid on lines of at most `width` columns, the first starting
/// with `first`.
fn wrap(first: &str, words: &[&str], width: usize) -> Vec<String> {
    let mut lines = vec![first.to_owned()];
    for w in words {
        let Some(last) = lines.last_mut() else {
            continue;
        };
        if last.is_empty() || last.ends_with(' ') {
            last.push_str(w);
        } else if last.len() + 1 + w.len() <= width {
            last.push(' ');
            last.push_str(w);
        } else {
            lines.push((*w).to_owned());
        }
    }
    lines
}

/// A generated cable: its text and what it must parse to.
struct Built {
    text: String,
    id: String,
    dtg: String,
    from: String,
    addressees: usize,
    subject: String,
    numbers: Vec<u32>,
    signer: String,
}

fn build(rng: &mut Rng, layout: &str, stations: &[String]) -> Built {
    let station = rng.pick(stations).clone();
    let serial = 1000 + rng.below(8999);
    let yy = 73 + rng.below(7);
    let width = 60 + rng.below(10);
    let (level, banner_level) = *rng.pick(LEVELS);
    let day = 1 + rng.below(28);
    let dtg = format!(
        "{day:02}{:02}{:02}Z {} {yy}",
        rng.below(24),
        rng.below(60),
        rng.pick(MONTHS)
    );
    let from = format!("AMEMBASSY {station}");
    let info: Vec<String> = (0..1 + rng.below(3))
        .map(|_| format!("AMEMBASSY {}", rng.pick(stations)))
        .collect();
    let signer = (*rng.pick(SURNAMES)).to_owned();
    // The subject: short (ends well before the width) or wrapped at it.
    let wrapped_subject = layout == "subject wrapped at the width, no blank line";
    let subject_words = if wrapped_subject {
        words(rng, 14)
    } else {
        let n = 2 + rng.below(3);
        words(rng, n)
    };
    let subject_lines = wrap("SUBJECT: ", &subject_words, width);
    let subject = subject_words.join(" ");

    let mut header = vec![
        format!("{} R {dtg}", rng.pick(&["P", "O", "R"])),
        format!("FM {from}"),
        "TO SECSTATE WASHDC".to_owned(),
    ];
    header.push(format!("INFO {}", info.first().map_or("", String::as_str)));
    header.extend(info.iter().skip(1).cloned());
    header.push(format!("{banner_level} {station} {serial}"));
    header.push("E.O. 11652: GDS".to_owned());
    header.push(format!(
        "TAGS: PFOR, {}",
        rng.pick(&["EC", "PE", "BR", "AR"])
    ));
    header.extend(subject_lines);

    // The body: numbered paragraphs of wrapped text, with no blank line.
    let mut body = Vec::new();
    let mut numbers = Vec::new();
    let short_subject_text = layout == "subject ended short, no blank line";
    if short_subject_text {
        // An unnumbered first paragraph right after the subject. The
        // subject line ends well short of the width: its first word would
        // have fitted on it with room to spare (twelve columns), so no wrap
        // can have broken it (nearer the width, a line break and a wrap look
        // the same, and the layout is not generated).
        let n = 12 + rng.below(10);
        let mut first = words(rng, n);
        while first
            .first()
            .is_some_and(|w| "SUBJECT: ".len() + subject.len() + 1 + w.len() + 12 > width)
        {
            first.remove(0);
        }
        body.extend(wrap("", &first, width));
        if let Some(l) = body.last_mut() {
            l.push('.');
        }
    }
    let paragraphs = 2 + rng.below(3);
    for k in 1..=paragraphs {
        numbers.push(u32::try_from(k).unwrap_or(0));
        let n = 18 + rng.below(20);
        let mut lines = wrap(&format!("{k}. "), &words(rng, n), width);
        let list = layout == "list item before the next paragraph" && k < paragraphs;
        if let Some(l) = lines.last_mut() {
            l.push(if list { ':' } else { '.' });
        }
        body.extend(lines);
        if layout == "heading line before the next paragraph" && k < paragraphs {
            // A heading of two or three words, no stop, no blank line.
            let n = 2 + rng.below(2);
            body.push(words(rng, n).join(" "));
        }
        if list {
            for _ in 0..2 + rng.below(2) {
                let n = 2 + rng.below(10);
                body.extend(wrap("-- ", &words(rng, n), width));
            }
        }
    }
    // A page break inside the body.
    let split_pages = layout == "page top, PAGE 01 split over two lines";
    if body.len() > 6 {
        let at = body.len() / 2;
        let page2 = if split_pages {
            vec![
                level.to_owned(),
                level.to_owned(),
                "PAGE 02".to_owned(),
                format!("{station} {serial:05} 01 OF 02 {day:02}1606Z"),
            ]
        } else {
            vec![
                level.to_owned(),
                level.to_owned(),
                format!("PAGE 02 {station} {serial:05} {day:02}1606Z"),
            ]
        };
        body.splice(at..at, page2);
    }
    body.push(signer.clone());

    // The page furniture before the routing.
    let code = 10 + rng.below(80);
    let counter = rng.below(999_999);
    let page_top = |split: bool| {
        let mut top = vec![level.to_owned()];
        if split {
            top.push("PAGE 01".to_owned());
            top.push(format!("{station} {serial:05} 01 OF 02 {day:02}1606Z"));
        } else {
            top.push(format!("PAGE 01 {station} {serial:05} {day:02}1606Z"));
        }
        top.push(format!("{code}"));
        top.push("ACTION ARA-06".to_owned());
        top.push("INFO OCT-01 ISO-00 /019 W".to_owned());
        top.push(format!("--------------------- {counter:06}"));
        top
    };
    let lines: Vec<String> = match layout {
        "page top: level word, PAGE 01, distribution" => {
            let mut l = page_top(false);
            l.extend(header);
            l.extend(body);
            l
        }
        "page top, PAGE 01 split over two lines" => {
            let mut l = page_top(true);
            l.extend(header);
            l.extend(body);
            l
        }
        "text first, header after NNN" => {
            let mut l = vec!["Show Headers".to_owned()];
            l.extend(body);
            l.push(level.to_owned());
            l.push("NNN".to_owned());
            l.extend(page_top(false));
            l.extend(header);
            l
        }
        _ => {
            let mut l = header;
            l.extend(body);
            l
        }
    };
    Built {
        text: lines.join("\n") + "\n",
        id: format!("{yy}{station}{serial}"),
        dtg,
        from,
        addressees: 1 + info.len(),
        subject,
        numbers,
        signer,
    }
}

/// The numbers of the top-level numbered paragraphs.
fn numbers(c: &Cable) -> Vec<u32> {
    c.body
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => match p.label.as_ref().map(|l| l.value) {
                Some(LabelValue::Number(n)) => Some(n),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// What differs between the parse of `b` and what it was built as.
fn differences(b: &Built) -> Vec<String> {
    let c = cable_parse::parse(&b.text);
    let mut out = Vec::new();
    let id = c.id.as_ref().map(ToString::to_string);
    if id.as_deref() != Some(b.id.as_str()) {
        out.push(format!("id {id:?} != {}", b.id));
    }
    let dtg = c.routing.dtg.as_ref().map(|d| d.raw.clone());
    if dtg.as_deref() != Some(b.dtg.as_str()) {
        out.push(format!("dtg {dtg:?}"));
    }
    if c.routing.from.as_ref().map(|a| a.name.as_str()) != Some(b.from.as_str()) {
        out.push(format!("from {:?}", c.routing.from));
    }
    let addressees = c.routing.to.len() + c.routing.info.len();
    if addressees != b.addressees {
        out.push(format!("addressees {addressees} != {}", b.addressees));
    }
    let subject = c.subject.as_ref().map(|s| s.text.clone());
    if subject.as_deref() != Some(b.subject.as_str()) {
        out.push(format!("subject {subject:?} != {:?}", b.subject));
    }
    if numbers(&c) != b.numbers {
        out.push(format!("paragraphs {:?} != {:?}", numbers(&c), b.numbers));
    }
    if c.signer.as_deref() != Some(b.signer.as_str()) {
        out.push(format!("signer {:?} != {}", c.signer, b.signer));
    }
    out
}

#[test]
fn plusd_layouts() {
    let stations = stations();
    assert!(stations.len() > 100, "{} stations", stations.len());
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut tally = Tally::default();
    let mut shown = 0;
    for layout in LAYOUTS {
        for _ in 0..150 {
            let b = build(&mut rng, layout, &stations);
            let diff = differences(&b);
            if !diff.is_empty() && shown < 6 {
                shown += 1;
                println!("{layout}: {}\n{}", diff.join("; "), b.text);
            }
            tally.add(layout, diff.is_empty());
        }
    }
    tally.print("1970s PlusD layouts");
    for layout in LAYOUTS {
        let rate = tally.rate(layout);
        assert!(rate >= 0.98, "{layout}: {:.1}% read", 100.0 * rate);
    }
}
