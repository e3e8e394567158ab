//! Converting values: types, units, words and references, with the
//! diagnostics for each wrong form (`expect_*` report and return `None`).

use super::*;
use crate::diagnostics::Code;

impl Resolver {
    pub(super) fn type_error(&mut self, v: &ast::Value, expected: &str, help: &str) {
        self.error(
            Diagnostic::new(
                Code::E0201,
                v.span,
                format!("expected {expected}, found {}", v.kind.describe()),
            )
            .label(format!("expected {expected}"))
            .help(help.to_string()),
        );
    }

    pub(super) fn expect_string(&mut self, v: &ast::Value) -> Option<Spanned<String>> {
        match &v.kind {
            ValueKind::Str(s) => Some(Spanned::new(s.clone(), v.span)),
            _ => {
                self.type_error(v, "a string", "put the value in double quotes");
                None
            }
        }
    }

    /// A string, or a number or boolean written without quotes (tags, env).
    pub(super) fn expect_scalar_string(&mut self, v: &ast::Value) -> Option<String> {
        match &v.kind {
            ValueKind::Str(s) => Some(s.clone()),
            ValueKind::Int(i) => Some(i.to_string()),
            ValueKind::Number(_) => {
                // `1.10` would come out as "1.1": the text as written matters.
                self.error(
                    Diagnostic::new(
                        Code::E0201,
                        v.span,
                        "expected a string, found a decimal number",
                    )
                    .label("decimals change when reformatted")
                    .help("put the value in double quotes, e.g. \"1.10\""),
                );
                None
            }
            ValueKind::Bool(b) => Some(b.to_string()),
            _ => {
                self.type_error(v, "a string", "put the value in double quotes");
                None
            }
        }
    }

    pub(super) fn expect_strings(&mut self, v: &ast::Value) -> Option<Vec<String>> {
        let ValueKind::List(items) = &v.kind else {
            self.type_error(v, "a list of strings", "write `[\"a\", \"b\"]`");
            return None;
        };
        items
            .iter()
            .map(|i| self.expect_string(i).map(|s| s.value))
            .collect()
    }

    pub(super) fn expect_int(&mut self, v: &ast::Value) -> Option<Spanned<i64>> {
        match v.kind {
            ValueKind::Int(i) => Some(Spanned::new(i, v.span)),
            _ => {
                self.type_error(
                    v,
                    "an integer",
                    "write a whole number without a unit, e.g. `10`",
                );
                None
            }
        }
    }

    pub(super) fn expect_int_u32(&mut self, v: &ast::Value) -> Option<Spanned<u32>> {
        let i = self.expect_int(v)?;
        Some(Spanned::new(
            i.value.clamp(0, u32::MAX as i64) as u32,
            i.span,
        ))
    }

    pub(super) fn expect_bool(&mut self, v: &ast::Value) -> Option<bool> {
        match v.kind {
            ValueKind::Bool(b) => Some(b),
            _ => {
                self.type_error(v, "`true` or `false`", "write `true` or `false`");
                None
            }
        }
    }

    pub(super) fn expect_path<'v>(&mut self, v: &'v ast::Value) -> Option<&'v ast::Path> {
        match &v.kind {
            ValueKind::Path(p) => Some(p),
            _ => {
                self.type_error(
                    v,
                    "a name",
                    "write the name of a declaration, without quotes",
                );
                None
            }
        }
    }

    /// E0201 for a bare number where `what` (`a duration`) takes a unit.
    fn unitless(&mut self, v: &ast::Value, what: &str, label: &str, help: String) {
        let message = format!("expected {what}, found a number without a unit");
        self.error(
            Diagnostic::new(Code::E0201, v.span, message)
                .label(label)
                .help(help),
        );
    }

    /// A duration in whole seconds.
    pub(super) fn expect_seconds(&mut self, v: &ast::Value) -> Option<Spanned<u64>> {
        match v.kind {
            ValueKind::Duration(n, unit) => {
                let ms = n * unit.millis();
                if ms % 1000 != 0 {
                    self.error(
                        Diagnostic::new(Code::E0201, v.span, "expected a whole number of seconds")
                            .label("fractions of a second are not allowed here")
                            .help("round to whole seconds, e.g. `1s`"),
                    );
                    return None;
                }
                Some(Spanned::new(ms / 1000, v.span))
            }
            ValueKind::Int(i) => {
                let help = format!("add a unit: `{i}s`, `{i}m`, `{i}h` or `{i}d`");
                self.unitless(v, "a duration", "missing unit", help);
                None
            }
            _ => {
                self.type_error(
                    v,
                    "a duration",
                    "write a number with a unit: `30s`, `15m`, `2h`, `14d`",
                );
                None
            }
        }
    }

    /// A duration in whole days (log retention, S3 lifecycle rules).
    pub(super) fn expect_days(&mut self, v: &ast::Value) -> Option<Spanned<u64>> {
        let s = self.expect_seconds(v)?;
        if s.value % 86_400 != 0 {
            self.error(
                Diagnostic::new(Code::E0201, v.span, "expected a whole number of days")
                    .label("not whole days")
                    .help("this setting counts in days: write e.g. `30d`"),
            );
            return None;
        }
        Some(Spanned::new(s.value / 86_400, s.span))
    }

    /// A size, in bytes.
    pub(super) fn expect_size_bytes(&mut self, v: &ast::Value) -> Option<Spanned<u64>> {
        self.size(v, "KB", "`256KB`, `1MB`")
    }

    /// A size in whole MB.
    pub(super) fn expect_size_mb(&mut self, v: &ast::Value) -> Option<Spanned<u64>> {
        let bytes = self.size(v, "MB", "`512MB`, `1GB`")?;
        if bytes.value % (1 << 20) != 0 {
            self.error(
                Diagnostic::new(Code::E0201, v.span, "expected a whole number of MB")
                    .label("not whole megabytes")
                    .help("write the size in MB or GB, e.g. `512MB`"),
            );
            return None;
        }
        Some(Spanned::new(bytes.value >> 20, v.span))
    }

    /// A size in bytes; `unit` is the one the help suggests for a bare
    /// number, `examples` how sizes are written.
    fn size(&mut self, v: &ast::Value, unit: &str, examples: &str) -> Option<Spanned<u64>> {
        match v.kind {
            ValueKind::Size(n, u) => Some(Spanned::new(n.saturating_mul(u.bytes()), v.span)),
            ValueKind::Int(i) => {
                self.unitless(
                    v,
                    "a size",
                    "missing unit",
                    format!("add a unit: `{i}{unit}`"),
                );
                None
            }
            _ => {
                self.type_error(
                    v,
                    "a size",
                    &format!("write a number with a unit: {examples}"),
                );
                None
            }
        }
    }

    /// An enum-like word among `options`.
    pub(super) fn expect_word(&mut self, v: &ast::Value, options: &[&str]) -> Option<String> {
        (self.model.accepted.words).push((v.span, options.iter().map(|o| o.to_string()).collect()));
        let list = options
            .iter()
            .map(|o| format!("`{o}`"))
            .collect::<Vec<_>>()
            .join(", ");
        match &v.kind {
            ValueKind::Path(p) if p.parts.len() == 1 => {
                let w = &p.head().name;
                if options.contains(&w.as_str()) {
                    return Some(w.clone());
                }
                let mut d = Diagnostic::new(Code::E0202, v.span, format!("unknown option `{w}`"))
                    .label(format!("expected one of {list}"));
                d = match did_you_mean(w, options.iter().copied()) {
                    Some(s) => d.help(format!("did you mean `{s}`?")),
                    None => d.help(format!("write one of {list}")),
                };
                self.error(d);
                None
            }
            _ => {
                self.type_error(
                    v,
                    &format!("one of {list}"),
                    "write the word without quotes",
                );
                None
            }
        }
    }

    pub(super) fn expect_words(&mut self, v: &ast::Value, options: &[&str]) -> Vec<String> {
        match &v.kind {
            ValueKind::List(items) => items
                .iter()
                .filter_map(|i| match &i.kind {
                    ValueKind::Str(s) if options.contains(&s.as_str()) => Some(s.clone()),
                    _ => self.expect_word(i, options),
                })
                .collect(),
            _ => {
                self.type_error(v, "a list", "write `[GET, POST]`");
                Vec::new()
            }
        }
    }

    pub(super) fn expect_arch(&mut self, v: &ast::Value) -> Option<Arch> {
        self.expect_word(v, &["x86_64", "arm64"]).map(|w| {
            if w == "arm64" {
                Arch::Arm
            } else {
                Arch::X86
            }
        })
    }

    pub(super) fn expect_tracing(&mut self, v: &ast::Value) -> Option<bool> {
        self.expect_word(v, &["active", "passthrough"])
            .map(|w| w == "active")
    }

    /// `"x"` or `["x", "y"]`, each with its span.
    pub(super) fn string_or_strings(&mut self, v: &ast::Value) -> Vec<Spanned<String>> {
        match &v.kind {
            ValueKind::Str(s) => vec![Spanned::new(s.clone(), v.span)],
            ValueKind::List(items) => items.iter().filter_map(|i| self.expect_string(i)).collect(),
            _ => {
                self.type_error(
                    v,
                    "a string or a list of strings",
                    "write `\"s3:GetObject\"` or `[\"a\", \"b\"]`",
                );
                Vec::new()
            }
        }
    }
}

/// Where the failures of one asynchronous hop go: a destination, or
/// nowhere on purpose (`drop { reason = "..." }`).
#[derive(Default)]
pub(super) struct FailureTarget {
    /// The destination, if one is named.
    pub(super) to: Option<Ref>,
    /// The reason failures are dropped, with `drop { ... }` (empty after an
    /// E0311, so that the hop is not also reported as having no destination).
    pub(super) dropped: Option<Spanned<String>>,
}

impl Resolver {
    /// `recursion = terminate` (Lambda's default: None) or `recursion =
    /// allow { reason = "..." }` (the reason); an `allow` without a reason is
    /// E0321, and an empty reason here.
    pub(super) fn recursion(&mut self, v: &ast::Value) -> Option<Spanned<String>> {
        let no_reason = |r: &mut Resolver, span: Span| {
            r.error(
                Diagnostic::new(Code::E0321, span, "`recursion = allow` without a reason")
                    .label("no reason")
                    .help("write `recursion = allow { reason = \"...\" }` saying what ends the loop, or remove it to let Lambda stop loops"),
            );
            // Allowed all the same, so that the loop is not reported too.
            Some(Spanned::new(String::new(), span))
        };
        match &v.kind {
            ValueKind::Tagged(tag, body) if tag.name == "allow" => {
                let mut p = Props::new(body);
                let reason = p.take("reason").and_then(|r| self.expect_string(r));
                self.other_members(body, "`allow`");
                p.finish(self, "`allow`");
                match reason {
                    Some(r) if !r.value.trim().is_empty() => Some(r),
                    Some(r) => no_reason(self, r.span),
                    None => no_reason(self, v.span),
                }
            }
            ValueKind::Path(p) if p.parts.len() == 1 && p.parts[0].name == "allow" => {
                no_reason(self, v.span)
            }
            _ => {
                self.expect_word(v, &["terminate", "allow"]);
                None
            }
        }
    }
    /// A failure destination of one of `kinds`, or `drop { reason = "..." }`
    /// (a bare `drop` is E0311: losing failures needs a reason). `what` names
    /// the setting for messages, e.g. "`on_failure`".
    pub(super) fn failure_target(
        &mut self,
        v: &ast::Value,
        kinds: &[DeclKind],
        what: &str,
    ) -> FailureTarget {
        let no_reason = |r: &mut Resolver, span: Span| {
            r.error(
                Diagnostic::new(
                    Code::E0311,
                    span,
                    format!("{what} drops failures without saying why"),
                )
                .label("no reason")
                .help("write `drop { reason = \"...\" }` with why losing these failures is acceptable, or name a queue to keep them"),
            );
            FailureTarget {
                to: None,
                dropped: Some(Spanned::new(String::new(), span)),
            }
        };
        match &v.kind {
            ValueKind::Tagged(tag, body) if tag.name == "drop" => {
                let mut p = Props::new(body);
                let reason = p.take("reason").and_then(|r| self.expect_string(r));
                self.other_members(body, "`drop`");
                p.finish(self, "`drop`");
                match reason {
                    Some(r) if !r.value.trim().is_empty() => FailureTarget {
                        to: None,
                        dropped: Some(r),
                    },
                    Some(r) => no_reason(self, r.span),
                    None => no_reason(self, v.span),
                }
            }
            ValueKind::Path(p)
                if p.parts.len() == 1
                    && p.parts[0].name == "drop"
                    && !self.symbols.contains_key("drop") =>
            {
                no_reason(self, v.span)
            }
            _ => FailureTarget {
                to: self
                    .expect_path(v)
                    .and_then(|path| self.expect_ref(path, kinds)),
                dropped: None,
            },
        }
    }
}

impl Resolver {
    /// `on_delete = retain` or `on_delete = delete { reason = "..." }` (a
    /// bare `delete`, or an empty reason, is E0314: losing data needs a
    /// reason, as losing failures does, E0311).
    pub(super) fn on_delete(&mut self, v: &ast::Value) -> Option<Spanned<OnDelete>> {
        self.deletion_setting(v, "on_delete")
    }

    /// `on_delete` or `on_replace` (`key`): `retain`, or `delete` with its
    /// reason.
    fn deletion_setting(&mut self, v: &ast::Value, key: &str) -> Option<Spanned<OnDelete>> {
        let no_reason = |r: &mut Resolver, span: Span| {
            r.error(
                Diagnostic::new(Code::E0314, span, format!("`{key} = delete` without saying why"))
                    .label("no reason")
                    .help("write `delete { reason = \"...\" }` with why losing this data with the stack is acceptable, or `retain` to keep it"),
            );
            Some(Spanned::new(
                OnDelete::Delete(Spanned::new(String::new(), span)),
                v.span,
            ))
        };
        match &v.kind {
            ValueKind::Tagged(tag, body) if tag.name == "delete" => {
                let mut p = Props::new(body);
                let reason = p.take("reason").and_then(|r| self.expect_string(r));
                self.other_members(body, "`delete`");
                p.finish(self, "`delete`");
                match reason {
                    Some(r) if !r.value.trim().is_empty() => {
                        Some(Spanned::new(OnDelete::Delete(r), v.span))
                    }
                    Some(r) => no_reason(self, r.span),
                    None => no_reason(self, v.span),
                }
            }
            ValueKind::Path(p) if p.parts.len() == 1 && p.parts[0].name == "delete" => {
                no_reason(self, v.span)
            }
            _ => self
                .expect_word(v, &["retain", "delete"])
                .map(|_| Spanned::new(OnDelete::Retain, v.span)),
        }
    }

    /// A declaration's `on_delete`, or the app's; and its `on_replace`,
    /// recorded in the model when written (without one, a replaced
    /// resource goes the way `on_delete` says).
    pub(super) fn on_delete_of(&mut self, p: &mut Props, decl: &str) -> Spanned<OnDelete> {
        if let Some(r) = p
            .take("on_replace")
            .and_then(|v| self.deletion_setting(v, "on_replace"))
        {
            self.model.on_replace.insert(decl.to_string(), r);
        }
        p.take("on_delete")
            .and_then(|v| self.on_delete(v))
            .unwrap_or_else(|| self.model.on_delete.clone())
    }
}

/// The usage settings `slsc cost` reads (`docs/cost.md`): rates, shares,
/// average durations and sizes.
impl Resolver {
    /// `traffic = 50/s`: a rate.
    pub(super) fn expect_rate(&mut self, v: &ast::Value) -> Option<Spanned<Rate>> {
        match v.kind {
            ValueKind::Rate(count, unit) => Some(Spanned::new(Rate { count, unit }, v.span)),
            ValueKind::Int(i) => {
                let help = format!(
                    "write how many per second, minute, hour, day or month: `{i}/s`, `{i}/m`, `{i}/h`, `{i}/d`, `{i}/month`"
                );
                self.unitless(v, "a rate", "per what?", help);
                None
            }
            _ => {
                self.type_error(
                    v,
                    "a rate",
                    "write how many per unit of time: `50/s`, `120/m`, `3_000_000/month`",
                );
                None
            }
        }
    }

    /// `passes = 25%`: a share from 0% to 100%, as a fraction (0.25).
    pub(super) fn expect_share(&mut self, v: &ast::Value) -> Option<Spanned<f64>> {
        match v.kind {
            ValueKind::Percent(p) if (0.0..=100.0).contains(&p) => {
                Some(Spanned::new(p / 100.0, v.span))
            }
            ValueKind::Percent(p) => {
                self.error(
                    Diagnostic::new(
                        Code::E0260,
                        v.span,
                        format!("a share of {p}% is above 100%"),
                    )
                    .label("a share of what arrives: 0% to 100%")
                    .help("write the share of received events that pass, e.g. `passes = 25%`"),
                );
                None
            }
            _ => {
                self.type_error(
                    v,
                    "a percentage",
                    "write the share of received events that pass, e.g. `passes = 25%`",
                );
                None
            }
        }
    }

    /// `average_duration = 200ms`: a duration in milliseconds, above 0.
    pub(super) fn expect_average_ms(&mut self, v: &ast::Value) -> Option<Spanned<f64>> {
        match v.kind {
            ValueKind::Duration(0, _) => {
                self.error(
                    Diagnostic::new(Code::E0260, v.span, "an average duration of 0")
                        .label("every invocation runs for some time")
                        .help("write how long an invocation takes on average, e.g. `average_duration = 120ms` (Lambda bills at least 1 ms)"),
                );
                None
            }
            ValueKind::Duration(n, unit) => Some(Spanned::new((n * unit.millis()) as f64, v.span)),
            ValueKind::Int(i) => {
                let help = format!("add a unit: `{i}ms` or `{i}s`");
                self.unitless(v, "a duration", "missing unit", help);
                None
            }
            _ => {
                self.type_error(
                    v,
                    "a duration",
                    "write how long an invocation takes on average, e.g. `200ms`",
                );
                None
            }
        }
    }

    /// `traffic = RATE` of a declaration, recorded in the model's usage.
    pub(super) fn traffic(&mut self, p: &mut Props, at: UsageAt) {
        if let Some(rate) = p.take("traffic").and_then(|v| self.expect_rate(v)) {
            self.model.usage.traffic.insert(at, rate);
        }
    }
}
