//! `Classified By: Acting Deputy Chief of Mission Marc Wall for Reasons 1.4
//! (b) and (d)`: who classified the cable (name split from title) and why.

use crate::blanks::Blanks;
use crate::stations::within_edits;

use cable_model::{ClassifiedBy, Reason};
use regex::Regex;
use std::sync::LazyLock;

/// Where the name part ends: the reason (its word is found by
/// [`reason_word_at`]), the E.O., a section number (`Section 1.4`), a
/// paragraph.
static NAME_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:[\s,.;:/-]+(?:(?:for|fr)\s+(?:for\s+)?|per\s+|under\s+|based\s+(?:up)?on\s+|due\s+to\s+)?(?:r\s*e\s*a?\s*s\s*o\s*n|reas(?-u:\b)|e\.\s?o\.?\s?1\d{4}|e\.o(?-u:\b))|\s+(?:for|per|under|due\s+to|based\s+(?:up)?on)?\s*(?:sections?\s+)?\(?\d\s*[.,]\s*\d(?-u:\b)|\s+(?:for|per|under)\s*$|¶|\s\d{1,2}\.\s*\()",
    )
    .expect("valid regex")
});

/// `1.4 (B), (D)`, `1.5(B,D)`, `1.4 b and d`.
static SECTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(\d)\s*[.,]\s*(\d)(?-u:\b)").expect("valid regex"));

/// Where a word one edit from `REASON` or `REASONS` starts (`Resons`,
/// `REAOSNS`), with the `for`/`per`/`under` before it: the end of the name
/// part when the regular shapes do not match.
fn reason_word_at(body: &str) -> Option<usize> {
    let mut prev: Option<(usize, &str)> = None;
    let mut at = 0;
    for w in body.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let start = at;
        at += w.len();
        let word = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() {
            continue;
        }
        let upper = word.to_ascii_uppercase();
        let reason = upper.len() >= 5
            && (within_edits(&upper, "REASON", 1) || within_edits(&upper, "REASONS", 1));
        if reason {
            let lead = prev
                .filter(|(_, p)| {
                    matches!(
                        p.to_ascii_lowercase().as_str(),
                        "for" | "per" | "under" | "fr"
                    )
                })
                .map_or(start, |(s, _)| s);
            return Some(lead);
        }
        prev = Some((start, word));
    }
    None
}

/// `text` without the words that lead a reason at its end (`for`, `per`,
/// `under`, `due to`, `based on`, `based upon`, any case).
fn without_reason_lead(text: &str) -> &str {
    for lead in ["based upon", "based on", "due to", "under", "per", "for"] {
        let Some(at) = text.len().checked_sub(lead.len()) else {
            continue;
        };
        let (Some(head), Some(tail)) = (text.get(..at), text.get(at..)) else {
            continue;
        };
        if tail.eq_ignore_ascii_case(lead) && head.ends_with(char::is_whitespace) {
            return head.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
        }
    }
    text
}

/// Words of the titles of mission staff and their offices (the titles of
/// the Foreign Service: Ambassador, Deputy Chief of Mission, Political
/// Counselor, ...). A word one edit from one of these (two from a word of
/// nine letters or more) is a title word: `Ambassaor`, `Affiars`, `Cief`.
const TITLE_WORDS_FULL: &[&str] = &[
    "ACTING",
    "ADMINISTRATOR",
    "ADVISER",
    "ADVISOR",
    "AFFAIRS",
    "AMBASSADOR",
    "ASSISTANT",
    "ATTACHE",
    "BUREAU",
    "CHAIR",
    "CHAIRMAN",
    "CHARGE",
    "CHIEF",
    "COMMISSIONER",
    "CONSUL",
    "CONSULAR",
    "COORDINATOR",
    "COUNSELLOR",
    "COUNSELOR",
    "DELEGATION",
    "DEPARTMENT",
    "DEPUTY",
    "DIRECTOR",
    "ECONOMIC",
    "EMBASSY",
    "ENVOY",
    "GENERAL",
    "GOVERNANCE",
    "HEAD",
    "INTERAGENCY",
    "INTERIM",
    "LABOR",
    "LEADER",
    "MANAGEMENT",
    "MANAGER",
    "MILITARY",
    "MINISTER",
    "MISSION",
    "OFFICE",
    "OFFICER",
    "PERMANENT",
    "POLITICAL",
    "PRINCIPAL",
    "PROVINCIAL",
    "PUBLIC",
    "REGIONAL",
    "REPRESENTATIVE",
    "SECRETARY",
    "SECTION",
    "SENIOR",
    "SPECIAL",
    "TEAM",
    "UNIT",
];

/// Stems of the same words: a word starting with one is a title word
/// (`Dep.`, `Dir`, `Econ`, `Couns`, `Coord.`, `Representatives`).
const TITLE_STEMS: &[&str] = &[
    "acting",
    "admin",
    "advis",
    "affair",
    "amb",
    "assist",
    "attache",
    "bureau",
    "chair",
    "charg",
    "chief",
    "commission",
    "consul",
    "coord",
    "couns",
    "deleg",
    "dep",
    "dir",
    "econ",
    "envoy",
    "general",
    "governance",
    "head",
    "interag",
    "labor",
    "manag",
    "minist",
    "mission",
    "offic",
    "perman",
    "polit",
    "princip",
    "provinc",
    "public",
    "repres",
    "secret",
    "section",
    "senior",
    "special",
    "unit",
];

/// Exact title words: office and bureau acronyms (`DCM`, `CDA`, `EUR`,
/// `NEA`, `ISN`), abbreviations of titles, and the small words of titles.
/// Officer abbreviations written as one word (`POLOFF`, `ECONCOUNS`) are
/// read as compounds of these ([`is_compound_title`]).
const TITLE_WORDS: &[&str] = &[
    "ACTING",
    "AND",
    "AS",
    "AT",
    "CDA",
    "COM",
    "DAS",
    "DCM",
    "DEPT",
    "DIR",
    "DR",
    "MIN",
    "COUN",
    "PDAS",
    "RSO",
    "US",
    "USA",
    "THE",
    "OF",
    "FOR",
    "TO",
    "A/S",
    "U/S",
    "AF",
    "EUR",
    "NEA",
    "ISN",
    "IO",
    "AIT",
    "USEU",
    "IPO",
    "POLMINCONS",
    // Minister-Counselor, the Senior Foreign Service rank (`POL M/C`,
    // `POLMC`, `ECONMC`).
    "MC",
    "PRT",
    "AMBASSADOR",
    "CONSUL",
    "CHARGE",
    "PM",
    "POL",
    "MIL",
    "ECON",
    // `Pol/Econ Off`: the officer abbreviation of `POLOFF`, `ECONOFF`
    // written apart.
    "OFF",
];

/// Whether `u` (upper case) is a compound of office abbreviations written
/// as one word (`POLCOUNS`, `POLMINCOUNS`, `ECONCOUNS`, `POLMILOFF`):
/// pieces that are title words of this module, the last one possibly a
/// longer word starting with a stem (`POLCOUNSELOR`).
fn is_compound_title(u: &str) -> bool {
    fn piece(p: &str) -> bool {
        (p.len() >= 2 && TITLE_WORDS.contains(&p) && p.bytes().all(|b| b.is_ascii_uppercase()))
            || p == "OFF"
            || TITLE_STEMS
                .iter()
                .any(|s| s.len() >= 3 && s.eq_ignore_ascii_case(p))
    }
    fn last(p: &str) -> bool {
        piece(p)
            || (p.len() > 3
                && TITLE_STEMS
                    .iter()
                    .any(|s| p.to_ascii_lowercase().starts_with(s)))
    }
    fn go(u: &str, pieces: usize) -> bool {
        if pieces >= 1 && last(u) {
            return true;
        }
        (2..u.len()).any(|k| {
            u.get(..k).is_some_and(piece) && u.get(k..).is_some_and(|rest| go(rest, pieces + 1))
        })
    }
    u.len() >= 5 && u.len() <= 24 && u.bytes().all(|b| b.is_ascii_uppercase()) && go(u, 0)
}

/// Lower-case particles of surnames (`Jane de Roe`, `Juan van der Berg`):
/// part of the name between its words, no title word.
pub(super) fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "da"
            | "das"
            | "do"
            | "dos"
            | "del"
            | "della"
            | "der"
            | "den"
            | "di"
            | "du"
            | "la"
            | "le"
            | "van"
            | "von"
            | "ten"
            | "ter"
            | "y"
            | "al"
            | "el"
            | "bin"
            | "ibn"
    )
}

/// Whether `w` is a title word, exactly or by its stem, or by edit
/// distance ([`is_fuzzy_title_word`]).
fn is_title_word(w: &str) -> bool {
    is_exact_title_word(w) || is_fuzzy_title_word(w)
}

/// A word one edit from a title word (two from a word of nine letters or
/// more): `Ambassaor`, `Cief`. Names can be one edit from a title word
/// too (`Clair`, `Heady`), so [`split_name`] reads such a word at the
/// end of a run of names as a name.
fn is_fuzzy_title_word(w: &str) -> bool {
    let u = title_letters(w);
    let edits = if u.len() >= 9 { 2 } else { 1 };
    u.len() >= 4
        && u.bytes().all(|b| b.is_ascii_uppercase())
        && TITLE_WORDS_FULL.iter().any(|t| within_edits(&u, t, edits))
}

/// A word as the title lists are matched: punctuation around it trimmed,
/// a `0` typed for `O` read as the letter, the accents of French and
/// Spanish titles dropped (`Chargé` is `CHARGE`), upper case.
fn title_letters(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .map(|c| match c {
            '0' => 'O',
            'à' | 'á' | 'â' | 'ä' | 'À' | 'Á' | 'Â' | 'Ä' => 'A',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'E',
            'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'I',
            'ó' | 'ò' | 'ô' | 'ö' | 'Ó' | 'Ò' | 'Ô' | 'Ö' => 'O',
            'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'U',
            'ç' | 'Ç' => 'C',
            'ñ' | 'Ñ' => 'N',
            c => c,
        })
        .flat_map(char::to_uppercase)
        .collect()
}

fn is_exact_title_word(w: &str) -> bool {
    title_evidence(w).is_some()
}

/// How a word is known as a title word exactly: by a list, a compound or a
/// title's head (`Amb`, `Couns`, `POLOFF`: [`Evidence::Strong`]), or only
/// by starting with a title's stem or ending in `OFF` after one or two
/// letters, which given names and surnames do too (`Amber`, `Dirksen`,
/// `Consuelo`, `Geoff`: [`Evidence::Weak`]).
fn title_evidence(w: &str) -> Option<Evidence> {
    let u = title_letters(w);
    // `D'AFFAIRES`: an elided French article before a title word.
    let u = match u.strip_prefix("D'").or_else(|| u.strip_prefix("D\u{2019}")) {
        Some(rest) if rest.len() >= 4 => rest.to_owned(),
        _ => u,
    };
    if u.is_empty() || TITLE_WORDS.contains(&u.as_str()) || u.contains('/') || u.contains('&') {
        return Some(Evidence::Strong);
    }
    if is_compound_title(&u) {
        return Some(Evidence::Strong);
    }
    // `POLOFF`, `CONOFF`, `MGTOFF`: the cables' officer abbreviations, an
    // office of three letters or more before `OFF`; `GEOFF` is a name.
    if u.len() >= 5 && u.ends_with("OFF") && u.bytes().all(|b| b.is_ascii_uppercase()) {
        return Some(if u.len() >= 6 {
            Evidence::Strong
        } else {
            Evidence::Weak
        });
    }
    stem_evidence(&u)
}

/// How a word (upper case) starting with a title's stem is known as a
/// title word: as a title's head ([`is_title_head`]), as title words run
/// together ([`run_together_evidence`]), else by the letters it shares
/// with one ([`derivation_evidence`]); `None` for a word starting with no
/// title's stem.
fn stem_evidence(u: &str) -> Option<Evidence> {
    let l = u.to_lowercase();
    if !TITLE_STEMS
        .iter()
        .any(|s| l.starts_with(s) && (l.len() > 3 || *s == l))
    {
        return None;
    }
    // `MINISTER-COUNSELOR`, `AMBASSADOR-AT-LARGE`, `D'AFFAIRES`: a title
    // word joined to others, an article elided.
    let joined = u.contains('-') && u.split('-').any(|p| p.len() >= 4 && is_title_head(p));
    if is_title_head(u) || joined {
        return Some(Evidence::Strong);
    }
    Some(run_together_evidence(u).unwrap_or_else(|| derivation_evidence(u)))
}

/// Whether `p` is the head of a title word (`AMB`, `ECON`, `COORD`) or a
/// title word itself, by edit distance too.
fn is_title_head(p: &str) -> bool {
    TITLE_WORDS_FULL.iter().any(|t| t.starts_with(p)) || is_fuzzy_title_word(p)
}

/// Title words run together (`POLITICALCOUNSELOR`, `DEPUTYCHIEF`,
/// `ACTINGDCM`); a title word and a short tail is a name (`HEADLEY`,
/// `UNITAS`, `CHAIREZ`). `None` when `u` starts with no title word.
fn run_together_evidence(u: &str) -> Option<Evidence> {
    let full: Vec<&str> = TITLE_WORDS_FULL
        .iter()
        .filter_map(|t| u.strip_prefix(*t))
        .collect();
    if full.is_empty() {
        return None;
    }
    let chain = full.iter().any(|r| {
        r.len() >= 2 && (is_title_head(r) || TITLE_WORDS.contains(r) || title_evidence(r).is_some())
    });
    let long_tail = full.iter().any(|r| r.len() > 3);
    Some(if chain || long_tail {
        Evidence::Strong
    } else {
        Evidence::Weak
    })
}

/// A word sharing five letters or more with a title word is one of its
/// English derivations (`OFFICIAL`, `MANAGING`, `COORDINATING`,
/// `ADMINISTRATIVE`); a name shares only a stem's few letters with one
/// (`AMBER`, `DIRK`, `DIRKSEN`).
fn derivation_evidence(u: &str) -> Evidence {
    let shared = TITLE_WORDS_FULL
        .iter()
        .map(|t| t.bytes().zip(u.bytes()).take_while(|(a, b)| a == b).count())
        .max()
        .unwrap_or(0);
    if shared >= 5 {
        Evidence::Strong
    } else {
        Evidence::Weak
    }
}

/// See [`title_evidence`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Evidence {
    Strong,
    Weak,
}

/// Whether `w` is a title word by weak evidence only (see
/// [`title_evidence`]): a name word, unless a title word follows it
/// (`Managing Director`).
fn is_weak_title_word(w: &str) -> bool {
    title_evidence(w) == Some(Evidence::Weak)
}

/// Whether `w` has the shape of a word of a name (capitalised, letters,
/// `.`, `-`, `'`), title words aside.
fn is_name_shaped(w: &str, mixed_case: bool) -> bool {
    let first = w.chars().next();
    if !first.is_some_and(|c| c.is_uppercase() || c == '0') {
        return false;
    }
    if !w
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '\''))
    {
        return false;
    }
    let letters: String = w.chars().filter(|c| c.is_alphabetic()).collect();
    let is_suffix = matches!(
        letters.as_str(),
        "Jr" | "JR" | "II" | "III" | "IV" | "Sr" | "SR"
    );
    if is_suffix {
        return true;
    }
    // An all-caps acronym in mixed-case text is an office, not a name.
    if mixed_case
        && letters.len() >= 2
        && letters.chars().all(|c| c.is_uppercase())
        && !w.contains('.')
    {
        return false;
    }
    true
}

fn is_name_token(w: &str, mixed_case: bool) -> bool {
    is_name_shaped(w, mixed_case) && !is_title_word(w)
}

/// Reads the text after `Classified By:` (wrapped lines joined).
pub(crate) fn classified_by(text: &str) -> (ClassifiedBy, Vec<Reason>) {
    let raw = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut body = raw.as_str();
    // `Classified By: Classified by AIT DIR ...`
    loop {
        let t = body.trim_start_matches([':', ' ']);
        match t.get(..13) {
            Some(p) if p.eq_ignore_ascii_case("classified by") => body = t.get(13..).unwrap_or(""),
            _ => {
                body = t;
                break;
            }
        }
    }
    let end = [NAME_END.find(body).map(|m| m.start()), reason_word_at(body)]
        .into_iter()
        .flatten()
        .min();
    let name_part = match end {
        Some(at) => body.get(..at).unwrap_or("").trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '-')
        }),
        None => body,
    };
    // `... BROWN BASED ON` before a misspelt reason word, or before the
    // `E.O. 12958` the header read as its own field: the words that lead
    // the reasons are no part of the name.
    let name_part = without_reason_lead(name_part);
    let reasons = reasons(body.get(name_part.len()..).unwrap_or(""));
    let (name, title) = split_name(name_part);
    (ClassifiedBy { name, title, raw }, reasons)
}

/// Splits `Acting Deputy Chief of Mission Marc Wall` into name and title.
fn split_name(s: &str) -> (Option<String>, Option<String>) {
    let s = s.trim_blanks().trim_end_matches(['.', ',', ';', ':', ' ']);
    let mixed = s.chars().any(char::is_lowercase);
    let segs = segments(s);
    let mut best: Option<Vec<&str>> = None;
    for (k, seg) in segs.iter().enumerate() {
        let Some(mut run) = segment_name(seg, mixed) else {
            continue;
        };
        if let Some(suffix) = name_suffix(segs.get(k + 1).copied()) {
            run.push(",");
            run.push(suffix);
        }
        if best.as_ref().is_none_or(|b| b.len() < 2 && run.len() >= 2) {
            best = Some(run);
        }
        if best.as_ref().is_some_and(|b| b.len() >= 2) {
            break;
        }
    }
    let Some(run) = best else {
        return (None, (!s.is_empty()).then(|| s.to_owned()));
    };
    let name = name_text(&run);
    let title = title_without(s, &name);
    let name = Some(name).filter(|n| !n.is_empty());
    (name, (!title.is_empty()).then_some(title))
}

/// `Rose E. Gottemoeller, Assistant Secretary, ...`, `Jane Roe (POLOFF)`,
/// `Jane Roe / Political Officer`: the segments of the name part, split at
/// punctuation, and at a dash or slash after a blank.
fn segments(s: &str) -> Vec<&str> {
    let mut segs: Vec<&str> = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let sep = matches!(c, ',' | ';' | ':' | '?' | '(' | ')')
            || (matches!(c, '-' | '/') && s.get(i.saturating_sub(1)..i) == Some(" "));
        if sep {
            segs.push(s.get(start..i).unwrap_or(""));
            start = i + c.len_utf8();
        }
    }
    segs.push(s.get(start..).unwrap_or(""));
    segs
}

/// The name in one segment (`Acting Deputy Chief of Mission Marc Wall` ->
/// `Marc`, `Wall`): its last run of name words, without the place of a
/// title, `a.i.` and words beyond a name's length; `None` when there is
/// none.
fn segment_name(seg: &str, mixed: bool) -> Option<Vec<&str>> {
    let words: Vec<&str> = seg.split_whitespace().collect();
    let is_name = name_words(&words, mixed);
    let (begin, end) = last_name_run(&words, &is_name);
    let mut run: Vec<&str> = words.get(begin..end).unwrap_or(&[]).to_vec();
    if after_title_preposition(&words, begin) {
        without_title_place(&mut run);
    }
    without_ad_interim(&mut run);
    without_words_beyond_name(&mut run);
    (!run.is_empty()).then_some(run)
}

/// Which words of a segment are name words: a name token, or the last word
/// of the segment after one when it is a title word only by edit distance
/// (`Karen St. Clair`). A word that only starts like a title word is a
/// name's unless a title word follows it (`Ambassador Amber Dirksen`,
/// `Charge Geoff Roe`; `Managing Director Jane Roe`).
fn name_words(words: &[&str], mixed: bool) -> Vec<bool> {
    let mut is_name: Vec<bool> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            is_name_token(w, mixed)
                || (is_name_shaped(w, mixed)
                    && is_weak_title_word(w)
                    && !words
                        .get(i + 1)
                        .is_some_and(|n| is_title_word(n) && !is_weak_title_word(n)))
        })
        .collect();
    if let [.., before, last] = words {
        let n = is_name.len();
        if is_name.get(n - 2) == Some(&true)
            && is_name_shaped(last, mixed)
            && is_fuzzy_title_word(last)
            && !is_exact_title_word(last)
            && !is_title_word(before)
        {
            if let Some(flag) = is_name.last_mut() {
                *flag = true;
            }
        }
    }
    is_name
}

/// The last run of name words, as `begin..end`; a particle (`Jane de Roe`,
/// `Juan van der Berg`) joins it when a name word stands before it.
fn last_name_run(words: &[&str], is_name: &[bool]) -> (usize, usize) {
    let mut end = words.len();
    while end > 0 && is_name.get(end - 1) != Some(&true) {
        end -= 1;
    }
    let mut begin = end;
    let name_at = |j: usize| is_name.get(j) == Some(&true);
    while begin > 0 {
        let particles = words
            .get(..begin)
            .unwrap_or(&[])
            .iter()
            .rev()
            .take_while(|w| is_particle(w))
            .count();
        if name_at(begin - 1) {
            begin -= 1;
        } else if particles > 0 && begin > particles && name_at(begin - particles - 1) {
            begin -= particles;
        } else {
            break;
        }
    }
    (begin, end)
}

/// Whether the word before `begin` is the preposition of a title
/// (`AMBASSADOR TO SUDAN TIMOTHY CARNEY`, `ASSISTANT SECRETARY OF STATE
/// JANE ROE`), its article (`AMBASSADOR TO THE OSCE J. R. SMITH`) or the
/// `and` that joins its places (`Assistant Secretary for International
/// Security and Nonproliferation Jane Roe`).
fn after_title_preposition(words: &[&str], begin: usize) -> bool {
    begin
        .checked_sub(1)
        .and_then(|j| words.get(j))
        .is_some_and(|p| {
            matches!(
                p.to_ascii_uppercase().as_str(),
                "TO" | "FOR" | "IN" | "OF" | "THE" | "AND" | "&"
            )
        })
}

/// `SUDAN TIMOTHY CARNEY` after a title's preposition: the first word is
/// the title's place, not a given name, unless it is an initial (`J. R.
/// SMITH`) or the run is shorter than three words.
fn without_title_place(run: &mut Vec<&str>) {
    let first_is_initial = run
        .first()
        .is_some_and(|w| w.ends_with('.') || w.len() <= 2);
    if run.len() >= 3 && !first_is_initial {
        run.remove(0);
    }
}

/// `a.i.` (ad interim) closes the title `Charge d'Affaires, a.i.`: no
/// part of the name after it (`A.I. ANNE SMITH-JONES`).
fn without_ad_interim(run: &mut Vec<&str>) {
    let ad_interim = match run.as_slice() {
        [a, i, ..] if a.eq_ignore_ascii_case("a.") && i.eq_ignore_ascii_case("i.") => 2,
        [ai, ..] if ai.eq_ignore_ascii_case("a.i.") || ai.eq_ignore_ascii_case("a.i") => 1,
        _ => 0,
    };
    if ad_interim > 0 && run.len() > ad_interim + 1 {
        run.drain(..ad_interim);
    }
}

/// A name has at most three words besides its particles (which count in
/// either case: `PETER VAN DER BERG` is one name): a longer run starts at
/// the word before its first initial (`J. R. SMITH`), else keeps its last
/// three words.
fn without_words_beyond_name(run: &mut Vec<&str>) {
    let core = |r: &[&str]| r.iter().filter(|w| !is_particle(&w.to_lowercase())).count();
    if core(run) <= 3 {
        return;
    }
    let initial = run.iter().position(|w| w.len() <= 3 && w.ends_with('.'));
    let from = match initial {
        Some(p) if p > 0 => p - 1,
        _ => {
            let mut f = 0;
            while core(run.get(f..).unwrap_or(&[])) > 3 {
                f += 1;
            }
            f
        }
    };
    run.drain(..from);
}

/// `SIMONS, JR.`, `SIMONS, JR. (ACTING DCM)`: a suffix of the name, the
/// first word of the segment after it.
fn name_suffix(next: Option<&str>) -> Option<&str> {
    let n = next?.split_whitespace().next().unwrap_or("");
    matches!(
        n.trim_end_matches('.'),
        "JR" | "Jr" | "II" | "III" | "Sr" | "SR"
    )
    .then_some(n)
}

/// The name of a run of words: `THOMAS W. SIMONS , JR.` ->
/// `THOMAS W. SIMONS, JR.`, its full stop trimmed but a `Jr`'s.
fn name_text(run: &[&str]) -> String {
    let name = run
        .join(" ")
        .replace(" ,", ",")
        .trim_end_matches('.')
        .to_owned();
    if name.ends_with(" Jr") || name.ends_with(" JR") {
        format!("{name}.")
    } else {
        name
    }
}

/// The title: what is left of the name part without the name. `Clark T.
/// Randt, Jr` (its full stop trimmed with the line's) is the name `Clark
/// T. Randt, Jr.`.
fn title_without(s: &str, name: &str) -> String {
    s.replacen(name.trim_end_matches('.'), "", 1)
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '.'))
        .to_owned()
}

/// `Reason: 1.4 (B), (D)` -> `1.4(b)`, `1.4(d)`.
pub(crate) fn reasons(text: &str) -> Vec<Reason> {
    let Some(c) = SECTION.captures(text) else {
        return Vec::new();
    };
    let section = format!(
        "{}.{}",
        c.get(1).map_or("", |m| m.as_str()),
        c.get(2).map_or("", |m| m.as_str())
    );
    let after = text.get(c.get(0).map_or(0, |m| m.end())..).unwrap_or("");
    let mut out: Vec<Reason> = Vec::new();
    let chars: Vec<char> = after.chars().take(80).collect();
    for (i, ch) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| chars.get(j));
        let next = chars.get(i + 1);
        let standalone =
            prev.is_none_or(|p| !p.is_alphanumeric()) && next.is_none_or(|n| !n.is_alphanumeric());
        if standalone && matches!(ch.to_ascii_lowercase(), 'a'..='h') {
            if let Some(r) = Reason::new(&section, *ch) {
                if !out.contains(&r) {
                    out.push(r);
                }
            }
        } else if ch.is_alphabetic() && prev.is_none_or(|p| !p.is_alphanumeric()) {
            // A word: stop at the first word that is not `and`.
            let word: String = chars
                .get(i..)
                .unwrap_or(&[])
                .iter()
                .take_while(|c| c.is_alphabetic())
                .collect();
            if !word.eq_ignore_ascii_case("and") && word.len() > 1 {
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(t: &str) -> (String, String) {
        let (c, _) = classified_by(t);
        (c.name.unwrap_or_default(), c.title.unwrap_or_default())
    }

    #[test]
    fn names() {
        assert_eq!(
            name("Acting Deputy Chief of Mission Marc Wall for Reasons 1.4 (b) and (d)"),
            ("Marc Wall".into(), "Acting Deputy Chief of Mission".into())
        );
        assert_eq!(
            name("isn/mtr director Pam Durham."),
            ("Pam Durham".into(), "isn/mtr director".into())
        );
        assert_eq!(name("ISN/MTR Direcotr Pam Durham.").0, "Pam Durham");
        assert_eq!(
            name("Rose E. Gottemoeller, Assistant Secretary, Department of State, VCI; REASON: 1.4(B), (D)").0,
            "Rose E. Gottemoeller"
        );
        assert_eq!(
            name("THOMAS W. SIMONS, JR., AMBASSADOR. REASON: 1.5 (B), (C) AND (D).").0,
            "THOMAS W. SIMONS, JR."
        );
        assert_eq!(
            name("POL MIN COUN TOM COUNTRYMAN, REASON 1.5(B)&(D).").0,
            "TOM COUNTRYMAN"
        );
        // Names that start like a title word or end like an officer's
        // abbreviation; title words run together, derived or accented.
        for (line, want) in [
            (
                "Ambassador Amber Dirksen for reasons 1.4 (b)",
                "Amber Dirksen",
            ),
            ("Charge Geoff Roe for reasons 1.4 (b)", "Geoff Roe"),
            (
                "Dirk Headley, Econ Chief, for reasons 1.4 (b)",
                "Dirk Headley",
            ),
            ("PolMC Jane Roe for reasons 1.4 (b)", "Jane Roe"),
            ("MGTOFF JANE ROE FOR REASONS 1.4 (B)", "JANE ROE"),
            (
                "POLITICALCOUNSELOR JANE ROE FOR REASONS 1.4 (B)",
                "JANE ROE",
            ),
            ("Embassy Official Jane Roe for reasons 1.4 (b)", "Jane Roe"),
            ("Managing Director Jane Roe for reasons 1.4 (b)", "Jane Roe"),
            ("Chargé Jane Roe for reasons 1.4 (b)", "Jane Roe"),
            (
                "AMBASSADOR-AT-LARGE JANE ROE FOR REASONS 1.4 (B)",
                "JANE ROE",
            ),
        ] {
            assert_eq!(name(line).0, want, "{line}");
        }
        // The title without a name ending in `Jr.` (the line's full stop
        // trimmed with it).
        assert_eq!(
            name("Ambassador Clark T. Roe, Jr. Reasons 1.4 (b)"),
            ("Clark T. Roe, Jr.".into(), "Ambassador".into())
        );
        // Misspelt titles and reasons, by edit distance.
        assert_eq!(name("Ambasador Jane Roe, Reaosns 1.4 (b)").0, "Jane Roe");
        assert_eq!(
            name("Politcal Counselor Jane Roe for resons 1.4").0,
            "Jane Roe"
        );
        assert_eq!(name("Deputy Cheif of Mision Jane Roe.").0, "Jane Roe");
        // The place of a title is not part of the name.
        assert_eq!(
            name("AMBASSADOR TO PERU JANE ROE. REASON 1.4 (B)").0,
            "JANE ROE"
        );
    }

    /// Regressions found by the generated variations
    /// (`tests/parse/variations.rs`), one per class.
    #[test]
    fn regression_generated_variations() {
        // A surname one edit from a title word (`CHAIR`) ends the name.
        assert_eq!(
            name("Economic Officer Karen St. Clair: Reason: 1.5 (d)").0,
            "Karen St. Clair"
        );
        // `a.i.` closes the title, it is no pair of initials.
        assert_eq!(
            name("CHARGE D'AFFAIRES, A.I. ANNE SMITH-JONES REASONS 1.4 (B)").0,
            "ANNE SMITH-JONES"
        );
        // Particles in capitals do not count as words of the name.
        assert_eq!(
            name("CDA PETER VAN DER BERG, 1.4 (B)").0,
            "PETER VAN DER BERG"
        );
        // The place after a title's preposition and article.
        assert_eq!(
            name("AMBASSADOR TO THE OSCE J. R. SMITH 1.4 (B)").0,
            "J. R. SMITH"
        );
        assert_eq!(
            name("Acting Assistant Secretary for International Security and Nonproliferation Kevin O'Brien reasons 1.4(b)").0,
            "Kevin O'Brien"
        );
        // `Off` written apart from `Pol/Econ`.
        assert_eq!(name("POL/ECON OFF J. R. SMITH.  1.4 (B)").0, "J. R. SMITH");
        // A name ending before `per`, `Section`, a slash, a parenthesis.
        assert_eq!(name("KEVIN O'BRIEN PER E.O.").0, "KEVIN O'BRIEN");
        // `based on`, as `based upon`, leads the reasons.
        assert_eq!(name("DCM JANE ROE BASED ON 1.4 (B) AND (D)").0, "JANE ROE");
        assert_eq!(name("DCM Jane Roe based on reasons 1.4 (b)").0, "Jane Roe");
        assert_eq!(name("DCM JANE ROE BASED ON REAOSNS 1.4 (B)").0, "JANE ROE");
        // The header reads `E.O. 12958` after it as its own field.
        assert_eq!(name("DCM JANE ROE BASED ON").0, "JANE ROE");
        assert_eq!(name("DCM Jane Roe due to").0, "Jane Roe");
        assert_eq!(
            name("Charge d'Affaires Robert O. Blake, Jr. per Section 1.4 (b,d)").0,
            "Robert O. Blake, Jr."
        );
        assert_eq!(
            name("DCM RICHARD L. BALTIMORE, III / E.O. 13526, REASONS 1.4 (B)").0,
            "RICHARD L. BALTIMORE, III"
        );
        assert_eq!(
            name("ROBERT O. BLAKE, JR. (ACTING DCM).  E.O. 12958 REASONS 1.4 (B)").0,
            "ROBERT O. BLAKE, JR."
        );
    }

    #[test]
    fn reason_lists() {
        let r = |t: &str| {
            reasons(t)
                .iter()
                .map(|r| r.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(r("Reason: 1.4 (B), (D)."), "1.4(b) 1.4(d)");
        assert_eq!(r("reasons 1.4 (b) and (d)"), "1.4(b) 1.4(d)");
        assert_eq!(r("1.4(B,D)"), "1.4(b) 1.4(d)");
        assert_eq!(r("1.4 b and d. Summary follows"), "1.4(b) 1.4(d)");
    }
}
