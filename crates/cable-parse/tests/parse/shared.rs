//! Where the shared, read-only material (`../shared` beside the repository:
//! the corpus, the conformance cases) is: `$CABLEKIT_SHARED` when set (a
//! git worktree that is not beside it), else `../shared` from the
//! workspace root.

use std::path::PathBuf;

/// `rel` inside the shared folder: `shared("corpus")`.
pub(crate) fn shared(rel: &str) -> PathBuf {
    let root = std::env::var_os("CABLEKIT_SHARED").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
        PathBuf::from,
    );
    root.join(rel)
}
