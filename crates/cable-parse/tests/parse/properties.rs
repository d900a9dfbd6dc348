//! Property tests of the parser's totality: any `&str` (control characters,
//! non-characters, long lines, random mixes of real cable tokens) gives a
//! `Cable` without a panic, the same `Cable` every time, and a model whose
//! invariants hold (tags are clean, diagnostic lines are inside the input,
//! body words come from the input).
//!
//! Case counts are fixed (`CASES`) so the file runs in a few seconds in a
//! debug build; the fuzz target `fuzz/fuzz_targets/parse.rs` is the long run.

use cable_model::{Block, Code};
use cable_testkit::generators::{cable_text, piece};
use proptest::prelude::*;

/// Cases per property over short inputs.
const CASES: u32 = 256;
/// Cases per property over inputs of a few kilobytes: the whole file stays
/// within a few seconds in a debug build on a loaded machine.
const LONG_CASES: u32 = 48;

/// The invariants every parse result keeps, whatever the input.
fn check(text: &str) -> Result<(), TestCaseError> {
    let cable = cable_parse::parse(text);
    // Deterministic: the same input gives the same model.
    prop_assert_eq!(&cable, &cable_parse::parse(text));
    // `identify` gives the id the full parse gives.
    prop_assert_eq!(
        &cable.id,
        &cable_parse::identify(text, &cable_model::ContainerMeta::default())
    );

    // The search text never panics and never has more lines than the
    // input; the summary laid onto its lines keeps its words.
    let search = cable_parse::search_text(text);
    prop_assert!(search.lines().count() <= text.split(['\n', '\r']).count());
    if let Some(s) = cable.summary() {
        let relined = cable_parse::with_line_breaks(text, &s);
        prop_assert_eq!(
            relined.split_whitespace().collect::<Vec<_>>(),
            s.split_whitespace().collect::<Vec<_>>()
        );
    }

    // Diagnostics point inside the input (line numbers are 1-based; a
    // diagnostic about the end of the text may name the line after the last).
    let lines = text.split(['\n', '\r']).count() as u32 + 1;
    for d in &cable.diagnostics {
        if let Some(l) = d.line {
            prop_assert!(l >= 1 && l <= lines, "diagnostic {d:?} outside 1..={lines}");
        }
    }
    if text.trim().is_empty() {
        prop_assert!(
            cable.diagnostics.iter().any(|d| d.code == Code::EmptyInput),
            "blank input without empty-input: {:?}",
            cable.diagnostics
        );
    }
    // Tags keep their constructor's promise.
    for t in &cable.tags {
        let s = t.as_str();
        prop_assert!(!s.is_empty() && !s.chars().any(|c| c.is_control() || c.is_lowercase()));
    }
    // Every word of the body's prose comes from the input (the parser
    // joins, trims and drops debris, but does not invent text).
    let mut words = Vec::new();
    body_words(&cable.body, &mut words);
    let source = without_link_debris(text);
    // The archive's blanks after punctuation (`SHAH' S`, `( A)`) are
    // removed: a word may join characters the input has blanks between.
    let compact = source.replace(' ', "");
    for w in words {
        let w = without_link_debris(&w);
        prop_assert!(
            source.contains(w.as_str()) || compact.contains(w.as_str()) || invented_ok(&w),
            "body word {w:?} not in the input"
        );
    }
    Ok(())
}

/// Words the parser may produce that are not verbatim in the input: text
/// with characters it normalises (control characters, byte-order marks,
/// line endings) — those are checked elsewhere.
fn invented_ok(w: &str) -> bool {
    w.chars()
        .any(|c| c.is_control() || c == '\u{FEFF}' || c == '\u{FFFD}')
}

/// The input with Markdown link debris (`[B](#).`, which the parser
/// repairs to `B.`) taken apart, so repaired labels are found in it.
fn without_link_debris(text: &str) -> String {
    text.replace("](#)", "").replace('[', "")
}

fn body_words(blocks: &[Block], out: &mut Vec<String>) {
    for piece in cable_testkit::cables::pieces(blocks) {
        if let cable_testkit::cables::Piece::Text(t) = piece {
            out.extend(t.split_whitespace().map(str::to_owned));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_string_parses(s in any::<String>()) {
        check(&s)?;
    }

}

proptest! {
    #![proptest_config(ProptestConfig { cases: LONG_CASES, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn token_soup_parses(s in cable_text()) {
        check(&s)?;
    }

    #[test]
    fn the_kitchen_sink_mutated_parses(cut in 0usize..8000, insert in piece(), dup in 0usize..8000) {
        // A real cable with a token spliced in at a random place and a
        // random slice doubled: structure that almost holds.
        let sink = kitchen_sink();
        let at = floor_char_boundary(&sink, cut);
        let d = floor_char_boundary(&sink, dup);
        let mut text = String::with_capacity(sink.len() * 2);
        text.push_str(&sink[..at]);
        text.push_str(&insert);
        text.push_str(&sink[at..]);
        text.push_str(&sink[d..]);
        check(&text)?;
    }

    #[test]
    fn lossy_bytes_parse(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
        check(&String::from_utf8_lossy(&bytes))?;
    }
}

fn kitchen_sink() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata/cables/kitchen-sink.txt");
    std::fs::read_to_string(path).unwrap_or_default()
}

fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[test]
fn the_check_rejects_an_invented_word() {
    // The body-word property can fail: a cable whose model holds a word the
    // input lacks is caught.
    let text = "1. (U) Hello there.\n";
    let mut cable = cable_parse::parse(text);
    cable.body.push(Block::Text("invented".into()));
    let mut words = Vec::new();
    body_words(&cable.body, &mut words);
    assert!(words.iter().any(|w| !text.contains(w.as_str())));
}
