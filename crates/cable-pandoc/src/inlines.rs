//! Cable text as pandoc inlines: words and spaces, nothing else.
//!
//! The text is never interpreted as markup: `*`, `_`, `<b>`, `$x$` and `[1](#)`
//! stay literal characters inside `Str`, which is the point of writing the
//! AST rather than Markdown.

use pandoc_ast::{Attr, Inline};

/// Splits text into `Str` words separated by single `Space`s, as pandoc's own
/// readers do: runs of whitespace (including tabs, newlines and no-break
/// spaces) become one `Space`, leading and trailing whitespace is dropped.
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
pub(crate) fn text(s: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    push_text(&mut out, s);
    out
}

/// Appends the words of `s` to `out`, with a `Space` before the first word
/// when `out` already holds inlines.
///
/// The words are found by a byte scan (a table tells ASCII spaces, ASCII
/// controls and word bytes apart; other characters are decoded only where
/// they occur), and `out` is reserved once for about as many words as `s`
/// has spaces: an `Inline` is large, and growing a long paragraph's vector
/// by doubling copied it several times over.
pub(crate) fn push_text(out: &mut Vec<Inline>, s: &str) {
    let spaces = s.bytes().filter(|&b| b == b' ').count();
    out.reserve(2 * spaces + 2);
    // Most words are separated by single spaces, which `split` finds with
    // memchr; only a piece holding other whitespace, a control character
    // or a character beyond ASCII goes through the full scan.
    for piece in s.split(' ').filter(|p| !p.is_empty()) {
        if piece.bytes().all(|b| class(b) == WORD) {
            push_word(out, piece.to_owned());
            continue;
        }
        for (word, plain) in Words::new(piece) {
            let word = if plain {
                word.to_owned()
            } else {
                word.chars().map(picture).collect()
            };
            push_word(out, word);
        }
    }
}

/// Appends `Str word`, after a `Space` when `out` already holds inlines.
fn push_word(out: &mut Vec<Inline>, word: String) {
    if !out.is_empty() {
        out.push(Inline::Space);
    }
    out.push(Inline::Str(word));
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

/// Appends `inline` to `out`, with a `Space` before it when `out` already
/// holds inlines.
pub(crate) fn push_spaced(out: &mut Vec<Inline>, inline: Inline) {
    if !out.is_empty() {
        out.push(Inline::Space);
    }
    out.push(inline);
}

/// A `Span` with one class around the words of `s`.
///
/// ```text
/// span("portion-marking", "(C/REL MTCR)") -> Span ("", ["portion-marking"], []) [Str "(C/REL", Space, Str "MTCR)"]
/// ```
pub(crate) fn span(class: &str, s: &str) -> Inline {
    Inline::Span(attr("", &[class], Vec::new()), text(s))
}

/// Builds an attribute triple.
pub(crate) fn attr(id: &str, classes: &[&str], pairs: Vec<(String, String)>) -> Attr {
    (
        id.to_owned(),
        classes.iter().map(|c| (*c).to_owned()).collect(),
        pairs,
    )
}

/// `s` with its control characters other than whitespace replaced by their
/// control pictures (for metadata strings, which keep their whitespace).
///
/// ```text
/// "a\u{7}b\tc" -> "a␇b\tc"
/// ```
pub(crate) fn visible_text(s: &str) -> String {
    if !s.chars().any(|c| c.is_control() && !c.is_whitespace()) {
        return s.to_owned();
    }
    s.chars()
        .map(|c| if c.is_whitespace() { c } else { picture(c) })
        .collect()
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
        assert_eq!(strs(&text(input)), expected, "{input:?}");
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
                assert_eq!(strs(&text(&s)), reference(&s), "{s:?}");
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
