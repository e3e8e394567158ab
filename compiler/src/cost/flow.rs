//! Traffic along the event graph: what arrives at each declaration in a
//! month, from the traffic the spec declares (`traffic = RATE`, schedules'
//! runs), passed from declaration to declaration as the app hands events on.
//!
//! Nodes are named `KIND:NAME` (`function:Resize`, `queue:Jobs`,
//! `bus:Orders:OrderPlaced` for the events of one type on a bus,
//! `bus:Orders:*` for what arrives there from outside). Each edge carries
//! a factor: 1 for one event per event, `1 / batch` from a queue or stream
//! to its consumer, a rule's `passes`. Failures are not traffic: no edge
//! goes to a destination of failures or a dead-letter queue.
//!
//! Loops (reported by `check` unless a function allows recursion) are
//! followed once around: an edge back into a node still being visited is
//! dropped, and listed, so the count terminates and says where it stopped.

use crate::ast::{DeclKind, VerbKind};
use crate::model::*;
use indexmap::IndexMap;
use std::collections::HashMap;

/// Why an edge exists, in words, for the output's derivations.
#[derive(Debug, Clone)]
pub struct Edge {
    /// The node it leads to.
    pub to: String,
    /// What one event at the source becomes at `to`.
    pub factor: f64,
}

/// The event graph with its declared inputs.
#[derive(Debug, Default)]
pub struct Graph {
    /// Every node's out-edges, nodes in the order first met.
    pub edges: IndexMap<String, Vec<Edge>>,
    /// What arrives at each node from outside the app, per month.
    pub inputs: IndexMap<String, f64>,
}

impl Graph {
    fn node(&mut self, name: &str) {
        if !self.edges.contains_key(name) {
            self.edges.insert(name.to_string(), Vec::new());
        }
    }

    fn edge(&mut self, from: &str, to: String, factor: f64) {
        self.node(from);
        self.node(&to);
        self.edges[from].push(Edge { to, factor });
    }

    fn input(&mut self, node: String, per_month: f64) {
        self.node(&node);
        *self.inputs.entry(node).or_default() += per_month;
    }
}

/// What arrives at every node in a month, and the edges dropped to end a
/// loop (`from -> to`).
#[derive(Debug, Default)]
pub struct Flow {
    /// Per node, events (invocations, messages, requests, objects) a month.
    pub received: HashMap<String, f64>,
    /// Loops followed once around: the edge that would have closed each.
    pub loops: Vec<(String, String)>,
}

impl Flow {
    /// What arrives at `node` a month (0 for a node nothing reaches).
    pub fn at(&self, node: &str) -> f64 {
        self.received.get(node).copied().unwrap_or(0.0)
    }
}

/// Propagates the inputs: the graph without the edges that close a loop
/// (found by a depth-first search in node order) is acyclic, and each node
/// passes on what it received, in topological order.
pub fn propagate(g: &Graph) -> Flow {
    let n = g.edges.len();
    let index = |name: &str| g.edges.get_index_of(name).unwrap_or(usize::MAX);
    // 0: not seen, 1: on the path, 2: done.
    let mut state = vec![0u8; n];
    let mut post: Vec<usize> = Vec::with_capacity(n);
    let mut back: Vec<(usize, usize)> = Vec::new();
    for root in 0..n {
        if state[root] != 0 {
            continue;
        }
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        state[root] = 1;
        while let Some(&mut (v, ref mut next)) = work.last_mut() {
            let out = &g.edges[v];
            if let Some(e) = out.get(*next) {
                *next += 1;
                let w = index(&e.to);
                match state[w] {
                    0 => {
                        state[w] = 1;
                        work.push((w, 0));
                    }
                    1 => back.push((v, w)),
                    _ => {}
                }
                continue;
            }
            state[v] = 2;
            post.push(v);
            work.pop();
        }
    }
    let mut received = vec![0.0f64; n];
    for (name, count) in &g.inputs {
        received[index(name)] += count;
    }
    for &v in post.iter().rev() {
        let here = received[v];
        for e in &g.edges[v] {
            let w = index(&e.to);
            if back.contains(&(v, w)) {
                continue;
            }
            received[w] += here * e.factor;
        }
    }
    back.sort_unstable();
    back.dedup();
    Flow {
        received: (g.edges.keys().cloned()).zip(received).collect(),
        loops: back
            .into_iter()
            .map(|(v, w)| {
                let name = |i: usize| {
                    g.edges
                        .get_index(i)
                        .map(|(k, _)| k.clone())
                        .unwrap_or_default()
                };
                (name(v), name(w))
            })
            .collect(),
    }
}

/// The node of a declaration that receives events.
pub fn node_of(kind: DeclKind, name: &str) -> Option<String> {
    let prefix = match kind {
        DeclKind::Function => "function",
        DeclKind::Queue => "queue",
        DeclKind::Topic => "topic",
        DeclKind::Stream => "stream",
        DeclKind::Bucket => "bucket",
        DeclKind::StateMachine => "machine",
        DeclKind::Rule => "rule",
        _ => return None,
    };
    Some(format!("{prefix}:{name}"))
}

/// The node of a route.
pub fn route_node(api: &str, route: &Route) -> String {
    format!("route:{api}:{} {}", route.method, route.path.value)
}

/// The node of the events of type `event` (`*`: from outside, of any
/// type) on bus `bus`.
pub fn bus_node(bus: &str, event: &str) -> String {
    format!("bus:{bus}:{event}")
}

/// The node of a schedule.
pub fn schedule_node(name: &str) -> String {
    format!("schedule:{name}")
}

/// A trigger's batch size, at least 1.
fn batch_of(t: &Trigger) -> f64 {
    match t {
        Trigger::Queue { batch, .. } | Trigger::Stream { batch, .. } => batch.value.max(1) as f64,
        _ => 1.0,
    }
}

/// The event graph of a model, with the traffic it declares and every
/// schedule's runs (`runs` gives a schedule's runs a month).
pub fn graph(model: &Model, runs: &dyn Fn(&Schedule) -> f64) -> Graph {
    let mut g = Graph::default();
    let usage = &model.usage;
    // How many functions consume each queue: its messages are shared
    // between them, not copied.
    let mut consumers: HashMap<&str, usize> = HashMap::new();
    for t in model.functions.iter().flat_map(|f| &f.triggers) {
        if let Trigger::Queue { queue, .. } = t {
            *consumers.entry(queue.name.as_str()).or_default() += 1;
        }
    }
    // Inputs: declared traffic, in source order.
    for &(kind, i) in &model.order {
        match kind {
            DeclKind::Api => {
                let api = &model.apis[i];
                for r in &api.routes {
                    let at = UsageAt::Route {
                        api: api.name.clone(),
                        method: r.method.clone(),
                        path: r.path.value.clone(),
                    };
                    let node = route_node(&api.name, r);
                    g.node(&node);
                    if let Some(rate) = usage.traffic.get(&at) {
                        g.input(node, rate.value.per_month());
                    }
                }
            }
            DeclKind::Schedule => {
                let s = &model.schedules[i];
                g.input(schedule_node(&s.name), runs(s));
            }
            DeclKind::Bus => {
                let b = &model.buses[i];
                if let Some(rate) = usage.traffic_of(&b.name) {
                    g.input(bus_node(&b.name, "*"), rate.value.per_month());
                }
            }
            _ => {
                let Some((name, node)) =
                    decl_name(model, kind, i).and_then(|n| node_of(kind, n).map(|node| (n, node)))
                else {
                    continue;
                };
                g.node(&node);
                if let Some(rate) = usage.traffic_of(name) {
                    g.input(node, rate.value.per_month());
                }
            }
        }
    }
    // Rules by bus, for what reaches a bus.
    let bus_of = |r: &Rule| {
        r.bus
            .as_ref()
            .map_or("default".to_string(), |b| b.name.clone())
    };
    // Rules by bus and event, by bus for `match any`, and by bus for
    // events from outside (of no declared type, or of a type produced
    // outside the spec): indexed once, so that each bus node finds its rules
    // without scanning them all.
    let mut typed: HashMap<(String, &str), Vec<&Rule>> = HashMap::new();
    let mut any: HashMap<String, Vec<&Rule>> = HashMap::new();
    let mut outside: HashMap<String, Vec<&Rule>> = HashMap::new();
    for r in &model.rules {
        match &r.event {
            Some(e) => {
                typed
                    .entry((bus_of(r), e.name.as_str()))
                    .or_default()
                    .push(r);
                if model.event(&e.name).is_none_or(|d| d.external) {
                    outside.entry(bus_of(r)).or_default().push(r);
                }
            }
            None => {
                any.entry(bus_of(r)).or_default().push(r);
                outside.entry(bus_of(r)).or_default().push(r);
            }
        }
    }
    let rules_for = |bus: &str, event: Option<&str>| -> Vec<&Rule> {
        let Some(ev) = event else {
            return outside.get(bus).cloned().unwrap_or_default();
        };
        let (source, detail_type) = model
            .event(ev)
            .map_or(("", ""), |e| (e.source.as_str(), e.detail_type.as_str()));
        let matching_any = (any.get(bus).into_iter().flatten()).filter(|r| {
            crate::check::loops::envelope_may_match(r.filter.as_ref(), source, detail_type)
        });
        (typed.get(&(bus.to_string(), ev)).into_iter().flatten())
            .chain(matching_any)
            .copied()
            .collect()
    };
    // Routes and schedules hand their traffic to their targets.
    for api in &model.apis {
        for r in &api.routes {
            let from = route_node(&api.name, r);
            match &r.target {
                RouteTarget::Function(f) => g.edge(&from, format!("function:{}", f.name), 1.0),
                RouteTarget::Queue { queue, .. } => {
                    g.edge(&from, format!("queue:{}", queue.name), 1.0)
                }
                RouteTarget::Bus { bus, event } => {
                    let e = event.as_ref().map_or("*", |e| e.name.as_str());
                    g.edge(&from, bus_node(&bus.name, e), 1.0);
                }
                RouteTarget::StateMachine { machine, .. } => {
                    g.edge(&from, format!("machine:{}", machine.name), 1.0)
                }
                RouteTarget::Table { table, action } => {
                    let streamed = model.table(&table.name).is_some_and(|t| t.stream.is_some());
                    let writes = matches!(action.value, TableAction::Put | TableAction::Delete);
                    if streamed && writes {
                        g.edge(&from, format!("table:{}", table.name), 1.0);
                    }
                }
                RouteTarget::Bucket { bucket, action } => {
                    if action.value == BucketAction::Put {
                        g.edge(&from, format!("bucket:{}", bucket.name), 1.0);
                    }
                }
                RouteTarget::Url(_) => {}
            }
        }
    }
    for s in &model.schedules {
        if let Some(to) = node_of(s.target.kind, &s.target.name) {
            g.edge(&schedule_node(&s.name), to, 1.0);
        }
    }
    // Functions: what each invocation hands on.
    for f in &model.functions {
        let from = format!("function:{}", f.name);
        g.node(&from);
        for a in &f.access {
            let t = &a.target;
            match (a.verb, t.kind) {
                (VerbKind::SendsTo | VerbKind::PublishesTo | VerbKind::Invokes, k) => {
                    if let Some(to) = node_of(k, &t.name) {
                        g.edge(&from, to, 1.0);
                    }
                }
                (VerbKind::Emits, _) => {
                    let e = a.event.as_ref().map_or("*", |e| e.name.as_str());
                    g.edge(&from, bus_node(&t.name, e), 1.0);
                }
                (VerbKind::Writes, DeclKind::Table)
                    if model.table(&t.name).is_some_and(|tb| tb.stream.is_some()) =>
                {
                    g.edge(&from, format!("table:{}", t.name), 1.0);
                }
                (VerbKind::Writes, DeclKind::Stream | DeclKind::Bucket) => {
                    if let Some(to) = node_of(t.kind, &t.name) {
                        g.edge(&from, to, 1.0);
                    }
                }
                _ => {}
            }
        }
        // Successes are traffic (one record per successful asynchronous
        // invocation); failures are not.
        if f.invoked_async {
            if let Some(to) = f.on_success.as_ref().and_then(|d| node_of(d.kind, &d.name)) {
                g.edge(&from, to, 1.0);
            }
        }
        // Triggers: from the source to the function.
        for t in &f.triggers {
            match t {
                Trigger::Queue { queue, .. } => {
                    let consumers = consumers.get(queue.name.as_str()).copied().unwrap_or(1) as f64;
                    g.edge(
                        &format!("queue:{}", queue.name),
                        from.clone(),
                        1.0 / batch_of(t) / consumers,
                    );
                }
                Trigger::Stream { source, .. } => {
                    let node = match source.kind {
                        DeclKind::Table => format!("table:{}", source.name),
                        _ => format!("stream:{}", source.name),
                    };
                    g.edge(&node, from.clone(), 1.0 / batch_of(t));
                }
                Trigger::Topic { topic, .. } => {
                    g.edge(&format!("topic:{}", topic.name), from.clone(), 1.0)
                }
                Trigger::Bucket { bucket, events, .. } => {
                    if events.iter().any(|e| e.is_creation()) {
                        g.edge(&format!("bucket:{}", bucket.name), from.clone(), 1.0);
                    }
                }
            }
        }
    }
    // Topics deliver to every subscribed queue (functions subscribe by
    // their trigger, above).
    for t in &model.topics {
        for s in &t.subscriptions {
            g.edge(
                &format!("topic:{}", t.name),
                format!("queue:{}", s.queue.name),
                1.0,
            );
        }
    }
    // Buckets that notify EventBridge: their uploads reach the default
    // bus's rules for S3's "Object Created" events about them.
    for b in model.buckets.iter().filter(|b| b.eventbridge) {
        for r in &model.rules {
            if bus_of(r) != "default" {
                continue;
            }
            let created = match r.event.as_ref().and_then(|e| model.event(&e.name)) {
                Some(e) => e.source == "aws.s3" && e.detail_type == "Object Created",
                None => crate::check::loops::envelope_may_match(
                    r.filter.as_ref(),
                    "aws.s3",
                    "Object Created",
                ),
            };
            let compared = r.filter.as_ref().map(|f| f.attrs()).unwrap_or_default();
            let names_bucket =
                compared.is_empty() || compared.iter().any(|(x, _)| x.name == b.name);
            if created && names_bucket {
                g.edge(
                    &format!("bucket:{}", b.name),
                    format!("rule:{}", r.name),
                    1.0,
                );
            }
        }
    }
    // Buses: each node of events reaches the rules that match them.
    let bus_nodes: Vec<String> = g
        .edges
        .keys()
        .filter(|k| k.starts_with("bus:"))
        .cloned()
        .collect();
    let mut seen_bus_nodes: std::collections::HashSet<String> = Default::default();
    let mut pending = bus_nodes;
    // Rules that put events on a bus add bus nodes: repeat until none is new.
    while let Some(node) = pending.pop() {
        if !seen_bus_nodes.insert(node.clone()) {
            continue;
        }
        let mut parts = node.splitn(3, ':');
        let (_, bus, event) = (
            parts.next(),
            parts.next().unwrap_or(""),
            parts.next().unwrap_or("*"),
        );
        let event = (event != "*").then_some(event);
        for r in rules_for(bus, event) {
            g.edge(&node, format!("rule:{}", r.name), 1.0);
        }
    }
    // Rules send what they match to each target.
    for r in &model.rules {
        let from = format!("rule:{}", r.name);
        g.node(&from);
        let passes = usage.passes.get(&r.name).map_or(1.0, |p| p.value);
        for t in &r.targets {
            let to = match t.kind {
                DeclKind::Bus => {
                    let e = r.event.as_ref().map_or("*", |e| e.name.as_str());
                    let node = bus_node(&t.name, e);
                    if seen_bus_nodes.insert(node.clone()) {
                        for r2 in rules_for(&t.name, (e != "*").then_some(e)) {
                            g.edge(&node, format!("rule:{}", r2.name), 1.0);
                        }
                    }
                    Some(node)
                }
                k => node_of(k, &t.name),
            };
            if let Some(to) = to {
                g.edge(&from, to, passes);
            }
        }
    }
    // State machines: each execution runs each task once (assumed).
    for m in &model.state_machines {
        let from = format!("machine:{}", m.name);
        for t in &m.tasks {
            let writes = t.actions.iter().any(|a| is_table_write(a));
            let to = match t.target.kind {
                DeclKind::Table if writes => model
                    .table(&t.target.name)
                    .and_then(|tb| tb.stream.as_ref())
                    .map(|_| format!("table:{}", t.target.name)),
                DeclKind::Table => None,
                k => node_of(k, &t.target.name),
            };
            if let Some(to) = to {
                g.edge(&from, to, 1.0);
            }
        }
    }
    // Pipes: records from their source to their target.
    for p in &model.pipes {
        let from = match p.source.kind {
            DeclKind::Table => format!("table:{}", p.source.name),
            k => match node_of(k, &p.source.name) {
                Some(n) => n,
                None => continue,
            },
        };
        let batch = p.batch.as_ref().map_or(1.0, |b| b.value.max(1) as f64);
        if let Some(to) = node_of(p.target.kind, &p.target.name) {
            let factor = if p.target.kind == DeclKind::Function {
                1.0 / batch
            } else {
                1.0
            };
            g.edge(&from, to, factor);
        }
    }
    g
}

/// Whether a state machine's task action writes a table.
pub fn is_table_write(action: &str) -> bool {
    matches!(
        action,
        "dynamodb:PutItem"
            | "dynamodb:UpdateItem"
            | "dynamodb:DeleteItem"
            | "dynamodb:BatchWriteItem"
            | "dynamodb:TransactWriteItems"
    )
}

/// The name of the declaration at `(kind, i)` of the model's order.
fn decl_name(model: &Model, kind: DeclKind, i: usize) -> Option<&str> {
    Some(match kind {
        DeclKind::Function => &model.functions[i].name,
        DeclKind::Queue => &model.queues[i].name,
        DeclKind::Topic => &model.topics[i].name,
        DeclKind::Stream => &model.streams[i].name,
        DeclKind::Bucket => &model.buckets[i].name,
        DeclKind::StateMachine => &model.state_machines[i].name,
        DeclKind::Rule => &model.rules[i].name,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(edges: &[(&str, &str, f64)], inputs: &[(&str, f64)]) -> Graph {
        let mut g = Graph::default();
        for (from, to, factor) in edges {
            g.edge(from, to.to_string(), *factor);
        }
        for (node, n) in inputs {
            g.input(node.to_string(), *n);
        }
        g
    }

    #[test]
    fn a_chain_passes_on_what_it_receives_with_its_factors() {
        // route -> function -> queue -(batch 10)-> consumer
        let g = graph(
            &[
                ("route:A", "function:F", 1.0),
                ("function:F", "queue:Q", 1.0),
                ("queue:Q", "function:C", 0.1),
            ],
            &[("route:A", 1000.0)],
        );
        let f = propagate(&g);
        assert_eq!(f.at("function:F"), 1000.0);
        assert_eq!(f.at("queue:Q"), 1000.0);
        assert_eq!(f.at("function:C"), 100.0);
        assert!(f.loops.is_empty());
    }

    #[test]
    fn a_diamond_adds_both_paths() {
        let g = graph(
            &[
                ("topic:T", "queue:A", 1.0),
                ("topic:T", "queue:B", 1.0),
                ("queue:A", "function:F", 1.0),
                ("queue:B", "function:F", 1.0),
            ],
            &[("topic:T", 50.0)],
        );
        assert_eq!(propagate(&g).at("function:F"), 100.0);
    }

    #[test]
    fn a_loop_is_followed_once_around_and_reported() {
        let g = graph(
            &[
                ("function:F", "bucket:B", 1.0),
                ("bucket:B", "function:F", 1.0),
            ],
            &[("function:F", 10.0)],
        );
        let f = propagate(&g);
        assert_eq!(f.at("function:F"), 10.0);
        assert_eq!(f.at("bucket:B"), 10.0);
        assert_eq!(
            f.loops,
            vec![("bucket:B".to_string(), "function:F".to_string())]
        );
    }
}
