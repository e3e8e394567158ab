//! The shape of text that does not parse: tokens, brackets and members.
//!
//! When the grammar rejects a declaration, recovery (in `syntax.rs`) and
//! the messages (in `messages.rs`) need to know where things are around
//! the error: which `{ ... }` holds it, where the broken member starts and
//! ends, which bracket was never closed. Pest says none of this about text
//! it rejects, so it is read from a flat list of tokens, which any text has.
//! Tokens follow the grammar's lexical rules (strings, route paths,
//! comments), so that a `}` in a string or `//` in a path is not mistaken.

use super::trivia::{route_path_end, string_end};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Letters, digits and `_`: a name, a keyword or a number with its unit.
    Word,
    /// A string literal, quotes included (or to the line end, if open).
    Str,
    /// A route path: `/orders/{id}`.
    Route,
    /// `(`, `[` or `{`.
    Open(u8),
    /// `)`, `]` or `}`.
    Close(u8),
    /// Anything else: `=`, `:`, `,`, `->`, `!=`, `-`, ...
    Punct,
}

/// One token: its kind and byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tok {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

impl Tok {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// True for the punctuation `p`.
    pub fn is(&self, text: &str, p: &str) -> bool {
        self.text(text) == p
    }
}

/// The tokens of a text, comments and white space left out.
pub(super) fn lex(text: &str) -> Vec<Tok> {
    Lexer { text, at: 0 }.collect()
}

/// The tokens of a whole file and how its brackets pair, read once, so
/// that where each declaration ends at most is known without reading the
/// file again for each (which a file of many broken declarations on one
/// line would make quadratic).
pub(super) struct Outline {
    toks: Vec<Tok>,
    partner: Vec<Option<usize>>,
    /// For each token, the index of the first bracket opener at or after
    /// it (`toks.len()` if none).
    next_open: Vec<usize>,
}

impl Outline {
    pub fn new(text: &str) -> Outline {
        let toks = lex(text);
        let partner = Brackets::new(&toks).partner;
        let mut next_open = vec![toks.len(); toks.len() + 1];
        for i in (0..toks.len()).rev() {
            next_open[i] = match toks[i].kind {
                Kind::Open(_) => i,
                _ => next_open[i + 1],
            };
        }
        Outline {
            toks,
            partner,
            next_open,
        }
    }

    /// Where the declaration at `pos` ends at most: after the `}` that
    /// closes the first bracket after `pos`, if that is a `{` and is
    /// closed. A declaration's first bracket is its body's, and the body
    /// ends it.
    pub fn extent(&self, pos: usize) -> Option<usize> {
        let first = self.toks.partition_point(|t| t.start < pos);
        let open = *self.next_open.get(first)?;
        if self.toks.get(open)?.kind != Kind::Open(b'{') {
            return None;
        }
        self.partner[open].map(|close| self.toks[close].end)
    }
}

/// Reads tokens one at a time.
struct Lexer<'t> {
    text: &'t str,
    at: usize,
}

impl Iterator for Lexer<'_> {
    type Item = Tok;

    fn next(&mut self) -> Option<Tok> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let mut i = self.at;
        while i < bytes.len() {
            let start = i;
            let c = bytes[i];
            let next = bytes.get(i + 1).copied();
            let kind = match c {
                b' ' | b'\t' | b'\n' | b'\r' => {
                    i += 1;
                    continue;
                }
                b'/' if next == Some(b'/') => {
                    while i < bytes.len() && !matches!(bytes[i], b'\n' | b'\r') {
                        i += 1;
                    }
                    continue;
                }
                b'/' => {
                    i = route_path_end(bytes, i);
                    Kind::Route
                }
                b'"' => {
                    i = string_end(bytes, i);
                    Kind::Str
                }
                b'(' | b'[' | b'{' => {
                    i += 1;
                    Kind::Open(c)
                }
                b')' | b']' | b'}' => {
                    i += 1;
                    Kind::Close(c)
                }
                c if is_word(c) => {
                    while i < bytes.len() && is_word(bytes[i]) {
                        i += 1;
                    }
                    Kind::Word
                }
                b'-' if next == Some(b'>') => {
                    i += 2;
                    Kind::Punct
                }
                b'!' | b'>' | b'<' if next == Some(b'=') => {
                    i += 2;
                    Kind::Punct
                }
                _ => {
                    i += text[i..].chars().next().map_or(1, char::len_utf8);
                    Kind::Punct
                }
            };
            self.at = i;
            return Some(Tok {
                kind,
                start,
                end: i,
            });
        }
        self.at = i;
        None
    }
}

/// True for bytes of a word: ASCII letters, digits and `_`.
pub(super) fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The closer of an opener.
pub(super) fn closer(open: u8) -> u8 {
    match open {
        b'(' => b')',
        b'[' => b']',
        _ => b'}',
    }
}

/// True if a line ends between byte offsets `a` and `b`.
pub(super) fn newline_between(text: &str, a: usize, b: usize) -> bool {
    text.get(a.min(b)..b)
        .is_some_and(|s| s.contains(['\n', '\r']))
}

/// The start of the line holding `at`.
pub(super) fn line_start(text: &str, at: usize) -> usize {
    text[..at.min(text.len())]
        .rfind(['\n', '\r'])
        .map_or(0, |i| i + 1)
}

/// The end of the line holding `at` (where its line break is).
pub(super) fn line_end(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text[at..].find(['\n', '\r']).map_or(text.len(), |i| at + i)
}

/// The start of the line after the line break at `end` (or the text's
/// length).
pub(super) fn next_line_start(text: &str, end: usize) -> usize {
    let rest = &text.as_bytes()[end.min(text.len())..];
    match rest {
        [b'\r', b'\n', ..] => end + 2,
        [] => text.len(),
        _ => end + 1,
    }
}

/// The indentation of the line that starts at `start`, in bytes of space
/// and tab.
pub(super) fn indent(text: &str, start: usize) -> usize {
    text[start..]
        .bytes()
        .take_while(|b| matches!(b, b' ' | b'\t'))
        .count()
}

/// How brackets pair up. A closer that does not match the innermost open
/// bracket closes the nearest one it matches, leaving those inside it
/// unclosed (`[ ... }` closes the `{` around the `[`); a closer that
/// matches no open bracket pairs with nothing.
pub(super) struct Brackets {
    /// For each token, the index of its partner, if it is a bracket that
    /// has one.
    pub partner: Vec<Option<usize>>,
}

impl Brackets {
    pub fn new(toks: &[Tok]) -> Brackets {
        let mut partner = vec![None; toks.len()];
        let mut stack: Vec<usize> = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            match t.kind {
                Kind::Open(_) => stack.push(i),
                Kind::Close(c) => {
                    if let Some(at) = stack.iter().rposition(|o| match toks[*o].kind {
                        Kind::Open(o) => closer(o) == c,
                        _ => false,
                    }) {
                        partner[stack[at]] = Some(i);
                        partner[i] = Some(stack[at]);
                        stack.truncate(at);
                    }
                }
                _ => {}
            }
        }
        Brackets { partner }
    }
}

/// The brackets still open before token `upto`, outermost first, paired
/// as [`Brackets`] pairs them.
pub(super) fn open_before(toks: &[Tok], upto: usize) -> Vec<usize> {
    let mut stack: Vec<usize> = Vec::new();
    for (i, t) in toks[..upto.min(toks.len())].iter().enumerate() {
        match t.kind {
            Kind::Open(_) => stack.push(i),
            Kind::Close(c) => {
                if let Some(at) = stack.iter().rposition(|o| match toks[*o].kind {
                    Kind::Open(o) => closer(o) == c,
                    _ => false,
                }) {
                    stack.truncate(at);
                }
            }
            _ => {}
        }
    }
    stack
}

/// The first token of the member that holds token `at`, inside the
/// brackets opened by token `container`: members are separated by commas
/// and line breaks outside any nested bracket.
pub(super) fn member_start(text: &str, toks: &[Tok], container: usize, at: usize) -> usize {
    let mut start = container + 1;
    let mut depth = 0usize;
    for t in container + 1..at.min(toks.len()) {
        let tok = toks[t];
        if depth == 0 && t > container + 1 && newline_between(text, toks[t - 1].end, tok.start) {
            start = t;
        }
        match tok.kind {
            Kind::Open(_) => depth += 1,
            Kind::Close(_) => depth = depth.saturating_sub(1),
            Kind::Punct if depth == 0 && tok.is(text, ",") => start = t + 1,
            _ => {}
        }
    }
    if at < toks.len() && depth == 0 && start < at {
        // The token at `at` may itself start a line.
        if newline_between(text, toks[at - 1].end, toks[at].start) {
            start = at;
        }
    }
    start.min(at)
}

/// The byte offset where the member holding token `at` ends: before the
/// next line break or after the next comma outside nested brackets, or
/// before the closer of its container.
pub(super) fn member_end(text: &str, toks: &[Tok], at: usize) -> usize {
    let Some(first) = toks.get(at) else {
        return text.len();
    };
    let mut open: Vec<u8> = Vec::new();
    let mut end = first.end;
    // The brackets of the token itself.
    match first.kind {
        Kind::Open(o) => open.push(o),
        Kind::Close(_) => return first.start,
        _ => {}
    }
    for t in at + 1..toks.len() {
        let tok = toks[t];
        if open.is_empty() && newline_between(text, toks[t - 1].end, tok.start) {
            return end;
        }
        match tok.kind {
            Kind::Open(o) => open.push(o),
            Kind::Close(c) => match open.iter().rposition(|o| closer(*o) == c) {
                Some(i) => open.truncate(i),
                // It closes the container.
                None => return end,
            },
            Kind::Punct if open.is_empty() && tok.is(text, ",") => return tok.end,
            _ => {}
        }
        end = tok.end;
    }
    end
}

/// The index of the first token that starts at or after `offset`.
pub(super) fn token_at(toks: &[Tok], offset: usize) -> usize {
    toks.partition_point(|t| t.start < offset)
}

/// A copy of `text` with the bytes of `range` replaced by spaces, line
/// breaks kept, so that every other offset stays where it was.
pub(super) fn blank(text: &mut String, range: std::ops::Range<usize>) {
    let blanked: String = text[range.clone()]
        .bytes()
        .map(|b| {
            if matches!(b, b'\n' | b'\r') {
                b as char
            } else {
                ' '
            }
        })
        .collect();
    text.replace_range(range, &blanked);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'t>(text: &'t str, toks: &[Tok]) -> Vec<&'t str> {
        toks.iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn lexes_as_the_grammar_reads() {
        let text = "GET /a//b -> F { x = \"}//\" } // c\n a != 512MB, é";
        assert_eq!(
            texts(text, &lex(text)),
            [
                "GET", "/a//b", "->", "F", "{", "x", "=", "\"}//\"", "}", "a", "!=", "512MB", ",",
                "é"
            ]
        );
    }

    #[test]
    fn pairs_brackets_and_finds_the_unclosed() {
        let text = "{ a = [1, 2 }\n{ (";
        let toks = lex(text);
        let b = Brackets::new(&toks);
        // `[` is left open by the `}` that closes the first `{`.
        assert_eq!(b.partner[0], Some(7));
        assert_eq!(b.partner[3], None);
        assert_eq!(open_before(&toks, toks.len()), [8, 9]);
    }

    #[test]
    fn members_end_at_line_breaks_and_commas() {
        let text = "f {\n  a = 1, b = [1,\n 2] c\n  d = 2\n}";
        let toks = lex(text);
        let b_at = toks.iter().position(|t| t.text(text) == "b").unwrap();
        let c_at = toks.iter().position(|t| t.text(text) == "c").unwrap();
        assert_eq!(member_start(text, &toks, 1, c_at), b_at);
        assert_eq!(
            &text[toks[b_at].start..member_end(text, &toks, b_at)],
            "b = [1,\n 2] c"
        );
        let a_at = 2;
        assert_eq!(member_start(text, &toks, 1, a_at + 2), a_at);
        assert_eq!(
            &text[toks[a_at].start..member_end(text, &toks, a_at)],
            "a = 1,"
        );
        let d_at = toks.iter().position(|t| t.text(text) == "d").unwrap();
        assert_eq!(
            &text[toks[d_at].start..member_end(text, &toks, d_at)],
            "d = 2"
        );
    }

    #[test]
    fn blanking_keeps_offsets_and_line_breaks() {
        let mut text = "a = é\nb".to_string();
        let end = text.len() - 1;
        blank(&mut text, 0..end);
        assert_eq!(text, "      \nb");
    }
}
