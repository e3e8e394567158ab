//! Every example builds without errors, to both targets, and its templates
//! are snapshotted. The external validation (cfn-lint, SAM translator) runs
//! in `.ci/run` through `scripts/validate-examples.sh`.

#[path = "support/common.rs"]
mod common;

use slsc::{Format, Target};
use std::path::Path;

#[test]
fn examples_build_to_both_targets() {
    let names = common::examples();
    assert!(
        names.len() >= 3,
        "expected at least three examples, found {names:?}"
    );
    for name in names {
        let rel = Path::new("examples").join(&name).join("app.sls");
        let c = common::compile(&rel);
        assert!(
            c.diagnostics.is_empty(),
            "{name}:\n{}",
            common::rendered(&c)
        );
        // Every stage of an example with stages, each a template of its own.
        let stages: Vec<Option<String>> = match c.stages.is_empty() {
            true => vec![None],
            false => c.stages.iter().map(|s| Some(s.name.clone())).collect(),
        };
        for stage in stages {
            let c = match &stage {
                None => common::compile(&rel),
                Some(stage) => common::compile_stage(&rel, stage),
            };
            let label = match &stage {
                None => name.clone(),
                Some(stage) => format!("{name}.{stage}"),
            };
            for (target, suffix) in [(Target::Sam, "sam"), (Target::CloudFormation, "cfn")] {
                let template = slsc::build(&c, target).expect("no errors");
                insta::assert_snapshot!(
                    format!("{label}.{suffix}"),
                    slsc::emit::write(&template, Format::Yaml)
                );
            }
        }
    }
}

#[test]
fn output_is_byte_identical_across_runs() {
    for name in common::examples() {
        let path = Path::new("examples").join(&name).join("app.sls");
        // Every output of the example: both targets, both formats.
        let outputs = || -> Vec<String> {
            [Target::Sam, Target::CloudFormation]
                .into_iter()
                .flat_map(|t| {
                    let c = common::compile(&path);
                    let tpl = slsc::build(&c, t).unwrap();
                    [
                        slsc::emit::write(&tpl, Format::Yaml),
                        slsc::emit::write(&tpl, Format::Json),
                    ]
                })
                .collect()
        };
        let first = outputs();
        for _ in 0..3 {
            let again = outputs();
            assert_eq!(first, again, "{name} output differs between runs");
        }
    }
}

/// The `sls` code blocks of a markdown file.
fn sls_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match (&mut current, line.trim_start()) {
            (None, l) if l.starts_with("```sls") => current = Some(String::new()),
            (Some(_), l) if l.starts_with("```") => blocks.push(current.take().unwrap()),
            (Some(b), _) => {
                b.push_str(line);
                b.push('\n');
            }
            _ => {}
        }
    }
    blocks
}

#[test]
fn documented_specs_compile_without_errors() {
    for doc in ["README.md", "docs/language.md"] {
        let Ok(text) = std::fs::read_to_string(common::root().join(doc)) else {
            panic!("{doc} is missing");
        };
        let blocks = sls_blocks(&text);
        assert!(!blocks.is_empty(), "{doc} has no sls example");
        for (i, block) in blocks.into_iter().enumerate() {
            // A block that uses other files shows a layout of several files;
            // it cannot compile on its own.
            if block.contains("use \"") {
                continue;
            }
            let c = slsc::compile_source(
                &format!("{doc} block {}", i + 1),
                None,
                block,
                common::options(),
            );
            assert!(
                !c.has_errors(),
                "{doc}, sls block {}:\n{}",
                i + 1,
                common::rendered(&c)
            );
        }
    }
}

/// The compiled event pattern of every rule of every example, in one
/// snapshot per example: the patterns are the contract with EventBridge.
#[test]
fn rule_patterns_are_snapshotted() {
    for name in common::examples() {
        let c = common::compile(&Path::new("examples").join(&name).join("app.sls"));
        let patterns: serde_json::Map<String, serde_json::Value> = c
            .model
            .rules
            .iter()
            .enumerate()
            .map(|(i, r)| {
                (
                    r.name.clone(),
                    c.proved
                        .pattern(i)
                        .map(|p| slsc::emit::pattern_json(&c.model, p))
                        .unwrap_or_default(),
                )
            })
            .collect();
        insta::assert_snapshot!(
            format!("{name}.patterns"),
            serde_json::to_string_pretty(&serde_json::Value::Object(patterns)).unwrap()
        );
    }
}

/// docs/getting-started.md shows docs/getting-started/app.sls and its
/// handlers whole; the spec compiles without a diagnostic and builds in
/// both targets (the plain one with the `CodeBucket` and `CodeKeyPrefix`
/// parameters the page deploys with), and the retry window the page
/// quotes is the one `slsc check` prints: the page a newcomer follows
/// cannot rot.
#[test]
fn the_getting_started_spec_is_the_one_documented_and_compiles_cleanly() {
    let rel = "docs/getting-started/app.sls";
    let read = |p: &str| std::fs::read_to_string(common::root().join(p)).unwrap();
    let spec = read(rel);
    let page = read("docs/getting-started.md");
    assert!(
        sls_blocks(&page).contains(&spec),
        "docs/getting-started.md does not show {rel} as it is"
    );
    let handlers = read("docs/getting-started/src/orders.mjs");
    assert!(
        page.contains(&format!("```js\n{handlers}```")),
        "docs/getting-started.md does not show src/orders.mjs as it is"
    );
    let c = common::compile(Path::new(rel));
    assert!(c.diagnostics.is_empty(), "{}", common::rendered(&c));
    for target in [Target::Sam, Target::CloudFormation] {
        let yaml = slsc::emit::write(&slsc::build(&c, target).expect("builds"), Format::Yaml);
        if target == Target::CloudFormation {
            for shown in [
                "  CodeBucket:\n",
                "  CodeKeyPrefix:\n",
                "${CodeKeyPrefix}src.zip",
            ] {
                assert!(yaml.contains(shown), "the page shows {shown:?}");
            }
        }
    }
    // The note as `slsc check app.sls` prints it from the spec's folder.
    let windows = c.retry_windows();
    let report = slsc::report::report(&[slsc::report::Checked {
        file: rel.into(),
        sources: &c.sources,
        diagnostics: &c.diagnostics,
        retry_windows: &windows,
    }]);
    let note = slsc::report::retry_note(&report).replace(rel, "app.sls");
    assert!(!windows.is_empty(), "the spec has its queue's retry window");
    for line in note.lines() {
        assert!(
            page.contains(line.trim_start()),
            "docs/getting-started.md does not quote `slsc check`'s {line:?}"
        );
    }
}
