//! Golden files: the compact JSON (the default, and what `cablekit`
//! writes) of each seed and of the kitchen-sink cable, as parsed by
//! `cable_parse::parse`, stored in `testdata/expected/pandoc/<input>.snap`
//! for review (`jq . FILE.snap` after the header lines reads it as a tree).
//! Pretty output, a library option the binary never uses, is checked
//! against the golden as the same JSON value. Regenerate with
//! `INSTA_UPDATE=always cargo test -p cable-pandoc --test pandoc golden::` and read
//! the diff before committing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;
use cable_pandoc::Options;

#[test]
fn goldens() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(support::root().join("testdata/expected/pandoc"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    let mut pretty = Options::default();
    pretty.pretty = true;
    let inputs = support::inputs()
        .into_iter()
        .map(|(name, path)| (name.clone(), (name, path)));
    cable_testkit::cases::check_all("pandoc goldens", inputs, |(name, path)| {
        let text = std::fs::read_to_string(&path).expect("read input");
        let cable = cable_parse::parse(&text);
        let compact = String::from_utf8(support::write(&cable, &Options::default())).unwrap();
        let pretty = String::from_utf8(support::write(&cable, &pretty)).unwrap();
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&pretty).unwrap(),
            serde_json::from_str::<serde_json::Value>(&compact).unwrap(),
            "{name}: pretty and compact output differ as JSON"
        );
        assert!(
            !compact.contains('\n'),
            "{name}: compact output has a line break"
        );
        settings.set_input_file(&path);
        settings.bind(|| insta::assert_snapshot!(name.as_str(), compact));
    });
}
