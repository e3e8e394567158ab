//! What a syntax error says, and how recovery gets past it.
//!
//! Pest reports where parsing stopped and which rules it tried there. That
//! is enough for "expected X, found Y", but a person wants the cause: the
//! `{` left open, not the next declaration's first line; `512MB`, not "a
//! value". [`diagnose`] looks at the tokens around the error (see
//! `recover.rs`) for the mistakes people make, and for each returns the
//! diagnostic and a [`Fix`]: how the driver changes its copy of the
//! declaration to parse the rest of it. A fix that repairs the text
//! (`512mb` read as `512MB`) keeps the member's meaning for later checks;
//! the error is still reported, so nothing is built.

use super::recover::{
    indent, is_word, line_end, line_start, member_end, member_start, newline_between,
    next_line_start, open_before, token_at, Brackets, Kind, Tok,
};
use super::Rule;
use crate::ast::{DeclKind, Ident};
use crate::diagnostics::{did_you_mean, Code, Diagnostic};
use crate::source::{FileId, Span};
use std::ops::Range;

/// How recovery gets past an error, in the driver's copy of the text.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Fix {
    /// Replace bytes at these offsets with text of the same length, and
    /// parse again: the member keeps its meaning.
    Patch(Vec<(usize, String)>),
    /// Replace this range with spaces and parse again: the member is left
    /// out of its declaration.
    Blank(Range<usize>),
    /// Add these closers after the text and parse again.
    Close(String),
    /// Give up on the declaration: skip to the next one. The name is the
    /// declaration's kind and name when the driver cannot read them from
    /// the text (a misspelt keyword).
    Skip(Option<(DeclKind, Ident)>),
}

/// A failed parse of one declaration, as [`diagnose`] sees it.
pub(super) struct Failure<'a> {
    /// The file.
    pub file: FileId,
    /// Where the declaration's text starts in the file.
    pub base: usize,
    /// The driver's copy of the declaration's text (with earlier fixes),
    /// without closers that recovery added.
    pub text: &'a str,
    /// The tokens of `text`.
    pub toks: &'a [Tok],
    /// The whole file, for what follows the declaration.
    pub file_text: &'a str,
    /// Where pest stopped, in `text` (at most its length).
    pub at: usize,
    /// The rules pest tried there.
    pub expected: &'a [Rule],
    /// The rules whose match failed the parse there (`!(path ~ EQ)`).
    pub unexpected: &'a [Rule],
    /// True once recovery has closed brackets left open.
    pub closed: bool,
    /// The `}` that ended the previous declaration, for text after it.
    pub last_close: Option<Span>,
}

/// The words that start a top-level item.
pub(super) const ITEM_KEYWORDS: &[&str] = &[
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
    "state_machine",
    "secret",
    "parameter",
    "param",
    "userpool",
    "resource",
    "condition",
    "pipe",
    "schedule_group",
    "layer",
    "stage",
    "alarm",
];

/// The words that start a statement in a body.
pub(super) const STATEMENTS: &[&str] = &[
    "reads",
    "writes",
    "deletes",
    "sends",
    "publishes",
    "emits",
    "invokes",
    "answers",
    "on",
    "match",
    "send",
    "subscribe",
    "allow",
    "responses",
];

/// HTTP methods of routes, as the grammar spells them.
const METHODS: &[&str] = &[
    "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY",
];

/// Blocks whose members are fields (`name: type`) rather than properties.
const FIELD_BLOCKS: &[&str] = &["params", "query"];

impl Failure<'_> {
    fn span(&self, r: Range<usize>) -> Span {
        Span::new(self.file, self.base + r.start, self.base + r.end)
    }

    fn tok_span(&self, t: Tok) -> Span {
        self.span(t.start..t.end)
    }

    fn word(&self, i: usize) -> Option<&str> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Word).then(|| t.text(self.text))
    }

    fn diag(&self, code: Code, r: Range<usize>, message: String) -> Diagnostic {
        Diagnostic::new(code, self.span(r), message)
    }

    /// `found X` for the token at index `i`.
    fn found(&self, i: usize) -> String {
        match self.toks.get(i) {
            Some(t) => format!("`{}`", clip(t.text(self.text))),
            None if self.base + self.text.len() >= self.file_text.len() => {
                "end of file".to_string()
            }
            None => "end of line".to_string(),
        }
    }

    /// The text of tokens `from..=to`, on one line, cut if long.
    fn snippet(&self, from: usize, to: usize) -> String {
        let (Some(a), Some(b)) = (self.toks.get(from), self.toks.get(to)) else {
            return String::new();
        };
        let s = self.text.get(a.start..b.end.max(a.start)).unwrap_or("");
        clip(&s.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    /// The kind and name of the declaration, from its first two tokens.
    fn declared(&self) -> Option<(DeclKind, &str)> {
        let kind = DeclKind::from_keyword(self.word(0)?)?;
        Some((kind, self.word(1).unwrap_or("")))
    }

    /// "expected X" in words, from the rules pest tried.
    fn expected_list(&self) -> String {
        let mut words: Vec<&str> = Vec::new();
        for rule in self.expected {
            let w = rule_name(*rule);
            if !words.contains(&w) {
                words.push(w);
            }
        }
        if words.len() > 1 {
            words.retain(|w| *w != "something else");
        }
        match words.len() {
            0 => "something else".to_string(),
            1 => words[0].to_string(),
            n => format!("{} or {}", words[..n - 1].join(", "), words[n - 1]),
        }
    }

    /// True if pest was at the start of a member or of a field: the text
    /// before the error is complete.
    fn at_member_start(&self) -> bool {
        self.expected.iter().any(|r| {
            matches!(
                r,
                Rule::member | Rule::RBRACE | Rule::field | Rule::fields | Rule::item_at
            )
        })
    }
}

/// What went wrong, and how to get past it.
pub(super) fn diagnose(f: &Failure) -> (Diagnostic, Fix) {
    let at = token_at(f.toks, f.at);
    if at >= f.toks.len() {
        return at_end(f);
    }
    if at == 0 {
        return top_level(f);
    }
    if let Some(word) = hyphenated(f.text, f.toks[at].start) {
        return hyphen(f, word);
    }
    let open = open_before(f.toks, at);
    let container = open
        .iter()
        .rev()
        .find(|i| f.toks[**i].kind == Kind::Open(b'{'))
        .copied();
    match container {
        Some(c) => in_body(f, at, c, &open),
        None => header(f, at),
    }
}

/// The error is where the text ends: a bracket left open, or a declaration
/// that stops halfway.
fn at_end(f: &Failure) -> (Diagnostic, Fix) {
    let open = open_before(f.toks, f.toks.len());
    if !open.is_empty() && !f.closed {
        return unclosed(f, &open);
    }
    let Some(last) = f.toks.len().checked_sub(1) else {
        let d = f
            .diag(Code::E0001, 0..0, "expected a declaration".into())
            .help("a spec is made of declarations such as `function Name { ... }` or `queue Name`");
        return (d, Fix::Skip(None));
    };
    // Inside a body the recovery closed: the last member stops halfway.
    if let Some(c) = open
        .iter()
        .rev()
        .find(|i| f.toks[**i].kind == Kind::Open(b'{'))
    {
        return incomplete_member(f, last, *c);
    }
    incomplete_header(f, last)
}

/// A declaration whose header stops halfway: `schedule S every 1d ->`.
fn incomplete_header(f: &Failure, last: usize) -> (Diagnostic, Fix) {
    let t = f.toks[last];
    let list = f.expected_list();
    let d = f
        .diag(
            Code::E0001,
            t.start..t.end,
            format!(
                "expected {list} after `{}`, found {}",
                f.snippet(0, last),
                f.found(last + 1)
            ),
        )
        .label(format!("expected {list} after this"))
        .help(header_help(f, &list));
    (d, Fix::Skip(None))
}

/// The help for a declaration's header, by kind.
fn header_help(f: &Failure, list: &str) -> String {
    let Some((kind, name)) = f.declared() else {
        return format!("write {list} here");
    };
    let name = if name.is_empty() { "Name" } else { name };
    let wants_body = f
        .expected
        .iter()
        .any(|r| matches!(r, Rule::body | Rule::LBRACE));
    match kind {
        DeclKind::Api => format!("an API is `api {name} http {{ ... }}` or `api {name} rest {{ ... }}`"),
        DeclKind::Rule => format!("a rule is `rule {name} on Bus {{ match Event  send to Target }}`"),
        DeclKind::Schedule => format!(
            "a schedule is `schedule {name} every 5m -> Function` or `schedule {name} cron \"0 8 * * ? *\" -> Function`"
        ),
        DeclKind::Event => format!("an event is `event {name} from \"source\" {{ field: type }}`"),
        DeclKind::Type => format!("a type is `type {name} {{ field: type }}`"),
        DeclKind::Queue | DeclKind::Topic if f.expected.contains(&Rule::message_type) => format!(
            "name the type of its messages: `{} {name} of Type`",
            kind.keyword()
        ),
        _ if wants_body => format!(
            "{} takes its settings in braces: `{} {name} {{ ... }}`",
            kind.article(),
            kind.keyword()
        ),
        _ => format!("write {list} here"),
    }
}

/// An error in a declaration's header, before any `{`.
fn header(f: &Failure, at: usize) -> (Diagnostic, Fix) {
    let prev = at - 1;
    if newline_between(f.text, f.toks[prev].end, f.toks[at].start) && !f.at_member_start() {
        return incomplete_header(f, prev);
    }
    let t = f.toks[at];
    let mut list = f.expected_list();
    let message = match f.declared() {
        Some((DeclKind::Api, name)) if f.expected.contains(&Rule::ident) && prev == 1 => {
            list = "`http` or `rest`".to_string();
            format!(
                "expected a protocol after `api {name}`, found {}",
                f.found(at)
            )
        }
        _ => format!(
            "expected {list} after `{}`, found {}",
            f.snippet(0, prev),
            f.found(at)
        ),
    };
    let d = f
        .diag(Code::E0001, t.start..t.end, message)
        .label(format!("expected {list}"))
        .help(header_help(f, &list));
    (d, Fix::Skip(None))
}

/// The error is at the start of a declaration: not a declaration at all.
fn top_level(f: &Failure) -> (Diagnostic, Fix) {
    let t = f.toks[0];
    let text = t.text(f.text);
    let next = f.toks.get(1).map(|n| n.text(f.text));
    if t.kind == Kind::Word {
        if let Some(k) = did_you_mean(text, ITEM_KEYWORDS.iter().copied()) {
            let d = f
                .diag(
                    Code::E0001,
                    t.start..t.end,
                    format!("unknown declaration `{}`", clip(text)),
                )
                .label("not a declaration keyword")
                .help(format!("did you mean `{k}`?"));
            // `fucntion` is read as `function` when it is as long, so that
            // the declaration is checked as well.
            if k.len() == text.len() {
                return (d, Fix::Patch(vec![(t.start, k)]));
            }
            // The declaration's name still exists, so that references to it
            // raise no follow-on errors.
            let name = f.toks.get(1).filter(|n| {
                n.kind == Kind::Word && n.text(f.text).starts_with(|c: char| !c.is_ascii_digit())
            });
            let broken = DeclKind::from_keyword(&k).zip(name.map(|n| Ident {
                name: n.text(f.text).to_string(),
                span: f.tok_span(*n),
            }));
            return (d, Fix::Skip(broken));
        }
        if matches!(next, Some("=" | "{" | ":")) {
            let mut d = f
                .diag(Code::E0001, t.start..t.end, format!("`{}` is outside any declaration", clip(text)))
                .label("not inside a body")
                .help("move it into the body of its declaration; if it was inside one, a `}` before it ends that declaration too early");
            if let Some(close) = f.last_close {
                d = d.with(close, "the declaration before ends here");
            }
            return (d, Fix::Skip(None));
        }
    }
    if t.kind == Kind::Close(b'}') {
        let mut d = f
            .diag(Code::E0001, t.start..t.end, "unexpected `}`".into())
            .label("it closes nothing")
            .help("remove it: every `{` before it is closed already");
        if let Some(close) = f.last_close {
            d = d.with(close, "the declaration before ends here");
        }
        return (d, Fix::Skip(None));
    }
    let d = f
        .diag(
            Code::E0001,
            t.start..t.end,
            format!("expected a declaration, found `{}`", clip(text)),
        )
        .label("expected a declaration")
        .help("a spec is made of declarations such as `function Name { ... }` or `queue Name`");
    (d, Fix::Skip(None))
}

/// The hyphenated word at `at` (the offset of a `-` that joins two
/// words), if there is one: `rule-dlq`. The word before the hyphen must be
/// a name, not a number (`5-3`).
pub(super) fn hyphenated(text: &str, at: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    if bytes.get(at) != Some(&b'-')
        || at == 0
        || !is_word(bytes[at - 1])
        || !bytes.get(at + 1).is_some_and(|b| is_word(*b))
    {
        return None;
    }
    let mut start = at;
    while start > 0 && (is_word(bytes[start - 1]) || bytes[start - 1] == b'-') {
        start -= 1;
    }
    if bytes[start].is_ascii_digit() {
        return None;
    }
    let mut end = at;
    while end < bytes.len()
        && (is_word(bytes[end])
            || (bytes[end] == b'-' && bytes.get(end + 1).is_some_and(|b| is_word(*b))))
    {
        end += 1;
    }
    Some(start..end)
}

/// `rule-dlq`: a name with hyphens. Read as `rule_dlq`, so that the
/// declaration and the references to it agree.
pub(super) fn hyphen(f: &Failure, word: Range<usize>) -> (Diagnostic, Fix) {
    let text = &f.text[word.clone()];
    let parts: Vec<&str> = text.split('-').collect();
    let camel: String = parts
        .iter()
        .map(|p| {
            let mut c = p.chars();
            c.next()
                .map(|first| first.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect();
    let snake = parts.join("_");
    // A field of an event in a `where` filter is quoted instead.
    let at = token_at(f.toks, word.start);
    let in_filter = f.toks[..at]
        .iter()
        .rev()
        .take_while(|t| !matches!(t.kind, Kind::Open(b'{')))
        .any(|t| t.text(f.text) == "where");
    let help = if in_filter {
        format!("a field whose name holds `-` is quoted: `\"{text}\"`")
    } else {
        format!("write `{camel}` or `{snake}`: names are letters, digits and `_`")
    };
    let d = f
        .diag(
            Code::E0001,
            word.clone(),
            format!("`{}` is not a name: names cannot contain `-`", clip(text)),
        )
        .label("`-` is not allowed in a name")
        .help(help);
    let fix = if in_filter {
        member_blank(f, at)
    } else {
        Fix::Patch(
            text.match_indices('-')
                .map(|(i, _)| (word.start + i, "_".to_string()))
                .collect(),
        )
    };
    (d, fix)
}

/// Blanks the member holding token `at` in the innermost `{ ... }`, or
/// gives up on the declaration outside any.
fn member_blank(f: &Failure, at: usize) -> Fix {
    let open = open_before(f.toks, at);
    match open
        .iter()
        .rev()
        .find(|i| f.toks[**i].kind == Kind::Open(b'{'))
    {
        Some(c) => {
            let ms = member_start(f.text, f.toks, *c, at);
            Fix::Blank(f.toks[ms].start..member_end(f.text, f.toks, at))
        }
        None => Fix::Skip(None),
    }
}

/// Brackets left open where the declaration's text ends.
fn unclosed(f: &Failure, open: &[usize]) -> (Diagnostic, Fix) {
    let brackets = Brackets::new(f.toks);
    // A `{` paired with a `}` less indented than its own line: by
    // indentation, that `}` closes an outer `{`, and this one is the one
    // left open (the `}` of a block was forgotten).
    let misfit = f.toks.iter().enumerate().find_map(|(i, t)| {
        let p = brackets.partner[i]?;
        let close = f.toks[p];
        let first_on_line = p == 0 || newline_between(f.text, f.toks[p - 1].end, close.start);
        let (o_line, c_line) = (line_start(f.text, t.start), line_start(f.text, close.start));
        (t.kind == Kind::Open(b'{')
            && first_on_line
            && o_line != c_line
            && indent(f.text, o_line) > indent(f.text, c_line))
        .then_some((i, p))
    });
    let (blamed, closer_tok) = match misfit {
        Some((i, p)) => (i, Some(p)),
        None => (*open.last().expect("an open bracket"), None),
    };
    let t = f.toks[blamed];
    let Kind::Open(o) = t.kind else {
        unreachable!("open brackets are openers")
    };
    let close = super::recover::closer(o) as char;
    let o = o as char;
    let body_of = (blamed == first_brace(f)).then(|| f.declared()).flatten();
    let owner = match body_of {
        Some((kind, name)) => format!(" of {} `{name}`", kind.keyword()),
        None => {
            let ls = line_start(f.text, t.start);
            let from = token_at(f.toks, ls).min(blamed);
            if from < blamed && o == '{' {
                format!(" of `{}`", f.snippet(from, blamed - 1))
            } else {
                String::new()
            }
        }
    };
    let next = f.file_text[f.base + f.text.len()..].trim_start();
    let before = match next.lines().next() {
        Some(line) if !line.trim().is_empty() => format!("before `{}`", clip(line.trim())),
        _ => "at the end of the file".to_string(),
    };
    let mut d = f
        .diag(
            Code::E0001,
            t.start..t.end,
            format!("unclosed `{o}`{owner}"),
        )
        .label(format!("this `{o}` has no `{close}`"));
    let fix = match closer_tok {
        Some(p) => {
            let c = f.toks[p];
            d = d
                .with(f.tok_span(c), "by its indentation, this `}` closes an outer `{`")
                .help(format!("add `{close}` where the block ends, on its own line indented like the line of its `{o}`"));
            // Leave out the block: its first line and the lines indented
            // deeper than it, up to the line of the `}` that closes the
            // outer `{`.
            let own = indent(f.text, line_start(f.text, t.start));
            let stop = line_start(f.text, c.start);
            let mut end = line_end(f.text, t.start);
            loop {
                let next = next_line_start(f.text, end);
                if next >= stop {
                    break;
                }
                let le = line_end(f.text, next);
                if !f.text[next..le].trim().is_empty() && indent(f.text, next) <= own {
                    break;
                }
                end = le;
            }
            let ms = match open_before(f.toks, blamed)
                .iter()
                .rev()
                .find(|i| f.toks[**i].kind == Kind::Open(b'{'))
            {
                Some(c) => member_start(f.text, f.toks, *c, blamed),
                None => blamed,
            };
            Fix::Blank(f.toks[ms].start..end)
        }
        None => {
            d = d.help(format!("add `{close}` {before}"));
            Fix::Close(
                open.iter()
                    .rev()
                    .map(|i| match f.toks[*i].kind {
                        Kind::Open(o) => super::recover::closer(o) as char,
                        _ => '}',
                    })
                    .collect(),
            )
        }
    };
    (d, fix)
}

/// The index of the declaration's first `{` outside any bracket.
fn first_brace(f: &Failure) -> usize {
    f.toks
        .iter()
        .position(|t| matches!(t.kind, Kind::Open(_)))
        .filter(|i| f.toks[*i].kind == Kind::Open(b'{'))
        .unwrap_or(usize::MAX)
}

/// An error inside `{ ... }` (container `c`): one member is broken.
fn in_body(f: &Failure, at: usize, c: usize, open: &[usize]) -> (Diagnostic, Fix) {
    let prev = at - 1;
    let t = f.toks[at];
    if let Some(x) = guarded(f, at, c) {
        return x;
    }
    // A bracket opened in this member and never closed.
    let brackets = Brackets::new(f.toks);
    if let Some(o) = open
        .iter()
        .copied()
        .filter(|o| *o > c && brackets.partner[*o].is_none())
        .find(|o| newline_between(f.text, f.toks[*o].end, t.start))
    {
        let ot = f.toks[o];
        let Kind::Open(ob) = ot.kind else {
            unreachable!("open brackets are openers")
        };
        let (oc, cc) = (ob as char, super::recover::closer(ob) as char);
        let d = f
            .diag(Code::E0001, ot.start..ot.end, format!("unclosed `{oc}`"))
            .label(format!("this `{oc}` has no `{cc}`"))
            .with(f.tok_span(t), format!("expected `{cc}` before this"))
            .help(format!("close it with `{cc}` after its last item"));
        let ms = member_start(f.text, f.toks, c, o);
        return (d, Fix::Blank(f.toks[ms].start..line_start(f.text, t.start)));
    }
    // A member that stops after its first word: `name` with no `=`.
    if f.expected.contains(&Rule::EQ) && f.toks[prev].kind == Kind::Word && prev > c {
        return member_head(f, at, prev, c);
    }
    if f.expected
        .iter()
        .any(|r| matches!(r, Rule::COLON | Rule::QMARK))
    {
        if let Some(x) = field(f, at, c) {
            return x;
        }
    }
    if let Some(x) = unit(f, at, c) {
        return x;
    }
    let ms = member_start(f.text, f.toks, c, at);
    if f.expected.contains(&Rule::kw_to) {
        let from = if newline_between(f.text, f.toks[prev].end, t.start) {
            member_start(f.text, f.toks, c, prev)
        } else {
            ms
        };
        if let Some(x) = missing_to(f, at, from) {
            return x;
        }
    }
    if newline_between(f.text, f.toks[prev].end, t.start) && !f.at_member_start() && prev > c {
        return incomplete_member(f, prev, c);
    }
    // `"f.h` with no closing quote.
    let text = t.text(f.text);
    if t.kind == Kind::Str && (text.len() == 1 || !text.ends_with('"')) {
        let d = f
            .diag(Code::E0001, t.start..t.end, "unterminated string".to_string())
            .label("no closing `\"` on this line")
            .help("close it with `\"`: a string cannot span lines (write `\\n` for a line break in it)");
        let ms = member_start(f.text, f.toks, c, at).min(at);
        return (d, Fix::Blank(f.toks[ms].start..line_end(f.text, t.end)));
    }
    // `GET /x => F`: read as `->`.
    if f.expected.contains(&Rule::ARROW)
        && t.is(f.text, "=")
        && f.text.as_bytes().get(t.end) == Some(&b'>')
    {
        let d = f
            .diag(
                Code::E0001,
                t.start..t.end + 1,
                "expected `->`, found `=>`".to_string(),
            )
            .label("expected `->`")
            .help(body_help(f, ""));
        return (d, Fix::Patch(vec![(t.start, "->".into())]));
    }
    let list = f.expected_list();
    let d = f
        .diag(
            Code::E0001,
            t.start..t.end,
            format!("expected {list}, found {}", f.found(at)),
        )
        .label(format!("expected {list}"))
        .help(body_help(f, &list));
    let ms = ms.min(at);
    (d, Fix::Blank(f.toks[ms].start..blank_end(f, at, &brackets)))
}

/// Where the blank of a member broken at token `at` ends: as the member
/// does, but past a closer that closes nothing (`timeout = )`).
fn blank_end(f: &Failure, at: usize, brackets: &Brackets) -> usize {
    let t = f.toks[at];
    if matches!(t.kind, Kind::Close(_)) && brackets.partner[at].is_none() {
        return match f.toks.get(at + 1) {
            Some(n) if !newline_between(f.text, t.end, n.start) => {
                member_end(f.text, f.toks, at + 1)
            }
            _ => t.end,
        };
    }
    member_end(f.text, f.toks, at)
}

/// The help of a generic error in a body.
fn body_help(f: &Failure, list: &str) -> String {
    if f.expected.contains(&Rule::ARROW) {
        "a route is written `METHOD /path -> Function`, e.g. `GET /orders/{id} -> GetOrder`"
            .to_string()
    } else if f.expected.contains(&Rule::kw_receives) {
        "a dead-letter queue is written `Queue after N receives`, e.g. `OrdersDlq after 5 receives`"
            .to_string()
    } else if f.expected.contains(&Rule::value) {
        "write a value: a string, a number, a duration (`30s`), a size (`512MB`), a name or a list"
            .to_string()
    } else if f.at_member_start() {
        "write a property (`name = value`), a block (`name { ... }`) or a statement, one per line or separated by commas".to_string()
    } else {
        format!("write {list} here")
    }
}

/// A member that stops at the end of its line: `reads` with no name.
fn incomplete_member(f: &Failure, last: usize, c: usize) -> (Diagnostic, Fix) {
    let t = f.toks[last];
    let ms = member_start(f.text, f.toks, c, last);
    let list = f.expected_list();
    let what = f.snippet(ms, last);
    let help = match f.word(ms) {
        Some(w @ ("sends" | "publishes")) => {
            format!("write `{w} to Target`, or `{w} Message to Target` to say what it {w}")
        }
        Some("emits") => "events go to a bus: write `emits Event to Bus`".to_string(),
        Some("send") => "a rule's target is written `send to Target`".to_string(),
        _ if f.expected.contains(&Rule::value) => format!(
            "give it a value on the same line, e.g. {}, or remove the line",
            example(f.word(ms).unwrap_or("name"), "=")
        ),
        _ => format!("complete it on the same line with {list}, or remove it"),
    };
    let d = f
        .diag(
            Code::E0001,
            t.start..t.end,
            format!("expected {list} after `{what}`, found end of line"),
        )
        .label(format!("expected {list} after this"))
        .help(help);
    (d, Fix::Blank(f.toks[ms].start..line_end(f.text, t.end)))
}

/// A member that stops halfway, before what the grammar's guards (`!`)
/// recognise as the start of the next one: `timeout =` at the end of its
/// line, before `memory = 512MB`; `reads` before `handler = ...`; `where
/// total >` before `send to Q`.
fn guarded(f: &Failure, at: usize, c: usize) -> Option<(Diagnostic, Fix)> {
    if f.unexpected.is_empty() {
        return None;
    }
    // Where the guarded text starts: pest stops at its second token (`=`
    // of `memory =`, `to` of `send to`) or at a keyword.
    let second = f
        .unexpected
        .iter()
        .any(|r| matches!(r, Rule::EQ | Rule::COLON | Rule::LBRACE | Rule::kw_to));
    let mut g = if second { at.checked_sub(1)? } else { at };
    while second
        && g > c + 1
        && f.toks[g - 1].end == f.toks[g].start
        && (f.toks[g - 1].kind == Kind::Word || f.toks[g - 1].is(f.text, "."))
    {
        g -= 1;
    }
    let prev = g.checked_sub(1).filter(|p| *p > c)?;
    let p = f.toks[prev];
    let what = match p.text(f.text) {
        "=" | ":" | ">" | "<" | ">=" | "<=" | "!=" => "a value",
        "reads" | "writes" | "deletes" | "invokes" | "answers" | "to" | "on" | "match"
        | "subscribe" | "->" => "a name",
        "and" | "or" | "where" => "a condition",
        _ => return None,
    };
    let ms = member_start(f.text, f.toks, c, prev);
    let next_line = newline_between(f.text, p.end, f.toks[g].start);
    let found = if next_line {
        "end of line".to_string()
    } else {
        format!("`{}`", f.snippet(g, at))
    };
    let key = prev
        .checked_sub(1)
        .filter(|k| *k > c && matches!(p.text(f.text), "=" | ":"))
        .and_then(|k| f.word(k));
    let help = match (key, what) {
        (Some(key), _) => format!(
            "give `{key}` a value, e.g. {}, or remove it",
            example(key, p.text(f.text))
        ),
        (None, "a value") => {
            "write the value to compare with on the same line, e.g. `total > 100`".to_string()
        }
        (None, "a condition") => format!(
            "write the condition on the same line, e.g. `{} total > 100`, or remove the `{}`",
            p.text(f.text),
            p.text(f.text)
        ),
        (None, _) => format!(
            "name it on the same line, e.g. `{} Orders`, or remove the line",
            p.text(f.text)
        ),
    };
    let d = f
        .diag(
            Code::E0001,
            p.start..p.end,
            format!(
                "expected {what} after `{}`, found {found}",
                f.snippet(ms, prev)
            ),
        )
        .label(format!("expected {what} after this"))
        .help(help);
    let end = if next_line {
        line_end(f.text, p.end)
    } else {
        f.toks[g].start
    };
    Some((d, Fix::Blank(f.toks[ms].start..end)))
}

/// An example of a property with a value, for help lines; `sign` is `=`
/// or, in a record, `:`.
fn example(key: &str, sign: &str) -> String {
    let value = match key {
        "timeout" | "visibility_timeout" | "window" | "max_event_age" | "max_age" => "30s",
        "memory" => "512MB",
        "handler" => "\"app.handler\"",
        "runtime" => "\"python3.13\"",
        "code" => "\"src\"",
        "retention" | "log_retention" => "14d",
        "batch" | "concurrency" | "retries" | "shards" => "10",
        "dead_letter" => "SomeDlq after 5 receives",
        "on_failure" | "on_success" => "SomeQueue",
        "auth" => "iam",
        "architecture" => "arm64",
        "tracing" => "active",
        "key" => "{ pk: string }",
        "name" | "path" => "\"/app/settings\"",
        _ if sign == ":" => "string",
        _ => "\"...\"",
    };
    match sign {
        ":" => format!("`{key}: {value}`"),
        _ => format!("`{key} = {value}`"),
    }
}

/// A member whose first word `head` is not followed by `=` or `{`.
fn member_head(f: &Failure, at: usize, head: usize, c: usize) -> (Diagnostic, Fix) {
    let t = f.toks[at];
    let h = f.toks[head];
    let word = h.text(f.text);
    let found = f.found(at);
    let end = member_end(f.text, f.toks, at);
    let blank = Fix::Blank(h.start..end.max(h.end));
    // `timeout: 30s`.
    if t.is(f.text, ":") {
        let rest = f.text[t.end..member_end(f.text, f.toks, at)].trim();
        let fixed = clip(&format!("{word} = {rest}"));
        let d = f
            .diag(Code::E0001, t.start..t.end, format!("expected `=` after `{word}`, found `:`"))
            .label("expected `=`")
            .help(format!("properties are written `name = value`: write `{fixed}` (`name: type` is for fields of `type`, `event`, `params` and `query`)"));
        return (d, Fix::Patch(vec![(t.start, "=".into())]));
    }
    // `post /orders -> F`, `FETCH /orders -> F`.
    if t.kind == Kind::Route {
        let upper = word.to_ascii_uppercase();
        if METHODS.contains(&upper.as_str()) {
            let d = f
                .diag(
                    Code::E0001,
                    h.start..h.end,
                    format!("HTTP method `{word}` in lower case"),
                )
                .label("methods are upper case")
                .help(format!("write `{upper} {}`", t.text(f.text)));
            return (d, Fix::Patch(vec![(h.start, upper)]));
        }
        let help = match did_you_mean(word, METHODS.iter().copied()) {
            Some(m) => format!("did you mean `{m}`?"),
            None => "write one of `GET`, `POST`, `PUT`, `PATCH`, `DELETE`, `HEAD`, `OPTIONS`, or `ANY` for every method".to_string(),
        };
        let d = f
            .diag(
                Code::E0001,
                h.start..h.end,
                format!("unknown HTTP method `{}`", clip(word)),
            )
            .label("not an HTTP method")
            .help(help);
        return (d, blank);
    }
    // `timeout = 30 s`.
    if head >= 1 && f.toks[head - 1].kind == Kind::Word {
        let n = f.toks[head - 1];
        let digits = n.text(f.text);
        if let Some(unit) = unit_named(word).filter(|_| {
            digits.bytes().all(|b| b.is_ascii_digit() || b == b'_')
                && !newline_between(f.text, n.end, h.start)
        }) {
            let written = f.text[n.start..h.end].to_string();
            let fixed = format!("{digits}{}", unit.0);
            let d = f
                .diag(
                    Code::E0001,
                    n.start..h.end,
                    format!("space between `{digits}` and its unit `{word}`"),
                )
                .label("no space here")
                .help(format!(
                    "write `{fixed}`: a unit follows its number directly"
                ));
            let fix = if unit.1 {
                let pad = written.len() - fixed.len();
                Fix::Patch(vec![(n.start, format!("{fixed}{}", " ".repeat(pad)))])
            } else {
                Fix::Blank(f.toks[member_start(f.text, f.toks, c, head - 1)].start..end)
            };
            return (d, fix);
        }
    }
    // `auth = lambda Authz`: a second word after a property's value.
    let before = f.toks[head - 1];
    if head - 1 > c
        && !before.is(f.text, ",")
        && !newline_between(f.text, before.end, h.start)
        && !STATEMENTS.contains(&word)
    {
        let ms = member_start(f.text, f.toks, c, head - 1);
        let d = f
            .diag(
                Code::E0001,
                h.start..h.end,
                format!(
                    "unexpected `{}` after `{}`",
                    clip(word),
                    f.snippet(ms, head - 1)
                ),
            )
            .label("one value per property")
            .help("remove it, or start the next member on a line of its own");
        return (d, blank);
    }
    // `send Q`, a statement keyword without its `to`.
    if f.expected.contains(&Rule::kw_to) {
        if let Some(x) = missing_to(f, at, head) {
            return x;
        }
    }
    if let Some(s) = did_you_mean(word, STATEMENTS.iter().copied()).filter(|s| s != word) {
        let d = f
            .diag(
                Code::E0001,
                h.start..h.end,
                format!("unknown statement `{}`", clip(word)),
            )
            .label("not a statement")
            .help(format!("did you mean `{s}`?"));
        // `raeds` is read as `reads` when it is as long.
        let fix = match s.len() == word.len() {
            true => Fix::Patch(vec![(h.start, s)]),
            false => blank,
        };
        return (d, fix);
    }
    let d = f
        .diag(
            Code::E0001,
            t.start..t.end,
            format!("expected `=` after `{}`, found {found}", clip(word)),
        )
        .label("expected `=` or `{`")
        .help(format!(
            "write `{word} = value`, or `{word} {{ ... }}` for a block"
        ));
    // `retention 14d` is read as `retention=14d`: the space takes the `=`.
    let valued = matches!(t.kind, Kind::Word | Kind::Str | Kind::Open(b'['));
    if valued && t.start > h.end && !newline_between(f.text, h.end, t.start) {
        return (d, Fix::Patch(vec![(h.end, "=".into())]));
    }
    (d, blank)
}

/// A unit as the grammar spells it, for a word written another way, and
/// whether it has the same length (so that the text can be repaired).
fn unit_named(word: &str) -> Option<(&'static str, bool)> {
    let lower = word.to_ascii_lowercase();
    let unit = match lower.as_str() {
        "kb" => "KB",
        "mb" => "MB",
        "gb" => "GB",
        "ms" => "ms",
        "s" => "s",
        "m" => "m",
        "h" => "h",
        "d" => "d",
        "sec" | "secs" | "second" | "seconds" => "s",
        "min" | "mins" | "minute" | "minutes" => "m",
        "hr" | "hrs" | "hour" | "hours" => "h",
        "day" | "days" => "d",
        "msec" | "msecs" | "millis" | "millisecond" | "milliseconds" => "ms",
        "kib" => "KB",
        "mib" => "MB",
        "gib" => "GB",
        _ => return None,
    };
    Some((unit, unit.len() == word.len()))
}

/// `512mb`, `30S`, `5min`: a number with a unit the grammar does not have.
fn unit(f: &Failure, at: usize, c: usize) -> Option<(Diagnostic, Fix)> {
    let t = f.toks[at];
    let text = t.text(f.text);
    let digits = text
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'_')
        .count();
    if t.kind != Kind::Word
        || digits == 0
        || digits == text.len()
        || !f.expected.iter().any(|r| {
            matches!(
                r,
                Rule::value | Rule::duration | Rule::size | Rule::number | Rule::digits
            )
        })
    {
        return None;
    }
    let (number, suffix) = text.split_at(digits);
    let sizes = "sizes are `KB`, `MB` and `GB`, upper case";
    let durations = "durations are `ms`, `s`, `m`, `h` and `d`, lower case";
    let (label, help, fix) = match unit_named(suffix) {
        Some((u, same)) => {
            let label = if u.ends_with('B') { sizes } else { durations };
            let fix = same.then(|| Fix::Patch(vec![(t.start + digits, u.to_string())]));
            (label.to_string(), format!("write `{number}{u}`"), fix)
        }
        None => (
            "not a unit".to_string(),
            format!("{durations}; {sizes}; write the unit right after the number, e.g. `30s` or `512MB`"),
            None,
        ),
    };
    let d = f
        .diag(
            Code::E0001,
            t.start + digits..t.end,
            format!("unknown unit `{}` in `{}`", clip(suffix), clip(text)),
        )
        .label(label)
        .help(help);
    let fix = fix.unwrap_or_else(|| {
        let ms = member_start(f.text, f.toks, c, at);
        Fix::Blank(f.toks[ms].start..member_end(f.text, f.toks, at))
    });
    Some((d, fix))
}

/// `send Q`, `sends Q`, `emits E` without `to`.
fn missing_to(f: &Failure, at: usize, ms: usize) -> Option<(Diagnostic, Fix)> {
    let verb = f.word(ms)?;
    let target = f.word(ms + 1).filter(|_| ms + 1 < at).unwrap_or("Target");
    let help = match verb {
        "send" => format!(
            "a rule's target is written `send to {}`",
            f.word(at).unwrap_or("Target")
        ),
        "sends" | "publishes" => format!(
            "write `{verb} to {target}`, or `{verb} Message to {target}` to say what it {verb}"
        ),
        "emits" => format!("events go to a bus: write `emits {target} to Bus`"),
        _ => return None,
    };
    let t = f.toks[at];
    let prev = f.toks[at - 1];
    let (range, found) = if newline_between(f.text, prev.end, t.start) {
        (prev.start..prev.end, "end of line".to_string())
    } else {
        (t.start..t.end, f.found(at))
    };
    let d = f
        .diag(
            Code::E0001,
            range,
            format!(
                "expected `to` after `{}`, found {found}",
                f.snippet(ms, at - 1)
            ),
        )
        .label("expected `to`")
        .help(help);
    let end = if newline_between(f.text, prev.end, t.start) {
        line_end(f.text, prev.end)
    } else {
        member_end(f.text, f.toks, at)
    };
    Some((d, Fix::Blank(f.toks[ms].start..end)))
}

/// An error where a field (`name: type`) was expected.
fn field(f: &Failure, at: usize, c: usize) -> Option<(Diagnostic, Fix)> {
    let t = f.toks[at];
    let name_at = at.checked_sub(1).filter(|n| *n > c)?;
    let name = f.word(name_at)?;
    // Which the body holds: fields (of a `type`, an `event`, `params`,
    // `query`, a record type) or properties (a block such as `tags`).
    let before = c.checked_sub(1).map(|b| f.toks[b]);
    let fields = match before {
        Some(b) if b.is(f.text, ":") => true,
        Some(b) if b.kind == Kind::Word && c != first_brace(f) => {
            FIELD_BLOCKS.contains(&b.text(f.text))
        }
        _ => matches!(f.declared(), Some((DeclKind::Type | DeclKind::Event, _))),
    };
    if !fields && t.is(f.text, "=") {
        // `tags { team: "payments", cost_centre = "cc-114" }`: the `:` is
        // the mistake, not the `=`.
        let mut depth = 0usize;
        let colon = (c + 1..at).find(|i| {
            let tok = f.toks[*i];
            match tok.kind {
                Kind::Open(_) => depth += 1,
                Kind::Close(_) => depth = depth.saturating_sub(1),
                _ => {}
            }
            depth == 0 && tok.is(f.text, ":") && f.toks[*i - 1].kind == Kind::Word
        })?;
        let ct = f.toks[colon];
        let key = f.toks[colon - 1].text(f.text);
        let value_end = member_end(f.text, f.toks, colon);
        let value = f.text[ct.end..value_end].trim().trim_end_matches(',');
        let d = f
            .diag(Code::E0001, ct.start..ct.end, format!("expected `=` after `{key}`, found `:`"))
            .label("expected `=`")
            .help(format!("properties are written `name = value`: write `{}` (`name: type` is for fields of `type`, `event`, `params` and `query`)", clip(&format!("{key} = {value}"))));
        return Some((d, Fix::Patch(vec![(ct.start, "=".into())])));
    }
    if !fields {
        return None;
    }
    let ms = member_start(f.text, f.toks, c, name_at);
    let spaced =
        t.start > f.toks[name_at].end && !newline_between(f.text, f.toks[name_at].end, t.start);
    let (fix, example) = if t.is(f.text, "=") {
        (
            Fix::Patch(vec![(t.start, ":".into())]),
            format!("{name}: {}", f.word(at + 1).unwrap_or("string")),
        )
    } else if spaced && matches!(t.kind, Kind::Word | Kind::Str | Kind::Open(b'[' | b'{')) {
        // `total number` is read as `total:number`: the space takes the `:`.
        (
            Fix::Patch(vec![(f.toks[name_at].end, ":".into())]),
            format!("{name}: {}", f.word(at).unwrap_or("string")),
        )
    } else {
        (
            Fix::Blank(f.toks[ms].start..member_end(f.text, f.toks, at)),
            format!("{name}: {}", f.word(at).unwrap_or("string")),
        )
    };
    let d = f
        .diag(
            Code::E0001,
            t.start..t.end,
            format!("expected `:` after field `{name}`, found {}", f.found(at)),
        )
        .label("expected `:`")
        .help(format!(
            "fields are written `name: type`, e.g. `{}`",
            clip(&example)
        ));
    Some((d, fix))
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
        Rule::kw_after => "`after`",
        Rule::kw_receives => "`receives`",
        Rule::kw_of => "`of`",
        Rule::kw_prefix => "`prefix`",
        Rule::kw_every | Rule::kw_cron => "`every` or `cron`",
        Rule::ident
        | Rule::path
        | Rule::message_type
        | Rule::path_list
        | Rule::scoped_list
        | Rule::scoped => "a name",
        Rule::string => "a string",
        Rule::value => "a value",
        Rule::duration => "a duration (`30s`)",
        Rule::size => "a size (`512MB`)",
        Rule::percent => "a percentage (`1%`)",
        Rule::rate => "a rate (`50/s`)",
        Rule::number | Rule::digits => "a number",
        Rule::type_expr => "a type",
        Rule::field | Rule::fields => "a field (`name: type`)",
        Rule::member => "a property, block or statement",
        Rule::schedule_expr => "`every` or `cron`",
        Rule::cmp_op => "a comparison (`=`, `!=`, `>`, ...)",
        Rule::cmp
        | Rule::in_test
        | Rule::exists_test
        | Rule::prefix_test
        | Rule::suffix_test
        | Rule::wildcard_test
        | Rule::cidr_test
        | Rule::kw_not
        | Rule::kw_exists
        | Rule::kw_suffix
        | Rule::kw_matches
        | Rule::kw_cidr => "a test (`=`, `>`, `in [...]`, `exists`, `prefix \"...\"`, ...)",
        Rule::condition | Rule::expr | Rule::unary => "a condition",
        Rule::route_path => "a path starting with `/`",
        Rule::item_at => "a declaration",
        _ => "something else",
    }
}

/// A piece of the spec quoted in a message, cut to a readable length.
fn clip(text: &str) -> String {
    const MAX: usize = 48;
    match text.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}
