//! The streaming path: the view serialised as pandoc's JSON, the same bytes
//! serde's derive writes for the matching `pandoc_ast` values.
//!
//! Pandoc's JSON tags every element: `{"t":"Str","c":"word"}`,
//! `{"t":"Space"}`, `{"t":"Div","c":[attr,blocks]}`; `pandoc_ast` derives
//! this with `#[serde(tag = "t", content = "c")]`, which serialises a variant
//! as a struct of the fields `t` and (unless it is a unit variant) `c`,
//! and a tuple variant's content as a tuple. The impls here make the same
//! calls on the serializer, so serde_json does all the escaping and the
//! formatting (compact or pretty) and no JSON is written by hand. The
//! difference is in what is serialised: a [`Piece::Words`] yields its
//! words as `Str` and `Space` elements while it is written, so no `String`
//! is ever made per word.

use crate::inlines::{Pictured, for_each_word};
use crate::view::{Attr, Block, Inlines, Meta, Piece};
use serde::ser::{Serialize, SerializeSeq, SerializeStruct, SerializeTuple, Serializer};

/// A tagged element: `{"t": tag, "c": content}`.
struct Tagged<'c, C: ?Sized>(&'static str, &'c C);

impl<C: Serialize + ?Sized> Serialize for Tagged<'_, C> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Tagged", 2)?;
        st.serialize_field("t", self.0)?;
        st.serialize_field("c", self.1)?;
        st.end()
    }
}

/// An element without content: `{"t": tag}` (`Space`).
struct Unit(&'static str);

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Unit", 1)?;
        st.serialize_field("t", self.0)?;
        st.end()
    }
}

/// The word of a `Str`, control characters shown as pictures when it
/// has any.
struct Word<'w> {
    text: &'w str,
    plain: bool,
}

impl Serialize for Word<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.plain {
            s.serialize_str(self.text)
        } else {
            s.collect_str(&Pictured(self.text))
        }
    }
}

const SPACE: Unit = Unit("Space");

impl Serialize for Inlines<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        let mut first = true;
        for piece in &self.0 {
            match piece {
                Piece::Words(text) => for_each_word(text, |text, plain| {
                    if !first {
                        seq.serialize_element(&SPACE)?;
                    }
                    first = false;
                    seq.serialize_element(&Tagged("Str", &Word { text, plain }))
                })?,
                Piece::Span(a, content) => {
                    if !first {
                        seq.serialize_element(&SPACE)?;
                    }
                    first = false;
                    seq.serialize_element(&Tagged("Span", &(a, content)))?;
                }
                Piece::Link(a, content, url) => {
                    if !first {
                        seq.serialize_element(&SPACE)?;
                    }
                    first = false;
                    let target = (url.as_str(), "");
                    seq.serialize_element(&Tagged("Link", &(a, content, target)))?;
                }
            }
        }
        seq.end()
    }
}

impl Serialize for Attr<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut t = s.serialize_tuple(3)?;
        t.serialize_element(&*self.id)?;
        t.serialize_element(self.class.as_slice())?;
        t.serialize_element(&self.pairs)?;
        t.end()
    }
}

impl Serialize for Block<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Block::Plain(i) => Tagged("Plain", i).serialize(s),
            Block::Para(i) => Tagged("Para", i).serialize(s),
            Block::Header(level, a, i) => Tagged("Header", &(level, a, i)).serialize(s),
            Block::Div(a, content) => Tagged("Div", &(a, content)).serialize(s),
            Block::BulletList(items) => Tagged("BulletList", items).serialize(s),
            Block::DefinitionList(items) => Tagged("DefinitionList", items).serialize(s),
        }
    }
}

impl Serialize for Meta<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Meta::Map(entries) => Tagged("MetaMap", entries).serialize(s),
            Meta::List(items) => Tagged("MetaList", items).serialize(s),
            Meta::Bool(b) => Tagged("MetaBool", b).serialize(s),
            Meta::String(text) => Tagged("MetaString", &**text).serialize(s),
            Meta::Inlines(i) => Tagged("MetaInlines", i).serialize(s),
        }
    }
}
