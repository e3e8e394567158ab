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

#![warn(missing_docs)]

pub mod ast;
pub mod check;
pub mod config;
pub mod diagnostics;
pub mod emit;
pub mod external;
pub mod iam;
pub mod limits;
pub mod load;
pub mod matcher;
pub mod model;
pub mod openapi;
pub mod permissions;
pub mod report;
pub mod resolve;
pub mod schema;
pub mod source;
pub mod sourcemap;
pub mod stdlib;
pub mod syntax;

pub use check::{CheckOptions, Date};
pub use diagnostics::{Diagnostic, Severity};
pub use emit::{Format, Target};

use std::collections::HashMap;
use std::path::Path;

/// The result of loading, parsing, resolving and checking a spec.
#[derive(Debug)]
pub struct Compilation {
    /// Every file read, for rendering diagnostics.
    pub sources: source::SourceMap,
    /// The checked model.
    pub model: model::Model,
    /// Every diagnostic, sorted by file and position, after suppressions
    /// and the project's configuration.
    pub diagnostics: Vec<Diagnostic>,
    /// Every diagnostic before suppressions and configuration, so that
    /// findings added later get the same treatment.
    unfiltered: Vec<Diagnostic>,
    /// The project's configuration.
    config: config::Config,
    /// Every comment of every file: suppressions are read from them.
    comments: Vec<source::Span>,
}

impl Compilation {
    /// Adds diagnostics found later (third-party linters) and filters every
    /// diagnostic again through suppressions and the configuration.
    pub fn add_findings(&mut self, found: Vec<Diagnostic>) {
        self.unfiltered.extend(found);
        self.diagnostics = filtered(
            &self.sources,
            &self.comments,
            &self.config,
            self.unfiltered.clone(),
        );
    }

    /// The retry window of every asynchronous hop (see `docs/failures.md`);
    /// none for a spec with errors, whose model may be incomplete.
    pub fn retry_windows(&self) -> Vec<check::failures::RetryWindow> {
        if self.has_errors() {
            return Vec::new();
        }
        check::failures::retry_windows(&self.model)
    }

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

/// Warnings about what the rest of the spec does not do (use, feed, read,
/// emit, invoke): left out while an error hides part of the spec.
const WHOLE_SPEC: &[&str] = &["W0104", "W0322", "W0327", "W0329", "W0409", "W0410"];

/// Compiles a spec given as the bytes of a file: a byte order mark is
/// dropped and invalid UTF-8 reported (E0011), as for [`compile_file`].
pub fn compile_bytes(
    name: &str,
    path: Option<&Path>,
    bytes: Vec<u8>,
    opts: CheckOptions,
) -> Compilation {
    finish(load::load_bytes(name, path, bytes), opts)
}

fn finish(mut loaded: load::Loaded, opts: CheckOptions) -> Compilation {
    // `<stdlib>/aws/s3.sls` is the module `aws.s3`.
    let stdlib_files: HashMap<source::FileId, String> = loaded
        .sources
        .files()
        .filter(|(_, f)| f.path.is_none() && f.name.starts_with("<stdlib>/"))
        .map(|(id, f)| {
            let module = f
                .name
                .trim_start_matches("<stdlib>/")
                .trim_end_matches(".sls")
                .replace('/', ".");
            (id, module)
        })
        .collect();
    let mut diagnostics = std::mem::take(&mut loaded.diagnostics);
    diagnostics.extend(code_folders(&loaded));
    let (model, resolve_diags) = resolve::resolve(&loaded.files, &stdlib_files);
    diagnostics.extend(resolve_diags);
    let (model, check_diags) = check::check(model, &opts);
    diagnostics.extend(check_diags);
    // A declaration recovered from a syntax error may lack a member the
    // error left out: a property reported missing in it, and its warnings,
    // are follow-ons of the error. They come back once it is fixed.
    let mut recovered: Vec<source::Span> = (loaded.files.iter())
        .flat_map(|(_, f)| &f.decls)
        .filter(|d| !d.recovered.is_empty())
        .map(|d| d.span)
        .collect();
    recovered.sort();
    diagnostics.retain(|d| {
        // Declarations do not overlap: the last one starting before the
        // finding is the only one that may hold it.
        let i = recovered.partition_point(|s| (s.file, s.start) <= (d.span.file, d.span.start));
        let inside = i > 0 && {
            let s = recovered[i - 1];
            s.file == d.span.file && d.span.end <= s.end
        };
        !(inside && (d.code == "E0107" || !d.is_error()))
    });
    // A declaration that an error dropped or left half-resolved (a syntax
    // error, a file that cannot be read, a schedule with an invalid rate)
    // may be the one that used, fed, subscribed to or emitted what the
    // whole-spec checks would call unused: their findings would be
    // follow-ons of the error, not news. They come back once it is fixed.
    if diagnostics.iter().any(Diagnostic::is_error) {
        diagnostics.retain(|d| !WHOLE_SPEC.contains(&d.code));
    }
    // Template limits are facts of the stack, not of the spec: count them
    // on the template of the CloudFormation target (a SAM template expands
    // to about as many resources) once the spec is otherwise sound.
    if !diagnostics.iter().any(Diagnostic::is_error) {
        if let Ok(template) = emit::emit(&model, Target::CloudFormation) {
            // Compact JSON, the smallest form it can be uploaded in.
            let mut bytes = limits::ByteCount::default();
            let _ = serde_json::to_writer(&mut bytes, &template);
            diagnostics.extend(limits::check(
                &template,
                bytes.0,
                &|id| limits::owner(&model, id),
                entry_span(&loaded.sources),
            ));
        }
    }
    let comments: Vec<source::Span> = loaded
        .files
        .iter()
        .flat_map(|(_, f)| f.extra.all_comments())
        .collect();
    let unfiltered = diagnostics;
    let diagnostics = filtered(&loaded.sources, &comments, &opts.config, unfiltered.clone());
    Compilation {
        sources: loaded.sources,
        model,
        diagnostics,
        unfiltered,
        config: opts.config,
        comments,
    }
}

/// E0009 for each function whose `code` folder does not exist. `code` is
/// relative to the entry spec's folder, as `CodeUri` is; only a spec read
/// from disk has a folder to look in.
fn code_folders(loaded: &load::Loaded) -> Vec<Diagnostic> {
    let Some((_, entry)) = loaded.sources.files().next() else {
        return Vec::new();
    };
    let Some(base) = entry.path.as_deref().and_then(Path::parent) else {
        return Vec::new();
    };
    let shown = match Path::new(&entry.name).parent() {
        Some(p) if !p.as_os_str().is_empty() => p.display().to_string(),
        _ => ".".to_string(),
    };
    let mut out = Vec::new();
    for (_, file) in &loaded.files {
        for decl in file
            .decls
            .iter()
            .filter(|d| d.kind == ast::DeclKind::Function)
        {
            for m in &decl.body {
                let ast::MemberKind::Property { key, value } = &m.kind else {
                    continue;
                };
                let ast::ValueKind::Str(code) = &value.kind else {
                    continue;
                };
                if key.name != "code" || code.trim().is_empty() {
                    continue;
                }
                let dir = base.join(code);
                if dir.is_dir() {
                    continue;
                }
                let what = if dir.exists() {
                    "is not a folder"
                } else {
                    "does not exist"
                };
                out.push(
                    Diagnostic::new("E0009", value.span, format!("`code` folder `{code}` {what}"))
                        .label(format!("relative to `{shown}`"))
                        .help(format!("name the folder with `{}`'s code relative to the spec's folder (`{shown}`), e.g. `code = \"src\"`", decl.name.name)),
                );
            }
        }
    }
    out
}

/// Diagnostics after suppression comments and the configuration, sorted.
fn filtered(
    sources: &source::SourceMap,
    comments: &[source::Span],
    config: &config::Config,
    mut diagnostics: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    config::suppress(sources, comments, &mut diagnostics);
    config::apply(config, &mut diagnostics);
    diagnostics::sort(&mut diagnostics);
    diagnostics
}

/// The start of the spec's entry file, for what belongs to no declaration.
fn entry_span(sources: &source::SourceMap) -> source::Span {
    sources
        .files()
        .last()
        .map(|(id, _)| source::Span::new(id, 0, 0))
        .unwrap_or_default()
}

/// A built template as text, checked against CloudFormation's size limit
/// (E0313) in the form it is written.
pub fn render(
    compilation: &Compilation,
    template: &serde_json::Value,
    format: Format,
) -> Result<String, Vec<Diagnostic>> {
    let text = emit::write(template, format);
    match limits::size(text.len(), entry_span(&compilation.sources)) {
        None => Ok(text),
        Some(over) => Err(vec![over]),
    }
}

/// The template of a compilation.
///
/// Err when the compilation has errors (the list is then empty: they are in
/// `compilation.diagnostics`), or with the errors only building finds: a spec
/// that declares no resource, or two resources that would share a logical ID.
pub fn build(
    compilation: &Compilation,
    target: Target,
) -> Result<serde_json::Value, Vec<Diagnostic>> {
    if compilation.has_errors() {
        return Err(Vec::new());
    }
    let model = &compilation.model;
    let deployable = model.order.iter().any(|(k, _)| {
        !matches!(
            k,
            ast::DeclKind::Type
                | ast::DeclKind::Event
                | ast::DeclKind::Secret
                | ast::DeclKind::Parameter
        )
    });
    if !deployable {
        let span = entry_span(&compilation.sources);
        return Err(vec![Diagnostic::new("E0107", span, "the spec declares nothing to deploy")
            .label("no function, api, rule, schedule, queue, topic, bus, table or bucket")
            .help("CloudFormation needs at least one resource: declare one, or build the file that `use`s this one")]);
    }
    emit::emit(model, target).map_err(|clashes| {
        clashes
            .into_iter()
            .map(|id| {
                // The declaration whose ID the clashing one extends.
                let span = limits::owner(model, &id).unwrap_or_default();
                Diagnostic::new("E0109", span, format!("two resources would have the logical ID `{id}`"))
                    .label("derived from this declaration")
                    .help("rename this declaration (or the one its name runs into) so that the generated IDs differ")
            })
            .collect()
    })
}

/// The end of every template's `Description`, by which `slsc build`
/// recognises a template it wrote before removing a stale one (see
/// `docs/cli.md`).
pub const GENERATED_BY: &str = "(generated by slsc from a .sls spec)";

/// Rewrites each SAM function's relative `CodeUri`, written relative to the
/// spec's folder `spec_dir`, relative to `template_dir`, where the template
/// is written: SAM reads `CodeUri` relative to the template. Both folders
/// are real paths (`std::fs::canonicalize`).
pub fn relocate_code(template: &mut serde_json::Value, spec_dir: &Path, template_dir: &Path) {
    if spec_dir == template_dir {
        return;
    }
    let Some(resources) = template
        .get_mut("Resources")
        .and_then(|r| r.as_object_mut())
    else {
        return;
    };
    for r in resources.values_mut() {
        if r.get("Type").and_then(|t| t.as_str()) != Some("AWS::Serverless::Function") {
            continue;
        }
        let Some(uri) = r.pointer_mut("/Properties/CodeUri") else {
            continue;
        };
        let Some(code) = uri.as_str() else { continue };
        if Path::new(code).is_absolute() {
            continue;
        }
        let folder = normalize(&spec_dir.join(code));
        *uri = serde_json::Value::String(relative(&folder, template_dir));
    }
}

/// A path with `.` and `..` resolved by its text.
fn normalize(path: &Path) -> std::path::PathBuf {
    let mut out = std::path::PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// `to` relative to the folder `from` (both absolute), `/`-separated.
fn relative(to: &Path, from: &Path) -> String {
    let to: Vec<_> = to.components().collect();
    let from: Vec<_> = from.components().collect();
    let common = to.iter().zip(&from).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); from.len() - common];
    parts.extend(
        to[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    }
}

/// Where a declaration's name is written.
pub fn declaration_span_of(model: &model::Model, name: &str) -> Option<source::Span> {
    let (kind, i) = *model.names.get(name)?;
    use ast::DeclKind as K;
    Some(match kind {
        K::Type => model.types[i].span,
        K::Event => model.events[i].span,
        K::Function => model.functions[i].span,
        K::Api => model.apis[i].span,
        K::Rule => model.rules[i].span,
        K::Schedule => model.schedules[i].span,
        K::Queue => model.queues[i].span,
        K::Topic => model.topics[i].span,
        K::Bus => model.buses[i].span,
        K::Table => model.tables[i].span,
        K::Bucket => model.buckets[i].span,
        K::Stream => model.streams[i].span,
        K::Secret => model.secrets[i].span,
        K::Parameter => model.parameters[i].span,
        K::App => return None,
    })
}
