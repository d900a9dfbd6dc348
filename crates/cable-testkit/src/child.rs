//! Measurements in a child process: a test re-runs one test of its own
//! binary with an environment variable set, so that what the child measures
//! (its peak resident set, its memory growth) is not mixed with the other
//! tests running in the parent. The child test does nothing unless the
//! variable is set, and prints its figures as `key=value` words.

use std::ffi::OsStr;

/// Runs the test `name` (its full path, `memory::peak_rss_child`) of the
/// current test binary alone, with `var` set to `value`, and returns its
/// standard output and error. Panics, with both, when the child fails.
pub fn run_test(name: &str, var: &str, value: impl AsRef<OsStr>) -> (String, String) {
    let exe = std::env::current_exe().expect("the test binary's path");
    let out = std::process::Command::new(exe)
        .args(["--exact", name, "--nocapture", "--test-threads", "1"])
        .env(var, value)
        .output()
        .expect("run the child test");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        out.status.success(),
        "child test {name} failed: {stdout}\n{stderr}"
    );
    (stdout, stderr)
}

/// The number the child printed as `key=N` (a word of any line), or a
/// panic naming what is missing.
///
/// ```
/// let out = "running 1 test\nROW8 input_bytes=20 peak_rss_kb=300\n";
/// assert_eq!(cable_testkit::child::reported(out, "peak_rss_kb"), 300);
/// ```
pub fn reported(out: &str, key: &str) -> u64 {
    out.split_whitespace()
        .find_map(|w| w.strip_prefix(key)?.strip_prefix('='))
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no {key}= in the child's output: {out}"))
}

#[cfg(test)]
mod tests {
    use super::reported;

    #[test]
    #[should_panic(expected = "no peak= in the child's output")]
    fn a_missing_figure_fails() {
        reported("peak_rss=3", "peak");
    }

    #[test]
    fn figures_are_read_by_their_key() {
        assert_eq!(reported("a=1 ab=2\nb=3", "ab"), 2);
    }
}
