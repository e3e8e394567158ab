//! Tables and buckets, with bucket notifications and TLS-only policies.

use super::plan::Plan;
use super::shared::{key_arn, stateful_decl, with_tags};
use super::Template;
use crate::model::*;
use crate::naming::ids::logical;
use crate::naming::refs::{self, get_att, r#ref, sub};
use serde_json::{json, Value as Json};

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
        let spec = json!({ "StreamViewType": v });
        props["StreamSpecification"] = match model.prop_cond(&tb.name, "stream") {
            Some(pc) => super::conditions::guarded(&pc.cond.value, spec, None),
            None => spec,
        };
    }
    props["PointInTimeRecoverySpecification"] = json!({ "PointInTimeRecoveryEnabled": true });
    props["SSESpecification"] = if model.customer_key {
        json!({ "SSEEnabled": true, "SSEType": "KMS", "KMSMasterKeyId": key_arn() })
    } else {
        json!({ "SSEEnabled": true })
    };
    t.deletion_of(model, &tb.name, &logical(&tb.name), tb.on_delete.span);
    super::shared::physical_name(
        model,
        &tb.name,
        &logical(&tb.name),
        "TableName",
        &mut props,
        t,
    );
    t.add(
        logical(&tb.name),
        stateful_decl(
            model,
            &tb.name,
            "AWS::DynamoDB::Table",
            &tb.on_delete.value,
            with_tags(model, props),
        ),
    );
}

/// A bucket's lifecycle rules: the spec's, in the order written, then one
/// of housekeeping that every bucket has: unfinished multipart uploads are
/// removed, and on a versioned bucket old versions expire (unless kept
/// with a reason) and delete markers left with no version behind them go.
fn lifecycle_rules(b: &Bucket) -> Vec<Json> {
    let mut rules: Vec<Json> = b
        .lifecycle
        .iter()
        .map(|r| {
            let mut rule = json!({ "Id": r.name.value, "Status": "Enabled" });
            if let Some(p) = &r.prefix {
                rule["Prefix"] = json!(p);
            }
            if !r.transitions.is_empty() {
                rule["Transitions"] = r
                    .transitions
                    .iter()
                    .map(|t| json!({ "StorageClass": t.class.s3(), "TransitionInDays": t.days.value }))
                    .collect();
            }
            if let Some(e) = &r.expire {
                rule["ExpirationInDays"] = json!(e.value);
            }
            rule
        })
        .collect();
    let mut housekeeping = json!({
        "Id": "default-housekeeping",
        "Status": "Enabled",
        "AbortIncompleteMultipartUpload": { "DaysAfterInitiation": b.incomplete_uploads.value },
    });
    if b.versioning {
        if let Some(OldVersions::Expire(days)) = &b.old_versions {
            housekeeping["NoncurrentVersionExpiration"] = json!({ "NoncurrentDays": days.value });
        }
        housekeeping["ExpiredObjectDeleteMarker"] = json!(true);
    }
    rules.push(housekeeping);
    rules
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
    props["BucketName"] = refs::bucket_name_of(model, &b.name);
    if b.versioning {
        // Overwritten and deleted objects stay recoverable.
        props["VersioningConfiguration"] = json!({ "Status": "Enabled" });
    }
    props["LifecycleConfiguration"] = json!({ "Rules": lifecycle_rules(b) });
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
                let event = e.s3_event();
                let mut c =
                    json!({ "Event": event, "Function": refs::Invoked::of(model, fname).arn() });
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
    let mut res = stateful_decl(
        model,
        &b.name,
        "AWS::S3::Bucket",
        &b.on_delete.value,
        json!({}),
    );
    // Properties come last, after `DependsOn`.
    if let Some(map) = res.as_object_mut() {
        map.shift_remove("Properties");
    }
    if !depends.is_empty() {
        // S3 tests the notification target when the bucket is configured:
        // the permissions must exist first.
        res["DependsOn"] = Json::Array(depends);
    }
    super::shared::physical_name(model, &b.name, &id, "BucketName", &mut props, t);
    res["Properties"] = with_tags(model, props);
    t.deletion_of(model, &b.name, &id, b.on_delete.span);
    t.add(id.clone(), res);
    // Plain-HTTP requests are refused, to the bucket and to its objects;
    // then what the spec's `policy` allows.
    let both = json!([get_att(&id, "Arn"), sub(&format!("${{{id}.Arn}}/*"))]);
    let mut statements = vec![json!({
        "Sid": "DenyInsecureTransport",
        "Effect": "Deny",
        "Principal": "*",
        "Action": "s3:*",
        "Resource": both,
        "Condition": { "Bool": { "aws:SecureTransport": "false" } },
    })];
    statements.extend(super::plan::spec_statements(model, &b.name, both));
    t.add(
        format!("{id}Policy"),
        json!({
            "Type": "AWS::S3::BucketPolicy",
            "Properties": {
                "Bucket": r#ref(&id),
                "PolicyDocument": { "Version": "2012-10-17", "Statement": statements },
            },
        }),
    );
}
