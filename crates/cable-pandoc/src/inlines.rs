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
pub(crate) fn push_text(out: &mut Vec<Inline>, s: &str) {
    for word in s.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(Inline::Space);
        }
        out.push(Inline::Str(visible(word)));
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

/// `word` with control characters replaced by their control pictures.
fn visible(word: &str) -> String {
    if !word.chars().any(char::is_control) {
        return word.to_owned();
    }
    word.chars().map(picture).collect()
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

    #[test]
    fn c1_controls_that_are_not_whitespace_are_replaced() {
        check("x\u{80}y", &["x\u{fffd}y"]);
        check("a\u{1b}b  c", &["a\u{241b}b", " ", "c"]);
        assert_eq!(visible_text("a\u{7}b\tc\n"), "a\u{2407}b\tc\n");
    }
}
