//! Name resolution and lowering: syntax trees to the [`Model`].
//!
//! Builds the symbol table of every declaration of the compilation, then
//! reads each declaration's body: properties are looked up by name (an
//! unknown one gets a "did you mean"), values are checked for their type and
//! unit and normalised (seconds, MB), and references are resolved to
//! declarations of the right kind. Range checks and cross-declaration wiring
//! are left to `check`, which works on the model.
//!
//! Terms: `take_*` reads a property if present; `expect_*` converts a value and
//! reports a diagnostic when it has the wrong form, returning `None`.

mod apis;
mod buckets;
mod conditions;
mod deploy;
mod domains;
mod functions;
mod identity;
mod layers;
mod machines;
mod mapping;
pub(crate) use functions::{code_source, CODE_FORMS};
pub use machines::DefinitionText;
mod names;
mod observe;
mod params;
mod pipes;
mod props;
pub(crate) mod raw;
mod routing;
mod storage;
mod types;
mod values;

use crate::ast::{
    self, DeclKind, Header, MemberKind, ScheduleExpr, UseTarget, ValueKind, VerbKind,
};
use crate::diagnostics::Code;
use crate::diagnostics::{did_you_mean, Diagnostic};
use crate::model::*;
use crate::source::{FileId, Span};
use indexmap::IndexMap;
use props::Props;
use std::collections::{HashMap, HashSet};
use values::FailureTarget;

/// A declared name.
#[derive(Debug, Clone)]
struct Symbol {
    kind: DeclKind,
    span: Span,
    /// Never reported unused: declared in a standard library module, or a
    /// declaration that did not parse.
    quiet: bool,
    /// The standard library module it comes from (`aws.s3`).
    module: Option<String>,
}

/// Function settings that `app` sets for every function.
struct Defaults {
    runtime: Option<Spanned<String>>,
    memory: Option<Spanned<u64>>,
    timeout: Option<Spanned<u64>>,
    arch: Arch,
    tracing: bool,
    log_retention: Option<Spanned<u64>>,
    logs: LogSettings,
}

/// `log_format`, `log_level` and `system_log_level` as written on the app
/// or a function, each where it is written.
#[derive(Clone, Default)]
struct LogSettings {
    json: Option<Spanned<bool>>,
    level: Option<Spanned<&'static str>>,
    system_level: Option<Spanned<&'static str>>,
}

/// Resolves every file of a compilation into one model.
///
/// `stdlib_files` maps the files that come from the standard library to
/// their module names (`aws.s3`).
///
/// `definitions` holds the state machines' definition files, read by the
/// caller, by the span of the `definition` value that names each; empty for
/// a spec read from no folder.
pub fn resolve(
    files: &[(FileId, ast::File)],
    stdlib_files: &HashMap<FileId, String>,
    definitions: &HashMap<Span, DefinitionText>,
) -> (Model, Vec<Diagnostic>) {
    let mut r = Resolver {
        definitions: definitions.clone(),
        express: false,
        symbols: IndexMap::new(),
        used: HashSet::new(),
        diags: Vec::new(),
        model: Model {
            log_retention: 30,
            customer_key: true,
            ..Model::default()
        },
        modules: Vec::new(),
        app_broken: false,
        broken_authorizers: Vec::new(),
        pool_clients: HashMap::new(),
        raw_types: HashMap::new(),
        domain_apis: Default::default(),
        in_raw: false,
        cond_tests: Vec::new(),
        list_params: HashSet::new(),
    };
    for (id, file) in files {
        for u in &file.uses {
            if let UseTarget::Module(p) = &u.target {
                r.modules.push(p.text());
            }
        }
        for d in &file.decls {
            r.declare(d, stdlib_files.get(id));
        }
        for (kind, name) in &file.broken {
            if *kind == DeclKind::App {
                r.app_broken = true;
            } else if !r.symbols.contains_key(&name.name) {
                r.symbols.insert(
                    name.name.clone(),
                    Symbol {
                        kind: *kind,
                        span: name.span,
                        quiet: true,
                        module: None,
                    },
                );
            }
        }
    }
    let all: Vec<&ast::Decl> = files.iter().flat_map(|(_, f)| f.decls.iter()).collect();
    let defaults = r.app(&all);
    for d in &all {
        r.decl(d, &defaults);
    }
    r.param_values();
    r.check_conditions();
    r.unused(&all);
    r.logical_ids(&all);
    r.model.index_names();
    r.model.mark_async_invocations();
    (r.model, r.diags)
}

struct Resolver {
    /// State machine definition files by the span of their `definition`.
    definitions: HashMap<Span, DefinitionText>,
    /// The state machine being resolved is Express.
    express: bool,
    symbols: IndexMap<String, Symbol>,
    used: HashSet<String>,
    diags: Vec<Diagnostic>,
    model: Model,
    /// Standard library modules named in `use`, for qualified references.
    modules: Vec<String>,
    /// The `app` declaration has a syntax error: its defaults are unknown,
    /// so functions are not reported for missing them.
    app_broken: bool,
    /// The client names of each user pool, in order, read when the pool is
    /// declared: `Users.Web.id` may come before the pool.
    pool_clients: HashMap<String, Vec<String>>,
    /// Authorizers of the API being resolved whose definition has errors:
    /// routes naming them get no "unknown authorizer" on top.
    broken_authorizers: Vec<String>,
    /// The type of each `resource` declaration, by name: its attributes
    /// come from the type's schema, and may be read before it is resolved.
    raw_types: HashMap<String, String>,
    /// Resolving a `resource`'s properties, where strings may name other
    /// `resource`s (`"${Cdn.DomainName}"`).
    in_raw: bool,
    /// Condition tests of a param against texts (`Stage == "prod"`), checked
    /// against its `allowed` values once every param is resolved.
    cond_tests: Vec<(ast::Path, Vec<ast::CondOperand>)>,
    /// The APIs declared with a custom `domain`, which have the attribute
    /// `domain_url`; read when declared, as outputs may come first.
    domain_apis: std::collections::HashSet<String>,
    /// The `list` parameters, read when declared: a string may name one
    /// before it is resolved, and must not (E0231).
    list_params: HashSet<String>,
}

/// Whether declarations of `kind` take `name = "..."`: their resources
/// have a physical name.
fn named(kind: DeclKind) -> bool {
    use DeclKind as K;
    matches!(
        kind,
        K::Function
            | K::Queue
            | K::Topic
            | K::Bus
            | K::Table
            | K::Bucket
            | K::Stream
            | K::Rule
            | K::Schedule
            | K::StateMachine
            | K::UserPool
            | K::Pipe
            | K::ScheduleGroup
            | K::Layer
            | K::Alarm
    )
}

/// Whether declarations of `kind` take `description = "..."`: their
/// resources have a `Description`.
fn described(kind: DeclKind) -> bool {
    use DeclKind as K;
    matches!(
        kind,
        K::Function
            | K::Api
            | K::Rule
            | K::Schedule
            | K::Bus
            | K::StateMachine
            | K::Pipe
            | K::Layer
            | K::Alarm
    )
}

/// Which attributes each kind of resource has.
fn attributes(kind: DeclKind) -> &'static [Attr] {
    match kind {
        DeclKind::Table => &[Attr::Name, Attr::Arn, Attr::StreamArn],
        DeclKind::Queue => &[Attr::Name, Attr::Arn, Attr::Url],
        DeclKind::Topic
        | DeclKind::Bus
        | DeclKind::Bucket
        | DeclKind::Function
        | DeclKind::Stream
        | DeclKind::StateMachine => &[Attr::Name, Attr::Arn],
        // A secret's full ARN ends in six random characters: code names it.
        DeclKind::Secret => &[Attr::Name],
        DeclKind::Parameter => &[Attr::Name, Attr::Arn],
        DeclKind::Api => &[Attr::Url],
        DeclKind::UserPool => &[Attr::Id, Attr::Arn, Attr::Issuer, Attr::HostedUiUrl],
        DeclKind::ScheduleGroup => &[Attr::Name, Attr::Arn, Attr::Role],
        _ => &[],
    }
}

/// The declaration a trigger reads from.
fn trigger_source(t: &Trigger) -> &Ref {
    match t {
        Trigger::Queue { queue, .. } => queue,
        Trigger::Stream { source: table, .. } => table,
        Trigger::Bucket { bucket, .. } => bucket,
        Trigger::Topic { topic, .. } => topic,
    }
}

/// "queue or topic".
fn kinds_plain(kinds: &[DeclKind]) -> String {
    let words: Vec<&str> = kinds.iter().map(|k| k.keyword()).collect();
    match words.len() {
        0 => String::new(),
        1 => words[0].to_string(),
        n => format!("{} or {}", words[..n - 1].join(", "), words[n - 1]),
    }
}

/// "a queue or a topic".
fn kinds_text(kinds: &[DeclKind]) -> String {
    let words: Vec<String> = kinds.iter().map(|k| k.article()).collect();
    match words.len() {
        0 => String::new(),
        1 => words[0].clone(),
        n => format!("{} or {}", words[..n - 1].join(", "), words[n - 1]),
    }
}

impl Resolver {
    fn error(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn declare(&mut self, d: &ast::Decl, module: Option<&String>) {
        if d.kind == DeclKind::App {
            if let Some((_, prev)) = self.symbols.iter().find(|(_, s)| s.kind == DeclKind::App) {
                let prev = prev.span;
                self.error(
                    Diagnostic::new(Code::E0102, d.name.span, "a spec has one `app` declaration")
                        .label("second `app`")
                        .with(prev, "first `app` here")
                        .help("merge the two `app` blocks into one"),
                );
                return;
            }
        }
        if d.name.name == "default" && d.kind == DeclKind::Bus {
            self.error(
                Diagnostic::new(Code::E0102, d.name.span, "the bus `default` is built in")
                    .label("already declared")
                    .help("rename the bus, or remove the declaration to use the account's default bus"),
            );
            return;
        }
        if let Some(prev) = self.symbols.get(&d.name.name) {
            let (pk, ps) = (prev.kind, prev.span);
            self.error(
                Diagnostic::new(
                    Code::E0102,
                    d.name.span,
                    format!("`{}` is declared twice", d.name.name),
                )
                .label(format!("second declaration, as {}", d.kind.article()))
                .with(ps, format!("first declared here, as {}", pk.article()))
                .help("names are global to the spec and the files it uses: rename one of them"),
            );
            return;
        }
        if d.kind == DeclKind::UserPool {
            let clients = d
                .body
                .iter()
                .filter_map(|m| match &m.kind {
                    MemberKind::Block { key, body } if key.name == "clients" => Some(body),
                    _ => None,
                })
                .flatten()
                .filter_map(|m| match &m.kind {
                    MemberKind::Property { key, .. } => Some(key.name.clone()),
                    _ => None,
                })
                .collect();
            self.pool_clients.insert(d.name.name.clone(), clients);
        }
        if let Header::Resource { ty } = &d.header {
            self.raw_types.insert(d.name.name.clone(), ty.value.clone());
        }
        if d.kind == DeclKind::Api
            && d.body
                .iter()
                .any(|m| matches!(&m.kind, MemberKind::Block { key, .. } if key.name == "domain"))
        {
            self.domain_apis.insert(d.name.name.clone());
        }
        if matches!(&d.header, Header::Param { ty } if ty.name == "list") {
            self.list_params.insert(d.name.name.clone());
        }
        self.symbols.insert(
            d.name.name.clone(),
            Symbol {
                kind: d.kind,
                span: d.name.span,
                quiet: module.is_some(),
                module: module.cloned(),
            },
        );
    }

    /// Resolves a reference to a declaration of one of `kinds`.
    fn expect_ref(&mut self, path: &ast::Path, kinds: &[DeclKind]) -> Option<Ref> {
        let (name, extra) = self.split_qualified(path);
        if !self.right_module(path, &name) {
            return None;
        }
        if extra > 0 {
            let attr = &path.parts[path.parts.len() - extra];
            self.error(
                Diagnostic::new(
                    Code::E0103,
                    path.span,
                    format!("expected {}, found `{}`", kinds_text(kinds), path.text()),
                )
                .label(format!(
                    "`.{}` is an attribute, not a declaration",
                    attr.name
                ))
                .help(format!("write the name alone: `{name}`")),
            );
            return None;
        }
        self.lookup(&name, path.span, kinds)
    }

    /// For a name qualified with a module (`aws.s3.ObjectCreated`): the
    /// module must be `use`d and declare the name. Reports and returns false
    /// otherwise.
    pub(super) fn right_module(&mut self, path: &ast::Path, name: &str) -> bool {
        let text = path.text();
        let module = self
            .modules
            .iter()
            .find(|m| text.starts_with(&format!("{m}.")))
            .cloned();
        match module {
            Some(m) => {
                let declared_in = self.symbols.get(name).and_then(|s| s.module.clone());
                if declared_in.as_deref().is_some_and(|d| d != m)
                    || (self.symbols.contains_key(name) && declared_in.is_none())
                {
                    let elsewhere =
                        declared_in.map_or("in this spec".to_string(), |d| format!("in `{d}`"));
                    self.error(
                        Diagnostic::new(
                            Code::E0101,
                            path.span,
                            format!("module `{m}` has no `{name}`"),
                        )
                        .label(format!("`{name}` is declared {elsewhere}"))
                        .help(format!(
                            "write `{name}` alone, or qualify it with the module that declares it"
                        )),
                    );
                    return false;
                }
                true
            }
            None => {
                // `aws.s3.ObjectCreated` without `use aws.s3`.
                let parts: Vec<&str> = path.parts.iter().map(|p| p.name.as_str()).collect();
                let candidate = (2..parts.len())
                    .rev()
                    .map(|n| parts[..n].join("."))
                    .find(|m| crate::stdlib::module(m).is_some());
                match candidate {
                    Some(m) if !self.symbols.contains_key(parts[0]) => {
                        self.error(
                            Diagnostic::new(Code::E0101, path.span, format!("`{}` is in the standard library module `{m}`, which this spec does not use", path.text()))
                                .label("module not loaded")
                                .help(format!("add `use {m}` to the spec")),
                        );
                        false
                    }
                    _ => true,
                }
            }
        }
    }

    /// Strips a `use`d module prefix (`aws.s3.ObjectCreated`); returns the
    /// declaration name and how many parts follow it.
    pub(super) fn split_qualified(&self, path: &ast::Path) -> (String, usize) {
        for m in &self.modules {
            let n = m.split('.').count();
            if path.parts.len() > n
                && path.parts[..n]
                    .iter()
                    .map(|p| p.name.as_str())
                    .eq(m.split('.'))
            {
                return (path.parts[n].name.clone(), path.parts.len() - n - 1);
            }
        }
        (path.head().name.clone(), path.parts.len() - 1)
    }

    fn lookup(&mut self, name: &str, span: Span, kinds: &[DeclKind]) -> Option<Ref> {
        if name == "default" && kinds.contains(&DeclKind::Bus) {
            return Some(Ref {
                kind: DeclKind::Bus,
                name: "default".into(),
                span,
            });
        }
        match self.symbols.get(name) {
            Some(sym) if kinds.contains(&sym.kind) => {
                self.used.insert(name.to_string());
                Some(Ref {
                    kind: sym.kind,
                    name: name.to_string(),
                    span,
                })
            }
            Some(sym) => {
                let (k, s) = (sym.kind, sym.span);
                self.used.insert(name.to_string());
                self.error(
                    Diagnostic::new(
                        Code::E0103,
                        span,
                        format!(
                            "expected {}, found {} `{name}`",
                            kinds_text(kinds),
                            k.keyword()
                        ),
                    )
                    .label(format!("this is {}", k.article()))
                    .with(s, format!("`{name}` is declared here as {}", k.article()))
                    .help(format!("name {} here", kinds_text(kinds))),
                );
                None
            }
            None => {
                let candidates: Vec<&str> = self
                    .symbols
                    .iter()
                    .filter(|(_, s)| kinds.contains(&s.kind))
                    .map(|(n, _)| n.as_str())
                    .collect();
                let mut d = Diagnostic::new(Code::E0101, span, format!("unknown name `{name}`"))
                    .label(format!("no {} is named `{name}`", kinds_plain(kinds)));
                d = match did_you_mean(name, candidates.iter().copied()) {
                    Some(s) => {
                        // The likely target is not reported unused on top.
                        self.used.insert(s.clone());
                        d.help(format!("did you mean `{s}`?"))
                    }
                    None => d.help(format!(
                        "declare {} named `{name}`, or fix the name",
                        kinds_text(kinds)
                    )),
                };
                self.error(d);
                None
            }
        }
    }

    /// Reads the `app` declaration (if any) for defaults and tags.
    fn app(&mut self, decls: &[&ast::Decl]) -> Defaults {
        let mut defaults = Defaults {
            runtime: None,
            memory: None,
            timeout: None,
            arch: Arch::X86,
            tracing: true,
            log_retention: None,
            logs: LogSettings::default(),
        };
        let Some(app) = decls.iter().find(|d| d.kind == DeclKind::App) else {
            return defaults;
        };
        self.model.app_name = Some(app.name.name.clone());
        let mut p = Props::new(&app.body);
        defaults.runtime = p.take("runtime").and_then(|v| self.expect_string(v));
        defaults.memory = p.take("memory").and_then(|v| self.expect_size_mb(v));
        defaults.timeout = p.take("timeout").and_then(|v| self.expect_seconds(v));
        if let Some(v) = p.take("architecture") {
            defaults.arch = self.expect_arch(v).unwrap_or(Arch::X86);
        }
        if let Some(v) = p.take("tracing") {
            defaults.tracing = self.expect_tracing(v).unwrap_or(true);
        }
        defaults.log_retention = p.take("log_retention").and_then(|v| self.expect_days(v));
        defaults.logs = self.log_settings(&mut p);
        self.logging(&defaults.logs, &LogSettings::default());
        if let Some(d) = &defaults.log_retention {
            self.model.log_retention = d.value;
        }
        if let Some(body) = p.take_block("tags") {
            self.model.tags = self.string_map(body);
        }
        if let Some(body) = p.take_block("outputs") {
            self.outputs(body);
        }
        if let Some(v) = p.take("on_delete") {
            if let Some(d) = self.on_delete(v) {
                self.model.on_delete = d;
            }
        }
        if let Some(v) = p.take("encryption") {
            if let Some(w) = self.expect_word(v, &["kms", "aws_managed"]) {
                self.model.customer_key = w == "kms";
            }
        }
        if let Some(v) = p.take("account_logging_role") {
            let span = v.span;
            if self.expect_bool(v) == Some(true) {
                self.model.account_logging_role = Some(span);
            }
        }
        if let Some(body) = p.take_block("acknowledge") {
            for m in body {
                let MemberKind::Property { key, value, .. } = &m.kind else {
                    self.not_allowed(m, "`acknowledge`");
                    continue;
                };
                let known = key.name.starts_with("CKV_") || key.name.starts_with("CKV2_");
                if !known {
                    self.error(
                        Diagnostic::new(Code::E0202, key.span, format!("`{}` is not a checkov check id", key.name))
                            .label("expected `CKV_AWS_...`")
                            .help("name the check to acknowledge, e.g. `CKV_AWS_117 = \"functions need no VPC\"`"),
                    );
                    continue;
                }
                match self.expect_string(value) {
                    Some(r) if !r.value.trim().is_empty() => self
                        .model
                        .acknowledgements
                        .push((Spanned::new(key.name.clone(), key.span), r.value)),
                    Some(r) => self.error(
                        Diagnostic::new(Code::E0503, r.span, "an acknowledgement needs a reason")
                            .label("empty reason")
                            .help("say why the check does not apply to this app"),
                    ),
                    None => {}
                }
            }
        }
        self.app_observe(&mut p, app);
        self.other_members(&app.body, "an app");
        p.finish(self, "an app");
        defaults
    }

    /// `K = "v"` members of a block as string pairs.
    fn string_map(&mut self, body: &[ast::Member]) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for m in body {
            match &m.kind {
                MemberKind::Property { key, value, .. } => {
                    if let Some(prev) = out.iter().position(|(k, _)| *k == key.name) {
                        let _ = prev;
                        self.error(
                            Diagnostic::new(
                                Code::E0106,
                                key.span,
                                format!("`{}` is set twice", key.name),
                            )
                            .label("set again here")
                            .help("remove one of the two"),
                        );
                        continue;
                    }
                    if let Some(s) = self.expect_scalar_string(value) {
                        out.push((key.name.clone(), s));
                    }
                }
                _ => self.not_allowed(m, "this block"),
            }
        }
        out
    }

    fn decl(&mut self, d: &ast::Decl, defaults: &Defaults) {
        self.conditional_props(d);
        let index = match d.kind {
            // Stages are taken out by `stages` before resolve.
            DeclKind::App | DeclKind::Stage => return,
            DeclKind::Type => {
                let fields = self.fields(&d.fields);
                self.model.types.push(TypeDef {
                    name: d.name.name.clone(),
                    span: d.name.span,
                    fields,
                });
                self.model.types.len() - 1
            }
            DeclKind::Event => {
                let (source, detail_type, external) = match &d.header {
                    Header::Event {
                        source,
                        detail_type,
                        external,
                    } => (source.clone(), detail_type.clone(), *external),
                    _ => (None, None, false),
                };
                let fields = self.fields(&d.fields);
                let default_source = self.model.app_name.clone().unwrap_or_else(|| "app".into());
                self.model.events.push(EventDef {
                    name: d.name.name.clone(),
                    span: d.name.span,
                    source: source.map_or(default_source, |s| s.value),
                    detail_type: detail_type.map_or_else(|| d.name.name.clone(), |s| s.value),
                    fields,
                    external,
                });
                self.model.events.len() - 1
            }
            DeclKind::Function => {
                let f = self.function(d, defaults);
                self.model.functions.push(f);
                self.model.functions.len() - 1
            }
            DeclKind::Api => {
                let a = self.api(d);
                self.model.apis.push(a);
                self.model.apis.len() - 1
            }
            DeclKind::Rule => match self.rule(d) {
                Some(r) => {
                    self.model.rules.push(r);
                    self.model.rules.len() - 1
                }
                None => return,
            },
            DeclKind::Schedule => match self.schedule(d) {
                Some(s) => {
                    self.model.schedules.push(s);
                    self.model.schedules.len() - 1
                }
                None => return,
            },
            DeclKind::Queue => {
                let q = self.queue(d);
                self.model.queues.push(q);
                self.model.queues.len() - 1
            }
            DeclKind::Topic => {
                let t = self.topic(d);
                self.model.topics.push(t);
                self.model.topics.len() - 1
            }
            DeclKind::Bus => {
                let mut p = Props::new(&d.body);
                let arn = p.take("arn").and_then(|v| self.expect_text(v));
                if let Some(a) = &arn {
                    // A bus elsewhere is not created here: nothing to name,
                    // describe or offer.
                    for key in ["name", "description", "external"] {
                        if let Some(m) = d.body.iter().find(|m| matches!(&m.kind, MemberKind::Property { key: k, .. } if k.name == key)) {
                            self.error(
                                Diagnostic::new(Code::E0105, m.span, format!("`{key}` does not apply to a bus given by `arn`"))
                                    .label("the bus is not created by this stack")
                                    .with(a.span, "a bus outside the stack")
                                    .help(format!("remove `{key}`; the bus's owner sets it")),
                            );
                        }
                    }
                    p.take("name");
                    p.take("description");
                    p.take("external");
                } else {
                    self.identity(&mut p, d);
                }
                let external = p
                    .take("external")
                    .and_then(|v| self.expect_bool(v))
                    .unwrap_or(false);
                self.traffic(&mut p, UsageAt::Decl(d.name.name.clone()));
                self.other_members(&d.body, "a bus");
                p.finish(self, "a bus");
                self.model.buses.push(Bus {
                    name: d.name.name.clone(),
                    span: d.name.span,
                    external: external && arn.is_none(),
                    arn,
                });
                self.model.buses.len() - 1
            }
            DeclKind::Table => match self.table(d) {
                Some(t) => {
                    self.model.tables.push(t);
                    self.model.tables.len() - 1
                }
                None => return,
            },
            DeclKind::Bucket => {
                let b = self.bucket(d);
                self.model.buckets.push(b);
                self.model.buckets.len() - 1
            }
            DeclKind::Stream => {
                let mut p = Props::new(&d.body);
                let shards = p.take("shards").and_then(|v| self.expect_int(v));
                let retention = p
                    .take("retention")
                    .and_then(|v| self.expect_seconds(v))
                    .unwrap_or(Spanned::new(86_400, d.name.span));
                let on_delete = self.on_delete_of(&mut p, &d.name.name);
                self.traffic(&mut p, UsageAt::Decl(d.name.name.clone()));
                self.identity(&mut p, d);
                self.other_members(&d.body, "a stream");
                p.finish(self, "a stream");
                self.model.streams.push(DataStream {
                    name: d.name.name.clone(),
                    span: d.name.span,
                    shards,
                    retention,
                    on_delete,
                });
                self.model.streams.len() - 1
            }
            DeclKind::StateMachine => {
                let m = self.state_machine(d, defaults);
                self.model.state_machines.push(m);
                self.model.state_machines.len() - 1
            }
            DeclKind::UserPool => {
                let p = self.user_pool(d);
                self.model.user_pools.push(p);
                self.model.user_pools.len() - 1
            }
            DeclKind::Param => {
                let p = self.param(d);
                self.model.params.push(p);
                self.model.params.len() - 1
            }
            DeclKind::Secret | DeclKind::Parameter => match self.external_value(d) {
                Some(i) => i,
                None => return,
            },
            DeclKind::Condition => {
                let c = self.condition(d);
                self.model.conditions.push(c);
                self.model.conditions.len() - 1
            }
            DeclKind::Resource => match self.raw_resource(d) {
                Some(r) => {
                    self.model.resources.push(r);
                    self.model.resources.len() - 1
                }
                None => return,
            },
            DeclKind::Pipe => match self.pipe(d) {
                Some(p) => {
                    self.model.pipes.push(p);
                    self.model.pipes.len() - 1
                }
                None => return,
            },
            DeclKind::ScheduleGroup => {
                let g = self.schedule_group(d);
                self.model.schedule_groups.push(g);
                self.model.schedule_groups.len() - 1
            }
            DeclKind::Layer => {
                let l = self.layer(d);
                self.model.layers.push(l);
                self.model.layers.len() - 1
            }
            DeclKind::Alarm => {
                let a = self.alarm(d);
                self.model.alarms.push(a);
                self.model.alarms.len() - 1
            }
        };
        // A duplicate declaration is reported once and then left out of the
        // model, so that later stages see one declaration per name.
        if self.symbols.get(&d.name.name).map(|s| s.span) == Some(d.name.span) {
            self.model.order.push((d.kind, index));
        } else {
            self.remove_last(d.kind);
        }
    }

    fn remove_last(&mut self, kind: DeclKind) {
        let m = &mut self.model;
        match kind {
            DeclKind::Type => drop(m.types.pop()),
            DeclKind::Event => drop(m.events.pop()),
            DeclKind::Function => drop(m.functions.pop()),
            DeclKind::Api => drop(m.apis.pop()),
            DeclKind::Rule => drop(m.rules.pop()),
            DeclKind::Schedule => drop(m.schedules.pop()),
            DeclKind::Queue => drop(m.queues.pop()),
            DeclKind::Topic => drop(m.topics.pop()),
            DeclKind::Bus => drop(m.buses.pop()),
            DeclKind::Table => drop(m.tables.pop()),
            DeclKind::Bucket => drop(m.buckets.pop()),
            DeclKind::Stream => drop(m.streams.pop()),
            DeclKind::StateMachine => drop(m.state_machines.pop()),
            DeclKind::Secret => drop(m.secrets.pop()),
            DeclKind::Parameter => drop(m.parameters.pop()),
            DeclKind::Param => drop(m.params.pop()),
            DeclKind::UserPool => drop(m.user_pools.pop()),
            DeclKind::Resource => drop(m.resources.pop()),
            DeclKind::Condition => drop(m.conditions.pop()),
            DeclKind::Pipe => drop(m.pipes.pop()),
            DeclKind::ScheduleGroup => drop(m.schedule_groups.pop()),
            DeclKind::Layer => drop(m.layers.pop()),
            DeclKind::App | DeclKind::Stage => {}
            DeclKind::Alarm => drop(m.alarms.pop()),
        }
    }

    /// Reports members other than properties and blocks in a body that takes
    /// only those.
    /// `name = "..."` and `description = "..."`, which several kinds share:
    /// the physical name AWS knows the resource by (on the kinds whose
    /// resources have one), and the description carried into the template
    /// (on the kinds whose resources have a `Description`). Only the first of
    /// duplicate declarations is kept, as in the rest of the model.
    fn identity(&mut self, p: &mut Props, d: &ast::Decl) {
        use DeclKind as K;
        self.when(p, d);
        let first = self.symbols.get(&d.name.name).map(|s| s.span) == Some(d.name.span);
        let (named, described) = (named(d.kind), described(d.kind));
        if named {
            if let Some(v) = p.take("name").and_then(|v| self.expect_text(v)) {
                if first {
                    self.model.physical_names.insert(d.name.name.clone(), v);
                }
            }
        }
        if described {
            if let Some(v) = p.take("description").and_then(|v| self.expect_text(v)) {
                if first {
                    self.model.descriptions.insert(d.name.name.clone(), v);
                }
            }
        }
        if matches!(d.kind, K::Queue | K::Topic | K::Bucket) {
            if let Some(v) = p.take("policy") {
                let statements = self.policy_statements(v);
                if first && !statements.is_empty() {
                    self.model.policies.insert(d.name.name.clone(), statements);
                }
            }
        }
        self.decl_observe(p, d, first);
        if let Some(ty) = raw::overridable(d.kind) {
            if let Some(body) = p.take_block("overrides") {
                let set = self.overrides(d, ty, body);
                if first && !set.is_empty() {
                    self.model.overrides.insert(d.name.name.clone(), set);
                }
            }
        }
    }

    /// The app's `outputs { Name = Decl.attr, ... }`: each value an
    /// attribute, or a record `{ value = Decl.attr, export = "...",
    /// description = "..." }`.
    fn outputs(&mut self, body: &[ast::Member]) {
        for m in body {
            let MemberKind::Property { key, value, .. } = &m.kind else {
                self.not_allowed(m, "`outputs`");
                continue;
            };
            let (path, export, description) = match &value.kind {
                ValueKind::Path(path) => (path, None, None),
                ValueKind::Record(entries) => {
                    let mut path = None;
                    let (mut export, mut description) = (None, None);
                    for (k, v) in entries {
                        match k.name.as_str() {
                            "value" => match &v.kind {
                                ValueKind::Path(p) => path = Some(p),
                                _ => self.type_error(
                                    v,
                                    "an attribute",
                                    "write the attribute to output, e.g. `value = Orders.arn`",
                                ),
                            },
                            "export" => export = self.expect_text(v),
                            "description" => description = self.expect_string(v),
                            other => {
                                let mut d = Diagnostic::new(
                                    Code::E0105,
                                    k.span,
                                    format!("`{other}` is not a setting of an output"),
                                )
                                .label("unknown setting");
                                d = match did_you_mean(other, ["value", "export", "description"]) {
                                    Some(s) => d.help(format!("did you mean `{s}`?")),
                                    None => d.help(
                                        "an output takes `value`, `export` and `description`",
                                    ),
                                };
                                self.error(d);
                            }
                        }
                    }
                    let Some(path) = path else {
                        self.error(
                            Diagnostic::new(Code::E0107, value.span, format!("output `{}` has no `value`", key.name))
                                .label("no value")
                                .help("say what to output, e.g. `{ value = Orders.arn, export = \"shop-orders-arn\" }`"),
                        );
                        continue;
                    };
                    (path, export, description)
                }
                _ => {
                    self.type_error(
                        value,
                        "an attribute",
                        "write the attribute to output, e.g. `OrdersArn = Orders.arn`",
                    );
                    continue;
                }
            };
            let Some((r, attr)) = self.attr(path) else {
                continue;
            };
            self.model.outputs.push(Output {
                name: Spanned::new(key.name.clone(), key.span),
                value: r,
                attr,
                export,
                description,
            });
        }
    }

    fn other_members(&mut self, body: &[ast::Member], what: &str) {
        let accepted = &mut self.model.accepted.properties_only;
        accepted.extend(body.iter().map(|m| m.span));
        for m in body {
            if !matches!(
                m.kind,
                MemberKind::Property { .. } | MemberKind::Block { .. }
            ) {
                self.not_allowed(m, what);
            }
        }
    }

    /// E0106 if `r` names the same declaration as one of `earlier`.
    fn repeated(&mut self, earlier: &[Ref], r: &Ref, role: &str) -> bool {
        let Some(first) = earlier.iter().find(|e| e.name == r.name) else {
            return false;
        };
        self.error(
            Diagnostic::new(
                Code::E0106,
                r.span,
                format!("`{}` is already {role}", r.name),
            )
            .label("repeated")
            .with(first.span, "first named here")
            .help("remove the repeated line"),
        );
        true
    }

    fn not_allowed(&mut self, m: &ast::Member, what: &str) {
        let (word, help) = match &m.kind {
            MemberKind::Verb { verb, .. } => (
                format!("`{}`", verb.text()),
                "access verbs belong in a function",
            ),
            MemberKind::On { .. } => (
                "`on`".into(),
                "triggers belong in a function: `on Queue { ... }`",
            ),
            MemberKind::Route { .. } => ("a route".into(), "routes belong in an `api`"),
            MemberKind::Match { .. } => ("`match`".into(), "`match` belongs in a `rule`"),
            MemberKind::SendTo { .. } => ("`send to`".into(), "`send to` belongs in a `rule`"),
            MemberKind::Subscribe { .. } => {
                ("`subscribe`".into(), "`subscribe` belongs in a `topic`")
            }
            // `env { A: "1" }`: a block of settings written with `:`.
            MemberKind::Fields { key, fields }
                if !matches!(key.name.as_str(), "params" | "query") =>
            {
                let name = fields.first().map_or("NAME", |f| f.name.name.as_str());
                let help = format!(
                    "settings are written `name = value`: `{} {{ {name} = ... }}`; `name: type` is for `params` and `query` of a route",
                    key.name
                );
                self.error(
                    Diagnostic::new(
                        Code::E0105,
                        m.span,
                        format!("`{}` is written with `:` instead of `=`", key.name),
                    )
                    .label("not `name = value`")
                    .help(help),
                );
                return;
            }
            MemberKind::Fields { key, .. } => (
                format!("`{}`", key.name),
                "typed blocks such as `params { id: string }` belong in a route",
            ),
            MemberKind::Responses(_) => ("`responses`".into(), "`responses` belongs in a route"),
            MemberKind::Allow { .. } => (
                "`allow`".into(),
                "`allow` belongs in a function or a state machine",
            ),
            MemberKind::Property { key, .. } | MemberKind::Block { key, .. } => {
                (format!("`{}`", key.name), "remove it")
            }
        };
        self.error(
            Diagnostic::new(
                Code::E0105,
                m.span,
                format!("{word} is not allowed in {what}"),
            )
            .label("not allowed here")
            .help(help),
        );
    }
}
