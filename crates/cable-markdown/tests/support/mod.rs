//! Test support: hand-built cables (so the writer can be tested without
//! the parser) and the inputs under `testdata/` and `../shared/corpus`.
#![allow(
    unreachable_pub,
    clippy::print_stderr,
    clippy::field_reassign_with_default
)]

pub mod check;

use cable_model::*;
use cable_testkit::cables::{self, addressee, heading, list, portion, text};
use std::path::PathBuf;

/// The workspace root.
pub fn root() -> PathBuf {
    cable_testkit::workspace::root()
}

/// The inputs whose goldens live in `testdata/expected/markdown`: name and text.
pub fn testdata_inputs() -> Vec<(String, String)> {
    let files = [
        (
            "000_78e12724ad72837c",
            "testdata/seeds/000_78e12724ad72837c.txt",
        ),
        (
            "001_d7a67a22ead94fd7",
            "testdata/seeds/001_d7a67a22ead94fd7.txt",
        ),
        ("kitchen-sink", "testdata/cables/kitchen-sink.txt"),
    ];
    files
        .iter()
        .map(|(name, path)| {
            let text = std::fs::read_to_string(root().join(path))
                .unwrap_or_else(|e| panic!("{path}: {e}"));
            (name.to_string(), text)
        })
        .collect()
}

/// A numbered paragraph with its portion marking as written.
pub fn para(n: u32, marking: Option<&str>, text: &str, children: Vec<Block>) -> Block {
    cables::paragraph(cables::number(n), marking.map(portion), text, children)
}

/// A lettered sub-paragraph with its portion marking as written.
fn letter(c: char, marking: Option<&str>, text: &str, children: Vec<Block>) -> Block {
    cables::paragraph(cables::letter(c), marking.map(portion), text, children)
}

/// A closed note.
pub fn note(kind: NoteKind, title: &str, blocks: Vec<Block>) -> Block {
    cables::note(kind, title, blocks, true)
}

fn reference(label: char, kind: ReferenceKind, id: Option<&str>, text: &str) -> Reference {
    cables::reference(Some(label), kind, id, text)
}

/// A cable with every field set and every construct of the body, full of
/// characters that are markup in Markdown, YAML look-alikes (`NO`, `1.4`,
/// `ON`) and control characters.
pub fn rich() -> Cable {
    let mut c = Cable::default();
    c.id = CableId::new(2009, "GENEVA", 123);
    c.section = Some(SectionOf {
        number: 1,
        total: 2,
    });
    c.classification = Some(Marking {
        level: Some(Level::Secret),
        caveats: vec![Caveat::Noforn, Caveat::Sipdis],
        raw: "S E C R E T".into(),
    });
    c.banner = Some("S E C R E T SECTION 01 OF 02 GENEVA 000123".into());
    c.routing = Routing {
        precedence: Some(PrecedencePair {
            action: Precedence::Immediate,
            info: Some(Precedence::Routine),
        }),
        dtg: Some(Dtg {
            raw: "031415Z MAR 09".into(),
            utc: Timestamp::new(Date::new(2009, 3, 3).unwrap(), 14, 15),
        }),
        operating_signals: vec![],
        from: Some(addressee(None, "USMISSION GENEVA", None, None)),
        to: vec![addressee(
            Some("RUEHC"),
            "SECSTATE WASHDC",
            Some(Precedence::Immediate),
            Some("8812"),
        )],
        info: vec![
            Addressee {
                niact: true,
                ..addressee(
                    Some("RUEHFR"),
                    "AMEMBASSY PARIS",
                    Some(Precedence::Immediate),
                    Some("0392"),
                )
            },
            Addressee {
                excluded: vec!["USINT HAVANA".into(), "*NO*".into()],
                ..addressee(None, "NO", None, None)
            },
        ],
    };
    c.transmission = Some(Transmission {
        id: Some("VZCZCXRO7301".into()),
        ..Transmission::default()
    });
    c.handling = vec!["NOFORN".into(), "DEPT FOR ISN/MTR AND EUR/PRA".into()];
    c.executive_order = Some(ExecutiveOrder {
        number: Some("12958".into()),
        raw: "E.O. 12958: DECL: 03/03/2019".into(),
    });
    c.declassify = Date::new(2019, 3, 3).map(Declassify::Date);
    c.tags = ["PARM", "NO", "ON", "Y", "KNNP", "OVIP (DOE, JANE Q.)"]
        .iter()
        .filter_map(|t| Tag::new(t))
        .collect();
    c.subject = Some(Subject {
        text: "KITCHEN SINK: *STARS*, _LINES_ & <TAGS> # [1]".into(),
        title: "Kitchen Sink: *Stars*, _Lines_ & <Tags>\u{0c} # [1]".into(),
        marking: Some(portion("S")),
    });
    c.references = vec![
        reference(
            'A',
            ReferenceKind::Cable,
            Some("09STATE4567"),
            "STATE 004567",
        ),
        reference('B', ReferenceKind::Cable, Some("09GENEVA99"), "GENEVA 99"),
        reference('C', ReferenceKind::Email, None, "DOE-ROE EMAIL OF 02/27/09"),
        reference('D', ReferenceKind::Document, None, "KSWG DOC 2009/07"),
    ];
    c.classified_by = Some(ClassifiedBy {
        name: Some("John Q. Sample".into()),
        title: Some("Deputy Permanent Representative".into()),
        raw: "Deputy Permanent Representative John Q. Sample for reasons 1.4 (b), (d)".into(),
    });
    c.reasons = vec![
        Reason::new("1.4", 'b').unwrap(),
        Reason::new("1.4", 'd').unwrap(),
    ];
    c.body = vec![
        para(
            1,
            Some("U"),
            "",
            vec![note(
                NoteKind::Summary,
                "SUMMARY",
                vec![text("Delegates met in Geneva. Nobody agreed on anything.")],
            )],
        ),
        para(
            2,
            Some("C/REL MTCR"),
            "BACKGROUND: set up in 1985. Its terms, as amended in 1986. were never implemented; see\nparagraph 3.",
            vec![],
        ),
        para(
            3,
            Some("S/NF"),
            "The chair opened with three points:",
            vec![
                letter('A', None, "Lists. Keep bullets in one list.", vec![]),
                letter(
                    'B',
                    Some("C"),
                    "Labels. 1. (C) stays; so does - this and + that.",
                    vec![],
                ),
                letter(
                    'C',
                    None,
                    "Leftovers.",
                    vec![list(&["nothing dropped", "nothing added"])],
                ),
                letter(
                    'D',
                    Some("C"),
                    "",
                    vec![
                        heading("MEMBERSHIP *AND* #OTHERS", HeadingStyle::Slashes),
                        text("(BACKGROUND: no new members. END BACKGROUND.) (C)"),
                    ],
                ),
            ],
        ),
        para(
            4,
            Some("C/REL MTCR"),
            "Delegates then made the following points:",
            vec![
                list(&[
                    "The symbols * and _ and the pair < > are text, as are & and [brackets].",
                    "#hashtags, `backticks`, pipes | and a backslash \\ appear; $5 and $6 too.",
                    "A path C:\\KSWG\\2009 and 3 * 4 > 10 & 2 < 5 and &amp; and <b>bold</b>.",
                ]),
                list(&["5. (C) a second list right after the first", "---"]),
                note(
                    NoteKind::Note,
                    "NOTE",
                    vec![
                        text(
                            "The Swiss paper has not been circulated; see http://example.org/a_b_c.",
                        ),
                        note(NoteKind::Note, "NOTE", vec![text("A note in a note.")]),
                    ],
                ),
            ],
        ),
        heading("THE DRAFT STATEMENT # {#id}", HeadingStyle::Dashed),
        para(
            5,
            Some("SBU"),
            "The chair read the draft:",
            vec![note(
                NoteKind::Begin,
                "TEXT",
                vec![
                    text("The Working Group notes\u{0c}the views\u{7}expressed."),
                    text("A second paragraph of the text."),
                ],
            )],
        ),
        text("Unnumbered prose: 1. starts\nmid-line\n\nand - continues = here."),
        heading("LOOKING AHEAD", HeadingStyle::Slashes),
        para(
            7,
            Some("C"),
            "",
            vec![note(
                NoteKind::Comment,
                "COMMENT",
                vec![text("Mission believes the group will keep meeting.")],
            )],
        ),
    ];
    c.signer = Some("KELLERMAN".into());
    c.trailer = vec!["NNNN".into()];
    c.container.origin = Some("US Mission Geneva".into());
    c
}
