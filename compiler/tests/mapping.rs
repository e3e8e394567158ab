//! Request mappings of direct routes end to end: `tests/mapping/shop.sls`
//! built by the `slsc` binary to both targets (snapshots of the resources
//! that carry the mappings), the API roles' exact statements, and the
//! account's CloudWatch role.

#[path = "support/common.rs"]
mod common;

use serde_json::{json, Value as Json};
use slsc::Target;
use std::path::Path;

const SPEC: &str = "tests/mapping/shop.sls";

fn built(target: Target) -> Json {
    let c = common::compile(Path::new(SPEC));
    assert!(!c.has_errors(), "{}", common::rendered(&c));
    slsc::build(&c, target).unwrap().template
}

/// The resources of `types`, by logical ID, as pretty JSON.
fn resources_of(t: &Json, types: &[&str]) -> String {
    let mut out = serde_json::Map::new();
    for (id, r) in t["Resources"].as_object().unwrap() {
        if types.iter().any(|ty| r["Type"] == *ty) {
            let mut r = r.clone();
            // Checkov metadata and tags are the same everywhere.
            r.as_object_mut().unwrap().remove("Metadata");
            out.insert(id.clone(), r);
        }
    }
    serde_json::to_string_pretty(&Json::Object(out)).unwrap()
}

#[test]
fn the_cloudformation_target_maps_each_route() {
    let t = built(Target::CloudFormation);
    insta::assert_snapshot!(
        "mapping.cfn",
        resources_of(
            &t,
            &[
                "AWS::ApiGateway::Method",
                "AWS::ApiGatewayV2::Integration",
                "AWS::ApiGateway::RestApi",
                "AWS::ApiGateway::Account",
            ]
        )
    );
}

#[test]
fn the_sam_target_maps_each_route_in_the_definition_body() {
    let t = built(Target::Sam);
    let bodies: Vec<Json> = ["Back", "Front"]
        .iter()
        .map(|a| {
            let p = &t["Resources"][*a]["Properties"];
            json!({ "DefinitionBody": p["DefinitionBody"], "BinaryMediaTypes": p["BinaryMediaTypes"], "DependsOn": t["Resources"][*a]["DependsOn"] })
        })
        .collect();
    insta::assert_snapshot!(
        "mapping.sam",
        serde_json::to_string_pretty(&bodies).unwrap()
    );
}

#[test]
fn counts_match_the_built_templates() {
    let c = common::compile(Path::new(SPEC));
    for target in [Target::Sam, Target::CloudFormation] {
        let built = slsc::build(&c, target).unwrap();
        common::assert_counts_match(&c, &built, target, SPEC);
    }
}

#[test]
fn the_rest_api_role_has_exactly_each_routes_action() {
    let c = common::compile(Path::new(SPEC));
    let api = c.model.apis.iter().find(|a| a.name == "Back").unwrap();
    let statements: Vec<(String, Vec<String>, Json)> =
        slsc::permissions::api_statements(&c.model, api)
            .into_iter()
            .map(|s| (s.sid, s.actions, json!(s.resources)))
            .collect();
    let actions: Vec<&str> = statements
        .iter()
        .flat_map(|(_, a, _)| a.iter().map(String::as_str))
        .collect();
    assert_eq!(
        actions,
        [
            "states:StartSyncExecution",
            "sqs:SendMessage",
            "kms:GenerateDataKey",
            "kms:Decrypt",
            "events:PutEvents",
            "events:PutEvents",
            "dynamodb:PutItem",
            "dynamodb:GetItem",
            "dynamodb:Query",
            "dynamodb:DeleteItem",
            "s3:GetObject",
            "s3:PutObject",
        ],
        "{statements:#?}"
    );
    // A query of an index: the index's ARN, not the table's.
    let query = statements
        .iter()
        .find(|(s, _, _)| s == "QueryOrderTable")
        .unwrap();
    assert_eq!(
        query.2,
        json!([{ "Fn::Sub": "${OrderTable.Arn}/index/bySku" }])
    );
    // Objects under the prefix only.
    let get = statements
        .iter()
        .find(|(s, _, _)| s == "ReadObjectsFiles")
        .unwrap();
    assert!(get.2.to_string().contains("/public/*"), "{}", get.2);
}

#[test]
fn the_account_role_is_retained_and_rest_stages_wait_for_it() {
    let t = built(Target::CloudFormation);
    let role = &t["Resources"]["ApiGatewayCloudWatchRole"];
    assert_eq!(role["DeletionPolicy"], "Retain");
    assert_eq!(
        role["Properties"]["ManagedPolicyArns"][0]["Fn::Sub"],
        "arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"
    );
    assert_eq!(
        t["Resources"]["BackStage"]["DependsOn"],
        "ApiGatewayAccount"
    );
    // REST access logs are on once the app sets the role.
    assert!(t["Resources"]["BackStage"]["Properties"]["AccessLogSetting"].is_object());
}
