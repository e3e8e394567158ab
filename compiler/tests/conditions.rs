//! Deploy-time conditions (`condition`, `when = C`, `key = value if C`):
//! snapshots of `tests/conditions/app.sls` in both targets, what each
//! conditional declaration's resources carry, and one invariant over every
//! spec of the repository that builds: no resource or output refers to a
//! resource that may not exist where it does, unless an `Fn::If` on that
//! condition guards the reference (CloudFormation rejects the template
//! otherwise, and cfn-lint only sees the templates it is given).

#[path = "support/common.rs"]
mod common;

use serde_json::{json, Value};
use slsc::{Format, Severity, Target};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

const SPEC: &str = "tests/conditions/app.sls";

fn build(rel: &Path, target: Target) -> Option<Value> {
    let c = common::compile(rel);
    if c.diagnostics.iter().any(|d| d.severity == Severity::Error) {
        return None;
    }
    let built = slsc::build(&c, target).ok()?;
    common::assert_counts_match(&c, &built, target, &rel.display().to_string());
    Some((*built).clone())
}

#[test]
fn conditions_snapshot_in_both_targets() {
    for (target, suffix) in [(Target::Sam, "sam"), (Target::CloudFormation, "cfn")] {
        let c = common::compile(Path::new(SPEC));
        assert!(!c.has_errors(), "{}", common::rendered(&c));
        let template = slsc::build(&c, target).expect("no errors");
        insta::assert_snapshot!(
            format!("conditions.{suffix}"),
            slsc::emit::write(&template, Format::Yaml)
        );
    }
}

#[test]
fn the_conditions_section_holds_the_spec_s_conditions() {
    let t = build(Path::new(SPEC), Target::CloudFormation).unwrap();
    assert_eq!(
        t["Conditions"]["IsProd"],
        json!({ "Fn::Equals": [{ "Ref": "Env" }, "prod"] })
    );
    assert_eq!(
        t["Conditions"]["IsDev"],
        json!({ "Fn::Not": [{ "Condition": "IsProd" }] })
    );
    // `in` is an `or` of equalities; the region is a pseudo parameter.
    assert_eq!(
        t["Conditions"]["InHome"],
        json!({ "Fn::And": [
            { "Fn::Or": [
                { "Fn::Equals": [{ "Ref": "Env" }, "dev"] },
                { "Fn::Equals": [{ "Ref": "Env" }, "prod"] },
            ] },
            { "Fn::Equals": [{ "Ref": "AWS::Region" }, "us-east-1"] },
        ] })
    );
}

#[test]
fn a_conditional_declaration_s_resources_and_outputs_carry_its_condition() {
    for target in [Target::Sam, Target::CloudFormation] {
        let t = build(Path::new(SPEC), target).unwrap();
        let r = &t["Resources"];
        for id in [
            "Audit",
            "AuditDlq",
            "Orders",
            "ProdOnly",
            "ProdOnlyRole",
            "ProdOnlyLogGroup",
        ] {
            assert_eq!(r[id]["Condition"], "IsProd", "{target:?} {id}");
        }
        assert_eq!(r["Uploads"]["Condition"], "IsDev", "{target:?}");
        assert!(r["Worker"].get("Condition").is_none(), "{target:?}");
        assert_eq!(t["Outputs"]["AuditQueueUrl"]["Condition"], "IsProd");
        // A schedule of a conditional function exists only with it.
        assert_eq!(r["Nightly"]["Condition"], "IsProd", "{target:?}");
    }
}

#[test]
fn references_from_always_deployed_resources_are_cut_where_they_may_be() {
    let t = build(Path::new(SPEC), Target::CloudFormation).unwrap();
    let r = &t["Resources"];
    // The statement on a conditional table, not the whole role.
    let statements = r["WorkerRole"]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"]
        .as_array()
        .unwrap();
    let guarded: Vec<&Value> = statements
        .iter()
        .filter(|s| s.get("Fn::If").is_some())
        .collect();
    assert_eq!(guarded.len(), 2, "{statements:#?}");
    assert_eq!(guarded[0]["Fn::If"][0], "IsProd");
    assert_eq!(guarded[0]["Fn::If"][1]["Sid"], "ReadOrders");
    assert_eq!(guarded[0]["Fn::If"][2], json!({ "Ref": "AWS::NoValue" }));
    // An environment value naming the table.
    assert_eq!(
        r["Worker"]["Properties"]["Environment"]["Variables"]["TABLE"]["Fn::If"][0],
        "IsProd"
    );
    // A queue's dead-letter queue.
    assert!(r["Jobs"]["Properties"]["RedrivePolicy"]
        .get("Fn::If")
        .is_none());
    // A rule's target.
    let targets = r["OnOrder"]["Properties"]["Targets"].as_array().unwrap();
    assert_eq!(targets[0]["Fn::If"][0], "IsProd");
    assert!(targets[1].get("Fn::If").is_none());
    // `name = X if C`: slsc's own name without C, everywhere the queue is
    // named (its dead-letter queue admits it by ARN).
    let name = &r["Jobs"]["Properties"]["QueueName"]["Fn::If"];
    assert_eq!(
        (&name[0], &name[1]),
        (&json!("IsProd"), &json!("prod-jobs"))
    );
    assert!(name[2].get("Fn::Join").is_some(), "{name}");
    let source = &r["JobsDlq"]["Properties"]["RedriveAllowPolicy"]["sourceQueueArns"][0]["Fn::If"];
    assert_eq!(source[0], "IsProd");
    assert!(source[2].get("Fn::Join").is_some(), "{source}");
    // `stream = ... if C`, `description = ... if C else ...`.
    assert_eq!(
        r["Carts"]["Properties"]["StreamSpecification"]["Fn::If"][0],
        "IsProd"
    );
    assert_eq!(
        r["Worker"]["Properties"]["Description"],
        json!({ "Fn::If": ["IsProd", "prod worker", "dev worker"] })
    );
}

/// The conditions each resource exists under, from its `Condition` (a
/// conjunction of named conditions is expanded).
fn condition_sets(t: &Value) -> HashMap<String, BTreeSet<String>> {
    let conditions = t.get("Conditions").cloned().unwrap_or(json!({}));
    let expand = |name: &str| -> BTreeSet<String> {
        match conditions[name].get("Fn::And").and_then(Value::as_array) {
            Some(parts) if parts.iter().all(|p| p.get("Condition").is_some()) => parts
                .iter()
                .map(|p| p["Condition"].as_str().unwrap().to_string())
                .collect(),
            _ => BTreeSet::from([name.to_string()]),
        }
    };
    t["Resources"]
        .as_object()
        .unwrap()
        .iter()
        .filter_map(|(id, r)| Some((id.clone(), expand(r.get("Condition")?.as_str()?))))
        .collect()
}

/// The references in `v` to resources under conditions that neither
/// `holds` nor an enclosing `Fn::If` guarantees, as (resource, condition).
fn unguarded(
    v: &Value,
    sets: &HashMap<String, BTreeSet<String>>,
    holds: &BTreeSet<String>,
    out: &mut Vec<(String, String)>,
) {
    NEG.with(|neg| unguarded_with(v, sets, holds, out, &neg.borrow()))
}

thread_local! {
    /// `N = not M` conditions of the template being checked (N to M).
    static NEG: std::cell::RefCell<HashMap<String, String>> = Default::default();
}

fn set_negations(t: &Value) {
    let neg = t
        .get("Conditions")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter_map(|(n, c)| {
            let m = c.get("Fn::Not")?.get(0)?.get("Condition")?.as_str()?;
            Some((n.clone(), m.to_string()))
        })
        .collect();
    NEG.with(|n| *n.borrow_mut() = neg);
}

fn unguarded_with(
    v: &Value,
    sets: &HashMap<String, BTreeSet<String>>,
    holds: &BTreeSet<String>,
    out: &mut Vec<(String, String)>,
    neg: &HashMap<String, String>,
) {
    let check = |id: &str, out: &mut Vec<(String, String)>| {
        for c in sets.get(id).into_iter().flatten() {
            if !holds.contains(c) {
                out.push((id.to_string(), c.clone()));
            }
        }
    };
    match v {
        Value::Object(m) => {
            if let Some(Value::Array(a)) = m.get("Fn::If") {
                let c = a[0].as_str().unwrap().to_string();
                let mut then = holds.clone();
                then.insert(c.clone());
                unguarded_with(&a[1], sets, &then, out, neg);
                // Where `c` does not hold, its negations do.
                let mut other = holds.clone();
                other.extend(neg.iter().filter(|(_, m)| **m == c).map(|(n, _)| n.clone()));
                other.extend(neg.get(&c).cloned());
                unguarded_with(&a[2], sets, &other, out, neg);
                return;
            }
            if let Some(Value::String(id)) = m.get("Ref") {
                check(id, out);
            }
            match m.get("Fn::GetAtt") {
                Some(Value::Array(a)) => check(a[0].as_str().unwrap(), out),
                Some(Value::String(s)) => check(s.split('.').next().unwrap(), out),
                _ => {}
            }
            let sub = match m.get("Fn::Sub") {
                Some(Value::String(s)) => Some(s.clone()),
                Some(Value::Array(a)) => a[0].as_str().map(str::to_string),
                _ => None,
            };
            if let Some(s) = sub {
                for part in s.split("${").skip(1) {
                    let name = part.split('}').next().unwrap();
                    check(name.split('.').next().unwrap(), out);
                }
            }
            for (k, child) in m {
                if k != "Ref" && k != "Fn::GetAtt" {
                    unguarded_with(child, sets, holds, out, neg);
                }
            }
        }
        Value::Array(a) => a
            .iter()
            .for_each(|x| unguarded_with(x, sets, holds, out, neg)),
        _ => {}
    }
}

/// Every example, real-world spec and this test's spec.
fn all_specs() -> Vec<PathBuf> {
    let mut specs: Vec<PathBuf> = common::examples()
        .into_iter()
        .map(|e| Path::new("examples").join(e).join("app.sls"))
        .collect();
    let dir = Path::new("tests").join("realworld");
    let mut real: Vec<PathBuf> = std::fs::read_dir(common::root().join(&dir))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".sls"))
        .map(|n| dir.join(n))
        .collect();
    real.sort();
    specs.extend(real);
    specs.push(PathBuf::from(SPEC));
    specs.push(PathBuf::from("tests/deploy/conditional.sls"));
    specs
}

#[test]
fn no_resource_refers_to_one_that_may_not_exist_where_it_does() {
    let mut conditional = 0;
    for spec in all_specs() {
        for target in [Target::Sam, Target::CloudFormation] {
            let Some(t) = build(&spec, target) else {
                continue;
            };
            if t.get("Conditions").is_none() {
                continue;
            }
            conditional += 1;
            set_negations(&t);
            let sets = condition_sets(&t);
            let mut problems = Vec::new();
            for (id, r) in t["Resources"].as_object().unwrap() {
                let holds = sets.get(id).cloned().unwrap_or_default();
                let mut out = Vec::new();
                if let Some(p) = r.get("Properties") {
                    unguarded(p, &sets, &holds, &mut out);
                }
                if let Some(d) = r.get("DependsOn") {
                    let deps: Vec<&str> = match d {
                        Value::String(s) => vec![s.as_str()],
                        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                        _ => Vec::new(),
                    };
                    for dep in deps {
                        unguarded(&json!({ "Ref": dep }), &sets, &holds, &mut out);
                    }
                }
                problems.extend(out.into_iter().map(|(to, c)| format!("{id} -> {to} ({c})")));
            }
            for (id, o) in t
                .get("Outputs")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                let holds: BTreeSet<String> = o
                    .get("Condition")
                    .and_then(Value::as_str)
                    .map(|c| condition_sets(&json!({ "Conditions": t["Conditions"], "Resources": { "x": { "Condition": c } } }))["x"].clone())
                    .unwrap_or_default();
                let mut out = Vec::new();
                unguarded(o, &sets, &holds, &mut out);
                problems.extend(
                    out.into_iter()
                        .map(|(to, c)| format!("output {id} -> {to} ({c})")),
                );
            }
            assert!(
                problems.is_empty(),
                "{} ({target:?}): {problems:#?}",
                spec.display()
            );
        }
    }
    // This spec, and the real-world specs with conditions, in both targets.
    assert!(
        conditional >= 8,
        "only {conditional} templates with conditions"
    );
}

#[test]
fn slsc_build_writes_conditions() {
    let out = Command::new(env!("CARGO_BIN_EXE_slsc"))
        .current_dir(common::root())
        .args(["build", SPEC, "--target", "cloudformation"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let yaml = String::from_utf8_lossy(&out.stdout);
    assert!(yaml.contains("Conditions:\n  IsProd:"), "{yaml}");
    assert!(yaml.contains("Condition: IsProd"), "{yaml}");
}
