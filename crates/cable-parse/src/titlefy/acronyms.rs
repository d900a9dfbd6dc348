//! Whether a word of a subject is an acronym, by its shape or because a
//! list names it: `MTCR` has no vowel, `MFA` no English onset, `USG` no
//! English coda, `UNSCR` a vowel and three consonants, `H1N1` letters and
//! digits, `XIV` is a Roman numeral; `GOI` is a government, `NEA` a bureau
//! of the Department, `ASEAN` a word the dictionary writes only in
//! capitals, `ISAF` an office of ACP 117. `WHO` (a function word) and
//! `ARMS` (a plural of an English word) are words.

use std::collections::BTreeSet;
use std::sync::LazyLock;

/// English words of two letters (grammar, not a list of subjects), with
/// the prefixes `RE-`, `CO-`, `EX-` (`RE-ELECTION`): a two-letter word
/// that is none of these is an abbreviation (`UK`).
const TWO_LETTER_WORDS: &[&str] = &[
    "AM", "AN", "AS", "AT", "BE", "BY", "DO", "GO", "HE", "IF", "IN", "IS", "IT", "ME", "MY", "NO",
    "OF", "OH", "ON", "OR", "SO", "TO", "UP", "WE", "OK", "EX", "RE", "CO",
];

/// The consonant pairs an English word can end with (`ASK`, `ACT`, `ELF`,
/// `END`, `INK`, ...). A three-letter word of a vowel and two consonants
/// ending in a pair outside this list cannot be an English word (`USG`,
/// `IMF`, `IDF`): an acronym.
const CODAS: &[&str] = &[
    "BB", "BS", "CH", "CK", "CT", "DD", "DS", "FF", "FT", "GG", "GH", "GS", "KS", "LD", "LF", "LK",
    "LL", "LM", "LP", "LS", "LT", "MB", "MP", "MS", "NC", "ND", "NG", "NK", "NN", "NS", "NT", "NZ",
    "PS", "PT", "RB", "RC", "RD", "RF", "RG", "RK", "RL", "RM", "RN", "RP", "RR", "RS", "RT", "SH",
    "SK", "SP", "SS", "ST", "TH", "TS", "TT", "TZ", "WL", "WN", "XT", "ZZ",
];

/// The consonant pairs an English word can start with (English
/// phonotactics: `BL`, `STR`'s `ST`, `PH`, ...). A three-letter word that
/// starts with two consonants outside this list cannot be an English word
/// (`MFA`, `FTA`, `NGO`): it is read letter by letter, an acronym.
const ONSETS: &[&str] = &[
    "BL", "BR", "CH", "CL", "CR", "CZ", "DR", "DW", "FL", "FR", "GL", "GN", "GR", "GU", "KL", "KN",
    "KR", "KW", "PH", "PL", "PR", "PS", "QU", "RH", "SC", "SH", "SK", "SL", "SM", "SN", "SP", "SQ",
    "ST", "SV", "SW", "TH", "TR", "TW", "WH", "WR",
];

/// Articles and particles of other languages that transliterated names
/// carry (Arabic `AL-`, `EL-`; Romance `DE`, `DA`, `DI`, `DU`, `LA`, `LE`,
/// `IL`; German `ZU`): words of a name, not abbreviations.
const NAME_PARTICLES: &[&str] = &["AL", "EL", "IL", "LA", "LE", "DA", "DE", "DI", "DU", "ZU"];

/// English abbreviations without a vowel that are written as words in a
/// title (`Mr.`, `Dr.`).
const VOWELLESS_WORDS: &[&str] = &["MR", "MRS", "MS", "DR", "ST", "JR", "SR", "VS"];

/// English function words (pronouns, determiners, conjunctions,
/// auxiliaries) that are also organisation codes: a word, not an acronym.
const FUNCTION_WORDS: &[&str] = &[
    "WHO", "WHAT", "WHEN", "WHERE", "WHY", "HOW", "ALL", "ANY", "CAN", "MAY", "WILL", "NOT", "OUR",
    "ONE", "NEW", "NOW", "OUT", "OFF", "ITS", "HIS", "HER", "YOU", "ARE", "WAS", "HAS", "HAD",
    "AND", "THE", "FOR", "BUT", "WITH",
];

/// Whether `upper` is the cables' abbreviation of a government: `GO` and
/// the initial of its country (`GOI`, `GOS`, `GOJ`; in the corpus,
/// `../shared/corpus`, 237 `GOI`, 36 `GOS`, 23 `GON`, ...), the English
/// words `GOD`, `GOT`, `GOO`, `GOY` aside.
pub(crate) fn is_government(upper: &str) -> bool {
    upper.len() == 3
        && upper.starts_with("GO")
        && upper.bytes().all(|b| b.is_ascii_uppercase())
        && !matches!(upper, "GOD" | "GOT" | "GOO" | "GOY")
}

/// Whether `upper` (an upper-case word) is an acronym by the rules of this
/// module, `body` holding the words the cable's body writes in capitals.
pub(super) fn is_acronym(upper: &str, body: &BTreeSet<String>) -> bool {
    let letters: String = upper.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return false;
    }
    if body.contains(upper) || DEPARTMENT_OFFICES.contains(&upper) || is_government(upper) {
        return true;
    }
    if is_roman_numeral(upper) {
        return true;
    }
    let vowel = |c: char| matches!(c, 'A' | 'E' | 'I' | 'O' | 'U' | 'Y');
    // Vowels only (`UAE`, `OAU`): no English word of two or more letters
    // but `EAU`.
    if letters.len() >= 2
        && letters.len() == upper.chars().count()
        && letters
            .chars()
            .all(|c| matches!(c, 'A' | 'E' | 'I' | 'O' | 'U'))
        && letters != "EAU"
    {
        return true;
    }
    // Three letters, two consonants before the vowel that no English
    // word starts with (`MFA`, `FTA`, `NGO`).
    let b: Vec<char> = letters.chars().collect();
    // A vowel and two consonants no English word ends with (`USG`, `IMF`).
    if let [v, c1, c2] = b.as_slice() {
        let coda: String = [*c1, *c2].iter().collect();
        if letters.len() == upper.chars().count()
            && vowel(*v)
            && !vowel(*c1)
            && !vowel(*c2)
            && !CODAS.contains(&coda.as_str())
        {
            return true;
        }
    }
    if let [c1, c2, v] = b.as_slice() {
        let onset: String = [*c1, *c2].iter().collect();
        if letters.len() == upper.chars().count()
            && !vowel(*c1)
            && !vowel(*c2)
            && vowel(*v)
            && !ONSETS.contains(&onset.as_str())
        {
            return true;
        }
    }
    // Letters and digits (`H1N1`, `P5`, `TFGG01`), but not an ordinal
    // (`63RD`) or a decade (`1990S`).
    let digits = upper.chars().filter(char::is_ascii_digit).count();
    if digits > 0 && letters.len() + digits == upper.chars().count() {
        let tail: String = upper
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let numeric_suffix =
            tail.len() == letters.len() && matches!(tail.as_str(), "ST" | "ND" | "RD" | "TH" | "S");
        if !numeric_suffix {
            return true;
        }
    }
    // A vowel, then three or more consonants (`UNSCR`, `ICTR`): no English
    // word but plurals (`ACTS`, `ARMS`) and `-CH` words (`INCH`, `ARCH`).
    if let [v, rest @ ..] = b.as_slice() {
        let consonants = rest.len() >= 3 && !rest.iter().any(|c| vowel(*c));
        // `ARMS`, `ACTS`: a plural of a word ending in an English coda;
        // `EXBS` is none.
        let plural = rest.len() == 3
            && rest.last() == Some(&'S')
            && CODAS.contains(&rest.iter().take(2).collect::<String>().as_str());
        let ch = rest.last() == Some(&'H');
        if letters.len() == upper.chars().count()
            && vowel(*v)
            && *v != 'Y'
            && consonants
            && !plural
            && !ch
        {
            return true;
        }
    }
    let no_vowel = !letters
        .chars()
        .any(|c| matches!(c, 'A' | 'E' | 'I' | 'O' | 'U' | 'Y'));
    // Letters only: `63RD`, `4TH` are ordinals.
    let only_letters = letters.len() == upper.chars().count();
    if no_vowel
        && only_letters
        && letters.len() >= 2
        && !VOWELLESS_WORDS.contains(&letters.as_str())
    {
        return true;
    }
    if letters.len() == 2
        && upper.len() == 2
        && !TWO_LETTER_WORDS.contains(&upper)
        && !NAME_PARTICLES.contains(&upper)
        && !VOWELLESS_WORDS.contains(&upper)
    {
        return true;
    }
    crate::header::tags::vocabulary_kind(upper) == Some(cable_model::TagKind::Organisation)
        && letters.len() >= 2
        && !FUNCTION_WORDS.contains(&upper)
}

/// Whether `upper` is an acronym as a whole word: by [`is_acronym`],
/// because an English dictionary writes it only in capitals
/// ([`DICTIONARY`]), or because ACP 117 names an office with it
/// ([`ACP_ABBREVIATIONS`]). The lists are not asked about the stem of a
/// plural: `THIS` is no plural of `THI`.
pub(super) fn is_whole_acronym(upper: &str, body: &BTreeSet<String>) -> bool {
    is_acronym(upper, body)
        || DICTIONARY.get(upper) == Some(&Written::Capitals)
        || ACP_ABBREVIATIONS.contains(upper)
}

/// Abbreviations of the plain-language names of ACP 117 that are no
/// English word and no place (`acp-abbreviations.txt`, derived from
/// `../shared/reference/routing-indicators.csv`: `RUEPISA,ISAF-USFOR-A CJ2X
/// AF` gives `ISAF`; `CENTCOM`, `GTMO`, `USDEL`). The derivation is in the
/// file's header.
static ACP_ABBREVIATIONS: LazyLock<std::collections::HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../acp-abbreviations.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect()
});

/// How an English dictionary writes a word it writes in capitals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Written {
    /// Only in capitals (`NAFTA`): an acronym.
    Capitals,
    /// Also in lower case (`AIDS`/`aids`): a word, and no plural of an
    /// acronym.
    AlsoLowerCase,
}

/// Words of three or more letters an English dictionary writes in capitals
/// (`acronyms.txt`, derived from the SCOWL word lists: `NAFTA`, `ASEAN`,
/// `HIV`, `FOIA`; `AIDS word`).
pub(super) static DICTIONARY: LazyLock<std::collections::HashMap<&'static str, Written>> =
    LazyLock::new(|| {
        include_str!("../acronyms.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(|l| match l.split_once(' ') {
                Some((w, _)) => (w, Written::AlsoLowerCase),
                None => (l, Written::Capitals),
            })
            .collect()
    });

/// A Roman numeral from II to XXXIX (`WORLD WAR II`, `PART VII`, `TITLE
/// XIV`): no English word has that shape.
fn is_roman_numeral(w: &str) -> bool {
    let tens = w.bytes().take_while(|&b| b == b'X').count();
    let rest = w.get(tens..).unwrap_or("");
    let units = matches!(
        rest,
        "" | "I" | "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX"
    );
    w.len() >= 2 && tens <= 3 && units
}

/// The symbols of the Department of State's bureaus and offices (1 FAM
/// 010, the Department's organisation). Each is an acronym, also those
/// that read like words (`NEA` Near Eastern Affairs, `WHA` Western
/// Hemisphere Affairs, `EUR`, `OBO`); in a chain of office symbols
/// (`WHA/BSC`, `EUR/CE`, `INL/ICITAP`) every part after one of them is a
/// symbol too. Place names in the chain stay words (`AF/ZIMBABWE` is not
/// an office).
pub(super) const DEPARTMENT_OFFICES: &[&str] = &[
    "AF", "AVC", "CA", "CSO", "CT", "DRL", "DS", "EAP", "EB", "EEB", "ECA", "ENR", "EUR", "FSI",
    "HR", "IIP", "INL", "INR", "IO", "IRM", "ISN", "NEA", "OBO", "OES", "OIG", "PA", "PM", "PRM",
    "SCA", "VCI", "WHA",
];
