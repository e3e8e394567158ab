//! Helpers shared by the test harnesses.

// Each test binary includes this module and uses only part of it.
#![allow(dead_code)]

use slsc::{CheckOptions, Compilation, Date};
use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// Tests judge runtimes on a fixed date so that results never drift.
pub fn options() -> CheckOptions {
    CheckOptions::new(Date::parse("2026-11-23").unwrap())
}

/// Compiles a file of the repository, named by its path from the root so
/// that rendered diagnostics are the same on every machine.
pub fn compile(rel: &Path) -> Compilation {
    let abs = root().join(rel);
    let text = std::fs::read_to_string(&abs).unwrap_or_else(|e| panic!("{}: {e}", abs.display()));
    slsc::compile_source(
        &rel.display().to_string().replace('\\', "/"),
        Some(&abs),
        text,
        options(),
    )
}

/// Diagnostics rendered without colour at width 80, plus the summary.
pub fn rendered(c: &Compilation) -> String {
    let mut out = slsc::diagnostics::render(&c.sources, &c.diagnostics, Default::default());
    out.push_str(&slsc::diagnostics::summary(&c.diagnostics));
    out.push('\n');
    out
}
