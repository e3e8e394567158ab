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
    let function = Invoked::of(model, &s.target.name);
    let mut target = json!({ "Arn": function.arn(), "RoleArn": get_att(&role, "Arn") });
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
    t.add(
        id,
        json!({ "Type": "AWS::Scheduler::Schedule", "Properties": props }),
    );
}
