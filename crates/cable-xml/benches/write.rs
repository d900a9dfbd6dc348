//! Throughput of the XML writer alone (parsing excluded), on one core.
//!
//! `cargo bench -p cable-xml --bench write` prints two lines:
//! `cable-xml write: N cables, M MB of XML in S s = X MB/s per core (P cables/s)`
//! for one document per cable, and the same for the streamed `<cables>`
//! collection. The inputs are the seeds and the kitchen-sink cable, parsed
//! once up front.
#![allow(missing_docs, clippy::print_stdout, clippy::print_stderr)]

use std::io::{self, Write};
use std::path::Path;
use std::time::{Duration, Instant};

/// Counts bytes and throws them away.
struct Sink(u64);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn report(what: &str, cables: u64, bytes: u64, start: Instant) {
    let secs = start.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    println!(
        "cable-xml {what}: {cables} cables, {mb:.1} MB of XML in {secs:.2} s = {:.1} MB/s per core ({:.0} cables/s)",
        mb / secs,
        cables as f64 / secs
    );
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata");
    let files = [
        "seeds/000_78e12724ad72837c.txt",
        "seeds/001_d7a67a22ead94fd7.txt",
        "cables/kitchen-sink.txt",
    ];
    let cables: Vec<_> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(root.join(f)).ok())
        .map(|t| cable_parse::parse(&t))
        .collect();
    if cables.is_empty() {
        eprintln!("SKIP: no input cables under {}", root.display());
        return;
    }

    let opts = cable_xml::Options::default();
    let mut buf = Vec::with_capacity(1 << 16);
    let (mut n, mut bytes) = (0u64, 0u64);
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(3) {
        for c in &cables {
            buf.clear();
            cable_xml::write(c, &opts, &mut buf).expect("writing to a Vec cannot fail");
            bytes += buf.len() as u64;
            n += 1;
        }
    }
    report("write", n, bytes, start);

    let mut collection = cable_xml::CollectionWriter::new(io::BufWriter::new(Sink(0)));
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(3) {
        for c in &cables {
            collection.add(c).expect("writing to a sink cannot fail");
        }
    }
    let n = collection.len();
    let out = collection.finish().expect("writing to a sink cannot fail");
    let bytes = out
        .into_inner()
        .map_err(|e| e.into_error())
        .expect("flushed")
        .0;
    report("collection", n, bytes, start);
}
