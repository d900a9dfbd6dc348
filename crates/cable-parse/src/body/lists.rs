//! Bullet items: `--As agreed ...`, `-- The French ...`, `- x`, `* x`,
//! `o x`, `• x`.

use crate::blanks::Blanks;

/// A line that starts with a bullet: its marker and the text after it.
///
/// ```text
/// --As agreed at the Canberra Plenary   -> ("--", "As agreed at the Canberra Plenary")
/// -- (if asked only) The United States  -> ("--", "(if asked only) The United States")
/// ```
pub(crate) fn bullet(line: &str) -> Option<(&str, &str)> {
    let t = line.trim_start_blanks();
    let b = t.as_bytes();
    let (marker_len, needs_space) = match b {
        [b'-', b'-', ..] => {
            let n = b.iter().take_while(|&&c| c == b'-').count();
            if n > 3 {
                return None;
            }
            (n, false)
        }
        [b'-' | b'*' | b'o', ..] => (1, true),
        _ if t.starts_with('•') => ('•'.len_utf8(), false),
        _ => return None,
    };
    let marker = t.get(..marker_len)?;
    let rest = t.get(marker_len..)?;
    if needs_space && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let text = rest.trim_start_blanks();
    // `-- ` with nothing after it, `--->`, `-5 C`: not a bullet.
    let first = text.chars().next()?;
    if !(first.is_alphanumeric() || matches!(first, '(' | '"' | '\'' | '&' | '[' | '<' | '$')) {
        return None;
    }
    Some((marker, text))
}

/// Whether `line` may start an item ([`bullet`] or [`roman_item`]) by its
/// first character: a cheap test before either.
pub(crate) fn may_be_item(line: &str) -> bool {
    line.trim_start_blanks()
        .starts_with(['-', '*', 'o', '•', '(', 'i', 'v', 'x'])
}

/// A line that starts with a lower-case Roman numeral item marker:
/// `(ii) text`, `iii) text`, `iv. text` (up to `xx`). `(i)`, `(v)` and
/// `(x)` are also letters; the chunker decides which they are.
///
/// ```text
/// (ii) a list of crossings;   -> ("(ii)", "a list of crossings;")
/// i.e. the minister           -> none
/// ```
pub(crate) fn roman_item(line: &str) -> Option<(&str, &str)> {
    let t = line.trim_start_blanks();
    let open = usize::from(t.starts_with('('));
    let digits = t
        .get(open..)?
        .bytes()
        .take_while(|b| matches!(b, b'i' | b'v' | b'x'))
        .count();
    let numeral = t.get(open..open + digits)?;
    let close = t.as_bytes().get(open + digits).copied();
    let closed = match (open, close) {
        (1, Some(b')')) | (0, Some(b')' | b'.')) => open + digits + 1,
        _ => return None,
    };
    roman_value(numeral)?;
    let rest = t.get(closed..)?;
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    Some((t.get(..closed)?, rest.trim_start_blanks()))
}

/// The value of a lower-case Roman numeral from 1 to 20 written the
/// usual way (`iv`, not `iiii`).
fn roman_value(s: &str) -> Option<u32> {
    const NUMERALS: [&str; 20] = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
        "xv", "xvi", "xvii", "xviii", "xix", "xx",
    ];
    NUMERALS
        .iter()
        .position(|n| *n == s)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// The family of a bullet marker: Roman numeral items (`(i)`, `(ii)`,
/// `iii.`) are one list whatever their number; other markers are their
/// own family (`--`, `-`, `*`).
pub(crate) fn marker_family(marker: &str) -> &str {
    let inner = marker.strip_suffix([')', '.']).unwrap_or(marker);
    match inner.strip_prefix('(') {
        Some(n) if roman_value(n).is_some() => "(roman)",
        None if roman_value(inner).is_some() => "roman",
        _ => marker,
    }
}

/// Whether a line ends a list item without a stop: a semicolon or comma
/// then `and` or `or` (`(b) to send a team; and` / `(c) to fund it.`), so
/// the next item's label or bullet starts on the next line.
pub(crate) fn ends_item(line: &str) -> bool {
    let t = line.trim_end_blanks();
    if !t.ends_with(['d', 'D', 'r', 'R']) {
        return false;
    }
    let Some(before) = ["and", "or", "AND", "OR"]
        .iter()
        .find_map(|w| t.strip_suffix(w))
    else {
        return false;
    };
    before
        .strip_suffix([' ', '\t'])
        .map(Blanks::trim_end_blanks)
        .is_some_and(|b| b.ends_with([';', ',']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_items() {
        assert_eq!(roman_item("(ii) a list;"), Some(("(ii)", "a list;")));
        assert_eq!(roman_item("  iv. the rest"), Some(("iv.", "the rest")));
        assert_eq!(roman_item("(i) first"), Some(("(i)", "first")));
        assert!(roman_item("i.e. the minister").is_none());
        assert!(roman_item("(iiii) x").is_none());
        assert!(roman_item("(ii)x").is_none());
        assert!(roman_item("ivory tower").is_none());
        assert_eq!(marker_family("(iii)"), marker_family("(i)"));
        assert_ne!(marker_family("iii."), marker_family("(i)"));
        assert_eq!(marker_family("--"), "--");
    }

    #[test]
    fn item_ends() {
        assert!(ends_item("(b) to send a team; and"));
        assert!(ends_item("-- a list of crossings, or"));
        assert!(ends_item("B. THE TRADE DEAL; AND "));
        assert!(!ends_item("the minister and"));
        assert!(!ends_item("the minister; sand"));
        assert!(!ends_item("the talks;"));
    }

    #[test]
    fn bullets() {
        assert_eq!(bullet("--As agreed"), Some(("--", "As agreed")));
        assert_eq!(
            bullet("-- (if asked only) The"),
            Some(("--", "(if asked only) The"))
        );
        assert_eq!(bullet("  - x"), Some(("-", "x")));
        assert_eq!(bullet("* x"), Some(("*", "x")));
        assert_eq!(bullet("o Item"), Some(("o", "Item")));
        assert!(bullet("one").is_none());
        assert!(bullet("-5 C").is_none());
        assert!(bullet("--").is_none());
        assert!(bullet("---------").is_none());
        assert!(bullet("*** x").is_none());
    }
}
