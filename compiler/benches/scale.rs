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

use std::fmt::Write;
use std::process::Command;
use std::time::Instant;

/// A spec with `n` functions and their queues, tables, events and rules,
/// each worker's rule feeding the next worker.
fn wide(n: usize) -> String {
    let mut s = String::with_capacity(n * 600);
    s.push_str("app bench {\n  runtime = \"python3.13\"\n  timeout = 10s\n}\n\nbus Events\n\n");
    s.push_str("queue Failures { retention = 14d }\n\n");
    // An HTTP API takes 300 routes: 250 per API.
    for (a, chunk) in (0..n).collect::<Vec<_>>().chunks(250).enumerate() {
        let _ = writeln!(s, "api Public{a} http {{\n  auth = iam");
        for i in chunk {
            let _ = writeln!(s, "  GET /items{i}/{{id}} -> Get{i} {{ traffic = 10/s }}");
        }
        s.push_str("}\n\n");
    }
    for i in 0..n {
        // Each worker's event feeds the next worker's queue: one long chain
        // through the event graph, not a loop (the last feeds `Failures`).
        let next = if i + 1 < n {
            format!("Work{}", i + 1)
        } else {
            "Failures".to_string()
        };
        let _ = write!(
            s,
            "event Item{i}Changed from \"bench.items\" {{\n  id: string\n  qty: int\n  kind: \"a\" | \"b\"\n}}\n\n\
             table Items{i} {{\n  key = {{ pk: string, sk: number }}\n}}\n\n\
             queue Work{i}Dlq {{ retention = 14d }}\n\
             queue Work{i} {{\n  visibility_timeout = 60s\n  dead_letter = Work{i}Dlq after 5 receives\n}}\n\n\
             function Get{i} {{\n  handler = \"get.handler\"\n  env {{ TABLE = Items{i}.name }}\n  reads Items{i}\n}}\n\n\
             function Worker{i} {{\n  handler = \"worker.handler\"\n  memory = 256MB\n  env {{ TABLE = Items{i}.name }}\n  \
             on Work{i} {{ batch = 10, partial_failures = true }}\n  writes Items{i}\n  emits Item{i}Changed to Events\n}}\n\n\
             rule Route{i} on Events {{\n  match Item{i}Changed where qty > 10 and kind = \"a\"\n  send to {next}\n}}\n\n"
        );
    }
    s
}

/// `wide` for two stages: a per-stage memory and a deployment per worker.
fn staged(n: usize) -> String {
    let mut s = String::from("stage dev\nstage prod\n\n");
    s.push_str(&wide(n).replace(
        "  memory = 256MB\n",
        "  memory = stage { dev = 256MB, prod = 1024MB }\n  alias = live\n  \
         deploy = stage { dev = all_at_once, prod = canary { percent = 10, interval = 5m } }\n",
    ));
    s
}

/// `n` rules on one bus, all sending to one queue with one dead-letter
/// queue for their failures.
fn fan_in(n: usize) -> String {
    let mut s = String::with_capacity(n * 120);
    s.push_str("app bench {\n  runtime = \"python3.13\"\n  timeout = 10s\n}\n\nbus Events\n\n");
    s.push_str(
        "event Changed from \"bench.items\" external {\n  qty: int\n  kind: \"a\" | \"b\"\n}\n\n",
    );
    s.push_str("queue Dlq { retention = 14d }\nqueue Work {\n  visibility_timeout = 60s\n  dead_letter = Dlq after 5 receives\n}\n\n");
    s.push_str("function Worker {\n  handler = \"worker.handler\"\n  on Work { batch = 10, partial_failures = true }\n}\n\n");
    for i in 0..n {
        let _ = write!(
            s,
            "rule Route{i} on Events {{\n  match Changed where qty > {i} and kind = \"a\"\n  send to Work\n  dead_letter = Dlq\n}}\n\n"
        );
    }
    s
}

/// A pattern on a field `n` segments deep (E0401: the event's field is a
/// string), and a reference `n` attributes long (E0108: references have
/// one attribute).
fn dotted(n: usize) -> String {
    let path = vec!["x"; n].join(".");
    format!(
        "app bench {{\n  runtime = \"python3.13\"\n}}\n\nbus Events\nqueue Work\n\n\
         event Changed from \"bench\" external {{\n  x: string\n}}\n\n\
         function F {{\n  handler = \"f.handler\"\n  env {{ X = Work.{path} }}\n  sends to Work\n}}\n\n\
         rule Route on Events {{\n  match Changed where {path} exists\n  send to Work\n}}\n"
    )
}

/// `n` functions, each consuming a queue that hides a message for less than
/// six times the function's timeout (W0302), in batches without partial
/// failures (W0326), that nothing sends to (W0327): three warnings each.
fn warnings(n: usize) -> String {
    let mut s = String::with_capacity(n * 200);
    s.push_str("app bench {\n  runtime = \"python3.13\"\n}\n\n");
    for i in 0..n {
        let _ = write!(
            s,
            "queue Jobs{i}Dlq {{ retention = 14d }}\n\
             queue Jobs{i} {{\n  visibility_timeout = 60s\n  dead_letter = Jobs{i}Dlq after 5 receives\n}}\n\n\
             function Work{i} {{\n  handler = \"work.handler\"\n  timeout = 30s\n  on Jobs{i}\n}}\n\n"
        );
    }
    s
}

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
