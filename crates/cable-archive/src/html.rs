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
//! are read with a tolerant HTML5 parser (`scraper`, on html5ever): raw
//! `<<218634>>` and `MACEDONIA & NATO` come through as text.

use crate::detect::Kind;
use crate::encoding;
use crate::member::Ctx;
use crate::meta;
use crate::sink::{Sink, Stop};
use cable_model::{ContainerKind, ContainerMeta};
use scraper::{ElementRef, Html, Node, Selector};
use std::sync::OnceLock;

struct Selectors {
    table_rows: Selector,
    cells: Selector,
    pre: Selector,
}

fn selectors() -> Option<&'static Selectors> {
    static S: OnceLock<Option<Selectors>> = OnceLock::new();
    S.get_or_init(|| {
        Some(Selectors {
            table_rows: Selector::parse("table.cable tr").ok()?,
            cells: Selector::parse("td").ok()?,
            pre: Selector::parse("pre").ok()?,
        })
    })
    .as_ref()
}

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
    let sel = selectors()?;
    let doc = Html::parse_document(html);
    let mut page = Page::default();
    page.meta.kind = ContainerKind::CablegateHtml;
    let cells: Option<Vec<String>> = doc
        .select(&sel.table_rows)
        .find(|tr| tr.select(&sel.cells).next().is_some())
        .map(|tr| {
            tr.select(&sel.cells)
                .map(|td| squash(&td.text().collect::<String>()))
                .collect()
        });
    let mut pres: Vec<String> = doc.select(&sel.pre).map(pre_text).collect();
    restore_leading_newlines(html, &mut pres);
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
/// navigation precede the table on every cablegate page; building a tree for
/// it is most of the parsing time, and nothing is read from it. The HTML
/// parser then reads the rest as a document of its own (it supplies the
/// missing `<html>`/`<body>`). Pages without the table are parsed whole.
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

/// The text of a `<pre>` block: text nodes and link texts, paragraph
/// anchors (`<a id='par5' href='#par5'>¶</a>`) dropped.
fn pre_text(pre: ElementRef<'_>) -> String {
    let mut out = String::new();
    push_text(pre, &mut out);
    out
}

fn push_text(element: ElementRef<'_>, out: &mut String) {
    for child in element.children() {
        if let Node::Text(t) = child.value() {
            out.push_str(t);
        } else if let Some(e) = ElementRef::wrap(child) {
            let v = e.value();
            let anchor = v.name() == "a" && v.attr("href").is_some_and(|h| h.starts_with("#par"));
            if !anchor {
                push_text(e, out);
            }
        }
    }
}

/// HTML parsing drops one newline right after `<pre>` (a rule of the HTML
/// standard), which would lose a leading `&#x000A;` of the cable text. Put
/// it back for each `<pre>` start tag, in document order, that is
/// immediately followed by a newline or its character reference.
fn restore_leading_newlines(html: &str, pres: &mut [String]) {
    let starts = html.match_indices("<pre>").map(|(i, tag)| i + tag.len());
    for (text, start) in pres.iter_mut().zip(starts) {
        let after = html.get(start..).unwrap_or_default();
        if ["&#x000A;", "&#x000a;", "&#10;", "\n", "\r\n"]
            .iter()
            .any(|nl| after.starts_with(nl))
        {
            text.insert(0, '\n');
        }
    }
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
