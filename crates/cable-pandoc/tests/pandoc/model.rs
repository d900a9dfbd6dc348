//! The writer on hand-built cables: the shape of the AST, options, and
//! determinism. (Real pandoc reading it: `pandoc.rs`; goldens: `golden.rs`.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::{opts, rich_cable, write};
use cable_model::{Cable, CableId};
use cable_pandoc::{ApiVersion, Options};
use cable_testkit::{links, stress};
use serde_json::{Value, json};

/// The JSON of `cable`, parsed, after checking it is a valid `pandoc_ast`
/// document (the crate's own types read it back).
fn ast(cable: &Cable, opts: &Options) -> Value {
    let bytes = write(cable, opts);
    let doc: pandoc_ast::Pandoc =
        serde_json::from_slice(&bytes).expect("output reads back as pandoc_ast::Pandoc");
    assert_eq!(doc.pandoc_api_version, opts.api.numbers());
    serde_json::from_slice(&bytes).unwrap()
}

/// Depth-first search for the first JSON object satisfying `pred`.
fn find<'a>(v: &'a Value, pred: &dyn Fn(&Value) -> bool) -> Option<&'a Value> {
    if pred(v) {
        return Some(v);
    }
    match v {
        Value::Array(a) => a.iter().find_map(|x| find(x, pred)),
        Value::Object(o) => o.values().find_map(|x| find(x, pred)),
        _ => None,
    }
}

/// All `Str` contents, in order.
fn strs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(o) if o.get("t") == Some(&json!("Str")) => {
            out.push(o["c"].as_str().unwrap().to_owned())
        }
        Value::Array(a) => a.iter().for_each(|x| strs(x, out)),
        Value::Object(o) => o.values().for_each(|x| strs(x, out)),
        _ => {}
    }
}

/// The `Div` with identifier `id`: its attribute triple and content.
fn div<'a>(doc: &'a Value, id: &str) -> &'a Value {
    find(doc, &|v| v["t"] == "Div" && v["c"][0][0] == id).unwrap_or_else(|| panic!("no Div #{id}"))
}

fn attrs(div: &Value) -> Vec<(String, String)> {
    div["c"][0][2]
        .as_array()
        .unwrap()
        .iter()
        .map(|kv| {
            (
                kv[0].as_str().unwrap().into(),
                kv[1].as_str().unwrap().into(),
            )
        })
        .collect()
}

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter().map(|(a, b)| ((*a).into(), (*b).into())).collect()
}

#[test]
fn version_follows_the_api_option() {
    let c = rich_cable();
    for (api, prefix) in [
        (
            ApiVersion::V1_23,
            r#"{"pandoc-api-version":[1,23,1],"meta":"#,
        ),
        (
            ApiVersion::V1_22,
            r#"{"pandoc-api-version":[1,22,2,1],"meta":"#,
        ),
    ] {
        let out = String::from_utf8(write(&c, &opts(api))).unwrap();
        assert!(out.starts_with(prefix), "{api}: {}", &out[..60]);
        // Nothing but the version differs between the modes.
        let body = |s: &str| s.split_once(r#""meta":"#).unwrap().1.to_owned();
        let other = String::from_utf8(write(&c, &Options::default())).unwrap();
        assert_eq!(body(&out), body(&other));
        assert!(!out.contains(r#""t":"Figure""#));
    }
}

#[test]
fn compact_by_default_pretty_on_request_same_value() {
    let c = rich_cable();
    let compact = write(&c, &Options::default());
    assert!(!compact.contains(&b'\n'), "compact output has no newline");
    let mut o = Options::default();
    o.pretty = true;
    let pretty = write(&c, &o);
    assert!(pretty.starts_with(b"{\n  \"pandoc-api-version\": ["));
    let a: Value = serde_json::from_slice(&compact).unwrap();
    let b: Value = serde_json::from_slice(&pretty).unwrap();
    assert_eq!(a, b);
}

#[test]
fn output_is_deterministic() {
    let c = rich_cable();
    let first = write(&c, &Options::default());
    for _ in 0..3 {
        assert_eq!(write(&c, &Options::default()), first);
    }
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let c = c.clone();
            std::thread::spawn(move || write(&c, &Options::default()))
        })
        .collect();
    for t in threads {
        assert_eq!(t.join().unwrap(), first);
    }
}

#[test]
fn meta_holds_title_subtitle_date_and_cable_fields() {
    let doc = ast(&rich_cable(), &Options::default());
    let meta = &doc["meta"];
    let mut title = Vec::new();
    strs(&meta["title"], &mut title);
    assert_eq!(meta["title"]["t"], "MetaInlines");
    assert_eq!(title.join(" "), rich_cable().subject.unwrap().title);
    let mut subtitle = Vec::new();
    strs(&meta["subtitle"], &mut subtitle);
    assert_eq!(subtitle.join(" "), rich_cable().subject.unwrap().text);
    assert_eq!(meta["date"], json!({"t": "MetaString", "c": "2009-02-24"}));
    // MetaInlines, as pandoc's own readers make them: the DOCX writer
    // prints MetaString keywords as empty strings.
    let keyword = &meta["keywords"]["c"][3];
    assert_eq!(keyword["t"], "MetaInlines");
    let mut words = Vec::new();
    strs(keyword, &mut words);
    assert_eq!(words.join(" "), "DOE, JANE");
    assert_eq!(
        meta["subject"],
        json!({"t": "MetaString", "c": rich_cable().subject.unwrap().text})
    );
    assert_eq!(meta["lang"], json!({"t": "MetaString", "c": "en-US"}));

    let cable = &meta["cable"]["c"];
    let s = |k: &str| {
        cable[k]["c"]
            .as_str()
            .unwrap_or_else(|| panic!("{k}"))
            .to_owned()
    };
    assert_eq!(s("id"), "09STATE17183");
    assert_eq!(s("classification"), "SECRET");
    assert_eq!(s("classification-as-written"), "S E C R E T");
    assert_eq!(s("declassify"), "2019-02-28");
    assert_eq!(s("datetime"), "2009-02-24T21:58:00Z");
    assert_eq!(s("signer"), "CLINTON");
    assert_eq!(cable["caveats"]["c"][1]["c"], "REL MTCR");
    assert_eq!(cable["to"]["c"][0]["c"]["route"]["c"], "RUEHBY");
    assert_eq!(cable["to"]["c"][0]["c"]["serial"]["c"], "0001");
    assert_eq!(
        cable["to"]["c"][1]["c"]["niact"],
        json!({"t": "MetaBool", "c": true})
    );
    assert_eq!(
        cable["info"]["c"][0]["c"]["excluded"],
        json!({"t": "MetaList", "c": [
            {"t": "MetaString", "c": "USINT HAVANA"},
            {"t": "MetaString", "c": "AMEMBASSY *BELGRADE*"}]}),
        "XMT stations"
    );
    assert!(
        cable["to"]["c"][0]["c"].get("excluded").is_none(),
        "no key without XMT"
    );
    assert_eq!(cable["references"]["c"][1]["c"]["id"]["c"], "08STATE129729");
    assert_eq!(cable["references"]["c"][2]["c"]["kind"]["c"], "email");
    assert_eq!(cable["classified-by"]["c"]["name"]["c"], "Pam Durham");
    assert_eq!(cable["reasons"]["c"][1]["c"], "1.4(d)");
    assert_eq!(cable["section"]["c"]["total"]["c"], "2");
}

#[test]
fn empty_cable_is_a_valid_empty_document() {
    let doc = ast(&Cable::default(), &Options::default());
    assert_eq!(doc["blocks"], json!([]));
    assert_eq!(
        doc["meta"],
        json!({"cable": {"t": "MetaMap", "c": {}}, "lang": {"t": "MetaString", "c": "en-US"}})
    );
}

#[test]
fn title_falls_back_to_the_id() {
    let c = Cable {
        id: CableId::parse("09GENEVA123"),
        ..Cable::default()
    };
    let doc = ast(&c, &Options::default());
    assert_eq!(doc["meta"]["title"]["c"][0]["c"], "09GENEVA123");
    assert!(doc["meta"].get("subtitle").is_none());
}

#[test]
fn numbered_paragraphs_are_divs_with_number_and_marking() {
    let doc = ast(&rich_cable(), &Options::default());
    let p2 = div(&doc, "par-2");
    assert_eq!(p2["c"][0][1], json!(["paragraph"]));
    assert_eq!(
        attrs(p2),
        pairs(&[
            ("number", "2"),
            ("number-as-written", "2"),
            ("marking", "C/REL MTCR"),
            ("marking-level", "C"),
            ("marking-caveats", "REL MTCR"),
        ])
    );
    // The number and marking as written open the paragraph's Para.
    let lead = &p2["c"][1][0];
    assert_eq!(lead["t"], "Para");
    assert_eq!(lead["c"][0]["c"][0], json!(["", ["paragraph-number"], []]));
    assert_eq!(lead["c"][0]["c"][1], json!([{"t": "Str", "c": "2."}]));
    assert_eq!(lead["c"][2]["c"][0][1], json!(["portion-marking"]));
    // Sub-paragraphs nest, with identifiers under their parent's.
    let a = div(p2, "par-2-a");
    assert_eq!(attrs(a)[0], ("number".to_owned(), "A".to_owned()));
    assert_eq!(
        a["c"][1][1],
        json!({"t": "Para", "c": [
        {"t": "Str", "c": "More"}, {"t": "Space"}, {"t": "Str", "c": "prose"},
        {"t": "Space"}, {"t": "Str", "c": "under"}, {"t": "Space"}, {"t": "Str", "c": "A."}]})
    );
    assert_eq!(
        attrs(div(p2, "par-2-b")).len(),
        2,
        "no marking attributes without a marking"
    );
    // A repaired number keeps its written form; a repeated one gets a unique id.
    assert_eq!(
        attrs(div(&doc, "par-5"))[..2],
        pairs(&[("number", "5"), ("number-as-written", "15")])
    );
    let mut lead5 = Vec::new();
    strs(&div(&doc, "par-5")["c"][1][0], &mut lead5);
    assert_eq!(lead5[..2], ["15.", "(C)"]);
    assert_eq!(attrs(div(&doc, "par-5-2"))[0].1, "5");
}

#[test]
fn lists_headings_and_notes() {
    let doc = ast(&rich_cable(), &Options::default());
    let list = find(&div(&doc, "par-5")["c"][1], &|v| v["t"] == "BulletList").unwrap();
    let items = list["c"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0][0]["t"], "Plain", "a tight item is Plain");
    assert_eq!(
        items[1][0]["t"], "Para",
        "an item with children is Para + children"
    );
    assert_eq!(items[1][1]["t"], "BulletList");

    let h = find(&doc["blocks"], &|v| v["t"] == "Header").unwrap();
    assert_eq!(h["c"][0], 2);
    assert_eq!(h["c"][1], json!(["", [], [["heading-style", "slashes"]]]));

    let note = |class: &str| {
        find(&doc["blocks"], &|v| {
            v["t"] == "Div" && v["c"][0][1] == json!([class])
        })
        .unwrap_or_else(|| panic!("no .{class}"))
        .clone()
    };
    // `1. (C) SUMMARY: ... END SUMMARY.`: the paragraph has no text of its
    // own, so its number and marking open the summary's first Para.
    let p1 = div(&doc, "par-1");
    assert_eq!(
        p1["c"][1].as_array().unwrap().len(),
        1,
        "no Para of its own"
    );
    let summary = note("summary");
    assert_eq!(summary, p1["c"][1][0]);
    let mut words = Vec::new();
    strs(&summary, &mut words);
    assert_eq!(words[..3], ["1.", "(C)", "SUMMARY:"]);
    assert_eq!(words[words.len() - 2..], ["END", "SUMMARY."]);
    let lead = &summary["c"][1][0]["c"];
    assert_eq!(lead[0]["c"][0][1], json!(["paragraph-number"]));
    assert_eq!(lead[4]["c"][0][1], json!(["note-mark"]));
    let unclosed = note("note");
    assert_eq!(
        attrs(&unclosed),
        pairs(&[("note-title", "NOTE"), ("closed", "false")])
    );
    let mut words = Vec::new();
    strs(&unclosed, &mut words);
    assert!(!words.contains(&"END".to_owned()));
    let mut words = Vec::new();
    strs(&note("begin"), &mut words);
    assert_eq!(words[..2], ["BEGIN", "GUIDANCE:"]);
    assert_eq!(attrs(&note("comment")), pairs(&[("note-title", "COMMENT")]));
    let signer = note("signer");
    assert_eq!(
        signer["c"][1],
        json!([{"t": "Para", "c": [{"t": "Str", "c": "CLINTON"}]}])
    );
}

#[test]
fn routing_header_is_a_definition_list() {
    let doc = ast(&rich_cable(), &Options::default());
    let header = div(&doc, "cable-header");
    assert_eq!(header["c"][0][1], json!(["cable-header"]));
    let dl = &header["c"][1][0];
    assert_eq!(dl["t"], "DefinitionList");
    let terms: Vec<String> = dl["c"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            let mut w = Vec::new();
            strs(&item[0], &mut w);
            w.join(" ")
        })
        .collect();
    assert_eq!(
        terms,
        [
            "Reference",
            "Section",
            "Classification",
            "Date",
            "Precedence",
            "From",
            "To",
            "Info",
            "Handling",
            "E.O.",
            "Tags",
            "Subject",
            "References",
            "Classified by",
            "Reasons"
        ]
    );
    let to = &dl["c"][6][1];
    assert_eq!(
        to.as_array().unwrap().len(),
        2,
        "one definition per addressee"
    );
    let mut w = Vec::new();
    strs(&to[1], &mut w);
    assert_eq!(w, ["AMEMBASSY", "PARIS", "NIACT", "IMMEDIATE"]);
    let mut w = Vec::new();
    strs(&dl["c"][7][1], &mut w);
    assert_eq!(
        w.join(" "),
        "MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE (except USINT HAVANA, AMEMBASSY *BELGRADE*)",
        "XMT stations as the Markdown header says them"
    );
    let mut w = Vec::new();
    strs(&dl["c"][2][1], &mut w);
    assert_eq!(w, ["SECRET//NOFORN//REL", "MTCR"]);
    let mut w = Vec::new();
    strs(&dl["c"][10][1], &mut w);
    assert_eq!(
        w,
        ["MTCRE", "PARM", "OVIP", "(DOE,", "JANE)"],
        "person tags in parentheses"
    );
}

#[test]
fn cable_references_are_spans_or_links() {
    let refs = |doc: &Value| doc["blocks"][0]["c"][1][0]["c"][12][1].clone();
    let doc = ast(&rich_cable(), &Options::default());
    let r = refs(&doc);
    assert_eq!(
        r[0][0]["c"][2],
        json!({"t": "Span", "c": [
        ["", ["cable-ref"], [["cable-id", "09STATE4690"]]],
        [{"t": "Str", "c": "STATE"}, {"t": "Space"}, {"t": "Str", "c": "4690"}]]})
    );
    // An e-mail is not a cable: plain words.
    assert_eq!(r[2][0]["c"][2], json!({"t": "Str", "c": "SMITH-DURHAM"}));

    let mut o = Options::default();
    o.links = Some(links::only("08STATE129729", "{id}.json"));
    let doc = ast(&rich_cable(), &o);
    let r = refs(&doc);
    assert_eq!(r[0][0]["c"][2]["t"], "Span", "not in the run");
    assert_eq!(
        r[1][0]["c"][2],
        json!({"t": "Link", "c": [
        ["", ["cable-ref"], [["cable-id", "08STATE129729"]]],
        [{"t": "Str", "c": "08"}, {"t": "Space"}, {"t": "Str", "c": "STATE"}, {"t": "Space"}, {"t": "Str", "c": "129729"}],
        ["08STATE129729.json", ""]]})
    );
    assert_eq!(
        doc["meta"]["cable"]["c"]["references"]["c"][1]["c"]["url"]["c"],
        "08STATE129729.json"
    );
    assert!(format!("{o:?}").contains("links: Some"));
}

#[test]
fn text_stays_literal_and_control_characters_become_visible() {
    let doc = ast(&rich_cable(), &Options::default());
    let mut words = Vec::new();
    strs(&doc["blocks"], &mut words);
    for literal in ["<html>", "&", "**bold**", "#", "|", ">", "<", "*"] {
        assert!(
            words.iter().any(|w| w == literal),
            "{literal} kept as a word"
        );
    }
    assert!(words.contains(&"Control\u{2407}characters\u{2400}".to_owned()));
    assert!(words.contains(&"a\u{241b}[0m".to_owned()));
    assert!(words.contains(&"and".to_owned()) && words.contains(&"tabs,".to_owned()));
    let json = String::from_utf8(write(&rich_cable(), &Options::default())).unwrap();
    assert!(
        !json.contains("\\u0007") && !json.contains("\\t"),
        "no control character escapes"
    );
    // No Str holds whitespace.
    assert!(words.iter().all(|w| !w.contains(char::is_whitespace)));
}

#[test]
fn writes_through_an_unbuffered_writer_and_reports_its_errors() {
    struct Failing;
    impl std::io::Write for Failing {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk full"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let err = cable_pandoc::write(&rich_cable(), &Options::default(), &mut Failing).unwrap_err();
    assert_eq!(err.to_string(), "disk full");
}

// ---------------------------------------------------------------------
// Time linear in the input, and bounded recursion, on the worker-stack
// harness's cases (`cable_testkit::stress`).

fn write_default(cable: &Cable) {
    drop(write(cable, &Options::default()));
}

/// The stress inputs of the worker-stack harness, each 1x/4x: the
/// indentation cycle (found by the harness: 8,000 paragraphs all numbered
/// `1.`, indented 0 to 63 spaces in turn, took 14.7 s in a release build,
/// each paragraph's identifier probing every earlier one), a long flat
/// list, and a model deeper than the parser nests (the levels past
/// `MAX_NESTING` are written flat, so identifiers, `par-1-1-…`, stop
/// growing).
#[test]
fn pandoc_writes_in_linear_time() {
    stress::writer_is_linear("pandoc", cable_parse::parse, write_default);
}

/// A model a hundred times deeper than `MAX_NESTING`, written (compact
/// and pretty, and as an AST) on a 2 MiB stack, with every text in order.
/// (Pandoc reading it: `pandoc.rs`.)
#[test]
fn pandoc_deep_nesting_on_worker_stack_keeps_every_text() {
    stress::deep_model_on_worker_stack(stress::DEEP_LEVELS, |deep| {
        drop(cable_pandoc::to_ast(deep, &Options::default()));
        both_styles(deep)
    });
}

/// The compact (default) and pretty outputs of `cable`.
fn both_styles(cable: &Cable) -> Vec<String> {
    let mut pretty = Options::default();
    pretty.pretty = true;
    [Options::default(), pretty]
        .iter()
        .map(|opts| String::from_utf8(write(cable, opts)).unwrap())
        .collect()
}

#[test]
fn pandoc_deepest_parsed_nesting_on_worker_stack() {
    stress::deepest_parsed_on_worker_stack(cable_parse::parse, both_styles, "\"sub\"");
}
