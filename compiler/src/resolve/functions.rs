//! Functions: properties, environment, access verbs and triggers.

use super::*;
use crate::diagnostics::Code;

impl Resolver {
    pub(super) fn function(&mut self, d: &ast::Decl, defaults: &Defaults) -> Function {
        let name_span = d.name.span;
        let mut p = Props::new(&d.body);
        let handler = match p.take("handler").and_then(|v| self.expect_string(v)) {
            Some(h) => h,
            None => {
                if !p.has("handler") {
                    self.error(
                        Diagnostic::new(
                            Code::E0107,
                            name_span,
                            format!("function `{}` has no `handler`", d.name.name),
                        )
                        .label("missing `handler`")
                        .help("add `handler = \"file.function\"` (e.g. `\"app.handler\"`)"),
                    );
                }
                Spanned::new(String::new(), name_span)
            }
        };
        let code = match p.take("code").and_then(|v| self.expect_string(v)) {
            Some(s) if s.value.trim().is_empty() => {
                self.error(
                    Diagnostic::new(Code::E0201, s.span, "`code` is empty")
                        .label("no folder")
                        .help("name the folder with the function's code, e.g. `code = \"src\"`, or leave `code` out for the spec's folder"),
                );
                CodeSource::Folder(".".to_string())
            }
            Some(s) => match code_source(&s.value) {
                Ok(c) => c,
                Err((msg, help)) => {
                    self.error(
                        Diagnostic::new(Code::E0201, s.span, msg)
                            .label("not a folder, a package or an S3 location")
                            .help(help),
                    );
                    CodeSource::Folder(".".to_string())
                }
            },
            None => CodeSource::Folder(".".to_string()),
        };
        let runtime = match p.take("runtime").and_then(|v| self.expect_string(v)) {
            Some(r) => r,
            None => match &defaults.runtime {
                Some(r) => r.clone(),
                None => {
                    if !p.has("runtime") && !self.app_broken {
                        self.error(
                            Diagnostic::new(Code::E0107, name_span, format!("function `{}` has no `runtime`", d.name.name))
                                .label("missing `runtime`")
                                .help("add `runtime = \"python3.13\"` here, or a default `runtime` in the `app` declaration"),
                        );
                    }
                    Spanned::new(String::new(), name_span)
                }
            },
        };
        let memory = p
            .take("memory")
            .and_then(|v| self.expect_size_mb(v))
            .or_else(|| defaults.memory.clone())
            .unwrap_or(Spanned::new(128, name_span));
        let timeout = p
            .take("timeout")
            .and_then(|v| self.expect_seconds(v))
            .or_else(|| defaults.timeout.clone())
            .unwrap_or(Spanned::new(3, name_span));
        let arch = p
            .take("architecture")
            .and_then(|v| self.expect_arch(v))
            .unwrap_or(defaults.arch);
        let tracing = p
            .take("tracing")
            .and_then(|v| self.expect_tracing(v))
            .unwrap_or(defaults.tracing);
        let log_retention = p
            .take("log_retention")
            .and_then(|v| self.expect_days(v))
            .or_else(|| defaults.log_retention.clone())
            .unwrap_or(Spanned::new(30, name_span));
        let concurrency = p.take("concurrency").and_then(|v| self.expect_int(v));
        let retries = p.take("retries").and_then(|v| self.expect_int(v));
        let max_event_age = p.take("max_event_age").and_then(|v| self.expect_seconds(v));
        let destinations = [
            DeclKind::Queue,
            DeclKind::Topic,
            DeclKind::Function,
            DeclKind::Bus,
        ];
        let failure = p
            .take("on_failure")
            .map(|v| {
                // Lambda also sends failed asynchronous events to a bucket.
                let mut kinds = destinations.to_vec();
                kinds.push(DeclKind::Bucket);
                self.failure_target(v, &kinds, "`on_failure`")
            })
            .unwrap_or_default();
        let on_success = p.take("on_success").and_then(|v| {
            self.expect_path(v)
                .and_then(|path| self.expect_ref(path, &destinations))
        });
        let recursion = p.take("recursion").and_then(|v| self.recursion(v));
        let external = p
            .take("external")
            .and_then(|v| self.expect_bool(v))
            .unwrap_or(false);
        let env = match p.take_block("env") {
            Some(body) => self.env(body),
            None => Vec::new(),
        };
        self.identity(&mut p, d);
        p.finish(self, "a function");

        let mut access = Vec::new();
        let mut triggers = Vec::new();
        let mut allows = Vec::new();
        for m in &d.body {
            match &m.kind {
                MemberKind::Property { .. } | MemberKind::Block { .. } => {}
                MemberKind::Allow {
                    actions,
                    resources,
                    body,
                } => {
                    let mut p = Props::new(body);
                    let acknowledged = p
                        .take("acknowledge")
                        .and_then(|v| self.expect_string(v))
                        .map(|s| s.value);
                    self.other_members(body, "`allow`");
                    p.finish(self, "`allow`");
                    let actions = self.string_or_strings(actions);
                    let resources = self.string_or_strings(resources);
                    allows.push(Allow {
                        actions,
                        resources,
                        acknowledged,
                        span: m.span,
                    });
                }
                MemberKind::Verb {
                    verb,
                    targets,
                    prefixes,
                    bus,
                    message,
                    ..
                } => self.verb(
                    *verb,
                    targets,
                    prefixes,
                    bus.as_ref(),
                    message.as_ref(),
                    &mut access,
                ),
                MemberKind::On {
                    source,
                    filter,
                    body,
                } => {
                    if let Some(t) = self.trigger(source, filter.as_ref(), body, m.span) {
                        // One function may take several notifications of one
                        // bucket (different prefixes); any other source once.
                        let source_ref = trigger_source(&t);
                        let earlier: Vec<Ref> = triggers
                            .iter()
                            .filter(|e| !matches!(e, Trigger::Bucket { .. }))
                            .map(|e| trigger_source(e).clone())
                            .collect();
                        if !matches!(t, Trigger::Bucket { .. })
                            && self.repeated(&earlier, source_ref, "a trigger of this function")
                        {
                            continue;
                        }
                        triggers.push(t);
                    }
                }
                _ => self.not_allowed(m, "a function"),
            }
        }
        Function {
            name: d.name.name.clone(),
            span: name_span,
            handler,
            code,
            runtime,
            memory,
            timeout,
            arch,
            env,
            concurrency,
            tracing,
            log_retention,
            access,
            triggers,
            retries,
            max_event_age,
            on_failure: failure.to,
            drops_failures: failure.dropped,
            on_success,
            allows,
            recursion,
            invoked_async: false,
            external,
        }
    }

    pub(super) fn env(&mut self, body: &[ast::Member]) -> Vec<(Spanned<String>, EnvValue)> {
        let mut out: Vec<(Spanned<String>, EnvValue)> = Vec::new();
        for m in body {
            let MemberKind::Property { key, value } = &m.kind else {
                self.not_allowed(m, "`env`");
                continue;
            };
            if out.iter().any(|(k, _)| k.value == key.name) {
                self.error(
                    Diagnostic::new(
                        Code::E0106,
                        key.span,
                        format!("environment variable `{}` is set twice", key.name),
                    )
                    .label("set again here")
                    .help("remove one of the two"),
                );
                continue;
            }
            let v = match &value.kind {
                // A bare `param` name is its value, as `"${Name}"`.
                ValueKind::Path(path)
                    if path.parts.len() == 1
                        && self
                            .symbols
                            .get(&path.head().name)
                            .is_some_and(|s| s.kind == DeclKind::Param) =>
                {
                    match self.expect_text(value) {
                        Some(s) => EnvValue::Literal(s.value),
                        None => continue,
                    }
                }
                ValueKind::Path(path) => match self.attr(path) {
                    Some((r, a)) => EnvValue::Attr(r, a),
                    None => continue,
                },
                ValueKind::Str(_) => match self.expect_text(value) {
                    Some(s) => EnvValue::Literal(s.value),
                    None => continue,
                },
                _ => match self.expect_scalar_string(value) {
                    Some(s) => EnvValue::Literal(s),
                    None => continue,
                },
            };
            out.push((Spanned::new(key.name.clone(), key.span), v));
        }
        out
    }

    /// `Orders.name`: a resource attribute.
    pub(super) fn attr(&mut self, path: &ast::Path) -> Option<(Ref, Attr)> {
        let resources = [
            DeclKind::Table,
            DeclKind::Stream,
            DeclKind::Queue,
            DeclKind::Topic,
            DeclKind::Bus,
            DeclKind::Bucket,
            DeclKind::Function,
            DeclKind::Api,
            DeclKind::Secret,
            DeclKind::Parameter,
        ];
        let head = path.head();
        let r = self.lookup(&head.name, head.span, &resources)?;
        let attrs = attributes(r.kind);
        let Some(word) = path.parts.get(1) else {
            let list = attrs
                .iter()
                .map(|a| format!("`{}.{}`", head.name, a.word()))
                .collect::<Vec<_>>()
                .join(", ");
            self.error(
                Diagnostic::new(
                    Code::E0201,
                    path.span,
                    format!(
                        "expected a string or an attribute, found {} `{}`",
                        r.kind.keyword(),
                        head.name
                    ),
                )
                .label("a declaration is not a value")
                .help(format!("use one of its attributes: {list}")),
            );
            return None;
        };
        match attrs.iter().find(|a| a.word() == word.name) {
            Some(a) if path.parts.len() == 2 => Some((
                Ref {
                    span: path.span,
                    ..r
                },
                *a,
            )),
            _ => {
                let mut d = Diagnostic::new(
                    Code::E0108,
                    word.span,
                    format!(
                        "{} has no attribute `{}`",
                        r.kind.article(),
                        path.parts[1..]
                            .iter()
                            .map(|p| p.name.as_str())
                            .collect::<Vec<_>>()
                            .join(".")
                    ),
                )
                .label("unknown attribute");
                let words = attrs.iter().map(|a| a.word());
                d = match did_you_mean(&word.name, words) {
                    Some(s) => d.help(format!("did you mean `{}.{s}`?", head.name)),
                    None => d.help(format!(
                        "{} has: {}",
                        r.kind.article(),
                        attrs
                            .iter()
                            .map(|a| format!("`{}`", a.word()))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                };
                self.error(d);
                None
            }
        }
    }

    pub(super) fn verb(
        &mut self,
        verb: VerbKind,
        targets: &[ast::Path],
        prefixes: &[Option<ast::Str>],
        bus: Option<&ast::Path>,
        message: Option<&ast::Path>,
        out: &mut Vec<Access>,
    ) {
        let kinds: &[DeclKind] = match verb {
            VerbKind::Reads => &[
                DeclKind::Table,
                DeclKind::Bucket,
                DeclKind::Secret,
                DeclKind::Parameter,
            ],
            // Secrets and parameters are read-only here: they are created and
            // rotated outside the stack.
            VerbKind::Writes => &[DeclKind::Table, DeclKind::Bucket, DeclKind::Stream],
            VerbKind::Deletes => &[DeclKind::Bucket],
            VerbKind::SendsTo => &[DeclKind::Queue],
            VerbKind::PublishesTo => &[DeclKind::Topic],
            VerbKind::Emits => &[DeclKind::Event],
            VerbKind::Invokes => &[DeclKind::Function],
        };
        let bus_ref = match bus {
            Some(b) => self.expect_ref(b, &[DeclKind::Bus]),
            None => None,
        };
        let message = message.and_then(|m| self.expect_ref(m, &[DeclKind::Type, DeclKind::Event]));
        for (i, t) in targets.iter().enumerate() {
            let Some(r) = self.expect_ref(t, kinds) else {
                continue;
            };
            let prefix = prefixes
                .get(i)
                .cloned()
                .flatten()
                .map(|s| Spanned::new(s.value, s.span));
            if let Some(p) = prefix.as_ref().filter(|_| r.kind != DeclKind::Bucket) {
                self.error(
                    Diagnostic::new(
                        Code::E0201,
                        p.span,
                        format!(
                            "a prefix scopes the keys of a bucket, and `{}` is {}",
                            r.name,
                            r.kind.article()
                        ),
                    )
                    .label("not a bucket")
                    .help("remove `prefix \"...\"`"),
                );
            }
            if verb == VerbKind::Emits {
                if let Some(b) = &bus_ref {
                    out.push(Access {
                        verb,
                        target: b.clone(),
                        event: Some(r),
                        prefix: None,
                    });
                }
            } else {
                out.push(Access {
                    verb,
                    target: r,
                    event: message.clone(),
                    prefix,
                });
            }
        }
    }

    pub(super) fn trigger(
        &mut self,
        source: &ast::Path,
        filter: Option<&ast::Expr>,
        body: &[ast::Member],
        span: Span,
    ) -> Option<Trigger> {
        let kinds = [
            DeclKind::Queue,
            DeclKind::Table,
            DeclKind::Stream,
            DeclKind::Bucket,
            DeclKind::Topic,
        ];
        let (name, extra) = self.split_qualified(source);
        if !self.right_module(source, &name) {
            return None;
        }
        let head_span = source.head().span;
        let r = self.lookup(&name, head_span, &kinds)?;
        let r = Ref {
            span: source.span,
            ..r
        };
        // Lambda event filtering: on queues and Kinesis streams. A table
        // stream's records wrap each attribute in its DynamoDB type, which
        // the language does not declare; buckets and topics filter on their
        // own side.
        let filter = match (filter, r.kind) {
            (None, _) => None,
            (Some(f), DeclKind::Queue | DeclKind::Stream) => Some(self.filter(f, false)),
            (Some(f), kind) => {
                let help = match kind {
                    DeclKind::Table => "filter in the function, or put the changes on a bus with `emits` and route them with a rule's `where`",
                    DeclKind::Bucket => "a bucket trigger filters by key: `on Bucket { prefix = \"in/\", suffix = \".png\" }`",
                    _ => "filter the topic's messages on its side: `subscribe Queue where ...`, then trigger the function from the queue",
                };
                self.error(
                    Diagnostic::new(
                        Code::E0105,
                        f.span,
                        format!("a {} trigger has no `where` filter", kind.keyword()),
                    )
                    .label("Lambda filters queue and Kinesis records only here")
                    .help(help),
                );
                None
            }
        };
        let mut p = Props::new(body);
        let t = match r.kind {
            DeclKind::Table | DeclKind::Stream => {
                if r.kind == DeclKind::Table {
                    let ok = extra == 1 && source.parts.last().is_some_and(|l| l.name == "stream");
                    if !ok {
                        self.error(
                            Diagnostic::new(Code::E0103, source.span, format!("a function is triggered by a table's stream, not by table `{name}`"))
                                .label("expected a stream")
                                .help(format!("write `on {name}.stream {{ ... }}`")),
                        );
                        return None;
                    }
                } else if extra > 0 {
                    self.error(
                        Diagnostic::new(Code::E0103, source.span, format!("`{name}` is a Kinesis stream: a function is triggered by it directly"))
                            .label("a stream has no attributes to trigger on")
                            .help(format!("write `on {name} {{ ... }}`")),
                    );
                    return None;
                }
                let batch = p
                    .take("batch")
                    .and_then(|v| self.expect_int_u32(v))
                    .unwrap_or(Spanned::new(100, source.span));
                let window = p
                    .take("window")
                    .and_then(|v| self.expect_seconds(v))
                    .map(|s| Spanned::new(s.value as u32, s.span));
                let start = match p
                    .take("start")
                    .and_then(|v| self.expect_word(v, &["latest", "trim_horizon"]))
                {
                    Some(w) if w == "trim_horizon" => StartPosition::TrimHorizon,
                    _ => StartPosition::Latest,
                };
                let retries = p.take("retries").and_then(|v| self.expect_int(v));
                let bisect = p
                    .take("bisect")
                    .and_then(|v| self.expect_bool(v))
                    .unwrap_or(false);
                let partial_failures = p
                    .take("partial_failures")
                    .and_then(|v| self.expect_bool(v))
                    .unwrap_or(false);
                let max_age = p.take("max_age").and_then(|v| match v.kind {
                    // -1 keeps a record until it expires from the stream.
                    ValueKind::Int(-1) => Some(Spanned::new(-1, v.span)),
                    _ => self
                        .expect_seconds(v)
                        .map(|s| Spanned::new(s.value as i64, s.span)),
                });
                let parallelization = p.take("parallelization").and_then(|v| self.expect_int(v));
                let failure = p
                    .take("on_failure")
                    .map(|v| {
                        self.failure_target(
                            v,
                            &[DeclKind::Queue, DeclKind::Topic, DeclKind::Bucket],
                            "`on_failure`",
                        )
                    })
                    .unwrap_or_default();
                Trigger::Stream {
                    source: r,
                    batch,
                    window,
                    start,
                    retries,
                    bisect,
                    partial_failures,
                    max_age,
                    parallelization,
                    on_failure: failure.to,
                    drops_failures: failure.dropped,
                    filter,
                    span,
                }
            }
            _ if extra > 0 => {
                self.error(
                    Diagnostic::new(
                        Code::E0103,
                        source.span,
                        format!(
                            "expected a queue, a table stream, a bucket or a topic, found `{}`",
                            source.text()
                        ),
                    )
                    .label("only tables have `.stream`")
                    .help(format!("write `on {name}`")),
                );
                return None;
            }
            DeclKind::Queue => {
                let batch = p
                    .take("batch")
                    .and_then(|v| self.expect_int_u32(v))
                    .unwrap_or(Spanned::new(10, source.span));
                let window = p
                    .take("window")
                    .and_then(|v| self.expect_seconds(v))
                    .map(|s| Spanned::new(s.value as u32, s.span));
                let partial_failures = p
                    .take("partial_failures")
                    .and_then(|v| self.expect_bool(v))
                    .unwrap_or(false);
                let max_concurrency = p.take("max_concurrency").and_then(|v| self.expect_int(v));
                Trigger::Queue {
                    queue: r,
                    batch,
                    window,
                    partial_failures,
                    max_concurrency,
                    filter,
                    span,
                }
            }
            DeclKind::Bucket => {
                let events = match p.take("events") {
                    Some(v) => self.bucket_events(v),
                    None => vec![BucketEvent::Created],
                };
                let prefix = p
                    .take("prefix")
                    .and_then(|v| self.expect_string(v))
                    .map(|s| s.value);
                let suffix = p
                    .take("suffix")
                    .and_then(|v| self.expect_string(v))
                    .map(|s| s.value);
                Trigger::Bucket {
                    bucket: r,
                    events,
                    prefix,
                    suffix,
                    span,
                }
            }
            _ => {
                let failure = p
                    .take("dead_letter")
                    .map(|v| self.failure_target(v, &[DeclKind::Queue], "`dead_letter`"))
                    .unwrap_or_default();
                Trigger::Topic {
                    topic: r,
                    dead_letter: failure.to,
                    drops_failures: failure.dropped,
                    span,
                }
            }
        };
        let what = match &t {
            Trigger::Queue { .. } => "a queue trigger",
            Trigger::Stream { .. } => "a stream trigger",
            Trigger::Bucket { .. } => "a bucket trigger",
            Trigger::Topic { .. } => "a topic trigger",
        };
        self.other_members(body, what);
        p.finish(self, what);
        Some(t)
    }

    pub(super) fn bucket_events(&mut self, v: &ast::Value) -> Vec<BucketEvent> {
        let items: Vec<&ast::Value> = match &v.kind {
            ValueKind::List(items) => items.iter().collect(),
            _ => vec![v],
        };
        let mut out = Vec::new();
        for item in items {
            match self.expect_word(item, &["created", "removed"]) {
                Some(w) if w == "removed" => out.push(BucketEvent::Removed),
                Some(_) => out.push(BucketEvent::Created),
                None => {}
            }
        }
        out
    }
}

/// The three forms `code` takes: `s3://bucket/key` (optionally
/// `?versionId=...`), a built package ending in `.zip` or `.jar`, or a
/// folder. Anything else with a scheme (`https://...`) is none of them.
pub(crate) fn code_source(text: &str) -> Result<CodeSource, (String, String)> {
    const FORMS: &str = "write a folder (`code = \"src\"`), a built package (`code = \"build/app.zip\"` or `\"target/app.jar\"`), or an S3 location (`code = \"s3://my-artifacts/app.zip\"`)";
    if let Some(rest) = text.strip_prefix("s3://") {
        let (location, version) = match rest.split_once("?versionId=") {
            Some((l, v)) => (l, Some(v.to_string())),
            None => (rest, None),
        };
        let Some((bucket, key)) = location.split_once('/') else {
            return Err((
                format!("`{text}` names a bucket but no object"),
                "add the package's key: `s3://bucket/path/app.zip`".into(),
            ));
        };
        let bucket_ok = (3..=63).contains(&bucket.len())
            && bucket
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-');
        if !bucket_ok {
            return Err((
                format!("`{bucket}` is not an S3 bucket name"),
                "S3 bucket names are 3 to 63 lower-case letters, digits, `.` and `-`".into(),
            ));
        }
        if key.is_empty() || version.as_deref() == Some("") {
            return Err((
                format!("`{text}` has no object key"),
                "add the package's key: `s3://bucket/path/app.zip`".into(),
            ));
        }
        return Ok(CodeSource::S3 {
            bucket: bucket.to_string(),
            key: key.to_string(),
            version,
        });
    }
    if let Some((scheme, _)) = text.split_once("://") {
        return Err((
            format!("`code` cannot be fetched from a `{scheme}://` URL"),
            FORMS.into(),
        ));
    }
    let lower = text.to_ascii_lowercase();
    if lower.ends_with(".zip") || lower.ends_with(".jar") {
        return Ok(CodeSource::Artifact(text.to_string()));
    }
    Ok(CodeSource::Folder(text.to_string()))
}
