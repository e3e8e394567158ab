//! Rules and schedules, with their targets' retry policies and dead-letter
//! queues.

use super::shared::permission;
use super::{pattern_json, Template};
use crate::ast::DeclKind;
use crate::check::patterns::Doc;
use crate::model::*;
use crate::naming::ids::{self, logical};
use crate::naming::refs::{self, get_att, r#ref, Invoked};
use serde_json::{json, Value as Json};

/// An EventBridge target's retry policy and dead-letter config.
fn delivery(target: &mut Json, retry: &RetryPolicy, dead_letter: Option<&Ref>) {
    if retry.attempts.is_some() || retry.max_age.is_some() {
        let mut p = json!({});
        if let Some(a) = &retry.attempts {
            p["MaximumRetryAttempts"] = json!(a.value);
        }
        if let Some(m) = &retry.max_age {
            p["MaximumEventAgeInSeconds"] = json!(m.value);
        }
        target["RetryPolicy"] = p;
    }
    if let Some(d) = dead_letter {
        target["DeadLetterConfig"] = json!({ "Arn": get_att(&logical(&d.name), "Arn") });
    }
}

/// An EventBridge rule with its pattern, targets and the permissions of its function targets.
/// `pattern` is the one `check` proved for the rule's filter.
pub fn rule(model: &Model, r: &Rule, pattern: Option<&Doc>, t: &mut Template) {
    let id = logical(&r.name);
    let mut targets = Vec::new();
    for target in &r.targets {
        let tid = logical(&target.name);
        let mut tj = json!({ "Id": tid, "Arn": refs::arn(model, target.kind, &target.name) });
        if target.kind == DeclKind::Queue && model.queue(&target.name).is_some_and(|q| q.fifo) {
            tj["SqsParameters"] = json!({ "MessageGroupId": r.name });
        }
        // EventBridge puts events on another bus, and starts state
        // machines, with the rule's role.
        if matches!(target.kind, DeclKind::Bus | DeclKind::StateMachine) {
            tj["RoleArn"] = get_att(&ids::role(&r.name), "Arn");
        }
        if let Some((_, input)) = r.inputs.iter().find(|(n, _)| *n == target.name) {
            tj["InputTransformer"] = input_transformer(input);
        }
        delivery(&mut tj, &r.retry, r.dead_letter.as_ref());
        targets.push(tj);
    }
    let mut props = json!({});
    if let Some(b) = &r.bus {
        props["EventBusName"] = r#ref(&logical(&b.name));
    }
    props["EventPattern"] = pattern.map_or(json!({}), |p| pattern_json(model, p));
    props["State"] = json!("ENABLED");
    props["Targets"] = Json::Array(targets);
    super::shared::description(model, &r.name, &id, &mut props, t);
    super::shared::physical_name(model, &r.name, &id, "Name", &mut props, t);
    if let Some(m) = &r.event {
        t.prop(&id, "EventPattern", m.span);
    }
    for (i, target) in r.targets.iter().enumerate() {
        t.prop(&id, &format!("Targets/{i}"), target.span);
    }
    // No DependsOn on the queue or topic policies: they name this rule's ARN
    // in their conditions, so they are created after it.
    t.add(
        id.clone(),
        json!({ "Type": "AWS::Events::Rule", "Properties": props }),
    );
    super::roles::add_rule_role(model, r, t);
    for target in r.targets.iter().filter(|t| t.kind == DeclKind::Function) {
        let fid = logical(&target.name);
        t.add(
            format!("{id}{fid}Permission"),
            permission(
                &Invoked::of(model, &target.name),
                "events.amazonaws.com",
                get_att(&id, "Arn"),
            ),
        );
    }
}

/// An EventBridge Scheduler schedule and the role it invokes its function
/// with (Scheduler uses a role, not the function's resource policy, and the
/// same role to send to the dead-letter queue).
pub fn schedule(model: &Model, s: &Schedule, t: &mut Template) {
    let id = logical(&s.name);
    let expr = match &s.kind {
        ScheduleKind::Rate(r) => r.value.clone(),
        ScheduleKind::Cron(c) => format!("cron({})", c.value),
    };
    let role = ids::role(&s.name);
    super::roles::add_schedule_role(model, s, t);
    let arn = match s.target.kind {
        DeclKind::StateMachine => refs::arn(model, DeclKind::StateMachine, &s.target.name),
        _ => Invoked::of(model, &s.target.name).arn(),
    };
    let mut target = json!({ "Arn": arn, "RoleArn": get_att(&role, "Arn") });
    if let Some(input) = &s.input {
        target["Input"] = json!(input.value.to_string());
    }
    delivery(&mut target, &s.retry, s.dead_letter.as_ref());
    let window = match &s.window {
        Some(w) => json!({ "Mode": "FLEXIBLE", "MaximumWindowInMinutes": w.value / 60 }),
        None => json!({ "Mode": "OFF" }),
    };
    let mut props = json!({
        "ScheduleExpression": expr,
        "FlexibleTimeWindow": window,
        "State": "ENABLED",
        "Target": target,
    });
    if let Some(tz) = &s.timezone {
        props["ScheduleExpressionTimezone"] = json!(tz.value);
    }
    super::shared::description(model, &s.name, &id, &mut props, t);
    super::shared::physical_name(model, &s.name, &id, "Name", &mut props, t);
    t.add(
        id,
        json!({ "Type": "AWS::Scheduler::Schedule", "Properties": props }),
    );
}

/// EventBridge's input transformer for `input = { ... }`: each field of the
/// event a JSONPath in `InputPathsMap`, and a JSON template placing each
/// one unquoted (EventBridge inserts the value as JSON: a string with its
/// quotes) and each literal as JSON.
fn input_transformer(input: &InputTransform) -> Json {
    let mut paths = serde_json::Map::new();
    let mut template = String::from("{");
    for (i, (key, value)) in input.entries.iter().enumerate() {
        if i > 0 {
            template.push_str(", ");
        }
        template.push_str(&Json::String(key.value.clone()).to_string());
        template.push_str(": ");
        match value {
            InputValue::Path(path) => {
                paths.insert(key.value.clone(), json!(format!("$.{}", path.text())));
                template.push_str(&format!("<{}>", key.value));
            }
            InputValue::Literal(j, _) => template.push_str(&j.to_string()),
        }
    }
    template.push('}');
    let mut t = json!({});
    if !paths.is_empty() {
        t["InputPathsMap"] = Json::Object(paths);
    }
    t["InputTemplate"] = json!(template);
    t
}
