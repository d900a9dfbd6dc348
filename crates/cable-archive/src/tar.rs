//! Tar archives (also inside gzip): regular members are read, links and
//! devices skipped, unsafe names refused.

use crate::member::{self, Ctx};
use crate::provenance;
use crate::sink::{Sink, Stop};
use ::tar::{Archive, EntryType};
use std::io::Read;

/// Reads every member of the tar stream in `reader`, in archive order.
pub(crate) fn read(sink: &mut Sink<'_>, reader: &mut dyn Read, ctx: &Ctx) -> Result<(), Stop> {
    let mut archive = Archive::new(reader);
    let entries = match archive.entries() {
        Ok(e) => e,
        Err(e) => {
            let msg = format!(
                "{}: not a readable tar archive: {e}",
                sink.describe(&ctx.provenance)
            );
            return sink.failed(ctx.provenance.clone(), msg);
        }
    };
    let mut index = 0u64;
    for entry in entries {
        index += 1;
        let mut entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let msg = format!(
                    "{}: truncated or corrupt tar archive at member #{index}: {e}",
                    sink.describe(&ctx.provenance)
                );
                return sink.failed(ctx.provenance.clone(), msg);
            }
        };
        let name = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let child = ctx.child(&name);
        let kind = entry.header().entry_type();
        let skip = match kind {
            EntryType::Regular | EntryType::Continuous => None,
            EntryType::Directory => continue,
            EntryType::Symlink => Some("symlink member (not followed)"),
            EntryType::Link => Some("hardlink member (not followed)"),
            EntryType::Char | EntryType::Block => Some("device member"),
            EntryType::Fifo => Some("FIFO member"),
            _ => Some("unsupported tar member type"),
        };
        if let Some(reason) = skip {
            sink.skipped(child.provenance, reason)?;
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
        let size = entry.size();
        let mut exact = Exact {
            inner: &mut entry,
            left: size,
        };
        member::read_stream(sink, &mut exact, child)?;
    }
    Ok(())
}

/// Fails with `UnexpectedEof` when a member's data ends before the size its
/// header declares (a truncated archive), instead of yielding a short member.
struct Exact<R> {
    inner: R,
    left: u64,
}

impl<R: Read> Read for Exact<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && self.left > 0 && !buf.is_empty() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                format!(
                    "member data ends {} bytes before its declared size",
                    self.left
                ),
            ));
        }
        self.left = self.left.saturating_sub(n as u64);
        Ok(n)
    }
}
