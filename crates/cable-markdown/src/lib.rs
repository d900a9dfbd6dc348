//! # Brief overview
//!
//! Writes a [`cable_model::Cable`] as Markdown (CommonMark). Depends on the model only: it
//! never sees raw cable text. Output is a pure function of the cable and
//! the [`Options`]: byte-identical across runs and thread counts.

use cable_model::Cable;
use std::io;

/// Options of the Markdown (CommonMark) writer.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Options {}

/// Writes `cable` to `out`.
pub fn write(cable: &Cable, opts: &Options, out: &mut dyn io::Write) -> io::Result<()> {
    let _ = (cable, opts, out);
    Ok(())
}
