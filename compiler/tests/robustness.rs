//! Bad input of any kind gets diagnostics, never a panic: every example is
//! cut, spliced and corrupted in many deterministic ways and compiled.

#[path = "support/common.rs"]
mod common;

/// A small deterministic generator (64-bit LCG): no dependency, same cases
/// on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % bound.max(1)
    }
}

const NOISE: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    "->",
    "=",
    ":",
    "?",
    "|",
    ",",
    "//",
    "\n",
    " ",
    "0",
    "99999999999999999999",
    "1ms",
    "3GB",
    "queue",
    "function",
    "on",
    "where",
    "and",
    "or",
    "not",
    "in",
    "exists",
    "after",
    "receives",
    "é",
    "\u{0}",
    "\\",
    "{id+}",
    "/",
    "GET",
    "match",
    "send to",
    "emits",
    "Orders.stream",
    ".",
];

#[test]
fn corrupted_specs_get_sound_diagnostics_and_never_panic() {
    let mut rng = Lcg(0x5eed);
    let mut sources: Vec<String> = Vec::new();
    for e in ["orders-reference", "ecommerce", "media-pipeline"] {
        sources.push(
            std::fs::read_to_string(common::root().join("examples").join(e).join("app.sls"))
                .unwrap(),
        );
    }
    let (mut case, mut with_errors, mut failures) = (0, 0, Vec::new());
    for src in &sources {
        let chars: Vec<char> = src.chars().collect();
        for _ in 0..400 {
            let mut c = chars.clone();
            for _ in 0..=rng.next(4) {
                let at = rng.next(c.len());
                match rng.next(3) {
                    0 => {
                        let end = (at + rng.next(40)).min(c.len());
                        c.drain(at..end);
                    }
                    1 => {
                        let noise = NOISE[rng.next(NOISE.len())];
                        for (i, ch) in noise.chars().enumerate() {
                            c.insert(at + i, ch);
                        }
                    }
                    _ => c.truncate(at),
                }
            }
            let text: String = c.into_iter().collect();
            let compilation = slsc::compile_source("fuzz.sls", None, text, common::options());
            if let Err(problem) = judge(&compilation) {
                failures.push(format!("case {case}: {problem}"));
            }
            if compilation.has_errors() {
                with_errors += 1;
            }
            case += 1;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The corruptions reach both the error paths and the build: most break
    // the spec, some leave it valid (208 of 1,200 when this was written).
    assert!(
        with_errors > 600 && case - with_errors > 50,
        "{with_errors} of {case} cases have errors"
    );
}

/// What any compilation, however broken its input, must be: spans inside
/// the text, every diagnostic rendered, and a template exactly when there
/// are no errors (or the errors only building finds).
fn judge(c: &slsc::Compilation) -> Result<(), String> {
    let problems = common::span_problems(&c.sources, &c.diagnostics);
    if !problems.is_empty() {
        return Err(problems.join("; "));
    }
    // Each report starts with its code on a line of its own; a report
    // miette could not render would be missing.
    let rendered = common::rendered(c);
    for d in &c.diagnostics {
        let shown = rendered.lines().filter(|l| *l == d.code).count();
        let raised = c.diagnostics.iter().filter(|x| x.code == d.code).count();
        if shown != raised {
            return Err(format!(
                "{} raised {raised} times, rendered {shown}:\n{rendered}",
                d.code
            ));
        }
    }
    for target in [slsc::Target::Sam, slsc::Target::CloudFormation] {
        match (c.has_errors(), slsc::build(c, target)) {
            (true, Err(slsc::BuildError::HasErrors)) => {}
            (true, _) => return Err(format!("{target:?}: built a spec with errors")),
            (false, Ok(_)) => {}
            (false, Err(err)) => {
                // No resource (E0107) or two sharing a logical ID (E0109).
                let found = err.diagnostics();
                let codes: Vec<&str> = found.iter().map(|d| d.code).collect();
                if found.is_empty() || codes.iter().any(|c| !matches!(*c, "E0107" | "E0109")) {
                    return Err(format!("{target:?}: build failed with {codes:?}"));
                }
                let problems = common::span_problems(&c.sources, found);
                if !problems.is_empty() {
                    return Err(problems.join("; "));
                }
            }
        }
    }
    Ok(())
}

/// A spec around a rule pattern, valid but for what `pattern` holds.
fn with_pattern(pattern: &str) -> String {
    format!(
        "bus B\nqueue Q\nevent E from \"x\" external {{ a: int }}\n\
         rule R on B {{\n  match E where {pattern}\n  send to Q\n  dead_letter = drop {{ reason = \"test\" }}\n}}\n"
    )
}

/// Every way of nesting 10,000 levels deep.
fn deep_specs() -> Vec<(&'static str, String)> {
    let n = 10_000;
    vec![
        (
            "parentheses",
            with_pattern(&format!("{}a = 1{}", "(".repeat(n), ")".repeat(n))),
        ),
        (
            "not",
            with_pattern(&format!("a {}exists", "not ".repeat(n))),
        ),
        (
            "brackets",
            format!(
                "type T {{ a: {}string{} }}\nevent E from \"x\" external {{ t: T }}\n",
                "[".repeat(n),
                "]".repeat(n)
            ),
        ),
        (
            "braces",
            format!(
                "type T {{ a: {}string{} }}\n",
                "{ b: ".repeat(n),
                " }".repeat(n)
            ),
        ),
        (
            "values",
            format!(
                "app a {{ runtime = \"python3.13\", tags = {}1{} }}\nqueue Q\n",
                "[".repeat(n),
                "]".repeat(n)
            ),
        ),
        (
            "blocks",
            format!("queue Q {{ {}{} }}\n", "a { ".repeat(n), "} ".repeat(n)),
        ),
        (
            "redrive",
            format!(
                "queue Q {{ dead_letter = {} 1 {} }}\nqueue D\n",
                "D after ".repeat(n),
                "receives ".repeat(n)
            ),
        ),
        ("unclosed", format!("queue Q {{ tags = {}\n", "[".repeat(n))),
    ]
}

/// Runs every stage and tool that takes a spec; none may overflow its
/// stack (the test thread's 2 MiB is smaller than the CLI's 8 MiB).
fn every_stage(name: &str, text: String) -> slsc::Compilation {
    let c = slsc::compile_source(name, None, text, common::options());
    let _ = common::rendered(&c);
    let json = slsc::report::report(&[slsc::report::Checked {
        file: name.into(),
        sources: &c.sources,
        diagnostics: &c.diagnostics,
        retry_windows: &c.retry_windows(),
    }]);
    let _ = slsc::report::sarif(&json, None);
    let _ = slsc::report::github(&json);
    for target in [slsc::Target::Sam, slsc::Target::CloudFormation] {
        if let Ok(t) = slsc::build(&c, target) {
            let _ = slsc::render(&c, &t, slsc::Format::Yaml);
        }
    }
    if !c.has_errors() {
        let _ = slsc::permissions::report(&c, None);
        let _ = slsc::schema::all(&c.model);
        for e in &c.model.events {
            if let Some(s) = slsc::schema::subject(&c.model, &e.name) {
                let _ = slsc::schema::sample(&c.model, s);
            }
        }
        for p in c.proved.patterns.iter().flatten() {
            let p = &slsc::emit::pattern_json(&c.model, p);
            let _ = slsc::matcher::explain(p, &serde_json::json!({}));
        }
    }
    c
}

#[test]
fn deep_nesting_is_a_diagnostic_not_a_stack_overflow() {
    for (what, text) in deep_specs() {
        let c = every_stage(what, text);
        let codes: Vec<&str> = c.diagnostics.iter().map(|d| d.code).collect();
        assert!(c.has_errors(), "{what}: {codes:?}");
        if !matches!(what, "not" | "unclosed") {
            assert!(codes.contains(&"E0008"), "{what}: {codes:?}");
        }
    }
    // Up to the limit, nesting is fine.
    let ok = with_pattern(&format!("{}a = 1{}", "(".repeat(60), ")".repeat(60)));
    let c = every_stage("ok", ok);
    assert!(!c.has_errors(), "{}", common::rendered(&c));
}

#[test]
fn a_finding_far_along_a_long_line_renders() {
    // A minified spec: everything on one line, the finding at column 100,010.
    let text = format!(
        "queue Q {{ retention = 14d }}{}queue R {{ retention = 99d }}",
        " ".repeat(100_000)
    );
    let c = slsc::compile_source("long.sls", None, text, common::options());
    let out = common::rendered(&c);
    assert!(out.contains("[long.sls:1:100050]"), "{out}");
    assert!(out.lines().all(|l| l.chars().count() < 400), "{out}");
    // The same with two-byte characters (a window must not cut one) and
    // CRLF line ends.
    let text = format!(
        "// {}\r\nqueue Q {{ retention = 14d }} // {}\r\nqueue R {{ retention = 99d }} // {}\r\n",
        "é".repeat(40_000),
        "é".repeat(40_000),
        "é".repeat(40_000)
    );
    let c = slsc::compile_source("wide.sls", None, text, common::options());
    let out = common::rendered(&c);
    assert!(out.contains("[wide.sls:3:23]"), "{out}");
    assert!(out.lines().all(|l| l.chars().count() < 400), "{out}");
}

#[test]
fn control_characters_are_not_printed_raw() {
    let text = "queue Q { retention = 99d } // \u{1b}[2J\u{9b}31m\nfunction F { handler = \"\u{1b}]0;x\u{7}\", runtime = \"\u{1b}[31mpython\" }\n";
    let c = slsc::compile_source("esc.sls", None, text.into(), common::options());
    let out = common::rendered(&c);
    assert!(
        !out.contains(|c: char| c.is_control() && c != '\n'),
        "{out:?}"
    );
    assert!(out.contains("E0203"), "{out}");
    assert!(out.contains("\\u{1b}[31mpython"), "{out}");
    let report = slsc::report::report(&[slsc::report::Checked {
        file: "esc.sls".into(),
        sources: &c.sources,
        diagnostics: &c.diagnostics,
        retry_windows: &[],
    }]);
    let github = slsc::report::github(&report);
    assert!(
        !github.contains(|c: char| c.is_control() && c != '\n'),
        "{github:?}"
    );
}

#[test]
fn a_lone_cr_ends_a_line_and_a_comment() {
    let text = "// a comment\rqueue Q { retention = 99d }\r";
    let c = slsc::compile_source("cr.sls", None, text.into(), common::options());
    let d = c.diagnostics.iter().find(|d| d.code == "E0203");
    let d = d.unwrap_or_else(|| panic!("{}", common::rendered(&c)));
    assert_eq!(c.sources.get(d.span.file).line_col(d.span.start), (2, 23));
    // CRLF: the same place.
    let c = slsc::compile_source(
        "crlf.sls",
        None,
        text.replace('\r', "\r\n"),
        common::options(),
    );
    let d = c.diagnostics.iter().find(|d| d.code == "E0203").unwrap();
    assert_eq!(c.sources.get(d.span.file).line_col(d.span.start), (2, 23));
    assert!(!common::rendered(&c).contains('\r'));
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let c = slsc::compile_source(
        "bom.sls",
        None,
        "\u{feff}queue Q { retention = 14d }\n".into(),
        common::options(),
    );
    assert!(!c.has_errors(), "{}", common::rendered(&c));
}

#[test]
fn huge_numbers_and_long_names_are_diagnostics() {
    let name = "N".repeat(100_000);
    for (text, code) in [
        // Its logical IDs are over CloudFormation's 255 characters.
        (format!("queue {name}\n"), "E0313"),
        (
            "queue Q { retention = 99999999999999999999999999999999d }\n".to_string(),
            "E0002",
        ),
        (
            "queue Q { max_receives = -99999999999999999999999999 }\n".to_string(),
            "E0002",
        ),
        (
            format!("queue Q {{ retention = {}s }}\n", "9".repeat(10_000)),
            "E0002",
        ),
        (with_pattern(&format!("a > 1{}", "0".repeat(5000))), "E0002"),
        (
            with_pattern(&format!("a.{} exists", ["b"; 20_000].join("."))),
            "E0401",
        ),
    ] {
        let c = every_stage("huge.sls", text);
        let codes: Vec<&str> = c.diagnostics.iter().map(|d| d.code).collect();
        assert!(c.has_errors() && codes.contains(&code), "{code}: {codes:?}");
    }
}

#[path = "support/exercise.rs"]
mod exercise;

/// Every input the fuzz harness (`compiler/examples/fuzz.rs`) or a report
/// found crashing, hanging or panicking, run through everything slsc does.
#[test]
fn fuzz_regressions_run_clean() {
    let dir = common::root().join("tests/fuzz/regressions");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sls"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for path in files {
        let name = format!(
            "tests/fuzz/regressions/{}",
            path.file_name().unwrap().to_string_lossy()
        );
        let bytes = std::fs::read(&path).unwrap();
        let start = std::time::Instant::now();
        exercise::exercise(&name, Some(&path), bytes);
        // Generous for a debug build on a busy machine: a hang is minutes.
        assert!(start.elapsed().as_secs() < 20, "{name} is slow");
    }
}

#[test]
fn many_rules_sharing_a_target_get_one_statement_each() {
    let n = 3000;
    let mut text = String::from(
        "app a { runtime = \"python3.13\" }\nbus B\nqueue Dlq { retention = 14d }\n\
         queue Work { visibility_timeout = 60s }\nevent E from \"x\" external { a: int }\n\
         function F {\n  handler = \"f.h\"\n  on Work\n  on_failure = Dlq\n}\n",
    );
    for i in 0..n {
        text.push_str(&format!(
            "rule R{i} on B {{\n  match E where a > {i}\n  send to Work\n  dead_letter = Dlq\n}}\n"
        ));
    }
    let start = std::time::Instant::now();
    let c = slsc::compile_source("fan-in.sls", None, text, common::options());
    let t = slsc::emit::emit(&c.model, &c.proved, slsc::Target::CloudFormation)
        .unwrap()
        .template;
    // Quadratic, this took minutes in a debug build.
    assert!(start.elapsed().as_secs() < 60);
    for queue in ["WorkPolicy", "DlqPolicy"] {
        let statements = t["Resources"][queue]["Properties"]["PolicyDocument"]["Statement"]
            .as_array()
            .unwrap_or_else(|| panic!("{queue}: {}", t["Resources"][queue]));
        let sids: std::collections::HashSet<&str> = statements
            .iter()
            .filter_map(|s| s["Sid"].as_str())
            .collect();
        assert!(statements.len() >= n, "{queue}: {}", statements.len());
        assert_eq!(sids.len(), statements.len(), "{queue}: Sids are unique");
    }
}

#[test]
fn a_long_chain_of_uses_is_a_diagnostic() {
    let dir = std::env::temp_dir().join(format!("slsc-chain-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let n = 2000;
    for i in 0..n {
        std::fs::write(
            dir.join(format!("f{i}.sls")),
            format!("use \"./f{}.sls\"\nqueue Q{i}\n", i + 1),
        )
        .unwrap();
    }
    std::fs::write(dir.join(format!("f{n}.sls")), "queue Last\n").unwrap();
    let c = slsc::compile_file(&dir.join("f0.sls"), common::options()).unwrap();
    assert!(
        c.diagnostics.iter().any(|d| d.code == "E0008"),
        "{}",
        common::rendered(&c)
    );
    std::fs::remove_dir_all(&dir).ok();
}
