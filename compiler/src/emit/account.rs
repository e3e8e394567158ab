//! `app { account_logging_role = true }`: the account's API Gateway
//! CloudWatch role, which REST APIs need to write access logs.
//!
//! API Gateway writes REST access (and execution) logs with one role set
//! for the whole account and region (`AWS::ApiGateway::Account`). The role
//! has AWS's managed policy for it, and only API Gateway of this account
//! may assume it. It is retained when the stack is deleted: other APIs of
//! the account log with it too.

use super::Template;
use crate::model::Model;
use crate::naming::refs::{get_att, sub};
use serde_json::json;

/// The logical ID of the account setting.
pub const ACCOUNT: &str = "ApiGatewayAccount";
/// The logical ID of its role.
pub const ROLE: &str = "ApiGatewayCloudWatchRole";

/// Adds the role and the account setting, when the app asks for them,
/// and makes every REST stage that writes access logs wait for the setting
/// (else its first deployment fails: no role to log with). Runs after the
/// APIs are emitted.
pub fn add(model: &Model, t: &mut Template) {
    if model.account_logging_role.is_none() {
        return;
    }
    for r in t.resources.values_mut() {
        let logs = match r["Type"].as_str() {
            Some("AWS::ApiGateway::Stage" | "AWS::Serverless::Api") => {
                r["Properties"].get("AccessLogSetting").is_some()
            }
            _ => false,
        };
        if logs {
            r["DependsOn"] = json!(ACCOUNT);
        }
    }
    let mut role = json!({
        "AssumeRolePolicyDocument": {
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Principal": { "Service": "apigateway.amazonaws.com" },
                "Action": "sts:AssumeRole",
                "Condition": { "StringEquals": { "aws:SourceAccount": { "Ref": "AWS::AccountId" } } },
            }],
        },
        "ManagedPolicyArns": [sub(
            "arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs",
        )],
    });
    if !model.tags.is_empty() {
        role["Tags"] = super::shared::tag_list(model);
    }
    t.add(
        ROLE.to_string(),
        json!({
            "Type": "AWS::IAM::Role",
            "DeletionPolicy": "Retain",
            "UpdateReplacePolicy": "Retain",
            "Properties": role,
        }),
    );
    t.add(
        ACCOUNT.to_string(),
        json!({
            "Type": "AWS::ApiGateway::Account",
            "Properties": { "CloudWatchRoleArn": get_att(ROLE, "Arn") },
        }),
    );
}
