//! Property-test generators shared by the parser's and the writers'
//! property tests: text mixing real cable tokens with characters that are
//! markup, control characters or non-characters somewhere downstream.

use cable_model::{Addressee, Precedence};
use proptest::prelude::*;

/// Real cable tokens and the characters and strings some format treats
/// specially (XML, YAML, Markdown, Pandoc, terminals), mixed at random
/// with noise by [`piece`].
pub const TOKENS: &[&str] = &[
    "SUBJECT: ",
    "SUBJECT: SUBJECT: ",
    "REF: ",
    "REF: A. STATE 4690 B. 08 STATE 129729",
    "A. ",
    "1. (C) ",
    "2. (S//NF) ",
    "15. (U) ",
    "(a) ",
    "NOTE: ",
    "END NOTE.",
    "BEGIN TEXT:",
    "END TEXT.",
    "BEGIN ",
    "END ",
    "SUMMARY: ",
    "END SUMMARY.",
    "COMMENT: ",
    "END COMMENT.",
    "--",
    "-- ",
    "TAGS: ",
    "TAGS: PREL, PGOV, OVIP (CLINTON, HILLARY)",
    "E.O. 12958: DECL: 02/28/2019",
    "E.O. ",
    "PAGE 02 ",
    "PAGE 02 STATE 017183 242158Z",
    "SIPDIS",
    "¶",
    "C O N F I D E N T I A L",
    "SECRET//NOFORN",
    "UNCLAS ",
    "SECTION 01 OF 04 ",
    "P R 242158Z FEB 09",
    "FM SECSTATE WASHDC",
    "TO AMEMBASSY CANBERRA PRIORITY",
    "INFO ",
    "TO ALL DIPLOMATIC POSTS IMMEDIATE\n",
    "XMT USINT HAVANA\n",
    "XMT ",
    "INFO ALL DIPLOMATIC AND CONSULAR POSTS PRIORITY XMT AMEMBASSY BELGRADE\n",
    "VZCZCXRO4549",
    "DE RUEHSW #0881/01 2540944",
    "ZNY SSSSS ZZH",
    "Classified By: Ambassador X for Reasons 1.4 (b) and (d).",
    "CLINTON",
    "NNNN",
    "End Cable Text",
    "[B](#). ",
    "////////",
    "--------",
    "=====",
    "\u{FFFE}",
    "\u{FFFF}",
    "\u{FEFF}",
    "\u{0}",
    "\u{1b}[0m",
    "\u{c}",
    "\r\n",
    "\r",
    "\t",
    "⁸",
    "<![CDATA[",
    "]]>",
    "&amp;",
    "# ",
    "* ",
    "`",
    "\\",
    "|",
    "C O N F I D E N T I A L STATE 017183",
    "-------- THE DRAFT --------",
    "\u{85}",
    "\u{2028}",
    "<!--",
    "<?xml",
    "&#0;",
    "---\n",
    "+++\n",
    "$$",
    "{=html}",
    ": ",
    "- ",
    "? ",
    "&anchor ",
    "*alias ",
    "!!binary ",
    "NO",
    "~",
    "null",
    "0x1F",
    "1e9",
    "\"",
    "'",
];

/// One piece of a generated cable: a token, a line break, capitals and
/// punctuation, any string, a few arbitrary characters, or a long line.
pub fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        5 => proptest::sample::select(TOKENS).prop_map(str::to_owned),
        3 => Just("\n".to_owned()),
        1 => Just("\n\n".to_owned()),
        2 => "[A-Z0-9 .,:()/-]{1,24}",
        1 => any::<String>(),
        1 => proptest::collection::vec(any::<char>(), 0..8).prop_map(|v| v.into_iter().collect()),
        1 => (1usize..3000).prop_map(|n| "X".repeat(n)),
    ]
}

/// A text of up to 60 [`piece`]s: something like a cable, or not at all.
pub fn cable_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..60).prop_map(|v| v.concat())
}

/// A short string (up to 6 [`piece`]s) biased to the characters writers
/// must escape, for a model's fields.
pub fn hostile() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..6).prop_map(|v| v.concat())
}

/// An addressee whose strings (route, name, serial, the stations its `XMT`
/// lines exclude) come from the strategies `text` makes: up to three
/// excluded stations, so the writers' properties cover
/// `Addressee::excluded`.
pub fn addressee<S>(text: impl Fn() -> S) -> impl Strategy<Value = Addressee>
where
    S: Strategy<Value = String>,
{
    (
        proptest::option::of(text()),
        text(),
        proptest::option::of(proptest::sample::select(vec![
            Precedence::Routine,
            Precedence::Priority,
            Precedence::Immediate,
            Precedence::Flash,
        ])),
        any::<bool>(),
        proptest::option::of(text()),
        proptest::collection::vec(text(), 0..4),
    )
        .prop_map(
            |(route, name, precedence, niact, serial, excluded)| Addressee {
                route,
                name,
                precedence,
                niact,
                serial,
                excluded,
            },
        )
}
