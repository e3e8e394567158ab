//! Safe deploys: CloudWatch alarms, a function's published versions and
//! alias, its CodeDeploy traffic shifting and its provisioned concurrency.
//!
//! SAM writes the version, the alias, the CodeDeploy application and the
//! deployment group itself (`AutoPublishAlias`, `DeploymentPreference`);
//! the CloudFormation target writes them here, with the same logical IDs,
//! so that whatever refers to them names them alike in both. The
//! deployment's role, a deployment configuration that is not one of
//! CodeDeploy's predefined ones, and provisioned concurrency's scaling are
//! written here for both targets.

use super::{shared, Template};
use crate::model::*;
use crate::naming::ids::{self, logical};
use crate::naming::refs::{self, get_att, r#ref, sub};
use serde_json::{json, Value as Json};

/// The SAM properties of a function with an alias: `AutoPublishAlias` (a
/// version on any change of the function, the old one deleted),
/// `ProvisionedConcurrencyConfig` and `DeploymentPreference`. SAM points
/// the function's own events at the alias.
pub fn sam_properties(model: &Model, f: &Function, props: &mut Json, t: &mut Template) {
    let Some(alias) = f.alias_name() else { return };
    let id = logical(&f.name);
    props["AutoPublishAlias"] = json!(alias);
    props["AutoPublishAliasAllProperties"] = json!(true);
    props["VersionDeletionPolicy"] = json!("Delete");
    if let Some(a) = &f.alias {
        t.prop(&id, "AutoPublishAlias", a.span);
    }
    if let Some(p) = &f.provisioned {
        props["ProvisionedConcurrencyConfig"] =
            json!({ "ProvisionedConcurrentExecutions": p.executions.value });
        t.prop(&id, "ProvisionedConcurrencyConfig", p.span);
    }
    let Some(d) = &f.deploy else { return };
    let mut pref = json!({
        "Type": deployment_config(f, d),
        "Role": get_att(&ids::deploy_role(&f.name), "Arn"),
    });
    let alarms = rollback_alarms(model, f, d);
    if !alarms.is_empty() {
        pref["Alarms"] = json!(alarms);
    }
    let mut hooks = json!({});
    if let Some(h) = &d.before_traffic {
        hooks["PreTraffic"] = r#ref(&logical(&h.name));
    }
    if let Some(h) = &d.after_traffic {
        hooks["PostTraffic"] = r#ref(&logical(&h.name));
    }
    if hooks.as_object().is_some_and(|h| !h.is_empty()) {
        pref["Hooks"] = hooks;
    }
    if !d.notify.is_empty() {
        pref["TriggerConfigurations"] = json!(triggers(model, f, d));
    }
    // SAM writes the deployment group: under the function's condition, it
    // takes that condition only when asked.
    if model.when_of(&f.name).is_some() {
        pref["PassthroughCondition"] = json!(true);
    }
    props["DeploymentPreference"] = pref;
    t.prop(&id, "DeploymentPreference", d.span);
}

/// The CloudFormation target's published version and alias of a function
/// with one: `AWS::Lambda::Version` `<F>Version<hash>`, whose ID changes
/// with the function's properties (so a change publishes a new version)
/// and whose `Description` carries the template parameters they use (so a
/// new `CodeKeyPrefix` does too), and `AWS::Lambda::Alias`, moved by
/// CodeDeploy when the function shifts traffic.
pub fn cfn_published(model: &Model, f: &Function, function_props: &Json, t: &mut Template) {
    let Some(alias) = f.alias_name() else { return };
    let id = logical(&f.name);
    let (description, hash) = version_description(model, &f.name, function_props);
    let version = ids::version(&f.name, hash);
    t.add(
        version.clone(),
        json!({
            "Type": "AWS::Lambda::Version",
            "Properties": { "FunctionName": r#ref(&id), "Description": description },
        }),
    );
    let alias_id = ids::alias(&f.name, alias);
    let mut props = json!({
        "FunctionName": r#ref(&id),
        "FunctionVersion": get_att(&version, "Version"),
        "Name": alias,
    });
    if let Some(p) = &f.provisioned {
        props["ProvisionedConcurrencyConfig"] =
            json!({ "ProvisionedConcurrentExecutions": p.executions.value });
        t.prop(&alias_id, "ProvisionedConcurrencyConfig", p.span);
    }
    let mut resource = json!({ "Type": "AWS::Lambda::Alias", "Properties": props });
    if let Some(d) = &f.deploy {
        // CloudFormation hands the move of the alias to CodeDeploy, which
        // shifts traffic, runs the hooks and rolls back on the alarms.
        let mut update = json!({
            "ApplicationName": r#ref(ids::DEPLOY_APPLICATION),
            "DeploymentGroupName": r#ref(&ids::deployment_group(&f.name)),
        });
        if let Some(h) = &d.before_traffic {
            update["BeforeAllowTrafficHook"] = r#ref(&logical(&h.name));
        }
        if let Some(h) = &d.after_traffic {
            update["AfterAllowTrafficHook"] = r#ref(&logical(&h.name));
        }
        resource["UpdatePolicy"] = json!({ "CodeDeployLambdaAliasUpdate": update });
    }
    if let Some(a) = &f.alias {
        t.prop(&alias_id, "Name", a.span);
    }
    t.add(alias_id, resource);
}

/// The description of a function's published version, given the
/// function's properties, and the hash of them: a hash, then each template
/// parameter they use, as its value (`Fn::Sub`). A version is immutable:
/// a new logical ID (the hash) or a new description makes CloudFormation
/// publish a new one. So a new version comes with every change of the
/// function's properties in the template (code location, environment,
/// memory, ...) and of the parameters they name (a new `CodeKeyPrefix` per
/// release). A resource it names being replaced (a table's new name in its
/// environment) changes the function alone, as it does with SAM's
/// `AutoPublishAliasAllProperties`.
fn version_description(model: &Model, function: &str, props: &Json) -> (Json, u32) {
    let mut params: Vec<String> = Vec::new();
    let declared: Vec<String> = model.params.iter().map(|p| logical(&p.name)).collect();
    let is_param = |id: &str| {
        id == super::cfn::CODE_BUCKET
            || id == super::cfn::CODE_PREFIX
            || declared.iter().any(|d| d == id)
    };
    parameters(props, &is_param, &mut params);
    let hash = ids::fnv(&props.to_string()) as u32;
    let mut text = format!("{function} {hash:08x}");
    if params.is_empty() {
        return (json!(text), hash);
    }
    for p in &params {
        text.push_str(&format!(" ${{{p}}}"));
    }
    (sub(&text), hash)
}

/// The template parameters `value` refers to (`Ref`, `${...}` of
/// `Fn::Sub`), in order of first use.
fn parameters(value: &Json, is_param: &dyn Fn(&str) -> bool, out: &mut Vec<String>) {
    let mut found = |id: &str| {
        if is_param(id) && !out.iter().any(|p| p == id) {
            out.push(id.to_string());
        }
    };
    match value {
        Json::Object(m) => {
            if let Some(Json::String(id)) = m.get("Ref") {
                found(id);
            }
            if let Some(Json::String(text)) = m.get("Fn::Sub") {
                for name in crate::naming::references(text) {
                    found(name);
                }
            }
            for v in m.values() {
                parameters(v, is_param, out);
            }
        }
        Json::Array(items) => {
            for v in items {
                parameters(v, is_param, out);
            }
        }
        _ => {}
    }
}

/// The names of the alarms a deployment rolls back on: its `rollback_on`
/// (`Ref`), then the SLO alarms of the function and of the routes it
/// serves (by name: see [`crate::observe::rollback_ids`]).
pub(super) fn rollback_alarms(model: &Model, f: &Function, d: &Deploy) -> Vec<Json> {
    let mut out: Vec<Json> = d
        .rollback_on
        .iter()
        .map(|a| r#ref(&logical(&a.name)))
        .collect();
    for (_, name) in crate::observe::rollback_ids(model, f) {
        out.push(sub(&format!("${{AWS::StackName}}-{name}")));
    }
    out
}

/// The deployment configuration of a traffic shift: CodeDeploy's
/// predefined one (`Canary10Percent5Minutes` for SAM's `Type`,
/// `CodeDeployDefault.LambdaCanary10Percent5Minutes` for a deployment
/// group), else the `<F>DeployConfig` written for it.
fn deployment_config(f: &Function, d: &Deploy) -> Json {
    match d.shift.value.predefined() {
        Some(name) => json!(name),
        None => r#ref(&ids::deploy_config(&f.name)),
    }
}

/// The CodeDeploy triggers of a deployment: one per topic, on the events
/// a person follows (start, success, failure, stop, rollback).
fn triggers(model: &Model, f: &Function, d: &Deploy) -> Vec<Json> {
    d.notify
        .iter()
        .map(|topic| {
            json!({
                "TriggerName": format!("{}-{}", f.name, topic.name),
                "TriggerTargetArn": refs::arn(model, crate::ast::DeclKind::Topic, &topic.name),
                "TriggerEvents": [
                    "DeploymentStart",
                    "DeploymentSuccess",
                    "DeploymentFailure",
                    "DeploymentStop",
                    "DeploymentRollback",
                ],
            })
        })
        .collect()
}

/// What a function that shifts traffic needs in both targets besides what
/// SAM writes: CodeDeploy's role for it (least privilege, see
/// [`crate::iam::deploy_statements`]) and a deployment configuration that
/// is not predefined; in the CloudFormation target its deployment group.
pub fn deployment(model: &Model, f: &Function, target: super::Target, t: &mut Template) {
    let Some(d) = &f.deploy else { return };
    if f.alias_name().is_none() {
        return;
    }
    let statements = crate::iam::deploy_statements(model, f);
    super::roles::add_service_role(
        model,
        ids::deploy_role(&f.name),
        "codedeploy.amazonaws.com",
        &statements,
        t,
    );
    if d.shift.value.predefined().is_none() {
        let routing = match d.shift.value {
            Shift::Canary { percent, minutes } => json!({
                "Type": "TimeBasedCanary",
                "TimeBasedCanary": { "CanaryPercentage": percent, "CanaryInterval": minutes },
            }),
            Shift::Linear { percent, minutes } => json!({
                "Type": "TimeBasedLinear",
                "TimeBasedLinear": { "LinearPercentage": percent, "LinearInterval": minutes },
            }),
            Shift::AllAtOnce => json!({ "Type": "AllAtOnce" }),
        };
        let id = ids::deploy_config(&f.name);
        t.add(
            id.clone(),
            json!({
                "Type": "AWS::CodeDeploy::DeploymentConfig",
                "Properties": { "ComputePlatform": "Lambda", "TrafficRoutingConfig": routing },
            }),
        );
        t.prop(&id, "TrafficRoutingConfig", d.shift.span);
    }
    if target == super::Target::Sam {
        return;
    }
    let config = match d.shift.value.predefined() {
        Some(name) => json!(format!("CodeDeployDefault.Lambda{name}")),
        None => r#ref(&ids::deploy_config(&f.name)),
    };
    let mut props = json!({
        "ApplicationName": r#ref(ids::DEPLOY_APPLICATION),
        "ServiceRoleArn": get_att(&ids::deploy_role(&f.name), "Arn"),
        "DeploymentConfigName": config,
        "DeploymentStyle": { "DeploymentType": "BLUE_GREEN", "DeploymentOption": "WITH_TRAFFIC_CONTROL" },
        "AutoRollbackConfiguration": {
            "Enabled": true,
            "Events": ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM", "DEPLOYMENT_STOP_ON_REQUEST"],
        },
    });
    let alarms = rollback_alarms(model, f, d);
    if !alarms.is_empty() {
        let alarms: Vec<Json> = alarms.into_iter().map(|a| json!({ "Name": a })).collect();
        props["AlarmConfiguration"] = json!({ "Enabled": true, "Alarms": alarms });
    }
    if !d.notify.is_empty() {
        props["TriggerConfigurations"] = json!(triggers(model, f, d));
    }
    let id = ids::deployment_group(&f.name);
    t.add(
        id.clone(),
        json!({ "Type": "AWS::CodeDeploy::DeploymentGroup", "Properties": props }),
    );
    if let Some(a) = d.rollback_on.first() {
        t.prop(&id, "AlarmConfiguration", a.span);
    }
    t.prop(&id, "DeploymentConfigName", d.shift.span);
}

/// The CodeDeploy application of the CloudFormation target, once for all
/// the functions that shift traffic (SAM writes its own).
pub fn cfn_application(model: &Model, t: &mut Template) {
    if !model
        .functions
        .iter()
        .any(|f| f.deploy.is_some() && f.alias_name().is_some())
    {
        return;
    }
    let mut props = json!({ "ComputePlatform": "Lambda" });
    if !model.tags.is_empty() {
        props["Tags"] = shared::tag_list(model);
    }
    t.add(
        ids::DEPLOY_APPLICATION.to_string(),
        json!({ "Type": "AWS::CodeDeploy::Application", "Properties": props }),
    );
}

/// Application Auto Scaling of a function's provisioned concurrency
/// (`scaled { ... }`), both targets: the alias as a scalable target
/// (`function:NAME:ALIAS`, dimension `lambda:function:ProvisionedConcurrency`)
/// with its scheduled actions, and a target tracking policy on the
/// fraction in use. Application Auto Scaling acts through its
/// service-linked role for Lambda, which it creates itself.
pub fn scaling(f: &Function, t: &mut Template) {
    let (Some(alias), Some(p)) = (f.alias_name(), &f.provisioned) else {
        return;
    };
    let Some(s) = &p.scaling else { return };
    let fid = logical(&f.name);
    let target = ids::concurrency_target(&f.name);
    let mut props = json!({
        "ServiceNamespace": "lambda",
        "ScalableDimension": "lambda:function:ProvisionedConcurrency",
        "ResourceId": sub(&format!("function:${{{fid}}}:{alias}")),
        "MinCapacity": s.min.value,
        "MaxCapacity": s.max.value,
    });
    if !s.schedules.is_empty() {
        let actions: Vec<Json> = s
            .schedules
            .iter()
            .map(|x| {
                let mut bounds = json!({});
                if let Some(m) = &x.min {
                    bounds["MinCapacity"] = json!(m.value);
                }
                if let Some(m) = &x.max {
                    bounds["MaxCapacity"] = json!(m.value);
                }
                let mut a = json!({
                    "ScheduledActionName": x.name.value,
                    "Schedule": x.schedule.value,
                    "ScalableTargetAction": bounds,
                });
                if let Some(tz) = &x.timezone {
                    a["Timezone"] = json!(tz.value);
                }
                a
            })
            .collect();
        props["ScheduledActions"] = json!(actions);
        t.prop(&target, "ScheduledActions", s.schedules[0].name.span);
    }
    t.prop(&target, "MinCapacity", s.min.span);
    t.prop(&target, "MaxCapacity", s.max.span);
    // The alias (SAM's, or the CloudFormation target's) must exist first.
    t.add(
        target.clone(),
        json!({
            "Type": "AWS::ApplicationAutoScaling::ScalableTarget",
            "DependsOn": [ids::alias(&f.name, alias)],
            "Properties": props,
        }),
    );
    if let Some(u) = &s.utilization {
        let policy = ids::concurrency_policy(&f.name);
        t.add(
            policy.clone(),
            json!({
                "Type": "AWS::ApplicationAutoScaling::ScalingPolicy",
                "Properties": {
                    "PolicyName": format!("{}-provisioned-utilization", f.name),
                    "PolicyType": "TargetTrackingScaling",
                    "ScalingTargetId": r#ref(&target),
                    "TargetTrackingScalingPolicyConfiguration": {
                        "TargetValue": u.value,
                        "PredefinedMetricSpecification": {
                            "PredefinedMetricType": "LambdaProvisionedConcurrencyUtilization",
                        },
                    },
                },
            }),
        );
        t.prop(
            &policy,
            "TargetTrackingScalingPolicyConfiguration/TargetValue",
            u.span,
        );
    }
}
