//! Reserved concurrency against what invokes a function, and against the
//! account.
//!
//! - E0323: `concurrency = 0` on a function that something calls
//!   synchronously (an API route, another function's `invokes`): Lambda
//!   throttles every call, so every request fails.
//! - W0324: reserved concurrency below a queue trigger's `max_concurrency`:
//!   the event source mapping scales past what the function may run, and the
//!   throttled batches go back to the queue (and, after enough receives, to
//!   its dead-letter queue) although nothing failed.
//! - E0203: one function reserving more than the account can (its quota
//!   less 100).
//! - W0325: the app reserves more concurrency than the account can give
//!   while keeping the 100 unreserved executions Lambda requires; the quota
//!   is AWS's default 1,000 unless `slsc.toml` says `[account] concurrency`.

use crate::ast::VerbKind;
use crate::diagnostics::Code;
use crate::diagnostics::Diagnostic;
use crate::model::*;
use crate::source::Span;
use std::collections::HashMap;

/// Lambda keeps this many executions of the account's quota unreserved.
pub const UNRESERVED_MINIMUM: u64 = 100;

/// Runs the concurrency checks against an account quota of `quota`.
pub fn check(model: &Model, quota: u64, diags: &mut Vec<Diagnostic>) {
    // Who calls each function synchronously, with where it says so.
    let mut sync: HashMap<&str, Vec<(Span, String)>> = HashMap::new();
    for api in &model.apis {
        for r in &api.routes {
            let Some(f) = r.function() else { continue };
            sync.entry(f.name.as_str())
                .or_default()
                .push((f.span, format!("`{}` calls it", r.key())));
        }
        // A Lambda authorizer runs before every request it guards.
        for z in &api.authorizers {
            if let AuthorizerKind::Lambda { function, .. } = &z.kind {
                sync.entry(function.name.as_str()).or_default().push((
                    function.span,
                    format!(
                        "API `{}` asks it who may call (authorizer `{}`)",
                        api.name, z.name
                    ),
                ));
            }
        }
    }
    // Cognito invokes a trigger's function while the user waits.
    for p in &model.user_pools {
        for t in &p.triggers {
            sync.entry(t.function.name.as_str()).or_default().push((
                t.function.span,
                format!(
                    "user pool `{}` invokes it as its `{}` trigger",
                    p.name, t.name.value
                ),
            ));
        }
    }
    for f in &model.functions {
        for a in f.access.iter().filter(|a| a.verb == VerbKind::Invokes) {
            sync.entry(a.target.name.as_str())
                .or_default()
                .push((a.target.span, format!("`{}` invokes it", f.name)));
        }
    }
    let mut reserved: Vec<(&Function, &Spanned<i64>)> = Vec::new();
    let available = quota.saturating_sub(UNRESERVED_MINIMUM);
    for f in &model.functions {
        let Some(c) = &f.concurrency else { continue };
        // One function may reserve up to what the account can reserve.
        if c.value < 0 || c.value as u64 > available {
            diags.push(
                Diagnostic::new(
                    Code::E0203,
                    c.span,
                    format!("`concurrency` must be between 0 and {available}, found {}", c.value),
                )
                .label(format!(
                    "an account with a quota of {quota} can reserve {available}: Lambda keeps {UNRESERVED_MINIMUM} unreserved"
                ))
                .help(format!(
                    "set `concurrency` to a value from 0 to {available}; if the account's quota was raised, say so in slsc.toml: `[account]` `concurrency = N`"
                )),
            );
            continue;
        }
        reserved.push((f, c));
        if c.value == 0 {
            if let Some(callers) = sync.get(f.name.as_str()) {
                let mut d = Diagnostic::new(
                    Code::E0323,
                    c.span,
                    format!(
                        "`{}` may run 0 copies at once, but it is called synchronously",
                        f.name
                    ),
                )
                .label("Lambda throttles every call: each one fails with 429 TooManyRequests");
                for (span, text) in callers {
                    d = d.with(*span, text.clone());
                }
                diags.push(d.help(format!(
                    "remove `concurrency = 0` from `{}`, or give it enough for its callers (e.g. `concurrency = 10`)",
                    f.name
                )));
            }
        }
        for t in &f.triggers {
            let Trigger::Queue {
                queue,
                max_concurrency: Some(m),
                ..
            } = t
            else {
                continue;
            };
            if c.value > 0 && c.value < m.value {
                diags.push(
                    Diagnostic::new(
                        Code::W0324,
                        m.span,
                        format!(
                            "`{}` may poll {} batches of `{}` at once, but the function may run only {}",
                            f.name, m.value, queue.name, c.value
                        ),
                    )
                    .label("throttled batches go back to the queue and count as receives")
                    .with(c.span, format!("`concurrency = {}`", c.value))
                    .help(if c.value >= 2 {
                        format!(
                            "set `max_concurrency = {}` (at most the function's `concurrency`), or raise `concurrency` to {} or more",
                            c.value, m.value
                        )
                    } else {
                        // SQS's smallest maximum concurrency is 2.
                        format!(
                            "remove `max_concurrency` (a queue trigger's is at least 2), or raise `concurrency` to {} or more",
                            m.value
                        )
                    }),
                );
            }
        }
    }
    let total: u64 = reserved.iter().map(|(_, c)| c.value.max(0) as u64).sum();
    if total > available {
        // Reported at the largest reservation: the likeliest to lower.
        let Some((f, c)) = reserved.iter().max_by_key(|(_, c)| c.value) else {
            return;
        };
        let mut d = Diagnostic::new(
            Code::W0325,
            c.span,
            format!(
                "the app reserves {total} concurrent executions; an account with a quota of {quota} can reserve {available}"
            ),
        )
        .label(format!("`{}` reserves the most", f.name));
        for (other, oc) in reserved.iter().filter(|(o, _)| o.name != f.name).take(5) {
            d = d.with(oc.span, format!("`{}` reserves {}", other.name, oc.value));
        }
        diags.push(d.help(format!(
            "lower the reservations by {}; Lambda keeps {UNRESERVED_MINIMUM} executions unreserved. If the account's quota was raised, say so in slsc.toml: `[account]` `concurrency = N`",
            total - available
        )));
    }
}
