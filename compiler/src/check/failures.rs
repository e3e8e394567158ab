//! Failure handling: every asynchronous hop says where its failures go
//! (W0305), and how long an event can spend in retries before it gets there
//! (its retry window, reported by `slsc check`).
//!
//! A hop is one place where AWS retries on its own: Lambda's asynchronous
//! invocation (from a rule, schedule, bucket or topic), a rule's or
//! schedule's delivery to its target, a queue's redelivery to its consumer,
//! a stream's retries of a failing batch.

use crate::diagnostics::Code;
use crate::diagnostics::Diagnostic;
use crate::model::*;
use crate::source::Span;
use schemars::JsonSchema;
use serde::Serialize;

/// Lambda keeps an asynchronous event this long by default (§1).
pub const ASYNC_MAX_AGE_S: u64 = 21_600;
/// Lambda retries a failed asynchronous invocation this often by default.
pub const ASYNC_RETRIES: i64 = 2;
/// EventBridge retries a target for this long by default (§5b).
pub const RULE_MAX_AGE_S: u64 = 86_400;
/// EventBridge's default number of retry attempts.
pub const RULE_ATTEMPTS: i64 = 185;
/// A DynamoDB stream keeps records for 24 hours.
pub const STREAM_RETENTION_S: u64 = 86_400;
/// SNS retries delivery to an AWS endpoint (SQS, Lambda) 100,015 times,
/// the last 100,000 of them 20 s apart: about 23 days.
pub const SNS_DELIVERY_S: u64 = 2_000_000;

/// Where a hop's failures end up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Sent to this destination (a queue, topic, function, bus or bucket).
    To(String),
    /// Dropped on purpose, with the spec's reason.
    Dropped(String),
    /// Lost: the spec says nothing (W0305).
    Lost,
}

/// What retries on one hop.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum RetryKind {
    /// Lambda's asynchronous invocation (`retries`, `max_event_age`).
    AsyncInvocation,
    /// A rule's delivery to a target (`retry`).
    RuleTarget,
    /// A schedule's delivery to its function (`retry`).
    ScheduleTarget,
    /// A queue redelivering to its consumer (`dead_letter ... after N receives`).
    Queue,
    /// A table stream's retries of a failing batch.
    Stream,
    /// A topic's delivery to a subscribed queue.
    Subscription,
}

impl RetryKind {
    /// What retries, in words.
    pub fn text(self) -> &'static str {
        match self {
            RetryKind::AsyncInvocation => "Lambda async invocation",
            RetryKind::RuleTarget => "EventBridge delivery",
            RetryKind::ScheduleTarget => "EventBridge Scheduler delivery",
            RetryKind::Queue => "SQS redelivery",
            RetryKind::Stream => "stream retries",
            RetryKind::Subscription => "SNS delivery",
        }
    }
}

/// One asynchronous hop and its worst-case time in retries.
#[derive(Debug, Clone)]
pub struct RetryWindow {
    /// What kind of declaration delivers: `rule`, `schedule`, `bucket`,
    /// `topic`, `queue`, or empty for a stream (whose name says it).
    pub source_kind: &'static str,
    /// Its name: `R`, or `T.stream` for a table's stream.
    pub source_name: String,
    /// The declaration it delivers to.
    pub target: String,
    /// Which mechanism retries.
    pub kind: RetryKind,
    /// The longest an event can spend in retries before it reaches
    /// `outcome`, in seconds.
    pub seconds: u64,
    /// How `seconds` follows from the settings.
    pub because: String,
    /// Where failures go.
    pub outcome: Outcome,
    /// Where the hop is written.
    pub span: Span,
}

impl RetryWindow {
    /// What delivers, as the spec says it: `rule R`, `T.stream`.
    pub fn source(&self) -> String {
        if self.source_kind.is_empty() {
            self.source_name.clone()
        } else {
            format!("{} {}", self.source_kind, self.source_name)
        }
    }

    /// What retries: e.g. "rule LargeOrders -> Fulfil".
    pub fn path(&self) -> String {
        format!("{} -> {}", self.source(), self.target)
    }
}

/// W0305 for every hop whose failures go nowhere, and E0307 for FIFO
/// destinations where AWS needs standard ones are in `wiring`.
pub fn check(model: &Model, diags: &mut Vec<Diagnostic>) {
    let mut seen: std::collections::HashSet<(Span, String)> = std::collections::HashSet::new();
    let windows = retry_windows(model);
    for w in &windows {
        if w.outcome == Outcome::Lost {
            // A rule with several targets lacks one dead-letter queue, once.
            let d = lost(model, w);
            if seen.insert((d.span, d.message.clone())) {
                diags.push(d);
            }
        }
    }
    // A schedule's two hops, by its name, so that each schedule finds its
    // own without a scan.
    let mut by_schedule: std::collections::HashMap<&str, Vec<&RetryWindow>> =
        std::collections::HashMap::new();
    for w in windows.iter().filter(|w| w.source_kind == "schedule") {
        by_schedule
            .entry(w.source_name.as_str())
            .or_default()
            .push(w);
    }
    for s in &model.schedules {
        let mine = by_schedule
            .get(s.name.as_str())
            .map_or(&[][..], |v| v.as_slice());
        overlapping_runs(s, mine, diags);
    }
    let routed: std::collections::HashSet<&str> = model
        .apis
        .iter()
        .flat_map(|a| &a.routes)
        .filter_map(|r| r.function().map(|f| f.name.as_str()))
        .collect();
    for f in model.functions.iter().filter(|f| !f.invoked_async) {
        async_settings_unused(f, routed.contains(f.name.as_str()), diags);
    }
}

/// W0328: a schedule whose runs can be retried for longer than its
/// interval. Scheduler retries a delivery that fails (a throttled invoke),
/// and Lambda keeps an event it cannot run (throttled) or that failed for
/// up to `max_event_age`: either way a late run can overlap the runs that
/// follow it.
fn overlapping_runs(s: &Schedule, windows: &[&RetryWindow], diags: &mut Vec<Diagnostic>) {
    let Some(interval) = s.kind.interval() else {
        return;
    };
    let mine = |kind: RetryKind| windows.iter().copied().find(|w| w.kind == kind);
    let (Some(delivery), invocation) = (
        mine(RetryKind::ScheduleTarget),
        mine(RetryKind::AsyncInvocation),
    ) else {
        return;
    };
    let longest = match invocation {
        Some(i) if i.seconds > delivery.seconds => i,
        _ => delivery,
    };
    if interval == 0 || longest.seconds <= interval {
        return;
    }
    let overlapped = longest.seconds.div_ceil(interval) - 1;
    let (span, fix) = if longest.kind == RetryKind::ScheduleTarget {
        (
            s.retry.max_age.as_ref().map_or(s.span, |a| a.span),
            format!(
                "set `retry {{ max_age = {} }}` on schedule `{}` (at most its interval)",
                duration(interval.max(60)),
                s.name
            ),
        )
    } else {
        (
            s.span,
            format!(
                "set `max_event_age = {}` on function `{}` (at most the schedule's interval)",
                duration(interval.clamp(60, ASYNC_MAX_AGE_S)),
                s.target.name
            ),
        )
    };
    let mut also = String::new();
    if let Some(i) =
        invocation.filter(|i| i.seconds > interval && longest.kind == RetryKind::ScheduleTarget)
    {
        also = format!(
            ", and `max_event_age = {}` on function `{}`",
            duration(interval.clamp(60, ASYNC_MAX_AGE_S)),
            i.target
        );
    }
    diags.push(
        Diagnostic::new(
            Code::W0328,
            span,
            format!(
                "schedule `{}` runs every {}, but a throttled or failed run may still start up to {} later, over the next {overlapped} {}",
                s.name,
                duration(interval),
                duration(longest.seconds),
                if overlapped == 1 { "run" } else { "runs" }
            ),
        )
        .label(format!("{}: {}", longest.kind.text(), longest.because))
        .help(format!("{fix}{also}")),
    );
}

/// W0329: asynchronous-invocation settings on a function that nothing in
/// the app invokes asynchronously; they do nothing, so they are neither
/// emitted nor granted.
fn async_settings_unused(f: &Function, routed: bool, diags: &mut Vec<Diagnostic>) {
    let mut set: Vec<(Span, &str)> = Vec::new();
    if let Some(r) = &f.retries {
        set.push((r.span, "retries"));
    }
    if let Some(a) = &f.max_event_age {
        set.push((a.span, "max_event_age"));
    }
    if let Some(d) = &f.on_failure {
        set.push((d.span, "on_failure"));
    } else if let Some(d) = &f.drops_failures {
        set.push((d.span, "on_failure"));
    }
    if let Some(d) = &f.on_success {
        set.push((d.span, "on_success"));
    }
    set.sort_by_key(|(span, _)| span.start);
    let Some(&(first, _)) = set.first() else {
        return;
    };
    let names: Vec<String> = set.iter().map(|(_, n)| format!("`{n}`")).collect();
    let mut d = Diagnostic::new(
        Code::W0329,
        first,
        format!(
            "nothing in the app invokes `{}` asynchronously, so {} {} nothing",
            f.name,
            names.join(", "),
            if names.len() == 1 { "does" } else { "do" }
        ),
    )
    .label("applies to asynchronous invocations only: not emitted, not granted");
    for (span, name) in set.iter().skip(1) {
        d = d.with(*span, format!("`{name}`"));
    }
    // Where this function's failures do go.
    let mut instead = Vec::new();
    for t in &f.triggers {
        match t {
            Trigger::Queue { queue, .. } => instead.push(format!(
                "failed messages of `{}` go to its `dead_letter`",
                queue.name
            )),
            Trigger::Stream { source, .. } => instead.push(format!(
                "failed records of `{}` go to the trigger's `on_failure`",
                source.name
            )),
            _ => {}
        }
    }
    if routed {
        instead.push("API callers get its errors directly".to_string());
    }
    let instead = if instead.is_empty() {
        String::new()
    } else {
        format!(" ({})", instead.join("; "))
    };
    diags.push(d.help(format!(
        "remove {}{instead}; they take effect once a rule, schedule, bucket, topic or destination invokes `{}`, or with `external = true` if something outside the app invokes it asynchronously",
        names.join(", "),
        f.name
    )));
}

/// The W0305 of a hop without a destination.
fn lost(model: &Model, w: &RetryWindow) -> Diagnostic {
    let drop_hint = "drop { reason = \"...\" }";
    match w.kind {
        RetryKind::AsyncInvocation => {
            let f = &w.target;
            let mut d = Diagnostic::new(
                Code::W0305,
                w.span,
                format!(
                    "`{f}` is invoked asynchronously by {}, and its failures go nowhere",
                    w.source()
                ),
            )
            .label("failed events are dropped after retries")
            .help(format!(
                "add `on_failure = SomeQueue` to function `{f}`, or `on_failure = {drop_hint}` if losing them is acceptable"
            ));
            if let Some(func) = model.function(f) {
                d = d.with(func.span, "no `on_failure` here");
            }
            d
        }
        RetryKind::RuleTarget | RetryKind::ScheduleTarget => {
            let (what, name) = (w.source_kind, &w.source_name);
            Diagnostic::new(
                Code::W0305,
                w.span,
                format!("{what} `{name}` has no dead-letter queue, so events it cannot deliver are dropped"),
            )
            .label("deliveries that fail every retry go nowhere")
            .help(format!(
                "add `dead_letter = SomeQueue` to {what} `{name}`, or `dead_letter = {drop_hint}`"
            ))
        }
        RetryKind::Queue
            if model
                .queue(&w.source_name)
                .is_some_and(|q| q.dead_letter.is_some()) =>
        {
            let name = &w.source_name;
            Diagnostic::new(
                Code::W0305,
                w.span,
                format!("messages that keep failing in queue `{name}` expire before they reach its dead-letter queue"),
            )
            .label(w.because.clone())
            .help(format!(
                "raise `retention` of `{name}`, or move messages sooner with `after N receives` (fewer receives)"
            ))
        }
        RetryKind::Queue => {
            let name = &w.source_name;
            Diagnostic::new(
                Code::W0305,
                w.span,
                format!("messages that keep failing in queue `{name}` are lost when they expire"),
            )
            .label("no dead-letter queue")
            .help(format!(
                "add `dead_letter = SomeDlq after 5 receives` to `{name}`, or `dead_letter = {drop_hint}`"
            ))
        }
        RetryKind::Subscription => Diagnostic::new(
            Code::W0305,
            w.span,
            format!(
                "messages that topic `{}` cannot deliver to `{}` are dropped",
                w.source_name, w.target
            ),
        )
        .label("this subscription has no dead-letter queue")
        .help(if model.function(&w.target).is_some() {
            format!(
                "write `on {} {{ dead_letter = SomeQueue }}`, or `dead_letter = {drop_hint}`",
                w.source_name
            )
        } else {
            format!(
                "write `subscribe {} {{ dead_letter = SomeQueue }}`, or `dead_letter = {drop_hint}`",
                w.target
            )
        }),
        RetryKind::Stream if blocks_shard(model, w) => Diagnostic::new(
            Code::W0305,
            w.span,
            format!(
                "a failing batch of `{}` blocks its shard until its records expire, then they are lost",
                w.source_name
            ),
        )
        .label(format!(
            "retried until the records expire: no later record of the shard is processed meanwhile ({})",
            w.because
        ))
        .help(format!(
            "add `retries = 3` (or `max_age = 1h`) and `on_failure = SomeQueue` to the trigger's settings, or `on_failure = {drop_hint}`"
        )),
        RetryKind::Stream => Diagnostic::new(
            Code::W0305,
            w.span,
            format!(
                "records of `{}` that fail every retry are skipped and lost",
                w.source_name
            ),
        )
        .label("no `on_failure` on this trigger")
        .help(format!(
            "add `on_failure = SomeQueue` to the trigger's settings, or `on_failure = {drop_hint}`"
        )),
    }
}

/// Whether a stream hop retries a failing batch until its records expire
/// (no `retries` and no `max_age`, or both -1): the shard stops meanwhile.
fn blocks_shard(model: &Model, w: &RetryWindow) -> bool {
    let Some(f) = model.function(&w.target) else {
        return false;
    };
    f.triggers.iter().any(|t| match t {
        Trigger::Stream {
            retries,
            max_age,
            span,
            ..
        } => {
            *span == w.span
                && retries.as_ref().is_none_or(|r| r.value < 0)
                && max_age.as_ref().is_none_or(|a| a.value < 0)
        }
        _ => false,
    })
}

/// Every asynchronous hop of the model, in source order of what retries.
pub fn retry_windows(model: &Model) -> Vec<RetryWindow> {
    let mut out = Vec::new();
    for r in &model.rules {
        for t in &r.targets {
            out.push(delivery(
                ("rule", &r.name),
                &t.name,
                RetryKind::RuleTarget,
                &r.retry,
                &r.dead_letter,
                &r.drops_failures,
                r.span,
            ));
            if t.kind == crate::ast::DeclKind::Function {
                out.extend(invocation(model, ("rule", &r.name), t));
            }
        }
    }
    for s in &model.schedules {
        out.push(delivery(
            ("schedule", &s.name),
            &s.target.name,
            RetryKind::ScheduleTarget,
            &s.retry,
            &s.dead_letter,
            &s.drops_failures,
            s.span,
        ));
        out.extend(invocation(model, ("schedule", &s.name), &s.target));
    }
    for tp in &model.topics {
        for sub in &tp.subscriptions {
            out.push(sns_delivery(
                &tp.name,
                &sub.queue.name,
                sub.dead_letter.as_ref(),
                &sub.drops_failures,
                sub.queue.span,
            ));
        }
    }
    for f in &model.functions {
        // A function named as another's destination is invoked
        // asynchronously by Lambda, with its own retries and failures.
        for d in f.destinations() {
            if d.to.kind == crate::ast::DeclKind::Function
                && d.kind != DestinationKind::StreamFailure
            {
                out.extend(invocation(model, ("function", &f.name), d.to));
            }
        }
        for t in &f.triggers {
            match t {
                Trigger::Bucket { bucket, .. } => {
                    let via = Ref {
                        kind: crate::ast::DeclKind::Function,
                        name: f.name.clone(),
                        span: bucket.span,
                    };
                    out.extend(invocation(model, ("bucket", &bucket.name), &via));
                }
                Trigger::Topic {
                    topic,
                    dead_letter,
                    drops_failures,
                    ..
                } => {
                    out.push(sns_delivery(
                        &topic.name,
                        &f.name,
                        dead_letter.as_ref(),
                        drops_failures,
                        topic.span,
                    ));
                    let via = Ref {
                        kind: crate::ast::DeclKind::Function,
                        name: f.name.clone(),
                        span: topic.span,
                    };
                    out.extend(invocation(model, ("topic", &topic.name), &via));
                }
                Trigger::Queue { queue, window, .. } => {
                    // A queue given by `arn` (E0103 here) has its owner's
                    // redrive policy.
                    if let Some(q) = model.queue(&queue.name).filter(|q| q.arn.is_none()) {
                        out.push(queue_hop(q, f, window.as_ref().map_or(0, |w| w.value)));
                    }
                }
                Trigger::Stream {
                    source: table,
                    retries,
                    bisect,
                    max_age,
                    on_failure,
                    drops_failures,
                    span,
                    ..
                } => {
                    // A Kinesis stream keeps records as long as its retention.
                    let (retention, source_name) = match model.stream(&table.name) {
                        Some(s) => (s.retention.value, table.name.clone()),
                        None => (STREAM_RETENTION_S, format!("{}.stream", table.name)),
                    };
                    let limit = match max_age {
                        Some(a) if a.value >= 0 => (a.value as u64).min(retention),
                        _ => retention,
                    };
                    let limit_text = match max_age {
                        Some(a) if a.value >= 0 && (a.value as u64) <= retention => {
                            format!("`max_age` {}", duration(limit))
                        }
                        _ => format!("the stream's {} retention", duration(retention)),
                    };
                    // A finite number of retries of a batch that each take up
                    // to the function's timeout ends sooner; bisecting splits
                    // the batch and retries each half, so only the age bounds it.
                    let (seconds, because) = match retries {
                        Some(r) if r.value >= 0 && !*bisect => {
                            let by_retries = (r.value as u64 + 1) * f.timeout.value;
                            if by_retries < limit {
                                (
                                    by_retries,
                                    format!(
                                        "{} attempts of up to {} each (`timeout`)",
                                        r.value + 1,
                                        duration(f.timeout.value)
                                    ),
                                )
                            } else {
                                (limit, format!("retried until {limit_text}"))
                            }
                        }
                        _ => (limit, format!("retried until {limit_text}")),
                    };
                    out.push(RetryWindow {
                        source_kind: "",
                        source_name,
                        target: f.name.clone(),
                        kind: RetryKind::Stream,
                        seconds,
                        because,
                        outcome: outcome(on_failure.as_ref(), drops_failures),
                        span: *span,
                    });
                }
            }
        }
    }
    // Source order, whatever the kind of hop.
    out.sort_by_key(|w| (w.span.file, w.span.start));
    out
}

/// A topic's delivery to a subscribed queue or function.
fn sns_delivery(
    topic: &str,
    target: &str,
    dead_letter: Option<&Ref>,
    dropped: &Option<Spanned<String>>,
    span: Span,
) -> RetryWindow {
    RetryWindow {
        source_kind: "topic",
        source_name: topic.to_string(),
        target: target.to_string(),
        kind: RetryKind::Subscription,
        seconds: SNS_DELIVERY_S,
        because: "SNS's delivery policy for AWS endpoints: 100,015 attempts over about 23 days"
            .into(),
        outcome: outcome(dead_letter, dropped),
        span,
    }
}

/// A rule's or schedule's delivery to one target.
fn delivery(
    (source_kind, source_name): (&'static str, &str),
    target: &str,
    kind: RetryKind,
    retry: &RetryPolicy,
    dead_letter: &Option<Ref>,
    dropped: &Option<Spanned<String>>,
    span: Span,
) -> RetryWindow {
    let age = retry.max_age.as_ref().map_or(RULE_MAX_AGE_S, |a| a.value);
    let attempts = retry.attempts.as_ref().map_or(RULE_ATTEMPTS, |a| a.value);
    let (seconds, because) = if attempts == 0 {
        (0, "no retries (`attempts = 0`)".to_string())
    } else {
        let default = if retry.max_age.is_none() {
            ", EventBridge's default"
        } else {
            ""
        };
        (
            age,
            format!(
                "up to {attempts} retries within `max_age` {}{default}",
                duration(age)
            ),
        )
    };
    RetryWindow {
        source_kind,
        source_name: source_name.to_string(),
        target: target.to_string(),
        kind,
        seconds,
        because,
        outcome: outcome(dead_letter.as_ref(), dropped),
        span,
    }
}

/// Lambda's asynchronous invocation of `target` by a rule, schedule,
/// bucket or topic.
fn invocation(
    model: &Model,
    (source_kind, source_name): (&'static str, &str),
    target: &Ref,
) -> Option<RetryWindow> {
    let f = model.function(&target.name)?;
    let age = f
        .max_event_age
        .as_ref()
        .map_or(ASYNC_MAX_AGE_S, |a| a.value);
    let retries = f.retries.as_ref().map_or(ASYNC_RETRIES, |r| r.value);
    Some(RetryWindow {
        source_kind,
        source_name: source_name.to_string(),
        target: f.name.clone(),
        kind: RetryKind::AsyncInvocation,
        seconds: age,
        because: format!(
            "{retries} {}, the event kept up to `max_event_age` {}{}",
            if retries == 1 { "retry" } else { "retries" },
            duration(age),
            if f.max_event_age.is_none() {
                ", Lambda's default"
            } else {
                ""
            }
        ),
        outcome: outcome(f.on_failure.as_ref(), &f.drops_failures),
        span: target.span,
    })
}

/// A queue's redelivery to a consumer: each receive hides the message for
/// the visibility timeout, until the receive count moves it to the
/// dead-letter queue or it expires.
fn queue_hop(q: &Queue, f: &Function, window: u32) -> RetryWindow {
    let per_receive = q.visibility.value + window as u64;
    let (seconds, because, outcome) = match &q.dead_letter {
        Some((dlq, n)) => {
            let by_receives = n.value.max(0) as u64 * per_receive;
            if by_receives < q.retention.value {
                (
                    by_receives,
                    format!(
                        "{} {} of up to {} each: visibility timeout{}",
                        n.value,
                        if n.value == 1 { "receive" } else { "receives" },
                        duration(per_receive),
                        if window > 0 { " + batching window" } else { "" }
                    ),
                    Outcome::To(dlq.name.clone()),
                )
            } else {
                // The message expires before its last receive: SQS deletes
                // it, it never reaches the dead-letter queue.
                (
                    q.retention.value,
                    format!(
                        "`retention` {} ends before {} {} of up to {} each",
                        duration(q.retention.value),
                        n.value,
                        if n.value == 1 { "receive" } else { "receives" },
                        duration(per_receive)
                    ),
                    Outcome::Lost,
                )
            }
        }
        None => (
            q.retention.value,
            format!(
                "redelivered until `retention` {} ends",
                duration(q.retention.value)
            ),
            match &q.drops_failures {
                Some(r) => Outcome::Dropped(r.value.clone()),
                None => Outcome::Lost,
            },
        ),
    };
    RetryWindow {
        source_kind: "queue",
        source_name: q.name.clone(),
        target: f.name.clone(),
        kind: RetryKind::Queue,
        seconds,
        because,
        outcome,
        span: q.span,
    }
}

fn outcome(to: Option<&Ref>, dropped: &Option<Spanned<String>>) -> Outcome {
    match (to, dropped) {
        (Some(r), _) => Outcome::To(r.name.clone()),
        (None, Some(reason)) => Outcome::Dropped(reason.value.clone()),
        (None, None) => Outcome::Lost,
    }
}

/// `90` → "1m30s", `86400` → "24h", as durations are written in specs.
pub fn duration(seconds: u64) -> String {
    if seconds == 0 {
        return "0s".into();
    }
    let mut out = String::new();
    let mut rest = seconds;
    for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] {
        // Days when whole or many: 36h reads better than 1d12h.
        if unit == "d" && rest % size != 0 && rest < 2 * size {
            continue;
        }
        if rest >= size {
            out.push_str(&format!("{}{unit}", rest / size));
            rest %= size;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::duration;

    #[test]
    fn durations_read_as_written() {
        assert_eq!(duration(90), "1m30s");
        assert_eq!(duration(86_400), "1d");
        assert_eq!(duration(129_600), "36h");
        assert_eq!(duration(21_600), "6h");
        assert_eq!(duration(300), "5m");
        assert_eq!(duration(2_000_000), "23d3h33m20s");
    }
}
