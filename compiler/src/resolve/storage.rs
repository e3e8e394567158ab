//! Queues, topics and tables.

use super::*;
use crate::diagnostics::Code;

impl Resolver {
    pub(super) fn queue(&mut self, d: &ast::Decl) -> Queue {
        let mut p = Props::new(&d.body);
        let arn = p.take("arn").and_then(|v| self.expect_text(v));
        if let Some(a) = &arn {
            // A queue elsewhere is not created here: its owner names and
            // configures it. Only a parameter's ARN may say it is FIFO: a
            // written one says so by its `.fifo` suffix.
            let literal = !a.value.contains("${");
            for key in [
                "name",
                "fifo",
                "visibility_timeout",
                "retention",
                "delay",
                "receive_wait",
                "max_message_size",
                "dead_letter",
                "content_dedup",
                "high_throughput",
                "external",
                "on_delete",
                "on_replace",
                "policy",
            ] {
                if key == "fifo" && !literal {
                    continue;
                }
                if let Some(m) = d.body.iter().find(
                    |m| matches!(&m.kind, MemberKind::Property { key: k, .. } if k.name == key),
                ) {
                    let help = if key == "fifo" {
                        "remove `fifo`: the ARN says it (a FIFO queue's name ends in `.fifo`)"
                            .to_string()
                    } else {
                        format!("remove `{key}`; the queue's owner sets it")
                    };
                    self.error(
                        Diagnostic::new(
                            Code::E0105,
                            m.span,
                            format!("`{key}` does not apply to a queue given by `arn`"),
                        )
                        .label("the queue is not created by this stack")
                        .with(a.span, "a queue outside the stack")
                        .help(help),
                    );
                    p.take(key);
                }
            }
        }
        let fifo = p
            .take("fifo")
            .and_then(|v| self.expect_bool(v))
            .unwrap_or(false)
            || arn.as_ref().is_some_and(|a| a.value.ends_with(".fifo"));
        let visibility = p
            .take("visibility_timeout")
            .and_then(|v| {
                self.number_param(v, &d.name.name, NumProp::QueueVisibility)
                    .or_else(|| self.expect_seconds(v))
            })
            .unwrap_or(Spanned::new(30, d.name.span));
        let retention = p
            .take("retention")
            .and_then(|v| {
                self.number_param(v, &d.name.name, NumProp::QueueRetention)
                    .or_else(|| self.expect_seconds(v))
            })
            .unwrap_or(Spanned::new(345_600, d.name.span));
        let delay = p.take("delay").and_then(|v| {
            self.number_param(v, &d.name.name, NumProp::QueueDelay)
                .or_else(|| self.expect_seconds(v))
        });
        let receive_wait = p.take("receive_wait").and_then(|v| {
            self.number_param(v, &d.name.name, NumProp::QueueReceiveWait)
                .or_else(|| self.expect_seconds(v))
        });
        let max_message_size = p.take("max_message_size").and_then(|v| {
            self.number_param(v, &d.name.name, NumProp::QueueMaxMessageSize)
                .or_else(|| self.expect_size_bytes(v))
        });
        let mut drops_failures = None;
        let dead_letter = p.take("dead_letter").and_then(|v| match &v.kind {
            ValueKind::Redrive(q, n) => {
                let q = self.expect_ref(q, &[DeclKind::Queue])?;
                let n = self.expect_int(n)?;
                Some((q, n))
            }
            _ => {
                let target = self.failure_target(v, &[DeclKind::Queue], "`dead_letter`");
                drops_failures = target.dropped;
                Some((target.to?, Spanned::new(5, v.span)))
            }
        });
        let (content_dedup, high_throughput, external) = self.channel_settings(&mut p);
        let on_delete = self.on_delete_of(&mut p, &d.name.name);
        self.traffic(&mut p, UsageAt::Decl(d.name.name.clone()));
        self.other_members(&d.body, "a queue");
        if arn.is_none() {
            self.identity(&mut p, d);
        }
        p.finish(self, "a queue");
        Queue {
            name: d.name.name.clone(),
            span: d.name.span,
            fifo,
            visibility,
            retention,
            delay,
            receive_wait,
            max_message_size,
            dead_letter,
            drops_failures,
            message: self.message_type(d),
            content_dedup,
            high_throughput,
            external: external && arn.is_none(),
            on_delete,
            arn,
        }
    }

    /// `content_dedup`, `high_throughput` and `external`, which queues and
    /// topics share.
    fn channel_settings(
        &mut self,
        p: &mut Props,
    ) -> (Option<Spanned<bool>>, Option<Spanned<bool>>, bool) {
        let mut flag = |r: &mut Self, key: &'static str| {
            p.take(key).and_then(|v| {
                let span = v.span;
                r.expect_bool(v).map(|b| Spanned::new(b, span))
            })
        };
        let content_dedup = flag(self, "content_dedup");
        let high_throughput = flag(self, "high_throughput");
        let external = p
            .take("external")
            .and_then(|v| self.expect_bool(v))
            .unwrap_or(false);
        (content_dedup, high_throughput, external)
    }

    pub(super) fn topic(&mut self, d: &ast::Decl) -> Topic {
        let mut p = Props::new(&d.body);
        let arn = p.take("arn").and_then(|v| self.expect_text(v));
        if let Some(a) = &arn {
            // A topic elsewhere is not created here: its owner names and
            // configures it.
            for key in [
                "name",
                "fifo",
                "content_dedup",
                "high_throughput",
                "external",
                "policy",
            ] {
                if let Some(m) = d.body.iter().find(
                    |m| matches!(&m.kind, MemberKind::Property { key: k, .. } if k.name == key),
                ) {
                    self.error(
                        Diagnostic::new(Code::E0105, m.span, format!("`{key}` does not apply to a topic given by `arn`"))
                            .label("the topic is not created by this stack")
                            .with(a.span, "a topic outside the stack")
                            .help(format!("remove `{key}`; the topic's owner sets it (a FIFO topic's ARN ends in `.fifo`)")),
                    );
                    p.take(key);
                }
            }
        }
        let fifo = p
            .take("fifo")
            .and_then(|v| self.expect_bool(v))
            .unwrap_or(false)
            || arn.as_ref().is_some_and(|a| a.value.ends_with(".fifo"));
        let (content_dedup, high_throughput, external) = self.channel_settings(&mut p);
        let endpoints = p
            .take_block("subscribers")
            .map(|body| self.endpoints(body))
            .unwrap_or_default();
        self.traffic(&mut p, UsageAt::Decl(d.name.name.clone()));
        if arn.is_none() {
            self.identity(&mut p, d);
        }
        p.finish(self, "a topic");
        let mut subscriptions = Vec::new();
        let mut queues: Vec<Ref> = Vec::new();
        for m in &d.body {
            match &m.kind {
                MemberKind::Property { .. } | MemberKind::Block { .. } => {}
                MemberKind::Subscribe {
                    target,
                    filter,
                    body,
                } => {
                    self.other_members(body, "a subscription");
                    let mut sp = Props::new(body);
                    let failure = sp
                        .take("dead_letter")
                        .map(|v| self.failure_target(v, &[DeclKind::Queue], "`dead_letter`"))
                        .unwrap_or_default();
                    let on_attributes = sp.take("filter_on").and_then(|v| {
                        let span = v.span;
                        self.expect_word(v, &["body", "attributes"])
                            .filter(|w| w == "attributes")
                            .map(|_| span)
                    });
                    sp.finish(self, "a subscription");
                    match self.lookup_subscriber(target) {
                        Some(r) if !self.repeated(&queues, &r, "subscribed to this topic") => {
                            queues.push(r.clone());
                            subscriptions.push(Subscription {
                                queue: r,
                                dead_letter: failure.to,
                                drops_failures: failure.dropped,
                                filter: filter.as_ref().map(|f| self.filter(f, false)),
                                on_attributes,
                            });
                        }
                        _ => continue,
                    }
                }
                _ => self.not_allowed(m, "a topic"),
            }
        }
        Topic {
            name: d.name.name.clone(),
            span: d.name.span,
            fifo,
            subscriptions,
            message: self.message_type(d),
            content_dedup,
            high_throughput,
            external: external && arn.is_none(),
            endpoints,
            arn,
        }
    }

    /// `subscribers { email = ["..."], sms = ["+1..."], https = ["https://..."] }`.
    fn endpoints(&mut self, body: &[ast::Member]) -> Vec<Endpoint> {
        let mut p = Props::new(body);
        let mut out: Vec<Endpoint> = Vec::new();
        for protocol in [
            EndpointProtocol::Email,
            EndpointProtocol::Sms,
            EndpointProtocol::Https,
        ] {
            let Some(v) = p.take(protocol.word()) else {
                continue;
            };
            let ValueKind::List(items) = &v.kind else {
                self.type_error(
                    v,
                    "a list of strings",
                    &format!("write `{} = [\"...\"]`", protocol.word()),
                );
                continue;
            };
            for item in items {
                let Some(address) = self.expect_string(item) else {
                    continue;
                };
                if let Some(first) = out
                    .iter()
                    .find(|e| e.protocol == protocol && e.address.value == address.value)
                {
                    let first = first.address.span;
                    self.error(
                        Diagnostic::new(
                            Code::E0106,
                            address.span,
                            format!("\"{}\" is listed twice", address.value),
                        )
                        .label("listed again here")
                        .with(first, "first listed here")
                        .help("remove one of the two"),
                    );
                    continue;
                }
                if let Some(help) = endpoint_problem(protocol, &address.value) {
                    self.error(
                        Diagnostic::new(
                            Code::E0201,
                            address.span,
                            format!(
                                "\"{}\" is not {}",
                                address.value,
                                match protocol {
                                    EndpointProtocol::Email => "an email address",
                                    EndpointProtocol::Sms => "a phone number in international form",
                                    EndpointProtocol::Https => "an HTTPS URL",
                                }
                            ),
                        )
                        .label(format!("not a `{}` endpoint", protocol.word()))
                        .help(help),
                    );
                    continue;
                }
                out.push(Endpoint { protocol, address });
            }
        }
        self.other_members(body, "`subscribers`");
        p.finish(self, "`subscribers`");
        out
    }

    pub(super) fn lookup_subscriber(&mut self, target: &ast::Path) -> Option<Ref> {
        let is_function = self
            .symbols
            .get(&target.head().name)
            .is_some_and(|s| s.kind == DeclKind::Function);
        if is_function {
            self.error(
                Diagnostic::new(
                    Code::E0103,
                    target.span,
                    format!("functions subscribe from their own side: `on {}`", "Topic"),
                )
                .label("a function")
                .help(format!(
                    "remove this line and add `on TopicName` inside function `{}`",
                    target.head().name
                )),
            );
            self.used.insert(target.head().name.clone());
            return None;
        }
        self.expect_ref(target, &[DeclKind::Queue])
    }

    pub(super) fn table(&mut self, d: &ast::Decl) -> Option<Table> {
        let mut p = Props::new(&d.body);
        let key = match p.take("key") {
            Some(v) => self.table_key(v),
            None => {
                if !p.has("key") {
                    self.error(
                        Diagnostic::new(
                            Code::E0107,
                            d.name.span,
                            format!("table `{}` has no `key`", d.name.name),
                        )
                        .label("missing `key`")
                        .help(
                            "add `key = { pk: string }` (partition key, then an optional sort key)",
                        ),
                    );
                }
                Vec::new()
            }
        };
        let billing = match p.take("billing") {
            Some(v) => self.billing(v),
            None => Billing::OnDemand,
        };
        let stream = p.take("stream").and_then(|v| {
            self.expect_word(
                v,
                &["keys_only", "new_image", "old_image", "new_and_old_images"],
            )
            .map(|w| match w.as_str() {
                "keys_only" => StreamView::KeysOnly,
                "new_image" => StreamView::NewImage,
                "old_image" => StreamView::OldImage,
                _ => StreamView::NewAndOldImages,
            })
        });
        let global = p.take_block("indexes");
        let local = p.take_block("local_indexes");
        let indexes = self.table_indexes(&d.name, &key, global, local);
        let on_delete = self.on_delete_of(&mut p, &d.name.name);
        self.other_members(&d.body, "a table");
        self.identity(&mut p, d);
        p.finish(self, "a table");
        Some(Table {
            name: d.name.name.clone(),
            span: d.name.span,
            key,
            billing,
            stream,
            indexes,
            on_delete,
        })
    }

    pub(super) fn table_key(&mut self, v: &ast::Value) -> Vec<(String, KeyType)> {
        self.key_attributes(
            v,
            (1, 2),
            "a table key",
            "partition key, then an optional sort key",
            "write `key = { pk: string }` or `key = { pk: string, sk: number }`",
        )
    }

    /// A record of `name: string|number|binary` entries, `count.0` to
    /// `count.1` of them (extra entries are reported and dropped).
    fn key_attributes(
        &mut self,
        v: &ast::Value,
        count: (usize, usize),
        what: &str,
        label: &str,
        help: &str,
    ) -> Vec<(String, KeyType)> {
        let ValueKind::Record(entries) = &v.kind else {
            self.error(
                Diagnostic::new(
                    Code::E0201,
                    v.span,
                    format!("expected a key record, found {}", v.kind.describe()),
                )
                .label("not a record")
                .help(help),
            );
            return Vec::new();
        };
        if entries.len() < count.0 || entries.len() > count.1 {
            let allowed = if count.0 == count.1 {
                format!("{}", count.0)
            } else {
                format!("{} or {}", count.0, count.1)
            };
            self.error(
                Diagnostic::new(
                    Code::E0201,
                    v.span,
                    format!(
                        "{what} has {allowed} attribute{}, found {}",
                        if count.1 == 1 { "" } else { "s" },
                        entries.len()
                    ),
                )
                .label(label)
                .help(help),
            );
        }
        let mut out = Vec::new();
        for (name, ty) in entries.iter().take(count.1) {
            let kt = match self
                .expect_word(ty, &["string", "number", "binary"])
                .as_deref()
            {
                Some("number") => KeyType::Number,
                Some("binary") => KeyType::Binary,
                Some(_) => KeyType::String,
                None => continue,
            };
            out.push((name.name.clone(), kt));
        }
        out
    }

    /// The `indexes` and `local_indexes` blocks of a table.
    fn table_indexes(
        &mut self,
        table: &ast::Ident,
        key: &[(String, KeyType)],
        global: Option<&[ast::Member]>,
        local: Option<&[ast::Member]>,
    ) -> Vec<TableIndex> {
        let mut out: Vec<TableIndex> = Vec::new();
        for (body, is_local) in [(global, false), (local, true)] {
            let Some(body) = body else { continue };
            let block = if is_local {
                "`local_indexes`"
            } else {
                "`indexes`"
            };
            for m in body {
                let MemberKind::Property {
                    key: name, value, ..
                } = &m.kind
                else {
                    self.not_allowed(m, block);
                    continue;
                };
                if let Some(first) = out.iter().find(|i| i.name.value == name.name) {
                    self.error(
                        Diagnostic::new(
                            Code::E0106,
                            name.span,
                            format!(
                                "table `{}` already has an index `{}`",
                                table.name, name.name
                            ),
                        )
                        .label("declared again here")
                        .with(first.name.span, "first declared here")
                        .help("give each index of a table its own name"),
                    );
                    continue;
                }
                let valid = (3..=255).contains(&name.name.len())
                    && name
                        .name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
                if !valid {
                    self.error(
                        Diagnostic::new(
                            Code::E0203,
                            name.span,
                            format!("`{}` is not a valid DynamoDB index name", name.name),
                        )
                        .label("3 to 255 characters: letters, digits, `_`, `.`, `-`")
                        .help("rename the index, e.g. `byCustomer`"),
                    );
                }
                let attrs = if is_local {
                    if key.len() < 2 {
                        self.error(
                            Diagnostic::new(
                                Code::E0203,
                                name.span,
                                format!(
                                    "table `{}` has no sort key, so it cannot have a local index",
                                    table.name
                                ),
                            )
                            .label("a local index needs a table key with a sort key")
                            .help("add a sort key to the table's `key`, or move the index to `indexes` (global)"),
                        );
                    }
                    let attrs = self.key_attributes(
                        value,
                        (1, 1),
                        "a local index key",
                        "the index's sort key; the partition key is the table's",
                        "write `byTotal = { total: number }`: the sort key only",
                    );
                    // The index's key would repeat the table's (HASH twice, or
                    // the table's own key), which DynamoDB rejects.
                    if let Some((attr, _)) = attrs.first() {
                        if key.iter().any(|(k, _)| k == attr) {
                            self.error(
                                Diagnostic::new(
                                    Code::E0203,
                                    value.span,
                                    format!("a local index sorts by another attribute than the table's key, found `{attr}`"),
                                )
                                .label("already part of the table's key")
                                .help("sort the index by an attribute that is not in the table's `key`"),
                            );
                        }
                    }
                    attrs
                } else {
                    self.key_attributes(
                        value,
                        (1, 2),
                        "an index key",
                        "partition key, then an optional sort key",
                        "write `byCustomer = { customer: string }` or `byCustomer = { customer: string, placedAt: number }`",
                    )
                };
                // One attribute has one type across the table and its indexes
                // (AttributeDefinitions lists it once).
                let known: Vec<(String, KeyType)> = key
                    .iter()
                    .chain(out.iter().flat_map(|i| i.key.iter()))
                    .cloned()
                    .collect();
                for (attr, ty) in &attrs {
                    if let Some((_, other)) = known.iter().find(|(n, t)| n == attr && t != ty) {
                        self.error(
                            Diagnostic::new(
                                Code::E0201,
                                value.span,
                                format!(
                                    "`{attr}` is a {} here but a {} elsewhere in table `{}`",
                                    ty.word(),
                                    other.word(),
                                    table.name
                                ),
                            )
                            .label("conflicting attribute type")
                            .help("DynamoDB gives an attribute one type: use the same type in every key that names it"),
                        );
                    }
                }
                out.push(TableIndex {
                    name: Spanned::new(name.name.clone(), name.span),
                    key: attrs,
                    local: is_local,
                });
            }
        }
        for (local, limit) in [(false, 20), (true, 5)] {
            let of_kind: Vec<&TableIndex> = out.iter().filter(|i| i.local == local).collect();
            if of_kind.len() > limit {
                let kind = if local { "local" } else { "global" };
                self.error(
                    Diagnostic::new(
                        Code::E0203,
                        of_kind[limit].name.span,
                        format!(
                            "table `{}` has {} {kind} secondary indexes; DynamoDB allows {limit}",
                            table.name,
                            of_kind.len()
                        ),
                    )
                    .label(format!("index {} of {}", limit + 1, of_kind.len()))
                    .help("remove indexes, or split the data across tables"),
                );
            }
        }
        out
    }

    pub(super) fn billing(&mut self, v: &ast::Value) -> Billing {
        if let ValueKind::Tagged(tag, body) = &v.kind {
            if tag.name == "provisioned" {
                let mut p = Props::new(body);
                let read = p.take("read").and_then(|v| self.expect_int(v));
                let write = p.take("write").and_then(|v| self.expect_int(v));
                self.other_members(body, "`provisioned`");
                p.finish(self, "`provisioned`");
                return match (read, write) {
                    (Some(read), Some(write)) => Billing::Provisioned { read, write },
                    _ => {
                        self.error(
                            Diagnostic::new(
                                Code::E0107,
                                tag.span,
                                "provisioned billing needs `read` and `write` capacity",
                            )
                            .label("missing capacity")
                            .help("write `billing = provisioned { read = 5, write = 5 }`"),
                        );
                        Billing::OnDemand
                    }
                };
            }
        }
        match self
            .expect_word(v, &["on_demand", "provisioned"])
            .as_deref()
        {
            Some("provisioned") => {
                self.error(
                    Diagnostic::new(
                        Code::E0107,
                        v.span,
                        "provisioned billing needs `read` and `write` capacity",
                    )
                    .label("missing capacity")
                    .help("write `billing = provisioned { read = 5, write = 5 }`"),
                );
                Billing::OnDemand
            }
            _ => Billing::OnDemand,
        }
    }

    /// The `of T` of a queue or topic.
    fn message_type(&mut self, d: &ast::Decl) -> Option<Ref> {
        match &d.header {
            Header::Message { message } => {
                self.expect_ref(message, &[DeclKind::Type, DeclKind::Event])
            }
            _ => None,
        }
    }

    /// A `secret` or `parameter`: names of values kept outside the stack.
    pub(super) fn external_value(&mut self, d: &ast::Decl) -> Option<usize> {
        let mut p = Props::new(&d.body);
        let name = p.take("name").and_then(|v| self.expect_string(v));
        let path = if d.kind == DeclKind::Parameter {
            p.take("path").and_then(|v| self.expect_string(v))
        } else {
            None
        };
        let kms_key = p.take("kms_key").and_then(|v| self.expect_string(v));
        self.other_members(&d.body, &d.kind.article());
        p.finish(self, &d.kind.article());
        if let Some(s) = name.as_ref().filter(|_| d.kind == DeclKind::Secret) {
            if s.value.starts_with("arn:") {
                self.error(
                    Diagnostic::new(Code::E0201, s.span, "expected the secret's name, found an ARN")
                        .label("an ARN, not a name")
                        .help("write the name the secret has in Secrets Manager, e.g. `prod/db-password` (its ARN ends in six characters slsc matches itself)"),
                );
            }
        }
        if let Some(p) = &path {
            if !p.value.starts_with('/') {
                self.error(
                    Diagnostic::new(Code::E0201, p.span, "a parameter path starts with `/`")
                        .label("not a hierarchy path")
                        .help(format!(
                            "write `path = \"/{}\"`",
                            p.value.trim_end_matches('/').to_string() + "/"
                        )),
                );
            }
        }
        if let Some(k) = &kms_key {
            if !k.value.starts_with("arn:") || !k.value.contains(":key/") {
                self.error(
                    Diagnostic::new(Code::E0201, k.span, "expected the ARN of a KMS key")
                        .label("not a key ARN")
                        .help("write the key's ARN, `arn:aws:kms:REGION:ACCOUNT:key/KEY-ID` (aliases cannot scope a policy)"),
                );
            }
        }
        let (value, is_path) = match (name, path) {
            (Some(n), None) => (n, false),
            (None, Some(p)) => (p, true),
            (Some(n), Some(p)) => {
                self.error(
                    Diagnostic::new(
                        Code::E0106,
                        p.span,
                        "a parameter has a `name` or a `path`, not both",
                    )
                    .label("second way to name it")
                    .with(n.span, "`name` here")
                    .help("keep `name` for one parameter, `path` for every parameter under a path"),
                );
                (n, false)
            }
            (None, None) => {
                let what = if d.kind == DeclKind::Secret {
                    "`name`"
                } else {
                    "`name` or `path`"
                };
                self.error(
                    Diagnostic::new(Code::E0107, d.name.span, format!("{} `{}` has no {what}", d.kind.keyword(), d.name.name))
                        .label(format!("missing {what}"))
                        .help(if d.kind == DeclKind::Secret {
                            "add `name = \"prod/db-password\"`, the secret's name in Secrets Manager"
                        } else {
                            "add `name = \"/app/setting\"` for one parameter, or `path = \"/app/\"` for a hierarchy"
                        }),
                );
                return None;
            }
        };
        if d.kind == DeclKind::Secret {
            self.model.secrets.push(Secret {
                name: d.name.name.clone(),
                span: d.name.span,
                secret_name: value,
                kms_key,
            });
            Some(self.model.secrets.len() - 1)
        } else {
            self.model.parameters.push(Parameter {
                name: d.name.name.clone(),
                span: d.name.span,
                parameter_name: value,
                is_path,
                kms_key,
            });
            Some(self.model.parameters.len() - 1)
        }
    }
}

/// What is wrong with `address` as an endpoint of `protocol`, as a help
/// line; None when SNS will accept it.
pub(super) fn endpoint_problem(protocol: EndpointProtocol, address: &str) -> Option<&'static str> {
    let ok = match protocol {
        EndpointProtocol::Email => address.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !address.chars().any(char::is_whitespace)
        }),
        // E.164: a `+`, the country code and the number, at most 15 digits.
        EndpointProtocol::Sms => address.strip_prefix('+').is_some_and(|digits| {
            (2..=15).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit())
        }),
        EndpointProtocol::Https => address.strip_prefix("https://").is_some_and(|rest| {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !rest.chars().any(char::is_whitespace)
        }),
    };
    if ok {
        return None;
    }
    Some(match protocol {
        EndpointProtocol::Email => "write an address such as \"ops@example.com\"",
        EndpointProtocol::Sms => "write the number in E.164 form: `+`, the country code and the number, digits only, e.g. \"+14155550100\"",
        EndpointProtocol::Https if address.starts_with("http://") => {
            "SNS would send the messages in clear text: use an `https://` URL"
        }
        EndpointProtocol::Https => "write a URL such as \"https://hooks.example.com/alerts\"",
    })
}
