//! Field yield over a corpus directory, read through `cable-archive`: how
//! many records have no subject, no tags, no signer, and how many have an
//! id in their text that disagrees with the id their container states.
//!
//! ```text
//! cargo run -p cable-parse --example corpus-stats -- [CORPUS_DIR] [--list]
//! ```
//!
//! With `--list` every record counted is named, one a line, under the
//! heading of what it lacks.

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a measuring tool reports"
)]

use cable_model::Code;
use std::path::PathBuf;

fn main() {
    let mut dir = None;
    let mut list = false;
    for a in std::env::args().skip(1) {
        if a == "--list" {
            list = true;
        } else {
            dir = Some(PathBuf::from(a));
        }
    }
    let dir = dir.unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
    });
    let records = match cable_archive::open(&dir, &cable_archive::Limits::default()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("corpus-stats: cannot open {}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    let mut n = 0usize;
    let mut lacks: [(&str, Vec<String>); 4] = [
        ("no subject", Vec::new()),
        ("no tags", Vec::new()),
        ("no signer", Vec::new()),
        ("id disagrees with container", Vec::new()),
    ];
    records.for_each(|item| {
        let cable_archive::Item::Record(r) = item else {
            return true;
        };
        n += 1;
        let c = cable_parse::parse_with(&r.text, &r.meta);
        let name = r.provenance.display();
        let mismatch = c
            .diagnostics
            .iter()
            .any(|d| d.code == Code::ContainerIdMismatch);
        let flags = [
            c.subject.is_none(),
            c.tags.is_empty(),
            c.signer.is_none(),
            mismatch,
        ];
        for (flag, (_, names)) in flags.into_iter().zip(lacks.iter_mut()) {
            if flag {
                names.push(name.clone());
            }
        }
        true
    });
    println!("corpus-stats: {n} records under {}", dir.display());
    for (what, names) in &lacks {
        println!("{what:<30} {}", names.len());
    }
    if list {
        for (what, names) in &lacks {
            println!("\n## {what}");
            for name in names {
                println!("{name}");
            }
        }
    }
}
