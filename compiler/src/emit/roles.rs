//! The roles of functions and schedules: `AWS::IAM::Role` resources holding
//! the statements `iam` derives. `iam` decides what is allowed; this module
//! only writes it down, so that `iam` never depends on the template.

use super::Template;
use crate::iam::{
    api_statements, rule_statements, schedule_statements, state_machine_statements, statements,
    Statement,
};
use crate::model::{Api, Function, Model, Rule, Schedule, StateMachine};
use crate::naming::{ids, refs};
use serde_json::{json, Value as Json};

/// Adds a function's role, recording where each statement comes from.
pub fn add_function_role(model: &Model, f: &Function, t: &mut Template) {
    let list = statements(model, f);
    let role = role(f, &list, &super::shared::tag_list(model));
    add(ids::role(&f.name), role, &list, t);
}

/// Adds a schedule's role, recording where each statement comes from.
pub fn add_schedule_role(model: &Model, s: &Schedule, t: &mut Template) {
    let list = schedule_statements(model, s);
    let role = schedule_role(&list, &super::shared::tag_list(model));
    add(ids::role(&s.name), role, &list, t);
}

/// Adds a state machine's role: only Step Functions of this account may
/// assume it; X-Ray's managed policy when it traces, as functions have.
pub fn add_state_machine_role(model: &Model, m: &StateMachine, t: &mut Template) {
    let list = state_machine_statements(model, m);
    let trust = json!({
        "Effect": "Allow",
        "Principal": { "Service": "states.amazonaws.com" },
        "Action": "sts:AssumeRole",
        "Condition": { "StringEquals": { "aws:SourceAccount": { "Ref": "AWS::AccountId" } } },
    });
    let xray = m
        .tracing
        .then(|| refs::sub("arn:${AWS::Partition}:iam::aws:policy/AWSXrayWriteOnlyAccess"));
    let role = role_resource(trust, &list, xray, &super::shared::tag_list(model));
    add(ids::role(&m.name), role, &list, t);
}

/// Adds the role of a rule with bus targets: only EventBridge of this
/// account may assume it, to put events on those buses.
pub fn add_rule_role(model: &Model, r: &Rule, t: &mut Template) {
    let list = rule_statements(model, r);
    if list.is_empty() {
        return;
    }
    let trust = json!({
        "Effect": "Allow",
        "Principal": { "Service": "events.amazonaws.com" },
        "Action": "sts:AssumeRole",
        "Condition": { "StringEquals": { "aws:SourceAccount": { "Ref": "AWS::AccountId" } } },
    });
    let role = role_resource(trust, &list, None, &super::shared::tag_list(model));
    add(ids::role(&r.name), role, &list, t);
}

/// Adds the role of an API with direct routes: only API Gateway of this
/// account may assume it, to send to those routes' queues and buses.
pub fn add_api_role(model: &Model, api: &Api, t: &mut Template) {
    let list = api_statements(model, api);
    if list.is_empty() {
        return;
    }
    let trust = json!({
        "Effect": "Allow",
        "Principal": { "Service": "apigateway.amazonaws.com" },
        "Action": "sts:AssumeRole",
        "Condition": { "StringEquals": { "aws:SourceAccount": { "Ref": "AWS::AccountId" } } },
    });
    let role = role_resource(trust, &list, None, &super::shared::tag_list(model));
    add(ids::role(&api.name), role, &list, t);
}

/// Adds the role of a service (`pipes.amazonaws.com`,
/// `scheduler.amazonaws.com`) that only that service of this account may
/// assume, holding `list` (a pipe's or a schedule group's).
pub fn add_service_role(
    model: &Model,
    id: String,
    service: &str,
    list: &[Statement],
    t: &mut Template,
) {
    let trust = json!({
        "Effect": "Allow",
        "Principal": { "Service": service },
        "Action": "sts:AssumeRole",
        "Condition": { "StringEquals": { "aws:SourceAccount": { "Ref": "AWS::AccountId" } } },
    });
    let role = role_resource(trust, list, None, &super::shared::tag_list(model));
    add(id, role, list, t);
}

/// Adds role `id`: each statement of its one inline policy comes from the
/// verb or trigger that caused it, and its parts from the text naming them.
fn add(id: String, role: Json, list: &[Statement], t: &mut Template) {
    for (i, s) in list.iter().enumerate() {
        let statement = format!("Policies/0/PolicyDocument/Statement/{i}");
        for (part, span) in &s.parts {
            t.prop(&id, &format!("{statement}/{part}"), *span);
        }
        t.prop(&id, &statement, s.cause);
    }
    t.add(id, role);
}

/// A schedule's role: only EventBridge Scheduler of this account may assume
/// it (`aws:SourceAccount`, against the confused deputy).
fn schedule_role(statements: &[Statement], tags: &Json) -> Json {
    let trust = json!({
        "Effect": "Allow",
        "Principal": { "Service": "scheduler.amazonaws.com" },
        "Action": "sts:AssumeRole",
        "Condition": { "StringEquals": { "aws:SourceAccount": { "Ref": "AWS::AccountId" } } },
    });
    role_resource(trust, statements, None, tags)
}

/// An `AWS::IAM::Role` with one trust statement, one inline policy `access`
/// holding `statements`, an optional managed policy, and the app's tags.
fn role_resource(
    trust: Json,
    statements: &[Statement],
    managed: Option<Json>,
    tags: &Json,
) -> Json {
    // A statement needed only under a deploy-time condition (a destination
    // chosen with `A if C else B`) is in the role only there.
    let statements: Vec<Json> = statements
        .iter()
        .map(|s| match &s.only_if {
            Some(c) => super::conditions::guarded(c, s.to_json(), None),
            None => s.to_json(),
        })
        .collect();
    let mut props = json!({
        "AssumeRolePolicyDocument": { "Version": "2012-10-17", "Statement": [trust] },
        "Policies": [{
            "PolicyName": "access",
            "PolicyDocument": { "Version": "2012-10-17", "Statement": statements },
        }],
    });
    if let Some(m) = managed {
        props["ManagedPolicyArns"] = json!([m]);
    }
    if tags.as_array().is_some_and(|t| !t.is_empty()) {
        props["Tags"] = tags.clone();
    }
    json!({ "Type": "AWS::IAM::Role", "Properties": props })
}

/// The role of a function: trust policy for Lambda, one inline policy with
/// every statement, and X-Ray's managed policy when tracing is active.
fn role(f: &Function, statements: &[Statement], tags: &Json) -> Json {
    let trust = json!({
        "Effect": "Allow",
        "Principal": { "Service": "lambda.amazonaws.com" },
        "Action": "sts:AssumeRole",
    });
    let xray = f
        .tracing
        .then(|| refs::sub("arn:${AWS::Partition}:iam::aws:policy/AWSXrayWriteOnlyAccess"));
    role_resource(trust, statements, xray, tags)
}
