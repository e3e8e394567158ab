//! The roles of pipes (EventBridge Pipes assumes them to read the source,
//! call the enrichment and deliver to the target) and of schedule groups
//! (Scheduler assumes them to start the group's targets).

use super::{caused, sid, stmt, Statement};
use crate::ast::DeclKind;
use crate::model::*;
use crate::naming::{refs, KEY};

/// The app's key, to encrypt (`write`) or decrypt what a service reads.
fn key_statement(write: bool, cause: &Ref, because: String) -> Vec<Statement> {
    let actions: &[&str] = if write {
        &["kms:GenerateDataKey", "kms:Decrypt"]
    } else {
        &["kms:Decrypt"]
    };
    let sid = if write {
        "EncryptWithAppKey"
    } else {
        "DecryptWithAppKey"
    };
    caused(
        vec![stmt(sid.into(), actions, vec![refs::get_att(KEY, "Arn")])],
        cause.span,
        because,
    )
}

/// Whether a queue, topic or stream is encrypted with the app's key.
fn encrypted(model: &Model, r: &Ref) -> bool {
    model.customer_key
        && match r.kind {
            DeclKind::Queue | DeclKind::Stream => true,
            DeclKind::Topic => model.topic(&r.name).is_some_and(|t| t.arn.is_none()),
            _ => false,
        }
}

/// What delivering to `target` takes: the actions on it, by kind (a state
/// machine is started synchronously when `sync` and Express).
fn deliver(model: &Model, target: &Ref, sync: bool) -> Statement {
    let name = &target.name;
    let arn = refs::arn(model, target.kind, name);
    match target.kind {
        DeclKind::StateMachine => {
            let express = model.state_machine(name).is_some_and(|m| m.express);
            let action = if sync && express {
                "states:StartSyncExecution"
            } else {
                "states:StartExecution"
            };
            stmt(sid(&["Start", name]), &[action], vec![arn])
        }
        DeclKind::Function => stmt(
            sid(&["Invoke", name]),
            &["lambda:InvokeFunction"],
            vec![arn],
        ),
        DeclKind::Queue => stmt(sid(&["Send", name]), &["sqs:SendMessage"], vec![arn]),
        DeclKind::Topic => stmt(sid(&["Publish", name]), &["sns:Publish"], vec![arn]),
        DeclKind::Bus => stmt(sid(&["PutEvents", name]), &["events:PutEvents"], vec![arn]),
        _ => stmt(
            sid(&["Write", name]),
            &["kinesis:PutRecord", "kinesis:PutRecords"],
            vec![arn],
        ),
    }
}

/// Every statement of a pipe's role: read its source (and decrypt it),
/// invoke its enrichment, deliver to its target (and encrypt for it).
pub fn pipe_statements(model: &Model, p: &Pipe) -> Vec<Statement> {
    let mut out = Vec::new();
    let source = &p.source;
    let name = &source.name;
    let read = match source.kind {
        DeclKind::Queue => vec![stmt(
            sid(&["Consume", name]),
            &[
                "sqs:ReceiveMessage",
                "sqs:DeleteMessage",
                "sqs:GetQueueAttributes",
            ],
            vec![refs::arn(model, DeclKind::Queue, name)],
        )],
        DeclKind::Stream => vec![stmt(
            sid(&["Consume", name]),
            &[
                "kinesis:DescribeStream",
                "kinesis:DescribeStreamSummary",
                "kinesis:GetRecords",
                "kinesis:GetShardIterator",
                "kinesis:ListShards",
            ],
            vec![refs::arn(model, DeclKind::Stream, name)],
        )],
        _ => {
            let id = crate::naming::ids::logical(name);
            vec![
                stmt(
                    sid(&["ReadStream", name]),
                    &[
                        "dynamodb:DescribeStream",
                        "dynamodb:GetRecords",
                        "dynamodb:GetShardIterator",
                    ],
                    vec![refs::get_att(&id, "StreamArn")],
                ),
                stmt(
                    sid(&["ListStreams", name]),
                    &["dynamodb:ListStreams"],
                    vec![refs::sub(&format!("${{{id}.Arn}}/stream/*"))],
                ),
            ]
        }
    };
    out.extend(caused(
        read,
        source.span,
        format!("pipe {} from {name}", p.name),
    ));
    if let Some(e) = &p.enrichment {
        out.extend(caused(
            vec![stmt(
                sid(&["Enrich", &e.name]),
                &["lambda:InvokeFunction"],
                vec![refs::arn(model, DeclKind::Function, &e.name)],
            )],
            e.span,
            format!("pipe {} enrichment = {}", p.name, e.name),
        ));
    }
    out.extend(caused(
        vec![deliver(model, &p.target, p.sync())],
        p.target.span,
        format!("pipe {} -> {}", p.name, p.target.name),
    ));
    if encrypted(model, source) {
        out.extend(key_statement(
            false,
            source,
            format!("pipe {} from {name} (encrypted with the app's key)", p.name),
        ));
    }
    if encrypted(model, &p.target) {
        out.extend(key_statement(
            true,
            &p.target,
            format!(
                "pipe {} -> {} (encrypted with the app's key)",
                p.name, p.target.name
            ),
        ));
    }
    super::dedup(out)
}

/// Every statement of a schedule group's role: start each of its targets
/// (and encrypt for queues and topics).
pub fn schedule_group_statements(model: &Model, g: &ScheduleGroup) -> Vec<Statement> {
    let mut out = Vec::new();
    let mut key = None;
    for t in &g.targets {
        out.extend(caused(
            vec![deliver(model, t, false)],
            t.span,
            format!("schedule group {} -> {}", g.name, t.name),
        ));
        if encrypted(model, t) {
            key.get_or_insert(t);
        }
    }
    if let Some(t) = key {
        out.extend(key_statement(
            true,
            t,
            format!(
                "schedule group {} -> {} (encrypted with the app's key)",
                g.name, t.name
            ),
        ));
    }
    super::dedup(out)
}
