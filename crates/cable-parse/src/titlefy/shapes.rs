//! Words kept as written by their shape among the words around them: an
//! office symbol (`A/S`, `S/CT`, `WHA/BSC`; not `IRAN/IAEA`), a word in
//! parentheses made of the heads of the words before it (`AU MISSION IN
//! SOMALIA (AMISOM)`), and a surname typed with its prefix in mixed case
//! (`CODEL McCAIN'S VISIT` -> `Codel McCain's Visit`).

use super::acronyms::DEPARTMENT_OFFICES;

/// A surname in capitals after a prefix in mixed case, as typed in a
/// signature of capitals: `McCARTHY`, `MacARTHUR`, `DeLAURENTIS` (a
/// capital, one or two lower-case letters, then three capitals or more;
/// a possessive `'S` may follow). A subject of capitals may hold one
/// (`CODEL McCAIN'S VISIT`): its title is `Codel McCain's Visit`.
pub(crate) fn prefixed_caps(w: &str) -> bool {
    let b = w.as_bytes();
    let lower = b
        .iter()
        .skip(1)
        .take_while(|c| c.is_ascii_lowercase())
        .count();
    b.first().is_some_and(u8::is_ascii_uppercase)
        && (1..=2).contains(&lower)
        && b.len() >= 1 + lower + 3
        && b.iter()
            .skip(1 + lower)
            .all(|c| c.is_ascii_uppercase() || matches!(c, b'-' | b'\''))
}

/// Whether the word at byte `at` of `subject` is part of an office symbol:
/// letters joined by slashes, one part a single letter (`A/S`, `S/CT`,
/// `G/TIP`, `INR/B`: the Department's office symbols), not a list of
/// names (`IRAN/IAEA`).
pub(super) fn office_symbol(subject: &str, at: usize) -> bool {
    let part = |c: char| c.is_ascii_alphanumeric() || c == '/';
    let start = subject
        .get(..at)
        .and_then(|h| h.rfind(|c: char| !part(c)))
        .map_or(0, |i| i + 1);
    let end = subject
        .get(at..)
        .and_then(|t| t.find(|c: char| !part(c)))
        .map_or(subject.len(), |i| at + i);
    let chain = subject.get(start..end).unwrap_or("");
    let parts: Vec<&str> = chain.split('/').collect();
    parts.len() >= 2
        && parts.iter().all(|p| !p.is_empty())
        && (parts.iter().any(|p| p.len() == 1)
            || parts
                .first()
                .is_some_and(|p| DEPARTMENT_OFFICES.contains(&p.to_ascii_uppercase().as_str())))
}

/// Whether `abbr` is made of the heads of the words of `before` (the text
/// up to its opening parenthesis), in order: their initials (`AL-QAIDA IN
/// THE ISLAMIC MAGHREB (AQIM)`) or longer heads (`AU MISSION IN SOMALIA
/// (AMISOM)`: `A`, `MI`, `SOM`), words may be skipped; the last head is
/// that of the last word, or two heads or more are taken (`EU FORCE IN
/// CHAD (EUFOR)`).
pub(super) fn spells_initials(abbr: &str, before: &str) -> bool {
    // The phrase it abbreviates: the words since the last punctuation
    // (the opening parenthesis aside), ten at most.
    let before = before.trim_end_matches([' ', '(']);
    let phrase = before
        .rfind(['.', ',', ';', ':', '?', '!', '(', ')'])
        .map_or(before, |i| &before[i + 1..]);
    let mut words: Vec<&[u8]> = phrase
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::as_bytes)
        .collect();
    words.drain(..words.len().saturating_sub(10));
    let a = abbr.as_bytes();
    let (Some(last), false) = (words.len().checked_sub(1), a.is_empty()) else {
        return false;
    };
    // `THE PRESIDENT (PRESIDENT)` repeats a word, it does not abbreviate.
    if words.iter().any(|w| w.eq_ignore_ascii_case(a)) {
        return false;
    }
    // reach[k][i]: the first `i` letters of `abbr` are heads of words
    // before word `k`, by at most one head (1) or by two or more (2).
    let mut reach = vec![vec![0u8; a.len() + 1]; words.len() + 1];
    reach[0][0] = 1;
    for (k, w) in words.iter().enumerate() {
        for i in 0..=a.len() {
            let heads = reach[k][i];
            if heads == 0 {
                continue;
            }
            // Skip the word, or take a head of it.
            reach[k + 1][i] = reach[k + 1][i].max(heads);
            let head = w
                .iter()
                .zip(&a[i..])
                .take_while(|(x, y)| x.eq_ignore_ascii_case(y))
                .count();
            let taken = if i == 0 { 1 } else { 2 };
            for n in 1..=head {
                reach[k + 1][i + n] = reach[k + 1][i + n].max(taken);
                if i + n == a.len() && (k == last || taken == 2) {
                    return true;
                }
            }
        }
    }
    false
}
