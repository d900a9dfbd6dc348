//! End-to-end tests of `cablekit convert`: every input kind built on the
//! fly in a fresh temporary directory, the binary run as a user would.
//!
//! Each test uses one `TestDir` (ripgrep's `tests/util.rs` habit): it
//! builds inputs from the seed cables (`testdata/seeds`), runs the binary
//! and reads back the output tree and `index.jsonl`.

#![allow(clippy::print_stderr, clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const FORMATS: [(&str, &str); 4] = [
    ("md", "md"),
    ("pandoc", "pandoc.json"),
    ("xml", "xml"),
    ("yaml", "yaml"),
];

/// The seed cables, and how their banner serial is written.
fn seeds() -> Vec<(String, &'static str)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/seeds");
    vec![
        (
            std::fs::read_to_string(dir.join("000_78e12724ad72837c.txt")).unwrap(),
            "STATE 017183",
        ),
        (
            std::fs::read_to_string(dir.join("001_d7a67a22ead94fd7.txt")).unwrap(),
            "STATE 109154",
        ),
    ]
}

/// `n` distinct cables: the two seeds (`09STATE17183`, `08STATE109154`)
/// then the seeds in turn with their banner serial renumbered
/// (`09STATE100000`, `08STATE100001`, `09STATE100002`, ...).
fn cables(n: usize) -> Vec<String> {
    let seeds = seeds();
    let mut out: Vec<String> = seeds.iter().map(|(t, _)| t.clone()).collect();
    for i in 0..n.saturating_sub(2) {
        let (text, serial) = &seeds[i % 2];
        out.push(text.replace(serial, &format!("STATE {:06}", 100_000 + i)));
    }
    out
}

/// One `cables.csv` row (the 2011 release's 8 columns, backslash escapes).
fn csv_row(n: usize, id: &str, text: &str) -> String {
    let esc = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
    let lines: Vec<&str> = text.lines().collect();
    let (header, body) = lines.split_at(lines.len() / 3);
    format!(
        "\"{n}\",\"2/24/2009 21:58\",\"{id}\",\"Secretary of State\",\"CONFIDENTIAL\",\"\",\"{}\",\"{}\"\n",
        esc(&header.join("\n")),
        esc(&body.join("\n"))
    )
}

struct TestDir {
    dir: tempfile::TempDir,
}

impl TestDir {
    fn new() -> TestDir {
        TestDir {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// A directory of text cables, one file each.
    fn text_dir(&self, rel: &str, texts: &[String]) -> PathBuf {
        let dir = self.path(rel);
        std::fs::create_dir_all(&dir).unwrap();
        for (i, t) in texts.iter().enumerate() {
            std::fs::write(dir.join(format!("cable{i:04}.txt")), t).unwrap();
        }
        dir
    }

    /// A `cables.csv` of the given texts; `broken` rows get an unterminated quote.
    fn csv(&self, rel: &str, texts: &[String], broken: &[usize]) -> PathBuf {
        let mut csv = String::new();
        for (i, t) in texts.iter().enumerate() {
            let row = csv_row(i + 1, &format!("09STATE{}", 100_000 + i), t);
            if broken.contains(&i) {
                // Drop the closing quote of the last field.
                csv.push_str(row.trim_end().trim_end_matches('"'));
                csv.push('\n');
            } else {
                csv.push_str(&row);
            }
        }
        let path = self.path(rel);
        std::fs::write(&path, csv).unwrap();
        path
    }

    /// A zip of the texts (deflated), plus the given extra members.
    fn zip(&self, rel: &str, texts: &[String], extra: &[(&str, &[u8])]) -> PathBuf {
        let path = self.path(rel);
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
        let opts = zip::write::SimpleFileOptions::default();
        for (i, t) in texts.iter().enumerate() {
            zip.start_file(format!("cables/c{i:04}.txt"), opts).unwrap();
            zip.write_all(t.as_bytes()).unwrap();
        }
        for (name, bytes) in extra {
            zip.start_file(*name, opts).unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap();
        path
    }

    /// A tar.gz of the texts.
    fn tar_gz(&self, rel: &str, texts: &[String]) -> PathBuf {
        let path = self.path(rel);
        let gz = flate2::write::GzEncoder::new(
            std::fs::File::create(&path).unwrap(),
            flate2::Compression::fast(),
        );
        let mut tar = tar::Builder::new(gz);
        for (i, t) in texts.iter().enumerate() {
            let mut h = tar::Header::new_gnu();
            h.set_size(t.len() as u64);
            h.set_mode(0o644);
            h.set_cksum();
            tar.append_data(&mut h, format!("mirror/t{i:04}.txt"), t.as_bytes())
                .unwrap();
        }
        tar.into_inner().unwrap().finish().unwrap();
        path
    }

    fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("cablekit").unwrap();
        cmd.current_dir(self.dir.path())
            .env_remove("NO_COLOR")
            .env_remove("TERM");
        cmd
    }

    /// Runs `cablekit convert ARGS`, checks the exit code, returns stderr.
    fn convert(&self, args: &[&str], code: i32) -> String {
        let out = self.cmd().arg("convert").args(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(
            out.status.code(),
            Some(code),
            "cablekit convert {args:?}\nstderr:\n{stderr}"
        );
        stderr
    }
}

/// Sends `signal` (`-INT`, `-TERM`) to a running `cablekit convert` once
/// its index holds 10 lines (or after a minute), and waits for it.
fn signal_when_indexed(
    child: std::process::Child,
    index: &Path,
    signal: &str,
) -> std::process::Output {
    let start = Instant::now();
    while std::fs::read_to_string(index).map_or(0, |s| s.lines().count()) < 10
        && start.elapsed() < Duration::from_secs(60)
    {
        std::thread::sleep(Duration::from_millis(5));
    }
    let sent = std::process::Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success(), "kill {signal}");
    child.wait_with_output().unwrap()
}

/// Every file under `root`, by `/`-separated relative path.
fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    // The index lives beside the tree; listed here under its archive name.
    if let Ok(bytes) = std::fs::read(index_file(root)) {
        out.insert("index.jsonl".to_owned(), bytes);
    }
    out
}

/// The index of the tree `root`: `root.index.jsonl`, beside it.
fn index_file(root: &Path) -> PathBuf {
    let name = root.file_name().unwrap().to_string_lossy();
    root.with_file_name(format!("{name}.index.jsonl"))
}

fn index(root: &Path) -> Vec<Value> {
    std::fs::read_to_string(index_file(root))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Checks the index of a complete run against the tree and returns
/// (ok, failed, skipped): seqs are 0..n in order, every `ok` line has
/// one existing output per format, and every file in the tree is either
/// the index or an output named by exactly one line.
fn check_index(root: &Path, formats: &[&str]) -> (usize, usize, usize) {
    let lines = index(root);
    let files = tree(root);
    let mut listed = BTreeSet::from(["index.jsonl".to_owned()]);
    let (mut ok, mut failed, mut skipped) = (0, 0, 0);
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["seq"], i as u64, "{line}");
        match line["status"].as_str().unwrap() {
            "ok" => {
                ok += 1;
                let outputs = line["outputs"].as_object().unwrap();
                assert_eq!(
                    outputs.keys().map(String::as_str).collect::<Vec<_>>(),
                    formats,
                    "{line}"
                );
                for (fmt, path) in outputs {
                    let path = path.as_str().unwrap();
                    let ext = FORMATS.iter().find(|(f, _)| f == fmt).unwrap().1;
                    // One format: no format folder (issue 15).
                    let folder = formats.len() == 1 || path.starts_with(&format!("{fmt}/"));
                    assert!(folder && path.ends_with(&format!(".{ext}")), "{path}");
                    assert!(files.contains_key(path), "missing {path}");
                    assert!(listed.insert(path.to_owned()), "{path} listed twice");
                }
                assert!(line["diagnostics"]["codes"].is_object(), "{line}");
            }
            "failed" => {
                failed += 1;
                assert!(line["message"].is_string(), "{line}");
            }
            "skipped" => {
                skipped += 1;
                assert!(line["message"].is_string(), "{line}");
            }
            other => panic!("status {other}"),
        }
    }
    let unlisted: Vec<&String> = files.keys().filter(|f| !listed.contains(*f)).collect();
    assert!(unlisted.is_empty(), "files not in the index: {unlisted:?}");
    (ok, failed, skipped)
}

/// The summary line's reconciliation: `N read = A ok + B failed + C skipped (all accounted for)`.
fn check_summary(stderr: &str, (ok, failed, skipped): (usize, usize, usize)) {
    let want = format!(
        "{} read = {ok} ok + {failed} failed + {skipped} skipped (all accounted for)",
        ok + failed + skipped
    );
    assert!(stderr.contains(&want), "want {want:?} in:\n{stderr}");
}

#[test]
fn every_format_from_every_input_kind() {
    let t = TestDir::new();
    let texts = cables(6);
    let inputs = [
        t.text_dir("dir", &texts),
        t.csv("cables.csv", &texts, &[]),
        t.zip("cables.zip", &texts, &[]),
        t.tar_gz("cables.tar.gz", &texts),
    ];
    for input in &inputs {
        // `out-cables_zip`: `-o out.zip` would ask for a zip archive.
        let out = t.path(&format!(
            "out-{}",
            input
                .file_name()
                .unwrap()
                .to_string_lossy()
                .replace('.', "_")
        ));
        let stderr = t.convert(&[input.to_str().unwrap(), "-o", out.to_str().unwrap()], 0);
        let counts = check_index(&out, &["md", "pandoc", "xml", "yaml"]);
        assert_eq!(counts, (6, 0, 0), "{input:?}");
        check_summary(&stderr, counts);
        // The YAML writer names the cable's id; every id of the input is there.
        let yaml: String = tree(&out.join("yaml"))
            .values()
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .collect();
        for id in [
            "09STATE17183",
            "08STATE109154",
            "09STATE100000",
            "08STATE100001",
        ] {
            assert!(yaml.contains(id), "{input:?}: {id} not in YAML");
        }
    }
}

#[test]
fn outputs_are_named_by_id_and_year_with_duplicates_told_apart() {
    let t = TestDir::new();
    let seeds = cables(2);
    let texts = [
        seeds[0].clone(),
        seeds[1].clone(),
        seeds[0].clone(),
        seeds[0].clone(),
    ];
    let input = t.text_dir("dir", &texts);
    t.convert(&[input.to_str().unwrap(), "--to", "yaml", "-o", "out"], 0);
    let ids: Vec<String> = index(&t.path("out"))
        .iter()
        .map(|l| l["outputs"]["yaml"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        ids,
        [
            "2009/09STATE17183.yaml",
            "2008/08STATE109154.yaml",
            "2009/09STATE17183~2.yaml",
            "2009/09STATE17183~3.yaml"
        ]
    );
}

#[test]
fn exit_codes() {
    let t = TestDir::new();
    let texts = cables(4);
    let good = t.text_dir("good", &texts);
    t.convert(&[good.to_str().unwrap(), "-o", "out0"], 0);

    // 1: a member refused by the archive reader fails; the rest is converted.
    let zip = t.zip(
        "evil.zip",
        &texts,
        &[
            ("../evil.txt", texts[0].as_bytes()),
            ("blob.bin", &[0u8; 64]),
        ],
    );
    let stderr = t.convert(&[zip.to_str().unwrap(), "-o", "out1"], 1);
    assert!(
        stderr.contains("cablekit: failed: ") && stderr.contains("evil.txt"),
        "{stderr}"
    );
    let counts = check_index(&t.path("out1"), &["md", "pandoc", "xml", "yaml"]);
    assert_eq!(counts, (4, 1, 1));
    check_summary(&stderr, counts);

    // 2: unreadable input, unwritable output, bad flags; one line each, no debug dump.
    let stderr = t.convert(&["missing.csv"], 2);
    assert!(
        stderr.starts_with("cablekit: error: cannot read input missing.csv:"),
        "{stderr}"
    );
    std::fs::write(t.path("a-file"), "").unwrap();
    let stderr = t.convert(&[good.to_str().unwrap(), "-o", "a-file/out"], 2);
    assert!(
        stderr.contains("a-file/out") && stderr.contains("--out"),
        "{stderr}"
    );
    for stderr in [
        t.convert(&[good.to_str().unwrap(), "--shard", "4/3"], 2),
        t.convert(&[good.to_str().unwrap(), "--to", "html"], 2),
    ] {
        assert!(
            !stderr.contains("Error {") && !stderr.contains("panicked"),
            "{stderr}"
        );
    }
}

#[test]
fn a_broken_csv_row_fails_alone() {
    let t = TestDir::new();
    let broken = t.csv("broken.csv", &cables(6), &[2]);
    let stderr = t.convert(&[broken.to_str().unwrap(), "-o", "out"], 1);
    assert!(
        stderr.contains("cablekit: failed: ") && stderr.contains("row 3"),
        "{stderr}"
    );
    let counts = check_index(&t.path("out"), &["md", "pandoc", "xml", "yaml"]);
    assert_eq!(counts, (5, 1, 0));
    check_summary(&stderr, counts);
}

#[test]
fn fail_fast_stops_early() {
    let t = TestDir::new();
    let texts = cables(300);
    let zip = t.zip("evil.zip", &[], &[("../evil.txt", texts[0].as_bytes())]);
    let dir = t.text_dir("dir", &texts);
    let args = [
        zip.to_str().unwrap(),
        dir.to_str().unwrap(),
        "-o",
        "out",
        "--fail-fast",
        "-j1",
        "--no-links",
    ];
    let stderr = t.convert(&args, 1);
    let (ok, failed, skipped) = check_index(&t.path("out"), &["md", "pandoc", "xml", "yaml"]);
    assert!(
        failed == 1 && ok + failed + skipped < 300,
        "{ok} {failed} {skipped}"
    );
    check_summary(&stderr, (ok, failed, skipped));
}

#[test]
fn output_is_identical_for_any_thread_count() {
    // `-j1` runs on one thread with no pool or channel, `-j4` with the
    // reader, workers and sink threads: every output must be the same.
    let t = TestDir::new();
    let mut texts = cables(120);
    texts.extend(cables(10)); // duplicate ids
    let zip = t.zip(
        "cables.zip",
        &texts,
        &[("../evil.txt", texts[0].as_bytes())],
    );
    let csv = t.csv("cables.csv", &cables(12), &[3]);
    let inputs = [zip.to_str().unwrap(), csv.to_str().unwrap()];
    for links in [true, false] {
        for (out, archive) in [
            ("tree", None),
            ("out.tar", Some("tar")),
            ("out.zip", Some("zip")),
        ] {
            let mut outputs = Vec::new();
            for jobs in ["-j1", "-j4"] {
                let dest = format!("{}-{links}-{out}", &jobs[1..]);
                let mut args = inputs.to_vec();
                args.extend([jobs, "-o", &dest]);
                if let Some(kind) = archive {
                    args.extend(["--archive", kind]);
                }
                if !links {
                    args.push("--no-links");
                }
                let stderr = t.convert(&args, 1);
                if archive.is_none() {
                    let counts = check_index(&t.path(&dest), &["md", "pandoc", "xml", "yaml"]);
                    assert_eq!(counts, (130 + 11, 2, 0), "{jobs} {links}");
                    check_summary(&stderr, counts);
                    let files = tree(&t.path(&dest));
                    assert_eq!(files.len(), 1 + 4 * 141);
                    outputs.push(files);
                } else {
                    let bytes = std::fs::read(t.path(&dest)).unwrap();
                    outputs.push(BTreeMap::from([(dest, bytes)]));
                }
            }
            let (j1, j4) = (&outputs[0], &outputs[1]);
            assert_eq!(
                j1.values().collect::<Vec<_>>(),
                j4.values().collect::<Vec<_>>(),
                "-j1 and -j4 differ: {out}, links {links}"
            );
        }
    }
}

#[test]
fn stdout_output_is_identical_for_any_thread_count() {
    let t = TestDir::new();
    std::fs::write(t.path("one.txt"), &cables(1)[0]).unwrap();
    let mut outs = Vec::new();
    for jobs in ["-j1", "-j2"] {
        let out = t
            .cmd()
            .args(["convert", "one.txt", "--to", "md", "-o", "-", jobs])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{jobs}");
        assert!(!out.stdout.is_empty());
        outs.push(out.stdout);
    }
    assert_eq!(outs[0], outs[1]);
    // A second cable is still a fatal error with one thread.
    let dir = t.text_dir("two", &cables(2));
    t.convert(&[dir.to_str().unwrap(), "--to", "md", "-o", "-", "-j1"], 2);
}

#[test]
fn archive_output_holds_the_same_files_as_the_tree() {
    let t = TestDir::new();
    let texts = cables(8);
    let input = t.text_dir("dir", &texts);
    t.convert(&[input.to_str().unwrap(), "-o", "tree"], 0);
    let want = tree(&t.path("tree"));
    t.convert(
        &[input.to_str().unwrap(), "--archive", "zip", "-o", "out.zip"],
        0,
    );
    let mut zip = zip::ZipArchive::new(std::fs::File::open(t.path("out.zip")).unwrap()).unwrap();
    let mut got = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut bytes).unwrap();
        got.insert(f.name().unwrap().to_string(), bytes);
    }
    assert!(
        got == want,
        "zip entries {:?}",
        got.keys().collect::<Vec<_>>()
    );
    t.convert(
        &[input.to_str().unwrap(), "--archive", "tar", "-o", "out.tar"],
        0,
    );
    let mut tar = tar::Archive::new(std::fs::File::open(t.path("out.tar")).unwrap());
    let mut got = BTreeMap::new();
    for e in tar.entries().unwrap() {
        let mut e = e.unwrap();
        let name = e.path().unwrap().to_string_lossy().into_owned();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut e, &mut bytes).unwrap();
        got.insert(name, bytes);
    }
    assert!(
        got == want,
        "tar entries {:?}",
        got.keys().collect::<Vec<_>>()
    );
}

#[test]
fn resume_after_a_killed_run_gives_the_uninterrupted_tree() {
    let t = TestDir::new();
    let mut texts = cables(400);
    texts.extend(cables(20)); // duplicate ids must get the same ~N after resume
    let input = t.tar_gz("cables.tar.gz", &texts);
    let input = input.to_str().unwrap();
    t.convert(&[input, "-o", "whole", "-j2"], 0);
    let whole = tree(&t.path("whole"));
    for jobs in ["-j1", "-j2"] {
        resume_after_kill(&t, input, jobs, texts.len(), &whole);
    }
}

/// Kills a `jobs` run into `killed<jobs>`, resumes it and compares the tree with `whole`.
fn resume_after_kill(
    t: &TestDir,
    input: &str,
    jobs: &str,
    total: usize,
    whole: &BTreeMap<String, Vec<u8>>,
) {
    let dest = format!("killed{}", &jobs[1..]);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_cablekit"))
        .current_dir(t.dir.path())
        .args(["convert", input, "-o", &dest, jobs, "--quiet"])
        .spawn()
        .unwrap();
    let index = index_file(&t.path(&dest));
    let start = Instant::now();
    while std::fs::read_to_string(&index).map_or(0, |s| s.lines().count()) < 20
        && start.elapsed() < Duration::from_secs(60)
    {
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL: no chance to clean up
    child.wait().unwrap();
    let partial = std::fs::read_to_string(&index).unwrap().lines().count();
    assert!(
        partial < total,
        "the run finished before it could be killed"
    );

    let stderr = t.convert(&[input, "-o", &dest, jobs, "--resume"], 0);
    assert!(stderr.contains("reused from the previous run"), "{stderr}");
    let resumed = tree(&t.path(&dest));
    assert_eq!(
        whole.keys().collect::<Vec<_>>(),
        resumed.keys().collect::<Vec<_>>()
    );
    assert!(*whole == resumed, "trees differ in content");
}

#[test]
fn union_of_shards_is_the_whole_run() {
    let t = TestDir::new();
    let mut texts = cables(60);
    texts.extend(cables(6));
    let input = t.text_dir("dir", &texts);
    let input = input.to_str().unwrap();
    t.convert(&[input, "-o", "whole"], 0);
    let whole = tree(&t.path("whole"));
    let mut union = BTreeMap::new();
    let mut lines = Vec::new();
    for k in 1..=3 {
        let out = format!("shard{k}");
        let stderr = t.convert(&[input, "-o", &out, "--shard", &format!("{k}/3")], 0);
        assert!(stderr.contains("belong to other shards"), "{stderr}");
        for (path, bytes) in tree(&t.path(&out)) {
            if path == "index.jsonl" {
                lines.extend(String::from_utf8(bytes).unwrap().lines().map(str::to_owned));
            } else {
                assert!(
                    union.insert(path.clone(), bytes).is_none(),
                    "{path} in two shards"
                );
            }
        }
        assert!(tree(&t.path(&out)).len() > 1, "shard {k} is empty");
    }
    // The index lines of all shards, in seq order, are the whole run's index.
    lines.sort_by_key(|l| serde_json::from_str::<Value>(l).unwrap()["seq"].as_u64());
    union.insert(
        "index.jsonl".into(),
        lines
            .iter()
            .flat_map(|l| format!("{l}\n").into_bytes())
            .collect(),
    );
    assert_eq!(
        union.keys().collect::<Vec<_>>(),
        whole.keys().collect::<Vec<_>>()
    );
    assert!(union == whole, "shard union differs from the whole run");
}

#[test]
fn dash_o_dash_prints_one_cable_as_yaml() {
    // See: issue 2, `cablekit convert FILE --to yaml -o -`.
    let t = TestDir::new();
    let text = &cables(1)[0];
    std::fs::write(t.path("one.txt"), text).unwrap();
    let out = t
        .cmd()
        .args(["convert", "one.txt", "--to", "yaml", "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // One format: no format folder (issue 15).
    t.convert(&["one.txt", "--to", "yaml", "-o", "tree"], 0);
    let file = std::fs::read(t.path("tree/2009/09STATE17183.yaml")).unwrap();
    assert!(!out.stdout.is_empty());
    assert_eq!(out.stdout, file);
    // No summary on stderr unless asked (issue 15).
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // `-o cable.yaml` writes that file (pandoc's convention), not a directory.
    t.convert(&["one.txt", "-o", "cable.yaml"], 0);
    assert_eq!(std::fs::read(t.path("cable.yaml")).unwrap(), file);
    // Several cables: one YAML stream; in other formats an error before
    // anything is written.
    let dir = t.text_dir("two", &cables(2));
    let out = t
        .cmd()
        .args(["convert", dir.to_str().unwrap(), "--to", "yaml", "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stream = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stream.matches("---\n").count(), 2, "{stream}");
    assert!(stream.starts_with("---\n"));
    let out = t
        .cmd()
        .args(["convert", dir.to_str().unwrap(), "--to", "md", "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        out.stdout.is_empty(),
        "something was written before the error"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o DIR"));
    let stderr = t.convert(&[dir.to_str().unwrap(), "-o", "two.md"], 2);
    assert!(!t.path("two.md").exists(), "{stderr}");
    // Standard input is named `stdin`.
    let out = t
        .cmd()
        .args(["convert", "-", "--to", "xml", "-o", "fromstdin"])
        .write_stdin(b"UNCLASSIFIED\nSUBJECT: NO ID HERE\n\n1. (U) Hello.\n".to_vec())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(t.path("fromstdin/unknown/stdin.xml").exists());
}

#[test]
fn yaml_folded_writes_block_scalars_with_the_same_values() {
    let t = TestDir::new();
    std::fs::write(t.path("one.txt"), &cables(1)[0]).unwrap();
    let run = |extra: &[&str]| {
        let mut args = vec!["convert", "one.txt", "--to", "yaml", "-o", "-"];
        args.extend_from_slice(extra);
        let out = t.cmd().args(&args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let (single, folded) = (run(&[]), run(&["--yaml-folded"]));
    assert!(
        !single.contains(": >-"),
        "one line per string by default:\n{single}"
    );
    assert!(folded.contains(": >-"), "folded block scalars:\n{folded}");
    let read = |y: &str| serde_saphyr::from_str::<Value>(y).unwrap();
    assert_eq!(
        read(&single),
        read(&folded),
        "both styles hold the same values"
    );
}

#[test]
fn no_escape_codes_when_stderr_is_not_a_terminal() {
    let t = TestDir::new();
    let input = t.zip("cables.zip", &cables(50), &[("../evil.txt", b"x")]);
    let stderr = t.convert(&[input.to_str().unwrap(), "-o", "out"], 1);
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\r'),
        "{stderr:?}"
    );
    assert!(stderr.contains("cablekit: failed: "));
    let quiet = t.convert(&[input.to_str().unwrap(), "-o", "out2", "--quiet"], 1);
    assert!(
        !quiet.contains("read ="),
        "--quiet still printed the summary: {quiet}"
    );
}

#[test]
fn progress_bars_are_drawn_on_a_terminal() {
    // `script` (util-linux) runs the command under a pseudo-terminal.
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!(
            "SKIP: progress_bars_are_drawn_on_a_terminal: `script` (util-linux) is not installed"
        );
        return;
    }
    let t = TestDir::new();
    let input = t.tar_gz("cables.tar.gz", &cables(150));
    let command = format!(
        "{} convert {} -o out -j1 2>&1",
        env!("CARGO_BIN_EXE_cablekit"),
        input.display()
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(t.dir.path())
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains('\u{1b}'),
        "no escape codes under a terminal: {text:?}"
    );
    assert!(text.contains(" cables, "), "no record bar: {text:?}");
    assert!(text.contains(" read, "), "no byte bar: {text:?}");
    assert!(text.contains("150 read = 150 ok"), "no summary: {text:?}");
}

#[test]
fn help_completions_and_man_page() {
    let t = TestDir::new();
    for args in [&["--help"][..], &["convert", "--help"]] {
        let out = t.cmd().args(args).output().unwrap();
        assert!(out.status.success());
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Examples:"),
            "{args:?}"
        );
    }
    let out = t.cmd().args(["completions", "bash"]).output().unwrap();
    assert!(out.status.success() && String::from_utf8_lossy(&out.stdout).contains("--shard"));
    let out = t.cmd().arg("man").output().unwrap();
    assert!(out.status.success() && String::from_utf8_lossy(&out.stdout).contains(".TH cablekit"));
}

#[test]
fn references_link_to_cables_of_the_same_run() {
    // The first seed cites `A. STATE 4690`; a renumbered copy is 09STATE4690.
    let t = TestDir::new();
    let seed = &cables(1)[0];
    let texts = [seed.clone(), seed.replace("STATE 017183", "STATE 004690")];
    let input = t.text_dir("dir", &texts);
    t.convert(
        &[input.to_str().unwrap(), "--to", "md,pandoc", "-o", "linked"],
        0,
    );
    let md = std::fs::read_to_string(t.path("linked/md/2009/09STATE17183.md")).unwrap();
    assert!(md.contains("](../2009/09STATE4690.md)"), "{md}");
    let json =
        std::fs::read_to_string(t.path("linked/pandoc/2009/09STATE17183.pandoc.json")).unwrap();
    // Pandoc links point to the file the JSON becomes (HTML by default).
    assert!(json.contains("\"../2009/09STATE4690.html\""), "{json}");
    // References to cables outside the run, and all of them with --no-links, stay text.
    assert!(!md.contains("](../2008/08STATE129729.md)"), "{md}");
    t.convert(
        &[
            input.to_str().unwrap(),
            "--to",
            "md",
            "-o",
            "plain",
            "--no-links",
        ],
        0,
    );
    let md = std::fs::read_to_string(t.path("plain/2009/09STATE17183.md")).unwrap();
    assert!(!md.contains("](../"), "{md}");
}

#[test]
fn sigint_finishes_in_flight_records_flushes_the_index_and_exits_130() {
    if std::process::Command::new("kill")
        .arg("-l")
        .output()
        .is_err()
    {
        eprintln!("SKIP: sigint test: no `kill` command");
        return;
    }
    for jobs in ["-j1", "-j2"] {
        sigint_run(jobs);
    }
}

/// One run of the SIGINT test with `jobs`.
fn sigint_run(jobs: &str) {
    let t = TestDir::new();
    let texts = cables(400);
    let input = t.tar_gz("cables.tar.gz", &texts);
    let input = input.to_str().unwrap();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_cablekit"))
        .current_dir(t.dir.path())
        .args(["convert", input, "-o", "out", jobs, "--no-links"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let index = index_file(&t.path("out"));
    let out = signal_when_indexed(child, &index, "-INT");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{jobs}: {stderr}");
    assert!(
        stderr.contains("interrupted: rerun with --resume"),
        "{stderr}"
    );
    // What was written is complete and reconciles: no torn line, no temp file.
    let counts = check_index(&t.path("out"), &["md", "pandoc", "xml", "yaml"]);
    assert!(counts.0 >= 10 && counts.0 < texts.len(), "{counts:?}");
    check_summary(&stderr, counts);
    t.convert(&[input, "-o", "out", jobs, "--no-links", "--resume"], 0);
    assert_eq!(
        check_index(&t.path("out"), &["md", "pandoc", "xml", "yaml"]),
        (texts.len(), 0, 0)
    );
}

#[test]
fn xml_per_input_writes_one_document_per_input() {
    let t = TestDir::new();
    let csv = t.csv("cables.csv", &cables(5), &[]);
    let zip = t.zip("scrapes.zip", &cables(3), &[]);
    t.convert(
        &[
            csv.to_str().unwrap(),
            zip.to_str().unwrap(),
            "--to",
            "xml,yaml",
            "--xml-per-input",
            "-o",
            "out",
        ],
        0,
    );
    let files: Vec<String> = tree(&t.path("out/xml")).into_keys().collect();
    assert_eq!(files, ["cables.xml", "scrapes.xml"]);
    let xmllint = cable_testkit::tools::xmllint("xml_per_input_writes_one_document_per_input");
    for (file, n) in [("cables.xml", 5), ("scrapes.xml", 3)] {
        let xml = std::fs::read_to_string(t.path(&format!("out/xml/{file}"))).unwrap();
        assert!(
            xml.contains("<cables ") && xml.trim_end().ends_with("</cables>"),
            "{file}"
        );
        assert_eq!(xml.matches("<cable ").count(), n, "{file}");
        if let Some(xmllint) = &xmllint {
            let status = xmllint
                .command()
                .args(["--noout", &format!("out/xml/{file}")])
                .current_dir(t.dir.path())
                .status()
                .expect("run xmllint");
            assert!(status.success(), "xmllint rejects {file}");
        }
    }
    let lines = index(&t.path("out"));
    assert_eq!(lines.len(), 8);
    assert_eq!(lines[0]["outputs"]["xml"], "xml/cables.xml");
    assert_eq!(lines[7]["outputs"]["xml"], "xml/scrapes.xml");
}

#[test]
fn many_inputs_on_the_command_line() {
    // More inputs than items allowed in flight: each input's end must not
    // use up the reader's credit.
    let t = TestDir::new();
    let dir = t.text_dir("many", &cables(70));
    let mut args: Vec<String> = (0..70)
        .map(|i| {
            dir.join(format!("cable{i:04}.txt"))
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    args.extend(["--to", "yaml", "-j1", "-o", "out"].map(String::from));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let stderr = t.convert(&args, 0);
    check_summary(&stderr, check_index(&t.path("out"), &["yaml"]));
}

/// The archive caps are flags: a member larger than `--max-member-bytes`
/// fails alone (exit 1, named in the index), and converts under the default.
#[test]
fn archive_caps_are_set_from_the_command_line() {
    let t = TestDir::new();
    let big = seeds()[0].0.repeat(20); // about 150 KB
    let zip = t.zip("big.zip", &[big], &[]);
    let zip = zip.to_str().unwrap();
    t.convert(&[zip, "--to", "yaml", "-o", "ok"], 0);
    assert_eq!(check_index(&t.path("ok"), &["yaml"]), (1, 0, 0));
    t.convert(
        &[
            zip,
            "--to",
            "yaml",
            "--max-member-bytes",
            "64K",
            "-o",
            "capped",
        ],
        1,
    );
    assert_eq!(check_index(&t.path("capped"), &["yaml"]), (0, 1, 0));
    let lines = index(&t.path("capped"));
    assert!(
        lines[0].to_string().contains("c0000.txt"),
        "the failed line names the member: {}",
        lines[0]
    );
}

// Issue 13 (hostile runs), the binary's rows: one regression test each,
// named after the row.

/// Makes a FIFO at `path` (`mkfifo`); false (after a notice) where it cannot.
fn mkfifo(path: &Path) -> bool {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("SKIP: mkfifo not available");
    }
    ok
}

/// Row 2: a named pipe is read once; with cross-links on every record is
/// still converted (the pre-pass reads a copy), and references link.
#[test]
fn row2_fifo_input_read_once() {
    let t = TestDir::new();
    let texts = cables(30);
    let csv = t.csv("cables.csv", &texts, &[]);
    let bytes = std::fs::read(&csv).unwrap();
    let fifo = t.path("pipe.csv");
    if !mkfifo(&fifo) {
        return;
    }
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, bytes).unwrap())
    };
    let stderr = t.convert(&["pipe.csv", "-o", "out", "-j2"], 0);
    writer.join().unwrap();
    check_summary(&stderr, (30, 0, 0));
    let (ok, _, _) = check_index(&t.path("out"), &["md", "pandoc", "xml", "yaml"]);
    assert_eq!(ok, 30);
    // The same tree as from the file itself: links included.
    t.convert(&["cables.csv", "-o", "file", "-j2"], 0);
    let strip = |m: BTreeMap<String, Vec<u8>>| {
        m.into_iter()
            .filter(|(k, _)| !k.ends_with("index.jsonl"))
            .collect::<BTreeMap<_, _>>()
    };
    assert!(strip(tree(&t.path("out"))) == strip(tree(&t.path("file"))));
}

/// Row 4: a container id of 300 characters: the output name is shortened
/// with a hash, the run goes on, and the tar archive extracts.
#[test]
fn row4_long_container_id_is_shortened_and_tar_extracts() {
    let t = TestDir::new();
    let long = format!("09{}1", "A".repeat(300));
    let text = "UNCLASSIFIED\nSUBJECT: A CABLE WITHOUT AN ID IN ITS TEXT\n\n1. (U) Hello.\n";
    let mut csv = csv_row(1, &long, text);
    csv.push_str(&csv_row(2, "09STATE100000", &cables(1)[0]));
    std::fs::write(t.path("cables.csv"), csv).unwrap();
    let stderr = t.convert(&["cables.csv", "-o", "out"], 0);
    check_summary(&stderr, (2, 0, 0));
    let names: Vec<String> = tree(&t.path("out")).into_keys().collect();
    assert!(names.iter().all(|n| n.len() < 120), "{names:?}");
    t.convert(&["cables.csv", "--archive", "tar", "-o", "out.tar"], 0);
    std::fs::create_dir_all(t.path("x")).unwrap();
    let extracted = std::process::Command::new("tar")
        .args(["-xf", "../out.tar"])
        .current_dir(t.path("x"))
        .status()
        .unwrap();
    assert!(extracted.success());
    assert_eq!(
        tree(&t.path("x")).len(),
        tree(&t.path("out")).len(),
        "the archive holds the tree's files"
    );
}

/// Row 9: `--archive tar -o FIFO` writes through the FIFO and leaves it a
/// FIFO (a device node or FIFO is never replaced by a regular file).
#[test]
fn row9_archive_to_a_fifo_writes_through_it() {
    use std::os::unix::fs::FileTypeExt;
    let t = TestDir::new();
    let dir = t.text_dir("in", &cables(5));
    let fifo = t.path("out.fifo");
    if !mkfifo(&fifo) {
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    t.convert(
        &[dir.to_str().unwrap(), "--archive", "tar", "-o", "out.fifo"],
        0,
    );
    let bytes = reader.join().unwrap();
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    let mut names = Vec::new();
    for entry in tar::Archive::new(bytes.as_slice()).entries().unwrap() {
        names.push(entry.unwrap().path().unwrap().display().to_string());
    }
    assert_eq!(names.len(), 5 * 4 + 1, "{names:?}");
    assert_eq!(names.last().map(String::as_str), Some("index.jsonl"));
}

/// Row 13: symlinks planted at the index, an output and the archive's
/// temporary name are replaced, never followed out of the output.
#[test]
fn row13_planted_symlinks_are_not_followed() {
    let t = TestDir::new();
    let dir = t.text_dir("in", &cables(2));
    let input = dir.to_str().unwrap();
    std::fs::write(t.path("outside.txt"), "keep me").unwrap();
    let target = t.path("outside.txt");
    std::fs::create_dir_all(t.path("out/md/2009")).unwrap();
    std::os::unix::fs::symlink(&target, t.path("out.index.jsonl")).unwrap();
    std::os::unix::fs::symlink(&target, t.path("out/md/2009/09STATE17183.md")).unwrap();
    std::os::unix::fs::symlink(&target, t.path(".out.tar.cablekit-tmp")).unwrap();
    t.convert(&[input, "-o", "out"], 0);
    t.convert(&[input, "--archive", "tar", "-o", "out.tar"], 0);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
    for p in ["out.index.jsonl", "out/md/2009/09STATE17183.md", "out.tar"] {
        let meta = std::fs::symlink_metadata(t.path(p)).unwrap();
        assert!(meta.is_file(), "{p} is not a regular file");
    }
}

/// Row 14: `--archive -o` naming an existing directory fails before any
/// work, leaving nothing behind.
#[test]
fn row14_archive_onto_a_directory_fails_before_any_work() {
    let t = TestDir::new();
    let dir = t.text_dir("in", &cables(3));
    std::fs::create_dir_all(t.path("taken")).unwrap();
    let stderr = t.convert(
        &[dir.to_str().unwrap(), "--archive", "tar", "-o", "taken"],
        2,
    );
    assert!(stderr.contains("is a directory"), "{stderr}");
    assert!(!t.path(".taken.cablekit-tmp").exists());
    assert_eq!(std::fs::read_dir(t.path("taken")).unwrap().count(), 0);
}

/// Row 15: `--resume` after a crash that left an output empty, or after
/// the input changed, writes those outputs again.
#[test]
fn row15_resume_checks_outputs_and_input() {
    let t = TestDir::new();
    let texts = cables(6);
    let dir = t.text_dir("in", &texts);
    let input = dir.to_str().unwrap();
    t.convert(&[input, "-o", "out"], 0);
    let whole = tree(&t.path("out"));
    // A crash left a 0-byte file under a final name.
    std::fs::write(t.path("out/yaml/2009/09STATE17183.yaml"), "").unwrap();
    let stderr = t.convert(&[input, "-o", "out", "--resume"], 0);
    assert!(stderr.contains("5 ok reused"), "{stderr}");
    assert!(
        tree(&t.path("out")) == whole,
        "the empty file was not rewritten"
    );
    // The input changed: its record is converted again.
    let changed = texts[0].replace("SUBJECT:", "SUBJECT: CHANGED");
    std::fs::write(dir.join("cable0000.txt"), &changed).unwrap();
    let stderr = t.convert(&[input, "-o", "out", "--resume"], 0);
    assert!(stderr.contains("5 ok reused"), "{stderr}");
    let md = std::fs::read_to_string(t.path("out/md/2009/09STATE17183.md")).unwrap();
    assert!(md.to_uppercase().contains("CHANGED"), "stale output kept");
}

/// Row 16: a second run into a locked output directory stops with a
/// clear message; SIGTERM stops like SIGINT; an index line that is not
/// UTF-8 is skipped on resume; `-o` inside the input directory is not
/// read back; member names are escaped when printed.
#[test]
fn row16_lock_sigterm_bad_index_output_inside_input_escaped_names() {
    let t = TestDir::new();
    let dir = t.text_dir("in", &cables(4));
    let input = dir.to_str().unwrap();
    // The lock.
    std::fs::create_dir_all(t.path("locked")).unwrap();
    let held = std::fs::File::create(t.path("locked/.cablekit.lock")).unwrap();
    held.lock().unwrap();
    let stderr = t.convert(&[input, "-o", "locked"], 2);
    assert!(stderr.contains("another cablekit run"), "{stderr}");
    drop(held);
    t.convert(&[input, "-o", "locked"], 0);
    // A line that is not UTF-8 in the index: skipped, with a warning.
    let index = t.path("locked.index.jsonl");
    let mut bytes = std::fs::read(&index).unwrap();
    bytes.extend_from_slice(b"{\"seq\":9,\"input\":\"\xff\"}\n");
    std::fs::write(&index, bytes).unwrap();
    let stderr = t.convert(&[input, "-o", "locked", "--resume"], 0);
    assert!(stderr.contains("not UTF-8"), "{stderr}");
    assert!(stderr.contains("4 ok reused"), "{stderr}");
    // Output inside the input: the tree and its index are excluded from
    // the walk (cable_archive::Limits::exclude), reported as skipped with
    // the reader's reason, and never read back, however often the run is
    // repeated.
    for _ in 0..2 {
        let stderr = t.convert(&[input, "-o", "in/out", "--verbose"], 0);
        check_summary(&stderr, (4, 0, 2));
        assert!(stderr.contains("is inside the input"), "{stderr}");
        let index = std::fs::read_to_string(t.path("in/out.index.jsonl")).unwrap();
        let excluded: Vec<&str> = index
            .lines()
            .filter(|l| l.contains("excluded by the caller"))
            .collect();
        assert_eq!(excluded.len(), 2, "{index}");
        assert!(excluded[0].contains(r#""member":"out""#), "{index}");
        assert!(
            excluded[1].contains(r#""member":"out.index.jsonl""#),
            "{index}"
        );
    }
    // Escape sequences in a member name are shown escaped.
    let evil = "cables/\u{1b}]0;pwned\u{7}evil.bin";
    let zip = t.zip("evil.zip", &cables(1), &[(evil, b"\x00\x01\x02\x03binary")]);
    let stderr = t.convert(&[zip.to_str().unwrap(), "-o", "z", "--verbose"], 0);
    assert!(stderr.contains("\\u{1b}]0;pwned"), "{stderr}");
    assert!(!stderr.contains('\u{1b}'), "raw escape printed: {stderr:?}");
    // SIGTERM: in-flight records finished, index flushed, exit 130.
    sigterm_run(&t);
}

/// `--index PATH`: the index goes where it is told, and `--site` and
/// `--resume` read it there; `-o .` alone, whose index would land beside
/// the current directory in its parent, stops before writing anything and
/// names `--index`; an archive output refuses the flag.
#[test]
fn index_flag_places_the_index_and_dot_output_needs_it() {
    let t = TestDir::new();
    let dir = t.text_dir("in", &cables(3));
    let input = dir.to_str().unwrap();
    std::fs::create_dir_all(t.path("here")).unwrap();
    let run = |extra: &[&str]| {
        let out = t
            .cmd()
            .current_dir(t.path("here"))
            .args(["convert", input, "-o", ".", "--to", "md"])
            .args(extra)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, stderr) = run(&[]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("pass --index PATH"), "{stderr}");
    assert_eq!(std::fs::read_dir(t.path("here")).unwrap().count(), 0);
    assert!(!t.path("here.index.jsonl").exists());
    let index = ["--index", "../here-index.jsonl", "--site", "plain"];
    let (code, stderr) = run(&index);
    assert_eq!(code, Some(0), "{stderr}");
    let lines = std::fs::read_to_string(t.path("here-index.jsonl")).unwrap();
    assert_eq!(lines.lines().count(), 3, "{lines}");
    assert!(!t.path("here.index.jsonl").exists());
    assert!(t.path("here/README.md").is_file(), "no index pages");
    let (code, stderr) = run(&[&index[..], &["--resume"]].concat());
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("3 ok reused"), "{stderr}");
    let stderr = t.convert(&[input, "-o", "x.tar", "--index", "i.jsonl"], 2);
    assert!(
        stderr.contains("--index applies to a directory output"),
        "{stderr}"
    );
}

fn sigterm_run(t: &TestDir) {
    let input = t.tar_gz("many.tar.gz", &cables(3000));
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_cablekit"))
        .current_dir(t.dir.path())
        .args(["convert", input.to_str().unwrap(), "-o", "term", "-j2"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let index = t.path("term.index.jsonl");
    let out = signal_when_indexed(child, &index, "-TERM");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted"), "{stderr}");
    let text = std::fs::read_to_string(&index).unwrap();
    assert!(text.ends_with('\n') && text.lines().count() < 3000);
}
