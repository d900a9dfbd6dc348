//! `identify` (header-only) gives exactly the record id of the cable
//! `parse_with` gives (`record_id`: the container's id, else the text's), on
//! every text of `testdata/` and of the shared corpus (with each record's
//! container metadata), and with container ids that agree, disagree or are
//! malformed. The property tests (`properties.rs`) check it on generated
//! text too. Skips the corpus part with a notice when it is absent.

#![allow(clippy::print_stderr, reason = "the test reports what it skipped")]

use crate::shared;
use cable_model::ContainerMeta;
use std::path::Path;

/// One text and container: `identify` and the full parse agree.
fn check(what: &str, text: &str, meta: &ContainerMeta) {
    assert_eq!(
        cable_parse::identify(text, meta),
        cable_parse::record_id(&cable_parse::parse_with(text, meta)),
        "{what} (container id {:?})",
        meta.id
    );
}

#[test]
fn identify_matches_parse_on_testdata() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata");
    let mut paths = Vec::new();
    for sub in ["seeds", "cables", "torture", "cases"] {
        paths.extend(cable_testkit::paths::files(&root.join(sub), "txt"));
    }
    assert!(paths.len() > 50, "testdata found: {}", paths.len());
    let containers = [
        None,
        Some("09STATE17183"),
        Some("7575LIBREVILLE1895"),
        Some("  "),
    ];
    for p in &paths {
        let bytes = std::fs::read(p).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        for id in containers {
            let meta = ContainerMeta {
                id: id.map(str::to_owned),
                ..ContainerMeta::default()
            };
            check(&p.display().to_string(), &text, &meta);
        }
    }
}

#[test]
fn identify_matches_parse_on_corpus() {
    let dir = shared::shared("corpus");
    if !dir.is_dir() {
        eprintln!("SKIP: no corpus at {}", dir.display());
        return;
    }
    let records = cable_archive::open(&dir, &cable_archive::Limits::default())
        .unwrap_or_else(|e| panic!("cannot open the corpus: {e}"));
    let mut n = 0;
    records.for_each(|item| {
        if let cable_archive::Item::Record(r) = item {
            check(&format!("{:?}", r.provenance), &r.text, &r.meta);
            n += 1;
        }
        true
    });
    assert!(n > 100, "corpus records: {n}");
}
