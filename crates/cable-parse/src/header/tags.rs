//! TAGS: `TAGS: PREL, PGOV, LY`, `TAGS PREL ECON`, `TAGS: OVIP (CLINTON,
//! HILLARY) PREL`, wrapped onto following lines, glued (`KFRDKIRFCVIS`),
//! with free-text tags (`ISRAELI PALESTINIAN AFFAIRS`).

use crate::blanks::Blanks;

use std::collections::BTreeSet;
use std::sync::LazyLock;

static CODES: LazyLock<BTreeSet<&'static str>> = LazyLock::new(|| {
    include_str!("tags.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect()
});

/// Known free-text tags, as word lists, longest first.
static PHRASES: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut v: Vec<Vec<&'static str>> = include_str!("tag-phrases.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim_blanks().is_empty())
        .map(|l| l.split_whitespace().collect())
        .collect();
    v.sort_by_key(|p| std::cmp::Reverse(p.len()));
    v
});

/// Given names, to read `NOVO GUILLERMO` as the person `NOVO, GUILLERMO`.
static GIVEN_NAMES: LazyLock<BTreeSet<&'static str>> = LazyLock::new(|| {
    include_str!("given-names.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect()
});

/// The number of words of the known free-text tag starting `words`, if one
/// does (only multi-word phrases split a run of words).
fn phrase_at(words: &[&str]) -> Option<usize> {
    PHRASES
        .iter()
        .filter(|p| p.len() >= 2)
        .find(|p| words.get(..p.len()) == Some(p.as_slice()))
        .map(Vec::len)
}

/// Known misspellings of tags and their fix.
const FIXES: &[(&str, &str)] = &[("COUNTER TERRORISM", "COUNTERTERRORISM"), ("MOPPS", "MOPS")];

/// What happened to the tags while reading them.
#[derive(Debug, Default)]
pub(crate) struct TagNotes {
    /// `SIPDIS`, glued or misspelt tags that were repaired.
    pub(crate) repaired: Vec<String>,
    /// Tags that were dropped as duplicates.
    pub(crate) duplicates: Vec<String>,
}

fn is_code(w: &str) -> bool {
    let letters = w.bytes().all(|b| b.is_ascii_uppercase());
    (letters && w.len() == 2)
        || (letters && w.len() == 4 && (w.starts_with('K') || CODES.contains(w)))
        || (!letters && w.bytes().any(|b| b.is_ascii_uppercase()) && !w.contains(','))
}

/// Splits a glued run of tags (`KFRDKIRFCVIS...EG`, `IZPREL`) into known
/// four-letter codes and at most one two-letter country code.
fn split_glued(w: &str) -> Option<Vec<String>> {
    if !(6..=64).contains(&w.len()) || !w.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    fn go(s: &str, two_used: bool, out: &mut Vec<String>) -> bool {
        if s.is_empty() {
            return true;
        }
        if let Some(four) = s.get(..4) {
            if (four.starts_with('K') || CODES.contains(four)) && go(&s[4..], two_used, out) {
                out.insert(0, four.to_owned());
                return true;
            }
        }
        if !two_used {
            if let Some(two) = s.get(..2) {
                if go(&s[2..], true, out) {
                    out.insert(0, two.to_owned());
                    return true;
                }
            }
        }
        false
    }
    let mut out = Vec::new();
    go(w, false, &mut out).then_some(out)
}

/// Splits the text of a TAGS block (wrapped lines already joined with a
/// space) into tags, upper-cased, in order, de-duplicated.
pub(crate) fn split_tags(text: &str, notes: &mut TagNotes) -> Vec<String> {
    let upper = text.to_uppercase();
    // Items: comma-separated, with parentheses kept whole.
    let mut items: Vec<(String, bool)> = Vec::new(); // (text, parenthesised)
    let mut cur = String::new();
    let mut depth = 0u32;
    for c in upper.chars() {
        match c {
            '(' => {
                if !cur.trim_blanks().is_empty() {
                    items.push((std::mem::take(&mut cur), false));
                }
                cur.clear();
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                items.push((std::mem::take(&mut cur), true));
            }
            ',' if depth == 0 => items.push((std::mem::take(&mut cur), false)),
            _ => cur.push(c),
        }
    }
    items.push((cur, false));
    let mut out: Vec<String> = Vec::new();
    let mut after_ovip = false;
    for (item, paren) in items {
        let item = item.trim_blanks();
        if item.is_empty() {
            continue;
        }
        if paren {
            // `OVIP (CLINTON, HILLARY)`: a person, kept whole.
            out.push(item.split_whitespace().collect::<Vec<_>>().join(" "));
            after_ovip = false;
            continue;
        }
        let words: Vec<&str> = item.split_whitespace().collect();
        let mut phrase: Vec<&str> = Vec::new();
        let mut i = 0;
        while let Some(&w) = words.get(i) {
            if after_ovip && !is_code(w) && words.get(i + 1).is_some_and(|n| !is_code(n)) {
                // `OVIP CLINTON HILLARY`: surname and given name.
                flush(&mut phrase, &mut out);
                out.push(format!("{w}, {}", words.get(i + 1).copied().unwrap_or("")));
                after_ovip = false;
                i += 2;
                continue;
            }
            if let Some(n) = phrase_at(words.get(i..).unwrap_or(&[])) {
                // `GOI EXTERNAL`, `CONSULAR AFFAIRS`
                flush(&mut phrase, &mut out);
                out.push(words.get(i..i + n).unwrap_or(&[]).join(" "));
                i += n;
                continue;
            }
            let inside_phrase =
                !phrase.is_empty() && w.len() == 2 && words.get(i + 1).is_some_and(|n| !is_code(n));
            if is_code(w) && !inside_phrase {
                flush(&mut phrase, &mut out);
                out.push(w.to_owned());
                after_ovip = w == "OVIP";
            } else if let Some(parts) = split_glued(w) {
                flush(&mut phrase, &mut out);
                notes.repaired.push(w.to_owned());
                out.extend(parts);
            } else {
                phrase.push(w);
            }
            i += 1;
        }
        flush(&mut phrase, &mut out);
    }
    let mut seen = BTreeSet::new();
    let mut tags = Vec::new();
    for t in out {
        let t = match FIXES.iter().find(|(k, _)| *k == t) {
            Some((_, fix)) => {
                notes.repaired.push(t.clone());
                (*fix).to_owned()
            }
            None => t,
        };
        if t == "SIPDIS" {
            notes.repaired.push(t);
            continue;
        }
        if seen.insert(t.clone()) {
            tags.push(t);
        } else {
            notes.duplicates.push(t);
        }
    }
    tags
}

/// Ends a run of words that are not codes: persons written surname first
/// (`NOVO GUILLERMO REMON PEDRO` -> `NOVO, GUILLERMO`, `REMON, PEDRO`) are
/// split off, the rest is one free-text tag.
fn flush(phrase: &mut Vec<&str>, out: &mut Vec<String>) {
    let mut rest: Vec<&str> = Vec::new();
    let mut j = 0;
    while let Some(&w) = phrase.get(j) {
        let next = phrase.get(j + 1).copied();
        if let Some(given) = next.filter(|n| GIVEN_NAMES.contains(n) && !GIVEN_NAMES.contains(w)) {
            if !rest.is_empty() {
                out.push(rest.join(" "));
                rest.clear();
            }
            out.push(format!("{w}, {given}"));
            j += 2;
            continue;
        }
        rest.push(w);
        j += 1;
    }
    if !rest.is_empty() {
        out.push(rest.join(" "));
    }
    phrase.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<String> {
        split_tags(s, &mut TagNotes::default())
    }

    #[test]
    fn splitting() {
        assert_eq!(tags("PREL, PGOV, PINS, TU"), ["PREL", "PGOV", "PINS", "TU"]);
        assert_eq!(
            tags("OVIP (CLINTON, HILLARY), PGOV NL"),
            ["OVIP", "CLINTON, HILLARY", "PGOV", "NL"]
        );
        assert_eq!(
            tags("OVIP BIDEN JOSEPH PREL"),
            ["OVIP", "BIDEN, JOSEPH", "PREL"]
        );
        assert_eq!(
            tags("KFRDKIRFCVISCMGTKOCIASECPHUMSMIGEG"),
            [
                "KFRD", "KIRF", "CVIS", "CMGT", "KOCI", "ASEC", "PHUM", "SMIG", "EG"
            ]
        );
        assert_eq!(
            tags("TU KJUS TIP IN TURKEY"),
            ["TU", "KJUS", "TIP IN TURKEY"]
        );
        assert_eq!(tags("ECON CA MX SIPDIS ECON"), ["ECON", "CA", "MX"]);
        assert_eq!(tags("PREL, UNGA/C-6"), ["PREL", "UNGA/C-6"]);
        assert_eq!(
            tags("IS ISRAELI PALESTINIAN AFFAIRS GOI EXTERNAL"),
            ["IS", "ISRAELI PALESTINIAN AFFAIRS", "GOI EXTERNAL"]
        );
        assert_eq!(
            tags("PM NOVO GUILLERMO REMON PEDRO CONSULAR AFFAIRS"),
            ["PM", "NOVO, GUILLERMO", "REMON, PEDRO", "CONSULAR AFFAIRS"]
        );
        assert_eq!(tags("PREL POL FOREIGN POL"), ["PREL", "POL", "FOREIGN POL"]);
    }
}
