//! The end of the header phase: the id from the banner, or, without a
//! usable banner, from the routing lines; the classification from the
//! ACP-127 security line when there is no banner; `Classified By` found in
//! the first paragraph; the stations that were repaired or not found; and
//! what a cable with routing lines lacks.

use crate::blanks::Blanks;

use super::{Header, classified_by};
use crate::ids;
use crate::source::Line;
use cable_model::{Code, Level, Marking};

/// The classification an ACP-127 security line states (ACP-127(G) §124, as
/// the cable format guide quotes it: `ZNR UUUUU` unclassified, `ZNY
/// CCCCC` confidential, `ZNY SSSSS` secret, `ZNY TTTTT` top secret).
fn security_level(line: &str) -> Option<Level> {
    let mut words = line.split_whitespace();
    let (op, code) = (words.next()?, words.next()?);
    Some(match (op, code) {
        ("ZNR", "UUUUU") => Level::Unclassified,
        ("ZNY", "CCCCC") => Level::Confidential,
        ("ZNY", "SSSSS") => Level::Secret,
        ("ZNY", "TTTTT") => Level::TopSecret,
        _ => return None,
    })
}

impl Header<'_, '_> {
    pub(super) fn finish(&mut self, body: &[Line<'_>]) {
        if self.has_transmission {
            self.cx.cable.transmission = Some(std::mem::take(&mut self.transmission));
        }
        if let Some((st, serial, no)) = self.banner_id.take() {
            let year = self.year();
            match year.and_then(|y| ids::make_id(&mut self.cx.stations, y, &st, &serial)) {
                Some(id) => self.cx.cable.id = Some(id),
                None => self.cx.diag(
                    Code::MissingId,
                    Some(no),
                    format!("no year for the banner id {st} {serial}"),
                ),
            }
        }
        if self.cx.cable.id.is_none() {
            self.id_from_routing();
        }
        if self.cx.cable.classification.is_none() {
            self.classification_from_security_line();
        }
        self.station_notes();
        self.classified_by_in_body(body);
        if self.cx.cable.classified_by.is_some() && self.cx.cable.reasons.is_empty() {
            self.cx
                .diag(Code::MissingReasons, None, "no classification reason read");
        }
        if self.seen_routing {
            self.missing_fields();
        }
    }

    /// Without a usable banner, the id of `DE RUEHLI #0123 0451530` (the
    /// station serial), the station of `FM AMEMBASSY LIMA` and the year of
    /// the DTG: `09LIMA123`.
    fn id_from_routing(&mut self) {
        let serial = self.cx.cable.transmission.as_ref().and_then(|t| t.serial);
        let from = self.cx.cable.routing.from.as_ref().map(|a| a.name.clone());
        let year = self
            .cx
            .cable
            .routing
            .dtg
            .as_ref()
            .and_then(|d| d.utc)
            .map(|t| t.date().year());
        let (Some(serial), Some(from), Some(year)) = (serial, from, year) else {
            return;
        };
        let id = ids::make_id(&mut self.cx.stations, year, &from, &serial.to_string());
        if let Some(id) = id {
            self.cx.diag(
                Code::DerivedFromRouting,
                None,
                format!("no banner id: {id} formed from the DE line's serial, the FM station and the DTG's year"),
            );
            self.cx.cable.id = Some(id);
        }
    }

    /// Without a banner, the classification of the security line.
    fn classification_from_security_line(&mut self) {
        let Some(line) = self
            .cx
            .cable
            .transmission
            .as_ref()
            .and_then(|t| t.security.clone())
        else {
            return;
        };
        if let Some(level) = security_level(&line) {
            self.cx.diag(
                Code::DerivedFromRouting,
                None,
                format!(
                    "no banner: the classification {} taken from the security line {line:?}",
                    level.name()
                ),
            );
            self.cx.cable.classification = Some(Marking::from_level(level, line.trim_blanks()));
        }
    }

    /// `1. (U) CLASSIFIED BY ...` inside the first paragraph.
    fn classified_by_in_body(&mut self, body: &[Line<'_>]) {
        if self.cx.cable.classified_by.is_some() {
            return;
        }
        let lines: Vec<&str> = body.iter().take(12).map(|l| l.text.as_ref()).collect();
        let joined = lines.join("\n");
        let para = joined.split("\n\n").next().unwrap_or("");
        let lower = para.to_ascii_lowercase();
        if let Some(i) = lower.find("classified by") {
            let after = para.get(i + 13..).unwrap_or("");
            let (cb, reasons) = classified_by::classified_by(after.trim_start_matches(':'));
            if cb.name.is_some() {
                self.cx.cable.classified_by = Some(cb);
                self.cx.cable.reasons = reasons;
            }
        }
    }

    /// One `unknown-station` note naming the stations (banner, REF lines,
    /// FM line) that match no post, and one `repaired-station` note naming
    /// those read as a post after a repair.
    fn station_notes(&mut self) {
        let mut unknown = Vec::new();
        let mut repaired = Vec::new();
        for (written, st) in self.cx.stations.notable() {
            if st.how == crate::stations::Match::Unknown {
                unknown.push(st.name.clone());
            } else {
                repaired.push(format!("{written} as {}", st.name));
            }
        }
        if !unknown.is_empty() {
            let msg = format!("station(s) not in the gazetteer: {}", unknown.join(", "));
            self.cx.diag(Code::UnknownStation, None, msg);
        }
        if !repaired.is_empty() {
            let msg = format!("station(s) repaired: {}", repaired.join(", "));
            self.cx.diag(Code::RepairedStation, None, msg);
        }
    }

    /// What a cable with routing lines lacks.
    fn missing_fields(&mut self) {
        let c = &self.cx.cable;
        let missing = [
            (
                c.banner.is_none(),
                Code::MissingBanner,
                "no classification banner",
            ),
            (c.tags.is_empty(), Code::MissingTags, "no TAGS line"),
            (c.subject.is_none(), Code::MissingSubject, "no SUBJECT line"),
            (
                c.routing.dtg.is_none(),
                Code::MissingDtg,
                "no date-time group",
            ),
            (c.routing.from.is_none(), Code::MissingFrom, "no FM line"),
            (
                c.executive_order.is_none(),
                Code::MissingExecutiveOrder,
                "no E.O. line",
            ),
        ];
        for (lacks, code, msg) in missing {
            if lacks {
                self.cx.diag(code, None, msg);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn security_lines() {
        assert_eq!(security_level("ZNY CCCCC ZZH"), Some(Level::Confidential));
        assert_eq!(security_level("ZNR UUUUU ZZH"), Some(Level::Unclassified));
        assert_eq!(security_level("ZNY SSSSS ZZH"), Some(Level::Secret));
        assert_eq!(security_level("ZNY RRRRR ZZH"), None);
    }
}
