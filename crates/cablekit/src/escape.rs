//! Text from inputs (member names, archive error messages) made safe to
//! print on a terminal: control characters, which could move the cursor,
//! change colours or retitle the window, are shown escaped.
//!
//! ```text
//! "evil\u{1b}]0;pwned\u{7}.txt"  ->  evil\u{1b}]0;pwned\u{7}.txt   (as typed, not interpreted)
//! ```

/// `text` with every control character (C0, DEL, C1) written as a Rust
/// escape (`\n`, `\u{1b}`); everything else unchanged.
pub(crate) fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row16_escape_sequences_in_member_names_are_escaped() {
        assert_eq!(printable("a/b.txt"), "a/b.txt");
        let evil = "x\u{1b}[2J\u{1b}]0;t\u{7}\u{9b}y\nz";
        let shown = printable(evil);
        assert!(!shown.chars().any(char::is_control), "{shown}");
        assert_eq!(shown, "x\\u{1b}[2J\\u{1b}]0;t\\u{7}\\u{9b}y\\nz");
    }
}
