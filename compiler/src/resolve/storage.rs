//! Queues, topics and tables.

use super::*;

impl Resolver {
    pub(super) fn queue(&mut self, d: &ast::Decl) -> Queue {
        let mut p = Props::new(&d.body);
        let fifo = p
            .take("fifo")
            .and_then(|v| self.expect_bool(v))
            .unwrap_or(false);
        let visibility = p
            .take("visibility_timeout")
            .and_then(|v| self.expect_seconds(v))
            .unwrap_or(Spanned::new(30, d.name.span));
        let retention = p
            .take("retention")
            .and_then(|v| self.expect_seconds(v))
            .unwrap_or(Spanned::new(345_600, d.name.span));
        let dead_letter = p.take("dead_letter").and_then(|v| match &v.kind {
            ValueKind::Redrive(q, n) => {
                let q = self.expect_ref(q, &[DeclKind::Queue])?;
                let n = self.expect_int(n)?;
                Some((q, n))
            }
            _ => {
                let q = self
                    .expect_path(v)
                    .and_then(|path| self.expect_ref(path, &[DeclKind::Queue]))?;
                Some((q, Spanned::new(5, v.span)))
            }
        });
        self.other_members(&d.body, "a queue");
        p.finish(self, "a queue");
        Queue {
            name: d.name.name.clone(),
            span: d.name.span,
            fifo,
            visibility,
            retention,
            dead_letter,
            message: self.message_type(d),
        }
    }

    pub(super) fn topic(&mut self, d: &ast::Decl) -> Topic {
        let mut p = Props::new(&d.body);
        let fifo = p
            .take("fifo")
            .and_then(|v| self.expect_bool(v))
            .unwrap_or(false);
        p.finish(self, "a topic");
        let mut subscriptions = Vec::new();
        for m in &d.body {
            match &m.kind {
                MemberKind::Property { .. } | MemberKind::Block { .. } => {}
                MemberKind::Subscribe { target, body } => {
                    self.other_members(body, "a subscription");
                    Props::new(body).finish(self, "a subscription");
                    match self.lookup_subscriber(target) {
                        Some(r)
                            if !self.repeated(&subscriptions, &r, "subscribed to this topic") =>
                        {
                            subscriptions.push(r)
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
        }
    }

    pub(super) fn lookup_subscriber(&mut self, target: &ast::Path) -> Option<Ref> {
        let is_function = self
            .symbols
            .get(&target.head().name)
            .is_some_and(|s| s.kind == DeclKind::Function);
        if is_function {
            self.error(
                Diagnostic::new(
                    "E0103",
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
                            "E0107",
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
        self.other_members(&d.body, "a table");
        p.finish(self, "a table");
        Some(Table {
            name: d.name.name.clone(),
            span: d.name.span,
            key,
            billing,
            stream,
        })
    }

    pub(super) fn table_key(&mut self, v: &ast::Value) -> Vec<(String, KeyType)> {
        let ValueKind::Record(entries) = &v.kind else {
            self.error(
                Diagnostic::new(
                    "E0201",
                    v.span,
                    format!("expected a key record, found {}", v.kind.describe()),
                )
                .label("not a record")
                .help("write `key = { pk: string }` or `key = { pk: string, sk: number }`"),
            );
            return Vec::new();
        };
        if entries.is_empty() || entries.len() > 2 {
            self.error(
                Diagnostic::new(
                    "E0201",
                    v.span,
                    format!(
                        "a table key has one or two attributes, found {}",
                        entries.len()
                    ),
                )
                .label("partition key, then an optional sort key")
                .help("write `key = { pk: string }` or `key = { pk: string, sk: number }`"),
            );
        }
        let mut out = Vec::new();
        for (name, ty) in entries.iter().take(2) {
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
                                "E0107",
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
                        "E0107",
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
                    Diagnostic::new("E0201", s.span, "expected the secret's name, found an ARN")
                        .label("an ARN, not a name")
                        .help("write the name the secret has in Secrets Manager, e.g. `prod/db-password` (its ARN ends in six characters slsc matches itself)"),
                );
            }
        }
        if let Some(p) = &path {
            if !p.value.starts_with('/') {
                self.error(
                    Diagnostic::new("E0201", p.span, "a parameter path starts with `/`")
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
                    Diagnostic::new("E0201", k.span, "expected the ARN of a KMS key")
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
                        "E0106",
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
                    Diagnostic::new("E0107", d.name.span, format!("{} `{}` has no {what}", d.kind.keyword(), d.name.name))
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
