//! The signer: the originating officer's surname on the last line of the
//! text (`CLINTON`, `STRAUSZ-HUPE`, `DE PREE`, `MCNAMARA.`), or at the end
//! of the last paragraph after two blanks (`21.  BEIRUT MINIMIZE
//! CONSIDERED.  EAGLETON`).

use crate::blanks::Blanks;

/// The width telegrams wrap their lines at (69 columns, with some slack):
/// a longer line is a paragraph a rendering joined into one line.
const WRAP_WIDTH: usize = 100;

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

/// English words that start a line of prose and no name (a name's
/// particles, `DE`, `LA`, `VAN`, are not among them): `A FOREI`, the cut
/// end of a partial extract, is no signer.
const PROSE_STARTS: &[&str] = &["A", "THE", "AND", "OF"];

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
    let t = line
        .trim_blanks()
        .trim_end_matches(['#', '\\'])
        .trim_end_blanks();
    // `DANIEL ORTEGA AN...`: a line cut short (a partial extract) names no
    // one.
    if t.ends_with("..") || t.ends_with('…') {
        return None;
    }
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
        || !words.iter().all(|w| {
            crate::titlefy::prefixed_caps(w)
                || w.bytes()
                    .all(|b| b.is_ascii_uppercase() || matches!(b, b'-' | b'\'' | b'.' | b'/'))
        })
        || t.bytes().filter(u8::is_ascii_uppercase).count() < 2
        || words.first().is_some_and(|w| NOT_NAMES.contains(w))
        || (words.len() > 1 && words.first().is_some_and(|w| PROSE_STARTS.contains(w)))
        || words.iter().all(|w| NOT_NAMES.contains(w) || *w == "/")
        || is_redaction(t)
    {
        return None;
    }
    Some(words.join(" "))
}

/// `Hoffman`, `De Pree`, `McCaw`, `LeBaron`: one or two capitalised words
/// (letters, `-`, `'`; a capital inside a surname as in `Mc`, `Le`, `De`
/// names), or one word in lower case (`clinton`: a text whose case was
/// lowered), that are no word of the format's markers.
fn capitalised_name(t: &str, words: &[&str]) -> Option<String> {
    let capitalised = |w: &str| {
        let mut b = w.bytes();
        b.next().is_some_and(|c| c.is_ascii_uppercase())
            && w.len() >= 3
            && b.all(|c| c.is_ascii_alphabetic() || matches!(c, b'-' | b'\''))
            && w.bytes().filter(u8::is_ascii_lowercase).count() >= 2
            && w.bytes().filter(u8::is_ascii_uppercase).count() <= 2
    };
    let lowered = |w: &str| w.len() >= 3 && w.bytes().all(|c| c.is_ascii_lowercase() || c == b'-');
    let ok = ((1..=2).contains(&words.len()) && words.iter().all(|w| capitalised(w))
        || (words.len() == 1 && words.iter().all(|w| lowered(w))))
        && !is_redaction(t)
        && words
            .iter()
            .all(|w| !NOT_NAMES.contains(&w.to_ascii_uppercase().as_str()));
    ok.then(|| t.to_owned())
}

/// Whether a line closes the text before a signer although it does not end
/// in sentence punctuation: a URL (`Visit Lima's Classified Website:
/// http://...`), a redaction at its end (`XXXXXXXXXXXX`), or the end
/// marker of a note (`... END COMMENT`).
fn closes(prev: &str) -> bool {
    let t = prev.trim_end_blanks();
    let mut words = t.split_whitespace().rev();
    let last = words.next().unwrap_or("");
    let before = words.next().unwrap_or("");
    t.contains("://")
        || (last.len() >= 3 && is_redaction(last))
        || (before.eq_ignore_ascii_case("END") && last.bytes().all(|b| b.is_ascii_alphabetic()))
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
    !ends_with_dot && ((capitals && words <= 2) || (words == 1 && closes(prev)))
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
    // The last word, or the last two in capitals (`LA LIME`).
    let gap = t.rfind(' ')?;
    let two = t
        .get(..gap)?
        .trim_end_blanks()
        .rfind(' ')
        .filter(|&g| is_caps_word(t.get(g..gap).unwrap_or("").trim_blanks()));
    for gap in [Some(gap), two].into_iter().flatten() {
        let before = t.get(..gap)?.trim_end_blanks();
        let name = t.get(gap..)?.trim_blanks();
        let mixed = before.bytes().any(|b| b.is_ascii_lowercase());
        let caps = name.split(' ').all(is_caps_word) && name.len() >= 3;
        // A capitalised name glued to the text only on a joined paragraph
        // line (a cablegate page writes a paragraph as one line); at the
        // end of a wrapped line it is as likely a sentence's first word.
        let one_capitalised = !name.contains(' ')
            && t.len() > WRAP_WIDTH
            && name.starts_with(|c: char| c.is_ascii_uppercase())
            && capitalised_name(name, &[name]).is_some();
        let before = strip_page_header(before);
        let closed = before.ends_with(['.', ')', '"', '\u{201d}', '\u{2019}'])
            || closes(before)
            || before
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.len() >= 3 && is_redaction(w));
        if mixed && (caps || one_capitalised) && closed {
            if let Some(n) = signer_line(name) {
                return Some((before, n));
            }
        }
    }
    None
}

/// The text before a page header that a rendering glued into the last
/// line (`... emissions. RIO DE JAN 00000285 002 OF 002`), else the text.
fn strip_page_header(before: &str) -> &str {
    static PAGE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\s[A-Z][A-Z .'-]{1,40} \d{5,8} {1,3}\d{3}(?:\.\d)? OF \d{1,3}$")
            .expect("valid regex")
    });
    match PAGE.find(before) {
        Some(m) => before.get(..m.start()).unwrap_or(before).trim_end_blanks(),
        None => before,
    }
}

/// A word in capitals (`CLINTON`, `STRAUSZ-HUPE`, `LA` of `LA LIME`) that
/// is no word of the format's markers.
fn is_caps_word(w: &str) -> bool {
    w.len() >= 2
        && w.bytes().all(|b| b.is_ascii_uppercase() || b == b'-')
        && !NOT_NAMES.contains(&w)
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
        // A prefix in mixed case before a surname in capitals.
        assert_eq!(signer_line("McCARTHY").as_deref(), Some("McCARTHY"));
        assert_eq!(signer_line("MacARTHUR ##").as_deref(), Some("MacARTHUR"));
        assert_eq!(
            signer_line("JOHN McCARTHY").as_deref(),
            Some("JOHN McCARTHY")
        );
        assert!(signer_line("Mr. SMITH").is_none());
        assert!(signer_line("ToDO").is_none());
        assert_eq!(signer_line("Hoffman").as_deref(), Some("Hoffman"));
        assert!(signer_line("Comment").is_none());
        assert!(signer_line("XXXXXXXXXXXX").is_none());
        // 06MANAGUA1002's page ends `TRIVELLI` / `DANIEL ORTEGA AN...`.
        assert!(signer_line("DANIEL ORTEGA AN...").is_none());
        assert!(signer_line("JANE ROE…").is_none());
        // The cut end of a partial extract (73STATE189296's `A FOREI`).
        assert!(signer_line("A FOREI").is_none());
        assert!(signer_line("THE MINIST").is_none());
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
