//! The picture of docs/editors.md, `docs/images/editor-lsp.svg`: a spec in
//! an editor with what the language server shows for it, a warning
//! underlined (its message, help and related place in the problems list)
//! and the hover of a function. Every word of it comes from the library
//! functions `slsc lsp` answers with (`slsc::ide`, the compilation's
//! diagnostics, the parser's keyword lists), drawn in Dark+'s colours, so
//! the picture cannot drift from what the server says: the test fails when
//! the committed file differs, and `UPDATE_PICTURES=1` rewrites it.

#[path = "support/common.rs"]
mod common;

use slsc::ide::{self, CompletionKind};
use slsc::source::LineIndex;
use std::fmt::Write as _;
use std::path::Path;

/// The spec shown: a fixture whose warning needs no error elsewhere (the
/// hover's IAM statements and retry windows are left out of specs with
/// errors). Its first line, a comment saying what the fixture raises, is
/// scrolled out of view.
const SPEC: &str = "tests/diagnostics/W0305/bad.sls";
const NAME: &str = "media.sls";
const FIRST_LINE: usize = 2;
/// The declaration hovered.
const HOVERED: &str = "MakeThumbnail";
const PICTURE: &str = "docs/images/editor-lsp.svg";

// The grid: every text is monospace, placed by column.
const FONT: f64 = 13.0;
const CW: f64 = FONT * 0.6;
const LH: f64 = 19.0;
const MONO: &str = "'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace";
const SANS: &str = "'Segoe UI', 'Helvetica Neue', Helvetica, Arial, sans-serif";

// Dark+ (VS Code's default dark theme), as editors/vscode/test/render-html.js.
const FG: &str = "#D4D4D4";
const COMMENT: &str = "#6A9955";
const STRING: &str = "#CE9178";
const NUMBER: &str = "#B5CEA8";
const KEYWORD: &str = "#569CD6";
const FUNCTION: &str = "#DCDCAA";
const TYPE: &str = "#4EC9B0";
const VARIABLE: &str = "#9CDCFE";
const WARNING: &str = "#CCA700";
const MUTED: &str = "#8C8C8C";
const TEXT: &str = "#CCCCCC";
const INLINE_CODE: &str = "#D7BA7D";

const WIDTH: f64 = 1080.0;
const TABS: f64 = 35.0;
const GUTTER: f64 = 52.0; // right edge of the line numbers
const CODE_X: f64 = 70.0;
/// Columns of code left of the hover box.
const HOVER_COL: usize = 36;
/// Characters per line in the hover box and the problems list.
const HOVER_WRAP: usize = 82;
const PANEL_WRAP: usize = 126;

#[test]
fn editor_picture_is_up_to_date() {
    let text = std::fs::read_to_string(common::root().join(SPEC)).unwrap();
    let svg = picture(&text);
    let path = common::root().join(PICTURE);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != svg {
        if std::env::var_os("UPDATE_PICTURES").is_some_and(|v| v == "1") {
            std::fs::write(&path, &svg).unwrap();
            eprintln!("rewrote {PICTURE}");
        } else {
            panic!(
                "{PICTURE} is not what the language server shows for {SPEC} now (hover or \
                 diagnostic text changed?). Rewrite it with\n  UPDATE_PICTURES=1 cargo test -p \
                 slsc --test editor_picture\nlook at it, and commit it."
            );
        }
    }
}

/// What the server answers for the spec, drawn.
fn picture(text: &str) -> String {
    // A fixed date: deprecations by date must not change the picture.
    let opts = slsc::CheckOptions::new(slsc::Date::parse("2026-11-23").unwrap());
    let c = slsc::compile_source(NAME, None, text.to_string(), opts);
    let file = ide::file_of(&c, Path::new(NAME)).unwrap_or(slsc::source::FileId(0));
    let diagnostics: Vec<_> = c
        .diagnostics
        .iter()
        .filter(|d| d.span.file == file)
        .collect();
    assert_eq!(diagnostics.len(), 1, "the picture shows one diagnostic");
    let d = diagnostics[0];
    let index = LineIndex::new(text);
    let hovered = text.find(&format!("function {HOVERED}")).unwrap() + "function ".len();
    let hover = ide::hover(&c, Path::new(NAME), text, hovered + 2).expect("a hover");
    let words = Words::of_parser();

    let lines: Vec<&str> = text.lines().collect();
    let shown = &lines[FIRST_LINE - 1..];
    let row_of = |offset: u32| index.position(offset).line as usize + 1 - FIRST_LINE;
    let col_of = |offset: u32| index.position(offset).column as usize;

    let mut hover_rows = markdown(&hover, &words);
    let hover_row = row_of(hovered as u32) + 1;
    let hover_height = hover_rows.iter().map(|r| r.height).sum::<f64>() + 16.0;
    let rows = shown
        .len()
        .max(hover_row + (hover_height / LH).ceil() as usize + 1);

    let top = TABS + 6.0;
    let panel_top = top + rows as f64 * LH + 8.0;
    let mut panel = problems(d, &index, &c);
    let height = panel_top + 34.0 + panel.iter().map(|r| r.height).sum::<f64>() + 14.0;

    let mut svg = String::new();
    writeln!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:.0}" viewBox="0 0 {WIDTH} {height:.0}" xml:space="preserve" font-size="{FONT}">"##
    )
    .unwrap();
    writeln!(svg, "<!-- Drawn by compiler/tests/editor_picture.rs from what slsc says about {SPEC}; do not edit. -->").unwrap();
    // The window and its tab.
    writeln!(svg, r##"<rect x="0.5" y="0.5" width="{}" height="{:.0}" rx="8" fill="#1E1E1E" stroke="#454545"/>"##, WIDTH - 1.0, height - 1.0).unwrap();
    writeln!(svg, r##"<path d="M0.5 {TABS} V8.5 A8 8 0 0 1 8.5 0.5 H{w} A8 8 0 0 1 {r} 8.5 V{TABS} Z" fill="#252526"/>"##, w = WIDTH - 8.5, r = WIDTH - 0.5).unwrap();
    for (i, colour) in ["#FF5F57", "#FEBC2E", "#28C840"].iter().enumerate() {
        writeln!(
            svg,
            r#"<circle cx="{}" cy="17.5" r="6" fill="{colour}"/>"#,
            20 + i * 20
        )
        .unwrap();
    }
    writeln!(
        svg,
        r##"<rect x="84" y="0.5" width="128" height="{}" fill="#1E1E1E"/>"##,
        TABS - 0.5
    )
    .unwrap();
    writeln!(
        svg,
        r##"<text x="100" y="22" font-family="{SANS}" fill="#FFFFFF">{NAME}</text>"##
    )
    .unwrap();
    writeln!(
        svg,
        r##"<text x="172" y="22" font-family="{SANS}" fill="{WARNING}">1</text>"##
    )
    .unwrap();

    // The code, with line numbers.
    let baseline = |row: usize| top + row as f64 * LH + 14.0;
    for (row, line) in shown.iter().enumerate() {
        let number = row + FIRST_LINE;
        let colour = if row + 1 == hover_row {
            "#C6C6C6"
        } else {
            "#858585"
        };
        writeln!(svg, r#"<text x="{GUTTER}" y="{:.1}" font-family="{MONO}" text-anchor="end" fill="{colour}">{number}</text>"#, baseline(row)).unwrap();
        let runs = highlight(line, &words);
        text_runs(&mut svg, CODE_X, baseline(row), &runs);
    }

    // The warning, underlined.
    let (start, end) = (d.span.start, d.span.end);
    let y = baseline(row_of(start)) + 3.5;
    let x1 = CODE_X + col_of(start) as f64 * CW;
    let x2 = CODE_X + col_of(end) as f64 * CW;
    let mut wave = format!("M{x1:.1} {y:.1}");
    let mut x = x1;
    let mut up = true;
    while x + 2.0 <= x2 {
        write!(wave, " l2 {}", if up { -2 } else { 2 }).unwrap();
        x += 2.0;
        up = !up;
    }
    writeln!(
        svg,
        r#"<path d="{wave}" fill="none" stroke="{WARNING}" stroke-width="1.2"/>"#
    )
    .unwrap();

    // The hover box, right of the code, below the name it is for, and the
    // pointer on the name.
    let box_x = CODE_X + HOVER_COL as f64 * CW;
    let box_y = top + hover_row as f64 * LH + 2.0;
    let box_w = HOVER_WRAP as f64 * CW + 24.0;
    // A shadow without filters (some SVG renderers have none).
    for (spread, opacity) in [(6.0, 0.12), (3.0, 0.2)] {
        writeln!(svg, r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="{spread}" fill="#000000" opacity="{opacity}"/>"##, box_x - spread + 1.0, box_y - spread + 3.0, box_w + 2.0 * spread - 2.0, hover_height + 2.0 * spread - 2.0).unwrap();
    }
    writeln!(svg, r##"<rect x="{box_x:.1}" y="{box_y:.1}" width="{box_w:.1}" height="{hover_height:.1}" rx="3" fill="#252526" stroke="#454545"/>"##).unwrap();
    let mut y = box_y + 8.0;
    for r in hover_rows.drain(..) {
        if let Some(bg) = r.background {
            writeln!(
                svg,
                r#"<rect x="{:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" fill="{bg}"/>"#,
                box_x + 1.0,
                box_w - 2.0,
                r.height
            )
            .unwrap();
        }
        text_runs(
            &mut svg,
            box_x + 12.0 + r.indent as f64 * CW,
            y + 13.5,
            &r.runs,
        );
        y += r.height;
    }
    let px = CODE_X + (col_of(hovered as u32) + HOVERED.len() / 2) as f64 * CW;
    let py = baseline(hover_row - 1) - 4.0;
    writeln!(svg, r##"<path d="M{px:.1} {py:.1} l0 16 l4 -4 l3 7 l2.2 -1 l-3 -6.8 l5.6 0 Z" fill="#FFFFFF" stroke="#000000" stroke-width="1" stroke-linejoin="round"/>"##).unwrap();

    // The problems list.
    writeln!(
        svg,
        r##"<line x1="0.5" y1="{panel_top:.1}" x2="{}" y2="{panel_top:.1}" stroke="#3C3C3C"/>"##,
        WIDTH - 0.5
    )
    .unwrap();
    writeln!(svg, r##"<text x="20" y="{:.1}" font-family="{SANS}" font-size="11" letter-spacing="0.5" fill="#E7E7E7">PROBLEMS</text>"##, panel_top + 20.0).unwrap();
    writeln!(
        svg,
        r##"<line x1="20" y1="{y:.1}" x2="82" y2="{y:.1}" stroke="#E7E7E7"/>"##,
        y = panel_top + 27.0
    )
    .unwrap();
    writeln!(svg, r##"<circle cx="96" cy="{:.1}" r="8" fill="#4D4D4D"/><text x="96" y="{:.1}" font-family="{SANS}" font-size="11" text-anchor="middle" fill="#FFFFFF">1</text>"##, panel_top + 16.5, panel_top + 20.5).unwrap();
    let mut y = panel_top + 34.0;
    for (i, r) in panel.drain(..).enumerate() {
        let x = 20.0 + r.indent as f64 * CW;
        if i == 0 {
            // A warning sign.
            writeln!(svg, r##"<path d="M{:.1} {:.1} l6.5 -12 l6.5 12 Z" fill="{WARNING}"/><text x="{:.1}" y="{:.1}" font-family="{SANS}" font-size="10" font-weight="bold" text-anchor="middle" fill="#1E1E1E">!</text>"##, x - 3.0 * CW + 2.0, y + 15.0, x - 3.0 * CW + 8.5, y + 13.5).unwrap();
        }
        text_runs(&mut svg, x, y + 13.5, &r.runs);
        y += r.height;
    }
    svg.push_str("</svg>\n");
    svg
}

/// The keywords of the parser, as completion offers them.
struct Words {
    declarations: Vec<String>,
    statements: Vec<String>,
}

impl Words {
    fn of_parser() -> Words {
        let keywords = |text: &str| -> Vec<String> {
            ide::completions(None, text, text.len())
                .into_iter()
                .filter(|c| c.kind == CompletionKind::Keyword)
                .map(|c| c.label)
                .collect()
        };
        let words = Words {
            declarations: keywords(""),
            statements: keywords("function F {\n"),
        };
        assert!(words.declarations.iter().any(|w| w == "function"));
        assert!(words.statements.iter().any(|w| w == "reads"));
        words
    }
}

type Runs = Vec<(String, Style)>;

#[derive(Clone, Copy, PartialEq)]
struct Style {
    colour: &'static str,
    bold: bool,
}

const fn plain(colour: &'static str) -> Style {
    Style {
        colour,
        bold: false,
    }
}

/// A line of the spec in colours: comments, strings, numbers (with their
/// units), keywords, declared names (functions apart), property names and
/// references.
fn highlight(line: &str, words: &Words) -> Runs {
    let mut runs: Runs = Vec::new();
    let mut push = |text: &str, style: Style| match runs.last_mut() {
        Some((t, s)) if *s == style || text.trim().is_empty() => t.push_str(text),
        _ => runs.push((text.to_string(), style)),
    };
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let at = |i: usize| chars.get(i).map_or(line.len(), |c| c.0);
    let mut declaring: Option<bool> = None; // after a declaration keyword: is it `function`?
    let mut first = true;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let start = i;
        if line[at(i)..].starts_with("//") {
            push(&line[at(i)..], plain(COMMENT));
            break;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i].1 != '"' {
                i += if chars[i].1 == '\\' { 2 } else { 1 };
            }
            i = (i + 1).min(chars.len());
            push(&line[at(start)..at(i)], plain(STRING));
        } else if c.is_ascii_digit() {
            while i < chars.len() && chars[i].1.is_ascii_alphanumeric() {
                i += 1;
            }
            push(&line[at(start)..at(i)], plain(NUMBER));
        } else if c.is_alphabetic() || c == '_' {
            while i < chars.len() && (chars[i].1.is_alphanumeric() || chars[i].1 == '_') {
                i += 1;
            }
            let word = &line[at(start)..at(i)];
            let property = line[at(i)..].trim_start().starts_with('=');
            let style = if let Some(function) = declaring.take() {
                plain(if function { FUNCTION } else { TYPE })
            } else if first && words.declarations.iter().any(|w| w == word) {
                declaring = Some(word == "function");
                plain(KEYWORD)
            } else if property {
                plain(VARIABLE)
            } else if first && words.statements.iter().any(|w| w == word) {
                plain(KEYWORD)
            } else {
                plain(VARIABLE)
            };
            push(word, style);
            first = false;
        } else {
            i += 1;
            push(&line[at(start)..at(i)], plain(FG));
        }
    }
    runs
}

/// One row of a box: runs of text from a column, and its height.
struct Row {
    indent: usize,
    runs: Runs,
    height: f64,
    background: Option<&'static str>,
}

/// The hover's markdown as a hover box shows it: paragraphs and list items
/// wrapped, inline code and bold, a fenced block highlighted as spec text.
fn markdown(md: &str, words: &Words) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut in_code = false;
    for line in md.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            rows.push(Row {
                indent: 0,
                runs: highlight(line, words),
                height: LH - 1.0,
                background: Some("#1E1E1E"),
            });
        } else if line.is_empty() {
            rows.push(Row {
                indent: 0,
                runs: Vec::new(),
                height: 8.0,
                background: None,
            });
        } else if let Some(item) = line.strip_prefix("- ") {
            let mut runs = vec![("• ".to_string(), plain(TEXT))];
            runs.extend(inline(item));
            rows.extend(wrap(runs, HOVER_WRAP, 2));
        } else {
            rows.extend(wrap(inline(line), HOVER_WRAP, 0));
        }
    }
    rows
}

/// `code` and **bold** of a markdown line.
fn inline(line: &str) -> Runs {
    let mut runs = Vec::new();
    let mut rest = line;
    let mut style = plain(TEXT);
    while !rest.is_empty() {
        let next = [rest.find('`'), rest.find("**")]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(rest.len());
        if next > 0 {
            runs.push((rest[..next].to_string(), style));
        }
        rest = &rest[next..];
        if let Some(r) = rest.strip_prefix("**") {
            style = if style.bold {
                plain(TEXT)
            } else {
                Style {
                    colour: "#E8E8E8",
                    bold: true,
                }
            };
            rest = r;
        } else if let Some(r) = rest.strip_prefix('`') {
            style = if style.colour == INLINE_CODE {
                plain(TEXT)
            } else {
                plain(INLINE_CODE)
            };
            rest = r;
        }
    }
    runs
}

/// Runs broken into rows of at most `width` characters, at spaces (inside a
/// word only when the word is longer than a row); rows after the first
/// start `hang` columns in.
fn wrap(runs: Runs, width: usize, hang: usize) -> Vec<Row> {
    // Words with the spaces after them, each in its style.
    let mut pieces: Vec<(String, Style)> = Vec::new();
    for (text, style) in runs {
        for piece in text.split_inclusive(' ') {
            pieces.push((piece.to_string(), style));
        }
    }
    let mut rows = vec![Row {
        indent: 0,
        runs: Vec::new(),
        height: LH - 1.0,
        background: None,
    }];
    let mut used = 0;
    for (mut piece, style) in pieces {
        loop {
            let row = rows.last_mut().unwrap();
            let room = (width - row.indent).saturating_sub(used);
            let len = piece.trim_end().chars().count();
            if len <= room || (used == 0 && len <= width - row.indent) {
                used += piece.chars().count();
                match row.runs.last_mut() {
                    Some((t, s)) if *s == style => t.push_str(&piece),
                    _ => row.runs.push((piece, style)),
                }
                break;
            }
            if used == 0 {
                // Longer than a row: break it.
                let cut: String = piece.chars().take(room).collect();
                piece = piece.chars().skip(room).collect();
                row.runs.push((cut, style));
            }
            rows.push(Row {
                indent: hang,
                runs: Vec::new(),
                height: LH - 1.0,
                background: None,
            });
            used = 0;
        }
    }
    rows
}

/// The diagnostic as a problems list shows it: message, code and place;
/// the help; the related places.
fn problems(d: &slsc::Diagnostic, index: &LineIndex, c: &slsc::Compilation) -> Vec<Row> {
    let place = |span: slsc::source::Span| {
        let p = index.position(span.start);
        format!("[Ln {}, Col {}]", p.line + 1, p.column + 1)
    };
    let mut rows = wrap(
        vec![
            (format!("{}  ", d.message), plain(TEXT)),
            (format!("slsc({}) {}", d.code, place(d.span)), plain(MUTED)),
        ],
        PANEL_WRAP,
        2,
    );
    for r in &mut rows {
        r.indent += 3;
    }
    if let Some(help) = &d.help {
        for mut r in wrap(vec![(format!("help: {help}"), plain(MUTED))], PANEL_WRAP, 6) {
            r.indent += 5;
            rows.push(r);
        }
    }
    for (span, label) in &d.secondary {
        let name = c.sources.get(span.file).name.clone();
        let runs = vec![
            (format!("{name} {}: ", place(*span)), plain(MUTED)),
            (label.clone(), plain(TEXT)),
        ];
        for mut r in wrap(runs, PANEL_WRAP, 6) {
            r.indent += 5;
            rows.push(r);
        }
    }
    rows
}

/// Text runs from `x` on a baseline, each run at its column (so that the
/// columns hold in any monospace font).
fn text_runs(svg: &mut String, x: f64, y: f64, runs: &Runs) {
    let mut col = 0;
    let mut out = String::new();
    for (text, style) in runs {
        let lead = text.len() - text.trim_start().len();
        let shown = text.trim();
        if !shown.is_empty() {
            let weight = if style.bold {
                r#" font-weight="bold""#
            } else {
                ""
            };
            write!(
                out,
                r#"<tspan x="{:.1}" fill="{}"{weight}>{}</tspan>"#,
                x + (col + text[..lead].chars().count()) as f64 * CW,
                style.colour,
                escape(shown)
            )
            .unwrap();
        }
        col += text.chars().count();
    }
    if !out.is_empty() {
        writeln!(svg, r#"<text y="{y:.1}" font-family="{MONO}">{out}</text>"#).unwrap();
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
