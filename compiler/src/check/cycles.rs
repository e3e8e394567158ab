//! Dependency cycles between declarations (E0110).
//!
//! CloudFormation creates a resource after every resource it references, so
//! references between declarations must not loop. The graph has an edge
//! wherever the emitted template makes one declaration's resources name
//! another's (`Ref`, `Fn::GetAtt`, `DependsOn`) in either target:
//! environment attributes, the ARNs in a function's role, an HTTP API's routes
//! (SAM builds the API from its functions), a bucket's notifications, a
//! queue's dead-letter queue, a rule's targets. References that compile to
//! constructed names (buckets, the default bus) add no edge. Strongly
//! connected components come from `graph`, linear and without recursion.

use crate::ast::{DeclKind, VerbKind};
use crate::diagnostics::Code;
use crate::diagnostics::Diagnostic;
use crate::model::*;
use crate::source::Span;
use std::collections::HashMap;

/// An edge: `from` references `to`, written at `span`.
struct Edge {
    to: usize,
    span: Span,
}

struct Graph {
    names: Vec<String>,
    index: HashMap<String, usize>,
    edges: Vec<Vec<Edge>>,
}

impl Graph {
    fn node(&mut self, name: &str) -> usize {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        self.names.push(name.to_string());
        self.edges.push(Vec::new());
        self.index.insert(name.to_string(), self.names.len() - 1);
        self.names.len() - 1
    }

    fn edge(&mut self, from: &str, to: &Ref) {
        let constructed =
            to.kind == DeclKind::Bucket || (to.kind == DeclKind::Bus && to.name == "default");
        if constructed {
            return;
        }
        let (a, b) = (self.node(from), self.node(&to.name));
        self.edges[a].push(Edge {
            to: b,
            span: to.span,
        });
    }
}

fn graph(model: &Model) -> Graph {
    let mut g = Graph {
        names: Vec::new(),
        index: HashMap::new(),
        edges: Vec::new(),
    };
    for f in &model.functions {
        g.node(&f.name);
        for (_, v) in &f.env {
            if let EnvValue::Attr(r, _) = v {
                g.edge(&f.name, r);
            }
        }
        for a in &f.access {
            // `answers M` names a state machine with a fixed name by the
            // ARN built from it, not by reference.
            let built =
                a.verb == VerbKind::Answers && model.physical_name(&a.target.name).is_some();
            if (a.verb != VerbKind::Emits || a.target.name != "default") && !built {
                g.edge(&f.name, &a.target);
            }
        }
        for t in &f.triggers {
            match t {
                Trigger::Queue { queue, .. } => g.edge(&f.name, queue),
                Trigger::Stream { source: table, .. } => g.edge(&f.name, table),
                Trigger::Bucket { .. } | Trigger::Topic { .. } => {}
            }
        }
        for d in f.destinations() {
            g.edge(&f.name, d.to);
        }
    }
    for a in &model.apis {
        for r in &a.routes {
            if let Some(t) = r.target_ref() {
                g.edge(&a.name, t);
            }
        }
    }
    for q in &model.queues {
        if let Some((d, _)) = &q.dead_letter {
            g.edge(&q.name, d);
        }
    }
    // A state machine's role names what its tasks call, and its
    // definition's substitutions what its placeholders stand for.
    for m in &model.state_machines {
        g.node(&m.name);
        for t in &m.tasks {
            g.edge(&m.name, &t.target);
        }
        for (_, r, _) in &m.substitutions {
            g.edge(&m.name, r);
        }
    }
    // A bucket names the functions it notifies (and depends on their
    // permissions).
    for f in &model.functions {
        for t in &f.triggers {
            if let Trigger::Bucket { bucket, .. } = t {
                let (b, fi) = (g.node(&bucket.name), g.node(&f.name));
                g.edges[b].push(Edge {
                    to: fi,
                    span: bucket.span,
                });
            }
        }
    }
    g
}

/// The named types a record needs a value of: its required fields' types,
/// through inline records but not through lists (which may be empty).
fn required_types<'a>(fields: &'a [FieldDef], out: &mut Vec<(&'a str, Span)>) {
    for f in fields.iter().filter(|f| !f.optional) {
        match &f.ty {
            Ty::Named(n) => out.push((n, f.span)),
            Ty::Record(inner) => required_types(inner, out),
            _ => {}
        }
    }
}

/// E0110 for a type that contains itself through required fields: no finite
/// value has it.
fn type_cycles(model: &Model, diags: &mut Vec<Diagnostic>) {
    let mut g = Graph {
        names: Vec::new(),
        index: HashMap::new(),
        edges: Vec::new(),
    };
    for t in &model.types {
        let from = g.node(&t.name);
        let mut needs = Vec::new();
        required_types(&t.fields, &mut needs);
        for (n, span) in needs {
            let to = g.node(n);
            g.edges[from].push(Edge { to, span });
        }
    }
    for component in super::graph::components(&g.edges, |e| e.to) {
        let start = component[0];
        let self_loop = g.edges[start].iter().any(|e| e.to == start);
        if component.len() < 2 && !self_loop {
            continue;
        }
        let span = g.edges[start]
            .iter()
            .find(|e| component.contains(&e.to))
            .map_or_else(Span::default, |e| e.span);
        let names: Vec<&str> = component.iter().map(|n| g.names[*n].as_str()).collect();
        diags.push(
            Diagnostic::new(Code::E0110, span, format!("type `{}` contains itself through required fields: no value of it can be written", names[0]))
                .label("required field of its own type")
                .help("make the field optional (`next?: ...`) or a list (`[...]`), which can end the chain"),
        );
    }
}

/// Reports every cycle, once per strongly connected component.
pub fn check(model: &Model, diags: &mut Vec<Diagnostic>) {
    type_cycles(model, diags);
    let g = graph(model);
    for component in super::graph::components(&g.edges, |e| e.to) {
        for &n in &component {
            if let Some(e) = g.edges[n].iter().find(|e| e.to == n) {
                diags.push(
                    Diagnostic::new(Code::E0110, e.span, format!("`{}` refers to itself", g.names[n]))
                        .label("a resource cannot reference its own attributes")
                        .help("a function's own name and ARN are known at run time: Lambda sets AWS_LAMBDA_FUNCTION_NAME, and the ARN is in the invocation context"),
                );
            }
        }
        if component.len() < 2 {
            continue;
        }
        let inside = |n: usize| component.binary_search(&n).is_ok();
        let cycle = shortest_cycle(&g, component[0], &inside);
        let path: Vec<&str> = cycle.iter().map(|(n, _)| g.names[*n].as_str()).collect();
        let Some((_, closing)) = cycle.last() else {
            continue;
        };
        let mut d = Diagnostic::new(
            Code::E0110,
            *closing,
            format!(
                "`{}` depends on itself: {} -> {}",
                path[0],
                path.join(" -> "),
                path[0]
            ),
        )
        .label("this reference closes the cycle");
        for (_, span) in &cycle[..cycle.len() - 1] {
            d = d.with(*span, "part of the cycle");
        }
        diags.push(d.help(
            "CloudFormation cannot create these in any order: remove one of the references (for an API's URL, look it up at run time or pass it as a parameter)",
        ));
    }
}

/// The edges of a shortest cycle through `start` within a component: each
/// entry is a node and the span of the edge leaving it.
fn shortest_cycle(g: &Graph, start: usize, inside: &dyn Fn(usize) -> bool) -> Vec<(usize, Span)> {
    let mut prev: HashMap<usize, (usize, Span)> = HashMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(n) = queue.pop_front() {
        for e in g.edges[n].iter().filter(|e| e.to != n) {
            if e.to == start {
                let mut path = vec![(n, e.span)];
                let mut cur = n;
                while cur != start {
                    let (p, s) = prev[&cur];
                    path.push((p, s));
                    cur = p;
                }
                path.reverse();
                return path;
            }
            if inside(e.to) && !prev.contains_key(&e.to) && e.to != start {
                prev.insert(e.to, (n, e.span));
                queue.push_back(e.to);
            }
        }
    }
    Vec::new()
}
