//! Canonical reference ids: `STATE 017183` + year 2009 -> `09STATE17183`.

/// Maps a reference id as written by WikiLeaks or cited in a REF line
/// (`05RIO123`, `09SECSTATE1`, `STATE 017183` with a year) to its canonical
/// form. Returns `None` when no id can be formed.
pub fn canonical_id(raw: &str) -> Option<cable_model::CableId> {
    cable_model::CableId::parse(raw.trim())
}
