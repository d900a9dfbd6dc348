//! The vocabulary: every element and attribute name of the
//! `urn:cablekit:cable:1` format, and the tokens model enums are written
//! as. Nothing else in the crate spells a name; `docs/cable.xsd` declares
//! exactly these (a test checks that every token below is in the schema).
//!
//! Names are part of the output contract: an existing name never changes
//! within a schema version.

use cable_model::{
    Caveat, ContainerKind, HeadingStyle, Level, NoteKind, Precedence, ReferenceKind, Severity,
    TagKind,
};

/// The namespace of every element.
pub(crate) const NAMESPACE: &str = "urn:cablekit:cable:1";
/// The value of the `version` attribute of `<cable>` and `<cables>`.
pub(crate) const VERSION: &str = "1";

/// Element names.
pub(crate) mod el {
    pub(crate) const CABLES: &str = "cables";
    pub(crate) const CABLE: &str = "cable";
    pub(crate) const ID: &str = "id";
    pub(crate) const SECTION: &str = "section";
    pub(crate) const CLASSIFICATION: &str = "classification";
    pub(crate) const CAVEAT: &str = "caveat";
    pub(crate) const BANNER: &str = "banner";
    pub(crate) const ROUTING: &str = "routing";
    pub(crate) const PRECEDENCE: &str = "precedence";
    pub(crate) const DTG: &str = "dtg";
    pub(crate) const SIGNAL: &str = "signal";
    pub(crate) const FROM: &str = "from";
    pub(crate) const TO: &str = "to";
    pub(crate) const INFO: &str = "info";
    pub(crate) const EXCLUDED: &str = "excluded";
    pub(crate) const TRANSMISSION: &str = "transmission";
    pub(crate) const HANDLING: &str = "handling";
    pub(crate) const LINE: &str = "line";
    pub(crate) const EXECUTIVE_ORDER: &str = "executive-order";
    pub(crate) const DECLASSIFY: &str = "declassify";
    pub(crate) const TAGS: &str = "tags";
    pub(crate) const TAG: &str = "tag";
    pub(crate) const SUBJECT: &str = "subject";
    pub(crate) const TEXT: &str = "text";
    pub(crate) const TITLE: &str = "title";
    pub(crate) const MARKING: &str = "marking";
    pub(crate) const REFERENCES: &str = "references";
    pub(crate) const REFERENCE: &str = "reference";
    pub(crate) const CLASSIFIED_BY: &str = "classified-by";
    pub(crate) const NAME: &str = "name";
    pub(crate) const REASONS: &str = "reasons";
    pub(crate) const REASON: &str = "reason";
    pub(crate) const BODY: &str = "body";
    pub(crate) const PARAGRAPH: &str = "paragraph";
    pub(crate) const PROSE: &str = "prose";
    pub(crate) const LIST: &str = "list";
    pub(crate) const ITEM: &str = "item";
    pub(crate) const HEADING: &str = "heading";
    pub(crate) const NOTE: &str = "note";
    pub(crate) const SIGNER: &str = "signer";
    pub(crate) const TRAILER: &str = "trailer";
    pub(crate) const CONTAINER: &str = "container";
    pub(crate) const DATE: &str = "date";
    pub(crate) const ORIGIN: &str = "origin";
    pub(crate) const RELEASED: &str = "released";
    pub(crate) const DIAGNOSTICS: &str = "diagnostics";
    pub(crate) const DIAGNOSTIC: &str = "diagnostic";
}

/// Attribute names (unqualified, as usual for attributes).
pub(crate) mod at {
    pub(crate) const XMLNS: &str = "xmlns";
    pub(crate) const VERSION: &str = "version";
    pub(crate) const YEAR: &str = "year";
    pub(crate) const STATION: &str = "station";
    pub(crate) const SERIAL: &str = "serial";
    pub(crate) const NUMBER: &str = "number";
    pub(crate) const TOTAL: &str = "total";
    pub(crate) const LEVEL: &str = "level";
    pub(crate) const RAW: &str = "raw";
    pub(crate) const KIND: &str = "kind";
    pub(crate) const TO: &str = "to";
    pub(crate) const ACTION: &str = "action";
    pub(crate) const INFO: &str = "info";
    pub(crate) const UTC: &str = "utc";
    pub(crate) const ROUTE: &str = "route";
    pub(crate) const PRECEDENCE: &str = "precedence";
    pub(crate) const NIACT: &str = "niact";
    pub(crate) const ID: &str = "id";
    pub(crate) const RELAY: &str = "relay";
    pub(crate) const SECTION: &str = "section";
    pub(crate) const FILED: &str = "filed";
    pub(crate) const SECURITY: &str = "security";
    pub(crate) const DATE: &str = "date";
    pub(crate) const LABEL: &str = "label";
    pub(crate) const N: &str = "n";
    pub(crate) const MARKING: &str = "marking";
    pub(crate) const MARKER: &str = "marker";
    pub(crate) const STYLE: &str = "style";
    pub(crate) const TITLE: &str = "title";
    pub(crate) const CLOSED: &str = "closed";
    pub(crate) const CODE: &str = "code";
    pub(crate) const SEVERITY: &str = "severity";
    pub(crate) const LINE: &str = "line";
}

/// `true` / `false` as `xs:boolean` writes them.
pub(crate) fn boolean(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}

/// `level` attribute: `C O N F I D E N T I A L` gives `confidential`.
pub(crate) fn level(l: Level) -> &'static str {
    match l {
        Level::Unclassified => "unclassified",
        Level::LimitedOfficialUse => "limited-official-use",
        Level::Confidential => "confidential",
        Level::Secret => "secret",
        Level::TopSecret => "top-secret",
        // A level added to the model after this vocabulary: schema-invalid
        // until the schema learns it (the testdata validation test says so).
        _ => "unknown",
    }
}

/// `kind` attribute of `<caveat>`: `SECRET//NOFORN` gives `noforn`.
pub(crate) fn caveat(c: &Caveat) -> &'static str {
    match c {
        Caveat::Noforn => "noforn",
        Caveat::Sipdis => "sipdis",
        Caveat::Exdis => "exdis",
        Caveat::Nodis => "nodis",
        Caveat::Limdis => "limdis",
        Caveat::Sbu => "sbu",
        Caveat::Fouo => "fouo",
        Caveat::Orcon => "orcon",
        Caveat::Rel(_) => "rel",
        _ => "other",
    }
}

/// Precedence attributes: `P R` gives `priority`, `routine`.
pub(crate) fn precedence(p: Precedence) -> &'static str {
    match p {
        Precedence::Routine => "routine",
        Precedence::Priority => "priority",
        Precedence::Immediate => "immediate",
        Precedence::Flash => "flash",
        _ => "unknown",
    }
}

/// `kind` attribute of `<tag>`: `PREL` gives `subject`, `FR` gives `geo`.
pub(crate) fn tag_kind(k: TagKind) -> &'static str {
    match k {
        TagKind::Geo => "geo",
        TagKind::Subject => "subject",
        TagKind::Program => "program",
        TagKind::Person => "person",
        TagKind::Organisation => "organisation",
        _ => "unknown",
    }
}

/// `kind` attribute of `<reference>`: `A. STATE 4690` gives `cable`.
pub(crate) fn reference_kind(k: ReferenceKind) -> &'static str {
    match k {
        ReferenceKind::Cable => "cable",
        ReferenceKind::Email => "email",
        ReferenceKind::Telcon => "telcon",
        ReferenceKind::Memo => "memo",
        ReferenceKind::Document => "document",
        _ => "other",
    }
}

/// `style` attribute of `<heading>`: `---- SUMMARY ----` gives `dashed`.
pub(crate) fn heading_style(s: HeadingStyle) -> &'static str {
    match s {
        HeadingStyle::Dashed => "dashed",
        HeadingStyle::Underlined => "underlined",
        HeadingStyle::Slashes => "slashes",
        HeadingStyle::Line => "line",
        _ => "unknown",
    }
}

/// `kind` attribute of `<note>`: `SUMMARY: … END SUMMARY` gives `summary`.
pub(crate) fn note_kind(k: NoteKind) -> &'static str {
    match k {
        NoteKind::Note => "note",
        NoteKind::Summary => "summary",
        NoteKind::Comment => "comment",
        NoteKind::Begin => "begin",
        _ => "unknown",
    }
}

/// `kind` attribute of `<container>`: a `cables.csv` row gives `cables-csv`.
pub(crate) fn container_kind(k: ContainerKind) -> &'static str {
    match k {
        ContainerKind::Text => "text",
        ContainerKind::CablesCsv => "cables-csv",
        ContainerKind::CablegateHtml => "cablegate-html",
        _ => "unknown",
    }
}

/// `severity` attribute of `<diagnostic>`.
pub(crate) fn severity(s: Severity) -> &'static str {
    s.name()
}

#[cfg(test)]
mod tests {
    //! Every token the writer can produce for a known model value is
    //! declared in `docs/cable.xsd`, and every name used here appears there.

    use super::*;
    use cable_model::{Code, LabelValue};

    fn xsd() -> String {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/cable.xsd");
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    #[track_caller]
    fn check_enumerated(xsd: &str, tokens: &[&str]) {
        for t in tokens {
            assert!(
                xsd.contains(&format!("<xs:enumeration value=\"{t}\"/>")),
                "token {t:?} is not enumerated in docs/cable.xsd"
            );
        }
    }

    #[test]
    fn tokens_are_in_the_schema() {
        let xsd = xsd();
        let levels = [
            Level::Unclassified,
            Level::LimitedOfficialUse,
            Level::Confidential,
            Level::Secret,
            Level::TopSecret,
        ];
        check_enumerated(&xsd, &levels.map(level));
        let caveats = [
            Caveat::Noforn,
            Caveat::Sipdis,
            Caveat::Exdis,
            Caveat::Nodis,
            Caveat::Limdis,
            Caveat::Sbu,
            Caveat::Fouo,
            Caveat::Orcon,
            Caveat::Rel("MTCR".into()),
            Caveat::Other("STADIS".into()),
        ];
        check_enumerated(&xsd, &caveats.each_ref().map(caveat));
        let precedences = [
            Precedence::Routine,
            Precedence::Priority,
            Precedence::Immediate,
            Precedence::Flash,
        ];
        check_enumerated(&xsd, &precedences.map(precedence));
        let tag_kinds = [
            TagKind::Geo,
            TagKind::Subject,
            TagKind::Program,
            TagKind::Person,
            TagKind::Organisation,
            TagKind::Unknown,
        ];
        check_enumerated(&xsd, &tag_kinds.map(tag_kind));
        let reference_kinds = [
            ReferenceKind::Cable,
            ReferenceKind::Email,
            ReferenceKind::Telcon,
            ReferenceKind::Memo,
            ReferenceKind::Document,
            ReferenceKind::Other,
        ];
        check_enumerated(&xsd, &reference_kinds.map(reference_kind));
        let styles = [
            HeadingStyle::Dashed,
            HeadingStyle::Underlined,
            HeadingStyle::Slashes,
            HeadingStyle::Line,
        ];
        check_enumerated(&xsd, &styles.map(heading_style));
        let notes = [
            NoteKind::Note,
            NoteKind::Summary,
            NoteKind::Comment,
            NoteKind::Begin,
        ];
        check_enumerated(&xsd, &notes.map(note_kind));
        let containers = [
            ContainerKind::Text,
            ContainerKind::CablesCsv,
            ContainerKind::CablegateHtml,
        ];
        check_enumerated(&xsd, &containers.map(container_kind));
        let severities = [Severity::Info, Severity::Warning, Severity::Error];
        check_enumerated(&xsd, &severities.map(severity));
        // Diagnostic codes are a pattern in the schema, not an enumeration
        // (the parser adds codes); they must match it.
        for c in Code::ALL {
            let name = c.name();
            assert!(
                name.split('-')
                    .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())),
                "code {name:?} does not match the diagnostic-code pattern"
            );
        }
        // Labels are written with Display; both shapes are plain tokens.
        assert_eq!(LabelValue::Letter('B').to_string(), "B");
    }

    #[test]
    fn names_are_declared_in_the_schema() {
        let xsd = xsd();
        let elements = [
            el::CABLES,
            el::CABLE,
            el::ID,
            el::SECTION,
            el::CLASSIFICATION,
            el::CAVEAT,
            el::BANNER,
            el::ROUTING,
            el::PRECEDENCE,
            el::DTG,
            el::SIGNAL,
            el::FROM,
            el::TO,
            el::INFO,
            el::TRANSMISSION,
            el::HANDLING,
            el::LINE,
            el::EXECUTIVE_ORDER,
            el::DECLASSIFY,
            el::TAGS,
            el::TAG,
            el::SUBJECT,
            el::TEXT,
            el::TITLE,
            el::MARKING,
            el::REFERENCES,
            el::REFERENCE,
            el::CLASSIFIED_BY,
            el::NAME,
            el::REASONS,
            el::REASON,
            el::BODY,
            el::PARAGRAPH,
            el::PROSE,
            el::LIST,
            el::ITEM,
            el::HEADING,
            el::NOTE,
            el::SIGNER,
            el::TRAILER,
            el::CONTAINER,
            el::DATE,
            el::ORIGIN,
            el::RELEASED,
            el::DIAGNOSTICS,
            el::DIAGNOSTIC,
        ];
        for e in elements {
            assert!(
                xsd.contains(&format!("<xs:element name=\"{e}\"")),
                "element {e:?} is not declared in docs/cable.xsd"
            );
        }
        let attributes = [
            at::VERSION,
            at::YEAR,
            at::STATION,
            at::SERIAL,
            at::NUMBER,
            at::TOTAL,
            at::LEVEL,
            at::RAW,
            at::KIND,
            at::TO,
            at::ACTION,
            at::INFO,
            at::UTC,
            at::ROUTE,
            at::PRECEDENCE,
            at::NIACT,
            at::ID,
            at::RELAY,
            at::SECTION,
            at::FILED,
            at::SECURITY,
            at::DATE,
            at::LABEL,
            at::N,
            at::MARKING,
            at::MARKER,
            at::STYLE,
            at::TITLE,
            at::CLOSED,
            at::CODE,
            at::SEVERITY,
            at::LINE,
        ];
        for a in attributes {
            assert!(
                xsd.contains(&format!("<xs:attribute name=\"{a}\"")),
                "attribute {a:?} is not declared in docs/cable.xsd"
            );
        }
        assert!(xsd.contains(&format!("targetNamespace=\"{NAMESPACE}\"")));
        assert!(xsd.contains(&format!("fixed=\"{VERSION}\"")));
    }
}
