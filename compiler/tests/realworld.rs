//! The specs of `tests/realworld/`: real public SAM and CloudFormation
//! templates written in `.sls` (see `docs/coverage.md`). Each compiles from
//! disk (so that `code` folders are checked) without errors and builds to
//! both targets. The external validation (cfn-lint, SAM translator) runs in
//! `.ci/run` through `scripts/validate-examples.sh`.

#[path = "support/common.rs"]
mod common;

use slsc::{Severity, Target};
use std::path::{Path, PathBuf};

/// `tests/realworld/*.sls`, by path from the repository root, sorted.
fn specs() -> Vec<PathBuf> {
    let dir = Path::new("tests").join("realworld");
    let mut specs: Vec<PathBuf> = std::fs::read_dir(common::root().join(&dir))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".sls"))
        .map(|name| dir.join(name))
        .collect();
    specs.sort();
    specs
}

#[test]
fn realworld_specs_build_to_both_targets() {
    let specs = specs();
    assert!(
        specs.len() >= 10,
        "expected at least ten real-world specs, found {specs:?}"
    );
    for spec in specs {
        let c = common::compile(&spec);
        assert!(
            !c.diagnostics.iter().any(|d| d.severity == Severity::Error),
            "{}:\n{}",
            spec.display(),
            common::rendered(&c)
        );
        for target in [Target::Sam, Target::CloudFormation] {
            assert!(
                slsc::build(&c, target).is_ok(),
                "{}: build to {target:?} failed",
                spec.display()
            );
        }
    }
}
