//! Loading a spec and everything it `use`s.
//!
//! Starting from the entry file, each `use "./x.sls"` is read relative to the
//! file that names it and each `use aws.s3` from the embedded standard library.
//! Every file is parsed once, however many files use it; a standard library
//! module is parsed once per process, however many compilations use it
//! (see [`module_tree`]). A missing file, an unknown module or an import
//! cycle is a diagnostic at the `use` line.

use crate::ast::{self, Move, Respan, UseTarget};
use crate::diagnostics::Code;
use crate::diagnostics::{did_you_mean, Diagnostic};
use crate::files::{Disk, Files};
use crate::source::{self, FileId, SourceFile, SourceMap, Span};
use crate::{stdlib, syntax};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

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
pub fn load_file(
    files: &dyn Files,
    entry: &Path,
    cache: Option<&syntax::Cache>,
) -> std::io::Result<Loaded> {
    let bytes = files.read(entry)?;
    let mut loader = Loader::new(files);
    loader.cache = cache;
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
    /// Declarations parsed before, for a language server.
    cache: Option<&'f syntax::Cache>,
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
            cache: None,
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
        match self.cache {
            Some(cache) => self.visit_with(name, path, origin, text, |id, text| {
                syntax::parse_cached(id, text, cache)
            }),
            None => self.visit_with(name, path, origin, text, syntax::parse),
        }
    }

    /// Visits a file whose tree `parse` gives, from its id and text.
    fn visit_with(
        &mut self,
        name: String,
        path: Option<PathBuf>,
        origin: Option<Origin>,
        text: String,
        parse: impl FnOnce(FileId, &str) -> (ast::File, Vec<Diagnostic>),
    ) -> FileId {
        if let Some(o) = &origin {
            self.seen.insert(o.clone(), false);
        }
        let id = self
            .out
            .sources
            .add(SourceFile::new(name, path.clone(), text));
        let (file, diags) = parse(id, &self.out.sources.get(id).text);
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
                match stdlib::MODULES.iter().position(|(n, _)| *n == name) {
                    Some(index) => {
                        let display = format!("<stdlib>/{}.sls", name.replace('.', "/"));
                        let text = stdlib::MODULES[index].1.to_string();
                        let _ = self.visit_with(display, None, Some(origin), text, |id, _| {
                            module_tree(index, id)
                        });
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

/// The file id standard library modules are parsed under, once per
/// process: no compilation holds this many files, so every span of a parsed
/// module, and nothing else, is in this file until moved to the module's id
/// in a compilation.
const UNPLACED: FileId = FileId(u32::MAX);

/// The tree and parse diagnostics of the standard library module at
/// `index` of [`stdlib::MODULES`], as parsing its text under file `id`
/// gives them: a copy of the module's one parse in this process, moved to
/// `id`. A module is used by most specs, and a language server or `slsc
/// check` over a folder compiles many.
fn module_tree(index: usize, id: FileId) -> (ast::File, Vec<Diagnostic>) {
    static PARSED: [OnceLock<(ast::File, Vec<Diagnostic>)>; stdlib::MODULES.len()] =
        [const { OnceLock::new() }; stdlib::MODULES.len()];
    let (file, diags) = PARSED[index].get_or_init(|| parse_module(index));
    let mut file = file.clone();
    file.respan(Move::file(UNPLACED, id));
    let diags = diags
        .iter()
        .map(|d| {
            let mut d = d.clone();
            syntax::respan_diagnostic(&mut d, Move::file(UNPLACED, id));
            d
        })
        .collect();
    (file, diags)
}

/// Parses the standard library module at `index`, under [`UNPLACED`].
fn parse_module(index: usize) -> (ast::File, Vec<Diagnostic>) {
    #[cfg(test)]
    tests::PARSES[index].fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    syntax::parse(UNPLACED, stdlib::MODULES[index].1)
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
        if let Ok(loaded) = load_file(&Disk, f, None) {
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

/// Every `.sls` file of `paths`: files as given, and those in folders and
/// their subfolders (hidden ones, `target` and `node_modules` left out), each
/// folder's in name order. Unlike [`discover`], files other specs `use` are
/// included: the formatter wants them all.
pub fn sls_files(paths: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut visited = std::collections::HashSet::new();
    for p in paths {
        if p.is_dir() {
            collect(p, &mut files, &mut visited)?;
        } else {
            files.push(p.clone());
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// How many times each standard library module was parsed in this
    /// process.
    pub(super) static PARSES: [AtomicUsize; stdlib::MODULES.len()] =
        [const { AtomicUsize::new(0) }; stdlib::MODULES.len()];

    fn index(name: &str) -> usize {
        stdlib::MODULES
            .iter()
            .position(|(n, _)| *n == name)
            .unwrap()
    }

    /// The tree of the file named `name` in a load.
    fn tree<'l>(loaded: &'l Loaded, name: &str) -> (FileId, &'l ast::File) {
        let (id, file) = loaded
            .files
            .iter()
            .find(|(id, _)| loaded.sources.get(*id).name == name)
            .unwrap();
        (*id, file)
    }

    #[test]
    fn a_standard_library_module_is_parsed_once_per_process() {
        for _ in 0..3 {
            let loaded = load_text(&Disk, "a.sls", None, "use aws.s3\n".into());
            assert!(loaded.diagnostics.is_empty());
            let loaded = load_text(&Disk, "b.sls", None, "use aws.s3\nuse aws.s3\n".into());
            assert!(loaded.diagnostics.is_empty());
        }
        assert_eq!(PARSES[index("aws.s3")].load(Ordering::SeqCst), 1);
    }

    #[test]
    fn a_module_tree_is_the_one_parsing_it_in_place_gives() {
        // The same module at two ids: second file of one load, third of
        // another.
        for spec in [
            "use aws.s3\nuse aws.scheduler\n",
            "use aws.scheduler\nuse aws.s3\n",
        ] {
            let loaded = load_text(&Disk, "spec.sls", None, spec.into());
            for name in ["aws.s3", "aws.scheduler"] {
                let shown = format!("<stdlib>/{}.sls", name.replace('.', "/"));
                let (id, file) = tree(&loaded, &shown);
                assert_ne!(id, UNPLACED);
                let text = stdlib::module(name).unwrap();
                let (fresh, _) = syntax::parse(id, text);
                assert_eq!(
                    format!("{file:?}"),
                    format!("{fresh:?}"),
                    "{name} in {spec:?}"
                );
            }
        }
    }

    #[test]
    fn diagnostics_point_into_a_shared_module_where_each_compilation_has_it() {
        for spec in [
            "use aws.s3\ntype S3Bucket { name: string }\n",
            "use aws.scheduler\nuse aws.s3\ntype S3Bucket { name: string }\n",
        ] {
            let opts = crate::CheckOptions::new(crate::Date::parse("2026-11-23").unwrap());
            let c = crate::compile_source("spec.sls", None, spec.into(), opts);
            let d = c.diagnostics.iter().find(|d| d.code == "E0102").unwrap();
            let (first, _) = d.secondary[0];
            let file = c.sources.get(first.file);
            assert_eq!(file.name, "<stdlib>/aws/s3.sls", "{spec:?}");
            let text = &file.text[first.start as usize..first.end as usize];
            assert_eq!(text, "S3Bucket", "{spec:?}");
        }
    }

    /// Every spec of the repository (broken ones too).
    fn every_spec() -> Vec<PathBuf> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut files = Vec::new();
        let mut dirs = vec![
            root.join("examples"),
            root.join("tests"),
            root.join("stdlib"),
        ];
        while let Some(dir) = dirs.pop() {
            for e in std::fs::read_dir(&dir).unwrap().filter_map(Result::ok) {
                let p = e.path();
                if p.is_dir() {
                    dirs.push(p);
                } else if p.extension().is_some_and(|x| x == "sls") {
                    files.push(p);
                }
            }
        }
        assert!(files.len() > 100, "{} specs found", files.len());
        files.sort();
        files
    }

    #[test]
    fn respan_moves_every_span_of_every_fixture() {
        // Parsing under one id and moving the tree to another gives what
        // parsing under the other gives, diagnostics included, for every
        // spec the repository has (broken ones too).
        let (from, to) = (FileId(3), FileId(8));
        for f in every_spec() {
            let text = std::fs::read_to_string(&f).unwrap_or_default();
            let (mut moved, mut diags) = syntax::parse(from, &text);
            moved.respan(Move::file(from, to));
            for d in &mut diags {
                syntax::respan_diagnostic(d, Move::file(from, to));
            }
            let (fresh, fresh_diags) = syntax::parse(to, &text);
            assert_eq!(
                format!("{moved:?}"),
                format!("{fresh:?}"),
                "{}",
                f.display()
            );
            assert_eq!(
                format!("{diags:?}"),
                format!("{fresh_diags:?}"),
                "{}",
                f.display()
            );
        }
    }

    #[test]
    fn a_cached_parse_is_a_fresh_parse() {
        // A cache filled by the same declarations elsewhere (another file,
        // other offsets, an edit above them) gives the tree and the
        // diagnostics a fresh parse gives, for every spec (broken ones
        // too), and serves most declarations of an edited spec.
        let cache = syntax::Cache::default();
        for f in every_spec() {
            let text = std::fs::read_to_string(&f).unwrap_or_default();
            let elsewhere = format!("# an edit above\n\n{text}");
            let _ = syntax::parse_cached(FileId(5), &elsewhere, &cache);
            let (cached, diags) = syntax::parse_cached(FileId(2), &text, &cache);
            let (fresh, fresh_diags) = syntax::parse(FileId(2), &text);
            assert_eq!(
                format!("{cached:?}"),
                format!("{fresh:?}"),
                "{}",
                f.display()
            );
            let (diags, fresh_diags) = (format!("{diags:?}"), format!("{fresh_diags:?}"));
            assert_eq!(diags, fresh_diags, "{}", f.display());
            cache.sweep();
        }
        assert!(!cache.is_empty());
    }

    #[test]
    fn a_parse_in_two_halves_is_a_parse_in_one() {
        // Every spec of the repository split at its middle declaration
        // line, each half parsed at once (with and without a cache), gives
        // what parsing it from start to end gives; a broken one falls back.
        let cache = syntax::Cache::default();
        let mut large = String::new();
        for f in every_spec() {
            let text = std::fs::read_to_string(&f).unwrap_or_default();
            let (whole, whole_diags) = syntax::parse_split(FileId(1), &text, None, usize::MAX);
            let want = (format!("{whole:?}"), format!("{whole_diags:?}"));
            for cache in [None, Some(&cache)] {
                let (split, diags) = syntax::parse_split(FileId(1), &text, cache, 0);
                let got = (format!("{split:?}"), format!("{diags:?}"));
                assert_eq!(got, want, "{}", f.display());
            }
            if whole_diags.is_empty() && large.len() < 600_000 {
                large.push_str(&text);
                large.push('\n');
            }
        }
        let (whole, _) = syntax::parse_split(FileId(1), &large, None, usize::MAX);
        let (split, _) = syntax::parse(FileId(1), &large);
        assert_eq!(format!("{split:?}"), format!("{whole:?}"));
    }
}
