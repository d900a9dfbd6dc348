//! A worker's work: one item to an [`Outcome`], everything that does not
//! depend on the order of items. The record is parsed, every requested
//! format rendered into memory, and for a tar archive each output framed
//! as a complete tar entry (header included) under the name the cable
//! would get if it were the first of its id; `--xml-per-input` fragments
//! are rendered here too. Naming duplicates and writing happen in order
//! (`order`).

use crate::format::{Format, Settings};
use crate::index::{DiagnosticCounts, Line, Status};
use crate::layout::Base;
use crate::resume::Previous;
use crate::shard::Shard;
use cable_archive::{Item, Provenance, Record};
use cable_model::{Cable, Code, Diagnostic};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::OnceLock;

/// One item on its way to a worker.
pub(crate) struct Job {
    pub(crate) seq: u64,
    pub(crate) item: Item,
}

impl Job {
    /// The bytes of text the job holds (for the in-flight byte budget).
    pub(crate) fn weight(&self) -> u64 {
        match &self.item {
            Item::Record(r) => r.text.len() as u64,
            Item::Skipped(_) | Item::Failed(_) => 0,
        }
    }
}

/// One rendered output.
pub(crate) struct Rendered {
    pub(crate) format: Format,
    /// The file's bytes; for a tar archive the complete entry (see
    /// [`crate::sink::tar_entry`]) named after the cable's base name.
    pub(crate) bytes: Vec<u8>,
    /// The file's length (without a tar entry's framing).
    pub(crate) len: u64,
    /// CRC-32 of the file's bytes, for `--resume` to check the file.
    pub(crate) crc: u32,
}

/// What a worker made of one item.
pub(crate) enum Outcome {
    /// Parsed and rendered; the ordered section names and writes it.
    Converted {
        line: Line,
        base: Base,
        rendered: Vec<Rendered>,
        /// With `--xml-per-input`: the `<cable>` fragment for the input's
        /// collection and the characters XML 1.0 forbids that it replaced.
        fragment: Option<(Vec<u8>, u64)>,
    },
    /// Complete in the previous run (`--resume`).
    Reused(Line),
    /// Skipped or failed: the line is final.
    Done(Line),
    /// Belongs to another shard.
    OtherShard,
}

/// How outputs are framed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Framing {
    /// File contents (tree, zip, stdout).
    Plain,
    /// Complete tar entries.
    Tar,
}

/// What the workers need, shared read-only.
pub(crate) struct Shared {
    pub(crate) formats: Vec<Format>,
    pub(crate) settings: Settings,
    pub(crate) shard: Option<Shard>,
    pub(crate) previous: Option<Previous>,
    pub(crate) xml_per_input: bool,
    pub(crate) framing: Framing,
    /// Whether paths start with the format folder.
    pub(crate) format_dirs: bool,
}

/// One item to an outcome. Never panics: a panic while parsing or
/// rendering becomes a failed record carrying the panic message.
pub(crate) fn convert(job: Job, ctx: &Shared) -> Outcome {
    let Job { seq, item } = job;
    match item {
        Item::Record(record) => {
            let source_crc = crc32fast::hash(record.text.as_bytes());
            if let Some(line) = ctx
                .previous
                .as_ref()
                .and_then(|p| p.reusable(seq, &record.provenance, source_crc))
            {
                return Outcome::Reused(line);
            }
            match catch_unwind(AssertUnwindSafe(|| {
                convert_record(seq, &record, source_crc, ctx)
            })) {
                Ok(outcome) => outcome,
                Err(panic) => {
                    let base = Base::fallback(&record.provenance);
                    if ctx.shard.is_some_and(|s| !s.contains(&base.key())) {
                        return Outcome::OtherShard;
                    }
                    let mut line = Line::new(seq, &record.provenance, Status::Failed);
                    line.message = Some(format!(
                        "internal error (a bug: please report it): {}",
                        panic_message(&*panic)
                    ));
                    Outcome::Done(line)
                }
            }
        }
        Item::Skipped(s) => done(seq, &s.provenance, Status::Skipped, s.reason, ctx),
        Item::Failed(f) => done(seq, &f.provenance, Status::Failed, f.error, ctx),
    }
}

fn done(seq: u64, prov: &Provenance, status: Status, message: String, ctx: &Shared) -> Outcome {
    if ctx
        .shard
        .is_some_and(|s| !s.contains(&Base::fallback(prov).key()))
    {
        return Outcome::OtherShard;
    }
    let mut line = Line::new(seq, prov, status);
    line.message = Some(message);
    Outcome::Done(line)
}

fn convert_record(seq: u64, record: &Record, source_crc: u32, ctx: &Shared) -> Outcome {
    let mut cable = cable_parse::parse_with(&record.text, &record.meta);
    note_decoding(&mut cable, record);
    note_container(&mut cable, record);
    // The record is named after the id its container states, when it
    // states one; a text that disagrees keeps its id in the model.
    let record_id = cable_parse::record_id(&cable);
    let base = record_id
        .as_ref()
        .map_or_else(|| Base::fallback(&record.provenance), Base::for_id);
    if ctx.shard.is_some_and(|s| !s.contains(&base.key())) {
        return Outcome::OtherShard;
    }
    let mut line = Line::new(seq, &record.provenance, Status::Ok);
    line.id = record_id.as_ref().map(|id| id.as_str().to_owned());
    line.source_crc32 = Some(format!("{source_crc:08x}"));
    let mut rendered = Vec::with_capacity(ctx.formats.len());
    let mut writer_notes = Vec::new();
    let first_name = crate::layout::Namer::new(ctx.format_dirs).assign(&base);
    for &format in &ctx.formats {
        if format == Format::Xml && ctx.xml_per_input {
            continue;
        }
        let mut buf = Vec::with_capacity(record.text.len() * 2);
        match format.write(&cable, &ctx.settings, &mut buf) {
            Ok(None) => {}
            Ok(Some(noticed)) => writer_notes.push(noticed),
            Err(e) => {
                line.status = Status::Failed;
                line.message = Some(format!("{} writer: {e}", format.name()));
                line.source_crc32 = None;
                return Outcome::Done(line);
            }
        }
        let len = buf.len() as u64;
        let crc = crc32fast::hash(&buf);
        let bytes = match ctx.framing {
            Framing::Plain => buf,
            Framing::Tar => match crate::sink::tar_entry(&first_name.path(format), &buf) {
                Ok(entry) => entry,
                Err(e) => {
                    line.status = Status::Failed;
                    line.message = Some(format!("{} tar entry: {e}", format.name()));
                    line.source_crc32 = None;
                    return Outcome::Done(line);
                }
            },
        };
        rendered.push(Rendered {
            format,
            bytes,
            len,
            crc,
        });
    }
    let fragment = ctx.xml_per_input.then(|| xml_fragment(&cable));
    if let Some((_, replaced)) = &fragment
        && *replaced > 0
    {
        writer_notes.push(Diagnostic::new(
            Code::XmlCharacterReplaced,
            None,
            format!("{replaced} characters replaced in the XML output"),
        ));
    }
    // Counted in the index and report with the parser's diagnostics.
    cable.diagnostics.extend(writer_notes);
    line.diagnostics = Some(DiagnosticCounts::of(&cable));
    line.listing = Some(crate::site::Listing::of(&cable));
    Outcome::Converted {
        line,
        base,
        rendered,
        fragment,
    }
}

/// The constant start (declaration, `<cables>`) and end (`</cables>`) of
/// an XML collection, between which the workers' fragments go.
pub(crate) fn xml_collection_parts() -> &'static (Vec<u8>, Vec<u8>) {
    static PARTS: OnceLock<(Vec<u8>, Vec<u8>)> = OnceLock::new();
    PARTS.get_or_init(|| {
        let empty = cable_xml::CollectionWriter::new(Vec::new())
            .finish()
            .unwrap_or_default();
        let one = collection_of(&[&Cable::default()]);
        let fragment = fragment_of(&one, &empty);
        // `empty` = start + end; the start is what precedes the fragment in `one`.
        let start_len = one
            .windows(fragment.len().max(1))
            .position(|w| w == fragment)
            .unwrap_or(0);
        let start = one.get(..start_len).unwrap_or_default().to_vec();
        let end = one
            .get(start_len + fragment.len()..)
            .unwrap_or_default()
            .to_vec();
        (start, end)
    })
}

fn collection_of(cables: &[&Cable]) -> Vec<u8> {
    let mut w = cable_xml::CollectionWriter::new(Vec::new());
    for c in cables {
        let _ = w.add(c);
    }
    w.finish().unwrap_or_default()
}

/// What a one-cable collection adds to an empty one: the common prefix
/// and suffix of the two removed.
fn fragment_of<'a>(one: &'a [u8], empty: &[u8]) -> &'a [u8] {
    let prefix = one.iter().zip(empty).take_while(|(a, b)| a == b).count();
    let suffix = one[prefix..]
        .iter()
        .rev()
        .zip(empty[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    one.get(prefix..one.len() - suffix).unwrap_or_default()
}

/// The `<cable>` element of `cable` as it appears inside a collection,
/// and the number of characters XML 1.0 forbids that it replaced.
pub(crate) fn xml_fragment(cable: &Cable) -> (Vec<u8>, u64) {
    let (start, end) = xml_collection_parts();
    let mut w = cable_xml::CollectionWriter::new(Vec::new());
    let replaced = w.add(cable).map(|s| s.replaced_characters).unwrap_or(0);
    let doc = w.finish().unwrap_or_default();
    let body = doc
        .get(start.len()..doc.len().saturating_sub(end.len()))
        .unwrap_or_default()
        .to_vec();
    (body, replaced)
}

/// Records what decoding the bytes did, which the parser cannot know.
fn note_decoding(cable: &mut Cable, record: &Record) {
    if record.had_decoding_errors {
        let message = format!("bytes not valid in {} were replaced", record.encoding);
        cable
            .diagnostics
            .push(Diagnostic::new(Code::InvalidEncoding, None, message));
    }
    if record.encoding != "UTF-8" && !record.encoding.is_empty() {
        let message = format!("decoded from {}", record.encoding);
        cable
            .diagnostics
            .push(Diagnostic::new(Code::LegacyEncoding, None, message));
    }
}

/// What the container reader noticed about the record (`Record::notes`)
/// reaches the model as diagnostics, not dropped.
fn note_container(cable: &mut Cable, record: &Record) {
    for note in &record.notes {
        cable
            .diagnostics
            .push(Diagnostic::new(Code::ContainerNote, None, note.clone()));
    }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fragments rendered one by one and joined between the collection's
    /// start and end are exactly the collection the writer makes.
    #[test]
    #[allow(clippy::field_reassign_with_default)] // `Cable` is non-exhaustive
    fn xml_fragments_join_into_the_collection() {
        let mut a = Cable::default();
        a.id = cable_model::CableId::parse("09STATE1");
        let b = Cable::default();
        let (start, end) = xml_collection_parts();
        let mut joined = start.clone();
        for c in [&a, &b, &a] {
            joined.extend_from_slice(&xml_fragment(c).0);
        }
        joined.extend_from_slice(end);
        assert_eq!(
            String::from_utf8(joined).unwrap(),
            String::from_utf8(collection_of(&[&a, &b, &a])).unwrap()
        );
    }
}
