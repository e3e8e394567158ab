//! The permissions report: every statement of every function's role and
//! every schedule's, rule's, API's and state machine's role, with the spec text that caused it
//! (`slsc permissions`).

use crate::iam;
pub use crate::iam::{
    api_statements, schedule_statements, state_machine_statements, statements, Statement,
};
use crate::Compilation;
use serde::Serialize;
use serde_json::Value as Json;

/// One function's (or schedule's) role, as the report shows it.
#[derive(Debug, Clone, Serialize)]
pub struct FunctionPermissions {
    /// The function (empty for a schedule's role).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub function: String,
    /// The schedule, for a schedule's role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<String>,
    /// The rule, for the role a rule forwards to other buses with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The API, for the role API Gateway assumes for its direct routes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api: Option<String>,
    /// The state machine, for a state machine's role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state_machine: Option<String>,
    /// A `resource` declaration, listed as unchecked: slsc writes it as the
    /// spec does and does not know what it grants or does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// The CloudFormation type of that `resource`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
    /// True for a `resource`: what it grants is not checked (no role or
    /// statements are listed for it).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unchecked: bool,
    /// The logical ID of its role (of the resource, for a `resource`).
    pub role: String,
    /// AWS managed policies attached (X-Ray when tracing is active).
    pub managed_policies: Vec<String>,
    /// Its statements.
    pub statements: Vec<StatementReport>,
}

/// One statement and where it comes from.
#[derive(Debug, Clone, Serialize)]
pub struct StatementReport {
    /// Statement id.
    pub sid: String,
    /// IAM actions.
    pub actions: Vec<String>,
    /// Resources, CloudFormation expressions written out (`Orders.Arn`).
    pub resources: Vec<String>,
    /// The condition block, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<Json>,
    /// Why, in the spec's words.
    pub because: String,
    /// Where in the spec: `file:line:column`.
    pub at: String,
}

/// The report for every function and schedule, or for one (by name).
pub fn report(c: &Compilation, function: Option<&str>) -> Vec<FunctionPermissions> {
    let located = |list: Vec<iam::Statement>| -> Vec<StatementReport> {
        list.into_iter()
            .map(|s| {
                let file = c.sources.get(s.cause.file);
                let (line, col) = file.line_col(s.cause.start);
                StatementReport {
                    sid: s.sid,
                    actions: s.actions,
                    resources: s.resources.iter().map(render).collect(),
                    condition: s.condition,
                    because: s.because,
                    at: format!("{}:{line}:{col}", file.name),
                }
            })
            .collect()
    };
    let schedules = c
        .model
        .schedules
        .iter()
        .filter(|s| function.is_none_or(|name| s.name == name))
        .map(|s| FunctionPermissions {
            function: String::new(),
            rule: None,
            api: None,
            state_machine: None,
            schedule: Some(s.name.clone()),
            resource: None,
            resource_type: None,
            unchecked: false,
            role: crate::naming::ids::role(&s.name),
            managed_policies: Vec::new(),
            statements: located(iam::schedule_statements(&c.model, s)),
        });
    // Rules with bus targets have a role of their own.
    let rules = c
        .model
        .rules
        .iter()
        .filter(|r| function.is_none_or(|name| r.name == name))
        .filter_map(|r| {
            let statements = iam::rule_statements(&c.model, r);
            (!statements.is_empty()).then(|| FunctionPermissions {
                function: String::new(),
                schedule: None,
                rule: Some(r.name.clone()),
                api: None,
                state_machine: None,
                resource: None,
                resource_type: None,
                unchecked: false,
                role: crate::naming::ids::role(&r.name),
                managed_policies: Vec::new(),
                statements: located(statements),
            })
        });
    // APIs with direct routes have a role API Gateway assumes.
    let apis = c
        .model
        .apis
        .iter()
        .filter(|a| function.is_none_or(|name| a.name == name))
        .filter_map(|a| {
            let statements = iam::api_statements(&c.model, a);
            (!statements.is_empty()).then(|| FunctionPermissions {
                function: String::new(),
                schedule: None,
                rule: None,
                api: Some(a.name.clone()),
                state_machine: None,
                resource: None,
                resource_type: None,
                unchecked: false,
                role: crate::naming::ids::role(&a.name),
                managed_policies: Vec::new(),
                statements: located(statements),
            })
        });
    let machines = c
        .model
        .state_machines
        .iter()
        .filter(|m| function.is_none_or(|name| m.name == name))
        .map(|m| FunctionPermissions {
            function: String::new(),
            schedule: None,
            rule: None,
            api: None,
            state_machine: Some(m.name.clone()),
            resource: None,
            resource_type: None,
            unchecked: false,
            role: crate::naming::ids::role(&m.name),
            managed_policies: if m.tracing {
                vec!["arn:${AWS::Partition}:iam::aws:policy/AWSXrayWriteOnlyAccess".into()]
            } else {
                Vec::new()
            },
            statements: located(iam::state_machine_statements(&c.model, m)),
        });
    // `resource` declarations: listed, unchecked.
    let unchecked = c
        .model
        .resources
        .iter()
        .filter(|r| function.is_none_or(|name| r.name == name))
        .map(|r| FunctionPermissions {
            function: String::new(),
            schedule: None,
            rule: None,
            api: None,
            state_machine: None,
            resource: Some(r.name.clone()),
            resource_type: Some(r.ty.value.clone()),
            unchecked: true,
            role: crate::naming::ids::logical(&r.name),
            managed_policies: Vec::new(),
            statements: Vec::new(),
        });
    c.model
        .functions
        .iter()
        .filter(|f| function.is_none_or(|name| f.name == name))
        .map(|f| {
            let statements = located(iam::statements(&c.model, f));
            FunctionPermissions {
                schedule: None,
                rule: None,
                api: None,
                state_machine: None,
                function: f.name.clone(),
                resource: None,
                resource_type: None,
                unchecked: false,
                role: crate::naming::ids::role(&f.name),
                managed_policies: if f.tracing {
                    vec!["arn:${AWS::Partition}:iam::aws:policy/AWSXrayWriteOnlyAccess".into()]
                } else {
                    Vec::new()
                },
                statements,
            }
        })
        .chain(schedules)
        .chain(rules)
        .chain(apis)
        .chain(machines)
        .chain(unchecked)
        .collect()
}

/// The report as text, one block per function.
pub fn text(report: &[FunctionPermissions]) -> String {
    let mut out = String::new();
    for f in report {
        if let (Some(r), Some(ty)) = (&f.resource, &f.resource_type) {
            out.push_str(&format!(
                "resource {r} ({ty}): unchecked, written as the spec writes it; slsc does not know what it grants or does\n\n"
            ));
            continue;
        }
        match (&f.schedule, &f.rule, &f.api, &f.state_machine) {
            (Some(s), ..) => out.push_str(&format!("schedule {s} (role {})\n", f.role)),
            (_, Some(r), ..) => out.push_str(&format!("rule {r} (role {})\n", f.role)),
            (_, _, Some(a), _) => out.push_str(&format!("api {a} (role {})\n", f.role)),
            (_, _, _, Some(m)) => out.push_str(&format!("state machine {m} (role {})\n", f.role)),
            _ => out.push_str(&format!("function {} (role {})\n", f.function, f.role)),
        }
        for s in &f.statements {
            out.push_str(&format!("  {}  {}\n", s.sid, s.actions.join(", ")));
            for r in &s.resources {
                out.push_str(&format!("      on {r}\n"));
            }
            if let Some(c) = &s.condition {
                out.push_str(&format!("      if {c}\n"));
            }
            out.push_str(&format!("      because {} ({})\n", s.because, s.at));
        }
        for m in &f.managed_policies {
            out.push_str(&format!("  managed policy {m}\n"));
        }
        out.push('\n');
    }
    out
}

/// A CloudFormation expression written as a person reads it: `Orders.Arn`,
/// `${Orders.Arn}/index/*`, `arn:${AWS::Partition}:s3:::uploads-${stack id}`.
pub fn render(v: &Json) -> String {
    match v {
        Json::String(s) => s.clone(),
        Json::Object(m) => {
            if let Some(Json::String(r)) = m.get("Ref") {
                return format!("${{{r}}}");
            }
            if let Some(Json::Array(a)) = m.get("Fn::GetAtt") {
                let parts: Vec<&str> = a.iter().filter_map(Json::as_str).collect();
                return format!("${{{}}}", parts.join("."));
            }
            if let Some(Json::String(s)) = m.get("Fn::Sub") {
                return s.clone();
            }
            if let Some(Json::Array(a)) = m.get("Fn::Join") {
                let sep = a.first().and_then(Json::as_str).unwrap_or("");
                let items = a
                    .get(1)
                    .and_then(Json::as_array)
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                return items.iter().map(render).collect::<Vec<_>>().join(sep);
            }
            if m.contains_key("Fn::Select") {
                return "${stack id}".into();
            }
            v.to_string()
        }
        other => other.to_string(),
    }
}
