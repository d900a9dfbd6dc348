//! Stress inputs for the four writers: inputs that made a writer
//! quadratic or overflow its stack, models deeper than the parser nests,
//! and the checks every writer runs on them ([`writer_is_linear`],
//! [`deep_model_on_worker_stack`], [`deepest_parsed_on_worker_stack`]),
//! on a thread with the binary's worker stack.

use crate::linear::{self, Scaling};
use cable_model::{Block, Cable, Label, LabelValue, List, ListItem, Note, NoteKind, Paragraph};

/// The stack of the binary's converting threads: rayon's default, 2 MiB
/// (`cablekit`'s pool sets no stack size).
pub const WORKER_STACK: usize = 2 << 20;

/// Runs `f` on a fresh thread with a [`WORKER_STACK`] stack. A stack
/// overflow aborts the whole test binary, so a failing case cannot pass.
pub fn on_worker_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .name("worker-stack".into())
        .stack_size(WORKER_STACK)
        .spawn(f)
        .expect("spawn")
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// A cable with `body` after a minimal header.
fn cable(body: &str) -> String {
    format!(
        "R 241234Z FEB 09\nFM SECSTATE WASHDC\nTO ALL\nUNCLAS STATE 000001\n\nSUBJECT: TEST\n\n{body}\nCLINTON\n"
    )
}

/// `n` paragraphs all numbered `1.`, indented 0 to 63 spaces in turn, as
/// the worker-stack harness (`crates/cable-archive/tests/archive/harness.rs`)
/// writes them. The parser reads them as `n` paragraphs side by
/// side (indentation does not nest); the Pandoc writer was quadratic in
/// them because every paragraph's identifier (`par-1`, `par-1-2`, …)
/// probed every earlier one.
pub fn indentation_cycle(n: usize) -> String {
    cable(
        &(0..n)
            .map(|i| format!("{}1. (U) level {i}\n", " ".repeat(i % 64)))
            .collect::<String>(),
    )
}

/// A cable whose body is one paragraph holding one list of `n` items.
pub fn long_flat_list(n: usize) -> String {
    cable(&format!(
        "1. (U) The items:\n{}",
        (0..n).map(|i| format!("-- item {i}\n")).collect::<String>()
    ))
}

/// The deepest nesting the parser produces: 32 notes (its limit) each
/// inside a lettered sub-paragraph of a numbered paragraph, then a list and
/// its sub-list, 100 levels in all, `n` times side by side.
pub fn deepest_parsed(n: usize) -> String {
    let mut body = String::new();
    for _ in 0..n {
        for i in 0..32 {
            body += &format!("1. (C) Para {i}.\n\nA. (C) Sub {i}.\n\nBEGIN TEXT{i}:\n\n");
        }
        body += "1. (C) Inner.\n\nA. (C) Sub.\n\n-- item\n- sub item\n\n";
        for i in (0..32).rev() {
            body += &format!("END TEXT{i}.\n\n");
        }
    }
    cable(&body)
}

/// The text of the block at `level` in [`deep_model`]: one word, so that
/// every writer writes it as it is (Pandoc as one `Str`).
pub fn deep_text(level: usize) -> String {
    format!("Depth{level}.")
}

/// A body `levels` deep, which the parser cannot produce: a numbered
/// paragraph, a note and a list item in turn, each holding the next level
/// (and each list a second item, `NextItem.`, after it).
pub fn deep_model(levels: usize) -> Cable {
    let mut body: Vec<Block> = Vec::new();
    for level in (1..=levels).rev() {
        let text = deep_text(level);
        body = vec![match level % 3 {
            1 => Block::Paragraph(Paragraph {
                label: Some(Label {
                    value: LabelValue::Number(1),
                    raw: "1".into(),
                }),
                marking: None,
                text,
                children: body,
            }),
            2 => Block::Note(Note {
                kind: NoteKind::Note,
                title: "NOTE".into(),
                blocks: std::iter::once(Block::Text(text)).chain(body).collect(),
                closed: true,
            }),
            _ => Block::List(List {
                items: vec![
                    ListItem {
                        marker: "--".into(),
                        text,
                        children: body,
                    },
                    ListItem {
                        marker: "--".into(),
                        text: "NextItem.".into(),
                        children: Vec::new(),
                    },
                ],
            }),
        }];
    }
    Cable {
        body,
        ..Cable::default()
    }
}

/// Drops `cable` with an explicit stack: dropping a body thousands of
/// levels deep the ordinary way recurses once per level and overflows the
/// stack (the parser never nests that deep; only these tests do).
pub fn drop_deep(mut cable: Cable) {
    let mut stack = std::mem::take(&mut cable.body);
    while let Some(mut block) = stack.pop() {
        match &mut block {
            Block::Paragraph(p) => stack.append(&mut p.children),
            Block::Note(n) => stack.append(&mut n.blocks),
            Block::List(l) => {
                for item in &mut l.items {
                    stack.append(&mut item.children);
                }
            }
            // Text, headings (and any block kind added later) hold no
            // blocks.
            _ => {}
        }
    }
}

/// How deep the deep-nesting tests nest: a hundred times [`MAX_NESTING`](cable_model::MAX_NESTING)
/// (100).
pub const DEEP_LEVELS: usize = 10_000;

/// Asserts that `output` holds every text of [`deep_model`]`(levels)`:
/// each level's word, in order, and every list's second item.
#[track_caller]
pub fn assert_every_deep_text(output: &str, levels: usize, what: &str) {
    let mut at = 0;
    for level in 1..=levels {
        let word = deep_text(level);
        match output[at..].find(&word) {
            Some(i) => at += i + word.len(),
            None => panic!("{what}: {word} missing or out of order"),
        }
    }
    assert_eq!(
        output.matches("NextItem.").count(),
        levels / 3,
        "{what}: a list's second item is missing"
    );
}

/// Asserts that `work` takes linear time in `make`'s size
/// ([`linear::check`] with [`Scaling::FOUR_X`]), measured on a
/// [`WORKER_STACK`] thread.
#[track_caller]
pub fn check_linear<T: Send + 'static>(
    label: &'static str,
    n: usize,
    make: fn(usize) -> T,
    work: fn(&T),
) -> linear::Measurement {
    on_worker_stack(move || linear::check(label, n, &Scaling::FOUR_X, make, work))
}

/// The linearity checks every writer passes, each reported on its own
/// ([`crate::cases::check_all`]): `write` on the parsed
/// [`indentation_cycle`] (2,000 paragraphs), the parsed [`long_flat_list`]
/// (4,000 items) and [`deep_model`] (500 levels), each against 4x the size.
/// `parse` is `cable_parse::parse` (this crate depends on the model only).
#[track_caller]
pub fn writer_is_linear(writer: &str, parse: fn(&str) -> Cable, write: fn(&Cable)) {
    type Make = Box<dyn Fn(usize) -> Cable + Send>;
    let cases: Vec<(String, usize, Make)> = vec![
        (
            format!("{writer} indentation cycle"),
            2_000,
            Box::new(move |n| parse(&indentation_cycle(n))),
        ),
        (
            format!("{writer} long flat list"),
            4_000,
            Box::new(move |n| parse(&long_flat_list(n))),
        ),
        (format!("{writer} deep nesting"), 500, Box::new(deep_model)),
    ];
    crate::cases::check_all(
        &format!("{writer} linearity"),
        cases
            .into_iter()
            .map(|(label, n, make)| (label.clone(), (label, n, make))),
        |(label, n, make)| {
            on_worker_stack(move || {
                linear::check(&label, n, &Scaling::FOUR_X, make, write);
            });
        },
    );
}

/// Writes [`deep_model`]`(levels)` with `write` (every output it makes) on
/// a [`WORKER_STACK`] thread, drops the model there, and asserts each
/// output holds every level's text in order ([`assert_every_deep_text`]).
/// Returns the outputs.
#[track_caller]
pub fn deep_model_on_worker_stack(levels: usize, write: fn(&Cable) -> Vec<String>) -> Vec<String> {
    let outputs = on_worker_stack(move || {
        let deep = deep_model(levels);
        let outputs = write(&deep);
        drop_deep(deep);
        outputs
    });
    for (i, output) in outputs.iter().enumerate() {
        assert_every_deep_text(output, levels, &format!("output {i}"));
    }
    outputs
}

/// Parses [`deepest_parsed`]`(4)` with `parse` on a [`WORKER_STACK`]
/// thread, asserts it nests [`cable_model::MAX_NESTING`] deep, writes it
/// with `write` (every output it makes) there and asserts each output
/// holds `innermost`, how the format writes the innermost sub-list item
/// (`sub item`).
#[track_caller]
pub fn deepest_parsed_on_worker_stack(
    parse: fn(&str) -> Cable,
    write: fn(&Cable) -> Vec<String>,
    innermost: &'static str,
) {
    on_worker_stack(move || {
        let cable = parse(&deepest_parsed(4));
        assert_eq!(
            cable.nesting(),
            cable_model::MAX_NESTING,
            "the parser's deepest nesting changed: update deepest_parsed and MAX_NESTING's doc"
        );
        for (i, output) in write(&cable).iter().enumerate() {
            assert!(
                output.contains(innermost),
                "output {i}: the innermost sub-list item is not written"
            );
        }
    });
}
