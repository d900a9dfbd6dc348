//! Directory trees: walked recursively in file-name order, not following
//! into hidden directories, reading regular files (and symlinks to them).

use crate::member::{self, Ctx};
use crate::provenance::Provenance;
use crate::sink::{Sink, Stop};
use std::path::Path;
use walkdir::WalkDir;

/// Walks `root` and reads every file in it, in a deterministic order.
pub(crate) fn walk(sink: &mut Sink<'_>, root: &Path) -> Result<(), Stop> {
    let excluded: Vec<Identity> = sink
        .limits()
        .exclude
        .iter()
        .filter_map(|p| Identity::of(p))
        .collect();
    let mut it = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = it.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let rel = e.path().map(|p| relative(root, p)).unwrap_or_default();
                let p = member_prov(&rel);
                let msg = format!("cannot read {}: {}", sink.describe(&p), e);
                sink.failed(p, msg)?;
                continue;
            }
        };
        if entry.depth() == 0 {
            continue;
        }
        let rel = relative(root, entry.path());
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        let ft = entry.file_type();
        if !excluded.is_empty()
            && Identity::of(entry.path()).is_some_and(|id| excluded.contains(&id))
        {
            sink.skipped(member_prov(&rel), "excluded by the caller (not read)")?;
            if ft.is_dir() {
                it.skip_current_dir();
            }
            continue;
        }
        if ft.is_dir() {
            if hidden {
                sink.skipped(member_prov(&rel), "hidden directory (not walked)")?;
                it.skip_current_dir();
            }
            continue;
        }
        let p = member_prov(&rel);
        if hidden {
            sink.skipped(p, "hidden file")?;
            continue;
        }
        if !ft.is_file() {
            sink.skipped(p, "not a regular file (FIFO, socket or device)")?;
            continue;
        }
        let file = match std::fs::File::open(entry.path()) {
            Ok(f) => f,
            Err(e) => {
                let msg = format!("cannot read {}: {e}", sink.describe(&p));
                sink.failed(p, msg)?;
                continue;
            }
        };
        let ctx = Ctx {
            provenance: p,
            depth: 0,
            explicit: false,
            in_gzip: false,
            transcoded_from: None,
        };
        member::read_file(sink, file, ctx)?;
    }
    Ok(())
}

/// What a path is, whatever it is called: device and inode on Unix (so a
/// hard link, a symlink or another spelling is the same), the canonical path
/// elsewhere.
#[derive(Debug, PartialEq, Eq)]
enum Identity {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg(not(unix))]
    Path(std::path::PathBuf),
}

impl Identity {
    fn of(path: &Path) -> Option<Identity> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let m = std::fs::metadata(path).ok()?;
            Some(Identity::Inode(m.dev(), m.ino()))
        }
        #[cfg(not(unix))]
        {
            std::fs::canonicalize(path).ok().map(Identity::Path)
        }
    }
}

fn member_prov(rel: &str) -> Provenance {
    Provenance {
        member: Some(rel.to_string()),
        ..Provenance::default()
    }
}

/// The `/`-separated path of `path` under `root`.
fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
