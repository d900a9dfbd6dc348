//! Reading the XML back gives the model's ids, tags, subject, references
//! and paragraph texts (with forbidden characters as U+FFFD).

use crate::support::{self, root};
use cable_model::Cable;

#[track_caller]
fn check(cable: &Cable) {
    let xml = support::to_xml(cable);
    let back = support::read_back(&xml);
    assert_eq!(back, support::view_of(cable));
}

#[test]
fn rich_cable_round_trips() {
    let cable = support::rich_cable();
    let view = support::view_of(&cable);
    // The view is not trivially empty: the comparison means something.
    assert_eq!(view.paragraphs.len(), 5);
    assert_eq!(view.references.len(), 4);
    assert_eq!(view.tags.len(), 6);
    check(&cable);
}

#[test]
fn parsed_testdata_cables_round_trip() {
    for name in [
        "seeds/000_78e12724ad72837c.txt",
        "seeds/001_d7a67a22ead94fd7.txt",
        "cables/kitchen-sink.txt",
    ] {
        let text = std::fs::read_to_string(root().join("testdata").join(name)).unwrap();
        check(&cable_parse::parse(&text));
    }
}

#[test]
fn empty_cable_round_trips() {
    check(&Cable::default());
}
