//! Bytes to text: UTF-8, UTF-16 with a byte-order mark, Windows-1252 fallback.
//!
//! Invalid bytes never abort: they are replaced and
//! [`Decoded::had_errors`] says so.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use std::io::{self, Read};

/// Decoded text and how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decoded {
    pub(crate) text: String,
    pub(crate) encoding: &'static str,
    pub(crate) had_errors: bool,
}

/// Decodes a member's bytes.
///
/// * a BOM decides (UTF-8, UTF-16LE, UTF-16BE), and is removed;
/// * UTF-16 without a BOM is recognised by its zero bytes (see
///   [`utf16_without_bom`]);
/// * valid UTF-8 is UTF-8;
/// * invalid UTF-8 that still holds more well-formed multi-byte sequences
///   than broken ones is UTF-8 with replacement characters;
/// * anything else is Windows-1252 (which maps every byte, so Latin-1 and
///   cp1252 text such as the Tika extracts with `0xB6` pilcrows reads
///   without loss).
pub(crate) fn decode(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes).or_else(|| utf16_without_bom(bytes)) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        let (text, had_errors) = enc.decode_without_bom_handling(rest);
        return Decoded {
            text: text.into_owned(),
            encoding: name(enc),
            had_errors,
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded {
            text: s.to_owned(),
            encoding: "UTF-8",
            had_errors: false,
        },
        Err(_) => {
            let (good, bad) = utf8_census(bytes);
            let enc = if good > bad { UTF_8 } else { WINDOWS_1252 };
            let (text, had_errors) = enc.decode_without_bom_handling(bytes);
            Decoded {
                text: text.into_owned(),
                encoding: name(enc),
                had_errors,
            }
        }
    }
}

/// UTF-16 (little- or big-endian) announced by a byte-order mark, or
/// recognised without one; with the length of the mark (0 or 2).
pub(crate) fn utf16(head: &[u8]) -> Option<(&'static Encoding, usize)> {
    match Encoding::for_bom(head) {
        Some((enc, len)) if enc == UTF_16LE || enc == UTF_16BE => Some((enc, len)),
        Some(_) => None,
        None => utf16_without_bom(head),
    }
}

/// UTF-16 without a byte-order mark (Windows "Unicode text" exports): in
/// the first 64 KiB, at least 16 code units, of which at least 90% are
/// ASCII characters with their zero byte on the same side (odd bytes for
/// little-endian, even for big-endian), and the text they decode to is
/// not mostly control characters. Cables are ASCII, so their UTF-16 has a
/// zero in every other byte; binary data rarely has that pattern.
pub(crate) fn utf16_without_bom(bytes: &[u8]) -> Option<(&'static Encoding, usize)> {
    let head = bytes.get(..bytes.len().min(64 << 10)).unwrap_or_default();
    let units = head.len() / 2;
    if units < 16 {
        return None;
    }
    let (mut le, mut be) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        match *pair {
            [lo, 0] if lo != 0 => le += 1,
            [0, hi] if hi != 0 => be += 1,
            _ => {}
        }
    }
    let enc = if le * 10 >= units * 9 {
        UTF_16LE
    } else if be * 10 >= units * 9 {
        UTF_16BE
    } else {
        return None;
    };
    let (text, _) = enc.decode_without_bom_handling(head);
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\x0c' | '\r'))
        .count();
    (controls * 50 <= units).then_some((enc, 0))
}

/// A reader of UTF-8 transcoded from a UTF-16 stream (a cables.csv saved
/// as "Unicode text"), so the CSV reader sees the bytes it knows. A mark
/// at the start is removed; invalid sequences become U+FFFD.
pub(crate) struct Transcode<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    input: Vec<u8>,
    /// The unread part of `input`.
    start: usize,
    end: usize,
    eof: bool,
    output: Vec<u8>,
    out_start: usize,
    out_end: usize,
}

impl<R: Read> Transcode<R> {
    pub(crate) fn new(inner: R, encoding: &'static Encoding) -> Self {
        Transcode {
            inner,
            decoder: encoding.new_decoder_with_bom_removal(),
            input: vec![0; 1 << 16],
            start: 0,
            end: 0,
            eof: false,
            output: vec![0; 3 << 16],
            out_start: 0,
            out_end: 0,
        }
    }
}

impl<R: Read> Read for Transcode<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.out_start < self.out_end {
                let ready = self
                    .output
                    .get(self.out_start..self.out_end)
                    .unwrap_or_default();
                let n = ready.len().min(buf.len());
                buf.get_mut(..n)
                    .unwrap_or_default()
                    .copy_from_slice(ready.get(..n).unwrap_or_default());
                self.out_start += n;
                return Ok(n);
            }
            if self.eof && self.start == self.end {
                return Ok(0);
            }
            if self.start == self.end {
                let n = self.inner.read(&mut self.input)?;
                self.start = 0;
                self.end = n;
                self.eof = n == 0;
            }
            let input = self.input.get(self.start..self.end).unwrap_or_default();
            let (_, read, written, _) =
                self.decoder
                    .decode_to_utf8(input, &mut self.output, self.eof);
            self.start += read;
            self.out_start = 0;
            self.out_end = written;
            if self.eof && written == 0 {
                return Ok(0);
            }
        }
    }
}

/// [`decode`] for bytes the caller no longer needs: valid UTF-8 without a
/// byte-order mark becomes the text without a copy.
pub(crate) fn decode_owned(bytes: Vec<u8>) -> Decoded {
    // UTF-16 without a mark is valid UTF-8 (with NULs): look for it only
    // when a NUL shows early, so plain text pays nothing.
    let maybe_utf16 = || bytes.iter().take(64).any(|&b| b == 0);
    if Encoding::for_bom(&bytes).is_some() || (maybe_utf16() && utf16_without_bom(&bytes).is_some())
    {
        return decode(&bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Decoded {
            text,
            encoding: "UTF-8",
            had_errors: false,
        },
        Err(e) => decode(e.as_bytes()),
    }
}

fn name(enc: &'static Encoding) -> &'static str {
    if enc == UTF_16LE {
        "UTF-16LE"
    } else if enc == UTF_16BE {
        "UTF-16BE"
    } else {
        enc.name()
    }
}

/// Counts well-formed multi-byte UTF-8 sequences and invalid bytes.
fn utf8_census(mut bytes: &[u8]) -> (usize, usize) {
    let (mut good, mut bad) = (0, 0);
    while !bytes.is_empty() {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                good += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let (valid, rest) = bytes.split_at(e.valid_up_to());
                if let Ok(s) = std::str::from_utf8(valid) {
                    good += s.chars().filter(|c| !c.is_ascii()).count();
                }
                bad += 1;
                let skip = e.error_len().unwrap_or(rest.len()).max(1);
                bytes = rest.get(skip..).unwrap_or_default();
            }
        }
    }
    (good, bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], text: &str, encoding: &str, had_errors: bool) {
        for d in [decode(bytes), decode_owned(bytes.to_vec())] {
            assert_eq!(
                (d.text.as_str(), d.encoding, d.had_errors),
                (text, encoding, had_errors),
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn encodings() {
        check(b"UNCLAS \xc2\xb6", "UNCLAS \u{b6}", "UTF-8", false);
        check(b"\xef\xbb\xbfUNCLAS", "UNCLAS", "UTF-8", false);
        check(
            b"\xb61. (C) Charg\xe9\r\n",
            "\u{b6}1. (C) Charg\u{e9}\r\n",
            "windows-1252",
            false,
        );
        check(b"\xff\xfeU\0N\0", "UN", "UTF-16LE", false);
        check(b"\xfe\xff\0U\0N", "UN", "UTF-16BE", false);
        check(b"\xff\xfeU\0N", "U\u{fffd}", "UTF-16LE", true);
        check(
            b"\xc2\xb6 \xc2\xb6 \xff",
            "\u{b6} \u{b6} \u{fffd}",
            "UTF-8",
            true,
        );
        check(
            b"\x93quoted\x94",
            "\u{201c}quoted\u{201d}",
            "windows-1252",
            false,
        );
    }
}
