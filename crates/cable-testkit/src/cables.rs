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
