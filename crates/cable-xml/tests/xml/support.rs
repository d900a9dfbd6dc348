//! Test helpers: a rich hand-built cable, reading XML back with quick-xml,
//! and validating files with xmllint.

use cable_model::{
    Addressee, Block, Cable, Caveat, Code, ContainerKind, ContainerMeta, Diagnostic, Heading,
    HeadingStyle, Label, LabelValue, Level, List, ListItem, Marking, Note, NoteKind, Paragraph,
    Precedence, PrecedencePair, ReferenceKind, SectionOf, Subject, Tag, Transmission,
};
use cable_testkit::cables;
use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace root.
pub fn root() -> PathBuf {
    cable_testkit::workspace::root()
}

/// Writes one cable with default options.
pub fn to_xml(cable: &Cable) -> String {
    let mut out = Vec::new();
    cable_xml::write(cable, &cable_xml::Options::default(), &mut out).expect("write to a Vec");
    String::from_utf8(out).expect("output is UTF-8")
}

fn marking(level: Level, caveats: Vec<Caveat>, raw: &str) -> Marking {
    cables::marking(Some(level), caveats, raw)
}

fn para(
    label: Option<(LabelValue, &str)>,
    m: Option<Marking>,
    text: &str,
    children: Vec<Block>,
) -> Block {
    let label = label.map(|(value, raw)| Label {
        value,
        raw: raw.into(),
    });
    cables::paragraph(label, m, text, children)
}

/// A cable with every field set, nested body blocks, markup characters
/// and characters XML forbids (`\x0c`, `\x1a`, `\0`, U+FFFE, U+FFFF).
pub fn rich_cable() -> Cable {
    let mut c = cables::state_17183();
    c.section = Some(SectionOf {
        number: 1,
        total: 4,
    });
    c.classification = Some(marking(
        Level::Secret,
        vec![
            Caveat::Noforn,
            Caveat::Rel("USA, GBR".into()),
            Caveat::Other("STADIS".into()),
        ],
        "SECRET//NOFORN",
    ));
    c.banner = Some("S E C R E T SECTION 01 OF 04 STATE 017183".into());
    let utc = c.routing.dtg.as_ref().and_then(|d| d.utc);
    c.routing.precedence = Some(PrecedencePair {
        action: Precedence::Priority,
        info: Some(Precedence::Routine),
    });
    c.routing.to = vec![
        Addressee {
            route: Some("RUEHC".into()),
            name: "AMEMBASSY CANBERRA".into(),
            precedence: Some(Precedence::Immediate),
            niact: true,
            serial: Some("0000".into()),
            excluded: Vec::new(),
        },
        Addressee {
            name: "ALL NATO CAPITALS".into(),
            precedence: Some(Precedence::Flash),
            excluded: vec![
                "USINT HAVANA".into(),
                "AMEMBASSY <BELGRADE> & \"CO\"\x0c".into(),
            ],
            ..Addressee::default()
        },
    ];
    c.routing.info.push(Addressee {
        name: "ALL DIPLOMATIC POSTS".into(),
        excluded: vec!["AMEMBASSY OSLO".into()],
        ..Addressee::default()
    });
    c.transmission = Some(Transmission {
        id: Some("VZCZCXRO4549".into()),
        relay: Some("OO RUEHRG".into()),
        station: Some("RUEHSW".into()),
        serial: Some(881),
        section: Some(1),
        filed: Some("2540944".into()),
        security: Some("ZNY SSSSS ZZH".into()),
    });
    c.tags = ["MTCRE", "PARM", "FR", "KSCA", "CLINTON, HILLARY", "X1"]
        .iter()
        .map(|t| Tag::new(t).unwrap())
        .collect();
    c.subject = Some(Subject {
        text: "MTCR: \"VIEWS\" <ON> 'BRAINSTORMING' & MORE\x0c".into(),
        title: "MTCR: \"Views\" <On> 'Brainstorming' & More\u{FFFE}".into(),
        marking: Some(marking(Level::Confidential, vec![], "C")),
    });
    c.references.push(cables::reference(
        None,
        ReferenceKind::Document,
        None,
        "2009 MTCR POC DOC 008 <draft>",
    ));
    let list = Block::List(List {
        items: vec![
            ListItem {
                marker: "--".into(),
                text: "As agreed & so on <here>.".into(),
                children: vec![Block::Text("nested prose\x1a".into())],
            },
            ListItem {
                marker: "*".into(),
                text: "(if asked only) \"quoted\"".into(),
                children: vec![],
            },
        ],
    });
    c.body = vec![
        para(
            Some((LabelValue::Number(1), "1")),
            Some(marking(
                Level::Confidential,
                vec![Caveat::Rel("MTCR".into())],
                "C/REL MTCR",
            )),
            "SUMMARY: first paragraph.",
            vec![],
        ),
        Block::Heading(Heading {
            text: "THE DRAFT STATEMENT".into(),
            style: HeadingStyle::Dashed,
        }),
        para(
            Some((LabelValue::Number(5), "15")),
            Some(Marking {
                level: None,
                caveats: vec![Caveat::Noforn],
                raw: "NF".into(),
            }),
            "TALKING POINTS:",
            vec![
                para(
                    Some((LabelValue::Letter('A'), "A")),
                    None,
                    "Sub-paragraph A.",
                    vec![list],
                ),
                Block::Note(Note {
                    kind: NoteKind::Begin,
                    title: "TEXT".into(),
                    blocks: vec![Block::Text("Quoted text\0 here.".into())],
                    closed: false,
                }),
            ],
        ),
        para(
            None,
            None,
            "",
            vec![Block::Text("A paragraph without a first run.".into())],
        ),
        Block::Note(Note {
            kind: NoteKind::Comment,
            title: "COMMENT".into(),
            blocks: vec![para(
                Some((LabelValue::Number(7), "7")),
                Some(marking(Level::Unclassified, vec![Caveat::Sbu], "SBU")),
                "Comment text.\u{FFFF}",
                vec![],
            )],
            closed: true,
        }),
        Block::Heading(Heading {
            text: "LOOKING AHEAD".into(),
            style: HeadingStyle::Slashes,
        }),
    ];
    c.container = ContainerMeta {
        kind: ContainerKind::CablesCsv,
        id: Some("09STATE17183".into()),
        date_raw: Some("2/24/2009 21:58".into()),
        date: utc,
        origin: Some("Secretary of State".into()),
        classification: Some("SECRET//NOFORN".into()),
        references: vec!["09STATE4690".into()],
        ..ContainerMeta::default()
    };
    c.diagnostics = vec![
        Diagnostic::new(
            Code::RepairedParagraphNumber,
            Some(48),
            "label 15 read as 5",
        ),
        Diagnostic::new(
            Code::ControlCharacters,
            None,
            "control characters kept: \x0c",
        ),
    ];
    c
}

/// What the round trip compares: the parts of the model a downstream
/// reader most relies on.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct View {
    pub id: Option<String>,
    pub tags: Vec<String>,
    pub subject: Option<String>,
    pub subject_title: Option<String>,
    /// (element, name, excluded stations) of every addressee in order.
    pub addressees: Vec<(String, String, Vec<String>)>,
    /// (label, kind, id, text)
    pub references: Vec<(Option<String>, String, Option<String>, String)>,
    /// Every `<paragraph>`'s n and first text, in document order.
    pub paragraphs: Vec<(Option<String>, String)>,
}

/// The view of a model, with text cleaned as the writer cleans it.
pub fn view_of(cable: &Cable) -> View {
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                '\t' | '\n' | '\r' => c,
                c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => '\u{FFFD}',
                c => c,
            })
            .collect()
    };
    let mut paragraphs = Vec::new();
    collect_paragraphs(&cable.body, &mut |p: &Paragraph| {
        paragraphs.push((
            p.label.as_ref().map(|l| clean(&l.value.to_string())),
            clean(&p.text),
        ));
    });
    View {
        id: cable.id.as_ref().map(|i| i.as_str().to_owned()),
        tags: cable.tags.iter().map(|t| clean(t.as_str())).collect(),
        subject: cable.subject.as_ref().map(|s| clean(&s.text)),
        subject_title: cable.subject.as_ref().map(|s| clean(&s.title)),
        addressees: [("from", cable.routing.from.as_slice())]
            .into_iter()
            .chain([
                ("to", &cable.routing.to[..]),
                ("info", &cable.routing.info[..]),
            ])
            .flat_map(|(el, list)| {
                list.iter().map(move |a| {
                    (
                        el.to_owned(),
                        clean(&a.name),
                        a.excluded.iter().map(|s| clean(s)).collect(),
                    )
                })
            })
            .collect(),
        references: cable
            .references
            .iter()
            .map(|r| {
                (
                    r.label.map(|c| clean(&c.to_string())),
                    r.kind.name().to_owned(),
                    r.id.as_ref().map(|i| i.as_str().to_owned()),
                    clean(&r.text),
                )
            })
            .collect(),
        paragraphs,
    }
}

fn collect_paragraphs(blocks: &[Block], f: &mut dyn FnMut(&Paragraph)) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => {
                f(p);
                collect_paragraphs(&p.children, f);
            }
            Block::List(l) => l
                .items
                .iter()
                .for_each(|i| collect_paragraphs(&i.children, f)),
            Block::Note(n) => collect_paragraphs(&n.blocks, f),
            _ => {}
        }
    }
}

/// Reads the view back from a single-cable document with quick-xml's
/// reader. Panics (with the reader's error) on malformed XML.
pub fn read_back(xml: &str) -> View {
    let mut reader = Reader::from_str(xml);
    let mut view = View::default();
    let mut path: Vec<String> = Vec::new();
    let mut attrs: Vec<Vec<(String, String)>> = Vec::new();
    let mut text = String::new();
    loop {
        match reader
            .read_event()
            .unwrap_or_else(|e| panic!("malformed XML at {}: {e}", reader.error_position()))
        {
            Event::Start(e) => {
                path.push(e.local_name().as_ref().to_owned());
                attrs.push(
                    e.attributes()
                        .map(|a| {
                            let a = a.expect("well-formed attribute");
                            (
                                a.key.as_ref().to_owned(),
                                a.normalized_value(XmlVersion::Explicit1_0)
                                    .expect("attribute value")
                                    .into_owned(),
                            )
                        })
                        .collect(),
                );
                text.clear();
                let p: Vec<&str> = path.iter().map(String::as_str).collect();
                if p.last() == Some(&"paragraph") {
                    let n = attr(attrs.last().unwrap(), "n");
                    view.paragraphs.push((n, String::new()));
                }
            }
            Event::Empty(e) => {
                // Empty leaves: the text is "".
                let name = e.local_name().as_ref().to_owned();
                let a: Vec<(String, String)> = e
                    .attributes()
                    .map(|a| {
                        let a = a.unwrap();
                        (
                            a.key.as_ref().to_owned(),
                            a.normalized_value(XmlVersion::Explicit1_0)
                                .unwrap()
                                .into_owned(),
                        )
                    })
                    .collect();
                path.push(name);
                attrs.push(a);
                text.clear();
                leaf(&path, &attrs, "", &mut view);
                path.pop();
                attrs.pop();
            }
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => match r.resolve_char_ref().expect("valid char ref") {
                Some(c) => text.push(c),
                None => text.push_str(match r.as_ref() {
                    "lt" => "<",
                    "gt" => ">",
                    "amp" => "&",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("undeclared entity &{other};"),
                }),
            },
            Event::End(_) => {
                leaf(&path, &attrs, &text, &mut view);
                text.clear();
                path.pop();
                attrs.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(path.is_empty(), "unclosed elements: {path:?}");
    view
}

fn attr(attrs: &[(String, String)], name: &str) -> Option<String> {
    attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
}

fn leaf(path: &[String], attrs: &[Vec<(String, String)>], text: &str, view: &mut View) {
    let p: Vec<&str> = path.iter().map(String::as_str).collect();
    let a = attrs.last().map(Vec::as_slice).unwrap_or(&[]);
    match p.as_slice() {
        ["cable", "id"] | ["cables", "cable", "id"] => view.id = Some(text.to_owned()),
        [.., "tags", "tag"] => view.tags.push(text.to_owned()),
        [.., "subject", "text"] => view.subject = Some(text.to_owned()),
        [.., "subject", "title"] => view.subject_title = Some(text.to_owned()),
        [.., "routing", el @ ("from" | "to" | "info")] => {
            view.addressees
                .push(((*el).to_owned(), text.to_owned(), Vec::new()));
        }
        // An `<excluded>` belongs to the addressee element before it.
        [.., "routing", "excluded"] => match view.addressees.last_mut() {
            Some(a) => a.2.push(text.to_owned()),
            None => panic!("<excluded> before any addressee"),
        },
        [.., "references", "reference"] => view.references.push((
            attr(a, "label"),
            attr(a, "kind").unwrap_or_default(),
            attr(a, "id"),
            text.to_owned(),
        )),
        [.., "paragraph", "text"] => {
            if let Some(last) = view.paragraphs.last_mut() {
                last.1 = text.to_owned();
            }
        }
        _ => {}
    }
}

/// Checks what quick-xml's reader does not: the document is well-formed
/// (balanced, attributes well-formed) and holds only characters XML 1.0
/// allows, both raw and as character references.
pub fn assert_well_formed(xml: &str) {
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    for (i, c) in xml.char_indices() {
        assert!(
            matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..),
            "forbidden character {c:?} at byte {i}"
        );
    }
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut depth = 0i64;
    let mut roots = 0;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                if depth == 0 {
                    roots += 1;
                }
                depth += 1;
                for a in e.attributes() {
                    a.expect("well-formed attribute")
                        .normalized_value(XmlVersion::Explicit1_0)
                        .expect("attribute value unescapes");
                }
            }
            Ok(Event::Empty(e)) => {
                if depth == 0 {
                    roots += 1;
                }
                for a in e.attributes() {
                    a.expect("well-formed attribute")
                        .normalized_value(XmlVersion::Explicit1_0)
                        .expect("attribute value unescapes");
                }
            }
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Text(t)) => {
                assert!(depth > 0 || t.trim().is_empty(), "text outside the root");
            }
            Ok(Event::GeneralRef(r)) => {
                assert!(depth > 0, "reference outside the root");
                match r.resolve_char_ref() {
                    Ok(Some(c)) => assert!(
                        matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..),
                        "forbidden character reference {c:?}"
                    ),
                    Ok(None) => assert!(
                        matches!(r.as_ref(), "lt" | "gt" | "amp" | "quot" | "apos"),
                        "undeclared entity"
                    ),
                    Err(e) => panic!("bad character reference: {e}"),
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("malformed XML at {}: {e}", reader.error_position()),
        }
    }
    assert_eq!(
        (depth, roots),
        (0, 1),
        "unbalanced document or not one root"
    );
}

/// Whether xmllint is there ([`cable_testkit::tools::xmllint`]: a SKIP
/// notice when it is not, a failure under `CABLEKIT_REQUIRE_ORACLES=1`).
pub fn have_xmllint(test: &str) -> bool {
    cable_testkit::tools::xmllint(test).is_some()
}

/// Validates files against docs/cable.xsd and docs/cable.rng, in one
/// xmllint run per schema (and per 500 files); panics with xmllint's
/// complaints when any is invalid.
pub fn xmllint_validate(files: &[PathBuf]) {
    if files.is_empty() {
        return;
    }
    let schemas = [
        ("--schema", root().join("docs/cable.xsd")),
        ("--relaxng", root().join("docs/cable.rng")),
    ];
    for (flag, schema) in &schemas {
        for chunk in files.chunks(500) {
            let out = Command::new("xmllint")
                .arg("--noout")
                .arg(flag)
                .arg(schema)
                .args(chunk)
                .output()
                .expect("run xmllint");
            let stderr = String::from_utf8_lossy(&out.stderr);
            let complaints: Vec<&str> = stderr
                .lines()
                .filter(|l| !l.ends_with(" validates"))
                .collect();
            assert!(
                out.status.success() && complaints.is_empty(),
                "xmllint {flag} {} rejected output:\n{}",
                schema.display(),
                complaints
                    .iter()
                    .take(40)
                    .copied()
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }
}

/// Whether both schemas reject `file` (each xmllint run must fail).
pub fn xmllint_rejects(file: &Path) -> bool {
    [
        ("--schema", root().join("docs/cable.xsd")),
        ("--relaxng", root().join("docs/cable.rng")),
    ]
    .iter()
    .all(|(flag, schema)| {
        let out = Command::new("xmllint")
            .arg("--noout")
            .arg(flag)
            .arg(schema)
            .arg(file)
            .output()
            .expect("run xmllint");
        !out.status.success()
    })
}
