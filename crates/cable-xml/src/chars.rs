//! Characters XML 1.0 forbids, and their replacement.
//!
//! XML 1.0 allows `#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
//! [#x10000-#x10FFFF]`. Old cables hold control characters (`\x1a`, form
//! feeds, NUL) that a Rust `String` can carry but an XML document cannot,
//! not even as a character reference; so does `U+FFFE`/`U+FFFF`. Each one is
//! replaced with `U+FFFD` and counted. (Lone surrogates cannot occur in a
//! `&str`: decoding already turned them into `U+FFFD`.)

use std::borrow::Cow;

/// The replacement for a character XML 1.0 forbids.
pub(crate) const REPLACEMENT: char = '\u{FFFD}';

/// Whether `c` may appear in an XML 1.0 document.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r'
        | '\u{20}'..='\u{D7FF}'
        | '\u{E000}'..='\u{FFFD}'
        | '\u{10000}'..='\u{10FFFF}')
}

/// Returns `s` with every forbidden character replaced by `U+FFFD`, and how
/// many were replaced. Borrows when nothing needs replacing (the common
/// case, found by a byte scan).
///
/// ```text
/// "PAGE\x0c2"  -> "PAGE\u{FFFD}2", 1
/// ```
pub(crate) fn clean(s: &str) -> (Cow<'_, str>, u64) {
    if !needs_cleaning(s.as_bytes()) {
        return (Cow::Borrowed(s), 0);
    }
    let mut count = 0;
    let cleaned = s
        .chars()
        .map(|c| {
            if is_xml_char(c) {
                c
            } else {
                count += 1;
                REPLACEMENT
            }
        })
        .collect();
    (Cow::Owned(cleaned), count)
}

/// A byte-level test for forbidden characters: C0 controls other than tab,
/// line feed and carriage return, and the UTF-8 encodings of U+FFFE
/// (`EF BF BE`) and U+FFFF (`EF BF BF`).
fn needs_cleaning(b: &[u8]) -> bool {
    b.iter().enumerate().any(|(i, &c)| {
        (c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r'))
            || (c == 0xEF
                && b.get(i + 1) == Some(&0xBF)
                && matches!(b.get(i + 2), Some(0xBE | 0xBF)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, expected: &str, count: u64) {
        let (out, n) = clean(input);
        assert_eq!((out.as_ref(), n), (expected, count), "input {input:?}");
        assert!(out.chars().all(is_xml_char));
    }

    #[test]
    fn replaces_and_counts() {
        check("plain text", "plain text", 0);
        check("tab\tnl\ncr\r", "tab\tnl\ncr\r", 0);
        check("PAGE\x0c2", "PAGE\u{FFFD}2", 1);
        check("\0\x01\x1a\x1f", "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}", 4);
        check("a\u{FFFE}b\u{FFFF}c", "a\u{FFFD}b\u{FFFD}c", 2);
        // Neighbours of the forbidden ranges stay.
        check(
            "\u{FFFD}\u{FFFC}\u{EFBF}\u{D7FF}\u{E000}\u{10000}\u{10FFFF}",
            "\u{FFFD}\u{FFFC}\u{EFBF}\u{D7FF}\u{E000}\u{10000}\u{10FFFF}",
            0,
        );
        // C1 controls and DEL are allowed (discouraged) in XML 1.0.
        check("\u{7f}\u{85}\u{9f}", "\u{7f}\u{85}\u{9f}", 0);
        check("", "", 0);
    }

    #[test]
    fn byte_scan_finds_characters_anywhere() {
        for at in [0, 1, 29, 30, 31, 32, 33, 63, 64, 100] {
            for c in ['\u{FFFE}', '\u{FFFF}', '\x0c', '\u{FFFD}', '\t'] {
                let s = format!("{}{c}{}", "a".repeat(at), "b".repeat(40));
                assert_eq!(
                    needs_cleaning(s.as_bytes()),
                    !is_xml_char(c),
                    "{c:?} at {at}"
                );
            }
        }
    }

    #[test]
    fn byte_scan_agrees_with_char_test() {
        for c in [
            '\0',
            '\x08',
            '\x0b',
            '\x1f',
            ' ',
            '\u{FFFE}',
            '\u{FFFF}',
            '\u{FFFD}',
            '\u{10000}',
            'é',
        ] {
            let s = c.to_string();
            assert_eq!(needs_cleaning(s.as_bytes()), !is_xml_char(c), "{c:?}");
        }
    }
}
