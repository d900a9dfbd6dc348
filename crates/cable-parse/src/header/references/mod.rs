//! REF: `REF: A. STATE 4690 B. 08 STATE 129729`, `REFS: (A) 05 SAO PAULO
//! 405; (B) ...`, `REFTEL: RIO DE JANEIRO 1118`, e-mails, telcons, memos
//! and documents, labels `A.` `A)` `(A)`, years written before or after the
//! serial or inherited from the citing cable.

use crate::blanks::Blanks;

use crate::ids;
use cable_model::{Reference, ReferenceKind};
use regex::Regex;
use std::sync::LazyLock;

/// Page headers and classification lines that a rendering left inside a
/// REF block: `SAO PAULO 00000161 001.3 OF 005`, `CONFIDENTIAL\nPAGE 02
/// ROME 01196 01 OF 02 082030Z`.
static PAGE_DEBRIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?-u:\b)[A-Z][A-Z .'-]{1,40} \d{8} {1,3}\d{3}(?:\.\d)? OF \d{3}(?-u:\b))|(?:(?:(?-u:\b)(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\s*(?:\\n)?\s*PAGE|(?-u:\b)PAGE) \d{2,3} [A-Z][A-Z .]{1,30} \d{2,6}(?: \d{2} OF \d{2})?(?: \d{6}Z)?)",
    )
    .expect("valid regex")
});

/// A portion marking inside a citation: `KUWAIT (C)02293`.
static INNER_MARKING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\((?:U|C|S|SBU|LOU|TS)\)").expect("valid regex"));

/// The tail of a REF block to look at when deciding about the next line
/// (bounded, so each line is looked at in constant time).
fn tail(text: &str) -> &str {
    let mut start = text.len().saturating_sub(80);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    text.get(start..).unwrap_or("")
}

/// Whether the last item of a REF block lacks its serial, so the next line
/// completes it even after a blank line: `(B) Rio de Janeiro` / `00723`,
/// `D. 03` / `HANOI 2323`.
pub(crate) fn incomplete_tail(text: &str) -> bool {
    let t = tail(text).trim_end_blanks();
    let Some(last_label) = last_label_at(t) else {
        return false;
    };
    let item = t.get(last_label..).unwrap_or("");
    let item = item
        .split_once([' ', ')', '.', ':'])
        .map_or("", |(_, rest)| rest);
    !item
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() >= 3)
}

/// Byte offset of the last item label (`A.`, `(B)`, `C)`, `D:`) in `t`.
fn last_label_at(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    let mut found = None;
    for i in 0..b.len() {
        let boundary = i == 0
            || b.get(i - 1)
                .is_some_and(|p| p.is_ascii_whitespace() || matches!(p, b';' | b','));
        if !boundary {
            continue;
        }
        let is_label = match (b.get(i), b.get(i + 1), b.get(i + 2)) {
            (Some(b'('), Some(l), Some(b')')) => l.is_ascii_alphabetic(),
            (Some(l), Some(b'.' | b')' | b':'), n) => {
                l.is_ascii_alphabetic() && n.is_none_or(|n| n.is_ascii_whitespace())
            }
            _ => false,
        };
        if is_label {
            found = Some(i);
        }
    }
    found
}

/// Whether `line` starts with the label that follows the last label of the
/// REF block `text` (`(B) Sao Paulo 319;` then `(C) Sao Paulo 42;`), so a
/// label that looks like a portion marking (`(C)`, `(S)`) continues the list.
pub(crate) fn continues_labels(text: &str, line: &str) -> bool {
    let t = tail(text);
    let Some(at) = last_label_at(t) else {
        return false;
    };
    let b = t.as_bytes();
    let last = match b.get(at) {
        Some(b'(') => b.get(at + 1),
        other => other,
    };
    let Some(next) = last.map(|c| c.to_ascii_uppercase() + 1) else {
        return false;
    };
    let l = line.trim_start_blanks().trim_start_matches('¶').as_bytes();
    let first = match l.first() {
        Some(b'(') => l.get(1),
        other => other,
    };
    first.is_some_and(|c| c.to_ascii_uppercase() == next) && starts_with_label(line)
}

/// Whether `line` is the numbered item after the last one of the REF block
/// `text`, in its shape (`REF: 1. LIMA 123` then `2. LIMA 456`, `1)` then
/// `2)`, `(1)` then `(2)`), so that it continues the block instead of
/// starting the body at paragraph 2. A line with a portion marking after
/// its number (`2. (C) The minister ...`) or no serial is a paragraph.
pub(crate) fn continues_numbers(text: &str, line: &str) -> bool {
    // The line's label first (most lines have none), then the block's.
    let l = line.trim_start_blanks().as_bytes();
    let digit = if l.first() == Some(&b'(') {
        l.get(1)
    } else {
        l.first()
    };
    if !digit.is_some_and(|d| (b'2'..=b'9').contains(d)) {
        return false;
    }
    let t = tail(text);
    let b = t.as_bytes();
    let mut last: Option<(u8, u8)> = None;
    for i in 0..b.len() {
        if !at_boundary(b, i) {
            continue;
        }
        let n = b.get(i).map_or(0, |&c| {
            if c == b'(' {
                b.get(i + 1).map_or(0, |&d| d)
            } else {
                c
            }
        });
        if (b'1'..=b'8').contains(&n) {
            for shape in [b'.', b')'] {
                if let Some((found, _)) = numbered_label_at(b, i, n, Some(shape)) {
                    last = Some((n, found));
                }
            }
        }
    }
    let Some((n, shape)) = last else {
        return false;
    };
    let Some((found, len)) = numbered_label_at(l, 0, n + 1, Some(shape)) else {
        return false;
    };
    let rest = line.trim_start_blanks().get(len..).unwrap_or("");
    found == shape
        && !rest.trim_start_blanks().starts_with('(')
        && rest
            .split(|c: char| !c.is_ascii_digit())
            .any(|d| d.len() >= 2)
}

/// Whether a line starts a labelled reference item: `B. STATE 1`, `¶B.`, `(C)`, `C)`.
pub(crate) fn starts_with_label(t: &str) -> bool {
    let t = t.trim_start_blanks().trim_start_matches('¶');
    let b = t.as_bytes();
    match b {
        [b'(', l, b')', ..] => l.is_ascii_alphabetic() && *l != b'U',
        [l, b'.' | b')' | b':', rest @ ..] => {
            l.is_ascii_alphabetic() && rest.first().is_none_or(|c| *c == b' ' || *c == b')')
        }
        _ => false,
    }
}

/// The words that name what an item cites when it is not a cable, and
/// the kind each gives: the document types of the REF lines the cable
/// format guide describes (e-mails, telcons, memos, papers), intelligence
/// reports (`IIR`, `TD`: report numbers, not cable serials), airgrams and
/// circulars (`A-123`, `CA-1234`, `CIRCULAR 175`), talking points and
/// non-papers, diplomatic notes, UN resolutions (`UNSCR 1737`,
/// `RESOLUTION 1803`). The first kind found in this order wins.
const KIND_WORDS: &[(&str, ReferenceKind)] = &[
    ("E-MAIL", ReferenceKind::Email),
    ("EMAIL", ReferenceKind::Email),
    ("EMAILS", ReferenceKind::Email),
    ("E-MAILS", ReferenceKind::Email),
    ("TELCON", ReferenceKind::Telcon),
    ("TELECON", ReferenceKind::Telcon),
    ("TELCONS", ReferenceKind::Telcon),
    ("TELEPHONE", ReferenceKind::Telcon),
    ("PHONE", ReferenceKind::Telcon),
    ("MEMO", ReferenceKind::Memo),
    ("MEMCON", ReferenceKind::Memo),
    ("MEMORANDUM", ReferenceKind::Memo),
    ("DOC", ReferenceKind::Document),
    ("REPORT", ReferenceKind::Document),
    ("PAPER", ReferenceKind::Document),
    ("NONPAPER", ReferenceKind::Document),
    ("NON-PAPER", ReferenceKind::Document),
    ("FAM", ReferenceKind::Document),
    ("OSC", ReferenceKind::Document),
    ("LETTER", ReferenceKind::Document),
    ("INCSR", ReferenceKind::Document),
    ("POC", ReferenceKind::Document),
    ("IIR", ReferenceKind::Document),
    ("TD", ReferenceKind::Document),
    ("INTELLIGENCE", ReferenceKind::Document),
    ("AIRGRAM", ReferenceKind::Document),
    ("CIRCULAR", ReferenceKind::Document),
    ("POINTS", ReferenceKind::Document),
    ("TPS", ReferenceKind::Document),
    ("DIPNOTE", ReferenceKind::Document),
    ("RESOLUTION", ReferenceKind::Document),
    ("RESOLUTIONS", ReferenceKind::Document),
    ("UNSCR", ReferenceKind::Document),
    ("UNSCRS", ReferenceKind::Document),
    ("DTG", ReferenceKind::Other),
    ("MSG", ReferenceKind::Other),
];

/// Kind of a reference from its words, in any case.
///
/// ```text
/// SMITH E-MAIL OF 10-08-08        -> Email
/// IIR 6 876 0123 09               -> Document (an intelligence report)
/// A-45, CA-1234                   -> Document (an airgram)
/// UNSCR 1737                      -> Document (a UN resolution)
/// 08 STATE 129729                 -> Cable
/// ```
fn kind_of(text: &str) -> ReferenceKind {
    // Compared without case, word by word: an item is never copied.
    let b = text.as_bytes();
    if b.windows(6).any(|w| w.eq_ignore_ascii_case(b"E MAIL")) {
        return ReferenceKind::Email;
    }
    let mut best: Option<usize> = None;
    let mut airgram = false;
    for x in text.split(|c: char| !c.is_ascii_alphanumeric() && c != '-') {
        if x.is_empty() || x.len() > 12 {
            continue;
        }
        if let Some(k) = KIND_WORDS
            .iter()
            .position(|(w, _)| w.eq_ignore_ascii_case(x))
        {
            best = Some(best.map_or(k, |b| b.min(k)));
        }
        // `A-45`, `CA-1234`: airgram numbers.
        if let Some((head, num)) = x.split_once('-') {
            airgram |= (head.eq_ignore_ascii_case("A") || head.eq_ignore_ascii_case("CA"))
                && !num.is_empty()
                && num.bytes().all(|b| b.is_ascii_digit());
        }
    }
    match best.and_then(|k| KIND_WORDS.get(k)) {
        Some((_, kind)) => *kind,
        None if airgram => ReferenceKind::Document,
        None => ReferenceKind::Cable,
    }
}

/// Whether a citation comes before an item's `DTG` or `MSG` word: the
/// date-time group is then the cited cable's (`STATE 12345 DTG 121212Z MAR
/// 09`, whose year the citation takes), not a military message's
/// (`CJTF-HOA MSG DTG 121212Z MAR 09`).
fn cites_before_dtg(item: &str) -> bool {
    let b = item.as_bytes();
    let boundary = |i: usize| !b.get(i).is_some_and(u8::is_ascii_alphanumeric);
    let at = (0..b.len().saturating_sub(2)).find(|&i| {
        (i == 0 || boundary(i - 1))
            && boundary(i + 3)
            && item
                .get(i..i + 3)
                .is_some_and(|w| w.eq_ignore_ascii_case("DTG") || w.eq_ignore_ascii_case("MSG"))
    });
    let mut found = false;
    if let Some(at) = at {
        citations(item.get(..at).unwrap_or(""), |_| found = true);
    }
    found
}

/// The year of the first date-time group in `text` (`121212Z DEC 09`,
/// `(020900Z MAR 10)`): the year of a cable cited with its DTG.
fn dtg_year(text: &str) -> Option<u16> {
    let mut words = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '.' | ';')));
    let dtg = words.by_ref().find(|w| {
        w.len() == 7 && w.ends_with(['Z', 'z']) && w.bytes().take(6).all(|c| c.is_ascii_digit())
    })?;
    let (month, year) = (words.next()?, words.next()?);
    super::routing::dtg_utc(&format!("{dtg} {month} {year}")).map(|t| t.date().year())
}

/// Words that end a station name in a citation (conjunctions, cross-
/// reference words, handling words, paragraph words; and month names of
/// dates, from [`super::press_date::is_month_name`]):
/// `BRASILIA 2799 AND 2764`, `REF A STATE 1`, `SEE ALSO`.
const STOP: &[&str] = &[
    "AND",
    "PREVIOUS",
    "REF",
    "REFS",
    "REFTEL",
    "REFTELS",
    "SEE",
    "ALSO",
    "MSG",
    "DTG",
    "NOTAL",
    "OF",
    "DATED",
    // The telegraphic abbreviation of DATED (`LIMA 123 DTD 12 MAR 08`).
    "DTD",
    "UNCLASS",
    "UNCLAS",
    "EXDIS",
    "NODIS",
    "NOFORN",
    "SIPDIS",
    "REFERENCE",
    "TEXT",
    "FOR",
    "CLASSIFIED",
    "BY",
    "TO",
    "PARA",
    "PARAS",
    "PARAGRAPH",
];

/// Whether `w` (upper case) is one of [`STOP`]: the list is short words,
/// so only words of two to ten letters are looked up.
fn is_stop(w: &str) -> bool {
    (2..=10).contains(&w.len()) && (STOP.contains(&w) || super::press_date::is_month_name(w))
}

/// One cable citation: year as written, station as written, serial, and
/// where it is written in the item (bytes).
#[derive(Debug)]
struct Citation {
    year: Option<u16>,
    station: String,
    serial: String,
    start: usize,
    end: usize,
}

/// One word of an item: where it is in the item (upper-cased, so the
/// positions are the item's).
#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
}

/// `O1512` (a letter O for a zero), `'07` (an apostrophe year), `2O09`:
/// a token of digits with letters O standing for zeros, as digits.
fn digits_of(tok: &str) -> Option<String> {
    let t = tok.strip_prefix('\'').unwrap_or(tok);
    let b = t.as_bytes();
    let digits = b.iter().filter(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits == b.len() && t.len() == tok.len() {
        return None;
    }
    if !b.iter().all(|c| c.is_ascii_digit() || *c == b'O') {
        return None;
    }
    // An apostrophe only before a two-digit year.
    if t.len() != tok.len() && t.len() != 2 {
        return None;
    }
    Some(t.replace('O', "0"))
}

/// The words of an item, read as they are needed: split at blanks and
/// punctuation, separators `,` `;` `:` kept as their own words, `.` trimmed
/// from the ends of a word. A window of the words ahead is kept, never the
/// whole item's words (an item may cite a million cables).
struct Tokens<'a> {
    text: &'a [u8],
    /// Where the scan of `text` is.
    pos: usize,
    /// The index of the first word in `window`.
    base: usize,
    window: std::collections::VecDeque<Tok>,
}

impl<'a> Tokens<'a> {
    fn new(text: &'a str) -> Self {
        Tokens {
            text: text.as_bytes(),
            pos: 0,
            base: 0,
            window: std::collections::VecDeque::new(),
        }
    }

    fn is_sep(c: u8) -> bool {
        matches!(
            c,
            b',' | b';' | b':' | b'(' | b')' | b' ' | b'-' | b'/' | b'\t' | b'\n'
        )
    }

    /// Scans the next word into the window; false at the end.
    fn scan(&mut self) -> bool {
        let b = self.text;
        while let Some(&c) = b.get(self.pos) {
            if Self::is_sep(c) {
                self.pos += 1;
                if matches!(c, b',' | b';' | b':') {
                    self.window.push_back(Tok {
                        start: self.pos - 1,
                        end: self.pos,
                    });
                    return true;
                }
                continue;
            }
            let mut start = self.pos;
            while b.get(self.pos).is_some_and(|c| !Self::is_sep(*c)) {
                self.pos += 1;
            }
            let mut end = self.pos;
            while start < end && b.get(start) == Some(&b'.') {
                start += 1;
            }
            while end > start && b.get(end - 1) == Some(&b'.') {
                end -= 1;
            }
            if start < end {
                self.window.push_back(Tok { start, end });
                return true;
            }
        }
        false
    }

    /// The `k`-th word of the item, if there is one. Words before the last
    /// [`Tokens::release`] are gone.
    fn get(&mut self, k: usize) -> Option<Tok> {
        let at = k.checked_sub(self.base)?;
        while self.window.len() <= at {
            if !self.scan() {
                return None;
            }
        }
        self.window.get(at).copied()
    }

    /// Forgets the words before the `k`-th.
    fn release(&mut self, k: usize) {
        while self.base < k && self.window.pop_front().is_some() {
            self.base += 1;
        }
    }
}

/// Finds the cable citations of one item, in order, and hands each to
/// `cite`: `08 STATE 129729`, `SAO PAULO 526`, `AMMAN 07718 99`, `STATE
/// (01) 201265`, `BRASILIA 2799 AND 2764`, `870 Ulaanbaatar`, `09DHAHRAN
/// 201`, `LAGOS O1512`, `STATE 1234 '07`. The tokens are positions in one
/// upper-cased copy of the item, so an item of a million citations is not
/// copied word by word. Each word goes to the [`CitationScan`] reader of
/// its kind.
fn citations(item: &str, cite: impl FnMut(Citation)) {
    let masked = INNER_MARKING.replace_all(item, |c: &regex::Captures<'_>| {
        " ".repeat(c.get(0).map_or(0, |m| m.len()))
    });
    let mut scan = CitationScan::new(&masked, cite);
    while let Some(tok) = scan.toks.get(scan.i) {
        scan.toks.release(scan.i);
        scan.i += 1;
        let owned = scan.word(tok);
        let t = owned.as_ref();
        let month_before = std::mem::take(&mut scan.after_month);
        if scan.is_date_part(t, month_before) {
            scan.date_part();
            continue;
        }
        if matches!(t, "," | ";" | ":") {
            scan.separator(t);
            continue;
        }
        let digits = t.bytes().filter(u8::is_ascii_digit).count();
        let letters = t.bytes().filter(u8::is_ascii_alphabetic).count();
        if digits == t.len() {
            scan.number(tok, t);
        } else if letters > 0 && digits > 0 {
            scan.letters_and_digits(tok, t, digits, letters);
        } else if letters == 0 {
            // Neither letters nor digits (`#`, `'`): nothing to read.
        } else if scan.is_stop_word(t) {
            scan.stop_word(t);
        } else if let Some(serial) = scan.pending_serial.take() {
            scan.station_after_serial(tok, t, serial);
        } else {
            scan.station_word(tok, t);
        }
    }
}

/// Whether `s` is digits only (and not empty).
fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// What [`citations`] knows between two words of an item: the citation
/// being read (its year, the words of its station, a serial read before
/// its station) and what the words before said.
struct CitationScan<'a, F> {
    /// The item, inner markings blanked, that the words are positions in.
    text: &'a str,
    /// The words of `text`.
    toks: Tokens<'a>,
    /// The index of the next word.
    i: usize,
    /// A year read before the serial (`08 STATE 1`, `STATE (01) 201265`)
    /// and where it starts.
    year: Option<(u16, usize)>,
    /// The last words (at most four) read as a station, each with where it
    /// starts.
    station: Vec<(String, usize)>,
    /// A serial read before its station (`870 Ulaanbaatar`) and where it
    /// starts.
    pending_serial: Option<(String, usize)>,
    /// The station of the last citation, for `BRASILIA 2799 AND 2764`.
    last_station: Option<String>,
    /// The word before was AND.
    after_and: bool,
    /// The word before was a month name read as one (not `RIO DE JAN`).
    after_month: bool,
    /// Where the citations go.
    cite: F,
}

impl<'a, F: FnMut(Citation)> CitationScan<'a, F> {
    fn new(text: &'a str, cite: F) -> Self {
        CitationScan {
            text,
            toks: Tokens::new(text),
            i: 0,
            year: None,
            station: Vec::new(),
            pending_serial: None,
            last_station: None,
            after_and: false,
            after_month: false,
            cite,
        }
    }

    /// A word upper-cased (copied only when it holds lower case), with
    /// letters O for zeros read as digits.
    fn word(&self, t: Tok) -> std::borrow::Cow<'a, str> {
        let w = self.text.get(t.start..t.end).unwrap_or("");
        let w: std::borrow::Cow<'a, str> = if w.bytes().any(|b| b.is_ascii_lowercase()) {
            w.to_ascii_uppercase().into()
        } else {
            w.into()
        };
        match digits_of(&w) {
            Some(d) => d.into(),
            None => w,
        }
    }

    /// The `k`-th word of the item as [`CitationScan::word`] reads it.
    fn word_at(&mut self, k: usize) -> Option<std::borrow::Cow<'a, str>> {
        self.toks.get(k).map(|t| self.word(t))
    }

    /// Hands a citation on, remembers its station for `AND 2764`, and
    /// starts the next citation afresh.
    fn cite(&mut self, citation: Citation) {
        self.last_station = Some(citation.station.clone());
        (self.cite)(citation);
        self.forget();
    }

    /// Drops the station and year read so far.
    fn forget(&mut self) {
        self.station.clear();
        self.year = None;
    }

    /// Whether the word `t` is a day or a year of a date: `12` in `12 MAR
    /// 08`, `3` in `MEETING 3 APRIL`, `12` in `MARCH 12`, `2007` in `MARCH
    /// 2007` (`month_before`: the word before was a month).
    fn is_date_part(&mut self, t: &str, month_before: bool) -> bool {
        all_digits(t)
            && ((t.len() <= 2
                && self
                    .word_at(self.i)
                    .is_some_and(|n| super::press_date::is_month_name(&n)))
                || (month_before && (t.len() <= 2 || t.len() == 4)))
    }

    /// A day or a year of a date (see [`CitationScan::is_date_part`]): no
    /// serial and no citation's year, and it ends what was read.
    fn date_part(&mut self) {
        self.forget();
        self.pending_serial = None;
    }

    /// A separator `,` `;` `:`: it ends a citation, except a comma between
    /// a station and its serial, `PRAGUE, 1228`.
    fn separator(&mut self, t: &str) {
        let serial_next = self
            .word_at(self.i)
            .is_some_and(|n| all_digits(&n) && n.len() >= 3);
        if !(t == "," && serial_next && !self.station.is_empty()) {
            self.forget();
        }
        self.pending_serial = None;
        self.after_and = false;
    }

    /// A word of digits: the serial of the station before (`PRAGUE 1228`),
    /// a serial after AND (`BRASILIA 2799 AND 2764`), a year before a
    /// station (`08 STATE 1`) or a serial before one (`870 Ulaanbaatar`).
    fn number(&mut self, tok: Tok, t: &str) {
        if t.len() == 2 && self.labels_before_year() {
            self.station.clear();
        }
        if !self.station.is_empty() {
            self.serial_of_station(tok, t);
        } else if self.after_and {
            self.serial_after_and(tok, t);
        } else if (2..=4).contains(&t.len())
            && self.year.is_none()
            && self.pending_serial.is_none()
            && self
                .word_at(self.i)
                .is_some_and(|n| n.bytes().any(|b| b.is_ascii_alphabetic()))
        {
            // `08 STATE 1`; `870 Ulaanbaatar` when no year.
            self.year = ids::full_year(t).map(|y| (y, tok.start));
            if self.year.is_none() {
                self.pending_serial = Some((t.to_owned(), tok.start));
            }
        } else {
            self.pending_serial = Some((t.to_owned(), tok.start));
        }
    }

    /// Whether the station read so far is label letters alone before a
    /// two-digit year and a word: `A 09 STATE 1`.
    fn labels_before_year(&mut self) -> bool {
        !self.station.is_empty()
            && self.station.iter().all(|(w, _)| w.len() == 1)
            && self
                .word_at(self.i)
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_alphabetic()))
    }

    /// The serial `t` of the station before it: `PRAGUE 1228`, with the
    /// year in brackets before it, `STATE (01) 201265`, or after it,
    /// `AMMAN 07718 99`.
    fn serial_of_station(&mut self, tok: Tok, t: &str) {
        let next = self.word_at(self.i).unwrap_or_default();
        let next_is_num = all_digits(&next);
        if t.len() == 2 && next_is_num && next.len() >= 3 && self.year.is_none() {
            // `STATE (01) 201265`
            self.year = ids::full_year(t).map(|y| (y, tok.start));
            return;
        }
        let mut y = self.year.map(|(y, _)| y);
        let mut end = tok.end;
        if next.len() == 2 && next_is_num && self.year_after_serial() {
            y = ids::full_year(&next);
            end = self.toks.get(self.i).map_or(end, |n| n.end);
            self.i += 1;
        }
        let st = self.station_name();
        if st.len() > 1 {
            let start = self
                .year
                .map(|(_, at)| at)
                .into_iter()
                .chain(self.station.first().map(|(_, at)| *at))
                .min()
                .unwrap_or(tok.start);
            self.cite(Citation {
                year: y,
                station: st,
                serial: t.to_owned(),
                start,
                end,
            });
        } else {
            self.forget();
        }
        self.after_and = false;
    }

    /// Whether the two digits after a serial are its year: `AMMAN 07718
    /// 99`, `ASUNCION 701 (08)`, `PANAMA 00789/08`; not in `07 QUITO 1607
    /// 07 QUITO 290`, where they are the next citation's year, a station
    /// and serial following.
    fn year_after_serial(&mut self) -> bool {
        let i = self.i;
        let after = self.word_at(i + 1);
        let after = after.as_deref().unwrap_or(",");
        let words = (i + 1..i + 5)
            .map_while(|k| {
                self.word_at(k)
                    .filter(|w| w.bytes().all(|b| b.is_ascii_alphabetic()))
            })
            .count();
        let next_citation =
            words > 0 && self.word_at(i + 1 + words).is_some_and(|w| all_digits(&w));
        matches!(after, "," | ";" | ":")
            || self.toks.get(i + 1).is_none()
            || (after.bytes().all(|b| b.is_ascii_alphabetic()) && !next_citation)
    }

    /// The station read so far, its words joined by blanks. `B 08`, `C
    /// LIMA 123`: a letter alone is a label, not a station or a part of
    /// one, and is dropped.
    fn station_name(&mut self) -> String {
        while self.station.len() > 1 && self.station.first().is_some_and(|(w, _)| w.len() == 1) {
            self.station.remove(0);
        }
        self.station
            .iter()
            .map(|(w, _)| w.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A serial after AND, of the last citation's station: `2764` in
    /// `BRASILIA 2799 AND 2764`.
    fn serial_after_and(&mut self, tok: Tok, t: &str) {
        if let Some(st) = &self.last_station {
            (self.cite)(Citation {
                year: None,
                station: st.clone(),
                serial: t.to_owned(),
                start: tok.start,
                end: tok.end,
            });
        }
        self.after_and = false;
    }

    /// A word of letters and digits: a year glued to a station
    /// (`09DHAHRAN`, `2005PANAMA2342`), a station with zeros for letters
    /// O (`SANTIAG0`, `COTON0U`), a known station glued to its serial
    /// (`ASHGABAT687`); anything else (`TFGG01`, `UNSCR1737`) ends what
    /// was read.
    fn letters_and_digits(&mut self, tok: Tok, t: &str, digits: usize, letters: usize) {
        let lead = t.bytes().take_while(u8::is_ascii_digit).count();
        let body = t.get(lead..).unwrap_or("");
        if (lead == 2 || lead == 4) && body.bytes().all(|b| b.is_ascii_alphanumeric()) {
            self.year_glued_to_station(tok, t, lead);
            return;
        }
        if lead == 0 && t.bytes().filter(|b| *b == b'0').count() == digits && letters >= 3 {
            self.station.push((t.replace('0', "O"), tok.start));
            return;
        }
        let l = t.bytes().take_while(u8::is_ascii_alphabetic).count();
        let (name, serial) = t.split_at(l);
        if lead == 0 && serial.len() >= 2 && all_digits(serial) && crate::stations::is_known(name) {
            self.station_glued_to_serial(tok, name, serial);
            return;
        }
        self.forget();
    }

    /// A year of `lead` digits glued to a station, and perhaps its serial
    /// too: `09DHAHRAN 201`, `2005PANAMA2342`.
    fn year_glued_to_station(&mut self, tok: Tok, t: &str, lead: usize) {
        let body = t.get(lead..).unwrap_or("");
        self.year = t
            .get(..lead)
            .and_then(ids::full_year)
            .map(|y| (y, tok.start));
        let l = body.bytes().take_while(u8::is_ascii_alphabetic).count();
        self.station = vec![(body.get(..l).unwrap_or("").to_owned(), tok.start)];
        let serial = body.get(l..).unwrap_or("");
        if all_digits(serial) {
            let st = body.get(..l).unwrap_or("").to_owned();
            self.cite(Citation {
                year: self.year.map(|(y, _)| y),
                station: st,
                serial: serial.to_owned(),
                start: tok.start,
                end: tok.end,
            });
        }
    }

    /// A station the gazetteer knows glued to its serial: `ASHGABAT687`.
    fn station_glued_to_serial(&mut self, tok: Tok, name: &str, serial: &str) {
        let start = self.year.map_or(tok.start, |(_, at)| at.min(tok.start));
        self.cite(Citation {
            year: self.year.map(|(y, _)| y),
            station: name.to_owned(),
            serial: serial.to_owned(),
            start,
            end: tok.end,
        });
    }

    /// Whether `t` is a [`STOP`] word here: not `JAN` after `DE`, `RIO DE
    /// JAN 138`, a station cut short.
    fn is_stop_word(&self, t: &str) -> bool {
        let station_word = t == "JAN" && self.station.last().is_some_and(|(w, _)| w == "DE");
        is_stop(t) && !station_word
    }

    /// A stop word ends the station: `AND` in `BRASILIA 2799 AND 2764`, a
    /// month in `12 MAR 08`, `REF` in `REF A STATE 1`. `0044 and previous
    /// Sensitive ...`: a serial is not completed by a word after it.
    fn stop_word(&mut self, t: &str) {
        self.after_and = t == "AND";
        self.after_month = super::press_date::is_month_name(t);
        self.station.clear();
        self.pending_serial = None;
    }

    /// The station `t` after its serial `(serial, at)`: `870 Ulaanbaatar`.
    fn station_after_serial(&mut self, tok: Tok, t: &str, (serial, at): (String, usize)) {
        (self.cite)(Citation {
            year: self.year.map(|(y, _)| y),
            station: t.to_owned(),
            serial,
            start: self.year.map_or(at, |(_, y_at)| y_at.min(at)),
            end: tok.end,
        });
        self.year = None;
    }

    /// A word of a station's name: `SAO` and `PAULO` in `SAO PAULO 526`;
    /// only the last four words are kept.
    fn station_word(&mut self, tok: Tok, t: &str) {
        self.station.push((t.to_owned(), tok.start));
        if self.station.len() > 4 {
            self.station.remove(0);
        }
    }
}

/// A label letter standing alone, `A Montreal 365, B Ottawa 406`, `B LIMA
/// 200 C LIMA 300`: only the expected letter, at the start, after `,`/`;`
/// or after the serial of the item before, before a capital or digit.
fn bare_label_at(b: &[u8], i: usize, expected: u8) -> bool {
    let (Some(&l), Some(b' '), Some(n)) = (b.get(i), b.get(i + 1), b.get(i + 2)) else {
        return false;
    };
    if l != expected || !(n.is_ascii_uppercase() || n.is_ascii_digit()) {
        return false;
    }
    let before = (1..=4)
        .filter_map(|k| i.checked_sub(k).and_then(|j| b.get(j)))
        .find(|p| !p.is_ascii_whitespace());
    i == 0 || matches!(before, Some(b',' | b';')) || before.is_some_and(u8::is_ascii_digit)
}

/// Whether byte `i` of `b` starts a word: at the start, or after a blank,
/// `;`, `,` or `¶` (bytes C2 B6).
fn at_boundary(b: &[u8], i: usize) -> bool {
    i == 0
        || b.get(i - 1)
            .is_some_and(|p| p.is_ascii_whitespace() || matches!(p, b';' | b','))
        || (i >= 2 && b.get(i - 2..i) == Some(&[0xC2, 0xB6][..]))
}

/// Splits the text of a REF block into labelled items: the label and the
/// item's text, a slice of `text` (labels are ASCII, so the scan walks
/// bytes and never copies the block).
fn items<'t>(text: &'t str) -> Vec<(Option<char>, &'t str)> {
    let mut out: Vec<(Option<char>, &'t str)> = Vec::new();
    let mut label: Option<u8> = None;
    let mut expected = b'A';
    let b = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    let mut next_number = b'1';
    let mut number_shape: Option<u8> = None;
    while b.get(i).is_some() {
        let boundary = at_boundary(b, i);
        let numbered = boundary
            .then(|| numbered_label_at(b, i, next_number, number_shape))
            .flatten();
        if let Some((shape, len)) = numbered {
            // `(1) 2005 RIO DE JANEIRO 1143, (2) ...`: numbered items, in
            // order (so `9 FAM Appendix K, 406 (6)` keeps its `(6)`).
            next_number += 1;
            number_shape = Some(shape);
            push_item(&mut out, text, label, start, i);
            label = None;
            i += len;
            start = i;
            continue;
        }
        let found = if !boundary {
            None
        } else if bare_label_at(b, i, expected) {
            // `A Montreal 365, B Ottawa 406`
            Some((expected, 1))
        } else {
            letter_label_at(b, i, expected, label)
        };
        let Some((u, len)) = found else {
            i += 1;
            continue;
        };
        push_item(&mut out, text, label, start, i);
        if Some(u) != label {
            expected = if u < b'Z' { u + 1 } else { b'Z' };
        }
        label = Some(u);
        i += len;
        i += repeated_label(text.get(i..).unwrap_or(""), u);
        start = i;
    }
    push_item(&mut out, text, label, start, b.len());
    out
}

/// Adds the item of `text` from `from` to `to` with its label to `out`,
/// unless it is blank and unlabelled.
fn push_item<'t>(
    out: &mut Vec<(Option<char>, &'t str)>,
    text: &'t str,
    label: Option<u8>,
    from: usize,
    to: usize,
) {
    let item = text.get(from..to).unwrap_or("");
    if !item.trim_blanks().is_empty() || label.is_some() {
        out.push((label.map(char::from), item));
    }
}

/// The number label expected next (`next`, one digit) at byte `i` of `b`:
/// its shape (the byte after the digit) and its length. `(1)`, `(2)` at
/// any word's start; `1.`, `1)` before a blank only where an item starts:
/// at the start of the block or of a line, or after a label of the same
/// shape (`1. LIMA 123 2. LIMA 456`), so that a serial ending a sentence
/// (`STATE 1. B. ...`) stays a serial. (`1. LIMA 123` was read as serial
/// 1 of Lima, the serial before its station as in `870 Ulaanbaatar`.)
fn numbered_label_at(b: &[u8], i: usize, next: u8, shape: Option<u8>) -> Option<(u8, usize)> {
    if next > b'9' {
        return None;
    }
    if b.get(i) == Some(&b'(') && b.get(i + 1) == Some(&next) && b.get(i + 2) == Some(&b')') {
        return Some((b'(', 3));
    }
    let mark = *b.get(i + 1)?;
    let ok = b.get(i) == Some(&next)
        && matches!(mark, b'.' | b')')
        && b.get(i + 2)
            .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
        && (shape == Some(mark) || starts_line(b, i));
    ok.then_some((mark, 2))
}

/// Whether only blanks stand before byte `i` on its line of `b`.
fn starts_line(b: &[u8], i: usize) -> bool {
    b.get(..i)
        .unwrap_or(&[])
        .iter()
        .rev()
        .take_while(|&&c| c != b'\n')
        .all(|&c| matches!(c, b' ' | b'\t' | b'\r'))
}

/// A letter label at byte `i` of `b` (a word's start): `(A)`, `A.`, `A)`,
/// `A:`, `A.)`; the letter upper-cased and the label's length. Only the
/// `expected` letter or the current `label` again, and not `U.S.`.
fn letter_label_at(b: &[u8], i: usize, expected: u8, label: Option<u8>) -> Option<(u8, usize)> {
    let (l, len) = match (b.get(i), b.get(i + 1), b.get(i + 2)) {
        (Some(b'('), Some(l), Some(b')')) => (*l, 3),
        (Some(l), Some(b'.' | b')' | b':'), _) => {
            (*l, if b.get(i + 2) == Some(&b')') { 3 } else { 2 })
        }
        _ => return None,
    };
    let u = l.to_ascii_uppercase();
    let after_ok = b.get(i + len).is_none_or(|n| {
        n.is_ascii_whitespace()
            || n.is_ascii_alphanumeric() && b.get(i + 1) == Some(&b')')
            // `(A)STATE 071143`
            || n.is_ascii_alphanumeric() && b.get(i) == Some(&b'(')
            // `D.01 BRASILIA 3714`
            || n.is_ascii_digit() && u == expected
            || *n == b'('
    });
    let dotted = b.get(i + 1) == Some(&b'.') && b.get(i + 3) == Some(&b'.'); // `U.S.`
    (l.is_ascii_alphabetic() && after_ok && !dotted && (u == expected || Some(u) == label))
        .then_some((u, len))
}

/// The length of the label `u` repeated at the start of `rest` (blanks
/// before it included), 0 if none: `A. (A) PARIS`, `A. A) SECSTATE`, `A.
/// REF A STATE`, `¶B. B HAVANA 772`.
fn repeated_label(rest: &str, u: u8) -> usize {
    let rest_t = rest.trim_start_blanks();
    let skip_ws = rest.len() - rest_t.len();
    let r = rest_t.as_bytes();
    let repeat = if r.first() == Some(&b'(') && r.get(1) == Some(&u) && r.get(2) == Some(&b')') {
        3
    } else if r.first() == Some(&u) && matches!(r.get(1), Some(b')' | b':' | b'.')) {
        2
    } else if rest_t.starts_with("REF ") && r.get(4) == Some(&u) && r.get(5) == Some(&b' ') {
        5
    } else if r.first() == Some(&u) && r.get(1) == Some(&b' ') && rest_t.len() > 2 {
        // `B HAVANA 772` after `¶B.`
        2
    } else {
        0
    };
    if repeat > 0 { skip_ws + repeat } else { 0 }
}

/// `A. (A) PARIS DAILY REPORT FOR FEBRUARY 17 ¶B. 2006 ¶C. (B) PARIS ...`:
/// a rendering (the cablegate pages) that put a label of its own (`A.`,
/// `¶B.`, ...) before every line of a block whose items carry their own
/// `(A)`, `(B)`: the rendering's labels are removed, so a line without an
/// item label of its own (`¶B. 2006`) continues the item before it. Only
/// when the rendering's labels run in order and an item label differs
/// from the rendering's label before it. None otherwise.
fn relabelled(text: &str) -> Option<String> {
    static OUTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|\s)¶?([A-Z])\.\s+(\(([A-Z])\)\s)?").expect("valid regex")
    });
    if !text.contains(". (") {
        return None;
    }
    let found: Vec<_> = OUTER.captures_iter(text).collect();
    let outer: Vec<u8> = found
        .iter()
        .filter_map(|c| c.get(1).and_then(|m| m.as_str().bytes().next()))
        .collect();
    let in_order = outer.len() >= 3 && outer.iter().zip(b'A'..).all(|(l, e)| *l == e);
    let shifted = found.iter().any(|c| match (c.get(1), c.get(3)) {
        (Some(o), Some(i)) => o.as_str() != i.as_str(),
        _ => false,
    });
    let inner = found.iter().filter(|c| c.get(3).is_some()).count();
    if !(in_order && shifted && inner >= 2) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for c in &found {
        let (Some(whole), Some(o)) = (c.get(0), c.get(1)) else {
            continue;
        };
        out.push_str(text.get(last..o.start()).unwrap_or(""));
        // The rendering's label goes; the item's own label stays.
        out.push(' ');
        if let Some(item) = c.get(2) {
            out.push_str(item.as_str());
        }
        last = whole.end();
    }
    out.push_str(text.get(last..).unwrap_or(""));
    Some(out.replace('¶', ""))
}

/// Result of reading a REF block.
#[derive(Debug, Default)]
pub(crate) struct RefNotes {
    /// Some cited cable took the citing cable's year.
    pub(crate) inherited: bool,
    /// Items that were neither a cable nor a known document kind.
    pub(crate) unreadable: Vec<String>,
}

/// The serial of an item that holds a serial alone, perhaps with words
/// that end a citation after it (`456`, `2962 AND PREVIOUS`, `0456
/// (NOTAL)`): two to six digits.
fn serial_alone(item: &str) -> Option<&str> {
    let mut words = item.split_whitespace();
    let serial = words.next()?;
    let rest_ends = words.all(|w| {
        let w = w.trim_matches(|c: char| matches!(c, '(' | ')' | '.' | ',' | ';'));
        w.is_empty() || is_stop(&w.to_ascii_uppercase())
    });
    ((2..=6).contains(&serial.len()) && serial.bytes().all(|b| b.is_ascii_digit()) && rest_ends)
        .then_some(serial)
}

/// An item's text with runs of white space made one blank and the
/// separators around it trimmed: `  B. STATE\n  1234 ;` -> `STATE 1234`.
/// Borrowed when the item is clean already (a REF block's wrapped lines
/// are joined with single blanks).
fn clean(item: &str) -> std::borrow::Cow<'_, str> {
    let trim = |t: &str| -> usize {
        t.len()
            - t.trim_matches(|c: char| c == ';' || c == ',' || c == '¶' || c.is_whitespace())
                .len()
    };
    let t = item.trim_matches(|c: char| c == ';' || c == ',' || c == '¶' || c.is_whitespace());
    let b = t.as_bytes();
    let single_blanks = !b
        .windows(2)
        .any(|w| w[0].is_ascii_whitespace() && w[1].is_ascii_whitespace())
        && !b.iter().any(|c| c.is_ascii_whitespace() && *c != b' ')
        && t.is_ascii();
    if single_blanks {
        return t.into();
    }
    let mut out = String::with_capacity(t.len());
    for w in t.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    let cut = trim(&out);
    if cut > 0 {
        out = out
            .trim_matches(|c: char| c == ';' || c == ',' || c == '¶' || c.is_whitespace())
            .to_owned();
    }
    out.into()
}

/// Reads the joined text of a REF block. `year` is the citing cable's year.
pub(crate) fn references(
    text: &str,
    year: Option<u16>,
    stations: &mut crate::stations::Resolver,
    notes: &mut RefNotes,
) -> Vec<Reference> {
    // Room for every reference at once: a block of a million references
    // would otherwise end its growth with twice the room it needs. The
    // serials (runs of three digits or more) bound the cable citations.
    let serials = text
        .as_bytes()
        .split(|b| !b.is_ascii_digit())
        .filter(|run| run.len() >= 3)
        .count();
    if cites_nothing(text) {
        return Vec::new();
    }
    let text = match super::labels::without_repeated(text, super::labels::Label::Ref) {
        // `REF: REF:` with nothing after it cites nothing new.
        "" => text,
        rest => rest,
    };
    let mut block = RefBlock {
        year,
        stations,
        notes,
        out: Vec::with_capacity(serials.min(text.len() / 4) + 8),
        previous: None,
    };
    let text = PAGE_DEBRIS.replace_all(text, " ");
    let text = match relabelled(&text) {
        Some(t) => std::borrow::Cow::Owned(t),
        None => text,
    };
    for (label, item) in block_items(&text) {
        block.item(label, item);
    }
    let mut out = block.out;
    out.shrink_to_fit();
    out
}

/// `REF: NONE`, `REF: N/A`: the cable cites nothing.
fn cites_nothing(text: &str) -> bool {
    let bare = text.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ';' | ','));
    ["NONE", "N/A", "NA", "NIL", "NOT APPLICABLE"]
        .iter()
        .any(|w| bare.eq_ignore_ascii_case(w))
}

/// The labelled items of a block ([`items`]); a block without labels is
/// split at `;`: `08 STATE 1234; E-Mail Tralala; 05 STATE 1234`.
fn block_items(text: &str) -> Vec<(Option<char>, &str)> {
    let mut list = items(text);
    if list.len() == 1 && list.first().is_some_and(|(l, _)| l.is_none()) {
        list = list
            .into_iter()
            .flat_map(|(_, item)| item.split(';').map(|p| (None, p)))
            .collect();
    }
    list
}

/// What [`references`] knows while it reads the items of a block.
struct RefBlock<'r> {
    /// The citing cable's year.
    year: Option<u16>,
    stations: &'r mut crate::stations::Resolver,
    notes: &'r mut RefNotes,
    /// The references read so far.
    out: Vec<Reference>,
    /// The year (as written) and station of the last citation.
    previous: Option<(Option<u16>, String)>,
}

impl RefBlock<'_> {
    /// One item of the block: a document of a kind [`kind_of`] knows, or
    /// cables (`STATE 12345 DTG 121212Z DEC 09`: a cable of the DTG's
    /// year).
    fn item(&mut self, label: Option<char>, item: &str) {
        let clean = clean(item);
        if clean.is_empty() {
            return;
        }
        let mut dtg_year_of_item = None;
        let kind = match kind_of(&clean) {
            ReferenceKind::Other if cites_before_dtg(&clean) => {
                dtg_year_of_item = dtg_year(&clean);
                ReferenceKind::Cable
            }
            k => k,
        };
        if kind != ReferenceKind::Cable {
            self.out.push(Reference {
                label,
                kind,
                id: None,
                text: clean.into_owned(),
            });
            return;
        }
        self.cables(label, clean, dtg_year_of_item);
    }

    /// An item that cites cables: `LIMA 123`, `BRASILIA 2799 AND 2764`, a
    /// serial alone after a citation (`A. LIMA 123 B. 456`), or none it can
    /// read (kept as an unreadable item). One citation: the item is its
    /// text. Several: each keeps the words that cite it (`BRASILIA 2799`,
    /// `2764`), so an item of a million citations is not copied a million
    /// times.
    fn cables(&mut self, label: Option<char>, clean: std::borrow::Cow<'_, str>, dtg: Option<u16>) {
        let first = self.out.len();
        let mut cited = 0usize;
        // `A. LIMA 123 B. 456`: an item of a serial alone cites the
        // station (and the year, as written) of the citation before it.
        let alone = match (serial_alone(&clean), &self.previous) {
            (Some(serial), Some((y, st))) => Some(Citation {
                year: *y,
                station: st.clone(),
                serial: serial.to_owned(),
                start: 0,
                end: serial.len(),
            }),
            _ => None,
        };
        let mut cite = |c: Citation| {
            cited += 1;
            self.cable(label, &clean, dtg, c);
        };
        match alone {
            Some(c) => cite(c),
            None => citations(&clean, &mut cite),
        }
        match cited {
            0 => {
                self.notes.unreadable.push(clean.to_string());
                self.out.push(Reference {
                    label,
                    kind: ReferenceKind::Other,
                    id: None,
                    text: clean.into_owned(),
                });
            }
            1 => {
                if let Some(r) = self.out.get_mut(first) {
                    r.text = clean.into_owned();
                }
            }
            _ => {}
        }
    }

    /// The reference of citation `c` of the item `clean`: its year as
    /// written, else the item's DTG's (`dtg`), else the citing cable's
    /// (inherited).
    fn cable(&mut self, label: Option<char>, clean: &str, dtg: Option<u16>, c: Citation) {
        self.previous = Some((c.year, c.station.clone()));
        let y = c.year.or(dtg).or_else(|| {
            self.notes.inherited = true;
            self.year
        });
        let id = y.and_then(|y| ids::make_id(self.stations, y, &c.station, &c.serial));
        self.out.push(Reference {
            label,
            kind: ReferenceKind::Cable,
            id,
            text: clean.get(c.start..c.end).unwrap_or("").to_owned(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str, year: u16) -> Vec<String> {
        references(
            text,
            Some(year),
            &mut Default::default(),
            &mut RefNotes::default(),
        )
        .into_iter()
        .filter_map(|r| r.id.map(|i| i.to_string()))
        .collect()
    }

    /// 06PARIS1031's rendering: a label of the page's own before every
    /// line of a block whose items carry `(A)`, `(B)`; a line without one
    /// continues the item before it.
    #[test]
    fn regression_relabelled_block_lines() {
        let mut st = crate::stations::Resolver::default();
        let mut notes = RefNotes::default();
        let refs = references(
            "A. (A) QUITO DAILY REPORT FOR FEBRUARY 17 ¶B. 2006 ¶C. (B) QUITO DAILY REPORT \
             FOR FEBRUARY 10 ¶D. (C) QUITO DAILY REPORT FOR DECEMBER 19 ¶E. 2005",
            Some(2006),
            &mut st,
            &mut notes,
        );
        let got: Vec<(Option<char>, &str)> =
            refs.iter().map(|r| (r.label, r.text.as_str())).collect();
        assert_eq!(
            got,
            [
                (Some('A'), "QUITO DAILY REPORT FOR FEBRUARY 17 2006"),
                (Some('B'), "QUITO DAILY REPORT FOR FEBRUARY 10"),
                (Some('C'), "QUITO DAILY REPORT FOR DECEMBER 19 2005"),
            ]
        );
        // A block whose labels agree with the items' is left as it is.
        assert_eq!(
            relabelled("A. (A) STATE 1 B. (B) STATE 2 C. (C) STATE 3"),
            None
        );
    }

    /// `REF: NONE` cites nothing; `REF: REF (A) ...` (the 2005 Madrid
    /// cablegate page's label written twice) is no reference `REF`.
    /// A cable cited with its DTG is a cable of the DTG's year; a military
    /// message cited by its DTG is none.
    #[test]
    fn citation_with_its_dtg() {
        assert_eq!(
            ids("STATE 12345 DTG 121212Z DEC 09", 2010),
            ["09STATE12345"]
        );
        assert_eq!(ids("A. ROME 402 (DTG 020900Z MAR 10)", 2010), ["10ROME402"]);
        assert!(ids("CJTF-HOA MSG DTG 051200Z MAR 10", 2010).is_empty());
        assert!(ids("USCENTCOM MSG 051200Z MAR 10", 2010).is_empty());
    }

    #[test]
    fn regression_none_and_repeated_label() {
        let all = |text: &str| {
            references(
                text,
                Some(2005),
                &mut Default::default(),
                &mut RefNotes::default(),
            )
            .into_iter()
            .map(|r| r.text)
            .collect::<Vec<_>>()
        };
        assert!(all("NONE ").is_empty());
        assert!(all("N/A.").is_empty());
        assert_eq!(
            all("REF (A) LIMA 3785 (B) LIMA 3566"),
            ["LIMA 3785", "LIMA 3566"]
        );
        assert_eq!(all("REFTEL: LIMA 3785"), ["LIMA 3785"]);
        assert_eq!(all("NONE OF THE ABOVE"), ["NONE OF THE ABOVE"]);
    }

    /// 09STATE63812's `A. ASHGABAT687`: a known station glued to its
    /// serial is a cable; letters that name no station are not.
    #[test]
    fn regression_station_glued_to_serial() {
        assert_eq!(
            ids("A. QUITO687 B. 08 QUITO733", 2009),
            ["09QUITO687", "08QUITO733"]
        );
        assert!(ids("TFGG01", 2009).is_empty());
        assert!(ids("FOOBAR1234", 2009).is_empty());
    }

    #[test]
    fn refs() {
        assert_eq!(
            ids("A. STATE 4690 B. 08 STATE 129729 C. STATE 11102", 2009),
            ["09STATE4690", "08STATE129729", "09STATE11102"]
        );
        // Items numbered `1.`, `1)` as well as `(1)`: the number is a
        // label, not a serial before its station (`870 Ulaanbaatar`).
        for text in [
            "1. LIMA 123 2. 08 LIMA 456",
            "1) LIMA 123 2) 08 LIMA 456",
            "(1) LIMA 123 (2) 08 LIMA 456",
            "1. LIMA 123\n     2. 08 LIMA 456",
        ] {
            assert_eq!(ids(text, 2009), ["09LIMA123", "08LIMA456"], "{text}");
        }
        // A number ending an item is its serial.
        assert_eq!(ids("A. LIMA 1. B. LIMA 2", 2009), ["09LIMA1", "09LIMA2"]);
        // An item of a serial alone cites the station and year of the
        // citation before it; words ending a citation may follow it.
        assert_eq!(
            ids(
                "A. 08 QUITO 123 B. 0456 (NOTAL) C. LIMA 7 D. 89 AND PREVIOUS",
                2009
            ),
            ["08QUITO123", "08QUITO456", "09LIMA7", "09LIMA89"]
        );
        assert!(ids("A. 45 B. MEETING 3 APRIL", 2009).is_empty());
        // A day or year of a date is no serial (`DTD`: dated).
        assert_eq!(
            ids(
                "A. QUITO 123 DTD 12 MAR 08 B. ROE LETTER 12 MARCH 2007 C. QUITO 45",
                2009
            ),
            ["09QUITO123", "09QUITO45"]
        );
        // A date written out after a citation is no citation.
        assert_eq!(
            ids("A. QUITO 123 DATED MARCH 3, 2008 B. QUITO 45", 2009),
            ["09QUITO123", "09QUITO45"]
        );
        assert_eq!(
            ids(
                "(A) 05 SAO PAULO 405; (B) 05 SAO PAULO 402 (C) 02 BRASILIA 2670",
                2006
            ),
            ["05SAOPAULO405", "05SAOPAULO402", "02BRASILIA2670"]
        );
        assert_eq!(
            ids("SECSTATE 113408 AND SECSTATE 113635", 2005),
            ["05STATE113408", "05STATE113635"]
        );
        assert_eq!(
            ids("AMMAN 07718 99, AMMAN 05986 00", 2002),
            ["99AMMAN7718", "00AMMAN5986"]
        );
        assert_eq!(
            ids("A. BRASILIA 2799 AND 2764 B. PORT AU PRINCE 2325", 2004),
            ["04BRASILIA2799", "04BRASILIA2764", "04PORTAUPRINCE2325"]
        );
        assert_eq!(
            ids("(A)STATE 071143, (B)STATE 073601", 2007),
            ["07STATE71143", "07STATE73601"]
        );
        assert_eq!(
            ids("A Montreal 365, B Ottawa 406, C 05 Ottawa 2970", 2006),
            ["06MONTREAL365", "06OTTAWA406", "05OTTAWA2970"]
        );
        assert_eq!(
            ids(
                "(1) 2005 RIO DE JANEIRO 1143, (2) 2005 BRASILIA 03242",
                2006
            ),
            ["05RIODEJANEIRO1143", "05BRASILIA3242"]
        );
        assert_eq!(
            ids("QUITO 5; 07 QUITO 1607 07 QUITO 290", 2010),
            ["10QUITO5", "07QUITO1607", "07QUITO290"]
        );
        assert_eq!(
            ids("PRAGUE 849, PRAGUE, 1228", 2008),
            ["08PRAGUE849", "08PRAGUE1228"]
        );
        assert_eq!(
            ids("A. ROME 1 SAO PAULO 00000161 001.3 OF 005 B. ROME 2", 2007),
            ["07ROME1", "07ROME2"]
        );
        assert_eq!(ids("A) 08 RIO DE JAN 138", 2008), ["08RIODEJANEIRO138"]);
        assert_eq!(ids("KUWAIT (C)02293", 2003), ["03KUWAIT2293"]);
        // A label run into the station is a label.
        assert_eq!(
            ids("A. LIMA 100 B LIMA 200 C LIMA 300", 2009),
            ["09LIMA100", "09LIMA200", "09LIMA300"]
        );
        // Apostrophe and letter-O years, a letter O in a serial.
        assert_eq!(ids("LIMA 123 '07", 2009), ["07LIMA123"]);
        assert_eq!(ids("O7 QUITO 45", 2009), ["07QUITO45"]);
        assert_eq!(ids("QUITO O45 O8", 2009), ["08QUITO45"]);
        // A label that was not read as one before its year.
        assert_eq!(
            ids("Z. 09 STATE 26 A. 09 STATE 27", 2010),
            ["09STATE26", "09STATE27"]
        );
        assert!(incomplete_tail("(A) RIO 190 (B) Rio de Janeiro"));
        assert!(!incomplete_tail("(A) RIO 190 (B) Rio 723"));
        assert!(continues_numbers("1. LIMA 123", "  2. LIMA 456"));
        assert!(continues_numbers("1) LIMA 123 2) LIMA 456", "3) STATE 789"));
        assert!(!continues_numbers("1. LIMA 123", "2. (C) The minister met"));
        assert!(!continues_numbers("1. LIMA 123", "3. LIMA 456"));
        assert!(!continues_numbers("1. LIMA 123", "2) LIMA 456"));
        assert!(!continues_numbers("LIMA 123", "2. The talks went on."));
        assert!(continues_labels("(A) X 1; (B) X 2;", "(C) X 3"));
        assert!(!continues_labels("(A) X 1;", "(C) X 3"));
        let r = references(
            "A. SMITH-DURHAM E MAIL OF 10-08-08 B. 2009 MTCR POC DOC 008",
            Some(2008),
            &mut Default::default(),
            &mut RefNotes::default(),
        );
        assert_eq!(r[0].kind, ReferenceKind::Email);
        assert_eq!(r[1].kind, ReferenceKind::Document);
        assert_eq!(r[1].label, Some('B'));
    }

    /// Only cable citations become cable ids: report numbers, airgrams,
    /// talking points and resolutions are documents.
    #[test]
    fn non_cable_references() {
        let r = references(
            "A. IIR 6 876 0123 09 B. A-45 C. UNSCR 1737 D. TALKING POINTS OF MAY 5 E. LIMA 12",
            Some(2009),
            &mut Default::default(),
            &mut RefNotes::default(),
        );
        let kinds: Vec<_> = r.iter().map(|r| (r.kind, r.id.is_some())).collect();
        assert_eq!(
            kinds,
            [
                (ReferenceKind::Document, false),
                (ReferenceKind::Document, false),
                (ReferenceKind::Document, false),
                (ReferenceKind::Document, false),
                (ReferenceKind::Cable, true),
            ]
        );
    }

    /// Several citations in one item each keep their own words, not a
    /// copy of the whole item.
    #[test]
    fn citation_texts() {
        let r = references(
            "A. BRASILIA 2799 AND 2764, 08 LIMA 5",
            Some(2009),
            &mut Default::default(),
            &mut RefNotes::default(),
        );
        let texts: Vec<_> = r.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["BRASILIA 2799", "2764", "08 LIMA 5"]);
    }
}
