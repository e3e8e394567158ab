//! `slsc`: a compiler for `.sls` specs of serverless, event-driven AWS apps.
//!
//! The pipeline, one module per stage, data flowing one way:
//!
//! 1. `load`: read the entry file and every file it `use`s (paths, through
//!    [`files::Files`], and the embedded standard library, whose modules are
//!    parsed once per process) into a [`source::SourceMap`];
//! 2. `syntax`: parse each file (pest grammar `syntax/sls.pest`) into an
//!    owned, spanned [`ast`];
//! 3. `resolve`: build the symbol table and lower declarations into the
//!    [`model`] (`where` filters into [`model::Filter`]), checking names,
//!    property names, value types and units;
//! 4. `check`: AWS limits, runtimes by date, wiring, the event graph,
//!    permissions, and filters against their types; it reads the model and
//!    returns diagnostics and what the filters proved ([`Proved`]: typed
//!    pattern documents, [`PatternDoc`]);
//! 5. [`emit`]: the CloudFormation model, SAM or plain, with the roles
//!    holding the statements `iam` derives and the [`provenance`] of every
//!    part, then YAML or JSON text; proved patterns become JSON here
//!    ([`emit::pattern_json`]), resource attributes their intrinsics.
//!
//! [`naming`] (logical IDs, references, ARNs) sits below every stage, so
//! that each names resources as the template will. Every stage returns its
//! output together with [`diagnostics::Diagnostic`]s; nothing here prints,
//! reads the environment or runs other programs (the `slsc` binary does).
//! [`compile_file`], [`compile_file_in`], [`compile_source`] and
//! [`compile_bytes`] run stages 1-4 and count the template against
//! CloudFormation's limits; [`build`] runs stage 5 on a compilation without
//! errors and [`render`] writes it. See `docs/architecture.md`.

#![warn(missing_docs)]

pub mod ast;
mod check;
pub mod config;
pub mod cost;
pub mod diagnostics;
pub mod emit;
pub mod files;
mod iam;
pub mod ide;
pub mod init;
mod limits;
mod load;
pub mod matcher;
pub mod model;
pub mod naming;
pub mod observe;
pub mod openapi;
pub mod permissions;
pub mod provenance;
pub mod report;
mod resolve;
pub mod schema;
pub mod source;
pub mod stages;
mod stdlib;
mod syntax;

pub use check::failures::RetryWindow;
pub use check::patterns::Doc as PatternDoc;
pub use check::runtimes;
pub use check::{CheckOptions, Date, Proved};
pub use diagnostics::{Diagnostic, Severity};
pub use emit::{Format, Target};
pub use load::{discover, sls_files};
pub use syntax::format::format;
pub use syntax::Cache as ParseCache;

use crate::diagnostics::Code;
use std::collections::HashMap;
use std::path::Path;

/// The result of loading, parsing, resolving and checking a spec.
#[derive(Debug)]
pub struct Compilation {
    /// Every file read, for rendering diagnostics.
    pub sources: source::SourceMap,
    /// The syntax tree of every file read, by its id in `sources`: what
    /// an editor asks about (hover, definitions, references) is answered
    /// from these without parsing again.
    pub trees: Vec<(source::FileId, ast::File)>,
    /// The checked model.
    pub model: model::Model,
    /// What the checks proved: rules' patterns, subscriptions' policies.
    pub proved: check::Proved,
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
    /// The stages the spec declares, in order (empty for a spec without
    /// stages). The model is the stage's asked for, else the first's.
    pub stages: Vec<stages::Stage>,
    /// Every place where the stages differ, as written.
    pub stage_differences: Vec<stages::Difference>,
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
    pub fn retry_windows(&self) -> Vec<RetryWindow> {
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

/// Compiles the spec at `path` and everything it uses, read from disk.
/// Fails only when the entry file cannot be read.
pub fn compile_file(path: &Path, opts: CheckOptions) -> std::io::Result<Compilation> {
    compile_file_in(&files::Disk, path, opts)
}

/// Compiles the spec at `path` and everything it uses, read from `files`
/// (an editor's unsaved buffers over the disk, say: [`files::Overlay`]).
/// Fails only when the entry file cannot be read.
pub fn compile_file_in(
    files: &dyn files::Files,
    path: &Path,
    opts: CheckOptions,
) -> std::io::Result<Compilation> {
    Ok(finish(files, load::load_file(files, path, None)?, opts))
}

/// Compiles the spec at `path` as [`compile_file_in`] does, reusing the
/// trees of the declarations `cache` has seen parsed before: what a
/// language server does after each edit.
pub fn compile_file_cached(
    files: &dyn files::Files,
    path: &Path,
    opts: CheckOptions,
    cache: &ParseCache,
) -> std::io::Result<Compilation> {
    let compiled = finish(files, load::load_file(files, path, Some(cache))?, opts);
    cache.sweep();
    Ok(compiled)
}

/// Compiles a spec given as text. `path`, if any, anchors relative `use`s.
pub fn compile_source(
    name: &str,
    path: Option<&Path>,
    text: String,
    opts: CheckOptions,
) -> Compilation {
    finish(
        &files::Disk,
        load::load_text(&files::Disk, name, path, text),
        opts,
    )
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
    finish(
        &files::Disk,
        load::load_bytes(&files::Disk, name, path, bytes),
        opts,
    )
}

fn finish(files: &dyn files::Files, mut loaded: load::Loaded, opts: CheckOptions) -> Compilation {
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
    // Without the word anywhere there is no stage, per-stage value or
    // `${stage}`: the pass and its copy of the trees are skipped.
    let mentions_stages = (loaded.sources.files()).any(|(_, f)| f.text.contains("stage"));
    let (declared, stage_diags) = match mentions_stages {
        true => stages::declared(&loaded.files),
        false => Default::default(),
    };
    diagnostics.extend(stage_diags);
    // The stages to compile: the one asked for, else every one (a spec
    // without stages is one run without a stage).
    let chosen: Vec<Option<&stages::Stage>> = match &opts.stage {
        Some(name) => match declared.iter().find(|s| &s.name == name) {
            Some(s) => vec![Some(s)],
            None => {
                let names: Vec<&str> = declared.iter().map(|s| s.name.as_str()).collect();
                let at = (declared.first().map(|s| s.span))
                    .unwrap_or_else(|| entry_span(&loaded.sources));
                let mut d = stages::unknown(name, at, &names);
                d.message = format!("unknown stage `{name}` (`--stage`)");
                d.label = Some(match declared.is_empty() {
                    true => "the spec declares no stages".to_string(),
                    false => format!("`--stage {name}` names none of the stages declared here"),
                });
                diagnostics.push(d);
                vec![declared.first()]
            }
        },
        None if declared.is_empty() => vec![None],
        None => declared.iter().map(Some).collect(),
    };
    let mut runs: Vec<Run> = chosen
        .iter()
        .map(|stage| {
            compile_stage(
                files,
                &loaded,
                &stdlib_files,
                &opts,
                *stage,
                mentions_stages,
            )
        })
        .collect();
    // Errors of the spec itself (not its size against a stack's limits),
    // before the runs' diagnostics are merged in.
    let spec_errors = diagnostics.iter().any(Diagnostic::is_error) || runs.iter().any(|r| r.errors);
    diagnostics.extend(merge(&mut runs));
    diagnostics.extend(shared_names(&runs));
    // A declaration that an error dropped or left half-resolved (a syntax
    // error, a file that cannot be read, a schedule with an invalid rate)
    // may be the one that used, fed, subscribed to or emitted what the
    // whole-spec checks would call unused: their findings would be
    // follow-ons of the error, not news. They come back once it is fixed.
    // An error in any stage counts: the stages share the declarations.
    if spec_errors {
        diagnostics.retain(|d| !WHOLE_SPEC.contains(&d.code));
    }
    let first = runs.swap_remove(0);
    let stage_differences = stages::differences(&loaded.files, &loaded.sources, &declared);
    let comments: Vec<source::Span> = loaded
        .files
        .iter()
        .flat_map(|(_, f)| f.extra.all_comments())
        .collect();
    let unfiltered = diagnostics;
    let diagnostics = filtered(&loaded.sources, &comments, &opts.config, unfiltered.clone());
    // In id order, as `sources` holds them (files are loaded after the
    // files they use, which are numbered after them).
    let mut trees = loaded.files;
    trees.sort_by_key(|(id, _)| *id);
    Compilation {
        sources: loaded.sources,
        trees,
        model: first.model,
        proved: first.proved,
        diagnostics,
        unfiltered,
        config: opts.config,
        comments,
        stages: declared,
        stage_differences,
    }
}

/// One stage's model, proofs and diagnostics.
struct Run {
    stage: Option<stages::Stage>,
    model: model::Model,
    proved: check::Proved,
    diagnostics: Vec<Diagnostic>,
    /// Declarations `stages = [...]` leaves out of this stage.
    left_out: Vec<String>,
    /// Whether resolve or check found an error (template limits aside).
    errors: bool,
}

/// Resolves and checks the spec as `stage` deploys it.
fn compile_stage(
    files: &dyn files::Files,
    loaded: &load::Loaded,
    stdlib_files: &HashMap<source::FileId, String>,
    opts: &CheckOptions,
    stage: Option<&stages::Stage>,
    mentions_stages: bool,
) -> Run {
    let (staged, left_out) = match mentions_stages {
        true => {
            let (files, left_out) = stages::select(&loaded.files, stage.map(|s| s.name.as_str()));
            (std::borrow::Cow::Owned(files), left_out)
        }
        false => (std::borrow::Cow::Borrowed(&loaded.files[..]), Vec::new()),
    };
    let mut diagnostics = code_folders(files, &loaded.sources, &staged);
    let definitions = definitions(files, &loaded.sources, &staged);
    let (mut model, resolve_diags) = resolve::resolve(&staged, stdlib_files, &definitions);
    diagnostics.extend(resolve_diags);
    if let Some(stage) = stage {
        model.stage = Some(stage.name.clone());
        // The stage is visible on every tagged resource, unless the app
        // tags `stage` itself.
        if !model.tags.iter().any(|(k, _)| k == "stage") {
            model.tags.push(("stage".to_string(), stage.name.clone()));
        }
    }
    // Counting the template's logical IDs (below) needs the model alone:
    // once resolving found no error, it runs beside the checks, on the
    // second core an editor or CI machine has, and is used only if the
    // checks find no error either.
    let sound = !diagnostics.iter().any(Diagnostic::is_error);
    let ((proved, check_diags), counted) = std::thread::scope(|s| {
        let counting = sound.then(|| s.spawn(|| emit::count(&model, Target::CloudFormation)));
        let checked = check::check(&model, opts);
        (checked, counting.and_then(|c| c.join().ok()))
    });
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
    let errors = diagnostics.iter().any(Diagnostic::is_error);
    // Template limits are facts of the stack, not of the spec: count the
    // logical IDs the CloudFormation target's template would hold (a SAM
    // template expands to about as many resources) once the spec is
    // otherwise sound, without building it. Its size is only known once it
    // is written: `build` measures it.
    let counted = match diagnostics.iter().any(Diagnostic::is_error) {
        true => None,
        false => counted.or_else(|| Some(emit::count(&model, Target::CloudFormation))),
    };
    if let Some(counted) = counted {
        let pairs = |m: indexmap::IndexMap<String, source::Span>| m.into_iter().collect();
        let ids = limits::Ids {
            resources: pairs(counted.resources),
            outputs: pairs(counted.outputs),
            parameters: counted
                .parameters
                .into_iter()
                .map(|p| (p, source::Span::default()))
                .collect(),
        };
        diagnostics.extend(limits::counts(&ids, entry_span(&loaded.sources)));
    }
    Run {
        stage: stage.cloned(),
        model,
        proved,
        diagnostics,
        left_out,
        errors,
    }
}

/// The diagnostics of every run, once each: one found in some stages only
/// names them ("in stage prod: ..."); one found in every stage does not.
fn merge(runs: &mut [Run]) -> Vec<Diagnostic> {
    if runs.len() == 1 {
        return std::mem::take(&mut runs[0].diagnostics);
    }
    type Key = (&'static str, source::Span, String, Option<String>);
    let mut found: indexmap::IndexMap<Key, (Diagnostic, Vec<String>)> = Default::default();
    for run in runs.iter_mut() {
        let stage = run
            .stage
            .as_ref()
            .map(|s| s.name.clone())
            .unwrap_or_default();
        for d in std::mem::take(&mut run.diagnostics) {
            let key = (d.code, d.span, d.message.clone(), d.label.clone());
            found
                .entry(key)
                .or_insert_with(|| (d, Vec::new()))
                .1
                .push(stage.clone());
        }
    }
    let all = runs.len();
    found
        .into_values()
        .map(|(mut d, stages)| {
            // A reference to a declaration these stages leave out.
            let left_out = (runs.iter())
                .flat_map(|r| &r.left_out)
                .find(|n| d.code == "E0101" && d.message == format!("unknown name `{n}`"));
            if let Some(name) = left_out {
                let (s, list) = (if stages.len() == 1 { "stage" } else { "stages" }, stages.join(", "));
                d.help = Some(format!(
                    "`{name}` is left out of {s} {list} by its `stages`: add {list} to them, or leave this out of {list} too"
                ));
            }
            if stages.len() < all {
                let s = if stages.len() == 1 { "stage" } else { "stages" };
                d.message = format!("in {s} {}: {}", stages.join(", "), d.message);
            }
            d
        })
        .collect()
}

/// How far a name must be unique.
#[derive(Clone, Copy, PartialEq)]
enum NameScope {
    /// In an account and region: queues, functions, tables, ...
    AccountRegion,
    /// In a region, across accounts: API custom domains, Cognito domain
    /// prefixes.
    Region,
    /// Everywhere: S3 bucket names.
    Global,
}

/// The fixed names a stage's model creates: (declaration, what, name, scope).
fn fixed_names(
    m: &model::Model,
) -> Vec<(String, &'static str, &model::Spanned<String>, NameScope)> {
    let mut out = Vec::new();
    for &(kind, index) in &m.order {
        let Some(decl) = m.name_of(kind, index) else {
            continue;
        };
        if let Some(name) = m.physical_name(decl) {
            let scope = if kind == ast::DeclKind::Bucket {
                NameScope::Global
            } else {
                NameScope::AccountRegion
            };
            out.push((decl.to_string(), "name", name, scope));
        }
    }
    for api in &m.apis {
        if let Some(d) = &api.domain {
            out.push((
                api.name.clone(),
                "custom domain",
                &d.name,
                NameScope::Region,
            ));
        }
    }
    for pool in &m.user_pools {
        if let Some(d) = &pool.domain {
            out.push((
                pool.name.clone(),
                "hosted UI domain prefix",
                d,
                NameScope::Region,
            ));
        }
    }
    out
}

/// Whether a name is built from what differs between two stacks: the
/// stack's name or ID, or a parameter (set per deploy). `${AWS::Region}`
/// and `${AWS::AccountId}` are the same for two stacks in one place.
fn differs_per_stack(name: &str) -> bool {
    naming::references(name)
        .iter()
        .any(|r| !r.starts_with("AWS::") || *r == "AWS::StackName" || *r == "AWS::StackId")
}

/// W0122 for a fixed name two stages would both create where they may
/// share its scope: an account and region, a region (API custom domains,
/// Cognito domain prefixes), or anywhere (S3 bucket names). A name built
/// from references (`${AWS::StackName}`) differs between stacks.
fn shared_names(runs: &[Run]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut reported = std::collections::HashSet::new();
    for (i, a) in runs.iter().enumerate() {
        let names_b: Vec<_> = runs[i + 1..]
            .iter()
            .map(|b| fixed_names(&b.model))
            .collect();
        for (b, names_b) in runs[i + 1..].iter().zip(&names_b) {
            let (Some(sa), Some(sb)) = (&a.stage, &b.stage) else {
                continue;
            };
            for (decl, what, na, scope) in fixed_names(&a.model) {
                let Some((_, _, nb, _)) =
                    names_b.iter().find(|(d, w, _, _)| *d == decl && *w == what)
                else {
                    continue;
                };
                let share = match scope {
                    NameScope::Global => true,
                    NameScope::Region => {
                        sa.region.is_none() || sb.region.is_none() || sa.region == sb.region
                    }
                    NameScope::AccountRegion => sa.may_share_region(sb),
                };
                if na.value != nb.value
                    || differs_per_stack(&na.value)
                    || !share
                    || !reported.insert((decl.clone(), what))
                {
                    continue;
                }
                let why = match scope {
                    NameScope::Global => "S3 bucket names are global",
                    NameScope::Region => "it is unique in a region across all accounts",
                    NameScope::AccountRegion => "both may deploy to one account and region",
                };
                let mut d = Diagnostic::new(
                    Code::W0122,
                    na.span,
                    format!(
                        "`{decl}` has the {what} \"{}\" in stages {} and {}: {why}, so deploying the second fails",
                        na.value, sa.name, sb.name
                    ),
                )
                .label("the same in both stages");
                if nb.span != na.span {
                    d = d.with(nb.span, format!("in stage {}", sb.name));
                }
                d = d.help(match scope {
                    NameScope::AccountRegion => format!(
                        "put the stage in it (`\"{}-${{stage}}\"`), or give the stages different `account`s",
                        na.value
                    ),
                    _ => format!(
                        "put the stage in it (`\"{}-${{stage}}\"`), or give each stage its own: `stage {{ dev = ..., prod = ... }}`",
                        na.value
                    ),
                });
                out.push(d);
            }
        }
    }
    out
}

/// The definition file of each state machine, read relative to the entry
/// spec's folder (as function `code` is), by the span of the `definition`
/// value naming it. A spec not read from disk has no folder: resolve reports
/// the definitions it cannot find (E0331).
fn definitions(
    files: &dyn files::Files,
    sources: &source::SourceMap,
    parsed: &[(source::FileId, ast::File)],
) -> HashMap<source::Span, resolve::DefinitionText> {
    let mut out = HashMap::new();
    let Some(base) = sources
        .files()
        .next()
        .and_then(|(_, entry)| entry.path.as_deref().and_then(Path::parent))
    else {
        return out;
    };
    for (_, file) in parsed {
        for decl in (file.decls.iter()).filter(|d| d.kind == ast::DeclKind::StateMachine) {
            for m in &decl.body {
                let ast::MemberKind::Property { key, value, .. } = &m.kind else {
                    continue;
                };
                let ast::ValueKind::Str(path) = &value.kind else {
                    continue;
                };
                if key.name != "definition" {
                    continue;
                }
                let text = match files.read(&base.join(path)) {
                    Ok(bytes) => match String::from_utf8(bytes) {
                        Ok(t) => resolve::DefinitionText::Text(t),
                        Err(_) => {
                            resolve::DefinitionText::Unreadable("it is not UTF-8 text".into())
                        }
                    },
                    Err(e) => resolve::DefinitionText::Unreadable(e.to_string()),
                };
                out.insert(value.span, text);
            }
        }
    }
    out
}

/// E0009 for each function or layer whose `code` folder does not exist. `code` is
/// relative to the entry spec's folder, as `CodeUri` is; only a spec read
/// from disk has a folder to look in.
fn code_folders(
    files: &dyn files::Files,
    sources: &source::SourceMap,
    parsed: &[(source::FileId, ast::File)],
) -> Vec<Diagnostic> {
    let Some((_, entry)) = sources.files().next() else {
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
    for (_, file) in parsed {
        for decl in file
            .decls
            .iter()
            .filter(|d| matches!(d.kind, ast::DeclKind::Function | ast::DeclKind::Layer))
        {
            // With an `image` (a function) or an `arn` (a layer), `code` is
            // an error of its own (E0106, E0105) whether or not it exists.
            let image = decl.body.iter().any(
                |m| matches!(&m.kind, ast::MemberKind::Property { key, .. } if key.name == "image" || key.name == "arn"),
            );
            if image {
                continue;
            }
            for m in &decl.body {
                let ast::MemberKind::Property { key, value, .. } = &m.kind else {
                    continue;
                };
                let ast::ValueKind::Str(code) = &value.kind else {
                    continue;
                };
                if key.name != "code" || code.trim().is_empty() {
                    continue;
                }
                // An S3 location is not on this disk; a malformed `code` is
                // reported by resolve.
                let package = match resolve::code_source(code) {
                    Ok(model::CodeSource::Folder(_)) => false,
                    Ok(model::CodeSource::Artifact(_)) => true,
                    _ => continue,
                };
                let (what, help) = match (files.kind(&base.join(code)), package) {
                    (files::Kind::Folder, false) | (files::Kind::File, true) => continue,
                    (files::Kind::File, false) => (
                        format!("`code` folder `{code}` is a file"),
                        format!("{}; a package is a `.zip` (or a `.jar` for Java)", resolve::CODE_FORMS),
                    ),
                    (files::Kind::Folder, true) => (
                        format!("`code` package `{code}` is a folder"),
                        "build the package first, or name the folder without the extension".to_string(),
                    ),
                    (files::Kind::Missing, false) => (
                        format!("`code` folder `{code}` does not exist"),
                        format!("name the folder with `{}`'s code relative to the spec's folder (`{shown}`), e.g. `code = \"src\"`", decl.name.name),
                    ),
                    (files::Kind::Missing, true) => (
                        format!("`code` package `{code}` does not exist"),
                        format!("build `{}`'s package before checking (e.g. `mvn package`), or name its path relative to the spec's folder (`{shown}`)", decl.name.name),
                    ),
                };
                out.push(
                    Diagnostic::new(Code::E0009, value.span, what)
                        .label(format!("relative to `{shown}`"))
                        .help(help),
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
) -> Result<String, BuildError> {
    let text = emit::write(template, format);
    match limits::size(text.len(), entry_span(&compilation.sources)) {
        None => Ok(text),
        Some(over) => Err(BuildError::Rejected(vec![over])),
    }
}

/// Why a compilation does not build.
#[derive(Debug, Clone, PartialEq)]
pub enum BuildError {
    /// The compilation has errors; they are in its diagnostics.
    HasErrors,
    /// Errors only building finds: a spec that declares no resource, two
    /// resources that would share a logical ID, a template over
    /// CloudFormation's limits.
    Rejected(Vec<Diagnostic>),
}

impl BuildError {
    /// The errors building found (none for [`BuildError::HasErrors`]).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            BuildError::HasErrors => &[],
            BuildError::Rejected(d) => d,
        }
    }
}

/// A built template, and where each of its parts comes from in the spec.
/// It reads as the template itself (`built["Resources"]`).
#[derive(Debug, Clone)]
pub struct Built {
    /// The template.
    pub template: serde_json::Value,
    /// Where each resource, output and set property comes from.
    pub provenance: provenance::Provenance,
}

impl std::ops::Deref for Built {
    type Target = serde_json::Value;
    fn deref(&self) -> &serde_json::Value {
        &self.template
    }
}

impl std::ops::DerefMut for Built {
    fn deref_mut(&mut self) -> &mut serde_json::Value {
        &mut self.template
    }
}

/// What changes from `old` to `new` (two versions of a spec, each checked
/// without errors) that would break the deployed stack: today, resources
/// with a fixed name that the change makes CloudFormation replace (W0119),
/// reported at `new`'s declarations.
pub fn diff(old: &Compilation, new: &Compilation) -> Vec<Diagnostic> {
    check::replacement::check(&old.model, &new.model)
}

/// The template of a compilation for `target`, emitted once, with its
/// provenance; its counts are checked against CloudFormation's limits
/// (E0313), its size when [`render`]ed.
pub fn build(compilation: &Compilation, target: Target) -> Result<Built, BuildError> {
    if compilation.has_errors() {
        return Err(BuildError::HasErrors);
    }
    let model = &compilation.model;
    let fallback = entry_span(&compilation.sources);
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
        return Err(BuildError::Rejected(vec![Diagnostic::new(Code::E0107, fallback, "the spec declares nothing to deploy")
            .label("no function, api, rule, schedule, queue, topic, bus, table or bucket")
            .help("CloudFormation needs at least one resource: declare one, or build the file that `use`s this one")]));
    }
    let emitted = emit::emit(model, &compilation.proved, target).map_err(|clashes| {
        BuildError::Rejected(
            clashes
                .into_iter()
                .map(|(id, owner)| {
                    let span = if owner == source::Span::default() { fallback } else { owner };
                    Diagnostic::new(Code::E0109, span, format!("two resources would have the logical ID `{id}`"))
                        .label("this declaration's resource is the second to want it")
                        .help("rename this declaration (or the one its name runs into) so that the generated IDs differ")
                })
                .collect(),
        )
    })?;
    let over = limits_of(&emitted, fallback);
    if !over.is_empty() {
        return Err(BuildError::Rejected(over));
    }
    Ok(Built {
        template: emitted.template,
        provenance: emitted.provenance,
    })
}

/// The template of a compilation for `target` and its text in `format`:
/// [`build`], then, when `folders` gives the spec's folder and the folder
/// the template is written to, SAM's `CodeUri`s made relative to the
/// latter ([`relocate_code`]), then [`render`].
pub fn build_text(
    compilation: &Compilation,
    target: Target,
    format: Format,
    folders: Option<(&Path, &Path)>,
) -> Result<(Built, String), BuildError> {
    let mut built = build(compilation, target)?;
    if let Some((spec_dir, template_dir)) = folders {
        relocate_code(&mut built, spec_dir, template_dir);
    }
    let text = render(compilation, &built, format)?;
    Ok((built, text))
}

/// The count limits an emitted template breaks, each at the declaration
/// that added the resource or output.
fn limits_of(emitted: &emit::Emitted, fallback: source::Span) -> Vec<Diagnostic> {
    let section = |name: &str, owner: &dyn Fn(&str) -> Option<source::Span>| {
        emitted.template[name]
            .as_object()
            .map(|m| {
                m.keys()
                    .map(|id| (id.clone(), owner(id).unwrap_or_default()))
                    .collect()
            })
            .unwrap_or_default()
    };
    let ids = limits::Ids {
        resources: section("Resources", &|id| emitted.provenance.resource(id)),
        outputs: section("Outputs", &|id| emitted.provenance.output(id)),
        parameters: section("Parameters", &|_| None),
    };
    limits::counts(&ids, fallback)
}

/// The end of every template's `Description`, by which `slsc build`
/// recognises a template it wrote before removing a stale one (see
/// `docs/cli.md`).
pub const GENERATED_BY: &str = "(generated by slsc from a .sls spec)";

/// Rewrites each SAM function's relative `CodeUri` (and each layer's
/// `ContentUri`), written relative to the
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
        let pointer = match r.get("Type").and_then(|t| t.as_str()) {
            Some("AWS::Serverless::Function") => "/Properties/CodeUri",
            Some("AWS::Serverless::LayerVersion") => "/Properties/ContentUri",
            _ => continue,
        };
        let Some(uri) = r.pointer_mut(pointer) else {
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
