//! The generator's contracts: determinism, the cables.csv dialect, the
//! shape of the corpus, parseability, and packing.

#![allow(clippy::print_stderr)]

use cable_gen::{Format, Generator, HeaderKind, Renderer, write_corpus};
use std::io::Read;
use std::process::Command;

/// Renders cables `range` of `g` in `format`, concatenated.
fn render(g: &Generator, format: Format, range: std::ops::Range<u64>) -> Vec<u8> {
    let r = Renderer::new();
    let mut out = Vec::new();
    for i in range {
        r.render(format, &g.cable(i), &mut out);
    }
    out
}

#[test]
fn same_seed_gives_identical_output_in_every_format() {
    for format in [Format::Csv, Format::Txt, Format::Seed, Format::Html] {
        let a = render(&Generator::new(9, 400), format, 0..400);
        let b = render(&Generator::new(9, 400), format, 0..400);
        assert!(a == b, "{format}: two runs differ");
        let c = render(&Generator::new(10, 400), format, 0..400);
        assert!(a != c, "{format}: seeds 9 and 10 give the same corpus");
    }
}

#[test]
fn cables_do_not_depend_on_generation_order() {
    let g = Generator::new(3, 300);
    let forward = render(&g, Format::Csv, 0..300);
    let r = Renderer::new();
    let mut backward: Vec<Vec<u8>> = (0..300)
        .rev()
        .map(|i| {
            let mut v = Vec::new();
            r.render(Format::Csv, &g.cable(i), &mut v);
            v
        })
        .collect();
    backward.reverse();
    assert_eq!(forward, backward.concat());
}

#[test]
fn the_stream_equals_the_rendered_rows() {
    let g = Generator::new(5, 250);
    let mut streamed = Vec::new();
    cable_gen::CsvStream::new(g.clone())
        .read_to_end(&mut streamed)
        .unwrap();
    assert_eq!(streamed, render(&g, Format::Csv, 0..250));
}

/// Undoes cables.csv's escapes in one field (for checking the writer).
fn unescape(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut it = s.iter();
    while let Some(&b) = it.next() {
        if b == b'\\' {
            out.extend(it.next());
        } else {
            out.push(b);
        }
    }
    out
}

#[test]
fn csv_rows_use_the_release_quoting() {
    let g = Generator::new(1, 3000);
    let r = Renderer::new();
    let (mut quotes, mut apostrophes, mut newlines) = (0, 0, 0);
    for i in (0..3000).step_by(7) {
        let c = g.cable(i);
        let mut row = Vec::new();
        r.render(Format::Csv, &c, &mut row);
        assert!(row.starts_with(format!("\"{}\",\"", i + 1).as_bytes()));
        assert!(row.ends_with(b"\"\n"));
        quotes += row.windows(2).filter(|w| w == b"\\\"").count();
        apostrophes += row.windows(2).filter(|w| w == b"\\'").count();
        newlines += row.iter().filter(|&&b| b == b'\n').count();
        // Split on the unescaped `","` separators: exactly 8 fields that
        // unescape to the cable's columns.
        let inner = &row[1..row.len() - 2];
        let mut fields = Vec::new();
        let (mut start, mut k) = (0, 0);
        while k < inner.len() {
            if inner[k] == b'\\' {
                k += 2;
                continue;
            }
            if inner[k..].starts_with(b"\",\"") {
                fields.push(unescape(&inner[start..k]));
                k += 3;
                start = k;
                continue;
            }
            k += 1;
        }
        fields.push(unescape(&inner[start..]));
        assert_eq!(fields.len(), 8, "row {i}");
        assert_eq!(fields[2], c.id.as_bytes());
        assert_eq!(fields[6], c.header.as_bytes());
        assert_eq!(fields[7], c.body.as_bytes());
    }
    assert!(
        quotes > 0 && apostrophes > 0 && newlines > 1000,
        "{quotes} {apostrophes} {newlines}"
    );
}

#[test]
fn python_csv_reads_eight_columns() {
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("SKIP: python3 not found");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cables.csv");
    let g = Generator::new(2, 1500);
    write_corpus(&g, Format::Csv, &path).unwrap();
    let script = "import csv,sys\ncsv.field_size_limit(1<<30)\nn=0;b=0\nfor row in csv.reader(open(sys.argv[1],newline='',encoding='utf-8'),escapechar='\\\\'):\n    assert len(row)==8,(n,len(row))\n    assert row[0]==str(n+1),(n,row[0])\n    n+=1;b+=len(row[7])\nprint(n,b)\n";
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let body_bytes: usize = (0..1500).map(|i| g.cable(i).body.len()).sum();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("1500 {body_bytes}")
    );
}

#[test]
fn corpus_has_the_shape_of_cablegate() {
    let n = 6000;
    let g = Generator::new(1, n);
    let r = Renderer::new();
    let (mut acp127, mut acp126, mut partial) = (0u64, 0u64, 0u64);
    let (mut bytes, mut wrapped, mut page_headers, mut sipdis) = (0usize, 0, 0, 0);
    let mut years = std::collections::BTreeSet::new();
    for i in 0..n {
        let c = g.cable(i);
        let mut row = Vec::new();
        r.render(Format::Csv, &c, &mut row);
        bytes += row.len();
        match c.header_kind {
            Some(HeaderKind::Acp127) => acp127 += 1,
            Some(HeaderKind::Acp126) => acp126 += 1,
            Some(HeaderKind::Partial) => partial += 1,
            _ => {}
        }
        years.insert(c.date.split([' ', '/']).nth(2).unwrap_or("").to_owned());
        let refs = if c.references.is_empty() {
            0
        } else {
            c.references.split('|').count()
        };
        assert!(refs <= 15, "{}: {refs} references", c.id);
        let tags = c
            .body
            .lines()
            .find_map(|l| l.strip_prefix("TAGS: "))
            .unwrap();
        let ntags = tags.split([' ', ',']).filter(|t| !t.is_empty()).count();
        assert!((2..=12).contains(&ntags), "{}: {ntags} tags", c.id);
        let paras = c
            .body
            .lines()
            .filter(|l| {
                let d = l.bytes().take_while(u8::is_ascii_digit).count();
                d > 0 && l[d..].starts_with(". ")
            })
            .count();
        assert!((3..=30).contains(&paras), "{}: {paras} paragraphs", c.id);
        wrapped += usize::from(c.body.lines().all(|l| l.len() <= 67));
        page_headers += usize::from(c.body.contains("  002 OF "));
        sipdis += usize::from(c.body.contains("SIPDIS"));
    }
    let pct = |x: u64| x * 100 / n;
    assert!((74..=80).contains(&pct(acp127)), "ACP-127 {}%", pct(acp127));
    assert!((1..=4).contains(&pct(acp126)), "ACP-126 {}%", pct(acp126));
    assert!(
        (17..=23).contains(&pct(partial)),
        "partial {}%",
        pct(partial)
    );
    let mean = bytes / n as usize;
    assert!((6_300..=7_500).contains(&mean), "mean row {mean} bytes");
    assert!(
        wrapped > 1000 && page_headers > 100 && sipdis > 3000,
        "{wrapped} {page_headers} {sipdis}"
    );
    assert_eq!(years.first().map(String::as_str), Some("1966"));
    assert_eq!(years.last().map(String::as_str), Some("2010"));
    assert!(years.len() == 45, "{} years", years.len());
}

#[test]
fn the_tail_reaches_past_64_kb() {
    let g = Generator::new(1, 20_000);
    let longest = (0..20_000).map(|i| g.cable(i).body.len()).max().unwrap();
    assert!(longest > 65_536, "longest body {longest}");
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
fn renderings_carry_their_markup() {
    let g = Generator::new(1, 1000);
    let c = g.cable(900);
    let r = Renderer::new();
    let mut seed = Vec::new();
    r.render(Format::Seed, &c, &mut seed);
    let seed = String::from_utf8(seed).unwrap();
    assert!(
        seed.contains("\n[1](#). ")
            && seed.contains("TAGS: [")
            && seed.ends_with("End Cable Text\n"),
        "{seed}"
    );
    let mut html = Vec::new();
    r.render(Format::Html, &c, &mut html);
    let html = String::from_utf8(html).unwrap();
    assert!(html.contains(&format!("<h3>Viewing cable {}, ", c.id)));
    assert!(html.contains("<a id='par1' href='#par1'>\u{b6}</a>1. "));
    assert!(html.contains("&#x000A;") && !html.contains("<pre>\n"));
    let mut txt = Vec::new();
    r.render(Format::Txt, &c, &mut txt);
    assert!(String::from_utf8(txt).unwrap().contains(&c.body));
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

/// Two reviewed sample rows (the shortest cable of a window of 1970s rows
/// and of 2000s rows), so that any change to what the generator writes is
/// seen and reviewed: benchmarks are only comparable across commits while
/// the corpus stays the same.
#[test]
fn sample_rows() {
    let g = Generator::new(1, 10_000);
    for (name, range) in [("row_1970s", 40..100), ("row_2000s", 9000..9100)] {
        let i = range.min_by_key(|&i| g.cable(i).body.len()).unwrap();
        let mut out = Vec::new();
        Renderer::new().render(Format::Csv, &g.cable(i), &mut out);
        insta::assert_snapshot!(name, String::from_utf8(out).unwrap());
    }
}
