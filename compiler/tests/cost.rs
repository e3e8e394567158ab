//! `slsc cost`: the reference workload's arithmetic pinned, traffic
//! propagated along each kind of hop, the estimate of a pipeline in both
//! formats, and the committed JSON Schema of `--format json`.

#[path = "support/common.rs"]
mod common;

use std::path::Path;
use std::process::Command;

fn estimate_of(file: &str) -> slsc::cost::Estimate {
    let c = common::compile(Path::new(file));
    assert!(!c.has_errors(), "{}", common::rendered(&c));
    let built = slsc::build(&c, slsc::Target::CloudFormation).expect("builds");
    let prices = slsc::cost::prices::table("us-east-1").unwrap();
    slsc::cost::estimate(&slsc::cost::Inputs {
        model: &c.model,
        template: &built.template,
        prices: &prices,
        region_from: slsc::cost::RegionFrom::Default,
    })
}

fn line<'e>(e: &'e slsc::cost::Estimate, decl: &str, item: &str) -> &'e slsc::cost::Line {
    e.groups
        .iter()
        .filter(|g| g.declaration == decl)
        .flat_map(|g| &g.lines)
        .find(|l| l.item == item)
        .unwrap_or_else(|| panic!("no line `{item}` of `{decl}` in {e:#?}"))
}

/// The seed's reference workload: 3,000,000 invocations a month, 512 MB,
/// 200 ms, x86_64, us-east-1. The seed's own table said about $500 for
/// compute: 100 times too much.
#[test]
fn the_reference_workload_costs_60_cents_in_requests_and_5_dollars_in_compute() {
    let e = estimate_of("tests/cost/reference.sls");
    let requests = line(&e, "function Process", "requests");
    assert_eq!(requests.quantity, 3_000_000.0);
    assert!((requests.cost - 0.60).abs() < 1e-9, "{requests:?}");
    let compute = line(&e, "function Process", "compute (x86_64)");
    // 3,000,000 × 0.2 s × 0.5 GB = 300,000 GB-s × $0.0000166667.
    assert_eq!(compute.quantity, 300_000.0);
    assert!((compute.cost - 5.00).abs() < 0.005, "{compute:?}");
    assert!(!compute.assumed);
    assert_eq!(
        compute.arithmetic,
        "3,000,000 × 0.2 s × 0.5 GB = 300,000 GB-s × $0.0000166667 per GB-s = $5.00"
    );
    assert_eq!(
        requests.arithmetic,
        "3,000,000 requests × $0.20 per 1M requests = $0.60"
    );
}

#[test]
fn traffic_follows_routes_queues_rules_topics_buckets_and_schedules() {
    let c = common::compile(Path::new("tests/cost/pipeline.sls"));
    let flow = slsc::cost::traffic(&c.model);
    let month = 730.0 * 3600.0;
    let at = |n: &str| flow.at(n);
    // A route's 10/s reach its function.
    assert_eq!(at("route:Shop:POST /orders"), 10.0 * month);
    assert_eq!(at("function:Accept"), 10.0 * month);
    // A queue's consumer is invoked once per batch of 10.
    assert_eq!(at("queue:Jobs"), 10.0 * month);
    assert_eq!(at("function:Work"), month);
    // A rule passes 25% of the events it receives.
    assert_eq!(at("bus:OrderBus:OrderPlaced"), 10.0 * month);
    assert_eq!(at("rule:BigOrders"), 10.0 * month);
    assert_eq!(at("function:Ship"), 2.5 * month);
    // A topic delivers every message to each subscribed queue.
    assert_eq!(at("queue:Billing"), 2.5 * month);
    assert_eq!(at("queue:Analytics"), 2.5 * month);
    assert_eq!(at("function:Bill"), 2.5 * month / 5.0);
    assert_eq!(at("function:Analyse"), 2.5 * month / 100.0);
    // A bucket's uploads trigger its function.
    assert_eq!(at("function:Resize"), 100.0 * 730.0);
    // Every 5 minutes, and 08:00 on the 261 weekdays of a common year.
    assert_eq!(at("function:Cleanup"), 730.0 * 12.0);
    assert!((at("function:Report") - 261.0 / 12.0).abs() < 1e-9);
    assert!(flow.loops.is_empty());
}

#[test]
fn bucket_storage_follows_the_lifecycle() {
    let e = estimate_of("tests/cost/pipeline.sls");
    // 100 uploads an hour of 2 MB: 30 days in Standard, then Glacier until
    // they expire at 180 days.
    let standard = line(&e, "bucket Uploads", "storage (S3 Standard)");
    let per_day = 100.0 * 24.0;
    assert!(
        (standard.quantity - per_day * 30.0 * 2.0 / 1024.0).abs() < 1e-3,
        "{standard:?}"
    );
    let glacier = line(
        &e,
        "bucket Uploads",
        "storage (S3 Glacier Flexible Retrieval)",
    );
    assert!(
        (glacier.quantity - per_day * 150.0 * 2.0 / 1024.0).abs() < 1e-3,
        "{glacier:?}"
    );
    // Every total is the sum of its parts.
    let sum: f64 = e.services.iter().map(|s| s.cost).sum();
    assert!((sum - e.total).abs() < 1e-6);
}

#[test]
fn fixed_items_come_from_the_template() {
    let e = estimate_of("tests/cost/reference.sls");
    let c = common::compile(Path::new("tests/cost/reference.sls"));
    let built = slsc::build(&c, slsc::Target::CloudFormation).unwrap();
    let alarms = built["Resources"]
        .as_object()
        .unwrap()
        .values()
        .filter(|r| r["Type"] == "AWS::CloudWatch::Alarm")
        .count() as f64;
    let priced = e
        .groups
        .iter()
        .flat_map(|g| &g.lines)
        .find(|l| l.price_key == "cloudwatch.alarms")
        .map_or(0.0, |l| l.quantity);
    assert_eq!(priced, alarms);
}

fn slsc(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_slsc"))
        .args(args)
        .current_dir(common::root())
        .env("SLSC_TODAY", "2026-11-23")
        .env("NO_COLOR", "1")
        .output()
        .expect("run slsc")
}

#[test]
fn cost_prints_the_estimate_in_both_formats() {
    let human = slsc(&["cost", "tests/cost/pipeline.sls"]);
    assert_eq!(human.status.code(), Some(0));
    insta::assert_snapshot!("cost_human", String::from_utf8_lossy(&human.stdout));
    let json = slsc(&["cost", "tests/cost/pipeline.sls", "--format", "json"]);
    assert_eq!(json.status.code(), Some(0));
    insta::assert_snapshot!("cost_json", String::from_utf8_lossy(&json.stdout));
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["estimates"][0]["region"], "us-east-1");
}

#[test]
fn cost_estimates_each_stage_in_its_region() {
    let out = slsc(&["cost", "tests/cost/stages.sls", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let estimates = v["estimates"].as_array().unwrap();
    assert_eq!(estimates.len(), 2);
    assert_eq!(estimates[0]["stage"], "dev");
    assert_eq!(estimates[0]["region"], "us-east-1");
    assert_eq!(estimates[0]["region_from"], "default");
    assert_eq!(estimates[1]["stage"], "prod");
    assert_eq!(estimates[1]["region"], "us-west-2");
    assert_eq!(estimates[1]["region_from"], "stage");
    // Per-stage traffic: prod's is 100 times dev's.
    let requests = |e: &serde_json::Value| e["groups"][0]["lines"][0]["quantity"].as_f64().unwrap();
    assert_eq!(requests(&estimates[1]), 100.0 * requests(&estimates[0]));
    // `--stage` picks one; `--region` overrides the stage's.
    let one = slsc(&[
        "cost",
        "tests/cost/stages.sls",
        "--stage",
        "prod",
        "--region",
        "us-east-1",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
    assert_eq!(v["estimates"].as_array().unwrap().len(), 1);
    assert_eq!(v["estimates"][0]["region"], "us-east-1");
    assert_eq!(v["estimates"][0]["region_from"], "option");
}

#[test]
fn cost_refuses_an_unknown_region_and_a_spec_with_errors() {
    let out = slsc(&[
        "cost",
        "tests/cost/reference.sls",
        "--region",
        "mars-north-1",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("known regions: us-east-1, us-west-2"), "{err}");
    let out = slsc(&["cost", "tests/diagnostics/E0260/bad.sls"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("E0260"));
}

/// `SLSC_UPDATE_SCHEMAS=1 cargo test --test cost` rewrites the file.
#[test]
fn committed_cost_schema_matches_the_types() {
    let path = common::root().join("docs/schemas/cost.schema.json");
    let generated = serde_json::to_string_pretty(&slsc::cost::report_schema()).unwrap() + "\n";
    if std::env::var_os("SLSC_UPDATE_SCHEMAS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        committed, generated,
        "docs/schemas/cost.schema.json is out of date: run `SLSC_UPDATE_SCHEMAS=1 cargo test --test cost`"
    );
}
