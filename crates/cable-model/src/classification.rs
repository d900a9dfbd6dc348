//! Classification: the banner, portion markings, caveats, and who classified
//! the cable for which reasons.

use std::fmt;

/// A classification level.
///
/// ```text
/// UNCLAS                      -> Unclassified
/// LIMITED OFFICIAL USE        -> LimitedOfficialUse
/// C O N F I D E N T I A L     -> Confidential
/// S E C R E T                 -> Secret
/// TOP SECRET                  -> TopSecret
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Level {
    /// `UNCLAS`, `UNCLASSIFIED`, `(U)`.
    Unclassified,
    /// `LIMITED OFFICIAL USE`, `(LOU)`.
    LimitedOfficialUse,
    /// `C O N F I D E N T I A L`, `(C)`.
    Confidential,
    /// `S E C R E T`, `(S)`.
    Secret,
    /// `TOP SECRET`, `(TS)`.
    TopSecret,
}

impl Level {
    /// The level's full name in capitals: `CONFIDENTIAL`.
    pub fn name(self) -> &'static str {
        match self {
            Level::Unclassified => "UNCLASSIFIED",
            Level::LimitedOfficialUse => "LIMITED OFFICIAL USE",
            Level::Confidential => "CONFIDENTIAL",
            Level::Secret => "SECRET",
            Level::TopSecret => "TOP SECRET",
        }
    }
    /// The portion-marking abbreviation: `C`.
    pub fn abbreviation(self) -> &'static str {
        match self {
            Level::Unclassified => "U",
            Level::LimitedOfficialUse => "LOU",
            Level::Confidential => "C",
            Level::Secret => "S",
            Level::TopSecret => "TS",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A handling caveat or dissemination control attached to a classification.
///
/// ```text
/// SECRET//NOFORN      -> Noforn
/// SIPDIS              -> Sipdis
/// (C/REL MTCR)        -> Rel("MTCR")
/// (SBU)               -> Sbu
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Caveat {
    /// `NOFORN`, `NF`: not releasable to foreign nationals.
    Noforn,
    /// `SIPDIS`: distributed on SIPRNet.
    Sipdis,
    /// `EXDIS`: exclusive distribution.
    Exdis,
    /// `NODIS`: no distribution beyond the addressees.
    Nodis,
    /// `LIMDIS`: limited distribution.
    Limdis,
    /// `SBU`: sensitive but unclassified.
    Sbu,
    /// `FOUO`, `FOR OFFICIAL USE ONLY`.
    Fouo,
    /// `ORCON`: originator controlled.
    Orcon,
    /// `REL MTCR`, `REL TO USA, GBR`: releasable to the named parties.
    Rel(String),
    /// Any other caveat, as written in capitals: `STADIS`, `CHEROKEE`.
    Other(String),
}

impl Caveat {
    /// The caveat as it is conventionally written: `NOFORN`, `REL MTCR`.
    pub fn name(&self) -> String {
        match self {
            Caveat::Noforn => "NOFORN".into(),
            Caveat::Sipdis => "SIPDIS".into(),
            Caveat::Exdis => "EXDIS".into(),
            Caveat::Nodis => "NODIS".into(),
            Caveat::Limdis => "LIMDIS".into(),
            Caveat::Sbu => "SBU".into(),
            Caveat::Fouo => "FOUO".into(),
            Caveat::Orcon => "ORCON".into(),
            Caveat::Rel(to) => format!("REL {to}"),
            Caveat::Other(s) => s.clone(),
        }
    }
}

impl fmt::Display for Caveat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

/// A classification marking: the cable's banner or a paragraph's portion
/// marking. `raw` keeps the text as written.
///
/// ```text
/// C O N F I D E N T I A L           -> Confidential, [], raw "C O N F I D E N T I A L"
/// SECRET//NOFORN                    -> Secret, [Noforn]
/// 2. (C/REL MTCR) BACKGROUND: ...   -> Confidential, [Rel("MTCR")], raw "C/REL MTCR"
/// 1. (SBU) ...                      -> Unclassified, [Sbu], raw "SBU"
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Marking {
    /// The level, when the marking names one (`(NF)` alone does not).
    pub level: Option<Level>,
    /// Caveats in the order written, without duplicates.
    pub caveats: Vec<Caveat>,
    /// The marking as written (for portion markings, without the parentheses).
    pub raw: String,
}

impl Marking {
    /// A marking with a level and no caveats.
    pub fn from_level(level: Level, raw: impl Into<String>) -> Marking {
        Marking {
            level: Some(level),
            caveats: Vec::new(),
            raw: raw.into(),
        }
    }
}

/// Who classified the cable.
///
/// ```text
/// Classified By: Acting Deputy Chief of Mission Marc Wall for Reasons 1.4 (b) and (d)
///   -> name "Marc Wall", title "Acting Deputy Chief of Mission"
/// Classified By: isn/mtr director Pam Durham.
///   -> name "Pam Durham", title "isn/mtr director"
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ClassifiedBy {
    /// The person's name as written: `Pam Durham`.
    pub name: Option<String>,
    /// The person's title or office as written: `isn/mtr director`.
    pub title: Option<String>,
    /// The whole line after `Classified By:`, wrapped lines joined.
    pub raw: String,
}

/// A classification reason of E.O. 12958/13526, normalised.
///
/// ```text
/// Reason: 1.4 (B), (D)     -> 1.4(b), 1.4(d)
/// reasons 1.5 (b) and (d)  -> 1.5(b), 1.5(d)
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Reason(String);

impl Reason {
    /// Builds `section(letter)`: `Reason::new("1.4", 'B')` is `1.4(b)`.
    /// The section must be digits with one dot, the letter ASCII.
    pub fn new(section: &str, letter: char) -> Option<Reason> {
        let (a, b) = section.split_once('.')?;
        let ok = |s: &str| !s.is_empty() && s.len() <= 3 && s.bytes().all(|c| c.is_ascii_digit());
        if !ok(a) || !ok(b) || !letter.is_ascii_alphabetic() {
            return None;
        }
        Some(Reason(format!(
            "{section}({})",
            letter.to_ascii_lowercase()
        )))
    }
    /// The reason as text: `1.4(b)`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons() {
        assert_eq!(Reason::new("1.4", 'B').unwrap().as_str(), "1.4(b)");
        assert!(Reason::new("14", 'b').is_none());
        assert!(Reason::new("1.4", '1').is_none());
    }
}
