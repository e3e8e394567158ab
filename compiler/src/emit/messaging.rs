//! Queues, topics, buses and Kinesis streams, with their resource policies
//! and subscriptions.

use super::plan::Plan;
use super::shared::{key_arn, stateful_decl, with_tags};
use super::{pattern_json, Template};
use crate::ast::DeclKind;
use crate::check::patterns::Doc;
use crate::model::*;
use crate::naming::ids::logical;
use crate::naming::refs::{self, get_att, r#ref, sub};
use serde_json::{json, Value as Json};

/// A queue, with its redrive policy and, when anything delivers to it, its one policy.
pub fn queue(model: &Model, plan: &Plan, q: &Queue, t: &mut Template) {
    let id = logical(&q.name);
    let mut props = json!({});
    if q.fifo {
        props["FifoQueue"] = json!(true);
        if q.content_dedup.as_ref().is_some_and(|c| c.value) {
            props["ContentBasedDeduplication"] = json!(true);
        }
        if q.high_throughput.as_ref().is_some_and(|c| c.value) {
            props["DeduplicationScope"] = json!("messageGroup");
            props["FifoThroughputLimit"] = json!("perMessageGroupId");
        }
    }
    let number = |prop, value| super::shared::number(model, &q.name, prop, value);
    props["VisibilityTimeout"] = number(NumProp::QueueVisibility, q.visibility.value);
    props["MessageRetentionPeriod"] = number(NumProp::QueueRetention, q.retention.value);
    for (key, prop, value) in [
        ("DelaySeconds", NumProp::QueueDelay, &q.delay),
        (
            "ReceiveMessageWaitTimeSeconds",
            NumProp::QueueReceiveWait,
            &q.receive_wait,
        ),
        (
            "MaximumMessageSize",
            NumProp::QueueMaxMessageSize,
            &q.max_message_size,
        ),
    ] {
        if let Some(v) = value {
            props[key] = number(prop, v.value);
            t.prop(&id, key, v.span);
        }
    }
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
        .map(|(name, fifo)| match model.physical_name(name) {
            // `name = X if C [else Y]`: the source's name where C holds,
            // the other (or slsc's) where it does not.
            Some(fixed) => match model.prop_cond(name, "name") {
                Some(pc) => refs::if_json(
                    &pc.cond.value,
                    refs::fixed_queue_arn(&fixed.value),
                    pc.otherwise.as_ref().map_or_else(
                        || refs::queue_arn_by_name(name, *fifo),
                        |o| refs::fixed_queue_arn(&o.value),
                    ),
                ),
                None => refs::fixed_queue_arn(&fixed.value),
            },
            None => refs::queue_arn_by_name(name, *fifo),
        })
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
    t.deletion_of(model, &q.name, &id, q.on_delete.span);
    super::shared::physical_name(model, &q.name, &id, "QueueName", &mut props, t);
    t.add(
        id.clone(),
        stateful_decl(
            model,
            &q.name,
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
    policy: &dyn Fn(usize) -> Option<&'p Doc>,
    t: &mut Template,
) {
    let id = logical(&tp.name);
    let topic_arn = refs::arn(model, DeclKind::Topic, &tp.name);
    if tp.arn.is_none() {
        topic_resource(model, plan, tp, t);
    }
    for (si, s) in tp.subscriptions.iter().enumerate() {
        let qid = logical(&s.queue.name);
        // Deliveries before the queue policies exist would be refused.
        let mut deps = vec![json!(format!("{qid}Policy"))];
        let mut props = json!({
            "TopicArn": topic_arn,
            "Protocol": "sqs",
            "Endpoint": get_att(&qid, "Arn"),
            "RawMessageDelivery": true,
        });
        if let Some(region) = tp.arn_region() {
            props["Region"] = json!(region);
        }
        if let Some(policy) = policy(si) {
            props["FilterPolicyScope"] = json!(if s.on_attributes.is_some() {
                "MessageAttributes"
            } else {
                "MessageBody"
            });
            props["FilterPolicy"] = pattern_json(model, policy);
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
    // People and endpoints outside AWS: SNS asks each to confirm.
    for e in &tp.endpoints {
        let sid = crate::naming::ids::endpoint_subscription(
            &tp.name,
            e.protocol.word(),
            &e.address.value,
        );
        t.prop(&sid, "Endpoint", e.address.span);
        t.add(
            sid,
            json!({
                "Type": "AWS::SNS::Subscription",
                "Properties": {
                    "TopicArn": topic_arn.clone(),
                    "Protocol": e.protocol.word(),
                    "Endpoint": e.address.value,
                },
            }),
        );
    }
}

/// The `AWS::SNS::Topic` of a topic the stack creates, and its policy when
/// a rule or a bucket publishes to it.
fn topic_resource(model: &Model, plan: &Plan, tp: &Topic, t: &mut Template) {
    let id = logical(&tp.name);
    let mut props = json!({});
    if tp.fifo {
        props["FifoTopic"] = json!(true);
        if tp.content_dedup.as_ref().is_some_and(|c| c.value) {
            props["ContentBasedDeduplication"] = json!(true);
        }
        if tp.high_throughput.as_ref().is_some_and(|c| c.value) {
            props["FifoThroughputScope"] = json!("MessageGroup");
        }
    }
    // SNS's AWS managed key cannot be used by EventBridge: with the app's
    // key rules can still publish.
    if model.customer_key {
        props["KmsMasterKeyId"] = key_arn();
    }
    super::shared::physical_name(model, &tp.name, &id, "TopicName", &mut props, t);
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
}

/// A custom event bus: named as the spec fixes (`name = "..."`), else
/// after the stack (a bus needs a name, and one per stack keeps two stacks
/// of one spec apart).
pub fn bus(model: &Model, b: &Bus, t: &mut Template) {
    let id = logical(&b.name);
    let mut props = json!({ "Name": sub(&format!("${{AWS::StackName}}-{}", b.name)) });
    super::shared::physical_name(model, &b.name, &id, "Name", &mut props, t);
    super::shared::description(model, &b.name, &id, &mut props, t);
    t.add(
        id,
        json!({
            "Type": "AWS::Events::EventBus",
            "Properties": with_tags(model, props),
        }),
    );
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
    t.deletion_of(model, &s.name, &logical(&s.name), s.on_delete.span);
    super::shared::physical_name(model, &s.name, &logical(&s.name), "Name", &mut props, t);
    t.add(
        logical(&s.name),
        stateful_decl(
            model,
            &s.name,
            "AWS::Kinesis::Stream",
            &s.on_delete.value,
            with_tags(model, props),
        ),
    );
}
