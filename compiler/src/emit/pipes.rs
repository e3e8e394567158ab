//! Pipes and schedule groups, the same in both targets (SAM has no type of
//! its own for either): `AWS::Pipes::Pipe` with its role, and
//! `AWS::Scheduler::ScheduleGroup` with the role its schedules run with.

use super::shared::{tag_list, tag_map};
use super::Template;
use crate::ast::DeclKind;
use crate::check::Proved;
use crate::iam::{pipe_statements, schedule_group_statements};
use crate::model::*;
use crate::naming::{ids, refs};
use serde_json::{json, Value as Json};

/// The role, then the pipe.
pub fn pipe(model: &Model, proved: &Proved, index: usize, t: &mut Template) {
    let p = &model.pipes[index];
    let id = ids::logical(&p.name);
    let role = ids::role(&p.name);
    let list = pipe_statements(model, p);
    super::roles::add_service_role(model, role.clone(), "pipes.amazonaws.com", &list, t);
    let source = match p.source.kind {
        DeclKind::Table => refs::get_att(&ids::logical(&p.source.name), "StreamArn"),
        kind => refs::arn(model, kind, &p.source.name),
    };
    let mut reading = json!({});
    if let Some(b) = &p.batch {
        reading["BatchSize"] = json!(b.value);
    }
    if let Some(w) = &p.window {
        reading["MaximumBatchingWindowInSeconds"] = json!(w.value);
    }
    if p.source.kind != DeclKind::Queue {
        reading["StartingPosition"] = json!(match p.start {
            StartPosition::Latest => "LATEST",
            StartPosition::TrimHorizon => "TRIM_HORIZON",
        });
    }
    let key = match p.source.kind {
        DeclKind::Queue => "SqsQueueParameters",
        DeclKind::Stream => "KinesisStreamParameters",
        _ => "DynamoDBStreamParameters",
    };
    let mut source_params = json!({});
    if reading.as_object().is_some_and(|o| !o.is_empty()) {
        source_params[key] = reading;
    }
    if let Some(docs) = proved.pipe_filters.get(&index) {
        let filters: Vec<Json> = docs
            .iter()
            .map(|d| json!({ "Pattern": super::pattern_json(model, d).to_string() }))
            .collect();
        source_params["FilterCriteria"] = json!({ "Filters": filters });
    }
    let mut props = json!({
        "RoleArn": refs::get_att(&role, "Arn"),
        "Source": source,
    });
    if source_params.as_object().is_some_and(|o| !o.is_empty()) {
        props["SourceParameters"] = source_params;
    }
    if let Some(e) = &p.enrichment {
        props["Enrichment"] = refs::arn(model, DeclKind::Function, &e.name);
    }
    props["Target"] = refs::arn(model, p.target.kind, &p.target.name);
    let mut target_params = json!({});
    let invocation = json!(if p.sync() {
        "REQUEST_RESPONSE"
    } else {
        "FIRE_AND_FORGET"
    });
    match p.target.kind {
        DeclKind::StateMachine => {
            target_params["StepFunctionStateMachineParameters"] =
                json!({ "InvocationType": invocation });
        }
        DeclKind::Function => {
            target_params["LambdaFunctionParameters"] = json!({ "InvocationType": invocation });
        }
        DeclKind::Stream => {
            if let Some(k) = &p.partition_key {
                target_params["KinesisStreamParameters"] = json!({ "PartitionKey": k.value });
            }
        }
        _ => {}
    }
    if let Some(input) = &p.input {
        target_params["InputTemplate"] = json!(input_template(input));
        t.prop(&id, "TargetParameters/InputTemplate", input.span);
    }
    if target_params.as_object().is_some_and(|o| !o.is_empty()) {
        props["TargetParameters"] = target_params;
    }
    super::shared::description(model, &p.name, &id, &mut props, t);
    super::shared::physical_name(model, &p.name, &id, "Name", &mut props, t);
    if !model.tags.is_empty() {
        props["Tags"] = tag_map(model);
    }
    t.prop(&id, "Source", p.source.span);
    t.prop(&id, "Target", p.target.span);
    t.add(
        id,
        json!({ "Type": "AWS::Pipes::Pipe", "Properties": props }),
    );
}

/// Pipes' input template: a JSON object whose values are literals or
/// `<$.path>` of the record, written as Pipes reads it (the placeholders
/// unquoted, so that a number stays a number).
fn input_template(input: &InputTransform) -> String {
    let entries: Vec<String> = input
        .entries
        .iter()
        .map(|(k, v)| {
            let value = match v {
                InputValue::Path(path) => format!("<$.{}>", path.text()),
                InputValue::Literal(j, _) => j.to_string(),
            };
            format!("{}: {value}", json!(k.value))
        })
        .collect();
    format!("{{{}}}", entries.join(", "))
}

/// The role its schedules run with, then the group.
pub fn schedule_group(model: &Model, g: &ScheduleGroup, t: &mut Template) {
    let id = ids::logical(&g.name);
    let list = schedule_group_statements(model, g);
    super::roles::add_service_role(
        model,
        ids::role(&g.name),
        "scheduler.amazonaws.com",
        &list,
        t,
    );
    let mut props = json!({});
    super::shared::physical_name(model, &g.name, &id, "Name", &mut props, t);
    if !model.tags.is_empty() {
        props["Tags"] = tag_list(model);
    }
    let mut resource = json!({ "Type": "AWS::Scheduler::ScheduleGroup" });
    if props.as_object().is_some_and(|o| !o.is_empty()) {
        resource["Properties"] = props;
    }
    t.add(id, resource);
}
