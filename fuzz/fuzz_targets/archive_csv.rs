//! Any bytes after a cables.csv row start (so detection picks the CSV
//! reader) end without a panic, and every row's text parses with its
//! container metadata.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = b"\"1\",\"2/25/1972 9:30\",".to_vec();
    bytes.extend_from_slice(data);
    let limits = cable_archive::Limits {
        max_member_bytes: 8 << 20,
        max_total_bytes: 64 << 20,
        ..Default::default()
    };
    let records = cable_archive::open_reader(
        std::path::Path::new("cables.csv"),
        std::io::Cursor::new(bytes),
        &limits,
    );
    records.for_each(|item| {
        if let cable_archive::Item::Record(r) = item {
            let _ = cable_parse::parse_with(&r.text, &r.meta);
        }
        true
    });
});
