//! The input as lines: line endings normalised, trailing blanks trimmed,
//! and transmission debris that is not part of the text (page headers,
//! `SIPDIS` lines, Markdown link debris of the seed rendering) removed and
//! counted. Everything after this stage works on [`Line`]s through a
//! [`Cursor`].
//!
//! A [`Prescan`] of the whole text tells which kinds of debris it holds; a
//! [`Cleaner`] goes through the lines, one function per kind of debris it
//! removes or damage it repairs, counting each kind in [`Removals`]; a page
//! that shows its header after the text is then read header first
//! ([`read_header_first`]).
//!
//! [`Prescan`]: clean
//! [`Removals`]: clean
//! [`read_header_first`]: reorder::read_header_first

mod clean;
mod page;
mod reorder;
mod repairs;
mod wrap;

use crate::blanks::Blanks;

use crate::context::Context;
use cable_model::Code;
use clean::Cleaner;
use std::borrow::Cow;

pub(crate) use wrap::{Wrap, ended_short, wrap, wrap_width};

/// One line of the cleaned input.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    /// 1-based line number in the original input.
    pub(crate) no: u32,
    /// The line without its line ending and trailing whitespace.
    pub(crate) text: Cow<'a, str>,
}

impl Line<'_> {
    /// Whether the line is empty (whitespace-only lines were trimmed to empty).
    pub(crate) fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// The cleaned lines of one input.
pub(crate) struct Source<'a> {
    lines: Vec<Line<'a>>,
}

impl<'a> Source<'a> {
    /// Splits and cleans `text`, recording what was removed in `cx`.
    pub(crate) fn new(text: &'a str, cx: &mut Context<'_>) -> Source<'a> {
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => {
                cx.diag(Code::ByteOrderMark, Some(1), "byte-order mark removed");
                rest
            }
            None => text,
        };
        if text.trim_blanks().is_empty() {
            cx.diag(Code::EmptyInput, None, "the input holds no text");
        }
        Source {
            lines: Cleaner::clean(text, cx),
        }
    }

    /// A cursor at the first line.
    pub(crate) fn cursor(&self) -> Cursor<'_, 'a> {
        Cursor {
            lines: &self.lines,
            pos: 0,
        }
    }
}

/// Splits on `\n`, `\r\n` and lone `\r`.
pub(crate) fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let s = rest?;
        match memchr::memchr2(b'\n', b'\r', s.as_bytes()) {
            Some(i) => {
                let skip = if s.as_bytes()[i] == b'\r' && s.as_bytes().get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                rest = Some(&s[i + skip..]);
                Some(&s[..i])
            }
            None => {
                rest = None;
                (!s.is_empty()).then_some(s)
            }
        }
    })
}

/// A position in the cleaned lines. Header and body parsers advance it;
/// nothing goes backwards past what a parser has consumed.
pub(crate) struct Cursor<'s, 'a> {
    lines: &'s [Line<'a>],
    pos: usize,
}

#[allow(
    dead_code,
    reason = "the cursor API offered to both phases; not every method is used by both"
)]
impl<'s, 'a> Cursor<'s, 'a> {
    /// The current line, if any.
    pub(crate) fn peek(&self) -> Option<&'s Line<'a>> {
        self.lines.get(self.pos)
    }
    /// The line `n` after the current one.
    pub(crate) fn peek_nth(&self, n: usize) -> Option<&'s Line<'a>> {
        self.lines.get(self.pos + n)
    }
    /// Takes the current line.
    pub(crate) fn next_line(&mut self) -> Option<&'s Line<'a>> {
        let l = self.lines.get(self.pos)?;
        self.pos += 1;
        Some(l)
    }
    /// Skips blank lines; returns how many.
    pub(crate) fn skip_blank(&mut self) -> usize {
        let start = self.pos;
        while self.peek().is_some_and(Line::is_blank) {
            self.pos += 1;
        }
        self.pos - start
    }
    /// Whether every line has been consumed.
    pub(crate) fn is_at_end(&self) -> bool {
        self.pos >= self.lines.len()
    }
    /// The lines not consumed yet.
    pub(crate) fn rest(&self) -> &'s [Line<'a>] {
        &self.lines[self.pos.min(self.lines.len())..]
    }
    /// The current position, to return to with [`Cursor::reset`].
    pub(crate) fn mark(&self) -> usize {
        self.pos
    }
    /// Returns to a position taken with [`Cursor::mark`].
    pub(crate) fn reset(&mut self, mark: usize) {
        self.pos = mark.min(self.lines.len());
    }
    /// Consumes `n` lines (after inspecting them through [`Cursor::rest`]).
    pub(crate) fn advance(&mut self, n: usize) {
        self.pos = (self.pos + n).min(self.lines.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cable_model::ContainerMeta;

    fn lines(text: &str) -> Vec<String> {
        let meta = ContainerMeta::default();
        let mut cx = Context::new(&meta);
        let src = Source::new(text, &mut cx);
        src.lines.iter().map(|l| l.text.to_string()).collect()
    }

    /// Regression (`FOUR⏎SIPDIS SCENARIOS`): a SIPDIS word inserted at the
    /// start of a wrapped line was kept as text.
    #[test]
    fn regression_sipdis_word_inside_wrapped_text() {
        let meta = ContainerMeta::default();
        let mut cx = Context::new(&meta);
        let src = Source::new(
            "1. (C) The minister foresaw four\nSIPDIS scenarios for the coming\nweeks.\n",
            &mut cx,
        );
        let got: Vec<String> = src.lines.iter().map(|l| l.text.to_string()).collect();
        assert_eq!(
            got,
            [
                "1. (C) The minister foresaw four",
                "scenarios for the coming",
                "weeks."
            ]
        );
        assert!(
            cx.cable
                .diagnostics
                .iter()
                .any(|d| d.code == Code::SipdisRemoved && d.line == Some(2))
        );
        assert_eq!(
            lines("THE MINISTER FORESAW FOUR\nSIPDIS SCENARIOS FOR THE COMING\nWEEKS."),
            [
                "THE MINISTER FORESAW FOUR",
                "SCENARIOS FOR THE COMING",
                "WEEKS."
            ]
        );
        assert_eq!(
            lines("He said the minister SIPDIS would come."),
            ["He said the minister would come."]
        );
        // Handling lines and lines after a finished sentence stay.
        assert_eq!(
            lines("UNCLAS OSLO 000123\nSIPDIS NOFORN\nx"),
            ["UNCLAS OSLO 000123", "SIPDIS NOFORN", "x"]
        );
        assert_eq!(
            lines("It ended.\nSIPDIS CXOSLO: FOR THE AMBASSADOR"),
            ["It ended.", "SIPDIS CXOSLO: FOR THE AMBASSADOR"]
        );
        assert_eq!(lines("UNCLAS SIPDIS"), ["UNCLAS SIPDIS"]);
    }

    #[test]
    fn endings_and_debris() {
        assert_eq!(lines("a \r\nb\rc\n \n"), ["a", "b", "c", ""]);
        assert_eq!(
            lines("TAGS: [MTCRE](#) [PARM](#)\n[B](#). STATE 1"),
            ["TAGS: MTCRE PARM", "B. STATE 1"]
        );
        assert_eq!(
            lines("x\n\nBERN 00000881  002 OF 002 \n\nSIPDIS \ny"),
            ["x", "", "", "y"]
        );
        assert_eq!(lines("a\nBLA 0000001 003.2 OF 39\nb"), ["a", "b"]);
        assert_eq!(
            lines("a\nPAGE 03        SOFIA  03382  111320Z\nb"),
            ["a", "b"]
        );
        assert_eq!(
            lines("x\nSECRET\n\nSECRET\nPAGE 02 STATE 189296\nSECRET\ny"),
            ["x", "", "y"]
        );
        assert_eq!(
            lines(
                "x\nDeclassified/Released US Department of State EO Systematic\nReview 30 JUN 2006\ny"
            ),
            ["x", "y"]
        );
        assert_eq!(
            lines(
                "Sheryl P. Walter Declassified/Released US Department of State EO Systematic Review 20 Mar 2014\ny"
            ),
            ["y"]
        );
        assert_eq!(
            lines(
                "HELMS\nDeclassified/Released US Department of State EO\nSystematic Review 05 JUL 2006\n"
            ),
            ["HELMS"]
        );
    }
}
