//! The body phase: paragraphs, lists, headings, notes, the signer and the
//! trailer.
//!
//! Three linear passes over the lines left by the header phase:
//!
//! 1. [`end`]: the end of the text is split off: trailer lines (`NNNN`,
//!    `End Cable Text`, classification footer, mail export lines) and the
//!    signer;
//! 2. [`chunk`]: the remaining lines are grouped into chunks ([`Event`]s):
//!    a labelled paragraph, a bullet item, a run of prose, a heading;
//!    wrapped lines are joined with single spaces, a blank line ends a
//!    chunk. A short dispatcher hands each line to the handler of its
//!    construct (rule, dashed heading, labelled paragraph, marked
//!    paragraph, bullet, prose);
//! 3. [`tree`]: the events are folded into the block tree with an explicit
//!    stack of open paragraphs and notes (no recursion, so nesting depth
//!    never threatens the stack).

pub(crate) mod chunk;
mod end;
pub(crate) mod headings;
mod lists;
pub(crate) mod notes;
pub(crate) mod paragraphs;
pub(crate) mod portion;
pub(crate) mod signer;
pub(crate) mod trailer;
mod tree;

use crate::context::Context;
use crate::source::{Cursor, Line};
use cable_model::{Heading, Marking};
use paragraphs::RawLabel;

/// Reads the rest of the lines into `cx.cable.body`, `signer` and `trailer`.
pub(crate) fn parse(cursor: &mut Cursor<'_, '_>, cx: &mut Context<'_>) {
    let rest = cursor.rest();
    cursor.advance(rest.len());
    // The body's start inside a collapsed header line (`REASON: 1.4 (b) 1.
    // (C) Summary: ...`), handed over by the header phase, is read first.
    let with_head: Vec<Line<'_>>;
    let lines: &[Line<'_>] = match cx.body_head.take() {
        Some((no, text)) => {
            with_head = std::iter::once(Line {
                no,
                text: std::borrow::Cow::Owned(text),
            })
            .chain(rest.iter().cloned())
            .collect();
            &with_head
        }
        None => rest,
    };
    let end = end::split_end(lines, cx);
    let body_lines = lines.get(..end.body_len).unwrap_or(&[]);
    let events = chunk::chunk(body_lines, end.last_line.as_deref(), cx);
    let body = tree::Builder::new(cx, &events).build(events);
    cx.cable.body = body;
}

/// A paragraph label as read, before sequence repair.
#[derive(Debug)]
pub(super) struct LabelInfo {
    /// `(raw, value, parenthesised)`.
    pub(super) label: Option<(String, RawLabel, bool)>,
    pub(super) marking: Option<Marking>,
}

/// One chunk of the body.
#[derive(Debug)]
pub(super) enum Event {
    Label {
        info: LabelInfo,
        text: String,
        line: u32,
        heading: Option<Heading>,
    },
    Bullet {
        marker: String,
        text: String,
        line: u32,
    },
    Text {
        text: String,
        line: u32,
    },
    Heading {
        heading: Heading,
        line: u32,
    },
}

impl Event {
    pub(super) fn text(&self) -> &str {
        match self {
            Event::Label { text, .. } | Event::Bullet { text, .. } | Event::Text { text, .. } => {
                text
            }
            Event::Heading { heading, .. } => &heading.text,
        }
    }
}
