//! One fixture folder per diagnostic code, `tests/diagnostics/CODE/`:
//! `bad.sls` must raise the code (its rendered diagnostics are snapshotted),
//! `fixed.sls` must not raise it and must have no errors at all. A code that
//! fires for several distinct reasons has one more firing fixture per reason,
//! `bad-REASON.sls`, each snapshotted as `diagnostic_CODE-REASON`.

mod common;

use slsc::diagnostics::codes;
use std::path::Path;

/// Codes that only `slsc check --with cfn-lint` reports: their fixtures are
/// `tests/mapping/`, checked in CI by `scripts/check-mapping.py`, where
/// cfn-lint is installed.
const EXTERNAL: &[&str] = &["E0901", "W0902"];

#[test]
fn every_code_fires_on_its_fixture_and_not_on_the_fix() {
    let mut failures = Vec::new();
    for info in codes::ALL.iter().filter(|i| !EXTERNAL.contains(&i.code)) {
        let dir = Path::new("tests/diagnostics").join(info.code);
        let bad = dir.join("bad.sls");
        let fixed = dir.join("fixed.sls");
        if !common::root().join(&bad).exists() || !common::root().join(&fixed).exists() {
            failures.push(format!(
                "{}: missing {}/bad.sls or fixed.sls",
                info.code,
                dir.display()
            ));
            continue;
        }
        for (suffix, bad) in bad_fixtures(&dir) {
            let c = common::compile(&bad);
            if !c.diagnostics.iter().any(|d| d.code == info.code) {
                failures.push(format!(
                    "{}: {} does not raise it:\n{}",
                    info.code,
                    bad.display(),
                    common::rendered(&c)
                ));
            }
            insta::assert_snapshot!(
                format!("diagnostic_{}{suffix}", info.code),
                common::rendered(&c)
            );
        }
        let c = common::compile(&fixed);
        if c.diagnostics
            .iter()
            .any(|d| d.code == info.code || d.is_error())
        {
            failures.push(format!(
                "{}: fixed.sls still has problems:\n{}",
                info.code,
                common::rendered(&c)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The firing fixtures of a code's folder, sorted: `bad.sls` (suffix ``),
/// then every `bad-REASON.sls` (suffix `-REASON`), as paths from the root.
fn bad_fixtures(dir: &Path) -> Vec<(String, std::path::PathBuf)> {
    let mut out: Vec<(String, std::path::PathBuf)> = std::fs::read_dir(common::root().join(dir))
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    let stem = name.strip_suffix(".sls")?;
                    let suffix = match stem.strip_prefix("bad") {
                        Some("") => String::new(),
                        Some(rest) if rest.starts_with('-') => rest.to_string(),
                        _ => return None,
                    };
                    Some((suffix, dir.join(&name)))
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

#[test]
fn every_code_has_a_documentation_page() {
    for info in codes::ALL {
        let page = common::root()
            .join("docs/errors")
            .join(format!("{}.md", info.code));
        let text = std::fs::read_to_string(&page).unwrap_or_default();
        assert_eq!(
            text,
            info.explanation,
            "{} is out of date in the binary",
            page.display()
        );
        assert!(
            text.starts_with(&format!("# {}: ", info.code))
                && text.contains("## Example")
                && text.contains("## How to fix"),
            "{} must start with `# {}: title` and have `## Example` and `## How to fix` sections",
            page.display(),
            info.code
        );
    }
}
