//! docs/cli.md against the command's own help: every subcommand `cablekit
//! --help` lists is in the usage block as its own `--help` gives its
//! usage, every option `cablekit convert
//! --help` lists is a row of the Options table (with its short form), and
//! every option the table names exists. A flag added, renamed or removed
//! without the page fails here.

use assert_cmd::Command;
use std::collections::BTreeSet;
use std::path::Path;

fn help(args: &[&str]) -> String {
    let out = Command::cargo_bin("cablekit")
        .unwrap()
        .args(args)
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success(), "cablekit {args:?} --help failed");
    String::from_utf8(out.stdout).unwrap()
}

fn cli_md() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/cli.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The options of a help text: `(short, long)` of each line that starts,
/// indented by at most six spaces, with `-x, --long` or `--long`. `--help`
/// and `--version` are left out (every command has them).
fn options(help: &str) -> Vec<(Option<String>, String)> {
    let mut out = Vec::new();
    for line in help.lines() {
        let text = line.trim_start();
        let indent = line.len() - text.len();
        if indent == 0 || indent > 6 || !text.starts_with('-') {
            continue;
        }
        let head = text.split("  ").next().unwrap_or(text);
        let flags: Vec<&str> = head
            .split([',', ' '])
            .filter(|w| w.starts_with('-') && w.len() > 1)
            .collect();
        let long = flags.iter().find(|f| f.starts_with("--"));
        let short = flags.iter().find(|f| !f.starts_with("--"));
        if let Some(long) = long
            && !["--help", "--version"].contains(long)
        {
            out.push((short.map(|s| (*s).to_owned()), (*long).to_owned()));
        }
    }
    out
}

/// The subcommands of a help text's `Commands:` section (`help` left out).
fn subcommands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_owned)
        .collect()
}

/// The first cell of each row of docs/cli.md's Options table.
fn table_cells(md: &str) -> Vec<String> {
    md.lines()
        .skip_while(|l| l.trim() != "## Options")
        .skip(1)
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .filter_map(|l| l.split('|').nth(1))
        .map(|c| c.trim().to_owned())
        .collect()
}

/// The `--long` names in `text`, each ending before a character that
/// cannot be part of a flag.
fn long_flags(text: &str) -> BTreeSet<String> {
    text.match_indices("--")
        .filter(|(at, _)| !text[..*at].ends_with(|c: char| c.is_alphanumeric() || c == '-'))
        .map(|(at, _)| {
            let rest = &text[at + 2..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .unwrap_or(rest.len());
            format!("--{}", &rest[..end])
        })
        .filter(|f| f.len() > 2)
        .collect()
}

/// The lines of docs/cli.md's first code block: the usage of each
/// subcommand.
fn usage_block(md: &str) -> Vec<String> {
    md.lines()
        .skip_while(|l| !l.starts_with("```"))
        .skip(1)
        .take_while(|l| !l.starts_with("```"))
        .map(|l| l.trim().to_owned())
        .collect()
}

#[test]
fn every_subcommand_is_in_the_usage_block_as_its_help_gives_it() {
    let block = usage_block(&cli_md());
    let commands = subcommands(&help(&[]));
    assert!(commands.contains(&"convert".to_owned()), "{commands:?}");
    let mut missing = Vec::new();
    for c in &commands {
        let usage = help(&[c])
            .lines()
            .find_map(|l| l.strip_prefix("Usage: "))
            .unwrap_or_else(|| panic!("no Usage: line in `cablekit {c} --help`"))
            .trim()
            .to_owned();
        if !block.contains(&usage) {
            missing.push(usage);
        }
    }
    assert!(
        missing.is_empty(),
        "docs/cli.md's usage block ({block:?}) lacks {missing:?}"
    );
}

#[test]
fn every_convert_option_is_a_row_of_the_options_table() {
    let cells = table_cells(&cli_md());
    assert!(
        cells.len() > 10,
        "no Options table in docs/cli.md: {cells:?}"
    );
    let options = options(&help(&["convert"]));
    assert!(
        options.len() > 10,
        "no options parsed from --help: {options:?}"
    );
    let mut missing = Vec::new();
    for (short, long) in &options {
        let documented = cells.iter().any(|cell| {
            long_flags(cell).contains(long)
                && short
                    .as_ref()
                    .is_none_or(|s| cell.contains(&format!("{s}, {long}")))
        });
        if !documented {
            missing.push(match short {
                Some(s) => format!("{s}, {long}"),
                None => long.clone(),
            });
        }
    }
    assert!(
        missing.is_empty(),
        "`cablekit convert --help` lists options docs/cli.md's Options table lacks: {missing:?}"
    );
}

#[test]
fn every_option_of_the_table_exists() {
    let listed: BTreeSet<String> = options(&help(&["convert"]))
        .into_iter()
        .map(|(_, long)| long)
        .collect();
    let stale: Vec<String> = table_cells(&cli_md())
        .iter()
        .flat_map(|cell| long_flags(cell))
        .filter(|f| !listed.contains(f))
        .collect();
    assert!(
        stale.is_empty(),
        "docs/cli.md's Options table names options `cablekit convert --help` does not list: {stale:?}"
    );
}

/// The parsers above on a help text and a table of known content, so that
/// a parser that finds nothing cannot make the checks pass.
#[test]
fn the_help_and_table_readers_find_what_they_should() {
    let help = "Options:\n  -t, --to <FORMATS>\n          Output formats\n\n          - md: CommonMark\n      --no-links\n          Leave `--x` alone\n  -h, --help\n          Print help\n";
    assert_eq!(
        options(help),
        [
            (Some("-t".to_owned()), "--to".to_owned()),
            (None, "--no-links".to_owned())
        ]
    );
    let md = "## Options\n\n| option | meaning |\n|---|---|\n| `-t, --to md` | formats |\n| `--max-ratio N`, `--max-depth N` | caps |\n\nafter\n";
    let cells = table_cells(md);
    assert_eq!(cells, ["`-t, --to md`", "`--max-ratio N`, `--max-depth N`"]);
    assert_eq!(
        long_flags(&cells[1]),
        BTreeSet::from(["--max-ratio".to_owned(), "--max-depth".to_owned()])
    );
    assert_eq!(
        usage_block(
            "# T\n\n```text\ncablekit convert [OPTIONS] <INPUT>...\ncablekit man\n```\n\n```sh\ncablekit x\n```\n"
        ),
        ["cablekit convert [OPTIONS] <INPUT>...", "cablekit man"]
    );
    assert_eq!(
        subcommands(
            "Commands:\n  convert  Convert\n  man      Man\n               page\n  help     Help\n\nOptions:\n"
        ),
        ["convert", "man"]
    );
}
