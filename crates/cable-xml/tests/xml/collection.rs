//! The streamed `<cables>` document.

use crate::support;
use cable_model::Cable;
use std::io::{self, Write};

#[test]
fn collection_holds_each_cable_once_in_order_and_is_schema_valid() {
    let seeds: Vec<Cable> = ["000_78e12724ad72837c", "001_d7a67a22ead94fd7"]
        .iter()
        .map(|n| {
            let p = support::root().join(format!("testdata/seeds/{n}.txt"));
            cable_parse::parse(&std::fs::read_to_string(p).unwrap())
        })
        .collect();
    let rich = support::rich_cable();
    let mut w = cable_xml::CollectionWriter::new(Vec::new());
    assert!(w.is_empty());
    let mut per_cable = 0;
    for c in seeds.iter().chain([&rich, &Cable::default()]) {
        per_cable += w.add(c).unwrap().replaced_characters;
    }
    assert_eq!(w.len(), 4);
    assert_eq!(w.stats().replaced_characters, per_cable);
    assert!(per_cable >= 6, "the rich cable alone has 6");
    let xml = String::from_utf8(w.finish().unwrap()).unwrap();
    support::assert_well_formed(&xml);
    assert!(xml.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<cables xmlns=\"urn:cablekit:cable:1\" version=\"1\">\n  <cable version=\"1\">"
    ));
    assert!(xml.ends_with("</cables>\n"));
    assert_eq!(xml.matches("<cable version=\"1\">").count(), 4);
    assert_eq!(xml.matches("xmlns=").count(), 1, "namespace declared once");
    // Each <cable> is exactly what the single-cable writer produces, re-indented.
    let single = support::to_xml(&rich);
    let body: String = single.lines().skip(1).map(|l| format!("  {l}\n")).collect();
    let body = body.replacen(" xmlns=\"urn:cablekit:cable:1\"", "", 1);
    assert!(xml.contains(&body), "rich cable differs inside <cables>");

    if support::have_xmllint("collection schema validation") {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("cables.xml");
        std::fs::write(&file, &xml).unwrap();
        support::xmllint_validate(&[file]);
    }
}

#[test]
fn empty_collection_is_a_valid_document() {
    let xml = String::from_utf8(
        cable_xml::CollectionWriter::new(Vec::new())
            .finish()
            .unwrap(),
    )
    .unwrap();
    support::assert_well_formed(&xml);
    if support::have_xmllint("empty collection schema validation") {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("cables.xml");
        std::fs::write(&file, &xml).unwrap();
        support::xmllint_validate(&[file]);
    }
}

/// A sink that counts bytes and records the largest single write: the
/// writer hands each piece on as it is produced rather than building the
/// document (or a cable) in memory first.
#[derive(Default)]
struct Counting {
    bytes: u64,
    largest_write: usize,
}

impl Write for Counting {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes += buf.len() as u64;
        self.largest_write = self.largest_write.max(buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn collection_streams_to_its_output() {
    let rich = support::rich_cable();
    let mut w = cable_xml::CollectionWriter::new(Counting::default());
    for _ in 0..5_000 {
        w.add(&rich).unwrap();
    }
    assert_eq!(w.len(), 5_000);
    let out = w.finish().unwrap();
    let one = support::to_xml(&rich).len() as u64;
    assert!(
        out.bytes > 5_000 * (one / 2),
        "{} bytes for 5000 cables",
        out.bytes
    );
    assert!(
        out.largest_write < 4096,
        "a single write of {} bytes: something is buffered",
        out.largest_write
    );
}

#[test]
fn write_errors_are_returned_not_swallowed() {
    struct Failing;
    impl Write for Failing {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::other("disk full"))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    let mut w = cable_xml::CollectionWriter::new(Failing);
    assert!(w.add(&support::rich_cable()).is_err());
    let mut f = Failing;
    assert!(cable_xml::write(&Cable::default(), &cable_xml::Options::default(), &mut f).is_err());
}
