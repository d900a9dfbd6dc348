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
