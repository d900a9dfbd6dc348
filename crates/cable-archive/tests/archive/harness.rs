//! The worker-stack harness (issue #13): any input of up to 4 MiB goes
//! through the archive readers, the parser (`cable_parse::parse_with`) and
//! the four writers on a thread whose stack is that of the binary's
//! converting threads, so that a recursion too deep for them (a 60 KB page
//! of 20,000 nested tags overflowed the reader's stack) aborts here first.
//!
//! Used by `hostile.rs` (`worker_stack_harness_over_hostile_inputs`,
//! over [`hostile_inputs`]) and by the `worker_stack` cargo-fuzz target
//! (`fuzz/fuzz_targets/worker_stack.rs`, included by path), which runs it
//! with `-max_len` 4 MiB.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use cable_archive::{Item, Limits};
use std::io::Cursor;
use std::path::Path;

/// The stack of the binary's converting threads: `cablekit`'s rayon pool
/// (`crates/cablekit/src/pipeline.rs`) sets no stack size, so its workers
/// have rayon's default, 2 MiB, as do threads spawned without a size (the
/// archive reader's).
pub(crate) const WORKER_STACK: usize = 2 << 20;

/// The largest input the harness is meant for.
pub(crate) const MAX_INPUT: usize = 4 << 20;

/// Runs `f` on a fresh thread with a [`WORKER_STACK`] stack. A stack
/// overflow aborts the whole process, so a failing input cannot pass.
pub(crate) fn on_worker_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .name("worker-stack".into())
        .stack_size(WORKER_STACK)
        .spawn(f)
        .expect("spawn")
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// What one input gave.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Outcome {
    pub(crate) records: usize,
    pub(crate) skipped: usize,
    pub(crate) failed: usize,
    /// Bytes written by the four writers together.
    pub(crate) written: usize,
}

/// Caps for the harness: generous for 4 MiB inputs, small enough that a
/// bomb stays cheap.
pub(crate) fn limits() -> Limits {
    Limits {
        max_member_bytes: 16 << 20,
        max_total_bytes: 64 << 20,
        ..Limits::default()
    }
}

/// Reads `bytes` as one input (content detection: gzip, tar, zip, 7z, CSV,
/// HTML, text), parses every record with its container's metadata and
/// writes it in the four formats, all on a [`WORKER_STACK`] thread.
/// Panics if a writer fails.
pub(crate) fn run(bytes: Vec<u8>) -> Outcome {
    on_worker_stack(move || convert(bytes))
}

fn convert(bytes: Vec<u8>) -> Outcome {
    let mut outcome = Outcome::default();
    let mut buf = Vec::new();
    cable_archive::open_reader(Path::new("input"), Cursor::new(bytes), &limits()).for_each(
        |item| {
            match item {
                Item::Record(r) => {
                    outcome.records += 1;
                    let cable = cable_parse::parse_with(&r.text, &r.meta);
                    buf.clear();
                    cable_markdown::write(&cable, &Default::default(), &mut buf).unwrap();
                    cable_yaml::write(&cable, &Default::default(), &mut buf).unwrap();
                    cable_xml::write(&cable, &Default::default(), &mut buf).unwrap();
                    cable_pandoc::write(&cable, &Default::default(), &mut buf).unwrap();
                    outcome.written += buf.len();
                }
                Item::Skipped(_) => outcome.skipped += 1,
                Item::Failed(_) => outcome.failed += 1,
            }
            true
        },
    );
    outcome
}

/// A cablegate page whose body `<pre>` holds `inside`.
fn page(inside: &str) -> Vec<u8> {
    format!(
        "<?xml version='1.0' encoding='utf-8' ?>\n<html><body>\n<table class='cable'>\n<tr>\n<td>09STATE1</td><td>2009-02-24 21:09</td>\n</tr>\n</table>\n\
<code><pre>R 241234Z FEB 09&#x000A;FM SECSTATE WASHDC&#x000A;TO ALL</pre></code>\n\
<code><pre>UNCLAS&#x000A;SUBJECT: TEST&#x000A;&#x000A;1. (U) {inside}&#x000A;</pre></code>\n</body></html>\n"
    )
    .into_bytes()
}

/// A plain cable with `body` after its header.
fn cable(body: &str) -> String {
    format!(
        "R 241234Z FEB 09\nFM SECSTATE WASHDC\nTO ALL\nUNCLAS STATE 000001\n\nSUBJECT: TEST\n\n{body}\nCLINTON\n"
    )
}

/// A cables.csv row holding `text` as its body.
fn csv_row(n: u64, text: &str) -> String {
    let esc = text.replace('\\', "\\\\").replace('"', "\\\"");
    format!(
        "\"{n}\",\"2/25/1972 9:30\",\"09STATE{n}\",\"Embassy\",\"UNCLASSIFIED\",\"\",\"R 241234Z FEB 09\",\"{esc}\"\n"
    )
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn tar(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (name, data) in members {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_path(name).unwrap();
        h.set_cksum();
        b.append(&h, *data).unwrap();
    }
    b.into_inner().unwrap()
}

/// `n` numbered paragraphs indented 0 to 63 spaces deep, in turn. Found by
/// this harness: the Pandoc writer is super-linear on them (debug build:
/// 0.40 s at 1,000, 2.3 s at 2,000, 14.5 s at 4,000; the whole conversion
/// of 10,000, 490 KB, took 104 s), reported, not fixed here; the quick
/// test uses 1,000.
pub(crate) fn indented(n: usize) -> Vec<u8> {
    cable(
        &(0..n)
            .map(|i| format!("{}1. (U) level {i}\n", " ".repeat(i % 64)))
            .collect::<String>(),
    )
    .into_bytes()
}

/// Bytes of a fixed pseudo-random sequence (xorshift), the same every run.
fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

/// Hostile inputs of up to [`MAX_INPUT`] bytes, each aimed at a depth or
/// size that a recursive or quadratic reader, parser or writer would not
/// survive on a worker's stack: deep tag nesting (issue #13 row 1),
/// unclosed formatting tags and 200,000 attributes (row 6), deep
/// `BEGIN`/`END` and note nesting, numbered paragraph levels, one huge
/// line, a 4 MiB CSV row, archives in archives, and noise.
pub(crate) fn hostile_inputs() -> Vec<(&'static str, Vec<u8>)> {
    let mut v: Vec<(&'static str, Vec<u8>)> = vec![
        (
            "html: 200k nested <i> in <pre>",
            page(&"<i>".repeat(200_000)),
        ),
        (
            "html: 50k nested <div><span>",
            page(&"<div><span>".repeat(50_000)),
        ),
        (
            "html: 50k unclosed <p><b c=N>",
            page(
                &(0..50_000)
                    .map(|i| format!("<p><b c={i}>x"))
                    .collect::<String>(),
            ),
        ),
        (
            "html: 200k attributes",
            page(&format!(
                "<b {}>x</b>",
                (0..200_000).map(|i| format!("a{i} ")).collect::<String>()
            )),
        ),
        ("html: 64k '<' and '&'", page(&"<&".repeat(1 << 16))),
        ("html: 50k <pre> blocks", page(&"<pre>x".repeat(50_000))),
        (
            "text: 5k nested BEGIN/END",
            cable(&format!(
                "{}{}",
                "BEGIN TEXT\n".repeat(5_000),
                "END TEXT\n".repeat(5_000)
            ))
            .into_bytes(),
        ),
        (
            "text: 5k nested COMMENT/END COMMENT",
            cable(&format!(
                "{}{}",
                "COMMENT: \n".repeat(5_000),
                "END COMMENT.\n".repeat(5_000)
            ))
            .into_bytes(),
        ),
        ("text: 1k indented paragraphs", indented(1_000)),
        (
            "text: one 4 MiB line",
            cable(&"WORD ".repeat((MAX_INPUT - 200) / 5)).into_bytes(),
        ),
        (
            "csv: one 1 MiB row",
            csv_row(1, &cable(&"LINE OF TEXT\n".repeat(80_000))).into_bytes(),
        ),
        ("noise: 4 MiB", noise(MAX_INPUT, 0x9e37_79b9_7f4a_7c15)),
    ];
    // The same pages, compressed and nested: gzip, tar.gz, tar in tar.
    let nested = page(&"<i>".repeat(200_000));
    v.push((
        "tar.gz: nested-tag page",
        gzip(&tar(&[("a.html", &nested)])),
    ));
    let inner = tar(&[("b.html", &nested)]);
    v.push(("tar: tar: nested-tag page", tar(&[("inner.tar", &inner)])));
    let mut noisy_gz = gzip(&noise(1 << 20, 7));
    let half = noisy_gz.len() / 2;
    noisy_gz.truncate(half);
    v.push(("gzip: cut noise", noisy_gz));
    for (name, bytes) in &v {
        assert!(bytes.len() <= MAX_INPUT, "{name}: {} bytes", bytes.len());
    }
    v
}
