//! The per-line pass: a [`Prescan`] of the whole text tells which kinds
//! of debris and damage it holds, then the [`Cleaner`] goes through the
//! lines, one function per kind it removes or repairs, counting each in
//! [`Removals`]:
//!
//! ```text
//! 1. THE MINISTER SAID \            -> 1. THE MINISTER SAID (when most lines end so)
//! TAGS: [MTCRE](#) [PARM](#)        -> TAGS: MTCRE PARM
//! SIPDIS                            -> removed
//! foresaw four⏎SIPDIS scenarios     -> foresaw four⏎scenarios
//! BT                                -> removed
//! Declassified/Released US Department of State EO Systematic
//! Review 30 JUN 2006                -> both lines removed
//! BERN 00000881  002 OF 002         -> removed (a page header, page.rs)
//! Sarkozy,s key advisors            -> Sarkozy's key advisors (repairs.rs)
//! ```

use super::Line;
use super::page::{PageKind, is_page_tail, page_header};
use super::reorder::read_header_first;
use super::repairs::{
    ampersand_quotes, comma_apostrophes, has_spaced_punctuation, spaced_punctuation,
};
use super::split_lines;
use crate::blanks::Blanks;

use crate::context::Context;
use cable_model::Code;
use std::borrow::Cow;
use std::iter::Peekable;
use std::sync::LazyLock;

use memchr::memmem::{FindIter, Finder};
use regex::Regex;

/// What vectorised searches of the whole text tell the per-line pass:
/// which kinds of debris and damage occur at all (a line's text is a part
/// of the input unless link debris was replaced in it, so a kind the text
/// lacks is in no line), where `SIPDIS` occurs, how many lines there are
/// room for, and whether the lines end in a continuation mark.
struct Prescan<'a> {
    /// A control byte ([`is_control`]) occurs: lines are only inspected for
    /// control bytes when there are some.
    controls: bool,
    /// `](#`, Markdown link debris, occurs.
    links: bool,
    /// The declassification stamp ([`STAMP`]) occurs.
    stamps: bool,
    /// `,s`, a possible apostrophe sent as a comma, occurs.
    comma_s: bool,
    /// `&`, a possible quote sent as `&`, occurs.
    ampersand: bool,
    /// The text shows the 1970s archive's blanks after punctuation
    /// ([`has_spaced_punctuation`]).
    spaced: bool,
    /// Where `SIPDIS` occurs, in order: a line is only examined for an
    /// inserted SIPDIS word when one falls inside it.
    sipdis_at: Peekable<FindIter<'a, 'static>>,
    /// Room for every line: the line feeds (or, for a text of lone
    /// carriage returns, the carriage returns) plus one, so the lines'
    /// vector is allocated once and never doubled (a text of a million
    /// short lines would otherwise hold twice the room).
    lines: usize,
    /// Most lines end with ` \` (a line-continuation mark of some
    /// exports), which is then removed.
    continued: bool,
}

impl<'a> Prescan<'a> {
    /// Searches `text`.
    fn new(text: &'a str) -> Prescan<'a> {
        let b = text.as_bytes();
        // One vectorisable pass over the whole text.
        let controls = has_control(b);
        let links = LINK_FINDER.find(b).is_some();
        let stamps = STAMP_FINDER.find(b).is_some();
        let comma_s = memchr::memmem::find(b, b",s").is_some();
        let ampersand = memchr::memchr(b'&', b).is_some();
        let spaced = has_spaced_punctuation(b);
        let sipdis_at = SIPDIS_FINDER.find_iter(b).peekable();
        let feeds = memchr::memchr_iter(b'\n', b).count();
        let returns = if feeds == 0 {
            memchr::memchr_iter(b'\r', b).count()
        } else {
            0
        };
        let continued = memchr::memmem::find_iter(b, b" \\\n").count()
            + memchr::memmem::find_iter(b, b" \\\r\n").count();
        Prescan {
            controls,
            links,
            stamps,
            comma_s,
            ampersand,
            spaced,
            sipdis_at,
            lines: feeds.max(returns) + 1,
            continued: continued >= 3 && continued * 2 >= feeds,
        }
    }
}

/// Searchers for the whole-text tests, built once.
static LINK_FINDER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("](#"));
static STAMP_FINDER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(STAMP));
static SIPDIS_FINDER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("SIPDIS"));

/// Whether `bytes` hold a control byte ([`is_control`]). Written without
/// an early exit per byte so the compiler vectorises it; a block at a time.
fn has_control(bytes: &[u8]) -> bool {
    bytes
        .chunks(256)
        .any(|block| block.iter().fold(false, |acc, &b| acc | is_control(b)))
}

/// A control byte other than the line endings, tab and form feed.
fn is_control(b: u8) -> bool {
    // Non-short-circuit operators, so a scan of many bytes vectorises; the
    // ranges 0x00-0x08 and 0x0E-0x1F, 0x0B and 0x7F in four comparisons.
    (b < 0x09) | (b.wrapping_sub(0x0e) < 0x12) | (b == 0x0b) | (b == 0x7f)
}

/// How many of one kind of removal or repair, and the first line it
/// touched.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    /// How many.
    count: u32,
    /// The input line number of the first.
    first: Option<u32>,
}

impl Tally {
    /// Counts one on line `no`.
    fn record(&mut self, no: u32) {
        self.add(1, no);
    }

    /// Counts `n` on line `no`.
    fn add(&mut self, n: u32, no: u32) {
        self.count += n;
        self.first.get_or_insert(no);
    }
}

/// Every kind the source stage removes or repairs: a [`Tally`] where the
/// diagnostic names the first line, a bare count where it does not.
#[derive(Debug, Default)]
struct Removals {
    /// Declassification stamp lines, with the second line of a stamp.
    stamps: Tally,
    /// Page header lines (the first line is reported for the repeated
    /// classification lines too).
    pages: Tally,
    /// Classification lines repeated around a `PAGE nn` break.
    page_classifications: u32,
    /// Pairs of quotes sent as `&` and `8`.
    quotes: Tally,
    /// Apostrophes sent as a comma.
    apostrophes: Tally,
    /// `BT` prosign lines.
    prosigns: Tally,
    /// Blanks the archive inserted after punctuation.
    spacings: Tally,
    /// Lines that ended in a continuation mark.
    continuations: u32,
    /// Lines with Markdown link debris.
    links: u32,
    /// `SIPDIS` lines.
    sipdis_lines: u32,
    /// `SIPDIS` words inside wrapped text.
    sipdis_words: Tally,
    /// Lines holding control bytes.
    control_lines: u32,
    /// Control bytes in all.
    control_bytes: usize,
}

/// One kind of removal or repair, as reported: how many and the first
/// line it touched (when the diagnostic names it), its code, and its
/// message for the count.
type Report = (Tally, Code, fn(u32) -> String);

impl Removals {
    /// Reports what was removed from `text` or repaired in it to `cx`: that
    /// the text looks binary, when it does, then one diagnostic a kind.
    fn report(&self, text: &str, cx: &mut Context<'_>) {
        let control_bytes = self.control_bytes;
        if memchr::memchr(0, text.as_bytes()).is_some()
            || control_bytes.saturating_mul(20) > text.len().max(1)
        {
            cx.diag(
                Code::BinaryContent,
                None,
                format!(
                    "{control_bytes} control or NUL byte(s): the input does not look like text"
                ),
            );
        }
        for (tally, code, message) in self.reports() {
            if tally.count > 0 {
                cx.diag(code, tally.first, message(tally.count));
            }
        }
    }

    /// Each kind's report, in the order they are reported.
    fn reports(&self) -> [Report; 12] {
        // The kinds whose diagnostic names no line.
        let bare = |count| Tally { count, first: None };
        let page_classifications = Tally {
            count: self.page_classifications,
            first: self.pages.first,
        };
        [
            (self.stamps, Code::ExportDebris, |n| {
                format!("{n} declassification stamp line(s) removed")
            }),
            (page_classifications, Code::PageHeaderRemoved, |n| {
                format!("{n} classification line(s) repeated around page breaks removed")
            }),
            (self.quotes, Code::RepairedQuotes, |n| {
                format!("{n} pair(s) of double quotes transmitted as `&` and `8` restored")
            }),
            (self.apostrophes, Code::RepairedApostrophe, |n| {
                format!("{n} apostrophe(s) transmitted as a comma restored (`,s` -> `'s`)")
            }),
            (self.prosigns, Code::ProsignRemoved, |n| {
                format!("{n} `BT` (break) prosign line(s) removed")
            }),
            (self.spacings, Code::RepairedSpacing, |n| {
                format!(
                    "{n} blank(s) the archive inserted after punctuation removed (`SHAH' S` -> `SHAH'S`, `( A)` -> `(A)`)"
                )
            }),
            (bare(self.continuations), Code::ExportDebris, |n| {
                format!("line-continuation ` \\` removed from {n} line(s)")
            }),
            (bare(self.links), Code::LinkDebrisRemoved, |n| {
                format!("Markdown link debris removed on {n} line(s)")
            }),
            (self.pages, Code::PageHeaderRemoved, |n| {
                format!("{n} page header line(s) removed")
            }),
            (bare(self.sipdis_lines), Code::SipdisRemoved, |n| {
                format!("{n} SIPDIS line(s) removed")
            }),
            (self.sipdis_words, Code::SipdisRemoved, |n| {
                format!("{n} SIPDIS word(s) inside wrapped text removed")
            }),
            (bare(self.control_lines), Code::ControlCharacters, |n| {
                format!("{n} line(s) hold control characters")
            }),
        ]
    }
}

/// `[B](#)` and `[MTCRE](#)`: anchors of the seed rendering.
static LINK_DEBRIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\[\]\n]{1,40})\]\(#[^)\s]*\)").expect("valid regex"));

/// The declassification stamp of archive exports:
/// `Declassified/Released US Department of State EO Systematic Review`.
const STAMP: &str = "Declassified/Released US Department of State";

/// The lines cleaned so far, what was removed, and what the lines before
/// tell about the next.
pub(super) struct Cleaner<'a> {
    /// The whole input (without its byte-order mark).
    text: &'a str,
    /// What the whole text holds.
    scan: Prescan<'a>,
    /// The lines kept.
    lines: Vec<Line<'a>>,
    /// What was removed or repaired.
    removals: Removals,
    /// After a `PAGE nn` header, classification lines repeated around the
    /// page break are dropped for a few lines.
    after_page: u8,
    /// The line before was a bare `PAGE nn`.
    bare_page: bool,
    /// A line is a text's end marker (`NNN`), which a header may follow.
    end_marker: bool,
    /// The line before was a declassification stamp that goes on.
    stamp_goes_on: bool,
}

impl<'a> Cleaner<'a> {
    /// Cleans every line of `text`, reports what was removed or repaired to
    /// `cx`, and returns the lines kept.
    pub(super) fn clean(text: &'a str, cx: &mut Context<'_>) -> Vec<Line<'a>> {
        let scan = Prescan::new(text);
        let mut clean = Cleaner {
            text,
            lines: Vec::with_capacity(scan.lines),
            scan,
            removals: Removals::default(),
            after_page: 0,
            bare_page: false,
            end_marker: false,
            stamp_goes_on: false,
        };
        for (i, raw) in split_lines(text).enumerate() {
            let no = u32::try_from(i + 1).unwrap_or(u32::MAX);
            clean.line(no, raw);
        }
        clean.removals.report(text, cx);
        if clean.end_marker {
            read_header_first(&mut clean.lines, cx);
        }
        clean.lines
    }

    /// Cleans the input's line `no`, `raw` (without its line ending), and
    /// keeps it unless it is debris.
    fn line(&mut self, no: u32, raw: &'a str) {
        let mut t = self.continuation(raw);
        self.control_bytes(&t);
        self.link_debris(&mut t);
        let trimmed = t.trim_blanks();
        if self.stamp_second_line(trimmed, no)
            || self.sipdis_line(trimmed)
            || self.prosign(trimmed, no)
        {
            return;
        }
        if let Some(rest) = self.sipdis_word(raw, trimmed, matches!(t, Cow::Owned(_)), no) {
            t = Cow::Owned(rest);
        }
        let trimmed = t.trim_blanks();
        if self.export_stamp(trimmed, matches!(t, Cow::Owned(_)), no)
            || self.page_tail(trimmed)
            || self.page_header(trimmed, no)
            || self.repeated_classification(trimmed)
        {
            return;
        }
        self.end_marker |= matches!(trimmed, "NNN" | "NNNN");
        if self.scan.ampersand {
            repair(&mut t, &mut self.removals.quotes, no, ampersand_quotes);
        }
        if self.scan.spaced {
            repair(&mut t, &mut self.removals.spacings, no, spaced_punctuation);
        }
        if self.scan.comma_s {
            repair(
                &mut t,
                &mut self.removals.apostrophes,
                no,
                comma_apostrophes,
            );
        }
        self.lines.push(Line { no, text: t });
    }

    /// `1. THE MINISTER SAID \`: a line ending in ` \`, the
    /// line-continuation mark of some exports, removed when most lines
    /// carry it ([`Prescan::continued`]). Returns the line without trailing
    /// blanks.
    fn continuation(&mut self, raw: &'a str) -> Cow<'a, str> {
        let line = raw.trim_end_blanks();
        if self.scan.continued {
            if let Some(rest) = line.strip_suffix('\\') {
                self.removals.continuations += 1;
                return Cow::Borrowed(rest.trim_end_blanks());
            }
        }
        Cow::Borrowed(line)
    }

    /// Control bytes (below 0x20 but the line endings, tab and form feed,
    /// and DEL), counted (the line keeps them).
    fn control_bytes(&mut self, t: &str) {
        if !self.scan.controls || !has_control(t.as_bytes()) {
            return;
        }
        let n = t.bytes().filter(|&b| is_control(b)).count();
        if n > 0 {
            self.removals.control_lines += 1;
            self.removals.control_bytes += n;
        }
    }

    /// `TAGS: [MTCRE](#) [PARM](#)` -> `TAGS: MTCRE PARM`: the anchors of
    /// the seed rendering, replaced by their text.
    fn link_debris(&mut self, t: &mut Cow<'a, str>) {
        if self.scan.links && t.contains("](#") {
            if let Cow::Owned(s) = LINK_DEBRIS.replace_all(t, "$1") {
                self.removals.links += 1;
                *t = Cow::Owned(s);
            }
        }
    }

    /// `Review 30 JUN 2006` after `... EO Systematic`, `Systematic Review
    /// 05 JUL 2006` after `... EO`: the second line of a declassification
    /// stamp ([`Cleaner::export_stamp`]), removed.
    fn stamp_second_line(&mut self, trimmed: &str, no: u32) -> bool {
        if !self.stamp_goes_on {
            return false;
        }
        self.stamp_goes_on = false;
        let second = (trimmed.starts_with("Review ") || trimmed.starts_with("Systematic Review"))
            && trimmed.len() < 40;
        if second {
            self.removals.stamps.record(no);
        }
        second
    }

    /// `SIPDIS` (or `SIPDIS SIPDIS`) alone on a line, removed.
    fn sipdis_line(&mut self, trimmed: &str) -> bool {
        let sipdis = trimmed == "SIPDIS" || trimmed == "SIPDIS SIPDIS";
        if sipdis {
            self.removals.sipdis_lines += 1;
        }
        sipdis
    }

    /// `BT`: the ACP-127 break prosign before and after the text (the
    /// cable format guide, section 1: defined by ACP-127(G), not seen in
    /// Cablegate pages), removed; no text is a line `BT` alone.
    fn prosign(&mut self, trimmed: &str, no: u32) -> bool {
        let prosign = trimmed == "BT";
        if prosign {
            self.removals.prosigns.record(no);
        }
        prosign
    }

    /// `four⏎SIPDIS scenarios`, `the minister SIPDIS said`: a `SIPDIS` word
    /// inserted in a wrapped sentence ([`sipdis_debris`]) removed, the
    /// line's text kept: returns the trimmed line without it. A line read
    /// as written is only examined when the text's next `SIPDIS` falls
    /// inside it; one whose text was `replaced` is searched.
    fn sipdis_word(&mut self, raw: &str, trimmed: &str, replaced: bool, no: u32) -> Option<String> {
        let line_start = (raw.as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize);
        let sipdis_at = &mut self.scan.sipdis_at;
        while sipdis_at.next_if(|&at| at < line_start).is_some() {}
        let has_sipdis = if replaced {
            trimmed.contains("SIPDIS")
        } else {
            sipdis_at
                .peek()
                .is_some_and(|&at| at < line_start + raw.len())
        };
        let rest = has_sipdis
            .then(|| sipdis_debris(trimmed, self.lines.last()))
            .flatten()?;
        self.removals.sipdis_words.record(no);
        Some(rest)
    }

    /// `Declassified/Released US Department of State EO Systematic Review
    /// 30 JUN 2006`: the declassification stamp of archive exports
    /// ([`STAMP`]), removed; when it ends in `Systematic` or `EO`, its
    /// second line is the next ([`Cleaner::stamp_second_line`]). `replaced`:
    /// the line's text is no longer the input's.
    fn export_stamp(&mut self, trimmed: &str, replaced: bool, no: u32) -> bool {
        if !(self.scan.stamps || replaced) || !trimmed.contains(STAMP) {
            return false;
        }
        self.removals.stamps.record(no);
        self.stamp_goes_on = trimmed.ends_with("Systematic") || trimmed.ends_with("EO");
        true
    }

    /// `PAGE 01⏎RIYADH 00905 01 OF 03 060018Z`: the rest of a page header
    /// on the line after a bare `PAGE nn`, removed.
    fn page_tail(&mut self, trimmed: &str) -> bool {
        if !self.bare_page || trimmed.is_empty() {
            return false;
        }
        self.bare_page = false;
        let tail = is_page_tail(trimmed);
        if tail {
            self.removals.pages.count += 1;
        }
        tail
    }

    /// `BERN 00000881  002 OF 002`, `PAGE 02 HARARE 06677 01 OF 03
    /// 291400Z`: a page header ([`page_header`]), removed, with the
    /// classification lines repeated before a `PAGE nn` break.
    fn page_header(&mut self, trimmed: &str, no: u32) -> bool {
        let Some(page) = page_header(trimmed) else {
            return false;
        };
        self.removals.pages.record(no);
        // `PAGE 01⏎RIYADH 00905 01 OF 03 060018Z`: the header's rest on
        // the next line.
        self.bare_page = trimmed.len() <= 8;
        if page == PageKind::Numbered {
            self.drop_classifications_before_page();
            self.after_page = 3;
        }
        true
    }

    /// `SECRET⏎SECRET⏎PAGE 02 STATE 189296`: the classification lines
    /// repeated before a page break, among the four lines kept last,
    /// removed.
    fn drop_classifications_before_page(&mut self) {
        let mut back = 0;
        let mut k = self.lines.len();
        while k > 0 && back < 4 {
            k -= 1;
            back += 1;
            let prev = self.lines.get(k).map(|l| l.text.as_ref()).unwrap_or("");
            if crate::body::trailer::is_classification_line(prev) {
                self.lines.remove(k);
                self.removals.page_classifications += 1;
            } else if !prev.trim_blanks().is_empty() {
                break;
            }
        }
    }

    /// `PAGE 02 STATE 189296⏎SECRET`: a classification line repeated
    /// among the three lines with text after a `PAGE nn` break, removed.
    fn repeated_classification(&mut self, trimmed: &str) -> bool {
        if self.after_page == 0 || trimmed.is_empty() {
            return false;
        }
        self.after_page -= 1;
        if crate::body::trailer::is_classification_line(trimmed) {
            self.removals.page_classifications += 1;
            return true;
        }
        self.after_page = 0;
        false
    }
}

/// Repairs the transmission's damage to line `t` with `fix` (which returns
/// the repaired line and how many repairs, or None), counted in `tally`.
fn repair<'a>(
    t: &mut Cow<'a, str>,
    tally: &mut Tally,
    no: u32,
    fix: impl Fn(&str) -> Option<(String, u32)>,
) {
    if let Some((fixed, n)) = fix(t) {
        tally.add(n, no);
        *t = Cow::Owned(fixed);
    }
}

/// A `SIPDIS` word that transmission inserted into running text: at the
/// start of a line that continues a sentence (`The minister foresaw four`
/// / `SIPDIS scenarios for the coming`), or between two lower-case words
/// inside a line (`the minister SIPDIS said`). Returns the trimmed line
/// without it. A handling line (`SIPDIS NOFORN`, `SIPDIS E.O. 12958`)
/// and a line after a finished sentence are left alone.
fn sipdis_debris(trimmed: &str, prev: Option<&Line<'_>>) -> Option<String> {
    let at = trimmed.find("SIPDIS")?;
    if at == 0 {
        let rest = trimmed.strip_prefix("SIPDIS ")?.trim_start_blanks();
        let first = rest.split_whitespace().next()?;
        let prev = prev.map(|l| l.text.trim_end_blanks()).unwrap_or("");
        let mid_sentence = prev.ends_with(|c: char| c.is_alphanumeric() || c == ',');
        let handling = crate::header::banner::caveat_word(first).is_some()
            || first.starts_with(|c: char| !c.is_alphanumeric())
            || first.eq_ignore_ascii_case("E.O.")
            || first.eq_ignore_ascii_case("EO");
        return (mid_sentence && !handling).then(|| rest.to_owned());
    }
    // Inside a line: `word SIPDIS word`, both neighbours in lower case.
    let before = trimmed.get(..at)?;
    let after = trimmed.get(at + "SIPDIS".len()..)?;
    let prev_word = before.strip_suffix(' ')?.rsplit(' ').next()?;
    let next_word = after.strip_prefix(' ')?.split(' ').next()?;
    let lower = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase());
    if !lower(prev_word) || !lower(next_word.trim_end_matches([',', '.', ';', ':'])) {
        return None;
    }
    Some(format!("{}{}", before, after.get(1..).unwrap_or("")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The control bytes are those below 0x20 other than tab, line feed,
    /// carriage return and form feed, and DEL.
    #[test]
    fn control_bytes() {
        for b in 0..=255u8 {
            let want = (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f;
            assert_eq!(is_control(b), want, "{b:#04x}");
        }
    }
}
