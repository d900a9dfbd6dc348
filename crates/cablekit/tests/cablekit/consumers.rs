//! The external consumers of the binary's tests: xmllint validating XML
//! files against `docs/cable.xsd`, pandoc reading Pandoc JSON files, each
//! run once over a batch of files. A missing tool skips with a notice, or
//! fails under `CABLEKIT_REQUIRE_ORACLES=1` ([`cable_testkit::tools`]).

use cable_testkit::tools;
use std::path::PathBuf;

/// Validates XML files against `docs/cable.xsd` with one `xmllint` call.
/// `None` when xmllint is absent (after [`tools::xmllint`]'s notice).
pub(crate) fn xmllint_schema(test: &str, files: &[PathBuf]) -> Option<Result<(), String>> {
    if files.is_empty() {
        return Some(Ok(()));
    }
    let xmllint = tools::xmllint(test)?;
    let xsd = cable_testkit::workspace::root().join("docs/cable.xsd");
    let out = xmllint
        .command()
        .arg("--noout")
        .arg("--schema")
        .arg(&xsd)
        .args(files)
        .output()
        .expect("run xmllint");
    Some(if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    })
}

/// Reads each Pandoc JSON file (`-f json -t json`: the reader is the
/// check; pandoc's JSON writer is its cheapest) with a pandoc of its
/// API version (`pandoc-types` 1.22: pandoc 2.11-2.19, the default output;
/// 1.23: pandoc 3.x). `None` when that pandoc is absent (after
/// [`tools::pandoc`]'s notice).
pub(crate) fn pandoc_reads(test: &str, files: &[PathBuf]) -> Option<Result<(), String>> {
    for f in files {
        let bytes = std::fs::read(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let json: serde_json::Value = serde_json::from_slice(&bytes)
            .unwrap_or_else(|e| panic!("{}: not JSON: {e}", f.display()));
        let minor = json["pandoc-api-version"][1].as_u64().unwrap_or(23);
        let release = if minor == 22 { "pandoc 2." } else { "pandoc 3" };
        let pandoc = tools::pandoc(test, release)?;
        let out = pandoc
            .command()
            .args(["-f", "json", "-t", "json"])
            .arg(f)
            .output()
            .expect("run pandoc");
        if !out.status.success() {
            return Some(Err(format!(
                "pandoc cannot read {}: {}",
                f.display(),
                String::from_utf8_lossy(&out.stderr)
            )));
        }
    }
    Some(Ok(()))
}
