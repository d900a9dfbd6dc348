//! Header segments: a line, or a part of one when a rendering collapsed
//! several header fields onto one line.
//!
//! ```text
//! E.O. 12958: DECL: 01/07/2014 TAGS: PREL SUBJECT: A VISIT
//!   -> "E.O. 12958: DECL: 01/07/2014 ", "TAGS: PREL ", "SUBJECT: A VISIT"
//! SUBJECT: A VISIT TO LIMAClassified By: Jane Roe
//!   -> "SUBJECT: A VISIT TO LIMA", "Classified By: Jane Roe"
//! REASON: 1.4 (b) 1. (C) Summary: The minister agreed.
//!   -> "REASON: 1.4 (b) ", "1. (C) Summary: The minister agreed."
//! O 141530Z MAR 08 ... PRIORITYUNCLAS ROME 000412
//!   -> "O 141530Z MAR 08 ... PRIORITY", "UNCLAS ROME 000412"
//! TO SECSTATE WASHDC PRIORITY 9351UNCLAS LIMA 01239
//!   -> "TO SECSTATE WASHDC PRIORITY 9351", "UNCLAS LIMA 01239"
//! ```

use crate::blanks::Blanks;

use super::labels;
use std::collections::VecDeque;

/// One header segment: a line or part of one.
#[derive(Debug, Clone, Copy)]
pub(super) struct Seg<'s> {
    /// Offset of its line from the cursor's position at the start.
    pub(super) idx: usize,
    /// 1-based input line.
    pub(super) no: u32,
    /// A part of the line's text (never a copy).
    pub(super) text: &'s str,
}

/// Precedence words of an addressee line (ACP-127: ROUTINE, PRIORITY,
/// IMMEDIATE) that a collapsed header glues to the banner after it.
const PRECEDENCES: &[&str] = &["ROUTINE", "PRIORITY", "IMMEDIATE"];

/// The first four letters of the level words a banner starts with.
const LEVEL_HEADS: &[&[u8; 4]] = &[b"UNCL", b"CONF", b"SECR", b"LIMI"];

/// Whether `b` starts like a banner's level word: its first four letters,
/// written together or letter-spaced, or spaced with two letters run
/// together (`UNCLAS`, `C O N F`, `SE C R E T`). A cheap test before the
/// banner is parsed.
fn level_start(b: &[u8]) -> bool {
    let mut head = [0u8; 4];
    let mut n = 0;
    let mut spaces = 0;
    for &c in b.iter().take(8) {
        if c.is_ascii_uppercase() {
            if let Some(h) = head.get_mut(n) {
                *h = c;
            }
            n += 1;
            spaces = 0;
            if n == 4 {
                break;
            }
        } else if c == b' ' && n > 0 && spaces == 0 {
            spaces += 1;
        } else {
            return false;
        }
    }
    n == 4 && LEVEL_HEADS.iter().any(|h| **h == head)
}

/// The letter-spaced level words after their first letter, to find one
/// glued to the word before it: `NAIROBIS E C R E T` is `NAIROBI`, `S E C R
/// E T`.
const SPACED_TAILS: &[&str] = &[" E C R E T", " O N F I D E N T I A L", " N C L A S"];

/// Splits a line into segments, pushing them to `out`.
pub(super) fn split<'s>(idx: usize, no: u32, text: &'s str, out: &mut VecDeque<Seg<'s>>) {
    let mut start = 0;
    // Most lines hold no glued field: nothing to cut in a short line.
    if text.len() > 12 {
        for at in cuts(text) {
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

/// Where a collapsed line is cut, in order.
fn cuts(text: &str) -> Vec<usize> {
    let mut cuts = labels::inline_starts(text);
    let b = text.as_bytes();
    for (i, &c) in b.iter().enumerate().skip(1) {
        let prev = b.get(i - 1).copied().unwrap_or(b' ');
        // A numbered, portion-marked paragraph after a blank:
        // `1. (C) Summary`, `¶2. (S/NF)`.
        if (prev == b' ' || prev == b'\t')
            && (c.is_ascii_digit() || c == 0xC2)
            && body_start_at(text.get(i..).unwrap_or(""))
        {
            cuts.push(i);
        }
        // `...LIMAREF: A.`: the REF label glued to the capitals before it.
        if prev.is_ascii_uppercase() && c == b'R' && b.get(i..i + 5) == Some(b"REF: ".as_slice()) {
            cuts.push(i);
        }
        // `AMEMBASSY NAIROBIS E C R E T STATE 194868`: a letter-spaced
        // banner glued to the word before it (two letters or more before
        // the level's first: `CC O N F I D E N T I A L` is a doubled
        // letter, not a glued word).
        if c == b' '
            && i >= 4
            && b.get(i - 4..i - 1)
                .is_some_and(|w| w.iter().all(u8::is_ascii_alphabetic))
            && SPACED_TAILS
                .iter()
                .any(|t| b.get(i..i + t.len()) == Some(t.as_bytes()))
        {
            cuts.push(i - 1);
        }
        // `TO SECSTATE WASHDC PRIORITY 9351UNCLAS NDJAMENA 01239`,
        // `USMISSION USNATOUNCLAS SECTION 01 OF 02 SHENYANG 1301`, `QUARRY
        // HEIGHTS PMC O N F I D E N T I A L ... LIMA 00056`: a whole banner
        // (level, station and serial) glued to the end of the last routing
        // line, which some text renderings join to it. Not after the same
        // letter (`UUNCLAS`, `CC O N F`: a doubled letter).
        if matches!(c, b'U' | b'C' | b'S' | b'L')
            && (prev.is_ascii_alphanumeric() && prev != c)
            && level_start(b.get(i..).unwrap_or(&[]))
            && super::banner::banner(text.get(i..).unwrap_or("").trim_blanks())
                .is_some_and(|bn| bn.station_serial.is_some())
        {
            cuts.push(i);
        }
        // `... PRIORITYUNCLAS ROME 000412`: a precedence glued to the banner.
        if matches!(c, b'Y' | b'E') {
            for p in PRECEDENCES {
                let start = (i + 1).checked_sub(p.len());
                if start.and_then(|s| b.get(s..=i)) == Some(p.as_bytes()) {
                    let after = text.get(i + 1..).unwrap_or("");
                    if level_start(after.as_bytes()) {
                        cuts.push(i + 1);
                    }
                }
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// `1. (C) ...`, `¶12.  (S/NF) ...`: a numbered paragraph with its
/// portion marking.
fn body_start_at(t: &str) -> bool {
    let t = t.strip_prefix('¶').unwrap_or(t);
    let b = t.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&digits) || b.get(digits) != Some(&b'.') {
        return false;
    }
    let rest = t.get(digits + 1..).unwrap_or("");
    let r = rest.trim_start_matches(' ');
    if rest.len() - r.len() > 2 {
        return false;
    }
    let Some(inner) = r.strip_prefix('(').and_then(|x| x.split_once(')')) else {
        return false;
    };
    matches!(inner.0, "U" | "C" | "S" | "SBU" | "C/NF" | "S/NF")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(t: &str) -> Vec<&str> {
        let mut q = VecDeque::new();
        split(0, 1, t, &mut q);
        q.into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn collapsed_lines() {
        assert_eq!(
            parts("E.O. 12958: DECL: 01/07/2014 TAGS: PREL SUBJECT: A VISIT"),
            [
                "E.O. 12958: DECL: 01/07/2014 ",
                "TAGS: PREL ",
                "SUBJECT: A VISIT"
            ]
        );
        assert_eq!(
            parts("SUBJECT: A VISIT TO LIMAClassified By: Jane Roe"),
            ["SUBJECT: A VISIT TO LIMA", "Classified By: Jane Roe"]
        );
        assert_eq!(
            parts("REASON: 1.4 (b) 1. (C) Summary: The minister agreed."),
            ["REASON: 1.4 (b) ", "1. (C) Summary: The minister agreed."]
        );
        assert_eq!(
            parts("TO SECSTATE WASHDC PRIORITYUNCLAS ROME 000412"),
            ["TO SECSTATE WASHDC PRIORITY", "UNCLAS ROME 000412"]
        );
        assert_eq!(
            parts("AMEMBASSY NAIROBIS E C R E T STATE 194868"),
            ["AMEMBASSY NAIROBI", "S E C R E T STATE 194868"]
        );
        // A whole banner glued to the last routing line (the alx-txt
        // rendering of 88NDJAMENA1239, 89SHENYANG1301, 93LIMA56); a doubled
        // letter, or a level word without station and serial, is no cut.
        assert_eq!(
            parts("TO SECSTATE WASHDC PRIORITY 9351UNCLAS QUITO 01239"),
            ["TO SECSTATE WASHDC PRIORITY 9351", "UNCLAS QUITO 01239"]
        );
        assert_eq!(
            parts("USMISSION USNATOUNCLAS SECTION 01 OF 02 QUITO 1301"),
            ["USMISSION USNATO", "UNCLAS SECTION 01 OF 02 QUITO 1301"]
        );
        assert_eq!(
            parts("USCINCSO QUARRY HEIGHTS PMC O N F I D E N T I A L SECTION 01 OF 04 QUITO 00056"),
            [
                "USCINCSO QUARRY HEIGHTS PM",
                "C O N F I D E N T I A L SECTION 01 OF 04 QUITO 00056"
            ]
        );
        // Debris before a spaced level word with two letters run
        // together (the 09MOSCOW1108 page's `CSE C R E T`).
        assert_eq!(
            parts("CSE C R E T SECTION 01 OF 02 QUITO 000004"),
            ["C", "SE C R E T SECTION 01 OF 02 QUITO 000004"]
        );
        assert_eq!(
            parts("CC O N F I D E N T I A L QUITO 123"),
            ["CC O N F I D E N T I A L QUITO 123"]
        );
        assert_eq!(
            parts("INFO AMEMBASSY QUITO 1234SECRETARY VISIT"),
            ["INFO AMEMBASSY QUITO 1234SECRETARY VISIT"]
        );
        assert_eq!(parts("SUBJECT: A VISIT"), ["SUBJECT: A VISIT"]);
        assert_eq!(
            parts("SUBJECT: TRADE AND THE TAGS OF GOODS"),
            ["SUBJECT: TRADE AND THE TAGS OF GOODS"]
        );
    }
}
