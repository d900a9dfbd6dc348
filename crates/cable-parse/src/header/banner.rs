//! The classification banner (`C O N F I D E N T I A L STATE 017183`,
//! `UNCLAS SECTION 01 OF 01 TEHRAN 1164`, `SECRET//NOFORN`), portion
//! markings (`(C)`, `(S/NF)`, `(C/REL MTCR)`) and caveat words.

use crate::blanks::Blanks;

use cable_model::{Caveat, Level, Marking, SectionOf};
use regex::Regex;
use std::sync::LazyLock;

/// A banner read from one line.
#[derive(Debug)]
pub(crate) struct Banner {
    pub(crate) marking: Marking,
    pub(crate) section: Option<SectionOf>,
    /// Station and serial as written: `STATE`, `017183`.
    pub(crate) station_serial: Option<(String, String)>,
    /// The letters were doubled (`SS E C R E T`) and repaired.
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

/// `SECTION 01 OF 04`.
static SECTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^SECTION\s+(\d{1,3})\s+OF\s+(\d{1,3})\s*").expect("valid regex"));

/// `STATE 017183`, `RIO DE JANEIRO 00190`, `N'DJAMENA 511` at the end of a banner.
static STATION_SERIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Z][A-Z .'-]{0,30}?)\s+(\d{1,7})(?:\s|$)").expect("valid regex")
});

/// Reads a banner line; `None` when the line is not one.
pub(crate) fn banner(line: &str) -> Option<Banner> {
    let (level_text, rest, repaired) = level_prefix(line)?;
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
        if let Some(c) = rest
            .starts_with("SECTION")
            .then(|| SECTION.captures(rest))
            .flatten()
        {
            let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u16>().ok());
            if let (Some(number), Some(total)) = (n(1), n(2)) {
                section = Some(SectionOf { number, total });
            }
            rest = rest.get(c.get(0).map_or(0, |m| m.end())..).unwrap_or("");
            continue;
        }
        // `[A-Z]` must come first (`upper` is `rest` in ASCII capitals).
        if station_serial.is_none() && rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let upper = rest.to_ascii_uppercase();
            if let Some(c) = STATION_SERIAL.captures(&upper) {
                let st = c.get(1).map_or("", |m| m.as_str()).trim_blanks().to_owned();
                let serial = c.get(2).map_or("", |m| m.as_str()).to_owned();
                let end = c.get(0).map_or(0, |m| m.end());
                station_serial = Some((st, serial));
                rest = rest.get(end..).unwrap_or("").trim_start_blanks();
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

/// The level words at the start of `line`, collapsing spaced letters
/// (`C O N F I D E N T I A L`, `S e c r e t`) and a doubled first letter
/// (`SS E C R E T`). Returns the level text, the rest, and whether a repair
/// was made.
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
    // Spaced letters.
    let b = t.as_bytes();
    let mut letters = String::new();
    let mut i = 0;
    let mut repaired = false;
    if b.len() >= 3
        && b[0].is_ascii_alphabetic()
        && b[1].is_ascii_alphabetic()
        && b[0] == b[1]
        && b.get(2) == Some(&b' ')
    {
        // `SS E C R E T`: a doubled first letter.
        letters.push(b[0].to_ascii_uppercase() as char);
        i = 3;
        repaired = true;
    }
    while i < b.len()
        && b[i].is_ascii_alphabetic()
        && (b.get(i + 1) == Some(&b' ') || i + 1 == b.len())
    {
        letters.push(b[i].to_ascii_uppercase() as char);
        i += 2;
        // `L I M I T E D  O F F I C I A L`: words are set off by two spaces.
        if b.get(i) == Some(&b' ') && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
        }
    }
    if letters.len() >= 5 {
        for (w, _) in LEVELS {
            if letters.starts_with(&w.replace(' ', "")) {
                let consumed = w.replace(' ', "").len();
                // Re-walk to the byte after the `consumed`-th letter.
                let mut seen = 0;
                let mut pos = 0;
                for (j, c) in t.char_indices() {
                    if c.is_ascii_alphabetic() {
                        seen += 1;
                        if repaired && seen == 1 {
                            continue;
                        }
                        if seen == consumed + usize::from(repaired) {
                            pos = j + 1;
                            break;
                        }
                    }
                }
                return Some((w, t.get(pos..).unwrap_or(""), repaired));
            }
        }
        return None;
    }
    // (Every level word is shorter than 30 characters, the part of the
    // line this used to compare.)
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

/// A caveat written as one word: `NOFORN`, `EXDIS`, `SIPDIS`.
pub(crate) fn caveat_word(w: &str) -> Option<Caveat> {
    Some(match w.trim_matches(|c: char| !c.is_ascii_alphanumeric()) {
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
        let b = banner("SECRET//NOFORN").unwrap();
        assert_eq!(b.marking.caveats, vec![Caveat::Noforn]);
        let b = banner("S e c r e t nairobi 001938").unwrap();
        assert_eq!(b.station_serial.unwrap().0, "NAIROBI");
        assert!(banner("Secretary Clinton met").is_none());
        assert!(banner("SECRETARY CLINTON").is_none());
        assert!(banner("UNCLAS BEIRUT 01013").is_some());
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
