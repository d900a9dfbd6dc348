//! What needs more than the generator: every generated cable parses without
//! errors, and [`cable_bench::write_corpus`] packs every cable.

use cable_bench::write_corpus;
use cable_gen::{Format, Generator, Renderer};
use std::io::Read;

/// Renders cables `range` of `g` in `format`, concatenated.
fn render(g: &Generator, format: Format, range: std::ops::Range<u64>) -> Vec<u8> {
    Renderer::new().render_range(g, format, range)
}

#[test]
fn every_cable_parses_without_errors() {
    let n = 3000;
    let g = Generator::new(4, n);
    let r = Renderer::new();
    for i in 0..n {
        let c = g.cable(i);
        for format in [Format::Txt, Format::Seed] {
            let mut text = Vec::new();
            r.render(format, &c, &mut text);
            let text = String::from_utf8(text).unwrap();
            let cable = cable_parse::parse(&text);
            let errors: Vec<_> = cable
                .diagnostics
                .iter()
                .filter(|d| d.severity == cable_model::Severity::Error)
                .collect();
            assert!(errors.is_empty(), "{} ({format}): {errors:?}", c.id);
        }
    }
}

#[test]
fn archives_hold_every_cable() {
    let dir = tempfile::tempdir().unwrap();
    let g = Generator::new(6, 40);
    let tgz = dir.path().join("c.tar.gz");
    let w = write_corpus(&g, Format::Html, &tgz).unwrap();
    assert_eq!(w.cables, 40);
    let mut tar = tar::Archive::new(flate2::read::GzDecoder::new(
        std::fs::File::open(&tgz).unwrap(),
    ));
    let mut total = 0;
    for e in tar.entries().unwrap() {
        let mut e = e.unwrap();
        assert!(e.path().unwrap().to_string_lossy().starts_with("cable/"));
        total += std::io::copy(&mut e, &mut std::io::sink()).unwrap();
    }
    assert_eq!(total, w.bytes);

    let zip_path = dir.path().join("c.zip");
    let w = write_corpus(&g, Format::Csv, &zip_path).unwrap();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&zip_path).unwrap()).unwrap();
    let mut csv = Vec::new();
    zip.by_name("cables.csv")
        .unwrap()
        .read_to_end(&mut csv)
        .unwrap();
    assert_eq!(csv, render(&g, Format::Csv, 0..40));
    assert_eq!(w.bytes, csv.len() as u64);

    let tgz_csv = dir.path().join("csv.tgz");
    write_corpus(&g, Format::Csv, &tgz_csv).unwrap();
    let mut tar = tar::Archive::new(flate2::read::GzDecoder::new(
        std::fs::File::open(&tgz_csv).unwrap(),
    ));
    let mut e = tar.entries().unwrap().next().unwrap().unwrap();
    let mut from_tar = Vec::new();
    e.read_to_end(&mut from_tar).unwrap();
    assert_eq!(from_tar, csv);

    let sz = dir.path().join("c.7z");
    write_corpus(&g, Format::Txt, &sz).unwrap();
    let head = std::fs::read(&sz).unwrap();
    assert!(head.starts_with(b"7z\xBC\xAF\x27\x1C"));

    let plain = dir.path().join("dir");
    write_corpus(&g, Format::Seed, &plain).unwrap();
    assert_eq!(std::fs::read_dir(&plain).unwrap().count(), 40);
}
