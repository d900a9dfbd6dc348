//! Caps that defend against hostile archives, and the readers enforcing them.

use std::io::{self, Read};

/// Caps that defend against hostile archives.
///
/// ```
/// let limits = cable_archive::Limits { max_member_bytes: 1 << 20, ..Default::default() };
/// assert_eq!(limits.max_depth, 3);
/// ```
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest number of bytes one member (a file, an archive member, a
    /// CSV row, a zip or 7z held in memory to seek in) may inflate to.
    /// Default 256 MiB.
    pub max_member_bytes: u64,
    /// Largest number of bytes all members together may inflate to.
    /// Default 64 GiB.
    pub max_total_bytes: u64,
    /// Largest inflation ratio (uncompressed / compressed) of one zip member
    /// or gzip stream, checked once more than [`RATIO_FLOOR`] bytes came
    /// out. Default 1000.
    pub max_ratio: u64,
    /// How deep archives (tar, zip, 7z) may nest inside archives; the outer
    /// archive is depth 1. Default 3.
    pub max_depth: u32,
    /// Files and directories a directory walk does not read (each is one
    /// `Skipped` item, a directory not walked): the caller's own output when
    /// it lies inside an input directory, so that a run never reads what it
    /// writes. Matched by identity (device and inode on Unix, the canonical
    /// path elsewhere), so any spelling of the path works; paths that do
    /// not exist are ignored. Default empty.
    pub exclude: Vec<std::path::PathBuf>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_member_bytes: 256 << 20,
            max_total_bytes: 64 << 30,
            max_ratio: 1000,
            max_depth: 3,
            exclude: Vec::new(),
        }
    }
}

/// Inflated bytes below which [`Limits::max_ratio`] is not checked: tiny
/// members of repetitive text legitimately compress very well.
pub const RATIO_FLOOR: u64 = 1 << 20;

/// Whether `inflated` bytes out of `compressed` bytes break the ratio cap.
pub(crate) fn ratio_exceeded(limits: &Limits, inflated: u64, compressed: u64) -> bool {
    inflated > RATIO_FLOOR && inflated > compressed.max(1).saturating_mul(limits.max_ratio)
}

/// A reader of inflated bytes that fails with `InvalidData` once the
/// inflation ratio over the compressed bytes read so far breaks
/// [`Limits::max_ratio`] (the compressed count is shared with a counting
/// reader under the decompressor, or fixed for a zip member).
pub(crate) struct RatioRead<R> {
    inner: R,
    compressed: std::rc::Rc<std::cell::Cell<u64>>,
    inflated: u64,
    limits: Limits,
}

impl<R: Read> RatioRead<R> {
    pub(crate) fn new(
        inner: R,
        compressed: std::rc::Rc<std::cell::Cell<u64>>,
        limits: &Limits,
    ) -> Self {
        RatioRead {
            inner,
            compressed,
            inflated: 0,
            limits: limits.clone(),
        }
    }
}

impl<R: Read> Read for RatioRead<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.inflated = self.inflated.saturating_add(n as u64);
        if ratio_exceeded(&self.limits, self.inflated, self.compressed.get()) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "inflation ratio above max_ratio ({}): {} bytes out of {} compressed",
                    self.limits.max_ratio,
                    self.inflated,
                    self.compressed.get()
                ),
            ));
        }
        Ok(n)
    }
}

/// Counts bytes read into a shared cell (the compressed side of a [`RatioRead`]).
pub(crate) struct CountInto<R> {
    pub(crate) inner: R,
    pub(crate) count: std::rc::Rc<std::cell::Cell<u64>>,
}

impl<R: Read> Read for CountInto<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.set(self.count.get().saturating_add(n as u64));
        Ok(n)
    }
}
