//! Lines of the header that are no field: handling and passing lines
//! (`NOFORN`, `DEPT FOR EUR/WE`, `SENSITIVE BUT UNCLASSIFIED--PLEASE
//! PROTECT ACCORDINGLY`), export and archive debris around the cable
//! (`Cable Text:`, `From:`, a PlusD distribution block, a partial-extract
//! notice), and the decision, for a line that is none of the header's
//! constructs, whether the header goes on or the body starts.

use crate::blanks::Blanks;

use super::banner;
use super::labels;
use super::routing::{self, RoutingLine};
use super::segments::Seg;
use super::{Header, Open, Step};
use crate::source::Line;
use cable_model::Code;
use std::collections::VecDeque;

/// Phrases that mark a handling instruction rather than a subject's
/// wording: the handling caveats of the cable format (the cable format
/// guide, §1c: `SENSITIVE BUT UNCLASSIFIED`, `FOR OFFICIAL USE ONLY`) and
/// the instruction SBU cables add (`PLEASE PROTECT ACCORDINGLY`, `HANDLE
/// ACCORDINGLY`, `NOT FOR INTERNET DISTRIBUTION`).
const HANDLING_PHRASES: &[&str] = &[
    "SENSITIVE BUT UNCLASSIFIED",
    "FOR OFFICIAL USE ONLY",
    "PLEASE PROTECT ACCORDINGLY",
    "PROTECT ACCORDINGLY",
    "HANDLE ACCORDINGLY",
    "NOT FOR INTERNET DISTRIBUTION",
    "NOT FOR DISTRIBUTION",
];

/// Where a handling phrase starts in `t` (upper-case text), if one does
/// and nothing but more handling words, dashes and punctuation follows it:
/// `PERU: A VISIT SENSITIVE BUT UNCLASSIFIED--PLEASE` -> at `SENSITIVE`.
pub(super) fn handling_tail(t: &str) -> Option<usize> {
    let upper = t.to_ascii_uppercase();
    HANDLING_PHRASES
        .iter()
        .filter_map(|p| upper.find(p))
        .min()
        .filter(|&at| {
            at == 0
                || upper
                    .as_bytes()
                    .get(at - 1)
                    .is_some_and(|b| !b.is_ascii_alphanumeric())
        })
}

/// Whether a whole line is a handling line: caveat words only, or a line
/// starting with a handling phrase.
pub(super) fn is_handling_line(t: &str) -> bool {
    banner::caveat_line(t).is_some() || handling_tail(t) == Some(0)
}

impl<'s> Header<'_, '_> {
    /// Export and archive debris: a PlusD distribution block, a
    /// partial-extract notice, mail-client export lines.
    pub(super) fn debris(
        &mut self,
        seg: &Seg<'s>,
        t: &'s str,
        queue: &mut VecDeque<Seg<'s>>,
    ) -> Option<Step> {
        let no = Some(seg.no);
        if self.plusd_debris(t) {
            return Some(Step::Next);
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
            return Some(Step::Next);
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
            return Some(Step::Next);
        }
        None
    }

    /// A 1970s PlusD page's distribution block (`INFO OCT-01 ADP-00 ...`,
    /// `ORIGIN`, `DRAFTED BY`, a page number, a `------` rule).
    fn plusd_debris(&mut self, t: &str) -> bool {
        let plusd = (!self.seen_routing && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()))
            || t.starts_with("ORIGIN ")
            || t.starts_with("DRAFTED BY")
            || t.starts_with("APPROVED BY")
            || routing::is_plusd_info(t)
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

    /// A line that is none of the header's constructs: a handling line
    /// while labelled fields follow, debris before the header, else the
    /// start of the body.
    pub(super) fn odd_line(
        &mut self,
        seg: &Seg<'s>,
        t: &str,
        rest: &[Line<'_>],
        next_line: usize,
        queue: &VecDeque<Seg<'s>>,
    ) -> Step {
        self.close_open();
        if is_body_start(t) {
            return Step::Stop;
        }
        let fields_ahead = self.last_field.is_some_and(|last| seg.idx < last);
        let started = self.seen_banner || self.seen_routing || self.seen_fields;
        // Handling and passing lines: between the banner (or the routing)
        // and the last labelled field, whatever their length or ending; a
        // short unpunctuated one after the banner when no field follows.
        if started
            && (fields_ahead || (!self.seen_eo_tags_subject && t.len() <= 100 && !t.ends_with('.')))
        {
            self.handling_line(t, seg.no);
            return Step::Next;
        }
        // Lines before any header construct: debris when the header
        // follows (fields, or routing lines and a banner within a few
        // lines, or a field later on this collapsed line).
        let keyword_later_on_line = || {
            queue
                .front()
                .is_some_and(|s| s.idx == seg.idx && labels::label(s.text.trim_blanks()).is_some())
        };
        if !started
            && (fields_ahead || keyword_later_on_line() || routing_ahead(rest, next_line, 12))
        {
            if !self.debris_noted {
                self.debris_noted = true;
                self.cx.diag(
                    Code::ExportDebris,
                    Some(seg.no),
                    format!("line before the header set aside: {t:?}"),
                );
            }
            return Step::Next;
        }
        Step::Stop
    }

    /// Keeps a handling line: caveat words join the banner's caveats,
    /// a line that wraps the one before it ([`wraps_onto`]) joins it,
    /// anything else goes to `Cable::handling` as written.
    pub(super) fn handling_line(&mut self, t: &str, no: u32) {
        if let Some(cs) = banner::caveat_line(t) {
            self.add_caveats(cs);
            self.last_handling = None;
            return;
        }
        let follows = self.last_handling == Some(no.saturating_sub(1));
        self.last_handling = Some(no);
        if let Some(prev) = self.cx.cable.handling.last_mut() {
            if follows && wraps_onto(prev, t) {
                prev.push(' ');
                prev.push_str(t);
                return;
            }
        }
        self.cx.cable.handling.push(t.to_owned());
    }
}

/// Words a handling instruction cannot end with: a line ending in one was
/// cut by the line's width (`... NSC FOR⏎SCHEINMAN, CONNERY`).
const OPEN_ENDINGS: &[&str] = &["AND", "OR", "FOR", "TO", "OF", "THE", "PASS", "ALSO", "&"];

/// Whether the handling line `next` continues `prev`, the line before it,
/// cut by the line's width: `prev` ends in a comma, semicolon or an
/// [`OPEN_ENDINGS`] word, or leaves a parenthesis open; or `next` starts
/// in lower case, with `AND`, `OR`, or a parenthesis (`... IO/T⏎(JROE),
/// AND EUR/AGS`); or `prev` is a repeat's heading (`FOLLOWING REPEAT
/// STATE 161482 SENT ACTION CAIRO ... TEL⏎AVIV ... QTE:`) not yet closed
/// by its `QUOTE`.
fn wraps_onto(prev: &str, next: &str) -> bool {
    // An instruction is a line or a few: one that grew past 2,000 bytes is
    // not joined further (and a block of many such lines stays linear).
    if prev.len() > 2_000 {
        return false;
    }
    let prev = prev.trim_end_blanks();
    let last_word = prev.rsplit(' ').next().unwrap_or("");
    let open_parens = prev.matches('(').count() > prev.matches(')').count();
    let repeat_open = (prev.starts_with("FOLLOWING REPEAT") || prev.starts_with("REPEAT "))
        && !prev.contains("QUOTE")
        && !prev.contains("QTE");
    prev.ends_with([',', ';'])
        || OPEN_ENDINGS.contains(&last_word)
        || open_parens
        || repeat_open
        || next.starts_with(|c: char| c.is_lowercase() || c == '(')
        || next.starts_with("AND ")
        || next.starts_with("OR ")
}

/// The first line of the body: a numbered paragraph, a portion-marked
/// paragraph, a summary heading, a rule.
///
/// ```text
/// 1. (C) Summary: ...    1) The ...    12.The ...    ¶3.
/// (C) The minister ...   SUMMARY: ...  BEGIN SUMMARY   ----   ====
/// ```
pub(super) fn is_body_start(t: &str) -> bool {
    let t2 = t.strip_prefix('¶').map_or(t, Blanks::trim_start_blanks);
    let b = t2.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if t2.len() < t.len() && digits > 0 {
        return true;
    }
    if (1..=3).contains(&digits) {
        let after = b.get(digits).copied();
        let next = b.get(digits + 1).copied();
        let ends = |n: Option<u8>| n.is_none_or(|n| n.is_ascii_whitespace() || n == b'(');
        let spaced = after.is_some_and(|a| a.is_ascii_whitespace())
            && matches!(next, Some(b'.' | b')'))
            && ends(b.get(digits + 2).copied());
        return match after {
            Some(b'.') => ends(next) || next.is_some_and(|n| n.is_ascii_alphabetic()),
            Some(b')') => ends(next),
            _ => spaced,
        };
    }
    if let Some(inner) = t.strip_prefix('(').and_then(|r| r.split_once(')')) {
        return matches!(
            inner.0,
            "U" | "C" | "S" | "TS" | "SBU" | "LOU" | "C/NF" | "S/NF" | "SBU/NF" | "U//FOUO"
        );
    }
    if t.starts_with("---") || t.starts_with("===") {
        return true;
    }
    let lower = |n: usize| t.get(..n).map(str::to_ascii_lowercase);
    let word_end = |n: usize| {
        t.as_bytes()
            .get(n)
            .is_none_or(|b| !b.is_ascii_alphanumeric() && *b != b'_')
    };
    (lower(7).as_deref() == Some("summary") && word_end(7))
        || (lower(13).as_deref() == Some("begin summary") && word_end(13))
}

/// Whether a routing construct follows within `n` lines from `from`: an
/// `FM` line, a DTG line, a banner naming station and serial, or a label.
/// A bare classification line does not count: it also closes plain text
/// (`SULLIVAN` / `CONFIDENTIAL` at the end of a 1970s cable).
fn routing_ahead(rest: &[Line<'_>], from: usize, n: usize) -> bool {
    rest.iter().skip(from).take(n).any(|l| {
        let t = l.text.trim_blanks();
        labels::label(t).is_some()
            || t.starts_with("FM ")
            || banner::banner(t).is_some_and(|b| b.station_serial.is_some())
            || matches!(routing::routing_line(t), Some(RoutingLine::Dtg { .. }))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_starts() {
        for t in [
            "1. (C) Summary",
            "1) The",
            "12.The",
            "¶3. X",
            "(C) The minister",
            "SUMMARY: x",
            "Summary. x",
            "BEGIN SUMMARY",
            "----",
            "1 . The",
        ] {
            assert!(is_body_start(t), "{t}");
        }
        for t in ["12958 is an order", "Summaryx", "(X) y", "1975 WAS", "A. B"] {
            assert!(!is_body_start(t), "{t}");
        }
    }

    #[test]
    fn handling_phrases() {
        assert_eq!(
            handling_tail("PERU: A VISIT SENSITIVE BUT UNCLASSIFIED--PLEASE"),
            Some(14)
        );
        assert_eq!(handling_tail("PERU: A VISIT"), None);
        assert!(is_handling_line("PROTECT ACCORDINGLY"));
        assert!(is_handling_line("NOFORN SIPDIS"));
    }
}
