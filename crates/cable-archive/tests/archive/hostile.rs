//! Hostile containers are refused or contained with an error naming the
//! member: never a panic, never a trusted path.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::harness::{self, on_worker_stack};
use crate::support::*;
use cable_archive::{Item, Limits};
use cable_testkit::linear;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` as `name` in a fresh directory and reads it; returns the summary lines.
fn check(name: &str, bytes: &[u8], limits: &Limits) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    write(&path, bytes);
    let items = collect(&path, limits);
    records(&items); // seq check
    summary(&items)
}

fn cable() -> Vec<u8> {
    cables()[0].1.clone()
}

fn assert_lines(got: &[String], want: &[&str]) {
    assert_eq!(got.len(), want.len(), "{got:#?}");
    for (g, w) in got.iter().zip(want) {
        assert!(g.contains(w), "{g:?} should contain {w:?}\nall: {got:#?}");
    }
}

#[test]
fn unsafe_member_names_are_refused_by_name() {
    let c = cable();
    let t = tar(&[
        ("/etc/cable.txt", &c),
        ("a/../../cable.txt", &c),
        ("ok/cable.txt", &c),
    ]);
    let got = check("evil.tar", &t, &Limits::default());
    assert_eq!(got.len(), 3, "{got:#?}");
    assert!(
        got[0].contains("refused member \"/etc/cable.txt\": absolute path"),
        "{got:#?}"
    );
    assert!(
        got[1].contains("1 FAILED a/../../cable.txt") && got[1].contains("`..` component"),
        "{got:#?}"
    );
    assert!(got[2].starts_with("2 RECORD ok/cable.txt"), "{got:#?}");

    let z = zip(&[("../zip-evil.txt", &c), ("C:/win.txt", &c)]);
    let got = check("evil.zip", &z, &Limits::default());
    assert!(
        got[0].contains("FAILED ../zip-evil.txt") && got[0].contains("`..` component"),
        "{got:#?}"
    );
    assert!(
        got[1].contains("FAILED C:/win.txt") && got[1].contains("drive-letter"),
        "{got:#?}"
    );

    let s = sevenz(&[("../7z-evil.txt", &c)]);
    let got = check("evil.7z", &s, &Limits::default());
    assert!(got[0].contains("FAILED ../7z-evil.txt"), "{got:#?}");
}

#[test]
fn links_and_devices_are_skipped() {
    let c = cable();
    let mut b = tar::Builder::new(Vec::new());
    for (name, kind) in [
        ("sym.txt", tar::EntryType::Symlink),
        ("hard.txt", tar::EntryType::Link),
        ("dev", tar::EntryType::Char),
        ("fifo", tar::EntryType::Fifo),
    ] {
        let mut h = tar::Header::new_gnu();
        h.set_entry_type(kind);
        h.set_size(0);
        raw_name(&mut h, name);
        h.set_link_name("/etc/passwd").unwrap();
        h.set_cksum();
        b.append(&h, &[][..]).unwrap();
    }
    let mut h = tar::Header::new_gnu();
    h.set_size(c.len() as u64);
    raw_name(&mut h, "real.txt");
    h.set_cksum();
    b.append(&h, c.as_slice()).unwrap();
    let got = check("links.tar", &b.into_inner().unwrap(), &Limits::default());
    assert_lines(
        &got,
        &[
            "0 SKIPPED sym.txt - - | symlink member",
            "1 SKIPPED hard.txt - - | hardlink member",
            "2 SKIPPED dev - - | device member",
            "3 SKIPPED fifo - - | FIFO member",
            "4 RECORD real.txt",
        ],
    );
}

#[test]
fn duplicate_names_are_both_kept() {
    let c = cable();
    let t = tar(&[("x/cable.txt", &c), ("x/cable.txt", &c)]);
    let got = check("dup.tar", &t, &Limits::default());
    assert_lines(&got, &["0 RECORD x/cable.txt", "1 RECORD x/cable.txt"]);
}

#[test]
fn zip_bomb_is_capped_per_member_in_total_and_by_ratio() {
    let zeros = vec![b'A'; 4 << 20];
    let c = cable();
    let z = zip(&[("bomb.txt", &zeros), ("after.txt", &c)]);
    assert!(z.len() < 64 << 10, "the bomb compresses well: {}", z.len());
    // Per member.
    let no_ratio = Limits {
        max_ratio: u64::MAX,
        ..Limits::default()
    };
    let limits = Limits {
        max_member_bytes: 1 << 20,
        ..no_ratio.clone()
    };
    let got = check("bomb.zip", &z, &limits);
    assert_lines(&got, &["0 FAILED bomb.txt - - | ", "1 RECORD after.txt"]);
    assert!(got[0].contains("larger than max_member_bytes"), "{got:#?}");
    // By ratio (4 MiB out of a few KiB).
    let limits = Limits {
        max_ratio: 100,
        ..Limits::default()
    };
    let got = check("bomb.zip", &z, &limits);
    assert!(
        got[0].contains("FAILED bomb.txt") && got[0].contains("max_ratio"),
        "{got:#?}"
    );
    assert!(got[1].starts_with("1 RECORD after.txt"), "{got:#?}");
    // In total: reading stops.
    let limits = Limits {
        max_total_bytes: 2 << 20,
        ..no_ratio
    };
    let got = check("bomb.zip", &z, &limits);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(got[0].contains("max_total_bytes"), "{got:#?}");
    // A gzip bomb is capped the same way.
    let limits = Limits {
        max_ratio: 100,
        ..Limits::default()
    };
    let got = check("bomb.txt.gz", &gzip(&zeros), &limits);
    assert!(
        got[0].contains("FAILED") && got[0].contains("max_ratio"),
        "{got:#?}"
    );
}

#[test]
fn truncated_archives_fail_after_delivering_what_came_before() {
    let c = cable();
    let t = tar(&[("1.txt", &c), ("2.txt", &c), ("3.txt", &c)]);
    // Cut inside the third member's data.
    let padded = c.len().div_ceil(512) * 512;
    let cut = 3 * 512 + 2 * padded + c.len() / 2;
    let got = check("cut.tar", &t[..cut], &Limits::default());
    assert_lines(
        &got[..3],
        &["0 RECORD 1.txt", "1 RECORD 2.txt", "2 FAILED 3.txt"],
    );
    assert!(got[2].contains("truncated"), "{got:#?}");
    assert!(got[3..].iter().all(|l| l.contains("FAILED")), "{got:#?}");

    let tgz = gzip(&t);
    let got = check("cut.tar.gz", &tgz[..tgz.len() / 2], &Limits::default());
    assert!(got.last().unwrap().contains("FAILED"), "{got:#?}");
    assert!(got.iter().all(|l| !l.contains("PANIC")));

    // A zip's directory is at its end: a cut zip is read from its local
    // headers, as far as they go (docs/robustness.md listed "truncated zips
    // give nothing" as a known gap).
    let z = zip(&[("1.txt", &c), ("2.txt", &c), ("3.txt", &c)]);
    let got = check("cut.zip", &z[..z.len() - 30], &Limits::default());
    assert_lines(
        &got,
        &[
            "0 RECORD 1.txt",
            "1 RECORD 2.txt",
            "2 RECORD 3.txt",
            "3 FAILED - - - | ",
        ],
    );
    assert!(
        got[3].contains("not a readable zip archive (truncated?)")
            && got[3].contains("3 member(s) read from their local headers"),
        "{got:#?}"
    );
    let second = z
        .windows(4)
        .skip(4)
        .position(|w| w == b"PK\x03\x04")
        .unwrap()
        + 4;
    let got = check("cut2.zip", &z[..second + 60], &Limits::default());
    assert_lines(
        &got,
        &[
            "0 RECORD 1.txt",
            "1 FAILED 2.txt - - | ",
            "2 FAILED - - - | ",
        ],
    );
    assert!(got[1].contains("truncated"), "{got:#?}");

    let s = sevenz(&[("1.txt", &c), ("2.txt", &c)]);
    let got = check("cut.7z", &s[..s.len() / 2], &Limits::default());
    assert!(
        got.last().unwrap().contains("FAILED") && got.last().unwrap().contains("7z"),
        "{got:#?}"
    );
}

#[test]
fn csv_unterminated_quote_costs_one_row() {
    let mut csv = String::new();
    for n in 1..=10u64 {
        let mut row = csv_row(
            n,
            &format!("09STATE{n}"),
            "P R 242158Z FEB 09\nFM SECSTATE WASHDC",
            "UNCLAS\nSUBJECT: ROW\n",
        );
        if n == 3 {
            // Drop the closing quote of the body field.
            row = row.replace("ROW\n\"\n", "ROW\n\n");
        }
        csv.push_str(&row);
    }
    let got = check("cables.csv", csv.as_bytes(), &Limits::default());
    assert_eq!(got.len(), 10, "{got:#?}");
    for (i, line) in got.iter().enumerate() {
        let n = i + 1;
        if n == 3 {
            assert!(
                line.starts_with("2 FAILED - 3 ") && line.contains("unterminated quoted field"),
                "{line}"
            );
        } else {
            assert!(
                line.starts_with(&format!("{i} RECORD - {n} "))
                    && line.ends_with(&format!("09STATE{n}")),
                "{line}"
            );
        }
    }
    // A stray quote that leaves the quote state balanced but the fields wrong.
    let stray = csv_row(1, "X", "H", "B").replacen("\"X\"", "\"X", 1);
    let got = check(
        "stray.csv",
        format!("{stray}{}", csv_row(2, "09STATE2", "H", "B")).as_bytes(),
        &Limits::default(),
    );
    assert!(
        got[0].contains("FAILED") && got.last().unwrap().contains("RECORD - 2"),
        "{got:#?}"
    );
    // Truncated inside the last row.
    let cut = &csv.as_bytes()[..csv.len() - 5];
    let got = check("cut.csv", cut, &Limits::default());
    assert!(
        got.last().unwrap().contains("FAILED - 10") && got.last().unwrap().contains("truncated"),
        "{got:#?}"
    );
}

#[test]
fn empty_file_is_skipped() {
    let got = check("empty.txt", b"", &Limits::default());
    assert_lines(&got, &["0 SKIPPED - - - | empty file (0 bytes)"]);
    let got = check("empty.tar", &tar(&[("e.txt", b"")]), &Limits::default());
    assert_lines(&got, &["0 SKIPPED e.txt - - | empty file (0 bytes)"]);
}

#[test]
fn directory_with_unreadable_entries() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("tree");
    write(&root.join("a.txt"), &cable());
    std::os::unix::fs::symlink(root.join("missing.txt"), root.join("b-dangling.txt")).unwrap();
    let fifo = root.join("c-fifo.txt");
    let made_fifo = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    write(&root.join("d.txt"), &cable());
    let items = collect(&root, &Limits::default());
    let got = summary(&items);
    let mut want = vec![
        "0 RECORD a.txt",
        "1 FAILED b-dangling.txt - - | cannot read",
    ];
    if made_fifo {
        want.push("2 SKIPPED c-fifo.txt - - | not a regular file");
    }
    want.push("RECORD d.txt");
    assert_lines(&got, &want);
    assert!(got[1].contains("b-dangling.txt"), "{got:#?}");
}

#[test]
fn nesting_deeper_than_the_limit_is_skipped() {
    let c = cable();
    let mut inner = zip(&[("cable.txt", &c)]);
    for level in 0..3 {
        inner = zip(&[(&format!("level{level}.zip"), &inner)]);
    }
    let got = check("deep.zip", &inner, &Limits::default());
    assert_lines(
        &got,
        &[
            "0 SKIPPED level2.zip/level1.zip/level0.zip - - | archive nested deeper than max_depth (3)",
        ],
    );
    let got = check(
        "deep.zip",
        &inner,
        &Limits {
            max_depth: 4,
            ..Limits::default()
        },
    );
    assert_lines(
        &got,
        &["0 RECORD level2.zip/level1.zip/level0.zip/cable.txt"],
    );
}

#[test]
fn binary_members_are_skipped() {
    let got = check(
        "blob.tar",
        &tar(&[("x.bin", b"\x7fELF\0\0\0\x01binary")]),
        &Limits::default(),
    );
    assert_lines(&got, &["0 SKIPPED x.bin - - | not a cable (binary data)"]);
}

#[test]
fn provenance_never_trusts_member_paths() {
    let p = |m: &str| cable_archive::Provenance {
        member: Some(m.into()),
        ..Default::default()
    };
    assert_eq!(
        p("a/b.txt").safe_member_path().as_deref(),
        Some(Path::new("a/b.txt"))
    );
    assert_eq!(p("/etc/passwd").safe_member_path(), None);
    assert_eq!(p("x/../../y").safe_member_path(), None);
}

#[test]
fn stopping_the_walk_stops_reading() {
    let c = cable();
    let members: Vec<(String, Vec<u8>)> =
        (0..200).map(|i| (format!("{i}.txt"), c.clone())).collect();
    let t = tar(&members
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect::<Vec<_>>());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.tar");
    write(&path, &t);
    let records = cable_archive::open(&path, &Limits::default()).unwrap();
    let meter = records.meter();
    let mut seen = Vec::new();
    records.for_each(|item| {
        seen.push(item);
        false // must not hang, nor read on
    });
    assert_eq!(seen.len(), 1);
    assert!(matches!(seen[0], Item::Record(_)));
    assert!(
        meter.bytes_read() < t.len() as u64 / 2,
        "read {} of {} bytes after the first member",
        meter.bytes_read(),
        t.len()
    );
}

#[test]
fn zip_member_declared_small_inflating_huge_is_contained() {
    let zeros = vec![b'A'; 4 << 20];
    let c = cable();
    let mut z = zip(&[("bomb.txt", &zeros), ("after.txt", &c)]);
    // Lie about bomb.txt's uncompressed size (1000 bytes) in both the local
    // header (offset 22) and the central directory entry (offset 24).
    let lie = 1000u32.to_le_bytes();
    let local = z.windows(4).position(|w| w == b"PK\x03\x04").unwrap();
    z[local + 22..local + 26].copy_from_slice(&lie);
    let central = z.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    z[central + 24..central + 28].copy_from_slice(&lie);
    let limits = Limits {
        max_member_bytes: 1 << 20,
        ..Limits::default()
    };
    let got = check("liar.zip", &z, &limits);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(got[0].starts_with("0 FAILED bomb.txt"), "{got:#?}");
    assert!(got[1].starts_with("1 RECORD after.txt"), "{got:#?}");
    // The zip crate stops at the declared size: "larger than its declared uncompressed size".
    assert!(got[0].contains("declared"), "{got:#?}");
}

/// A cablegate page whose body `<pre>` holds `inside` between two lines of text.
fn page_with(inside: &str) -> Vec<u8> {
    html_page(
        "09STATE1",
        "R 241234Z FEB 09\nFM SECSTATE WASHDC\nTO ALL\nUNCLAS\nSUBJECT: TEST\n\nBEFORE\n",
    )
    .replace("BEFORE&#x000A;", &format!("BEFORE{inside}AFTER&#x000A;"))
    .into_bytes()
}

/// Reads a page on a worker-size stack; returns its one record's text.
fn page_text(bytes: Vec<u8>) -> String {
    on_worker_stack(move || {
        let items = read_bytes("page.html", &bytes, &Limits::default());
        let recs = records(&items);
        assert_eq!((items.len(), recs.len()), (1, 1), "{:#?}", summary(&items));
        recs[0].text.clone()
    })
}

/// Issue #13 row 1: a 60 KB page with 20,000 nested tags inside `<pre>`
/// overflowed the reader thread's 2 MiB stack (a recursive walk of the
/// HTML tree) and aborted the process. The page is read with a tokenizer
/// and flags, without a tree: any depth, linear time.
#[test]
fn row1_nested_tags_in_pre() {
    let nested = |n: usize| page_with(&format!("{}DEEP{}", "<i>".repeat(n), "</i>".repeat(n / 2)));
    let page = nested(20_000);
    assert!(page.len() > 60_000, "{}", page.len());
    let text = page_text(page);
    assert!(text.contains("BEFOREDEEPAFTER"), "{text}");
    // Other elements, nested deeper (a tree builder keeps each of them open).
    for tag in ["span", "div", "b", "a", "pre", "table"] {
        let text = page_text(page_with(&format!("<{tag}>").repeat(30_000)));
        assert!(text.contains("BEFORE"), "{tag}: {text}");
    }
    linear::check_linear("row 1, nested <i>", 20_000, nested, |page| {
        assert_eq!(read_bytes("page.html", page, &Limits::default()).len(), 1);
    });
}

/// Issue #13 row 6: 20,000 unclosed formatting tags (each with its own
/// attribute, so the standard's "Noah's Ark" limit does not apply) took
/// a tree builder seconds (reconstructing the active formatting elements
/// at every text), and a tag with 100,000 attributes was quadratic
/// (duplicate-attribute checks). Both are linear now.
#[test]
fn row6_unclosed_formatting_tags_and_many_attributes() {
    let unclosed =
        |n: usize| page_with(&(0..n).map(|i| format!("<p><b c={i}>x")).collect::<String>());
    let text = page_text(unclosed(20_000));
    assert_eq!(text.matches('x').count(), 20_000);
    linear::check_linear("row 6, unclosed <b>", 10_000, unclosed, |page| {
        assert_eq!(read_bytes("page.html", page, &Limits::default()).len(), 1);
    });
    let attributes = |n: usize| {
        page_with(&format!(
            "<b {}>x</b>",
            (0..n).map(|i| format!("a{i} ")).collect::<String>()
        ))
    };
    assert!(page_text(attributes(100_000)).contains("BEFORExAFTER"));
    linear::check_linear("row 6, attributes", 25_000, attributes, |page| {
        assert_eq!(read_bytes("page.html", page, &Limits::default()).len(), 1);
    });
}

/// Issue #13 row 10: a `.csv.gz` damaged within its first 64 KiB lost every
/// record (the error came while sniffing the kind), and zero padding after
/// the gzip stream (which `gzip -t` accepts) failed the whole input. Now
/// the rows before the damage arrive and the damage is one failed item;
/// zero padding is ignored; other trailing bytes are one failed item after
/// all the rows.
#[test]
fn row10_damaged_or_zero_padded_csv_gz() {
    let rows = 100u64;
    let csv: String = (1..=rows)
        .map(|n| {
            csv_row(
                n,
                &format!("09STATE{n}"),
                "P R 242158Z FEB 09\nFM SECSTATE WASHDC",
                &format!("UNCLAS\nSUBJECT: ROW {n}\n\n1. (U) Text of row {n}.\n"),
            )
        })
        .collect();
    assert!(csv.len() < 64 << 10, "{}", csv.len());
    let gz = gzip(csv.as_bytes());
    // The first `good` items are rows 1, 2, … in order; when `failed` is
    // not empty, the last item is the one failure and names it.
    let check_rows = |got: &[String], good: usize, failed: &str| {
        assert!(got.len() > good, "{got:#?}");
        for (i, line) in got.iter().take(good).enumerate() {
            let n = i + 1;
            assert!(
                line.starts_with(&format!("{i} RECORD - {n} "))
                    && line.ends_with(&format!("09STATE{n}")),
                "{line}"
            );
        }
        let failures: Vec<&String> = got.iter().filter(|l| l.contains(" FAILED ")).collect();
        if failed.is_empty() {
            assert!(failures.is_empty(), "{got:#?}");
        } else {
            assert_eq!(failures.len(), 1, "{got:#?}");
            let last = got.last().unwrap();
            assert!(
                last.contains(" FAILED ") && last.contains(failed),
                "{got:#?}"
            );
        }
    };
    // Cut half-way through the compressed bytes.
    let got = check("cut.csv.gz", &gz[..gz.len() / 2], &Limits::default());
    check_rows(&got, 10, "truncated");
    // Damaged in the middle: after the first 50 rows (a sync flush), a
    // stored deflate block whose length check fails. (A deflate decoder can
    // also turn damaged bytes into text before it notices, at the latest
    // at the checksum at the member's end: such rows reach the parser like
    // any other.)
    let (a, b) = csv.split_at(csv.find("\"51\",").unwrap());
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(a.as_bytes()).unwrap();
    enc.flush().unwrap();
    let mut damaged = enc.get_ref().clone();
    damaged.extend_from_slice(&[0x00, 0x12, 0x34, 0x00, 0x00]);
    damaged.extend_from_slice(b.as_bytes());
    let got = check("damaged.csv.gz", &damaged, &Limits::default());
    check_rows(&got, 50, "corrupt deflate stream");
    assert_eq!(got.len(), 51, "{got:#?}");
    // Zero padding after the stream, as on a tape or a padded block device.
    let mut padded = gz.clone();
    padded.extend_from_slice(&[0; 4096]);
    let got = check("padded.csv.gz", &padded, &Limits::default());
    check_rows(&got, rows as usize - 1, "");
    assert_eq!(got.len(), rows as usize);
    // Two members (`cat a.gz b.gz`) are one stream, as for gzip.
    let mut two = gzip(a.as_bytes());
    two.extend_from_slice(&gzip(b.as_bytes()));
    let got = check("two.csv.gz", &two, &Limits::default());
    check_rows(&got, rows as usize - 1, "");
    assert_eq!(got.len(), rows as usize);
    // Other bytes after the stream: every row, then one failed item.
    let mut trailing = gz.clone();
    trailing.extend_from_slice(b"\0\0garbage");
    let got = check("trailing.csv.gz", &trailing, &Limits::default());
    check_rows(&got, rows as usize, "trailing garbage");
    // A text cable in a padded .gz is read too.
    let mut text = gzip(&cable());
    text.extend_from_slice(&[0; 512]);
    let got = check("cable.txt.gz", &text, &Limits::default());
    assert_lines(&got, &["0 RECORD - - - |"]);
}

/// `n` cables.csv rows (ids `09STATE1`…) whose fields hold newlines.
fn csv_rows(n: u64) -> String {
    (1..=n)
        .map(|i| {
            csv_row(
                i,
                &format!("09STATE{i}"),
                "P R 242158Z FEB 09\nFM SECSTATE WASHDC",
                &format!("UNCLAS\nSUBJECT: ROW {i}\n\n1. (U) Text.\n"),
            )
        })
        .collect()
}

/// The records' ids, texts and encodings, for comparisons.
fn id_text_encoding(items: &[Item]) -> Vec<(String, String, &'static str)> {
    records(items)
        .iter()
        .map(|r| {
            (
                r.meta.id.clone().unwrap_or_default(),
                r.text.clone(),
                r.encoding,
            )
        })
        .collect()
}

/// Issue #13 row 11: a cables.csv with lone-CR line ends (old Mac tools)
/// kept row 1 and silently dropped the rest (the file was one line). A
/// lone CR ends a line like LF and CRLF do, so every row is read, with its
/// fields' line ends as written.
#[test]
fn row11_lone_cr_line_ends_in_cables_csv() {
    let lf = csv_rows(20);
    let cr = lf.replace('\n', "\r");
    let dir = tempfile::tempdir().unwrap();
    for (name, csv) in [("lf.csv", &lf), ("cr.csv", &cr)] {
        write(&dir.path().join(name), csv.as_bytes());
    }
    let lf_items = collect(&dir.path().join("lf.csv"), &Limits::default());
    let cr_items = collect(&dir.path().join("cr.csv"), &Limits::default());
    assert_eq!(summary(&cr_items).len(), 20, "{:#?}", summary(&cr_items));
    // The fields' line ends as written; header and body joined by LF.
    let want: Vec<_> = id_text_encoding(&lf_items)
        .into_iter()
        .map(|(id, text, enc)| {
            let (header, body) = text.split_at(text.find("\nUNCLAS").unwrap());
            let body = body.get(1..).unwrap();
            let text = format!(
                "{}\n{}",
                header.replace('\n', "\r"),
                body.replace('\n', "\r")
            );
            (id, text, enc)
        })
        .collect();
    assert_eq!(id_text_encoding(&cr_items), want);
    // Row offsets count the same bytes.
    assert_eq!(summary(&cr_items), summary(&lf_items));
    // Mixed line ends and a lone CR inside a field.
    let mixed = lf.replacen("\n", "\r\n", 7).replacen("Text.", "Te\rxt.", 3);
    let got = check("mixed.csv", mixed.as_bytes(), &Limits::default());
    assert_eq!(got.len(), 20, "{got:#?}");
    assert!(got.iter().all(|l| l.contains(" RECORD ")), "{got:#?}");
}

/// Issue #13 row 12: a cables.csv with a header row, in UTF-16 (with or
/// without a byte-order mark), or whose first row number has more than 7
/// digits was read as one text: one bogus cable. Each is recognised as
/// the cables.csv it is: the header is one skipped item, UTF-16 is
/// transcoded as it streams (the records say which encoding), and a row
/// number may have any number of digits.
#[test]
fn row12_csv_dialects_beyond_the_first_line() {
    let csv = csv_rows(12);
    let plain = check("plain.csv", csv.as_bytes(), &Limits::default());
    assert_eq!(plain.len(), 12, "{plain:#?}");
    let dir = tempfile::tempdir().unwrap();
    let read = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        write(&path, bytes);
        collect(&path, &Limits::default())
    };
    let utf8 = id_text_encoding(&read("plain.csv", csv.as_bytes()));

    for header in [
        "id,date,reference,origin,classification,references,header,body\n",
        "\"\",\"Date\",\"RefID\",\"Origin\",\"Class\",\"Refs\",\"Header\",\"Body\"\r\n",
    ] {
        let items = read("header.csv", format!("{header}{csv}").as_bytes());
        let got = summary(&items);
        assert_eq!(got.len(), 13, "{got:#?}");
        assert!(
            got[0].starts_with("0 SKIPPED - - 0 | header row"),
            "{got:#?}"
        );
        assert!(got[1].starts_with("1 RECORD - 1 "), "{got:#?}");
        assert_eq!(id_text_encoding(&items), utf8);
    }

    let utf16 = |big_endian: bool, bom: bool| {
        let mut bytes = Vec::new();
        if bom {
            bytes.extend_from_slice(if big_endian { b"\xfe\xff" } else { b"\xff\xfe" });
        }
        for unit in csv.encode_utf16() {
            let b = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend_from_slice(&b);
        }
        bytes
    };
    for (big_endian, bom, name) in [
        (false, true, "UTF-16LE"),
        (false, false, "UTF-16LE"),
        (true, true, "UTF-16BE"),
        (true, false, "UTF-16BE"),
    ] {
        let items = read("utf16.csv", &utf16(big_endian, bom));
        let want: Vec<_> = utf8
            .iter()
            .map(|(i, t, _)| (i.clone(), t.clone(), name))
            .collect();
        assert_eq!(id_text_encoding(&items), want, "{name} bom {bom}");
        // Also as a member of an archive, and gzipped.
        let t = tar(&[("cables.csv", &utf16(big_endian, bom))]);
        let items = read("utf16.tar.gz", &gzip(&t));
        assert_eq!(
            id_text_encoding(&items),
            want,
            "{name} bom {bom} in .tar.gz"
        );
    }

    // Row numbers of any length (the first row or any other).
    let long = csv.replacen("\"1\",", "\"123456789012\",", 1).replacen(
        "\"7\",",
        "\"98765432109876543210\",",
        1,
    );
    let items = read("long.csv", long.as_bytes());
    assert_eq!(id_text_encoding(&items), utf8);
}

/// docs/robustness.md listed "members are sniffed from their first 64 KiB"
/// as a known gap: a member whose first telegram marker came later was
/// skipped as not a cable. Members are read whole before they are judged,
/// so the whole text counts.
#[test]
fn member_with_its_first_marker_after_64_kib_is_read() {
    let mut text = "PAGE HEADER LINE WITHOUT ANY MARKER\n"
        .repeat(2_000)
        .into_bytes();
    assert!(text.len() > 64 << 10);
    text.extend_from_slice(&cable());
    let got = check("late.tar", &tar(&[("late.txt", &text)]), &Limits::default());
    assert_lines(&got, &["0 RECORD late.txt"]);
    let prose = "no marker here\n".repeat(10_000);
    let got = check(
        "prose.tar",
        &tar(&[("prose.txt", prose.as_bytes())]),
        &Limits::default(),
    );
    assert_lines(&got, &["0 SKIPPED prose.txt - - | not a cable"]);
}

/// A zip of stored (uncompressed) members, so that a member's data holds
/// its bytes as they are.
fn zip_stored(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in members {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// The central directory entries of a zip without comment, as raw bytes.
fn central_entries(z: &[u8]) -> Vec<Vec<u8>> {
    let end = z.len() - 22;
    assert_eq!(&z[end..end + 4], b"PK\x05\x06");
    let count = u16::from_le_bytes([z[end + 10], z[end + 11]]);
    let mut at = u32::from_le_bytes(z[end + 16..end + 20].try_into().unwrap()) as usize;
    (0..count)
        .map(|_| {
            let len = |o: usize| u16::from_le_bytes([z[at + o], z[at + o + 1]]) as usize;
            let size = 46 + len(28) + len(30) + len(32);
            let e = z[at..at + size].to_vec();
            at += size;
            e
        })
        .collect()
}

/// A central directory entry like `entry`, named `name`, whose local header
/// is at `offset` (no extra field, no comment).
fn central_entry(entry: &[u8], name: &str, offset: u32) -> Vec<u8> {
    let mut e = entry[..46].to_vec();
    e[28..30].copy_from_slice(&(name.len() as u16).to_le_bytes());
    e[30..34].fill(0);
    e[42..46].copy_from_slice(&offset.to_le_bytes());
    e.extend_from_slice(name.as_bytes());
    e
}

/// `z` (a zip without comment) with its central directory replaced by `entries`.
fn with_directory(z: &[u8], entries: &[Vec<u8>]) -> Vec<u8> {
    let end = z.len() - 22;
    let start = u32::from_le_bytes(z[end + 16..end + 20].try_into().unwrap()) as usize;
    let mut out = z[..start].to_vec();
    let size: usize = entries.iter().map(Vec::len).sum();
    for e in entries {
        out.extend_from_slice(e);
    }
    let mut eocd = z[end..].to_vec();
    let n = (entries.len() as u16).to_le_bytes();
    eocd[8..10].copy_from_slice(&n);
    eocd[10..12].copy_from_slice(&n);
    eocd[12..16].copy_from_slice(&(size as u32).to_le_bytes());
    out.extend_from_slice(&eocd);
    out
}

/// Issue #13 row 3: a zip with two members of the same name gave only the
/// last, silently (the zip library's index is keyed by name). The central
/// directory is read here: every entry arrives, in directory order.
#[test]
fn row3_zip_members_with_the_same_name_are_all_read() {
    let cables = cables();
    let (a, b) = (&cables[0].1, &cables[1].1);
    let z = zip(&[("x/cable.txt", a), ("x/cable.tx2", b), ("other.txt", a)]);
    // Rename the second member to the first one's name, in its local header
    // and its directory entry.
    let mut z = z;
    let renamed: Vec<usize> = z
        .windows(11)
        .enumerate()
        .filter(|(_, w)| *w == b"x/cable.tx2")
        .map(|(i, _)| i)
        .collect();
    assert_eq!(renamed.len(), 2);
    for i in renamed {
        z[i..i + 11].copy_from_slice(b"x/cable.txt");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dup.zip");
    write(&path, &z);
    let items = collect(&path, &Limits::default());
    assert_lines(
        &summary(&items),
        &[
            "0 RECORD x/cable.txt",
            "1 RECORD x/cable.txt",
            "2 RECORD other.txt",
        ],
    );
    let recs = records(&items);
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    assert_eq!(recs[0].text, text(a));
    assert_eq!(recs[1].text, text(b));
    // As in a tar, and as a member of another archive.
    let outer = zip(&[("inner.zip", &z)]);
    let got = check("outer.zip", &outer, &Limits::default());
    assert_lines(
        &got,
        &[
            "0 RECORD inner.zip/x/cable.txt",
            "1 RECORD inner.zip/x/cable.txt",
            "2 RECORD inner.zip/other.txt",
        ],
    );
}

/// Issue #13 row 16 (part): overlapping zip entries (a 136 KB zip read as
/// 1.44 GB, "converted 10,000x"): many directory entries share one
/// member's compressed bytes, or one entry's local header lies inside
/// another's data. Entries whose bytes overlap are refused, each with a
/// reason naming the other; the others are read.
#[test]
fn row16_overlapping_zip_entries_are_refused() {
    let c = cable();
    let z = zip(&[("cable.txt", &c), ("after.txt", &c)]);
    let entries = central_entries(&z);
    // 2,000 entries pointing at the first member's local header.
    let mut many: Vec<Vec<u8>> = (0..2_000)
        .map(|i| central_entry(&entries[0], &format!("copy{i:04}.txt"), 0))
        .collect();
    many.push(entries[1].clone());
    let bomb = with_directory(&z, &many);
    let got = check("overlap.zip", &bomb, &Limits::default());
    assert_eq!(got.len(), 2_001, "{:#?}", &got[..3]);
    for line in &got[..2_000] {
        assert!(
            line.contains(" FAILED copy") && line.contains("overlap"),
            "{line}"
        );
    }
    assert!(
        got[2_000].starts_with("2000 RECORD after.txt"),
        "{}",
        got[2_000]
    );

    // A local header inside another member's (stored) data.
    let inner = zip_stored(&[("inner.txt", &c)]);
    let inner_entry = central_entries(&inner)[0].clone();
    let outer = zip_stored(&[("carrier.bin", &inner), ("after.txt", &c)]);
    let mut entries = central_entries(&outer);
    let carrier_data = 30 + "carrier.bin".len() as u32;
    entries.insert(1, central_entry(&inner_entry, "inner.txt", carrier_data));
    let got = check(
        "quoted.zip",
        &with_directory(&outer, &entries),
        &Limits::default(),
    );
    assert_lines(
        &got,
        &[
            "0 FAILED carrier.bin",
            "1 FAILED inner.txt",
            "2 RECORD after.txt",
        ],
    );
    assert!(
        got[0].contains("overlap those of member #2 \"inner.txt\""),
        "{got:#?}"
    );
    assert!(
        got[1].contains("overlap those of member #1 \"carrier.bin\""),
        "{got:#?}"
    );
    // The same archive without the planted entry reads normally (the
    // carrier is a zip: read as a nested archive).
    let got = check("plain.zip", &outer, &Limits::default());
    assert_lines(
        &got,
        &["0 RECORD carrier.bin/inner.txt", "1 RECORD after.txt"],
    );
}

/// Issue #13 row 16 (part): with `-o` inside an input directory, a run read
/// its own output. `Limits::exclude` names paths a directory walk skips
/// (one skipped item each, a directory not walked), matched by identity
/// whatever the spelling; the binary puts its output there.
#[test]
fn row16_output_inside_the_input_directory_is_excluded() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    write(&root.join("a.txt"), &cable());
    write(&root.join("out/md/09STATE1.txt"), &cable());
    write(&root.join("run.tar"), &tar(&[("b.txt", &cable())]));
    write(&root.join("z.txt"), &cable());
    let all = summary(&collect(&root, &Limits::default()));
    assert_lines(
        &all,
        &[
            "0 RECORD a.txt",
            "1 RECORD out/md/09STATE1.txt",
            "2 RECORD run.tar/b.txt",
            "3 RECORD z.txt",
        ],
    );
    let limits = Limits {
        // Another spelling of the directory, and a file.
        exclude: vec![
            root.join("out/../out/."),
            root.join("run.tar"),
            dir.path().join("absent"),
        ],
        ..Limits::default()
    };
    let got = summary(&collect(&root, &limits));
    assert_lines(
        &got,
        &[
            "0 RECORD a.txt",
            "1 SKIPPED out - - | excluded by the caller",
            "2 SKIPPED run.tar - - | excluded by the caller",
            "3 RECORD z.txt",
        ],
    );
}

/// The worker-stack harness over generated hostile inputs of up to 4 MiB
/// (deep nesting, unclosed tags, 500,000 attributes, deep BEGIN/END, a
/// 4 MiB line, a 3 MiB CSV row, nested archives, noise): each goes through
/// the archive readers, the parser and the four writers on a 2 MiB stack.
/// A stack overflow aborts the test binary. The `worker_stack` fuzz target
/// runs the same harness on any input.
#[test]
fn worker_stack_harness_over_hostile_inputs() {
    for (name, bytes) in harness::hostile_inputs() {
        let len = bytes.len();
        let t = std::time::Instant::now();
        let outcome = harness::run(bytes);
        #[allow(clippy::print_stderr)]
        {
            eprintln!(
                "{name}: {len} bytes, {outcome:?}, {:.2} s",
                t.elapsed().as_secs_f64()
            );
        }
        if !name.starts_with("noise") && !name.starts_with("gzip") {
            assert!(outcome.records >= 1, "{name}: {outcome:?}");
            assert!(outcome.written > 0, "{name}: {outcome:?}");
        }
    }
}

/// Where the local header and the directory entry of member `name` of `z`
/// start.
fn headers_of(z: &[u8], name: &str) -> (usize, usize) {
    let find = |magic: &[u8; 4], name_at: usize| {
        (0..z.len() - 4)
            .find(|&i| {
                &z[i..i + 4] == magic
                    && z.get(i + name_at..i + name_at + name.len()) == Some(name.as_bytes())
            })
            .unwrap()
    };
    (find(b"PK\x03\x04", 30), find(b"PK\x01\x02", 46))
}

/// The zip crate reads each member; each that cannot be read is one item
/// with its reason, and the members after it are read: a symlink is
/// skipped, a directory is no item, a damaged member (CRC-32), one
/// compressed with a method this build cannot inflate and an encrypted one
/// fail.
#[test]
fn zip_members_that_cannot_be_read_fail_one_by_one() {
    let c = cable();
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    w.add_directory("dir/", stored).unwrap();
    w.add_symlink("dir/link.txt", "../../etc/passwd", stored)
        .unwrap();
    for name in ["damaged.txt", "method.txt", "secret.txt", "after.txt"] {
        w.start_file(name, stored).unwrap();
        w.write_all(&c).unwrap();
    }
    let mut z = w.finish().unwrap().into_inner();
    let (local, _) = headers_of(&z, "damaged.txt");
    z[local + 30 + "damaged.txt".len() + 100] ^= 0x20;
    // Method 12 (bzip2), in both headers.
    let (local, central) = headers_of(&z, "method.txt");
    z[local + 8..local + 10].copy_from_slice(&12u16.to_le_bytes());
    z[central + 10..central + 12].copy_from_slice(&12u16.to_le_bytes());
    // The encryption flag, in both headers.
    let (local, central) = headers_of(&z, "secret.txt");
    z[local + 6] |= 1;
    z[central + 8] |= 1;
    let got = check("mixed.zip", &z, &Limits::default());
    assert_lines(
        &got,
        &[
            "0 SKIPPED dir/link.txt - - | symlink member (not followed)",
            "1 FAILED damaged.txt",
            "2 FAILED method.txt",
            "3 FAILED secret.txt",
            "4 RECORD after.txt",
        ],
    );
    assert!(got[1].contains("checksum"), "{got:#?}");
    assert!(
        got[2].contains("compression method") && got[2].contains("not supported"),
        "{got:#?}"
    );
    assert!(got[3].contains("encrypted member, not read"), "{got:#?}");
}

/// Zip64 entries (sizes and offsets in the zip64 extra field) are read
/// like any.
#[test]
fn zip64_entries_are_read() {
    let c = cable();
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let big = zip::write::SimpleFileOptions::default().large_file(true);
    for name in ["a.txt", "b.txt"] {
        w.start_file(name, big).unwrap();
        w.write_all(&c).unwrap();
    }
    let z = w.finish().unwrap().into_inner();
    let (_, central) = headers_of(&z, "b.txt");
    // The zip64 extended information field (id 1) is there.
    let extra = u16::from_le_bytes([z[central + 30], z[central + 31]]) as usize;
    let at = central + 46 + "b.txt".len();
    assert!(extra >= 4 && z[at..at + 2] == [1, 0], "no zip64 field");
    let got = check("zip64.zip", &z, &Limits::default());
    assert_lines(&got, &["0 RECORD a.txt", "1 RECORD b.txt"]);
}

/// A zip written by a streaming writer states its members' sizes after
/// their data (data descriptors): cut before its directory, the members
/// cannot be found from the local headers, and the archive fails saying
/// so (docs/robustness.md, known limits).
#[test]
fn truncated_streamed_zip_stops_at_its_first_data_descriptor() {
    let c = cable();
    let mut w = zip::ZipWriter::new_stream(Vec::new());
    for name in ["1.txt", "2.txt"] {
        w.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(&c).unwrap();
    }
    let z = w.finish().unwrap().into_inner();
    let (_, central) = headers_of(&z, "1.txt");
    let got = check("streamed.zip", &z[..central], &Limits::default());
    assert_lines(&got, &["0 FAILED - - - | "]);
    assert!(
        got[0].contains("0 member(s) read from their local headers")
            && got[0].contains("at offset 0"),
        "{got:#?}"
    );
}
