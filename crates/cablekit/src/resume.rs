//! `--resume`: continue an interrupted run into the same output directory,
//! and the lock that keeps two runs out of one directory.
//!
//! Output files are written at their final names and the index line of a
//! record records each file's size and CRC-32 and the CRC-32 of the
//! record's text. An `ok` line of the previous `index.jsonl` is reused
//! only when it is for the same item (same `seq`, input, member, row),
//! the same formats, the same text (so a changed input is converted
//! again), and every file it names still has the recorded size and
//! CRC-32 (so a file a crash left empty or short, or one edited since, is
//! written again). This check replaces an `fsync` per file: nothing is
//! trusted that is not verified, and the hot path makes no flush (see
//! docs/cli.md, Resume). Such records are not parsed or rendered again:
//! their line is copied into the new index and their names are reserved,
//! so duplicate ids get the same `~N` suffixes as in an uninterrupted run.
//! Everything else is converted again. Temporary files a killed run left
//! behind are removed first; index lines that are torn or not UTF-8 are
//! skipped (and counted in a warning).

use crate::format::Format;
use crate::index::{Line, Status};
use anyhow::{Context, bail};
use cable_archive::Provenance;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The suffix of temporary output files.
pub(crate) const TEMP_SUFFIX: &str = ".cablekit-tmp";

/// The lock file in the output directory.
const LOCK: &str = ".cablekit.lock";

/// An exclusive lock on an output directory for the length of a run, so a
/// second run into the same directory stops at once with a clear message
/// instead of interleaving files and index lines. The OS releases it when
/// the process ends, however it ends, so a killed run leaves no stale lock.
#[derive(Debug)]
pub(crate) struct Lock {
    path: PathBuf,
    _file: File,
}

impl Lock {
    /// Creates `root` if needed and locks it.
    pub(crate) fn take(root: &Path) -> anyhow::Result<Lock> {
        std::fs::create_dir_all(root).with_context(|| {
            format!(
                "cannot create output directory {}: choose a writable --out",
                root.display()
            )
        })?;
        let path = root.join(LOCK);
        let file = crate::sink::open_nofollow(&path, false)
            .with_context(|| format!("cannot write {}: choose a writable --out", path.display()))?;
        match file.try_lock() {
            Ok(()) => Ok(Lock { path, _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => bail!(
                "another cablekit run is writing into {} (it holds {}): wait for it to finish, or choose another --out",
                root.display(),
                path.display()
            ),
            Err(std::fs::TryLockError::Error(e)) => {
                Err(e).with_context(|| format!("cannot lock {}", path.display()))
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// What the previous run left in the output directory.
#[derive(Debug, Default)]
pub(crate) struct Previous {
    root: PathBuf,
    lines: BTreeMap<u64, Line>,
    formats: Vec<String>,
    /// Index lines skipped because they were not UTF-8.
    pub(crate) not_utf8: u64,
}

impl Previous {
    /// Reads the previous run's `index` (if any) and removes stale
    /// temporary files under `root`.
    pub(crate) fn load(root: &Path, index: &Path, formats: &[Format]) -> anyhow::Result<Previous> {
        remove_temp_files(root)?;
        let mut bytes = Vec::new();
        match File::open(index).and_then(|mut f| f.read_to_end(&mut bytes)) {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", index.display())),
        }
        let mut not_utf8 = 0;
        let mut lines = BTreeMap::new();
        for raw in bytes.split(|&b| b == b'\n') {
            let Ok(text) = std::str::from_utf8(raw) else {
                not_utf8 += 1;
                continue;
            };
            if let Some(l) = Line::from_json(text).filter(|l| l.status == Status::Ok) {
                lines.insert(l.seq, l);
            }
        }
        let mut formats: Vec<String> = formats.iter().map(|f| f.name().to_owned()).collect();
        formats.sort();
        Ok(Previous {
            root: root.to_owned(),
            lines,
            formats,
            not_utf8,
        })
    }

    /// The previous line of item `seq`, whose text has CRC-32
    /// `source_crc`, if its outputs are complete and from the same text.
    pub(crate) fn reusable(&self, seq: u64, prov: &Provenance, source_crc: u32) -> Option<Line> {
        let line = self.lines.get(&seq)?;
        let same = line.is_for(seq, prov)
            && line.source_crc32.as_deref() == Some(format!("{source_crc:08x}").as_str())
            && line.outputs.keys().eq(self.formats.iter());
        let complete = same
            && line.outputs.iter().all(|(format, path)| {
                let (Some(&size), Some(crc)) = (line.sizes.get(format), line.crc32.get(format))
                else {
                    return false;
                };
                file_matches(&self.root.join(path), size, crc)
            });
        complete.then(|| line.clone())
    }
}

/// Whether the file at `path` (not a symlink) has `size` bytes and CRC-32 `crc`.
fn file_matches(path: &Path, size: u64, crc: &str) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return false;
    };
    if !meta.is_file() || meta.len() != size {
        return false;
    }
    std::fs::read(path).is_ok_and(|bytes| format!("{:08x}", crc32fast::hash(&bytes)) == crc)
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
        ok.sizes.insert("md".into(), 1);
        ok.crc32
            .insert("md".into(), format!("{:08x}", crc32fast::hash(b"x")));
        ok.source_crc32 = Some("0000002a".into());
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
        std::fs::write(crate::sink::index_path(root), index).unwrap();

        let prev =
            Previous::load(root, &crate::sink::index_path(root), &[Format::Markdown]).unwrap();
        assert!(!root.join("md/2009/.09STATE2.md.cablekit-tmp").exists());
        assert_eq!(prev.reusable(0, &prov("a"), 42), Some(ok));
        assert_eq!(prev.reusable(0, &prov("a"), 43), None, "input changed");
        assert_eq!(prev.reusable(0, &prov("z"), 42), None);
        assert_eq!(prev.reusable(1, &prov("b"), 42), None);
        assert_eq!(prev.reusable(2, &prov("c"), 42), None);
        let other_formats = Previous::load(
            root,
            &crate::sink::index_path(root),
            &[Format::Markdown, Format::Yaml],
        )
        .unwrap();
        assert_eq!(other_formats.reusable(0, &prov("a"), 42), None);
        // A crash left the file empty: not reused.
        std::fs::write(root.join("md/2009/09STATE1.md"), "").unwrap();
        assert_eq!(prev.reusable(0, &prov("a"), 42), None);
    }
}
