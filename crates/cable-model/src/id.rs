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
/// An id of up to 22 bytes (nearly all) is held inline, without an
/// allocation of its own: a cable citing a million cables holds a million.
#[derive(Clone)]
pub struct CableId {
    /// The canonical text; its parts (year, station, serial) are found by
    /// its shape when asked for, so an id is 24 bytes.
    text: IdText,
}

/// The id's text: inline when it fits, else on the heap.
#[derive(Clone)]
enum IdText {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

/// The longest id held inline.
const INLINE: usize = 22;

impl IdText {
    fn new(s: &str) -> IdText {
        let b = s.as_bytes();
        match (u8::try_from(b.len()), b.len() <= INLINE) {
            (Ok(len), true) => {
                let mut bytes = [0u8; INLINE];
                if let Some(dst) = bytes.get_mut(..b.len()) {
                    dst.copy_from_slice(b);
                }
                IdText::Inline { len, bytes }
            }
            _ => IdText::Heap(s.into()),
        }
    }

    fn as_str(&self) -> &str {
        match self {
            IdText::Inline { len, bytes } => bytes
                .get(..usize::from(*len))
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or(""),
            IdText::Heap(s) => s,
        }
    }
}

impl PartialEq for CableId {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for CableId {}

impl PartialOrd for CableId {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for CableId {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for CableId {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for CableId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CableId")
            .field("text", &self.as_str())
            .field("year_digits", &self.year_digits())
            .field("station_end", &self.station_end())
            .finish()
    }
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
        // Written on the stack: `09` + station + serial (no allocation for
        // an id that fits inline).
        let mut buf = [0u8; 64];
        let mut n = 0;
        let mut put = |bytes: &[u8]| {
            for &b in bytes {
                if let Some(slot) = buf.get_mut(n) {
                    *slot = b;
                }
                n += 1;
            }
        };
        let yy = year % 100;
        put(&[b'0' + (yy / 10) as u8, b'0' + (yy % 10) as u8]);
        put(station.as_bytes());
        let mut digits = [0u8; 10];
        let mut k = digits.len();
        let mut v = serial;
        loop {
            k -= 1;
            if let Some(d) = digits.get_mut(k) {
                *d = b'0' + (v % 10) as u8;
            }
            v /= 10;
            if v == 0 || k == 0 {
                break;
            }
        }
        put(digits.get(k..).unwrap_or(&[]));
        let text = match buf.get(..n).map(std::str::from_utf8) {
            Some(Ok(t)) => IdText::new(t),
            _ => IdText::new(&format!("{yy:02}{station}{serial}")),
        };
        Some(CableId { text })
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
            text: IdText::new(&format!("{}{}{}", &s[..digits], station, serial)),
        })
    }

    /// The number of year digits: 2, or 4 for a 1970s archive id.
    fn year_digits(&self) -> usize {
        self.as_str().bytes().take_while(u8::is_ascii_digit).count()
    }

    /// Where the station ends (and the serial starts).
    fn station_end(&self) -> usize {
        let y = self.year_digits();
        y + self
            .as_str()
            .bytes()
            .skip(y)
            .take_while(u8::is_ascii_uppercase)
            .count()
    }

    /// The id as text: `09STATE17183`.
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// The full year: `09` is 2009, `66` is 1966 (two-digit years 66-99 are 19xx).
    pub fn year(&self) -> u16 {
        let y: u16 = self
            .as_str()
            .get(..self.year_digits())
            .and_then(|y| y.parse().ok())
            .unwrap_or(0);
        if self.year_digits() == 4 {
            y
        } else if y >= 66 {
            1900 + y
        } else {
            2000 + y
        }
    }

    /// The station: `STATE`, `PARIS`.
    pub fn station(&self) -> &str {
        self.as_str()
            .get(self.year_digits()..self.station_end())
            .unwrap_or("")
    }

    /// The serial number: `17183`.
    pub fn serial(&self) -> u32 {
        self.as_str()
            .get(self.station_end()..)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0)
    }
}

impl fmt::Display for CableId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
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

    #[test]
    fn inline_and_heap_ids_behave_alike() {
        let short = CableId::new(2009, "STATE", 17183).unwrap();
        let long = CableId::new(2009, "BANDARSERIBEGAWANXX", 1234567).unwrap();
        assert!(matches!(short.text, IdText::Inline { .. }));
        assert!(matches!(long.text, IdText::Heap(_)));
        assert_eq!(long.as_str(), "09BANDARSERIBEGAWANXX1234567");
        assert_eq!(
            (long.station(), long.serial()),
            ("BANDARSERIBEGAWANXX", 1234567)
        );
        assert!(long < short);
        assert_eq!(CableId::parse("09STATE017183"), Some(short));
        assert!(std::mem::size_of::<Option<CableId>>() <= 24);
    }
}
