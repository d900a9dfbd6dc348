//! Cable identity: the canonical reference id and the section banner.

use std::fmt;

/// A canonical cable reference id: two-digit year, station, serial without
/// leading zeros. 1970s archive ids keep their four-digit year.
///
/// ```text
/// C O N F I D E N T I A L STATE 017183   (a 2009 cable)  -> 09STATE17183
/// REF: 08 SECSTATE 129729                                -> 08STATE129729
/// 1975ADDIS09462 (PlusD)                                 -> 1975ADDIS9462
/// ```
///
/// Built only through [`CableId::new`] or [`CableId::parse`], so it always
/// has the shape `YY` (or `YYYY`) + `[A-Z]+` + digits without leading zero.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CableId {
    text: String,
    year_digits: u8,
    station_end: usize,
}

impl CableId {
    /// Builds the canonical id from its parts. The station must be non-empty
    /// upper-case ASCII letters (`STATE`, `RIODEJANEIRO`, `USUNNEWYORK`);
    /// years before 1966 or after 2099 are refused.
    ///
    /// ```
    /// # use cable_model::CableId;
    /// assert_eq!(CableId::new(2009, "STATE", 17183).unwrap().as_str(), "09STATE17183");
    /// ```
    pub fn new(year: u16, station: &str, serial: u32) -> Option<CableId> {
        if !(1966..=2099).contains(&year)
            || station.is_empty()
            || !station.bytes().all(|b| b.is_ascii_uppercase())
        {
            return None;
        }
        let text = format!("{:02}{}{}", year % 100, station, serial);
        Some(CableId {
            station_end: 2 + station.len(),
            year_digits: 2,
            text,
        })
    }

    /// Reads an id already in canonical or near-canonical form
    /// (`09STATE17183`, `09STATE017183`, `1975ADDIS09462`): leading zeros of
    /// the serial are dropped. Anything else is `None`.
    ///
    /// ```
    /// # use cable_model::CableId;
    /// assert_eq!(CableId::parse("08STATE095573").unwrap().as_str(), "08STATE95573");
    /// assert!(CableId::parse("STATE 4690").is_none());
    /// ```
    pub fn parse(s: &str) -> Option<CableId> {
        let b = s.as_bytes();
        let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits != 2 && digits != 4 {
            return None;
        }
        let letters = b[digits..]
            .iter()
            .take_while(|c| c.is_ascii_uppercase())
            .count();
        let rest = &s[digits + letters..];
        if letters == 0 || rest.is_empty() || !rest.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let serial = rest.trim_start_matches('0');
        let serial = if serial.is_empty() { "0" } else { serial };
        if serial.len() > 9 {
            return None;
        }
        let year: u16 = s[..digits].parse().ok()?;
        if digits == 4 && !(1900..=2099).contains(&year) {
            return None;
        }
        let station = &s[digits..digits + letters];
        Some(CableId {
            text: format!("{}{}{}", &s[..digits], station, serial),
            year_digits: digits as u8,
            station_end: digits + letters,
        })
    }

    /// The id as text: `09STATE17183`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The full year: `09` is 2009, `66` is 1966 (two-digit years 66-99 are 19xx).
    pub fn year(&self) -> u16 {
        let y: u16 = self.text[..self.year_digits as usize].parse().unwrap_or(0);
        if self.year_digits == 4 {
            y
        } else if y >= 66 {
            1900 + y
        } else {
            2000 + y
        }
    }

    /// The station: `STATE`, `PARIS`.
    pub fn station(&self) -> &str {
        &self.text[self.year_digits as usize..self.station_end]
    }

    /// The serial number: `17183`.
    pub fn serial(&self) -> u32 {
        self.text[self.station_end..].parse().unwrap_or(0)
    }
}

impl fmt::Display for CableId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// The section of a multi-part cable.
///
/// ```text
/// C O N F I D E N T I A L SECTION 01 OF 04 ISTANBUL 000440   -> 1 of 4
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SectionOf {
    /// This section's number, from 1.
    pub number: u16,
    /// How many sections the cable has.
    pub total: u16,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts() {
        let id = CableId::parse("66BUENOSAIRES2481").unwrap();
        assert_eq!(
            (id.year(), id.station(), id.serial()),
            (1966, "BUENOSAIRES", 2481)
        );
        let id = CableId::parse("1975ADDIS09462").unwrap();
        assert_eq!(id.as_str(), "1975ADDIS9462");
        assert_eq!((id.year(), id.station()), (1975, "ADDIS"));
        assert!(CableId::parse("7575LIBREVILLE1895").is_none());
        assert!(CableId::parse("09STATE").is_none());
        assert!(CableId::parse("09state1").is_none());
        assert!(CableId::new(2009, "St", 1).is_none());
    }
}
