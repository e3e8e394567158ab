//! CloudFormation naming, below every stage: the logical ID of each
//! declaration and of what is derived from it, physical-name prefixes, the
//! references and ARNs other resources use, and the fixed names the template
//! gives (the app's key, the REST stage).
//!
//! It lives here rather than in `emit` because earlier stages need the same
//! names: `resolve` reports declarations whose IDs collide (E0109), `check`
//! compares a rule's resource-attribute value with what the template will
//! hold, `iam` scopes statements to ARNs. One definition keeps them equal to
//! what `emit` writes.

pub mod ids;
pub mod refs;

use serde_json::Value as Json;

/// The logical ID of the app's KMS key.
pub const KEY: &str = "EncryptionKey";

/// The stage a REST API is deployed to unless it sets `stage_name`.
pub const REST_STAGE: &str = "prod";

/// The ARN of the app's KMS key.
pub fn key_arn() -> Json {
    refs::get_att(KEY, "Arn")
}

/// CloudFormation's pseudo parameters, which a string may reference as
/// `${AWS::Region}` without declaring them.
pub const PSEUDO: &[&str] = &[
    "AWS::AccountId",
    "AWS::NotificationARNs",
    "AWS::Partition",
    "AWS::Region",
    "AWS::StackId",
    "AWS::StackName",
    "AWS::URLSuffix",
];

/// The names referenced as `${Name}` in `text`, in order.
pub fn references(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("${") {
        let after = &rest[i + 2..];
        match after.find('}') {
            Some(j) => {
                out.push(&after[..j]);
                rest = &after[j + 1..];
            }
            None => break,
        }
    }
    out
}
