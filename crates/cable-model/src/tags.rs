//! TAGS: the Traffic Analysis by Geography and Subject codes.

use std::fmt;

/// One TAGS entry: its code (upper-case, blanks squeezed), the text as the
/// cable wrote it, and its category.
///
/// ```text
/// TAGS: PREL, PGOV, LY                 -> PREL, PGOV, LY
/// TAGS: OVIP (CLINTON, HILLARY)        -> OVIP, CLINTON, HILLARY (a person tag, kept whole)
/// Tags: prel, pgov                     -> PREL (written "prel"), PGOV (written "pgov")
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tag {
    code: String,
    written: String,
    kind: TagKind,
}

impl Tag {
    /// Builds a tag from its code: trims it; refuses an empty tag or one
    /// with control characters or lower-case letters (codes are written in
    /// capitals; [`Tag::from_text`] upper-cases). Its kind is the one its
    /// shape gives ([`TagKind::of_shape`]); the text as written is the code.
    pub fn new(s: &str) -> Option<Tag> {
        let s = s.trim();
        if s.is_empty() || s.chars().any(|c| c.is_control() || c.is_lowercase()) {
            return None;
        }
        Some(Tag {
            code: s.to_owned(),
            written: s.to_owned(),
            kind: TagKind::of_shape(s),
        })
    }

    /// Builds a tag from its text as written (`prel`, `Clinton,  Hillary`):
    /// the code is the text upper-cased with runs of blanks squeezed; the
    /// text keeps its case. `None` when the text is empty, holds control
    /// characters, or a letter without a capital (`𝓅`).
    pub fn from_text(written: &str, kind: TagKind) -> Option<Tag> {
        let written = written.split_whitespace().collect::<Vec<_>>().join(" ");
        let code = written.to_uppercase();
        if written.is_empty()
            || written.chars().any(char::is_control)
            || code.chars().any(char::is_lowercase)
        {
            return None;
        }
        Some(Tag {
            code,
            written,
            kind,
        })
    }

    /// The code: `PREL`.
    pub fn as_str(&self) -> &str {
        &self.code
    }

    /// The tag as the cable wrote it: `prel`.
    pub fn written(&self) -> &str {
        &self.written
    }

    /// The tag's category: from the TAGS vocabulary when the parser knew
    /// the code, else from its shape.
    pub fn kind(&self) -> TagKind {
        self.kind
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code)
    }
}

/// The category of a tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

impl TagKind {
    /// The category by the conventional shapes: two letters are a country,
    /// a comma marks a person, four letters starting with `K` a program;
    /// otherwise a subject code when four capitals, else unknown.
    ///
    /// ```
    /// use cable_model::TagKind;
    /// assert_eq!(TagKind::of_shape("KDEM"), TagKind::Program);
    /// assert_eq!(TagKind::of_shape("CLINTON, HILLARY"), TagKind::Person);
    /// ```
    pub fn of_shape(s: &str) -> TagKind {
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
