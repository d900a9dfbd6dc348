//! The block tree: events folded into paragraphs, sub-paragraphs, lists,
//! headings and notes with an explicit stack of open frames.

use crate::blanks::Blanks;

use super::lists;
use super::notes::{self, CloserKey};
use super::paragraphs::RawLabel;
use super::portion;
use super::{Event, LabelInfo};
use crate::context::Context;
use cable_model::{
    Block, Code, Heading, HeadingStyle, Label, LabelValue, List, ListItem, Marking, Note, NoteKind,
    Paragraph,
};
use std::collections::BTreeMap;

/// Notes nested deeper than this are read as text (the model's consumers
/// recurse over notes).
const MAX_NOTE_DEPTH: usize = 32;
/// How many open notes an `END …` marker is matched against, innermost first.
const CLOSER_SEARCH_DEPTH: usize = 8;

/// An open paragraph or note.
enum Frame {
    Para {
        p: Paragraph,
        letter: bool,
        /// The last sub-paragraph letter seen under it.
        last_letter: Option<char>,
    },
    Note {
        n: Note,
        key: CloserKey,
        /// Closes at the end of the event that opened it (no `END` later).
        chunk_only: bool,
        /// Opened by a `---- SUMMARY ----` heading with no `END` later: closes at the next heading.
        by_heading: bool,
        /// Paragraph numbering inside the note.
        last_number: u32,
        last_letter: Option<char>,
        /// Its first numbered paragraph continued the numbering around
        /// it (`1. (C) Summary: ...` / `2. (C) ... End Summary.`): the
        /// numbers go on after it from its last one.
        continues: bool,
        line: u32,
    },
}

pub(super) struct Builder<'x, 'c> {
    cx: &'x mut Context<'c>,
    root: Vec<Block>,
    root_last_number: u32,
    root_last_letter: Option<char>,
    stack: Vec<Frame>,
    notes_open: usize,
    /// For each `END` keyword, the index of the last event holding it.
    last_closer: BTreeMap<String, usize>,
}

impl<'x, 'c> Builder<'x, 'c> {
    pub(super) fn new(cx: &'x mut Context<'c>, events: &[Event]) -> Self {
        let mut last_closer = BTreeMap::new();
        for (i, e) in events.iter().enumerate() {
            let t = e.text();
            notes::for_each_end(t, 0, |_, word_at| {
                // `END COMMENT AND SUMMARY` ends both notes.
                let second = notes::second_key_at(t, word_at);
                for at in std::iter::once(word_at).chain(second) {
                    if let Some(w) = notes::first_word_upper(t.get(at..).unwrap_or("")) {
                        last_closer.insert(w, i);
                    }
                }
                false
            });
        }
        Builder {
            cx,
            root: Vec::new(),
            root_last_number: 0,
            root_last_letter: None,
            stack: Vec::new(),
            notes_open: 0,
            last_closer,
        }
    }

    pub(super) fn build(mut self, events: Vec<Event>) -> Vec<Block> {
        let numbered: Vec<bool> = events
            .iter()
            .map(|e| {
                matches!(
                    e,
                    Event::Label {
                        info: LabelInfo {
                            label: Some((_, RawLabel::Number(_), _)),
                            ..
                        },
                        ..
                    }
                )
            })
            .collect();
        for (idx, e) in events.into_iter().enumerate() {
            let depth_before = self.stack.len();
            let next_numbered = numbered.get(idx + 1).copied().unwrap_or(false);
            match e {
                Event::Label {
                    info,
                    text,
                    line,
                    heading,
                } => self.label(info, text, line, heading, idx),
                Event::Bullet { marker, text, line } => self.bullet(marker, text, line, idx),
                Event::Text { text, line } => {
                    self.process_text(&text, idx, line, Sink::Text);
                }
                Event::Heading { heading, line } => self.heading(heading, line, idx, next_numbered),
            }
            self.close_chunk_only(depth_before);
        }
        while !self.stack.is_empty() {
            self.pop();
        }
        self.root
    }

    /// The blocks of the innermost open container.
    fn blocks(&mut self) -> &mut Vec<Block> {
        match self.stack.last_mut() {
            Some(Frame::Para { p, .. }) => &mut p.children,
            Some(Frame::Note { n, .. }) => &mut n.blocks,
            None => &mut self.root,
        }
    }

    fn push_text(&mut self, t: &str) {
        let t = t.trim_blanks();
        if t.is_empty() {
            return;
        }
        if let Some(Frame::Para { p, .. }) = self.stack.last_mut() {
            if p.text.is_empty() && p.children.is_empty() {
                p.text = t.to_owned();
                return;
            }
        }
        self.blocks().push(Block::Text(t.to_owned()));
    }

    /// Closes the innermost frame into its parent.
    fn pop(&mut self) {
        let Some(f) = self.stack.pop() else {
            return;
        };
        let block = match f {
            Frame::Para { p, .. } => Block::Paragraph(p),
            Frame::Note {
                n,
                chunk_only,
                by_heading,
                line,
                last_number,
                continues,
                ..
            } => {
                self.notes_open = self.notes_open.saturating_sub(1);
                if continues {
                    let outer = self.scope_numbers().0;
                    *outer = (*outer).max(last_number);
                }
                if !n.closed && !by_heading {
                    let msg = if chunk_only {
                        format!(
                            "`{}` without its END marker: read up to the next blank line",
                            n.title
                        )
                    } else {
                        format!("`{}` without its END marker", n.title)
                    };
                    self.cx.diag(Code::UnclosedNote, Some(line), msg);
                }
                Block::Note(n)
            }
        };
        self.blocks().push(block);
    }

    /// Pops open paragraphs down to the innermost note (or the root).
    fn pop_paragraphs(&mut self) {
        while matches!(self.stack.last(), Some(Frame::Para { .. })) {
            self.pop();
        }
    }

    fn close_chunk_only(&mut self, depth_before: usize) {
        let pos = self
            .stack
            .iter()
            .enumerate()
            .skip(depth_before)
            .find(|(_, f)| {
                matches!(
                    f,
                    Frame::Note {
                        chunk_only: true,
                        ..
                    }
                )
            })
            .map(|(i, _)| i);
        if let Some(pos) = pos {
            while self.stack.len() > pos {
                self.pop();
            }
        }
    }

    /// The innermost note's (or the root's) paragraph numbering.
    fn scope_numbers(&mut self) -> (&mut u32, &mut Option<char>) {
        for f in self.stack.iter_mut().rev() {
            if let Frame::Note {
                last_number,
                last_letter,
                ..
            } = f
            {
                return (last_number, last_letter);
            }
        }
        (&mut self.root_last_number, &mut self.root_last_letter)
    }

    /// The paragraph number last seen around the innermost note (in the
    /// note or root enclosing it); `None` outside notes.
    fn number_around_note(&self) -> Option<u32> {
        let mut scopes = self.stack.iter().rev().filter_map(|f| match f {
            Frame::Note { last_number, .. } => Some(*last_number),
            Frame::Para { .. } => None,
        });
        scopes.next()?;
        Some(scopes.next().unwrap_or(self.root_last_number))
    }

    /// Marks the innermost note as continuing the numbering around it when
    /// its first numbered paragraph, `n`, is the one due there.
    fn continue_numbering(&mut self, n: u32) {
        let Some(around) = self.number_around_note() else {
            return;
        };
        let due = around > 0 && n == around.saturating_add(1);
        if let Some(Frame::Note {
            last_number: 0,
            continues,
            ..
        }) = self
            .stack
            .iter_mut()
            .rev()
            .find(|f| matches!(f, Frame::Note { .. }))
        {
            *continues = due;
        }
    }

    /// Places a labelled chunk: a numbered paragraph, a lettered
    /// sub-paragraph, or an unnumbered paragraph opened by its portion
    /// marking; then its heading, if any, and its text.
    fn label(
        &mut self,
        info: LabelInfo,
        text: String,
        line: u32,
        heading: Option<Heading>,
        idx: usize,
    ) {
        let LabelInfo { label, marking } = info;
        match label {
            Some((raw, RawLabel::Number(n), _)) => {
                self.numbered_paragraph(raw, n, marking, line);
            }
            Some((raw, RawLabel::Letter(c) | RawLabel::StrayLetter(c), parenthesised)) => {
                self.sub_paragraph(raw, c, parenthesised, marking, line);
            }
            None => self.marked_paragraph(marking),
        }
        self.finish_label(heading, &text, idx, line);
    }

    /// Opens a numbered paragraph at the level of its note (or the root),
    /// closing the paragraphs open there.
    ///
    /// ```text
    /// 2. (C/REL MTCR) BACKGROUND: At the ...
    /// ```
    fn numbered_paragraph(&mut self, raw: String, n: u32, marking: Option<Marking>, line: u32) {
        self.pop_paragraphs();
        self.continue_numbering(n);
        let value = self.paragraph_number(&raw, n, line);
        let label = Label {
            value: LabelValue::Number(value),
            raw,
        };
        self.open_paragraph(Some(label), marking, false);
    }

    /// The number a paragraph labelled `raw` (`n`) stands for in its
    /// scope's sequence, recorded as the scope's last: `n`, or the number
    /// due when `raw` is it with a stray leading `1` (`13.` after `2.`,
    /// seed debris as in `1B.`), reported; a gap (`5.` after `2.`) is kept
    /// and reported.
    fn paragraph_number(&mut self, raw: &str, n: u32, line: u32) -> u32 {
        let (last, last_letter) = self.scope_numbers();
        let expected = last.saturating_add(1);
        let value = if n == expected {
            n
        } else if *last > 0
            && raw.len() >= 2
            && raw.starts_with('1')
            && raw.get(1..).and_then(|r| r.parse::<u32>().ok()) == Some(expected)
        {
            expected
        } else {
            n
        };
        let prev = *last;
        *last = value;
        *last_letter = None;
        if value != n {
            self.cx.diag(
                Code::RepairedParagraphNumber,
                Some(line),
                format!("label {raw} read as {value} (paragraph {prev} came before)"),
            );
        } else if prev > 0 && n != expected {
            self.cx.diag(
                Code::ParagraphGap,
                Some(line),
                format!("paragraph {n} follows paragraph {prev}"),
            );
        }
        value
    }

    /// Opens a lettered sub-paragraph under the open paragraph (or at the
    /// level of its note), closing the sub-paragraphs open there.
    ///
    /// ```text
    /// A. text      (a) text      B) text
    /// 1B. text     -> sub-paragraph B (a stray leading `1`), reported
    /// (C) text     -> a portion marking unless a sub-paragraph C is due
    /// ```
    fn sub_paragraph(
        &mut self,
        raw: String,
        c: char,
        parenthesised: bool,
        marking: Option<Marking>,
        line: u32,
    ) {
        while matches!(self.stack.last(), Some(Frame::Para { letter: true, .. })) {
            self.pop();
        }
        let last = match self.stack.last_mut() {
            Some(Frame::Para { last_letter, .. }) => *last_letter,
            _ => *self.scope_numbers().1,
        };
        let expected = last.map_or('A', |l| {
            char::from(u8::try_from(l).unwrap_or(b'@').saturating_add(1))
        });
        // `(C) text` is a portion marking unless a sub-paragraph C is due.
        let as_marking = parenthesised
            && c != expected
            && marking.is_none()
            && portion::parse_marking(&c.to_string()).is_some();
        if as_marking {
            self.marked_paragraph(portion::parse_marking(&c.to_string()));
            return;
        }
        match self.stack.last_mut() {
            Some(Frame::Para { last_letter, .. }) => *last_letter = Some(c),
            _ => *self.scope_numbers().1 = Some(c),
        }
        if raw.len() > 1 && !parenthesised {
            self.cx.diag(
                Code::RepairedParagraphNumber,
                Some(line),
                format!("label {raw} read as sub-paragraph {c}"),
            );
        }
        let label = Label {
            value: LabelValue::Letter(c),
            raw,
        };
        self.open_paragraph(Some(label), marking, true);
    }

    /// Opens an unnumbered paragraph, closing the paragraphs open at its
    /// level.
    ///
    /// ```text
    /// (U) text      (S//NF) text
    /// ```
    fn marked_paragraph(&mut self, marking: Option<Marking>) {
        self.pop_paragraphs();
        self.open_paragraph(None, marking, false);
    }

    /// Pushes an empty paragraph frame; `letter` when it is a sub-paragraph.
    fn open_paragraph(&mut self, label: Option<Label>, marking: Option<Marking>, letter: bool) {
        self.stack.push(Frame::Para {
            p: Paragraph {
                label,
                marking,
                text: String::new(),
                children: Vec::new(),
            },
            letter,
            last_letter: None,
        });
    }

    fn finish_label(&mut self, heading: Option<Heading>, text: &str, idx: usize, line: u32) {
        if let Some(h) = heading {
            self.blocks().push(Block::Heading(h));
        }
        self.process_text(text, idx, line, Sink::Text);
    }

    fn bullet(&mut self, marker: String, text: String, line: u32, idx: usize) {
        self.process_text(&text, idx, line, Sink::Item(marker));
    }

    fn push_item(&mut self, marker: String, text: &str) {
        let item = ListItem {
            marker,
            text: text.trim_blanks().to_owned(),
            children: Vec::new(),
        };
        let blocks = self.blocks();
        if let Some(Block::List(list)) = blocks.last_mut() {
            let first_marker = list.items.first().map(|i| lists::marker_family(&i.marker));
            if first_marker.is_some_and(|m| m != lists::marker_family(&item.marker)) {
                if let Some(last) = list.items.last_mut() {
                    if let Some(Block::List(sub)) = last.children.last_mut() {
                        sub.items.push(item);
                    } else {
                        last.children.push(Block::List(List { items: vec![item] }));
                    }
                    return;
                }
            }
            list.items.push(item);
        } else {
            blocks.push(Block::List(List { items: vec![item] }));
        }
    }

    fn heading(&mut self, heading: Heading, line: u32, idx: usize, next_numbered: bool) {
        // `END SUMMARY` alone on its line, read as a heading: it closes the
        // open note it names, and is no heading.
        if self.close_by_line(&heading.text) {
            return;
        }
        // A heading ends a summary opened by a heading and never closed.
        let open_by_heading = self.stack.iter().rposition(|f| {
            matches!(
                f,
                Frame::Note {
                    by_heading: true,
                    ..
                }
            )
        });
        if let Some(pos) = open_by_heading {
            while self.stack.len() > pos {
                self.pop();
            }
        }
        let is_summary = notes::first_word_upper(&heading.text).as_deref() == Some("SUMMARY")
            && !self.summary_open();
        if is_summary && self.notes_open < MAX_NOTE_DEPTH {
            self.pop_paragraphs();
            let has_closer = self.closer_after("SUMMARY", idx);
            self.open_note(
                NoteKind::Summary,
                heading.text.trim_blanks().to_owned(),
                "SUMMARY".into(),
                false,
                !has_closer,
                line,
            );
            return;
        }
        // A heading before a numbered paragraph heads a section; a short
        // line inside a paragraph (`TALKING POINTS:` then a title) stays in it.
        if heading.style != HeadingStyle::Line || next_numbered {
            self.pop_paragraphs();
        }
        self.blocks().push(Block::Heading(heading));
    }

    fn summary_open(&self) -> bool {
        self.stack
            .iter()
            .any(|f| matches!(f, Frame::Note { n, .. } if n.kind == NoteKind::Summary))
    }

    fn closer_after(&self, key: &str, idx: usize) -> bool {
        // The words after `END` as written: a misspelt one (`END SUMAMRY`)
        // names its note too.
        self.last_closer
            .iter()
            .any(|(w, &i)| i >= idx && notes::is_keyword(w, key))
    }

    fn open_note(
        &mut self,
        kind: NoteKind,
        title: String,
        key: String,
        chunk_only: bool,
        by_heading: bool,
        line: u32,
    ) {
        let upper_title = title
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_ascii_uppercase();
        self.notes_open += 1;
        self.stack.push(Frame::Note {
            n: Note {
                kind,
                title,
                blocks: Vec::new(),
                closed: false,
            },
            key: CloserKey {
                title: upper_title,
                key,
            },
            chunk_only,
            by_heading,
            last_number: 0,
            last_letter: None,
            continues: false,
            line,
        });
    }

    /// Places a chunk's text: an opening keyword at its start opens a note;
    /// `END …` markers inside it close open notes.
    fn process_text(&mut self, text: &str, idx: usize, line: u32, sink: Sink) {
        let t = if matches!(sink, Sink::Text) {
            self.open_at_start(text, idx, line)
        } else {
            text
        };
        let mut sink = Some(sink);
        let mut pos = 0;
        loop {
            let Some(found) = self.next_closer(t, pos) else {
                self.place_before_begin(sink.take(), t.get(pos..).unwrap_or(""), idx, line);
                return;
            };
            let (c, frame_index) = found;
            let (start, end) = notes::framed(t, pos, c.start, c.end);
            let before = t.get(pos..start).unwrap_or("");
            match sink.take() {
                // `-- END SUMMARY --` read as a list item: the item held
                // only the marker.
                Some(Sink::Item(_)) if before.trim_blanks().is_empty() => {}
                s => self.place(s, before),
            }
            if let Some(frame_index) = frame_index {
                self.close_by_marker(frame_index, t.get(c.start..c.end).unwrap_or(""));
            }
            pos = end;
        }
    }

    /// An opening keyword at the start of `t` (`SUMMARY:`, `BEGIN TEXT:`)
    /// opens its note where it may; returns the text after it, or `t`.
    fn open_at_start<'t>(&mut self, t: &'t str, idx: usize, line: u32) -> &'t str {
        let Some(op) = notes::opener(t) else {
            return t;
        };
        let has_closer = self.closer_after(&op.key, idx);
        let allowed = match op.kind {
            NoteKind::Begin => {
                has_closer || (op.punctuated && op.title.bytes().all(|b| !b.is_ascii_lowercase()))
            }
            // `SUMMARY` alone on its line opens a summary only where `END
            // SUMMARY` comes later.
            _ => op.punctuated || has_closer,
        };
        if op.kind == NoteKind::Summary && self.summary_open() {
            op.rest
        } else if allowed && self.notes_open < MAX_NOTE_DEPTH {
            self.open_note(op.kind, op.title, op.key, !has_closer, false, line);
            op.rest
        } else {
            t
        }
    }

    /// The first end marker in `t[pos..]` naming an open note (the
    /// innermost [`CLOSER_SEARCH_DEPTH`] are searched), with the stack
    /// index of the note it names; `None` when no note is open or no
    /// marker names one.
    fn next_closer(&self, t: &str, pos: usize) -> Option<(notes::Closer, Option<usize>)> {
        // The open notes, innermost first, borrowed (no copies of their
        // keys per chunk).
        let keys: Vec<(usize, &CloserKey)> = self
            .stack
            .iter()
            .enumerate()
            .rev()
            .filter_map(|(i, f)| match f {
                Frame::Note { key, .. } => Some((i, key)),
                Frame::Para { .. } => None,
            })
            .take(CLOSER_SEARCH_DEPTH)
            .collect();
        if keys.is_empty() {
            return None;
        }
        let refs: Vec<&CloserKey> = keys.iter().map(|(_, k)| *k).collect();
        notes::find_closer(t, pos, &refs).map(|c| (c, keys.get(c.depth).map(|(i, _)| *i)))
    }

    /// Closes the note at `frame_index` by its end marker `phrase`, and
    /// the notes around it that the marker names too (`End comment and
    /// summary.`, `End summary and comment.`).
    fn close_by_marker(&mut self, frame_index: usize, phrase: &str) {
        self.close_note_at(frame_index, phrase);
        while let Some(i) = self.innermost_note().filter(|&i| {
            matches!(self.stack.get(i), Some(Frame::Note { key, .. })
                if notes::marker_names(phrase, key))
        }) {
            self.close_note_at(i, phrase);
        }
    }

    /// Marks the note at `frame_index` closed, and the notes inside it
    /// that `phrase` (its end marker) names, and pops it with everything
    /// open inside it.
    fn close_note_at(&mut self, frame_index: usize, phrase: &str) {
        if let Some(Frame::Note { n, .. }) = self.stack.get_mut(frame_index) {
            n.closed = true;
        }
        for f in self.stack.iter_mut().skip(frame_index + 1) {
            if let Frame::Note { n, key, .. } = f {
                if notes::marker_names(phrase, key) {
                    n.closed = true;
                }
            }
        }
        while self.stack.len() > frame_index {
            self.pop();
        }
    }

    /// The stack index of the innermost open note.
    fn innermost_note(&self) -> Option<usize> {
        self.stack
            .iter()
            .rposition(|f| matches!(f, Frame::Note { .. }))
    }

    /// Closes the innermost open note whose end marker is the whole of
    /// `text` (`END SUMMARY`, `End Comment`); whether one was.
    fn close_by_line(&mut self, text: &str) -> bool {
        let t = text.trim_blanks();
        let frame = self
            .stack
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, f)| match f {
                Frame::Note { key, .. } => notes::find_closer(t, 0, &[key])
                    .filter(|c| {
                        c.start == 0 && t.get(c.end..).is_some_and(|r| r.trim_blanks().is_empty())
                    })
                    .map(|_| i),
                Frame::Para { .. } => None,
            });
        let Some(i) = frame else {
            return false;
        };
        self.close_note_at(i, "");
        true
    }

    /// Places the last segment of a chunk's text; a `BEGIN …` opener
    /// ending it (`The note reads as follows.  Begin text:`) opens its note
    /// after the text before it, where its `END` comes in a later chunk.
    fn place_before_begin(&mut self, sink: Option<Sink>, seg: &str, idx: usize, line: u32) {
        // Only where an `END` comes in a later chunk (most chunks come
        // after the last one).
        let end_later = self.last_closer.values().any(|&i| i > idx);
        let trailing = match sink {
            Some(Sink::Text) | None if end_later => notes::trailing_begin(seg)
                .filter(|(_, op)| self.closer_after(&op.key, idx + 1))
                .filter(|_| self.notes_open < MAX_NOTE_DEPTH),
            _ => None,
        };
        let Some((at, op)) = trailing else {
            self.place(sink, seg);
            return;
        };
        self.place(sink, seg.get(..at).unwrap_or("").trim_end_blanks());
        self.open_note(op.kind, op.title, op.key, false, false, line);
    }

    /// The first segment of a chunk goes to its sink; later ones are text.
    fn place(&mut self, sink: Option<Sink>, seg: &str) {
        match sink {
            Some(Sink::Item(marker)) => self.push_item(marker, seg),
            Some(Sink::Text) | None => self.push_text(seg),
        }
    }
}

/// Where the first segment of a chunk's text goes.
enum Sink {
    /// The paragraph's text, or a text block.
    Text,
    /// A list item with this marker.
    Item(String),
}
