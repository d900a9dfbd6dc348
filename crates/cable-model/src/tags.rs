//! TAGS: the Traffic Analysis by Geography and Subject codes.

use std::fmt;

/// One TAGS entry, upper-case and trimmed.
///
/// ```text
/// TAGS: PREL, PGOV, LY                 -> PREL, PGOV, LY
/// TAGS: OVIP (CLINTON, HILLARY)        -> OVIP, CLINTON, HILLARY (a person tag, kept whole)
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tag(String);

impl Tag {
    /// Builds a tag: trims it; refuses an empty tag or one with control
    /// characters or lower-case letters (tags are written in capitals; the
    /// parser upper-cases before it builds one).
    pub fn new(s: &str) -> Option<Tag> {
        let s = s.trim();
        if s.is_empty() || s.chars().any(|c| c.is_control() || c.is_lowercase()) {
            return None;
        }
        Some(Tag(s.to_owned()))
    }
    /// The tag as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The tag's category, by the conventional rules: two letters are a
    /// country, a comma marks a person, four letters starting with `K` a
    /// program; otherwise a subject code when four capitals, else unknown.
    pub fn kind(&self) -> TagKind {
        let s = self.0.as_str();
        let letters = s.bytes().all(|b| b.is_ascii_uppercase());
        if s.contains(',') {
            TagKind::Person
        } else if s.len() == 2 && letters {
            TagKind::Geo
        } else if s.len() == 4 && letters && s.starts_with('K') {
            TagKind::Program
        } else if s.len() == 4 && letters {
            TagKind::Subject
        } else {
            TagKind::Unknown
        }
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The category of a tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TagKind {
    /// Two-letter country or region code: `FR`.
    Geo,
    /// Four-letter subject code: `PREL`.
    Subject,
    /// Program code starting with K: `KSCA`.
    Program,
    /// A person: `CLINTON, HILLARY`.
    Person,
    /// An organisation: `NATO`, `UNSC`.
    Organisation,
    /// None of the above.
    Unknown,
}
