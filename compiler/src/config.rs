//! Project configuration (`slsc.toml`) and in-spec suppressions.
//!
//! `slsc.toml`, found in the spec's folder or the nearest parent that has
//! one, sets the severity of warning codes:
//!
//! ```toml
//! [diagnostics]
//! W0302 = "allow"   # never report
//! W0104 = "deny"    # report as an error
//! W0305 = "warn"    # the default
//! ```
//!
//! and, under `[account]`, the account's quotas where they differ from AWS's
//! defaults:
//!
//! ```toml
//! [account]
//! concurrency = 5000   # concurrent executions per region (default 1000)
//! ```
//!
//! Errors cannot be allowed or demoted: a spec with an error does not deploy
//! as written. A suppression comment silences warnings of the given codes on
//! its own line or the next line, and must give a reason:
//!
//! ```sls
//! // slsc: allow W0302 -- the consumer is idempotent
//! on Orders { batch = 10 }
//! ```
//!
//! A suppression that silences nothing is itself a warning (W0007), one
//! without a reason or naming an error is an error (E0006).

use crate::diagnostics::Code;
use crate::diagnostics::{codes, Diagnostic, Severity};
use crate::source::{SourceMap, Span};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What `slsc.toml` says of one code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Not reported.
    Allow,
    /// Reported as a warning.
    Warn,
    /// Reported as an error.
    Deny,
}

/// The project configuration.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Severity per code.
    #[serde(default)]
    pub diagnostics: BTreeMap<String, Level>,
    /// Facts about the AWS account the app deploys to.
    #[serde(default)]
    pub account: Account,
}

/// `[account]`: quotas of the account the app deploys to, where they differ
/// from AWS's defaults.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Account {
    /// The account's concurrent executions quota per region (AWS's default
    /// is 1,000); W0325 judges the app's reserved concurrency against it.
    pub concurrency: Option<u64>,
}

impl Account {
    /// AWS's default concurrent executions quota per region.
    pub const DEFAULT_CONCURRENCY: u64 = 1_000;

    /// The account's concurrency quota: `concurrency`, else AWS's default.
    pub fn concurrency(&self) -> u64 {
        self.concurrency.unwrap_or(Self::DEFAULT_CONCURRENCY)
    }
}

/// The name of the configuration file.
pub const FILE_NAME: &str = "slsc.toml";

/// The `slsc.toml` of the folder of `spec` or its nearest parent, if any.
pub fn find(spec: &Path) -> Option<PathBuf> {
    let start = std::fs::canonicalize(spec).ok()?;
    start
        .ancestors()
        .skip(1)
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// Reads and checks a configuration file; Err is a message for the user.
pub fn load(path: &Path) -> Result<Config, String> {
    let text = crate::source::read_text(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let config: Config =
        toml::from_str(&text).map_err(|e| format!("{}: {}", path.display(), e.message()))?;
    for (code, level) in &config.diagnostics {
        let Some(info) = codes::lookup(code) else {
            return Err(format!(
                "{}: `{code}` is not a diagnostic code",
                path.display()
            ));
        };
        if info.severity == Severity::Error && *level != Level::Deny {
            return Err(format!(
                "{}: `{code}` is an error and cannot be set to `{}`: a spec with errors does not deploy as written",
                path.display(),
                if *level == Level::Allow { "allow" } else { "warn" }
            ));
        }
    }
    Ok(config)
}

/// Applies the configuration: drops allowed warnings, raises denied ones.
pub fn apply(config: &Config, diags: &mut Vec<Diagnostic>) {
    diags.retain(|d| config.diagnostics.get(d.code) != Some(&Level::Allow));
    for d in diags.iter_mut() {
        if config.diagnostics.get(d.code) == Some(&Level::Deny) {
            d.severity = Severity::Error;
        }
    }
}

/// What starts a suppression inside a comment.
const MARK: &str = "// slsc:";

/// A `// slsc: allow CODES -- reason` comment.
struct Suppression {
    span: Span,
    line: usize,
    codes: Vec<String>,
    used: bool,
}

/// Removes the warnings that suppression comments silence and reports the
/// comments that are malformed or silence nothing.
///
/// `comments` are the spans of the comments the parser found (see
/// [`crate::ast::Extra`]), in any file of `sources`: only a real comment is
/// a suppression, never text that looks like one inside a string.
pub fn suppress(sources: &SourceMap, comments: &[Span], diags: &mut Vec<Diagnostic>) {
    let mut found: Vec<Suppression> = Vec::new();
    for comment in comments {
        let file = sources.get(comment.file);
        let text = file.slice(*comment);
        let Some(at) = text.find(MARK) else {
            continue;
        };
        let start = comment.start as usize + at;
        let span = Span::new(
            comment.file,
            start,
            comment.start as usize + text.trim_end().len(),
        );
        let (line, _) = file.line_col(span.start);
        let rest = text[at + MARK.len()..].trim();
        match parse(rest) {
            Ok(codes) => {
                let errors: Vec<&String> = codes
                    .iter()
                    .filter(|c| codes::lookup(c).is_some_and(|i| i.severity == Severity::Error))
                    .collect();
                if let Some(e) = errors.first() {
                    diags.push(
                        Diagnostic::new(
                            Code::E0006,
                            span,
                            format!("`{e}` is an error and cannot be suppressed"),
                        )
                        .label("errors cannot be allowed")
                        .help(
                            "fix the spec instead: a spec with errors does not deploy as written",
                        ),
                    );
                }
                // One naming an error is reported once, as E0006.
                let used = !errors.is_empty();
                found.push(Suppression {
                    span,
                    line,
                    codes,
                    used,
                });
            }
            Err(why) => diags.push(
                Diagnostic::new(Code::E0006, span, format!("invalid suppression: {why}"))
                    .label("not a suppression")
                    .help("write `// slsc: allow W0302 -- why this is fine here`"),
            ),
        }
    }
    if found.is_empty() {
        return;
    }
    // The suppressions by file and line, so that each warning looks at the
    // two lines that may silence it, not at every suppression.
    let mut at: std::collections::HashMap<(crate::source::FileId, usize), Vec<usize>> =
        Default::default();
    for (i, s) in found.iter().enumerate() {
        at.entry((s.span.file, s.line)).or_default().push(i);
    }
    diags.retain(|d| {
        if d.severity == Severity::Error {
            return true;
        }
        let (line, _) = sources.get(d.span.file).line_col(d.span.start);
        let candidates = [line, line.wrapping_sub(1)]
            .into_iter()
            .filter_map(|l| at.get(&(d.span.file, l)))
            .flatten()
            .copied();
        // The first in file order, as when every suppression was looked at.
        let hit = candidates
            .filter(|i| found[*i].codes.iter().any(|c| c == d.code))
            .min();
        match hit {
            Some(i) => {
                found[i].used = true;
                false
            }
            None => true,
        }
    });
    for s in found.iter().filter(|s| !s.used) {
        diags.push(
            Diagnostic::new(
                Code::W0007,
                s.span,
                format!(
                    "this suppression of {} silences nothing",
                    s.codes.join(", ")
                ),
            )
            .label("nothing to suppress on this line or the next")
            .help("remove it, or move it to the line before the warning"),
        );
    }
}

/// `allow W0302, W0104 -- reason` into the codes; Err says what is wrong.
fn parse(rest: &str) -> Result<Vec<String>, String> {
    let rest = rest
        .strip_prefix("allow")
        .ok_or("expected `allow` after `slsc:`")?;
    let (codes, reason) = rest
        .split_once("--")
        .ok_or("a suppression needs a reason after `--`")?;
    if reason.trim().is_empty() {
        return Err("the reason after `--` is empty".into());
    }
    let codes: Vec<String> = codes
        .split([',', ' '])
        .filter(|c| !c.is_empty())
        .map(|c| c.trim().to_ascii_uppercase())
        .collect();
    if codes.is_empty() {
        return Err("name the codes to allow, e.g. `allow W0302`".into());
    }
    if let Some(bad) = codes.iter().find(|c| codes::lookup(c).is_none()) {
        return Err(format!("`{bad}` is not a diagnostic code"));
    }
    Ok(codes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{SourceFile, SourceMap};

    /// A warning at the start of line `line` of `text`, after suppression.
    fn survives(text: &str, line: usize) -> Vec<&'static str> {
        let mut sources = SourceMap::default();
        let id = sources.add(SourceFile::new("t.sls".into(), None, text.into()));
        let (file, _) = crate::syntax::parse(id, &sources.get(id).text);
        let at = sources.get(id).line_range(line - 1).start;
        let mut diags = vec![Diagnostic::new(
            Code::W0104,
            Span::new(id, at, at + 1),
            "unused",
        )];
        suppress(&sources, &file.extra.all_comments(), &mut diags);
        diags.iter().map(|d| d.code).collect()
    }

    #[test]
    fn a_comment_suppresses_the_next_line() {
        let text = "// slsc: allow W0104 -- kept for later\nqueue Q\n";
        assert!(survives(text, 2).is_empty());
        // A doc comment is a comment too.
        let text = "/// slsc: allow W0104 -- kept for later\nqueue Q\n";
        assert!(survives(text, 2).is_empty());
    }

    #[test]
    fn text_in_a_string_is_not_a_suppression() {
        let text = "app a { tags { note = \"// slsc: allow W0104 -- kept\" } }\nqueue Q\n";
        assert_eq!(survives(text, 2), ["W0104"]);
        // A comment after such a string on the same line still counts.
        let text =
            "app a { tags { note = \"// slsc: x\" } } // slsc: allow W0104 -- kept\nqueue Q\n";
        assert!(survives(text, 2).is_empty());
        // So does one in a file whose declarations do not parse.
        let text = "queue Q { retention 4d }\n// slsc: allow W0104 -- kept\nqueue R\n";
        assert!(survives(text, 3).is_empty());
    }
}
