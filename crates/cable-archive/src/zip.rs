//! Zip archives: regular members are read (inflation capped per member, in
//! total and by ratio), symlinks skipped, unsafe names refused.

use crate::limits::RatioRead;
use crate::member::{self, Ctx};
use crate::provenance;
use crate::sink::{Sink, Stop};
use std::cell::Cell;
use std::io::{Read, Seek};
use std::rc::Rc;

/// Reads every member of the zip archive, in central-directory order.
pub(crate) fn read<R: Read + Seek>(sink: &mut Sink<'_>, reader: R, ctx: &Ctx) -> Result<(), Stop> {
    let mut archive = match ::zip::ZipArchive::new(reader) {
        Ok(a) => a,
        Err(e) => {
            let msg = format!(
                "{}: not a readable zip archive (truncated?): {e}",
                sink.describe(&ctx.provenance)
            );
            return sink.failed(ctx.provenance.clone(), msg);
        }
    };
    if ctx.depth == 0 {
        sink.set_count_hint(archive.len() as u64);
    }
    for index in 0..archive.len() {
        let mut file = match archive.by_index(index) {
            Ok(f) => f,
            Err(e) => {
                let p = ctx.child(&format!("#{}", index + 1)).provenance;
                let msg = format!(
                    "{}: cannot read zip member #{}: {e}",
                    sink.describe(&ctx.provenance),
                    index + 1
                );
                sink.failed(p, msg)?;
                continue;
            }
        };
        let name = String::from_utf8_lossy(file.name_raw()).into_owned();
        let child = ctx.child(&name);
        if file.is_dir() {
            continue;
        }
        if file.is_symlink() {
            sink.skipped(child.provenance, "symlink member (not followed)")?;
            continue;
        }
        if let Some(reason) = provenance::unsafe_reason(&name) {
            let msg = format!(
                "{}: refused member {name:?}: {reason}",
                sink.describe(&ctx.provenance)
            );
            sink.failed(child.provenance, msg)?;
            continue;
        }
        let compressed = Rc::new(Cell::new(file.compressed_size()));
        let mut guarded = RatioRead::new(&mut file, compressed, sink.limits());
        member::read_stream(sink, &mut guarded, child)?;
    }
    Ok(())
}
