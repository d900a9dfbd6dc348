//! Every container kind, built on the fly from the testdata cables: each
//! record arrives once, in a deterministic order, with its provenance.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stderr)]

use crate::support::*;
use cable_archive::{Item, Kind, Limits};
use cable_model::ContainerKind;

/// Checks that `items` are exactly the test cables, in `cables()` order,
/// under member names `prefix + name` (or no member when `prefix` is None).
fn check(items: &[Item], prefix: Option<&str>) {
    let recs = records(items);
    let cables = cables();
    assert_eq!(recs.len(), items.len(), "{:#?}", summary(items));
    assert_eq!(recs.len(), cables.len(), "{:#?}", summary(items));
    for (r, (name, bytes)) in recs.iter().zip(&cables) {
        let want = prefix.map(|p| format!("{p}{name}"));
        assert_eq!(r.provenance.member, want);
        assert_eq!(r.text, String::from_utf8_lossy(bytes), "{name}");
        assert_eq!(
            (r.encoding, r.had_decoding_errors, r.kind),
            ("UTF-8", false, Kind::Text)
        );
    }
}

fn members() -> Vec<(String, Vec<u8>)> {
    cables()
        .into_iter()
        .map(|(n, b)| (format!("cables/{n}"), b))
        .collect()
}

fn refs(m: &[(String, Vec<u8>)]) -> Vec<(&str, &[u8])> {
    m.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect()
}

#[test]
fn single_text_file() {
    let dir = tempfile::tempdir().unwrap();
    let (name, bytes) = &cables()[0];
    let path = dir.path().join(name);
    write(&path, bytes);
    let items = collect(&path, &Limits::default());
    let recs = records(&items);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0].text, String::from_utf8_lossy(bytes));
    assert_eq!(recs[0].provenance.input, path);
    assert_eq!(recs[0].provenance.member, None);
    assert_eq!(recs[0].meta.kind, ContainerKind::Text);
}

#[test]
fn stream_like_stdin() {
    let (_, bytes) = &cables()[1];
    let items = items(cable_archive::open_reader(
        std::path::Path::new("-"),
        std::io::Cursor::new(bytes.clone()),
        &Limits::default(),
    ));
    let recs = records(&items);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0].text, String::from_utf8_lossy(bytes));
    assert_eq!(recs[0].provenance.input, std::path::Path::new("-"));
}

#[test]
fn directory_tree_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    // Written in reverse order: the walk must sort.
    for (name, bytes) in cables().iter().rev() {
        write(&dir.path().join("tree/cables").join(name), bytes);
    }
    write(&dir.path().join("tree/NOTES.md"), b"# notes\n");
    write(&dir.path().join("tree/.hidden/x.txt"), b"x");
    let items = collect(&dir.path().join("tree"), &Limits::default());
    let (skipped, rest): (Vec<Item>, Vec<Item>) = items
        .into_iter()
        .partition(|i| matches!(i, Item::Skipped(_)));
    let s = summary(&skipped);
    assert_eq!(s.len(), 2, "{s:#?}");
    assert!(s[0].contains(".hidden - - | hidden directory"), "{s:#?}");
    assert!(
        s[1].contains("NOTES.md - - | not a cable (Markdown file)"),
        "{s:#?}"
    );
    let recs: Vec<_> = rest
        .iter()
        .filter_map(|i| {
            if let Item::Record(r) = i {
                Some(r)
            } else {
                None
            }
        })
        .collect();
    assert_eq!(recs.len(), cables().len());
    for (r, (name, bytes)) in recs.iter().zip(cables()) {
        assert_eq!(
            r.provenance.member.as_deref(),
            Some(format!("cables/{name}").as_str())
        );
        assert_eq!(r.text, String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn archives() {
    let m = members();
    let plain_tar = tar(&refs(&m));
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("a.tar", plain_tar.clone()),
        ("a.tar.gz", gzip(&plain_tar)),
        ("a.tgz.bin", gzip(&plain_tar)), // detected by content, not name
        ("a.zip", zip(&refs(&m))),
        ("a.7z", sevenz(&refs(&m))),
    ];
    for (name, bytes) in cases {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        write(&path, &bytes);
        let items = collect(&path, &Limits::default());
        check(&items, Some("cables/"));
        // Deterministic: a second read gives the same items.
        assert_eq!(
            summary(&items),
            summary(&collect(&path, &Limits::default())),
            "{name}"
        );
        let records = cable_archive::open(&path, &Limits::default()).unwrap();
        assert_eq!(records.bytes_total(), Some(bytes.len() as u64));
    }
}

#[test]
fn plain_gzip_file() {
    let dir = tempfile::tempdir().unwrap();
    let (_, bytes) = &cables()[0];
    let path = dir.path().join("cable.txt.gz");
    write(&path, &gzip(bytes));
    let items = collect(&path, &Limits::default());
    let recs = records(&items);
    assert_eq!(recs.len(), 1, "{:#?}", summary(&items));
    assert_eq!(recs[0].text, String::from_utf8_lossy(bytes));
}

fn cables_csv() -> (String, Vec<(u64, String)>) {
    let mut csv = String::new();
    let mut expected = Vec::new();
    for (i, (_, bytes)) in cables().iter().enumerate() {
        let text = String::from_utf8(bytes.clone()).unwrap();
        let (header, body) = split_text(&text);
        expected.push((csv.len() as u64, text.clone()));
        csv.push_str(&csv_row(
            i as u64 + 1,
            &format!("09STATE{}", i + 1),
            &header,
            &body,
        ));
    }
    (csv, expected)
}

#[test]
fn cables_csv_rows() {
    let (csv, expected) = cables_csv();
    for crlf in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cables.csv");
        let data = if crlf {
            csv.replace("\"\n\"", "\"\r\n\"")
        } else {
            csv.clone()
        };
        write(&path, data.as_bytes());
        let items = collect(&path, &Limits::default());
        let recs = records(&items);
        assert_eq!(recs.len(), expected.len(), "{:#?}", summary(&items));
        for (i, (r, (offset, text))) in recs.iter().zip(&expected).enumerate() {
            assert_eq!(r.provenance.row, Some(i as u64 + 1));
            if !crlf {
                assert_eq!(r.provenance.offset, Some(*offset));
            }
            assert_eq!(&r.text, text);
            assert_eq!(r.kind, Kind::CablesCsv);
            assert_eq!(r.meta.kind, ContainerKind::CablesCsv);
            assert_eq!(
                r.meta.id.as_deref(),
                Some(format!("09STATE{}", i + 1).as_str())
            );
            assert_eq!(r.meta.origin.as_deref(), Some("Embassy Tehran"));
            assert_eq!(r.meta.classification.as_deref(), Some("UNCLASSIFIED"));
            assert_eq!(r.meta.references, ["72MOSCOW1603", "72TEHRAN1091"]);
            assert_eq!(
                r.meta.date.unwrap().to_string(),
                format!("1972-02-25T09:{:02}:00Z", (i + 1) % 60)
            );
        }
    }
}

#[test]
fn for_each_stops_when_the_visitor_says_so() {
    let (csv, expected) = cables_csv();
    assert!(expected.len() >= 2);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cables.csv");
    write(&path, csv.repeat(3).as_bytes());
    let records = cable_archive::open(&path, &Limits::default()).unwrap();
    let meter = records.meter();
    let mut seen = Vec::new();
    records.for_each(|item| {
        seen.push(item.seq());
        seen.len() < 2
    });
    assert_eq!(seen, [0, 1]);
    assert!(meter.bytes_read() > 0);
}

#[test]
fn nested_csv_in_7z_and_html_in_tar_gz() {
    let (csv, expected) = cables_csv();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cables.7z");
    write(&path, &sevenz(&[("cables.csv", csv.as_bytes())]));
    let items = collect(&path, &Limits::default());
    let recs = records(&items);
    assert_eq!(recs.len(), expected.len(), "{:#?}", summary(&items));
    for (r, (offset, text)) in recs.iter().zip(&expected) {
        assert_eq!(r.provenance.member.as_deref(), Some("cables.csv"));
        assert_eq!(r.provenance.offset, Some(*offset));
        assert_eq!(&r.text, text);
    }

    let pages: Vec<(String, Vec<u8>)> = cables()
        .iter()
        .enumerate()
        .map(|(i, (name, b))| {
            let text = String::from_utf8(b.clone()).unwrap();
            (
                format!("cable/{name}.html"),
                html_page(&format!("09STATE{i}"), &text).into_bytes(),
            )
        })
        .collect();
    let path = dir.path().join("site.tar.gz");
    write(&path, &gzip(&tar(&refs(&pages))));
    let items = collect(&path, &Limits::default());
    let recs = records(&items);
    assert_eq!(recs.len(), pages.len(), "{:#?}", summary(&items));
    for (i, (r, (name, bytes))) in recs.iter().zip(cables()).enumerate() {
        assert_eq!(
            r.provenance.member.as_deref(),
            Some(format!("cable/{name}.html").as_str())
        );
        assert_eq!(r.kind, Kind::Html);
        assert_eq!(r.meta.kind, ContainerKind::CablegateHtml);
        assert_eq!(r.meta.id.as_deref(), Some(format!("09STATE{i}").as_str()));
        assert_eq!(r.meta.date_raw.as_deref(), Some("2009-02-24 21:09"));
        assert_eq!(r.meta.released.as_deref(), Some("2010-11-28 18:06"));
        assert_eq!(r.meta.origin.as_deref(), Some("Secretary of State"));
        assert_eq!(r.meta.classification.as_deref(), Some("CONFIDENTIAL"));
        assert!(
            r.notes.iter().any(|n| n.contains("minutes bug")),
            "{:?}",
            r.notes
        );
        assert_eq!(r.text, String::from_utf8_lossy(&bytes), "{name}");
    }
}

#[test]
fn encodings_are_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let cp1252 = b"UNCLAS\r\n\xb61. (U) Charg\xe9 d'Affaires\r\n".to_vec();
    let mut utf16 = vec![0xff, 0xfe];
    for u in "UNCLAS\n\u{b6}1. (U) Text\n".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let mut broken = b"UNCLAS \xc2\xb6 \xc2\xb6 ".to_vec();
    broken.push(0xff);
    for (name, bytes, text, enc, errs) in [
        (
            "cp1252.txt",
            cp1252,
            "UNCLAS\r\n\u{b6}1. (U) Charg\u{e9} d'Affaires\r\n",
            "windows-1252",
            false,
        ),
        (
            "utf16.txt",
            utf16,
            "UNCLAS\n\u{b6}1. (U) Text\n",
            "UTF-16LE",
            false,
        ),
        (
            "broken.txt",
            broken,
            "UNCLAS \u{b6} \u{b6} \u{fffd}",
            "UTF-8",
            true,
        ),
    ] {
        let path = dir.path().join(name);
        write(&path, &bytes);
        let items = collect(&path, &Limits::default());
        let recs = records(&items);
        assert_eq!(recs.len(), 1, "{name}");
        assert_eq!(
            (
                recs[0].text.as_str(),
                recs[0].encoding,
                recs[0].had_decoding_errors
            ),
            (text, enc, errs),
            "{name}"
        );
    }
}

#[test]
fn alx_txt_preamble_goes_to_meta() {
    let dir = tempfile::tempdir().unwrap();
    let (_, bytes) = &cables()[0];
    let mut file = b"09STATE17183\nMISSILE TECHNOLOGY CONTROL REGIME\nTue Feb 24 21:58:00 +0100 2009\nCONFIDENTIAL\nSecretary of State\n".to_vec();
    file.extend_from_slice(bytes);
    let path = dir.path().join("09STATE17183.txt");
    write(&path, &file);
    let items = collect(&path, &Limits::default());
    let recs = records(&items);
    assert_eq!(recs[0].text, String::from_utf8_lossy(bytes));
    assert_eq!(recs[0].meta.id.as_deref(), Some("09STATE17183"));
    assert_eq!(recs[0].meta.origin.as_deref(), Some("Secretary of State"));
    assert_eq!(recs[0].meta.classification.as_deref(), Some("CONFIDENTIAL"));
    assert_eq!(
        recs[0].meta.date.unwrap().to_string(),
        "2009-02-24T21:58:00Z"
    );
}

#[test]
fn named_pipe_input_is_read_as_a_stream() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("SKIP: mkfifo not available");
        return;
    }
    let (_, bytes) = cables()[0].clone();
    let writer_path = fifo.clone();
    let expected = bytes.clone();
    let writer = std::thread::spawn(move || std::fs::write(writer_path, gzip(&bytes)).unwrap());
    let items = collect(&fifo, &Limits::default());
    writer.join().unwrap();
    let recs = records(&items);
    assert_eq!(recs.len(), 1, "{:#?}", summary(&items));
    assert_eq!(recs[0].text, String::from_utf8_lossy(&expected));
}
