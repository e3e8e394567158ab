//! E0333: what must exist whenever a declaration does may not be under a
//! deploy-time condition the declaration is not under.
//!
//! Most references to a conditional declaration can be left out where its
//! condition does not hold (a statement of a role, a rule's target, a
//! queue's dead-letter queue, a destination), and `emit` does so. These
//! cannot, because the referring declaration would be something else
//! without them:
//! - a function's queue or stream trigger (SAM writes it inside the
//!   function, and a function polling nothing is not the one declared);
//! - an API's route to a function, queue, bus, state machine, table or
//!   bucket (the API's
//!   deployment includes every route);
//! - a rule's bus (without it the rule would listen on the default bus);
//! - a function's layer (its code may need the layer's content);
//! - an alarm's function and topics; a deployment's rollback alarms,
//!   hooks and notified topics;
//! - a state machine's task target (its definition names it).

use crate::diagnostics::{Code, Diagnostic};
use crate::model::*;

/// Checks every edge above.
pub fn check(model: &Model, diags: &mut Vec<Diagnostic>) {
    if model.when.is_empty() && model.prop_conds.is_empty() {
        return;
    }
    for a in &model.alarms {
        needs(
            model,
            &a.name,
            "alarm",
            &a.function,
            "the function it watches",
            diags,
        );
        for t in &a.notify {
            needs(model, &a.name, "alarm", t, "a topic it notifies", diags);
        }
    }
    for f in &model.functions {
        for layer in &f.layers {
            needs(model, &f.name, "function", layer, "its layer", diags);
        }
        if let Some(d) = &f.deploy {
            for a in &d.rollback_on {
                needs(
                    model,
                    &f.name,
                    "function",
                    a,
                    "an alarm it rolls back on",
                    diags,
                );
            }
            for (_, h) in d.hooks() {
                needs(
                    model,
                    &f.name,
                    "function",
                    h,
                    "a hook of its deployment",
                    diags,
                );
            }
            for t in &d.notify {
                needs(
                    model,
                    &f.name,
                    "function",
                    t,
                    "a topic its deployments notify",
                    diags,
                );
            }
        }
        for tr in &f.triggers {
            let source = match tr {
                Trigger::Queue { queue, .. } => queue,
                Trigger::Stream { source, .. } => source,
                Trigger::Bucket { .. } | Trigger::Topic { .. } => continue,
            };
            needs(model, &f.name, "function", source, "its trigger", diags);
            // `stream = ... if C` on a table: its stream exists only then.
            if let Trigger::Stream { source, .. } = tr {
                stream_under(model, &f.name, "function", source, diags);
            }
        }
    }
    for f in &model.functions {
        for (then, cond) in [
            (&f.on_success, &f.on_success_if),
            (&f.on_failure, &f.on_failure_if),
        ] {
            let Some(c) = cond else { continue };
            if let Some(to) = then {
                let at = format!("where `{}` holds", c.cond.value);
                chosen(model, &f.name, to, (&c.cond.value, ""), &at, diags);
            }
            if let Some(to) = &c.otherwise {
                let at = format!("where `{}` does not hold", c.cond.value);
                chosen(model, &f.name, to, (&c.negation, &c.cond.value), &at, diags);
            }
        }
    }
    for api in &model.apis {
        for route in &api.routes {
            let target = match &route.target {
                RouteTarget::Function(f) => f,
                RouteTarget::Queue { queue, .. } => queue,
                RouteTarget::Bus { bus, .. } => bus,
                RouteTarget::StateMachine { machine, .. } => machine,
                RouteTarget::Table { table, .. } => table,
                RouteTarget::Bucket { bucket, .. } => bucket,
                RouteTarget::Url(_) => continue,
            };
            needs(model, &api.name, "api", target, "a route's target", diags);
            // SAM writes a route inside its function: the function cannot
            // be there without the API either.
            if let RouteTarget::Function(f) = &route.target {
                let api_ref = Ref {
                    kind: crate::ast::DeclKind::Api,
                    name: api.name.clone(),
                    span: f.span,
                };
                needs(
                    model,
                    &f.name,
                    "function",
                    &api_ref,
                    "the API of its route",
                    diags,
                );
            }
        }
    }
    for r in &model.rules {
        if let Some(bus) = &r.bus {
            needs(model, &r.name, "rule", bus, "its bus", diags);
        }
    }
    for m in &model.state_machines {
        for t in &m.tasks {
            needs(
                model,
                &m.name,
                "state_machine",
                &t.target,
                "a task's target",
                diags,
            );
        }
        // `DefinitionSubstitutions` is one property: it cannot lose one key.
        for (_, r, _) in &m.substitutions {
            needs(
                model,
                &m.name,
                "state_machine",
                r,
                "a `${...}` of its definition",
                diags,
            );
        }
    }
    // The template orders these after what they name (`DependsOn`), which
    // no `Fn::If` can cut: a bucket after the permissions of the functions
    // it notifies, a subscription after its dead-letter queue's policy.
    for f in &model.functions {
        for tr in &f.triggers {
            match tr {
                Trigger::Bucket { bucket, .. } => {
                    let me = Ref {
                        kind: crate::ast::DeclKind::Function,
                        name: f.name.clone(),
                        span: bucket.span,
                    };
                    needs(
                        model,
                        &bucket.name,
                        "bucket",
                        &me,
                        "the function it notifies",
                        diags,
                    );
                }
                Trigger::Topic {
                    dead_letter: Some(dlq),
                    ..
                } => needs(
                    model,
                    &f.name,
                    "function",
                    dlq,
                    "its subscription's dead-letter queue",
                    diags,
                ),
                _ => {}
            }
        }
    }
    for t in &model.topics {
        for s in &t.subscriptions {
            if let Some(dlq) = &s.dead_letter {
                needs(
                    model,
                    &s.queue.name,
                    "queue",
                    dlq,
                    "its subscription's dead-letter queue",
                    diags,
                );
            }
        }
    }
    for r in &model.resources {
        for d in &r.depends_on {
            needs(model, &r.name, "resource", d, "its `depends_on`", diags);
        }
    }
    for p in &model.pipes {
        needs(model, &p.name, "pipe", &p.source, "its source", diags);
        needs(model, &p.name, "pipe", &p.target, "its target", diags);
        if let Some(e) = &p.enrichment {
            needs(model, &p.name, "pipe", e, "its enrichment function", diags);
        }
        stream_under(model, &p.name, "pipe", &p.source, diags);
    }
}

/// E0333 when `source` is a table whose `stream` is under a condition
/// `user` is not under.
fn stream_under(model: &Model, user: &str, kind: &str, source: &Ref, diags: &mut Vec<Diagnostic>) {
    let Some(pc) = model.prop_cond(&source.name, "stream") else {
        return;
    };
    let mine = model.when.get(user);
    if mine.is_some_and(|m| m.value == pc.cond.value) {
        return;
    }
    diags.push(
        Diagnostic::new(
            Code::E0333,
            source.span,
            format!(
                "{kind} `{user}` {} but the stream of table `{}` exists only when `{}` holds",
                mine.map_or("is always deployed".to_string(), |m| format!(
                    "exists when `{}` holds",
                    m.value
                )),
                source.name,
                pc.cond.value
            ),
        )
        .label(format!("only when `{}` holds", pc.cond.value))
        .with(pc.cond.span, "the table's `stream` is under this condition")
        .help(format!(
            "put `{user}` under the same condition (`when = {}`), or give the table its stream always",
            pc.cond.value
        )),
    );
}

/// E0333 when destination `to`, chosen where `cond` holds (the negation
/// of `negated`, when that is not empty), exists under another condition:
/// it would be missing where it is chosen.
fn chosen(
    model: &Model,
    user: &str,
    to: &Ref,
    (cond, negated): (&str, &str),
    at: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(own) = model.when.get(&to.name) else {
        return;
    };
    if own.value == cond {
        return;
    }
    // A negation slsc adds has no declaration to name.
    let declared = model.conditions.iter().any(|c| c.name == cond);
    let fix = if declared {
        format!("put `{}` under `when = {cond}`", to.name)
    } else {
        format!(
            "declare `condition {cond} = not {negated}` and put `{}` under it",
            to.name
        )
    };
    diags.push(
        Diagnostic::new(
            Code::E0333,
            to.span,
            format!(
                "function `{user}` sends to `{}` {at}, but `{}` exists only when `{}` holds",
                to.name, to.name, own.value
            ),
        )
        .label(format!("chosen {at}"))
        .with(own.span, "the destination's condition")
        .help(format!("{fix}, or choose it where `{}` holds", own.value)),
    );
}

/// E0333 when `used` is under a condition `user` is not under.
fn needs(
    model: &Model,
    user: &str,
    kind: &str,
    used: &Ref,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(cond) = model.when.get(&used.name) else {
        return;
    };
    let mine = model.when.get(user);
    if mine.is_some_and(|m| m.value == cond.value) {
        return;
    }
    let mut d = Diagnostic::new(
        Code::E0333,
        used.span,
        format!(
            "{kind} `{user}` {} but {what} `{}` exists only when `{}` holds",
            match mine {
                Some(m) => format!("exists when `{}` holds", m.value),
                None => "is always deployed".to_string(),
            },
            used.name,
            cond.value
        ),
    )
    .label(format!("only when `{}` holds", cond.value))
    .with(cond.span, "the condition");
    d = d.help(format!(
        "put `{user}` under the same condition (`when = {}`), or take `when` off `{}`",
        cond.value, used.name
    ));
    diags.push(d);
}
