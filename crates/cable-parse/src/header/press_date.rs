//! The date line of a press-style export: `Sunday, 20 April 2008, 17:11`
//! on the line before the banner (the newspaper renderings of 2010-11 put
//! the cable's date-time group there, in words). It is the DTG's instant
//! in UTC: on the cablegate pages that carry both, the line's time is the
//! DTG's (`201711Z APR 08` and `Sunday, 20 April 2008, 17:11`). It is a
//! date, not a handling line: without a DTG it becomes the cable's DTG; a
//! DTG that disagrees with it is kept and the line is reported.

use super::routing::month_number;
use super::segments::Seg;
use super::{Header, Step};
use cable_model::{Code, Date, Dtg, Timestamp};
use regex::Regex;
use std::sync::LazyLock;

/// `Sunday, 20 April 2008, 17:11`, `20 April 2008, 17:11`: an optional
/// weekday, the day, the month's English name, the year and the time.
static PRESS_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\s+(\d{4}),?\s+(\d{1,2}):(\d{2})$",
    )
    .expect("valid regex")
});

/// The English month names, for the press line's month (a three-letter
/// prefix alone is not enough: `Marsh` is no month).
const MONTHS: [&str; 12] = [
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "MAY",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
];

/// Whether `w` (upper case) names a month, in full (`SEPTEMBER`) or by
/// its three-letter abbreviation (`SEP`), as dates in citations and
/// date-time groups write it.
pub(super) fn is_month_name(w: &str) -> bool {
    MONTHS.contains(&w) || (w.len() == 3 && super::routing::month_number(w).is_some())
}

/// The instant a press-style date line states, if `t` is one.
pub(super) fn press_date(t: &str) -> Option<Timestamp> {
    let c = PRESS_DATE.captures(t)?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u16>().ok());
    let month_name = c.get(2)?.as_str().to_ascii_uppercase();
    let full = MONTHS.contains(&month_name.as_str());
    let abbreviated = month_name.len() == 3 || (month_name.len() == 4 && month_name == "SEPT");
    if !full && !abbreviated {
        return None;
    }
    let month = month_number(month_name.get(..3)?)?;
    let date = Date::new(num(3)?, month, u8::try_from(num(1)?).ok()?)?;
    Timestamp::new(
        date,
        u8::try_from(num(4)?).ok()?,
        u8::try_from(num(5)?).ok()?,
    )
}

impl Header<'_, '_> {
    /// A press-style date line anywhere in the header (an export may
    /// repeat its head after the banner): the DTG when the routing gave
    /// none, else checked against it.
    pub(super) fn press_date(&mut self, seg: &Seg<'_>, t: &str) -> Option<Step> {
        let at = press_date(t)?;
        // The line ends an open field (a repeated head follows a subject).
        self.close_open();
        let routing = &mut self.cx.cable.routing;
        match routing.dtg.as_ref().and_then(|d| d.utc) {
            None => {
                routing.dtg = Some(Dtg {
                    raw: t.to_owned(),
                    utc: Some(at),
                });
            }
            Some(dtg) if dtg == at => {}
            Some(_) => self.cx.diag(
                Code::ExportDebris,
                Some(seg.no),
                format!(
                    "press date line {t:?} disagrees with the date-time group; the DTG is kept"
                ),
            ),
        }
        Some(Step::Next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let t = press_date("Sunday, 20 April 2008, 17:11").map(|t| t.to_string());
        assert_eq!(t.as_deref(), Some("2008-04-20T17:11:00Z"));
        assert!(press_date("20 Sept 2001, 08:05").is_some());
        assert!(press_date("Friday, 31 February 2009, 11:04").is_none());
        assert!(press_date("Sunday, 20 Marsh 2008, 17:11").is_none());
        assert!(press_date("DEPARTMENT FOR AF, AF/E, AND INR/AA").is_none());
        assert!(press_date("Sunday, 20 April 2008").is_none());
    }
}
