//! Arbitrary model contents (control characters, U+FFFE/U+FFFF, the
//! U+FFFD that lone surrogates decode to, markup characters, very long
//! strings, deep nesting) always give well-formed XML that round-trips,
//! and a batch of them is schema-valid.

use crate::support;
use cable_model::{
    Addressee, Block, Cable, CableId, Caveat, ClassifiedBy, Code, ContainerKind, ContainerMeta,
    Date, Declassify, Diagnostic, Dtg, ExecutiveOrder, Heading, HeadingStyle, Label, LabelValue,
    Level, List, ListItem, Marking, Note, NoteKind, Paragraph, Precedence, PrecedencePair, Reason,
    Reference, ReferenceKind, SectionOf, Severity, Subject, Tag, Timestamp, Transmission,
};
use cable_testkit::{generators, stress};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

/// A string of `len` characters drawn from `seed`, weighted towards the
/// troublesome ones: C0 controls, U+FFFE, U+FFFF, U+FFFD (what a lone
/// surrogate decodes to), markup characters, C1 controls, astral
/// characters. (Drawing characters one proptest value at a time is two
/// orders of magnitude slower in a debug build; this keeps the test quick
/// while shrinking still reduces length and seed.)
fn chars_from(len: usize, seed: u64) -> String {
    const SPECIAL: &[char] = &[
        '<',
        '>',
        '&',
        '"',
        '\'',
        ']',
        ' ',
        '\t',
        '\n',
        '\r',
        '\u{7f}',
        '\u{85}',
        '\u{FFFD}',
        '\u{FFFE}',
        '\u{FFFF}',
        '\u{D7FF}',
        '\u{E000}',
        '\u{10FFFF}',
        '\u{1F600}',
        'é',
    ];
    let mut x = seed | 1;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    (0..len)
        .map(|_| {
            let r = next();
            match r % 8 {
                0 | 1 => char::from_u32((r >> 8) as u32 % 0x20).unwrap_or('?'),
                2 | 3 => SPECIAL[(r >> 8) as usize % SPECIAL.len()],
                4 | 5 => char::from(b'A' + ((r >> 8) % 26) as u8),
                _ => char::from_u32((r >> 8) as u32 % 0x11_0000).unwrap_or('\u{FFFD}'),
            }
        })
        .collect()
}

/// Short strings usually, sometimes very long ones (10k-80k characters).
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        100 => (0usize..24, any::<u64>()).prop_map(|(len, seed)| chars_from(len, seed)),
        1 => (1usize..8, any::<u64>(), 1_000usize..10_000)
            .prop_map(|(len, seed, n)| chars_from(len, seed).repeat(n)),
    ]
}

fn opt<T: std::fmt::Debug>(s: impl Strategy<Value = T>) -> impl Strategy<Value = Option<T>> {
    prop::option::of(s)
}

fn level() -> impl Strategy<Value = Level> {
    prop::sample::select(vec![
        Level::Unclassified,
        Level::LimitedOfficialUse,
        Level::Confidential,
        Level::Secret,
        Level::TopSecret,
    ])
}

fn caveat() -> impl Strategy<Value = Caveat> {
    prop_oneof![
        prop::sample::select(vec![
            Caveat::Noforn,
            Caveat::Sipdis,
            Caveat::Exdis,
            Caveat::Nodis,
            Caveat::Limdis,
            Caveat::Sbu,
            Caveat::Fouo,
            Caveat::Orcon,
        ]),
        text().prop_map(Caveat::Rel),
        text().prop_map(Caveat::Other),
    ]
}

fn marking() -> impl Strategy<Value = Marking> {
    (opt(level()), prop::collection::vec(caveat(), 0..3), text()).prop_map(
        |(level, caveats, raw)| Marking {
            level,
            caveats,
            raw,
        },
    )
}

fn precedence() -> impl Strategy<Value = Precedence> {
    prop::sample::select(vec![
        Precedence::Routine,
        Precedence::Priority,
        Precedence::Immediate,
        Precedence::Flash,
    ])
}

fn date() -> impl Strategy<Value = Date> {
    (0u16..=9999, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (date(), 0u8..24, 0u8..60).prop_map(|(d, h, m)| Timestamp::new(d, h, m).unwrap())
}

fn cable_id() -> impl Strategy<Value = CableId> {
    (1966u16..=2099, "[A-Z]{1,12}", any::<u32>())
        .prop_map(|(y, s, n)| CableId::new(y, &s, n).unwrap())
}

fn addressee() -> impl Strategy<Value = Addressee> {
    generators::addressee(text)
}

fn label() -> impl Strategy<Value = Label> {
    (
        prop_oneof![
            any::<u32>().prop_map(LabelValue::Number),
            any::<char>().prop_map(LabelValue::Letter)
        ],
        text(),
    )
        .prop_map(|(value, raw)| Label { value, raw })
}

fn block() -> impl Strategy<Value = Block> {
    let leaf = prop_oneof![
        text().prop_map(Block::Text),
        (
            text(),
            prop::sample::select(vec![
                HeadingStyle::Dashed,
                HeadingStyle::Underlined,
                HeadingStyle::Slashes,
                HeadingStyle::Line
            ])
        )
            .prop_map(|(text, style)| Block::Heading(Heading { text, style })),
        (opt(label()), opt(marking()), text()).prop_map(|(label, marking, text)| {
            Block::Paragraph(Paragraph {
                label,
                marking,
                text,
                children: Vec::new(),
            })
        }),
    ];
    leaf.prop_recursive(6, 48, 4, |inner| {
        let kids = prop::collection::vec(inner, 0..4);
        prop_oneof![
            (opt(label()), opt(marking()), text(), kids.clone()).prop_map(
                |(label, marking, text, children)| Block::Paragraph(Paragraph {
                    label,
                    marking,
                    text,
                    children,
                })
            ),
            prop::collection::vec(
                (text(), text(), kids.clone()).prop_map(|(marker, text, children)| ListItem {
                    marker,
                    text,
                    children
                }),
                0..4
            )
            .prop_map(|items| Block::List(List { items })),
            (
                prop::sample::select(vec![
                    NoteKind::Note,
                    NoteKind::Summary,
                    NoteKind::Comment,
                    NoteKind::Begin
                ]),
                text(),
                kids,
                any::<bool>()
            )
                .prop_map(|(kind, title, blocks, closed)| Block::Note(Note {
                    kind,
                    title,
                    blocks,
                    closed,
                })),
        ]
    })
}

fn header() -> impl Strategy<Value = Cable> {
    (
        (
            opt(cable_id()),
            opt((any::<u16>(), any::<u16>())),
            opt(marking()),
            opt(text()),
        ),
        (
            opt((precedence(), opt(precedence()))),
            opt((text(), opt(timestamp()))),
            prop::collection::vec(text(), 0..2),
            opt(addressee()),
            prop::collection::vec(addressee(), 0..3),
            prop::collection::vec(addressee(), 0..3),
        ),
        opt((
            opt(text()),
            opt(text()),
            opt(text()),
            opt(any::<u32>()),
            opt(any::<u16>()),
            opt(text()),
            opt(text()),
        )),
        prop::collection::vec(text(), 0..3),
        opt((opt(text()), text())),
        opt(prop_oneof![
            date().prop_map(Declassify::Date),
            text().prop_map(Declassify::Text)
        ]),
    )
        .prop_map(|(ident, routing, tr, handling, eo, declassify)| {
            let mut c = Cable::default();
            c.id = ident.0;
            c.section = ident.1.map(|(number, total)| SectionOf { number, total });
            c.classification = ident.2;
            c.banner = ident.3;
            c.routing.precedence = routing
                .0
                .map(|(action, info)| PrecedencePair { action, info });
            c.routing.dtg = routing.1.map(|(raw, utc)| Dtg { raw, utc });
            c.routing.operating_signals = routing.2;
            c.routing.from = routing.3;
            c.routing.to = routing.4;
            c.routing.info = routing.5;
            c.transmission = tr.map(|t| Transmission {
                id: t.0,
                relay: t.1,
                station: t.2,
                serial: t.3,
                section: t.4,
                filed: t.5,
                security: t.6,
            });
            c.handling = handling;
            c.executive_order = eo.map(|(number, raw)| ExecutiveOrder { number, raw });
            c.declassify = declassify;
            c
        })
}

/// Tags refuse control characters and lower case: draw from what they
/// allow (markup characters and U+FFFE/U+FFFF included) rather than
/// filtering arbitrary text, which would reject nearly everything.
fn tag() -> impl Strategy<Value = Tag> {
    let c = prop_oneof![
        4 => prop::char::range('A', 'Z'),
        1 => prop::sample::select(vec![' ', ',', '.', '&', '<', '>', '"', '\'', '\u{FFFE}', '\u{FFFF}', 'É']),
    ];
    prop::collection::vec(c, 1..12)
        .prop_filter_map("blank tag", |cs| Tag::new(&String::from_iter(cs)))
}

fn reason() -> impl Strategy<Value = Reason> {
    (
        1u16..=999,
        0u16..=999,
        prop::char::range('a', 'z'),
        any::<bool>(),
    )
        .prop_map(|(a, b, letter, upper)| {
            let letter = if upper {
                letter.to_ascii_uppercase()
            } else {
                letter
            };
            Reason::new(&format!("{a}.{b}"), letter).unwrap()
        })
}

fn reference() -> impl Strategy<Value = Reference> {
    (
        opt(any::<char>()),
        prop::sample::select(vec![
            ReferenceKind::Cable,
            ReferenceKind::Email,
            ReferenceKind::Telcon,
            ReferenceKind::Memo,
            ReferenceKind::Document,
            ReferenceKind::Other,
        ]),
        opt(cable_id()),
        text(),
    )
        .prop_map(|(label, kind, id, text)| Reference {
            label,
            kind,
            id,
            text,
        })
}

fn diagnostic() -> impl Strategy<Value = Diagnostic> {
    (
        prop::sample::select(Code::ALL.to_vec()),
        prop::sample::select(vec![Severity::Info, Severity::Warning, Severity::Error]),
        opt(any::<u32>()),
        text(),
    )
        .prop_map(|(code, severity, line, message)| Diagnostic {
            code,
            severity,
            line,
            message,
        })
}

fn container() -> impl Strategy<Value = ContainerMeta> {
    (
        prop::sample::select(vec![
            ContainerKind::Text,
            ContainerKind::CablesCsv,
            ContainerKind::CablegateHtml,
        ]),
        opt(text()),
        opt(text()),
        opt(timestamp()),
        opt(text()),
        opt(text()),
        prop::collection::vec(text(), 0..3),
        opt(text()),
    )
        .prop_map(
            |(kind, id, date_raw, date, origin, classification, references, released)| {
                ContainerMeta {
                    kind,
                    id,
                    date_raw,
                    date,
                    origin,
                    classification,
                    references,
                    released,
                    ..ContainerMeta::default()
                }
            },
        )
}

fn cable() -> impl Strategy<Value = Cable> {
    (
        header(),
        prop::collection::vec(tag(), 0..5),
        opt((text(), text(), opt(marking()))),
        prop::collection::vec(reference(), 0..4),
        opt((opt(text()), opt(text()), text())),
        prop::collection::vec(reason(), 0..3),
        prop::collection::vec(block(), 0..5),
        (opt(text()), prop::collection::vec(text(), 0..2)),
        container(),
        prop::collection::vec(diagnostic(), 0..3),
    )
        .prop_map(
            |(
                mut c,
                tags,
                subject,
                references,
                classified_by,
                reasons,
                body,
                end,
                container,
                diagnostics,
            )| {
                c.tags = tags;
                c.subject = subject.map(|(text, title, marking)| Subject {
                    text,
                    title,
                    marking,
                });
                c.references = references;
                c.classified_by =
                    classified_by.map(|(name, title, raw)| ClassifiedBy { name, title, raw });
                c.reasons = reasons;
                c.body = body;
                c.signer = end.0;
                c.trailer = end.1;
                c.container = container;
                c.diagnostics = diagnostics;
                c
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_cable_gives_well_formed_xml_that_round_trips(cable in cable()) {
        let mut out = Vec::new();
        let stats = cable_xml::write_counting(&cable, &cable_xml::Options::default(), &mut out).unwrap();
        let xml = String::from_utf8(out).unwrap();
        support::assert_well_formed(&xml);
        prop_assert_eq!(support::read_back(&xml), support::view_of(&cable));
        prop_assert_eq!(
            stats.replaced_characters > 0,
            xml.contains("<diagnostic code=\"xml-character-replaced\"")
        );
    }
}

#[test]
fn a_batch_of_arbitrary_cables_is_schema_valid() {
    if !support::have_xmllint("property schema validation") {
        return;
    }
    let mut runner = TestRunner::deterministic();
    let strategy = cable();
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    let mut collection = cable_xml::CollectionWriter::new(Vec::new());
    for i in 0..300 {
        let cable = strategy.new_tree(&mut runner).unwrap().current();
        let file = dir.path().join(format!("{i:03}.xml"));
        std::fs::write(&file, support::to_xml(&cable)).unwrap();
        files.push(file);
        collection.add(&cable).unwrap();
    }
    let all = dir.path().join("all.xml");
    std::fs::write(&all, collection.finish().unwrap()).unwrap();
    files.push(all);
    support::xmllint_validate(&files);
}

// ---------------------------------------------------------------------
// Time linear in the input, and bounded nesting, on the worker-stack
// harness's cases (`cable_testkit::stress`).

fn write_default(cable: &Cable) {
    drop(support::to_xml(cable));
}

/// The stress inputs of the worker-stack harness, each 1x/4x: the
/// indentation cycle found quadratic in the Pandoc writer, a long flat
/// list, and a model deeper than the parser nests (the levels past
/// `MAX_NESTING` are written flat, so indentation stops growing: it made
/// the output quadratic in the depth, and readers with a depth limit,
/// xmllint's 256, can read it).
#[test]
fn xml_writes_in_linear_time() {
    stress::writer_is_linear("xml", cable_parse::parse, write_default);
}

/// A model a hundred times deeper than `MAX_NESTING`, written on a 2 MiB
/// stack: well-formed, every text in order, and valid against both
/// schemas (xmllint, which refuses elements nested 256 deep).
#[test]
fn xml_deep_nesting_on_worker_stack_keeps_every_text() {
    let xml =
        stress::deep_model_on_worker_stack(stress::DEEP_LEVELS, |deep| vec![support::to_xml(deep)])
            .remove(0);
    support::assert_well_formed(&xml);
    if support::have_xmllint("xml_deep_nesting_on_worker_stack_keeps_every_text") {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("deep.xml");
        std::fs::write(&file, xml).unwrap();
        support::xmllint_validate(&[file]);
    }
}

#[test]
fn xml_deepest_parsed_nesting_on_worker_stack() {
    stress::deepest_parsed_on_worker_stack(
        cable_parse::parse,
        |cable| {
            let xml = support::to_xml(cable);
            support::assert_well_formed(&xml);
            vec![xml]
        },
        "sub item",
    );
}
