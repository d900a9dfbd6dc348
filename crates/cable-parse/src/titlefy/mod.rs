//! Title case for all-caps subjects.
//!
//! `MISSILE TECHNOLOGY CONTROL REGIME (MTCR): RESPONDING TO THE CHAIR'S
//! REQUEST` becomes `Missile Technology Control Regime (MTCR): Responding
//! to the Chair's Request`: every word capitalised, small words in lower
//! case (except first in a clause), acronyms kept upper-case. An acronym
//! is known by a rule, not by a list of seen subjects:
//!
//! * a word without a vowel (`MTCR`, `DPRK`, `PRC`), except the English
//!   abbreviations `MR`, `MRS`, `DR`, `ST`;
//! * a two-letter word that is no English word (`UK`, `US`, `UN`, `PM`);
//! * an organisation code of the TAGS vocabulary (`NATO`, `IAEA`, `VARIG`),
//!   or a word an English dictionary writes only in capitals (`ASEAN`,
//!   `FOIA`, `UNCTAD`: `acronyms.txt`, from the SCOWL word lists), that is
//!   no English function word (`WHO` is also a pronoun);
//! * an abbreviation ACP 117 names an office with that is no English word
//!   and no place (`ISAF`, `CENTCOM`, `GTMO`: `acp-abbreviations.txt`);
//! * in a cable, a word the cable's own mixed-case body writes in capitals
//!   ([`titlefy_with`]);
//! * a word holding letters and digits that is no ordinal or decade
//!   (`H1N1`, `P5`, but `63rd`, `1990s`);
//! * a word of a vowel and then three or more consonants (`UNSCR`, `ICTR`,
//!   `EXBS`), but not a plural of an English coda (`ARMS`) or a `-CH` word;
//! * an office symbol: letters joined by `/`, one part a single letter
//!   (`A/S`, the Assistant Secretary; `S/CT`, `G/TIP`);
//! * a government written `GO` and its country's initial (`GOI`, `GOS`),
//!   and a bureau symbol of the Department that reads like a word (`NEA`,
//!   `WHA`, `EUR`); the parts of an office symbol after a bureau's
//!   (`WHA/BSC`, `INL/ICITAP`);
//! * a word alone in parentheses made of the heads of the words before it
//!   (`AU MISSION IN SOMALIA (AMISOM)`, `... (AQIM)`).
//!
//! The plural of an acronym takes a lower-case `s` (`NGOS` -> `NGOs`)
//! when the word is no acronym as a whole nor a word the dictionary writes
//! in capitals (`AIDS`).
//!
//! The words of a place's name (the ISO 3166 country names and the post
//! names of ACP 117: `SRI LANKA`, `EL SALVADOR`, `DAR ES SALAAM`) are words,
//! whatever their shape.
//!
//! A subject that already holds lower-case letters was typed in mixed case
//! by its author and is returned unchanged. `’` is read like `'`.

mod acronyms;
mod evidence;
mod places;
mod shapes;

use std::collections::BTreeSet;

use acronyms::{DICTIONARY, is_acronym, is_whole_acronym};
use places::place_words;
use shapes::{office_symbol, spells_initials};

// For the rest of the crate: `crate::titlefy::is_government`, ...
pub(crate) use acronyms::is_government;
pub(crate) use evidence::body_capitals;
pub(crate) use shapes::prefixed_caps;

/// Words written in lower case inside a title.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
    "or", "per", "the", "to", "via", "vs",
];

/// How a subject is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// In capitals (the letters of an ordinal or decade aside: `9th`,
    /// `1990s`).
    Capitals,
    /// In lower case only: a text whose case was lowered.
    Lower,
    /// In mixed case, as its author typed it: kept as it is.
    Mixed,
}

/// How `subject` is written; the letters after a number (`9th ICG`,
/// `THE 1990s`) do not count.
fn written_case(subject: &str) -> Case {
    let (mut upper, mut lower) = (false, false);
    for word in subject.split(|c: char| !c.is_alphanumeric()) {
        let digits = word.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && word.chars().skip(digits).all(char::is_alphabetic) {
            continue;
        }
        upper |= word.chars().any(char::is_uppercase);
        lower |= word.chars().any(char::is_lowercase) && !prefixed_caps(word);
    }
    match (upper, lower) {
        (_, false) => Case::Capitals,
        (false, true) => Case::Lower,
        (true, true) => Case::Mixed,
    }
}

/// `SECRETARY' S REPORT` -> `SECRETARY'S REPORT`: the blank the 1970s
/// archive text puts after an apostrophe before a possessive `S` (the
/// cable format guide, section 6, "Noise"). None when there is none.
fn join_possessive(subject: &str) -> Option<String> {
    let joins = |head: &str, tail: &str| {
        head.ends_with(|c: char| c.is_ascii_alphabetic())
            && tail
                .as_bytes()
                .get(3)
                .is_none_or(|c| !c.is_ascii_alphanumeric())
    };
    let mut found = false;
    let mut out = String::new();
    let mut rest = subject;
    while let Some(i) = rest.find("' S") {
        let (head, tail) = rest.split_at(i);
        let join = joins(head, tail);
        found |= join;
        out.push_str(head);
        out.push_str(if join { "'S" } else { "' S" });
        rest = tail.get(3..).unwrap_or("");
    }
    out.push_str(rest);
    found.then_some(out)
}

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
/// assert_eq!(titlefy("UK’S VIEW - A NEW START"), "UK’s View - A New Start");
/// ```
pub fn titlefy(subject: &str) -> String {
    titlefy_with(subject, &BTreeSet::new())
}

/// [`titlefy`], also keeping upper-case the words of `body_capitals` (the
/// words a cable's mixed-case body writes in capitals: `MTCR`, `GOI`).
pub(crate) fn titlefy_with(subject: &str, body_capitals: &BTreeSet<String>) -> String {
    let upper;
    let subject = match written_case(subject) {
        Case::Mixed => return subject.to_owned(),
        Case::Capitals => subject,
        // `german test chamber sold to iran's dio` (a text whose case was
        // lowered): read like capitals.
        Case::Lower => {
            upper = subject.to_uppercase();
            upper.as_str()
        }
    };
    let joined;
    let subject = match join_possessive(subject) {
        Some(j) => {
            joined = j;
            joined.as_str()
        }
        None => subject,
    };
    let mut out = String::with_capacity(subject.len());
    let mut scratch = String::new();
    let mut rest = subject;
    let mut clause_start = true;
    let places = place_words(subject);
    while let Some(c) = rest.chars().next() {
        if c.is_alphanumeric() {
            // A word: letters and digits, with apostrophes between them.
            let mut end = rest.len();
            let mut it = rest.char_indices().peekable();
            while let Some((i, ch)) = it.next() {
                // `Q&A`, `AT&T`: letters joined by `&` are one word.
                let in_word = ch.is_alphanumeric()
                    || ((is_apostrophe(ch) || ch == '&')
                        && i > 0
                        && it.peek().is_some_and(|(_, n)| n.is_alphanumeric()));
                if !in_word {
                    end = i;
                    break;
                }
            }
            let (word, after) = rest.split_at(end);
            // `AL-QAIDA IN THE ISLAMIC MAGHREB (AQIM)`: a word alone in
            // parentheses made of the initials of the words before it is
            // the abbreviation they introduce.
            let parenthesised = out.ends_with('(')
                && after.starts_with(')')
                && (2..=8).contains(&word.len())
                && word.bytes().all(|b| b.is_ascii_uppercase())
                && spells_initials(
                    word,
                    subject.get(..subject.len() - rest.len()).unwrap_or(""),
                );
            let at = subject.len() - rest.len();
            // `(SBU) LIMA: ...`: a portion marking before the subject (the
            // cable format guide, §1c: `(C)`, `(S/NF)`, `(SBU)`), letters
            // joined by slashes.
            let marking = out.trim_start().starts_with('(')
                && !out
                    .trim_start()
                    .contains(|c: char| c.is_alphanumeric() || c == ')')
                && word.len() <= 4
                && rest.find(')').is_some_and(|close| {
                    rest.get(..close)
                        .is_some_and(|m| m.bytes().all(|b| b.is_ascii_uppercase() || b == b'/'))
                });
            let parenthesised = parenthesised || marking;
            // `A/S`: a letter joined by a slash is an abbreviation;
            // `ON-SHORE`: the first word of a compound is capitalised.
            let slashed = out.ends_with('/') || after.starts_with('/');
            let compound = after.starts_with('-') && !out.ends_with('-');
            let how = Word {
                capitalise: clause_start || slashed || compound,
                place: places.get(&at).copied(),
            };
            // `U.S.'S`: a possessive `S` after an abbreviation's stop and
            // an apostrophe (no letter before the apostrophe to join it to).
            let possessive = word.eq_ignore_ascii_case("S")
                && !after.starts_with(|c: char| c.is_alphanumeric())
                && out
                    .strip_suffix(is_apostrophe)
                    .is_some_and(|h| h.ends_with('.'));
            if possessive {
                out.push('s');
            } else if prefixed_caps(word) {
                // `McCAIN'S` -> `McCain's`: the prefix as typed, the rest
                // capitalised.
                let lower = word
                    .bytes()
                    .skip(1)
                    .take_while(u8::is_ascii_lowercase)
                    .count();
                let (prefix, tail) = word.split_at(1 + lower);
                out.push_str(prefix);
                for (i, ch) in tail.chars().enumerate() {
                    if i == 0 {
                        out.push(ch);
                    } else {
                        out.extend(ch.to_lowercase());
                    }
                }
            } else if parenthesised
                || (slashed && how.place.is_none() && office_symbol(subject, at))
            {
                out.push_str(word);
            } else {
                word_case(word, how, body_capitals, &mut out, &mut scratch);
            }
            clause_start = false;
            rest = after;
        } else {
            out.push(c);
            let after = rest.get(c.len_utf8()..).unwrap_or("");
            // `:`, `?`, `--` and a dash between blanks (` - `) start a clause.
            let spaced_dash = c == '-' && out.ends_with(" -") && after.starts_with(' ');
            if matches!(c, ':' | '"' | '?' | '!' | ';')
                || (c == '-' && after.starts_with('-'))
                || spaced_dash
            {
                clause_start = true;
            }
            rest = after;
        }
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// How a word is cased by its place in the subject.
#[derive(Debug, Clone, Copy)]
struct Word {
    /// First in a clause, first of a compound or next to a slash: a small
    /// word is capitalised too.
    capitalise: bool,
    /// A word of a place's name, never an acronym; `Some(true)` for a
    /// particle inside it, written in lower case.
    place: Option<bool>,
}

/// Appends `word` in title case; `scratch` is reused for the case-mapped
/// copies (ASCII words, nearly all, need no allocation per word).
fn word_case(
    word: &str,
    how: Word,
    body: &BTreeSet<String>,
    out: &mut String,
    scratch: &mut String,
) {
    // `CHAIR'S`, `UK’S`: the possessive is written in lower case.
    let (stem, suffix) = match word.char_indices().rev().find(|(_, c)| is_apostrophe(*c)) {
        Some((at, ap))
            if word
                .get(at + ap.len_utf8()..)
                .is_some_and(|s| s.eq_ignore_ascii_case("s")) =>
        {
            (word.get(..at).unwrap_or(word), word.get(at..).unwrap_or(""))
        }
        _ => (word, ""),
    };
    scratch.clear();
    if stem.is_ascii() {
        scratch.push_str(stem);
        scratch.make_ascii_uppercase();
    } else {
        scratch.push_str(&stem.to_uppercase());
    }
    // `Q&A`, `AT&T`, `R&D`: an abbreviation joined by `&`.
    if how.place.is_none() && (scratch.contains('&') || is_whole_acronym(scratch, body)) {
        out.push_str(scratch);
        out.push_str(&suffix.to_lowercase());
        return;
    }
    // `NGOS` -> `NGOs`: the plural of an acronym that is none as a whole
    // (`IDPS`, `USGS` are acronyms by shape and stay as written).
    if how.place.is_none() && suffix.is_empty() && scratch.len() >= 4 && scratch.ends_with('S') {
        let stem = &scratch[..scratch.len() - 1];
        // Not `DOES`, `GOES` (an English `-ES`) nor a government's `GO`.
        if !stem.ends_with(['S', 'E'])
            && !is_government(stem)
            && !DICTIONARY.contains_key(scratch.as_str())
            && is_acronym(stem, body)
        {
            out.push_str(stem);
            out.push('s');
            return;
        }
    }
    scratch.clear();
    if word.is_ascii() {
        scratch.push_str(word);
        scratch.make_ascii_lowercase();
    } else {
        scratch.push_str(&word.to_lowercase());
    }
    let particle = how.place == Some(true);
    if !how.capitalise && (particle || SMALL_WORDS.contains(&scratch.as_str())) {
        out.push_str(scratch);
        return;
    }
    let mut cs = scratch.chars();
    if let Some(first) = cs.next() {
        out.extend(first.to_uppercase());
        let rest = cs.as_str();
        // Irish and Scottish surnames: `O'CONNOR` -> `O'Connor`,
        // `MCDONALD` -> `McDonald`; the elided French and Italian article
        // (`COTE D'IVOIRE` -> `Cote D'Ivoire`, `D'ALEMA`, `L'AQUILA`).
        let name_prefix = if matches!(first, 'o' | 'd' | 'l')
            && rest.starts_with(is_apostrophe)
            && rest.len() > 3
        {
            rest.chars().next().map(char::len_utf8)
        } else if first == 'm'
            && rest.starts_with('c')
            && rest.len() >= 3
            && rest.chars().skip(1).any(|c| "aeiouy".contains(c))
        {
            Some(1)
        } else {
            None
        };
        match name_prefix.and_then(|k| Some((rest.get(..k)?, rest.get(k..)?))) {
            Some((prefix, name)) => {
                out.push_str(prefix);
                let mut nc = name.chars();
                if let Some(c) = nc.next() {
                    out.extend(c.to_uppercase());
                }
                out.push_str(nc.as_str());
            }
            None => out.push_str(rest),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case() {
        for (raw, want) in [
            (
                "MISSILE TECHNOLOGY CONTROL REGIME (MTCR): RESPONDING TO THE CHAIR'S REQUEST",
                "Missile Technology Control Regime (MTCR): Responding to the Chair's Request",
            ),
            ("DPRK--VATICAN DEMARCHE", "DPRK--Vatican Demarche"),
            ("NATO'S VIEW OF THE DPRK", "NATO's View of the DPRK"),
            ("THE MAN WHO KNEW", "The Man Who Knew"),
            ("UK’S POSITION ON THE EU", "UK’s Position on the EU"),
            ("PERU - THE VOTE", "Peru - The Vote"),
            ("MR. SMITH GOES TO THE PRC", "Mr. Smith Goes to the PRC"),
            ("IT IS AS IT WAS", "It Is as It Was"),
            ("Already Mixed case", "Already Mixed case"),
            ("", ""),
        ] {
            assert_eq!(titlefy(raw), want);
        }
    }

    /// Subjects made up for these rules: acronyms with vowels known by
    /// English phonotactics, by being vowels only, or by spelling the
    /// initials of the words before them in parentheses.
    #[test]
    fn acronyms_with_vowels() {
        for (raw, want) in [
            ("MFA ON THE FTA WITH PERU", "MFA on the FTA With Peru"),
            ("NGO LAW IN THE UAE", "NGO Law in the UAE"),
            (
                "THE PEOPLES FRONT OF LIMA (PFL) AND THE ELECTION (UPDATED)",
                "The Peoples Front of Lima (PFL) and the Election (Updated)",
            ),
            ("EX-MINISTER SPEAKS", "Ex-Minister Speaks"),
            ("RE-ELECTION OF THE CO-CHAIR", "Re-Election of the Co-Chair"),
            ("PART VII OF TITLE XIV", "Part VII of Title XIV"),
            (
                "O'ROE AND MCROE'S Q&A ON R&D",
                "O'Roe and McRoe's Q&A on R&D",
            ),
            (
                "D'ROE IN L'AQUILA AND COTE D'IVOIRE",
                "D'Roe in L'Aquila and Cote D'Ivoire",
            ),
            (
                "USG AND IMF ASK FOR AN END TO THE ACT",
                "USG and IMF Ask for an End to the Act",
            ),
            ("SPA AND SKI TRIP FOR TWO", "Spa and Ski Trip for Two"),
            // Governments (`GO` and a country's initial) and bureaus.
            (
                "GOI AGREES WITH GOS ON WHAT GOD GOT",
                "GOI Agrees With GOS on What God Got",
            ),
            ("NEA A/S TO WHA AND EUR", "NEA A/S to WHA and EUR"),
            // Office symbols after a bureau's; not a place after one.
            (
                "WHA/BSC AND INL/ICITAP ON AF/ZIMBABWE",
                "WHA/BSC and INL/ICITAP on AF/Zimbabwe",
            ),
            // Heads of the words before it, in parentheses; not a word
            // that is no head of them.
            (
                "THE EU FORCE IN CHAD (EUFOR) AND THE VOTE (UPDATED)",
                "The EU Force in Chad (EUFOR) and the Vote (Updated)",
            ),
            (
                "AU MISSION IN SOMALIA (AMISOM) FUNDS",
                "AU Mission in Somalia (AMISOM) Funds",
            ),
            ("THE PEOPLES FRONT (FRONT)", "The Peoples Front (Front)"),
            // Words the dictionary writes only in capitals; not a plural
            // made of one (`THIS`), nor a word it also writes in lower
            // case (`TIP`, `AIDS`), nor a name it capitalises (`ALI`).
            (
                "ASEAN AND ECOWAS ON A FOIA REQUEST",
                "ASEAN and ECOWAS on a FOIA Request",
            ),
            ("THIS TIP ON AIDS FOR ALI", "This Tip on Aids for Ali"),
            (
                "HIV AND THE IED, BLE AND ROE",
                "HIV and the IED, Ble and Roe",
            ),
            // Capitals with an ordinal's letters; a lowered text; the
            // blank after the apostrophe of the 1970s archive text.
            (
                "QUITO TALKS - 9th ICG-G IN LIMA",
                "Quito Talks - 9th ICG-G in Lima",
            ),
            (
                "german test kit sold to the roe's firm",
                "German Test Kit Sold to the Roe's Firm",
            ),
            (
                "SECRETARY' S REPORT ON THE ' SPECIAL' ' S' PLAN",
                "Secretary's Report on the ' Special' ' S' Plan",
            ),
            ("THE Minister's VIEW", "THE Minister's VIEW"),
            (
                "U.S.'S VIEW OF THE U.N.’S PLAN",
                "U.S.'s View of the U.N.’s Plan",
            ),
            // Plurals of acronyms; plurals of words and acronyms by shape.
            (
                "NGOS AND MFAS MEET; IDPS, ARMS AND ACTS",
                "NGOs and MFAs Meet; IDPS, Arms and Acts",
            ),
            // Abbreviations ACP 117 names offices with (`ISAF`, `CENTCOM`,
            // `AFRICOM` from `USAFRICOM`); its bases (`INCIRLIK AB`), its
            // three-letter syllables (`HAI`) and English words are words.
            (
                "CENTCOM'S VIEW OF ISAF AND AFRICOM AT INCIRLIK",
                "CENTCOM's View of ISAF and AFRICOM at Incirlik",
            ),
            ("HAI AND THE CYBER TELECOM", "Hai and the Cyber Telecom"),
        ] {
            assert_eq!(titlefy(raw), want, "{raw}");
        }
    }

    /// Subjects made up for the rules on digits, slashes, compounds,
    /// consonant runs and place names.
    #[test]
    fn shapes_and_places() {
        for (raw, want) in [
            (
                "PM TO A/S ROE ON H1N1, THE 1990S AND THE 2ND ROUND",
                "PM to A/S Roe on H1N1, the 1990s and the 2nd Round",
            ),
            ("TFGG07: SALE OF F-16CS", "TFGG07: Sale of F-16CS"),
            (
                "LAW WOULD REQUIRE ON-SHORE STATE-TO-STATE TALKS",
                "Law Would Require On-Shore State-to-State Talks",
            ),
            (
                "UNSCR 1718 AND THE ICTR: ACTS AND ARMS, AN INCH",
                "UNSCR 1718 and the ICTR: Acts and Arms, an Inch",
            ),
            (
                "EL SALVADOR AND SRI LANKA IN PORT-AU-PRINCE",
                "El Salvador and Sri Lanka in Port-au-Prince",
            ),
            (
                "AL-QAIDA, EXBS AND THE ARMS OF KIM JONG-IL",
                "Al-Qaida, EXBS and the Arms of Kim Jong-Il",
            ),
            ("G/TIP AND S/CT ON IRAN/IAEA", "G/TIP and S/CT on Iran/IAEA"),
            (
                "(FOUO) PERU: (S/NF) AND (SBU)",
                "(FOUO) Peru: (S/NF) and (SBU)",
            ),
            (
                "FROM RIO DE JANEIRO TO DAR ES SALAAM",
                "From Rio de Janeiro to Dar es Salaam",
            ),
            // A surname typed with its prefix in mixed case in a subject of
            // capitals: the subject is still one of capitals.
            (
                "CODEL McCAIN'S VISIT WITH GEN MacARTHUR",
                "Codel McCain's Visit With Gen MacArthur",
            ),
            ("Codel McCain in Quito", "Codel McCain in Quito"),
        ] {
            assert_eq!(titlefy(raw), want, "{raw}");
        }
    }
}
