//! What an editor asks of a spec, for the language server (`slsc lsp`):
//! diagnostics of a file among unsaved buffers, its outline, what a name
//! or a diagnostic code is, where a name is declared, and the formatted
//! text. Positions are byte offsets here; the server converts them to the
//! protocol's lines and UTF-16 columns with [`crate::source::LineIndex`].

use crate::ast::{self, DeclKind};
use crate::diagnostics::Diagnostic;
use crate::files::{Disk, Files, Overlay};
use crate::source::{FileId, Span};
use crate::{CheckOptions, Compilation};
use std::path::{Path, PathBuf};

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The open documents of an editor, by path, over the disk.
#[derive(Default)]
pub struct Workspace {
    open: Vec<(PathBuf, String)>,
    /// The declarations parsed for the last compilations: an edit parses
    /// only what it changed.
    parsed: crate::ParseCache,
}

impl Workspace {
    /// Opens or changes a document.
    pub fn set(&mut self, path: &Path, text: String) {
        match self.open.iter_mut().find(|(p, _)| p == path) {
            Some(entry) => entry.1 = text,
            None => self.open.push((path.to_path_buf(), text)),
        }
    }

    /// Closes a document: it reads from the disk again.
    pub fn close(&mut self, path: &Path) {
        self.open.retain(|(p, _)| p != path);
    }

    /// The text of an open document.
    pub fn text(&self, path: &Path) -> Option<&str> {
        self.open
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, t)| t.as_str())
    }

    /// Compiles the spec at `path` as `slsc check` would (its `slsc.toml`
    /// and suppression comments applied, every stage checked), reading
    /// open documents from the editor and the rest from the disk.
    pub fn compile(&self, path: &Path, opts: CheckOptions) -> Option<Compilation> {
        let mut files = Overlay::new(Disk);
        for (p, t) in &self.open {
            files.set(p, t.clone());
        }
        let mut opts = opts;
        if let Some(config) = crate::config::find(path).and_then(|c| crate::config::load(&c).ok()) {
            opts.config = config;
        }
        crate::compile_file_cached(&files, path, opts, &self.parsed).ok()
    }
}

/// The diagnostics of a compilation that are in the file at `path`, each
/// with its secondary places in that file or another.
pub fn diagnostics_of<'c>(c: &'c Compilation, path: &Path) -> Vec<&'c Diagnostic> {
    let Some(file) = file_of(c, path) else {
        return Vec::new();
    };
    c.diagnostics
        .iter()
        .filter(|d| d.span.file == file)
        .collect()
}

/// The id of the file at `path` in a compilation.
pub fn file_of(c: &Compilation, path: &Path) -> Option<FileId> {
    let want = Disk.canonical(path);
    c.sources
        .files()
        .find(|(_, f)| f.path.as_deref().is_some_and(|p| Disk.canonical(p) == want))
        .map(|(id, _)| id)
}

/// One entry of a document's outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    /// The declared name.
    pub name: String,
    /// The declaration's keyword (`function`).
    pub kind: DeclKind,
    /// The whole declaration.
    pub span: Span,
    /// Its name.
    pub name_span: Span,
}

/// The declarations of a text, in order (those that parse, while it is
/// being typed).
pub fn symbols(text: &str) -> Vec<Symbol> {
    let (file, _) = crate::syntax::parse(FileId(0), text);
    file.decls
        .iter()
        .filter(|d| !d.name.name.is_empty())
        .map(|d| Symbol {
            name: d.name.name.clone(),
            kind: d.kind,
            span: d.span,
            name_span: d.name.span,
        })
        .collect()
}

/// The word (a name, a dotted reference's part, or a code such as
/// `W0104`) at a byte offset, with its range.
pub fn word_at(text: &str, offset: usize) -> Option<(usize, usize, &str)> {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let offset = floor_char(text, offset.min(text.len()));
    let start = text[..offset]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word(*c))
        .last()
        .map_or(offset, |(i, _)| i);
    let end = text[offset..]
        .char_indices()
        .find(|(_, c)| !is_word(*c))
        .map_or(text.len(), |(i, _)| offset + i);
    (start < end).then(|| (start, end, &text[start..end]))
}

/// The syntax trees of every file of a compilation (the spec, the files
/// it `use`s, the standard library), as it parsed them, in file id order.
fn trees(c: &Compilation) -> Vec<&ast::File> {
    c.trees.iter().map(|(_, f)| f).collect()
}

/// The declaration called `name`, in any file of a compilation.
fn declaration<'a>(trees: &[&'a ast::File], name: &str) -> Option<&'a ast::Decl> {
    trees
        .iter()
        .flat_map(|f| &f.decls)
        .find(|d| d.name.name == name && d.kind != DeclKind::App)
}

/// Where the declaration called `name` is, in any file of a compilation
/// (the spec, the files it `use`s, the standard library).
pub fn definition(c: &Compilation, name: &str) -> Option<Span> {
    declaration(&trees(c), name).map(|d| d.name.span)
}

/// Every place the declaration called `name` is named, its own name
/// included, in every file of a compilation, in file order.
pub fn references(c: &Compilation, name: &str) -> Vec<Span> {
    let trees = trees(c);
    let Some(decl) = declaration(&trees, name) else {
        return Vec::new();
    };
    let mut out = vec![decl.name.span];
    for (id, f) in c.sources.files() {
        let text = &f.text;
        let words = crate::syntax::name_words(text);
        for (start, end) in words {
            let span = Span::new(id, start, end);
            if &text[start..end] != name || span == decl.name.span {
                continue;
            }
            // `Orders = ...` in a block is a key, not a reference.
            let after = text[end..].trim_start_matches([' ', '\t']);
            if after.starts_with('=') && !after.starts_with("==") || after.starts_with(':') {
                continue;
            }
            out.push(span);
        }
    }
    out.sort_by_key(|s| (s.file.0, s.start));
    out
}

/// The places to rewrite to rename the declaration called `name` to
/// `new`: every reference, or why it cannot be renamed (`new` is not a
/// name, a declaration already has it, a reference is in the standard
/// library).
pub fn rename(c: &Compilation, name: &str, new: &str) -> Result<Vec<Span>, String> {
    if !crate::syntax::is_name(new) {
        return Err(format!(
            "`{new}` cannot name a declaration: use letters, digits and `_`, starting with a letter, and no keyword"
        ));
    }
    let trees = trees(c);
    if declaration(&trees, name).is_none() {
        return Err(format!("`{name}` is not a declaration of this spec"));
    }
    if new != name && declaration(&trees, new).is_some() {
        return Err(format!("a declaration is already called `{new}`"));
    }
    let spans = references(c, name);
    let in_stdlib = |s: &Span| {
        let f = c.sources.get(s.file);
        f.path.is_none() && f.name.starts_with("<stdlib>/")
    };
    if spans.iter().any(in_stdlib) {
        return Err(format!(
            "`{name}` is named in the standard library, which cannot be changed"
        ));
    }
    Ok(spans)
}

/// A mechanical fix of a diagnostic: the text to put in place of a span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// What the editor shows (`replace with \`Orders\``).
    pub title: String,
    /// The text replaced.
    pub span: Span,
    /// What replaces it.
    pub text: String,
}

/// The fix of a diagnostic whose help says "did you mean `X`?" about the
/// name, word or dotted reference it points at: that name replaced by `X`.
pub fn fix(c: &Compilation, d: &Diagnostic) -> Option<Fix> {
    let help = d.help.as_deref()?;
    let start = help.find("did you mean `")? + "did you mean `".len();
    let end = start + help[start..].find('`')?;
    let suggestion = &help[start..end];
    let is_path = |t: &str| {
        !t.is_empty()
            && t.split('.').all(|part| {
                part.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                    && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            })
    };
    let written = c.sources.get(d.span.file).slice(d.span);
    if !is_path(written) || !is_path(suggestion) || written == suggestion {
        return None;
    }
    Some(Fix {
        title: format!("replace `{written}` with `{suggestion}`"),
        span: d.span,
        text: suggestion.to_string(),
    })
}

/// What a completion offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompletionKind {
    /// A declaration or statement keyword.
    Keyword,
    /// A declared name, with its declaration's kind.
    Name(DeclKind),
}

/// One completion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// The text to insert.
    pub label: String,
    /// What it is.
    pub kind: CompletionKind,
}

/// What may be written at a byte offset: declaration keywords at the start
/// of a line outside any body, statement keywords at the start of a line
/// inside one, and after a word that names a declaration of some kinds
/// (`on`, `send to`, `reads`, `dead_letter =`, `->`, ...) the names of
/// declarations of those kinds, from every file of the compilation.
pub fn completions(c: Option<&Compilation>, text: &str, offset: usize) -> Vec<Completion> {
    let offset = floor_char(text, offset.min(text.len()));
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..offset];
    // The word being typed is replaced; what comes before it decides.
    let typed_from = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    let context = before[..typed_from].trim_end();
    let depth = text[..line_start].bytes().fold(0i64, |d, b| match b {
        b'{' => d + 1,
        b'}' => d - 1,
        _ => d,
    });
    if context.is_empty() {
        let words: Vec<&str> = if depth <= 0 {
            crate::syntax::item_keywords().to_vec()
        } else {
            crate::syntax::statement_keywords().to_vec()
        };
        return words
            .into_iter()
            .map(|w| Completion {
                label: w.to_string(),
                kind: CompletionKind::Keyword,
            })
            .collect();
    }
    use DeclKind as K;
    let last = |w: &str| context.ends_with(w);
    let kinds: &[DeclKind] = if last("send to") || last("sends to") || last("dead_letter =") {
        &[K::Queue, K::Function, K::Bus, K::Topic, K::StateMachine]
    } else if last("on_failure =") || last("on_success =") {
        &[K::Queue, K::Topic, K::Function, K::Bus, K::Bucket]
    } else if last("publishes to") || last(" to") && context.contains("publishes") {
        &[K::Topic]
    } else if last("on") {
        &[K::Queue, K::Topic, K::Bucket, K::Table, K::Stream, K::Bus]
    } else if last("reads")
        || last("writes")
        || last(",") && (context.contains("reads") || context.contains("writes"))
    {
        &[K::Table, K::Bucket, K::Stream, K::Secret, K::Parameter]
    } else if last("deletes") {
        &[K::Bucket]
    } else if last("invokes") || last("->") || last("before_traffic =") || last("after_traffic =") {
        &[K::Function, K::StateMachine]
    } else if last("emits") || last("match") {
        &[K::Event]
    } else if last("rollback_on =") || last("rollback_on = [") {
        &[K::Alarm]
    } else if last("notify =") || last("deploy_notify =") {
        &[K::Topic]
    } else if last("answers") {
        &[K::StateMachine]
    } else {
        return Vec::new();
    };
    let Some(c) = c else {
        return Vec::new();
    };
    let mut out: Vec<Completion> = trees(c)
        .iter()
        .flat_map(|f| &f.decls)
        .filter(|d| kinds.contains(&d.kind) && !d.name.name.is_empty())
        .map(|d| Completion {
            label: d.name.name.clone(),
            kind: CompletionKind::Name(d.kind),
        })
        .collect();
    out.sort_by(|a, b| a.label.cmp(&b.label));
    out.dedup();
    out
}

/// Markdown for what the word at a byte offset of the file at `path` is: a
/// diagnostic code's explanation, or a declaration (its keyword and name,
/// its doc comment, where it is).
pub fn hover(c: &Compilation, path: &Path, text: &str, offset: usize) -> Option<String> {
    let (_, _, word) = word_at(text, offset)?;
    if let Some(info) = crate::diagnostics::codes::lookup(word) {
        return Some(format!(
            "**{}**: {}\n\n{}",
            info.code,
            info.title,
            info.explanation.trim()
        ));
    }
    let trees = trees(c);
    let decl = declaration(&trees, word)?;
    let source = c.sources.get(decl.span.file);
    let whole = &source.text[decl.span.start as usize..decl.span.end as usize];
    // The declaration's first line, and its body when short.
    let shown: String = if whole.lines().count() <= 12 {
        whole.to_string()
    } else {
        let mut head: Vec<&str> = whole.lines().take(10).collect();
        head.push("  ...");
        head.join("\n")
    };
    let doc = doc_comment(c, decl);
    let place = match &source.path {
        Some(p) if file_of(c, path) != Some(decl.span.file) => {
            format!("\n\ndeclared in `{}`", p.display())
        }
        _ => String::new(),
    };
    Some(format!(
        "`{}` `{}`{}\n\n```sls\n{}\n```{}{}",
        decl.kind.keyword(),
        decl.name.name,
        doc.map(|d| format!("\n\n{d}")).unwrap_or_default(),
        shown,
        place,
        derived(c, decl)
    ))
}

/// What the compiler derived for a declaration, for its hover: a
/// function's IAM statements, each with the spec text behind it, and the
/// retry window of every asynchronous hop into or out of it. Nothing for
/// a spec with errors, whose model may be incomplete.
fn derived(c: &Compilation, decl: &ast::Decl) -> String {
    if c.has_errors() {
        return String::new();
    }
    let name = &decl.name.name;
    let mut out = String::new();
    if decl.kind == DeclKind::Function {
        for f in crate::permissions::report(c, Some(name)) {
            if f.statements.is_empty() {
                continue;
            }
            out.push_str(&format!("\n\n**IAM** (role `{}`):", f.role));
            for st in &f.statements {
                out.push_str(&format!(
                    "\n- `{}` on `{}`: {} ({})",
                    st.actions.join("`, `"),
                    st.resources.join("`, `"),
                    st.because,
                    st.at
                ));
            }
        }
    }
    let windows: Vec<_> = c
        .retry_windows()
        .into_iter()
        .filter(|w| &w.target == name || w.source_name == *name)
        .collect();
    if !windows.is_empty() {
        out.push_str("\n\n**Retry windows**:");
        for w in windows {
            let then = match &w.outcome {
                crate::check::failures::Outcome::To(d) => format!("then `{d}`"),
                crate::check::failures::Outcome::Dropped(r) => format!("then dropped: {r}"),
                crate::check::failures::Outcome::Lost => "then lost (W0305)".to_string(),
            };
            out.push_str(&format!(
                "\n- {}: {}, {then} ({})",
                w.path(),
                crate::check::failures::duration(w.seconds),
                w.because
            ));
        }
    }
    out
}

/// The `///` lines right above a declaration.
fn doc_comment(c: &Compilation, decl: &ast::Decl) -> Option<String> {
    let (_, file) = c.trees.iter().find(|(id, _)| *id == decl.span.file)?;
    let text = &c.sources.get(decl.span.file).text;
    let lines: Vec<&str> = file
        .extra
        .doc_comments
        .iter()
        .filter(|s| s.end <= decl.span.start)
        .filter(|s| {
            // Only white space and other doc comments between it and the
            // declaration.
            text[s.end as usize..decl.span.start as usize]
                .lines()
                .all(|l| l.trim().is_empty() || l.trim_start().starts_with("///"))
        })
        .map(|s| text[s.start as usize + 3..s.end as usize].trim())
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_renames() {
        let text = "queue Orders { retention = 4d }\nfunction F {\n  handler = \"f.h\"\n  env { Orders = Orders.url }\n  sends to Orders\n}\n";
        let c = crate::compile_source(
            "a.sls",
            None,
            text.to_string(),
            crate::CheckOptions::new(crate::Date::parse("2026-11-23").unwrap()),
        );
        let refs = references(&c, "Orders");
        let at: Vec<usize> = refs.iter().map(|s| s.start as usize).collect();
        // The declaration, `Orders.url` and `sends to Orders`; not the key.
        assert_eq!(at.len(), 3, "{at:?}");
        assert!(at.iter().all(|&i| &text[i..i + 6] == "Orders"));
        assert!(rename(&c, "Orders", "function").is_err());
        assert!(rename(&c, "Orders", "F")
            .unwrap_err()
            .contains("already called"));
        assert!(rename(&c, "Orders", "2x").is_err());
        assert_eq!(rename(&c, "Orders", "Purchases").unwrap().len(), 3);
    }

    #[test]
    fn completes_keywords_and_names_by_kind() {
        let text = "queue Jobs\ntopic News\ntable Items { key = { id: string } }\nfunction F {\n  handler = \"f.h\"\n  reads \n  on J\n}\nq";
        let c = crate::compile_source(
            "a.sls",
            None,
            text.to_string(),
            crate::CheckOptions::new(crate::Date::parse("2026-11-23").unwrap()),
        );
        let labels = |at: usize| -> Vec<String> {
            completions(Some(&c), text, at)
                .into_iter()
                .map(|x| x.label)
                .collect()
        };
        assert_eq!(labels(text.find("reads ").unwrap() + 6), ["Items"]);
        assert_eq!(
            labels(text.find("on J").unwrap() + 4),
            ["Items", "Jobs", "News"]
        );
        assert!(labels(text.len()).contains(&"queue".to_string()));
        let inside = text.find("  reads").unwrap() + 2;
        assert!(labels(inside).contains(&"writes".to_string()));
    }

    #[test]
    fn did_you_mean_is_a_fix() {
        let text = "queue Orders { retention = 4d }\nfunction F {\n  handler = \"f.h\"\n  sends to Ordrs\n}\n";
        let c = crate::compile_source(
            "a.sls",
            None,
            text.to_string(),
            crate::CheckOptions::new(crate::Date::parse("2026-11-23").unwrap()),
        );
        let d = c.diagnostics.iter().find(|d| d.code == "E0101").unwrap();
        let f = fix(&c, d).unwrap();
        assert_eq!(f.text, "Orders");
        assert_eq!(&text[f.span.start as usize..f.span.end as usize], "Ordrs");
    }

    #[test]
    fn words_and_symbols() {
        let text = "queue Orders { retention = 4d }\nfunction F { reads Orders }\n";
        let at = text.rfind("Orders").unwrap() + 2;
        assert_eq!(word_at(text, at).map(|w| w.2), Some("Orders"));
        let names: Vec<String> = symbols(text).into_iter().map(|s| s.name).collect();
        assert_eq!(names, ["Orders", "F"]);
    }
}
