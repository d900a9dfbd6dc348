//! How a text's lines were wrapped, read from the widths of its lines
//! with text: at a telegram's width, one paragraph a line, or too few
//! lines to tell; and whether a line ended short of that width, so no
//! wrap broke it there:
//!
//! ```text
//! THE MINISTER SAID THAT THE TALKS WOULD GO ON     six lines of 44 columns
//!                                                  -> Wrap::At(44)
//! The minister said the talks would go on. The ... lines of 163 columns
//!                                                  -> Wrap::Unwrapped
//! ONE⏎TWO                                          -> Wrap::Unknown
//! ```

use super::Line;

/// How a text's lines end: where a wrap at a telegram's width broke
/// them, or where the writer ended a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Wrap {
    /// Wrapped at this many columns: the 95th percentile of the widths of
    /// its lines with text, at most 80 (a telegram's columns).
    At(usize),
    /// Paragraphs written on one line each (that percentile is over 80: a
    /// modern cable's unwrapped text, an HTML page's lines of hundreds of
    /// characters): every line end is one the writer typed.
    Unwrapped,
    /// Fewer than five lines with text: too few to tell.
    Unknown,
}

/// How the lines of `lines` were wrapped (see [`Wrap`]).
pub(crate) fn wrap(lines: &[Line<'_>]) -> Wrap {
    // Widths in bytes: telegram text is ASCII, and a line with accented
    // letters counts a little wider, which only makes a short line less
    // likely to be called short.
    let mut widths: Vec<usize> = lines
        .iter()
        .map(|l| l.text.len())
        .filter(|&w| w > 0)
        .collect();
    if widths.len() < 5 {
        return Wrap::Unknown;
    }
    let at = (widths.len() * 95 / 100).saturating_sub(1);
    let (_, &mut w, _) = widths.select_nth_unstable(at);
    if w <= 80 {
        Wrap::At(w)
    } else {
        Wrap::Unwrapped
    }
}

/// The width a text's lines were wrapped at, when they were wrapped at a
/// telegram's width ([`Wrap::At`]).
pub(crate) fn wrap_width(lines: &[Line<'_>]) -> Option<usize> {
    match wrap(lines) {
        Wrap::At(w) => Some(w),
        Wrap::Unwrapped | Wrap::Unknown => None,
    }
}

/// Whether the line before a line starting with `next_word` ended, at
/// `prev_width` columns, well short of the text's wrap `width`: that word
/// would have fitted on it with eight columns to spare, so no wrap broke
/// it there.
pub(crate) fn ended_short(prev_width: usize, next_word: usize, width: usize) -> bool {
    prev_width + 1 + next_word + 8 <= width
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::Context;
    use crate::source::Source;
    use cable_model::ContainerMeta;

    /// The three ways a text's lines end: wrapped at a telegram's width,
    /// one unwrapped paragraph a line (09HARARE888's shape), too short to
    /// tell.
    #[test]
    fn wrap_of_a_text() {
        let wrap_of = |text: &str| {
            let meta = ContainerMeta::default();
            let mut cx = Context::new(&meta);
            let src = Source::new(text, &mut cx);
            wrap(&src.lines)
        };
        let telegram = "THE MINISTER SAID THAT THE TALKS WOULD GO ON\n".repeat(6);
        assert_eq!(wrap_of(&telegram), Wrap::At(44));
        let unwrapped = format!(
            "{}\n",
            "The minister said the talks would go on. ".repeat(4)
        )
        .repeat(6);
        assert_eq!(wrap_of(&unwrapped), Wrap::Unwrapped);
        assert_eq!(wrap_of("ONE\nTWO\n"), Wrap::Unknown);
    }
}
