//! WikiLeaks cablegate HTML pages: the metadata table and the two `<pre>`
//! blocks (header, body).
//!
//! ```text
//! <table class='cable'> … <td><a href='/cable/2009/12/09ISTANBUL440.html'>09ISTANBUL440</a></td>
//!   <td><a href='/date/2009-12_0.html'>2009-12-04 12:12</a></td> … </table>
//! <code><pre>R 041236Z DEC 09&#x000A;FM AMCONSUL ISTANBUL…</pre></code>
//! <code><pre>C O N F I D E N T I A L …&#x000A;TAGS: <a href='/tag/PREL_0.html'>PREL</a>…
//! <a id='par1' href='#par1'>¶</a>1. (C) Summary…</pre></code>
//! ```
//!
//! The pages are not well-formed (raw `&` and `<` inside the text), so they
//! are read with a tolerant HTML5 *tokenizer* (`html5gum`), the standard's
//! tokenization with its error recovery: raw `<<218634>>` and
//! `MACEDONIA & NATO` come through as text. No tree is built: one pass
//! over the tokens with a few flags (inside the cable table, inside a
//! `<pre>`, inside a paragraph anchor) collects the table cells and the
//! `<pre>` texts, so time is linear in the page and no depth of nesting
//! can exhaust a stack (issue #13, rows 1 and 6).

use crate::detect::Kind;
use crate::encoding;
use crate::member::Ctx;
use crate::meta;
use crate::sink::{Sink, Stop};
use cable_model::{ContainerKind, ContainerMeta};
use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Span, Tokenizer};
use std::convert::Infallible;

/// What a cablegate page holds.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Page {
    pub(crate) meta: ContainerMeta,
    pub(crate) text: String,
    pub(crate) notes: Vec<String>,
}

/// Emits an HTML member: a record for a cablegate page, a skip otherwise.
pub(crate) fn read(sink: &mut Sink<'_>, bytes: &[u8], ctx: Ctx) -> Result<(), Stop> {
    let decoded = encoding::decode(bytes);
    match parse(&decoded.text) {
        Some(page) => {
            let decoded = encoding::Decoded {
                text: page.text,
                ..decoded
            };
            sink.record(ctx.provenance, page.meta, decoded, Kind::Html, page.notes)
        }
        None => sink.skipped(
            ctx.provenance,
            "not a cable (HTML page without a cablegate cable table or <pre> text)",
        ),
    }
}

/// Reads a cablegate page; `None` when it has neither the cable table nor
/// any `<pre>` block.
pub(crate) fn parse(html: &str) -> Option<Page> {
    parse_from(cable_part(html))
}

fn parse_from(html: &str) -> Option<Page> {
    let Tokens { cells, pres } = Tokens::read(html);
    let cells: Option<Vec<String>> =
        cells.map(|row| row.iter().map(|c| squash(&lossy(c))).collect());
    let pres: Vec<String> = pres.iter().map(|p| lossy(p)).collect();
    let mut page = Page::default();
    page.meta.kind = ContainerKind::CablegateHtml;
    if cells.is_none() && pres.is_empty() {
        return None;
    }
    if let Some(cells) = cells {
        let cell = |i: usize| cells.get(i).filter(|c| !c.is_empty()).cloned();
        page.meta.id = cell(0);
        page.meta.date_raw = cell(1);
        page.meta.date = page.meta.date_raw.as_deref().and_then(meta::parse_ymd_hm);
        page.meta.released = cell(2);
        page.meta.classification = cell(3);
        page.meta.origin = cell(4);
        if cells.iter().all(String::is_empty) {
            page.notes
                .push("cable table has only empty cells".to_string());
        }
    } else {
        page.notes
            .push("page has no cable table (metadata unknown)".to_string());
    }
    if let Some(note) = page.meta.id.as_deref().and_then(meta::id_note) {
        page.notes.push(note);
    }
    if let Some(note) = minutes_bug(&page.meta) {
        page.notes.push(note);
    }
    if pres.len() > 2 {
        page.notes.push(format!(
            "{} <pre> blocks (expected 2); all kept",
            pres.len()
        ));
    }
    page.text = pres.join("\n");
    Some(page)
}

/// The part of a page from its cable table on. Up to 190 KB of sidebar
/// navigation precede the table on every cablegate page; nothing is read
/// from it, so it is not tokenized (a unit test checks that this reads the
/// same as the whole page on every corpus page). Pages without the table
/// are read whole.
fn cable_part(html: &str) -> &str {
    ["<table class='cable'>", "<table class=\"cable\">"]
        .iter()
        .find_map(|t| html.find(t))
        .and_then(|start| html.get(start..))
        .unwrap_or(html)
}

/// The 2010-12 and early-2011 builds print the 12-hour-clock hour as the
/// minutes (`%H:%I`: `09:09` for 09:44, `12:12` for 12:36, `18:06` for 18:48). Flagged when both the created and the released
/// time show it (a coincidence for one is common, for both rare).
fn minutes_bug(m: &ContainerMeta) -> Option<String> {
    let created = m.date?;
    let released = m.released.as_deref().and_then(meta::parse_ymd_hm)?;
    let bug = |t: cable_model::Timestamp| {
        let twelve = match t.hour() % 12 {
            0 => 12,
            h => h,
        };
        t.minute() == twelve
    };
    (bug(created) && bug(released)).then(|| {
        format!(
            "created time {:?} likely has the site's minutes bug (minutes = 12-hour-clock hour); prefer the DTG",
            m.date_raw.as_deref().unwrap_or_default()
        )
    })
}

/// What one pass over a page's tokens collects: the cells of the first
/// row of the cable table that has `<td>` cells, and the text of each
/// `<pre>` block.
#[derive(Debug, Default)]
struct Tokens {
    /// The cells' texts (every text inside each `<td>`), raw bytes.
    cells: Option<Vec<Vec<u8>>>,
    /// Each outermost `<pre>` block's text: character data and link texts,
    /// paragraph anchors (`<a id='par5' href='#par5'>¶</a>`) dropped.
    pres: Vec<Vec<u8>>,
}

impl Tokens {
    /// Tokenizes `html` once (the HTML standard's tokenizer: character
    /// references decoded, CR LF and lone CR read as LF, `<script>`,
    /// `<style>`, `<title>`, `<textarea>` contents read as text).
    fn read(html: &str) -> Tokens {
        let mut walk = Walk::default();
        let mut emitter = CallbackEmitter::new(
            |event: CallbackEvent<'_>, _: Span<()>| -> Option<Infallible> {
                walk.event(event);
                None
            },
        );
        emitter.naively_switch_states(true);
        // Reading a `&str` cannot fail.
        let _ = Tokenizer::new_with_emitter(html, emitter).finish();
        walk.finish()
    }
}

/// Where in the page the tokens are: the state of [`Tokens::read`].
#[derive(Debug, Default)]
struct Walk {
    found: Tokens,
    /// Open `<table>` elements since the cable table's start tag (0: not in it).
    table_depth: usize,
    /// The cells of the cable-table row being read.
    row: Option<Vec<Vec<u8>>>,
    /// The text of the open `<td>`.
    cell: Option<Vec<u8>>,
    /// Open `<pre>` elements (nested ones belong to the outermost block).
    pre_depth: usize,
    /// The text of the open `<pre>` block.
    pre: Vec<u8>,
    /// Inside a paragraph anchor of a `<pre>` block: its text is dropped.
    in_anchor: bool,
    /// The start tag being read.
    tag: StartTag,
}

/// The parts of a start tag that matter here. Only the first occurrence of
/// an attribute counts, as in the HTML standard.
#[derive(Debug, Default)]
struct StartTag {
    name: Vec<u8>,
    /// Which attribute the next value belongs to, if one of interest.
    attribute: Option<Attribute>,
    class_seen: bool,
    href_seen: bool,
    /// `class` holds the token `cable` (ASCII case-insensitive, as the
    /// pages have no doctype from the table on: quirks mode).
    cable_class: bool,
    /// `href` starts with `#par`: a paragraph anchor.
    par_href: bool,
}

#[derive(Debug, Clone, Copy)]
enum Attribute {
    Class,
    Href,
}

impl Walk {
    fn event(&mut self, event: CallbackEvent<'_>) {
        match event {
            CallbackEvent::OpenStartTag { name } => {
                self.tag = StartTag {
                    name: name.to_vec(),
                    ..StartTag::default()
                };
            }
            CallbackEvent::AttributeName { name } => {
                let tag = &mut self.tag;
                tag.attribute = match name {
                    b"class" if !tag.class_seen => {
                        tag.class_seen = true;
                        Some(Attribute::Class)
                    }
                    b"href" if !tag.href_seen => {
                        tag.href_seen = true;
                        Some(Attribute::Href)
                    }
                    _ => None,
                };
            }
            CallbackEvent::AttributeValue { value } => match self.tag.attribute.take() {
                Some(Attribute::Class) => {
                    self.tag.cable_class = value
                        .split(u8::is_ascii_whitespace)
                        .any(|t| t.eq_ignore_ascii_case(b"cable"));
                }
                Some(Attribute::Href) => self.tag.par_href = value.starts_with(b"#par"),
                None => {}
            },
            CallbackEvent::CloseStartTag { .. } => {
                let tag = std::mem::take(&mut self.tag);
                self.start_tag(&tag);
            }
            CallbackEvent::EndTag { name } => self.end_tag(name),
            CallbackEvent::String { value } => self.text(value),
            CallbackEvent::Comment { .. }
            | CallbackEvent::Doctype { .. }
            | CallbackEvent::Error(_) => {}
        }
    }

    fn start_tag(&mut self, tag: &StartTag) {
        match tag.name.as_slice() {
            b"table" if self.table_depth > 0 => self.table_depth += 1,
            b"table" if tag.cable_class && self.found.cells.is_none() => self.table_depth = 1,
            // A row, or a cell without a row (the standard implies the row).
            b"tr" if self.table_depth == 1 => {
                self.end_row();
                self.row = Some(Vec::new());
            }
            b"td" | b"th" if self.table_depth == 1 => {
                self.end_cell();
                if tag.name == b"td" {
                    self.row.get_or_insert_with(Vec::new);
                    self.cell = Some(Vec::new());
                }
            }
            b"pre" => {
                if self.pre_depth == 0 {
                    self.pre.clear();
                    self.in_anchor = false;
                }
                self.pre_depth += 1;
            }
            // An `<a>` start tag closes an open one (the standard's
            // adoption agency), so anchors never nest.
            b"a" if self.pre_depth > 0 => self.in_anchor = tag.par_href,
            _ => {}
        }
    }

    fn end_tag(&mut self, name: &[u8]) {
        match name {
            b"table" if self.table_depth > 0 => {
                self.table_depth -= 1;
                if self.table_depth == 0 {
                    self.end_row();
                }
            }
            b"tr" if self.table_depth == 1 => self.end_row(),
            b"td" if self.table_depth == 1 => self.end_cell(),
            b"pre" if self.pre_depth > 0 => {
                self.pre_depth -= 1;
                if self.pre_depth == 0 {
                    self.found.pres.push(std::mem::take(&mut self.pre));
                    self.in_anchor = false;
                }
            }
            b"a" => self.in_anchor = false,
            _ => {}
        }
    }

    fn text(&mut self, value: &[u8]) {
        if let Some(cell) = self.cell.as_mut() {
            cell.extend_from_slice(value);
        }
        if self.pre_depth > 0 && !self.in_anchor {
            self.pre.extend_from_slice(value);
        }
    }

    fn end_cell(&mut self) {
        if let (Some(cell), Some(row)) = (self.cell.take(), self.row.as_mut()) {
            row.push(cell);
        }
    }

    /// Ends the row; the first row with cells is the one kept.
    fn end_row(&mut self) {
        self.end_cell();
        if let Some(row) = self.row.take() {
            if !row.is_empty() && self.found.cells.is_none() {
                self.found.cells = Some(row);
                self.table_depth = 0;
            }
        }
    }

    /// The end of the page closes what is still open.
    fn finish(mut self) -> Tokens {
        self.end_row();
        if self.pre_depth > 0 {
            self.found.pres.push(std::mem::take(&mut self.pre));
        }
        self.found
    }
}

/// Text from the tokenizer's bytes (UTF-8 for a `&str` input; a character
/// split between two events is joined before this).
fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Collapses the whitespace around a table cell's text.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<?xml version='1.0' encoding='utf-8' ?>\n<html><body><div>sidebar</div>\
<table class='cable'>\n<tr>\n<th>Reference ID</th><th>Created</th><th>Released</th><th>Classification</th><th>Origin</th>\n</tr>\n<tr>\n\
<td>\n<a href='/cable/2009/12/09ISTANBUL440.html'>09ISTANBUL440</a>\n</td>\n<td>\n<a href='/date/2009-12_0.html'>2009-12-04 12:12</a>\n</td>\n\
<td>\n<a href='/reldate/2010-11-28_0.html'>2010-11-28 18:06</a>\n</td>\n<td>\n<a href='/classification/1_0.html' title='unclassified'>CONFIDENTIAL</a>\n</td>\n\
<td>\n<a href='/origin/114_0.html'>Consulate Istanbul</a>\n</td>\n</tr>\n</table>\n\
<code><pre>R 041236Z DEC 09&#x000A;FM AMCONSUL ISTANBUL</pre></code>\n\
<code><pre>C O N F I D E N T I A L&#x000A;TAGS: <a href='/tag/PREL_0.html'>PREL</a> <a href='/tag/TU_0.html'>TU</a>&#x000A;\
SUBJECT: MACEDONIA & NATO <<218634>> a < b <strong>EO</strong>&#x000A;&#x000A;<a id='par1' href='#par1'>¶</a>1. (C) Text.&#x000A;</pre></code>\n</div></body></html>";

    #[test]
    fn page() {
        let page = parse(PAGE).unwrap();
        assert_eq!(page.meta.id.as_deref(), Some("09ISTANBUL440"));
        assert_eq!(page.meta.date_raw.as_deref(), Some("2009-12-04 12:12"));
        assert_eq!(page.meta.released.as_deref(), Some("2010-11-28 18:06"));
        assert_eq!(page.meta.classification.as_deref(), Some("CONFIDENTIAL"));
        assert_eq!(page.meta.origin.as_deref(), Some("Consulate Istanbul"));
        assert_eq!(
            page.text,
            "R 041236Z DEC 09\nFM AMCONSUL ISTANBUL\nC O N F I D E N T I A L\nTAGS: PREL TU\n\
SUBJECT: MACEDONIA & NATO <<218634>> a < b EO\n\n1. (C) Text.\n"
        );
        assert_eq!(page.notes.len(), 1, "{:?}", page.notes);
        assert!(page.notes[0].contains("minutes bug"));
        assert_eq!(parse("<html><body><p>hello</p></body></html>"), None);
    }

    /// Skipping the sidebar must not change what is read from any real page.
    #[test]
    fn cable_part_reads_the_same_as_the_whole_page() {
        let corpus =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
        let mut pages = 0;
        for build in [
            "cablegate-html-2010-12",
            "cablegate-html-2011-03",
            "cablegate-html-2011-08",
        ] {
            let Ok(dir) = std::fs::read_dir(corpus.join(build)) else {
                continue;
            };
            for entry in dir.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "html") {
                    let html = std::fs::read_to_string(&path).unwrap();
                    assert!(
                        cable_part(&html).len() < html.len() / 2,
                        "{}",
                        path.display()
                    );
                    assert_eq!(parse(&html), parse_from(&html), "{}", path.display());
                    pages += 1;
                }
            }
        }
        if pages == 0 {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("SKIP: {} not present", corpus.display());
            }
        }
    }
}
