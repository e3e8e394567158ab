//! Default alarms, SLOs and the dashboard (`docs/observability.md`): which
//! declarations get which alarms, thresholds from percentages, turning
//! them off (with a reason), SLOs and the deployments that roll back on
//! them, the topic policy and the dashboard, in both targets; and the
//! binary's `slsc build` of an example.

#[path = "support/common.rs"]
mod common;

use serde_json::Value;
use slsc::Target;
use std::process::Command;

/// The template of `spec` in `target`; the spec must compile cleanly.
fn build(spec: &str, target: Target) -> Value {
    let c = slsc::compile_source("t.sls", None, spec.to_string(), common::options());
    assert!(!c.has_errors(), "{spec}\n{}", common::rendered(&c));
    let built = slsc::build(&c, target).unwrap();
    common::assert_counts_match(&c, &built, target, "t.sls");
    (*built).clone()
}

/// The codes `spec` raises.
fn codes(spec: &str) -> Vec<&'static str> {
    let c = slsc::compile_source("t.sls", None, spec.to_string(), common::options());
    c.diagnostics.iter().map(|d| d.code).collect()
}

/// The logical IDs of the alarms of a template, sorted.
fn alarms(t: &Value) -> Vec<String> {
    let mut out: Vec<String> = t["Resources"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, r)| r["Type"] == "AWS::CloudWatch::Alarm")
        .map(|(id, _)| id.clone())
        .collect();
    out.sort();
    out
}

const APP: &str = r#"
app shop {
  runtime = "python3.13"
  alarms { notify = Ops }
}
topic Ops {}
"#;

const FLOW: &str = r#"
queue JobsDlq { retention = 14d }
queue Jobs { retention = 4d, visibility_timeout = 1m, dead_letter = JobsDlq after 5 receives }
queue Unread {}
function Worker {
  handler = "worker.handler"
  code    = "s3://shop-artifacts/worker.zip"
  timeout = 10s
  on Jobs { partial_failures = true }
}
api Public http {
  auth = iam
  GET /jobs -> Worker
}
"#;

#[test]
fn each_declaration_gets_the_alarms_of_what_it_is() {
    for target in [Target::Sam, Target::CloudFormation] {
        let t = build(&format!("{APP}{FLOW}"), target);
        assert_eq!(
            alarms(&t),
            [
                "JobsAgeAlarm",
                "JobsDlqMessagesAlarm",
                "PublicLatencyAlarm",
                "PublicServerErrorsAlarm",
                "WorkerDurationAlarm",
                "WorkerErrorsAlarm",
                "WorkerThrottlesAlarm",
            ],
            "a consumed queue its age, a dead-letter queue its messages, an unread queue nothing"
        );
        let r = &t["Resources"];
        // 50% of 4 days, in seconds; 80% of a 10 s timeout, in ms.
        assert_eq!(r["JobsAgeAlarm"]["Properties"]["Threshold"], 172_800.0);
        assert_eq!(r["WorkerDurationAlarm"]["Properties"]["Threshold"], 8_000.0);
        assert_eq!(
            r["WorkerDurationAlarm"]["Properties"]["ExtendedStatistic"],
            "p99"
        );
        // 80% of the HTTP API's 30 s integration timeout.
        assert_eq!(r["PublicLatencyAlarm"]["Properties"]["Threshold"], 24_000.0);
        // A rate is metric math over the failures and the total.
        let errors = &r["WorkerErrorsAlarm"]["Properties"];
        assert_eq!(errors["Threshold"], 5.0);
        let expr = errors["Metrics"][2]["Expression"].as_str().unwrap();
        assert!(expr.contains("100 * FILL(part, 0)"), "{expr}");
        assert_eq!(errors["AlarmActions"][0]["Ref"], "Ops");
        assert_eq!(
            errors["AlarmName"]["Fn::Sub"],
            "${AWS::StackName}-Worker-errors"
        );
        // One statement lets every alarm of the stack publish.
        let policy = &r["OpsPolicy"]["Properties"]["PolicyDocument"]["Statement"];
        let from = policy
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["Sid"] == "FromStackAlarms")
            .expect("a statement for the stack's alarms");
        assert!(from["Condition"]["ArnLike"]["aws:SourceArn"]["Fn::Sub"]
            .as_str()
            .unwrap()
            .ends_with(":alarm:${AWS::StackName}-*"));
        assert!(from["Condition"]["StringEquals"]["aws:SourceAccount"].is_object());
        // CloudWatch may encrypt for the app's topics.
        let key = serde_json::to_string(&r["EncryptionKey"]).unwrap();
        assert!(key.contains("CloudWatchAlarmsPublishToTopics"));
        assert_eq!(r["Dashboard"]["Type"], "AWS::CloudWatch::Dashboard");
    }
}

#[test]
fn thresholds_are_counts_rates_shares_or_durations() {
    let spec = format!(
        r#"{APP}{FLOW}
function Export {{
  handler  = "export.handler"
  code     = "s3://shop-artifacts/export.zip"
  timeout  = 20s
  external = true
  alarms {{
    errors    = 3
    duration  = 50%
    throttles = off {{ reason = "reserved concurrency throttles it on purpose" }}
  }}
}}
"#
    );
    let t = build(&spec, Target::CloudFormation);
    let r = &t["Resources"];
    let errors = &r["ExportErrorsAlarm"]["Properties"];
    assert_eq!(errors["MetricName"], "Errors");
    assert_eq!(errors["Statistic"], "Sum");
    assert_eq!(errors["Threshold"], 3.0);
    assert_eq!(
        r["ExportDurationAlarm"]["Properties"]["Threshold"],
        10_000.0
    );
    assert!(r.get("ExportThrottlesAlarm").is_none());
    let spec = spec.replace("duration  = 50%", "duration  = 2s");
    let t = build(&spec, Target::CloudFormation);
    assert_eq!(
        t["Resources"]["ExportDurationAlarm"]["Properties"]["Threshold"],
        2_000.0
    );
}

#[test]
fn turning_alarms_off_takes_a_reason() {
    let off = format!(
        "{}\n{FLOW}",
        APP.replace(
            "alarms { notify = Ops }",
            "alarms = off { reason = \"a sandbox nobody watches\" }"
        )
    );
    let t = build(&off, Target::Sam);
    assert!(alarms(&t).is_empty());
    let spec = format!(
        "{APP}{FLOW}\nfunction Quiet {{\n  handler = \"q.handler\"\n  external = true\n  alarms = off {{ reason = \"a demo\" }}\n}}\n"
    );
    let t = build(&spec, Target::Sam);
    assert!(!alarms(&t).iter().any(|a| a.starts_with("Quiet")));
    for bad in [
        "alarms = off",
        "alarms = off { reason = \"\" }",
        "alarms { errors = off }",
    ] {
        let spec = format!(
            "{APP}\nfunction Quiet {{\n  handler = \"q.handler\"\n  external = true\n  {bad}\n}}\n"
        );
        assert!(codes(&spec).contains(&"E0250"), "{bad}");
    }
    let spec = format!("{APP}\nfunction Quiet {{\n  handler = \"q.handler\"\n  external = true\n  alarms {{ erors = 1% }}\n}}\n");
    assert!(codes(&spec).contains(&"E0202"));
    let spec = format!("{APP}\nfunction Quiet {{\n  handler = \"q.handler\"\n  external = true\n  alarms {{ iterator_age = 50% }}\n}}\n");
    assert!(codes(&spec).contains(&"E0251"));
    let dashboard = format!(
        "{}\n{FLOW}",
        APP.replace(
            "alarms { notify = Ops }",
            "alarms { notify = Ops }\n  dashboard = off { reason = \"one dashboard for the whole account\" }"
        )
    );
    let t = build(&dashboard, Target::CloudFormation);
    assert!(t["Resources"].get("Dashboard").is_none());
}

#[test]
fn alarms_that_notify_nobody_are_reported_once() {
    let spec = format!("app shop {{ runtime = \"python3.13\" }}\ntopic Ops {{}}\n{FLOW}");
    let found = codes(&spec);
    assert_eq!(found.iter().filter(|c| **c == "W0255").count(), 1);
    assert!(!codes(&format!("{APP}{FLOW}")).contains(&"W0255"));
}

#[test]
fn canaries_roll_back_on_their_slos_and_their_routes() {
    let spec = format!(
        r#"{APP}
function Checkout {{
  handler = "checkout.handler"
  code    = "s3://shop-artifacts/checkout.zip"
  alias   = live
  deploy  = canary {{ percent = 10, interval = 5m }}
  slo {{ p99 = 800ms, errors = 0.5% }}
}}
api Public http {{
  auth = iam
  POST /orders -> Checkout {{
    slo {{ p99_9 = 2s }}
  }}
}}
api Rest rest {{
  auth = iam
  GET /orders/{{id}} -> Checkout {{
    slo {{ errors = 1% }}
  }}
}}
"#
    );
    assert!(
        !codes(&spec).contains(&"W0243"),
        "an SLO is something to roll back on"
    );
    let names = [
        "${AWS::StackName}-Checkout-slo-p99",
        "${AWS::StackName}-Checkout-slo-errors",
        "${AWS::StackName}-Public-PostOrders-slo-p99_9",
        "${AWS::StackName}-Rest-GetOrdersById-slo-errors",
    ];
    let t = build(&spec, Target::Sam);
    let r = &t["Resources"];
    let pref = &r["Checkout"]["Properties"]["DeploymentPreference"]["Alarms"];
    let got: Vec<&str> = pref
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["Fn::Sub"].as_str().unwrap())
        .collect();
    assert_eq!(got, names);
    let p99 = &r["PublicPostOrdersSloP999Alarm"]["Properties"];
    assert_eq!(p99["ExtendedStatistic"], "p99.9");
    assert_eq!(p99["Threshold"], 2_000.0);
    let dims = serde_json::to_string(&p99["Dimensions"]).unwrap();
    assert!(
        dims.contains("\"Route\"") && dims.contains("POST /orders"),
        "{dims}"
    );
    assert_eq!(
        r["Public"]["Properties"]["RouteSettings"]["POST /orders"]["DetailedMetricsEnabled"],
        true
    );
    let rest = serde_json::to_string(&r["RestGetOrdersByIdSloErrorsAlarm"]).unwrap();
    assert!(
        rest.contains("\"ApiName\"") && rest.contains("\"Resource\""),
        "{rest}"
    );
    let t = build(&spec, Target::CloudFormation);
    let group = &t["Resources"]["CheckoutDeploymentGroup"]["Properties"];
    let got: Vec<&str> = group["AlarmConfiguration"]["Alarms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["Name"]["Fn::Sub"].as_str().unwrap())
        .collect();
    assert_eq!(got, names);
    let settings = serde_json::to_string(&t["Resources"]["RestStage"]).unwrap();
    assert!(settings.contains("\"MetricsEnabled\":true"), "{settings}");
    for bad in ["slo { p99 = 800 }", "slo { errors = 5 }", "slo {}"] {
        let spec = format!(
            "{APP}\nfunction F {{\n  handler = \"f.handler\"\n  external = true\n  {bad}\n}}\n"
        );
        assert!(codes(&spec).contains(&"E0252"), "{bad}");
    }
}

#[test]
fn the_dashboard_follows_the_event_flow() {
    let t = build(&format!("{APP}{FLOW}"), Target::CloudFormation);
    let body = &t["Resources"]["Dashboard"]["Properties"]["DashboardBody"]["Fn::Sub"];
    let text = body.as_str().expect("a Fn::Sub text");
    let doc: Value = serde_json::from_str(text).unwrap();
    let widgets = doc["widgets"].as_array().unwrap();
    assert_eq!(widgets[0]["type"], "alarm");
    let titles: Vec<&str> = widgets[1..]
        .iter()
        .map(|w| w["properties"]["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "API Public",
            "Topic Ops",
            "Queue Jobs",
            "Queue Unread",
            "Function Worker",
            "Dead-letter queue JobsDlq"
        ]
    );
    // Deterministic.
    let again = build(&format!("{APP}{FLOW}"), Target::CloudFormation);
    assert_eq!(t, again);
}

#[test]
fn cli_builds_an_example_with_its_alarms() {
    let out = std::env::temp_dir().join(format!("slsc-observability-{}", std::process::id()));
    std::fs::create_dir_all(&out).unwrap();
    let file = out.join("bookings.yaml");
    let status = Command::new(env!("CARGO_BIN_EXE_slsc"))
        .current_dir(common::root())
        .args([
            "build",
            "examples/bookings/app.sls",
            "--stage",
            "prod",
            "-o",
        ])
        .arg(&file)
        .status()
        .unwrap();
    assert!(status.success());
    let t: Value = serde_yaml::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let r = &t["Resources"];
    assert_eq!(
        r["CreateBookingSloP99Alarm"]["Type"],
        "AWS::CloudWatch::Alarm"
    );
    assert_eq!(
        r["ConfirmationsDlqMessagesAlarm"]["Type"],
        "AWS::CloudWatch::Alarm"
    );
    assert_eq!(r["Dashboard"]["Type"], "AWS::CloudWatch::Dashboard");
    // In prod the duration alarm is 60% of the 10 s timeout; dev turns it
    // off, with its reason.
    assert_eq!(
        r["CreateBookingDurationAlarm"]["Properties"]["Threshold"],
        6_000.0
    );
    let dev = out.join("bookings-dev.yaml");
    let status = Command::new(env!("CARGO_BIN_EXE_slsc"))
        .current_dir(common::root())
        .args(["build", "examples/bookings/app.sls", "--stage", "dev", "-o"])
        .arg(&dev)
        .status()
        .unwrap();
    assert!(status.success());
    let t: Value = serde_yaml::from_str(&std::fs::read_to_string(&dev).unwrap()).unwrap();
    assert!(t["Resources"].get("CreateBookingDurationAlarm").is_none());
    let _ = std::fs::remove_dir_all(&out);
}
