//! Any bytes after an HTML doctype (so detection picks the cablegate page
//! reader) end without a panic, and every page's text parses with its
//! container metadata.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = b"<!DOCTYPE html>\n".to_vec();
    bytes.extend_from_slice(data);
    let records = cable_archive::open_reader(
        std::path::Path::new("page.html"),
        std::io::Cursor::new(bytes),
        &cable_archive::Limits::default(),
    );
    records.for_each(|item| {
        if let cable_archive::Item::Record(r) = item {
            let _ = cable_parse::parse_with(&r.text, &r.meta);
        }
        true
    });
});
