//! Checks across declarations: how queues, functions, rules and APIs are
//! wired together.

use crate::ast::DeclKind;
use crate::diagnostics::Code;
use crate::diagnostics::Diagnostic;
use crate::model::*;

/// HTTP API integration timeout (§6): 30 s, not adjustable.
pub const HTTP_API_TIMEOUT_S: u64 = 30;

/// REST API integration timeout (§6): 29 s by default.
pub const REST_API_TIMEOUT_S: u64 = 29;

/// Runs every wiring check.
pub fn check(model: &Model, diags: &mut Vec<Diagnostic>) {
    state_machine_indexes(model, diags);
    // Rules are created on a bus of this account and region.
    for r in &model.rules {
        let Some(on) = &r.bus else { continue };
        if let Some(arn) = model.bus(&on.name).and_then(|b| b.arn.as_ref()) {
            diags.push(
                Diagnostic::new(Code::E0103, on.span, format!("bus `{}` is outside the stack: a rule cannot listen on it", on.name))
                    .label("a bus given by `arn`")
                    .with(arn.span, "its ARN")
                    .help("listen on a bus of this stack (or `default`), and have the bus's owner forward events to it with a rule of theirs"),
            );
        }
    }
    // A topic outside the stack takes no policy from it: only its owner can
    // let EventBridge publish.
    for r in &model.rules {
        for target in &r.targets {
            if let Some(arn) = model
                .topic(&target.name)
                .filter(|_| target.kind == DeclKind::Topic)
                .and_then(|t| t.arn.as_ref())
            {
                diags.push(
                    Diagnostic::new(Code::E0103, target.span, format!("topic `{}` is outside the stack: a rule of this stack cannot publish to it", target.name))
                        .label("a topic given by `arn`")
                        .with(arn.span, "its ARN")
                        .help("send to a topic of this stack, or to a function that publishes to the topic (`publishes to`)"),
                );
            }
        }
    }
    outside_queues(model, diags);
    outside_in_resources(model, diags);
    for tp in &model.topics {
        if let Some(arn) = &tp.arn {
            // A parameter's ARN is CloudFormation's to judge.
            if let Some(why) = topic_arn_problem(&arn.value).filter(|_| !arn.value.contains("${")) {
                diags.push(
                    Diagnostic::new(
                        Code::E0201,
                        arn.span,
                        format!("\"{}\" is not an SNS topic ARN: {why}", arn.value),
                    )
                    .label("not an SNS topic ARN")
                    .help("write `arn = \"arn:aws:sns:REGION:ACCOUNT:NAME\"`"),
                );
            }
        }
    }
    for b in &model.buses {
        if let Some(arn) = &b.arn {
            if let Some(why) = bus_arn_problem(&arn.value).filter(|_| !arn.value.contains("${")) {
                diags.push(
                    Diagnostic::new(
                        Code::E0201,
                        arn.span,
                        format!("\"{}\" is not an event bus ARN: {why}", arn.value),
                    )
                    .label("not an event bus ARN")
                    .help("write `arn = \"arn:aws:events:REGION:ACCOUNT:event-bus/NAME\"`"),
                );
            }
        }
    }
    // FIFO topics deliver only to SQS queues: no email, SMS or HTTPS.
    for tp in model.topics.iter().filter(|t| t.fifo) {
        if let Some(e) = tp.endpoints.first() {
            diags.push(
                Diagnostic::new(Code::E0307, e.address.span, format!("FIFO topic `{}` cannot deliver to {} subscribers", tp.name, e.protocol.word()))
                    .label("FIFO topics deliver only to SQS queues")
                    .with(tp.span, "a FIFO topic")
                    .help(format!("deliver to people and endpoints from a standard topic: `{}` without `fifo = true`, or a second topic", tp.name)),
            );
        }
    }
    for f in &model.functions {
        for (_, value) in &f.env {
            if let EnvValue::Attr(r, Attr::StreamArn) = value {
                if let Some(tb) = model.table(&r.name).filter(|t| t.stream.is_none()) {
                    diags.push(
                        Diagnostic::new(
                            Code::E0306,
                            r.span,
                            format!("table `{}` has no stream, so no stream ARN", tb.name),
                        )
                        .label("no stream")
                        .with(tb.span, "declared here")
                        .help(format!(
                            "add `stream = new_and_old_images` (or another view) to `{}`",
                            tb.name
                        )),
                    );
                }
            }
        }
        for t in &f.triggers {
            trigger(model, f, t, diags);
        }
        for d in f.written_destinations() {
            let role = match d.kind {
                DestinationKind::OnSuccess => "an on-success destination",
                _ => "an on-failure destination",
            };
            standard_only(model, d.to, role, diags);
        }
    }
    for q in &model.queues {
        if let Some((dlq_ref, _)) = &q.dead_letter {
            if let Some(dlq) = model.queue(&dlq_ref.name) {
                dlq_retention(q, dlq, dlq_ref, diags);
                other_kind(
                    q.fifo,
                    &format!("queue `{}`", q.name),
                    "a dead-letter queue must be of the same kind",
                    dlq,
                    dlq_ref,
                    diags,
                );
            }
        }
    }
    for q in &model.queues {
        fifo_only(
            "content_dedup",
            q.fifo,
            &q.content_dedup,
            "queue",
            &q.name,
            diags,
        );
        fifo_only(
            "high_throughput",
            q.fifo,
            &q.high_throughput,
            "queue",
            &q.name,
            diags,
        );
    }
    for tp in &model.topics {
        fifo_only(
            "content_dedup",
            tp.fifo,
            &tp.content_dedup,
            "topic",
            &tp.name,
            diags,
        );
        fifo_only(
            "high_throughput",
            tp.fifo,
            &tp.high_throughput,
            "topic",
            &tp.name,
            diags,
        );
    }
    redrive_sources(model, diags);
    overlapping_notifications(model, diags);
    for tp in &model.topics {
        for s in &tp.subscriptions {
            subscription_dlq(model, tp, s.dead_letter.as_ref(), diags);
        }
        for q in tp.subscriptions.iter().map(|s| &s.queue) {
            if !tp.fifo && model.queue(&q.name).is_some_and(|q| q.fifo) {
                diags.push(
                    Diagnostic::new(
                        Code::E0307,
                        q.span,
                        format!(
                            "standard topic `{}` cannot deliver to FIFO queue `{}`",
                            tp.name, q.name
                        ),
                    )
                    .label("a FIFO queue accepts messages only from a FIFO topic")
                    .help(format!(
                        "make `{}` a FIFO topic (`fifo = true`), or subscribe a standard queue",
                        tp.name
                    )),
                );
            }
        }
    }
    for r in &model.rules {
        if r.targets.len() > 5 {
            diags.push(
                Diagnostic::new(Code::E0308, r.span, format!("rule `{}` has {} targets; EventBridge allows 5", r.name, r.targets.len()))
                    .label("too many targets")
                    .help("split the targets over two rules with the same `match`, or fan out through a topic"),
            );
        }
        if let Some(dlq) = &r.dead_letter {
            standard_only(model, dlq, "a rule's dead-letter queue", diags);
        }
        for t in &r.targets {
            fifo_rule_target(model, r, t, diags);
        }
    }
    for s in &model.schedules {
        if let Some(dlq) = &s.dead_letter {
            standard_only(model, dlq, "a schedule's dead-letter queue", diags);
        }
    }
    for a in &model.apis {
        for route in &a.routes {
            // A direct integration waits for the service's answer, which
            // comes well within the 29 s API Gateway allows.
            let Some(target) = route.function() else {
                continue;
            };
            let Some(f) = model.function(&target.name) else {
                continue;
            };
            let (limit, kind) = if a.rest {
                (REST_API_TIMEOUT_S, "a REST API")
            } else {
                (HTTP_API_TIMEOUT_S, "an HTTP API")
            };
            if f.timeout.value > limit {
                diags.push(
                    Diagnostic::new(
                        Code::E0304,
                        target.span,
                        format!(
                            "`{}` may run {} s, but {kind} gives up after {limit} s",
                            f.name, f.timeout.value
                        ),
                    )
                    .label("the caller gets a 503 while the function keeps running")
                    .with(f.timeout.span, format!("timeout is {} s", f.timeout.value))
                    .help(format!(
                        "lower `{}`'s timeout to {limit}s or less, or hand long work to a queue",
                        f.name
                    )),
                );
            }
        }
    }
}

fn trigger(model: &Model, f: &Function, t: &Trigger, diags: &mut Vec<Diagnostic>) {
    match t {
        Trigger::Queue {
            queue,
            batch,
            window,
            partial_failures,
            ..
        } => {
            let Some(q) = model.queue(&queue.name) else {
                return;
            };
            if batch.value > 1 && !partial_failures {
                whole_batch_failures(batch, &queue.name, "messages", diags);
            }
            let window_s = window.as_ref().map_or(0, |w| w.value as u64);
            if q.visibility.value < f.timeout.value {
                diags.push(
                    Diagnostic::new(
                        Code::E0301,
                        queue.span,
                        format!("queue `{}` hides a message for {} s, less than `{}`'s timeout of {} s", q.name, q.visibility.value, f.name, f.timeout.value),
                    )
                    .label("CloudFormation rejects this event source mapping")
                    .with(q.visibility.span, visibility_label(q))
                    .help(format!("set `visibility_timeout = {}s` on `{}` (six times the timeout plus the batching window)", 6 * f.timeout.value + window_s, q.name)),
                );
            } else if q.visibility.value < 6 * f.timeout.value + window_s {
                diags.push(
                    Diagnostic::new(
                        Code::W0302,
                        queue.span,
                        format!("queue `{}` hides a message for {} s, less than six times `{}`'s timeout ({} s)", q.name, q.visibility.value, f.name, 6 * f.timeout.value + window_s),
                    )
                    .label("messages may be delivered again while still being processed")
                    .with(q.visibility.span, visibility_label(q))
                    .help(format!("set `visibility_timeout = {}s` on `{}`, as AWS recommends", 6 * f.timeout.value + window_s, q.name)),
                );
            }
            if q.fifo {
                if batch.value > 10 {
                    diags.push(
                        Diagnostic::new(
                            Code::E0209,
                            batch.span,
                            format!(
                                "a FIFO queue delivers at most 10 messages per batch, found {}",
                                batch.value
                            ),
                        )
                        .label("batch too large for FIFO")
                        .help("set `batch` to 10 or less"),
                    );
                }
                if let Some(w) = window {
                    diags.push(
                        Diagnostic::new(
                            Code::E0210,
                            w.span,
                            "a FIFO queue trigger cannot have a batching window",
                        )
                        .label("not supported for FIFO queues")
                        .help("remove `window`"),
                    );
                }
            } else if batch.value > 10 && window.as_ref().is_none_or(|w| w.value < 1) {
                diags.push(
                    Diagnostic::new(Code::E0209, batch.span, format!("a batch of more than 10 messages needs a batching window, found batch {}", batch.value))
                        .label("batch above 10 without `window`")
                        .help("add `window = 1s` (or more), or lower `batch` to 10"),
                );
            }
        }
        Trigger::Stream {
            source,
            batch,
            partial_failures: false,
            ..
        } if batch.value > 1 => {
            whole_batch_failures(batch, &source.name, "records", diags);
            stream_source(model, source, diags);
        }
        Trigger::Stream { source, .. } => stream_source(model, source, diags),
        Trigger::Bucket { .. } => {}
        Trigger::Topic {
            topic, dead_letter, ..
        } => {
            if let Some(tp) = model.topic(&topic.name) {
                subscription_dlq(model, tp, dead_letter.as_ref(), diags);
                if tp.fifo {
                    diags.push(
                        Diagnostic::new(Code::E0307, topic.span, format!("FIFO topic `{}` cannot deliver to a function", tp.name))
                            .label("FIFO topics deliver only to SQS queues")
                            .help(format!("subscribe a FIFO queue to `{}` and trigger the function from that queue", tp.name)),
                    );
                }
            }
        }
    }
}

/// A rule's delivery to a FIFO queue or topic: EventBridge sends to a FIFO
/// queue only when the queue deduplicates by content (E0330), and
/// CloudFormation cannot give a rule's FIFO topic target the message group
/// SNS requires (`AWS::Events::Rule` targets have no `SnsParameters`): E0307.
fn fifo_rule_target(model: &Model, r: &Rule, t: &Ref, diags: &mut Vec<Diagnostic>) {
    if let Some(q) = model.queue(&t.name).filter(|q| q.fifo) {
        if !q.content_dedup.as_ref().is_some_and(|c| c.value) {
            diags.push(
                Diagnostic::new(
                    Code::E0330,
                    t.span,
                    format!(
                        "rule `{}` sends to FIFO queue `{}`, which does not deduplicate by content",
                        r.name, q.name
                    ),
                )
                .label("EventBridge rejects a FIFO queue target without content-based deduplication")
                .with(q.span, "declared here")
                .help(format!(
                    "add `content_dedup = true` to `{}` (messages with the same body within 5 minutes are then delivered once)",
                    q.name
                )),
            );
        }
    }
    if model.topic(&t.name).is_some_and(|tp| tp.fifo) {
        diags.push(
            Diagnostic::new(
                Code::E0307,
                t.span,
                format!("rule `{}` cannot deliver to FIFO topic `{}`", r.name, t.name),
            )
            .label("a FIFO topic needs a message group, which a CloudFormation rule target cannot set")
            .help(format!(
                "send to a standard topic, or to a FIFO queue with `content_dedup = true` (rules give it a message group), and publish to `{}` from its consumer",
                t.name
            )),
        );
    }
}

/// E0203: `content_dedup` and `high_throughput` are settings of FIFO
/// queues and topics only.
fn fifo_only(
    setting: &str,
    fifo: bool,
    value: &Option<Spanned<bool>>,
    kind: &str,
    name: &str,
    diags: &mut Vec<Diagnostic>,
) {
    if let Some(d) = value.as_ref().filter(|d| d.value && !fifo) {
        let label = if setting == "content_dedup" {
            "standard queues and topics do not deduplicate"
        } else {
            "standard queues and topics have no FIFO throughput quota"
        };
        diags.push(
            Diagnostic::new(
                Code::E0203,
                d.span,
                format!("`{setting}` needs a FIFO {kind}, and `{name}` is standard"),
            )
            .label(label)
            .help(format!(
                "remove `{setting}`, or make `{name}` FIFO with `fifo = true`"
            )),
        );
    }
}

/// W0326: a batch consumer that fails a whole batch for one bad record.
fn whole_batch_failures(
    batch: &Spanned<u32>,
    source: &str,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) {
    diags.push(
        Diagnostic::new(
            Code::W0326,
            batch.span,
            format!(
                "a batch of up to {} {what} from `{source}` without `partial_failures`: one bad record fails them all",
                batch.value
            ),
        )
        .label("the whole batch is retried: duplicates, and a poison record drags good ones to the failure destination")
        .help("add `partial_failures = true` and have the handler return the ids of the records that failed (`batchItemFailures`), or set `batch = 1`"),
    );
}

/// E0306: a trigger on a table's stream where the table has none.
fn stream_source(model: &Model, table: &Ref, diags: &mut Vec<Diagnostic>) {
    if table.kind != DeclKind::Table {
        return;
    }
    if let Some(tb) = model.table(&table.name) {
        if tb.stream.is_none() {
            diags.push(
                Diagnostic::new(Code::E0306, table.span, format!("table `{}` has no stream", tb.name))
                    .label("no stream to read")
                    .with(tb.span, "declared here")
                    .help(format!("add `stream = new_and_old_images` (or `keys_only`, `new_image`, `old_image`) to `{}`", tb.name)),
            );
        }
    }
}

/// Where a queue's visibility timeout comes from, for labels.
fn visibility_label(q: &Queue) -> String {
    if q.visibility.span == q.span {
        format!(
            "no `visibility_timeout`: the default is {} s",
            q.visibility.value
        )
    } else {
        "visibility timeout".to_string()
    }
}

/// E0303: a subscription's dead-letter queue is of the topic's kind (SNS
/// sends a FIFO topic's undeliverable messages to a FIFO queue only).
fn subscription_dlq(
    model: &Model,
    tp: &Topic,
    dead_letter: Option<&Ref>,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(dlq_ref) = dead_letter else {
        return;
    };
    let Some(dlq) = model.queue(&dlq_ref.name) else {
        return;
    };
    other_kind(
        tp.fifo,
        &format!("topic `{}`", tp.name),
        "a subscription's dead-letter queue is of the topic's kind",
        dlq,
        dlq_ref,
        diags,
    );
}

/// E0303: a dead-letter queue of the other kind (FIFO or standard) than
/// the queue or topic (`owner`, FIFO or not) whose failures it takes.
fn other_kind(
    fifo: bool,
    owner: &str,
    rule: &str,
    dlq: &Queue,
    dlq_ref: &Ref,
    diags: &mut Vec<Diagnostic>,
) {
    if dlq.fifo == fifo {
        return;
    }
    let kind = |fifo: bool| if fifo { "FIFO" } else { "standard" };
    let subscription = if owner.starts_with("topic") {
        " for its subscription"
    } else {
        ""
    };
    diags.push(
        Diagnostic::new(
            Code::E0303,
            dlq_ref.span,
            format!(
                "{} {owner} has {} dead-letter queue `{}`{subscription}",
                kind(fifo),
                kind(dlq.fifo),
                dlq.name
            ),
        )
        .label(format!("a {} queue", kind(dlq.fifo)))
        .with(dlq.span, format!("`{}` is declared here", dlq.name))
        .help(format!(
            "{rule}: make `{}` {}",
            dlq.name,
            if fifo {
                "FIFO (`fifo = true`)"
            } else {
                "standard"
            }
        )),
    );
}

/// E0203: a redrive-allow policy names at most 10 source queues (§3 SQS).
fn redrive_sources(model: &Model, diags: &mut Vec<Diagnostic>) {
    const MAX: usize = 10;
    let mut by_dlq: indexmap::IndexMap<&str, Vec<&Ref>> = indexmap::IndexMap::new();
    for q in &model.queues {
        if let Some((d, _)) = &q.dead_letter {
            by_dlq.entry(d.name.as_str()).or_default().push(d);
        }
    }
    for (name, sources) in by_dlq {
        let Some(dlq) = model.queue(name) else {
            continue;
        };
        if sources.len() > MAX {
            diags.push(
                Diagnostic::new(
                    Code::E0203,
                    sources[MAX].span,
                    format!(
                        "{} queues use `{}` as their dead-letter queue; its redrive-allow policy names at most {MAX}",
                        sources.len(),
                        dlq.name
                    ),
                )
                .label(format!("source {} of {}", MAX + 1, sources.len()))
                .with(dlq.span, "the dead-letter queue")
                .help("give some of the queues a dead-letter queue of their own"),
            );
        }
    }
}

/// W0312: a standard queue's message keeps its original enqueue time in the
/// dead-letter queue, so a DLQ that keeps messages no longer than its source
/// can expire them as soon as they arrive.
fn dlq_retention(q: &Queue, dlq: &Queue, dlq_ref: &Ref, diags: &mut Vec<Diagnostic>) {
    const MAX: u64 = 1_209_600;
    if q.fifo || dlq.retention.value > q.retention.value {
        return;
    }
    let show = crate::check::failures::duration;
    // Two ways out: keep messages longer in the dead-letter queue, or
    // shorter in the source, whichever SQS's limits (60 s to 14 days) allow.
    let mut fixes = Vec::new();
    if q.retention.value < MAX {
        fixes.push(format!(
            "set `retention = 14d` on `{}` (SQS's longest), longer than `{}`'s {}",
            dlq.name,
            q.name,
            show(q.retention.value)
        ));
    }
    if dlq.retention.value > 60 {
        fixes.push(format!(
            "lower `{}`'s `retention` below the dead-letter queue's {}",
            q.name,
            show(dlq.retention.value)
        ));
    }
    if fixes.is_empty() {
        // The source keeps 14 days and the dead-letter queue 60 s: both
        // must move.
        fixes.push(format!(
            "set `retention = 14d` on `{}` and lower `{}`'s below it (SQS keeps messages from 1m to 14d)",
            dlq.name, q.name
        ));
    }
    let help = fixes.join(", or ");
    diags.push(
        Diagnostic::new(
            Code::W0312,
            dlq_ref.span,
            format!(
                "dead-letter queue `{}` keeps messages for {}, no longer than `{}` ({})",
                dlq.name,
                show(dlq.retention.value),
                q.name,
                show(q.retention.value)
            ),
        )
        .label("a message that arrives here old may expire at once")
        .with(dlq.retention.span, "the dead-letter queue's retention")
        .help(help),
    );
}

/// E0307: where AWS accepts only standard queues and topics.
fn standard_only(model: &Model, dest: &Ref, role: &str, diags: &mut Vec<Diagnostic>) {
    let fifo = match dest.kind {
        DeclKind::Queue => model.queue(&dest.name).is_some_and(|q| q.fifo),
        DeclKind::Topic => model.topic(&dest.name).is_some_and(|t| t.fifo),
        _ => false,
    };
    if fifo {
        diags.push(
            Diagnostic::new(
                Code::E0307,
                dest.span,
                format!(
                    "`{}` is FIFO, but {role} must be a standard {}",
                    dest.name,
                    dest.kind.keyword()
                ),
            )
            .label("FIFO not supported here")
            .help(format!("use a standard {} here", dest.kind.keyword())),
        );
    }
}

/// E0310: S3 rejects two notifications of one bucket whose event kinds and
/// key filters overlap (a key could match both).
fn overlapping_notifications(model: &Model, diags: &mut Vec<Diagnostic>) {
    let mut by_bucket: indexmap::IndexMap<&str, Vec<(&str, &Trigger)>> = indexmap::IndexMap::new();
    for f in &model.functions {
        for t in &f.triggers {
            if let Trigger::Bucket { bucket, .. } = t {
                by_bucket
                    .entry(bucket.name.as_str())
                    .or_default()
                    .push((f.name.as_str(), t));
            }
        }
    }
    let overlaps = |a: &Option<String>, b: &Option<String>, prefix: bool| match (a, b) {
        (Some(x), Some(y)) if prefix => x.starts_with(y.as_str()) || y.starts_with(x.as_str()),
        (Some(x), Some(y)) => x.ends_with(y.as_str()) || y.ends_with(x.as_str()),
        _ => true,
    };
    for (bucket, triggers) in by_bucket {
        for (j, (fj, tj)) in triggers.iter().enumerate() {
            let Trigger::Bucket {
                events: ej,
                prefix: pj,
                suffix: sj,
                span,
                ..
            } = tj
            else {
                continue;
            };
            let clash = triggers[..j].iter().find(|(_, ti)| {
                let Trigger::Bucket {
                    events: ei,
                    prefix: pi,
                    suffix: si,
                    ..
                } = ti
                else {
                    return false;
                };
                ei.iter().any(|e| ej.iter().any(|f| e.overlaps(*f)))
                    && overlaps(pi, pj, true)
                    && overlaps(si, sj, false)
            });
            // Within one trigger: `[created, put]` is two notifications
            // that every `PutObject` matches.
            let within = ej
                .iter()
                .enumerate()
                .find_map(|(k, e)| ej[..k].iter().find(|f| e.overlaps(**f)).map(|f| (*f, *e)));
            if let Some((first, second)) = within {
                let word = |e: BucketEvent| {
                    BucketEvent::WORDS
                        .iter()
                        .find(|(_, k)| *k == e)
                        .map_or("", |(w, _)| *w)
                };
                diags.push(
                    Diagnostic::new(
                        Code::E0310,
                        *span,
                        format!(
                            "`{}` and `{}` overlap in one notification of `{bucket}`",
                            word(first),
                            word(second)
                        ),
                    )
                    .label(format!("S3 would send `{fj}` one event twice"))
                    .help(format!(
                        "keep `{}` alone, or list only kinds that do not include each other",
                        word(
                            if matches!(first, BucketEvent::Created | BucketEvent::Removed) {
                                first
                            } else {
                                second
                            }
                        )
                    )),
                );
                continue;
            }
            if let Some((fi, ti)) = clash {
                diags.push(
                    Diagnostic::new(Code::E0310, *span, format!("this notification of `{bucket}` overlaps one for `{fi}`"))
                        .label(format!("a key could notify both `{fi}` and `{fj}`"))
                        .with(ti.span(), "the earlier notification")
                        .help("give them prefixes or suffixes that cannot both match a key, or different `events`"),
                );
            }
        }
    }
}

/// Queues given by `arn`: a written ARN of the right form (E0201), and
/// nothing that needs the queue's own policy or settings, which only its
/// owner writes (E0103): rules and topics deliver to a queue through its
/// policy, a dead-letter queue names its sources in its redrive-allow
/// policy, and a function's trigger depends on the queue's visibility
/// timeout and redrive policy, which slsc cannot check.
fn outside_queues(model: &Model, diags: &mut Vec<Diagnostic>) {
    for q in &model.queues {
        if let Some(arn) = q.arn.as_ref().filter(|a| !a.value.contains("${")) {
            if let Some(why) = arn_problem(&arn.value, "sqs", 80) {
                diags.push(
                    Diagnostic::new(
                        Code::E0201,
                        arn.span,
                        format!("\"{}\" is not an SQS queue ARN: {why}", arn.value),
                    )
                    .label("not an SQS queue ARN")
                    .help("write `arn = \"arn:aws:sqs:REGION:ACCOUNT:NAME\"`, or give it as a parameter"),
                );
            }
        }
        // A parameter's values, where the spec gives them, are checked as
        // a written ARN is.
        let Some(p) = q.arn.as_ref().and_then(|a| {
            let name = a.value.strip_prefix("${")?.strip_suffix('}')?;
            model.params.iter().find(|p| p.name == name)
        }) else {
            continue;
        };
        let values = p.default.iter().map(|d| (&d.value, d.span)).chain(
            p.allowed
                .iter()
                .flat_map(|a| a.value.iter().map(move |v| (v, a.span))),
        );
        for (v, span) in values {
            let ParamValue::Str(text) = v else { continue };
            if let Some(why) = arn_problem(text, "sqs", 80) {
                diags.push(
                    Diagnostic::new(
                        Code::E0201,
                        span,
                        format!("\"{text}\" is not an SQS queue ARN: {why}"),
                    )
                    .label("a value of the queue's ARN")
                    .with(
                        q.span,
                        format!("queue `{}` takes its ARN from `{}`", q.name, p.name),
                    )
                    .help("give an ARN `arn:aws:sqs:REGION:ACCOUNT:NAME`, or no default"),
                );
            }
        }
    }
    let outside = |r: &Ref| {
        if r.kind != DeclKind::Queue {
            return None;
        }
        model.queue(&r.name).and_then(|q| q.arn.as_ref())
    };
    let mut report = |r: &Ref, what: &str, help: &str| {
        if let Some(arn) = outside(r) {
            diags.push(
                Diagnostic::new(
                    Code::E0103,
                    r.span,
                    format!("queue `{}` is outside the stack: {what}", r.name),
                )
                .label("a queue given by `arn`")
                .with(arn.span, "its ARN")
                .help(help.to_string()),
            );
        }
    };
    let via_function =
        "send to a queue of this stack, or to a function that sends to the queue (`sends to`)";
    for r in &model.rules {
        for t in r.targets.iter().chain(&r.dead_letter) {
            report(t, "a rule delivers to a queue through the queue's policy, which only its owner writes", via_function);
        }
    }
    for tp in &model.topics {
        for s in &tp.subscriptions {
            for q in std::iter::once(&s.queue).chain(&s.dead_letter) {
                report(q, "SNS delivers to a queue through the queue's policy, which only its owner writes", "subscribe a queue of this stack; the queue's owner subscribes theirs");
            }
        }
    }
    for q in &model.queues {
        if let Some((d, _)) = &q.dead_letter {
            report(d, "a dead-letter queue must be in its source's account and region, and its owner says which queues may use it", "use a queue of this stack as the dead-letter queue");
        }
    }
    for f in &model.functions {
        for t in &f.triggers {
            match t {
                Trigger::Queue { queue, .. } => report(queue, "a function of this stack cannot consume it yet", "its visibility timeout and redrive policy decide how the trigger behaves, and slsc cannot check them: consume it in the stack that owns it, or declare the queue here"),
                Trigger::Topic { dead_letter: Some(d), .. } => report(d, "SNS delivers to a queue through the queue's policy, which only its owner writes", "use a queue of this stack as the subscription's dead-letter queue"),
                _ => {}
            }
        }
    }
    for api in &model.apis {
        for route in &api.routes {
            if let RouteTarget::Queue { queue, .. } = &route.target {
                report(
                    queue,
                    "a route cannot send to it directly yet",
                    "route to a function that sends to the queue (`sends to`)",
                );
            }
        }
    }
}

/// A `resource` that depends on, or names as `${X}`, a queue, topic or bus
/// given by `arn` (E0103): there is no resource of that logical ID in the
/// template. Its attributes (`Shared.arn`) are what to write.
fn outside_in_resources(model: &Model, diags: &mut Vec<Diagnostic>) {
    fn strings<'a>(v: &'a RawValue, out: &mut Vec<&'a str>) {
        match v {
            RawValue::Str(s) => out.push(s),
            RawValue::List(items) => items.iter().for_each(|i| strings(i, out)),
            RawValue::Map(entries) => entries.iter().for_each(|(_, i)| strings(i, out)),
            _ => {}
        }
    }
    let outside_named = |name: &str| {
        let (kind, _) = *model.names.get(name)?;
        let r = Ref {
            kind,
            name: name.to_string(),
            span: crate::source::Span::default(),
        };
        model.outside(&r).then_some(kind)
    };
    let report = |diags: &mut Vec<Diagnostic>, span, kind: DeclKind, name: &str| {
        diags.push(
            Diagnostic::new(
                Code::E0103,
                span,
                format!(
                    "{} `{name}` is outside the stack: it has no resource here",
                    kind.keyword()
                ),
            )
            .label("given by `arn`, not created by this stack")
            .help(format!(
                "name its attributes instead (`{name}.arn`), and drop it from `depends_on`"
            )),
        );
    };
    for r in &model.resources {
        for d in &r.depends_on {
            if let Some(kind) = outside_named(&d.name) {
                report(diags, d.span, kind, &d.name);
            }
        }
        for (key, value) in &r.properties {
            let mut texts = Vec::new();
            strings(value, &mut texts);
            for name in texts.into_iter().flat_map(crate::naming::references) {
                if let Some(kind) = outside_named(name) {
                    report(diags, key.span, kind, name);
                }
            }
        }
    }
}

/// What is wrong with `arn` as an SNS topic ARN, if anything:
/// `arn:PARTITION:sns:REGION:ACCOUNT:NAME`.
fn topic_arn_problem(arn: &str) -> Option<&'static str> {
    arn_problem(arn, "sns", 256)
}

/// What is wrong with `arn` as the ARN of a topic (`sns`) or a queue
/// (`sqs`) whose name is at most `max` characters, if anything:
/// `arn:PARTITION:SERVICE:REGION:ACCOUNT:NAME`.
fn arn_problem(arn: &str, expected: &str, max: usize) -> Option<&'static str> {
    let parts: Vec<&str> = arn.split(':').collect();
    let [scheme, partition, service, region, account, name] = parts.as_slice() else {
        return Some("it does not have six `:`-separated parts");
    };
    if *scheme != "arn" || !partition.starts_with("aws") {
        return Some("it does not start with `arn:aws`");
    }
    if *service != expected {
        return Some(if expected == "sns" {
            "its service is not `sns`"
        } else {
            "its service is not `sqs`"
        });
    }
    if region.is_empty()
        || !region
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return Some("its region is missing or malformed");
    }
    if account.len() != 12 || !account.chars().all(|c| c.is_ascii_digit()) {
        return Some("its account is not 12 digits");
    }
    let base = name.strip_suffix(".fifo").unwrap_or(name);
    if base.is_empty()
        || name.len() > max
        || !base
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Some(if expected == "sns" {
            "its topic name is not 1-256 letters, digits, `-` and `_`"
        } else {
            "its queue name is not 1-80 letters, digits, `-` and `_`"
        });
    }
    None
}

/// What is wrong with `arn` as an event bus ARN, if anything:
/// `arn:PARTITION:events:REGION:ACCOUNT:event-bus/NAME`.
fn bus_arn_problem(arn: &str) -> Option<&'static str> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let [scheme, partition, service, region, account, resource] = parts.as_slice() else {
        return Some("it has fewer than six `:`-separated parts");
    };
    if *scheme != "arn" || !partition.starts_with("aws") {
        return Some("it does not start with `arn:aws`");
    }
    if *service != "events" {
        return Some("its service is not `events`");
    }
    if region.is_empty() {
        return Some("it names no region");
    }
    if account.len() != 12 || !account.chars().all(|c| c.is_ascii_digit()) {
        return Some("its account is not 12 digits");
    }
    match resource.strip_prefix("event-bus/") {
        Some(name) if !name.is_empty() => None,
        _ => Some("its resource is not `event-bus/NAME`"),
    }
}

/// E0332: a state machine's DynamoDB task names an index (`IndexName`) its
/// table does not declare. DynamoDB rejects the call at run time, and the
/// role would allow an index that does not exist.
fn state_machine_indexes(model: &Model, diags: &mut Vec<Diagnostic>) {
    for m in &model.state_machines {
        for t in &m.tasks {
            let (Some(index), Some(table)) = (&t.index, model.table(&t.target.name)) else {
                continue;
            };
            if table.indexes.iter().any(|i| i.name.value == *index) {
                continue;
            }
            let declared: Vec<String> = table
                .indexes
                .iter()
                .map(|i| format!("`{}`", i.name.value))
                .collect();
            diags.push(
                Diagnostic::new(
                    Code::E0332,
                    m.definition.span,
                    format!(
                        "Task `{}` queries index `{index}`, which table `{}` does not declare",
                        t.state, table.name
                    ),
                )
                .label(format!("state `{}` in this definition", t.state))
                .with(table.span, "the table")
                .help(if declared.is_empty() {
                    format!(
                        "declare it in `{}`: `indexes {{ {index} = {{ ... }} }}`",
                        table.name
                    )
                } else {
                    format!("name one of {}, or declare `{index}`", declared.join(", "))
                }),
            );
        }
    }
}
