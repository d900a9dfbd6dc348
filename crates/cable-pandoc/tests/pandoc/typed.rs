//! The streaming writer and the typed tree agree: `write`'s JSON, read back
//! as `pandoc_ast::Pandoc`, equals `to_ast` for the same cable and options.
//!
//! `write` serialises the crate's borrowed view with hand-made `Serialize`
//! impls (words turned into `Str`/`Space` elements on the fly); `to_ast`
//! converts the same view into `pandoc_ast` values, whose serde impls are
//! derived. A difference in any constructor, tag, field order or word split
//! shows here, over the seeds, the kitchen-sink cable, every torture file
//! and every record of `../shared/corpus`, in each option set.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stderr)]

use crate::support;
use cable_model::Cable;
use cable_pandoc::{ApiVersion, Options};

/// The option sets: default, API 1.22, pretty, links to even serials.
fn option_sets() -> Vec<(&'static str, Options)> {
    let mut v122 = Options::default();
    v122.api = ApiVersion::V1_22;
    let mut pretty = Options::default();
    pretty.pretty = true;
    let mut linked = Options::default();
    linked.links = Some(cable_testkit::links::even_serials("json"));
    vec![
        ("default", Options::default()),
        ("api 1.22", v122),
        ("pretty", pretty),
        ("links", linked),
    ]
}

#[track_caller]
fn check(name: &str, cable: &Cable) {
    for (set, opts) in option_sets() {
        let json = support::write(cable, &opts);
        let read: pandoc_ast::Pandoc = serde_json::from_slice(&json)
            .unwrap_or_else(|e| panic!("{name} ({set}): not pandoc_ast JSON: {e}"));
        let typed = cable_pandoc::to_ast(cable, &opts);
        if read != typed {
            let first = read
                .blocks
                .iter()
                .zip(&typed.blocks)
                .position(|(a, b)| a != b);
            panic!(
                "{name} ({set}): write and to_ast differ; meta equal: {}, blocks: {} and {}, \
                 first differing block: {first:?}\n--- write ---\n{:?}\n--- to_ast ---\n{:?}",
                read.meta == typed.meta,
                read.blocks.len(),
                typed.blocks.len(),
                first.and_then(|i| read.blocks.get(i)),
                first.and_then(|i| typed.blocks.get(i)),
            );
        }
        // The typed tree serialised by pandoc_ast's derived impls holds the
        // same JSON value (its top-level keys come in another order).
        let derived: serde_json::Value = serde_json::to_value(&typed).unwrap();
        let ours: serde_json::Value = serde_json::from_slice(&json).unwrap();
        assert!(derived == ours, "{name} ({set}): JSON values differ");
    }
}

fn parse_file(path: &std::path::Path) -> Cable {
    let bytes = std::fs::read(path).expect("read input");
    cable_parse::parse(&String::from_utf8_lossy(&bytes))
}

#[test]
fn seeds_kitchen_sink_and_rich_cable() {
    let mut n = 0;
    let seeds = support::root().join("testdata/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&seeds)
        .expect("testdata/seeds")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    for (_, path) in support::inputs() {
        if !paths.contains(&path) {
            paths.push(path);
        }
    }
    for path in &paths {
        check(&path.display().to_string(), &parse_file(path));
        n += 1;
    }
    check("rich cable", &support::rich_cable());
    check("empty cable", &Cable::default());
    assert!(n >= 3, "seeds and kitchen sink found: {n}");
}

#[test]
fn torture_files() {
    let dir = support::root().join("testdata/torture");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("testdata/torture")
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no torture files");
    for path in &paths {
        check(&path.display().to_string(), &parse_file(path));
    }
}

#[test]
fn every_corpus_record() {
    let Some(corpus) = support::corpus() else {
        return;
    };
    assert!(!corpus.is_empty(), "no record in the corpus");
    for (name, cable) in &corpus {
        check(name, cable);
    }
    eprintln!("{} corpus cables: write and to_ast agree", corpus.len());
}
