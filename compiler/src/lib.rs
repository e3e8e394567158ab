//! `slsc`: a compiler for `.sls` specs of serverless, event-driven AWS apps.
//!
//! The pipeline, one module per stage, data flowing one way:
//!
//! 1. [`load`]: read the entry file and every file it `use`s (paths and
//!    [`stdlib`] modules) into a [`source::SourceMap`];
//! 2. [`syntax`]: parse each file (pest grammar `syntax/sls.pest`) into an
//!    owned, spanned [`ast`];
//! 3. [`resolve`]: build the symbol table and lower declarations into the
//!    [`model`], checking names, property names, value types and units;
//! 4. [`check`]: AWS limits, runtimes by date, wiring between declarations,
//!    and rule patterns against their event types;
//! 5. [`emit`] (with [`iam`]): the CloudFormation model, SAM or plain, then
//!    YAML or JSON text.
//!
//! Every stage returns its output together with [`diagnostics::Diagnostic`]s;
//! nothing here prints. [`compile_file`] and [`compile_source`] run stages
//! 1-4; [`build`] runs stage 5 on a compilation without errors.

pub mod ast;
pub mod check;
pub mod diagnostics;
pub mod emit;
pub mod iam;
pub mod load;
pub mod model;
pub mod resolve;
pub mod source;
pub mod stdlib;
pub mod syntax;

pub use check::{CheckOptions, Date};
pub use diagnostics::{Diagnostic, Severity};
pub use emit::{Format, Target};

use std::collections::HashSet;
use std::path::Path;

/// The result of loading, parsing, resolving and checking a spec.
#[derive(Debug)]
pub struct Compilation {
    /// Every file read, for rendering diagnostics.
    pub sources: source::SourceMap,
    /// The checked model.
    pub model: model::Model,
    /// Every diagnostic, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Compilation {
    /// True if any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Compiles the spec at `path` and everything it uses. Fails only when the
/// entry file cannot be read.
pub fn compile_file(path: &Path, opts: CheckOptions) -> std::io::Result<Compilation> {
    Ok(finish(load::load_file(path)?, opts))
}

/// Compiles a spec given as text. `path`, if any, anchors relative `use`s.
pub fn compile_source(
    name: &str,
    path: Option<&Path>,
    text: String,
    opts: CheckOptions,
) -> Compilation {
    finish(load::load_text(name, path, text), opts)
}

fn finish(loaded: load::Loaded, opts: CheckOptions) -> Compilation {
    let stdlib_files: HashSet<source::FileId> = loaded
        .sources
        .files()
        .filter(|(_, f)| f.path.is_none() && f.name.starts_with("<stdlib>"))
        .map(|(id, _)| id)
        .collect();
    let mut diagnostics = loaded.diagnostics;
    let (model, resolve_diags) = resolve::resolve(&loaded.files, &stdlib_files);
    diagnostics.extend(resolve_diags);
    let (model, check_diags) = check::check(model, opts);
    diagnostics.extend(check_diags);
    diagnostics::sort(&mut diagnostics);
    Compilation {
        sources: loaded.sources,
        model,
        diagnostics,
    }
}

/// The template of a compilation, or None if it has errors.
pub fn build(compilation: &Compilation, target: Target) -> Option<serde_json::Value> {
    if compilation.has_errors() {
        return None;
    }
    Some(emit::emit(&compilation.model, target))
}
