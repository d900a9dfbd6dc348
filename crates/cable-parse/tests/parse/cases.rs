//! Data-driven parser tests.
//!
//! Every `testdata/cases/<area>/{ok,err}/NNNN_name.txt` is parsed and its
//! compact dump compared with the reviewed snapshot beside it
//! (`testdata/cases/<area>/snapshots/`). Cases under `ok/` must produce no
//! warning or error diagnostics; cases under `err/` at least one.
//! Refresh with `cargo insta review` (or `INSTA_UPDATE=always` then review
//! the diff). Every case is checked even when an earlier one fails
//! (`cable_testkit::cases::check_all`), and the failure names them all.

use cable_model::Severity;
use std::path::Path;

fn check(path: &Path) {
    let text = std::fs::read_to_string(path).expect("case file is UTF-8");
    let cable = cable_parse::parse_with(&text, &container_of(path));
    let dir = path.parent().unwrap();
    let expect_ok = dir.file_name().unwrap() == "ok";
    let serious = cable
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .count();
    if expect_ok {
        assert_eq!(
            serious,
            0,
            "{}: ok case produced warnings:\n{}",
            path.display(),
            crate::dump::dump(&cable)
        );
    } else {
        assert!(
            serious > 0,
            "{}: err case produced no warning",
            path.display()
        );
    }
    let area = dir.parent().unwrap();
    let name = format!(
        "{}__{}",
        dir.file_name().unwrap().to_string_lossy(),
        path.file_stem().unwrap().to_string_lossy()
    );
    insta::with_settings!({
        snapshot_path => area.join("snapshots"),
        prepend_module_to_snapshot => false,
        input_file => path,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, crate::dump::dump(&cable));
    });
}

/// The container metadata of a case: `NAME.meta` beside `NAME.txt`, one
/// `key: value` a line (`id`, `date` as a container writes it, `title`,
/// `classification`); none when absent.
fn container_of(path: &Path) -> cable_model::ContainerMeta {
    let mut m = cable_model::ContainerMeta::default();
    let Ok(text) = std::fs::read_to_string(path.with_extension("meta")) else {
        return m;
    };
    m.kind = cable_model::ContainerKind::CablesCsv;
    for line in text.lines() {
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        let v = v.trim().to_owned();
        match k.trim() {
            "id" => m.id = Some(v),
            "date" => {
                m.date = mdy_hm(&v);
                m.date_raw = Some(v);
            }
            "title" => m.title = Some(v),
            "classification" => m.classification = Some(v),
            _ => {}
        }
    }
    m
}

/// `M/D/YYYY H:MM`, as cables.csv writes a date.
fn mdy_hm(s: &str) -> Option<cable_model::Timestamp> {
    let (date, time) = s.split_once(' ')?;
    let mut d = date.split('/').map(|p| p.parse::<u16>().ok());
    let (m, day, y) = (d.next()??, d.next()??, d.next()??);
    let (h, min) = time.split_once(':')?;
    let date = cable_model::Date::new(y, u8::try_from(m).ok()?, u8::try_from(day).ok()?)?;
    cable_model::Timestamp::new(date, h.parse().ok()?, min.parse().ok()?)
}

#[test]
fn cases() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/cases");
    let files = cable_testkit::paths::files(&root, "txt");
    let cases = files.into_iter().map(|f| {
        let name = f.strip_prefix(&root).unwrap_or(&f).display().to_string();
        (name, f)
    });
    cable_testkit::cases::check_all("parser cases", cases, |f| check(&f));
}

#[test]
fn seeds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/seeds");
    let names = ["000_78e12724ad72837c", "001_d7a67a22ead94fd7"].map(|n| (n, n));
    cable_testkit::cases::check_all("seed models", names, |name| {
        let path = root.join(format!("{name}.txt"));
        let text = std::fs::read_to_string(&path).unwrap();
        let cable = cable_parse::parse(&text);
        insta::with_settings!({
            snapshot_path => root.join("../expected/model"),
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(name, crate::dump::dump(&cable));
        });
    });
}
