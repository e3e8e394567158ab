//! No service lets itself in: every resource-policy statement that names an
//! AWS service principal is limited to this account's sources, in every
//! template slsc writes: every example and every fixture that compiles,
//! both targets.
//!
//! - A statement of a `PolicyDocument` (queue, topic, bucket policies) or of
//!   the app key's `KeyPolicy` that allows a `Service` principal carries an
//!   `aws:SourceAccount` condition and an `aws:SourceArn` one, or, for
//!   CloudWatch Logs on the key, the `kms:EncryptionContext:aws:logs:arn`
//!   condition AWS documents for it.
//! - An `AWS::Lambda::Permission` for a service has `SourceArn` and
//!   `SourceAccount`.
//! - Every bucket has a policy that denies requests without TLS
//!   (`aws:SecureTransport` false), on the bucket and on its objects.
//!
//! The SAM target is checked as written; the resources SAM generates from
//! function events are checked after translation by
//! `scripts/validate-template.py` (the translator is Python), in
//! `scripts/validate-examples.sh`.

#[path = "support/common.rs"]
mod common;

use serde_json::Value as Json;
use slsc::Target;
use std::path::{Path, PathBuf};

/// The `.sls` files under `dir`, recursively, sorted.
fn specs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(common::root().join(dir)) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let rel = dir.join(e.file_name());
        if e.path().is_dir() {
            specs(&rel, out);
        } else if rel.extension().is_some_and(|x| x == "sls") {
            out.push(rel);
        }
    }
}

/// The condition keys a statement's `Condition` tests, over every operator.
fn condition_keys(statement: &Json) -> Vec<String> {
    statement["Condition"]
        .as_object()
        .into_iter()
        .flat_map(|ops| ops.values())
        .filter_map(Json::as_object)
        .flat_map(|keys| keys.keys().cloned())
        .collect()
}

/// Why a statement that names a service principal is not limited to this
/// account's sources; None when it is (or names no service).
fn unconditioned(statement: &Json) -> Option<String> {
    let service = &statement["Principal"]["Service"];
    if service.is_null() || statement["Effect"] == "Deny" {
        return None;
    }
    let keys = condition_keys(statement);
    let has = |k: &str| keys.iter().any(|x| x == k);
    if has("kms:EncryptionContext:aws:logs:arn") {
        return None;
    }
    let missing: Vec<&str> = ["aws:SourceAccount", "aws:SourceArn"]
        .into_iter()
        .filter(|k| !has(k))
        .collect();
    (!missing.is_empty()).then(|| format!("{service} without {}", missing.join(", ")))
}

/// Every problem of a template, as `resource: why`.
fn problems(template: &Json) -> Vec<String> {
    let mut out = Vec::new();
    let resources = template["Resources"].as_object().expect("resources");
    for (id, r) in resources {
        let props = &r["Properties"];
        if r["Type"] == "AWS::Lambda::Permission" {
            let principal = props["Principal"].as_str().unwrap_or("");
            if principal.ends_with(".amazonaws.com") {
                for key in ["SourceArn", "SourceAccount"] {
                    if props[key].is_null() {
                        out.push(format!("{id}: permission for {principal} without {key}"));
                    }
                }
            }
        }
        if r["Type"] == "AWS::S3::Bucket" && !denies_plain_http(template, id) {
            out.push(format!("{id}: no policy denies requests without TLS"));
        }
        for doc in [&props["PolicyDocument"], &props["KeyPolicy"]] {
            for (i, s) in doc["Statement"]
                .as_array()
                .into_iter()
                .flatten()
                .enumerate()
            {
                if let Some(why) = unconditioned(s) {
                    out.push(format!("{id}: statement {i}: {why}"));
                }
            }
        }
    }
    out
}

/// Whether the bucket `id` has a policy that denies every request to it and
/// its objects made without TLS.
fn denies_plain_http(template: &Json, id: &str) -> bool {
    let resources = template["Resources"].as_object().expect("resources");
    resources.values().any(|r| {
        let p = &r["Properties"];
        r["Type"] == "AWS::S3::BucketPolicy"
            && p["Bucket"] == serde_json::json!({ "Ref": id })
            && p["PolicyDocument"]["Statement"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|s| {
                    s["Effect"] == "Deny"
                        && s["Principal"] == "*"
                        && s["Action"] == "s3:*"
                        && s["Condition"]["Bool"]["aws:SecureTransport"] == "false"
                        && s["Resource"].as_array().is_some_and(|r| r.len() == 2)
                })
    })
}

#[test]
fn no_service_principal_statement_is_unconditioned() {
    let mut files: Vec<PathBuf> = common::examples()
        .iter()
        .map(|n| Path::new("examples").join(n).join("app.sls"))
        .collect();
    specs(Path::new("tests"), &mut files);
    let (mut checked, mut failures) = (0, Vec::new());
    for file in &files {
        let c = common::compile(file);
        if c.has_errors() {
            continue;
        }
        for target in [Target::Sam, Target::CloudFormation] {
            let Ok(template) = slsc::build(&c, target) else {
                continue;
            };
            checked += 1;
            for p in problems(&template) {
                failures.push(format!("{} ({target:?}): {p}", file.display()));
            }
        }
    }
    // The examples alone are six templates; the fixtures add many more.
    assert!(checked > 50, "only {checked} templates checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_check_sees_an_unconditioned_statement() {
    let bad = serde_json::json!({ "Resources": {
        "Key": { "Type": "AWS::KMS::Key", "Properties": { "KeyPolicy": { "Statement": [
            { "Effect": "Allow", "Principal": { "Service": "events.amazonaws.com" }, "Action": "kms:Decrypt", "Resource": "*" },
        ] } } },
        "P": { "Type": "AWS::Lambda::Permission", "Properties": {
            "Principal": "sns.amazonaws.com", "SourceArn": "arn:aws:sns:us-east-1:123456789012:t",
        } },
    } });
    assert_eq!(problems(&bad).len(), 2, "{:?}", problems(&bad));
}
