//! The roles of functions and schedules: `AWS::IAM::Role` resources holding
//! the statements `iam` derives. `iam` decides what is allowed; this module
//! only writes it down, so that `iam` never depends on the template.

use crate::iam::{schedule_statements, statements, Statement};
use crate::model::{Function, Model, Schedule};
use crate::naming::refs;
use serde_json::{json, Value as Json};

/// A schedule's role: only EventBridge Scheduler of this account may assume
/// it (`aws:SourceAccount`, against the confused deputy).
pub fn schedule_role(model: &Model, s: &Schedule, tags: &Json) -> Json {
    let trust = json!({
        "Effect": "Allow",
        "Principal": { "Service": "scheduler.amazonaws.com" },
        "Action": "sts:AssumeRole",
        "Condition": { "StringEquals": { "aws:SourceAccount": { "Ref": "AWS::AccountId" } } },
    });
    role_resource(trust, &schedule_statements(model, s), None, tags)
}

/// An `AWS::IAM::Role` with one trust statement, one inline policy `access`
/// holding `statements`, an optional managed policy, and the app's tags.
fn role_resource(
    trust: Json,
    statements: &[Statement],
    managed: Option<Json>,
    tags: &Json,
) -> Json {
    let statements: Vec<Json> = statements.iter().map(Statement::to_json).collect();
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
pub fn role(model: &Model, f: &Function, tags: &Json) -> Json {
    let trust = json!({
        "Effect": "Allow",
        "Principal": { "Service": "lambda.amazonaws.com" },
        "Action": "sts:AssumeRole",
    });
    let xray = f
        .tracing
        .then(|| refs::sub("arn:${AWS::Partition}:iam::aws:policy/AWSXrayWriteOnlyAccess"));
    role_resource(trust, &statements(model, f), xray, tags)
}
