//! The formatter: one canonical layout for a spec, changing only white
//! space.
//!
//! It works on the tokens of the file (the lexer recovery uses, with the
//! comments put back in) and on two facts only the grammar knows: where
//! each item starts (a declaration, a member of a body, an entry of a
//! record, a field of a type, an element of a list) and which `=` assigns a
//! property or an entry. Tokens are never added, removed or reordered, and
//! tokens written without space between them stay so (`30s`, `50/s`,
//! `Orders.name`, `-1`): the formatted spec parses to the same tree, so it
//! builds to the same template. What changes:
//!
//! - indentation: two spaces per open bracket, two more for a line that
//!   continues an item (a `where` over several lines);
//! - one space between tokens of a line, none inside `( )` and `[ ]`, one
//!   inside `{ }` on one line, none before `,` and `:` and one after, one
//!   around an assigning `=`, `->` and `{`;
//! - the `=` of the properties of a body, and of the entries of a record
//!   written over several lines, aligned in one column per body, and the
//!   types of a type's fields;
//! - at most one blank line in a row, none after a `{` or before a `}`,
//!   and one around every declaration that spans several lines;
//! - a list too long for its line, one element per line;
//! - no trailing white space, `\n` line ends, one at the end.
//!
//! The layout depends only on the tokens and the line breaks between them,
//! so formatting a formatted spec changes nothing.

use super::recover::{lex, Kind, Tok};
use super::{generated::Rule, skip_trivia, trivia, SlsParser};
use crate::diagnostics::{Diagnostic, Severity};
use crate::source::FileId;
use pest::iterators::Pair;
use pest::Parser;
use std::collections::{HashMap, HashSet};

/// Lines longer than this have their lists broken, one element per line.
pub const WIDTH: usize = 100;

const INDENT: &str = "  ";

/// Formats a spec. A spec with syntax errors is not formatted: its errors
/// come back instead.
pub fn format(text: &str) -> Result<String, Vec<Diagnostic>> {
    let (_, diags) = super::parse(FileId(0), text);
    let errors: Vec<Diagnostic> = diags
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let Some(shape) = Shape::of(text) else {
        // Parsed by recovery only; nothing to format safely.
        return Ok(text.to_string());
    };
    let once = layout(text, &shape);
    // Breaking long lists makes new lines: lay them out in turn.
    if once != text {
        if let Some(again) = Shape::of(&once) {
            return Ok(layout(&once, &again));
        }
    }
    Ok(once)
}

/// What the grammar says about a text that parses.
struct Shape {
    /// Byte offsets where items start.
    starts: HashSet<usize>,
    /// Byte offsets of the `=` of properties, entries and responses.
    assigns: HashSet<usize>,
    /// Byte ranges of lists, opening bracket to closing bracket.
    lists: Vec<(usize, usize)>,
}

impl Shape {
    fn of(text: &str) -> Option<Shape> {
        let mut shape = Shape {
            starts: HashSet::new(),
            assigns: HashSet::new(),
            lists: Vec::new(),
        };
        let mut pos = skip_trivia(text, 0);
        while pos < text.len() {
            let mut pairs = SlsParser::parse(Rule::item_at, &text[pos..]).ok()?;
            let item_at = pairs.next()?;
            let end = pos + item_at.as_span().end();
            shape.starts.insert(pos);
            for p in item_at.into_inner() {
                shape.walk(p, pos);
            }
            if end <= pos {
                return None;
            }
            pos = skip_trivia(text, end);
        }
        Some(shape)
    }

    fn walk(&mut self, p: Pair<Rule>, base: usize) {
        let at = base + p.as_span().start();
        match p.as_rule() {
            Rule::member | Rule::entry | Rule::field | Rule::response => {
                self.starts.insert(at);
            }
            Rule::list => {
                self.lists.push((at, base + p.as_span().end() - 1));
            }
            _ => {}
        }
        let assigning = matches!(p.as_rule(), Rule::property | Rule::entry | Rule::response);
        let in_list = p.as_rule() == Rule::list;
        for child in p.into_inner() {
            if assigning && child.as_rule() == Rule::EQ {
                self.assigns.insert(base + child.as_span().start());
            }
            if in_list && child.as_rule() == Rule::value {
                self.starts.insert(base + child.as_span().start());
            }
            self.walk(child, base);
        }
    }
}

/// A token, or a comment.
#[derive(Clone, Copy)]
struct Piece {
    tok: Tok,
    comment: bool,
}

/// True for a route's HTTP method (`GET`), whose path follows.
fn is_method(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// Closes one bracket of the innermost level.
fn close(levels: &mut Vec<usize>) {
    if let Some(top) = levels.last_mut() {
        *top -= 1;
        if *top == 0 {
            levels.pop();
        }
    }
}

/// What a line lines up with the lines around it.
#[derive(Clone, Copy)]
struct Align {
    /// The column padding goes before: of the `=` of `key = value`, or of
    /// the type of `name: type`.
    column: usize,
    /// `=` or `:`: lines align with lines of their kind.
    kind: char,
}

/// One line of the output before it is written.
struct Line {
    indent: usize,
    /// The opener of the body the line is in.
    body: usize,
    /// How many blank lines came before it in the file: a blank line
    /// starts a new group of aligned lines.
    paragraph: usize,
    text: String,
    align: Option<Align>,
    /// A route, `METHOD /path -> ...`: the widths of its method and path,
    /// which line up with the other routes of its body.
    route: Option<(usize, usize)>,
    /// The line is a comment only.
    comment: bool,
    /// The line holds only closing brackets (and what follows them).
    closes: bool,
    /// The line ends with an opening bracket.
    opens: bool,
    /// A blank line came before it in the source.
    blank_before: bool,
    /// Depth 0, and the start of an item.
    top_item: bool,
    /// The top-level item it starts spans more lines.
    multi_line: bool,
}

fn layout(text: &str, shape: &Shape) -> String {
    let pieces = pieces(text);
    // Break the pieces into the source's lines.
    let mut rows: Vec<(Vec<Piece>, bool)> = Vec::new();
    let mut prev_end = 0;
    for p in pieces {
        let gap = &text[prev_end..p.tok.start];
        let breaks =
            gap.matches('\n').count() + gap.matches('\r').count() - gap.matches("\r\n").count();
        if rows.is_empty() || breaks > 0 {
            rows.push((Vec::new(), breaks > 1 && !rows.is_empty()));
        }
        rows.last_mut().expect("a row").0.push(p);
        prev_end = p.tok.end;
    }
    let rows = wrap_lists(text, shape, rows);

    // Each line that leaves brackets open is one level of indentation,
    // however many it opens (`policy = [{` indents its content once).
    let mut levels: Vec<usize> = Vec::new();
    let mut openers: Vec<usize> = Vec::new();
    let mut lines: Vec<Line> = Vec::new();
    let mut paragraph = 0;
    for (row, blank_before) in &rows {
        paragraph += usize::from(*blank_before);
        let first = row[0];
        let code: Vec<&Piece> = row.iter().filter(|p| !p.comment).collect();
        let leading_closers = code
            .iter()
            .take_while(|p| matches!(p.tok.kind, Kind::Close(_)))
            .count();
        for _ in 0..leading_closers {
            close(&mut levels);
            openers.pop();
        }
        let own_depth = levels.len();
        // A line that starts no item continues the one above.
        let continues =
            !first.comment && leading_closers == 0 && !shape.starts.contains(&first.tok.start);
        let indent = own_depth + usize::from(continues);
        let body = openers.last().copied().unwrap_or(usize::MAX);
        let (text_of_line, align) = render(text, shape, row);
        let align = align.filter(|_| shape.starts.contains(&first.tok.start));
        let mut opened = 0;
        for p in &code[leading_closers..] {
            match p.tok.kind {
                Kind::Open(_) => {
                    opened += 1;
                    openers.push(p.tok.start);
                }
                Kind::Close(_) => {
                    if opened > 0 {
                        opened -= 1;
                    } else {
                        close(&mut levels);
                    }
                    openers.pop();
                }
                _ => {}
            }
        }
        if opened > 0 {
            levels.push(opened);
        }
        let route = match (row.first(), row.get(1)) {
            (Some(m), Some(path))
                if !m.comment
                    && is_method(m.tok.text(text))
                    && path.tok.kind == Kind::Route
                    && shape.starts.contains(&m.tok.start) =>
            {
                Some((m.tok.text(text).len(), path.tok.text(text).len()))
            }
            _ => None,
        };
        lines.push(Line {
            indent,
            route,
            text: text_of_line,
            body,
            paragraph,
            align: align.map(|(column, kind)| Align { column, kind }),
            comment: first.comment,
            closes: leading_closers > 0,
            opens: opened > 0,
            blank_before: *blank_before,
            top_item: own_depth == 0 && !first.comment && shape.starts.contains(&first.tok.start),
            multi_line: opened > 0,
        });
    }
    align_bodies(&mut lines);
    write(lines)
}

/// The tokens of the text with its comments, in order.
fn pieces(text: &str) -> Vec<Piece> {
    let extra = trivia::scan(FileId(0), text);
    let mut comments: Vec<Tok> = extra
        .comments
        .iter()
        .chain(&extra.doc_comments)
        .map(|s| Tok {
            kind: Kind::Punct,
            start: s.start as usize,
            end: s.end as usize,
        })
        .collect();
    comments.sort_by_key(|t| t.start);
    let mut out: Vec<Piece> = lex(text)
        .into_iter()
        .map(|tok| Piece {
            tok,
            comment: false,
        })
        .chain(comments.into_iter().map(|tok| Piece { tok, comment: true }))
        .collect();
    out.sort_by_key(|p| p.tok.start);
    out
}

/// One line's text, and where it aligns when it is `key = ...` or
/// `name: type`.
fn render(text: &str, shape: &Shape, row: &[Piece]) -> (String, Option<(usize, char)>) {
    let mut out = String::new();
    let mut align = None;
    for (i, p) in row.iter().enumerate() {
        let t = p.tok.text(text);
        let t = if p.comment { t.trim_end() } else { t };
        if i > 0 {
            let prev = row[i - 1];
            let pt = prev.tok.text(text);
            let glued = prev.tok.end == p.tok.start;
            let space = if p.comment {
                true
            } else if shape.assigns.contains(&p.tok.start) {
                if i == 1 {
                    align = Some((out.chars().count(), '='));
                }
                true
            } else if shape.assigns.contains(&prev.tok.start) {
                true
            } else if t == "," || t == ":" {
                false
            } else if pt == "," || pt == ":" || t == "->" || pt == "->" {
                true
            } else if p.tok.kind == Kind::Route && is_method(pt) {
                // `GET/orders` parses; it reads `GET /orders`.
                true
            } else if matches!(prev.tok.kind, Kind::Open(b'[' | b'('))
                || matches!(p.tok.kind, Kind::Close(b']' | b')'))
            {
                false
            } else if matches!(prev.tok.kind, Kind::Open(b'{'))
                || matches!(p.tok.kind, Kind::Open(b'{') | Kind::Close(b'}'))
            {
                // `{}` stays empty; a `{` after a name or value has a space
                // before it.
                !(matches!(prev.tok.kind, Kind::Open(b'{'))
                    && matches!(p.tok.kind, Kind::Close(b'}')))
            } else {
                !glued
            };
            if space {
                out.push(' ');
            }
            // `name: type` and `name?: type`: the type lines up.
            let colon =
                (i == 2 && pt == ":") || (i == 3 && pt == ":" && row[1].tok.text(text) == "?");
            if colon && !p.comment {
                align = Some((out.chars().count(), ':'));
            }
        }
        out.push_str(t);
    }
    (out, align)
}

/// Breaks a list that makes its line longer than [`WIDTH`] into one
/// element per line; the innermost such lists first, one per line.
fn wrap_lists(text: &str, shape: &Shape, rows: Vec<(Vec<Piece>, bool)>) -> Vec<(Vec<Piece>, bool)> {
    let mut out = Vec::new();
    for (row, blank) in rows {
        let (rendered, _) = render(text, shape, &row);
        if rendered.len() <= WIDTH || row.iter().any(|p| p.comment) {
            out.push((row, blank));
            continue;
        }
        // The outermost list that opens and closes on this line and has
        // two elements or more.
        let list = row.iter().enumerate().find_map(|(i, p)| {
            let (start, end) = shape.lists.iter().find(|(s, _)| *s == p.tok.start)?;
            let j = row.iter().position(|q| q.tok.start == *end)?;
            let elements = row[i + 1..j]
                .iter()
                .filter(|q| shape.starts.contains(&q.tok.start))
                .count();
            (elements >= 2).then_some((i, j, *start))
        });
        let Some((open, close, _)) = list else {
            out.push((row, blank));
            continue;
        };
        out.push((row[..=open].to_vec(), blank));
        let mut current: Vec<Piece> = Vec::new();
        for p in &row[open + 1..close] {
            if shape.starts.contains(&p.tok.start) && !current.is_empty() {
                out.push((std::mem::take(&mut current), false));
            }
            current.push(*p);
        }
        if !current.is_empty() {
            out.push((current, false));
        }
        out.push((row[close..].to_vec(), false));
    }
    out
}

/// Aligns the `key = value` lines of each body in one column, as the
/// `name: type` lines of each type: every such line of the body up to a
/// blank line, as a spec's properties read as one table, and the methods
/// and paths of an API's routes.
fn align_bodies(lines: &mut [Line]) {
    let mut widest: HashMap<(usize, usize, usize, char), usize> = HashMap::new();
    for l in lines.iter() {
        if let Some(a) = l.align {
            let w = widest
                .entry((l.body, l.paragraph, l.indent, a.kind))
                .or_insert(0);
            *w = (*w).max(a.column);
        }
    }
    // Routes: methods and paths in columns.
    let mut routes: HashMap<(usize, usize, usize), (usize, usize)> = HashMap::new();
    for l in lines.iter() {
        if let Some((m, p)) = l.route {
            let w = routes
                .entry((l.body, l.paragraph, l.indent))
                .or_insert((0, 0));
            *w = (w.0.max(m), w.1.max(p));
        }
    }
    for l in lines.iter_mut() {
        let Some((m, p)) = l.route else { continue };
        let (wm, wp) = routes[&(l.body, l.paragraph, l.indent)];
        let rest = l.text[m + 1 + p..].to_string();
        l.text = format!(
            "{:<wm$} {:<wp$}{rest}",
            &l.text[..m],
            &l.text[m + 1..m + 1 + p]
        );
    }
    for l in lines.iter_mut() {
        let Some(a) = l.align else { continue };
        let target = widest[&(l.body, l.paragraph, l.indent, a.kind)];
        if target > a.column {
            let at = l
                .text
                .char_indices()
                .nth(a.column)
                .map_or(l.text.len(), |(b, _)| b);
            l.text.insert_str(at, &" ".repeat(target - a.column));
        }
    }
}

fn write(lines: Vec<Line>) -> String {
    let mut out: Vec<String> = Vec::new();
    // Where the comments just before the current line start in `out`, so
    // that a blank line goes above them, not between them and what they
    // are about.
    let mut comments_from: Option<usize> = None;
    let mut prev: Option<&Line> = None;
    let mut prev_top_multi = false;
    for l in &lines {
        let mut blank = l.blank_before;
        if let Some(p) = prev {
            if p.opens || l.closes {
                blank = false;
            }
        } else {
            blank = false;
        }
        if l.top_item {
            let needs = prev_top_multi || l.multi_line;
            if needs && prev.is_some() {
                let at = comments_from.unwrap_or(out.len());
                if at > 0 && !out[at - 1].is_empty() {
                    out.insert(at, String::new());
                }
            }
            prev_top_multi = l.multi_line;
        } else if l.indent == 0 && l.closes {
            prev_top_multi = true;
        }
        if blank && out.last().is_some_and(|x| !x.is_empty()) {
            out.push(String::new());
        }
        if l.comment {
            if comments_from.is_none() || prev.is_some_and(|p| !p.comment) {
                comments_from = Some(out.len());
            }
        } else {
            comments_from = None;
        }
        out.push(format!("{}{}", INDENT.repeat(l.indent), l.text));
        prev = Some(l);
    }
    let mut s = out.join("\n");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(text: &str) -> String {
        let once = format(text).unwrap_or_else(|d| panic!("{d:?}"));
        assert_eq!(format(&once).unwrap(), once, "not idempotent:\n{once}");
        once
    }

    #[test]
    fn indents_spaces_and_aligns() {
        let text = "app a{runtime=\"python3.13\"}\nqueue Q{\n    retention=4d\n  visibility_timeout =30s\n}\nfunction F {\nhandler = \"f.h\"\n  on Q { batch=10 ,partial_failures = true }\n  memory=512MB\n}\n";
        assert_eq!(
            fmt(text),
            "app a { runtime = \"python3.13\" }\n\nqueue Q {\n  retention          = 4d\n  visibility_timeout = 30s\n}\n\nfunction F {\n  handler = \"f.h\"\n  on Q { batch = 10, partial_failures = true }\n  memory  = 512MB\n}\n"
        );
    }

    #[test]
    fn keeps_comments_glued_tokens_and_blank_lines() {
        let text = "// top\n\n\n/// Orders.\nqueue Orders { retention = 4d } // trailing   \n\n\nfunction F {\n\n  handler = \"f.h\"\n  // reads\n  reads Orders\n\n\n  env { Q = Orders.name, R = \"50/s\" }\n  alarms { errors = 1%, traffic = 50/s, min = -1 }\n\n}\n";
        assert_eq!(
            fmt(text),
            "// top\n\n/// Orders.\nqueue Orders { retention = 4d } // trailing\n\nfunction F {\n  handler = \"f.h\"\n  // reads\n  reads Orders\n\n  env { Q = Orders.name, R = \"50/s\" }\n  alarms { errors = 1%, traffic = 50/s, min = -1 }\n}\n"
        );
    }

    #[test]
    fn continuation_lines_are_indented_once() {
        let text = "rule R on default {\nmatch E where a = 1\nand b prefix \"x\"\n  send to F\n}\n";
        assert_eq!(
            fmt(text),
            "rule R on default {\n  match E where a = 1\n    and b prefix \"x\"\n  send to F\n}\n"
        );
    }

    #[test]
    fn long_lists_get_one_element_per_line() {
        let items: Vec<String> = (0..12)
            .map(|i| format!("\"https://example-{i}.com\""))
            .collect();
        let text = format!(
            "api A http {{\n  cors {{ origins = [{}] }}\n}}\n",
            items.join(", ")
        );
        let out = fmt(&text);
        assert!(
            out.contains("origins = [\n    \"https://example-0.com\",\n"),
            "{out}"
        );
        assert!(out.lines().all(|l| l.len() <= WIDTH), "{out}");
    }

    #[test]
    fn aligns_the_properties_and_fields_of_each_body() {
        let text = "type T {\n  id: string\n  total?: number\n}\nqueue Q {\n  retention = 4d\n  // why\n  visibility_timeout = 30s\n\n  delay = 1s\n  policy = [{\n    Effect = \"Allow\"\n    Action = [\"sqs:SendMessage\"]\n  }]\n}\n";
        assert_eq!(
            fmt(text),
            "type T {\n  id:     string\n  total?: number\n}\n\nqueue Q {\n  retention          = 4d\n  // why\n  visibility_timeout = 30s\n\n  delay  = 1s\n  policy = [{\n    Effect = \"Allow\"\n    Action = [\"sqs:SendMessage\"]\n  }]\n}\n"
        );
    }

    #[test]
    fn lines_up_routes() {
        let text = "api A http {\n  GET /orders/{id} -> Get\n  POST/orders -> Create { auth = none }\n  DELETE   /orders/{id}  ->  Delete\n}\n";
        assert_eq!(
            fmt(text),
            "api A http {\n  GET    /orders/{id} -> Get\n  POST   /orders      -> Create { auth = none }\n  DELETE /orders/{id} -> Delete\n}\n"
        );
    }

    #[test]
    fn a_spec_that_does_not_parse_is_left_alone() {
        let errors = format("queue Q {\n  retention = \n").unwrap_err();
        assert!(errors.iter().all(|d| d.severity == Severity::Error));
        assert!(!errors.is_empty());
    }
}
