//! What an input or member is, from its first bytes and its name.

/// What an input or member was detected as.
///
/// ```text
/// 1f 8b …                          -> Gzip
/// "1","12/28/1966 18:48","66BUE…   -> CablesCsv
/// <?xml version='1.0' …            -> Html
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// Not yet known (a stream before its first bytes are read).
    Unknown,
    /// A directory tree.
    Directory,
    /// A 0-byte file.
    Empty,
    /// A text file (UTF-8, UTF-16 with BOM, Windows-1252), possibly with an
    /// alx-txt metadata preamble.
    Text,
    /// An HTML page (a cablegate cable page when it holds the cable table).
    Html,
    /// The 2011 `cables.csv` (no header row, 8 quoted columns).
    CablesCsv,
    /// A gzip stream (`.gz`, and the outside of `.tar.gz`/`.tgz`).
    Gzip,
    /// A tar archive.
    Tar,
    /// A zip archive.
    Zip,
    /// A 7z archive.
    SevenZ,
    /// Binary data that is none of the above.
    Binary,
}

/// How many leading bytes detection looks at.
pub(crate) const HEAD_LEN: usize = 64 << 10;

const SEVENZ_MAGIC: &[u8] = b"7z\xbc\xaf\x27\x1c";

/// Detects a kind from the first bytes (up to [`HEAD_LEN`]).
pub(crate) fn sniff(head: &[u8]) -> Kind {
    if head.is_empty() {
        return Kind::Empty;
    }
    if head.starts_with(b"\x1f\x8b") {
        return Kind::Gzip;
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return Kind::Zip;
    }
    if head.starts_with(SEVENZ_MAGIC) {
        return Kind::SevenZ;
    }
    if head.get(257..262) == Some(b"ustar".as_slice()) {
        return Kind::Tar;
    }
    if head.starts_with(b"\xff\xfe") || head.starts_with(b"\xfe\xff") {
        return Kind::Text;
    }
    let body = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = body.trim_ascii_start();
    if starts_with_ignore_case(start, b"<?xml")
        || starts_with_ignore_case(start, b"<!doctype html")
        || starts_with_ignore_case(start, b"<html")
    {
        return Kind::Html;
    }
    if is_csv_row_start(body) || csv_after_header(body) {
        return Kind::CablesCsv;
    }
    if head.contains(&0) && !mostly_text(head) && !looks_like_cable(&String::from_utf8_lossy(head))
    {
        return Kind::Binary;
    }
    Kind::Text
}

/// Whether bytes with a few NULs are still text: at most 2% of them are
/// control bytes other than tab, line feed, form feed and carriage return.
/// Old cables carry stray NULs and control characters; the parser keeps
/// their text and flags them (`binary-content`, `control-characters`), so
/// the reader must not drop them as binary. Bytes with more control
/// characters are still text when they carry telegram markers.
fn mostly_text(head: &[u8]) -> bool {
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r'))
        .count();
    controls * 50 <= head.len()
}

fn starts_with_ignore_case(hay: &[u8], prefix: &[u8]) -> bool {
    hay.get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
}

/// Whether a line starts a cables.csv row: `"N","M/D/YYYY H:MM",`, with
/// any row number (the release's run from 1 to 251287; a file cut from
/// a larger one, or numbered otherwise, may start anywhere).
///
/// ```text
/// "2","2/25/1972 9:30","72TEHRAN1164",…   -> true
/// "ABC","…                                -> false
/// ```
pub(crate) fn is_csv_row_start(line: &[u8]) -> bool {
    let mut p = Parser { s: line, i: 0 };
    p.lit(b"\"")
        && p.digits(1, usize::MAX)
        && p.lit(b"\",\"")
        && p.digits(1, 2)
        && p.lit(b"/")
        && p.digits(1, 2)
        && p.lit(b"/")
        && p.digits(4, 4)
        && p.lit(b" ")
        && p.digits(1, 2)
        && p.lit(b":")
        && p.digits(2, 2)
        && p.lit(b"\",")
}

/// Whether a first line is a header row of column names, as a CSV exported
/// by a spreadsheet or database tool has: one line of at most 4 KiB with at
/// least 8 comma-separated fields, none of them a row start.
///
/// ```text
/// id,date,reference,origin,classification,references,header,body   -> true
/// "","Date","RefID","Origin","Class","Refs","Header","Body"         -> true
/// ```
pub(crate) fn is_csv_header(line: &[u8]) -> bool {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    line.len() <= 4096
        && !line.contains(&b'\n')
        && !line.contains(&b'\r')
        && line.iter().filter(|&&b| b == b',').count() >= 7
        && !is_csv_row_start(line)
}

/// Whether `head` is a cables.csv whose first line is a header row: the
/// header, then a row start.
fn csv_after_header(head: &[u8]) -> bool {
    let Some(end) = memchr::memchr2(b'\n', b'\r', head) else {
        return false;
    };
    let (first, rest) = head.split_at(end);
    let rest = rest.strip_prefix(b"\r").unwrap_or(rest);
    let rest = rest.strip_prefix(b"\n").unwrap_or(rest);
    is_csv_header(first) && is_csv_row_start(rest)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn lit(&mut self, l: &[u8]) -> bool {
        let ok = self.s.get(self.i..).is_some_and(|r| r.starts_with(l));
        if ok {
            self.i += l.len();
        }
        ok
    }
    fn digits(&mut self, min: usize, max: usize) -> bool {
        let n = self
            .s
            .get(self.i..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        self.i += n;
        (min..=max).contains(&n)
    }
}

/// Extensions of files that are never cables, whatever their content.
const NOT_CABLE_EXTENSIONS: &[(&str, &str)] = &[
    ("md", "Markdown file"),
    ("markdown", "Markdown file"),
    ("tsv", "TSV file"),
    ("json", "JSON file"),
    ("yaml", "YAML file"),
    ("yml", "YAML file"),
    ("toml", "TOML file"),
    ("snap", "snapshot file"),
    ("css", "stylesheet"),
    ("js", "script"),
    ("rs", "source file"),
    ("py", "source file"),
    ("rb", "source file"),
    ("sh", "source file"),
    ("pdf", "PDF file (text extraction is not supported)"),
];

/// Why a text member is not a cable judging by its name, if it is not.
pub(crate) fn not_cable_by_name(name: &str) -> Option<String> {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let ext = file.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
    NOT_CABLE_EXTENSIONS
        .iter()
        .find(|(e, _)| *e == ext)
        .map(|(_, why)| format!("not a cable ({why})"))
}

/// Markers of which at least one appears near the top of every telegram
/// rendering we know (header, banner, E.O./TAGS/SUBJECT lines, PlusD pages).
const TELEGRAM_MARKERS: &[&str] = &[
    "SUBJECT",
    "TAGS",
    "E.O.",
    "E. O.",
    "EO 1",
    "VZCZC",
    "FM ",
    "PAGE 01",
    "UNCLAS",
    "CONFIDENTIAL",
    "SECRET",
    "C O N F I D E N T I A L",
    "S E C R E T",
    "LIMITED OFFICIAL USE",
    "Subject:",
];

/// Markers also accepted in any case: media-supplied texts are sentence-
/// cased (`C o n f i d e n t i a l section 01 of 02`, `Sipdis`, `Subject:`).
const TELEGRAM_MARKERS_ANY_CASE: &[&str] = &[
    "subject:",
    "tags:",
    "e.o. 1",
    "c o n f i d e n t i a l",
    "s e c r e t",
    "sipdis",
    "classified by",
];

/// Whether decoded text (of a member of a directory or archive, not an
/// input named by the user) looks like a telegram at all: at least three
/// non-blank lines and one marker anywhere in it (members are read whole
/// before this is asked, so a marker after the first 64 KiB counts too). A
/// one-line `FM CALMY-REY "TAKES NOTE" …` (an expected-subject file) is not.
pub(crate) fn looks_like_cable(text: &str) -> bool {
    text.split(['\n', '\r'])
        .filter(|l| !l.trim().is_empty())
        .nth(2)
        .is_some()
        && (TELEGRAM_MARKERS.iter().any(|m| text.contains(m)) || {
            let lower = text.to_ascii_lowercase();
            TELEGRAM_MARKERS_ANY_CASE.iter().any(|m| lower.contains(m))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        let check = |head: &[u8], want: Kind| {
            assert_eq!(sniff(head), want, "{:?}", String::from_utf8_lossy(head))
        };
        check(b"", Kind::Empty);
        // A cable with stray NULs and control bytes is text (the parser flags them);
        // bytes with many controls and no telegram marker are binary.
        check(
            b"UNCLAS OSLO 000123\n\nSUBJECT: X\n\n1. (U) a\0b\x01\x02\x03\x04\x05\x06\x07\x08\n",
            Kind::Text,
        );
        check(
            &[0u8, 1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3, 65, 66],
            Kind::Binary,
        );
        check(b"\x1f\x8b\x08\0", Kind::Gzip);
        check(b"PK\x03\x04....", Kind::Zip);
        check(b"7z\xbc\xaf\x27\x1c\0\x04", Kind::SevenZ);
        check(
            b"\"1\",\"12/28/1966 18:48\",\"66BUENOSAIRES2481\",",
            Kind::CablesCsv,
        );
        check(
            b"\xef\xbb\xbf\"12\",\"2/5/1972 9:30\",\"x\"",
            Kind::CablesCsv,
        );
        check(b"\"ABC\",\"x\"", Kind::Text);
        check(
            b"<?xml version='1.0' encoding='utf-8' ?>\n<!DOCTYPE html",
            Kind::Html,
        );
        check(b"  <!DOCTYPE HTML>", Kind::Html);
        check(b"\xff\xfeU\0", Kind::Text);
        check(b"\x7fELF\x02\x01\0\0", Kind::Binary);
        check(b"UNCLAS SECTION 01 OF 02", Kind::Text);
        let mut tar = vec![0u8; 512];
        tar[257..262].copy_from_slice(b"ustar");
        check(&tar, Kind::Tar);
    }

    #[test]
    fn cable_like() {
        assert!(looks_like_cable(
            "R 250930Z FEB 72\nFM AMEMBASSY TEHRAN\nTO SECSTATE\n"
        ));
        assert!(!looks_like_cable(
            "FM CALMY-REY \"TAKES NOTE\" OF USG CONCERNS\n\n"
        ));
        assert!(!looks_like_cable("a\nb\nc\nd\n"));
    }

    #[test]
    fn names() {
        assert_eq!(
            not_cable_by_name("corpus/README.md").as_deref(),
            Some("not a cable (Markdown file)")
        );
        assert_eq!(
            not_cable_by_name("MANIFEST.tsv").as_deref(),
            Some("not a cable (TSV file)")
        );
        assert_eq!(not_cable_by_name("a/09STATE1.txt"), None);
        assert_eq!(not_cable_by_name("NOEXT"), None);
    }
}
