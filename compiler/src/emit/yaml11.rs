//! CloudFormation reads YAML as YAML 1.1, where a plain `yes`, `off`, `Y`,
//! `1_000`, `1:30` or `2024-01-01` is not a string. `serde_yaml` writes
//! YAML 1.2 and leaves those plain, so the string `"off"` would deploy as the
//! boolean `false` (and `Mode: OFF` fails validation). This pass quotes every
//! plain scalar YAML 1.1 would read as something other than a string.
//!
//! It works on `serde_yaml`'s block output, line by line: keys and values
//! after `key: ` and `- `, and skips the content of block scalars (`|-`).

/// Quotes the plain scalars of `text` that YAML 1.1 would not read as
/// strings.
pub fn quote_ambiguous(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Lines indented more than this column are inside a block scalar.
    let mut block: Option<usize> = None;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let indent = body.len() - body.trim_start().len();
        if block.is_some_and(|b| indent > b || body.trim().is_empty()) {
            out.push_str(line);
            continue;
        }
        block = fix_line(body, &mut out);
        if line.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// A block scalar header: `|`, `>`, with an optional chomping indicator
/// and indentation indicator in either order (`|-`, `|2-`, `>+1`).
fn is_block_header(value: &str) -> bool {
    let mut chars = value.chars();
    if !matches!(chars.next(), Some('|' | '>')) {
        return false;
    }
    let rest: Vec<char> = chars.collect();
    let digits = rest
        .iter()
        .filter(|c| c.is_ascii_digit() && **c != '0')
        .count();
    let chomps = rest.iter().filter(|c| matches!(c, '-' | '+')).count();
    rest.len() == digits + chomps && digits <= 1 && chomps <= 1
}

/// Writes the line to `out` with its ambiguous scalars quoted; when its
/// value starts a block scalar, returns the column of its key (the block's
/// lines are indented further).
fn fix_line(line: &str, out: &mut String) -> Option<usize> {
    let indent = line.len() - line.trim_start().len();
    let start = out.len();
    out.push_str(&line[..indent]);
    let mut rest = &line[indent..];
    while let Some(r) = rest.strip_prefix("- ") {
        out.push_str("- ");
        rest = r;
    }
    let column = out.len() - start;
    if rest == "-" {
        out.push('-');
        return None;
    }
    if is_block_header(rest) {
        out.push_str(rest);
        return Some(column.saturating_sub(2));
    }
    match split_key(rest) {
        Some((key, value)) => {
            push_quoted(out, key);
            out.push(':');
            if let Some(v) = value {
                out.push(' ');
                if is_block_header(v) {
                    out.push_str(v);
                    return Some(column);
                }
                push_quoted(out, v);
            }
        }
        None => push_quoted(out, rest),
    }
    None
}

/// `key: value` or `key:`, with a plain or quoted key; None for a lone scalar.
fn split_key(s: &str) -> Option<(&str, Option<&str>)> {
    let key_end = match s.chars().next()? {
        '\'' => closing(s, '\'')?,
        '"' => closing(s, '"')?,
        _ => {
            if let Some(i) = s.find(": ") {
                i
            } else if let Some(k) = s.strip_suffix(':') {
                k.len()
            } else {
                return None;
            }
        }
    };
    let (key, after) = s.split_at(key_end);
    if let Some(v) = after.strip_prefix(": ") {
        Some((key, Some(v)))
    } else if after == ":" {
        Some((key, None))
    } else {
        None
    }
}

/// The end (exclusive) of a quoted scalar that starts `s`.
fn closing(s: &str, q: char) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        let c = bytes[i] as char;
        if q == '"' && c == '\\' {
            i += 2;
            continue;
        }
        if c == q {
            // `''` is an escaped quote inside a single-quoted scalar.
            if q == '\'' && bytes.get(i + 1) == Some(&b'\'') {
                i += 2;
                continue;
            }
            return Some(i + 1);
        }
        i += 1;
    }
    None
}

/// Writes the scalar, single-quoted if YAML 1.1 would read it as a
/// non-string.
fn push_quoted(out: &mut String, scalar: &str) {
    if is_ambiguous(scalar) {
        out.push('\'');
        out.push_str(&scalar.replace('\'', "''"));
        out.push('\'');
    } else {
        out.push_str(scalar);
    }
}

/// A plain scalar that YAML 1.1 resolves to a boolean, null, number,
/// timestamp, merge key or value key, but YAML 1.2 (and so `serde_yaml`)
/// writes plain because it is a string there.
fn is_ambiguous(s: &str) -> bool {
    const WORDS: &[&str] = &[
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off",
        "OFF", "=", "<<",
    ];
    if WORDS.contains(&s) {
        return true;
    }
    let unsigned = s.strip_prefix(['-', '+']).unwrap_or(s);
    let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == '_');
    // 1_000, 1_000.5, .5_0, 685.230_15e+03: a number once `_` is dropped.
    if unsigned.contains('_')
        && unsigned.chars().any(|c| c.is_ascii_digit())
        && unsigned
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '_' | '.' | 'e' | 'E' | '+' | '-'))
        && unsigned.replace('_', "").parse::<f64>().is_ok()
    {
        return true;
    }
    if let Some(b) = unsigned.strip_prefix("0b") {
        if !b.is_empty() && b.chars().all(|c| matches!(c, '0' | '1' | '_')) {
            return true;
        }
    }
    if let Some(h) = unsigned.strip_prefix("0x") {
        if !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit() || c == '_') {
            return true;
        }
    }
    if unsigned.contains(':') && unsigned.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        let whole = unsigned.split('.').next().unwrap_or("");
        if whole.split(':').all(digits) {
            return true;
        }
    }
    // 2024-01-01 (and timestamps that start with a date)
    let b = s.as_bytes();
    if b.len() >= 8
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && s[5..].starts_with(|c: char| c.is_ascii_digit())
    {
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::quote_ambiguous;

    #[test]
    fn yaml_1_1_non_strings_are_quoted() {
        let text = "Tags:\n- Key: yes\n  Value: off\n- Key: OFF\n  Value: 1_000\nMode: OFF\nA: 1:30\nB: 2024-01-01\nC: Y\nyes: x\n";
        assert_eq!(
            quote_ambiguous(text),
            "Tags:\n- Key: 'yes'\n  Value: 'off'\n- Key: 'OFF'\n  Value: '1_000'\nMode: 'OFF'\nA: '1:30'\nB: '2024-01-01'\nC: 'Y'\n'yes': x\n"
        );
    }

    #[test]
    fn block_scalars_end_at_their_key_and_take_indentation_indicators() {
        // `|2-`: a string that starts with a space; its lines stay as they are.
        let text = "A: |2-\n    key: on\n  yes\nB: off\n- Key: |-\n    on\n  Value: yes\n";
        assert_eq!(
            quote_ambiguous(text),
            "A: |2-\n    key: on\n  yes\nB: 'off'\n- Key: |-\n    on\n  Value: 'yes'\n"
        );
        // A plain value that merely ends in ` |` is not a block.
        assert_eq!(
            quote_ambiguous("K: foo |\nV: yes\n"),
            "K: foo |\nV: 'yes'\n"
        );
        assert_eq!(
            quote_ambiguous("A: .5_0\nB: 1_0.5e+3\n"),
            "A: '.5_0'\nB: '1_0.5e+3'\n"
        );
    }

    #[test]
    fn strings_booleans_and_block_scalars_are_left_alone() {
        let text = "A: true\nB: 'true'\nC: offline\nD: arn:aws:s3:::x\nE: |-\n  yes\n  OFF\nF: 10\nG: ${AWS::Region}\n- - on\n";
        assert_eq!(
            quote_ambiguous(text),
            "A: true\nB: 'true'\nC: offline\nD: arn:aws:s3:::x\nE: |-\n  yes\n  OFF\nF: 10\nG: ${AWS::Region}\n- - 'on'\n"
        );
    }
}
