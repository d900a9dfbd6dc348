//! The CommonMark oracle: renders a page with pulldown-cmark and checks it
//! against the model it was written from.
//!
//! * every word of the model's body (labels, markings, note keywords, text)
//!   appears in the rendered text, in order;
//! * every labelled paragraph shows `N. (MARKING)` exactly;
//! * the only structure is the one the writer means: one title heading
//!   plus one heading per model heading, one block quote per note, one
//!   bullet list per model list (plus the header list and its references
//!   list), no ordered list, no emphasis, no raw HTML, no code, no rule,
//!   no table, strike-through, math or footnote, strong text only for
//!   labels, keywords and the signer, links only to the expected URLs.

use cable_model::{Block, Cable, Paragraph};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// What a page's structure should be, from the model.
#[derive(Debug, Default, PartialEq)]
struct Counts {
    headings: Vec<u8>,
    quotes: usize,
    bullet_lists: usize,
}

fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A paragraph's label as the page shows it: `5.`, `A.`; a hand-built
/// value that is a space or a control character shows as nothing (the
/// writer turns those into spaces and trims them).
fn label(p: &Paragraph) -> Option<String> {
    p.label
        .as_ref()
        .map(|l| tokens(&format!("{}.", l.value)).join(" "))
}

/// The words the body must show, in order, and the structure it must have.
fn walk(
    blocks: &[Block],
    level: u8,
    words: &mut Vec<String>,
    shown: &mut Vec<String>,
    counts: &mut Counts,
) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => {
                let mut head = String::new();
                if let Some(l) = label(p) {
                    words.push(l.clone());
                    head.push_str(&l);
                }
                if let Some(m) = &p.marking {
                    let m = format!("({})", m.raw);
                    words.extend(tokens(&m));
                    if !head.is_empty() {
                        head.push(' ');
                        head.push_str(&tokens(&m).join(" "));
                    }
                }
                if p.label.is_some() {
                    shown.push(head);
                }
                words.extend(tokens(&p.text));
                walk(&p.children, level, words, shown, counts);
            }
            Block::Text(t) => words.extend(tokens(t)),
            Block::List(l) if !l.items.is_empty() => {
                counts.bullet_lists += 1;
                for i in &l.items {
                    words.extend(tokens(&i.text));
                    walk(&i.children, level, words, shown, counts);
                }
            }
            Block::List(_) => {}
            Block::Heading(h) if !tokens(&h.text).is_empty() => {
                counts.headings.push(level);
                words.extend(tokens(&h.text));
            }
            Block::Heading(_) => {}
            Block::Note(n) => {
                counts.quotes += 1;
                words.extend(tokens(&format!("{}:", n.opener())));
                walk(&n.blocks, level, words, shown, counts);
            }
            _ => {}
        }
    }
}

/// Renders `page` with pulldown-cmark (CommonMark only, then with every
/// extension it has except smart punctuation) and returns the problems
/// found; empty means the page is right. `links` are the URLs that may be
/// linked; `heading_offset` and `title` (a title heading) as in the
/// writer's options.
pub fn commonmark(
    cable: &Cable,
    page: &str,
    links: &[String],
    heading_offset: u8,
    title: bool,
) -> Vec<String> {
    let mut problems = Vec::new();
    let plain = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let all = Options::all() - Options::ENABLE_SMART_PUNCTUATION - Options::ENABLE_OLD_FOOTNOTES;
    for (name, opts) in [("commonmark", plain), ("all extensions", all)] {
        for p in check_with(cable, page, links, heading_offset, title, opts) {
            problems.push(format!("[{name}] {p}"));
        }
    }
    problems
}

fn check_with(
    cable: &Cable,
    page: &str,
    links: &[String],
    offset: u8,
    title: bool,
    opts: Options,
) -> Vec<String> {
    let mut problems = Vec::new();
    let mut counts = Counts::default();
    let mut text = String::new();
    let mut strong_depth = 0usize;
    let mut strong = Vec::new();
    let mut strong_text = String::new();
    let mut in_metadata = false;
    for event in Parser::new_ext(page, opts) {
        match event {
            Event::Start(tag) => match tag {
                Tag::MetadataBlock(_) => in_metadata = true,
                Tag::Heading { level, .. } => counts.headings.push(level as u8),
                Tag::BlockQuote(_) => counts.quotes += 1,
                Tag::List(Some(start)) => {
                    problems.push(format!("an ordered list starting at {start}"))
                }
                Tag::List(None) => counts.bullet_lists += 1,
                Tag::Strong => {
                    strong_depth += 1;
                    strong_text.clear();
                }
                Tag::Link { dest_url, .. } => {
                    if !links.iter().any(|l| l.as_str() == dest_url.as_ref()) {
                        problems.push(format!("an unexpected link to {dest_url:?}"));
                    }
                }
                Tag::Paragraph | Tag::Item => {}
                other => problems.push(format!("unexpected markup {other:?}")),
            },
            Event::End(tag) => {
                match tag {
                    TagEnd::MetadataBlock(_) => in_metadata = false,
                    TagEnd::Strong => {
                        strong_depth = strong_depth.saturating_sub(1);
                        strong.push(strong_text.clone());
                    }
                    _ => {}
                }
                if !in_metadata {
                    text.push('\n');
                }
            }
            Event::Text(t) if !in_metadata => {
                text.push_str(&t);
                if strong_depth > 0 {
                    strong_text.push_str(&t);
                }
            }
            Event::Text(_) => {}
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            other => problems.push(format!("unexpected event {other:?}")),
        }
    }

    // The structure the model asks for.
    let mut expected = Counts {
        headings: if title { vec![1] } else { Vec::new() },
        ..Counts::default()
    };
    let mut words = Vec::new();
    let mut shown = Vec::new();
    walk(&cable.body, 2, &mut words, &mut shown, &mut expected);
    for h in &mut expected.headings {
        *h = h.saturating_add(offset).min(6);
    }
    let header_list = strong.iter().any(|s| {
        [
            "Date:",
            "From:",
            "To:",
            "Classification:",
            "Subject:",
            "Tags:",
            "References:",
            "E.O.:",
            "Precedence:",
        ]
        .contains(&s.as_str())
    });
    expected.bullet_lists += usize::from(header_list) + usize::from(!cable.references.is_empty());
    if counts != expected {
        problems.push(format!("structure {counts:?}, expected {expected:?}"));
    }

    // Words in order.
    let rendered = tokens(&text);
    let mut at = 0;
    for w in &words {
        match rendered[at..].iter().position(|r| r == w) {
            Some(i) => at += i + 1,
            None => {
                problems.push(format!(
                    "word {w:?} missing or out of order (after {:?})",
                    rendered[..at]
                        .iter()
                        .rev()
                        .take(6)
                        .rev()
                        .collect::<Vec<_>>()
                ));
                break;
            }
        }
    }

    // Labels and markings exactly as written.
    let flat = rendered.join(" ");
    for s in &shown {
        if !flat.contains(s.as_str()) {
            problems.push(format!("paragraph label {s:?} not shown as written"));
        }
    }

    // Strong text only for labels, keywords and the signer.
    // A label is whatever value the model holds (hand-built models hold any
    // character), so it is matched against the model's labels.
    let signer = cable.signer.as_deref().map(|s| tokens(s).join(" "));
    let mut labels = std::collections::BTreeSet::new();
    collect_labels(&cable.body, &mut labels);
    for s in &strong {
        let is_label = labels.contains(&tokens(s).join(" "));
        let ok = is_label || s.ends_with(':') || Some(tokens(s).join(" ")) == signer;
        if !ok {
            problems.push(format!("unexpected strong text {s:?}"));
        }
    }
    problems
}

/// The labels of every paragraph in `blocks`, as the page shows them.
fn collect_labels(blocks: &[Block], labels: &mut std::collections::BTreeSet<String>) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => {
                labels.extend(label(p));
                collect_labels(&p.children, labels);
            }
            Block::List(l) => {
                for i in &l.items {
                    collect_labels(&i.children, labels);
                }
            }
            Block::Note(n) => collect_labels(&n.blocks, labels),
            _ => {}
        }
    }
}
