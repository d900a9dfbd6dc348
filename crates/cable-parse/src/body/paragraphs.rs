//! Paragraph labels at the start of a line: `5.`, `5)`, `¶5.`, `A.`,
//! `(a)`, `B)`, the seed debris `15.`/`1B.`, and the portion marking that
//! follows (`5.  (C)`, `1.(C)`, the malformed `1. C)`, and, where a
//! marking follows, `1 . (C)`, a blank before the period, and `2 - (C)`,
//! `2: (C)`, a dash or colon for it).

use crate::blanks::Blanks;

use super::portion::parse_marking;
use cable_model::Marking;

/// A label as written, before sequence repair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RawLabel {
    /// `5.`, `15.`
    Number(u32),
    /// `A.`, `(a)`, `B)`: upper-cased.
    Letter(char),
    /// `1B.`: a letter with a stray leading `1` (seed debris).
    StrayLetter(char),
}

/// A line that starts with a paragraph label.
///
/// ```text
/// 2. (C/REL MTCR) BACKGROUND: At the ...
///   -> raw "2", Number(2), marking C/REL MTCR, rest "BACKGROUND: At the ..."
/// ```
#[derive(Debug, Clone)]
pub(crate) struct LabelLine<'a> {
    /// The label without `¶`, dot or parentheses: `15`, `1B`, `a`.
    pub(crate) raw: &'a str,
    /// What the label says.
    pub(crate) label: RawLabel,
    /// Whether it was written in parentheses: `(a)`.
    pub(crate) parenthesised: bool,
    /// The portion marking after the label.
    pub(crate) marking: Option<Marking>,
    /// The text after label and marking.
    pub(crate) rest: &'a str,
}

/// Reads a label at the start of `line` (leading blanks allowed).
pub(crate) fn parse_label(line: &str) -> Option<LabelLine<'_>> {
    let s = line.trim_start_blanks();
    let s = s.strip_prefix('¶').map_or(s, str::trim_start);
    let b = s.as_bytes();
    let (raw, label, parenthesised, after) = if b.first() == Some(&b'(') {
        let close = s.get(..s.len().min(5)).or(Some(s))?.find(')')?;
        let inner = s.get(1..close)?;
        let label = label_value(inner)?;
        (inner, label, true, close + 1)
    } else {
        let end = b
            .iter()
            .position(|c| !c.is_ascii_alphanumeric())
            .unwrap_or(b.len());
        if end == 0 || end > 5 {
            return None;
        }
        let raw = s.get(..end)?;
        let after = match b.get(end) {
            Some(b'.' | b')') => end + 1,
            // `1 . (C)`: blanks before the period; `2 - (C)`, `2- (C)`,
            // `2: (C)`: a dash or colon for it after a number. Taken only
            // with a marking after it (`1 . 5 million`, `2-3 weeks`, `10:
            // 30` are running text).
            Some(b' ' | b'-' | b':') => {
                let sep = s.get(end..)?.trim_start_blanks();
                let number = b
                    .get(..end)
                    .is_some_and(|d| d.iter().all(u8::is_ascii_digit));
                let tail = match sep.as_bytes().first() {
                    Some(b'.') if b.get(end) == Some(&b' ') => sep.get(1..)?,
                    Some(b'-' | b':') if number => sep.get(1..)?,
                    _ => return None,
                };
                read_marking(tail.trim_start_blanks()).0?;
                s.len() - tail.len()
            }
            _ => return None,
        };
        (raw, label_value(raw)?, false, after)
    };
    let tail = s.get(after..)?;
    // The label must be followed by a blank, a marking or the line's end:
    // `U.S. Views` and `1986.5` are not labels.
    match tail.as_bytes().first() {
        None | Some(b' ' | b'\t' | b'(') => {}
        _ => return None,
    }
    let tail = tail.trim_start_blanks();
    let (marking, rest) = read_marking(tail);
    Some(LabelLine {
        raw,
        label,
        parenthesised,
        marking,
        rest: rest.trim_start_blanks(),
    })
}

/// `5`, `A`, `a`, `1B` -> the label's value.
fn label_value(raw: &str) -> Option<RawLabel> {
    let b = raw.as_bytes();
    match b {
        [c] if c.is_ascii_alphabetic() => Some(RawLabel::Letter(c.to_ascii_uppercase() as char)),
        [b'1', c] if c.is_ascii_uppercase() => Some(RawLabel::StrayLetter(*c as char)),
        _ if !b.is_empty() && b.len() <= 5 && b.iter().all(u8::is_ascii_digit) => {
            let n: u32 = raw.parse().ok()?;
            (n > 0).then_some(RawLabel::Number(n))
        }
        _ => None,
    }
}

/// `(C/REL MTCR) rest` or the malformed `C) rest`.
fn read_marking(s: &str) -> (Option<Marking>, &str) {
    if let Some(inner_start) = s.strip_prefix('(') {
        if let Some(close) = inner_start
            .get(..inner_start.len().min(42))
            .and_then(|w| w.find(')'))
        {
            if let Some(m) = inner_start.get(..close).and_then(parse_marking) {
                return (Some(m), inner_start.get(close + 1..).unwrap_or(""));
            }
            // `8. (c) text`, `(sbu)`: a marking typed in lower case after
            // the label (a list's `(a)` is no level, and no list starts
            // at `(c)`, `(s)` or `(u)`).
            if let Some(inner) = inner_start.get(..close).filter(|w| {
                w.bytes().any(|b| b.is_ascii_lowercase())
                    && !w.bytes().any(|b| b.is_ascii_uppercase())
            }) {
                if let Some(mut m) = parse_marking(&inner.to_ascii_uppercase()) {
                    m.raw = inner.trim().to_owned();
                    return (Some(m), inner_start.get(close + 1..).unwrap_or(""));
                }
            }
        }
        return (None, s);
    }
    // `C) Content`, `SBU/N) Content`: a marking that lost its `(`.
    let word_end = s
        .bytes()
        .position(|c| !(c.is_ascii_uppercase() || c == b'/'))
        .unwrap_or(s.len());
    if word_end > 0 && word_end <= 12 && s.as_bytes().get(word_end) == Some(&b')') {
        if let Some(m) = s.get(..word_end).and_then(parse_marking) {
            return (Some(m), s.get(word_end + 1..).unwrap_or(""));
        }
    }
    (None, s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<(String, RawLabel, Option<String>, String)> {
        parse_label(s).map(|l| {
            (
                l.raw.to_owned(),
                l.label,
                l.marking.map(|m| m.raw),
                l.rest.to_owned(),
            )
        })
    }

    #[test]
    fn labels() {
        use RawLabel::*;
        assert_eq!(
            p("2. (C/REL MTCR) BACKGROUND: x"),
            Some((
                "2".into(),
                Number(2),
                Some("C/REL MTCR".into()),
                "BACKGROUND: x".into()
            ))
        );
        assert_eq!(p("5.  (C) x").unwrap().2.as_deref(), Some("C"));
        assert_eq!(p("1.(C) Summary").unwrap().3, "Summary");
        assert_eq!(p("1 . (C) Summary").unwrap().3, "Summary");
        assert_eq!(p("12 .(S/NF) x").unwrap().1, Number(12));
        assert!(p("1 . 5 million").is_none());
        // A dash or colon for the period after a number, with a marking.
        assert_eq!(p("2 - (C) x").unwrap().1, Number(2));
        assert_eq!(p("2- (S/NF) x").unwrap().3, "x");
        assert_eq!(p("2: (U) x").unwrap().2.as_deref(), Some("U"));
        assert!(p("2-3 weeks").is_none());
        assert!(p("2 - 3 weeks").is_none());
        assert!(p("10: 30 people").is_none());
        assert!(p("B - (C) x").is_none());
        assert!(p("A . x").is_none());
        assert_eq!(p("¶5. (U) x").unwrap().1, Number(5));
        assert_eq!(p("¶ 5. (U) x").unwrap().1, Number(5));
        assert_eq!(p("5) x").unwrap().1, Number(5));
        assert_eq!(p("1B. (C) X").unwrap().1, StrayLetter('B'));
        assert_eq!(p("(a) x").unwrap().1, Letter('A'));
        assert_eq!(p("B) x").unwrap().1, Letter('B'));
        assert_eq!(p("2. SBU) Content").unwrap().2.as_deref(), Some("SBU"));
        assert_eq!(p("3. (if asked) x").unwrap().3, "(if asked) x");
        // A marking typed in lower case; a list's letter is none.
        assert_eq!(p("8. (c) x").unwrap().2.as_deref(), Some("c"));
        assert_eq!(p("8. (sbu/nf) x").unwrap().3, "x");
        assert_eq!(p("8. (a) x").unwrap().2, None);
        assert_eq!(p("8. (C) x").unwrap().2.as_deref(), Some("C"));
        assert!(p("U.S. Views").is_none());
        assert_eq!(p("1986. were").unwrap().1, Number(1986));
        assert!(p("198600. were").is_none());
        assert!(p("0. x").is_none());
        assert!(p("(C/REL MTCR)").is_none());
        assert!(p("2009 MTCR").is_none());
        assert!(p("").is_none());
    }
}
