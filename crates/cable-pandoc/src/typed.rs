//! The typed path: the view turned into `pandoc_ast` values, one owned
//! `String` per word.
//!
//! [`crate::to_ast`] gives this tree to callers who want to transform the
//! document in Rust; the tests check that it equals what
//! `serde_json::from_slice::<pandoc_ast::Pandoc>` reads back from the
//! streamed JSON of [`crate::write`]. Both come from the same view, built by
//! one walker ([`crate::blocks`], [`crate::meta`]), so this module holds no
//! document logic: it maps each view constructor to its `pandoc_ast` twin.

use crate::inlines::{Pictured, for_each_word};
use crate::view::{Attr, Block, Inlines, Meta, Piece};
use pandoc_ast as pd;
use std::convert::Infallible;

/// The inlines of `v`, a `Space` between consecutive elements.
pub(crate) fn inlines(v: &Inlines<'_>) -> Vec<pd::Inline> {
    let mut out = Vec::new();
    for piece in &v.0 {
        match piece {
            Piece::Words(text) => {
                let _ = for_each_word(text, |word, plain| {
                    if !out.is_empty() {
                        out.push(pd::Inline::Space);
                    }
                    let word = if plain {
                        word.to_owned()
                    } else {
                        Pictured(word).to_string()
                    };
                    out.push(pd::Inline::Str(word));
                    Ok::<(), Infallible>(())
                });
            }
            other => {
                if !out.is_empty() {
                    out.push(pd::Inline::Space);
                }
                out.push(match other {
                    Piece::Span(a, content) => pd::Inline::Span(attr(a), inlines(content)),
                    Piece::Link(a, content, url) => {
                        pd::Inline::Link(attr(a), inlines(content), (url.clone(), String::new()))
                    }
                    Piece::Words(_) => unreachable!("handled above"),
                });
            }
        }
    }
    out
}

/// The attribute triple of `a`.
fn attr(a: &Attr<'_>) -> pd::Attr {
    (
        a.id.to_string(),
        a.class.iter().map(|c| (*c).to_owned()).collect(),
        a.pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.to_string()))
            .collect(),
    )
}

/// The `pandoc_ast` blocks of `v`.
pub(crate) fn blocks(v: &[Block<'_>]) -> Vec<pd::Block> {
    v.iter().map(block).collect()
}

fn block(b: &Block<'_>) -> pd::Block {
    match b {
        Block::Plain(i) => pd::Block::Plain(inlines(i)),
        Block::Para(i) => pd::Block::Para(inlines(i)),
        Block::Header(level, a, i) => pd::Block::Header(*level, attr(a), inlines(i)),
        Block::Div(a, content) => pd::Block::Div(attr(a), blocks(content)),
        Block::BulletList(items) => {
            pd::Block::BulletList(items.iter().map(|i| blocks(i)).collect())
        }
        Block::DefinitionList(items) => pd::Block::DefinitionList(
            items
                .iter()
                .map(|(term, defs)| (inlines(term), defs.iter().map(|d| blocks(d)).collect()))
                .collect(),
        ),
    }
}

/// The `pandoc_ast` metadata value of `m`.
pub(crate) fn meta(m: &Meta<'_>) -> pd::MetaValue {
    match m {
        Meta::Map(entries) => pd::MetaValue::MetaMap(
            entries
                .iter()
                .map(|(k, v)| ((*k).to_owned(), Box::new(meta(v))))
                .collect(),
        ),
        Meta::List(items) => pd::MetaValue::MetaList(items.iter().map(meta).collect()),
        Meta::Bool(b) => pd::MetaValue::MetaBool(*b),
        Meta::String(s) => pd::MetaValue::MetaString(s.to_string()),
        Meta::Inlines(i) => pd::MetaValue::MetaInlines(inlines(i)),
    }
}
