//! One member (a file, an archive entry, standard input): detect what it
//! is and hand it to the reader of that kind.

use crate::detect::{self, Kind};
use crate::provenance::Provenance;
use crate::sink::{Sink, Stop};
use crate::{csv, encoding, gzip, html, ids, sevenz, tar, text, zip};
use std::fs::File;
use std::io::{self, Cursor, Read, Seek};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// The context a member is read in.
#[derive(Debug, Clone)]
pub(crate) struct Ctx {
    /// Where the member came from.
    pub(crate) provenance: Provenance,
    /// How many archives enclose it.
    pub(crate) depth: u32,
    /// Whether the user named it directly (then name and content sniffing
    /// do not skip it: a user who names a file wants it read).
    pub(crate) explicit: bool,
    /// Whether it comes out of a gzip stream (no gzip inside gzip).
    pub(crate) in_gzip: bool,
    /// The encoding its bytes were transcoded from to UTF-8 before its
    /// reader saw them (a UTF-16 cables.csv), for the records.
    pub(crate) transcoded_from: Option<&'static str>,
}

impl Ctx {
    /// The context of the input itself.
    pub(crate) fn top() -> Self {
        Ctx {
            provenance: Provenance::default(),
            depth: 0,
            explicit: true,
            in_gzip: false,
            transcoded_from: None,
        }
    }

    /// The context of member `name` of the archive this context describes
    /// (one archive level deeper).
    pub(crate) fn child(&self, name: &str) -> Self {
        Ctx {
            provenance: Provenance {
                member: Some(crate::provenance::nested(
                    self.provenance.member.as_deref(),
                    name,
                )),
                ..Provenance::default()
            },
            depth: self.depth + 1,
            explicit: false,
            in_gzip: false,
            transcoded_from: None,
        }
    }

    /// The member's own name (last component), for extension rules.
    fn name(&self) -> &str {
        self.provenance.member.as_deref().unwrap_or_default()
    }
}

/// Reads the input file named by the user.
pub(crate) fn read_file(sink: &mut Sink<'_>, file: File, ctx: Ctx) -> Result<(), Stop> {
    let mut file = Counting::new(file, sink.bytes_read_counter());
    let mut head = Vec::new();
    if let Err(e) = (&mut file)
        .take(detect::HEAD_LEN as u64)
        .read_to_end(&mut head)
    {
        let msg = format!("cannot read {}: {e}", sink.describe(&ctx.provenance));
        return sink.failed(ctx.provenance, msg);
    }
    match detect::sniff(&head) {
        kind @ (Kind::Zip | Kind::SevenZ) => {
            if let Err(e) = file.rewind() {
                let msg = format!("cannot read {}: {e}", sink.describe(&ctx.provenance));
                return sink.failed(ctx.provenance, msg);
            }
            seekable_archive(sink, kind, file, &ctx)
        }
        _ => dispatch(sink, &mut Cursor::new(head).chain(file), ctx),
    }
}

/// Reads a member (or standard input) from a stream, detecting its kind.
pub(crate) fn read_stream(
    sink: &mut Sink<'_>,
    reader: &mut dyn Read,
    ctx: Ctx,
) -> Result<(), Stop> {
    dispatch(sink, reader, ctx)
}

fn dispatch(sink: &mut Sink<'_>, reader: &mut dyn Read, ctx: Ctx) -> Result<(), Stop> {
    let mut head = Vec::new();
    // A read error within the first bytes (a damaged `.csv.gz`) must not
    // lose what came before it: the kind is sniffed from the bytes that
    // arrived, and the reader of that kind meets the error where it was.
    let error = reader
        .take(detect::HEAD_LEN as u64)
        .read_to_end(&mut head)
        .err();
    if let (Some(e), true) = (&error, head.is_empty()) {
        let msg = read_error(sink, &ctx.provenance, e);
        return sink.failed(ctx.provenance, msg);
    }
    let mut kind = detect::sniff(&head);
    let rest: &mut dyn Read = match error {
        Some(e) => &mut Failing(Some(e)),
        None => reader,
    };
    // UTF-16 text is sniffed again as the text it decodes to: a cables.csv
    // is transcoded as it streams, a page or a cable is decoded whole.
    let utf16 = match kind {
        Kind::Text | Kind::Binary if ctx.transcoded_from.is_none() => encoding::utf16(&head),
        _ => None,
    };
    if let Some((enc, _)) = utf16 {
        let decoded = encoding::decode(&head);
        kind = match detect::sniff(decoded.text.as_bytes()) {
            Kind::CablesCsv => {
                let mut utf8 = encoding::Transcode::new(Cursor::new(head).chain(rest), enc);
                let ctx = Ctx {
                    transcoded_from: Some(decoded.encoding),
                    ..ctx
                };
                return csv::read(sink, &mut utf8, ctx);
            }
            Kind::Html => Kind::Html,
            _ => Kind::Text,
        };
    }
    let mut reader = Cursor::new(head).chain(rest);
    match kind {
        Kind::Empty => sink.skipped(ctx.provenance, "empty file (0 bytes)"),
        Kind::Gzip if ctx.in_gzip => sink.skipped(
            ctx.provenance,
            "gzip stream inside a gzip stream (not unpacked)",
        ),
        Kind::Gzip => gzip::read(sink, &mut reader, ctx),
        Kind::Tar | Kind::Zip | Kind::SevenZ if ctx.depth >= sink.limits().max_depth => {
            let reason = format!(
                "archive nested deeper than max_depth ({})",
                sink.limits().max_depth
            );
            sink.skipped(ctx.provenance, reason)
        }
        Kind::Tar => tar::read(sink, &mut reader, &ctx),
        Kind::Zip | Kind::SevenZ => {
            // Both need to seek: hold the member in memory, within the cap.
            match read_capped(sink, &mut reader, &ctx.provenance)? {
                Some(bytes) => seekable_archive(sink, kind, Cursor::new(bytes), &ctx),
                None => Ok(()),
            }
        }
        Kind::CablesCsv if sink.ids_only() => ids::csv(sink, &mut reader, ctx),
        Kind::CablesCsv => csv::read(sink, &mut reader, ctx),
        Kind::Html if sink.ids_only() && ids::page_name(sink, &ctx).is_some() => {
            let id = ids::page_name(sink, &ctx).unwrap_or_default();
            sink.stated_id(ctx.provenance, id)
        }
        Kind::Binary => sink.skipped(ctx.provenance, "not a cable (binary data)"),
        Kind::Html | Kind::Text | Kind::Unknown | Kind::Directory => {
            if !ctx.explicit {
                if let Some(reason) = detect::not_cable_by_name(ctx.name()) {
                    return sink.skipped(ctx.provenance, reason);
                }
            }
            let Some(bytes) = read_capped(sink, &mut reader, &ctx.provenance)? else {
                return Ok(());
            };
            if kind == Kind::Html {
                html::read(sink, &bytes, ctx)
            } else {
                text::read(sink, &bytes, ctx)
            }
        }
    }
}

fn seekable_archive<R: Read + Seek>(
    sink: &mut Sink<'_>,
    kind: Kind,
    reader: R,
    ctx: &Ctx,
) -> Result<(), Stop> {
    if ctx.depth >= sink.limits().max_depth {
        let reason = format!(
            "archive nested deeper than max_depth ({})",
            sink.limits().max_depth
        );
        return sink.skipped(ctx.provenance.clone(), reason);
    }
    if kind == Kind::Zip {
        zip::read(sink, reader, ctx)
    } else {
        sevenz::read(sink, reader, ctx)
    }
}

/// Reads a whole member within [`crate::Limits::max_member_bytes`], counting
/// it against the total cap. `Ok(None)` when it failed (already reported).
pub(crate) fn read_capped(
    sink: &mut Sink<'_>,
    reader: &mut dyn Read,
    provenance: &Provenance,
) -> Result<Option<Vec<u8>>, Stop> {
    let cap = sink.limits().max_member_bytes;
    let mut bytes = Vec::new();
    if let Err(e) = reader.take(cap.saturating_add(1)).read_to_end(&mut bytes) {
        let msg = read_error(sink, provenance, &e);
        sink.failed(provenance.clone(), msg)?;
        return Ok(None);
    }
    sink.charge(provenance, bytes.len() as u64)?;
    if bytes.len() as u64 > cap {
        let msg = format!(
            "{}: member larger than max_member_bytes ({cap} bytes), not read",
            sink.describe(provenance)
        );
        sink.failed(provenance.clone(), msg)?;
        return Ok(None);
    }
    Ok(Some(bytes))
}

/// A read error worded for the report: names the member, says "truncated"
/// for an unexpected end.
pub(crate) fn read_error(sink: &Sink<'_>, provenance: &Provenance, e: &io::Error) -> String {
    let what = sink.describe(provenance);
    match e.kind() {
        io::ErrorKind::UnexpectedEof => format!("{what}: truncated: {e}"),
        _ => format!("cannot read {what}: {e}"),
    }
}

/// A reader that fails with the error it was given (then with a copy of
/// its kind and message): the rest of a stream after a read error.
struct Failing(Option<io::Error>);

impl Read for Failing {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        Err(match self.0.take() {
            Some(e) => {
                self.0 = Some(io::Error::new(e.kind(), e.to_string()));
                e
            }
            None => io::Error::other("read error"),
        })
    }
}

/// Counts the raw bytes read from the input for progress reporting.
pub(crate) struct Counting<R> {
    inner: R,
    counter: Arc<AtomicU64>,
}

impl<R> Counting<R> {
    pub(crate) fn new(inner: R, counter: Arc<AtomicU64>) -> Self {
        Counting { inner, counter }
    }
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl<R: Seek> Seek for Counting<R> {
    fn seek(&mut self, pos: io::SeekFrom) -> io::Result<u64> {
        self.inner.seek(pos)
    }
}
