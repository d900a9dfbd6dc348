//! Dates of synthetic cables: a row's position in the corpus decides its
//! date, so rows are chronological like cables.csv and the year mix is the
//! same at every corpus size.

/// Relative volume per year, 1966-2010, in parts of 100,000: a thin trickle
/// before 2000, most traffic in 2006-2009, and 2010 cut off in February.
const YEAR_WEIGHTS: [(u16, u64); 45] = [
    (1966, 20),
    (1967, 30),
    (1968, 40),
    (1969, 40),
    (1970, 50),
    (1971, 50),
    (1972, 80),
    (1973, 110),
    (1974, 110),
    (1975, 120),
    (1976, 110),
    (1977, 100),
    (1978, 110),
    (1979, 90),
    (1980, 60),
    (1981, 50),
    (1982, 50),
    (1983, 60),
    (1984, 60),
    (1985, 90),
    (1986, 110),
    (1987, 120),
    (1988, 150),
    (1989, 180),
    (1990, 250),
    (1991, 200),
    (1992, 150),
    (1993, 150),
    (1994, 180),
    (1995, 200),
    (1996, 180),
    (1997, 170),
    (1998, 200),
    (1999, 300),
    (2000, 500),
    (2001, 650),
    (2002, 900),
    (2003, 1700),
    (2004, 3300),
    (2005, 6500),
    (2006, 16200),
    (2007, 19200),
    (2008, 19800),
    (2009, 22000),
    (2010, 2400),
];

/// A minute of a day of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct When {
    pub(crate) year: u16,
    pub(crate) month: u8,
    pub(crate) day: u8,
    pub(crate) hour: u8,
    pub(crate) minute: u8,
    /// Day of the year, 1-based (the Julian day of a `DE` line).
    pub(crate) yday: u16,
}

fn is_leap(y: u16) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn month_lengths(y: u16) -> [u16; 12] {
    let feb = if is_leap(y) { 29 } else { 28 };
    [31, feb, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
}

/// The date of row `index` (0-based) of a corpus of `count` rows: rows are
/// spread over 1966-2010 by [`YEAR_WEIGHTS`] and evenly within a year, so the
/// dates never decrease with the index.
pub(crate) fn when(index: u64, count: u64) -> When {
    let total: u64 = YEAR_WEIGHTS.iter().map(|&(_, w)| w).sum();
    let count = count.max(1);
    let index = index.min(count - 1);
    // Position of the row in [0, total) with sub-unit precision: pos/count.
    let pos = u128::from(index) * u128::from(total) * 2 + u128::from(total);
    let denom = u128::from(count) * 2;
    let mut lo: u64 = 0;
    for &(year, w) in &YEAR_WEIGHTS {
        let hi = lo + w;
        if pos < u128::from(hi) * denom || year == 2010 {
            let days: u16 = if year == 2010 {
                59
            } else {
                month_lengths(year).iter().sum()
            };
            let minutes = u128::from(days) * 1440;
            let into = pos.saturating_sub(u128::from(lo) * denom);
            let minute_of_year = (into * minutes / (u128::from(w) * denom)).min(minutes - 1) as u32;
            return from_minute(year, minute_of_year);
        }
        lo = hi;
    }
    from_minute(2010, 0)
}

fn from_minute(year: u16, minute_of_year: u32) -> When {
    let yday0 = (minute_of_year / 1440) as u16;
    let in_day = minute_of_year % 1440;
    let mut d = yday0;
    let mut month = 0u8;
    for (i, len) in month_lengths(year).iter().enumerate() {
        if d < *len {
            month = i as u8;
            break;
        }
        d -= len;
    }
    When {
        year,
        month: month + 1,
        day: (d + 1) as u8,
        hour: (in_day / 60) as u8,
        minute: (in_day % 60) as u8,
        yday: yday0 + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_chronological_and_in_range() {
        let n = 10_000;
        let mut last = when(0, n);
        assert_eq!(last.year, 1966);
        for i in 1..n {
            let w = when(i, n);
            assert!(w >= last, "row {i}: {w:?} before {last:?}");
            assert!((1..=12).contains(&w.month) && (1..=31).contains(&w.day));
            last = w;
        }
        assert_eq!(last.year, 2010);
        assert!(last.month <= 2);
    }

    #[test]
    fn day_of_year() {
        let w = from_minute(2008, 59 * 1440 + 61);
        assert_eq!(
            (w.month, w.day, w.hour, w.minute, w.yday),
            (2, 29, 1, 1, 60)
        );
    }
}
