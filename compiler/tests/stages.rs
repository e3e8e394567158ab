//! Stages (`stage dev`, `stage { dev = ..., prod = ... }`, `stages = [...]`,
//! `${stage}`): `tests/stages/app.sls` built for every stage in both
//! targets, what differs between them, diagnostics that name the stage they
//! concern, and the binary's `--stage`, `slsc stages` and `slsc build`
//! without a stage.

#[path = "support/common.rs"]
mod common;

use serde_json::Value;
use slsc::{CheckOptions, Compilation, Format, Target};
use std::process::Command;

const SPEC: &str = "tests/stages/app.sls";

/// The test spec compiled for `stage`.
fn compile_stage(stage: &str) -> Compilation {
    common::compile_stage(std::path::Path::new(SPEC), stage)
}

/// The template of the test spec for `stage` in `target`.
fn build(stage: &str, target: Target) -> Value {
    let c = compile_stage(stage);
    assert!(c.diagnostics.is_empty(), "{}", common::rendered(&c));
    let built = slsc::build(&c, target).expect("no errors");
    common::assert_counts_match(&c, &built, target, SPEC);
    (*built).clone()
}

/// `spec` compiled with `opts`.
fn compile(spec: &str, opts: CheckOptions) -> Compilation {
    slsc::compile_source("t.sls", None, spec.to_string(), opts)
}

/// `(code, message)` of every diagnostic of `spec`, every stage checked.
fn found(spec: &str) -> Vec<(&'static str, String)> {
    let c = compile(spec, common::options());
    c.diagnostics
        .iter()
        .map(|d| (d.code, d.message.clone()))
        .collect()
}

/// The first resource of `kind` in `t`.
fn resource<'a>(t: &'a Value, id: &str) -> &'a Value {
    &t["Resources"][id]["Properties"]
}

#[test]
fn every_stage_builds_in_both_targets_and_snapshots() {
    for stage in ["dev", "prod"] {
        for (target, suffix) in [(Target::Sam, "sam"), (Target::CloudFormation, "cfn")] {
            let c = compile_stage(stage);
            let template = slsc::build(&c, target).expect("no errors");
            insta::assert_snapshot!(
                format!("stages.{stage}.{suffix}"),
                slsc::emit::write(&template, Format::Yaml)
            );
        }
    }
}

#[test]
fn each_stage_gets_its_own_values() {
    for target in [Target::Sam, Target::CloudFormation] {
        let dev = build("dev", target);
        let prod = build("prod", target);
        let fun = |t: &Value| resource(t, "PlaceOrder").clone();
        assert_eq!(fun(&dev)["MemorySize"], 256);
        assert_eq!(fun(&prod)["MemorySize"], 1024);
        // Unset in dev: no `stage { }` arm and no default.
        assert!(fun(&dev).get("ReservedConcurrentExecutions").is_none());
        assert_eq!(fun(&prod)["ReservedConcurrentExecutions"], 100);
        let env = |t: &Value| fun(t)["Environment"]["Variables"].clone();
        assert_eq!(env(&dev)["STAGE"], "dev");
        assert_eq!(env(&prod)["STAGE"], "prod");
        // `default` fills the stages an arm does not name.
        assert_eq!(env(&dev)["LOG_LEVEL"], "debug");
        assert_eq!(env(&prod)["LOG_LEVEL"], "info");
        assert_eq!(resource(&dev, "Orders")["TableName"], "shop-orders-dev");
        assert_eq!(resource(&prod, "Orders")["TableName"], "shop-orders-prod");
        assert_eq!(resource(&dev, "Orders")["BillingMode"], "PAY_PER_REQUEST");
        assert_eq!(resource(&prod, "Orders")["BillingMode"], "PROVISIONED");
        assert_eq!(
            resource(&dev, "Fulfilment")["MessageRetentionPeriod"],
            86400
        );
        assert_eq!(
            resource(&prod, "Fulfilment")["MessageRetentionPeriod"],
            345600
        );
        // `stages = [dev]`: the probe and its schedule exist in dev only.
        assert!(dev["Resources"].get("Probe").is_some());
        assert!(dev["Resources"].get("Synthetic").is_some());
        assert!(prod["Resources"].get("Probe").is_none());
        assert!(prod["Resources"].get("Synthetic").is_none());
        assert!(prod["Resources"].get("ProbeRole").is_none());
    }
}

#[test]
fn the_stage_is_visible_in_the_template() {
    for target in [Target::Sam, Target::CloudFormation] {
        let t = build("prod", target);
        assert!(t["Description"].as_str().unwrap().contains("stage prod"));
        let text = serde_json::to_string(&t).unwrap();
        assert!(
            text.contains(r#"{"Key":"stage","Value":"prod"}"#)
                || text.contains(r#""stage":"prod""#)
        );
        assert!(!text.contains("\"dev\""), "a prod template names dev");
        let table_tags = resource(&t, "Orders")["Tags"].as_array().unwrap().clone();
        assert!(table_tags
            .iter()
            .any(|tag| tag["Key"] == "stage" && tag["Value"] == "prod"));
    }
}

#[test]
fn templates_are_deterministic_per_stage() {
    for stage in ["dev", "prod"] {
        let a = slsc::emit::write(
            &slsc::build(&compile_stage(stage), Target::Sam).unwrap(),
            Format::Yaml,
        );
        let b = slsc::emit::write(
            &slsc::build(&compile_stage(stage), Target::Sam).unwrap(),
            Format::Yaml,
        );
        assert_eq!(a, b);
    }
}

const TWO_STAGES: &str = "stage dev\nstage prod\n";

#[test]
fn a_finding_of_one_stage_names_it_and_one_of_every_stage_does_not() {
    let spec = format!(
        "{TWO_STAGES}
queue Dlq {{ retention = 4d }}
queue Jobs {{
  retention   = stage {{ dev = 1d, prod = 14d }}
  dead_letter = Dlq after 5 receives
}}
queue Unused {{}}
function Work {{
  handler = \"w.handler\"
  runtime = \"nodejs22.x\"
  on Jobs {{ batch = 1 }}
}}
"
    );
    let found = found(&spec);
    let w0312: Vec<_> = found.iter().filter(|(c, _)| *c == "W0312").collect();
    assert_eq!(w0312.len(), 1, "{found:?}");
    assert!(w0312[0].1.starts_with("in stage prod: "), "{found:?}");
    let unused: Vec<_> = found.iter().filter(|(c, _)| *c == "W0104").collect();
    assert_eq!(unused.len(), 1, "{found:?}");
    assert!(!unused[0].1.starts_with("in stage"), "{found:?}");
}

#[test]
fn a_stage_may_be_checked_alone() {
    let spec =
        format!("{TWO_STAGES}queue Jobs {{ retention = stage {{ dev = 1d, prod = 15d }} }}\n");
    let mut opts = common::options();
    let all = compile(&spec, opts.clone());
    assert!(all
        .diagnostics
        .iter()
        .any(|d| d.code == "E0203" && d.message.starts_with("in stage prod: ")));
    opts.stage = Some("dev".into());
    let dev = compile(&spec, opts.clone());
    assert!(
        !dev.diagnostics.iter().any(|d| d.code == "E0203"),
        "{}",
        common::rendered(&dev)
    );
    assert_eq!(dev.model.stage.as_deref(), Some("dev"));
    opts.stage = Some("prod".into());
    let prod = compile(&spec, opts);
    // Checked alone, the stage needs no naming.
    let e = prod.diagnostics.iter().find(|d| d.code == "E0203").unwrap();
    assert!(!e.message.starts_with("in stage"));
}

#[test]
fn an_unknown_stage_is_an_error_with_a_did_you_mean() {
    let mut opts = common::options();
    opts.stage = Some("prd".into());
    let c = compile(&format!("{TWO_STAGES}queue Jobs {{}}\n"), opts.clone());
    let d = c
        .diagnostics
        .iter()
        .find(|d| d.code == "E0120")
        .expect("E0120");
    assert_eq!(d.message, "unknown stage `prd` (`--stage`)");
    assert_eq!(d.help.as_deref(), Some("did you mean `prod`?"));
    // In a value, and in `stages`.
    let found = found(&format!(
        "{TWO_STAGES}queue A {{ retention = stage {{ dve = 1d }} }}\nqueue B {{ stages = [staging] }}\n"
    ));
    assert_eq!(
        found.iter().filter(|(c, _)| *c == "E0120").count(),
        2,
        "{found:?}"
    );
    // Without any stage declared.
    let c = compile("queue Jobs {}\n", opts);
    let d = c
        .diagnostics
        .iter()
        .find(|d| d.code == "E0120")
        .expect("E0120");
    assert!(d.help.as_deref().unwrap().contains("declares no stages"));
}

#[test]
fn per_stage_values_need_stages() {
    let found = found("queue A { retention = stage { dev = 1d } }\nqueue B { stages = [dev] }\nqueue C { name = \"c-${stage}\" }\n");
    assert_eq!(
        found.iter().filter(|(c, _)| *c == "E0121").count(),
        3,
        "{found:?}"
    );
}

#[test]
fn without_stages_a_stage_parameter_is_what_the_placeholder_names() {
    let found =
        found("param stage string { default = \"dev\" }\nqueue C { name = \"c-${stage}\" }\n");
    assert!(!found.iter().any(|(c, _)| *c == "E0121"), "{found:?}");
}

#[test]
fn stage_declarations_are_checked() {
    let found = found(
        "stage dev\nstage dev\nstage default\nstage prod { account = \"12\", region = \"moon\", colour = \"red\" }\n",
    );
    let codes: Vec<_> = found.iter().map(|(c, _)| *c).collect();
    assert!(codes.contains(&"E0102"), "{found:?}");
    assert!(codes.contains(&"E0120"), "{found:?}");
    assert_eq!(
        codes.iter().filter(|c| **c == "E0203").count(),
        2,
        "{found:?}"
    );
    assert!(codes.contains(&"E0105"), "{found:?}");
}

#[test]
fn a_reference_to_a_declaration_left_out_of_a_stage_says_so() {
    let c = compile(
        &format!("{TWO_STAGES}queue Jobs {{ stages = [prod] }}\nfunction W {{\n  handler = \"w.handler\"\n  runtime = \"nodejs22.x\"\n  on Jobs {{ batch = 1 }}\n}}\n"),
        common::options(),
    );
    let d = c
        .diagnostics
        .iter()
        .find(|d| d.code == "E0101")
        .expect("E0101");
    assert!(d.message.starts_with("in stage dev: "), "{}", d.message);
    assert!(d.help.as_deref().unwrap().contains("left out of stage dev"));
}

#[test]
fn a_fixed_name_shared_by_two_stages_is_reported_unless_they_deploy_apart() {
    let queue = "queue Jobs { name = \"jobs\" }\n";
    let shared = found(&format!("{TWO_STAGES}{queue}"));
    assert!(shared.iter().any(|(c, _)| *c == "W0122"), "{shared:?}");
    let apart = found(&format!(
        "stage dev {{ account = \"111122223333\" }}\nstage prod {{ account = \"444455556666\" }}\n{queue}"
    ));
    assert!(!apart.iter().any(|(c, _)| *c == "W0122"), "{apart:?}");
    // Bucket names are global: other accounts do not help.
    let bucket = found(
        "stage dev { account = \"111122223333\" }\nstage prod { account = \"444455556666\" }\nbucket Files { name = \"shop-files-1a2b\" }\n",
    );
    assert!(bucket.iter().any(|(c, _)| *c == "W0122"), "{bucket:?}");
    // API custom domains are unique in a region across accounts.
    let domain = "api Shop http {\n  auth = iam\n  domain {\n    name = \"api.example.com\"\n    certificate = \"arn:aws:acm:eu-west-1:111122223333:certificate/abc\"\n  }\n  GET /health -> Health\n}\nfunction Health {\n  handler = \"h.handler\"\n  runtime = \"nodejs22.x\"\n}\n";
    let apart =
        "stage dev { account = \"111122223333\" }\nstage prod { account = \"444455556666\" }\n";
    let f = found(&format!("{apart}{domain}"));
    assert!(
        f.iter()
            .any(|(c, m)| *c == "W0122" && m.contains("custom domain")),
        "{f:?}"
    );
    let regions = "stage dev { region = \"eu-west-1\" }\nstage prod { region = \"us-east-1\" }\n";
    let f = found(&format!("{regions}{domain}"));
    assert!(!f.iter().any(|(c, _)| *c == "W0122"), "{f:?}");
    // A region or account in the name is the same for two stacks in one place.
    let f = found(&format!(
        "{TWO_STAGES}queue Jobs {{ name = \"jobs-${{AWS::Region}}\" }}\n"
    ));
    assert!(f.iter().any(|(c, _)| *c == "W0122"), "{f:?}");
    // `${stage}` and a name built from the stack differ per stage.
    for name in ["jobs-${stage}", "${AWS::StackName}-jobs"] {
        let f = found(&format!("{TWO_STAGES}queue Jobs {{ name = \"{name}\" }}\n"));
        assert!(!f.iter().any(|(c, _)| *c == "W0122"), "{name}: {f:?}");
    }
}

#[test]
fn the_differences_are_listed_side_by_side() {
    let c = compile_stage("dev");
    let places: Vec<&str> = c
        .stage_differences
        .iter()
        .map(|d| d.place.as_str())
        .collect();
    assert!(places.contains(&"PlaceOrder.memory"), "{places:?}");
    assert!(places.contains(&"Shop.cors.origins"), "{places:?}");
    assert!(places.contains(&"Fulfil.on Fulfilment.batch"), "{places:?}");
    let memory = c
        .stage_differences
        .iter()
        .find(|d| d.place == "PlaceOrder.memory")
        .unwrap();
    assert_eq!(
        memory.values,
        vec![
            ("dev".to_string(), Some("256MB".to_string())),
            ("prod".to_string(), Some("1024MB".to_string()))
        ]
    );
}

fn slsc(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_slsc"))
        .current_dir(common::root())
        .env("SLSC_TODAY", "2026-11-23")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn cli_build_needs_a_stage_and_builds_the_one_named() {
    let out = slsc(&["build", SPEC]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("declares stages `dev`, `prod`: build one with --stage dev"),
        "{err}"
    );
    let out = slsc(&[
        "build",
        SPEC,
        "--stage",
        "prod",
        "--target",
        "cloudformation",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let t: Value = serde_yaml::from_slice(&out.stdout).unwrap();
    assert_eq!(
        t["Resources"]["PlaceOrder"]["Properties"]["MemorySize"],
        1024
    );
    let out = slsc(&["build", SPEC, "--stage", "prd"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown stage `prd`") && err.contains("did you mean `prod`?"),
        "{err}"
    );
}

#[test]
fn cli_check_checks_every_stage_and_stages_prints_the_table() {
    let out = slsc(&["check", SPEC, "--color", "never"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = slsc(&["stages", SPEC]);
    assert!(out.status.success());
    insta::assert_snapshot!("stages.table", String::from_utf8_lossy(&out.stdout));
    let out = slsc(&["stages", SPEC, "--names"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "dev\nprod\n");
}

#[test]
fn the_placeholder_is_the_stage_in_every_string() {
    let spec = format!(
        "{TWO_STAGES}bucket B {{}}
function F {{
  handler = \"f.h\"
  runtime = \"nodejs22.x\"
  reads B prefix \"${{stage}}/in/\"
}}
rule R on default {{
  match any where source = \"${{stage}}.shop\"
  send to F
  dead_letter = drop {{ reason = \"test\" }}
}}
api A http {{
  auth = iam
  GET /x -> \"https://${{stage}}.backend.example.com/x\"
}}
"
    );
    let mut opts = common::options();
    opts.stage = Some("prod".into());
    let c = compile(&spec, opts);
    assert!(!c.has_errors(), "{}", common::rendered(&c));
    let text = serde_json::to_string(&*slsc::build(&c, Target::CloudFormation).unwrap()).unwrap();
    assert!(!text.contains("${stage}"), "{text}");
    for expected in [
        "prod/in/*",
        "prod.shop",
        "https://prod.backend.example.com/x",
    ] {
        assert!(text.contains(expected), "{expected} missing");
    }
    // Without stages, each of them is E0121.
    let without = spec.replacen(TWO_STAGES, "", 1);
    let found = found(&without);
    assert_eq!(
        found.iter().filter(|(c, _)| *c == "E0121").count(),
        3,
        "{found:?}"
    );
}

#[test]
fn stage_values_that_cannot_mean_anything_are_errors() {
    let found = found(&format!(
        "{TWO_STAGES}app a {{ stages = [prod] }}\nqueue A {{ stages = [] }}\nqueue B {{ retention = stage {{}} }}\nqueue C {{ retention = stage {{ dev = stage {{ prod = 1d }}, prod = 2d }} }}\n"
    ));
    let messages: Vec<&str> = found.iter().map(|(_, m)| m.as_str()).collect();
    for expected in [
        "the app is in every stage",
        "`stages = []` leaves the declaration out of every stage",
        "a per-stage value that lists no stage",
        "a per-stage value inside another",
    ] {
        assert!(messages.contains(&expected), "{expected}: {messages:?}");
    }
}

#[test]
fn a_block_unset_in_a_stage_is_unset() {
    let spec = format!(
        "{TWO_STAGES}api A http {{\n  auth = iam\n  cors {{ origins = stage {{ prod = [\"https://x.example.com\"] }} }}\n  GET /x -> F\n}}\nfunction F {{\n  handler = \"f.h\"\n  runtime = \"nodejs22.x\"\n}}\n"
    );
    for (stage, cors) in [("dev", false), ("prod", true)] {
        let mut opts = common::options();
        opts.stage = Some(stage.into());
        let c = compile(&spec, opts);
        let t = slsc::build(&c, Target::CloudFormation).unwrap();
        assert_eq!(
            resource(&t, "A").get("CorsConfiguration").is_some(),
            cors,
            "{stage}"
        );
    }
}

#[test]
fn a_left_out_reference_names_every_stage_it_concerns() {
    let c = compile(
        "stage dev\nstage qa\nstage prod\nqueue Jobs { stages = [dev] }\nfunction W {\n  handler = \"w.handler\"\n  runtime = \"nodejs22.x\"\n  on Jobs { batch = 1 }\n}\n",
        common::options(),
    );
    let d = c
        .diagnostics
        .iter()
        .find(|d| d.code == "E0101")
        .expect("E0101");
    assert!(
        d.message.starts_with("in stages qa, prod: "),
        "{}",
        d.message
    );
    assert!(
        d.help
            .as_deref()
            .unwrap()
            .contains("left out of stages qa, prod"),
        "{:?}",
        d.help
    );
}
