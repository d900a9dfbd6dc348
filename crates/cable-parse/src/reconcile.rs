//! Reconciling the parsed cable with what its container said.
//!
//! The cable keeps what its text says; `cable.container` keeps what the
//! container says; disagreements become diagnostics:
//!
//! ```text
//! container id "7575LIBREVILLE1895"             -> malformed-container-id
//! text 09STATE17183, container 09STATE17184     -> container-id-mismatch
//! DTG 041236Z DEC 09, container 2009-12-04 12:12 -> container-date-bug (minutes = hour % 12)
//! banner CONFIDENTIAL, container SECRET         -> container-classification-mismatch
//! ```

use crate::blanks::Blanks;

use crate::ids::canonical_id;
use cable_model::{Cable, Code, ContainerMeta, Diagnostic, Level, Severity, Timestamp};

/// Copies the container metadata into the cable and records disagreements.
pub(crate) fn reconcile(cable: &mut Cable, container: &ContainerMeta) {
    cable.container = container.clone();
    let mut diags = Vec::new();
    reconcile_id(cable, container, &mut diags);
    reconcile_date(cable, container, &mut diags);
    malformed_date(container, &mut diags);
    reconcile_classification(cable, container, &mut diags);
    cable.diagnostics.extend(diags);
}

pub(crate) fn reconcile_id(
    cable: &mut Cable,
    container: &ContainerMeta,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(raw) = container
        .id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    else {
        return;
    };
    if cable_model::CableId::parse(raw).is_none() {
        diags.push(Diagnostic::new(
            Code::MalformedContainerId,
            None,
            format!("the container's id {raw:?} is not a well-formed reference id"),
        ));
    }
    let from_container = canonical_id(raw);
    match (&cable.id, from_container) {
        (None, Some(id)) => {
            diags.push(Diagnostic {
                code: Code::MissingId,
                severity: Severity::Info,
                line: None,
                message: format!("no id in the text; {id} taken from the container"),
            });
            cable.id = Some(id);
        }
        (Some(text_id), Some(id)) if *text_id != id => {
            diags.push(Diagnostic::new(
                Code::ContainerIdMismatch,
                None,
                format!("the text says {text_id}, the container {id}"),
            ));
        }
        _ => {}
    }
}

fn reconcile_date(cable: &Cable, container: &ContainerMeta, diags: &mut Vec<Diagnostic>) {
    let (Some(text), Some(cont)) = (
        cable.routing.dtg.as_ref().and_then(|d| d.utc),
        container.date,
    ) else {
        return;
    };
    if text == cont {
        return;
    }
    if is_minutes_bug(text, cont) {
        diags.push(Diagnostic::new(
            Code::ContainerDateBug,
            None,
            format!(
                "the container's date {cont} has the minutes-equal-hour bug; the DTG's {text} is kept"
            ),
        ));
    } else {
        diags.push(Diagnostic::new(
            Code::ContainerDateMismatch,
            None,
            format!("the DTG says {text}, the container {cont}"),
        ));
    }
}

/// A container date that is not a real date and time (`2/30/1972 9:30` in
/// cables.csv): kept as written, and reported.
fn malformed_date(container: &ContainerMeta, diags: &mut Vec<Diagnostic>) {
    if let (Some(raw), None) = (container.date_raw.as_deref(), container.date) {
        if !raw.trim_blanks().is_empty() {
            diags.push(Diagnostic::new(
                Code::MalformedContainerDate,
                None,
                format!("the container's date {raw:?} is not a real date and time"),
            ));
        }
    }
}

/// The id a record is known by: the container's (when it states one that
/// reads as an id), else the text's. A text that disagrees keeps its own
/// id in `Cable::id` and has a `container-id-mismatch` note.
pub(crate) fn record_id(cable: &Cable) -> Option<cable_model::CableId> {
    cable
        .container
        .id
        .as_deref()
        .and_then(canonical_id)
        .or_else(|| cable.id.clone())
}

/// The cablegate HTML builds of 2010-12 and early 2011 printed the hour
/// (12-hour clock) in place of the minutes: DTG `041236Z` became
/// `2009-12-04 12:12`, `110944Z` became `09:09`.
fn is_minutes_bug(text: Timestamp, cont: Timestamp) -> bool {
    let h = cont.hour();
    text.date() == cont.date()
        && text.hour() == h
        && (cont.minute() == h % 12 || cont.minute() == h || (h % 12 == 0 && cont.minute() == 12))
}

fn reconcile_classification(cable: &Cable, container: &ContainerMeta, diags: &mut Vec<Diagnostic>) {
    let Some(raw) = container
        .classification
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    else {
        return;
    };
    let Some(text_level) = cable.classification.as_ref().and_then(|m| m.level) else {
        return;
    };
    let Some(cont_level) = container_level(raw) else {
        return;
    };
    if cont_level != text_level {
        diags.push(Diagnostic::new(
            Code::ContainerClassificationMismatch,
            None,
            format!(
                "the banner says {}, the container {raw:?}",
                text_level.name()
            ),
        ));
    }
}

/// The level a container's classification names:
/// `UNCLASSIFIED//FOR OFFICIAL USE ONLY` -> Unclassified,
/// `CONFIDENTIAL//NOFORN` -> Confidential.
fn container_level(raw: &str) -> Option<Level> {
    let base = raw
        .split("//")
        .next()
        .unwrap_or(raw)
        .trim_blanks()
        .to_ascii_uppercase();
    Some(match base.as_str() {
        "UNCLASSIFIED" | "UNCLAS" => Level::Unclassified,
        "LIMITED OFFICIAL USE" => Level::LimitedOfficialUse,
        "CONFIDENTIAL" => Level::Confidential,
        "SECRET" => Level::Secret,
        "TOP SECRET" => Level::TopSecret,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use cable_model::{Date, Dtg, Marking};

    fn ts(d: u8, h: u8, m: u8) -> Timestamp {
        Timestamp::new(Date::new(2009, 12, d).unwrap(), h, m).unwrap()
    }

    fn codes(c: &Cable) -> Vec<Code> {
        c.diagnostics.iter().map(|d| d.code).collect()
    }

    #[test]
    fn ids() {
        let mut c = Cable::default();
        let meta = ContainerMeta {
            id: Some("7575LIBREVILLE1895".into()),
            ..Default::default()
        };
        reconcile(&mut c, &meta);
        assert_eq!(codes(&c).first(), Some(&Code::MalformedContainerId));
        assert_eq!(c.container, meta);

        let mut c = Cable::default();
        let meta = ContainerMeta {
            id: Some("09ISTANBUL440".into()),
            ..Default::default()
        };
        reconcile(&mut c, &meta);
        assert_eq!(c.id.as_ref().map(|i| i.as_str()), Some("09ISTANBUL440"));
        assert_eq!(codes(&c), [Code::MissingId]);
        assert_eq!(c.diagnostics[0].severity, Severity::Info);

        let mut c = Cable {
            id: cable_model::CableId::parse("09ISTANBUL441"),
            ..Default::default()
        };
        reconcile(&mut c, &meta);
        assert_eq!(codes(&c), [Code::ContainerIdMismatch]);
        assert_eq!(c.id.as_ref().map(|i| i.as_str()), Some("09ISTANBUL441"));
    }

    #[test]
    fn dates() {
        let with_dtg = |t: Timestamp| {
            let mut c = Cable::default();
            c.routing.dtg = Some(Dtg {
                raw: String::new(),
                utc: Some(t),
            });
            c
        };
        let meta = |t: Timestamp| ContainerMeta {
            date: Some(t),
            ..Default::default()
        };
        let mut c = with_dtg(ts(4, 12, 36));
        reconcile(&mut c, &meta(ts(4, 12, 12)));
        assert_eq!(codes(&c), [Code::ContainerDateBug]);
        let mut c = with_dtg(ts(11, 9, 44));
        reconcile(&mut c, &meta(ts(11, 9, 9)));
        assert_eq!(codes(&c), [Code::ContainerDateBug]);
        let mut c = with_dtg(ts(4, 18, 48));
        reconcile(&mut c, &meta(ts(4, 18, 6)));
        assert_eq!(codes(&c), [Code::ContainerDateBug]);
        let mut c = with_dtg(ts(4, 12, 36));
        reconcile(&mut c, &meta(ts(5, 12, 36)));
        assert_eq!(codes(&c), [Code::ContainerDateMismatch]);
        let mut c = with_dtg(ts(4, 12, 36));
        reconcile(&mut c, &meta(ts(4, 12, 36)));
        assert!(codes(&c).is_empty());
    }

    #[test]
    fn malformed_dates_and_record_ids() {
        let meta = ContainerMeta {
            id: Some("09LIMA12".into()),
            date_raw: Some("2/30/1972 9:30".into()),
            ..Default::default()
        };
        let mut c = Cable {
            id: cable_model::CableId::parse("09QUITO5"),
            ..Default::default()
        };
        reconcile(&mut c, &meta);
        assert_eq!(
            codes(&c),
            [Code::ContainerIdMismatch, Code::MalformedContainerDate]
        );
        assert_eq!(c.id.as_ref().map(|i| i.as_str()), Some("09QUITO5"));
        assert_eq!(
            record_id(&c).map(|i| i.to_string()).as_deref(),
            Some("09LIMA12")
        );
    }

    #[test]
    fn classifications() {
        let with = |l: Level| Cable {
            classification: Some(Marking::from_level(l, "")),
            ..Default::default()
        };
        let meta = |s: &str| ContainerMeta {
            classification: Some(s.into()),
            ..Default::default()
        };
        let mut c = with(Level::Unclassified);
        reconcile(&mut c, &meta("UNCLASSIFIED//FOR OFFICIAL USE ONLY"));
        assert!(codes(&c).is_empty());
        let mut c = with(Level::Confidential);
        reconcile(&mut c, &meta("CONFIDENTIAL//NOFORN"));
        assert!(codes(&c).is_empty());
        let mut c = with(Level::Confidential);
        reconcile(&mut c, &meta("SECRET"));
        assert_eq!(codes(&c), [Code::ContainerClassificationMismatch]);
    }
}
