//! The document's blocks: the routing header as a definition list, then the
//! body mirroring the model (paragraph `Div`s, `BulletList`s, `Header`s, note
//! `Div`s), then the signer.

use crate::Options;
use crate::inlines::{self, attr, push_spaced, push_text, span};
use cable_model::{
    Addressee, Block, Cable, Heading, HeadingStyle, List, Marking, Note, NoteKind, Paragraph,
    Reference, ReferenceKind, TagKind,
};
use pandoc_ast as pd;
use pandoc_ast::Inline;
use std::collections::HashSet;

/// All blocks of the document, in order.
pub(crate) fn document(cable: &Cable, opts: &Options) -> Vec<pd::Block> {
    let mut out = Vec::new();
    if let Some(header) = header(cable, opts) {
        out.push(header);
    }
    let mut body = Body {
        ids: HashSet::new(),
    };
    out.extend(body.blocks(&cable.body, None, 2));
    if let Some(signer) = cable.signer.as_deref().filter(|s| !s.trim().is_empty()) {
        out.push(pd::Block::Div(
            attr("", &["signer"], Vec::new()),
            vec![pd::Block::Para(inlines::text(signer))],
        ));
    }
    out
}

/// The routing header: a `Div` with class `cable-header` holding a
/// definition list, one term per field present, one definition per value.
///
/// ```text
/// FM SECSTATE WASHDC              -> From:  SECSTATE WASHDC
/// TO AMEMBASSY CANBERRA PRIORITY  -> To:    AMEMBASSY CANBERRA PRIORITY
///    AMEMBASSY PARIS PRIORITY            AMEMBASSY PARIS PRIORITY
/// REF: A. STATE 4690              -> References: A. [STATE 4690]{.cable-ref cable-id=09STATE4690}
/// ```
fn header(cable: &Cable, opts: &Options) -> Option<pd::Block> {
    let mut items: Vec<(Vec<Inline>, Vec<Vec<pd::Block>>)> = Vec::new();
    let mut add = |term: &str, values: Vec<Vec<Inline>>| {
        let values: Vec<_> = values
            .into_iter()
            .filter(|v| !v.is_empty())
            .map(|v| vec![pd::Block::Plain(v)])
            .collect();
        if !values.is_empty() {
            items.push((inlines::text(term), values));
        }
    };
    let one = |s: &str| vec![inlines::text(s)];

    add(
        "Reference",
        cable
            .id
            .iter()
            .map(|id| inlines::text(id.as_str()))
            .collect(),
    );
    if let Some(s) = cable.section {
        add("Section", one(&format!("{} of {}", s.number, s.total)));
    }
    if let Some(c) = &cable.classification {
        add("Classification", vec![marking_text(c)]);
    }
    let r = &cable.routing;
    if let Some(dtg) = &r.dtg {
        let mut text = dtg.raw.clone();
        if let Some(t) = dtg.utc {
            text = format!("{text} ({t})");
        }
        add("Date", one(&text));
    }
    if let Some(p) = r.precedence {
        let text = match p.info {
            Some(info) if info != p.action => format!("{} (info: {})", p.action, info),
            _ => p.action.to_string(),
        };
        add("Precedence", one(&text));
    }
    add("From", r.from.iter().map(addressee).collect());
    add("To", r.to.iter().map(addressee).collect());
    add("Info", r.info.iter().map(addressee).collect());
    add(
        "Handling",
        cable.handling.iter().map(|h| inlines::text(h)).collect(),
    );
    if let Some(eo) = &cable.executive_order {
        add("E.O.", one(&eo.raw));
    }
    // `TAGS: PREL OVIP (DOE, JANE Q.)`: person tags hold a comma and a
    // space, so they keep the parentheses the cables put around them.
    let tags: Vec<String> = cable
        .tags
        .iter()
        .map(|t| match t.kind() {
            TagKind::Person => format!("({t})"),
            _ => t.to_string(),
        })
        .collect();
    add("Tags", one(&tags.join(" ")));
    if let Some(s) = &cable.subject {
        let mut text = inlines::text(&s.text);
        if let Some(m) = &s.marking {
            push_spaced(&mut text, span("portion-marking", &format!("({})", m.raw)));
        }
        add("Subject", vec![text]);
    }
    add(
        "References",
        cable
            .references
            .iter()
            .map(|r| reference(r, opts))
            .collect(),
    );
    if let Some(cb) = &cable.classified_by {
        add("Classified by", one(&cb.raw));
    }
    let reasons: Vec<&str> = cable.reasons.iter().map(|r| r.as_str()).collect();
    add("Reasons", one(&reasons.join(", ")));

    (!items.is_empty()).then(|| {
        pd::Block::Div(
            attr("cable-header", &["cable-header"], Vec::new()),
            vec![pd::Block::DefinitionList(items)],
        )
    })
}

/// `SECRET//NOFORN`: the level's name and the caveats, or the marking as
/// written when it names no level.
fn marking_text(m: &Marking) -> Vec<Inline> {
    let mut parts: Vec<String> = m.level.iter().map(|l| l.name().to_owned()).collect();
    parts.extend(m.caveats.iter().map(|c| c.name()));
    if m.level.is_none() {
        return inlines::text(&m.raw);
    }
    inlines::text(&parts.join("//"))
}

/// `RUEHC/SECSTATE WASHDC NIACT IMMEDIATE 4460`, rebuilt from its parts.
fn addressee(a: &Addressee) -> Vec<Inline> {
    let mut out = Vec::new();
    match &a.route {
        Some(route) => push_text(&mut out, &format!("{route}/{}", a.name)),
        None => push_text(&mut out, &a.name),
    }
    if a.niact {
        push_text(&mut out, "NIACT");
    }
    if let Some(p) = a.precedence {
        push_text(&mut out, p.name());
    }
    if let Some(serial) = &a.serial {
        push_text(&mut out, serial);
    }
    out
}

/// `B. 08 STATE 129729`: the label, then the reference: a `Link` when the
/// resolver knows the cable, a `Span` with class `cable-ref` when it does
/// not, plain words for e-mails, memos and other documents.
fn reference(r: &Reference, opts: &Options) -> Vec<Inline> {
    let mut out = Vec::new();
    if let Some(label) = r.label {
        push_text(&mut out, &format!("{label}."));
    }
    match (&r.id, r.kind) {
        (Some(id), ReferenceKind::Cable) => push_spaced(&mut out, cable_ref(id, &r.text, opts)),
        _ => push_text(&mut out, &r.text),
    }
    out
}

/// A reference to another cable: `Link` to the resolver's target, or a
/// `Span` with class `cable-ref`; both carry the id as `cable-id`.
fn cable_ref(id: &cable_model::CableId, text: &str, opts: &Options) -> Inline {
    let shown = if text.trim().is_empty() {
        inlines::text(id.as_str())
    } else {
        inlines::text(text)
    };
    let a = attr(
        "",
        &["cable-ref"],
        vec![("cable-id".into(), id.as_str().into())],
    );
    match opts.resolve(id) {
        Some(url) => Inline::Link(a, shown, (url, String::new())),
        None => Inline::Span(a, shown),
    }
}

/// Walks the body, handing out unique identifiers.
struct Body {
    /// Identifiers already used, so that a repeated paragraph number
    /// (`5.` twice) still gives unique anchors (`par-5`, `par-5-2`).
    ids: HashSet<String>,
}

impl Body {
    /// Converts a run of blocks. `parent` is the identifier of the enclosing
    /// paragraph; `level` the header level for headings at this depth.
    fn blocks(&mut self, blocks: &[Block], parent: Option<&str>, level: i64) -> Vec<pd::Block> {
        let mut out = Vec::with_capacity(blocks.len());
        for b in blocks {
            match b {
                Block::Paragraph(p) => out.push(self.paragraph(p, parent, level)),
                Block::Text(t) => {
                    let inl = inlines::text(t);
                    if !inl.is_empty() {
                        out.push(pd::Block::Para(inl));
                    }
                }
                Block::List(l) => {
                    if let Some(list) = self.list(l, parent, level) {
                        out.push(list);
                    }
                }
                Block::Heading(h) => out.push(heading(h, level)),
                Block::Note(n) => out.push(self.note(n, parent, level)),
                _ => {}
            }
        }
        out
    }

    /// ```text
    /// 2. (C/REL MTCR) BACKGROUND: At the 2008 ...
    ///   -> Div ("par-2", ["paragraph"], [number=2, number-as-written=2, marking=C/REL MTCR, ...])
    ///        [Para [Span.paragraph-number "2.", Span.portion-marking "(C/REL MTCR)", "BACKGROUND:", ...], children...]
    /// ```
    fn paragraph(&mut self, p: &Paragraph, parent: Option<&str>, level: i64) -> pd::Block {
        let mut pairs = Vec::new();
        let mut lead = Vec::new();
        let id = match &p.label {
            Some(label) => {
                let value = label.value.to_string();
                pairs.push(("number".to_owned(), value.clone()));
                pairs.push(("number-as-written".to_owned(), label.raw.clone()));
                push_spaced(
                    &mut lead,
                    span("paragraph-number", &format!("{}.", label.raw)),
                );
                let base = format!("{}-{}", parent.unwrap_or("par"), value.to_lowercase());
                self.unique(base)
            }
            None => String::new(),
        };
        if let Some(m) = &p.marking {
            pairs.push(("marking".to_owned(), m.raw.clone()));
            if let Some(l) = m.level {
                pairs.push(("marking-level".to_owned(), l.abbreviation().to_owned()));
            }
            if !m.caveats.is_empty() {
                let caveats: Vec<String> = m.caveats.iter().map(|c| c.name()).collect();
                pairs.push(("marking-caveats".to_owned(), caveats.join(" ")));
            }
            push_spaced(&mut lead, span("portion-marking", &format!("({})", m.raw)));
        }
        push_text(&mut lead, &p.text);
        let child_parent = if id.is_empty() {
            parent
        } else {
            Some(id.as_str())
        };
        let mut content = self.blocks(&p.children, child_parent, (level + 1).min(6));
        if !lead.is_empty() {
            match opening_para(&mut content).filter(|_| p.text.trim().is_empty()) {
                Some(first) => {
                    lead.reserve(first.len() + 1);
                    lead.push(Inline::Space);
                    lead.append(first);
                    *first = lead;
                }
                None => content.insert(0, pd::Block::Para(lead)),
            }
        }
        let pairs = pairs
            .into_iter()
            .map(|(k, v)| (k, inlines::visible_text(&v)));
        pd::Block::Div(
            (id.clone(), vec!["paragraph".to_owned()], pairs.collect()),
            content,
        )
    }

    /// `--` items as a `BulletList`; an item is a `Plain` when it has no
    /// nested blocks, a `Para` followed by them otherwise.
    fn list(&mut self, l: &List, parent: Option<&str>, level: i64) -> Option<pd::Block> {
        let items: Vec<Vec<pd::Block>> = l
            .items
            .iter()
            .map(|item| {
                let text = inlines::text(&item.text);
                let mut blocks = Vec::new();
                if item.children.is_empty() {
                    blocks.push(pd::Block::Plain(text));
                } else {
                    if !text.is_empty() {
                        blocks.push(pd::Block::Para(text));
                    }
                    blocks.extend(self.blocks(&item.children, parent, (level + 1).min(6)));
                }
                blocks
            })
            .collect();
        (!items.is_empty()).then_some(pd::Block::BulletList(items))
    }

    /// ```text
    /// NOTE: We understand ... END NOTE.
    ///   -> Div ("", ["note"], [note-title=NOTE])
    ///        [Para [Span.note-mark "NOTE:", "We", "understand", ..., Span.note-mark "END NOTE."]]
    /// ```
    fn note(&mut self, n: &Note, parent: Option<&str>, level: i64) -> pd::Block {
        let title = if n.title.trim().is_empty() {
            n.kind.name().to_uppercase()
        } else {
            n.title.clone()
        };
        let open = match n.kind {
            NoteKind::Begin => format!("BEGIN {title}:"),
            _ => format!("{title}:"),
        };
        let mut pairs = vec![("note-title".to_owned(), inlines::visible_text(&title))];
        if !n.closed {
            pairs.push(("closed".to_owned(), "false".to_owned()));
        }
        let open = span("note-mark", &open);
        // Text blocks without words write nothing: past them, a note that
        // opens with text gets its opening mark in front of that text as its
        // paragraph is built, rather than by shifting the paragraph after.
        let mut blocks = n.blocks.as_slice();
        while let Some((Block::Text(t), rest)) = blocks.split_first() {
            if !t.trim().is_empty() {
                break;
            }
            blocks = rest;
        }
        let mut content = match blocks.split_first() {
            Some((Block::Text(t), rest)) => {
                let mut first = vec![open];
                push_text(&mut first, t);
                let mut content = vec![pd::Block::Para(first)];
                content.extend(self.blocks(rest, parent, level));
                content
            }
            _ => {
                let mut content = self.blocks(blocks, parent, level);
                match content.first_mut() {
                    Some(pd::Block::Para(first)) => {
                        // One copy of the paragraph's inlines, not two shifts.
                        let mut led = Vec::with_capacity(first.len() + 2);
                        led.push(open);
                        led.push(Inline::Space);
                        led.append(first);
                        *first = led;
                    }
                    _ => content.insert(0, pd::Block::Para(vec![open])),
                }
                content
            }
        };
        if n.closed {
            let close = span("note-mark", &format!("END {title}."));
            match content.last_mut() {
                Some(pd::Block::Para(last)) => push_spaced(last, close),
                _ => content.push(pd::Block::Para(vec![close])),
            }
        }
        pd::Block::Div(attr("", &[n.kind.name()], pairs), content)
    }

    /// `base`, or `base-2`, `base-3`, ... when already taken.
    fn unique(&mut self, base: String) -> String {
        let base = identifier(&base);
        let mut candidate = base.clone();
        let mut n = 2u32;
        while self.ids.contains(&candidate) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        self.ids.insert(candidate.clone());
        candidate
    }
}

/// The inlines of the first `Para` of `blocks`, or of the first `Para` of a
/// note `Div` opening `blocks`: where the number and marking of a paragraph
/// without text of its own go, so that `1. (C) SUMMARY: ...` reads as
/// written. `None` when `blocks` opens with anything else (a sub-paragraph,
/// a list, a heading).
fn opening_para(blocks: &mut [pd::Block]) -> Option<&mut Vec<Inline>> {
    match blocks.first_mut()? {
        pd::Block::Para(inl) => Some(inl),
        pd::Block::Div((_, classes, _), inner) if !classes.iter().any(|c| c == "paragraph") => {
            match inner.first_mut()? {
                pd::Block::Para(inl) => Some(inl),
                _ => None,
            }
        }
        _ => None,
    }
}

/// `base` restricted to characters that are safe in HTML ids, XML names
/// after the first letter, and URL fragments: ASCII letters, digits, `-`.
fn identifier(base: &str) -> String {
    base.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// ```text
/// PREPARATION FOR THE PLENARY  -> Header 2 ("", [], [heading-style=slashes]) "PREPARATION FOR THE PLENARY"
/// ////////////////////
/// ```
fn heading(h: &Heading, level: i64) -> pd::Block {
    let style = match h.style {
        HeadingStyle::Dashed => "dashed",
        HeadingStyle::Underlined => "underlined",
        HeadingStyle::Slashes => "slashes",
        HeadingStyle::Line => "line",
        _ => "other",
    };
    pd::Block::Header(
        level,
        attr("", &[], vec![("heading-style".into(), style.into())]),
        inlines::text(&h.text),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_unique_and_safe() {
        let mut b = Body {
            ids: HashSet::new(),
        };
        assert_eq!(b.unique("par-5".into()), "par-5");
        assert_eq!(b.unique("par-5".into()), "par-5-2");
        assert_eq!(b.unique("par-5".into()), "par-5-3");
        assert_eq!(b.unique("par-5-2".into()), "par-5-2-2");
        assert_eq!(b.unique("par-Ä é".into()), "par----");
    }
}
