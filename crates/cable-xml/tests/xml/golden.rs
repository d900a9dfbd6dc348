//! Golden XML of the parsed seeds and kitchen-sink cable, and schema
//! validation of every testdata cable's output.
//!
//! Refresh with `INSTA_UPDATE=always cargo test -p cable-xml`, then read
//! the changed files under `testdata/expected/xml/` before committing.

use crate::support::{self, root};
use std::path::{Path, PathBuf};

/// The cables with a reviewed golden: (snapshot name, input path).
fn golden_inputs() -> Vec<(&'static str, PathBuf)> {
    let r = root().join("testdata");
    vec![
        (
            "000_78e12724ad72837c",
            r.join("seeds/000_78e12724ad72837c.txt"),
        ),
        (
            "001_d7a67a22ead94fd7",
            r.join("seeds/001_d7a67a22ead94fd7.txt"),
        ),
        ("kitchen-sink", r.join("cables/kitchen-sink.txt")),
    ]
}

/// Parses a file; bytes that are not UTF-8 (the torture inputs have some)
/// become U+FFFD, as a lossy reader would give them.
fn parse_file(path: &Path) -> cable_model::Cable {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    cable_parse::parse(&String::from_utf8_lossy(&bytes))
}

/// Parses `path`, writes XML, checks it is well-formed and compares it
/// with the reviewed snapshot `name`.
fn check(name: &str, path: &Path) {
    let xml = support::to_xml(&parse_file(path));
    support::assert_well_formed(&xml);
    insta::with_settings!({
        snapshot_path => root().join("testdata/expected/xml"),
        prepend_module_to_snapshot => false,
        input_file => path,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, xml);
    });
}

#[test]
fn goldens() {
    let inputs = golden_inputs().into_iter().map(|(n, p)| (n, (n, p)));
    cable_testkit::cases::check_all("xml goldens", inputs, |(name, path)| {
        check(name, &path);
    });
}

/// Every `.txt` under `testdata/` (seeds, the kitchen sink, parser cases).
fn testdata_cables() -> Vec<PathBuf> {
    cable_testkit::paths::files(&root().join("testdata"), "txt")
}

#[test]
fn every_testdata_cable_is_schema_valid() {
    let inputs = testdata_cables();
    assert!(inputs.len() >= 3, "testdata cables not found");
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (i, path) in inputs.iter().enumerate() {
        let xml = support::to_xml(&parse_file(path));
        support::assert_well_formed(&xml);
        let out = dir.path().join(format!("{i:04}.xml"));
        std::fs::write(&out, xml).unwrap();
        files.push(out);
    }
    if support::have_xmllint("testdata schema validation") {
        support::xmllint_validate(&files);
    }
}

#[test]
fn rich_cable_is_schema_valid_and_counts_replacements() {
    let cable = support::rich_cable();
    let mut out = Vec::new();
    let stats =
        cable_xml::write_counting(&cable, &cable_xml::Options::default(), &mut out).unwrap();
    let xml = String::from_utf8(out).unwrap();
    support::assert_well_formed(&xml);
    // \x0c in an excluded station, \x0c in the subject, U+FFFE in its
    // title, \x1a and \0 in the body, U+FFFF in the comment, \x0c in a
    // diagnostic's message.
    assert_eq!(stats.replaced_characters, 7);
    assert!(xml.contains(
        "<diagnostic code=\"xml-character-replaced\" severity=\"info\">7 characters not allowed in XML 1.0 replaced with U+FFFD</diagnostic>"
    ));
    assert!(xml.contains(
        "<to precedence=\"flash\">ALL NATO CAPITALS</to>\n    <excluded>USINT HAVANA</excluded>\n    <excluded>AMEMBASSY &lt;BELGRADE&gt; &amp; &quot;CO&quot;\u{FFFD}</excluded>"
    ));
    assert!(xml.contains("&lt;ON&gt; &apos;BRAINSTORMING&apos; &amp; MORE\u{FFFD}"));
    if support::have_xmllint("rich cable schema validation") {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("rich.xml");
        std::fs::write(&file, &xml).unwrap();
        support::xmllint_validate(&[file]);
    }
}

#[test]
fn output_is_deterministic_and_unindented_option_is_equivalent() {
    let cable = support::rich_cable();
    assert_eq!(support::to_xml(&cable), support::to_xml(&cable));
    let mut opts = cable_xml::Options::default();
    opts.indent = false;
    let mut flat = Vec::new();
    cable_xml::write(&cable, &opts, &mut flat).unwrap();
    let flat = String::from_utf8(flat).unwrap();
    support::assert_well_formed(&flat);
    assert_eq!(
        flat.lines().count(),
        2,
        "declaration and one line of markup"
    );
    assert_eq!(
        support::read_back(&flat),
        support::read_back(&support::to_xml(&cable))
    );
}

#[test]
fn no_forbidden_character_reaches_the_output_raw_or_as_reference() {
    let mut cable = cable_model::Cable::default();
    cable.signer =
        Some((0u32..0x20).filter_map(char::from_u32).collect::<String>() + "\u{FFFE}\u{FFFF}");
    let xml = support::to_xml(&cable);
    support::assert_well_formed(&xml);
    // Tab, line feed and carriage return (as &#13;) stay; 29 others go.
    assert!(xml.contains("<signer>\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\t\n\u{FFFD}\u{FFFD}&#13;"));
    assert!(xml.contains(">31 characters not allowed in XML 1.0 replaced with U+FFFD<"));
}

#[test]
fn documented_example_is_well_formed_and_schema_valid() {
    let doc = std::fs::read_to_string(root().join("docs/output-xml.md")).unwrap();
    let start = doc
        .find("```xml\n<?xml")
        .expect("an XML example in docs/output-xml.md")
        + 7;
    let len = doc[start..].find("```").unwrap();
    let example = &doc[start..start + len];
    support::assert_well_formed(example);
    if support::have_xmllint("documented example schema validation") {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("example.xml");
        std::fs::write(&file, example).unwrap();
        support::xmllint_validate(&[file]);
    }
}

#[test]
fn schemas_reject_what_the_vocabulary_does_not_allow() {
    if !support::have_xmllint("schema rejection test") {
        return;
    }
    let ns = "xmlns=\"urn:cablekit:cable:1\"";
    let cases = [
        ("another version", format!("<cable {ns} version=\"2\"/>")),
        ("no namespace", "<cable version=\"1\"/>".to_owned()),
        (
            "elements out of order",
            format!(
                "<cable {ns} version=\"1\"><banner>x</banner><id year=\"2009\" station=\"STATE\" serial=\"1\">09STATE1</id></cable>"
            ),
        ),
        (
            "unknown token",
            format!("<cable {ns} version=\"1\"><tags><tag kind=\"bogus\">X</tag></tags></cable>"),
        ),
        (
            "paragraph without text",
            format!("<cable {ns} version=\"1\"><body><paragraph n=\"1\"/></body></cable>"),
        ),
        (
            "malformed id",
            format!(
                "<cable {ns} version=\"1\"><id year=\"2009\" station=\"STATE\" serial=\"1\">STATE 1</id></cable>"
            ),
        ),
        (
            "unknown element",
            format!("<cable {ns} version=\"1\"><summary>x</summary></cable>"),
        ),
        (
            "excluded station before any addressee",
            format!(
                "<cable {ns} version=\"1\"><routing><excluded>USINT HAVANA</excluded><to>ALL POSTS</to></routing></cable>"
            ),
        ),
        (
            "excluded station inside an addressee",
            format!(
                "<cable {ns} version=\"1\"><routing><to>ALL POSTS<excluded>USINT HAVANA</excluded></to></routing></cable>"
            ),
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (what, doc) in cases {
        let file = dir.path().join("bad.xml");
        std::fs::write(
            &file,
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{doc}\n"),
        )
        .unwrap();
        assert!(
            support::xmllint_rejects(&file),
            "a schema accepts {what}: {doc}"
        );
    }
}
