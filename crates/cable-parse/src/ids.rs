//! Canonical reference ids: `STATE 017183` + year 2009 -> `09STATE17183`,
//! and the station table that maps the ways a station is written
//! (`SECSTATE`, `RIO DE JANEIRO`, `RIO`, `BRASILA`) to its canonical name.

use crate::blanks::Blanks;

use cable_model::CableId;

/// Station spellings (letters only, upper-case) and their canonical name:
/// aliases, abbreviations, and typos seen in the published ids and REF lines.
const STATION_ALIASES: &[(&str, &str)] = &[
    ("AITTAIPIE", "AITTAIPEI"),
    ("ANILA", "MANILA"),
    ("ARAJEVO", "SARAJEVO"),
    ("ATANANARIVO", "ANTANANARIVO"),
    ("BA", "BUENOSAIRES"),
    ("BANGOK", "BANGKOK"),
    ("BEIJIG", "BEIJING"),
    ("BEIRT", "BEIRUT"),
    ("BELGADE", "BELGRADE"),
    ("BISHIEK", "BISHKEK"),
    ("BISHTEK", "BISHKEK"),
    ("BKK", "BANGKOK"),
    ("BRASIIA", "BRASILIA"),
    ("BRASILA", "BRASILIA"),
    ("BRAZILIA", "BRASILIA"),
    ("BRUSSQLS", "BRUSSELS"),
    ("COPENHAEN", "COPENHAGEN"),
    ("DULIN", "DUBLIN"),
    ("EIJING", "BEIJING"),
    ("GEORGETON", "GEORGETOWN"),
    ("HCMC", "HOCHIMINHCITY"),
    ("HOCHIMINH", "HOCHIMINHCITY"),
    ("HONGKOG", "HONGKONG"),
    ("INSHASA", "KINSHASA"),
    ("KINSHAA", "KINSHASA"),
    ("KINSTON", "KINGSTON"),
    ("MAAMA", "MANAMA"),
    ("MEXICOCITY", "MEXICO"),
    ("NDJAENA", "NDJAMENA"),
    ("NOUKKCHOTT", "NOUAKCHOTT"),
    ("NSSAU", "NASSAU"),
    ("PANAM", "PANAMA"),
    ("PANANA", "PANAMA"),
    ("PAP", "PORTAUPRINCE"),
    ("PARISFR", "UNESCOPARISFR"),
    ("PAUP", "PORTAUPRINCE"),
    ("QRIPOLI", "TRIPOLI"),
    ("QXICO", "MEXICO"),
    ("RIO", "RIODEJANEIRO"),
    ("RIODEJAN", "RIODEJANEIRO"),
    ("RIODEJANERIO", "RIODEJANEIRO"),
    ("RIODEJANIERO", "RIODEJANEIRO"),
    ("SANODOMINGO", "SANTODOMINGO"),
    ("SANTIAG", "SANTIAGO"),
    ("SAOPAUL", "SAOPAULO"),
    ("SAOPAUO", "SAOPAULO"),
    ("SCOPAULO", "SAOPAULO"),
    ("SECDEFWASH", "SECDEF"),
    ("SECSTATE", "STATE"),
    ("SECTATE", "STATE"),
    ("SOIA", "SOFIA"),
    ("THEHAGE", "THEHAGUE"),
    ("THEHAGU", "THEHAGUE"),
    ("UNVIE", "UNVIEVIENNA"),
    ("USCUSTOMSA", "USCBP"),
    ("USEU", "USEUBRUSSELS"),
    ("USEUBRUSEELS", "USEUBRUSSELS"),
    ("USUN", "USUNNEWYORK"),
    ("USUNESCOPARISFR", "UNESCOPARISFR"),
    ("VATICA", "VATICAN"),
    ("WELLLINGTON", "WELLINGTON"),
];

/// Published WikiLeaks ids whose repair cannot be inferred from the id
/// itself (the serial or station is missing or garbled), with the id the
/// cable's own text gives.
const MALFORMED_IDS: &[(&str, &str)] = &[
    ("06ASTANA", "06ASTANA204"),
    ("092OF5", "09STATE126780"),
    ("08SECTION01GF02BISHIEK21", "08BISHKEK1021"),
];

/// Prefixes that were glued to the station in published ids:
/// `EFTO` (encrypted for transmission only), `AMEMBASSY`, `EMBASSY`.
const STATION_PREFIXES: &[&str] = &["EFTO", "AMEMBASSY", "EMBASSY"];

/// The stations of `stations.txt`.
static STATIONS: std::sync::LazyLock<std::collections::BTreeSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        include_str!("stations.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect()
    });

/// Whether a canonical station name (`STATE`, `RIODEJANEIRO`) is a known
/// post or office.
pub(crate) fn is_known_station(canonical: &str) -> bool {
    STATIONS.contains(canonical)
}

/// Canonical name of a station as written (letters are kept, everything
/// else dropped, then aliases applied): `RIO DE JANEIRO` -> `RIODEJANEIRO`,
/// `SECSTATE` -> `STATE`, `N'DJAMENA` -> `NDJAMENA`.
pub(crate) fn canonical_station(raw: &str) -> Option<String> {
    let mut s: String = raw
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if s.is_empty() {
        return None;
    }
    for p in STATION_PREFIXES {
        if s.len() > p.len() + 1 {
            if let Some(rest) = s.strip_prefix(p) {
                s = rest.to_owned();
            }
        }
    }
    match STATION_ALIASES.binary_search_by(|(k, _)| (*k).cmp(s.as_str())) {
        Ok(i) => STATION_ALIASES.get(i).map(|(_, v)| (*v).to_owned()),
        Err(_) => Some(s),
    }
}

/// Builds a canonical id from a year, a station as written and a serial as
/// written: `(2009, "SECSTATE", "017183")` -> `09STATE17183`.
pub(crate) fn make_id(year: u16, station: &str, serial: &str) -> Option<CableId> {
    let station = canonical_station(station)?;
    let digits = serial.trim_start_matches('0');
    let n: u32 = if digits.is_empty() {
        0
    } else {
        digits.parse().ok()?
    };
    CableId::new(year, &station, n)
}

/// Full year of a year as written in a reference: `09` -> 2009, `75` ->
/// 1975, `2006` -> 2006, `094` (a typo for `94`) -> 1994.
pub(crate) fn full_year(digits: &str) -> Option<u16> {
    let y: u16 = digits.parse().ok()?;
    match digits.len() {
        2 | 3 if y < 100 => Some(if y >= 66 { 1900 + y } else { 2000 + y }),
        4 if (1966..=2099).contains(&y) => Some(y),
        _ => None,
    }
}

/// Maps a reference id as WikiLeaks published it or a REF line cites it
/// (`05RIO123`, `09SECSTATE1`, `07SECTION02OF03EIJING483`,
/// `06EFTOATHENS1738`, `90STATE255723TOSEC140328`) to its canonical form.
/// Returns `None` when no id can be formed.
///
/// ```
/// use cable_parse::canonical_id;
/// assert_eq!(canonical_id("09SECSTATE1").unwrap().as_str(), "09STATE1");
/// assert_eq!(canonical_id("07USUN2").unwrap().as_str(), "07USUNNEWYORK2");
/// assert_eq!(canonical_id("06EFTOATHENS1738").unwrap().as_str(), "06ATHENS1738");
/// assert!(canonical_id("not an id").is_none());
/// ```
pub fn canonical_id(raw: &str) -> Option<CableId> {
    let raw = raw.trim_blanks();
    if let Some((_, fixed)) = MALFORMED_IDS.iter().find(|(k, _)| *k == raw) {
        return CableId::parse(fixed);
    }
    let b = raw.as_bytes();
    let year_len = b.iter().take_while(|c| c.is_ascii_digit()).count();
    // `7575LIBREVILLE1895`: a doubled two-digit year.
    let (year_text, rest) = match year_len {
        2 => (raw.get(..2)?, raw.get(2..)?),
        4 if raw.get(..2) == raw.get(2..4) => (raw.get(..2)?, raw.get(4..)?),
        4 => (raw.get(..4)?, raw.get(4..)?),
        _ => return None,
    };
    let year = full_year(year_text)?;
    let rest = strip_section(rest);
    let rest = rest.replace('-', "");
    let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let station = rest.get(..letters)?;
    let tail = rest.get(letters..)?;
    let digits_len = tail.bytes().take_while(u8::is_ascii_digit).count();
    let mut serial = tail.get(..digits_len)?;
    let after = tail.get(digits_len..)?;
    // `08ACCRA001382SUSPECTEDDUPLICATE1392`: the later serial is the id.
    if let Some(dup) = after.strip_prefix("SUSPECTEDDUPLICATE") {
        if !dup.is_empty() && dup.bytes().all(|c| c.is_ascii_digit()) {
            serial = dup;
        }
    }
    if serial.is_empty() || station.is_empty() {
        return None;
    }
    // `06MADRID002583ZFR2585`, `90STATE255723TOSEC140328`: trailing debris.
    make_id(year, station, serial).and_then(|id| {
        if year_text.len() == 4 {
            CableId::parse(&format!("{year}{}{}", id.station(), id.serial()))
        } else {
            Some(id)
        }
    })
}

/// Drops a glued `SECTION 02 OF 03` (often misspelt: `SECTIO`, `SCTION`,
/// `ECTION`, `SECTION02F02`) from the front of an id's station part.
fn strip_section(rest: &str) -> &str {
    let b = rest.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let word = rest.get(..letters).unwrap_or("");
    let looks_like_section = (4..=8).contains(&letters)
        && [
            "ECTION", "SECTIO", "SCTION", "SECTIN", "SECION", "SECTON", "SQCTION", "SECTIKN",
        ]
        .iter()
        .any(|w| word.contains(w) || w.contains(word));
    if !looks_like_section {
        return rest;
    }
    // After the word: two digits, an `OF`-like pair of characters, two digits.
    let after = &b[letters..];
    if after.len() > 6
        && after[..2].iter().all(u8::is_ascii_alphanumeric)
        && after[..2].iter().any(u8::is_ascii_digit)
    {
        let mut i = 2;
        // `OF`, `GF`, `QF`, or a lone `F` (`02F02`).
        while i < 4 && after.get(i).is_some_and(|c| c.is_ascii_alphabetic()) {
            i += 1;
        }
        if after
            .get(i..i + 2)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
        {
            return rest.get(letters + i + 2..).unwrap_or(rest);
        }
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> String {
        canonical_id(s).map(|i| i.to_string()).unwrap_or_default()
    }

    #[test]
    fn aliases_are_sorted() {
        assert!(STATION_ALIASES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn canonical_ids() {
        for (raw, want) in [
            ("09SECSTATE1", "09STATE1"),
            ("05PARISFR1", "05UNESCOPARISFR1"),
            ("07PORT-AU-PRINCE12", "07PORTAUPRINCE12"),
            ("08SECTION01OF03CAIRO1416", "08CAIRO1416"),
            ("09SECTION0QF05HANOI297", "09HANOI297"),
            ("09SECTION02F02BRUSSELS1639", "09BRUSSELS1639"),
            ("06MADRID002583ZFR2585", "06MADRID2583"),
            ("7575LIBREVILLE1895", "75LIBREVILLE1895"),
            ("08ACCRA001382SUSPECTEDDUPLICATE1392", "08ACCRA1392"),
            ("09AMEMBASSYHANOI903", "09HANOI903"),
            ("05EMBASSYBLABLA1", "05BLABLA1"),
            ("1975ADDIS09462", "1975ADDIS9462"),
        ] {
            assert_eq!(id(raw), want, "{raw}");
        }
        for bad in ["", "STATE 1", "09", "09STATE", "x09STATE1"] {
            assert!(canonical_id(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn stations_and_years() {
        assert_eq!(
            canonical_station("Rio de Janeiro").as_deref(),
            Some("RIODEJANEIRO")
        );
        assert_eq!(canonical_station("N'DJAMENA").as_deref(), Some("NDJAMENA"));
        assert_eq!(full_year("094"), Some(1994));
        assert_eq!(full_year("2006"), Some(2006));
        assert_eq!(full_year("65"), Some(2065));
    }
}
