//! The E.O. line: `E.O. 12958: DECL: 02/28/2009`, `EO 12958 DECL: 2020/02/23`,
//! `E.O. 11652: GDS`, `E. O. 11652: ADS, DECLAS 4-19-73`, `DECL: OADR`.

use crate::blanks::Blanks;

use cable_model::{Date, Declassify, ExecutiveOrder};
use regex::Regex;
use std::sync::LazyLock;

/// `E.O. 12958:`, `EO 12958`, `E. O. 11652:`, `E.o. 12958:`, `E.O.1295:`,
/// `E.0. 12958:` (a zero for the O).
/// What follows the match is the rest of the line (the regex stops there,
/// so matching with captures does not walk the whole line).
static EO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^E\.?\s?[O0]\.?\s?(\d{4,5})?\s*[:.]?\s*").expect("valid regex")
});

/// `M/D/YYYY`, `M/D/YY`, `YYYY/MM/DD`, `M-D-YY`.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:(\d{4})/(\d{1,2})/(\d{1,2})|(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2}))(?-u:\b)",
    )
    .expect("valid regex")
});

/// `AUGUST 4, 2019`, `Aug. 4 2019`, `4 AUG 2019`, `4 August 2019`: a date
/// with the month written as a word.
static WRITTEN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})|([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4}))(?-u:\b)",
    )
    .expect("valid regex")
});

/// Reads an E.O. line: the order's number and the declassification
/// instruction (a date, or its text).
pub(crate) fn executive_order(t: &str) -> (ExecutiveOrder, Option<Declassify>) {
    let raw = t.trim_blanks().to_owned();
    let (number, rest) = match EO.captures(t) {
        Some(c) => (
            c.get(1).map(|m| m.as_str().to_owned()),
            // `(.*)$` after the match: a line holds no `\n`.
            t.get(c.get(0).map_or(t.len(), |m| m.end())..).unwrap_or(""),
        ),
        None => (None, t),
    };
    (ExecutiveOrder { number, raw }, declassify(rest))
}

/// The declassification instruction after the order's number:
/// `DECL: 02/28/2009` -> a date; `N/A`, `GDS`, `DECL: OADR` -> text.
pub(crate) fn declassify(rest: &str) -> Option<Declassify> {
    let rest = rest.trim_blanks();
    if let Some(d) = first_date(rest) {
        return Some(Declassify::Date(d));
    }
    let text = strip_decl(rest)
        .trim_blanks()
        .trim_end_matches('.')
        .trim_blanks();
    (!text.is_empty())
        .then(|| Declassify::Text(text.split_whitespace().collect::<Vec<_>>().join(" ")))
}

fn strip_decl(s: &str) -> &str {
    let u = s.get(..5).unwrap_or("");
    if u.eq_ignore_ascii_case("DECL:") {
        s.get(5..).unwrap_or("")
    } else if s.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("DECL")) {
        s.get(4..).unwrap_or("").trim_start_matches(':')
    } else {
        s
    }
}

/// Whether the text holds something that looks like a date but is not a
/// valid one (`DECL: 02/30/2009`).
pub(crate) fn has_bad_date(rest: &str) -> bool {
    DATE.is_match(rest) && first_date(rest).is_none()
}

/// The first valid date in the text (US order for `M/D/Y`), or a date
/// with the month written as a word ([`WRITTEN_DATE`]).
pub(crate) fn first_date(s: &str) -> Option<Date> {
    numeric_date(s).or_else(|| written_date(s))
}

/// `AUGUST 4, 2019`, `4 AUG 2019`: the first date [`WRITTEN_DATE`] finds
/// whose month word names a month.
fn written_date(s: &str) -> Option<Date> {
    WRITTEN_DATE.captures_iter(s).find_map(|c| {
        let text = |i: usize| c.get(i).map(|m| m.as_str());
        let (d, m, y) = match (text(1), text(2), text(3)) {
            (Some(d), Some(m), Some(y)) => (d, m, y),
            _ => (text(5)?, text(4)?, text(6)?),
        };
        Date::new(
            y.parse().ok()?,
            super::routing::month_word(m)?,
            d.parse().ok()?,
        )
    })
}

/// The first valid date written in digits (US order for `M/D/Y`).
fn numeric_date(s: &str) -> Option<Date> {
    let c = DATE.captures(s)?;
    let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u16>().ok());
    if let (Some(y), Some(m), Some(d)) = (n(1), n(2), n(3)) {
        return Date::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?);
    }
    let (m, d, y) = (n(4)?, n(5)?, n(6)?);
    let y = match c.get(6)?.as_str().len() {
        2 if y >= 66 => 1900 + y,
        2 => 2000 + y,
        _ => y,
    };
    Date::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decl(t: &str) -> String {
        match executive_order(t).1 {
            Some(Declassify::Date(d)) => d.to_string(),
            Some(Declassify::Text(s)) => s,
            _ => "-".into(),
        }
    }

    #[test]
    fn lines() {
        assert_eq!(decl("E.O. 12958: DECL: 02/28/2009"), "2009-02-28");
        assert_eq!(decl("EO 12958 DECL: 2020/02/23"), "2020-02-23");
        assert_eq!(decl("E.o. 12958: decl: 07/01/2034"), "2034-07-01");
        assert_eq!(decl("EO 12958: decl: 6/30/08"), "2008-06-30");
        assert_eq!(decl("E.O. 12958: N/A"), "N/A");
        assert_eq!(decl("E.O. 11652: GDS"), "GDS");
        // The month written as a word, before or after the day.
        assert_eq!(decl("E.O. 12958: DECL: AUGUST 4, 2019"), "2019-08-04");
        assert_eq!(decl("E.O. 12958: DECL: 4 AUG 2019"), "2019-08-04");
        assert_eq!(decl("E.O. 12958: DECL: Sept. 4, 2019"), "2019-09-04");
        assert_eq!(decl("E.O. 12958: DECL: MARSH 4, 2019"), "MARSH 4, 2019");
        assert_eq!(decl("E.O. 12958: DECL: 1.4 (B) 25X1"), "1.4 (B) 25X1");
        assert_eq!(
            decl("E.O. 12065: RDS-4 6/5/99 (GERLACH, FREDERICK H.) OR-M"),
            "1999-06-05"
        );
        assert_eq!(
            executive_order("E. O. 11652: ADS").0.number.as_deref(),
            Some("11652")
        );
    }
}
