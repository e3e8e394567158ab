//! What a function runs, in both targets: container images (`image`), and
//! SnapStart (`snap_start`) with the published version and alias `live`
//! that everything invoking the function then invokes.

#[path = "support/common.rs"]
mod common;

use serde_json::{json, Value};
use slsc::Target;

/// The template of `spec` in `target`; the spec must compile cleanly.
fn build(spec: &str, target: Target) -> Value {
    let c = slsc::compile_source("t.sls", None, spec.to_string(), common::options());
    assert!(!c.has_errors(), "{spec}\n{}", common::rendered(&c));
    let built = slsc::build(&c, target).unwrap();
    (*built).clone()
}

/// The codes `spec` raises.
fn codes(spec: &str) -> Vec<&'static str> {
    let c = slsc::compile_source("t.sls", None, spec.to_string(), common::options());
    c.diagnostics.iter().map(|d| d.code).collect()
}

const IMAGES: &str = r#"
app shop { runtime = "python3.9" }
param Tag string { default = "1.4.2" }
function Resize {
  image    = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/resize:2.0.1"
  memory   = 1GB
  external = true
}
function Crop {
  image    = "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/shop/crop:${Tag}"
  external = true
}
"#;

#[test]
fn container_images_in_both_targets() {
    let sam = build(IMAGES, Target::Sam);
    let p = &sam["Resources"]["Resize"]["Properties"];
    assert_eq!(p["PackageType"], "Image");
    assert_eq!(
        p["ImageUri"],
        "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/resize:2.0.1"
    );
    assert_eq!(p["MemorySize"], 1024);
    for absent in ["Handler", "Runtime", "CodeUri"] {
        assert!(p.get(absent).is_none(), "SAM {absent}");
    }
    assert_eq!(
        sam["Resources"]["Crop"]["Properties"]["ImageUri"],
        json!({ "Fn::Sub": "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/shop/crop:${Tag}" })
    );

    let cfn = build(IMAGES, Target::CloudFormation);
    let p = &cfn["Resources"]["Resize"]["Properties"];
    assert_eq!(p["PackageType"], "Image");
    assert_eq!(
        p["Code"],
        json!({ "ImageUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/resize:2.0.1" })
    );
    for absent in ["Handler", "Runtime"] {
        assert!(p.get(absent).is_none(), "CloudFormation {absent}");
    }
    // Nothing to upload: no `CodeBucket` or `CodeKeyPrefix`.
    let params: Vec<&String> = cfn["Parameters"].as_object().unwrap().keys().collect();
    assert_eq!(params, ["Tag"]);
}

#[test]
fn an_image_needs_no_handler_or_runtime_and_takes_neither() {
    // No `runtime` anywhere, no `handler`: nothing missing.
    assert_eq!(
        codes("function R {\n  image = \"123456789012.dkr.ecr.us-east-1.amazonaws.com/resize:1\"\n  external = true\n}\n"),
        Vec::<&str>::new()
    );
    // The app's runtime does not apply: a deprecated one is no warning
    // for the image (the app's own line aside, nothing refers to it).
    let c = slsc::compile_source("t.sls", None, IMAGES.to_string(), common::options());
    assert!(
        !c.diagnostics.iter().any(|d| d.code == "W0205"),
        "{}",
        common::rendered(&c)
    );
    let with = |extra: &str| {
        codes(&format!(
            "app a {{ runtime = \"python3.13\" }}\nfunction R {{\n  image = \"123456789012.dkr.ecr.us-east-1.amazonaws.com/resize:1\"\n  {extra}\n  external = true\n}}\n"
        ))
    };
    assert_eq!(with("handler = \"r.h\""), ["E0105"]);
    assert_eq!(with("runtime = \"python3.13\""), ["E0105"]);
    assert_eq!(with("code = \"s3://b-1/r.zip\""), ["E0106"]);
    assert_eq!(with("snap_start = true"), ["E0217"]);
    // Without `image`, `handler` is still required, and says so.
    let c = slsc::compile_source(
        "t.sls",
        None,
        "app a { runtime = \"python3.13\" }\nfunction R { external = true }\n".into(),
        common::options(),
    );
    let d = c.diagnostics.iter().find(|d| d.code == "E0107").unwrap();
    assert!(
        d.help.as_deref().unwrap().contains("`image = "),
        "{:?}",
        d.help
    );
}

#[test]
fn snap_start_runtimes() {
    let on = |runtime: &str| {
        codes(&format!(
            "function F {{\n  handler = \"f.h\"\n  runtime = \"{runtime}\"\n  code = \"s3://b-1/f.zip\"\n  snap_start = true\n  external = true\n}}\n"
        ))
    };
    for ok in [
        "java11",
        "java17",
        "java21",
        "java25",
        "python3.12",
        "python3.13",
        "python3.14",
        "dotnet8",
    ] {
        assert!(!on(ok).contains(&"E0217"), "{ok}: {:?}", on(ok));
    }
    for no in [
        "java8.al2",
        "python3.11",
        "nodejs22.x",
        "ruby3.4",
        "provided.al2023",
    ] {
        assert!(on(no).contains(&"E0217"), "{no}");
    }
    // An unknown runtime is E0204 alone.
    assert_eq!(on("java99"), ["E0204"]);
    // `snap_start = false` is Lambda's default: no SnapStart, no alias.
    let off = build(
        "function F { handler = \"f.h\", runtime = \"nodejs22.x\", snap_start = false, external = true }\n",
        Target::Sam,
    );
    let p = &off["Resources"]["F"]["Properties"];
    assert!(p.get("SnapStart").is_none() && p.get("AutoPublishAlias").is_none());
}

/// A SnapStart function with a trigger of every kind, a route of each
/// kind of API, an authorizer, a caller and a destination.
const SNAP: &str = r#"
app shop { runtime = "java21" }
param Stage string { default = "prod" }
queue Jobs {
  visibility_timeout = 2m
  dead_letter = drop { reason = "replayed from the source" }
}
topic News {}
bucket Uploads {}
function Orders {
  handler    = "shop.Orders::handleRequest"
  code       = "target/orders-1.0.jar"
  snap_start = true
  timeout    = 20s
  env { STAGE = "${Stage}" }
  on Jobs { batch = 1 }
  on News { dead_letter = drop { reason = "news is replayed" } }
  on Uploads { prefix = "in/" }
  retries    = 1
  on_failure = drop { reason = "the uploads are kept" }
}
function Caller {
  handler    = "shop.Caller::handleRequest"
  code       = "s3://shop-artifacts/caller-1.0.jar"
  invokes Orders
  on_failure = Orders
  external   = true
}
rule Placed on default {
  match any where source = "shop"
  send to Orders
  dead_letter = drop { reason = "placed again by the shop" }
}
schedule Nightly cron "0 3 * * ? *" -> Orders {
  dead_letter = drop { reason = "runs again the next night" }
}
api Shop http {
  authorizers { Keys = lambda { function = Orders, headers = ["X-Api-Key"], cache = 5m } }
  auth = Keys
  GET /orders -> Orders
}
api Partners rest {
  auth = iam
  GET /orders -> Orders
}
"#;

#[test]
fn snap_start_in_sam_publishes_behind_the_alias_live() {
    let t = build(SNAP, Target::Sam);
    let r = &t["Resources"];
    let p = &r["Orders"]["Properties"];
    assert_eq!(p["SnapStart"], json!({ "ApplyOn": "PublishedVersions" }));
    assert_eq!(p["AutoPublishAlias"], "live");
    assert_eq!(p["AutoPublishAliasAllProperties"], true);
    assert_eq!(p["VersionDeletionPolicy"], "Delete");
    // SAM points its own events (the queue, the routes) at the alias; the
    // resources slsc writes name the alias SAM makes, `OrdersAliaslive`.
    let alias = json!({ "Ref": "OrdersAliaslive" });
    assert_eq!(r["OrdersNewsSubscription"]["Properties"]["Endpoint"], alias);
    for permission in [
        "OrdersNewsPermission",
        "OrdersUploadsPermission",
        "PlacedOrdersPermission",
    ] {
        assert_eq!(
            r[permission]["Properties"]["FunctionName"], alias,
            "{permission}"
        );
    }
    let bucket = &r["Uploads"]["Properties"]["NotificationConfiguration"];
    assert_eq!(bucket["LambdaConfigurations"][0]["Function"], alias);
    assert_eq!(r["Placed"]["Properties"]["Targets"][0]["Arn"], alias);
    assert_eq!(r["Nightly"]["Properties"]["Target"]["Arn"], alias);
    assert_eq!(
        r["Shop"]["Properties"]["Auth"]["Authorizers"]["Keys"]["FunctionArn"],
        alias
    );
    // The caller's asynchronous failures go to the alias too.
    assert_eq!(
        r["Caller"]["Properties"]["EventInvokeConfig"]["DestinationConfig"]["OnFailure"],
        json!({ "Type": "Lambda", "Destination": alias })
    );
}

#[test]
fn snap_start_in_cloudformation_publishes_a_version_and_the_alias_live() {
    let t = build(SNAP, Target::CloudFormation);
    let r = &t["Resources"];
    assert_eq!(
        r["Orders"]["Properties"]["SnapStart"],
        json!({ "ApplyOn": "PublishedVersions" })
    );
    // The version's ID ends in a hash of the function's properties.
    let version_id = version_id(&t, "Orders");
    let version = &r[&version_id];
    assert_eq!(version["Type"], "AWS::Lambda::Version");
    assert_eq!(
        version["Properties"]["FunctionName"],
        json!({ "Ref": "Orders" })
    );
    // Republished whenever the function's properties or the parameters
    // they use change.
    let description = version["Properties"]["Description"]["Fn::Sub"]
        .as_str()
        .unwrap();
    assert!(
        description.starts_with("Orders ")
            && description.ends_with(" ${CodeBucket} ${CodeKeyPrefix} ${Stage}"),
        "{description}"
    );
    assert_eq!(
        r["OrdersAliaslive"],
        json!({
            "Type": "AWS::Lambda::Alias",
            "Properties": {
                "FunctionName": { "Ref": "Orders" },
                "FunctionVersion": { "Fn::GetAtt": [version_id, "Version"] },
                "Name": "live",
            },
        })
    );
    let alias = json!({ "Ref": "OrdersAliaslive" });
    let config = &r["OrdersEventInvokeConfig"];
    assert_eq!(config["Properties"]["Qualifier"], "live");
    assert_eq!(config["DependsOn"], json!(["OrdersAliaslive"]));
    assert_eq!(r["OrdersJobsMapping"]["Properties"]["FunctionName"], alias);
    assert_eq!(r["OrdersNewsSubscription"]["Properties"]["Endpoint"], alias);
    assert_eq!(
        r["ShopOrdersIntegration"]["Properties"]["IntegrationUri"],
        alias
    );
    assert_eq!(
        r["ShopKeysAuthorizer"]["Properties"]["AuthorizerUri"],
        json!({ "Fn::Sub": "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${OrdersAliaslive}/invocations" })
    );
    assert_eq!(
        r["PartnersGetOrdersMethod"]["Properties"]["Integration"]["Uri"],
        json!({ "Fn::Sub": "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${OrdersAliaslive}/invocations" })
    );
    // Every permission to invoke it is the alias's.
    let permissions: Vec<&Value> = r
        .as_object()
        .unwrap()
        .values()
        .filter(|x| x["Type"] == "AWS::Lambda::Permission")
        .collect();
    // The topic, the bucket, the rule, the HTTP route and authorizer, the
    // REST route.
    assert_eq!(permissions.len(), 6);
    for p in permissions {
        assert_eq!(p["Properties"]["FunctionName"], alias, "{p}");
    }
    assert_eq!(r["Placed"]["Properties"]["Targets"][0]["Arn"], alias);
    assert_eq!(r["Nightly"]["Properties"]["Target"]["Arn"], alias);
    // The schedule's role may invoke the alias; the caller's role the
    // alias (its failures, and code that names it) and the function
    // itself (code that does not).
    let statements =
        |role: &str| r[role]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"].clone();
    let invoke = |role: &str, sid: &str| {
        statements(role)
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["Sid"] == sid)
            .unwrap_or_else(|| panic!("{role}: no {sid}"))["Resource"]
            .clone()
    };
    assert_eq!(invoke("NightlyRole", "InvokeOrders"), json!([alias]));
    assert_eq!(
        invoke("CallerRole", "InvokeOrders"),
        json!([{ "Fn::GetAtt": ["Orders", "Arn"] }, alias])
    );
    assert_eq!(
        invoke("CallerRole", "InvokeOnFailureOrders"),
        json!([alias])
    );
    assert_eq!(
        r["CallerEventInvokeConfig"]["Properties"]["DestinationConfig"]["OnFailure"]["Destination"],
        alias
    );
}

#[test]
fn outside_callers_are_given_the_alias() {
    let spec = "function F { handler = \"f.h\", runtime = \"python3.13\", code = \"s3://b-1/f.zip\", snap_start = true, external = true }\n";
    for target in [Target::Sam, Target::CloudFormation] {
        let t = build(spec, target);
        assert_eq!(
            t["Outputs"]["FArn"],
            json!({
                "Description": "ARN of the alias live of function F, used from outside the app",
                "Value": { "Ref": "FAliaslive" },
            })
        );
    }
}

/// The logical ID of function `f`'s published version: `<F>Version`
/// and eight hexadecimal digits.
fn version_id(t: &Value, f: &str) -> String {
    let prefix = format!("{f}Version");
    let ids: Vec<&String> = t["Resources"]
        .as_object()
        .unwrap()
        .keys()
        .filter(|k| {
            k.strip_prefix(&prefix)
                .is_some_and(|h| h.len() == 8 && h.bytes().all(|b| b.is_ascii_hexdigit()))
        })
        .collect();
    assert_eq!(ids.len(), 1, "{ids:?}");
    ids[0].clone()
}

#[test]
fn a_new_configuration_publishes_a_new_version() {
    let description = |spec: &str| {
        let t = build(spec, Target::CloudFormation);
        let id = version_id(&t, "F");
        (
            id.clone(),
            t["Resources"][&id]["Properties"]["Description"].clone(),
        )
    };
    let spec = "function F { handler = \"f.h\", runtime = \"python3.13\", code = \"s3://b-1/f.zip\", snap_start = true, external = true }\n";
    let first = description(spec);
    // No parameter to name: a plain string.
    assert!(
        first.1.as_str().is_some_and(|d| d.starts_with("F ")),
        "{first:?}"
    );
    assert_eq!(description(spec), first);
    // A new ID (a new resource: a new version) and description.
    for changed in [
        spec.replace("external = true", "memory = 512MB, external = true"),
        spec.replace("f.zip", "f-2.zip"),
    ] {
        let (id, text) = description(&changed);
        assert_ne!(id, first.0);
        assert_ne!(text, first.1);
    }
}

#[test]
fn the_alias_and_deployment_ids_are_taken_only_with_an_alias() {
    let spec = |snap: bool| {
        format!(
            "function Orders {{ handler = \"o.h\", runtime = \"java21\", code = \"s3://b-1/o.jar\", snap_start = {snap}, external = true }}\n\
             table OrdersDeploymentGroup {{ key = {{ pk: string }} }}\n\
             queue OrdersAliaslive {{ external = true }}\n\
             function Reader {{ handler = \"r.h\", runtime = \"python3.13\", reads OrdersDeploymentGroup, external = true }}\n"
        )
    };
    let collisions = |snap: bool| {
        codes(&spec(snap))
            .into_iter()
            .filter(|c| *c == "E0109")
            .count()
    };
    assert_eq!(collisions(true), 2);
    assert_eq!(collisions(false), 0);
}
