//! Routing: precedence, the date-time group, originator and addressees, and
//! the ACP-127 transmission lines.

use crate::Timestamp;
use std::fmt;

/// A message precedence.
///
/// ```text
/// R -> Routine   P -> Priority   O -> Immediate   Z -> Flash
/// TO SECSTATE WASHDC IMMEDIATE 4460  -> Immediate
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Precedence {
    /// `R`, `ROUTINE`.
    Routine,
    /// `P`, `PRIORITY`.
    Priority,
    /// `O`, `IMMEDIATE` (also `NIACT IMMEDIATE`).
    Immediate,
    /// `Z`, `FLASH`.
    Flash,
}

impl Precedence {
    /// The precedence's name: `PRIORITY`.
    pub fn name(self) -> &'static str {
        match self {
            Precedence::Routine => "ROUTINE",
            Precedence::Priority => "PRIORITY",
            Precedence::Immediate => "IMMEDIATE",
            Precedence::Flash => "FLASH",
        }
    }
    /// The prosign letter: `P`.
    pub fn letter(self) -> char {
        match self {
            Precedence::Routine => 'R',
            Precedence::Priority => 'P',
            Precedence::Immediate => 'O',
            Precedence::Flash => 'Z',
        }
    }
}

impl fmt::Display for Precedence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Action and info precedence from the DTG line.
///
/// ```text
/// P R 242158Z FEB 09   -> action Priority, info Some(Routine)
/// O 110944Z SEP 07     -> action Immediate, info None
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PrecedencePair {
    /// Precedence for action addressees.
    pub action: Precedence,
    /// Precedence for info addressees, when a second letter is written.
    pub info: Option<Precedence>,
}

/// The date-time group of the message.
///
/// ```text
/// 242158Z FEB 09   -> raw "242158Z FEB 09", utc 2009-02-24T21:58:00Z
/// 281848Z DEC 66   -> 1966-12-28T18:48:00Z (two-digit years 66-99 are 19xx)
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Dtg {
    /// As written.
    pub raw: String,
    /// The instant, when the DTG is complete and valid.
    pub utc: Option<Timestamp>,
}

/// An originator or addressee line.
///
/// ```text
/// TO RUEHC/SECSTATE WASHDC IMMEDIATE 4460
///   -> route "RUEHC", name "SECSTATE WASHDC", precedence Immediate, serial "4460"
/// INFO MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE
///   -> name only
/// INFO ALL DIPLOMATIC AND CONSULAR POSTS PRIORITY
/// XMT USINT HAVANA
/// AMEMBASSY BELGRADE
///   -> name "ALL DIPLOMATIC AND CONSULAR POSTS", precedence Priority,
///      excluded ["USINT HAVANA", "AMEMBASSY BELGRADE"]
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Addressee {
    /// The routing indicator before the slash: `RUEHC`.
    pub route: Option<String>,
    /// The plain-language name: `SECSTATE WASHDC`.
    pub name: String,
    /// The per-addressee precedence, when written.
    pub precedence: Option<Precedence>,
    /// `NIACT` (night action) was written before the precedence.
    pub niact: bool,
    /// The per-addressee message serial: `4460` (kept as written, `0000` included).
    pub serial: Option<String>,
    /// Stations a collective addressee does not go to, in order: the
    /// `XMT` ("except") lines after it, `XMT USINT HAVANA` giving
    /// `USINT HAVANA` (plain-language names, read as addressee names are).
    pub excluded: Vec<String>,
}

/// Precedence, DTG, originator and addressees.
///
/// ```text
/// P R 242158Z FEB 09
/// FM SECSTATE WASHDC
/// TO AMEMBASSY CANBERRA PRIORITY
/// AMEMBASSY PARIS PRIORITY
/// INFO MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Routing {
    /// `P R`: action and info precedence.
    pub precedence: Option<PrecedencePair>,
    /// `242158Z FEB 09`.
    pub dtg: Option<Dtg>,
    /// Operating signals after the DTG: `ZFF4`.
    pub operating_signals: Vec<String>,
    /// `FM SECSTATE WASHDC`.
    pub from: Option<Addressee>,
    /// Action addressees after `TO`.
    pub to: Vec<Addressee>,
    /// Info addressees after `INFO`.
    pub info: Vec<Addressee>,
}

/// The ACP-127 transmission lines before the DTG.
///
/// ```text
/// VZCZCXRO4549                    -> id
/// OO RUEHRG                       -> relay
/// DE RUEHSW #0881/01 2540944      -> station RUEHSW, serial 881, section 1, filed "2540944"
/// ZNY SSSSS ZZH                   -> security
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Transmission {
    /// The start-of-message transmission id: `VZCZCXRO4549`.
    pub id: Option<String>,
    /// The precedence prosigns and relay routing indicators: `OO RUEHRG`.
    pub relay: Option<String>,
    /// The originating station's routing indicator on the `DE` line: `RUEHSW`.
    pub station: Option<String>,
    /// The station serial number on the `DE` line: `#0881` gives 881.
    pub serial: Option<u32>,
    /// The section on the `DE` line: `/01` gives 1.
    pub section: Option<u16>,
    /// The filing time on the `DE` line, Julian day and time: `2540944`.
    pub filed: Option<String>,
    /// The security warning line: `ZNY SSSSS ZZH`.
    pub security: Option<String>,
}
