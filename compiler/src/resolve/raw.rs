//! `resource` declarations: CloudFormation resources written as such, the
//! escape hatch for what the language does not cover yet.
//!
//! Each is checked against the resource type's schema (the index
//! `scripts/gen-cfn-index.py` generates from cfn-lint's provider schemas,
//! `compiler/schemas/cfn-index.txt`): the type exists (E0114) and is not
//! one a declaration writes (E0115), its top-level properties exist
//! (E0105), the required ones are set (E0107), and each value has the
//! JSON type and, for enumerations, a value the schema allows (E0201).
//! Nested values are left to CloudFormation.

use super::props::Props;
use super::Resolver;
use crate::ast::{self, DeclKind, Header, MemberKind, ValueKind};
use crate::diagnostics::{did_you_mean, Code, Diagnostic};
use crate::model::{Attr, RawResource, RawValue, Spanned};

/// One line per resource type: `TYPE|PROPERTIES|ATTRIBUTES` (see the script).
static INDEX: &str = include_str!("../../schemas/cfn-index.txt");

/// A property of a resource type, as its schema describes it.
pub(crate) struct PropSchema {
    /// Its name.
    pub name: &'static str,
    /// `s`, `i`, `n`, `b`, `a`, `o`, or `?` (several or unknown).
    pub kind: u8,
    /// Whether the resource needs it.
    pub required: bool,
    /// The values an enumeration allows (empty when it is none).
    pub allowed: Vec<&'static str>,
}

/// A resource type's schema: its properties and `Fn::GetAtt` attributes.
pub(crate) struct TypeSchema {
    /// Top-level properties.
    pub props: Vec<PropSchema>,
    /// What `Fn::GetAtt` accepts.
    pub attrs: Vec<&'static str>,
}

/// Every resource type the index holds.
pub(crate) fn types() -> impl Iterator<Item = &'static str> {
    INDEX.lines().filter_map(|l| l.split('|').next())
}

/// The schema of `ty`, if the index has it.
pub(crate) fn schema(ty: &str) -> Option<TypeSchema> {
    let line = INDEX
        .lines()
        .find(|l| l.len() > ty.len() && l.starts_with(ty) && l.as_bytes()[ty.len()] == b'|')?;
    let mut parts = line.split('|').skip(1);
    let props = parts
        .next()
        .unwrap_or("")
        .split(',')
        .filter(|f| !f.is_empty())
        .map(|f| {
            let (name, rest) = f.split_once(':').unwrap_or((f, "?"));
            let (spec, allowed) = rest.split_once('=').unwrap_or((rest, ""));
            PropSchema {
                name,
                kind: spec.as_bytes().first().copied().unwrap_or(b'?'),
                required: spec.ends_with('!'),
                allowed: allowed.split('/').filter(|a| !a.is_empty()).collect(),
            }
        })
        .collect();
    let attrs = parts
        .next()
        .unwrap_or("")
        .split(',')
        .filter(|a| !a.is_empty())
        .collect();
    Some(TypeSchema { props, attrs })
}

/// The declaration that writes resources of type `ty`, when one does:
/// such resources are never written raw.
pub(crate) fn modeled(ty: &str) -> Option<&'static str> {
    Some(match ty {
        "AWS::Lambda::Function" | "AWS::Serverless::Function" => "function",
        "AWS::SQS::Queue" => "queue",
        "AWS::SNS::Topic" => "topic",
        "AWS::DynamoDB::Table" | "AWS::Serverless::SimpleTable" => "table",
        "AWS::S3::Bucket" => "bucket",
        "AWS::Events::EventBus" => "bus",
        "AWS::Events::Rule" => "rule",
        "AWS::Scheduler::Schedule" => "schedule",
        "AWS::Kinesis::Stream" => "stream",
        "AWS::Lambda::EventSourceMapping" => "function",
        "AWS::ApiGateway::RestApi"
        | "AWS::ApiGatewayV2::Api"
        | "AWS::Serverless::Api"
        | "AWS::Serverless::HttpApi" => "api",
        t if t.starts_with("AWS::Serverless::") => "function",
        _ => return None,
    })
}

/// The attributes a `resource` of type `ty` offers other declarations:
/// `ref` and what `Fn::GetAtt` accepts.
pub(crate) fn attributes(ty: &str) -> Vec<Attr> {
    let mut out = vec![Attr::Ref];
    if let Some(s) = schema(ty) {
        out.extend(s.attrs.into_iter().map(Attr::Get));
    }
    out
}

/// The CloudFormation type of the resource a declaration of `kind` writes
/// under its own logical ID, the same in both targets: the kinds that take
/// `overrides`.
pub(crate) fn overridable(kind: DeclKind) -> Option<&'static str> {
    Some(match kind {
        DeclKind::Queue => "AWS::SQS::Queue",
        DeclKind::Topic => "AWS::SNS::Topic",
        DeclKind::Table => "AWS::DynamoDB::Table",
        DeclKind::Bucket => "AWS::S3::Bucket",
        DeclKind::Stream => "AWS::Kinesis::Stream",
        DeclKind::Bus => "AWS::Events::EventBus",
        _ => return None,
    })
}

/// The declarations whose main resource a `resource` may name: `${Orders}`
/// is its `Ref`, `depends_on = [Orders]` orders creation after it.
pub(super) const WITH_RESOURCE: [DeclKind; 10] = [
    DeclKind::Function,
    DeclKind::Api,
    DeclKind::Rule,
    DeclKind::Schedule,
    DeclKind::Queue,
    DeclKind::Topic,
    DeclKind::Bus,
    DeclKind::Table,
    DeclKind::Bucket,
    DeclKind::Stream,
];

/// The properties of `ty` that slsc derives from the spec, with what to
/// write instead: names, encryption, failure handling, keys, tags. An
/// override of one is E0220.
fn derived(ty: &str, key: &str) -> Option<&'static str> {
    Some(match (ty, key) {
        (_, "Tags") => "the app's `tags`",
        ("AWS::SQS::Queue", "QueueName")
        | ("AWS::SNS::Topic", "TopicName")
        | ("AWS::DynamoDB::Table", "TableName")
        | ("AWS::S3::Bucket", "BucketName")
        | ("AWS::Kinesis::Stream" | "AWS::Events::EventBus", "Name") => "`name = \"...\"`",
        (
            "AWS::SQS::Queue",
            "KmsMasterKeyId" | "SqsManagedSseEnabled" | "KmsDataKeyReusePeriodSeconds",
        )
        | ("AWS::SNS::Topic", "KmsMasterKeyId")
        | ("AWS::DynamoDB::Table", "SSESpecification")
        | ("AWS::S3::Bucket", "BucketEncryption")
        | ("AWS::Kinesis::Stream", "StreamEncryption")
        | ("AWS::Events::EventBus", "KmsKeyIdentifier") => "the app's `encryption`",
        ("AWS::SQS::Queue", "RedrivePolicy") => "`dead_letter = Dlq after N receives`",
        ("AWS::SQS::Queue", "FifoQueue") | ("AWS::SNS::Topic", "FifoTopic") => "`fifo = true`",
        ("AWS::SQS::Queue", "VisibilityTimeout") => "`visibility_timeout`",
        ("AWS::SQS::Queue", "DelaySeconds") => "`delay`",
        ("AWS::SQS::Queue", "ReceiveMessageWaitTimeSeconds") => "`receive_wait`",
        ("AWS::SQS::Queue", "MaximumMessageSize") => "`max_message_size`",
        ("AWS::SQS::Queue", "ContentBasedDeduplication")
        | ("AWS::SNS::Topic", "ContentBasedDeduplication") => "`content_dedup = true`",
        ("AWS::SQS::Queue", "DeduplicationScope" | "FifoThroughputLimit")
        | ("AWS::SNS::Topic", "FifoThroughputScope") => "`high_throughput = true`",
        ("AWS::SQS::Queue", "RedriveAllowPolicy") => {
            "nothing: only the queues that name it as `dead_letter` may move messages to it"
        }
        ("AWS::SQS::Queue", "MessageRetentionPeriod")
        | ("AWS::Kinesis::Stream", "RetentionPeriodHours") => "`retention`",
        ("AWS::SNS::Topic", "Subscription") => "`subscribe` and `on`",
        ("AWS::DynamoDB::Table", "KeySchema" | "AttributeDefinitions") => "`key`",
        ("AWS::DynamoDB::Table", "GlobalSecondaryIndexes" | "LocalSecondaryIndexes") => {
            "the table's indexes"
        }
        ("AWS::DynamoDB::Table", "BillingMode" | "ProvisionedThroughput") => "`billing`",
        ("AWS::DynamoDB::Table", "StreamSpecification") => "`stream`",
        ("AWS::S3::Bucket", "VersioningConfiguration") => "`versioning`",
        ("AWS::S3::Bucket", "LifecycleConfiguration") => {
            "`lifecycle`, `old_versions` and `incomplete_uploads`"
        }
        ("AWS::S3::Bucket", "NotificationConfiguration") => {
            "`on Bucket` triggers and `eventbridge = true`"
        }
        ("AWS::S3::Bucket", "PublicAccessBlockConfiguration") => {
            "nothing: public access stays blocked"
        }
        ("AWS::Kinesis::Stream", "ShardCount" | "StreamModeDetails") => "`shards`",
        ("AWS::Events::EventBus", "Description") => "`description`",
        _ => return None,
    })
}

/// The references to declarations of `kind` in a value.
fn refs_of<'a>(v: &'a RawValue, kind: DeclKind, out: &mut Vec<&'a crate::model::Ref>) {
    match v {
        RawValue::Attr(r, _) if r.kind == kind => out.push(r),
        RawValue::List(items) => items.iter().for_each(|x| refs_of(x, kind, out)),
        RawValue::Map(entries) => entries.iter().for_each(|(_, x)| refs_of(x, kind, out)),
        _ => {}
    }
}

/// The JSON type a schema kind names, for messages.
fn kind_word(kind: u8) -> &'static str {
    match kind {
        b's' => "a string",
        b'i' => "an integer",
        b'n' => "a number",
        b'b' => "a boolean",
        b'a' => "a list",
        b'o' => "a map",
        _ => "a value",
    }
}

/// Whether a value of JSON type `found` is acceptable where the schema says
/// `kind`. Scalars convert into one another as CloudFormation converts them
/// (numbers are accepted where strings are); lists, maps and booleans are
/// not interchangeable.
fn fits(kind: u8, v: &RawValue) -> bool {
    match (kind, v) {
        (_, RawValue::Attr(..) | RawValue::Param(_)) | (b'?', _) => true,
        (b'a', v) => matches!(v, RawValue::List(_)),
        (b'o', v) => matches!(v, RawValue::Map(_)),
        (_, RawValue::List(_) | RawValue::Map(_)) => false,
        (b's', _) => true,
        (b'i', RawValue::Int(_)) | (b'n', RawValue::Int(_) | RawValue::Number(_)) => true,
        (b'i' | b'n', RawValue::Str(s)) => s.parse::<f64>().is_ok(),
        (b'b', RawValue::Bool(_)) => true,
        (b'b', RawValue::Str(s)) => s == "true" || s == "false",
        _ => false,
    }
}

impl Resolver {
    /// A `resource` declaration.
    pub(super) fn raw_resource(&mut self, d: &ast::Decl) -> Option<RawResource> {
        let Header::Resource { ty } = &d.header else {
            return None;
        };
        let mut p = Props::new(&d.body);
        let props_value = p.take("properties");
        let props_block = p.take_block("properties");
        let depends = p.take("depends_on");
        let on_delete = p.take("on_delete").and_then(|v| self.on_delete(v));
        self.when(&mut p, d);
        self.other_members(&d.body, "a resource");
        p.finish(self, "a resource");

        let mut properties: Vec<(Spanned<String>, RawValue)> = Vec::new();
        let mut entries: Vec<(&ast::Ident, &ast::Value)> = Vec::new();
        if let Some(v) = props_value {
            match &v.kind {
                ValueKind::Record(es) => entries.extend(es.iter().map(|(k, v)| (k, v))),
                other => self.error(
                    Diagnostic::new(
                        Code::E0201,
                        v.span,
                        format!("expected a map of properties, found {}", other.describe()),
                    )
                    .label("not a map")
                    .help("write `properties = { Name = value, ... }` with the CloudFormation property names"),
                ),
            }
        }
        for m in props_block.unwrap_or(&[]) {
            match &m.kind {
                MemberKind::Property { key, value, .. } => entries.push((key, value)),
                _ => self.not_allowed(m, "`properties`"),
            }
        }
        let mut failed = false;
        self.in_raw = true;
        for (key, value) in entries {
            if let Some((first, _)) = properties.iter().find(|(k, _)| k.value == key.name) {
                let first = first.span;
                self.set_twice(&key.name, key.span, first);
                continue;
            }
            match self.raw_value(value) {
                Some(v) => properties.push((Spanned::new(key.name.clone(), key.span), v)),
                None => failed = true,
            }
        }
        self.in_raw = false;

        let mut depends_on = Vec::new();
        if let Some(v) = depends {
            let items: Vec<&ast::Value> = match &v.kind {
                ValueKind::List(items) => items.iter().collect(),
                _ => vec![v],
            };
            for item in items {
                match &item.kind {
                    ValueKind::Path(path) if path.parts.len() == 1 => {
                        let mut kinds = WITH_RESOURCE.to_vec();
                        kinds.push(DeclKind::Resource);
                        if let Some(r) = self.lookup(&path.head().name, path.span, &kinds) {
                            depends_on.push(r);
                        }
                    }
                    other => self.error(
                        Diagnostic::new(
                            Code::E0201,
                            item.span,
                            format!("expected a declaration's name, found {}", other.describe()),
                        )
                        .label("not a declaration")
                        .help("write `depends_on = [Name, ...]` with the names of declarations of this spec"),
                    ),
                }
            }
        }

        self.validate_raw(d, ty, &properties, failed);
        Some(RawResource {
            name: d.name.name.clone(),
            span: d.name.span,
            ty: Spanned::new(ty.value.clone(), ty.span),
            properties,
            depends_on,
            on_delete,
        })
    }

    /// Checks a `resource`'s type and properties against its schema.
    fn validate_raw(
        &mut self,
        d: &ast::Decl,
        ty: &ast::Str,
        properties: &[(Spanned<String>, RawValue)],
        failed: bool,
    ) {
        if let Some(decl) = modeled(&ty.value) {
            self.error(
                Diagnostic::new(
                    Code::E0115,
                    ty.span,
                    format!("`{}` is what a `{decl}` declaration writes", ty.value),
                )
                .label("written by slsc, not by hand")
                .help(format!(
                    "declare it as `{decl} {} {{ ... }}`: slsc derives its permissions, policies and defaults; `resource` is for what the language does not cover",
                    d.name.name
                )),
            );
            return;
        }
        // The policy of a queue, topic or bucket slsc declares is derived
        // from the spec: a second one would replace it.
        let policy_of = match ty.value.as_str() {
            "AWS::SQS::QueuePolicy" => Some(DeclKind::Queue),
            "AWS::SNS::TopicPolicy" => Some(DeclKind::Topic),
            "AWS::S3::BucketPolicy" => Some(DeclKind::Bucket),
            _ => None,
        };
        if let Some(kind) = policy_of {
            let mut named = Vec::new();
            for (_, v) in properties {
                refs_of(v, kind, &mut named);
            }
            if let Some(r) = named.first() {
                self.error(
                    Diagnostic::new(
                        Code::E0115,
                        r.span,
                        format!("the policy of {} `{}` is what slsc writes", kind.keyword(), r.name),
                    )
                    .label(format!("{} declared in this spec", kind.article()))
                    .help("slsc derives that policy from the spec (who sends, publishes or reads); a second policy would replace it. Write the access with the declarations, or keep `resource` policies for resources outside the spec"),
                );
                return;
            }
        }
        // Custom resources have no schema: what they take is the provider's.
        if ty.value.starts_with("Custom::") {
            let has_token = properties.iter().any(|(k, _)| k.value == "ServiceToken");
            if !has_token && d.recovered.is_empty() && !failed {
                self.error(
                    Diagnostic::new(Code::E0107, ty.span, "a custom resource needs `ServiceToken`")
                        .label("no `ServiceToken` in its properties")
                        .help("set `ServiceToken` to the ARN of the function or topic that provides it, e.g. `ServiceToken = Provider.arn`"),
                );
            }
            return;
        }
        let Some(schema) = schema(&ty.value) else {
            let mut diag = Diagnostic::new(
                Code::E0114,
                ty.span,
                format!("unknown CloudFormation resource type `{}`", ty.value),
            )
            .label("not a resource type slsc knows");
            diag = match did_you_mean(&ty.value, types()) {
                Some(s) => diag.help(format!("did you mean `{s}`?")),
                None => diag.help("write the type as CloudFormation names it (`AWS::Service::Resource`); slsc knows every type of cfn-lint's us-east-1 schemas"),
            };
            self.error(diag);
            return;
        };
        for (key, value) in properties {
            let Some(prop) = schema.props.iter().find(|p| p.name == key.value) else {
                let mut diag = Diagnostic::new(
                    Code::E0105,
                    key.span,
                    format!("`{}` is not a property of `{}`", key.value, ty.value),
                )
                .label("unknown property");
                diag = match did_you_mean(&key.value, schema.props.iter().map(|p| p.name)) {
                    Some(s) => diag.help(format!("did you mean `{s}`?")),
                    None if schema.attrs.contains(&key.value.as_str()) => diag.help(format!(
                        "`{}` is an attribute CloudFormation sets: read it as `{}.{}`",
                        key.value, d.name.name, key.value
                    )),
                    None => diag.help(format!(
                        "`{}` has: {}",
                        ty.value,
                        schema
                            .props
                            .iter()
                            .map(|p| format!("`{}`", p.name))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                };
                self.error(diag);
                continue;
            };
            if !fits(prop.kind, value) {
                let found = match value.json_kind() {
                    Some("string") => "a string",
                    Some("integer") => "an integer",
                    Some("number") => "a number",
                    Some("boolean") => "a boolean",
                    Some("array") => "a list",
                    Some("object") => "a map",
                    _ => "a reference",
                };
                self.error(
                    Diagnostic::new(
                        Code::E0201,
                        key.span,
                        format!(
                            "`{}` of `{}` is {}, found {found}",
                            key.value,
                            ty.value,
                            kind_word(prop.kind)
                        ),
                    )
                    .label(format!("expected {}", kind_word(prop.kind)))
                    .help("write the value as the resource type's schema describes it"),
                );
                continue;
            }
            if let RawValue::Str(s) = value {
                if !prop.allowed.is_empty()
                    && !s.contains("${")
                    && !prop.allowed.contains(&s.as_str())
                {
                    self.error(
                        Diagnostic::new(
                            Code::E0201,
                            key.span,
                            format!("`{}` of `{}` cannot be \"{s}\"", key.value, ty.value),
                        )
                        .label("not an allowed value")
                        .help(format!(
                            "use one of: {}",
                            prop.allowed
                                .iter()
                                .map(|a| format!("\"{a}\""))
                                .collect::<Vec<_>>()
                                .join(", ")
                        )),
                    );
                }
            }
        }
        // A property whose value had errors is left out: not missing.
        if !d.recovered.is_empty() || failed {
            return;
        }
        let missing: Vec<&str> = schema
            .props
            .iter()
            .filter(|p| p.required && !properties.iter().any(|(k, _)| k.value == p.name))
            .map(|p| p.name)
            .collect();
        if !missing.is_empty() {
            let list = missing
                .iter()
                .map(|m| format!("`{m}`"))
                .collect::<Vec<_>>()
                .join(", ");
            self.error(
                Diagnostic::new(
                    Code::E0107,
                    d.name.span,
                    format!("`{}` needs {list}", ty.value),
                )
                .label("required properties missing")
                .help(format!("set {list} in `properties`")),
            );
        }
    }

    /// `overrides { Key = value }` of a declaration whose resource has type
    /// `ty`: checked against the type's schema, and refused for what slsc
    /// derives from the spec (E0220).
    pub(super) fn overrides(
        &mut self,
        d: &ast::Decl,
        ty: &str,
        body: &[ast::Member],
    ) -> Vec<(Spanned<String>, RawValue)> {
        let schema = schema(ty);
        let mut out: Vec<(Spanned<String>, RawValue)> = Vec::new();
        self.in_raw = true;
        for m in body {
            let MemberKind::Property { key, value, .. } = &m.kind else {
                self.not_allowed(m, "`overrides`");
                continue;
            };
            if let Some((first, _)) = out.iter().find(|(k, _)| k.value == key.name) {
                let first = first.span;
                self.set_twice(&key.name, key.span, first);
                continue;
            }
            if let Some(instead) = derived(ty, &key.name) {
                self.error(
                    Diagnostic::new(
                        Code::E0220,
                        key.span,
                        format!("`{}` of {} `{}` is derived by slsc", key.name, d.kind.keyword(), d.name.name),
                    )
                    .label("not overridable")
                    .help(format!("write {instead} instead: slsc derives `{}` from the spec, and the checks rely on it", key.name)),
                );
                continue;
            }
            let Some(v) = self.raw_value(value) else {
                continue;
            };
            if let Some(schema) = &schema {
                match schema.props.iter().find(|p| p.name == key.name) {
                    None => {
                        let mut diag = Diagnostic::new(
                            Code::E0105,
                            key.span,
                            format!("`{}` is not a property of `{ty}`", key.name),
                        )
                        .label("unknown property");
                        diag = match did_you_mean(&key.name, schema.props.iter().map(|p| p.name)) {
                            Some(s) => diag.help(format!("did you mean `{s}`?")),
                            None => diag.help(format!("`overrides` sets properties of `{ty}`, as CloudFormation names them")),
                        };
                        self.error(diag);
                        continue;
                    }
                    Some(prop) if !fits(prop.kind, &v) => {
                        self.error(
                            Diagnostic::new(
                                Code::E0201,
                                key.span,
                                format!("`{}` of `{ty}` is {}", key.name, kind_word(prop.kind)),
                            )
                            .label(format!("expected {}", kind_word(prop.kind)))
                            .help("write the value as the resource type's schema describes it"),
                        );
                        continue;
                    }
                    _ => {}
                }
            }
            out.push((Spanned::new(key.name.clone(), key.span), v));
        }
        self.in_raw = false;
        out
    }

    /// `policy = [ { ... }, ... ]`: resource-policy statements as IAM
    /// writes them. Each needs `Effect` (`Allow` or `Deny`), `Principal`
    /// and `Action`; `Sid`, `Resource` (else the declaration's ARN) and
    /// `Condition` are optional; other keys are E0105. An AWS service or
    /// anyone (`*`) let in without a `Condition` is E0503: it would act for
    /// any account or resource.
    pub(super) fn policy_statements(&mut self, v: &ast::Value) -> Vec<Spanned<RawValue>> {
        const KEYS: [&str; 6] = [
            "Sid",
            "Effect",
            "Principal",
            "Action",
            "Resource",
            "Condition",
        ];
        let ValueKind::List(items) = &v.kind else {
            self.type_error(
                v,
                "a list of statements",
                "write `policy = [{ Effect = \"Allow\", Principal = { AWS = \"arn:...\" }, Action = \"sqs:SendMessage\" }]`",
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        self.in_raw = true;
        for item in items {
            let ValueKind::Record(entries) = &item.kind else {
                self.type_error(
                    item,
                    "a statement (a record)",
                    "write `{ Effect = \"Allow\", Principal = ..., Action = ... }`",
                );
                continue;
            };
            let mut ok = true;
            for (key, _) in entries {
                if !KEYS.contains(&key.name.as_str()) {
                    ok = false;
                    let mut d = Diagnostic::new(
                        Code::E0105,
                        key.span,
                        format!("`{}` is not a key of a policy statement here", key.name),
                    )
                    .label("not a statement key slsc takes");
                    d = match crate::diagnostics::did_you_mean(&key.name, KEYS) {
                        Some(s) => d.help(format!("did you mean `{s}`?")),
                        None => d.help("a statement takes `Sid`, `Effect`, `Principal`, `Action`, `Resource` and `Condition`"),
                    };
                    self.error(d);
                }
            }
            let get = |k: &str| {
                entries
                    .iter()
                    .find(|(key, _)| key.name == k)
                    .map(|(_, v)| v)
            };
            for required in ["Effect", "Principal", "Action"] {
                if get(required).is_none() {
                    ok = false;
                    self.error(
                        Diagnostic::new(
                            Code::E0107,
                            item.span,
                            format!("this policy statement has no `{required}`"),
                        )
                        .label(format!("missing `{required}`"))
                        .help("a statement needs `Effect`, `Principal` and `Action`"),
                    );
                }
            }
            if let Some(e) = get("Effect") {
                if !matches!(&e.kind, ValueKind::Str(s) if s == "Allow" || s == "Deny") {
                    ok = false;
                    self.type_error(e, "\"Allow\" or \"Deny\"", "write `Effect = \"Allow\"`");
                }
            }
            let allow =
                matches!(get("Effect").map(|e| &e.kind), Some(ValueKind::Str(s)) if s == "Allow");
            if let (true, Some(p)) = (allow, get("Principal")) {
                // A service must be tied to the calling resource and account;
                // anyone, to some condition.
                let keys = get("Condition").map(condition_keys).unwrap_or_default();
                let missing = match open_principal(p) {
                    Some(who) if who == "an AWS service" => ["aws:sourcearn", "aws:sourceaccount"]
                        .into_iter()
                        .any(|k| !keys.iter().any(|x| x == k))
                        .then_some(who),
                    Some(who) => keys.is_empty().then_some(who),
                    None => None,
                };
                if let Some(who) = missing {
                    ok = false;
                    self.error(
                        Diagnostic::new(Code::E0503, p.span, format!("this statement lets {who} in without a condition on the caller"))
                            .label("no condition on the caller")
                            .help("add a `Condition` that names the caller: both `aws:SourceArn` and `aws:SourceAccount` for a service, an account or organization for anyone"),
                    );
                }
            }
            if let Some(value) = self.raw_value(item) {
                if ok {
                    out.push(Spanned::new(value, item.span));
                }
            }
        }
        self.in_raw = false;
        out
    }

    /// A value inside `properties`, with its references resolved.
    pub(super) fn raw_value(&mut self, v: &ast::Value) -> Option<RawValue> {
        Some(match &v.kind {
            ValueKind::Str(_) => RawValue::Str(self.expect_text(v)?.value),
            ValueKind::Int(i) => RawValue::Int(*i),
            ValueKind::Number(n) => RawValue::Number(*n),
            ValueKind::Bool(b) => RawValue::Bool(*b),
            ValueKind::List(items) => {
                let mut out = Vec::with_capacity(items.len());
                let mut ok = true;
                for item in items {
                    match self.raw_value(item) {
                        Some(x) => out.push(x),
                        None => ok = false,
                    }
                }
                ok.then_some(RawValue::List(out))?
            }
            ValueKind::Record(entries) => {
                let mut out: Vec<(String, RawValue)> = Vec::with_capacity(entries.len());
                let mut ok = true;
                for (i, (key, value)) in entries.iter().enumerate() {
                    if let Some((first, _)) = entries[..i].iter().find(|(k, _)| k.name == key.name)
                    {
                        self.set_twice(&key.name, key.span, first.span);
                        ok = false;
                        continue;
                    }
                    match self.raw_value(value) {
                        Some(x) => out.push((key.name.clone(), x)),
                        None => ok = false,
                    }
                }
                ok.then_some(RawValue::Map(out))?
            }
            ValueKind::Path(path) if self.is_param(path) => {
                self.used.insert(path.head().name.clone());
                RawValue::Param(path.head().name.clone())
            }
            ValueKind::Path(path) => {
                let (r, a) = self.attr(path)?;
                RawValue::Attr(r, a)
            }
            other => {
                self.error(
                    Diagnostic::new(
                        Code::E0201,
                        v.span,
                        format!("expected a CloudFormation value, found {}", other.describe()),
                    )
                    .label("not a CloudFormation value")
                    .help("properties of a `resource` hold what CloudFormation takes: strings, numbers, booleans, lists, maps and attributes (`Orders.arn`); write durations and sizes as the number the property expects"),
                );
                return None;
            }
        })
    }
}

/// The condition keys a statement's `Condition` tests, lower-cased (IAM
/// compares them without case): `{ StringEquals = { "aws:SourceArn" =
/// ... } }` tests `aws:sourcearn`.
fn condition_keys(v: &ast::Value) -> Vec<String> {
    let ValueKind::Record(operators) = &v.kind else {
        return Vec::new();
    };
    operators
        .iter()
        .flat_map(|(_, tests)| match &tests.kind {
            ValueKind::Record(keys) => keys.iter().map(|(k, _)| k.name.to_lowercase()).collect(),
            _ => Vec::new(),
        })
        .collect()
}

/// Who a statement's `Principal` lets in when that is anyone or an AWS
/// service (which acts for every account): `"*"`, `{ AWS = "*" }`,
/// `{ Service = "..." }`.
fn open_principal(p: &ast::Value) -> Option<String> {
    match &p.kind {
        ValueKind::Str(s) if s == "*" => Some("anyone".into()),
        ValueKind::Record(entries) => entries.iter().find_map(|(k, v)| {
            let any = |v: &ast::Value| match &v.kind {
                ValueKind::Str(s) => s == "*",
                ValueKind::List(items) => items
                    .iter()
                    .any(|i| matches!(&i.kind, ValueKind::Str(s) if s == "*")),
                _ => false,
            };
            match k.name.as_str() {
                "AWS" if any(v) => Some("anyone".into()),
                "Service" => Some("an AWS service".into()),
                _ => None,
            }
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_describes_properties_required_ones_enums_and_attributes() {
        let s = schema("AWS::Kinesis::StreamConsumer").unwrap();
        let names: Vec<&str> = s.props.iter().map(|p| p.name).collect();
        assert_eq!(names, ["ConsumerName", "StreamARN", "Tags"]);
        assert!(s.props[0].required && s.props[0].kind == b's');
        assert_eq!(s.props[2].kind, b'a');
        assert!(s.attrs.contains(&"ConsumerARN"));
        let vpce = schema("AWS::EC2::VPCEndpoint").unwrap();
        let kind = vpce
            .props
            .iter()
            .find(|p| p.name == "VpcEndpointType")
            .unwrap();
        assert!(kind.allowed.contains(&"Interface"), "{:?}", kind.allowed);
        // A prefix of a type is not the type.
        assert!(schema("AWS::IAM::Use").is_none());
        assert!(types().count() > 1000);
    }

    #[test]
    fn what_declarations_write_is_never_written_raw() {
        assert_eq!(modeled("AWS::SQS::Queue"), Some("queue"));
        assert_eq!(modeled("AWS::Serverless::StateMachine"), Some("function"));
        assert_eq!(modeled("AWS::SQS::QueuePolicy"), None);
        assert_eq!(modeled("AWS::CloudFront::Distribution"), None);
    }

    #[test]
    fn scalars_convert_as_cloudformation_converts_them() {
        assert!(fits(b's', &RawValue::Int(3)));
        assert!(fits(b'i', &RawValue::Str("3".into())));
        assert!(!fits(b'i', &RawValue::Str("x".into())));
        assert!(!fits(b'b', &RawValue::List(Vec::new())));
        assert!(!fits(b'a', &RawValue::Str("x".into())));
        assert!(fits(b'o', &RawValue::Param("P".into())));
    }
}
