//! Well-formedness checks of the four output formats, shared by
//! `writers_properties.rs` (outputs of arbitrary cables) and `torture.rs`
//! (outputs of the CLI over the torture corpus). Each check returns the
//! reason a document is not well-formed, so a property test can shrink on it.
//!
//! In process only (the `write_all` fuzz target includes this file); the
//! external consumers are in `consumers.rs`.

#![allow(clippy::print_stderr, reason = "tests report skips")]

use cable_model::{Block, Cable, LabelValue};
use quick_xml::events::{BytesStart, Event};
use std::path::{Path, PathBuf};

/// The workspace root.
pub(crate) fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The seed cables (`testdata/seeds/*`), sorted by name.
pub(crate) fn seed_paths() -> Vec<PathBuf> {
    let dir = workspace().join("testdata/seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("testdata/seeds")
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    paths
}

/// Every output of one cable, rendered with default options.
pub(crate) struct Outputs {
    pub(crate) yaml: String,
    pub(crate) markdown: String,
    pub(crate) xml: String,
    pub(crate) pandoc: String,
}

/// Renders `cable` in every format. A writer error (they write to memory,
/// so there should be none) is reported as such.
pub(crate) fn render(cable: &Cable) -> Result<Outputs, String> {
    fn utf8(v: Vec<u8>, what: &str) -> Result<String, String> {
        String::from_utf8(v).map_err(|e| format!("{what} output is not UTF-8: {e}"))
    }
    let mut yaml = Vec::new();
    cable_yaml::write(cable, &cable_yaml::Options::default(), &mut yaml)
        .map_err(|e| format!("YAML writer failed: {e}"))?;
    let mut markdown = Vec::new();
    cable_markdown::write(cable, &cable_markdown::Options::default(), &mut markdown)
        .map_err(|e| format!("Markdown writer failed: {e}"))?;
    let mut xml = Vec::new();
    cable_xml::write(cable, &cable_xml::Options::default(), &mut xml)
        .map_err(|e| format!("XML writer failed: {e}"))?;
    let mut pandoc = Vec::new();
    cable_pandoc::write(cable, &cable_pandoc::Options::default(), &mut pandoc)
        .map_err(|e| format!("Pandoc writer failed: {e}"))?;
    Ok(Outputs {
        yaml: utf8(yaml, "YAML")?,
        markdown: utf8(markdown, "Markdown")?,
        xml: utf8(xml, "XML")?,
        pandoc: utf8(pandoc, "Pandoc")?,
    })
}

/// Checks every output of `cable` (and, for Markdown, that the cable's
/// paragraphs reach the page), and that the stations addressees exclude
/// reach every output.
pub(crate) fn check_all(cable: &Cable, out: &Outputs) -> Result<(), String> {
    check_yaml(&out.yaml).map_err(|e| format!("YAML: {e}"))?;
    check_xml(out.xml.as_bytes()).map_err(|e| format!("XML: {e}"))?;
    check_pandoc(&out.pandoc).map_err(|e| format!("Pandoc JSON: {e}"))?;
    check_markdown(&out.markdown).map_err(|e| format!("Markdown: {e}"))?;
    check_paragraphs_in_markdown(cable, &out.markdown).map_err(|e| format!("Markdown: {e}"))?;
    check_excluded_in_outputs(cable, out)?;
    Ok(())
}

/// Every plain word (letters and digits only, which no format escapes) of
/// every station an addressee excludes (`XMT`) is in each output: in the
/// YAML, the XML and the Pandoc JSON as written, on the rendered Markdown
/// page.
pub(crate) fn check_excluded_in_outputs(cable: &Cable, out: &Outputs) -> Result<(), String> {
    let r = &cable.routing;
    let page = rendered_text(&out.markdown);
    let outputs = [
        ("YAML", out.yaml.as_str()),
        ("XML", out.xml.as_str()),
        ("Pandoc JSON", out.pandoc.as_str()),
        ("Markdown", page.as_str()),
    ];
    let stations = r
        .from
        .iter()
        .chain(&r.to)
        .chain(&r.info)
        .flat_map(|a| &a.excluded);
    for w in stations.flat_map(|s| s.split_whitespace()) {
        if !w.chars().all(char::is_alphanumeric) {
            continue;
        }
        if let Some((what, _)) = outputs.iter().find(|(_, text)| !text.contains(w)) {
            return Err(format!("{what}: excluded station word {w:?} missing"));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------
// YAML

/// The YAML reads back (as any JSON-like value) and is one mapping.
///
/// serde-saphyr's default budget refuses nesting deeper than 64; a cable's
/// YAML nests two levels per note and the parser nests notes up to 32 deep
/// (more than 64 levels: reported), so the depth budget is raised here.
pub(crate) fn check_yaml(yaml: &str) -> Result<(), String> {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = 1024;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    let v: serde_json::Value =
        serde_saphyr::from_str_with_options(yaml, options).map_err(|e| e.to_string())?;
    if !v.is_object() {
        return Err(format!("top level is not a mapping: {v}"));
    }
    Ok(())
}

// ---------------------------------------------------------------------
// XML

/// Characters XML 1.0 allows.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// References allowed in text and attribute values: the five predefined
/// entities and character references to allowed characters.
fn check_refs(raw: &str) -> Result<(), String> {
    for piece in raw.split('&').skip(1) {
        let Some((name, _)) = piece.split_once(';') else {
            return Err(format!("bare & before {piece:?}"));
        };
        let ok = match name {
            "amp" | "lt" | "gt" | "quot" | "apos" => true,
            n if n.starts_with("#x") => u32::from_str_radix(&n[2..], 16)
                .ok()
                .and_then(char::from_u32)
                .is_some_and(xml_char),
            n if n.starts_with('#') => n[1..]
                .parse::<u32>()
                .ok()
                .and_then(char::from_u32)
                .is_some_and(xml_char),
            _ => false,
        };
        if !ok {
            return Err(format!("bad reference &{name};"));
        }
    }
    Ok(())
}

fn check_attributes(e: &BytesStart<'_>) -> Result<(), String> {
    for a in e.attributes().with_checks(true) {
        let a = a.map_err(|e| e.to_string())?;
        let v: &str = &a.value;
        if v.contains('<') {
            return Err(format!("< in attribute value {v:?}"));
        }
        check_refs(v)?;
    }
    Ok(())
}

/// Well-formed XML 1.0: UTF-8, allowed characters only, one root element,
/// balanced and matching tags, valid attributes and references, read to
/// the end by `quick_xml::Reader`.
pub(crate) fn check_xml(xml: &[u8]) -> Result<(), String> {
    let text = std::str::from_utf8(xml).map_err(|e| e.to_string())?;
    if let Some(c) = text.chars().find(|c| !xml_char(*c)) {
        return Err(format!("character {c:?} not allowed in XML 1.0"));
    }
    let mut reader = quick_xml::Reader::from_str(text);
    let (mut depth, mut roots) = (0u64, 0u32);
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("at byte {}: {e}", reader.buffer_position()))?;
        match event {
            Event::Eof => break,
            Event::Start(e) => {
                check_attributes(&e)?;
                if depth == 0 {
                    roots += 1;
                }
                depth += 1;
            }
            Event::Empty(e) => {
                check_attributes(&e)?;
                if depth == 0 {
                    roots += 1;
                }
            }
            Event::End(_) => depth = depth.checked_sub(1).ok_or("unbalanced end tag")?,
            Event::GeneralRef(r) => {
                let raw: &str = &r;
                check_refs(&format!("&{raw};"))?;
            }
            Event::Text(t) if depth == 0 && !t.trim().is_empty() => {
                return Err("text outside the root element".into());
            }
            _ => {}
        }
    }
    if depth != 0 || roots != 1 {
        return Err(format!("{roots} root elements, {depth} left open"));
    }
    Ok(())
}

// ---------------------------------------------------------------------
// Pandoc JSON

/// The JSON parses and has pandoc's document shape.
pub(crate) fn check_pandoc(json: &str) -> Result<(), String> {
    let v: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let version = v.get("pandoc-api-version").and_then(|x| x.as_array());
    if !version.is_some_and(|a| !a.is_empty() && a.iter().all(serde_json::Value::is_u64)) {
        return Err("no pandoc-api-version".into());
    }
    if !v.get("blocks").is_some_and(serde_json::Value::is_array) {
        return Err("no blocks array".into());
    }
    if !v.get("meta").is_some_and(serde_json::Value::is_object) {
        return Err("no meta object".into());
    }
    Ok(())
}

// ---------------------------------------------------------------------
// Markdown

/// The page's front matter (YAML between `---` lines) reads back, and the
/// rest parses with pulldown-cmark.
pub(crate) fn check_markdown(md: &str) -> Result<(), String> {
    if let Some(rest) = md.strip_prefix("---\n") {
        let end = rest
            .find("\n---\n")
            .ok_or("front matter is not closed by ---")?;
        check_yaml(&rest[..end + 1]).map_err(|e| format!("front matter: {e}"))?;
    }
    // CommonMark parsing never fails; run it to the end.
    let _ = rendered_text(md);
    Ok(())
}

/// The text a CommonMark reader sees: text and code spans, breaks as spaces,
/// whitespace collapsed.
pub(crate) fn rendered_text(md: &str) -> String {
    use pulldown_cmark::{Event as Md, Parser};
    let mut s = String::new();
    for e in Parser::new(md) {
        match e {
            Md::Text(t) | Md::Code(t) => s.push_str(&t),
            Md::SoftBreak | Md::HardBreak | Md::End(_) => s.push(' '),
            _ => {}
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every labelled paragraph of the body reaches the rendered page: its
/// `N.` label, and every plain word (letters and digits only) of its text.
pub(crate) fn check_paragraphs_in_markdown(cable: &Cable, md: &str) -> Result<(), String> {
    let text = rendered_text(md);
    let words: std::collections::BTreeSet<&str> = text.split(' ').collect();
    let mut missing = Vec::new();
    walk_paragraphs(&cable.body, &mut |label, body| {
        if let Some((value, raw)) = label {
            // As the page shows it: controls as spaces, whitespace collapsed.
            let shown = |s: &str| {
                s.chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let (value, raw) = (shown(&value), shown(&raw));
            let found = |s: &str| s.is_empty() || text.contains(s);
            if !found(&value) && !found(&raw) {
                missing.push(format!("label {raw:?}"));
            }
        }
        for w in body.split_whitespace() {
            let plain = !w.is_empty() && w.chars().all(char::is_alphanumeric);
            if plain && !words.contains(w) && !text.contains(w) {
                missing.push(format!("word {w:?}"));
            }
        }
    });
    if missing.is_empty() {
        Ok(())
    } else {
        missing.truncate(5);
        Err(format!("not on the page: {}", missing.join(", ")))
    }
}

/// A paragraph label as `(value, raw)`: `("5", "15")`.
type LabelText = (String, String);

fn walk_paragraphs(blocks: &[Block], f: &mut dyn FnMut(Option<LabelText>, &str)) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => {
                let label = p.label.as_ref().map(|l| {
                    let value = match l.value {
                        LabelValue::Number(n) => n.to_string(),
                        LabelValue::Letter(c) => c.to_string(),
                        _ => l.raw.clone(),
                    };
                    (value, l.raw.clone())
                });
                f(label, &p.text);
                walk_paragraphs(&p.children, f);
            }
            Block::Note(n) => walk_paragraphs(&n.blocks, f),
            Block::List(l) => {
                for i in &l.items {
                    walk_paragraphs(&i.children, f);
                }
            }
            _ => {}
        }
    }
}
