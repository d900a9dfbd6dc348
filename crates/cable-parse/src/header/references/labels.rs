//! The labels of the items of a REF block, `A.`, `(B)`, `C)`, `D:`, a
//! letter alone (`A Montreal 365, B Ottawa 406`), numbers `1.`, `1)`,
//! `(1)`: splitting a block into its labelled items, and whether a header
//! line continues the block or completes its last item:
//!
//! ```text
//! A. STATE 4690 B. 08 STATE 129729          -> A: STATE 4690, B: 08 STATE 129729
//! (A)STATE 071143, (B)STATE 073601          -> A: STATE 071143, B: STATE 073601
//! A Montreal 365, B Ottawa 406              -> A: Montreal 365, B: Ottawa 406
//! (1) 2005 RIO DE JANEIRO 1143, (2) ...     -> 2005 RIO DE JANEIRO 1143, ...
//! A. (A) PARIS X ¶B. 2006 ¶C. (B) PARIS Y   -> A: PARIS X 2006, B: PARIS Y
//! (A) Sao Paulo 319; then (B) Sao Paulo 42; -> (B) continues the block
//! (B) Rio de Janeiro then 00723             -> 00723 completes (B)
//! 1. LIMA 123 then 2. LIMA 456              -> 2. continues the block
//! ```

use crate::blanks::Blanks;
use regex::Regex;
use std::sync::LazyLock;

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

/// The letter of the last item label (`A.`, `(B)`, `C)`, `D:`) in `text`
/// (a line of a REF block as it is added), upper-cased, to hand to
/// [`continues_labels`] for the lines after it. The header keeps it line by
/// line, so an item longer than any bounded tail of the block still knows
/// its letter.
pub(crate) fn last_letter_label(text: &str) -> Option<u8> {
    let b = text.as_bytes();
    let at = last_label_at(text)?;
    let letter = match b.get(at) {
        Some(b'(') => b.get(at + 1),
        other => other,
    };
    letter.map(u8::to_ascii_uppercase)
}

/// Whether `line` starts with the label that follows the last label of the
/// REF block (`last`, from [`last_letter_label`]: `(B) Sao Paulo 319;` then
/// `(C) Sao Paulo 42;`), so a label that looks like a portion marking
/// (`(C)`, `(S)`) continues the list.
pub(crate) fn continues_labels(last: Option<u8>, line: &str) -> bool {
    let Some(next) = last.map(|c| c + 1) else {
        return false;
    };
    let l = line.trim_start_blanks().trim_start_matches('¶').as_bytes();
    let first = match l.first() {
        Some(b'(') => l.get(1),
        other => other,
    };
    first.is_some_and(|c| c.to_ascii_uppercase() == next) && starts_with_label(line)
}

/// The last numbered item label in `text` (a line of a REF block as it
/// is added: `1. LIMA 123`, `(2) STATE 45 (3) ROME 6`): its number and its
/// shape (the byte after the digit), to hand to [`continues_numbers`] for
/// the lines after it. The header keeps it line by line, so an item longer
/// than any bounded tail of the block still knows its number.
pub(crate) fn last_numbered_label(text: &str) -> Option<(u8, u8)> {
    let b = text.as_bytes();
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
    last
}

/// Whether `line` is the numbered item after the last one of the REF block
/// (`last`, its number and shape from [`last_numbered_label`]), in its shape (`REF: 1. LIMA 123` then `2. LIMA 456`, `1)` then
/// `2)`, `(1)` then `(2)`), so that it continues the block instead of
/// starting the body at paragraph 2. A line with a portion marking after
/// its number (`2. (C) The minister ...`) or no serial is a paragraph.
pub(crate) fn continues_numbers(last: Option<(u8, u8)>, line: &str) -> bool {
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
pub(super) fn items<'t>(text: &'t str) -> Vec<(Option<char>, &'t str)> {
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
pub(super) fn relabelled(text: &str) -> Option<String> {
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
