//! The one format registry: every output format the driver knows, its
//! file extension and directory name, and the single `match` that
//! dispatches to each writer crate.

use crate::links::Links;
use cable_model::{Cable, Code, Diagnostic};
use std::io;

/// An output format. Closed on purpose: four known formats need one
/// `match`, not a plugin trait.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub(crate) enum Format {
    /// CommonMark, one `.md` file per cable.
    #[value(name = "md", alias = "markdown")]
    Markdown,
    /// YAML, one `.yaml` file per cable.
    #[value(name = "yaml", alias = "yml")]
    Yaml,
    /// XML, one `.xml` file per cable.
    #[value(name = "xml")]
    Xml,
    /// Pandoc JSON AST, one `.pandoc.json` file per cable.
    #[value(name = "pandoc", alias = "json")]
    Pandoc,
}

impl Format {
    /// Every format, in output order.
    pub(crate) const ALL: [Format; 4] =
        [Format::Markdown, Format::Yaml, Format::Xml, Format::Pandoc];

    /// The short name used on the command line and in the index: `md`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Yaml => "yaml",
            Format::Xml => "xml",
            Format::Pandoc => "pandoc",
        }
    }

    /// The file extension, without the dot: `pandoc.json`.
    pub(crate) fn extension(self) -> &'static str {
        match self {
            Format::Markdown => cable_markdown::EXTENSION,
            Format::Yaml => cable_yaml::EXTENSION,
            Format::Xml => cable_xml::EXTENSION,
            Format::Pandoc => cable_pandoc::EXTENSION,
        }
    }

    /// The directory under the output root holding this format's files.
    pub(crate) fn dir(self) -> &'static str {
        self.name()
    }

    /// Whether the format turns references into links to other cables of
    /// the run (and so needs the run's id set before writing).
    pub(crate) fn links_references(self) -> bool {
        matches!(self, Format::Markdown | Format::Pandoc)
    }

    /// Renders `cable` in this format into `out`. The only place that
    /// knows which writer crate serves which format. Returns what the
    /// writer noticed, if anything (XML: characters XML 1.0 forbids that
    /// were replaced).
    pub(crate) fn write(
        self,
        cable: &Cable,
        settings: &Settings,
        out: &mut dyn io::Write,
    ) -> io::Result<Option<Diagnostic>> {
        match self {
            Format::Markdown => {
                let opts = settings.markdown_options(settings.links.resolver(self));
                cable_markdown::write(cable, &opts, out).map(|()| None)
            }
            Format::Yaml => {
                let opts = cable_yaml::Options::default()
                    .single_line_strings(!settings.yaml_folded)
                    .explicit_nulls(settings.yaml_explicit_nulls);
                cable_yaml::write(cable, &opts, out).map(|()| None)
            }
            Format::Xml => {
                let stats = cable_xml::write_counting(cable, &cable_xml::Options::default(), out)?;
                Ok((stats.replaced_characters > 0).then(|| {
                    let n = stats.replaced_characters;
                    Diagnostic::new(
                        Code::XmlCharacterReplaced,
                        None,
                        format!("{n} characters replaced in the XML output"),
                    )
                }))
            }
            Format::Pandoc => {
                let mut opts = cable_pandoc::Options::default();
                opts.api = settings.pandoc_api;
                opts.links = settings.links.resolver(self);
                cable_pandoc::write(cable, &opts, out).map(|()| None)
            }
        }
    }
}

/// What the writers need to know about the run besides the cable.
#[derive(Clone, Default)]
pub(crate) struct Settings {
    /// Cross-links to the cables of the run.
    pub(crate) links: Links,
    /// `--pandoc-api`.
    pub(crate) pandoc_api: cable_pandoc::ApiVersion,
    /// `--yaml-folded`.
    pub(crate) yaml_folded: bool,
    /// `--yaml-explicit-nulls`.
    pub(crate) yaml_explicit_nulls: bool,
    /// `--site`.
    pub(crate) site: Option<cable_markdown::Site>,
    /// `--title-heading`, when given.
    pub(crate) title_heading: Option<bool>,
}

impl Settings {
    /// The Markdown writer's options for this run, with `links`.
    pub(crate) fn markdown_options(
        &self,
        links: Option<crate::links::Resolver>,
    ) -> cable_markdown::Options {
        let mut opts = markdown_options(self.site, self.title_heading);
        opts.links = links;
        opts
    }
}

/// The Markdown options of `--site` and `--title-heading`: the site's
/// defaults, then the flag.
pub(crate) fn markdown_options(
    site: Option<cable_markdown::Site>,
    title_heading: Option<bool>,
) -> cable_markdown::Options {
    let mut opts = cable_markdown::Options::for_site(site.unwrap_or_default());
    if let Some(yes) = title_heading {
        opts.title_heading = yes;
    }
    opts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_extensions_and_dirs_are_distinct() {
        let mut seen = std::collections::BTreeSet::new();
        for f in Format::ALL {
            assert!(seen.insert(f.extension()), "{f:?}");
            assert!(seen.insert(f.dir()) || f.dir() == f.extension(), "{f:?}");
        }
    }

    #[test]
    fn value_enum_accepts_names_and_aliases() {
        use clap::ValueEnum;
        for (s, f) in [
            ("md", Format::Markdown),
            ("markdown", Format::Markdown),
            ("yaml", Format::Yaml),
            ("xml", Format::Xml),
            ("pandoc", Format::Pandoc),
        ] {
            assert_eq!(Format::from_str(s, true), Ok(f));
        }
        assert!(Format::from_str("html", true).is_err());
    }
}
