//! The front matter: this writer's own serde view of the cable's metadata,
//! written as YAML (serde-saphyr) or TOML.
//!
//! ## Keys (all optional except `title`, in this order)
//!
//! | key | from the cable | example |
//! |---|---|---|
//! | `id` | `STATE 017183` in a 2009 cable | `09STATE17183` |
//! | `title` | `Subject::title` (else the id) | `Missile Technology Control Regime (MTCR): …` |
//! | `layout` | [`crate::Site::Jekyll`] only | `page` |
//! | `date` | `Cable::date()`: the DTG `242158Z FEB 09` in UTC, else the container's time without a zone | `2009-02-24T21:58:00Z`, `1972-02-25T09:30:00` (a timestamp, not a string) |
//! | `subject` | `SUBJECT:` as written | `MISSILE TECHNOLOGY CONTROL REGIME (MTCR): …` |
//! | `subject_classification` | the subject's `(C)` | `C` |
//! | `classification` | the banner's level | `CONFIDENTIAL` |
//! | `caveats` | `SECRET//NOFORN`, `SIPDIS` | `[NOFORN]` |
//! | `precedence` | `P R` | `PRIORITY` |
//! | `dtg` | as written | `242158Z FEB 09` |
//! | `from`, `to`, `info` | `FM`, `TO`, `INFO` names | `SECSTATE WASHDC` |
//! | `origin` | the container's origin | `Embassy Tehran` |
//! | `tags` | `TAGS:` | `[MTCRE, PARM]` |
//! | `references` | `REF:` canonical ids, else the reference as written | `[09STATE4690, 2009 MTCR POC DOC 008]` |
//! | `signer` | last line of the text | `CLINTON` |
//! | `summary` | the `SUMMARY:` block, on one line | `The Embassy …` |
//!
//! ## Quoting
//!
//! YAML is written by serde-saphyr with its YAML 1.1-safe quoting (the
//! default), so every string that a YAML 1.1 or 1.2 reader could take for
//! a boolean, number, null or timestamp is quoted: `NO` (the Norway tag),
//! `ON`, `Y`, `0800`, `1.4` stay strings. The one deliberate exception is
//! `date`, written plain so that Hugo, Jekyll, MkDocs and pandoc read a
//! date: it is serialized on its own with YAML 1.2 rules, which is safe
//! because its value is always a validated [`cable_model::CableDate`]
//! printed as `YYYY-MM-DDTHH:MM:00Z`. Long strings stay on one line (no
//! folded block scalars), so every key is one `key: value` line or a list;
//! `title`, `subject` and `summary` have line breaks, control characters
//! and whitespace runs turned into single spaces.
//!
//! TOML is written by the `toml` crate; `date` is a TOML offset date-time.

use crate::page::title;
use crate::{Options, Site};
use cable_model::{Addressee, Cable, CableDate, Caveat};
use serde::Serialize;
use std::borrow::Cow;
use std::io;

/// The first keys: identity, and the layout a site needs.
#[derive(Serialize)]
struct Head<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    title: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    layout: Option<&'static str>,
}

/// The date key, alone so that YAML can write it plain.
#[derive(Serialize)]
struct DateKey<T> {
    date: T,
}

/// Everything after the date.
#[derive(Serialize)]
struct Rest<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    subject: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    subject_classification: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    classification: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    caveats: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    precedence: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dtg: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    to: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    info: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    origin: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tags: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    references: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    signer: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
}

/// The whole view in one struct, for TOML.
#[derive(Serialize)]
struct TomlView<'a> {
    #[serde(flatten)]
    head: Head<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<toml::value::Datetime>,
    #[serde(flatten)]
    rest: Rest<'a>,
}

fn head<'a>(cable: &'a Cable, opts: &Options) -> Head<'a> {
    Head {
        id: cable.id.as_ref().map(|i| i.as_str()),
        title: one_line(title(cable)),
        layout: layout(opts.site),
    }
}

/// The `layout` key a site needs: Jekyll renders a page without one as a
/// bare HTML fragment; its `page` layout (minima's and most themes') prints
/// the title, which is why Jekyll pages have no title heading.
pub(crate) fn layout(site: Site) -> Option<&'static str> {
    (site == Site::Jekyll).then_some("page")
}

/// `s` with line breaks, control characters and whitespace runs as single
/// spaces: a title is one line in every site generator.
pub(crate) fn one_line(s: &str) -> Cow<'_, str> {
    let clean = !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ")
        && !s
            .chars()
            .any(|c| c.is_control() || (c.is_whitespace() && c != ' '));
    if clean {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(
            s.split(|c: char| c.is_whitespace() || c.is_control())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
        )
    }
}

/// The cable's date ([`Cable::date`]): its DTG's instant in UTC, else the
/// container's time without a zone.
pub(crate) fn date(cable: &Cable) -> Option<CableDate> {
    cable.date()
}

fn names(list: &[Addressee]) -> Vec<&str> {
    list.iter().map(|a| a.name.as_str()).collect()
}

fn rest(cable: &Cable) -> Rest<'_> {
    let marking = cable.classification.as_ref();
    let subject = cable.subject.as_ref();
    Rest {
        subject: subject.map(|s| one_line(&s.text)).filter(|s| !s.is_empty()),
        subject_classification: subject
            .and_then(|s| s.marking.as_ref())
            .map(|m| m.raw.as_str()),
        classification: marking.and_then(|m| m.level).map(|l| l.name()),
        caveats: marking
            .map(|m| m.caveats.iter().map(Caveat::name).collect())
            .unwrap_or_default(),
        precedence: cable.routing.precedence.map(|p| p.action.name()),
        dtg: cable.routing.dtg.as_ref().map(|d| d.raw.as_str()),
        from: cable.routing.from.as_ref().map(|a| a.name.as_str()),
        to: names(&cable.routing.to),
        info: names(&cable.routing.info),
        origin: cable.container.origin.as_deref(),
        tags: cable.tags.iter().map(|t| t.as_str()).collect(),
        references: cable
            .references
            .iter()
            .map(|r| r.id.as_ref().map_or(r.text.as_str(), |id| id.as_str()))
            .collect(),
        signer: cable.signer.as_deref(),
        summary: cable
            .summary()
            .map(|s| one_line(&s).into_owned())
            .filter(|s| !s.is_empty()),
    }
}

fn invalid(e: impl std::fmt::Display) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, e.to_string())
}

fn yaml_options(yaml_12: bool) -> serde_saphyr::SerializerOptions {
    serde_saphyr::ser_options! {
        prefer_block_scalars: false,
        yaml_12: yaml_12,
        no_lang_directive: true,
    }
}

/// Appends the YAML front matter, `---` lines included.
///
/// ```text
/// ---
/// id: 09STATE17183
/// title: 'Missile Technology Control Regime (MTCR): Responding to …'
/// date: 2009-02-24T21:58:00Z
/// tags:
/// - MTCRE
/// ---
/// ```
pub(crate) fn yaml(cable: &Cable, opts: &Options, out: &mut String) -> io::Result<()> {
    out.push_str("---\n");
    serde_saphyr::to_fmt_writer_with_options(out, &head(cable, opts), yaml_options(false))
        .map_err(invalid)?;
    if let Some(date) = date(cable) {
        // Plain on purpose: a validated timestamp, see the module docs.
        let key = DateKey {
            date: date.to_string(),
        };
        serde_saphyr::to_fmt_writer_with_options(out, &key, yaml_options(true)).map_err(invalid)?;
    }
    // Written in place; taken back when there is nothing after the date.
    let start = out.len();
    serde_saphyr::to_fmt_writer_with_options(out, &rest(cable), yaml_options(false))
        .map_err(invalid)?;
    if out.get(start..).is_some_and(|rest| rest.trim() == "{}") {
        out.truncate(start);
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("---\n");
    Ok(())
}

/// Appends the TOML front matter, `+++` lines included.
///
/// ```text
/// +++
/// id = "09STATE17183"
/// title = "Missile Technology Control Regime (MTCR): Responding to …"
/// date = 2009-02-24T21:58:00Z
/// tags = ["MTCRE", "PARM"]
/// +++
/// ```
pub(crate) fn toml(cable: &Cable, opts: &Options, out: &mut String) -> io::Result<()> {
    let date = match date(cable) {
        Some(d) => Some(d.to_string().parse().map_err(invalid)?),
        None => None,
    };
    let view = TomlView {
        head: head(cable, opts),
        date,
        rest: rest(cable),
    };
    out.push_str("+++\n");
    out.push_str(&toml::to_string(&view).map_err(invalid)?);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("+++\n");
    Ok(())
}

/// The front matter of an index page: its title, and the layout its site
/// needs.
#[derive(Serialize)]
struct TitleOnly<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    layout: Option<&'static str>,
}

/// Appends the YAML front matter of an index page, `---` lines included.
pub(crate) fn yaml_title(title: &str, site: Site, out: &mut String) -> io::Result<()> {
    out.push_str("---\n");
    let view = TitleOnly {
        title,
        layout: layout(site),
    };
    serde_saphyr::to_fmt_writer_with_options(out, &view, yaml_options(false)).map_err(invalid)?;
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("---\n");
    Ok(())
}

/// Appends the TOML front matter of an index page, `+++` lines included.
pub(crate) fn toml_title(title: &str, site: Site, out: &mut String) -> io::Result<()> {
    let view = TitleOnly {
        title,
        layout: layout(site),
    };
    out.push_str("+++\n");
    out.push_str(&toml::to_string(&view).map_err(invalid)?);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("+++\n");
    Ok(())
}
