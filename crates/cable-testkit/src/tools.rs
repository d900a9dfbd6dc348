//! The external programs the tests check output with (pandoc, xmllint,
//! Python with PyYAML, Hugo, Jekyll, MkDocs), found in one way: a lookup
//! either returns the tool, or (it is missing)
//!
//! * panics with a message naming the test and the tool when
//!   `CABLEKIT_REQUIRE_ORACLES=1` (set by `.ci/run`, which installs every
//!   tool), so a consumer check cannot silently not run in CI;
//! * else prints `SKIP: <test>: <tool> not found` and returns `None`, so a
//!   developer without the tool still runs the rest.
//!
//! [`missing`] is that decision; every locator here ends in it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The environment variable under which a missing tool fails its test.
pub const REQUIRE_ORACLES: &str = "CABLEKIT_REQUIRE_ORACLES";

/// Whether a missing tool fails its test (`CABLEKIT_REQUIRE_ORACLES=1`).
pub fn required() -> bool {
    std::env::var(REQUIRE_ORACLES).as_deref() == Ok("1")
}

/// A tool that was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tool {
    /// The program to run (a name looked up on `PATH`, or a path).
    pub program: PathBuf,
    /// The first line its probe printed (for pandoc, its version).
    pub version: String,
}

impl std::fmt::Display for Tool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.program.display(), self.version)
    }
}

impl Tool {
    /// A command running this tool.
    pub fn command(&self) -> Command {
        Command::new(&self.program)
    }
}

/// What a test does when `tool` is missing: panics under
/// [`REQUIRE_ORACLES`], else prints `SKIP: {test}: {tool} not found
/// ({hint})` and returns `None`.
#[track_caller]
pub fn missing<T>(test: &str, tool: &str, hint: &str) -> Option<T> {
    assert!(
        !required(),
        "{test}: {tool} is required ({REQUIRE_ORACLES}=1) but was not found ({hint})"
    );
    #[allow(clippy::print_stderr, reason = "the skip notice is the point")]
    {
        eprintln!("SKIP: {test}: {tool} not found ({hint})");
    }
    None
}

/// The first line `program args` prints when it runs and exits with 0.
fn probe(program: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())?;
    Some(first_line(&out))
}

fn first_line(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .unwrap_or("")
        .to_owned()
}

/// `program`, when `program args` runs and exits with 0; else
/// [`missing`].
#[track_caller]
pub fn find(test: &str, program: &str, args: &[&str], hint: &str) -> Option<Tool> {
    match probe(Path::new(program), args) {
        Some(version) => Some(Tool {
            program: program.into(),
            version,
        }),
        None => missing(test, program, hint),
    }
}

/// `xmllint` (Debian: libxml2-utils).
#[track_caller]
pub fn xmllint(test: &str) -> Option<Tool> {
    find(
        test,
        "xmllint",
        &["--version"],
        "apt-get install libxml2-utils",
    )
}

/// `python3` able to import every one of `modules` (`yaml` is PyYAML).
#[track_caller]
pub fn python(test: &str, modules: &[&str]) -> Option<Tool> {
    let imports: Vec<&str> = std::iter::once("sys")
        .chain(modules.iter().copied())
        .collect();
    let script = format!("import {}; print(sys.version)", imports.join(", "));
    match probe(Path::new("python3"), &["-c", &script]) {
        Some(version) => Some(Tool {
            program: "python3".into(),
            version,
        }),
        None => missing(
            test,
            &format!("python3 with {}", modules.join(", ")),
            "apt-get install python3; pip install pyyaml jsonschema",
        ),
    }
}

/// Every pandoc installed here that runs: `pandoc` on `PATH` (Debian's
/// 2.17) and the one inside the `pypandoc_binary` wheel (3.x), each once.
/// No verdict: see [`pandoc`]. Looked up once per test process: finding
/// the wheel imports pypandoc in Python (over a second of wall time on
/// this machine), and tests look pandoc up once per file they check.
pub fn pandocs() -> Vec<Tool> {
    static FOUND: std::sync::OnceLock<Vec<Tool>> = std::sync::OnceLock::new();
    FOUND.get_or_init(look_for_pandocs).clone()
}

/// [`pandocs`], uncached.
fn look_for_pandocs() -> Vec<Tool> {
    let mut candidates = vec![PathBuf::from("pandoc")];
    if let Some(dir) = probe(
        Path::new("python3"),
        &[
            "-c",
            "import pypandoc,os;print(os.path.dirname(pypandoc.__file__))",
        ],
    ) {
        candidates.push(Path::new(dir.trim()).join("files/pandoc"));
    }
    let mut found: Vec<Tool> = Vec::new();
    for program in candidates {
        if let Some(version) = probe(&program, &["--version"]) {
            if !found.iter().any(|t| t.version == version) {
                found.push(Tool { program, version });
            }
        }
    }
    found
}

/// A pandoc whose `--version` line starts with `release` (`"pandoc 2."`,
/// `"pandoc 3"`), from [`pandocs`].
#[track_caller]
pub fn pandoc(test: &str, release: &str) -> Option<Tool> {
    match pandocs()
        .into_iter()
        .find(|t| t.version.starts_with(release))
    {
        Some(t) => Some(t),
        None => missing(
            test,
            &format!("{release}x"),
            "apt-get install pandoc; pip install pypandoc_binary",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Set in the child process of [`a_missing_tool_fails_under_require_oracles`].
    const CHILD: &str = "CABLE_TESTKIT_TOOLS_CHILD";

    /// The child of [`a_missing_tool_fails_under_require_oracles`]: looks
    /// up a tool that does not exist. Does nothing unless the parent asked
    /// for it (the suite itself may run under `CABLEKIT_REQUIRE_ORACLES=1`).
    #[test]
    fn lookup_of_a_tool_that_does_not_exist() {
        if std::env::var_os(CHILD).is_none() {
            return;
        }
        assert_eq!(
            find(
                "lookup_of_a_tool_that_does_not_exist",
                "cablekit-no-such-tool",
                &["--version"],
                "none"
            ),
            None
        );
    }

    /// Runs [`lookup_of_a_tool_that_does_not_exist`] in a child process
    /// (this process's environment cannot be changed safely while tests
    /// run), with `CABLEKIT_REQUIRE_ORACLES` as `require` says; returns
    /// whether it passed and what it printed.
    fn child(require: bool) -> (bool, String) {
        let mut cmd = Command::new(std::env::current_exe().expect("test binary"));
        cmd.args([
            "--exact",
            "tools::tests::lookup_of_a_tool_that_does_not_exist",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, "1");
        if require {
            cmd.env(REQUIRE_ORACLES, "1");
        } else {
            cmd.env_remove(REQUIRE_ORACLES);
        }
        let out = cmd.output().expect("run the test binary");
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.success(), all)
    }

    /// The mechanism can fail: a lookup of a tool that does not exist
    /// fails its test under `CABLEKIT_REQUIRE_ORACLES=1`, naming the tool,
    /// and skips with a notice without it.
    #[test]
    fn a_missing_tool_fails_under_require_oracles() {
        let (passed, all) = child(true);
        assert!(!passed, "the child passed:\n{all}");
        assert!(
            all.contains("cablekit-no-such-tool is required (CABLEKIT_REQUIRE_ORACLES=1)"),
            "{all}"
        );
        assert!(all.contains("1 failed"), "{all}");
        let (passed, all) = child(false);
        assert!(passed, "the child failed without the variable:\n{all}");
        assert!(
            all.contains(
                "SKIP: lookup_of_a_tool_that_does_not_exist: cablekit-no-such-tool not found"
            ),
            "{all}"
        );
    }

    /// A tool that is there is found, whatever the variable says.
    #[test]
    fn a_present_tool_is_found() {
        let sh = find(
            "a_present_tool_is_found",
            "sh",
            &["-c", "echo here"],
            "none",
        );
        assert_eq!(sh.map(|t| t.version), Some("here".to_owned()));
    }
}
