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
    let chars: Vec<char> = subject.chars().collect();
    let mut i = 0;
    let mut clause_start = true;
    while let Some(&c) = chars.get(i) {
        if c.is_alphanumeric() {
            let start = i;
            while chars.get(i).is_some_and(|c| {
                c.is_alphanumeric()
                    || (*c == '\'' && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric()))
            }) {
                i += 1;
            }
            let word: String = chars.get(start..i).unwrap_or_default().iter().collect();
            word_case(&word, clause_start, &mut out);
            clause_start = false;
        } else {
            out.push(c);
            if matches!(c, ':' | '"' | '?' | '!' | ';')
                || (c == '-' && chars.get(i + 1) == Some(&'-'))
            {
                clause_start = true;
            }
            i += 1;
        }
    }
    out
}

fn word_case(word: &str, clause_start: bool, out: &mut String) {
    let (stem, suffix) = match word.rsplit_once('\'') {
        Some((stem, s)) if s.eq_ignore_ascii_case("s") => (stem, "'s"),
        _ => (word, ""),
    };
    let upper = stem.to_uppercase();
    if ACRONYMS.contains(upper.as_str()) {
        out.push_str(&upper);
        out.push_str(suffix);
        return;
    }
    let lower = word.to_lowercase();
    if !clause_start && SMALL_WORDS.contains(&lower.as_str()) {
        out.push_str(&lower);
        return;
    }
    let mut cs = lower.chars();
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
