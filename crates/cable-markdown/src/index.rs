//! Index pages for a site of cable pages: one page per year, per tag and
//! per origin listing the cables (newest last), plus a home page linking
//! them, for the generators that do not make such pages themselves.
//!
//! ```text
//! README.md                  home: the years, then links to the tag and origin lists
//! 2009/README.md             the cables of 2009 by date; 2009/page-2.md … past 1,000
//! tags/README.md             every tag with its count
//! tags/prel/README.md        the cables tagged PREL
//! origins/README.md          every origin with its count
//! origins/embassy-paris/README.md
//! ```
//!
//! (`README.md` for [`Site::Plain`]; `index.md` for MkDocs and Jekyll,
//! `_index.md` for Hugo, see [`Site::index_file`].) Hugo makes tag pages
//! from the `tags` key itself, so none are written for it. Each entry is
//! `- 2009-03-03 [09GENEVA123](…) — Kitchen Sink Working Group: …`: the date,
//! the id linked in the site's link style, and the title.
//!
//! The pages are built from [`Summary`] values, the few fields of each
//! cable's model they show, so that a driver can collect them during a run
//! and render the pages once at the end.

use crate::front_matter;
use crate::links::{link, page_link};
use crate::page::title;
use crate::prose::{Mode, escape};
use crate::{FrontMatter, Options, Site};
use cable_model::Cable;
use std::collections::BTreeMap;
use std::io;

/// What an index page shows of one cable, taken from its model.
///
/// ```
/// let mut cable = cable_model::Cable::default();
/// cable.id = cable_model::CableId::parse("09STATE4690");
/// let s = cable_markdown::Summary::of(&cable);
/// assert_eq!(s.title, "09STATE4690");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Summary {
    /// The canonical id (`09STATE4690`), when the cable has one.
    pub id: Option<String>,
    /// The page title: the subject in title case, else the id (as the
    /// page's front matter has it, on one line).
    pub title: String,
    /// The cable's instant, `2009-02-24T21:58:00Z` (its DTG, else the
    /// container's date): the sort key of the listings.
    pub date: Option<String>,
    /// `TAGS:` as written.
    pub tags: Vec<String>,
    /// Who sent it: the origin the container names (`Embassy Paris`), else
    /// the `FM` line (`AMEMBASSY PARIS`).
    pub origin: Option<String>,
}

impl Summary {
    /// The summary of `cable`.
    pub fn of(cable: &Cable) -> Summary {
        let origin = cable
            .container
            .origin
            .as_deref()
            .or(cable.routing.from.as_ref().map(|a| a.name.as_str()))
            .map(|o| front_matter::one_line(o).into_owned())
            .filter(|o| !o.is_empty());
        Summary {
            id: cable.id.as_ref().map(|id| id.as_str().to_owned()),
            title: front_matter::one_line(title(cable)).into_owned(),
            date: front_matter::date(cable).map(|d| d.to_string()),
            tags: cable.tags.iter().map(|t| t.as_str().to_owned()).collect(),
            origin,
        }
    }
}

/// One cable of the site: its page and its summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// The cable's page, relative to the root of the Markdown tree,
    /// `/`-separated: `2009/09STATE4690.md`.
    pub page: String,
    /// What the listings show.
    pub summary: Summary,
}

/// One index page to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexPage {
    /// Where it goes, relative to the root of the Markdown tree:
    /// `2009/README.md`.
    pub path: String,
    /// The Markdown page, front matter included.
    pub text: String,
}

/// The index pages of a site holding `cables`, each list split into pages
/// of at most `page_size` entries (at least 1). The pages follow `opts` as
/// cable pages do: its [`Options::site`] for file names and link style,
/// its front matter kind and title heading. Deterministic: the same cables
/// in any order give the same pages.
///
/// ```
/// use cable_markdown::{Listed, Options, Site, Summary, index_pages};
/// let mut summary = Summary::default();
/// summary.id = Some("09STATE4690".into());
/// summary.title = "Views".into();
/// summary.date = Some("2009-01-15T12:00:00Z".into());
/// summary.tags = vec!["PREL".into()];
/// let cables = [Listed { page: "2009/09STATE4690.md".into(), summary }];
/// let pages = index_pages(&cables, &Options::for_site(Site::MkDocs), 1000)?;
/// let paths: Vec<&str> = pages.iter().map(|p| p.path.as_str()).collect();
/// assert_eq!(paths, ["index.md", "2009/index.md", "tags/index.md", "tags/prel/index.md"]);
/// assert!(pages[1].text.contains("- 2009-01-15 [09STATE4690](09STATE4690.md) — Views\n"));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn index_pages(
    cables: &[Listed],
    opts: &Options,
    page_size: usize,
) -> io::Result<Vec<IndexPage>> {
    let page_size = page_size.max(1);
    let mut sorted: Vec<&Listed> = cables.iter().collect();
    // By date (undated last), then id, then page: the same order from any input order.
    sorted.sort_by(|a, b| {
        let key = |l: &Listed| (l.summary.date.is_none(), l.summary.date.clone());
        key(a)
            .cmp(&key(b))
            .then_with(|| a.summary.id.cmp(&b.summary.id))
            .then_with(|| a.page.cmp(&b.page))
    });

    let mut years: BTreeMap<String, Vec<&Listed>> = BTreeMap::new();
    let mut tags: BTreeMap<&str, Vec<&Listed>> = BTreeMap::new();
    let mut origins: BTreeMap<&str, Vec<&Listed>> = BTreeMap::new();
    for l in &sorted {
        years.entry(dir_of(&l.page).to_owned()).or_default().push(l);
        for t in &l.summary.tags {
            tags.entry(t.as_str()).or_default().push(l);
        }
        if let Some(o) = &l.summary.origin {
            origins.entry(o.as_str()).or_default().push(l);
        }
    }
    let with_tags = !opts.site.makes_tag_pages() && !tags.is_empty();
    let index = opts.site.index_file();
    let mut pages = Vec::new();

    // Home.
    let mut home = vec![format!(
        "{} cables{}.",
        sorted.len(),
        span(&sorted).map(|s| format!(", {s}")).unwrap_or_default()
    )];
    home.push(String::new());
    home.push(format!("{} By year", heading(2, opts)));
    home.push(String::new());
    for (year, list) in &years {
        let target = page_link(opts.site, &join(year, index));
        home.push(format!("- {} ({})", link(year, &target), list.len()));
    }
    for (name, dir, count) in [
        ("tag", "tags", if with_tags { tags.len() } else { 0 }),
        ("origin", "origins", origins.len()),
    ] {
        if count > 0 {
            let target = page_link(opts.site, &join(dir, index));
            home.push(String::new());
            home.push(format!("{} By {name}", heading(2, opts)));
            home.push(String::new());
            home.push(link(&format!("All {count} {name}s"), &target));
        }
    }
    pages.push(page(index.to_owned(), "Cables", home, opts)?);

    // Years.
    for (year, list) in &years {
        let name = if year == "unknown" {
            "Cables without an id".to_owned()
        } else {
            format!("Cables of {year}")
        };
        pages.extend(listing(year, &name, list, opts, page_size)?);
    }

    // Tags and origins: a list of names, then one listing each.
    for (kind, dir, groups) in [("Tags", "tags", &tags), ("Origins", "origins", &origins)] {
        if groups.is_empty() || (dir == "tags" && !with_tags) {
            continue;
        }
        let slugs = slugs(groups.keys().copied());
        let mut lines = Vec::new();
        for (name, list) in groups.iter() {
            let slug = slugs.get(name).map_or("_", String::as_str);
            let target = page_link(opts.site, &join(slug, index));
            lines.push(format!("- {} ({})", link(name, &target), list.len()));
        }
        pages.push(page(join(dir, index), kind, lines, opts)?);
        for (name, list) in groups.iter() {
            let slug = slugs.get(name).map_or("_", String::as_str);
            let title = match dir {
                "tags" => format!("Tag {name}"),
                _ => format!("From {name}"),
            };
            pages.extend(listing(&join(dir, slug), &title, list, opts, page_size)?);
        }
    }
    Ok(pages)
}

/// The pages listing `list` in the directory `dir`: the index file, then
/// `page-2.md`, `page-3.md`, … of `page_size` entries each.
fn listing(
    dir: &str,
    name: &str,
    list: &[&Listed],
    opts: &Options,
    page_size: usize,
) -> io::Result<Vec<IndexPage>> {
    let index = opts.site.index_file();
    let chunks: Vec<&[&Listed]> = list.chunks(page_size).collect();
    let file = |n: usize| {
        if n == 1 {
            index.to_owned()
        } else {
            format!("page-{n}.md")
        }
    };
    let mut pages = Vec::with_capacity(chunks.len());
    for (i, chunk) in chunks.iter().enumerate() {
        let n = i + 1;
        let mut lines = vec![format!(
            "{} cables{}.",
            list.len(),
            span(list).map(|s| format!(", {s}")).unwrap_or_default()
        )];
        if chunks.len() > 1 {
            let numbers: Vec<String> = (1..=chunks.len())
                .map(|k| {
                    if k == n {
                        k.to_string()
                    } else {
                        link(&k.to_string(), &page_link(opts.site, &file(k)))
                    }
                })
                .collect();
            lines.push(String::new());
            lines.push(format!("Pages: {}", numbers.join(" ")));
        }
        lines.push(String::new());
        for l in chunk.iter() {
            lines.push(entry(l, dir, opts.site));
        }
        let title = if chunks.len() > 1 {
            format!("{name} ({n} of {})", chunks.len())
        } else {
            name.to_owned()
        };
        pages.push(page(join(dir, &file(n)), &title, lines, opts)?);
    }
    Ok(pages)
}

/// `- 2009-03-03 [09GENEVA123](../../2009/09GENEVA123.md) — Kitchen Sink …`,
/// linked from a page in `from_dir`.
fn entry(l: &Listed, from_dir: &str, site: Site) -> String {
    let shown = l
        .summary
        .id
        .clone()
        .unwrap_or_else(|| stem(&l.page).to_owned());
    let target = page_link(site, &relative(from_dir, &l.page));
    let mut line = String::from("- ");
    if let Some(d) = &l.summary.date {
        line.push_str(d.get(..10).unwrap_or(d));
        line.push(' ');
    }
    line.push_str(&link(&shown, &target));
    let title = escape(&l.summary.title, Mode::Text);
    if !title.is_empty() && Some(&l.summary.title) != l.summary.id.as_ref() {
        line.push_str(" — ");
        line.push_str(&title);
    }
    line
}

/// A whole page: front matter with its title, the title heading (as for
/// cable pages), then `lines`.
fn page(path: String, title: &str, lines: Vec<String>, opts: &Options) -> io::Result<IndexPage> {
    let mut text = String::new();
    match opts.front_matter {
        FrontMatter::Yaml => front_matter::yaml_title(title, opts.site, &mut text)?,
        FrontMatter::Toml => front_matter::toml_title(title, opts.site, &mut text)?,
        FrontMatter::None => {}
    }
    if opts.title_heading {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&heading(1, opts));
        text.push(' ');
        text.push_str(&escape(title, Mode::Heading));
        text.push('\n');
    }
    if !text.is_empty() {
        text.push('\n');
    }
    for line in lines {
        text.push_str(&line);
        text.push('\n');
    }
    Ok(IndexPage { path, text })
}

fn heading(level: u8, opts: &Options) -> String {
    crate::page::hashes(level, opts)
}

/// `from 1975-03-01 to 2010-02-28` for a date-sorted list, when dated.
fn span(list: &[&Listed]) -> Option<String> {
    let mut dated = list
        .iter()
        .filter_map(|l| l.summary.date.as_deref().and_then(|d| d.get(..10)));
    let first = dated.next()?;
    let last = dated.next_back().unwrap_or(first);
    Some(if first == last {
        format!("on {first}")
    } else {
        format!("from {first} to {last}")
    })
}

/// A slug per name, unique ignoring case: `PREL` → `prel`,
/// `OVIP (DOE, JANE Q.)` → `ovip-doe-jane-q`; a second name with the same
/// slug gets `~2` (names in sorted order, so always the same one).
fn slugs<'a>(names: impl Iterator<Item = &'a str>) -> BTreeMap<&'a str, String> {
    let mut taken = std::collections::BTreeSet::new();
    let mut out = BTreeMap::new();
    for name in names {
        let mut base = String::new();
        for c in name.chars() {
            if c.is_ascii_alphanumeric() {
                base.push(c.to_ascii_lowercase());
            } else if !base.ends_with('-') {
                base.push('-');
            }
        }
        let mut base = base.trim_matches('-').to_owned();
        base.truncate(60);
        if base.is_empty() {
            base.push('_');
        }
        let mut slug = base.clone();
        let mut n = 1;
        while !taken.insert(slug.clone()) {
            n += 1;
            slug = format!("{base}~{n}");
        }
        out.insert(name, slug);
    }
    out
}

/// The directory part of a `/`-separated path (`""` at the root).
fn dir_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(d, _)| d)
}

/// The file name of a path without its extension.
fn stem(path: &str) -> &str {
    let file = path.rsplit('/').next().unwrap_or(path);
    file.strip_suffix(".md").unwrap_or(file)
}

/// `dir/file`, or `file` at the root.
fn join(dir: &str, file: &str) -> String {
    if dir.is_empty() {
        file.to_owned()
    } else {
        format!("{dir}/{file}")
    }
}

/// The path of `target` relative to the directory `from_dir` (both
/// relative to the same root): `("tags/prel", "2009/x.md")` → `../../2009/x.md`.
fn relative(from_dir: &str, target: &str) -> String {
    let from: Vec<&str> = from_dir.split('/').filter(|s| !s.is_empty()).collect();
    let to: Vec<&str> = target.split('/').filter(|s| !s.is_empty()).collect();
    let common = from
        .iter()
        .zip(&to)
        .take_while(|(a, b)| a == b)
        .count()
        .min(to.len().saturating_sub(1));
    let mut parts: Vec<&str> = vec![".."; from.len() - common];
    parts.extend(to.iter().skip(common));
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(id: &str, date: Option<&str>, tags: &[&str], origin: Option<&str>) -> Listed {
        let year = date.map_or("unknown", |d| &d[..4]);
        Listed {
            page: format!("{year}/{id}.md"),
            summary: Summary {
                id: Some(id.into()),
                title: format!("Title of {id}"),
                date: date.map(|d| format!("{d}T12:00:00Z")),
                tags: tags.iter().map(|t| (*t).into()).collect(),
                origin: origin.map(Into::into),
            },
        }
    }

    #[test]
    fn relative_paths_climb_out_of_their_directory() {
        assert_eq!(relative("", "2009/x.md"), "2009/x.md");
        assert_eq!(relative("2009", "2009/x.md"), "x.md");
        assert_eq!(relative("tags/prel", "2009/x.md"), "../../2009/x.md");
        assert_eq!(relative("2009", "index.md"), "../index.md");
    }

    #[test]
    fn slugs_are_unique_ignoring_case() {
        let s = slugs(["DOE JANE", "DOE, JANE", "PREL", "!!"].into_iter());
        assert_eq!(s["DOE JANE"], "doe-jane");
        assert_eq!(s["DOE, JANE"], "doe-jane~2");
        assert_eq!(s["PREL"], "prel");
        assert_eq!(s["!!"], "_");
    }

    #[test]
    fn long_lists_are_split_into_linked_pages() {
        let cables: Vec<Listed> = (1..=5)
            .map(|n| {
                listed(
                    &format!("09STATE{n}"),
                    Some(&format!("2009-01-0{n}")),
                    &["PREL"],
                    None,
                )
            })
            .collect();
        let opts = Options::for_site(Site::Plain);
        let pages = index_pages(&cables, &opts, 2).unwrap();
        let paths: Vec<&str> = pages.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "README.md",
                "2009/README.md",
                "2009/page-2.md",
                "2009/page-3.md",
                "tags/README.md",
                "tags/prel/README.md",
                "tags/prel/page-2.md",
                "tags/prel/page-3.md",
            ]
        );
        let second = &pages[2].text;
        assert!(
            second.contains("Pages: [1](README.md) 2 [3](page-3.md)\n"),
            "{second}"
        );
        assert!(
            second.contains("- 2009-01-03 [09STATE3](09STATE3.md) — Title of 09STATE3\n"),
            "{second}"
        );
        let tag = &pages[6].text;
        assert!(tag.contains("[09STATE3](../../2009/09STATE3.md)"), "{tag}");
    }

    #[test]
    fn order_does_not_depend_on_input_order() {
        let a = listed(
            "09STATE2",
            Some("2009-01-02"),
            &["PREL"],
            Some("Embassy Paris"),
        );
        let b = listed(
            "09STATE1",
            Some("2009-01-01"),
            &["PGOV", "PREL"],
            Some("Embassy Paris"),
        );
        let c = listed("XNOID", None, &[], None);
        let opts = Options::for_site(Site::Jekyll);
        let one = index_pages(&[a.clone(), b.clone(), c.clone()], &opts, 10).unwrap();
        let two = index_pages(&[c, b, a], &opts, 10).unwrap();
        assert_eq!(one, two);
        let year = one.iter().find(|p| p.path == "2009/index.md").unwrap();
        let first = year.text.find("09STATE1").unwrap();
        assert!(first < year.text.find("09STATE2").unwrap());
        assert!(
            year.text.contains("[09STATE1](09STATE1.html)"),
            "{}",
            year.text
        );
        assert!(
            year.text
                .starts_with("---\ntitle: Cables of 2009\nlayout: page\n---\n"),
            "{}",
            year.text
        );
        let origin = one
            .iter()
            .find(|p| p.path == "origins/embassy-paris/index.md")
            .unwrap();
        assert!(
            origin
                .text
                .contains("2 cables, from 2009-01-01 to 2009-01-02."),
            "{}",
            origin.text
        );
    }

    #[test]
    fn hugo_gets_section_pages_and_no_tag_pages() {
        let cables = [listed(
            "09STATE1",
            Some("2009-01-01"),
            &["PREL"],
            Some("Embassy Paris"),
        )];
        let pages = index_pages(&cables, &Options::for_site(Site::Hugo), 10).unwrap();
        let paths: Vec<&str> = pages.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "_index.md",
                "2009/_index.md",
                "origins/_index.md",
                "origins/embassy-paris/_index.md"
            ]
        );
        assert!(
            pages[0]
                .text
                .contains("[2009]({{< relref \"2009/_index.md\" >}}) (1)"),
            "{}",
            pages[0].text
        );
        assert!(
            pages[3]
                .text
                .contains("{{< relref \"../../2009/09STATE1.md\" >}}"),
            "{}",
            pages[3].text
        );
    }
}
