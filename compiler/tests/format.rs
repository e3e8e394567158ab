//! The formatter over every spec of the repository that parses (examples,
//! the standard library, real-world specs, diagnostic fixtures, test specs):
//! formatting twice changes nothing more, and the formatted spec compiles
//! to the same diagnostics and builds to the same template, byte for byte,
//! in both targets and every stage. Plus `slsc fmt` through the binary.

#[path = "support/common.rs"]
mod common;

use slsc::{Compilation, Format, Target};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Every `.sls` file of the repository's spec folders, from the root.
fn specs() -> Vec<PathBuf> {
    let root = common::root();
    let folders: Vec<PathBuf> = [
        "examples",
        "stdlib",
        "tests",
        "docs/getting-started",
        "compiler/templates",
    ]
    .iter()
    .map(|f| root.join(f))
    .collect();
    slsc::sls_files(&folders)
        .unwrap()
        .into_iter()
        .map(|p| p.strip_prefix(&root).unwrap().to_path_buf())
        .collect()
}

/// What a compilation says and builds: its diagnostics (code, message and
/// line) and, without errors, its template in both targets.
fn outcome(c: &Compilation) -> Vec<String> {
    let mut out: Vec<String> = c
        .diagnostics
        .iter()
        .map(|d| format!("{} {}", d.code, d.message))
        .collect();
    if !c.has_errors() && c.stages.is_empty() {
        for target in [Target::Sam, Target::CloudFormation] {
            match slsc::build_text(c, target, Format::Yaml, None) {
                Ok((_, text)) => out.push(text),
                Err(e) => out.push(format!("build error: {e:?}")),
            }
        }
    }
    out
}

fn compile_text(rel: &Path, text: &str, stage: Option<&str>) -> Compilation {
    let mut opts = common::options();
    opts.stage = stage.map(str::to_string);
    slsc::compile_source(
        &rel.display().to_string(),
        Some(&common::root().join(rel)),
        text.to_string(),
        opts,
    )
}

#[test]
fn formatting_is_idempotent_and_never_changes_meaning() {
    let mut formatted = 0;
    let mut changed = 0;
    for rel in specs() {
        // Fixtures of invalid UTF-8 (E0011) are not specs to format.
        let Ok(text) = std::fs::read_to_string(common::root().join(&rel)) else {
            continue;
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let Ok(once) = slsc::format(text) else {
            // Fixtures of syntax errors: left alone, their errors reported.
            continue;
        };
        formatted += 1;
        assert_eq!(
            slsc::format(&once).as_deref(),
            Ok(once.as_str()),
            "{}: formatting the formatted spec changed it",
            rel.display()
        );
        if once == text {
            continue;
        }
        changed += 1;
        let before = compile_text(&rel, text, None);
        let after = compile_text(&rel, &once, None);
        let stages: Vec<String> = before.stages.iter().map(|s| s.name.clone()).collect();
        let mut runs = vec![(before, after)];
        for s in &stages {
            runs.push((
                compile_text(&rel, text, Some(s)),
                compile_text(&rel, &once, Some(s)),
            ));
        }
        for (b, a) in runs {
            // Templates byte for byte; diagnostics by code and message
            // (their lines may move).
            let strip = |o: Vec<String>| -> Vec<String> {
                o.into_iter()
                    .map(|s| s.split(" (line ").next().unwrap_or(&s).to_string())
                    .collect()
            };
            assert_eq!(
                strip(outcome(&b)),
                strip(outcome(&a)),
                "{}: formatting changed what it compiles to",
                rel.display()
            );
        }
    }
    assert!(formatted > 100, "only {formatted} specs formatted");
    eprintln!("{formatted} specs formatted, {changed} changed by it");
}

fn slsc(args: &[&str], dir: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_slsc"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

#[test]
fn fmt_rewrites_checks_and_leaves_broken_specs_alone() {
    let dir = std::env::temp_dir().join(format!("slsc-fmt-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("specs/nested")).unwrap();
    let messy =
        "queue Q{retention=4d}\n\n\n\nfunction F {\nhandler=\"f.h\"\n on Q { batch = 10 }\n}\n";
    let clean = "queue Q { retention = 4d }\n\nfunction F {\n  handler = \"f.h\"\n  on Q { batch = 10 }\n}\n";
    std::fs::write(dir.join("specs/a.sls"), messy).unwrap();
    std::fs::write(dir.join("specs/nested/b.sls"), clean).unwrap();
    std::fs::write(dir.join("specs/broken.sls"), "queue Q {\n  retention =\n").unwrap();

    let check = slsc(&["fmt", "--check", "specs"], &dir);
    assert_eq!(check.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(stdout.contains("would reformat specs/a.sls"), "{stdout}");
    assert!(!stdout.contains("b.sls"), "{stdout}");
    assert!(
        stdout.contains("1 of 3 files would be reformatted"),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(stderr.contains("E0001"), "{stderr}");
    assert!(
        stderr.contains("specs/broken.sls: not formatted: it does not parse"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("specs/a.sls")).unwrap(),
        messy
    );

    let write = slsc(&["fmt", "specs/a.sls", "specs/nested"], &dir);
    assert_eq!(write.status.code(), Some(0), "{write:?}");
    assert_eq!(
        std::fs::read_to_string(dir.join("specs/a.sls")).unwrap(),
        clean
    );
    let again = slsc(
        &["fmt", "--check", "specs/a.sls", "specs/nested/b.sls"],
        &dir,
    );
    assert_eq!(again.status.code(), Some(0));

    // A broken spec is not touched, and fails the run.
    let broken = slsc(&["fmt", "specs/broken.sls"], &dir);
    assert_eq!(broken.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(dir.join("specs/broken.sls")).unwrap(),
        "queue Q {\n  retention =\n"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
