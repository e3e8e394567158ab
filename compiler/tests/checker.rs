//! Focused tests of the checker and of the emitted model: small inline
//! specs, each with the case that fires and the boundary that does not.

#[path = "support/common.rs"]
mod common;

use serde_json::{json, Value};
use slsc::{CheckOptions, Compilation, Date, Diagnostic, Target};

/// Every spec gets this `app`, so that functions have a runtime.
const APP: &str = "app t { runtime = \"python3.13\" }\n";

fn compile(spec: &str) -> Compilation {
    compile_on(spec, common::options())
}

fn compile_on(spec: &str, opts: CheckOptions) -> Compilation {
    // A spec starting with `app` brings its own.
    let text = if spec.trim_start().starts_with("app ") {
        spec.to_string()
    } else {
        format!("{APP}{spec}")
    };
    slsc::compile_source("t.sls", None, text, opts)
}

/// Every diagnostic code of a spec, in source order.
fn codes(spec: &str) -> Vec<&'static str> {
    compile(spec).diagnostics.iter().map(|d| d.code).collect()
}

/// How many diagnostics of `code` a spec has.
fn count(spec: &str, code: &str) -> usize {
    codes(spec).iter().filter(|c| **c == code).count()
}

/// The error codes of a spec (warnings left out).
fn errors(spec: &str) -> Vec<&'static str> {
    compile(spec)
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.code)
        .collect()
}

/// Asserts that a spec has no errors, showing the diagnostics if it has.
fn assert_ok(spec: &str) {
    let c = compile(spec);
    assert!(!c.has_errors(), "{spec}\n{}", common::rendered(&c));
}

/// The only diagnostic with `code`, failing if there is not exactly one.
fn the(spec: &str, code: &str) -> Diagnostic {
    let c = compile(spec);
    let found: Vec<&Diagnostic> = c.diagnostics.iter().filter(|d| d.code == code).collect();
    assert_eq!(found.len(), 1, "{spec}\n{}", common::rendered(&c));
    found[0].clone()
}

/// A function triggered by a queue whose settings are the arguments.
fn queue_and_consumer(queue_body: &str, function_body: &str, trigger: &str) -> String {
    // A dead-letter queue of the same kind, so that W0305 stays out of it.
    let fifo = if queue_body.contains("fifo = true") {
        "fifo = true, "
    } else {
        ""
    };
    // Fed from outside, and reporting partial failures, so that W0327 and
    // W0326 stay out of it too.
    let trigger = match trigger.strip_prefix("{ ") {
        Some(rest) => format!("{{ partial_failures = true, {rest}"),
        None => "{ partial_failures = true }".to_string(),
    };
    format!(
        "queue D {{ {fifo}retention = 14d }}\nqueue Q {{\n  external = true\n  dead_letter = D\n  {queue_body}\n}}\nfunction F {{\n  handler = \"f.h\"\n  {function_body}\n  on Q {trigger}\n}}\n"
    )
}

/// A function with one extra line in its body (W0104 aside, it is complete).
fn function_with(line: &str) -> String {
    format!("function F {{\n  handler = \"f.h\"\n  {line}\n}}\n")
}

/// A rule on the default bus sending `E` (fields given) to queue `Q`.
fn rule_with(fields: &str, filter: &str, extra: &str) -> String {
    format!(
        "event E from \"src\" {{ {fields} }}\nqueue Q\nrule R on default {{\n  match E {filter}\n  send to Q\n  {extra}\n}}\n"
    )
}

/// The pattern proved for the first rule, as the template holds it.
fn first_pattern(c: &Compilation) -> Option<Value> {
    c.proved
        .pattern(0)
        .map(|p| slsc::emit::pattern_json(&c.model, p))
}

/// The compiled pattern of the only rule of a spec without errors.
fn pattern(fields: &str, filter: &str) -> Value {
    let spec = rule_with(fields, filter, "");
    let c = compile(&spec);
    assert!(!c.has_errors(), "{spec}\n{}", common::rendered(&c));
    first_pattern(&c).expect("a compiled pattern")
}

/// The `detail` part of the pattern of a `where` filter.
fn detail(fields: &str, filter: &str) -> Value {
    pattern(fields, &format!("where {filter}"))["detail"].clone()
}

/// The error codes of a `where` filter.
fn filter_errors(fields: &str, filter: &str) -> Vec<&'static str> {
    errors(&rule_with(fields, &format!("where {filter}"), ""))
}

/// The template of a spec without errors.
fn template(spec: &str, target: Target) -> Value {
    let c = compile(spec);
    assert!(!c.has_errors(), "{spec}\n{}", common::rendered(&c));
    slsc::build(&c, target)
        .unwrap_or_else(|d| panic!("build failed: {d:?}"))
        .template
}

fn resources(t: &Value) -> &serde_json::Map<String, Value> {
    t["Resources"].as_object().expect("Resources")
}

/// Logical IDs of the resources of one type.
fn ids_of_type(t: &Value, ty: &str) -> Vec<String> {
    resources(t)
        .iter()
        .filter(|(_, r)| r["Type"] == ty)
        .map(|(id, _)| id.clone())
        .collect()
}

/// The inline policy statements of function `f`'s role.
fn role_statements(t: &Value, f: &str) -> Vec<Value> {
    let role = &t["Resources"][format!("{f}Role")];
    assert_eq!(role["Type"], "AWS::IAM::Role", "no role {f}Role");
    let policies = role["Properties"]["Policies"].as_array().expect("Policies");
    policies
        .iter()
        .flat_map(|p| {
            p["PolicyDocument"]["Statement"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .collect()
}

/// Every action of function `f`'s role, sorted.
fn role_actions(t: &Value, f: &str) -> Vec<String> {
    let mut out: Vec<String> = role_statements(t, f)
        .iter()
        .flat_map(|s| match &s["Action"] {
            Value::Array(a) => a.iter().map(|x| x.as_str().unwrap().to_string()).collect(),
            Value::String(a) => vec![a.clone()],
            other => panic!("unexpected Action {other}"),
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

fn statement<'a>(statements: &'a [Value], sid: &str) -> &'a Value {
    statements
        .iter()
        .find(|s| s["Sid"] == sid)
        .unwrap_or_else(|| panic!("no statement {sid} in {statements:#?}"))
}

fn date(d: &str) -> CheckOptions {
    CheckOptions::new(Date::parse(d).unwrap())
}

// ---------------------------------------------------------------- ranges

#[test]
fn memory_accepts_128mb_to_10gb_and_rejects_outside() {
    assert_ok(&function_with("memory = 128MB"));
    assert_ok(&function_with("memory = 10GB"));
    let d = the(&function_with("memory = 127MB"), "E0203");
    assert_eq!(
        d.message,
        "`memory` must be between 128MB and 10GB, found 127MB"
    );
    assert_eq!(errors(&function_with("memory = 10241MB")), ["E0203"]);
    // Sizes are binary and must come to whole megabytes.
    assert_ok(&function_with("memory = 131072KB"));
    assert_eq!(errors(&function_with("memory = 1500KB")), ["E0201"]);
}

#[test]
fn timeout_accepts_1s_to_900s() {
    assert_ok(&function_with("timeout = 1s"));
    assert_ok(&function_with("timeout = 900s"));
    assert_ok(&function_with("timeout = 15m"));
    assert_eq!(errors(&function_with("timeout = 901s")), ["E0203"]);
    assert_eq!(errors(&function_with("timeout = 0s")), ["E0203"]);
}

#[test]
fn visibility_timeout_accepts_up_to_12h() {
    assert_ok("queue Q { visibility_timeout = 0s }");
    assert_ok("queue Q { visibility_timeout = 12h }");
    assert_eq!(errors("queue Q { visibility_timeout = 43201s }"), ["E0203"]);
    assert_eq!(errors("queue Q { visibility_timeout = 13h }"), ["E0203"]);
}

#[test]
fn retention_accepts_60s_to_14d() {
    assert_ok("queue Q { retention = 60s }");
    assert_ok("queue Q { retention = 14d }");
    assert_eq!(errors("queue Q { retention = 59s }"), ["E0203"]);
    assert_eq!(errors("queue Q { retention = 15d }"), ["E0203"]);
}

#[test]
fn async_retries_accept_0_to_2() {
    assert_ok(&function_with("retries = 0"));
    assert_ok(&function_with("retries = 2"));
    assert_eq!(errors(&function_with("retries = 3")), ["E0203"]);
    assert_eq!(errors(&function_with("retries = -1")), ["E0203"]);
}

#[test]
fn max_event_age_accepts_60s_to_6h() {
    assert_ok(&function_with("max_event_age = 60s"));
    assert_ok(&function_with("max_event_age = 6h"));
    assert_eq!(errors(&function_with("max_event_age = 59s")), ["E0203"]);
    assert_eq!(errors(&function_with("max_event_age = 21601s")), ["E0203"]);
}

#[test]
fn concurrency_rejects_negative_and_above_1000() {
    assert_ok(&function_with("concurrency = 0"));
    assert_ok(&function_with("concurrency = 100"));
    assert_eq!(errors(&function_with("concurrency = 1001")), ["E0203"]);
    assert_eq!(errors(&function_with("concurrency = -1")), ["E0203"]);
}

#[test]
fn rule_retry_accepts_0_to_185_attempts_and_60s_to_24h() {
    assert_ok(&rule_with("a: string", "", "retry { attempts = 0 }"));
    assert_ok(&rule_with("a: string", "", "retry { attempts = 185 }"));
    assert_eq!(
        errors(&rule_with("a: string", "", "retry { attempts = 186 }")),
        ["E0203"]
    );
    assert_eq!(
        errors(&rule_with("a: string", "", "retry { attempts = -1 }")),
        ["E0203"]
    );
    assert_ok(&rule_with("a: string", "", "retry { max_age = 60s }"));
    assert_ok(&rule_with("a: string", "", "retry { max_age = 24h }"));
    assert_eq!(
        errors(&rule_with("a: string", "", "retry { max_age = 59s }")),
        ["E0203"]
    );
    assert_eq!(
        errors(&rule_with("a: string", "", "retry { max_age = 86401s }")),
        ["E0203"]
    );
    // Schedules take the same retry policy.
    let spec = |retry: &str| {
        format!(
            "queue Failures\nfunction F {{ handler = \"f.h\", on_failure = Failures }}\nschedule S every 1h -> F {{ retry {{ {retry} }} }}\n"
        )
    };
    assert_ok(&spec("attempts = 185, max_age = 24h"));
    assert_eq!(errors(&spec("attempts = 186")), ["E0203"]);
    assert_eq!(errors(&spec("max_age = 25h")), ["E0203"]);
}

#[test]
fn dead_letter_receive_count_accepts_1_to_1000() {
    let spec = |n: &str| format!("queue D\nqueue Q {{ dead_letter = D after {n} }}\n");
    assert_ok(&spec("1 receive"));
    assert_ok(&spec("1000 receives"));
    assert_eq!(errors(&spec("0 receives")), ["E0203"]);
    assert_eq!(errors(&spec("1001 receives")), ["E0203"]);
}

#[test]
fn queue_batch_accepts_1_to_10000() {
    let spec = |t: &str| queue_and_consumer("visibility_timeout = 5m", "", t);
    assert_ok(&spec("{ batch = 1 }"));
    assert_ok(&spec("{ batch = 10000, window = 1s }"));
    assert!(errors(&spec("{ batch = 0 }")).contains(&"E0203"));
    assert!(errors(&spec("{ batch = 10001, window = 1s }")).contains(&"E0203"));
}

#[test]
fn batching_window_accepts_0s_to_300s() {
    let spec = |t: &str| queue_and_consumer("visibility_timeout = 12h", "", t);
    assert_ok(&spec("{ window = 0s }"));
    assert_ok(&spec("{ window = 300s }"));
    assert_eq!(errors(&spec("{ window = 301s }")), ["E0203"]);
}

#[test]
fn stream_batch_and_retries_ranges() {
    let spec = |settings: &str| {
        format!(
            "table T {{ key = {{ pk: string }}, stream = new_image }}\nfunction F {{ handler = \"f.h\"\n on T.stream {{ {settings} }} }}\n"
        )
    };
    assert_ok(&spec("batch = 1, retries = -1"));
    assert_ok(&spec("batch = 10000, retries = 10000"));
    assert_eq!(errors(&spec("batch = 10001")), ["E0203"]);
    assert_eq!(errors(&spec("retries = -2")), ["E0203"]);
    assert_eq!(errors(&spec("retries = 10001")), ["E0203"]);
}

#[test]
fn log_retention_takes_only_cloudwatch_periods() {
    for ok in ["1d", "3d", "30d", "731d", "3653d", "720h"] {
        assert_ok(&function_with(&format!("log_retention = {ok}")));
    }
    let d = the(&function_with("log_retention = 4d"), "E0203");
    assert_eq!(d.message, "CloudWatch Logs cannot keep logs for 4 days");
    assert!(
        d.help.as_deref().unwrap().contains("`3d`") || d.help.as_deref().unwrap().contains("`5d`")
    );
    assert_eq!(errors(&function_with("log_retention = 3654d")), ["E0203"]);
    assert_eq!(errors(&function_with("log_retention = 36h")), ["E0201"]);
}

#[test]
fn provisioned_capacity_accepts_1_to_40000() {
    let spec = |r: u32, w: u32| {
        format!("table T {{ key = {{ pk: string }}, billing = provisioned {{ read = {r}, write = {w} }} }}\n")
    };
    assert_ok(&spec(1, 40_000));
    assert_eq!(errors(&spec(0, 1)), ["E0203"]);
    assert_eq!(errors(&spec(1, 40_001)), ["E0203"]);
}

// ------------------------------------------------- visibility vs timeout

#[test]
fn visibility_below_the_timeout_is_e0301() {
    // Default visibility 30 s against a 31 s timeout.
    let spec = queue_and_consumer("", "timeout = 31s", "");
    let c = codes(&spec);
    assert!(c.contains(&"E0301"), "{c:?}");
    assert!(!c.contains(&"W0302"), "{c:?}");
}

#[test]
fn visibility_between_timeout_and_six_times_is_w0302() {
    for vis in ["10s", "59s"] {
        let spec = queue_and_consumer(&format!("visibility_timeout = {vis}"), "timeout = 10s", "");
        assert_eq!(codes(&spec), ["W0302"], "visibility {vis}");
    }
}

#[test]
fn visibility_of_exactly_six_times_the_timeout_is_clean() {
    let spec = queue_and_consumer("visibility_timeout = 60s", "timeout = 10s", "");
    assert_eq!(codes(&spec), Vec::<&str>::new());
}

#[test]
fn batching_window_counts_towards_the_recommended_visibility() {
    let at = |vis: &str| {
        queue_and_consumer(
            &format!("visibility_timeout = {vis}"),
            "timeout = 10s",
            "{ window = 5s }",
        )
    };
    assert_eq!(codes(&at("64s")), ["W0302"]);
    assert_eq!(codes(&at("65s")), Vec::<&str>::new());
    let d = the(&at("64s"), "W0302");
    assert!(d.help.unwrap().contains("`visibility_timeout = 65s`"));
}

// ------------------------------------------------------------ FIFO rules

#[test]
fn fifo_batch_above_10_is_e0209() {
    let spec = |b: u32| {
        queue_and_consumer(
            "fifo = true, visibility_timeout = 1m",
            "",
            &format!("{{ batch = {b} }}"),
        )
    };
    assert_ok(&spec(10));
    assert_eq!(errors(&spec(11)), ["E0209"]);
}

#[test]
fn fifo_trigger_with_a_window_is_e0210() {
    let spec = queue_and_consumer(
        "fifo = true, visibility_timeout = 1m",
        "",
        "{ window = 1s }",
    );
    assert_eq!(errors(&spec), ["E0210"]);
}

#[test]
fn standard_batch_above_10_needs_a_window_of_at_least_1s() {
    let spec = |t: &str| queue_and_consumer("visibility_timeout = 1m", "", t);
    assert_eq!(errors(&spec("{ batch = 11 }")), ["E0209"]);
    assert_eq!(errors(&spec("{ batch = 11, window = 0s }")), ["E0209"]);
    assert_ok(&spec("{ batch = 11, window = 1s }"));
    assert_ok(&spec("{ batch = 10 }"));
}

#[test]
fn dead_letter_queue_must_be_of_the_same_kind() {
    let fifo_with_standard = "queue D\nqueue Q { fifo = true, dead_letter = D }\n";
    let d = the(fifo_with_standard, "E0303");
    assert_eq!(
        d.message,
        "FIFO queue `Q` has standard dead-letter queue `D`"
    );
    let standard_with_fifo = "queue D { fifo = true }\nqueue Q { dead_letter = D }\n";
    let d = the(standard_with_fifo, "E0303");
    assert_eq!(
        d.message,
        "standard queue `Q` has FIFO dead-letter queue `D`"
    );
    assert_ok("queue D { fifo = true }\nqueue Q { fifo = true, dead_letter = D }\n");
    assert_ok("queue D\nqueue Q { dead_letter = D }\n");
}

#[test]
fn fifo_on_failure_destinations_are_e0307() {
    assert_eq!(
        errors(&format!(
            "queue D {{ fifo = true }}\n{}",
            function_with("on_failure = D")
        )),
        ["E0307"]
    );
    assert_eq!(
        errors(&format!(
            "topic D {{ fifo = true }}\n{}",
            function_with("on_failure = D")
        )),
        ["E0307"]
    );
    assert_ok(&format!("queue D\n{}", function_with("on_failure = D")));
    assert_ok(&format!("topic D\n{}", function_with("on_failure = D")));
}

#[test]
fn fifo_dead_letter_of_a_rule_or_schedule_is_e0307() {
    assert_eq!(
        errors(&format!(
            "queue D {{ fifo = true }}\n{}",
            rule_with("a: string", "", "dead_letter = D")
        )),
        ["E0307"]
    );
    assert_ok(&format!(
        "queue D\n{}",
        rule_with("a: string", "", "dead_letter = D")
    ));
    let schedule = |fifo: &str| {
        format!(
            "queue D {{ {fifo} }}\nqueue Failures\nfunction F {{ handler = \"f.h\", on_failure = Failures }}\nschedule S every 1h -> F {{ dead_letter = D }}\n"
        )
    };
    assert_eq!(errors(&schedule("fifo = true")), ["E0307"]);
    assert_ok(&schedule(""));
}

#[test]
fn fifo_topics_deliver_to_neither_functions_nor_standard_queues() {
    let trigger = "topic T { fifo = true }\nqueue Failures\nfunction F { handler = \"f.h\"\n on T\n on_failure = Failures }\n";
    assert_eq!(errors(trigger), ["E0307"]);
    assert_eq!(
        errors("queue Q { fifo = true }\ntopic T { subscribe Q }\n"),
        ["E0307"]
    );
    assert_ok("queue Q { fifo = true }\ntopic T { fifo = true, subscribe Q }\n");
}

// -------------------------------------------------------------- runtimes

#[test]
fn runtimes_are_judged_by_date() {
    let spec =
        "function F { handler = \"f.h\", runtime = \"python3.10\" }\nschedule S every 1h -> F\n";
    let codes_on = |d: &str| -> Vec<&'static str> {
        compile_on(spec, date(d))
            .diagnostics
            .iter()
            .filter(|d| d.code.starts_with("E02") || d.code == "W0205")
            .map(|d| d.code)
            .collect()
    };
    assert_eq!(codes_on("2026-10-30"), Vec::<&str>::new());
    assert_eq!(codes_on("2026-10-31"), ["W0205"]);
    assert_eq!(codes_on("2027-01-31"), ["W0205"]);
    assert_eq!(codes_on("2027-02-01"), ["E0206"]);
    // The messages name the dates and the successor.
    let c = compile_on(
        &function_with("runtime = \"python3.10\""),
        date("2026-11-23"),
    );
    let d = c.diagnostics.iter().find(|d| d.code == "W0205").unwrap();
    assert_eq!(
        d.message,
        "runtime `python3.10` is deprecated since 2026-10-31"
    );
    assert_eq!(
        d.help.as_deref(),
        Some("move to `python3.14`; new functions are blocked from 2027-02-01")
    );
    let c = compile_on(
        &function_with("runtime = \"python3.10\""),
        date("2027-02-01"),
    );
    let d = c.diagnostics.iter().find(|d| d.code == "E0206").unwrap();
    assert_eq!(
        d.message,
        "runtime `python3.10` can no longer be used for new functions (since 2027-02-01)"
    );
}

#[test]
fn unknown_runtime_is_e0204_with_a_suggestion() {
    let d = the(&function_with("runtime = \"python3.31\""), "E0204");
    assert_eq!(d.message, "unknown runtime `python3.31`");
    assert!(d.help.unwrap().starts_with("did you mean `python3."));
}

// ----------------------------------------------------------------- names

#[test]
fn unknown_names_suggest_the_closest_declaration() {
    let d = the(
        &format!("queue Orders\n{}", function_with("sends to Ordrs")),
        "E0101",
    );
    assert_eq!(d.message, "unknown name `Ordrs`");
    assert_eq!(d.help.as_deref(), Some("did you mean `Orders`?"));
    // The typo is the only finding: the suggested queue is not reported
    // unused on top (nor is anything else while an error stands).
    assert_eq!(
        codes(&format!(
            "queue Orders\n{}",
            function_with("sends to Ordrs")
        )),
        ["E0101"]
    );
    // Without a close name, the help says what to declare.
    let d = the(&function_with("sends to Zebra"), "E0101");
    assert_eq!(
        d.help.as_deref(),
        Some("declare a queue named `Zebra`, or fix the name")
    );
}

#[test]
fn unknown_properties_suggest_the_closest() {
    let d = the(&function_with("timout = 3s"), "E0105");
    assert!(d.help.unwrap().contains("`timeout`"));
}

#[test]
fn wrong_kind_names_both_kinds() {
    let d = the(
        &format!(
            "table Orders {{ key = {{ pk: string }} }}\n{}",
            function_with("sends to Orders")
        ),
        "E0103",
    );
    assert_eq!(d.message, "expected a queue, found table `Orders`");
    let d = the(
        &format!("queue Jobs\n{}", function_with("reads Jobs")),
        "E0103",
    );
    assert_eq!(
        d.message,
        "expected a table, a bucket, a secret or a parameter, found queue `Jobs`"
    );
}

#[test]
fn unused_declarations_are_w0104() {
    let d = the("queue Q\n", "W0104");
    assert_eq!(d.message, "queue `Q` is never used");
    assert_eq!(codes(&function_with("")), ["W0104"]);
    assert_eq!(codes("bucket B\n"), ["W0104"]);
    assert_eq!(codes("event E { a: string }\n"), ["W0104"]);
}

#[test]
fn triggered_functions_apis_rules_and_schedules_are_never_unused() {
    let spec = "queue Q\nfunction Consumer { handler = \"f.h\"\n on Q }\n\
                queue Failures\nfunction Timed { handler = \"f.h\", on_failure = Failures }\n\
                schedule S every 1h -> Timed\n\
                function Web { handler = \"f.h\" }\napi A http { GET /x -> Web }\n\
                event E from \"src\" { a: string }\nqueue Sink\nrule R on default { match E\n send to Sink }\n";
    assert_eq!(
        count(spec, "W0104"),
        0,
        "{}",
        common::rendered(&compile(spec))
    );
}

#[test]
fn standard_library_and_eventbridge_buckets_are_never_unused() {
    assert_eq!(
        codes("use aws.s3\nbucket B { eventbridge = true }\n"),
        Vec::<&str>::new()
    );
    assert_eq!(codes("use aws.scheduler\n"), Vec::<&str>::new());
    // Their events match by plain or qualified name.
    let spec = |name: &str| {
        format!(
            "use aws.s3\nbucket B {{ eventbridge = true }}\nqueue Q\nqueue D\nrule R on default {{\n match {name} where object.key prefix \"in/\"\n send to Q\n dead_letter = D\n}}\n"
        )
    };
    for name in ["ObjectCreated", "aws.s3.ObjectCreated"] {
        let c = compile(&spec(name));
        assert_eq!(c.diagnostics.len(), 0, "{}", common::rendered(&c));
        assert_eq!(
            first_pattern(&c),
            Some(json!({
                "source": ["aws.s3"],
                "detail-type": ["Object Created"],
                "detail": { "object": { "key": [{ "prefix": "in/" }] } },
            }))
        );
    }
}

// -------------------------------------------------------------- patterns

#[test]
fn pattern_without_where_is_source_and_detail_type() {
    assert_eq!(
        pattern("a: string", ""),
        json!({ "source": ["src"], "detail-type": ["E"] })
    );
    // `source` defaults to the app's name, `detail-type` to the event's.
    let c = compile(
        "event Placed { a: string }\nqueue Q\nrule R on default { match Placed\n send to Q }\n",
    );
    assert_eq!(
        first_pattern(&c),
        Some(json!({ "source": ["t"], "detail-type": ["Placed"] }))
    );
    let c = compile("event Placed from \"s\" detail_type \"Order Placed\" { a: string }\nqueue Q\nrule R on default { match Placed\n send to Q }\n");
    assert_eq!(
        first_pattern(&c),
        Some(json!({ "source": ["s"], "detail-type": ["Order Placed"] }))
    );
}

#[test]
fn pattern_equality_for_each_scalar_type() {
    assert_eq!(
        pattern("s: string", "where s = \"a\""),
        json!({ "source": ["src"], "detail-type": ["E"], "detail": { "s": ["a"] } })
    );
    assert_eq!(detail("n: int", "n = 3"), json!({ "n": [3] }));
    assert_eq!(detail("x: number", "x = -0.5"), json!({ "x": [-0.5] }));
    assert_eq!(detail("b: bool", "b = false"), json!({ "b": [false] }));
    assert_eq!(
        detail("c: \"FR\" | \"DE\"", "c = \"DE\""),
        json!({ "c": ["DE"] })
    );
}

#[test]
fn pattern_anything_but_for_not_equal_and_not_in() {
    assert_eq!(
        detail("s: string", "s != \"void\""),
        json!({ "s": [{ "anything-but": "void" }] })
    );
    assert_eq!(
        detail("n: int", "n != 0"),
        json!({ "n": [{ "anything-but": 0 }] })
    );
    assert_eq!(
        detail("s: string", "s not in [\"a\", \"b\"]"),
        json!({ "s": [{ "anything-but": ["a", "b"] }] })
    );
}

#[test]
fn pattern_numeric_comparisons_and_ranges() {
    assert_eq!(
        detail("n: number", "n >= 100"),
        json!({ "n": [{ "numeric": [">=", 100] }] })
    );
    assert_eq!(
        detail("n: int", "n < 5"),
        json!({ "n": [{ "numeric": ["<", 5] }] })
    );
    assert_eq!(
        detail("n: number", "n > 10 and n <= 500"),
        json!({ "n": [{ "numeric": [">", 10, "<=", 500] }] })
    );
}

#[test]
fn pattern_in_list() {
    assert_eq!(
        detail("s: string", "s in [\"FR\", \"DE\"]"),
        json!({ "s": ["FR", "DE"] })
    );
    assert_eq!(
        detail("n: int", "n in [1, 2, 3]"),
        json!({ "n": [1, 2, 3] })
    );
}

#[test]
fn pattern_exists_and_not_exists() {
    assert_eq!(
        detail("c?: string", "c exists"),
        json!({ "c": [{ "exists": true }] })
    );
    assert_eq!(
        detail("c?: string", "c not exists"),
        json!({ "c": [{ "exists": false }] })
    );
    assert_eq!(
        detail("l: [int]", "l exists"),
        json!({ "l": [{ "exists": true }] })
    );
}

#[test]
fn pattern_prefix_and_suffix() {
    assert_eq!(
        detail("s: string", "s prefix \"ord-\""),
        json!({ "s": [{ "prefix": "ord-" }] })
    );
    assert_eq!(
        detail("s: string", "s suffix \".png\""),
        json!({ "s": [{ "suffix": ".png" }] })
    );
    assert_eq!(
        detail("c: \"ab\" | \"cd\"", "c prefix \"a\""),
        json!({ "c": [{ "prefix": "a" }] })
    );
}

#[test]
fn pattern_nested_fields_merge_under_their_record() {
    let fields = "address: { city: string, zip?: string }, lines: [{ sku: string }]";
    assert_eq!(
        detail(fields, "address.city = \"Paris\" and address.zip exists"),
        json!({ "address": { "city": ["Paris"], "zip": [{ "exists": true }] } })
    );
    assert_eq!(
        detail(fields, "lines.sku suffix \"-XL\""),
        json!({ "lines": { "sku": [{ "suffix": "-XL" }] } })
    );
    // Declared types are followed.
    let spec =
        "type Address { city: string }\nevent E from \"src\" { address: Address }\nqueue Q\n\
                rule R on default { match E where address.city = \"Lyon\"\n send to Q }\n";
    let c = compile(spec);
    assert!(!c.has_errors(), "{}", common::rendered(&c));
    assert_eq!(
        first_pattern(&c).unwrap()["detail"],
        json!({ "address": { "city": ["Lyon"] } })
    );
}

#[test]
fn pattern_or_of_one_field_becomes_a_value_list() {
    assert_eq!(
        detail("s: string", "s = \"a\" or s = \"b\" or s = \"a\""),
        json!({ "s": ["a", "b"] })
    );
    assert_eq!(
        detail("s: string", "s = \"a\" or s in [\"b\", \"c\"]"),
        json!({ "s": ["a", "b", "c"] })
    );
}

#[test]
fn pattern_other_ors_become_dollar_or_and_flatten() {
    assert_eq!(
        detail("s: string, n: int", "s = \"a\" or n > 1"),
        json!({ "$or": [{ "s": ["a"] }, { "n": [{ "numeric": [">", 1] }] }] })
    );
    assert_eq!(
        detail("a: int, b: int, c: int", "a = 1 or (b = 2 or c = 3)"),
        json!({ "$or": [{ "a": [1] }, { "b": [2] }, { "c": [3] }] })
    );
    assert_eq!(
        detail(
            "t: number, c: string, x: bool",
            "t >= 100 and (c = \"FR\" or x = true)"
        ),
        json!({ "t": [{ "numeric": [">=", 100] }], "$or": [{ "c": ["FR"] }, { "x": [true] }] })
    );
}

#[test]
fn pattern_unknown_field_is_e0401_with_a_suggestion() {
    let spec = rule_with("total: number", "where totl > 1", "");
    let d = the(&spec, "E0401");
    assert_eq!(d.message, "event `E` has no field `totl`");
    assert_eq!(d.help.as_deref(), Some("did you mean `total`?"));
    assert_eq!(filter_errors("a: string", "a.b = \"x\""), ["E0401"]);
    assert_eq!(filter_errors("r: { x: int }", "r.y = 1"), ["E0401"]);
}

#[test]
fn pattern_value_not_fitting_the_type_is_e0402() {
    assert_eq!(filter_errors("s: string", "s = 1"), ["E0402"]);
    assert_eq!(filter_errors("n: int", "n = 1.5"), ["E0402"]);
    assert_eq!(filter_errors("b: bool", "b = \"true\""), ["E0402"]);
    let d = the(&rule_with("n: int", "where n = \"1\"", ""), "E0402");
    assert_eq!(d.message, "`n` is an integer, but this is a string");
}

#[test]
fn pattern_operator_not_fitting_the_type_is_e0403() {
    assert_eq!(filter_errors("s: string", "s > 1"), ["E0403"]);
    assert_eq!(filter_errors("n: int", "n prefix \"1\""), ["E0403"]);
    assert_eq!(filter_errors("b: bool", "b suffix \"e\""), ["E0403"]);
    assert_eq!(filter_errors("r: { x: int }", "r exists"), ["E0403"]);
}

#[test]
fn pattern_conditions_that_cannot_combine_are_e0404() {
    assert_eq!(
        filter_errors("s: string", "s prefix \"a\" and s suffix \"b\""),
        ["E0404"]
    );
    assert_eq!(
        filter_errors("a: int, b: int", "(a = 1 or b = 1) and (a = 2 or b = 2)"),
        ["E0404"]
    );
    // The neighbours that do combine: bounds meeting in one value, and `or`
    // groups that become value lists.
    assert_eq!(
        detail("n: int", "n >= 2 and n <= 2"),
        json!({ "n": [{ "numeric": ["=", 2] }] })
    );
    assert_eq!(
        detail("a: int, b: int", "(a = 1 or a = 2) and (b = 1 or b = 2)"),
        json!({ "a": [1, 2], "b": [1, 2] })
    );
}

// ------------------------------------------------------------------- IAM

/// With AWS managed keys, so that the role holds the verbs' actions alone
/// (the app key's grants are tested by `app_key_grants_follow_the_verbs`).
const ALL_VERBS: &str = "\
app managed { runtime = \"python3.13\", encryption = aws_managed }
table T { key = { pk: string } }
table T2 { key = { pk: string }, stream = new_image }
queue Q
queue Q2
queue Q3
topic P
bus B
event Ev from \"src\" detail_type \"Thing Happened\" { a: string }
function G { handler = \"g.h\" }
function F {
  handler = \"f.h\"
  reads T
  writes T
  sends to Q
  publishes to P
  emits Ev to B
  invokes G
  on Q2 { partial_failures = true }
  on T2.stream
  on_failure = Q3
}
schedule S every 1d -> F
";

#[test]
fn role_holds_exactly_the_actions_of_verbs_triggers_and_destination() {
    let t = template(ALL_VERBS, Target::Sam);
    assert_eq!(
        role_actions(&t, "F"),
        [
            "dynamodb:BatchGetItem",
            "dynamodb:BatchWriteItem",
            "dynamodb:ConditionCheckItem",
            "dynamodb:DeleteItem",
            "dynamodb:DescribeStream",
            "dynamodb:DescribeTable",
            "dynamodb:GetItem",
            "dynamodb:GetRecords",
            "dynamodb:GetShardIterator",
            "dynamodb:ListStreams",
            "dynamodb:PutItem",
            "dynamodb:Query",
            "dynamodb:Scan",
            "dynamodb:UpdateItem",
            "events:PutEvents",
            "lambda:InvokeFunction",
            "logs:CreateLogStream",
            "logs:PutLogEvents",
            "sns:Publish",
            "sqs:ChangeMessageVisibility",
            "sqs:DeleteMessage",
            "sqs:GetQueueAttributes",
            "sqs:ReceiveMessage",
            "sqs:SendMessage",
        ]
    );
    // A function with no verbs may only write its logs.
    assert_eq!(
        role_actions(&t, "G"),
        ["logs:CreateLogStream", "logs:PutLogEvents"]
    );
}

#[test]
fn role_statements_are_scoped_to_their_resources() {
    let t = template(ALL_VERBS, Target::Sam);
    let s = role_statements(&t, "F");
    let sids: Vec<&str> = s.iter().map(|s| s["Sid"].as_str().unwrap()).collect();
    assert_eq!(
        sids,
        [
            "WriteLogs",
            "ReadT",
            "WriteT",
            "SendQ",
            "PublishP",
            "EmitEvToB",
            "InvokeG",
            "ConsumeQ2",
            "ReadStreamT2",
            "ListStreamsT2",
            "SendFailuresQ3",
        ]
    );
    assert_eq!(
        statement(&s, "SendQ")["Resource"],
        json!([{ "Fn::GetAtt": ["Q", "Arn"] }])
    );
    assert_eq!(
        statement(&s, "SendFailuresQ3")["Resource"],
        json!([{ "Fn::GetAtt": ["Q3", "Arn"] }])
    );
    assert_eq!(
        statement(&s, "PublishP")["Resource"],
        json!([{ "Ref": "P" }])
    );
    assert_eq!(
        statement(&s, "InvokeG")["Resource"],
        json!([{ "Fn::GetAtt": ["G", "Arn"] }])
    );
    assert_eq!(
        statement(&s, "ReadT")["Resource"],
        // T declares no index, so no index ARN.
        json!([{ "Fn::GetAtt": ["T", "Arn"] }])
    );
    assert_eq!(
        statement(&s, "ReadStreamT2")["Resource"],
        json!([{ "Fn::GetAtt": ["T2", "StreamArn"] }])
    );
    assert_eq!(
        statement(&s, "ListStreamsT2")["Resource"],
        json!([{ "Fn::Sub": "${T2.Arn}/stream/*" }])
    );
}

#[test]
fn no_role_statement_has_a_wildcard_action_or_resource() {
    for target in [Target::Sam, Target::CloudFormation] {
        let t = template(ALL_VERBS, target);
        for f in ["F", "G"] {
            for s in role_statements(&t, f) {
                for key in ["Action", "Resource"] {
                    let values: Vec<Value> = match &s[key] {
                        Value::Array(a) => a.clone(),
                        v => vec![v.clone()],
                    };
                    for v in values {
                        assert_ne!(v, json!("*"), "{f}: {s}");
                        if let Some(text) = v.as_str() {
                            assert!(!text.ends_with(":*"), "{f}: service-wide action {text}");
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn emits_is_conditioned_on_the_event_source_and_detail_type() {
    let t = template(ALL_VERBS, Target::Sam);
    let s = role_statements(&t, "F");
    let emit = statement(&s, "EmitEvToB");
    assert_eq!(emit["Action"], json!(["events:PutEvents"]));
    assert_eq!(emit["Resource"], json!([{ "Fn::GetAtt": ["B", "Arn"] }]));
    assert_eq!(
        emit["Condition"],
        json!({ "StringEquals": { "events:source": "src", "events:detail-type": "Thing Happened" } })
    );
    // The default bus is named by its constructed ARN.
    let spec = "event Ev from \"src\" { a: string }\nfunction F { handler = \"f.h\"\n emits Ev to default }\nschedule S every 1h -> F\n";
    let t = template(spec, Target::Sam);
    let s = role_statements(&t, "F");
    assert_eq!(
        statement(&s, "EmitEvToDefault")["Resource"],
        json!([{ "Fn::Sub": "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default" }])
    );
}

#[test]
fn plain_consumers_and_bucket_verbs_get_their_actions_only() {
    let spec = "app managed { runtime = \"python3.13\", encryption = aws_managed }\nqueue Q\nfunction F { handler = \"f.h\"\n on Q }\n";
    let t = template(spec, Target::Sam);
    assert_eq!(
        role_actions(&t, "F"),
        [
            "logs:CreateLogStream",
            "logs:PutLogEvents",
            "sqs:DeleteMessage",
            "sqs:GetQueueAttributes",
            "sqs:ReceiveMessage"
        ]
    );
    // Bucket verbs grant object rights and listing.
    let spec = "bucket In\nbucket Out\nfunction F { handler = \"f.h\"\n reads In\n writes Out }\nschedule S every 1h -> F\n";
    let t = template(spec, Target::Sam);
    assert_eq!(
        role_actions(&t, "F"),
        [
            "logs:CreateLogStream",
            "logs:PutLogEvents",
            "s3:GetObject",
            "s3:ListBucket",
            "s3:PutObject"
        ]
    );
    // Deleting is its own verb, and a prefix scopes keys and listing.
    let spec = "bucket In\nfunction F { handler = \"f.h\"\n reads In prefix \"in/\"\n deletes In prefix \"in/\" }\nschedule S every 1h -> F\n";
    let t = template(spec, Target::Sam);
    let s = role_statements(&t, "F");
    // The bucket ARN is built from its name (a GetAtt would make a cycle).
    let keys = |sid: &str| statement(&s, sid)["Resource"][0]["Fn::Join"][1][1].clone();
    assert_eq!(keys("ReadInObjects"), "/in/*");
    assert_eq!(
        statement(&s, "DeleteInObjects")["Action"],
        json!(["s3:DeleteObject"])
    );
    assert_eq!(keys("DeleteInObjects"), "/in/*");
    assert_eq!(
        statement(&s, "ListIn")["Condition"],
        json!({ "StringLike": { "s3:prefix": ["in/*"] } })
    );
}

#[test]
fn a_prefix_on_anything_but_a_bucket_is_an_error() {
    let spec = |target: &str| {
        format!("table T {{ key = {{ id: string }} }}\nbucket B\nfunction F {{ handler = \"f.h\"\n reads {target} prefix \"x/\" }}\nschedule S every 1h -> F\n")
    };
    let c = compile(&spec("T"));
    assert!(
        c.diagnostics
            .iter()
            .any(|d| d.code == "E0201" && d.message.contains("prefix")),
        "{}",
        common::rendered(&c)
    );
    assert_ok(&spec("B"));
}

#[test]
fn tracing_adds_the_xray_managed_policy_only_when_active() {
    let spec = |tracing: &str| {
        format!(
            "function F {{ handler = \"f.h\", tracing = {tracing} }}\nschedule S every 1h -> F\n"
        )
    };
    let t = template(&spec("active"), Target::Sam);
    assert_eq!(
        t["Resources"]["FRole"]["Properties"]["ManagedPolicyArns"],
        json!([{ "Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/AWSXrayWriteOnlyAccess" }])
    );
    let t = template(&spec("passthrough"), Target::Sam);
    assert!(t["Resources"]["FRole"]["Properties"]
        .get("ManagedPolicyArns")
        .is_none());
}

// ------------------------------------------------ resource-based policies

const EVENT: &str = "event E from \"src\" { a: string }\n";

#[test]
fn rule_to_queue_gets_one_queue_policy_scoped_to_the_rule() {
    let spec = format!("{EVENT}queue Q\nrule R on default {{ match E\n send to Q }}\n");
    let t = template(&spec, Target::Sam);
    assert_eq!(ids_of_type(&t, "AWS::SQS::QueuePolicy"), ["QPolicy"]);
    let policy = &t["Resources"]["QPolicy"]["Properties"];
    assert_eq!(policy["Queues"], json!([{ "Ref": "Q" }]));
    let statements = policy["PolicyDocument"]["Statement"].as_array().unwrap();
    assert_eq!(statements.len(), 1);
    assert_eq!(
        statements[0],
        json!({
            "Sid": "FromR",
            "Effect": "Allow",
            "Principal": { "Service": "events.amazonaws.com" },
            "Action": "sqs:SendMessage",
            "Resource": { "Fn::GetAtt": ["Q", "Arn"] },
            "Condition": {
                "ArnEquals": { "aws:SourceArn": { "Fn::GetAtt": ["R", "Arn"] } },
                "StringEquals": { "aws:SourceAccount": { "Ref": "AWS::AccountId" } },
            },
        })
    );
    // A queue nothing delivers to has no policy.
    let t = template(
        "queue Q\nfunction F { handler = \"f.h\"\n on Q }\n",
        Target::Sam,
    );
    assert_eq!(
        ids_of_type(&t, "AWS::SQS::QueuePolicy"),
        Vec::<String>::new()
    );
}

#[test]
fn two_rules_to_one_queue_share_one_policy() {
    let spec = format!(
        "{EVENT}queue Q\nrule R1 on default {{ match E\n send to Q }}\nrule R2 on default {{ match E\n send to Q }}\n"
    );
    let t = template(&spec, Target::Sam);
    assert_eq!(ids_of_type(&t, "AWS::SQS::QueuePolicy"), ["QPolicy"]);
    let statements = t["Resources"]["QPolicy"]["Properties"]["PolicyDocument"]["Statement"]
        .as_array()
        .unwrap();
    let sources: Vec<&Value> = statements
        .iter()
        .map(|s| &s["Condition"]["ArnEquals"]["aws:SourceArn"])
        .collect();
    assert_eq!(
        sources,
        [
            &json!({ "Fn::GetAtt": ["R1", "Arn"] }),
            &json!({ "Fn::GetAtt": ["R2", "Arn"] })
        ]
    );
    assert_eq!(statements[0]["Sid"], "FromR1");
    assert_eq!(statements[1]["Sid"], "FromR2");
}

#[test]
fn a_rule_dead_letter_queue_gets_a_statement_for_the_rule() {
    let spec = format!(
        "{EVENT}queue Q\nqueue D\nrule R on default {{ match E\n send to Q\n dead_letter = D }}\n"
    );
    let t = template(&spec, Target::Sam);
    let mut ids = ids_of_type(&t, "AWS::SQS::QueuePolicy");
    ids.sort();
    assert_eq!(ids, ["DPolicy", "QPolicy"]);
    assert_eq!(
        t["Resources"]["DPolicy"]["Properties"]["PolicyDocument"]["Statement"][0]["Condition"],
        json!({
            "ArnEquals": { "aws:SourceArn": { "Fn::GetAtt": ["R", "Arn"] } },
            "StringEquals": { "aws:SourceAccount": { "Ref": "AWS::AccountId" } },
        })
    );
    assert_eq!(
        t["Resources"]["R"]["Properties"]["Targets"][0]["DeadLetterConfig"],
        json!({ "Arn": { "Fn::GetAtt": ["D", "Arn"] } })
    );
}

#[test]
fn rule_to_function_gets_a_lambda_permission_for_the_rule() {
    let spec = format!(
        "{EVENT}queue Failures\nfunction F {{ handler = \"f.h\", on_failure = Failures }}\nrule R on default {{ match E\n send to F }}\n"
    );
    let t = template(&spec, Target::Sam);
    assert_eq!(
        t["Resources"]["RFPermission"],
        json!({
            "Type": "AWS::Lambda::Permission",
            "Properties": {
                "Action": "lambda:InvokeFunction",
                "FunctionName": { "Ref": "F" },
                "Principal": "events.amazonaws.com",
                "SourceArn": { "Fn::GetAtt": ["R", "Arn"] },
                "SourceAccount": { "Ref": "AWS::AccountId" },
            },
        })
    );
}

#[test]
fn rule_to_topic_gets_a_topic_policy_for_the_rule() {
    let spec = format!("{EVENT}topic T\nrule R on default {{ match E\n send to T }}\n");
    let t = template(&spec, Target::Sam);
    let st = &t["Resources"]["TPolicy"]["Properties"]["PolicyDocument"]["Statement"][0];
    assert_eq!(st["Action"], "sns:Publish");
    assert_eq!(
        st["Principal"],
        json!({ "Service": "events.amazonaws.com" })
    );
    assert_eq!(
        st["Condition"]["ArnEquals"]["aws:SourceArn"],
        json!({ "Fn::GetAtt": ["R", "Arn"] })
    );
}

#[test]
fn api_route_permission_is_scoped_to_method_and_path() {
    let spec = "function GetOrder { handler = \"f.h\" }\nfunction Files { handler = \"f.h\" }\n\
                api Shop http {\n auth = iam\n GET /orders/{id} -> GetOrder\n ANY /files/{path+} -> Files\n}\n";
    let t = template(spec, Target::CloudFormation);
    let p = &t["Resources"]["ShopGetOrdersByIdPermission"]["Properties"];
    assert_eq!(p["Principal"], "apigateway.amazonaws.com");
    assert_eq!(p["FunctionName"], json!({ "Ref": "GetOrder" }));
    let arn = p["SourceArn"]["Fn::Sub"].as_str().unwrap();
    assert!(
        arn.starts_with(
            "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Shop}/"
        ),
        "{arn}"
    );
    assert!(arn.ends_with("/*/GET/orders/*"), "{arn}");
    let arn = t["Resources"]["ShopAnyFilesByPathPermission"]["Properties"]["SourceArn"]["Fn::Sub"]
        .as_str()
        .unwrap();
    assert!(arn.ends_with("/*/*/files/*"), "{arn}");
}

#[test]
fn bucket_trigger_permission_names_the_bucket_and_account() {
    let spec = "bucket B\nqueue Failures\nfunction F { handler = \"f.h\"\n on B\n on_failure = Failures }\n";
    let t = template(spec, Target::Sam);
    let p = &t["Resources"]["FBPermission"]["Properties"];
    assert_eq!(p["Principal"], "s3.amazonaws.com");
    assert_eq!(p["SourceAccount"], json!({ "Ref": "AWS::AccountId" }));
    assert_eq!(t["Resources"]["B"]["DependsOn"], json!(["FBPermission"]));
}

// --------------------------------------------- wiring: timeouts, targets

#[test]
fn api_function_timeout_allows_30s_not_31s() {
    let spec = |timeout: &str| {
        format!("function F {{ handler = \"f.h\", timeout = {timeout} }}\napi A http {{ auth = iam, GET /x -> F }}\n")
    };
    assert_ok(&spec("30s"));
    assert_eq!(errors(&spec("31s")), ["E0304"]);
}

#[test]
fn a_rule_takes_five_targets_not_six() {
    let spec = |n: usize| {
        let queues: String = (1..=n).map(|i| format!("queue Q{i}\n")).collect();
        let sends: String = (1..=n).map(|i| format!(" send to Q{i}\n")).collect();
        format!("{EVENT}{queues}rule R on default {{ match E\n{sends}}}\n")
    };
    assert_ok(&spec(5));
    assert_eq!(errors(&spec(6)), ["E0308"]);
}

#[test]
fn async_invocations_without_a_destination_are_w0305() {
    // The schedule's delivery and the function's invocation are two hops.
    let c = compile("function F { handler = \"f.h\" }\nschedule S every 1d -> F\n");
    let messages: Vec<&str> = c.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "schedule `S` has no dead-letter queue, so events it cannot deliver are dropped",
            "`F` is invoked asynchronously by schedule S, and its failures go nowhere",
        ]
    );
    assert_ok("queue D\nfunction F { handler = \"f.h\", on_failure = D }\nschedule S every 1d -> F { dead_letter = D }\n");
    // `drop` with a reason is the explicit opt-out, at every hop.
    assert_eq!(
        codes("function F { handler = \"f.h\", on_failure = drop { reason = \"retried upstream\" } }\nschedule S every 1d -> F {\n dead_letter = drop { reason = \"the next run catches up\" }\n}\n"),
        Vec::<&str>::new()
    );
    // Buckets and topics invoke asynchronously too.
    assert_eq!(
        codes("bucket B\nfunction F { handler = \"f.h\"\n on B }\n"),
        ["W0305"]
    );
    // A topic trigger is two hops: SNS's delivery, then Lambda's invocation.
    let c = compile("topic T\nfunction F { handler = \"f.h\"\n on T }\n");
    let messages: Vec<&str> = c
        .diagnostics
        .iter()
        .filter(|d| d.code != "W0255")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "`F` is invoked asynchronously by topic T, and its failures go nowhere",
            "messages that topic `T` cannot deliver to `F` are dropped",
        ]
    );
    let fixed = "topic T\nqueue D { retention = 14d }\nfunction F { handler = \"f.h\", on_failure = D\n on T { dead_letter = D }\n}\n";
    assert_ok(fixed);
    assert_eq!(count(fixed, "W0305"), 0);
    let t = template(fixed, Target::CloudFormation);
    let r = resources(&t);
    assert_eq!(
        r["FTSubscription"]["Properties"]["RedrivePolicy"]["deadLetterTargetArn"],
        json!({ "Fn::GetAtt": ["D", "Arn"] })
    );
    assert_eq!(r["FTSubscription"]["DependsOn"], json!(["DPolicy"]));
    assert_eq!(
        r["DPolicy"]["Properties"]["PolicyDocument"]["Statement"][0]["Sid"],
        "FromT"
    );
}

#[test]
fn queues_and_streams_without_a_failure_destination_are_w0305() {
    let queue = |dl: &str| {
        format!("queue D {{ retention = 14d }}\nqueue Q {{ visibility_timeout = 1m{dl} }}\nfunction F {{ handler = \"f.h\"\n on Q }}\n")
    };
    // Receives that outlast the retention: messages expire before the DLQ.
    let expiring = "queue D { retention = 14d }\nqueue Q { visibility_timeout = 10m, retention = 30m, dead_letter = D after 5 receives }\nfunction F { handler = \"f.h\"\n on Q }\n";
    assert_eq!(
        the(expiring, "W0305").message,
        "messages that keep failing in queue `Q` expire before they reach its dead-letter queue"
    );
    let d = the(&queue(""), "W0305");
    assert_eq!(
        d.message,
        "messages that keep failing in queue `Q` are lost when they expire"
    );
    assert_ok(&queue(", dead_letter = D"));
    assert_ok(&queue(
        ", dead_letter = drop { reason = \"idempotent retries upstream\" }",
    ));
    assert!(!codes(&queue(
        ", dead_letter = drop { reason = \"idempotent retries upstream\" }"
    ))
    .contains(&"W0305"));
    // A queue nobody in the spec consumes is not a hop.
    assert_eq!(codes("queue Q\nfunction F { handler = \"f.h\"\n sends to Q }\nschedule S every 1h -> F { dead_letter = Q }\n").iter().filter(|c| **c == "W0305").count(), 1);
    let stream = |extra: &str| {
        format!("table T {{ key = {{ pk: string }}, stream = keys_only }}\nqueue D\nfunction F {{ handler = \"f.h\"\n on T.stream {{ batch = 10{extra} }} }}\n")
    };
    assert_eq!(count(&stream(""), "W0305"), 1);
    assert_ok(&stream(", on_failure = D"));
    assert_eq!(errors(&stream(", on_failure = drop")), ["E0311"]);
}

#[test]
fn failure_destinations_are_emitted_with_their_grants() {
    let spec = "table T { key = { pk: string }, stream = keys_only }\nqueue Q { visibility_timeout = 1m, dead_letter = D }\nqueue D { retention = 14d }\nqueue Done\nbucket Failed\nfunction F {\n handler = \"f.h\"\n on_failure = Failed\n on_success = Done\n on T.stream { retries = 2, max_age = 1h, parallelization = 4, on_failure = D }\n on Q { max_concurrency = 5 }\n}\nschedule S every 1h -> F { dead_letter = D }\n";
    for target in [Target::Sam, Target::CloudFormation] {
        let t = template(spec, target);
        let sids: Vec<String> = role_statements(&t, "F")
            .iter()
            .map(|s| s["Sid"].as_str().unwrap().to_string())
            .collect();
        for sid in [
            "WriteFailuresFailed",
            "ListFailuresFailed",
            "SendSuccessesDone",
            "SendFailuresD",
        ] {
            assert!(sids.iter().any(|s| s == sid), "{sid} missing from {sids:?}");
        }
        let r = resources(&t);
        let (config, mapping) = match target {
            Target::Sam => (
                r["F"]["Properties"]["EventInvokeConfig"].clone(),
                r["F"]["Properties"]["Events"]["TStream"]["Properties"].clone(),
            ),
            Target::CloudFormation => (
                r["FEventInvokeConfig"]["Properties"].clone(),
                r["FTStreamMapping"]["Properties"].clone(),
            ),
        };
        assert!(config["DestinationConfig"]["OnSuccess"]["Destination"].is_object());
        assert!(config["DestinationConfig"]["OnFailure"]["Destination"].is_object());
        assert_eq!(mapping["MaximumRecordAgeInSeconds"], 3600);
        assert_eq!(mapping["ParallelizationFactor"], 4);
        assert_eq!(
            mapping["DestinationConfig"]["OnFailure"]["Destination"],
            json!({ "Fn::GetAtt": ["D", "Arn"] })
        );
        if target == Target::Sam {
            assert_eq!(config["DestinationConfig"]["OnFailure"]["Type"], "S3Bucket");
        }
    }
    // Ranges and kinds.
    let t = |settings: &str| {
        format!("table T {{ key = {{ pk: string }}, stream = keys_only }}\nqueue D\nfunction F {{ handler = \"f.h\"\n on T.stream {{ on_failure = D, {settings} }} }}\n")
    };
    assert_eq!(errors(&t("max_age = 30s")), ["E0203"]);
    assert_ok(&t("max_age = -1"));
    assert_eq!(errors(&t("parallelization = 11")), ["E0203"]);
    assert_eq!(
        errors("queue D { retention = 14d }\nqueue Q { dead_letter = D }\nfunction F { handler = \"f.h\"\n on Q { max_concurrency = 1 } }\n"),
        ["E0203"]
    );
    assert_eq!(
        errors("queue D { fifo = true }\nfunction F { handler = \"f.h\", on_success = D }\n"),
        ["E0307"]
    );
}

#[test]
fn stream_trigger_needs_a_table_stream() {
    let spec = |stream: &str| {
        format!("table T {{ key = {{ pk: string }} {stream} }}\nfunction F {{ handler = \"f.h\"\n on T.stream }}\n")
    };
    assert_eq!(errors(&spec("")), ["E0306"]);
    assert_ok(&spec(", stream = keys_only"));
    assert_eq!(errors("table T { key = { pk: string }, stream = keys_only }\nfunction F { handler = \"f.h\"\n on T }\n"), ["E0103"]);
}

// ------------------------------------- cycles, env names, notifications

#[test]
fn functions_naming_themselves_or_each_other_are_a_cycle_one_way_is_not() {
    let d = the(&function_with("env { SELF = F.arn }"), "E0110");
    assert_eq!(d.message, "`F` refers to itself");
    assert_eq!(
        the(&function_with("invokes F"), "E0110").message,
        "`F` refers to itself"
    );
    let both = "function F { handler = \"f.h\"\n env { G_NAME = G.name } }\nfunction G { handler = \"g.h\"\n env { F_NAME = F.name } }\n";
    let d = the(both, "E0110");
    assert_eq!(d.message, "`F` depends on itself: F -> G -> F");
    let one_way = "function F { handler = \"f.h\"\n env { G_NAME = G.name } }\nfunction G { handler = \"g.h\" }\n";
    assert!(!codes(one_way).contains(&"E0110"));
}

#[test]
fn dead_letter_queues_in_a_loop_are_a_cycle() {
    assert!(codes("queue A { dead_letter = B }\nqueue B { dead_letter = A }\n").contains(&"E0110"));
    assert_eq!(
        the("queue A { dead_letter = A }\n", "E0110").message,
        "`A` refers to itself"
    );
    assert!(!codes("queue A { dead_letter = B }\nqueue B\n").contains(&"E0110"));
}

#[test]
fn reserved_and_malformed_env_names_are_e0212() {
    let env = |k: &str| function_with(&format!("env {{ {k} = \"x\" }}"));
    let d = the(&env("AWS_REGION"), "E0212");
    assert_eq!(d.message, "`AWS_REGION` is set by Lambda itself");
    assert_eq!(errors(&env("_HANDLER")), ["E0212"]);
    assert_eq!(errors(&env("A")), ["E0212"]);
    assert_eq!(errors(&env("_X")), ["E0212"]);
    assert_ok(&env("AB"));
    assert_ok(&env("TABLE_NAME2"));
    assert_ok(&env("AWS_REGION_NAME"));
}

fn two_notifications(first: &str, second: &str) -> String {
    format!(
        "bucket B\nqueue D\nfunction F {{ handler = \"f.h\"\n on B {{ {first} }}\n on_failure = D }}\nfunction G {{ handler = \"g.h\"\n on B {{ {second} }}\n on_failure = D }}\n"
    )
}

#[test]
fn overlapping_notifications_of_one_bucket_are_e0310() {
    assert_eq!(errors(&two_notifications("", "")), ["E0310"]);
    assert_eq!(
        errors(&two_notifications("prefix = \"a/\"", "prefix = \"a/b/\"")),
        ["E0310"]
    );
    assert_eq!(errors(&two_notifications("prefix = \"a/\"", "")), ["E0310"]);
    assert_eq!(
        errors(&two_notifications(
            "suffix = \".jpg\"",
            "suffix = \"g.jpg\""
        )),
        ["E0310"]
    );
    assert_eq!(
        errors(&two_notifications(
            "events = [created, removed]",
            "events = removed"
        )),
        ["E0310"]
    );
}

#[test]
fn notifications_with_distinct_prefixes_suffixes_or_events_do_not_overlap() {
    assert_ok(&two_notifications("prefix = \"a/\"", "prefix = \"b/\""));
    assert_ok(&two_notifications("suffix = \".jpg\"", "suffix = \".png\""));
    assert_ok(&two_notifications("events = created", "events = removed"));
    assert_ok(&two_notifications(
        "prefix = \"a/\", suffix = \".jpg\"",
        "prefix = \"a/\", suffix = \".png\"",
    ));
}

// ------------------------------------------------------ build-only errors

#[test]
fn a_spec_of_only_types_and_events_does_not_build() {
    let c = compile("type T { a: string }\nevent E from \"src\" { t: T }\n");
    assert!(!c.has_errors(), "{}", common::rendered(&c));
    let err = slsc::build(&c, Target::Sam).unwrap_err();
    let errs = err.diagnostics();
    assert_eq!(errs.iter().map(|d| d.code).collect::<Vec<_>>(), ["E0107"]);
    assert_eq!(errs[0].message, "the spec declares nothing to deploy");
    assert!(slsc::build(&c, Target::CloudFormation).is_err());
    // A spec with errors builds nothing; the errors are in the compilation.
    let c = compile(&function_with("memory = 1MB"));
    assert_eq!(
        slsc::build(&c, Target::Sam).unwrap_err(),
        slsc::BuildError::HasErrors
    );
}

#[test]
fn app_key_grants_follow_the_verbs() {
    let spec = "queue In\nqueue Out\ntopic News\nqueue Failures\nfunction F {\n handler = \"f.h\"\n env { MODE = \"x\" }\n on In\n sends to Out\n publishes to News\n on_failure = Failures\n}\n";
    let t = template(spec, Target::CloudFormation);
    let kms: Vec<String> = role_actions(&t, "F")
        .into_iter()
        .filter(|a| a.starts_with("kms:"))
        .collect();
    assert_eq!(kms, ["kms:Decrypt", "kms:GenerateDataKey"]);
    let r = resources(&t);
    assert_eq!(r["EncryptionKey"]["Properties"]["EnableKeyRotation"], true);
    let key = serde_json::json!({ "Fn::GetAtt": ["EncryptionKey", "Arn"] });
    assert_eq!(r["In"]["Properties"]["KmsMasterKeyId"], key);
    assert_eq!(r["News"]["Properties"]["KmsMasterKeyId"], key);
    assert_eq!(r["FLogGroup"]["Properties"]["KmsKeyId"], key);
    assert_eq!(r["F"]["Properties"]["KmsKeyArn"], key);
    let managed = template(
        &format!("app a {{ runtime = \"python3.13\", encryption = aws_managed }}\n{spec}"),
        Target::CloudFormation,
    );
    assert!(resources(&managed).get("EncryptionKey").is_none());
    assert_eq!(
        resources(&managed)["In"]["Properties"]["SqsManagedSseEnabled"],
        true
    );
}

#[test]
fn a_declaration_named_like_the_app_key_is_caught_by_check() {
    // With the app's key (the default) the name is taken; with AWS managed
    // keys there is no key and the name is free.
    assert_eq!(
        errors("queue EncryptionKey\nfunction F { handler = \"f.h\"\n on EncryptionKey }\n"),
        ["E0109"]
    );
    assert_ok("app managed { runtime = \"python3.13\", encryption = aws_managed }\nqueue EncryptionKey\nfunction F { handler = \"f.h\"\n on EncryptionKey }\n");
}

#[test]
fn table_indexes_are_emitted_and_read_grants_name_each_one() {
    let spec = "table Orders {\n key = { customer: string, placedAt: number }\n billing = provisioned { read = 5, write = 5 }\n indexes { byStatus = { status: string, placedAt: number } }\n local_indexes { byTotal = { total: number } }\n}\nfunction F { handler = \"f.h\"\n env { TABLE = Orders.name }\n reads Orders\n}\nschedule S every 1h -> F\n";
    let t = template(spec, Target::CloudFormation);
    let props = &resources(&t)["Orders"]["Properties"];
    let attrs: Vec<&str> = props["AttributeDefinitions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["AttributeName"].as_str().unwrap())
        .collect();
    // Each attribute once, in the order first named.
    assert_eq!(attrs, ["customer", "placedAt", "status", "total"]);
    let gsi = &props["GlobalSecondaryIndexes"][0];
    assert_eq!(gsi["IndexName"], "byStatus");
    assert_eq!(gsi["ProvisionedThroughput"]["ReadCapacityUnits"], 5);
    let lsi = &props["LocalSecondaryIndexes"][0];
    // A local index keeps the table's partition key.
    assert_eq!(lsi["KeySchema"][0]["AttributeName"], "customer");
    assert_eq!(lsi["KeySchema"][1]["AttributeName"], "total");
    let read = role_statements(&t, "F")
        .into_iter()
        .find(|s| s["Sid"] == "ReadOrders")
        .unwrap();
    assert_eq!(
        read["Resource"],
        json!([
            { "Fn::GetAtt": ["Orders", "Arn"] },
            { "Fn::Sub": "${Orders.Arn}/index/byStatus" },
            { "Fn::Sub": "${Orders.Arn}/index/byTotal" },
        ])
    );
    // Without indexes, no index ARN is granted.
    let plain = template(
        "table T { key = { pk: string } }\nfunction F { handler = \"f.h\"\n env { TABLE = T.name }\n reads T\n}\nschedule S every 1h -> F\n",
        Target::CloudFormation,
    );
    let read = role_statements(&plain, "F")
        .into_iter()
        .find(|s| s["Sid"] == "ReadT")
        .unwrap();
    assert_eq!(read["Resource"], json!([{ "Fn::GetAtt": ["T", "Arn"] }]));
}

#[test]
fn table_index_mistakes_are_reported() {
    let table = |body: &str| format!("table T {{\n key = {{ pk: string }}\n {body}\n}}\n");
    assert_eq!(errors(&table("indexes { ab = { x: string } }")), ["E0203"]);
    assert_eq!(
        errors(&table("indexes { byPk = { pk: number } }")),
        ["E0201"]
    );
    assert_eq!(
        errors(&table(
            "indexes { byX = { a: string, b: string, c: string } }"
        )),
        ["E0201"]
    );
    // A local index needs a table with a sort key.
    assert_eq!(
        errors(&table("local_indexes { byY = { y: string } }")),
        ["E0203"]
    );
    assert_eq!(
        errors(&table(
            "indexes { byX = { x: string } }\n local_indexes { byX = { y: string } }"
        )),
        ["E0106"]
    );
    let many: String = (0..21)
        .map(|i| format!("ix{i:02} = {{ a{i}: string }}\n"))
        .collect();
    assert_eq!(errors(&table(&format!("indexes {{\n{many}}}"))), ["E0203"]);
    assert_ok(&table(
        "indexes { byX = { x: string }, byPk = { pk: string, y: number } }",
    ));
    assert_ok(
        "table T {\n key = { pk: string, sk: string }\n local_indexes { byY = { y: string } }\n}\n",
    );
    // A local index sorted by one of the table's own keys is rejected by DynamoDB.
    for attr in ["pk", "sk"] {
        assert_eq!(
            errors(&format!("table T {{\n key = {{ pk: string, sk: string }}\n local_indexes {{ byK = {{ {attr}: string }} }}\n}}\n")),
            ["E0203"]
        );
    }
}

#[test]
fn api_access_logs_default_on_for_http_and_opt_in_for_rest() {
    let spec = |kind: &str, extra: &str| {
        format!("function F {{ handler = \"f.h\" }}\napi A {kind} {{\n auth = iam\n {extra}\n GET /x -> F\n}}\n")
    };
    for target in [Target::Sam, Target::CloudFormation] {
        let http = template(&spec("http", ""), target);
        assert!(resources(&http).contains_key("AAccessLogs"));
        let quiet = template(&spec("http", "access_logs = false"), target);
        assert!(!resources(&quiet).contains_key("AAccessLogs"));
        let rest = template(&spec("rest", ""), target);
        assert!(!resources(&rest).contains_key("AAccessLogs"));
        let logged = template(&spec("rest", "access_logs = true"), target);
        let r = resources(&logged);
        assert_eq!(r["AAccessLogs"]["Type"], "AWS::Logs::LogGroup");
        let setting = match target {
            Target::Sam => &r["A"]["Properties"]["AccessLogSetting"],
            Target::CloudFormation => &r["AStage"]["Properties"]["AccessLogSetting"],
        };
        assert_eq!(
            setting["DestinationArn"],
            json!({ "Fn::GetAtt": ["AAccessLogs", "Arn"] })
        );
        assert!(setting["Format"]
            .as_str()
            .unwrap()
            .contains("$context.resourcePath"));
    }
    assert_eq!(errors(&spec("rest", "access_logs = yes")), ["E0201"]);
}

#[test]
fn template_limits_are_e0313() {
    let functions = |n: usize| -> String {
        // Without alarms or a dashboard: the functions' own resources.
        let mut s = String::from(
            "app t {\n  runtime = \"python3.13\"\n  alarms = off { reason = \"counting\" }\n  dashboard = off { reason = \"counting\" }\n}\nqueue D { retention = 14d }\n",
        );
        for i in 0..n {
            s.push_str(&format!(
                "function F{i} {{ handler = \"f.h\", on_failure = D }}\nschedule S{i} every 1h -> F{i} {{ dead_letter = D }}\n"
            ));
        }
        s
    };
    // A function with its async config and a schedule with its permission
    // are 6 resources: 80 fit, 100 do not.
    let d = the(&functions(100), "E0313");
    assert!(
        d.message.starts_with("the template has ")
            && d.message
                .ends_with("resources; CloudFormation allows 500 in one stack"),
        "{}",
        d.message
    );
    assert_eq!(count(&functions(80), "E0313"), 0);
    // One report per declaration for long logical IDs, none at 255.
    let named = |len: usize| {
        let name = format!("F{}", "x".repeat(len - 1));
        format!("queue D {{ retention = 14d }}\nfunction {name} {{ handler = \"f.h\", on_failure = D }}\nschedule S every 1h -> {name} {{ dead_letter = D }}\nfunction F {{ handler = \"f.h\", on_failure = D }}\n")
    };
    assert_eq!(count(&named(255 - "EventInvokeConfig".len()), "E0313"), 0);
    assert_eq!(count(&named(256 - "EventInvokeConfig".len()), "E0313"), 1);
}

#[test]
fn a_large_environment_is_e0203() {
    let env = |n: usize| function_with(&format!("env {{ BIG = \"{}\" }}", "x".repeat(n)));
    // The key counts too: `BIG` is 3 bytes.
    assert!(!errors(&env(4_093)).contains(&"E0203"));
    let d = the(&env(4_094), "E0203");
    assert_eq!(
        d.message,
        "the environment of `F` is at least 4097 bytes; Lambda allows 4096"
    );
}

#[test]
fn subscriptions_have_dead_letter_queues() {
    let spec = |sub: &str, dlq: &str| {
        format!("queue Q\nqueue D {{ {dlq} }}\ntopic T {{\n subscribe Q{sub}\n}}\nfunction P {{ handler = \"p.h\"\n publishes to T }}\n")
    };
    let d = the(&spec("", ""), "W0305");
    assert_eq!(
        d.message,
        "messages that topic `T` cannot deliver to `Q` are dropped"
    );
    let t = template(&spec(" { dead_letter = D }", ""), Target::CloudFormation);
    let r = resources(&t);
    let sub = &r["TQSubscription"];
    assert_eq!(
        sub["Properties"]["RedrivePolicy"]["deadLetterTargetArn"],
        json!({ "Fn::GetAtt": ["D", "Arn"] })
    );
    assert_eq!(sub["DependsOn"], json!(["QPolicy", "DPolicy"]));
    // SNS may send to the dead-letter queue, for this topic only.
    let statement = &r["DPolicy"]["Properties"]["PolicyDocument"]["Statement"][0];
    assert_eq!(statement["Sid"], "FromT");
    assert_eq!(
        codes(&spec(
            " { dead_letter = drop { reason = \"an audit copy\" } }",
            ""
        ))
        .iter()
        .filter(|c| **c == "W0305")
        .count(),
        0
    );
    assert_eq!(
        errors(&spec(" { dead_letter = D }", "fifo = true")),
        ["E0303"]
    );
}

#[test]
fn schedules_run_on_eventbridge_scheduler_with_a_role() {
    let spec = |body: &str| {
        format!("queue D {{ retention = 14d }}\nfunction F {{ handler = \"f.h\", on_failure = D }}\nschedule S cron \"0 8 ? * MON-FRI *\" -> F {{\n dead_letter = D\n {body}\n}}\n")
    };
    let t = template(
        &spec("window = 15m, timezone = \"Europe/Paris\""),
        Target::CloudFormation,
    );
    let r = resources(&t);
    let s = &r["S"];
    assert_eq!(s["Type"], "AWS::Scheduler::Schedule");
    assert_eq!(
        s["Properties"]["FlexibleTimeWindow"],
        json!({ "Mode": "FLEXIBLE", "MaximumWindowInMinutes": 15 })
    );
    assert_eq!(
        s["Properties"]["ScheduleExpressionTimezone"],
        "Europe/Paris"
    );
    assert_eq!(
        s["Properties"]["Target"]["RoleArn"],
        json!({ "Fn::GetAtt": ["SRole", "Arn"] })
    );
    let role = &r["SRole"]["Properties"];
    assert_eq!(
        role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"]["Service"],
        "scheduler.amazonaws.com"
    );
    let sids: Vec<&str> = role["Policies"][0]["PolicyDocument"]["Statement"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["Sid"].as_str().unwrap())
        .collect();
    assert_eq!(sids, ["InvokeF", "SendDeadLettersD", "EncryptWithAppKey"]);
    // No Lambda permission and no queue policy: Scheduler uses the role.
    assert!(!r.contains_key("SFPermission"));
    assert!(!r.contains_key("DPolicy"));
    // Without a window the schedule runs on time; YAML quotes `OFF`.
    let plain = template(&spec(""), Target::Sam);
    assert_eq!(
        resources(&plain)["S"]["Properties"]["FlexibleTimeWindow"],
        json!({ "Mode": "OFF" })
    );
    let yaml = slsc::emit::write(&plain, slsc::Format::Yaml);
    assert!(yaml.contains("Mode: 'OFF'"), "{yaml}");
    assert_eq!(errors(&spec("window = 90s")), ["E0201"]);
    assert_eq!(errors(&spec("window = 25h")), ["E0203"]);
    assert_eq!(errors(&spec("timezone = \"Paris\"")), ["E0201"]);
}

#[test]
fn kinesis_streams_are_produced_to_and_consumed() {
    let spec = |decl: &str, trigger: &str| {
        format!("{decl}\nqueue D {{ retention = 14d }}\nfunction P {{ handler = \"p.h\"\n env {{ STREAM = Clicks.name }}\n writes Clicks\n}}\nfunction C {{ handler = \"c.h\"\n on Clicks {trigger}\n}}\napi A http {{ auth = iam, POST /clicks -> P }}\n")
    };
    let ok = spec(
        "stream Clicks { shards = 2, retention = 48h }",
        "{ start = trim_horizon, on_failure = D }",
    );
    for target in [Target::Sam, Target::CloudFormation] {
        let t = template(&ok, target);
        let r = resources(&t);
        let s = &r["Clicks"]["Properties"];
        assert_eq!(r["Clicks"]["Type"], "AWS::Kinesis::Stream");
        assert_eq!(s["ShardCount"], 2);
        assert_eq!(s["RetentionPeriodHours"], 48);
        assert_eq!(s["StreamEncryption"]["EncryptionType"], "KMS");
        let mapping = match target {
            Target::Sam => {
                assert_eq!(r["C"]["Properties"]["Events"]["Clicks"]["Type"], "Kinesis");
                r["C"]["Properties"]["Events"]["Clicks"]["Properties"].clone()
            }
            Target::CloudFormation => r["CClicksMapping"]["Properties"].clone(),
        };
        let arn_key = if target == Target::Sam {
            "Stream"
        } else {
            "EventSourceArn"
        };
        assert_eq!(mapping[arn_key], json!({ "Fn::GetAtt": ["Clicks", "Arn"] }));
        assert_eq!(mapping["StartingPosition"], "TRIM_HORIZON");
        let actions = role_actions(&t, "P");
        assert!(
            actions.contains(&"kinesis:PutRecord".to_string()),
            "{actions:?}"
        );
        let actions = role_actions(&t, "C");
        assert!(
            actions.contains(&"kinesis:GetRecords".to_string()),
            "{actions:?}"
        );
        // The stream is encrypted with the app's key.
        assert!(actions.contains(&"kms:Decrypt".to_string()), "{actions:?}");
    }
    // On-demand by default, with the Kinesis managed key under aws_managed.
    let managed = template(
        &format!(
            "app a {{ runtime = \"python3.13\", encryption = aws_managed }}\n{}",
            spec("stream Clicks", "{ on_failure = D }")
        ),
        Target::CloudFormation,
    );
    let s = &resources(&managed)["Clicks"]["Properties"];
    assert_eq!(s["StreamModeDetails"]["StreamMode"], "ON_DEMAND");
    assert_eq!(s["StreamEncryption"]["KeyId"], "alias/aws/kinesis");
    // A Kinesis consumer without a failure destination is a lost hop.
    assert_eq!(count(&spec("stream Clicks", ""), "W0305"), 1);
    assert_eq!(
        errors(&spec(
            "stream Clicks { retention = 12h }",
            "{ on_failure = D }"
        )),
        ["E0203"]
    );
    assert_eq!(
        errors(&spec(
            "stream Clicks { retention = 90m }",
            "{ on_failure = D }"
        )),
        ["E0201"]
    );
    assert_eq!(
        errors(&spec("stream Clicks { shards = 0 }", "{ on_failure = D }")),
        ["E0203"]
    );
    assert_eq!(
        errors("stream Clicks\nfunction C { handler = \"c.h\"\n on Clicks.stream }\n"),
        ["E0103"]
    );
}

#[test]
fn subscription_filters_are_typed_sns_filter_policies() {
    let spec = |filter: &str| {
        format!("type Asset {{ id: string, version: int, kind: \"image\" | \"video\", tags: [string] }}\nqueue Q\nqueue D {{ retention = 14d }}\ntopic T of Asset {{\n subscribe Q where {filter} {{ dead_letter = D }}\n}}\nfunction P {{ handler = \"p.h\"\n publishes Asset to T }}\napi A http {{ auth = iam, POST /x -> P }}\n")
    };
    let t = template(
        &spec("version > 1 and kind = \"video\""),
        Target::CloudFormation,
    );
    let sub = &resources(&t)["TQSubscription"]["Properties"];
    assert_eq!(sub["FilterPolicyScope"], "MessageBody");
    assert_eq!(
        sub["FilterPolicy"],
        json!({ "version": [{ "numeric": [">", 1] }], "kind": ["video"] })
    );
    // Checked like a rule's filter, against the message type.
    assert_eq!(errors(&spec("verison > 1")), ["E0401"]);
    assert_eq!(errors(&spec("kind = \"audio\"")), ["E0405"]);
    assert_eq!(errors(&spec("id matches \"a*\"")), ["E0403"]);
    // SNS allows 5 keys and 150 combinations.
    let wide = "id in [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", \"i\", \"j\", \"k\", \"l\", \"m\"] and tags in [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", \"i\", \"j\", \"k\", \"l\"]";
    assert_eq!(errors(&spec(wide)), ["E0203"]);
    // An untyped topic's filter is checked for form and contradictions only.
    let untyped = |filter: &str| {
        format!("queue Q\nqueue D {{ retention = 14d }}\ntopic T {{\n subscribe Q where {filter} {{ dead_letter = D }}\n}}\nfunction P {{ handler = \"p.h\"\n publishes to T }}\napi A http {{ auth = iam, POST /x -> P }}\n")
    };
    let t = template(
        &untyped("size > 1 and meta.kind = \"video\""),
        Target::CloudFormation,
    );
    assert_eq!(
        resources(&t)["TQSubscription"]["Properties"]["FilterPolicy"],
        json!({ "size": [{ "numeric": [">", 1] }], "meta": { "kind": ["video"] } })
    );
    assert_eq!(errors(&untyped("size > 5 and size < 2")), ["E0406"]);
}

#[test]
fn dead_letter_queues_allow_redrive_from_their_sources_only() {
    let spec = "queue D { retention = 14d }\nqueue Q { dead_letter = D }\nqueue F { fifo = true, dead_letter = G }\nqueue G { fifo = true, retention = 14d }\nfunction C { handler = \"c.h\"\n on Q\n on F\n}\n";
    let t = template(spec, Target::CloudFormation);
    let r = resources(&t);
    // The source has a fixed name, so that the DLQ can name it.
    let name = &r["Q"]["Properties"]["QueueName"]["Fn::Join"][1];
    assert_eq!(name[0], "Q-");
    assert_eq!(r["F"]["Properties"]["QueueName"]["Fn::Join"][1][2], ".fifo");
    let allow = &r["D"]["Properties"]["RedriveAllowPolicy"];
    assert_eq!(allow["redrivePermission"], "byQueue");
    assert_eq!(allow["sourceQueueArns"].as_array().unwrap().len(), 1);
    assert!(r["D"]["Properties"].get("QueueName").is_none());
    // At most 10 sources per dead-letter queue.
    let many: String = (0..11)
        .map(|i| format!("queue Q{i} {{ dead_letter = D }}\nfunction C{i} {{ handler = \"c.h\"\n on Q{i} }}\n"))
        .collect();
    assert_eq!(
        errors(&format!("queue D {{ retention = 14d }}\n{many}")),
        ["E0203"]
    );
    // Names are cut to 38 characters: two long names may meet.
    let long = |suffix: &str| format!("Q{}{suffix}", "x".repeat(40));
    let clash = format!(
        "queue D {{ retention = 14d }}\nqueue {} {{ dead_letter = D }}\nqueue {} {{ dead_letter = D }}\nfunction C {{ handler = \"c.h\"\n on {}\n on {}\n}}\n",
        long("a"),
        long("b"),
        long("a"),
        long("b")
    );
    assert_eq!(errors(&clash), ["E0109"]);
}

#[test]
fn bus_names_leave_room_for_the_stack_name() {
    let spec = |n: usize| {
        let name = format!("B{}", "x".repeat(n - 1));
        format!("event E from \"x\" {{ a: string }}\nbus {name}\nfunction F {{ handler = \"f.h\"\n emits E to {name}\n recursion = allow {{ reason = \"test\" }}\n}}\nrule R on {name} {{\n match E\n send to F\n dead_letter = drop {{ reason = \"test\" }}\n}}\n")
    };
    assert!(!errors(&spec(127)).contains(&"E0203"));
    assert_eq!(errors(&spec(128)), ["E0203"]);
}

#[test]
fn api_quotas_are_e0203() {
    let http = |n: usize| {
        let routes: String = (0..n).map(|i| format!(" GET /r{i} -> F\n")).collect();
        format!("function F {{ handler = \"f.h\" }}\napi A http {{\n auth = iam\n{routes}}}\n")
    };
    assert!(!errors(&http(300)).contains(&"E0203"));
    assert_eq!(errors(&http(301)), ["E0203"]);
    // A REST API counts its resources: /r{i} and /r{i}/x are two each.
    let rest = |n: usize| {
        let routes: String = (0..n).map(|i| format!(" GET /r{i}/x -> F\n")).collect();
        format!("function F {{ handler = \"f.h\" }}\napi A rest {{\n auth = iam\n{routes}}}\n")
    };
    assert!(!errors(&rest(150)).contains(&"E0203"));
    assert_eq!(errors(&rest(151)), ["E0203"]);
    let cors = |age: &str| {
        format!("function F {{ handler = \"f.h\" }}\napi A http {{\n auth = iam\n cors {{ origins = [\"https://a.example.com\"], max_age = {age} }}\n GET /x -> F\n}}\n")
    };
    assert_ok(&cors("1d"));
    assert_eq!(errors(&cors("2d")), ["E0203"]);
}

#[test]
fn bucket_loops_are_proved_or_refuted_from_prefixes() {
    let spec = |write: &str, trigger: &str, verb: &str| {
        format!(
            "bucket B\nfunction F {{\n  handler = \"f.h\"\n  {verb} B{write}\n  on B {{ {trigger} }}\n  on_failure = drop {{ reason = \"r\" }}\n}}\n"
        )
    };
    // Writes anywhere reach every trigger; nested prefixes overlap.
    assert_eq!(count(&spec("", "suffix = \".jpg\"", "writes"), "E0320"), 1);
    assert_eq!(
        count(
            &spec(" prefix \"in/a/\"", "prefix = \"in/\"", "writes"),
            "E0320"
        ),
        1
    );
    assert_eq!(
        count(
            &spec(" prefix \"in/\"", "prefix = \"in/a/\"", "writes"),
            "E0320"
        ),
        1
    );
    // Disjoint prefixes cannot loop, whatever the suffixes.
    assert_eq!(
        count(
            &spec(" prefix \"out/\"", "prefix = \"in/\"", "writes"),
            "E0320"
        ),
        0
    );
    // Deletes fire removed-object triggers, not created-object ones.
    assert_eq!(
        count(&spec("", "events = [created]", "deletes"), "E0320"),
        0
    );
    assert_eq!(
        count(&spec("", "events = [removed]", "deletes"), "E0320"),
        1
    );
    assert_eq!(count(&spec("", "events = [removed]", "writes"), "E0320"), 0);
}

#[test]
fn loops_through_every_kind_of_hop_are_found_once() {
    // A function's failures go to a queue whose consumer invokes it again.
    let failures = "queue Q { visibility_timeout = 60s, dead_letter = drop { reason = \"r\" } }\n\
        function A { handler = \"a.h\"\n on_failure = Q\n}\n\
        function B { handler = \"b.h\"\n on Q { batch = 1 }\n invokes A\n}\n\
        rule R on default { match aws.s3.ObjectCreated\n send to A\n dead_letter = drop { reason = \"r\" } }\n\
        use aws.s3\n";
    let d = the(failures, "E0320");
    assert!(d.message.contains("`A` → `Q` → `B` → `A`"), "{}", d.message);
    // A Kinesis stream written by its own consumer; a table without a
    // stream passes nothing on.
    let kinesis = "stream S\nqueue D\nfunction C { handler = \"c.h\"\n on S { batch = 1, on_failure = D }\n writes S\n}\n";
    assert_eq!(count(kinesis, "E0320"), 1);
    // A bucket's EventBridge events reach the default bus's S3 rules.
    let s3_events = "use aws.s3\nbucket B { eventbridge = true }\nqueue D { retention = 14d }\n\
        function F { handler = \"f.h\"\n writes B\n on_failure = D\n}\n\
        rule R on default { match aws.s3.ObjectCreated where bucket.name = B.name\n send to F\n dead_letter = D }\n";
    assert_eq!(count(s3_events, "E0320"), 1);
    assert_eq!(count(&s3_events.replace("writes B", "reads B"), "E0320"), 0);
    // A rule that watches only `object.key prefix "in/"` is not fed by
    // writes under `out/`.
    let keyed = s3_events.replace(
        "where bucket.name = B.name",
        "where bucket.name = B.name and object.key prefix \"in/\"",
    );
    assert_eq!(count(&keyed, "E0320"), 1);
    assert_eq!(
        count(
            &keyed.replace("writes B", "writes B prefix \"out/\""),
            "E0320"
        ),
        0
    );
    let table = "table T { key = { id: string } }\nfunction C { handler = \"c.h\"\n writes T\n}\n";
    assert_eq!(count(table, "E0320"), 0);
    // Emitting an event no rule on that bus matches is no loop.
    let other_bus = "event E from \"x\" { id: string }\nbus A\nbus B\n\
        function F { handler = \"f.h\"\n emits E to B\n on_failure = drop { reason = \"r\" }\n}\n\
        rule R on A { match E\n send to F\n dead_letter = drop { reason = \"r\" } }\n";
    assert_eq!(count(other_bus, "E0320"), 0);
    // Two functions in one loop: one report, and allowing one of them
    // accepts it.
    let two = "queue Q1 { visibility_timeout = 60s }\nqueue Q2 { visibility_timeout = 60s }\n\
        function A { handler = \"a.h\"\n on Q1 { batch = 1 }\n sends to Q2\n}\n\
        function B { handler = \"b.h\"\n on Q2 { batch = 1 }\n sends to Q1\n}\n";
    assert_eq!(count(two, "E0320"), 1);
    let allowed = two.replace(
        "sends to Q1\n",
        "sends to Q1\n recursion = allow { reason = \"r\" }\n",
    );
    assert_eq!(count(&allowed, "E0320"), 0);
    assert_eq!(count(&allowed, "W0322"), 0);
}

#[test]
fn an_allowed_loop_is_not_stopped_by_lambda() {
    // Two functions in the loop, one says why: both must run with loop
    // detection off, since Lambda stops any function left on Terminate; a
    // function outside the loop keeps it on.
    let spec = "queue Q { visibility_timeout = 60s, dead_letter = drop { reason = \"r\" } }\n\
        topic T\nqueue D { retention = 14d }\n\
        function A { handler = \"a.h\"\n on Q { batch = 1 }\n publishes to T\n recursion = allow { reason = \"r\" }\n}\n\
        function B { handler = \"b.h\"\n on T { dead_letter = D }\n sends to Q\n on_failure = D\n}\n\
        function C { handler = \"c.h\"\n on T { dead_letter = D }\n on_failure = D\n}\n";
    assert_eq!(count(spec, "E0320"), 0);
    for target in [Target::Sam, Target::CloudFormation] {
        let t = template(spec, target);
        for (f, expected) in [
            ("A", json!("Allow")),
            ("B", json!("Allow")),
            ("C", Value::Null),
        ] {
            assert_eq!(
                t["Resources"][f]["Properties"]["RecursiveLoop"], expected,
                "{f}"
            );
        }
    }
}

#[test]
fn misleading_messages_are_fixed() {
    // The 4 KB environment error points at the variables that make it big.
    let spec = format!(
        "function F {{ handler = \"f.h\"\n env {{ A = \"a\", BIG = \"{}\", C = \"c\" }}\n}}\n",
        "x".repeat(5_000)
    );
    let d = the(&spec, "E0203");
    let c = compile(&spec);
    let at = c.sources.get(d.span.file).slice(d.span);
    assert_eq!(at, "BIG");
    // A property in the wrong declaration says where it belongs.
    let d = the("queue Q { partial_failures = true }\n", "E0105");
    assert!(d.help.unwrap().contains("`on Queue {"), "help");
    let d = the("queue Q { vpc = 1 }\n", "E0105");
    assert_eq!(
        d.help.as_deref(),
        Some("the language does not support it yet")
    );
    let d = the("queue Q { layers = 1 }\n", "E0105");
    assert!(d.help.unwrap().contains("setting of a function"), "help");
    // A rule on another bus than the event's is told which bus to use.
    let spec = "event E from \"x\" { a: string }\nbus A\nbus B\nfunction F { handler = \"f.h\"\n emits E to A\n}\n\
        function G { handler = \"g.h\", on_failure = drop { reason = \"r\" } }\n\
        rule R on B { match E\n send to G\n dead_letter = drop { reason = \"r\" } }\n";
    let d = the(spec, "W0409");
    assert!(d.help.unwrap().contains("write `rule R on A`"));
    // A JWT block without its issuer is one error, not also "anyone may call".
    let spec = "function F { handler = \"f.h\" }\napi A http {\n auth = jwt { audience = [\"x\"] }\n POST /x -> F\n}\n";
    assert_eq!(codes(spec), ["E0107"]);
    // A syntax error hides declarations: no "never used" follows it.
    let spec = "function F { handler = \"f.h\" }\nschedule S every 1d -> -> F\n";
    let c = codes(spec);
    assert!(c.contains(&"E0001") && !c.contains(&"W0104"), "{c:?}");
}

#[test]
fn async_settings_nothing_uses_are_neither_emitted_nor_granted() {
    let spec = |invoker: &str| {
        format!(
            "topic Alerts {{ external = true }}\nfunction F {{ handler = \"f.h\"\n retries = 0\n on_failure = Alerts\n}}\n{invoker}"
        )
    };
    let only_api = spec("api A http {\n auth = iam\n GET /x -> F\n}\n");
    assert_eq!(count(&only_api, "W0329"), 1);
    for target in [Target::Sam, Target::CloudFormation] {
        let t = template(&only_api, target);
        let sids: Vec<String> = role_statements(&t, "F")
            .iter()
            .map(|s| s["Sid"].as_str().unwrap().to_string())
            .collect();
        assert!(!sids.iter().any(|s| s.contains("Alerts")), "{sids:?}");
        let text = t.to_string();
        assert!(!text.contains("EventInvokeConfig") && !text.contains("DestinationConfig"));
    }
    // A schedule invokes it asynchronously: the settings are real again.
    let scheduled = spec("schedule S every 1d -> F { dead_letter = drop { reason = \"r\" } }\n");
    assert_eq!(count(&scheduled, "W0329"), 0);
    let t = template(&scheduled, Target::CloudFormation);
    assert!(role_statements(&t, "F")
        .iter()
        .any(|s| s["Sid"].as_str().unwrap().contains("Alerts")));
}

#[test]
fn destinations_of_functions_nothing_invokes_asynchronously_do_not_count() {
    // `F` consumes a queue: its `on_failure = G` does nothing, so nothing
    // invokes `G` asynchronously either, and `G`'s retries are unused too.
    let spec = "queue Q { external = true, dead_letter = drop { reason = \"r\" } }\n\
        function F { handler = \"f.h\"\n on Q { batch = 1 }\n on_failure = G\n}\n\
        function G { handler = \"g.h\"\n retries = 1\n}\n";
    assert_eq!(count(spec, "W0329"), 2);
    // A function invoked from outside the spec keeps its settings.
    let outside = "queue D { retention = 14d }\nfunction F { handler = \"f.h\"\n external = true\n on_failure = D\n}\n";
    assert_eq!(codes(outside), Vec::<&str>::new());
    let t = template(outside, Target::CloudFormation);
    assert!(t.to_string().contains("DestinationConfig"));
}

#[test]
fn loops_through_bus_and_bucket_destinations() {
    let bus = "queue Dlq { retention = 14d }\nbus Results\n\
        event Succeeded from \"lambda\" detail_type \"Lambda Function Invocation Result - Success\" external { version: string }\n\
        function Work { handler = \"w.h\"\n on_success = Results\n on_failure = Dlq\n}\n\
        rule Again on Results { match Succeeded\n send to Work\n dead_letter = Dlq }\n";
    assert_eq!(count(bus, "E0320"), 1);
    let bucket = "bucket Failures\n\
        schedule S every 1d -> Work { retry { max_age = 1h }, dead_letter = drop { reason = \"r\" } }\n\
        function Work { handler = \"w.h\"\n max_event_age = 1h\n on Failures\n on_failure = Failures\n}\n";
    assert_eq!(count(bucket, "E0320"), 1);
    // Lambda writes new objects: a trigger on removed objects is not fed.
    assert_eq!(
        count(
            &bucket.replace("on Failures", "on Failures { events = [removed] }"),
            "E0320"
        ),
        0
    );
}

#[test]
fn reserved_concurrency_is_judged_against_the_account_quota() {
    let spec = |n: i64| function_with(&format!("concurrency = {n}"));
    assert!(!errors(&spec(900)).contains(&"E0203"));
    let d = the(&spec(901), "E0203");
    assert_eq!(
        d.message,
        "`concurrency` must be between 0 and 900, found 901"
    );
    let mut opts = common::options();
    opts.config.account.concurrency = Some(5_000);
    let c = compile_on(&spec(2_000), opts);
    assert!(
        !c.diagnostics.iter().any(|d| d.code == "E0203"),
        "{}",
        common::rendered(&c)
    );
    // Below two, the help cannot offer a lower `max_concurrency`.
    let low = "queue Q { external = true, dead_letter = drop { reason = \"r\" } }\n\
        function F { handler = \"f.h\"\n concurrency = 1\n on Q { batch = 1, max_concurrency = 5 }\n}\n";
    assert!(the(low, "W0324")
        .help
        .unwrap()
        .starts_with("remove `max_concurrency`"));
}

#[test]
fn w0312_always_says_how_to_clear_it() {
    let spec = "queue D { retention = 60s }\nqueue Q { retention = 14d, dead_letter = D }\n";
    let help = the(spec, "W0312").help.unwrap();
    assert!(
        help.contains("`retention = 14d` on `D`") && help.contains("lower `Q`'s"),
        "{help}"
    );
}

#[test]
fn cron_intervals_read_steps_as_cron_does() {
    use slsc::model::{ScheduleKind, Spanned};
    let cron = |c: &str| ScheduleKind::Cron(Spanned::new(c.into(), Default::default())).interval();
    assert_eq!(cron("*/15 * * * ? *"), Some(900));
    assert_eq!(cron("50/30 * * * ? *"), Some(3_600));
    assert_eq!(cron("0,30 9 * * ? *"), Some(1_800));
    assert_eq!(cron("0 3 * * ? *"), Some(86_400));
    assert_eq!(cron("0/0 * * * ? *"), None);
}

#[test]
fn a_syntax_error_is_not_followed_by_findings_about_what_it_broke() {
    // `Checkout` cannot be read at all (its header is broken): whatever it
    // used, fed or invoked would be called unused or fed by nothing.
    let spec = "queue Jobs { visibility_timeout = 60s, dead_letter = drop { reason = \"r\" } }\n\
                table Orders { key = { pk: string } }\n\
                function Checkout handler = \"c.h\", sends to Jobs, writes Orders }\n\
                function Worker { handler = \"w.h\", timeout = 10s, on Jobs { batch = 1 } }\n";
    assert_eq!(codes(spec), ["E0001"]);
    // A half-typed member loses only itself: the declaration, its other
    // members and what refers to it stay, and nothing is reported missing.
    let spec = "queue Jobs { visibility_timeout = 60s, dead_letter = drop { reason = \"r\" } }\n\
                function Checkout {\n  handler =\n  sends to Jobs\n  timeout = 10s\n}\n\
                function Worker { handler = \"w.h\", timeout = 10s, on Jobs { batch = 1 } }\n\
                api Public http { auth = iam\n  POST /checkout -> Checkout\n}\n";
    let c = compile(spec);
    let codes: Vec<&str> = c.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["E0001"], "{}", common::rendered(&c));
    assert_eq!(
        c.diagnostics[0].message,
        "expected a value after `handler =`, found end of line"
    );
}
