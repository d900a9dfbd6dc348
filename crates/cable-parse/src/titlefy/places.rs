//! Which words of a subject belong to a place's name: `EL SALVADOR`, `SRI
//! LANKA`, `PORT-AU-PRINCE`, `DAR ES SALAAM` are words whatever their
//! shape (`EL` and `AU` are no acronyms there), and the particles inside a
//! name are written in lower case (`Port-au-Prince`, `Dar es Salaam`).

use std::collections::BTreeMap;
use std::sync::LazyLock;

/// Names of places, as upper-case word lists keyed by their first word:
/// the ISO 3166-1 country names (`header/countries.txt`, from Debian
/// iso-codes) and the names of posts in ACP 117 (`stations/posts.txt`, the
/// lines of an embassy or consulate, office word dropped: `AMEMBASSY DAR ES
/// SALAAM` -> `DAR ES SALAAM`).
static PLACES: LazyLock<BTreeMap<String, Vec<Vec<String>>>> = LazyLock::new(|| {
    let countries = include_str!("../header/countries.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(str::to_owned);
    let posts = include_str!("../stations/posts.txt")
        .lines()
        .filter_map(|l| {
            l.strip_prefix("AMEMBASSY ")
                .or_else(|| l.strip_prefix("AMCONSUL "))
        })
        .map(str::to_owned);
    let mut map: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
    for name in countries.chain(posts) {
        let words: Vec<String> = name
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_uppercase)
            .collect();
        if let Some(first) = words.first() {
            map.entry(first.clone()).or_default().push(words);
        }
    }
    for v in map.values_mut() {
        v.sort_by_key(|w| std::cmp::Reverse(w.len()));
        v.dedup();
    }
    map
});

/// The byte offsets of the words of `subject` that belong to a place's
/// name ([`PLACES`]), its words separated by blanks or hyphens
/// (`PORT-AU-PRINCE`), each with whether it is a particle: a word of one
/// or two letters inside the name (`AU`, `DE`, `ES`: `Rio de Janeiro`).
pub(super) fn place_words(subject: &str) -> BTreeMap<usize, bool> {
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in subject.char_indices().chain([(subject.len(), ' ')]) {
        match (c.is_ascii_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.extend(subject.get(s..i).map(|w| (s, w)));
                start = None;
            }
            _ => {}
        }
    }
    let mut found = BTreeMap::new();
    let places = &*PLACES;
    let mut i = 0;
    while let Some(&(_, w)) = words.get(i) {
        let upper = w.to_ascii_uppercase();
        let matched = places.get(&upper).and_then(|names| {
            names.iter().find(|name| {
                name.iter().enumerate().all(|(k, nw)| {
                    let Some(&(a, tw)) = words.get(i + k) else {
                        return false;
                    };
                    // Only blanks or hyphens between the words of a name.
                    let joined = k == 0
                        || words.get(i + k - 1).is_some_and(|&(pa, pw)| {
                            subject
                                .get(pa + pw.len()..a)
                                .is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == '-'))
                        });
                    joined && tw.eq_ignore_ascii_case(nw)
                })
            })
        });
        match matched {
            Some(name) => {
                for k in 0..name.len() {
                    if let Some(&(a, tw)) = words.get(i + k) {
                        found.insert(a, k > 0 && tw.len() <= 2);
                    }
                }
                i += name.len().max(1);
            }
            None => i += 1,
        }
    }
    found
}
