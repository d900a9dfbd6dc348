//! # Brief overview
//!
//! Writes a [`cable_model::Cable`] as Pandoc's JSON AST, the document model
//! from which pandoc writes DOCX, ODT, HTML, EPUB, LaTeX/PDF, DocBook and
//! JATS, and which Lua or Python filters transform. Depends on the model
//! only: it never sees raw cable text. Output is a pure function of the
//! cable and the [`Options`]: byte-identical across runs and thread counts.
//!
//! ```
//! use cable_model::{Block, Cable, CableId, Paragraph};
//!
//! let mut cable = Cable::default();
//! cable.id = CableId::new(2009, "STATE", 17183);
//! cable.body.push(Block::Paragraph(Paragraph { text: "Hello.".into(), ..Default::default() }));
//! let mut json = Vec::new();
//! cable_pandoc::write(&cable, &cable_pandoc::Options::default(), &mut json)?;
//! assert!(json.starts_with(br#"{"pandoc-api-version":[1,22,2,1],"meta":{"cable":"#));
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! ## Wire format
//!
//! One JSON object `{"pandoc-api-version": [...], "meta": {...}, "blocks": [...]}`,
//! compact unless [`Options::pretty`]. `pandoc-api-version` is `[1,22,2,1]`
//! (the default, pandoc 2.11 to 2.19: Debian 12's 2.17) or, with
//! [`ApiVersion::V1_23`], `[1,23,1]` (pandoc 3.x): pandoc refuses JSON whose
//! first two numbers differ from its own.
//! No `pandoc-types` 1.23-only construct (`Figure`) is ever written, so the
//! two modes differ only in that array.
//!
//! Metadata (keys sorted):
//!
//! | key | value | from |
//! |---|---|---|
//! | `title` | `MetaInlines` | the title-cased subject (`Subject::title`), else the id |
//! | `subtitle` | `MetaInlines` | the subject as written |
//! | `date` | `MetaString`, `2009-02-24` | `Cable::date()` (the DTG in UTC, else the container's time without a zone) to the day, as pandoc's writers read `date`; the instant is `cable.datetime` |
//! | `subject` | `MetaString` | the subject as written (DOCX, ODT, EPUB `dc:subject`; PDF `pdfsubject`) |
//! | `keywords` | `MetaList` of `MetaInlines` | TAGS (DOCX `cp:keywords`, ODT, PDF, HTML); `MetaInlines`, not `MetaString`, which the DOCX writer prints empty |
//! | `description` | `MetaString` | the `SUMMARY` block |
//! | `lang` | `MetaString` | `en-US` |
//! | `cable` | `MetaMap` | every header field: `id`, `section`, `classification`, `caveats`, `classification-as-written`, `banner`, `precedence`, `info-precedence`, `dtg`, `datetime`, `from`, `to`, `info` (addressees as maps: `name`, `route`, `precedence`, `niact`, `serial`), `handling`, `executive-order`, `declassify`, `tags`, `subject`, `subject-marking`, `references` (maps: `label`, `kind`, `id`, `url`, `text`), `classified-by` (`name`, `title`, `text`), `reasons`, `signer` |
//!
//! Absent and empty fields are left out. Blocks, in order:
//!
//! | cable | pandoc |
//! |---|---|
//! | routing header | `Div ("cable-header", ["cable-header"], [])` around a `DefinitionList` (one term per field, one definition per value) |
//! | `2. (C) text` | `Div ("par-2", ["paragraph"], [number, number-as-written, marking, marking-level, marking-caveats])` holding `Para [Span.paragraph-number "2.", Span.portion-marking "(C)", text…]` then the paragraph's children |
//! | sub-paragraph `A.` of 3 | nested `Div ("par-3-a", …)` |
//! | unlabelled prose | `Para` |
//! | `--` items | `BulletList` (an item is `Plain`, or `Para` + nested blocks) |
//! | heading | `Header 2` (3 inside a paragraph), attribute `heading-style` |
//! | `NOTE:`/`SUMMARY:`/`COMMENT:`/`BEGIN X` | `Div ("", ["note"\|"summary"\|"comment"\|"begin"], [note-title, closed=false when unclosed])`, with `Span.note-mark` for the opening and closing words |
//! | `REF:` cable | `Link` (class `cable-ref`, attribute `cable-id`) when [`Options::links`] resolves it, else `Span.cable-ref` |
//! | signer | `Div ("", ["signer"], [])` |
//!
//! Text is never interpreted as markup: runs of whitespace become one
//! `Space`, everything else stays literal in `Str`, except control
//! characters, which become their visible control pictures (`␇`) because the
//! XML inside DOCX, ODT and EPUB cannot hold them.
//!
//! ## How it is built: one walker, a streaming path and a typed path
//!
//! The document logic (which blocks, which attributes, where a paragraph's
//! number and marking go, how a note is opened and closed) is written once,
//! in a walker that builds a light *view* of pandoc's constructors borrowing
//! the cable's text: a run of words is kept as the text it comes from, not
//! as one `String` per word. From that view:
//!
//! - [`write()`], the fast path, writes it without building any tree of
//!   owned strings. Compact output (the default) spells out each
//!   constructor's fixed punctuation and tag as constant bytes and hands
//!   only the cable's strings to serde_json for escaping, one call per
//!   string (a word costs one serde call, not six). Pretty output goes
//!   through `Serialize` impls that make the same serializer calls as
//!   `pandoc_ast`'s derived ones, so serde_json does its indentation. A
//!   unit test checks that the compact bytes are exactly serde_json's
//!   compact rendering of those impls on every testdata cable.
//! - [`to_ast`], the typed path, converts it into `pandoc_ast` values for
//!   callers who transform the document in Rust.
//!
//! The tests check that `write`'s output, read back as `pandoc_ast::Pandoc`,
//! equals `to_ast` for every test cable, torture file and corpus record in
//! every option set, so the hand-made impls cannot drift from pandoc's
//! schema as `pandoc_ast` encodes it.
//!
//! The JSON is serialised into a buffer kept by the calling thread and
//! handed to `out` in one `write_all`: pandoc's JSON is written in many
//! small pieces (about 28 per word), and sending each through
//! `&mut dyn Write` made the writer execute 1.9 times as many instructions
//! (callgrind, 500 generated cables written into a `Vec`).

mod api;
mod blocks;
mod compact;
mod document;
mod inlines;
mod json;
mod meta;
mod output;
mod typed;
mod view;

pub use api::{ApiVersion, UnknownApiVersion, detect_api};

use cable_model::{Cable, CableId};
use std::fmt;
use std::io::{self, Write};
use std::sync::Arc;

/// The file extension of the output, without the dot: `pandoc.json`
/// (`09STATE17183.pandoc.json`), so the name says which program reads the
/// JSON. The binary names its files with it.
pub const EXTENSION: &str = "pandoc.json";

/// Maps a referenced cable's id to the target of a link to it, or `None`
/// when the cable is not part of this run.
///
/// ```
/// use std::sync::Arc;
/// let links: cable_pandoc::LinkResolver =
///     Arc::new(|id: &cable_model::CableId| (id.as_str() == "08STATE129729").then(|| format!("{id}.json")));
/// # let _ = links;
/// ```
pub type LinkResolver = Arc<dyn Fn(&CableId) -> Option<String> + Send + Sync>;

/// Options of the Pandoc JSON AST writer.
///
/// ```
/// let mut opts = cable_pandoc::Options::default();
/// opts.api = cable_pandoc::ApiVersion::V1_23; // for pandoc 3.x
/// opts.pretty = true;
/// ```
#[derive(Clone, Default)]
#[non_exhaustive]
pub struct Options {
    /// The `pandoc-types` API version to write (default 1.22, pandoc
    /// 2.11-2.19; 1.23 for pandoc 3.x).
    pub api: ApiVersion,
    /// Indent the JSON for reading (default: compact).
    pub pretty: bool,
    /// Resolves references to cables of the same run to link targets:
    /// `Link` when it returns `Some`, `Span` with class `cable-ref` otherwise
    /// (and always when unset).
    pub links: Option<LinkResolver>,
}

impl Options {
    /// The link target of a referenced cable, when the resolver knows it.
    fn resolve(&self, id: &CableId) -> Option<String> {
        self.links.as_ref().and_then(|f| f(id))
    }
}

impl fmt::Debug for Options {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Options")
            .field("api", &self.api)
            .field("pretty", &self.pretty)
            .field("links", &self.links.as_ref().map(|_| "Fn(&CableId)"))
            .finish()
    }
}

/// Writes `cable` to `out` as one Pandoc JSON document.
///
/// The JSON is serialised into a buffer kept by the calling thread and
/// handed to `out` in one `write_all`, so `out` may be an unbuffered file;
/// it is flushed at the end. Errors are those of `out`.
///
/// Blocks nested deeper than [`cable_model::MAX_NESTING`] levels are
/// written at that level, one after the other
/// ([`Cable::within_nesting_limit`]), as in [`to_ast`].
pub fn write(cable: &Cable, opts: &Options, out: &mut dyn Write) -> io::Result<()> {
    let cable = cable.within_nesting_limit();
    let doc = document::Document::new(&cable, opts);
    output::with_buffer(|buf| {
        if opts.pretty {
            serde_json::to_writer_pretty(&mut *buf, &doc).map_err(io::Error::from)?;
        } else {
            compact::document(&doc, buf)?;
        }
        out.write_all(buf)?;
        out.flush()
    })
}

/// The document [`write()`] writes, as `pandoc_ast` values: for callers that
/// transform it in Rust before serialising it themselves.
///
/// `serde_json::to_vec(&to_ast(cable, opts))` holds the same JSON value as
/// [`write()`]'s output (the keys of the top-level object in another order);
/// `write` is the fast path, which never builds this tree.
///
/// ```
/// use cable_model::{Block, Cable, Paragraph};
///
/// let mut cable = Cable::default();
/// cable.body.push(Block::Paragraph(Paragraph { text: "Hello, world.".into(), ..Default::default() }));
/// let doc = cable_pandoc::to_ast(&cable, &cable_pandoc::Options::default());
/// assert_eq!(doc.pandoc_api_version, [1, 22, 2, 1]);
/// let pandoc_ast::Block::Div(_, blocks) = &doc.blocks[0] else { panic!("a paragraph Div") };
/// assert_eq!(blocks[0], pandoc_ast::Block::Para(vec![
///     pandoc_ast::Inline::Str("Hello,".into()),
///     pandoc_ast::Inline::Space,
///     pandoc_ast::Inline::Str("world.".into()),
/// ]));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn to_ast(cable: &Cable, opts: &Options) -> pandoc_ast::Pandoc {
    document::Document::new(&cable.within_nesting_limit(), opts).to_ast()
}
