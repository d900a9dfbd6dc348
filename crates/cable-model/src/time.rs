//! Calendar dates and UTC timestamps, validated on construction.

use std::fmt;

/// A calendar date, as in a declassification instruction.
///
/// ```text
/// E.O. 12958: DECL: 02/28/2009     -> 2009-02-28
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// Builds a date, or `None` when it does not exist (`2009-02-30`).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }
    /// The year, four digits.
    pub fn year(self) -> u16 {
        self.year
    }
    /// The month, 1-12.
    pub fn month(self) -> u8 {
        self.month
    }
    /// The day of the month, 1-31.
    pub fn day(self) -> u8 {
        self.day
    }
}

impl fmt::Display for Date {
    /// ISO 8601: `2009-02-28`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A UTC time to the minute, as a date-time group gives it.
///
/// ```text
/// 242158Z FEB 09     -> 2009-02-24T21:58:00Z
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    date: Date,
    hour: u8,
    minute: u8,
}

impl Timestamp {
    /// Builds a timestamp, or `None` when the time is out of range.
    /// `24:00` is not accepted.
    pub fn new(date: Date, hour: u8, minute: u8) -> Option<Timestamp> {
        (hour < 24 && minute < 60).then_some(Timestamp { date, hour, minute })
    }
    /// The date part.
    pub fn date(self) -> Date {
        self.date
    }
    /// The hour, 0-23.
    pub fn hour(self) -> u8 {
        self.hour
    }
    /// The minute, 0-59.
    pub fn minute(self) -> u8 {
        self.minute
    }
}

impl fmt::Display for Timestamp {
    /// ISO 8601 in UTC: `2009-02-24T21:58:00Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}T{:02}:{:02}:00Z", self.date, self.hour, self.minute)
    }
}

/// When a cable was written, and whose clock says so.
///
/// ```text
/// P R 242158Z FEB 09                          -> Utc(2009-02-24 21:58)   "2009-02-24T21:58:00Z"
/// "2","2/25/1972 9:30",... (no DTG in text)   -> Local(1972-02-25 09:30) "1972-02-25T09:30:00"
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CableDate {
    /// The date-time group's instant, in UTC.
    Utc(Timestamp),
    /// The container's wall-clock time: its zone is not known.
    Local(Timestamp),
}

impl CableDate {
    /// The time, whatever its zone.
    pub fn timestamp(self) -> Timestamp {
        match self {
            CableDate::Utc(t) | CableDate::Local(t) => t,
        }
    }

    /// Whether the time is known to be UTC (it came from the DTG).
    pub fn is_utc(self) -> bool {
        matches!(self, CableDate::Utc(_))
    }
}

impl fmt::Display for CableDate {
    /// ISO 8601: with `Z` for a UTC time (`2009-02-24T21:58:00Z`), without
    /// a zone for a container's wall-clock time (`1972-02-25T09:30:00`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CableDate::Utc(t) => write!(f, "{t}"),
            CableDate::Local(t) => write!(f, "{}T{:02}:{:02}:00", t.date(), t.hour(), t.minute()),
        }
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_validated() {
        assert!(Date::new(2009, 2, 29).is_none());
        assert!(Date::new(2008, 2, 29).is_some());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2009, 13, 1).is_none());
        assert_eq!(Date::new(2009, 2, 28).unwrap().to_string(), "2009-02-28");
    }

    #[test]
    fn cable_dates() {
        let t = Timestamp::new(Date::new(1972, 2, 25).unwrap(), 9, 30).unwrap();
        assert_eq!(CableDate::Utc(t).to_string(), "1972-02-25T09:30:00Z");
        assert_eq!(CableDate::Local(t).to_string(), "1972-02-25T09:30:00");
        assert!(!CableDate::Local(t).is_utc());
    }

    #[test]
    fn timestamp_is_iso() {
        let t = Timestamp::new(Date::new(2009, 2, 24).unwrap(), 21, 58).unwrap();
        assert_eq!(t.to_string(), "2009-02-24T21:58:00Z");
        assert!(Timestamp::new(Date::new(2009, 2, 24).unwrap(), 24, 0).is_none());
    }
}
