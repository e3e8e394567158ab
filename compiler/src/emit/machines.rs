//! State machines: the state machine, its log group and its role, in both
//! targets (`AWS::Serverless::StateMachine`, `AWS::StepFunctions::StateMachine`).

use super::shared::{stateful, tag_list, tag_map, with_tags};
use super::{Target, Template};
use crate::model::*;
use crate::naming::{ids, key_arn, refs};
use serde_json::{json, Value as Json};

/// The log group, the role and the state machine of `m`, in that order.
pub fn state_machine(model: &Model, m: &StateMachine, target: Target, t: &mut Template) {
    let id = ids::logical(&m.name);
    let log_group = ids::log_group(&m.name);
    let mut lg = json!({ "RetentionInDays": m.log_retention.value });
    if model.customer_key {
        lg["KmsKeyId"] = key_arn();
    }
    t.deletion(&log_group, model.on_delete.span);
    t.add(
        log_group.clone(),
        stateful(
            "AWS::Logs::LogGroup",
            &model.on_delete.value,
            with_tags(model, lg),
        ),
    );
    t.prop(&log_group, "RetentionInDays", m.log_retention.span);
    super::roles::add_state_machine_role(model, m, t);
    let role = refs::get_att(&ids::role(&m.name), "Arn");
    let kind = if m.express { "EXPRESS" } else { "STANDARD" };
    let logging = if m.log_level.value == "OFF" {
        json!({ "Level": "OFF" })
    } else {
        json!({
            "Level": m.log_level.value,
            "IncludeExecutionData": true,
            "Destinations": [{ "CloudWatchLogsLogGroup": { "LogGroupArn": refs::get_att(&log_group, "Arn") } }],
        })
    };
    let substitutions: serde_json::Map<String, Json> = m
        .substitutions
        .iter()
        .map(|(key, r, attr)| {
            // A function is invoked as everything else invokes it: through
            // its alias `live` with SnapStart (the role allows `F:*`).
            let value = match (r.kind, attr) {
                (crate::ast::DeclKind::Function, Attr::Arn) => refs::arn(model, r.kind, &r.name),
                (kind, attr) => refs::value(model, kind, &r.name, *attr),
            };
            (key.clone(), value)
        })
        .collect();
    // A state machine has no `Description`: the definition's top-level
    // `Comment` is where Step Functions shows one.
    let mut document = m.document.clone();
    if let (Some(d), Some(o)) = (model.description(&m.name), document.as_object_mut()) {
        let mut with = serde_json::Map::with_capacity(o.len() + 1);
        with.insert("Comment".into(), json!(d.value));
        with.extend(
            std::mem::take(o)
                .into_iter()
                .filter(|(k, _)| k != "Comment"),
        );
        *o = with;
        t.prop(&id, "Definition/Comment", d.span);
    }
    let mut props = match target {
        Target::Sam => json!({
            "Type": kind,
            "Definition": document,
            "Role": role,
            "Logging": logging,
            "Tracing": { "Enabled": m.tracing },
        }),
        Target::CloudFormation => json!({
            "StateMachineType": kind,
            "Definition": document,
            "RoleArn": role,
            "LoggingConfiguration": logging,
            "TracingConfiguration": { "Enabled": m.tracing },
        }),
    };
    if !substitutions.is_empty() {
        props["DefinitionSubstitutions"] = Json::Object(substitutions);
    }
    let name_key = match target {
        Target::Sam => "Name",
        Target::CloudFormation => "StateMachineName",
    };
    super::shared::physical_name(model, &m.name, &id, name_key, &mut props, t);
    if !model.tags.is_empty() {
        props["Tags"] = match target {
            Target::Sam => tag_map(model),
            Target::CloudFormation => tag_list(model),
        };
    }
    t.prop(&id, "Definition", m.definition.span);
    let ty = match target {
        Target::Sam => "AWS::Serverless::StateMachine",
        Target::CloudFormation => "AWS::StepFunctions::StateMachine",
    };
    t.add(id, json!({ "Type": ty, "Properties": props }));
}
