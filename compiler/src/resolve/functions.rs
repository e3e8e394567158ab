//! Functions: properties, environment, access verbs and triggers.

use super::*;
use crate::diagnostics::Code;
use std::ops::Range;

impl Resolver {
    pub(super) fn function(&mut self, d: &ast::Decl, defaults: &Defaults) -> Function {
        let name_span = d.name.span;
        let mut p = Props::new(&d.body);
        let package = self.package(&mut p, d, defaults);
        let memory = p
            .take("memory")
            .and_then(|v| {
                self.number_param(v, &d.name.name, NumProp::FunctionMemory)
                    .or_else(|| self.expect_size_mb(v))
            })
            .or_else(|| defaults.memory.clone())
            .unwrap_or(Spanned::new(128, name_span));
        let timeout = p
            .take("timeout")
            .and_then(|v| {
                self.number_param(v, &d.name.name, NumProp::FunctionTimeout)
                    .or_else(|| self.expect_seconds(v))
            })
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
        let own_logs = self.log_settings(&mut p);
        let logging = self.logging(&own_logs, &defaults.logs);
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
        let on_failure_if =
            self.destination_if(&d.body, "on_failure", super::conditions::on_failure_kinds());
        let on_success_if = self.destination_if(&d.body, "on_success", &destinations);
        let recursion = p.take("recursion").and_then(|v| self.recursion(v));
        let external = p
            .take("external")
            .and_then(|v| self.expect_bool(v))
            .unwrap_or(false);
        let env = match p.take_block("env") {
            Some(body) => self.env(body),
            None => Vec::new(),
        };
        // `snap_start = false` is Lambda's default: nothing to emit.
        let snap_start = p
            .take("snap_start")
            .and_then(|v| self.expect_bool(v).and_then(|on| on.then_some(v.span)));
        let layers = p
            .take("layers")
            .map(|v| self.refs_of(v, &[DeclKind::Layer], "a layer of this function"))
            .unwrap_or_default();
        let deploy = self.deploy_settings(&mut p);
        self.traffic(&mut p, UsageAt::Decl(d.name.name.clone()));
        if let Some(ms) = p
            .take("average_duration")
            .and_then(|v| self.expect_average_ms(v))
        {
            (self.model.usage.average_duration).insert(d.name.name.clone(), ms);
        }
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
                } => allows.push(self.allow(actions, resources, body, m.span)),
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
            package,
            memory,
            timeout,
            arch,
            env,
            concurrency,
            tracing,
            log_retention,
            logging,
            access,
            triggers,
            retries,
            max_event_age,
            on_failure: failure.to,
            drops_failures: failure.dropped,
            on_success,
            on_failure_if,
            on_success_if,
            allows,
            recursion,
            invoked_async: false,
            external,
            snap_start,
            layers,
            alias: deploy.alias,
            deploy: deploy.deploy,
            provisioned: deploy.provisioned,
        }
    }

    /// What the function runs: `image`, or `code` with `handler` and
    /// `runtime` (the app's runtime by default). A container image carries
    /// its runtime and entry point, so with `image` the other three are
    /// errors and the app's runtime does not apply.
    fn package(&mut self, p: &mut Props<'_>, d: &ast::Decl, defaults: &Defaults) -> Package {
        let name_span = d.name.span;
        let handler = p.take("handler");
        let code = p.take("code");
        let runtime = p.take("runtime");
        let image = p.take("image");
        if let Some(v) = image {
            let uri = self
                .expect_text(v)
                .filter(|uri| match image_uri(&uri.value) {
                    Ok(()) => true,
                    Err(bad) => {
                        self.bad_form(uri, bad, "not an Amazon ECR image URI");
                        false
                    }
                });
            if let Some(c) = code {
                self.error(
                    Diagnostic::new(
                        Code::E0106,
                        c.span,
                        "a function has `code` or `image`, not both",
                    )
                    .label("second source of code")
                    .with(v.span, "`image` here")
                    .help("keep `image` for a container image, or `code` (with `handler` and `runtime`) for a package Lambda runs on a managed runtime"),
                );
            }
            for (key, value, why) in [
                ("handler", handler, "the image's `CMD` names the handler"),
                (
                    "runtime",
                    runtime,
                    "the image's base image carries the runtime",
                ),
            ] {
                if let Some(value) = value {
                    self.error(
                        Diagnostic::new(
                            Code::E0105,
                            value.span,
                            format!("`{key}` does not apply to a function with an `image`"),
                        )
                        .label("the image sets it")
                        .with(v.span, "a container image")
                        .help(format!("remove `{key}`: {why}")),
                    );
                }
            }
            return Package::Image(uri.unwrap_or_else(|| Spanned::new(String::new(), v.span)));
        }
        let handler = match handler.and_then(|v| self.expect_string(v)) {
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
                        .help("add `handler = \"file.function\"` (e.g. `\"app.handler\"`), or `image = \"...\"` for a container image"),
                    );
                }
                Spanned::new(String::new(), name_span)
            }
        };
        let code = match code.and_then(|v| self.expect_string(v)) {
            Some(s) if s.value.trim().is_empty() => {
                self.error(
                    Diagnostic::new(Code::E0201, s.span, "`code` is empty")
                        .label("no folder, package or S3 location")
                        .help(format!(
                            "{CODE_FORMS}, or leave `code` out for the spec's folder"
                        )),
                );
                CodeSource::Folder(".".to_string())
            }
            Some(s) => match code_source(&s.value) {
                Ok(c) => c,
                Err(bad) => {
                    self.bad_form(&s, bad, "not a folder, a package or an S3 location");
                    CodeSource::Folder(".".to_string())
                }
            },
            None => CodeSource::Folder(".".to_string()),
        };
        let runtime = match runtime.and_then(|v| self.expect_string(v)) {
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
        Package::Zip {
            code,
            handler,
            runtime,
        }
    }

    pub(super) fn env(&mut self, body: &[ast::Member]) -> Vec<(Spanned<String>, EnvValue)> {
        let mut out: Vec<(Spanned<String>, EnvValue)> = Vec::new();
        for m in body {
            let MemberKind::Property { key, value, .. } = &m.kind else {
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
                ValueKind::Path(path) if self.is_param(path) => match self.expect_text(value) {
                    Some(s) => EnvValue::Literal(s.value),
                    None => continue,
                },
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
            DeclKind::StateMachine,
            DeclKind::Queue,
            DeclKind::Topic,
            DeclKind::Bus,
            DeclKind::Bucket,
            DeclKind::Function,
            DeclKind::Api,
            DeclKind::Secret,
            DeclKind::Parameter,
            DeclKind::UserPool,
            DeclKind::Resource,
            DeclKind::ScheduleGroup,
        ];
        let head = path.head();
        let r = self.lookup(&head.name, head.span, &resources)?;
        let raw_attrs;
        let attrs: &[Attr] = if r.kind == DeclKind::Resource {
            let ty = self.raw_types.get(&head.name).map_or("", String::as_str);
            raw_attrs = super::raw::attributes(ty);
            &raw_attrs
        } else if r.kind == DeclKind::Api && self.domain_apis.contains(&head.name) {
            &[Attr::Url, Attr::DomainUrl]
        } else {
            attributes(r.kind)
        };
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
        // `Users.Web.id`: the ID of a pool's client.
        if let (DeclKind::UserPool, [_, client, id]) = (r.kind, &path.parts[..]) {
            let index = self
                .pool_clients
                .get(&r.name)
                .and_then(|cs| cs.iter().position(|c| *c == client.name));
            if let (Some(i), "id") = (index, id.name.as_str()) {
                return Some((
                    Ref {
                        span: path.span,
                        ..r
                    },
                    Attr::ClientId(i.min(u16::MAX as usize) as u16),
                ));
            }
        }
        // Nested attributes are dotted (`Endpoint.Address`).
        let rest = path.parts[1..]
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(".");
        if r.kind == DeclKind::Resource {
            if let Some(a) = attrs.iter().find(|a| a.word() == rest) {
                return Some((
                    Ref {
                        span: path.span,
                        ..r
                    },
                    *a,
                ));
            }
        }
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
            VerbKind::Answers => &[DeclKind::StateMachine],
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
        // Lambda event filtering on queues, Kinesis streams and table
        // streams; a topic's subscription filter policy; buckets filter by
        // key only.
        let filter = match (filter, r.kind) {
            (None, _) => None,
            (Some(f), DeclKind::Queue | DeclKind::Stream | DeclKind::Table | DeclKind::Topic) => {
                Some(self.filter(f, false))
            }
            (Some(f), kind) => {
                let help = "a bucket trigger filters by key: `on Bucket { prefix = \"in/\", suffix = \".png\" }`";
                self.error(
                    Diagnostic::new(
                        Code::E0105,
                        f.span,
                        format!("a {} trigger has no `where` filter", kind.keyword()),
                    )
                    .label("S3 notifications filter by key prefix and suffix only")
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
                // Only Kinesis streams have enhanced fan-out consumers: on a
                // table's stream, `consumer` is an unknown property.
                let consumer = if r.kind == DeclKind::Stream {
                    p.take("consumer").and_then(|v| self.expect_string(v))
                } else {
                    None
                };
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
                    consumer,
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
                let on_attributes = p.take("filter_on").and_then(|v| {
                    let span = v.span;
                    self.expect_word(v, &["body", "attributes"])
                        .filter(|w| w == "attributes")
                        .map(|_| span)
                });
                Trigger::Topic {
                    topic: r,
                    dead_letter: failure.to,
                    drops_failures: failure.dropped,
                    filter,
                    on_attributes,
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
            let words: Vec<&str> = BucketEvent::WORDS.iter().map(|(w, _)| *w).collect();
            if let Some(w) = self.expect_word(item, &words) {
                if let Some((_, e)) = BucketEvent::WORDS.iter().find(|(word, _)| *word == w) {
                    out.push(*e);
                }
            }
        }
        out
    }

    /// Reads `log_format`, `log_level` and `system_log_level`.
    pub(super) fn log_settings(&mut self, p: &mut Props) -> LogSettings {
        const LEVELS: [&str; 6] = ["trace", "debug", "info", "warn", "error", "fatal"];
        const SYSTEM_LEVELS: [&str; 3] = ["debug", "info", "warn"];
        let upper = |w: &str| -> &'static str {
            match w {
                "trace" => "TRACE",
                "debug" => "DEBUG",
                "info" => "INFO",
                "warn" => "WARN",
                "error" => "ERROR",
                _ => "FATAL",
            }
        };
        let json = p.take("log_format").and_then(|v| {
            self.expect_word(v, &["json", "text"])
                .map(|w| Spanned::new(w == "json", v.span))
        });
        let level = p.take("log_level").and_then(|v| {
            self.expect_word(v, &LEVELS)
                .map(|w| Spanned::new(upper(&w), v.span))
        });
        let system_level = p.take("system_log_level").and_then(|v| {
            self.expect_word(v, &SYSTEM_LEVELS)
                .map(|w| Spanned::new(upper(&w), v.span))
        });
        LogSettings {
            json,
            level,
            system_level,
        }
    }

    /// The logging of a function from its own settings and the app's
    /// (`inherited`). Levels filter JSON records only (Lambda rejects them
    /// with text logs): one written beside text logs is E0273, and a
    /// function that asks for text drops the app's levels.
    pub(super) fn logging(&mut self, own: &LogSettings, inherited: &LogSettings) -> Logging {
        let json = own.json.as_ref().or(inherited.json.as_ref());
        let is_json = json.is_some_and(|j| j.value);
        let mut levels = Vec::new();
        for (mine, theirs) in [
            (&own.level, &inherited.level),
            (&own.system_level, &inherited.system_level),
        ] {
            match (mine, theirs) {
                (Some(level), _) => {
                    if !is_json {
                        let mut d = Diagnostic::new(
                            Code::E0273,
                            level.span,
                            "log levels filter JSON logs only, and these logs are text",
                        )
                        .label("needs `log_format = json`");
                        if let Some(text) = json {
                            d = d.with(text.span, "text logs here");
                        }
                        self.error(d.help(
                            "add `log_format = json` (here or on the app), or remove the level",
                        ));
                        levels.push(None);
                    } else {
                        levels.push(Some(level.value));
                    }
                }
                // The app's levels, already reported if its logs are text.
                (None, Some(level)) if is_json => levels.push(Some(level.value)),
                _ => levels.push(None),
            }
        }
        Logging {
            json: is_json,
            level: levels[0],
            system_level: levels[1],
        }
    }
}

/// The three forms of `code`, for the help of a `code` that is none.
pub(crate) const CODE_FORMS: &str = "write a folder (`code = \"src\"`), a built package (`code = \"build/app.zip\"` or `\"target/app.jar\"`), or an S3 location (`code = \"s3://my-artifacts/app.zip\"`)";

/// Extensions of files that are neither a folder nor a package Lambda
/// runs: sources, other archives, binaries. A folder may have a dot in its
/// name (`v1.2`), so only these are rejected without looking at the disk;
/// another file is E0009 once the disk says it is not a folder.
const NOT_PACKAGES: &[&str] = &[
    "py", "js", "mjs", "cjs", "ts", "rb", "go", "java", "kt", "cs", "rs", "class", "war", "ear",
    "tar", "gz", "tgz", "bz2", "xz", "7z", "rar", "exe", "dll",
];

/// A `code` or `image` that is in none of the forms it takes: what to
/// say, how to fix it, and the bytes of the text that are wrong (all of it
/// when none are singled out).
#[derive(Debug)]
pub(crate) struct BadForm {
    /// The diagnostic's message.
    pub message: String,
    /// Its help.
    pub help: String,
    /// The bytes of the text at fault.
    pub part: Option<Range<usize>>,
}

impl BadForm {
    fn new(message: String, help: impl Into<String>) -> Self {
        BadForm {
            message,
            help: help.into(),
            part: None,
        }
    }

    /// Singles out `part`, a slice of `text`.
    fn at(mut self, text: &str, part: &str) -> Self {
        let start = part.as_ptr() as usize - text.as_ptr() as usize;
        self.part = Some(start..start + part.len());
        self
    }
}

/// The span of the bytes `part` of string literal `text` written at
/// `whole`: exact when the literal has no escapes (its text is what is
/// between its quotes), else the whole literal.
fn part_span(whole: Span, text: &str, part: Option<Range<usize>>) -> Span {
    match part {
        Some(r) if whole.len() == text.len() + 2 => {
            let start = whole.start as usize + 1;
            Span::new(whole.file, start + r.start, start + r.end)
        }
        _ => whole,
    }
}

impl Resolver {
    /// E0201 for a `code` or `image` in none of its forms, at the part at
    /// fault.
    pub(super) fn bad_form(&mut self, value: &Spanned<String>, bad: BadForm, label: &str) {
        let span = part_span(value.span, &value.value, bad.part);
        self.error(
            Diagnostic::new(Code::E0201, span, bad.message)
                .label(label.to_string())
                .help(bad.help),
        );
    }
}

/// The three forms `code` takes: `s3://bucket/key` (optionally
/// `?versionId=...`), a built package ending in `.zip` or `.jar`, or a
/// folder. Anything else with a scheme (`https://...`), or a path to a
/// source file or another kind of archive, is none of them.
pub(crate) fn code_source(text: &str) -> Result<CodeSource, BadForm> {
    if let Some(rest) = text.strip_prefix("s3://") {
        let (location, version) = match rest.split_once("?versionId=") {
            Some((l, v)) => (l, Some(v.to_string())),
            None => (rest, None),
        };
        let Some((bucket, key)) = location.split_once('/') else {
            return Err(BadForm::new(
                format!("`{text}` names a bucket but no object"),
                "add the package's key: `s3://bucket/path/app.zip`",
            ));
        };
        // S3's naming rules, lightly: length, characters, and a letter or
        // digit at each end (what CloudFormation's `S3Bucket` pattern and
        // S3 itself both reject otherwise).
        let edge =
            |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
        let bucket_ok = (3..=63).contains(&bucket.len())
            && bucket
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-')
            && edge(bucket.chars().next())
            && edge(bucket.chars().last());
        if !bucket_ok {
            return Err(BadForm::new(
                format!("`{bucket}` is not an S3 bucket name"),
                "S3 bucket names are 3 to 63 lower-case letters, digits, `.` and `-`, starting and ending with a letter or digit",
            )
            .at(text, bucket));
        }
        if key.is_empty() || version.as_deref() == Some("") {
            return Err(BadForm::new(
                format!("`{text}` has no object key"),
                "add the package's key: `s3://bucket/path/app.zip`",
            ));
        }
        return Ok(CodeSource::S3 {
            bucket: bucket.to_string(),
            key: key.to_string(),
            version,
        });
    }
    if let Some((scheme, _)) = text.split_once("://") {
        return Err(BadForm::new(
            format!("`code` cannot be fetched from a `{scheme}://` URL"),
            CODE_FORMS,
        ));
    }
    let lower = text.to_ascii_lowercase();
    if lower.ends_with(".zip") || lower.ends_with(".jar") {
        return Ok(CodeSource::Artifact(text.to_string()));
    }
    let last = text.rsplit(['/', '\\']).next().unwrap_or_default();
    if let Some((_, ext)) = last.rsplit_once('.').filter(|(stem, _)| !stem.is_empty()) {
        if NOT_PACKAGES.contains(&ext.to_ascii_lowercase().as_str()) {
            return Err(BadForm::new(
                format!("`code` names a `.{ext}` file, not a folder or a package Lambda runs"),
                format!("{CODE_FORMS}; a package is a `.zip` (or a `.jar` for Java)"),
            )
            .at(text, last));
        }
    }
    Ok(CodeSource::Folder(text.to_string()))
}

/// Checks a container image URI: Lambda runs images from a private Amazon
/// ECR repository only, `ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPO`, and
/// slsc asks for a tag or a digest so that the template says which image
/// it deploys (CloudFormation updates the function only when the URI
/// changes). A part holding a `${...}` reference is left to CloudFormation.
pub(crate) fn image_uri(text: &str) -> Result<(), BadForm> {
    const FORM: &str = "write the URI of an image in Amazon ECR with a tag or a digest: `123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:1.4.2` or `...amazonaws.com/orders@sha256:<64 hex digits>`";
    // Each `${...}` as one NUL, so that the `:` of `${AWS::Region}` splits
    // nothing; a part with a NUL depends on a parameter.
    let mut masked = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("${") {
        let Some(j) = rest[i..].find('}') else { break };
        masked.push_str(&rest[..i]);
        masked.push('\0');
        rest = &rest[i + j + 1..];
    }
    masked.push_str(rest);
    let open = |part: &str| part.contains('\0');
    // Parts are slices of `masked`: their places are the text's when no
    // reference was masked.
    let bad = |message: String, help: &str, part: &str| {
        let b = BadForm::new(message, help);
        if open(&masked) {
            b
        } else {
            b.at(&masked, part)
        }
    };
    if text.trim().is_empty() {
        return Err(BadForm::new("`image` is empty".into(), FORM));
    }
    let Some((registry, path)) = masked.split_once('/') else {
        if open(&masked) {
            return Ok(());
        }
        return Err(BadForm::new(format!("`{text}` names no repository"), FORM));
    };
    if !open(registry) {
        let labels: Vec<&str> = registry.split('.').collect();
        let ecr = labels.len() >= 6
            && labels[0].len() == 12
            && labels[0].bytes().all(|b| b.is_ascii_digit())
            && labels[1] == "dkr"
            && labels[2] == "ecr"
            && !labels[3].is_empty()
            && labels[3]
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && matches!(
                &labels[4..],
                ["amazonaws", "com"] | ["amazonaws", "com", "cn"]
            );
        if !ecr {
            return Err(bad(
                format!("`{registry}` is not an Amazon ECR registry"),
                &format!("Lambda runs container images from a private Amazon ECR repository only: push the image there, then {FORM}"),
                registry,
            ));
        }
    }
    // A digest or a tag ends the path.
    let (repo, tag) = if let Some((repo, digest)) = path.split_once('@') {
        let ok = open(digest)
            || digest.strip_prefix("sha256:").is_some_and(|h| {
                h.len() == 64
                    && h.bytes()
                        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
            });
        if !ok {
            return Err(bad(
                format!("`@{digest}` is not an image digest"),
                "a digest is `@sha256:` and 64 lower-case hex digits",
                digest,
            ));
        }
        (repo, None)
    } else {
        match path.rsplit_once(':') {
            Some((repo, tag)) if !tag.contains('/') => (repo, Some(tag)),
            // The tag may be in the parameter.
            _ if open(path) => (path, None),
            _ => {
                return Err(BadForm::new(
                    format!("`{text}` has no tag or digest"),
                    "add the tag (`:1.4.2`) or the digest (`@sha256:...`) of the image to deploy; without one, which image a deployment gets depends on when it runs",
                ));
            }
        }
    };
    // ECR's repository names: lower-case parts separated by `/`, each of
    // letters and digits joined by single `.`, `_` or `-`; 2 to 256 long.
    let part_ok = |p: &str| {
        p.split(['.', '_', '-']).all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
    };
    let repo_ok = (2..=256).contains(&repo.len()) && repo.split('/').all(part_ok);
    if !open(repo) && !repo_ok {
        return Err(bad(
            format!("`{repo}` is not an ECR repository name"),
            "repository names are 2 to 256 lower-case letters and digits, in parts joined by `.`, `_`, `-` or `/`",
            repo,
        ));
    }
    if let Some(tag) = tag.filter(|t| !open(t)) {
        let mut chars = tag.chars();
        let ok = tag.len() <= 128
            && chars
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
            && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
        if !ok {
            return Err(bad(
                format!("`:{tag}` is not an image tag"),
                "a tag is 1 to 128 letters, digits, `_`, `.` and `-`, not starting with `.` or `-`",
                tag,
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> Result<CodeSource, String> {
        code_source(text).map_err(|b| b.message)
    }

    #[test]
    fn code_takes_three_forms() {
        assert_eq!(code("src"), Ok(CodeSource::Folder("src".into())));
        assert_eq!(code("v1.2"), Ok(CodeSource::Folder("v1.2".into())));
        assert_eq!(
            code(".aws-sam/build"),
            Ok(CodeSource::Folder(".aws-sam/build".into()))
        );
        assert_eq!(
            code("target/App-1.0.JAR"),
            Ok(CodeSource::Artifact("target/App-1.0.JAR".into()))
        );
        assert_eq!(
            code("s3://shop-artifacts/app/1.0.zip?versionId=3"),
            Ok(CodeSource::S3 {
                bucket: "shop-artifacts".into(),
                key: "app/1.0.zip".into(),
                version: Some("3".into()),
            })
        );
        for bad in [
            "https://example.com/app.zip",
            "s3://shop-artifacts",
            "s3://shop-artifacts/",
            "s3://shop-artifacts/app.zip?versionId=",
            "s3://Shop/app.zip",
            "s3://ab/app.zip",
            "s3://-shop/app.zip",
            "s3://shop./app.zip",
            "src/handler.py",
            "dist/app.tar.gz",
            "web/app.war",
        ] {
            assert!(code(bad).is_err(), "{bad}");
        }
        // The part at fault: the bucket, the file name.
        let b = code_source("s3://Shop/app.zip").unwrap_err();
        assert_eq!(b.part, Some(5..9));
        let b = code_source("src/handler.py").unwrap_err();
        assert_eq!(b.part, Some(4..14));
    }

    #[test]
    fn images_are_ecr_uris_with_a_tag_or_digest() {
        let digest = format!("@sha256:{}", "0123456789abcdef".repeat(4));
        for good in [
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:1.4.2".to_string(),
            "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/shop/orders:latest".to_string(),
            format!("123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/orders{digest}"),
            "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/orders:${Tag}".to_string(),
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders${Reference}".to_string(),
            "${ImageUri}".to_string(),
        ] {
            assert!(image_uri(&good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "orders:1",
            "docker.io/library/python:3.13",
            "public.ecr.aws/lambda/python:3.13",
            "12345.dkr.ecr.us-east-1.amazonaws.com/orders:1",
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders",
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/Orders:1",
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:.1",
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders@sha256:abc",
            "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/orders",
        ] {
            assert!(image_uri(bad).is_err(), "{bad:?}");
        }
        let b = image_uri("docker.io/library/python:3.13").unwrap_err();
        assert_eq!(b.part, Some(0..9));
        // A masked reference moves the parts: the whole text is blamed.
        let b =
            image_uri("${AWS::AccountId}.dkr.ecr.us-east-1.amazonaws.com/Orders:1").unwrap_err();
        assert_eq!(b.part, None);
    }
}
