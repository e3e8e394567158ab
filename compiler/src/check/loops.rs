//! Event loops (E0320): paths of the event graph that feed themselves.
//!
//! The event graph has a node per declaration that carries events (functions,
//! queues, topics, tables with streams, Kinesis streams, rules) and an edge
//! wherever one hands events to the next at run time:
//!
//! - a function's `sends to`, `publishes to`, `writes` (a table feeds its
//!   stream; a Kinesis stream its consumers), `invokes`, and its
//!   destinations (`on_failure`, `on_success`, a stream trigger's
//!   `on_failure`);
//! - `emits E to B`: to every rule on bus `B` that matches `E`;
//! - `writes`/`deletes` of a bucket: straight to every function whose bucket
//!   trigger can fire for a key written under that prefix (created objects
//!   for writes, removed ones for deletes); prefixes that cannot overlap
//!   prove there is no loop;
//! - a trigger (`on Q`, `on T.stream`, `on S`, `on Topic`): from the source to
//!   the function;
//! - a topic's `subscribe`, a rule's targets, and every dead-letter queue
//!   (queues, subscriptions, rules): from the owner to the queue.
//!
//! Every strongly connected component with a cycle is one loop, reported
//! once with the shortest cycle through it, each hop labelled where it is
//! written. A function with `recursion = allow { reason }` takes its loops
//! out of the check (its node is left out of the graph); one that is in no
//! loop gets W0322. Components come from `graph`: linear in the size of
//! the graph, without recursion.

use crate::ast::{DeclKind, VerbKind};
use crate::diagnostics::Code;
use crate::diagnostics::Diagnostic;
use crate::model::*;
use crate::source::Span;
use std::collections::{HashMap, HashSet, VecDeque};

/// What a node is: it decides what AWS does about a loop through it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NodeKind {
    Function,
    Queue,
    Topic,
    Table,
    Stream,
    Rule,
    StateMachine,
}

/// A hop: events flow from one node to `to`, written at `span`.
struct Edge {
    to: usize,
    span: Span,
    /// A declaration naming another in the template (`invokes`, a function
    /// destination, a queue's dead-letter queue): a cycle of these alone is
    /// a dependency cycle of the template, E0110.
    direct: bool,
    /// The hop in words: "`Resize` writes to bucket `Images` (key prefix
    /// \"in/\"), which triggers `Resize`".
    text: String,
}

#[derive(Default)]
struct Graph {
    names: Vec<String>,
    kinds: Vec<NodeKind>,
    index: HashMap<String, usize>,
    edges: Vec<Vec<Edge>>,
    /// Where each node is declared (its name), for the order of reports.
    spans: Vec<Span>,
}

impl Graph {
    fn node(&mut self, name: &str, kind: NodeKind, span: Span) -> usize {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        self.names.push(name.to_string());
        self.kinds.push(kind);
        self.spans.push(span);
        self.edges.push(Vec::new());
        self.index.insert(name.to_string(), self.names.len() - 1);
        self.names.len() - 1
    }

    fn edge(&mut self, from: usize, to: usize, span: Span, text: String) {
        self.edges[from].push(Edge {
            to,
            span,
            direct: false,
            text,
        });
    }

    /// An edge to the node named `to`, if it is one (declarations that
    /// carry no events have none); `direct` when it is also a reference in
    /// the template.
    fn link(
        &mut self,
        from: usize,
        to: &str,
        span: Span,
        direct: bool,
        text: impl FnOnce() -> String,
    ) {
        if let Some(&to) = self.index.get(to) {
            self.edges[from].push(Edge {
                to,
                span,
                direct,
                text: text(),
            });
        }
    }
}

/// Runs the loop check.
pub fn check(model: &Model, diags: &mut Vec<Diagnostic>) {
    let (graph, allowed) = build(model);
    let sccs = cyclic_components(&graph);
    for scc in &sccs {
        // Declarations that name each other in a ring are a dependency
        // cycle of the template, reported as E0110 already.
        let cycle = shortest_cycle(&graph, scc);
        if !cycle.is_empty() && cycle.iter().all(|(_, e)| e.direct) {
            continue;
        }
        diags.push(report(&graph, scc, &cycle));
    }
    // Acknowledgements that acknowledge nothing: the function would be in
    // no loop even if its loops were checked.
    if allowed.is_empty() {
        return;
    }
    let (full, _) = build_with(model, false);
    let looping: std::collections::HashSet<usize> =
        cyclic_components(&full).into_iter().flatten().collect();
    for f in &model.functions {
        // An empty reason was E0321 already.
        let Some(reason) = f.recursion.as_ref().filter(|r| !r.value.is_empty()) else {
            continue;
        };
        let in_full = full.index.get(&f.name).is_some_and(|i| looping.contains(i));
        if !in_full {
            diags.push(
                Diagnostic::new(
                    Code::W0322,
                    reason.span,
                    format!("`{}` allows recursion, but it is in no event loop", f.name),
                )
                .label("nothing here to allow")
                .help(format!(
                    "remove `recursion = allow {{ ... }}` from `{}` so that Lambda stops a loop a later change introduces",
                    f.name
                )),
            );
        }
    }
}

/// The functions that must run with Lambda's recursive loop detection off:
/// every function of a loop (a cyclic component of the whole event graph)
/// that holds a function with `recursion = allow { reason }`.
pub fn recursion_allowed(model: &Model) -> HashSet<String> {
    if model.functions.iter().all(|f| f.recursion.is_none()) {
        return HashSet::new();
    }
    let (g, _) = build_with(model, false);
    let mut out = HashSet::new();
    for scc in cyclic_components(&g) {
        let functions = || scc.iter().filter(|&&i| g.kinds[i] == NodeKind::Function);
        let accepted = functions().any(|&i| {
            model
                .function(&g.names[i])
                .is_some_and(|f| f.recursion.is_some())
        });
        if accepted {
            out.extend(functions().map(|&i| g.names[i].clone()));
        }
    }
    out
}

/// The graph without the functions that allow recursion, and their names.
fn build(model: &Model) -> (Graph, Vec<String>) {
    build_with(model, true)
}

fn build_with(model: &Model, skip_allowed: bool) -> (Graph, Vec<String>) {
    let mut g = Graph::default();
    let allowed: Vec<String> = model
        .functions
        .iter()
        .filter(|f| f.recursion.is_some())
        .map(|f| f.name.clone())
        .collect();
    let allowed_set: HashSet<&str> = allowed.iter().map(String::as_str).collect();
    let skip = |name: &str| skip_allowed && allowed_set.contains(name);

    // Nodes first, in source order, so that reports start at the first
    // declaration of a loop.
    for &(kind, i) in &model.order {
        let (name, span, nk) = match kind {
            DeclKind::Function => (
                &model.functions[i].name,
                model.functions[i].span,
                NodeKind::Function,
            ),
            DeclKind::Queue => (&model.queues[i].name, model.queues[i].span, NodeKind::Queue),
            DeclKind::Topic => (&model.topics[i].name, model.topics[i].span, NodeKind::Topic),
            DeclKind::Table => (&model.tables[i].name, model.tables[i].span, NodeKind::Table),
            DeclKind::Stream => (
                &model.streams[i].name,
                model.streams[i].span,
                NodeKind::Stream,
            ),
            DeclKind::Rule => (&model.rules[i].name, model.rules[i].span, NodeKind::Rule),
            DeclKind::StateMachine => (
                &model.state_machines[i].name,
                model.state_machines[i].span,
                NodeKind::StateMachine,
            ),
            _ => continue,
        };
        if nk == NodeKind::Function && skip(name) {
            continue;
        }
        g.node(name, nk, span);
    }
    let at = |g: &Graph, name: &str| g.index.get(name).copied();

    // Rules by (bus, event), for `emits`.
    // `match any` rules are filed under the event name `*`: they see every
    // event on their bus that their envelope filter may match.
    let mut rules_by_event: HashMap<(&str, &str), Vec<&Rule>> = HashMap::new();
    for r in &model.rules {
        let bus = r.bus.as_ref().map_or("default", |b| b.name.as_str());
        let event = r.event.as_ref().map_or(ANY, |e| e.name.as_str());
        rules_by_event.entry((bus, event)).or_default().push(r);
    }
    let any_rules = |bus: &str, source: &str, detail_type: &str| -> Vec<&Rule> {
        rules_by_event
            .get(&(bus, ANY))
            .into_iter()
            .flatten()
            .copied()
            .filter(|r| envelope_may_match(r.filter.as_ref(), source, detail_type))
            .collect()
    };
    // The default bus's rules for S3's own events, by detail type, for
    // writes and deletes of buckets that notify EventBridge.
    let mut s3_rules: HashMap<&str, Vec<&Rule>> = HashMap::new();
    for r in model
        .rules
        .iter()
        .filter(|r| r.bus.as_ref().is_none_or(|b| b.name == "default"))
    {
        if let Some(e) = r
            .event
            .as_ref()
            .and_then(|m| model.event(&m.name))
            .filter(|e| e.source == "aws.s3")
        {
            s3_rules.entry(e.detail_type.as_str()).or_default().push(r);
        }
    }
    // Rules for Lambda's own invocation records (source `lambda`), by bus,
    // for destinations that are buses.
    let mut lambda_rules: HashMap<&str, Vec<&Rule>> = HashMap::new();
    for r in &model.rules {
        if r.event
            .as_ref()
            .and_then(|m| model.event(&m.name))
            .is_some_and(|e| e.source == "lambda")
        {
            let bus = r.bus.as_ref().map_or("default", |b| b.name.as_str());
            lambda_rules.entry(bus).or_default().push(r);
        }
    }
    // Bucket triggers by bucket, for writes and deletes.
    let mut bucket_triggers: HashMap<&str, Vec<(&Function, &Trigger)>> = HashMap::new();
    for f in &model.functions {
        for t in &f.triggers {
            if let Trigger::Bucket { bucket, .. } = t {
                bucket_triggers
                    .entry(bucket.name.as_str())
                    .or_default()
                    .push((f, t));
            }
        }
    }

    for f in &model.functions {
        let Some(from) = at(&g, &f.name) else {
            continue;
        };
        // Lambda writes the records of failed invocations into an
        // `on_failure` bucket: a write like any other.
        let records: Vec<Access> = f
            .destinations()
            .into_iter()
            .filter(|d| d.to.kind == DeclKind::Bucket)
            .map(|d| Access {
                verb: VerbKind::Writes,
                target: d.to.clone(),
                event: None,
                prefix: None,
            })
            .collect();
        for a in f.access.iter().chain(&records) {
            let target = &a.target;
            match (a.verb, target.kind) {
                (VerbKind::SendsTo, _) | (VerbKind::PublishesTo, _) | (VerbKind::Invokes, _) => {
                    let verb = match a.verb {
                        VerbKind::SendsTo => "sends to",
                        VerbKind::PublishesTo => "publishes to",
                        _ => "invokes",
                    };
                    // `invokes` names the function in the template (E0110).
                    let direct = a.verb == VerbKind::Invokes;
                    g.link(from, &target.name, target.span, direct, || {
                        format!("`{}` {verb} `{}`", f.name, target.name)
                    });
                }
                (VerbKind::Writes | VerbKind::Deletes, DeclKind::Table) => {
                    // Only a table with a stream passes its changes on.
                    let streamed = model
                        .table(&target.name)
                        .is_some_and(|t| t.stream.is_some());
                    if let (true, Some(to)) = (streamed, at(&g, &target.name)) {
                        let verb = if a.verb == VerbKind::Writes {
                            "writes"
                        } else {
                            "deletes from"
                        };
                        g.edge(
                            from,
                            to,
                            target.span,
                            format!(
                                "`{}` {verb} table `{}`, whose stream carries the change",
                                f.name, target.name
                            ),
                        );
                    }
                }
                (VerbKind::Writes, DeclKind::Stream) => {
                    if let Some(to) = at(&g, &target.name) {
                        g.edge(
                            from,
                            to,
                            target.span,
                            format!("`{}` writes to stream `{}`", f.name, target.name),
                        );
                    }
                }
                (VerbKind::Writes | VerbKind::Deletes, DeclKind::Bucket) => {
                    // A bucket that sends its events to EventBridge feeds
                    // the default bus's rules for S3 events about it.
                    let notifies = model
                        .names
                        .get(target.name.as_str())
                        .is_some_and(|&(k, i)| {
                            k == DeclKind::Bucket && model.buckets[i].eventbridge
                        });
                    if notifies {
                        let detail_type = if a.verb == VerbKind::Writes {
                            "Object Created"
                        } else {
                            "Object Deleted"
                        };
                        let s3_any = any_rules("default", "aws.s3", detail_type);
                        for r in s3_rules
                            .get(detail_type)
                            .into_iter()
                            .flatten()
                            .copied()
                            .chain(s3_any)
                        {
                            let compared = r.filter.as_ref().map(|f| f.attrs()).unwrap_or_default();
                            let names_bucket = compared.is_empty()
                                || compared.iter().any(|(b, _)| b.name == target.name);
                            // `object.key prefix "in/"` keeps writes under
                            // another prefix away, as a trigger's would.
                            let written = a.prefix.as_ref().map(|p| p.value.as_str());
                            let keys_meet = key_prefixes(r.filter.as_ref()).is_none_or(|watched| {
                                watched.iter().any(|p| prefixes_overlap(written, Some(p)))
                            });
                            if let (true, true, Some(to)) =
                                (names_bucket, keys_meet, at(&g, &r.name))
                            {
                                let verb = if a.verb == VerbKind::Writes {
                                    "writes"
                                } else {
                                    "deletes"
                                };
                                g.edge(
                                    from,
                                    to,
                                    target.span,
                                    format!("`{}` {verb} objects in bucket `{}`, whose EventBridge events rule `{}` matches", f.name, target.name, r.name),
                                );
                            }
                        }
                    }
                    let event = if a.verb == VerbKind::Writes {
                        BucketEvent::Created
                    } else {
                        BucketEvent::Removed
                    };
                    let written = a.prefix.as_ref().map(|p| p.value.as_str());
                    for (g_fn, t) in bucket_triggers
                        .get(target.name.as_str())
                        .into_iter()
                        .flatten()
                    {
                        let Trigger::Bucket {
                            events,
                            prefix,
                            suffix,
                            ..
                        } = t
                        else {
                            continue;
                        };
                        if !events.iter().any(|e| e.overlaps(event))
                            || !prefixes_overlap(written, prefix.as_deref())
                        {
                            continue;
                        }
                        let Some(to) = at(&g, &g_fn.name) else {
                            continue;
                        };
                        let verb = if a.verb == VerbKind::Writes {
                            "writes"
                        } else {
                            "deletes"
                        };
                        let under = written.map_or(String::new(), |p| format!(" under \"{p}\""));
                        let watched = match (prefix, suffix) {
                            (Some(p), Some(s)) => format!(" (keys \"{p}…{s}\")"),
                            (Some(p), None) => format!(" (keys under \"{p}\")"),
                            (None, Some(s)) => format!(" (keys ending \"{s}\")"),
                            (None, None) => String::new(),
                        };
                        g.edge(
                            from,
                            to,
                            target.span,
                            format!("`{}` {verb} objects{under} in bucket `{}`, which triggers `{}`{watched}", f.name, target.name, g_fn.name),
                        );
                    }
                }
                (VerbKind::Emits, _) => {
                    let Some(event) = &a.event else { continue };
                    let bus = target.name.as_str();
                    let (source, detail_type) = model
                        .event(&event.name)
                        .map_or(("", ""), |e| (e.source.as_str(), e.detail_type.as_str()));
                    let typed = rules_by_event
                        .get(&(bus, event.name.as_str()))
                        .into_iter()
                        .flatten()
                        .copied();
                    for r in typed.chain(any_rules(bus, source, detail_type)) {
                        if let Some(to) = at(&g, &r.name) {
                            let filtered = if r.filter.is_some() {
                                " (its filter may match)"
                            } else {
                                ""
                            };
                            g.edge(
                                from,
                                to,
                                event.span,
                                format!(
                                    "`{}` emits `{}` to `{}`, which rule `{}` matches{filtered}",
                                    f.name, event.name, bus, r.name
                                ),
                            );
                        }
                    }
                }
                _ => {}
            }
        }
        for d in f.destinations() {
            let what = match d.kind {
                DestinationKind::OnSuccess => "sends its results",
                _ => "sends its failures",
            };
            // Lambda puts invocation records on a bus as events from
            // `lambda`: every rule on that bus for them is fed.
            if d.to.kind == DeclKind::Bus {
                let lambda_any = any_rules(d.to.name.as_str(), "lambda", "");
                for r in lambda_rules
                    .get(d.to.name.as_str())
                    .into_iter()
                    .flatten()
                    .copied()
                    .chain(lambda_any)
                {
                    if let Some(to) = at(&g, &r.name) {
                        g.edge(
                            from,
                            to,
                            d.to.span,
                            format!(
                                "`{}` {what} to bus `{}`, where rule `{}` matches them",
                                f.name, d.to.name, r.name
                            ),
                        );
                    }
                }
            }
            // A function destination is named in the template (E0110).
            let direct = d.to.kind == DeclKind::Function;
            g.link(from, &d.to.name, d.to.span, direct, || {
                format!("`{}` {what} to `{}`", f.name, d.to.name)
            });
        }
        for t in &f.triggers {
            let (source, span) = match t {
                Trigger::Queue { queue, .. } => (queue, queue.span),
                Trigger::Stream { source, .. } => (source, source.span),
                Trigger::Topic { topic, .. } => (topic, topic.span),
                Trigger::Bucket { .. } => continue,
            };
            if let Some(s) = at(&g, &source.name) {
                let what = match t {
                    Trigger::Stream { .. } if source.kind == DeclKind::Table => {
                        "`{}`'s stream triggers"
                    }
                    _ => "`{}` triggers",
                };
                g.edge(
                    s,
                    from,
                    span,
                    format!("{} `{}`", what.replace("{}", &source.name), f.name),
                );
            }
            // A trigger's own dead-letter queue takes what SNS could not deliver.
            if let Trigger::Topic {
                topic,
                dead_letter: Some(d),
                ..
            } = t
            {
                if let (Some(s), Some(to)) = (at(&g, &topic.name), at(&g, &d.name)) {
                    g.edge(
                        s,
                        to,
                        d.span,
                        format!(
                            "`{}` sends what it cannot deliver to `{}`",
                            topic.name, d.name
                        ),
                    );
                }
            }
        }
    }
    for q in &model.queues {
        if let (Some((d, _)), Some(from)) = (&q.dead_letter, at(&g, &q.name)) {
            // A redrive policy names its queue: a ring of them is E0110.
            g.link(from, &d.name, d.span, true, || {
                format!("`{}` moves failing messages to `{}`", q.name, d.name)
            });
        }
    }
    for tp in &model.topics {
        let Some(from) = at(&g, &tp.name) else {
            continue;
        };
        for s in &tp.subscriptions {
            g.link(from, &s.queue.name, s.queue.span, false, || {
                format!("`{}` delivers to `{}`", tp.name, s.queue.name)
            });
            if let Some(d) = &s.dead_letter {
                g.link(from, &d.name, d.span, false, || {
                    format!("`{}` sends what it cannot deliver to `{}`", tp.name, d.name)
                });
            }
        }
    }
    // A state machine's tasks: it invokes functions, sends to queues,
    // publishes to topics, starts state machines and writes tables (whose
    // stream carries the change). The events it puts on a bus are untyped
    // in the definition: no edge.
    for m in &model.state_machines {
        let Some(from) = at(&g, &m.name) else {
            continue;
        };
        for t in &m.tasks {
            let writes = t.actions.iter().any(|a| {
                matches!(
                    a.as_str(),
                    "dynamodb:PutItem"
                        | "dynamodb:UpdateItem"
                        | "dynamodb:DeleteItem"
                        | "dynamodb:BatchWriteItem"
                        | "dynamodb:TransactWriteItems"
                )
            });
            let hop = match t.target.kind {
                DeclKind::Function => "invokes",
                DeclKind::Queue => "sends to",
                DeclKind::Topic => "publishes to",
                DeclKind::StateMachine => "starts",
                DeclKind::Table if writes => "writes",
                _ => continue,
            };
            g.link(from, &t.target.name, t.target.span, false, || {
                format!(
                    "state machine `{}` {hop} `{}` (task `{}`)",
                    m.name, t.target.name, t.state
                )
            });
        }
    }
    for r in &model.rules {
        let Some(from) = at(&g, &r.name) else {
            continue;
        };
        for t in &r.targets {
            g.link(from, &t.name, t.span, false, || {
                format!("rule `{}` sends to `{}`", r.name, t.name)
            });
        }
        // A bus target of this stack puts the event back on a bus: every
        // rule there that may match it is fed (the rule's own bus included).
        for t in r.targets.iter().filter(|t| {
            t.kind == DeclKind::Bus && model.bus(&t.name).is_none_or(|b| b.arn.is_none())
        }) {
            let event = r.event.as_ref().and_then(|e| model.event(&e.name));
            let (source, detail_type) =
                event.map_or(("", ""), |e| (e.source.as_str(), e.detail_type.as_str()));
            let typed: Vec<&Rule> = match event {
                Some(e) => rules_by_event
                    .get(&(t.name.as_str(), e.name.as_str()))
                    .into_iter()
                    .flatten()
                    .copied()
                    .collect(),
                // `match any` forwards events of every type.
                None => model
                    .rules
                    .iter()
                    .filter(|r2| r2.bus.as_ref().map_or("default", |b| b.name.as_str()) == t.name)
                    .collect(),
            };
            for r2 in typed
                .into_iter()
                .chain(any_rules(&t.name, source, detail_type))
            {
                if let Some(to) = at(&g, &r2.name) {
                    g.edge(
                        from,
                        to,
                        t.span,
                        format!(
                            "rule `{}` puts the event on bus `{}`, which rule `{}` matches",
                            r.name, t.name, r2.name
                        ),
                    );
                }
            }
        }
        if let Some(d) = &r.dead_letter {
            g.link(from, &d.name, d.span, false, || {
                format!(
                    "rule `{}` sends what it cannot deliver to `{}`",
                    r.name, d.name
                )
            });
        }
    }
    (g, allowed)
}

/// The key prefixes an S3 rule's filter requires of `object.key` (one of
/// them, for an `or`), or None when it lets any key through.
fn key_prefixes(filter: Option<&crate::model::Filter>) -> Option<Vec<String>> {
    use crate::model::{FieldTest, FilterKind};
    let e = filter?;
    match &e.kind {
        // Every operand holds: the first that constrains the key does.
        FilterKind::And(items) => items.iter().find_map(|i| key_prefixes(Some(i))),
        // One operand holds: each must constrain it, and any may.
        FilterKind::Or(items) => items
            .iter()
            .map(|i| key_prefixes(Some(i)))
            .collect::<Option<Vec<Vec<String>>>>()
            .map(|all| all.concat()),
        FilterKind::Cond(c) => {
            let field: Vec<&str> = c.field.parts.iter().map(|p| p.value.as_str()).collect();
            match (&field[..], &c.test) {
                (
                    ["object", "key"],
                    FieldTest::Prefix {
                        negated: false,
                        text,
                        ignore_case: false,
                    },
                ) => Some(vec![text.value.clone()]),
                _ => None,
            }
        }
    }
}

/// Whether a key written under `written` (None: anywhere) can fall under a
/// trigger's `watched` prefix (None: every key). A written key may end in
/// anything, so only the prefixes can keep them apart.
fn prefixes_overlap(written: Option<&str>, watched: Option<&str>) -> bool {
    match (written, watched) {
        (Some(w), Some(p)) => w.starts_with(p) || p.starts_with(w),
        _ => true,
    }
}

/// The strongly connected components that hold a cycle (more than one node,
/// or a node with an edge to itself), in the order of their first node.
fn cyclic_components(g: &Graph) -> Vec<Vec<usize>> {
    super::graph::components(&g.edges, |e| e.to)
        .into_iter()
        .filter(|c| c.len() > 1 || g.edges[c[0]].iter().any(|e| e.to == c[0]))
        .collect()
}

/// The shortest cycle through the component's first function (or first
/// node), as the edges taken: found by breadth-first search inside the
/// component.
fn shortest_cycle<'g>(g: &'g Graph, scc: &[usize]) -> Vec<(usize, &'g Edge)> {
    let start = scc
        .iter()
        .copied()
        .find(|&i| g.kinds[i] == NodeKind::Function)
        .unwrap_or(scc[0]);
    let member: std::collections::HashSet<usize> = scc.iter().copied().collect();
    // prev[node] = (from, edge index) on the shortest path from start.
    let mut prev: HashMap<usize, (usize, usize)> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    let mut closing: Option<(usize, usize)> = None;
    'search: while let Some(v) = queue.pop_front() {
        for (ei, e) in g.edges[v].iter().enumerate() {
            if !member.contains(&e.to) {
                continue;
            }
            if e.to == start {
                closing = Some((v, ei));
                break 'search;
            }
            if e.to != start && !prev.contains_key(&e.to) {
                prev.insert(e.to, (v, ei));
                queue.push_back(e.to);
            }
        }
    }
    let Some((last, ei)) = closing else {
        return Vec::new();
    };
    let mut path = vec![(last, &g.edges[last][ei])];
    let mut at = last;
    while at != start {
        let (from, ei) = prev[&at];
        path.push((from, &g.edges[from][ei]));
        at = from;
    }
    path.reverse();
    path
}

/// The E0320 of one loop.
fn report(g: &Graph, scc: &[usize], cycle: &[(usize, &Edge)]) -> Diagnostic {
    let Some(&(first, first_edge)) = cycle.first() else {
        // Unreachable for a cyclic component; report the component itself.
        return Diagnostic::new(Code::E0320, g.spans[scc[0]], "event loop");
    };
    let mut chain: Vec<&str> = cycle
        .iter()
        .map(|(from, _)| g.names[*from].as_str())
        .collect();
    chain.push(&g.names[first]);
    // What AWS does about it: Lambda's recursive loop detection follows
    // events through SQS, SNS and S3 only.
    let detected = cycle.iter().all(|(from, e)| {
        matches!(
            g.kinds[*from],
            NodeKind::Function | NodeKind::Queue | NodeKind::Topic
        ) && matches!(
            g.kinds[e.to],
            NodeKind::Function | NodeKind::Queue | NodeKind::Topic
        )
    });
    let fate = if detected {
        "Lambda stops such a loop only after about 16 invocations, dropping the event"
    } else {
        "nothing in AWS stops a loop through EventBridge, DynamoDB or Kinesis: it runs and bills until someone notices"
    };
    let hops = cycle.len();
    // A long loop is named by its ends: the labels show its hops (up to a
    // bound, so that the report stays readable).
    const SHOWN: usize = 8;
    let names: Vec<String> = chain.iter().map(|n| format!("`{n}`")).collect();
    let named = if names.len() > SHOWN {
        format!(
            "{} → … → {}",
            names[..SHOWN / 2].join(" → "),
            names[names.len() - SHOWN / 2..].join(" → ")
        )
    } else {
        names.join(" → ")
    };
    let message = if hops == 1 {
        format!("event loop: `{}` triggers itself", g.names[first])
    } else {
        format!("event loop through {hops} hops: {named}")
    };
    let functions: Vec<&str> = scc
        .iter()
        .filter(|&&i| g.kinds[i] == NodeKind::Function)
        .map(|&i| g.names[i].as_str())
        .collect();
    let mut d = Diagnostic::new(Code::E0320, first_edge.span, message)
        .label(format!("{}; {fate}", first_edge.text));
    const LABELS: usize = 12;
    for (_, e) in cycle.iter().skip(1).take(LABELS) {
        d = d.with(e.span, e.text.clone());
    }
    let bucket = cycle.iter().any(|(_, e)| e.text.contains(" in bucket `"));
    let break_it = if bucket {
        "write under a key prefix the trigger does not watch (`writes B prefix \"out/\"` with `on B { prefix = \"in/\" }`), or to another bucket"
    } else {
        "send the output to a different queue, topic, bus or table than the one that triggers the function"
    };
    let allow = match functions.first() {
        Some(f) => format!(
            "; if the loop ends by design, add `recursion = allow {{ reason = \"...\" }}` to `{f}`"
        ),
        None => String::new(),
    };
    d.help(format!("{break_it}{allow}"))
}

/// The event name `match any` rules are filed under.
const ANY: &str = "*";

/// Whether an event of `source` and `detail_type` may pass the envelope
/// filter of a `match any` rule: false only when a top-level condition on
/// `source` or `detail-type` (joined by `and`) excludes it for sure: an
/// equality, an `in` list or a `prefix` the value fails. Anything else may
/// match, as far as a loop is concerned. An empty `detail_type` is one
/// that varies (Lambda's invocation records) and passes.
pub(crate) fn envelope_may_match(filter: Option<&Filter>, source: &str, detail_type: &str) -> bool {
    let Some(f) = filter else { return true };
    let conds: Vec<&Condition> = match &f.kind {
        FilterKind::Cond(c) => vec![c],
        FilterKind::And(items) => items
            .iter()
            .filter_map(|i| match &i.kind {
                FilterKind::Cond(c) => Some(c),
                _ => None,
            })
            .collect(),
        FilterKind::Or(_) => return true,
    };
    conds.iter().all(|c| {
        let value = match c.field.text().as_str() {
            "source" => source,
            "detail-type" if !detail_type.is_empty() => detail_type,
            _ => return true,
        };
        fn text(o: &Operand) -> Option<&str> {
            match &o.kind {
                OperandKind::Str(s) => Some(s.as_str()),
                _ => None,
            }
        }
        match &c.test {
            FieldTest::Compare(crate::ast::CmpOp::Eq, o, false) => {
                text(o).is_none_or(|t| t == value)
            }
            FieldTest::In {
                negated: false,
                values,
            } => values.iter().any(|o| text(o).is_none_or(|t| t == value)),
            FieldTest::Prefix {
                negated: false,
                text: p,
                ignore_case: false,
            } => value.starts_with(p.value.as_str()),
            _ => true,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::prefixes_overlap;

    #[test]
    fn prefixes_keep_writes_from_triggers() {
        assert!(prefixes_overlap(None, Some("in/")));
        assert!(prefixes_overlap(Some("in/"), None));
        assert!(prefixes_overlap(Some("in/a"), Some("in/")));
        assert!(prefixes_overlap(Some("in/"), Some("in/a")));
        assert!(!prefixes_overlap(Some("out/"), Some("in/")));
    }
}
