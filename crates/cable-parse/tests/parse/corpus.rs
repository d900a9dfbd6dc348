//! Parses every cable text of the shared corpus (`../shared/corpus`: text
//! files, CSV rows, HTML pages, read through `cable-archive`), catching
//! panics per record, and checks the field yield against floors set just
//! under what was measured. Skips with a notice when the corpus is absent.

#![allow(clippy::print_stderr, reason = "the test reports its figures")]

use crate::shared;

#[derive(Debug, Default)]
struct Counts {
    records: usize,
    panicked: usize,
    id: usize,
    date: usize,
    classification: usize,
    subject: usize,
    paragraph: usize,
    signer: usize,
    failed_items: usize,
}

#[test]
fn corpus_yield() {
    let dir = shared::shared("corpus");
    if !dir.is_dir() {
        eprintln!("SKIP: no corpus at {}", dir.display());
        return;
    }
    let records = match cable_archive::open(&dir, &cable_archive::Limits::default()) {
        Ok(r) => r,
        Err(e) => panic!("cannot open the corpus: {e}"),
    };
    let mut n = Counts::default();
    records.for_each(|item| {
        let r = match item {
            cable_archive::Item::Record(r) => r,
            cable_archive::Item::Failed(_) => {
                n.failed_items += 1;
                return true;
            }
            _ => return true,
        };
        n.records += 1;
        let parsed = std::panic::catch_unwind(|| cable_parse::parse_with(&r.text, &r.meta));
        let Ok(c) = parsed else {
            n.panicked += 1;
            eprintln!("PANIC on {:?}", r.provenance);
            return true;
        };
        n.id += usize::from(c.id.is_some());
        n.date += usize::from(c.routing.dtg.as_ref().is_some_and(|d| d.utc.is_some()));
        n.classification += usize::from(c.classification.is_some());
        n.subject += usize::from(c.subject.is_some());
        n.signer += usize::from(c.signer.is_some());
        n.paragraph += usize::from(
            c.body
                .iter()
                .any(|b| matches!(b, cable_model::Block::Paragraph(p) if p.label.is_some())),
        );
        true
    });
    eprintln!("corpus: {n:?}");
    assert_eq!(n.panicked, 0, "no record may panic the parser");
    // Floors just under the figures measured when this test was written.
    // measured 2026-11: 175 records; id 170, date 149, classification
    // 163, subject 162, labelled paragraph 168, signer 115.
    let floors = [
        ("records", n.records, 170),
        ("id", n.id, 165),
        ("date", n.date, 144),
        ("classification", n.classification, 158),
        ("subject", n.subject, 155),
        ("labelled paragraph", n.paragraph, 163),
        ("signer", n.signer, 110),
    ];
    for (what, got, floor) in floors {
        assert!(got >= floor, "{what}: {got} under the floor {floor}");
    }
}
