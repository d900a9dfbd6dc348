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

/// Reads a whole line as a signer's name.
///
/// ```text
/// CLINTON      -> CLINTON
/// MCNAMARA.    -> MCNAMARA
/// RICE / SMITH -> RICE / SMITH
/// GP-3         -> (none)
/// ```
pub(crate) fn signer_line(line: &str) -> Option<String> {
    let t = line.trim_blanks();
    let t = t.strip_suffix('.').unwrap_or(t).trim_end_blanks();
    let words: Vec<&str> = t.split_whitespace().collect();
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
    {
        return None;
    }
    Some(words.join(" "))
}

/// A name after two blanks at the end of the last paragraph:
/// `BEIRUT MINIMIZE CONSIDERED.  EAGLETON` -> (`BEIRUT MINIMIZE CONSIDERED.`, `EAGLETON`).
pub(crate) fn trailing_signer(line: &str) -> Option<(&str, String)> {
    let t = line.trim_end_blanks();
    let gap = t.rfind("  ")?;
    let before = t.get(..gap)?.trim_end_blanks();
    let name = t.get(gap..)?.trim_blanks();
    if !before.ends_with(['.', ')', '"']) || name.contains(' ') {
        return None;
    }
    Some((before, signer_line(name)?))
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
        assert!(signer_line("Gray").is_none());
        assert_eq!(
            trailing_signer("21.  BEIRUT MINIMIZE CONSIDERED.  EAGLETON"),
            Some(("21.  BEIRUT MINIMIZE CONSIDERED.", "EAGLETON".into()))
        );
    }
}
