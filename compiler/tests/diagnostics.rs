//! The diagnostics harness: one result per fixture, in the shape of Ruff's
//! and Gleam's fixture tests (insta's `glob!` runs each fixture and reports
//! every one that fails, not only the first).
//!
//! One fixture folder per diagnostic code, `tests/diagnostics/CODE/`:
//! `bad.sls` must raise the code, and so must each `bad-REASON.sls`, one per
//! further reason the code fires for; `fixed.sls` must not raise it and must
//! have no errors at all. Any other file of the folder is one the fixtures
//! `use`. Each firing fixture is snapshotted as its source followed by its
//! rendered diagnostics, in `snapshots/diagnostics__diagnostic_CODE.snap`
//! (`..._CODE-REASON.snap` for `bad-REASON.sls`).
//!
//! Also here: every code has its fixtures and its documentation page, every
//! page belongs to a code, and every diagnostic of every spec in the
//! repository points inside its file.

#[path = "support/common.rs"]
mod common;

use slsc::diagnostics::codes;
use slsc::Compilation;
use std::path::{Path, PathBuf};

/// Codes that only `slsc check --with cfn-lint` reports: their fixtures are
/// `tests/mapping/`, checked in CI by `scripts/check-mapping.py`, where
/// cfn-lint is installed.
const EXTERNAL: &[&str] = &["E0901", "W0902"];

/// Codes that only `slsc diff OLD NEW` reports: their fixtures are
/// `tests/diff/CODE/` (`before.sls`, then `bad.sls` and `fixed.sls`),
/// run by `compiler/tests/diff.rs`.
const DIFF: &[&str] = &["W0119"];

/// A fixture of `tests/diagnostics/`, known by its path.
struct Fixture {
    /// The code its folder is named after.
    code: String,
    /// `bad`, `bad-REASON` or `fixed`.
    stem: String,
    /// Its path from the repository root, as diagnostics name it (not the
    /// absolute path `glob!` gives, which differs between machines).
    rel: PathBuf,
}

impl Fixture {
    fn of(path: &Path) -> Fixture {
        let name = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
        let code = name(path.parent().unwrap());
        let file = name(path);
        Fixture {
            stem: file.trim_end_matches(".sls").to_string(),
            rel: Path::new("tests/diagnostics").join(&code).join(&file),
            code,
        }
    }

    /// The snapshot's name: `diagnostic_CODE` for `bad.sls`,
    /// `diagnostic_CODE-REASON` for `bad-REASON.sls`.
    fn snapshot_name(&self) -> String {
        format!("diagnostic_{}{}", self.code, &self.stem["bad".len()..])
    }
}

/// Reports a fixture's failure at once (so that it shows even when a
/// snapshot failure ends the test first) and keeps it for the summary.
fn fail(failures: &mut Vec<String>, message: String) {
    println!("{message}\n");
    failures.push(message);
}

#[test]
fn every_bad_fixture_raises_its_code() {
    let mut failures = Vec::new();
    insta::glob!("../../tests/diagnostics", "*/bad*.sls", |path| {
        let f = Fixture::of(path);
        if !f.stem.starts_with("bad-") && f.stem != "bad" {
            // `badge.sls`, say: a file the fixtures use.
            return;
        }
        let Some(info) = codes::lookup(&f.code).filter(|i| i.code == f.code) else {
            fail(
                &mut failures,
                format!("{}: `{}` is not a registered code", f.rel.display(), f.code),
            );
            return;
        };
        let c = common::compile(&f.rel);
        if !c.diagnostics.iter().any(|d| d.code == f.code) {
            fail(
                &mut failures,
                format!(
                    "{}: does not raise {}:\n{}",
                    f.rel.display(),
                    f.code,
                    common::rendered(&c)
                ),
            );
        }
        let source = std::fs::read(path).unwrap();
        insta::with_settings!({
            // Stable names that say which fixture (`diagnostic_E0101`):
            // glob's suffix (`@E0101__bad.sls`) would only repeat that.
            snapshot_suffix => "",
            description => format!("{}: {}", info.code, info.title),
            omit_expression => true,
        }, {
            insta::assert_snapshot!(f.snapshot_name(), listing(&source, &c));
        });
    });
    assert!(
        failures.is_empty(),
        "{} fixture(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_fixed_fixture_is_clean() {
    let mut failures = Vec::new();
    insta::glob!("../../tests/diagnostics", "*/fixed.sls", |path| {
        let f = Fixture::of(path);
        let c = common::compile(&f.rel);
        if c.diagnostics
            .iter()
            .any(|d| d.code == f.code || d.is_error())
        {
            fail(
                &mut failures,
                format!(
                    "{}: still raises {} or an error:\n{}",
                    f.rel.display(),
                    f.code,
                    common::rendered(&c)
                ),
            );
        }
    });
    assert!(
        failures.is_empty(),
        "{} fixture(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// What a firing fixture's snapshot shows, as Gleam's do: the source as
/// written, then the diagnostics as `slsc check` renders them. In the
/// snapshot's body rather than its header (insta's `description`), so that
/// an edit of the fixture fails the snapshot too and the review shows the
/// new source beside the new diagnostics, whose line numbers it explains.
fn listing(source: &[u8], c: &Compilation) -> String {
    format!(
        "----- SOURCE CODE\n{}\n\n----- DIAGNOSTICS\n{}",
        shown(source).trim_end(),
        common::rendered(c)
    )
}

/// A source file's bytes as text, with what would not show escaped: a byte
/// that is not UTF-8 as `\xE9`, a control character (but newline and tab)
/// or a byte order mark as `\u{feff}`.
fn shown(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\n' | '\t' => out.push(c),
                c if c.is_control() || c == '\u{feff}' => out.extend(c.escape_unicode()),
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

/// The registry and the fixture folders name the same codes: each code has
/// `bad.sls` and `fixed.sls`, each folder is a registered code.
#[test]
fn every_code_has_its_fixtures_and_every_fixture_folder_a_code() {
    let dir = common::root().join("tests/diagnostics");
    let mut failures = Vec::new();
    for info in codes::ALL.iter().filter(|i| !EXTERNAL.contains(&i.code)) {
        let folder = if DIFF.contains(&info.code) {
            "tests/diff"
        } else {
            "tests/diagnostics"
        };
        let files: &[&str] = if DIFF.contains(&info.code) {
            &["before.sls", "bad.sls", "fixed.sls"]
        } else {
            &["bad.sls", "fixed.sls"]
        };
        for file in files {
            let path = common::root().join(folder).join(info.code).join(file);
            if !path.is_file() {
                failures.push(format!("{}: no {folder}/{}/{file}", info.code, info.code));
            }
        }
    }
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        match codes::ALL.iter().find(|i| i.code == name) {
            None => failures.push(format!("tests/diagnostics/{name}: not a registered code")),
            Some(i) if EXTERNAL.contains(&i.code) => failures.push(format!(
                "tests/diagnostics/{name}: an external linter's code, whose fixtures are tests/mapping/"
            )),
            Some(i) if DIFF.contains(&i.code) => failures.push(format!(
                "tests/diagnostics/{name}: a code of `slsc diff`, whose fixtures are tests/diff/"
            )),
            Some(_) => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Codes whose page example can be neither run nor found in a fixture: it
/// needs other files (a missing or cyclic `use`, a `code` folder), bytes a
/// markdown page cannot hold, a spec too large to show whole, or an
/// external linter.
const EXAMPLE_NOT_CHECKED: &[&str] = &[
    "E0003", "E0004", "E0008", "E0009", "E0011", "E0313", "E0408", "E0901", "W0902",
    // Two versions of a spec, `slsc diff`'s (tests/diff/W0119).
    "W0119",
];

/// Every registered code has its page, `docs/errors/CODE.md` (which is also
/// what `slsc explain CODE` prints), and every page a code. A page starts
/// with `# CODE: TITLE`, the registry's title, has `## Example` and then
/// `## How to fix`, and its example shows the code firing: it raises the
/// code on its own, or, as most examples leave out what does not matter to
/// them, it is an excerpt of one of the code's firing fixtures.
#[test]
fn every_code_has_a_documentation_page_and_every_page_a_code() {
    let dir = common::root().join("docs/errors");
    let mut failures = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let code = name.strip_suffix(".md").unwrap_or(&name);
        if !codes::ALL.iter().any(|i| i.code == code) {
            failures.push(format!("docs/errors/{name}: not a registered code"));
        }
    }
    for info in codes::ALL {
        let page = format!("docs/errors/{}.md", info.code);
        let Ok(text) = std::fs::read_to_string(common::root().join(&page)) else {
            failures.push(format!("{}: no {page}", info.code));
            continue;
        };
        let title = format!("# {}: {}", info.code, info.title);
        if text.lines().next() != Some(title.as_str()) {
            failures.push(format!("{page}: the first line must be `{title}`"));
        }
        let line_of = |heading: &str| text.lines().position(|l| l.trim_end() == heading);
        let (Some(example), Some(fix)) = (line_of("## Example"), line_of("## How to fix")) else {
            failures.push(format!("{page}: needs `## Example` and `## How to fix`"));
            continue;
        };
        if fix < example {
            failures.push(format!("{page}: `## How to fix` comes before `## Example`"));
        }
        if EXAMPLE_NOT_CHECKED.contains(&info.code) {
            continue;
        }
        let section: String = text
            .lines()
            .skip(example + 1)
            .take_while(|l| !l.starts_with("## "))
            .map(|l| format!("{l}\n"))
            .collect();
        let Some(spec) = sls_blocks(&section).into_iter().next() else {
            failures.push(format!("{page}: `## Example` has no ```sls block"));
            continue;
        };
        let fixtures: Vec<String> =
            std::fs::read_dir(common::root().join("tests/diagnostics").join(info.code))
                .into_iter()
                .flatten()
                .filter_map(|e| e.ok())
                .filter(|e| e.file_name().to_string_lossy().starts_with("bad"))
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect();
        if fixtures.iter().any(|f| is_excerpt(&spec, f)) {
            continue;
        }
        // Examples leave out the `app` and its default runtime, as they
        // leave out what does not matter to the code.
        let spec = match spec.lines().any(|l| l.starts_with("app ")) {
            true => spec,
            false => format!("app example {{ runtime = \"python3.13\" }}\n{spec}"),
        };
        let c = slsc::compile_source(&page, None, spec, common::options());
        if !c.diagnostics.iter().any(|d| d.code == info.code) {
            failures.push(format!(
                "{page}: the example neither raises {} nor is an excerpt of tests/diagnostics/{}/bad*.sls:\n{}",
                info.code,
                info.code,
                common::rendered(&c)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// True if every line of `excerpt` that is not blank is a line of `whole`,
/// in the same order; runs of spaces count as one, since examples are
/// often aligned differently.
fn is_excerpt(excerpt: &str, whole: &str) -> bool {
    let words = |l: &str| l.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut lines = whole.lines().map(words);
    excerpt
        .lines()
        .map(words)
        .filter(|l| !l.is_empty())
        .all(|l| lines.any(|w| w == l))
}

/// The ```sls code blocks of a piece of markdown.
fn sls_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match (&mut current, line.trim_start()) {
            (None, l) if l.starts_with("```sls") => current = Some(String::new()),
            (Some(_), l) if l.starts_with("```") => blocks.push(current.take().unwrap()),
            (Some(b), _) => {
                b.push_str(line);
                b.push('\n');
            }
            _ => {}
        }
    }
    blocks
}

/// Every `.sls` file under a folder of the repository, sorted.
fn specs_under(rel: &str) -> Vec<PathBuf> {
    fn walk(root: &Path, rel: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(root.join(rel)) else {
            return;
        };
        for e in entries.filter_map(|e| e.ok()) {
            let path = rel.join(e.file_name());
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                walk(root, &path, out);
            } else if path.extension().is_some_and(|x| x == "sls") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&common::root(), Path::new(rel), &mut out);
    out.sort();
    out
}

/// Every diagnostic's span, and every related span, lies inside its file
/// on character boundaries: for every spec of the repository (fixtures,
/// the fuzzer's regressions, examples), including what only building and
/// rendering the template find.
#[test]
fn every_span_lies_inside_its_file() {
    let mut specs = specs_under("tests");
    specs.extend(specs_under("examples"));
    // Every fixture folder, the fuzz regressions and the examples at least.
    assert!(specs.len() > 150, "only {} specs found", specs.len());
    let mut failures = Vec::new();
    for rel in &specs {
        let c = common::compile(rel);
        let mut diagnostics = c.diagnostics.clone();
        for target in [slsc::Target::Sam, slsc::Target::CloudFormation] {
            match slsc::build(&c, target) {
                Ok(template) => {
                    if let Err(found) = slsc::render(&c, &template, slsc::Format::Json) {
                        diagnostics.extend(found.diagnostics().iter().cloned());
                    }
                }
                Err(found) => diagnostics.extend(found.diagnostics().iter().cloned()),
            }
        }
        for problem in common::span_problems(&c.sources, &diagnostics) {
            failures.push(format!("{}: {problem}", rel.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The span check itself: it sees a span past the end, one that runs
/// backwards, one inside a character, and one in a file that is not loaded.
#[test]
fn the_span_check_sees_spans_outside_the_text() {
    use slsc::source::{FileId, Span};
    use slsc::Diagnostic;
    let c = slsc::compile_source("t.sls", None, "queue é\n".into(), common::options());
    let file = FileId(0);
    let at = |start, end| {
        Diagnostic::new(
            slsc::diagnostics::Code::E0001,
            Span::new(file, start, end),
            "x",
        )
    };
    let ok = at(0, 5).with(Span::new(file, 6, 8), "the name");
    assert_eq!(
        common::span_problems(&c.sources, &[ok]),
        Vec::<String>::new()
    );
    for bad in [
        at(0, 10),
        at(5, 4),
        at(7, 8),
        at(0, 5).with(Span::new(file, 0, 7), "inside `é`"),
        Diagnostic::new(
            slsc::diagnostics::Code::E0001,
            Span::new(FileId(3), 0, 0),
            "x",
        ),
    ] {
        assert_eq!(
            common::span_problems(&c.sources, std::slice::from_ref(&bad)).len(),
            1,
            "{bad:?}"
        );
    }
}
