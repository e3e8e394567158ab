//! Parsing: source text to [`ast::File`].
//!
//! The pest grammar (`syntax/sls.pest`) is applied one top-level item at a
//! time. Parsing never panics and never fails: it returns what it could
//! read, with a diagnostic for each problem, and the file's trivia
//! (comments and blank lines, see [`ast::Extra`]).
//!
//! A declaration that does not parse is recovered member by member: the
//! driver works on a copy of the declaration's text, asks `messages` what
//! went wrong and how to get past it, applies that fix to the copy (a
//! repair of the same length, such as `512mb` read as `512MB`; or the
//! broken member blanked out; or the brackets left open closed) and parses
//! the copy again, so that the rest of the declaration still reaches every
//! later check, as a language server needs on every keystroke. Offsets in
//! the copy are those of the file, so spans need no mapping. A declaration
//! that cannot be recovered (its header is broken, or it has more than
//! [`MAX_REPAIRS`] errors) is skipped to the next line that starts a
//! declaration, and its name is kept in [`ast::File::broken`].
//!
//! Terms: a *declaration line* is a line that starts, in its first column,
//! with a declaration keyword and a name (`queue Jobs`); it bounds how far
//! a declaration's recovery reads, so that a missing `}` is reported at
//! the `{` it leaves open, not at the next declaration.

pub mod format;
mod lower;
mod messages;
mod recover;
mod trivia;

use crate::ast::{self, Move, Respan};
use crate::diagnostics::Code;
use crate::diagnostics::Diagnostic;
use crate::source::{FileId, Span};
use messages::{Failure, Fix, ITEM_KEYWORDS};
use pest::Parser;

/// The generated parser; its `Rule` enum mirrors the grammar's rules, which
/// are documented in the grammar itself.
mod generated {
    #![allow(missing_docs)]
    #[derive(pest_derive::Parser)]
    #[grammar = "syntax/sls.pest"]
    pub struct SlsParser;
}
use generated::{Rule, SlsParser};

/// How many times recovery fixes one declaration and parses it again
/// before it gives up on it. Each pass parses the declaration once more,
/// so this bounds the cost of a declaration full of errors to a constant
/// times its length (and the errors reported for it).
pub const MAX_REPAIRS: usize = 24;

/// Parses one file. Syntax errors come back as diagnostics next to every
/// declaration that did parse.
pub fn parse(file: FileId, text: &str) -> (ast::File, Vec<Diagnostic>) {
    parse_with(file, text, None)
}

/// Parses one file as [`parse`] does, reusing from `cache` the tree of
/// every declaration whose text it has seen before (at any offset, in any
/// file), and keeping there those it parses.
pub fn parse_cached(file: FileId, text: &str, cache: &Cache) -> (ast::File, Vec<Diagnostic>) {
    parse_with(file, text, Some(cache))
}

/// Parsed declarations by their text, for a language server: an edit
/// changes one declaration, and parsing the file again after it reuses the
/// trees of all the others, moved to where they now are. Only declarations
/// that parse without recovery are kept; their tree is a function of their
/// text alone.
///
/// Entries not used between two [`Cache::sweep`]s are dropped, so that the
/// cache holds about the declarations of the files being edited.
#[derive(Default)]
pub struct Cache {
    /// Used since the last sweep, by the hash of their text (hashed once
    /// per lookup: a spec's declarations are a megabyte at 1,000
    /// functions), with the text.
    current: std::sync::Mutex<std::collections::HashMap<u64, (String, Cached)>>,
    /// Used before the last sweep, not since.
    previous: std::sync::Mutex<std::collections::HashMap<u64, (String, Cached)>>,
}

/// One declaration's parse, as parsing its text alone at offset 0 of
/// `file` gives it.
#[derive(Clone)]
struct Cached {
    file: FileId,
    /// Where the item ends, from its start.
    end: usize,
    item: std::result::Result<lower::Item, Box<Diagnostic>>,
    /// Warnings lowering found.
    soft: Vec<Diagnostic>,
}

impl Cache {
    /// Drops the entries not used since the last sweep.
    pub fn sweep(&self) {
        let current = std::mem::take(&mut *lock(&self.current));
        *lock(&self.previous) = current;
    }

    /// How many declarations it holds.
    pub fn len(&self) -> usize {
        lock(&self.current).len() + lock(&self.previous).len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The key of a declaration's text.
    fn key(text: &str) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut h);
        h.finish()
    }

    fn get(&self, key: u64, text: &str) -> Option<Cached> {
        if let Some((t, c)) = lock(&self.current).get(&key) {
            return (t == text).then(|| c.clone());
        }
        let (t, c) = lock(&self.previous).remove(&key)?;
        if t != text {
            return None;
        }
        let copy = c.clone();
        lock(&self.current).insert(key, (t, c));
        Some(copy)
    }

    fn put(&self, key: u64, text: &str, c: Cached) {
        lock(&self.current).insert(key, (text.to_string(), c));
    }
}

/// Moves the spans of a diagnostic as [`Respan`] does those of a tree.
pub(crate) fn respan_diagnostic(d: &mut Diagnostic, m: Move) {
    // Taken apart whole, so that a span added to diagnostics is not
    // forgotten here.
    let Diagnostic {
        code: _,
        severity: _,
        message: _,
        span,
        label: _,
        secondary,
        help: _,
    } = d;
    span.respan(m);
    for (span, _) in secondary {
        span.respan(m);
    }
}

/// A mutex's data, also after a thread panicked holding it (a cache
/// entry is whole or absent: a panic cannot leave one half written).
fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// From how many bytes a file's second half is parsed on a thread of its
/// own (a spec of 1,000 functions is a megabyte; `examples/` are a few
/// kilobytes each, for which a thread costs more than it saves).
const PARALLEL_FROM: usize = 256 * 1024;

/// What both halves of a file's parse read.
struct Shared {
    nesting: Nesting,
    decl_lines: Vec<usize>,
    outline: recover::Outline,
}

fn parse_with(file: FileId, text: &str, cache: Option<&Cache>) -> (ast::File, Vec<Diagnostic>) {
    parse_split(file, text, cache, PARALLEL_FROM)
}

/// Parses a file, in two halves at once when it has `parallel_from` bytes
/// or more.
pub(crate) fn parse_split(
    file: FileId,
    text: &str,
    cache: Option<&Cache>,
    parallel_from: usize,
) -> (ast::File, Vec<Diagnostic>) {
    let shared = Shared {
        nesting: Nesting::new(text),
        decl_lines: declaration_lines(text),
        outline: recover::Outline::new(text),
    };
    let driver = |extra| Driver {
        cache,
        file,
        text,
        nesting: &shared.nesting,
        decl_lines: &shared.decl_lines,
        outline: &shared.outline,
        out: ast::File {
            extra,
            ..ast::File::default()
        },
        diags: Vec::new(),
        last_close: None,
    };
    let mut first = driver(trivia::scan(file, text));
    let mut pos = skip_trivia(text, 0);
    // A large file is parsed in two halves at once, the second from the
    // declaration line nearest its middle. That half is a guess: it is
    // what parsing the whole file gives only if the first half stops
    // exactly where it starts, and it found no error (recovery reads
    // across declarations, and its messages look back at the last `}`).
    // Otherwise it is dropped and the first half goes on alone.
    let middle = (text.len() >= parallel_from)
        .then(|| {
            let i = shared.decl_lines.partition_point(|l| *l < text.len() / 2);
            shared.decl_lines.get(i).copied()
        })
        .flatten();
    if let Some(middle) = middle {
        let second = std::thread::scope(|s| {
            let second = s.spawn(|| {
                let mut d = driver(ast::Extra::default());
                let mut at = middle;
                while at < text.len() {
                    at = d.item(at);
                }
                (d.out, d.diags, d.last_close)
            });
            while pos < middle {
                pos = first.item(pos);
            }
            second.join()
        });
        if let Ok((out, diags, last_close)) = second {
            if pos == middle && diags.is_empty() && first.diags.is_empty() {
                let ast::File {
                    uses,
                    decls,
                    broken,
                    extra: _,
                } = out;
                first.out.uses.extend(uses);
                first.out.decls.extend(decls);
                first.out.broken.extend(broken);
                first.last_close = last_close;
                pos = text.len();
            }
        }
    }
    while pos < text.len() {
        pos = first.item(pos);
    }
    (first.out, first.diags)
}

/// The state of parsing one file.
struct Driver<'t> {
    cache: Option<&'t Cache>,
    file: FileId,
    text: &'t str,
    nesting: &'t Nesting,
    /// The start of every declaration line, in order.
    decl_lines: &'t [usize],
    /// The file's tokens, for where each declaration ends at most.
    outline: &'t recover::Outline,
    out: ast::File,
    diags: Vec<Diagnostic>,
    /// The `}` that ended the last declaration, for messages about text
    /// after it.
    last_close: Option<Span>,
}

impl Driver<'_> {
    /// Parses the item at `pos`; returns where the next one starts.
    fn item(&mut self, pos: usize) -> usize {
        let text = self.text;
        // The parser never sees nesting deeper than MAX_DEPTH: the text it
        // gets ends where nesting, counted from where it starts, first goes
        // deeper, so that it, and every later stage, recurses a bounded
        // number of times.
        let limit = self.nesting.too_deep_after(pos).unwrap_or(text.len());
        // Pest's error for text that does not parse holds the whole line it
        // stops on: the text it gets ends with the declaration's body, so
        // that many errors on one long line cost each their own length.
        let bound = self.outline.extent(pos).unwrap_or(limit).min(limit);
        if let Some(cache) = self.cache {
            if let Some(next) = self.item_cached(cache, pos, bound) {
                return next;
            }
        }
        match SlsParser::parse(Rule::item_at, &text[pos..bound]) {
            Ok(mut pairs) => {
                let item_at = pairs.next().expect("item_at matched");
                let end = pos + item_at.as_span().end();
                // An item that stops inside a hyphenated name, or runs
                // over a declaration line, parsed by accident.
                let accidental =
                    messages::hyphenated(text, end).is_some() || self.next_decl_line(pos) < end;
                if !accidental {
                    let Some(item) = item_at.into_inner().next() else {
                        return text.len();
                    };
                    self.accept(item, pos, limit, Vec::new());
                    return skip_trivia(text, end.max(pos + 1));
                }
            }
            Err(err) if limit < text.len() && pos + error_offset(&err) >= limit => {
                self.too_deep(pos, limit);
                return skip_trivia(text, next_item_start(text, limit));
            }
            Err(_) => {}
        }
        self.recover(pos, limit)
    }

    /// Parses the item at `pos`, which the file's tokens end at `bound`, as
    /// [`Driver::item`] does, reusing and keeping its tree in `cache`; `None`
    /// when it does not parse as it stands (recovery's work, never kept).
    fn item_cached(&mut self, cache: &Cache, pos: usize, bound: usize) -> Option<usize> {
        let slice = &self.text[pos..bound];
        let key = Cache::key(slice);
        let cached = match cache.get(key, slice) {
            Some(c) => c,
            None => {
                let pairs = SlsParser::parse(Rule::item_at, slice).ok()?;
                let item_at = pairs.into_iter().next()?;
                let end = item_at.as_span().end();
                let item = item_at.into_inner().next()?;
                let lowerer = lower::Lowerer {
                    file: self.file,
                    base: 0,
                    limit: slice.len(),
                    soft: Default::default(),
                };
                let c = Cached {
                    file: self.file,
                    end,
                    item: lowerer.item(item),
                    soft: lowerer.soft.take(),
                };
                cache.put(key, slice, c.clone());
                c
            }
        };
        let end = pos + cached.end;
        if messages::hyphenated(self.text, end).is_some() || self.next_decl_line(pos) < end {
            return None;
        }
        let m = Move {
            from: cached.file,
            to: self.file,
            shift: pos as i64,
        };
        let mut soft = cached.soft;
        for d in &mut soft {
            respan_diagnostic(d, m);
        }
        let item = match cached.item {
            Ok(mut item) => {
                item.respan(m);
                Ok(item)
            }
            Err(mut d) => {
                respan_diagnostic(&mut d, m);
                Err(d)
            }
        };
        self.take(item, pos, Vec::new());
        self.diags.extend(soft);
        Some(skip_trivia(self.text, end.max(pos + 1)))
    }

    /// Lowers a parsed item into the tree.
    fn accept(
        &mut self,
        item: pest::iterators::Pair<Rule>,
        base: usize,
        limit: usize,
        recovered: Vec<Span>,
    ) {
        let lowerer = lower::Lowerer {
            file: self.file,
            base,
            limit,
            soft: Default::default(),
        };
        self.take(lowerer.item(item), base, recovered);
        self.diags.extend(lowerer.soft.take());
    }

    /// Puts a lowered item, or the error lowering it, into the tree.
    fn take(
        &mut self,
        item: std::result::Result<lower::Item, Box<Diagnostic>>,
        base: usize,
        recovered: Vec<Span>,
    ) {
        match item {
            Ok(lower::Item::Use(u)) => self.out.uses.push(u),
            Ok(lower::Item::Decl(mut d)) => {
                d.recovered = recovered;
                let end = d.span.end as usize;
                self.last_close = (end > 0 && self.text.as_bytes().get(end - 1) == Some(&b'}'))
                    .then(|| Span::new(self.file, end - 1, end));
                self.out.decls.push(d);
            }
            Err(d) => {
                self.diags.push(*d);
                self.out
                    .broken
                    .extend(declared_name(self.file, self.text, base));
            }
        }
    }

    /// E0008 for the item at `pos`, whose nesting goes too deep at `limit`.
    fn too_deep(&mut self, pos: usize, limit: usize) {
        let d = &self.text[limit..];
        let len = d.chars().next().map_or(0, char::len_utf8);
        let span = Span::new(self.file, limit, limit + token_end(d, 0).max(len));
        self.diags.push(
            Diagnostic::new(Code::E0008, span, format!("nesting deeper than {MAX_DEPTH} levels"))
                .label("too deep")
                .help("flatten the structure: name the inner parts as their own `type`s, and drop parentheses a pattern does not need"),
        );
        self.out
            .broken
            .extend(declared_name(self.file, self.text, pos));
    }

    /// The start of the first declaration line after the line of `pos`.
    fn next_decl_line(&self, pos: usize) -> usize {
        let i = self.decl_lines.partition_point(|l| *l <= pos);
        self.decl_lines.get(i).copied().unwrap_or(self.text.len())
    }

    /// Recovers the declaration at `pos`, which does not parse: reports
    /// each error, fixes the driver's copy of its text and parses it again
    /// (see the module docs). Returns where the next item starts.
    fn recover(&mut self, pos: usize, limit: usize) -> usize {
        let text = self.text;
        let cut = self.next_decl_line(pos).min(limit);
        let end = self.outline.extent(pos).unwrap_or(cut).min(cut);
        let mut work = text[pos..end].to_string();
        let real = work.len();
        let mut closed = false;
        let mut recovered: Vec<Span> = Vec::new();
        let mut broken = None;
        for _ in 0..MAX_REPAIRS {
            let err = match SlsParser::parse(Rule::item_at, &work) {
                Ok(mut pairs) => {
                    let item_at = pairs.next().expect("item_at matched");
                    let item_end = item_at.as_span().end();
                    match messages::hyphenated(&work, item_end).filter(|_| item_end < real) {
                        // `queue rule-dlq` parsed as `queue rule`.
                        Some(word) => Err(word),
                        None => match item_at.into_inner().next() {
                            Some(item) => {
                                self.accept(item, pos, pos + real, recovered);
                                return skip_trivia(text, pos + item_end.clamp(1, real));
                            }
                            None => return text.len(),
                        },
                    }
                }
                Err(err) => Ok(err),
            };
            let toks = recover::lex(&work[..real]);
            let (unexpected, expected, at) = match &err {
                Ok(err) => {
                    let (positives, negatives) = match &err.variant {
                        pest::error::ErrorVariant::ParsingError {
                            positives,
                            negatives,
                        } => (positives.clone(), negatives.clone()),
                        pest::error::ErrorVariant::CustomError { .. } => (Vec::new(), Vec::new()),
                    };
                    let at = error_offset(err);
                    if end == limit && limit < text.len() && at >= real {
                        self.too_deep(pos, limit);
                        return skip_trivia(text, next_item_start(text, limit));
                    }
                    (negatives, positives, at.min(real))
                }
                Err(word) => (Vec::new(), Vec::new(), word.start),
            };
            let failure = Failure {
                file: self.file,
                base: pos,
                text: &work[..real],
                toks: &toks,
                file_text: text,
                at,
                expected: &expected,
                unexpected: &unexpected,
                closed,
                last_close: self.last_close,
            };
            let (diag, fix) = match &err {
                Ok(_) => messages::diagnose(&failure),
                Err(word) => messages::hyphen(&failure, word.clone()),
            };
            self.diags.push(diag);
            let progress = match fix {
                Fix::Patch(edits) => {
                    let mut changed = false;
                    for (at, with) in edits {
                        let range = at..at + with.len();
                        if work.get(range.clone()).is_some_and(|old| old != with) {
                            recovered.push(Span::new(
                                self.file,
                                pos + range.start,
                                pos + range.end,
                            ));
                            work.replace_range(range, &with);
                            changed = true;
                        }
                    }
                    changed
                }
                Fix::Blank(range) => {
                    let range = range.start.min(real)..range.end.min(real);
                    if work[range.clone()].trim().is_empty() {
                        false
                    } else {
                        recovered.push(Span::new(self.file, pos + range.start, pos + range.end));
                        recover::blank(&mut work, range);
                        true
                    }
                }
                Fix::Close(closers) if !closed => {
                    work.push_str(&closers);
                    closed = true;
                    true
                }
                Fix::Close(_) => false,
                Fix::Skip(name) => {
                    broken = name;
                    false
                }
            };
            if !progress {
                break;
            }
        }
        // Given up: the declaration is dropped, its name kept.
        match broken {
            Some(name) => self.out.broken.push(name),
            None => self.out.broken.extend(declared_name(self.file, text, pos)),
        }
        skip_trivia(text, cut.max(pos + 1))
    }
}

/// The start of every declaration line of a text: a line that begins, in
/// its first column, with a declaration keyword, then space and a name (or
/// a string, for `use`). A line such as `stream = ...` (a property named
/// like a keyword) or `table exists` (a condition on a field named like
/// one) is not a declaration line.
fn declaration_lines(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let line_end = recover::line_end(text, start);
        let line = &text[start..line_end];
        let word_len = line.bytes().take_while(|b| recover::is_word(*b)).count();
        let rest = &line[word_len..];
        let after = rest.trim_start_matches([' ', '\t']);
        let next_len = after.bytes().take_while(|b| recover::is_word(*b)).count();
        let next = &after[..next_len];
        let spaced = after.len() < rest.len();
        let named = after.starts_with('"')
            || after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_');
        let test_word = matches!(
            next,
            "exists"
                | "not"
                | "in"
                | "prefix"
                | "suffix"
                | "matches"
                | "cidr"
                | "after"
                | "and"
                | "or"
                | "receives"
                | "receive"
                | "to"
        );
        if ITEM_KEYWORDS.contains(&&line[..word_len]) && spaced && named && !test_word {
            out.push(start);
        }
        start = recover::next_line_start(text, line_end);
    }
    out
}

/// How deeply brackets (`(`, `[`, `{`) and chained `after`s may nest. Real
/// specs nest a handful of levels; the limit keeps the recursive descent of
/// the parser and of every stage after it far from the end of the stack.
pub const MAX_DEPTH: usize = 64;

/// Every bracket (and `after`/`receives`, which nest a redrive's count) of
/// a text, outside strings and comments, with the nesting after it, to find
/// where nesting counted from any offset first goes deeper than
/// [`MAX_DEPTH`]. Counting from the start of the file would not do: after
/// an unclosed bracket, every later item starts deep.
struct Nesting {
    /// Offset of each opener or closer.
    offsets: Vec<u32>,
    /// Openers minus closers from the start of the text to just after it.
    depth: Vec<i32>,
    /// The deepest `depth` of each block of [`BLOCK`] events, as a segment
    /// tree (leaves from `leaves` on; a node holds its children's maximum).
    tree: Vec<i32>,
    leaves: usize,
}

/// Events per leaf of `Nesting::tree`.
const BLOCK: usize = 32;

impl Nesting {
    fn new(text: &str) -> Nesting {
        let bytes = text.as_bytes();
        let (mut offsets, mut depth) = (Vec::new(), Vec::new());
        let mut d = 0i32;
        let mut push = |at: usize, by: i32| {
            d += by;
            offsets.push(at as u32);
            depth.push(d);
        };
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'"' => {
                    i += 1;
                    while i < bytes.len() && !matches!(bytes[i], b'"' | b'\n' | b'\r') {
                        // An escape takes the next character, but not a line end.
                        let escapes =
                            bytes[i] == b'\\' && !matches!(bytes.get(i + 1), Some(b'\n' | b'\r'));
                        i += if escapes { 2 } else { 1 };
                    }
                }
                b'/' if bytes.get(i + 1) == Some(&b'/') => {
                    while i < bytes.len() && !matches!(bytes[i], b'\n' | b'\r') {
                        i += 1;
                    }
                    continue;
                }
                b'(' | b'[' | b'{' => push(i, 1),
                b')' | b']' | b'}' => push(i, -1),
                c if c.is_ascii_alphabetic() || c == b'_' => {
                    let start = i;
                    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_')
                    {
                        i += 1;
                    }
                    match &text[start..i] {
                        "after" => push(start, 1),
                        "receives" | "receive" => push(start, -1),
                        _ => {}
                    }
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        let blocks = depth.len().div_ceil(BLOCK).max(1);
        let leaves = blocks.next_power_of_two();
        let mut tree = vec![i32::MIN; 2 * leaves];
        for (b, chunk) in depth.chunks(BLOCK).enumerate() {
            tree[leaves + b] = chunk.iter().copied().max().unwrap_or(i32::MIN);
        }
        for n in (1..leaves).rev() {
            tree[n] = tree[2 * n].max(tree[2 * n + 1]);
        }
        Nesting {
            offsets,
            depth,
            tree,
            leaves,
        }
    }

    /// The offset of the first opener at or after `pos` that nests deeper
    /// than [`MAX_DEPTH`] counting from `pos`.
    fn too_deep_after(&self, pos: usize) -> Option<usize> {
        let first = self.offsets.partition_point(|o| (*o as usize) < pos);
        let base = first.checked_sub(1).map_or(0, |i| self.depth[i]);
        let over = base + MAX_DEPTH as i32;
        // The rest of the first block, one by one; then whole blocks.
        let block = first / BLOCK;
        let end = ((block + 1) * BLOCK).min(self.depth.len());
        if let Some(i) = (first..end).find(|i| self.depth[*i] > over) {
            return Some(self.offsets[i] as usize);
        }
        let b = self.first_block_above(1, 0, self.leaves, block + 1, over)?;
        let start = b * BLOCK;
        let end = (start + BLOCK).min(self.depth.len());
        (start..end)
            .find(|i| self.depth[*i] > over)
            .map(|i| self.offsets[i] as usize)
    }

    /// The first block at or after `from`, under `node` (covering blocks
    /// `lo..hi`), whose deepest event is deeper than `over`.
    fn first_block_above(
        &self,
        node: usize,
        lo: usize,
        hi: usize,
        from: usize,
        over: i32,
    ) -> Option<usize> {
        if hi <= from || self.tree[node] <= over {
            return None;
        }
        if hi - lo == 1 {
            return Some(lo);
        }
        let mid = (lo + hi) / 2;
        self.first_block_above(2 * node, lo, mid, from, over)
            .or_else(|| self.first_block_above(2 * node + 1, mid, hi, from, over))
    }
}

/// Where a pest error is, relative to the text parsed.
fn error_offset(err: &pest::error::Error<Rule>) -> usize {
    match err.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    }
}

/// The kind and name of the declaration starting at `pos`, read from the
/// text alone (for declarations that do not parse).
fn declared_name(file: FileId, text: &str, pos: usize) -> Option<(ast::DeclKind, ast::Ident)> {
    let word_at = |at: usize| -> (usize, usize) {
        let rest = &text[at..];
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        (at, at + len)
    };
    let (ks, ke) = word_at(pos);
    let kind = ast::DeclKind::from_keyword(&text[ks..ke])?;
    let after = ke + text[ke..].len() - text[ke..].trim_start_matches([' ', '\t']).len();
    let (ns, ne) = word_at(after);
    let name = &text[ns..ne];
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        return None;
    }
    Some((
        kind,
        ast::Ident {
            name: name.to_string(),
            span: Span::new(file, ns, ne),
        },
    ))
}

/// The byte ranges of the words of a text that can be names (not in
/// strings, route paths or comments, not after a `.`): where a declaration
/// may be referred to.
pub(crate) fn name_words(text: &str) -> Vec<(usize, usize)> {
    let toks = recover::lex(text);
    toks.iter()
        .enumerate()
        .filter(|(i, t)| {
            t.kind == recover::Kind::Word
                && t.text(text)
                    .starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                && !(*i > 0 && toks[i - 1].is(text, ".") && toks[i - 1].end == t.start)
        })
        .map(|(_, t)| (t.start, t.end))
        .collect()
}

/// The words that start a declaration or a `use` line.
pub(crate) fn item_keywords() -> &'static [&'static str] {
    ITEM_KEYWORDS
}

/// The words that start a statement in a body.
pub(crate) fn statement_keywords() -> &'static [&'static str] {
    messages::STATEMENTS
}

/// True when `word` can name a declaration: an identifier that is not a
/// keyword (the words of the grammar's `kw_` rules, read from the grammar
/// itself, so that the two never differ).
pub(crate) fn is_name(word: &str) -> bool {
    let keyword = include_str!("syntax/sls.pest")
        .lines()
        .filter(|l| l.starts_with("kw_"))
        .flat_map(|l| l.split('"').skip(1).step_by(2))
        .any(|k| k == word);
    let (file, diags) = parse(FileId(0), &format!("queue {word}\n"));
    !keyword && diags.is_empty() && file.decls.len() == 1 && file.decls[0].name.name == word
}

/// Skips white space and `//` comments from `pos`.
fn skip_trivia(text: &str, mut pos: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        while pos < bytes.len() && bytes[pos].is_ascii_whitespace() {
            pos += 1;
        }
        if bytes[pos..].starts_with(b"//") {
            while pos < bytes.len() && !matches!(bytes[pos], b'\n' | b'\r') {
                pos += 1;
            }
        } else {
            return pos;
        }
    }
}

/// The start of the next line after `pos` whose first word is an item keyword.
fn next_item_start(text: &str, pos: usize) -> usize {
    let mut line_start = match text[pos..].find(['\n', '\r']) {
        Some(i) => pos + i + 1,
        None => return text.len(),
    };
    while line_start < text.len() {
        let line = &text[line_start..];
        let word: String = line
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if ITEM_KEYWORDS.contains(&word.as_str()) {
            return line_start;
        }
        line_start = match line.find(['\n', '\r']) {
            Some(i) => line_start + i + 1,
            None => return text.len(),
        };
    }
    text.len()
}

/// The end of the token at `pos` (a word, one symbol, or end of input).
fn token_end(text: &str, pos: usize) -> usize {
    let rest = &text[pos.min(text.len())..];
    let mut chars = rest.char_indices();
    match chars.next() {
        None => pos,
        Some((_, c)) if c.is_alphanumeric() || c == '_' => {
            pos + rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len())
        }
        Some((_, '"')) => {
            pos + rest[1..]
                .find(['"', '\n', '\r'])
                .map_or(rest.len(), |i| i + 2)
        }
        Some((_, c)) => pos + c.len_utf8(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<&'static str> {
        parse(FileId(0), text).1.iter().map(|d| d.code).collect()
    }

    #[test]
    fn parses_every_declaration_form() {
        let text = r#"
use "./other.sls"
use aws.s3
app shop { runtime = "python3.13", tags { team = "core" } }
type Item { sku: string, qty?: int, tags: [string], kind: "a" | "b", nested: { x: number } }
event Placed from "shop" { id: string }
function F {
  handler = "app.handler"
  memory = 512MB
  timeout = 10s
  env { TABLE = T.name }
  reads T
  sends to Q
  emits Placed to Bus
  on Q { batch = 10, window = 5s }
}
api Public http {
  auth = jwt { issuer = "https://x", audience = ["a"] }
  GET /items/{id} -> F { auth = none }
}
rule R on Bus { match Placed where id = "x" and (n > 1 or n exists) send to Q }
schedule S every 1d -> F
schedule C cron "0 8 ? * MON-FRI *" -> F
queue Q { dead_letter = D after 5 receives }
queue D
topic Tp { subscribe Q }
bus Bus
table T { key = { pk: string } }
bucket B
"#;
        let (file, diags) = parse(FileId(0), text);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(file.uses.len(), 2);
        assert_eq!(file.decls.len(), 14);
    }

    /// The names of the members of declaration `i`'s body.
    fn keys(file: &ast::File, i: usize) -> Vec<String> {
        file.decls[i]
            .body
            .iter()
            .map(|m| match &m.kind {
                ast::MemberKind::Property { key, .. } | ast::MemberKind::Block { key, .. } => {
                    key.name.clone()
                }
                ast::MemberKind::Route { method, .. } => method.name.clone(),
                _ => "statement".to_string(),
            })
            .collect()
    }

    #[test]
    fn a_broken_member_is_reported_and_the_rest_of_its_declaration_kept() {
        let text = "queue A { retention 4d, visibility_timeout = 60s }\nqueue B\nfunction F { handler = }\ntable T { key = { pk: string } }\n";
        let (file, diags) = parse(FileId(0), text);
        assert_eq!(
            diags.iter().map(|d| d.code).collect::<Vec<_>>(),
            ["E0001", "E0001"]
        );
        assert_eq!(
            diags[0].message,
            "expected `=` after `retention`, found `4d`"
        );
        assert_eq!(file.decls.len(), 4);
        // `retention 4d` is read as `retention=4d`; `handler =` is left out.
        assert_eq!(keys(&file, 0), ["retention", "visibility_timeout"]);
        assert!(keys(&file, 2).is_empty());
        // The declarations know where they were recovered.
        assert_eq!(file.decls[0].recovered.len(), 1);
        assert!(file.decls[1].recovered.is_empty());
        assert!(file.broken.is_empty());
    }

    #[test]
    fn a_half_typed_member_loses_only_itself() {
        let text = "function F {\n  handler = \"f.main\"\n  timeout = \n  memory = 512MB\n  reads\n  on Jobs\n}\n";
        let (file, diags) = parse(FileId(0), text);
        let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "expected a value after `timeout =`, found end of line",
                "expected a name after `reads`, found end of line"
            ]
        );
        // The span is the `=` that has no value, not the next line.
        assert_eq!(
            &text[diags[0].span.start as usize..diags[0].span.end as usize],
            "="
        );
        assert_eq!(keys(&file, 0), ["handler", "memory", "statement"]);
    }

    #[test]
    fn repairs_keep_the_meaning_of_what_was_meant() {
        let text = "queue rule-dlq\nfunction F {\n  memory = 512mb\n  timeout: 30s\n  dead_letter = rule-dlq\n}\napi A http {\n  post /orders -> F\n}\n";
        let (file, diags) = parse(FileId(0), text);
        assert_eq!(
            diags.iter().map(|d| d.code).collect::<Vec<_>>(),
            ["E0001", "E0001", "E0001", "E0001", "E0001"]
        );
        assert_eq!(file.decls[0].name.name, "rule_dlq");
        assert_eq!(keys(&file, 1), ["memory", "timeout", "dead_letter"]);
        let ast::MemberKind::Property { value, .. } = &file.decls[1].body[0].kind else {
            panic!("memory is a property");
        };
        assert!(matches!(value.kind, ast::ValueKind::Size(n, ast::SizeUnit::Mb) if n == 512));
        assert_eq!(keys(&file, 2), ["POST"]);
        // Spans stay those of the file.
        let d = &diags[1];
        assert_eq!(&text[d.span.start as usize..d.span.end as usize], "mb");
    }

    #[test]
    fn percentages_and_rates_are_values_of_their_own() {
        let text = "queue Q {\n  a = 1.5%\n  b = 3_000_000/month\n  c = 50/s\n  d = 5m\n}\n";
        let (file, diags) = parse(FileId(0), text);
        assert!(diags.is_empty(), "{diags:?}");
        let kinds: Vec<_> = file.decls[0]
            .body
            .iter()
            .map(|m| match &m.kind {
                ast::MemberKind::Property { value, .. } => value.kind.clone(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert!(matches!(kinds[0], ast::ValueKind::Percent(p) if p == 1.5));
        assert!(
            matches!(kinds[1], ast::ValueKind::Rate(n, ast::RateUnit::Month) if n == 3_000_000.0)
        );
        assert!(matches!(kinds[2], ast::ValueKind::Rate(n, ast::RateUnit::Second) if n == 50.0));
        assert!(matches!(
            kinds[3],
            ast::ValueKind::Duration(5, ast::TimeUnit::Minutes)
        ));
        assert_eq!(ast::RateUnit::Second.per_month(), 2_628_000.0);
    }

    #[test]
    fn an_unclosed_brace_is_blamed_on_its_opener() {
        let text = "function A {\n  handler = \"a.h\"\n\nqueue B { retention = 4d }\n";
        let (file, diags) = parse(FileId(0), text);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].message, "unclosed `{` of function `A`");
        assert_eq!(diags[0].span.start, 11);
        assert_eq!(file.decls.len(), 2);
        assert_eq!(keys(&file, 0), ["handler"]);
        // The declaration's span ends in the file, before the next one.
        assert!(file.decls[0].span.end as usize <= text.find("queue").unwrap());
        // A block's `}` forgotten: the `}` of the declaration is taken for
        // it, and indentation tells which `{` is open.
        let text = "function A {\n  env {\n    X = \"1\"\n  timeout = 10s\n}\nqueue B\n";
        let (file, diags) = parse(FileId(0), text);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].message, "unclosed `{` of `env`");
        assert_eq!(keys(&file, 0), ["timeout"]);
    }

    #[test]
    fn a_misspelt_keyword_keeps_its_declaration() {
        // As long as the keyword: read as meant.
        let (file, diags) = parse(FileId(0), "fucntion Worker {\n  handler = \"w.h\"\n}\n");
        assert_eq!(diags[0].help.as_deref(), Some("did you mean `function`?"));
        assert_eq!(file.decls[0].kind, ast::DeclKind::Function);
        // Shorter: skipped, its name kept.
        let (file, diags) = parse(FileId(0), "functon Worker {\n  handler = \"w.h\"\n}\n");
        assert_eq!(diags[0].help.as_deref(), Some("did you mean `function`?"));
        assert_eq!(file.broken.len(), 1);
        assert_eq!(file.broken[0].0, ast::DeclKind::Function);
        assert_eq!(file.broken[0].1.name, "Worker");
    }

    #[test]
    fn recovery_of_one_declaration_is_bounded() {
        let text = format!(
            "function F {{\n{}}}\nqueue Q\n",
            "  timeout = )\n".repeat(1000)
        );
        let (file, diags) = parse(FileId(0), &text);
        assert_eq!(diags.len(), MAX_REPAIRS);
        // Given up on, the declaration is dropped but the next one is read.
        assert_eq!(file.decls.len(), 1);
        assert_eq!(file.broken.len(), 1);
    }

    #[test]
    fn keeps_comments_and_blank_lines() {
        let text = "// a\nqueue Q { x = \"// no\" } // b\n\n/// c\nqueue R { y = }\n";
        let (file, _) = parse(FileId(0), text);
        assert_eq!(file.extra.comments.len(), 2);
        assert_eq!(file.extra.doc_comments.len(), 1);
        assert_eq!(
            file.extra.empty_lines,
            [text.find("\n\n").unwrap() as u32 + 1]
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "",
            "\"",
            "{",
            "}",
            "queue",
            "queue Q {",
            "function F { on",
            "\u{0}",
            "é",
            "//",
            "rule R on B { match E where a > }",
            "api A http { GET }",
            "1234567890123456789012345 ",
            "queue Q { x = 99999999999999999999999s }",
            "function F {\n  env {\n",
            "function F { a = [ }",
            "function F { ) ] } }",
            "queue a-",
            "queue a-b-c { x = y-z- }",
            "api A http { get / }",
            "fucntion",
            "function F { timeout = 30 s",
            "rule R on B { match E where a >",
            "function F { reads a, }\n}\n}",
            "type T { a = }",
            "event E { a: { b = } }",
            "x = 1\n}\n{\n",
            "function F {\r\n  timeout:\r\n}\r\n",
            "function F { é = 1mé }",
        ] {
            let _ = codes(text);
        }
    }
}
