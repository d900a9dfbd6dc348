//! Any bytes, decoded lossily, parse to a Cable without a panic; parsing is
//! deterministic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let cable = cable_parse::parse(&text);
    assert_eq!(
        cable,
        cable_parse::parse(&text),
        "parse is not deterministic"
    );
});
