//! `index.jsonl`: one JSON line per input item, in input order.
//!
//! ## Wire format
//!
//! ```text
//! {"seq":0,"input":"cables.csv","row":1,"id":"09STATE17183","status":"ok",
//!  "outputs":{"md":"md/2009/09STATE17183.md","yaml":"yaml/2009/09STATE17183.yaml"},
//!  "sizes":{"md":5120,"yaml":9731},"crc32":{"md":"1c291ca3","yaml":"8f0e2b11"},
//!  "source_crc32":"5d41402a",
//!  "diagnostics":{"error":0,"warning":1,"info":4,"codes":{"missing-signer":1,...}},
//!  "title":"Missile Technology Control Regime …","date":"2009-02-24T21:58:00Z",
//!  "tags":["MTCRE","PARM"],"origin":"Secretary of State"}
//! {"seq":1,"input":"cables.zip","member":"a/b.bin","status":"skipped","message":"not a cable (binary file)"}
//! {"seq":2,"input":"cables.zip","member":"a/c.txt","status":"failed","message":"internal error: ..."}
//! ```
//!
//! (each record on one line). Keys appear in this order; absent optional
//! keys are left out; `outputs` and `codes` are sorted by key. `seq` counts
//! items across all inputs from 0. Paths are relative to the output root
//! and `/`-separated. `sizes` and `crc32` describe each output file and
//! `source_crc32` the record's text, so that `--resume` can tell a
//! complete output of the same text from a file a crash cut short or an
//! input that changed. Lines are written in `seq` order, so the file of an
//! interrupted run is a prefix of the full one (its last line possibly
//! torn).

use cable_archive::Provenance;
use cable_model::{Cable, Severity};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What became of an input item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Status {
    /// Converted to every requested format.
    Ok,
    /// Could not be read or converted: see `message`.
    Failed,
    /// Deliberately not converted (not a cable): see `message`.
    Skipped,
}

/// Diagnostic counts of one cable, by severity and by code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct DiagnosticCounts {
    pub(crate) error: u32,
    pub(crate) warning: u32,
    pub(crate) info: u32,
    pub(crate) codes: BTreeMap<String, u32>,
}

impl DiagnosticCounts {
    /// Counts the diagnostics of `cable`.
    pub(crate) fn of(cable: &Cable) -> DiagnosticCounts {
        let mut counts = DiagnosticCounts::default();
        for d in &cable.diagnostics {
            match d.severity {
                Severity::Error => counts.error += 1,
                Severity::Warning => counts.warning += 1,
                Severity::Info => counts.info += 1,
            }
            *counts.codes.entry(d.code.name().to_owned()).or_default() += 1;
        }
        counts
    }
}

/// One line of the index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Line {
    pub(crate) seq: u64,
    pub(crate) input: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) member: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) row: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) id: Option<String>,
    pub(crate) status: Status,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) outputs: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) sizes: BTreeMap<String, u64>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) crc32: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) source_crc32: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) diagnostics: Option<DiagnosticCounts>,
    /// `ok` lines: title, date, tags and origin, for the index pages (`site`).
    #[serde(flatten)]
    pub(crate) listing: Option<crate::site::Listing>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) message: Option<String>,
}

impl Line {
    /// A line for the item `seq` from `prov`, with no outcome yet.
    pub(crate) fn new(seq: u64, prov: &Provenance, status: Status) -> Line {
        Line {
            seq,
            input: prov.input.to_string_lossy().into_owned(),
            member: prov.member.clone(),
            row: prov.row,
            id: None,
            status,
            outputs: BTreeMap::new(),
            sizes: BTreeMap::new(),
            crc32: BTreeMap::new(),
            source_crc32: None,
            diagnostics: None,
            listing: None,
            message: None,
        }
    }

    /// Whether this line describes the item `seq` from `prov`.
    pub(crate) fn is_for(&self, seq: u64, prov: &Provenance) -> bool {
        self.seq == seq
            && self.input == prov.input.to_string_lossy()
            && self.member == prov.member
            && self.row == prov.row
    }

    /// The line as JSON, with its newline.
    pub(crate) fn to_json(&self) -> String {
        let mut s = serde_json::to_string(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Reads one line; `None` for a torn or foreign line.
    pub(crate) fn from_json(text: &str) -> Option<Line> {
        serde_json::from_str(text).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn round_trips_with_stable_key_order() {
        let prov = Provenance {
            input: PathBuf::from("cables.csv"),
            member: None,
            row: Some(3),
            offset: Some(99),
        };
        let mut line = Line::new(2, &prov, Status::Ok);
        line.id = Some("09STATE17183".into());
        line.outputs
            .insert("yaml".into(), "yaml/2009/09STATE17183.yaml".into());
        line.outputs
            .insert("md".into(), "md/2009/09STATE17183.md".into());
        line.diagnostics = Some(DiagnosticCounts {
            warning: 1,
            ..Default::default()
        });
        let json = line.to_json();
        assert_eq!(
            json,
            "{\"seq\":2,\"input\":\"cables.csv\",\"row\":3,\"id\":\"09STATE17183\",\"status\":\"ok\",\
             \"outputs\":{\"md\":\"md/2009/09STATE17183.md\",\"yaml\":\"yaml/2009/09STATE17183.yaml\"},\
             \"diagnostics\":{\"error\":0,\"warning\":1,\"info\":0,\"codes\":{}}}\n"
        );
        assert_eq!(Line::from_json(&json), Some(line.clone()));
        assert!(line.is_for(2, &prov));
        assert!(!line.is_for(3, &prov));
        assert_eq!(Line::from_json(&json[..json.len() / 2]), None);
    }
}
