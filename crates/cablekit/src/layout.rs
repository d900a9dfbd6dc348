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
use std::collections::HashMap;
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
    /// The name of a cable with id `id`: `2009/09STATE17183`. An id too
    /// long for a file name (a container can state a 300-letter "station")
    /// keeps its first [`MAX_STEM`] bytes and gets a hash of the whole id:
    /// `2009/09AAAA…AAAA-h3f9c2a1b0d4e5f67`, the same in every run.
    pub(crate) fn for_id(id: &CableId) -> Base {
        Base {
            dir: format!("{:04}", id.year()),
            stem: shorten(id.as_str()),
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
    /// Whether paths start with the format's folder (`md/2009/…`); with
    /// one format they do not (`2009/…`).
    format_dirs: bool,
}

impl Name {
    /// The output path of this cable in `format`, relative to the root,
    /// `/`-separated: `md/2009/09STATE17183.md`.
    pub(crate) fn path(&self, format: Format) -> String {
        if self.format_dirs {
            format!(
                "{}/{}/{}.{}",
                format.dir(),
                self.dir,
                self.stem,
                format.extension()
            )
        } else {
            format!("{}/{}.{}", self.dir, self.stem, format.extension())
        }
    }

    /// Whether this is the first copy of its base (no `~N` suffix).
    pub(crate) fn is_first(&self) -> bool {
        !self.stem.contains('~')
    }

    /// The path of a per-input XML collection: `xml/cables.xml`.
    pub(crate) fn collection_path(&self) -> String {
        format!("{}/{}.xml", Format::Xml.dir(), self.stem)
    }

    /// Reads back a name from an output path written by [`Name::path`].
    pub(crate) fn from_path(format: Format, path: &str) -> Option<Name> {
        let rest = path.strip_suffix(format.extension())?.strip_suffix('.')?;
        let (format_dirs, rest) = match rest.split('/').count() {
            3 => (true, rest.strip_prefix(format.dir())?.strip_prefix('/')?),
            2 => (false, rest),
            _ => return None,
        };
        let (dir, stem) = rest.split_once('/')?;
        Some(Name {
            dir: dir.to_owned(),
            stem: stem.to_owned(),
            format_dirs,
        })
    }
}

/// Longest file stem taken from an id as it is; longer ones are shortened
/// with a hash (see [`Base::for_id`]). With the longest extension
/// (`.pandoc.json`) and a `~N` suffix a name stays far below the 255 bytes
/// file systems allow, and below tar's 100-byte name field with its folders.
pub(crate) const MAX_STEM: usize = 64;

fn shorten(stem: &str) -> String {
    if stem.len() <= MAX_STEM {
        return stem.to_owned();
    }
    let mut keep = MAX_STEM - 18;
    while !stem.is_char_boundary(keep) {
        keep -= 1;
    }
    format!(
        "{}-h{:016x}",
        stem.get(..keep).unwrap_or_default(),
        crate::shard::fnv1a(stem.as_bytes())
    )
}

/// Hands out unique names in input order, so the `~2` suffixes are the
/// same in every run.
///
/// A base stem never contains `~` (ids cannot, sanitised names keep only
/// `[A-Za-z0-9._-]`), so the names of one base are exactly `stem`,
/// `stem~2`, `stem~3`, … and the namer only counts, per base, how many it
/// handed out: one step per name, whatever the number of copies (issue 13
/// row 7: 50,000 copies of one id took about 200 s when each copy tried
/// every earlier suffix). Bases are keyed by the 64-bit FNV-1a hash of
/// their lower-cased `dir/stem` (unique ignoring case, for case-insensitive
/// file systems), 16 bytes a base instead of a lower-cased copy of every
/// name. Two different bases with the same hash would only make the
/// second one start at `~2`: never a name given twice.
#[derive(Debug)]
pub(crate) struct Namer {
    /// Copies handed out (or reserved) per base.
    copies: HashMap<u64, u32>,
    /// Whether names' paths start with the format's folder.
    format_dirs: bool,
}

impl Default for Namer {
    /// A namer for paths with the format folder (`md/2009/…`).
    fn default() -> Self {
        Namer::new(true)
    }
}

impl Namer {
    /// A namer whose paths start with the format folder when `format_dirs`.
    pub(crate) fn new(format_dirs: bool) -> Self {
        Namer {
            copies: HashMap::new(),
            format_dirs,
        }
    }

    /// The first of `stem`, `stem~2`, `stem~3`, ... not yet taken (ignoring case).
    pub(crate) fn assign(&mut self, base: &Base) -> Name {
        let n = self
            .copies
            .entry(key_hash(&base.dir, &base.stem))
            .or_insert(0);
        *n = n.saturating_add(1);
        let stem = match *n {
            1 => base.stem.clone(),
            n => format!("{}~{n}", base.stem),
        };
        Name {
            dir: base.dir.clone(),
            stem,
            format_dirs: self.format_dirs,
        }
    }

    /// Marks `name` as taken (a record reused by `--resume`): later copies
    /// of its base get higher suffixes.
    pub(crate) fn reserve(&mut self, name: &Name) {
        let (stem, n) = match name.stem.rsplit_once('~') {
            Some((stem, n)) => match n.parse::<u32>() {
                Ok(n) if n >= 2 => (stem, n),
                _ => (name.stem.as_str(), 1),
            },
            None => (name.stem.as_str(), 1),
        };
        let copies = self.copies.entry(key_hash(&name.dir, stem)).or_insert(0);
        *copies = (*copies).max(n);
    }
}

/// FNV-1a of the lower-cased `dir/stem`.
fn key_hash(dir: &str, stem: &str) -> u64 {
    let mut key = Vec::with_capacity(dir.len() + stem.len() + 1);
    key.extend(dir.bytes().map(|b| b.to_ascii_lowercase()));
    key.push(b'/');
    key.extend(stem.bytes().map(|b| b.to_ascii_lowercase()));
    crate::shard::fnv1a(&key)
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
            let flat = Namer::new(false).assign(&Base::for_id(&id));
            assert_eq!(flat.path(f), format!("2009/09STATE17183.{}", f.extension()));
            assert_eq!(Name::from_path(f, &flat.path(f)), Some(flat));
        }
        // A resumed run reserves `~2`: the next copy is `~3`.
        let mut resumed = Namer::default();
        resumed.reserve(&name);
        assert_eq!(
            resumed.assign(&Base::for_id(&id)).path(Format::Markdown),
            "md/2009/09STATE17183~3.md"
        );
    }

    #[test]
    fn row4_long_container_id_is_shortened_with_a_hash() {
        let long = format!("09{}1", "A".repeat(300));
        let id = CableId::parse(&long).unwrap();
        let base = Base::for_id(&id);
        assert!(base.key().len() < 100, "{}", base.key());
        assert_eq!(base, Base::for_id(&id), "deterministic");
        let other = CableId::parse(&format!("09{}2", "A".repeat(300))).unwrap();
        assert_ne!(base, Base::for_id(&other));
        let path = Namer::default().assign(&base).path(Format::Pandoc);
        assert!(path.len() < 100, "{path}");
    }

    /// Issue 13 row 7: naming N copies of one id takes time linear in N
    /// (compared as steps: the namer does one map update per name).
    #[test]
    fn row7_many_copies_of_one_id_are_named_in_linear_time() {
        let id = CableId::parse("09STATE17183").unwrap();
        let base = Base::for_id(&id);
        let mut namer = Namer::default();
        let last = (0..20_000).map(|_| namer.assign(&base)).last().unwrap();
        assert_eq!(last.path(Format::Xml), "xml/2009/09STATE17183~20000.xml");
        // Quadratic naming made 4x the copies take 16x the time; timed in
        // this thread's CPU time, so tests running beside it do not count.
        cable_testkit::linear::check_linear(
            "naming copies of one id",
            20_000,
            |n| n,
            |&n| {
                let mut namer = Namer::default();
                for _ in 0..n {
                    std::hint::black_box(namer.assign(&base));
                }
            },
        );
    }
}
