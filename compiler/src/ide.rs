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

/// The file on disk an editor opens for a file of a compilation: its own
/// path, or for a module of the standard library (which the binary
/// carries) a read-only copy under the cache folder `cache`.
pub fn path_of_file(c: &Compilation, file: FileId, cache: &Path) -> Option<PathBuf> {
    let f = c.sources.get(file);
    match &f.path {
        Some(p) => Some(p.clone()),
        None => crate::stdlib::materialize(&f.name, cache),
    }
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

/// One replacement of a fix: the text to put in place of a span (an
/// empty span inserts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The text replaced, in any file of the compilation.
    pub span: Span,
    /// What replaces it.
    pub text: String,
}

/// A mechanical fix of a diagnostic: edits that make it go away.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// What the editor shows (`replace \`Ordrs\` with \`Orders\``).
    pub title: String,
    /// The replacements, in no particular order; they do not overlap.
    pub edits: Vec<Edit>,
}

/// Every mechanical fix of a diagnostic: a "did you mean `X`?" replaced,
/// a dead-letter queue or failure destination added where failures go
/// nowhere (W0305), `partial_failures = true` on a batch trigger (W0326).
pub fn fixes(c: &Compilation, d: &Diagnostic) -> Vec<Fix> {
    let mut out: Vec<Fix> = fix(c, d).into_iter().collect();
    match d.code {
        "W0305" => out.extend(failure_destination(c, d)),
        "W0326" => out.extend(partial_failures(c, d)),
        _ => {}
    }
    out
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
        edits: vec![Edit {
            span: d.span,
            text: suggestion.to_string(),
        }],
    })
}

/// W0305: a new queue for the failures of the hop, named after what fails
/// (`JobsDlq`, `MakeThumbnailFailures`), declared above the declaration
/// that sends there, and the setting that sends there: `dead_letter =
/// JobsDlq after 5 receives` on a queue, `dead_letter = RDlq` on a rule or
/// schedule, `on_failure = FFailures` on a function invoked
/// asynchronously. The queue keeps messages 14 days, SQS's longest, so it
/// outlives its source (W0312).
fn failure_destination(c: &Compilation, d: &Diagnostic) -> Option<Fix> {
    use crate::check::failures::{Outcome, RetryKind};
    let windows = crate::check::failures::retry_windows(&c.model);
    let w = windows
        .iter()
        .find(|w| w.span == d.span && matches!(w.outcome, Outcome::Lost))?;
    let (owner, kind, suffix) = match w.kind {
        RetryKind::AsyncInvocation => (&w.target, DeclKind::Function, "Failures"),
        RetryKind::Queue => (&w.source_name, DeclKind::Queue, "Dlq"),
        RetryKind::RuleTarget => (&w.source_name, DeclKind::Rule, "Dlq"),
        RetryKind::ScheduleTarget => (&w.source_name, DeclKind::Schedule, "Dlq"),
        RetryKind::Stream | RetryKind::Subscription => return None,
    };
    let trees = trees(c);
    let decl = trees
        .iter()
        .flat_map(|f| &f.decls)
        .find(|x| x.kind == kind && &x.name.name == owner)?;
    let mut name = format!("{owner}{suffix}");
    let mut n = 2;
    while declaration(&trees, &name).is_some() {
        name = format!("{owner}{suffix}{n}");
        n += 1;
    }
    let setting = match w.kind {
        RetryKind::Queue => format!("dead_letter = {name} after 5 receives"),
        RetryKind::AsyncInvocation => format!("on_failure = {name}"),
        _ => format!("dead_letter = {name}"),
    };
    // A FIFO queue's dead-letter queue is FIFO too (E0303).
    let fifo = w.kind == RetryKind::Queue && c.model.queue(owner).is_some_and(|q| q.fifo);
    let text = &c.sources.get(decl.span.file).text;
    let at = above_comments(text, decl.span.start as usize);
    let queue = match fifo {
        true => format!("queue {name} {{\n  fifo      = true\n  retention = 14d\n}}\n\n"),
        false => format!("queue {name} {{\n  retention = 14d\n}}\n\n"),
    };
    let file = decl.span.file;
    Some(Fix {
        title: format!("add queue `{name}` for the failures, and `{setting}`"),
        edits: vec![
            Edit {
                span: Span::new(file, at, at),
                text: queue,
            },
            add_setting(text, decl.span, &setting),
        ],
    })
}

/// W0326: `partial_failures = true` in the trigger whose `batch` the
/// diagnostic points at.
fn partial_failures(c: &Compilation, d: &Diagnostic) -> Option<Fix> {
    let trees = trees(c);
    let trigger = trees
        .iter()
        .flat_map(|f| &f.decls)
        .flat_map(|decl| &decl.body)
        .find(|m| {
            matches!(m.kind, ast::MemberKind::On { .. })
                && m.span.file == d.span.file
                && m.span.start <= d.span.start
                && d.span.end <= m.span.end
        })?;
    let text = &c.sources.get(trigger.span.file).text;
    Some(Fix {
        title: "add `partial_failures = true`".to_string(),
        edits: vec![add_setting(text, trigger.span, "partial_failures = true")],
    })
}

/// The start of the line of byte `at`, above the comments right over it (a
/// declaration's doc comment stays with it).
fn above_comments(text: &str, at: usize) -> usize {
    let mut start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    while start > 0 {
        let prev = text[..start - 1].rfind('\n').map_or(0, |i| i + 1);
        if !text[prev..start].trim_start().starts_with("//") {
            break;
        }
        start = prev;
    }
    start
}

/// The edit that adds `setting` to the body of what `span` covers (a
/// declaration, a trigger): on a line of its own in a body written on
/// several lines, after a comma in one written on one, in a new body if
/// it has none.
fn add_setting(text: &str, span: Span, setting: &str) -> Edit {
    let at = |i: usize| Span::new(span.file, i, i);
    let whole = &text[span.start as usize..span.end as usize];
    // Without the comments a declaration's span may end with (the next
    // one's doc comment).
    let mut trimmed = whole.trim_end();
    while let Some(nl) = trimmed.rfind('\n') {
        if !trimmed[nl + 1..].trim_start().starts_with("//") {
            break;
        }
        trimmed = trimmed[..nl].trim_end();
    }
    let Some(close) = trimmed
        .ends_with('}')
        .then(|| span.start as usize + trimmed.len() - 1)
    else {
        return Edit {
            span: at(span.start as usize + trimmed.len()),
            text: format!(" {{ {setting} }}"),
        };
    };
    // The brace that opens the body: the one the last `}` closes.
    let mut depth = 0;
    let mut open = span.start as usize;
    for (i, b) in text[span.start as usize..=close].bytes().enumerate().rev() {
        match b {
            b'}' => depth += 1,
            b'{' => {
                depth -= 1;
                if depth == 0 {
                    open = span.start as usize + i;
                    break;
                }
            }
            _ => {}
        }
    }
    let inner = &text[open + 1..close];
    if inner.trim().is_empty() {
        return Edit {
            span: Span::new(span.file, open, close + 1),
            text: format!("{{ {setting} }}"),
        };
    }
    let last = open + 1 + inner.trim_end().len();
    if !inner.contains('\n') {
        let comma = if inner.trim_end().ends_with(',') {
            ""
        } else {
            ","
        };
        return Edit {
            span: at(last),
            text: format!("{comma} {setting}"),
        };
    }
    // The indentation of the body's first line that has a member.
    let indent: String = inner
        .lines()
        .skip(1)
        .find(|l| !l.trim().is_empty())
        .map(|l| l.chars().take_while(|c| *c == ' ' || *c == '\t').collect())
        .unwrap_or_else(|| "  ".to_string());
    Edit {
        span: at(last),
        text: format!("\n{indent}{setting}"),
    }
}

/// What a completion offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompletionKind {
    /// A declaration or statement keyword.
    Keyword,
    /// A declared name, with its declaration's kind.
    Name(DeclKind),
    /// A property or block of the body at hand.
    Property,
    /// One of the words a property takes.
    Word,
    /// A field of the event or message a `where` filters.
    Field,
}

/// One completion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// The text to insert.
    pub label: String,
    /// What it is.
    pub kind: CompletionKind,
    /// A short line about it: a property's type and default, a field's type.
    pub detail: Option<String>,
    /// Markdown that explains it: a property's row of docs/language.md.
    pub documentation: Option<String>,
}

impl Completion {
    fn new(label: impl Into<String>, kind: CompletionKind) -> Completion {
        Completion {
            label: label.into(),
            kind,
            detail: None,
            documentation: None,
        }
    }
}

/// What may be written at a byte offset: declaration keywords at the start
/// of a line outside any body; at the start of a line inside one, the
/// properties and blocks that body takes (with their type and default)
/// and, in a declaration's own body, statement keywords; after `KEY =`,
/// the words `KEY` takes; in a `where` filter, the fields of the event or
/// message it tests; and after a word that names a declaration of some
/// kinds (`on`, `send to`, `reads`, `dead_letter =`, `->`, ...) the names
/// of declarations of those kinds, from every file of the compilation.
///
/// Properties and words are those the compiler reads there: the spec is
/// resolved once more with a placeholder at the offset, and what the
/// resolver asked of that body or value is the answer.
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
    // What a placeholder replaces: the word the cursor is in or after,
    // nothing when it is before one.
    let word_end = match typed_from < before.len() {
        true => word_at(text, offset).map_or(offset, |(_, end, _)| end),
        false => offset,
    };
    let typed = (line_start + typed_from, word_end);
    if let Some(fields) = c.and_then(|c| where_fields(c, text, line_start, offset)) {
        return fields;
    }
    // Inside a body, at the start of a member (or after `{`, `,`).
    let member_start = context.is_empty() || context.ends_with('{') || context.ends_with(',');
    if context.is_empty() && depth <= 0 {
        return crate::syntax::item_keywords()
            .iter()
            .map(|w| Completion::new(*w, CompletionKind::Keyword))
            .collect();
    }
    if member_start {
        let (mut out, statements) = match c {
            Some(c) => properties(c, text, typed),
            None => (Vec::new(), true),
        };
        let innermost = depth + context.matches('{').count() as i64;
        if context.is_empty() && innermost == 1 && statements {
            out.extend(
                crate::syntax::statement_keywords()
                    .iter()
                    .map(|w| Completion::new(*w, CompletionKind::Keyword)),
            );
        }
        return out;
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
    } else if last("=") {
        return c.map_or_else(Vec::new, |c| words(c, text, typed));
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
            detail: Some(d.kind.keyword().to_string()),
            ..Completion::new(d.name.name.clone(), CompletionKind::Name(d.kind))
        })
        .collect();
    out.sort_by(|a, b| a.label.cmp(&b.label));
    out.dedup();
    out
}

/// The placeholder a probe writes where the editor's cursor is.
const PROBE: &str = "slsc_completion_probe";

/// The spec with `placed` (a member or a value) written over `typed`,
/// resolved: what the resolver accepted, where `placed` starts, and the
/// keyword of the declaration it is in (`function`), if any. Of the
/// other declarations of the file, the app's is kept, those the one at
/// `typed` names keep their header (a trigger's settings depend on what
/// its source is), and the rest are blanked, offsets and newlines kept:
/// resolving a declaration and its neighbours is fast in a spec of any
/// size.
fn probe(
    c: &Compilation,
    text: &str,
    typed: (usize, usize),
    placed: &str,
) -> Option<(Compilation, Option<&'static str>)> {
    // The spec is the compilation's first file; `use`s are relative to it.
    let (_, spec) = c.sources.files().next()?;
    let (name, path) = (spec.name.clone(), spec.path.clone());
    let mut probe = String::with_capacity(text.len() + placed.len());
    probe.push_str(&text[..typed.0]);
    probe.push_str(placed);
    probe.push_str(&text[typed.1..]);
    // Declarations after the probe moved by what it added.
    let delta = placed.len() as i64 - (typed.1 - typed.0) as i64;
    let moved = |at: usize| match at >= typed.1 {
        true => (at as i64 + delta) as usize,
        false => at,
    };
    let decls = decls_of(c, text);
    let here = decls
        .iter()
        .find(|d| (d.span.start as usize..=d.span.end as usize).contains(&typed.0));
    let named: std::collections::HashSet<&str> = here
        .map(|d| &text[d.span.start as usize..d.span.end as usize])
        .unwrap_or_default()
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    let mut bytes = probe.into_bytes();
    let len = bytes.len();
    for d in &decls {
        let (start, end) = (d.span.start as usize, d.span.end as usize);
        if (start..=end).contains(&typed.0) || d.kind == DeclKind::App {
            continue;
        }
        // A named one keeps its header: blanked from after its body's `{`
        // to before its `}`.
        let from = match named.contains(d.name.as_str()) {
            true => match text[d.name_end..end].find('{') {
                Some(open) => d.name_end + open + 1,
                None => continue,
            },
            false => start,
        };
        let to = match from == start {
            true => end,
            false => text[..end].rfind('}').unwrap_or(from).max(from),
        };
        for b in &mut bytes[moved(from).min(len)..moved(to).min(len)] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    let probe = String::from_utf8(bytes).ok()?;
    let opts = CheckOptions::new(crate::Date::today());
    let keyword = here.map(|d| d.kind.keyword());
    Some((
        crate::compile_source(&name, path.as_deref(), probe, opts),
        keyword,
    ))
}

/// A declaration's place, for a probe.
struct Placed {
    kind: DeclKind,
    name: String,
    /// Where its name ends.
    name_end: usize,
    span: Span,
}

/// The declarations of `text`, the spec of compilation `c`: from the tree
/// `c` parsed, when it is of this text (it is, in an editor that compiles
/// after each change); else parsed again.
fn decls_of(c: &Compilation, text: &str) -> Vec<Placed> {
    let of = |f: &ast::File| {
        f.decls
            .iter()
            .map(|d| Placed {
                kind: d.kind,
                name: d.name.name.clone(),
                name_end: d.name.span.end as usize,
                span: d.span,
            })
            .collect()
    };
    let first = c.sources.files().next().map(|(id, f)| (id, &f.text));
    if let Some((id, _)) = first.filter(|(_, t)| t.as_str() == text) {
        if let Some((_, tree)) = c.trees.iter().find(|(t, _)| *t == id) {
            return of(tree);
        }
    }
    of(&crate::syntax::parse(FileId(0), text).0)
}

/// The properties and blocks the body around `typed` takes, those it
/// does not have yet, with their rows of docs/language.md; and whether
/// the body takes statements too.
fn properties(c: &Compilation, text: &str, typed: (usize, usize)) -> (Vec<Completion>, bool) {
    // On a line of its own when the cursor is before other text.
    let rest = text[typed.1..]
        .lines()
        .next()
        .unwrap_or_default()
        .trim_start();
    let member = match rest.is_empty() || rest.starts_with('}') || rest.starts_with("//") {
        true => format!("{PROBE} = 0"),
        false => format!("{PROBE} = 0\n"),
    };
    let Some((probed, section)) = probe(c, text, typed, &member) else {
        return (Vec::new(), true);
    };
    let here = |m: &Span| m.file == FileId(0) && m.start as usize == typed.0;
    let accepted = &probed.model.accepted;
    let statements = !accepted.properties_only.iter().any(here);
    let Some(body) = accepted.bodies.iter().find(|b| b.members.iter().any(here)) else {
        return (Vec::new(), statements);
    };
    let probe_text = &probed.sources.get(FileId(0)).text;
    let written: Vec<&str> = body
        .members
        .iter()
        .filter_map(|m| word_at(probe_text, m.start as usize).map(|w| w.2))
        .collect();
    let mut out: Vec<Completion> = Vec::new();
    for name in &body.names {
        if written.contains(name) || out.iter().any(|x| x.label == *name) {
            continue;
        }
        let row = section.and_then(|k| property_row(k, name));
        out.push(Completion {
            detail: row.as_ref().map(|r| r.detail()),
            documentation: row.as_ref().map(|r| r.markdown()),
            ..Completion::new(*name, CompletionKind::Property)
        });
    }
    (out, statements)
}

/// The words the property before `typed` takes.
fn words(c: &Compilation, text: &str, typed: (usize, usize)) -> Vec<Completion> {
    let Some((probed, _)) = probe(c, text, typed, PROBE) else {
        return Vec::new();
    };
    let accepted = &probed.model.accepted.words;
    let Some((_, words)) = accepted
        .iter()
        .find(|(s, _)| s.file == FileId(0) && s.start as usize == typed.0)
    else {
        return Vec::new();
    };
    words
        .iter()
        .map(|w| Completion::new(w.clone(), CompletionKind::Word))
        .collect()
}

/// A property's row in a table of docs/language.md.
struct Row {
    /// The table's column names and the row's cells.
    cells: Vec<(String, String)>,
}

impl Row {
    fn cell(&self, column: &str) -> Option<&str> {
        self.cells
            .iter()
            .find(|(c, v)| c == column && !v.is_empty())
            .map(|(_, v)| v.as_str())
    }

    /// Its type and default, on one line.
    fn detail(&self) -> String {
        let value = self.cell("Value").unwrap_or_default();
        let mut out = match value.chars().count() > 60 {
            true => format!("{}...", value.chars().take(57).collect::<String>()),
            false => value.to_string(),
        };
        if let Some(default) = self.cell("Default") {
            if default.chars().count() <= 40 {
                out.push_str(&format!(" (default {default})"));
            }
        }
        out
    }

    /// Every cell, with its column's name.
    fn markdown(&self) -> String {
        self.cells
            .iter()
            .skip(1)
            .filter(|(_, v)| !v.is_empty())
            .map(|(c, v)| format!("**{c}**: {v}"))
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// The row of property `name` in the section of docs/language.md about
/// declaration `keyword` (`### \`queue\``), links reduced to their text.
fn property_row(keyword: &str, name: &str) -> Option<Row> {
    const LANGUAGE: &str = include_str!("../../docs/language.md");
    let heading = format!("\n### `{keyword}`");
    let start = LANGUAGE.find(&heading)? + heading.len();
    let end = LANGUAGE[start..]
        .find("\n### ")
        .map_or(LANGUAGE.len(), |i| start + i);
    let cells = |line: &str| -> Vec<String> {
        // `\|` inside a cell is a bar of the text.
        let line = line.trim().trim_matches('|').replace("\\|", "\u{0}");
        line.split('|')
            .map(|c| unlink(c.trim()).replace('\u{0}', "|"))
            .collect()
    };
    let mut header: Vec<String> = Vec::new();
    let lines = LANGUAGE[start..end].lines();
    for line in lines {
        if !line.starts_with('|') {
            header.clear();
            continue;
        }
        if header.is_empty() {
            header = cells(line);
            continue;
        }
        if line.starts_with("|---") {
            continue;
        }
        let row = cells(line);
        let first = row.first()?;
        let names = first.split('`').skip(1).step_by(2).map(|t| {
            t.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .next()
                .unwrap_or_default()
        });
        if header.first().is_some_and(|h| h == "Property") && names.into_iter().any(|n| n == name) {
            return Some(Row {
                cells: header.iter().cloned().zip(row).collect(),
            });
        }
    }
    None
}

/// Markdown `[text](target)` as `text`.
fn unlink(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let Some(mid) = rest[open..].find("](").map(|i| open + i) else {
            break;
        };
        let Some(close) = rest[mid..].find(')').map(|i| mid + i) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..mid]);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// In a `where` filter (`match E where`, `on Q where`, `subscribe Q
/// where`), at a field: the fields of the event or message it tests, under
/// the dotted path typed so far.
fn where_fields(
    c: &Compilation,
    text: &str,
    line_start: usize,
    offset: usize,
) -> Option<Vec<Completion>> {
    let before = &text[line_start..offset];
    let path_from = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .map_or(0, |i| i + 1);
    let typed_path = &before[path_from..];
    let head = before[..path_from].trim_end();
    let w = head.rfind(" where")?;
    let filter = head[w + " where".len()..].trim();
    let at_field = filter.is_empty()
        || ["and", "or", "not", "("]
            .iter()
            .any(|t| filter.ends_with(t) && !filter.ends_with(&format!("\"{t}")));
    if !at_field {
        return None;
    }
    let words: Vec<&str> = head[..w].split_whitespace().collect();
    let (verb, source) = match words[..] {
        [.., v, s] => (v, s),
        _ => return None,
    };
    let last = source.rsplit('.').next().unwrap_or(source);
    let model = &c.model;
    let message = |r: &Option<crate::model::Ref>| -> Option<Vec<crate::model::FieldDef>> {
        let r = r.as_ref()?;
        match model.type_def(&r.name) {
            Some(t) => Some(t.fields.clone()),
            None => model.event(&r.name).map(|e| e.fields.clone()),
        }
    };
    let mut fields = match verb {
        "match" => model.event(last)?.fields.clone(),
        "on" => match model.queue(last) {
            Some(q) => message(&q.message)?,
            None => message(&model.topic(last)?.message)?,
        },
        "subscribe" => {
            let (file, _) = crate::syntax::parse(FileId(0), text);
            let topic = file
                .decls
                .iter()
                .find(|d| d.span.start as usize <= offset && offset <= d.span.end as usize)?;
            message(&model.topic(&topic.name.name)?.message)?
        }
        _ => return None,
    };
    // Down the dotted path typed so far.
    let mut parts: Vec<&str> = typed_path.split('.').collect();
    parts.pop();
    for part in parts {
        let f = fields.iter().find(|f| f.name == part)?;
        fields = record_fields(model, &f.ty)?;
    }
    Some(
        fields
            .iter()
            .map(|f| {
                let label = match crate::syntax::is_name(&f.name) {
                    true => f.name.clone(),
                    false => format!("\"{}\"", f.name),
                };
                Completion {
                    detail: Some(format!(
                        "{}{}",
                        type_text(&f.ty),
                        if f.optional { " (optional)" } else { "" }
                    )),
                    ..Completion::new(label, CompletionKind::Field)
                }
            })
            .collect(),
    )
}

/// The fields under a field of this type: a record's, a declared type's,
/// or a list's items'.
fn record_fields(
    model: &crate::model::Model,
    ty: &crate::model::Ty,
) -> Option<Vec<crate::model::FieldDef>> {
    use crate::model::Ty;
    match ty {
        Ty::Record(fields) => Some(fields.clone()),
        Ty::Named(n) => model.type_def(n).map(|t| t.fields.clone()),
        Ty::List(item) => record_fields(model, item),
        _ => None,
    }
}

/// A field's type as a spec writes it.
fn type_text(ty: &crate::model::Ty) -> String {
    use crate::model::Ty;
    match ty {
        Ty::String => "string".into(),
        Ty::Int => "int".into(),
        Ty::Number => "number".into(),
        Ty::Bool => "bool".into(),
        Ty::Timestamp => "timestamp".into(),
        Ty::Enum(words) => words
            .iter()
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>()
            .join(" | "),
        Ty::List(item) => format!("[{}]", type_text(item)),
        Ty::Record(_) => "{ ... }".into(),
        Ty::Named(n) => n.clone(),
    }
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
    fn completes_properties_words_and_fields_by_context() {
        let text = "app a { runtime = \"python3.13\" }\ntype Customer { country: string, tier?: \"gold\" | \"silver\" }\nevent Placed from \"shop\" detail_type \"Placed\" { total: number, customer: Customer }\nqueue Jobs {\n  retention = 4d\n  \n}\nfunction F {\n  handler = \"f.h\"\n  tracing = active\n  on Jobs { batch = 10,  }\n  me\n}\nfunction G {\n  handler = \"g.h\"\n  architecture = \n}\nrule R on default {\n  match Placed where customer.\n  send to F\n}\n";
        let c = crate::compile_source(
            "a.sls",
            None,
            text.to_string(),
            crate::CheckOptions::new(crate::Date::parse("2026-11-23").unwrap()),
        );
        let at =
            |s: &str, after: &str| text.find(s).unwrap() + s.find(after).unwrap() + after.len();
        let got = |at: usize| completions(Some(&c), text, at);
        let labels = |at: usize| -> Vec<String> { got(at).into_iter().map(|x| x.label).collect() };
        // A function's properties, with their type and default from
        // docs/language.md; statement keywords too.
        let items = got(at("  me\n", "  me"));
        let memory = items.iter().find(|i| i.label == "memory").unwrap();
        assert_eq!(memory.kind, CompletionKind::Property);
        assert!(
            memory.detail.as_deref().unwrap().contains("128MB"),
            "{memory:?}"
        );
        assert!(
            memory
                .documentation
                .as_deref()
                .unwrap()
                .contains("MemorySize"),
            "{memory:?}"
        );
        assert!(items.iter().any(|i| i.label == "reads"));
        // Already written: not offered again.
        assert!(items
            .iter()
            .all(|i| i.label != "handler" && i.label != "tracing"));
        // A queue's, without `retention`.
        let queue = labels(at("  retention = 4d\n  \n", "4d\n  "));
        assert!(
            queue.contains(&"visibility_timeout".to_string()),
            "{queue:?}"
        );
        assert!(queue.contains(&"dead_letter".to_string()), "{queue:?}");
        assert!(!queue.contains(&"retention".to_string()), "{queue:?}");
        assert!(!queue.contains(&"reads".to_string()), "{queue:?}");
        // A queue trigger's, after a comma.
        let trigger = labels(at("batch = 10,  }", "10, "));
        assert!(
            trigger.contains(&"partial_failures".to_string()),
            "{trigger:?}"
        );
        assert!(!trigger.contains(&"batch".to_string()), "{trigger:?}");
        // The words a property takes.
        assert_eq!(labels(at("architecture = \n", "= ")), ["x86_64", "arm64"]);
        // The fields of the event a rule matches, down a dotted path.
        let fields = got(at("where customer.", "customer."));
        let names: Vec<&str> = fields.iter().map(|f| f.label.as_str()).collect();
        assert_eq!(names, ["country", "tier"]);
        assert_eq!(
            fields[1].detail.as_deref(),
            Some("\"gold\" | \"silver\" (optional)")
        );
        assert_eq!(
            labels(at("where customer.", "where ")),
            ["total", "customer"]
        );
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
        assert_eq!(f.edits[0].text, "Orders");
        let at = f.edits[0].span;
        assert_eq!(&text[at.start as usize..at.end as usize], "Ordrs");
    }

    /// The text with a fix's edits applied (all in one file).
    fn apply(text: &str, fix: &Fix) -> String {
        let mut edits = fix.edits.clone();
        edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
        let mut out = text.to_string();
        for e in edits {
            out.replace_range(e.span.start as usize..e.span.end as usize, &e.text);
        }
        out
    }

    /// Each fix of `code` in `text` (at `path`) takes the diagnostic away
    /// and adds no other; returns the fixed texts.
    fn fixed(path: &Path, text: &str, code: &str) -> Vec<String> {
        let opts = || crate::CheckOptions::new(crate::Date::parse("2026-11-23").unwrap());
        let compile = |t: &str| crate::compile_source("bad.sls", Some(path), t.to_string(), opts());
        let c = compile(text);
        let found: Vec<&Diagnostic> = c.diagnostics.iter().filter(|d| d.code == code).collect();
        assert!(!found.is_empty(), "{code} not raised by {}", path.display());
        let mut out = Vec::new();
        for d in found {
            let fs: Vec<Fix> = fixes(&c, d)
                .into_iter()
                .filter(|f| f.title.starts_with("add"))
                .collect();
            assert_eq!(fs.len(), 1, "{code} in {}: {fs:?}", path.display());
            let new = apply(text, &fs[0]);
            let after = compile(&new);
            let codes = |c: &Compilation| {
                let mut v: Vec<&str> = c.diagnostics.iter().map(|d| d.code).collect();
                v.sort();
                v
            };
            assert!(
                after.diagnostics.len() < c.diagnostics.len()
                    && codes(&after).iter().all(|x| codes(&c).contains(x)),
                "{code} in {}: fixed as\n{new}\nbefore {:?}\nafter {:?}",
                path.display(),
                codes(&c),
                codes(&after)
            );
            out.push(new);
        }
        out
    }

    #[test]
    fn fixes_of_the_fixtures_take_their_diagnostic_away() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/diagnostics");
        for code in ["W0305", "W0326"] {
            for entry in std::fs::read_dir(root.join(code)).unwrap() {
                let path = entry.unwrap().path();
                let name = path.file_name().unwrap().to_string_lossy().to_string();
                if !name.starts_with("bad") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                fixed(&path, &text, code);
            }
        }
    }

    #[test]
    fn dead_letter_queues_are_added_where_failures_go_nowhere() {
        let path = Path::new("a.sls");
        // A queue without a body, a FIFO queue written on one line, a rule.
        let text = "app a { runtime = \"python3.13\" }\n\nqueue Jobs\n\n/// Ordered.\nqueue Steps { fifo = true }\n\nevent Placed from \"shop\" detail_type \"Placed\" { id: string }\n\nrule Big on default {\n  match Placed\n  send to Work\n}\n\nfunction Work {\n  handler = \"w.h\"\n  emits Placed to default\n  on Jobs\n  on_failure = drop { reason = \"test\" }\n}\n\nfunction Step {\n  handler = \"s.h\"\n  on Steps\n}\n";
        let fixed = fixed(path, text, "W0305");
        assert!(fixed.iter().any(|t| t.contains("queue JobsDlq {\n  retention = 14d\n}\n\nqueue Jobs { dead_letter = JobsDlq after 5 receives }")), "{fixed:#?}");
        assert!(fixed.iter().any(|t| t.contains("fifo      = true\n  retention = 14d\n}\n\n/// Ordered.\nqueue Steps { fifo = true, dead_letter = StepsDlq after 5 receives }")), "{fixed:#?}");
        assert!(
            fixed
                .iter()
                .any(|t| t.contains("match Placed\n  send to Work\n  dead_letter = BigDlq\n}")),
            "{fixed:#?}"
        );
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
