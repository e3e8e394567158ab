//! Alarm settings: the app's `alarms { notify = Ops }`, `alarms = off {
//! reason }` and `dashboard = off { reason }`; a declaration's `alarms {
//! KIND = THRESHOLD, KIND = off { reason } }` or `alarms = off { reason }`;
//! and `slo { p99 = 800ms, errors = 0.5%, period = 5m }` on a function or
//! a route. What they become is derived in `observe`.

use super::*;
use crate::diagnostics::{did_you_mean, Code};

impl Resolver {
    /// The app's `alarms` and `dashboard`.
    pub(super) fn app_observe(&mut self, p: &mut Props, app: &ast::Decl) {
        self.model.observe.app_span = Some(app.name.span);
        if let Some(v) = p.take("alarms") {
            match self.off_reason(v, "alarms", "turn every default alarm off") {
                Some(r) => self.model.observe.off = Some(r),
                None => self.expected_block(v, "alarms", "`alarms { notify = Ops }`"),
            }
        }
        if let Some(body) = p.take_block("alarms") {
            let mut bp = Props::new(body);
            if let Some(v) = bp.take("notify") {
                self.model.observe.notify =
                    self.refs_of(v, &[DeclKind::Topic], "a topic the alarms notify");
            }
            self.other_members(body, "`alarms`");
            bp.finish(self, "the app's `alarms`");
        }
        if let Some(v) = p.take("dashboard") {
            match self.off_reason(v, "dashboard", "drop the dashboard") {
                Some(r) => self.model.observe.dashboard_off = Some(r),
                None => {
                    self.expected_block(v, "dashboard", "`dashboard = off { reason = \"...\" }`")
                }
            }
        }
    }

    /// A declaration's `alarms` (the kinds its kind of declaration has),
    /// and a function's `slo`.
    pub(super) fn decl_observe(&mut self, p: &mut Props, d: &ast::Decl, first: bool) {
        let kinds = crate::model::kinds(d.kind);
        if kinds.is_empty() {
            return;
        }
        let mut settings = AlarmSettings::default();
        if let Some(v) = p.take("alarms") {
            match self.off_reason(v, "alarms", "turn this declaration's default alarms off") {
                Some(r) => settings.off = Some(r),
                None => self.expected_block(
                    v,
                    "alarms",
                    &format!(
                        "`alarms {{ {} = {} }}`",
                        kinds[0],
                        crate::model::example(kinds[0])
                    ),
                ),
            }
        }
        if let Some(body) = p.take_block("alarms") {
            for m in body {
                let MemberKind::Property { key, value, .. } = &m.kind else {
                    self.not_allowed(m, "`alarms`");
                    continue;
                };
                let Some(kind) = kinds.iter().find(|k| **k == key.name) else {
                    let mut diag = Diagnostic::new(
                        Code::E0202,
                        key.span,
                        format!("unknown alarm `{}`", key.name),
                    )
                    .label(format!(
                        "{} has {}",
                        kind_name(d.kind),
                        words(kinds)
                    ));
                    diag = match did_you_mean(&key.name, kinds.iter().copied()) {
                        Some(s) => diag.help(format!("did you mean `{s}`?")),
                        None => diag.help(format!("set one of {}", words(kinds))),
                    };
                    self.error(diag);
                    continue;
                };
                if let Some((first, _)) = settings.kinds.iter().find(|(k, _)| k.value == key.name) {
                    let first = first.span;
                    self.set_twice(&key.name, key.span, first);
                    continue;
                }
                let setting = match self.off_reason(value, kind, "turn this alarm off") {
                    Some(r) => Some(KindSetting::Off(r)),
                    None => self.threshold_of(kind, value).map(KindSetting::Threshold),
                };
                if let Some(s) = setting {
                    settings
                        .kinds
                        .push((Spanned::new(key.name.clone(), key.span), s));
                }
            }
        }
        if first && (settings.off.is_some() || !settings.kinds.is_empty()) {
            self.model
                .observe
                .settings
                .insert(d.name.name.clone(), settings);
        }
        if d.kind == DeclKind::Function {
            if let Some(body) = p.take_block("slo") {
                let span = block_key(&d.body, "slo").unwrap_or(d.name.span);
                if let Some(slo) = self.slo(body, span) {
                    if first {
                        self.model.observe.slos.insert(d.name.name.clone(), slo);
                    }
                }
            }
        }
    }

    /// `off { reason = "..." }` (None when `v` is something else); `off`
    /// without a reason, or with an empty one, is E0250.
    fn off_reason(&mut self, v: &ast::Value, key: &str, what: &str) -> Option<Spanned<String>> {
        let no_reason = |r: &mut Resolver, span: Span| {
            r.error(
                Diagnostic::new(
                    Code::E0250,
                    span,
                    format!("`{key} = off` without saying why"),
                )
                .label("no reason")
                .help(format!(
                    "write `off {{ reason = \"...\" }}` with why it is acceptable to {what}"
                )),
            );
            Spanned::new(String::new(), span)
        };
        match &v.kind {
            ValueKind::Tagged(tag, body) if tag.name == "off" => {
                let mut p = Props::new(body);
                let reason = p.take("reason").and_then(|r| self.expect_string(r));
                self.other_members(body, "`off`");
                p.finish(self, "`off`");
                Some(match reason {
                    Some(r) if !r.value.trim().is_empty() => r,
                    Some(r) => no_reason(self, r.span),
                    None => no_reason(self, v.span),
                })
            }
            ValueKind::Path(p) if p.parts.len() == 1 && p.parts[0].name == "off" => {
                Some(no_reason(self, v.span))
            }
            _ => None,
        }
    }

    fn expected_block(&mut self, v: &ast::Value, key: &str, example: &str) {
        self.type_error(
            v,
            "a block or `off { reason = \"...\" }`",
            &format!("write {example}, or `{key} = off {{ reason = \"...\" }}`"),
        );
    }

    /// A threshold of alarm `kind`: a count, a percentage or a duration,
    /// as the kind takes (E0251 otherwise).
    fn threshold_of(&mut self, kind: &str, v: &ast::Value) -> Option<Spanned<Threshold>> {
        let (count, percent, duration) = crate::model::forms(kind);
        let t = match v.kind {
            ValueKind::Int(i) if count => Threshold::Count(i as f64),
            ValueKind::Number(n) if count => Threshold::Count(n),
            ValueKind::Percent(p) if percent => Threshold::Percent(p),
            ValueKind::Duration(n, unit) if duration => {
                Threshold::Millis((n * unit.millis()) as f64)
            }
            _ => {
                let mut forms = Vec::new();
                if count {
                    forms.push("a count per 5 minutes (`1`)");
                }
                if percent {
                    forms.push(match kind {
                        "duration" => "a share of the timeout (`80%`)",
                        "age" => "a share of the retention (`50%`)",
                        "latency" => "a share of the integration timeout (`80%`)",
                        _ => "a rate (`1%`)",
                    });
                }
                if duration {
                    forms.push("a duration (`2s`)");
                }
                self.error(
                    Diagnostic::new(
                        Code::E0251,
                        v.span,
                        format!("alarm `{kind}` cannot take {}", v.kind.describe()),
                    )
                    .label(format!("expected {}", forms.join(" or ")))
                    .help(format!(
                        "write `{kind} = {}`, or `{kind} = off {{ reason = \"...\" }}`",
                        crate::model::example(kind)
                    )),
                );
                return None;
            }
        };
        let bad = match t {
            Threshold::Percent(p) => !(p > 0.0 && p <= 100.0),
            Threshold::Count(n) | Threshold::Millis(n) => n < 0.0,
        };
        if bad {
            self.error(
                Diagnostic::new(Code::E0203, v.span, format!("alarm `{kind}` fires at an impossible value"))
                    .label("a percentage is above 0 and at most 100%; counts and durations are not negative")
                    .help(format!("write e.g. `{kind} = {}`", crate::model::example(kind))),
            );
            return None;
        }
        Some(Spanned::new(t, v.span))
    }

    /// `slo { p99 = 800ms, errors = 0.5%, period = 5m }`.
    pub(super) fn slo(&mut self, body: &[ast::Member], span: Span) -> Option<Slo> {
        let mut slo = Slo {
            span,
            latency: Vec::new(),
            errors: None,
            period: Spanned::new(crate::model::PERIOD, span),
        };
        let mut seen: Vec<(&str, Span)> = Vec::new();
        for m in body {
            let MemberKind::Property { key, value, .. } = &m.kind else {
                self.not_allowed(m, "`slo`");
                continue;
            };
            if let Some(&(_, first)) = seen.iter().find(|(k, _)| *k == key.name) {
                self.set_twice(&key.name, key.span, first);
                continue;
            }
            seen.push((&key.name, key.span));
            if key.name == "period" {
                if let Some(s) = self.expect_seconds(value) {
                    slo.period = s;
                }
            } else if key.name == "errors" {
                match value.kind {
                    ValueKind::Percent(p) if p > 0.0 && p < 100.0 => {
                        slo.errors = Some(Spanned::new(p, value.span))
                    }
                    _ => self.slo_form(
                        value,
                        "errors",
                        "a percentage of failed requests, e.g. `errors = 0.5%`",
                    ),
                }
            } else if let Some(stat) = Statistic::percentile(&key.name) {
                match value.kind {
                    ValueKind::Duration(n, unit) if n > 0 => slo.latency.push((
                        Spanned::new(key.name.clone(), key.span),
                        stat,
                        Spanned::new((n * unit.millis()) as f64, value.span),
                    )),
                    _ => self.slo_form(
                        value,
                        &key.name,
                        &format!("the latency it stays under, e.g. `{} = 800ms`", key.name),
                    ),
                }
            } else {
                let options = ["p99", "p90", "p99_9", "errors", "period"];
                let mut diag = Diagnostic::new(
                    Code::E0202,
                    key.span,
                    format!("unknown objective `{}`", key.name),
                )
                .label("expected a percentile (`p99`, `p99_9`), `errors` or `period`");
                diag = match did_you_mean(&key.name, options) {
                    Some(s) => diag.help(format!("did you mean `{s}`?")),
                    None => diag.help("write `slo { p99 = 800ms, errors = 0.5% }`"),
                };
                self.error(diag);
            }
        }
        if slo.latency.is_empty() && slo.errors.is_none() {
            if !body.is_empty() {
                return None;
            }
            self.error(
                Diagnostic::new(Code::E0252, span, "an `slo` without objectives")
                    .label("nothing to measure")
                    .help("add a latency percentile or an error rate: `slo { p99 = 800ms, errors = 0.5% }`"),
            );
            return None;
        }
        Some(slo)
    }

    fn slo_form(&mut self, v: &ast::Value, key: &str, expected: &str) {
        self.error(
            Diagnostic::new(
                Code::E0252,
                v.span,
                format!("objective `{key}` cannot be {}", v.kind.describe()),
            )
            .label("not an objective")
            .help(format!("write {expected}")),
        );
    }
}

/// Where block `key` of a body is named.
pub(super) fn block_key(body: &[ast::Member], key: &str) -> Option<Span> {
    body.iter().find_map(|m| match &m.kind {
        MemberKind::Block { key: k, .. } if k.name == key => Some(k.span),
        _ => None,
    })
}

fn kind_name(kind: DeclKind) -> &'static str {
    match kind {
        DeclKind::Function => "a function",
        DeclKind::Queue => "a queue",
        DeclKind::Api => "an api",
        DeclKind::Rule => "a rule",
        DeclKind::Schedule => "a schedule",
        DeclKind::StateMachine => "a state machine",
        _ => "this declaration",
    }
}

/// "`a`, `b` or `c`".
fn words(options: &[&str]) -> String {
    let w: Vec<String> = options.iter().map(|o| format!("`{o}`")).collect();
    match w.len() {
        0 => String::new(),
        1 => w[0].clone(),
        n => format!("{} or {}", w[..n - 1].join(", "), w[n - 1]),
    }
}
