//! CloudFormation intrinsics and the attributes of emitted resources.

use super::ids::logical;
use crate::ast::DeclKind;
use crate::model::{Attr, Model};
use serde_json::{json, Value as Json};

/// `{"Ref": id}`.
pub fn r#ref(id: &str) -> Json {
    json!({ "Ref": id })
}

/// `{"Fn::GetAtt": [id, attr]}`.
pub fn get_att(id: &str, attr: &str) -> Json {
    json!({ "Fn::GetAtt": [id, attr] })
}

/// `{"Fn::Sub": text}`.
pub fn sub(text: &str) -> Json {
    json!({ "Fn::Sub": text })
}

/// The ARN of the default event bus of the stack's account and region.
pub fn default_bus_arn() -> Json {
    sub("arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default")
}

/// How whatever invokes a function (a trigger, a route, a rule, a
/// schedule, a destination) names it. A function with an alias (`alias =
/// NAME`, or `live` with SnapStart, which works on published versions only)
/// is invoked through it ([`super::ids::alias`]): its provisioned
/// concurrency, traffic shifting and SnapStart apply there only. Any other
/// function is invoked as itself, which runs `$LATEST`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invoked {
    /// The function itself: its logical ID.
    Function(String),
    /// Its alias: the alias's logical ID.
    Alias(String),
}

impl Invoked {
    /// How to invoke function `name` of `model`.
    pub fn of(model: &Model, name: &str) -> Invoked {
        match model.function(name) {
            Some(f) => match f.alias_name() {
                Some(a) => Invoked::Alias(super::ids::alias(name, a)),
                None => Invoked::Function(logical(name)),
            },
            _ => Invoked::Function(logical(name)),
        }
    }

    /// The `FunctionName` of a permission or an event source mapping: the
    /// function's name, or the alias's ARN (`Ref` of each).
    pub fn name(&self) -> Json {
        match self {
            Invoked::Function(id) | Invoked::Alias(id) => r#ref(id),
        }
    }

    /// The ARN to invoke.
    pub fn arn(&self) -> Json {
        match self {
            Invoked::Function(id) => get_att(id, "Arn"),
            Invoked::Alias(id) => r#ref(id),
        }
    }

    /// The ARN to invoke inside `Fn::Sub`: `${F.Arn}`, or `${FAliaslive}`.
    pub fn arn_sub(&self) -> String {
        match self {
            Invoked::Function(id) => format!("${{{id}.Arn}}"),
            Invoked::Alias(id) => format!("${{{id}}}"),
        }
    }
}

/// The ARN of a declared resource; a function's is the ARN it is invoked
/// by ([`Invoked::arn`]). A secret's ARN ends with six characters
/// Secrets Manager picks, matched with `??????` (six of any character, no
/// more: `*` would also match secrets whose names extend this one's).
pub fn arn(model: &Model, kind: DeclKind, name: &str) -> Json {
    match kind {
        DeclKind::Secret => match model.secret(name) {
            Some(s) => sub(&format!(
                "arn:${{AWS::Partition}}:secretsmanager:${{AWS::Region}}:${{AWS::AccountId}}:secret:{}-??????",
                s.secret_name.value
            )),
            None => json!(null),
        },
        DeclKind::Parameter => match model.parameter(name) {
            Some(p) => sub(&format!(
                "arn:${{AWS::Partition}}:ssm:${{AWS::Region}}:${{AWS::AccountId}}:parameter/{}",
                p.parameter_name.value.trim_start_matches('/').trim_end_matches('/')
            )),
            None => json!(null),
        },
        DeclKind::Bucket => bucket_arn(model, name),
        // A bus's or topic's ARN may be a parameter's (`"${BusArn}"`).
        DeclKind::Bus => match model.bus(name).and_then(|b| b.arn.as_ref()) {
            Some(a) => text(&a.value),
            None => attr(kind, name, Attr::Arn),
        },
        DeclKind::Topic => match model.topic(name).and_then(|t| t.arn.as_ref()) {
            Some(a) => text(&a.value),
            None => attr(kind, name, Attr::Arn),
        },
        // A queue's ARN may be a parameter's.
        DeclKind::Queue => match model.queue(name).and_then(|q| q.arn.as_ref()) {
            Some(a) => text(&a.value),
            None => attr(kind, name, Attr::Arn),
        },
        // What invokes a function (rule targets, destinations, the ARN
        // output for outside callers) invokes its alias with SnapStart.
        DeclKind::Function => Invoked::of(model, name).arn(),
        _ => attr(kind, name, Attr::Arn),
    }
}

/// A bucket's name: the one the spec fixes (`name = "..."`), else the one
/// slsc generates ([`bucket_name`]).
pub fn bucket_name_of(model: &Model, name: &str) -> Json {
    match model.physical_name(name) {
        // `name = X if C [else Y]`: the other name, or slsc's, without C.
        Some(fixed) => match model.prop_cond(name, "name") {
            Some(pc) => if_json(
                &pc.cond.value,
                text(&fixed.value),
                pc.otherwise
                    .as_ref()
                    .map_or_else(|| bucket_name(name), |o| text(&o.value)),
            ),
            None => text(&fixed.value),
        },
        None => bucket_name(name),
    }
}

/// `Fn::If [cond, then, other]`.
pub fn if_json(cond: &str, then: Json, other: Json) -> Json {
    json!({ "Fn::If": [cond, then, other] })
}

/// A bucket's ARN, from its name (see [`bucket_name_of`]).
pub fn bucket_arn(model: &Model, name: &str) -> Json {
    let arn = |n: &str| text(&format!("arn:${{AWS::Partition}}:s3:::{n}"));
    match model.physical_name(name) {
        Some(fixed) => match model.prop_cond(name, "name") {
            Some(pc) => if_json(
                &pc.cond.value,
                arn(&fixed.value),
                pc.otherwise.as_ref().map_or_else(
                    || attr(DeclKind::Bucket, name, Attr::Arn),
                    |o| arn(&o.value),
                ),
            ),
            None => arn(&fixed.value),
        },
        None => attr(DeclKind::Bucket, name, Attr::Arn),
    }
}

/// An attribute of a declared resource, with the model for declarations
/// whose attributes are values written in the spec (secrets, parameters):
/// those are the strings [`Model::fixed_attr`] gives, so that a rule's
/// pattern compares with the same value `check` reasoned about.
pub fn value(model: &Model, kind: DeclKind, name: &str, a: Attr) -> Json {
    if let Some(fixed) = model.fixed_attr(kind, name, a) {
        return json!(fixed);
    }
    match (kind, a) {
        (DeclKind::Bucket, Attr::Name) => bucket_name_of(model, name),
        (DeclKind::Bucket, _) => bucket_arn(model, name),
        (DeclKind::Bus, _) if model.bus(name).is_some_and(|b| b.arn.is_some()) => {
            let arn = model
                .bus(name)
                .and_then(|b| b.arn.as_ref())
                .map_or("", |a| a.value.as_str());
            match a {
                Attr::Name if arn.contains("${") => {
                    json!({ "Fn::Select": [1, { "Fn::Split": ["/", text(arn)] }] })
                }
                Attr::Name => json!(arn.rsplit('/').next().unwrap_or(arn)),
                _ => text(arn),
            }
        }
        (DeclKind::Topic, _) if model.topic(name).is_some_and(|t| t.arn.is_some()) => {
            let arn = model
                .topic(name)
                .and_then(|t| t.arn.as_ref())
                .map_or("", |a| a.value.as_str());
            match a {
                Attr::Name if arn.contains("${") => {
                    json!({ "Fn::Select": [5, { "Fn::Split": [":", text(arn)] }] })
                }
                Attr::Name => json!(arn.rsplit(':').next().unwrap_or(arn)),
                _ => text(arn),
            }
        }
        (DeclKind::Queue, _) if model.queue(name).is_some_and(|q| q.arn.is_some()) => {
            outside_queue(model, name, a)
        }
        // Declared, but left out of the model: its declaration has errors.
        (DeclKind::Secret, _) | (DeclKind::Parameter, Attr::Name) => json!(null),
        (DeclKind::Parameter, _) => arn(model, kind, name),
        // Through its custom domain: the domain's name and base path.
        (DeclKind::Api, Attr::DomainUrl) => match model
            .apis
            .iter()
            .find(|x| x.name == name)
            .and_then(|x| x.domain.as_ref())
        {
            Some(d) => text(&d.url()),
            None => json!(null),
        },
        // A REST API's URL includes its stage.
        (DeclKind::Api, Attr::Url) => match model.apis.iter().find(|x| x.name == name) {
            Some(api) => sub(&format!(
                "https://${{{}}}.execute-api.${{AWS::Region}}.${{AWS::URLSuffix}}{}",
                logical(name),
                api.stage_path()
            )),
            None => attr(kind, name, a),
        },
        (_, Attr::ClientId(i)) => {
            match model
                .user_pool(name)
                .and_then(|p| p.clients.get(i as usize))
            {
                Some(c) => r#ref(&super::ids::pool_client(name, &c.name.value)),
                None => json!(null),
            }
        }
        _ => attr(kind, name, a),
    }
}

/// An attribute of a queue given by `arn`: taken from a written ARN, or cut
/// out of a parameter's with `Fn::Split` (`arn:PARTITION:sqs:REGION:
/// ACCOUNT:NAME`); its URL is `https://sqs.REGION.SUFFIX/ACCOUNT/NAME`.
fn outside_queue(model: &Model, name: &str, a: Attr) -> Json {
    let Some(q) = model.queue(name) else {
        return json!(null);
    };
    if let Some([partition, region, account, qname]) = q.arn_parts() {
        let suffix = if partition == "aws-cn" {
            "amazonaws.com.cn"
        } else {
            "amazonaws.com"
        };
        return match a {
            Attr::Name => json!(qname),
            Attr::Url => json!(format!("https://sqs.{region}.{suffix}/{account}/{qname}")),
            _ => arn(model, DeclKind::Queue, name),
        };
    }
    let whole = arn(model, DeclKind::Queue, name);
    let part = |i: u64| json!({ "Fn::Select": [i, { "Fn::Split": [":", whole.clone()] }] });
    match a {
        Attr::Name => part(5),
        Attr::Url => json!({ "Fn::Join": ["", [
            "https://sqs.", part(3), ".", r#ref("AWS::URLSuffix"), "/", part(4), "/", part(5),
        ]] }),
        _ => whole.clone(),
    }
}

/// An attribute of a declared resource as a CloudFormation expression.
pub fn attr(kind: DeclKind, name: &str, attr: Attr) -> Json {
    if kind == DeclKind::Bus && name == "default" {
        return match attr {
            Attr::Name => json!("default"),
            _ => default_bus_arn(),
        };
    }
    if kind == DeclKind::Bucket {
        return match attr {
            Attr::Name => bucket_name(name),
            _ => {
                json!({ "Fn::Join": ["", ["arn:", r#ref("AWS::Partition"), ":s3:::", bucket_name(name)]] })
            }
        };
    }
    let id = logical(name);
    match (kind, attr) {
        (DeclKind::Resource, Attr::Get(a)) => get_att(&id, a),
        (DeclKind::Resource, _) => r#ref(&id),
        (DeclKind::Queue, Attr::Url) => r#ref(&id),
        (DeclKind::Queue, Attr::Name) => get_att(&id, "QueueName"),
        (DeclKind::Topic, Attr::Arn) => r#ref(&id),
        // Both state machine resources (SAM's and CloudFormation's) return
        // the ARN as `Ref`, and have `Name` and `Arn` attributes.
        (DeclKind::StateMachine, Attr::Arn) => r#ref(&id),
        (DeclKind::StateMachine, Attr::Name) => get_att(&id, "Name"),
        (DeclKind::Topic, Attr::Name) => get_att(&id, "TopicName"),
        (DeclKind::Table, Attr::StreamArn) => get_att(&id, "StreamArn"),
        (DeclKind::Table | DeclKind::Bus | DeclKind::Function | DeclKind::Stream, Attr::Name) => {
            r#ref(&id)
        }
        (DeclKind::UserPool, Attr::Id) => r#ref(&id),
        // A schedule group's `Ref` is its name; its role is `<G>Role`.
        (DeclKind::ScheduleGroup, Attr::Name) => r#ref(&id),
        (DeclKind::ScheduleGroup, Attr::Role) => get_att(&format!("{id}Role"), "Arn"),
        (DeclKind::UserPool, Attr::Issuer) => sub(&format!(
            "https://cognito-idp.${{AWS::Region}}.${{AWS::URLSuffix}}/${{{id}}}"
        )),
        // The domain's `Ref` is its prefix; the hosted UI is always on
        // Cognito's own domain, whatever the partition's URL suffix.
        (DeclKind::UserPool, Attr::HostedUiUrl) => sub(&format!(
            "https://${{{}}}.auth.${{AWS::Region}}.amazoncognito.com",
            super::ids::pool_domain(name)
        )),
        (DeclKind::Api, _) => sub(&format!(
            "https://${{{id}}}.execute-api.${{AWS::Region}}.${{AWS::URLSuffix}}"
        )),
        (_, _) => get_att(&id, "Arn"),
    }
}

/// The issuer of a JWT authorizer's tokens: the URL as written, or a user
/// pool's issuer URL.
pub fn jwt_issuer(issuer: &crate::model::JwtIssuer) -> Json {
    use crate::model::JwtIssuer;
    match issuer {
        JwtIssuer::Url(url) => text(url),
        JwtIssuer::Pool(pool) => sub(&format!(
            "https://cognito-idp.${{AWS::Region}}.${{AWS::URLSuffix}}/${{{}}}",
            logical(&pool.name)
        )),
    }
}

/// An audience of a JWT authorizer: the client ID as written, or the
/// generated ID of a user pool's client.
pub fn jwt_audience(audience: &crate::model::JwtAudience) -> Json {
    use crate::model::JwtAudience;
    match audience {
        JwtAudience::Text(t) => text(t),
        JwtAudience::Client { pool, client, .. } => r#ref(&super::ids::pool_client(pool, client)),
    }
}

/// The physical name of a bucket.
///
/// Buckets are named from the declaration and the stack's unique id, so that
/// their name and ARN are known before the bucket exists. A notification's
/// Lambda permission must exist before its bucket and names the bucket's ARN,
/// and the function's role may name it too: with `GetAtt` that is a cycle.
pub fn bucket_name(name: &str) -> Json {
    let prefix = bucket_prefix(name);
    json!({ "Fn::Join": ["-", [prefix, stack_uuid()]] })
}

/// The stack ID's UUID: unique per stack, known before any resource exists.
fn stack_uuid() -> Json {
    json!({ "Fn::Select": [2, { "Fn::Split": ["/", r#ref("AWS::StackId")] }] })
}

/// The declaration-derived part of a named queue's name: at most 38
/// characters (80 in all with a dash, the stack ID's UUID and `.fifo`).
pub fn queue_prefix(name: &str) -> String {
    name.chars().take(38).collect()
}

/// The physical name of a queue that has a dead-letter queue: fixed, so that
/// the dead-letter queue's redrive-allow policy can name it without a
/// dependency cycle (the queue names the dead-letter queue's ARN).
pub fn queue_name(name: &str, fifo: bool) -> Json {
    let mut parts = vec![json!(format!("{}-", queue_prefix(name))), stack_uuid()];
    if fifo {
        parts.push(json!(".fifo"));
    }
    json!({ "Fn::Join": ["", parts] })
}

/// The ARN of a queue whose name the spec fixes (`name = "..."`, possibly
/// with parameters), built from that name.
pub fn fixed_queue_arn(name: &str) -> Json {
    text(&format!(
        "arn:${{AWS::Partition}}:sqs:${{AWS::Region}}:${{AWS::AccountId}}:{name}"
    ))
}

/// The ARN of a named queue, built from its name ([`queue_name`]).
pub fn queue_arn_by_name(name: &str, fifo: bool) -> Json {
    let mut parts = vec![
        json!("arn:"),
        r#ref("AWS::Partition"),
        json!(":sqs:"),
        r#ref("AWS::Region"),
        json!(":"),
        r#ref("AWS::AccountId"),
        json!(format!(":{}-", queue_prefix(name))),
        stack_uuid(),
    ];
    if fifo {
        parts.push(json!(".fifo"));
    }
    json!({ "Fn::Join": ["", parts] })
}

/// The declaration-derived part of a bucket's physical name: lower case,
/// dashes for other characters, at most 26 characters (63 in all with the
/// stack id's 36-character UUID and a dash).
pub fn bucket_prefix(name: &str) -> String {
    let mut prefix: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    prefix.truncate(26);
    prefix.trim_matches('-').to_string()
}

/// A string of the spec where parameters may go, as the template holds it:
/// the string itself; `Ref` of the one parameter it consists of; or
/// `Fn::Sub` with each `${name}` rewritten to the parameter's logical ID.
pub fn text(s: &str) -> Json {
    use crate::naming::{ids::logical, references};
    let refs = references(s);
    if refs.is_empty() {
        return json!(s);
    }
    // Only `${!Text}` escapes: the text itself, without `Fn::Sub`.
    if refs.iter().all(|r| r.starts_with('!')) {
        return json!(s.replace("${!", "${"));
    }
    let target = |name: &str| {
        if name.starts_with("AWS::") || name.starts_with('!') {
            name.to_string()
        } else if let Some((head, attr)) = name.split_once('.') {
            // `${Cdn.DomainName}`: an attribute of a `resource`.
            format!("{}.{attr}", logical(head))
        } else {
            logical(name)
        }
    };
    if refs.len() == 1 && s == format!("${{{}}}", refs[0]) && !refs[0].starts_with('!') {
        return r#ref(&target(refs[0]));
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("${") {
        let after = &rest[i + 2..];
        let Some(j) = after.find('}') else { break };
        out.push_str(&rest[..i]);
        out.push_str("${");
        out.push_str(&target(&after[..j]));
        out.push('}');
        rest = &after[j + 1..];
    }
    out.push_str(rest);
    sub(&out)
}
