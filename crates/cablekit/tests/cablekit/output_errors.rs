//! The output side under attack: an output directory that cannot be
//! created, a read-only file system, a full disk, and names taken from
//! hostile ids and member names.
//!
//! A fatal output error is one clear line and exit code 2, and nothing
//! half-written remains: no temporary file, every file under its final name
//! complete and well-formed, every index line whole. We run as root, so
//! `chmod` does not stop writes: the read-only and full cases mount a tiny
//! tmpfs (`mount -t tmpfs`), and are skipped with a notice where mounting is
//! not permitted.

#![allow(clippy::print_stderr, reason = "tests report skips")]

use crate::wellformed;
use assert_cmd::Command;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The two seed cables.
fn seeds() -> Vec<String> {
    wellformed::seed_paths()
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("seed"))
        .collect()
}

/// `n` distinct cables: the first seed with its banner serial renumbered.
fn cables(n: usize) -> Vec<String> {
    let seed = &seeds()[0];
    (0..n)
        .map(|i| seed.replace("STATE 017183", &format!("STATE {:06}", 200_000 + i)))
        .collect()
}

fn write_inputs(dir: &Path, texts: &[String]) {
    std::fs::create_dir_all(dir).expect("mkdir inputs");
    for (i, t) in texts.iter().enumerate() {
        std::fs::write(dir.join(format!("cable{i:04}.txt")), t).expect("write input");
    }
}

struct Out {
    code: i32,
    stderr: String,
}

fn convert(cwd: &Path, args: &[&str]) -> Out {
    let a = Command::cargo_bin("cablekit")
        .expect("cablekit binary")
        .current_dir(cwd)
        .arg("convert")
        .args(args)
        .timeout(std::time::Duration::from_secs(300))
        .assert();
    let o = a.get_output();
    Out {
        code: o.status.code().unwrap_or(-1),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// A fatal error: exit 2, and one `cablekit: error: ...` line naming `what`
/// (no debug dump, no panic).
fn check_fatal(out: &Out, what: &str) {
    assert_eq!(out.code, 2, "exit code: {}", out.stderr);
    let errors: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.starts_with("cablekit: error: "))
        .collect();
    assert_eq!(errors.len(), 1, "one error line expected: {}", out.stderr);
    assert!(
        errors[0].contains(what),
        "error does not name {what}: {}",
        errors[0]
    );
    assert!(
        !out.stderr.contains("panicked") && !out.stderr.contains("Error {"),
        "{}",
        out.stderr
    );
}

/// Every file of a tree, relative.
fn files(root: &Path) -> Vec<String> {
    cable_testkit::paths::all_files(root)
        .iter()
        .filter_map(|p| p.strip_prefix(root).ok())
        .map(|rel| rel.to_string_lossy().into_owned())
        .collect()
}

/// Temporary files left in a tree.
fn temp_files(root: &Path) -> Vec<String> {
    files(root)
        .into_iter()
        .filter(|f| f.contains("cablekit-tmp"))
        .collect()
}

/// Nothing half-written under a final name: every index line whole JSON,
/// every output file complete and well-formed. (Temporary files are
/// listed by [`temp_files`].)
fn check_final_files_complete(out_dir: &Path) {
    for rel in files(out_dir) {
        if rel.contains("cablekit-tmp") {
            continue;
        }
        let path = out_dir.join(&rel);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let checked = if rel == "index.jsonl" {
            text.lines()
                .try_for_each(|l| serde_json::from_str::<serde_json::Value>(l).map(|_| ()))
                .map_err(|e| e.to_string())
                .and_then(|()| {
                    if text.is_empty() || text.ends_with('\n') {
                        Ok(())
                    } else {
                        Err("index ends mid-line".into())
                    }
                })
        } else if rel.ends_with(".yaml") {
            wellformed::check_yaml(&text)
        } else if rel.ends_with(".xml") {
            wellformed::check_xml(text.as_bytes())
        } else if rel.ends_with(".json") {
            wellformed::check_pandoc(&text)
        } else if rel.ends_with(".md") {
            wellformed::check_markdown(&text).and_then(|()| {
                if text.ends_with('\n') {
                    Ok(())
                } else {
                    Err("Markdown page cut short".into())
                }
            })
        } else {
            Err("unexpected file".into())
        };
        if let Err(e) = checked {
            panic!("half-written {rel}: {e}");
        }
    }
}

/// A tmpfs mounted for one test, unmounted on drop.
struct Mount {
    dir: PathBuf,
}

impl Mount {
    /// Mounts a tmpfs of `size` (`64k`) with extra `options` at `dir`, or
    /// `None` (after a notice) when mounting is not permitted here.
    fn tmpfs(dir: &Path, size: &str, options: &str) -> Option<Mount> {
        std::fs::create_dir_all(dir).ok()?;
        let opts = if options.is_empty() {
            format!("size={size}")
        } else {
            format!("size={size},{options}")
        };
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &opts, "tmpfs"])
            .arg(dir)
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            Some(Mount {
                dir: dir.to_path_buf(),
            })
        } else {
            eprintln!("SKIP: cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN)");
            None
        }
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.dir)
            .status();
    }
}

#[test]
fn output_under_a_regular_file_cannot_be_created() {
    let work = tempfile::tempdir().expect("tempdir");
    write_inputs(&work.path().join("in"), &cables(2));
    std::fs::write(work.path().join("a-file"), "keep").expect("write");
    let out = convert(work.path(), &["in", "-o", "a-file/out"]);
    check_fatal(&out, "a-file/out");
    assert_eq!(
        std::fs::read_to_string(work.path().join("a-file"))
            .ok()
            .as_deref(),
        Some("keep")
    );
}

/// Found in issue #8: when the `--archive` output could not be created,
/// the error named the temporary file (`a-file/.out.tar.cablekit-tmp`),
/// not the path the user gave.
#[test]
fn regression_unwritable_archive_error_names_the_given_path() {
    let work = tempfile::tempdir().expect("tempdir");
    write_inputs(&work.path().join("in"), &cables(2));
    std::fs::write(work.path().join("a-file"), "keep").expect("write");
    for kind in ["tar", "zip"] {
        for jobs in ["1", "2"] {
            let target = format!("a-file/out.{kind}");
            let out = convert(
                work.path(),
                &["in", "--archive", kind, "-o", &target, "-j", jobs],
            );
            check_fatal(&out, &target);
            assert!(!out.stderr.contains("cablekit-tmp"), "{}", out.stderr);
        }
    }
}

#[test]
fn read_only_file_system_is_a_clear_error_and_writes_nothing() {
    let work = tempfile::tempdir().expect("tempdir");
    write_inputs(&work.path().join("in"), &cables(3));
    let ro = work.path().join("ro");
    let Some(_mount) = Mount::tmpfs(&ro, "64k", "ro") else {
        return;
    };
    for target in ["ro/out", "ro"] {
        let out = convert(work.path(), &["in", "-o", target]);
        check_fatal(&out, target);
        assert!(
            out.stderr.to_lowercase().contains("read-only"),
            "the error should say why: {}",
            out.stderr
        );
        assert!(
            files(&ro).is_empty(),
            "something was written: {:?}",
            files(&ro)
        );
    }
    // The same with --archive: the archive file cannot be created.
    let out = convert(work.path(), &["in", "--archive", "zip", "-o", "ro/out.zip"]);
    check_fatal(&out, "ro/out.zip");
    assert!(!out.stderr.contains("cablekit-tmp"), "{}", out.stderr);
    assert!(
        files(&ro).is_empty(),
        "something was written: {:?}",
        files(&ro)
    );
}

/// Converts 60 cables (several hundred kilobytes in four formats) into a
/// 64 KiB tmpfs; returns the work directory and the mount (`None` when
/// mounting is not permitted).
fn fill_a_small_disk() -> Option<(tempfile::TempDir, Mount)> {
    let work = tempfile::tempdir().expect("tempdir");
    write_inputs(&work.path().join("in"), &cables(60));
    let mount = Mount::tmpfs(&work.path().join("small"), "64k", "")?;
    Some((work, mount))
}

#[test]
fn full_disk_is_a_clear_error_and_leaves_every_final_file_complete() {
    let Some((work, _mount)) = fill_a_small_disk() else {
        return;
    };
    for (target, extra) in [("small/out", &[][..]), ("small/j1", &["-j", "1"][..])] {
        let mut args = vec!["in", "-o", target];
        args.extend_from_slice(extra);
        let out = convert(work.path(), &args);
        check_fatal(&out, target);
        assert!(
            out.stderr.contains("No space left"),
            "the error should say the disk is full: {}",
            out.stderr
        );
        check_final_files_complete(&work.path().join(target));
        let left = temp_files(&work.path().join(target));
        assert!(left.is_empty(), "temporary files left: {left:?}");
        // Make room for the next case (the index lives beside the tree).
        let _ = std::fs::remove_dir_all(work.path().join(target));
        let _ = std::fs::remove_file(work.path().join(format!("{target}.index.jsonl")));
    }
    // A full disk while writing one archive file: no partial archive under
    // its final name, no temporary file.
    let out = convert(
        work.path(),
        &["in", "--archive", "tar", "-o", "small/out.tar"],
    );
    check_fatal(&out, "small/out.tar");
    assert!(!out.stderr.contains("cablekit-tmp"), "{}", out.stderr);
    let left = files(&work.path().join("small"));
    assert!(
        left.is_empty(),
        "a partial archive or temporary file remains: {left:?}"
    );
}

/// Found by this file: after a fatal write error (full disk) the workers'
/// spool files (`OUT/<fmt>/<year>/.spool-N.<ext>.cablekit-tmp`) were left
/// behind (fixed in a6efcbc).
#[test]
fn regression_full_disk_leaves_spool_temp_files() {
    let Some((work, _mount)) = fill_a_small_disk() else {
        return;
    };
    let out = convert(work.path(), &["in", "-o", "small/out"]);
    check_fatal(&out, "small/out");
    let left = temp_files(&work.path().join("small/out"));
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

/// One `cables.csv` row of the 2011 release's 8 columns.
fn csv_row(n: usize, id: &str, text: &str) -> String {
    let esc = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
    let lines: Vec<&str> = text.lines().collect();
    let (header, body) = lines.split_at(lines.len() / 3);
    format!(
        "\"{n}\",\"2/24/2009 21:58\",\"{}\",\"Secretary of State\",\"CONFIDENTIAL\",\"\",\"{}\",\"{}\"\n",
        esc(id),
        esc(&header.join("\n")),
        esc(&body.join("\n"))
    )
}

/// Output paths are relative, inside their format directory, made of safe
/// characters, not reserved device names, and distinct ignoring case.
fn check_names(index: &[serde_json::Value]) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut names = Vec::new();
    for v in index.iter().filter(|v| v["status"] == "ok") {
        for (_, p) in v["outputs"].as_object().expect("outputs") {
            let p = p.as_str().expect("path");
            let parts: Vec<&str> = p.split('/').collect();
            assert_eq!(parts.len(), 3, "format/dir/name expected: {p}");
            for part in &parts {
                assert!(
                    !part.is_empty()
                        && !part.starts_with('.')
                        && part.len() <= 100
                        && part
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || "._~-".contains(c)),
                    "unsafe path component {part:?} in {p}"
                );
            }
            let stem = parts[2]
                .split('.')
                .next()
                .unwrap_or_default()
                .to_ascii_uppercase();
            let reserved = ["CON", "PRN", "AUX", "NUL", "COM1", "LPT1"];
            assert!(
                !reserved.contains(&stem.as_str()),
                "reserved device name: {p}"
            );
            assert!(
                seen.insert(p.to_lowercase()),
                "names collide ignoring case: {p}"
            );
            names.push(p.to_owned());
        }
    }
    names
}

/// The index of the tree `out`, beside it: `out.index.jsonl`.
fn read_index(out: &Path) -> Vec<serde_json::Value> {
    let name = out.file_name().unwrap().to_string_lossy();
    std::fs::read_to_string(out.with_file_name(format!("{name}.index.jsonl")))
        .expect("index.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).expect("index line"))
        .collect()
}

#[test]
fn hostile_container_ids_get_safe_distinct_names() {
    // The cable text has no banner id, so the only id is the container's:
    // malformed ones with separators, climbs, drive letters, wildcards.
    let work = tempfile::tempdir().expect("tempdir");
    let body = seeds()[0].replace("STATE 017183", "");
    let ids = [
        "../../etc/passwd",
        "a/b",
        "C:\\WINDOWS\\x",
        "*?<>|",
        "..",
        "CON",
        "09state17183",
        "09STATE17183",
        "",
    ];
    let mut csv = String::new();
    for (i, id) in ids.iter().enumerate() {
        csv.push_str(&csv_row(i + 1, id, &body));
    }
    std::fs::write(work.path().join("cables.csv"), csv).expect("write csv");
    let out = convert(work.path(), &["cables.csv", "-o", "out"]);
    assert!(out.code == 0 || out.code == 1, "{}", out.stderr);
    let index = read_index(&work.path().join("out"));
    assert_eq!(index.len(), ids.len(), "one line per row");
    let names = check_names(&index);
    assert!(names.len() >= 4 * (ids.len() - 1), "rows lost: {names:?}");
    // Nothing escaped the output directory.
    let beside: BTreeSet<String> = std::fs::read_dir(work.path())
        .expect("read")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    // The index goes beside the tree (issue 15), nothing else.
    assert_eq!(
        beside,
        ["cables.csv", "out", "out.index.jsonl"]
            .map(String::from)
            .into()
    );
}

#[test]
fn member_names_unsafe_or_colliding_ignoring_case_get_safe_distinct_names() {
    // Cables without any id are named after their member: names that
    // differ only in case, that are device names, dot files, wildcards,
    // non-ASCII, very long.
    let work = tempfile::tempdir().expect("tempdir");
    let dir = work.path().join("in");
    std::fs::create_dir(&dir).expect("mkdir");
    let body = seeds()[0].replace("STATE 017183", "");
    let long = "x".repeat(200);
    let members = [
        "Notes.txt".to_owned(),
        "notes.txt".to_owned(),
        "NOTES.TXT".to_owned(),
        "CON.txt".to_owned(),
        "nul.txt".to_owned(),
        ".hidden.txt".to_owned(),
        "..dots.txt".to_owned(),
        "a:b*c?.txt".to_owned(),
        "名前.txt".to_owned(),
        "ünïcödé.txt".to_owned(),
        format!("{long}.txt"),
        "line\nbreak.txt".to_owned(),
        "~2.txt".to_owned(),
        "notes~2.txt".to_owned(),
    ];
    for m in &members {
        std::fs::write(dir.join(m), &body).expect("write member");
    }
    let out = convert(work.path(), &["in", "-o", "out"]);
    assert!(out.code == 0 || out.code == 1, "{}", out.stderr);
    let index = read_index(&work.path().join("out"));
    assert_eq!(index.len(), members.len(), "one line per member");
    for v in &index {
        let member = v["member"].as_str().unwrap_or_default();
        // Dot files are skipped as hidden files, with that reason; every
        // other member converts.
        let hidden = member.starts_with('.') && v["status"] == "skipped";
        assert!(v["status"] == "ok" || hidden, "not converted: {v}");
    }
    let names = check_names(&index);
    assert!(names.len() >= 4 * (members.len() - 2), "names: {names:?}");
    check_final_files_complete(&work.path().join("out"));
    assert_eq!(temp_files(&work.path().join("out")), Vec::<String>::new());
}

/// Found in session 20: `convert a.zip -o a.zip` replaced the input archive
/// with the output, `--index in/cable.txt` replaced an input cable with the
/// index, and `convert in -o in` walked the tree it was writing (with one
/// format, the new pages land in the walk). All now stop before writing
/// anything; an output directory *inside* an input stays allowed (it is
/// excluded from the walk, see row 16).
#[test]
fn regression_output_that_is_an_input_is_refused_and_the_input_kept() {
    let work = tempfile::tempdir().expect("tempdir");
    write_inputs(&work.path().join("in"), &cables(2));
    let text = std::fs::read(work.path().join("in/cable0000.txt")).expect("read");
    std::fs::write(work.path().join("in/cable0001.txt"), &text).expect("write");
    std::fs::write(work.path().join("in/page.md"), &text).expect("write");
    let before = files(&work.path().join("in"));
    // An output file that is an input file: archive, document (its format
    // from the name, as pandoc does), index.
    for args in [
        vec![
            "in/cable0000.txt",
            "--archive",
            "zip",
            "-o",
            "in/cable0000.txt",
        ],
        vec!["in/page.md", "-o", "in/page.md"],
        vec!["in", "-o", "out", "--index", "in/cable0001.txt"],
    ] {
        let out = convert(work.path(), &args);
        check_fatal(&out, "would replace");
        for name in ["cable0000.txt", "cable0001.txt", "page.md"] {
            let now = std::fs::read(work.path().join("in").join(name)).expect("read");
            assert_eq!(now, text, "{name} changed by {args:?}");
        }
    }
    // An input directory that is the output tree, or inside it, through a
    // path spelt differently.
    for output in ["in", "./in/../in", "."] {
        let out = convert(work.path(), &["in", "-o", output, "--index", "../x.jsonl"]);
        check_fatal(&out, "inside the output directory");
    }
    assert_eq!(files(&work.path().join("in")), before, "nothing written");
    assert!(!work.path().join("out").exists());
}
