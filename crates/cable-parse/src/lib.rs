//! # Brief overview
//!
//! `cable-parse` reads the text of a US diplomatic cable, in any of the
//! renderings it was published in (raw telegram text from `cables.csv`,
//! text scrapes, the text of cablegate HTML pages, the seed rendering), and
//! returns a [`cable_model::Cable`]. Parsing is total: any input, including
//! empty text and binary junk, gives a `Cable` whose `diagnostics` say what
//! could not be read. It never panics and never fails.
//!
//! The entry points are [`parse`] and [`parse_with`] (which also reconciles
//! what a container such as a CSV row said about the cable). [`titlefy()`] and
//! [`canonical_id`] are exposed for writers' callers and for conformance
//! testing. [`search_text()`] gives a cable's text line by line without its
//! layout (paragraph numbers, portion markings, rules, page headers,
//! summary markers), for search indexes; [`with_line_breaks`] lays a text
//! the model joined back onto those lines.
//!
//! Invariants: no I/O (no files, no threads, no printing), no global mutable
//! state, time linear in the input's length.
//!
//! ```
//! let cable = cable_parse::parse("P R 242158Z FEB 09\nFM SECSTATE WASHDC\n\nC O N F I D E N T I A L STATE 017183\n\nSUBJECT: TEST\n\n1. (U) Hello.\nCLINTON\n");
//! assert_eq!(cable.id.unwrap().as_str(), "09STATE17183");
//! ```
//!
//! The grammar each module reads is described in `docs/cable-format.md`.

mod blanks;
mod body;
mod context;
mod header;
mod ids;
mod reconcile;
mod search_text;
mod source;
mod stations;
mod titlefy;

use cable_model::{Cable, CableId, ContainerMeta};

pub use ids::canonical_id;
pub use search_text::{search_text, with_line_breaks};
pub use titlefy::titlefy;

/// One TAGS entry as written (`prel`, `NATO`, `Clinton, Hillary`) as the
/// parser reads it: the code upper-cased, the kind from the TAGS
/// vocabulary (subject and organisation codes, countries, programs), else
/// from its shape. `None` for an empty text.
///
/// ```
/// use cable_model::TagKind;
/// assert_eq!(cable_parse::tag("nato").unwrap().kind(), TagKind::Organisation);
/// assert_eq!(cable_parse::tag("kdem").unwrap().as_str(), "KDEM");
/// ```
pub fn tag(written: &str) -> Option<cable_model::Tag> {
    let code = written
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase();
    cable_model::Tag::from_text(written, header::tags::tag_kind(&code))
}

/// Parses the text of one cable.
///
/// Equivalent to [`parse_with`] with empty container metadata.
pub fn parse(text: &str) -> Cable {
    parse_with(text, &ContainerMeta::default())
}

/// Parses the text of one cable and reconciles the result with what its
/// container (CSV row, HTML page) said: where both give an id, a date or a
/// classification, the cable keeps the text's value, `cable.container`
/// keeps the container's, and a diagnostic records any disagreement. Only
/// the id is filled in from the container when the text has none (a
/// `missing-id` info diagnostic); a date or classification the text lacks
/// stays in `cable.container` alone (`Cable::date()` falls back to it).
///
/// The container also supplies the year used for references written
/// without one when the text has no DTG or id.
// Not inlined: `parse_with` is the function callgrind's `--toggle-collect`
// names in docs/benchmarks.md; under thin LTO it was inlined into its
// caller and the documented measurement collected nothing.
#[inline(never)]
pub fn parse_with(text: &str, container: &ContainerMeta) -> Cable {
    let mut cable = phases(text, container, true);
    reconcile::reconcile(&mut cable, container);
    cable
}

/// The id a parsed record is known by (its output name): the id its
/// container states, when it reads as one, else the text's. `Cable::id`
/// keeps the text's own id; where they disagree the cable has a
/// `container-id-mismatch` diagnostic.
///
/// ```
/// use cable_model::ContainerMeta;
/// let meta = ContainerMeta { id: Some("09LIMA12".into()), ..Default::default() };
/// let cable = cable_parse::parse_with("UNCLAS QUITO 000005\n\nSUBJECT: X\n", &meta);
/// assert_eq!(cable_parse::record_id(&cable).unwrap().as_str(), "09LIMA12");
/// ```
pub fn record_id(cable: &Cable) -> Option<CableId> {
    reconcile::record_id(cable)
}

/// The id [`record_id`] gives the cable [`parse_with`] parses from the same
/// text and container, without parsing the body: only source cleaning, the
/// header and the id reconciliation run. For callers that need just the
/// ids of an archive (the driver's cross-link pre-pass), at well under the
/// cost of a full parse.
///
/// ```
/// use cable_model::ContainerMeta;
/// let text = "C O N F I D E N T I A L STATE 017183\n\nSUBJECT: TEST\n\n1. (U) Hello.\n";
/// let meta = ContainerMeta::default();
/// let cable = cable_parse::parse_with(text, &meta);
/// assert_eq!(cable_parse::identify(text, &meta), cable_parse::record_id(&cable));
/// ```
pub fn identify(text: &str, container: &ContainerMeta) -> Option<CableId> {
    let mut cable = phases(text, container, false);
    reconcile::reconcile_id(&mut cable, container, &mut Vec::new());
    cable.container.id.clone_from(&container.id);
    reconcile::record_id(&cable)
}

/// Source cleaning and the header phase, then the body phase when `body`
/// is set: the parse before reconciliation with the container.
fn phases(text: &str, container: &ContainerMeta, body: bool) -> Cable {
    let mut cx = context::Context::new(container);
    let source = source::Source::new(text, &mut cx);
    let mut cursor = source.cursor();
    header::parse(&mut cursor, &mut cx);
    if body {
        body::parse(&mut cursor, &mut cx);
        // The title keeps upper-case the subject's words that the body
        // writes in capitals (`MTCR` in a mixed-case body).
        let c = &mut cx.cable;
        if let Some(s) = c.subject.as_mut() {
            let caps = titlefy::body_capitals(&s.text, &c.body);
            if !caps.is_empty() {
                s.title = titlefy::titlefy_with(&s.text, &caps);
            }
        }
    }
    cx.finish()
}
