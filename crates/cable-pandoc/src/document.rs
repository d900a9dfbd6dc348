//! The top-level JSON object, with its keys in pandoc's own order
//! (`pandoc-api-version`, `meta`, `blocks`) so that our output and pandoc's
//! `-t json` of it can be compared line by line.

use crate::{Options, blocks, meta};
use cable_model::Cable;
use pandoc_ast::{Block, Map, MetaValue};
use serde::ser::{Serialize, SerializeStruct, Serializer};

/// A pandoc document ready to serialise.
pub(crate) struct Document {
    api: &'static [u32],
    meta: Map<String, MetaValue>,
    blocks: Vec<Block>,
}

impl Document {
    /// Builds the document of `cable`.
    pub(crate) fn new(cable: &Cable, opts: &Options) -> Document {
        Document {
            api: opts.api.numbers(),
            meta: meta::meta(cable, opts),
            blocks: blocks::document(cable, opts),
        }
    }
}

impl Serialize for Document {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Pandoc", 3)?;
        st.serialize_field("pandoc-api-version", self.api)?;
        st.serialize_field("meta", &self.meta)?;
        st.serialize_field("blocks", &self.blocks)?;
        st.end()
    }
}
