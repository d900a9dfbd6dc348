//! The YAML contract as Rust types: one struct per mapping, keys in the
//! order they are written. Renaming a model field never changes this view;
//! changing this view is changing the public contract (`docs/cable.schema.json`).

use cable_model::{
    Addressee, Block, Cable, Declassify, Diagnostic, Heading, HeadingStyle, LabelValue, List,
    Marking, Note, Paragraph, Reference,
};
use serde::Serialize;
use std::borrow::Cow;

/// The whole document.
///
/// ```yaml
/// id: 09STATE17183
/// classification: CONFIDENTIAL
/// caveats: []
/// date: '2009-02-24T21:58:00Z'
/// precedence: {action: PRIORITY, info: ROUTINE}
/// ```
#[derive(Debug, Serialize)]
pub struct CableView<'a> {
    /// Canonical reference id: `09STATE17183`.
    pub id: Option<&'a str>,
    /// `SECTION 01 OF 04` as `{number: 1, total: 4}`.
    pub section: Option<SectionView>,
    /// Level name: `CONFIDENTIAL`.
    pub classification: Option<&'static str>,
    /// Caveats: `[NOFORN, SIPDIS]`.
    pub caveats: Vec<String>,
    /// The banner line as written.
    pub banner: Option<&'a str>,
    /// The DTG as ISO 8601 UTC: `2009-02-24T21:58:00Z`.
    pub date: Option<String>,
    /// The DTG as written: `242158Z FEB 09`.
    pub dtg: Option<&'a str>,
    /// Action and info precedence.
    pub precedence: PrecedenceView,
    /// Originator.
    pub from: Option<AddresseeView<'a>>,
    /// Action addressees.
    pub to: Vec<AddresseeView<'a>>,
    /// Info addressees.
    pub info: Vec<AddresseeView<'a>>,
    /// ACP-127 transmission lines.
    pub transmission: Option<TransmissionView<'a>>,
    /// Passing and handling lines: `PARIS FOR POL`.
    pub handling: &'a [String],
    /// `E.O. 12958` as `{number: '12958', text: 'E.O. 12958: DECL: 02/28/2009'}`.
    pub executive_order: Option<ExecutiveOrderView<'a>>,
    /// A date (`2009-02-28`) or the instruction's text (`GDS`), borrowed
    /// from the cable when it is text.
    pub declassify: Option<Cow<'a, str>>,
    /// TAGS in order.
    pub tags: Vec<&'a str>,
    /// The subject as written (wrapped lines joined, marking removed).
    pub subject: Option<&'a str>,
    /// The subject in title case.
    pub title: Option<&'a str>,
    /// The subject's portion marking, as written: `C`.
    pub subject_classification: Option<&'a str>,
    /// References in order.
    pub references: Vec<ReferenceView<'a>>,
    /// Who classified the cable.
    pub classified_by: Option<ClassifiedByView<'a>>,
    /// `1.4(b)`, `1.4(d)`.
    pub reasons: Vec<&'a str>,
    /// The body: paragraphs and the other blocks, in order.
    pub paragraphs: Vec<BlockView<'a>>,
    /// The summary's text.
    pub summary: Option<String>,
    /// The signer: `CLINTON`.
    pub signer: Option<&'a str>,
    /// Trailer lines: `NNNN`.
    pub trailer: &'a [String],
    /// What the container (CSV row, HTML page) said.
    pub container: ContainerView<'a>,
    /// What the parser noticed.
    pub diagnostics: Vec<DiagnosticView<'a>>,
}

/// `SECTION 01 OF 04`.
#[derive(Debug, Serialize)]
pub struct SectionView {
    /// 1.
    pub number: u16,
    /// 4.
    pub total: u16,
}

/// `P R` as `{action: PRIORITY, info: ROUTINE}`; both null when absent.
#[derive(Debug, Serialize)]
pub struct PrecedenceView {
    /// Action precedence.
    pub action: Option<&'static str>,
    /// Info precedence.
    pub info: Option<&'static str>,
}

/// `RUEHC/SECSTATE WASHDC IMMEDIATE 4460`.
#[derive(Debug, Serialize)]
pub struct AddresseeView<'a> {
    /// `SECSTATE WASHDC`.
    pub name: &'a str,
    /// `RUEHC`.
    pub route: Option<&'a str>,
    /// `IMMEDIATE`.
    pub precedence: Option<&'static str>,
    /// `NIACT` was written.
    pub niact: bool,
    /// `4460`.
    pub serial: Option<&'a str>,
}

/// `VZCZCXRO4549` / `DE RUEHSW #0881/01 2540944` / `ZNY SSSSS ZZH`.
#[derive(Debug, Serialize)]
pub struct TransmissionView<'a> {
    /// `VZCZCXRO4549`.
    pub id: Option<&'a str>,
    /// `OO RUEHRG`.
    pub relay: Option<&'a str>,
    /// `RUEHSW`.
    pub station: Option<&'a str>,
    /// 881.
    pub serial: Option<u32>,
    /// 1.
    pub section: Option<u16>,
    /// `2540944`.
    pub filed: Option<&'a str>,
    /// `ZNY SSSSS ZZH`.
    pub security: Option<&'a str>,
}

/// `E.O. 12958: DECL: 02/28/2009`.
#[derive(Debug, Serialize)]
pub struct ExecutiveOrderView<'a> {
    /// `12958`.
    pub number: Option<&'a str>,
    /// The line as written.
    pub text: &'a str,
}

/// `A. STATE 4690`.
#[derive(Debug, Serialize)]
pub struct ReferenceView<'a> {
    /// `A`.
    pub label: Option<char>,
    /// `cable`, `email`, `telcon`, `memo`, `document`, `other`.
    pub kind: &'static str,
    /// `09STATE4690` for cables.
    pub id: Option<&'a str>,
    /// The reference as written.
    pub text: &'a str,
}

/// `Classified By: isn/mtr director Pam Durham.`
#[derive(Debug, Serialize)]
pub struct ClassifiedByView<'a> {
    /// `Pam Durham`.
    pub name: Option<&'a str>,
    /// `isn/mtr director`.
    pub title: Option<&'a str>,
    /// The whole line after `Classified By:`.
    pub text: &'a str,
}

/// One block of the body. Every block has every key; `kind` says which
/// ones carry content:
///
/// | kind | uses |
/// |---|---|
/// | `paragraph` | `number` or `letter`, `label`, `classification`, `text`, `children` |
/// | `text` | `text` |
/// | `list` | `items` |
/// | `heading` | `text`, `style` |
/// | `note`, `summary`, `comment`, `begin` | `title`, `children`, `closed` |
#[derive(Debug, Serialize)]
pub struct BlockView<'a> {
    /// `paragraph`, `text`, `list`, `heading`, `note`, `summary`, `comment`, `begin`.
    pub kind: &'static str,
    /// The paragraph number: 5.
    pub number: Option<u32>,
    /// The sub-paragraph letter: `B`.
    pub letter: Option<char>,
    /// The label as written: `15` (repaired to number 5).
    pub label: Option<&'a str>,
    /// The portion marking as written: `C/REL MTCR`.
    pub classification: Option<&'a str>,
    /// Heading text, note title (`GUIDANCE`), or null.
    pub title: Option<&'a str>,
    /// The block's text (paragraph lead text, prose, heading text).
    pub text: Option<&'a str>,
    /// Heading style: `dashed`, `underlined`, `slashes`, `line`.
    pub style: Option<&'static str>,
    /// Whether a note's `END` marker was found.
    pub closed: Option<bool>,
    /// List items.
    pub items: Vec<ItemView<'a>>,
    /// Nested blocks (paragraph children, note contents).
    pub children: Vec<BlockView<'a>>,
}

/// One bullet item.
#[derive(Debug, Serialize)]
pub struct ItemView<'a> {
    /// `--`.
    pub marker: &'a str,
    /// The item's text.
    pub text: &'a str,
    /// Nested blocks.
    pub children: Vec<BlockView<'a>>,
}

/// What the container said about the cable.
#[derive(Debug, Serialize)]
pub struct ContainerView<'a> {
    /// `text`, `cables-csv`, `cablegate-html`.
    pub kind: &'static str,
    /// The id as the container wrote it.
    pub id: Option<&'a str>,
    /// The date as the container wrote it.
    pub date: Option<&'a str>,
    /// The origin: `Embassy Tehran`.
    pub origin: Option<&'a str>,
    /// `CONFIDENTIAL//NOFORN`.
    pub classification: Option<&'a str>,
    /// Referenced ids as the container listed them.
    pub references: &'a [String],
}

/// One diagnostic.
#[derive(Debug, Serialize)]
pub struct DiagnosticView<'a> {
    /// Stable code: `missing-subject`.
    pub code: &'static str,
    /// `info`, `warning`, `error`.
    pub severity: &'static str,
    /// 1-based input line.
    pub line: Option<u32>,
    /// Explanation.
    pub message: &'a str,
}

impl<'a> CableView<'a> {
    /// Builds the view of `c`.
    pub fn new(c: &'a Cable) -> CableView<'a> {
        let r = &c.routing;
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
            precedence: PrecedenceView {
                action: r.precedence.map(|p| p.action.name()),
                info: r.precedence.and_then(|p| p.info).map(|p| p.name()),
            },
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
            }),
            handling: &c.handling,
            executive_order: c.executive_order.as_ref().map(|e| ExecutiveOrderView {
                number: e.number.as_deref(),
                text: &e.raw,
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
            },
            diagnostics: c.diagnostics.iter().map(diagnostic).collect(),
        }
    }
}

fn addressee(a: &Addressee) -> AddresseeView<'_> {
    AddresseeView {
        name: &a.name,
        route: a.route.as_deref(),
        precedence: a.precedence.map(|p| p.name()),
        niact: a.niact,
        serial: a.serial.as_deref(),
    }
}

fn reference(r: &Reference) -> ReferenceView<'_> {
    ReferenceView {
        label: r.label,
        kind: r.kind.name(),
        id: r.id.as_ref().map(|i| i.as_str()),
        text: &r.text,
    }
}

fn diagnostic(d: &Diagnostic) -> DiagnosticView<'_> {
    DiagnosticView {
        code: d.code.name(),
        severity: d.severity.name(),
        line: d.line,
        message: &d.message,
    }
}

fn marking(m: &Option<Marking>) -> Option<&str> {
    m.as_ref().map(|m| m.raw.as_str())
}

fn empty(kind: &'static str) -> BlockView<'static> {
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
    }
}

fn blocks(bs: &[Block]) -> Vec<BlockView<'_>> {
    bs.iter().map(block).collect()
}

fn block(b: &Block) -> BlockView<'_> {
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

fn paragraph(p: &Paragraph) -> BlockView<'_> {
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

fn list(l: &List) -> BlockView<'_> {
    BlockView {
        items: l
            .items
            .iter()
            .map(|i| ItemView {
                marker: &i.marker,
                text: &i.text,
                children: blocks(&i.children),
            })
            .collect(),
        ..empty("list")
    }
}

fn heading(h: &Heading) -> BlockView<'_> {
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

fn note(n: &Note) -> BlockView<'_> {
    BlockView {
        title: Some(&n.title),
        closed: Some(n.closed),
        children: blocks(&n.blocks),
        ..empty(n.kind.name())
    }
}
