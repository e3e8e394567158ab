//! The `slsc` binary end to end: commands, exit codes, where output goes.

#[path = "support/common.rs"]
mod common;

use std::process::{Command, Output};

fn slsc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_slsc"))
        .args(args)
        .current_dir(common::root())
        .env("SLSC_TODAY", "2026-11-23")
        .env("NO_COLOR", "1")
        .output()
        .expect("run slsc")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn check_exits_zero_on_a_clean_spec() {
    let out = slsc(&["check", "examples/orders-reference/app.sls"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    // No diagnostics: only the note with each asynchronous hop's retry window.
    assert_eq!(
        text(&out.stdout),
        "note: retry windows (the longest an event spends in retries before its failures go somewhere)\n  \
         examples/orders-reference/app.sls:61:7  queue Fulfilment -> Fulfil (SQS redelivery): 5m, then FulfilmentDlq (5 receives of up to 1m each: visibility timeout)\n  \
         examples/orders-reference/app.sls:107:6  rule LargeOrders -> Fulfilment (EventBridge delivery): 1h, then RuleDlq (up to 8 retries within `max_age` 1h)\n"
    );
}

#[test]
fn check_exits_one_and_reports_every_error() {
    let out = slsc(&["check", "tests/cli/two-errors.sls"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("E0101") && stdout.contains("E0203"),
        "{stdout}"
    );
    assert!(
        stdout.trim_end().ends_with("2 errors, 0 warnings"),
        "{stdout}"
    );
    // Errors come sorted by position.
    assert!(
        stdout.find("E0203").unwrap() < stdout.find("E0101").unwrap(),
        "{stdout}"
    );
}

#[test]
fn check_exits_two_on_a_missing_file() {
    let out = slsc(&["check", "no/such/file.sls"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read no/such/file.sls"));
}

#[test]
fn build_writes_yaml_sam_by_default_to_stdout() {
    let out = slsc(&["build", "examples/orders-reference/app.sls"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with(
            "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\n"
        ),
        "{stdout}"
    );
}

#[test]
fn build_writes_json_cloudformation_to_a_file() {
    let dir = std::env::temp_dir().join(format!("slsc-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("out.json");
    let out = slsc(&[
        "build",
        "examples/media-pipeline/app.sls",
        "--target",
        "cloudformation",
        "--format",
        "json",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert!(json.get("Transform").is_none());
    assert_eq!(
        json["Resources"]["Transcode"]["Type"],
        "AWS::Lambda::Function"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn build_refuses_a_spec_with_errors() {
    let out = slsc(&["build", "tests/cli/two-errors.sls"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "no template on errors");
    assert!(text(&out.stderr).contains("2 errors"));
}

#[test]
fn explain_prints_the_documentation_page() {
    let out = slsc(&["explain", "e0301"]);
    assert_eq!(out.status.code(), Some(0));
    let page = std::fs::read_to_string(common::root().join("docs/errors/E0301.md")).unwrap();
    assert_eq!(text(&out.stdout), page);
    assert_eq!(slsc(&["explain", "E9999"]).status.code(), Some(2));
}

#[test]
fn today_is_pinnable() {
    let spec = "tests/cli/runtime.sls";
    let before = slsc(&["check", spec, "--today", "2026-01-01"]);
    assert_eq!(before.status.code(), Some(0));
    assert!(before.stdout.is_empty());
    let after = slsc(&["check", spec, "--today", "2026-06-01"]);
    assert!(text(&after.stdout).contains("W0205"));
    let blocked = slsc(&["check", spec, "--today", "2027-03-01"]);
    assert_eq!(blocked.status.code(), Some(1));
    assert!(text(&blocked.stdout).contains("E0206"));
}

#[test]
fn sample_then_match_says_why_not_and_then_matches() {
    let dir = std::env::temp_dir().join(format!("slsc-match-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let spec = "examples/orders-reference/app.sls";
    let sample = slsc(&["sample", spec, "OrderPlaced"]);
    assert_eq!(sample.status.code(), Some(0));
    let mut event: serde_json::Value = serde_json::from_slice(&sample.stdout).unwrap();
    assert_eq!(event["detail-type"], "OrderPlaced");
    assert_eq!(event["source"], "orders.api");
    let file = dir.join("event.json");
    std::fs::write(&file, event.to_string()).unwrap();
    let out = slsc(&["match", spec, "LargeOrders", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("`detail.total` is 1, which does not match"),
        "{}",
        text(&out.stdout)
    );
    event["detail"]["total"] = serde_json::json!(250);
    std::fs::write(&file, event.to_string()).unwrap();
    let out = slsc(&["match", spec, "LargeOrders", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert_eq!(
        slsc(&["match", spec, "NoSuchRule", file.to_str().unwrap()])
            .status
            .code(),
        Some(2)
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn sample_of_a_typed_queue_is_the_consumers_event() {
    let out = slsc(&["sample", "examples/ecommerce/app.sls", "Payments"]);
    assert_eq!(out.status.code(), Some(0));
    let event: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let body: serde_json::Value =
        serde_json::from_str(event["Records"][0]["body"].as_str().unwrap()).unwrap();
    assert!(
        body.get("orderId").is_some() && body.get("amount").is_some(),
        "{body}"
    );
    // A FIFO queue's ARN ends in `.fifo`; an untyped queue's body is a
    // placeholder.
    assert!(event["Records"][0]["eventSourceARN"]
        .as_str()
        .unwrap()
        .ends_with(":Payments.fifo"));
    let untyped = sample_json("examples/ecommerce/app.sls", "EventDlq");
    assert_eq!(untyped["Records"][0]["body"], "example message");
}

fn sample_json(spec: &str, name: &str) -> serde_json::Value {
    let out = slsc(&["sample", spec, name]);
    assert_eq!(out.status.code(), Some(0), "{name}: {}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn sample_covers_every_event_a_handler_receives() {
    let media = "examples/media-pipeline/app.sls";
    let shop = "examples/ecommerce/app.sls";
    let topic = sample_json(shop, "CustomerNotifications");
    assert_eq!(topic["Records"][0]["EventSource"], "aws:sns");
    let table = sample_json(media, "Assets.stream");
    assert_eq!(table["Records"][0]["eventSource"], "aws:dynamodb");
    assert!(table["Records"][0]["dynamodb"]["Keys"].is_object());
    let kinesis = sample_json(media, "Plays");
    assert_eq!(kinesis["Records"][0]["eventSource"], "aws:kinesis");
    let s3 = sample_json(media, "Uploads");
    let key = s3["Records"][0]["s3"]["object"]["key"].as_str().unwrap();
    assert!(
        key.starts_with("incoming/") && key.ends_with(".mp4"),
        "{key}"
    );
    let scheduled = sample_json(media, "Hourly");
    assert_eq!(scheduled["source"], "aws.scheduler");
    let http = sample_json(shop, "POST /orders");
    assert_eq!(http["version"], "2.0");
    let body: serde_json::Value = serde_json::from_str(http["body"].as_str().unwrap()).unwrap();
    assert!(body["items"].is_array(), "{body}");
    let rest = sample_json(shop, "POST /partner/orders");
    assert_eq!(rest["httpMethod"], "POST");
    // A table without a stream has nothing to sample.
    let out = slsc(&["sample", shop, "Inventory"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("has no stream"));
}

#[test]
fn schema_and_openapi_documents() {
    let out = slsc(&["schema", "examples/ecommerce/app.sls", "NewOrder"]);
    assert_eq!(out.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["properties"]["items"]["minItems"], 1);
    assert_eq!(
        schema["$defs"]["LineItem"]["properties"]["qty"]["maximum"],
        99
    );
    let out = slsc(&["openapi", "examples/ecommerce/app.sls", "Partners"]);
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    let op = &doc["paths"]["/partner/orders"]["post"];
    assert_eq!(
        op["requestBody"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/NewOrder"
    );
    assert_eq!(op["parameters"][0]["name"], "dryRun");
    assert_eq!(
        slsc(&["openapi", "examples/ecommerce/app.sls", "Nope"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn slsc_toml_sets_severities_and_cannot_demote_errors() {
    let dir = std::env::temp_dir().join(format!("slsc-toml-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("specs")).unwrap();
    let spec = dir.join("specs/app.sls");
    std::fs::write(&spec, "queue Spare\nqueue Jobs\nfunction F {\n  handler = \"f.h\"\n  runtime = \"python3.13\"\n  on Jobs\n}\n").unwrap();
    let spec = spec.to_str().unwrap();
    let plain = slsc(&["check", spec]);
    assert_eq!(plain.status.code(), Some(0));
    assert!(text(&plain.stdout).contains("W0104"));
    // Found in a parent folder.
    std::fs::write(dir.join("slsc.toml"), "[diagnostics]\nW0104 = \"deny\"\n").unwrap();
    let denied = slsc(&["check", spec]);
    assert_eq!(denied.status.code(), Some(1));
    std::fs::write(dir.join("slsc.toml"), "[diagnostics]\nW0104 = \"allow\"\n").unwrap();
    let allowed = slsc(&["check", spec]);
    assert_eq!(allowed.status.code(), Some(0));
    assert!(!text(&allowed.stdout).contains("W0104"));
    std::fs::write(dir.join("slsc.toml"), "[diagnostics]\nE0301 = \"allow\"\n").unwrap();
    let refused = slsc(&["check", spec]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(text(&refused.stderr).contains("cannot be set to `allow`"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn check_reads_folders_and_formats() {
    let out = slsc(&["check", "examples", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    // events.sls is used by the e-commerce spec, so it is not an entry.
    assert_eq!(
        files,
        [
            "examples/bookings/app.sls",
            "examples/ecommerce/app.sls",
            "examples/media-pipeline/app.sls",
            "examples/orders-reference/app.sls",
            "examples/photo-archive/app.sls"
        ]
    );
    let gh = slsc(&["check", "tests/cli/two-errors.sls", "--format", "github"]);
    assert_eq!(gh.status.code(), Some(1));
    assert!(text(&gh.stdout).starts_with("::error file=tests/cli/two-errors.sls,line=2,col=35,"));
    let warn = slsc(&[
        "check",
        "tests/diagnostics/W0104/bad.sls",
        "--deny",
        "warnings",
    ]);
    assert_eq!(warn.status.code(), Some(1));
}

#[test]
fn recursive_types_sample_and_required_self_reference_is_an_error() {
    let dir = std::env::temp_dir().join(format!("slsc-rec-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ok = dir.join("ok.sls");
    std::fs::write(&ok, "type Node { name: string, children: [Node], parent?: Node }\nqueue Q of Node\nfunction F {\n  handler = \"f.h\"\n  runtime = \"python3.13\"\n  on Q\n}\n").unwrap();
    let out = slsc(&["sample", ok.to_str().unwrap(), "Node"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let bad = dir.join("bad.sls");
    std::fs::write(&bad, "type Loop { next: Loop }\nqueue Q of Loop\nfunction F {\n  handler = \"f.h\"\n  runtime = \"python3.13\"\n  on Q\n}\n").unwrap();
    let out = slsc(&["check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("E0110"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn openapi_operation_ids_are_unique_and_rest_siblings_are_checked() {
    let dir = std::env::temp_dir().join(format!("slsc-oas-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let spec = dir.join("app.sls");
    std::fs::write(&spec, "function G {\n  handler = \"g.h\"\n  runtime = \"python3.13\"\n}\napi P http {\n  auth = iam\n  GET /orders/{id} -> G\n  GET /orders/by/id -> G\n}\n").unwrap();
    let out = slsc(&["openapi", spec.to_str().unwrap(), "P"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let a = doc["paths"]["/orders/{id}"]["get"]["operationId"]
        .as_str()
        .unwrap()
        .to_string();
    let b = doc["paths"]["/orders/by/id"]["get"]["operationId"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(a, b);
    std::fs::write(&spec, "function G {\n  handler = \"g.h\"\n  runtime = \"python3.13\"\n}\napi P rest {\n  auth = iam\n  GET /orders/{id} -> G\n  DELETE /orders/{key} -> G\n}\n").unwrap();
    let out = slsc(&["check", spec.to_str().unwrap()]);
    assert!(
        text(&out.stdout).contains("two variables under"),
        "{}",
        text(&out.stdout)
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_failed_build_removes_the_template_and_source_map_of_an_earlier_one() {
    let dir = std::env::temp_dir().join(format!("slsc-stale-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (t, m) = (dir.join("t.yaml"), dir.join("t.map.json"));
    let args = |spec: &'static str| {
        let (t, m) = (
            t.to_str().unwrap().to_string(),
            m.to_str().unwrap().to_string(),
        );
        move || slsc(&["build", spec, "-o", &t, "--source-map", &m])
    };
    assert_eq!(
        args("examples/orders-reference/app.sls")().status.code(),
        Some(0)
    );
    assert!(t.exists() && m.exists());
    assert_eq!(args("tests/cli/two-errors.sls")().status.code(), Some(1));
    assert!(!t.exists() && !m.exists(), "stale output left behind");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_reader_that_goes_away_ends_the_output_quietly() {
    use std::io::Read;
    // Output well over a pipe's buffer, so that writing after the reader has
    // gone fails.
    let dir = std::env::temp_dir().join(format!("slsc-pipe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let spec = dir.join("big.sls");
    let mut source = String::from(
        "app big {\n  runtime = \"python3.13\"\n  alarms = off { reason = \"counting the functions' own resources\" }\n  dashboard = off { reason = \"counting the functions' own resources\" }\n}\n",
    );
    // 70 functions with a schedule: about 150 KB, and 350 resources, within
    // CloudFormation's 500 (E0313).
    for i in 0..70 {
        source.push_str(&format!(
            "function F{i} {{ handler = \"f.h\" }}\nschedule S{i} every 1h -> F{i}\n"
        ));
    }
    std::fs::write(&spec, source).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_slsc"))
        .args(["build", spec.to_str().unwrap(), "--format", "json"])
        .current_dir(common::root())
        .stdout(std::process::Stdio::piped())
        // A file, not a pipe: the spec's warnings would fill a pipe nobody
        // reads while the test reads standard output.
        .stderr(std::fs::File::create(dir.join("stderr")).unwrap())
        .spawn()
        .expect("run slsc");
    let mut first = [0u8; 16];
    let mut stdout = child.stdout.take().unwrap();
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let status = child.wait().unwrap();
    let stderr = std::fs::read_to_string(dir.join("stderr")).unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn match_cannot_decide_on_a_deploy_time_value_until_given_it() {
    let dir = scratch("match-deploy");
    let spec = "tests/cli/deploy-time-match.sls";
    let sample = slsc(&["sample", spec, "ObjectDeleted"]);
    let mut event: serde_json::Value = serde_json::from_slice(&sample.stdout).unwrap();
    event["detail"]["bucket"]["name"] = serde_json::json!("media-uploads-1a2b");
    let file = dir.join("event.json");
    std::fs::write(&file, event.to_string()).unwrap();
    let event_path = file.to_str().unwrap();
    let out = slsc(&["match", spec, "UploadDeleted", event_path]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stdout));
    assert!(text(&out.stdout)
        .starts_with("cannot decide: rule `UploadDeleted` compares with `Uploads.name`"));
    let given = |name: &str| {
        slsc(&[
            "match",
            spec,
            "UploadDeleted",
            event_path,
            "--value",
            &format!("Uploads.name={name}"),
        ])
        .status
        .code()
    };
    assert_eq!(given("media-uploads-1a2b"), Some(0));
    assert_eq!(given("another-bucket"), Some(1));
    // A value for something the rule does not compare is a usage error.
    let out = slsc(&[
        "match",
        spec,
        "UploadDeleted",
        event_path,
        "--value",
        "Upload.name=x",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("did you mean `Uploads.name`?"));
    std::fs::remove_dir_all(&dir).ok();
}

/// A fresh temporary folder for one test.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("slsc-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const SMALL_SPEC: &str = "use \"./lib.sls\"\n\nfunction F {\n  handler = \"f.handler\"\n  runtime = \"python3.13\"\n  code    = \"src\"\n  sends to Q\n}\n";
const SMALL_LIB: &str = "queue Q { retention = 14d }\n";

#[test]
fn build_never_overwrites_or_deletes_an_input() {
    let dir = scratch("inputs");
    let (spec, lib) = (dir.join("a.sls"), dir.join("lib.sls"));
    std::fs::write(&spec, SMALL_SPEC).unwrap();
    std::fs::write(&lib, SMALL_LIB).unwrap();
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let link = dir.join("link.yaml");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&spec, &link).unwrap();
    let s = |p: &std::path::Path| p.to_str().unwrap().to_string();
    let mut cases = vec![
        vec!["-o".to_string(), s(&spec)],
        vec!["-o".to_string(), s(&lib)],
        vec!["--source-map".to_string(), s(&spec)],
        vec![
            "-o".to_string(),
            s(&dir.join("t.yaml")),
            "--source-map".to_string(),
            s(&dir.join("t.yaml")),
        ],
    ];
    if cfg!(unix) {
        cases.push(vec!["-o".to_string(), s(&link)]);
    }
    for extra in &cases {
        let mut args = vec!["build".to_string(), s(&spec)];
        args.extend(extra.iter().cloned());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = slsc(&args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{extra:?}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr).contains("would overwrite")
                || text(&out.stderr).contains("the same file"),
            "{}",
            text(&out.stderr)
        );
        assert_eq!(std::fs::read_to_string(&spec).unwrap(), SMALL_SPEC);
        assert_eq!(std::fs::read_to_string(&lib).unwrap(), SMALL_LIB);
    }
    // A spec with errors: the "stale output" is the spec itself.
    std::fs::write(&spec, "queue Q {\n").unwrap();
    let out = slsc(&["build", &s(&spec), "-o", &s(&spec)]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&spec).unwrap(), "queue Q {\n");
    // A file slsc did not write is not removed as a stale template.
    let notes = dir.join("notes.txt");
    std::fs::write(&notes, "my notes\n").unwrap();
    let out = slsc(&["build", &s(&spec), "-o", &s(&notes)]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "my notes\n");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn code_uri_is_relative_to_where_the_template_is_written() {
    let dir = scratch("codeuri");
    std::fs::create_dir_all(dir.join("app/src")).unwrap();
    std::fs::create_dir_all(dir.join("out")).unwrap();
    std::fs::write(dir.join("app/a.sls"), SMALL_SPEC).unwrap();
    std::fs::write(dir.join("app/lib.sls"), SMALL_LIB).unwrap();
    let spec = dir.join("app/a.sls");
    let spec = spec.to_str().unwrap();
    let stdout = slsc(&["build", spec, "--format", "json"]);
    assert_eq!(stdout.status.code(), Some(0), "{}", text(&stdout.stderr));
    let t: serde_json::Value = serde_json::from_slice(&stdout.stdout).unwrap();
    assert_eq!(t["Resources"]["F"]["Properties"]["CodeUri"], "src");
    let file = dir.join("out/t.json");
    let out = slsc(&[
        "build",
        spec,
        "--format",
        "json",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let t: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(t["Resources"]["F"]["Properties"]["CodeUri"], "../app/src");
    // Next to the spec: unchanged.
    let file = dir.join("app/t.json");
    let out = slsc(&[
        "build",
        spec,
        "--format",
        "json",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let t: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(t["Resources"]["F"]["Properties"]["CodeUri"], "src");
    // A missing code folder is E0009 at the string.
    std::fs::remove_dir_all(dir.join("app/src")).unwrap();
    let out = slsc(&["check", spec]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("a.sls:6:13]"),
        "{}",
        text(&out.stdout)
    );
    assert!(text(&out.stdout).contains("E0009"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_empty_slsc_today_is_unset() {
    for cmd in [
        vec!["check", "examples/orders-reference/app.sls"],
        vec!["build", "examples/orders-reference/app.sls"],
        vec!["schema", "examples/orders-reference/app.sls"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_slsc"))
            .args(&cmd)
            .current_dir(common::root())
            .env("SLSC_TODAY", "")
            .env("SLSC_DOCS_URL", "")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{cmd:?}: {}", text(&out.stderr));
    }
}

/// Runs slsc with a time limit: a hang fails the test instead of the run.
fn slsc_within(args: &[&str], secs: u64) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_slsc"))
        .args(args)
        .current_dir(common::root())
        .env("SLSC_TODAY", "2026-11-23")
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed().as_secs() > secs {
            child.kill().ok();
            panic!("slsc {args:?} hangs");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
#[test]
fn fifos_devices_and_huge_files_are_refused_not_read() {
    let dir = scratch("special");
    let fifo = dir.join("pipe.sls");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let f = fifo.to_str().unwrap();
    let out = slsc_within(&["check", f], 10);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("a FIFO, not a regular file"),
        "{}",
        text(&out.stderr)
    );
    let out = slsc_within(&["check", "/dev/zero"], 10);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("a device, not a regular file"),
        "{}",
        text(&out.stderr)
    );
    // Used: E0003, with the reason.
    let spec = dir.join("uses.sls");
    std::fs::write(&spec, "use \"/dev/zero\"\nuse \"./pipe.sls\"\nqueue Q\n").unwrap();
    let out = slsc_within(&["check", spec.to_str().unwrap()], 10);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("cannot read `/dev/zero`: a device, not a regular file"),
        "{stdout}"
    );
    assert!(stdout.contains("a FIFO, not a regular file"), "{stdout}");
    // In a folder: skipped; the real spec next to it is checked.
    std::fs::remove_file(&spec).unwrap();
    std::fs::write(dir.join("real.sls"), "queue Q { retention = 14d }\n").unwrap();
    let out = slsc_within(&["check", dir.to_str().unwrap()], 10);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(text(&out.stdout).contains("W0104"));
    // Over 16 MiB.
    let big = dir.join("big.sls");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len((16 << 20) + 1).unwrap();
    let out = slsc_within(&["check", big.to_str().unwrap()], 10);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("larger than 16 MiB"),
        "{}",
        text(&out.stderr)
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[cfg(unix)]
#[test]
fn links_to_parent_folders_are_walked_once() {
    let dir = scratch("loops");
    let deep = dir.join("a/b/c");
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("app.sls"), "queue Q { retention = 14d }\n").unwrap();
    // Every link leads to an ancestor inside `dir`: without visiting each
    // real folder once, the walk would never end.
    for (i, target) in ["..", "../..", "../../.."].iter().enumerate() {
        std::os::unix::fs::symlink(target, deep.join(format!("up{i}"))).unwrap();
    }
    for (i, target) in ["..", "../.."].iter().enumerate() {
        std::os::unix::fs::symlink(target, dir.join(format!("a/b/up{i}"))).unwrap();
    }
    let out = slsc_within(&["check", dir.to_str().unwrap(), "--format", "json"], 20);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["files"].as_array().unwrap().len(), 1, "{report}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn invalid_utf8_says_where() {
    let dir = scratch("utf8");
    let spec = dir.join("bad.sls");
    std::fs::write(&spec, b"queue Q { retention = 14d }\nqueue \xff\n").unwrap();
    let out = slsc(&["check", spec.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("E0011"), "{}", text(&out.stdout));
    assert!(
        text(&out.stdout).contains("bad.sls:2:7]"),
        "{}",
        text(&out.stdout)
    );
    // A JSON input says where too.
    let event = dir.join("event.json");
    std::fs::write(&event, b"{\"a\":\n\"\xc3\"}").unwrap();
    let out = slsc(&[
        "match",
        "--pattern",
        event.to_str().unwrap(),
        event.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("not valid UTF-8: line 2, column 2 (byte offset 7)"),
        "{}",
        text(&out.stderr)
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn deep_nesting_and_long_lines_do_not_crash_any_command() {
    let dir = scratch("deep");
    let n = 10_000;
    let specs = [
        format!("bus B\nqueue Q\nevent E from \"x\" external {{ a: int }}\nrule R on B {{\n  match E where {}a = 1{}\n  send to Q\n}}\n", "(".repeat(n), ")".repeat(n)),
        format!("bus B\nqueue Q\nevent E from \"x\" external {{ a: int }}\nrule R on B {{\n  match E where a {}exists\n  send to Q\n}}\n", "not ".repeat(n)),
        format!("type T {{ a: {}string{} }}\n", "[".repeat(n), "]".repeat(n)),
        format!("type T {{ a: {}string{} }}\n", "{ b: ".repeat(n), " }".repeat(n)),
        format!("queue Q {{ retention = 14d }}{}queue R {{ retention = 99d }}\n", " ".repeat(70_000)),
    ];
    let event = dir.join("e.json");
    std::fs::write(&event, "{}").unwrap();
    for (i, spec) in specs.iter().enumerate() {
        let path = dir.join(format!("s{i}.sls"));
        std::fs::write(&path, spec).unwrap();
        let p = path.to_str().unwrap();
        let e = event.to_str().unwrap();
        for args in [
            vec!["check", p],
            vec!["check", p, "--format", "json"],
            vec!["build", p],
            vec!["build", p, "--target", "cloudformation"],
            vec!["permissions", p],
            vec!["sample", p, "E"],
            vec!["schema", p],
            vec!["match", p, "R", e],
        ] {
            let out = slsc_within(&args, 30);
            // An error (1) or a usage error (2), never a crash (a signal).
            assert!(
                matches!(out.status.code(), Some(1 | 2)),
                "{args:?}: {:?} {}",
                out.status,
                text(&out.stderr)
            );
            assert!(
                !text(&out.stderr).contains("panicked"),
                "{}",
                text(&out.stderr)
            );
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// A user pool, its client as the audience of an HTTP API's JWT
/// authorizer, and a trigger: clean, and the same resources in both
/// targets (snapshots), the trigger's permission scoped to the pool.
#[test]
fn cognito_user_pool_end_to_end() {
    let spec = "tests/cli/cognito.sls";
    let out = slsc(&["check", spec]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(
        !text(&out.stdout).contains("warning"),
        "{}",
        text(&out.stdout)
    );
    for (target, name) in [("sam", "cognito.sam"), ("cloudformation", "cognito.cfn")] {
        let out = slsc(&["build", spec, "--target", target, "--format", "json"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let t: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let r = &t["Resources"];
        assert_eq!(r["Users"]["Type"], "AWS::Cognito::UserPool");
        assert_eq!(r["UsersWebClient"]["Type"], "AWS::Cognito::UserPoolClient");
        let perm = &r["CheckSignUpUsersPermission"]["Properties"];
        assert_eq!(perm["Principal"], "cognito-idp.amazonaws.com");
        assert_eq!(
            perm["SourceArn"],
            serde_json::json!({ "Fn::GetAtt": ["Users", "Arn"] })
        );
        assert_eq!(
            t["Outputs"]["UserPoolId"]["Value"],
            serde_json::json!({ "Ref": "Users" })
        );
        assert_eq!(
            t["Outputs"]["WebClientId"]["Value"],
            serde_json::json!({ "Ref": "UsersWebClient" })
        );
        let yaml = slsc(&["build", spec, "--target", target]);
        insta::assert_snapshot!(name, text(&yaml.stdout));
    }
}

/// The escape hatch end to end: `resource` declarations are built into both
/// targets as written (snapshotted), counted as build emits them, and listed
/// as unchecked by `check` (human and JSON) and `permissions`.
#[test]
fn raw_resources_build_in_both_targets_and_are_reported_unchecked() {
    let spec = "tests/cli/hatch.sls";
    for (target, name) in [("sam", "hatch-sam"), ("cloudformation", "hatch-cfn")] {
        let out = slsc(&["build", spec, "--target", target]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        insta::assert_snapshot!(name, text(&out.stdout));
    }
    let c = slsc::compile_file(&common::root().join(spec), common::options()).unwrap();
    assert!(!c.has_errors(), "{:?}", c.diagnostics);
    for target in [slsc::Target::Sam, slsc::Target::CloudFormation] {
        let built = slsc::build(&c, target).unwrap();
        common::assert_counts_match(&c, &built, target, spec);
    }

    let out = slsc(&["check", spec]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(
        text(&out.stdout).contains(
            "note: unchecked resources (written with `resource`, or statements of a `policy`: emitted as written; slsc does not know what they grant or do)\n  \
             tests/cli/hatch.sls:28:10  Reader (AWS::Kinesis::StreamConsumer)\n  \
             tests/cli/hatch.sls:35:10  LagAlarm (AWS::CloudWatch::Alarm)\n"
        ),
        "{}",
        text(&out.stdout)
    );
    let out = slsc(&["check", spec, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let unchecked: Vec<(&str, &str)> = report["unchecked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| (u["name"].as_str().unwrap(), u["type"].as_str().unwrap()))
        .collect();
    assert_eq!(
        unchecked,
        [
            ("Reader", "AWS::Kinesis::StreamConsumer"),
            ("LagAlarm", "AWS::CloudWatch::Alarm")
        ]
    );

    let out = slsc(&["permissions", spec, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let perms: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let raw: Vec<&serde_json::Value> = perms
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["unchecked"] == true)
        .collect();
    assert_eq!(raw.len(), 2, "{perms:#}");
    assert_eq!(raw[0]["resource"], "Reader");
    assert_eq!(raw[0]["type"], "AWS::Kinesis::StreamConsumer");
    let out = slsc(&["permissions", spec, "LagAlarm"]);
    assert_eq!(
        text(&out.stdout),
        "resource LagAlarm (AWS::CloudWatch::Alarm): unchecked, written as the spec writes it; slsc does not know what it grants or does\n\n"
    );
}

/// A spec that writes a common case raw is refused, pointing at the
/// declaration to use; an unknown type gets the closest one.
#[test]
fn common_cases_are_never_written_raw() {
    let out = slsc(&["check", "tests/diagnostics/E0115/bad.sls"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("declare it as `queue Jobs { ... }`"),
        "{}",
        text(&out.stdout)
    );
    let out = slsc(&["build", "tests/diagnostics/E0114/bad.sls"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}

#[test]
fn completions_for_each_shell_name_every_command() {
    for shell in ["bash", "zsh", "fish"] {
        let out = slsc(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = text(&out.stdout);
        for command in ["check", "build", "fmt", "stages", "explain"] {
            assert!(
                script.contains(command),
                "{shell} completions lack {command}"
            );
        }
    }
    // The bash script loads in bash and registers the completion.
    let script = text(&slsc(&["completions", "bash"]).stdout);
    let bash = std::process::Command::new("bash")
        .args(["-c", &format!("{script}\ncomplete -p slsc")])
        .output()
        .expect("bash runs");
    assert!(bash.status.success(), "{}", text(&bash.stderr));
    assert!(
        text(&bash.stdout).contains("-F _slsc"),
        "{}",
        text(&bash.stdout)
    );
    assert_eq!(slsc(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn init_writes_projects_that_check_clean_format_and_build() {
    let root = std::env::temp_dir().join(format!("slsc-init-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for template in ["api", "worker", "pipeline"] {
        let dir = root.join(template).join("Photo Shop");
        let d = dir.to_str().unwrap();
        let out = slsc(&["init", template, "--dir", d]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        for f in ["app.sls", "slsc.toml", ".github/workflows/slsc.yml"] {
            assert!(dir.join(f).exists(), "{template}: no {f}");
        }
        let spec = dir.join("app.sls");
        let s = spec.to_str().unwrap();
        assert!(std::fs::read_to_string(&spec)
            .unwrap()
            .contains("app photo_shop {"));
        let check = slsc(&["check", s]);
        assert_eq!(
            check.status.code(),
            Some(0),
            "{template}: {}",
            text(&check.stderr)
        );
        assert!(
            !text(&check.stderr).contains('⚠'),
            "{template}: {}",
            text(&check.stderr)
        );
        assert_eq!(
            slsc(&["fmt", "--check", s]).status.code(),
            Some(0),
            "{template}"
        );
        for target in ["sam", "cloudformation"] {
            let build = slsc(&["build", s, "--target", target]);
            assert_eq!(build.status.code(), Some(0), "{template} {target}");
        }
        // Never over an existing project.
        let again = slsc(&["init", template, "--dir", d]);
        assert_eq!(again.status.code(), Some(2));
        assert!(text(&again.stderr).contains("not overwriting"));
    }
    let unknown = slsc(&["init", "graphql", "--dir", root.to_str().unwrap()]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).contains("choose one of api, worker, pipeline"));
    let _ = std::fs::remove_dir_all(&root);
}
