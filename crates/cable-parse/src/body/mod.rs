//! The body phase: paragraphs, lists, headings, notes, the signer and the
//! trailer.
//!
//! Three linear passes over the lines left by the header phase:
//!
//! 1. the end of the text is split off: trailer lines (`NNNN`, `End Cable
//!    Text`, classification footer, mail export lines) and the signer;
//! 2. the remaining lines are grouped into chunks ([`Event`]s): a labelled
//!    paragraph, a bullet item, a run of prose, a heading; wrapped lines are
//!    joined with single spaces, a blank line ends a chunk;
//! 3. the events are folded into the block tree with an explicit stack of
//!    open paragraphs and notes (no recursion, so nesting depth never
//!    threatens the stack).

mod headings;
mod lists;
mod notes;
mod paragraphs;
mod portion;
mod signer;
pub(crate) mod trailer;

use crate::blanks::Blanks;

use crate::context::Context;
use crate::source::{Cursor, Line};
use cable_model::{
    Block, Code, Heading, HeadingStyle, Label, LabelValue, List, ListItem, Marking, Note, NoteKind,
    Paragraph,
};
use notes::CloserKey;
use paragraphs::RawLabel;
use std::collections::BTreeMap;
use trailer::TrailerLine;

/// How many lines ahead a new chunk looks to size its text: the lines up
/// to the next blank one, at most this many (a bound, so runs of one-line
/// chunks stay linear).
const CHUNK_LOOKAHEAD: usize = 24;
/// Notes nested deeper than this are read as text (the model's consumers
/// recurse over notes).
const MAX_NOTE_DEPTH: usize = 32;
/// How many open notes an `END …` marker is matched against, innermost first.
const CLOSER_SEARCH_DEPTH: usize = 8;

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
    let end = split_end(lines, cx);
    let body_lines = lines.get(..end.body_len).unwrap_or(&[]);
    let events = chunk(body_lines, end.last_line.as_deref(), cx);
    let body = Builder::new(cx, &events).build(events);
    cx.cable.body = body;
}

/// Where the text ends.
struct End {
    /// Lines that belong to the body.
    body_len: usize,
    /// Replacement for the last body line when the signer was cut from it.
    last_line: Option<String>,
}

/// Splits trailer lines and the signer off the end of `lines`.
fn split_end(lines: &[Line<'_>], cx: &mut Context<'_>) -> End {
    let mut i = lines.len();
    let mut trailer_rev: Vec<String> = Vec::new();
    let mut export = None;
    loop {
        while i > 0 && lines.get(i - 1).is_some_and(Line::is_blank) {
            i -= 1;
        }
        let Some(l) = i.checked_sub(1).and_then(|j| lines.get(j)) else {
            break;
        };
        match trailer::trailer_line(&l.text) {
            Some(kind) => {
                if kind == TrailerLine::Export {
                    export = Some(l.no);
                }
                trailer_rev.push(l.text.trim_blanks().to_owned());
                i -= 1;
            }
            None => break,
        }
    }
    trailer_rev.reverse();
    cx.cable.trailer = trailer_rev;
    if let Some(no) = export {
        cx.diag(
            Code::ExportDebris,
            Some(no),
            "mail-client export lines after the text set aside as trailer",
        );
    }
    let mut last_line = None;
    if let Some(l) = i.checked_sub(1).and_then(|j| lines.get(j)) {
        // The line before must end a sentence (or be a short code such as
        // `GP-3`), else the candidate is the last line of wrapped prose.
        let prev_ok = i < 2
            || lines.get(i - 2).is_none_or(|p| {
                let t = p.text.trim_blanks();
                signer::ends_sentence(t) || (t.len() <= 8 && !t.contains(' '))
            });
        if let Some(name) = signer::signer_line(&l.text).filter(|_| prev_ok) {
            cx.cable.signer = Some(name);
            i -= 1;
        } else if let Some((before, name)) = signer::trailing_signer(&l.text) {
            cx.cable.signer = Some(name);
            last_line = Some(before.to_owned());
        }
    }
    if cx.cable.signer.is_none() {
        cx.diag(
            Code::MissingSigner,
            None,
            "no signer found at the end of the text",
        );
    }
    End {
        body_len: i,
        last_line,
    }
}

/// A paragraph label as read, before sequence repair.
#[derive(Debug)]
struct LabelInfo {
    /// `(raw, value, parenthesised)`.
    label: Option<(String, RawLabel, bool)>,
    marking: Option<Marking>,
}

/// One chunk of the body.
#[derive(Debug)]
enum Event {
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
    fn text(&self) -> &str {
        match self {
            Event::Label { text, .. } | Event::Bullet { text, .. } | Event::Text { text, .. } => {
                text
            }
            Event::Heading { heading, .. } => &heading.text,
        }
    }
}

/// A chunk being read.
struct Pending {
    event: Event,
    lines: u32,
    after_blank: bool,
}

/// Room for the joined text of a chunk starting at `lines[0]`: the length
/// of the lines up to the next blank one (the usual end of a chunk), so
/// that joining them seldom grows the string.
fn chunk_capacity(lines: &[Line<'_>]) -> usize {
    lines
        .iter()
        .take(CHUNK_LOOKAHEAD)
        .take_while(|l| !l.is_blank())
        .map(|l| l.text.len() + 1)
        .sum()
}

fn push_joined(s: &mut String, line: &str) {
    let t = line.trim_blanks();
    if t.is_empty() {
        return;
    }
    if !s.is_empty() {
        s.push(' ');
    }
    s.push_str(t);
}

/// Groups lines into events (pass 2).
fn chunk(lines: &[Line<'_>], last_line: Option<&str>, cx: &mut Context<'_>) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    let mut pending: Option<Pending> = None;
    let mut blank = true; // at the start, as after a blank line
    let mut prev_ends_sentence = true;
    let mut lost_punctuation: Option<u32> = None;
    let mut lost_count = 0usize;
    let mut joined: Option<u32> = None;
    let mut joined_count = 0usize;
    let mut dump_line: Option<u32> = None;
    let mut tsv_lines = 0usize;
    let mut last_number = 0u32;
    let n = lines.len();

    let flush =
        |pending: &mut Option<Pending>, events: &mut Vec<Event>, followed_by_blank: bool| {
            if let Some(p) = pending.take() {
                let event = match p.event {
                    Event::Text { text, line }
                        if p.lines == 1
                            && p.after_blank
                            && followed_by_blank
                            && headings::is_line_heading(&text)
                            && notes::opener(&text).is_none() =>
                    {
                        Event::Heading {
                            heading: Heading {
                                text,
                                style: HeadingStyle::Line,
                            },
                            line,
                        }
                    }
                    e => e,
                };
                events.push(event);
            }
        };

    for (idx, l) in lines.iter().enumerate() {
        let text: &str = if idx + 1 == n {
            last_line.unwrap_or(&l.text)
        } else {
            &l.text
        };
        if text.trim_blanks().is_empty() {
            blank = true;
            prev_ends_sentence = true;
            continue;
        }
        // (`⁸` is E2 81 B8 in UTF-8: a search for its last byte first.)
        if memchr::memchr(0xB8, text.as_bytes()).is_some() && text.contains('⁸') {
            lost_punctuation.get_or_insert(l.no);
            lost_count += text.matches('⁸').count();
        }
        if dump_line.is_none() {
            if is_dump_marker(text) {
                dump_line = Some(l.no);
            } else if text.ends_with('\\') && memchr::memchr(b'\t', text.as_bytes()).is_some() {
                tsv_lines += 1;
                if tsv_lines >= 2 {
                    dump_line = Some(l.no);
                }
            }
        }
        let after_blank = blank;
        blank = false;
        let may_start = after_blank || prev_ends_sentence;
        prev_ends_sentence = signer::ends_sentence(text);

        // A rule: underlines the one-line chunk before it, or is dropped.
        if let Some(style) = headings::rule(text) {
            let underlines = !after_blank
                && headings::is_underline(text)
                && pending.as_ref().is_some_and(|p| p.lines == 1);
            if underlines {
                if let Some(p) = pending.take() {
                    let event = match p.event {
                        Event::Label {
                            info, text, line, ..
                        } if !text.is_empty() => Event::Label {
                            info,
                            text: String::new(),
                            line,
                            heading: Some(Heading { text, style }),
                        },
                        Event::Text { text, line } | Event::Bullet { text, line, .. } => {
                            Event::Heading {
                                heading: Heading { text, style },
                                line,
                            }
                        }
                        e => e,
                    };
                    events.push(event);
                }
            } else {
                flush(&mut pending, &mut events, true);
            }
            blank = true; // what follows a rule starts afresh
            continue;
        }
        if let Some(h) = headings::dashed(text) {
            flush(&mut pending, &mut events, true);
            events.push(Event::Heading {
                heading: Heading {
                    text: h.to_owned(),
                    style: HeadingStyle::Dashed,
                },
                line: l.no,
            });
            blank = true;
            continue;
        }
        let label = paragraphs::parse_label(text).filter(|lab| {
            let in_sequence = match lab.label {
                RawLabel::Number(n) if lab.raw.len() > 3 => n == last_number.saturating_add(1),
                _ => true,
            };
            in_sequence && (may_start || lab.marking.is_some())
        });
        if let Some(RawLabel::Number(n)) = label.as_ref().map(|l| l.label) {
            last_number = n;
        }
        if let Some(lab) = label {
            {
                flush(&mut pending, &mut events, after_blank);
                let info = LabelInfo {
                    label: Some((lab.raw.to_owned(), lab.label, lab.parenthesised)),
                    marking: lab.marking,
                };
                let (rest, trailing_heading) = match headings::trailing_dashed(lab.rest) {
                    Some((before, h)) => (before, Some(h)),
                    None => (lab.rest, None),
                };
                let mut t = String::with_capacity(chunk_capacity(&lines[idx..]));
                push_joined(&mut t, rest);
                pending = Some(Pending {
                    event: Event::Label {
                        info,
                        text: t,
                        line: l.no,
                        heading: None,
                    },
                    lines: 1,
                    after_blank,
                });
                if let Some(h) = trailing_heading {
                    flush(&mut pending, &mut events, true);
                    events.push(Event::Heading {
                        heading: Heading {
                            text: h.to_owned(),
                            style: HeadingStyle::Dashed,
                        },
                        line: l.no,
                    });
                    blank = true;
                }
                continue;
            }
        }
        if may_start {
            if let Some((marking, rest)) = unlabeled_marking(text) {
                flush(&mut pending, &mut events, after_blank);
                let mut t = String::with_capacity(chunk_capacity(&lines[idx..]));
                push_joined(&mut t, rest);
                pending = Some(Pending {
                    event: Event::Label {
                        info: LabelInfo {
                            label: None,
                            marking: Some(marking),
                        },
                        text: t,
                        line: l.no,
                        heading: None,
                    },
                    lines: 1,
                    after_blank,
                });
                continue;
            }
        }
        let in_bullet = pending
            .as_ref()
            .is_some_and(|p| matches!(p.event, Event::Bullet { .. }));
        if may_start || in_bullet {
            if let Some((marker, rest)) = lists::bullet(text) {
                flush(&mut pending, &mut events, after_blank);
                let mut t = String::with_capacity(chunk_capacity(&lines[idx..]));
                push_joined(&mut t, rest);
                pending = Some(Pending {
                    event: Event::Bullet {
                        marker: marker.to_owned(),
                        text: t,
                        line: l.no,
                    },
                    lines: 1,
                    after_blank,
                });
                continue;
            }
        }
        let starts_note = may_start && notes::opener(text.trim_start_blanks()).is_some();
        // Continuation of the current chunk, a split paragraph, or new prose.
        let (line_text, trailing_heading) = match headings::trailing_dashed(text) {
            Some((before, h)) => (before, Some(h)),
            None => (text, None),
        };
        let continue_chunk = match &pending {
            Some(_) if starts_note => false,
            Some(_) if !after_blank => true,
            Some(p) => {
                let split = ends_mid_sentence(p.event.text())
                    && line_text
                        .trim_start_blanks()
                        .starts_with(|c: char| c.is_alphanumeric());
                if split {
                    joined.get_or_insert(l.no);
                    joined_count += 1;
                }
                split
            }
            None => false,
        };
        if continue_chunk {
            if let Some(p) = pending.as_mut() {
                match &mut p.event {
                    Event::Label { text, .. }
                    | Event::Bullet { text, .. }
                    | Event::Text { text, .. } => push_joined(text, line_text),
                    Event::Heading { .. } => {}
                }
                p.lines += 1;
            }
        } else {
            flush(&mut pending, &mut events, after_blank);
            let mut t = String::with_capacity(chunk_capacity(&lines[idx..]));
            push_joined(&mut t, line_text);
            pending = Some(Pending {
                event: Event::Text {
                    text: t,
                    line: l.no,
                },
                lines: 1,
                after_blank,
            });
        }
        if let Some(h) = trailing_heading {
            flush(&mut pending, &mut events, true);
            events.push(Event::Heading {
                heading: Heading {
                    text: h.to_owned(),
                    style: HeadingStyle::Dashed,
                },
                line: l.no,
            });
            blank = true;
        }
    }
    flush(&mut pending, &mut events, true);
    if let Some(no) = lost_punctuation {
        cx.diag(
            Code::LostPunctuation,
            Some(no),
            format!("{lost_count} `⁸` character(s) standing for lost quotes or apostrophes kept as written"),
        );
    }
    if let Some(no) = joined {
        cx.diag(
            Code::JoinedSplitParagraph,
            Some(no),
            format!("{joined_count} paragraph(s) split by a blank line in mid-sentence joined"),
        );
    }
    if let Some(no) = dump_line {
        cx.diag(
            Code::DatabaseDump,
            Some(no),
            "the text holds a database dump or export record; kept as text",
        );
    }
    events
}

/// `(U) text`, `(S//NF) text`: a portion marking opening an unnumbered
/// paragraph.
fn unlabeled_marking(line: &str) -> Option<(Marking, &str)> {
    let t = line.trim_start_blanks();
    let inner = t.strip_prefix('(')?;
    let close = inner.get(..inner.len().min(42))?.find(')')?;
    let m = portion::parse_marking(inner.get(..close)?)?;
    let rest = inner.get(close + 1..)?;
    if !rest.starts_with(' ') || rest.trim_blanks().is_empty() {
        return None;
    }
    Some((m, rest.trim_start_blanks()))
}

/// `<<218634>>` or `ID: 190648`: a database export record.
fn is_dump_marker(line: &str) -> bool {
    let t = line.trim_blanks();
    let digits = |s: &str| !s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit());
    t.strip_prefix("<<")
        .and_then(|r| r.strip_suffix(">>"))
        .is_some_and(digits)
        || t.strip_prefix("ID: ").is_some_and(digits)
}

/// Whether a chunk stops in mid-sentence: its last word is in lower case
/// with no punctuation after it (`has circulated`).
fn ends_mid_sentence(text: &str) -> bool {
    text.trim_end_blanks()
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_lowercase())
}

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
        line: u32,
    },
}

struct Builder<'x, 'c> {
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
    fn new(cx: &'x mut Context<'c>, events: &[Event]) -> Self {
        let mut last_closer = BTreeMap::new();
        for (i, e) in events.iter().enumerate() {
            let t = e.text();
            notes::for_each_end(t, 0, |_, word_at| {
                if let Some(w) = notes::first_word_upper(t.get(word_at..).unwrap_or("")) {
                    last_closer.insert(w, i);
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

    fn build(mut self, events: Vec<Event>) -> Vec<Block> {
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
                ..
            } => {
                self.notes_open = self.notes_open.saturating_sub(1);
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

    fn label(
        &mut self,
        info: LabelInfo,
        text: String,
        line: u32,
        heading: Option<Heading>,
        idx: usize,
    ) {
        let LabelInfo { label, marking } = info;
        let mut letter = false;
        let value = match label {
            Some((raw, RawLabel::Number(n), _)) => {
                self.pop_paragraphs();
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
                Some(Label {
                    value: LabelValue::Number(value),
                    raw,
                })
            }
            Some((raw, RawLabel::Letter(c) | RawLabel::StrayLetter(c), parenthesised)) => {
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
                    self.pop_paragraphs();
                    let m = portion::parse_marking(&c.to_string());
                    self.stack.push(Frame::Para {
                        p: Paragraph {
                            label: None,
                            marking: m,
                            text: String::new(),
                            children: Vec::new(),
                        },
                        letter: false,
                        last_letter: None,
                    });
                    self.finish_label(heading, &text, idx, line);
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
                letter = true;
                Some(Label {
                    value: LabelValue::Letter(c),
                    raw,
                })
            }
            None => {
                self.pop_paragraphs();
                None
            }
        };
        self.stack.push(Frame::Para {
            p: Paragraph {
                label: value,
                marking,
                text: String::new(),
                children: Vec::new(),
            },
            letter,
            last_letter: None,
        });
        self.finish_label(heading, &text, idx, line);
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
            let first_marker = list.items.first().map(|i| i.marker.as_str());
            if first_marker.is_some_and(|m| m != item.marker) {
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
        self.last_closer.get(key).is_some_and(|&i| i >= idx)
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
            line,
        });
    }

    /// Places a chunk's text: an opening keyword at its start opens a note;
    /// `END …` markers inside it close open notes.
    fn process_text(&mut self, text: &str, idx: usize, line: u32, sink: Sink) {
        let mut t = text;
        if matches!(sink, Sink::Text) {
            if let Some(op) = notes::opener(t) {
                let has_closer = self.closer_after(&op.key, idx);
                let allowed = match op.kind {
                    NoteKind::Begin => {
                        has_closer
                            || (op.punctuated && op.title.bytes().all(|b| !b.is_ascii_lowercase()))
                    }
                    _ => true,
                };
                if op.kind == NoteKind::Summary && self.summary_open() {
                    t = op.rest;
                } else if allowed && self.notes_open < MAX_NOTE_DEPTH {
                    self.open_note(
                        op.kind,
                        op.title.clone(),
                        op.key.clone(),
                        !has_closer,
                        false,
                        line,
                    );
                    t = op.rest;
                }
            }
        }
        let mut sink = Some(sink);
        let mut pos = 0;
        loop {
            // The open notes, innermost first, borrowed (no copies of
            // their keys per chunk).
            let found = {
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
                    None
                } else {
                    let refs: Vec<&CloserKey> = keys.iter().map(|(_, k)| *k).collect();
                    Some(
                        notes::find_closer(t, pos, &refs)
                            .map(|c| (c, keys.get(c.depth).map(|(i, _)| *i))),
                    )
                }
            };
            let Some(found) = found else {
                self.place(sink.take(), t.get(pos..).unwrap_or(""));
                return;
            };
            match found {
                Some((c, frame_index)) => {
                    self.place(sink.take(), t.get(pos..c.start).unwrap_or(""));
                    if let Some(frame_index) = frame_index {
                        if let Some(Frame::Note { n, .. }) = self.stack.get_mut(frame_index) {
                            n.closed = true;
                        }
                        while self.stack.len() > frame_index {
                            self.pop();
                        }
                    }
                    pos = c.end;
                }
                None => {
                    self.place(sink.take(), t.get(pos..).unwrap_or(""));
                    return;
                }
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mid_sentence() {
        assert!(ends_mid_sentence("has circulated"));
        assert!(!ends_mid_sentence("circulated."));
        assert!(!ends_mid_sentence("RPOC"));
        assert!(is_dump_marker("<<218634>>"));
        assert!(is_dump_marker("ID: 190648"));
        assert!(!is_dump_marker("ID: x"));
    }
}
