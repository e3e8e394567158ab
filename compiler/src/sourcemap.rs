//! Source maps: from places in an emitted template back to the `.sls` text
//! that produced them.
//!
//! Every resource maps to the declaration it derives from (its logical ID
//! starts with the declaration's). Properties users set map to the text that
//! set them (a function's `memory`, a queue's `visibility_timeout`, ...), and
//! each statement of a role's policy to the verb that caused it. A lookup
//! takes the longest mapped prefix of a template path, so a finding deep in a
//! property lands on the property, else on its resource's declaration.

use crate::model::{Model, Spanned};
use crate::source::{SourceMap, Span};
use indexmap::IndexMap;
use serde::Serialize;
use serde_json::Value as Json;

/// Template paths (`Resources/Fn/Properties/MemorySize`) and their spans.
#[derive(Debug, Clone, Default)]
pub struct Map {
    entries: IndexMap<String, Span>,
}

/// One entry of the sidecar file.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// The `.sls` file.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// 1-based line of the end.
    pub end_line: usize,
    /// 1-based column of the end.
    pub end_column: usize,
}

impl Map {
    fn put(&mut self, path: String, span: Span) {
        self.entries.entry(path).or_insert(span);
    }

    fn prop<T>(&mut self, id: &str, prop: &str, v: &Spanned<T>) {
        self.put(format!("Resources/{id}/Properties/{prop}"), v.span);
    }

    /// The span of the longest mapped prefix of `path` (segments joined by
    /// `/`).
    pub fn lookup(&self, path: &[String]) -> Option<Span> {
        (1..=path.len())
            .rev()
            .find_map(|n| self.entries.get(&path[..n].join("/")).copied())
    }

    /// The map as the sidecar JSON file: template path to `.sls` range.
    pub fn to_json(&self, sources: &SourceMap) -> Json {
        let m: serde_json::Map<String, Json> = self
            .entries
            .iter()
            .map(|(k, s)| {
                let f = sources.get(s.file);
                let (line, column) = f.line_col(s.start);
                let (end_line, end_column) = f.line_col(s.end);
                let e = Entry {
                    file: f.name.clone(),
                    line,
                    column,
                    end_line,
                    end_column,
                };
                (k.clone(), serde_json::to_value(e).unwrap_or_default())
            })
            .collect();
        Json::Object(m)
    }
}

/// The source map of a template built from `model`.
pub fn build(model: &Model, template: &Json) -> Map {
    let mut map = Map::default();
    use crate::naming::ids::{logical, role};
    for f in &model.functions {
        let id = logical(&f.name);
        map.prop(&id, "Handler", &f.handler);
        map.prop(&id, "Runtime", &f.runtime);
        map.prop(&id, "MemorySize", &f.memory);
        map.prop(&id, "Timeout", &f.timeout);
        if let Some(c) = &f.concurrency {
            map.prop(&id, "ReservedConcurrentExecutions", c);
        }
        for (key, _) in &f.env {
            map.put(
                format!(
                    "Resources/{id}/Properties/Environment/Variables/{}",
                    key.value
                ),
                key.span,
            );
        }
        for (i, s) in crate::iam::statements(model, f).iter().enumerate() {
            let statement = format!(
                "Resources/{}/Properties/Policies/0/PolicyDocument/Statement/{i}",
                role(&f.name)
            );
            for (part, span) in &s.parts {
                map.put(format!("{statement}/{part}"), *span);
            }
            map.put(statement, s.cause);
        }
    }
    for q in &model.queues {
        let id = logical(&q.name);
        map.prop(&id, "VisibilityTimeout", &q.visibility);
        map.prop(&id, "MessageRetentionPeriod", &q.retention);
        if let Some((dlq, n)) = &q.dead_letter {
            map.put(
                format!("Resources/{id}/Properties/RedrivePolicy/deadLetterTargetArn"),
                dlq.span,
            );
            map.prop(&id, "RedrivePolicy", n);
        }
    }
    for r in &model.rules {
        let id = logical(&r.name);
        map.put(
            format!("Resources/{id}/Properties/EventPattern"),
            r.event.span,
        );
        for (i, t) in r.targets.iter().enumerate() {
            map.put(format!("Resources/{id}/Properties/Targets/{i}"), t.span);
        }
    }
    // What becomes of stateful resources: where `on_delete` is set (the
    // declaration's own, or the app's default).
    let kept = model
        .queues
        .iter()
        .map(|q| (logical(&q.name), q.on_delete.span))
        .chain(
            model
                .tables
                .iter()
                .map(|t| (logical(&t.name), t.on_delete.span)),
        )
        .chain(
            model
                .buckets
                .iter()
                .map(|b| (logical(&b.name), b.on_delete.span)),
        )
        .chain(
            model
                .streams
                .iter()
                .map(|s| (logical(&s.name), s.on_delete.span)),
        )
        .chain(
            model
                .functions
                .iter()
                .map(|f| (crate::naming::ids::log_group(&f.name), model.on_delete.span)),
        );
    for (id, span) in kept.filter(|(_, s)| *s != Span::default()) {
        for attr in ["DeletionPolicy", "UpdateReplacePolicy"] {
            map.put(format!("Resources/{id}/{attr}"), span);
        }
    }
    // Every resource falls back to the declaration whose ID it extends.
    let names: Vec<(String, Span)> = model
        .names
        .keys()
        .filter_map(|n| model.declaration_span(n).map(|s| (logical(n), s)))
        .collect();
    if let Some(resources) = template.get("Resources").and_then(Json::as_object) {
        for id in resources.keys() {
            let owner = names
                .iter()
                .filter(|(l, _)| !l.is_empty() && id.starts_with(l.as_str()))
                .max_by_key(|(l, _)| l.len());
            if let Some((_, span)) = owner {
                map.put(format!("Resources/{id}"), *span);
            }
        }
    }
    map
}
