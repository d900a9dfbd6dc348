//! The body as Markdown blocks.
//!
//! ```text
//! Paragraph 5 (C) "TALKING POINTS:"  ->  **5.** (C) TALKING POINTS:
//! List of `--` items                 ->  - As agreed …      (a real bullet list)
//! Heading                            ->  ## U.S. Views on Informal Brainstorming …
//! Paragraph A (C) "" + Heading        ->  ## A. (C) PREPARATION FOR THE 2008 CANBERRA …
//! Note NOTE / SUMMARY / BEGIN X      ->  > **NOTE:** We understand informally …
//!                                        > **BEGIN GUIDANCE:** …
//! Text                               ->  a paragraph
//! ```
//!
//! Sub-paragraphs (`A.`, `(a)`) and a paragraph's further blocks follow it
//! at the same level: the label carries the hierarchy, and deep nesting
//! would turn long prose into indented code for some renderers.

use crate::Options;
use crate::page::hashes;
use crate::prose::{Mode, escape, fill};
use cable_model::{Block, Heading, Label, List, Note, Paragraph};
use std::borrow::Cow;

/// Prefixes `lines`: `first` on the first line, `rest` on the others;
/// blank lines get the prefix with trailing spaces removed.
///
/// ```text
/// indent(["a", "", "b"], "- ", "  ")  ->  ["- a", "", "  b"]
/// ```
pub(crate) fn indent(lines: Vec<String>, first: &str, rest: &str) -> Vec<String> {
    lines
        .into_iter()
        .enumerate()
        .map(|(i, mut line)| {
            let prefix = if i == 0 { first } else { rest };
            if line.is_empty() {
                line.push_str(prefix.trim_end());
            } else {
                line.insert_str(0, prefix);
            }
            line
        })
        .collect()
}

/// The indentation of a list item's further lines and blocks: four
/// spaces, which Python-Markdown (MkDocs) needs to keep a nested list or a
/// second paragraph inside its item; CommonMark, kramdown and pandoc take
/// it too (they need at least the two columns of `- `).
pub(crate) const ITEM_INDENT: &str = "    ";

/// Width left after a prefix of `used` columns (never below 20).
fn narrower(width: Option<usize>, used: usize) -> Option<usize> {
    width.map(|w| w.saturating_sub(used).max(20))
}

/// The lines of a sequence of blocks, separated by blank lines.
pub(crate) fn lines(blocks: &[Block], opts: &Options, width: Option<usize>) -> Vec<String> {
    let mut out = Vec::new();
    // Two lists in a row would merge: alternate the bullet character.
    let mut last_bullet: Option<char> = None;
    for b in blocks {
        let (lines, bullet) = match b {
            Block::List(l) => {
                let bullet = if last_bullet == Some('-') { '*' } else { '-' };
                (list(l, bullet, opts, width), Some(bullet))
            }
            other => (block(other, opts, width), None),
        };
        if lines.is_empty() {
            continue;
        }
        last_bullet = bullet;
        if !out.is_empty() {
            out.push(String::new());
        }
        out.extend(lines);
    }
    out
}

fn block(b: &Block, opts: &Options, width: Option<usize>) -> Vec<String> {
    match b {
        Block::Paragraph(p) => paragraph(p, opts, width),
        Block::Text(t) if t.trim().is_empty() => Vec::new(),
        Block::Text(t) => fill("", t, width),
        Block::List(l) => list(l, '-', opts, width),
        Block::Heading(h) => heading(h, opts),
        Block::Note(n) => note(n, opts, width),
        // A block kind this writer does not know yet: nothing rather than a guess.
        _ => Vec::new(),
    }
}

/// The strong lead of a paragraph: `**5.**`. The label is escaped like
/// text (with its dot, which a `\` label would otherwise escape): a model
/// may hold any character, and one written as is would make markup with
/// the text after it (`` **`.** \` `` is a code span from the label's
/// backtick to the text's, and the label vanishes from the page).
///
/// ```text
/// Number(5)      ->  **5.**
/// Letter('`')    ->  **\`.**
/// Letter('\\')   ->  **\\.**
/// Letter(' ')    ->  **.**
/// ```
fn label_lead(label: &Label) -> String {
    format!("**{}**", escape(&format!("{}.", label.value), Mode::Lead))
}

/// `**5.** (C) text`, then the paragraph's own blocks.
fn paragraph(p: &Paragraph, opts: &Options, width: Option<usize>) -> Vec<String> {
    let lead = p.label.as_ref().map(label_lead).unwrap_or_default();
    let text: Cow<'_, str> = match &p.marking {
        Some(m) => {
            let mut t = String::with_capacity(m.raw.len() + 3 + p.text.len());
            t.push('(');
            t.push_str(&m.raw);
            t.push(')');
            if !p.text.is_empty() {
                t.push(' ');
                t.push_str(&p.text);
            }
            Cow::Owned(t)
        }
        None => Cow::Borrowed(&p.text),
    };
    let mut out = Vec::new();
    let mut children = p.children.as_slice();
    // `A. (C) PREPARATION …` underlined by `////`: the parser gives an empty
    // paragraph whose first block is the heading; show it as one heading
    // `## A. (C) PREPARATION …` so that it reaches the table of contents.
    let heading_child = match children.split_first() {
        Some((Block::Heading(h), rest))
            if p.text.trim().is_empty() && !lead.is_empty() && !h.text.trim().is_empty() =>
        {
            Some((h, rest))
        }
        _ => None,
    };
    if let Some((h, rest)) = heading_child {
        let label = p.label.as_ref().map(|l| format!("{}.", l.value));
        let head = [label, p.marking.as_ref().map(|m| format!("({})", m.raw))]
            .into_iter()
            .flatten()
            .chain([h.text.clone()])
            .collect::<Vec<_>>()
            .join(" ");
        out.push(format!(
            "{} {}",
            hashes(2, opts),
            escape(&head, Mode::Heading)
        ));
        children = rest;
    } else if !lead.is_empty() || !text.trim().is_empty() {
        out = fill(&lead, &text, width);
    }
    let children = lines(children, opts, width);
    if !children.is_empty() {
        if !out.is_empty() {
            out.push(String::new());
        }
        out.extend(children);
    }
    out
}

/// A bullet list; loose (blank lines between items) when an item has
/// blocks of its own.
fn list(l: &List, bullet: char, opts: &Options, width: Option<usize>) -> Vec<String> {
    let inner = narrower(width, ITEM_INDENT.len());
    let loose = l.items.iter().any(|i| !i.children.is_empty());
    let first = format!("{bullet} ");
    let mut out = Vec::new();
    for item in &l.items {
        let mut lines = Vec::new();
        // `(ii) a list of crossings;`: a numbering marker stays before
        // the text (the list's own bullets are `-`).
        let text = match item.label() {
            Some(label) => std::borrow::Cow::Owned(format!("{label} {}", item.text)),
            None => std::borrow::Cow::Borrowed(item.text.as_str()),
        };
        if !text.trim().is_empty() {
            lines = fill("", &text, inner);
        }
        let children = self::lines(&item.children, opts, inner);
        if !children.is_empty() && !lines.is_empty() {
            lines.push(String::new());
        }
        lines.extend(children);
        if lines.is_empty() {
            lines.push(String::new());
        }
        if loose && !out.is_empty() {
            out.push(String::new());
        }
        out.extend(indent(lines, &first, ITEM_INDENT));
    }
    out
}

fn heading(h: &Heading, opts: &Options) -> Vec<String> {
    let text = escape(&h.text, Mode::Heading);
    if text.is_empty() {
        return Vec::new();
    }
    vec![format!("{} {text}", hashes(2, opts))]
}

/// A block quote led by the note's keyword: `> **NOTE:** …`.
fn note(n: &Note, opts: &Options, width: Option<usize>) -> Vec<String> {
    let inner = narrower(width, 2);
    // `BEGIN TEXT:` keeps its BEGIN: `TEXT:` alone would read as a label.
    let lead = format!("**{}:**", escape(&n.opener(), Mode::Lead));
    let mut blocks = n.blocks.as_slice();
    let mut out = match blocks.split_first() {
        Some((Block::Text(t), rest)) => {
            blocks = rest;
            fill(&lead, t, inner)
        }
        _ => vec![lead],
    };
    let rest = lines(blocks, opts, inner);
    if !rest.is_empty() {
        out.push(String::new());
        out.extend(rest);
    }
    indent(out, "> ", "> ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use cable_model::ListItem;

    fn item(text: &str) -> ListItem {
        ListItem {
            marker: "--".into(),
            text: text.into(),
            children: vec![],
        }
    }

    #[test]
    fn consecutive_lists_do_not_merge() {
        let l = |t: &str| {
            Block::List(List {
                items: vec![item(t)],
            })
        };
        let got = lines(
            &[l("a"), l("b"), Block::Text("c".into()), l("d")],
            &Options::default(),
            None,
        );
        assert_eq!(got, ["- a", "", "* b", "", "c", "", "- d"]);
    }

    /// A numbering marker (`(ii)`) stays before the item's text, escaped
    /// so that no Markdown reads it as a list of its own; a bullet does not.
    #[test]
    fn numbering_marker_stays_before_the_text() {
        let numbered = ListItem {
            marker: "(ii)".into(),
            text: "a list".into(),
            children: vec![],
        };
        let got = lines(
            &[Block::List(List {
                items: vec![item("a date"), numbered],
            })],
            &Options::default(),
            None,
        );
        assert_eq!(got, ["- a date", "- \\(ii) a list"]);
    }

    #[test]
    fn indent_leaves_blank_lines_blank() {
        let got = indent(vec!["a".into(), String::new(), "b".into()], "> ", "> ");
        assert_eq!(got, ["> a", ">", "> b"]);
    }
}
