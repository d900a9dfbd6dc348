//! What a container (CSV row, HTML page, file) says about a cable.

use crate::Timestamp;

/// The kind of container a cable text came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ContainerKind {
    /// A plain text file or standard input.
    #[default]
    Text,
    /// A row of the 2011 `cables.csv`.
    CablesCsv,
    /// A WikiLeaks cablegate HTML page.
    CablegateHtml,
}

/// Metadata a container states about the cable, kept beside what the text
/// itself says. Values are as the container wrote them.
///
/// ```text
/// "2","2/25/1972 9:30","72TEHRAN1164","Embassy Tehran","UNCLASSIFIED","72MOSCOW1603|72TEHRAN1091",…
///   -> id "72TEHRAN1164", date 1972-02-25T09:30, origin "Embassy Tehran",
///      classification "UNCLASSIFIED", references ["72MOSCOW1603", "72TEHRAN1091"]
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ContainerMeta {
    /// Which kind of container.
    pub kind: ContainerKind,
    /// The reference id as the container wrote it (possibly malformed: `7575LIBREVILLE1895`).
    pub id: Option<String>,
    /// The date as the container wrote it: `2/25/1972 9:30`, `2009-12-04 12:12`.
    pub date_raw: Option<String>,
    /// The container's date, when it could be read. Containers give a
    /// wall-clock time without a zone; it is stored as written, not converted.
    pub date: Option<Timestamp>,
    /// The origin's display name: `Embassy Tehran`, `Secretary of State`.
    pub origin: Option<String>,
    /// The classification as the container wrote it: `CONFIDENTIAL//NOFORN`.
    pub classification: Option<String>,
    /// Referenced ids as the container listed them.
    pub references: Vec<String>,
    /// The release date (HTML pages): `2010-11-28 18:06`.
    pub released: Option<String>,
    /// The title the container gives the cable (the alx-txt scrape's second
    /// preamble line: `FURTHER ON HIZBALLAH "MANIFESTO"`).
    pub title: Option<String>,
}
