//! State machines end to end: `tests/state-machines/orders.sls` built by the
//! `slsc` binary to both targets (snapshots), the roles its tasks get, the
//! permissions report, and placeholders that name nothing.

#[path = "support/common.rs"]
mod common;

use slsc::Target;
use std::path::Path;
use std::process::Command;

const SPEC: &str = "tests/state-machines/orders.sls";

fn build(target: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_slsc"))
        .args(["build", SPEC, "--target", target])
        .current_dir(common::root())
        .env("SLSC_TODAY", "2026-11-23")
        .env("NO_COLOR", "1")
        .output()
        .expect("run slsc");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_cli_builds_both_targets() {
    insta::assert_snapshot!("state_machines.sam", build("sam"));
    insta::assert_snapshot!("state_machines.cfn", build("cloudformation"));
}

#[test]
fn counts_match_the_built_templates() {
    let c = common::compile(Path::new(SPEC));
    assert!(!c.has_errors(), "{}", common::rendered(&c));
    for target in [Target::Sam, Target::CloudFormation] {
        let built = slsc::build(&c, target).unwrap();
        common::assert_counts_match(&c, &built, target, SPEC);
    }
}

/// The actions of each statement of a state machine's role, by sid.
fn role(c: &slsc::Compilation, name: &str) -> Vec<(String, Vec<String>)> {
    let m = c.model.state_machine(name).unwrap();
    slsc::permissions::state_machine_statements(&c.model, m)
        .into_iter()
        .map(|s| (s.sid, s.actions))
        .collect()
}

#[test]
fn each_role_has_exactly_what_its_tasks_call() {
    let c = common::compile(Path::new(SPEC));
    let owned = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        role(&c, "Fulfil"),
        vec![
            ("InvokeValidate".into(), owned(&["lambda:InvokeFunction"])),
            ("UseOrders".into(), owned(&["dynamodb:PutItem"])),
            ("SendShipping".into(), owned(&["sqs:SendMessage"])),
            ("StartAudit".into(), owned(&["states:StartExecution"])),
            (
                "WatchAudit".into(),
                owned(&["states:DescribeExecution", "states:StopExecution"])
            ),
            (
                "ManagedExecutionRule".into(),
                owned(&["events:PutTargets", "events:PutRule", "events:DescribeRule"])
            ),
            ("PublishReceipts".into(), owned(&["sns:Publish"])),
            (
                "EncryptWithAppKey".into(),
                owned(&["kms:GenerateDataKey", "kms:Decrypt"])
            ),
            (
                "DeliverLogs".into(),
                owned(&[
                    "logs:CreateLogDelivery",
                    "logs:GetLogDelivery",
                    "logs:UpdateLogDelivery",
                    "logs:DeleteLogDelivery",
                    "logs:ListLogDeliveries",
                    "logs:PutResourcePolicy",
                    "logs:DescribeResourcePolicies",
                    "logs:DescribeLogGroups",
                ])
            ),
        ]
    );
    // The Express child: one query on the table, and its logs.
    let audit = role(&c, "Audit");
    assert_eq!(audit[0], ("UseOrders".into(), owned(&["dynamodb:Query"])));
    assert_eq!(audit.len(), 2);
    // A query of an index is allowed on the index, and only that one.
    let m = c.model.state_machine("Audit").unwrap();
    let query = &slsc::permissions::state_machine_statements(&c.model, m)[0];
    assert_eq!(
        query.resources,
        vec![
            serde_json::json!({ "Fn::GetAtt": ["Orders", "Arn"] }),
            serde_json::json!({ "Fn::Sub": "${Orders.Arn}/index/byCustomer" }),
        ]
    );
    // Nested states are found: Parallel branches and a Map's processor.
    let states: Vec<&str> = (c.model.state_machine("Fulfil").unwrap().tasks.iter())
        .map(|t| t.state.as_str())
        .collect();
    assert_eq!(states, ["Validate", "Save", "Ship", "Audit", "Receipt"]);
}

#[test]
fn rules_and_schedules_start_it_with_their_roles() {
    let c = common::compile(Path::new(SPEC));
    let report = slsc::permissions::report(&c, None);
    let text = slsc::permissions::text(&report);
    assert!(
        text.contains("state machine Fulfil (role FulfilRole)"),
        "{text}"
    );
    assert!(
        text.contains("state machine Audit (role AuditRole)"),
        "{text}"
    );
    let starts = |who: &str| {
        report
            .iter()
            .find(|r| r.rule.as_deref() == Some(who) || r.schedule.as_deref() == Some(who))
            .map(|r| r.statements[0].actions.clone())
    };
    assert_eq!(
        starts("OnOrder"),
        Some(vec!["states:StartExecution".to_string()])
    );
    assert_eq!(
        starts("Nightly"),
        Some(vec!["states:StartExecution".to_string()])
    );
    let built = slsc::build(&c, Target::CloudFormation).unwrap();
    let target = &built["Resources"]["OnOrder"]["Properties"]["Targets"][0];
    assert_eq!(target["Arn"], serde_json::json!({ "Ref": "Fulfil" }));
    assert_eq!(
        target["RoleArn"],
        serde_json::json!({ "Fn::GetAtt": ["OnOrderRole", "Arn"] })
    );
    assert_eq!(
        built["Resources"]["Nightly"]["Properties"]["Target"]["Arn"],
        serde_json::json!({ "Ref": "Fulfil" })
    );
}

#[test]
fn a_placeholder_naming_nothing_is_unknown() {
    let dir = std::env::temp_dir().join(format!("slsc-sfn-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("m.asl.json"),
        r#"{ "StartAt": "A", "States": { "A": { "Type": "Task", "Resource": "${Missing}", "End": true } } }"#,
    )
    .unwrap();
    let spec = dir.join("app.sls");
    std::fs::write(
        &spec,
        "state_machine M {\n  definition = \"m.asl.json\"\n  external = true\n}\n",
    )
    .unwrap();
    let c = slsc::compile_file(&spec, common::options()).unwrap();
    let codes: Vec<&str> = c.diagnostics.iter().map(|d| d.code).collect();
    assert!(codes.contains(&"E0101"), "{}", common::rendered(&c));
    std::fs::remove_dir_all(&dir).ok();
}

/// Compiles `spec` from a scratch folder holding `m.asl.json` = `asl`.
fn compile_with(name: &str, spec: &str, asl: &str) -> slsc::Compilation {
    let dir = std::env::temp_dir().join(format!("slsc-sfn-{name}-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(dir.join("m.asl.json"), asl).unwrap();
    std::fs::write(dir.join("app.sls"), spec).unwrap();
    let c = slsc::compile_file(&dir.join("app.sls"), common::options()).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    c
}

#[test]
fn a_loop_through_a_state_machine_is_an_event_loop() {
    let spec = "app loop { runtime = \"python3.13\" }\nevent Ping { id: string }\n\
        function F {\n  handler = \"f.handler\"\n  code = \"src\"\n  emits Ping to default\n}\n\
        state_machine M { definition = \"m.asl.json\" }\n\
        rule OnPing on default {\n  match Ping\n  send to M\n  dead_letter = Dlq\n}\nqueue Dlq {}\n";
    let asl = r#"{ "StartAt": "A", "States": { "A": { "Type": "Task", "Resource": "${F}", "End": true } } }"#;
    let c = compile_with("loop", spec, asl);
    assert!(
        c.diagnostics.iter().any(|d| d.code == "E0320"),
        "{}",
        common::rendered(&c)
    );
}

#[test]
fn a_rule_starting_it_with_another_input_breaks_its_contract() {
    let spec = "app c { runtime = \"python3.13\" }\nevent Ping external { id: string }\n\
        type Order { id: string }\n\
        state_machine M {\n  definition = \"m.asl.json\"\n  input = Order\n}\n\
        rule OnPing on default {\n  match Ping\n  send to M\n  dead_letter = Dlq\n}\nqueue Dlq {}\n";
    let asl = r#"{ "StartAt": "A", "States": { "A": { "Type": "Succeed" } } }"#;
    let c = compile_with("contract", spec, asl);
    assert!(
        c.diagnostics.iter().any(|d| d.code == "E0411"),
        "{}",
        common::rendered(&c)
    );
    let fixed = compile_with(
        "contract-ok",
        &spec.replace("input = Order", "input = Ping"),
        asl,
    );
    assert!(!fixed.has_errors(), "{}", common::rendered(&fixed));
}

#[test]
fn routes_start_executions_with_the_apis_role() {
    let c = common::compile(Path::new(SPEC));
    assert!(!c.has_errors(), "{}", common::rendered(&c));
    // An Express machine runs synchronously: StartSyncExecution, on it only.
    for api in ["Back", "Front"] {
        let a = c.model.apis.iter().find(|a| a.name == api).unwrap();
        let statements = slsc::permissions::api_statements(&c.model, a);
        assert_eq!(statements.len(), 1, "{statements:?}");
        assert_eq!(statements[0].actions, ["states:StartSyncExecution"]);
        assert_eq!(
            statements[0].resources,
            vec![serde_json::json!({ "Ref": "Audit" })]
        );
    }
    let cfn = slsc::build(&c, Target::CloudFormation).unwrap();
    let resources = cfn["Resources"].as_object().unwrap();
    let http = resources
        .values()
        .find(|r| r["Type"] == "AWS::ApiGatewayV2::Integration")
        .unwrap();
    assert_eq!(
        http["Properties"]["IntegrationSubtype"],
        "StepFunctions-StartSyncExecution"
    );
    assert_eq!(
        http["Properties"]["RequestParameters"]["Input"],
        "$request.body"
    );
    let rest = resources
        .values()
        .find(|r| r["Type"] == "AWS::ApiGateway::Method")
        .unwrap();
    // The REST route answers with the execution's output.
    assert_eq!(
        rest["Properties"]["Integration"]["IntegrationResponses"][0]["ResponseTemplates"]
            ["application/json"],
        "$input.path('$.output')"
    );
}

#[test]
fn a_route_sending_another_type_breaks_the_input_contract() {
    let spec = "app c { runtime = \"python3.13\" }\ntype Order { id: string }\ntype Refund { id: string }\n\
        state_machine M {\n  definition = \"m.asl.json\"\n  input = Order\n}\n\
        api A rest {\n  auth = iam\n  POST /refunds -> send Refund to M\n}\n";
    let asl = r#"{ "StartAt": "A", "States": { "A": { "Type": "Succeed" } } }"#;
    let c = compile_with("route-contract", spec, asl);
    assert!(
        c.diagnostics.iter().any(|d| d.code == "E0411"),
        "{}",
        common::rendered(&c)
    );
    let fixed = compile_with(
        "route-contract-ok",
        &spec.replace("send Refund", "send Order"),
        asl,
    );
    assert!(!fixed.has_errors(), "{}", common::rendered(&fixed));
}
