//! The plan of push edges, made before any resource is emitted: which
//! services deliver to each queue and topic (their one resource policy
//! each), which functions each bucket notifies, the routes each function
//! serves, the sources of each dead-letter queue, and the functions whose
//! recursive loop detection is off.

use super::shared::this_account;
use crate::ast::DeclKind;
use crate::model::*;
use crate::naming::ids::{self, logical};
use crate::naming::refs::{self, get_att, r#ref};
use indexmap::IndexMap;
use serde_json::{json, Value as Json};

/// What must be known about push edges before their targets are emitted:
/// which services deliver to each queue and topic (one policy per queue or
/// topic, since a second `QueuePolicy` on a queue would replace the first),
/// and which functions each bucket notifies.
pub struct Plan {
    /// Statements of each queue's policy, by queue name.
    pub queue_statements: IndexMap<String, Vec<Json>>,
    /// Statements of each topic's policy, by topic name.
    pub topic_statements: IndexMap<String, Vec<Json>>,
    /// Notifications of each bucket: (function, trigger).
    pub bucket_triggers: IndexMap<String, Vec<(String, Trigger)>>,
    /// Routes served by each function: (api index, route index).
    pub routes: IndexMap<String, Vec<(usize, usize)>>,
    /// The logical-ID part of each route, per API, unique within the API.
    pub route_ids: Vec<Vec<String>>,
    /// The queues that name each dead-letter queue: (name, FIFO), by the
    /// dead-letter queue's name.
    pub redrive_sources: IndexMap<String, Vec<(String, bool)>>,
    /// Functions whose recursive loop detection is off (`RecursiveLoop:
    /// Allow`): every function of a loop that a `recursion = allow` accepts,
    /// since Lambda stops any function left on `Terminate`.
    pub recursion_allowed: std::collections::HashSet<String>,
    /// The Lambda event filter of each filtered trigger, as the compact
    /// JSON text `FilterCriteria` holds, by (function name, trigger index).
    pub trigger_filters: std::collections::HashMap<(String, usize), Vec<String>>,
    /// The SNS filter policy of each filtered topic trigger, by (function
    /// name, trigger index).
    pub topic_trigger_policies: std::collections::HashMap<(String, usize), Json>,
    /// Every alarm of the app (`observe::watches`), derived once: the
    /// topics' policies, the key's and the alarms themselves all need them.
    pub watches: Vec<crate::observe::Watch>,
}

impl Plan {
    /// Collects the push edges of a model, with what the checks proved of
    /// its filters.
    pub fn new(model: &Model, proved: &crate::check::Proved) -> Plan {
        let plan = Plan::of_model(model);
        Plan {
            recursion_allowed: proved.recursion_allowed.clone(),
            trigger_filters: proved
                .trigger_filters
                .iter()
                .map(|(&(f, t), docs)| {
                    let name = model.functions[f].name.clone();
                    let texts = docs
                        .iter()
                        .map(|d| super::pattern_json(model, d).to_string())
                        .collect();
                    ((name, t), texts)
                })
                .collect(),
            topic_trigger_policies: proved
                .topic_trigger_policies
                .iter()
                .map(|(&(f, t), doc)| {
                    let name = model.functions[f].name.clone();
                    ((name, t), super::pattern_json(model, doc))
                })
                .collect(),
            ..plan
        }
    }

    /// What the model alone decides: every field but those [`Plan::new`]
    /// takes from the checks' proofs (recursion allowed, trigger filters,
    /// topic triggers' filter policies), which are left empty. Counting a
    /// template's logical IDs needs no more, so it runs beside the checks.
    pub fn of_model(model: &Model) -> Plan {
        let mut redrive_sources: IndexMap<String, Vec<(String, bool)>> = IndexMap::new();
        for q in &model.queues {
            if let Some((d, _)) = &q.dead_letter {
                redrive_sources
                    .entry(d.name.clone())
                    .or_default()
                    .push((q.name.clone(), q.fifo));
            }
        }
        let mut plan = Plan {
            queue_statements: IndexMap::new(),
            topic_statements: IndexMap::new(),
            bucket_triggers: IndexMap::new(),
            routes: IndexMap::new(),
            route_ids: Vec::new(),
            redrive_sources,
            watches: crate::observe::watches(model),
            recursion_allowed: Default::default(),
            trigger_filters: Default::default(),
            topic_trigger_policies: Default::default(),
        };
        for api in &model.apis {
            // `/orders/{id}` and `/orders/by/id` read alike: later routes
            // that would clash take a number, in source order.
            let mut ids: Vec<String> = Vec::new();
            for route in &api.routes {
                let base = ids::route(&route.method, &route.path.value);
                let mut id = base.clone();
                let mut n = 2;
                while ids.contains(&id) {
                    id = format!("{base}{n}");
                    n += 1;
                }
                ids.push(id);
            }
            plan.route_ids.push(ids);
        }
        for (a, api) in model.apis.iter().enumerate() {
            for (r, route) in api.routes.iter().enumerate() {
                let Some(f) = route.function() else { continue };
                plan.routes.entry(f.name.clone()).or_default().push((a, r));
            }
        }
        let rule_edge = |plan: &mut Plan, source: &str, target: &Ref| {
            let rule_arn = get_att(&logical(source), "Arn");
            match target.kind {
                DeclKind::Queue => push_statement(
                    plan.queue_statements
                        .entry(target.name.clone())
                        .or_default(),
                    allow_service(
                        &format!("From{}", logical(source)),
                        "events.amazonaws.com",
                        "sqs:SendMessage",
                        get_att(&logical(&target.name), "Arn"),
                        rule_arn,
                    ),
                ),
                DeclKind::Topic => push_statement(
                    plan.topic_statements
                        .entry(target.name.clone())
                        .or_default(),
                    allow_service(
                        &format!("From{}", logical(source)),
                        "events.amazonaws.com",
                        "sns:Publish",
                        r#ref(&logical(&target.name)),
                        rule_arn,
                    ),
                ),
                _ => {}
            }
        };
        for r in &model.rules {
            for t in &r.targets {
                rule_edge(&mut plan, &r.name, t);
            }
            if let Some(d) = &r.dead_letter {
                rule_edge(&mut plan, &r.name, d);
            }
        }
        // The dead-letter queues of functions' subscriptions, by topic.
        let mut function_dlqs: IndexMap<&str, Vec<&Ref>> = IndexMap::new();
        for f in &model.functions {
            for tr in &f.triggers {
                if let Trigger::Topic {
                    topic,
                    dead_letter: Some(d),
                    ..
                } = tr
                {
                    function_dlqs
                        .entry(topic.name.as_str())
                        .or_default()
                        .push(d);
                }
            }
        }
        for t in &model.topics {
            // The subscribed queues and the subscriptions' dead-letter queues.
            let receivers = t
                .subscriptions
                .iter()
                .flat_map(|s| std::iter::once(&s.queue).chain(&s.dead_letter));
            let from_functions = function_dlqs
                .get(t.name.as_str())
                .into_iter()
                .flatten()
                .copied();
            for q in receivers.chain(from_functions) {
                let mut statement = allow_service(
                    &format!("From{}", logical(&t.name)),
                    "sns.amazonaws.com",
                    "sqs:SendMessage",
                    get_att(&logical(&q.name), "Arn"),
                    refs::arn(model, DeclKind::Topic, &t.name),
                );
                statement["Condition"]["StringEquals"]["aws:SourceAccount"] =
                    super::shared::topic_account(model, &t.name);
                push_statement(
                    plan.queue_statements.entry(q.name.clone()).or_default(),
                    statement,
                );
            }
        }
        for f in &model.functions {
            for tr in &f.triggers {
                if let Trigger::Bucket { bucket, .. } = tr {
                    plan.bucket_triggers
                        .entry(bucket.name.clone())
                        .or_default()
                        .push((f.name.clone(), tr.clone()));
                }
            }
        }
        // Alarms publish to the topics they notify: a declared one by its
        // ARN; the default and SLO alarms, which are many, by their names,
        // which all start with the stack's.
        let mut stack_alarms: IndexMap<String, ()> = IndexMap::new();
        for w in &plan.watches {
            for t in w.notify.iter().filter(|t| !model.outside(t)) {
                if w.name.is_some() {
                    stack_alarms.insert(t.name.clone(), ());
                    continue;
                }
                push_statement(
                    plan.topic_statements.entry(t.name.clone()).or_default(),
                    allow_service(
                        &format!("From{}", w.id),
                        "cloudwatch.amazonaws.com",
                        "sns:Publish",
                        r#ref(&logical(&t.name)),
                        get_att(&w.id, "Arn"),
                    ),
                );
            }
        }
        for topic in stack_alarms.keys() {
            let mut statement = allow_service(
                "FromStackAlarms",
                "cloudwatch.amazonaws.com",
                "sns:Publish",
                r#ref(&logical(topic)),
                json!(null),
            );
            statement["Condition"] = json!({
                "ArnLike": { "aws:SourceArn": crate::naming::refs::sub("arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:${AWS::StackName}-*") },
                "StringEquals": { "aws:SourceAccount": this_account() },
            });
            push_statement(
                plan.topic_statements.entry(topic.clone()).or_default(),
                statement,
            );
        }
        // Statements the spec writes itself (`policy = [...]`), after the
        // derived ones; without a `Resource`, the declaration's ARN.
        for q in model.queues.iter().filter(|q| q.arn.is_none()) {
            let arn = get_att(&logical(&q.name), "Arn");
            for s in spec_statements(model, &q.name, arn) {
                push_statement(plan.queue_statements.entry(q.name.clone()).or_default(), s);
            }
        }
        for tp in model.topics.iter().filter(|t| t.arn.is_none()) {
            let arn = r#ref(&logical(&tp.name));
            for s in spec_statements(model, &tp.name, arn) {
                push_statement(plan.topic_statements.entry(tp.name.clone()).or_default(), s);
            }
        }
        for list in plan.queue_statements.values_mut() {
            tidy_statements(list);
        }
        for list in plan.topic_statements.values_mut() {
            tidy_statements(list);
        }
        plan
    }
}

/// The statements `decl`'s `policy = [...]` writes, as JSON: `Resource`
/// defaults to `resource`, `Sid` to `Spec1`, `Spec2`, ...
pub fn spec_statements(model: &Model, decl: &str, resource: Json) -> Vec<Json> {
    model
        .policies
        .get(decl)
        .into_iter()
        .flatten()
        .enumerate()
        .map(|(i, s)| {
            let mut j = super::raw::value(model, &s.value);
            if j.get("Sid").is_none() {
                let mut with_sid = serde_json::Map::new();
                with_sid.insert("Sid".into(), json!(format!("Spec{}", i + 1)));
                if let Json::Object(m) = j {
                    with_sid.extend(m);
                }
                j = Json::Object(with_sid);
            }
            if j.get("Resource").is_none() {
                j["Resource"] = resource.clone();
            }
            j
        })
        .collect()
}

/// Adds a statement to a policy; [`tidy_statements`] later drops repeats
/// and numbers clashing Sids, in one pass (checking each push against the
/// whole list was quadratic: 8,000 rules sending to one queue took 16 s).
fn push_statement(list: &mut Vec<Json>, statement: Json) {
    list.push(statement);
}

/// Drops each statement identical to one kept before it; a statement that
/// differs but has a taken Sid gets a numbered one (`Sid2`, `Sid3`, ...).
fn tidy_statements(list: &mut Vec<Json>) {
    let mut kept: std::collections::HashSet<String> = Default::default();
    let mut sids: std::collections::HashSet<String> = Default::default();
    // The next number to try per Sid: every lower one is taken.
    let mut next: std::collections::HashMap<String, usize> = Default::default();
    let mut out = Vec::with_capacity(list.len());
    for mut statement in list.drain(..) {
        if kept.contains(&statement.to_string()) {
            continue;
        }
        if !sids.insert(statement["Sid"].to_string()) {
            let base = statement["Sid"].as_str().unwrap_or("Statement").to_string();
            let mut n = next.get(&base).copied().unwrap_or(2);
            while !sids.insert(json!(format!("{base}{n}")).to_string()) {
                n += 1;
            }
            statement["Sid"] = json!(format!("{base}{n}"));
            next.insert(base, n + 1);
        }
        kept.insert(statement.to_string());
        out.push(statement);
    }
    *list = out;
}

fn allow_service(sid: &str, service: &str, action: &str, resource: Json, source_arn: Json) -> Json {
    json!({
        "Sid": sid,
        "Effect": "Allow",
        "Principal": { "Service": service },
        "Action": action,
        "Resource": resource,
        "Condition": {
            "ArnEquals": { "aws:SourceArn": source_arn },
            "StringEquals": { "aws:SourceAccount": this_account() },
        },
    })
}
