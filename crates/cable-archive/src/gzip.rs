//! A gzip stream: `.gz`, and the outside of `.tar.gz`/`.tgz`. What is inside
//! is detected again (a tar, a cables.csv, a text cable, an HTML page).

use crate::limits::{CountInto, RatioRead};
use crate::member::{self, Ctx};
use crate::sink::{Sink, Stop};
use flate2::read::MultiGzDecoder;
use std::cell::Cell;
use std::io::Read;
use std::rc::Rc;

/// Reads the gzip stream in `reader` and what it holds.
pub(crate) fn read(sink: &mut Sink<'_>, reader: &mut dyn Read, ctx: Ctx) -> Result<(), Stop> {
    let compressed = Rc::new(Cell::new(0));
    let counted = CountInto {
        inner: reader,
        count: Rc::clone(&compressed),
    };
    let mut inflated = RatioRead::new(MultiGzDecoder::new(counted), compressed, sink.limits());
    let inner = Ctx {
        in_gzip: true,
        ..ctx
    };
    member::read_stream(sink, &mut inflated, inner)
}
