//! Where the tests' material is: the repository's `testdata/`, and the
//! shared, read-only material beside the repository (the corpus, the
//! conformance cases), which tests read in place and skip without.

use std::path::{Path, PathBuf};

/// `rel` under the repository's `testdata/`.
pub fn testdata(rel: &str) -> PathBuf {
    crate::workspace::root().join("testdata").join(rel)
}

/// `rel` inside the shared folder: `$CABLEKIT_SHARED` when set (a git
/// worktree that is not beside it), else `../shared` from the repository
/// root.
pub fn shared(rel: &str) -> PathBuf {
    std::env::var_os("CABLEKIT_SHARED")
        .map_or_else(|| crate::workspace::root().join("../shared"), PathBuf::from)
        .join(rel)
}

/// [`shared`]`(rel)` when it exists; else `None` after a notice
/// `SKIP: {test}: {path} absent`. Shared material is data, not a tool:
/// its absence skips under `CABLEKIT_REQUIRE_ORACLES=1` too.
pub fn shared_or_skip(test: &str, rel: &str) -> Option<PathBuf> {
    let path = shared(rel);
    if path.exists() {
        Some(path)
    } else {
        #[allow(clippy::print_stderr, reason = "the skip notice is the point")]
        {
            eprintln!("SKIP: {test}: {} absent", path.display());
        }
        None
    }
}

/// Every file under `dir`, at any depth, sorted (none when `dir` cannot
/// be read).
pub fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Every file under `dir` whose extension is `ext` (`"txt"`), at any
/// depth, sorted.
pub fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = all_files(dir);
    out.retain(|p| p.extension().is_some_and(|e| e == ext));
    out
}
