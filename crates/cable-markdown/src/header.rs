//! The header list under the title: what the telegram's heading lines say,
//! one labelled item each.
//!
//! ```text
//! - **Date:** 2009-02-24 21:58 UTC (242158Z FEB 09)
//! - **Precedence:** PRIORITY, info ROUTINE
//! - **From:** SECSTATE WASHDC
//! - **To:** AMEMBASSY CANBERRA (PRIORITY); AMEMBASSY PARIS (PRIORITY)
//! - **Info:** ALL DIPLOMATIC POSTS (ROUTINE) (except USINT HAVANA)
//! - **Classification:** CONFIDENTIAL
//! - **References:**
//!   - A\. STATE 4690 ([09STATE4690](09STATE4690.md))
//! ```

use crate::Options;
use crate::body::{ITEM_INDENT, indent};
use crate::links::{link, url_for};
use crate::prose::{Mode, escape, fill, fill_escaped};
use cable_model::{Addressee, Cable, CableDate, Declassify, Marking, Reference, Timestamp};

/// One item: its label and its value as raw text.
struct Item {
    label: &'static str,
    value: String,
}

fn date(t: Timestamp) -> String {
    format!("{} {:02}:{:02} UTC", t.date(), t.hour(), t.minute())
}

/// `AMEMBASSY PARIS (PRIORITY); ALL DIPLOMATIC POSTS (except USINT
/// HAVANA, AMEMBASSY BELGRADE)`: each addressee with its precedence and the
/// stations its `XMT` lines exclude.
fn addressees(list: &[Addressee]) -> String {
    let one = |a: &Addressee| {
        let mut s = a.name.clone();
        match (a.niact, a.precedence) {
            (true, Some(p)) => s.push_str(&format!(" (NIACT {p})")),
            (true, None) => s.push_str(" (NIACT)"),
            (false, Some(p)) => s.push_str(&format!(" ({p})")),
            (false, None) => {}
        }
        if !a.excluded.is_empty() {
            s.push_str(&format!(" (except {})", a.excluded.join(", ")));
        }
        s
    };
    list.iter().map(one).collect::<Vec<_>>().join("; ")
}

/// `CONFIDENTIAL`, `SECRET//NOFORN`, or the marking as written when it
/// names no level.
pub(crate) fn marking(m: &Marking) -> String {
    match m.level {
        Some(level) => {
            let mut s = level.name().to_owned();
            for c in &m.caveats {
                s.push_str("//");
                s.push_str(&c.name());
            }
            s
        }
        None => m.raw.clone(),
    }
}

fn items(cable: &Cable) -> Vec<Item> {
    let mut items = Vec::new();
    let mut push = |label: &'static str, value: String| {
        if !value.trim().is_empty() {
            items.push(Item { label, value });
        }
    };
    let routing = &cable.routing;
    // `Cable::date()`: a DTG's instant is UTC; a container's time has no
    // known zone and says none.
    match (&routing.dtg, cable.date()) {
        (Some(dtg), Some(CableDate::Utc(t))) => push("Date", format!("{} ({})", date(t), dtg.raw)),
        (Some(dtg), _) => push("Date", dtg.raw.clone()),
        (None, Some(CableDate::Local(t))) => push(
            "Date",
            format!("{} {:02}:{:02}", t.date(), t.hour(), t.minute()),
        ),
        (None, Some(CableDate::Utc(t))) => push("Date", date(t)),
        (None, None) => {}
    }
    if let Some(p) = routing.precedence {
        let value = match p.info {
            Some(info) => format!("{}, info {}", p.action, info),
            None => p.action.to_string(),
        };
        push("Precedence", value);
    }
    if let Some(from) = &routing.from {
        push("From", addressees(std::slice::from_ref(from)));
    }
    push("To", addressees(&routing.to));
    push("Info", addressees(&routing.info));
    if let Some(m) = &cable.classification {
        push("Classification", marking(m));
    }
    if let Some(s) = cable.section {
        push("Section", format!("{} of {}", s.number, s.total));
    }
    push("Handling", cable.handling.join("; "));
    if let Some(eo) = &cable.executive_order {
        let decl = match &cable.declassify {
            Some(Declassify::Date(d)) => format!("; declassify on {d}"),
            Some(Declassify::Text(t)) => format!("; declassify: {t}"),
            _ => String::new(),
        };
        let value = match &eo.number {
            Some(n) => format!("{n}{decl}"),
            None => eo.raw.clone(),
        };
        push("E.O.", value);
    }
    push(
        "Tags",
        cable
            .tags
            .iter()
            .map(|t| t.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    );
    if let Some(s) = &cable.subject {
        let value = match &s.marking {
            Some(m) if !s.text.is_empty() => format!("{} ({})", s.text, m.raw),
            _ => s.text.clone(),
        };
        push("Subject", value);
    }
    if let Some(c) = &cable.classified_by {
        push("Classified by", c.raw.clone());
    }
    push(
        "Reasons",
        cable
            .reasons
            .iter()
            .map(|r| r.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    );
    items
}

/// One reference as escaped Markdown: `A\. STATE 4690 (09STATE4690)`,
/// the id linked when its page is known.
fn reference(r: &Reference, opts: &Options) -> String {
    let mut s = String::new();
    if let Some(l) = r.label {
        s.push_str(&escape(&format!("{l}."), Mode::Lead));
        s.push(' ');
    }
    s.push_str(&escape(&r.text, Mode::Text));
    if let Some(id) = &r.id {
        let shown = match url_for(id, opts) {
            Some(url) => link(id.as_str(), &url),
            None => escape(id.as_str(), Mode::Text),
        };
        if r.text.is_empty() {
            s.push_str(&shown);
        } else if !r.text.contains(id.as_str()) || shown.starts_with('[') {
            s.push_str(&format!(" ({shown})"));
        }
    }
    s.trim_start().to_owned()
}

/// The header list's lines (empty when the cable has no header fields).
/// References come where the cable has them: after the subject, before
/// `Classified by`.
pub(crate) fn lines(cable: &Cable, opts: &Options) -> Vec<String> {
    let width = opts
        .wrap
        .map(|w| w.saturating_sub(ITEM_INDENT.len()).max(20));
    let items = items(cable);
    let split = items
        .iter()
        .position(|i| matches!(i.label, "Classified by" | "Reasons"))
        .unwrap_or(items.len());
    let (before, after) = items.split_at(split);
    let mut out = Vec::new();
    let item_lines = |out: &mut Vec<String>, items: &[Item]| {
        for item in items {
            let lead = format!("**{}:**", item.label);
            out.extend(indent(fill(&lead, &item.value, width), "- ", ITEM_INDENT));
        }
    };
    item_lines(&mut out, before);
    if !cable.references.is_empty() {
        out.push("- **References:**".to_owned());
        let inner = width.map(|w| w.saturating_sub(ITEM_INDENT.len()).max(20));
        for r in &cable.references {
            let item = indent(
                fill_escaped("", &reference(r, opts), inner),
                "- ",
                ITEM_INDENT,
            );
            out.extend(indent(item, ITEM_INDENT, ITEM_INDENT));
        }
    }
    item_lines(&mut out, after);
    out
}
