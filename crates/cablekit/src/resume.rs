//! `--resume`: continue an interrupted run into the same output directory.
//!
//! Output files are written under a temporary name and renamed, and the
//! index line of a record is written after its files, so an `ok` line of
//! the previous `index.jsonl` whose files all exist describes complete
//! outputs. Such records are not parsed or rendered again: their line is
//! copied into the new index and their names are reserved, so duplicate
//! ids get the same `~N` suffixes as in an uninterrupted run. Everything
//! else (failed, skipped, missing lines, other formats) is converted again.
//! Temporary files a killed run left behind are removed first.

use crate::format::Format;
use crate::index::{Line, Status};
use anyhow::Context;
use cable_archive::Provenance;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The suffix of temporary output files.
pub(crate) const TEMP_SUFFIX: &str = ".cablekit-tmp";

/// What the previous run left in the output directory.
#[derive(Debug, Default)]
pub(crate) struct Previous {
    root: PathBuf,
    lines: BTreeMap<u64, Line>,
    formats: Vec<String>,
}

impl Previous {
    /// Reads `root/index.jsonl` (if any) and removes stale temporary files.
    pub(crate) fn load(root: &Path, formats: &[Format]) -> anyhow::Result<Previous> {
        remove_temp_files(root)?;
        let index = root.join("index.jsonl");
        let text = match std::fs::read_to_string(&index) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", index.display())),
        };
        let lines = text
            .lines()
            .filter_map(Line::from_json)
            .filter(|l| l.status == Status::Ok)
            .map(|l| (l.seq, l))
            .collect();
        let mut formats: Vec<String> = formats.iter().map(|f| f.name().to_owned()).collect();
        formats.sort();
        Ok(Previous {
            root: root.to_owned(),
            lines,
            formats,
        })
    }

    /// The previous line of item `seq` if its outputs are complete.
    pub(crate) fn reusable(&self, seq: u64, prov: &Provenance) -> Option<Line> {
        let line = self.lines.get(&seq)?;
        let complete = line.is_for(seq, prov)
            && line.outputs.keys().eq(self.formats.iter())
            && line.outputs.values().all(|p| self.root.join(p).is_file());
        complete.then(|| line.clone())
    }
}

/// Removes every `*.cablekit-tmp` file under `dir`.
fn remove_temp_files(dir: &Path) -> anyhow::Result<()> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", dir.display())),
    };
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot read {}", dir.display()))?;
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            remove_temp_files(&path)?;
        } else if path.to_string_lossy().ends_with(TEMP_SUFFIX) {
            std::fs::remove_file(&path)
                .with_context(|| format!("cannot remove {}", path.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reuses_only_complete_ok_lines_of_the_same_item() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("md/2009")).unwrap();
        std::fs::write(root.join("md/2009/09STATE1.md"), "x").unwrap();
        std::fs::write(root.join("md/2009/.09STATE2.md.cablekit-tmp"), "x").unwrap();
        let prov = |m: &str| Provenance {
            input: "in".into(),
            member: Some(m.into()),
            ..Default::default()
        };
        let mut ok = Line::new(0, &prov("a"), Status::Ok);
        ok.outputs.insert("md".into(), "md/2009/09STATE1.md".into());
        let mut missing = Line::new(1, &prov("b"), Status::Ok);
        missing
            .outputs
            .insert("md".into(), "md/2009/09STATE2.md".into());
        let failed = Line::new(2, &prov("c"), Status::Failed);
        let index = format!(
            "{}{}{}{{\"seq\":3,\"inp",
            ok.to_json(),
            missing.to_json(),
            failed.to_json()
        );
        std::fs::write(root.join("index.jsonl"), index).unwrap();

        let prev = Previous::load(root, &[Format::Markdown]).unwrap();
        assert!(!root.join("md/2009/.09STATE2.md.cablekit-tmp").exists());
        assert_eq!(prev.reusable(0, &prov("a")), Some(ok));
        assert_eq!(prev.reusable(0, &prov("z")), None);
        assert_eq!(prev.reusable(1, &prov("b")), None);
        assert_eq!(prev.reusable(2, &prov("c")), None);
        let other_formats = Previous::load(root, &[Format::Markdown, Format::Yaml]).unwrap();
        assert_eq!(other_formats.reusable(0, &prov("a")), None);
    }
}
