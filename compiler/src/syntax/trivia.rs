//! Trivia: the comments and blank lines of a file, which the grammar skips.
//!
//! One pass over the text finds them, skipping what the grammar reads as
//! tokens that may hold `//`: strings (`"https://..."`) and route paths
//! (`GET /a//b`, where `//` is part of the path). The pass does not depend
//! on the file parsing, so a file with syntax errors still has all its
//! comments: suppression comments keep working while a spec is being typed.

use crate::ast::Extra;
use crate::source::{FileId, Span};

/// The comments and blank lines of a file.
pub(super) fn scan(file: FileId, text: &str) -> Extra {
    let bytes = text.as_bytes();
    let mut extra = Extra::default();
    let mut i = 0;
    // Whether only spaces and tabs were seen since the line began.
    let mut line_start = 0;
    let mut blank = true;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' | b'\r' => {
                if blank {
                    extra.empty_lines.push(line_start as u32);
                }
                // CRLF is one line break.
                i += if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                line_start = i;
                blank = true;
                continue;
            }
            b' ' | b'\t' => {}
            b'"' => {
                blank = false;
                i = string_end(bytes, i);
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                blank = false;
                let start = i;
                while i < bytes.len() && !matches!(bytes[i], b'\n' | b'\r') {
                    i += 1;
                }
                let doc = text[start..i].starts_with("///") && !text[start..i].starts_with("////");
                let span = Span::new(file, start, i);
                if doc {
                    extra.doc_comments.push(span);
                } else {
                    extra.comments.push(span);
                }
                continue;
            }
            b'/' => {
                blank = false;
                i = route_path_end(bytes, i);
                continue;
            }
            _ => blank = false,
        }
        i += 1;
    }
    extra
}

/// The end of the string starting at `start` (its opening quote): after the
/// closing quote, or at the line end for a string left open, as in the
/// grammar, where a string cannot span lines.
pub(super) fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return i + 1,
            b'\n' | b'\r' => return i,
            // An escape takes the next character, but not a line end.
            b'\\' if !matches!(bytes.get(i + 1), Some(b'\n' | b'\r') | None) => i += 2,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The end of the route path starting at `start` (a `/` not followed by
/// another): the characters of the grammar's `route_path`, with `{name}`
/// and `{name+}` placeholders.
pub(super) fn route_path_end(bytes: &[u8], start: usize) -> usize {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = start + 1;
    while i < bytes.len() {
        let b = bytes[i];
        if word(b) || matches!(b, b'-' | b'.' | b'~' | b'/') {
            i += 1;
        } else if b == b'{' {
            // `{` ident `+`? `}`, or the path ends before the `{`.
            let mut j = i + 1;
            if j < bytes.len() && (bytes[j].is_ascii_alphabetic() || bytes[j] == b'_') {
                while j < bytes.len() && word(bytes[j]) {
                    j += 1;
                }
                if bytes.get(j) == Some(&b'+') {
                    j += 1;
                }
                if bytes.get(j) == Some(&b'}') {
                    i = j + 1;
                    continue;
                }
            }
            break;
        } else {
            break;
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, spans: &[Span]) -> Vec<String> {
        spans
            .iter()
            .map(|s| text[s.start as usize..s.end as usize].to_string())
            .collect()
    }

    #[test]
    fn finds_comments_but_not_in_strings_or_route_paths() {
        let text = "// top\nqueue Q { x = \"a // not\" } // end\r\n/// doc\n//// banner\napi A http {\n  GET /a//b -> F // route\n}\n";
        let extra = scan(FileId(0), text);
        assert_eq!(
            texts(text, &extra.comments),
            ["// top", "// end", "//// banner", "// route"]
        );
        assert_eq!(texts(text, &extra.doc_comments), ["/// doc"]);
    }

    #[test]
    fn finds_blank_lines_with_every_line_end() {
        let text = "a\n\n  \nb\r\n\r\n\t\rc\n";
        let extra = scan(FileId(0), text);
        let starts: Vec<u32> = extra.empty_lines;
        assert_eq!(starts, [2, 3, 9, 11]);
        // The end of the text after the last line break is not a line.
        assert!(scan(FileId(0), "a\n").empty_lines.is_empty());
    }

    #[test]
    fn an_open_string_ends_at_its_line() {
        let text = "x = \"open\n// comment\n";
        let extra = scan(FileId(0), text);
        assert_eq!(texts(text, &extra.comments), ["// comment"]);
    }
}
