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
///
/// Eight bytes at a time: a word with no byte below 0x20 and none equal to
/// 0xEF (the common case: plain text) is passed over with a few arithmetic
/// operations; only a word holding a candidate is looked at byte by byte.
fn needs_cleaning(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut at = 0;
    let mut words = b.chunks_exact(8);
    for chunk in &mut words {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // A byte below 0x20 (Mycroft's "has less than"), or equal to 0xEF
        // (a zero byte in `x ^ 0xEF…`). Either test may also flag a byte
        // next to a hit (borrows propagate), never miss one.
        let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGHS;
        let y = x ^ (ONES * 0xEF);
        let ef = y.wrapping_sub(ONES) & !y & HIGHS;
        if (below_space | ef) != 0 && forbidden_in(b, at, at + 8) {
            return true;
        }
        at += 8;
    }
    forbidden_in(b, at, b.len())
}

/// Whether a forbidden character starts at one of the bytes `from..to` of
/// `b` (looking past `to` for the rest of a three-byte sequence).
fn forbidden_in(b: &[u8], from: usize, to: usize) -> bool {
    (from..to).any(|i| match b.get(i) {
        Some(&c) if c < 0x20 => !matches!(c, b'\t' | b'\n' | b'\r'),
        Some(0xEF) => matches!(b.get(i + 1..i + 3), Some([0xBF, 0xBE | 0xBF])),
        _ => false,
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
    fn word_scan_agrees_with_char_test_at_every_offset() {
        let pieces = [
            "a",
            "é",
            "\u{FFFE}",
            "\u{FFFF}",
            "\u{FFFD}",
            "\u{EFBF}",
            "\u{FEFF}",
            "\x1f",
            "\t",
            "\n",
            "\r",
            " ",
            "\0",
            "\u{7f}",
            "\u{10000}",
            "\u{F8FF}",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for len in 0..24 {
            for _ in 0..300 {
                let mut s = String::new();
                for _ in 0..len {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    // Mostly plain letters, so that hits land anywhere in a word.
                    let i = (seed % (4 * pieces.len() as u64)) as usize;
                    s.push_str(pieces.get(i).copied().unwrap_or("b"));
                }
                let expected = s.chars().any(|c| !is_xml_char(c));
                assert_eq!(needs_cleaning(s.as_bytes()), expected, "{s:?}");
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
