//! Peak memory against the number of cables (issue 14: "peak RSS flat").
//!
//! `cablekit convert` of `n` and `4n` small cables to a tar archive, all
//! four formats, cross-links on, each run measured by `getrusage` in a child
//! test process (its own peak resident set, not this test binary's). What may
//! grow with the count is what is inherently per id: the cross-link id set
//! (about 22 bytes an id) and the namer (about 16-32 bytes a base). The
//! archive's index (about 700 bytes a cable) is spooled and streamed;
//! when it was read back whole and copied into one tar entry, peak RSS
//! grew by 1.4 KB a cable, which this test catches.

#![allow(clippy::print_stderr, clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

/// Growth allowed per extra cable: the id set and the namer with
/// generous room for their tables' doubling.
const BYTES_PER_CABLE: u64 = 200;
/// Growth allowed whatever the count (allocator and page noise).
const SLACK_BYTES: u64 = 2 << 20;

/// A `cables.csv` of `n` short cables with distinct ids (the 2011
/// release's 8 columns).
fn small_csv(path: &Path, n: usize) {
    let mut csv = String::with_capacity(n * 400);
    for i in 0..n {
        let serial = 100_000 + i;
        let refs = if i > 0 {
            format!("REF: STATE {:06}\n", serial - 1)
        } else {
            String::new()
        };
        csv.push_str(&format!(
            "\"{n}\",\"2/24/2009 21:58\",\"09STATE{serial}\",\"Secretary of State\",\"UNCLASSIFIED\",\"\",\
\"UNCLAS STATE {serial:06}\\n\\nE.O. 12958: N/A\\nTAGS: PREL, XX\\nSUBJECT: NOTE {serial}\\n{refs}\",\
\"1. THE DEPARTMENT NOTES ITEM {serial}.\\n\\n2. NO ACTION IS REQUESTED.\\nCLINTON\"\n",
            n = i + 1
        ));
    }
    std::fs::write(path, csv).unwrap();
}

/// The environment variable that makes [`peak_rss_child`] convert the
/// `cables.csv` it names.
const CHILD: &str = "CABLEKIT_PEAK_RSS_CHILD";

/// The child of [`peak_rss_grows_only_by_the_id_set_and_namer`]: runs
/// `cablekit convert` once and prints its peak resident set, which
/// `getrusage(RUSAGE_CHILDREN)` gives for the one child this process
/// waited for (in the parent test binary other tests' children would
/// count too). Does nothing unless the parent asked for it.
#[test]
#[allow(clippy::print_stdout, reason = "the parent reads the measurement")]
fn peak_rss_child() {
    let Some(csv) = std::env::var_os(CHILD) else {
        return;
    };
    let csv = Path::new(&csv);
    let out = csv.with_extension("tar");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_cablekit"))
        .arg("convert")
        .arg(csv)
        .arg("-o")
        .arg(&out)
        .args(["--archive", "tar", "-j1", "--quiet"])
        .status()
        .expect("run cablekit");
    assert!(status.success(), "cablekit failed: {status}");
    let usage = nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_CHILDREN)
        .expect("getrusage");
    // Linux reports `ru_maxrss` in KiB.
    println!("PEAK_RSS_KIB={}", usage.max_rss());
}

/// Peak resident set in bytes of `cablekit convert` over `csv`, measured
/// in a child test process.
fn peak_rss(csv: &Path) -> u64 {
    let (stdout, _) = cable_testkit::child::run_test("memory::peak_rss_child", CHILD, csv);
    cable_testkit::child::reported(&stdout, "PEAK_RSS_KIB") * 1024
}

#[test]
fn peak_rss_grows_only_by_the_id_set_and_namer() {
    let work = tempfile::tempdir().unwrap();
    let n = 1_000;
    let (small, large) = (work.path().join("small.csv"), work.path().join("large.csv"));
    small_csv(&small, n);
    small_csv(&large, 4 * n);
    let (a, b) = (peak_rss(&small), peak_rss(&large));
    let growth = b.saturating_sub(a);
    let allowed = BYTES_PER_CABLE * 3 * n as u64 + SLACK_BYTES;
    eprintln!(
        "peak RSS: {n} cables {} KiB, {} cables {} KiB, growth {} bytes a cable",
        a / 1024,
        4 * n,
        b / 1024,
        growth / (3 * n as u64)
    );
    assert!(
        growth <= allowed,
        "peak RSS grew by {growth} bytes from {n} to {} cables (allowed {allowed})",
        4 * n
    );
}
