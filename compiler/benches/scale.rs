//! Scale benchmark: generated specs with 1,000 and 10,000 functions, each
//! with a queue trigger, a table write, an emitted event, a route and a rule;
//! reports wall time and peak memory of `check` and of `build` (both
//! targets, YAML).
//!
//! `cargo bench --bench scale` runs every measurement in a child process of
//! its own, so that each peak-memory figure (VmHWM) belongs to one
//! measurement alone. `cargo bench --bench scale -- 1000 check` runs one.

use std::fmt::Write;
use std::process::Command;
use std::time::Instant;

/// A spec with `n` functions and their queues, tables, events and rules.
fn spec(n: usize) -> String {
    let mut s = String::with_capacity(n * 600);
    s.push_str("app bench {\n  runtime = \"python3.13\"\n  timeout = 10s\n}\n\nbus Events\n\n");
    s.push_str("queue Failures { retention = 14d }\n\n");
    // An HTTP API takes 300 routes: 250 per API.
    for (a, chunk) in (0..n).collect::<Vec<_>>().chunks(250).enumerate() {
        let _ = writeln!(s, "api Public{a} http {{\n  auth = iam");
        for i in chunk {
            let _ = writeln!(s, "  GET /items{i}/{{id}} -> Get{i}");
        }
        s.push_str("}\n\n");
    }
    for i in 0..n {
        let _ = write!(
            s,
            "event Item{i}Changed from \"bench.items\" {{\n  id: string\n  qty: int\n  kind: \"a\" | \"b\"\n}}\n\n\
             table Items{i} {{\n  key = {{ pk: string, sk: number }}\n}}\n\n\
             queue Work{i}Dlq {{ retention = 14d }}\n\
             queue Work{i} {{\n  visibility_timeout = 60s\n  dead_letter = Work{i}Dlq after 5 receives\n}}\n\n\
             function Get{i} {{\n  handler = \"get.handler\"\n  env {{ TABLE = Items{i}.name }}\n  reads Items{i}\n}}\n\n\
             function Worker{i} {{\n  handler = \"worker.handler\"\n  memory = 256MB\n  env {{ TABLE = Items{i}.name }}\n  \
             on Work{i} {{ batch = 10, partial_failures = true }}\n  writes Items{i}\n  emits Item{i}Changed to Events\n}}\n\n\
             rule Route{i} on Events {{\n  match Item{i}Changed where qty > 10 and kind = \"a\"\n  send to Work{i}\n}}\n\n"
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

fn measure(n: usize, stage: &str) {
    let text = spec(n);
    let lines = text.lines().count();
    let opts = slsc::CheckOptions::new(slsc::Date::parse("2026-11-23").unwrap());
    let start = Instant::now();
    let c = slsc::compile_source("bench.sls", None, text, opts);
    // Sound but for its size: a thousand functions do not fit one stack
    // (500 resources, 1 MB), so the only errors are E0313.
    let sound = c
        .diagnostics
        .iter()
        .all(|d| !d.is_error() || d.code == "E0313");
    let codes: Vec<&str> = c
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.code)
        .collect();
    assert!(
        sound,
        "generated spec must be valid but for its size: {codes:?}"
    );
    let mut bytes = 0;
    if stage == "build" {
        // What `build` does past its error gate: emit and write.
        for target in [slsc::Target::Sam, slsc::Target::CloudFormation] {
            let t = slsc::emit::emit(&c.model, target).expect("no logical ID clash");
            bytes += slsc::emit::write(&t, slsc::Format::Yaml).len();
        }
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let peak = peak_mb().map_or("n/a".to_string(), |m| format!("{m:.0} MB"));
    let out = if bytes > 0 {
        format!(", {:.1} MB of YAML", bytes as f64 / 1e6)
    } else {
        String::new()
    };
    println!("{n:>6} functions ({lines} lines)  {stage:<5}  {ms:>9.1} ms  peak {peak}{out}");
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    if let [n, stage] = args.as_slice() {
        measure(n.parse().expect("function count"), stage);
        return;
    }
    let exe = std::env::current_exe().expect("own path");
    for n in ["1000", "10000"] {
        for stage in ["check", "build"] {
            let status = Command::new(&exe)
                .args([n, stage])
                .status()
                .expect("run measurement");
            assert!(status.success(), "measurement {n} {stage} failed");
        }
    }
}
