//! Every cable of the shared corpus (`../shared/corpus`: text files, CSV
//! rows, HTML pages, read through `cable-archive`) gives well-formed XML
//! that validates against the schema, one document per cable and all of
//! them in one `<cables>` document.

use crate::support::{self, root};

#[test]
fn every_corpus_cable_is_schema_valid() {
    let corpus = root().join("../shared/corpus");
    if !corpus.is_dir() {
        eprintln!("SKIP: {} not found", corpus.display());
        return;
    }
    let records = cable_archive::open(&corpus, &cable_archive::Limits::default())
        .unwrap_or_else(|e| panic!("open {}: {e}", corpus.display()));
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    let mut collection = cable_xml::CollectionWriter::new(std::io::BufWriter::new(
        std::fs::File::create(dir.path().join("all.xml")).unwrap(),
    ));
    records.for_each(|item| {
        let cable_archive::Item::Record(r) = item else {
            return true;
        };
        let cable = cable_parse::parse_with(&r.text, &r.meta);
        let xml = support::to_xml(&cable);
        support::assert_well_formed(&xml);
        let file = dir.path().join(format!("{:05}.xml", files.len()));
        std::fs::write(&file, xml).unwrap();
        files.push(file);
        collection.add(&cable).unwrap();
        true
    });
    assert!(
        !files.is_empty(),
        "no records read from {} (has cable-archive landed?)",
        corpus.display()
    );
    collection.finish().unwrap();
    eprintln!("corpus: {} records written as XML", files.len());
    files.push(dir.path().join("all.xml"));
    if support::have_xmllint("corpus schema validation") {
        support::xmllint_validate(&files);
    }
}
