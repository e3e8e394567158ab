//! Loading a spec and everything it `use`s.
//!
//! Starting from the entry file, each `use "./x.sls"` is read relative to the
//! file that names it and each `use aws.s3` from the embedded standard library.
//! Every file is parsed once, however many files use it. A missing file, an
//! unknown module or an import cycle is a diagnostic at the `use` line.

use crate::ast::{self, UseTarget};
use crate::diagnostics::Code;
use crate::diagnostics::{did_you_mean, Diagnostic};
use crate::files::{Disk, Files};
use crate::source::{self, FileId, SourceFile, SourceMap, Span};
use crate::{stdlib, syntax};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Every file of a compilation, parsed.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The texts, for rendering diagnostics.
    pub sources: SourceMap,
    /// Parsed files, dependencies before the files that use them.
    pub files: Vec<(FileId, ast::File)>,
    /// Syntax and import diagnostics.
    pub diagnostics: Vec<Diagnostic>,
}

/// Where a file came from, to detect files loaded twice.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Origin {
    Disk(PathBuf),
    Module(String),
}

/// Loads the entry file from `files`. Fails only if the entry itself cannot
/// be read; problems in imported files are diagnostics.
///
/// On disk, only a regular file of at most [`source::MAX_FILE_BYTES`] is
/// read (see [`source::read_input`]); text that is not UTF-8 is loaded with
/// the bad bytes replaced and reported (E0011) at the first of them.
pub fn load_file(files: &dyn Files, entry: &Path) -> std::io::Result<Loaded> {
    let bytes = files.read(entry)?;
    let mut loader = Loader::new(files);
    let origin = Origin::Disk(files.canonical(entry));
    loader.visit_bytes(
        entry.display().to_string(),
        Some(entry.to_path_buf()),
        Some(origin),
        bytes,
    );
    Ok(loader.out)
}

/// Loads a spec given as the bytes of a file (decoded as [`load_file`]
/// does); `path`, if any, anchors relative `use`s, read from `files`.
pub fn load_bytes(files: &dyn Files, name: &str, path: Option<&Path>, bytes: Vec<u8>) -> Loaded {
    let mut loader = Loader::new(files);
    let origin = path.map(|p| Origin::Disk(files.canonical(p)));
    loader.visit_bytes(name.to_string(), path.map(Path::to_path_buf), origin, bytes);
    loader.out
}

/// Loads a spec given as text; `path`, if any, anchors relative `use`s,
/// read from `files`.
pub fn load_text(files: &dyn Files, name: &str, path: Option<&Path>, text: String) -> Loaded {
    let mut loader = Loader::new(files);
    let origin = path.map(|p| Origin::Disk(files.canonical(p)));
    loader.visit(name.to_string(), path.map(Path::to_path_buf), origin, text);
    loader.out
}

/// How many files deep `use`s may chain: each level recurses, and no real
/// spec comes near.
pub const MAX_USE_DEPTH: usize = 64;

struct Loader<'f> {
    /// Where files are read from.
    files: &'f dyn Files,
    out: Loaded,
    /// How many `use`s deep the file being loaded is.
    depth: usize,
    /// Files done or in progress; `false` while in progress (a cycle).
    seen: HashMap<Origin, bool>,
}

impl<'f> Loader<'f> {
    fn new(files: &'f dyn Files) -> Self {
        Loader {
            files,
            out: Loaded::default(),
            depth: 0,
            seen: HashMap::new(),
        }
    }

    /// Visits a file read from disk: decodes it, reporting invalid UTF-8.
    fn visit_bytes(
        &mut self,
        name: String,
        path: Option<PathBuf>,
        origin: Option<Origin>,
        bytes: Vec<u8>,
    ) {
        let (text, bad) = source::decode(bytes);
        let id = self.visit(name, path, origin, text);
        if let Some(at) = bad {
            let file = self.out.sources.get(id);
            // The replacement character, U+FFFD, is three bytes long.
            let span = Span::new(id, at, (at + 3).min(file.text.len()));
            self.out.diagnostics.push(
                Diagnostic::new(Code::E0011, span, format!("`{}` is not valid UTF-8", file.name))
                    .label("the first byte that is not UTF-8")
                    .help("save the file as UTF-8, or remove the bytes shown here (another encoding, or binary data)"),
            );
        }
    }

    fn visit(
        &mut self,
        name: String,
        path: Option<PathBuf>,
        origin: Option<Origin>,
        text: String,
    ) -> FileId {
        if let Some(o) = &origin {
            self.seen.insert(o.clone(), false);
        }
        let id = self
            .out
            .sources
            .add(SourceFile::new(name, path.clone(), text));
        let (file, diags) = syntax::parse(id, &self.out.sources.get(id).text);
        self.out.diagnostics.extend(diags);
        let display = self.out.sources.get(id).name.clone();
        for u in &file.uses {
            self.visit_use(u, path.as_deref(), &display);
        }
        if let Some(o) = origin {
            self.seen.insert(o, true);
        }
        self.out.files.push((id, file));
        id
    }

    /// `from` is where the using file was read from; `from_name` how it is
    /// shown. A used file is shown relative to the name of the file that uses
    /// it, so messages name files the way the user named the entry file.
    fn visit_use(&mut self, u: &ast::Use, from: Option<&Path>, from_name: &str) {
        match &u.target {
            UseTarget::File(rel) => {
                let base = from.and_then(Path::parent).unwrap_or(Path::new(""));
                let path = tidy(&base.join(&rel.value));
                let shown_base = Path::new(from_name).parent().unwrap_or(Path::new(""));
                let shown = tidy(&shown_base.join(&rel.value)).display().to_string();
                let origin = Origin::Disk(self.files.canonical(&path));
                match self.seen.get(&origin) {
                    Some(true) => return,
                    Some(false) => {
                        self.out.diagnostics.push(
                            Diagnostic::new(
                                Code::E0004,
                                rel.span,
                                format!("import cycle: `{}` is already being loaded", rel.value),
                            )
                                                        .label("this file uses a file that uses it")
                            .help("remove this `use`: names are global to the compilation, so the other file's declarations are visible here already"),
                        );
                        return;
                    }
                    None => {}
                }
                if self.depth >= MAX_USE_DEPTH {
                    self.out.diagnostics.push(
                        Diagnostic::new(
                            Code::E0008,
                            rel.span,
                            format!("`use`s nested deeper than {MAX_USE_DEPTH} files"),
                        )
                        .label("one file too many")
                        .help("`use` the files from the spec, or from a few files that gather them: names are global to the compilation"),
                    );
                    return;
                }
                match self.files.read(&path) {
                    Ok(bytes) => {
                        self.depth += 1;
                        self.visit_bytes(shown, Some(path), Some(origin), bytes);
                        self.depth -= 1;
                    }
                    Err(e) => self.out.diagnostics.push(
                        Diagnostic::new(
                            Code::E0003,
                            rel.span,
                            format!("cannot read `{shown}`: {e}"),
                        )
                        .label("used here")
                        .help("paths in `use` are relative to the file that contains the `use`"),
                    ),
                }
            }
            UseTarget::Module(p) => {
                let name = p.text();
                let origin = Origin::Module(name.clone());
                if self.seen.contains_key(&origin) {
                    return;
                }
                match stdlib::module(&name) {
                    Some(text) => {
                        let display = format!("<stdlib>/{}.sls", name.replace('.', "/"));
                        let _ = self.visit(display, None, Some(origin), text.to_string());
                    }
                    None => {
                        let mut d = Diagnostic::new(
                            Code::E0005,
                            p.span,
                            format!("no standard library module named `{name}`"),
                        )
                        .label("unknown module");
                        let names = stdlib::MODULES.iter().map(|(n, _)| *n);
                        d = match did_you_mean(&name, names) {
                            Some(s) => d.help(format!("did you mean `{s}`?")),
                            None => d.help(format!(
                                "the standard library has: {}",
                                stdlib::MODULES
                                    .iter()
                                    .map(|(n, _)| *n)
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            )),
                        };
                        self.out.diagnostics.push(d);
                    }
                }
            }
        }
    }
}

/// A path's canonical form on disk (discovering specs walks the disk).
fn canonical(p: &Path) -> PathBuf {
    Disk.canonical(p)
}

/// Drops `.` components, so that messages say `dir/x.sls`, not `./././x.sls`.
fn tidy(p: &Path) -> PathBuf {
    let tidy: PathBuf = p
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect();
    if tidy.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        tidy
    }
}

/// The specs to check for a list of files and folders: files as given, and
/// under each folder every `.sls` file that no other spec in the set `use`s
/// (a file only `use`d is checked as part of the specs that use it). Hidden
/// folders, `target` and `node_modules` are skipped, and so are files that
/// are not regular files (FIFOs, sockets, devices). Links are followed, but
/// each real folder is visited once, so links to a parent folder neither
/// loop nor multiply the walk. Files named come first, in order; then each
/// folder's, sorted; each spec once.
pub fn discover(paths: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut from_folders = Vec::new();
    let mut visited = std::collections::HashSet::new();
    for p in paths {
        if p.is_dir() {
            collect(p, &mut from_folders, &mut visited)?;
        } else {
            // A missing file is reported by the caller when it reads it.
            files.push(p.clone());
        }
    }
    from_folders.sort();
    let mut used = std::collections::HashSet::new();
    for f in &from_folders {
        if let Ok(loaded) = load_file(&Disk, f) {
            for (_, file) in loaded.sources.files().skip(1) {
                if let Some(p) = &file.path {
                    used.insert(canonical(p));
                }
            }
        }
    }
    files.extend(
        from_folders
            .into_iter()
            .filter(|f| !used.contains(&canonical(f))),
    );
    // The same spec named twice (or also found in a folder) is checked once.
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(canonical(f)));
    Ok(files)
}

fn collect(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    visited: &mut std::collections::HashSet<PathBuf>,
) -> std::io::Result<()> {
    if !visited.insert(canonical(dir)) {
        return Ok(());
    }
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        // Follows a link, to see what it names.
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            if !name.starts_with('.') && name != "target" && name != "node_modules" {
                collect(&path, out, visited)?;
            }
        } else if meta.is_file() && name.ends_with(".sls") {
            out.push(path);
        }
    }
    Ok(())
}
