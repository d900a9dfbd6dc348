//! The Markdown writer against hand-built cables, the parsed testdata
//! (goldens in `testdata/expected/markdown/`), the shared corpus, a real
//! CommonMark parser (pulldown-cmark), PyYAML and pandoc.
#![allow(
    clippy::print_stderr,
    clippy::field_reassign_with_default,
    missing_docs
)]

mod support;

use cable_markdown::{FrontMatter, Options, Site, write};
use cable_model::{Block, Cable, Label, LabelValue, NoteKind, Reference, ReferenceKind};
use cable_testkit::{links, stress, tools};
use support::check;

fn render(cable: &Cable, opts: &Options) -> String {
    let mut out = Vec::new();
    write(cable, opts, &mut out).expect("writing to a Vec");
    String::from_utf8(out).expect("the writer writes UTF-8")
}

/// The option sets every oracle runs with.
fn option_sets() -> Vec<(&'static str, Options)> {
    let mut wrapped = Options::default();
    wrapped.wrap = Some(40);
    wrapped.heading_offset = 1;
    wrapped.front_matter = FrontMatter::Toml;
    let mut bare = Options::default();
    bare.front_matter = FrontMatter::None;
    bare.heading_offset = 9;
    let mut jekyll = Options::for_site(Site::Jekyll);
    jekyll.wrap = Some(50);
    vec![
        ("default", Options::default()),
        ("wrapped", wrapped),
        ("bare", bare),
        ("jekyll", jekyll),
        ("hugo", Options::for_site(Site::Hugo)),
    ]
}

/// Runs the CommonMark oracle on `cable` under every option set.
fn check_cable(name: &str, cable: &Cable) {
    if let Some(failure) = oracle_failure(name, cable) {
        panic!("{failure}");
    }
}

/// The CommonMark oracle's problems with `cable` (and whether its output
/// is deterministic) under the first option set that has any, with the
/// page; `None` when every set passes.
fn oracle_failure(name: &str, cable: &Cable) -> Option<String> {
    option_sets().into_iter().find_map(|(set, opts)| {
        let page = render(cable, &opts);
        let mut problems =
            check::commonmark(cable, &page, &[], opts.heading_offset, opts.title_heading);
        if page != render(cable, &opts) {
            problems.push("output is not deterministic".into());
        }
        (!problems.is_empty()).then(|| {
            format!(
                "{name} ({set}):\n{}\n--- page ---\n{page}",
                problems.join("\n")
            )
        })
    })
}

fn snapshot(name: &str, page: &str) {
    insta::with_settings!({
        snapshot_path => support::root().join("testdata/expected/markdown"),
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, page);
    });
}

#[test]
fn goldens_of_testdata() {
    let inputs = support::testdata_inputs()
        .into_iter()
        .map(|(name, text)| (name.clone(), (name, text)));
    cable_testkit::cases::check_all("markdown goldens", inputs, |(name, text)| {
        let cable = cable_parse::parse(&text);
        snapshot(&name, &render(&cable, &Options::default()));
    });
}

#[test]
fn golden_of_a_hand_built_cable() {
    snapshot("built-rich", &render(&support::rich(), &Options::default()));
    let mut opts = Options::default();
    opts.front_matter = FrontMatter::Toml;
    opts.wrap = Some(60);
    opts.heading_offset = 1;
    opts.links = Some(links::only("09STATE4567", "../2009/{id}.md"));
    opts.link_template = Some("https://example.org/cable/{id}".into());
    snapshot("built-rich-options", &render(&support::rich(), &opts));
}

#[test]
fn commonmark_oracle_on_hand_built_cables() {
    check_cable("rich", &support::rich());
    check_cable("empty", &Cable::default());
}

#[test]
fn commonmark_oracle_on_testdata() {
    for (name, text) in support::testdata_inputs() {
        check_cable(&name, &cable_parse::parse(&text));
    }
    let torture = support::root().join("testdata/torture");
    let mut seen = 0;
    for entry in std::fs::read_dir(&torture).into_iter().flatten().flatten() {
        let Ok(bytes) = std::fs::read(entry.path()) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        check_cable(
            &entry.path().display().to_string(),
            &cable_parse::parse(&text),
        );
        seen += 1;
    }
    eprintln!("checked {seen} torture inputs");
}

#[test]
fn commonmark_oracle_on_the_shared_corpus() {
    let Some(dir) =
        cable_testkit::paths::shared_or_skip("commonmark_oracle_on_the_shared_corpus", "corpus")
    else {
        return;
    };
    let records = cable_archive::open(&dir, &cable_archive::Limits::default())
        .expect("the corpus directory opens");
    let mut seen = 0;
    records.for_each(|item| {
        if let cable_archive::Item::Record(r) = item {
            let cable = cable_parse::parse_with(&r.text, &r.meta);
            let name = format!("{:?} {:?}", r.provenance.input, r.provenance.member);
            check_cable(&name, &cable);
            // CABLE_MD_DUMP=dir writes the pages for a reader to look at.
            if let Some(dump) = std::env::var_os("CABLE_MD_DUMP") {
                let file = std::path::Path::new(&dump).join(format!("{seen:03}.md"));
                std::fs::write(file, render(&cable, &Options::default())).unwrap();
            }
            seen += 1;
        }
        true
    });
    eprintln!("checked {seen} corpus records");
    assert!(
        seen > 0,
        "cable-archive yielded no record from {}",
        dir.display()
    );
}

#[test]
fn references_link_to_pages_of_the_same_run_and_nothing_else_by_default() {
    let cable = support::rich();
    let page = render(&cable, &Options::default());
    assert!(
        !page.contains("]("),
        "no link without a resolver or template:\n{page}"
    );

    let mut opts = Options::default();
    opts.links = Some(links::only("09STATE4567", "{id}.md"));
    let page = render(&cable, &opts);
    assert!(
        page.contains("  - A\\. STATE 004567 ([09STATE4567](09STATE4567.md))\n"),
        "{page}"
    );
    assert!(page.contains("  - B\\. GENEVA 99 (09GENEVA99)\n"), "{page}");
    let problems = check::commonmark(&cable, &page, &["09STATE4567.md".into()], 0, true);
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    opts.link_template = Some("https://example.org/{id} (x)".into());
    let page = render(&cable, &opts);
    assert!(
        page.contains("([09GENEVA99](https://example.org/09GENEVA99%20%28x%29))"),
        "{page}"
    );
}

#[test]
fn references_link_in_each_sites_style() {
    let cable = support::rich();
    for (site, expected) in [
        (Site::Plain, "../2009/09STATE4567.md"),
        (Site::MkDocs, "../2009/09STATE4567.md"),
        (Site::Jekyll, "../2009/09STATE4567.html"),
        (Site::Hugo, "{{< relref \"../2009/09STATE4567.md\" >}}"),
    ] {
        let mut opts = Options::for_site(site);
        opts.links = Some(links::only("09STATE4567", "../2009/{id}.md"));
        let page = render(&cable, &opts);
        assert!(
            page.contains(&format!("([09STATE4567]({expected}))")),
            "{site:?}:\n{page}"
        );
        // Hugo and Jekyll themes print the title: no heading repeats it.
        assert_eq!(
            page.contains("\n# Kitchen Sink"),
            matches!(site, Site::Plain | Site::MkDocs),
            "{site:?}:\n{page}"
        );
        assert_eq!(
            page.contains("\nlayout: page\n"),
            site == Site::Jekyll,
            "{site:?}:\n{page}"
        );
        if site != Site::Hugo {
            // Hugo's shortcode is replaced before its Markdown reader runs.
            let problems =
                check::commonmark(&cable, &page, &[expected.into()], 0, opts.title_heading);
            assert!(problems.is_empty(), "{site:?}: {}", problems.join("\n"));
        }
    }
    let mut opts = Options::for_site(Site::Jekyll);
    opts.links = Some(links::every("../2009/{id}.md"));
    snapshot("built-rich-jekyll", &render(&cable, &opts));
}

/// The YAML front matter of a page.
fn yaml_front_matter(page: &str) -> &str {
    let rest = page.strip_prefix("---\n").expect("page starts with ---");
    &rest[..rest.find("\n---\n").expect("closing ---") + 1]
}

#[test]
fn yaml_front_matter_reads_back_as_strings_dates_and_lists() {
    let page = render(&support::rich(), &Options::default());
    let yaml = yaml_front_matter(&page);
    let value: serde_json::Value = serde_saphyr::from_str(yaml).expect("front matter is YAML");
    assert_eq!(value["id"], "09GENEVA123");
    assert_eq!(value["tags"][1], "NO", "NO stays a string");
    assert_eq!(value["info"][1], "NO");
    assert_eq!(value["tags"][5], "OVIP (DOE, JANE Q.)");
    assert_eq!(
        value["title"],
        "Kitchen Sink: *Stars*, _Lines_ & <Tags> # [1]"
    );
    assert!(
        yaml.contains("\ndate: 2009-03-03T14:15:00Z\n"),
        "date is a plain timestamp:\n{yaml}"
    );

    // A YAML 1.1 reader (PyYAML, like Jekyll's Psych) must agree.
    let script = "import sys, yaml, json, datetime\n\
        d = yaml.safe_load(sys.stdin)\n\
        assert isinstance(d['date'], datetime.datetime), d['date']\n\
        d['date'] = d['date'].isoformat()\n\
        print(json.dumps(d))";
    let Some(python) = tools::python(
        "yaml_front_matter_reads_back_as_strings_dates_and_lists",
        &["yaml"],
    ) else {
        return;
    };
    let mut child = python
        .command()
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    use std::io::Write as _;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(yaml.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let py: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut expected = value.clone();
    expected["date"] = "2009-03-03T14:15:00+00:00".into();
    assert_eq!(py, expected, "PyYAML reads the same values");
}

#[test]
fn toml_front_matter_reads_back() {
    let mut opts = Options::default();
    opts.front_matter = FrontMatter::Toml;
    let page = render(&support::rich(), &opts);
    let rest = page.strip_prefix("+++\n").expect("page starts with +++");
    let toml_text = &rest[..rest.find("\n+++\n").expect("closing +++") + 1];
    let value: toml::Table = toml::from_str(toml_text).expect("front matter is TOML");
    assert_eq!(value["id"].as_str(), Some("09GENEVA123"));
    assert!(value["date"].is_datetime(), "date is a TOML datetime");
    assert_eq!(value["tags"][1].as_str(), Some("NO"));
}

#[test]
fn options_change_only_what_they_name() {
    let cable = support::rich();
    let mut opts = Options::default();
    opts.front_matter = FrontMatter::None;
    let page = render(&cable, &opts);
    assert!(page.starts_with("# Kitchen Sink: "), "{page}");
    opts.heading_offset = 2;
    let page = render(&cable, &opts);
    assert!(page.starts_with("### Kitchen Sink: "), "{page}");
    assert!(page.contains("\n#### LOOKING AHEAD\n"), "{page}");
    opts.wrap = Some(30);
    let page = render(&cable, &opts);
    let body = page.split_once("\n\n").unwrap().1;
    for line in body.lines().filter(|l| !l.starts_with('#')) {
        // Headings are never wrapped; only a single long word may exceed the width.
        assert!(
            line.chars().count() <= 30
                || !line.trim_start_matches(['>', ' ', '-', '*']).contains(' '),
            "{line:?}"
        );
    }
}

/// Pandoc 2.x (apt) and 3.x (`pypandoc_binary`) read the page's front
/// matter as metadata; each is required under `CABLEKIT_REQUIRE_ORACLES=1`.
#[test]
fn pandoc_reads_the_front_matter_as_metadata() {
    for release in ["pandoc 2.", "pandoc 3"] {
        if let Some(pandoc) = tools::pandoc("pandoc_reads_the_front_matter_as_metadata", release) {
            eprintln!(
                "checking with {} ({})",
                pandoc.program.display(),
                pandoc.version
            );
            check_with_pandoc(&pandoc);
        }
    }
}

fn check_with_pandoc(pandoc: &tools::Tool) {
    let mut cables: Vec<(String, Cable)> = support::testdata_inputs()
        .into_iter()
        .map(|(name, text)| (name, cable_parse::parse(&text)))
        .collect();
    cables.push(("built-rich".into(), support::rich()));
    cables.push(("every-lead-case".into(), every_lead_case()));
    for (name, cable) in cables {
        let page = render(&cable, &Options::default());
        let run = |to: &str| {
            let mut child = pandoc
                .command()
                .args(["-f", "commonmark_x+yaml_metadata_block", "-t", to])
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("pandoc runs");
            use std::io::Write as _;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(page.as_bytes())
                .unwrap();
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{name}: {pandoc} -t {to}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8(out.stdout).unwrap()
        };
        let html = run("html");
        assert!(
            !html.contains("<hr"),
            "{name}: front matter rendered as text:\n{html}"
        );
        // commonmark_x adds fancy lists, sub/superscript, strike-through,
        // math, attributes: none of them may fire on the cable's words.
        for tag in [
            "<ol",
            "<em>",
            "<code",
            "<table",
            "<del>",
            "<sub>",
            "<sup>",
            "class=\"math",
            "<dl>",
            "<pre",
        ] {
            assert!(
                !html.contains(tag),
                "{name}: pandoc made {tag} of the cable's words:\n{html}"
            );
        }
        if let Some(id) = &cable.id {
            assert!(
                !html.contains(&format!("id: {id}")),
                "{name}: front matter leaked:\n{html}"
            );
        }
        let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
        let meta = &json["meta"];
        assert!(
            meta.get("title").is_some(),
            "{name}: no title in pandoc metadata: {meta}"
        );
        if cable.id.is_some() {
            assert!(
                meta.get("id").is_some(),
                "{name}: no id in metadata: {meta}"
            );
        }
        if !cable.tags.is_empty() {
            assert_eq!(
                meta["tags"]["t"], "MetaList",
                "{name}: tags are a list: {meta}"
            );
        }
    }
}

// ---------------------------------------------------------------------
// Time linear in the input, and bounded recursion, on the worker-stack
// harness's cases (`cable_testkit::stress`).

fn write_default(cable: &Cable) {
    drop(render(cable, &Options::default()));
}

/// The stress inputs of the worker-stack harness, each 1x/4x: the
/// indentation cycle found quadratic in the Pandoc writer, a long flat
/// list, and a model deeper than the parser nests (the levels past
/// `MAX_NESTING` are written flat, so list indentation and `>` prefixes
/// stop growing).
#[test]
fn markdown_writes_in_linear_time() {
    stress::writer_is_linear("markdown", cable_parse::parse, write_default);
}

/// A model a hundred times deeper than `MAX_NESTING`, written on a 2 MiB
/// stack: every text in order, and the page what the CommonMark oracle
/// (pulldown-cmark) expects of the model as written. (Not pandoc: its
/// Markdown reader takes minutes on a few thousand quotes 33 deep.)
#[test]
fn markdown_deep_nesting_on_worker_stack_keeps_every_text() {
    let levels = stress::DEEP_LEVELS;
    let page =
        stress::deep_model_on_worker_stack(levels, |deep| vec![render(deep, &Options::default())])
            .remove(0);
    let deep = stress::deep_model(levels);
    let written = deep.within_nesting_limit().into_owned();
    stress::drop_deep(deep);
    let opts = Options::default();
    let problems = check::commonmark(
        &written,
        &page,
        &[],
        opts.heading_offset,
        opts.title_heading,
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn markdown_deepest_parsed_nesting_on_worker_stack() {
    stress::deepest_parsed_on_worker_stack(
        cable_parse::parse,
        |cable| vec![render(cable, &Options::default())],
        "sub item",
    );
}

/// Origins that agree on their first 60 letters share a slug base; each
/// slug probed every earlier one.
#[test]
fn index_origins_sharing_a_slug_linear() {
    stress::check_linear(
        "markdown index origins sharing a slug",
        500,
        |n| {
            (0..n)
                .map(|i| {
                    let mut summary = cable_markdown::Summary::default();
                    summary.id = Some(format!("09STATE{}", i + 1));
                    summary.title = "Title".into();
                    summary.origin =
                        Some(format!("{} {i}", "Embassy Somewhere Far Away ".repeat(3)));
                    cable_markdown::Listed {
                        page: format!("2009/09STATE{}.md", i + 1),
                        summary,
                    }
                })
                .collect::<Vec<_>>()
        },
        |listed| {
            drop(cable_markdown::index_pages(listed, &Options::default(), 1000).unwrap());
        },
    );
}

// ---------------------------------------------------------------------
// Regressions

/// Label values a hand-built model may hold (the parser makes only digits
/// and letters): markup characters, marks, spaces and controls.
const LEAD_VALUES: [LabelValue; 27] = [
    LabelValue::Number(5),
    LabelValue::Letter('A'),
    LabelValue::Letter('`'),
    LabelValue::Letter('\\'),
    LabelValue::Letter('<'),
    LabelValue::Letter('>'),
    LabelValue::Letter('&'),
    LabelValue::Letter('*'),
    LabelValue::Letter('_'),
    LabelValue::Letter('['),
    LabelValue::Letter(']'),
    LabelValue::Letter('!'),
    LabelValue::Letter('~'),
    LabelValue::Letter('$'),
    LabelValue::Letter('^'),
    LabelValue::Letter('|'),
    LabelValue::Letter('{'),
    LabelValue::Letter('#'),
    LabelValue::Letter(':'),
    LabelValue::Letter('é'),
    LabelValue::Letter('\u{301}'),
    LabelValue::Letter('\u{a0}'),
    LabelValue::Letter('\u{2003}'),
    LabelValue::Letter('\u{feff}'),
    LabelValue::Letter(' '),
    LabelValue::Letter('\n'),
    LabelValue::Letter('\u{0}'),
];

/// Markings written between a label and its text.
const LEAD_MARKINGS: [Option<&str>; 3] = [None, Some("`"), Some("C")];

/// Note titles, which are leads too (`**TITLE:**`).
const LEAD_TITLES: [&str; 6] = ["`", "~X", "$X", "^X", "X\\", "*X"];

/// Texts after a lead: the other half of a pair (`` ` ``, `$`, `~`, `^`,
/// `*`, `_`, `]`) or a character that joins what precedes it.
const LEAD_TEXTS: [&str; 14] = [
    "`", "a` b", "", "x~", "x$", "x^", "*", "x*", "_x", "](x)", ">", "%}", "\\", "&amp;",
];

/// A paragraph led by `value` (raw `SUBJECT: `, as the property test had it).
fn led_paragraph(value: LabelValue, marking: Option<&str>, text: &str) -> Block {
    let mut para = support::para(1, marking, text, vec![]);
    if let Block::Paragraph(p) = &mut para {
        p.label = Some(Label {
            value,
            raw: "SUBJECT: ".into(),
        });
    }
    para
}

/// A note titled `title` whose text is `text`.
fn led_note(title: &str, text: &str) -> Block {
    support::note(
        NoteKind::Note,
        title,
        vec![cable_testkit::cables::text(text)],
    )
}

/// A reference labelled `label` whose text is `text`.
fn led_reference(label: char, text: &str) -> Reference {
    Reference {
        label: Some(label),
        kind: ReferenceKind::Cable,
        id: None,
        text: text.into(),
    }
}

/// Every lead case of the regression below in one cable (for pandoc).
fn every_lead_case() -> Cable {
    let mut body = Vec::new();
    let mut references = Vec::new();
    for text in LEAD_TEXTS {
        for value in LEAD_VALUES {
            for marking in LEAD_MARKINGS {
                body.push(led_paragraph(value, marking, text));
            }
        }
        for title in LEAD_TITLES {
            body.push(led_note(title, text));
        }
        references.extend(['$', '~', '^', '`', '\\'].map(|c| led_reference(c, text)));
    }
    Cable {
        body,
        references,
        ..Cable::default()
    }
}

/// Found by `cablekit/tests/writers_properties.rs`
/// (`hand_built_models_write_well_formed`): a hand-built paragraph labelled
/// `` Letter('`') `` with the text `` ` `` was written ``**`.** \` ``, and
/// CommonMark read a code span from the label's backtick to the text's
/// (a backslash does not stop a backtick string from closing a span), so
/// the label vanished from the page. The lead was the model's value
/// unescaped: a `\` label likewise escaped the dot after it, `*` made
/// emphasis, a space unmade the strong lead; and a lone `$`, `~` or `^` in
/// a lead (a label, a note title, a reference's letter) paired with one in
/// the text (math), because the text is escaped apart from its lead. Each
/// case must pass the CommonMark oracle (which also checks that the label
/// reads back as written) under every option set.
#[test]
fn regression_label_backtick_pairs_with_the_text_into_a_code_span() {
    let mut failures = Vec::new();
    let mut n = 0;
    for text in LEAD_TEXTS {
        let mut cases = Vec::new();
        for value in LEAD_VALUES {
            for marking in LEAD_MARKINGS {
                cases.push((
                    format!("label {value:?}, marking {marking:?}, text {text:?}"),
                    vec![led_paragraph(value, marking, text)],
                    vec![],
                ));
            }
        }
        for title in LEAD_TITLES {
            cases.push((
                format!("note title {title:?}, text {text:?}"),
                vec![led_note(title, text)],
                vec![],
            ));
        }
        for c in ['$', '~', '^', '`', '\\'] {
            cases.push((
                format!("reference {c:?}, text {text:?}"),
                vec![],
                vec![led_reference(c, text)],
            ));
        }
        for (name, body, references) in cases {
            let cable = Cable {
                body,
                references,
                ..Cable::default()
            };
            failures.extend(oracle_failure(&name, &cable));
            n += 1;
        }
    }
    assert_eq!(
        n,
        LEAD_TEXTS.len() * (LEAD_VALUES.len() * LEAD_MARKINGS.len() + LEAD_TITLES.len() + 5)
    );
    assert!(
        failures.is_empty(),
        "{} of {n} cases fail; the first:\n{}",
        failures.len(),
        failures[..failures.len().min(8)].join("\n\n")
    );
    // The exact leads of the reported class.
    let page = render(
        &Cable {
            body: vec![
                led_paragraph(LabelValue::Letter('`'), None, "`"),
                led_paragraph(LabelValue::Letter('\\'), None, "x"),
                led_paragraph(LabelValue::Letter('$'), None, "x$"),
                led_paragraph(LabelValue::Letter(' '), None, "x"),
            ],
            ..Cable::default()
        },
        &Options::default(),
    );
    for line in ["**\\`.** \\`", "**\\\\.** x", "**&#36;.** x$", "**.** x"] {
        assert!(
            page.contains(&format!("\n{line}\n")),
            "{line:?} in:\n{page}"
        );
    }
}
