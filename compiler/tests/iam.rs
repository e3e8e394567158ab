//! Least privilege, proved on every example: every statement of every
//! emitted role is justified by a declared verb, trigger or destination (its
//! cause points at that text in the spec), every declared verb produced its
//! statements, the template holds exactly the derived statements, and no
//! statement has a `*` action or resource.

#[path = "support/common.rs"]
mod common;

use slsc::model::Trigger;
use slsc::Target;
use std::path::Path;

#[test]
fn every_statement_is_justified_and_every_verb_is_granted() {
    for name in common::examples() {
        let c = common::compile(&Path::new("examples").join(&name).join("app.sls"));
        for f in &c.model.functions {
            let statements = slsc::permissions::statements(&c.model, f);
            for s in &statements {
                let text = c.sources.get(s.cause.file).slice(s.cause);
                assert!(
                    !s.because.is_empty(),
                    "{name}/{}: {} has no reason",
                    f.name,
                    s.sid
                );
                assert!(
                    s.because.contains(text) && !text.is_empty(),
                    "{name}/{}: {} says `{}` but points at `{text}`",
                    f.name,
                    s.sid,
                    s.because
                );
            }
            let caused_at = |span| statements.iter().any(|s| s.cause == span);
            for a in &f.access {
                let span = a
                    .event
                    .as_ref()
                    .filter(|_| a.verb == slsc::ast::VerbKind::Emits)
                    .map_or(a.target.span, |e| e.span);
                assert!(
                    caused_at(span),
                    "{name}/{}: `{} {}` granted nothing",
                    f.name,
                    a.verb.text(),
                    a.target.name
                );
            }
            for t in &f.triggers {
                if let Trigger::Queue { queue: r, .. } | Trigger::Stream { source: r, .. } = t {
                    assert!(
                        caused_at(r.span),
                        "{name}/{}: `on {}` granted nothing",
                        f.name,
                        r.name
                    );
                }
            }
            for d in f.destinations() {
                assert!(
                    caused_at(d.to.span),
                    "{name}/{}: destination `{}` granted nothing",
                    f.name,
                    d.to.name
                );
            }
        }
        // A schedule's role: invoke its function, send to its dead-letter queue.
        for s in &c.model.schedules {
            let statements = slsc::permissions::schedule_statements(&c.model, s);
            for st in &statements {
                let text = c.sources.get(st.cause.file).slice(st.cause);
                assert!(
                    st.because.contains(text) && !text.is_empty(),
                    "{name}/schedule {}: {} says `{}` but points at `{text}`",
                    s.name,
                    st.sid,
                    st.because
                );
            }
            assert!(statements.iter().any(|st| st.cause == s.target.span));
            if let Some(d) = &s.dead_letter {
                assert!(statements.iter().any(|st| st.cause == d.span));
            }
        }
    }
}

#[test]
fn templates_hold_exactly_the_derived_statements_and_no_wildcards() {
    for name in common::examples() {
        let c = common::compile(&Path::new("examples").join(&name).join("app.sls"));
        for target in [Target::Sam, Target::CloudFormation] {
            let template = slsc::build(&c, target).unwrap();
            let resources = template["Resources"].as_object().unwrap();
            for f in &c.model.functions {
                let role = &resources[&slsc::naming::ids::role(&f.name)];
                let emitted = &role["Properties"]["Policies"][0]["PolicyDocument"]["Statement"];
                let derived: Vec<serde_json::Value> = slsc::permissions::statements(&c.model, f)
                    .iter()
                    .map(|s| s.to_json())
                    .collect();
                assert_eq!(
                    emitted,
                    &serde_json::Value::Array(derived),
                    "{name}/{}",
                    f.name
                );
            }
            for s in &c.model.schedules {
                let role = &resources[&slsc::naming::ids::role(&s.name)];
                let emitted = &role["Properties"]["Policies"][0]["PolicyDocument"]["Statement"];
                let derived: Vec<serde_json::Value> =
                    slsc::permissions::schedule_statements(&c.model, s)
                        .iter()
                        .map(|st| st.to_json())
                        .collect();
                assert_eq!(
                    emitted,
                    &serde_json::Value::Array(derived),
                    "{name}/{}",
                    s.name
                );
            }
            for (id, r) in resources {
                if r["Type"] != "AWS::IAM::Role" {
                    continue;
                }
                for policy in r["Properties"]["Policies"].as_array().into_iter().flatten() {
                    for s in policy["PolicyDocument"]["Statement"].as_array().unwrap() {
                        for a in s["Action"].as_array().unwrap() {
                            let a = a.as_str().unwrap();
                            assert!(
                                a != "*" && !a.ends_with(":*"),
                                "{name}/{id}: wildcard action {a}"
                            );
                        }
                        for res in s["Resource"].as_array().unwrap() {
                            assert_ne!(res, "*", "{name}/{id}: wildcard resource");
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn secrets_and_parameters_get_exact_grants() {
    let text = r#"
app secrets { encryption = aws_managed }
secret Db { name = "prod/db", kms_key = "arn:aws:kms:us-east-1:123456789012:key/abcd" }
parameter One { name = "/app/one" }
parameter Tree { path = "/app/tree/" }
function F {
  handler = "f.h"
  runtime = "python3.13"
  env { DB = Db.name, ONE = One.name, TREE = Tree.arn }
  reads Db, One, Tree
}
api A http { auth = iam, GET /x -> F }
"#;
    let c = slsc::compile_source("t.sls", None, text.into(), common::options());
    assert!(!c.has_errors(), "{}", common::rendered(&c));
    let f = c.model.function("F").unwrap();
    let got: Vec<(Vec<String>, Vec<String>)> = slsc::permissions::statements(&c.model, f)
        .iter()
        .skip(1)
        .map(|s| {
            (
                s.actions.clone(),
                s.resources.iter().map(slsc::permissions::render).collect(),
            )
        })
        .collect();
    let own = |a: &[&str], r: &str| {
        (
            a.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            vec![r.to_string()],
        )
    };
    let region = "${AWS::Region}:${AWS::AccountId}";
    assert_eq!(
        got,
        vec![
            own(
                &["secretsmanager:GetSecretValue"],
                &format!("arn:${{AWS::Partition}}:secretsmanager:{region}:secret:prod/db-??????")
            ),
            own(
                &["kms:Decrypt"],
                "arn:aws:kms:us-east-1:123456789012:key/abcd"
            ),
            own(
                &["ssm:GetParameter", "ssm:GetParameters"],
                &format!("arn:${{AWS::Partition}}:ssm:{region}:parameter/app/one")
            ),
            own(
                &["ssm:GetParametersByPath"],
                &format!("arn:${{AWS::Partition}}:ssm:{region}:parameter/app/tree")
            ),
            own(
                &["ssm:GetParameter", "ssm:GetParameters"],
                &format!("arn:${{AWS::Partition}}:ssm:{region}:parameter/app/tree/*")
            ),
        ]
    );
    let env = &slsc::build(&c, slsc::Target::Sam).unwrap()["Resources"]["F"]["Properties"]
        ["Environment"]["Variables"];
    assert_eq!(env["DB"], "prod/db");
    assert_eq!(env["ONE"], "/app/one");
}
