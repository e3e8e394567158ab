//! `on_delete`: what becomes of stateful resources when the stack is deleted
//! or an update replaces them (`DeletionPolicy` and `UpdateReplacePolicy`).

#[path = "support/common.rs"]
mod common;

use serde_json::Value;
use slsc::Target;

fn compile(spec: &str) -> slsc::Compilation {
    slsc::compile_source("t.sls", None, spec.to_string(), common::options())
}

/// Each resource's (DeletionPolicy, UpdateReplacePolicy), in both targets
/// (which must agree on them).
fn policies(spec: &str) -> Vec<(String, String, String)> {
    let c = compile(spec);
    assert!(!c.has_errors(), "{spec}\n{}", common::rendered(&c));
    let mut both = Vec::new();
    for target in [Target::Sam, Target::CloudFormation] {
        let t = slsc::build(&c, target).unwrap();
        let kept: Vec<(String, String, String)> = t["Resources"]
            .as_object()
            .unwrap()
            .iter()
            .filter(|(_, r)| !r["DeletionPolicy"].is_null() || !r["UpdateReplacePolicy"].is_null())
            .map(|(id, r)| {
                let s = |v: &Value| v.as_str().unwrap_or("-").to_string();
                (
                    id.clone(),
                    s(&r["DeletionPolicy"]),
                    s(&r["UpdateReplacePolicy"]),
                )
            })
            .collect();
        both.push(kept);
    }
    assert_eq!(both[0], both[1], "the targets disagree");
    both.remove(0)
}

fn of(p: &[(String, String, String)], id: &str) -> String {
    let (_, d, u) = p
        .iter()
        .find(|(i, _, _)| i == id)
        .unwrap_or_else(|| panic!("{id} has no policies: {p:?}"));
    assert_eq!(d, u, "{id}: DeletionPolicy and UpdateReplacePolicy differ");
    d.clone()
}

const STATEFUL: &str = r#"
table T { key = { pk: string } }
bucket B
stream S
queue D { retention = 14d }
queue Q { dead_letter = D after 5 receives }
function F {
  handler = "f.handler"
  reads T
  writes B, S
  on Q
}
api A http { auth = iam, GET /x -> F }
"#;

#[test]
fn stateful_resources_are_retained_by_default() {
    let p = policies(&format!("app a {{ runtime = \"python3.13\" }}\n{STATEFUL}"));
    for id in [
        "EncryptionKey",
        "T",
        "B",
        "S",
        "D",
        "Q",
        "FLogGroup",
        "AAccessLogs",
    ] {
        assert_eq!(of(&p, id), "Retain", "{id}");
    }
    // Nothing else is kept: functions, roles, APIs, policies hold no data.
    assert_eq!(p.len(), 8, "{p:?}");
}

#[test]
fn delete_with_a_reason_opts_out_and_the_app_sets_the_default() {
    let spec = format!(
        "app a {{ runtime = \"python3.13\"\n on_delete = delete {{ reason = \"a test stack\" }} }}\n{STATEFUL}"
    );
    let p = policies(&spec);
    for id in [
        "EncryptionKey",
        "T",
        "B",
        "S",
        "D",
        "Q",
        "FLogGroup",
        "AAccessLogs",
    ] {
        assert_eq!(of(&p, id), "Delete", "{id}");
    }
    // One retained table keeps the key that encrypts it.
    let spec = spec.replace(
        "table T { key = { pk: string } }",
        "table T { key = { pk: string }, on_delete = retain }",
    );
    let p = policies(&spec);
    assert_eq!(of(&p, "T"), "Retain");
    assert_eq!(of(&p, "EncryptionKey"), "Retain");
    assert_eq!(of(&p, "Q"), "Delete");
    assert_eq!(of(&p, "FLogGroup"), "Delete");
}

#[test]
fn delete_without_a_reason_is_e0314_and_other_words_are_e0202() {
    for (value, code) in [
        ("delete", "E0314"),
        ("delete { reason = \"\" }", "E0314"),
        ("delete { reason = \"  \" }", "E0314"),
        ("keep", "E0202"),
        ("\"retain\"", "E0201"),
    ] {
        let c = compile(&format!(
            "app a {{ runtime = \"python3.13\" }}\nbucket B {{ on_delete = {value} }}\n"
        ));
        let codes: Vec<&str> = c.diagnostics.iter().map(|d| d.code).collect();
        assert!(codes.contains(&code), "{value}: {codes:?}");
    }
    // A topic keeps no messages: no `on_delete` there.
    let c = compile("app a { runtime = \"python3.13\" }\ntopic T { on_delete = retain }\n");
    assert!(c.diagnostics.iter().any(|d| d.code == "E0105"));
}

#[test]
fn on_replace_sets_the_replacement_policy_apart() {
    let app =
        "app a { runtime = \"python3.13\"\n on_delete = delete { reason = \"a test stack\" } }\n";
    // Kept on deletion, dropped when an update replaces it; and the other
    // way round, which keeps the key the replaced copy is encrypted with.
    let p = policies(&format!(
        "{app}{}",
        STATEFUL
            .replace(
                "table T { key = { pk: string } }",
                "table T { key = { pk: string }, on_delete = retain, on_replace = delete { reason = \"rebuilt from the stream\" } }",
            )
            .replace(
                "stream S",
                "stream S { on_replace = retain }",
            )
    ));
    let get = |id: &str| {
        p.iter()
            .find(|(i, _, _)| i == id)
            .map(|(_, d, u)| (d.as_str(), u.as_str()))
            .unwrap()
    };
    assert_eq!(get("T"), ("Retain", "Delete"));
    assert_eq!(get("S"), ("Delete", "Retain"));
    assert_eq!(get("B"), ("Delete", "Delete"));
    assert_eq!(get("EncryptionKey"), ("Retain", "Retain"));
    // The reason is required as for `on_delete`.
    let c = compile(&format!(
        "{app}table T {{ key = {{ pk: string }}, on_replace = delete }}\nfunction F {{ handler = \"f.h\"\n reads T }}\n"
    ));
    assert!(
        c.diagnostics
            .iter()
            .any(|d| d.code == "E0314" && d.message.contains("on_replace")),
        "{}",
        common::rendered(&c)
    );
}
