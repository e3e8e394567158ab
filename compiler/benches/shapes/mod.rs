//! The generated specs the benchmarks measure (`scale`, `lsp`).

use std::fmt::Write;

/// A spec with `n` functions and their queues, tables, events and rules,
/// each worker's rule feeding the next worker.
pub fn wide(n: usize) -> String {
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
pub fn staged(n: usize) -> String {
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
pub fn fan_in(n: usize) -> String {
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
pub fn dotted(n: usize) -> String {
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
pub fn warnings(n: usize) -> String {
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
