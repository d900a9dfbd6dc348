//! Tests of the XML writer, through its public API only.
//!
//! - `golden`: reviewed snapshots of parsed testdata cables
//!   (`testdata/expected/xml/`), and schema validation of every testdata
//!   cable's output with xmllint.
//! - `roundtrip`: reading the XML back gives the model's ids, tags,
//!   subject, references and paragraph texts.
//! - `properties`: arbitrary model contents always give well-formed,
//!   schema-valid XML.
//! - `corpus`: every cable of `../shared/corpus` gives schema-valid XML.
//! - `collection`: the streamed `<cables>` document.
//! - `streaming`: the `<cables>` collection's resident memory stays flat
//!   (measured in a child process).

#![allow(
    clippy::print_stderr,
    clippy::field_reassign_with_default,
    missing_docs,
    unreachable_pub
)]

mod collection;
mod corpus;
mod golden;
mod properties;
mod roundtrip;
mod streaming;
mod support;
