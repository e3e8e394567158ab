//! Pipes, schedule groups and task tokens.
//!
//! - E0335: pipe settings EventBridge Pipes rejects (batch and window
//!   ranges, an invocation type its target has not, `request_response` to
//!   a Standard state machine, a FIFO topic target, a Kinesis target
//!   without its partition key, a pipe into its own source).
//! - E0336: a queue read by a pipe and by another consumer, which would
//!   each get some of its messages.
//! - E0411: a pipe from a queue `of T` to a state machine whose `input` is
//!   another type.
//! - E0306: a pipe from the stream of a table that has none.
//! - E0337: a schedule created at run time that starts something its
//!   group's role does not allow.
//! - E0338 / W0340: `answers M` where `M` hands out no task token, and a
//!   `.waitForTaskToken` task whose token nothing in the app answers.

use super::patterns::Doc;
use crate::ast::{DeclKind, VerbKind};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::*;
use crate::source::Span;
use serde_json::Value as Json;
use std::collections::HashMap;

/// The largest batch a pipe reads, and a FIFO queue's.
const MAX_BATCH: i64 = 10_000;
const MAX_FIFO_BATCH: i64 = 10;
/// The longest batching window, in seconds.
const MAX_WINDOW: u64 = 300;

/// Runs the checks.
pub fn check(model: &Model, diags: &mut Vec<Diagnostic>) {
    for p in &model.pipes {
        settings(model, p, diags);
        contract(model, p, diags);
    }
    consumers(model, diags);
    schedules(model, diags);
    tokens(model, diags);
}

fn e0335(span: Span, message: String, label: &str, help: String) -> Diagnostic {
    Diagnostic::new(Code::E0335, span, message)
        .label(label)
        .help(help)
}

/// E0335 and E0306 on one pipe.
fn settings(model: &Model, p: &Pipe, diags: &mut Vec<Diagnostic>) {
    let queue = model
        .queue(&p.source.name)
        .filter(|_| p.source.kind == DeclKind::Queue);
    if p.source.kind == DeclKind::Table {
        if let Some(tb) = model.table(&p.source.name).filter(|t| t.stream.is_none()) {
            diags.push(
                Diagnostic::new(Code::E0306, p.source.span, format!("table `{}` has no stream", tb.name))
                    .label("no stream to read")
                    .with(tb.span, "declared here")
                    .help(format!("add `stream = new_and_old_images` (or `keys_only`, `new_image`, `old_image`) to `{}`", tb.name)),
            );
        }
    }
    if p.source.name == p.target.name {
        diags.push(e0335(
            p.target.span,
            format!("pipe `{}` delivers to its own source `{}`", p.name, p.source.name),
            "the source again",
            "deliver to another queue or stream: a pipe into its own source reads its output forever".into(),
        ));
    }
    if let Some(b) = &p.batch {
        let max = if queue.is_some_and(|q| q.fifo) {
            MAX_FIFO_BATCH
        } else {
            MAX_BATCH
        };
        if b.value < 1 || b.value > max {
            diags.push(e0335(
                b.span,
                format!(
                    "a pipe's batch is 1 to {max} records{}",
                    if max == MAX_FIFO_BATCH {
                        " from a FIFO queue"
                    } else {
                        ""
                    }
                ),
                "out of range",
                format!("write a batch between 1 and {max}"),
            ));
        } else if b.value > 10 && queue.is_some() && p.window.as_ref().is_none_or(|w| w.value == 0)
        {
            diags.push(e0335(
                b.span,
                "a pipe reads more than 10 messages of a queue at once only with a batching window"
                    .into(),
                "over 10 without `window`",
                "add `window = 1s` (or longer), or a batch of 10 or less".into(),
            ));
        }
    }
    if let Some(w) = &p.window {
        if w.value > MAX_WINDOW {
            diags.push(e0335(
                w.span,
                format!("a pipe's batching window is at most {MAX_WINDOW} seconds"),
                "too long",
                "write `window = 5m` or less".into(),
            ));
        } else if queue.is_some_and(|q| q.fifo) && w.value > 0 {
            diags.push(e0335(
                w.span,
                "a pipe reading a FIFO queue has no batching window".into(),
                "FIFO source",
                "remove `window`".into(),
            ));
        }
    }
    let machine = model
        .state_machine(&p.target.name)
        .filter(|_| p.target.kind == DeclKind::StateMachine);
    if let Some(i) = &p.invocation {
        match p.target.kind {
            DeclKind::Function | DeclKind::StateMachine => {}
            kind => diags.push(e0335(
                i.span,
                format!(
                    "`invocation` applies to function and state machine targets, and `{}` is {}",
                    p.target.name,
                    kind.article()
                ),
                "no invocation type",
                "remove `invocation`".into(),
            )),
        }
        if let Some(m) = machine.filter(|m| !m.express && p.sync()) {
            diags.push(
                e0335(
                    i.span,
                    format!("a pipe starts Standard state machine `{}` only with `fire_and_forget`", m.name),
                    "Standard workflows run asynchronously",
                    format!("write `invocation = fire_and_forget`, or make `{}` an Express state machine (`type = express`)", m.name),
                )
                .with(m.span, "a Standard state machine"),
            );
        }
    }
    if p.target.kind == DeclKind::Topic {
        if let Some(t) = model.topic(&p.target.name).filter(|t| t.fifo) {
            diags.push(
                e0335(
                    p.target.span,
                    format!("a pipe cannot deliver to FIFO topic `{}`", t.name),
                    "FIFO topic",
                    "deliver to a standard topic, or to a FIFO queue".into(),
                )
                .with(t.span, "declared FIFO here"),
            );
        }
    }
    if p.target.kind == DeclKind::Queue {
        if let Some(q) = model.queue(&p.target.name).filter(|q| q.fifo) {
            diags.push(
                e0335(
                    p.target.span,
                    format!("slsc's pipes deliver to standard queues, and `{}` is FIFO", q.name),
                    "FIFO queue",
                    "deliver to a standard queue (a FIFO target needs a message group slsc does not derive)".into(),
                )
                .with(q.span, "declared FIFO here"),
            );
        }
    }
    match (&p.partition_key, p.target.kind) {
        (None, DeclKind::Stream) => diags.push(e0335(
            p.target.span,
            format!(
                "a pipe to Kinesis stream `{}` needs a `partition_key`",
                p.target.name
            ),
            "no partition key",
            "add `partition_key = \"$.messageId\"` (a JSONPath of the record, or a fixed key)"
                .into(),
        )),
        (Some(k), kind) if kind != DeclKind::Stream => diags.push(e0335(
            k.span,
            format!(
                "`partition_key` applies to Kinesis stream targets, and `{}` is {}",
                p.target.name,
                kind.article()
            ),
            "not a stream",
            "remove `partition_key`".into(),
        )),
        _ => {}
    }
}

/// E0411: a queue `of T` piped to a state machine whose `input` is `U`.
/// With an `input` transform the machine receives the object it builds,
/// which is not checked here.
fn contract(model: &Model, p: &Pipe, diags: &mut Vec<Diagnostic>) {
    if p.input.is_some() || p.source.kind != DeclKind::Queue {
        return;
    }
    let (Some(message), Some(m)) = (
        model.queue(&p.source.name).and_then(|q| q.message.as_ref()),
        model.state_machine(&p.target.name),
    ) else {
        return;
    };
    let Some(input) = &m.input else {
        return;
    };
    if input.name != message.name {
        diags.push(
            Diagnostic::new(
                Code::E0411,
                p.target.span,
                format!(
                    "pipe `{}` starts `{}` with messages of `{}`, and its `input` is `{}`",
                    p.name, m.name, message.name, input.name
                ),
            )
            .label("not the state machine's input")
            .with(
                message.span,
                format!("queue `{}` holds `{}`", p.source.name, message.name),
            )
            .with(input.span, format!("`{}` is its `input`", input.name))
            .help(format!(
                "pipe a queue of `{}` to `{}`, or change its `input`",
                input.name, m.name
            )),
        );
    }
}

/// E0336: a queue a pipe reads that a function or another pipe reads too.
fn consumers(model: &Model, diags: &mut Vec<Diagnostic>) {
    for (i, p) in model.pipes.iter().enumerate() {
        if p.source.kind != DeclKind::Queue {
            continue;
        }
        let mut others: Vec<(Span, String)> = Vec::new();
        for f in &model.functions {
            for t in &f.triggers {
                if let Trigger::Queue { queue, .. } = t {
                    if queue.name == p.source.name {
                        others.push((queue.span, format!("function `{}` consumes it", f.name)));
                    }
                }
            }
        }
        for other in &model.pipes[..i] {
            if other.source.name == p.source.name {
                others.push((other.source.span, format!("pipe `{}` reads it", other.name)));
            }
        }
        let Some((span, text)) = others.first() else {
            continue;
        };
        diags.push(
            Diagnostic::new(
                Code::E0336,
                p.source.span,
                format!("queue `{}` is read by pipe `{}` and another consumer", p.source.name, p.name),
            )
            .label("each message goes to one of them")
            .with(*span, text.clone())
            .help(format!(
                "give `{}` one consumer: subscribe a second queue to a topic for fan-out, or drop one of them",
                p.source.name
            )),
        );
    }
}

/// E0337: schedules a state machine creates in a group, starting
/// something outside the group's `targets`.
fn schedules(model: &Model, diags: &mut Vec<Diagnostic>) {
    for m in &model.state_machines {
        for t in &m.tasks {
            let (Some(starts), Some(g)) = (
                &t.starts,
                model
                    .schedule_groups
                    .iter()
                    .find(|g| g.name == t.target.name),
            ) else {
                continue;
            };
            if g.targets.iter().any(|x| x.name == starts.name) {
                continue;
            }
            diags.push(
                Diagnostic::new(
                    Code::E0337,
                    m.definition.span,
                    format!(
                        "Task `{}` creates schedules in `{}` that start `{}`, which the group's role does not allow",
                        t.state, g.name, starts.name
                    ),
                )
                .label(format!("state `{}` in this definition", t.state))
                .with(g.span, format!("`{}` lists its targets", g.name))
                .help(format!("add `{}` to the `targets` of `{}`", starts.name, g.name)),
            );
        }
    }
}

/// Whether a definition has a Task that waits for a task token.
fn waits_for_token(doc: &Json) -> bool {
    match doc {
        Json::Object(o) => o.iter().any(|(k, v)| {
            (k == "Resource" && v.as_str().is_some_and(|r| r.ends_with(".waitForTaskToken")))
                || waits_for_token(v)
        }),
        Json::Array(a) => a.iter().any(waits_for_token),
        _ => false,
    }
}

/// E0338 and W0340: task tokens handed out and answered.
fn tokens(model: &Model, diags: &mut Vec<Diagnostic>) {
    let mut answered: HashMap<&str, Vec<Span>> = HashMap::new();
    for f in &model.functions {
        for a in f.access.iter().filter(|a| a.verb == VerbKind::Answers) {
            answered
                .entry(a.target.name.as_str())
                .or_default()
                .push(a.target.span);
        }
    }
    for m in &model.state_machines {
        // A definition not read (a spec compiled from text) says nothing.
        if m.document.is_null() {
            continue;
        }
        let waits = waits_for_token(&m.document);
        match (waits, answered.get(m.name.as_str())) {
            (false, Some(spans)) => {
                for span in spans {
                    diags.push(
                        Diagnostic::new(
                            Code::E0338,
                            *span,
                            format!("state machine `{}` hands out no task token to answer", m.name),
                        )
                        .label("no `.waitForTaskToken` task")
                        .with(m.definition.span, "its definition")
                        .help(format!(
                            "remove `answers {}`, or make the task that reaches this function wait for its token (`arn:aws:states:::lambda:invoke.waitForTaskToken` with `$$.Task.Token` in the payload)",
                            m.name
                        )),
                    );
                }
            }
            (true, None) => diags.push(
                Diagnostic::new(
                    Code::W0340,
                    m.definition.span,
                    format!("state machine `{}` waits for task tokens that nothing in the app answers", m.name),
                )
                .label("a `.waitForTaskToken` task")
                .help(format!(
                    "add `answers {}` to the function that sends the token back (`SendTaskSuccess`, `SendTaskFailure`); if a worker outside the app does, say so with `// slsc: allow W0340 -- REASON`",
                    m.name
                )),
            ),
            _ => {}
        }
    }
}

/// The event filters of each pipe with a `where`, by pipe index: typed
/// and limited as a function trigger's on the same source
/// ([`super::record_filter`]).
pub fn filters(model: &Model, diags: &mut Vec<Diagnostic>) -> HashMap<usize, Vec<Doc>> {
    let mut out = HashMap::new();
    for (i, p) in model.pipes.iter().enumerate() {
        let Some(filter) = &p.filter else {
            continue;
        };
        let key = match p.source.kind {
            DeclKind::Queue => "body",
            _ => "data",
        };
        if let Some(docs) = super::record_filter(model, filter, &p.source, key, diags) {
            out.insert(i, docs);
        }
    }
    out
}
