//! Cross-links: which references of a cable point to a cable of the same
//! run, and the relative link to it.
//!
//! The Markdown and Pandoc writers turn a reference such as
//! `REF: A. STATE 4690` into a link when `09STATE4690` is converted in the
//! same run. Because outputs are named after the id alone
//! (`md/2009/09STATE4690.md`, see `layout`), the link from any cable of the
//! same format is `../2009/09STATE4690.md`; all the driver needs before
//! writing is the set of ids in the run, collected by a pre-pass (see
//! `prepass` and docs/cli.md for the trade-off).
//!
//! The Markdown writer gets the path of the target's `.md` file and writes
//! it in its site's link style (`relref` for Hugo, `.html` for Jekyll). A
//! Pandoc JSON file is only a step towards another format, so its links
//! point to the file it will become: `../2009/09STATE4690.html` by
//! default (`--pandoc-link-ext`).

use crate::format::Format;
use crate::idset::IdSet;
use crate::layout::Base;
use cable_model::CableId;
use std::sync::Arc;

/// The resolver handed to a writer: an id to a relative link, or `None`
/// when the cable is not part of the run.
pub(crate) type Resolver = Arc<dyn Fn(&CableId) -> Option<String> + Send + Sync>;

/// The ids of the run, when cross-links are on.
#[derive(Clone)]
pub(crate) struct Links {
    ids: Option<Arc<IdSet>>,
    /// The extension Pandoc links point to (`html`).
    pandoc_ext: Arc<str>,
}

impl Default for Links {
    fn default() -> Self {
        Links::off()
    }
}

impl Links {
    /// Cross-links off: references stay plain text.
    pub(crate) fn off() -> Links {
        Links {
            ids: None,
            pandoc_ext: "html".into(),
        }
    }

    /// Cross-links to the cables whose ids are in `ids`, Pandoc's pointing
    /// to files with the extension `pandoc_ext`.
    pub(crate) fn to(ids: IdSet, pandoc_ext: &str) -> Links {
        Links {
            ids: Some(Arc::new(ids)),
            pandoc_ext: pandoc_ext.into(),
        }
    }

    /// The link from a `format` output to the cable `id`, if it is in the run.
    pub(crate) fn link(&self, format: Format, id: &CableId) -> Option<String> {
        let ids = self.ids.as_ref()?;
        ids.contains(id).then(|| {
            let base = Base::for_id(id);
            let ext = match format {
                Format::Pandoc => &*self.pandoc_ext,
                _ => format.extension(),
            };
            format!("../{}.{ext}", base.key())
        })
    }

    /// A resolver for `format`'s writer, or `None` when cross-links are off.
    pub(crate) fn resolver(&self, format: Format) -> Option<Resolver> {
        self.ids.as_ref()?;
        let links = self.clone();
        Some(Arc::new(move |id: &CableId| links.link(format, id)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_only_to_cables_of_the_run() {
        let id = |s| CableId::parse(s).unwrap();
        let mut ids = crate::idset::IdSetBuilder::default();
        ids.push(&id("09STATE4690"));
        ids.push(&id("1975ADDIS9462"));
        let links = Links::to(ids.build(), "docx");
        assert_eq!(
            links.link(Format::Markdown, &id("09STATE4690")).as_deref(),
            Some("../2009/09STATE4690.md")
        );
        assert_eq!(
            links.link(Format::Pandoc, &id("1975ADDIS9462")).as_deref(),
            Some("../1975/1975ADDIS9462.docx")
        );
        assert_eq!(links.link(Format::Markdown, &id("08STATE129729")), None);
        assert!(Links::off().resolver(Format::Markdown).is_none());
        let r = links.resolver(Format::Markdown).unwrap();
        assert_eq!(
            r(&id("09STATE4690")).as_deref(),
            Some("../2009/09STATE4690.md")
        );
    }
}
