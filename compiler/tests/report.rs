//! The machine-readable reports: every format snapshotted on a fixture with
//! errors and warnings, and the committed JSON Schema of the JSON report
//! kept equal to what the types generate.

#[path = "support/common.rs"]
mod common;

use std::path::Path;

fn checked() -> (slsc::Compilation, String) {
    let file = "tests/report/mixed.sls";
    (common::compile(Path::new(file)), file.to_string())
}

fn report_of(c: &slsc::Compilation, file: &str) -> slsc::report::Report {
    let windows = c.retry_windows();
    slsc::report::report(&[slsc::report::Checked {
        file: file.into(),
        sources: &c.sources,
        diagnostics: &c.diagnostics,
        retry_windows: &windows,
    }])
}

#[test]
fn fixture_has_errors_and_warnings() {
    let (c, file) = checked();
    let r = report_of(&c, &file);
    assert!(
        r.summary.errors > 0 && r.summary.warnings > 0,
        "{:?}",
        r.summary
    );
}

#[test]
fn json_report() {
    let (c, file) = checked();
    insta::assert_snapshot!(serde_json::to_string_pretty(&report_of(&c, &file)).unwrap());
}

#[test]
fn sarif_report() {
    let (c, file) = checked();
    let sarif = slsc::report::sarif(
        &report_of(&c, &file),
        Some("https://example.com/slsc/errors/"),
    );
    insta::assert_snapshot!(serde_json::to_string_pretty(&sarif).unwrap());
}

#[test]
fn github_report() {
    let (c, file) = checked();
    insta::assert_snapshot!(slsc::report::github(&report_of(&c, &file)));
}

#[test]
fn human_report() {
    let (c, _) = checked();
    insta::assert_snapshot!(common::rendered(&c));
}

/// `SLSC_UPDATE_SCHEMAS=1 cargo test --test report` rewrites the file.
#[test]
fn committed_report_schema_matches_the_types() {
    let path = common::root().join("docs/schemas/report.schema.json");
    let generated = serde_json::to_string_pretty(&slsc::report::report_schema()).unwrap() + "\n";
    if std::env::var_os("SLSC_UPDATE_SCHEMAS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        committed, generated,
        "docs/schemas/report.schema.json is out of date: run `SLSC_UPDATE_SCHEMAS=1 cargo test --test report`"
    );
}

#[test]
fn json_report_lists_each_asynchronous_hop_with_its_retry_window() {
    let file = "examples/media-pipeline/app.sls";
    let c = common::compile(Path::new(file));
    let report = serde_json::to_value(report_of(&c, file)).unwrap();
    let windows = report["retry_windows"].as_array().unwrap();
    let hop = |path: &str, kind: &str| {
        windows
            .iter()
            .find(|w| w["path"] == path && w["kind"] == kind)
            .unwrap_or_else(|| panic!("no {kind} hop {path} in {windows:#?}"))
            .clone()
    };
    let hourly = hop("schedule Hourly -> HourlyStats", "schedule_target");
    assert_eq!(hourly["seconds"], 3_600);
    assert_eq!(hourly["failures"], "drop");
    assert_eq!(
        hourly["reason"],
        "the next hourly run recomputes the same statistics"
    );
    let upload = hop("bucket Uploads -> Transcode", "async_invocation");
    assert_eq!(upload["seconds"], 3_600);
    assert_eq!(upload["failures"], "Failures");
    let stream = hop("Assets.stream -> IndexAsset", "stream");
    assert_eq!(stream["duration"], "1h");
    assert_eq!(stream["failures"], "IndexFailures");
    let audit = hop("queue Audit -> RecordAudit", "queue");
    assert_eq!(audit["seconds"], 300);
    // A spec with errors has no retry windows: its model may be incomplete.
    let (c, file) = checked();
    assert_eq!(report_of(&c, &file).retry_windows.len(), 0);
}
