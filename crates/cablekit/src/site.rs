//! `--site`: the index pages of the Markdown tree (per year, tag and
//! origin), written once after the run.
//!
//! Each converted cable's `index.jsonl` line carries its [`Listing`] (title,
//! date, tags, origin, from the model), so the pages are rendered from the
//! index alone: they cover the cables reused by `--resume` too, and the
//! run keeps no per-cable state in memory. `cable_markdown::index_pages`
//! renders them; this module reads the index, writes the pages beside the
//! cable pages (temporary name, then rename) and never replaces a cable's
//! own page.

use crate::index::{Line, Status};
use anyhow::Context;
use cable_markdown::{Listed, Options, Summary};
use cable_model::Cable;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::io::BufRead;
use std::path::Path;

/// Entries per index page; longer lists continue on `page-2.md`, ….
pub(crate) const PAGE_SIZE: usize = 1000;

/// What the index pages show of a cable, kept in its `index.jsonl` line:
/// `"title":"…","date":"2009-02-24T21:58:00Z","tags":["PREL"],"origin":"Embassy Paris"`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Listing {
    pub(crate) title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) date: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) origin: Option<String>,
}

impl Listing {
    /// The listing of `cable`.
    pub(crate) fn of(cable: &Cable) -> Listing {
        let s = Summary::of(cable);
        Listing {
            title: s.title,
            date: s.date,
            tags: s.tags,
            origin: s.origin,
        }
    }
}

/// What [`write_index_pages`] did.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Written {
    /// Pages written.
    pub(crate) pages: usize,
    /// Pages not written because a cable's page has that name.
    pub(crate) clashes: Vec<String>,
}

/// Writes the index pages of the Markdown tree under `root` for the cables
/// listed in the run's index, `index_path`.
pub(crate) fn write_index_pages(
    root: &Path,
    index_path: &Path,
    opts: &Options,
) -> anyhow::Result<Written> {
    let file = std::fs::File::open(index_path)
        .with_context(|| format!("cannot read {}", index_path.display()))?;
    let mut cables = Vec::new();
    let mut md_root: Option<String> = None;
    let mut taken = HashSet::new();
    for line in std::io::BufReader::new(file).lines() {
        let line = line.with_context(|| format!("cannot read {}", index_path.display()))?;
        let Some(line) = Line::from_json(&line) else {
            continue;
        };
        let Some(listed) = listed(&line, &mut md_root) else {
            continue;
        };
        taken.insert(listed.page.to_ascii_lowercase());
        cables.push(listed);
    }
    let Some(md_root) = md_root else {
        return Ok(Written::default());
    };
    let pages = cable_markdown::index_pages(&cables, opts, PAGE_SIZE)?;
    let dir = root.join(&md_root);
    let mut written = Written::default();
    for page in pages {
        if taken.contains(&page.path.to_ascii_lowercase()) {
            written.clashes.push(format!("{md_root}/{}", page.path));
            continue;
        }
        write_atomically(&dir.join(&page.path), page.text.as_bytes())?;
        written.pages += 1;
    }
    Ok(written)
}

/// The cable of an `ok` line with a Markdown page and a listing, its page
/// relative to the Markdown root (`2009/09STATE4690.md`). The root is the
/// page's path less its year directory and file name (`md`), the same for
/// every line; a line that disagrees is left out.
fn listed(line: &Line, md_root: &mut Option<String>) -> Option<Listed> {
    if line.status != Status::Ok {
        return None;
    }
    let listing = line.listing.clone()?;
    let path = line.outputs.get(crate::format::Format::Markdown.name())?;
    let mut parts = path.rsplitn(3, '/');
    let file = parts.next()?;
    let year = parts.next()?;
    let root = parts.next().unwrap_or("").to_owned();
    if md_root.get_or_insert_with(|| root.clone()) != &root {
        return None;
    }
    let mut summary = Summary::default();
    summary.id = line.id.clone();
    summary.title = listing.title;
    summary.date = listing.date;
    summary.tags = listing.tags;
    summary.origin = listing.origin;
    Some(Listed {
        page: format!("{year}/{file}"),
        summary,
    })
}

/// Writes `bytes` to `path` through a temporary file beside it.
fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}{}", crate::resume::TEMP_SUFFIX));
    std::fs::create_dir_all(dir)
        .and_then(|()| std::fs::write(&temp, bytes))
        .and_then(|()| std::fs::rename(&temp, path))
        .with_context(|| format!("cannot write {}", path.display()))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&temp);
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use cable_archive::Provenance;

    fn ok_line(id: &str, md: &str, listing: Option<Listing>) -> Line {
        let prov = Provenance {
            input: "x.csv".into(),
            member: None,
            row: None,
            offset: None,
        };
        let mut line = Line::new(0, &prov, Status::Ok);
        line.id = Some(id.into());
        line.outputs.insert("md".into(), md.into());
        line.listing = listing;
        line
    }

    #[test]
    fn listings_ride_in_the_index_line() {
        let listing = Listing {
            title: "Views".into(),
            date: Some("2009-01-15T12:00:00Z".into()),
            tags: vec!["PREL".into()],
            origin: None,
        };
        let line = ok_line(
            "09STATE4690",
            "md/2009/09STATE4690.md",
            Some(listing.clone()),
        );
        let json = line.to_json();
        assert!(
            json.contains(r#""title":"Views","date":"2009-01-15T12:00:00Z","tags":["PREL"]"#),
            "{json}"
        );
        assert_eq!(Line::from_json(&json), Some(line.clone()));
        let mut root = None;
        let l = listed(&line, &mut root).unwrap();
        assert_eq!(
            (l.page.as_str(), root.as_deref()),
            ("2009/09STATE4690.md", Some("md"))
        );
        assert_eq!(l.summary.title, "Views");
        // A line without a listing (an older index) is left out.
        let old = ok_line("09STATE1", "md/2009/09STATE1.md", None);
        assert_eq!(Line::from_json(&old.to_json()), Some(old.clone()));
        assert!(listed(&old, &mut root).is_none());
        // So is one under another root.
        let other = ok_line("09STATE2", "x/2009/09STATE2.md", Some(listing));
        assert!(listed(&other, &mut root).is_none());
    }

    #[test]
    fn pages_never_replace_a_cables_page() {
        let dir = tempfile::tempdir().unwrap();
        let listing = Listing {
            title: "T".into(),
            date: None,
            tags: vec![],
            origin: None,
        };
        // A cable without an id, named after its member `README.txt`.
        let a = ok_line("09STATE1", "md/2009/09STATE1.md", Some(listing.clone()));
        let mut b = ok_line("x", "md/unknown/README.md", Some(listing));
        b.id = None;
        std::fs::create_dir_all(dir.path().join("md/unknown")).unwrap();
        std::fs::write(dir.path().join("md/unknown/README.md"), "the cable").unwrap();
        std::fs::write(
            crate::sink::index_path(dir.path()),
            format!("{}{}", a.to_json(), b.to_json()),
        )
        .unwrap();
        let written = write_index_pages(
            dir.path(),
            &crate::sink::index_path(dir.path()),
            &Options::for_site(cable_markdown::Site::Plain),
        )
        .unwrap();
        assert_eq!(written.clashes, ["md/unknown/README.md"]);
        assert_eq!(
            std::fs::read_to_string(dir.path().join("md/unknown/README.md")).unwrap(),
            "the cable"
        );
        let home = std::fs::read_to_string(dir.path().join("md/README.md")).unwrap();
        assert!(home.contains("- [2009](2009/README.md) (1)"), "{home}");
        assert!(dir.path().join("md/2009/README.md").is_file());
    }
}
