//! The document's metadata: what pandoc's writers put on a title page and
//! into document properties (`title`, `subtitle`, `date`, `subject`,
//! `keywords`, `description`, `lang`) and the cable's fields under one
//! `cable` map for templates (`$cable.id$`) and filters.
//!
//! `keywords` is a list of `MetaInlines`, the shape pandoc's own Markdown
//! reader gives it: the DOCX writer prints a `MetaString` keyword as an
//! empty string (`, , , ,` in `docProps/core.xml`, pandoc 2.17 and 3.x
//! alike). `subject` and `description` are `MetaString`, which every writer
//! reads (and escapes) and which costs one JSON string instead of two
//! objects per word.
//!
//! | key | DOCX (`docProps/core.xml`) | EPUB (`content.opf`) | ODT, LaTeX/PDF, HTML |
//! |---|---|---|---|
//! | `title` | `dc:title` | `dc:title` | title |
//! | `subject` (the subject line) | `dc:subject` | `dc:subject` | `dc:subject`, `pdfsubject` |
//! | `keywords` (TAGS) | `cp:keywords` | (pandoc writes none) | `meta:keyword`, `pdfkeywords`, `<meta name="keywords">` |
//! | `description` (the summary) | `dc:description` | `dc:description` | `dc:description` |
//! | `date` | | `dc:date` | date |
//! | `lang` (`en-US`) | language of the text | `dc:language` | `lang` |
//!
//! A list in `subject` would reach DOCX, ODT and PDF run together
//! (`PRELPGOV`), so the tags go to `keywords` only.

use crate::Options;
use crate::inlines;
use crate::view::{Meta as MetaValue, MetaMap};
use cable_model::{Addressee, Cable, Declassify, Marking, Reference};
use std::borrow::Cow;

/// Builds the metadata map. Keys are sorted (a `BTreeMap`), so the output is
/// deterministic.
///
/// ```text
/// SUBJECT: MISSILE TECHNOLOGY CONTROL REGIME (MTCR): ... (C)
///   -> title    "Missile Technology Control Regime (MTCR): ..." (MetaInlines)
///      subtitle "MISSILE TECHNOLOGY CONTROL REGIME (MTCR): ..." (MetaInlines)
///      subject  "MISSILE TECHNOLOGY CONTROL REGIME (MTCR): ..." (MetaString)
/// P R 242158Z FEB 09 -> date "2009-02-24"
/// TAGS: MTCRE PARM   -> keywords [MTCRE, PARM] (MetaInlines each), cable.tags ["MTCRE", "PARM"]
/// SUMMARY: … END SUMMARY -> description (MetaString)
/// (always)           -> lang "en-US"
/// ```
pub(crate) fn meta<'a>(cable: &'a Cable, opts: &Options) -> MetaMap<'a> {
    let mut m = MetaMap::new();
    let title = cable
        .title()
        .or_else(|| cable.id.as_ref().map(|id| id.as_str()));
    if let Some(title) = title {
        m.insert("title", MetaValue::Inlines(inlines::text(title)));
    }
    if let Some(subject) = cable.subject.as_ref().filter(|s| !s.text.trim().is_empty()) {
        m.insert(
            "subtitle",
            MetaValue::Inlines(inlines::text(subject.text.as_str())),
        );
        m.insert("subject", string(subject.text.as_str()));
    }
    if let Some(summary) = cable.summary().filter(|s| !s.trim().is_empty()) {
        m.insert("description", string(summary));
    }
    m.insert("lang", string("en-US"));
    // `Cable::date()`, as every writer derives it (the DTG's instant in
    // UTC, else the container's time without a zone), written to the day:
    // pandoc's writers read `date` as a document date, and pandoc 2.17's
    // EPUB writer leaves `dc:date` empty for `2009-02-24T21:58:00Z`. The
    // instant stays in `cable.datetime`.
    if let Some(d) = cable.date() {
        m.insert("date", string(d.timestamp().date().to_string()));
    }
    if !cable.tags.is_empty() {
        m.insert(
            "keywords",
            list(
                cable
                    .tags
                    .iter()
                    .map(|t| MetaValue::Inlines(inlines::text(t.as_str()))),
            ),
        );
    }
    m.insert("cable", cable_map(cable, opts));
    m
}

/// The `cable` map: every field of the header, as written or normalised.
fn cable_map<'a>(cable: &'a Cable, opts: &Options) -> MetaValue<'a> {
    let mut m = Fields::default();
    m.opt("id", cable.id.as_ref().map(|id| string(id.as_str())));
    if let Some(s) = cable.section {
        m.put(
            "section",
            map([
                ("number", string(s.number.to_string())),
                ("total", string(s.total.to_string())),
            ]),
        );
    }
    if let Some(c) = &cable.classification {
        m.opt("classification", c.level.map(|l| string(l.name())));
        if !c.caveats.is_empty() {
            m.put("caveats", list(c.caveats.iter().map(|c| string(c.name()))));
        }
        m.text("classification-as-written", &c.raw);
    }
    m.opt("banner", cable.banner.as_deref().map(string));
    let r = &cable.routing;
    if let Some(p) = r.precedence {
        m.put("precedence", string(p.action.name()));
        m.opt("info-precedence", p.info.map(|i| string(i.name())));
    }
    if let Some(dtg) = &r.dtg {
        m.text("dtg", &dtg.raw);
        m.opt("datetime", dtg.utc.map(|t| string(t.to_string())));
    }
    m.opt("from", r.from.as_ref().map(addressee));
    m.list("to", r.to.iter().map(addressee));
    m.list("info", r.info.iter().map(addressee));
    m.list("handling", cable.handling.iter().map(string));
    if let Some(eo) = &cable.executive_order {
        m.text("executive-order", &eo.raw);
    }
    m.opt(
        "declassify",
        cable.declassify.as_ref().map(|d| match d {
            Declassify::Date(date) => string(date.to_string()),
            Declassify::Text(t) => string(t.as_str()),
            _ => string(format!("{d:?}")),
        }),
    );
    m.list("tags", cable.tags.iter().map(|t| string(t.as_str())));
    if let Some(s) = &cable.subject {
        m.text("subject", &s.text);
        m.opt("subject-marking", s.marking.as_ref().map(marking));
    }
    m.list(
        "references",
        cable.references.iter().map(|r| reference(r, opts)),
    );
    if let Some(cb) = &cable.classified_by {
        let mut f = Fields::default();
        f.opt("name", cb.name.as_deref().map(string));
        f.opt("title", cb.title.as_deref().map(string));
        f.text("text", &cb.raw);
        m.put("classified-by", f.into_map());
    }
    m.list("reasons", cable.reasons.iter().map(|r| string(r.as_str())));
    m.opt("signer", cable.signer.as_deref().map(string));
    m.into_map()
}

/// `TO RUEHC/SECSTATE WASHDC IMMEDIATE 4460` -> {name, route, precedence, serial};
/// `XMT USINT HAVANA` after it -> excluded ["USINT HAVANA"].
fn addressee(a: &Addressee) -> MetaValue<'_> {
    let mut f = Fields::default();
    f.text("name", &a.name);
    f.opt("route", a.route.as_deref().map(string));
    f.opt("precedence", a.precedence.map(|p| string(p.name())));
    if a.niact {
        f.put("niact", MetaValue::Bool(true));
    }
    f.opt("serial", a.serial.as_deref().map(string));
    f.list("excluded", a.excluded.iter().map(string));
    f.into_map()
}

/// `(C/REL MTCR)` -> {level "CONFIDENTIAL", caveats ["REL MTCR"], as-written "C/REL MTCR"}.
fn marking(mk: &Marking) -> MetaValue<'_> {
    let mut f = Fields::default();
    f.opt("level", mk.level.map(|l| string(l.name())));
    if !mk.caveats.is_empty() {
        f.put("caveats", list(mk.caveats.iter().map(|c| string(c.name()))));
    }
    f.text("as-written", &mk.raw);
    f.into_map()
}

/// `B. 08 STATE 129729` -> {label "B", kind "cable", id "08STATE129729", text, url?}.
fn reference<'a>(r: &'a Reference, opts: &Options) -> MetaValue<'a> {
    let mut f = Fields::default();
    f.opt("label", r.label.map(|c| string(c.to_string())));
    f.put("kind", string(r.kind.name()));
    if let Some(id) = &r.id {
        f.put("id", string(id.as_str()));
        f.opt("url", opts.resolve(id).map(string));
    }
    f.text("text", &r.text);
    f.into_map()
}

/// A `MetaString`, with control characters made visible (see
/// [`inlines::text`]).
fn string<'a>(s: impl Into<Cow<'a, str>>) -> MetaValue<'a> {
    MetaValue::String(inlines::visible_text(s))
}

/// A `MetaList`.
fn list<'a>(items: impl Iterator<Item = MetaValue<'a>>) -> MetaValue<'a> {
    MetaValue::List(items.collect())
}

/// A `MetaMap` of fixed entries.
fn map<'a, const N: usize>(entries: [(&'static str, MetaValue<'a>); N]) -> MetaValue<'a> {
    MetaValue::Map(entries.into_iter().collect())
}

/// A `MetaMap` under construction that leaves out absent and empty values,
/// so that templates can test `$if(cable.signer)$`.
#[derive(Default)]
struct Fields<'a>(MetaMap<'a>);

impl<'a> Fields<'a> {
    fn put(&mut self, key: &'static str, value: MetaValue<'a>) {
        self.0.insert(key, value);
    }
    fn opt(&mut self, key: &'static str, value: Option<MetaValue<'a>>) {
        if let Some(v) = value {
            self.put(key, v);
        }
    }
    fn text(&mut self, key: &'static str, value: &'a str) {
        if !value.trim().is_empty() {
            self.put(key, string(value));
        }
    }
    fn list(&mut self, key: &'static str, items: impl Iterator<Item = MetaValue<'a>>) {
        let items: Vec<_> = items.collect();
        if !items.is_empty() {
            self.put(key, MetaValue::List(items));
        }
    }
    fn into_map(self) -> MetaValue<'a> {
        MetaValue::Map(self.0)
    }
}
