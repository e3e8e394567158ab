//! What real templates contain, written in `.sls`: fixed physical names,
//! descriptions, outputs and exports, JWT scopes per route; checked in both
//! targets on the built template.

#[path = "support/common.rs"]
mod common;

use serde_json::{json, Value};
use slsc::Target;

/// The template of `spec` in `target`; the spec must compile cleanly.
fn build(spec: &str, target: Target) -> Value {
    let c = slsc::compile_source("t.sls", None, spec.to_string(), common::options());
    assert!(!c.has_errors(), "{spec}\n{}", common::rendered(&c));
    let built = slsc::build(&c, target).unwrap();
    // What `check` counts against the template limits is what build emits.
    common::assert_counts_match(&c, &built, target, spec);
    (*built).clone()
}

const NAMED: &str = r#"
app shop {
  runtime = "python3.13"
  outputs {
    OrdersTable = Orders.name
    BusArn      = { value = Shop.arn, export = "shop-bus-arn", description = "The order bus" }
  }
}
table Orders { key = { pk: string }, name = "shop-orders" }
bus Shop { name = "shop-events", description = "Order events", external = true }
queue JobsDlq { name = "shop-jobs-dlq.fifo", fifo = true, retention = 14d }
queue Jobs {
  name          = "shop-jobs.fifo"
  fifo          = true
  content_dedup = true
  dead_letter   = JobsDlq after 5 receives
  external      = true
}
topic Alerts { name = "shop-alerts", external = true }
bucket Media { name = "shop-media-1234" }
stream Clicks { name = "shop-clicks" }
function Work {
  handler     = "a.b"
  name        = "shop-work"
  description = "Works the jobs"
  on Jobs { batch = 10, partial_failures = true }
  writes Orders, Media, Clicks
}
"#;

#[test]
fn physical_names_and_descriptions_reach_both_targets() {
    for target in [Target::Sam, Target::CloudFormation] {
        let t = build(NAMED, target);
        let props = |id: &str| t["Resources"][id]["Properties"].clone();
        assert_eq!(props("Orders")["TableName"], "shop-orders");
        assert_eq!(props("Shop")["Name"], "shop-events");
        assert_eq!(props("Shop")["Description"], "Order events");
        assert_eq!(props("Jobs")["QueueName"], "shop-jobs.fifo");
        assert_eq!(props("Alerts")["TopicName"], "shop-alerts");
        assert_eq!(props("Media")["BucketName"], "shop-media-1234");
        assert_eq!(props("Clicks")["Name"], "shop-clicks");
        assert_eq!(props("Work")["FunctionName"], "shop-work");
        assert_eq!(props("Work")["Description"], "Works the jobs");
        assert_eq!(props("JobsDlq")["QueueName"], "shop-jobs-dlq.fifo");
        // The dead-letter queue lets in the source by its fixed name, not
        // the name slsc would have generated.
        assert_eq!(
            props("JobsDlq")["RedriveAllowPolicy"]["sourceQueueArns"],
            json!([{ "Fn::Sub": "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:shop-jobs.fifo" }])
        );
    }
    // Without `name`, CloudFormation generates one (a bus is named after
    // the stack, as before).
    let t = build("app a { runtime = \"python3.13\" }\nqueue Q { external = true }\nbus B { external = true }\n", Target::Sam);
    assert!(t["Resources"]["Q"]["Properties"].get("QueueName").is_none());
    assert_eq!(
        t["Resources"]["B"]["Properties"]["Name"],
        json!({ "Fn::Sub": "${AWS::StackName}-B" })
    );
}

#[test]
fn outputs_exports_and_external_arns() {
    for target in [Target::Sam, Target::CloudFormation] {
        let t = build(NAMED, target);
        let outputs = t["Outputs"].as_object().unwrap();
        let keys: Vec<&str> = outputs.keys().map(String::as_str).collect();
        // External declarations first, in source order, then the app's.
        assert_eq!(
            keys,
            ["ShopArn", "JobsArn", "AlertsArn", "OrdersTable", "BusArn"]
        );
        assert_eq!(
            outputs["OrdersTable"],
            json!({ "Value": { "Ref": "Orders" } })
        );
        assert_eq!(
            outputs["BusArn"],
            json!({
                "Description": "The order bus",
                "Value": { "Fn::GetAtt": ["Shop", "Arn"] },
                "Export": { "Name": "shop-bus-arn" },
            })
        );
        assert_eq!(outputs["AlertsArn"]["Value"], json!({ "Ref": "Alerts" }));
    }
}

#[test]
fn jwt_scopes_per_route() {
    let spec = r#"
app shop { runtime = "python3.13" }
function ListProducts { handler = "products.list" }
function PlaceOrder { handler = "orders.place" }
api Public http {
  auth = jwt { issuer = "https://auth.shop.example.com", audience = ["shop-web"] }
  GET /products -> ListProducts
  POST /orders -> PlaceOrder { scopes = ["orders:write", "orders:admin"] }
}
"#;
    let sam = build(spec, Target::Sam);
    let events = &sam["Resources"]["PlaceOrder"]["Properties"]["Events"];
    let (_, event) = events.as_object().unwrap().iter().next().unwrap();
    assert_eq!(
        event["Properties"]["Auth"],
        json!({ "Authorizer": "Jwt", "AuthorizationScopes": ["orders:write", "orders:admin"] })
    );
    let cfn = build(spec, Target::CloudFormation);
    let routes: Vec<&Value> = cfn["Resources"]
        .as_object()
        .unwrap()
        .values()
        .filter(|r| r["Type"] == "AWS::ApiGatewayV2::Route")
        .collect();
    let scoped: Vec<&Value> = routes
        .iter()
        .filter_map(|r| r["Properties"].get("AuthorizationScopes"))
        .collect();
    assert_eq!(scoped, [&json!(["orders:write", "orders:admin"])]);
    assert_eq!(routes.len(), 2);
}

#[test]
fn template_parameters_and_the_strings_that_use_them() {
    let spec = r#"
app shop { runtime = "python3.13" }
param Stage string {
  description = "Deployment stage"
  default     = "dev"
  allowed     = ["dev", "prod"]
}
param Limit number { default = 5, min = 1, max = 10 }
param partner_key string { secret = true, min_length = 20 }
param key_prefix string { default = "k" }
table Orders { key = { pk: string }, name = "shop-${Stage}-orders" }
function Place {
  handler = "place.handler"
  env { STAGE = Stage, LIMIT = "${Limit}", REGION = "${AWS::Region}", RAW = "${!Literal}", KEY_NAME = "${key_prefix}-name" }
  writes Orders
}
"#;
    for target in [Target::Sam, Target::CloudFormation] {
        let t = build(spec, target);
        let params = t["Parameters"].as_object().unwrap();
        assert_eq!(
            params["Stage"],
            json!({ "Type": "String", "Description": "Deployment stage", "Default": "dev", "AllowedValues": ["dev", "prod"] })
        );
        assert_eq!(
            params["Limit"],
            json!({ "Type": "Number", "Default": 5, "MinValue": 1, "MaxValue": 10 })
        );
        assert_eq!(
            params["PartnerKey"],
            json!({ "Type": "String", "MinLength": 20, "NoEcho": true })
        );
        let keys: Vec<&str> = params.keys().map(String::as_str).collect();
        assert_eq!(&keys[..3], ["Stage", "Limit", "PartnerKey"]);
        assert_eq!(
            t["Resources"]["Orders"]["Properties"]["TableName"],
            json!({ "Fn::Sub": "shop-${Stage}-orders" })
        );
        let env = &t["Resources"]["Place"]["Properties"]["Environment"]["Variables"];
        assert_eq!(env["STAGE"], json!({ "Ref": "Stage" }));
        assert_eq!(env["LIMIT"], json!({ "Ref": "Limit" }));
        assert_eq!(env["REGION"], json!({ "Ref": "AWS::Region" }));
        assert_eq!(env["RAW"], json!("${Literal}"));
        // References are rewritten to the parameter's logical ID.
        assert_eq!(env["KEY_NAME"], json!({ "Fn::Sub": "${KeyPrefix}-name" }));
    }
}

#[test]
fn topic_endpoints_and_fifo_high_throughput() {
    let spec = r#"
app shop { runtime = "python3.13" }
topic Alerts {
  subscribers {
    email = ["ops@example.com"]
    sms   = ["+14155550100"]
    https = ["https://hooks.example.com/alerts"]
  }
}
topic Prices {
  fifo            = true
  content_dedup   = true
  high_throughput = true
  subscribe PriceUpdates
}
queue PricesDlq { fifo = true, retention = 14d }
queue PriceUpdates {
  fifo            = true
  high_throughput = true
  dead_letter     = PricesDlq after 3 receives
}
function Publish {
  handler = "a.b"
  external = true
  publishes to Alerts, Prices
}
function Apply {
  handler = "a.b"
  on PriceUpdates { batch = 10, partial_failures = true }
}
"#;
    for target in [Target::Sam, Target::CloudFormation] {
        let t = build(spec, target);
        let resources = t["Resources"].as_object().unwrap();
        let mut endpoints: Vec<(String, String)> = resources
            .values()
            .filter(|r| {
                r["Type"] == "AWS::SNS::Subscription"
                    && r["Properties"]["TopicArn"] == json!({ "Ref": "Alerts" })
            })
            .map(|r| {
                let p = &r["Properties"];
                (
                    p["Protocol"].as_str().unwrap().to_string(),
                    p["Endpoint"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        endpoints.sort();
        assert_eq!(
            endpoints,
            [
                ("email".to_string(), "ops@example.com".to_string()),
                (
                    "https".to_string(),
                    "https://hooks.example.com/alerts".to_string()
                ),
                ("sms".to_string(), "+14155550100".to_string()),
            ]
        );
        assert_eq!(
            resources["Prices"]["Properties"]["FifoThroughputScope"],
            "MessageGroup"
        );
        let q = &resources["PriceUpdates"]["Properties"];
        assert_eq!(q["DeduplicationScope"], "messageGroup");
        assert_eq!(q["FifoThroughputLimit"], "perMessageGroupId");
    }
}

#[test]
fn several_authorizers_and_a_choice_per_route() {
    let spec = r#"
app shop { runtime = "python3.13" }
function Authorize  { handler = "auth.check" }
function ListOrders { handler = "orders.list" }
function PlaceOrder { handler = "orders.place" }
function Health     { handler = "health.check" }
function Admin      { handler = "admin.run" }
api Public http {
  authorizers {
    Customers = jwt { issuer = "https://auth.shop.example.com", audience = ["shop-web"] }
    Partners  = lambda { function = Authorize, headers = ["X-Api-Key"], cache = 5m }
  }
  auth = Customers
  GET  /orders         -> ListOrders { scopes = ["orders:read"] }
  POST /partner/orders -> PlaceOrder { auth = Partners }
  GET  /health         -> Health { auth = none }
  POST /admin          -> Admin { auth = iam }
}
api Partner rest {
  auth = lambda { function = Authorize, cache = 0s }
  GET /orders -> ListOrders
}
"#;
    let cfn = build(spec, Target::CloudFormation);
    let r = cfn["Resources"].as_object().unwrap();
    let kinds: Vec<(&str, &str)> = r
        .values()
        .filter(|x| x["Type"] == "AWS::ApiGatewayV2::Route")
        .map(|x| {
            let p = &x["Properties"];
            (
                p["RouteKey"].as_str().unwrap(),
                p["AuthorizationType"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("GET /orders", "JWT"),
            ("POST /partner/orders", "CUSTOM"),
            ("GET /health", "NONE"),
            ("POST /admin", "AWS_IAM"),
        ]
    );
    let partners = &r["PublicPartnersAuthorizer"]["Properties"];
    assert_eq!(partners["AuthorizerType"], "REQUEST");
    assert_eq!(partners["AuthorizerResultTtlInSeconds"], 300);
    assert_eq!(
        partners["IdentitySource"],
        json!(["$request.header.X-Api-Key"])
    );
    // API Gateway may invoke the function only as that authorizer.
    assert_eq!(
        r["PublicPartnersAuthorizerPermission"]["Properties"]["SourceArn"],
        json!({ "Fn::Sub": "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Public}/authorizers/${PublicPartnersAuthorizer}" })
    );
    assert_eq!(r["PartnerAuthorizer"]["Properties"]["Type"], "REQUEST");
    assert!(r["PartnerAuthorizerPermission"].is_object());
    let sam = build(spec, Target::Sam);
    let auth = &sam["Resources"]["Public"]["Properties"]["Auth"];
    assert_eq!(auth["DefaultAuthorizer"], "Customers");
    assert_eq!(auth["EnableIamAuthorizer"], true);
    assert_eq!(
        auth["Authorizers"]["Partners"]["Identity"],
        json!({ "ReauthorizeEvery": 300, "Headers": ["X-Api-Key"] })
    );
    let events = &sam["Resources"]["PlaceOrder"]["Properties"]["Events"];
    let (_, e) = events.as_object().unwrap().iter().next().unwrap();
    assert_eq!(e["Properties"]["Auth"], json!({ "Authorizer": "Partners" }));
    assert_eq!(
        sam["Resources"]["Partner"]["Properties"]["Auth"]["DefaultAuthorizer"],
        "Lambda"
    );
}

#[test]
fn the_default_route_of_an_http_api() {
    let spec = r#"
app shop { runtime = "python3.13" }
function ListOrders { handler = "orders.list" }
function NotFound   { handler = "errors.not_found" }
api Public http {
  auth = jwt { issuer = "https://auth.shop.example.com", audience = ["shop-web"] }
  GET /orders -> ListOrders
  $default    -> NotFound
}
"#;
    let cfn = build(spec, Target::CloudFormation);
    let r = &cfn["Resources"];
    assert_eq!(
        r["PublicAnyDefaultRoute"]["Properties"]["RouteKey"],
        "$default"
    );
    assert_eq!(
        r["PublicAnyDefaultPermission"]["Properties"]["SourceArn"],
        json!({ "Fn::Sub": "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Public}/*/$default" })
    );
    let sam = build(spec, Target::Sam);
    let event = &sam["Resources"]["NotFound"]["Properties"]["Events"]["PublicAnyDefault"];
    assert_eq!(
        event["Properties"],
        json!({ "ApiId": { "Ref": "Public" }, "PayloadFormatVersion": "2.0" })
    );
}

#[test]
fn code_is_a_folder_a_built_package_or_an_s3_object() {
    let spec = r#"
app shop { runtime = "java21" }
function Folder   { handler = "a.B::h", code = "src", external = true }
function Jar      { handler = "a.B::h", code = "target/app-1.0.jar", external = true }
function Released { handler = "a.B::h", code = "s3://shop-artifacts/app-1.0.jar?versionId=3", external = true }
"#;
    let sam = build(spec, Target::Sam);
    let uri = |f: &str| sam["Resources"][f]["Properties"]["CodeUri"].clone();
    assert_eq!(uri("Folder"), json!("src"));
    assert_eq!(uri("Jar"), json!("target/app-1.0.jar"));
    assert_eq!(
        uri("Released"),
        json!({ "Bucket": "shop-artifacts", "Key": "app-1.0.jar", "Version": "3" })
    );
    let cfn = build(spec, Target::CloudFormation);
    let code = |f: &str| cfn["Resources"][f]["Properties"]["Code"].clone();
    assert_eq!(
        code("Folder")["S3Key"],
        json!({ "Fn::Sub": "${CodeKeyPrefix}src.zip" })
    );
    // A package is uploaded as built: no `.zip` appended.
    assert_eq!(
        code("Jar")["S3Key"],
        json!({ "Fn::Sub": "${CodeKeyPrefix}target/app-1.0.jar" })
    );
    assert_eq!(
        code("Released"),
        json!({ "S3Bucket": "shop-artifacts", "S3Key": "app-1.0.jar", "S3ObjectVersion": "3" })
    );
    // Only code packaged from the spec's folder needs the upload bucket.
    let only_s3 = build(
        "app shop { runtime = \"java21\" }\nfunction R { handler = \"a.B::h\", code = \"s3://b-1/k.jar\", external = true }\n",
        Target::CloudFormation,
    );
    assert!(only_s3.get("Parameters").is_none());
}

#[test]
fn rules_that_match_any_event_by_its_envelope() {
    let spec = r#"
app shop { runtime = "python3.13" }
queue Archive { external = true, dead_letter = drop { reason = "best effort" } }
queue RuleDlq { retention = 14d }
rule Everything on default {
  match any
  send to Archive
  dead_letter = RuleDlq
}
rule FromPartners on default {
  match any where source prefix "partner." and "detail-type" = "Order" and account = "111122223333"
  send to Archive
  dead_letter = RuleDlq
}
"#;
    for target in [Target::Sam, Target::CloudFormation] {
        let t = build(spec, target);
        let pattern = |r: &str| t["Resources"][r]["Properties"]["EventPattern"].clone();
        assert_eq!(
            pattern("Everything"),
            json!({ "source": [{ "prefix": "" }] })
        );
        assert_eq!(
            pattern("FromPartners"),
            json!({ "source": [{ "prefix": "partner." }], "detail-type": ["Order"], "account": ["111122223333"] })
        );
    }
}

#[test]
fn a_catch_all_rule_feeding_a_producer_on_its_bus_is_a_loop() {
    let spec = r#"
app shop { runtime = "python3.13" }
bus Shop
queue RuleDlq { retention = 14d }
event OrderPlaced from "shop.orders" { orderId: string }
function Place { handler = "a.h", on_failure = RuleDlq, emits OrderPlaced to Shop }
rule Echo on Shop { match any where source prefix "shop." send to Place dead_letter = RuleDlq }
rule Elsewhere on Shop { match any where source = "partner" send to Place dead_letter = RuleDlq }
"#;
    let c = slsc::compile_source("t.sls", None, spec.to_string(), common::options());
    let loops: Vec<String> = c
        .diagnostics
        .iter()
        .filter(|d| d.code == "E0320")
        .map(|d| d.message.clone())
        .collect();
    // Echo takes shop.* events; Elsewhere's source excludes them.
    assert_eq!(loops.len(), 1, "{loops:?}");
    assert!(loops[0].contains("Echo"), "{loops:?}");
}

#[test]
fn lambda_event_filters_on_queue_and_kinesis_triggers() {
    let spec = r#"
app shop { runtime = "python3.13" }
type Order { orderId: string, total: number, country: string, express: bool }
queue OrdersDlq { retention = 14d }
queue Orders of Order { dead_letter = OrdersDlq after 5 receives, external = true }
stream Clicks
queue ClickFailures { retention = 14d }
function Priority {
  handler = "priority.handler"
  on Orders where total > 100 and (country = "FR" or express = true) { batch = 10, partial_failures = true }
}
function Purchases {
  handler = "purchases.handler"
  on Clicks where kind = "purchase" { partial_failures = true, on_failure = ClickFailures }
}
function Producer { handler = "p.h", external = true, writes Clicks }
"#;
    let filters = |t: &Value, f: &str| -> Value {
        let events = &t["Resources"][f]["Properties"]["Events"];
        let (_, e) = events.as_object().unwrap().iter().next().unwrap();
        e["Properties"]["FilterCriteria"].clone()
    };
    let sam = build(spec, Target::Sam);
    // `a and (b or c)`: Lambda ORs whole filters, so two of them.
    assert_eq!(
        filters(&sam, "Priority"),
        json!({ "Filters": [
            { "Pattern": "{\"body\":{\"total\":[{\"numeric\":[\">\",100]}],\"country\":[\"FR\"]}}" },
            { "Pattern": "{\"body\":{\"total\":[{\"numeric\":[\">\",100]}],\"express\":[true]}}" },
        ] })
    );
    assert_eq!(
        filters(&sam, "Purchases"),
        json!({ "Filters": [{ "Pattern": "{\"data\":{\"kind\":[\"purchase\"]}}" }] })
    );
    let cfn = build(spec, Target::CloudFormation);
    let mapping = cfn["Resources"]
        .as_object()
        .unwrap()
        .values()
        .find(|r| {
            r["Type"] == "AWS::Lambda::EventSourceMapping"
                && r["Properties"]["FunctionName"] == json!({ "Ref": "Purchases" })
        })
        .unwrap()
        .clone();
    assert_eq!(
        mapping["Properties"]["FilterCriteria"],
        filters(&sam, "Purchases")
    );
}

#[test]
fn table_stream_filters_wrap_the_dynamodb_record() {
    // Keys take their declared type, other attributes the type of the
    // values compared; numbers are written as DynamoDB writes them, text;
    // the images go under `dynamodb`, `eventName` stays at the top.
    let spec = r#"
app shop { runtime = "python3.13" }
table Orders { key = { pk: string, version: number }, stream = new_and_old_images }
queue WatchFailures { retention = 14d }
function Watch {
  handler = "watch.handler"
  on Orders.stream where eventName = "MODIFY" and (NewImage.status = "paid" or Keys.version in [1, 2] or OldImage.gift = true) {
    partial_failures = true, on_failure = WatchFailures
  }
}
"#;
    let expected = json!({ "Filters": [
        { "Pattern": "{\"eventName\":[\"MODIFY\"],\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":[\"paid\"]}}}}" },
        { "Pattern": "{\"eventName\":[\"MODIFY\"],\"dynamodb\":{\"Keys\":{\"version\":{\"N\":[\"1\",\"2\"]}}}}" },
        { "Pattern": "{\"eventName\":[\"MODIFY\"],\"dynamodb\":{\"OldImage\":{\"gift\":{\"BOOL\":[true]}}}}" },
    ] });
    let sam = build(spec, Target::Sam);
    let events = &sam["Resources"]["Watch"]["Properties"]["Events"];
    let (_, e) = events.as_object().unwrap().iter().next().unwrap();
    assert_eq!(e["Properties"]["FilterCriteria"], expected);
    let cfn = build(spec, Target::CloudFormation);
    let mapping = cfn["Resources"]
        .as_object()
        .unwrap()
        .values()
        .find(|r| r["Type"] == "AWS::Lambda::EventSourceMapping")
        .unwrap();
    assert_eq!(mapping["Properties"]["FilterCriteria"], expected);
}

#[test]
fn bucket_triggers_on_narrow_event_kinds() {
    let spec = r#"
app media { runtime = "python3.13" }
bucket Uploads
queue Failures { retention = 14d }
function Ingest {
  handler    = "ingest.handler"
  on Uploads { events = [put, multipart_upload], prefix = "in/" }
  on Uploads { events = delete_marker, prefix = "in/" }
  on_failure = Failures
}
"#;
    let t = build(spec, Target::CloudFormation);
    let configs = &t["Resources"]["Uploads"]["Properties"]["NotificationConfiguration"]
        ["LambdaConfigurations"];
    let kinds: Vec<&str> = configs
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["Event"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "s3:ObjectCreated:Put",
            "s3:ObjectCreated:CompleteMultipartUpload",
            "s3:ObjectRemoved:DeleteMarkerCreated"
        ]
    );
}

#[test]
fn schedules_and_rules_take_names_and_schedules_a_fixed_input() {
    let spec = r#"
app jobs { runtime = "python3.13" }
queue Failures { retention = 14d }
function Run { handler = "run.handler", on_failure = Failures, max_event_age = 5m }
schedule Every5 every 5m -> Run {
  name        = "${AWS::StackName}-every5"
  input       = { job = "cleanup", dryRun = false, limits = [1, 2.5], nested = { a = "b" } }
  retry { max_age = 5m }
  dead_letter = Failures
}
rule Audit on default {
  match any where source = "com.example"
  send to Run
  dead_letter = Failures
  name        = "audit-rule"
}
"#;
    for target in [Target::Sam, Target::CloudFormation] {
        let t = build(spec, target);
        let s = &t["Resources"]["Every5"]["Properties"];
        assert_eq!(s["Name"], json!({ "Fn::Sub": "${AWS::StackName}-every5" }));
        let input: Value = serde_json::from_str(s["Target"]["Input"].as_str().unwrap()).unwrap();
        assert_eq!(
            input,
            json!({ "job": "cleanup", "dryRun": false, "limits": [1, 2.5], "nested": { "a": "b" } })
        );
        assert_eq!(t["Resources"]["Audit"]["Properties"]["Name"], "audit-rule");
    }
}

#[test]
fn queue_delay_long_polling_and_message_size() {
    let spec = r#"
app shop { runtime = "python3.13" }
queue JobsDlq { retention = 14d }
queue Jobs { delay = 30s, receive_wait = 20s, max_message_size = 256KB, external = true, dead_letter = JobsDlq }
function Worker { handler = "w.h", on Jobs { batch = 10, partial_failures = true } }
"#;
    for target in [Target::Sam, Target::CloudFormation] {
        let q = &build(spec, target)["Resources"]["Jobs"]["Properties"];
        assert_eq!(q["DelaySeconds"], 30);
        assert_eq!(q["ReceiveMessageWaitTimeSeconds"], 20);
        assert_eq!(q["MaximumMessageSize"], 262_144);
    }
}

#[test]
fn number_params_give_queue_and_function_settings() {
    let spec = r#"
app shop { runtime = "python3.13" }
param Visibility number { default = 60, min = 30, max = 900 }
param Memory number { default = 512, allowed = [256, 512, 1024] }
queue JobsDlq { retention = 14d }
queue Jobs { visibility_timeout = Visibility, dead_letter = JobsDlq, external = true }
function Worker { handler = "w.h", memory = Memory, timeout = 10s, on Jobs { batch = 10, partial_failures = true } }
"#;
    for target in [Target::Sam, Target::CloudFormation] {
        let t = build(spec, target);
        assert_eq!(
            t["Resources"]["Jobs"]["Properties"]["VisibilityTimeout"],
            json!({ "Ref": "Visibility" })
        );
        assert_eq!(
            t["Resources"]["Worker"]["Properties"]["MemorySize"],
            json!({ "Ref": "Memory" })
        );
        assert_eq!(t["Resources"]["Worker"]["Properties"]["Timeout"], 10);
    }
    // The checks run with the default: a 60 s visibility timeout is below
    // six times a 20 s consumer timeout (W0302).
    let slow = spec.replace("timeout = 10s", "timeout = 20s");
    let c = slsc::compile_source("t.sls", None, slow, common::options());
    assert!(
        c.diagnostics.iter().any(|d| d.code == "W0302"),
        "{}",
        common::rendered(&c)
    );
}

#[test]
fn topic_triggers_take_filter_policies() {
    let spec = r#"
app ops { runtime = "python3.13" }
type Alert { severity: "low" | "high" | "critical", service: string }
topic Alerts of Alert { external = true }
topic Events { external = true }
queue Failures { retention = 14d }
function Page {
  handler    = "page.handler"
  on Alerts where severity in ["high", "critical"] { dead_letter = Failures }
  on Events where kind = "deploy" { filter_on = attributes, dead_letter = Failures }
  on_failure = Failures
}
"#;
    for target in [Target::Sam, Target::CloudFormation] {
        let t = build(spec, target);
        let alerts = &t["Resources"]["PageAlertsSubscription"]["Properties"];
        assert_eq!(alerts["FilterPolicyScope"], "MessageBody");
        assert_eq!(
            alerts["FilterPolicy"],
            json!({ "severity": ["high", "critical"] })
        );
        let events = &t["Resources"]["PageEventsSubscription"]["Properties"];
        assert_eq!(events["FilterPolicyScope"], "MessageAttributes");
        assert_eq!(events["FilterPolicy"], json!({ "kind": ["deploy"] }));
    }
    // Typed against the topic's message type.
    let bad = spec.replace("[\"high\", \"critical\"]", "[\"urgent\"]");
    let c = slsc::compile_source("t.sls", None, bad, common::options());
    assert!(
        c.diagnostics.iter().any(|d| d.code == "E0405"),
        "{}",
        common::rendered(&c)
    );
}

#[test]
fn topics_outside_the_stack_are_subscribed_in_their_region() {
    let spec = r#"
app ops { runtime = "python3.13" }
topic Partners {
  arn = "arn:aws:sns:us-west-2:111122223333:partners"
  subscribe Copy { dead_letter = Failures }
}
queue Failures { retention = 14d }
queue Copy { dead_letter = Failures }
function Relay {
  handler    = "relay.handler"
  on Partners where kind = "order" { filter_on = attributes, dead_letter = Failures }
  on_failure = Failures
}
function Reader { handler = "r.h", on Copy { batch = 10, partial_failures = true } }
function Notify { handler = "n.h", publishes to Partners, external = true }
"#;
    let arn = "arn:aws:sns:us-west-2:111122223333:partners";
    for target in [Target::Sam, Target::CloudFormation] {
        let t = build(spec, target);
        let r = &t["Resources"];
        assert!(r.get("Partners").is_none(), "no topic is created");
        for sub in ["RelayPartnersSubscription", "PartnersCopySubscription"] {
            assert_eq!(r[sub]["Properties"]["TopicArn"], arn);
            assert_eq!(r[sub]["Properties"]["Region"], "us-west-2");
        }
        let permission = &r["RelayPartnersPermission"]["Properties"];
        assert_eq!(permission["SourceArn"], arn);
        assert_eq!(permission["SourceAccount"], "111122223333");
        let policy = r["CopyPolicy"]["Properties"]["PolicyDocument"]["Statement"][0].clone();
        assert_eq!(policy["Condition"]["ArnEquals"]["aws:SourceArn"], arn);
        assert_eq!(
            policy["Condition"]["StringEquals"]["aws:SourceAccount"],
            "111122223333"
        );
        // Publishing needs sns:Publish on the ARN, and no grant on the
        // app's key: the topic is encrypted by its owner, if at all.
        let statements = r["NotifyRole"]["Properties"]["Policies"][0]["PolicyDocument"]
            ["Statement"]
            .as_array()
            .unwrap()
            .clone();
        assert!(statements
            .iter()
            .any(|s| s["Action"] == json!(["sns:Publish"]) && s["Resource"] == json!([arn])));
        assert!(!statements.iter().any(|s| s["Sid"] == "EncryptWithAppKey"));
    }
}

#[test]
fn rest_apis_take_a_stage_name() {
    let spec = r#"
app shop { runtime = "python3.13" }
function Get { handler = "g.h" }
api Shop rest {
  auth       = iam
  stage_name = "dev"
  GET /orders -> Get
}
"#;
    let sam = build(spec, Target::Sam);
    assert_eq!(sam["Resources"]["Shop"]["Properties"]["StageName"], "dev");
    let cfn = build(spec, Target::CloudFormation);
    assert_eq!(
        cfn["Resources"]["ShopStage"]["Properties"]["StageName"],
        "dev"
    );
    for t in [&sam, &cfn] {
        let url = t["Outputs"]["ShopUrl"]["Value"]["Fn::Sub"]
            .as_str()
            .unwrap();
        assert!(url.ends_with("/dev"), "{url}");
    }
    // An HTTP API serves from `$default` (no path segment) unless named.
    let http = spec.replace("rest {", "http {");
    let sam = build(&http, Target::Sam);
    assert_eq!(sam["Resources"]["Shop"]["Properties"]["StageName"], "dev");
    let cfn = build(&http, Target::CloudFormation);
    assert_eq!(
        cfn["Resources"]["ShopDefaultStage"]["Properties"]["StageName"],
        "dev"
    );
    let unnamed = build(
        &http.replace("stage_name = \"dev\"", ""),
        Target::CloudFormation,
    );
    assert_eq!(
        unnamed["Resources"]["ShopDefaultStage"]["Properties"]["StageName"],
        "$default"
    );
    let url = unnamed["Outputs"]["ShopUrl"]["Value"]["Fn::Sub"]
        .as_str()
        .unwrap();
    assert!(url.ends_with("${AWS::URLSuffix}"), "{url}");
}

#[test]
fn resource_policies_take_statements_written_in_the_spec() {
    let spec = r#"
app shop { runtime = "python3.13" }
queue Jobs {
  external    = true
  dead_letter = drop { reason = "a test" }
  policy = [{
    Effect    = "Allow"
    Principal = { AWS = "arn:aws:iam::111122223333:root" }
    Action    = "sqs:SendMessage"
    Condition = { Bool = { "aws:SecureTransport" = "true" } }
  }]
}
topic News {
  external = true
  policy = [{ Sid = "Partner", Effect = "Allow", Principal = { AWS = "111122223333" }, Action = "sns:Subscribe" }]
}
bucket Site {
  policy = [{
    Effect    = "Allow"
    Principal = { Service = "cloudfront.amazonaws.com" }
    Action    = "s3:GetObject"
    Resource  = "arn:${AWS::Partition}:s3:::${Site}/*"
    Condition = { StringEquals = { "aws:SourceArn" = "arn:aws:cloudfront::111122223333:distribution/E1", "aws:SourceAccount" = "111122223333" } }
  }]
}
"#;
    for target in [Target::Sam, Target::CloudFormation] {
        let t = build(spec, target);
        let r = &t["Resources"];
        let q = &r["JobsPolicy"]["Properties"]["PolicyDocument"]["Statement"][0];
        assert_eq!(q["Sid"], "Spec1");
        assert_eq!(q["Resource"], json!({ "Fn::GetAtt": ["Jobs", "Arn"] }));
        let n = &r["NewsPolicy"]["Properties"]["PolicyDocument"]["Statement"][0];
        assert_eq!(n["Sid"], "Partner");
        assert_eq!(n["Resource"], json!({ "Ref": "News" }));
        let b = &r["SitePolicy"]["Properties"]["PolicyDocument"]["Statement"];
        assert_eq!(b[0]["Sid"], "DenyInsecureTransport");
        assert_eq!(
            b[1]["Principal"],
            json!({ "Service": "cloudfront.amazonaws.com" })
        );
        assert_eq!(
            b[1]["Resource"],
            json!({ "Fn::Sub": "arn:${AWS::Partition}:s3:::${Site}/*" })
        );
    }
}

#[test]
fn imported_values_become_import_value() {
    let spec = r#"
app shop {
  runtime = "python3.13"
  outputs { Bus = Orders.arn }
}
param Upstream string { default = "core" }
param TableName string { import = "${Upstream}-OrdersTable" }
bus Orders { name = "${TableName}-events", external = true }
function Read {
  handler = "r.h"
  env { TABLE = TableName, LABEL = "table ${TableName} of ${AWS::StackName}" }
  allow "dynamodb:GetItem" on "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}"
  external = true
}
"#;
    let import = json!({ "Fn::ImportValue": { "Fn::Sub": "${Upstream}-OrdersTable" } });
    for target in [Target::Sam, Target::CloudFormation] {
        let t = build(spec, target);
        assert!(
            t["Parameters"].get("TableName").is_none(),
            "not a parameter"
        );
        assert_eq!(t["Parameters"]["Upstream"]["Default"], "core");
        let env = &t["Resources"]["Read"]["Properties"]["Environment"]["Variables"];
        assert_eq!(env["TABLE"], import);
        assert_eq!(
            env["LABEL"],
            json!({ "Fn::Sub": ["table ${TableName} of ${AWS::StackName}", { "TableName": import }] })
        );
        assert_eq!(
            t["Resources"]["Orders"]["Properties"]["Name"],
            json!({ "Fn::Sub": ["${TableName}-events", { "TableName": import }] })
        );
    }
}

#[test]
fn cognito_authorizers_take_a_pool_of_another_stack() {
    let spec = r#"
app shop { runtime = "python3.13" }
param PoolArn string { description = "the pool of the identity stack" }
function Get { handler = "g.h" }
api Shop rest {
  authorizers { Users = cognito { pool = PoolArn, header = "authorizationToken" } }
  auth = Users
  GET /orders -> Get
}
"#;
    let cfn = build(spec, Target::CloudFormation);
    let z = cfn["Resources"]
        .as_object()
        .unwrap()
        .values()
        .find(|r| r["Type"] == "AWS::ApiGateway::Authorizer")
        .unwrap();
    assert_eq!(
        z["Properties"]["ProviderARNs"],
        json!([{ "Ref": "PoolArn" }])
    );
    assert_eq!(
        z["Properties"]["IdentitySource"],
        "method.request.header.authorizationToken"
    );
    let sam = build(spec, Target::Sam);
    let a = &sam["Resources"]["Shop"]["Properties"]["Auth"]["Authorizers"]["Users"];
    assert_eq!(a["UserPoolArn"], json!({ "Ref": "PoolArn" }));
    assert_eq!(a["Identity"]["Header"], "authorizationToken");
}

#[test]
fn subscription_filters_on_message_attributes() {
    let spec = r#"
app shop { runtime = "python3.13" }
queue Audit { retention = 14d }
queue AuditDlq { retention = 14d }
topic Events {
  external = true
  subscribe Audit where kind in ["order", "refund"] { filter_on = attributes, dead_letter = AuditDlq }
}
function Reader { handler = "r.h", on Audit { batch = 10, partial_failures = true } }
"#;
    for target in [Target::Sam, Target::CloudFormation] {
        let t = build(spec, target);
        let p = &t["Resources"]["EventsAuditSubscription"]["Properties"];
        assert_eq!(p["FilterPolicyScope"], "MessageAttributes");
        assert_eq!(p["FilterPolicy"], json!({ "kind": ["order", "refund"] }));
    }
}

#[test]
fn throttling_per_api_and_per_route() {
    let spec = r#"
app shop { runtime = "python3.13" }
function ListOrders { handler = "orders.list" }
function PlaceOrder { handler = "orders.place" }
api Public http {
  auth = iam
  throttle { rate = 100, burst = 200 }
  GET /orders -> ListOrders
  POST /orders -> PlaceOrder { throttle = { rate = 10.5, burst = 20 } }
}
api Partner rest {
  auth = iam
  GET /orders/{id} -> ListOrders { throttle = { rate = 5, burst = 10 } }
}
"#;
    let cfn = build(spec, Target::CloudFormation);
    let stage = &cfn["Resources"]["PublicDefaultStage"];
    assert_eq!(
        stage["Properties"]["DefaultRouteSettings"],
        json!({ "ThrottlingBurstLimit": 200, "ThrottlingRateLimit": 100 })
    );
    assert_eq!(
        stage["Properties"]["RouteSettings"],
        json!({ "POST /orders": { "ThrottlingBurstLimit": 20, "ThrottlingRateLimit": 10.5 } })
    );
    assert_eq!(stage["DependsOn"], json!(["PublicPostOrdersRoute"]));
    assert_eq!(
        cfn["Resources"]["PartnerStage"]["Properties"]["MethodSettings"],
        json!([{ "ThrottlingBurstLimit": 10, "ThrottlingRateLimit": 5, "ResourcePath": "/~1orders~1{id}", "HttpMethod": "GET" }])
    );
    let sam = build(spec, Target::Sam);
    assert_eq!(
        sam["Resources"]["Public"]["Properties"]["RouteSettings"],
        stage["Properties"]["RouteSettings"]
    );
}

#[test]
fn rule_targets_receive_what_their_input_builds() {
    let spec = r#"
app shop { runtime = "python3.13" }
type Shipment { orderId: string, total: number, kind: string }
event OrderPlaced from "shop.orders" external { orderId: string, total: number }
queue Shipments of Shipment { external = true, dead_letter = drop { reason = "replayed" } }
queue RuleDlq { retention = 14d }
rule Ship on default {
  match OrderPlaced
  send to Shipments { input = { orderId = detail.orderId, total = detail.total, kind = "standard" } }
  dead_letter = RuleDlq
}
"#;
    for target in [Target::Sam, Target::CloudFormation] {
        let t = build(spec, target);
        assert_eq!(
            t["Resources"]["Ship"]["Properties"]["Targets"][0]["InputTransformer"],
            json!({
                "InputPathsMap": { "orderId": "$.detail.orderId", "total": "$.detail.total" },
                "InputTemplate": "{\"orderId\": <orderId>, \"total\": <total>, \"kind\": \"standard\"}",
            })
        );
    }
}

#[test]
fn a_named_bucket_is_granted_and_notifies_by_its_name() {
    let spec = r#"
app media { runtime = "python3.13" }
bucket Uploads { name = "media-uploads-${AWS::AccountId}" }
queue Failures { retention = 14d }
function Resize {
  handler = "resize.handler"
  on Uploads { suffix = ".png" }
  on_failure = Failures
  reads Uploads
}
"#;
    for target in [Target::Sam, Target::CloudFormation] {
        let t = build(spec, target);
        let text = serde_json::to_string(&t).unwrap();
        // The permission, the role and the bucket all name the fixed name.
        assert!(
            text.contains("arn:${AWS::Partition}:s3:::media-uploads-${AWS::AccountId}"),
            "{text}"
        );
        assert!(
            !text.contains("\"uploads-"),
            "a generated bucket name is left: {text}"
        );
    }
}

#[test]
fn rules_forward_to_a_bus_in_another_account_with_their_role() {
    let spec = r#"
app shop { runtime = "python3.13" }
bus Central { arn = "arn:aws:events:eu-west-1:111122223333:event-bus/central" }
bus Shop
event OrderPlaced from "shop.orders" { orderId: string }
queue RuleDlq { retention = 14d }
queue Failures { retention = 14d }
function Place { handler = "p.h", external = true, emits OrderPlaced to Shop, on_failure = Failures }
rule Forward on Shop {
  match OrderPlaced
  send to Central
  dead_letter = RuleDlq
}
"#;
    for target in [Target::Sam, Target::CloudFormation] {
        let t = build(spec, target);
        let r = &t["Resources"];
        assert!(
            r.get("Central").is_none(),
            "a bus outside the stack is not created"
        );
        let tgt = &r["Forward"]["Properties"]["Targets"][0];
        assert_eq!(
            tgt["Arn"],
            "arn:aws:events:eu-west-1:111122223333:event-bus/central"
        );
        assert_eq!(
            tgt["RoleArn"],
            json!({ "Fn::GetAtt": ["ForwardRole", "Arn"] })
        );
        let policy = &r["ForwardRole"]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"];
        assert_eq!(
            policy,
            &json!([{ "Sid": "ForwardToCentral", "Effect": "Allow", "Action": ["events:PutEvents"], "Resource": ["arn:aws:events:eu-west-1:111122223333:event-bus/central"] }])
        );
    }
}

#[test]
fn usage_plans_and_api_keys_of_a_rest_api() {
    let spec = r#"
app shop { runtime = "python3.13" }
function ListOrders { handler = "orders.list" }
api Partner rest {
  auth = iam
  usage_plans {
    Gold = { rate = 100, burst = 200, quota = 100000, period = day, keys = ["acme"] }
  }
  GET /orders -> ListOrders { api_key = true }
}
"#;
    let cfn = build(spec, Target::CloudFormation);
    let r = &cfn["Resources"];
    let plan = &r["PartnerGoldUsagePlan"]["Properties"];
    assert_eq!(plan["Quota"], json!({ "Limit": 100000, "Period": "DAY" }));
    assert_eq!(
        plan["ApiStages"][0]["Stage"],
        json!({ "Ref": "PartnerStage" })
    );
    assert_eq!(
        r["PartnerAcmeApiKeyPlan"]["Properties"]["UsagePlanId"],
        json!({ "Ref": "PartnerGoldUsagePlan" })
    );
    let method = r
        .as_object()
        .unwrap()
        .values()
        .find(|x| x["Type"] == "AWS::ApiGateway::Method" && x["Properties"]["HttpMethod"] == "GET")
        .unwrap();
    assert_eq!(method["Properties"]["ApiKeyRequired"], true);
    let sam = build(spec, Target::Sam);
    assert_eq!(
        sam["Resources"]["PartnerGoldUsagePlan"]["Properties"]["ApiStages"][0]["Stage"],
        json!({ "Ref": "Partner.Stage" })
    );
}

const REST_AUTH: &str = r#"
app back { runtime = "python3.13" }
userpool Users { sign_in = [email] }
function Check  { handler = "auth.check" }
function Report { handler = "admin.report" }
function Ping   { handler = "ping.main" }
api Back rest {
  authorizers {
    Staff  = cognito { pool = Users }
    Tokens = lambda { function = Check, token = "X-Token" }
  }
  auth = Staff
  GET /report -> Report { scopes = ["email"] }
  GET /ping   -> Ping { auth = Tokens }
}
"#;

/// A REST API's Cognito authorizer (with route scopes) and Lambda TOKEN
/// authorizer, in both targets.
#[test]
fn rest_cognito_and_token_authorizers() {
    let t = build(REST_AUTH, Target::CloudFormation);
    let r = &t["Resources"];
    assert_eq!(
        r["BackStaffAuthorizer"]["Properties"]["Type"],
        "COGNITO_USER_POOLS"
    );
    assert_eq!(
        r["BackStaffAuthorizer"]["Properties"]["ProviderARNs"],
        json!([{ "Fn::GetAtt": ["Users", "Arn"] }])
    );
    assert!(r.get("BackStaffAuthorizerPermission").is_none());
    assert_eq!(r["BackTokensAuthorizer"]["Properties"]["Type"], "TOKEN");
    assert_eq!(
        r["BackTokensAuthorizer"]["Properties"]["IdentitySource"],
        "method.request.header.X-Token"
    );
    let report = &r["BackGetReportMethod"]["Properties"];
    assert_eq!(report["AuthorizationType"], "COGNITO_USER_POOLS");
    assert_eq!(report["AuthorizationScopes"], json!(["email"]));
    assert_eq!(
        r["BackGetPingMethod"]["Properties"]["AuthorizationType"],
        "CUSTOM"
    );
    let t = build(REST_AUTH, Target::Sam);
    let auth = &t["Resources"]["Back"]["Properties"]["Auth"];
    assert_eq!(
        auth["Authorizers"]["Staff"],
        json!({ "UserPoolArn": { "Fn::GetAtt": ["Users", "Arn"] } })
    );
    assert_eq!(
        auth["Authorizers"]["Tokens"]["FunctionPayloadType"],
        "TOKEN"
    );
    assert_eq!(
        auth["Authorizers"]["Tokens"]["Identity"]["Header"],
        "X-Token"
    );
    let event = &t["Resources"]["Report"]["Properties"]["Events"]["BackGetReport"]["Properties"];
    assert_eq!(
        event["Auth"],
        json!({ "Authorizer": "Staff", "AuthorizationScopes": ["email"] })
    );
}

/// Preflight requests carry no credentials: SAM must not put a REST API's
/// default authorizer on the OPTIONS methods, whose CloudFormation
/// counterparts are `NONE`.
#[test]
fn rest_preflight_is_not_authorized_in_sam() {
    let spec = REST_AUTH.replace(
        "  auth = Staff\n",
        "  auth = Staff\n  cors { origins = [\"https://x.example.com\"] }\n",
    );
    let t = build(&spec, Target::Sam);
    assert_eq!(
        t["Resources"]["Back"]["Properties"]["Auth"]["AddDefaultAuthorizerToCorsPreflight"],
        false
    );
    let t = build(&spec, Target::CloudFormation);
    assert_eq!(
        t["Resources"]["BackReportOptions"]["Properties"]["AuthorizationType"],
        "NONE"
    );
}

#[test]
fn pool_users_list_parameters_and_the_hosted_ui_url() {
    let spec = r#"
app shop {
  runtime = "python3.13"
  outputs { AuthUrl = Users.hosted_ui_url }
}
param Sites list { default = ["https://a.example.com", "https://b.example.com"] }
param AdminEmail string { description = "the administrator" }
userpool Users {
  sign_in = [email]
  domain  = "shop-auth"
  groups  = [Admins, Editors]
  clients { Web = { flows = [code], scopes = [openid], callback_urls = Sites, logout_urls = ["https://a.example.com/bye"] } }
  users {
    admin  = { email = AdminEmail, groups = [Admins, Editors] }
    editor = { email = "ed@example.com" }
  }
}
"#;
    for target in [Target::Sam, Target::CloudFormation] {
        let t = build(spec, target);
        let r = &t["Resources"];
        assert_eq!(t["Parameters"]["Sites"]["Type"], "CommaDelimitedList");
        assert_eq!(
            t["Parameters"]["Sites"]["Default"],
            "https://a.example.com,https://b.example.com"
        );
        let client = &r["UsersWebClient"]["Properties"];
        assert_eq!(client["CallbackURLs"], json!({ "Ref": "Sites" }));
        assert_eq!(client["LogoutURLs"], json!(["https://a.example.com/bye"]));
        let admin = &r["UsersAdminUser"];
        assert_eq!(admin["Type"], "AWS::Cognito::UserPoolUser");
        // Users live in the pool: retained with it.
        assert_eq!(admin["DeletionPolicy"], "Retain");
        assert_eq!(admin["UpdateReplacePolicy"], "Retain");
        assert_eq!(
            admin["Properties"]["Username"],
            json!({ "Ref": "AdminEmail" })
        );
        assert_eq!(
            admin["Properties"]["DesiredDeliveryMediums"],
            json!(["EMAIL"])
        );
        assert_eq!(
            admin["Properties"]["UserAttributes"],
            json!([{ "Name": "email", "Value": { "Ref": "AdminEmail" } }])
        );
        assert_eq!(
            r["UsersEditorUser"]["Properties"]["Username"],
            "ed@example.com"
        );
        for g in ["Admins", "Editors"] {
            let m = &r[format!("UsersAdmin{g}Membership")];
            assert_eq!(m["Type"], "AWS::Cognito::UserPoolUserToGroupAttachment");
            assert_eq!(
                m["Properties"]["GroupName"],
                json!({ "Ref": format!("Users{g}Group") })
            );
            assert_eq!(
                m["Properties"]["Username"],
                json!({ "Ref": "UsersAdminUser" })
            );
            assert_eq!(m["Properties"]["UserPoolId"], json!({ "Ref": "Users" }));
        }
        assert!(r.get("UsersEditorAdminsMembership").is_none());
        assert_eq!(
            t["Outputs"]["AuthUrl"]["Value"],
            json!({ "Fn::Sub": "https://${UsersDomain}.auth.${AWS::Region}.amazoncognito.com" })
        );
    }
}

#[test]
fn pool_users_name_groups_of_their_pool() {
    let spec = r#"
app shop { runtime = "python3.13", outputs { Id = Users.id } }
userpool Users {
  groups = [Admins]
  users { admin = { email = "a@example.com", groups = [Admin] }, bob = { email = "not-an-address" } }
}
"#;
    let c = slsc::compile_source("t.sls", None, spec.to_string(), common::options());
    let codes: Vec<&str> = c.diagnostics.iter().map(|d| d.code).collect();
    assert!(codes.contains(&"E0101"), "{}", common::rendered(&c));
    assert!(codes.contains(&"E0201"), "{}", common::rendered(&c));
    // Without `sign_in`, the user name is the entry's name.
    let ok = spec
        .replace("[Admin]", "[Admins]")
        .replace("not-an-address", "bob@example.com");
    let t = build(&ok, Target::CloudFormation);
    assert_eq!(
        t["Resources"]["UsersBobUser"]["Properties"]["Username"],
        "bob"
    );
}

#[test]
fn queues_outside_the_stack_by_arn() {
    let spec = r#"
app shop { runtime = "python3.13" }
param JobsArn string { description = "the jobs queue of the platform stack" }
queue Jobs { arn = JobsArn }
queue Audit { arn = "arn:aws:sqs:eu-west-1:111122223333:audit.fifo" }
function Place {
  handler    = "place.handler"
  external   = true
  sends to Jobs, Audit
  on_success = Jobs
  env { JOBS_URL = Jobs.url, AUDIT_URL = Audit.url, AUDIT = Audit.name }
}
"#;
    for target in [Target::Sam, Target::CloudFormation] {
        let t = build(spec, target);
        let r = t["Resources"].as_object().unwrap();
        // Nothing is created for them.
        assert!(!r.contains_key("Jobs") && !r.contains_key("Audit"));
        assert!(r.values().all(|x| x["Type"] != "AWS::SQS::Queue"));
        let text = serde_json::to_string(&t).unwrap();
        // Sent to on exactly their ARNs, without the app's key.
        assert!(text.contains(r#""Resource":[{"Ref":"JobsArn"}]"#), "{text}");
        assert!(
            text.contains(r#""Resource":["arn:aws:sqs:eu-west-1:111122223333:audit.fifo"]"#),
            "{text}"
        );
        assert!(!text.contains("EncryptWithAppKey"), "{text}");
        assert!(text.contains("https://sqs.eu-west-1.amazonaws.com/111122223333/audit.fifo"));
        assert!(
            text.contains(r#""Fn::Split":[":",{"Ref":"JobsArn"}]"#),
            "{text}"
        );
    }
    // A written `.fifo` ARN is a FIFO queue: no destination (E0307 or the
    // like), whatever the spec says.
    let c = slsc::compile_source(
        "t.sls",
        None,
        spec.replace("on_success = Jobs", "on_success = Audit"),
        common::options(),
    );
    assert!(c.has_errors(), "{}", common::rendered(&c));
}
