//! Everything that invokes a function with an alias invokes the alias.
//!
//! A permission on the function while the integration calls the alias (or
//! the other way round) is the classic production 500, and a trigger on the
//! function skips the alias's provisioned concurrency and traffic shifting.
//! Every example, every real-world spec and `tests/deploy/app.sls` are
//! built in both targets as written, and again with `alias = live` added
//! to every function ("aliases everywhere"); in each template, no
//! invocation path of an aliased function may name the unqualified
//! function: permissions, event source mappings, subscriptions, bucket
//! notifications, rule, schedule and pipe targets, API integrations and
//! authorizers, destinations, state machine substitutions, user pool
//! triggers and the roles that invoke it. SAM points the events it writes
//! itself (inside the function) at the alias on its own.

#[path = "support/common.rs"]
mod common;

use serde_json::Value;
use slsc::Target;
use std::path::{Path, PathBuf};

/// Every spec the test builds, by path from the repository root.
fn specs() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = common::examples()
        .into_iter()
        .map(|e| Path::new("examples").join(e).join("app.sls"))
        .collect();
    let dir = common::root().join("tests/realworld");
    let mut real: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".sls"))
        .map(|n| Path::new("tests/realworld").join(n))
        .collect();
    real.sort();
    out.extend(real);
    out.push(PathBuf::from("tests/deploy/app.sls"));
    out.push(PathBuf::from("tests/deploy/conditional.sls"));
    out
}

/// `text` with `alias = live` first in the body of every function
/// declared at the start of a line.
fn with_aliases(text: &str) -> String {
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        out.push_str(line);
        let declares = line.starts_with("function ") && !line.contains("alias");
        // A function that has an alias keeps its own.
        let rest = &text[text.find(line).unwrap_or(0)..];
        let body_end = rest.find("\n}").unwrap_or(rest.len());
        let own = rest[..body_end].contains("\n  alias ");
        if declares && !own {
            if let Some(brace) = line.find('{') {
                // `function F { handler = "..." }` on one line: the alias
                // goes right after the brace.
                out.truncate(out.len() - line.len());
                out.push_str(&line[..=brace]);
                out.push_str("\n  alias = live\n");
                out.push_str(&line[brace + 1..]);
            }
        }
    }
    out
}

/// The logical IDs of the aliased functions of a template, with their
/// alias's ID.
fn aliased(template: &Value) -> Vec<(String, String)> {
    let resources = template["Resources"].as_object().unwrap();
    let mut out = Vec::new();
    for (id, r) in resources {
        let props = &r["Properties"];
        match r["Type"].as_str() {
            Some("AWS::Serverless::Function") => {
                if let Some(alias) = props["AutoPublishAlias"].as_str() {
                    out.push((id.clone(), format!("{id}Alias{alias}")));
                }
            }
            Some("AWS::Lambda::Alias") => {
                if let Some(f) = props["FunctionName"]["Ref"].as_str() {
                    out.push((f.to_string(), id.clone()));
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether `v` names function `f` unqualified: `Ref: F`, `GetAtt F.Arn`,
/// or `${F}` / `${F.Arn}` in a `Fn::Sub` not followed by `:` (a
/// qualifier).
fn names_unqualified(v: &Value, f: &str) -> bool {
    match v {
        Value::Object(m) => {
            if m.get("Ref").and_then(Value::as_str) == Some(f) {
                return true;
            }
            if let Some(Value::Array(a)) = m.get("Fn::GetAtt") {
                if a.first().and_then(Value::as_str) == Some(f)
                    && a.get(1).and_then(Value::as_str) == Some("Arn")
                {
                    return true;
                }
            }
            let sub_text = match m.get("Fn::Sub") {
                Some(Value::String(s)) => Some(s.as_str()),
                Some(Value::Array(a)) => a.first().and_then(Value::as_str),
                _ => None,
            };
            if let Some(s) = sub_text {
                for pat in [format!("${{{f}}}"), format!("${{{f}.Arn}}")] {
                    let mut rest = s;
                    while let Some(i) = rest.find(&pat) {
                        let after = &rest[i + pat.len()..];
                        if !after.starts_with(':') {
                            return true;
                        }
                        rest = after;
                    }
                }
            }
            m.values().any(|x| names_unqualified(x, f))
        }
        Value::Array(a) => a.iter().any(|x| names_unqualified(x, f)),
        _ => false,
    }
}

/// Every invocation path in `template` that names an aliased function
/// unqualified, as `resource: what`, leaving out the resources the spec
/// writes itself (`resource` declarations, the escape hatch, where
/// `F.arn` is the function's ARN as documented).
fn unqualified_paths(template: &Value, written: &[String]) -> Vec<String> {
    let resources = template["Resources"].as_object().unwrap();
    // CodeDeploy invokes a hook by its name: a hook with an alias of its
    // own is reported (W0244), not pointed at its alias.
    let hooks: Vec<&str> = resources
        .values()
        .flat_map(|r| {
            let sam = r["Properties"]["DeploymentPreference"]["Hooks"].as_object();
            let cfn = r["UpdatePolicy"]["CodeDeployLambdaAliasUpdate"].as_object();
            sam.into_iter().chain(cfn).flat_map(|m| m.values())
        })
        .filter_map(|v| v["Ref"].as_str())
        .collect();
    let mut out = Vec::new();
    for (f, alias) in aliased(template) {
        if hooks.contains(&f.as_str()) {
            continue;
        }
        for (id, r) in resources {
            if written.contains(id) {
                continue;
            }
            let ty = r["Type"].as_str().unwrap_or("");
            let props = &r["Properties"];
            let found = match ty {
                // The function itself, its versions, alias and
                // asynchronous settings (qualified by `Qualifier`) name it
                // by design; so do alarms (`FunctionName` next to
                // `Resource NAME:ALIAS`) and the deployment's resources.
                _ if id == &f => {
                    // SAM's own events are SAM's to point at the alias;
                    // the destinations it writes are ours.
                    names_unqualified(&props["EventInvokeConfig"], &f)
                }
                "AWS::Lambda::Version"
                | "AWS::Lambda::Alias"
                | "AWS::Lambda::EventInvokeConfig"
                | "AWS::CloudWatch::Alarm"
                | "AWS::CloudWatch::Dashboard"
                | "AWS::Logs::LogGroup" => {
                    ty == "AWS::Lambda::EventInvokeConfig"
                        && names_unqualified(&props["DestinationConfig"], &f)
                }
                // Roles: a statement that may invoke the function must name
                // its alias (it may name the function too: code that calls
                // `$LATEST` with `invokes` is not denied).
                "AWS::IAM::Role" => props["Policies"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .flat_map(|p| {
                        p["PolicyDocument"]["Statement"]
                            .as_array()
                            .cloned()
                            .unwrap_or_default()
                    })
                    .any(|s| {
                        let invokes = s["Action"]
                            .as_array()
                            .is_some_and(|a| a.iter().any(|x| x == "lambda:InvokeFunction"));
                        let resources = s["Resource"].as_array().cloned().unwrap_or_default();
                        let to_f = resources.iter().any(|x| names_unqualified(x, &f));
                        let to_alias = resources.iter().any(|x| {
                            x["Ref"] == Value::String(alias.clone())
                                || x["Fn::Sub"].as_str().is_some_and(|t| {
                                    t.contains(&format!("${{{f}.Arn}}:"))
                                        || t.contains(&format!("${{{alias}}}"))
                                })
                        });
                        invokes && to_f && !to_alias
                    }),
                // A function's environment may hold another function's
                // name or ARN (`env { F = G.arn }`): code that invokes it
                // is granted the alias too, above.
                "AWS::Serverless::Function" | "AWS::Lambda::Function" => {
                    let mut p = props.clone();
                    if let Some(m) = p.as_object_mut() {
                        m.remove("Environment");
                        m.remove("Events");
                    }
                    names_unqualified(&p, &f)
                }
                _ => names_unqualified(r, &f),
            };
            if found {
                out.push(format!("{id} ({ty}) invokes {f} instead of {alias}"));
            }
        }
    }
    out
}

#[test]
fn every_invocation_of_an_aliased_function_invokes_the_alias() {
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut aliased_functions = 0;
    for spec in specs() {
        let text = std::fs::read_to_string(common::root().join(&spec)).unwrap();
        for (variant, source) in [
            ("as written", text.clone()),
            ("aliases everywhere", with_aliases(&text)),
        ] {
            let c = slsc::compile_bytes(
                &spec.display().to_string(),
                Some(&common::root().join(&spec)),
                source.into_bytes(),
                common::options(),
            );
            if c.has_errors() {
                // Aliases everywhere must not break a spec that compiled.
                failures.push(format!(
                    "{} ({variant}): does not compile:\n{}",
                    spec.display(),
                    common::rendered(&c)
                ));
                continue;
            }
            for target in [Target::Sam, Target::CloudFormation] {
                let built = slsc::build(&c, target).unwrap();
                aliased_functions += aliased(&built).len();
                checked += 1;
                let written: Vec<String> = c
                    .model
                    .resources
                    .iter()
                    .map(|r| slsc::naming::ids::logical(&r.name))
                    .collect();
                for p in unqualified_paths(&built, &written) {
                    failures.push(format!("{} ({variant}, {target:?}): {p}", spec.display()));
                }
            }
        }
    }
    assert!(checked > 40, "built only {checked} templates");
    assert!(
        aliased_functions > 100,
        "only {aliased_functions} aliased functions"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_walk_sees_an_unqualified_permission() {
    let template = serde_json::json!({
        "Resources": {
            "F": { "Type": "AWS::Lambda::Function", "Properties": {} },
            "FAliaslive": { "Type": "AWS::Lambda::Alias", "Properties": { "FunctionName": { "Ref": "F" }, "Name": "live" } },
            "P": { "Type": "AWS::Lambda::Permission", "Properties": { "FunctionName": { "Ref": "F" } } },
            "I": { "Type": "AWS::ApiGatewayV2::Integration", "Properties": { "IntegrationUri": { "Fn::Sub": "arn:aws:apigateway:r:lambda:path/functions/${F.Arn}/invocations" } } },
            "Ok": { "Type": "AWS::ApplicationAutoScaling::ScalableTarget", "Properties": { "ResourceId": { "Fn::Sub": "function:${F}:live" } } },
        }
    });
    let found = unqualified_paths(&template, &[]);
    assert_eq!(found.len(), 2, "{found:?}");
}
