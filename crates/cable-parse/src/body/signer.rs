//! The signer: the originating officer's surname on the last line of the
//! text (`CLINTON`, `STRAUSZ-HUPE`, `DE PREE`, `MCNAMARA.`), or at the end
//! of the last paragraph after two blanks (`21.  BEIRUT MINIMIZE
//! CONSIDERED.  EAGLETON`).

use crate::blanks::Blanks;

/// Words that end texts in capitals but are not names.
const NOT_NAMES: &[&str] = &[
    "BT",
    "END",
    "NNNN",
    "NNN",
    "QUOTE",
    "UNQUOTE",
    "SIPDIS",
    "NOFORN",
    "EXDIS",
    "NODIS",
    "LIMDIS",
    "STADIS",
    "SUMMARY",
    "COMMENT",
    "NOTE",
    "TEXT",
    "TAGS",
    "SUBJECT",
    "REF",
    "UNCLAS",
    "UNCLASSIFIED",
    "CONFIDENTIAL",
    "SECRET",
    "FOUO",
    "SBU",
    "ACTION",
    "INFO",
];

/// Reads a whole line as a signer's name: a surname (or up to four
/// words) in capitals, or one capitalised name in a text whose case was
/// edited (`Hoffman`); a trailing `.` or `##` is dropped.
///
/// ```text
/// CLINTON      -> CLINTON
/// MCNAMARA.    -> MCNAMARA
/// RICE / SMITH -> RICE / SMITH
/// STEVENS ##   -> STEVENS
/// Hoffman      -> Hoffman
/// GP-3         -> (none)
/// ```
pub(crate) fn signer_line(line: &str) -> Option<String> {
    // A name is short: a long line is prose.
    if line.len() > 120 {
        return None;
    }
    let t = line.trim_blanks().trim_end_matches('#').trim_end_blanks();
    let t = t.strip_suffix('.').unwrap_or(t).trim_end_blanks();
    let words: Vec<&str> = t.split_whitespace().collect();
    if let Some(name) = capitalised_name(t, &words) {
        return Some(name);
    }
    if t.len() < 2
        || t.len() > 40
        || words.is_empty()
        || words.len() > 4
        || !t.starts_with(|c: char| c.is_ascii_uppercase())
        || !t
            .bytes()
            .all(|b| b.is_ascii_uppercase() || matches!(b, b'-' | b'\'' | b'.' | b' ' | b'/'))
        || t.bytes().filter(u8::is_ascii_uppercase).count() < 2
        || words.first().is_some_and(|w| NOT_NAMES.contains(w))
        || words.iter().all(|w| NOT_NAMES.contains(w) || *w == "/")
        || is_redaction(t)
    {
        return None;
    }
    Some(words.join(" "))
}

/// `Hoffman`, `De Pree`: one or two capitalised words (letters, `-`, `'`)
/// that are no word of the format's markers.
fn capitalised_name(t: &str, words: &[&str]) -> Option<String> {
    let capitalised = |w: &str| {
        let mut b = w.bytes();
        b.next().is_some_and(|c| c.is_ascii_uppercase())
            && w.len() >= 3
            && b.all(|c| c.is_ascii_lowercase() || matches!(c, b'-' | b'\''))
            && w.bytes().any(|c| c.is_ascii_lowercase())
    };
    let ok = (1..=2).contains(&words.len())
        && words.iter().all(|w| capitalised(w))
        && words
            .iter()
            .all(|w| !NOT_NAMES.contains(&w.to_ascii_uppercase().as_str()));
    ok.then(|| t.to_owned())
}

/// `XXXXXXXXXXXX`, `xxxxx`: a redaction marker, no name.
fn is_redaction(t: &str) -> bool {
    t.len() >= 3 && t.bytes().all(|b| matches!(b, b'X' | b'x' | b' '))
}

/// Whether the signer `name` read from `line` may follow the line before
/// it, `prev`. After a finished sentence, a blank line, a short code
/// (`GP-3`) or any line when the name is one or two words without a final
/// `.` (after a URL, a redaction line, `END COMMENT`); a name of more
/// words, or one ending a sentence after a line that did not, is more
/// likely the end of wrapped prose (`... HE WOULD` / `COOPERATE.`). A
/// capitalised name (`Hoffman`) only after a finished sentence.
pub(crate) fn may_follow(prev: &str, line: &str, name: &str) -> bool {
    let after_sentence =
        prev.is_empty() || ends_sentence(prev) || (prev.len() <= 8 && !prev.contains(' '));
    if after_sentence {
        return true;
    }
    let capitals = !name.bytes().any(|b| b.is_ascii_lowercase());
    let words = name.split_whitespace().count();
    let ends_with_dot = line
        .trim_blanks()
        .trim_end_matches('#')
        .trim_end_blanks()
        .ends_with('.');
    capitals && words <= 2 && !ends_with_dot
}

/// A name at the end of the last paragraph: after two blanks
/// (`BEIRUT MINIMIZE CONSIDERED.  EAGLETON`), or after one at the end of a
/// paragraph in mixed case (`... by January 8. CLINTON`), with `##` after
/// it dropped.
pub(crate) fn trailing_signer(line: &str) -> Option<(&str, String)> {
    let t = line
        .trim_end_blanks()
        .trim_end_matches('#')
        .trim_end_blanks();
    if let Some(gap) = t.rfind("  ") {
        let before = t.get(..gap)?.trim_end_blanks();
        let name = t.get(gap..)?.trim_blanks();
        if before.ends_with(['.', ')', '"']) && !name.contains(' ') {
            if let Some(n) = signer_line(name) {
                return Some((before, n));
            }
        }
    }
    let gap = t.rfind(' ')?;
    let before = t.get(..gap)?.trim_end_blanks();
    let name = t.get(gap..)?.trim_blanks();
    let mixed = before.bytes().any(|b| b.is_ascii_lowercase());
    let caps_word = name.len() >= 3 && name.bytes().all(|b| b.is_ascii_uppercase() || b == b'-');
    if mixed && caps_word && before.ends_with(['.', ')', '"']) {
        return Some((before, signer_line(name)?));
    }
    None
}

/// Whether a line ends so that the next line starts afresh (a signer can
/// follow it): blank, or ending in sentence punctuation or a rule.
pub(crate) fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end_blanks();
    match t.chars().last() {
        None => true,
        Some(c) => !(c.is_alphanumeric() || c == ','),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(signer_line("CLINTON").as_deref(), Some("CLINTON"));
        assert_eq!(signer_line("MCNAMARA.").as_deref(), Some("MCNAMARA"));
        assert_eq!(signer_line("STRAUSZ-HUPE").as_deref(), Some("STRAUSZ-HUPE"));
        assert_eq!(signer_line("DE PREE").as_deref(), Some("DE PREE"));
        assert_eq!(signer_line("RICE / SMITH").as_deref(), Some("RICE / SMITH"));
        assert!(signer_line("GP-3").is_none());
        assert!(signer_line("UNQUOTE").is_none());
        assert!(signer_line("END TEXT.").is_none());
        // A capitalised word has a name's shape; the line before decides.
        assert_eq!(signer_line("Gray").as_deref(), Some("Gray"));
        assert!(!may_follow("the sky over the city was", "Gray", "Gray"));
        assert!(may_follow("He left for the airport.", "Gray", "Gray"));
        assert_eq!(
            trailing_signer("21.  BEIRUT MINIMIZE CONSIDERED.  EAGLETON"),
            Some(("21.  BEIRUT MINIMIZE CONSIDERED.", "EAGLETON".into()))
        );
        assert_eq!(signer_line("STEVENS ##").as_deref(), Some("STEVENS"));
        assert_eq!(signer_line("Hoffman").as_deref(), Some("Hoffman"));
        assert!(signer_line("Comment").is_none());
        assert!(signer_line("XXXXXXXXXXXX").is_none());
        assert_eq!(
            trailing_signer("Request feedback by January 8. CLINTON"),
            Some(("Request feedback by January 8.", "CLINTON".into()))
        );
        assert!(trailing_signer("THE MINISTER AGREED. CLINTON").is_none());
    }

    #[test]
    fn signer_after_any_line() {
        // After a URL, a redaction line, END COMMENT.
        for prev in [
            "Visit Lima's Classified Website: http://example.state.sgov.gov/p/wha/lima",
            "XXXXXXXXXXXX",
            "END COMMENT",
        ] {
            assert!(may_follow(prev, "SMITH", "SMITH"), "{prev}");
        }
        // The end of wrapped prose is no signer.
        assert!(!may_follow(
            "THE MINISTER SAID HE WOULD",
            "COOPERATE.",
            "COOPERATE"
        ));
        assert!(!may_follow(
            "AND HAS AGREED TO",
            "PHONE HIM DIRECTLY",
            "PHONE HIM DIRECTLY"
        ));
        assert!(!may_follow(
            "the minister said he would",
            "Cooperate",
            "Cooperate"
        ));
    }
}
