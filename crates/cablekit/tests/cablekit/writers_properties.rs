//! Property tests of the four writers: whatever the parser makes of any
//! text, and whatever strings a hand-built model holds in any field, every
//! writer's output is well-formed (YAML reads back, XML reads to the end and
//! is valid against `docs/cable.xsd`, Pandoc JSON parses and pandoc 3 reads
//! it, Markdown's front matter reads back and each paragraph reaches the
//! rendered page). Case counts are fixed so the file stays fast in debug.

#![allow(clippy::print_stderr, reason = "tests report skips and samples")]

use crate::consumers;
use crate::wellformed;
use crate::wellformed::{Outputs, check_all, render};
use cable_model::{
    Addressee, Block, Cable, CableId, ContainerMeta, Heading, HeadingStyle, Label, LabelValue,
    Level, List, ListItem, Marking, Note, NoteKind, Paragraph, Reference, ReferenceKind, Subject,
    Tag,
};
use cable_testkit::generators::{self, cable_text, hostile};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use std::path::PathBuf;
use std::sync::Mutex;

/// Cases per property: 64, or `PROPTEST_CASES` for a deeper run
/// (`PROPTEST_CASES=5000 cargo test -p cablekit writers_properties`).
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64)
}

fn marking() -> impl Strategy<Value = Option<Marking>> {
    proptest::option::of(hostile().prop_map(|raw| Marking::from_level(Level::Secret, raw)))
}

fn label() -> impl Strategy<Value = Option<Label>> {
    proptest::option::of(prop_oneof![
        (0u32..100_000, hostile()).prop_map(|(n, raw)| Label {
            value: LabelValue::Number(n),
            raw
        }),
        (any::<char>(), hostile()).prop_map(|(c, raw)| Label {
            value: LabelValue::Letter(c),
            raw
        }),
    ])
}

/// A body block, nested up to a few levels, with hostile strings everywhere.
fn block() -> impl Strategy<Value = Block> {
    let leaf = prop_oneof![
        hostile().prop_map(Block::Text),
        hostile().prop_map(|text| Block::Heading(Heading {
            text,
            style: HeadingStyle::Dashed
        })),
        (label(), marking(), hostile()).prop_map(|(label, marking, text)| {
            Block::Paragraph(Paragraph {
                label,
                marking,
                text,
                children: vec![],
            })
        }),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            (
                label(),
                marking(),
                hostile(),
                proptest::collection::vec(inner.clone(), 0..4)
            )
                .prop_map(|(label, marking, text, children)| {
                    Block::Paragraph(Paragraph {
                        label,
                        marking,
                        text,
                        children,
                    })
                }),
            (
                hostile(),
                proptest::collection::vec(inner.clone(), 0..4),
                any::<bool>()
            )
                .prop_map(|(title, blocks, closed)| Block::Note(Note {
                    kind: NoteKind::Begin,
                    title,
                    blocks,
                    closed,
                })),
            proptest::collection::vec(
                (hostile(), hostile(), proptest::collection::vec(inner, 0..3)),
                1..4
            )
            .prop_map(|items| Block::List(List {
                items: items
                    .into_iter()
                    .map(|(marker, text, children)| ListItem {
                        marker,
                        text,
                        children,
                    })
                    .collect(),
            })),
        ]
    })
}

/// A cable built directly (not through the parser), so the writers see
/// strings the parser would have cleaned.
fn model() -> impl Strategy<Value = Cable> {
    (
        (
            hostile(),
            hostile(),
            marking(),
            proptest::collection::vec(hostile(), 0..4),
        ),
        (
            proptest::option::of(hostile()),
            proptest::collection::vec(hostile(), 0..3),
            proptest::collection::vec(hostile(), 0..3),
            proptest::collection::vec(block(), 0..6),
        ),
        (
            proptest::option::of(hostile()),
            proptest::option::of(hostile()),
            proptest::collection::vec(generators::addressee(hostile), 0..3),
            proptest::collection::vec(generators::addressee(hostile), 0..3),
        ),
    )
        .prop_map(
            |(
                (subject, title, subject_marking, tags),
                (signer, handling, refs, body),
                (cid, origin, to, info),
            )| {
                let mut c = Cable {
                    id: CableId::new(2009, "STATE", 17183),
                    banner: Some(title.clone()),
                    classification: Some(Marking::from_level(Level::Confidential, title.clone())),
                    subject: Some(Subject {
                        text: subject,
                        title,
                        marking: subject_marking,
                    }),
                    tags: tags
                        .iter()
                        .filter_map(|t| Tag::new(&t.to_uppercase()))
                        .collect(),
                    handling,
                    references: refs
                        .into_iter()
                        .enumerate()
                        .map(|(i, text)| Reference {
                            label: char::from_u32('A' as u32 + i as u32),
                            kind: ReferenceKind::Cable,
                            id: CableId::new(2008, "STATE", 129_729),
                            text,
                        })
                        .collect(),
                    body,
                    signer,
                    container: ContainerMeta {
                        id: cid,
                        origin,
                        ..ContainerMeta::default()
                    },
                    ..Cable::default()
                };
                c.routing.from = Some(Addressee {
                    name: c.handling.first().cloned().unwrap_or_default(),
                    ..Addressee::default()
                });
                c.routing.to = to;
                c.routing.info = info;
                c
            },
        )
}

/// A few outputs kept for the batched external checks.
static SAMPLES: Mutex<Vec<Outputs>> = Mutex::new(Vec::new());

fn keep_sample(out: Outputs) {
    if let Ok(mut s) = SAMPLES.lock()
        && s.len() < 24
    {
        s.push(out);
    }
}

fn check_cable(cable: &Cable) -> Result<(), TestCaseError> {
    let out = render(cable).map_err(TestCaseError::fail)?;
    check_all(cable, &out).map_err(TestCaseError::fail)?;
    keep_sample(out);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn parsed_token_soup_writes_well_formed(text in cable_text()) {
        check_cable(&cable_parse::parse(&text))?;
    }

    #[test]
    fn parsed_arbitrary_text_writes_well_formed(text in any::<String>()) {
        check_cable(&cable_parse::parse(&text))?;
    }

    #[test]
    fn hand_built_models_write_well_formed(cable in model()) {
        check_cable(&cable)?;
    }
}

#[test]
fn seeds_kitchen_sink_and_torture_write_well_formed() {
    let root = wellformed::workspace().join("testdata");
    let mut n = 0;
    for dir in ["seeds", "cables", "torture"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            let Ok(bytes) = std::fs::read(&p) else {
                continue;
            };
            let cable = cable_parse::parse(&String::from_utf8_lossy(&bytes));
            let out = render(&cable).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            if let Err(e) = check_all(&cable, &out) {
                panic!("{}: {e}", p.display());
            }
            keep_sample(out);
            n += 1;
        }
    }
    assert!(n >= 3, "testdata not found");
}

/// Runs `work` on a thread with the default 2 MiB stack (the driver's
/// workers have the same), failing after `secs` seconds. Unbounded
/// recursion shows up as a crash of the test binary.
fn on_worker_stack<T: Send + 'static>(secs: u64, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(work());
    });
    match rx.recv_timeout(std::time::Duration::from_secs(secs)) {
        Ok(v) => v,
        Err(e) => panic!("{e} (panicked, hung or too slow)"),
    }
}

/// Checks `out` on a thread with a large stack: the checkers (serde-saphyr
/// reading into a `serde_json::Value`) recurse per level, the writers under
/// test must not need to.
fn check_on_big_stack(cable: Cable, out: Outputs) -> Result<(), String> {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || check_all(&cable, &out))
        .expect("spawn checker")
        .join()
        .unwrap_or_else(|_| Err("checker panicked".into()))
}

#[test]
fn nested_begin_end_write_well_formed() {
    // The parser caps nesting at 32 notes, so 1,000 nested blocks give the
    // deepest model it makes (pathological.rs parses 10,000; rendering them
    // is linear, and reading 9 MB of YAML back takes a minute in debug).
    let (cable, out) = on_worker_stack(120, || {
        let mut text = String::from("UNCLAS STATE 000001\n\nSUBJECT: NESTING\n\n1. (U) Start.\n\n");
        for i in 0..1_000 {
            text.push_str(&format!("BEGIN TEXT {i}:\n"));
        }
        text.push_str("Innermost.\n");
        for i in (0..1_000).rev() {
            text.push_str(&format!("END TEXT {i}.\n"));
        }
        let parsed = cable_parse::parse(&text);
        let out = render(&parsed);
        (parsed, out)
    });
    let out = out.expect("render 1,000 nested BEGIN/END");
    assert!(out.markdown.contains("Innermost."));
    check_on_big_stack(cable, out).expect("1,000 nested BEGIN/END");
}

/// A hand-built model nested `depth` notes deep (the parser caps its own
/// nesting at 32; library users can build anything).
fn nested_model(depth: usize) -> Cable {
    let mut deep = Block::Text("innermost".into());
    for _ in 0..depth {
        deep = Block::Note(Note {
            kind: NoteKind::Note,
            title: "NOTE".into(),
            blocks: vec![deep],
            closed: true,
        });
    }
    Cable {
        body: vec![deep],
        ..Cable::default()
    }
}

#[test]
fn hand_built_deeply_nested_models_write_well_formed() {
    // The writers must not overflow a worker's stack at 200 levels ...
    let out = on_worker_stack(60, || render(&nested_model(200))).expect("render 200-deep model");
    assert!(out.xml.contains("innermost"));
    // ... and their output is well-formed at 25 (serde_json, the Pandoc
    // JSON checker, refuses more than 128 levels of nesting).
    let out = on_worker_stack(60, || render(&nested_model(25))).expect("render 25-deep model");
    check_on_big_stack(nested_model(25), out).expect("25-deep model");
}

/// Runs after the properties in the same binary only by name order; it
/// renders its own batch so it does not depend on test order.
#[test]
fn xml_validates_against_the_schema_and_pandoc_reads_the_json() {
    let mut batch: Vec<Outputs> = Vec::new();
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    for _ in 0..16 {
        let text = cable_text()
            .new_tree(&mut runner)
            .expect("generate")
            .current();
        let cable = cable_parse::parse(&text);
        batch.push(render(&cable).expect("render"));
    }
    for _ in 0..16 {
        let cable = model().new_tree(&mut runner).expect("generate").current();
        batch.push(render(&cable).expect("render"));
    }
    if let Ok(mut s) = SAMPLES.lock() {
        batch.append(&mut s);
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let mut xml = Vec::new();
    let mut json = Vec::new();
    for (i, o) in batch.iter().enumerate() {
        let x = dir.path().join(format!("{i}.xml"));
        std::fs::write(&x, &o.xml).expect("write xml");
        xml.push(x);
        let j = dir.path().join(format!("{i}.json"));
        std::fs::write(&j, &o.pandoc).expect("write json");
        json.push(j);
    }
    if let Some(r) = consumers::xmllint_schema(
        "xml_validates_against_the_schema_and_pandoc_reads_the_json",
        &xml,
    ) {
        r.unwrap_or_else(|e| panic!("xmllint --schema docs/cable.xsd:\n{e}"));
    }
    // pandoc starts slowly: read a sample.
    json.truncate(8);
    if let Some(r) = consumers::pandoc_reads(
        "xml_validates_against_the_schema_and_pandoc_reads_the_json",
        &json,
    ) {
        r.unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn the_checks_reject_malformed_documents() {
    use wellformed::{
        check_markdown, check_pandoc, check_paragraphs_in_markdown, check_xml, check_yaml,
    };
    assert!(check_yaml("a: [1, 2").is_err());
    assert!(check_yaml("- just a list\n").is_err());
    assert!(check_xml(b"<a><b></a>").is_err());
    assert!(check_xml(b"<a/><b/>").is_err());
    assert!(check_xml(b"<a>\x01</a>").is_err());
    assert!(check_xml(b"<a>&nbsp;</a>").is_err());
    assert!(check_xml(b"<a>&#0;</a>").is_err());
    assert!(check_xml(b"<a x=\"1\" x=\"2\"/>").is_err());
    assert!(check_xml(b"<a>\xff</a>").is_err());
    assert!(check_xml(b"<a>&amp;&#x41;</a>").is_ok());
    assert!(check_pandoc("{}").is_err());
    assert!(check_pandoc("[1,").is_err());
    assert!(check_markdown("---\nid: [\n---\n# T\n").is_err());
    // A paragraph missing from the page is caught.
    let cable = cable_parse::parse(
        "UNCLAS STATE 000001\n\nSUBJECT: X\n\n1. (U) Alpha bravo.\n\n2. (U) Charlie delta.\n",
    );
    assert!(check_paragraphs_in_markdown(&cable, "**1.** (U) Alpha bravo.\n").is_err());
    let out = render(&cable).expect("render");
    assert!(check_paragraphs_in_markdown(&cable, &out.markdown).is_ok());
    // A station an addressee excludes, missing from one output, is caught.
    let mut cable = cable_parse::parse(
        "R 101200Z JAN 85\nFM SECSTATE WASHDC\nTO ALL POSTS\nXMT USINT HAVANA\nUNCLAS STATE 000001\n",
    );
    let mut out = render(&cable).expect("render");
    assert!(wellformed::check_excluded_in_outputs(&cable, &out).is_ok());
    out.xml = out.xml.replace("HAVANA", "");
    assert!(wellformed::check_excluded_in_outputs(&cable, &out).is_err());
    cable.routing.to[0].excluded.clear();
    assert!(wellformed::check_excluded_in_outputs(&cable, &out).is_ok());
}

/// Found by fuzzing (`write_all`, on the seed `testdata/torture/nested-begin-end.txt`):
/// the YAML of a cable whose notes nest as deep as the parser allows (32)
/// is more than 64 levels deep, which serde-saphyr's default budget
/// refuses (`budget breached: Depth { depth: 65 }`; PyYAML and other
/// readers have no such cap). The YAML stays within 128 levels, the
/// bound a strict reader needs (docs/robustness.md).
#[test]
fn regression_yaml_depth_of_the_deepest_nesting_stays_within_128() {
    let path = wellformed::workspace().join("testdata/torture/nested-begin-end.txt");
    let text = std::fs::read_to_string(path).expect("nested-begin-end.txt");
    let mut deeper = text.clone();
    // Also 1,000 levels, beyond the parser's cap.
    for i in 0..1_000 {
        deeper.push_str(&format!("BEGIN X{i}:\n"));
    }
    for t in [text, deeper] {
        let cable = cable_parse::parse(&t);
        let out = render(&cable).expect("render");
        let mut budget = serde_saphyr::Budget::default();
        budget.max_depth = 128;
        let mut options = serde_saphyr::Options::default();
        options.budget = Some(budget);
        let read = serde_saphyr::from_str_with_options::<serde_json::Value>(&out.yaml, options);
        assert!(read.is_ok(), "YAML deeper than 128 levels: {read:?}");
        let default = serde_saphyr::from_str::<serde_json::Value>(&out.yaml);
        eprintln!(
            "nested notes: serde-saphyr with its default depth budget (64): {}",
            if default.is_ok() {
                "reads it"
            } else {
                "refuses it"
            }
        );
    }
}
