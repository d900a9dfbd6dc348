//! Properties over arbitrary text: the writer never fails on a `Vec`, its
//! output always reads back as a pandoc document, every `Str` is a
//! non-empty word free of whitespace and control characters, and the words
//! are exactly the input's words in order.
#![allow(clippy::unwrap_used)]

use crate::support;
use cable_model::{Block, Cable, Label, LabelValue, List, ListItem, Note, NoteKind, Paragraph};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~\t\n\r\u{0}-\u{1f}\u{7f}\u{85}\u{a0}\u{2028}]{0,40}",
    ]
}

fn cable(texts: Vec<String>, n: u32) -> Cable {
    let mut body = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        body.push(match i % 4 {
            0 => Block::Paragraph(Paragraph {
                label: Some(Label {
                    value: LabelValue::Number(n),
                    raw: format!("{n}"),
                }),
                text: t.clone(),
                ..Paragraph::default()
            }),
            1 => Block::Text(t.clone()),
            2 => Block::List(List {
                items: vec![ListItem {
                    marker: "--".into(),
                    text: t.clone(),
                    children: vec![Block::Text(t.clone())],
                }],
            }),
            _ => Block::Note(Note {
                kind: NoteKind::Begin,
                title: t.clone(),
                blocks: vec![Block::Text(t.clone())],
                closed: false,
            }),
        });
    }
    Cable {
        body,
        signer: texts.first().cloned(),
        ..Cable::default()
    }
}

fn strs(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(o) if o.get("t").and_then(|t| t.as_str()) == Some("Str") => {
            out.push(o["c"].as_str().unwrap().to_owned())
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| strs(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| strs(x, out)),
        _ => {}
    }
}

proptest! {
    #[test]
    fn any_text_gives_a_valid_document(texts in proptest::collection::vec(text(), 1..6), n in 0u32..1000) {
        let c = cable(texts.clone(), n);
        let mut out = Vec::new();
        cable_pandoc::write(&c, &cable_pandoc::Options::default(), &mut out).unwrap();
        let doc: pandoc_ast::Pandoc = serde_json::from_slice(&out).unwrap();
        // The streamed JSON and the typed tree are the same document.
        prop_assert!(doc == cable_pandoc::to_ast(&c, &cable_pandoc::Options::default()));
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let mut words = Vec::new();
        strs(&v["blocks"], &mut words);
        for w in &words {
            prop_assert!(!w.is_empty());
            prop_assert!(!w.chars().any(|c| c.is_whitespace() || c.is_control()), "{w:?}");
        }
        // Every word of the body is there, in order.
        let mut expected = Vec::new();
        support::body_words(&c.body, &mut expected);
        support::assert_words_in_order(&words.join(" "), &expected, "generated cable");
        let ids: Vec<_> = v["blocks"].as_array().unwrap().iter()
            .filter(|b| b["t"] == "Div" && b["c"][1].is_array())
            .map(|b| b["c"][0][0].as_str().unwrap().to_owned())
            .filter(|id| !id.is_empty())
            .collect();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        prop_assert_eq!(ids.len(), unique.len(), "identifiers are unique: {:?}", ids);
    }
}
