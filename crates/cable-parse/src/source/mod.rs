//! The input as lines: line endings normalised, trailing blanks trimmed,
//! and transmission debris that is not part of the text (page headers,
//! `SIPDIS` lines, Markdown link debris of the seed rendering) removed and
//! counted. Everything after this stage works on [`Line`]s through a
//! [`Cursor`].
//!
//! A [`Prescan`] of the whole text tells which kinds of debris it holds; a
//! [`Cleaner`] goes through the lines, one function per kind of debris it
//! removes or damage it repairs, counting each kind in [`Removals`]; a page
//! that shows its header after the text is then read header first
//! ([`read_header_first`]).

use crate::blanks::Blanks;

use crate::context::Context;
use cable_model::Code;
use std::borrow::Cow;
use std::iter::Peekable;
use std::sync::LazyLock;

use memchr::memmem::{FindIter, Finder};
use regex::Regex;

/// One line of the cleaned input.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    /// 1-based line number in the original input.
    pub(crate) no: u32,
    /// The line without its line ending and trailing whitespace.
    pub(crate) text: Cow<'a, str>,
}

impl Line<'_> {
    /// Whether the line is empty (whitespace-only lines were trimmed to empty).
    pub(crate) fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// The cleaned lines of one input.
pub(crate) struct Source<'a> {
    lines: Vec<Line<'a>>,
}

impl<'a> Source<'a> {
    /// Splits and cleans `text`, recording what was removed in `cx`.
    pub(crate) fn new(text: &'a str, cx: &mut Context<'_>) -> Source<'a> {
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => {
                cx.diag(Code::ByteOrderMark, Some(1), "byte-order mark removed");
                rest
            }
            None => text,
        };
        if text.trim_blanks().is_empty() {
            cx.diag(Code::EmptyInput, None, "the input holds no text");
        }
        Source {
            lines: Cleaner::clean(text, cx),
        }
    }

    /// A cursor at the first line.
    pub(crate) fn cursor(&self) -> Cursor<'_, 'a> {
        Cursor {
            lines: &self.lines,
            pos: 0,
        }
    }
}

/// How a text's lines end: where a wrap at a telegram's width broke
/// them, or where the writer ended a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Wrap {
    /// Wrapped at this many columns: the 95th percentile of the widths of
    /// its lines with text, at most 80 (a telegram's columns).
    At(usize),
    /// Paragraphs written on one line each (that percentile is over 80: a
    /// modern cable's unwrapped text, an HTML page's lines of hundreds of
    /// characters): every line end is one the writer typed.
    Unwrapped,
    /// Fewer than five lines with text: too few to tell.
    Unknown,
}

/// How the lines of `lines` were wrapped (see [`Wrap`]).
pub(crate) fn wrap(lines: &[Line<'_>]) -> Wrap {
    // Widths in bytes: telegram text is ASCII, and a line with accented
    // letters counts a little wider, which only makes a short line less
    // likely to be called short.
    let mut widths: Vec<usize> = lines
        .iter()
        .map(|l| l.text.len())
        .filter(|&w| w > 0)
        .collect();
    if widths.len() < 5 {
        return Wrap::Unknown;
    }
    let at = (widths.len() * 95 / 100).saturating_sub(1);
    let (_, &mut w, _) = widths.select_nth_unstable(at);
    if w <= 80 {
        Wrap::At(w)
    } else {
        Wrap::Unwrapped
    }
}

/// The width a text's lines were wrapped at, when they were wrapped at a
/// telegram's width ([`Wrap::At`]).
pub(crate) fn wrap_width(lines: &[Line<'_>]) -> Option<usize> {
    match wrap(lines) {
        Wrap::At(w) => Some(w),
        Wrap::Unwrapped | Wrap::Unknown => None,
    }
}

/// Whether the line before a line starting with `next_word` ended, at
/// `prev_width` columns, well short of the text's wrap `width`: that word
/// would have fitted on it with eight columns to spare, so no wrap broke
/// it there.
pub(crate) fn ended_short(prev_width: usize, next_word: usize, width: usize) -> bool {
    prev_width + 1 + next_word + 8 <= width
}

/// Splits on `\n`, `\r\n` and lone `\r`.
pub(crate) fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let s = rest?;
        match memchr::memchr2(b'\n', b'\r', s.as_bytes()) {
            Some(i) => {
                let skip = if s.as_bytes()[i] == b'\r' && s.as_bytes().get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                rest = Some(&s[i + skip..]);
                Some(&s[..i])
            }
            None => {
                rest = None;
                (!s.is_empty()).then_some(s)
            }
        }
    })
}

/// A position in the cleaned lines. Header and body parsers advance it;
/// nothing goes backwards past what a parser has consumed.
pub(crate) struct Cursor<'s, 'a> {
    lines: &'s [Line<'a>],
    pos: usize,
}

#[allow(
    dead_code,
    reason = "the cursor API offered to both phases; not every method is used by both"
)]
impl<'s, 'a> Cursor<'s, 'a> {
    /// The current line, if any.
    pub(crate) fn peek(&self) -> Option<&'s Line<'a>> {
        self.lines.get(self.pos)
    }
    /// The line `n` after the current one.
    pub(crate) fn peek_nth(&self, n: usize) -> Option<&'s Line<'a>> {
        self.lines.get(self.pos + n)
    }
    /// Takes the current line.
    pub(crate) fn next_line(&mut self) -> Option<&'s Line<'a>> {
        let l = self.lines.get(self.pos)?;
        self.pos += 1;
        Some(l)
    }
    /// Skips blank lines; returns how many.
    pub(crate) fn skip_blank(&mut self) -> usize {
        let start = self.pos;
        while self.peek().is_some_and(Line::is_blank) {
            self.pos += 1;
        }
        self.pos - start
    }
    /// Whether every line has been consumed.
    pub(crate) fn is_at_end(&self) -> bool {
        self.pos >= self.lines.len()
    }
    /// The lines not consumed yet.
    pub(crate) fn rest(&self) -> &'s [Line<'a>] {
        &self.lines[self.pos.min(self.lines.len())..]
    }
    /// The current position, to return to with [`Cursor::reset`].
    pub(crate) fn mark(&self) -> usize {
        self.pos
    }
    /// Returns to a position taken with [`Cursor::mark`].
    pub(crate) fn reset(&mut self, mark: usize) {
        self.pos = mark.min(self.lines.len());
    }
    /// Consumes `n` lines (after inspecting them through [`Cursor::rest`]).
    pub(crate) fn advance(&mut self, n: usize) {
        self.pos = (self.pos + n).min(self.lines.len());
    }
}

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
struct Cleaner<'a> {
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
    fn clean(text: &'a str, cx: &mut Context<'_>) -> Vec<Line<'a>> {
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

/// `BERN 00000881  002 OF 002`, `TRIPOLI 00000564  001.2 OF 002`: page
/// headers of the Cablegate era (station, 8-digit serial, page of pages).
static PAGE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z][A-Z .'-]{1,40} \d{5,8} {1,3}\d{3}(?:\.\d)? OF \d{1,3}$")
        .expect("valid regex")
});

/// `PAGE 02 HARARE 06677 01 OF 03 291400Z`: page headers of older cables.
static PAGE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^PAGE \d{2,3}(?: [A-Z][A-Z .]{1,30} \d{2,6}(?: \d{2} OF \d{2})?(?: \d{6}Z)?)?$")
        .expect("valid regex")
});

/// `STATE 161482`, `RIYADH 00905 01 OF 03 060018Z`: the rest of a page
/// header the 1978-79 PlusD layout puts on the line after `PAGE 01`.
static PAGE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z][A-Z .]{1,30} \d{2,6}(?: \d{2} OF \d{2})?(?: \d{6}Z)?$")
        .expect("valid regex")
});

/// The two shapes of page header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PageKind {
    /// `BERN 00000881  002 OF 002` (Cablegate era).
    Serial,
    /// `PAGE 02 HARARE 06677 01 OF 03 291400Z`, with the classification
    /// line repeated around it (older cables).
    Numbered,
}

/// Whether a (trimmed) line is a page header; runs of blanks inside it
/// count as one (`PAGE 03        SOFIA  03382  111320Z`).
fn page_header(trimmed: &str) -> Option<PageKind> {
    // Cheap tests first: every page header starts with a capital and ends
    // with a digit or `Z` (`… 002 OF 002`, `PAGE 02 … 291400Z`, `PAGE 01`).
    if trimmed.len() > 120
        || !trimmed.starts_with(|c: char| c.is_ascii_uppercase())
        || !trimmed.ends_with(|c: char| c.is_ascii_digit() || c == 'Z')
    {
        return None;
    }
    let is_page_line = trimmed.starts_with("PAGE");
    if !is_page_line && !trimmed.contains(" OF ") {
        return None;
    }
    let collapsed: Cow<'_, str> = if trimmed.contains("  ") {
        Cow::Owned(trimmed.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        Cow::Borrowed(trimmed)
    };
    if PAGE_LINE.is_match(&collapsed) {
        let first_page = collapsed.starts_with("PAGE 01 ") || collapsed.as_ref() == "PAGE 01";
        Some(if first_page {
            PageKind::Serial
        } else {
            PageKind::Numbered
        })
    } else if PAGE_HEADER.is_match(&collapsed) {
        Some(PageKind::Serial)
    } else {
        None
    }
}

/// Whether a (trimmed) line is the rest of a page header whose `PAGE nn`
/// stood alone on the line before ([`PAGE_TAIL`]); runs of blanks count
/// as one.
fn is_page_tail(trimmed: &str) -> bool {
    let collapsed = trimmed.split_whitespace().collect::<Vec<_>>().join(" ");
    PAGE_TAIL.is_match(&collapsed)
}

/// `1. WHEN ...⏎WYMAN⏎CONFIDENTIAL⏎NNN⏎...⏎R 061501Z JUN 74⏎FM AMEMBASSY
/// ADDIS ABABA⏎...⏎TAGS: AEMR⏎SUBJ: ...`: a PlusD page that shows the
/// text first and its header after the text's end marker (`NNN`,
/// `NNNN`). Returns the marker's index and the number of labelled lines
/// after it when the lines before the marker hold text but no `FM` line and
/// no `E.O.`, `TAGS` or `SUBJECT` line, and the lines after it hold an `FM`
/// line and one of those.
fn header_after_text(lines: &[Line<'_>]) -> Option<(usize, usize)> {
    let end = lines
        .iter()
        .position(|l| matches!(l.text.trim_blanks(), "NNN" | "NNNN"))?;
    let (before, after) = lines.split_at(end);
    use crate::header::labels::{self, Label};
    // The header's own fields (a REF line or `Classified By` can be prose:
    // `REF B, THAT ...`).
    let head = |l: &Line<'_>| {
        let t = l.text.trim_blanks();
        let field = labels::label(t).is_some_and(|f| {
            matches!(
                f.label,
                Label::ExecutiveOrder | Label::Tags | Label::Subject
            )
        });
        (t.starts_with("FM "), field)
    };
    let text_before = before
        .iter()
        .filter(|l| !l.is_blank() && l.text.trim_blanks() != "Show Headers")
        .count();
    if text_before == 0 || before.iter().any(|l| head(l) != (false, false)) {
        return None;
    }
    let fm = after.iter().any(|l| head(l).0);
    let labels = after.iter().filter(|l| head(l).1).count();
    (fm && labels > 0).then_some((end, labels))
}

/// Reorders `lines` when they are a page that shows the text before its
/// header ([`header_after_text`]): the header after the end marker is moved
/// before the text, the page's `Show Headers` control before the text
/// dropped, and both reported. Lines keep their input line numbers.
fn read_header_first(lines: &mut Vec<Line<'_>>, cx: &mut Context<'_>) {
    let Some((end, labels)) = header_after_text(lines) else {
        return;
    };
    let end_no = lines.get(end).map(|l| l.no);
    // The PlusD page's `Show Headers` control before the text.
    let controls = lines
        .iter()
        .take(end)
        .take_while(|l| l.is_blank() || l.text.trim_blanks() == "Show Headers")
        .count();
    let dropped = lines
        .iter()
        .take(controls)
        .filter(|l| !l.is_blank())
        .count();
    lines.drain(..controls);
    lines.rotate_left(end + 1 - controls);
    cx.diag(
        Code::HeaderAfterText,
        end_no,
        format!(
            "the header after the text's end marker ({labels} labelled line(s)) was read \
             first{}",
            if dropped > 0 {
                format!("; {dropped} `Show Headers` line(s) removed")
            } else {
                String::new()
            }
        ),
    );
}

/// `Sarkozy,s key advisors`, `the President,s agenda`: an apostrophe the
/// transmission turned into a comma (the cable format guide, section 7,
/// quirk 2), restored: a comma between a letter and a possessive `s` that
/// ends the word. None when the line holds none.
fn comma_apostrophes(line: &str) -> Option<(String, u32)> {
    let b = line.as_bytes();
    let mut out: Option<String> = None;
    let mut n = 0u32;
    let mut last = 0;
    for i in memchr::memmem::find_iter(b, b",s") {
        let letter_before = i > 0 && b.get(i - 1).is_some_and(u8::is_ascii_alphabetic);
        let word_ends = b.get(i + 2).is_none_or(|c| !c.is_ascii_alphanumeric());
        if letter_before && word_ends {
            let o = out.get_or_insert_with(|| String::with_capacity(line.len()));
            o.push_str(line.get(last..i).unwrap_or(""));
            o.push('\'');
            last = i + 1;
            n += 1;
        }
    }
    let mut o = out?;
    o.push_str(line.get(last..).unwrap_or(""));
    Some((o, n))
}

/// Whether `text` shows the blanks the 1970s archive inserted after
/// punctuation inside a word (the cable format guide, section 6, "Noise":
/// `SECRETARY' S`; and `SHAH' S`, `( A) US/ IRANIAN` in the 1973 rows of
/// cables.csv): a possessive `' S` after a letter, or `( ` before a label
/// of one to three letters or digits and its `)`. No writer types either;
/// a blank after a slash (`(b/ d)`) some do, so it is repaired in such a
/// text but is no evidence of one. One mark lets [`spaced_punctuation`]
/// repair the text's lines.
fn has_spaced_punctuation(text: &[u8]) -> bool {
    // One pass over the text for both marks' first bytes.
    memchr::memchr2_iter(b'\'', b'(', text).any(|i| {
        text.get(i + 1) == Some(&b' ')
            && matches!(
                spaced_at(text, i + 1),
                Some(Spaced::Possessive | Spaced::Label)
            )
    })
}

/// A blank the archive inserted after punctuation, by what it follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Spaced {
    /// `SHAH' S`: between a letter's apostrophe and a possessive `S`.
    Possessive,
    /// `US/ IRANIAN`: after a slash between letters.
    Slash,
    /// `( A)`: after an opening parenthesis, before a short label.
    Label,
    /// `U. S.`, `E. O.`: between the letters of an abbreviation.
    Abbreviation,
    /// `TOUR D' HORIZON`, `O' BRIEN`: after an elided article's or a
    /// name's apostrophe.
    Elision,
    /// `" TOUR`: after an opening double quote (a blank or the line's
    /// start before it, a letter after the blank).
    Quote,
}

/// What the blank at byte `i` of `b` is, when the archive inserted it.
fn spaced_at(b: &[u8], i: usize) -> Option<Spaced> {
    if b.get(i) != Some(&b' ') || i < 1 {
        return None;
    }
    let at = |k: usize| b.get(k).copied();
    let letter = |k: usize| at(k).is_some_and(|c| c.is_ascii_alphabetic());
    let alnum = |k: usize| at(k).is_some_and(|c| c.is_ascii_alphanumeric());
    let before2 = i.checked_sub(2);
    match at(i - 1)? {
        b'\''
            if before2.is_some_and(letter)
                && matches!(at(i + 1), Some(b'S' | b's'))
                && !alnum(i + 2) =>
        {
            Some(Spaced::Possessive)
        }
        // `D' HORIZON`: the apostrophe after a one-letter word `D`, `L`, `O`.
        b'\''
            if before2.is_some_and(|k| {
                matches!(at(k), Some(b'D' | b'L' | b'O' | b'd' | b'l' | b'o'))
            }) && i.checked_sub(3).is_none_or(|k| !alnum(k))
                && letter(i + 1) =>
        {
            Some(Spaced::Elision)
        }
        b'"' if before2.is_none_or(|k| at(k) == Some(b' ')) && letter(i + 1) => Some(Spaced::Quote),
        b'/' if before2.is_some_and(letter) && letter(i + 1) => Some(Spaced::Slash),
        b'(' if before2.is_none_or(|k| !alnum(k)) => {
            let len = b
                .get(i + 1..)?
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric())
                .count();
            ((1..=3).contains(&len) && at(i + 1 + len) == Some(b')')).then_some(Spaced::Label)
        }
        // `U. S.`: a capital and its stop, before another of the same
        // that ends the word; the first not inside a word (`MRS. NIXON`).
        b'.' if before2.is_some_and(|k| at(k).is_some_and(|c| c.is_ascii_uppercase()))
            && i.checked_sub(3).is_none_or(|k| !alnum(k))
            && at(i + 1).is_some_and(|c| c.is_ascii_uppercase())
            && at(i + 2) == Some(b'.')
            && !alnum(i + 3) =>
        {
            Some(Spaced::Abbreviation)
        }
        _ => None,
    }
}

/// `SHAH' S CONCERNS`, `( A) US/ IRANIAN`, `THE U. S. DELEGATION`: the
/// blanks [`spaced_at`] finds removed (`SHAH'S`, `(A) US/IRANIAN`,
/// `U.S.`), for a text that [`has_spaced_punctuation`]. None when the
/// line holds none.
#[cold]
#[inline(never)]
fn spaced_punctuation(line: &str) -> Option<(String, u32)> {
    let b = line.as_bytes();
    let mut out: Option<String> = None;
    let mut n = 0u32;
    let mut last = 0;
    for i in memchr::memchr_iter(b' ', b) {
        if spaced_at(b, i).is_some() {
            let o = out.get_or_insert_with(|| String::with_capacity(line.len()));
            o.push_str(line.get(last..i).unwrap_or(""));
            last = i + 1;
            n += 1;
        }
    }
    let mut o = out?;
    o.push_str(line.get(last..).unwrap_or(""));
    Some((o, n))
}

/// `(&Bishop Jovan8)`, `&Israeli aggression.8`: double quotes the
/// transmission turned into `&` (opening) and `8` (closing), the cable
/// format guide's quirk 1, restored on one line: a `&` at a word's start
/// (after a blank, a parenthesis or the line's start) before a capital,
/// closed by an `8` right after a letter or a stop and before no letter or
/// digit, with no `&` between. None when the line holds no such pair.
fn ampersand_quotes(line: &str) -> Option<(String, u32)> {
    let b = line.as_bytes();
    let mut out = String::new();
    let mut last = 0;
    let mut n = 0u32;
    let mut i = 0;
    while let Some(open) = b
        .get(i..)
        .and_then(|r| memchr::memchr(b'&', r))
        .map(|k| k + i)
    {
        i = open + 1;
        let starts = open == 0 || b.get(open - 1).is_some_and(|c| matches!(c, b' ' | b'('));
        if !starts || !b.get(open + 1).is_some_and(u8::is_ascii_uppercase) {
            continue;
        }
        let close = (open + 2..b.len().min(open + 100)).find(|&k| {
            b.get(k) == Some(&b'8')
                && b.get(k - 1)
                    .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'.' | b','))
                && b.get(k + 1).is_none_or(|c| !c.is_ascii_alphanumeric())
        });
        let Some(close) = close else {
            continue;
        };
        if b.get(open + 1..close).is_some_and(|r| r.contains(&b'&')) {
            continue;
        }
        out.push_str(line.get(last..open).unwrap_or(""));
        out.push('"');
        out.push_str(line.get(open + 1..close).unwrap_or(""));
        out.push('"');
        last = close + 1;
        i = close + 1;
        n += 1;
    }
    (n > 0).then(|| {
        out.push_str(line.get(last..).unwrap_or(""));
        (out, n)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use cable_model::ContainerMeta;

    fn lines(text: &str) -> Vec<String> {
        let meta = ContainerMeta::default();
        let mut cx = Context::new(&meta);
        let src = Source::new(text, &mut cx);
        src.lines.iter().map(|l| l.text.to_string()).collect()
    }

    /// The three ways a text's lines end: wrapped at a telegram's width,
    /// one unwrapped paragraph a line (09HARARE888's shape), too short to
    /// tell.
    #[test]
    fn wrap_of_a_text() {
        let wrap_of = |text: &str| {
            let meta = ContainerMeta::default();
            let mut cx = Context::new(&meta);
            let src = Source::new(text, &mut cx);
            wrap(&src.lines)
        };
        let telegram = "THE MINISTER SAID THAT THE TALKS WOULD GO ON\n".repeat(6);
        assert_eq!(wrap_of(&telegram), Wrap::At(44));
        let unwrapped = format!(
            "{}\n",
            "The minister said the talks would go on. ".repeat(4)
        )
        .repeat(6);
        assert_eq!(wrap_of(&unwrapped), Wrap::Unwrapped);
        assert_eq!(wrap_of("ONE\nTWO\n"), Wrap::Unknown);
    }

    /// Regression (`FOUR⏎SIPDIS SCENARIOS`): a SIPDIS word inserted at the
    /// start of a wrapped line was kept as text.
    #[test]
    fn regression_sipdis_word_inside_wrapped_text() {
        let meta = ContainerMeta::default();
        let mut cx = Context::new(&meta);
        let src = Source::new(
            "1. (C) The minister foresaw four\nSIPDIS scenarios for the coming\nweeks.\n",
            &mut cx,
        );
        let got: Vec<String> = src.lines.iter().map(|l| l.text.to_string()).collect();
        assert_eq!(
            got,
            [
                "1. (C) The minister foresaw four",
                "scenarios for the coming",
                "weeks."
            ]
        );
        assert!(
            cx.cable
                .diagnostics
                .iter()
                .any(|d| d.code == Code::SipdisRemoved && d.line == Some(2))
        );
        assert_eq!(
            lines("THE MINISTER FORESAW FOUR\nSIPDIS SCENARIOS FOR THE COMING\nWEEKS."),
            [
                "THE MINISTER FORESAW FOUR",
                "SCENARIOS FOR THE COMING",
                "WEEKS."
            ]
        );
        assert_eq!(
            lines("He said the minister SIPDIS would come."),
            ["He said the minister would come."]
        );
        // Handling lines and lines after a finished sentence stay.
        assert_eq!(
            lines("UNCLAS OSLO 000123\nSIPDIS NOFORN\nx"),
            ["UNCLAS OSLO 000123", "SIPDIS NOFORN", "x"]
        );
        assert_eq!(
            lines("It ended.\nSIPDIS CXOSLO: FOR THE AMBASSADOR"),
            ["It ended.", "SIPDIS CXOSLO: FOR THE AMBASSADOR"]
        );
        assert_eq!(lines("UNCLAS SIPDIS"), ["UNCLAS SIPDIS"]);
    }

    #[test]
    fn endings_and_debris() {
        assert_eq!(lines("a \r\nb\rc\n \n"), ["a", "b", "c", ""]);
        assert_eq!(
            lines("TAGS: [MTCRE](#) [PARM](#)\n[B](#). STATE 1"),
            ["TAGS: MTCRE PARM", "B. STATE 1"]
        );
        assert_eq!(
            lines("x\n\nBERN 00000881  002 OF 002 \n\nSIPDIS \ny"),
            ["x", "", "", "y"]
        );
        assert_eq!(lines("a\nBLA 0000001 003.2 OF 39\nb"), ["a", "b"]);
        assert_eq!(
            lines("a\nPAGE 03        SOFIA  03382  111320Z\nb"),
            ["a", "b"]
        );
        assert_eq!(
            lines("x\nSECRET\n\nSECRET\nPAGE 02 STATE 189296\nSECRET\ny"),
            ["x", "", "y"]
        );
        assert_eq!(
            lines(
                "x\nDeclassified/Released US Department of State EO Systematic\nReview 30 JUN 2006\ny"
            ),
            ["x", "y"]
        );
        assert_eq!(
            lines(
                "Sheryl P. Walter Declassified/Released US Department of State EO Systematic Review 20 Mar 2014\ny"
            ),
            ["y"]
        );
        assert_eq!(
            lines(
                "HELMS\nDeclassified/Released US Department of State EO\nSystematic Review 05 JUL 2006\n"
            ),
            ["HELMS"]
        );
    }

    /// The control bytes are those below 0x20 other than tab, line feed,
    /// carriage return and form feed, and DEL.
    #[test]
    fn control_bytes() {
        for b in 0..=255u8 {
            let want = (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f;
            assert_eq!(is_control(b), want, "{b:#04x}");
        }
    }

    #[test]
    fn apostrophes_transmitted_as_commas() {
        assert_eq!(
            comma_apostrophes("Sarkozy,s key advisors and the PRC,s view"),
            Some(("Sarkozy's key advisors and the PRC's view".into(), 2))
        );
        assert_eq!(
            comma_apostrophes("the President,s."),
            Some(("the President's.".into(), 1))
        );
        // Not a possessive: a list, a word going on, a number.
        for t in ["a,b,c", "apples,sugar", "in 2009,s", "x, s", "ROE,S"] {
            assert_eq!(comma_apostrophes(t), None, "{t}");
        }
    }

    /// Made-up lines in the 1970s archive's spacing, and lines whose
    /// blanks after punctuation are the writer's.
    #[test]
    fn blanks_inserted_after_punctuation() {
        let text = "ROE' S VIEW OF ( A) US/ PERU TIES AND ( 12) THE U. S. AND E. O. 11652";
        assert!(has_spaced_punctuation(text.as_bytes()));
        assert_eq!(
            spaced_punctuation(text),
            Some((
                "ROE'S VIEW OF (A) US/PERU TIES AND (12) THE U.S. AND E.O. 11652".into(),
                6
            ))
        );
        // Repaired in such a text, but no evidence of its spacing alone.
        let text = "HIS \" TOUR D' HORIZON\" WITH O' ROE";
        assert!(!has_spaced_punctuation(text.as_bytes()));
        assert_eq!(
            spaced_punctuation(text),
            Some(("HIS \"TOUR D'HORIZON\" WITH O'ROE".into(), 3))
        );
        // A writer's blanks: a closing quote, a plural possessive, a
        // sentence's stop, a title's, a parenthesis opening a phrase, a
        // slash before a number, a quoted ` S`.
        assert!(!has_spaced_punctuation(b"reasons 1.4 (b/ d)"));
        for t in [
            "THE 'ROE' SAID",
            "THE STATES' VIEW",
            "ROE AGREED. A. ROE SAID",
            "MRS. NIXON' SPOKE",
            "( THE ROE GROUP)",
            "PAGE 2/ 3",
            "THE ' S' PLAN",
            "A. B",
        ] {
            assert!(!has_spaced_punctuation(t.as_bytes()), "{t}");
            assert_eq!(spaced_punctuation(t), None, "{t}");
        }
    }

    /// Made-up quoted phrases, and `&` and `8` that are not quotes.
    #[test]
    fn quotes_transmitted_as_ampersand_and_eight() {
        assert_eq!(
            ampersand_quotes("a Bishop (&Bishop Roe8) on grounds of &Israeli aggression.8 here"),
            Some((
                "a Bishop (\"Bishop Roe\") on grounds of \"Israeli aggression.\" here".into(),
                2
            ))
        );
        // Not quotes: `AT&T`, `& Co`, a number, an open `&` never closed.
        for t in [
            "AT&T and R&D at the G8",
            "Roe & Co paid 8 dollars",
            "&Roe said 1998 was good",
            "the F-8 and &Roe",
        ] {
            assert_eq!(ampersand_quotes(t), None, "{t}");
        }
    }
}
