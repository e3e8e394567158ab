//! `slsc diff OLD NEW`: what changes between two versions of a spec would
//! break the deployed stack. The fixtures of its codes are
//! `tests/diff/CODE/` (`before.sls`, `bad.sls`, `fixed.sls`).

#[path = "support/common.rs"]
mod common;

use std::path::Path;
use std::process::Command;

fn diff_of(old: &str, new: &str) -> Vec<slsc::Diagnostic> {
    let before = slsc::compile_source("before.sls", None, old.to_string(), common::options());
    let after = slsc::compile_source("after.sls", None, new.to_string(), common::options());
    assert!(!before.has_errors(), "{}", common::rendered(&before));
    assert!(!after.has_errors(), "{}", common::rendered(&after));
    slsc::diff(&before, &after)
}

#[test]
fn the_fixtures_fire_and_their_fix_does_not() {
    let dir = Path::new("tests/diff/W0119");
    let before = common::compile(&dir.join("before.sls"));
    let bad = common::compile(&dir.join("bad.sls"));
    let fixed = common::compile(&dir.join("fixed.sls"));
    let found = slsc::diff(&before, &bad);
    assert!(found.iter().all(|d| d.code == "W0119"), "{found:?}");
    assert_eq!(found.len(), 1);
    let rendered = slsc::diagnostics::render(&bad.sources, &found, Default::default());
    insta::assert_snapshot!("diff_W0119", rendered);
    assert!(slsc::diff(&before, &fixed).is_empty());
}

const TABLE: &str = "app a { runtime = \"python3.13\" }\n\
    table T { name = \"orders\", key = { id: string } }\n\
    function F { handler = \"f.handler\", external = true, writes T }\n";

#[test]
fn a_named_table_whose_key_changes_is_reported_once() {
    let new = TABLE.replace("id: string", "id: number");
    let found = diff_of(TABLE, &new);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0]
            .message
            .contains("from { id: string } to { id: number }"),
        "{}",
        found[0].message
    );
}

#[test]
fn unnamed_renamed_or_unchanged_tables_are_not_reported() {
    let unnamed_old = TABLE.replace("name = \"orders\", ", "");
    let unnamed_new = unnamed_old.replace("id: string", "pk: string");
    assert!(diff_of(&unnamed_old, &unnamed_new).is_empty());
    // A new name: CloudFormation creates the new table first.
    let renamed = TABLE
        .replace("\"orders\"", "\"orders-v2\"")
        .replace("id: string", "pk: string");
    assert!(diff_of(TABLE, &renamed).is_empty());
    assert!(diff_of(TABLE, TABLE).is_empty());
}

#[test]
fn slsc_diff_exits_1_on_a_breaking_change_and_0_otherwise() {
    let run = |new: &str| {
        Command::new(env!("CARGO_BIN_EXE_slsc"))
            .current_dir(common::root())
            .args([
                "diff",
                "--color",
                "never",
                "tests/diff/W0119/before.sls",
                new,
            ])
            .output()
            .unwrap()
    };
    let bad = run("tests/diff/W0119/bad.sls");
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stdout).contains("W0119"));
    let fixed = run("tests/diff/W0119/fixed.sls");
    assert_eq!(
        fixed.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&fixed.stdout)
    );
}
