//! Writing a whole corpus: one CSV file, a directory of files, or an
//! archive (tar.gz, zip, 7z), streamed so that memory stays flat whatever
//! the corpus size.

use cable_gen::{CsvStream, Format, Generator, Renderer, SynthCable};
use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Write};
use std::path::Path;

/// How the output is packed, from the output path's extension.
///
/// ```
/// use cable_bench::Packing;
/// assert_eq!(Packing::from_path("x/cables.tar.gz".as_ref()), Packing::TarGz);
/// assert_eq!(Packing::from_path("x/cables.csv".as_ref()), Packing::Plain);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Packing {
    /// A file (CSV) or a directory of files (other formats).
    Plain,
    /// `.tar.gz` or `.tgz`.
    TarGz,
    /// `.zip` (deflate).
    Zip,
    /// `.7z` (LZMA2).
    SevenZ,
}

impl Packing {
    /// The packing an output path asks for.
    pub fn from_path(path: &Path) -> Packing {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if name.ends_with(".tar.gz") || name.ends_with(".tgz") {
            Packing::TarGz
        } else if name.ends_with(".zip") {
            Packing::Zip
        } else if name.ends_with(".7z") {
            Packing::SevenZ
        } else {
            Packing::Plain
        }
    }
}

/// What a corpus write produced.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    /// Cables written.
    pub cables: u64,
    /// Uncompressed bytes of rendered cables.
    pub bytes: u64,
}

/// Counts what passes through a reader.
struct Counting<R> {
    inner: R,
    bytes: u64,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(out)?;
        self.bytes += n as u64;
        Ok(n)
    }
}

/// Writes `generator`'s corpus in `format` to `out`, packed as the path's
/// extension says (see [`Packing`]). A plain CSV is one file; other plain
/// formats make a directory with one file per cable. Members are named
/// after the cable id (`cable/2009/12/09BERN881.html` for HTML, like the
/// cablegate site); a repeated id gets `-<row>` appended.
pub fn write_corpus(generator: &Generator, format: Format, out: &Path) -> io::Result<Written> {
    let packing = Packing::from_path(out);
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    if format == Format::Csv {
        return write_csv(generator, packing, out);
    }
    let mut sink: Box<dyn MemberSink> = match packing {
        Packing::Plain => {
            fs::create_dir_all(out)?;
            Box::new(DirSink {
                root: out.to_path_buf(),
            })
        }
        Packing::TarGz => Box::new(tar_builder(File::create(out)?)),
        Packing::Zip => Box::new(zip::ZipWriter::new(BufWriter::new(File::create(out)?))),
        Packing::SevenZ => Box::new(SevenZ(
            sevenz_rust2::ArchiveWriter::create(out).map_err(io::Error::other)?,
        )),
    };
    let renderer = Renderer::new();
    let mut cable = SynthCable::default();
    let mut buf = Vec::with_capacity(1 << 16);
    let mut names = HashSet::new();
    let mut written = Written::default();
    for i in 0..generator.count() {
        generator.fill(i, &mut cable);
        buf.clear();
        renderer.render(format, &cable, &mut buf);
        let mut name = cable.member_name(format);
        if !names.insert(name.clone()) {
            name = format!("{name}-{}", cable.row);
        }
        name.push('.');
        name.push_str(format.extension());
        sink.add(&name, &buf)?;
        written.cables += 1;
        written.bytes += buf.len() as u64;
    }
    sink.finish()?;
    Ok(written)
}

fn write_csv(generator: &Generator, packing: Packing, out: &Path) -> io::Result<Written> {
    let cables = generator.count();
    let mut stream = Counting {
        inner: CsvStream::new(generator.clone()),
        bytes: 0,
    };
    match packing {
        Packing::Plain => {
            let mut f = File::create(out)?;
            io::copy(&mut stream, &mut f)?;
            f.flush()?;
        }
        Packing::TarGz => {
            // A tar header needs the size first: count it in a first pass
            // (the corpus is deterministic), then stream it.
            let size = io::copy(&mut CsvStream::new(generator.clone()), &mut io::sink())?;
            let mut tar = tar_builder(File::create(out)?);
            let mut header = tar_header(size);
            tar.append_data(&mut header, "cables.csv", &mut stream)?;
            tar.into_inner()?.finish()?.flush()?;
        }
        Packing::Zip => {
            let mut zip = zip::ZipWriter::new(BufWriter::new(File::create(out)?));
            zip.start_file("cables.csv", zip_options())
                .map_err(io::Error::other)?;
            io::copy(&mut stream, &mut zip)?;
            zip.finish().map_err(io::Error::other)?.flush()?;
        }
        Packing::SevenZ => {
            let mut w = sevenz_rust2::ArchiveWriter::create(out).map_err(io::Error::other)?;
            w.push_archive_entry(
                sevenz_rust2::ArchiveEntry::new_file("cables.csv"),
                Some(&mut stream),
            )
            .map_err(io::Error::other)?;
            w.finish()?;
        }
    }
    Ok(Written {
        cables,
        bytes: stream.bytes,
    })
}

fn tar_builder(f: File) -> tar::Builder<flate2::write::GzEncoder<BufWriter<File>>> {
    let gz = flate2::write::GzEncoder::new(BufWriter::new(f), flate2::Compression::fast());
    let mut b = tar::Builder::new(gz);
    b.mode(tar::HeaderMode::Deterministic);
    b
}

fn tar_header(size: u64) -> tar::Header {
    let mut h = tar::Header::new_gnu();
    h.set_size(size);
    h.set_mode(0o644);
    h.set_mtime(0);
    h.set_entry_type(tar::EntryType::Regular);
    h
}

fn zip_options() -> zip::write::SimpleFileOptions {
    zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .large_file(true)
}

/// Where the members of a per-cable corpus go.
trait MemberSink {
    fn add(&mut self, name: &str, data: &[u8]) -> io::Result<()>;
    fn finish(self: Box<Self>) -> io::Result<()>;
}

struct DirSink {
    root: std::path::PathBuf,
}

impl MemberSink for DirSink {
    fn add(&mut self, name: &str, data: &[u8]) -> io::Result<()> {
        let path = self.root.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, data)
    }
    fn finish(self: Box<Self>) -> io::Result<()> {
        Ok(())
    }
}

impl MemberSink for tar::Builder<flate2::write::GzEncoder<BufWriter<File>>> {
    fn add(&mut self, name: &str, data: &[u8]) -> io::Result<()> {
        let mut h = tar_header(data.len() as u64);
        self.append_data(&mut h, name, data)
    }
    fn finish(self: Box<Self>) -> io::Result<()> {
        self.into_inner()?.finish()?.flush()
    }
}

impl<W: Write + io::Seek> MemberSink for zip::ZipWriter<W> {
    fn add(&mut self, name: &str, data: &[u8]) -> io::Result<()> {
        self.start_file(name, zip_options())
            .map_err(io::Error::other)?;
        self.write_all(data)
    }
    fn finish(self: Box<Self>) -> io::Result<()> {
        (*self).finish().map_err(io::Error::other)?.flush()
    }
}

struct SevenZ(sevenz_rust2::ArchiveWriter<File>);

impl MemberSink for SevenZ {
    fn add(&mut self, name: &str, data: &[u8]) -> io::Result<()> {
        self.0
            .push_archive_entry(sevenz_rust2::ArchiveEntry::new_file(name), Some(data))
            .map(drop)
            .map_err(io::Error::other)
    }
    fn finish(self: Box<Self>) -> io::Result<()> {
        self.0.finish().map(drop)
    }
}
