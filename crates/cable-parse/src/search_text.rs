//! Search text: a cable's words for a search index or a language tool,
//! with the cable's own line breaks and without the layout around them.
//!
//! The parser's model joins wrapped lines into paragraphs; an index that
//! shows a hit in context, or a tool that compares texts line by line,
//! wants the lines as the cable wrote them. [`search_text`] keeps every
//! line of the text and removes, by the same recognisers the parser uses:
//!
//! - the transmission debris the source stage removes (page headers such as
//!   `LIMA 00000123  003.2 OF 004`, `SIPDIS` lines, export stamps);
//! - rules (a line of `-`, `=`, `/`, `_`…);
//! - a paragraph's label with its portion marking (`1. (C) `, the
//!   malformed `1. C) `, `1 . (C) `, `3. (SBU/N) `), a portion marking opening a
//!   paragraph (`(S//NF) `), and a bare number label (`4. `) where a
//!   paragraph starts;
//! - the intro of a summary or comment where a paragraph starts (`Summary:`,
//!   `Summary and comment.`, `Comment:`) and its end marker anywhere
//!   (`End Summary.`, `END SUMMARY AND COMMENT`, `END OF SUMMARY.`, `End
//!   Comment.`), with the
//!   blanks after it; an intro standing alone as a heading (`SUMMARY`,
//!   `---- Comment ----`); an intro after an opening parenthesis and an end
//!   marker in parentheses or between rules (`(COMMENT: … END COMMENT)` ->
//!   `(…)`, `(END SUMMARY)` and `-- END SUMMARY --` -> nothing);
//! - a `SIPDIS` word at the start of a line (one inside a line, which the
//!   parser's source stage takes for transmission debris, is kept: the
//!   peer removes it at a line's start only);
//! - redaction placeholders: a run of `x` that cannot be a Roman numeral
//!   (`xx`, `XXXXXXXXXXXX`; not `XX` or `XXX`, which may be twenty and
//!   thirty).
//!
//! A line left with no text is dropped, and a blank line next to a dropped
//! line does not double up with another one or dangle at either end: the
//! paragraphs stay apart by one blank line, as they were, and a page break
//! in mid-sentence (the line before it ends in a lower-case word) leaves
//! none. Everything else
//! is kept as written, blanks inside a line and at its end included.
//!
//! [`with_line_breaks`] lays a text the model joined (a summary, a
//! paragraph) back onto the lines of the search text it came from.

use crate::blanks::Blanks;
use crate::body::{chunk, headings, notes, paragraphs, portion, signer};
use crate::context::Context;
use crate::source::Source;
use cable_model::{ContainerMeta, NoteKind};
use paragraphs::RawLabel;

/// The text of a cable, or of any part of it (usually its body), cleaned
/// line by line for a search index: without transmission debris (page
/// headers, `SIPDIS` lines, export stamps), rules, paragraph labels and
/// their portion markings, summary and comment intros and end markers, a
/// line-initial `SIPDIS` and redaction runs (`XXXXXXXXXXXX`), each by the
/// parser's own recogniser. Each kept line ends in a line feed when the text's last line
/// did; header lines are cleaned like any other line, so pass the body
/// when only the body is wanted.
///
/// ```
/// let body = "1. (C) Summary: The minister\nagreed.  End Summary.\n\n\
///             LIMA 00000123  002 OF 004\n\n2. (SBU) Talks went on.\n";
/// assert_eq!(
///     cable_parse::search_text(body),
///     "The minister\nagreed.  \n\nTalks went on.\n"
/// );
/// ```
pub fn search_text(text: &str) -> String {
    let lines = cleaned_lines(text, true);
    let mut out = String::with_capacity(text.len());
    let terminated = text.ends_with(['\n', '\r']);
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(line);
    }
    if terminated && !lines.is_empty() {
        out.push('\n');
    }
    out
}

/// `text`, a run of words the model joined from lines of `source` (a
/// summary's text, a paragraph's), with the line breaks its words have in
/// the [`search_text`] of `source`: the words are found there as a run, in
/// order, and a line break is put wherever the source's line changed
/// between two of them (blank lines are not repeated). Where the run is not
/// found word for word, `text` is returned as it is.
///
/// ```
/// let source = "1. (C) Summary: The minister\nagreed to\n\nmeet again. End Summary.\n";
/// assert_eq!(
///     cable_parse::with_line_breaks(source, "The minister agreed to meet again."),
///     "The minister\nagreed to\nmeet again."
/// );
/// ```
pub fn with_line_breaks(source: &str, text: &str) -> String {
    // The model keeps redaction placeholders, so they are kept here too.
    let lines = cleaned_lines(source, false);
    let words: Vec<(&str, usize)> = lines
        .iter()
        .enumerate()
        .flat_map(|(i, l)| l.split_whitespace().map(move |w| (w, i)))
        .collect();
    let wanted: Vec<&str> = text.split_whitespace().collect();
    let Some(at) = find_run(&words, &wanted) else {
        return text.to_owned();
    };
    let mut out = String::with_capacity(text.len());
    let run = words.get(at..at + wanted.len()).unwrap_or(&[]);
    for (k, (w, line)) in run.iter().enumerate() {
        if let Some(k1) = k.checked_sub(1) {
            let same_line = run.get(k1).is_some_and(|(_, l)| l == line);
            out.push(if same_line { ' ' } else { '\n' });
        }
        out.push_str(w);
    }
    out
}

/// Where `wanted` first occurs as a run of the words of `words` (linear:
/// Knuth-Morris-Pratt over words).
fn find_run(words: &[(&str, usize)], wanted: &[&str]) -> Option<usize> {
    if wanted.is_empty() {
        return None;
    }
    // fail[i]: the length of the longest proper border of wanted[..=i].
    let mut fail = vec![0usize; wanted.len()];
    let mut k = 0;
    for i in 1..wanted.len() {
        while k > 0 && wanted.get(i) != wanted.get(k) {
            k = fail.get(k - 1).copied().unwrap_or(0);
        }
        if wanted.get(i) == wanted.get(k) {
            k += 1;
        }
        if let Some(f) = fail.get_mut(i) {
            *f = k;
        }
    }
    let mut k = 0;
    for (i, (w, _)) in words.iter().enumerate() {
        while k > 0 && wanted.get(k) != Some(w) {
            k = fail.get(k - 1).copied().unwrap_or(0);
        }
        if wanted.get(k) == Some(w) {
            k += 1;
        }
        if k == wanted.len() {
            return Some(i + 1 - k);
        }
    }
    None
}

/// The kept lines, blank lines included; redaction placeholders removed
/// when `redactions`.
fn cleaned_lines(text: &str, redactions: bool) -> Vec<String> {
    let meta = ContainerMeta::default();
    let mut cx = Context::new(&meta);
    let source = Source::new(text, &mut cx);
    let cursor = source.cursor();
    let raw: Vec<&str> =
        crate::source::split_lines(text.strip_prefix('\u{feff}').unwrap_or(text)).collect();
    let mut out: Vec<String> = Vec::new();
    // Blank lines seen since the last kept line, and whether a line was
    // dropped among or next to them.
    let mut blanks = 0usize;
    let mut dropped = false;
    let mut prev_no = 0u32;
    let mut starts_paragraph = true;
    // Bytes of the next line an end marker wrapped onto it took.
    let mut carried = 0usize;
    let lines = cursor.rest();
    for (i, line) in lines.iter().enumerate() {
        // A gap in the line numbers: the source stage removed debris there.
        if line.no > prev_no.saturating_add(1) {
            dropped = true;
        }
        prev_no = line.no;
        if line.is_blank() {
            blanks += 1;
            starts_paragraph = true;
            carried = 0;
            continue;
        }
        // The line as written, trailing blanks included, unless the source
        // stage changed more than those.
        let written = usize::try_from(line.no)
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| raw.get(i));
        let mut text: &str = match written {
            Some(r) if r.trim_end_blanks() == line.text || only_inner_sipdis(r, &line.text) => r,
            _ => &line.text,
        };
        if carried > 0 {
            text = text
                .get(std::mem::take(&mut carried)..)
                .unwrap_or("")
                .trim_start_blanks();
            if text.is_empty() {
                dropped = true;
                continue;
            }
        }
        if let Some((cut, taken)) = lines.get(i + 1).and_then(|n| wrapped_end(text, &n.text)) {
            text = text.get(..cut).unwrap_or(text);
            carried = taken;
        }
        let cleaned = if is_section_header(text) {
            String::new()
        } else {
            clean_line(text, starts_paragraph, redactions)
        };
        starts_paragraph = signer::ends_sentence(text);
        if cleaned.trim_blanks().is_empty() {
            dropped = true;
            continue;
        }
        // A page break in mid-sentence (`the gas pipeline` / page header
        // / `deal has been`) splits no paragraph.
        let mid_sentence = out.last().is_some_and(|l| chunk::ends_mid_sentence(l))
            && cleaned
                .trim_start_blanks()
                .starts_with(|c: char| c.is_alphanumeric());
        let keep_blanks = match (out.is_empty(), dropped) {
            (_, false) => blanks,
            (true, true) => 0,
            (false, true) if mid_sentence => 0,
            (false, true) => blanks.min(1),
        };
        out.extend(std::iter::repeat_n(String::new(), keep_blanks));
        out.push(cleaned);
        blanks = 0;
        dropped = false;
    }
    if !dropped {
        out.extend(std::iter::repeat_n(String::new(), blanks));
    }
    out
}

/// Whether the source stage changed the line `written` into `kept` only by
/// removing `SIPDIS` words inside it (`the minister SIPDIS said`): the
/// search text removes the word at a line's start only, so such a line is
/// kept as written.
fn only_inner_sipdis(written: &str, kept: &str) -> bool {
    let mut words = written.split_whitespace();
    let Some(head) = words.next() else {
        return false;
    };
    head != "SIPDIS"
        && written.contains("SIPDIS")
        && kept
            .split_whitespace()
            .eq(std::iter::once(head).chain(words.filter(|w| *w != "SIPDIS")))
}

/// An end marker wrapped from the end of `line` onto `next` (`... END` /
/// `SUMMARY.`): where it starts in `line`, and how many bytes of `next`
/// it and the blanks after it take.
fn wrapped_end(line: &str, next: &str) -> Option<(usize, usize)> {
    let t = line.trim_end_blanks();
    let head = t.get(t.len().checked_sub(3)?..)?;
    let word_start = t.len() - 3 == 0
        || t.as_bytes()
            .get(t.len() - 4)
            .is_some_and(u8::is_ascii_whitespace);
    if !head.eq_ignore_ascii_case("END") || !word_start {
        return None;
    }
    let start = t.len() - 3;
    let joined = format!("{t} {}", next.trim_start_blanks());
    let keys: Vec<&notes::CloserKey> = END_KEYS.iter().collect();
    let c = notes::find_closer(&joined, start, &keys).filter(|c| c.start == start)?;
    let lead = next.len() - next.trim_start_blanks().len();
    let in_next = c.end.checked_sub(t.len() + 1)? + lead;
    let after = next.get(in_next..)?;
    Some((
        start,
        in_next + (after.len() - after.trim_start_blanks().len()),
    ))
}

/// A banner repeated where a section of a multi-part cable starts
/// (`C O N F I D E N T I A L SECTION 02 OF 03 LIMA 000123`).
fn is_section_header(line: &str) -> bool {
    crate::header::banner::banner(line.trim_blanks()).is_some_and(|b| b.section.is_some())
}

/// One non-blank line without its layout; empty when nothing is left.
/// `starts_paragraph`: the line before was blank or ended a sentence.
fn clean_line(line: &str, starts_paragraph: bool, redactions: bool) -> String {
    if headings::rule(line).is_some() {
        return String::new();
    }
    let mut text = line;
    let mut opens = starts_paragraph;
    if let Some(lab) = paragraphs::parse_label(line).filter(|lab| {
        lab.marking.is_some()
            || (starts_paragraph && matches!(lab.label, RawLabel::Number(_)) && lab.raw.len() <= 2)
    }) {
        text = lab.rest;
        opens = true;
    } else if let Some((_, rest)) = starts_paragraph
        .then(|| portion::unlabeled_marking(line))
        .flatten()
    {
        text = rest;
    }
    if opens {
        if is_bare_intro(text) {
            return String::new();
        }
        if let Some(o) = summary_or_comment(text.trim_start_blanks()) {
            text = o.rest;
        }
    }
    if let Some(rest) = text.trim_start_blanks().strip_prefix("SIPDIS") {
        if rest.is_empty() || rest.starts_with([' ', '\t']) {
            text = rest.trim_start_blanks();
        }
    }
    // A line whose start was not removed keeps its indentation.
    let text = without_end_markers(&without_inner_intros(text));
    if redactions {
        without_redactions(&text)
    } else {
        text
    }
}

/// A summary or comment intro at the start of `text`: `Summary:`,
/// `COMMENT.`, `Summary and Comment:`, `BEGIN SUMMARY`.
fn summary_or_comment(text: &str) -> Option<notes::Opener<'_>> {
    notes::opener(text)
        .filter(|o| o.punctuated && matches!(o.kind, NoteKind::Summary | NoteKind::Comment))
}

/// A line that is only an intro, as a heading: `SUMMARY`, `Comment:`,
/// `------- SUMMARY -------`, `Summary and Comment`.
fn is_bare_intro(text: &str) -> bool {
    let t = text.trim_blanks();
    let t = headings::dashed(t).unwrap_or(t);
    let t = t.trim_end_matches([':', '.']).trim_blanks();
    if t.is_empty() || t.len() > 40 {
        return false;
    }
    let with_colon = format!("{t}:");
    summary_or_comment(&with_colon).is_some_and(|o| o.rest.is_empty())
}

/// `text` without intros opened by a parenthesis inside the line:
/// `(COMMENT: They will.` -> `(They will.`.
fn without_inner_intros(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('(') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (i, _) in text.match_indices('(') {
        let Some(after) = text.get(i + 1..) else {
            continue;
        };
        if i + 1 < copied {
            continue;
        }
        if let Some(o) = summary_or_comment(after) {
            out.push_str(text.get(copied..=i).unwrap_or(""));
            copied = text.len() - o.rest.len();
        }
    }
    out.push_str(text.get(copied..).unwrap_or(""));
    std::borrow::Cow::Owned(out)
}

/// The closers [`without_end_markers`] removes: `END SUMMARY`, `END
/// COMMENT` (with ` AND COMMENT`, `/Comment`… after the key word).
static END_KEYS: std::sync::LazyLock<[notes::CloserKey; 2]> = std::sync::LazyLock::new(|| {
    ["SUMMARY", "COMMENT"].map(|k| notes::CloserKey {
        title: k.to_owned(),
        key: k.to_owned(),
    })
});

/// `text` without its `END SUMMARY.`/`End Comment.` markers, what frames
/// each (`(END SUMMARY)`, `-- End Summary --`: [`notes::framed`]) and the
/// blanks after each.
fn without_end_markers(text: &str) -> String {
    let keys: Vec<&notes::CloserKey> = END_KEYS.iter().collect();
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    while let Some(c) = notes::find_closer(text, from, &keys) {
        let (start, end) = notes::framed(text, from, c.start, c.end);
        let before = text.get(from..start).unwrap_or("");
        let after = text.get(end..).unwrap_or("");
        let after_blanks = after.len() - after.trim_start_blanks().len();
        if (start, end) == (c.start, c.end) && after.trim_start_blanks().starts_with(')') {
            // `... they will. END COMMENT)`: the note's parenthesis stays.
            out.push_str(before.trim_end_blanks());
        } else {
            out.push_str(before);
        }
        from = end + after_blanks;
    }
    out.push_str(text.get(from..).unwrap_or(""));
    out
}

/// `text` without redaction placeholders: runs of `x` or `X` standing
/// alone as a word, two or more lower-case or four or more in any case
/// (`XX` and `XXX` may be Roman numerals), each with one blank after it
/// (or before it, at the end of the line).
fn without_redactions(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        let c = b.get(i).copied().unwrap_or(0);
        let word_start = i == 0 || !b.get(i - 1).is_some_and(u8::is_ascii_alphanumeric);
        if !(word_start && matches!(c, b'x' | b'X')) {
            i += 1;
            continue;
        }
        let run = b
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|&&x| matches!(x, b'x' | b'X'))
            .count();
        let end = i + run;
        let word_end = !b.get(end).is_some_and(u8::is_ascii_alphanumeric);
        let lower = b.get(i..end).is_some_and(|r| r.iter().all(|&x| x == b'x'));
        if word_end && ((lower && run >= 2) || run >= 4) {
            let mut cut_end = end;
            let mut cut_start = i;
            if b.get(end) == Some(&b' ') {
                cut_end += 1;
            } else if end == b.len() && i > 0 && b.get(i - 1) == Some(&b' ') {
                cut_start -= 1;
            }
            out.push_str(text.get(copied..cut_start.max(copied)).unwrap_or(""));
            copied = cut_end;
        }
        i = end.max(i + 1);
    }
    out.push_str(text.get(copied..).unwrap_or(""));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redactions() {
        assert_eq!(without_redactions("xx"), "");
        assert_eq!(
            without_redactions("met XXXXXXXX on Monday"),
            "met on Monday"
        );
        assert_eq!(without_redactions("met XXXXXXXX"), "met");
        assert_eq!(without_redactions("the XX Congress"), "the XX Congress");
        assert_eq!(without_redactions("Xerxes and xxl"), "Xerxes and xxl");
        assert_eq!(without_redactions("(XXXXXXXX)"), "()");
    }

    #[test]
    fn runs() {
        let w = [("a", 0), ("b", 0), ("a", 1), ("b", 1), ("c", 1)];
        assert_eq!(find_run(&w, &["a", "b", "c"]), Some(2));
        assert_eq!(find_run(&w, &["b", "a"]), Some(1));
        assert_eq!(find_run(&w, &["c", "a"]), None);
        assert_eq!(find_run(&w, &[]), None);
    }
}
