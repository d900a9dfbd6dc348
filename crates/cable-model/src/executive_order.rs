//! The executive-order line and its declassification instruction.

use crate::Date;

/// The executive order under which the cable was classified.
///
/// ```text
/// E.O. 12958: DECL: 02/28/2009     -> number "12958"
/// EO 12958 DECL: 2020/02/23        -> number "12958"
/// E.O. 11652: GDS                  -> number "11652"
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ExecutiveOrder {
    /// The order's number: `12958`, `13526`.
    pub number: Option<String>,
    /// The line as written, wrapped lines joined.
    pub raw: String,
}

/// When the cable may be declassified.
///
/// ```text
/// E.O. 12958: DECL: 02/28/2009                     -> Date(2009-02-28)
/// E.O. 11652: GDS                                  -> Text("GDS")
/// E.O. 12958: DECL: TEN YEARS AFTER KOREAN UNIFICATION -> Text(...)
/// E.O. 12958: N/A                                  -> Text("N/A")
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Declassify {
    /// A calendar date.
    Date(Date),
    /// The instruction, when it is not a date.
    Text(String),
}
