//! The SUBJECT line.

use crate::Marking;

/// The cable's subject.
///
/// ```text
/// SUBJECT: MISSILE TECHNOLOGY CONTROL REGIME (MTCR):
/// RESPONDING TO THE CHAIR'S REQUEST FOR VIEWS ON INFORMAL
/// BRAINSTORMING SESSION (C)
/// ```
/// gives `text` = the three lines joined with single spaces and without the
/// trailing `(C)`, `marking` = Confidential, and `title` =
/// `Missile Technology Control Regime (MTCR): Responding to the Chair's
/// Request for Views on Informal Brainstorming Session`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Subject {
    /// The subject as written, wrapped lines joined, marking removed.
    pub text: String,
    /// The subject in readable title case (acronyms kept upper-case).
    pub title: String,
    /// The portion marking written after (or before) the subject: `(C)`.
    pub marking: Option<Marking>,
}
