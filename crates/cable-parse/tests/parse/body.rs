//! Body-phase tests: the seeds' and the kitchen sink's body fields asserted
//! explicitly, the peer parser's `signers`, `summary` and `clean_content`
//! conformance cases, and robustness (pathological sizes, never panics).

#![allow(clippy::print_stderr, reason = "tests report scores and skips")]

use cable_model::{Block, Cable, Code, LabelValue, List, Note, NoteKind, Paragraph};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn parse_file(rel: &str) -> Cable {
    let text = std::fs::read_to_string(workspace().join(rel)).expect("fixture readable");
    cable_parse::parse(&text)
}

fn paragraphs(blocks: &[Block]) -> Vec<&Paragraph> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p),
            _ => None,
        })
        .collect()
}

/// `(number, marking raw)` of the top-level paragraphs.
fn outline(c: &Cable) -> Vec<(String, String)> {
    paragraphs(&c.body)
        .iter()
        .map(|p| {
            (
                p.label
                    .as_ref()
                    .map(|l| l.value.to_string())
                    .unwrap_or_default(),
                p.marking
                    .as_ref()
                    .map(|m| m.raw.clone())
                    .unwrap_or_default(),
            )
        })
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

/// Every block under `blocks`, depth first, without recursion limits
/// mattering for these small fixtures.
fn walk<'a>(blocks: &'a [Block], out: &mut Vec<&'a Block>) {
    for b in blocks {
        out.push(b);
        match b {
            Block::Paragraph(p) => walk(&p.children, out),
            Block::Note(n) => walk(&n.blocks, out),
            Block::List(l) => l.items.iter().for_each(|i| walk(&i.children, out)),
            _ => {}
        }
    }
}

fn notes(blocks: &[Block]) -> Vec<&Note> {
    let mut all = Vec::new();
    walk(blocks, &mut all);
    all.into_iter()
        .filter_map(|b| match b {
            Block::Note(n) => Some(n),
            _ => None,
        })
        .collect()
}

fn lists(blocks: &[Block]) -> Vec<&List> {
    let mut all = Vec::new();
    walk(blocks, &mut all);
    all.into_iter()
        .filter_map(|b| match b {
            Block::List(l) => Some(l),
            _ => None,
        })
        .collect()
}

fn has(c: &Cable, code: Code) -> bool {
    c.diagnostics.iter().any(|d| d.code == code)
}

#[test]
fn seed_000_body() {
    let c = parse_file("testdata/seeds/000_78e12724ad72837c.txt");
    assert_eq!(
        outline(&c),
        pairs(&[
            ("1", "U"),
            ("2", "C/REL MTCR"),
            ("3", "C/REL MTCR"),
            ("4", "U"),
            ("5", "C"),
            ("6", "U")
        ])
    );
    let ps = paragraphs(&c.body);
    // `15.` and `16.` are paragraphs 5 and 6, written as they were.
    assert_eq!(ps[4].label.as_ref().unwrap().raw, "15");
    assert_eq!(ps[5].label.as_ref().unwrap().raw, "16");
    assert!(has(&c, Code::RepairedParagraphNumber));
    // The NOTE sits in paragraph 3.
    let n = notes(&ps[2].children);
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].kind, NoteKind::Note);
    assert!(n[0].closed);
    assert!(n[0].plain_text().starts_with("We understand informally"));
    // The talking points are paragraph 5's five bullet items.
    let l = lists(&ps[4].children);
    assert_eq!(l.len(), 1);
    assert_eq!(l[0].items.len(), 5);
    assert!(l[0].items.iter().all(|i| i.marker == "--"));
    assert!(
        l[0].items[4]
            .text
            .starts_with("(if asked only) The United States")
    );
    assert!(ps[1].text.contains("financial burdens⁸ (REF B)"));
    assert!(has(&c, Code::LostPunctuation));
    assert_eq!(c.signer.as_deref(), Some("CLINTON"));
    assert_eq!(c.trailer, ["NNNN", "End Cable Text"]);
}

#[test]
fn seed_001_body() {
    let c = parse_file("testdata/seeds/001_d7a67a22ead94fd7.txt");
    assert_eq!(
        outline(&c),
        pairs(&[("1", "U"), ("2", "C"), ("3", "C"), ("4", "U")])
    );
    let ps = paragraphs(&c.body);
    assert_eq!(ps[3].label.as_ref().unwrap().raw, "14");
    // Paragraph 3 holds BEGIN GUIDANCE … end guidance, and in it A-D.
    let guidance = notes(&ps[2].children);
    let g = guidance
        .iter()
        .find(|n| n.kind == NoteKind::Begin)
        .expect("BEGIN GUIDANCE note");
    assert_eq!(g.title, "GUIDANCE");
    assert!(g.closed);
    let subs = paragraphs(&g.blocks);
    let letters: Vec<_> = subs
        .iter()
        .map(|p| p.label.as_ref().map(|l| (l.value, l.raw.clone())))
        .collect();
    assert_eq!(
        letters,
        [
            Some((LabelValue::Letter('A'), "A".to_owned())),
            Some((LabelValue::Letter('B'), "1B".to_owned())),
            Some((LabelValue::Letter('C'), "1C".to_owned())),
            Some((LabelValue::Letter('D'), "1D".to_owned())),
        ]
    );
    let headings: Vec<_> = subs
        .iter()
        .map(|p| match p.children.first() {
            Some(Block::Heading(h)) => h.text.as_str(),
            _ => "",
        })
        .collect();
    assert_eq!(
        headings,
        [
            "PREPARATION FOR THE 2008 CANBERRA MTCR PLENARY",
            "INFORMATION EXCHANGE (IE)",
            "LICENSING AND ENFORCEMENT EXPERTS MEETING (LEEM)",
            "MEMBERSHIP"
        ]
    );
    let items: Vec<usize> = subs
        .iter()
        .map(|p| lists(&p.children).iter().map(|l| l.items.len()).sum())
        .collect();
    assert_eq!(items, [4, 3, 2, 1]);
    // The bullet split by a blank line in mid-sentence is one item.
    let a_items = &lists(&subs[0].children)[0].items;
    assert!(
        a_items[2]
            .text
            .contains("has circulated Plenary proposals on Technical Outreach")
    );
    assert!(has(&c, Code::JoinedSplitParagraph));
    assert_eq!(c.signer.as_deref(), Some("RICE"));
    assert_eq!(c.trailer, ["NNNN", "End Cable Text"]);
}

#[test]
fn kitchen_sink_body() {
    let c = parse_file("testdata/cables/kitchen-sink.txt");
    assert_eq!(
        outline(&c),
        pairs(&[
            ("1", "U"),
            ("2", "C"),
            ("3", "S/NF"),
            ("4", "C/REL MTCR"),
            ("5", "SBU"),
            ("6", "U"),
            ("7", "C")
        ])
    );
    assert_eq!(
        c.summary().as_deref(),
        Some(
            "Delegates to the Kitchen Sink Working Group met in Geneva on March 2 and traded \
             views on lists, labels and leftovers. Nobody agreed on anything of substance."
        )
    );
    let kinds: Vec<_> = notes(&c.body).iter().map(|n| (n.kind, n.closed)).collect();
    assert_eq!(
        kinds,
        [
            (NoteKind::Summary, true),
            (NoteKind::Note, true),
            (NoteKind::Begin, true),
            (NoteKind::Comment, true)
        ]
    );
    let ps = paragraphs(&c.body);
    assert_eq!(
        paragraphs(&ps[2].children).len(),
        3,
        "A.-C. under paragraph 3"
    );
    assert_eq!(lists(&ps[3].children)[0].items.len(), 3);
    assert!(ps[1].text.contains("as amended in 1986. were never"));
    // SIPDIS in mid-sentence and the page header are gone, the words stay.
    assert!(
        ps[5]
            .text
            .ends_with("early so that capitals can prepare instructions.")
    );
    assert!(has(&c, Code::PageHeaderRemoved) && has(&c, Code::SipdisRemoved));
    let headings: Vec<_> = c
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Heading(h) => Some(h.text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(headings, ["THE DRAFT STATEMENT", "LOOKING AHEAD"]);
    assert_eq!(c.signer.as_deref(), Some("KELLERMAN"));
    assert_eq!(c.trailer, ["NNNN"]);
}

// ---------------------------------------------------------------------
// Robustness: linear time, no panics, no deep recursion.

fn timed(label: &str, text: &str, limit: Duration) -> Cable {
    // Not while a linearity check of `pathological` measures.
    let _shared = crate::pathological::TIMING
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let t = Instant::now();
    let c = cable_parse::parse(text);
    let took = t.elapsed();
    eprintln!("{label}: {} bytes in {took:?}", text.len());
    assert!(took < limit, "{label} took {took:?}");
    c
}

#[test]
fn fifty_thousand_paragraphs() {
    let mut s = String::new();
    for i in 1..=50_000 {
        s.push_str(&format!(
            "{i}. (C) Paragraph {i} wraps over\ntwo lines.\n\n-- a bullet\n\n"
        ));
    }
    let c = timed("50k paragraphs", &s, Duration::from_secs(60));
    assert_eq!(paragraphs(&c.body).len(), 50_000);
}

#[test]
fn deeply_nested_begin_end() {
    let depth = 20_000;
    let mut s = String::new();
    for i in 0..depth {
        s.push_str(&format!("BEGIN LEVEL: opening {i}\n\n"));
    }
    for i in 0..depth {
        s.push_str(&format!("closing {i}. END LEVEL.\n\n"));
    }
    let c = timed("nested BEGIN/END", &s, Duration::from_secs(60));
    assert!(!c.body.is_empty());
    // Nesting is capped, so summary() and Drop stay shallow.
    let _ = c.summary();
    let mut unclosed = String::new();
    for _ in 0..depth {
        unclosed.push_str("NOTE: never closed\n\n1. (C) SUMMARY: also never\n\n");
    }
    let _ = timed("unclosed notes", &unclosed, Duration::from_secs(60));
}

#[test]
fn ten_megabyte_line() {
    let line = "WORD END ".repeat(10 * 1024 * 1024 / 9);
    let c = timed("10 MB line", &line, Duration::from_secs(60));
    assert!(!c.body.is_empty() || c.signer.is_some());
    let mut noted = String::from("NOTE: ");
    noted.push_str(&"END SUMMARY x ".repeat(500_000));
    noted.push_str("END NOTE.");
    let _ = timed("10 MB note", &noted, Duration::from_secs(60));
}

#[test]
fn junk_never_panics() {
    let samples: Vec<String> = vec![
        String::new(),
        "\0\0\0\u{1}\u{2}".into(),
        "¶".into(),
        "¶¶¶5.".into(),
        "(".into(),
        "((((((((((".into(),
        "1.".into(),
        "1B.".into(),
        "(a)".into(),
        "END".into(),
        "END END END NOTE".into(),
        "NOTE:".into(),
        "BEGIN".into(),
        "BEGIN :".into(),
        "--".into(),
        "-------- --------".into(),
        "----\n----\n----".into(),
        "SUMMARY:\n\n------- SUMMARY -------\n\nSUMMARY\n----".into(),
        "\u{feff}\r\n\r\r\n".into(),
        "é⁸ü\u{fffd}\u{202e}".repeat(100),
        "A.\nB.\n1B.\n14.\n(C)\n(U) x\n".into(),
        "PAGE 02\nSECRET\nSECRET\nPAGE 03 X 1\n".into(),
        "Declassified/Released US Department of State EO Systematic".into(),
        "  EAGLETON".into(),
        ".  X".into(),
    ];
    for s in &samples {
        let r = std::panic::catch_unwind(|| cable_parse::parse(s));
        assert!(r.is_ok(), "panicked on {s:?}");
    }
    let bytes: Vec<u8> = (0..100_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let junk = String::from_utf8_lossy(&bytes);
    let c = cable_parse::parse(&junk);
    assert!(has(&c, Code::BinaryContent));
}

#[test]
fn container_reconciliation() {
    let meta = cable_model::ContainerMeta {
        id: Some("7575LIBREVILLE1895".into()),
        classification: Some("SECRET".into()),
        ..Default::default()
    };
    let text = std::fs::read_to_string(workspace().join("testdata/seeds/000_78e12724ad72837c.txt"))
        .expect("seed readable");
    let c = cable_parse::parse_with(&text, &meta);
    assert_eq!(c.container, meta);
    assert!(has(&c, Code::MalformedContainerId));
    assert!(has(&c, Code::ContainerClassificationMismatch));
    assert_eq!(c.id.as_ref().map(|i| i.as_str()), Some("09STATE17183"));
}
