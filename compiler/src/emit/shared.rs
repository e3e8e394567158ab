//! Resources both targets emit the same way: storage, buses, rules,
//! schedules, push edges and their resource-based policies.

use super::Template;
use crate::ast::DeclKind;
use crate::model::*;
use crate::naming::ids::{self, logical};
use crate::naming::refs::{self, get_att, r#ref, sub};
use indexmap::IndexMap;
use serde_json::{json, Value as Json};

/// What must be known about push edges before their targets are emitted:
/// which services deliver to each queue and topic (one policy per queue or
/// topic, since a second `QueuePolicy` on a queue would replace the first),
/// and which functions each bucket notifies.
pub struct Plan {
    /// Statements of each queue's policy, by queue name.
    pub queue_statements: IndexMap<String, Vec<Json>>,
    /// Statements of each topic's policy, by topic name.
    pub topic_statements: IndexMap<String, Vec<Json>>,
    /// Notifications of each bucket: (function, trigger).
    pub bucket_triggers: IndexMap<String, Vec<(String, Trigger)>>,
    /// Routes served by each function: (api index, route index).
    pub routes: IndexMap<String, Vec<(usize, usize)>>,
    /// The logical-ID part of each route, per API, unique within the API.
    pub route_ids: Vec<Vec<String>>,
    /// The queues that name each dead-letter queue: (name, FIFO), by the
    /// dead-letter queue's name.
    pub redrive_sources: IndexMap<String, Vec<(String, bool)>>,
    /// Functions whose recursive loop detection is off (`RecursiveLoop:
    /// Allow`): every function of a loop that a `recursion = allow` accepts,
    /// since Lambda stops any function left on `Terminate`.
    pub recursion_allowed: std::collections::HashSet<String>,
}

/// Adds a statement to a policy; [`tidy_statements`] later drops repeats
/// and numbers clashing Sids, in one pass (checking each push against the
/// whole list was quadratic: 8,000 rules sending to one queue took 16 s).
fn push_statement(list: &mut Vec<Json>, statement: Json) {
    list.push(statement);
}

/// Drops each statement identical to one kept before it; a statement that
/// differs but has a taken Sid gets a numbered one (`Sid2`, `Sid3`, ...).
fn tidy_statements(list: &mut Vec<Json>) {
    let mut kept: std::collections::HashSet<String> = Default::default();
    let mut sids: std::collections::HashSet<String> = Default::default();
    // The next number to try per Sid: every lower one is taken.
    let mut next: std::collections::HashMap<String, usize> = Default::default();
    let mut out = Vec::with_capacity(list.len());
    for mut statement in list.drain(..) {
        if kept.contains(&statement.to_string()) {
            continue;
        }
        if !sids.insert(statement["Sid"].to_string()) {
            let base = statement["Sid"].as_str().unwrap_or("Statement").to_string();
            let mut n = next.get(&base).copied().unwrap_or(2);
            while !sids.insert(json!(format!("{base}{n}")).to_string()) {
                n += 1;
            }
            statement["Sid"] = json!(format!("{base}{n}"));
            next.insert(base, n + 1);
        }
        kept.insert(statement.to_string());
        out.push(statement);
    }
    *list = out;
}

fn allow_service(sid: &str, service: &str, action: &str, resource: Json, source_arn: Json) -> Json {
    json!({
        "Sid": sid,
        "Effect": "Allow",
        "Principal": { "Service": service },
        "Action": action,
        "Resource": resource,
        "Condition": {
            "ArnEquals": { "aws:SourceArn": source_arn },
            "StringEquals": { "aws:SourceAccount": this_account() },
        },
    })
}

/// This stack's account, for `aws:SourceAccount` and `SourceAccount`.
fn this_account() -> Json {
    r#ref("AWS::AccountId")
}

impl Plan {
    /// Collects the push edges of a model.
    pub fn new(model: &Model) -> Plan {
        let mut redrive_sources: IndexMap<String, Vec<(String, bool)>> = IndexMap::new();
        for q in &model.queues {
            if let Some((d, _)) = &q.dead_letter {
                redrive_sources
                    .entry(d.name.clone())
                    .or_default()
                    .push((q.name.clone(), q.fifo));
            }
        }
        let mut plan = Plan {
            queue_statements: IndexMap::new(),
            topic_statements: IndexMap::new(),
            bucket_triggers: IndexMap::new(),
            routes: IndexMap::new(),
            route_ids: Vec::new(),
            redrive_sources,
            recursion_allowed: crate::check::loops::recursion_allowed(model),
        };
        for api in &model.apis {
            // `/orders/{id}` and `/orders/by/id` read alike: later routes
            // that would clash take a number, in source order.
            let mut ids: Vec<String> = Vec::new();
            for route in &api.routes {
                let base = ids::route(&route.method, &route.path.value);
                let mut id = base.clone();
                let mut n = 2;
                while ids.contains(&id) {
                    id = format!("{base}{n}");
                    n += 1;
                }
                ids.push(id);
            }
            plan.route_ids.push(ids);
        }
        for (a, api) in model.apis.iter().enumerate() {
            for (r, route) in api.routes.iter().enumerate() {
                plan.routes
                    .entry(route.function.name.clone())
                    .or_default()
                    .push((a, r));
            }
        }
        let rule_edge = |plan: &mut Plan, source: &str, target: &Ref| {
            let rule_arn = get_att(&logical(source), "Arn");
            match target.kind {
                DeclKind::Queue => push_statement(
                    plan.queue_statements
                        .entry(target.name.clone())
                        .or_default(),
                    allow_service(
                        &format!("From{}", logical(source)),
                        "events.amazonaws.com",
                        "sqs:SendMessage",
                        get_att(&logical(&target.name), "Arn"),
                        rule_arn,
                    ),
                ),
                DeclKind::Topic => push_statement(
                    plan.topic_statements
                        .entry(target.name.clone())
                        .or_default(),
                    allow_service(
                        &format!("From{}", logical(source)),
                        "events.amazonaws.com",
                        "sns:Publish",
                        r#ref(&logical(&target.name)),
                        rule_arn,
                    ),
                ),
                _ => {}
            }
        };
        for r in &model.rules {
            for t in &r.targets {
                rule_edge(&mut plan, &r.name, t);
            }
            if let Some(d) = &r.dead_letter {
                rule_edge(&mut plan, &r.name, d);
            }
        }
        // The dead-letter queues of functions' subscriptions, by topic.
        let mut function_dlqs: IndexMap<&str, Vec<&Ref>> = IndexMap::new();
        for f in &model.functions {
            for tr in &f.triggers {
                if let Trigger::Topic {
                    topic,
                    dead_letter: Some(d),
                    ..
                } = tr
                {
                    function_dlqs
                        .entry(topic.name.as_str())
                        .or_default()
                        .push(d);
                }
            }
        }
        for t in &model.topics {
            // The subscribed queues and the subscriptions' dead-letter queues.
            let receivers = t
                .subscriptions
                .iter()
                .flat_map(|s| std::iter::once(&s.queue).chain(&s.dead_letter));
            let from_functions = function_dlqs
                .get(t.name.as_str())
                .into_iter()
                .flatten()
                .copied();
            for q in receivers.chain(from_functions) {
                push_statement(
                    plan.queue_statements.entry(q.name.clone()).or_default(),
                    allow_service(
                        &format!("From{}", logical(&t.name)),
                        "sns.amazonaws.com",
                        "sqs:SendMessage",
                        get_att(&logical(&q.name), "Arn"),
                        r#ref(&logical(&t.name)),
                    ),
                );
            }
        }
        for f in &model.functions {
            for tr in &f.triggers {
                if let Trigger::Bucket { bucket, .. } = tr {
                    plan.bucket_triggers
                        .entry(bucket.name.clone())
                        .or_default()
                        .push((f.name.clone(), tr.clone()));
                }
            }
        }
        for list in plan.queue_statements.values_mut() {
            tidy_statements(list);
        }
        for list in plan.topic_statements.values_mut() {
            tidy_statements(list);
        }
        plan
    }
}

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
fn stateful(kind: &str, on_delete: &OnDelete, props: Json) -> Json {
    json!({
        "Type": kind,
        "DeletionPolicy": on_delete.policy(),
        "UpdateReplacePolicy": on_delete.policy(),
        "Properties": props,
    })
}

fn with_tags(model: &Model, mut props: Json) -> Json {
    if !model.tags.is_empty() {
        props["Tags"] = tag_list(model);
    }
    props
}

/// Records where the function properties the spec sets come from; both
/// targets write them under the same names.
pub fn function_provenance(f: &Function, id: &str, t: &mut Template) {
    t.prop(id, "Handler", f.handler.span);
    t.prop(id, "Runtime", f.runtime.span);
    t.prop(id, "MemorySize", f.memory.span);
    t.prop(id, "Timeout", f.timeout.span);
    if let Some(c) = &f.concurrency {
        t.prop(id, "ReservedConcurrentExecutions", c.span);
    }
    for (key, _) in &f.env {
        t.prop(
            id,
            &format!("Environment/Variables/{}", key.value),
            key.span,
        );
    }
}

/// A function's log group, with its retention.
pub fn log_group(model: &Model, f: &Function, t: &mut Template) {
    let mut props = json!({ "RetentionInDays": f.log_retention.value });
    if model.customer_key {
        props["KmsKeyId"] = key_arn();
    }
    t.deletion(&ids::log_group(&f.name), model.on_delete.span);
    t.add(
        ids::log_group(&f.name),
        stateful(
            "AWS::Logs::LogGroup",
            &model.on_delete.value,
            with_tags(model, props),
        ),
    );
}

/// The access-log format of HTTP APIs: one JSON object per request.
const ACCESS_LOG_FORMAT: &str = r#"{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","requestTime":"$context.requestTime","httpMethod":"$context.httpMethod","routeKey":"$context.routeKey","status":"$context.status","protocol":"$context.protocol","responseLength":"$context.responseLength","integrationError":"$context.integrationErrorMessage"}"#;

/// The access-log format of REST APIs: as [`ACCESS_LOG_FORMAT`], with the
/// resource path where HTTP APIs have a route key.
const REST_ACCESS_LOG_FORMAT: &str = r#"{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","requestTime":"$context.requestTime","httpMethod":"$context.httpMethod","resourcePath":"$context.resourcePath","status":"$context.status","protocol":"$context.protocol","responseLength":"$context.responseLength","integrationError":"$context.integrationErrorMessage"}"#;

/// An API's access-log setting, with its log group `<A>AccessLogs` (kept as
/// long as the app's function logs); None when the API has no access logs.
/// The same object is SAM's `AccessLogSetting(s)` and the stage's.
pub fn access_logs(model: &Model, api: &Api, t: &mut Template) -> Option<Json> {
    if !api.access_logs {
        return None;
    }
    let id = format!("{}AccessLogs", logical(&api.name));
    let mut props = json!({ "RetentionInDays": model.log_retention });
    if model.customer_key {
        props["KmsKeyId"] = key_arn();
    }
    t.add(
        id.clone(),
        stateful(
            "AWS::Logs::LogGroup",
            &model.on_delete.value,
            with_tags(model, props),
        ),
    );
    let format = if api.rest {
        REST_ACCESS_LOG_FORMAT
    } else {
        ACCESS_LOG_FORMAT
    };
    Some(json!({ "DestinationArn": get_att(&id, "Arn"), "Format": format }))
}

/// The settings of a queue or stream trigger, named as both SAM events and
/// `AWS::Lambda::EventSourceMapping` name them; `source` is the property
/// naming the source (`Queue`, `Stream`, or `EventSourceArn`). None for push
/// triggers.
pub fn mapping_properties(model: &Model, trigger: &Trigger, source: Option<&str>) -> Option<Json> {
    let (arn, batch, window, partial) = match trigger {
        Trigger::Queue {
            queue,
            batch,
            window,
            partial_failures,
            ..
        } => (
            get_att(&logical(&queue.name), "Arn"),
            batch,
            window,
            partial_failures,
        ),
        Trigger::Stream {
            source: table,
            batch,
            window,
            partial_failures,
            ..
        } => (
            // A table's stream, or a Kinesis stream itself.
            if table.kind == DeclKind::Table {
                get_att(&logical(&table.name), "StreamArn")
            } else {
                get_att(&logical(&table.name), "Arn")
            },
            batch,
            window,
            partial_failures,
        ),
        Trigger::Bucket { .. } | Trigger::Topic { .. } => return None,
    };
    let mut p = json!({});
    let key = source.unwrap_or(if matches!(trigger, Trigger::Queue { .. }) {
        "Queue"
    } else {
        "Stream"
    });
    p[key] = arn;
    if let Trigger::Stream { start, .. } = trigger {
        p["StartingPosition"] = json!(match start {
            StartPosition::Latest => "LATEST",
            StartPosition::TrimHorizon => "TRIM_HORIZON",
        });
    }
    p["BatchSize"] = json!(batch.value);
    if let Some(w) = window {
        p["MaximumBatchingWindowInSeconds"] = json!(w.value);
    }
    if let Trigger::Stream {
        retries,
        bisect,
        max_age,
        parallelization,
        on_failure,
        ..
    } = trigger
    {
        if let Some(r) = retries {
            p["MaximumRetryAttempts"] = json!(r.value);
        }
        if *bisect {
            p["BisectBatchOnFunctionError"] = json!(true);
        }
        if let Some(a) = max_age {
            p["MaximumRecordAgeInSeconds"] = json!(a.value);
        }
        if let Some(n) = parallelization {
            p["ParallelizationFactor"] = json!(n.value);
        }
        if let Some(d) = on_failure {
            // No SAM `Type`: the role is ours, so SAM must add no policy.
            p["DestinationConfig"] =
                json!({ "OnFailure": { "Destination": refs::arn(model, d.kind, &d.name) } });
        }
    }
    if let Trigger::Queue {
        max_concurrency: Some(n),
        ..
    } = trigger
    {
        p["ScalingConfig"] = json!({ "MaximumConcurrency": n.value });
    }
    if *partial {
        p["FunctionResponseTypes"] = json!(["ReportBatchItemFailures"]);
    }
    Some(p)
}

/// The Lambda permission of an API route: any stage, this method, this path
/// (path parameters as wildcards).
pub fn route_permission(api_id: &str, function_id: &str, route: &Route) -> Json {
    let method = if route.method == "ANY" {
        "*"
    } else {
        route.method.as_str()
    };
    let path: Vec<&str> = route
        .path
        .value
        .split('/')
        .map(|s| if s.starts_with('{') { "*" } else { s })
        .collect();
    let source = format!(
        "arn:${{AWS::Partition}}:execute-api:${{AWS::Region}}:${{AWS::AccountId}}:${{{api_id}}}/*/{method}{}",
        path.join("/")
    );
    permission(function_id, "apigateway.amazonaws.com", sub(&source))
}

pub use crate::naming::{key_arn, KEY};

/// The app's KMS key. Its policy lets the account's IAM policies grant its
/// use (roles get exactly the `kms:` actions their verbs need), CloudWatch
/// Logs encrypt this account's log groups (`kms:EncryptionContext:aws:logs:arn`),
/// and EventBridge and SNS deliver to the queues and topics it encrypts,
/// for this account's rules and topics only (`aws:SourceAccount`,
/// `aws:SourceArn`). A key policy's `Resource` is always
/// `*`: it means the key itself.
pub fn key(model: &Model, t: &mut Template) {
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

/// A function's environment variables.
pub fn environment(model: &Model, f: &Function) -> Option<Json> {
    if f.env.is_empty() {
        return None;
    }
    let vars: serde_json::Map<String, Json> = f
        .env
        .iter()
        .map(|(k, v)| {
            let value = match v {
                EnvValue::Literal(s) => json!(s),
                EnvValue::Attr(r, a) => refs::value(model, r.kind, &r.name, *a),
            };
            (k.value.clone(), value)
        })
        .collect();
    Some(json!({ "Variables": vars }))
}

/// Resources for a function's push triggers: the topic subscription or the
/// permission a bucket needs to invoke it.
pub fn function_push_edges(model: &Model, f: &Function, t: &mut Template) {
    let fid = logical(&f.name);
    let mut buckets_done: Vec<&str> = Vec::new();
    for tr in &f.triggers {
        match tr {
            Trigger::Topic {
                topic, dead_letter, ..
            } => {
                let tid = logical(&topic.name);
                let mut sub = json!({
                    "Type": "AWS::SNS::Subscription",
                    "Properties": {
                        "TopicArn": r#ref(&tid),
                        "Protocol": "lambda",
                        "Endpoint": get_att(&fid, "Arn"),
                    },
                });
                if let Some(dlq) = dead_letter {
                    let did = logical(&dlq.name);
                    sub["Properties"]["RedrivePolicy"] =
                        json!({ "deadLetterTargetArn": get_att(&did, "Arn") });
                    sub["DependsOn"] = json!([format!("{did}Policy")]);
                }
                t.add(format!("{fid}{tid}Subscription"), sub);
                t.add(
                    format!("{fid}{tid}Permission"),
                    permission(&fid, "sns.amazonaws.com", r#ref(&tid)),
                );
            }
            Trigger::Bucket { bucket, .. } => {
                // One permission covers every notification of this bucket.
                if buckets_done.contains(&bucket.name.as_str()) {
                    continue;
                }
                buckets_done.push(&bucket.name);
                let bid = logical(&bucket.name);
                let source_arn = refs::attr(DeclKind::Bucket, &bucket.name, Attr::Arn);
                t.add(
                    format!("{fid}{bid}Permission"),
                    permission(&fid, "s3.amazonaws.com", source_arn),
                );
            }
            _ => {}
        }
    }
    let _ = model;
}

/// An `AWS::Lambda::Permission` for a service to invoke a function: only
/// from `source_arn`, and only from this account (`SourceAccount`: bucket
/// ARNs carry no account, and with it every permission closes the
/// confused-deputy gap the same way).
pub fn permission(function_id: &str, service: &str, source_arn: Json) -> Json {
    json!({
        "Type": "AWS::Lambda::Permission",
        "Properties": {
            "Action": "lambda:InvokeFunction",
            "FunctionName": r#ref(function_id),
            "Principal": service,
            "SourceArn": source_arn,
            "SourceAccount": this_account(),
        },
    })
}

/// A queue, with its redrive policy and, when anything delivers to it, its one policy.
pub fn queue(model: &Model, plan: &Plan, q: &Queue, t: &mut Template) {
    let id = logical(&q.name);
    let mut props = json!({});
    if q.fifo {
        props["FifoQueue"] = json!(true);
        if q.content_dedup.as_ref().is_some_and(|c| c.value) {
            props["ContentBasedDeduplication"] = json!(true);
        }
    }
    props["VisibilityTimeout"] = json!(q.visibility.value);
    props["MessageRetentionPeriod"] = json!(q.retention.value);
    if let Some((dlq, n)) = &q.dead_letter {
        props["QueueName"] = refs::queue_name(&q.name, q.fifo);
        props["RedrivePolicy"] = json!({
            "deadLetterTargetArn": get_att(&logical(&dlq.name), "Arn"),
            "maxReceiveCount": n.value,
        });
    }
    // Only the queues that name this one as their dead-letter queue may
    // move messages here.
    let sources: Vec<Json> = plan
        .redrive_sources
        .get(&q.name)
        .into_iter()
        .flatten()
        .map(|(name, fifo)| refs::queue_arn_by_name(name, *fifo))
        .collect();
    if !sources.is_empty() {
        props["RedriveAllowPolicy"] =
            json!({ "redrivePermission": "byQueue", "sourceQueueArns": sources });
    }
    if model.customer_key {
        props["KmsMasterKeyId"] = key_arn();
    } else {
        props["SqsManagedSseEnabled"] = json!(true);
    }
    t.prop(&id, "VisibilityTimeout", q.visibility.span);
    t.prop(&id, "MessageRetentionPeriod", q.retention.span);
    if let Some((dlq, n)) = &q.dead_letter {
        t.prop(&id, "RedrivePolicy/deadLetterTargetArn", dlq.span);
        t.prop(&id, "RedrivePolicy", n.span);
    }
    t.deletion(&id, q.on_delete.span);
    t.add(
        id.clone(),
        stateful(
            "AWS::SQS::Queue",
            &q.on_delete.value,
            with_tags(model, props),
        ),
    );
    if let Some(statements) = plan.queue_statements.get(&q.name) {
        t.add(
            format!("{id}Policy"),
            json!({
                "Type": "AWS::SQS::QueuePolicy",
                "Properties": {
                    "Queues": [r#ref(&id)],
                    "PolicyDocument": { "Version": "2012-10-17", "Statement": statements },
                },
            }),
        );
    }
}

/// A topic, its policy when a rule publishes to it, and its queue subscriptions.
/// `policy(i)` is the filter policy `check` proved for subscription `i`.
pub fn topic<'p>(
    model: &Model,
    plan: &Plan,
    tp: &Topic,
    policy: &dyn Fn(usize) -> Option<&'p Json>,
    t: &mut Template,
) {
    let id = logical(&tp.name);
    let mut props = json!({});
    if tp.fifo {
        props["FifoTopic"] = json!(true);
        if tp.content_dedup.as_ref().is_some_and(|c| c.value) {
            props["ContentBasedDeduplication"] = json!(true);
        }
    }
    // SNS's AWS managed key cannot be used by EventBridge: with the app's
    // key rules can still publish.
    if model.customer_key {
        props["KmsMasterKeyId"] = key_arn();
    }
    t.add(
        id.clone(),
        json!({ "Type": "AWS::SNS::Topic", "Properties": with_tags(model, props) }),
    );
    if let Some(statements) = plan.topic_statements.get(&tp.name) {
        t.add(
            format!("{id}Policy"),
            json!({
                "Type": "AWS::SNS::TopicPolicy",
                "Properties": {
                    "Topics": [r#ref(&id)],
                    "PolicyDocument": { "Version": "2012-10-17", "Statement": statements },
                },
            }),
        );
    }
    for (si, s) in tp.subscriptions.iter().enumerate() {
        let qid = logical(&s.queue.name);
        // Deliveries before the queue policies exist would be refused.
        let mut deps = vec![json!(format!("{qid}Policy"))];
        let mut props = json!({
            "TopicArn": r#ref(&id),
            "Protocol": "sqs",
            "Endpoint": get_att(&qid, "Arn"),
            "RawMessageDelivery": true,
        });
        if let Some(policy) = policy(si) {
            props["FilterPolicyScope"] = json!("MessageBody");
            props["FilterPolicy"] = policy.clone();
        }
        if let Some(dlq) = &s.dead_letter {
            let did = logical(&dlq.name);
            props["RedrivePolicy"] = json!({ "deadLetterTargetArn": get_att(&did, "Arn") });
            deps.push(json!(format!("{did}Policy")));
        }
        deps.dedup();
        t.add(
            format!("{id}{qid}Subscription"),
            json!({ "Type": "AWS::SNS::Subscription", "DependsOn": deps, "Properties": props }),
        );
    }
}

/// A Kinesis data stream, encrypted with the app's key (or Kinesis's AWS
/// managed key).
pub fn data_stream(model: &Model, s: &DataStream, t: &mut Template) {
    let mut props = json!({});
    match &s.shards {
        Some(n) => {
            props["StreamModeDetails"] = json!({ "StreamMode": "PROVISIONED" });
            props["ShardCount"] = json!(n.value);
        }
        None => props["StreamModeDetails"] = json!({ "StreamMode": "ON_DEMAND" }),
    }
    props["RetentionPeriodHours"] = json!(s.retention.value / 3_600);
    props["StreamEncryption"] = if model.customer_key {
        json!({ "EncryptionType": "KMS", "KeyId": key_arn() })
    } else {
        json!({ "EncryptionType": "KMS", "KeyId": "alias/aws/kinesis" })
    };
    t.deletion(&logical(&s.name), s.on_delete.span);
    t.add(
        logical(&s.name),
        stateful(
            "AWS::Kinesis::Stream",
            &s.on_delete.value,
            with_tags(model, props),
        ),
    );
}

/// A custom event bus, named after the stack.
pub fn bus(model: &Model, b: &Bus, t: &mut Template) {
    t.add(
        logical(&b.name),
        json!({
            "Type": "AWS::Events::EventBus",
            "Properties": with_tags(model, json!({ "Name": sub(&format!("${{AWS::StackName}}-{}", b.name)) })),
        }),
    );
}

/// A table with its keys, billing, stream, point-in-time recovery and encryption.
pub fn table(model: &Model, tb: &Table, t: &mut Template) {
    let type_code = |k: KeyType| match k {
        KeyType::String => "S",
        KeyType::Number => "N",
        KeyType::Binary => "B",
    };
    // Every attribute named by the table's key or an index's, once, in the
    // order first named (CloudFormation rejects one defined but unused).
    let mut attrs: Vec<Json> = Vec::new();
    let mut named: Vec<&str> = Vec::new();
    for (n, k) in tb
        .key
        .iter()
        .chain(tb.indexes.iter().flat_map(|i| i.key.iter()))
    {
        if !named.contains(&n.as_str()) {
            named.push(n);
            attrs.push(json!({ "AttributeName": n, "AttributeType": type_code(*k) }));
        }
    }
    let key_schema = |key: &[&(String, KeyType)]| -> Vec<Json> {
        key.iter()
            .enumerate()
            .map(|(i, (n, _))| json!({ "AttributeName": n, "KeyType": if i == 0 { "HASH" } else { "RANGE" } }))
            .collect()
    };
    let schema = key_schema(&tb.key.iter().collect::<Vec<_>>());
    let mut props = json!({ "AttributeDefinitions": attrs, "KeySchema": schema });
    let throughput = match &tb.billing {
        Billing::OnDemand => {
            props["BillingMode"] = json!("PAY_PER_REQUEST");
            None
        }
        Billing::Provisioned { read, write } => {
            props["BillingMode"] = json!("PROVISIONED");
            let t = json!({ "ReadCapacityUnits": read.value, "WriteCapacityUnits": write.value });
            props["ProvisionedThroughput"] = t.clone();
            Some(t)
        }
    };
    let mut global = Vec::new();
    let mut local = Vec::new();
    for index in &tb.indexes {
        // A local index's key is the table's partition key and its own sort key.
        let key: Vec<&(String, KeyType)> = if index.local {
            tb.key.iter().take(1).chain(index.key.iter()).collect()
        } else {
            index.key.iter().collect()
        };
        let mut entry = json!({
            "IndexName": index.name.value,
            "KeySchema": key_schema(&key),
            "Projection": { "ProjectionType": "ALL" },
        });
        if index.local {
            local.push(entry);
        } else {
            // A provisioned table's global indexes need their own throughput.
            if let Some(t) = &throughput {
                entry["ProvisionedThroughput"] = t.clone();
            }
            global.push(entry);
        }
    }
    if !global.is_empty() {
        props["GlobalSecondaryIndexes"] = json!(global);
    }
    if !local.is_empty() {
        props["LocalSecondaryIndexes"] = json!(local);
    }
    if let Some(view) = tb.stream {
        let v = match view {
            StreamView::KeysOnly => "KEYS_ONLY",
            StreamView::NewImage => "NEW_IMAGE",
            StreamView::OldImage => "OLD_IMAGE",
            StreamView::NewAndOldImages => "NEW_AND_OLD_IMAGES",
        };
        props["StreamSpecification"] = json!({ "StreamViewType": v });
    }
    props["PointInTimeRecoverySpecification"] = json!({ "PointInTimeRecoveryEnabled": true });
    props["SSESpecification"] = if model.customer_key {
        json!({ "SSEEnabled": true, "SSEType": "KMS", "KMSMasterKeyId": key_arn() })
    } else {
        json!({ "SSEEnabled": true })
    };
    t.deletion(&logical(&tb.name), tb.on_delete.span);
    t.add(
        logical(&tb.name),
        stateful(
            "AWS::DynamoDB::Table",
            &tb.on_delete.value,
            with_tags(model, props),
        ),
    );
}

/// A bucket: encrypted, public access blocked, with its notifications, and
/// its policy `<B>Policy`, which denies requests without TLS.
pub fn bucket(model: &Model, plan: &Plan, b: &Bucket, t: &mut Template) {
    let id = logical(&b.name);
    let mut props = json!({
        "BucketEncryption": {
            "ServerSideEncryptionConfiguration": [{ "ServerSideEncryptionByDefault": { "SSEAlgorithm": "AES256" } }],
        },
        "PublicAccessBlockConfiguration": {
            "BlockPublicAcls": true,
            "BlockPublicPolicy": true,
            "IgnorePublicAcls": true,
            "RestrictPublicBuckets": true,
        },
    });
    props["BucketName"] = refs::bucket_name(&b.name);
    if b.versioning {
        // Overwritten and deleted objects stay recoverable.
        props["VersioningConfiguration"] = json!({ "Status": "Enabled" });
    }
    let mut depends = Vec::new();
    let mut notifications = serde_json::Map::new();
    if b.eventbridge {
        notifications.insert(
            "EventBridgeConfiguration".into(),
            json!({ "EventBridgeEnabled": true }),
        );
    }
    if let Some(triggers) = plan.bucket_triggers.get(&b.name) {
        let mut configs = Vec::new();
        for (fname, tr) in triggers {
            let Trigger::Bucket {
                events,
                prefix,
                suffix,
                ..
            } = tr
            else {
                continue;
            };
            let fid = logical(fname);
            let dep = json!(format!("{fid}{id}Permission"));
            if !depends.contains(&dep) {
                depends.push(dep);
            }
            let mut rules = Vec::new();
            if let Some(p) = prefix {
                rules.push(json!({ "Name": "prefix", "Value": p }));
            }
            if let Some(s) = suffix {
                rules.push(json!({ "Name": "suffix", "Value": s }));
            }
            for e in events {
                let event = match e {
                    BucketEvent::Created => "s3:ObjectCreated:*",
                    BucketEvent::Removed => "s3:ObjectRemoved:*",
                };
                let mut c = json!({ "Event": event, "Function": get_att(&fid, "Arn") });
                if !rules.is_empty() {
                    c["Filter"] = json!({ "S3Key": { "Rules": rules } });
                }
                configs.push(c);
            }
        }
        notifications.insert("LambdaConfigurations".into(), Json::Array(configs));
    }
    if !notifications.is_empty() {
        props["NotificationConfiguration"] = Json::Object(notifications);
    }
    let policy = b.on_delete.value.policy();
    let mut res = json!({
        "Type": "AWS::S3::Bucket",
        "DeletionPolicy": policy,
        "UpdateReplacePolicy": policy,
    });
    if !depends.is_empty() {
        // S3 tests the notification target when the bucket is configured:
        // the permissions must exist first.
        res["DependsOn"] = Json::Array(depends);
    }
    res["Properties"] = with_tags(model, props);
    t.deletion(&id, b.on_delete.span);
    t.add(id.clone(), res);
    // Plain-HTTP requests are refused, to the bucket and to its objects.
    t.add(
        format!("{id}Policy"),
        json!({
            "Type": "AWS::S3::BucketPolicy",
            "Properties": {
                "Bucket": r#ref(&id),
                "PolicyDocument": {
                    "Version": "2012-10-17",
                    "Statement": [{
                        "Sid": "DenyInsecureTransport",
                        "Effect": "Deny",
                        "Principal": "*",
                        "Action": "s3:*",
                        "Resource": [get_att(&id, "Arn"), sub(&format!("${{{id}.Arn}}/*"))],
                        "Condition": { "Bool": { "aws:SecureTransport": "false" } },
                    }],
                },
            },
        }),
    );
}

/// An EventBridge target's retry policy and dead-letter config.
fn delivery(target: &mut Json, retry: &RetryPolicy, dead_letter: Option<&Ref>) {
    if retry.attempts.is_some() || retry.max_age.is_some() {
        let mut p = json!({});
        if let Some(a) = &retry.attempts {
            p["MaximumRetryAttempts"] = json!(a.value);
        }
        if let Some(m) = &retry.max_age {
            p["MaximumEventAgeInSeconds"] = json!(m.value);
        }
        target["RetryPolicy"] = p;
    }
    if let Some(d) = dead_letter {
        target["DeadLetterConfig"] = json!({ "Arn": get_att(&logical(&d.name), "Arn") });
    }
}

/// An EventBridge rule with its pattern, targets and the permissions of its function targets.
/// `pattern` is the one `check` proved for the rule's filter.
pub fn rule(model: &Model, r: &Rule, pattern: Option<&Json>, t: &mut Template) {
    let id = logical(&r.name);
    let mut targets = Vec::new();
    for target in &r.targets {
        let tid = logical(&target.name);
        let mut tj = json!({ "Id": tid, "Arn": refs::arn(model, target.kind, &target.name) });
        if target.kind == DeclKind::Queue && model.queue(&target.name).is_some_and(|q| q.fifo) {
            tj["SqsParameters"] = json!({ "MessageGroupId": r.name });
        }
        delivery(&mut tj, &r.retry, r.dead_letter.as_ref());
        targets.push(tj);
    }
    let mut props = json!({});
    if let Some(b) = &r.bus {
        props["EventBusName"] = r#ref(&logical(&b.name));
    }
    props["EventPattern"] = pattern.cloned().unwrap_or(json!({}));
    props["State"] = json!("ENABLED");
    props["Targets"] = Json::Array(targets);
    t.prop(&id, "EventPattern", r.event.span);
    for (i, target) in r.targets.iter().enumerate() {
        t.prop(&id, &format!("Targets/{i}"), target.span);
    }
    // No DependsOn on the queue or topic policies: they name this rule's ARN
    // in their conditions, so they are created after it.
    t.add(
        id.clone(),
        json!({ "Type": "AWS::Events::Rule", "Properties": props }),
    );
    for target in r.targets.iter().filter(|t| t.kind == DeclKind::Function) {
        let fid = logical(&target.name);
        t.add(
            format!("{id}{fid}Permission"),
            permission(&fid, "events.amazonaws.com", get_att(&id, "Arn")),
        );
    }
}

/// An EventBridge Scheduler schedule and the role it invokes its function
/// with (Scheduler uses a role, not the function's resource policy, and the
/// same role to send to the dead-letter queue).
pub fn schedule(model: &Model, s: &Schedule, t: &mut Template) {
    let id = logical(&s.name);
    let expr = match &s.kind {
        ScheduleKind::Rate(r) => r.value.clone(),
        ScheduleKind::Cron(c) => format!("cron({})", c.value),
    };
    let fid = logical(&s.target.name);
    let role = ids::role(&s.name);
    super::roles::add_schedule_role(model, s, t);
    let mut target = json!({ "Arn": get_att(&fid, "Arn"), "RoleArn": get_att(&role, "Arn") });
    delivery(&mut target, &s.retry, s.dead_letter.as_ref());
    let window = match &s.window {
        Some(w) => json!({ "Mode": "FLEXIBLE", "MaximumWindowInMinutes": w.value / 60 }),
        None => json!({ "Mode": "OFF" }),
    };
    let mut props = json!({
        "ScheduleExpression": expr,
        "FlexibleTimeWindow": window,
        "State": "ENABLED",
        "Target": target,
    });
    if let Some(tz) = &s.timezone {
        props["ScheduleExpressionTimezone"] = json!(tz.value);
    }
    t.add(
        id,
        json!({ "Type": "AWS::Scheduler::Schedule", "Properties": props }),
    );
}

/// SAM's name for a destination type, and the ARN of the destination.
pub fn destination(model: &Model, dest: &Ref) -> (&'static str, Json) {
    let kind = match dest.kind {
        DeclKind::Queue => "SQS",
        DeclKind::Topic => "SNS",
        DeclKind::Function => "Lambda",
        DeclKind::Bucket => "S3Bucket",
        _ => "EventBridge",
    };
    (kind, refs::arn(model, dest.kind, &dest.name))
}
