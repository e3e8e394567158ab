//! Helpers shared by the test harnesses.

// Each test binary includes this module and uses only part of it.
#![allow(dead_code)]

use slsc::{CheckOptions, Compilation, Date, Diagnostic};
use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The folders of `examples/` that hold an `app.sls`, sorted.
pub fn examples() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("app.sls").exists())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Tests judge runtimes on a fixed date so that results never drift.
pub fn options() -> CheckOptions {
    CheckOptions::new(Date::parse("2026-11-23").unwrap())
}

/// Compiles a file of the repository, named by its path from the root so
/// that rendered diagnostics are the same on every machine.
pub fn compile(rel: &Path) -> Compilation {
    let abs = root().join(rel);
    let bytes = std::fs::read(&abs).unwrap_or_else(|e| panic!("{}: {e}", abs.display()));
    slsc::compile_bytes(
        &rel.display().to_string().replace('\\', "/"),
        Some(&abs),
        bytes,
        options(),
    )
}

/// Compiles a file of the repository for one of its stages.
pub fn compile_stage(rel: &Path, stage: &str) -> Compilation {
    let abs = root().join(rel);
    let bytes = std::fs::read(&abs).unwrap_or_else(|e| panic!("{}: {e}", abs.display()));
    let mut opts = options();
    opts.stage = Some(stage.to_string());
    slsc::compile_bytes(
        &rel.display().to_string().replace('\\', "/"),
        Some(&abs),
        bytes,
        opts,
    )
}

/// Diagnostics rendered without colour at width 80, plus the summary.
pub fn rendered(c: &Compilation) -> String {
    let mut out = slsc::diagnostics::render(&c.sources, &c.diagnostics, Default::default());
    out.push_str(&slsc::diagnostics::summary(&c.diagnostics));
    out.push('\n');
    out
}

/// Why diagnostics do not point inside their files, one line each: every
/// span, primary or related, must name a file of the compilation and run
/// forwards from a character boundary to one, within the text. Rendering,
/// the reports and editors all slice the text with them. Empty when all do.
pub fn span_problems(sources: &slsc::source::SourceMap, diagnostics: &[Diagnostic]) -> Vec<String> {
    let files: Vec<_> = sources.files().map(|(_, f)| f).collect();
    let mut out = Vec::new();
    for d in diagnostics {
        let primary = (d.span, "primary span".to_string());
        let related = d
            .secondary
            .iter()
            .map(|(s, label)| (*s, format!("related span `{label}`")));
        for (span, what) in std::iter::once(primary).chain(related) {
            let Some(file) = files.get(span.file.0 as usize) else {
                out.push(format!(
                    "{} `{}`: {what} in file {}, of {}",
                    d.code,
                    d.message,
                    span.file.0,
                    files.len()
                ));
                continue;
            };
            let (start, end) = (span.start as usize, span.end as usize);
            let inside = start <= end
                && end <= file.text.len()
                && file.text.is_char_boundary(start)
                && file.text.is_char_boundary(end);
            if !inside {
                out.push(format!(
                    "{} `{}`: {what} {start}..{end} is not inside {} ({} bytes)",
                    d.code,
                    d.message,
                    file.name,
                    file.text.len()
                ));
            }
        }
    }
    out
}

/// Asserts that what `check` counts against CloudFormation's limits
/// (`emit::count`) is what `build` emitted for `target`: the same resource,
/// output and parameter IDs in the same order, and each resource owned by
/// the same declaration. A REST deployment's ID, which ends in a hash of
/// the API, is counted as eight zeros. `here` names the spec in messages.
pub fn assert_counts_match(c: &Compilation, built: &slsc::Built, target: slsc::Target, here: &str) {
    let counted = slsc::emit::count(&c.model, target);
    // REST deployments and published versions end in a hash, counted as
    // `00000000`.
    let unhashed = |id: &str| {
        for word in ["Deployment", "Version"] {
            if let Some(i) = id.rfind(word) {
                let tail = &id[i + word.len()..];
                if tail.len() == 8 && tail.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return format!("{}00000000", &id[..i + word.len()]);
                }
            }
        }
        id.to_string()
    };
    let ids = |section: &str| -> Vec<String> {
        built[section]
            .as_object()
            .map(|m| m.keys().map(|k| unhashed(k)).collect())
            .unwrap_or_default()
    };
    assert_eq!(
        counted.resources.keys().cloned().collect::<Vec<_>>(),
        ids("Resources"),
        "{here}: resources"
    );
    assert_eq!(
        counted.outputs.keys().cloned().collect::<Vec<_>>(),
        ids("Outputs"),
        "{here}: outputs"
    );
    assert_eq!(counted.parameters, ids("Parameters"), "{here}: parameters");
    for (id, owner) in built["Resources"]
        .as_object()
        .unwrap()
        .keys()
        .zip(counted.resources.values())
    {
        let recorded = built.provenance.resource(id).unwrap_or_default();
        assert_eq!(*owner, recorded, "{here}: the owner of {id}");
    }
}
