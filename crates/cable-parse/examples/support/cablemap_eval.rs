//! Evaluation of one conformance case of the peer parser (heuer/cablemap)
//! with this crate's public API, in the peer's JSON shape. Shared by the
//! `cablemap-cases` example and `tests/parse/conformance.rs`.

use cable_model::{
    Addressee, Block, Cable, ContainerMeta, Date, Declassify, Note, NoteKind, ReferenceKind, Tag,
    TagKind, Timestamp,
};
use serde_json::{Value, json};

/// Computes the `actual` value for one case.
pub(crate) fn evaluate(case: &Value) -> Value {
    let field = case["field"].as_str().unwrap_or("");
    let input = case["input"].as_str().unwrap_or("");
    let ctx = &case["context"];
    let flag = |k: &str| ctx[k].as_bool().unwrap_or(false);
    match field {
        "canonical_id" => {
            cable_parse::canonical_id(input).map_or(Value::Null, |i| json!(i.to_string()))
        }
        "titlefy" => json!(cable_parse::titlefy(input)),
        "tag_kind" => {
            let kind = cable_parse::tag(input).map(|t| t.kind());
            json!(match kind {
                Some(TagKind::Geo) => "TAG_KIND_GEO",
                Some(TagKind::Subject) => "TAG_KIND_SUBJECT",
                Some(TagKind::Program) => "TAG_KIND_PROGRAM",
                Some(TagKind::Person) => "TAG_KIND_PERSON",
                Some(TagKind::Organisation) => "TAG_KIND_ORG",
                _ => "TAG_KIND_UNKNOWN",
            })
        }
        _ => {
            let cable = cable_parse::parse_with(input, &meta(ctx));
            from_cable(field, input, &cable, flag("clean"), flag("normalize"))
        }
    }
}

/// What the case's context says about the citing cable, as container metadata.
fn meta(ctx: &Value) -> ContainerMeta {
    let mut m = ContainerMeta::default();
    match ctx["year"].as_u64().and_then(|y| u16::try_from(y).ok()) {
        Some(y) => {
            m.date = Date::new(y, 1, 1).and_then(|d| Timestamp::new(d, 0, 0));
        }
        None => m.id = ctx["reference_id"].as_str().map(str::to_owned),
    }
    m
}

fn from_cable(field: &str, input: &str, c: &Cable, clean: bool, normalize: bool) -> Value {
    match field {
        "classified_by" => {
            let name = c.classified_by.as_ref().and_then(|cb| cb.name.clone());
            json!(name.map(|n| if normalize { normalize_name(&n) } else { n }).into_iter().collect::<Vec<_>>())
        }
        "references" => {
            let mut out: Vec<String> = Vec::new();
            for r in &c.references {
                if let (ReferenceKind::Cable, Some(id)) = (r.kind, &r.id) {
                    let s = id.to_string();
                    if !out.contains(&s) {
                        out.push(s);
                    }
                }
            }
            json!(out)
        }
        "references_ng" => json!(c
            .references
            .iter()
            .map(|r| {
                let kind = match r.kind {
                    ReferenceKind::Cable => "cable",
                    ReferenceKind::Email => "email",
                    ReferenceKind::Telcon => "tel",
                    ReferenceKind::Document if r.text.contains("FAM") => "book",
                    _ => "report",
                };
                let value = r.id.as_ref().map_or_else(|| r.text.clone(), |i| i.to_string());
                json!({"value": value, "kind": kind, "bullet": r.label.map(String::from), "title": null})
            })
            .collect::<Vec<_>>()),
        "tags" => json!(c.tags.iter().map(Tag::as_str).collect::<Vec<_>>()),
        "subject" => match &c.subject {
            Some(s) => match (&s.marking, clean) {
                (Some(m), false) => json!(format!("({}) {}", m.raw, s.text)),
                _ => json!(s.text),
            },
            None => json!(""),
        },
        "signers" => json!(c.signer.iter().collect::<Vec<_>>()),
        // The peer keeps the summary's line breaks; the model joins wrapped
        // lines, so its blocks become lines (list items with their bullet)
        // laid back onto the cable's own line breaks.
        "summary" => summary_note(&c.body).map_or(Value::Null, |n| {
            let mut parts = Vec::new();
            summary_text(&n.blocks, &mut parts);
            json!(cable_parse::with_line_breaks(input, &parts.join("\n")))
        }),
        // The peer's line-preserving clean-up for search indexing.
        "clean_content" => json!(cable_parse::search_text(input)),
        "info_recipients" => json!(c.routing.info.iter().map(recipient).collect::<Vec<_>>()),
        "recipients" => json!(c.routing.to.iter().map(recipient).collect::<Vec<_>>()),
        "nondisclosure_deadline" => match &c.declassify {
            Some(Declassify::Date(d)) => json!(d.to_string()),
            _ => Value::Null,
        },
        _ => Value::Null,
    }
}

fn recipient(a: &Addressee) -> Value {
    let precedence = a.precedence.map(|p| {
        if a.niact {
            format!("NIACT {}", p.name())
        } else {
            p.name().to_owned()
        }
    });
    json!({"route": a.route, "name": a.name, "precedence": precedence, "mcn": a.serial, "excluded": a.excluded})
}

fn text_of(blocks: &[Block], out: &mut Vec<String>) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => {
                if !p.text.is_empty() {
                    out.push(p.text.clone());
                }
                text_of(&p.children, out);
            }
            Block::Text(t) => out.push(t.clone()),
            Block::List(l) => {
                for i in &l.items {
                    out.push(i.text.clone());
                    text_of(&i.children, out);
                }
            }
            Block::Heading(h) => out.push(h.text.clone()),
            Block::Note(n) => text_of(&n.blocks, out),
            _ => {}
        }
    }
}

/// The first summary note, depth first.
fn summary_note(blocks: &[Block]) -> Option<&Note> {
    blocks.iter().find_map(|b| match b {
        Block::Note(n) if n.kind == NoteKind::Summary => Some(n),
        Block::Note(n) => summary_note(&n.blocks),
        Block::Paragraph(p) => summary_note(&p.children),
        Block::List(l) => l.items.iter().find_map(|i| summary_note(&i.children)),
        _ => None,
    })
}

/// Like `text_of`, with list items keeping their bullet (`-- item`).
fn summary_text(blocks: &[Block], out: &mut Vec<String>) {
    for b in blocks {
        match b {
            Block::List(l) => {
                for i in &l.items {
                    out.push(format!("{} {}", i.marker, i.text));
                    summary_text(&i.children, out);
                }
            }
            Block::Paragraph(p) => {
                if !p.text.is_empty() {
                    out.push(p.text.clone());
                }
                summary_text(&p.children, out);
            }
            Block::Note(n) => summary_text(&n.blocks, out),
            other => text_of(std::slice::from_ref(other), out),
        }
    }
}

/// The peer's `normalize`: title case, `0` read as `O`, `Iii` as `III`; a
/// word written in mixed case with a capital inside (`LeBaron`,
/// `McDonald`) is already in its own case and is kept, and so is a name
/// written in mixed case (`Peter van der Berg`).
fn normalize_name(n: &str) -> String {
    if n.chars().any(char::is_lowercase) {
        return n.to_owned();
    }
    n.split(' ')
        .map(|w| {
            let inner_capital = w.chars().skip(1).any(char::is_uppercase);
            if inner_capital && w.chars().any(char::is_lowercase) {
                return w.to_owned();
            }
            let w = w.replace('0', "O");
            let mut out = String::new();
            let mut start = true;
            for ch in w.chars() {
                if start {
                    out.extend(ch.to_uppercase());
                } else {
                    out.extend(ch.to_lowercase());
                }
                start = !ch.is_alphabetic();
            }
            match out.as_str() {
                "Iii" => "III".to_owned(),
                "Ii" => "II".to_owned(),
                _ => out,
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
