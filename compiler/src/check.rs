//! Semantic checks on the resolved model, grouped by family.
//!
//! - `values`: AWS ranges and formats of single values (runtimes by date).
//! - `wiring`: how declarations fit together (queues and their consumers,
//!   dead-letter queues, API timeouts, async failure paths).
//! - `patterns`: rule and subscription filters (lowered by resolve) against
//!   their types; what type-checks is compiled into the pattern or policy it
//!   proves, a typed [`patterns::Doc`] ([`Proved`]) that emit renders.
//! - `contracts`: producers and consumers of events and typed messages.
//! - `cycles`: references between declarations that loop.
//! - `loops`: paths of the event graph that feed themselves.
//! - `concurrency`: reserved concurrency against callers and the account.
//! - `ends`: queues nothing sends to, topics nothing reads.
//! - `physical`: fixed names against each service's naming rules, outputs
//!   and exports.
//! - `params`: template parameters' defaults and constraints.
//! - `permissions`: environment references without access, the `allow`
//!   escape hatch, plaintext secrets, routes without an explicit auth.
//!
//! Names (unknown, duplicate, wrong kind, unused) are checked while resolving.

pub mod concurrency;
pub mod contracts;
pub mod cycles;
pub mod ends;
pub mod failures;
mod graph;
pub mod loops;
pub mod params;
pub mod patterns;
pub mod permissions;
pub mod physical;
pub mod runtimes;
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
    /// The functions of every loop a `recursion = allow` accepts: each must
    /// run with Lambda's recursive loop detection off, since Lambda stops
    /// any function of the loop left on.
    pub recursion_allowed: std::collections::HashSet<String>,
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
}

impl CheckOptions {
    /// Options judging runtimes on `today`, with no project configuration.
    pub fn new(today: Date) -> Self {
        CheckOptions {
            today,
            config: Default::default(),
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
    permissions::check(model, &mut diags);
    physical::check(model, &mut diags);
    params::check(model, &mut diags);
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
    let recursion_allowed = loops::recursion_allowed(model);
    (
        Proved {
            patterns,
            policies,
            recursion_allowed,
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
            let Some(filter) = &sub.filter else { continue };
            // Typed against the topic's message type when it has one;
            // otherwise against the fields the filter itself implies.
            let typed = tp.message.as_ref().and_then(|m| model.type_def(&m.name));
            let (scope, fields) = match typed {
                Some(t) => (format!("message type `{}`", t.name), t.fields.clone()),
                None => (
                    format!("the messages of topic `{}`", tp.name),
                    patterns::infer_fields(filter),
                ),
            };
            let Some(policy) = patterns::compile_sns(model, &scope, &fields, filter, diags) else {
                continue;
            };
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
                continue;
            }
            out.push((ti, si, policy));
        }
    }
    out
}
