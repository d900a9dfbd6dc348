//! One `<cable>` element: identity, classification, routing, header fields,
//! body, trailer, container and diagnostics, in that fixed order.

use crate::body;
use crate::emit::{Attr, Emitter};
use crate::schema::{self, at, el};
use cable_model::{
    Addressee, Cable, CableId, Code, ContainerMeta, Declassify, Diagnostic, Marking, Routing,
    Transmission,
};
use std::io;

/// Whether the `<cable>` is the document's root (it then declares the
/// namespace) or a child of `<cables>` (which does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Placement {
    Root,
    Child,
}

/// Writes `<cable version="1">…</cable>`; blocks nested deeper than
/// [`cable_model::MAX_NESTING`] levels at that level, one after the other
/// ([`Cable::within_nesting_limit`]).
pub(crate) fn write<W: io::Write>(
    em: &mut Emitter<W>,
    cable: &Cable,
    placement: Placement,
) -> io::Result<()> {
    let cable = &*cable.within_nesting_limit();
    let replaced_before = em.replaced();
    let mut attrs: Vec<Attr<'_>> = Vec::with_capacity(2);
    if placement == Placement::Root {
        attrs.push((at::XMLNS, schema::NAMESPACE));
    }
    attrs.push((at::VERSION, schema::VERSION));
    em.start(el::CABLE, &attrs)?;

    if let Some(id) = &cable.id {
        id_element(em, id)?;
    }
    if let Some(s) = cable.section {
        let (n, t) = (s.number.to_string(), s.total.to_string());
        em.empty(el::SECTION, &[(at::NUMBER, &n), (at::TOTAL, &t)])?;
    }
    if let Some(m) = &cable.classification {
        marking(em, el::CLASSIFICATION, m)?;
    }
    em.opt_leaf(el::BANNER, cable.banner.as_deref())?;
    routing(em, &cable.routing)?;
    if let Some(t) = &cable.transmission {
        transmission(em, t)?;
    }
    lines(em, el::HANDLING, &cable.handling)?;
    if let Some(eo) = &cable.executive_order {
        let attrs: Vec<Attr<'_>> = eo.number.iter().map(|n| (at::NUMBER, n.as_str())).collect();
        em.leaf(el::EXECUTIVE_ORDER, &attrs, &eo.raw)?;
    }
    if let Some(d) = &cable.declassify {
        declassify(em, d)?;
    }
    if !cable.tags.is_empty() {
        em.start(el::TAGS, &[])?;
        for t in &cable.tags {
            em.leaf(
                el::TAG,
                &[(at::KIND, schema::tag_kind(t.kind()))],
                t.as_str(),
            )?;
        }
        em.end(el::TAGS)?;
    }
    if let Some(s) = &cable.subject {
        em.start(el::SUBJECT, &[])?;
        em.leaf(el::TEXT, &[], &s.text)?;
        em.leaf(el::TITLE, &[], &s.title)?;
        if let Some(m) = &s.marking {
            marking(em, el::MARKING, m)?;
        }
        em.end(el::SUBJECT)?;
    }
    if !cable.references.is_empty() {
        em.start(el::REFERENCES, &[])?;
        for r in &cable.references {
            let label = r.label.map(String::from);
            let mut attrs: Vec<Attr<'_>> = Vec::with_capacity(3);
            if let Some(l) = &label {
                attrs.push((at::LABEL, l));
            }
            attrs.push((at::KIND, schema::reference_kind(r.kind)));
            if let Some(id) = &r.id {
                attrs.push((at::ID, id.as_str()));
            }
            em.leaf(el::REFERENCE, &attrs, &r.text)?;
        }
        em.end(el::REFERENCES)?;
    }
    if let Some(c) = &cable.classified_by {
        em.start(el::CLASSIFIED_BY, &[])?;
        em.opt_leaf(el::NAME, c.name.as_deref())?;
        em.opt_leaf(el::TITLE, c.title.as_deref())?;
        em.leaf(el::TEXT, &[], &c.raw)?;
        em.end(el::CLASSIFIED_BY)?;
    }
    if !cable.reasons.is_empty() {
        em.start(el::REASONS, &[])?;
        for r in &cable.reasons {
            em.leaf(el::REASON, &[], r.as_str())?;
        }
        em.end(el::REASONS)?;
    }
    body::write(em, &cable.body)?;
    em.opt_leaf(el::SIGNER, cable.signer.as_deref())?;
    lines(em, el::TRAILER, &cable.trailer)?;
    container(em, &cable.container)?;
    diagnostics(em, &cable.diagnostics, replaced_before)?;
    em.end(el::CABLE)
}

/// `<id year="2009" station="STATE" serial="17183">09STATE17183</id>`
fn id_element<W: io::Write>(em: &mut Emitter<W>, id: &CableId) -> io::Result<()> {
    let (year, serial) = (id.year().to_string(), id.serial().to_string());
    em.leaf(
        el::ID,
        &[
            (at::YEAR, &year),
            (at::STATION, id.station()),
            (at::SERIAL, &serial),
        ],
        id.as_str(),
    )
}

/// `<classification level="secret" raw="SECRET//NOFORN"><caveat kind="noforn">NOFORN</caveat></classification>`
fn marking<W: io::Write>(em: &mut Emitter<W>, name: &str, m: &Marking) -> io::Result<()> {
    let mut attrs: Vec<Attr<'_>> = Vec::with_capacity(2);
    if let Some(l) = m.level {
        attrs.push((at::LEVEL, schema::level(l)));
    }
    attrs.push((at::RAW, &m.raw));
    if m.caveats.is_empty() {
        return em.empty(name, &attrs);
    }
    em.start(name, &attrs)?;
    caveats(em, &m.caveats)?;
    em.end(name)
}

/// `<caveat kind="rel" to="MTCR">REL MTCR</caveat>`, one per caveat.
pub(crate) fn caveats<W: io::Write>(
    em: &mut Emitter<W>,
    caveats: &[cable_model::Caveat],
) -> io::Result<()> {
    for c in caveats {
        let mut attrs: Vec<Attr<'_>> = vec![(at::KIND, schema::caveat(c))];
        if let cable_model::Caveat::Rel(to) = c {
            attrs.push((at::TO, to));
        }
        em.leaf(el::CAVEAT, &attrs, &c.name())?;
    }
    Ok(())
}

fn routing<W: io::Write>(em: &mut Emitter<W>, r: &Routing) -> io::Result<()> {
    if *r == Routing::default() {
        return Ok(());
    }
    em.start(el::ROUTING, &[])?;
    if let Some(p) = r.precedence {
        let mut attrs: Vec<Attr<'_>> = vec![(at::ACTION, schema::precedence(p.action))];
        if let Some(info) = p.info {
            attrs.push((at::INFO, schema::precedence(info)));
        }
        em.empty(el::PRECEDENCE, &attrs)?;
    }
    if let Some(d) = &r.dtg {
        let utc = d.utc.map(|t| t.to_string());
        let attrs: Vec<Attr<'_>> = utc.iter().map(|u| (at::UTC, u.as_str())).collect();
        em.leaf(el::DTG, &attrs, &d.raw)?;
    }
    for s in &r.operating_signals {
        em.leaf(el::SIGNAL, &[], s)?;
    }
    if let Some(f) = &r.from {
        addressee(em, el::FROM, f)?;
    }
    for a in &r.to {
        addressee(em, el::TO, a)?;
    }
    for a in &r.info {
        addressee(em, el::INFO, a)?;
    }
    em.end(el::ROUTING)
}

/// `<to route="RUEHC" precedence="immediate" serial="4460">SECSTATE WASHDC</to>`,
/// then one `<excluded>USINT HAVANA</excluded>` per station of its `XMT`
/// lines (siblings after it: no element has mixed content).
fn addressee<W: io::Write>(em: &mut Emitter<W>, name: &str, a: &Addressee) -> io::Result<()> {
    let mut attrs: Vec<Attr<'_>> = Vec::with_capacity(4);
    if let Some(r) = &a.route {
        attrs.push((at::ROUTE, r));
    }
    if let Some(p) = a.precedence {
        attrs.push((at::PRECEDENCE, schema::precedence(p)));
    }
    if a.niact {
        attrs.push((at::NIACT, schema::boolean(true)));
    }
    if let Some(s) = &a.serial {
        attrs.push((at::SERIAL, s));
    }
    em.leaf(name, &attrs, &a.name)?;
    for station in &a.excluded {
        em.leaf(el::EXCLUDED, &[], station)?;
    }
    Ok(())
}

/// `<transmission id="VZCZCXRO4549" relay="OO RUEHRG" station="RUEHSW" serial="881" section="1" filed="2540944" security="ZNY SSSSS ZZH"/>`
fn transmission<W: io::Write>(em: &mut Emitter<W>, t: &Transmission) -> io::Result<()> {
    let serial = t.serial.map(|s| s.to_string());
    let section = t.section.map(|s| s.to_string());
    let fields = [
        (at::ID, t.id.as_deref()),
        (at::RELAY, t.relay.as_deref()),
        (at::STATION, t.station.as_deref()),
        (at::SERIAL, serial.as_deref()),
        (at::SECTION, section.as_deref()),
        (at::FILED, t.filed.as_deref()),
        (at::SECURITY, t.security.as_deref()),
    ];
    let attrs: Vec<Attr<'_>> = fields
        .iter()
        .filter_map(|(k, v)| v.map(|v| (*k, v)))
        .collect();
    em.empty(el::TRANSMISSION, &attrs)
}

/// `<declassify date="2009-02-28"/>` or `<declassify>GDS</declassify>`
fn declassify<W: io::Write>(em: &mut Emitter<W>, d: &Declassify) -> io::Result<()> {
    match d {
        Declassify::Date(date) => em.empty(el::DECLASSIFY, &[(at::DATE, &date.to_string())]),
        Declassify::Text(t) => em.leaf(el::DECLASSIFY, &[], t),
        // A future kind of instruction: keep the element, without content.
        _ => em.empty(el::DECLASSIFY, &[]),
    }
}

/// `<handling><line>PARIS FOR POL</line></handling>`; nothing when empty.
fn lines<W: io::Write>(em: &mut Emitter<W>, name: &str, lines: &[String]) -> io::Result<()> {
    if lines.is_empty() {
        return Ok(());
    }
    em.start(name, &[])?;
    for l in lines {
        em.leaf(el::LINE, &[], l)?;
    }
    em.end(name)
}

/// `<container kind="cables-csv"><id>…</id><date utc="…">…</date>…</container>`;
/// nothing when the container said nothing.
fn container<W: io::Write>(em: &mut Emitter<W>, c: &ContainerMeta) -> io::Result<()> {
    if *c == ContainerMeta::default() {
        return Ok(());
    }
    em.start(el::CONTAINER, &[(at::KIND, schema::container_kind(c.kind))])?;
    em.opt_leaf(el::ID, c.id.as_deref())?;
    if c.date_raw.is_some() || c.date.is_some() {
        let utc = c.date.map(|t| t.to_string());
        let attrs: Vec<Attr<'_>> = utc.iter().map(|u| (at::UTC, u.as_str())).collect();
        em.leaf(el::DATE, &attrs, c.date_raw.as_deref().unwrap_or(""))?;
    }
    em.opt_leaf(el::ORIGIN, c.origin.as_deref())?;
    em.opt_leaf(el::CLASSIFICATION, c.classification.as_deref())?;
    for r in &c.references {
        em.leaf(el::REFERENCE, &[], r)?;
    }
    em.opt_leaf(el::RELEASED, c.released.as_deref())?;
    em.end(el::CONTAINER)
}

/// `<diagnostics><diagnostic code="missing-subject" severity="warning" line="12">…</diagnostic></diagnostics>`,
/// followed by an `xml-character-replaced` diagnostic when this cable's
/// output had characters replaced (the diagnostics' own messages included).
fn diagnostics<W: io::Write>(
    em: &mut Emitter<W>,
    diagnostics: &[Diagnostic],
    replaced_before: u64,
) -> io::Result<()> {
    if diagnostics.is_empty() && em.replaced() == replaced_before {
        return Ok(());
    }
    em.start(el::DIAGNOSTICS, &[])?;
    for d in diagnostics {
        diagnostic(em, d)?;
    }
    let replaced = em.replaced() - replaced_before;
    if replaced > 0 {
        let plural = if replaced == 1 { "" } else { "s" };
        let d = Diagnostic::new(
            Code::XmlCharacterReplaced,
            None,
            format!("{replaced} character{plural} not allowed in XML 1.0 replaced with U+FFFD"),
        );
        diagnostic(em, &d)?;
    }
    em.end(el::DIAGNOSTICS)
}

fn diagnostic<W: io::Write>(em: &mut Emitter<W>, d: &Diagnostic) -> io::Result<()> {
    let line = d.line.map(|l| l.to_string());
    let mut attrs: Vec<Attr<'_>> = vec![
        (at::CODE, d.code.name()),
        (at::SEVERITY, schema::severity(d.severity)),
    ];
    if let Some(l) = &line {
        attrs.push((at::LINE, l));
    }
    em.leaf(el::DIAGNOSTIC, &attrs, &d.message)
}
