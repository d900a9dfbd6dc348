//! The renderings a synthetic cable is written in: a cables.csv row, raw
//! telegram text, the seed (Markdown scrape) rendering and a cablegate HTML
//! page.

use crate::cable::SynthCable;
use crate::vocab;
use std::fmt;

/// An output rendering.
///
/// ```
/// assert_eq!("csv".parse::<cable_gen::Format>(), Ok(cable_gen::Format::Csv));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One cables.csv row per cable: 8 double-quoted fields, `\"` `\'` `\\`
    /// escapes, literal newlines, no header row.
    Csv,
    /// Raw telegram text: the header, a blank line, the body.
    Txt,
    /// The seed rendering: a Markdown scrape with `[1](#).` paragraph anchors
    /// and `[PREL](#)` tags, paragraphs unwrapped.
    Seed,
    /// A cablegate-style HTML page (2010-12 site build).
    Html,
}

impl Format {
    /// The formats' names, as the command line spells them.
    pub const NAMES: [&'static str; 4] = ["csv", "txt", "seed", "html"];

    /// The file extension of one cable in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Txt | Format::Seed => "txt",
            Format::Html => "html",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        match s {
            "csv" => Ok(Format::Csv),
            "txt" => Ok(Format::Txt),
            "seed" => Ok(Format::Seed),
            "html" => Ok(Format::Html),
            _ => Err(format!(
                "unknown format {s:?}: expected csv, txt, seed or html"
            )),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Csv => "csv",
            Format::Txt => "txt",
            Format::Seed => "seed",
            Format::Html => "html",
        })
    }
}

/// Renders cables; holds what every page shares (the HTML sidebar).
///
/// ```
/// let g = cable_gen::Generator::new(1, 10);
/// let mut out = Vec::new();
/// cable_gen::Renderer::new().render(cable_gen::Format::Csv, &g.cable(0), &mut out);
/// assert!(out.starts_with(b"\"1\",\""));
/// ```
#[derive(Debug, Clone)]
pub struct Renderer {
    sidebar: String,
}

impl Default for Renderer {
    fn default() -> Self {
        Renderer::new()
    }
}

impl Renderer {
    /// A renderer.
    pub fn new() -> Renderer {
        Renderer { sidebar: sidebar() }
    }

    /// Appends `cable` in `format` to `out`.
    pub fn render(&self, format: Format, cable: &SynthCable, out: &mut Vec<u8>) {
        match format {
            Format::Csv => csv_row(cable, out),
            Format::Txt => txt(cable, out),
            Format::Seed => seed(cable, out),
            Format::Html => self.html(cable, out),
        }
    }

    /// Cables `range` of `generator` in `format`, concatenated: what a
    /// corpus of them holds (a cables.csv without a header, for `Csv`).
    pub fn render_range(
        &self,
        generator: &crate::Generator,
        format: Format,
        range: std::ops::Range<u64>,
    ) -> Vec<u8> {
        let mut out = Vec::new();
        for i in range {
            self.render(format, &generator.cable(i), &mut out);
        }
        out
    }

    fn html(&self, c: &SynthCable, out: &mut Vec<u8>) {
        let push = |out: &mut Vec<u8>, s: &str| out.extend_from_slice(s.as_bytes());
        push(out, HTML_HEAD);
        push(out, &self.sidebar);
        let mut title: String = c.subject.chars().take(50).collect();
        if title.len() < c.subject.len() {
            // Titles were cut near 50 characters, sometimes leaving a comma.
            if let Some(i) = title.rfind(' ') {
                title.truncate(i);
            }
        }
        let (date, time) = c
            .html_created
            .split_once(' ')
            .unwrap_or((&c.html_created, ""));
        let ym = c.year_month.replace('/', "-");
        let page = format!(
            "<h3>Viewing cable {id}, {title}</h3>\n<table class='cable'>\n<tr>\n<th>Reference ID</th>\n<th>Created</th>\n<th>Released</th>\n<th>Classification</th>\n<th>Origin</th>\n</tr>\n<tr>\n<td>\n<a href='/cable/{path}/{id}.html'>{id}</a>\n</td>\n<td>\n<a href='/date/{ym}_0.html'>{date} {time}</a>\n</td>\n<td>\n<a href='/reldate/2010-11-28_0.html'>2010-11-28 18:06</a>\n</td>\n<td>\n<a href='/classification/1_0.html' title='unclassified'>{class}</a>\n</td>\n<td>\n<a href='/origin/1_0.html'>{origin}</a>\n</td>\n</tr>\n</table>\n<code><pre>",
            id = c.id,
            path = c.year_month,
            class = c.classification,
            origin = c.origin,
        );
        push(out, &page);
        for (i, line) in c.header.trim_end_matches('\n').split('\n').enumerate() {
            if i > 0 {
                push(out, "&#x000A;");
            }
            push(out, line);
        }
        push(out, "</pre></code>\n<code><pre>");
        for line in c.body.split_inclusive('\n') {
            let (text, nl) = match line.strip_suffix('\n') {
                Some(t) => (t, true),
                None => (line, false),
            };
            if let Some(label) = anchor_label(text) {
                push(out, "<a id='par");
                push(out, label);
                push(out, "' href='#par");
                push(out, label);
                push(out, "'>\u{b6}</a>");
                push(out, text);
            } else if let Some(tags) = text.strip_prefix("TAGS: ") {
                push(out, "TAGS:");
                for t in tags.split([' ', ',']).filter(|t| !t.is_empty()) {
                    push(out, " <a href='/tag/");
                    push(out, t);
                    push(out, "_0.html'>");
                    push(out, t);
                    push(out, "</a>");
                }
            } else {
                push(out, text);
            }
            if nl {
                push(out, "&#x000A;");
            }
        }
        push(
            out,
            "</pre></code>\n</div>\n</div>\n<script src='/static/js/js.js' type='text/javascript'></script>\n</body>\n</html>\n",
        );
    }
}

/// The label of a line that starts a numbered or lettered paragraph:
/// `12. (C) ...` gives `12`, `B. ...` gives `B`.
fn anchor_label(line: &str) -> Option<&str> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let n = if digits > 0 {
        digits
    } else if line.bytes().next().is_some_and(|b| b.is_ascii_uppercase()) {
        1
    } else {
        return None;
    };
    (line.as_bytes().get(n) == Some(&b'.') && line.as_bytes().get(n + 1) == Some(&b' '))
        .then(|| line.get(..n))
        .flatten()
}

/// Appends `s` with cables.csv's escapes: `\"`, `\'`, and `\\`.
fn csv_escaped(s: &str, out: &mut Vec<u8>) {
    let bytes = s.as_bytes();
    let mut last = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(b, b'"' | b'\'' | b'\\') {
            out.extend_from_slice(&bytes[last..i]);
            out.push(b'\\');
            out.push(b);
            last = i + 1;
        }
    }
    out.extend_from_slice(&bytes[last..]);
}

fn csv_row(c: &SynthCable, out: &mut Vec<u8>) {
    out.push(b'"');
    out.extend_from_slice(c.row.to_string().as_bytes());
    for field in [
        &c.date,
        &c.id,
        &c.origin,
        &c.classification,
        &c.references,
        &c.header,
        &c.body,
    ] {
        out.extend_from_slice(b"\",\"");
        csv_escaped(field, out);
    }
    out.extend_from_slice(b"\"\n");
}

fn txt(c: &SynthCable, out: &mut Vec<u8>) {
    out.extend_from_slice(c.header.as_bytes());
    if !c.header.ends_with('\n') {
        out.push(b'\n');
    }
    out.push(b'\n');
    out.extend_from_slice(c.body.as_bytes());
}

fn seed(c: &SynthCable, out: &mut Vec<u8>) {
    out.extend_from_slice(b"\n\n");
    for line in c.header.lines() {
        out.extend_from_slice(line.trim_end().as_bytes());
        out.push(b'\n');
    }
    let mut ended = false;
    for line in c.logical.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            continue;
        }
        // An underline stays under its heading; everything else is a block.
        if !line.bytes().all(|b| b == b'-') {
            out.push(b'\n');
        }
        let trimmed = line.trim_start();
        if let Some(tags) = line.strip_prefix("TAGS: ") {
            out.extend_from_slice(b"TAGS:");
            for t in tags.split([' ', ',']).filter(|t| !t.is_empty()) {
                out.extend_from_slice(b" [");
                out.extend_from_slice(t.as_bytes());
                out.extend_from_slice(b"](#)");
            }
        } else if let Some(label) = anchor_label(trimmed) {
            out.push(b'[');
            out.extend_from_slice(label.as_bytes());
            out.extend_from_slice(b"](#)");
            out.extend_from_slice(trimmed.get(label.len()..).unwrap_or("").as_bytes());
        } else {
            out.extend_from_slice(line.as_bytes());
        }
        out.push(b'\n');
        ended = line == "NNNN";
    }
    if !ended {
        out.extend_from_slice(b"\nNNNN\n");
    }
    out.extend_from_slice(b"\nEnd Cable Text\n");
}

const HTML_HEAD: &str = "<?xml version='1.0' encoding='utf-8' ?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n<html lang='en' xml:lang='en' xmlns='http://www.w3.org/1999/xhtml'>\n<head>\n<title>Cable Viewer</title>\n<link href='/static/css/cables.css' rel='stylesheet' type='text/css' />\n</head>\n<body>\n<div class='main'>\n<div class='pane small'>\n<p>Currently released so far... 251287 / 251,287</p>\n";

/// The navigation every page repeats before the cable (about 12 KB here;
/// the real pages carry 40-190 KB).
fn sidebar() -> String {
    let mut s = String::from("<div id='browse'>\n<h3>Browse by origin</h3>\n<div class='sort'>\n");
    for (i, st) in vocab::STATIONS.iter().enumerate() {
        s.push_str(&format!("<a href='/origin/{i}_0.html'>{}</a>\n", st.origin));
    }
    s.push_str("</div>\n<h3>Browse by tag</h3>\n<div class='sort'>\n");
    for t in vocab::SUBJECT_TAGS
        .iter()
        .chain(vocab::STATIONS.iter().map(|s| &s.geo))
    {
        s.push_str(&format!("<a href='/tag/{t}_0.html'>{t}</a>\n"));
    }
    s.push_str("</div>\n<h3>Browse by creation date</h3>\n<div class='sort'>\n");
    for y in 1966..=2010 {
        s.push_str(&format!("<a href='/date/{y}-01_0.html'>{y}</a>\n"));
    }
    s.push_str("</div>\n</div>\n</div>\n<div class='pane big'>\n");
    s
}
