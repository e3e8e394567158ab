//! Safe deploys: `alarm` declarations, and a function's `alias`, traffic
//! shifting (`deploy`, `rollback_on`, hooks, `deploy_notify`) and
//! `provisioned_concurrency`. Ranges and the rules between settings are
//! checked later (`check::deploy`); here each value is read in its form.

use super::*;
use crate::diagnostics::{did_you_mean, Code};

/// What a function's deployment settings resolve to.
pub(super) struct DeploySettings {
    pub(super) alias: Option<Spanned<String>>,
    pub(super) deploy: Option<Deploy>,
    pub(super) provisioned: Option<Provisioned>,
}

impl Resolver {
    /// `alarm NAME { metric = F.errors, threshold = 1, ... }`.
    pub(super) fn alarm(&mut self, d: &ast::Decl) -> Alarm {
        let mut p = Props::new(&d.body);
        let name_span = d.name.span;
        let (function, metric) = match p.take("metric") {
            Some(v) => self.alarm_metric(v),
            None => {
                if !p.has("metric") && d.recovered.is_empty() {
                    self.error(
                        Diagnostic::new(
                            Code::E0107,
                            name_span,
                            format!("alarm `{}` has no `metric`", d.name.name),
                        )
                        .label("missing `metric`")
                        .help("name the function and its metric: `metric = Orders.errors` (errors, throttles, duration, invocations, ...)"),
                    );
                }
                (None, None)
            }
        };
        let metric = metric.unwrap_or(Spanned::new(Metric::Errors, name_span));
        let statistic = p
            .take("statistic")
            .and_then(|v| self.statistic(v))
            .unwrap_or_else(|| Spanned::new(metric.value.default_statistic(), name_span));
        let threshold = match p.take("threshold") {
            Some(v) => self.threshold(v, metric.value),
            None => {
                if !p.has("threshold") && d.recovered.is_empty() {
                    self.error(
                        Diagnostic::new(
                            Code::E0107,
                            name_span,
                            format!("alarm `{}` has no `threshold`", d.name.name),
                        )
                        .label("missing `threshold`")
                        .help("add the value it fires at, e.g. `threshold = 1` (a duration for `duration`: `threshold = 2s`)"),
                    );
                }
                None
            }
        }
        .unwrap_or(Spanned::new(0.0, name_span));
        let comparison = p
            .take("comparison")
            .and_then(|v| self.expect_word(v, Comparison::WORDS))
            .map(|w| match w.as_str() {
                "above" => Comparison::Above,
                "at_most" => Comparison::AtMost,
                "below" => Comparison::Below,
                _ => Comparison::AtLeast,
            })
            .unwrap_or_default();
        let period = p
            .take("period")
            .and_then(|v| self.expect_seconds(v))
            .unwrap_or(Spanned::new(60, name_span));
        let evaluation_periods = p
            .take("evaluation_periods")
            .and_then(|v| self.expect_int(v))
            .map(|i| Spanned::new(i.value.max(0) as u64, i.span))
            .unwrap_or(Spanned::new(1, name_span));
        let datapoints = p
            .take("datapoints")
            .and_then(|v| self.expect_int(v))
            .map(|i| Spanned::new(i.value.max(0) as u64, i.span));
        let missing_data = p
            .take("missing_data")
            .and_then(|v| self.expect_word(v, MissingData::WORDS))
            .map(|w| match w.as_str() {
                "breaching" => MissingData::Breaching,
                "ignore" => MissingData::Ignore,
                "missing" => MissingData::Missing,
                _ => MissingData::NotBreaching,
            })
            .unwrap_or_default();
        let notify = p
            .take("notify")
            .map(|v| self.refs_of(v, &[DeclKind::Topic], "a topic this alarm notifies"))
            .unwrap_or_default();
        self.identity(&mut p, d);
        self.other_members(&d.body, "an alarm");
        p.finish(self, "an alarm");
        Alarm {
            name: d.name.name.clone(),
            span: name_span,
            function: function.unwrap_or(Ref {
                kind: DeclKind::Function,
                name: String::new(),
                span: name_span,
            }),
            metric,
            statistic,
            threshold,
            comparison,
            period,
            evaluation_periods,
            datapoints,
            missing_data,
            notify,
        }
    }

    /// `metric = F.errors`: the function and its metric.
    fn alarm_metric(&mut self, v: &ast::Value) -> (Option<Ref>, Option<Spanned<Metric>>) {
        let Some(path) = self.expect_path(v) else {
            return (None, None);
        };
        let (name, extra) = self.split_qualified(path);
        let function = self.lookup(&name, path.head().span, &[DeclKind::Function]);
        if extra != 1 {
            self.error(
                Diagnostic::new(
                    Code::E0201,
                    path.span,
                    format!("`{}` is not a function's metric", path.text()),
                )
                .label("expected `Function.metric`")
                .help(format!(
                    "write `{name}.errors`, or another of its metrics: {}",
                    words(Metric::WORDS)
                )),
            );
            return (function, None);
        }
        let word = &path.parts[path.parts.len() - 1];
        match Metric::from_word(&word.name) {
            Some(m) => (function, Some(Spanned::new(m, word.span))),
            None => {
                let mut diag = Diagnostic::new(
                    Code::E0202,
                    word.span,
                    format!("unknown metric `{}`", word.name),
                )
                .label(format!("expected one of {}", words(Metric::WORDS)));
                diag = match did_you_mean(&word.name, Metric::WORDS.iter().copied()) {
                    Some(s) => diag.help(format!("did you mean `{s}`?")),
                    None => diag.help(format!("write one of {}", words(Metric::WORDS))),
                };
                self.error(diag);
                (function, None)
            }
        }
    }

    /// `statistic = sum | average | minimum | maximum | sample_count | p99`.
    fn statistic(&mut self, v: &ast::Value) -> Option<Spanned<Statistic>> {
        if let ValueKind::Path(p) = &v.kind {
            if p.parts.len() == 1 {
                if let Some(pct) = Statistic::percentile(&p.parts[0].name) {
                    return Some(Spanned::new(Statistic::Percentile(pct), v.span));
                }
            }
        }
        let w = self.expect_word(v, Statistic::WORDS)?;
        let s = match w.as_str() {
            "sum" => Statistic::Sum,
            "average" => Statistic::Average,
            "minimum" => Statistic::Minimum,
            "maximum" => Statistic::Maximum,
            "sample_count" => Statistic::SampleCount,
            _ => Statistic::Percentile("p99".into()),
        };
        Some(Spanned::new(s, v.span))
    }

    /// The threshold in the metric's unit: a duration for `duration`
    /// (milliseconds), a number otherwise.
    fn threshold(&mut self, v: &ast::Value, metric: Metric) -> Option<Spanned<f64>> {
        if metric == Metric::Duration {
            return match v.kind {
                ValueKind::Duration(n, unit) => {
                    Some(Spanned::new((n * unit.millis()) as f64, v.span))
                }
                _ => {
                    self.type_error(
                        v,
                        "a duration",
                        "the `duration` metric is in time: write `threshold = 500ms` or `2s`",
                    );
                    None
                }
            };
        }
        match v.kind {
            ValueKind::Int(i) => Some(Spanned::new(i as f64, v.span)),
            ValueKind::Number(n) => Some(Spanned::new(n, v.span)),
            _ => {
                let help = if metric == Metric::ProvisionedUtilization {
                    "write the fraction in use it fires at, e.g. `threshold = 0.8`"
                } else {
                    "write a count without quotes or unit, e.g. `threshold = 1`"
                };
                self.type_error(v, "a number", help);
                None
            }
        }
    }

    /// A name or a list of names of `kinds`, each once.
    pub(super) fn refs_of(&mut self, v: &ast::Value, kinds: &[DeclKind], role: &str) -> Vec<Ref> {
        let items: Vec<&ast::Value> = match &v.kind {
            ValueKind::List(items) => items.iter().collect(),
            _ => vec![v],
        };
        let mut out: Vec<Ref> = Vec::new();
        for item in items {
            let Some(path) = self.expect_path(item) else {
                continue;
            };
            let Some(r) = self.expect_ref(path, kinds) else {
                continue;
            };
            if !self.repeated(&out, &r, role) {
                out.push(r);
            }
        }
        out
    }

    /// A function's `alias`, `deploy`, `rollback_on`, `before_traffic`,
    /// `after_traffic`, `deploy_notify` and `provisioned_concurrency`.
    pub(super) fn deploy_settings(&mut self, p: &mut Props<'_>) -> DeploySettings {
        let alias = p.take("alias").and_then(|v| {
            let path = self.expect_path(v)?;
            if path.parts.len() != 1 {
                self.type_error(v, "an alias name", "write a name, e.g. `alias = live`");
                return None;
            }
            Some(Spanned::new(path.parts[0].name.clone(), v.span))
        });
        let deploy = p.take("deploy");
        let shift = deploy.and_then(|v| self.shift(v));
        let rollback_v = p.take("rollback_on");
        let rollback_on = rollback_v
            .map(|v| self.refs_of(v, &[DeclKind::Alarm], "an alarm of this deployment"))
            .unwrap_or_default();
        let before_v = p.take("before_traffic");
        let before_traffic = before_v.and_then(|v| self.hook(v));
        let after_v = p.take("after_traffic");
        let after_traffic = after_v.and_then(|v| self.hook(v));
        let notify_v = p.take("deploy_notify");
        let notify = notify_v
            .map(|v| self.refs_of(v, &[DeclKind::Topic], "a topic of this deployment"))
            .unwrap_or_default();
        // Any of them makes a CodeDeploy deployment; all at once unless
        // `deploy` says otherwise.
        let first = [
            ("deploy", deploy),
            ("rollback_on", rollback_v),
            ("before_traffic", before_v),
            ("after_traffic", after_v),
            ("deploy_notify", notify_v),
        ]
        .into_iter()
        .find_map(|(key, v)| v.map(|v| (key, v.span)));
        let deploy = first.map(|(written, span)| Deploy {
            span,
            written,
            shift: shift.unwrap_or(Spanned::new(Shift::AllAtOnce, span)),
            rollback_on,
            before_traffic,
            after_traffic,
            notify,
        });
        let provisioned = p
            .take("provisioned_concurrency")
            .and_then(|v| self.provisioned(v));
        DeploySettings {
            alias,
            deploy,
            provisioned,
        }
    }

    /// A hook: the name of a function.
    fn hook(&mut self, v: &ast::Value) -> Option<Ref> {
        let path = self.expect_path(v)?;
        self.expect_ref(path, &[DeclKind::Function])
    }

    /// `all_at_once`, `canary { percent, interval }`, `linear { percent,
    /// every }`. Percentages and minutes are range-checked later.
    fn shift(&mut self, v: &ast::Value) -> Option<Spanned<Shift>> {
        const WORDS: &[&str] = &["all_at_once", "canary", "linear"];
        match &v.kind {
            ValueKind::Tagged(tag, body) if tag.name == "canary" || tag.name == "linear" => {
                let canary = tag.name == "canary";
                let what = if canary { "`canary`" } else { "`linear`" };
                let step = if canary { "interval" } else { "every" };
                let mut p = Props::new(body);
                let percent = p.take("percent").and_then(|v| self.expect_int(v));
                let minutes = p.take(step).and_then(|v| self.minutes(v));
                self.other_members(body, what);
                p.finish(self, what);
                for (key, value) in [("percent", percent.is_none()), (step, minutes.is_none())] {
                    if value && !body.iter().any(|m| matches!(&m.kind, MemberKind::Property { key: k, .. } if k.name == key)) {
                        let example = if canary {
                            "`canary { percent = 10, interval = 5m }`"
                        } else {
                            "`linear { percent = 10, every = 1m }`"
                        };
                        self.error(
                            Diagnostic::new(Code::E0107, v.span, format!("{what} has no `{key}`"))
                                .label(format!("missing `{key}`"))
                                .help(format!("write {example}")),
                        );
                    }
                }
                let percent = percent?.value.clamp(0, u32::MAX as i64) as u32;
                let minutes = minutes?;
                let shift = if canary {
                    Shift::Canary { percent, minutes }
                } else {
                    Shift::Linear { percent, minutes }
                };
                Some(Spanned::new(shift, v.span))
            }
            _ => {
                let w = self.expect_word(v, WORDS)?;
                if w != "all_at_once" {
                    let example = if w == "canary" {
                        "canary { percent = 10, interval = 5m }"
                    } else {
                        "linear { percent = 10, every = 1m }"
                    };
                    self.error(
                        Diagnostic::new(Code::E0107, v.span, format!("`{w}` needs its step"))
                            .label("how much traffic, and when")
                            .help(format!("write `deploy = {example}`")),
                    );
                    return None;
                }
                Some(Spanned::new(Shift::AllAtOnce, v.span))
            }
        }
    }

    /// A duration in whole minutes (CodeDeploy's intervals).
    fn minutes(&mut self, v: &ast::Value) -> Option<u32> {
        let s = self.expect_seconds(v)?;
        if s.value % 60 != 0 {
            self.error(
                Diagnostic::new(Code::E0201, v.span, "expected a whole number of minutes")
                    .label("CodeDeploy counts in minutes")
                    .help(format!(
                        "round to whole minutes, e.g. `{}m`",
                        (s.value / 60).max(1)
                    )),
            );
            return None;
        }
        Some((s.value / 60).min(u32::MAX as u64) as u32)
    }

    /// `provisioned_concurrency = N` or `scaled { min, max, utilization,
    /// NAME { cron, min, max, timezone } }`.
    fn provisioned(&mut self, v: &ast::Value) -> Option<Provisioned> {
        match &v.kind {
            ValueKind::Tagged(tag, body) if tag.name == "scaled" => {
                // Blocks are schedules; the properties are read as usual.
                let props: Vec<ast::Member> = body
                    .iter()
                    .filter(|m| !matches!(m.kind, MemberKind::Block { .. }))
                    .cloned()
                    .collect();
                let mut p = Props::new(&props);
                let min = p.take("min").and_then(|v| self.expect_int(v));
                let max = p.take("max").and_then(|v| self.expect_int(v));
                let utilization = p.take("utilization").and_then(|v| self.fraction(v));
                let mut schedules = Vec::new();
                for m in body {
                    if let MemberKind::Block { key, body } = &m.kind {
                        if let Some(s) = self.scheduled_scaling(key, body) {
                            schedules.push(s);
                        }
                    }
                }
                self.other_members(body, "`scaled`");
                p.finish(self, "`scaled`");
                for (key, value) in [("min", min.is_none()), ("max", max.is_none())] {
                    if value && !body.iter().any(|m| matches!(&m.kind, MemberKind::Property { key: k, .. } if k.name == key)) {
                        self.error(
                            Diagnostic::new(Code::E0107, v.span, format!("`scaled` has no `{key}`"))
                                .label(format!("missing `{key}`"))
                                .help("write `scaled { min = 2, max = 20, utilization = 0.7 }`"),
                        );
                    }
                }
                if utilization.is_none() && schedules.is_empty() && !body.iter().any(|m| matches!(&m.kind, MemberKind::Property { key: k, .. } if k.name == "utilization")) {
                    self.error(
                        Diagnostic::new(Code::E0107, v.span, "`scaled` has neither `utilization` nor a schedule")
                            .label("nothing scales it")
                            .help("add `utilization = 0.7` (target tracking) or a schedule `peak { cron = \"0 8 ? * MON-FRI *\", min = 10 }`; or write a fixed `provisioned_concurrency = N`"),
                    );
                }
                let (min, max) = (min?, max?);
                Some(Provisioned {
                    span: v.span,
                    executions: min.clone(),
                    scaling: Some(Scaling {
                        min,
                        max,
                        utilization,
                        schedules,
                    }),
                })
            }
            ValueKind::Tagged(tag, _) => {
                self.error(
                    Diagnostic::new(Code::E0202, tag.span, format!("unknown option `{}`", tag.name))
                        .label("expected a number or `scaled { ... }`")
                        .help("write `provisioned_concurrency = 5`, or `scaled { min = 2, max = 20, utilization = 0.7 }`"),
                );
                None
            }
            _ => {
                let n = self.expect_int(v)?;
                Some(Provisioned {
                    span: v.span,
                    executions: n,
                    scaling: None,
                })
            }
        }
    }

    /// A fraction: a number (range-checked later).
    fn fraction(&mut self, v: &ast::Value) -> Option<Spanned<f64>> {
        self.number_or(
            v,
            "write the fraction of provisioned concurrency to keep in use, e.g. `0.7`",
        )
    }

    /// `NAME { cron = "...", min, max, timezone }` in `scaled`.
    fn scheduled_scaling(
        &mut self,
        key: &ast::Ident,
        body: &[ast::Member],
    ) -> Option<ScheduledScaling> {
        let mut p = Props::new(body);
        let cron = p.take("cron").and_then(|v| self.expect_string(v));
        let at = p.take("at").and_then(|v| self.expect_string(v));
        let min = p.take("min").and_then(|v| self.expect_int(v));
        let max = p.take("max").and_then(|v| self.expect_int(v));
        let timezone = p.take("timezone").and_then(|v| self.expect_string(v));
        let what = format!("schedule `{}`", key.name);
        self.other_members(body, &what);
        p.finish(self, &what);
        let schedule = match (cron, at) {
            (Some(c), None) => Spanned::new(format!("cron({})", c.value.trim()), c.span),
            (None, Some(a)) => Spanned::new(format!("at({})", a.value.trim()), a.span),
            (Some(c), Some(a)) => {
                self.error(
                    Diagnostic::new(
                        Code::E0106,
                        a.span,
                        "a schedule has `cron` or `at`, not both",
                    )
                    .label("second schedule")
                    .with(c.span, "`cron` here")
                    .help("keep `cron` for a repeating change, or `at` for one at a given time"),
                );
                return None;
            }
            (None, None) => {
                self.error(
                    Diagnostic::new(Code::E0107, key.span, format!("schedule `{}` has no `cron`", key.name))
                        .label("missing `cron`")
                        .help("write `cron = \"0 8 ? * MON-FRI *\"` (the six fields), or `at = \"2026-12-24T08:00:00\"`"),
                );
                return None;
            }
        };
        if min.is_none() && max.is_none() {
            self.error(
                Diagnostic::new(
                    Code::E0107,
                    key.span,
                    format!("schedule `{}` changes nothing", key.name),
                )
                .label("neither `min` nor `max`")
                .help("add the bounds from then on, e.g. `min = 10, max = 50`"),
            );
        }
        Some(ScheduledScaling {
            name: Spanned::new(key.name.clone(), key.span),
            schedule,
            min,
            max,
            timezone,
        })
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
