//! Text files: a cable as text, possibly behind the alx-txt preamble.
//!
//! ```text
//! 85BEIRUT1013                      <- reference id
//! FURTHER ON HIZBALLAH "MANIFESTO"  <- title
//! Tue Feb 19 00:00:00 +0100 1985    <- Ruby Time#to_s
//! UNCLASSIFIED                      <- classification
//! Embassy Beirut                    <- origin
//! O 191237Z FEB 85                  <- the cable text starts here
//! ```

use crate::detect::{self, Kind};
use crate::encoding;
use crate::member::Ctx;
use crate::meta;
use crate::sink::{Sink, Stop};
use cable_model::{ContainerKind, ContainerMeta};

/// Emits a text member as a record (or skips it when it is a member that
/// does not look like a telegram).
pub(crate) fn read(sink: &mut Sink<'_>, bytes: &[u8], ctx: Ctx) -> Result<(), Stop> {
    let mut decoded = encoding::decode(bytes);
    if !ctx.explicit && !detect::looks_like_cable(&decoded.text) {
        return sink.skipped(
            ctx.provenance,
            "not a cable (fewer than 3 lines, or no telegram marker such as TAGS, SUBJECT, FM or a classification)",
        );
    }
    let mut notes = Vec::new();
    let meta = match alx_preamble(&decoded.text) {
        Some((meta, title, offset)) => {
            notes.push(format!("alx-txt preamble; title {title:?}"));
            if let Some(note) = meta.id.as_deref().and_then(meta::id_note) {
                notes.push(note);
            }
            decoded.text = decoded.text.get(offset..).unwrap_or_default().to_string();
            meta
        }
        None => ContainerMeta {
            kind: ContainerKind::Text,
            ..ContainerMeta::default()
        },
    };
    sink.record(ctx.provenance, meta, decoded, Kind::Text, notes)
}

/// Reads the 5-line alx-txt preamble: the metadata, the title, and the
/// byte offset where the cable text starts.
fn alx_preamble(text: &str) -> Option<(ContainerMeta, String, usize)> {
    let mut lines = Vec::with_capacity(5);
    let mut offset = 0;
    for _ in 0..5 {
        let rest = text.get(offset..)?;
        let end = rest.find('\n')?;
        lines.push(rest.get(..end)?.trim_end_matches('\r'));
        offset += end + 1;
    }
    let [id, title, time, classification, origin] = lines.as_slice() else {
        return None;
    };
    let id_ok = !id.is_empty() && id.len() <= 48 && id.bytes().all(|b| b.is_ascii_alphanumeric());
    let date = meta::parse_ruby_time(time)?;
    let class_ok = !classification.is_empty()
        && classification
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b" /".contains(&b));
    if !id_ok || !class_ok || origin.trim().is_empty() {
        return None;
    }
    let meta = ContainerMeta {
        kind: ContainerKind::Text,
        id: Some((*id).to_string()),
        date_raw: Some((*time).to_string()),
        date: Some(date),
        origin: Some(origin.trim().to_string()),
        classification: Some((*classification).to_string()),
        title: Some((*title).to_string()),
        ..ContainerMeta::default()
    };
    Some((meta, (*title).to_string(), offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preamble() {
        let text = "85BEIRUT1013\nFURTHER ON \"MANIFESTO\"\nTue Feb 19 00:00:00 +0100 1985\nUNCLASSIFIED\nEmbassy Beirut\nO 191237Z FEB 85\n";
        let (meta, title, offset) = alx_preamble(text).unwrap();
        assert_eq!(meta.id.as_deref(), Some("85BEIRUT1013"));
        assert_eq!(meta.origin.as_deref(), Some("Embassy Beirut"));
        assert_eq!(meta.classification.as_deref(), Some("UNCLASSIFIED"));
        assert_eq!(title, "FURTHER ON \"MANIFESTO\"");
        assert_eq!(&text[offset..], "O 191237Z FEB 85\n");
        assert!(
            alx_preamble("O 191237Z FEB 85\nFM AMEMBASSY BEIRUT\nTO SECSTATE\nINFO X\nY\nZ\n")
                .is_none()
        );
    }
}
