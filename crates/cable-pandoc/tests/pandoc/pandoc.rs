//! Real pandoc reads what we write: every installed pandoc (Debian's 2.17
//! in 1.22 mode, the `pypandoc_binary` wheel's 3.x in the default mode)
//! converts the seeds, the kitchen-sink cable and a hand-built rich cable to
//! `native`, `html` and `docx`, every corpus cable to `html` and `docx`
//! (the `json` round trip checks what `native` would), with exit code 0, its
//! `plain` output holds every paragraph's words in order, and its own
//! `-t json` of our AST reads back equal to what we wrote.
//!
//! Skips with a notice when no pandoc is installed (CI installs both).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stderr)]

use crate::support;
use crate::support::{Pandoc, assert_words_in_order, body_words, opts, pandocs, write};
use cable_model::Cable;
use cable_pandoc::ApiVersion;
use cable_testkit::stress;

/// Everything `pandoc` must do with the AST of `cable`.
#[track_caller]
fn check(pandoc: &Pandoc, cable: &Cable, what: &str) {
    let json = write(cable, &opts(pandoc.api));
    let what = format!("{what} with {}", pandoc.version);
    let native = pandoc.run(&["-f", "json", "-t", "native"], &json, &what);
    assert!(
        !native.is_empty() || cable.body.is_empty(),
        "{what}: empty native"
    );
    let html = pandoc.run(&["-f", "json", "-t", "html"], &json, &what);
    assert!(
        cable.body.is_empty() || !html.is_empty(),
        "{what}: empty html"
    );
    let docx = pandoc.run(&["-f", "json", "-t", "docx", "-o", "-"], &json, &what);
    assert!(docx.starts_with(b"PK\x03\x04"), "{what}: docx is not a zip");
    let plain = pandoc.run(&["-f", "json", "-t", "plain", "--wrap=none"], &json, &what);
    let mut words = Vec::new();
    body_words(&cable.body, &mut words);
    assert_words_in_order(&String::from_utf8_lossy(&plain), &words, &what);
    round_trip(pandoc, &json, &what);
}

/// Pandoc's `-t json` of our AST equals our AST. The one normalisation
/// pandoc applies is the version array: it writes its own full version
/// (`[1,23,1,1]` for our `[1,23,1]`); meta and blocks must be identical.
#[track_caller]
fn round_trip(pandoc: &Pandoc, json: &[u8], what: &str) {
    let ours: pandoc_ast::Pandoc = serde_json::from_slice(json).unwrap();
    let back = pandoc.run(&["-f", "json", "-t", "json"], json, what);
    let theirs: pandoc_ast::Pandoc = serde_json::from_slice(&back)
        .unwrap_or_else(|e| panic!("{what}: pandoc_ast cannot read pandoc's JSON: {e}"));
    assert_eq!(
        theirs.pandoc_api_version[..2],
        ours.pandoc_api_version[..2],
        "{what}: API version"
    );
    assert_eq!(
        theirs.meta, ours.meta,
        "{what}: meta changed in the round trip"
    );
    assert_eq!(
        theirs.blocks, ours.blocks,
        "{what}: blocks changed in the round trip"
    );
}

#[test]
fn pandoc_converts_seeds_kitchen_sink_and_rich_cable() {
    let pandocs = pandocs("pandoc_converts_seeds_kitchen_sink_and_rich_cable");
    for pandoc in &pandocs {
        eprintln!(
            "using {} ({}, API {})",
            pandoc.path.display(),
            pandoc.version,
            pandoc.api
        );
        check(pandoc, &support::rich_cable(), "rich hand-built cable");
        check(pandoc, &Cable::default(), "empty cable");
        for (name, path) in support::inputs() {
            let text = std::fs::read_to_string(&path).unwrap();
            check(pandoc, &cable_parse::parse(&text), &name);
        }
    }
}

/// The text of `member` in the zip file `bytes` (a DOCX or EPUB).
fn zip_member(bytes: &[u8], member: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(member).unwrap(), &mut text).unwrap();
    text
}

/// The text of the first `<tag …>…</tag>` in `xml`, entities of `&`, `<`
/// and `>` decoded.
fn element(xml: &str, tag: &str) -> Option<String> {
    let open = xml.find(&format!("<{tag}"))?;
    let start = open + xml[open..].find('>')? + 1;
    let end = start + xml[start..].find(&format!("</{tag}>"))?;
    Some(
        xml[start..end]
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&"),
    )
}

#[test]
fn docx_and_epub_properties_hold_the_subject_keywords_and_summary() {
    let text =
        std::fs::read_to_string(support::root().join("testdata/cables/kitchen-sink.txt")).unwrap();
    let cable = cable_parse::parse(&text);
    let tags: Vec<&str> = cable.tags.iter().map(|t| t.as_str()).collect();
    let subject = cable.subject.as_ref().unwrap();
    let summary = cable.summary().unwrap();
    for pandoc in pandocs("docx_and_epub_properties_hold_the_subject_keywords_and_summary") {
        let what = format!("kitchen sink with {}", pandoc.version);
        let json = write(&cable, &opts(pandoc.api));
        let docx = pandoc.run(&["-f", "json", "-t", "docx", "-o", "-"], &json, &what);
        let core = zip_member(&docx, "docProps/core.xml");
        eprintln!("{}: {core}", pandoc.version);
        assert_eq!(
            element(&core, "cp:keywords").as_deref(),
            Some(tags.join(", ").as_str()),
            "{what}: DOCX keywords"
        );
        assert_eq!(
            element(&core, "dc:title").as_deref(),
            Some(subject.title.as_str()),
            "{what}"
        );
        assert_eq!(
            element(&core, "dc:subject").as_deref(),
            Some(subject.text.as_str()),
            "{what}"
        );
        assert_eq!(
            element(&core, "dc:description").as_deref(),
            Some(summary.as_str()),
            "{what}"
        );

        let epub = pandoc.run(&["-f", "json", "-t", "epub", "-o", "-"], &json, &what);
        let opf = zip_member(&epub, "EPUB/content.opf");
        assert_eq!(
            element(&opf, "dc:subject").as_deref(),
            Some(subject.text.as_str()),
            "{what}: {opf}"
        );
        assert_eq!(
            element(&opf, "dc:language").as_deref(),
            Some("en-US"),
            "{what}: {opf}"
        );
        assert_eq!(
            element(&opf, "dc:date").as_deref(),
            Some("2009-03-03"),
            "{what}: {opf}"
        );
        assert_eq!(
            element(&opf, "dc:description").as_deref(),
            Some(summary.as_str()),
            "{what}: {opf}"
        );
    }
}

/// A model a hundred times deeper than `MAX_NESTING`, written on a 2 MiB
/// stack: every installed pandoc converts it to `plain`, which holds
/// every text in order. (No round trip: pandoc_ast reads JSON
/// through serde_json, which stops at 128 levels.)
#[test]
fn pandoc_reads_a_model_nested_far_deeper_than_the_limit() {
    let levels = stress::DEEP_LEVELS;
    for pandoc in pandocs("pandoc_reads_a_model_nested_far_deeper_than_the_limit") {
        let opts = opts(pandoc.api);
        let json = stress::on_worker_stack(move || {
            let deep = stress::deep_model(levels);
            let json = write(&deep, &opts);
            stress::drop_deep(deep);
            json
        });
        let what = format!("{levels} levels with {}", pandoc.version);
        let plain = pandoc.run(&["-f", "json", "-t", "plain", "--wrap=none"], &json, &what);
        stress::assert_every_deep_text(&String::from_utf8_lossy(&plain), levels, &what);
    }
}

#[test]
fn pandoc_refuses_the_other_api_version() {
    for pandoc in pandocs("pandoc_refuses_the_other_api_version") {
        let other = match pandoc.api {
            ApiVersion::V1_22 => ApiVersion::V1_23,
            _ => ApiVersion::V1_22,
        };
        let json = write(&support::rich_cable(), &opts(other));
        let out = pandoc.output(&["-f", "json", "-t", "native"], &json);
        assert!(
            !out.status.success(),
            "{} accepted API {other}",
            pandoc.version
        );
        assert!(String::from_utf8_lossy(&out.stderr).contains("Incompatible API versions"));
    }
}

#[test]
fn pandoc_converts_every_corpus_cable() {
    let pandocs = pandocs("pandoc_converts_every_corpus_cable");
    if pandocs.is_empty() {
        return;
    }
    let start = std::time::Instant::now();
    let Some(corpus) = support::corpus() else {
        return;
    };
    assert!(
        !corpus.is_empty(),
        "cable_archive found no record in the corpus"
    );
    eprintln!(
        "{} corpus cables read and parsed in {:?}",
        corpus.len(),
        start.elapsed()
    );
    // One thread per pandoc version: the runs are independent processes.
    std::thread::scope(|scope| {
        for pandoc in &pandocs {
            let corpus = &corpus;
            scope.spawn(move || {
                let start = std::time::Instant::now();
                let words: usize = corpus.chunks(25).map(|b| check_batch(pandoc, b)).sum();
                eprintln!(
                    "{}: {} corpus cables converted, {words} words found in order, in {:?}",
                    pandoc.version,
                    corpus.len(),
                    start.elapsed()
                );
            });
        }
    });
}

/// [`check`] for many cables at once, to keep the number of pandoc runs
/// small: pandoc reads several JSON files and concatenates the documents.
/// When a run fails, each file is run alone to name the cable that fails.
/// Returns the number of words checked in the `plain` output.
fn check_batch(pandoc: &Pandoc, cables: &[(String, Cable)]) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    let mut words = Vec::new();
    let mut blocks = Vec::new();
    for (i, (_, cable)) in cables.iter().enumerate() {
        let json = write(cable, &opts(pandoc.api));
        let doc: pandoc_ast::Pandoc = serde_json::from_slice(&json).unwrap();
        blocks.extend(doc.blocks);
        body_words(&cable.body, &mut words);
        let path = dir.path().join(format!("{i:04}.json"));
        std::fs::write(&path, &json).unwrap();
        files.push(path.to_str().unwrap().to_owned());
    }
    let run = |to: &[&str]| -> Vec<u8> {
        let mut args = vec!["-f", "json"];
        args.extend_from_slice(to);
        args.extend(files.iter().map(String::as_str));
        let out = pandoc.output(&args, b"");
        if !out.status.success() {
            for (file, (name, _)) in files.iter().zip(cables) {
                let mut one = vec!["-f", "json"];
                one.extend_from_slice(to);
                one.push(file);
                pandoc.run(&one, b"", &format!("{name} with {}", pandoc.version));
            }
            panic!(
                "{} {to:?} failed on the batch but on no cable alone: {}",
                pandoc.version,
                String::from_utf8_lossy(&out.stderr)
            );
        }
        out.stdout
    };
    // No `-t native`: it is pandoc's own dump of the AST it read, which the
    // `-t json` round trip below compares block for block; it cost a third
    // of this test's pandoc time.
    run(&["-t", "html"]);
    assert!(run(&["-t", "docx", "-o", "-"]).starts_with(b"PK\x03\x04"));
    let plain = run(&["-t", "plain", "--wrap=none"]);
    assert_words_in_order(&String::from_utf8_lossy(&plain), &words, "corpus");
    let back: pandoc_ast::Pandoc = serde_json::from_slice(&run(&["-t", "json"])).unwrap();
    assert!(
        back.blocks == blocks,
        "{}: corpus blocks changed in the round trip",
        pandoc.version
    );
    words.len()
}

#[test]
#[should_panic(expected = "not found in order")]
fn the_word_check_fails_on_words_out_of_order() {
    let expected: Vec<String> = ["1.", "(C)", "one", "two"].map(String::from).to_vec();
    assert_words_in_order("1. (C) one two", &expected, "in order");
    assert_words_in_order("1. (C) two one", &expected, "out of order");
}
