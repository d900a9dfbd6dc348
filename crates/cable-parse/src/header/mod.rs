//! The header phase: everything before the body (transmission lines,
//! routing, banner, handling lines, E.O., TAGS, SUBJECT, REF, Classified By).
//!
//! The header is read as a sequence of *segments*: a line, or a part of a
//! line when a rendering collapsed several header fields onto one line
//! (`E.o. 12958: decl: 01/07/2014 Tags: prel, pgov Subject: ...`). Each
//! segment is classified by its keyword, or continues the open field
//! (addressees, TAGS, SUBJECT, REF, Classified By). The first line that is
//! none of these (a numbered paragraph, prose) starts the body. Every
//! segment is looked at a bounded number of times, so the phase is linear.

pub(crate) mod banner;
mod classified_by;
mod executive_order;
mod keyword;
mod references;
mod routing;
mod subject;
mod tags;

use crate::blanks::Blanks;

use crate::context::Context;
use crate::ids;
use crate::source::Cursor;
use banner::push_unique;
use cable_model::{Code, Tag, Transmission};
use references::RefNotes;
use regex::Regex;
use routing::RoutingLine;
use std::collections::VecDeque;
use std::sync::LazyLock;
use tags::TagNotes;

/// Header keywords in the middle of a line, where a rendering glued fields.
static INLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\s((?:E\.\s?O\.\s?1\d{3,4}|EO\s1\d{4}|T?AGS?[:;]|TGS:|TABS:|TAGES:|SUBJECT:|SUBJ:|REFS?:|REFTELS?:|REF\(S\):|CLASSIFIED BY(?-u:\b)|¶?\d{1,2}\.\s{0,2}\((?:U|C|S|SBU|C/NF|S/NF)\)))|[A-Z](REF:)\s|(PRIORITY|IMMEDIATE|ROUTINE)(?:UNCLAS|CONFIDENTIAL|SECRET|LIMITED|C O N|S E C|U N C)",
    )
    .expect("valid regex")
});

/// The first line of the body: a numbered paragraph, a portion-marked
/// paragraph, a summary heading.
static BODY_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:¶\s*\d|\d{1,3}\s?[.)](?:\s|\(|$)|\d{1,3}\.[A-Za-z(]|\((?:U|C|S|TS|SBU|LOU|C/NF|S/NF|SBU/NF|U//FOUO)\)|(?i:(?:begin )?summary\b)|-{3,}|={3,})")
        .expect("valid regex")
});

/// `INFO OCT-01 ADP-00 SS-15 RSC-01 /035 R` of a 1970s PlusD page.
static PLUSD_INFO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:INFO|ACTION)\s+[A-Z]{1,6}-\d{2}\b").expect("valid regex"));

/// `Classified By:`, `CLASSIFIED BY`, `(U) CLASSIFIED BY`.
static CLASSIFIED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\(U\)\s*)?classified\s+by\b[:\s]*").expect("valid regex")
});

/// [`BODY_START`] matches: it can only start with a digit, `(`, `-`, `=`,
/// `b`/`s` in either case, or a non-ASCII character (`¶`, other digits,
/// case folds), so other lines skip the regex.
fn is_body_start(t: &str) -> bool {
    let first = t.as_bytes().first().copied().unwrap_or(0);
    (first.is_ascii_digit()
        || matches!(first, b'(' | b'-' | b'=' | b'b' | b'B' | b's' | b'S')
        || first >= 0x80)
        && BODY_START.is_match(t)
}

/// Whether [`CLASSIFIED`] can match: its matches start with `(`, `c` or
/// `C` (or, to be safe, a non-ASCII character).
fn starts_like_classified_by(t: &str) -> bool {
    let first = t.as_bytes().first().copied().unwrap_or(0);
    matches!(first, b'(' | b'c' | b'C') || first >= 0x80
}

/// [`CLASSIFIED`] matches.
fn is_classified_by(t: &str) -> bool {
    starts_like_classified_by(t) && CLASSIFIED.is_match(t)
}

/// [`PLUSD_INFO`] matches (it starts with `INFO` or `ACTION`).
fn is_plusd_info(t: &str) -> bool {
    (t.starts_with("INFO") || t.starts_with("ACTION")) && PLUSD_INFO.is_match(t)
}

/// One header segment: a line or part of one.
#[derive(Debug, Clone, Copy)]
struct Seg<'s> {
    /// Offset of its line from the cursor's position at the start.
    idx: usize,
    /// 1-based input line.
    no: u32,
    /// A part of the line's text (never a copy).
    text: &'s str,
}

/// The open multi-line field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    None,
    To,
    Info,
    Xmt,
    Tags,
    Subject,
    Ref,
    ClassifiedBy,
    PlusDist,
}

#[derive(Default)]
struct Acc {
    no: u32,
    text: String,
    /// Length of the last line pushed (a word is only rejoined after a
    /// line filled to a fixed width).
    last_len: usize,
}

impl Acc {
    fn start(&mut self, no: u32, t: &str) {
        self.no = no;
        self.text.clear();
        self.text.push_str(t);
        // The keyword (`SUBJECT: `, `Classified By: `) took room on the line.
        self.last_len = t.len() + 10;
    }
    /// Appends a wrapped line. A word cut by a fixed-width wrap (the next
    /// line starts in lower case right after a word fragment) is rejoined.
    fn push(&mut self, t: &str) {
        let full_line = self.last_len >= 64;
        self.last_len = t.len();
        // Whole words on either side of the break are not a cut word:
        // `... John Q. Sample` / `for reasons 1.4 (b)` is not `Samplefor`.
        let whole_word = |w: &str| {
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
            )
        };
        let glue = full_line
            && self.text.ends_with(|c: char| c.is_alphabetic())
            && t.starts_with(|c: char| c.is_lowercase())
            && self.text.rsplit(' ').next().is_some_and(|w| !whole_word(w))
            && !t
                .split(|c: char| !c.is_alphabetic())
                .next()
                .is_some_and(whole_word);
        if !glue && !self.text.is_empty() {
            self.text.push(' ');
        }
        self.text.push_str(t);
    }
}

struct Header<'c, 'k> {
    cx: &'c mut Context<'k>,
    open: Open,
    tags: Acc,
    subject: Acc,
    refs: Acc,
    classified: Acc,
    ref_blank: bool,
    seen_routing: bool,
    seen_banner: bool,
    seen_fields: bool,
    seen_eo_tags_subject: bool,
    banner_id: Option<(String, String, u32)>,
    transmission: Transmission,
    has_transmission: bool,
    debris_noted: bool,
    /// The tags read so far, for de-duplication.
    tag_set: std::collections::BTreeSet<Tag>,
}

/// Reads header lines at the cursor into `cx.cable`, leaving the cursor at
/// the first line of the body.
pub(crate) fn parse(cursor: &mut Cursor<'_, '_>, cx: &mut Context<'_>) {
    let rest = cursor.rest();
    let mut h = Header {
        cx,
        open: Open::None,
        tags: Acc::default(),
        subject: Acc::default(),
        refs: Acc::default(),
        classified: Acc::default(),
        ref_blank: false,
        seen_routing: false,
        seen_banner: false,
        seen_fields: false,
        seen_eo_tags_subject: false,
        banner_id: None,
        transmission: Transmission::default(),
        has_transmission: false,
        debris_noted: false,
        tag_set: std::collections::BTreeSet::new(),
    };
    let mut queue: VecDeque<Seg<'_>> = VecDeque::new();
    let mut next_line = 0usize;
    let mut consumed_lines = 0usize;
    loop {
        if queue.is_empty() {
            let Some(line) = rest.get(next_line) else {
                break;
            };
            split_segments(next_line, line.no, &line.text, &mut queue);
            next_line += 1;
        }
        let Some(seg) = queue.pop_front() else {
            break;
        };
        match h.segment(&seg, rest, next_line, &mut queue) {
            Step::Next => consumed_lines = seg.idx + 1,
            Step::Stop => {
                let line_start = rest.get(seg.idx).is_some_and(|l| {
                    l.text
                        .trim_start_blanks()
                        .starts_with(seg.text.trim_start_blanks())
                });
                if line_start {
                    consumed_lines = seg.idx;
                } else {
                    // A body start inside a collapsed line
                    // (`REASON: 1.4 (b) 1. (C) Summary: ...`): the header
                    // keeps the start of the line, the body gets the rest.
                    let mut tail = seg.text.trim_start_blanks().to_owned();
                    for s in queue.iter().take_while(|s| s.idx == seg.idx) {
                        tail.push_str(s.text);
                    }
                    h.cx.body_head = Some((seg.no, tail));
                    consumed_lines = seg.idx + 1;
                }
                break;
            }
        }
    }
    h.close_open();
    h.finish(rest.get(consumed_lines..).unwrap_or(&[]));
    cursor.advance(consumed_lines);
}

enum Step {
    Next,
    Stop,
}

fn split_segments<'s>(idx: usize, no: u32, text: &'s str, out: &mut VecDeque<Seg<'s>>) {
    let mut start = 0;
    // Most lines hold no glued keyword: a search without captures first.
    if text.len() > 12 && INLINE.is_match(text) {
        for c in INLINE.captures_iter(text) {
            let at = if let Some(m) = c.get(1) {
                m.start()
            } else if let Some(m) = c.get(2) {
                m.start()
            } else if let Some(m) = c.get(3) {
                m.end()
            } else {
                continue;
            };
            if at > start && !text.get(start..at).unwrap_or("").trim_blanks().is_empty() {
                out.push_back(Seg {
                    idx,
                    no,
                    text: text.get(start..at).unwrap_or(""),
                });
                start = at;
            }
        }
    }
    out.push_back(Seg {
        idx,
        no,
        text: text.get(start..).unwrap_or(""),
    });
}

fn is_keyword_line(t: &str) -> bool {
    tags::tags_keyword(t).is_some()
        || subject::subject_keyword(t).is_some()
        || references::ref_keyword(t).is_some()
        || executive_order::is_eo_line(t)
        || is_classified_by(t)
}

impl Header<'_, '_> {
    fn segment<'s>(
        &mut self,
        seg: &Seg<'s>,
        rest: &[crate::source::Line<'_>],
        next_line: usize,
        queue: &mut VecDeque<Seg<'s>>,
    ) -> Step {
        // A trailing ` \` is line-continuation debris of some renderings.
        let t = seg
            .text
            .trim_blanks()
            .trim_end_matches('\\')
            .trim_end_blanks();
        let no = Some(seg.no);
        if t.is_empty() {
            match self.open {
                Open::Ref => self.ref_blank = true,
                Open::PlusDist | Open::None => {}
                _ => self.close_open(),
            }
            return Step::Next;
        }
        if self.open == Open::Ref && self.ref_blank {
            let completes = references::incomplete_tail(&self.refs.text)
                && !is_body_start(t)
                && !is_keyword_line(t)
                && banner::banner(t).is_none();
            if (references::starts_with_label(t) && !is_body_start(t)) || completes {
                self.ref_blank = false;
                self.refs.push(t);
                return Step::Next;
            }
            self.close_open();
        }
        let before_banner = !self.seen_banner && !self.seen_fields;
        // ACP-127 lines and the DTG line.
        if before_banner && self.open != Open::To && self.open != Open::Info {
            if let Some(rl) = routing::routing_line(t) {
                if let RoutingLine::Dtg {
                    precedence,
                    dtg,
                    valid,
                    rest: tail,
                } = rl
                {
                    self.close_open();
                    if !valid {
                        self.cx.diag(
                            Code::MalformedDtg,
                            no,
                            format!("date-time group {:?} is not a valid date and time", dtg.raw),
                        );
                    }
                    let r = &mut self.cx.cable.routing;
                    r.precedence = precedence.or(r.precedence);
                    r.dtg = Some(dtg);
                    self.seen_routing = true;
                    let tail = tail.trim_blanks();
                    if tail.starts_with("FM ") {
                        // A header collapsed onto one line.
                        let mut parts = Vec::new();
                        let mut s = 0;
                        for (i, _) in tail.match_indices(' ') {
                            let after = tail.get(i + 1..).unwrap_or("");
                            if ["FM ", "TO ", "INFO ", "XMT "]
                                .iter()
                                .any(|k| after.starts_with(k))
                            {
                                parts.push(tail.get(s..i).unwrap_or(""));
                                s = i + 1;
                            }
                        }
                        parts.push(tail.get(s..).unwrap_or(""));
                        for p in parts.into_iter().rev() {
                            queue.push_front(Seg {
                                idx: seg.idx,
                                no: seg.no,
                                text: p,
                            });
                        }
                    } else {
                        self.cx.cable.routing.operating_signals.extend(
                            tail.split_whitespace()
                                .filter(|w| w.starts_with('Z'))
                                .map(str::to_owned),
                        );
                    }
                } else if !self.seen_routing {
                    self.has_transmission = true;
                    routing::apply_transmission(&mut self.transmission, rl);
                }
                return Step::Next;
            }
        }
        if let Some(rest_fm) = t.strip_prefix("FM ") {
            self.close_open();
            self.seen_routing = true;
            self.cx.cable.routing.from = routing::addressee(rest_fm);
            return Step::Next;
        }
        if !self.seen_banner {
            for (kw, open) in [
                ("TO ", Open::To),
                ("INFO ", Open::Info),
                ("XMT ", Open::Xmt),
            ] {
                if let Some(r) = t.strip_prefix(kw) {
                    if is_plusd_info(t) {
                        self.close_open();
                        self.open = Open::PlusDist;
                        return Step::Next;
                    }
                    self.close_open();
                    self.seen_routing = true;
                    self.open = open;
                    if !r.trim_start_blanks().starts_with("PAGE ") {
                        self.addressee_line(r, no);
                    }
                    return Step::Next;
                }
            }
        }
        if self.plusd_debris(t) {
            return Step::Next;
        }
        if t.starts_with("This record is a partial extract") {
            self.cx.diag(
                Code::PartialRecord,
                no,
                "the header is a partial-extract notice",
            );
            // `... is not available.UNCLAS ANKARA 008150`: the banner glued
            // to the notice is read on its own.
            let end = "is not available.";
            if let Some(rest) = t.find(end).and_then(|i| t.get(i + end.len()..)) {
                if !rest.trim_blanks().is_empty() {
                    queue.push_front(Seg {
                        idx: seg.idx,
                        no: seg.no,
                        text: rest,
                    });
                }
            }
            return Step::Next;
        }
        if t == "Cable Text:"
            || t.starts_with("From:")
            || t.starts_with("Sent:")
            || t.starts_with("Subject: FW:")
        {
            self.cx.diag(
                Code::ExportDebris,
                no,
                format!("export line set aside: {t:?}"),
            );
            return Step::Next;
        }
        // Classification banner.
        if !self.seen_eo_tags_subject || !self.seen_banner {
            if let Some(b) = banner::banner(t) {
                if !self.seen_banner || (self.banner_id.is_none() && b.station_serial.is_some()) {
                    self.close_open();
                    self.apply_banner(b, seg.no, t);
                    return Step::Next;
                }
                if b.station_serial.is_none() && self.seen_banner {
                    // A repeated classification line (`SENSITIVE BUT UNCLASSIFIED`).
                    self.close_open();
                    self.add_caveats(b.marking.caveats);
                    return Step::Next;
                }
            }
        }
        if executive_order::is_eo_line(t)
            || t.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("DECL:"))
        {
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
            if executive_order::is_eo_line(t) {
                self.cx.cable.executive_order = Some(eo);
            }
            if decl.is_some() {
                self.cx.cable.declassify = decl;
            }
            return Step::Next;
        }
        if let Some(r) = tags::tags_keyword(t) {
            self.close_open();
            self.seen_fields = true;
            self.seen_eo_tags_subject = true;
            self.open = Open::Tags;
            self.tags.start(seg.no, r);
            return Step::Next;
        }
        if let Some(r) = subject::subject_keyword(t) {
            if self.cx.cable.subject.is_none() && self.open != Open::Subject {
                self.close_open();
                self.seen_fields = true;
                self.seen_eo_tags_subject = true;
                self.open = Open::Subject;
                self.subject.start(seg.no, r);
                return Step::Next;
            }
        }
        if let Some(r) = references::ref_keyword(t) {
            if self.open == Open::Ref {
                // `REF: REF: SECSTATE 58408`
                self.refs.push(r);
                return Step::Next;
            }
            self.close_open();
            self.seen_fields = true;
            self.open = Open::Ref;
            self.ref_blank = r.is_empty();
            self.refs.start(seg.no, r);
            return Step::Next;
        }
        if let Some(m) = starts_like_classified_by(t)
            .then(|| CLASSIFIED.find(t))
            .flatten()
        {
            self.close_open();
            self.seen_fields = true;
            self.open = Open::ClassifiedBy;
            self.classified
                .start(seg.no, t.get(m.end()..).unwrap_or(""));
            return Step::Next;
        }
        if self.cx.cable.classified_by.is_some()
            && self.cx.cable.reasons.is_empty()
            && t.get(..6).is_some_and(|p| p.eq_ignore_ascii_case("reason"))
        {
            self.close_open();
            self.cx.cable.reasons = classified_by::reasons(t);
            return Step::Next;
        }
        // Continuation of the open field.
        let body_start = is_body_start(t)
            && !(self.open == Open::Ref && references::continues_labels(&self.refs.text, t));
        match self.open {
            Open::To | Open::Info if !body_start && !t.chars().any(char::is_lowercase) => {
                if !t.starts_with("PAGE ") {
                    self.addressee_line(t, no);
                }
                return Step::Next;
            }
            Open::Xmt if !body_start => return Step::Next,
            Open::PlusDist => return Step::Next,
            Open::Tags
                if !body_start
                    && (self.tags.text.trim_end_blanks().ends_with(',')
                        || (!t.chars().any(char::is_lowercase) && t.len() <= 60)) =>
            {
                self.tags.push(t);
                return Step::Next;
            }
            Open::Subject if !body_start => {
                let all_caps = !self.subject.text.chars().any(char::is_lowercase);
                if !(all_caps && t.chars().any(char::is_lowercase)) {
                    self.subject.push(t);
                    return Step::Next;
                }
            }
            Open::Ref if !body_start && banner::banner(t).is_none() => {
                self.refs.push(t);
                return Step::Next;
            }
            Open::ClassifiedBy if !body_start => {
                self.classified.push(t);
                return Step::Next;
            }
            _ => {}
        }
        self.close_open();
        if body_start {
            return Step::Stop;
        }
        // Handling lines between the banner and the E.O./TAGS/SUBJECT lines.
        if (self.seen_banner || self.seen_routing)
            && !self.seen_eo_tags_subject
            && t.len() <= 100
            && !t.ends_with('.')
        {
            if let Some(cs) = banner::caveat_line(t) {
                self.add_caveats(cs);
            } else {
                self.cx.cable.handling.push(t.to_owned());
            }
            return Step::Next;
        }
        // A handling line between SUBJECT and REF / Classified By
        // (`SENSITIVE BUT UNCLASSIFIED--PLEASE PROTECT ACCORDINGLY`).
        if self.seen_eo_tags_subject
            && t.len() <= 100
            && !t.chars().any(char::is_lowercase)
            && ref_ahead(rest, next_line, 3)
        {
            self.cx.cable.handling.push(t.to_owned());
            return Step::Next;
        }
        // Lines before any header field: debris when header fields follow
        // soon, on later lines or later on this (collapsed) line.
        // (Only the next segment is looked at, so a long line of debris
        // segments is not rescanned for each.)
        let keyword_later_on_line = || {
            queue
                .front()
                .is_some_and(|s| s.idx == seg.idx && is_keyword_line(s.text.trim_blanks()))
        };
        if !self.seen_fields
            && !self.seen_banner
            && (keyword_later_on_line() || keyword_ahead(rest, next_line, 12))
        {
            if !self.debris_noted {
                self.debris_noted = true;
                self.cx.diag(
                    Code::ExportDebris,
                    no,
                    format!("line before the header set aside: {t:?}"),
                );
            }
            return Step::Next;
        }
        Step::Stop
    }

    fn plusd_debris(&mut self, t: &str) -> bool {
        let plusd = (!self.seen_routing && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()))
            || t.starts_with("ORIGIN ")
            || t.starts_with("DRAFTED BY")
            || t.starts_with("APPROVED BY")
            || is_plusd_info(t)
            || (t.starts_with("-----")
                && t.trim_start_matches('-')
                    .trim_blanks()
                    .bytes()
                    .all(|b| b.is_ascii_digit())
                && !self.seen_fields);
        if plusd {
            self.close_open();
            let ends = t.starts_with("-----");
            self.open = if ends { Open::None } else { Open::PlusDist };
        }
        plusd
    }

    fn addressee_line(&mut self, t: &str, no: Option<u32>) {
        if t.trim_start_blanks().starts_with("XMT ") {
            // `INFO XMT USINT HAVANA`: a station excluded from a collective
            // addressee, not an addressee itself.
            self.open = Open::Xmt;
            return;
        }
        match routing::addressee(t) {
            Some(a) => match self.open {
                Open::To => self.cx.cable.routing.to.push(a),
                Open::Info => self.cx.cable.routing.info.push(a),
                _ => {}
            },
            None if !t.trim_blanks().is_empty() => {
                self.cx.diag(
                    Code::MalformedAddressee,
                    no,
                    format!("addressee {t:?} not read"),
                );
            }
            None => {}
        }
    }

    fn add_caveats(&mut self, cs: Vec<cable_model::Caveat>) {
        if let Some(m) = self.cx.cable.classification.as_mut() {
            for c in cs {
                push_unique(&mut m.caveats, c);
            }
        } else {
            self.cx.cable.handling.extend(cs.iter().map(|c| c.name()));
        }
    }

    fn apply_banner(&mut self, b: banner::Banner, no: u32, t: &str) {
        if b.repaired {
            self.cx.diag(
                Code::RepairedBanner,
                Some(no),
                format!("doubled letters in banner {t:?} repaired"),
            );
        }
        let mut marking = b.marking;
        if let Some(prev) = self.cx.cable.classification.take() {
            for c in prev.caveats {
                push_unique(&mut marking.caveats, c);
            }
        }
        self.cx.cable.classification = Some(marking);
        self.cx.cable.banner = Some(t.to_owned());
        if b.section.is_some() {
            self.cx.cable.section = b.section;
        }
        if let Some((st, serial)) = b.station_serial {
            self.banner_id = Some((st, serial, no));
        }
        self.seen_banner = true;
        self.open = Open::None;
    }

    /// Closes the open multi-line field, turning its text into model values.
    fn close_open(&mut self) {
        let open = std::mem::replace(&mut self.open, Open::None);
        self.ref_blank = false;
        match open {
            Open::Tags => {
                let mut notes = TagNotes::default();
                let list = tags::split_tags(&self.tags.text, &mut notes);
                let no = Some(self.tags.no);
                for t in list {
                    if let Some(tag) = Tag::new(&t) {
                        // A set, not `tags.contains`: a 1 MB TAGS line holds
                        // ~100,000 tags.
                        if self.tag_set.insert(tag.clone()) {
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
            Open::Subject => {
                let (s, doubled) = subject::subject(&self.subject.text);
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
            Open::Ref => {
                let mut notes = RefNotes::default();
                let year = self.year();
                let list = references::references(
                    &self.refs.text,
                    year,
                    &mut self.cx.stations,
                    &mut notes,
                );
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
                self.cx.cable.references.extend(list);
            }
            Open::ClassifiedBy => {
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
            _ => {}
        }
    }

    /// One `unknown-station` note naming the stations (banner, REF lines)
    /// that match no post, and one `repaired-station` note naming those
    /// read as a post after a repair.
    fn station_notes(&mut self) {
        let mut unknown = Vec::new();
        let mut repaired = Vec::new();
        for (written, st) in self.cx.stations.notable() {
            if st.how == crate::stations::Match::Unknown {
                unknown.push(st.name.clone());
            } else {
                repaired.push(format!("{written} as {}", st.name));
            }
        }
        if !unknown.is_empty() {
            let msg = format!("station(s) not in the gazetteer: {}", unknown.join(", "));
            self.cx.diag(Code::UnknownStation, None, msg);
        }
        if !repaired.is_empty() {
            let msg = format!("station(s) repaired: {}", repaired.join(", "));
            self.cx.diag(Code::RepairedStation, None, msg);
        }
    }

    /// The year for ids: the DTG's, else the container's.
    fn year(&self) -> Option<u16> {
        self.cx.citing_year()
    }

    fn finish(&mut self, body: &[crate::source::Line<'_>]) {
        if self.has_transmission {
            self.cx.cable.transmission = Some(std::mem::take(&mut self.transmission));
        }
        if let Some((st, serial, no)) = self.banner_id.take() {
            let year = self.year();
            match year.and_then(|y| ids::make_id(&mut self.cx.stations, y, &st, &serial)) {
                Some(id) => self.cx.cable.id = Some(id),
                None => self.cx.diag(
                    Code::MissingId,
                    Some(no),
                    format!("no year for the banner id {st} {serial}"),
                ),
            }
        }
        self.station_notes();
        if self.cx.cable.classified_by.is_none() {
            // `1. (U) CLASSIFIED BY ...` inside the first paragraph.
            let lines: Vec<&str> = body.iter().take(12).map(|l| l.text.as_ref()).collect();
            let joined = lines.join("\n");
            let para = joined.split("\n\n").next().unwrap_or("");
            let lower = para.to_ascii_lowercase();
            if let Some(i) = lower.find("classified by") {
                let after = para.get(i + 13..).unwrap_or("");
                let (cb, reasons) = classified_by::classified_by(after.trim_start_matches(':'));
                if cb.name.is_some() {
                    self.cx.cable.classified_by = Some(cb);
                    self.cx.cable.reasons = reasons;
                }
            }
        }
        if self.cx.cable.classified_by.is_some() && self.cx.cable.reasons.is_empty() {
            self.cx
                .diag(Code::MissingReasons, None, "no classification reason read");
        }
        if self.seen_routing {
            let c = &self.cx.cable;
            let (no_banner, no_tags, no_subject, no_dtg, no_from, no_eo) = (
                c.classification.is_none(),
                c.tags.is_empty(),
                c.subject.is_none(),
                c.routing.dtg.is_none(),
                c.routing.from.is_none(),
                c.executive_order.is_none(),
            );
            if no_banner {
                self.cx
                    .diag(Code::MissingBanner, None, "no classification banner");
            }
            if no_tags {
                self.cx.diag(Code::MissingTags, None, "no TAGS line");
            }
            if no_subject {
                self.cx.diag(Code::MissingSubject, None, "no SUBJECT line");
            }
            if no_dtg {
                self.cx.diag(Code::MissingDtg, None, "no date-time group");
            }
            if no_from {
                self.cx.diag(Code::MissingFrom, None, "no FM line");
            }
            if no_eo {
                self.cx
                    .diag(Code::MissingExecutiveOrder, None, "no E.O. line");
            }
        }
    }
}

/// Whether a header line appears within `n` lines from `from`: a keyword
/// line, a banner naming station and serial, a DTG or `FM` line. A bare
/// classification line does not count: it also closes plain text
/// (`SULLIVAN` / `CONFIDENTIAL` at the end of a 1970s cable).
fn keyword_ahead(rest: &[crate::source::Line<'_>], from: usize, n: usize) -> bool {
    rest.iter().skip(from).take(n).any(|l| {
        let t = l.text.trim_blanks();
        is_keyword_line(t)
            || t.starts_with("FM ")
            || banner::banner(t).is_some_and(|b| b.station_serial.is_some())
            || matches!(routing::routing_line(t), Some(RoutingLine::Dtg { .. }))
    })
}

/// Whether a REF or `Classified By` line follows within `n` lines, before
/// any body start.
fn ref_ahead(rest: &[crate::source::Line<'_>], from: usize, n: usize) -> bool {
    for l in rest.iter().skip(from).take(n) {
        let t = l.text.trim_blanks();
        if references::ref_keyword(t).is_some() || is_classified_by(t) {
            return true;
        }
        if is_body_start(t) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;
    use cable_model::ContainerMeta;

    /// Runs the header phase; returns the cable so far, the hand-over to the
    /// body and the number of lines the header consumed.
    fn header(text: &str) -> (cable_model::Cable, Option<(u32, String)>, usize) {
        let meta = ContainerMeta::default();
        let mut cx = Context::new(&meta);
        let source = Source::new(text, &mut cx);
        let mut cursor = source.cursor();
        parse(&mut cursor, &mut cx);
        let consumed = cursor.mark();
        let head = cx.body_head.take();
        (cx.finish(), head, consumed)
    }

    /// Regression: a body start inside a collapsed header line
    /// (`REASON: 1.4 (b) 1. (C) Summary: ...`) used to be consumed with the
    /// header line, losing the first sentence of the body.
    #[test]
    fn collapsed_line_body_start_is_not_lost() {
        let text = "E.O. 12958: DECL: 01/07/2014 TAGS: PREL, PGOV SUBJECT: A VISIT \
                    Classified By: Ambassador John Doe. REASON: 1.4 (b) 1. (C) Summary: The \
                    minister agreed.\nHe also said more. End Summary.\n";
        let (cable, head, consumed) = header(text);
        assert_eq!(consumed, 1);
        assert_eq!(
            head,
            Some((1, "1. (C) Summary: The minister agreed.".to_owned()))
        );
        assert_eq!(cable.subject.map(|s| s.text).as_deref(), Some("A VISIT"));
        assert_eq!(cable.tags.len(), 2);
        assert_eq!(
            cable.reasons.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
            ["1.4(b)"]
        );
        // A body start at the start of a line stays with the body.
        let (_, head, consumed) = header("SUBJECT: A VISIT\n1. (C) Summary.\n");
        assert_eq!((head, consumed), (None, 1));
    }

    /// Regression (`Samplefor`): a name at the end of a full-width
    /// `Classified By` line was glued to the `for reasons` that wrapped to
    /// the next line.
    #[test]
    fn regression_classified_by_name_glued_to_for() {
        let text = "SUBJECT: A VISIT\n\nClassified By: Acting Deputy Permanent Representative Jonathan Quincy Sample\n\
                    for reasons 1.4 (b) and (d).\n\n1. (C) Text.\n";
        let (cable, _, _) = header(text);
        let cb = cable.classified_by.expect("a Classified By line");
        assert!(!cb.raw.contains("Samplefor"), "{:?}", cb.raw);
        assert!(
            cb.name.as_deref().is_some_and(|n| n.ends_with("Sample")),
            "{:?}",
            cb.name
        );
        assert_eq!(
            cable.reasons.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
            ["1.4(b)", "1.4(d)"]
        );
        // A word cut by the wrap is still rejoined.
        let mut acc = Acc::default();
        acc.start(1, "Classified By: Political Counselor Jane Roe, reasons 1.4 (b) and (d) plus more informa");
        acc.push("tion here");
        assert!(acc.text.ends_with("information here"), "{:?}", acc.text);
    }

    #[test]
    fn unknown_stations_are_noted_once() {
        let (cable, _, _) = header(
            "SUBJECT: X\nREF: A. 08 STATE 1 B. 08 FOOBARVILLE 2 C. 08 QUUXTOWN 3 \
             D. 08 FOOBARVILLE 4 E. 08 RIO DE JANEIRO 5\n\n1. Text.\n",
        );
        let notes: Vec<_> = cable
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::UnknownStation)
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            notes,
            ["station(s) not in the gazetteer: FOOBARVILLE, QUUXTOWN"]
        );
        let (cable, _, _) = header("SUBJECT: X\nREF: A. 08 STATE 1\n\n1. Text.\n");
        assert!(
            cable
                .diagnostics
                .iter()
                .all(|d| d.code != Code::UnknownStation)
        );
    }

    #[test]
    fn signer_before_a_bare_banner_is_not_header_debris() {
        let (cable, _, consumed) = header("RECENT MONTHS.\n\nSULLIVAN\n\nCONFIDENTIAL\n");
        assert_eq!(consumed, 0);
        assert!(cable.classification.is_none());
        let (_, _, consumed) = header("IS UNAVAILABLE AT POST.\n\nDE PREE\n");
        assert_eq!(consumed, 0);
    }
}
