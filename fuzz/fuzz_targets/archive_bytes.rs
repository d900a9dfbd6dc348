//! Any bytes read as one input by the archive reader (content detection,
//! gzip, tar, zip, 7z, CSV, HTML, text decoding) end without a panic, and
//! every record's text parses.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    read_all(data, "fuzz-input");
});

fn read_all(data: &[u8], name: &str) {
    let limits = cable_archive::Limits {
        max_member_bytes: 8 << 20,
        max_total_bytes: 64 << 20,
        ..Default::default()
    };
    let records = cable_archive::open_reader(
        std::path::Path::new(name),
        std::io::Cursor::new(data.to_vec()),
        &limits,
    );
    records.for_each(|item| {
        if let cable_archive::Item::Record(r) = item {
            let _ = cable_parse::parse_with(&r.text, &r.meta);
        }
        true
    });
}
