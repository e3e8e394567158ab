//! Safe deploys: alarms, aliases, traffic shifting and provisioned
//! concurrency.
//!
//! - E0240: an alarm period CloudWatch does not take (10 s, 30 s or a
//!   multiple of 60 s), or an evaluation window longer than a day.
//! - E0241: a setting that works on an alias (`provisioned_concurrency`,
//!   `deploy`, `rollback_on`, hooks, `deploy_notify`) on a function without
//!   one.
//! - E0242: provisioned concurrency above the function's reserved
//!   concurrency.
//! - W0243: a canary or linear deploy without an alarm to roll back on.
//! - W0244: a hook function that is itself traffic-shifted.
//! - W0245: a rollback alarm that watches another function.
//! - E0246: a percentile of a metric that counts events.
//! - E0203: values outside AWS's limits (percentages, minutes, bounds).

use crate::diagnostics::{Code, Diagnostic};
use crate::model::*;
use crate::source::Span;

/// The longest an alarm may evaluate: periods times evaluation periods.
const MAX_WINDOW: u64 = 86_400;

/// Runs the checks, with the account's concurrency quota.
pub fn check(model: &Model, quota: u64, diags: &mut Vec<Diagnostic>) {
    for a in &model.alarms {
        alarm(a, diags);
    }
    for f in &model.functions {
        function(model, f, quota, diags);
    }
}

fn range(diags: &mut Vec<Diagnostic>, what: &str, value: i64, span: Span, min: i64, max: i64) {
    if value < min || value > max {
        diags.push(
            Diagnostic::new(
                Code::E0203,
                span,
                format!("{what} must be between {min} and {max}, found {value}"),
            )
            .label("outside AWS limits")
            .help(format!("set {what} to a value from {min} to {max}")),
        );
    }
}

fn alarm(a: &Alarm, diags: &mut Vec<Diagnostic>) {
    let p = a.period.value;
    if !(p == 10 || p == 30 || (p >= 60 && p % 60 == 0)) {
        let up = if p < 10 {
            10
        } else if p < 30 {
            30
        } else {
            p.div_ceil(60) * 60
        };
        diags.push(
            Diagnostic::new(
                Code::E0240,
                a.period.span,
                format!("alarm `{}` has a period of {p} s", a.name),
            )
            .label("CloudWatch takes 10 s, 30 s or a multiple of 60 s")
            .help(format!(
                "set `period = {}`",
                if up % 60 == 0 {
                    format!("{}m", up / 60)
                } else {
                    format!("{up}s")
                }
            )),
        );
    } else if p * a.evaluation_periods.value > MAX_WINDOW {
        diags.push(
            Diagnostic::new(
                Code::E0240,
                a.evaluation_periods.span,
                format!(
                    "alarm `{}` evaluates {} periods of {p} s, more than a day",
                    a.name, a.evaluation_periods.value
                ),
            )
            .label("CloudWatch evaluates at most one day")
            .with(a.period.span, "the period")
            .help(format!(
                "use at most {} evaluation periods, or a longer period",
                MAX_WINDOW / p
            )),
        );
    }
    range(
        diags,
        "`evaluation_periods`",
        a.evaluation_periods.value as i64,
        a.evaluation_periods.span,
        1,
        (MAX_WINDOW / 10) as i64,
    );
    if let Some(d) = &a.datapoints {
        range(
            diags,
            "`datapoints`",
            d.value as i64,
            d.span,
            1,
            a.evaluation_periods.value.max(1) as i64,
        );
    }
    if a.threshold.value < 0.0 {
        diags.push(
            Diagnostic::new(
                Code::E0203,
                a.threshold.span,
                format!("alarm `{}` has a negative threshold", a.name),
            )
            .label("Lambda's metrics are never negative")
            .help("set `threshold` to 0 or more"),
        );
    }
    if a.metric.value == Metric::ProvisionedUtilization && a.threshold.value > 1.0 {
        diags.push(
            Diagnostic::new(
                Code::E0203,
                a.threshold.span,
                format!(
                    "alarm `{}` watches a fraction but its threshold is {}",
                    a.name, a.threshold.value
                ),
            )
            .label("`provisioned_utilization` goes from 0 to 1")
            .help("write the fraction, e.g. `threshold = 0.8` for 80%"),
        );
    }
    if let Statistic::Percentile(p) = &a.statistic.value {
        if a.metric.value.is_count() {
            diags.push(
                Diagnostic::new(
                    Code::E0246,
                    a.statistic.span,
                    format!("`{p}` of `{}` says nothing", a.metric.value.word()),
                )
                .label("a percentile of a count")
                .with(a.metric.span, "this metric counts events per period")
                .help("use `statistic = sum` (the default for counts), or watch `duration` for percentiles"),
            );
        }
    }
}

fn function(model: &Model, f: &Function, quota: u64, diags: &mut Vec<Diagnostic>) {
    let has_alias = f.alias_name().is_some();
    if !has_alias {
        let mut needs = Vec::new();
        if let Some(p) = &f.provisioned {
            needs.push(("provisioned_concurrency", p.span));
        }
        if let Some(d) = &f.deploy {
            needs.push((d.written, d.span));
        }
        for (what, span) in needs {
            diags.push(
                Diagnostic::new(
                    Code::E0241,
                    span,
                    format!("function `{}` has `{what}` but no alias", f.name),
                )
                .label("works on a published version behind an alias")
                .with(f.span, "no `alias`")
                .help(format!(
                    "add `alias = live` to `{}`: what invokes it then invokes the alias",
                    f.name
                )),
            );
        }
    }
    if let Some(p) = &f.provisioned {
        provisioned(f, p, quota, diags);
    }
    if let Some(d) = &f.deploy {
        deploy(model, f, d, diags);
    }
}

fn provisioned(f: &Function, p: &Provisioned, quota: u64, diags: &mut Vec<Diagnostic>) {
    let max = quota.saturating_sub(super::concurrency::UNRESERVED_MINIMUM) as i64;
    match &p.scaling {
        None => range(
            diags,
            "`provisioned_concurrency`",
            p.executions.value,
            p.executions.span,
            1,
            max,
        ),
        Some(s) => {
            range(diags, "`min`", s.min.value, s.min.span, 1, max);
            range(diags, "`max`", s.max.value, s.max.span, 1, max);
            if s.min.value > s.max.value {
                diags.push(
                    Diagnostic::new(
                        Code::E0203,
                        s.min.span,
                        format!("`min` ({}) is above `max` ({})", s.min.value, s.max.value),
                    )
                    .label("the fewest instances")
                    .with(s.max.span, "the most")
                    .help("set `min` at most `max`"),
                );
            }
            if let Some(u) = &s.utilization {
                if !(u.value > 0.0 && u.value <= 1.0) {
                    diags.push(
                        Diagnostic::new(
                            Code::E0203,
                            u.span,
                            format!(
                                "`utilization` must be above 0 and at most 1, found {}",
                                u.value
                            ),
                        )
                        .label("a fraction of the provisioned instances in use")
                        .help("write e.g. `utilization = 0.7` to keep 70% in use"),
                    );
                }
            }
            for x in &s.schedules {
                for b in [&x.min, &x.max].into_iter().flatten() {
                    range(diags, "a scheduled bound", b.value, b.span, 0, max);
                }
                if let (Some(lo), Some(hi)) = (&x.min, &x.max) {
                    if lo.value > hi.value {
                        diags.push(
                            Diagnostic::new(
                                Code::E0203,
                                lo.span,
                                format!(
                                    "schedule `{}` sets `min` ({}) above `max` ({})",
                                    x.name.value, lo.value, hi.value
                                ),
                            )
                            .label("the fewest instances")
                            .with(hi.span, "the most")
                            .help("set `min` at most `max`"),
                        );
                    }
                }
            }
        }
    }
    if let Some(reserved) = &f.concurrency {
        let most = p.most();
        if most.value > reserved.value {
            diags.push(
                Diagnostic::new(
                    Code::E0242,
                    most.span,
                    format!(
                        "function `{}` keeps up to {} provisioned instances but reserves only {}",
                        f.name, most.value, reserved.value
                    ),
                )
                .label("provisioned concurrency")
                .with(reserved.span, "reserved concurrency")
                .help(format!(
                    "raise `concurrency` to at least {}, or provision at most {}",
                    most.value, reserved.value
                )),
            );
        }
    }
}

fn deploy(model: &Model, f: &Function, d: &Deploy, diags: &mut Vec<Diagnostic>) {
    match d.shift.value {
        Shift::Canary { percent, minutes } | Shift::Linear { percent, minutes } => {
            let step = if matches!(d.shift.value, Shift::Canary { .. }) {
                "`interval`"
            } else {
                "`every`"
            };
            range(diags, "`percent`", percent as i64, d.shift.span, 1, 99);
            // CodeDeploy's console and API accept up to 2,880 minutes (two
            // days) between steps.
            range(diags, step, minutes as i64, d.shift.span, 1, 2_880);
            if d.rollback_on.is_empty()
                && f.alias_name().is_some()
                && crate::observe::rollback_ids(model, f).is_empty()
            {
                diags.push(
                    Diagnostic::new(
                        Code::W0243,
                        d.shift.span,
                        format!("`{}` shifts traffic gradually with nothing to roll back on", f.name),
                    )
                    .label("no alarm stops this deployment")
                    .help("add `slo { p99 = 800ms, errors = 1% }` to the function, or `rollback_on = [SomeAlarm]` with an `alarm` on its errors, or `deploy = all_at_once`"),
                );
            }
        }
        Shift::AllAtOnce => {}
    }
    for (hook, r) in d.hooks() {
        let Some(h) = model.function(&r.name) else {
            continue;
        };
        if h.alias.is_some() || h.deploy.is_some() {
            let what = if h.name == f.name {
                "its own deployment's hook".to_string()
            } else {
                format!("a hook of `{}`'s deployment", f.name)
            };
            diags.push(
                Diagnostic::new(
                    Code::W0244,
                    r.span,
                    format!("`{}` is {what} but is itself traffic-shifted", h.name),
                )
                .label(format!("{hook} hook"))
                .with(h.span, "has an alias or a deploy of its own")
                .help(format!(
                    "remove `alias` and `deploy` from `{}`: CodeDeploy invokes a hook by its name ($LATEST), and a hook that is deployed gradually may test with the old code",
                    h.name
                )),
            );
        }
    }
    for a in &d.rollback_on {
        let Some(alarm) = model.alarm(&a.name) else {
            continue;
        };
        if !alarm.function.name.is_empty() && alarm.function.name != f.name {
            diags.push(
                Diagnostic::new(
                    Code::W0245,
                    a.span,
                    format!(
                        "`{}` rolls back on `{}`, which watches `{}`",
                        f.name, alarm.name, alarm.function.name
                    ),
                )
                .label("an alarm on another function")
                .with(alarm.function.span, "what it watches")
                .help(format!(
                    "watch `{}`'s own alias (`metric = {}.errors`), or keep the alarm and suppress this warning if the other function's health depends on this one",
                    f.name, f.name
                )),
            );
        }
    }
}
