//! Headings: `------ SUMMARY ------`, a line underlined by `////` or
//! `----`, and a short line standing alone.

use crate::blanks::Blanks;

use cable_model::HeadingStyle;

const RULE_CHARS: &[char] = &[
    '-', '=', '/', '_', '*', '~', '\u{2010}', '\u{2013}', '\u{2014}', '+',
];

/// Whether the (trimmed) line is only a rule: `////////`, `--------`,
/// `=====`, and the `-` separator lines of older cables. Returns the style
/// a heading underlined by it has.
///
/// ```text
/// ////////////////////////////  -> Slashes
/// ------------------------      -> Underlined
/// ```
pub(crate) fn rule(line: &str) -> Option<HeadingStyle> {
    let t = line.trim_blanks();
    if t.is_empty() || t.len() > 200 || !t.chars().all(|c| c == ' ' || RULE_CHARS.contains(&c)) {
        return None;
    }
    Some(if t.starts_with('/') {
        HeadingStyle::Slashes
    } else {
        HeadingStyle::Underlined
    })
}

/// Whether a rule is long enough to underline a heading (`---`, not `-`).
pub(crate) fn is_underline(line: &str) -> bool {
    line.trim_blanks()
        .chars()
        .filter(|c| RULE_CHARS.contains(c))
        .count()
        >= 3
}

/// A dashed heading on one line: `-------- SUMMARY --------`,
/// `Summary =======`. Returns its text.
pub(crate) fn dashed(line: &str) -> Option<&str> {
    let t = line.trim_blanks();
    // The text must be followed by a run of `-` or `=`.
    if !t.ends_with(['-', '=']) {
        return None;
    }
    let lead = t.len() - t.trim_start_matches(['-', '=']).len();
    let inner = t.trim_start_matches(['-', '=']);
    let trail = inner.len() - inner.trim_end_matches(['-', '=']).len();
    let text = inner.trim_end_matches(['-', '=']).trim_blanks();
    let ok_lead = lead == 0 || lead >= 3;
    if trail < 3 || !ok_lead || text.is_empty() || text.len() > 80 {
        return None;
    }
    // The text must have letters and no rule runs of its own.
    if !text.bytes().any(|b| b.is_ascii_alphabetic()) || text.contains("--") {
        return None;
    }
    Some(text)
}

/// A dashed heading at the end of a line of text:
/// `The GOB [...]. -------- Training --------` -> ("The GOB [...].", "Training").
pub(crate) fn trailing_dashed(line: &str) -> Option<(&str, &str)> {
    let t = line.trim_end_blanks();
    if !t.ends_with("---") {
        return None;
    }
    let body = t.trim_end_matches('-');
    let text_end = body.trim_end_blanks().len();
    let run_end = body.get(..text_end)?.rfind("---")?;
    let open = body.get(..run_end)?.trim_end_matches(['-', '=']).len();
    let before = t.get(..open)?.trim_end_blanks();
    if before.is_empty() {
        return None;
    }
    let heading = dashed(t.get(open..)?)?;
    Some((before, heading))
}

/// A short line standing alone that reads as a heading: no sentence
/// punctuation at its end, starts with a capital, a few words.
///
/// ```text
/// U.S. Views on Informal Brainstorming Session at the 2009 RPOC  -> heading
/// EMBASSY REP SHOULD:                                             -> not (ends with `:`)
/// ```
pub(crate) fn is_line_heading(text: &str) -> bool {
    let t = text.trim_blanks();
    let words = t.split_whitespace().count();
    let Some(first) = t.chars().next() else {
        return false;
    };
    let Some(last) = t.chars().last() else {
        return false;
    };
    first.is_uppercase()
        && (2..=12).contains(&words)
        && t.len() <= 80
        && (last.is_alphanumeric() || last == ')' || last == '?')
        && t.chars().filter(|c| c.is_ascii_digit()).count() * 2 < t.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(rule("//////////"), Some(HeadingStyle::Slashes));
        assert_eq!(rule(" ----- "), Some(HeadingStyle::Underlined));
        assert_eq!(rule("‐‐‐‐‐‐"), Some(HeadingStyle::Underlined));
        assert!(rule("-- x").is_none());
        assert_eq!(dashed("-------- SUMMARY --------"), Some("SUMMARY"));
        assert_eq!(dashed("Summary ======="), Some("Summary"));
        assert!(dashed("--As agreed").is_none());
        assert!(dashed("-- x --").is_none());
        assert_eq!(
            trailing_dashed("The GOB [...]. -------- Training --------"),
            Some(("The GOB [...].", "Training"))
        );
        assert!(is_line_heading(
            "U.S. Views on Informal Brainstorming Session at the 2009 RPOC"
        ));
        assert!(!is_line_heading("EMBASSY REP SHOULD:"));
        assert!(!is_line_heading("(C/REL MTCR)"));
    }
}
