//! Direct integrations (`POST /orders -> send to Orders`, `POST /events ->
//! send OrderPlaced to Shop`, `GET /ip -> "https://..."`) on HTTP and REST
//! APIs, in both targets: the integrations, the API's role, no Lambda
//! permission, the counts, the `slsc` binary's `build` and `permissions`,
//! and snapshots of `tests/direct/app.sls`.

#[path = "support/common.rs"]
mod common;

use serde_json::{json, Value};
use slsc::{Format, Target};
use std::path::Path;
use std::process::Command;

const SPEC: &str = "tests/direct/app.sls";

fn build(target: Target) -> Value {
    let c = common::compile(Path::new(SPEC));
    assert!(!c.has_errors(), "{}", common::rendered(&c));
    let built = slsc::build(&c, target).unwrap();
    common::assert_counts_match(&c, &built, target, SPEC);
    (*built).clone()
}

fn compile_src(spec: &str) -> slsc::Compilation {
    slsc::compile_source("t.sls", None, spec.to_string(), common::options())
}

#[test]
fn direct_routes_snapshot_in_both_targets() {
    for (target, suffix) in [(Target::Sam, "sam"), (Target::CloudFormation, "cfn")] {
        let c = common::compile(Path::new(SPEC));
        let template = slsc::build(&c, target).expect("no errors");
        insta::assert_snapshot!(
            format!("direct.{suffix}"),
            slsc::emit::write(&template, Format::Yaml)
        );
    }
}

#[test]
fn the_api_role_allows_exactly_the_routes_targets() {
    for target in [Target::Sam, Target::CloudFormation] {
        let t = build(target);
        let role = &t["Resources"]["PublicRole"]["Properties"];
        assert_eq!(
            role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"]["Service"],
            "apigateway.amazonaws.com"
        );
        assert_eq!(
            role["AssumeRolePolicyDocument"]["Statement"][0]["Condition"]["StringEquals"]
                ["aws:SourceAccount"],
            json!({ "Ref": "AWS::AccountId" })
        );
        let statements = role["Policies"][0]["PolicyDocument"]["Statement"]
            .as_array()
            .unwrap();
        let actions: Vec<(&str, &Value)> = statements
            .iter()
            .map(|s| (s["Sid"].as_str().unwrap(), &s["Action"]))
            .collect();
        assert_eq!(
            actions,
            vec![
                ("SendOrders", &json!(["sqs:SendMessage"])),
                (
                    "EncryptWithAppKey",
                    &json!(["kms:GenerateDataKey", "kms:Decrypt"])
                ),
                ("EmitOrderPlacedToShop", &json!(["events:PutEvents"])),
                ("SendInbox", &json!(["sqs:SendMessage"])),
            ]
        );
        assert_eq!(
            statements[2]["Condition"],
            json!({ "StringEquals": { "events:source": "shop.orders", "events:detail-type": "OrderPlaced" } })
        );
        // A role only for APIs with direct routes.
        assert!(t["Resources"].get("HealthRole").is_some());
    }
}

#[test]
fn http_api_integrations_in_cloudformation() {
    let t = build(Target::CloudFormation);
    let r = &t["Resources"];
    let orders = &r["PublicPostOrdersIntegration"]["Properties"];
    assert_eq!(orders["IntegrationType"], "AWS_PROXY");
    assert_eq!(orders["IntegrationSubtype"], "SQS-SendMessage");
    assert_eq!(orders["PayloadFormatVersion"], "1.0");
    assert_eq!(
        orders["CredentialsArn"],
        json!({ "Fn::GetAtt": ["PublicRole", "Arn"] })
    );
    assert_eq!(
        orders["RequestParameters"],
        json!({
            "QueueUrl": { "Ref": "Orders" },
            "MessageBody": "$request.body",
            "MessageGroupId": "$request.body.customerId",
        })
    );
    let events = &r["PublicPostEventsIntegration"]["Properties"];
    assert_eq!(events["IntegrationSubtype"], "EventBridge-PutEvents");
    assert_eq!(
        events["RequestParameters"],
        json!({
            "EventBusName": { "Fn::GetAtt": ["Shop", "Arn"] },
            "Source": "shop.orders",
            "DetailType": "OrderPlaced",
            "Detail": "$request.body",
        })
    );
    let route = &r["PublicPostOrdersRoute"]["Properties"];
    assert_eq!(route["AuthorizationType"], "AWS_IAM");
    assert_eq!(
        route["Target"],
        json!({ "Fn::Join": ["/", ["integrations", { "Ref": "PublicPostOrdersIntegration" }]] })
    );
    assert_eq!(
        r["PublicPostFeedbackRoute"]["Properties"]["AuthorizationType"],
        "NONE"
    );
    // No function, so no Lambda permission.
    assert!(r.get("PublicPostOrdersPermission").is_none());
    assert!(r.get("PublicGetHealthPermission").is_some());
}

#[test]
fn rest_api_integrations_in_cloudformation() {
    let t = build(Target::CloudFormation);
    let r = &t["Resources"];
    let m = &r["LegacyPostOrdersMethod"]["Properties"];
    let i = &m["Integration"];
    assert_eq!(i["Type"], "AWS");
    assert_eq!(
        i["Credentials"],
        json!({ "Fn::GetAtt": ["LegacyRole", "Arn"] })
    );
    assert_eq!(
        i["Uri"],
        json!({ "Fn::Sub": "arn:${AWS::Partition}:apigateway:${AWS::Region}:sqs:path/${AWS::AccountId}/${Orders.QueueName}" })
    );
    assert_eq!(
        i["RequestTemplates"]["application/json"],
        "Action=SendMessage&MessageBody=$util.urlEncode($input.body)&MessageGroupId=all"
    );
    assert_eq!(m["MethodResponses"][0]["StatusCode"], "200");
    // The body is still validated against its model.
    assert_eq!(
        m["RequestModels"]["application/json"],
        json!({ "Ref": "LegacyOrderModel" })
    );
    let e = &r["LegacyPostEventsMethod"]["Properties"]["Integration"];
    assert_eq!(
        e["RequestParameters"]["integration.request.header.X-Amz-Target"],
        "'AWSEvents.PutEvents'"
    );
    let template = e["RequestTemplates"]["application/json"]["Fn::Sub"][0]
        .as_str()
        .unwrap();
    assert!(
        template.contains("\"Source\": \"shop.orders\""),
        "{template}"
    );
    assert!(
        template.contains("\"DetailType\": \"OrderPlaced\""),
        "{template}"
    );
    assert!(r.get("LegacyPostOrdersPermission").is_none());
}

#[test]
fn http_proxies_in_both_apis() {
    let t = build(Target::CloudFormation);
    let r = &t["Resources"];
    assert_eq!(
        r["PublicGetIpIntegration"]["Properties"],
        json!({
            "ApiId": { "Ref": "Public" },
            "IntegrationType": "HTTP_PROXY",
            "IntegrationMethod": "GET",
            "IntegrationUri": "https://httpbin.org/ip",
            "PayloadFormatVersion": "1.0",
        })
    );
    assert!(r.get("PublicGetIpPermission").is_none());
    let i = &r["LegacyGetFilesByPathMethod"]["Properties"]["Integration"];
    assert_eq!(i["Type"], "HTTP_PROXY");
    assert_eq!(i["Uri"], "https://files.example.com/{path}");
    assert_eq!(
        i["RequestParameters"],
        json!({ "integration.request.path.path": "method.request.path.path" })
    );
    let sam = build(Target::Sam);
    let get = &sam["Resources"]["Legacy"]["Properties"]["DefinitionBody"]["paths"]
        ["/files/{path+}"]["get"];
    assert_eq!(get["x-amazon-apigateway-integration"]["type"], "http_proxy");
    assert_eq!(get["parameters"][0]["name"], "path");
    // A proxy needs no role: the API's role has only the queues and bus.
    let c = compile_src(
        r#"app a { runtime = "python3.13" }
api P http { auth = none
  GET /ip -> "https://httpbin.org/ip" }
"#,
    );
    assert!(!c.has_errors(), "{}", common::rendered(&c));
    for target in [Target::Sam, Target::CloudFormation] {
        let built = slsc::build(&c, target).unwrap();
        common::assert_counts_match(&c, &built, target, "proxy only");
        assert!(built["Resources"].get("PRole").is_none());
    }
}

#[test]
fn sam_apis_carry_direct_routes_in_their_definition() {
    let t = build(Target::Sam);
    let http = &t["Resources"]["Public"]["Properties"]["DefinitionBody"];
    assert_eq!(http["openapi"], "3.0.1");
    let orders = &http["paths"]["/orders"]["post"]["x-amazon-apigateway-integration"];
    assert_eq!(orders["integrationSubtype"], "SQS-SendMessage");
    assert_eq!(
        orders["credentials"],
        json!({ "Fn::GetAtt": ["PublicRole", "Arn"] })
    );
    // The public route of an IAM API says so, as SAM writes it itself.
    assert_eq!(
        http["paths"]["/feedback"]["post"]["security"],
        json!([{ "NONE": [] }])
    );
    // Function routes stay events, which SAM merges in.
    assert!(http["paths"].get("/health").is_none());
    let rest = &t["Resources"]["Legacy"]["Properties"];
    assert_eq!(rest["MergeDefinitions"], true);
    assert_eq!(rest["DefinitionBody"]["swagger"], "2.0");
    assert_eq!(
        rest["DefinitionBody"]["paths"]["/events"]["post"]["x-amazon-apigateway-integration"]
            ["type"],
        "aws"
    );
}

#[test]
fn an_api_without_direct_routes_is_unchanged() {
    let c = compile_src(
        r#"app a { runtime = "python3.13" }
function H { handler = "h.h" }
api P http { auth = none
  GET /h -> H }
api R rest { auth = none
  GET /h -> H }
"#,
    );
    for target in [Target::Sam, Target::CloudFormation] {
        let t = slsc::build(&c, target).unwrap();
        assert!(t["Resources"].get("PRole").is_none());
        assert!(t["Resources"].get("RRole").is_none());
        if target == Target::Sam {
            assert!(t["Resources"]["P"]["Properties"]
                .get("DefinitionBody")
                .is_none());
            assert!(t["Resources"]["R"]["Properties"]
                .get("DefinitionBody")
                .is_none());
        }
    }
}

#[test]
fn a_queue_reached_by_a_route_is_produced_and_its_type_checked() {
    // No W0327 ("nothing sends to it"): the route does.
    let c = compile_src(
        r#"app a { runtime = "python3.13" }
type T { a: string }
type U { b: string }
queue Q of T { dead_letter = drop { reason = "demo" } }
function C { handler = "c.c"
  on Q { partial_failures = true } }
api P http { auth = iam
  POST /q -> send to Q { body = U } }
"#,
    );
    let codes: Vec<String> = c.diagnostics.iter().map(|d| d.code.to_string()).collect();
    assert!(!codes.iter().any(|c| c == "W0327"), "{codes:?}");
    assert!(codes.iter().any(|c| c == "E0411"), "{codes:?}");
}

#[test]
fn the_binary_builds_and_lists_the_api_role() {
    let out = Command::new(env!("CARGO_BIN_EXE_slsc"))
        .args(["permissions", SPEC])
        .current_dir(common::root())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("api Public (role PublicRole)"), "{text}");
    assert!(text.contains("api Legacy (role LegacyRole)"), "{text}");
    for target in ["sam", "cloudformation"] {
        let out = Command::new(env!("CARGO_BIN_EXE_slsc"))
            .args(["build", SPEC, "--target", target])
            .current_dir(common::root())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("PublicRole:"));
    }
}

#[test]
fn openapi_documents_what_a_queue_route_takes() {
    let c = common::compile(Path::new(SPEC));
    let api = c.model.apis.iter().find(|a| a.name == "Public").unwrap();
    let doc = slsc::openapi::document(&c.model, api);
    let op = &doc["paths"]["/feedback"]["post"];
    assert_eq!(op["summary"], "POST /feedback -> Inbox");
    assert_eq!(
        op["requestBody"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/Feedback"
    );
    assert_eq!(
        doc["paths"]["/ip"]["get"]["summary"],
        "GET /ip -> https://httpbin.org/ip"
    );
}
