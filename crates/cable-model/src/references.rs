//! REF: the documents a cable cites.

use crate::CableId;

/// What kind of document a reference points to.
///
/// ```text
/// A. STATE 4690                        -> Cable
/// A. SMITH-DURHAM E MAIL OF 10-08-08   -> Email
/// B. TELCON 3/4/09                     -> Telcon
/// C. MEMO OF CONVERSATION              -> Memo
/// D. 2009 MTCR POC DOC 008             -> Document
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReferenceKind {
    /// Another cable.
    Cable,
    /// An e-mail.
    Email,
    /// A telephone conversation.
    Telcon,
    /// A memorandum or memcon.
    Memo,
    /// A paper, report or other document.
    Document,
    /// Something else.
    Other,
}

impl ReferenceKind {
    /// The kind's lower-case name: `cable`, `email`.
    pub fn name(self) -> &'static str {
        match self {
            ReferenceKind::Cable => "cable",
            ReferenceKind::Email => "email",
            ReferenceKind::Telcon => "telcon",
            ReferenceKind::Memo => "memo",
            ReferenceKind::Document => "document",
            ReferenceKind::Other => "other",
        }
    }
}

/// One reference of the `REF:` block.
///
/// ```text
/// REF: A. STATE 4690         (in a 2009 cable) -> label A, Cable, 09STATE4690
/// [B](#). 08 STATE 129729                      -> label B, Cable, 08STATE129729
/// [D](#). 2009 MTCR POC DOC 008                -> label D, Document, no id
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Reference {
    /// The enumeration letter, upper-case: `A`.
    pub label: Option<char>,
    /// What is referenced.
    pub kind: ReferenceKind,
    /// For cables, the canonical id (inheriting the citing cable's year when none is written).
    pub id: Option<CableId>,
    /// The reference as written, without its label: `08 STATE 129729`.
    pub text: String,
}
