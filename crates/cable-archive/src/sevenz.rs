//! 7z archives, with `sevenz-rust2` (never the abandoned `sevenz-rust`,
//! which has an unpatched path-traversal advisory). Entries are decoded in
//! archive order through the decoder's callback, so a `cables.csv` inside
//! streams without being held in memory.

use crate::member::{self, Ctx};
use crate::provenance;
use crate::sink::{Sink, Stop};
use sevenz_rust2::{ArchiveReader, Password};
use std::io::{Read, Seek};

/// `S_IFLNK` in the Unix mode 7-Zip keeps in the high 16 bits of the attributes.
const UNIX_SYMLINK: u32 = 0o120000;
const UNIX_TYPE_MASK: u32 = 0o170000;
const UNIX_EXTENSION: u32 = 0x8000;

/// Reads every entry of the 7z archive.
pub(crate) fn read<R: Read + Seek>(sink: &mut Sink<'_>, reader: R, ctx: &Ctx) -> Result<(), Stop> {
    let mut archive = match ArchiveReader::new(reader, Password::empty()) {
        Ok(a) => a,
        Err(e) => {
            let msg = format!(
                "{}: not a readable 7z archive (truncated?): {e}",
                sink.describe(&ctx.provenance)
            );
            return sink.failed(ctx.provenance.clone(), msg);
        }
    };
    let mut stopped = false;
    let result = archive.for_each_entries(|entry, data| {
        if entry.is_directory || entry.is_anti_item {
            return Ok(true);
        }
        let child = ctx.child(&entry.name);
        let attrs = entry.windows_attributes;
        let step = if entry.has_windows_attributes
            && attrs & UNIX_EXTENSION != 0
            && (attrs >> 16) & UNIX_TYPE_MASK == UNIX_SYMLINK
        {
            sink.skipped(child.provenance, "symlink member (not followed)")
        } else if let Some(reason) = provenance::unsafe_reason(&entry.name) {
            let msg = format!(
                "{}: refused member {:?}: {reason}",
                sink.describe(&ctx.provenance),
                entry.name
            );
            sink.failed(child.provenance, msg)
        } else {
            member::read_stream(sink, data, child)
        };
        stopped = step.is_err();
        Ok(!stopped)
    });
    if stopped {
        return Err(Stop);
    }
    if let Err(e) = result {
        let msg = format!(
            "{}: corrupt or truncated 7z archive: {e}",
            sink.describe(&ctx.provenance)
        );
        return sink.failed(ctx.provenance.clone(), msg);
    }
    Ok(())
}
