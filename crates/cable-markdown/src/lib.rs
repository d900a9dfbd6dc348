//! # Brief overview
//!
//! Writes a [`cable_model::Cable`] as Markdown (CommonMark) ready to drop
//! into Hugo, Jekyll, MkDocs or mdBook, or to read on a code host. Depends
//! on the model only: it never sees raw cable text. Output is a pure
//! function of the cable and the [`Options`]: byte-identical across runs
//! and thread counts.
//!
//! The page has four parts (`docs/output-markdown.md` shows a full example
//! and explains each choice):
//!
//! 1. front matter ([`FrontMatter::Yaml`] by default, or TOML, or none) with
//!    the cable's metadata, typed so that site generators read strings,
//!    dates and lists;
//! 2. a level-1 heading: the subject in title case (`Subject::title`, as
//!    the parser computed it);
//! 3. a header list: precedence and date, from, to, info, classification,
//!    E.O., tags, subject, references (cross-linked when the referenced
//!    cable is in the same run), classified by;
//! 4. the body as structure: labelled paragraphs keep their label and
//!    portion marking as written (`**5.** (C) TALKING POINTS:`), bullet
//!    items become a real list, headings become headings, `NOTE`, `BEGIN …
//!    END`, `SUMMARY` and `COMMENT` blocks become block quotes led by their
//!    keyword, and the signer closes the page.
//!
//! Every character of the cable's words reaches the page, and no reader
//! shows an escape: a character is escaped only where it would change the
//! parse, with a backslash where CommonMark, Goldmark (Hugo),
//! Python-Markdown (MkDocs), kramdown (Jekyll) and pandoc all take it, else
//! with a character reference (`&#36;`, `&#124;`), so `1. (C)` can never
//! become a renumbered list and `*`, `_`, `<`, `[`, `#`, `$` stay characters.
//!
//! ```
//! use cable_model::{Block, Cable, Label, LabelValue, Marking, Level, Paragraph, Subject};
//!
//! let mut cable = Cable::default();
//! cable.subject = Some(Subject { text: "MTCR: VIEWS".into(), title: "MTCR: Views".into(), marking: None });
//! cable.body.push(Block::Paragraph(Paragraph {
//!     label: Some(Label { value: LabelValue::Number(5), raw: "5".into() }),
//!     marking: Some(Marking::from_level(Level::Confidential, "C")),
//!     text: "Costs rose 5*2 percent.".into(),
//!     children: vec![],
//! }));
//! let mut out = Vec::new();
//! cable_markdown::write(&cable, &cable_markdown::Options::default(), &mut out)?;
//! let page = String::from_utf8(out).unwrap();
//! assert!(page.contains("# MTCR: Views\n"));
//! assert!(page.contains("**5.** (C) Costs rose 5\\*2 percent.\n"));
//! # Ok::<(), std::io::Error>(())
//! ```

mod body;
mod front_matter;
mod header;
mod index;
mod links;
mod page;
mod prose;

pub use index::{IndexPage, Listed, Summary, index_pages};

use cable_model::{Cable, CableId};
use std::fmt;
use std::io;
use std::sync::Arc;

/// The file extension of the pages this crate writes, without the dot.
///
/// ```
/// assert_eq!(format!("09STATE17183.{}", cable_markdown::EXTENSION), "09STATE17183.md");
/// ```
pub const EXTENSION: &str = "md";

/// Resolves a referenced cable's id to the path of its Markdown page,
/// relative to the directory of the page being written
/// (`../2009/09STATE4690.md`), when that cable is part of the same
/// conversion run.
///
/// ```
/// use std::sync::Arc;
/// let links: cable_markdown::LinkResolver =
///     Arc::new(|id: &cable_model::CableId| Some(format!("{id}.md")));
/// # let _ = links;
/// ```
pub type LinkResolver = Arc<dyn Fn(&CableId) -> Option<String> + Send + Sync>;

/// Which front matter block opens the page.
///
/// ```text
/// Yaml  ->  ---\nid: 09STATE17183\n…\n---      (Hugo, Jekyll, MkDocs, pandoc)
/// Toml  ->  +++\nid = "09STATE17183"\n…\n+++   (Hugo)
/// None  ->  the page starts with its title
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum FrontMatter {
    /// YAML between `---` lines, quoted so that YAML 1.1 and 1.2 readers
    /// agree (`NO` stays the string NO; `date` is a plain timestamp).
    #[default]
    Yaml,
    /// TOML between `+++` lines (Hugo); `date` is a TOML offset date-time.
    Toml,
    /// No front matter.
    None,
}

/// The site generator the pages are published with: it decides how a
/// link to another page of the run is written, whether the page repeats
/// its title as a heading, and what the index pages are called
/// (`docs/output-markdown.md`, "Sites", has the details and the reasons).
///
/// | site | link to `../2009/09STATE4690.md` | title heading | front matter adds | index page |
/// |---|---|---|---|---|
/// | `Plain` (GitHub, any reader) | `../2009/09STATE4690.md` | yes | | `README.md` |
/// | `MkDocs` | `../2009/09STATE4690.md` (MkDocs rewrites it) | yes | | `index.md` |
/// | `Hugo` | `{{< relref "../2009/09STATE4690.md" >}}` | no (themes print `title`) | | `_index.md` |
/// | `Jekyll` | `../2009/09STATE4690.html` (no plugin needed) | no (the `page` layout prints it) | `layout: page` | `index.md` |
///
/// ```
/// use cable_markdown::{Options, Site};
/// let opts = Options::for_site(Site::Jekyll);
/// assert!(!opts.title_heading);
/// assert_eq!(Site::Hugo.index_file(), "_index.md");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Site {
    /// Relative `.md` links, as GitHub, GitLab, Obsidian and most readers
    /// follow them (the default).
    #[default]
    Plain,
    /// MkDocs: relative `.md` links, which MkDocs rewrites and checks.
    MkDocs,
    /// Hugo: links through the `relref` shortcode, which Hugo resolves to
    /// the target's URL whatever the URL settings (lower-casing, pretty or
    /// ugly URLs, permalinks).
    Hugo,
    /// Jekyll: relative links to the `.html` pages Jekyll writes, which
    /// need no plugin.
    Jekyll,
}

impl Site {
    /// The name used on the command line: `hugo`.
    pub fn name(self) -> &'static str {
        match self {
            Site::Plain => "plain",
            Site::MkDocs => "mkdocs",
            Site::Hugo => "hugo",
            Site::Jekyll => "jekyll",
        }
    }

    /// The file name of a directory's index page: `_index.md` for Hugo
    /// (a section's list page), `index.md` for MkDocs and Jekyll,
    /// `README.md` for plain readers (GitHub shows it under the listing).
    pub fn index_file(self) -> &'static str {
        match self {
            Site::Plain => "README.md",
            Site::MkDocs | Site::Jekyll => "index.md",
            Site::Hugo => "_index.md",
        }
    }

    /// Whether the generator makes tag pages from the `tags` front matter
    /// key by itself (Hugo's default `tags` taxonomy), so that the index
    /// pages need not.
    pub fn makes_tag_pages(self) -> bool {
        self == Site::Hugo
    }
}

/// Options of the Markdown writer. The defaults publish as is (YAML front
/// matter, a title heading, no offset, no wraps, no links, plain `.md`
/// links); set fields on `Options::default()` or [`Options::for_site`].
///
/// ```
/// let mut opts = cable_markdown::Options::default();
/// opts.front_matter = cable_markdown::FrontMatter::Toml;
/// opts.heading_offset = 1; // title becomes `##`, body headings `###`
/// opts.wrap = Some(72);    // hard-wrap prose at 72 columns
/// opts.link_template = Some("https://example.org/cables/{id}.html".into());
/// ```
#[derive(Clone)]
#[non_exhaustive]
pub struct Options {
    /// The front matter block: YAML (default), TOML or none.
    pub front_matter: FrontMatter,
    /// Added to every heading level: 0 makes the title `#` and body
    /// headings `##`; levels are capped at 6.
    pub heading_offset: u8,
    /// Hard-wrap prose at this many columns (indentation included); `None`
    /// (the default) writes each paragraph on one line.
    pub wrap: Option<usize>,
    /// The relative paths (`../2009/09STATE4690.md`) of the pages of
    /// referenced cables that are in the same run; such references become
    /// links, written as [`Options::site`] needs. Supplied by the driver.
    pub links: Option<LinkResolver>,
    /// A URL template for referenced cables that `links` does not resolve:
    /// `{id}` is replaced by the canonical id (`09STATE4690`). Off by
    /// default: such references stay plain text.
    pub link_template: Option<String>,
    /// The site generator: how links to the run's pages are written and
    /// what the front matter adds (see [`Site`]).
    pub site: Site,
    /// Whether the page repeats its title as a level-1 heading (default
    /// yes). Themes that print the front matter's `title` themselves
    /// (Hugo's, Jekyll's `page` layout) would show it twice.
    pub title_heading: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            front_matter: FrontMatter::default(),
            heading_offset: 0,
            wrap: None,
            links: None,
            link_template: None,
            site: Site::default(),
            title_heading: true,
        }
    }
}

impl Options {
    /// The defaults for pages published with `site`: its link style, and
    /// no title heading where the generator's themes print the title.
    pub fn for_site(site: Site) -> Options {
        Options {
            site,
            title_heading: matches!(site, Site::Plain | Site::MkDocs),
            ..Options::default()
        }
    }
}

impl fmt::Debug for Options {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Options")
            .field("front_matter", &self.front_matter)
            .field("heading_offset", &self.heading_offset)
            .field("wrap", &self.wrap)
            .field("links", &self.links.as_ref().map(|_| "Fn(&CableId)"))
            .field("link_template", &self.link_template)
            .field("site", &self.site)
            .field("title_heading", &self.title_heading)
            .finish()
    }
}

/// Writes `cable` to `out` as one Markdown page.
///
/// Fails only when `out` fails (or, never in practice, when a front matter
/// serializer refuses a value; that is reported as
/// [`io::ErrorKind::InvalidData`]).
pub fn write(cable: &Cable, opts: &Options, out: &mut dyn io::Write) -> io::Result<()> {
    let page = page::render(cable, opts)?;
    out.write_all(page.as_bytes())
}
