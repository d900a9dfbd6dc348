//! Command-line flags, in two stages (ripgrep's low/high args split): clap
//! reads raw values into [`Cli`], and [`Cli::into_command`] checks them and
//! builds the typed, validated [`Config`] before any work starts.

use crate::format::Format;
use crate::shard::Shard;
use anyhow::bail;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  Convert a whole release to every format, using all cores:
    cablekit convert cables.csv -o out
  Print one cable as YAML:
    cablekit convert 09STATE17183.txt --to yaml -o -
  Markdown only, from a zip of scrapes and a directory of text files:
    cablekit convert scrapes.zip mirror/ --to md -o site
  Split a run over 8 machines (job K of 8, K = 1..8):
    cablekit convert cables.csv -o out-K --shard K/8
  Continue an interrupted run:
    cablekit convert cables.csv -o out --resume";

const CONVERT_EXAMPLES: &str = "\
Examples:
  cablekit convert cables.csv                       # all formats into ./out
  cablekit convert cables.csv --to md,yaml -o out   # two formats
  cablekit convert 09STATE17183.txt --to yaml -o -  # one cable to stdout
  cablekit convert cables.csv --archive zip -o cables.zip
  cablekit convert cables.tar.gz -j 4 --shard 1/3 -o part1
  cablekit convert cables.csv -o out --resume        # after Ctrl-C or a crash

Output layout: OUT/<format>/<year>/<ID>.<ext> (one format: OUT/<year>/<ID>.<ext>),
the index beside the tree in OUT.index.jsonl (or --index PATH).
Exit status: 0 all converted, 1 some records failed, 2 usage or fatal error, 130 interrupted.";

/// Converts US diplomatic cable archives (Cablegate cables.csv, mirror
/// trees, zip/tar archives of scrapes, single texts) to Markdown, YAML, XML
/// and Pandoc JSON, in parallel.
#[derive(Debug, Parser)]
#[command(name = "cablekit", version, after_help = EXAMPLES, propagate_version = true)]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: CliCommand,
}

#[derive(Debug, Subcommand)]
enum CliCommand {
    /// Convert cables from files, directories, archives or cables.csv.
    #[command(after_help = CONVERT_EXAMPLES)]
    Convert(Box<ConvertArgs>),
    /// Print a shell completion script: `cablekit completions bash > /etc/bash_completion.d/cablekit`.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): `cablekit man > cablekit.1`.
    Man,
}

#[derive(Debug, Args)]
struct ConvertArgs {
    /// Inputs: cable text files, directories, .zip, .tar, .tar.gz, cables.csv, `-` for stdin.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Output formats, comma-separated [default: all four].
    #[arg(
        short = 't',
        long = "to",
        value_delimiter = ',',
        value_name = "FORMATS"
    )]
    to: Vec<Format>,
    /// Output directory; or one file named after its format (`cable.md`, `cable.yaml`,
    /// `cable.xml`, `cable.json`) or archive (`out.zip`, `out.tar`); or `-` for stdout
    /// (one format; several cables only as one YAML stream).
    #[arg(short = 'o', long = "out", value_name = "DIR|FILE|-")]
    out: Option<PathBuf>,
    /// Where the index of a directory output goes (JSON Lines, one line per input item)
    /// [default: beside the tree, `OUT.index.jsonl`]. Needed when `-o` has no name of its own
    /// (`-o .`), and give the same path again with `--resume` and `--site`.
    #[arg(long, value_name = "PATH")]
    index: Option<PathBuf>,
    /// Write the outputs into one archive file instead of a directory tree
    /// (implied by `-o NAME.zip` or `-o NAME.tar`).
    #[arg(long, value_name = "KIND")]
    archive: Option<ArchiveKind>,
    /// Keep the format folder level (`OUT/md/2009/…`) even with one format
    /// (with one format it is left out by default: `OUT/2009/…`).
    #[arg(long)]
    format_dirs: bool,
    /// Worker threads [default: all cores].
    #[arg(short = 'j', long, value_name = "N")]
    jobs: Option<usize>,
    /// Skip records whose outputs a previous run into the same directory completed.
    #[arg(long)]
    resume: bool,
    /// Stop at the first failed record.
    #[arg(long)]
    fail_fast: bool,
    /// Convert only shard K of N (1-based), chosen by a stable hash of the cable id.
    #[arg(long, value_name = "K/N")]
    shard: Option<Shard>,
    /// Leave references as text instead of linking them to cables of the same run (skips the id pre-pass).
    #[arg(long)]
    no_links: bool,
    /// Pandoc API version of the JSON: 1.22 (the default: pandoc 2.11-2.19, e.g. Debian 12's 2.17),
    /// 1.23 (pandoc 3.x, which refuses 1.22 with "Incompatible API versions"), or `auto` to ask
    /// the `pandoc` on PATH (`pandoc --version`).
    #[arg(long, value_name = "VERSION", default_value = "1.22")]
    pandoc_api: PandocApi,
    /// Pandoc: the extension cross-links point to, i.e. the format each `.pandoc.json` file will be
    /// converted to (`../2009/09STATE4690.html`).
    #[arg(long, value_name = "EXT", default_value = "html", value_parser = parse_link_ext)]
    pandoc_link_ext: String,
    /// Markdown for a site generator: its link style, front matter and index pages per year, tag
    /// and origin (see docs/output-markdown.md).
    #[arg(long, value_name = "GENERATOR")]
    site: Option<SiteArg>,
    /// Markdown: repeat the title as a level-1 heading (yes/no) [default: no with --site hugo or
    /// jekyll, whose themes print the title; yes otherwise].
    #[arg(long, value_name = "yes|no", value_parser = clap::builder::BoolishValueParser::new())]
    title_heading: Option<bool>,
    /// YAML: write long strings (paragraph texts, summaries) as folded block scalars (`>-`,
    /// wrapped at 80 columns) for reading in an editor, instead of one line each (the default,
    /// about a quarter faster to write). Both read back to the same values.
    #[arg(long)]
    yaml_folded: bool,
    /// YAML: write every key, absent values as `null`, `[]` or `false` (the earlier form, for
    /// readers that index keys without a default); by default they are left out.
    #[arg(long)]
    yaml_explicit_nulls: bool,
    /// XML as one `<cables>` document per input (`xml/<input>.xml`) instead of one file per cable.
    #[arg(long)]
    xml_per_input: bool,
    /// Largest size one archive member may inflate to (bytes; K, M, G suffixes) [default: 256M].
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    max_member_bytes: Option<u64>,
    /// Largest size all members of one input together may inflate to [default: 64G].
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    max_total_bytes: Option<u64>,
    /// Largest inflation ratio (uncompressed / compressed) of one member [default: 1000].
    #[arg(long, value_name = "N")]
    max_ratio: Option<u64>,
    /// How deep archives may nest inside archives [default: 3].
    #[arg(long, value_name = "N")]
    max_depth: Option<u32>,
    /// No progress bars and no summary; errors are still printed.
    #[arg(short, long)]
    quiet: bool,
    /// Print the reason for every skipped and failed item (not only the first 20 failures).
    #[arg(short, long)]
    verbose: bool,
}

/// The archive kinds `--archive` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ArchiveKind {
    /// An uncompressed POSIX tar file.
    Tar,
    /// A zip file (deflate).
    Zip,
}

/// The file extension of `path`, lower-cased.
fn extension(path: &std::path::Path) -> Option<String> {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// The format a file name asks for: `cable.md`, `cable.yaml`/`.yml`,
/// `cable.xml`, `cable.json`/`cable.pandoc.json`.
fn format_of_file_name(path: &std::path::Path) -> Option<Format> {
    match extension(path)?.as_str() {
        "md" | "markdown" => Some(Format::Markdown),
        "yaml" | "yml" => Some(Format::Yaml),
        "xml" => Some(Format::Xml),
        "json" => Some(Format::Pandoc),
        _ => None,
    }
}

/// The index of the tree `root`: `given` (`--index`), else beside the
/// tree (`out` -> `out.index.jsonl`). A tree whose path ends in no name of
/// its own (`.`, `..`, `/`) has no "beside": its index would land in a
/// directory the user never named (`-o .` -> `../<cwd>.index.jsonl`), so
/// that needs `--index`.
fn index_beside_or_given(
    root: &std::path::Path,
    given: Option<PathBuf>,
) -> anyhow::Result<PathBuf> {
    if let Some(index) = given {
        if index.is_dir() {
            bail!(
                "--index {} is a directory: give a file name, e.g. --index {}",
                index.display(),
                index.join("index.jsonl").display()
            );
        }
        return Ok(index);
    }
    let named = matches!(
        root.components().next_back(),
        Some(std::path::Component::Normal(_))
    );
    if !named {
        bail!(
            "-o {} has no name of its own, so its index would go beside it, at {}, outside the directory you named: pass --index PATH to say where the index goes (e.g. --index {})",
            root.display(),
            crate::sink::index_path(root).display(),
            root.join("index.jsonl").display()
        );
    }
    Ok(crate::sink::index_path(root))
}

/// The largest `-j`: four threads per core, at least 8 (issue 13 row 16:
/// `-j 5000` spent 35 s starting threads and filling windows for one cable).
pub(crate) fn max_jobs(cores: usize) -> usize {
    (cores * 4).clamp(8, 256)
}

/// `--site`: the site generator the Markdown is published with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SiteArg {
    /// Hugo: links through `relref`, `_index.md` section pages, no title heading.
    Hugo,
    /// Jekyll: links to the `.html` pages (no plugin), `layout: page`, no title heading.
    Jekyll,
    /// MkDocs: relative `.md` links, `index.md` pages.
    Mkdocs,
    /// GitHub and other readers: relative `.md` links, `README.md` index pages.
    Plain,
}

impl SiteArg {
    fn site(self) -> cable_markdown::Site {
        match self {
            SiteArg::Hugo => cable_markdown::Site::Hugo,
            SiteArg::Jekyll => cable_markdown::Site::Jekyll,
            SiteArg::Mkdocs => cable_markdown::Site::MkDocs,
            SiteArg::Plain => cable_markdown::Site::Plain,
        }
    }
}

/// Reads a link extension: `html`, `docx`, `epub` (letters, digits and dots, no leading dot).
fn parse_link_ext(s: &str) -> Result<String, String> {
    let ok = !s.is_empty()
        && !s.starts_with('.')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '.');
    if ok {
        Ok(s.to_owned())
    } else {
        Err(format!(
            "{s:?} is not a file extension: give one like html or docx, without the dot"
        ))
    }
}

/// Reads `4096`, `64K`, `256M`, `2G` (binary multiples).
fn parse_size(s: &str) -> Result<u64, String> {
    let (digits, shift) = match s.as_bytes().last() {
        Some(b'K' | b'k') => (&s[..s.len() - 1], 10),
        Some(b'M' | b'm') => (&s[..s.len() - 1], 20),
        Some(b'G' | b'g') => (&s[..s.len() - 1], 30),
        _ => (s, 0),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1u64 << shift))
        .ok_or_else(|| format!("{s:?} is not a size: use bytes or a number with K, M or G"))
}

/// `--pandoc-api`: a pinned pandoc-types version, or `auto`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PandocApi {
    Pinned(cable_pandoc::ApiVersion),
    Auto,
}

impl std::str::FromStr for PandocApi {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if s == "auto" {
            return Ok(PandocApi::Auto);
        }
        s.parse()
            .map(PandocApi::Pinned)
            .map_err(|_| format!("unknown pandoc API version {s:?}: use 1.22, 1.23 or auto"))
    }
}

impl PandocApi {
    /// The version to write; `auto` runs `pandoc --version`.
    fn resolve(self) -> anyhow::Result<cable_pandoc::ApiVersion> {
        match self {
            PandocApi::Pinned(v) => Ok(v),
            PandocApi::Auto => {
                let out = std::process::Command::new("pandoc")
                    .arg("--version")
                    .output()
                    .map_err(|e| {
                        anyhow::anyhow!(
                            "--pandoc-api auto: cannot run pandoc ({e}); install pandoc or give --pandoc-api 1.22 or 1.23"
                        )
                    })?;
                let text = String::from_utf8_lossy(&out.stdout);
                cable_pandoc::detect_api(&text).ok_or_else(|| {
                    let first = text.lines().next().unwrap_or("").trim();
                    anyhow::anyhow!(
                        "--pandoc-api auto: cannot tell the API version of {first:?}; give --pandoc-api 1.22 or 1.23"
                    )
                })
            }
        }
    }
}

/// Where the outputs go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Output {
    /// A directory tree.
    Tree(PathBuf),
    /// One archive file.
    Archive(ArchiveKind, PathBuf),
    /// One document in one format: standard output (`None`) or a file.
    Document(Option<PathBuf>),
}

/// A validated `convert` run.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    pub(crate) inputs: Vec<PathBuf>,
    /// Requested formats, sorted, without repeats.
    pub(crate) formats: Vec<Format>,
    pub(crate) output: Output,
    /// The index of a tree output (`--index`, else beside the tree);
    /// `None` for an archive (its index is its last entry) or a document.
    pub(crate) index: Option<PathBuf>,
    pub(crate) jobs: usize,
    pub(crate) resume: bool,
    pub(crate) fail_fast: bool,
    pub(crate) shard: Option<Shard>,
    pub(crate) links: bool,
    /// XML goes into one collection file per input.
    pub(crate) xml_per_input: bool,
    /// The pandoc-types API version of the Pandoc JSON.
    pub(crate) pandoc_api: cable_pandoc::ApiVersion,
    /// `--yaml-folded`: long YAML strings as folded block scalars.
    pub(crate) yaml_folded: bool,
    /// `--yaml-explicit-nulls`: every YAML key written.
    pub(crate) yaml_explicit_nulls: bool,
    /// `--pandoc-link-ext`: what Pandoc cross-links point to.
    pub(crate) pandoc_link_ext: String,
    /// `--site`: the site generator the Markdown is for (index pages are written when set).
    pub(crate) site: Option<cable_markdown::Site>,
    /// `--title-heading`, when given.
    pub(crate) title_heading: Option<bool>,
    /// Caps against hostile archives (`--max-*`).
    pub(crate) limits: cable_archive::Limits,
    /// Whether the end-of-run summary is printed (not with `--quiet`; with
    /// a document output only when `--verbose` asks).
    pub(crate) summary: bool,
    /// Whether outputs go under a format folder (`OUT/md/2009/…`): with
    /// several formats, or when `--format-dirs` asks.
    pub(crate) format_dirs: bool,
    /// `--verbose`: every skip and failure reason on stderr.
    pub(crate) verbose: bool,
    /// Whether progress bars are drawn (stderr is a terminal, not `--quiet`, not `TERM=dumb`).
    pub(crate) progress: bool,
    /// Whether colour may be used (`NO_COLOR` unset).
    pub(crate) color: bool,
}

/// What to do.
#[derive(Debug)]
pub(crate) enum Command {
    Convert(Box<Config>),
    Completions(clap_complete::Shell),
    Man,
}

impl Cli {
    /// Checks the raw flags and builds the command.
    pub(crate) fn into_command(self) -> anyhow::Result<Command> {
        match self.command {
            CliCommand::Convert(args) => {
                (*args).into_config().map(|c| Command::Convert(Box::new(c)))
            }
            CliCommand::Completions { shell } => Ok(Command::Completions(shell)),
            CliCommand::Man => Ok(Command::Man),
        }
    }
}

impl ConvertArgs {
    fn into_config(self) -> anyhow::Result<Config> {
        let to_given = !self.to.is_empty();
        let mut formats = if self.to.is_empty() {
            Format::ALL.to_vec()
        } else {
            self.to
        };
        formats.sort();
        formats.dedup();
        let stdout = self.out.as_deref() == Some(std::path::Path::new("-"));
        // pandoc's convention: `-o cable.md` is that file, `-o out.zip` that archive.
        let named = self.out.as_deref().filter(|p| !stdout && !p.is_dir());
        let implied_archive = named.and_then(|p| match extension(p).as_deref() {
            Some("zip") => Some(ArchiveKind::Zip),
            Some("tar") => Some(ArchiveKind::Tar),
            _ => None,
        });
        let document_format = named
            .filter(|_| self.archive.is_none())
            .and_then(format_of_file_name);
        if let Some(f) = document_format {
            if to_given && formats != [f] {
                bail!(
                    "-o {} writes one {} file: give --to {} (or a directory name)",
                    named.map(|p| p.display().to_string()).unwrap_or_default(),
                    f.name(),
                    f.name()
                );
            }
            formats = vec![f];
        }
        let output = match (stdout, self.archive.or(implied_archive)) {
            (true, Some(_)) => bail!(
                "--archive cannot write to stdout: give an archive file with -o, e.g. -o cables.zip"
            ),
            (true, None) => {
                if formats.len() != 1 {
                    bail!("-o - prints one format: choose it with --to, e.g. --to yaml");
                }
                Output::Document(None)
            }
            (false, None) if document_format.is_some() => Output::Document(self.out.clone()),
            (false, Some(kind)) => {
                let default = match kind {
                    ArchiveKind::Tar => "out.tar",
                    ArchiveKind::Zip => "out.zip",
                };
                Output::Archive(kind, self.out.unwrap_or_else(|| default.into()))
            }
            (false, None) => Output::Tree(self.out.unwrap_or_else(|| "out".into())),
        };
        let index = match (&output, self.index) {
            (Output::Tree(root), Some(index)) => Some(index_beside_or_given(root, Some(index))?),
            (Output::Tree(root), None) => Some(index_beside_or_given(root, None)?),
            (_, Some(_)) => bail!(
                "--index applies to a directory output: an archive carries its index as its last entry, and -o - or -o FILE writes none"
            ),
            (_, None) => None,
        };
        if self.site.is_some() && !formats.contains(&Format::Markdown) {
            bail!("--site shapes the Markdown output: add md to --to");
        }
        if self.resume && !matches!(output, Output::Tree(_)) {
            bail!("--resume works with an output directory only: drop --archive, -o - or -o FILE");
        }
        if self.xml_per_input {
            if !formats.contains(&Format::Xml) {
                bail!("--xml-per-input writes XML: add xml to --to");
            }
            if self.resume || !matches!(output, Output::Tree(_)) {
                bail!("--xml-per-input works with an output directory and without --resume");
            }
        }
        for input in &self.inputs {
            if input.as_os_str() != "-"
                && let Err(e) = std::fs::metadata(input)
            {
                bail!("cannot read input {}: {e}; check the path", input.display());
            }
        }
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let jobs = match self.jobs {
            Some(0) => bail!("-j/--jobs must be at least 1"),
            // More threads than a few per core only add memory and switching.
            Some(n) => n.min(max_jobs(cores)),
            None => cores,
        };
        let term_dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
        // `-o -` on a terminal: bars would be drawn over the document.
        let document = matches!(output, Output::Document(_));
        let progress = !self.quiet && !term_dumb && !document && std::io::stderr().is_terminal();
        let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && !term_dumb;
        let links = !self.no_links && !document && formats.iter().any(|f| f.links_references());
        let pandoc_api = if formats.contains(&Format::Pandoc) {
            self.pandoc_api.resolve()?
        } else {
            cable_pandoc::ApiVersion::default()
        };
        let format_dirs = self.format_dirs || formats.len() > 1 || self.xml_per_input;
        let mut limits = cable_archive::Limits::default();
        if let Some(n) = self.max_member_bytes {
            limits.max_member_bytes = n;
        }
        if let Some(n) = self.max_total_bytes {
            limits.max_total_bytes = n;
        }
        if let Some(n) = self.max_ratio {
            limits.max_ratio = n;
        }
        if let Some(n) = self.max_depth {
            limits.max_depth = n;
        }
        Ok(Config {
            inputs: self.inputs,
            formats,
            output,
            index,
            jobs,
            resume: self.resume,
            fail_fast: self.fail_fast,
            shard: self.shard,
            links,
            xml_per_input: self.xml_per_input,
            pandoc_api,
            yaml_folded: self.yaml_folded,
            yaml_explicit_nulls: self.yaml_explicit_nulls,
            pandoc_link_ext: self.pandoc_link_ext,
            site: self.site.map(SiteArg::site),
            title_heading: self.title_heading,
            limits,
            summary: !self.quiet && (!document || self.verbose),
            verbose: self.verbose,
            format_dirs,
            progress,
            color,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(args: &[&str]) -> anyhow::Result<Config> {
        let mut argv = vec!["cablekit", "convert"];
        argv.extend_from_slice(args);
        match Cli::try_parse_from(argv)?.into_command()? {
            Command::Convert(c) => Ok(*c),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn archive_caps_are_configurable() {
        let c = config(&[
            ".",
            "--max-member-bytes",
            "64K",
            "--max-ratio",
            "10",
            "--max-depth",
            "0",
        ])
        .unwrap();
        assert_eq!(c.limits.max_member_bytes, 64 << 10);
        assert_eq!((c.limits.max_ratio, c.limits.max_depth), (10, 0));
        assert_eq!(
            config(&["."]).unwrap().limits.max_member_bytes,
            cable_archive::Limits::default().max_member_bytes
        );
        assert!(config(&[".", "--max-total-bytes", "12X"]).is_err());
        assert_eq!(parse_size("2G"), Ok(2 << 30));
    }

    #[test]
    fn pandoc_api_is_pinned_or_rejected() {
        assert_eq!(
            config(&["."]).unwrap().pandoc_api,
            cable_pandoc::ApiVersion::V1_22,
            "the default works with Debian's pandoc 2.17"
        );
        let c = config(&[".", "--pandoc-api", "1.23"]).unwrap();
        assert_eq!(c.pandoc_api, cable_pandoc::ApiVersion::V1_23);
        assert!(config(&[".", "--pandoc-api", "2.0"]).is_err());
    }

    #[test]
    fn site_and_link_options() {
        let c = config(&[".", "--site", "hugo", "--title-heading", "yes"]).unwrap();
        assert_eq!(c.site, Some(cable_markdown::Site::Hugo));
        assert_eq!(c.title_heading, Some(true));
        assert_eq!(c.pandoc_link_ext, "html");
        assert_eq!(
            config(&[".", "--pandoc-link-ext", "docx"])
                .unwrap()
                .pandoc_link_ext,
            "docx"
        );
        assert!(config(&[".", "--pandoc-link-ext", ".docx"]).is_err());
        assert!(config(&[".", "--pandoc-link-ext", "a/b"]).is_err());
        assert!(config(&[".", "--site", "wordpress"]).is_err());
        assert!(config(&[".", "--site", "jekyll", "--to", "yaml"]).is_err());
        assert!(!config(&["."]).unwrap().yaml_explicit_nulls);
        assert!(
            config(&[".", "--yaml-explicit-nulls"])
                .unwrap()
                .yaml_explicit_nulls
        );
    }

    #[test]
    fn defaults() {
        let c = config(&["."]).unwrap();
        assert_eq!(c.formats, Format::ALL);
        assert_eq!(c.output, Output::Tree("out".into()));
        assert!(c.jobs >= 1 && c.links && !c.resume);
    }

    #[test]
    fn to_takes_a_list_and_dedups() {
        let c = config(&[".", "--to", "yaml,md", "-t", "md"]).unwrap();
        assert_eq!(c.formats, [Format::Markdown, Format::Yaml]);
        assert!(config(&[".", "--to", "html"]).is_err());
    }

    #[test]
    fn stdout_needs_one_format() {
        let c = config(&[".", "--to", "yaml", "-o", "-"]).unwrap();
        assert_eq!(c.output, Output::Document(None));
        assert!(!c.progress && !c.summary);
        assert!(!c.links);
        assert!(
            config(&[".", "-o", "-"])
                .unwrap_err()
                .to_string()
                .contains("--to")
        );
    }

    #[test]
    fn output_file_names_choose_the_kind() {
        let c = config(&[".", "-o", "cable.md"]).unwrap();
        assert_eq!(c.output, Output::Document(Some("cable.md".into())));
        assert_eq!(c.formats, [Format::Markdown]);
        assert!(config(&[".", "-o", "cable.md", "--to", "yaml"]).is_err());
        let c = config(&[".", "-o", "out.zip"]).unwrap();
        assert_eq!(
            c.output,
            Output::Archive(ArchiveKind::Zip, "out.zip".into())
        );
        let c = config(&[".", "-o", "site", "--to", "md"]).unwrap();
        assert!(!c.format_dirs, "one format: no format folder");
        assert!(
            config(&[".", "-o", "site", "--to", "md", "--format-dirs"])
                .unwrap()
                .format_dirs
        );
        assert!(config(&[".", "-o", "site"]).unwrap().format_dirs);
    }

    #[test]
    fn archive_and_resume() {
        let c = config(&[".", "--archive", "zip"]).unwrap();
        assert_eq!(
            c.output,
            Output::Archive(ArchiveKind::Zip, "out.zip".into())
        );
        assert!(config(&[".", "--archive", "tar", "--resume"]).is_err());
    }

    #[test]
    fn xml_per_input_needs_xml_and_a_directory() {
        assert!(config(&[".", "--xml-per-input"]).unwrap().xml_per_input);
        assert!(config(&[".", "--xml-per-input", "--to", "md"]).is_err());
        assert!(config(&[".", "--xml-per-input", "--resume"]).is_err());
        assert!(config(&[".", "--xml-per-input", "--archive", "zip"]).is_err());
    }

    #[test]
    fn shard_jobs_and_missing_input() {
        assert_eq!(
            config(&[".", "--shard", "2/3"])
                .unwrap()
                .shard
                .map(|s| s.to_string()),
            Some("2/3".into())
        );
        assert!(config(&[".", "--shard", "4/3"]).is_err());
        assert!(config(&[".", "-j", "0"]).is_err());
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        assert_eq!(config(&[".", "-j", "5000"]).unwrap().jobs, max_jobs(cores));
        let err = config(&["/nonexistent/cables.csv"]).unwrap_err();
        assert!(format!("{err:#}").contains("/nonexistent/cables.csv"));
    }
}
