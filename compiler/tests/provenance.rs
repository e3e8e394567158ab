//! Provenance as `emit` records it: every resource and output of every
//! buildable example and fixture, in both targets, belongs to a declaration
//! (the app's key alone belongs to the whole spec), each statement of a
//! role to the text that caused it, and a property the spec sets to that
//! property's text.

#[path = "support/common.rs"]
mod common;

use slsc::Target;
use std::path::{Path, PathBuf};

/// Every example's entry spec and every diagnostic fixture that builds.
fn specs() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = common::examples()
        .iter()
        .map(|n| Path::new("examples").join(n).join("app.sls"))
        .collect();
    let fixtures = common::root().join("tests/diagnostics");
    let mut codes: Vec<_> = std::fs::read_dir(&fixtures)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    codes.sort();
    for dir in codes {
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "sls"))
            .collect();
        files.sort();
        out.extend(files);
    }
    out
}

#[test]
fn every_resource_and_output_has_an_owner() {
    let mut built = 0;
    for spec in specs() {
        let c = common::compile(&spec);
        for target in [Target::Sam, Target::CloudFormation] {
            let Ok(b) = slsc::build(&c, target) else {
                continue;
            };
            built += 1;
            let declared: Vec<slsc::source::Span> = c
                .model
                .names
                .keys()
                .filter_map(|n| c.model.declaration_span(n))
                // The app's `outputs` entries own the outputs they declare.
                .chain(c.model.outputs.iter().map(|o| o.name.span))
                .collect();
            for (section, owner) in [
                (
                    "Resources",
                    &(|id: &str| b.provenance.resource(id)) as &dyn Fn(&str) -> _,
                ),
                ("Outputs", &|id: &str| b.provenance.output(id)),
            ] {
                let Some(ids) = b[section].as_object() else {
                    continue;
                };
                for id in ids.keys() {
                    if id == slsc::naming::KEY {
                        assert_eq!(owner(id), None, "{}: the key is the app's", spec.display());
                        continue;
                    }
                    let span = owner(id).unwrap_or_else(|| {
                        panic!(
                            "{} ({target:?}): {section}/{id} has no owner",
                            spec.display()
                        )
                    });
                    assert!(
                        declared.contains(&span),
                        "{} ({target:?}): {section}/{id} is owned by something other than a declaration or an `outputs` entry",
                        spec.display()
                    );
                }
            }
        }
    }
    assert!(built > 100, "only {built} templates built");
}

#[test]
fn statements_and_properties_point_at_their_text() {
    let spec = "app Shop {\n  runtime = \"python3.12\"\n}\n\nqueue Jobs {\n  visibility_timeout = 6m\n  dead_letter = drop { reason = \"replayed from the source\" }\n}\n\nfunction Work {\n  handler = \"work.handler\"\n  memory  = 512MB\n  timeout = 1m\n  on Jobs\n  env { STAGE = \"prod\" }\n}\n";
    let c = slsc::compile_source("p.sls", None, spec.to_string(), common::options());
    assert!(!c.has_errors(), "{}", common::rendered(&c));
    let text_at = |s: slsc::source::Span| &spec[s.start as usize..s.end as usize];
    for target in [Target::Sam, Target::CloudFormation] {
        let b = slsc::build(&c, target).unwrap();
        let at = |path: &str| {
            let parts: Vec<String> = path.split('/').map(str::to_string).collect();
            text_at(b.provenance.lookup(&parts).unwrap())
        };
        assert_eq!(at("Resources/Work/Properties/MemorySize"), "512MB");
        assert_eq!(at("Resources/Work/Properties/Timeout"), "1m");
        assert_eq!(at("Resources/Jobs/Properties/VisibilityTimeout"), "6m");
        assert_eq!(
            at("Resources/Work/Properties/Environment/Variables/STAGE"),
            "STAGE"
        );
        // A path below a mapped one lands on the longest mapped prefix.
        assert_eq!(at("Resources/Work/Properties/MemorySize/Extra"), "512MB");
        // The role's statement that reads the queue comes from the trigger.
        let role = b["Resources"]["WorkRole"]["Properties"]["Policies"][0]["PolicyDocument"]
            ["Statement"]
            .as_array()
            .unwrap();
        let i = role
            .iter()
            .position(|s| s["Action"].to_string().contains("sqs:ReceiveMessage"))
            .unwrap();
        assert_eq!(
            at(&format!(
                "Resources/WorkRole/Properties/Policies/0/PolicyDocument/Statement/{i}"
            )),
            "Jobs"
        );
    }
}

/// `check` counts a template's IDs without building it; the count must be
/// the template, ID for ID and owner for owner, or E0313 would judge a
/// different stack than `build` writes.
#[test]
fn what_check_counts_is_what_build_emits() {
    let mut compared = 0;
    for spec in specs() {
        let c = common::compile(&spec);
        for target in [Target::Sam, Target::CloudFormation] {
            let Ok(b) = slsc::build(&c, target) else {
                continue;
            };
            compared += 1;
            let here = format!("{} ({target:?})", spec.display());
            common::assert_counts_match(&c, &b, target, &here);
        }
    }
    assert!(compared > 100, "only {compared} templates compared");
}
