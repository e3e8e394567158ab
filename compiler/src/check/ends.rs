//! Channels with one end (W0327): a queue that a function consumes but
//! nothing in the app sends to, and a topic that is published to but that
//! nothing subscribes to; a topic that takes a function's failures and
//! reaches nobody loses them as surely as no destination at all.
//!
//! `external = true` on the queue or topic says the other end is outside
//! the spec (another app, an email subscription), and silences the check.

use crate::ast::VerbKind;
use crate::diagnostics::Code;
use crate::diagnostics::Diagnostic;
use crate::model::*;
use crate::source::Span;
use std::collections::HashMap;

/// What sends to a queue or topic: where it is written and in words.
type Ends<'m> = HashMap<&'m str, Vec<(Span, String)>>;

/// Runs the check.
pub fn check(model: &Model, diags: &mut Vec<Diagnostic>) {
    let mut senders: Ends = HashMap::new();
    let mut readers: Ends = HashMap::new();
    let mut failures_to: Ends = HashMap::new();
    for f in &model.functions {
        for a in &f.access {
            let verb = match a.verb {
                VerbKind::SendsTo => "sends to it",
                VerbKind::PublishesTo => "publishes to it",
                _ => continue,
            };
            senders
                .entry(a.target.name.as_str())
                .or_default()
                .push((a.target.span, format!("`{}` {verb}", f.name)));
        }
        for d in f.destinations() {
            let text = match d.kind {
                DestinationKind::OnSuccess => format!("`{}` sends its results here", f.name),
                _ => format!("`{}` sends its failures here", f.name),
            };
            if d.kind != DestinationKind::OnSuccess {
                failures_to
                    .entry(d.to.name.as_str())
                    .or_default()
                    .push((d.to.span, text.clone()));
            }
            senders
                .entry(d.to.name.as_str())
                .or_default()
                .push((d.to.span, text));
        }
        for t in &f.triggers {
            match t {
                Trigger::Queue { queue, .. } => readers
                    .entry(queue.name.as_str())
                    .or_default()
                    .push((queue.span, format!("`{}` consumes it", f.name))),
                Trigger::Topic {
                    topic, dead_letter, ..
                } => {
                    readers
                        .entry(topic.name.as_str())
                        .or_default()
                        .push((topic.span, format!("`{}` subscribes", f.name)));
                    if let Some(d) = dead_letter {
                        senders.entry(d.name.as_str()).or_default().push((
                            d.span,
                            format!("`{}` sends what it cannot deliver", topic.name),
                        ));
                    }
                }
                _ => {}
            }
        }
    }
    for q in &model.queues {
        if let Some((d, _)) = &q.dead_letter {
            senders
                .entry(d.name.as_str())
                .or_default()
                .push((d.span, format!("`{}` moves failing messages here", q.name)));
        }
    }
    for tp in &model.topics {
        if let Some(e) = tp.endpoints.first() {
            readers.entry(tp.name.as_str()).or_default().push((
                e.address.span,
                format!("{} subscribers receive it", e.protocol.word()),
            ));
        }
        for s in &tp.subscriptions {
            readers
                .entry(tp.name.as_str())
                .or_default()
                .push((s.queue.span, format!("`{}` subscribes", s.queue.name)));
            senders
                .entry(s.queue.name.as_str())
                .or_default()
                .push((s.queue.span, format!("`{}` delivers to it", tp.name)));
            if let Some(d) = &s.dead_letter {
                senders.entry(d.name.as_str()).or_default().push((
                    d.span,
                    format!("`{}` sends what it cannot deliver", tp.name),
                ));
            }
        }
    }
    for r in &model.rules {
        for t in r.targets.iter().chain(&r.dead_letter) {
            senders
                .entry(t.name.as_str())
                .or_default()
                .push((t.span, format!("rule `{}` sends to it", r.name)));
        }
    }
    for a in &model.apis {
        for route in &a.routes {
            if let RouteTarget::Queue { queue, .. } = &route.target {
                senders.entry(queue.name.as_str()).or_default().push((
                    queue.span,
                    format!("route `{}` of `{}` sends to it", route.key(), a.name),
                ));
            }
        }
    }
    // A pipe reads its source queue, and sends to (or publishes to) its
    // target queue or topic.
    for p in &model.pipes {
        readers
            .entry(p.source.name.as_str())
            .or_default()
            .push((p.source.span, format!("pipe `{}` reads it", p.name)));
        senders
            .entry(p.target.name.as_str())
            .or_default()
            .push((p.target.span, format!("pipe `{}` delivers to it", p.name)));
    }
    for s in &model.schedules {
        if let Some(d) = &s.dead_letter {
            senders
                .entry(d.name.as_str())
                .or_default()
                .push((d.span, format!("schedule `{}` sends to it", s.name)));
        }
    }

    for q in model.queues.iter().filter(|q| !q.external) {
        let Some(consumers) = readers.get(q.name.as_str()) else {
            continue;
        };
        if senders.contains_key(q.name.as_str()) {
            continue;
        }
        let mut d = Diagnostic::new(
            Code::W0327,
            q.span,
            format!(
                "nothing in the app sends to queue `{}`, which is consumed",
                q.name
            ),
        )
        .label("no `sends to`, rule, subscription or dead-letter setting names it");
        for (span, text) in consumers {
            d = d.with(*span, text.clone());
        }
        diags.push(d.help(format!(
            "add `sends to {0}` to the function that produces its messages, or `external = true` to `{0}` if another app sends to it",
            q.name
        )));
    }
    for tp in model
        .topics
        .iter()
        .filter(|t| !t.external && t.arn.is_none())
    {
        let Some(publishers) = senders.get(tp.name.as_str()) else {
            continue;
        };
        if readers.contains_key(tp.name.as_str()) {
            continue;
        }
        let failures = failures_to.get(tp.name.as_str());
        let message = match failures {
            Some(_) => format!(
                "failures sent to topic `{}` reach nobody: nothing subscribes to it",
                tp.name
            ),
            None => format!(
                "topic `{}` is published to, but nothing subscribes to it",
                tp.name
            ),
        };
        let mut d = Diagnostic::new(Code::W0327, tp.span, message)
            .label("SNS drops a message that has no subscriber");
        for (span, text) in publishers.iter().take(5) {
            d = d.with(*span, text.clone());
        }
        diags.push(d.help(format!(
            "subscribe a queue (`subscribe SomeQueue`) or a function (`on {0}`), or write `external = true` in `{0}` if subscribers outside the app (email, another account) read it",
            tp.name
        )));
    }
}
