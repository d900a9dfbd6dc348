//! Cable words as CommonMark text: escaping and line filling.
//!
//! Two passes make any text safe:
//!
//! * inline: every character that can open inline markup in CommonMark or
//!   its common extensions is backslash-escaped (`*` `_` `` ` `` `[` `]`
//!   `<` `\` `~` `|` `$` `^` `{` `}`, and `&` when it could start an entity);
//!   control characters and line breaks become spaces and runs of spaces
//!   collapse, so a model string can never end a paragraph early;
//! * line start: after lines are filled, a line that could open a block
//!   (`#`, `>`, `+`, `-`, `=`, `:`, `5.`, `5)`, `A.`, `iv)`, `(C)`) gets one
//!   more backslash, so `1. (C)` stays text wherever a wrap puts it.
//!
//! ```text
//! 5. (C) Costs rose 5*2 [sic]   ->  5\. (C) Costs rose 5\*2 \[sic\]
//! ```

/// Where escaped text goes: headings also escape `#` anywhere (a closing
/// `#` sequence would be eaten).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Paragraph, list item or header text.
    Text,
    /// ATX heading text.
    Heading,
}

/// Escapes `text` for use inside a line of Markdown: inline markup
/// characters get a backslash, control characters and line breaks become
/// spaces, whitespace runs collapse to one space, ends are trimmed.
///
/// ```text
/// "a_b  *c*\n<d>"  ->  "a\_b \*c\* \<d>"
/// ```
pub(crate) fn escape(text: &str, mode: Mode) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16 + 2);
    escape_into(&mut out, text, mode);
    out
}

/// How [`escape_into`] treats an ASCII byte.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Copied as is.
    Plain,
    /// A space, line break or control character: collapses into one space.
    Space,
    /// May need a backslash (see [`is_special`]).
    Special,
    /// The first byte of a character beyond ASCII.
    Wide,
}

/// The class of every byte value, so that runs of plain text are found by
/// a table lookup per byte.
const CLASSES: [Class; 256] = {
    let mut table = [Class::Plain; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte >= 0x80 {
            Class::Wide
        } else if byte <= b' ' || byte == 0x7f {
            Class::Space
        } else if is_special(byte) {
            Class::Special
        } else {
            Class::Plain
        };
        b += 1;
    }
    table
};

fn class(b: u8) -> Class {
    CLASSES[usize::from(b)]
}

/// [`escape`], appended to `out` (whatever `out` already holds counts as
/// nothing written yet: no space is put at the start of the escaped text).
pub(crate) fn escape_into(out: &mut String, text: &str, mode: Mode) {
    let base = out.len();
    let bytes = text.as_bytes();
    let mut pending_space = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match class(b) {
            Class::Plain => {
                // A run of plain ASCII is copied at once, single spaces
                // between plain characters included (they stay as they are).
                let mut end = i + 1;
                loop {
                    match bytes.get(end) {
                        Some(&n) if class(n) == Class::Plain => end += 1,
                        Some(b' ')
                            if bytes
                                .get(end + 1)
                                .is_some_and(|&n| class(n) == Class::Plain) =>
                        {
                            end += 2
                        }
                        _ => break,
                    }
                }
                if std::mem::take(&mut pending_space) {
                    out.push(' ');
                }
                out.push_str(text.get(i..end).unwrap_or_default());
                i = end;
            }
            Class::Space => {
                pending_space = out.len() > base;
                i += 1;
            }
            Class::Special => {
                if std::mem::take(&mut pending_space) {
                    out.push(' ');
                }
                let needs = match b {
                    b'&' => starts_entity(text.get(i + 1..).unwrap_or_default()),
                    b'#' => mode == Mode::Heading,
                    _ => true,
                };
                if needs {
                    out.push('\\');
                }
                out.push(char::from(b));
                i += 1;
            }
            Class::Wide => {
                let c = text.get(i..).and_then(|t| t.chars().next()).unwrap_or(' ');
                i += c.len_utf8();
                if c.is_whitespace() || c.is_control() {
                    pending_space = out.len() > base;
                    continue;
                }
                if std::mem::take(&mut pending_space) {
                    out.push(' ');
                }
                out.push(c);
            }
        }
    }
}

/// ASCII characters that may need a backslash (`&` and `#` only in context).
const fn is_special(b: u8) -> bool {
    matches!(
        b,
        b'\\'
            | b'`'
            | b'*'
            | b'_'
            | b'['
            | b']'
            | b'<'
            | b'~'
            | b'|'
            | b'$'
            | b'^'
            | b'{'
            | b'}'
            | b'&'
            | b'#'
    )
}

/// Whether `&` followed by `rest` reads as a character reference:
/// `amp;`, `#38;`, `#x26;` (name or number, then `;`).
fn starts_entity(rest: &str) -> bool {
    let body = rest.strip_prefix('#').unwrap_or(rest);
    let len = body
        .bytes()
        .take(33)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    len > 0 && body.as_bytes().get(len) == Some(&b';')
}

/// Makes an already escaped line safe at the start of a block line: one
/// backslash where the line would otherwise open a heading, quote, list,
/// rule, setext underline or definition.
///
/// ```text
/// "5. (C) text"   ->  "5\. (C) text"
/// "(C) text"      ->  "\(C) text"
/// "-- item"       ->  "\-- item"
/// "U.S. policy"   ->  "U.S. policy"
/// ```
pub(crate) fn escape_line_start(mut line: String) -> String {
    if let Some(at) = line_start_backslash(&line) {
        line.insert(at, '\\');
    }
    line
}

/// Where [`escape_line_start`] puts its backslash, if anywhere.
fn line_start_backslash(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let first = *bytes.first()?;
    if matches!(first, b'#' | b'>' | b'+' | b'-' | b'=' | b':') {
        return Some(0);
    }
    let ends_marker = |i: usize| bytes.get(i).is_none_or(|b| *b == b' ');
    // `5.`, `5)`, `A.`, `iv)`: a run that could be a list number, then `.` or `)`.
    let run = marker_run(bytes);
    let punct = bytes.get(run).copied();
    if run > 0 && matches!(punct, Some(b'.' | b')')) && ends_marker(run + 1) {
        return Some(run);
    }
    // `(C)`, `(5)`, `(iv)`, `(@x)`: a parenthesised list marker.
    if first == b'(' {
        let rest = bytes.get(1..).unwrap_or_default();
        let run = if rest.first() == Some(&b'@') {
            1 + rest
                .iter()
                .skip(1)
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_' || **b == b'-')
                .count()
        } else {
            marker_run(rest)
        };
        if run > 0 && rest.get(run) == Some(&b')') && ends_marker(run + 2) {
            return Some(0);
        }
    }
    None
}

/// Length of a leading run that pandoc's fancy lists or CommonMark could
/// read as a list number: 1-9 digits, one letter, or a roman numeral.
fn marker_run(bytes: &[u8]) -> usize {
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits > 0 {
        return if digits <= 9 { digits } else { 0 };
    }
    let roman = bytes
        .iter()
        .take_while(|b| b"ivxlcdmIVXLCDM".contains(b))
        .count();
    if roman > 0 {
        return roman;
    }
    usize::from(bytes.first().is_some_and(u8::is_ascii_alphabetic))
}

/// Fills one block of prose into lines.
///
/// `lead` is Markdown already safe to start a line (`**5.**`), written
/// before the text with a space; `text` is raw model text. With `width`
/// the words are filled greedily into lines of at most `width` characters
/// (a longer word gets a line of its own); without, the block is one line.
/// Every line is safe at the start of a block line.
///
/// ```text
/// lead "**5.**", text "(C) Talking points:"  ->  ["**5.** (C) Talking points:"]
/// lead "", text "2009. Then", width 4        ->  ["2009\.", "Then"]
/// ```
pub(crate) fn fill(lead: &str, text: &str, width: Option<usize>) -> Vec<String> {
    if width.is_some() {
        return fill_escaped(lead, &escape(text, Mode::Text), width);
    }
    // One line: the text is escaped straight into it, after the lead.
    let mut line = String::with_capacity(lead.len() + 1 + text.len() + text.len() / 16 + 2);
    if lead.is_empty() {
        escape_into(&mut line, text, Mode::Text);
        return vec![escape_line_start(line)];
    }
    line.push_str(lead);
    line.push(' ');
    let before = line.len();
    escape_into(&mut line, text, Mode::Text);
    if line.len() == before {
        line.pop();
    }
    vec![line]
}

/// [`fill`] for Markdown that is already escaped inline (words separated
/// by single spaces, such as `A. STATE 4690 ([09STATE4690](09STATE4690.md))`
/// built from escaped parts); only line starts are escaped.
pub(crate) fn fill_escaped(lead: &str, escaped: &str, width: Option<usize>) -> Vec<String> {
    let Some(width) = width else {
        let line = match (lead.is_empty(), escaped.is_empty()) {
            (true, _) => escape_line_start(escaped.to_owned()),
            (false, true) => lead.to_owned(),
            (false, false) => {
                let mut line = String::with_capacity(lead.len() + 1 + escaped.len());
                line.push_str(lead);
                line.push(' ');
                line.push_str(escaped);
                line
            }
        };
        return vec![line];
    };
    let mut lines = Vec::new();
    let mut current = lead.to_owned();
    let mut current_len = lead.chars().count();
    let mut starts_with_text = lead.is_empty();
    for word in escaped.split(' ').filter(|w| !w.is_empty()) {
        let len = word.chars().count();
        if current.is_empty() {
            current.push_str(word);
            current_len = len;
        } else if current_len + 1 + len <= width {
            current.push(' ');
            current.push_str(word);
            current_len += 1 + len;
        } else {
            lines.push(finish(current, starts_with_text));
            current = word.to_owned();
            current_len = len;
            starts_with_text = true;
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(finish(current, starts_with_text));
    }
    lines
}

fn finish(line: String, starts_with_text: bool) -> String {
    if starts_with_text {
        escape_line_start(line)
    } else {
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One case: input, then expected output of `escape` + `escape_line_start`.
    fn check(input: &str, expected: &str) {
        let got = escape_line_start(escape(input, Mode::Text));
        assert_eq!(got, expected, "input {input:?}");
    }

    #[test]
    fn block_and_inline_markup_is_escaped() {
        for (input, expected) in [
            ("5. (C) TALKING POINTS:", "5\\. (C) TALKING POINTS:"),
            ("15) text", "15\\) text"),
            ("1234567890. text", "1234567890. text"),
            ("A. (C) PREPARATION", "A\\. (C) PREPARATION"),
            ("iv) fourth", "iv\\) fourth"),
            ("Mr. Smith", "Mr. Smith"),
            ("U.S. views", "U.S. views"),
            ("2.5 million", "2.5 million"),
            ("(C) portion", "\\(C) portion"),
            ("(C/REL MTCR) portion", "(C/REL MTCR) portion"),
            ("(if asked only)", "(if asked only)"),
            ("(@ex) text", "\\(@ex) text"),
            ("--As agreed", "\\--As agreed"),
            ("- item", "\\- item"),
            ("+ item", "\\+ item"),
            ("* item", "\\* item"),
            ("# not a heading", "\\# not a heading"),
            ("> not a quote", "\\> not a quote"),
            ("====", "\\===="),
            ("----", "\\----"),
            ("___", "\\_\\_\\_"),
            (": definition", "\\: definition"),
            ("```rust", "\\`\\`\\`rust"),
            ("~~~", "\\~\\~\\~"),
            ("<div>", "\\<div>"),
            ("a *b* _c_ `d`", "a \\*b\\* \\_c\\_ \\`d\\`"),
            ("[link](http://x)", "\\[link\\](http://x)"),
            ("![img](x)", "!\\[img\\](x)"),
            ("a\\b", "a\\\\b"),
            (
                "AT&T &amp; &#38; &#x26; &Bishop Jovan8 & done",
                "AT&T \\&amp; \\&#38; \\&#x26; &Bishop Jovan8 & done",
            ),
            ("$5 and $6", "\\$5 and \\$6"),
            ("x^2^ ~sub~", "x\\^2\\^ \\~sub\\~"),
            ("a | b", "a \\| b"),
            ("{#id .c}", "\\{#id .c\\}"),
            ("  lead\tand\u{0c}ctl\r\nend  ", "lead and ctl end"),
            ("\u{0}\u{1b}x", "x"),
            ("a\u{a0}b\u{85}c\u{2028}d é⁸", "a b c d é⁸"),
            ("#1 &x", "\\#1 &x"),
            ("a b  c \t d e ", "a b c d e"),
            ("x y*z *w", "x y\\*z \\*w"),
            (" é ü  x", "é ü x"),
            ("", ""),
        ] {
            check(input, expected);
        }
    }

    #[test]
    fn escaping_appends_without_a_leading_space() {
        let mut s = String::from("lead");
        escape_into(&mut s, "  a_b \u{a0} ", Mode::Text);
        assert_eq!(s, "leada\\_b");
    }

    #[test]
    fn headings_escape_hashes() {
        assert_eq!(escape("ITEM #1 ##", Mode::Heading), "ITEM \\#1 \\#\\#");
    }

    #[test]
    fn fill_wraps_and_escapes_every_line_start() {
        let lines = fill(
            "**4.**",
            "see paragraphs 2-3 above, by 2009. - done",
            Some(16),
        );
        assert_eq!(
            lines,
            [
                "**4.** see",
                "paragraphs 2-3",
                "above, by 2009.",
                "\\- done"
            ]
            .map(String::from)
        );
        assert_eq!(
            fill("", "by 2009. Then", Some(3)),
            ["by", "2009\\.", "Then"]
        );
        assert_eq!(fill("", "1. x", None), ["1\\. x"]);
        assert_eq!(fill("**A.**", "", None), ["**A.**"]);
        assert_eq!(fill("**A.**", " \u{1}\n ", None), ["**A.**"]);
        assert_eq!(
            fill("**5.**", "  (C) a  *b* ", None),
            ["**5.** (C) a \\*b\\*"]
        );
        assert_eq!(fill("", "  5. x", None), ["5\\. x"]);
        assert_eq!(fill("", "", Some(10)), [""]);
        assert_eq!(
            fill("", "averyveryverylongword x", Some(5)),
            ["averyveryverylongword", "x"]
        );
    }
}
