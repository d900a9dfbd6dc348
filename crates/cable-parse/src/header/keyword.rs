//! The word that opens a header field (`TAGS`, `SUBJECT`, `REFTEL`),
//! upper-cased on the stack: every header line is tested against several
//! keywords, so no allocation per test.

/// The longest keyword word (`REFERENCES`).
const MAX: usize = 12;

/// An upper-cased ASCII word of at most [`MAX`] letters.
pub(crate) struct Word {
    buf: [u8; MAX],
    len: usize,
}

impl Word {
    /// The word: `Tags` gives `TAGS`.
    pub(crate) fn as_str(&self) -> &str {
        self.buf
            .get(..self.len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }
}

/// Splits the leading ASCII letters off `t`, upper-cased: `Tags: PREL` ->
/// (`TAGS`, `: PREL`). `None` when the word is longer than any keyword (it
/// is then no keyword).
pub(crate) fn leading_word(t: &str) -> Option<(Word, &str)> {
    let end = t
        .bytes()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(t.len());
    let letters = t.as_bytes().get(..end)?;
    let mut buf = [0u8; MAX];
    buf.get_mut(..end)?.copy_from_slice(letters);
    buf.make_ascii_uppercase();
    Some((Word { buf, len: end }, t.get(end..)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        let (w, rest) = leading_word("Tags: PREL").unwrap();
        assert_eq!((w.as_str(), rest), ("TAGS", ": PREL"));
        let (w, rest) = leading_word("").unwrap();
        assert_eq!((w.as_str(), rest), ("", ""));
        assert!(leading_word("SUPERCALIFRAGILISTIC: x").is_none());
        let (w, rest) = leading_word("REF(S): A").unwrap();
        assert_eq!((w.as_str(), rest), ("REF", "(S): A"));
    }
}
