//! The labelled fields (E.O., TAGS, SUBJECT, REF, Classified By): opening
//! one at its label ([`labels`]), collecting its wrapped lines, and turning
//! its text into model values when the next construct closes it.

use crate::blanks::Blanks;

use super::handling::{self, is_body_start};
use super::labels::{self, Label};
use super::references::{self, RefNotes};
use super::segments::Seg;
use super::tags::TagNotes;
use super::{Header, Open, Step, banner, classified_by, executive_order, subject, tags};
use cable_model::{Code, Tag};

/// The text of a multi-line field as its lines come.
#[derive(Default)]
pub(super) struct Acc {
    pub(super) no: u32,
    pub(super) text: String,
    /// Length of the last line pushed (a word is only rejoined after a
    /// line filled to a fixed width).
    last_len: usize,
    /// Width of the last line as written, label included (see
    /// [`CUT_WIDTH`]).
    written: usize,
}

/// The column at which the cablegate pages cut a long `Classified By`
/// line, inside a word or not: the longest lines of that field in the
/// corpus's cablegate pages (`../shared/corpus/cablegate-html-*`) are 71
/// characters. A cut that falls on a blank leaves the blank at the start
/// of the next line (` H. Nardi`); one that falls inside a word does not.
const CUT_WIDTH: usize = 71;

impl Acc {
    pub(super) fn start(&mut self, no: u32, t: &str) {
        self.no = no;
        self.text.clear();
        self.text.push_str(t);
        // The keyword (`SUBJECT: `, `Classified By: `) took room on the line.
        self.last_len = t.len() + 10;
        self.written = 0;
    }

    /// Notes the width of the whole line (leading blanks and label
    /// included, trailing blanks left out) just started or pushed.
    pub(super) fn written(&mut self, width: usize) {
        self.written = width;
    }

    /// Appends a wrapped line written as `line` (its leading blanks
    /// kept), `width` wide: after a line cut at [`CUT_WIDTH`], a line that
    /// does not start with a blank continues the word the cut broke, in
    /// any case (`HOYT Y` / `EE`, `PIERRE-RI` / `CHARD`, `A` / `.F.`).
    ///
    /// A line that fills the width exactly may also have been wrapped at a
    /// blank: the break is a word boundary when the word before it is a
    /// whole word of two letters or more that names no one (`AND`, `DER`:
    /// `VAN DER` / `BERG`) or the word after it is (`FOR REASONS`), unless
    /// the two rejoined make one (`UN` / `DER`), or, in
    /// mixed case, when a capital follows a word with lower case (`der` /
    /// `Berg`; a word cut inside is in capitals or goes on in lower case).
    pub(super) fn push_after_cut(&mut self, t: &str, line: &str, width: usize) {
        let before = self.text.rsplit(' ').next().unwrap_or("");
        let after = t.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        let whole = |w: &str| w.chars().count() >= 2 && is_whole_word(&w.to_lowercase());
        // `UN` / `DER REASON` rejoins as `UNDER`; `PROS` / `PER,` is no
        // `per` of the grammar, which a blank follows.
        let rejoins_whole = whole(&format!("{before}{after}"));
        let after_whole = whole(after)
            && t.get(after.len()..)
                .is_none_or(|r| r.is_empty() || r.starts_with(' '));
        // `DI` / `RK HEADLEY`: a word with no vowel is the rest of a cut
        // word, whatever the fragment before it spells.
        let voiced = after
            .chars()
            .any(|c| matches!(c.to_ascii_uppercase(), 'A' | 'E' | 'I' | 'O' | 'U' | 'Y'));
        let boundary = !rejoins_whole
            && ((whole(before) && voiced)
                || after_whole
                || (t.starts_with(char::is_uppercase) && before.chars().any(char::is_lowercase)));
        let cut = self.written == CUT_WIDTH
            && !boundary
            && !line.starts_with(char::is_whitespace)
            && self.text.ends_with(|c: char| !c.is_whitespace())
            && !t.is_empty();
        if cut {
            self.last_len = t.len();
            self.text.push_str(t);
        } else {
            self.push(t);
        }
        self.written(width);
    }

    /// Appends a wrapped line. A word cut by a fixed-width wrap (the next
    /// line starts in lower case right after a word fragment) is rejoined.
    pub(super) fn push(&mut self, t: &str) {
        let full_line = self.last_len >= 64;
        self.last_len = t.len();
        // Whole words on either side of the break are not a cut word:
        // `... John Q. Sample` / `for reasons 1.4 (b)` is not `Samplefor`.
        let whole_word = is_whole_word;
        let glue = full_line
            && self.text.ends_with(|c: char| c.is_alphabetic())
            && t.starts_with(|c: char| c.is_lowercase())
            && self.text.rsplit(' ').next().is_some_and(|w| !whole_word(w))
            && !t
                .split(|c: char| !c.is_alphabetic())
                .next()
                .is_some_and(whole_word);
        // `PRO-` / `CRASTINATION`, `UK-` / `BASED`: a word broken at its
        // hyphen (not a dash, ` -`, `--`) goes on after the hyphen.
        let hyphen = self.text.ends_with('-')
            && self
                .text
                .get(..self.text.len() - 1)
                .is_some_and(|b| b.ends_with(|c: char| c.is_alphabetic()))
            && t.starts_with(|c: char| c.is_alphabetic());
        if !glue && !hyphen && !self.text.is_empty() {
            self.text.push(' ');
        }
        self.text.push_str(t);
    }
}

/// Whether `w` (lower case) is a word that stands whole on either side of
/// a line break in a `Classified By` line: the small words of its grammar
/// (`for reasons`, `under`, `per`) and the particles of surnames (`Maria`
/// / `de la Cruz`).
fn is_whole_word(w: &str) -> bool {
    matches!(
        w,
        "for"
            | "and"
            | "of"
            | "the"
            | "to"
            | "in"
            | "per"
            | "reasons"
            | "reason"
            | "under"
            | "by"
            | "a"
    ) || classified_by::is_particle(w)
}

impl Header<'_, '_> {
    /// A blank line: it closes the open field, except a REF block (whose
    /// items may go on after it) and a SUBJECT or TAGS label whose text is
    /// still to come (`SUBJECT:` / blank / `THE TEXT`).
    pub(super) fn blank(&mut self) {
        match self.open {
            Open::Ref => self.ref_blank = true,
            Open::PlusDist | Open::None => {}
            Open::Subject if self.subject.text.trim_blanks().is_empty() => {}
            Open::Subject if !self.subject_blank => self.subject_blank = true,
            Open::Tags if self.tags.text.trim_blanks().is_empty() => {}
            _ => self.close_open(),
        }
    }

    /// A line after a blank line inside a REF block: it goes on when it is
    /// the next labelled item or completes an item cut before its serial.
    pub(super) fn ref_after_blank(&mut self, t: &str) -> Option<Step> {
        if !(self.open == Open::Ref && self.ref_blank) {
            return None;
        }
        let completes = references::incomplete_tail(&self.refs.text)
            && !is_body_start(t)
            && labels::label(t).is_none()
            && banner::banner(t).is_none();
        if (references::starts_with_label(t) && !is_body_start(t)) || completes {
            self.ref_blank = false;
            self.push_ref(t);
            return Some(Step::Next);
        }
        self.close_open();
        None
    }

    /// A line after a blank line after the SUBJECT: the subject's last
    /// words, wrapped onto a line of their own in a rendering that puts
    /// blank lines between the header's lines (`SUBJECT: NORTH KOREA AFTER
    /// CURRENCY⏎⏎REFORM⏎⏎REF: ...`), when the subject is not finished by
    /// punctuation, the line is short, written in the subject's case, no
    /// label, banner, handling line or body start, and a labelled field or
    /// the body comes next. Anything else closes the subject.
    pub(super) fn subject_after_blank(
        &mut self,
        t: &str,
        rest: &[crate::source::Line<'_>],
        next_line: usize,
    ) -> Option<Step> {
        if !(self.open == Open::Subject && self.subject_blank) {
            return None;
        }
        self.subject_blank = false;
        let subject = self.subject.text.trim_blanks();
        let caps = |s: &str| !s.chars().any(char::is_lowercase);
        let same_case = if caps(subject) {
            caps(t)
        } else {
            t.starts_with(|c: char| c.is_lowercase())
        };
        let next = rest
            .iter()
            .skip(next_line)
            .map(|l| l.text.trim_blanks())
            .find(|l| !l.is_empty());
        let wraps = same_case
            && t.len() <= 40
            && !subject.ends_with(['.', '?', '!', ')', '"'])
            && labels::label(t).is_none()
            && !is_body_start(t)
            && banner::banner(t).is_none()
            && !handling::is_handling_line(t)
            // A rule under the line makes it a heading (`ASSESSMENT` /
            // `----------`), not the subject's end: the body's own rule
            // reader decides.
            && next.is_some_and(|n| {
                labels::label(n).is_some()
                    || (is_body_start(n) && crate::body::headings::rule(n).is_none())
            });
        if wraps {
            self.subject.push(t);
            return Some(Step::Next);
        }
        self.close_open();
        None
    }

    /// A line that opens a labelled field.
    pub(super) fn field(&mut self, seg: &Seg<'_>, t: &str) -> Option<Step> {
        let Some(found) = labels::label(t) else {
            return self.reason_line(t);
        };
        let no = Some(seg.no);
        match found.label {
            Label::ExecutiveOrder | Label::Decl => {
                self.close_open();
                self.seen_fields = true;
                self.seen_eo_tags_subject = true;
                let (eo, decl) = executive_order::executive_order(t);
                if decl.is_none() || executive_order::has_bad_date(t) {
                    self.cx.diag(
                        Code::UnreadableDeclassification,
                        no,
                        format!("no declassification date or code in {t:?}"),
                    );
                }
                if found.label == Label::ExecutiveOrder {
                    self.cx.cable.executive_order = Some(eo);
                }
                if decl.is_some() {
                    self.cx.cable.declassify = decl;
                }
            }
            Label::Tags => {
                self.close_open();
                self.seen_fields = true;
                self.seen_eo_tags_subject = true;
                self.open = Open::Tags;
                self.tags.start(seg.no, found.rest);
            }
            Label::Subject => {
                if self.cx.cable.subject.is_some() || self.open == Open::Subject {
                    // `SUBJECT: SUBJECT: ...` and a second SUBJECT line
                    // continue (or are) text.
                    return None;
                }
                self.close_open();
                self.seen_fields = true;
                self.seen_eo_tags_subject = true;
                self.open = Open::Subject;
                self.subject.start(seg.no, found.rest);
            }
            Label::Ref => {
                if self.open == Open::Ref {
                    // `REF: REF: SECSTATE 58408`
                    self.push_ref(found.rest);
                    return Some(Step::Next);
                }
                self.close_open();
                self.seen_fields = true;
                self.open = Open::Ref;
                self.ref_blank = found.rest.is_empty();
                self.start_ref(seg.no, found.rest);
            }
            Label::ClassifiedBy => {
                if self.open == Open::ClassifiedBy && self.classified.text.trim_blanks().is_empty()
                {
                    // `Classified By: Classified by Ambassador ...`: the
                    // label written twice opens one field.
                    self.classified.start(self.classified.no, found.rest);
                    self.classified.written(self.line_width);
                    return Some(Step::Next);
                }
                self.close_open();
                self.seen_fields = true;
                self.open = Open::ClassifiedBy;
                self.classified.start(seg.no, found.rest);
                self.classified.written(self.line_width);
            }
        }
        Some(Step::Next)
    }

    /// `REASON: 1.4 (B), (D)` on its own line after `Classified By`.
    fn reason_line(&mut self, t: &str) -> Option<Step> {
        let reason = self.cx.cable.classified_by.is_some()
            && self.cx.cable.reasons.is_empty()
            && t.get(..6).is_some_and(|p| p.eq_ignore_ascii_case("reason"));
        if !reason {
            return None;
        }
        self.close_open();
        self.cx.cable.reasons = classified_by::reasons(t);
        Some(Step::Next)
    }

    /// Opens the REF block with the text after its label.
    fn start_ref(&mut self, no: u32, t: &str) {
        self.ref_number = references::last_numbered_label(t);
        self.ref_letter = references::last_letter_label(t);
        self.refs.start(no, t);
    }

    /// Adds a line to the REF block, noting its last numbered and lettered
    /// labels.
    fn push_ref(&mut self, t: &str) {
        if let Some(label) = references::last_numbered_label(t) {
            self.ref_number = Some(label);
        }
        if let Some(letter) = references::last_letter_label(t) {
            self.ref_letter = Some(letter);
        }
        self.refs.push(t);
    }

    /// A line continuing the open field.
    pub(super) fn continuation(
        &mut self,
        seg: &Seg<'_>,
        t: &str,
        rest: &[crate::source::Line<'_>],
    ) -> Option<Step> {
        // `2. LIMA 456` after `REF: 1. LIMA 123`: the next numbered item,
        // neither paragraph 2 nor a banner naming a station and serial.
        let ref_number =
            self.open == Open::Ref && references::continues_numbers(self.ref_number, t);
        let body_start = is_body_start(t)
            && !ref_number
            && !(self.open == Open::Ref && references::continues_labels(self.ref_letter, t));
        if let Some(step) = self.addressee_continuation(seg, t, body_start) {
            return Some(step);
        }
        if body_start {
            return None;
        }
        let goes_on = match self.open {
            Open::Tags => {
                self.tags.text.trim_end_blanks().ends_with(',')
                    || self.tags.text.trim_blanks().is_empty()
                    || (!t.chars().any(char::is_lowercase) && t.len() <= 60)
            }
            Open::Subject => {
                // A handling line ends the subject (`SENSITIVE BUT
                // UNCLASSIFIED--PLEASE PROTECT ACCORDINGLY`); a line in
                // mixed case does not continue a subject in capitals.
                let all_caps = !self.subject.text.chars().any(char::is_lowercase);
                let empty = self.subject.text.trim_blanks().is_empty();
                !handling::is_handling_line(t)
                    && (empty || !(all_caps && t.chars().any(char::is_lowercase)))
                    && (empty || !self.ended_short(seg, t, rest))
            }
            Open::Ref => ref_number || banner::banner(t).is_none(),
            Open::ClassifiedBy => true,
            _ => false,
        };
        if !goes_on {
            return None;
        }
        match self.open {
            Open::Tags => self.tags.push(t),
            Open::Subject => self.subject.push(t),
            Open::Ref => self.push_ref(t),
            Open::ClassifiedBy => self.classified.push_after_cut(t, seg.text, self.line_width),
            _ => {}
        }
        Some(Step::Next)
    }

    /// Whether the line before `seg` ended well short of the width the
    /// text is wrapped at, so `t`'s first word would have fitted on it: no
    /// wrap broke that line, and `t` does not continue it (the 1970s
    /// telegrams, with no blank line between header and body: `SUBJECT:
    /// SPECIAL SUMMARY NUMBER 2` / `VIENNA PASS TO ...`). A text whose lines
    /// are not wrapped at a width (HTML paragraphs of hundreds of
    /// characters) has no such test; the margin of eight characters
    /// allows for lines a few characters short of the width (wrapped
    /// subjects of the corpus fill their line to within two characters of
    /// it).
    fn ended_short(&mut self, seg: &Seg<'_>, t: &str, rest: &[crate::source::Line<'_>]) -> bool {
        let Some(prev) = seg.idx.checked_sub(1).and_then(|i| rest.get(i)) else {
            return false;
        };
        let width = *self
            .wrap_width
            .get_or_insert_with(|| crate::source::wrap_width(rest));
        let Some(width) = width else {
            return false;
        };
        let prev_width = prev.text.len();
        let word = t.split_whitespace().next().map_or(0, str::len);
        crate::source::ended_short(prev_width, word, width)
    }

    /// Closes the open multi-line field, turning its text into model values.
    pub(super) fn close_open(&mut self) {
        let open = std::mem::replace(&mut self.open, Open::None);
        self.ref_blank = false;
        self.subject_blank = false;
        match open {
            Open::Tags => self.close_tags(),
            Open::Subject => self.close_subject(),
            Open::Ref => self.close_refs(),
            Open::ClassifiedBy => self.close_classified_by(),
            _ => {}
        }
    }

    fn close_tags(&mut self) {
        let mut notes = TagNotes::default();
        let list = tags::split_tags(&self.tags.text, &mut notes);
        let no = Some(self.tags.no);
        for t in list {
            if let Some(tag) = Tag::from_text(&t.written, t.kind) {
                // A set, not `tags.contains`: a 1 MB TAGS line holds
                // ~100,000 tags.
                if self.tag_set.insert(tag.as_str().to_owned()) {
                    self.cx.cable.tags.push(tag);
                }
            }
        }
        if !notes.repaired.is_empty() {
            self.cx.diag(
                Code::RepairedTag,
                no,
                format!("tags repaired or dropped: {}", notes.repaired.join(", ")),
            );
        }
        if !notes.duplicates.is_empty() {
            self.cx.diag(
                Code::DuplicateTag,
                no,
                format!("duplicate tags dropped: {}", notes.duplicates.join(", ")),
            );
        }
    }

    fn close_subject(&mut self) {
        // A handling phrase the line end cut after the subject
        // (`... A VISIT SENSITIVE BUT UNCLASSIFIED--PLEASE`) is handling.
        let mut text = std::mem::take(&mut self.subject.text);
        if let Some(at) = handling::handling_tail(&text).filter(|&at| at > 0) {
            let tail = text.split_off(at);
            self.cx.cable.handling.push(tail.trim_blanks().to_owned());
        }
        let (s, doubled) = subject::subject(&text);
        if doubled {
            self.cx.diag(
                Code::DoubledSubject,
                Some(self.subject.no),
                "SUBJECT: written twice",
            );
        }
        if !s.text.is_empty() {
            self.cx.cable.subject = Some(s);
        }
    }

    fn close_refs(&mut self) {
        let mut notes = RefNotes::default();
        let year = self.year();
        // Taken, not borrowed: the block's text is freed with the list read.
        let mut text = std::mem::take(&mut self.refs.text);
        // The block grew line by line (its capacity up to twice its text).
        text.shrink_to_fit();
        let list = references::references(&text, year, &mut self.cx.stations, &mut notes);
        drop(text);
        let no = Some(self.refs.no);
        if notes.inherited && list.iter().any(|r| r.id.is_some()) {
            self.cx.diag(
                Code::InheritedReferenceYear,
                no,
                "references without a year took the cable's year",
            );
        }
        if !notes.unreadable.is_empty() {
            self.cx.diag(
                Code::UnreadableReference,
                no,
                format!("{} reference(s) not classified", notes.unreadable.len()),
            );
        }
        if self.cx.cable.references.is_empty() {
            // Moved, not copied: a block may hold a million references.
            self.cx.cable.references = list;
        } else {
            self.cx.cable.references.extend(list);
        }
    }

    fn close_classified_by(&mut self) {
        let (cb, reasons) = classified_by::classified_by(&self.classified.text);
        if cb.name.is_none() {
            self.cx.diag(
                Code::UnreadableClassifiedBy,
                Some(self.classified.no),
                "no name in the Classified By line",
            );
        }
        self.cx.cable.classified_by = Some(cb);
        if !reasons.is_empty() {
            self.cx.cable.reasons = reasons;
        }
    }
}
