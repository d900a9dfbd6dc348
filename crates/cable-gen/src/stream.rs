//! The CSV rendering of a whole corpus as a byte stream, generated as it
//! is read, so that memory stays flat whatever the corpus size.

use crate::cable::{Generator, SynthCable};
use crate::render::{Format, Renderer};
use std::io::{self, Read};

/// The CSV rendering of a whole corpus as a byte stream, generated row by
/// row as it is read.
///
/// ```
/// use std::io::Read;
/// let mut s = cable_gen::CsvStream::new(cable_gen::Generator::new(1, 3));
/// let mut csv = String::new();
/// s.read_to_string(&mut csv).unwrap();
/// assert!(csv.starts_with("\"1\",") && csv.contains("\n\"3\",\""));
/// ```
#[derive(Debug)]
pub struct CsvStream {
    generator: Generator,
    renderer: Renderer,
    next: u64,
    cable: SynthCable,
    buf: Vec<u8>,
    pos: usize,
}

impl CsvStream {
    /// The stream of `generator`'s corpus.
    pub fn new(generator: Generator) -> CsvStream {
        CsvStream {
            generator,
            renderer: Renderer::new(),
            next: 0,
            cable: SynthCable::default(),
            buf: Vec::with_capacity(1 << 20),
            pos: 0,
        }
    }

    fn refill(&mut self) {
        self.buf.clear();
        self.pos = 0;
        while self.buf.len() < (1 << 20) && self.next < self.generator.count() {
            self.generator.fill(self.next, &mut self.cable);
            self.renderer
                .render(Format::Csv, &self.cable, &mut self.buf);
            self.next += 1;
        }
    }
}

impl Read for CsvStream {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.pos >= self.buf.len() {
            self.refill();
        }
        let rest = self.buf.get(self.pos..).unwrap_or(&[]);
        let n = rest.len().min(out.len());
        out[..n].copy_from_slice(&rest[..n]);
        self.pos += n;
        Ok(n)
    }
}
