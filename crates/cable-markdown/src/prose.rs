//! Cable words as Markdown text: escaping and line filling.
//!
//! The text must read the same in every Markdown reader a page may meet:
//! CommonMark (GitHub, pulldown-cmark), Goldmark (Hugo), Python-Markdown
//! (MkDocs), kramdown (Jekyll) and pandoc. Those readers agree on only a few
//! backslash escapes: Python-Markdown and kramdown print the backslash of
//! `\$`, `\&`, `\~`, `\<`, `\^`, `\=`, and Python-Markdown that of `\:` and
//! `\|`. So a character is escaped only where it would change the parse,
//! and then with a backslash only if every reader takes that escape
//! (`\` `` ` `` `*` `_` `{` `}` `[` `]` `(` `)` `>` `#` `+` `-` `.` `!`),
//! else with a character reference, which every reader decodes:
//!
//! * inline: `*` `` ` `` `[` `]` `{` `}` always get a backslash (which also
//!   keeps Liquid and Hugo shortcodes from seeing `{{`), except `{` before
//!   `%`, which becomes `&#123;` (Liquid would still see `{%`); `_` unless
//!   it sits between two letters or digits (`FOO_BAR`); `\` a second
//!   backslash before punctuation, `&#92;` before a space or at the end (a
//!   line-final backslash is a hard break); `|` becomes `&#124;` (kramdown
//!   reads any line holding a `|` as a table row); `<` before anything but a space
//!   becomes `&lt;` (a tag or an autolink otherwise), and `>` before `>`
//!   `&gt;` (typographers make `>>` a `»`); `&` becomes `&amp;`
//!   where it would start a character reference (`&amp;`, `&#38;`; `AT&T`
//!   stays); `$`, `~` and `^` become `&#36;`, `&#126;`, `&#94;` when the text
//!   holds two or more of them (math, strike-through, sub- and superscript
//!   need a pair; one `$40 MILLION` stays as it is), and always in a
//!   label or lead (`**5.**`, `**NOTE:**`, a reference's `A.`), which is
//!   escaped apart from the text it leads and so cannot count that text's;
//!   in headings `#` gets a backslash. Control characters and line breaks
//!   become spaces and runs of spaces collapse, so a model string can never
//!   end a paragraph early;
//! * line start: after lines are filled, a line that could open a block
//!   gets one more escape: `#`, `>`, `+`, `!!!` (admonitions), a list
//!   number (`5.`, `5)`), a letter or roman numeral marker of pandoc's fancy
//!   lists (`A.`, `iv)`), a parenthesised marker (`(C)`), and `-` where it
//!   would make a list, rule or table row get a backslash; `:` (definition
//!   lists, fenced divs), a line of `=` (setext
//!   heading), `???` and a lone `^` get a character reference.
//!
//! ```text
//! 5. (C) Costs rose 5*2 [sic]    ->  5\. (C) Costs rose 5\*2 \[sic\]
//! $40 MILLION, AT&T, x~2         ->  $40 MILLION, AT&T, x~2
//! $5 and $6, &amp;, <b>          ->  &#36;5 and &#36;6, &amp;amp;, &lt;b>
//! ```

/// Where escaped text goes: headings also escape `#` anywhere (a closing
/// `#` sequence would be eaten); a lead always writes `$`, `~` and `^` as
/// character references.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Paragraph, list item or header text.
    Text,
    /// ATX heading text.
    Heading,
    /// A label or lead escaped apart from the text after it on the same
    /// line (`**5.**`, `**NOTE:**`, a reference's `A.`): a single `$`, `~`
    /// or `^` in it could pair with one in the text (math, strike-through,
    /// superscript), so it is always a character reference.
    Lead,
}

/// Escapes `text` for use inside a line of Markdown: markup characters are
/// escaped where they would change the parse (see the module docs), control
/// characters and line breaks become spaces, whitespace runs collapse to
/// one space, ends are trimmed.
///
/// ```text
/// "a_b  *c*\n<d>"  ->  "a_b \*c\* &lt;d>"
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
    /// May need escaping (see [`is_special`]).
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

/// Whether `$`, `~` and `^` occur at least twice in a text (and so must be
/// written as character references), decided at the first occurrence.
#[derive(Default)]
struct Pairs {
    /// Per character: not yet looked at, or the decision.
    decided: [Option<bool>; 3],
}

impl Pairs {
    /// Whether the `b` at byte `at` of `text` is one of a pair or more.
    fn paired(&mut self, b: u8, text: &[u8], at: usize) -> bool {
        let slot = match b {
            b'$' => 0,
            b'~' => 1,
            _ => 2,
        };
        *self.decided[slot]
            .get_or_insert_with(|| text.get(at + 1..).is_some_and(|rest| rest.contains(&b)))
    }
}

/// The character reference written for a paired `$`, `~` or `^`.
fn pair_reference(b: u8) -> &'static str {
    match b {
        b'$' => "&#36;",
        b'~' => "&#126;",
        _ => "&#94;",
    }
}

/// [`escape`], appended to `out` (whatever `out` already holds counts as
/// nothing written yet: no space is put at the start of the escaped text).
pub(crate) fn escape_into(out: &mut String, text: &str, mode: Mode) {
    let base = out.len();
    let bytes = text.as_bytes();
    let mut pending_space = false;
    let mut pairs = Pairs::default();
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
                special(out, b, text, i, mode, &mut pairs);
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

/// Writes the special byte `b` found at `at` in `text`, escaped as its
/// context needs (see the module docs).
fn special(out: &mut String, b: u8, text: &str, at: usize, mode: Mode, pairs: &mut Pairs) {
    let bytes = text.as_bytes();
    let next = text.get(at + 1..).and_then(|t| t.chars().next());
    let blank_next = next.is_none_or(|c| c.is_whitespace() || c.is_control());
    match b {
        b'\\' if blank_next => out.push_str("&#92;"),
        b'\\' if next.is_some_and(|c| c.is_ascii_punctuation()) => out.push_str("\\\\"),
        b'\\' => out.push('\\'),
        b'_' => {
            let alnum = |i: Option<usize>| {
                i.and_then(|i| bytes.get(i))
                    .is_some_and(u8::is_ascii_alphanumeric)
            };
            if !(alnum(at.checked_sub(1)) && alnum(Some(at + 1))) {
                out.push('\\');
            }
            out.push('_');
        }
        // Goldmark's and kramdown's typographers turn `>>` into `»`.
        b'>' if next == Some('>') => out.push_str("&gt;"),
        b'>' => out.push('>'),
        b'<' if blank_next => out.push('<'),
        b'<' => out.push_str("&lt;"),
        b'&' if starts_entity(text.get(at + 1..).unwrap_or_default()) => out.push_str("&amp;"),
        b'&' => out.push('&'),
        // kramdown reads any line holding `|` as a table row.
        b'|' => out.push_str("&#124;"),
        b'#' => {
            if mode == Mode::Heading {
                out.push('\\');
            }
            out.push('#');
        }
        // Jekyll's Liquid runs before Markdown and sees `\{%` as a tag.
        b'{' if next == Some('%') => out.push_str("&#123;"),
        b'$' | b'~' | b'^' => {
            if mode == Mode::Lead || pairs.paired(b, bytes, at) {
                out.push_str(pair_reference(b));
            } else {
                out.push(char::from(b));
            }
        }
        _ => {
            out.push('\\');
            out.push(char::from(b));
        }
    }
}

/// ASCII characters that may need escaping (most only in context).
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
            | b'>'
            | b'|'
            | b'~'
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
/// more escape where the line would otherwise open a heading, quote, list,
/// rule, table, setext underline, definition, fenced div or admonition.
///
/// ```text
/// "5. (C) text"   ->  "5\. (C) text"
/// "(C) text"      ->  "\(C) text"
/// "- item"        ->  "\- item"
/// "--As agreed"   ->  "--As agreed"
/// ": text"        ->  "&#58; text"
/// "U.S. policy"   ->  "U.S. policy"
/// ```
pub(crate) fn escape_line_start(mut line: String) -> String {
    match line_start_fix(&line) {
        Some(Fix::Backslash(at)) => line.insert(at, '\\'),
        Some(Fix::Reference(entity)) => line.replace_range(..1, entity),
        None => {}
    }
    line
}

/// What [`escape_line_start`] does to a line.
#[derive(Debug, PartialEq, Eq)]
enum Fix {
    /// A backslash before the byte at this offset.
    Backslash(usize),
    /// The first character (ASCII) replaced by this character reference.
    Reference(&'static str),
}

/// Where and how [`escape_line_start`] escapes, if at all.
fn line_start_fix(line: &str) -> Option<Fix> {
    let bytes = line.as_bytes();
    let first = *bytes.first()?;
    let rest = bytes.get(1..).unwrap_or_default();
    let only = |set: &[u8]| bytes.iter().all(|b| set.contains(b));
    match first {
        b'#' | b'>' | b'+' => return Some(Fix::Backslash(0)),
        b'!' if rest.starts_with(b"!!") => return Some(Fix::Backslash(0)),
        // A list item, a rule or a setext underline (no table can form:
        // `|` is always written `&#124;`).
        b'-' if rest.first().is_none_or(|b| *b == b' ') || only(b"- ") => {
            return Some(Fix::Backslash(0));
        }
        b':' => return Some(Fix::Reference("&#58;")),
        b'=' if only(b"= ") => return Some(Fix::Reference("&#61;")),
        b'?' if rest.starts_with(b"??") => return Some(Fix::Reference("&#63;")),
        b'^' if rest.is_empty() => return Some(Fix::Reference("&#94;")),
        _ => {}
    }
    let ends_marker = |i: usize| bytes.get(i).is_none_or(|b| *b == b' ');
    // `5.`, `5)`, `A.`, `iv)`: a run that could be a list number, then `.` or `)`.
    let run = marker_run(bytes);
    let punct = bytes.get(run).copied();
    if run > 0 && matches!(punct, Some(b'.' | b')')) && ends_marker(run + 1) {
        return Some(Fix::Backslash(run));
    }
    // `(C)`, `(5)`, `(iv)`, `(@x)`: a parenthesised list marker.
    if first == b'(' {
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
            return Some(Fix::Backslash(0));
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
            ("--As agreed", "--As agreed"),
            ("-- ", "\\--"),
            ("-|-", "-&#124;-"),
            ("-1 degree", "-1 degree"),
            ("- item", "\\- item"),
            ("+ item", "\\+ item"),
            ("* item", "\\* item"),
            ("# not a heading", "\\# not a heading"),
            ("> not a quote", "\\> not a quote"),
            ("====", "&#61;==="),
            ("== x", "== x"),
            ("----", "\\----"),
            ("___", "\\_\\_\\_"),
            (": definition", "&#58; definition"),
            ("::: div", "&#58;:: div"),
            ("!!! note", "\\!!! note"),
            ("??? note", "&#63;?? note"),
            ("^", "&#94;"),
            ("```rust", "\\`\\`\\`rust"),
            ("~~~", "&#126;&#126;&#126;"),
            ("x~2 of 3", "x~2 of 3"),
            ("<div>", "&lt;div>"),
            ("3 < 5 <", "3 < 5 <"),
            ("<<ROWID>>", "&lt;&lt;ROWID&gt;>"),
            ("a > b >", "a > b >"),
            ("a *b* _c_ `d`", "a \\*b\\* \\_c\\_ \\`d\\`"),
            ("[link](http://x)", "\\[link\\](http://x)"),
            ("![img](x)", "!\\[img\\](x)"),
            ("a\\b", "a\\b"),
            ("C:\\KSWG\\2009", "C:\\KSWG\\2009"),
            ("a\\* b\\ c\\", "a\\\\\\* b&#92; c&#92;"),
            (
                "AT&T &amp; &#38; &#x26; &Bishop Jovan8 & done",
                "AT&T &amp;amp; &amp;#38; &amp;#x26; &Bishop Jovan8 & done",
            ),
            ("$5 and $6", "&#36;5 and &#36;6"),
            ("\\$40 MILLION", "\\\\$40 MILLION"),
            ("$40 MILLION", "$40 MILLION"),
            ("x^2^ ~sub~", "x&#94;2&#94; &#126;sub&#126;"),
            ("x^2", "x^2"),
            ("a | b", "a &#124; b"),
            ("FOO_BAR _x a_ 9_9", "FOO_BAR \\_x a\\_ 9_9"),
            ("{#id .c}", "\\{#id .c\\}"),
            ("{{ x }} {% y %}", "\\{\\{ x \\}\\} &#123;% y %\\}"),
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
        escape_into(&mut s, "  a_b _c \u{a0} ", Mode::Text);
        assert_eq!(s, "leada_b \\_c");
    }

    #[test]
    fn leads_write_every_pairing_character_as_a_reference() {
        assert_eq!(escape("$.", Mode::Lead), "&#36;.");
        assert_eq!(escape("~X ^Y", Mode::Lead), "&#126;X &#94;Y");
        assert_eq!(escape("`.", Mode::Lead), "\\`.");
        assert_eq!(escape("\\.", Mode::Lead), "\\\\.");
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
