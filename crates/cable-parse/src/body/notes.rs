//! Delimited blocks: `NOTE: … END NOTE`, `BEGIN X … END X`,
//! `SUMMARY: … END SUMMARY`, `COMMENT: … END COMMENT`: recognising the
//! opening keyword at the start of a text and the `END …` marker anywhere
//! in it.

use crate::blanks::Blanks;
use crate::stations::within_edits;

use cable_model::NoteKind;

/// An opening keyword at the start of a text.
///
/// ```text
/// SUMMARY AND COMMENT: During a March 2-3 visit ...
///   -> kind Summary, title "SUMMARY AND COMMENT", key "SUMMARY", rest "During ..."
/// BEGIN GUIDANCE:
///   -> kind Begin, title "GUIDANCE", key "GUIDANCE", rest ""
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Opener<'a> {
    pub(crate) kind: NoteKind,
    /// The keyword phrase as written: `SUMMARY AND COMMENT`, `GUIDANCE`.
    pub(crate) title: String,
    /// The upper-case word its `END` marker names: `SUMMARY`, `GUIDANCE`.
    pub(crate) key: String,
    /// Whether the phrase was followed by `:` or `.` (or ended the text).
    pub(crate) punctuated: bool,
    /// The text after the keyword.
    pub(crate) rest: &'a str,
}

/// Reads an opening keyword at the start of `text`.
pub(crate) fn opener(text: &str) -> Option<Opener<'_>> {
    let word_end = |s: &str| {
        s.bytes()
            .position(|b| !b.is_ascii_alphabetic())
            .unwrap_or(s.len())
    };
    let first_len = word_end(text);
    let first = text.get(..first_len)?;
    let after = text.get(first_len..)?;
    let (kind, misspelt) = if let Some(kind) = summary_or_comment(first) {
        (kind, false)
    } else if let Some(kind) = colon_or_period(after)
        .then(|| misspelt_summary_or_comment(first))
        .flatten()
    {
        (kind, true)
    } else if first.eq_ignore_ascii_case("NOTE") {
        (NoteKind::Note, false)
    } else if first.eq_ignore_ascii_case("BEGIN") {
        return begin(after);
    } else {
        return named_second(text, first_len);
    };
    // `SUMMARY AND COMMENT:`, `Summary/Comment:`, `Summary and Action Request.`
    let mut phrase_end = first_len;
    if kind != NoteKind::Note {
        if let Some(ext) = conjunction_phrase(after) {
            phrase_end += ext;
        }
    }
    let tail = text.get(phrase_end..)?;
    let t = tail.trim_start_blanks();
    let (punctuated, rest) = match t.as_bytes().first() {
        Some(b':') => (true, t.get(1..)?),
        Some(b'.') if kind != NoteKind::Note => (true, t.get(1..)?),
        // `Summary - `, `Summary -- `: a dash or two standing for the colon.
        Some(b'-')
            if kind == NoteKind::Summary && (t.starts_with("- ") || t.starts_with("-- ")) =>
        {
            (true, t.trim_start_matches('-'))
        }
        // `SUMMARY` alone (a line of its own, `1. SUMMARY`): a note only
        // where its `END` comes later (the tree decides).
        None if kind != NoteKind::Note => (false, t),
        _ => return None,
    };
    // A misspelt keyword (`Sumary:`) is one only where its colon or period
    // says so, and its `END` names the keyword as it should be written.
    if misspelt && !punctuated {
        return None;
    }
    let key = if misspelt {
        keyword_of(kind).to_owned()
    } else {
        first.to_ascii_uppercase()
    };
    Some(Opener {
        kind,
        title: text.get(..phrase_end)?.trim_blanks().to_owned(),
        key,
        punctuated,
        rest: rest.trim_start_blanks(),
    })
}

/// The length of the conjunction joining two note words at the start of
/// `t`: `/`, `&`, or `AND` before a blank.
fn conjunction(t: &str) -> Option<usize> {
    if t.starts_with(['/', '&']) {
        Some(1)
    } else if t.get(..4).is_some_and(|h| h.eq_ignore_ascii_case("AND ")) {
        Some(3)
    } else {
        None
    }
}

/// ` AND COMMENT`, `/Comment`, ` & Action Request` after `SUMMARY`: returns
/// the length consumed.
fn conjunction_phrase(s: &str) -> Option<usize> {
    let t = s.trim_start_blanks();
    let lead = s.len() - t.len();
    let conj_len = conjunction(t)?;
    let rest = t.get(conj_len..)?;
    // Up to three words, then `:` or `.`, or the end of the line or of a
    // parenthesis (`END SUMMARY AND COMMENT`, `... AND COMMENT)`). A phrase
    // in capitals ends before a word that is not (`END SUMMARY AND COMMENT
    // Next point.`).
    let mut used = 0;
    let mut words = 0;
    let mut caps = true;
    let mut boundary = false;
    let mut r = rest;
    loop {
        let trimmed = r.trim_start_blanks();
        let w = trimmed
            .bytes()
            .position(|b| !b.is_ascii_alphabetic())
            .unwrap_or(trimmed.len());
        let word = trimmed.get(..w)?;
        let word_caps = !word.bytes().any(|b| b.is_ascii_lowercase());
        if w == 0 {
            break;
        }
        if words > 0 && caps && !word_caps {
            boundary = true;
            break;
        }
        caps &= word_caps;
        used += (r.len() - trimmed.len()) + w;
        r = trimmed.get(w..)?;
        words += 1;
        if words == 3 || ends_phrase(r) {
            break;
        }
    }
    if words == 0 || !(boundary || ends_phrase(r)) {
        return None;
    }
    Some(lead + conj_len + used)
}

/// Whether a conjunction phrase may end before `r`: at `:` or `.`, or at
/// the end of the line or of a parenthesis.
fn ends_phrase(r: &str) -> bool {
    let t = r.trim_start_matches([' ', '\t']);
    matches!(
        t.as_bytes().first(),
        None | Some(b':' | b'.' | b')' | b'\n' | b'\r')
    )
}

/// `SUMMARY`, `COMMENT` in any case: the kinds whose keyword may be joined
/// to another word (`SUMMARY AND COMMENT`, `INTRODUCTION AND SUMMARY`).
fn summary_or_comment(word: &str) -> Option<NoteKind> {
    if word.eq_ignore_ascii_case("SUMMARY") {
        Some(NoteKind::Summary)
    } else if word.eq_ignore_ascii_case("COMMENT") {
        Some(NoteKind::Comment)
    } else {
        None
    }
}

/// Whether `:` or `.` follows (after blanks): a misspelt keyword opens a
/// note only before one.
fn colon_or_period(after: &str) -> bool {
    after.trim_start_blanks().starts_with([':', '.'])
}

/// `SUMMARY` or `COMMENT` misspelt by one letter dropped, doubled, changed
/// or two swapped (`Sumary`, `SUMAMRY`, `Commnet`, `COMMMENT`), as the
/// note keywords of hurried typing are; see [`is_keyword`].
fn misspelt_summary_or_comment(word: &str) -> Option<NoteKind> {
    [NoteKind::Summary, NoteKind::Comment]
        .into_iter()
        .find(|&k| is_keyword(word, keyword_of(k)))
}

/// The keyword of a summary or a comment, as its `END` marker names it.
fn keyword_of(kind: NoteKind) -> &'static str {
    match kind {
        NoteKind::Summary => "SUMMARY",
        _ => "COMMENT",
    }
}

/// Whether the word `word` (letters, any case) is the note keyword `key`
/// (upper-case) as written or, for a key of six letters or more
/// (`SUMMARY`, `COMMENT`, `GUIDANCE`), misspelt by one edit: a letter
/// dropped, doubled or changed, or two swapped (`END SUMAMRY`, `End
/// Commnet.`). Shorter keys (`NOTE`, `TEXT`, `QUOTE`) have too many
/// English neighbours, and the key with letters added (`COMMENTS`) is
/// another word.
pub(crate) fn is_keyword(word: &str, key: &str) -> bool {
    if word.eq_ignore_ascii_case(key) {
        return true;
    }
    const MAX: usize = 16;
    let n = word.len();
    if key.len() < 6 || n.abs_diff(key.len()) > 1 || !ends_near(word.as_bytes(), key.as_bytes()) {
        return false;
    }
    if n > MAX || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let mut buf = [0u8; MAX];
    let Some(upper) = buf.get_mut(..n) else {
        return false;
    };
    upper.copy_from_slice(word.as_bytes());
    upper.make_ascii_uppercase();
    if upper.starts_with(key.as_bytes()) {
        return false;
    }
    std::str::from_utf8(upper).is_ok_and(|w| within_edits(w, key, 1))
}

/// A cheap test that `word` (any case) may be one edit from `key`
/// (upper-case), both of two letters or more, run before the distance
/// itself: one edit leaves one of the key's first two letters among the
/// word's first two, and one of its last two among the word's last two.
fn ends_near(word: &[u8], key: &[u8]) -> bool {
    let near = |w: &[u8], k: &[u8]| w.iter().any(|c| k.contains(&c.to_ascii_uppercase()));
    let (Some(w0), Some(k0)) = (word.get(..2), key.get(..2)) else {
        return false;
    };
    let (Some(w1), Some(k1)) = (
        word.get(word.len().saturating_sub(2)..),
        key.get(key.len().saturating_sub(2)..),
    ) else {
        return false;
    };
    near(w0, k0) && near(w1, k1)
}

/// A summary or comment named second after another word
/// (`INTRODUCTION AND SUMMARY:`, `Background and Comment.`, `Overview/Summary:`):
/// `first_len` is the first word's length. Its `END` marker names either
/// word or both (`End Introduction and Summary.`, `END SUMMARY.`).
fn named_second(text: &str, first_len: usize) -> Option<Opener<'_>> {
    let first = text.get(..first_len)?;
    if !(4..=15).contains(&first_len) || first.eq_ignore_ascii_case("END") {
        return None;
    }
    let second_at = second_key_at(text, 0)?;
    let second = text.get(second_at..)?;
    let len = second
        .bytes()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(second.len());
    let word = second.get(..len)?;
    let kind = summary_or_comment(word)?;
    let t = second.get(len..)?.trim_start_blanks();
    let rest = match t.as_bytes().first() {
        Some(b':' | b'.') => t.get(1..)?,
        _ => return None,
    };
    Some(Opener {
        kind,
        title: text.get(..second_at + len)?.to_owned(),
        key: word.to_ascii_uppercase(),
        punctuated: true,
        rest: rest.trim_start_blanks(),
    })
}

/// `BEGIN GUIDANCE:`, `BEGIN TEXT.`, `Begin text`, `BEGIN TALKING POINTS:`.
fn begin(after: &str) -> Option<Opener<'_>> {
    if !after.starts_with([' ', '\t']) {
        return None;
    }
    let t = after.trim_start_blanks();
    let stop = t
        .bytes()
        .position(|b| !(b.is_ascii_alphabetic() || matches!(b, b' ' | b'\'' | b'/' | b'-')))
        .unwrap_or(t.len());
    let title = t.get(..stop)?.trim_end_blanks();
    let words = title.split_whitespace().count();
    if title.is_empty() || title.len() > 40 || words > 5 {
        return None;
    }
    let tail = t.get(stop..)?;
    let (punctuated, rest) = match tail.as_bytes().first() {
        Some(b':' | b'.') => (true, tail.get(1..)?),
        None => (true, tail),
        _ => (false, tail),
    };
    let key = title.split_whitespace().next()?.to_ascii_uppercase();
    let kind = match key.as_str() {
        "NOTE" if words == 1 => NoteKind::Note,
        "COMMENT" if words == 1 => NoteKind::Comment,
        "SUMMARY" if words == 1 => NoteKind::Summary,
        _ => NoteKind::Begin,
    };
    Some(Opener {
        kind,
        title: title.to_owned(),
        key,
        punctuated,
        rest: rest.trim_start_blanks(),
    })
}

/// A `BEGIN …` opener ending a text after a sentence of its own (`The
/// note reads as follows.  Begin text:`, `... the points below: BEGIN
/// TALKING POINTS`): where it starts and the opener, whose text comes in
/// the chunks after it. The opener at a text's start is [`opener`]'s.
pub(crate) fn trailing_begin(text: &str) -> Option<(usize, Opener<'_>)> {
    let t = text.trim_end_blanks();
    let b = t.as_bytes();
    // The last `BEGIN` word; a title has at most five words, so it is near
    // the end. Its `B` is looked for first (vectorised), as most texts
    // have none there.
    let from = t.len().saturating_sub(60);
    let near_end = b.get(from..)?;
    let at = memchr::memchr2_iter(b'B', b'b', near_end)
        .rev()
        .map(|k| from + k)
        .find(|&i| {
            b.get(i..i + 6)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"BEGIN "))
                && (i == 0 || b.get(i - 1).is_some_and(u8::is_ascii_whitespace))
        })?;
    let before = t.get(..at)?.trim_end_blanks();
    if !before.ends_with(['.', ':', ';', ')']) {
        return None;
    }
    let op = opener(t.get(at..)?)?;
    (op.kind == NoteKind::Begin && op.rest.is_empty()).then_some((at, op))
}

/// What closes an open note: its full title and its key word, upper-cased
/// (`TALKING POINTS`, `TALKING`).
#[derive(Debug, Clone)]
pub(crate) struct CloserKey {
    pub(crate) title: String,
    pub(crate) key: String,
}

/// A closing marker found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Closer {
    /// Byte offset of `END`.
    pub(crate) start: usize,
    /// Byte offset after the marker (and its `.`).
    pub(crate) end: usize,
    /// Which of the candidate keys matched (0 = the innermost open note).
    pub(crate) depth: usize,
}

/// Whether an end marker (`End comment and summary.`, `END
/// SUMMARY/COMMENT`) names `key`'s note: it closes every open note it
/// names, the summary a comment was opened in too.
pub(crate) fn marker_names(phrase: &str, key: &CloserKey) -> bool {
    let words: Vec<&str> = phrase
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let wanted: Vec<&str> = key.key.split_whitespace().collect();
    !wanted.is_empty()
        && words
            .windows(wanted.len())
            .any(|w| w.iter().zip(&wanted).all(|(a, b)| is_keyword(a, b)))
}

/// Finds the first `END <key>` (or `END OF <key>`) in `text[from..]`
/// naming one of the open notes, innermost first (`keys[0]` is the innermost).
pub(crate) fn find_closer(text: &str, from: usize, keys: &[&CloserKey]) -> Option<Closer> {
    let mut found = None;
    for_each_end(text, from, |start, word_at| {
        // `END OF SUMMARY`: the key after an `OF`.
        let word_at = match_ci(text, word_at, "OF")
            .filter(|&a| text.as_bytes().get(a).is_some_and(u8::is_ascii_whitespace))
            .map_or(word_at, |a| {
                a + text.get(a..).map_or(0, |r| r.len() - r.trim_start().len())
            });
        let second_at = second_key_at(text, word_at);
        for (depth, k) in keys.iter().enumerate() {
            let key_at = |at: usize| {
                if k.title != k.key {
                    match_ci(text, at, &k.title).or_else(|| match_ci(text, at, &k.key))
                } else {
                    match_ci(text, at, &k.key)
                }
                .or_else(|| misspelt_key_at(text, at, k))
            };
            let after = key_at(word_at).or_else(|| second_at.and_then(key_at));
            if let Some(after) = after {
                let after =
                    after + conjunction_phrase(text.get(after..).unwrap_or("")).unwrap_or(0);
                let rest = text.get(after..).unwrap_or("");
                let t = rest.trim_start_blanks();
                let end = match t.as_bytes().first() {
                    Some(b'.' | b':') => text.len() - t.len() + 1,
                    _ => after,
                };
                found = Some(Closer { start, end, depth });
                return true;
            }
        }
        false
    });
    found
}

/// The span of the end marker found at `start..end` in `text` with what
/// frames it: parentheses around it (`(END SUMMARY)`, `(End Comment.)`)
/// and rules of two or more `-`, `=` or `*` after it, with the rule before
/// it (`-- END SUMMARY --`, `== End Comment ==`). A rule before the marker
/// alone may be a dash in the sentence and stays. `from` is where the text
/// before the marker starts.
pub(crate) fn framed(text: &str, from: usize, start: usize, end: usize) -> (usize, usize) {
    let before = text.get(from..start).unwrap_or("").trim_end_blanks();
    let after = text.get(end..).unwrap_or("");
    let a = after.trim_start_blanks();
    let a_at = end + (after.len() - a.len());
    if before.ends_with('(') && a.starts_with(')') {
        return (from + before.len() - 1, a_at + 1);
    }
    let is_rule = |b: &u8| matches!(b, b'-' | b'=' | b'*');
    let after_rule = a.bytes().take_while(is_rule).count();
    let ends_there = a
        .get(after_rule..)
        .is_some_and(|r| r.trim_start_blanks().is_empty() || r.starts_with(char::is_whitespace));
    if after_rule < 2 || !ends_there {
        return (start, end);
    }
    let before_rule = before.bytes().rev().take_while(is_rule).count();
    let new_start = if before_rule >= 2 {
        from + before.len() - before_rule
    } else {
        start
    };
    (new_start, a_at + after_rule)
}

/// Where the second of two joined note words starts after an `END`'s
/// first word at `word_at` (`END COMMENT AND SUMMARY`, `END
/// COMMENT/SUMMARY`, `End comment & summary`): the marker ends both.
pub(crate) fn second_key_at(text: &str, word_at: usize) -> Option<usize> {
    let rest = text.get(word_at..)?;
    let w = rest
        .bytes()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    if w < 2 {
        return None;
    }
    let after = rest.get(w..)?;
    let t = after.trim_start_blanks();
    let t2 = t.get(conjunction(t)?..)?.trim_start_blanks();
    (!t2.is_empty()).then(|| text.len() - t2.len())
}

/// `k`'s key misspelt ([`is_keyword`]) as the word at `at` (`END SUMAMRY`):
/// the offset after it. Only for a key that is the note's whole title or
/// a summary's or comment's (whose joined words are read after it), so no
/// word of a longer title is left behind.
fn misspelt_key_at(text: &str, at: usize, k: &CloserKey) -> Option<usize> {
    if k.title != k.key && summary_or_comment(&k.key).is_none() {
        return None;
    }
    let rest = text.get(at..)?;
    let w = rest
        .bytes()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let after = rest.as_bytes().get(w);
    (w > 0 && !after.is_some_and(u8::is_ascii_digit) && is_keyword(rest.get(..w)?, &k.key))
        .then_some(at + w)
}

/// Case-insensitive match of `pat` at `at`, followed by a word boundary;
/// spaces in `pat` match any run of blanks. Returns the offset after it.
fn match_ci(text: &str, at: usize, pat: &str) -> Option<usize> {
    let t = text.as_bytes();
    let mut i = at;
    let mut prev_space = false;
    for &p in pat.as_bytes() {
        if p == b' ' {
            if !t.get(i).is_some_and(u8::is_ascii_whitespace) {
                return None;
            }
            while t.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            prev_space = true;
            continue;
        }
        prev_space = false;
        if !t.get(i).is_some_and(|c| c.eq_ignore_ascii_case(&p)) {
            return None;
        }
        i += 1;
    }
    let _ = prev_space;
    if t.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    Some(i)
}

/// `END` in any case, ASCII only: eight literals, which the regex searches
/// for with its fastest vectorised literal searcher; the blank after it
/// (tab, line feed, form feed, carriage return, space) is checked by
/// [`for_each_end`]. (Two `END`s cannot overlap.)
static END_WORD: std::sync::LazyLock<regex::bytes::Regex> =
    std::sync::LazyLock::new(|| regex::bytes::Regex::new(r"(?i-u)END").expect("valid regex"));

/// Calls `f(start_of_END, start_of_next_word)` for each `END` word followed
/// by blanks in `text[from..]`, until `f` returns true.
pub(crate) fn for_each_end(text: &str, from: usize, mut f: impl FnMut(usize, usize) -> bool) {
    let b = text.as_bytes();
    // A literal search for the eight spellings of `END` (vectorised), then
    // the blank after it and the checks around each.
    let hits = END_WORD.find_iter(b.get(from..).unwrap_or(&[]));
    for hit in hits {
        let s = from + hit.start();
        if s > 0 && b.get(s - 1).is_some_and(u8::is_ascii_alphanumeric) {
            continue;
        }
        let mut j = s + 3;
        if !matches!(b.get(j), Some(b'\t' | b'\n' | 0x0C | b'\r' | b' ')) {
            continue;
        }
        while b.get(j).is_some_and(u8::is_ascii_whitespace) {
            j += 1;
        }
        if f(s, j) {
            return;
        }
    }
}

/// The first word of a text, upper-cased.
pub(crate) fn first_word_upper(text: &str) -> Option<String> {
    let t = text.trim_start_blanks();
    let w = t
        .bytes()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(t.len());
    (w > 0).then(|| t.get(..w).unwrap_or("").to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openers() {
        let o = opener("SUMMARY AND COMMENT: During a visit").unwrap();
        assert_eq!(
            (o.kind, o.title.as_str(), o.rest),
            (NoteKind::Summary, "SUMMARY AND COMMENT", "During a visit")
        );
        let o = opener("Summary and Action Request. With Iranian").unwrap();
        assert_eq!(
            (o.title.as_str(), o.rest),
            ("Summary and Action Request", "With Iranian")
        );
        assert_eq!(
            opener("Summary/Comment: bla").unwrap().title,
            "Summary/Comment"
        );
        assert_eq!(opener("Summary. President").unwrap().rest, "President");
        assert_eq!(opener("Summary - President").unwrap().rest, "President");
        assert_eq!(opener("Summary -- President").unwrap().rest, "President");
        assert!(opener("Summary --President").is_none());
        assert_eq!(opener("NOTE: We understand").unwrap().kind, NoteKind::Note);
        let o = opener("BEGIN GUIDANCE:").unwrap();
        assert_eq!(
            (o.kind, o.key.as_str(), o.rest),
            (NoteKind::Begin, "GUIDANCE", "")
        );
        assert_eq!(opener("BEGIN TEXT.").unwrap().title, "TEXT");
        let o = opener("INTRODUCTION AND SUMMARY: Reftel asks").unwrap();
        assert_eq!(
            (o.kind, o.title.as_str(), o.key.as_str(), o.rest),
            (
                NoteKind::Summary,
                "INTRODUCTION AND SUMMARY",
                "SUMMARY",
                "Reftel asks"
            )
        );
        assert_eq!(
            opener("Background/Comment. Few").unwrap().kind,
            NoteKind::Comment
        );
        assert!(opener("Questions and Comments: x").is_none());
        assert!(opener("END SUMMARY AND COMMENT.").is_none());
        let o = opener("SUMMARY").unwrap();
        assert_eq!(
            (o.kind, o.punctuated, o.rest),
            (NoteKind::Summary, false, "")
        );
        assert!(opener("NOTE").is_none());
        assert!(opener("Summary of the talks").is_none());
        assert!(opener("NOTED that").is_none());
        assert!(opener("BEGINNING").is_none());
    }

    /// A keyword misspelt by one edit opens (with its colon or period) and
    /// closes a note; English neighbours and short keys do not.
    #[test]
    fn misspelt_keywords() {
        for (t, kind) in [
            ("Sumary: The talks", NoteKind::Summary),
            ("SUMAMRY. The talks", NoteKind::Summary),
            ("Summmary: The talks", NoteKind::Summary),
            ("Commnet: We doubt", NoteKind::Comment),
            ("COMENT: We doubt", NoteKind::Comment),
        ] {
            let o = opener(t).unwrap_or_else(|| panic!("{t}"));
            assert_eq!((o.kind, o.key.as_str()), (kind, keyword_of(kind)), "{t}");
        }
        for t in ["Sumary the talks", "Comments: x", "Summery", "Nte: x"] {
            assert!(opener(t).is_none(), "{t}");
        }
        let summary = CloserKey {
            title: "SUMMARY".into(),
            key: "SUMMARY".into(),
        };
        for (t, want) in [
            ("x. End Sumary. y", "End Sumary."),
            ("x. END SUMAMRY y", "END SUMAMRY"),
            ("x. End Summay and Comment. y", "End Summay and Comment."),
        ] {
            let c = find_closer(t, 0, &[&summary]).unwrap();
            assert_eq!(&t[c.start..c.end], want, "{t}");
        }
        for t in ["the end summaries", "END SUMMARYS", "END SUMARY2"] {
            assert!(find_closer(t, 0, &[&summary]).is_none(), "{t}");
        }
        // A short key and a word of a longer title are not guessed at.
        let text = CloserKey {
            title: "TEXT".into(),
            key: "TEXT".into(),
        };
        assert!(find_closer("END TEST", 0, &[&text]).is_none());
        let points = CloserKey {
            title: "TALKING POINTS".into(),
            key: "TALKING".into(),
        };
        assert!(find_closer("END TALKNIG POINTS", 0, &[&points]).is_none());
        assert!(is_keyword("guidanec", "GUIDANCE"));
        assert!(!is_keyword("COMMENTS", "COMMENT"));
    }

    #[test]
    fn trailing_begins() {
        let (at, o) = trailing_begin("The note reads as follows.  Begin text:").unwrap();
        assert_eq!((at, o.title.as_str(), o.key.as_str()), (28, "text", "TEXT"));
        let t = "the points below: BEGIN TALKING POINTS";
        assert_eq!(trailing_begin(t).unwrap().0, 18);
        // Not after a sentence of its own, not with text after it, and
        // not at the start (the opener's own place).
        for t in [
            "They will begin talks:",
            "As follows. Begin text: The ministry",
            "Begin text:",
            "It said we begin text.",
        ] {
            assert!(trailing_begin(t).is_none(), "{t}");
        }
    }

    /// (text, the marker's span with its frame): parentheses, rules after
    /// it with the rule before it; a dash before it alone stays.
    #[test]
    fn frames() {
        let k = CloserKey {
            title: "SUMMARY".into(),
            key: "SUMMARY".into(),
        };
        for (t, want) in [
            ("He agreed.  (End Summary)  Next", "(End Summary)"),
            ("He agreed. (END SUMMARY.) Next", "(END SUMMARY.)"),
            ("-- END SUMMARY --", "-- END SUMMARY --"),
            ("== End Summary ==", "== End Summary =="),
            ("END SUMMARY ---", "END SUMMARY ---"),
            ("He agreed -- END SUMMARY.", "END SUMMARY."),
            ("He agreed. END SUMMARY) Next", "END SUMMARY"),
        ] {
            let c = find_closer(t, 0, &[&k]).unwrap();
            let (s, e) = framed(t, 0, c.start, c.end);
            assert_eq!(&t[s..e], want, "{t}");
        }
    }

    #[test]
    fn closers() {
        let k = CloserKey {
            title: "SUMMARY AND COMMENT".into(),
            key: "SUMMARY".into(),
        };
        let t = "The content. END SUMMARY AND COMMENT. Next";
        let c = find_closer(t, 0, &[&k]).unwrap();
        assert_eq!(&t[c.start..c.end], "END SUMMARY AND COMMENT.");
        let k = CloserKey {
            title: "GUIDANCE".into(),
            key: "GUIDANCE".into(),
        };
        let t = "end guidance.";
        assert_eq!(find_closer(t, 0, &[&k]).unwrap().end, t.len());
        let k = CloserKey {
            title: "SUMMARY".into(),
            key: "SUMMARY".into(),
        };
        let t = "x. End Summary and Action Request. y";
        let c = find_closer(t, 0, &[&k]).unwrap();
        assert_eq!(&t[c.start..c.end], "End Summary and Action Request.");
        // (text, closer found): the phrase without a period ends at the
        // line's end or where the capitals stop; `END OF SUMMARY`.
        for (t, want) in [
            ("x. END SUMMARY AND COMMENT", "END SUMMARY AND COMMENT"),
            (
                "x. END SUMMARY AND COMMENT\nNext",
                "END SUMMARY AND COMMENT",
            ),
            (
                "x. END SUMMARY AND COMMENT Next point.",
                "END SUMMARY AND COMMENT",
            ),
            ("x. (END SUMMARY AND COMMENT) y", "END SUMMARY AND COMMENT"),
            ("x. END OF SUMMARY. y", "END OF SUMMARY."),
            ("x. End of summary y", "End of summary"),
        ] {
            let c = find_closer(t, 0, &[&k]).unwrap();
            assert_eq!(&t[c.start..c.end], want, "{t}");
        }
        // The second of two joined words: `END COMMENT AND SUMMARY`.
        let t = "x. End comment and summary. y";
        let c = find_closer(t, 0, &[&k]).unwrap();
        assert_eq!(&t[c.start..c.end], "End comment and summary.");
        assert!(marker_names(&t[c.start..c.end], &k));
        assert!(find_closer("the end of summer", 0, &[&k]).is_none());
        assert!(find_closer("WEEKEND SUMMARY", 0, &[&k]).is_none());
        assert!(find_closer("END SUMMARYX", 0, &[&k]).is_none());
    }
}
