//! Deploy-time conditions in the template: the `Conditions` section, the
//! `Condition` of every resource and output a conditional declaration makes,
//! and `Fn::If` around whatever else refers to one.
//!
//! Each declaration under `when = C` owns its resources (recorded as they
//! are added, see [`super::Template`]), so they all get `Condition: C`.
//! Other resources may refer to them: a queue's `RedrivePolicy` naming a
//! conditional dead-letter queue, a role's statement on a conditional
//! table, a pool's trigger. CloudFormation rejects a reference from a
//! resource that may exist to one that may not, so this pass walks every
//! resource and output and, for each such reference, either
//! - wraps the nearest part that may be left out (a property the type does
//!   not require, a list element, an environment variable, a destination)
//!   in `Fn::If [C, part, AWS::NoValue]`, or
//! - where nothing may be left out (a permission's `FunctionName`, an event
//!   source mapping's function), puts the referring resource itself under
//!   the condition too, and repeats until nothing changes.
//!
//! `check` has already rejected what must not depend on a condition this
//! way (E0333: a function triggered by a conditional source, a route to a
//! conditional function), so what is left out here is what may be: a
//! statement, a target, a destination.

use crate::model::{Cond, CondOperand, Model};
use crate::naming::ids::logical;
use serde_json::{json, Map, Value as Json};
use std::collections::{BTreeSet, HashMap};

/// `value if C [else other]`: `Fn::If [C, value, other]`, `AWS::NoValue`
/// for a missing other.
pub fn guarded(cond: &str, value: Json, other: Option<Json>) -> Json {
    json!({ "Fn::If": [cond, value, other.unwrap_or_else(|| json!({ "Ref": "AWS::NoValue" }))] })
}

/// Where a reference may be cut: the keys each of whose values may be left
/// out, by the key of the object holding them. Everything else nested in a
/// property is taken to be required by its object (so the cut moves up).
fn optional_child(parent: &str, key: &str) -> bool {
    matches!(parent, "Variables" | "LambdaConfig")
        || matches!(
            key,
            "OnSuccess" | "OnFailure" | "DeadLetterConfig" | "RedrivePolicy" | "RetryPolicy"
        )
}

/// The `Conditions` section, in declaration order.
pub fn section(model: &Model) -> Map<String, Json> {
    model
        .conditions
        .iter()
        .chain(&model.extra_conditions)
        .map(|c| (c.name.clone(), cond_json(&c.expr)))
        .collect()
}

/// A condition as CloudFormation writes it.
fn cond_json(c: &Cond) -> Json {
    match c {
        Cond::Or(parts) => nary("Fn::Or", parts),
        Cond::And(parts) => nary("Fn::And", parts),
        Cond::Not(inner) => json!({ "Fn::Not": [cond_json(inner)] }),
        Cond::Equals(a, b) => json!({ "Fn::Equals": [operand(a), operand(b)] }),
        Cond::Ref(name) => json!({ "Condition": name }),
    }
}

/// `Fn::And` and `Fn::Or` take 2 to 10 conditions: one is itself, more
/// than ten are nested.
fn nary(f: &str, parts: &[Cond]) -> Json {
    match parts.len() {
        0 => json!({ "Fn::Equals": ["", ""] }),
        1 => cond_json(&parts[0]),
        n if n <= 10 => json!({ f: parts.iter().map(cond_json).collect::<Vec<_>>() }),
        _ => {
            let (head, rest) = parts.split_at(9);
            let mut items: Vec<Json> = head.iter().map(cond_json).collect();
            items.push(nary(f, rest));
            json!({ f: items })
        }
    }
}

fn operand(o: &CondOperand) -> Json {
    match o {
        CondOperand::Param(p) => json!({ "Ref": logical(p) }),
        CondOperand::Text(t) => crate::naming::refs::text(t),
    }
}

/// Conjunctions this pass needs, by the name it gives them.
#[derive(Default)]
struct Names {
    declared: BTreeSet<String>,
    extra: Map<String, Json>,
}

impl Names {
    /// The name of the condition that all of `set` hold: the one condition,
    /// or a conjunction named after them.
    fn of(&mut self, set: &BTreeSet<String>) -> String {
        if set.len() == 1 {
            return set.iter().next().cloned().unwrap_or_default();
        }
        let mut name = set.iter().cloned().collect::<Vec<_>>().join("And");
        while self.declared.contains(&name) {
            name.push('X');
        }
        if !self.extra.contains_key(&name) {
            let parts: Vec<Cond> = set.iter().map(|c| Cond::Ref(c.clone())).collect();
            self.extra.insert(name.clone(), nary("Fn::And", &parts));
        }
        name
    }
}

/// Applies the conditions to `doc` (a whole template with `Resources` and
/// maybe `Outputs`), and adds its `Conditions` section.
pub fn apply(
    model: &Model,
    owned: &HashMap<String, String>,
    aliases: &[(Json, String)],
    doc: &mut Map<String, Json>,
) {
    if model.conditions.is_empty() {
        return;
    }
    // `N = not M`: where `Fn::If [M, a, b]` takes `b`, N holds.
    let neg: HashMap<String, String> = model
        .conditions
        .iter()
        .chain(&model.extra_conditions)
        .filter_map(|c| match &c.expr {
            Cond::Not(inner) => match inner.as_ref() {
                Cond::Ref(m) => Some((c.name.clone(), m.clone())),
                _ => None,
            },
            _ => None,
        })
        .collect();
    let mut names = Names {
        declared: model.conditions.iter().map(|c| c.name.clone()).collect(),
        ..Names::default()
    };
    let mut sets: Sets = HashMap::new();
    if let Some(Json::Object(resources)) = doc.get("Resources") {
        for id in resources.keys() {
            if let Some(c) = owned.get(&format!("Resources/{id}")) {
                sets.insert(id.clone(), BTreeSet::from([c.clone()]));
            }
        }
    }
    let mut required: HashMap<String, Vec<&'static str>> = HashMap::new();
    if let Some(Json::Object(resources)) = doc.get_mut("Resources") {
        // Each round puts more resources under conditions; it ends because
        // sets only grow and conditions are finite.
        loop {
            let mut changed = false;
            for (id, res) in resources.iter_mut() {
                let mine = sets.get(id).cloned().unwrap_or_default();
                let ty = res
                    .get("Type")
                    .and_then(Json::as_str)
                    .unwrap_or("")
                    .to_string();
                let req = required.entry(ty.clone()).or_insert_with(|| {
                    crate::resolve::raw::schema(&ty)
                        .map(|s| {
                            s.props
                                .iter()
                                .filter(|p| p.required)
                                .map(|p| p.name)
                                .collect()
                        })
                        .unwrap_or_default()
                });
                let mut need = BTreeSet::new();
                if let Some(Json::Object(props)) = res.get_mut("Properties") {
                    for (key, v) in props.iter_mut() {
                        let n = visit(v, key, (&sets, &neg, aliases), &mine, &mut names);
                        if n.is_empty() {
                            continue;
                        }
                        // A permission's source or a rule's bus left out
                        // would widen what the resource admits or listens
                        // to: those are never cut.
                        if req.contains(&key.as_str())
                            || matches!(
                                key.as_str(),
                                "SourceArn" | "SourceAccount" | "EventBusName"
                            )
                        {
                            need.extend(n);
                        } else {
                            wrap(v, &names.of(&n));
                        }
                    }
                }
                for dep in depends_on(res) {
                    if let Some(s) = sets.get(&dep) {
                        need.extend(s.difference(&mine).cloned());
                    }
                }
                if !need.is_empty() {
                    let s = sets.entry(id.clone()).or_default();
                    let before = s.len();
                    s.extend(need);
                    changed |= s.len() != before;
                }
            }
            if !changed {
                break;
            }
        }
        for (id, res) in resources.iter_mut() {
            if let Some(s) = sets.get(id).filter(|s| !s.is_empty()) {
                if let Json::Object(r) = res {
                    let name = names.of(s);
                    // `Condition` goes after `Type`, as people write it.
                    let old = std::mem::take(r);
                    for (k, v) in old {
                        let is_type = k == "Type";
                        r.insert(k, v);
                        if is_type {
                            r.insert("Condition".into(), json!(name.clone()));
                        }
                    }
                }
            }
        }
    }
    if let Some(Json::Object(outputs)) = doc.get_mut("Outputs") {
        for (id, out) in outputs.iter_mut() {
            let mut need: BTreeSet<String> = owned
                .get(&format!("Outputs/{id}"))
                .into_iter()
                .cloned()
                .collect();
            need.extend(refs_in(out, (&sets, &neg, aliases), &BTreeSet::new()));
            if !need.is_empty() {
                if let Json::Object(o) = out {
                    let old = std::mem::take(o);
                    o.insert("Condition".into(), json!(names.of(&need)));
                    o.extend(old);
                }
            }
        }
    }
    let mut section = section(model);
    section.extend(std::mem::take(&mut names.extra));
    // `Conditions` goes before `Resources`.
    let old = std::mem::take(doc);
    for (k, v) in old {
        if k == "Resources" {
            doc.insert(
                "Conditions".into(),
                Json::Object(std::mem::take(&mut section)),
            );
        }
        doc.insert(k, v);
    }
}

/// `DependsOn` of a resource, as a list.
fn depends_on(res: &Json) -> Vec<String> {
    match res.get("DependsOn") {
        Some(Json::String(s)) => vec![s.clone()],
        Some(Json::Array(a)) => a
            .iter()
            .filter_map(|d| d.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

fn wrap(v: &mut Json, cond: &str) {
    let inner = std::mem::take(v);
    *v = guarded(cond, inner, None);
}

/// Whether `v` is an intrinsic function (`{"Ref": ..}`, `{"Fn::...": ..}`).
fn intrinsic(v: &Map<String, Json>) -> bool {
    v.len() == 1
        && v.keys()
            .next()
            .is_some_and(|k| k == "Ref" || k.starts_with("Fn::") || k == "Condition")
}

/// Cuts what may be cut below `v` (the value of `key`), and returns the
/// conditions, beyond `mine`, that what is left of `v` needs.
fn visit(
    v: &mut Json,
    key: &str,
    known: Known,
    mine: &BTreeSet<String>,
    names: &mut Names,
) -> BTreeSet<String> {
    match v {
        Json::Object(m) if intrinsic(m) => refs_in(v, known, mine),
        Json::Object(m) => {
            let mut need = BTreeSet::new();
            for (k, child) in m.iter_mut() {
                let n = visit(child, k, known, mine, names);
                if n.is_empty() {
                    continue;
                }
                if optional_child(key, k) {
                    wrap(child, &names.of(&n));
                } else {
                    need.extend(n);
                }
            }
            need
        }
        Json::Array(items) => {
            let needs: Vec<BTreeSet<String>> = items
                .iter_mut()
                .map(|i| visit(i, key, known, mine, names))
                .collect();
            // A list all of whose elements may be gone is cut above it:
            // an empty list is rarely valid (a statement's `Resource`).
            if needs.iter().all(|n| !n.is_empty()) {
                return needs.into_iter().flatten().collect();
            }
            for (item, n) in items.iter_mut().zip(needs) {
                if !n.is_empty() {
                    wrap(item, &names.of(&n));
                }
            }
            BTreeSet::new()
        }
        // A bucket's name, as a plain string.
        v => refs_in(v, known, mine),
    }
}

/// The conditions each resource is under, by logical ID.
type Sets = HashMap<String, BTreeSet<String>>;

/// What the pass knows: the resources' conditions, and the conditions
/// declared as another's negation (`N = not M`, by N).
type Known<'a> = (&'a Sets, &'a HashMap<String, String>, &'a [(Json, String)]);

/// Adds what a referenced resource needs beyond a guard to a set.
type AddNeeds<'a> = dyn FnMut(&str, &BTreeSet<String>, &mut BTreeSet<String>) + 'a;

/// The conditions beyond `mine` of the resources `v` refers to (`Ref`,
/// `Fn::GetAtt`, `${X}` and `${X.Attr}` in `Fn::Sub`); inside an `Fn::If`
/// the branch taken when its condition holds already has that condition,
/// and the other one the conditions declared as its negation.
fn refs_in(v: &Json, (sets, neg, aliases): Known, mine: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut add = |id: &str, guard: &BTreeSet<String>, out: &mut BTreeSet<String>| {
        if let Some(s) = sets.get(id) {
            out.extend(s.difference(guard).cloned());
        }
    };
    fn walk(
        v: &Json,
        guard: &BTreeSet<String>,
        out: &mut BTreeSet<String>,
        add: &mut AddNeeds,
        neg: &HashMap<String, String>,
        aliases: &[(Json, String)],
    ) {
        // A resource named by value rather than by reference (a bucket's
        // name and ARN, built from its name).
        if let Some((_, id)) = aliases.iter().find(|(a, _)| a == v) {
            add(id, guard, out);
        }
        match v {
            Json::Object(m) => {
                if let Some(Json::String(id)) = m.get("Ref") {
                    add(id, guard, out);
                }
                match m.get("Fn::GetAtt") {
                    Some(Json::Array(a)) => {
                        if let Some(id) = a.first().and_then(Json::as_str) {
                            add(id, guard, out);
                        }
                    }
                    Some(Json::String(s)) => add(s.split('.').next().unwrap_or(""), guard, out),
                    _ => {}
                }
                let sub = match m.get("Fn::Sub") {
                    Some(Json::String(s)) => Some(s.as_str()),
                    Some(Json::Array(a)) => a.first().and_then(Json::as_str),
                    _ => None,
                };
                if let Some(s) = sub {
                    for r in crate::naming::references(s) {
                        add(r.split('.').next().unwrap_or(""), guard, out);
                    }
                }
                if let Some(Json::Array(a)) = m.get("Fn::If") {
                    if let (Some(Json::String(c)), Some(then), Some(other)) =
                        (a.first(), a.get(1), a.get(2))
                    {
                        let mut g = guard.clone();
                        g.insert(c.clone());
                        walk(then, &g, out, add, neg, aliases);
                        // Where `c` does not hold, its negations do.
                        let mut e = guard.clone();
                        e.extend(neg.iter().filter(|(_, m)| *m == c).map(|(n, _)| n.clone()));
                        e.extend(neg.get(c).cloned());
                        walk(other, &e, out, add, neg, aliases);
                        return;
                    }
                }
                for (k, child) in m {
                    if k != "Ref" && k != "Fn::GetAtt" {
                        walk(child, guard, out, add, neg, aliases);
                    }
                }
            }
            Json::Array(a) => a
                .iter()
                .for_each(|x| walk(x, guard, out, add, neg, aliases)),
            _ => {}
        }
    }
    walk(v, mine, &mut out, &mut add, neg, aliases);
    out
}
