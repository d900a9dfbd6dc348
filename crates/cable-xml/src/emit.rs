//! The one place markup is produced: a thin layer over quick-xml's
//! [`Writer`] that cleans every text and attribute value of characters XML
//! 1.0 forbids (counting them) before quick-xml escapes `&`, `<`, `>` and
//! quotes.

use crate::chars;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
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
            .write_event(Event::Text(BytesText::new(&text)))?;
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
