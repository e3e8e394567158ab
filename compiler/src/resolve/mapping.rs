//! Request mappings of direct routes: `input`, `message`, `detail`,
//! `source`, `detail_type` and `headers` on a route's body, read into
//! [`RouteMapping`]. Whether the route's target takes each property is
//! decided here (E0417) once the target is known; whether each source
//! exists in the route's request, and whether the mapped shape fits the
//! target's type, in `check::mapping`.

use super::props::Props;
use super::*;
use crate::diagnostics::Code;

/// The roots a source may start with, for "did you mean".
const ROOTS: &[&str] = &["body", "path", "query", "header", "request", "authorizer"];

impl Resolver {
    /// Reads the mapping properties of a route's body.
    pub(super) fn route_mapping(&mut self, rp: &mut Props) -> RouteMapping {
        let mut m = RouteMapping::default();
        for key in ["input", "message", "detail"] {
            if let Some(v) = rp.take(key) {
                m.written.push((key, v.span));
                if let Some(mapped) = self.mapping(v) {
                    match &m.payload {
                        // `input` and `detail` both written: the target
                        // check reports the one it does not take.
                        Some(_) => {}
                        None => m.payload = Some(Spanned::new(mapped, v.span)),
                    }
                }
            }
        }
        if let Some(v) = rp.take("source") {
            m.written.push(("source", v.span));
            m.source = self.scalar_mapping(v, "`source`");
        }
        if let Some(v) = rp.take("detail_type") {
            m.written.push(("detail_type", v.span));
            m.detail_type = self.scalar_mapping(v, "`detail_type`");
        }
        if let Some(v) = rp.take("item") {
            m.written.push(("item", v.span));
            m.item = self.mapping(v);
        }
        if let Some(v) = rp.take("key") {
            m.written.push(("key", v.span));
            m.key = self.mapping(v);
        }
        if let Some(v) = rp.take("index") {
            m.written.push(("index", v.span));
            m.index = self.expect_string(v);
        }
        if let Some(v) = rp.take("prefix") {
            m.written.push(("prefix", v.span));
            m.prefix = self.expect_string(v);
        }
        if let Some(v) = rp.take("headers") {
            m.written.push(("headers", v.span));
            if let ValueKind::Record(entries) = &v.kind {
                for (k, item) in entries {
                    if let Some((first, _)) = m
                        .headers
                        .iter()
                        .find(|(h, _)| h.value.eq_ignore_ascii_case(&k.name))
                    {
                        let first = first.span;
                        self.set_twice(&k.name, k.span, first);
                        continue;
                    }
                    if let Some(mapped) = self.scalar_mapping(item, "a header") {
                        m.headers
                            .push((Spanned::new(k.name.clone(), k.span), mapped));
                    }
                }
            } else {
                self.type_error(
                    v,
                    "a record of headers",
                    "write `headers = { enrichment = authorizer.enrichment }`",
                );
            }
        }
        m
    }

    /// A mapping that must be one value, not a record (a header, an event's
    /// source).
    fn scalar_mapping(&mut self, v: &ast::Value, what: &str) -> Option<Mapping> {
        if let ValueKind::Record(_) = v.kind {
            self.error(
                Diagnostic::new(
                    Code::E0417,
                    v.span,
                    format!("{what} is one value, not a record"),
                )
                .label("a record here")
                .help("map one source (`body.source`, `authorizer.user`) or write a string"),
            );
            return None;
        }
        self.mapping(v)
    }

    /// A mapping value: a source, a literal, or a record of mappings.
    pub(super) fn mapping(&mut self, v: &ast::Value) -> Option<Mapping> {
        match &v.kind {
            ValueKind::Str(s) => Some(Mapping::Literal(serde_json::json!(s), v.span)),
            ValueKind::Int(i) => Some(Mapping::Literal(serde_json::json!(i), v.span)),
            ValueKind::Number(n) => Some(Mapping::Literal(serde_json::json!(n), v.span)),
            ValueKind::Bool(b) => Some(Mapping::Literal(serde_json::json!(b), v.span)),
            ValueKind::Path(p) => self.map_source(p).map(|s| Mapping::Source(s, v.span)),
            ValueKind::Record(entries) => {
                let mut out: Vec<(Spanned<String>, Mapping)> = Vec::new();
                for (k, item) in entries {
                    if let Some((first, _)) = out.iter().find(|(f, _)| f.value == k.name) {
                        let first = first.span;
                        self.set_twice(&k.name, k.span, first);
                        continue;
                    }
                    // A value in error stays as `null`, which fits any
                    // type: its key is not also reported missing.
                    let m = self
                        .mapping(item)
                        .unwrap_or(Mapping::Literal(serde_json::Value::Null, item.span));
                    out.push((Spanned::new(k.name.clone(), k.span), m));
                }
                Some(Mapping::Record(out, v.span))
            }
            _ => {
                self.type_error(
                    v,
                    "a piece of the request, a literal or a record",
                    "write a source such as `body.name`, `path.id` or `request.method`, a string, number or boolean, or `{ key = ... }`",
                );
                None
            }
        }
    }

    /// `body`, `body.a.b`, `path.id`, `query.q`, `header.h`,
    /// `request.method`, `authorizer.key`.
    fn map_source(&mut self, p: &ast::Path) -> Option<MapSource> {
        let root = p.head();
        let rest = &p.parts[1..];
        let one = |r: &mut Self, what: &str, example: &str| -> Option<Spanned<String>> {
            match rest {
                [name] => Some(Spanned::new(name.name.clone(), name.span)),
                _ => {
                    r.error(
                        Diagnostic::new(
                            Code::E0415,
                            p.span,
                            format!("`{}` names no single {what}", p.text()),
                        )
                        .label(format!("expected `{}.NAME`", root.name))
                        .help(format!(
                            "write one name after `{}.`, e.g. `{example}`",
                            root.name
                        )),
                    );
                    None
                }
            }
        };
        Some(match root.name.as_str() {
            "body" => MapSource::Body(
                rest.iter()
                    .map(|i| Spanned::new(i.name.clone(), i.span))
                    .collect(),
            ),
            "path" => MapSource::Path(one(self, "path parameter", "path.id")?),
            "query" => MapSource::Query(one(self, "query string parameter", "query.limit")?),
            "header" => MapSource::Header(one(self, "header", "header.authorization")?),
            "authorizer" => {
                MapSource::Authorizer(one(self, "authorizer value", "authorizer.userId")?)
            }
            "request" => {
                let word = one(self, "fact about the request", "request.method")?;
                let Some(var) = CONTEXT.iter().find(|c| c.word == word.value) else {
                    let mut d = Diagnostic::new(
                        Code::E0415,
                        word.span,
                        format!("the request has no `{}`", word.value),
                    )
                    .label("unknown");
                    d = match did_you_mean(&word.value, CONTEXT.iter().map(|c| c.word)) {
                        Some(s) => d.help(format!("did you mean `request.{s}`?")),
                        None => d.help(format!(
                            "`request.` takes {}",
                            CONTEXT
                                .iter()
                                .map(|c| format!("`{}`", c.word))
                                .collect::<Vec<_>>()
                                .join(", ")
                        )),
                    };
                    self.error(d);
                    return None;
                };
                MapSource::Context(var)
            }
            other => {
                let mut d = Diagnostic::new(
                    Code::E0415,
                    root.span,
                    format!("`{other}` is not a piece of the request"),
                )
                .label("unknown source");
                d = match did_you_mean(other, ROOTS.iter().copied()) {
                    Some(s) => d.help(format!("did you mean `{s}`?")),
                    None => d.help("a mapping reads `body`, `body.FIELD`, `path.NAME`, `query.NAME`, `header.NAME`, `request.method` (and other `request.` facts) or `authorizer.KEY`; write text in double quotes"),
                };
                self.error(d);
                return None;
            }
        })
    }

    /// `-> Table.put` (`get`, `query`, `delete`) and `-> Bucket.get`
    /// (`put`): a direct table or bucket route, or None when `target` is
    /// not `DECL.WORD` with DECL a table or bucket.
    pub(super) fn table_or_bucket_route(&mut self, target: &ast::Path) -> Option<RouteTarget> {
        let [head, word] = target.parts.as_slice() else {
            return None;
        };
        let kind = self.symbols.get(&head.name)?.kind;
        if !matches!(kind, DeclKind::Table | DeclKind::Bucket) {
            return None;
        }
        let r = self.expect_ref(
            &ast::Path {
                parts: vec![head.clone()],
                span: head.span,
            },
            &[kind],
        )?;
        let words: Vec<&str> = if kind == DeclKind::Table {
            TableAction::ALL.iter().map(|(w, _)| *w).collect()
        } else {
            BucketAction::ALL.iter().map(|(w, _)| *w).collect()
        };
        let table = TableAction::ALL.iter().find(|(w, _)| *w == word.name);
        let bucket = BucketAction::ALL.iter().find(|(w, _)| *w == word.name);
        match (kind, table, bucket) {
            (DeclKind::Table, Some((_, a)), _) => Some(RouteTarget::Table {
                table: r,
                action: Spanned::new(*a, word.span),
            }),
            (DeclKind::Bucket, _, Some((_, a))) => Some(RouteTarget::Bucket {
                bucket: r,
                action: Spanned::new(*a, word.span),
            }),
            _ => {
                let what = if kind == DeclKind::Table {
                    "table"
                } else {
                    "bucket"
                };
                let mut d = Diagnostic::new(
                    Code::E0417,
                    word.span,
                    format!("a route cannot `{}` {what} `{}`", word.name, r.name),
                )
                .label("unknown action");
                d = match did_you_mean(&word.name, words.iter().copied()) {
                    Some(s) => d.help(format!("did you mean `{}.{s}`?", r.name)),
                    None => d.help(format!(
                        "a route to a {what} is one of {}",
                        words
                            .iter()
                            .map(|w| format!("`{}.{w}`", r.name))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                };
                self.error(d);
                // Resolved, so that the declaration is not also unused.
                None
            }
        }
    }

    /// `binary_media_types = ["image/jpeg", ...]` of a REST API: each a
    /// media type (`type/subtype`, `*` allowed).
    pub(super) fn binary_media_types(
        &mut self,
        v: &ast::Value,
        rest: bool,
    ) -> Vec<Spanned<String>> {
        if !rest {
            self.error(
                Diagnostic::new(
                    Code::E0202,
                    v.span,
                    "`binary_media_types` is a setting of REST APIs",
                )
                .label("an HTTP API")
                .help("remove it: HTTP APIs pass binary bodies as they are (base64-encoded to functions)"),
            );
            return Vec::new();
        }
        let list = self.string_or_strings(v);
        for t in &list {
            let ok = t.value.split_once('/').is_some_and(|(a, b)| {
                !a.is_empty()
                    && !b.is_empty()
                    && !b.contains('/')
                    && t.value
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "/*+-.;=_ ".contains(c))
            });
            if !ok {
                self.error(
                    Diagnostic::new(
                        Code::E0203,
                        t.span,
                        format!("`{}` is not a media type", t.value),
                    )
                    .label("expected `type/subtype`")
                    .help("write a media type such as \"image/jpeg\" or \"application/octet-stream\" (\"*/*\" for every type)"),
                );
            }
        }
        list
    }

    /// E0417: each mapping property must be one the route's target takes.
    pub(super) fn mapping_fits(&mut self, target: &RouteTarget, m: &RouteMapping) {
        let takes: &[&str] = match target {
            RouteTarget::Function(_) => &[],
            RouteTarget::Url(_) => &["headers"],
            RouteTarget::Queue { .. } => &["message"],
            RouteTarget::StateMachine { .. } => &["input"],
            RouteTarget::Bus { event: Some(_), .. } => &["detail"],
            RouteTarget::Bus { event: None, .. } => &["detail", "source", "detail_type"],
            RouteTarget::Table { action, .. } => match action.value {
                TableAction::Put => &["item"],
                TableAction::Get | TableAction::Delete => &["key"],
                TableAction::Query => &["key", "index"],
            },
            RouteTarget::Bucket { .. } => &["key", "prefix"],
        };
        let what = match target {
            RouteTarget::Function(_) => "a route to a function, which receives the whole request",
            RouteTarget::Url(_) => "a route to a URL",
            RouteTarget::Queue { .. } => "a route to a queue",
            RouteTarget::StateMachine { .. } => "a route to a state machine",
            RouteTarget::Bus { event: Some(_), .. } => {
                "a route that sends a declared event, whose source and detail-type are the event's"
            }
            RouteTarget::Bus { event: None, .. } => "a route to a bus",
            RouteTarget::Table { action, .. } => match action.value {
                TableAction::Put => "a route that puts an item",
                TableAction::Get => "a route that gets an item",
                TableAction::Delete => "a route that deletes an item",
                TableAction::Query => "a route that queries a table",
            },
            RouteTarget::Bucket { .. } => "a route to a bucket",
        };
        for (key, span) in &m.written {
            if takes.contains(key) {
                continue;
            }
            let help = match takes {
                [] => "remove it; a function reads what it needs from the request".to_string(),
                _ => format!(
                    "{what} takes {}",
                    takes
                        .iter()
                        .map(|t| format!("`{t}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            self.error(
                Diagnostic::new(
                    Code::E0417,
                    *span,
                    format!("`{key}` does not apply to {what}"),
                )
                .label("not mapped here")
                .help(help),
            );
        }
    }
}
