//! Throughput of the Pandoc JSON writer alone (parsing excluded), on one
//! core, and beside it what a user would otherwise reach for: pandoc itself
//! turning our Markdown of the same cables into its JSON
//! (`pandoc -f markdown -t json`).
//!
//! `cargo bench -p cable-pandoc --bench write` prints two lines:
//! `cable-pandoc write: N cables, M MB of JSON in S s = X MB/s per core (C cables/s, U µs/cable)`
//! `pandoc <version> -f markdown -t json: N cables in S s = U ms/cable`.
//! The inputs are the seeds and the kitchen-sink cable, parsed once up front.
#![allow(missing_docs, clippy::print_stdout, clippy::print_stderr)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata");
    let files = [
        "seeds/000_78e12724ad72837c.txt",
        "seeds/001_d7a67a22ead94fd7.txt",
        "cables/kitchen-sink.txt",
    ];
    let cables: Vec<_> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(root.join(f)).ok())
        .map(|t| cable_parse::parse(&t))
        .collect();
    if cables.is_empty() {
        eprintln!("SKIP: no input cables under {}", root.display());
        return;
    }

    let opts = cable_pandoc::Options::default();
    let mut buf = Vec::with_capacity(1 << 16);
    let (mut n, mut bytes) = (0u64, 0u64);
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(3) {
        for c in &cables {
            buf.clear();
            cable_pandoc::write(c, &opts, &mut buf).expect("writing to a Vec cannot fail");
            bytes += buf.len() as u64;
            n += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    println!(
        "cable-pandoc write: {n} cables, {mb:.1} MB of JSON in {secs:.2} s = {:.1} MB/s per core ({:.0} cables/s, {:.1} µs/cable)",
        mb / secs,
        n as f64 / secs,
        secs * 1e6 / n as f64
    );

    let Some((pandoc, version)) = find_pandoc() else {
        eprintln!("SKIP: no pandoc to compare with");
        return;
    };
    let markdown: Vec<Vec<u8>> = cables
        .iter()
        .map(|c| {
            let mut md = Vec::new();
            cable_markdown::write(c, &cable_markdown::Options::default(), &mut md)
                .expect("writing to a Vec cannot fail");
            md
        })
        .collect();
    let rounds = 5;
    let start = Instant::now();
    for _ in 0..rounds {
        for md in &markdown {
            run(&pandoc, md);
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let n = rounds * markdown.len();
    println!(
        "{version} -f markdown -t json: {n} cables in {secs:.2} s = {:.1} ms/cable (one process per cable, as a user would run it)",
        secs * 1e3 / n as f64
    );
}

/// pandoc 3.x from the `pypandoc_binary` wheel, else `pandoc` on the PATH.
fn find_pandoc() -> Option<(PathBuf, String)> {
    let mut candidates = Vec::new();
    if let Ok(out) = Command::new("python3")
        .args([
            "-c",
            "import pypandoc,os;print(os.path.dirname(pypandoc.__file__))",
        ])
        .stderr(Stdio::null())
        .output()
    {
        let dir = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        if out.status.success() {
            candidates.push(Path::new(&dir).join("files/pandoc"));
        }
    }
    candidates.push(PathBuf::from("pandoc"));
    candidates.into_iter().find_map(|p| {
        let out = Command::new(&p).arg("--version").output().ok()?;
        let version = String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()?
            .to_owned();
        out.status.success().then_some((p, version))
    })
}

fn run(pandoc: &Path, input: &[u8]) {
    let mut child = Command::new(pandoc)
        .args(["-f", "markdown", "-t", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("spawn pandoc");
    child
        .stdin
        .take()
        .expect("piped stdin")
        .write_all(input)
        .expect("feed pandoc");
    assert!(child.wait().expect("wait for pandoc").success());
}
