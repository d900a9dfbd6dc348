//! Repairs of the transmission's damage to a line, each returning the
//! repaired line and how many repairs (None when the line holds none),
//! and the test of whether a text shows the 1970s archive's blanks after
//! punctuation:
//!
//! ```text
//! Sarkozy,s key advisors             -> Sarkozy's key advisors
//! (&Bishop Jovan8)                   -> ("Bishop Jovan")
//! SHAH' S CONCERNS, ( A) US/ IRANIAN -> SHAH'S CONCERNS, (A) US/IRANIAN
//! THE U. S. DELEGATION               -> THE U.S. DELEGATION
//! ```

/// `Sarkozy,s key advisors`, `the President,s agenda`: an apostrophe the
/// transmission turned into a comma (the cable format guide, section 7,
/// quirk 2), restored: a comma between a letter and a possessive `s` that
/// ends the word. None when the line holds none.
pub(super) fn comma_apostrophes(line: &str) -> Option<(String, u32)> {
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
pub(super) fn has_spaced_punctuation(text: &[u8]) -> bool {
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
pub(super) fn spaced_punctuation(line: &str) -> Option<(String, u32)> {
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
pub(super) fn ampersand_quotes(line: &str) -> Option<(String, u32)> {
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
