//! The top-level JSON object, with its keys in pandoc's own order
//! (`pandoc-api-version`, `meta`, `blocks`) so that our output and pandoc's
//! `-t json` of it can be compared line by line.

use crate::view::{Block, MetaMap};
use crate::{Options, blocks, meta, typed};
use cable_model::Cable;
use serde::ser::{Serialize, SerializeStruct, Serializer};

/// A pandoc document ready to serialise, borrowing the cable's text.
pub(crate) struct Document<'a> {
    /// `pandoc-api-version`.
    pub(crate) api: &'static [u32],
    /// The metadata, keys sorted.
    pub(crate) meta: MetaMap<'a>,
    /// The blocks.
    pub(crate) blocks: Vec<Block<'a>>,
}

impl<'a> Document<'a> {
    /// Builds the document of `cable`.
    pub(crate) fn new(cable: &'a Cable, opts: &Options) -> Document<'a> {
        Document {
            api: opts.api.numbers(),
            meta: meta::meta(cable, opts),
            blocks: blocks::document(cable, opts),
        }
    }

    /// The same document as `pandoc_ast` values.
    pub(crate) fn to_ast(&self) -> pandoc_ast::Pandoc {
        pandoc_ast::Pandoc {
            meta: self
                .meta
                .iter()
                .map(|(k, v)| ((*k).to_owned(), typed::meta(v)))
                .collect(),
            blocks: typed::blocks(&self.blocks),
            pandoc_api_version: self.api.to_vec(),
        }
    }
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Pandoc", 3)?;
        st.serialize_field("pandoc-api-version", self.api)?;
        st.serialize_field("meta", &self.meta)?;
        st.serialize_field("blocks", &self.blocks)?;
        st.end()
    }
}
