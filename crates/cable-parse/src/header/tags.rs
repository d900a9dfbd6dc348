//! TAGS: `TAGS: PREL, PGOV, LY`, `TAGS PREL ECON`, `TAGS: OVIP (CLINTON,
//! HILLARY) PREL`, wrapped onto following lines, glued (`PRELPGOVKDEM`),
//! run together with blanks (`CIA INRA INRO`), with free-text tags
//! (`TIP IN TURKEY`) and persons (`SMITH JOHN`).
//!
//! Each word is checked against the TAGS vocabulary: the subject codes and
//! the organisation codes of `../shared/reference` (shipped beside this
//! file), two-letter country codes and `K` + three letters program codes.
//! A word of the vocabulary is a tag of its own; a glued run of codes is
//! split into codes of the vocabulary; the words between codes are a
//! free-text tag, or persons written surname first.

use super::banner;
use crate::blanks::Blanks;

use cable_model::TagKind;
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// Reads a vocabulary file: one entry a line, `#` comments, upper-cased.
fn vocabulary(text: &'static str) -> BTreeSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            l.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_uppercase()
        })
        .collect()
}

static SUBJECT_CODES: LazyLock<BTreeSet<String>> =
    LazyLock::new(|| vocabulary(include_str!("tags-subject.txt")));

static ORGANISATIONS: LazyLock<BTreeSet<String>> =
    LazyLock::new(|| vocabulary(include_str!("tags-organization.txt")));

/// Organisation names of several words (`AER LINGUS`), as word lists,
/// longest first.
static ORGANISATION_PHRASES: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    let mut v: Vec<Vec<String>> = ORGANISATIONS
        .iter()
        .filter(|o| o.contains(' '))
        .map(|o| o.split(' ').map(str::to_owned).collect())
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

/// The kind of an upper-cased word by the vocabulary: a subject code, a
/// program (`K` + three letters), a country (two letters), an
/// organisation; `None` for a word that is none of these.
pub(crate) fn vocabulary_kind(w: &str) -> Option<TagKind> {
    let letters = w.bytes().all(|b| b.is_ascii_uppercase());
    if SUBJECT_CODES.contains(w) {
        Some(TagKind::Subject)
    } else if letters && w.len() == 4 && w.starts_with('K') {
        Some(TagKind::Program)
    } else if letters && w.len() == 2 {
        Some(TagKind::Geo)
    } else if ORGANISATIONS.contains(w) {
        Some(TagKind::Organisation)
    } else {
        None
    }
}

/// The kind of a tag as the model keeps it: by the vocabulary, else by its
/// shape (a comma marks a person).
pub(crate) fn tag_kind(code: &str) -> TagKind {
    vocabulary_kind(code).unwrap_or_else(|| TagKind::of_shape(code))
}

/// A word that stands alone as a tag although not in the vocabulary: a
/// code with a slash, hyphen or digit (`UNGA/C-6`, `EU-US`, `G-8`).
fn is_code_like(w: &str) -> bool {
    !w.bytes().all(|b| b.is_ascii_uppercase())
        && w.bytes().any(|b| b.is_ascii_uppercase())
        && w.bytes().all(|b| {
            b.is_ascii_uppercase() || b.is_ascii_digit() || matches!(b, b'/' | b'-' | b'&')
        })
}

/// Whether a glued run's piece is a code of the vocabulary (four letters:
/// subject codes, four-letter organisations, and, with `programs`, any
/// `K` + three letters, the shape of a program code).
fn glued_piece(p: &str, programs: bool) -> bool {
    SUBJECT_CODES.contains(p) || (programs && p.starts_with('K')) || ORGANISATIONS.contains(p)
}

/// What happened to the tags while reading them.
#[derive(Debug, Default)]
pub(crate) struct TagNotes {
    /// `SIPDIS`, glued tags that were split.
    pub(crate) repaired: Vec<String>,
    /// Tags that were dropped as duplicates.
    pub(crate) duplicates: Vec<String>,
}

/// One tag read: its text as written and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TagText {
    pub(crate) written: String,
    pub(crate) kind: TagKind,
}

impl TagText {
    fn new(written: impl Into<String>, kind: TagKind) -> TagText {
        TagText {
            written: written.into(),
            kind,
        }
    }
    fn code(&self) -> String {
        self.written
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_uppercase()
    }
}

/// Splits a glued run of tags (`PRELPGOVKDEM`, `IZPREL`) into four-letter
/// codes of the vocabulary, at least one of them a subject or program
/// code, and at most one two-letter country code; the pieces keep the case
/// of the text.
/// Whether `w` is tag codes run together (`PRELPGOV`), as
/// [`split_glued`] reads them.
pub(crate) fn split_glued_codes(w: &str) -> bool {
    split_glued(w).is_some()
}

fn split_glued(w: &str) -> Option<Vec<TagText>> {
    let upper = w.to_ascii_uppercase();
    if !(6..=64).contains(&w.len()) || !upper.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    fn go(s: &str, two_used: bool, k: bool, out: &mut Vec<(usize, usize)>, at: usize) -> bool {
        if s.is_empty() {
            return true;
        }
        if let Some(four) = s.get(..4) {
            if glued_piece(four, k) && go(&s[4..], two_used, k, out, at + 4) {
                out.insert(0, (at, 4));
                return true;
            }
        }
        if !two_used && s.len() >= 2 && go(&s[2..], true, k, out, at + 2) {
            out.insert(0, (at, 2));
            return true;
        }
        false
    }
    // Codes of the lists first; a program code read by its shape only
    // when they do not cover the run (`KNEMIN` is `KN` + `EMIN`, not a
    // program `KNEM` + `IN`).
    let mut spans = Vec::new();
    if !go(&upper, false, false, &mut spans, 0) {
        spans.clear();
        if !go(&upper, false, true, &mut spans, 0) {
            return None;
        }
    }
    // An English word can read as a country and an organisation code
    // (`PRICES` = `PR` + `ICES`): a glued run holds a subject or program
    // code.
    let has_subject = spans.iter().any(|&(at, n)| {
        upper
            .get(at..at + n)
            .is_some_and(|p| n == 4 && (SUBJECT_CODES.contains(p) || p.starts_with('K')))
    });
    if !has_subject {
        return None;
    }
    Some(
        spans
            .into_iter()
            .map(|(at, n)| {
                let piece = w.get(at..at + n).unwrap_or("");
                TagText::new(piece, tag_kind(&piece.to_ascii_uppercase()))
            })
            .collect(),
    )
}

/// Splits the text of a TAGS block (wrapped lines already joined with a
/// space) into tags, in order, de-duplicated by code.
pub(crate) fn split_tags(text: &str, notes: &mut TagNotes) -> Vec<TagText> {
    let text = without_closing_full_stop(without_wrapping(without_label(text), notes));
    let items = join_comma_persons(split_slashed(comma_items(text)));
    let mut out: Vec<TagText> = Vec::new();
    let mut after_ovip = false;
    for (item, paren) in items {
        let item = item.trim_blanks();
        if item.is_empty() {
            continue;
        }
        if paren {
            // `OVIP (CLINTON, HILLARY)`: a person, kept whole.
            out.push(TagText::new(item, TagKind::Person));
            after_ovip = false;
            continue;
        }
        read_item(item, &mut out, &mut after_ovip, notes);
    }
    deduplicated(out, notes)
}

/// `TAGS: TAGS PREL`: the text without the label written twice (no tag is
/// `TAGS`, alone either, which the label reader leaves as it is).
fn without_label(text: &str) -> &str {
    let text = super::labels::without_repeated(text.trim_blanks(), super::labels::Label::Tags);
    if text.trim_end_matches(':').eq_ignore_ascii_case("TAGS") {
        ""
    } else {
        text
    }
}

/// `(PREL, PGOV, EC)`, `[PREL, PGOV]`, `"PREL, PGOV"`: a list wrapped
/// whole in brackets or quotes is that list (the parentheses were read as
/// one person, `PREL, PGOV, EC`); `(U) PREL, PGOV`, `PREL, PGOV (C)`: a
/// portion marking before or after the list is no tag (it was read as the
/// tag `U`). Both are noted as repaired. Three rounds at most (`(C)
/// ((PREL, PGOV))`): each reads the whole text, and a hostile line of a
/// million parentheses must stay linear.
fn without_wrapping<'t>(text: &'t str, notes: &mut TagNotes) -> &'t str {
    let mut text = text.trim_blanks();
    for _ in 0..3 {
        let before = text;
        // A marking alone is left as it is (no tag is lost for it).
        for marking in [banner::leading_marking, banner::trailing_marking] {
            if let Some((_, inner, rest)) = marking(text).filter(|(_, _, r)| !r.is_empty()) {
                notes.repaired.push(format!("({inner})"));
                text = rest;
            }
        }
        if let Some(inner) = wrapped_whole(text) {
            notes
                .repaired
                .push(format!("{}…{}", first_char(text), last_char(text)));
            text = inner.trim_blanks();
        }
        if text.len() == before.len() {
            break;
        }
    }
    text
}

/// The inside of `text` when one pair of brackets or quotes wraps all of
/// it: `(A, B)` but not `(A) B (C)` nor `(A (B))C`.
fn wrapped_whole(text: &str) -> Option<&str> {
    let open = first_char(text);
    let close = match open {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        '"' => '"',
        '\u{201C}' => '\u{201D}',
        _ => return None,
    };
    let inner = text.get(open.len_utf8()..)?.strip_suffix(close)?;
    if open == close {
        return (!inner.contains(open)).then_some(inner);
    }
    let mut depth = 0usize;
    for c in inner.chars() {
        if c == open {
            depth += 1;
        } else if c == close {
            // The opener closes before the end: `(A) B (C)`.
            depth = depth.checked_sub(1)?;
        }
    }
    (depth == 0).then_some(inner)
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

fn last_char(s: &str) -> char {
    s.chars().next_back().unwrap_or(' ')
}

/// `... AND CASEY.`: a list written as a sentence ends in a full stop,
/// which is no part of its last tag (an initial's is: `ROBERT S.`).
fn without_closing_full_stop(text: &str) -> &str {
    let text = text.trim_blanks();
    match text.strip_suffix('.') {
        Some(head)
            if head
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .is_some_and(|w| w.chars().count() >= 2) =>
        {
            head
        }
        _ => text,
    }
}

/// `PREL, PGOV; OVIP (CLINTON, HILLARY)`: the items of the text,
/// comma-separated, with parentheses kept whole, as (text, parenthesised).
fn comma_items(text: &str) -> Vec<(String, bool)> {
    let mut items: Vec<(String, bool)> = Vec::new();
    let mut cur = String::new();
    let mut depth = 0u32;
    for c in text.chars() {
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
            // `PREL; PGOV`: a semicolon separates like a comma.
            ',' | ';' if depth == 0 => items.push((std::mem::take(&mut cur), false)),
            _ => cur.push(c),
        }
    }
    items.push((cur, false));
    items
}

/// Reads the words of one item (`PREL PGOV AND KDEM`, `TU KJUS TIP IN
/// TURKEY`) into `out`, one construct at a time.
fn read_item(item: &str, out: &mut Vec<TagText>, after_ovip: &mut bool, notes: &mut TagNotes) {
    let mended = mend_words(item);
    let words: Vec<&str> = mended.iter().map(String::as_str).collect();
    let upper: Vec<String> = words.iter().map(|w| w.to_uppercase()).collect();
    let mut reader = ItemReader {
        words: &words,
        upper: &upper,
        phrase: Vec::new(),
        out,
        after_ovip,
        notes,
    };
    let mut i = 0;
    while i < words.len() {
        i += reader
            .separator(i)
            .or_else(|| reader.conjunction(i))
            .or_else(|| reader.ovip_person(i))
            .or_else(|| reader.organisation(i))
            .or_else(|| reader.code(i))
            .or_else(|| reader.glued_run(i))
            .unwrap_or_else(|| reader.free_text_word(i));
    }
    reader.flush();
}

/// The words of one item being read. Each construct's method reads the
/// construct at word `i` and returns the number of words it took, `None`
/// when the words there are not that construct.
struct ItemReader<'w, 't> {
    words: &'w [&'w str],
    /// `words`, upper-cased.
    upper: &'w [String],
    /// The words that are no code since the last tag: a free-text tag or
    /// persons, once [`flush`]ed.
    phrase: Vec<&'w str>,
    out: &'t mut Vec<TagText>,
    /// The last tag read was `OVIP`: a visitor may follow.
    after_ovip: &'t mut bool,
    notes: &'t mut TagNotes,
}

impl ItemReader<'_, '_> {
    /// The upper-cased word `k`, `""` past the end.
    fn upper_at(&self, k: usize) -> &str {
        self.upper.get(k).map_or("", String::as_str)
    }

    /// Whether the word `k` is a code of the vocabulary or code-like.
    fn is_code(&self, k: usize) -> bool {
        self.upper
            .get(k)
            .is_some_and(|n| vocabulary_kind(n).is_some() || is_code_like(n))
    }

    /// Ends the run of words that are not codes ([`flush`]).
    fn flush(&mut self) {
        flush(&mut self.phrase, self.out);
    }

    /// `PREL - PGOV`, `TAGS : PREL`: punctuation alone separates.
    fn separator(&mut self, i: usize) -> Option<usize> {
        let u = self.upper_at(i);
        if u == "&" || u.chars().any(char::is_alphanumeric) {
            return None;
        }
        self.flush();
        Some(1)
    }

    /// `PREL, PGOV AND KDEM`, `OVIP, SCHULTZ, ROOD AND CASEY`: a
    /// conjunction between tags or visitors, not inside a free tag's words
    /// (`TRADE AND INVESTMENT`).
    fn conjunction(&mut self, i: usize) -> Option<usize> {
        let between = self.phrase.is_empty() || *self.after_ovip;
        if !(between && matches!(self.upper_at(i), "AND" | "&") && self.words.get(i + 1).is_some())
        {
            return None;
        }
        self.flush();
        Some(1)
    }

    /// `OVIP CLINTON HILLARY`: a visitor after `OVIP`, surname and given
    /// name, read as the person `CLINTON, HILLARY`.
    fn ovip_person(&mut self, i: usize) -> Option<usize> {
        let conjunction = self
            .upper
            .get(i + 1)
            .is_some_and(|n| matches!(n.as_str(), "AND" | "&"));
        if !(*self.after_ovip
            && !self.is_code(i)
            && self.words.get(i + 1).is_some()
            && !self.is_code(i + 1)
            && !conjunction)
        {
            return None;
        }
        self.flush();
        let w = self.words.get(i).copied().unwrap_or("");
        let given = self.words.get(i + 1).copied().unwrap_or("");
        self.out
            .push(TagText::new(format!("{w}, {given}"), TagKind::Person));
        *self.after_ovip = false;
        Some(2)
    }

    /// `AER LINGUS`: an organisation name of several words.
    fn organisation(&mut self, i: usize) -> Option<usize> {
        let n = organisation_at(self.upper.get(i..).unwrap_or(&[]))?;
        self.flush();
        self.out.push(TagText::new(
            self.words.get(i..i + n).unwrap_or(&[]).join(" "),
            TagKind::Organisation,
        ));
        Some(n)
    }

    /// `PREL`, `UNGA/C-6`: a code of the vocabulary or a code-like word, a
    /// tag of its own. A two- or three-letter word of the vocabulary
    /// between words of a free tag is one of its words (`TIP IN TURKEY`,
    /// `FOOD AID PROGRAM`).
    fn code(&mut self, i: usize) -> Option<usize> {
        let u = self.upper_at(i);
        let short = u.len() <= 3 && u.bytes().all(|b| b.is_ascii_uppercase());
        let inside_phrase = !self.phrase.is_empty()
            && short
            && self.words.get(i + 1).is_some()
            && !self.is_code(i + 1);
        if !((vocabulary_kind(u).is_some() || is_code_like(u)) && !inside_phrase) {
            return None;
        }
        let kind = tag_kind(u);
        let ovip = u == "OVIP";
        self.flush();
        let w = self.words.get(i).copied().unwrap_or("");
        self.out.push(TagText::new(w, kind));
        *self.after_ovip = ovip;
        Some(1)
    }

    /// `PRELPGOVKDEM`: a glued run of codes, split ([`split_glued`]) and
    /// noted as repaired.
    fn glued_run(&mut self, i: usize) -> Option<usize> {
        let w = self.words.get(i).copied().unwrap_or("");
        let parts = split_glued(w)?;
        self.flush();
        self.notes.repaired.push(w.to_owned());
        self.out.extend(parts);
        Some(1)
    }

    /// `TIP`, `IN`, `TURKEY`: a word of a free-text tag or of persons,
    /// kept in the phrase until a code ends it.
    fn free_text_word(&mut self, i: usize) -> usize {
        self.phrase.extend(self.words.get(i).copied());
        1
    }
}

/// `ECON CA MX SIPDIS ECON`: the tags without a repeated code (noted as a
/// duplicate) and without `SIPDIS`, a distribution caveat (the cable
/// format guide, §1c), not a tag (noted as repaired).
fn deduplicated(out: Vec<TagText>, notes: &mut TagNotes) -> Vec<TagText> {
    let mut seen = BTreeSet::new();
    let mut tags = Vec::new();
    for t in out {
        let code = t.code();
        if code == "SIPDIS" {
            notes.repaired.push(code);
            continue;
        }
        if seen.insert(code.clone()) {
            tags.push(t);
        } else {
            notes.duplicates.push(code);
        }
    }
    tags
}

/// The words of an item, mended: a code with a full stop or colon after
/// it (`PINS.`, the end of the line) loses it, and a code of the
/// vocabulary cut by a blank next to a single letter (`P REL`, `PRE L`)
/// is joined again (no tag is a single letter).
fn mend_words(item: &str) -> Vec<String> {
    let known = |w: &str| vocabulary_kind(&w.to_uppercase()).is_some();
    let mut out: Vec<String> = Vec::new();
    for w in item.split_whitespace() {
        let bare = w.trim_end_matches(['.', ':']);
        let w = if bare.len() < w.len() && known(bare) {
            bare
        } else {
            w
        };
        let single = |x: &str| x.len() == 1 && x.bytes().all(|b| b.is_ascii_alphabetic());
        if let Some(prev) = out.last_mut() {
            let joined = format!("{prev}{w}");
            let subject = |j: &str| SUBJECT_CODES.contains(&j.to_uppercase());
            if (single(prev) || single(w)) && joined.len() == 4 && subject(&joined) {
                *prev = joined;
                continue;
            }
        }
        out.push(w.to_owned());
    }
    out
}

/// `PREL/PGOV/PE`: an item of codes of the vocabulary joined by slashes is
/// split (`UNGA/C-6`, one code with a slash, is not): at each slash the
/// longest run of parts that is a code of the vocabulary (`UNGA/SPC`) or
/// code-like is one tag.
fn split_slashed(items: Vec<(String, bool)>) -> Vec<(String, bool)> {
    let mut out = Vec::with_capacity(items.len());
    for (item, paren) in items {
        // `PREL.PGOV.KDEM`: codes of the vocabulary joined by full stops
        // (not `U.S.` or an initial: every part must be a code).
        let word = item.trim_blanks();
        let dotted: Vec<&str> = word.split('.').filter(|p| !p.is_empty()).collect();
        if !paren
            && dotted.len() >= 2
            && !word.contains(char::is_whitespace)
            && dotted
                .iter()
                .all(|p| vocabulary_kind(&p.to_uppercase()).is_some())
        {
            out.extend(dotted.into_iter().map(|p| (p.to_owned(), false)));
            continue;
        }
        let parts: Vec<&str> = item.split('/').map(Blanks::trim_blanks).collect();
        let whole_known = vocabulary_kind(&item.trim_blanks().to_uppercase()).is_some();
        let pieces = (!paren && parts.len() >= 2 && !whole_known)
            .then(|| slashed_pieces(&parts))
            .flatten();
        match pieces {
            Some(pieces) if pieces.len() >= 2 => {
                out.extend(pieces.into_iter().map(|p| (p, false)));
            }
            _ => out.push((item, paren)),
        }
    }
    out
}

/// Greedy longest match of slash-joined parts against the vocabulary; a
/// run of two parts that is code-like, the second a numbered part that is
/// no code of its own (`UNGA/C-2`, not `OTRA/G-8`), also counts. `None`
/// when a part is no code.
fn slashed_pieces(parts: &[&str]) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        let mut took = 0;
        for j in (i + 1..=parts.len()).rev() {
            let run = parts.get(i..j).unwrap_or(&[]).join("/");
            let u = run.to_uppercase();
            let ok = vocabulary_kind(&u).is_some()
                || ORGANISATIONS.contains(&u)
                || (j - i == 2
                    && is_code_like(&u)
                    && parts.get(i + 1).is_some_and(|p| {
                        p.contains(|c: char| c.is_ascii_digit())
                            && !ORGANISATIONS.contains(&p.to_uppercase())
                    }));
            if ok {
                out.push(run);
                took = j - i;
                break;
            }
        }
        if took == 0 {
            return None;
        }
        i += took;
    }
    Some(out)
}

/// `GARCIA, ALAN`: a person written surname, comma, given name, which
/// the comma split into two items; joined again when the first item's last
/// word is no code (the words before it stay an item of their own: `PREL
/// EC CORREA, RAFAEL`) and the second is a given name ([`given_name`]).
fn join_comma_persons(items: Vec<(String, bool)>) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::with_capacity(items.len());
    let mut it = items.into_iter().peekable();
    while let Some((item, paren)) = it.next() {
        let t = item.trim_blanks();
        let (before, last) = t.rsplit_once(' ').unwrap_or(("", t));
        let surname = !paren && !last.is_empty() && {
            let w = last.to_uppercase();
            vocabulary_kind(&w).is_none() && !is_code_like(&w) && !GIVEN_NAMES.contains(w.as_str())
        };
        let given = it.peek().filter(|(_, p)| !p).filter(|(n, _)| given_name(n));
        if surname && given.is_some() {
            if let Some((next, _)) = it.next() {
                let person = format!("{last}, {}", next.trim_blanks());
                if !before.trim_blanks().is_empty() {
                    out.push((before.trim_blanks().to_owned(), paren));
                }
                out.push((person, true));
                continue;
            }
        }
        out.push((item, paren));
    }
    out
}

/// Whether `item` is a given name: one known given name (`ALAN`), or a
/// name followed by one or two initials (`JOHN A.`, `MARY K L`), an
/// initial marking a person whatever the name.
fn given_name(item: &str) -> bool {
    let words: Vec<&str> = item.split_whitespace().collect();
    let initial = |w: &&str| {
        let letters = w.trim_end_matches('.');
        letters.len() == 1 && letters.bytes().all(|b| b.is_ascii_alphabetic())
    };
    match words.as_slice() {
        [one] => GIVEN_NAMES.contains(one.to_uppercase().as_str()),
        [name, rest @ ..] if rest.len() <= 2 && rest.iter().all(initial) => {
            name.len() >= 2 && name.bytes().all(|b| b.is_ascii_alphabetic())
        }
        _ => false,
    }
}

/// The number of words of the organisation name of several words starting
/// `words` (upper-cased), if one does.
fn organisation_at(words: &[String]) -> Option<usize> {
    ORGANISATION_PHRASES
        .iter()
        .find(|p| words.get(..p.len()) == Some(p.as_slice()))
        .map(Vec::len)
}

/// Country names (ISO 3166-1), as word lists, longest first.
static COUNTRIES: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    let mut v: Vec<Vec<String>> = vocabulary(include_str!("countries.txt"))
        .iter()
        .map(|c| c.split(' ').map(str::to_owned).collect())
        .collect();
    v.sort_by_key(|p| std::cmp::Reverse(p.len()));
    v
});

/// Prepositions after which a country name belongs to a free-text tag
/// (`TIP IN TURKEY`, `AID TO HAITI`).
const PREPOSITIONS: &[&str] = &["IN", "TO", "OF", "FOR", "ON", "FROM", "WITH", "AND", "AT"];

/// The number of words of the country name starting `words`, if one does.
fn country_at(words: &[&str]) -> Option<usize> {
    COUNTRIES
        .iter()
        .find(|c| {
            c.len() <= words.len() && c.iter().zip(words).all(|(a, b)| a.eq_ignore_ascii_case(b))
        })
        .map(Vec::len)
}

/// Ends a run of words that are not codes: a country name in it (not after
/// a preposition) is a tag of its own (`MEETINGS WITH AMBASSADOR NEW
/// ZEALAND` -> `MEETINGS WITH AMBASSADOR`, `NEW ZEALAND`); persons are
/// split off the rest ([`flush_persons`]).
fn flush(phrase: &mut Vec<&str>, out: &mut Vec<TagText>) {
    let mut part: Vec<&str> = Vec::new();
    let mut j = 0;
    while j < phrase.len() {
        let after_preposition = j > 0
            && phrase
                .get(j - 1)
                .is_some_and(|p| PREPOSITIONS.contains(&p.to_uppercase().as_str()));
        let country = (!after_preposition)
            .then(|| country_at(phrase.get(j..).unwrap_or(&[])))
            .flatten()
            .filter(|&n| n < phrase.len());
        match country {
            Some(n) => {
                flush_persons(&mut part, out);
                let name = phrase.get(j..j + n).unwrap_or(&[]).join(" ");
                let kind = tag_kind(&name.to_uppercase());
                out.push(TagText::new(name, kind));
                j += n;
            }
            None => {
                part.extend(phrase.get(j).copied());
                j += 1;
            }
        }
    }
    flush_persons(&mut part, out);
    phrase.clear();
}

/// Ends a run of words that are not codes: persons written surname first
/// (`NOVO GUILLERMO REMON PEDRO` -> `NOVO, GUILLERMO`, `REMON, PEDRO`) are
/// split off, the rest is one free-text tag.
fn flush_persons(phrase: &mut Vec<&str>, out: &mut Vec<TagText>) {
    let mut rest: Vec<&str> = Vec::new();
    let mut j = 0;
    let given = |w: &str| GIVEN_NAMES.contains(w.to_uppercase().as_str());
    while let Some(&w) = phrase.get(j) {
        let next = phrase.get(j + 1).copied();
        if let Some(g) = next.filter(|n| given(n) && !given(w)) {
            push_keywords(&rest, out);
            rest.clear();
            out.push(TagText::new(format!("{w}, {g}"), TagKind::Person));
            j += 2;
            // A code right after a person starts no keyword (`ROOD JOHN
            // KE COUNTRY CLEARANCE`): it is a tag of its own.
            while let Some(&c) = phrase.get(j) {
                let u = c.to_uppercase();
                if vocabulary_kind(&u).is_none() && !is_code_like(&u) {
                    break;
                }
                out.push(TagText::new(c, tag_kind(&u)));
                j += 1;
            }
            continue;
        }
        rest.push(w);
        j += 1;
    }
    push_keywords(&rest, out);
    phrase.clear();
}

/// Words that may recur inside one free-text keyword (`MINISTER OF THE
/// INTERIOR OF THE REPUBLIC`): articles, prepositions, conjunctions.
const LINKING_WORDS: &[&str] = &[
    "A", "AN", "THE", "AND", "OR", "OF", "IN", "TO", "FOR", "ON", "WITH", "AT", "BY", "FROM",
];

/// Pushes a run of free-text words as keywords. A page that dropped the
/// commas between keywords (the cable format guide, §4: the HTML rewrites
/// TAGS with the "original separators dropped") runs them together. One
/// keyword names each of its topics once, so:
///
/// * a content word that repeats a word of the keyword at hand starts the
///   next one (`ENERGY SECURITY ENERGY PRICES`);
/// * a word of three or four letters that cuts short a word of the keyword
///   at hand is an abbreviation, a keyword of its own (`TRADE POLICY TRA
///   TRADE DISPUTES`);
/// * a government (`GOI`) starts a keyword (`ISRAELI AFFAIRS GOI
///   EXTERNAL`), except after a linking word.
fn push_keywords(words: &[&str], out: &mut Vec<TagText>) {
    let mut start = 0;
    let mut j = 0;
    while let Some(w) = words.get(j) {
        let u = w.to_uppercase();
        let current = words.get(start..j).unwrap_or(&[]);
        let linking = LINKING_WORDS.contains(&u.as_str()) || u.len() < 3;
        let same = |p: &&str| p.eq_ignore_ascii_case(&u);
        let cuts = |p: &&str| {
            let p = p.to_uppercase();
            p.len() > u.len() && p.starts_with(u.as_str())
        };
        // `ISRAELI AFFAIRS GOI EXTERNAL`: a government (`GO` and its
        // country's initial, [`crate::titlefy::is_government`]) starts a
        // keyword, unless a linking word puts it inside one (`TALKS WITH
        // GOI`).
        let after_linking = j
            .checked_sub(1)
            .and_then(|k| words.get(k))
            .is_some_and(|p| LINKING_WORDS.contains(&p.to_uppercase().as_str()));
        let government = !current.is_empty() && !after_linking && crate::titlefy::is_government(&u);
        if government || (!linking && current.iter().any(same)) {
            push_words(current, out);
            start = j;
        } else if !linking && u.len() <= 4 && current.iter().any(cuts) {
            push_words(current, out);
            push_words(std::slice::from_ref(w), out);
            start = j + 1;
        }
        j += 1;
    }
    push_words(words.get(start..).unwrap_or(&[]), out);
}

/// Pushes words as one free-text tag, if there are any.
fn push_words(words: &[&str], out: &mut Vec<TagText>) {
    if !words.is_empty() {
        out.push(TagText::new(words.join(" "), TagKind::Unknown));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<String> {
        split_tags(s, &mut TagNotes::default())
            .iter()
            .map(TagText::code)
            .collect()
    }

    /// `TAGS: TAGS PREL`; a person after codes with a comma.
    #[test]
    fn doubled_label_and_comma_person_after_codes() {
        assert_eq!(tags("TAGS PREL EC"), ["PREL", "EC"]);
        assert_eq!(tags("TAGS: PREL EC"), ["PREL", "EC"]);
        assert!(tags("TAGS").is_empty());
        // The label's damaged forms, read by the header's label reader.
        assert_eq!(tags("TAGSPREL PGOV"), ["PREL", "PGOV"]);
        assert_eq!(tags("TAGS- PREL"), ["PREL"]);
        assert_eq!(
            tags("PREL EC CORREA, RAFAEL"),
            ["PREL", "EC", "CORREA, RAFAEL"]
        );
        assert_eq!(tags("PREL, PGOV, EC"), ["PREL", "PGOV", "EC"]);
    }

    #[test]
    fn splitting() {
        assert_eq!(tags("PREL, PGOV, PINS, TU"), ["PREL", "PGOV", "PINS", "TU"]);
        assert_eq!(
            tags("OVIP (CLINTON, HILLARY), PGOV NL"),
            ["OVIP", "CLINTON, HILLARY", "PGOV", "NL"]
        );
        assert_eq!(
            tags("OVIP BLOGGS FRED PREL"),
            ["OVIP", "BLOGGS, FRED", "PREL"]
        );
        assert_eq!(tags("PRELPGOVKDEM"), ["PREL", "PGOV", "KDEM"]);
        // A list wrapped whole in brackets or quotes; a portion marking
        // before or after the list.
        assert_eq!(tags("(PREL, PGOV, EC)"), ["PREL", "PGOV", "EC"]);
        assert_eq!(tags("[PREL, PGOV, EC]"), ["PREL", "PGOV", "EC"]);
        assert_eq!(tags("\"PREL, PGOV, EC\""), ["PREL", "PGOV", "EC"]);
        assert_eq!(tags("(U) PREL, PGOV, EC"), ["PREL", "PGOV", "EC"]);
        assert_eq!(tags("PREL, PGOV, EC (SBU)"), ["PREL", "PGOV", "EC"]);
        assert_eq!(tags("(C) (PREL, PGOV)"), ["PREL", "PGOV"]);
        // Parentheses that do not wrap the whole list stay a person.
        assert_eq!(
            tags("(OVIP) (CLINTON, HILLARY)"),
            ["OVIP", "CLINTON, HILLARY"]
        );
        assert_eq!(tags("ECONEFINFR"), ["ECON", "EFIN", "FR"]);
        assert_eq!(
            tags("TU KJUS TIP IN TURKEY"),
            ["TU", "KJUS", "TIP IN TURKEY"]
        );
        assert_eq!(tags("ECON CA MX SIPDIS ECON"), ["ECON", "CA", "MX"]);
        assert_eq!(tags("PREL, UNGA/C-6"), ["PREL", "UNGA/C-6"]);
        // Organisation codes run together with blanks.
        assert_eq!(tags("CIA INRA INRO"), ["CIA", "INRA", "INRO"]);
        assert_eq!(tags("IMO PSI PREL"), ["IMO", "PSI", "PREL"]);
        // A multi-word organisation, and a person by a known given name.
        assert_eq!(
            tags("AER LINGUS ETRD SMITH JOHN"),
            ["AER LINGUS", "ETRD", "SMITH, JOHN"]
        );
        assert_eq!(tags("KE BORDER SECURITY"), ["KE", "BORDER SECURITY"]);
        // Semicolons and slashes between codes; a person split by its comma.
        assert_eq!(tags("PREL; PGOV; KE"), ["PREL", "PGOV", "KE"]);
        assert_eq!(tags("PREL/PGOV/KE"), ["PREL", "PGOV", "KE"]);
        // Full stops between codes; dashes and colons alone separate.
        assert_eq!(tags("PREL.PGOV.KE"), ["PREL", "PGOV", "KE"]);
        assert_eq!(
            tags("PREL - PGOV -- KE : ECON"),
            ["PREL", "PGOV", "KE", "ECON"]
        );
        assert_eq!(
            tags("OVIP (ROE, JANE A.) PREL"),
            ["OVIP", "ROE, JANE A.", "PREL"]
        );
        assert_eq!(tags("TRADE & INVESTMENT"), ["TRADE & INVESTMENT"]);
        assert_eq!(
            tags("PGOV, KE, BLOGGS, JOHN"),
            ["PGOV", "KE", "BLOGGS, JOHN"]
        );
        // A given name with an initial marks a person, known name or not.
        assert_eq!(
            tags("PGOV, KE, ROE, JEDEDIAH Q."),
            ["PGOV", "KE", "ROE, JEDEDIAH Q."]
        );
        assert_eq!(
            tags("PGOV, KE, HUMAN, RIGHTS"),
            ["PGOV", "KE", "HUMAN", "RIGHTS"]
        );
        // A country name in a run of free-text words, not after a preposition.
        assert_eq!(
            tags("KE VISIT OF THE MINISTER BURKINA FASO PERU"),
            ["KE", "VISIT OF THE MINISTER", "BURKINA FASO", "PERU"]
        );
        // Keywords run together: a repeated or cut-short content word
        // starts the next one; linking words may recur.
        assert_eq!(
            tags("KE ENERGY SECURITY ENERGY PRICES"),
            ["KE", "ENERGY SECURITY", "ENERGY PRICES"]
        );
        assert_eq!(
            tags("TRADE POLICY TRA TRADE DISPUTES"),
            ["TRADE POLICY", "TRA", "TRADE DISPUTES"]
        );
        // An English word is no glued run (`PR` + `ICES`).
        assert_eq!(tags("KE FOOD PRICES"), ["KE", "FOOD PRICES"]);
        assert_eq!(
            tags("VISIT OF THE MINISTER OF THE INTERIOR"),
            ["VISIT OF THE MINISTER OF THE INTERIOR"]
        );
        assert_eq!(
            tags("KE TRAINING IN NEW ZEALAND"),
            ["KE", "TRAINING IN NEW ZEALAND"]
        );
    }

    /// Regressions found by the generated variations
    /// (`tests/parse/variations.rs`), one per class.
    #[test]
    fn regression_generated_variations() {
        // A full stop after the last code; a code cut by a blank.
        assert_eq!(tags("PINR, EAGR, PINS."), ["PINR", "EAGR", "PINS"]);
        // A list written as a sentence (the 1973 plusd excerpt's `OVIP,
        // SCHULTZ, DENT, AND CASEY.` read `AND, CASEY.`); a free tag's
        // `AND` stays, and so does an initial's full stop.
        assert_eq!(tags("PREL, PGOV AND KDEM."), ["PREL", "PGOV", "KDEM"]);
        assert_eq!(
            tags("OVIP, ROE, DOE, AND POE."),
            ["OVIP", "ROE", "DOE", "POE"]
        );
        assert_eq!(tags("OVIP, ROE AND DOE"), ["OVIP", "ROE", "DOE"]);
        assert_eq!(
            tags("PREL, TRADE AND INVESTMENT"),
            ["PREL", "TRADE AND INVESTMENT"]
        );
        assert_eq!(tags("OVIP, ROE, JOHN A."), ["OVIP", "ROE, JOHN A."]);
        assert_eq!(tags("P REL, PGOV, PRE L"), ["PREL", "PGOV"]);
        // A slashed organisation code stays whole among slashed codes.
        assert_eq!(tags("PREL, UNGA/SPC"), ["PREL", "UNGA/SPC"]);
        assert_eq!(tags("OTRA/G-8/IR"), ["OTRA", "G-8", "IR"]);
        // Codes of the lists before a program read by its shape.
        assert_eq!(tags("KE KNEMIN"), ["KE", "KN", "EMIN"]);
        assert_eq!(tags("PRELPGOVKDEM"), ["PREL", "PGOV", "KDEM"]);
        // A government starts a keyword, except after a linking word.
        assert_eq!(
            tags("KE BORDER SECURITY GOS INTERNAL"),
            ["KE", "BORDER SECURITY", "GOS INTERNAL"]
        );
        assert_eq!(tags("KE TALKS WITH GOI"), ["KE", "TALKS WITH GOI"]);
        // A code after a person is no word of the keyword after it.
        assert_eq!(
            tags("PHUM ROOD JOHN KE COUNTRY CLEARANCE"),
            ["PHUM", "ROOD, JOHN", "KE", "COUNTRY CLEARANCE"]
        );
    }

    #[test]
    fn written_form_and_kinds() {
        let t = split_tags("prel, Nato, kdem, xy", &mut TagNotes::default());
        let got: Vec<(String, &str, TagKind)> = t
            .iter()
            .map(|t| (t.code(), t.written.as_str(), t.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("PREL".into(), "prel", TagKind::Subject),
                ("NATO".into(), "Nato", TagKind::Organisation),
                ("KDEM".into(), "kdem", TagKind::Program),
                ("XY".into(), "xy", TagKind::Geo),
            ]
        );
    }
}
