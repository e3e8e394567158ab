//! The stages' boundaries, read from the source: data flows one way
//! (source → syntax tree → model → checked model → IAM and CloudFormation
//! → text), so an earlier stage never names a later one, and naming sits
//! below them all. See `docs/architecture.md`.

#[path = "support/common.rs"]
mod common;

use std::collections::BTreeSet;
use std::path::Path;

/// The text of the files of module `module` (its file and its folder),
/// without their unit tests: a test may drive a later stage to see what
/// the module produces (a pattern rendered as emit writes it).
fn sources(module: &str) -> Vec<(std::path::PathBuf, String)> {
    let src = common::root().join("compiler/src");
    let mut files = vec![src.join(format!("{module}.rs"))];
    let mut dirs = vec![src.join(module)];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.filter_map(Result::ok) {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                files.push(p);
            }
        }
    }
    files
        .into_iter()
        .filter(|f| Path::new(f).exists())
        .map(|f| {
            let text = std::fs::read_to_string(&f).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or("").to_string();
            (f, code)
        })
        .collect()
}

/// The `crate::NAME` modules that the files of module `module` refer to.
fn uses(module: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (_, text) in sources(module) {
        for (i, _) in text.match_indices("crate::") {
            let name: String = text[i + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() && name != module {
                out.insert(name);
            }
        }
    }
    out
}

#[test]
fn earlier_stages_never_name_later_ones() {
    // What each early module may use; anything else (emit, iam, limits,
    // provenance, report, permissions, schema, openapi, matcher, load, the
    // CLI) is later than it.
    let allowed: &[(&str, &[&str])] = &[
        ("source", &[]),
        ("ast", &["source"]),
        ("diagnostics", &["source"]),
        ("files", &["source"]),
        ("syntax", &["ast", "diagnostics", "source"]),
        ("model", &["ast", "source"]),
        ("naming", &["ast", "model"]),
        ("observe", &["ast", "model", "naming", "source"]),
        (
            "resolve",
            &["ast", "diagnostics", "model", "naming", "source", "stdlib"],
        ),
        (
            "check",
            &[
                "ast",
                "config",
                "diagnostics",
                "model",
                "naming",
                "observe",
                "source",
            ],
        ),
        ("iam", &["ast", "model", "naming", "observe", "source"]),
    ];
    let mut wrong = Vec::new();
    for (module, may) in allowed {
        for used in uses(module) {
            if !may.contains(&used.as_str()) {
                wrong.push(format!("{module} uses crate::{used}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn check_proves_patterns_and_emit_renders_them() {
    // check keeps a resource attribute in a pattern as the attribute it is,
    // and patterns as typed documents; only emit writes them as JSON, with
    // the CloudFormation intrinsic of each attribute.
    let mut wrong = Vec::new();
    let checks = sources("check")
        .into_iter()
        .map(|f| (f, &["naming::refs"][..]));
    let patterns = sources("check/patterns")
        .into_iter()
        .map(|f| (f, &["serde_json::Value", "serde_json::Map", "json!"][..]));
    for ((file, text), banned) in checks.chain(patterns) {
        for bad in banned {
            if text.contains(bad) {
                wrong.push(format!("{}: {bad}", file.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_library_neither_prints_nor_runs_programs() {
    let src = common::root().join("compiler/src");
    let mut wrong = Vec::new();
    let mut dirs = vec![src.clone()];
    while let Some(dir) = dirs.pop() {
        for e in std::fs::read_dir(&dir).unwrap().filter_map(Result::ok) {
            let p = e.path();
            let rel = p.strip_prefix(&src).unwrap().to_string_lossy().into_owned();
            // The binary: `main.rs`, `cli.rs` and `cli/`.
            if rel == "main.rs" || rel == "cli.rs" || rel == "cli" {
                continue;
            }
            if p.is_dir() {
                dirs.push(p);
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            for bad in [
                "std::process::Command",
                "std::env::var",
                "println!",
                "eprintln!",
            ] {
                // Unit tests may print.
                let code = text.split("#[cfg(test)]").next().unwrap_or("");
                if code.contains(bad) {
                    wrong.push(format!("{rel}: {bad}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
