//! Routing lines: ACP-127 transmission lines, the precedence + DTG line,
//! `FM`, `TO`, `INFO` and addressees.

use crate::blanks::Blanks;

use super::segments::Seg;
use super::{Header, Open, Step, xmt};
use cable_model::{
    Addressee, Code, Date, Dtg, Precedence, PrecedencePair, Timestamp, Transmission,
};
use regex::Regex;
use std::collections::VecDeque;
use std::sync::LazyLock;

/// `P R 242158Z FEB 09`, `O 110944Z SEP 07 ZFF4`, `061601Z MAY 78`,
/// `R 172106 Z APR 73`, and a collapsed header after the DTG. The rest of
/// the line is what follows the match, after its blanks: the regex stops at
/// the DTG, so matching with captures does not walk a long collapsed line.
/// `P 142049Z AUG 09`, `O R 142049Z AUG 09`: the precedence letters and
/// the date-time group. Also as typed or transmitted with blanks lost or
/// added (`P142049Z AUG 09`, `P 14 2049Z AUG 09`, `142049ZAUG09`) and the
/// month in full or in lower case (`AUGUST`, `Aug`, `SEPT`); the month is
/// checked by [`dtg_utc`].
static DTG_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:([ZOPR])\s*(?:([ZOPR])\s+)?)?(\d{2}\s?\d{4}\s?Z\s*[A-Za-z]{3,9}\s*\d{2,4})(?-u:\b)",
    )
    .expect("valid regex")
});

static DTG_PARTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{2})\s?(\d{2})(\d{2})\s?Z\s*([A-Za-z]{3,9})\s*(\d{2,4})$")
        .expect("valid regex")
});

/// `DE RUEHSW #0881/01 2540944`: a routing indicator (`R...`) and nothing
/// else on the line, so a signer such as `DE PREE` is not taken for one.
static DE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^DE (R[A-Z]{3,6})\s*(?:#(\d{1,6})(?:/(\d{1,3}))?)?(?:\s+(\d{7}))?\s*$")
        .expect("valid regex")
});

/// `OO RUEHRG`, `RR RUEHWEB RUEHDE`: precedence prosigns and relay indicators.
static RELAY_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ZOPR]{1,2}(?: R[A-Z]{3,6}){1,12}$").expect("valid regex"));

/// What one routing line is.
#[derive(Debug)]
pub(crate) enum RoutingLine<'t> {
    /// `VZCZCXRO4549`.
    TransmissionId(&'t str),
    /// `OO RUEHRG` (only recognised before the DTG).
    Relay(&'t str),
    /// `DE RUEHSW #0881/01 2540944`.
    De {
        station: String,
        serial: Option<u32>,
        section: Option<u16>,
        filed: Option<String>,
    },
    /// `ZNY CCCCC ZZH`, `ZNR UUUUU ZZH`.
    Security(&'t str),
    /// The precedence + DTG line, with the rest of the line (operating
    /// signals, or a collapsed `FM ... TO ...` header).
    Dtg {
        precedence: Option<PrecedencePair>,
        dtg: Dtg,
        valid: bool,
        rest: &'t str,
    },
}

/// Classifies an ACP-127 or DTG line; `None` for anything else.
pub(crate) fn routing_line(t: &str) -> Option<RoutingLine<'_>> {
    if t.starts_with("VZCZC") && !t.contains(' ') {
        return Some(RoutingLine::TransmissionId(t));
    }
    if (t.starts_with("ZNY ") || t.starts_with("ZNR ")) && t.len() <= 20 {
        return Some(RoutingLine::Security(t));
    }
    // Cheap tests of the first byte before any regex: the DE line starts
    // with `DE `, relay and DTG lines with a precedence letter or a digit
    // (`\d` also takes non-ASCII digits, so non-ASCII bytes go on).
    let first = t.as_bytes().first().copied().unwrap_or(0);
    let de = t.starts_with("DE ");
    let precedence = matches!(first, b'Z' | b'O' | b'P' | b'R');
    if !de && !precedence && !first.is_ascii_digit() && first < 0x80 {
        return None;
    }
    // After a precedence letter comes a blank (DTG line) or a second
    // letter or blank (relay line), or the DTG's digits when the blank
    // was lost (`P142049Z`); `\s` also takes non-ASCII blanks.
    let second = t.as_bytes().get(1).copied().unwrap_or(b' ');
    if !de
        && precedence
        && !(second.is_ascii_whitespace()
            || second == 0x0b
            || second.is_ascii_digit()
            || matches!(second, b'Z' | b'O' | b'P' | b'R')
            || second >= 0x80)
    {
        return None;
    }
    if let Some(c) = de.then(|| DE_LINE.captures(t)).flatten() {
        return Some(RoutingLine::De {
            station: c.get(1).map_or("", |m| m.as_str()).to_owned(),
            serial: c.get(2).and_then(|m| m.as_str().parse().ok()),
            section: c.get(3).and_then(|m| m.as_str().parse().ok()),
            filed: c.get(4).map(|m| m.as_str().to_owned()),
        });
    }
    if precedence && RELAY_LINE.is_match(t) {
        return Some(RoutingLine::Relay(t));
    }
    let c = DTG_LINE.captures(t)?;
    let letter = |i: usize| {
        c.get(i)
            .and_then(|m| m.as_str().chars().next())
            .and_then(precedence_letter)
    };
    let precedence = letter(1).map(|action| PrecedencePair {
        action,
        info: letter(2),
    });
    let raw = c.get(3).map_or("", |m| m.as_str()).to_owned();
    let utc = dtg_utc(&raw);
    Some(RoutingLine::Dtg {
        precedence,
        valid: utc.is_some(),
        dtg: Dtg { raw, utc },
        // `\s*(.*)$` after the DTG: a line holds no `\n`, so that is the
        // rest of the line without its leading white space.
        rest: t
            .get(c.get(0).map_or(t.len(), |m| m.end())..)
            .unwrap_or("")
            .trim_start_blanks(),
    })
}

fn precedence_letter(c: char) -> Option<Precedence> {
    match c {
        'R' => Some(Precedence::Routine),
        'P' => Some(Precedence::Priority),
        'O' => Some(Precedence::Immediate),
        'Z' => Some(Precedence::Flash),
        _ => None,
    }
}

/// `242158Z FEB 09` -> 2009-02-24T21:58:00Z; two-digit years 66-99 are
/// 19xx, 00-65 20xx.
pub(crate) fn dtg_utc(raw: &str) -> Option<Timestamp> {
    let c = DTG_PARTS.captures(raw)?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u16>().ok());
    let (day, hour, minute) = (num(1)?, num(2)?, num(3)?);
    let month = month_word(c.get(4)?.as_str())?;
    let y = num(5)?;
    let year = match c.get(5)?.as_str().len() {
        2 if y >= 66 => 1900 + y,
        2 => 2000 + y,
        _ => y,
    };
    let date = Date::new(year, month, u8::try_from(day).ok()?)?;
    Timestamp::new(date, u8::try_from(hour).ok()?, u8::try_from(minute).ok()?)
}

/// `FEB`, `February`, `Sept` -> the month's number: its three letters,
/// its English name or `SEPT`, in any case (a DTG's month, an E.O. date's).
pub(crate) fn month_word(m: &str) -> Option<u8> {
    let upper = m.to_ascii_uppercase();
    if upper == "SEPT" {
        return Some(9);
    }
    if upper.len() > 3 && !super::press_date::is_month_name(&upper) {
        return None;
    }
    month_number(upper.get(..3)?)
}

/// `FEB` -> 2.
pub(crate) fn month_number(m: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ];
    let m = m.to_ascii_uppercase();
    MONTHS
        .iter()
        .position(|x| *x == m)
        .and_then(|i| u8::try_from(i + 1).ok())
}

/// Fills a transmission record from one ACP-127 line.
pub(crate) fn apply_transmission(t: &mut Transmission, line: RoutingLine<'_>) {
    match line {
        RoutingLine::TransmissionId(id) => t.id = Some(id.to_owned()),
        RoutingLine::Relay(r) => {
            t.relay = Some(match t.relay.take() {
                Some(prev) => format!("{prev} {r}"),
                None => r.to_owned(),
            });
        }
        RoutingLine::De {
            station,
            serial,
            section,
            filed,
        } => {
            t.station = Some(station);
            t.serial = serial;
            t.section = section;
            t.filed = filed;
        }
        RoutingLine::Security(s) => t.security = Some(s.to_owned()),
        RoutingLine::Dtg { .. } => {}
    }
}

/// `RUEHTH/AMEMBASSY ATHENS 0121`, `SECSTATE WASHDC NIACT IMMEDIATE 4460`,
/// `USCINCPAC HONOLULU HI//POLAD//` -> an [`Addressee`].
/// `None` for an empty line or a page-break remnant.
pub(crate) fn addressee(text: &str) -> Option<Addressee> {
    let text = text.trim_blanks().trim_end_matches(',');
    if text.is_empty() {
        return None;
    }
    let (route, rest) = match text.split_once('/') {
        Some((r, rest))
            if (4..=8).contains(&r.len())
                && r.starts_with('R')
                && r.bytes().all(|b| b.is_ascii_uppercase()) =>
        {
            (Some(r.to_owned()), rest)
        }
        _ => (None, text),
    };
    let mut words: Vec<&str> = rest.split_whitespace().collect();
    let mut serial = None;
    if let Some(last) = words.last() {
        if last.len() >= 4 && last.bytes().all(|b| b.is_ascii_digit()) && words.len() > 1 {
            serial = Some((*last).to_owned());
            words.pop();
        }
    }
    let mut precedence = None;
    let mut niact = false;
    if let Some(last) = words.last() {
        precedence = match *last {
            "ROUTINE" => Some(Precedence::Routine),
            "PRIORITY" => Some(Precedence::Priority),
            "IMMEDIATE" => Some(Precedence::Immediate),
            "FLASH" => Some(Precedence::Flash),
            _ => None,
        };
        if precedence.is_some() && words.len() > 1 {
            words.pop();
            if words.last() == Some(&"NIACT") && words.len() > 1 {
                niact = true;
                words.pop();
            }
        } else {
            precedence = None;
        }
    }
    let name = words.join(" ");
    // A lone letter is debris (`C` before the banner `SE C R E T ...` glued
    // to it), not an addressee: the caller reports it.
    if name.is_empty() || (route.is_none() && name.len() < 2) {
        return None;
    }
    Some(Addressee {
        route,
        name,
        precedence,
        niact,
        serial,
        excluded: Vec::new(),
    })
}

/// `INFO OCT-01 ADP-00 SS-15 RSC-01 /035 R`: the distribution block of a
/// 1970s PlusD page, not an addressee.
pub(super) fn is_plusd_info(t: &str) -> bool {
    let Some(rest) = t.strip_prefix("INFO").or_else(|| t.strip_prefix("ACTION")) else {
        return false;
    };
    let rest = rest.trim_start_blanks();
    if rest.len() == t.len() {
        return false;
    }
    let word_end = rest
        .find(|c: char| !c.is_ascii_uppercase())
        .unwrap_or(rest.len());
    (1..=6).contains(&word_end)
        && rest.get(word_end..word_end + 1) == Some("-")
        && rest
            .get(word_end + 1..word_end + 3)
            .is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit()))
        && rest
            .get(word_end + 3..)
            .is_none_or(|r| !r.starts_with(|c: char| c.is_alphanumeric()))
}

impl<'s> Header<'_, '_> {
    /// Routing: ACP-127 transmission lines and the DTG line before the
    /// banner, `FM`, and the `TO`, `INFO` and `XMT` blocks.
    pub(super) fn routing(
        &mut self,
        seg: &Seg<'s>,
        t: &'s str,
        queue: &mut VecDeque<Seg<'s>>,
    ) -> Option<Step> {
        // A bare level word atop the page (`CONFIDENTIAL⏎PAGE 01 ...⏎P R
        // 061507Z AUG 75⏎FM ...`) is no banner to routing.
        let before_banner = (!self.seen_banner || self.bare_top_banner) && !self.seen_fields;
        if before_banner && !matches!(self.open, Open::To | Open::Info | Open::Xmt) {
            if let Some(rl) = routing_line(t) {
                self.routing_line(seg, rl, queue);
                return Some(Step::Next);
            }
        }
        if let Some(rest_fm) = t.strip_prefix("FM ") {
            self.close_open();
            self.seen_routing = true;
            self.addressee_block = Open::None;
            self.cx.cable.routing.from = addressee(rest_fm);
            return Some(Step::Next);
        }
        // `Classified By: AMBASSADOR` / `TO THE OSCE JANE ROE`: a wrapped
        // title, not an addressee line.
        // After a bare level word atop the page, a `TO` or `INFO` block
        // only once a DTG or `FM` line began the routing.
        let after_bare_top = self.bare_top_banner && self.seen_routing && !self.seen_fields;
        // After the banner, an addressee block the routing did not give
        // (a partial extract: `C O N F I D E N T I A L MADRID 001178` /
        // `INFO EUROPEAN POLITICAL COLLECTIVE PRIORITY` / `AMEMBASSY BOGOTA
        // PRIORITY`), when its first line ends in a precedence.
        let block_after_banner = self.seen_banner
            && !self.seen_fields
            && self.open != Open::ClassifiedBy
            && self.addressee_after_banner(t);
        if (self.seen_banner && !after_bare_top && !block_after_banner)
            || self.open == Open::ClassifiedBy
        {
            return None;
        }
        for (kw, open) in [("TO ", Open::To), ("INFO ", Open::Info)] {
            if let Some(r) = t.strip_prefix(kw) {
                self.close_open();
                if is_plusd_info(t) {
                    self.open = Open::PlusDist;
                    return Some(Step::Next);
                }
                // A block after the banner is no routing header: what a
                // routing header lacks is not asked of it.
                self.seen_routing |= !block_after_banner;
                self.open = open;
                self.addressee_block = open;
                if !r.trim_start_blanks().starts_with("PAGE ") {
                    self.addressee_line(r, Some(seg.no));
                }
                return Some(Step::Next);
            }
        }
        if let Some(stations) = xmt::line(t) {
            self.close_open();
            self.seen_routing = true;
            self.open = Open::Xmt;
            self.addressee_line(stations, Some(seg.no));
            return Some(Step::Next);
        }
        None
    }

    /// Whether `t` opens an addressee block after the banner: `TO` or
    /// `INFO` and an addressee with a precedence, for a block the routing
    /// has no addressee in yet.
    fn addressee_after_banner(&self, t: &str) -> bool {
        let (rest, empty) = if let Some(r) = t.strip_prefix("TO ") {
            (r, self.cx.cable.routing.to.is_empty())
        } else if let Some(r) = t.strip_prefix("INFO ") {
            (r, self.cx.cable.routing.info.is_empty())
        } else {
            return false;
        };
        empty
            && !is_plusd_info(t)
            && addressee(rest).is_some_and(|a| a.precedence.is_some() && a.route.is_none())
    }

    /// One ACP-127 line or the DTG line.
    fn routing_line(&mut self, seg: &Seg<'s>, rl: RoutingLine<'s>, queue: &mut VecDeque<Seg<'s>>) {
        let RoutingLine::Dtg {
            precedence,
            dtg,
            valid,
            rest: tail,
        } = rl
        else {
            if !self.seen_routing {
                self.has_transmission = true;
                apply_transmission(&mut self.transmission, rl);
            }
            return;
        };
        self.close_open();
        if !valid {
            self.cx.diag(
                Code::MalformedDtg,
                Some(seg.no),
                format!("date-time group {:?} is not a valid date and time", dtg.raw),
            );
        }
        self.addressee_block = Open::None;
        let r = &mut self.cx.cable.routing;
        r.precedence = precedence.or(r.precedence);
        r.dtg = Some(dtg);
        self.seen_routing = true;
        let tail = tail.trim_blanks();
        if tail.starts_with("FM ") {
            // A header collapsed onto one line: cut at FM, TO, INFO, XMT.
            let mut parts = Vec::new();
            let mut s = 0;
            for (i, _) in tail.match_indices(' ') {
                let after = tail.get(i + 1..).unwrap_or("");
                if ["FM ", "TO ", "INFO ", "XMT "]
                    .iter()
                    .any(|k| after.starts_with(k))
                {
                    parts.push(tail.get(s..i).unwrap_or(""));
                    s = i + 1;
                }
            }
            parts.push(tail.get(s..).unwrap_or(""));
            for p in parts.into_iter().rev() {
                queue.push_front(Seg {
                    idx: seg.idx,
                    no: seg.no,
                    text: p,
                });
            }
        } else {
            self.cx.cable.routing.operating_signals.extend(
                tail.split_whitespace()
                    .filter(|w| w.starts_with('Z'))
                    .map(str::to_owned),
            );
        }
    }

    /// A line continuing the open `TO`/`INFO`/`XMT` block or a PlusD
    /// distribution block.
    pub(super) fn addressee_continuation(
        &mut self,
        seg: &Seg<'_>,
        t: &str,
        body_start: bool,
    ) -> Option<Step> {
        match self.open {
            Open::To | Open::Info | Open::Xmt
                if !body_start && !t.chars().any(char::is_lowercase) =>
            {
                if !t.starts_with("PAGE ") {
                    self.addressee_line(t, Some(seg.no));
                }
                Some(Step::Next)
            }
            Open::PlusDist => Some(Step::Next),
            _ => None,
        }
    }

    /// The text of a `TO`, `INFO` or `XMT` line after its keyword, or a
    /// line continuing the block: an addressee, or in an `XMT` block an
    /// excluded station ([`xmt`]). An `XMT` in the line
    /// (`ALL DIPLOMATIC POSTS XMT USINT HAVANA`, `INFO XMT USINT HAVANA`)
    /// opens an `XMT` block there.
    fn addressee_line(&mut self, t: &str, no: Option<u32>) {
        let (t, stations) = xmt::split(t);
        if self.open == Open::Xmt {
            self.exclude(t, no);
        } else {
            self.push_addressee(t, no);
        }
        if let Some(stations) = stations {
            self.open = Open::Xmt;
            self.exclude(stations, no);
        }
    }

    /// An addressee of the open `TO` or `INFO` block.
    fn push_addressee(&mut self, t: &str, no: Option<u32>) {
        match addressee(t) {
            Some(a) => match self.open {
                Open::To => self.cx.cable.routing.to.push(a),
                Open::Info => self.cx.cable.routing.info.push(a),
                _ => {}
            },
            None if !t.trim_blanks().is_empty() => {
                self.cx.diag(
                    Code::MalformedAddressee,
                    no,
                    format!("addressee {t:?} not read"),
                );
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dtgs() {
        assert_eq!(
            dtg_utc("242158Z FEB 09").unwrap().to_string(),
            "2009-02-24T21:58:00Z"
        );
        assert_eq!(
            dtg_utc("172106 Z APR 73").unwrap().to_string(),
            "1973-04-17T21:06:00Z"
        );
        assert!(dtg_utc("322158Z FEB 09").is_none());
        // Blanks lost or added; the month in full, in lower case, `SEPT`.
        for raw in [
            "142049ZAUG09",
            "142049Z AUG09",
            "14 2049Z AUG 09",
            "142049Z AUGUST 09",
            "142049Z Aug 2009",
            "142049Z SEPT 09",
        ] {
            let want = if raw.contains("SEPT") {
                "2009-09-14T20:49:00Z"
            } else {
                "2009-08-14T20:49:00Z"
            };
            assert_eq!(
                dtg_utc(raw).map(|t| t.to_string()).as_deref(),
                Some(want),
                "{raw}"
            );
        }
        assert!(dtg_utc("142049Z AUGUSTA 09").is_none());
        assert!(matches!(
            routing_line("P142049Z AUG 09"),
            Some(RoutingLine::Dtg { valid: true, .. })
        ));
        let Some(RoutingLine::Dtg {
            precedence, rest, ..
        }) = routing_line("O 110944Z SEP 07 ZFF4")
        else {
            panic!("not a DTG line")
        };
        assert_eq!(precedence.unwrap().action, Precedence::Immediate);
        assert_eq!(rest, "ZFF4");
    }

    #[test]
    fn addressees() {
        assert!(addressee("C").is_none());
        let a = addressee("RUEHC/SECSTATE WASHDC NIACT IMMEDIATE 4460").unwrap();
        assert_eq!(a.route.as_deref(), Some("RUEHC"));
        assert_eq!(a.name, "SECSTATE WASHDC");
        assert_eq!(a.precedence, Some(Precedence::Immediate));
        assert!(a.niact);
        assert_eq!(a.serial.as_deref(), Some("4460"));
        let a = addressee("USCINCPAC HONOLULU HI//POLAD//").unwrap();
        assert_eq!(a.name, "USCINCPAC HONOLULU HI//POLAD//");
        assert!(a.route.is_none());
    }
}
