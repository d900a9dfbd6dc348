//! Blanks around a line's text: `str::trim` and its halves with a fast
//! path for the common case, a line that starts and ends with a printable
//! ASCII character (or with ASCII blanks). The results are those of the
//! standard library's methods, which a non-ASCII character at either end
//! still goes through.

/// Trimming of white space (Unicode `White_Space`, as `str::trim`).
pub(crate) trait Blanks {
    /// Like `str::trim`.
    fn trim_blanks(&self) -> &str;
    /// Like `str::trim_start`.
    fn trim_start_blanks(&self) -> &str;
    /// Like `str::trim_end`.
    fn trim_end_blanks(&self) -> &str;
}

/// The ASCII characters `char::is_whitespace` accepts: tab, line feed,
/// vertical tab, form feed, carriage return and space.
fn is_ascii_blank(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

impl Blanks for str {
    #[inline]
    fn trim_blanks(&self) -> &str {
        self.trim_start_blanks().trim_end_blanks()
    }

    #[inline]
    fn trim_start_blanks(&self) -> &str {
        let b = self.as_bytes();
        let mut i = 0;
        while let Some(&c) = b.get(i) {
            if c >= 0x80 {
                // A non-ASCII character: perhaps a Unicode blank.
                return self.get(i..).map_or("", str::trim_start);
            }
            if !is_ascii_blank(c) {
                break;
            }
            i += 1;
        }
        self.get(i..).unwrap_or("")
    }

    #[inline]
    fn trim_end_blanks(&self) -> &str {
        let b = self.as_bytes();
        let mut n = b.len();
        while let Some(&c) = n.checked_sub(1).and_then(|j| b.get(j)) {
            if c >= 0x80 {
                return self.get(..n).map_or("", str::trim_end);
            }
            if !is_ascii_blank(c) {
                break;
            }
            n -= 1;
        }
        self.get(..n).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::Blanks;

    /// The fast paths agree with the standard library on ASCII, Unicode
    /// blanks (NBSP, ideographic space, NEL) and other non-ASCII ends.
    #[test]
    fn same_as_std() {
        let cases = [
            "",
            " ",
            "\t\n\x0B\x0C\r ",
            "abc",
            "  abc  ",
            "\x0Babc\x0B",
            "\x1Fabc\x1F",
            "\u{a0}abc\u{a0}",
            " \u{3000} abc \u{3000} ",
            "\u{85}x\u{85}",
            "é",
            " é ",
            "\u{a0}",
            " \u{2003}\u{a0} ",
            "ü x ü",
        ];
        for s in cases {
            assert_eq!(s.trim_blanks(), s.trim(), "{s:?}");
            assert_eq!(s.trim_start_blanks(), s.trim_start(), "{s:?}");
            assert_eq!(s.trim_end_blanks(), s.trim_end(), "{s:?}");
        }
    }
}

#[cfg(test)]
mod properties {
    use super::Blanks;
    use proptest::prelude::*;

    proptest! {
        /// Any text, and texts made of blanks of both kinds around words.
        #[test]
        fn same_as_std(s in "\\PC{0,12}|[ \t\r\x0B\x0C\u{a0}\u{85}\u{3000}\u{1F}aé]{0,12}") {
            prop_assert_eq!(s.trim_blanks(), s.trim());
            prop_assert_eq!(s.trim_start_blanks(), s.trim_start());
            prop_assert_eq!(s.trim_end_blanks(), s.trim_end());
        }
    }
}
