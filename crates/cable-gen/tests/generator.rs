//! The generator's contracts: determinism, the cables.csv dialect and the
//! shape of the corpus (parseability and packing are tested in
//! crates/cable-bench, which has the parser and the archive writers).

#![allow(clippy::print_stderr)]

use cable_gen::{Format, Generator, HeaderKind, Renderer};
use std::io::{Read, Write};
use std::process::Stdio;

/// Renders cables `range` of `g` in `format`, concatenated.
fn render(g: &Generator, format: Format, range: std::ops::Range<u64>) -> Vec<u8> {
    Renderer::new().render_range(g, format, range)
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
    let Some(python) = cable_testkit::tools::python("python_csv_reads_eight_columns", &["csv"])
    else {
        return;
    };
    let g = Generator::new(2, 1500);
    let mut csv = Vec::new();
    cable_gen::CsvStream::new(g.clone())
        .read_to_end(&mut csv)
        .unwrap();
    let script = "import csv,sys\ncsv.field_size_limit(1<<30)\nn=0;b=0\nfor row in csv.reader(open(sys.stdin.fileno(),newline='',encoding='utf-8'),escapechar='\\\\'):\n    assert len(row)==8,(n,len(row))\n    assert row[0]==str(n+1),(n,row[0])\n    n+=1;b+=len(row[7])\nprint(n,b)\n";
    let mut child = python
        .command()
        .arg("-c")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feed = std::thread::spawn(move || stdin.write_all(&csv));
    let out = child.wait_with_output().unwrap();
    feed.join().unwrap().unwrap();
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
