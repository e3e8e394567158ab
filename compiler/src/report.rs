//! Machine-readable reports of diagnostics: JSON (with a JSON Schema
//! generated from these types), SARIF 2.1.0, and GitHub Actions workflow
//! commands. The human format is `diagnostics::render`.

use crate::check::failures::{duration, Outcome, RetryKind, RetryWindow};
use crate::diagnostics::{codes, Diagnostic, Severity};
use crate::source::{SourceMap, Span};
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::{json, Value as Json};

/// The version of the JSON report's shape; bumped on incompatible changes.
pub const REPORT_VERSION: u32 = 1;

/// The JSON report of `slsc check --format json`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Report {
    /// The report's shape version.
    pub version: u32,
    /// The `slsc` that wrote it.
    pub tool: Tool,
    /// The spec files checked (entry files; files they `use` are included in
    /// their check).
    pub files: Vec<String>,
    /// Every diagnostic, sorted by file and position.
    pub diagnostics: Vec<ReportDiagnostic>,
    /// Every asynchronous hop of the checked specs and the longest an event
    /// can spend in its retries before it reaches where its failures go
    /// (empty for a spec with errors).
    pub retry_windows: Vec<ReportRetryWindow>,
    /// The resources written with `resource`, which slsc emits but does not
    /// check: it does not know what they grant or do.
    #[serde(default)]
    pub unchecked: Vec<ReportUnchecked>,
    /// Counts.
    pub summary: Summary,
}

/// One asynchronous hop's retry window (see `docs/failures.md`).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ReportRetryWindow {
    /// What retries, e.g. `rule LargeOrders -> Fulfilment`.
    pub path: String,
    /// The mechanism that retries.
    pub kind: RetryKind,
    /// The longest an event spends in retries before `failures` gets it, in
    /// seconds.
    pub seconds: u64,
    /// The same, as a duration (`1h`, `36h`, `2m30s`).
    pub duration: String,
    /// How the window follows from the settings.
    pub because: String,
    /// Where failures go: a declaration's name, `drop`, or `lost`.
    pub failures: String,
    /// With `drop`: the spec's reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Where the hop is written.
    pub location: Location,
}

/// A `resource` declaration: emitted as written, not checked.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ReportUnchecked {
    /// The declaration's name (also its logical ID's source).
    pub name: String,
    /// Its CloudFormation type.
    #[serde(rename = "type")]
    pub ty: String,
    /// Where it is declared.
    pub location: Location,
}

/// The unchecked resources of one spec, for [`Report::unchecked`].
pub fn unchecked(model: &crate::model::Model, sources: &SourceMap) -> Vec<ReportUnchecked> {
    use crate::ast::DeclKind;
    let mut out: Vec<ReportUnchecked> = model
        .resources
        .iter()
        .map(|r| ReportUnchecked {
            name: r.name.clone(),
            ty: r.ty.value.clone(),
            location: location(sources, r.span),
        })
        .collect();
    // Statements written into a queue's, topic's or bucket's policy, in
    // declaration order.
    for (kind, name) in model
        .order
        .iter()
        .filter_map(|&(kind, i)| Some((kind, model.name_of(kind, i)?)))
    {
        let ty = match kind {
            DeclKind::Queue => "AWS::SQS::QueuePolicy statement",
            DeclKind::Topic => "AWS::SNS::TopicPolicy statement",
            DeclKind::Bucket => "AWS::S3::BucketPolicy statement",
            _ => continue,
        };
        for s in model.policies.get(name).into_iter().flatten() {
            out.push(ReportUnchecked {
                name: format!("{name} policy"),
                ty: ty.to_string(),
                location: location(sources, s.span),
            });
        }
    }
    out
}

/// The human form of the unchecked resources (empty without any).
pub fn unchecked_note(report: &Report) -> String {
    if report.unchecked.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "note: unchecked resources (written with `resource`, or statements of a `policy`: emitted as written; slsc does not know what they grant or do)
",
    );
    for u in &report.unchecked {
        out.push_str(&format!(
            "  {}:{}:{}  {} ({})\n",
            u.location.file, u.location.start.line, u.location.start.column, u.name, u.ty
        ));
    }
    out
}

/// Name and version of the tool.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Tool {
    /// Always `slsc`.
    pub name: String,
    /// The crate version.
    pub version: String,
}

/// Error and warning counts.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Summary {
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
}

/// `error` or `warning`.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The spec is wrong.
    Error,
    /// Likely a mistake.
    Warning,
}

/// A place in a file: 1-based line and column (in characters), and the byte
/// offset.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// 0-based byte offset.
    pub offset: u32,
}

/// A range in a file.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Location {
    /// The file, as named in messages.
    pub file: String,
    /// Where the range starts.
    pub start: Position,
    /// Where it ends (exclusive).
    pub end: Position,
}

/// A related place, with what it is.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Related {
    /// Where.
    pub location: Location,
    /// What it is.
    pub message: String,
}

/// One diagnostic.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ReportDiagnostic {
    /// The stable code, e.g. `E0301`.
    pub code: String,
    /// Error or warning.
    pub level: Level,
    /// The code's short title.
    pub title: String,
    /// The one-line message.
    pub message: String,
    /// Where the problem is.
    pub location: Location,
    /// Text under the primary location.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Related places.
    pub related: Vec<Related>,
    /// The code's documentation page in the repository.
    pub docs: String,
}

fn position(sources: &SourceMap, file: crate::source::FileId, offset: u32) -> Position {
    let (line, column) = sources.get(file).line_col(offset);
    Position {
        line,
        column,
        offset,
    }
}

fn location(sources: &SourceMap, span: Span) -> Location {
    Location {
        file: sources.get(span.file).name.clone(),
        start: position(sources, span.file, span.start),
        end: position(sources, span.file, span.end),
    }
}

/// One checked spec: its sources and diagnostics.
pub struct Checked<'a> {
    /// The entry file's name.
    pub file: String,
    /// Its sources.
    pub sources: &'a SourceMap,
    /// Its diagnostics.
    pub diagnostics: &'a [Diagnostic],
    /// Its asynchronous hops (`check::failures::retry_windows`); empty when
    /// the spec has errors.
    pub retry_windows: &'a [RetryWindow],
}

/// Builds the JSON report of several checked specs.
pub fn report(checked: &[Checked]) -> Report {
    let mut diagnostics = Vec::new();
    for c in checked {
        for d in c.diagnostics {
            let info = codes::lookup(d.code);
            diagnostics.push(ReportDiagnostic {
                code: d.code.to_string(),
                level: match d.severity {
                    Severity::Error => Level::Error,
                    Severity::Warning => Level::Warning,
                },
                title: info.map_or(String::new(), |i| i.title.to_string()),
                message: d.message.clone(),
                location: location(c.sources, d.span),
                label: d.label.clone(),
                help: d.help.clone(),
                related: d
                    .secondary
                    .iter()
                    .map(|(span, message)| Related {
                        location: location(c.sources, *span),
                        message: message.clone(),
                    })
                    .collect(),
                docs: format!("docs/errors/{}.md", d.code),
            });
        }
    }
    let retry_windows = checked
        .iter()
        .flat_map(|c| {
            c.retry_windows.iter().map(|w| {
                let (failures, reason) = match &w.outcome {
                    Outcome::To(name) => (name.clone(), None),
                    Outcome::Dropped(reason) => ("drop".to_string(), Some(reason.clone())),
                    Outcome::Lost => ("lost".to_string(), None),
                };
                ReportRetryWindow {
                    path: w.path(),
                    kind: w.kind,
                    seconds: w.seconds,
                    duration: duration(w.seconds),
                    because: w.because.clone(),
                    failures,
                    reason,
                    location: location(c.sources, w.span),
                }
            })
        })
        .collect();
    let errors = diagnostics
        .iter()
        .filter(|d| d.level == Level::Error)
        .count();
    Report {
        version: REPORT_VERSION,
        tool: Tool {
            name: "slsc".into(),
            version: env!("CARGO_PKG_VERSION").into(),
        },
        files: checked.iter().map(|c| c.file.clone()).collect(),
        summary: Summary {
            errors,
            warnings: diagnostics.len() - errors,
        },
        diagnostics,
        retry_windows,
        unchecked: Vec::new(),
    }
}

/// The human form of the retry windows: a note listing each asynchronous
/// hop, its window and where its failures go (empty without hops).
pub fn retry_note(report: &Report) -> String {
    if report.retry_windows.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "note: retry windows (the longest an event spends in retries before its failures go somewhere)\n",
    );
    for w in &report.retry_windows {
        let then = match (w.failures.as_str(), &w.reason) {
            ("drop", Some(reason)) => format!("then dropped: {reason}"),
            ("lost", _) => "then lost (W0305)".to_string(),
            (name, _) => format!("then {name}"),
        };
        out.push_str(&format!(
            "  {}:{}:{}  {} ({}): {}, {then} ({})\n",
            w.location.file,
            w.location.start.line,
            w.location.start.column,
            w.path,
            w.kind.text(),
            w.duration,
            w.because
        ));
    }
    out
}

/// The JSON Schema of [`Report`], as committed in `docs/schemas/`.
pub fn report_schema() -> Json {
    serde_json::to_value(schemars::schema_for!(Report)).unwrap_or_default()
}

/// GitHub Actions workflow commands, one line per diagnostic:
/// `::error file=F,line=L,col=C,endLine=..,endColumn=..,title=CODE::message`.
pub fn github(report: &Report) -> String {
    // Workflow command values escape %, CR and LF; properties also , and :.
    // Other control characters (terminal escapes from a spec) are written
    // as `\u{1b}`, so that the log viewer does not act on them.
    let data = |s: &str| {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            match c {
                '%' => out.push_str("%25"),
                '\r' => out.push_str("%0D"),
                '\n' => out.push_str("%0A"),
                c if c.is_control() => out.push_str(&c.escape_unicode().to_string()),
                c => out.push(c),
            }
        }
        out
    };
    let prop = |s: &str| data(s).replace(':', "%3A").replace(',', "%2C");
    let mut out = String::new();
    for d in &report.diagnostics {
        let kind = match d.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        let mut message = d.message.clone();
        if let Some(h) = &d.help {
            message.push_str(&format!("\nhelp: {h}"));
        }
        let l = &d.location;
        out.push_str(&format!(
            "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            prop(&l.file),
            l.start.line,
            l.start.column,
            l.end.line,
            l.end.column,
            prop(&format!("{} {}", d.code, d.title)),
            data(&message)
        ));
    }
    out
}

/// SARIF 2.1.0. Rules carry their title, their full page as help text, and,
/// when `docs_url` is given (e.g. `https://example.com/slsc/errors/`), a
/// `helpUri` to `<docs_url><CODE>.md`.
pub fn sarif(report: &Report, docs_url: Option<&str>) -> Json {
    let mut rule_ids: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
    rule_ids.sort_unstable();
    rule_ids.dedup();
    let rules: Vec<Json> = rule_ids
        .iter()
        .map(|code| {
            let info = codes::lookup(code);
            let title = info.map_or("", |i| i.title);
            let mut r = json!({
                "id": code,
                "name": title.split_whitespace().map(|w| {
                    let mut c = w.chars();
                    c.next().map_or(String::new(), |f| f.to_uppercase().collect::<String>() + c.as_str())
                }).collect::<String>().replace(|c: char| !c.is_alphanumeric(), ""),
                "shortDescription": { "text": title },
                "help": {
                    "text": info.map_or("", |i| i.explanation),
                    "markdown": info.map_or("", |i| i.explanation),
                },
                "defaultConfiguration": {
                    "level": if info.is_some_and(|i| i.severity == Severity::Warning) { "warning" } else { "error" },
                },
            });
            if let Some(base) = docs_url {
                r["helpUri"] = json!(format!("{base}{code}.md"));
            }
            r
        })
        .collect();
    let region = |l: &Location| {
        json!({
            "startLine": l.start.line,
            "startColumn": l.start.column,
            "endLine": l.end.line,
            "endColumn": l.end.column,
        })
    };
    let physical = |l: &Location| json!({ "physicalLocation": { "artifactLocation": { "uri": l.file }, "region": region(l) } });
    let results: Vec<Json> = report
        .diagnostics
        .iter()
        .map(|d| {
            let mut text = d.message.clone();
            if let Some(h) = &d.help {
                text.push_str(&format!("\nhelp: {h}"));
            }
            let mut r = json!({
                "ruleId": d.code,
                "ruleIndex": rule_ids.iter().position(|c| *c == d.code).unwrap_or(0),
                "level": match d.level { Level::Error => "error", Level::Warning => "warning" },
                "message": { "text": text },
                "locations": [physical(&d.location)],
            });
            if !d.related.is_empty() {
                r["relatedLocations"] = json!(d
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, rel)| {
                        let mut p = physical(&rel.location);
                        p["id"] = json!(i + 1);
                        p["message"] = json!({ "text": rel.message });
                        p
                    })
                    .collect::<Vec<_>>());
            }
            r
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "slsc",
                    "version": report.tool.version,
                    "rules": rules,
                },
            },
            "results": results,
        }],
    })
}
