//! Shared test support: a rich hand-built cable, the test inputs, and the
//! installed pandoc binaries.
#![allow(clippy::print_stderr, clippy::unwrap_used, clippy::expect_used)]

use cable_model::*;
use cable_pandoc::{ApiVersion, Options};
use cable_testkit::cables::{self, Piece, addressee, letter, number, paragraph, repaired};
use cable_testkit::tools;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The workspace root.
pub(crate) fn root() -> PathBuf {
    cable_testkit::workspace::root()
}

/// The inputs whose goldens live in `testdata/expected/pandoc/`:
/// (golden name, path). The kitchen-sink cable is included when present.
pub(crate) fn inputs() -> Vec<(String, PathBuf)> {
    let mut v = Vec::new();
    for name in ["000_78e12724ad72837c", "001_d7a67a22ead94fd7"] {
        v.push((
            name.to_owned(),
            root().join(format!("testdata/seeds/{name}.txt")),
        ));
    }
    let ks = root().join("testdata/cables/kitchen-sink.txt");
    if ks.exists() {
        v.push(("kitchen-sink".to_owned(), ks));
    } else {
        eprintln!("SKIP: {} absent", ks.display());
    }
    v
}

/// Writes `cable` with `opts` and returns the bytes.
pub(crate) fn write(cable: &Cable, opts: &Options) -> Vec<u8> {
    let mut out = Vec::new();
    cable_pandoc::write(cable, opts, &mut out).expect("writing to a Vec cannot fail");
    out
}

/// Options for one API version.
pub(crate) fn opts(api: ApiVersion) -> Options {
    let mut o = Options::default();
    o.api = api;
    o
}

fn mark(level: Option<Level>, caveats: Vec<Caveat>, raw: &str) -> Option<Marking> {
    Some(cables::marking(level, caveats, raw))
}

/// A cable with every field set, nested body blocks, markup characters,
/// control characters, a repaired and a repeated paragraph number.
pub(crate) fn rich_cable() -> Cable {
    let mut c = cables::state_17183();
    c.classification = mark(
        Some(Level::Secret),
        vec![Caveat::Noforn, Caveat::Rel("MTCR".into())],
        "S E C R E T",
    );
    c.banner = Some("S E C R E T SECTION 01 OF 02 STATE 017183".into());
    c.routing.precedence = Some(PrecedencePair {
        action: Precedence::Priority,
        info: Some(Precedence::Routine),
    });
    c.routing.to = vec![
        addressee(
            Some("RUEHBY"),
            "AMEMBASSY CANBERRA",
            Some(Precedence::Priority),
            Some("0001"),
        ),
        Addressee {
            niact: true,
            ..addressee(None, "AMEMBASSY PARIS", Some(Precedence::Immediate), None)
        },
    ];
    c.routing.info[0].excluded = vec!["USINT HAVANA".into(), "AMEMBASSY *BELGRADE*".into()];
    c.transmission = Some(Transmission {
        id: Some("VZCZCXRO4549".into()),
        ..Transmission::default()
    });
    c.tags = ["MTCRE", "PARM", "OVIP", "DOE, JANE"]
        .iter()
        .filter_map(|t| Tag::new(t))
        .collect();
    c.subject = Some(Subject {
        text: "MTCR: <SCRIPT> & *STARS* _UNDER_ [LINK](#) $MATH$ \\ `TICK`".into(),
        title: "MTCR: <script> & *Stars* _Under_ [Link](#) $Math$ \\ `Tick`".into(),
        marking: mark(Some(Level::Confidential), vec![], "C"),
    });
    let note = |kind, title: &str, text: &str, closed| {
        Block::Note(Note {
            kind,
            title: title.into(),
            blocks: vec![Block::Text(text.into())],
            closed,
        })
    };
    c.body = vec![
        paragraph(
            number(1),
            mark(Some(Level::Confidential), vec![], "C"),
            "",
            vec![note(
                NoteKind::Summary,
                "SUMMARY",
                "The summary, with <html> & **bold** markup.",
                true,
            )],
        ),
        paragraph(
            number(2),
            mark(
                Some(Level::Confidential),
                vec![Caveat::Rel("MTCR".into())],
                "C/REL MTCR",
            ),
            "BACKGROUND: Control\u{7}characters\u{0} and\ttabs, a\u{1b}[0m escape, # hash | pipe.",
            vec![
                paragraph(
                    letter('A'),
                    mark(Some(Level::Unclassified), vec![], "U"),
                    "Sub-paragraph A.",
                    vec![Block::Text("More prose under A.".into())],
                ),
                paragraph(letter('B'), None, "Sub-paragraph B.", vec![]),
            ],
        ),
        Block::Heading(Heading {
            text: "PREPARATION FOR THE PLENARY".into(),
            style: HeadingStyle::Slashes,
        }),
        Block::Text("Unnumbered prose between paragraphs.".into()),
        paragraph(
            repaired(5, "15"),
            mark(Some(Level::Confidential), vec![], "C"),
            "TALKING POINTS:",
            vec![Block::List(List {
                items: vec![
                    ListItem {
                        marker: "--".into(),
                        text: "First point, 3 * 4 > 10 & 2 < 5.".into(),
                        children: vec![],
                    },
                    ListItem {
                        marker: "--".into(),
                        text: "Second point with a nested list:".into(),
                        children: vec![Block::List(List {
                            items: vec![ListItem {
                                marker: "-".into(),
                                text: "nested item".into(),
                                children: vec![],
                            }],
                        })],
                    },
                ],
            })],
        ),
        note(NoteKind::Note, "NOTE", "A note, unclosed.", false),
        note(NoteKind::Begin, "GUIDANCE", "Guidance text.", true),
        paragraph(number(5), None, "A repeated paragraph number.", vec![]),
        note(NoteKind::Comment, "COMMENT", "A comment.", true),
    ];
    c
}

/// An installed pandoc binary and the API version it reads.
#[derive(Debug, Clone)]
pub(crate) struct Pandoc {
    pub(crate) path: PathBuf,
    pub(crate) version: String,
    pub(crate) api: ApiVersion,
}

impl Pandoc {
    /// Runs pandoc with `args` on `input`.
    pub(crate) fn output(&self, args: &[&str], input: &[u8]) -> std::process::Output {
        use std::io::Write;
        let mut child = Command::new(&self.path)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn pandoc");
        let mut stdin = child.stdin.take().unwrap();
        let input = input.to_vec();
        let feeder = std::thread::spawn(move || stdin.write_all(&input));
        let out = child.wait_with_output().expect("wait for pandoc");
        // pandoc may exit before reading all input when it fails early.
        let fed = feeder.join().unwrap();
        if out.status.success() {
            fed.expect("feed pandoc");
        }
        out
    }

    /// Runs pandoc with `args` on `input`; returns stdout, panicking with
    /// stderr when the exit code is not 0.
    #[track_caller]
    pub(crate) fn run(&self, args: &[&str], input: &[u8], what: &str) -> Vec<u8> {
        let out = self.output(args, input);
        assert!(
            out.status.success(),
            "{} ({}) {args:?} failed on {what}: {}\n{}",
            self.path.display(),
            self.version,
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }
}

/// The pandoc binaries installed here, one per API version: `pandoc` 2.x
/// (Debian's 2.17, API 1.22) and 3.x (the `pypandoc_binary` wheel's, API
/// 1.23), found by [`tools::pandoc`]: each is required under
/// `CABLEKIT_REQUIRE_ORACLES=1`, else skipped with a notice.
pub(crate) fn pandocs(test: &str) -> Vec<Pandoc> {
    ["pandoc 2.", "pandoc 3"]
        .into_iter()
        .filter_map(|release| tools::pandoc(test, release))
        .map(|t| Pandoc {
            api: cable_pandoc::detect_api(&t.version).unwrap_or_else(|| {
                panic!(
                    "{}: no API version known for {}",
                    t.program.display(),
                    t.version
                )
            }),
            path: t.program,
            version: t.version,
        })
        .collect()
}

/// Every paragraph's words, in document order, as pandoc's `plain` writer
/// must print them: the label and marking as written, then the text;
/// control characters shown as their control pictures (the documented
/// mapping).
pub(crate) fn body_words(blocks: &[Block], out: &mut Vec<String>) {
    for piece in cables::pieces(blocks) {
        match piece {
            Piece::Label(raw) => out.push(format!("{raw}.")),
            Piece::Marking(raw) => words(&format!("({raw})"), out),
            Piece::Text(t) => words(t, out),
        }
    }
}

fn words(s: &str, out: &mut Vec<String>) {
    for w in s.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        out.push(
            w.chars()
                .map(|c| match c {
                    '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap(),
                    '\u{7f}' => '\u{2421}',
                    c if c.is_control() => '\u{fffd}',
                    c => c,
                })
                .collect(),
        );
    }
}

/// Asserts that `expected` occurs in `plain`'s whitespace-separated words
/// in order (other words may come between them).
#[track_caller]
pub(crate) fn assert_words_in_order(plain: &str, expected: &[String], what: &str) {
    let mut have = plain.split_whitespace();
    for (i, w) in expected.iter().enumerate() {
        assert!(
            have.any(|h| h == w),
            "{what}: word {i} {w:?} not found in order in pandoc's plain output \
             (context: {:?})\n--- plain ---\n{plain}",
            &expected[i.saturating_sub(5)..(i + 5).min(expected.len())]
        );
    }
}

/// Every cable of the corpus, parsed: (where it came from, cable).
pub(crate) fn corpus() -> Option<Vec<(String, Cable)>> {
    let dir = cable_testkit::paths::shared_or_skip("pandoc corpus", "corpus")?;
    let records =
        cable_archive::open(&dir, &cable_archive::Limits::default()).expect("open the corpus");
    let mut out = Vec::new();
    records.for_each(|item| {
        if let cable_archive::Item::Record(r) = item {
            let name = format!(
                "{}{}{}",
                r.provenance.input.display(),
                r.provenance
                    .member
                    .as_deref()
                    .map(|m| format!(":{m}"))
                    .unwrap_or_default(),
                r.provenance
                    .row
                    .map(|n| format!("#{n}"))
                    .unwrap_or_default()
            );
            out.push((name, cable_parse::parse_with(&r.text, &r.meta)));
        }
        true
    });
    Some(out)
}
