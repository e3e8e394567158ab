//! Parsing: source text to [`ast::File`].
//!
//! The pest grammar (`syntax/sls.pest`) is applied one top-level item at a
//! time. When an item fails to parse, the error is recorded and parsing resumes
//! at the next line that begins with a declaration keyword, so a run reports
//! one syntax error per broken declaration rather than stopping at the first.
//! Parsing never panics and never fails: it returns what it could read.

mod lower;
mod trivia;

use crate::ast;
use crate::diagnostics::Code;
use crate::diagnostics::Diagnostic;
use crate::source::{FileId, Span};
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

/// The words that start a top-level item; recovery resumes at them.
const ITEM_KEYWORDS: &[&str] = &[
    "use",
    "app",
    "type",
    "event",
    "function",
    "api",
    "rule",
    "schedule",
    "queue",
    "topic",
    "bus",
    "table",
    "bucket",
    "stream",
    "secret",
    "parameter",
];

/// Parses one file. Syntax errors come back as diagnostics next to every
/// declaration that did parse.
pub fn parse(file: FileId, text: &str) -> (ast::File, Vec<Diagnostic>) {
    let mut out = ast::File {
        extra: trivia::scan(file, text),
        ..ast::File::default()
    };
    let mut diags = Vec::new();
    let nesting = Nesting::new(text);
    let mut pos = skip_trivia(text, 0);
    while pos < text.len() {
        // The parser never sees nesting deeper than MAX_DEPTH: the text it
        // gets ends where nesting, counted from where it starts, first goes
        // deeper, so that it, and every later stage, recurses a bounded
        // number of times.
        let limit = nesting.too_deep_after(pos).unwrap_or(text.len());
        match SlsParser::parse(Rule::item_at, &text[pos..limit]) {
            Ok(mut pairs) => {
                let item_at = pairs.next().expect("item_at matched");
                let end = pos + item_at.as_span().end();
                let lowerer = lower::Lowerer {
                    file,
                    base: pos,
                    soft: Default::default(),
                };
                match item_at.into_inner().next() {
                    Some(item) => match lowerer.item(item) {
                        Ok(lower::Item::Use(u)) => out.uses.push(u),
                        Ok(lower::Item::Decl(d)) => out.decls.push(d),
                        Err(d) => {
                            diags.push(*d);
                            out.broken.extend(declared_name(file, text, pos));
                        }
                    },
                    None => break,
                }
                diags.extend(lowerer.soft.take());
                pos = skip_trivia(text, end.max(pos + 1));
            }
            Err(err) if limit < text.len() && pos + error_offset(&err) >= limit => {
                let d = &text[limit..];
                let len = d.chars().next().map_or(0, char::len_utf8);
                let span = Span::new(file, limit, limit + token_end(d, 0).max(len));
                diags.push(
                    Diagnostic::new(Code::E0008, span, format!("nesting deeper than {MAX_DEPTH} levels"))
                        .label("too deep")
                        .help("flatten the structure: name the inner parts as their own `type`s, and drop parentheses a pattern does not need"),
                );
                out.broken.extend(declared_name(file, text, pos));
                pos = skip_trivia(text, next_item_start(text, limit));
            }
            Err(err) => {
                let (offset, message) = describe(&err, &text[pos..]);
                let at = pos + offset;
                let found_end = token_end(text, at);
                diags.push(
                    Diagnostic::new(Code::E0001, Span::new(file, at, found_end), message.0)
                        .label(message.1)
                        .help(message.2),
                );
                out.broken.extend(declared_name(file, text, pos));
                pos = skip_trivia(text, next_item_start(text, at));
            }
        }
    }
    (out, diags)
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

/// Message, label and help for a pest error, in plain words.
fn describe(err: &pest::error::Error<Rule>, text: &str) -> (usize, (String, String, String)) {
    let offset = match err.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    };
    let found = {
        let end = token_end(text, offset);
        if end == offset {
            "end of file".to_string()
        } else {
            format!("`{}`", &text[offset..end])
        }
    };
    let expected: Vec<Rule> = match &err.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        pest::error::ErrorVariant::CustomError { .. } => Vec::new(),
    };
    let mut words: Vec<&str> = Vec::new();
    for rule in &expected {
        let w = rule_name(*rule);
        if !words.contains(&w) {
            words.push(w);
        }
    }
    let list = match words.len() {
        0 => "a declaration (`function`, `queue`, `table`, ...)".to_string(),
        1 => words[0].to_string(),
        n => format!("{} or {}", words[..n - 1].join(", "), words[n - 1]),
    };
    let after_name = expected.contains(&Rule::EQ)
        && (expected.contains(&Rule::body) || expected.contains(&Rule::LBRACE));
    let (message, help) = if after_name {
        (
            format!("expected `=` after property name, found {found}"),
            "write `name = value`, or `name { ... }` for a block".to_string(),
        )
    } else if expected.is_empty() || expected.contains(&Rule::item_at) {
        (
            format!("expected a declaration, found {found}"),
            "a spec is made of declarations such as `function Name { ... }` or `queue Name`"
                .to_string(),
        )
    } else {
        (
            format!("expected {list}, found {found}"),
            format!("write {list} here"),
        )
    };
    (offset, (message, format!("expected {list}"), help))
}

/// Plain-words names of grammar rules, for "expected ..." messages.
fn rule_name(rule: Rule) -> &'static str {
    match rule {
        Rule::EQ => "`=`",
        Rule::COLON => "`:`",
        Rule::ARROW => "`->`",
        Rule::LBRACE | Rule::body => "`{`",
        Rule::RBRACE => "`}`",
        Rule::LBRACK | Rule::list => "`[`",
        Rule::RBRACK => "`]`",
        Rule::LPAREN => "`(`",
        Rule::RPAREN => "`)`",
        Rule::QMARK => "`?`",
        Rule::PIPE => "`|`",
        Rule::kw_to => "`to`",
        Rule::kw_from => "`from`",
        Rule::kw_on => "`on`",
        Rule::kw_where => "`where`",
        Rule::kw_and => "`and`",
        Rule::kw_or => "`or`",
        Rule::kw_in => "`in`",
        Rule::kw_not => "`not`",
        Rule::kw_after => "`after`",
        Rule::kw_receives => "`receives`",
        Rule::ident | Rule::path | Rule::path_list => "a name",
        Rule::string => "a string",
        Rule::value => "a value",
        Rule::duration => "a duration such as `30s`",
        Rule::type_expr => "a type",
        Rule::field | Rule::fields => "a field (`name: type`)",
        Rule::member => "a property, block or statement",
        Rule::schedule_expr => "`every` or `cron`",
        Rule::cmp_op => "a comparison (`=`, `!=`, `>`, ...)",
        Rule::condition | Rule::expr | Rule::unary => "a condition",
        Rule::route_path => "a path starting with `/`",
        Rule::item_at => "a declaration",
        _ => "something else",
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

    #[test]
    fn reports_one_error_per_broken_declaration() {
        let text = "queue A { retention 4d }\nqueue B\nfunction F { handler = }\ntable T { key = { pk: string } }\n";
        let (file, diags) = parse(FileId(0), text);
        assert_eq!(
            diags.iter().map(|d| d.code).collect::<Vec<_>>(),
            ["E0001", "E0001"]
        );
        assert_eq!(
            diags[0].message,
            "expected `=` after property name, found `4d`"
        );
        assert_eq!(file.decls.len(), 2);
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
        ] {
            let _ = codes(text);
        }
    }
}
