//! Stress inputs for the four writers and the linearity check their tests
//! share: each writer crate's tests include this file with
//! `#[path = "../../../testdata/support/writer_stress.rs"] mod stress;`.
//!
//! The clock and the 1x/4x check follow `check_linear` in
//! `crates/cable-archive/tests/archive/support.rs` (branch `archive`), adapted
//! to any input type and run on a worker-sized stack; one copy for the four
//! writer crates until shared test helpers get a crate of their own.
#![allow(clippy::print_stderr, clippy::unwrap_used, clippy::expect_used)]

use cable_model::{Block, Cable, Label, LabelValue, List, ListItem, Note, NoteKind, Paragraph};

/// The stack of the binary's converting threads: rayon's default, 2 MiB
/// (`cablekit`'s pool sets no stack size).
pub(crate) const WORKER_STACK: usize = 2 << 20;

/// Runs `f` on a fresh thread with a [`WORKER_STACK`] stack. A stack
/// overflow aborts the whole test binary, so a failing case cannot pass.
pub(crate) fn on_worker_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
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
/// the worker-stack harness (`crates/cable-archive/tests/archive/harness.rs`, branch
/// `archive`) writes them. The parser reads them as `n` paragraphs side by
/// side (indentation does not nest); the Pandoc writer was quadratic in
/// them because every paragraph's identifier (`par-1`, `par-1-2`, …)
/// probed every earlier one.
pub(crate) fn indentation_cycle(n: usize) -> String {
    cable(
        &(0..n)
            .map(|i| format!("{}1. (U) level {i}\n", " ".repeat(i % 64)))
            .collect::<String>(),
    )
}

/// A cable whose body is one paragraph holding one list of `n` items.
pub(crate) fn long_flat_list(n: usize) -> String {
    cable(&format!(
        "1. (U) The items:\n{}",
        (0..n).map(|i| format!("-- item {i}\n")).collect::<String>()
    ))
}

/// The deepest nesting the parser produces: 32 notes (its limit) each
/// inside a lettered sub-paragraph of a numbered paragraph, then a list and
/// its sub-list, 100 levels in all, `n` times side by side.
pub(crate) fn deepest_parsed(n: usize) -> String {
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
pub(crate) fn deep_text(level: usize) -> String {
    format!("Depth{level}.")
}

/// A body `levels` deep, which the parser cannot produce: a numbered
/// paragraph, a note and a list item in turn, each holding the next level
/// (and each list a second item, `NextItem.`, after it).
pub(crate) fn deep_model(levels: usize) -> Cable {
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
pub(crate) fn drop_deep(mut cable: Cable) {
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

/// How deep the deep-nesting tests nest: a hundred times [`MAX_NESTING`]
/// (`cable_model::MAX_NESTING`).
pub(crate) const DEEP_LEVELS: usize = 10_000;

/// Asserts that `output` holds every text of [`deep_model`]`(levels)`:
/// each level's word, in order, and every list's second item.
#[track_caller]
pub(crate) fn assert_every_deep_text(output: &str, levels: usize, what: &str) {
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

/// How much longer `work` takes on `make(4 * n)` than on `make(n)`
/// (linear is about 4, quadratic 16). Runs on a [`WORKER_STACK`] thread,
/// one check at a time. Time is that thread's CPU time where Linux reports
/// it (`/proc/thread-self/schedstat`), so that other tests and builds
/// competing for the cores do not count, else wall-clock time; since Linux
/// updates it only at scheduler ticks, `work` is repeated until the small
/// input takes 50 ms. The best of five runs per size, alternating.
pub(crate) fn linear_ratio<T: Send + 'static>(
    label: &'static str,
    n: usize,
    make: fn(usize) -> T,
    work: fn(&T),
) -> f64 {
    static ALONE: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _alone = ALONE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    on_worker_stack(move || {
        let small = make(n);
        let large = make(4 * n);
        let mut reps = 1;
        loop {
            let t = Clock::start();
            for _ in 0..reps {
                work(&small);
            }
            if t.seconds() >= 0.05 || reps >= 1 << 16 {
                break;
            }
            reps *= 2;
        }
        let (mut best_small, mut best_large) = (f64::MAX, f64::MAX);
        for _ in 0..5 {
            for (input, best) in [(&small, &mut best_small), (&large, &mut best_large)] {
                let t = Clock::start();
                for _ in 0..reps {
                    work(input);
                }
                *best = best.min(t.seconds());
            }
        }
        let ratio = best_large / best_small.max(1e-9);
        eprintln!(
            "linearity {label}: n={n} {best_small:.4} s, 4n {best_large:.4} s ({reps} runs each), ratio {ratio:.1}"
        );
        ratio
    })
}

/// Asserts that `work` takes linear time in `make`'s size: less than 8
/// times as long on `make(4 * n)` as on `make(n)` ([`linear_ratio`]).
pub(crate) fn check_linear<T: Send + 'static>(
    label: &'static str,
    n: usize,
    make: fn(usize) -> T,
    work: fn(&T),
) {
    let ratio = linear_ratio(label, n, make, work);
    assert!(
        ratio < 8.0,
        "{label}: a 4x input took {ratio:.1}x the time: super-linear"
    );
}

/// The calling thread's CPU time (Linux), or wall-clock time.
enum Clock {
    Cpu(u64),
    Wall(std::time::Instant),
}

impl Clock {
    fn cpu_ns() -> Option<u64> {
        std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()?
            .split_whitespace()
            .next()?
            .parse()
            .ok()
    }

    fn start() -> Clock {
        match Clock::cpu_ns() {
            Some(ns) => Clock::Cpu(ns),
            None => Clock::Wall(std::time::Instant::now()),
        }
    }

    fn seconds(&self) -> f64 {
        match self {
            Clock::Cpu(start) => {
                Clock::cpu_ns().unwrap_or(*start).saturating_sub(*start) as f64 / 1e9
            }
            Clock::Wall(start) => start.elapsed().as_secs_f64(),
        }
    }
}
