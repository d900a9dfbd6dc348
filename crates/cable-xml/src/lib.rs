//! # Brief overview
//!
//! Writes a [`cable_model::Cable`] as XML in the `urn:cablekit:cable:1`
//! vocabulary, which `docs/cable.xsd` (XML Schema 1.0) describes and
//! `docs/output-xml.md` documents. Every output validates against that
//! schema, whatever the cable held:
//!
//! - characters XML 1.0 forbids (control characters of old cables,
//!   `U+FFFE`, `U+FFFF`) are replaced with `U+FFFD`, counted in an
//!   `xml-character-replaced` diagnostic inside the output and returned in
//!   [`Stats`];
//! - `&`, `<`, `>` and quotes are escaped as quick-xml escapes them (all
//!   markup goes through its writer; element text is searched with memchr
//!   and only the bytes found are handed to quick-xml's `escape`);
//! - UTF-8 with an XML declaration, elements and attributes in a fixed
//!   order: output is a pure function of the cable and the [`Options`].
//!
//! The entry points are [`write()`] (one cable, one document),
//! [`write_counting`] (the same, returning [`Stats`]) and
//! [`CollectionWriter`] (many cables in one streamed `<cables>` document).
//! Depends on the model only: it never sees raw cable text.
//!
//! ```
//! use cable_model::{Cable, CableId, Tag};
//!
//! let mut cable = Cable::default();
//! cable.id = CableId::new(2009, "STATE", 17183);
//! cable.tags = vec![Tag::new("PREL").unwrap()];
//! cable.signer = Some("CLINTON & CO\u{1a}".into());
//! let mut out = Vec::new();
//! let stats = cable_xml::write_counting(&cable, &cable_xml::Options::default(), &mut out)?;
//! let xml = String::from_utf8(out).unwrap();
//! assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<cable xmlns=\"urn:cablekit:cable:1\" version=\"1\">"));
//! assert!(xml.contains("<id year=\"2009\" station=\"STATE\" serial=\"17183\">09STATE17183</id>"));
//! assert!(xml.contains("<signer>CLINTON &amp; CO\u{FFFD}</signer>"));
//! assert!(xml.contains("<diagnostic code=\"xml-character-replaced\" severity=\"info\">"));
//! assert_eq!(stats.replaced_characters, 1);
//! # Ok::<(), std::io::Error>(())
//! ```

mod body;
mod cable;
mod chars;
mod collection;
mod emit;
mod schema;

use cable_model::Cable;
use std::io;

pub use collection::CollectionWriter;

/// The file extension of this format's output, without the dot:
/// `09STATE17183.xml`.
pub const EXTENSION: &str = "xml";

/// The namespace of every element: `<cable xmlns="urn:cablekit:cable:1">`.
pub const NAMESPACE: &str = schema::NAMESPACE;

/// The vocabulary's version, written as `version="1"` on `<cable>` and
/// `<cables>`. It changes only when a name or a shape changes.
pub const SCHEMA_VERSION: &str = schema::VERSION;

/// Options of the XML writer.
///
/// ```
/// let mut opts = cable_xml::Options::default();
/// opts.indent = false; // one line after the declaration
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Options {
    /// Indent nested elements by two spaces, one per line (default `true`).
    /// Text content is never re-flowed either way.
    pub indent: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { indent: true }
    }
}

/// What writing a cable had to change to produce well-formed XML.
///
/// ```text
/// a signer "CLINTON\x1a"  -> replaced_characters 1
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Stats {
    /// Characters XML 1.0 forbids that were replaced with `U+FFFD`.
    pub replaced_characters: u64,
}

/// Writes `cable` to `out` as one XML document.
///
/// Equivalent to [`write_counting`] without the [`Stats`].
///
/// ```
/// let cable = cable_model::Cable::default();
/// let mut out = Vec::new();
/// cable_xml::write(&cable, &cable_xml::Options::default(), &mut out)?;
/// assert_eq!(
///     String::from_utf8(out).unwrap(),
///     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<cable xmlns=\"urn:cablekit:cable:1\" version=\"1\">\n</cable>\n"
/// );
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn write(cable: &Cable, opts: &Options, out: &mut dyn io::Write) -> io::Result<()> {
    write_counting(cable, opts, out).map(|_| ())
}

/// Writes `cable` to `out` as one XML document and returns what had to be
/// replaced; the count is also in the document, as an
/// `xml-character-replaced` diagnostic.
///
/// The document goes straight to `out` as quick-xml produces it, in many
/// small writes: pass a `Vec<u8>` (as the cablekit driver does) or a
/// [`std::io::BufWriter`], not an unbuffered file or socket.
pub fn write_counting(cable: &Cable, opts: &Options, out: &mut dyn io::Write) -> io::Result<Stats> {
    let mut em = emit::Emitter::new(out, opts.indent);
    em.declaration()?;
    cable::write(&mut em, cable, cable::Placement::Root)?;
    em.newline()?;
    Ok(Stats {
        replaced_characters: em.replaced(),
    })
}
