//! Stations: which post a station name in a banner, a REF line or a
//! published id stands for, written as canonical ids write it
//! (`RIODEJANEIRO`, `STATE`, `USUNNEWYORK`).
//!
//! One gazetteer is built from two lists: `stations.txt` (the station part
//! of canonical ids) and `posts.txt` (the plain-language post names of ACP
//! 117, from `../shared/reference/routing-indicators.csv`). A name as
//! written is matched by a fixed sequence of rules, each a kind of damage
//! real cables show, never a list of seen typos:
//!
//! ```text
//! RIO DE JANEIRO, DAR-ES-SALAAM  -> exact (letters only)
//! SECSTATE                       -> exact (the Department's ACP name)
//! USUN, RIO                      -> exact (the first word of one post's name)
//! USUN NY, USNATO BE             -> debris: a state or country code after a name
//! AMEMBASSYHANOI, EFTOATHENS     -> debris: an office word or caveat glued before
//! FIDENTIALLIMA, NOFORNQUITO     -> debris: the tail of a classification or caveat
//! SECDEFWASH                     -> debris: the city of a Washington office after
//! KUWAITCITY, LIMALIMA           -> debris: `CITY` after a name; a name written twice
//! BUENOSAI, SANTIAG, DAKA        -> truncated (a prefix of one name, 5+ letters
//!                                   or 4 when half of it, or its end, 6+ letters)
//! HCMC, PAP                      -> initials of a name of 3+ words
//! BKU                            -> three letters left of one four-letter name
//! BRASILA, WELLLINGTON, BISHIEK  -> a typo: 1 edit (2 when either has 8+ letters),
//! ASMQRA                            one best name: fewest edits, then misreadings
//!                                   (E/Q, O/Q, I/L), then most letters kept
//! FOOBARVILLE                    -> unknown: kept as written, reported
//! ```

mod distance;

use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::LazyLock;

/// How a station as written was matched to a name of the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Match {
    /// A station name or one of its plain-language spellings.
    Exact,
    /// Debris glued to it was dropped: an office word, a caveat, the tail
    /// of a classification or section marker, a Washington office's city.
    Debris,
    /// Cut short: `BUENOSAI`.
    Truncated,
    /// The initials of a name of three or more words: `HCMC`.
    Initials,
    /// One or two letters dropped, doubled, changed or swapped.
    Typo,
    /// Not in the gazetteer: the letters as written.
    Unknown,
}

/// A station as read: its canonical name (or its letters, when unknown)
/// and how it was matched. Cheap to clone: a REF block of a million
/// citations of one station shares one name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Station {
    /// `RIODEJANEIRO`.
    pub(crate) name: Rc<str>,
    /// How the text matched it.
    pub(crate) how: Match,
}

/// The one real alias that no rule derives: the Department of State's ACP
/// name is `SECSTATE WASHDC` (the cable format guide, §1 FL7:
/// `TO RUEHC/SECSTATE WASHDC`), while its cables are numbered `STATE`
/// (`09STATE17183`).
const ALIASES: &[(&str, &str)] = &[("SECSTATE", "STATE")];

/// Words glued before a station in published ids and banners that name no
/// post: the office words of `posts.txt` (ACP 117: `AMEMBASSY HANOI`), their
/// plain English (`EMBASSY`, `CONSULATE`, `MISSION`: ACP 117's `US
/// MISSION USNATO BRUSSELS BE`), and `EFTO` ("encrypt for transmission only", a
/// handling caveat of the ACP-127 format).
const OFFICE_WORDS: &[&str] = &[
    "AMEMBASSY",
    "AMCONSUL",
    "USMISSION",
    "EMBASSY",
    "CONSULATE",
    "MISSION",
    "EFTO",
];

/// Words whose tail may be glued before a station when a banner lost its
/// spacing (`C O N F I D E N T I A L` ... `FIDENTIALLIMA`): the
/// classification levels, the caveats, and the section marker
/// (`SECTION 02 OF 03`, whose letters are `SECTIONOF`). `SBU` is the
/// Department's abbreviation of the `SENSITIVE BUT UNCLASSIFIED` caveat,
/// written so in banners (`UNCLAS SBU`).
pub(crate) const DEBRIS_WORDS: &[&str] = &[
    "UNCLASSIFIED",
    "UNCLAS",
    "CONFIDENTIAL",
    "SECRET",
    "LIMITEDOFFICIALUSE",
    "SENSITIVEBUTUNCLASSIFIED",
    // The abbreviation of the caveat above (see the list's comment).
    "SBU",
    "NOFORN",
    "SIPDIS",
    "EXDIS",
    "NODIS",
    "LIMDIS",
    "EFTO",
    "SECTION",
    "OF",
];

/// The city part of a Washington office's ACP name (`SECDEF WASHINGTON
/// DC`, `SECSTATE WASHDC`), which a published id may keep (`SECDEFWASH`).
const WASHINGTON: &[&str] = &["WASHINGTONDC", "WASHDC"];

/// How many names a parse may match by the fuzzy rules (truncation,
/// initials, typos): each looks at every name of the gazetteer, so an
/// input with a million distinct unknown stations stays linear; later
/// unknown names are kept as written.
pub(crate) const FUZZY_BUDGET: usize = 256;

struct Gazetteer {
    /// Canonical names.
    canonical: Vec<String>,
    /// Every spelling that names a station exactly, to its canonical name.
    exact: BTreeMap<String, usize>,
    /// The spellings the fuzzy rules compare with: canonical names and the
    /// plain-language names (letters only).
    keys: Vec<(String, usize)>,
    /// Initials of the names of three or more words; `None` when two
    /// stations share them.
    initials: BTreeMap<String, Option<usize>>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(build);

/// Upper-case ASCII letters of `s`: `Rio de Janeiro` -> `RIODEJANEIRO`.
pub(crate) fn letters(s: &str) -> String {
    s.bytes()
        .filter(u8::is_ascii_alphabetic)
        .map(|b| char::from(b.to_ascii_uppercase()))
        .collect()
}

/// Builds the gazetteer from its sources, in order: the station names,
/// the aliases, the plain-language post names, then the first words that
/// name one post.
fn build() -> Gazetteer {
    let mut g = Gazetteer {
        canonical: Vec::new(),
        exact: BTreeMap::new(),
        keys: Vec::new(),
        initials: BTreeMap::new(),
    };
    add_station_names(&mut g);
    add_aliases(&mut g);
    let first_words = add_post_names(&mut g);
    add_first_words(&mut g, first_words);
    g
}

/// The canonical names: the station part of canonical ids, from
/// `stations.txt` (`RIODEJANEIRO`, `STATE`, `USUNNEWYORK`).
fn add_station_names(g: &mut Gazetteer) {
    for name in include_str!("stations.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
    {
        if !g.exact.contains_key(name) {
            let i = g.canonical.len();
            g.canonical.push(name.to_owned());
            g.exact.insert(name.to_owned(), i);
            g.keys.push((name.to_owned(), i));
        }
    }
}

/// The [`ALIASES`] of known stations (`SECSTATE` -> `STATE`).
fn add_aliases(g: &mut Gazetteer) {
    for (alias, name) in ALIASES {
        if let Some(&i) = g.exact.get(*name) {
            g.exact.insert((*alias).to_owned(), i);
        }
    }
}

/// Plain-language names, from `posts.txt` (`AMEMBASSY PORT AU PRINCE`):
/// each resolved against the station names, or a post of its own when none
/// matches. Returns the first word of each name of two words or more
/// (three letters or more) to the one post it begins, `None` when it
/// begins two.
fn add_post_names(g: &mut Gazetteer) -> BTreeMap<String, Option<usize>> {
    let mut first_words: BTreeMap<String, Option<usize>> = BTreeMap::new();
    for line in include_str!("posts.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (words, post) = post_words(line);
        if words.is_empty() {
            continue;
        }
        let joined: String = words.concat();
        let resolved = resolve_name(g, &words, &joined);
        let i = match resolved {
            Some(i) => i,
            // A Washington office whose name matches no station numbers no
            // cables of its own here.
            None if !post => continue,
            None => {
                let i = g.canonical.len();
                g.canonical.push(joined.clone());
                i
            }
        };
        add_post_spellings(g, &words, joined, i);
        if words.len() >= 2 {
            if let Some(first) = words.first().filter(|w| w.len() >= 3) {
                claim(&mut first_words, first.clone(), i);
            }
        }
        if words.len() >= 3 {
            let initials: String = words.iter().filter_map(|w| w.get(..1)).collect();
            claim(&mut g.initials, initials, i);
        }
    }
    first_words
}

/// The spellings of post `i`'s plain-language name (`words`, letters
/// `joined`): `PORTAUPRINCE`; a name begun by the article is also written
/// without it (`THE HAGUE`, `HAGUE`).
fn add_post_spellings(g: &mut Gazetteer, words: &[String], joined: String, i: usize) {
    g.exact.entry(joined.clone()).or_insert(i);
    g.keys.push((joined, i));
    if let Some(("THE", rest)) = words.split_first().map(|(w, r)| (w.as_str(), r)) {
        if !rest.is_empty() {
            let bare = rest.concat();
            g.exact.entry(bare.clone()).or_insert(i);
            g.keys.push((bare, i));
        }
    }
}

/// Records that `key` names station `i`: `None` once it names two.
fn claim(map: &mut BTreeMap<String, Option<usize>>, key: String, i: usize) {
    let slot = map.entry(key).or_insert(Some(i));
    if *slot != Some(i) {
        *slot = None;
    }
}

/// The first word of one post's name names it (`USUN NEW YORK`, `RIO DE
/// JANEIRO`), unless it is a name of its own or begins two names. A
/// mission named after its city (`USEUBRUSSELS` = `USEU` + a known
/// station) is named by the part before the city likewise, where no
/// post's name claims that word.
fn add_first_words(g: &mut Gazetteer, mut first_words: BTreeMap<String, Option<usize>>) {
    for (w, i) in mission_words(g) {
        first_words.entry(w).or_insert(i);
    }
    for (w, i) in first_words {
        if let Some(i) = i {
            g.exact.entry(w).or_insert(i);
        }
    }
}

/// The head (four letters or more) of a canonical name that ends with
/// another known station of four letters or more (`USEUBRUSSELS` ->
/// `USEU`), to the one name it heads so, `None` when it heads two.
fn mission_words(g: &Gazetteer) -> BTreeMap<String, Option<usize>> {
    let mut mission_words: BTreeMap<String, Option<usize>> = BTreeMap::new();
    for (i, name) in g.canonical.iter().enumerate() {
        for (at, _) in name.char_indices().skip(4) {
            let (head, city) = name.split_at(at);
            if city.len() >= 4 && g.exact.get(city).is_some_and(|&c| c != i) {
                claim(&mut mission_words, head.to_owned(), i);
            }
        }
    }
    mission_words
}

/// The words of a `posts.txt` line without its office word or its
/// Washington suffix, as letters, and whether it names a post abroad.
///
/// ```text
/// AMEMBASSY PORT AU PRINCE                          -> [PORT, AU, PRINCE], post
/// US CUSTOMS AND BORDER PROTECTION WASHINGTON DC    -> [US, CUSTOMS, AND, BORDER, PROTECTION], office
/// ```
fn post_words(line: &str) -> (Vec<String>, bool) {
    let mut words: Vec<&str> = line.split_whitespace().collect();
    let mut post = false;
    if let Some(first) = words.first() {
        if matches!(
            *first,
            "AMEMBASSY"
                | "AMCONSUL"
                | "USMISSION"
                | "USMISSIN"
                | "AIT"
                | "USINT"
                | "APP"
                | "REO"
                | "RRT"
        ) {
            words.remove(0);
            post = true;
        } else if words.get(..2) == Some(&["US", "MISSION"]) {
            words.drain(..2);
            post = true;
        }
    }
    if !post {
        match words.as_slice() {
            [.., "WASHINGTON", "DC"] => {
                words.truncate(words.len() - 2);
            }
            [.., "WASHDC"] => {
                words.pop();
            }
            _ => {}
        }
    }
    let words = words
        .into_iter()
        .map(letters)
        .filter(|w| !w.is_empty())
        .collect();
    (words, post)
}

/// The station a plain-language name stands for: its letters, its leading
/// words (`MEXICO CITY` -> `MEXICO`, `USNATO BRUSSELS BE` -> `USNATO`), its
/// initials (`US CUSTOMS BORDER PROTECTION` -> `USCBP`), or a station one
/// edit away or begun by it (`QUINTO` -> `QUITO`, `UNESCOPARIS` ->
/// `UNESCOPARISFR`).
fn resolve_name(g: &Gazetteer, words: &[String], joined: &str) -> Option<usize> {
    if let Some(&i) = g.exact.get(joined) {
        return Some(i);
    }
    for k in (1..words.len()).rev() {
        let lead: String = words.get(..k).unwrap_or(&[]).concat();
        if let Some(&i) = g.exact.get(&lead) {
            return Some(i);
        }
    }
    if words.len() >= 3 {
        // `AND`, `OF`, `THE` take no initial in an office's acronym.
        let initials: String = words
            .iter()
            .filter(|w| !matches!(w.as_str(), "AND" | "OF" | "THE"))
            .filter_map(|w| w.get(..1))
            .collect();
        // `US` keeps both letters in an acronym (`USCBP`).
        let initials = match words.first().map(String::as_str) {
            Some("US") => format!("US{}", initials.get(1..).unwrap_or("")),
            _ => initials,
        };
        if let Some(&i) = g.exact.get(&initials) {
            return Some(i);
        }
    }
    let b = joined.as_bytes();
    unique(g.keys.iter().filter_map(|(k, i)| {
        let kb = k.as_bytes();
        let near = distance::within(b, kb, 1).is_some()
            || (kb.len() > b.len() + 1 && kb.starts_with(b) && b.len() >= 5);
        near.then_some(*i)
    }))
}

/// The one station the candidates name, if they name exactly one.
fn unique(mut it: impl Iterator<Item = usize>) -> Option<usize> {
    let first = it.next()?;
    it.all(|i| i == first).then_some(first)
}

/// The edits a typo may have, scaled to the name's length: none up to 3
/// letters, one up to 7, two from 8.
fn allowed_edits(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Whether `p` (letters) is debris that may be glued before a station:
/// one or more of [`DEBRIS_WORDS`], the first of which may have lost its
/// head (`FIDENTIAL`, `IONOF`).
fn is_debris(p: &str) -> bool {
    if p.is_empty() {
        return false;
    }
    let mut rest = p;
    loop {
        // A word, or the tail of one of four letters or more (`SBU`
        // leaves no tail: `USANTO` is not `SANTO` after debris).
        if DEBRIS_WORDS
            .iter()
            .any(|w| *w == rest || (w.len() >= 4 && w.ends_with(rest)))
        {
            return true;
        }
        match DEBRIS_WORDS.iter().find(|w| rest.ends_with(*w)) {
            Some(w) => rest = rest.get(..rest.len() - w.len()).unwrap_or(""),
            None => return false,
        }
        if rest.is_empty() {
            return true;
        }
    }
}

/// Whether `p` (letters) is one word of [`DEBRIS_WORDS`] or
/// [`OFFICE_WORDS`] with a letter dropped, doubled, changed or swapped
/// (`AMEMBASY`, `SECRT`, `EFOT`), words of four letters or more; three
/// letters left of a word of four only with one dropped (`EFO`, `ETO`).
fn is_misspelt_debris(p: &str) -> bool {
    p.len() >= 3
        && DEBRIS_WORDS
            .iter()
            .chain(OFFICE_WORDS)
            .filter(|w| w.len() >= 4 && (p.len() >= 4 || w.len() == p.len() + 1))
            .any(|w| within_edits(p, w, 1))
}

/// Matches a station by the exact and debris rules only (no fuzzy work).
fn exact_or_debris(g: &Gazetteer, s: &str) -> Option<Station> {
    let found = |i: usize, how: Match| {
        g.canonical.get(i).map(|name| Station {
            name: name.as_str().into(),
            how,
        })
    };
    if let Some(&i) = g.exact.get(s) {
        return found(i, Match::Exact);
    }
    for w in OFFICE_WORDS {
        if let Some(rest) = s.strip_prefix(w).filter(|r| r.len() >= 3) {
            if let Some(st) = exact_or_debris(g, rest) {
                return Some(Station {
                    how: Match::Debris,
                    ..st
                });
            }
        }
    }
    // The longest known station ending the text, after debris.
    for (at, _) in s.char_indices().skip(1) {
        let (head, tail) = s.split_at(at);
        if tail.len() < 4 {
            break;
        }
        if let Some(&i) = g.exact.get(tail) {
            if is_debris(head) || is_misspelt_debris(head) {
                return found(i, Match::Debris);
            }
        }
    }
    // `KUWAITCITY`: a post's plain-language name with the word `CITY`,
    // which ACP 117 writes where the id does not (`MEXICO CITY`,
    // `GUATEMALA CITY` for the ids' `MEXICO`, `GUATEMALA`).
    if let Some(&i) = s.strip_suffix("CITY").and_then(|head| g.exact.get(head)) {
        return found(i, Match::Debris);
    }
    // `LIMALIMA`: a name written twice, as a year is (`7575LIBREVILLE`).
    if let Some(&i) = s
        .split_at_checked(s.len() / 2)
        .filter(|(a, b)| s.len() % 2 == 0 && a == b)
        .and_then(|(a, _)| g.exact.get(a))
    {
        return found(i, Match::Debris);
    }
    // `SECDEFWASH`: a known station and the start of Washington's name.
    for (at, _) in s.char_indices().skip(3) {
        let (head, tail) = s.split_at(at);
        if tail.len() >= 2 && WASHINGTON.iter().any(|w| w.starts_with(tail)) {
            if let Some(&i) = g.exact.get(head) {
                return found(i, Match::Debris);
            }
        }
    }
    None
}

/// `USUN NY`, `LIMA PE`: a known station and a last word of two letters,
/// a state or country code as ACP 117 writes them after a post's name
/// (`USMISSION USUN NEW YORK NY`, `USMISSION USNATO BRUSSELS BE`,
/// `posts.txt`): the station. Only where the letters as a whole
/// (`s`, `USUNNY`) are no known name and the words before the code are one
/// exactly.
fn without_code_word(g: &Gazetteer, raw: &str, s: &str) -> Option<Station> {
    // The shape first (most names are one word): a blank, two letters.
    let raw = raw.trim_end_matches(|c: char| !c.is_ascii_alphabetic());
    let b = raw.as_bytes();
    let n = b.len();
    if n < 4
        || !b.get(n - 3).is_some_and(u8::is_ascii_whitespace)
        || !b
            .get(n - 2..)
            .is_some_and(|c| c.iter().all(u8::is_ascii_alphabetic))
        || g.exact.contains_key(s)
    {
        return None;
    }
    // The code's two letters end `s` (the letters of `raw`): the name's
    // letters are the rest.
    let &i = g.exact.get(s.get(..s.len().checked_sub(2)?)?)?;
    g.canonical.get(i).map(|name| Station {
        name: name.as_str().into(),
        how: Match::Debris,
    })
}

/// Whether `s` (upper-case letters) is a spelling the gazetteer knows
/// exactly (`ATHENS`, `SECSTATE`), without debris or fuzzy work.
pub(crate) fn is_known(s: &str) -> bool {
    GAZETTEER.exact.contains_key(s)
}

/// Matches a station by the fuzzy rules, in order: truncation at the end,
/// truncation at the front, initials, three letters of four, typo.
fn fuzzy(g: &Gazetteer, s: &str) -> Option<Station> {
    let found = |i: usize, how: Match| {
        g.canonical.get(i).map(|name| Station {
            name: name.as_str().into(),
            how,
        })
    };
    let b = s.as_bytes();
    if let Some(i) = cut_at_end(g, b) {
        return found(i, Match::Truncated);
    }
    if let Some(i) = cut_at_front(g, b) {
        return found(i, Match::Truncated);
    }
    if let Some(i) = initials(g, s) {
        return found(i, Match::Initials);
    }
    if let Some(i) = three_of_four(g, b) {
        return found(i, Match::Typo);
    }
    nearest(g, b).and_then(|i| found(i, Match::Typo))
}

/// Cut short at the end: the start of one name, five letters or more,
/// or four when they are at least half of it.
///
/// ```text
/// BUENOSAI, SANTIAG, DAKA, MOSC   -> truncated
/// BANG                            -> refused: it begins three names
/// ```
fn cut_at_end(g: &Gazetteer, b: &[u8]) -> Option<usize> {
    if b.len() < 4 {
        return None;
    }
    unique(
        g.keys
            .iter()
            .filter(|(k, _)| {
                k.len() > b.len()
                    && (b.len() >= 5 || 2 * b.len() >= k.len())
                    && k.as_bytes().starts_with(b)
            })
            .map(|(_, i)| *i),
    )
}

/// Cut short at the front: the end of one name, 6+ letters.
///
/// ```text
/// ARAMARIBO   -> PARAMARIBO
/// ```
fn cut_at_front(g: &Gazetteer, b: &[u8]) -> Option<usize> {
    if b.len() < 6 {
        return None;
    }
    unique(
        g.keys
            .iter()
            .filter(|(k, _)| k.len() > b.len() && k.as_bytes().ends_with(b))
            .map(|(_, i)| *i),
    )
}

/// The initials of one name of three words or more.
///
/// ```text
/// HCMC, PAP   -> initials
/// ```
fn initials(g: &Gazetteer, s: &str) -> Option<usize> {
    if s.len() < 3 {
        return None;
    }
    g.initials.get(s).copied().flatten()
}

/// Three letters left of a name of four, one dropped: only when one name
/// of four letters holds them in order.
///
/// ```text
/// BKU, IMA   -> BAKU, LIMA
/// OME        -> refused: LOME or ROME
/// ```
fn three_of_four(g: &Gazetteer, b: &[u8]) -> Option<usize> {
    if b.len() != 3 {
        return None;
    }
    unique(
        g.keys
            .iter()
            .filter(|(k, _)| k.len() == 4 && distance::within(b, k.as_bytes(), 1).is_some())
            .map(|(_, i)| *i),
    )
}

/// A typo: the one nearest name, by edit distance, then by the changed
/// letters' likeness, then by the letters kept; `None` when two names
/// are as near.
///
/// ```text
/// BRASILA, WELLLINGTON, BISHIEK   -> 1 edit (2 when either has 8+ letters)
/// DJIBUT                          -> DJIBOUTI (two edits, eight letters)
/// GENVA                           -> GENEVA (keeps all five; GENOA four)
/// PRAIS                           -> PARIS (a swap keeps the letters; PRAIA changes one)
/// ASMQRA                          -> ASMERA (E/Q a misreading; ASMARA changes A)
/// ```
fn nearest(g: &Gazetteer, b: &[u8]) -> Option<usize> {
    // The edits allowed grow with the longer of the two (`DJIBUT` is two
    // from `DJIBOUTI`, eight letters): a name of eight letters or more may
    // have lost two of them.
    if allowed_edits(b.len()) == 0 {
        return None;
    }
    // The nearest names; of several as near, the one keeping more of the
    // letters as written (`GENVA`: `GENEVA` keeps all five, `GENOA` four;
    // `PRAIS`: `PARIS` swaps two, `PRAIA` changes one): a dropped or
    // swapped letter keeps the others, a changed one does not.
    //
    // Before the letters kept, the changed letters' likeness: a letter
    // changed for one a teleprinter or an OCR pass confuses it with
    // (`ASMQRA`: `ASMERA` changes `E` to `Q`, `ASMARA` changes `A`) is
    // the likelier reading ([`distance::weighted`]).
    let mut best: Option<(usize, usize, usize, usize)> = None; // (distance, weighted, kept, canonical)
    let mut tie = false;
    for (k, i) in &g.keys {
        let cap = allowed_edits(b.len().max(k.len()));
        let limit = best.map_or(cap, |(d, _, _, _)| d.min(cap));
        if b.len().abs_diff(k.len()) > limit {
            continue;
        }
        // Letters in common bound the distance from below: with `D` the
        // letters the two do not share (`|a| + |b| - 2 * kept`), a changed
        // letter moves `D` by at most two, a dropped or added one by one, a
        // swap not at all, so at least `D / 2` edits (both are letters
        // only). Most names are rejected here, at a fraction of the
        // alignment's cost.
        let kept = common_letters(b, k.as_bytes());
        if (b.len() + k.len() - 2 * kept).div_ceil(2) > limit {
            continue;
        }
        if let Some(d) = distance::within(b, k.as_bytes(), limit) {
            let w = distance::weighted(b, k.as_bytes());
            // Smaller is better: distance, weighted distance, letters lost.
            let key = (d, w, usize::MAX - kept);
            match best {
                Some((bd, bw, bk, bi)) if key == (bd, bw, usize::MAX - bk) => tie |= bi != *i,
                Some((bd, bw, bk, _)) if key > (bd, bw, usize::MAX - bk) => {}
                _ => {
                    best = Some((d, w, kept, *i));
                    tie = false;
                }
            }
        }
    }
    match best {
        Some((_, _, _, i)) if !tie => Some(i),
        _ => None,
    }
}

/// How many letters of `a` (with repeats) `b` also holds.
fn common_letters(a: &[u8], b: &[u8]) -> usize {
    let mut counts = [0usize; 26];
    for &c in b {
        if let Some(n) = counts.get_mut(usize::from(c.wrapping_sub(b'A'))) {
            *n += 1;
        }
    }
    a.iter()
        .filter(|&&c| {
            counts
                .get_mut(usize::from(c.wrapping_sub(b'A')))
                .is_some_and(|n| {
                    let had = *n > 0;
                    *n = n.saturating_sub(1);
                    had
                })
        })
        .count()
}

/// Matches stations for one parse, remembering each name it matched and
/// spending at most [`FUZZY_BUDGET`] fuzzy matches.
#[derive(Debug, Default)]
pub(crate) struct Resolver {
    seen: BTreeMap<Box<str>, Station>,
    fuzzy_spent: usize,
    /// The letters of the name at hand (reused, no allocation per name).
    buf: String,
}

impl Resolver {
    /// The station `raw` names (`Rio de Janeiro`, `BRASILA`,
    /// `AMEMBASSYHANOI`); `None` when it holds no letters.
    pub(crate) fn resolve(&mut self, raw: &str) -> Option<Station> {
        self.buf.clear();
        self.buf.extend(
            raw.bytes()
                .filter(u8::is_ascii_alphabetic)
                .map(|b| char::from(b.to_ascii_uppercase())),
        );
        if self.buf.is_empty() {
            return None;
        }
        // Before the cache, which is keyed by letters (`USUN NY` after a
        // glued `USUNNY` is still read by its words); recorded in the
        // cache for the cable's `repaired-station` note.
        if let Some(st) = without_code_word(&GAZETTEER, raw, &self.buf) {
            if self.seen.len() < FUZZY_BUDGET * 4 {
                self.seen.insert(self.buf.as_str().into(), st.clone());
            }
            return Some(st);
        }
        if let Some(st) = self.seen.get(self.buf.as_str()) {
            return Some(st.clone());
        }
        let s = self.buf.clone();
        let g = &*GAZETTEER;
        // An office word glued before a name is never part of it, known
        // station or not (`EMBASSYBLABLA` -> `BLABLA`).
        let bare = match g.exact.contains_key(&s) {
            true => s.as_str(),
            false => OFFICE_WORDS
                .iter()
                .find_map(|w| s.strip_prefix(w).filter(|r| r.len() >= 3))
                .unwrap_or(&s),
        };
        let st = exact_or_debris(g, bare)
            .map(|st| match (st.how, bare.len() < s.len()) {
                (Match::Exact, true) => Station {
                    how: Match::Debris,
                    ..st
                },
                _ => st,
            })
            .or_else(|| {
                (self.fuzzy_spent < FUZZY_BUDGET).then(|| {
                    self.fuzzy_spent += 1;
                    fuzzy(g, bare)
                })?
            })
            .unwrap_or_else(|| Station {
                name: bare.into(),
                how: Match::Unknown,
            });
        if self.seen.len() < FUZZY_BUDGET * 4 {
            self.seen.insert(s.into(), st.clone());
        }
        Some(st)
    }

    /// The stations matched so far that were repaired or not found, in
    /// the order of their names: `(as written, station)`.
    pub(crate) fn notable(&self) -> impl Iterator<Item = (&str, &Station)> {
        self.seen
            .iter()
            .filter(|(_, st)| st.how != Match::Exact)
            .map(|(k, st)| (&**k, st))
    }
}

/// Whether `a` is within `max` edits of `b` (letters compared as written).
pub(crate) fn within_edits(a: &str, b: &str, max: usize) -> bool {
    distance::within(a.as_bytes(), b.as_bytes(), max).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(raw: &str) -> (String, Match) {
        let s = Resolver::default().resolve(raw).unwrap();
        (s.name.to_string(), s.how)
    }

    #[test]
    fn exact_and_derived_names() {
        assert_eq!(st("Rio de Janeiro"), ("RIODEJANEIRO".into(), Match::Exact));
        assert_eq!(st("DAR-ES-SALAAM"), ("DARESSALAAM".into(), Match::Exact));
        assert_eq!(st("SECSTATE"), ("STATE".into(), Match::Exact));
        // The first word of one post's ACP name.
        assert_eq!(st("USUN"), ("USUNNEWYORK".into(), Match::Exact));
        // A state or country code after a known name; not a name's own
        // last word, and not after an unknown name.
        assert_eq!(st("USUN NY"), ("USUNNEWYORK".into(), Match::Debris));
        assert_eq!(st("LIMA PE"), ("LIMA".into(), Match::Debris));
        assert_eq!(st("FOOBAR NY").1, Match::Unknown);
        assert_eq!(st("RIO"), ("RIODEJANEIRO".into(), Match::Exact));
        // A mission named after its city, by the part before the city.
        assert_eq!(st("USLO"), ("USLOBRUSSELS".into(), Match::Exact));
        // An office's name cut short resolves through its acronym.
        assert_eq!(st("USCUSTOMSAND"), ("USCBP".into(), Match::Truncated));
        // ACP names with a city after the post's id name.
        assert_eq!(st("MEXICO CITY"), ("MEXICO".into(), Match::Exact));
        // A name without its article.
        assert_eq!(st("HAGUE"), ("THEHAGUE".into(), Match::Exact));
        // The reference list's own typos resolve to the station.
        assert_eq!(st("QUINTO").0, "QUITO");
    }

    #[test]
    fn debris() {
        assert_eq!(st("AMEMBASSYHANOI"), ("HANOI".into(), Match::Debris));
        assert_eq!(st("EFTOATHENS"), ("ATHENS".into(), Match::Debris));
        assert_eq!(st("FIDENTIALLIMA"), ("LIMA".into(), Match::Debris));
        assert_eq!(st("NOFORNQUITO"), ("QUITO".into(), Match::Debris));
        // A misspelt office word or caveat.
        assert_eq!(st("AMEMBASYQUITO"), ("QUITO".into(), Match::Debris));
        assert_eq!(st("EFOTQUITO"), ("QUITO".into(), Match::Debris));
        assert_eq!(st("EFOQUITO"), ("QUITO".into(), Match::Debris));
        assert_eq!(st("SBUQUITO"), ("QUITO".into(), Match::Debris));
        assert_eq!(st("02OF03LAPAZ"), ("LAPAZ".into(), Match::Debris));
        assert_eq!(st("SECDEFWASH"), ("SECDEF".into(), Match::Debris));
        // A word that is no debris is not dropped.
        assert_eq!(st("PRIMALIMA").1, Match::Unknown);
    }

    #[test]
    fn fuzzy_rules() {
        assert_eq!(st("BUENOSAI"), ("BUENOSAIRES".into(), Match::Truncated));
        assert_eq!(st("ADDISAB"), ("ADDISABABA".into(), Match::Truncated));
        assert_eq!(st("ARAMARIBO"), ("PARAMARIBO".into(), Match::Truncated));
        assert_eq!(st("MONTVEIDOE"), ("MONTEVIDEO".into(), Match::Typo));
        assert_eq!(st("HCMC"), ("HOCHIMINHCITY".into(), Match::Initials));
        assert_eq!(st("BRASILA"), ("BRASILIA".into(), Match::Typo));
        assert_eq!(st("WELLLINGTON"), ("WELLINGTON".into(), Match::Typo));
        assert_eq!(st("RIODEJANERIO"), ("RIODEJANEIRO".into(), Match::Typo));
        assert_eq!(st("MONTEVIDOE"), ("MONTEVIDEO".into(), Match::Typo));
        // Of two stations as near, the one keeping the letters as written.
        assert_eq!(st("GENVA"), ("GENEVA".into(), Match::Typo));
        assert_eq!(st("PRAIS"), ("PARIS".into(), Match::Typo));
        // Too short for a typo, and two stations one edit away: unknown.
        assert_eq!(st("ROMA").1, Match::Typo);
        assert_eq!(st("XYZ").1, Match::Unknown);
        // Four letters cut short, half a name or more; three left of four.
        assert_eq!(st("DAKA"), ("DAKAR".into(), Match::Truncated));
        assert_eq!(st("BANG").1, Match::Unknown);
        assert_eq!(st("BKU"), ("BAKU".into(), Match::Typo));
        assert_eq!(st("OME").1, Match::Unknown);
        // A letter read for a like one; two edits by the longer name.
        assert_eq!(st("ASMQRA"), ("ASMERA".into(), Match::Typo));
        assert_eq!(st("DJIBUT"), ("DJIBOUTI".into(), Match::Typo));
        // The tail of a three-letter caveat is no debris.
        assert_eq!(st("USANTO"), ("USNATO".into(), Match::Typo));
        assert_eq!(st("FOOBARVILLE"), ("FOOBARVILLE".into(), Match::Unknown));
    }

    #[test]
    fn budget_bounds_fuzzy_work() {
        let mut r = Resolver::default();
        for i in 0..FUZZY_BUDGET + 10 {
            let name: String = format!("{i:08}")
                .bytes()
                .map(|b| char::from(b'A' + (b - b'0')))
                .collect();
            let _ = r.resolve(&format!("QQ{name}"));
        }
        assert_eq!(r.fuzzy_spent, FUZZY_BUDGET);
        // Exact names still resolve after the budget is spent.
        assert_eq!(r.resolve("BRASILIA").unwrap().how, Match::Exact);
    }
}
