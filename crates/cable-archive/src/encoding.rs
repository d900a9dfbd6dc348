//! Bytes to text: UTF-8, UTF-16 with a byte-order mark, Windows-1252 fallback.
//!
//! Invalid bytes never abort: they are replaced and
//! [`Decoded::had_errors`] says so.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

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
/// * valid UTF-8 is UTF-8;
/// * invalid UTF-8 that still holds more well-formed multi-byte sequences
///   than broken ones is UTF-8 with replacement characters;
/// * anything else is Windows-1252 (which maps every byte, so Latin-1 and
///   cp1252 text such as the Tika extracts with `0xB6` pilcrows reads
///   without loss).
pub(crate) fn decode(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
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

/// [`decode`] for bytes the caller no longer needs: valid UTF-8 without a
/// byte-order mark becomes the text without a copy.
pub(crate) fn decode_owned(bytes: Vec<u8>) -> Decoded {
    if Encoding::for_bom(&bytes).is_some() {
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
