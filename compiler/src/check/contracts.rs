//! Producers and consumers: who emits each event, who routes it, and whether
//! typed queues and topics receive what they declare.
//!
//! - W0409: a rule on a bus for an event that nothing emits on that bus (and
//!   that is neither an AWS service event, `source` `aws.*`, nor `external`)
//!   can never fire.
//! - W0410: an event emitted on a bus where no rule matches it goes nowhere.
//! - E0411: a queue or topic declared `of T` receives something else: a
//!   producer `sends U to Q`, a rule delivers an event envelope, or a topic
//!   of one type feeds a queue of another, or a route sends it another type.
//! - E0413: a route to a FIFO queue without `group_id` (or by a field the
//!   body lacks); `group_id` where there are no message groups.
//! - E0414: what a direct route's body is, said wrongly or twice.

use crate::ast::{DeclKind, VerbKind};
use crate::diagnostics::Code;
use crate::diagnostics::Diagnostic;
use crate::model::*;
use std::collections::HashSet;

/// Runs the contract checks.
pub fn check(model: &Model, diags: &mut Vec<Diagnostic>) {
    let bus_of = |b: Option<&Ref>| b.map_or("default", |b| b.name.as_str()).to_string();
    let mut emitted: HashSet<(String, String)> = HashSet::new();
    // Buses a route puts events of no declared type on (their source and
    // detail-type come from the request): any rule on them may fire.
    let mut open: HashSet<&str> = HashSet::new();
    // A route that puts an event on a bus emits it there.
    for a in &model.apis {
        for route in &a.routes {
            match &route.target {
                RouteTarget::Bus {
                    bus,
                    event: Some(event),
                } => {
                    emitted.insert((event.name.clone(), bus.name.clone()));
                }
                RouteTarget::Bus { bus, event: None } => {
                    open.insert(bus.name.as_str());
                }
                _ => {}
            }
        }
    }
    for f in &model.functions {
        for a in f.access.iter().filter(|a| a.verb == VerbKind::Emits) {
            if let Some(e) = &a.event {
                emitted.insert((e.name.clone(), a.target.name.clone()));
            }
        }
    }
    // The buses each event is emitted on, for W0409's help.
    let mut emitted_on: std::collections::HashMap<&str, std::collections::BTreeSet<&str>> =
        std::collections::HashMap::new();
    for (event, bus) in &emitted {
        emitted_on
            .entry(event.as_str())
            .or_default()
            .insert(bus.as_str());
    }
    let routed: HashSet<(String, String)> = model
        .rules
        .iter()
        .filter_map(|r| Some((r.event.as_ref()?.name.clone(), bus_of(r.bus.as_ref()))))
        .collect();
    for r in &model.rules {
        let Some((e, matched)) = r
            .event
            .as_ref()
            .and_then(|m| Some((model.event(&m.name)?, m)))
        else {
            continue;
        };
        let bus = bus_of(r.bus.as_ref());
        if !e.external
            && !e.source.starts_with("aws.")
            && !open.contains(bus.as_str())
            && !emitted.contains(&(e.name.clone(), bus.clone()))
        {
            // Emitted on another bus: the rule is likely on the wrong one.
            let elsewhere: Vec<&str> = emitted_on
                .get(e.name.as_str())
                .map(|buses| buses.iter().copied().collect())
                .unwrap_or_default();
            let help = match elsewhere.as_slice() {
                [] => format!("add `emits {} to {bus}` to the function that produces it, or mark the event `external` if it comes from outside this spec", e.name),
                [other] => format!("`{}` is emitted on bus `{other}`: write `rule {} on {other}`, or emit it on `{bus}`", e.name, r.name),
                buses => format!(
                    "`{}` is emitted on buses {}: move the rule to one of them, or emit it on `{bus}`",
                    e.name,
                    buses.iter().map(|b| format!("`{b}`")).collect::<Vec<_>>().join(", ")
                ),
            };
            diags.push(
                Diagnostic::new(
                    Code::W0409,
                    matched.span,
                    format!(
                        "nothing emits `{}` on bus `{bus}`, so rule `{}` never fires",
                        e.name, r.name
                    ),
                )
                .label("no producer on this bus")
                .help(help),
            );
        }
    }
    // `match any` rules, found once: each emitted event is matched against
    // them only when no typed rule routes it.
    let any_rules: Vec<&Rule> = model.rules.iter().filter(|r| r.event.is_none()).collect();
    for f in &model.functions {
        for a in f.access.iter().filter(|a| a.verb == VerbKind::Emits) {
            let Some(e) = &a.event else { continue };
            if routed.contains(&(e.name.clone(), a.target.name.clone())) {
                continue;
            }
            // A bus outside the stack, or one other stacks add rules to
            // (`external = true`): its rules are not all here.
            if model
                .bus(&a.target.name)
                .is_some_and(|b| b.arn.is_some() || b.external)
            {
                continue;
            }
            // A `match any` rule on the bus whose filter may take it.
            let (source, detail_type) = model
                .event(&e.name)
                .map_or(("", ""), |ev| (ev.source.as_str(), ev.detail_type.as_str()));
            let caught = any_rules.iter().any(|r| {
                bus_of(r.bus.as_ref()) == a.target.name
                    && super::loops::envelope_may_match(r.filter.as_ref(), source, detail_type)
            });
            if !caught {
                diags.push(
                    Diagnostic::new(
                        Code::W0410,
                        e.span,
                        format!("no rule on bus `{}` matches `{}`", a.target.name, e.name),
                    )
                    .label("emitted, but routed nowhere")
                    .help(format!(
                        "add `rule Name on {} {{ match {} ... }}`, or stop emitting it",
                        a.target.name, e.name
                    )),
                );
            }
        }
    }
    message_types(model, diags);
    direct_routes(model, diags);
    routes(model, diags);
}

/// E0412: declared path parameters are exactly the path's placeholders, and
/// path and query parameters are scalars.
fn routes(model: &Model, diags: &mut Vec<Diagnostic>) {
    for api in &model.apis {
        for route in &api.routes {
            let placeholders = crate::model::path_params(&route.path.value);
            if let Some(params) = &route.params {
                for name in &placeholders {
                    if !params.value.iter().any(|f| f.name == *name) {
                        diags.push(
                            Diagnostic::new(
                                Code::E0412,
                                params.span,
                                format!(
                                    "path parameter `{name}` of `{}` is not declared",
                                    route.path.value
                                ),
                            )
                            .label("missing from `params`")
                            .with(route.path.span, "the path")
                            .help(format!("add `{name}: string` (or its type) to `params`")),
                        );
                    }
                }
                for f in &params.value {
                    if !placeholders.contains(&f.name.as_str()) {
                        diags.push(
                            Diagnostic::new(
                                Code::E0412,
                                f.span,
                                format!(
                                    "`{}` is not a parameter of the path `{}`",
                                    f.name, route.path.value
                                ),
                            )
                            .label("not in the path")
                            .with(route.path.span, "the path")
                            .help(format!(
                                "add `{{{}}}` to the path, or move `{}` to `query`",
                                f.name, f.name
                            )),
                        );
                    }
                    if f.optional {
                        diags.push(
                            Diagnostic::new(
                                Code::E0412,
                                f.span,
                                format!("path parameter `{}` cannot be optional", f.name),
                            )
                            .label("a path always has all its parts")
                            .help(format!("write `{}:` without `?`", f.name)),
                        );
                    }
                }
            }
            let all = route
                .params
                .iter()
                .flat_map(|p| p.value.iter())
                .chain(route.query.iter());
            for f in all {
                if !matches!(
                    f.ty,
                    Ty::String | Ty::Int | Ty::Number | Ty::Bool | Ty::Enum(_) | Ty::Timestamp
                ) {
                    diags.push(
                        Diagnostic::new(Code::E0412, f.span, format!("parameter `{}` must be a string, number, boolean or enum", f.name))
                            .label("not a scalar")
                            .help("path and query parameters are single values; send structured data in the `body`"),
                    );
                }
            }
        }
    }
}

/// E0413, E0414 and E0411 for routes that send to a queue or bus directly:
/// what the request body is, whether the queue takes it, and how a FIFO
/// queue's message group is derived.
fn direct_routes(model: &Model, diags: &mut Vec<Diagnostic>) {
    for a in &model.apis {
        for route in &a.routes {
            // Tables and buckets are read by GET routes: their key is in
            // the path or query.
            let reads = matches!(
                route.target,
                RouteTarget::Table { .. } | RouteTarget::Bucket { .. }
            );
            if route.sends()
                && !reads
                && matches!(route.method.as_str(), "GET" | "HEAD" | "OPTIONS")
                && !route.mapping.needs_no_body()
            {
                diags.push(
                    Diagnostic::new(
                        Code::E0414,
                        route.path.span,
                        format!(
                            "route `{}` sends its request body to `{}`, but a {} request has none",
                            route.key(),
                            route.target_name(),
                            route.method
                        ),
                    )
                    .label("no body to send")
                    .help(
                        "use `POST` (or `PUT`, `PATCH`) for a route that sends to a queue or bus",
                    ),
                );
                continue;
            }
            match &route.target {
                RouteTarget::Function(_)
                | RouteTarget::Url(_)
                | RouteTarget::Table { .. }
                | RouteTarget::Bucket { .. } => {}
                RouteTarget::StateMachine { machine, message } => {
                    let Some(sent) = sent_type(route, machine, message.as_ref(), "input", diags)
                    else {
                        continue;
                    };
                    let expected = model
                        .state_machine(&machine.name)
                        .and_then(|m| m.input.as_ref());
                    if let (Some(sent), Some(expected)) = (sent, expected) {
                        if sent.name != expected.name {
                            diags.push(
                                Diagnostic::new(
                                    Code::E0411,
                                    sent.span,
                                    format!(
                                        "route `{}` sends `{}`, but state machine `{}` takes `{}`",
                                        route.key(),
                                        sent.name,
                                        machine.name,
                                        expected.name
                                    ),
                                )
                                .label("not the state machine's input")
                                .with(expected.span, format!("`{}` is its `input`", expected.name))
                                .help(format!(
                                    "send `{}` to `{}`, or change its `input`",
                                    expected.name, machine.name
                                )),
                            );
                        }
                    }
                }
                RouteTarget::Bus { event: None, .. } => {}
                RouteTarget::Bus {
                    bus,
                    event: Some(event),
                } => {
                    if let (Some(body), None) = (&route.body, &route.mapping.payload) {
                        diags.push(
                            Diagnostic::new(
                                Code::E0414,
                                body.span,
                                format!(
                                    "route `{}` sends `{}` to `{}`: its body is the event, not `{}`",
                                    route.key(),
                                    event.name,
                                    bus.name,
                                    body.name
                                ),
                            )
                            .label("a second description of the body")
                            .with(event.span, "the body is this event's fields")
                            .help("remove `body`; the event's fields are the request body"),
                        );
                    }
                }
                RouteTarget::Queue {
                    queue,
                    message,
                    group_id,
                } => {
                    let Some(sent) = sent_type(route, queue, message.as_ref(), "message", diags)
                    else {
                        continue;
                    };
                    let Some(q) = model.queue(&queue.name) else {
                        continue;
                    };
                    if let (Some(sent), Some(expected)) = (sent, &q.message) {
                        if sent.name != expected.name {
                            diags.push(
                                Diagnostic::new(
                                    Code::E0411,
                                    sent.span,
                                    format!(
                                        "route `{}` sends `{}`, but `{}` carries `{}`",
                                        route.key(),
                                        sent.name,
                                        queue.name,
                                        expected.name
                                    ),
                                )
                                .label("not the declared message type")
                                .with(
                                    expected.span,
                                    format!(
                                        "`{}` is declared `of {}` here",
                                        queue.name, expected.name
                                    ),
                                )
                                .help(format!(
                                    "send `{}` to `{}`, or change the type it is declared `of`",
                                    expected.name, queue.name
                                )),
                            );
                        }
                    }
                    match (q.fifo, group_id) {
                        (true, None) => diags.push(
                            Diagnostic::new(
                                Code::E0413,
                                route.path.span,
                                format!(
                                    "route `{}` sends to FIFO queue `{}` without a message group",
                                    route.key(),
                                    queue.name
                                ),
                            )
                            .label("SQS rejects every message without a group")
                            .with(q.span, "a FIFO queue")
                            .help("add `group_id = body.FIELD` (a field of the request body) or `group_id = \"NAME\"` (one group) to the route"),
                        ),
                        (false, Some(GroupId::Fixed(g) | GroupId::Field(g))) => diags.push(
                            Diagnostic::new(
                                Code::E0413,
                                g.span,
                                format!("`{}` is a standard queue, which has no message groups", queue.name),
                            )
                            .label("no message groups here")
                            .with(q.span, "not `fifo = true`")
                            .help("remove `group_id`, or make the queue `fifo = true`"),
                        ),
                        (true, Some(GroupId::Field(field))) => {
                            let fields = sent.and_then(|t| type_fields(model, &t.name));
                            if let (Some(fields), Some(t)) = (fields, sent) {
                                match fields.iter().find(|f| f.name == field.value) {
                                    None => diags.push(
                                        Diagnostic::new(
                                            Code::E0413,
                                            field.span,
                                            format!("`{}` has no field `{}` to group messages by", t.name, field.value),
                                        )
                                        .label("not a field of the body")
                                        .with(t.span, "the request body's type")
                                        .help(format!(
                                            "group by one of {}",
                                            fields.iter().map(|f| format!("`{}`", f.name)).collect::<Vec<_>>().join(", ")
                                        )),
                                    ),
                                    Some(f) if f.optional => diags.push(
                                        Diagnostic::new(
                                            Code::E0413,
                                            field.span,
                                            format!("`{}` is optional in `{}`: a message without it has no group", field.value, t.name),
                                        )
                                        .label("may be missing")
                                        .help(format!("make `{}` required, or group by a required field", field.value)),
                                    ),
                                    Some(_) => {}
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}

/// The fields of a type or event.
fn type_fields<'m>(model: &'m Model, name: &str) -> Option<&'m [FieldDef]> {
    model
        .type_def(name)
        .map(|t| t.fields.as_slice())
        .or_else(|| model.event(name).map(|e| e.fields.as_slice()))
}

fn message_types(model: &Model, diags: &mut Vec<Diagnostic>) {
    let declared = |kind: DeclKind, name: &str| -> Option<&Ref> {
        match kind {
            DeclKind::Queue => model.queue(name).and_then(|q| q.message.as_ref()),
            DeclKind::Topic => model.topic(name).and_then(|t| t.message.as_ref()),
            // `input = ...`: what its executions start with.
            DeclKind::StateMachine => model.state_machine(name).and_then(|m| m.input.as_ref()),
            _ => None,
        }
    };
    let mismatch = |at: crate::source::Span, what: String, dest: &str, expected: &Ref| {
        Diagnostic::new(
            Code::E0411,
            at,
            format!("{what}, but `{dest}` carries `{}`", expected.name),
        )
        .label("not the declared message type")
        .with(
            expected.span,
            format!("`{dest}` is declared `of {}` here", expected.name),
        )
        .help(format!(
            "send `{}` to `{dest}`, or change the type it is declared `of`",
            expected.name
        ))
    };
    for f in &model.functions {
        for a in &f.access {
            let (VerbKind::SendsTo | VerbKind::PublishesTo) = a.verb else {
                continue;
            };
            let (Some(sent), Some(expected)) = (&a.event, declared(a.target.kind, &a.target.name))
            else {
                continue;
            };
            if sent.name != expected.name {
                diags.push(mismatch(
                    sent.span,
                    format!("`{}` sends `{}`", f.name, sent.name),
                    &a.target.name,
                    expected,
                ));
            }
        }
    }
    for r in &model.rules {
        for t in &r.targets {
            let input = r.inputs.iter().find(|(n, _)| *n == t.name).map(|(_, i)| i);
            let typed = input.map(|i| input_types(model, r, i, diags));
            let Some(expected) = declared(t.kind, &t.name) else {
                continue;
            };
            // A transform with errors has them reported already.
            if matches!(typed, Some(None)) {
                continue;
            }
            // With an input transform the target receives the object it
            // builds: compared with the declared type field by field.
            if let (Some(i), Some(Some(types))) = (input, typed) {
                if let Some(ty) = model.type_def(&expected.name) {
                    if let Some(why) = transform_mismatch(model, &ty.fields, i, &types) {
                        diags.push(mismatch(
                            i.span,
                            format!(
                                "rule `{}` sends `{}` an object that does not fit: {why}",
                                r.name, t.name
                            ),
                            &t.name,
                            expected,
                        ));
                    }
                    continue;
                }
            }
            // `match any` delivers events of every type: not `expected`.
            let delivered = r.event.as_ref().map_or("any", |e| e.name.as_str());
            if expected.name != delivered {
                diags.push(mismatch(
                    t.span,
                    format!(
                        "rule `{}` delivers `{delivered}` events (the whole EventBridge envelope)",
                        r.name
                    ),
                    &t.name,
                    expected,
                ));
            }
        }
    }
    for tp in &model.topics {
        let Some(sent) = &tp.message else { continue };
        for q in tp.subscriptions.iter().map(|s| &s.queue) {
            let Some(expected) = declared(DeclKind::Queue, &q.name) else {
                continue;
            };
            if expected.name != sent.name {
                diags.push(mismatch(
                    q.span,
                    format!("topic `{}` carries `{}`", tp.name, sent.name),
                    &q.name,
                    expected,
                ));
            }
        }
    }
}

/// EventBridge's limit on an input transformer's paths.
const MAX_INPUT_PATHS: usize = 100;

/// The type of each entry of a rule target's input transform, its paths
/// checked against the event envelope (`detail` typed by the rule's
/// event; untyped for `match any`): E0401 for a field that is not there.
/// None when an entry did not check.
fn input_types(
    model: &Model,
    r: &Rule,
    input: &InputTransform,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<Option<Ty>>> {
    let paths = input
        .entries
        .iter()
        .filter(|(_, v)| matches!(v, InputValue::Path(_)))
        .count();
    if paths > MAX_INPUT_PATHS {
        diags.push(
            Diagnostic::new(Code::E0203, input.span, format!("this input takes {paths} fields of the event; EventBridge allows {MAX_INPUT_PATHS}"))
                .label("too many paths")
                .help("send fewer fields, or the whole event"),
        );
        return None;
    }
    let event = r.event.as_ref().and_then(|e| model.event(&e.name));
    let mut out = Vec::new();
    let mut ok = true;
    for (_, v) in &input.entries {
        let InputValue::Path(path) = v else {
            out.push(None);
            continue;
        };
        let head = &path.parts[0];
        let envelope = [
            "source",
            "account",
            "region",
            "time",
            "id",
            "resources",
            "detail",
            "version",
        ];
        if !envelope.contains(&head.value.as_str()) {
            let mut d = Diagnostic::new(
                Code::E0401,
                head.span,
                format!("the event envelope has no field `{}`", head.value),
            )
            .label("unknown field");
            d = match crate::diagnostics::did_you_mean(&head.value, envelope.iter().copied()) {
                Some(s) => d.help(format!("did you mean `{s}`?")),
                None => d.help("the envelope has `source`, `account`, `region`, `time`, `id`, `resources` and `detail` (the event's fields: `detail.orderId`)"),
            };
            diags.push(d);
            ok = false;
            continue;
        }
        let ty = match head.value.as_str() {
            "resources" => Some(Ty::List(Box::new(Ty::String))),
            "time" => Some(Ty::Timestamp),
            "detail" => match event {
                Some(e) => {
                    let mut fields = e.fields.clone();
                    let mut ty = Some(Ty::Record(fields.clone()));
                    for (i, part) in path.parts.iter().enumerate().skip(1) {
                        let Some(f) = fields.iter().find(|f| f.name == part.value) else {
                            let scope = if i == 1 {
                                format!("event `{}`", e.name)
                            } else {
                                format!(
                                    "`{}`",
                                    path.parts[1..i]
                                        .iter()
                                        .map(|p| p.value.as_str())
                                        .collect::<Vec<_>>()
                                        .join(".")
                                )
                            };
                            let mut d = Diagnostic::new(
                                Code::E0401,
                                part.span,
                                format!("{scope} has no field `{}`", part.value),
                            )
                            .label("unknown field");
                            if let Some(s) = crate::diagnostics::did_you_mean(
                                &part.value,
                                fields.iter().map(|f| f.name.as_str()),
                            ) {
                                d = d.help(format!("did you mean `{s}`?"));
                            } else {
                                d = d.help(format!(
                                    "{scope} has: {}",
                                    fields
                                        .iter()
                                        .map(|f| format!("`{}`", f.name))
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                ));
                            }
                            diags.push(d);
                            ok = false;
                            ty = None;
                            break;
                        };
                        let t = match &f.ty {
                            Ty::Named(n) => model
                                .type_def(n)
                                .map_or(Ty::String, |t| Ty::Record(t.fields.clone())),
                            other => other.clone(),
                        };
                        fields = match &t {
                            Ty::Record(fs) => fs.clone(),
                            _ => Vec::new(),
                        };
                        ty = Some(t);
                    }
                    ty
                }
                // `match any`: the detail of events of any type.
                None => None,
            },
            _ => Some(Ty::String),
        };
        out.push(ty);
    }
    ok.then_some(out)
}

/// Why the object an input transform builds does not fit `fields`.
fn transform_mismatch(
    model: &Model,
    fields: &[FieldDef],
    input: &InputTransform,
    types: &[Option<Ty>],
) -> Option<String> {
    for (k, _) in &input.entries {
        if !fields.iter().any(|f| f.name == k.value) {
            return Some(format!("the type has no field `{}`", k.value));
        }
    }
    for f in fields.iter().filter(|f| !f.optional) {
        if !input.entries.iter().any(|(k, _)| k.value == f.name) {
            return Some(format!("it lacks `{}`", f.name));
        }
    }
    let named = |t: &Ty| match t {
        Ty::Named(n) => model
            .type_def(n)
            .map_or(t.clone(), |d| Ty::Record(d.fields.clone())),
        other => other.clone(),
    };
    for ((k, v), ty) in input.entries.iter().zip(types) {
        let Some(f) = fields.iter().find(|f| f.name == k.value) else {
            continue;
        };
        let want = named(&f.ty);
        let fits = match (v, ty) {
            (InputValue::Path(_), Some(t)) => {
                *t == want
                    || matches!(
                        (t, &want),
                        (Ty::Enum(_), Ty::String) | (Ty::Int, Ty::Number)
                    )
            }
            (InputValue::Literal(j, _), _) => match &want {
                Ty::String | Ty::Timestamp => j.is_string(),
                Ty::Enum(options) => j.as_str().is_some_and(|s| options.iter().any(|o| o == s)),
                Ty::Int => j.is_i64(),
                Ty::Number => j.is_number(),
                Ty::Bool => j.is_boolean(),
                _ => false,
            },
            // Untyped (`match any`): nothing to compare.
            (InputValue::Path(_), None) => true,
        };
        if !fits {
            return Some(format!(
                "`{}` is not of the type of field `{}`",
                k.value, f.name
            ));
        }
    }
    None
}

/// The type a direct route sends to `target` as its `becomes` (message,
/// input): the `T` of `send T to ...`, else the route's `body`. Both
/// written and different is E0414, and None.
fn sent_type<'a>(
    route: &'a Route,
    target: &Ref,
    message: Option<&'a Ref>,
    becomes: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Option<&'a Ref>> {
    // A mapped payload is not the body: `T` (if written) types the mapping,
    // which `check::mapping` compares with it.
    if route.mapping.payload.is_some() {
        return Some(message);
    }
    if let (Some(m), Some(b)) = (message, &route.body) {
        if m.name != b.name {
            diags.push(
                Diagnostic::new(
                    Code::E0414,
                    b.span,
                    format!(
                        "route `{}` sends `{}` to `{}`, but declares its body `{}`",
                        route.key(),
                        m.name,
                        target.name,
                        b.name
                    ),
                )
                .label(format!("the body becomes the {becomes} as it is"))
                .with(m.span, "sent as this type")
                .help(format!("make both `{}`, or drop one of them", m.name)),
            );
            return None;
        }
    }
    Some(message.or(route.body.as_ref()))
}
