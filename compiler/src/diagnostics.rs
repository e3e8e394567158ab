//! Diagnostics as plain data, and their rendering.
//!
//! Every stage returns its output together with the diagnostics it found; the
//! library never prints. A diagnostic has a stable code (see [`codes`]), a
//! primary span, a one-line message, optional secondary labels and a help line
//! that says how to fix it. [`render`] turns them into miette reports at the
//! edge (the CLI, tests).

pub mod codes;

use crate::source::{SourceMap, Span};
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
    /// A diagnostic for a registered code; the severity comes from the code.
    ///
    /// # Panics
    /// On a code missing from [`codes::ALL`]: a programming error caught by
    /// the test that every code has a page and a fixture.
    pub fn new(code: &'static str, span: Span, message: impl Into<String>) -> Self {
        let info = codes::lookup(code).unwrap_or_else(|| panic!("unregistered code {code}"));
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
            let d = if prefix {
                1
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
    source: miette::NamedSource<String>,
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
        f.write_str(&self.diag.message)
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
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let primary = std::iter::once(miette::LabeledSpan::new_primary_with_span(
            self.diag.label.clone(),
            (self.diag.span.start as usize, self.diag.span.len()),
        ));
        let secondary = self.near.iter().map(|(s, text)| {
            miette::LabeledSpan::new_with_span(Some(text.clone()), (s.start as usize, s.len()))
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
pub fn render(sources: &SourceMap, diags: &[Diagnostic], opts: RenderOptions) -> String {
    let theme = if opts.color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let handler = miette::GraphicalReportHandler::new_themed(theme)
        .with_width(opts.width)
        .with_links(false);
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
        let help = match (&diag.help, notes.is_empty()) {
            (Some(h), true) => Some(h.clone()),
            (Some(h), false) => Some(format!("{h}\n{}", notes.join("\n"))),
            (None, false) => Some(notes.join("\n")),
            (None, true) => None,
        };
        let report = Report {
            diag,
            source: miette::NamedSource::new(file.name.clone(), file.text.clone()),
            near,
            help,
        };
        // Writing into a String cannot fail.
        let _ = handler.render_report(&mut out, &report);
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
