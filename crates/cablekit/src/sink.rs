//! The one owner of the output: a directory tree, one tar or zip archive,
//! or standard output. Names and order are decided in the ordered section
//! (`order`); the bytes were rendered by the workers (tar entries with
//! their headers), so the sink only writes them.
//!
//! - Tree: each output is written at its final name by the worker that
//!   delivers it (`O_NOFOLLOW`, no temporary name, no rename, one write).
//!   A file under its final name can be incomplete only after a crash; its
//!   index line records its size and CRC-32, and `--resume` converts again
//!   every record whose files do not match (see `resume`).
//! - Archive: entries in `seq` order with fixed metadata (mtime 0 / 1980,
//!   mode 0644, no owner), `index.jsonl` last; the archive is written to a
//!   temporary name created with `O_EXCL | O_NOFOLLOW` and renamed when
//!   complete. A device or FIFO (`-o /dev/null`, `-o >(gzip > x)`) is
//!   written through, never replaced.
//! - Document (`-o -` or `-o cable.yaml`): the one output of the one
//!   cable. Several cables make one YAML stream (`---` before each
//!   document); in the other formats a second cable is an error raised
//!   before anything is written (the first output is held until then).

use crate::flags::{ArchiveKind, Output};
use crate::layout::{Base, Namer};
use crate::resume::TEMP_SUFFIX;
use anyhow::{Context, bail};
use std::collections::{BTreeMap, HashSet};
use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Seek, SeekFrom, Write};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// The archive writer's buffer: entries reach the file in writes of this
/// size rather than 8 KiB.
const ARCHIVE_BUFFER: usize = 1 << 20;

/// The name of the index in the output root (or the archive).
pub(crate) const INDEX: &str = "index.jsonl";

/// Where the ordered section writes.
pub(crate) enum Sink {
    Tree(Tree),
    Archive,
    Document(Document),
}

/// One document output: standard output or one file.
pub(crate) struct Document {
    /// The file, `None` for standard output.
    path: Option<PathBuf>,
    /// Its temporary name while it is written.
    temp: Option<PathBuf>,
    out: Option<Box<dyn Write + Send>>,
    /// YAML: several cables make a stream of documents.
    yaml: bool,
    /// The first output, held until it is known whether a second follows.
    first: Option<Vec<u8>>,
    count: u64,
}

impl Document {
    fn open_out(&mut self) -> anyhow::Result<&mut Box<dyn Write + Send>> {
        if self.out.is_none() {
            let out: Box<dyn Write + Send> = match &self.path {
                None => Box::new(std::io::stdout()),
                Some(path) => {
                    let temp = temp_path(path);
                    let file = create_temp(&temp).with_context(|| {
                        format!(
                            "cannot create {}: choose a writable -o path",
                            path.display()
                        )
                    })?;
                    self.temp = Some(temp);
                    Box::new(BufWriter::new(file))
                }
            };
            self.out = Some(out);
        }
        match self.out.as_mut() {
            Some(out) => Ok(out),
            None => bail!("internal error: no output"),
        }
    }

    fn put(&mut self, bytes: Vec<u8>) -> anyhow::Result<()> {
        self.count += 1;
        match self.count {
            1 => {
                self.first = Some(bytes);
                return Ok(());
            }
            2 if !self.yaml => bail!(
                "{} takes one cable in this format, but the input holds more (nothing was written): give a directory (-o DIR), an archive (-o out.zip), or --to yaml for one YAML stream",
                self.name()
            ),
            _ => {}
        }
        let first = self.first.take();
        let out = self.open_out()?;
        if let Some(first) = first {
            out.write_all(b"---\n")?;
            out.write_all(&first)?;
        }
        out.write_all(b"---\n")?;
        out.write_all(&bytes)?;
        Ok(())
    }

    fn name(&self) -> String {
        match &self.path {
            None => "-o -".into(),
            Some(p) => format!("-o {}", p.display()),
        }
    }

    fn finish(mut self) -> anyhow::Result<()> {
        if let Some(first) = self.first.take() {
            self.open_out()?.write_all(&first)?;
        }
        if let Some(mut out) = self.out.take() {
            out.flush()?;
        }
        if let (Some(temp), Some(path)) = (&self.temp, &self.path) {
            std::fs::rename(temp, path).with_context(|| {
                format!(
                    "cannot create {}: choose a writable -o path",
                    path.display()
                )
            })?;
        }
        Ok(())
    }

    fn abandon(mut self) {
        drop(self.out.take());
        if let Some(temp) = &self.temp {
            let _ = std::fs::remove_file(temp);
        }
    }
}

/// A directory tree output (the parts written in order).
pub(crate) struct Tree {
    root: PathBuf,
    made: HashSet<PathBuf>,
    /// `--xml-per-input`: one open `<cables>` document per input.
    collections: BTreeMap<String, Collection>,
    collection_names: Namer,
}

/// The index being written: `index.jsonl` of a tree (flushed after each
/// group of lines, so an interrupted run leaves a prefix of the full
/// index), or an archive's index spooled to an unnamed temporary file
/// until it is the archive's last entry (memory does not grow with the run).
pub(crate) struct Index {
    file: BufWriter<File>,
    /// The tree's index path; `None` for an archive's spool.
    path: Option<PathBuf>,
}

impl Index {
    /// Opens the index of `output` (none for `-o -`); a tree's goes to
    /// `tree_index` (see `Config::index`).
    pub(crate) fn open(
        output: &Output,
        tree_index: Option<&Path>,
    ) -> anyhow::Result<Option<Index>> {
        match output {
            Output::Document(_) => Ok(None),
            Output::Tree(root) => {
                let path = tree_index.map_or_else(|| index_path(root), Path::to_path_buf);
                let file = open_nofollow(&path, true).with_context(|| {
                    format!("cannot write {}: choose a writable --out", path.display())
                })?;
                Ok(Some(Index {
                    file: BufWriter::with_capacity(1 << 16, file),
                    path: Some(path),
                }))
            }
            Output::Archive(_, path) => {
                let file = tempfile::tempfile().with_context(|| {
                    format!(
                        "cannot create a temporary file for the index of {}: check TMPDIR",
                        path.display()
                    )
                })?;
                Ok(Some(Index {
                    file: BufWriter::with_capacity(1 << 16, file),
                    path: None,
                }))
            }
        }
    }

    /// Appends whole lines.
    pub(crate) fn append(&mut self, lines: &str) -> anyhow::Result<()> {
        let written = self.file.write_all(lines.as_bytes());
        let written = match &self.path {
            Some(_) => written.and_then(|()| self.file.flush()),
            None => written,
        };
        written.with_context(|| match &self.path {
            Some(p) => format!("cannot write {}: check free space", p.display()),
            None => "cannot write the index's temporary file: check free space in TMPDIR".into(),
        })
    }

    /// Completes the index; an archive's spool is returned to be appended.
    pub(crate) fn finish(self) -> anyhow::Result<Option<File>> {
        let file = self
            .file
            .into_inner()
            .map_err(|e| anyhow::anyhow!("cannot write the index: {}", e.error()))?;
        Ok(self.path.is_none().then_some(file))
    }
}

/// One `<cables>` document being written.
struct Collection {
    rel: String,
    path: PathBuf,
    temp: PathBuf,
    out: BufWriter<File>,
}

/// One archive file output, written in order under its own lock.
pub(crate) struct Archive {
    path: PathBuf,
    /// The temporary name renamed to `path` at the end; `None` when `path`
    /// is a device or FIFO written through.
    temp: Option<PathBuf>,
    writer: ArchiveWriter,
}

enum ArchiveWriter {
    Tar(BufWriter<File>),
    Zip(Box<zip::ZipWriter<zip::write::StreamWriter<BufWriter<File>>>>),
}

/// Opens a file for writing without following a symlink at its name (a
/// link planted in the output directory must not redirect the write): a
/// symlink found there is removed (the link, not its target) and the file
/// created in its place.
pub(crate) fn open_nofollow(path: &Path, truncate: bool) -> std::io::Result<File> {
    let open = || {
        OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(truncate)
            .custom_flags(libc::O_NOFOLLOW)
            .open(path)
    };
    match open() {
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            std::fs::remove_file(path)?;
            open()
        }
        other => other,
    }
}

/// Creates a new temporary file: `O_EXCL | O_NOFOLLOW`, after removing
/// whatever a killed run (or anyone) left at that name; a symlink there is
/// removed, not followed.
fn create_temp(path: &Path) -> std::io::Result<File> {
    let new = || {
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .custom_flags(libc::O_NOFOLLOW)
            .open(path)
    };
    match new() {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            std::fs::remove_file(path)?;
            new()
        }
        other => other,
    }
}

/// Writes one output file at its final name: one open, one write, one
/// close; no temporary name and no directory calls (the ordered section
/// made the directory). A file that could not be written whole (a full
/// disk) is removed, so what stays under a final name is complete.
pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let written = match open_nofollow(path, true) {
        Ok(mut f) => f.write_all(bytes).inspect_err(|_| {
            drop(f);
            let _ = std::fs::remove_file(path);
        }),
        Err(e) => Err(e),
    };
    written.with_context(|| {
        format!(
            "cannot write {}: choose a writable --out with free space",
            path.display()
        )
    })
}

/// Checks, before any work, that `output` can be written as asked.
pub(crate) fn check(output: &Output) -> anyhow::Result<()> {
    if let Output::Archive(_, path) = output {
        if let Ok(meta) = std::fs::metadata(path)
            && meta.is_dir()
        {
            bail!(
                "{} is a directory: --archive writes one file; give a file name (e.g. -o {}.tar) or drop --archive to write a tree",
                path.display(),
                path.display()
            );
        }
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if !parent.is_dir() {
            bail!(
                "cannot create {}: {} is not a directory; choose a writable -o path",
                path.display(),
                parent.display()
            );
        }
    }
    if let Output::Tree(root) = output
        && let Ok(meta) = std::fs::symlink_metadata(root)
        && !meta.is_dir()
        && !meta.file_type().is_symlink()
    {
        bail!(
            "{} exists and is not a directory: choose another --out",
            root.display()
        );
    }
    Ok(())
}

impl Sink {
    /// Opens the ordered part of the output; fails (fatally) if it cannot
    /// be created. The archive itself is opened by [`Archive::open`].
    pub(crate) fn open(output: &Output) -> anyhow::Result<Sink> {
        match output {
            Output::Document(path) => Ok(Sink::Document(Document {
                path: path.clone(),
                temp: None,
                out: None,
                yaml: false,
                first: None,
                count: 0,
            })),
            Output::Tree(root) => {
                std::fs::create_dir_all(root).with_context(|| {
                    format!(
                        "cannot create output directory {}: choose a writable --out",
                        root.display()
                    )
                })?;
                Ok(Sink::Tree(Tree {
                    root: root.clone(),
                    made: HashSet::new(),
                    collections: BTreeMap::new(),
                    collection_names: Namer::default(),
                }))
            }
            Output::Archive(..) => Ok(Sink::Archive),
        }
    }

    /// Makes the directory of the tree output `rel` (once per directory)
    /// and returns the file's full path.
    pub(crate) fn prepare(&mut self, rel: &str) -> anyhow::Result<PathBuf> {
        let Sink::Tree(tree) = self else {
            bail!("internal error: a file output without an output directory");
        };
        let path = tree.root.join(rel);
        let parent = path.parent().unwrap_or(&tree.root).to_owned();
        if !tree.made.contains(&parent) {
            make_dirs(&tree.root, &parent)?;
            tree.made.insert(parent);
        }
        Ok(path)
    }

    /// Puts one output into the document of `-o -` / `-o FILE`.
    pub(crate) fn print(&mut self, bytes: Vec<u8>, yaml: bool) -> anyhow::Result<()> {
        let Sink::Document(doc) = self else {
            bail!("internal error: a document output without -o - or -o FILE");
        };
        doc.yaml = yaml;
        doc.put(bytes)
    }

    /// Appends a `<cable>` fragment (rendered by a worker) to the XML
    /// collection of `input`, opening it on first use; returns the
    /// collection's relative path.
    pub(crate) fn collect(&mut self, input: &str, fragment: &[u8]) -> anyhow::Result<String> {
        let Sink::Tree(tree) = self else {
            bail!("internal error: --xml-per-input needs an output directory");
        };
        if !tree.collections.contains_key(input) {
            let rel = tree
                .collection_names
                .assign(&Base::collection(Path::new(input)))
                .collection_path();
            let path = tree.root.join(&rel);
            let temp = temp_path(&path);
            let hint = || format!("cannot write {}: choose a writable --out", path.display());
            if let Some(parent) = path.parent() {
                make_dirs(&tree.root, parent).with_context(hint)?;
            }
            let mut out = BufWriter::new(create_temp(&temp).with_context(hint)?);
            out.write_all(&crate::convert::xml_collection_parts().0)
                .with_context(hint)?;
            tree.collections.insert(
                input.to_owned(),
                Collection {
                    rel,
                    path,
                    temp,
                    out,
                },
            );
        }
        let Some(c) = tree.collections.get_mut(input) else {
            bail!("internal error: collection for {input} vanished");
        };
        c.out
            .write_all(fragment)
            .with_context(|| format!("cannot write {}: check free space", c.path.display()))?;
        Ok(c.rel.clone())
    }

    /// Completes the ordered part: closes the XML collections.
    pub(crate) fn finish(self) -> anyhow::Result<()> {
        match self {
            Sink::Tree(mut tree) => {
                for c in std::mem::take(&mut tree.collections).into_values() {
                    let hint = || format!("cannot write {}: check free space", c.path.display());
                    let mut out = c.out;
                    out.write_all(&crate::convert::xml_collection_parts().1)
                        .and_then(|()| out.flush())
                        .with_context(hint)?;
                    drop(out);
                    std::fs::rename(&c.temp, &c.path).with_context(hint)?;
                }
                Ok(())
            }
            Sink::Document(doc) => doc.finish(),
            Sink::Archive => Ok(()),
        }
    }

    /// Drops what is half-written after a fatal error.
    pub(crate) fn abandon(self) {
        match self {
            Sink::Tree(tree) => {
                for c in tree.collections.values() {
                    let _ = std::fs::remove_file(&c.temp);
                }
            }
            Sink::Document(doc) => doc.abandon(),
            Sink::Archive => {}
        }
    }
}

/// Makes `dir` (under `root`) and its parents, refusing to go through a
/// symlink planted below the root.
fn make_dirs(root: &Path, dir: &Path) -> anyhow::Result<()> {
    let hint = || format!("cannot create {}: choose a writable --out", dir.display());
    std::fs::create_dir_all(dir).with_context(hint)?;
    let mut at = dir;
    while at != root {
        let meta = std::fs::symlink_metadata(at).with_context(hint)?;
        if meta.file_type().is_symlink() {
            bail!(
                "{} is a symlink: cablekit writes only inside --out and does not follow links there; remove it or choose another --out",
                at.display()
            );
        }
        match at.parent() {
            Some(p) => at = p,
            None => break,
        }
    }
    Ok(())
}

impl Archive {
    /// Opens the archive output: a temporary file beside `path`, or `path`
    /// itself when it is a device or FIFO.
    pub(crate) fn open(kind: ArchiveKind, path: &Path) -> anyhow::Result<Archive> {
        let special = std::fs::metadata(path).is_ok_and(|m| {
            let t = m.file_type();
            t.is_char_device() || t.is_fifo() || t.is_block_device() || t.is_socket()
        });
        let hint = || {
            format!(
                "cannot create {}: choose a writable -o path",
                path.display()
            )
        };
        let (file, temp) = if special {
            // Write through: never replace a device node or a FIFO.
            let file = OpenOptions::new()
                .write(true)
                .open(path)
                .with_context(hint)?;
            (file, None)
        } else {
            let temp = temp_path(path);
            (create_temp(&temp).with_context(hint)?, Some(temp))
        };
        let file = BufWriter::with_capacity(ARCHIVE_BUFFER, file);
        let writer = match kind {
            ArchiveKind::Tar => ArchiveWriter::Tar(file),
            ArchiveKind::Zip => ArchiveWriter::Zip(Box::new(zip::ZipWriter::new_stream(file))),
        };
        Ok(Archive {
            path: path.to_owned(),
            temp,
            writer,
        })
    }

    /// Appends one entry: for tar, `bytes` is the complete entry a worker
    /// rendered (see [`tar_entry`]); for zip, the file's content.
    pub(crate) fn append(&mut self, rel: &str, bytes: &[u8]) -> anyhow::Result<()> {
        let written = match &mut self.writer {
            ArchiveWriter::Tar(out) => out.write_all(bytes),
            ArchiveWriter::Zip(zip) => zip
                .start_file(rel, zip_options())
                .map_err(std::io::Error::other)
                .and_then(|()| zip.write_all(bytes)),
        };
        written.with_context(|| format!("cannot write {}: check free space", self.path.display()))
    }

    /// Appends the index as the entry `index.jsonl`, completes the archive
    /// and gives it its name.
    pub(crate) fn finish(mut self, index: Option<File>) -> anyhow::Result<()> {
        let path = self.path.clone();
        let context = || format!("cannot write {}: check free space", path.display());
        let result = self.append_index(index).with_context(context);
        if let Err(e) = result {
            self.abandon();
            return Err(e);
        }
        let file = match self.writer {
            ArchiveWriter::Tar(mut out) => out
                .write_all(&[0; 1024])
                .and_then(|()| out.into_inner().map_err(|e| e.into_error()))
                .map_err(anyhow::Error::from),
            ArchiveWriter::Zip(zip) => zip.finish().map_err(anyhow::Error::from).and_then(|w| {
                w.into_inner()
                    .into_inner()
                    .map_err(|e| anyhow::anyhow!("{}", e.error()))
            }),
        };
        let flushed = file.and_then(|mut f| f.flush().map_err(anyhow::Error::from));
        if let Err(e) = flushed {
            if let Some(temp) = &self.temp {
                let _ = std::fs::remove_file(temp);
            }
            return Err(e).with_context(context);
        }
        if let Some(temp) = &self.temp {
            std::fs::rename(temp, &self.path).with_context(|| {
                format!(
                    "cannot create {}: choose a writable -o path",
                    self.path.display()
                )
            })?;
        }
        Ok(())
    }

    fn append_index(&mut self, index: Option<File>) -> anyhow::Result<()> {
        let Some(mut file) = index else {
            return Ok(());
        };
        let size = file.seek(SeekFrom::End(0))?;
        file.rewind()?;
        match &mut self.writer {
            ArchiveWriter::Tar(out) => {
                // Streamed from the spool file, never held in memory: the
                // index is about 700 bytes a cable, so reading it whole
                // (and copying it into an entry) made peak RSS grow with
                // the input (1.4 KB a cable, issue 14).
                let mut header = entry_header(size);
                header.set_path(INDEX)?;
                header.set_cksum();
                out.write_all(header.as_bytes())?;
                let copied = std::io::copy(&mut file, out)?;
                if copied != size {
                    bail!("the index spool changed size while being archived");
                }
                let padding = usize::try_from(size.next_multiple_of(512) - size).unwrap_or(0);
                out.write_all(&[0; 512][..padding])?;
            }
            ArchiveWriter::Zip(zip) => {
                zip.start_file(INDEX, zip_options())?;
                std::io::copy(&mut file, zip)?;
            }
        }
        Ok(())
    }

    /// Removes the temporary file after a fatal error.
    pub(crate) fn abandon(self) {
        let temp = self.temp.clone();
        drop(self);
        if let Some(temp) = temp {
            let _ = std::fs::remove_file(temp);
        }
    }
}

/// One complete tar entry for `path` holding `data`: the header (and a GNU
/// long-name entry before it when the path does not fit the header), the
/// data and its padding to 512 bytes, with the fixed metadata of every
/// entry. Rendered by the workers so the sink only writes.
pub(crate) fn tar_entry(path: &str, data: &[u8]) -> std::io::Result<Vec<u8>> {
    let padded = data.len().div_ceil(512) * 512;
    let mut builder = tar::Builder::new(Vec::with_capacity(padded + 512 + 1024));
    let mut header = entry_header(data.len() as u64);
    builder.append_data(&mut header, path, data)?;
    let mut bytes = builder.into_inner()?;
    // `into_inner` ends the archive with two zero blocks: not part of the entry.
    bytes.truncate(bytes.len().saturating_sub(1024));
    Ok(bytes)
}

/// The header of every tar entry, without its path: `size` bytes of a
/// regular file with the fixed metadata (mode 644, time 0, owner 0).
fn entry_header(size: u64) -> tar::Header {
    let mut header = tar::Header::new_gnu();
    header.set_size(size);
    header.set_mode(0o644);
    header.set_mtime(0);
    header.set_uid(0);
    header.set_gid(0);
    header.set_entry_type(tar::EntryType::Regular);
    header
}

/// The data of a tar entry made by [`tar_entry`] with `len` bytes of data.
pub(crate) fn tar_entry_data(entry: &[u8], len: usize) -> &[u8] {
    let start = entry.len().saturating_sub(len.div_ceil(512) * 512);
    entry.get(start..start + len).unwrap_or_default()
}

/// A zip entry's options, fixed for every entry.
fn zip_options() -> zip::write::SimpleFileOptions {
    zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644)
}

/// Where the index of the tree `root` goes by default: beside it, not
/// inside the content (`site/content/cables` ->
/// `site/content/cables.index.jsonl`), so a site generator does not publish
/// it. `--index` overrides it, and is required when `root` ends in no name
/// (`flags::index_beside_or_given`).
pub(crate) fn index_path(root: &Path) -> PathBuf {
    let abs = std::path::absolute(root).unwrap_or_else(|_| root.to_owned());
    let abs = abs.components().collect::<PathBuf>();
    match abs.file_name() {
        Some(name) => abs.with_file_name(format!("{}.{INDEX}", name.to_string_lossy())),
        None => abs.join(INDEX),
    }
}

/// `dir/name` -> `dir/.name.cablekit-tmp`.
pub(crate) fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}{TEMP_SUFFIX}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tree_writes_files_and_index() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("out");
        let output = Output::Tree(root.clone());
        let mut sink = Sink::open(&output).unwrap();
        let mut index = Index::open(&output, None).unwrap().unwrap();
        let path = sink.prepare("md/2009/09STATE1.md").unwrap();
        write_file(&path, b"# x\n").unwrap();
        index.append("{}\n").unwrap();
        sink.finish().unwrap();
        assert!(index.finish().unwrap().is_none());
        assert_eq!(
            std::fs::read(root.join("md/2009/09STATE1.md")).unwrap(),
            b"# x\n"
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("out.index.jsonl")).unwrap(),
            "{}\n"
        );
    }

    #[test]
    fn archives_are_byte_identical_across_runs() {
        for kind in [ArchiveKind::Tar, ArchiveKind::Zip] {
            let dir = tempfile::tempdir().unwrap();
            let mut bytes = Vec::new();
            for n in 0..2 {
                let path = dir.path().join(format!("out{n}"));
                let output = Output::Archive(kind, path.clone());
                let sink = Sink::open(&output).unwrap();
                let mut index = Index::open(&output, None).unwrap().unwrap();
                let mut archive = Archive::open(kind, &path).unwrap();
                let data = b"id: 09STATE1\n";
                let entry = match kind {
                    ArchiveKind::Tar => tar_entry("yaml/2009/09STATE1.yaml", data).unwrap(),
                    ArchiveKind::Zip => data.to_vec(),
                };
                archive.append("yaml/2009/09STATE1.yaml", &entry).unwrap();
                index.append("{}\n").unwrap();
                sink.finish().unwrap();
                archive.finish(index.finish().unwrap()).unwrap();
                assert!(!temp_path(&path).exists());
                bytes.push(std::fs::read(&path).unwrap());
            }
            assert_eq!(bytes[0], bytes[1], "{kind:?}");
        }
    }

    #[test]
    fn tar_entries_read_back() {
        let long = format!("md/unknown/{}.md", "x".repeat(120));
        let mut archive = Vec::new();
        for (name, data) in [("a/b.md", &b"hello"[..]), (long.as_str(), &[7u8; 600][..])] {
            let entry = tar_entry(name, data).unwrap();
            assert_eq!(tar_entry_data(&entry, data.len()), data);
            archive.extend_from_slice(&entry);
        }
        archive.extend_from_slice(&[0; 1024]);
        let mut names = Vec::new();
        for entry in tar::Archive::new(archive.as_slice()).entries().unwrap() {
            let entry = entry.unwrap();
            names.push(entry.path().unwrap().display().to_string());
        }
        assert_eq!(names, ["a/b.md".to_owned(), long]);
    }

    #[test]
    fn unwritable_root_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("file");
        std::fs::write(&file, "").unwrap();
        let err = Sink::open(&Output::Tree(file.join("out"))).err().unwrap();
        assert!(format!("{err:#}").contains("file/out"), "{err:#}");
    }
}
