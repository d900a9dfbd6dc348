//! ARCHITECTURE.md's invariants, each checked against the workspace as it
//! is: a crate that breaks one fails here, naming the file and line or the
//! dependency. (What the compiler already enforces, it enforces: a writer
//! that does not depend on `cable-parse` cannot call it; these checks keep
//! those dependencies from being added.)

use cable_testkit::source::{self, Finding};
use cable_testkit::workspace::{self, Package};

/// The product's library crates: no threads, no terminal, no exit codes.
const LIBRARIES: [&str; 8] = [
    "cable-model",
    "cable-parse",
    "cable-markdown",
    "cable-yaml",
    "cable-xml",
    "cable-pandoc",
    "cable-archive",
    "cable-gen",
];

/// The rest of the workspace: the binary, and tools that are not part of
/// the product (the benchmark harness, this crate).
const BINARIES_AND_TOOLS: [&str; 3] = ["cablekit", "cable-bench", "cable-testkit"];

/// Each writer and the format crates it may be built with, besides the
/// model (ARCHITECTURE.md: each crate owns its format's dependency).
const WRITERS: [(&str, &[&str]); 4] = [
    // Front matter in YAML (serde-saphyr) or TOML.
    ("cable-markdown", &["serde", "serde-saphyr", "toml"]),
    ("cable-yaml", &["serde", "serde-saphyr"]),
    ("cable-xml", &["quick-xml", "memchr"]),
    // JSON through serde_json; pandoc_ast for `to_ast`, the typed view.
    ("cable-pandoc", &["serde", "serde_json", "pandoc_ast"]),
];

fn package<'a>(packages: &'a [Package], name: &str) -> &'a Package {
    packages
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no crate {name} in the workspace"))
}

fn report(what: &str, found: &[String]) {
    assert!(found.is_empty(), "{what}:\n{}", found.join("\n"));
}

fn lines(found: Vec<Finding>) -> Vec<String> {
    found.iter().map(ToString::to_string).collect()
}

/// A new crate must be placed on one side, so that no crate escapes the
/// checks below.
#[test]
fn every_crate_is_a_library_or_a_binary_or_tool() {
    let packages = workspace::packages();
    let unknown: Vec<String> = packages
        .iter()
        .map(|p| p.name.clone())
        .filter(|n| !LIBRARIES.contains(&n.as_str()) && !BINARIES_AND_TOOLS.contains(&n.as_str()))
        .collect();
    report(
        "crates neither in LIBRARIES nor in BINARIES_AND_TOOLS (add them to one)",
        &unknown,
    );
    for name in LIBRARIES.iter().chain(&BINARIES_AND_TOOLS) {
        package(&packages, name);
    }
}

/// Where the libraries break one rule: their code (`src/`) names one of
/// `names`, or they are built with a dependency `forbidden` refuses.
fn in_libraries(names: &[&str], forbidden: impl Fn(&str) -> bool) -> Vec<String> {
    let packages = workspace::packages();
    let mut found = Vec::new();
    for name in LIBRARIES {
        let p = package(&packages, name);
        found.extend(lines(source::find(&p.dir.join("src"), names)));
        for dep in p.built_with() {
            if forbidden(dep) {
                found.push(format!("{name} depends on {dep}"));
            }
        }
    }
    found
}

/// "Only the binary knows threads": no library spawns a thread or uses a
/// thread pool or channel, in its code or its dependencies.
/// (`thread_local!` is allowed: a per-thread buffer starts no thread.)
#[test]
fn no_threads_outside_the_binary() {
    let found = in_libraries(
        &[
            "std::thread",
            "thread::spawn",
            "thread::scope",
            "thread::Builder",
            "spawn_scoped",
            "scope(",
            "rayon",
            "crossbeam",
            "mpsc",
        ],
        |dep| {
            [
                "rayon",
                "crossbeam",
                "flume",
                "threadpool",
                "tokio",
                "async-std",
            ]
            .iter()
            .any(|t| dep.starts_with(t))
        },
    );
    report("threads outside the binary", &found);
}

/// "Only the binary knows terminals, flags and exit codes" (and `anyhow`,
/// ARCHITECTURE.md's error policy): no library declares clap, a progress
/// bar, signal handling or anyhow, or exits the process or prints.
#[test]
fn only_the_binary_knows_terminals_flags_and_exit_codes() {
    let found = in_libraries(
        &[
            "process::exit",
            "print!",
            "println!",
            "eprint!",
            "eprintln!",
            "dbg!",
        ],
        |dep| ["clap", "indicatif", "ctrlc", "anyhow", "console"].contains(&dep),
    );
    report("binary concerns in libraries", &found);
}

/// "Writers depend on the model, never raw text": each writer is built
/// with the model and its own format crates, nothing else (no parser, no
/// archive reader, no other writer).
#[test]
fn writers_depend_on_the_model_and_their_format_only() {
    let packages = workspace::packages();
    let mut found = Vec::new();
    for (name, formats) in WRITERS {
        let p = package(&packages, name);
        for dep in p.built_with() {
            if dep != "cable-model" && !formats.contains(&dep) {
                found.push(format!(
                    "{name} depends on {dep} (allowed: cable-model, {})",
                    formats.join(", ")
                ));
            }
        }
        if !p.built_with().contains(&"cable-model") {
            found.push(format!("{name} does not depend on cable-model"));
        }
    }
    report(
        "writers built with more than the model and their format",
        &found,
    );
}

/// "The model has no dependencies at all."
#[test]
fn the_model_depends_on_nothing() {
    let packages = workspace::packages();
    let deps: Vec<String> = package(&packages, "cable-model")
        .built_with()
        .into_iter()
        .map(|d| format!("cable-model depends on {d}"))
        .collect();
    report("the model's dependencies", &deps);
}

/// "The parser does no I/O": no files, network, environment, processes,
/// standard streams or printing in cable-parse's code (reference lists are
/// compiled in with `include_str!`, which reads at build time).
#[test]
fn the_parser_does_no_io() {
    let packages = workspace::packages();
    let p = package(&packages, "cable-parse");
    let found = source::find(
        &p.dir.join("src"),
        &[
            "std::fs",
            "std::io",
            "std::net",
            "std::env",
            "std::process",
            "fs::",
            "io::",
            "net::",
            "env::",
            "process::",
            "File",
            "OpenOptions",
            "Command",
            "TcpStream",
            "UdpSocket",
            "stdin(",
            "stdout(",
            "stderr(",
            "print!",
            "println!",
            "eprint!",
            "eprintln!",
            "dbg!",
        ],
    );
    report("I/O in the parser", &lines(found));
}

/// The checks above can fail: each kind of violation, written into a
/// scratch crate directory, is found.
#[test]
fn the_source_checks_find_violations() {
    let dir = std::env::temp_dir().join(format!("cable-testkit-{}", std::process::id()));
    let src = dir.join("src/deep");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(
        src.join("bad.rs"),
        "//! Threads are for the binary.\n\
         use std::fs::File;\n\
         fn f() { std::thread::scope(|s| { s.spawn(|| ()); }); }\n\
         fn g() { rayon::join(|| (), || ()); println!(\"hi\"); }\n",
    )
    .unwrap();
    let found = source::find(
        &dir.join("src"),
        &[
            "std::fs",
            "File",
            "std::thread",
            "scope(",
            "rayon",
            "println!",
        ],
    );
    std::fs::remove_dir_all(&dir).unwrap();
    let names: Vec<(usize, &str)> = found.iter().map(|f| (f.line, f.name.as_str())).collect();
    assert_eq!(
        names,
        [
            (2, "std::fs"),
            (2, "File"),
            (3, "std::thread"),
            (3, "scope("),
            (4, "rayon"),
            (4, "println!")
        ]
    );
}
