//! Diagnostics as plain data, and their rendering.
//!
//! Every stage returns its output together with the diagnostics it found; the
//! library never prints. A diagnostic has a stable code (see [`codes`]), a
//! primary span, a one-line message, optional secondary labels and a help line
//! that says how to fix it. [`render`] turns them into miette reports at the
//! edge (the CLI, tests).

pub mod codes;

pub use codes::Code;

use crate::source::{FileId, SourceFile, SourceMap, Span};
use std::collections::HashMap;
use std::fmt;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The spec is wrong: nothing is built.
    Error,
    /// The spec works but is likely a mistake.
    Warning,
}

/// One problem found in a spec.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The stable code, e.g. `E0101`.
    pub code: &'static str,
    /// Error or warning, from the code's registry entry.
    pub severity: Severity,
    /// One line, lower case, no trailing period.
    pub message: String,
    /// Where the problem is.
    pub span: Span,
    /// Text under the primary span.
    pub label: Option<String>,
    /// Related places.
    pub secondary: Vec<(Span, String)>,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with `code`; the severity comes from the code.
    pub fn new(code: Code, span: Span, message: impl Into<String>) -> Self {
        let info = code.info();
        Diagnostic {
            code: info.code,
            severity: info.severity,
            message: message.into(),
            span,
            label: None,
            secondary: Vec::new(),
            help: None,
        }
    }

    /// Sets the label under the primary span.
    pub fn label(mut self, text: impl Into<String>) -> Self {
        self.label = Some(text.into());
        self
    }

    /// Adds a related place.
    pub fn with(mut self, span: Span, text: impl Into<String>) -> Self {
        self.secondary.push((span, text.into()));
        self
    }

    /// Sets the help line.
    pub fn help(mut self, text: impl Into<String>) -> Self {
        self.help = Some(text.into());
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts diagnostics by file, position, then code, and drops exact duplicates.
pub fn sort(diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| {
        (a.span.file, a.span.start, a.span.end, a.code, &a.message).cmp(&(
            b.span.file,
            b.span.start,
            b.span.end,
            b.code,
            &b.message,
        ))
    });
    diags.dedup();
}

/// "did you mean `x`?" for the closest candidate, if any is close enough.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let lower = name.to_lowercase();
    candidates
        .into_iter()
        .map(|c| {
            let cl = c.to_lowercase();
            // A prefix of at least three characters (`max_len` for
            // `max_length`) is as close as one typo.
            let prefix = lower.len() >= 3 && (cl.starts_with(&lower) || lower.starts_with(&cl));
            // The distance is at least the difference in length: past the
            // threshold below, skip the quadratic comparison (a name of
            // 60,000 characters against 1,854 resource types took 12 s).
            let limit = (c.len().max(name.len()) / 4).max(1);
            let d = if prefix {
                1
            } else if lower.len().abs_diff(cl.len()) > limit {
                usize::MAX
            } else {
                strsim::osa_distance(&lower, &cl)
            };
            (d, c)
        })
        .filter(|(d, c)| *d <= (c.len().max(name.len()) / 4).max(1))
        .min_by_key(|(d, c)| (*d, c.to_string()))
        .map(|(_, c)| c.to_string())
}

/// A diagnostic joined with its source, ready for miette.
struct Report<'a> {
    diag: &'a Diagnostic,
    source: Excerpts<'a>,
    /// Related places shown as labels: those near the primary span.
    near: Vec<&'a (Span, String)>,
    /// The help line, followed by `note:` lines for related places too far
    /// away to draw (miette would print every line in between) or in other
    /// files.
    help: Option<String>,
}

/// How many lines apart a related place may be and still be drawn.
const NEAR_LINES: usize = 6;

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diag.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&printable(&self.diag.message))
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.diag.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diag.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        // Already made printable by `render`.
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let primary = std::iter::once(miette::LabeledSpan::new_primary_with_span(
            self.diag.label.as_deref().map(printable),
            self.source.clip(self.diag.span),
        ));
        let secondary = self.near.iter().map(|(s, text)| {
            miette::LabeledSpan::new_with_span(Some(printable(text)), self.source.clip(*s))
        });
        Some(Box::new(primary.chain(secondary)))
    }
}

/// Options for [`render`].
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    /// ANSI colours and unicode box drawing.
    pub color: bool,
    /// Wrap width.
    pub width: usize,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            color: false,
            width: 80,
        }
    }
}

/// Renders diagnostics as human-readable reports, one after the other.
///
/// Linear in the number of diagnostics: each file's text is made printable
/// once, and each report reads only the lines it shows (see `Excerpts`).
/// Bytes a terminal would act on (escape sequences, other control
/// characters) are shown as `?` in excerpts and escaped (`\u{1b}`) in
/// messages, so that a spec cannot rewrite the reader's terminal.
pub fn render(sources: &SourceMap, diags: &[Diagnostic], opts: RenderOptions) -> String {
    let theme = if opts.color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let handler = miette::GraphicalReportHandler::new_themed(theme)
        .with_width(opts.width)
        .with_links(false);
    let mut shown: HashMap<FileId, String> = HashMap::new();
    let mut out = String::new();
    for diag in diags {
        let file = sources.get(diag.span.file);
        let (line, _) = file.line_col(diag.span.start);
        let mut near = Vec::new();
        let mut notes = Vec::new();
        for related in &diag.secondary {
            let (span, text) = related;
            let other = sources.get(span.file);
            let (l, c) = other.line_col(span.start);
            if span.file == diag.span.file && l.abs_diff(line) <= NEAR_LINES {
                near.push(related);
            } else {
                notes.push(format!("note: {text} ({}:{l}:{c})", other.name));
            }
        }
        let text = shown
            .entry(diag.span.file)
            .or_insert_with(|| display_text(&file.text));
        let source = Excerpts {
            file,
            text,
            name: printable(&file.name),
        };
        // Labels on or around a long line are drawn only in a window of the
        // primary span's line: the others become notes.
        let (lo, hi) = near
            .iter()
            .fold((diag.span.start, diag.span.end), |(lo, hi), (s, _)| {
                (lo.min(s.start), hi.max(s.end))
            });
        if !near.is_empty() && source.is_long(lo as usize, hi as usize) {
            for (span, text) in near.drain(..) {
                let (l, c) = file.line_col(span.start);
                notes.push(format!("note: {text} ({}:{l}:{c})", file.name));
            }
        }
        let help = match (&diag.help, notes.is_empty()) {
            (Some(h), true) => Some(h.clone()),
            (Some(h), false) => Some(format!("{h}\n{}", notes.join("\n"))),
            (None, false) => Some(notes.join("\n")),
            (None, true) => None,
        };
        let help = help.map(|h| h.split('\n').map(printable).collect::<Vec<_>>().join("\n"));
        let report = Report {
            diag,
            source,
            near,
            help,
        };
        // Writing into a String cannot fail.
        let _ = handler.render_report(&mut out, &report);
    }
    out
}

/// Lines longer than this, in bytes, are shown as a window around the span:
/// a finding on a minified spec shows part of its line, not all of it
/// (miette pads to a label's column, and cannot pad past 65,535; and every
/// finding would print the whole line).
const LONG_LINE: usize = 500;

/// On a long line, the longest part of a span underlined, and the context
/// shown on either side of it (half of this), in bytes.
const WINDOW: usize = 120;

/// One file's text as miette reads it: only the lines around a span, found
/// through the file's line index, with long lines cut to a window.
struct Excerpts<'a> {
    file: &'a SourceFile,
    /// The file's text made printable ([`display_text`]): the same length,
    /// so that offsets are unchanged.
    text: &'a str,
    name: String,
}

impl Excerpts<'_> {
    /// A span as miette gets it: cut to its first line and to [`WINDOW`]
    /// bytes when one of its lines is longer than [`LONG_LINE`].
    fn clip(&self, span: Span) -> (usize, usize) {
        let start = (span.start as usize).min(self.text.len());
        let end = (span.end as usize).clamp(start, self.text.len());
        if !self.is_long(start, end) {
            return (start, end - start);
        }
        let first = self.file.line_range(self.file.line_of(start as u32));
        let end = end.min(first.end.max(start)).min(start + WINDOW);
        (start, floor_char(self.text, end) - start)
    }

    /// True if a line from `start`'s to `end`'s is longer than [`LONG_LINE`].
    fn is_long(&self, start: usize, end: usize) -> bool {
        let first = self.file.line_of(start as u32);
        let last = self.file.line_of(end as u32);
        (first..=last).any(|l| self.file.line_range(l).len() > LONG_LINE)
    }
}

/// The largest character boundary at or before `at`.
fn floor_char(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest character boundary at or after `at`.
fn ceil_char(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

impl miette::SourceCode for Excerpts<'_> {
    fn read_span<'b>(
        &'b self,
        span: &miette::SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'b> + 'b>, miette::MietteError> {
        let len = self.text.len();
        let start = span.offset().min(len);
        let end = (span.offset() + span.len()).clamp(start, len);
        let first = self.file.line_of(start as u32);
        let last = self.file.line_of(end as u32);
        let long = |l: usize| self.file.line_range(l).len() > LONG_LINE;
        let (from, to) = if (first..=last).any(long) {
            // A window of the span's own lines, without context lines: a
            // long line shows as the part around the span.
            let from = self
                .file
                .line_range(first)
                .start
                .max(start.saturating_sub(WINDOW / 2));
            let to = self.file.line_range(last).end.min(end + WINDOW / 2);
            let to = floor_char(self.text, to.max(from));
            (ceil_char(self.text, from).min(to), to)
        } else {
            // Whole lines, with as many context lines as asked for that are
            // not long themselves.
            let mut top = first;
            while top > 0 && first - top < before && !long(top - 1) {
                top -= 1;
            }
            let mut bottom = last;
            while bottom + 1 < self.file.line_count() && bottom - last < after && !long(bottom + 1)
            {
                bottom += 1;
            }
            let to = match bottom + 1 < self.file.line_count() {
                // Up to the next line's start, its line end included, as
                // miette expects.
                true => self.file.line_range(bottom + 1).start,
                false => len,
            };
            (self.file.line_range(top).start, to)
        };
        // miette takes the first line shown, and the column of the span.
        let line = self.file.line_of(from as u32) + 1;
        let (_, column) = self.file.line_col(start as u32);
        // As miette's own sources count it (the line ends before the end of
        // the excerpt), which decides when nearby labels share one excerpt.
        let line_count = self.file.line_of(to as u32);
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            &self.text.as_bytes()[from..to],
            (from, to - from).into(),
            line - 1,
            column - 1,
            line_count,
        )))
    }
}

/// The text of a file as shown in excerpts, byte for byte as long: a lone
/// CR (a line end) becomes LF and the CR of CRLF a space, as miette splits
/// lines on LF alone; other control characters (but tab) and DEL become `?`;
/// C1 controls (two bytes) become `??`.
fn display_text(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        match c {
            '\r' if bytes.get(i + 1) == Some(&b'\n') => out.push(' '),
            '\r' => out.push('\n'),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {
                for _ in 0..c.len_utf8() {
                    out.push('?');
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// A message, label or help line with control characters escaped as
/// `\u{1b}` (one line: line ends are escaped too), and cut to a length a
/// terminal can show.
fn printable(text: &str) -> String {
    const MAX: usize = 2000;
    let mut out = String::with_capacity(text.len().min(MAX + 4));
    for (n, c) in text.chars().enumerate() {
        if n == MAX {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}

/// A one-line summary: "2 errors, 1 warning".
pub fn summary(diags: &[Diagnostic]) -> String {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}
