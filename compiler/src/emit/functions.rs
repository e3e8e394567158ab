//! What both targets emit the same way for functions: log groups,
//! environments, event source mapping settings, destinations, and push
//! edges (subscriptions, bucket and rule permissions).

use super::plan::Plan;
use super::shared::{key_arn, permission, stateful, with_tags};
use super::Template;
use crate::ast::DeclKind;
use crate::model::*;
use crate::naming::ids::{self, logical};
use crate::naming::refs::{self, get_att, Invoked};
use serde_json::{json, Value as Json};

/// Records where the function properties the spec sets come from; both
/// targets write them under the same names (a container image's URI is
/// recorded by each target: SAM's `ImageUri` is CloudFormation's
/// `Code.ImageUri`).
pub fn function_provenance(f: &Function, id: &str, t: &mut Template) {
    if let Package::Zip {
        handler, runtime, ..
    } = &f.package
    {
        t.prop(id, "Handler", handler.span);
        t.prop(id, "Runtime", runtime.span);
    }
    if let Some(at) = f.snap_start {
        t.prop(id, "SnapStart", at);
    }
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

/// The settings of a queue or stream trigger, named as both SAM events and
/// `AWS::Lambda::EventSourceMapping` name them; `source` is the property
/// naming the source (`Queue`, `Stream`, or `EventSourceArn`). None for push
/// triggers.
pub fn mapping_properties(
    model: &Model,
    function: &str,
    trigger: &Trigger,
    source: Option<&str>,
    filter: Option<&Vec<String>>,
) -> Option<Json> {
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
            // A table's stream, a Kinesis stream's consumer, or the
            // Kinesis stream itself.
            if let Trigger::Stream {
                consumer: Some(_), ..
            } = trigger
            {
                get_att(
                    &crate::naming::ids::consumer(function, &table.name),
                    "ConsumerARN",
                )
            } else if table.kind == DeclKind::Table {
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
    if let Some(patterns) = filter {
        let filters: Vec<Json> = patterns.iter().map(|p| json!({ "Pattern": p })).collect();
        p["FilterCriteria"] = json!({ "Filters": filters });
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

/// A function's `LoggingConfig`: its own log group, and JSON records with
/// their levels when the spec asks for them.
pub fn logging_config(f: &Function) -> Json {
    let mut config = json!({ "LogGroup": refs::r#ref(&ids::log_group(&f.name)) });
    if f.logging.json {
        config["LogFormat"] = json!("JSON");
        if let Some(level) = f.logging.level {
            config["ApplicationLogLevel"] = json!(level);
        }
        if let Some(level) = f.logging.system_level {
            config["SystemLogLevel"] = json!(level);
        }
    }
    config
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
                EnvValue::Literal(s) => super::shared::text(s),
                EnvValue::Attr(r, a) => refs::value(model, r.kind, &r.name, *a),
            };
            (k.value.clone(), value)
        })
        .collect();
    Some(json!({ "Variables": vars }))
}

/// Resources for a function's push triggers: the topic subscription or the
/// permission a bucket needs to invoke it.
pub fn function_push_edges(model: &Model, plan: &Plan, f: &Function, t: &mut Template) {
    let fid = logical(&f.name);
    let target = Invoked::of(model, &f.name);
    let mut buckets_done: Vec<&str> = Vec::new();
    for tr in &f.triggers {
        // An enhanced fan-out consumer the trigger reads through.
        if let Trigger::Stream {
            source,
            consumer: Some(name),
            ..
        } = tr
        {
            let id = crate::naming::ids::consumer(&f.name, &source.name);
            t.add(
                id.clone(),
                json!({
                    "Type": "AWS::Kinesis::StreamConsumer",
                    "Properties": {
                        "ConsumerName": name.value,
                        "StreamARN": get_att(&logical(&source.name), "Arn"),
                    },
                }),
            );
            t.prop(&id, "ConsumerName", name.span);
        }
    }
    for (ti, tr) in f.triggers.iter().enumerate() {
        match tr {
            Trigger::Topic {
                topic,
                dead_letter,
                on_attributes,
                ..
            } => {
                let tid = logical(&topic.name);
                let topic_arn = refs::arn(model, DeclKind::Topic, &topic.name);
                let mut sub = json!({
                    "Type": "AWS::SNS::Subscription",
                    "Properties": {
                        "TopicArn": topic_arn,
                        "Protocol": "lambda",
                        "Endpoint": target.arn(),
                    },
                });
                // A topic of another region is subscribed to in its region.
                if let Some(region) = model.topic(&topic.name).and_then(|t| t.arn_region()) {
                    sub["Properties"]["Region"] = json!(region);
                }
                if let Some(policy) = plan.topic_trigger_policies.get(&(f.name.clone(), ti)) {
                    sub["Properties"]["FilterPolicyScope"] = json!(if on_attributes.is_some() {
                        "MessageAttributes"
                    } else {
                        "MessageBody"
                    });
                    sub["Properties"]["FilterPolicy"] = policy.clone();
                }
                if let Some(dlq) = dead_letter {
                    let did = logical(&dlq.name);
                    sub["Properties"]["RedrivePolicy"] =
                        json!({ "deadLetterTargetArn": get_att(&did, "Arn") });
                    sub["DependsOn"] = json!([format!("{did}Policy")]);
                }
                t.add(format!("{fid}{tid}Subscription"), sub);
                let mut allow = permission(
                    &target,
                    "sns.amazonaws.com",
                    refs::arn(model, DeclKind::Topic, &topic.name),
                );
                allow["Properties"]["SourceAccount"] =
                    super::shared::topic_account(model, &topic.name);
                t.add(format!("{fid}{tid}Permission"), allow);
            }
            Trigger::Bucket { bucket, .. } => {
                // One permission covers every notification of this bucket.
                if buckets_done.contains(&bucket.name.as_str()) {
                    continue;
                }
                buckets_done.push(&bucket.name);
                let bid = logical(&bucket.name);
                let source_arn = refs::bucket_arn(model, &bucket.name);
                t.add(
                    format!("{fid}{bid}Permission"),
                    permission(&target, "s3.amazonaws.com", source_arn),
                );
            }
            _ => {}
        }
    }
    let _ = model;
}

/// The logical ID of the event source mapping of a pull trigger of the
/// function `function_id`; None for push triggers (buckets, topics).
pub fn mapping_id(function_id: &str, trigger: &Trigger) -> Option<String> {
    let suffix = match trigger {
        Trigger::Queue { queue, .. } => format!("{}Mapping", logical(&queue.name)),
        Trigger::Stream { source, .. } if source.kind == DeclKind::Stream => {
            format!("{}Mapping", logical(&source.name))
        }
        Trigger::Stream { source: table, .. } => format!("{}StreamMapping", logical(&table.name)),
        Trigger::Bucket { .. } | Trigger::Topic { .. } => return None,
    };
    Some(format!("{function_id}{suffix}"))
}

/// `AWS::Lambda::EventInvokeConfig` `<F>EventInvokeConfig`: the retries,
/// event age and destinations of a function's asynchronous invocations, as
/// the CloudFormation target always writes them (and the SAM target when a
/// destination may be left out: SAM needs each destination's `Type`).
pub fn event_invoke_config(model: &Model, f: &Function, t: &mut Template) {
    let id = logical(&f.name);
    // Asynchronous invocations of a function with an alias go to the
    // alias, so the settings must apply there.
    let qualifier = f.alias_name().unwrap_or("$LATEST");
    let mut p = json!({ "FunctionName": refs::r#ref(&id), "Qualifier": qualifier });
    if let Some(r) = &f.retries {
        p["MaximumRetryAttempts"] = json!(r.value);
    }
    if let Some(a) = &f.max_event_age {
        p["MaximumEventAgeInSeconds"] = json!(a.value);
    }
    let destinations = destination_config(model, f, false);
    if !destinations.is_empty() {
        p["DestinationConfig"] = Json::Object(destinations);
    }
    let mut config = json!({ "Type": "AWS::Lambda::EventInvokeConfig", "Properties": p });
    if let Some(alias) = f.alias_name() {
        // The qualifier names the alias without referring to it.
        config["DependsOn"] = json!([ids::alias(&f.name, alias)]);
    }
    t.add(format!("{id}EventInvokeConfig"), config);
}

/// The `DestinationConfig` of a function's asynchronous invocations:
/// `OnSuccess` and `OnFailure`, each `{ Destination }` (and `Type` for
/// SAM, `with_type`). `A if C else B` chooses the ARN with `Fn::If`; `A if
/// C` alone sets the destination only where `C` holds.
pub fn destination_config(
    model: &Model,
    f: &Function,
    with_type: bool,
) -> serde_json::Map<String, Json> {
    let mut out = serde_json::Map::new();
    for (key, dest, cond) in [
        ("OnSuccess", &f.on_success, &f.on_success_if),
        ("OnFailure", &f.on_failure, &f.on_failure_if),
    ] {
        let Some(dest) = dest else { continue };
        let (kind, arn) = destination(model, dest);
        let other = cond
            .as_ref()
            .and_then(|c| c.otherwise.as_ref())
            .map(|o| destination(model, o).1);
        let mut entry = match (cond, other) {
            (Some(c), Some(other)) => {
                json!({ "Destination": super::conditions::guarded(&c.cond.value, arn, Some(other)) })
            }
            _ => json!({ "Destination": arn }),
        };
        if with_type {
            let mut typed = json!({ "Type": kind });
            typed["Destination"] = entry["Destination"].take();
            entry = typed;
        }
        let entry = match cond {
            Some(c) if c.otherwise.is_none() => {
                super::conditions::guarded(&c.cond.value, entry, None)
            }
            _ => entry,
        };
        out.insert(key.into(), entry);
    }
    out
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
