//! Golden files: the pretty-printed JSON of each seed and of the
//! kitchen-sink cable, as parsed by `cable_parse::parse`, stored in
//! `testdata/expected/pandoc/<input>.snap` for review. Regenerate with
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
    let mut opts = Options::default();
    opts.pretty = true;
    for (name, path) in support::inputs() {
        let text = std::fs::read_to_string(&path).expect("read input");
        let cable = cable_parse::parse(&text);
        let json = String::from_utf8(support::write(&cable, &opts)).expect("UTF-8");
        settings.set_input_file(&path);
        settings.bind(|| insta::assert_snapshot!(name.as_str(), json));
    }
}
