//! Reading what containers state: reference-id shape, the dates of each
//! container's format.

use cable_model::{Date, Timestamp};

/// Whether a container's reference id has the canonical shape: two-digit
/// year, station letters, serial (`09ISTANBUL440`, `72TEHRAN1164`).
///
/// ```text
/// 09ISTANBUL440        -> true
/// 7575LIBREVILLE1895   -> false
/// 06SECTION01OF02ROME1 -> false
/// ```
pub(crate) fn id_is_well_formed(id: &str) -> bool {
    let b = id.as_bytes();
    let digits = |s: &[u8]| s.iter().take_while(|c| c.is_ascii_digit()).count();
    let year = digits(b);
    if year != 2 {
        return false;
    }
    let rest = b.get(2..).unwrap_or_default();
    let letters = rest.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let serial = rest.get(letters..).unwrap_or_default();
    letters >= 2 && !serial.is_empty() && digits(serial) == serial.len()
}

/// The note for a malformed container id, if it is malformed.
pub(crate) fn id_note(id: &str) -> Option<String> {
    (!id_is_well_formed(id)).then(|| format!("container id {id:?} is malformed (kept as written)"))
}

/// `M/D/YYYY H:MM` (cables.csv): `2/25/1972 9:30`.
pub(crate) fn parse_mdy_hm(s: &str) -> Option<Timestamp> {
    let (date, time) = s.trim().split_once(' ')?;
    let mut d = date.split('/');
    let (m, day, y) = (d.next()?, d.next()?, d.next()?);
    if d.next().is_some() {
        return None;
    }
    let (h, min) = time.split_once(':')?;
    Timestamp::new(
        Date::new(num(y, 4, 4)?, num(m, 1, 2)?, num(day, 1, 2)?)?,
        num(h, 1, 2)?,
        num(min, 2, 2)?,
    )
}

/// `YYYY-MM-DD HH:MM` (cablegate pages): `2009-12-04 12:12`.
pub(crate) fn parse_ymd_hm(s: &str) -> Option<Timestamp> {
    let (date, time) = s.trim().split_once(' ')?;
    let mut d = date.split('-');
    let (y, m, day) = (d.next()?, d.next()?, d.next()?);
    if d.next().is_some() {
        return None;
    }
    let (h, min) = time.split_once(':')?;
    Timestamp::new(
        Date::new(num(y, 4, 4)?, num(m, 2, 2)?, num(day, 2, 2)?)?,
        num(h, 2, 2)?,
        num(min, 2, 2)?,
    )
}

/// Ruby `Time#to_s` (alx-txt): `Tue Feb 19 00:00:00 +0100 1985`, read as
/// the wall-clock time shown (the offset is the scraper's, not the cable's).
pub(crate) fn parse_ruby_time(s: &str) -> Option<Timestamp> {
    let parts: Vec<&str> = s.split_whitespace().collect();
    let [_wday, mon, day, time, offset, year] = parts.as_slice() else {
        return None;
    };
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS.iter().position(|m| m == mon)? as u8 + 1;
    if !(offset.starts_with('+') || offset.starts_with('-')) || offset.len() != 5 {
        return None;
    }
    let mut t = time.split(':');
    let (h, m) = (t.next()?, t.next()?);
    Timestamp::new(
        Date::new(num(year, 4, 4)?, month, num(day, 1, 2)?)?,
        num(h, 2, 2)?,
        num(m, 2, 2)?,
    )
}

fn num<T: std::str::FromStr>(s: &str, min: usize, max: usize) -> Option<T> {
    ((min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        for (id, ok) in [
            ("09ISTANBUL440", true),
            ("72TEHRAN1164", true),
            ("7575LIBREVILLE1895", false),
            ("06SECTION01OF02ROME1", false),
            ("08ACCRA001382SUSPECTEDDUPLICATE1392", false),
            ("", false),
        ] {
            assert_eq!(id_is_well_formed(id), ok, "{id}");
        }
    }

    #[test]
    fn dates() {
        let s = |t: Option<Timestamp>| t.map(|t| t.to_string());
        assert_eq!(
            s(parse_mdy_hm("2/25/1972 9:30")).as_deref(),
            Some("1972-02-25T09:30:00Z")
        );
        assert_eq!(
            s(parse_mdy_hm("12/28/1966 18:48")).as_deref(),
            Some("1966-12-28T18:48:00Z")
        );
        assert_eq!(parse_mdy_hm("2/30/1972 9:30"), None);
        assert_eq!(parse_mdy_hm("2/25/72 9:30"), None);
        assert_eq!(
            s(parse_ymd_hm("2009-12-04 12:12")).as_deref(),
            Some("2009-12-04T12:12:00Z")
        );
        assert_eq!(parse_ymd_hm(""), None);
        assert_eq!(
            s(parse_ruby_time("Tue Feb 19 00:00:00 +0100 1985")).as_deref(),
            Some("1985-02-19T00:00:00Z")
        );
        assert_eq!(parse_ruby_time("FURTHER ON HIZBALLAH"), None);
    }
}
