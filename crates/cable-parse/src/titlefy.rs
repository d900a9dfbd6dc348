//! Title case for all-caps subjects.
//!
//! `MISSILE TECHNOLOGY CONTROL REGIME (MTCR): RESPONDING TO THE CHAIR'S
//! REQUEST` becomes `Missile Technology Control Regime (MTCR): Responding
//! to the Chair's Request`: every word capitalised, small words in lower
//! case (except first in a clause), acronyms (from `acronyms.txt`) kept
//! upper-case. A subject that already holds lower-case letters was typed
//! in mixed case by its author and is returned unchanged.

use std::collections::BTreeSet;
use std::sync::LazyLock;

/// The acronym list, from `acronyms.txt` beside this file.
static ACRONYMS: LazyLock<BTreeSet<&'static str>> = LazyLock::new(|| {
    include_str!("acronyms.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect()
});

/// Words written in lower case inside a title.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
    "or", "per", "the", "to", "via", "vs",
];

/// Title-cases an all-caps subject, keeping acronyms upper-case and small
/// words lower-case.
///
/// ```
/// use cable_parse::titlefy;
/// assert_eq!(
///     titlefy("PM BROWN DOES THE UNEXPECTED IN ADDRESSING ECONOMIC PROBLEMS"),
///     "PM Brown Does the Unexpected in Addressing Economic Problems"
/// );
/// assert_eq!(titlefy("63RD UN GENERAL ASSEMBLY"), "63rd UN General Assembly");
/// ```
pub fn titlefy(subject: &str) -> String {
    if subject.chars().any(char::is_lowercase) {
        return subject.to_owned();
    }
    let mut out = String::with_capacity(subject.len());
    let mut scratch = String::new();
    let mut rest = subject;
    let mut clause_start = true;
    while let Some(c) = rest.chars().next() {
        if c.is_alphanumeric() {
            // A word: letters and digits, with apostrophes between them.
            let mut end = rest.len();
            let mut it = rest.char_indices().peekable();
            while let Some((i, ch)) = it.next() {
                let in_word = ch.is_alphanumeric()
                    || (ch == '\'' && it.peek().is_some_and(|(_, n)| n.is_alphanumeric()));
                if !in_word {
                    end = i;
                    break;
                }
            }
            let (word, after) = rest.split_at(end);
            word_case(word, clause_start, &mut out, &mut scratch);
            clause_start = false;
            rest = after;
        } else {
            out.push(c);
            let after = rest.get(c.len_utf8()..).unwrap_or("");
            if matches!(c, ':' | '"' | '?' | '!' | ';') || (c == '-' && after.starts_with('-')) {
                clause_start = true;
            }
            rest = after;
        }
    }
    out
}

/// Appends `word` in title case; `scratch` is reused for the case-mapped
/// copies (ASCII words, nearly all, need no allocation per word).
fn word_case(word: &str, clause_start: bool, out: &mut String, scratch: &mut String) {
    let (stem, suffix) = match word.rsplit_once('\'') {
        Some((stem, s)) if s.eq_ignore_ascii_case("s") => (stem, "'s"),
        _ => (word, ""),
    };
    scratch.clear();
    if stem.is_ascii() {
        scratch.push_str(stem);
        scratch.make_ascii_uppercase();
    } else {
        scratch.push_str(&stem.to_uppercase());
    }
    if ACRONYMS.contains(scratch.as_str()) {
        out.push_str(scratch);
        out.push_str(suffix);
        return;
    }
    scratch.clear();
    if word.is_ascii() {
        scratch.push_str(word);
        scratch.make_ascii_lowercase();
    } else {
        scratch.push_str(&word.to_lowercase());
    }
    if !clause_start && SMALL_WORDS.contains(&scratch.as_str()) {
        out.push_str(scratch);
        return;
    }
    let mut cs = scratch.chars();
    if let Some(first) = cs.next() {
        out.extend(first.to_uppercase());
        out.push_str(cs.as_str());
    }
}

#[cfg(test)]
mod tests {
    use super::titlefy;

    #[test]
    fn title_case() {
        for (raw, want) in [
            (
                "MISSILE TECHNOLOGY CONTROL REGIME (MTCR): RESPONDING TO THE CHAIR'S REQUEST FOR VIEWS ON INFORMAL BRAINSTORMING SESSION",
                "Missile Technology Control Regime (MTCR): Responding to the Chair's Request for Views on Informal Brainstorming Session",
            ),
            ("DROC--VATICAN DEMARCHE", "DROC--Vatican Demarche"),
            (
                "VARIG'S DOWNWARD SPIRAL: WE'LL PAY YOU LATER",
                "VARIG's Downward Spiral: We'll Pay You Later",
            ),
            (
                "A SIGN OF GOL'S \"CORSAIR MENTALITY\"",
                "A Sign of GOL's \"Corsair Mentality\"",
            ),
            ("Already Mixed case", "Already Mixed case"),
            ("", ""),
        ] {
            assert_eq!(titlefy(raw), want);
        }
    }
}
