//! The header phase: everything before the body (transmission lines,
//! routing, banner, handling lines, E.O., TAGS, SUBJECT, REF, Classified By).
//!
//! The header is read as a sequence of *segments* ([`segments`]): a line,
//! or a part of a line when a rendering collapsed several header fields
//! onto one line. [`Header::segment`] hands each segment to the handler of
//! the construct it is, one module each: routing and transmission lines
//! ([`routing`]), export and archive debris and handling lines
//! ([`handling`]), the banner ([`banner`]), labelled fields and their
//! continuation lines ([`fields`]). Before that, [`scan`] finds the last
//! labelled field before the body, so an odd line between the banner and
//! the fields is a handling line and does not end the header; the body
//! starts at the first numbered paragraph, or at the first line after the
//! fields that continues none of them. [`finish`] forms the id and reports
//! what is missing. Every segment is looked at a bounded number of times,
//! so the phase is linear.

pub(crate) mod banner;
mod classified_by;
mod executive_order;
mod fields;
mod finish;
mod handling;
pub(crate) mod labels;
mod press_date;
mod references;
mod repeat;
mod routing;
mod scan;
mod segments;
mod subject;
pub(crate) mod tags;
mod xmt;

use crate::blanks::Blanks;

use crate::context::Context;
use crate::source::{Cursor, Line};
use cable_model::Transmission;
use fields::Acc;
use segments::Seg;
use std::collections::VecDeque;

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

/// What the header does after a segment.
enum Step {
    /// Read the next segment.
    Next,
    /// The body starts with this segment.
    Stop,
}

struct Header<'c, 'k> {
    cx: &'c mut Context<'k>,
    open: Open,
    tags: Acc,
    subject: Acc,
    refs: Acc,
    classified: Acc,
    /// A blank line came inside the open REF block.
    ref_blank: bool,
    /// The last numbered item label of the open REF block (`1. LIMA 123`):
    /// its number and shape, kept line by line.
    ref_number: Option<(u8, u8)>,
    /// The letter of the last lettered item label of the open REF block
    /// (`(B) ROME 402`), upper-cased, kept line by line.
    ref_letter: Option<u8>,
    /// A blank line came after the open SUBJECT.
    subject_blank: bool,
    /// The input line of the last handling line kept, to join a line
    /// wrapped onto the next one ([`handling`]).
    last_handling: Option<u32>,
    /// The width the text's lines were wrapped at, once measured
    /// ([`fields`]).
    wrap_width: Option<Option<usize>>,
    seen_routing: bool,
    /// The addressee block (`Open::To` or `Open::Info`) an `XMT` line
    /// refers to: the last one opened since the `FM` or DTG line.
    addressee_block: Open,
    seen_banner: bool,
    /// The banner read so far is a bare level word read before any
    /// routing (`CONFIDENTIAL` atop a 1970s PlusD page, the first page's
    /// classification line): the routing lines after it are still
    /// routing, and the whole banner after them replaces it.
    bare_top_banner: bool,
    seen_fields: bool,
    seen_eo_tags_subject: bool,
    /// Station, serial and line of the banner's id.
    banner_id: Option<(String, String, u32)>,
    transmission: Transmission,
    has_transmission: bool,
    debris_noted: bool,
    /// The codes of the tags read so far, for de-duplication.
    tag_set: std::collections::BTreeSet<String>,
    /// The index of the last line that starts a labelled field ([`scan`]).
    last_field: Option<usize>,
    /// Hashes of the banner and labelled lines read ([`repeat`]).
    head_lines: Vec<u64>,
    /// Inside a repeated copy of the header.
    repeating: bool,
    /// Width of the current segment's whole line, trailing blanks left
    /// out (a `Classified By` line cut at a fixed width, [`fields`]).
    line_width: usize,
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
        line_width: 0,
        ref_blank: false,
        ref_number: None,
        ref_letter: None,
        subject_blank: false,
        last_handling: None,
        wrap_width: None,
        seen_routing: false,
        addressee_block: Open::None,
        seen_banner: false,
        bare_top_banner: false,
        seen_fields: false,
        seen_eo_tags_subject: false,
        banner_id: None,
        transmission: Transmission::default(),
        has_transmission: false,
        debris_noted: false,
        tag_set: std::collections::BTreeSet::new(),
        last_field: scan::last_field_line(rest),
        head_lines: Vec::new(),
        repeating: false,
    };
    let mut queue: VecDeque<Seg<'_>> = VecDeque::new();
    let mut next_line = 0usize;
    let mut consumed_lines = 0usize;
    loop {
        if queue.is_empty() {
            let Some(line) = rest.get(next_line) else {
                break;
            };
            segments::split(next_line, line.no, &line.text, &mut queue);
            next_line += 1;
        }
        let Some(seg) = queue.pop_front() else {
            break;
        };
        match h.segment(&seg, rest, next_line, &mut queue) {
            Step::Next => consumed_lines = seg.idx + 1,
            Step::Stop => {
                consumed_lines = h.hand_over(&seg, rest, &queue);
                break;
            }
        }
    }
    h.close_open();
    h.finish(rest.get(consumed_lines..).unwrap_or(&[]));
    cursor.advance(consumed_lines);
}

impl Header<'_, '_> {
    /// Reads one segment: a short dispatcher over the handler of each
    /// construct, in the order they can occur.
    fn segment<'s>(
        &mut self,
        seg: &Seg<'s>,
        rest: &[Line<'_>],
        next_line: usize,
        queue: &mut VecDeque<Seg<'s>>,
    ) -> Step {
        self.line_width = rest
            .get(seg.idx)
            .map_or(0, |l| l.text.trim_end_blanks().chars().count());
        // A trailing ` \` is line-continuation debris of some renderings.
        let t = seg
            .text
            .trim_blanks()
            .trim_end_matches('\\')
            .trim_end_blanks();
        if t.is_empty() {
            self.blank();
            return Step::Next;
        }
        if let Some(step) = self.ref_after_blank(t) {
            return step;
        }
        if let Some(step) = self.subject_after_blank(t, rest, next_line) {
            return step;
        }
        if let Some(step) = self.routing(seg, t, queue) {
            return step;
        }
        if let Some(step) = self.press_date(seg, t) {
            return step;
        }
        if let Some(step) = self.repeat(seg, t) {
            return step;
        }
        if let Some(step) = self.debris(seg, t, queue) {
            return step;
        }
        if let Some(step) = self.banner(seg, t) {
            return step;
        }
        if let Some(step) = self.field(seg, t) {
            return step;
        }
        if let Some(step) = self.continuation(seg, t, rest) {
            return step;
        }
        self.odd_line(seg, t, rest, next_line, queue)
    }

    /// Where the body starts when it starts with `seg`: at its line, or,
    /// when `seg` starts in the middle of a collapsed line (`REASON: 1.4
    /// (b) 1. (C) Summary: ...`), after that line, whose tail the body
    /// phase reads first. Returns the number of lines the header consumed.
    fn hand_over(&mut self, seg: &Seg<'_>, rest: &[Line<'_>], queue: &VecDeque<Seg<'_>>) -> usize {
        let line_start = rest.get(seg.idx).is_some_and(|l| {
            l.text
                .trim_start_blanks()
                .starts_with(seg.text.trim_start_blanks())
        });
        if line_start {
            return seg.idx;
        }
        let mut tail = seg.text.trim_start_blanks().to_owned();
        for s in queue.iter().take_while(|s| s.idx == seg.idx) {
            tail.push_str(s.text);
        }
        self.cx.body_head = Some((seg.no, tail));
        seg.idx + 1
    }

    /// The year for ids: the DTG's, else the container's.
    fn year(&self) -> Option<u16> {
        self.cx.citing_year()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;
    use cable_model::{Code, ContainerMeta};

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

    /// Regression (generated variations, issue #17): a `Classified By`
    /// line cut at column 71 inside a name in capitals is rejoined; one
    /// cut on a blank (the next line starts with it) is not; a wrapped
    /// title's `TO THE ...` is no addressee line.
    #[test]
    fn regression_classified_by_cut_at_column_71() {
        let name = |text: &str| {
            let (cable, _, _) = header(text);
            cable.classified_by.and_then(|c| c.name)
        };
        let cut = "SUBJECT: A VISIT\n\nClassified By: ACTING DEPUTY CHIEF OF MISSION AND POLITICAL COUNSELOR R\n\
                   OBERT O. BLAKE, JR.; REASONS 1.4 (B) AND (D)\n\n1. (C) Text.\n";
        assert_eq!(name(cut).as_deref(), Some("ROBERT O. BLAKE, JR."));
        let blank = "SUBJECT: A VISIT\n\nClassified By: Acting Counselor for Political-Military Affiars Margaret\n\
                     \x20H. Nardi for reasons 1.4 (b) and (d).\n\n1. (C) Text.\n";
        assert_eq!(name(blank).as_deref(), Some("Margaret H. Nardi"));
        let to = "SUBJECT: A VISIT\n\nClassified By: AMBASSADOR\nTO THE OSCE KAREN ST. CLAIR.  SECTION 1.4 (B,D)\n\n1. (C) Text.\n";
        assert_eq!(name(to).as_deref(), Some("KAREN ST. CLAIR"));
        // A line wrapped at a blank that happens to fill 71 columns: a
        // particle or small word before the break, or a capital after a
        // word in lower case, is a word boundary; `UN` / `DER` rejoins.
        let at_71 = |first: &str, second: &str| {
            let line = format!("Classified By: {first}");
            assert_eq!(line.len(), 71, "{line}");
            name(&format!(
                "SUBJECT: A VISIT\n\n{line}\n{second}\n\n1. (C) Text.\n"
            ))
        };
        assert_eq!(
            at_71(
                "DIRECTOR OF THE OFFICE OF REGIONAL AFFAIRS PETER VAN DER",
                "BERG REASONS 1.4 (B) AND (D)"
            )
            .as_deref(),
            Some("PETER VAN DER BERG")
        );
        assert_eq!(
            at_71(
                "Acting Deputy Political Minister-Counselor Peter van der",
                "Berg; reasons 1.4 (b) and (d)"
            )
            .as_deref(),
            Some("Peter van der Berg")
        );
        assert_eq!(
            at_71(
                "OFFICE OF THE REGIONAL AFFAIRS DIRECTOR ANN B. PETERS UN",
                "DER REASON 1.4 (B) AND (D)"
            )
            .as_deref(),
            Some("ANN B. PETERS")
        );
        assert_eq!(
            at_71(
                "ACTING DEPUTY CHIEF OF MISSION AND ECONOMIC COUNSELOR DI",
                "RK ROE -- 1.4 (B) AND (D)"
            )
            .as_deref(),
            Some("DIRK ROE")
        );
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
