//! Any bytes parse to a Cable, and every writer turns it into well-formed
//! output: YAML that reads back, XML that reads to the end, Pandoc JSON that
//! parses, Markdown whose front matter reads back and whose paragraphs reach
//! the page. The oracle is the one the workspace's property and torture
//! tests use (`crates/cablekit/tests/cablekit/wellformed.rs`), included here by path so
//! that the two cannot drift apart.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code, reason = "the external-consumer checks are for the test suite")]
#[path = "../../crates/cablekit/tests/cablekit/wellformed.rs"]
mod wellformed;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let cable = cable_parse::parse(&text);
    let outputs = wellformed::render(&cable).unwrap_or_else(|e| panic!("{e}"));
    if let Err(e) = wellformed::check_all(&cable, &outputs) {
        panic!("{e}");
    }
});
