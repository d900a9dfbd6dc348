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

#[cfg(test)]
mod tests {
    use super::*;

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
