//! Lambda layers (`layer`, a function's `layers`): snapshots of
//! `tests/layers/app.sls` in both targets, what each target makes of a
//! layer built from a folder, from S3 and given by ARN, the `CodeBucket`
//! parameter a local layer needs, and the binary's `slsc build`.

#[path = "support/common.rs"]
mod common;

use serde_json::{json, Value};
use slsc::{Format, Target};
use std::path::Path;
use std::process::Command;

const SPEC: &str = "tests/layers/app.sls";

/// The template of the test spec in `target`, its counts checked.
fn build(target: Target) -> Value {
    let c = common::compile(Path::new(SPEC));
    assert!(!c.has_errors(), "{}", common::rendered(&c));
    let built = slsc::build(&c, target).expect("no errors");
    common::assert_counts_match(&c, &built, target, SPEC);
    (*built).clone()
}

/// The template of `spec` in `target`; the spec must compile cleanly.
fn build_source(spec: &str, target: Target) -> Value {
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

#[test]
fn layers_snapshot_in_both_targets() {
    for (target, suffix) in [(Target::Sam, "sam"), (Target::CloudFormation, "cfn")] {
        let c = common::compile(Path::new(SPEC));
        assert!(c.diagnostics.is_empty(), "{}", common::rendered(&c));
        let template = slsc::build(&c, target).expect("no errors");
        insta::assert_snapshot!(
            format!("layers.{suffix}"),
            slsc::emit::write(&template, Format::Yaml)
        );
    }
}

#[test]
fn sam_layers_are_layer_versions_the_functions_ref() {
    let t = build(Target::Sam);
    let shared = &t["Resources"]["Shared"];
    assert_eq!(shared["Type"], "AWS::Serverless::LayerVersion");
    assert_eq!(shared["Properties"]["ContentUri"], "layers/shared");
    assert_eq!(
        shared["Properties"]["CompatibleRuntimes"],
        json!(["python3.12", "python3.13"])
    );
    assert_eq!(
        shared["Properties"]["CompatibleArchitectures"],
        json!(["arm64", "x86_64"])
    );
    assert_eq!(shared["Properties"]["LicenseInfo"], "MIT");
    assert_eq!(shared["Properties"]["LayerName"], "layered-shared");
    assert_eq!(shared["Properties"]["RetentionPolicy"], "Retain");
    let vendor = &t["Resources"]["Vendor"];
    assert_eq!(
        vendor["Properties"]["ContentUri"],
        json!({ "Bucket": "my-artifacts", "Key": "layers/vendor-1.4.zip", "Version": "3HL4kqtJlcpXroDTDmJ" })
    );
    assert_eq!(vendor["Properties"]["RetentionPolicy"], "Delete");
    // A layer given by ARN is no resource: the function names it as written.
    assert!(t["Resources"].get("Insights").is_none());
    assert_eq!(
        t["Resources"]["Greet"]["Properties"]["Layers"],
        json!([
            { "Ref": "Shared" },
            { "Ref": "Vendor" },
            { "Fn::Sub": "arn:aws:lambda:${AWS::Region}:580247275435:layer:LambdaInsightsExtension-Arm64:${InsightsVersion}" }
        ])
    );
    assert_eq!(
        t["Resources"]["Report"]["Properties"]["Layers"],
        json!([{ "Ref": "Shared" }])
    );
}

#[test]
fn cloudformation_layers_are_packaged_like_functions() {
    let t = build(Target::CloudFormation);
    let shared = &t["Resources"]["Shared"];
    assert_eq!(shared["Type"], "AWS::Lambda::LayerVersion");
    assert_eq!(shared["DeletionPolicy"], "Retain");
    assert_eq!(
        shared["Properties"]["Content"],
        json!({
            "S3Bucket": { "Ref": "CodeBucket" },
            "S3Key": { "Fn::Sub": "${CodeKeyPrefix}layers/shared.zip" }
        })
    );
    let vendor = &t["Resources"]["Vendor"];
    assert_eq!(vendor["DeletionPolicy"], "Delete");
    assert_eq!(
        vendor["Properties"]["Content"],
        json!({ "S3Bucket": "my-artifacts", "S3Key": "layers/vendor-1.4.zip", "S3ObjectVersion": "3HL4kqtJlcpXroDTDmJ" })
    );
    assert_eq!(
        t["Resources"]["Greet"]["Properties"]["Layers"][1],
        json!({ "Ref": "Vendor" })
    );
}

#[test]
fn a_local_layer_alone_needs_the_code_bucket() {
    let spec = r#"
app a { runtime = "python3.13" }
layer Shared { code = "layers/shared" }
function F { handler = "a.h", code = "s3://my-artifacts/f.zip", layers = [Shared], external = true }
"#;
    let t = build_source(spec, Target::CloudFormation);
    assert!(t["Parameters"].get("CodeBucket").is_some());
    assert!(t["Parameters"].get("CodeKeyPrefix").is_some());
    // Nothing local: no parameters.
    let remote = spec.replace("\"layers/shared\"", "\"s3://my-artifacts/shared.zip\"");
    let t = build_source(&remote, Target::CloudFormation);
    assert!(t.get("Parameters").is_none(), "{t:#}");
}

#[test]
fn layer_checks() {
    let with = |layer: &str, function: &str| {
        codes(&format!(
            "app a {{ runtime = \"python3.13\" }}\nlayer L {{ {layer} }}\nfunction F {{ handler = \"a.h\", external = true, {function} }}\n"
        ))
    };
    let s3 = "code = \"s3://my-artifacts/l.zip\"";
    assert_eq!(with(s3, "layers = [L]"), Vec::<&str>::new());
    assert_eq!(with(s3, "layers = [L, L]"), vec!["E0106"]);
    assert_eq!(with(s3, ""), vec!["W0104"]);
    assert_eq!(
        with(
            &format!("{s3}, runtimes = [\"nodejs22.x\"]"),
            "layers = [L]"
        ),
        vec!["E0235"]
    );
    assert_eq!(
        with(&format!("{s3}, architectures = [arm64]"), "layers = [L]"),
        vec!["E0235"]
    );
    assert_eq!(
        with(
            &format!("{s3}, architectures = [arm64]"),
            "layers = [L], architecture = arm64"
        ),
        Vec::<&str>::new()
    );
    assert_eq!(
        with(&format!("{s3}, runtimes = [\"python9\"]"), "layers = [L]"),
        vec!["E0204", "E0235"]
    );
    assert_eq!(
        with(&format!("{s3}, name = \"a b\""), "layers = [L]"),
        vec!["E0214"]
    );
    assert_eq!(
        with("runtimes = [\"python3.13\"]", "layers = [L]"),
        vec!["E0107"]
    );
    assert_eq!(
        with("code = \"https://x/l.zip\"", "layers = [L]"),
        vec!["E0201"]
    );
    assert_eq!(
        with(
            "arn = \"arn:aws:lambda:us-east-1:580247275435:layer:X:1\", license = \"MIT\"",
            "layers = [L]"
        ),
        vec!["E0105"]
    );
    assert_eq!(
        with(
            "arn = \"arn:aws:lambda:us-east-1:580247275435:layer:X\"",
            "layers = [L]"
        ),
        vec!["E0201"]
    );
    let six = (1..=6)
        .map(|i| format!("layer L{i} {{ {s3} }}\n"))
        .collect::<String>();
    let spec = format!(
        "app a {{ runtime = \"python3.13\" }}\n{six}function F {{ handler = \"a.h\", external = true, layers = [L1, L2, L3, L4, L5, L6] }}\n"
    );
    assert_eq!(codes(&spec), vec!["E0234"]);
    // A layer under a condition the function is not under.
    let spec = format!(
        "app a {{ runtime = \"python3.13\" }}\nparam Env string {{ default = \"dev\" }}\ncondition IsProd = Env == \"prod\"\nlayer L {{ {s3}, when = IsProd }}\nfunction F {{ handler = \"a.h\", external = true, layers = [L] }}\n"
    );
    assert_eq!(codes(&spec), vec!["E0333"]);
    let image = "image = \"123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/x:1\"";
    assert_eq!(
        codes(&format!(
            "layer L {{ {s3} }}\nfunction F {{ {image}, external = true, layers = [L] }}\n"
        )),
        vec!["E0236"]
    );
}

#[test]
fn slsc_build_writes_layer_content_relative_to_the_template() {
    let out = std::env::temp_dir().join(format!("slsc-layers-{}", std::process::id()));
    std::fs::create_dir_all(&out).unwrap();
    let file = out.join("template.yaml");
    let status = Command::new(env!("CARGO_BIN_EXE_slsc"))
        .current_dir(common::root())
        .args(["build", SPEC, "-o"])
        .arg(&file)
        .status()
        .unwrap();
    assert!(status.success());
    let text = std::fs::read_to_string(&file).unwrap();
    let root = std::fs::canonicalize(common::root()).unwrap();
    let spec_dir = root.join("tests/layers");
    let t: Value = serde_yaml::from_str(&text).unwrap();
    let uri = t["Resources"]["Shared"]["Properties"]["ContentUri"]
        .as_str()
        .unwrap()
        .to_string();
    let real_out = std::fs::canonicalize(&out).unwrap();
    assert_eq!(
        std::fs::canonicalize(real_out.join(&uri)).unwrap(),
        spec_dir.join("layers/shared"),
        "{uri}"
    );
    let status = Command::new(env!("CARGO_BIN_EXE_slsc"))
        .current_dir(common::root())
        .args(["build", SPEC, "--target", "cloudformation", "-o"])
        .arg(out.join("template.cfn.yaml"))
        .status()
        .unwrap();
    assert!(status.success());
    let _ = std::fs::remove_dir_all(&out);
}
