//! The CLI over the torture corpus (`testdata/torture/`: small files, one
//! oddity each): `cablekit convert testdata/torture -o <tmp>` in every
//! format, then the run is audited.
//!
//! - exit code 0 or 1, and 1 exactly when some index line is `failed`;
//!   every failed or skipped line says why;
//! - `index.jsonl` has one line per file of the corpus, and its counts are
//!   the summary's (`N read = ok + failed + skipped (all accounted for)`);
//! - every output an `ok` line names exists and is well-formed (the checks
//!   of `writers_properties.rs`, plus xmllint against the XSD and pandoc 3
//!   over the whole batch when installed);
//! - nothing is written outside the output directory, the corpus is
//!   unchanged, and no temporary file remains.

#![allow(clippy::print_stderr, reason = "tests report skips")]

mod wellformed;

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

fn torture_dir() -> PathBuf {
    wellformed::workspace().join("testdata/torture")
}

/// Files of a tree, relative, with size and modification time.
fn listing(root: &Path) -> BTreeMap<String, (u64, Option<SystemTime>)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            let Ok(meta) = std::fs::symlink_metadata(&p) else {
                continue;
            };
            if meta.is_dir() {
                stack.push(p);
            } else {
                let rel = p
                    .strip_prefix(root)
                    .map(|r| r.to_string_lossy().replace('\\', "/"))
                    .unwrap_or_default();
                out.insert(rel, (meta.len(), meta.modified().ok()));
            }
        }
    }
    out
}

/// The counts of the summary line `cablekit: N read = A ok + B failed + C skipped (…)`.
fn summary_counts(stderr: &str) -> Option<(usize, usize, usize, usize, bool)> {
    let line = stderr
        .lines()
        .find(|l| l.starts_with("cablekit: ") && l.contains(" read = "))?;
    let nums: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    let [read, ok, failed, skipped, ..] = nums[..] else {
        return None;
    };
    Some((
        read,
        ok,
        failed,
        skipped,
        line.contains("all accounted for"),
    ))
}

/// One run of the CLI over `input` into `work/out`, from inside `work`.
struct Run {
    code: i32,
    stderr: String,
    index: Vec<Value>,
    out: PathBuf,
}

fn run(work: &Path, input: &Path, extra: &[&str]) -> Run {
    let out = work.join("out");
    let assert = Command::cargo_bin("cablekit")
        .expect("cablekit binary")
        .current_dir(work)
        .arg("convert")
        .arg(input)
        .arg("-o")
        .arg(&out)
        .args(extra)
        .timeout(std::time::Duration::from_secs(300))
        .assert();
    let o = assert.get_output();
    let index = std::fs::read_to_string(out.join("index.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("index line {l:?}: {e}")))
        .collect();
    Run {
        code: o.status.code().unwrap_or(-1),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        index,
        out,
    }
}

fn status(v: &Value) -> &str {
    v["status"].as_str().unwrap_or_default()
}

/// Audits a run: exit code, reasons, counts, outputs, temp files. Returns
/// the XML and Pandoc files for the batched external checks.
fn audit(r: &Run) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let failed = r.index.iter().filter(|v| status(v) == "failed").count();
    let ok = r.index.iter().filter(|v| status(v) == "ok").count();
    let skipped = r.index.iter().filter(|v| status(v) == "skipped").count();
    assert_eq!(ok + failed + skipped, r.index.len(), "unknown statuses");
    assert!(
        r.code == 0 || r.code == 1,
        "exit code {}: {}",
        r.code,
        r.stderr
    );
    assert_eq!(
        r.code == 1,
        failed > 0,
        "exit code {} with {failed} failed lines",
        r.code
    );
    for v in &r.index {
        if status(v) != "ok" {
            let msg = v["message"].as_str().unwrap_or_default();
            assert!(!msg.trim().is_empty(), "no reason given: {v}");
        }
    }
    let (read, s_ok, s_failed, s_skipped, accounted) =
        summary_counts(&r.stderr).unwrap_or_else(|| panic!("no summary in {}", r.stderr));
    assert_eq!(
        (read, s_ok, s_failed, s_skipped),
        (r.index.len(), ok, failed, skipped),
        "summary and index disagree"
    );
    assert!(accounted, "summary does not reconcile: {}", r.stderr);
    // seq numbers are 0..n in order.
    let seqs: Vec<u64> = r.index.iter().filter_map(|v| v["seq"].as_u64()).collect();
    assert_eq!(seqs, (0..r.index.len() as u64).collect::<Vec<_>>(), "seq");

    let mut xml = Vec::new();
    let mut json = Vec::new();
    let mut named = std::collections::BTreeSet::new();
    for v in r.index.iter().filter(|v| status(v) == "ok") {
        let outputs = v["outputs"].as_object().expect("ok line has outputs");
        assert_eq!(outputs.len(), 4, "four formats: {v}");
        for (format, rel) in outputs {
            let rel = rel.as_str().expect("output path");
            assert!(
                !rel.starts_with('/') && !rel.split('/').any(|c| c == ".." || c.is_empty()),
                "output path escapes: {rel}"
            );
            assert!(
                named.insert(rel.to_lowercase()),
                "two outputs named {rel} (ignoring case)"
            );
            let path = r.out.join(rel);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let checked = match format.as_str() {
                "yaml" => wellformed::check_yaml(&text),
                "xml" => {
                    xml.push(path.clone());
                    wellformed::check_xml(text.as_bytes())
                }
                "pandoc" => {
                    json.push(path.clone());
                    wellformed::check_pandoc(&text)
                }
                "md" => wellformed::check_markdown(&text),
                other => Err(format!("unknown format {other}")),
            };
            if let Err(e) = checked {
                panic!("{rel} ({}): {e}", v["member"]);
            }
        }
    }
    // No temporary files, and no file the index does not name.
    for (rel, _) in listing(&r.out) {
        assert!(!rel.contains("cablekit-tmp"), "temporary file left: {rel}");
        assert!(
            rel == "index.jsonl" || named.contains(&rel.to_lowercase()),
            "file not in the index: {rel}"
        );
    }
    (xml, json)
}

#[test]
fn the_cli_converts_the_torture_corpus_and_accounts_for_every_file() {
    let corpus = torture_dir();
    let before = listing(&corpus);
    assert!(before.len() >= 34, "torture corpus not found");
    let work = tempfile::tempdir().expect("tempdir");
    let r = run(work.path(), &corpus, &[]);
    eprintln!("{}", r.stderr.trim());

    // One line per file of the corpus, each named once.
    let members: Vec<&str> = r
        .index
        .iter()
        .filter_map(|v| v["member"].as_str())
        .collect();
    let mut sorted = members.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), members.len(), "a member appears twice");
    assert_eq!(
        sorted,
        before.keys().map(String::as_str).collect::<Vec<_>>(),
        "index lines and corpus files differ"
    );

    let (xml, json) = audit(&r);
    assert!(xml.len() >= 20, "only {} cables converted", xml.len());

    // Nothing outside the output directory; the corpus untouched.
    let beside: Vec<String> = std::fs::read_dir(work.path())
        .expect("read work dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        beside,
        ["out"],
        "files written outside the output directory"
    );
    assert_eq!(listing(&corpus), before, "the corpus was modified");

    // Duplicate ids are told apart.
    let dup: Vec<&str> = r
        .index
        .iter()
        .filter(|v| {
            v["member"]
                .as_str()
                .is_some_and(|m| m.starts_with("duplicate-id-"))
        })
        .filter_map(|v| v["outputs"]["yaml"].as_str())
        .collect();
    assert_eq!(dup.len(), 2, "duplicate-id files not both converted");
    assert_ne!(dup[0], dup[1]);

    if let Some(res) = wellformed::xmllint_schema(&xml) {
        res.unwrap_or_else(|e| panic!("xmllint --schema docs/cable.xsd:\n{e}"));
    }
    if let Some(res) = wellformed::pandoc_reads(&json) {
        res.unwrap_or_else(|e| panic!("{e}"));
    }
}

/// Files of the corpus that are not cables (or not enough of one) and may
/// be skipped; every other file holds a cable and must convert.
const NOT_CABLES: &[&str] = &[
    "README.md",
    "binary-junk.txt",
    "empty.txt",
    "whitespace-only.txt",
    "body-only.txt",
];

/// Runs the CLI over a directory holding only `names` from the corpus and
/// returns the lines that are not `ok`.
fn not_converted(names: &[&str]) -> Vec<String> {
    let work = tempfile::tempdir().expect("tempdir");
    let dir = work.path().join("in");
    std::fs::create_dir(&dir).expect("mkdir");
    for n in names {
        std::fs::copy(torture_dir().join(n), dir.join(n)).expect("copy torture file");
    }
    let r = run(work.path(), &dir, &[]);
    audit(&r);
    r.index
        .iter()
        .filter(|v| status(v) != "ok")
        .map(|v| format!("{}: {}", v["member"], v["message"]))
        .collect()
}

#[test]
fn every_cable_of_the_torture_corpus_converts() {
    let all = listing(&torture_dir());
    let known_bugs = [
        "lone-cr-line-endings.txt",
        "all-lower-case.txt",
        "nul-bytes.txt",
        "every-c0-control.txt",
    ];
    let cables: Vec<&str> = all
        .keys()
        .map(String::as_str)
        .filter(|n| !NOT_CABLES.contains(n) && !known_bugs.contains(n))
        .collect();
    let lost = not_converted(&cables);
    assert!(lost.is_empty(), "cables not converted: {lost:#?}");
}

#[test]
#[ignore = "bug: cable-archive's member sniffing (detect::looks_like_cable) splits lines on \\n only and matches markers case-sensitively, so a directory member with lone-CR line endings or in lower case is skipped as \"not a cable\"; reported"]
fn regression_lone_cr_and_lower_case_cables_skipped_as_not_cables() {
    let lost = not_converted(&["lone-cr-line-endings.txt", "all-lower-case.txt"]);
    assert!(lost.is_empty(), "cables not converted: {lost:#?}");
}

#[test]
#[ignore = "bug: cable-archive's sniffing (detect::sniff) calls any file with a NUL byte in its first 64 KiB binary, so a cable with a few NUL or C0 bytes in a paragraph is skipped instead of converted with a binary-content diagnostic; reported"]
fn regression_cable_with_nul_bytes_skipped_as_binary() {
    let lost = not_converted(&["nul-bytes.txt", "every-c0-control.txt"]);
    assert!(lost.is_empty(), "cables not converted: {lost:#?}");
}

#[test]
fn the_torture_corpus_as_a_tar_gz_gives_the_same_statuses() {
    // The same files as members of an archive: the same accounting.
    let work = tempfile::tempdir().expect("tempdir");
    let tgz = work.path().join("torture.tar.gz");
    let file = std::fs::File::create(&tgz).expect("create tar.gz");
    let gz = flate2::write::GzEncoder::new(file, flate2::Compression::fast());
    let mut tar = tar::Builder::new(gz);
    for (rel, _) in listing(&torture_dir()) {
        tar.append_path_with_name(torture_dir().join(&rel), &rel)
            .expect("append");
    }
    tar.into_inner()
        .and_then(|gz| gz.finish())
        .expect("finish tar.gz");
    let r = run(work.path(), &tgz, &["--to", "yaml,xml"]);
    let ok = r.index.iter().filter(|v| status(v) == "ok").count();
    assert!(ok >= 20, "only {ok} converted from the tar.gz");
    assert!(r.code == 0 || r.code == 1, "exit {}: {}", r.code, r.stderr);
    let failed = r.index.iter().filter(|v| status(v) == "failed").count();
    assert_eq!(r.code == 1, failed > 0);
    let (read, ..) = summary_counts(&r.stderr).expect("summary");
    assert_eq!(read, r.index.len());
    for (rel, _) in listing(&r.out) {
        assert!(!rel.contains("cablekit-tmp"), "temporary file left: {rel}");
    }
}
