//! A gzip stream: `.gz`, and the outside of `.tar.gz`/`.tgz`. What is inside
//! is detected again (a tar, a cables.csv, a text cable, an HTML page).
//!
//! Members are read one after another, as `gzip -d` does; after the last,
//! zero bytes up to the end (tape or block padding, which `gzip -t`
//! accepts) are ignored, and any other bytes are an error reported after
//! everything before them was delivered. The deflate data is inflated here
//! (with `flate2`'s `Decompress`), not by a reader that discards the bytes
//! it inflated in a call that then fails: every byte inflated before
//! damage is delivered, and the damage arrives as the next read's error.
//!
//! ```text
//! 1f 8b 08 FLG MTIME(4) XFL OS [XLEN extra] [name\0] [comment\0] [CRC16]  deflate…  CRC32 ISIZE
//! ```

use crate::limits::{CountInto, RatioRead};
use crate::member::{self, Ctx};
use crate::sink::{Sink, Stop};
use flate2::{Crc, Decompress, FlushDecompress, Status};
use std::cell::Cell;
use std::io::{self, BufRead, BufReader, Read};
use std::rc::Rc;

/// Reads the gzip stream in `reader` and what it holds.
pub(crate) fn read(sink: &mut Sink<'_>, reader: &mut dyn Read, ctx: Ctx) -> Result<(), Stop> {
    let compressed = Rc::new(Cell::new(0));
    let counted = CountInto {
        inner: reader,
        count: Rc::clone(&compressed),
    };
    let members = Members::new(BufReader::with_capacity(1 << 16, counted));
    let mut inflated = RatioRead::new(members, compressed, sink.limits());
    let inner = Ctx {
        in_gzip: true,
        ..ctx
    };
    member::read_stream(sink, &mut inflated, inner)
}

/// Where [`Members`] is in the stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    /// Before a member's header (the first member, or after a trailer).
    Header { first: bool },
    /// In a member's deflate data.
    Data,
    /// After the end of the stream, or after an error.
    End,
}

/// The inflated bytes of every gzip member in a stream, in order.
pub(crate) struct Members<R> {
    input: R,
    at: At,
    inflate: Decompress,
    crc: Crc,
    /// An error met after some bytes were delivered, for the next read.
    pending: Option<io::Error>,
}

fn invalid(msg: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg.to_string())
}

impl<R: BufRead> Members<R> {
    pub(crate) fn new(input: R) -> Self {
        Members {
            input,
            at: At::Header { first: true },
            inflate: Decompress::new(false),
            crc: Crc::new(),
            pending: None,
        }
    }

    /// Reads a member's header; `false` at a clean end of the stream (the
    /// end of the input, or zero padding, after at least one member).
    fn header(&mut self, first: bool) -> io::Result<bool> {
        let rest = self.input.fill_buf()?;
        if !first && rest.is_empty() {
            return Ok(false);
        }
        if !first && rest.first() == Some(&0) {
            return self.padding().map(|()| false);
        }
        let mut fixed = [0u8; 10];
        self.input
            .read_exact(&mut fixed)
            .map_err(|e| match e.kind() {
                io::ErrorKind::UnexpectedEof => invalid("truncated gzip header"),
                _ => e,
            })?;
        if fixed[..2] != [0x1f, 0x8b] {
            return Err(invalid(if first {
                "not a gzip stream"
            } else {
                "bytes after the end of the gzip stream are neither another gzip member nor zero padding (trailing garbage)"
            }));
        }
        if fixed[2] != 8 {
            return Err(invalid("unsupported gzip compression method"));
        }
        let flags = fixed[3];
        if flags & 0x04 != 0 {
            let mut len = [0u8; 2];
            self.input.read_exact(&mut len)?;
            self.skip(u64::from(u16::from_le_bytes(len)))?;
        }
        for flag in [0x08, 0x10] {
            if flags & flag != 0 {
                self.skip_through_nul()?;
            }
        }
        if flags & 0x02 != 0 {
            self.skip(2)?;
        }
        self.inflate.reset(false);
        self.crc.reset();
        Ok(true)
    }

    /// Zero bytes to the end of the input are padding; anything else is garbage.
    fn padding(&mut self) -> io::Result<()> {
        loop {
            let rest = self.input.fill_buf()?;
            if rest.is_empty() {
                return Ok(());
            }
            if rest.iter().any(|&b| b != 0) {
                return Err(invalid(
                    "bytes after the end of the gzip stream are neither another gzip member nor zero padding (trailing garbage)",
                ));
            }
            let len = rest.len();
            self.input.consume(len);
        }
    }

    fn skip(&mut self, n: u64) -> io::Result<()> {
        let skipped = io::copy(&mut (&mut self.input).take(n), &mut io::sink())?;
        if skipped < n {
            return Err(invalid("truncated gzip header"));
        }
        Ok(())
    }

    fn skip_through_nul(&mut self) -> io::Result<()> {
        loop {
            let rest = self.input.fill_buf()?;
            if rest.is_empty() {
                return Err(invalid("truncated gzip header"));
            }
            match rest.iter().position(|&b| b == 0) {
                Some(i) => {
                    self.input.consume(i + 1);
                    return Ok(());
                }
                None => {
                    let len = rest.len();
                    self.input.consume(len);
                }
            }
        }
    }

    /// Checks a member's trailer against what was inflated.
    fn trailer(&mut self) -> io::Result<()> {
        let mut t = [0u8; 8];
        self.input.read_exact(&mut t).map_err(|e| match e.kind() {
            io::ErrorKind::UnexpectedEof => {
                io::Error::new(e.kind(), "truncated: the gzip trailer is missing")
            }
            _ => e,
        })?;
        let crc = u32::from_le_bytes([t[0], t[1], t[2], t[3]]);
        let size = u32::from_le_bytes([t[4], t[5], t[6], t[7]]);
        if crc != self.crc.sum() || size != self.crc.amount() {
            return Err(invalid(
                "gzip checksum mismatch: the member's data is damaged",
            ));
        }
        Ok(())
    }

    /// Inflates into `buf`; `Ok(0)` at the end of the member's data.
    fn data(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let input = self.input.fill_buf()?;
            let eof = input.is_empty();
            let (in_before, out_before) = (self.inflate.total_in(), self.inflate.total_out());
            let status = self.inflate.decompress(input, buf, FlushDecompress::None);
            let consumed = (self.inflate.total_in() - in_before) as usize;
            let written = (self.inflate.total_out() - out_before) as usize;
            self.input.consume(consumed);
            let out = buf.get(..written).unwrap_or_default();
            self.crc.update(out);
            match status {
                Ok(Status::StreamEnd) => {
                    self.at = At::Header { first: false };
                    if let Err(e) = self.trailer() {
                        return self.fail(written, e);
                    }
                    return Ok(written);
                }
                Ok(_) if written > 0 => return Ok(written),
                Ok(_) if eof => {
                    let e = io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        "truncated: the gzip stream ends inside its deflate data",
                    );
                    return self.fail(0, e);
                }
                // No progress on available input would loop for ever.
                Ok(_) if consumed == 0 => {
                    return self.fail(0, invalid("corrupt deflate stream (no progress)"));
                }
                Ok(_) => {}
                Err(_) => return self.fail(written, invalid("corrupt deflate stream")),
            }
        }
    }

    /// Delivers the `written` bytes before an error first, then the error.
    fn fail(&mut self, written: usize, e: io::Error) -> io::Result<usize> {
        self.at = At::End;
        if written > 0 {
            self.pending = Some(e);
            return Ok(written);
        }
        Err(e)
    }
}

impl<R: BufRead> Read for Members<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(e) = self.pending.take() {
            return Err(e);
        }
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            match self.at {
                At::End => return Ok(0),
                At::Header { first } => match self.header(first) {
                    Ok(true) => self.at = At::Data,
                    Ok(false) => self.at = At::End,
                    Err(e) => return self.fail(0, e),
                },
                At::Data => match self.data(buf)? {
                    0 => {}
                    n => return Ok(n),
                },
            }
        }
    }
}
