//! `<body>`: paragraphs, prose, lists, headings and notes as nested
//! elements.
//!
//! The tree is walked with an explicit stack rather than recursion, so a
//! pathologically deep model cannot overflow the thread's stack.

use crate::cable::caveats;
use crate::emit::{Attr, Emitter};
use crate::schema::{self, at, el};
use cable_model::{Block, ListItem, Paragraph};
use std::io;
use std::slice;

/// What remains to be written, innermost last.
enum Task<'a> {
    /// The rest of a run of blocks.
    Blocks(slice::Iter<'a, Block>),
    /// The rest of a list's items.
    Items(slice::Iter<'a, ListItem>),
    /// A closing tag.
    End(&'static str),
}

/// Writes `<body>…</body>`; nothing when the body is empty.
pub(crate) fn write<W: io::Write>(em: &mut Emitter<W>, body: &[Block]) -> io::Result<()> {
    if body.is_empty() {
        return Ok(());
    }
    em.start(el::BODY, &[])?;
    let mut stack = vec![Task::End(el::BODY), Task::Blocks(body.iter())];
    while let Some(task) = stack.pop() {
        match task {
            Task::End(name) => em.end(name)?,
            Task::Blocks(mut rest) => {
                if let Some(block) = rest.next() {
                    stack.push(Task::Blocks(rest));
                    block_start(em, block, &mut stack)?;
                }
            }
            Task::Items(mut rest) => {
                if let Some(item) = rest.next() {
                    stack.push(Task::Items(rest));
                    em.start(el::ITEM, &[(at::MARKER, &item.marker)])?;
                    em.leaf(el::TEXT, &[], &item.text)?;
                    stack.push(Task::End(el::ITEM));
                    stack.push(Task::Blocks(item.children.iter()));
                }
            }
        }
    }
    Ok(())
}

/// Writes a block's leaf or opening part and schedules its children.
fn block_start<'a, W: io::Write>(
    em: &mut Emitter<W>,
    block: &'a Block,
    stack: &mut Vec<Task<'a>>,
) -> io::Result<()> {
    match block {
        Block::Paragraph(p) => {
            paragraph_start(em, p)?;
            stack.push(Task::End(el::PARAGRAPH));
            stack.push(Task::Blocks(p.children.iter()));
        }
        Block::Text(t) => em.leaf(el::PROSE, &[], t)?,
        Block::List(l) => {
            em.start(el::LIST, &[])?;
            stack.push(Task::End(el::LIST));
            stack.push(Task::Items(l.items.iter()));
        }
        Block::Heading(h) => em.leaf(
            el::HEADING,
            &[(at::STYLE, schema::heading_style(h.style))],
            &h.text,
        )?,
        Block::Note(n) => {
            em.start(
                el::NOTE,
                &[
                    (at::KIND, schema::note_kind(n.kind)),
                    (at::TITLE, &n.title),
                    (at::CLOSED, schema::boolean(n.closed)),
                ],
            )?;
            stack.push(Task::End(el::NOTE));
            stack.push(Task::Blocks(n.blocks.iter()));
        }
        // A block kind added to the model after this vocabulary: skipped
        // rather than written in a shape the schema does not know.
        _ => {}
    }
    Ok(())
}

/// `<paragraph n="5" label="15" marking="C/REL MTCR" level="confidential">`
/// followed by its caveats and its first run of text.
fn paragraph_start<W: io::Write>(em: &mut Emitter<W>, p: &Paragraph) -> io::Result<()> {
    let n = p.label.as_ref().map(|l| l.value.to_string());
    let mut attrs: Vec<Attr<'_>> = Vec::with_capacity(4);
    if let (Some(n), Some(l)) = (&n, &p.label) {
        attrs.push((at::N, n));
        attrs.push((at::LABEL, &l.raw));
    }
    if let Some(m) = &p.marking {
        attrs.push((at::MARKING, &m.raw));
        if let Some(level) = m.level {
            attrs.push((at::LEVEL, schema::level(level)));
        }
    }
    em.start(el::PARAGRAPH, &attrs)?;
    if let Some(m) = &p.marking {
        caveats(em, &m.caveats)?;
    }
    em.leaf(el::TEXT, &[], &p.text)
}
