//! The page: front matter, title, header list, body, signer, in that order,
//! separated by blank lines.

use crate::prose::{Mode, escape};
use crate::{FrontMatter, Options, body, front_matter, header};
use cable_model::Cable;
use std::io;

/// The page's title: the cable's title as the model gives it
/// ([`Cable::title`]: the subject in title case, else the container's
/// title), else the subject as written, else the id, else `Untitled
/// cable`. Never re-title-cased here.
///
/// ```text
/// SUBJECT: MISSILE TECHNOLOGY CONTROL REGIME (MTCR): …
///   -> Missile Technology Control Regime (MTCR): …
/// ```
pub(crate) fn title(cable: &Cable) -> &str {
    let subject = cable.subject.as_ref();
    [
        cable.title(),
        subject.map(|s| s.text.as_str()),
        cable.id.as_ref().map(|i| i.as_str()),
    ]
    .into_iter()
    .flatten()
    .find(|s| !s.trim().is_empty())
    .unwrap_or("Untitled cable")
}

/// `#` repeated for a heading of `level` (1 = the title) after the
/// offset, capped at 6.
pub(crate) fn hashes(level: u8, opts: &Options) -> String {
    "#".repeat(usize::from(
        level.saturating_add(opts.heading_offset).min(6),
    ))
}

/// Renders the whole page.
pub(crate) fn render(cable: &Cable, opts: &Options) -> io::Result<String> {
    let mut out = String::with_capacity(4096);
    match opts.front_matter {
        FrontMatter::Yaml => front_matter::yaml(cable, opts, &mut out)?,
        FrontMatter::Toml => front_matter::toml(cable, opts, &mut out)?,
        FrontMatter::None => {}
    }
    let heading = if opts.title_heading {
        vec![format!(
            "{} {}",
            hashes(1, opts),
            escape(title(cable), Mode::Heading)
        )]
    } else {
        Vec::new()
    };
    let sections = [
        heading,
        header::lines(cable, opts),
        body::lines(&cable.body, opts, opts.wrap),
        signer(cable),
    ];
    for lines in sections.iter().filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            out.push('\n');
        }
        for line in lines {
            out.push_str(line);
            out.push('\n');
        }
    }
    Ok(out)
}

/// The signer as a strong paragraph of its own: `**CLINTON**`.
fn signer(cable: &Cable) -> Vec<String> {
    let name = cable.signer.as_deref().map(|s| escape(s, Mode::Text));
    name.filter(|n| !n.is_empty())
        .map(|n| vec![format!("**{n}**")])
        .unwrap_or_default()
}
