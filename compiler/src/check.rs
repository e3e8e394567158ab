//! Semantic checks on the resolved model, grouped by family.
//!
//! - `values`: AWS ranges and formats of single values (runtimes by date).
//! - `wiring`: how declarations fit together (queues and their consumers,
//!   dead-letter queues, API timeouts, async failure paths).
//! - `patterns`: rule filters against their event types; compiles them.
//! - `contracts`: producers and consumers of events and typed messages.
//! - `cycles`: references between declarations that loop.
//! - `loops`: paths of the event graph that feed themselves.
//! - `concurrency`: reserved concurrency against callers and the account.
//! - `ends`: queues nothing sends to, topics nothing reads.
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
pub mod patterns;
pub mod permissions;
pub mod runtimes;
pub mod values;
pub mod wiring;

use crate::diagnostics::Diagnostic;
use crate::model::Model;
pub use runtimes::Date;

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

/// Runs every check; fills in each rule's compiled pattern.
pub fn check(mut model: Model, opts: &CheckOptions) -> (Model, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    values::check(&model, opts.today, &mut diags);
    wiring::check(&model, &mut diags);
    failures::check(&model, &mut diags);
    cycles::check(&model, &mut diags);
    loops::check(&model, &mut diags);
    concurrency::check(&model, opts.config.account.concurrency(), &mut diags);
    ends::check(&model, &mut diags);
    contracts::check(&model, &mut diags);
    permissions::check(&model, &mut diags);
    let mut compiled = Vec::with_capacity(model.rules.len());
    for rule in &model.rules {
        let pattern = model.event(&rule.event.name).and_then(|e| {
            patterns::compile(
                &model,
                e,
                rule.filter.as_ref(),
                &rule.filter_refs,
                &mut diags,
            )
        });
        if let Some(p) = &pattern {
            patterns::check_size(rule, p, &mut diags);
        }
        compiled.push(pattern);
    }
    for (rule, pattern) in model.rules.iter_mut().zip(compiled) {
        rule.pattern = pattern;
    }
    let policies = subscription_policies(&model, &mut diags);
    for (t, s, policy) in policies {
        model.topics[t].subscriptions[s].policy = Some(policy);
    }
    (model, diags)
}

/// The SNS filter policy of every subscription with a `where`, checked
/// against the topic's message type when it has one (E0203 over SNS's
/// limits): (topic index, subscription index, policy).
fn subscription_policies(
    model: &Model,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(usize, usize, serde_json::Value)> {
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
                        "E0203",
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
