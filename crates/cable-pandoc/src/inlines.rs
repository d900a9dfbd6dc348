//! Cable text as pandoc inlines: words and spaces, nothing else.
//!
//! The text is never interpreted as markup: `*`, `_`, `<b>`, `$x$` and `[1](#)`
//! stay literal characters inside `Str`, which is the point of writing the
//! AST rather than Markdown.

use crate::view::{Attr, Inlines, Piece};
use std::borrow::Cow;

/// The inlines of a text: its words as `Str`s separated by single
/// `Space`s, as pandoc's own readers do: runs of whitespace (including
/// tabs, newlines and no-break spaces) become one `Space`, leading and
/// trailing whitespace is dropped.
///
/// Control characters (other than whitespace) are not allowed in the XML
/// that DOCX, ODT and EPUB are made of, and pandoc silently deletes them,
/// so each is replaced by its visible Unicode "control picture" (`\u{7}`
/// becomes `␇`, DEL becomes `␡`): the character stays recognisable.
///
/// ```text
/// "This is  an *action*\trequest."  -> Str "This", Space, Str "is", Space,
///                                      Str "an", Space, Str "*action*", Space, Str "request."
/// ```
///
/// The text is kept as it is ([`Piece::Words`]); the words are found when
/// the document is serialised or converted, by [`for_each_word`].
pub(crate) fn text<'a>(s: impl Into<Cow<'a, str>>) -> Inlines<'a> {
    let mut out = Inlines::default();
    out.push_text(s);
    out
}

/// Calls `f` with each word of `s` and whether it is free of control
/// characters (a word that is not must be written with [`picture`]d
/// characters: see [`Pictured`]); stops at the first error.
///
/// The words are found by one byte scan: a table tells ASCII spaces, ASCII
/// controls and word bytes apart, so a word of printable ASCII followed by
/// a space (most words) costs a table look-up per byte. Only a piece
/// (between spaces) holding other whitespace, a control character or a
/// character beyond ASCII goes through the full scan, which decodes such
/// characters where they occur.
pub(crate) fn for_each_word<E>(
    s: &str,
    mut f: impl FnMut(&str, bool) -> Result<(), E>,
) -> Result<(), E> {
    let bytes = s.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b == b' ' {
            at += 1;
            continue;
        }
        let start = at;
        let run = bytes
            .get(at..)
            .unwrap_or_default()
            .iter()
            .position(|&b| class(b) != WORD);
        match run {
            None => {
                at = bytes.len();
                f(s.get(start..).unwrap_or_default(), true)?;
            }
            Some(n) if bytes.get(at + n) == Some(&b' ') => {
                at += n;
                f(s.get(start..at).unwrap_or_default(), true)?;
            }
            Some(n) => {
                let rest = bytes.get(at + n..).unwrap_or_default();
                at += n + rest.iter().position(|&b| b == b' ').unwrap_or(rest.len());
                for (word, plain) in Words::new(s.get(start..at).unwrap_or_default()) {
                    f(word, plain)?;
                }
            }
        }
    }
    Ok(())
}

/// Whether `s` has at least one word (a character that is not whitespace).
pub(crate) fn has_words(s: &str) -> bool {
    for_each_word(s, |_, _| Err(())).is_err()
}

/// A word with control characters, shown as it is written: each control
/// character replaced by its [`picture`].
pub(crate) struct Pictured<'a>(pub(crate) &'a str);

impl std::fmt::Display for Pictured<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write;
        self.0.chars().try_for_each(|c| f.write_char(picture(c)))
    }
}

/// A byte that belongs to a word and is not a control character.
const WORD: u8 = 0;
/// An ASCII character `char::is_whitespace` accepts: tab, line feed,
/// vertical tab, form feed, carriage return, space.
const SPACE: u8 = 1;
/// An ASCII control character that is not whitespace.
const CONTROL: u8 = 2;
/// The first or a following byte of a character beyond ASCII.
const WIDE: u8 = 3;

/// The class of every byte value.
const CLASSES: [u8; 256] = {
    let mut table = [WIDE; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ' => SPACE,
            0..=0x1f | 0x7f => CONTROL,
            _ => WORD,
        };
        b += 1;
    }
    table
};

fn class(b: u8) -> u8 {
    CLASSES[usize::from(b)]
}

/// The words of a text: maximal runs of characters that are not
/// whitespace (`char::is_whitespace`), each with whether it is free of
/// control characters (`char::is_control`).
struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Words<'a> {
    fn new(text: &'a str) -> Self {
        Words { text, at: 0 }
    }

    /// The character starting at byte `at` (not ASCII) and its length.
    fn wide(&self, at: usize) -> (char, usize) {
        let c = self
            .text
            .get(at..)
            .and_then(|rest| rest.chars().next())
            .unwrap_or(' ');
        (c, c.len_utf8())
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = (&'a str, bool);

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        // Skip whitespace.
        loop {
            let rest = bytes.get(self.at..)?;
            let Some(skip) = rest.iter().position(|&b| class(b) != SPACE) else {
                self.at = bytes.len();
                return None;
            };
            self.at += skip;
            if rest.get(skip).is_some_and(|&b| class(b) == WIDE) {
                let (c, len) = self.wide(self.at);
                if c.is_whitespace() {
                    self.at += len;
                    continue;
                }
            }
            break;
        }
        // Take the word.
        let start = self.at;
        let mut plain = true;
        loop {
            let rest = bytes.get(self.at..).unwrap_or_default();
            let run = rest
                .iter()
                .position(|&b| class(b) != WORD)
                .unwrap_or(rest.len());
            self.at += run;
            match rest.get(run).map(|&b| class(b)) {
                None | Some(SPACE) => break,
                Some(CONTROL) => {
                    plain = false;
                    self.at += 1;
                }
                Some(_) => {
                    let (c, len) = self.wide(self.at);
                    if c.is_whitespace() {
                        break;
                    }
                    plain &= !c.is_control();
                    self.at += len;
                }
            }
        }
        Some((self.text.get(start..self.at).unwrap_or_default(), plain))
    }
}

/// A `Span` with one class around the words of `s`.
///
/// ```text
/// span("portion-marking", "(C/REL MTCR)") -> Span ("", ["portion-marking"], []) [Str "(C/REL", Space, Str "MTCR)"]
/// ```
pub(crate) fn span<'a>(class: &'static str, s: impl Into<Cow<'a, str>>) -> Piece<'a> {
    Piece::Span(Attr::new("", Some(class)), text(s))
}

/// `s` with its control characters other than whitespace replaced by their
/// control pictures (for metadata strings, which keep their whitespace).
///
/// ```text
/// "a\u{7}b\tc" -> "a␇b\tc"
/// ```
pub(crate) fn visible_text<'a>(s: impl Into<Cow<'a, str>>) -> Cow<'a, str> {
    let s = s.into();
    if !s.chars().any(|c| c.is_control() && !c.is_whitespace()) {
        return s;
    }
    s.chars()
        .map(|c| if c.is_whitespace() { c } else { picture(c) })
        .collect::<String>()
        .into()
}

/// The control picture of a C0 control or DEL (U+2400..U+2421); C1 controls
/// (U+0080..U+009F, which have no pictures) become U+FFFD.
fn picture(c: char) -> char {
    match c {
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        c if c.is_control() => '\u{fffd}',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pandoc_ast::Inline;

    fn strs(v: &[Inline]) -> Vec<String> {
        v.iter()
            .map(|i| match i {
                Inline::Str(s) => s.clone(),
                Inline::Space => " ".into(),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[track_caller]
    fn check(input: &str, expected: &[&str]) {
        assert_eq!(
            strs(&crate::typed::inlines(&text(input))),
            expected,
            "{input:?}"
        );
    }

    #[test]
    fn words_and_spaces() {
        check("", &[]);
        check("   \n\t ", &[]);
        check("one", &["one"]);
        check("  two  words\n", &["two", " ", "words"]);
        check("a\u{a0}b", &["a", " ", "b"]);
        check(
            "*not* _markup_ <b> $x$ [1](#) \\",
            &[
                "*not*", " ", "_markup_", " ", "<b>", " ", "$x$", " ", "[1](#)", " ", "\\",
            ],
        );
        check(
            "bell\u{7}here \u{0}",
            &["bell\u{2407}here", " ", "\u{2400}"],
        );
        check("del\u{7f} c1\u{85}", &["del\u{2421}", " ", "c1"]);
    }

    /// The definition `push_text` implements with its byte scan: split on
    /// `char::is_whitespace`, control characters to pictures.
    fn reference(s: &str) -> Vec<String> {
        let words = s.split(char::is_whitespace).filter(|w| !w.is_empty());
        let words: Vec<String> = words.map(|w| w.chars().map(picture).collect()).collect();
        let mut out = Vec::new();
        for w in words {
            if !out.is_empty() {
                out.push(" ".to_owned());
            }
            out.push(w);
        }
        out
    }

    #[test]
    fn byte_scan_agrees_with_char_split() {
        let pieces = [
            "a", "bc", " ", "  ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{0}", "\u{7}", "\u{1c}",
            "\u{1f}", "\u{7f}", "\u{80}", "\u{85}", "\u{9f}", "\u{a0}", "é", "\u{1680}",
            "\u{2000}", "\u{200b}", "\u{2028}", "\u{202f}", "\u{3000}", "\u{feff}", "😀", "*x*",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for len in 0..12 {
            for _ in 0..400 {
                let mut s = String::new();
                for _ in 0..len {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    s.push_str(pieces[(seed % pieces.len() as u64) as usize]);
                }
                assert_eq!(
                    strs(&crate::typed::inlines(&text(s.as_str()))),
                    reference(&s),
                    "{s:?}"
                );
            }
        }
    }

    #[test]
    fn c1_controls_that_are_not_whitespace_are_replaced() {
        check("x\u{80}y", &["x\u{fffd}y"]);
        check("a\u{1b}b  c", &["a\u{241b}b", " ", "c"]);
        assert_eq!(visible_text("a\u{7}b\tc\n"), "a\u{2407}b\tc\n");
    }
}
