//! The compact path: the view written as compact JSON with the element
//! structure spelled out, every string still escaped by serde_json.
//!
//! Pandoc's JSON is one fixed shape per constructor: `{"t":"Str","c":"word"}`,
//! `{"t":"Space"}`, `{"t":"Div","c":[attr,blocks]}`. Going through serde's
//! `Serialize` ([`crate::json`]) costs six string serialisations per word
//! (the keys `t` and `c`, the tags `Str` and `Space`, the word) and about
//! thirty small writes; a cable is thousands of words, and that was most of
//! the writer's time. Here the punctuation and tags of each constructor are
//! constant bytes and only the text of the cable (words, identifiers,
//! attribute values, metadata strings) goes through serde_json's escaping,
//! one call per string.
//!
//! The bytes are exactly those serde_json writes for [`crate::json`]'s
//! impls in compact mode (checked below on every testdata cable, and
//! against `pandoc_ast` in `tests/pandoc/typed.rs`); pretty output still goes
//! through [`crate::json`].

use crate::document::Document;
use crate::inlines::{Pictured, for_each_word};
use crate::view::{Attr, Block, Inlines, Meta, MetaMap, Piece};
use serde::Serializer as _;
use std::io;

/// Appends the compact JSON of `doc` to `out`.
pub(crate) fn document(doc: &Document<'_>, out: &mut Vec<u8>) -> io::Result<()> {
    out.extend_from_slice(b"{\"pandoc-api-version\":[");
    for (i, n) in doc.api.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(n.to_string().as_bytes());
    }
    out.extend_from_slice(b"],\"meta\":");
    meta_map(&doc.meta, out)?;
    out.extend_from_slice(b",\"blocks\":");
    blocks(&doc.blocks, out)?;
    out.push(b'}');
    Ok(())
}

/// A JSON string, escaped by serde_json.
fn string(s: &str, out: &mut Vec<u8>) -> io::Result<()> {
    serde_json::Serializer::new(&mut *out)
        .serialize_str(s)
        .map_err(io::Error::from)
}

/// The opening of a tagged element with content: `{"t":"Tag","c":`.
fn open(tag: &str, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"t\":\"");
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(b"\",\"c\":");
}

/// `[item,item,…]`.
fn list<T>(
    items: &[T],
    out: &mut Vec<u8>,
    mut each: impl FnMut(&T, &mut Vec<u8>) -> io::Result<()>,
) -> io::Result<()> {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        each(item, out)?;
    }
    out.push(b']');
    Ok(())
}

fn blocks(items: &[Block<'_>], out: &mut Vec<u8>) -> io::Result<()> {
    list(items, out, block)
}

fn block(b: &Block<'_>, out: &mut Vec<u8>) -> io::Result<()> {
    match b {
        Block::Plain(i) => {
            open("Plain", out);
            inlines(i, out)?;
        }
        Block::Para(i) => {
            open("Para", out);
            inlines(i, out)?;
        }
        Block::Header(level, a, i) => {
            open("Header", out);
            out.push(b'[');
            out.extend_from_slice(level.to_string().as_bytes());
            out.push(b',');
            attr(a, out)?;
            out.push(b',');
            inlines(i, out)?;
            out.push(b']');
        }
        Block::Div(a, content) => {
            open("Div", out);
            out.push(b'[');
            attr(a, out)?;
            out.push(b',');
            blocks(content, out)?;
            out.push(b']');
        }
        Block::BulletList(items) => {
            open("BulletList", out);
            list(items, out, |item, out| blocks(item, out))?;
        }
        Block::DefinitionList(items) => {
            open("DefinitionList", out);
            list(items, out, |(term, definitions), out| {
                out.push(b'[');
                inlines(term, out)?;
                out.push(b',');
                list(definitions, out, |d, out| blocks(d, out))?;
                out.push(b']');
                Ok(())
            })?;
        }
    }
    out.push(b'}');
    Ok(())
}

/// `[id,[class],[[key,value],…]]`.
fn attr(a: &Attr<'_>, out: &mut Vec<u8>) -> io::Result<()> {
    out.push(b'[');
    string(&a.id, out)?;
    out.extend_from_slice(b",[");
    if let Some(class) = a.class {
        string(class, out)?;
    }
    out.extend_from_slice(b"],");
    list(&a.pairs, out, |(k, v), out| {
        out.push(b'[');
        string(k, out)?;
        out.push(b',');
        string(v, out)?;
        out.push(b']');
        Ok(())
    })?;
    out.push(b']');
    Ok(())
}

/// The `Space` between two inlines (with the commas around it), except
/// before the first.
fn space_unless_first(first: &mut bool, out: &mut Vec<u8>) {
    if !std::mem::replace(first, false) {
        out.extend_from_slice(b",{\"t\":\"Space\"},");
    }
}

/// The inlines: pieces separated by one `Space`, words as `Str`.
fn inlines(i: &Inlines<'_>, out: &mut Vec<u8>) -> io::Result<()> {
    out.push(b'[');
    let mut first = true;
    for piece in &i.0 {
        match piece {
            Piece::Words(text) => for_each_word(text, |word, plain| {
                space_unless_first(&mut first, out);
                out.extend_from_slice(b"{\"t\":\"Str\",\"c\":");
                if plain {
                    string(word, out)?;
                } else {
                    string(&Pictured(word).to_string(), out)?;
                }
                out.push(b'}');
                Ok::<(), io::Error>(())
            })?,
            Piece::Span(a, content) => {
                space_unless_first(&mut first, out);
                open("Span", out);
                out.push(b'[');
                attr(a, out)?;
                out.push(b',');
                inlines(content, out)?;
                out.extend_from_slice(b"]}");
            }
            Piece::Link(a, content, url) => {
                space_unless_first(&mut first, out);
                open("Link", out);
                out.push(b'[');
                attr(a, out)?;
                out.push(b',');
                inlines(content, out)?;
                out.extend_from_slice(b",[");
                string(url, out)?;
                out.extend_from_slice(b",\"\"]]}");
            }
        }
    }
    out.push(b']');
    Ok(())
}

/// `{"key":value,…}`, keys in the map's (sorted) order.
fn meta_map(map: &MetaMap<'_>, out: &mut Vec<u8>) -> io::Result<()> {
    out.push(b'{');
    for (i, (k, v)) in map.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        string(k, out)?;
        out.push(b':');
        meta(v, out)?;
    }
    out.push(b'}');
    Ok(())
}

fn meta(m: &Meta<'_>, out: &mut Vec<u8>) -> io::Result<()> {
    match m {
        Meta::Map(entries) => {
            open("MetaMap", out);
            meta_map(entries, out)?;
        }
        Meta::List(items) => {
            open("MetaList", out);
            list(items, out, meta)?;
        }
        Meta::Bool(b) => {
            open("MetaBool", out);
            out.extend_from_slice(if *b { b"true" } else { b"false" });
        }
        Meta::String(text) => {
            open("MetaString", out);
            string(text, out)?;
        }
        Meta::Inlines(i) => {
            open("MetaInlines", out);
            inlines(i, out)?;
        }
    }
    out.push(b'}');
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ApiVersion, Options};
    use std::path::Path;

    /// Every testdata cable (seeds, kitchen sink, torture, parser cases),
    /// parsed.
    fn cables() -> Vec<(String, cable_model::Cable)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata");
        let mut paths = Vec::new();
        let mut dirs = vec![
            root.join("seeds"),
            root.join("cables"),
            root.join("torture"),
            root.join("cases"),
        ];
        while let Some(dir) = dirs.pop() {
            for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    dirs.push(p);
                } else if p.extension().is_some_and(|x| x == "txt") {
                    paths.push(p);
                }
            }
        }
        paths.sort();
        paths
            .into_iter()
            .map(|p| {
                let bytes = std::fs::read(&p).unwrap_or_default();
                let cable = cable_parse::parse(&String::from_utf8_lossy(&bytes));
                (p.display().to_string(), cable)
            })
            .collect()
    }

    #[test]
    fn same_bytes_as_serde_json_compact() {
        let v122 = Options {
            api: ApiVersion::V1_22,
            ..Options::default()
        };
        let linked = Options {
            links: Some(cable_testkit::links::even_serials("json")),
            ..Options::default()
        };
        let cables = cables();
        assert!(cables.len() > 50, "testdata cables: {}", cables.len());
        for (name, cable) in &cables {
            for opts in [&Options::default(), &v122, &linked] {
                let doc = Document::new(cable, opts);
                let mut ours = Vec::new();
                document(&doc, &mut ours).unwrap_or_else(|e| panic!("{name}: {e}"));
                let serde = serde_json::to_vec(&doc).unwrap_or_else(|e| panic!("{name}: {e}"));
                if ours != serde {
                    let at = ours.iter().zip(&serde).take_while(|(a, b)| a == b).count();
                    let from = at.saturating_sub(80);
                    let show = |v: &[u8]| {
                        String::from_utf8_lossy(
                            v.get(from..(at + 80).min(v.len())).unwrap_or_default(),
                        )
                        .into_owned()
                    };
                    panic!(
                        "{name} ({opts:?}): compact JSON differs from serde_json's at byte {at}:\n{}\n{}",
                        show(&ours),
                        show(&serde)
                    );
                }
            }
        }
    }
}
