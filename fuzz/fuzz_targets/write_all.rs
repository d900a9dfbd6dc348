//! Any bytes parse to a Cable, and every writer turns it into well-formed
//! output: YAML that reads back, XML that reads to the end, Pandoc JSON that
//! parses, Markdown that is UTF-8.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quick_xml::events::{BytesStart, Event};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let cable = cable_parse::parse(&text);

    let mut yaml = Vec::new();
    cable_yaml::write(&cable, &cable_yaml::Options::default(), &mut yaml).expect("yaml write");
    let yaml = String::from_utf8(yaml).expect("yaml is UTF-8");
    // serde-saphyr's default budget refuses nesting deeper than 64; the YAML
    // of a cable with ~30 nested notes is deeper (docs/robustness.md).
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = 1024;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    if let Err(e) = serde_saphyr::from_str_with_options::<serde_json::Value>(&yaml, options) {
        panic!("YAML does not read back: {e}\n{yaml}");
    }

    let mut xml = Vec::new();
    cable_xml::write(&cable, &cable_xml::Options::default(), &mut xml).expect("xml write");
    if let Err(e) = check_xml(&xml) {
        panic!(
            "XML is not well-formed: {e}\n{}",
            String::from_utf8_lossy(&xml)
        );
    }

    let mut json = Vec::new();
    cable_pandoc::write(&cable, &cable_pandoc::Options::default(), &mut json)
        .expect("pandoc write");
    if let Err(e) = serde_json::from_slice::<serde_json::Value>(&json) {
        panic!("Pandoc JSON does not parse: {e}");
    }

    let mut md = Vec::new();
    cable_markdown::write(&cable, &cable_markdown::Options::default(), &mut md)
        .expect("markdown write");
    String::from_utf8(md).expect("Markdown is UTF-8");
});

/// Characters XML 1.0 allows.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// References allowed in text and attribute values: the five predefined
/// entities and character references to allowed characters.
fn check_refs(raw: &str) -> Result<(), String> {
    for piece in raw.split('&').skip(1) {
        let name = piece.split(';').next().unwrap_or_default();
        if !piece.contains(';') {
            return Err(format!("bare & before {piece:?}"));
        }
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
/// balanced and matching tags, valid attributes and references.
fn check_xml(xml: &[u8]) -> Result<(), String> {
    let text = std::str::from_utf8(xml).map_err(|e| e.to_string())?;
    if let Some(c) = text.chars().find(|c| !xml_char(*c)) {
        return Err(format!("character {c:?} not allowed in XML 1.0"));
    }
    let mut reader = quick_xml::Reader::from_str(text);
    let (mut depth, mut roots) = (0u64, 0u32);
    loop {
        match reader
            .read_event()
            .map_err(|e| format!("at {}: {e}", reader.buffer_position()))?
        {
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
