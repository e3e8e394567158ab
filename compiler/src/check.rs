//! Semantic checks on the resolved model, grouped by family.
//!
//! - `values`: AWS ranges and formats of single values (runtimes by date).
//! - `wiring`: how declarations fit together (queues and their consumers,
//!   dead-letter queues, API timeouts, async failure paths).
//! - `patterns`: rule and subscription filters (lowered by resolve) against
//!   their types; what type-checks is compiled into the pattern or policy it
//!   proves, a typed [`patterns::Doc`] ([`Proved`]) that emit renders.
//! - `contracts`: producers and consumers of events and typed messages.
//! - `mapping`: request mappings of direct routes against the request and
//!   the target's type.
//! - `cycles`: references between declarations that loop.
//! - `loops`: paths of the event graph that feed themselves.
//! - `concurrency`: reserved concurrency against callers and the account.
//! - `ends`: queues nothing sends to, topics nothing reads.
//! - `physical`: fixed names against each service's naming rules, outputs
//!   and exports.
//! - `params`: template parameters' defaults and constraints.
//! - `identity`: user pools' settings and clients, JWT audiences of pools.
//! - `domains`: APIs' custom domains, endpoints and the networks they admit.
//! - `permissions`: environment references without access, the `allow`
//!   escape hatch, plaintext secrets, routes without an explicit auth.
//! - `pipes`: pipes' settings, sources and contracts; schedule groups'
//!   targets; task tokens and who answers them.
//!
//! Names (unknown, duplicate, wrong kind, unused) are checked while resolving.

pub mod concurrency;
pub mod conditions;
pub mod contracts;
pub mod cycles;
pub mod deploy;
pub mod domains;
pub mod ends;
pub mod failures;
mod graph;
pub mod identity;
pub mod layers;
pub mod lifecycle;
pub mod loops;
pub mod mapping;
mod observe;
pub mod params;
pub mod patterns;
pub mod permissions;
pub mod physical;
pub mod pipes;
pub mod replacement;
pub mod runtimes;
mod usage;
pub mod values;
pub mod wiring;

use crate::diagnostics::Code;
use crate::diagnostics::Diagnostic;
use crate::model::Model;
use patterns::Doc;
pub use runtimes::Date;
use std::collections::HashMap;

/// What the checks proved of the model besides its diagnostics: each
/// rule's EventBridge pattern and each filtered subscription's SNS filter
/// policy, compiled from `where` filters that type-checked. They are typed
/// documents ([`Doc`]): the JSON AWS defines the two pattern languages as,
/// with resource attributes kept as attributes. `emit::pattern_json`
/// renders one, writing each attribute as the CloudFormation intrinsic for
/// it (and `slsc match` evaluates the rendering). The model itself is left
/// as resolve made it.
#[derive(Debug, Clone, Default)]
pub struct Proved {
    /// The pattern of each rule, by its index in `Model::rules`; None where
    /// its event is unknown or its filter did not type-check.
    pub patterns: Vec<Option<Doc>>,
    /// The filter policy of each subscription with a `where` that
    /// type-checked, by (topic index, subscription index).
    pub policies: HashMap<(usize, usize), Doc>,
    /// The Lambda event filter of each queue or Kinesis trigger with a
    /// `where` that type-checked, by (function index, trigger index):
    /// the pattern on the record (`body` of an SQS message, `data` of a
    /// Kinesis record).
    pub trigger_filters: HashMap<(usize, usize), Vec<Doc>>,
    /// The SNS filter policy of each topic trigger with a `where` that
    /// type-checked, by (function index, trigger index).
    pub topic_trigger_policies: HashMap<(usize, usize), Doc>,
    /// The functions of every loop a `recursion = allow` accepts: each must
    /// run with Lambda's recursive loop detection off, since Lambda stops
    /// any function of the loop left on.
    pub recursion_allowed: std::collections::HashSet<String>,
    /// The event filters of each pipe with a `where` that type-checked, by
    /// its index in `Model::pipes`.
    pub pipe_filters: HashMap<usize, Vec<Doc>>,
}

impl Proved {
    /// The pattern of the rule at `index` in `Model::rules`.
    pub fn pattern(&self, index: usize) -> Option<&Doc> {
        self.patterns.get(index).and_then(Option::as_ref)
    }

    /// The pattern of the rule named `name`.
    pub fn pattern_of(&self, model: &Model, name: &str) -> Option<&Doc> {
        let index = model.rules.iter().position(|r| r.name == name)?;
        self.pattern(index)
    }
}

/// Settings that change what the checks conclude.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// The date runtimes' lifecycles are judged on.
    pub today: Date,
    /// The project's `slsc.toml`.
    pub config: crate::config::Config,
    /// The stage to compile (`--stage`); none compiles every stage the spec
    /// declares and reports what each gets wrong.
    pub stage: Option<String>,
}

impl CheckOptions {
    /// Options judging runtimes on `today`, with no project configuration.
    pub fn new(today: Date) -> Self {
        CheckOptions {
            today,
            config: Default::default(),
            stage: None,
        }
    }
}

/// Runs every check: the diagnostics, and what the filters proved.
pub fn check(model: &Model, opts: &CheckOptions) -> (Proved, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    values::check(model, opts.today, &mut diags);
    wiring::check(model, &mut diags);
    failures::check(model, &mut diags);
    cycles::check(model, &mut diags);
    loops::check(model, &mut diags);
    concurrency::check(model, opts.config.account.concurrency(), &mut diags);
    ends::check(model, &mut diags);
    contracts::check(model, &mut diags);
    mapping::check(model, &mut diags);
    permissions::check(model, &mut diags);
    physical::check(model, &mut diags);
    params::check(model, &mut diags);
    identity::check(model, &mut diags);
    conditions::check(model, &mut diags);
    pipes::check(model, &mut diags);
    layers::check(model, opts.today, &mut diags);
    lifecycle::check(model, &mut diags);
    deploy::check(model, opts.config.account.concurrency(), &mut diags);
    observe::check(model, &mut diags);
    domains::check(model, &mut diags);
    usage::check(model, &mut diags);
    let mut patterns = Vec::with_capacity(model.rules.len());
    for rule in &model.rules {
        let pattern = match &rule.event {
            Some(m) => model
                .event(&m.name)
                .and_then(|e| patterns::compile(model, e, rule.filter.as_ref(), &mut diags)),
            None => patterns::compile_envelope(model, rule.filter.as_ref(), &mut diags),
        };
        if let Some(p) = &pattern {
            patterns::check_size(rule, p, &mut diags);
        }
        patterns.push(pattern);
    }
    let policies = subscription_policies(model, &mut diags)
        .into_iter()
        .map(|(t, s, policy)| ((t, s), policy))
        .collect();
    let trigger_filters = trigger_filters(model, &mut diags);
    let topic_trigger_policies = topic_trigger_policies(model, &mut diags);
    let recursion_allowed = loops::recursion_allowed(model);
    let pipe_filters = pipes::filters(model, &mut diags);
    (
        Proved {
            patterns,
            policies,
            trigger_filters,
            topic_trigger_policies,
            recursion_allowed,
            pipe_filters,
        },
        diags,
    )
}

/// The SNS filter policy of every subscription with a `where`, checked
/// against the topic's message type when it has one (E0203 over SNS's
/// limits): (topic index, subscription index, policy).
fn subscription_policies(model: &Model, diags: &mut Vec<Diagnostic>) -> Vec<(usize, usize, Doc)> {
    let mut out = Vec::new();
    for (ti, tp) in model.topics.iter().enumerate() {
        for (si, sub) in tp.subscriptions.iter().enumerate() {
            let policy = sns_policy(
                model,
                tp,
                &sub.queue.name,
                sub.filter.as_ref(),
                sub.on_attributes,
                diags,
            );
            if let Some(policy) = policy {
                out.push((ti, si, policy));
            }
        }
    }
    out
}

/// The SNS filter policy of each function's topic trigger with a `where`
/// (`on Alerts where severity = "high"`), by (function index, trigger
/// index): the same policy a queue's subscription gets.
fn topic_trigger_policies(
    model: &Model,
    diags: &mut Vec<Diagnostic>,
) -> HashMap<(usize, usize), Doc> {
    use crate::model::Trigger;
    let mut out = HashMap::new();
    for (fi, f) in model.functions.iter().enumerate() {
        for (ti, t) in f.triggers.iter().enumerate() {
            let Trigger::Topic {
                topic,
                filter,
                on_attributes,
                ..
            } = t
            else {
                continue;
            };
            let Some(tp) = model.topic(&topic.name) else {
                continue;
            };
            if let Some(policy) =
                sns_policy(model, tp, &f.name, filter.as_ref(), *on_attributes, diags)
            {
                out.insert((fi, ti), policy);
            }
        }
    }
    out
}

/// The filter policy of one subscription of topic `tp` (of queue or
/// function `subscriber`): None without a filter or when it does not
/// type-check (reported).
fn sns_policy(
    model: &Model,
    tp: &crate::model::Topic,
    subscriber: &str,
    filter: Option<&crate::model::Filter>,
    on_attributes: Option<crate::source::Span>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Doc> {
    let Some(filter) = filter else {
        if let Some(span) = on_attributes {
            diags.push(
                Diagnostic::new(
                    Code::E0107,
                    span,
                    format!("`filter_on` of the subscription of `{subscriber}` names no filter"),
                )
                .label("nothing to scope")
                .help("add `where ...` after the subscriber's name, or remove `filter_on`"),
            );
        }
        return None;
    };
    // Message attributes are flat name-value pairs the publisher sets,
    // declared nowhere: checked for form, with the types the values imply.
    if on_attributes.is_some() {
        if let Some(part) = nested_field(filter) {
            diags.push(
                Diagnostic::new(
                    Code::E0401,
                    part,
                    "message attributes have no fields of their own",
                )
                .label("a message attribute is a single value")
                .help("name the attribute itself, e.g. `where kind = \"order\"`"),
            );
            return None;
        }
    }
    // Typed against the topic's message type when it has one; otherwise
    // against the fields the filter itself implies.
    let typed = tp.message.as_ref().and_then(|m| model.type_def(&m.name));
    let (scope, fields) = match (typed, on_attributes) {
        (_, Some(_)) => (
            format!("the message attributes of topic `{}`", tp.name),
            patterns::infer_fields(filter),
        ),
        (Some(t), None) => (format!("message type `{}`", t.name), t.fields.clone()),
        (None, None) => (
            format!("the messages of topic `{}`", tp.name),
            patterns::infer_fields(filter),
        ),
    };
    let policy = patterns::compile_sns(
        model,
        patterns::Dialect::Sns,
        &scope,
        &fields,
        filter,
        diags,
    )?;
    let (keys, combinations) = patterns::sns_complexity(&policy);
    if keys > patterns::SNS_MAX_KEYS || combinations > patterns::SNS_MAX_COMBINATIONS {
        diags.push(
            Diagnostic::new(
                Code::E0203,
                filter.span,
                format!(
                    "this filter policy has {keys} keys and {combinations} combinations; SNS allows {} keys and {} combinations",
                    patterns::SNS_MAX_KEYS,
                    patterns::SNS_MAX_COMBINATIONS
                ),
            )
            .label("over SNS's filter policy limits")
            .help("test fewer fields, or shorter `in` lists (the combinations are the product of their lengths)"),
        );
        return None;
    }
    Some(policy)
}

/// Lambda's quota on the size of an event filter's pattern, in characters.
pub const MAX_FILTER_CHARS: usize = 4096;

/// Lambda's default quota of filters per event source mapping.
pub const MAX_FILTERS: usize = 5;

/// Whether a document holds an `$or` anywhere.
fn has_or(doc: &Doc) -> bool {
    match doc {
        Doc::Object(m) => m.iter().any(|(k, v)| k == "$or" || has_or(v)),
        Doc::List(items) => items.iter().any(has_or),
        _ => false,
    }
}

/// The Lambda event filters of queue and Kinesis triggers: the `where`
/// typed against the queue's message type (a `type`; for an `event`, the
/// EventBridge envelope a rule delivers, its `detail` typed) or, without
/// one, against the fields the filter implies, and put under the record's
/// `body` (SQS) or `data` (Kinesis).
fn trigger_filters(
    model: &Model,
    diags: &mut Vec<Diagnostic>,
) -> HashMap<(usize, usize), Vec<Doc>> {
    use crate::model::Trigger;
    let mut out = HashMap::new();
    for (fi, f) in model.functions.iter().enumerate() {
        for (ti, t) in f.triggers.iter().enumerate() {
            let (filter, source, key) = match t {
                Trigger::Queue {
                    filter: Some(filter),
                    queue,
                    ..
                } => (filter, queue, "body"),
                Trigger::Stream {
                    filter: Some(filter),
                    source,
                    ..
                } => (filter, source, "data"),
                _ => continue,
            };
            if let Some(docs) = record_filter(model, filter, source, key, diags) {
                out.insert((fi, ti), docs);
            }
        }
    }
    out
}

/// The Lambda-style event filters (queue and stream triggers, pipes) of
/// `filter` on the records of `source`: typed against its message type or
/// stream records, one filter per top-level `or` alternative, the pattern
/// put under the record's `key` (`body`, `data`). None when it does not
/// type-check or is over the limits (reported).
pub(crate) fn record_filter(
    model: &Model,
    filter: &crate::model::Filter,
    source: &crate::model::Ref,
    key: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<Doc>> {
    use crate::model::Ty;
    let table = model.table(&source.name);
    let message = model.queue(&source.name).and_then(|q| q.message.as_ref());
    let (scope, fields) = match (table, message) {
        (Some(table), _) => match patterns::dynamodb::fields(table, filter, diags) {
            Some(fields) => (format!("a stream record of `{}`", table.name), fields),
            None => return None,
        },
        (None, message) => match message {
            Some(m) => match (model.type_def(&m.name), model.event(&m.name)) {
                (Some(t), _) => (format!("message type `{}`", t.name), t.fields.clone()),
                (None, Some(e)) => (
                    format!("the envelope of event `{}`", e.name),
                    patterns::envelope_fields(Ty::Record(e.fields.clone()), e.span),
                ),
                _ => return None,
            },
            None => (
                format!("the records of `{}`", source.name),
                patterns::infer_fields(filter),
            ),
        },
    };
    let inner = patterns::compile_sns(
        model,
        patterns::Dialect::Lambda,
        &scope,
        &fields,
        filter,
        diags,
    )?;
    // Lambda has no `$or`; it ORs the filters of a trigger, so a
    // top-level `or` becomes one filter per alternative, each with
    // the conditions `and`ed to the `or` (`a and (b or c)` is the
    // filters `a and b`, `a and c`).
    let alternatives = match inner {
        Doc::Object(mut m) if m.contains_key("$or") => match m.shift_remove("$or") {
            Some(Doc::List(items)) => items
                .into_iter()
                .map(|alt| match alt {
                    Doc::Object(a) if a.keys().all(|k| !m.contains_key(k)) => {
                        let mut both = m.clone();
                        both.extend(a);
                        Doc::Object(both)
                    }
                    // A key on both sides: left nested, reported below.
                    other => {
                        let mut both = m.clone();
                        both.insert("$or".into(), Doc::List(vec![other]));
                        Doc::Object(both)
                    }
                })
                .collect(),
            _ => Vec::new(),
        },
        other => vec![other],
    };
    if alternatives.iter().any(has_or) {
        diags.push(
                    Diagnostic::new(Code::E0404, filter.span, "Lambda event filters cannot nest `or` inside `and`")
                        .label("an `or` below the top level")
                        .help("distribute the conditions so that `or` joins whole alternatives: `(a and c) or (b and c)` instead of `(a or b) and c`"),
                );
        return None;
    }
    if alternatives.len() > MAX_FILTERS {
        diags.push(
                    Diagnostic::new(Code::E0203, filter.span, format!("this filter needs {} Lambda event filters, one per `or` alternative; Lambda allows {MAX_FILTERS} per trigger", alternatives.len()))
                        .label("too many alternatives")
                        .help("join alternatives on one field with `in [...]`, or filter the rest in the function"),
                );
        return None;
    }
    let mut docs = Vec::new();
    for alt in alternatives {
        let doc = match table {
            // A stream record's parts are at its top level.
            Some(table) => patterns::dynamodb::record_pattern(table, &fields, alt),
            None => {
                let mut doc = patterns::Fields::new();
                doc.insert(key.into(), alt);
                Doc::Object(doc)
            }
        };
        let size = patterns::resolved_len(&doc);
        if size > MAX_FILTER_CHARS {
            diags.push(
                Diagnostic::new(
                    Code::E0203,
                    filter.span,
                    format!(
                        "this event filter is {size} characters; Lambda allows {MAX_FILTER_CHARS}"
                    ),
                )
                .label("filter too large")
                .help("shorten the value lists, or filter the rest in the function"),
            );
            docs.clear();
            break;
        }
        docs.push(doc);
    }
    (!docs.is_empty()).then_some(docs)
}

/// The second part of the first dotted field a filter tests, if any.
fn nested_field(filter: &crate::model::Filter) -> Option<crate::source::Span> {
    use crate::model::FilterKind;
    match &filter.kind {
        FilterKind::And(items) | FilterKind::Or(items) => items.iter().find_map(nested_field),
        FilterKind::Cond(c) => c.field.parts.get(1).map(|p| p.span),
    }
}
