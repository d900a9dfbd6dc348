//! Where each cable's outputs go inside the output root.
//!
//! ```text
//! <root>/<format>/<year>/<ID>.<ext>        md/2009/09STATE17183.md
//! <root>/<format>/<year>/<ID>~2.<ext>      the second cable with that id, in input order
//! <root>/<format>/unknown/<name>.<ext>     no id: a sanitised name from the file name or CSV row
//! ```
//!
//! The year is the id's year, so a cable's path is a function of its id
//! alone and cross-links can be written before the target is converted.
//! Names are unique without regard to case, so the tree unpacks intact on
//! case-insensitive file systems (macOS, Windows). Nothing taken from an
//! archive member is used unsanitised: only `[A-Za-z0-9._-]` survive, a
//! leading dot is dropped, and names are capped at 80 bytes.

use crate::format::Format;
use cable_archive::Provenance;
use cable_model::CableId;
use std::collections::HashSet;
use std::path::Path;

/// Directory of cables without an id.
const UNKNOWN_DIR: &str = "unknown";

/// A cable's output name before duplicates are told apart: `2009` + `09STATE17183`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Base {
    /// The year directory, or `unknown`.
    dir: String,
    /// The file stem.
    stem: String,
}

impl Base {
    /// The name of a cable with id `id`: `2009/09STATE17183`.
    pub(crate) fn for_id(id: &CableId) -> Base {
        Base {
            dir: format!("{:04}", id.year()),
            stem: id.as_str().to_owned(),
        }
    }

    /// The name of a cable without an id, from where it came from:
    /// `unknown/cables-row17` for row 17 of `cables.csv`,
    /// `unknown/notes` for the member `2009/notes.txt`.
    pub(crate) fn fallback(prov: &Provenance) -> Base {
        let file_stem = |p: &str| -> String {
            let last = p.rsplit(['/', '\\']).next().unwrap_or(p);
            let last = last.trim_start_matches('.');
            last.split('.').next().unwrap_or(last).to_owned()
        };
        let stem = match (&prov.member, prov.row) {
            (_, Some(row)) => format!("{}-row{row}", file_stem(&prov.input.to_string_lossy())),
            (Some(member), None) => file_stem(member),
            (None, None) => file_stem(&prov.input.to_string_lossy()),
        };
        Base {
            dir: UNKNOWN_DIR.to_owned(),
            stem: sanitise(&stem),
        }
    }

    /// The name of the one XML collection file of an input:
    /// `cables` for `dumps/cables.csv`, `mirror` for `mirror/`.
    pub(crate) fn collection(input: &Path) -> Base {
        let name = input
            .file_name()
            .map_or_else(|| "input".into(), |n| n.to_string_lossy());
        let name = name.trim_start_matches('.');
        Base {
            dir: String::new(),
            stem: sanitise(name.split('.').next().unwrap_or(name)),
        }
    }

    /// The year directory (`2009`) or `unknown`.
    pub(crate) fn dir(&self) -> &str {
        &self.dir
    }

    /// `dir/stem`, the key used for sharding.
    pub(crate) fn key(&self) -> String {
        format!("{}/{}", self.dir, self.stem)
    }
}

/// A final, unique output name: `2009/09STATE17183~2`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Name {
    dir: String,
    stem: String,
}

impl Name {
    /// The output path of this cable in `format`, relative to the root,
    /// `/`-separated: `md/2009/09STATE17183.md`.
    pub(crate) fn path(&self, format: Format) -> String {
        format!(
            "{}/{}/{}.{}",
            format.dir(),
            self.dir,
            self.stem,
            format.extension()
        )
    }

    /// The path of a per-input XML collection: `xml/cables.xml`.
    pub(crate) fn collection_path(&self) -> String {
        format!("{}/{}.xml", Format::Xml.dir(), self.stem)
    }

    /// Reads back a name from an output path written by [`Name::path`].
    pub(crate) fn from_path(format: Format, path: &str) -> Option<Name> {
        let rest = path.strip_prefix(format.dir())?.strip_prefix('/')?;
        let rest = rest.strip_suffix(format.extension())?.strip_suffix('.')?;
        let (dir, stem) = rest.split_once('/')?;
        Some(Name {
            dir: dir.to_owned(),
            stem: stem.to_owned(),
        })
    }
}

/// Hands out unique names in input order, so the `~2` suffixes are the
/// same in every run.
#[derive(Debug, Default)]
pub(crate) struct Namer {
    /// Lower-cased `dir/stem` of every name handed out.
    taken: HashSet<String>,
}

impl Namer {
    /// The first of `stem`, `stem~2`, `stem~3`, ... not yet taken (ignoring case).
    pub(crate) fn assign(&mut self, base: &Base) -> Name {
        let mut n = 1u64;
        loop {
            let stem = if n == 1 {
                base.stem.clone()
            } else {
                format!("{}~{n}", base.stem)
            };
            let name = Name {
                dir: base.dir.clone(),
                stem,
            };
            if self.reserve(&name) {
                return name;
            }
            n += 1;
        }
    }

    /// Marks `name` as taken (a record reused by `--resume`). False if it already was.
    pub(crate) fn reserve(&mut self, name: &Name) -> bool {
        self.taken
            .insert(format!("{}/{}", name.dir, name.stem).to_ascii_lowercase())
    }
}

/// Keeps `[A-Za-z0-9._-]`, replaces anything else by `_`, drops leading
/// dots, caps the length, and never returns an empty or reserved name.
fn sanitise(raw: &str) -> String {
    let mut s: String = raw
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    s = s.trim_start_matches('.').to_owned();
    s.truncate(80);
    const RESERVED: [&str; 22] = [
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
        "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    ];
    if s.is_empty() || RESERVED.contains(&s.to_ascii_lowercase().as_str()) {
        s.insert_str(0, "cable_");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn prov(input: &str, member: Option<&str>, row: Option<u64>) -> Provenance {
        Provenance {
            input: PathBuf::from(input),
            member: member.map(str::to_owned),
            row,
            offset: None,
        }
    }

    #[test]
    fn ids_go_under_their_year() {
        let id = CableId::parse("09STATE017183").unwrap();
        let name = Namer::default().assign(&Base::for_id(&id));
        assert_eq!(name.path(Format::Markdown), "md/2009/09STATE17183.md");
        assert_eq!(
            name.path(Format::Pandoc),
            "pandoc/2009/09STATE17183.pandoc.json"
        );
        let old = CableId::parse("1975ADDIS09462").unwrap();
        assert_eq!(Base::for_id(&old).key(), "1975/1975ADDIS9462");
    }

    #[test]
    fn duplicates_and_case_variants_get_distinct_names() {
        let mut namer = Namer::default();
        let id = CableId::parse("09STATE17183").unwrap();
        let names: Vec<String> = (0..3)
            .map(|_| namer.assign(&Base::for_id(&id)).path(Format::Yaml))
            .collect();
        assert_eq!(
            names,
            [
                "yaml/2009/09STATE17183.yaml",
                "yaml/2009/09STATE17183~2.yaml",
                "yaml/2009/09STATE17183~3.yaml"
            ]
        );
        let a = namer.assign(&Base::fallback(&prov("x/Notes.TXT", None, None)));
        let b = namer.assign(&Base::fallback(&prov("y/notes.txt", None, None)));
        assert_eq!(
            (a.path(Format::Xml).as_str(), b.path(Format::Xml).as_str()),
            ("xml/unknown/Notes.xml", "xml/unknown/notes~2.xml")
        );
    }

    #[test]
    fn fallback_names_are_sanitised() {
        let cases = [
            (prov("cables.csv", None, Some(17)), "unknown/cables-row17"),
            (
                prov("a.zip", Some("../../etc/passwd"), None),
                "unknown/passwd",
            ),
            (
                prov("a.zip", Some("dir/..hidden.txt"), None),
                "unknown/hidden",
            ),
            (
                prov("a.zip", Some("x/caf\u{e9} menu?.txt"), None),
                "unknown/caf__menu_",
            ),
            (prov("a.zip", Some("CON.txt"), None), "unknown/cable_CON"),
            (prov("-", None, None), "unknown/-"),
        ];
        for (p, want) in cases {
            assert_eq!(Base::fallback(&p).key(), want, "{p:?}");
        }
    }

    #[test]
    fn collections_are_named_after_the_input() {
        let mut namer = Namer::default();
        let mut path = |p: &str| {
            namer
                .assign(&Base::collection(Path::new(p)))
                .collection_path()
        };
        assert_eq!(path("dumps/cables.csv"), "xml/cables.xml");
        assert_eq!(path("mirror/"), "xml/mirror.xml");
        assert_eq!(path("other/cables.tar.gz"), "xml/cables~2.xml");
        assert_eq!(path("-"), "xml/-.xml");
    }

    #[test]
    fn paths_read_back() {
        let id = CableId::parse("09STATE17183").unwrap();
        let mut namer = Namer::default();
        namer.assign(&Base::for_id(&id));
        let name = namer.assign(&Base::for_id(&id));
        for f in Format::ALL {
            assert_eq!(Name::from_path(f, &name.path(f)), Some(name.clone()));
        }
        assert!(!namer.reserve(&name));
    }
}
