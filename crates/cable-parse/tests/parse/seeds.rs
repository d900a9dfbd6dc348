//! Explicit header values of the two seed cables.

use crate::shared;
use cable_model::{Declassify, Level, Precedence, ReferenceKind};
use std::path::Path;

fn seed(name: &str) -> cable_model::Cable {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata/seeds")
        .join(name);
    cable_parse::parse(&std::fs::read_to_string(p).expect("seed present"))
}

fn ids(c: &cable_model::Cable) -> Vec<String> {
    c.references
        .iter()
        .map(|r| r.id.as_ref().map(|i| i.to_string()).unwrap_or_default())
        .collect()
}

#[test]
fn seed_000() {
    let c = seed("000_78e12724ad72837c.txt");
    assert_eq!(c.id.as_ref().unwrap().as_str(), "09STATE17183");
    assert_eq!(
        c.classification.as_ref().unwrap().level,
        Some(Level::Confidential)
    );
    let r = &c.routing;
    assert_eq!(
        r.dtg.as_ref().unwrap().utc.unwrap().to_string(),
        "2009-02-24T21:58:00Z"
    );
    assert_eq!(r.precedence.unwrap().action, Precedence::Priority);
    assert_eq!(r.precedence.unwrap().info, Some(Precedence::Routine));
    assert_eq!(r.from.as_ref().unwrap().name, "SECSTATE WASHDC");
    let to: Vec<_> =
        r.to.iter()
            .map(|a| (a.name.as_str(), a.precedence))
            .collect();
    assert_eq!(
        to,
        [
            ("AMEMBASSY CANBERRA", Some(Precedence::Priority)),
            ("AMEMBASSY PARIS", Some(Precedence::Priority))
        ]
    );
    assert_eq!(
        r.info[0].name,
        "MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE"
    );
    assert_eq!(c.handling, ["PARIS FOR POL"]);
    assert_eq!(
        c.executive_order.as_ref().unwrap().number.as_deref(),
        Some("12958")
    );
    assert!(matches!(c.declassify, Some(Declassify::Date(d)) if d.to_string() == "2009-02-28"));
    let tags: Vec<_> = c.tags.iter().map(|t| t.as_str()).collect();
    assert_eq!(tags, ["MTCRE", "PARM", "MNUC", "KSCA", "TSPA", "ETTC"]);
    let s = c.subject.as_ref().unwrap();
    assert_eq!(
        s.text,
        "MISSILE TECHNOLOGY CONTROL REGIME (MTCR): RESPONDING TO THE CHAIR'S REQUEST FOR VIEWS ON INFORMAL BRAINSTORMING SESSION"
    );
    assert_eq!(s.marking.as_ref().unwrap().level, Some(Level::Confidential));
    assert_eq!(
        ids(&c),
        ["09STATE4690", "08STATE129729", "09STATE11102", ""]
    );
    assert_eq!(c.references[3].kind, ReferenceKind::Document);
    assert_eq!(c.references[3].text, "2009 MTCR POC DOC 008");
    assert_eq!(
        c.classified_by.as_ref().unwrap().name.as_deref(),
        Some("Pam Durham")
    );
    let reasons: Vec<_> = c.reasons.iter().map(|r| r.as_str()).collect();
    assert_eq!(reasons, ["1.4(b)", "1.4(d)"]);
}

#[test]
fn seed_001() {
    let c = seed("001_d7a67a22ead94fd7.txt");
    assert_eq!(c.id.as_ref().unwrap().as_str(), "08STATE109154");
    assert_eq!(
        c.classification.as_ref().unwrap().level,
        Some(Level::Confidential)
    );
    assert_eq!(
        c.routing.dtg.as_ref().unwrap().utc.unwrap().to_string(),
        "2008-10-10T20:30:00Z"
    );
    assert_eq!(c.routing.to[0].name, "AMEMBASSY PARIS");
    assert_eq!(c.routing.to[0].precedence, Some(Precedence::Priority));
    assert_eq!(c.handling, ["PARIS FOR EST:H.SMITH"]);
    assert!(matches!(c.declassify, Some(Declassify::Date(d)) if d.to_string() == "2033-10-31"));
    let tags: Vec<_> = c.tags.iter().map(|t| t.as_str()).collect();
    assert_eq!(
        tags,
        [
            "MTCRE", "PARM", "PREL", "MNUC", "KSCA", "TSPA", "ETTC", "FR"
        ]
    );
    assert_eq!(
        c.subject.as_ref().unwrap().text,
        "MISSILE TECHNOLOGY CONTROL REGIME (MTCR): GUIDANCE FOR THE OCTOBER 16, 2008 POC MEETING"
    );
    assert_eq!(c.references[0].kind, ReferenceKind::Email);
    assert_eq!(c.references[0].text, "SMITH-DURHAM E MAIL OF 10-08-08");
    assert_eq!(
        ids(&c)[1..],
        [
            "08STATE95573",
            "08STATE106288",
            "08STATE106631",
            "08STATE107020",
            "08STATE104882",
            "08STATE105029",
            "08STATE105103",
            "08STATE105132",
            "08STATE105464",
            "08STATE88861"
        ]
    );
    assert_eq!(
        c.classified_by.as_ref().unwrap().name.as_deref(),
        Some("Pam Durham")
    );
}

/// The alx-txt scrape starts each file with a 5-line preamble (id, title,
/// date, classification, origin). `cable-archive` moves it into the
/// container metadata, so the header phase sees the telegram from its first
/// line: every alx-txt cable must get the id of its file name, a DTG and a
/// subject, and no preamble line may end up as header debris or handling.
#[test]
#[allow(clippy::print_stderr, reason = "the skip notice")]
fn alx_txt_preamble_is_container_metadata() {
    let dir = shared::shared("corpus/alx-txt");
    if !dir.is_dir() {
        eprintln!("SKIP: no alx-txt corpus at {}", dir.display());
        return;
    }
    let records = cable_archive::open(&dir, &cable_archive::Limits::default())
        .unwrap_or_else(|e| panic!("cannot open {}: {e}", dir.display()));
    let mut seen = 0;
    records.for_each(|item| {
        let cable_archive::Item::Record(r) = item else {
            return true;
        };
        seen += 1;
        let c = cable_parse::parse_with(&r.text, &r.meta);
        let want = r
            .meta
            .id
            .clone()
            .expect("the preamble's id is container metadata");
        assert_eq!(
            c.id.as_ref().map(ToString::to_string).as_deref(),
            Some(want.as_str()),
            "{:?}",
            r.provenance
        );
        if r.text.trim().is_empty() {
            // 01STATE176819: the scrape holds only the preamble.
            return true;
        }
        let partial = c
            .diagnostics
            .iter()
            .any(|d| d.code == cable_model::Code::PartialRecord);
        assert!(partial || c.routing.dtg.is_some(), "{want}: no DTG");
        let has_subject = r
            .text
            .lines()
            .any(|l| l.trim_start().to_ascii_uppercase().starts_with("SUBJECT"));
        assert!(!has_subject || c.subject.is_some(), "{want}: no subject");
        assert!(
            !c.diagnostics
                .iter()
                .any(|d| d.code == cable_model::Code::ExportDebris),
            "{want}: preamble lines left in the text"
        );
        let first = r.text.lines().next().unwrap_or("").trim();
        assert_ne!(first, want, "{want}: the preamble was left in the text");
        assert!(
            !c.handling
                .iter()
                .any(|h| r.meta.origin.as_deref() == Some(h.as_str())),
            "{want}: the preamble's origin line read as a handling line"
        );
        true
    });
    assert!(seen >= 10, "only {seen} alx-txt records read");
}

/// Regression: when a rendering collapsed the header onto one line and the
/// body starts inside it (`REASON: 1.4 (b) 1. (C) Summary: ...`), the first
/// paragraph used to be consumed with the header line and lost.
#[test]
fn collapsed_line_body_start_is_not_lost() {
    let text = "E.O. 12958: DECL: 01/07/2014 TAGS: PREL, PGOV SUBJECT: A VISIT \
                Classified By: Ambassador John Doe. REASON: 1.4 (b) 1. (C) Summary: The \
                minister agreed.\nHe also said more. End Summary.\n\n2. (C) Details.\n";
    let c = cable_parse::parse(text);
    assert_eq!(c.subject.as_ref().map(|s| s.text.as_str()), Some("A VISIT"));
    assert_eq!(
        c.summary().as_deref(),
        Some("The minister agreed. He also said more.")
    );
    let first = match c.body.first() {
        Some(cable_model::Block::Paragraph(p)) => p,
        other => panic!("first block is not paragraph 1: {other:?}"),
    };
    assert_eq!(first.label.as_ref().map(|l| l.raw.as_str()), Some("1"));
    assert_eq!(first.marking.as_ref().map(|m| m.raw.as_str()), Some("C"));
}
