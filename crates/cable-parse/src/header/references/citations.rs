//! The cable citations of a REF item, read word by word: a station, its
//! serial, and the year when it is written before or after them:
//!
//! ```text
//! 08 STATE 129729            -> 2008, STATE, 129729
//! BRASILIA 2799 AND 2764     -> BRASILIA, 2799; BRASILIA, 2764
//! AMMAN 07718 99             -> 1999, AMMAN, 07718
//! 870 Ulaanbaatar            -> ULAANBAATAR, 870
//! 09DHAHRAN 201              -> 2009, DHAHRAN, 201
//! ```

use crate::header::press_date;
use crate::ids;
use regex::Regex;
use std::sync::LazyLock;

/// A portion marking inside a citation: `KUWAIT (C)02293`.
static INNER_MARKING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\((?:U|C|S|SBU|LOU|TS)\)").expect("valid regex"));

/// Words that end a station name in a citation (conjunctions, cross-
/// reference words, handling words, paragraph words; and month names of
/// dates, from [`press_date::is_month_name`]):
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
pub(super) fn is_stop(w: &str) -> bool {
    (2..=10).contains(&w.len()) && (STOP.contains(&w) || press_date::is_month_name(w))
}

/// One cable citation: year as written, station as written, serial, and
/// where it is written in the item (bytes).
#[derive(Debug)]
pub(super) struct Citation {
    pub(super) year: Option<u16>,
    pub(super) station: String,
    pub(super) serial: String,
    pub(super) start: usize,
    pub(super) end: usize,
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
pub(super) fn citations(item: &str, cite: impl FnMut(Citation)) {
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
                    .is_some_and(|n| press_date::is_month_name(&n)))
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
        self.after_month = press_date::is_month_name(t);
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
