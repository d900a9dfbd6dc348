//! The YAML contract as Rust types: one struct per mapping, keys in the
//! order they are written. Renaming a model field never changes this view;
//! changing this view is changing the public contract (`docs/cable.schema.json`).
//!
//! Each type takes a [`Mode`]: [`Compact`] (the default) leaves out what is
//! absent (`None`), empty (`[]`, a paragraph's empty text) or false (an
//! addressee's `niact`); [`Explicit`] writes every key, with `null`, `[]`,
//! `''` or `false`, as the writer did before issue #14 (`letter: null`,
//! `items: []` on every paragraph: 84 `null`s on one ordinary cable).
//!
//! ```
//! use cable_yaml::view::{CableView, Explicit};
//! let cable = cable_model::Cable::default();
//! let compact = serde_json::to_value(CableView::new(&cable)).unwrap();
//! assert_eq!(compact, serde_json::json!({"container": {"kind": "text"}}));
//! let explicit = serde_json::to_value(CableView::<Explicit>::explicit(&cable)).unwrap();
//! assert!(explicit["id"].is_null() && explicit["tags"] == serde_json::json!([]));
//! ```

use cable_model::{
    Addressee, Block, Cable, Declassify, Diagnostic, Heading, HeadingStyle, LabelValue, List,
    Marking, Note, Paragraph, Reference,
};
use serde::Serialize;
use std::borrow::Cow;
use std::marker::PhantomData;

/// Whether absent, empty and false values are written ([`Explicit`]) or
/// left out ([`Compact`]); the `skip_serializing_if` tests of the view.
pub trait Mode {
    /// Write every key.
    const EXPLICIT: bool;

    /// Leave out `None`.
    fn none<T>(v: &Option<T>) -> bool {
        !Self::EXPLICIT && v.is_none()
    }

    /// Leave out an empty list.
    fn empty<V: AsRef<[T]>, T>(v: &V) -> bool {
        !Self::EXPLICIT && v.as_ref().is_empty()
    }

    /// Leave out `None` and the empty string.
    fn blank(v: &Option<&str>) -> bool {
        !Self::EXPLICIT && v.is_none_or(str::is_empty)
    }

    /// Leave out `false`.
    fn no(v: &bool) -> bool {
        !Self::EXPLICIT && !*v
    }
}

/// Absent, empty and false values are left out (the default).
#[derive(Debug, Clone, Copy, Default)]
pub struct Compact;

/// Every key is written: `null`, `[]`, `''`, `false` for what is absent.
#[derive(Debug, Clone, Copy, Default)]
pub struct Explicit;

impl Mode for Compact {
    const EXPLICIT: bool = false;
}

impl Mode for Explicit {
    const EXPLICIT: bool = true;
}

/// The whole document.
///
/// ```yaml
/// id: 09STATE17183
/// classification: CONFIDENTIAL
/// date: '2009-02-24T21:58:00Z'
/// precedence: {action: PRIORITY, info: ROUTINE}
/// ```
#[derive(Debug, Serialize)]
#[serde(bound = "")]
pub struct CableView<'a, M: Mode = Compact> {
    /// Canonical reference id: `09STATE17183`.
    #[serde(skip_serializing_if = "M::none")]
    pub id: Option<&'a str>,
    /// `SECTION 01 OF 04` as `{number: 1, total: 4}`.
    #[serde(skip_serializing_if = "M::none")]
    pub section: Option<SectionView>,
    /// Level name: `CONFIDENTIAL`.
    #[serde(skip_serializing_if = "M::none")]
    pub classification: Option<&'static str>,
    /// Caveats: `[NOFORN, SIPDIS]`.
    #[serde(skip_serializing_if = "M::empty")]
    pub caveats: Vec<String>,
    /// The banner line as written.
    #[serde(skip_serializing_if = "M::none")]
    pub banner: Option<&'a str>,
    /// The DTG as ISO 8601 UTC: `2009-02-24T21:58:00Z`.
    #[serde(skip_serializing_if = "M::none")]
    pub date: Option<String>,
    /// The DTG as written: `242158Z FEB 09`.
    #[serde(skip_serializing_if = "M::none")]
    pub dtg: Option<&'a str>,
    /// Action and info precedence (in [`Compact`] mode, `None` when the
    /// cable has none).
    #[serde(skip_serializing_if = "M::none")]
    pub precedence: Option<PrecedenceView<M>>,
    /// Originator.
    #[serde(skip_serializing_if = "M::none")]
    pub from: Option<AddresseeView<'a, M>>,
    /// Action addressees.
    #[serde(skip_serializing_if = "M::empty")]
    pub to: Vec<AddresseeView<'a, M>>,
    /// Info addressees.
    #[serde(skip_serializing_if = "M::empty")]
    pub info: Vec<AddresseeView<'a, M>>,
    /// ACP-127 transmission lines.
    #[serde(skip_serializing_if = "M::none")]
    pub transmission: Option<TransmissionView<'a, M>>,
    /// Passing and handling lines: `PARIS FOR POL`.
    #[serde(skip_serializing_if = "M::empty")]
    pub handling: &'a [String],
    /// `E.O. 12958` as `{number: '12958', text: 'E.O. 12958: DECL: 02/28/2009'}`.
    #[serde(skip_serializing_if = "M::none")]
    pub executive_order: Option<ExecutiveOrderView<'a, M>>,
    /// A date (`2009-02-28`) or the instruction's text (`GDS`), borrowed
    /// from the cable when it is text.
    #[serde(skip_serializing_if = "M::none")]
    pub declassify: Option<Cow<'a, str>>,
    /// TAGS in order.
    #[serde(skip_serializing_if = "M::empty")]
    pub tags: Vec<&'a str>,
    /// The subject as written (wrapped lines joined, marking removed).
    #[serde(skip_serializing_if = "M::none")]
    pub subject: Option<&'a str>,
    /// The subject in title case.
    #[serde(skip_serializing_if = "M::none")]
    pub title: Option<&'a str>,
    /// The subject's portion marking, as written: `C`.
    #[serde(skip_serializing_if = "M::none")]
    pub subject_classification: Option<&'a str>,
    /// References in order.
    #[serde(skip_serializing_if = "M::empty")]
    pub references: Vec<ReferenceView<'a, M>>,
    /// Who classified the cable.
    #[serde(skip_serializing_if = "M::none")]
    pub classified_by: Option<ClassifiedByView<'a, M>>,
    /// `1.4(b)`, `1.4(d)`.
    #[serde(skip_serializing_if = "M::empty")]
    pub reasons: Vec<&'a str>,
    /// The body: paragraphs and the other blocks, in order.
    #[serde(skip_serializing_if = "M::empty")]
    pub paragraphs: Vec<BlockView<'a, M>>,
    /// The summary's text.
    #[serde(skip_serializing_if = "M::none")]
    pub summary: Option<String>,
    /// The signer: `CLINTON`.
    #[serde(skip_serializing_if = "M::none")]
    pub signer: Option<&'a str>,
    /// Trailer lines: `NNNN`.
    #[serde(skip_serializing_if = "M::empty")]
    pub trailer: &'a [String],
    /// What the container (CSV row, HTML page) said.
    pub container: ContainerView<'a, M>,
    /// What the parser noticed.
    #[serde(skip_serializing_if = "M::empty")]
    pub diagnostics: Vec<DiagnosticView<'a, M>>,
}

/// `SECTION 01 OF 04`.
#[derive(Debug, Serialize)]
pub struct SectionView {
    /// 1.
    pub number: u16,
    /// 4.
    pub total: u16,
}

/// `P R` as `{action: PRIORITY, info: ROUTINE}`.
#[derive(Debug, Serialize)]
#[serde(bound = "")]
pub struct PrecedenceView<M: Mode = Compact> {
    /// Action precedence.
    #[serde(skip_serializing_if = "M::none")]
    pub action: Option<&'static str>,
    /// Info precedence.
    #[serde(skip_serializing_if = "M::none")]
    pub info: Option<&'static str>,
    #[serde(skip)]
    mode: PhantomData<M>,
}

/// `RUEHC/SECSTATE WASHDC IMMEDIATE 4460`, with the `XMT` lines after it.
#[derive(Debug, Serialize)]
#[serde(bound = "")]
pub struct AddresseeView<'a, M: Mode = Compact> {
    /// `SECSTATE WASHDC`.
    pub name: &'a str,
    /// `RUEHC`.
    #[serde(skip_serializing_if = "M::none")]
    pub route: Option<&'a str>,
    /// `IMMEDIATE`.
    #[serde(skip_serializing_if = "M::none")]
    pub precedence: Option<&'static str>,
    /// `NIACT` was written.
    #[serde(skip_serializing_if = "M::no")]
    pub niact: bool,
    /// `4460`.
    #[serde(skip_serializing_if = "M::none")]
    pub serial: Option<&'a str>,
    /// Stations the addressee does not go to: `XMT USINT HAVANA` as
    /// `[USINT HAVANA]`.
    #[serde(skip_serializing_if = "M::empty")]
    pub excluded: &'a [String],
    #[serde(skip)]
    mode: PhantomData<M>,
}

/// `VZCZCXRO4549` / `DE RUEHSW #0881/01 2540944` / `ZNY SSSSS ZZH`.
#[derive(Debug, Serialize)]
#[serde(bound = "")]
pub struct TransmissionView<'a, M: Mode = Compact> {
    /// `VZCZCXRO4549`.
    #[serde(skip_serializing_if = "M::none")]
    pub id: Option<&'a str>,
    /// `OO RUEHRG`.
    #[serde(skip_serializing_if = "M::none")]
    pub relay: Option<&'a str>,
    /// `RUEHSW`.
    #[serde(skip_serializing_if = "M::none")]
    pub station: Option<&'a str>,
    /// 881.
    #[serde(skip_serializing_if = "M::none")]
    pub serial: Option<u32>,
    /// 1.
    #[serde(skip_serializing_if = "M::none")]
    pub section: Option<u16>,
    /// `2540944`.
    #[serde(skip_serializing_if = "M::none")]
    pub filed: Option<&'a str>,
    /// `ZNY SSSSS ZZH`.
    #[serde(skip_serializing_if = "M::none")]
    pub security: Option<&'a str>,
    #[serde(skip)]
    mode: PhantomData<M>,
}

/// `E.O. 12958: DECL: 02/28/2009`.
#[derive(Debug, Serialize)]
#[serde(bound = "")]
pub struct ExecutiveOrderView<'a, M: Mode = Compact> {
    /// `12958`.
    #[serde(skip_serializing_if = "M::none")]
    pub number: Option<&'a str>,
    /// The line as written.
    pub text: &'a str,
    #[serde(skip)]
    mode: PhantomData<M>,
}

/// `A. STATE 4690`.
#[derive(Debug, Serialize)]
#[serde(bound = "")]
pub struct ReferenceView<'a, M: Mode = Compact> {
    /// `A`.
    #[serde(skip_serializing_if = "M::none")]
    pub label: Option<char>,
    /// `cable`, `email`, `telcon`, `memo`, `document`, `other`.
    pub kind: &'static str,
    /// `09STATE4690` for cables.
    #[serde(skip_serializing_if = "M::none")]
    pub id: Option<&'a str>,
    /// The reference as written.
    pub text: &'a str,
    #[serde(skip)]
    mode: PhantomData<M>,
}

/// `Classified By: isn/mtr director Pam Durham.`
#[derive(Debug, Serialize)]
#[serde(bound = "")]
pub struct ClassifiedByView<'a, M: Mode = Compact> {
    /// `Pam Durham`.
    #[serde(skip_serializing_if = "M::none")]
    pub name: Option<&'a str>,
    /// `isn/mtr director`.
    #[serde(skip_serializing_if = "M::none")]
    pub title: Option<&'a str>,
    /// The whole line after `Classified By:`.
    pub text: &'a str,
    #[serde(skip)]
    mode: PhantomData<M>,
}

/// One block of the body. `kind` says which keys carry content; in
/// [`Explicit`] mode every block has every key:
///
/// | kind | uses |
/// |---|---|
/// | `paragraph` | `number` or `letter`, `label`, `classification`, `text`, `children` |
/// | `text` | `text` |
/// | `list` | `items` |
/// | `heading` | `text`, `style` |
/// | `note`, `summary`, `comment`, `begin` | `title`, `children`, `closed` |
#[derive(Debug, Serialize)]
#[serde(bound = "")]
pub struct BlockView<'a, M: Mode = Compact> {
    /// `paragraph`, `text`, `list`, `heading`, `note`, `summary`, `comment`, `begin`.
    pub kind: &'static str,
    /// The paragraph number: 5.
    #[serde(skip_serializing_if = "M::none")]
    pub number: Option<u32>,
    /// The sub-paragraph letter: `B`.
    #[serde(skip_serializing_if = "M::none")]
    pub letter: Option<char>,
    /// The label as written: `15` (repaired to number 5).
    #[serde(skip_serializing_if = "M::none")]
    pub label: Option<&'a str>,
    /// The portion marking as written: `C/REL MTCR`.
    #[serde(skip_serializing_if = "M::none")]
    pub classification: Option<&'a str>,
    /// Heading text, note title (`GUIDANCE`), or null.
    #[serde(skip_serializing_if = "M::none")]
    pub title: Option<&'a str>,
    /// The block's text (paragraph lead text, prose, heading text); in
    /// [`Compact`] mode left out when empty (a paragraph that opens with
    /// a list or a note).
    #[serde(skip_serializing_if = "M::blank")]
    pub text: Option<&'a str>,
    /// Heading style: `dashed`, `underlined`, `slashes`, `line`.
    #[serde(skip_serializing_if = "M::none")]
    pub style: Option<&'static str>,
    /// Whether a note's `END` marker was found.
    #[serde(skip_serializing_if = "M::none")]
    pub closed: Option<bool>,
    /// List items.
    #[serde(skip_serializing_if = "M::empty")]
    pub items: Vec<ItemView<'a, M>>,
    /// Nested blocks (paragraph children, note contents).
    #[serde(skip_serializing_if = "M::empty")]
    pub children: Vec<BlockView<'a, M>>,
    #[serde(skip)]
    mode: PhantomData<M>,
}

/// One bullet item.
#[derive(Debug, Serialize)]
#[serde(bound = "")]
pub struct ItemView<'a, M: Mode = Compact> {
    /// `--`.
    pub marker: &'a str,
    /// The item's text.
    pub text: &'a str,
    /// Nested blocks.
    #[serde(skip_serializing_if = "M::empty")]
    pub children: Vec<BlockView<'a, M>>,
    #[serde(skip)]
    mode: PhantomData<M>,
}

/// What the container said about the cable.
#[derive(Debug, Serialize)]
#[serde(bound = "")]
pub struct ContainerView<'a, M: Mode = Compact> {
    /// `text`, `cables-csv`, `cablegate-html`.
    pub kind: &'static str,
    /// The id as the container wrote it.
    #[serde(skip_serializing_if = "M::none")]
    pub id: Option<&'a str>,
    /// The date as the container wrote it.
    #[serde(skip_serializing_if = "M::none")]
    pub date: Option<&'a str>,
    /// The origin: `Embassy Tehran`.
    #[serde(skip_serializing_if = "M::none")]
    pub origin: Option<&'a str>,
    /// `CONFIDENTIAL//NOFORN`.
    #[serde(skip_serializing_if = "M::none")]
    pub classification: Option<&'a str>,
    /// Referenced ids as the container listed them.
    #[serde(skip_serializing_if = "M::empty")]
    pub references: &'a [String],
    #[serde(skip)]
    mode: PhantomData<M>,
}

/// One diagnostic.
#[derive(Debug, Serialize)]
#[serde(bound = "")]
pub struct DiagnosticView<'a, M: Mode = Compact> {
    /// Stable code: `missing-subject`.
    pub code: &'static str,
    /// `info`, `warning`, `error`.
    pub severity: &'static str,
    /// 1-based input line.
    #[serde(skip_serializing_if = "M::none")]
    pub line: Option<u32>,
    /// Explanation.
    pub message: &'a str,
    #[serde(skip)]
    mode: PhantomData<M>,
}

impl<'a> CableView<'a, Compact> {
    /// The view of `c` that leaves out absent, empty and false values.
    pub fn new(c: &'a Cable) -> CableView<'a, Compact> {
        CableView::build(c)
    }
}

impl<'a> CableView<'a, Explicit> {
    /// The view of `c` that writes every key (`null`, `[]`, `''`, `false`).
    pub fn explicit(c: &'a Cable) -> CableView<'a, Explicit> {
        CableView::build(c)
    }
}

impl<'a, M: Mode> CableView<'a, M> {
    /// Builds the view of `c`.
    fn build(c: &'a Cable) -> CableView<'a, M> {
        let r = &c.routing;
        let precedence = PrecedenceView {
            action: r.precedence.map(|p| p.action.name()),
            info: r.precedence.and_then(|p| p.info).map(|p| p.name()),
            mode: PhantomData,
        };
        CableView {
            id: c.id.as_ref().map(|i| i.as_str()),
            section: c.section.map(|s| SectionView {
                number: s.number,
                total: s.total,
            }),
            classification: c
                .classification
                .as_ref()
                .and_then(|m| m.level)
                .map(|l| l.name()),
            caveats: c
                .classification
                .as_ref()
                .map(|m| m.caveats.iter().map(|c| c.name()).collect())
                .unwrap_or_default(),
            banner: c.banner.as_deref(),
            date: c.date().map(|d| d.to_string()),
            dtg: r.dtg.as_ref().map(|d| d.raw.as_str()),
            precedence: (M::EXPLICIT || r.precedence.is_some()).then_some(precedence),
            from: r.from.as_ref().map(addressee),
            to: r.to.iter().map(addressee).collect(),
            info: r.info.iter().map(addressee).collect(),
            transmission: c.transmission.as_ref().map(|t| TransmissionView {
                id: t.id.as_deref(),
                relay: t.relay.as_deref(),
                station: t.station.as_deref(),
                serial: t.serial,
                section: t.section,
                filed: t.filed.as_deref(),
                security: t.security.as_deref(),
                mode: PhantomData,
            }),
            handling: &c.handling,
            executive_order: c.executive_order.as_ref().map(|e| ExecutiveOrderView {
                number: e.number.as_deref(),
                text: &e.raw,
                mode: PhantomData,
            }),
            declassify: c.declassify.as_ref().map(|d| match d {
                Declassify::Date(d) => Cow::Owned(d.to_string()),
                Declassify::Text(t) => Cow::Borrowed(t.as_str()),
                _ => Cow::Borrowed(""),
            }),
            tags: c.tags.iter().map(|t| t.as_str()).collect(),
            subject: c.subject.as_ref().map(|s| s.text.as_str()),
            title: c.title(),
            subject_classification: c
                .subject
                .as_ref()
                .and_then(|s| s.marking.as_ref())
                .map(|m| m.raw.as_str()),
            references: c.references.iter().map(reference).collect(),
            classified_by: c.classified_by.as_ref().map(|cb| ClassifiedByView {
                name: cb.name.as_deref(),
                title: cb.title.as_deref(),
                text: &cb.raw,
                mode: PhantomData,
            }),
            reasons: c.reasons.iter().map(|r| r.as_str()).collect(),
            paragraphs: blocks(&c.body),
            summary: c.summary(),
            signer: c.signer.as_deref(),
            trailer: &c.trailer,
            container: ContainerView {
                kind: match c.container.kind {
                    cable_model::ContainerKind::CablesCsv => "cables-csv",
                    cable_model::ContainerKind::CablegateHtml => "cablegate-html",
                    _ => "text",
                },
                id: c.container.id.as_deref(),
                date: c.container.date_raw.as_deref(),
                origin: c.container.origin.as_deref(),
                classification: c.container.classification.as_deref(),
                references: &c.container.references,
                mode: PhantomData,
            },
            diagnostics: c.diagnostics.iter().map(diagnostic).collect(),
        }
    }
}

fn addressee<M: Mode>(a: &Addressee) -> AddresseeView<'_, M> {
    AddresseeView {
        name: &a.name,
        route: a.route.as_deref(),
        precedence: a.precedence.map(|p| p.name()),
        niact: a.niact,
        serial: a.serial.as_deref(),
        excluded: &a.excluded,
        mode: PhantomData,
    }
}

fn reference<M: Mode>(r: &Reference) -> ReferenceView<'_, M> {
    ReferenceView {
        label: r.label,
        kind: r.kind.name(),
        id: r.id.as_ref().map(|i| i.as_str()),
        text: &r.text,
        mode: PhantomData,
    }
}

fn diagnostic<M: Mode>(d: &Diagnostic) -> DiagnosticView<'_, M> {
    DiagnosticView {
        code: d.code.name(),
        severity: d.severity.name(),
        line: d.line,
        message: &d.message,
        mode: PhantomData,
    }
}

fn marking(m: &Option<Marking>) -> Option<&str> {
    m.as_ref().map(|m| m.raw.as_str())
}

fn empty<M: Mode>(kind: &'static str) -> BlockView<'static, M> {
    BlockView {
        kind,
        number: None,
        letter: None,
        label: None,
        classification: None,
        title: None,
        text: None,
        style: None,
        closed: None,
        items: Vec::new(),
        children: Vec::new(),
        mode: PhantomData,
    }
}

fn blocks<M: Mode>(bs: &[Block]) -> Vec<BlockView<'_, M>> {
    bs.iter().map(block).collect()
}

fn block<M: Mode>(b: &Block) -> BlockView<'_, M> {
    match b {
        Block::Paragraph(p) => paragraph(p),
        Block::Text(t) => BlockView {
            text: Some(t),
            ..empty("text")
        },
        Block::List(l) => list(l),
        Block::Heading(h) => heading(h),
        Block::Note(n) => note(n),
        _ => empty("unknown"),
    }
}

fn paragraph<M: Mode>(p: &Paragraph) -> BlockView<'_, M> {
    let (number, letter) = match p.label.as_ref().map(|l| l.value) {
        Some(LabelValue::Number(n)) => (Some(n), None),
        Some(LabelValue::Letter(c)) => (None, Some(c)),
        _ => (None, None),
    };
    BlockView {
        number,
        letter,
        label: p.label.as_ref().map(|l| l.raw.as_str()),
        classification: marking(&p.marking),
        text: Some(&p.text),
        children: blocks(&p.children),
        ..empty("paragraph")
    }
}

fn list<M: Mode>(l: &List) -> BlockView<'_, M> {
    BlockView {
        items: l
            .items
            .iter()
            .map(|i| ItemView {
                marker: &i.marker,
                text: &i.text,
                children: blocks(&i.children),
                mode: PhantomData,
            })
            .collect(),
        ..empty("list")
    }
}

fn heading<M: Mode>(h: &Heading) -> BlockView<'_, M> {
    BlockView {
        text: Some(&h.text),
        style: Some(match h.style {
            HeadingStyle::Dashed => "dashed",
            HeadingStyle::Underlined => "underlined",
            HeadingStyle::Slashes => "slashes",
            _ => "line",
        }),
        ..empty("heading")
    }
}

fn note<M: Mode>(n: &Note) -> BlockView<'_, M> {
    BlockView {
        title: Some(&n.title),
        closed: Some(n.closed),
        children: blocks(&n.blocks),
        ..empty(n.kind.name())
    }
}
