//! What follows the text: `NNNN`, `End Cable Text`, a repeated
//! classification footer, mail-client export lines, relay notes.

use crate::blanks::Blanks;

use std::sync::LazyLock;

use regex::Regex;

/// `Zenaida X Toledo 07/30/2008 04:04:14 PM From DB/Inbox: TRANS`.
static MAIL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d\d/\d\d/\d{4} +\d\d?:\d\d:\d\d +[AP]M +From +DB/").expect("valid regex")
});

/// `2004CARACA01540 - UNCLASSIFIED`: an archive MRN footer.
static MRN_FOOTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{4}[A-Z]{3,}\d{3,} - [A-Z /]+$").expect("valid regex"));

/// The kind of line found after the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TrailerLine {
    /// `NNNN`, `End Cable Text`, a classification footer, a relay note.
    Transmission,
    /// A mail-client export line (`... From DB/Inbox: ...`).
    Export,
}

/// Classifies a (trimmed) line that may follow the text.
///
/// ```text
/// NNNN                      -> Transmission
/// End Cable Text            -> Transmission
/// CONFIDENTIAL              -> Transmission (classification footer)
/// Zenaida X Toledo 07/30/2008 04:04:14 PM From DB/Inbox: TRANS -> Export
/// ```
pub(crate) fn trailer_line(line: &str) -> Option<TrailerLine> {
    let t = line.trim_blanks();
    if t.len() > 200 {
        return None;
    }
    let upper_is = |s: &str| t.eq_ignore_ascii_case(s);
    if t == "NNNN"
        || t == "NNN"
        || t.starts_with("NNNNMA")
        || t == "."
        || t == "<< END OF DOCUMENT >>"
        || upper_is("End Cable Text")
        || t.contains("CABLE ENDS")
        || t.starts_with("NOTE BY OC/T")
        || t.contains("NOT PASSED TO ABOVE ADDRESSEE")
        || is_classification_line(t)
        || MRN_FOOTER.is_match(t)
        || is_message_number(t)
    {
        return Some(TrailerLine::Transmission);
    }
    if MAIL_LINE.is_match(t) || is_press_footer(t) {
        return Some(TrailerLine::Export);
    }
    None
}

/// `#1234`: the station serial number ACP-127 repeats after the closing
/// `BT` (the number of the `DE RUEHPE #1234` line).
fn is_message_number(t: &str) -> bool {
    t.strip_prefix('#')
        .is_some_and(|n| (1..=6).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The footer a newspaper's export prints under the text: a print-tracking
/// stamp `user @ date` or `SECTION @ PUBLISHER` (a short line with ` @ `
/// and no sentence end), and the export's record number `ID: 187536`.
fn is_press_footer(t: &str) -> bool {
    let stamp = t.contains(" @ ") && !t.ends_with(['.', '!', '?']) && t.len() <= 160;
    let record = t
        .strip_prefix("ID:")
        .map(|r| r.trim_blanks())
        .is_some_and(|r| !r.is_empty() && r.len() <= 9 && r.bytes().all(|b| b.is_ascii_digit()));
    stamp || record
}

/// A classification word standing alone: `CONFIDENTIAL`, `S E C R E T`,
/// `LIMITED OFFICIAL USE`, `UNCLASSIFIED//FOR OFFICIAL USE ONLY`.
pub(crate) fn is_classification_line(t: &str) -> bool {
    let t = t.trim_blanks();
    let base = t.split("//").next().unwrap_or(t).trim_blanks();
    matches!(
        base,
        "UNCLASSIFIED"
            | "UNCLAS"
            | "CONFIDENTIAL"
            | "C O N F I D E N T I A L"
            | "SECRET"
            | "S E C R E T"
            | "TOP SECRET"
            | "LIMITED OFFICIAL USE"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines() {
        assert_eq!(trailer_line("NNNN"), Some(TrailerLine::Transmission));
        assert_eq!(
            trailer_line("End Cable Text"),
            Some(TrailerLine::Transmission)
        );
        assert_eq!(
            trailer_line("   CONFIDENTIAL"),
            Some(TrailerLine::Transmission)
        );
        assert_eq!(
            trailer_line("2004CARACA01540 - UNCLASSIFIED"),
            Some(TrailerLine::Transmission)
        );
        assert_eq!(
            trailer_line("Zenaida X Toledo 07/30/2008 04:04:14 PM From DB/Inbox: TRANS"),
            Some(TrailerLine::Export)
        );
        assert_eq!(trailer_line("#1234"), Some(TrailerLine::Transmission));
        assert_eq!(trailer_line("#12 MEN"), None);
        assert_eq!(trailer_line("CLINTON"), None);
        assert_eq!(trailer_line("END NOTE."), None);
    }
}
