//! YAML writer tests: reviewed goldens, a real YAML 1.1 reader (PyYAML),
//! the JSON Schema in `docs/`, and an in-process round trip.
#![allow(clippy::print_stderr)] // SKIP notices and the reader's report

use std::path::{Path, PathBuf};

use cable_testkit::{stress, tools};

fn root() -> PathBuf {
    cable_testkit::workspace::root()
}

fn yaml(cable: &cable_model::Cable) -> String {
    yaml_with(cable, &cable_yaml::Options::default())
}

fn yaml_with(cable: &cable_model::Cable, opts: &cable_yaml::Options) -> String {
    let mut out = Vec::new();
    cable_yaml::write(cable, opts, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// Long strings: one line by default, a folded block scalar on request.
#[test]
fn long_strings_single_line_by_default_folded_on_request() {
    let long = "THE DELEGATION MET WITH THE MINISTER ON TUESDAY. ".repeat(4);
    let long = long.trim_end();
    let cable = cable_model::Cable {
        signer: Some(long.to_owned()),
        ..Default::default()
    };
    let single = yaml(&cable);
    assert!(single.contains(&format!("signer: {long}\n")), "{single}");
    let folded = yaml_with(
        &cable,
        &cable_yaml::Options::default().single_line_strings(false),
    );
    assert!(folded.contains("signer: >-\n  THE DELEGATION"), "{folded}");
    assert!(folded.lines().all(|l| l.len() <= 82), "{folded}");
}

/// The project's own cables: seeds, kitchen sink, parser cases, torture set.
fn testdata_cables() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in [
        "testdata/seeds",
        "testdata/cables",
        "testdata/cases",
        "testdata/torture",
    ] {
        out.extend(cable_testkit::paths::files(&root().join(dir), "txt"));
    }
    out.sort();
    out
}

#[test]
fn goldens() {
    for name in [
        "seeds/000_78e12724ad72837c",
        "seeds/001_d7a67a22ead94fd7",
        "cables/kitchen-sink",
    ] {
        let path = root().join(format!("testdata/{name}.txt"));
        let text = std::fs::read_to_string(&path).unwrap();
        let cable = cable_parse::parse(&text);
        let snap = name.rsplit('/').next().unwrap();
        insta::with_settings!({
            snapshot_path => root().join("testdata/expected/yaml"),
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(snap, yaml(&cable));
        });
    }
}

/// Absent, empty and false values are left out by default (issue #14: the
/// explicit form wrote 84 `null`s for one ordinary cable), and written
/// with `explicit_nulls`, which reads back to the same values plus nulls.
#[test]
fn absent_values_are_left_out_unless_asked_for() {
    let explicit = cable_yaml::Options::default().explicit_nulls(true);
    for path in testdata_cables() {
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        let cable = cable_parse::parse(&text);
        let compact = yaml(&cable);
        for line in compact.lines() {
            let (key, value) = line.split_once(": ").unwrap_or_default();
            // `closed: false` is a value: the note has no END line.
            let absent = matches!(value, "null" | "[]" | "''" | "\"\"")
                || (value == "false" && key.trim() != "closed");
            assert!(
                !absent,
                "{}: {line:?} in the default output",
                path.display()
            );
        }
        let full = read(&yaml_with(&cable, &explicit));
        let short = read(&compact);
        assert_eq!(
            strip(full),
            short,
            "{}: the explicit form holds the same values",
            path.display()
        );
    }
    let default = yaml_with(&cable_model::Cable::default(), &explicit);
    assert!(
        default.starts_with("id: null\nsection: null\n"),
        "{default}"
    );
}

/// Reads YAML back, nesting allowed as deep as the parser nests notes.
fn read(yaml: &str) -> serde_json::Value {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = 1024;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    serde_saphyr::from_str_with_options(yaml, options).unwrap()
}

/// `v` without nulls, empty lists, empty strings and `false`: what the
/// compact form leaves out.
fn strip(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, strip(v)))
                .filter(|(k, v)| match v {
                    Value::Bool(false) if k == "niact" => false,
                    Value::Null => false,
                    Value::Array(a) => !a.is_empty(),
                    Value::String(s) => !(s.is_empty() && k == "text"),
                    Value::Object(o) => !(k == "precedence" && o.is_empty()),
                    _ => true,
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(strip).collect()),
        other => other,
    }
}

/// YAML 1.1 look-alikes that must stay strings.
#[test]
fn yaml_11_lookalikes_are_quoted() {
    let mut cable = cable_model::Cable::default();
    for t in ["NO", "ON", "YES", "OFF", "Y", "N", "NULL", "TRUE"] {
        cable.tags.push(cable_model::Tag::new(t).unwrap());
    }
    cable.handling = vec![
        "12:30".into(),
        "1.4".into(),
        "2009-02-28".into(),
        "0x1F".into(),
        "~".into(),
        "1e3".into(),
        "0777".into(),
    ];
    let out = yaml(&cable);
    for t in [
        "NO",
        "ON",
        "YES",
        "OFF",
        "Y",
        "N",
        "NULL",
        "TRUE",
        "12:30",
        "1.4",
        "2009-02-28",
        "0x1F",
        "~",
        "1e3",
        "0777",
    ] {
        assert!(
            out.contains(&format!("- '{t}'")) || out.contains(&format!("- \"{t}\"")),
            "{t} not quoted in:\n{out}"
        );
    }
}

/// Reads every testdata cable's YAML back with PyYAML (a YAML 1.1 reader)
/// and compares it value for value with the same view written as JSON, so
/// a string read back as a boolean, number, date or null fails. When the
/// `jsonschema` module is present, also validates against
/// `docs/cable.schema.json`.
#[test]
fn pyyaml_reads_every_string_as_a_string() {
    let files = testdata_cables();
    let folded = cable_yaml::Options::default().single_line_strings(false);
    assert!(files.len() >= 3, "testdata cables missing");
    let dir = tempfile::tempdir().unwrap();
    for (i, f) in files.iter().enumerate() {
        let text = std::fs::read_to_string(f)
            .unwrap_or_else(|_| String::from_utf8_lossy(&std::fs::read(f).unwrap()).into_owned());
        let cable = cable_parse::parse(&text);
        write_pair(dir.path(), i, &cable);
        // The folded style too, for the project's own cables.
        std::fs::write(
            dir.path().join(format!("{:05}.yaml", 50_000 + i)),
            yaml_with(&cable, &folded),
        )
        .unwrap();
        std::fs::write(
            dir.path().join(format!("{:05}.json", 50_000 + i)),
            serde_json::to_string(&cable_yaml::view::CableView::new(&cable)).unwrap(),
        )
        .unwrap();
        // And every key written (--yaml-explicit-nulls).
        std::fs::write(
            dir.path().join(format!("{:05}.yaml", 70_000 + i)),
            yaml_with(&cable, &cable_yaml::Options::default().explicit_nulls(true)),
        )
        .unwrap();
        std::fs::write(
            dir.path().join(format!("{:05}.json", 70_000 + i)),
            serde_json::to_string(&cable_yaml::view::CableView::explicit(&cable)).unwrap(),
        )
        .unwrap();
    }
    // And the shared corpus, when present.
    if let Some(corpus) =
        cable_testkit::paths::shared_or_skip("pyyaml_reads_every_string_as_a_string", "corpus")
    {
        let mut n = 0;
        if let Ok(records) = cable_archive::open(&corpus, &cable_archive::Limits::default()) {
            records.for_each(|item| {
                if let cable_archive::Item::Record(r) = item {
                    write_pair(
                        dir.path(),
                        10_000 + n,
                        &cable_parse::parse_with(&r.text, &r.meta),
                    );
                    n += 1;
                }
                true
            });
        }
        eprintln!("corpus: {n} records written for the PyYAML check");
    }
    run_python("pyyaml_reads_every_string_as_a_string", dir.path());
}

fn write_pair(dir: &Path, i: usize, cable: &cable_model::Cable) {
    std::fs::write(dir.join(format!("{i:05}.yaml")), yaml(cable)).unwrap();
    let json = serde_json::to_string(&cable_yaml::view::CableView::new(cable)).unwrap();
    std::fs::write(dir.join(format!("{i:05}.json")), json).unwrap();
}

const CHECK: &str = r#"
import glob, json, os, sys, yaml
d, schema_path = sys.argv[1], sys.argv[2]
try:
    import jsonschema
    schema = json.load(open(schema_path))
    validator = jsonschema.Draft202012Validator(schema)
except ImportError:
    validator = None
    print("NOTE: python jsonschema absent; schema not checked")
n = 0
for y in sorted(glob.glob(os.path.join(d, "*.yaml"))):
    got = yaml.safe_load(open(y, encoding="utf-8"))
    want = json.load(open(y[:-5] + ".json", encoding="utf-8"))
    if got != want:
        def diff(a, b, path="$"):
            if type(a) != type(b):
                return f"{path}: {a!r} ({type(a).__name__}) != {b!r} ({type(b).__name__})"
            if isinstance(a, dict):
                for k in sorted(set(a) | set(b)):
                    r = diff(a.get(k), b.get(k), f"{path}.{k}")
                    if r: return r
            elif isinstance(a, list):
                if len(a) != len(b): return f"{path}: length {len(a)} != {len(b)}"
                for i, (x, z) in enumerate(zip(a, b)):
                    r = diff(x, z, f"{path}[{i}]")
                    if r: return r
            elif a != b:
                return f"{path}: {a!r} != {b!r}"
        print(f"MISMATCH {y}: {diff(got, want)}")
        sys.exit(1)
    if validator is not None:
        errs = sorted(validator.iter_errors(got), key=str)
        if errs:
            print(f"SCHEMA {y}: {errs[0].json_path}: {errs[0].message}")
            sys.exit(1)
    n += 1
print(f"OK {n}")
"#;

/// Runs [`CHECK`] over `dir` with a python3 that has PyYAML (and
/// jsonschema: without it, and without `CABLEKIT_REQUIRE_ORACLES=1`, the
/// schema is not checked).
fn run_python(test: &str, dir: &Path) {
    let Some(python) = tools::python(test, &["yaml"]) else {
        return;
    };
    let _ = tools::python(&format!("{test} (schema)"), &["jsonschema"]);
    let out = python
        .command()
        .arg("-c")
        .arg(CHECK)
        .arg(dir)
        .arg(root().join("docs/cable.schema.json"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    eprintln!("{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "PyYAML check failed: {stdout}");
}

mod roundtrip {
    use proptest::prelude::*;

    fn any_text() -> impl Strategy<Value = String> {
        prop_oneof![
            "\\PC{0,40}",
            "[ -~]{0,200}",
            prop::sample::select(vec![
                "NO".to_string(),
                "yes".into(),
                "12:30".into(),
                "1.4".into(),
                "- x".into(),
                "a: b".into(),
                "#x".into(),
                " lead".into(),
                "trail ".into(),
                "a\nb".into(),
                "\u{0}\u{7}\t".into(),
                "'\"".into(),
                "".into(),
                "~".into(),
                "&a *b !c".into(),
            ]),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        /// Whatever the strings, serde-saphyr's own reader gets back exactly
        /// the value written.
        #[test]
        fn yaml_reads_back_equal(handling in prop::collection::vec(any_text(), 0..5), signer in any_text(), text in any_text(), single in any::<bool>(), info in prop::collection::vec(cable_testkit::generators::addressee(any_text), 0..3)) {
            let mut cable = cable_model::Cable {
                handling,
                signer: Some(signer),
                body: vec![cable_model::Block::Text(text)],
                ..Default::default()
            };
            cable.routing.info = info;
            let view = cable_yaml::view::CableView::new(&cable);
            let mut out = Vec::new();
            let opts = cable_yaml::Options::default().single_line_strings(single);
            cable_yaml::write(&cable, &opts, &mut out).unwrap();
            let yaml = String::from_utf8(out).unwrap();
            let back: serde_json::Value = serde_saphyr::from_str(&yaml).map_err(|e| TestCaseError::fail(format!("{e}\n{yaml}")))?;
            prop_assert_eq!(back, serde_json::to_value(&view).unwrap());
        }
    }
}

// ---------------------------------------------------------------------
// Time linear in the input, and bounded recursion, on the worker-stack
// harness's cases (`cable_testkit::stress`).

fn write_default(cable: &cable_model::Cable) {
    drop(yaml(cable));
}

/// The stress inputs of the worker-stack harness, each 1x/4x: the
/// indentation cycle found quadratic in the Pandoc writer, a long flat
/// list, and a model deeper than the parser nests (the levels past
/// `MAX_NESTING` are written flat, so indentation stops growing).
#[test]
fn yaml_writes_in_linear_time() {
    stress::writer_is_linear("yaml", cable_parse::parse, write_default);
}

/// A model a hundred times deeper than `MAX_NESTING`, written on a 2 MiB
/// stack: every text in order, and PyYAML reads it as the JSON of the
/// model as written (and the schema accepts it).
#[test]
fn yaml_deep_nesting_on_worker_stack_keeps_every_text() {
    let outputs = stress::deep_model_on_worker_stack(stress::DEEP_LEVELS, |deep| {
        vec![
            yaml(deep),
            serde_json::to_string(&cable_yaml::view::CableView::new(
                &deep.within_nesting_limit(),
            ))
            .unwrap(),
        ]
    });
    let [text, json] = <[String; 2]>::try_from(outputs).unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("deep.yaml"), text).unwrap();
    std::fs::write(dir.path().join("deep.json"), json).unwrap();
    run_python(
        "yaml_deep_nesting_on_worker_stack_keeps_every_text",
        dir.path(),
    );
}

#[test]
fn yaml_deepest_parsed_nesting_on_worker_stack() {
    stress::deepest_parsed_on_worker_stack(
        cable_parse::parse,
        |cable| {
            [
                cable_yaml::Options::default(),
                cable_yaml::Options::default().explicit_nulls(true),
            ]
            .iter()
            .map(|opts| yaml_with(cable, opts))
            .collect()
        },
        "sub item",
    );
}
