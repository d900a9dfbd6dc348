//! The document as the walker builds it: pandoc's constructors, borrowing
//! the cable's text.
//!
//! These types mirror the few `pandoc_ast` constructors the writer uses,
//! with one difference that matters for speed: a run of words is kept as
//! the borrowed text it comes from ([`Piece::Words`]), not as one heap
//! `String` per word. [`crate::json`] serialises the view straight to
//! pandoc's JSON (each word becoming `{"t":"Str","c":…}` on the fly), and
//! [`crate::typed`] turns it into `pandoc_ast` values; the tests check that
//! the two agree.

use std::borrow::Cow;
use std::collections::BTreeMap;

/// A block (`pandoc_ast::Block`), only the constructors the writer uses.
#[derive(Debug)]
pub(crate) enum Block<'a> {
    /// `Plain`: inlines not forming a paragraph (a short list item).
    Plain(Inlines<'a>),
    /// `Para`: a paragraph.
    Para(Inlines<'a>),
    /// `Header level attr inlines`.
    Header(i64, Attr<'a>, Inlines<'a>),
    /// `Div attr blocks`.
    Div(Attr<'a>, Vec<Block<'a>>),
    /// `BulletList items`, each item a list of blocks.
    BulletList(Vec<Vec<Block<'a>>>),
    /// `DefinitionList`: terms, each with its definitions (lists of blocks).
    DefinitionList(Vec<(Inlines<'a>, Vec<Vec<Block<'a>>>)>),
}

/// A list of inlines (`Vec<pandoc_ast::Inline>`), as pieces: consecutive
/// elements (words, spans, links) are always separated by one `Space`,
/// so the pieces hold no spaces of their own.
#[derive(Debug, Default)]
pub(crate) struct Inlines<'a>(pub(crate) Vec<Piece<'a>>);

/// One or more inlines.
#[derive(Debug)]
pub(crate) enum Piece<'a> {
    /// The words of a text, each a `Str`, with a `Space` between
    /// consecutive words (see [`crate::inlines::for_each_word`]). Never
    /// without words: [`Inlines::push_text`] leaves such text out.
    Words(Cow<'a, str>),
    /// `Span attr inlines`.
    Span(Attr<'a>, Inlines<'a>),
    /// `Link attr inlines (url, "")`.
    Link(Attr<'a>, Inlines<'a>, String),
}

/// An attribute triple (`pandoc_ast::Attr`): identifier, classes and
/// key-value pairs. The writer never gives an element more than one class.
#[derive(Debug, Default)]
pub(crate) struct Attr<'a> {
    /// The identifier, empty for none.
    pub(crate) id: Cow<'a, str>,
    /// The one class, if any.
    pub(crate) class: Option<&'static str>,
    /// Key-value pairs, values with control characters already made visible.
    pub(crate) pairs: Vec<(&'static str, Cow<'a, str>)>,
}

/// A metadata value (`pandoc_ast::MetaValue`), only the constructors the
/// writer uses.
#[derive(Debug)]
pub(crate) enum Meta<'a> {
    /// `MetaMap`, keys sorted.
    Map(MetaMap<'a>),
    /// `MetaList`.
    List(Vec<Meta<'a>>),
    /// `MetaBool`.
    Bool(bool),
    /// `MetaString`, control characters already made visible.
    String(Cow<'a, str>),
    /// `MetaInlines`.
    Inlines(Inlines<'a>),
}

/// A metadata map: sorted keys, as pandoc_ast's `BTreeMap` sorts them.
pub(crate) type MetaMap<'a> = BTreeMap<&'static str, Meta<'a>>;

impl<'a> Inlines<'a> {
    /// Whether there are no inlines at all.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Appends the words of `text` (nothing when it has none).
    pub(crate) fn push_text(&mut self, text: impl Into<Cow<'a, str>>) {
        let text = text.into();
        if crate::inlines::has_words(&text) {
            self.0.push(Piece::Words(text));
        }
    }

    /// Appends one piece (a `Space` comes before it when the list is not
    /// empty).
    pub(crate) fn push(&mut self, piece: Piece<'a>) {
        self.0.push(piece);
    }

    /// Moves all inlines of `other` to the end of `self`.
    pub(crate) fn append(&mut self, other: &mut Inlines<'a>) {
        self.0.append(&mut other.0);
    }
}

impl<'a> Attr<'a> {
    /// An attribute with an identifier, at most one class, and no pairs.
    pub(crate) fn new(id: impl Into<Cow<'a, str>>, class: Option<&'static str>) -> Attr<'a> {
        Attr {
            id: id.into(),
            class,
            pairs: Vec::new(),
        }
    }

    /// The same attribute with these key-value pairs.
    pub(crate) fn with_pairs(mut self, pairs: Vec<(&'static str, Cow<'a, str>)>) -> Attr<'a> {
        self.pairs = pairs;
        self
    }
}
