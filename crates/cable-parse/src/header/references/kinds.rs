//! The kind of a REF item, from its words: a cable, or an e-mail, a
//! telcon, a memo, another document; and the year of the date-time group a
//! cable is cited with:
//!
//! ```text
//! SMITH E-MAIL OF 10-08-08           -> Email
//! IIR 6 876 0123 09                  -> Document
//! 08 STATE 129729                    -> Cable
//! STATE 12345 DTG 121212Z DEC 09     -> a citation before its DTG, of 2009
//! CJTF-HOA MSG DTG 051200Z MAR 10    -> Other, no citation before the DTG
//! ```

use super::citations::citations;
use crate::header::routing;
use cable_model::ReferenceKind;

/// The words that name what an item cites when it is not a cable, and
/// the kind each gives: the document types of the REF lines the cable
/// format guide describes (e-mails, telcons, memos, papers), intelligence
/// reports (`IIR`, `TD`: report numbers, not cable serials), airgrams and
/// circulars (`A-123`, `CA-1234`, `CIRCULAR 175`), talking points and
/// non-papers, diplomatic notes, UN resolutions (`UNSCR 1737`,
/// `RESOLUTION 1803`). The first kind found in this order wins.
const KIND_WORDS: &[(&str, ReferenceKind)] = &[
    ("E-MAIL", ReferenceKind::Email),
    ("EMAIL", ReferenceKind::Email),
    ("EMAILS", ReferenceKind::Email),
    ("E-MAILS", ReferenceKind::Email),
    ("TELCON", ReferenceKind::Telcon),
    ("TELECON", ReferenceKind::Telcon),
    ("TELCONS", ReferenceKind::Telcon),
    ("TELEPHONE", ReferenceKind::Telcon),
    ("PHONE", ReferenceKind::Telcon),
    ("MEMO", ReferenceKind::Memo),
    ("MEMCON", ReferenceKind::Memo),
    ("MEMORANDUM", ReferenceKind::Memo),
    ("DOC", ReferenceKind::Document),
    ("REPORT", ReferenceKind::Document),
    ("PAPER", ReferenceKind::Document),
    ("NONPAPER", ReferenceKind::Document),
    ("NON-PAPER", ReferenceKind::Document),
    ("FAM", ReferenceKind::Document),
    ("OSC", ReferenceKind::Document),
    ("LETTER", ReferenceKind::Document),
    ("INCSR", ReferenceKind::Document),
    ("POC", ReferenceKind::Document),
    ("IIR", ReferenceKind::Document),
    ("TD", ReferenceKind::Document),
    ("INTELLIGENCE", ReferenceKind::Document),
    ("AIRGRAM", ReferenceKind::Document),
    ("CIRCULAR", ReferenceKind::Document),
    ("POINTS", ReferenceKind::Document),
    ("TPS", ReferenceKind::Document),
    ("DIPNOTE", ReferenceKind::Document),
    ("RESOLUTION", ReferenceKind::Document),
    ("RESOLUTIONS", ReferenceKind::Document),
    ("UNSCR", ReferenceKind::Document),
    ("UNSCRS", ReferenceKind::Document),
    ("DTG", ReferenceKind::Other),
    ("MSG", ReferenceKind::Other),
];

/// Kind of a reference from its words, in any case.
///
/// ```text
/// SMITH E-MAIL OF 10-08-08        -> Email
/// IIR 6 876 0123 09               -> Document (an intelligence report)
/// A-45, CA-1234                   -> Document (an airgram)
/// UNSCR 1737                      -> Document (a UN resolution)
/// 08 STATE 129729                 -> Cable
/// ```
pub(super) fn kind_of(text: &str) -> ReferenceKind {
    // Compared without case, word by word: an item is never copied.
    let b = text.as_bytes();
    if b.windows(6).any(|w| w.eq_ignore_ascii_case(b"E MAIL")) {
        return ReferenceKind::Email;
    }
    let mut best: Option<usize> = None;
    let mut airgram = false;
    for x in text.split(|c: char| !c.is_ascii_alphanumeric() && c != '-') {
        if x.is_empty() || x.len() > 12 {
            continue;
        }
        if let Some(k) = KIND_WORDS
            .iter()
            .position(|(w, _)| w.eq_ignore_ascii_case(x))
        {
            best = Some(best.map_or(k, |b| b.min(k)));
        }
        // `A-45`, `CA-1234`: airgram numbers.
        if let Some((head, num)) = x.split_once('-') {
            airgram |= (head.eq_ignore_ascii_case("A") || head.eq_ignore_ascii_case("CA"))
                && !num.is_empty()
                && num.bytes().all(|b| b.is_ascii_digit());
        }
    }
    match best.and_then(|k| KIND_WORDS.get(k)) {
        Some((_, kind)) => *kind,
        None if airgram => ReferenceKind::Document,
        None => ReferenceKind::Cable,
    }
}

/// Whether a citation comes before an item's `DTG` or `MSG` word: the
/// date-time group is then the cited cable's (`STATE 12345 DTG 121212Z MAR
/// 09`, whose year the citation takes), not a military message's
/// (`CJTF-HOA MSG DTG 121212Z MAR 09`).
pub(super) fn cites_before_dtg(item: &str) -> bool {
    let b = item.as_bytes();
    let boundary = |i: usize| !b.get(i).is_some_and(u8::is_ascii_alphanumeric);
    let at = (0..b.len().saturating_sub(2)).find(|&i| {
        (i == 0 || boundary(i - 1))
            && boundary(i + 3)
            && item
                .get(i..i + 3)
                .is_some_and(|w| w.eq_ignore_ascii_case("DTG") || w.eq_ignore_ascii_case("MSG"))
    });
    let mut found = false;
    if let Some(at) = at {
        citations(item.get(..at).unwrap_or(""), |_| found = true);
    }
    found
}

/// The year of the first date-time group in `text` (`121212Z DEC 09`,
/// `(020900Z MAR 10)`): the year of a cable cited with its DTG.
pub(super) fn dtg_year(text: &str) -> Option<u16> {
    let mut words = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '.' | ';')));
    let dtg = words.by_ref().find(|w| {
        w.len() == 7 && w.ends_with(['Z', 'z']) && w.bytes().take(6).all(|c| c.is_ascii_digit())
    })?;
    let (month, year) = (words.next()?, words.next()?);
    routing::dtg_utc(&format!("{dtg} {month} {year}")).map(|t| t.date().year())
}
