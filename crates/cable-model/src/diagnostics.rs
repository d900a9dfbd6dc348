//! What the parser noticed: stable codes, severities and lines.

use std::fmt;

/// How much a diagnostic matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Something was cleaned up; no information was lost (`page-header-removed`).
    Info,
    /// Something was guessed or repaired, or a field could not be read.
    Warning,
    /// The text is damaged in a way that loses information (binary junk,
    /// invalid encoding).
    Error,
}

impl Severity {
    /// `info`, `warning` or `error`.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, $sev:ident; )*) => {
        /// A stable diagnostic code. The string form (`Code::name`) is part of
        /// the output contract and never changes for an existing code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
        }

        impl Code {
            /// The code's stable kebab-case name: `missing-subject`.
            pub fn name(self) -> &'static str {
                match self { $( Code::$variant => $name, )* }
            }
            /// The severity this code is reported with.
            pub fn severity(self) -> Severity {
                match self { $( Code::$variant => Severity::$sev, )* }
            }
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];
        }
    };
}

codes! {
    /// The input was empty or only whitespace.
    EmptyInput = "empty-input", Warning;
    /// The input held bytes that are not text (NUL, binary junk).
    BinaryContent = "binary-content", Error;
    /// Control characters were found in the text and kept.
    ControlCharacters = "control-characters", Info;
    /// A byte-order mark was removed.
    ByteOrderMark = "byte-order-mark", Info;
    /// No classification banner was found.
    MissingBanner = "missing-banner", Warning;
    /// The banner was read but is unusual (doubled letters: `SS E C R E T`).
    RepairedBanner = "repaired-banner", Info;
    /// No reference id could be formed from the banner.
    MissingId = "missing-id", Warning;
    /// Without a usable banner, the id or the classification was taken
    /// from the routing lines (`DE` serial, `FM` station, DTG year; the
    /// `ZNY CCCCC` security line).
    DerivedFromRouting = "derived-from-routing", Info;
    /// The station in an id or reference is not a known station name.
    UnknownStation = "unknown-station", Info;
    /// A station written with a typo, cut short, or with debris glued to it
    /// was read as a known one (`BRASILA` as `BRASILIA`).
    RepairedStation = "repaired-station", Info;
    /// No DTG was found, or it could not be read.
    MissingDtg = "missing-dtg", Warning;
    /// A DTG was found but is not a valid date and time.
    MalformedDtg = "malformed-dtg", Warning;
    /// No FM line.
    MissingFrom = "missing-from", Info;
    /// An addressee line could not be split into route, name and precedence,
    /// or an `XMT` line excludes stations from no addressee (the message
    /// names them).
    MalformedAddressee = "malformed-addressee", Info;
    /// An ACP-127 line was not in the expected shape.
    MalformedTransmission = "malformed-transmission", Info;
    /// No E.O. line.
    MissingExecutiveOrder = "missing-executive-order", Info;
    /// The declassification instruction is neither a date nor a known code.
    UnreadableDeclassification = "unreadable-declassification", Info;
    /// No TAGS line.
    MissingTags = "missing-tags", Warning;
    /// A tag was dropped or corrected (`SIPDIS` in TAGS, lower case, glued tags).
    RepairedTag = "repaired-tag", Info;
    /// A duplicate tag was dropped.
    DuplicateTag = "duplicate-tag", Info;
    /// No SUBJECT line.
    MissingSubject = "missing-subject", Warning;
    /// `SUBJECT: SUBJECT:` was written twice.
    DoubledSubject = "doubled-subject", Info;
    /// A reference could not be classified or its id formed.
    UnreadableReference = "unreadable-reference", Info;
    /// A referenced cable's year was taken from the citing cable.
    InheritedReferenceYear = "inherited-reference-year", Info;
    /// A `Classified By:` line without a recognisable name.
    UnreadableClassifiedBy = "unreadable-classified-by", Info;
    /// No classification reason could be read.
    MissingReasons = "missing-reasons", Info;
    /// A paragraph number was repaired (`15.` read as `5.`).
    RepairedParagraphNumber = "repaired-paragraph-number", Warning;
    /// Paragraph numbers skip or repeat.
    ParagraphGap = "paragraph-gap", Info;
    /// A portion marking could not be read.
    UnreadableMarking = "unreadable-marking", Info;
    /// A portion marking is higher than the cable's classification.
    MarkingAboveBanner = "marking-above-banner", Warning;
    /// A paragraph split by a blank line in mid-sentence was joined.
    JoinedSplitParagraph = "joined-split-paragraph", Info;
    /// `NOTE:`/`BEGIN` without its `END` marker.
    UnclosedNote = "unclosed-note", Info;
    /// A page header inside the body was removed (`BERN 00000881  002 OF 002`).
    PageHeaderRemoved = "page-header-removed", Info;
    /// The header came after the text's end marker (`... WYMAN⏎NNN⏎...⏎FM
    /// AMEMBASSY ...⏎SUBJ: ...`: a PlusD page showing the text first) and
    /// was read first.
    HeaderAfterText = "header-after-text", Info;
    /// `SIPDIS` on its own line or in mid-sentence was removed from the text.
    SipdisRemoved = "sipdis-removed", Info;
    /// A `BT` line, the ACP-127 break prosign before and after the text,
    /// was removed.
    ProsignRemoved = "prosign-removed", Info;
    /// Markdown link debris (`[B](#).`) was removed.
    LinkDebrisRemoved = "link-debris-removed", Info;
    /// An apostrophe transmitted as a comma (`Sarkozy,s advisors`) was
    /// restored (`Sarkozy's advisors`).
    RepairedApostrophe = "repaired-apostrophe", Info;
    /// Blanks the 1970s archive inserted after punctuation inside a word
    /// (`SHAH' S`, `( A)`, `US/ IRANIAN`, `U. S.`) were removed (`SHAH'S`,
    /// `(A)`, `US/IRANIAN`, `U.S.`).
    RepairedSpacing = "repaired-spacing", Info;
    /// Double quotes transmitted as `&` and `8` (`(&Bishop Jovan8)`) were
    /// restored (`("Bishop Jovan")`).
    RepairedQuotes = "repaired-quotes", Info;
    /// A character standing for a lost quote or apostrophe (`⁸`) was seen.
    LostPunctuation = "lost-punctuation", Info;
    /// No signer was found at the end of the text.
    MissingSigner = "missing-signer", Info;
    /// The text appears truncated (ends mid-sentence, unclosed blocks).
    TruncatedText = "truncated-text", Warning;
    /// The text is a database dump or export record, not a cable.
    DatabaseDump = "database-dump", Warning;
    /// The header is a partial extract notice.
    PartialRecord = "partial-record", Info;
    /// Mail-client or export lines around the cable were set aside.
    ExportDebris = "export-debris", Info;
    /// The container's id is not a well-formed reference id.
    MalformedContainerId = "malformed-container-id", Warning;
    /// The container's id differs from the text's.
    ContainerIdMismatch = "container-id-mismatch", Warning;
    /// The container's date is not a real date and time (`2/30/1972 9:30`).
    MalformedContainerDate = "malformed-container-date", Warning;
    /// What the container reader noticed about the record's container
    /// (kept as said, for the report).
    ContainerNote = "container-note", Info;
    /// The container's date differs from the text's DTG.
    ContainerDateMismatch = "container-date-mismatch", Info;
    /// The container's classification differs from the banner.
    ContainerClassificationMismatch = "container-classification-mismatch", Info;
    /// The container's date has the known minutes-equal-hour bug of the
    /// 2010-12 and early-2011 cablegate builds.
    ContainerDateBug = "container-date-bug", Info;
    /// The text was decoded from a legacy encoding (Windows-1252).
    LegacyEncoding = "legacy-encoding", Info;
    /// Bytes that are not valid in the detected encoding were replaced.
    InvalidEncoding = "invalid-encoding", Error;
    /// Characters not allowed in XML 1.0 were replaced in the XML output.
    XmlCharacterReplaced = "xml-character-replaced", Info;
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One thing the parser noticed.
///
/// ```text
/// 15. (C) TALKING POINTS:
///   -> repaired-paragraph-number (warning) at line 48: "label 15 read as 5"
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    /// The stable code.
    pub code: Code,
    /// Its severity (normally `code.severity()`).
    pub severity: Severity,
    /// The 1-based line of the input it concerns, when it concerns one.
    pub line: Option<u32>,
    /// A human-readable explanation.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic with the code's own severity.
    pub fn new(code: Code, line: Option<u32>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity: code.severity(),
            line,
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_kebab() {
        let mut names: Vec<_> = Code::ALL.iter().map(|c| c.name()).collect();
        assert!(
            names
                .iter()
                .all(|n| n.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
        );
        names.sort();
        let n = names.len();
        names.dedup();
        assert_eq!(n, names.len());
    }
}
