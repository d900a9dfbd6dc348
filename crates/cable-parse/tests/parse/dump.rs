//! A compact, stable text dump of a parsed cable for snapshot tests.
//! One line per field; the body as an indented tree. Only public model
//! data appears, so a snapshot changes only when the parse result does.

use cable_model::*;
use std::fmt::Write;

pub(crate) fn dump(c: &Cable) -> String {
    let mut o = String::new();
    let opt = |v: Option<String>| v.unwrap_or_else(|| "-".into());
    let _ = writeln!(o, "id: {}", opt(c.id.as_ref().map(|i| i.to_string())));
    if let Some(s) = c.section {
        let _ = writeln!(o, "section: {} of {}", s.number, s.total);
    }
    let _ = writeln!(
        o,
        "classification: {}",
        opt(c.classification.as_ref().map(marking))
    );
    if let Some(b) = &c.banner {
        let _ = writeln!(o, "banner: {b:?}");
    }
    let r = &c.routing;
    if let Some(p) = r.precedence {
        let _ = writeln!(
            o,
            "precedence: {} / {}",
            p.action,
            opt(p.info.map(|i| i.to_string()))
        );
    }
    if let Some(d) = &r.dtg {
        let _ = writeln!(
            o,
            "dtg: {:?} = {}",
            d.raw,
            opt(d.utc.map(|t| t.to_string()))
        );
    }
    if !r.operating_signals.is_empty() {
        let _ = writeln!(o, "signals: {:?}", r.operating_signals);
    }
    if let Some(f) = &r.from {
        let _ = writeln!(o, "from: {}", addressee(f));
    }
    for a in &r.to {
        let _ = writeln!(o, "to: {}", addressee(a));
    }
    for a in &r.info {
        let _ = writeln!(o, "info: {}", addressee(a));
    }
    if let Some(t) = &c.transmission {
        let _ = writeln!(
            o,
            "transmission: id={} relay={} station={} serial={} section={} filed={} security={}",
            opt(t.id.clone()),
            opt(t.relay.clone()),
            opt(t.station.clone()),
            opt(t.serial.map(|s| s.to_string())),
            opt(t.section.map(|s| s.to_string())),
            opt(t.filed.clone()),
            opt(t.security.clone())
        );
    }
    for h in &c.handling {
        let _ = writeln!(o, "handling: {h:?}");
    }
    if let Some(e) = &c.executive_order {
        let _ = writeln!(o, "eo: {} {:?}", opt(e.number.clone()), e.raw);
    }
    match &c.declassify {
        Some(Declassify::Date(d)) => {
            let _ = writeln!(o, "declassify: {d}");
        }
        Some(Declassify::Text(t)) => {
            let _ = writeln!(o, "declassify: {t:?}");
        }
        _ => {}
    }
    if !c.tags.is_empty() {
        let tags: Vec<_> = c.tags.iter().map(Tag::as_str).collect();
        let _ = writeln!(o, "tags: {}", tags.join(" | "));
        let kinds: Vec<_> = c.tags.iter().map(|t| format!("{:?}", t.kind())).collect();
        let _ = writeln!(o, "tag kinds: {}", kinds.join(" | "));
        if c.tags.iter().any(|t| t.written() != t.as_str()) {
            let written: Vec<_> = c.tags.iter().map(Tag::written).collect();
            let _ = writeln!(o, "tags written: {}", written.join(" | "));
        }
    }
    if let Some(s) = &c.subject {
        let _ = writeln!(
            o,
            "subject: {:?} [{}]",
            s.text,
            opt(s.marking.as_ref().map(marking))
        );
        let _ = writeln!(o, "title: {:?}", s.title);
    }
    for r in &c.references {
        let _ = writeln!(
            o,
            "ref: {} {} {} {:?}",
            opt(r.label.map(String::from)),
            r.kind.name(),
            opt(r.id.as_ref().map(|i| i.to_string())),
            r.text
        );
    }
    if let Some(cb) = &c.classified_by {
        let _ = writeln!(
            o,
            "classified_by: name={} title={}",
            opt(cb.name.clone()),
            opt(cb.title.clone())
        );
    }
    if !c.reasons.is_empty() {
        let rs: Vec<_> = c.reasons.iter().map(Reason::as_str).collect();
        let _ = writeln!(o, "reasons: {}", rs.join(" "));
    }
    if !c.body.is_empty() {
        let _ = writeln!(o, "body:");
        blocks(&mut o, &c.body, 1);
    }
    if let Some(s) = c.summary() {
        let _ = writeln!(o, "summary: {s:?}");
    }
    let _ = writeln!(o, "signer: {}", opt(c.signer.clone()));
    for t in &c.trailer {
        let _ = writeln!(o, "trailer: {t:?}");
    }
    let m = &c.container;
    if m != &ContainerMeta::default() {
        let _ = writeln!(
            o,
            "container: id={} date={} origin={} classification={} refs={:?}{}{}",
            opt(m.id.clone()),
            opt(m.date.map(|d| d.to_string())),
            opt(m.origin.clone()),
            opt(m.classification.clone()),
            m.references,
            m.date_raw
                .as_ref()
                .map(|d| format!(" date_raw={d:?}"))
                .unwrap_or_default(),
            m.title
                .as_ref()
                .map(|t| format!(" title={t:?}"))
                .unwrap_or_default(),
        );
    }
    // What the model derives from text and container together, where it
    // is not the text's own value.
    if let Some(d) = c.date().filter(|d| !d.is_utc()) {
        let _ = writeln!(o, "date (container, no zone): {d}");
    }
    if let Some(t) = c.title() {
        if c.subject.as_ref().is_none_or(|s| s.title != t) {
            let _ = writeln!(o, "title (container): {t:?}");
        }
    }
    let record = cable_parse::record_id(c);
    if record != c.id {
        let _ = writeln!(o, "record id: {}", opt(record.map(|i| i.to_string())));
    }
    for d in &c.diagnostics {
        let _ = writeln!(
            o,
            "diag: {} {} @{}: {}",
            d.severity.name(),
            d.code,
            opt(d.line.map(|l| l.to_string())),
            d.message
        );
    }
    o
}

fn marking(m: &Marking) -> String {
    let mut s = m
        .level
        .map(|l| l.name().to_string())
        .unwrap_or_else(|| "?".into());
    for c in &m.caveats {
        s.push_str("//");
        s.push_str(&c.name());
    }
    format!("{s} ({:?})", m.raw)
}

fn addressee(a: &Addressee) -> String {
    let mut s = format!(
        "route={} name={:?} precedence={}{} serial={}",
        a.route.as_deref().unwrap_or("-"),
        a.name,
        a.precedence.map(|p| p.name()).unwrap_or("-"),
        if a.niact { " NIACT" } else { "" },
        a.serial.as_deref().unwrap_or("-")
    );
    if !a.excluded.is_empty() {
        s.push_str(&format!(" excluded={:?}", a.excluded));
    }
    s
}

fn blocks(o: &mut String, bs: &[Block], depth: usize) {
    let pad = "  ".repeat(depth);
    for b in bs {
        match b {
            Block::Paragraph(p) => {
                let label = p
                    .label
                    .as_ref()
                    .map(|l| format!("{} (raw {:?})", l.value, l.raw))
                    .unwrap_or_else(|| "-".into());
                let mk = p
                    .marking
                    .as_ref()
                    .map(marking)
                    .unwrap_or_else(|| "-".into());
                let _ = writeln!(o, "{pad}para {label} [{mk}] {:?}", p.text);
                blocks(o, &p.children, depth + 1);
            }
            Block::Text(t) => {
                let _ = writeln!(o, "{pad}text {t:?}");
            }
            Block::List(l) => {
                let _ = writeln!(o, "{pad}list");
                for i in &l.items {
                    let _ = writeln!(o, "{pad}  item {:?} {:?}", i.marker, i.text);
                    blocks(o, &i.children, depth + 2);
                }
            }
            Block::Heading(h) => {
                let _ = writeln!(o, "{pad}heading {:?} {:?}", h.style, h.text);
            }
            Block::Note(n) => {
                let _ = writeln!(
                    o,
                    "{pad}note {} {:?}{}",
                    n.kind.name(),
                    n.title,
                    if n.closed { "" } else { " (unclosed)" }
                );
                blocks(o, &n.blocks, depth + 1);
            }
            _ => {
                let _ = writeln!(o, "{pad}(unknown block)");
            }
        }
    }
}
