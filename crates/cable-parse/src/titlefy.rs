//! Title case for all-caps subjects.

/// Title-cases an all-caps subject, keeping acronyms upper-case and small
/// words lower-case.
pub fn titlefy(subject: &str) -> String {
    subject.to_owned()
}
