//! Scale benchmark: wall time and peak memory of generated specs of several
//! shapes, so that a superlinear path in any of them shows:
//!
//! - `wide`: N functions, each with a queue trigger, a table write, an
//!   emitted event, a route and a rule (one-to-one wiring); `check`,
//!   `build` (both targets, YAML) and `cost` (the estimate, as text);
//! - `fan-in`: N rules sharing one target queue and one dead-letter queue,
//!   with one consumer; `check` and `build`;
//! - `dotted`: a rule pattern on a field N segments deep (E0401) and an
//!   environment reference N attributes long (E0108); `check`;
//! - `staged`: `wide` declared for two stages (`stage dev`, `stage prod`),
//!   each worker with a per-stage `memory` and an alias shifted at once in
//!   dev and by a canary in prod; `check` (every stage) and `build` (prod);
//! - `warnings`: N functions with three warnings each (W0302, W0326, W0327), reported in each
//!   format of `slsc check`: `human`, `json`, `sarif`, `github` (the time
//!   includes compiling).
//!
//! `cargo bench --bench scale` runs every measurement in a child process of
//! its own, so that each peak-memory figure (VmHWM) belongs to one
//! measurement alone. `cargo bench --bench scale -- wide 1000 check` runs
//! one.

mod shapes;

use shapes::{dotted, fan_in, staged, warnings, wide};
use std::process::Command;
use std::time::Instant;

/// Peak resident memory of this process, from /proc (Linux), in MB.
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn measure(shape: &str, n: usize, stage: &str) {
    let text = match shape {
        "wide" => wide(n),
        "staged" => staged(n),
        "fan-in" => fan_in(n),
        "dotted" => dotted(n),
        "warnings" => warnings(n),
        _ => panic!("unknown shape {shape}"),
    };
    let lines = text.lines().count();
    let mut opts = slsc::CheckOptions::new(slsc::Date::parse("2026-11-23").unwrap());
    // A template is one stage's: `build` builds prod; `check` checks both.
    if shape == "staged" && stage == "build" {
        opts.stage = Some("prod".to_string());
    }
    let start = Instant::now();
    let c = slsc::compile_source("bench.sls", None, text, opts);
    let errors: Vec<&str> = c
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.code)
        .collect();
    // Sound but for its size (E0313: a thousand functions do not fit one
    // stack), or, for `dotted`, its over-long reference and field.
    let expected: &[&str] = match shape {
        "dotted" => &["E0108", "E0401"],
        _ => &["E0313"],
    };
    assert!(
        errors.iter().all(|c| expected.contains(c)),
        "generated spec must be valid but for {expected:?}: {errors:?}"
    );
    let mut bytes = 0;
    match stage {
        "check" => {}
        "cost" => {
            // What `slsc cost` does past its error gate: the template's
            // fixed items, the traffic along the graph, the text.
            let t = slsc::emit::emit(&c.model, &c.proved, slsc::Target::CloudFormation)
                .expect("no logical ID clash")
                .template;
            let prices = slsc::cost::prices::table("us-east-1").expect("prices");
            let estimate = slsc::cost::estimate(&slsc::cost::Inputs {
                model: &c.model,
                template: &t,
                prices: &prices,
                region_from: slsc::cost::RegionFrom::Default,
            });
            let report = slsc::cost::CostReport {
                estimates: vec![estimate],
            };
            bytes = slsc::cost::human(&report).len();
        }
        "build" => {
            // What `build` does past its error gate: emit and write.
            for target in [slsc::Target::Sam, slsc::Target::CloudFormation] {
                let t = slsc::emit::emit(&c.model, &c.proved, target)
                    .expect("no logical ID clash")
                    .template;
                bytes += slsc::emit::write(&t, slsc::Format::Yaml).len();
            }
        }
        format => {
            // What `slsc check --format F` prints.
            let windows = c.retry_windows();
            let checked = [slsc::report::Checked {
                file: "bench.sls".into(),
                sources: &c.sources,
                diagnostics: &c.diagnostics,
                retry_windows: &windows,
            }];
            let report = slsc::report::report(&checked);
            bytes = match format {
                "human" => {
                    slsc::diagnostics::render(&c.sources, &c.diagnostics, Default::default()).len()
                }
                "json" => serde_json::to_string_pretty(&report).unwrap().len(),
                "sarif" => serde_json::to_string_pretty(&slsc::report::sarif(&report, None))
                    .unwrap()
                    .len(),
                "github" => slsc::report::github(&report).len(),
                _ => panic!("unknown stage {format}"),
            };
        }
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let peak = peak_mb().map_or("n/a".to_string(), |m| format!("{m:.0} MB"));
    let out = if bytes > 0 {
        format!(", {:.1} MB of output", bytes as f64 / 1e6)
    } else {
        String::new()
    };
    let found = c.diagnostics.len();
    println!(
        "{shape:<8} {n:>6} ({lines} lines, {found} diagnostics)  {stage:<6}  {ms:>9.1} ms  peak {peak}{out}"
    );
}

/// Every measurement `cargo bench --bench scale` makes.
const RUNS: &[(&str, &str, &[&str])] = &[
    ("wide", "1000", &["check", "build", "cost"]),
    ("wide", "10000", &["check", "build", "cost"]),
    ("staged", "1000", &["check", "build"]),
    ("staged", "10000", &["check", "build"]),
    ("fan-in", "1000", &["check", "build"]),
    ("fan-in", "8000", &["check", "build"]),
    ("dotted", "10000", &["check"]),
    ("dotted", "100000", &["check"]),
    ("warnings", "1000", &["human", "json", "sarif", "github"]),
    ("warnings", "10000", &["human", "json", "sarif", "github"]),
];

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    if let [shape, n, stage] = args.as_slice() {
        measure(shape, n.parse().expect("a count"), stage);
        return;
    }
    let exe = std::env::current_exe().expect("own path");
    for (shape, n, stages) in RUNS {
        for stage in *stages {
            let status = Command::new(&exe)
                .args([shape, n, stage])
                .status()
                .expect("run measurement");
            assert!(status.success(), "measurement {shape} {n} {stage} failed");
        }
    }
}
