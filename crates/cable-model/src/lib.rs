//! # Brief overview
//!
//! `cable-model` is the document model of a US diplomatic cable: what the
//! telegram says, field by field, as plain typed data. It is produced by
//! `cable-parse` and consumed by every writer (`cable-yaml`,
//! `cable-markdown`, `cable-xml`, `cable-pandoc`).
//!
//! The root type is [`Cable`]. Its parts are named after the cable's own
//! constructs:
//!
//! | text | type |
//! |---|---|
//! | `STATE 017183`, `SECTION 01 OF 04` | [`CableId`], [`SectionOf`] |
//! | `C O N F I D E N T I A L`, `(C/REL MTCR)` | [`Marking`], [`Level`], [`Caveat`] |
//! | `P R 242158Z FEB 09`, `FM`/`TO`/`INFO`/`XMT` | [`Routing`], [`Precedence`], [`Dtg`], [`Addressee`] |
//! | `VZCZC…`, `DE RUEHSW #0881/01 2540944` | [`Transmission`] |
//! | `E.O. 12958: DECL: 02/28/2009` | [`ExecutiveOrder`], [`Declassify`] |
//! | `TAGS: PREL PGOV` | [`Tag`] |
//! | `SUBJECT: …` | [`Subject`] |
//! | `REF: A. STATE 4690` | [`Reference`], [`ReferenceKind`] |
//! | `Classified By: …  Reason: 1.4 (B), (D)` | [`ClassifiedBy`], [`Reason`] |
//! | `5. (C) …`, `--` bullets, `NOTE: … END NOTE` | [`Block`], [`Paragraph`], [`List`], [`Note`], [`Heading`] |
//! | what a CSV row or HTML page says about the cable | [`ContainerMeta`] |
//! | what the parser noticed | [`Diagnostic`], [`Code`], [`Severity`] |
//!
//! Invariants: this crate does no I/O and no parsing of cable text, has no
//! dependencies (no serde: each writer owns its own view of the model), and
//! knows nothing of any output format. Validated newtypes ([`CableId`],
//! [`Tag`], [`Reason`], [`Date`], [`Timestamp`]) can only be built through
//! their checking constructors.
//!
//! Nesting: the parser nests blocks at most [`MAX_NESTING`] (100) levels
//! deep; a model built by hand may nest deeper, and every writer then
//! writes [`Cable::within_nesting_limit`] (the blocks below level 100
//! flat, in reading order, no text lost), so that no writer recurses or
//! indents without bound.
//!
//! ```
//! use cable_model::{Cable, CableId, Level, Marking};
//!
//! let mut cable = Cable::default();
//! cable.id = CableId::new(2009, "STATE", 17183);
//! cable.classification = Some(Marking::from_level(Level::Confidential, "C O N F I D E N T I A L"));
//! assert_eq!(cable.id.as_ref().unwrap().as_str(), "09STATE17183");
//! ```

mod body;
mod classification;
mod container;
mod diagnostics;
mod executive_order;
mod id;
mod references;
mod routing;
mod subject;
mod tags;
mod time;

pub use body::{
    Block, Heading, HeadingStyle, Label, LabelValue, List, ListItem, MAX_NESTING, Note, NoteKind,
    Paragraph,
};
pub use classification::{Caveat, ClassifiedBy, Level, Marking, Reason};
pub use container::{ContainerKind, ContainerMeta};
pub use diagnostics::{Code, Diagnostic, Severity};
pub use executive_order::{Declassify, ExecutiveOrder};
pub use id::{CableId, SectionOf};
pub use references::{Reference, ReferenceKind};
pub use routing::{Addressee, Dtg, Precedence, PrecedencePair, Routing, Transmission};
pub use subject::Subject;
pub use tags::{Tag, TagKind};
pub use time::{CableDate, Date, Timestamp};

use std::borrow::Cow;

/// One US diplomatic cable, as read from its text.
///
/// Every field is optional or a possibly empty list: the parser is total
/// and fills what the text gives, recording what it could not read as
/// [`Diagnostic`]s.
///
/// ```text
/// P R 242158Z FEB 09                      -> routing.precedence, routing.dtg
/// FM SECSTATE WASHDC                      -> routing.from
/// TO AMEMBASSY CANBERRA PRIORITY          -> routing.to
/// C O N F I D E N T I A L STATE 017183    -> classification, id
/// PARIS FOR POL                           -> handling
/// E.O. 12958: DECL: 02/28/2009            -> executive_order, declassify
/// TAGS: MTCRE PARM                        -> tags
/// SUBJECT: MISSILE TECHNOLOGY ... (C)     -> subject
/// REF: A. STATE 4690                      -> references
/// Classified By: ... Reason: 1.4 (B), (D) -> classified_by, reasons
/// 1. (U) This is an action request.       -> body
/// CLINTON                                 -> signer
/// NNNN                                    -> trailer
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cable {
    /// Canonical reference id: `STATE 017183` in a 2009 cable is `09STATE17183`.
    pub id: Option<CableId>,
    /// `SECTION 01 OF 04` in the banner, when present.
    pub section: Option<SectionOf>,
    /// The classification banner: `C O N F I D E N T I A L`, `UNCLAS`, `SECRET//NOFORN`.
    pub classification: Option<Marking>,
    /// The banner line exactly as written: `C O N F I D E N T I A L SECTION 01 OF 04 ISTANBUL 000440`.
    pub banner: Option<String>,
    /// Precedence, date-time group, originator and addressees.
    pub routing: Routing,
    /// The ACP-127 transmission lines (`VZCZC…`, `DE …`, `ZNY CCCCC ZZH`), when present.
    pub transmission: Option<Transmission>,
    /// Passing and handling lines between the banner and the E.O. line:
    /// `PARIS FOR POL`, `DEPT FOR EUR/WE`, `NOFORN`.
    pub handling: Vec<String>,
    /// `E.O. 12958: DECL: 02/28/2009`.
    pub executive_order: Option<ExecutiveOrder>,
    /// The declassification instruction of the E.O. line: a date, or its text.
    pub declassify: Option<Declassify>,
    /// `TAGS: MTCRE PARM MNUC`: split, de-duplicated, in order.
    pub tags: Vec<Tag>,
    /// `SUBJECT: …` with wrapped lines joined and its trailing marking split off.
    pub subject: Option<Subject>,
    /// `REF: A. STATE 4690 B. 08 STATE 129729`.
    pub references: Vec<Reference>,
    /// `Classified By: isn/mtr director Pam Durham.`
    pub classified_by: Option<ClassifiedBy>,
    /// `Reason: 1.4 (B), (D)` gives `1.4(b)`, `1.4(d)`.
    pub reasons: Vec<Reason>,
    /// The text of the cable as structure: paragraphs, lists, headings, notes.
    pub body: Vec<Block>,
    /// The signer's name on the last line of the text: `CLINTON`.
    pub signer: Option<String>,
    /// Lines after the signer that belong to transmission, not to the text:
    /// `NNNN`, `End Cable Text`, a repeated classification footer.
    pub trailer: Vec<String>,
    /// What the container (CSV row, HTML page, file name) said about the cable.
    pub container: ContainerMeta,
    /// What the parser (and reconciliation with the container) noticed.
    pub diagnostics: Vec<Diagnostic>,
}

impl Cable {
    /// The summary: the text of the first [`NoteKind::Summary`] block, wherever
    /// it sits in the body, its blocks joined by blank lines.
    ///
    /// ```text
    /// 1. (C) SUMMARY: The Embassy ... END SUMMARY.
    /// ```
    pub fn summary(&self) -> Option<String> {
        body::find_note(&self.body, NoteKind::Summary).map(Note::plain_text)
    }

    /// How many levels deep the body's blocks nest: 0 for an empty body, 1
    /// when no block has blocks of its own (see [`MAX_NESTING`]).
    pub fn nesting(&self) -> usize {
        body::nesting(&self.body, usize::MAX)
    }

    /// The cable as the writers write it: itself when no block is nested
    /// deeper than [`MAX_NESTING`] (every cable the parser reads), else a
    /// copy in which each block at that level carries the blocks under it
    /// as a flat run after it, in reading order, each without blocks of
    /// its own. Nothing of the text is lost, only the nesting below the
    /// limit, and nothing is reported: the model stays as it was read.
    ///
    /// ```
    /// use cable_model::{Block, Cable, MAX_NESTING, Paragraph};
    ///
    /// let mut body = Vec::new();
    /// for i in 0..5_000 {
    ///     let p = Paragraph { text: format!("level {i}"), children: body, ..Default::default() };
    ///     body = vec![Block::Paragraph(p)];
    /// }
    /// let deep = Cable { body, ..Cable::default() };
    /// assert_eq!(deep.nesting(), 5_000);
    /// let written = deep.within_nesting_limit();
    /// assert_eq!(written.nesting(), MAX_NESTING);
    /// ```
    pub fn within_nesting_limit(&self) -> Cow<'_, Cable> {
        if body::nesting(&self.body, MAX_NESTING + 1) <= MAX_NESTING {
            return Cow::Borrowed(self);
        }
        // Every field named, so that a new one cannot be forgotten here.
        let Cable {
            id,
            section,
            classification,
            banner,
            routing,
            transmission,
            handling,
            executive_order,
            declassify,
            tags,
            subject,
            references,
            classified_by,
            reasons,
            body,
            signer,
            trailer,
            container,
            diagnostics,
        } = self;
        Cow::Owned(Cable {
            id: id.clone(),
            section: *section,
            classification: classification.clone(),
            banner: banner.clone(),
            routing: routing.clone(),
            transmission: transmission.clone(),
            handling: handling.clone(),
            executive_order: executive_order.clone(),
            declassify: declassify.clone(),
            tags: tags.clone(),
            subject: subject.clone(),
            references: references.clone(),
            classified_by: classified_by.clone(),
            reasons: reasons.clone(),
            body: body::limited(body, 1),
            signer: signer.clone(),
            trailer: trailer.clone(),
            container: container.clone(),
            diagnostics: diagnostics.clone(),
        })
    }

    /// When the cable was written: its DTG's instant (UTC) when the text
    /// has a valid one, else the container's date (a wall-clock time of
    /// unknown zone). Every writer takes the cable's date from here.
    ///
    /// ```
    /// use cable_model::{Cable, CableDate, Date, Dtg, Timestamp};
    /// let t = Timestamp::new(Date::new(2009, 2, 24).unwrap(), 21, 58).unwrap();
    /// let mut c = Cable::default();
    /// c.container.date = Some(t);
    /// assert_eq!(c.date(), Some(CableDate::Local(t)));
    /// c.routing.dtg = Some(Dtg { raw: "242158Z FEB 09".into(), utc: Some(t) });
    /// assert_eq!(c.date().unwrap().to_string(), "2009-02-24T21:58:00Z");
    /// ```
    pub fn date(&self) -> Option<CableDate> {
        match self.routing.dtg.as_ref().and_then(|d| d.utc) {
            Some(t) => Some(CableDate::Utc(t)),
            None => self.container.date.map(CableDate::Local),
        }
    }

    /// The cable's title: its subject in title case, else the title its
    /// container gives it (an alx-txt preamble), else none. Every writer
    /// takes the cable's title from here.
    pub fn title(&self) -> Option<&str> {
        self.subject
            .as_ref()
            .map(|s| s.title.as_str())
            .filter(|t| !t.trim().is_empty())
            .or_else(|| {
                self.container
                    .title
                    .as_deref()
                    .filter(|t| !t.trim().is_empty())
            })
    }

    /// The year the cable was written in, from its DTG, else its id.
    pub fn year(&self) -> Option<u16> {
        self.routing
            .dtg
            .as_ref()
            .and_then(|d| d.utc)
            .map(|t| t.date().year())
            .or_else(|| self.id.as_ref().map(CableId::year))
    }

    /// Number of diagnostics of the given severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}
