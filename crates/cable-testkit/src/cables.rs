//! Builders for hand-built cables, so that a writer's tests can build the
//! model a case needs without the parser: one short function per
//! construct of the cable, taking what is written in it.

use cable_model::{
    Addressee, Block, CableId, Caveat, Heading, HeadingStyle, Label, LabelValue, Level, List,
    ListItem, Marking, Note, NoteKind, Paragraph, Precedence, Reference, ReferenceKind,
};

/// A paragraph number as written (`1`).
pub fn number(n: u32) -> Option<Label> {
    Some(Label {
        value: LabelValue::Number(n),
        raw: n.to_string(),
    })
}

/// A sub-paragraph letter as written (`A`).
pub fn letter(c: char) -> Option<Label> {
    Some(Label {
        value: LabelValue::Letter(c),
        raw: c.to_string(),
    })
}

/// A label whose number was read from something else, e.g. `15` repaired
/// to `5`.
pub fn repaired(n: u32, raw: &str) -> Option<Label> {
    Some(Label {
        value: LabelValue::Number(n),
        raw: raw.into(),
    })
}

/// A paragraph: its label, portion marking, first run of text and the
/// blocks it holds.
pub fn paragraph(
    label: Option<Label>,
    marking: Option<Marking>,
    text: &str,
    children: Vec<Block>,
) -> Block {
    Block::Paragraph(Paragraph {
        label,
        marking,
        text: text.into(),
        children,
    })
}

/// A marking of `level` with `caveats`, as written (`raw`).
pub fn marking(level: Option<Level>, caveats: Vec<Caveat>, raw: &str) -> Marking {
    Marking {
        level,
        caveats,
        raw: raw.into(),
    }
}

/// A portion marking as written inside the parentheses (`C`, `S/NF`,
/// `SBU`): its level from the first part, no caveats.
pub fn portion(raw: &str) -> Marking {
    let level = match raw.split('/').next().unwrap_or("") {
        "U" | "SBU" => Some(Level::Unclassified),
        "C" => Some(Level::Confidential),
        "S" => Some(Level::Secret),
        "TS" => Some(Level::TopSecret),
        _ => None,
    };
    marking(level, vec![], raw)
}

/// A line of prose outside any paragraph.
pub fn text(t: &str) -> Block {
    Block::Text(t.into())
}

/// A list of `--` items without children.
pub fn list(items: &[&str]) -> Block {
    Block::List(List {
        items: items
            .iter()
            .map(|t| ListItem {
                marker: "--".into(),
                text: (*t).into(),
                children: vec![],
            })
            .collect(),
    })
}

/// A heading between paragraphs.
pub fn heading(t: &str, style: HeadingStyle) -> Block {
    Block::Heading(Heading {
        text: t.into(),
        style,
    })
}

/// A note (`NOTE: … END NOTE.`, `BEGIN TEXT: … END TEXT.`), closed or not.
pub fn note(kind: NoteKind, title: &str, blocks: Vec<Block>, closed: bool) -> Block {
    Block::Note(Note {
        kind,
        title: title.into(),
        blocks,
        closed,
    })
}

/// A routing line's addressee: routing indicator, name, precedence and
/// serial number (not NIACT).
pub fn addressee(
    route: Option<&str>,
    name: &str,
    precedence: Option<Precedence>,
    serial: Option<&str>,
) -> Addressee {
    Addressee {
        route: route.map(Into::into),
        name: name.into(),
        precedence,
        niact: false,
        serial: serial.map(Into::into),
        excluded: Vec::new(),
    }
}

/// A REF line's entry: its label, kind, the cable id it names (checked)
/// and the text as written.
pub fn reference(
    label: Option<char>,
    kind: ReferenceKind,
    id: Option<&str>,
    text: &str,
) -> Reference {
    Reference {
        label,
        kind,
        id: id.and_then(CableId::parse),
        text: text.into(),
    }
}

/// The header the Pandoc and XML writers' hand-built cables share, after
/// the MTCR cable `09STATE17183` (section 1 of 2): date-time group,
/// operating signal, from, info, handling, E.O. with its declassification
/// date, references to a cable in the same year, one of an earlier year
/// (`08 STATE 129729`) and an e-mail, the classifier with two reasons, the
/// signer and the trailer. Each writer's tests add the classification,
/// precedence and addressees, tags, subject and body its format needs.
pub fn state_17183() -> cable_model::Cable {
    use cable_model::{
        Cable, ClassifiedBy, Date, Declassify, Dtg, ExecutiveOrder, Reason, SectionOf, Timestamp,
    };
    let date = Date::new(2009, 2, 24).expect("a date");
    let mut c = Cable {
        id: CableId::new(2009, "STATE", 17183),
        section: Some(SectionOf {
            number: 1,
            total: 2,
        }),
        ..Cable::default()
    };
    c.routing.dtg = Some(Dtg {
        raw: "242158Z FEB 09".into(),
        utc: Timestamp::new(date, 21, 58),
    });
    c.routing.operating_signals = vec!["ZFF4".into()];
    c.routing.from = Some(addressee(None, "SECSTATE WASHDC", None, None));
    c.routing.info = vec![addressee(
        None,
        "MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE",
        None,
        None,
    )];
    c.handling = vec!["PARIS FOR POL".into(), "NOFORN".into()];
    c.executive_order = Some(ExecutiveOrder {
        number: Some("12958".into()),
        raw: "E.O. 12958: DECL: 02/28/2019".into(),
    });
    c.declassify = Date::new(2019, 2, 28).map(Declassify::Date);
    c.references = vec![
        reference(
            Some('A'),
            ReferenceKind::Cable,
            Some("09STATE4690"),
            "STATE 4690",
        ),
        reference(
            Some('B'),
            ReferenceKind::Cable,
            Some("08STATE129729"),
            "08 STATE 129729",
        ),
        reference(
            Some('C'),
            ReferenceKind::Email,
            None,
            "SMITH-DURHAM E MAIL OF 10-08-08",
        ),
    ];
    c.classified_by = Some(ClassifiedBy {
        name: Some("Pam Durham".into()),
        title: Some("isn/mtr director".into()),
        raw: "isn/mtr director Pam Durham.".into(),
    });
    c.reasons = ['b', 'd']
        .into_iter()
        .filter_map(|l| Reason::new("1.4", l))
        .collect();
    c.signer = Some("CLINTON".into());
    c.trailer = vec!["NNNN".into()];
    c
}

/// A piece of a body's text, as a reader meets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// A paragraph's label as written (`15`).
    Label(&'a str),
    /// A paragraph's portion marking as written (`C/REL MTCR`).
    Marking(&'a str),
    /// A run of text: a paragraph's first run, prose, a list item, a
    /// heading.
    Text(&'a str),
}

/// The pieces of `blocks`, in reading order (a note's title is not one:
/// writers may spell it their own way).
pub fn pieces(blocks: &[Block]) -> Vec<Piece<'_>> {
    fn walk<'a>(blocks: &'a [Block], out: &mut Vec<Piece<'a>>) {
        for b in blocks {
            match b {
                Block::Paragraph(p) => {
                    if let Some(l) = &p.label {
                        out.push(Piece::Label(&l.raw));
                    }
                    if let Some(m) = &p.marking {
                        out.push(Piece::Marking(&m.raw));
                    }
                    out.push(Piece::Text(&p.text));
                    walk(&p.children, out);
                }
                Block::Text(t) => out.push(Piece::Text(t)),
                Block::List(l) => {
                    for i in &l.items {
                        out.push(Piece::Text(&i.text));
                        walk(&i.children, out);
                    }
                }
                Block::Heading(h) => out.push(Piece::Text(&h.text)),
                Block::Note(n) => walk(&n.blocks, out),
                // A block kind added later holds no text this knows of.
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(blocks, &mut out);
    out
}
