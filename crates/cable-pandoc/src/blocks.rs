//! The document's blocks: the routing header as a definition list, then the
//! body mirroring the model (paragraph `Div`s, `BulletList`s, `Header`s, note
//! `Div`s), then the signer.

use crate::Options;
use crate::inlines::{self, span};
use crate::view::{self as pd, Attr, Inlines, Piece};
use cable_model::{
    Addressee, Block, Cable, Heading, HeadingStyle, List, Marking, Note, Paragraph, Reference,
    ReferenceKind, TagKind,
};
use std::borrow::Cow;
use std::collections::HashMap;

/// All blocks of the document, in order.
pub(crate) fn document<'a>(cable: &'a Cable, opts: &Options) -> Vec<pd::Block<'a>> {
    let mut out = Vec::new();
    if let Some(header) = header(cable, opts) {
        out.push(header);
    }
    let mut body = Body {
        ids: HashMap::new(),
    };
    out.extend(body.blocks(&cable.body, None, 2));
    if let Some(signer) = cable.signer.as_deref().filter(|s| !s.trim().is_empty()) {
        out.push(pd::Block::Div(
            Attr::new("", Some("signer")),
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
fn header<'a>(cable: &'a Cable, opts: &Options) -> Option<pd::Block<'a>> {
    let mut items: Vec<(Inlines<'a>, Vec<Vec<pd::Block<'a>>>)> = Vec::new();
    let mut add = |term: &'static str, values: Vec<Inlines<'a>>| {
        let values: Vec<_> = values
            .into_iter()
            .filter(|v| !v.is_empty())
            .map(|v| vec![pd::Block::Plain(v)])
            .collect();
        if !values.is_empty() {
            items.push((inlines::text(term), values));
        }
    };
    let one = |s: Cow<'a, str>| vec![inlines::text(s)];

    add(
        "Reference",
        cable
            .id
            .iter()
            .map(|id| inlines::text(id.as_str()))
            .collect(),
    );
    if let Some(s) = cable.section {
        add(
            "Section",
            one(format!("{} of {}", s.number, s.total).into()),
        );
    }
    if let Some(c) = &cable.classification {
        add("Classification", vec![marking_text(c)]);
    }
    let r = &cable.routing;
    if let Some(dtg) = &r.dtg {
        let text = match dtg.utc {
            Some(t) => format!("{} ({t})", dtg.raw).into(),
            None => Cow::Borrowed(dtg.raw.as_str()),
        };
        add("Date", one(text));
    }
    if let Some(p) = r.precedence {
        let text = match p.info {
            Some(info) if info != p.action => format!("{} (info: {})", p.action, info),
            _ => p.action.to_string(),
        };
        add("Precedence", one(text.into()));
    }
    add("From", r.from.iter().map(addressee).collect());
    add("To", r.to.iter().map(addressee).collect());
    add("Info", r.info.iter().map(addressee).collect());
    add(
        "Handling",
        cable
            .handling
            .iter()
            .map(|h| inlines::text(h.as_str()))
            .collect(),
    );
    if let Some(eo) = &cable.executive_order {
        add("E.O.", one(eo.raw.as_str().into()));
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
    add("Tags", one(tags.join(" ").into()));
    if let Some(s) = &cable.subject {
        let mut text = inlines::text(s.text.as_str());
        if let Some(m) = &s.marking {
            text.push(span("portion-marking", format!("({})", m.raw)));
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
        add("Classified by", one(cb.raw.as_str().into()));
    }
    let reasons: Vec<&str> = cable.reasons.iter().map(|r| r.as_str()).collect();
    add("Reasons", one(reasons.join(", ").into()));

    (!items.is_empty()).then(|| {
        pd::Block::Div(
            Attr::new("cable-header", Some("cable-header")),
            vec![pd::Block::DefinitionList(items)],
        )
    })
}

/// `SECRET//NOFORN`: the level's name and the caveats, or the marking as
/// written when it names no level.
fn marking_text(m: &Marking) -> Inlines<'_> {
    let mut parts: Vec<String> = m.level.iter().map(|l| l.name().to_owned()).collect();
    parts.extend(m.caveats.iter().map(|c| c.name()));
    if m.level.is_none() {
        return inlines::text(m.raw.as_str());
    }
    inlines::text(parts.join("//"))
}

/// `RUEHC/SECSTATE WASHDC NIACT IMMEDIATE 4460`, rebuilt from its parts,
/// then the stations its `XMT` lines exclude, as the Markdown header says
/// them: `ALL DIPLOMATIC POSTS (except USINT HAVANA, AMEMBASSY BELGRADE)`.
fn addressee(a: &Addressee) -> Inlines<'_> {
    let mut out = Inlines::default();
    match &a.route {
        Some(route) => out.push_text(format!("{route}/{}", a.name)),
        None => out.push_text(a.name.as_str()),
    }
    if a.niact {
        out.push_text("NIACT");
    }
    if let Some(p) = a.precedence {
        out.push_text(p.name());
    }
    if let Some(serial) = &a.serial {
        out.push_text(serial.as_str());
    }
    if !a.excluded.is_empty() {
        out.push_text(format!("(except {})", a.excluded.join(", ")));
    }
    out
}

/// `B. 08 STATE 129729`: the label, then the reference: a `Link` when the
/// resolver knows the cable, a `Span` with class `cable-ref` when it does
/// not, plain words for e-mails, memos and other documents.
fn reference<'a>(r: &'a Reference, opts: &Options) -> Inlines<'a> {
    let mut out = Inlines::default();
    if let Some(label) = r.label {
        out.push_text(format!("{label}."));
    }
    match (&r.id, r.kind) {
        (Some(id), ReferenceKind::Cable) => out.push(cable_ref(id, &r.text, opts)),
        _ => out.push_text(r.text.as_str()),
    }
    out
}

/// A reference to another cable: `Link` to the resolver's target, or a
/// `Span` with class `cable-ref`; both carry the id as `cable-id`.
fn cable_ref<'a>(id: &'a cable_model::CableId, text: &'a str, opts: &Options) -> Piece<'a> {
    let shown = if text.trim().is_empty() {
        inlines::text(id.as_str())
    } else {
        inlines::text(text)
    };
    let a = Attr::new("", Some("cable-ref")).with_pairs(vec![("cable-id", id.as_str().into())]);
    match opts.resolve(id) {
        Some(url) => Piece::Link(a, shown, url),
        None => Piece::Span(a, shown),
    }
}

/// Walks the body, handing out unique identifiers.
struct Body {
    /// Identifiers already used, so that a repeated paragraph number
    /// (`5.` twice) still gives unique anchors (`par-5`, `par-5-2`); with
    /// each, the suffix [`Body::unique`] tries next when it is asked for
    /// again as a base.
    ids: HashMap<String, u32>,
}

impl Body {
    /// Converts a run of blocks. `parent` is the identifier of the enclosing
    /// paragraph; `level` the header level for headings at this depth.
    fn blocks<'a>(
        &mut self,
        blocks: &'a [Block],
        parent: Option<&str>,
        level: i64,
    ) -> Vec<pd::Block<'a>> {
        let mut out = Vec::with_capacity(blocks.len());
        for b in blocks {
            match b {
                Block::Paragraph(p) => out.push(self.paragraph(p, parent, level)),
                Block::Text(t) => {
                    let inl = inlines::text(t.as_str());
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
    fn paragraph<'a>(
        &mut self,
        p: &'a Paragraph,
        parent: Option<&str>,
        level: i64,
    ) -> pd::Block<'a> {
        let mut pairs: Vec<(&'static str, Cow<'a, str>)> = Vec::new();
        let mut lead = Inlines::default();
        let id = match &p.label {
            Some(label) => {
                let value = label.value.to_string();
                let base = format!("{}-{}", parent.unwrap_or("par"), value.to_lowercase());
                pairs.push(("number", value.into()));
                pairs.push(("number-as-written", label.raw.as_str().into()));
                lead.push(span("paragraph-number", format!("{}.", label.raw)));
                self.unique(base)
            }
            None => String::new(),
        };
        if let Some(m) = &p.marking {
            pairs.push(("marking", m.raw.as_str().into()));
            if let Some(l) = m.level {
                pairs.push(("marking-level", l.abbreviation().into()));
            }
            if !m.caveats.is_empty() {
                let caveats: Vec<String> = m.caveats.iter().map(|c| c.name()).collect();
                pairs.push(("marking-caveats", caveats.join(" ").into()));
            }
            lead.push(span("portion-marking", format!("({})", m.raw)));
        }
        lead.push_text(p.text.as_str());
        let child_parent = if id.is_empty() {
            parent
        } else {
            Some(id.as_str())
        };
        let mut content = self.blocks(&p.children, child_parent, (level + 1).min(6));
        if !lead.is_empty() {
            match opening_para(&mut content).filter(|_| p.text.trim().is_empty()) {
                Some(first) => {
                    lead.append(first);
                    *first = lead;
                }
                None => content.insert(0, pd::Block::Para(lead)),
            }
        }
        let pairs = pairs
            .into_iter()
            .map(|(k, v)| (k, inlines::visible_text(v)));
        pd::Block::Div(
            Attr::new(id, Some("paragraph")).with_pairs(pairs.collect()),
            content,
        )
    }

    /// `--` items as a `BulletList`; an item is a `Plain` when it has no
    /// nested blocks, a `Para` followed by them otherwise.
    fn list<'a>(&mut self, l: &'a List, parent: Option<&str>, level: i64) -> Option<pd::Block<'a>> {
        let items: Vec<Vec<pd::Block<'a>>> = l
            .items
            .iter()
            .map(|item| {
                // `(ii) a list of crossings;`: a numbering marker stays
                // before the text (a `BulletList` has bullets of its own).
                let text = match item.label() {
                    Some(label) => inlines::text(format!("{label} {}", item.text)),
                    None => inlines::text(item.text.as_str()),
                };
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
    fn note<'a>(&mut self, n: &'a Note, parent: Option<&str>, level: i64) -> pd::Block<'a> {
        let title: Cow<'a, str> = n.name();
        let open = format!("{}:", n.opener());
        let close = n
            .closed
            .then(|| span("note-mark", format!("{}.", n.closer())));
        let mut pairs = vec![("note-title", inlines::visible_text(title))];
        if !n.closed {
            pairs.push(("closed", "false".into()));
        }
        let open = span("note-mark", open);
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
                let mut first = Inlines(vec![open]);
                first.push_text(t.as_str());
                let mut content = vec![pd::Block::Para(first)];
                content.extend(self.blocks(rest, parent, level));
                content
            }
            _ => {
                let mut content = self.blocks(blocks, parent, level);
                match content.first_mut() {
                    Some(pd::Block::Para(first)) => {
                        // One copy of the paragraph's inlines, not a shift.
                        let mut led = Inlines(Vec::with_capacity(first.0.len() + 1));
                        led.push(open);
                        led.append(first);
                        *first = led;
                    }
                    _ => content.insert(0, pd::Block::Para(Inlines(vec![open]))),
                }
                content
            }
        };
        if let Some(close) = close {
            match content.last_mut() {
                Some(pd::Block::Para(last)) => last.push(close),
                _ => content.push(pd::Block::Para(Inlines(vec![close]))),
            }
        }
        pd::Block::Div(
            Attr::new("", Some(n.kind.name())).with_pairs(pairs),
            content,
        )
    }

    /// `base`, or `base-2`, `base-3`, ... when already taken.
    ///
    /// The search for a free suffix resumes where the previous search for
    /// the same base stopped: identifiers are never given back, so every
    /// suffix below it is still taken. A cable of 8,000 paragraphs all
    /// numbered `1.` thus costs one probe per paragraph, not one per
    /// earlier paragraph (14.7 s in a release build when the search
    /// started from `-2` each time, 0.06 s now). Each taken identifier is
    /// probed in vain at most twice (as `base` and as `base-n`), so the
    /// total work is linear.
    fn unique(&mut self, base: String) -> String {
        let base = identifier(&base);
        let Some(&next) = self.ids.get(&base) else {
            self.ids.insert(base.clone(), 2);
            return base;
        };
        let mut n = next;
        let candidate = loop {
            let candidate = format!("{base}-{n}");
            n += 1;
            if !self.ids.contains_key(&candidate) {
                break candidate;
            }
        };
        self.ids.insert(base, n);
        self.ids.insert(candidate.clone(), 2);
        candidate
    }
}

/// The inlines of the first `Para` of `blocks`, or of the first `Para` of a
/// note `Div` opening `blocks`: where the number and marking of a paragraph
/// without text of its own go, so that `1. (C) SUMMARY: ...` reads as
/// written. `None` when `blocks` opens with anything else (a sub-paragraph,
/// a list, a heading).
fn opening_para<'b, 'a>(blocks: &'b mut [pd::Block<'a>]) -> Option<&'b mut Inlines<'a>> {
    match blocks.first_mut()? {
        pd::Block::Para(inl) => Some(inl),
        pd::Block::Div(a, inner) if a.class != Some("paragraph") => match inner.first_mut()? {
            pd::Block::Para(inl) => Some(inl),
            _ => None,
        },
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
fn heading(h: &Heading, level: i64) -> pd::Block<'_> {
    let style = match h.style {
        HeadingStyle::Dashed => "dashed",
        HeadingStyle::Underlined => "underlined",
        HeadingStyle::Slashes => "slashes",
        HeadingStyle::Line => "line",
        _ => "other",
    };
    pd::Block::Header(
        level,
        Attr::new("", None).with_pairs(vec![("heading-style", style.into())]),
        inlines::text(h.text.as_str()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn identifiers_are_unique_and_safe() {
        let mut b = Body {
            ids: HashMap::new(),
        };
        assert_eq!(b.unique("par-5".into()), "par-5");
        assert_eq!(b.unique("par-5".into()), "par-5-2");
        assert_eq!(b.unique("par-5".into()), "par-5-3");
        assert_eq!(b.unique("par-5-2".into()), "par-5-2-2");
        assert_eq!(b.unique("par-Ä é".into()), "par----");
        // A base that is itself a suffixed identifier, taken before its own
        // base reaches that suffix: the search skips it.
        assert_eq!(b.unique("par-7-3".into()), "par-7-3");
        assert_eq!(b.unique("par-7".into()), "par-7");
        assert_eq!(b.unique("par-7".into()), "par-7-2");
        assert_eq!(b.unique("par-7".into()), "par-7-4");
        assert_eq!(b.unique("par-7-3".into()), "par-7-3-2");
        assert_eq!(b.unique("par-7".into()), "par-7-5");
    }

    #[test]
    fn identifiers_match_a_search_from_the_start() {
        // The resumed search gives what a search from `-2` every time gave,
        // over bases that collide with each other's suffixes.
        let bases = [
            "p-1", "p-1", "p-1-2", "p-1", "p-1-3", "p-1-3", "p-1", "p", "p-1",
        ];
        let mut b = Body {
            ids: HashMap::new(),
        };
        let mut plain: HashSet<String> = HashSet::new();
        for base in bases.iter().cycle().take(60) {
            let mut want = (*base).to_owned();
            let mut n = 2;
            while plain.contains(&want) {
                want = format!("{base}-{n}");
                n += 1;
            }
            plain.insert(want.clone());
            assert_eq!(b.unique((*base).to_owned()), want);
        }
    }
}
