//! The one owner of the output: a directory tree, one tar or zip archive,
//! or standard output. Only the sink thread writes, in `seq` order.
//!
//! - Tree: each file is written to `.<name>.cablekit-tmp` beside its final
//!   path and renamed, so a file under its final name is always complete;
//!   `index.jsonl` gets each record's line after its files, flushed.
//! - Archive: entries in `seq` order with fixed metadata (mtime 0 / 1980,
//!   mode 0644, no owner), `index.jsonl` last; the archive is written to a
//!   temporary name and renamed when complete.
//! - Stdout: the one output of the one cable; a second cable is an error.

use crate::flags::{ArchiveKind, Output};
use crate::layout::{Base, Namer};
use crate::resume::TEMP_SUFFIX;
use anyhow::{Context, bail};
use cable_model::Cable;
use std::collections::{BTreeMap, HashSet};
use std::fs::File;
use std::io::{BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// The archive writer's buffer: entries reach the file in writes of this
/// size rather than 8 KiB (about 2 GB of tar for 25k cables in four formats).
const ARCHIVE_BUFFER: usize = 1 << 20;

/// Where the sink writes.
pub(crate) enum Sink {
    Tree(Tree),
    Archive(Box<Archive>),
    Stdout { written: bool },
}

/// A directory tree output.
pub(crate) struct Tree {
    root: PathBuf,
    index: BufWriter<File>,
    made: HashSet<PathBuf>,
    /// `--xml-per-input`: one open `<cables>` document per input.
    collections: BTreeMap<String, Collection>,
    collection_names: Namer,
}

/// One `<cables>` document being written.
struct Collection {
    rel: String,
    path: PathBuf,
    temp: PathBuf,
    writer: cable_xml::CollectionWriter<BufWriter<File>>,
}

/// One archive file output.
pub(crate) struct Archive {
    path: PathBuf,
    temp: PathBuf,
    writer: ArchiveWriter,
    /// `index.jsonl`, the archive's last entry, spooled to a temporary file
    /// beside the archive until then, so memory does not grow with the run.
    index: BufWriter<File>,
    index_temp: PathBuf,
}

enum ArchiveWriter {
    Tar(tar::Builder<BufWriter<File>>),
    Zip(Box<zip::ZipWriter<BufWriter<File>>>),
}

impl Sink {
    /// Opens the output; fails (fatally) if it cannot be created.
    pub(crate) fn open(output: &Output) -> anyhow::Result<Sink> {
        match output {
            Output::Stdout => Ok(Sink::Stdout { written: false }),
            Output::Tree(root) => {
                std::fs::create_dir_all(root).with_context(|| {
                    format!(
                        "cannot create output directory {}: choose a writable --out",
                        root.display()
                    )
                })?;
                let index_path = root.join("index.jsonl");
                let index = File::create(&index_path).with_context(|| {
                    format!(
                        "cannot write {}: choose a writable --out",
                        index_path.display()
                    )
                })?;
                Ok(Sink::Tree(Tree {
                    root: root.clone(),
                    index: BufWriter::new(index),
                    made: HashSet::new(),
                    collections: BTreeMap::new(),
                    collection_names: Namer::default(),
                }))
            }
            Output::Archive(kind, path) => {
                let temp = temp_path(path);
                // Errors name the path the user gave, not the temporary file.
                let file = File::create(&temp).with_context(|| {
                    format!(
                        "cannot create {}: choose a writable -o path",
                        path.display()
                    )
                })?;
                let file = BufWriter::with_capacity(ARCHIVE_BUFFER, file);
                let index_temp = index_temp_path(path);
                let index = File::options()
                    .read(true)
                    .write(true)
                    .create(true)
                    .truncate(true)
                    .open(&index_temp)
                    .with_context(|| {
                        format!(
                            "cannot create {}: choose a writable -o path",
                            path.display()
                        )
                    });
                let index = match index {
                    Ok(index) => BufWriter::new(index),
                    Err(e) => {
                        let _ = std::fs::remove_file(&temp);
                        return Err(e);
                    }
                };
                let writer = match kind {
                    ArchiveKind::Tar => ArchiveWriter::Tar(tar::Builder::new(file)),
                    ArchiveKind::Zip => ArchiveWriter::Zip(Box::new(zip::ZipWriter::new(file))),
                };
                Ok(Sink::Archive(Box::new(Archive {
                    path: path.clone(),
                    temp,
                    writer,
                    index,
                    index_temp,
                })))
            }
        }
    }

    /// Writes one output file, `rel` being its `/`-separated path under the root.
    pub(crate) fn put(&mut self, rel: &str, bytes: &[u8]) -> anyhow::Result<()> {
        match self {
            Sink::Tree(tree) => tree.put(rel, bytes),
            Sink::Archive(archive) => archive.append(rel, bytes).with_context(|| {
                format!("cannot write {}: check free space", archive.path.display())
            }),
            Sink::Stdout { written } => {
                if *written {
                    bail!(
                        "-o - prints exactly one cable, but the input holds more: write them to a directory with -o DIR"
                    );
                }
                *written = true;
                let mut out = std::io::stdout().lock();
                out.write_all(bytes)?;
                out.flush()?;
                Ok(())
            }
        }
    }

    /// Moves a file a worker spooled beside its final place to `rel`.
    pub(crate) fn adopt(&mut self, rel: &str, temp: &Path) -> anyhow::Result<()> {
        match self {
            Sink::Tree(tree) => {
                let path = tree.root.join(rel);
                std::fs::rename(temp, &path).with_context(|| {
                    format!("cannot write {}: choose a writable --out", path.display())
                })
            }
            Sink::Archive(_) | Sink::Stdout { .. } => {
                let bytes = std::fs::read(temp)?;
                let _ = std::fs::remove_file(temp);
                self.put(rel, &bytes)
            }
        }
    }

    /// Adds `cable` to the XML collection of `input` (opening it on first
    /// use); returns the collection's relative path and the number of
    /// characters XML 1.0 forbids that were replaced.
    pub(crate) fn collect(&mut self, input: &str, cable: &Cable) -> anyhow::Result<(String, u64)> {
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
                std::fs::create_dir_all(parent).with_context(hint)?;
            }
            let file = File::create(&temp).with_context(hint)?;
            let writer = cable_xml::CollectionWriter::new(BufWriter::new(file));
            tree.collections.insert(
                input.to_owned(),
                Collection {
                    rel,
                    path,
                    temp,
                    writer,
                },
            );
        }
        let Some(c) = tree.collections.get_mut(input) else {
            bail!("internal error: collection for {input} vanished");
        };
        let stats = c
            .writer
            .add(cable)
            .with_context(|| format!("cannot write {}: check free space", c.path.display()))?;
        Ok((c.rel.clone(), stats.replaced_characters))
    }

    /// Appends one line to the index.
    pub(crate) fn index(&mut self, line: &str) -> anyhow::Result<()> {
        match self {
            Sink::Tree(tree) => {
                let path = tree.root.join("index.jsonl");
                tree.index
                    .write_all(line.as_bytes())
                    .and_then(|()| tree.index.flush())
                    .with_context(|| format!("cannot write {}: check free space", path.display()))
            }
            Sink::Archive(archive) => archive.index.write_all(line.as_bytes()).with_context(|| {
                format!("cannot write {}: check free space", archive.path.display())
            }),
            Sink::Stdout { .. } => Ok(()),
        }
    }

    /// Completes the output (writes the archive's index and renames it).
    pub(crate) fn finish(self) -> anyhow::Result<()> {
        match self {
            Sink::Tree(mut tree) => {
                for c in std::mem::take(&mut tree.collections).into_values() {
                    let hint = || format!("cannot write {}: check free space", c.path.display());
                    c.writer.finish().with_context(hint)?;
                    std::fs::rename(&c.temp, &c.path).with_context(hint)?;
                }
                Ok(tree.index.flush()?)
            }
            Sink::Archive(archive) => archive.finish(),
            Sink::Stdout { .. } => Ok(()),
        }
    }

    /// Drops a half-written archive after a fatal error.
    pub(crate) fn abandon(self) {
        if let Sink::Tree(tree) = &self {
            for c in tree.collections.values() {
                let _ = std::fs::remove_file(&c.temp);
            }
        }
        if let Sink::Archive(archive) = self {
            archive.abandon();
        }
    }
}

impl Tree {
    fn put(&mut self, rel: &str, bytes: &[u8]) -> anyhow::Result<()> {
        let path = self.root.join(rel);
        let hint = || {
            format!(
                "cannot write {}: choose a writable --out with free space",
                path.display()
            )
        };
        let parent = path.parent().unwrap_or(&self.root).to_owned();
        if !self.made.contains(&parent) {
            std::fs::create_dir_all(&parent).with_context(hint)?;
            self.made.insert(parent);
        }
        let temp = temp_path(&path);
        if let Err(e) = std::fs::write(&temp, bytes) {
            // A full disk leaves a partial temporary file behind.
            let _ = std::fs::remove_file(&temp);
            return Err(e).with_context(hint);
        }
        std::fs::rename(&temp, &path).with_context(hint)?;
        Ok(())
    }
}

impl Archive {
    fn append(&mut self, rel: &str, bytes: &[u8]) -> std::io::Result<()> {
        match &mut self.writer {
            ArchiveWriter::Tar(tar) => {
                let mut header = entry_header(bytes.len() as u64);
                tar.append_data(&mut header, rel, bytes)
            }
            ArchiveWriter::Zip(zip) => {
                zip.start_file(rel, zip_options())
                    .map_err(std::io::Error::other)?;
                zip.write_all(bytes)
            }
        }
    }

    /// Appends the spooled index as the entry `index.jsonl`.
    fn append_index(&mut self) -> std::io::Result<()> {
        self.index.flush()?;
        let file = self.index.get_mut();
        let size = file.seek(SeekFrom::End(0))?;
        file.rewind()?;
        let file: &File = file;
        match &mut self.writer {
            ArchiveWriter::Tar(tar) => {
                let mut header = entry_header(size);
                tar.append_data(&mut header, "index.jsonl", file)
            }
            ArchiveWriter::Zip(zip) => {
                zip.start_file("index.jsonl", zip_options())
                    .map_err(std::io::Error::other)?;
                std::io::copy(&mut &*file, zip).map(|_| ())
            }
        }
    }

    /// Removes both temporary files.
    fn abandon(self) {
        let (temp, index_temp) = (self.temp.clone(), self.index_temp.clone());
        drop(self);
        let _ = std::fs::remove_file(temp);
        let _ = std::fs::remove_file(index_temp);
    }

    fn finish(mut self) -> anyhow::Result<()> {
        let path = self.path.clone();
        let context = || format!("cannot write {}: check free space", path.display());
        if let Err(e) = self.append_index() {
            self.abandon();
            return Err(e).with_context(context);
        }
        let (temp, index_temp) = (self.temp.clone(), self.index_temp.clone());
        let _ = std::fs::remove_file(&index_temp);
        drop(self.index);
        let file = match self.writer {
            ArchiveWriter::Tar(tar) => tar.into_inner().map_err(anyhow::Error::from),
            ArchiveWriter::Zip(zip) => zip.finish().map_err(anyhow::Error::from),
        };
        let flushed = file.and_then(|mut f| f.flush().map_err(anyhow::Error::from));
        if let Err(e) = flushed {
            let _ = std::fs::remove_file(&temp);
            return Err(e).with_context(context);
        }
        std::fs::rename(&self.temp, &self.path).with_context(|| {
            format!(
                "cannot create {}: choose a writable -o path",
                self.path.display()
            )
        })?;
        Ok(())
    }
}

/// A tar entry's header with the fixed metadata of every entry.
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

/// A zip entry's options, fixed for every entry.
fn zip_options() -> zip::write::SimpleFileOptions {
    zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644)
}

/// `dir/out.tar` -> `dir/.out.tar.index.cablekit-tmp`, where an archive's
/// `index.jsonl` waits to be its last entry.
fn index_temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.index{TEMP_SUFFIX}"))
}

/// `dir/name` -> `dir/.name.cablekit-tmp`.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}{TEMP_SUFFIX}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tree_writes_files_and_index_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("out");
        let mut sink = Sink::open(&Output::Tree(root.clone())).unwrap();
        sink.put("md/2009/09STATE1.md", b"# x\n").unwrap();
        sink.index("{}\n").unwrap();
        sink.finish().unwrap();
        assert_eq!(
            std::fs::read(root.join("md/2009/09STATE1.md")).unwrap(),
            b"# x\n"
        );
        assert_eq!(
            std::fs::read_to_string(root.join("index.jsonl")).unwrap(),
            "{}\n"
        );
        assert!(!root.join("md/2009/.09STATE1.md.cablekit-tmp").exists());
    }

    #[test]
    fn archives_are_byte_identical_across_runs() {
        for kind in [ArchiveKind::Tar, ArchiveKind::Zip] {
            let dir = tempfile::tempdir().unwrap();
            let mut bytes = Vec::new();
            for n in 0..2 {
                let path = dir.path().join(format!("out{n}"));
                let mut sink = Sink::open(&Output::Archive(kind, path.clone())).unwrap();
                sink.put("yaml/2009/09STATE1.yaml", b"id: 09STATE1\n")
                    .unwrap();
                sink.index("{}\n").unwrap();
                sink.finish().unwrap();
                assert!(!temp_path(&path).exists());
                assert!(!index_temp_path(&path).exists());
                bytes.push(std::fs::read(&path).unwrap());
            }
            assert_eq!(bytes[0], bytes[1], "{kind:?}");
        }
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
