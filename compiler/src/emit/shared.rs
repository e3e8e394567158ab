//! What every emitting module uses: tags, stateful resources' deletion
//! policies, the app's KMS key and Lambda permissions.

use super::Template;
use crate::model::*;
use crate::naming::refs::{r#ref, sub, Invoked};
use serde_json::{json, Value as Json};

/// The app's tags as a CloudFormation tag list.
pub fn tag_list(model: &Model) -> Json {
    Json::Array(
        model
            .tags
            .iter()
            .map(|(k, v)| json!({ "Key": k, "Value": v }))
            .collect(),
    )
}

/// The app's tags as a map (SAM resources, API Gateway v2).
pub fn tag_map(model: &Model) -> Json {
    Json::Object(
        model
            .tags
            .iter()
            .map(|(k, v)| (k.clone(), json!(v)))
            .collect(),
    )
}

/// A resource that holds data: `DeletionPolicy` and `UpdateReplacePolicy`
/// both say what becomes of it when the stack is deleted or the resource
/// replaced (`Retain` unless the spec says `on_delete = delete { ... }`).
/// None of these types supports `Snapshot`.
pub(super) fn stateful(kind: &str, on_delete: &OnDelete, props: Json) -> Json {
    json!({
        "Type": kind,
        "DeletionPolicy": on_delete.policy(),
        "UpdateReplacePolicy": on_delete.policy(),
        "Properties": props,
    })
}

/// [`stateful`] for declaration `decl`, whose `on_replace` may set
/// `UpdateReplacePolicy` apart from `DeletionPolicy`.
pub(super) fn stateful_decl(
    model: &Model,
    decl: &str,
    kind: &str,
    on_delete: &OnDelete,
    props: Json,
) -> Json {
    let mut r = stateful(kind, on_delete, props);
    r["UpdateReplacePolicy"] = json!(model.replacement(decl, on_delete).policy());
    r
}

pub(super) fn with_tags(model: &Model, mut props: Json) -> Json {
    if !model.tags.is_empty() {
        props["Tags"] = tag_list(model);
    }
    props
}

pub use crate::naming::{key_arn, KEY};

/// The app's KMS key. Its policy lets the account's IAM policies grant its
/// use (roles get exactly the `kms:` actions their verbs need), CloudWatch
/// Logs encrypt this account's log groups (`kms:EncryptionContext:aws:logs:arn`),
/// and EventBridge and SNS deliver to the queues and topics it encrypts,
/// for this account's rules and topics only (`aws:SourceAccount`,
/// `aws:SourceArn`). A key policy's `Resource` is always
/// `*`: it means the key itself.
pub fn key(model: &Model, watches: &[crate::observe::Watch], t: &mut Template) {
    let props = json!({
        "Description": "Encrypts the app's queues, topics, tables, logs and function settings (slsc)",
        "EnableKeyRotation": true,
        "KeyPolicy": {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "AccountIamPoliciesDecide",
                    "Effect": "Allow",
                    "Principal": { "AWS": sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root") },
                    "Action": "kms:*",
                    "Resource": "*",
                },
                {
                    "Sid": "LogsEncryptLogGroups",
                    "Effect": "Allow",
                    "Principal": { "Service": sub("logs.${AWS::Region}.amazonaws.com") },
                    "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                    "Resource": "*",
                    "Condition": {
                        "ArnLike": {
                            "kms:EncryptionContext:aws:logs:arn": sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:*"),
                        },
                    },
                },
                // The key's ARN is the queues' and topics' KMS key: naming
                // the rules or topics themselves here would be a circular
                // dependency, so the sources are this account's rules and
                // topics in this region.
                {
                    "Sid": "EventsDeliverToQueuesAndTopics",
                    "Effect": "Allow",
                    "Principal": { "Service": "events.amazonaws.com" },
                    "Action": ["kms:GenerateDataKey", "kms:Decrypt"],
                    "Resource": "*",
                    "Condition": {
                        "StringEquals": { "aws:SourceAccount": this_account() },
                        "ArnLike": { "aws:SourceArn": sub("arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/*") },
                    },
                },
                {
                    "Sid": "SnsDeliversToQueues",
                    "Effect": "Allow",
                    "Principal": { "Service": "sns.amazonaws.com" },
                    "Action": ["kms:GenerateDataKey", "kms:Decrypt"],
                    "Resource": "*",
                    "Condition": {
                        "StringEquals": { "aws:SourceAccount": this_account() },
                        "ArnLike": { "aws:SourceArn": sub("arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:*") },
                    },
                },
            ],
        },
    });
    // CloudWatch encrypts what an alarm publishes to a topic of the app.
    let mut props = props;
    let alarms_publish = watches
        .iter()
        .any(|a| a.notify.iter().any(|t| !model.outside(t)));
    if alarms_publish {
        if let Some(list) = props["KeyPolicy"]["Statement"].as_array_mut() {
            list.push(json!({
                "Sid": "CloudWatchAlarmsPublishToTopics",
                "Effect": "Allow",
                "Principal": { "Service": "cloudwatch.amazonaws.com" },
                "Action": ["kms:GenerateDataKey", "kms:Decrypt"],
                "Resource": "*",
                "Condition": {
                    "StringEquals": { "aws:SourceAccount": this_account() },
                    "ArnLike": { "aws:SourceArn": sub("arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:*") },
                },
            }));
        }
    }
    t.add(
        KEY.into(),
        stateful(
            "AWS::KMS::Key",
            if model.key_retained() {
                &OnDelete::Retain
            } else {
                &model.on_delete.value
            },
            with_tags(model, props),
        ),
    );
}

/// An `AWS::Lambda::Permission` for a service to invoke a function (or
/// its alias, which is what the service then invokes): only from
/// `source_arn`, and only from this account (`SourceAccount`: bucket ARNs
/// carry no account, and with it every permission closes the
/// confused-deputy gap the same way).
pub fn permission(function: &Invoked, service: &str, source_arn: Json) -> Json {
    json!({
        "Type": "AWS::Lambda::Permission",
        "Properties": {
            "Action": "lambda:InvokeFunction",
            "FunctionName": function.name(),
            "Principal": service,
            "SourceArn": source_arn,
            "SourceAccount": this_account(),
        },
    })
}

/// The account topic `name` delivers from, for `aws:SourceAccount` and
/// `SourceAccount`: its owner's for a topic given by `arn`, else this
/// stack's.
pub(super) fn topic_account(model: &Model, name: &str) -> Json {
    match model.topic(name).and_then(|t| t.arn_account()) {
        Some(account) => json!(account),
        None => this_account(),
    }
}

/// This stack's account, for `aws:SourceAccount` and `SourceAccount`.
pub(super) fn this_account() -> Json {
    r#ref("AWS::AccountId")
}

/// Sets property `key` of resource `id` to the physical name the spec fixes
/// for `decl` (`name = "..."`), as the first property so that a reader of
/// the template sees it at once; nothing when the spec fixes none, and
/// CloudFormation generates a unique name.
pub fn physical_name(
    model: &Model,
    decl: &str,
    id: &str,
    key: &str,
    props: &mut Json,
    t: &mut Template,
) {
    let Some(name) = model.physical_name(decl) else {
        return;
    };
    let Json::Object(old) = std::mem::take(props) else {
        return;
    };
    // `name = X if C [else Y]`: without the condition, the other name, or
    // none (CloudFormation generates one). A bucket's is what everything
    // naming the bucket writes (`refs::bucket_name_of`), slsc's name
    // without the condition.
    let value = if key == "BucketName" {
        crate::naming::refs::bucket_name_of(model, decl)
    } else {
        // Where slsc names the resource itself (a queue, a bus), that name
        // is already written: it stays the name without the condition.
        match model.prop_cond(decl, "name") {
            Some(pc) => super::conditions::guarded(
                &pc.cond.value,
                text(&name.value),
                pc.otherwise
                    .as_ref()
                    .map(|o| text(&o.value))
                    .or_else(|| old.get(key).cloned()),
            ),
            None => text(&name.value),
        }
    };
    let mut m = serde_json::Map::with_capacity(old.len() + 1);
    m.insert(key.to_string(), value);
    m.extend(old.into_iter().filter(|(k, _)| k != key));
    *props = Json::Object(m);
    t.prop(id, key, name.span);
}

/// The value of number property `prop` of `decl`: a `Ref` to the `param`
/// that gives it (`delay = Delay`), else `value` as the spec wrote it.
pub fn number(model: &Model, decl: &str, prop: NumProp, value: u64) -> Json {
    match model.param_for(decl, prop) {
        Some(u) => json!({ "Ref": crate::naming::ids::logical(&u.param.value) }),
        None => json!(value),
    }
}

/// Sets `Description` of resource `id` to the spec's `description = "..."`
/// of `decl`, if it has one.
pub fn description(model: &Model, decl: &str, id: &str, props: &mut Json, t: &mut Template) {
    if let Some(d) = model.description(decl) {
        props["Description"] = match model.prop_cond(decl, "description") {
            Some(pc) => super::conditions::guarded(
                &pc.cond.value,
                text(&d.value),
                pc.otherwise.as_ref().map(|o| text(&o.value)),
            ),
            None => text(&d.value),
        };
        t.prop(id, "Description", d.span);
    }
}

/// The stack outputs the spec asks for: the ARN of every declaration used
/// from outside the app (`external = true`), then the app's `outputs`.
pub fn outputs(model: &Model, t: &mut Template) {
    use crate::naming::{ids, refs};
    for (kind, name, span) in model.externals() {
        t.owner = span;
        // A function with SnapStart is to be invoked through its alias,
        // which is the ARN `refs::arn` gives.
        let alias = model.function(name).and_then(|f| f.alias_name());
        let what = match (Invoked::of(model, name), alias) {
            (Invoked::Alias(_), Some(alias)) if kind == crate::ast::DeclKind::Function => {
                format!("the alias {alias} of function {name}")
            }
            _ => format!("{} {name}", kind.keyword()),
        };
        t.output(
            ids::arn_output(name),
            json!({
                "Description": format!("ARN of {what}, used from outside the app"),
                "Value": refs::arn(model, kind, name),
            }),
        );
    }
    for o in &model.outputs {
        t.owner = o.name.span;
        let mut out = json!({});
        if let Some(d) = &o.description {
            out["Description"] = json!(d.value);
        }
        out["Value"] = refs::value(model, o.value.kind, &o.value.name, o.attr);
        if let Some(e) = &o.export {
            out["Export"] = json!({ "Name": text(&e.value) });
        }
        t.output(o.name.value.clone(), out);
    }
}

/// Values imported from other stacks (`param X string { import = "..." }`)
/// in `value`: each `Ref` to one becomes its `Fn::ImportValue`, and an
/// `Fn::Sub` naming one takes it from its variable map (CloudFormation
/// resolves `Fn::ImportValue` there, not in the string). Elsewhere an
/// import is named as a parameter is, so every stage before this one
/// treats it as one.
pub fn imports(model: &Model, value: &mut Json) {
    let imported: std::collections::HashMap<String, Json> = model
        .params
        .iter()
        .filter_map(|p| {
            let export = p.import.as_ref()?;
            Some((
                crate::naming::ids::logical(&p.name),
                json!({ "Fn::ImportValue": text(&export.value) }),
            ))
        })
        .collect();
    if !imported.is_empty() {
        replace_imports(value, &imported);
    }
}

fn replace_imports(value: &mut Json, imported: &std::collections::HashMap<String, Json>) {
    match value {
        Json::Object(m) => {
            if let (1, Some(Json::String(id))) = (m.len(), m.get("Ref")) {
                if let Some(i) = imported.get(id) {
                    *value = i.clone();
                    return;
                }
            }
            if let Some(s) = m.get_mut("Fn::Sub") {
                let (text, mut vars) = match s {
                    Json::String(t) => (t.clone(), serde_json::Map::new()),
                    Json::Array(a) => match (a.first(), a.get(1)) {
                        (Some(Json::String(t)), Some(Json::Object(v))) => (t.clone(), v.clone()),
                        _ => (String::new(), serde_json::Map::new()),
                    },
                    _ => (String::new(), serde_json::Map::new()),
                };
                let named: Vec<String> = crate::naming::references(&text)
                    .into_iter()
                    .filter(|r| imported.contains_key(*r) && !vars.contains_key(*r))
                    .map(str::to_string)
                    .collect();
                if !named.is_empty() {
                    for r in named {
                        vars.insert(r.clone(), imported[&r].clone());
                    }
                    *s = json!([text, Json::Object(vars)]);
                }
            }
            for v in m.values_mut() {
                replace_imports(v, imported);
            }
        }
        Json::Array(items) => {
            for v in items {
                replace_imports(v, imported);
            }
        }
        _ => {}
    }
}

/// A string of the spec where parameters may go, as the template holds it
/// (see [`refs::text`](crate::naming::refs::text)).
pub fn text(s: &str) -> Json {
    crate::naming::refs::text(s)
}

/// The template's `Parameters` from the spec's `param` declarations, in
/// source order.
pub fn parameters(model: &Model, t: &mut Template) {
    // An imported value is no parameter: see `imports`.
    for p in model.params.iter().filter(|p| p.import.is_none()) {
        let mut j = json!({
            "Type": match p.ty {
                ParamType::String => "String",
                ParamType::Number => "Number",
                ParamType::List => "CommaDelimitedList",
            },
        });
        let value = |v: &ParamValue| match v {
            ParamValue::Str(s) => json!(s),
            ParamValue::Num(n) if n.fract() == 0.0 && n.abs() < 1e15 => json!(*n as i64),
            ParamValue::Num(n) => json!(n),
        };
        if let Some(d) = &p.description {
            j["Description"] = json!(d.value);
        }
        if let Some(d) = &p.default {
            j["Default"] = value(&d.value);
        }
        if let Some(a) = &p.allowed {
            j["AllowedValues"] = Json::Array(a.value.iter().map(value).collect());
        }
        if let Some(pat) = &p.pattern {
            j["AllowedPattern"] = json!(pat.value);
        }
        if let Some(n) = &p.min_length {
            j["MinLength"] = json!(n.value);
        }
        if let Some(n) = &p.max_length {
            j["MaxLength"] = json!(n.value);
        }
        if let Some(n) = &p.min {
            j["MinValue"] = value(&ParamValue::Num(n.value));
        }
        if let Some(n) = &p.max {
            j["MaxValue"] = value(&ParamValue::Num(n.value));
        }
        if p.secret {
            j["NoEcho"] = json!(true);
        }
        t.owner = p.span;
        t.parameter(crate::naming::ids::logical(&p.name), j);
    }
}
