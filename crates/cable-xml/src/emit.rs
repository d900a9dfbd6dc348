//! The one place markup is produced: a thin layer over quick-xml's
//! [`Writer`] that cleans every text and attribute value of characters XML
//! 1.0 forbids (counting them) before quick-xml's escaping of `&`, `<`, `>`
//! and quotes. Attribute values go through quick-xml whole; element text is
//! searched with memchr and only the bytes found go through quick-xml's
//! `escape` (the same result, a fifth of the writer's time less).

use crate::chars;
use quick_xml::Writer;
use quick_xml::escape::escape;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use std::borrow::Cow;
use std::io;

/// An attribute: name and (uncleaned) value.
pub(crate) type Attr<'a> = (&'static str, &'a str);

/// Writes events, cleaning and counting as it goes.
pub(crate) struct Emitter<W: io::Write> {
    writer: Writer<W>,
    indent: bool,
    replaced: u64,
    /// The start tag under construction, its buffer reused from tag to tag
    /// (a fresh `BytesStart` allocates as soon as it gets an attribute).
    tag: BytesStart<'static>,
}

impl<W: io::Write> Emitter<W> {
    /// An emitter indenting by two spaces per level, or not at all.
    pub(crate) fn new(out: W, indent: bool) -> Self {
        let writer = if indent {
            Writer::new_with_indent(out, b' ', 2)
        } else {
            Writer::new(out)
        };
        Emitter {
            writer,
            indent,
            replaced: 0,
            tag: BytesStart::new(String::new()),
        }
    }

    /// Characters replaced so far.
    pub(crate) fn replaced(&self) -> u64 {
        self.replaced
    }

    /// `<?xml version="1.0" encoding="UTF-8"?>` on a line of its own
    /// (when indenting, quick-xml breaks the line before the root).
    pub(crate) fn declaration(&mut self) -> io::Result<()> {
        self.writer
            .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        if !self.indent {
            self.newline()?;
        }
        Ok(())
    }

    /// A final line break after the root element.
    pub(crate) fn newline(&mut self) -> io::Result<()> {
        self.writer.get_mut().write_all(b"\n")
    }

    /// `<name a="v" …>`
    pub(crate) fn start(&mut self, name: &str, attrs: &[Attr<'_>]) -> io::Result<()> {
        self.set_tag(name, attrs);
        self.writer.write_event(Event::Start(self.tag.borrow()))
    }

    /// `</name>`
    pub(crate) fn end(&mut self, name: &str) -> io::Result<()> {
        self.writer.write_event(Event::End(BytesEnd::new(name)))
    }

    /// `<name a="v" …/>`
    pub(crate) fn empty(&mut self, name: &str, attrs: &[Attr<'_>]) -> io::Result<()> {
        self.set_tag(name, attrs);
        self.writer.write_event(Event::Empty(self.tag.borrow()))
    }

    /// `<name a="v" …>text</name>`, or the empty element when `text` is empty.
    pub(crate) fn leaf(&mut self, name: &str, attrs: &[Attr<'_>], text: &str) -> io::Result<()> {
        if text.is_empty() {
            return self.empty(name, attrs);
        }
        self.start(name, attrs)?;
        let (text, n) = chars::clean(text);
        self.replaced += n;
        self.writer
            .write_event(Event::Text(BytesText::from_escaped(escape_text(&text))))?;
        self.end(name)
    }

    /// A leaf without attributes, written only when `text` is present.
    pub(crate) fn opt_leaf(&mut self, name: &str, text: Option<&str>) -> io::Result<()> {
        match text {
            Some(t) => self.leaf(name, &[], t),
            None => Ok(()),
        }
    }

    /// Makes [`Self::tag`] `<name a="v" …>`, cleaning the values (quick-xml
    /// escapes them).
    fn set_tag(&mut self, name: &str, attrs: &[Attr<'_>]) {
        self.tag.clear_attributes();
        self.tag.set_name(name);
        for (key, value) in attrs {
            let (value, n) = chars::clean(value);
            self.replaced += n;
            self.tag.push_attribute((*key, value.as_ref()));
        }
    }

    /// Flushes and returns the underlying writer.
    pub(crate) fn into_inner(self) -> W {
        self.writer.into_inner()
    }
}

/// `text` escaped exactly as [`BytesText::new`] would (with
/// [`quick_xml::escape::escape`]: `<`, `>`, `&`, `'`, `"` and `\r` become
/// entities), but found with memchr rather than a byte-at-a-time loop;
/// borrowed when there is nothing to escape. Each byte found is handed to
/// quick-xml's `escape`, so the entities are quick-xml's.
fn escape_text(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let markup = |from: usize| memchr::memchr3(b'<', b'>', b'&', &bytes[from..]).map(|i| from + i);
    let other = |from: usize| memchr::memchr3(b'\'', b'"', b'\r', &bytes[from..]).map(|i| from + i);
    let (mut next_markup, mut next_other) = (markup(0), other(0));
    if next_markup.is_none() && next_other.is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut done = 0;
    while let Some(at) = match (next_markup, next_other) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    } {
        // An ASCII byte: `at..at + 1` is a whole character.
        out.push_str(&text[done..at]);
        out.push_str(&escape(&text[at..at + 1]));
        done = at + 1;
        if next_markup == Some(at) {
            next_markup = markup(done);
        } else {
            next_other = other(done);
        }
    }
    out.push_str(&text[done..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::escape_text;
    use quick_xml::escape::escape;
    use std::borrow::Cow;

    /// Agrees with quick-xml on every ASCII character, alone and inside
    /// text, and on mixed text: a quick-xml that escaped more, or spelled an
    /// entity differently, would fail here.
    #[test]
    fn agrees_with_quick_xml() {
        let mut cases: Vec<String> = (0u8..=127).map(|b| char::from(b).to_string()).collect();
        cases.extend((0u8..=127).map(|b| format!("Plain text, {} more text", char::from(b))));
        cases.extend(
            [
                "",
                "Chair's paper",
                "a < b",
                "caf\u{e9} \u{FFFD}",
                "x\r\ny",
                "'quoted' & \"double\" <tag> a&&b ''\r\r>>",
                "\u{e9}'\u{1F600}<\u{FFFD}&",
            ]
            .map(String::from),
        );
        for s in &cases {
            let ours = escape_text(s);
            let theirs = escape(s.as_str());
            assert_eq!(ours, theirs, "{s:?}");
            let (ours_owned, theirs_owned) = (
                matches!(ours, Cow::Owned(_)),
                matches!(theirs, Cow::Owned(_)),
            );
            assert_eq!(ours_owned, theirs_owned, "{s:?}");
        }
        let escaped = cases
            .iter()
            .filter(|s| matches!(escape_text(s), Cow::Owned(_)));
        assert!(escaped.count() >= 14);
    }
}
