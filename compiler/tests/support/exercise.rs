//! Runs one input through everything `slsc` does with a spec: shared by the
//! fuzz harness (`compiler/examples/fuzz.rs`) and the regression test of its
//! findings (`compiler/tests/robustness.rs`).

use std::path::Path;

/// Formats `bytes` (twice: the second time must change nothing), compiles
/// them as if read from `path` (so that its relative `use`s resolve), then
/// renders every report format, builds both targets (with
/// their source maps), prints permissions, and, for a spec without errors,
/// writes every schema, sample and OpenAPI document and matches each rule
/// against each sample. Returns the number of diagnostics. Panics if
/// anything does.
pub fn exercise(name: &str, path: Option<&Path>, bytes: Vec<u8>) -> usize {
    // The formatter: never a panic, and formatting twice changes nothing
    // more.
    if let Ok(text) = std::str::from_utf8(&bytes) {
        if let Ok(once) = slsc::format(text) {
            assert_eq!(
                slsc::format(&once).as_deref(),
                Ok(once.as_str()),
                "formatting is not idempotent"
            );
        }
    }
    let opts = slsc::CheckOptions::new(slsc::Date::parse("2026-11-23").unwrap());
    let c = slsc::compile_bytes(name, path, bytes, opts);
    for color in [false, true] {
        let opts = slsc::diagnostics::RenderOptions { color, width: 80 };
        let _ = slsc::diagnostics::render(&c.sources, &c.diagnostics, opts);
    }
    let _ = slsc::diagnostics::summary(&c.diagnostics);
    let windows = c.retry_windows();
    let checked = [slsc::report::Checked {
        file: name.to_string(),
        sources: &c.sources,
        diagnostics: &c.diagnostics,
        retry_windows: &windows,
    }];
    let report = slsc::report::report(&checked);
    let _ = serde_json::to_string_pretty(&report);
    let _ = slsc::report::retry_note(&report);
    let _ = serde_json::to_string(&slsc::report::sarif(&report, Some("https://x/")));
    let _ = slsc::report::github(&report);
    for target in [slsc::Target::Sam, slsc::Target::CloudFormation] {
        if let Ok(t) = slsc::build(&c, target) {
            for format in [slsc::Format::Yaml, slsc::Format::Json] {
                let _ = slsc::render(&c, &t, format);
            }
            let _ = t.provenance.to_json(&c.sources);
        }
    }
    if c.has_errors() {
        return c.diagnostics.len();
    }
    let permissions = slsc::permissions::report(&c, None);
    let _ = slsc::permissions::text(&permissions);
    let _ = slsc::schema::all(&c.model);
    let mut samples = Vec::new();
    let names = c.model.events.iter().map(|e| e.name.clone());
    for name in names.chain(c.model.types.iter().map(|t| t.name.clone())) {
        if let Some(s) = slsc::schema::subject(&c.model, &name) {
            let _ = slsc::schema::document(&c.model, s);
            if let Some(s) = slsc::schema::subject(&c.model, &name) {
                samples.push(slsc::schema::sample(&c.model, s));
            }
        }
    }
    for q in &c.model.queues {
        let _ = slsc::schema::queue_event(&c.model, q);
    }
    for api in &c.model.apis {
        let _ = slsc::openapi::document(&c.model, api);
    }
    for p in c.proved.patterns.iter().flatten() {
        let p = &slsc::emit::pattern_json(&c.model, p);
        for s in &samples {
            let _ = slsc::matcher::explain(p, s);
        }
    }
    c.diagnostics.len()
}
