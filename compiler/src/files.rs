//! Where a compilation reads its files from.
//!
//! The command line reads the disk ([`Disk`]); a language server reads the
//! editor's unsaved buffers first and the disk for the rest ([`Overlay`]).
//! Everything `compile` reads goes through [`Files`]: the entry spec, each
//! `use`d file, and the `code` folders it looks for.

use crate::source::ReadError;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A source of files. One small trait rather than paths read in place, so
/// that what a compilation sees can be other than the disk.
pub trait Files {
    /// The bytes of the file at `path`: on disk, only a regular file of at
    /// most [`crate::source::MAX_FILE_BYTES`] (see
    /// [`crate::source::read_input`]).
    fn read(&self, path: &Path) -> Result<Vec<u8>, ReadError>;

    /// One name for every path of one file, so that a file `use`d by two
    /// names is loaded once and a cycle through links is seen.
    fn canonical(&self, path: &Path) -> PathBuf;

    /// What is at `path`: a folder, something else, or nothing.
    fn kind(&self, path: &Path) -> Kind;
}

/// What a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A folder.
    Folder,
    /// A file, or anything else that is not a folder.
    File,
    /// Nothing.
    Missing,
}

/// The disk.
#[derive(Debug, Clone, Copy, Default)]
pub struct Disk;

impl Files for Disk {
    fn read(&self, path: &Path) -> Result<Vec<u8>, ReadError> {
        crate::source::read_input(path)
    }

    fn canonical(&self, path: &Path) -> PathBuf {
        std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
    }

    fn kind(&self, path: &Path) -> Kind {
        if path.is_dir() {
            Kind::Folder
        } else if path.exists() {
            Kind::File
        } else {
            Kind::Missing
        }
    }
}

/// Texts held in memory (an editor's unsaved buffers) over another source:
/// a path with a text here reads as that text, whatever the disk holds.
#[derive(Debug, Clone, Default)]
pub struct Overlay<F> {
    /// What is not overlaid is read from here.
    pub base: F,
    /// Texts by canonical path.
    texts: HashMap<PathBuf, String>,
}

impl<F: Files> Overlay<F> {
    /// An overlay with no texts over `base`.
    pub fn new(base: F) -> Self {
        Overlay {
            base,
            texts: HashMap::new(),
        }
    }

    /// Makes `path` read as `text`.
    pub fn set(&mut self, path: &Path, text: String) {
        let key = self.base.canonical(path);
        self.texts.insert(key, text);
    }

    /// Makes `path` read from the base again.
    pub fn remove(&mut self, path: &Path) {
        let key = self.base.canonical(path);
        self.texts.remove(&key);
    }
}

impl<F: Files> Files for Overlay<F> {
    fn read(&self, path: &Path) -> Result<Vec<u8>, ReadError> {
        match self.texts.get(&self.base.canonical(path)) {
            Some(text) => Ok(text.clone().into_bytes()),
            None => self.base.read(path),
        }
    }

    fn canonical(&self, path: &Path) -> PathBuf {
        self.base.canonical(path)
    }

    fn kind(&self, path: &Path) -> Kind {
        if self.texts.contains_key(&self.base.canonical(path)) {
            Kind::File
        } else {
            self.base.kind(path)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_overlaid_text_reads_in_place_of_the_disk() {
        let dir = std::env::temp_dir().join(format!("slsc-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.sls");
        std::fs::write(&path, "on disk").unwrap();
        let mut files = Overlay::new(Disk);
        assert_eq!(files.read(&path).unwrap(), b"on disk");
        files.set(&path, "unsaved".into());
        assert_eq!(files.read(&path).unwrap(), b"unsaved");
        // Another name of the same file reads the same text.
        assert_eq!(
            files.read(&dir.join(".").join("a.sls")).unwrap(),
            b"unsaved"
        );
        // A buffer that is not on disk yet is a file too.
        let new = dir.join("new.sls");
        assert_eq!(files.kind(&new), Kind::Missing);
        files.set(&new, "queue Q".into());
        assert_eq!(files.kind(&new), Kind::File);
        assert_eq!(files.kind(&dir), Kind::Folder);
        files.remove(&path);
        assert_eq!(files.read(&path).unwrap(), b"on disk");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
