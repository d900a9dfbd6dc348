//! Lines into chunks ([`Event`]s): [`Chunker::line`] is a short dispatcher
//! over one handler per construct a body line can start (a rule, a dashed
//! heading, a labelled paragraph, a paragraph opened by a portion marking,
//! a bullet item), else the line continues the open chunk or starts prose.
//! Wrapped lines are joined with single spaces; a blank line ends a chunk.

use crate::blanks::Blanks;

use super::paragraphs::{self, RawLabel};
use super::{Event, LabelInfo, headings, lists, notes, portion, signer};
use crate::context::Context;
use crate::source::{Line, Wrap};
use cable_model::{Code, Heading, HeadingStyle};

/// How many lines ahead a new chunk looks to size its text: the lines up
/// to the next blank one, at most this many (a bound, so runs of one-line
/// chunks stay linear).
const CHUNK_LOOKAHEAD: usize = 24;

/// A chunk being read.
struct Pending {
    event: Event,
    lines: u32,
    after_blank: bool,
    /// Where the last joined line starts in the text, when the text before
    /// it ended a sentence (so that line may be a heading a rule
    /// underlines), and its line number.
    last_line_after_sentence: Option<(usize, u32)>,
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

/// Whether the rule at `lines[0]` is the top of a box: one line of text
/// follows it, then another rule.
///
/// ```text
/// 2. (U) A paragraph right above the box.   <- stays a paragraph
/// -----------------------                   <- opens the box
/// THE HEADING                               <- the heading
/// -----------------------                   <- closes it
/// ```
fn opens_box(lines: &[Line<'_>]) -> bool {
    let text_follows = lines
        .get(1)
        .is_some_and(|l| !l.is_blank() && headings::rule(&l.text).is_none());
    text_follows
        && lines
            .get(2)
            .is_some_and(|l| headings::rule(&l.text).is_some() && headings::is_underline(&l.text))
}

/// `... (4) Joint Convention Leadership;⏎(5) Knowledge Transfer ...`: an
/// item of an enumeration running inside the prose, wrapped so that it
/// starts a line: a parenthesised label whose predecessor (`(4)`, `(b)`
/// before `(c)`) is in the text of the open chunk. No label.
fn inline_item(lab: &paragraphs::LabelLine<'_>, open_text: &str) -> bool {
    if !lab.parenthesised || lab.marking.is_some() {
        return false;
    }
    // The predecessor is on the line before or this one's: only the open
    // text's tail is searched, so a paragraph of many such lines stays
    // linear.
    let mut from = open_text.len().saturating_sub(400);
    while !open_text.is_char_boundary(from) {
        from += 1;
    }
    let open_text = open_text.get(from..).unwrap_or("");
    match lab.label {
        RawLabel::Number(n) if n >= 2 => open_text.contains(&format!("({})", n - 1)),
        RawLabel::Letter(c) if c > 'A' => {
            let p = char::from(u8::try_from(u32::from(c) - 1).unwrap_or(b'A'));
            open_text.contains(&format!("({p})"))
                || open_text.contains(&format!("({})", p.to_ascii_lowercase()))
        }
        _ => false,
    }
}

/// Groups lines into events (pass 2).
pub(super) fn chunk(
    lines: &[Line<'_>],
    last_line: Option<&str>,
    cx: &mut Context<'_>,
) -> Vec<Event> {
    let mut c = Chunker::default();
    let n = lines.len();
    for (idx, l) in lines.iter().enumerate() {
        let text: &str = if idx + 1 == n {
            last_line.unwrap_or(&l.text)
        } else {
            &l.text
        };
        c.line(lines, idx, l.no, text);
    }
    c.finish(cx)
}

/// The state of pass 2.
struct Chunker {
    events: Vec<Event>,
    pending: Option<Pending>,
    /// The line before was blank (or a rule): a new chunk may start.
    blank: bool,
    prev_ends_sentence: bool,
    /// Width of the line before, in bytes.
    prev_width: usize,
    /// How the body's lines are wrapped ([`crate::source::wrap`]),
    /// measured when first needed.
    wrap: Option<crate::source::Wrap>,
    last_number: u32,
    /// The last sub-paragraph letter label read, as written (`h` of
    /// `(h)`): a lower-case `(i)` after any other is a Roman numeral item.
    last_letter: Option<char>,
    lost_punctuation: Option<u32>,
    lost_count: usize,
    joined: Option<u32>,
    joined_count: usize,
    dump_line: Option<u32>,
    tsv_lines: usize,
}

impl Default for Chunker {
    fn default() -> Self {
        Chunker {
            events: Vec::new(),
            pending: None,
            blank: true, // at the start, as after a blank line
            prev_ends_sentence: true,
            prev_width: 0,
            wrap: None,
            last_number: 0,
            last_letter: None,
            lost_punctuation: None,
            lost_count: 0,
            joined: None,
            joined_count: 0,
            dump_line: None,
            tsv_lines: 0,
        }
    }
}

/// What the dispatcher knows about the line at hand.
struct At<'l, 'a> {
    /// The lines from this one on (to size a new chunk's text).
    lines: &'l [Line<'a>],
    no: u32,
    after_blank: bool,
    /// A new chunk may start here: after a blank line or a finished sentence.
    may_start: bool,
    /// The whole body, to measure its wrap width.
    all: &'l [Line<'a>],
    /// Width of the line before, in bytes.
    prev_width: usize,
}

impl Chunker {
    /// One line: the dispatcher.
    fn line(&mut self, all: &[Line<'_>], idx: usize, no: u32, text: &str) {
        let lines = all.get(idx..).unwrap_or(&[]);
        if text.trim_blanks().is_empty() {
            self.blank = true;
            self.prev_ends_sentence = true;
            return;
        }
        self.notice(no, text);
        let after_blank = self.blank;
        self.blank = false;
        let at = At {
            lines,
            all,
            no,
            after_blank,
            may_start: after_blank || self.prev_ends_sentence,
            prev_width: self.prev_width,
        };
        self.prev_ends_sentence = signer::ends_sentence(text) || lists::ends_item(text);
        self.prev_width = text.len();
        if self.rule(&at, text)
            || self.dashed_heading(&at, text)
            || self.labelled(&at, text)
            || self.marked(&at, text)
            || self.bullet(&at, text)
        {
            return;
        }
        self.prose(&at, text);
    }

    /// What a line shows about the text as a whole: lost punctuation
    /// (`⁸`), a database dump.
    fn notice(&mut self, no: u32, text: &str) {
        // (`⁸` is E2 81 B8 in UTF-8: a search for its last byte first.)
        if memchr::memchr(0xB8, text.as_bytes()).is_some() && text.contains('⁸') {
            self.lost_punctuation.get_or_insert(no);
            self.lost_count += text.matches('⁸').count();
        }
        if self.dump_line.is_none() {
            if is_dump_marker(text) {
                self.dump_line = Some(no);
            } else if text.ends_with('\\') && memchr::memchr(b'\t', text.as_bytes()).is_some() {
                self.tsv_lines += 1;
                if self.tsv_lines >= 2 {
                    self.dump_line = Some(no);
                }
            }
        }
    }

    /// Ends the pending chunk: a one-line text chunk between blank lines
    /// that looks like a heading becomes one.
    fn flush(&mut self, followed_by_blank: bool) {
        let Some(p) = self.pending.take() else {
            return;
        };
        let event = match p.event {
            Event::Text { text, line }
                if p.lines == 1
                    && p.after_blank
                    && followed_by_blank
                    && headings::is_line_heading(&text)
                    && notes::opener(&text).is_none_or(|o| !o.punctuated) =>
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
        self.events.push(event);
    }

    /// Starts a chunk with `rest` as its first text.
    fn start(&mut self, at: &At<'_, '_>, rest: &str, event: impl FnOnce(String) -> Event) {
        self.flush(at.after_blank);
        let mut t = String::with_capacity(chunk_capacity(at.lines));
        push_joined(&mut t, rest);
        self.pending = Some(Pending {
            event: event(t),
            lines: 1,
            after_blank: at.after_blank,
            last_line_after_sentence: None,
        });
    }

    fn dashed_event(&mut self, text: &str, no: u32) {
        self.flush(true);
        self.events.push(Event::Heading {
            heading: Heading {
                text: text.to_owned(),
                style: HeadingStyle::Dashed,
            },
            line: no,
        });
        self.blank = true;
    }

    /// A rule: it underlines the one-line chunk before it, or is dropped.
    fn rule(&mut self, at: &At<'_, '_>, text: &str) -> bool {
        let Some(style) = headings::rule(text) else {
            return false;
        };
        // The top rule of a box (`-----` / `HEADING` / `-----`) underlines
        // nothing: the paragraph right above it stays a paragraph.
        let underlines = !at.after_blank
            && headings::is_underline(text)
            && !opens_box(at.lines)
            && self.pending.as_ref().is_some_and(|p| p.lines == 1);
        if underlines {
            if let Some(p) = self.pending.take() {
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
                self.events.push(event);
            }
        } else {
            if !at.after_blank && headings::is_underline(text) && !opens_box(at.lines) {
                self.underlined_last_line(style);
            }
            self.flush(true);
        }
        self.blank = true; // what follows a rule starts afresh
        true
    }

    /// A rule under the last line of a chunk of several lines: that line is
    /// a heading when the text before it ended a sentence and it reads as
    /// one (a cablegate page writes a paragraph as one line, so the heading
    /// line follows it without a blank line).
    ///
    /// ```text
    /// 2. (C) The minister agreed.    <- paragraph 2
    /// THE NEXT STEPS                 <- heading
    /// --------------
    /// ```
    fn underlined_last_line(&mut self, style: HeadingStyle) {
        let Some(p) = self.pending.as_mut() else {
            return;
        };
        let Some((at, line)) = p.last_line_after_sentence else {
            return;
        };
        let text = match &mut p.event {
            Event::Label { text, .. } | Event::Bullet { text, .. } | Event::Text { text, .. } => {
                text
            }
            Event::Heading { .. } => return,
        };
        let Some(tail) = text.get(at..).filter(|t| headings::is_line_heading(t)) else {
            return;
        };
        let heading = Heading {
            text: tail.to_owned(),
            style,
        };
        text.truncate(at.saturating_sub(1));
        self.flush(true);
        self.events.push(Event::Heading { heading, line });
    }

    /// `---- SUMMARY ----`: a heading between dashes.
    fn dashed_heading(&mut self, at: &At<'_, '_>, text: &str) -> bool {
        match headings::dashed(text) {
            Some(h) => {
                self.dashed_event(h, at.no);
                true
            }
            None => false,
        }
    }

    /// `5. (C) text`, `B. text`: a labelled paragraph (a number out of
    /// sequence in a long label only where a chunk may start).
    fn labelled(&mut self, at: &At<'_, '_>, text: &str) -> bool {
        let last_number = self.last_number;
        let in_bullet = self
            .pending
            .as_ref()
            .is_some_and(|p| matches!(p.event, Event::Bullet { .. }));
        let pending_text = self.pending.as_ref().map_or("", |p| p.event.text());
        let Some(lab) = paragraphs::parse_label(text) else {
            return false;
        };
        if inline_item(&lab, pending_text) {
            return false;
        }
        // `(i) a date;` / `(ii) a list;`: a Roman numeral item, unless a
        // sub-paragraph (h) of the same paragraph came before it.
        if lab.raw == "i" && self.last_letter != Some('h') {
            return false;
        }
        let next =
            matches!(lab.label, RawLabel::Number(n) if last_number > 0 && n == last_number + 1);
        let in_sequence = match lab.label {
            RawLabel::Number(n) if lab.raw.len() > 3 => n == last_number.saturating_add(1),
            _ => true,
        };
        // A list item or a heading needs no final stop (`-- SECURITY AND
        // PRESS` / `ARRANGEMENTS` / `2. THE FOLLOWING ...`, `DIVERSIFICATION
        // IN RELATIONSHIPS` / `5. WE HAVE ...`, 1970s texts without blank
        // lines): after one, or after a line that ended well short of the
        // width, the next paragraph number starts a paragraph. In a text
        // of unwrapped paragraphs every line end was typed, so any later
        // number does (`See Harare 885` / `¶3. Warthogs ...`, paragraph 2
        // redacted).
        let later = matches!(lab.label, RawLabel::Number(n) if n > last_number);
        let starts = in_sequence
            && (at.may_start
                || lab.marking.is_some()
                || (next && in_bullet)
                || (later && {
                    // The wrap costs a pass over the body: measured only
                    // for a later number after no stop.
                    let word = text.split_whitespace().next().map_or(0, str::len);
                    match *self.wrap.get_or_insert_with(|| crate::source::wrap(at.all)) {
                        Wrap::At(w) => next && crate::source::ended_short(at.prev_width, word, w),
                        Wrap::Unwrapped => true,
                        Wrap::Unknown => false,
                    }
                }));
        if !starts {
            return false;
        }
        match lab.label {
            // A numbered paragraph starts its own lettering: an `(h)` of
            // paragraph 1 makes no `(i)` of paragraph 2 a sub-paragraph.
            RawLabel::Number(n) => {
                self.last_number = n;
                self.last_letter = None;
            }
            RawLabel::Letter(_) => self.last_letter = lab.raw.chars().next(),
            RawLabel::StrayLetter(_) => {}
        }
        let info = LabelInfo {
            label: Some((lab.raw.to_owned(), lab.label, lab.parenthesised)),
            marking: lab.marking,
        };
        let (rest, trailing_heading) = match headings::trailing_dashed(lab.rest) {
            Some((before, h)) => (before, Some(h)),
            None => (lab.rest, None),
        };
        self.start(at, rest, |t| Event::Label {
            info,
            text: t,
            line: at.no,
            heading: None,
        });
        if let Some(h) = trailing_heading {
            self.dashed_event(h, at.no);
        }
        true
    }

    /// `(U) text`, `(S//NF) text`: a paragraph opened by a portion marking.
    fn marked(&mut self, at: &At<'_, '_>, text: &str) -> bool {
        if !at.may_start {
            return false;
        }
        let Some((marking, rest)) = portion::unlabeled_marking(text) else {
            return false;
        };
        self.start(at, rest, |t| Event::Label {
            info: LabelInfo {
                label: None,
                marking: Some(marking),
            },
            text: t,
            line: at.no,
            heading: None,
        });
        true
    }

    /// `-- item`, `* item`: a list item.
    fn bullet(&mut self, at: &At<'_, '_>, text: &str) -> bool {
        let in_bullet = self
            .pending
            .as_ref()
            .is_some_and(|p| matches!(p.event, Event::Bullet { .. }));
        let may_start = at.may_start || in_bullet;
        // Most lines after no stop are wrapped prose: no bullet's first
        // character, no closer look.
        if !may_start && !lists::may_be_item(text) {
            return false;
        }
        let Some((marker, rest)) = lists::bullet(text).or_else(|| lists::roman_item(text)) else {
            return false;
        };
        // `BEGIN TALKING POINTS` / `-- The United States ...`: an opener
        // alone on its line, with no stop, heads the list.
        let after_opener = || {
            let idx = at.all.len() - at.lines.len();
            idx.checked_sub(1)
                .and_then(|i| at.all.get(i))
                .and_then(|l| notes::opener(l.text.trim_blanks()))
                .is_some_and(|o| o.rest.trim_blanks().is_empty())
        };
        if !(may_start || after_opener()) {
            return false;
        }
        let marker = marker.to_owned();
        self.start(at, rest, |t| Event::Bullet {
            marker,
            text: t,
            line: at.no,
        });
        true
    }

    /// Anything else: the continuation of the open chunk, a paragraph a
    /// blank line split in mid-sentence, or new prose.
    fn prose(&mut self, at: &At<'_, '_>, text: &str) {
        let starts_note = at.may_start && notes::opener(text.trim_start_blanks()).is_some();
        let (line_text, trailing_heading) = match headings::trailing_dashed(text) {
            Some((before, h)) => (before, Some(h)),
            None => (text, None),
        };
        let continue_chunk = match &self.pending {
            Some(_) if starts_note => false,
            Some(_) if !at.after_blank => true,
            Some(p) => {
                // `1. (C) Summary` / blank / `The minister ...`: a note's
                // keyword alone is no sentence cut by a blank line.
                let split = ends_mid_sentence(p.event.text())
                    && notes::opener(p.event.text().trim_blanks())
                        .is_none_or(|o| !o.rest.trim_blanks().is_empty())
                    && line_text
                        .trim_start_blanks()
                        .starts_with(|c: char| c.is_alphanumeric());
                if split {
                    self.joined.get_or_insert(at.no);
                    self.joined_count += 1;
                }
                split
            }
            None => false,
        };
        if continue_chunk {
            if let Some(p) = self.pending.as_mut() {
                match &mut p.event {
                    Event::Label { text, .. }
                    | Event::Bullet { text, .. }
                    | Event::Text { text, .. } => {
                        p.last_line_after_sentence = (!text.is_empty()
                            && signer::ends_sentence(text))
                        .then_some((text.len() + 1, at.no));
                        push_joined(text, line_text);
                    }
                    Event::Heading { .. } => {}
                }
                p.lines += 1;
            }
        } else {
            self.start(at, line_text, |t| Event::Text {
                text: t,
                line: at.no,
            });
        }
        if let Some(h) = trailing_heading {
            self.dashed_event(h, at.no);
        }
    }

    /// The events, and the notes of what was noticed.
    fn finish(mut self, cx: &mut Context<'_>) -> Vec<Event> {
        self.flush(true);
        if let Some(no) = self.lost_punctuation {
            cx.diag(
                Code::LostPunctuation,
                Some(no),
                format!(
                    "{} `⁸` character(s) standing for lost quotes or apostrophes kept as written",
                    self.lost_count
                ),
            );
        }
        if let Some(no) = self.joined {
            cx.diag(
                Code::JoinedSplitParagraph,
                Some(no),
                format!(
                    "{} paragraph(s) split by a blank line in mid-sentence joined",
                    self.joined_count
                ),
            );
        }
        if let Some(no) = self.dump_line {
            cx.diag(
                Code::DatabaseDump,
                Some(no),
                "the text holds a database dump or export record; kept as text",
            );
        }
        self.events
    }
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
pub(crate) fn ends_mid_sentence(text: &str) -> bool {
    text.trim_end_blanks()
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_lowercase())
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
