//! Explicit header values of the two seed cables.

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
