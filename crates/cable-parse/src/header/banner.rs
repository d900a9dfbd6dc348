//! The classification banner (`C O N F I D E N T I A L STATE 017183`,
//! `UNCLAS SECTION 01 OF 01 TEHRAN 1164`, `SECRET//NOFORN`), portion
//! markings (`(C)`, `(S/NF)`, `(C/REL MTCR)`) and caveat words.

use crate::blanks::Blanks;

use super::segments::Seg;
use super::{Header, Open, Step};
use cable_model::{Caveat, Code, Level, Marking, SectionOf};

/// A banner read from one line.
#[derive(Debug)]
pub(crate) struct Banner {
    pub(crate) marking: Marking,
    pub(crate) section: Option<SectionOf>,
    /// Station and serial as written: `STATE`, `017183`.
    pub(crate) station_serial: Option<(String, String)>,
    /// The letters were doubled (`SS E C R E T`) or the level word
    /// misspelt (`UUNCLAS`), and repaired.
    pub(crate) repaired: bool,
}

/// Level words at the start of a banner, longest first.
const LEVELS: &[(&str, Level)] = &[
    ("SENSITIVE BUT UNCLASSIFIED", Level::Unclassified),
    ("LIMITED OFFICIAL USE", Level::LimitedOfficialUse),
    ("UNCLASSIFIED", Level::Unclassified),
    ("CONFIDENTIAL", Level::Confidential),
    ("TOP SECRET", Level::TopSecret),
    ("UNCLAS", Level::Unclassified),
    ("SECRET", Level::Secret),
    ("SBU", Level::Unclassified),
];

/// Reads a banner line; `None` when the line is not one.
pub(crate) fn banner(line: &str) -> Option<Banner> {
    let Some((level_text, rest, repaired)) = level_prefix(line) else {
        return misspelt_level_banner(line);
    };
    let level = LEVELS
        .iter()
        .find(|(w, _)| *w == level_text)
        .map(|(_, l)| *l)?;
    let mut caveats = Vec::new();
    if level_text == "SBU" || level_text == "SENSITIVE BUT UNCLASSIFIED" {
        caveats.push(Caveat::Sbu);
    }
    let mut rest = rest.trim_start_blanks();
    // `SECRET//NOFORN`, `CONFIDENTIAL//REL TO USA, GBR`
    while let Some(r) = rest.strip_prefix("//").or_else(|| rest.strip_prefix('/')) {
        let end = r
            .find(|c: char| c == '/' || c.is_whitespace())
            .unwrap_or(r.len());
        let (word, after) = r.split_at(end);
        if let Some(c) = caveat_word(word) {
            push_unique(&mut caveats, c);
        }
        rest = after.trim_start_blanks();
    }
    let mut section = None;
    let mut station_serial = None;
    loop {
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = rest.get(..word_end).unwrap_or("");
        if word.is_empty() {
            break;
        }
        if let Some(c) = caveat_word(word) {
            push_unique(&mut caveats, c);
            rest = rest.get(word_end..).unwrap_or("").trim_start_blanks();
            continue;
        }
        if let Some((s, used)) = section_marker(rest) {
            section = Some(s);
            rest = rest.get(used..).unwrap_or("").trim_start_blanks();
            continue;
        }
        // `SENSITIVE SECTION 01 OF 02 QUITO`: words no caveat list knows
        // before a section marker are a caveat, not a station.
        if section.is_none() {
            if let Some(at) = marker_after_words(rest) {
                let words = rest.get(..at).unwrap_or("").trim_blanks();
                push_unique(&mut caveats, Caveat::Other(words.to_owned()));
                rest = rest.get(at..).unwrap_or("");
                continue;
            }
        }
        if station_serial.is_none() {
            if let Some((st, serial, used)) = station_and_serial(rest) {
                // `FOR OFFICIAL USE ONLY QUITO 001234`: words before a
                // known station's name are a caveat.
                let (head, st) = known_station_tail(&st);
                if let Some(head) = head {
                    push_unique(&mut caveats, caveat_phrase(head));
                }
                station_serial = Some((st, serial));
                rest = rest.get(used..).unwrap_or("").trim_start_blanks();
                continue;
            }
        }
        break;
    }
    // Anything left must be short caveat-like text (`E F T O`, `SIPDIS`), not prose.
    if rest.chars().any(char::is_lowercase) && station_serial.is_none() {
        return None;
    }
    Some(Banner {
        marking: Marking {
            level: Some(level),
            caveats,
            raw: line.trim_blanks().to_owned(),
        },
        section,
        station_serial,
        repaired,
    })
}

/// A banner whose level word of six letters or more is one edit from one
/// (`UUNCLAS MANAGUA 001002`, a doubled letter; `CONFIDENTAIL`, `SECERT`):
/// only a whole banner, with a station and serial, since a word near
/// `SECRET` alone (`SECRETS`) may be any capitals.
fn misspelt_level_banner(line: &str) -> Option<Banner> {
    let t = line.trim_blanks();
    if !t.starts_with(['U', 'C', 'S']) {
        return None;
    }
    let end = t
        .bytes()
        .take(14)
        .position(|b| b == b' ' || b == b'/')
        .unwrap_or(t.len());
    let word = t.get(..end)?;
    if !(6..=13).contains(&word.len()) || !word.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let level = LEVELS
        .iter()
        .map(|(w, _)| *w)
        .filter(|w| w.len() >= 6 && !w.contains(' '))
        .find(|w| crate::stations::within_edits(word, w, 1))?;
    let mut b = banner(&format!("{level}{}", t.get(end..)?))?;
    b.station_serial.as_ref()?;
    b.marking.raw = t.to_owned();
    b.repaired = true;
    Some(b)
}

/// `SECTION 01 OF 04` and its damaged forms, in any case: the word within
/// two edits of `SECTION` (`SECTON`, `SECTIN`, `section`), a number, `OF`
/// (`of`, `0F`, a lone `F`, glued to the numbers: `02OF03`), a number.
/// Returns the section and the bytes used (with the blanks after them).
fn section_marker(t: &str) -> Option<(SectionOf, usize)> {
    let b = t.as_bytes();
    let w = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if !(5..=9).contains(&w) {
        return None;
    }
    let word = t.get(..w)?.to_ascii_uppercase();
    if !crate::stations::within_edits(&word, "SECTION", 2) {
        return None;
    }
    let mut i = w;
    let blanks = |i: &mut usize| {
        while b.get(*i).is_some_and(|c| *c == b' ' || *c == b'\t') {
            *i += 1;
        }
    };
    let number = |i: &mut usize| -> Option<u16> {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) && *i - start < 3 {
            *i += 1;
        }
        t.get(start..*i)?.parse().ok()
    };
    blanks(&mut i);
    let n = number(&mut i)?;
    blanks(&mut i);
    // `OF`, `0F`, `F`, `O F`.
    let mut of = 0;
    while of < 3 {
        match b.get(i).map(u8::to_ascii_uppercase) {
            Some(b'O' | b'0') if of == 0 => {
                i += 1;
                blanks(&mut i);
            }
            Some(b'F') => {
                i += 1;
                of = 3;
                break;
            }
            _ => break,
        }
        of += 1;
    }
    if of != 3 {
        return None;
    }
    blanks(&mut i);
    let total = number(&mut i)?;
    if b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    blanks(&mut i);
    Some((SectionOf { number: n, total }, i))
}

/// Where a section marker starts after one to three words of letters at
/// the start of `t` (`SENSITIVE SECTION 01 OF 02`); `None` when `t` starts
/// with one or holds none there.
fn marker_after_words(t: &str) -> Option<usize> {
    let mut at = 0;
    for _ in 0..3 {
        let word = t.get(at..)?.split(char::is_whitespace).next()?;
        if word.is_empty() || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        at += word.len();
        at += t.get(at..)?.len() - t.get(at..)?.trim_start_blanks().len();
        if section_marker(t.get(at..)?).is_some() {
            return Some(at);
        }
    }
    None
}

/// A station as the banner writes it, split into the words before the
/// longest tail of whole words that names a known station, when the whole
/// names none and those words are of two letters or more (`FOR OFFICIAL
/// USE ONLY QUITO` -> `FOR OFFICIAL USE ONLY`, `QUITO`). Single letters
/// (`E F T O QUITO`) and typos are left to the station matcher.
fn known_station_tail(st: &str) -> (Option<&str>, String) {
    let known = |s: &str| crate::stations::is_known(&crate::stations::letters(s));
    if known(st) {
        return (None, st.to_owned());
    }
    let words: Vec<(usize, &str)> = st
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    for (k, (start, _)) in words.iter().enumerate().skip(1) {
        let tail = st.get(*start..).unwrap_or("");
        let head_words = words.get(..k).unwrap_or(&[]);
        if known(tail)
            && head_words
                .iter()
                .all(|(_, w)| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_alphabetic()))
        {
            let head = st.get(..*start).unwrap_or("").trim_blanks();
            return (Some(head), tail.to_owned());
        }
    }
    (None, st.to_owned())
}

/// The caveat a phrase before the station writes: a known one (`FOR
/// OFFICIAL USE ONLY`, `NOFORN`), else the phrase as written.
fn caveat_phrase(p: &str) -> Caveat {
    match caveat_line(p).as_deref() {
        Some([c]) => c.clone(),
        _ => Caveat::Other(p.to_owned()),
    }
}

/// `STATE 017183`, `RIO DE JANEIRO 00190`, `N'DJAMENA 511`, `lima 000123`
/// at the start of `t`: up to 31 characters of letters, blanks and `.'-`
/// starting with a letter, a blank, 1-7 digits, then a blank or the end.
/// Returns the station (upper-cased), the serial and the bytes used.
fn station_and_serial(t: &str) -> Option<(String, String, usize)> {
    let b = t.as_bytes();
    if !b.first()?.is_ascii_alphabetic() {
        return None;
    }
    let mut i = 0;
    while i < b.len() && i <= 31 {
        let c = *b.get(i)?;
        if c.is_ascii_digit() {
            break;
        }
        if !(c.is_ascii_alphabetic() || matches!(c, b' ' | b'\t' | b'.' | b'\'' | b'-')) {
            return None;
        }
        i += 1;
    }
    // The station ends with a blank before the digits.
    if i == 0 || !b.get(i - 1).is_some_and(|c| *c == b' ' || *c == b'\t') {
        return None;
    }
    let station = t.get(..i)?.trim_blanks().to_ascii_uppercase();
    let start = i;
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    if i - start > 7 || b.get(i).is_some_and(|c| !c.is_ascii_whitespace()) {
        return None;
    }
    let serial = t.get(start..i)?.to_owned();
    (!station.is_empty()).then_some((station, serial, i))
}

/// The level words at the start of `line`, collapsing spaced letters
/// (`C O N F I D E N T I A L`, `S e c r e t`), a doubled first letter
/// (`SS E C R E T`), and a garbled spaced word: a letter lost or doubled,
/// two letters run together (`C O N F I D E N T I L`, `C O N F I DE N T I
/// A L`). Returns the level text, the rest, and whether a repair was made.
fn level_prefix(line: &str) -> Option<(&'static str, &str, bool)> {
    let t = line.trim_blanks();
    // Every level word starts with one of these letters (spaced-out
    // levels may be written in lower case: `S e c r e t`).
    if !t
        .as_bytes()
        .first()
        .is_some_and(|b| matches!(b.to_ascii_uppercase(), b'S' | b'L' | b'U' | b'C' | b'T'))
    {
        return None;
    }
    if let Some(found) = spaced_level(t) {
        return Some(found);
    }
    for (w, _) in LEVELS {
        if t.starts_with(w) {
            let rest = t.get(w.len()..).unwrap_or("");
            if rest.is_empty() || rest.starts_with([' ', '/']) {
                return Some((w, rest, false));
            }
        }
    }
    None
}

/// A level written in spaced letters. Tokens of one letter (two where
/// letters ran together) separated by one or two blanks are collected;
/// their letters must begin with a level word, or be one edit from one.
fn spaced_level(t: &str) -> Option<(&'static str, &str, bool)> {
    let b = t.as_bytes();
    let mut letters = String::new();
    // Byte offset after each collected letter.
    let mut ends: Vec<usize> = Vec::new();
    let mut i = 0;
    let mut tokens = 0;
    let mut singles = 0;
    while i < b.len() && letters.len() < 30 {
        let len = b
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        if len == 0 || len > 2 {
            break;
        }
        // A token must be followed by a blank or the end.
        if b.get(i + len).is_some_and(|c| *c != b' ') {
            break;
        }
        for k in 0..len {
            letters.push(char::from(b.get(i + k)?.to_ascii_uppercase()));
            ends.push(i + k + 1);
        }
        tokens += 1;
        singles += usize::from(len == 1);
        i += len;
        let blanks = b
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| **c == b' ')
            .count();
        if blanks > 2 {
            break;
        }
        i += blanks;
    }
    // Mostly single letters: `SE C R E T` yes, `TO ME` no.
    if letters.len() < 5 || singles * 4 < tokens * 3 {
        return None;
    }
    let rest_after = |n: usize| t.get(ends.get(n.checked_sub(1)?).copied()?..);
    // Exact, longest level first; then a doubled first letter; then one
    // edit away from a level of six or more letters.
    let mut best: Option<(&'static str, usize, bool)> = None;
    for (w, _) in LEVELS {
        let plain = w.replace(' ', "");
        if letters.starts_with(&plain) {
            // Letters run together (`DE`) are a repaired spacing.
            let run_together = ends.get(..plain.len()).is_some_and(|e| {
                e.windows(2)
                    .any(|p| p.get(1).zip(p.first()).is_some_and(|(b, a)| b - a == 1))
            });
            best = Some((w, plain.len(), run_together));
            break;
        }
    }
    if best.is_none() {
        let first = letters.get(..1).unwrap_or("");
        if letters.get(1..2) == Some(first) {
            if let Some((w, _)) = LEVELS.iter().find(|(w, _)| {
                letters
                    .get(1..)
                    .is_some_and(|l| l.starts_with(&w.replace(' ', "")))
            }) {
                best = Some((w, w.replace(' ', "").len() + 1, true));
            }
        }
    }
    if best.is_none() {
        for (w, _) in LEVELS {
            let plain = w.replace(' ', "");
            if plain.len() < 6 {
                continue;
            }
            // The collected letters, or a prefix of them one letter
            // shorter or longer than the word, one edit away.
            for n in [plain.len(), plain.len() - 1, plain.len() + 1] {
                if let Some(head) = letters.get(..n) {
                    if crate::stations::within_edits(head, &plain, 1) {
                        best = Some((w, n, true));
                        break;
                    }
                }
            }
            if best.is_some() {
                break;
            }
        }
    }
    let (w, used, repaired) = best?;
    Some((w, rest_after(used)?, repaired))
}

/// A caveat written as one word: `NOFORN`, `EXDIS`, `SIPDIS`.
pub(crate) fn caveat_word(w: &str) -> Option<Caveat> {
    // In any case: a sentence-cased copy writes `Sipdis`.
    let upper = w
        .trim_matches(|c: char| !c.is_ascii_alphanumeric())
        .to_ascii_uppercase();
    Some(match upper.as_str() {
        "NOFORN" | "NF" => Caveat::Noforn,
        "SIPDIS" => Caveat::Sipdis,
        "EXDIS" => Caveat::Exdis,
        "NODIS" => Caveat::Nodis,
        "LIMDIS" => Caveat::Limdis,
        "SBU" => Caveat::Sbu,
        "FOUO" => Caveat::Fouo,
        "ORCON" => Caveat::Orcon,
        "STADIS" | "ROGER" | "CHEROKEE" => Caveat::Other(w.to_owned()),
        _ => return None,
    })
}

/// A handling line that is only caveats: `NOFORN`, `NODIS SIPDIS`,
/// `FOR OFFICIAL USE ONLY`, `SENSITIVE BUT UNCLASSIFIED`.
pub(crate) fn caveat_line(t: &str) -> Option<Vec<Caveat>> {
    let u = t.trim_blanks().trim_end_matches('.');
    match u {
        "FOR OFFICIAL USE ONLY" => return Some(vec![Caveat::Fouo]),
        "SENSITIVE BUT UNCLASSIFIED" | "SENSITIVE BUT UNCLASSIFIED." => {
            return Some(vec![Caveat::Sbu]);
        }
        _ => {}
    }
    let mut out = Vec::new();
    for w in u.split_whitespace() {
        push_unique(&mut out, caveat_word(w)?);
    }
    (!out.is_empty()).then_some(out)
}

/// Adds a caveat unless already present.
pub(crate) fn push_unique(v: &mut Vec<Caveat>, c: Caveat) {
    if !v.contains(&c) {
        v.push(c);
    }
}

/// A portion marking in parentheses opening `text` (`(C) THE PLAN`): the
/// marking, its text as written and the rest after it, blanks trimmed.
pub(crate) fn leading_marking(text: &str) -> Option<(Marking, &str, &str)> {
    let (inner, rest) = text.strip_prefix('(')?.split_once(')')?;
    portion_marking(inner).map(|m| (m, inner, rest.trim_blanks()))
}

/// A portion marking in parentheses ending `text` (`THE PLAN (C)`): the
/// marking, its text as written and the text before it, blanks trimmed.
pub(crate) fn trailing_marking(text: &str) -> Option<(Marking, &str, &str)> {
    let (head, inner) = text.strip_suffix(')')?.rsplit_once('(')?;
    portion_marking(inner).map(|m| (m, inner, head.trim_blanks()))
}

/// A portion marking without its parentheses: `C`, `S/NF`, `C/REL MTCR`,
/// `SBU`, `U//FOUO`. `None` when the text is not a marking.
pub(crate) fn portion_marking(inner: &str) -> Option<Marking> {
    let raw = inner.trim_blanks();
    let upper = raw.to_ascii_uppercase();
    let mut parts = upper.split('/').filter(|p| !p.is_empty());
    let first = parts.next()?.trim_blanks();
    let (level, mut caveats) = match first {
        "U" => (Some(Level::Unclassified), vec![]),
        "SBU" => (Some(Level::Unclassified), vec![Caveat::Sbu]),
        "LOU" => (Some(Level::LimitedOfficialUse), vec![]),
        "C" => (Some(Level::Confidential), vec![]),
        "S" => (Some(Level::Secret), vec![]),
        "TS" => (Some(Level::TopSecret), vec![]),
        "NF" => (None, vec![Caveat::Noforn]),
        _ => return None,
    };
    for p in parts {
        let p = p.trim_blanks();
        if let Some(to) = p.strip_prefix("REL ") {
            push_unique(&mut caveats, Caveat::Rel(to.trim_blanks().to_owned()));
        } else if let Some(c) = caveat_word(p) {
            push_unique(&mut caveats, c);
        } else {
            return None;
        }
    }
    Some(Marking {
        level,
        caveats,
        raw: raw.to_owned(),
    })
}

impl Header<'_, '_> {
    /// The classification banner, or a repeated classification line after
    /// it (`SENSITIVE BUT UNCLASSIFIED`), whose caveats join the banner's.
    pub(super) fn banner(&mut self, seg: &Seg<'_>, t: &str) -> Option<Step> {
        if self.seen_eo_tags_subject && self.seen_banner {
            return None;
        }
        let b = banner(t)?;
        if !self.seen_banner || (self.banner_id.is_none() && b.station_serial.is_some()) {
            self.close_open();
            self.apply_banner(b, seg.no, t);
            return Some(Step::Next);
        }
        if b.station_serial.is_none() {
            self.close_open();
            self.add_caveats(b.marking.caveats);
            return Some(Step::Next);
        }
        None
    }

    fn apply_banner(&mut self, b: Banner, no: u32, t: &str) {
        if b.repaired {
            self.cx.diag(
                Code::RepairedBanner,
                Some(no),
                format!("garbled classification in banner {t:?} repaired"),
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
        self.bare_top_banner =
            b.station_serial.is_none() && !self.seen_routing && !self.seen_fields;
        if let Some((st, serial)) = b.station_serial {
            self.banner_id = Some((st, serial, no));
        }
        self.seen_banner = true;
        self.open = Open::None;
    }

    /// Adds caveats to the banner's marking, or, before a banner, keeps
    /// them as handling words.
    pub(super) fn add_caveats(&mut self, cs: Vec<Caveat>) {
        if let Some(m) = self.cx.cable.classification.as_mut() {
            for c in cs {
                push_unique(&mut m.caveats, c);
            }
        } else {
            self.cx.cable.handling.extend(cs.iter().map(|c| c.name()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn banners() {
        let b = banner("C O N F I D E N T I A L STATE 017183").unwrap();
        assert_eq!(b.marking.level, Some(Level::Confidential));
        assert_eq!(b.station_serial, Some(("STATE".into(), "017183".into())));
        let b = banner("CONFIDENTIAL SECTION 01 OF 04 ISTANBUL 000440").unwrap();
        assert_eq!(
            b.section,
            Some(SectionOf {
                number: 1,
                total: 4
            })
        );
        assert_eq!(b.station_serial.unwrap().0, "ISTANBUL");
        let b = banner("SS E C R E T").unwrap();
        assert!(b.repaired);
        assert_eq!(b.marking.level, Some(Level::Secret));
        // A level word one edit off (06MANAGUA1002's `UUNCLAS`), only in a
        // whole banner.
        let b = banner("UUNCLAS QUITO 001002").unwrap();
        assert_eq!(b.marking.level, Some(Level::Unclassified));
        assert_eq!(b.station_serial.unwrap().0, "QUITO");
        assert!(b.repaired);
        let b = banner("CONFIDENTAIL SECTION 01 OF 02 QUITO 123").unwrap();
        assert_eq!(b.marking.level, Some(Level::Confidential));
        assert!(banner("SECRETS OF THE TRADE").is_none());
        assert!(banner("UUNCLAS").is_none());
        let b = banner("SECRET//NOFORN").unwrap();
        assert_eq!(b.marking.caveats, vec![Caveat::Noforn]);
        let b = banner("S e c r e t nairobi 001938").unwrap();
        assert_eq!(b.station_serial.unwrap().0, "NAIROBI");
        assert!(banner("Secretary Clinton met").is_none());
        assert!(banner("SECRETARY CLINTON").is_none());
        assert!(banner("UNCLAS BEIRUT 01013").is_some());
    }

    /// Words no caveat list knows before a section marker or a known
    /// station's name are a caveat; they made the ids `09SENSITIVESECTION1`
    /// and `09FOROFFICIALUSEONLYQUITO1234`.
    #[test]
    fn unknown_caveat_words() {
        let b = banner("UNCLAS SENSITIVE SECTION 01 OF 02 QUITO 001234").unwrap();
        assert_eq!(b.station_serial.unwrap().0, "QUITO");
        assert_eq!(b.section.unwrap().number, 1);
        assert_eq!(b.marking.caveats, vec![Caveat::Other("SENSITIVE".into())]);
        let b = banner("UNCLAS FOR OFFICIAL USE ONLY QUITO 001234").unwrap();
        assert_eq!(b.station_serial.unwrap().0, "QUITO");
        assert_eq!(b.marking.caveats, vec![Caveat::Fouo]);
        // A known station of several words, single letters, a typo.
        for (t, want) in [
            ("CONFIDENTIAL SAO PAULO 001234", "SAO PAULO"),
            ("UNCLAS E F T O QUITO 001234", "E F T O QUITO"),
            ("CONFIDENTIAL RIO DE JANIERO 001234", "RIO DE JANIERO"),
        ] {
            assert_eq!(banner(t).unwrap().station_serial.unwrap().0, want, "{t}");
        }
    }

    /// A lower-case `of` made the station `SECTION` (`09SECTION1`).
    #[test]
    fn regression_lower_case_section_marker() {
        for t in [
            "CONFIDENTIAL SECTION 02 of 03 LIMA 000123",
            "C o n f i d e n t i a l section 02 of 03 lima 000123",
            "CONFIDENTIAL SECTON 02 OF 03 LIMA 000123",
            "CONFIDENTIAL SECTION 02OF03 LIMA 000123",
        ] {
            let b = banner(t).unwrap_or_else(|| panic!("{t}"));
            assert_eq!(
                b.station_serial,
                Some(("LIMA".into(), "000123".into())),
                "{t}"
            );
            assert_eq!(
                b.section,
                Some(SectionOf {
                    number: 2,
                    total: 3
                }),
                "{t}"
            );
        }
    }

    #[test]
    fn garbled_spaced_levels() {
        for (t, level) in [
            ("C O N F I D E N T I L LIMA 000123", Level::Confidential),
            ("C O N F I D E N T I A A L LIMA 000123", Level::Confidential),
            ("C O N F I DE N T I A L LIMA 000123", Level::Confidential),
            ("S E C R T QUITO 000001", Level::Secret),
        ] {
            let b = banner(t).unwrap_or_else(|| panic!("{t}"));
            assert_eq!(b.marking.level, Some(level), "{t}");
            assert!(b.repaired, "{t}");
            assert!(b.station_serial.is_some(), "{t}");
        }
        assert!(banner("TO ME").is_none());
        assert!(banner("S O M E T H I N G").is_none());
    }

    #[test]
    fn markings() {
        let m = portion_marking("C/REL MTCR").unwrap();
        assert_eq!(m.caveats, vec![Caveat::Rel("MTCR".into())]);
        assert!(portion_marking("D").is_none());
        assert_eq!(
            portion_marking("S/NF").unwrap().caveats,
            vec![Caveat::Noforn]
        );
    }
}
