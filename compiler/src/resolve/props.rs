//! Reading the properties and blocks of a body by name.
//!
//! A declaration handler asks for each property it knows with [`Props::take`]
//! or [`Props::take_block`]; [`Props::finish`] then reports every property or
//! block nobody asked for (`E0105`, with a "did you mean" among the names that
//! were asked for) and every name set twice (`E0106`).

use super::Resolver;
use crate::ast::{Ident, Member, MemberKind, Value};
use crate::diagnostics::Code;
use crate::diagnostics::{did_you_mean, Diagnostic};

/// The properties of one body.
pub(super) struct Props<'a> {
    body: &'a [Member],
    /// Names asked for, in order; they make the "did you mean" candidates.
    asked: Vec<&'static str>,
}

impl<'a> Props<'a> {
    pub(super) fn new(body: &'a [Member]) -> Self {
        Props {
            body,
            asked: Vec::new(),
        }
    }

    /// The value of property `key`, if set (the first one if set twice).
    pub(super) fn take(&mut self, key: &'static str) -> Option<&'a Value> {
        self.asked.push(key);
        self.body.iter().find_map(|m| match &m.kind {
            MemberKind::Property { key: k, value, .. } if k.name == key => Some(value),
            _ => None,
        })
    }

    /// The members of block `key { ... }`, if present.
    pub(super) fn take_block(&mut self, key: &'static str) -> Option<&'a [Member]> {
        self.asked.push(key);
        self.body.iter().find_map(|m| match &m.kind {
            MemberKind::Block { key: k, body } if k.name == key => Some(body.as_slice()),
            _ => None,
        })
    }

    /// True if `key` is written, in any form (so that a value of the wrong
    /// type is not also reported as missing).
    pub(super) fn has(&self, key: &str) -> bool {
        self.body.iter().any(|m| match &m.kind {
            MemberKind::Property { key: k, .. } | MemberKind::Block { key: k, .. } => k.name == key,
            _ => false,
        })
    }

    /// Reports unknown and repeated properties.
    pub(super) fn finish(self, r: &mut Resolver, what: &str) {
        r.model.accepted.bodies.push(crate::model::AcceptedBody {
            what: what.to_string(),
            members: self.body.iter().map(|m| m.span).collect(),
            names: self.asked.clone(),
        });
        let mut seen: Vec<(&str, crate::source::Span)> = Vec::new();
        for m in self.body {
            let (key, is_block) = match &m.kind {
                MemberKind::Property { key, .. } => (key, false),
                MemberKind::Block { key, .. } => (key, true),
                _ => continue,
            };
            if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key.name) {
                r.set_twice(&key.name, key.span, *first);
                continue;
            }
            seen.push((&key.name, key.span));
            if self.asked.contains(&key.name.as_str()) {
                continue;
            }
            let form = if is_block { "block" } else { "property" };
            let mut d = Diagnostic::new(
                Code::E0105,
                key.span,
                format!("`{}` is not a {form} of {what}", key.name),
            )
            .label(format!("unknown {form}"));
            let belongs = elsewhere(&key.name);
            d = match did_you_mean(&key.name, self.asked.iter().copied()) {
                _ if belongs.is_some() => d.help(belongs.unwrap_or_default()),
                Some(s) => d.help(format!("did you mean `{s}`?")),
                None if self.asked.is_empty() => d.help(format!("{what} takes no properties")),
                None => d.help(format!(
                    "{what} takes: {}",
                    self.asked
                        .iter()
                        .map(|a| format!("`{a}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            };
            r.error(d);
        }
    }
}

/// Where a property that is not allowed here does belong, or that the
/// language does not have it yet: the help of E0105 for properties people
/// write in the wrong place.
pub(super) fn elsewhere(key: &str) -> Option<&'static str> {
    Some(match key {
        "partial_failures" | "batch" | "window" => {
            "it is a setting of a queue or stream trigger: write it in the consuming function, `on Queue { batch = 10, partial_failures = true }`"
        }
        "max_concurrency" => {
            "it is a setting of a queue trigger: write it in the consuming function, `on Queue { max_concurrency = 10 }`"
        }
        "bisect" | "start" | "parallelization" => {
            "it is a setting of a stream trigger: `on Table.stream { ... }` or `on Stream { ... }` in the consuming function"
        }
        "prefix" | "suffix" | "events" => {
            "it is a setting of a bucket trigger: `on Bucket { prefix = \"in/\" }` in the function it invokes"
        }
        "retries" | "max_event_age" | "on_success" | "recursion" | "concurrency" | "image"
        | "snap_start" => "it is a setting of a function",
        "layers" => "it is a setting of a function: `layers = [Shared]` names the `layer`s it runs with",
        "alias" | "deploy" | "rollback_on" | "before_traffic" | "after_traffic" | "deploy_notify"
        | "provisioned_concurrency" => {
            "it is a setting of a function: see \"Versions, aliases and traffic shifting\" in docs/language.md"
        }
        "visibility_timeout" => "it is a setting of a queue",
        "retention" => "it is a setting of a queue or a Kinesis stream",
        "fifo" | "content_dedup" | "high_throughput" => "it is a setting of a queue or a topic",
        "subscribers" => "it is a setting of a topic: `subscribers { email = [\"ops@example.com\"] }`",
        "retry" => "it is a setting of a rule or a schedule: `retry { attempts = 3, max_age = 1h }`",
        "auth" | "cors" | "access_logs" => "it is a setting of an api (or, `auth = none`, of one route)",
        "key" | "billing" | "indexes" | "local_indexes" => "it is a setting of a table",
        "shards" => "it is a setting of a Kinesis stream",
        "versioning" | "eventbridge" | "lifecycle" | "old_versions" | "incomplete_uploads" => {
            "it is a setting of a bucket"
        }
        "log_format" | "log_level" | "system_log_level" => {
            "it is a setting of a function (or of the app, for every function)"
        }
        "timezone" => "it is a setting of a schedule",
        "traffic" => {
            "`traffic` is what arrives from outside the app: declare it on a route (`GET /x -> F { traffic = 50/s }`), a function, queue, topic, bus, stream or bucket; what the rest receives follows along the event graph (a schedule's from its `every` or `cron`), see docs/cost.md"
        }
        "average_duration" => "it is a setting of a function, for `slsc cost` (see docs/cost.md)",
        "object_size" => "it is a setting of a bucket, for `slsc cost` (see docs/cost.md)",
        "passes" => {
            "it is a setting of a rule, for `slsc cost`: the share of the events it receives that its pattern matches (see docs/cost.md)"
        }
        "vpc" | "ephemeral_storage" | "function_url" | "authorizer" | "domain" | "throttling" => {
            "the language does not support it yet"
        }
        _ => return None,
    })
}

impl Resolver {
    /// E0106: `name`, written at `at`, is set a second time; `first` is
    /// where it was set first.
    pub(super) fn set_twice(
        &mut self,
        name: &str,
        at: crate::source::Span,
        first: crate::source::Span,
    ) {
        self.error(
            Diagnostic::new(Code::E0106, at, format!("`{name}` is set twice"))
                .label("set again here")
                .with(first, "first set here")
                .help("remove one of the two"),
        );
    }
}

/// The entries of a record (`{ rate = 100, burst = 200 }`) as properties,
/// so that `Props` reads them as it reads a block.
pub(super) fn record_members(entries: &[(Ident, Value)]) -> Vec<Member> {
    entries
        .iter()
        .map(|(k, v)| Member {
            kind: MemberKind::Property {
                key: k.clone(),
                value: v.clone(),
                when: None,
            },
            span: k.span.to(v.span),
        })
        .collect()
}
