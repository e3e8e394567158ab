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

mod props;

use crate::ast::{
    self, DeclKind, Header, MemberKind, ScheduleExpr, UseTarget, ValueKind, VerbKind,
};
use crate::diagnostics::{did_you_mean, Diagnostic};
use crate::model::*;
use crate::source::{FileId, Span};
use indexmap::IndexMap;
use props::Props;
use std::collections::{HashMap, HashSet};

/// A declared name.
#[derive(Debug, Clone)]
struct Symbol {
    kind: DeclKind,
    span: Span,
    /// Never reported unused: declared in a standard library module, or a
    /// declaration that did not parse.
    quiet: bool,
}

/// Function settings that `app` sets for every function.
struct Defaults {
    runtime: Option<Spanned<String>>,
    memory: Option<Spanned<u64>>,
    timeout: Option<Spanned<u64>>,
    arch: Arch,
    tracing: bool,
    log_retention: Option<Spanned<u64>>,
}

/// Resolves every file of a compilation into one model.
///
/// `stdlib_files` lists files that come from the standard library.
pub fn resolve(
    files: &[(FileId, ast::File)],
    stdlib_files: &HashSet<FileId>,
) -> (Model, Vec<Diagnostic>) {
    let mut r = Resolver {
        symbols: IndexMap::new(),
        used: HashSet::new(),
        diags: Vec::new(),
        model: Model::default(),
        modules: Vec::new(),
        app_broken: false,
    };
    for (id, file) in files {
        for u in &file.uses {
            if let UseTarget::Module(p) = &u.target {
                r.modules.push(p.text());
            }
        }
        for d in &file.decls {
            r.declare(d, stdlib_files.contains(id));
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
    r.unused(&all);
    r.logical_ids(&all);
    r.model.index_names();
    (r.model, r.diags)
}

struct Resolver {
    symbols: IndexMap<String, Symbol>,
    used: HashSet<String>,
    diags: Vec<Diagnostic>,
    model: Model,
    /// Standard library modules named in `use`, for qualified references.
    modules: Vec<String>,
    /// The `app` declaration has a syntax error: its defaults are unknown,
    /// so functions are not reported for missing them.
    app_broken: bool,
}

/// Which attributes each kind of resource has.
fn attributes(kind: DeclKind) -> &'static [Attr] {
    match kind {
        DeclKind::Table => &[Attr::Name, Attr::Arn, Attr::StreamArn],
        DeclKind::Queue => &[Attr::Name, Attr::Arn, Attr::Url],
        DeclKind::Topic | DeclKind::Bus | DeclKind::Bucket | DeclKind::Function => {
            &[Attr::Name, Attr::Arn]
        }
        DeclKind::Api => &[Attr::Url],
        _ => &[],
    }
}

/// The declaration a trigger reads from.
fn trigger_source(t: &Trigger) -> &Ref {
    match t {
        Trigger::Queue { queue, .. } => queue,
        Trigger::Stream { table, .. } => table,
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

    fn declare(&mut self, d: &ast::Decl, stdlib: bool) {
        if d.kind == DeclKind::App {
            if let Some((_, prev)) = self.symbols.iter().find(|(_, s)| s.kind == DeclKind::App) {
                let prev = prev.span;
                self.error(
                    Diagnostic::new("E0102", d.name.span, "a spec has one `app` declaration")
                        .label("second `app`")
                        .with(prev, "first `app` here")
                        .help("merge the two `app` blocks into one"),
                );
                return;
            }
        }
        if d.name.name == "default" && d.kind == DeclKind::Bus {
            self.error(
                Diagnostic::new("E0102", d.name.span, "the bus `default` is built in")
                    .label("already declared")
                    .help("rename the bus, or remove the declaration to use the account's default bus"),
            );
            return;
        }
        if let Some(prev) = self.symbols.get(&d.name.name) {
            let (pk, ps) = (prev.kind, prev.span);
            self.error(
                Diagnostic::new(
                    "E0102",
                    d.name.span,
                    format!("`{}` is declared twice", d.name.name),
                )
                .label(format!("second declaration, as {}", d.kind.article()))
                .with(ps, format!("first declared here, as {}", pk.article()))
                .help("names are global to the spec and the files it uses: rename one of them"),
            );
            return;
        }
        self.symbols.insert(
            d.name.name.clone(),
            Symbol {
                kind: d.kind,
                span: d.name.span,
                quiet: stdlib,
            },
        );
    }

    /// Resolves a reference to a declaration of one of `kinds`.
    fn expect_ref(&mut self, path: &ast::Path, kinds: &[DeclKind]) -> Option<Ref> {
        let (name, extra) = self.split_qualified(path);
        if extra > 0 {
            let attr = &path.parts[path.parts.len() - extra];
            self.error(
                Diagnostic::new(
                    "E0103",
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

    /// Strips a `use`d module prefix (`aws.s3.ObjectCreated`); returns the
    /// declaration name and how many parts follow it.
    fn split_qualified(&self, path: &ast::Path) -> (String, usize) {
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
                        "E0103",
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
                let mut d = Diagnostic::new("E0101", span, format!("unknown name `{name}`"))
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
        if let Some(body) = p.take_block("tags") {
            self.model.tags = self.string_map(body);
        }
        self.other_members(&app.body, "an app");
        p.finish(self, "an app");
        defaults
    }

    /// `K = "v"` members of a block as string pairs.
    fn string_map(&mut self, body: &[ast::Member]) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for m in body {
            match &m.kind {
                MemberKind::Property { key, value } => {
                    if let Some(prev) = out.iter().position(|(k, _)| *k == key.name) {
                        let _ = prev;
                        self.error(
                            Diagnostic::new(
                                "E0106",
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
        let index = match d.kind {
            DeclKind::App => return,
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
                let (source, detail_type) = match &d.header {
                    Header::Event {
                        source,
                        detail_type,
                    } => (source.clone(), detail_type.clone()),
                    _ => (None, None),
                };
                let fields = self.fields(&d.fields);
                let default_source = self.model.app_name.clone().unwrap_or_else(|| "app".into());
                self.model.events.push(EventDef {
                    name: d.name.name.clone(),
                    span: d.name.span,
                    source: source.map_or(default_source, |s| s.value),
                    detail_type: detail_type.map_or_else(|| d.name.name.clone(), |s| s.value),
                    fields,
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
                self.other_members(&d.body, "a bus");
                Props::new(&d.body).finish(self, "a bus");
                self.model.buses.push(Bus {
                    name: d.name.name.clone(),
                    span: d.name.span,
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
                let mut p = Props::new(&d.body);
                let eventbridge = p
                    .take("eventbridge")
                    .and_then(|v| self.expect_bool(v))
                    .unwrap_or(false);
                self.other_members(&d.body, "a bucket");
                p.finish(self, "a bucket");
                self.model.buckets.push(Bucket {
                    name: d.name.name.clone(),
                    span: d.name.span,
                    eventbridge,
                });
                self.model.buckets.len() - 1
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
            DeclKind::App => {}
        }
    }

    // ------------------------------------------------------------- types --

    fn fields(&mut self, fields: &[ast::Field]) -> Vec<FieldDef> {
        let mut out: Vec<FieldDef> = Vec::new();
        for f in fields {
            if let Some(prev) = out.iter().find(|o| o.name == f.name.name) {
                let ps = prev.span;
                self.error(
                    Diagnostic::new(
                        "E0106",
                        f.name.span,
                        format!("field `{}` is declared twice", f.name.name),
                    )
                    .label("second declaration")
                    .with(ps, "first declared here")
                    .help("remove or rename one of the two fields"),
                );
                continue;
            }
            let ty = self.ty(&f.ty);
            out.push(FieldDef {
                name: f.name.name.clone(),
                optional: f.optional,
                ty,
                span: f.span,
            });
        }
        out
    }

    fn ty(&mut self, t: &ast::TypeExpr) -> Ty {
        match &t.kind {
            ast::TypeExprKind::Named(n) => match n.name.as_str() {
                "string" => Ty::String,
                "int" => Ty::Int,
                "number" => Ty::Number,
                "bool" => Ty::Bool,
                name => match self.lookup(name, n.span, &[DeclKind::Type]) {
                    Some(r) => Ty::Named(r.name),
                    None => Ty::String,
                },
            },
            ast::TypeExprKind::List(inner) => Ty::List(Box::new(self.ty(inner))),
            ast::TypeExprKind::Enum(values) => {
                Ty::Enum(values.iter().map(|s| s.value.clone()).collect())
            }
            ast::TypeExprKind::Record(fields) => Ty::Record(self.fields(fields)),
        }
    }

    // --------------------------------------------------------- functions --

    fn function(&mut self, d: &ast::Decl, defaults: &Defaults) -> Function {
        let name_span = d.name.span;
        let mut p = Props::new(&d.body);
        let handler = match p.take("handler").and_then(|v| self.expect_string(v)) {
            Some(h) => h,
            None => {
                if !p.has("handler") {
                    self.error(
                        Diagnostic::new(
                            "E0107",
                            name_span,
                            format!("function `{}` has no `handler`", d.name.name),
                        )
                        .label("missing `handler`")
                        .help("add `handler = \"file.function\"` (e.g. `\"app.handler\"`)"),
                    );
                }
                Spanned::new(String::new(), name_span)
            }
        };
        let code = p
            .take("code")
            .and_then(|v| self.expect_string(v))
            .map_or_else(|| ".".to_string(), |s| s.value);
        let runtime = match p.take("runtime").and_then(|v| self.expect_string(v)) {
            Some(r) => r,
            None => match &defaults.runtime {
                Some(r) => r.clone(),
                None => {
                    if !p.has("runtime") && !self.app_broken {
                        self.error(
                            Diagnostic::new("E0107", name_span, format!("function `{}` has no `runtime`", d.name.name))
                                .label("missing `runtime`")
                                .help("add `runtime = \"python3.13\"` here, or a default `runtime` in the `app` declaration"),
                        );
                    }
                    Spanned::new(String::new(), name_span)
                }
            },
        };
        let memory = p
            .take("memory")
            .and_then(|v| self.expect_size_mb(v))
            .or_else(|| defaults.memory.clone())
            .unwrap_or(Spanned::new(128, name_span));
        let timeout = p
            .take("timeout")
            .and_then(|v| self.expect_seconds(v))
            .or_else(|| defaults.timeout.clone())
            .unwrap_or(Spanned::new(3, name_span));
        let arch = p
            .take("architecture")
            .and_then(|v| self.expect_arch(v))
            .unwrap_or(defaults.arch);
        let tracing = p
            .take("tracing")
            .and_then(|v| self.expect_tracing(v))
            .unwrap_or(defaults.tracing);
        let log_retention = p
            .take("log_retention")
            .and_then(|v| self.expect_days(v))
            .or_else(|| defaults.log_retention.clone())
            .unwrap_or(Spanned::new(30, name_span));
        let concurrency = p.take("concurrency").and_then(|v| self.expect_int(v));
        let retries = p.take("retries").and_then(|v| self.expect_int(v));
        let max_event_age = p.take("max_event_age").and_then(|v| self.expect_seconds(v));
        let on_failure = p.take("on_failure").and_then(|v| {
            self.expect_path(v).and_then(|path| {
                self.expect_ref(
                    path,
                    &[
                        DeclKind::Queue,
                        DeclKind::Topic,
                        DeclKind::Function,
                        DeclKind::Bus,
                    ],
                )
            })
        });
        let env = match p.take_block("env") {
            Some(body) => self.env(body),
            None => Vec::new(),
        };
        p.finish(self, "a function");

        let mut access = Vec::new();
        let mut triggers = Vec::new();
        for m in &d.body {
            match &m.kind {
                MemberKind::Property { .. } | MemberKind::Block { .. } => {}
                MemberKind::Verb {
                    verb, targets, bus, ..
                } => self.verb(*verb, targets, bus.as_ref(), &mut access),
                MemberKind::On { source, body } => {
                    if let Some(t) = self.trigger(source, body, m.span) {
                        // One function may take several notifications of one
                        // bucket (different prefixes); any other source once.
                        let source_ref = trigger_source(&t);
                        let earlier: Vec<Ref> = triggers
                            .iter()
                            .filter(|e| !matches!(e, Trigger::Bucket { .. }))
                            .map(|e| trigger_source(e).clone())
                            .collect();
                        if !matches!(t, Trigger::Bucket { .. })
                            && self.repeated(&earlier, source_ref, "a trigger of this function")
                        {
                            continue;
                        }
                        triggers.push(t);
                    }
                }
                _ => self.not_allowed(m, "a function"),
            }
        }
        Function {
            name: d.name.name.clone(),
            span: name_span,
            handler,
            code,
            runtime,
            memory,
            timeout,
            arch,
            env,
            concurrency,
            tracing,
            log_retention,
            access,
            triggers,
            retries,
            max_event_age,
            on_failure,
        }
    }

    fn env(&mut self, body: &[ast::Member]) -> Vec<(Spanned<String>, EnvValue)> {
        let mut out: Vec<(Spanned<String>, EnvValue)> = Vec::new();
        for m in body {
            let MemberKind::Property { key, value } = &m.kind else {
                self.not_allowed(m, "`env`");
                continue;
            };
            if out.iter().any(|(k, _)| k.value == key.name) {
                self.error(
                    Diagnostic::new(
                        "E0106",
                        key.span,
                        format!("environment variable `{}` is set twice", key.name),
                    )
                    .label("set again here")
                    .help("remove one of the two"),
                );
                continue;
            }
            let v = match &value.kind {
                ValueKind::Path(path) => match self.attr(path) {
                    Some((r, a)) => EnvValue::Attr(r, a),
                    None => continue,
                },
                _ => match self.expect_scalar_string(value) {
                    Some(s) => EnvValue::Literal(s),
                    None => continue,
                },
            };
            out.push((Spanned::new(key.name.clone(), key.span), v));
        }
        out
    }

    /// `Orders.name`: a resource attribute.
    fn attr(&mut self, path: &ast::Path) -> Option<(Ref, Attr)> {
        let resources = [
            DeclKind::Table,
            DeclKind::Queue,
            DeclKind::Topic,
            DeclKind::Bus,
            DeclKind::Bucket,
            DeclKind::Function,
            DeclKind::Api,
        ];
        let head = path.head();
        let r = self.lookup(&head.name, head.span, &resources)?;
        let attrs = attributes(r.kind);
        let Some(word) = path.parts.get(1) else {
            let list = attrs
                .iter()
                .map(|a| format!("`{}.{}`", head.name, a.word()))
                .collect::<Vec<_>>()
                .join(", ");
            self.error(
                Diagnostic::new(
                    "E0201",
                    path.span,
                    format!(
                        "expected a string or an attribute, found {} `{}`",
                        r.kind.keyword(),
                        head.name
                    ),
                )
                .label("a declaration is not a value")
                .help(format!("use one of its attributes: {list}")),
            );
            return None;
        };
        match attrs.iter().find(|a| a.word() == word.name) {
            Some(a) if path.parts.len() == 2 => Some((
                Ref {
                    span: path.span,
                    ..r
                },
                *a,
            )),
            _ => {
                let mut d = Diagnostic::new(
                    "E0108",
                    word.span,
                    format!(
                        "{} has no attribute `{}`",
                        r.kind.article(),
                        path.parts[1..]
                            .iter()
                            .map(|p| p.name.as_str())
                            .collect::<Vec<_>>()
                            .join(".")
                    ),
                )
                .label("unknown attribute");
                let words = attrs.iter().map(|a| a.word());
                d = match did_you_mean(&word.name, words) {
                    Some(s) => d.help(format!("did you mean `{}.{s}`?", head.name)),
                    None => d.help(format!(
                        "{} has: {}",
                        r.kind.article(),
                        attrs
                            .iter()
                            .map(|a| format!("`{}`", a.word()))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                };
                self.error(d);
                None
            }
        }
    }

    fn verb(
        &mut self,
        verb: VerbKind,
        targets: &[ast::Path],
        bus: Option<&ast::Path>,
        out: &mut Vec<Access>,
    ) {
        let kinds: &[DeclKind] = match verb {
            VerbKind::Reads | VerbKind::Writes => &[DeclKind::Table, DeclKind::Bucket],
            VerbKind::SendsTo => &[DeclKind::Queue],
            VerbKind::PublishesTo => &[DeclKind::Topic],
            VerbKind::Emits => &[DeclKind::Event],
            VerbKind::Invokes => &[DeclKind::Function],
        };
        let bus_ref = match bus {
            Some(b) => self.expect_ref(b, &[DeclKind::Bus]),
            None => None,
        };
        for t in targets {
            let Some(r) = self.expect_ref(t, kinds) else {
                continue;
            };
            if verb == VerbKind::Emits {
                if let Some(b) = &bus_ref {
                    out.push(Access {
                        verb,
                        target: b.clone(),
                        event: Some(r),
                    });
                }
            } else {
                out.push(Access {
                    verb,
                    target: r,
                    event: None,
                });
            }
        }
    }

    fn trigger(&mut self, source: &ast::Path, body: &[ast::Member], span: Span) -> Option<Trigger> {
        let kinds = [
            DeclKind::Queue,
            DeclKind::Table,
            DeclKind::Bucket,
            DeclKind::Topic,
        ];
        let (name, extra) = self.split_qualified(source);
        let head_span = source.head().span;
        let r = self.lookup(&name, head_span, &kinds)?;
        let r = Ref {
            span: source.span,
            ..r
        };
        let mut p = Props::new(body);
        let t = match r.kind {
            DeclKind::Table => {
                let ok = extra == 1 && source.parts.last().is_some_and(|l| l.name == "stream");
                if !ok {
                    self.error(
                        Diagnostic::new("E0103", source.span, format!("a function is triggered by a table's stream, not by table `{name}`"))
                            .label("expected a stream")
                            .help(format!("write `on {name}.stream {{ ... }}`")),
                    );
                    return None;
                }
                let batch = p
                    .take("batch")
                    .and_then(|v| self.expect_int_u32(v))
                    .unwrap_or(Spanned::new(100, source.span));
                let window = p
                    .take("window")
                    .and_then(|v| self.expect_seconds(v))
                    .map(|s| Spanned::new(s.value as u32, s.span));
                let start = match p
                    .take("start")
                    .and_then(|v| self.expect_word(v, &["latest", "trim_horizon"]))
                {
                    Some(w) if w == "trim_horizon" => StartPosition::TrimHorizon,
                    _ => StartPosition::Latest,
                };
                let retries = p.take("retries").and_then(|v| self.expect_int(v));
                let bisect = p
                    .take("bisect")
                    .and_then(|v| self.expect_bool(v))
                    .unwrap_or(false);
                let partial_failures = p
                    .take("partial_failures")
                    .and_then(|v| self.expect_bool(v))
                    .unwrap_or(false);
                Trigger::Stream {
                    table: r,
                    batch,
                    window,
                    start,
                    retries,
                    bisect,
                    partial_failures,
                    span,
                }
            }
            _ if extra > 0 => {
                self.error(
                    Diagnostic::new(
                        "E0103",
                        source.span,
                        format!(
                            "expected a queue, a table stream, a bucket or a topic, found `{}`",
                            source.text()
                        ),
                    )
                    .label("only tables have `.stream`")
                    .help(format!("write `on {name}`")),
                );
                return None;
            }
            DeclKind::Queue => {
                let batch = p
                    .take("batch")
                    .and_then(|v| self.expect_int_u32(v))
                    .unwrap_or(Spanned::new(10, source.span));
                let window = p
                    .take("window")
                    .and_then(|v| self.expect_seconds(v))
                    .map(|s| Spanned::new(s.value as u32, s.span));
                let partial_failures = p
                    .take("partial_failures")
                    .and_then(|v| self.expect_bool(v))
                    .unwrap_or(false);
                Trigger::Queue {
                    queue: r,
                    batch,
                    window,
                    partial_failures,
                    span,
                }
            }
            DeclKind::Bucket => {
                let events = match p.take("events") {
                    Some(v) => self.bucket_events(v),
                    None => vec![BucketEvent::Created],
                };
                let prefix = p
                    .take("prefix")
                    .and_then(|v| self.expect_string(v))
                    .map(|s| s.value);
                let suffix = p
                    .take("suffix")
                    .and_then(|v| self.expect_string(v))
                    .map(|s| s.value);
                Trigger::Bucket {
                    bucket: r,
                    events,
                    prefix,
                    suffix,
                    span,
                }
            }
            _ => Trigger::Topic { topic: r, span },
        };
        let what = match &t {
            Trigger::Queue { .. } => "a queue trigger",
            Trigger::Stream { .. } => "a stream trigger",
            Trigger::Bucket { .. } => "a bucket trigger",
            Trigger::Topic { .. } => "a topic trigger",
        };
        self.other_members(body, what);
        p.finish(self, what);
        Some(t)
    }

    fn bucket_events(&mut self, v: &ast::Value) -> Vec<BucketEvent> {
        let items: Vec<&ast::Value> = match &v.kind {
            ValueKind::List(items) => items.iter().collect(),
            _ => vec![v],
        };
        let mut out = Vec::new();
        for item in items {
            match self.expect_word(item, &["created", "removed"]) {
                Some(w) if w == "removed" => out.push(BucketEvent::Removed),
                Some(_) => out.push(BucketEvent::Created),
                None => {}
            }
        }
        out
    }

    // -------------------------------------------------------------- apis --

    fn api(&mut self, d: &ast::Decl) -> Api {
        if let Header::Api { protocol } = &d.header {
            if protocol.name != "http" {
                let mut diag = Diagnostic::new(
                    "E0202",
                    protocol.span,
                    format!("unknown API protocol `{}`", protocol.name),
                )
                .label("expected `http`");
                diag = if protocol.name == "rest" {
                    diag.help(
                        "REST APIs are not supported yet: write `api Name http` for an HTTP API",
                    )
                } else {
                    diag.help("write `api Name http { ... }`")
                };
                self.error(diag);
            }
        }
        let mut p = Props::new(&d.body);
        let auth = match p.take("auth") {
            Some(v) => self.auth(v).unwrap_or(Auth::None),
            None => Auth::None,
        };
        let cors = p.take_block("cors").map(|body| self.cors(body));
        p.finish(self, "an api");
        let mut routes: Vec<Route> = Vec::new();
        for m in &d.body {
            match &m.kind {
                MemberKind::Property { .. } | MemberKind::Block { .. } => {}
                MemberKind::Route {
                    method,
                    path,
                    target,
                    body,
                } => {
                    let function = self.expect_ref(target, &[DeclKind::Function]);
                    let mut rp = Props::new(body);
                    let public = match rp.take("auth") {
                        Some(v) => self.expect_word(v, &["none"]).is_some(),
                        None => false,
                    };
                    self.other_members(body, "a route");
                    rp.finish(self, "a route");
                    if let Some(prev) = routes
                        .iter()
                        .find(|r| r.method == method.name && r.path.value == path.value)
                    {
                        let ps = prev.span;
                        self.error(
                            Diagnostic::new(
                                "E0211",
                                m.span,
                                format!("route `{} {}` is declared twice", method.name, path.value),
                            )
                            .label("second declaration")
                            .with(ps, "first declared here")
                            .help("remove one of the two routes"),
                        );
                        continue;
                    }
                    if let Some(f) = function {
                        routes.push(Route {
                            method: method.name.clone(),
                            path: Spanned::new(path.value.clone(), path.span),
                            function: f,
                            public,
                            span: m.span,
                        });
                    }
                }
                _ => self.not_allowed(m, "an api"),
            }
        }
        Api {
            name: d.name.name.clone(),
            span: d.name.span,
            auth,
            cors,
            routes,
        }
    }

    fn auth(&mut self, v: &ast::Value) -> Option<Auth> {
        match &v.kind {
            ValueKind::Tagged(tag, body) if tag.name == "jwt" => {
                let mut p = Props::new(body);
                let issuer = p.take("issuer").and_then(|v| self.expect_string(v));
                let audience = p.take("audience").and_then(|v| self.expect_strings(v));
                for (key, present) in [
                    ("issuer", issuer.is_some() || p.has("issuer")),
                    ("audience", audience.is_some() || p.has("audience")),
                ] {
                    if !present {
                        self.error(
                            Diagnostic::new("E0107", tag.span, format!("`jwt` auth has no `{key}`"))
                                .label(format!("missing `{key}`"))
                                .help("write `jwt { issuer = \"https://...\", audience = [\"client-id\"] }`"),
                        );
                    }
                }
                self.other_members(body, "`jwt`");
                p.finish(self, "`jwt`");
                Some(Auth::Jwt {
                    issuer: issuer?.value,
                    audience: audience?,
                })
            }
            _ => {
                match self.expect_word(v, &["none", "jwt"]) {
                    Some(w) if w == "none" => Some(Auth::None),
                    Some(_) => {
                        self.error(
                        Diagnostic::new("E0107", v.span, "`jwt` auth needs an issuer and an audience")
                            .label("missing settings")
                            .help("write `jwt { issuer = \"https://...\", audience = [\"client-id\"] }`"),
                    );
                        None
                    }
                    None => None,
                }
            }
        }
    }

    fn cors(&mut self, body: &[ast::Member]) -> Cors {
        let mut p = Props::new(body);
        let mut cors = Cors::default();
        if let Some(v) = p.take("origins") {
            cors.origins = self.expect_strings(v).unwrap_or_default();
        }
        if let Some(v) = p.take("methods") {
            cors.methods = self.expect_words(
                v,
                &[
                    "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "*",
                ],
            );
        }
        if let Some(v) = p.take("headers") {
            cors.headers = self.expect_strings(v).unwrap_or_default();
        }
        cors.max_age = p
            .take("max_age")
            .and_then(|v| self.expect_seconds(v))
            .map(|s| s.value);
        cors.credentials = p
            .take("credentials")
            .and_then(|v| self.expect_bool(v))
            .unwrap_or(false);
        self.other_members(body, "`cors`");
        p.finish(self, "`cors`");
        cors
    }

    // ----------------------------------------------------- rules, schedules --

    fn rule(&mut self, d: &ast::Decl) -> Option<Rule> {
        let bus = match &d.header {
            Header::Rule { bus } => self.expect_ref(bus, &[DeclKind::Bus]),
            _ => None,
        };
        let mut p = Props::new(&d.body);
        let (retry, dead_letter) = self.delivery(&mut p);
        p.finish(self, "a rule");
        let mut event = None;
        let mut filter = None;
        let mut targets = Vec::new();
        let mut seen_match: Option<Span> = None;
        for m in &d.body {
            match &m.kind {
                MemberKind::Property { .. } | MemberKind::Block { .. } => {}
                MemberKind::Match {
                    event: e,
                    filter: f,
                } => {
                    if let Some(prev) = seen_match {
                        self.error(
                            Diagnostic::new("E0106", m.span, "a rule has one `match`")
                                .label("second `match`")
                                .with(prev, "first `match` here")
                                .help("combine the conditions with `or`, or declare a second rule"),
                        );
                        continue;
                    }
                    seen_match = Some(m.span);
                    event = self.expect_ref(e, &[DeclKind::Event]);
                    filter = f.clone();
                }
                MemberKind::SendTo { target, body } => {
                    self.other_members(body, "a rule target");
                    Props::new(body).finish(self, "a rule target");
                    if let Some(r) = self.expect_ref(
                        target,
                        &[DeclKind::Function, DeclKind::Queue, DeclKind::Topic],
                    ) {
                        if self.repeated(&targets, &r, "a target of this rule") {
                            continue;
                        }
                        targets.push(r);
                    }
                }
                _ => self.not_allowed(m, "a rule"),
            }
        }
        if seen_match.is_none() {
            self.error(
                Diagnostic::new(
                    "E0107",
                    d.name.span,
                    format!("rule `{}` has no `match`", d.name.name),
                )
                .label("missing `match`")
                .help(
                    "add `match EventName where field = value` to say which events the rule routes",
                ),
            );
        }
        if targets.is_empty() {
            self.error(
                Diagnostic::new(
                    "E0107",
                    d.name.span,
                    format!("rule `{}` has no target", d.name.name),
                )
                .label("missing `send to`")
                .help("add `send to Name` with a function, queue or topic"),
            );
        }
        Some(Rule {
            name: d.name.name.clone(),
            span: d.name.span,
            bus: bus.filter(|b| b.name != "default"),
            event: event?,
            filter,
            pattern: None,
            targets,
            retry,
            dead_letter,
        })
    }

    /// `retry { attempts, max_age }` and `dead_letter = Q` of rules and schedules.
    fn delivery(&mut self, p: &mut Props) -> (RetryPolicy, Option<Ref>) {
        let mut retry = RetryPolicy::default();
        if let Some(body) = p.take_block("retry") {
            let mut rp = Props::new(body);
            retry.attempts = rp.take("attempts").and_then(|v| self.expect_int(v));
            retry.max_age = rp.take("max_age").and_then(|v| self.expect_seconds(v));
            self.other_members(body, "`retry`");
            rp.finish(self, "`retry`");
        }
        let dead_letter = p
            .take("dead_letter")
            .and_then(|v| self.expect_path(v))
            .and_then(|path| self.expect_ref(path, &[DeclKind::Queue]));
        (retry, dead_letter)
    }

    fn schedule(&mut self, d: &ast::Decl) -> Option<Schedule> {
        let Header::Schedule { expr, target } = &d.header else {
            return None;
        };
        // The target first: an invalid rate must not make it look unused.
        let target = self.expect_ref(target, &[DeclKind::Function]);
        let kind = match expr {
            ScheduleExpr::Every(v) => ScheduleKind::Rate(self.rate(v)?),
            ScheduleExpr::Cron(s) => ScheduleKind::Cron(Spanned::new(s.value.clone(), s.span)),
        };
        let mut p = Props::new(&d.body);
        let (retry, dead_letter) = self.delivery(&mut p);
        self.other_members(&d.body, "a schedule");
        p.finish(self, "a schedule");
        Some(Schedule {
            name: d.name.name.clone(),
            span: d.name.span,
            kind,
            target: target?,
            retry,
            dead_letter,
        })
    }

    /// `every 5m` as `rate(5 minutes)`: whole minutes, hours or days.
    fn rate(&mut self, v: &ast::Value) -> Option<Spanned<String>> {
        let ValueKind::Duration(n, unit) = v.kind else {
            return None;
        };
        let (n, word) = match unit {
            ast::TimeUnit::Days => (n, "day"),
            ast::TimeUnit::Hours => (n, "hour"),
            ast::TimeUnit::Minutes => (n, "minute"),
            ast::TimeUnit::Seconds if n % 60 == 0 && n > 0 => (n / 60, "minute"),
            _ => {
                self.error(
                    Diagnostic::new(
                        "E0207",
                        v.span,
                        "a schedule runs at most once a minute, in whole minutes",
                    )
                    .label("not a whole number of minutes")
                    .help("write the interval in minutes, hours or days, e.g. `every 5m`"),
                );
                return None;
            }
        };
        if n == 0 {
            self.error(
                Diagnostic::new(
                    "E0207",
                    v.span,
                    "a schedule interval must be at least one minute",
                )
                .label("zero interval")
                .help("write e.g. `every 1m`"),
            );
            return None;
        }
        let plural = if n == 1 { "" } else { "s" };
        Some(Spanned::new(format!("rate({n} {word}{plural})"), v.span))
    }

    // ------------------------------------------------------------ storage --

    fn queue(&mut self, d: &ast::Decl) -> Queue {
        let mut p = Props::new(&d.body);
        let fifo = p
            .take("fifo")
            .and_then(|v| self.expect_bool(v))
            .unwrap_or(false);
        let visibility = p
            .take("visibility_timeout")
            .and_then(|v| self.expect_seconds(v))
            .unwrap_or(Spanned::new(30, d.name.span));
        let retention = p
            .take("retention")
            .and_then(|v| self.expect_seconds(v))
            .unwrap_or(Spanned::new(345_600, d.name.span));
        let dead_letter = p.take("dead_letter").and_then(|v| match &v.kind {
            ValueKind::Redrive(q, n) => {
                let q = self.expect_ref(q, &[DeclKind::Queue])?;
                let n = self.expect_int(n)?;
                Some((q, n))
            }
            _ => {
                let q = self
                    .expect_path(v)
                    .and_then(|path| self.expect_ref(path, &[DeclKind::Queue]))?;
                Some((q, Spanned::new(5, v.span)))
            }
        });
        self.other_members(&d.body, "a queue");
        p.finish(self, "a queue");
        Queue {
            name: d.name.name.clone(),
            span: d.name.span,
            fifo,
            visibility,
            retention,
            dead_letter,
        }
    }

    fn topic(&mut self, d: &ast::Decl) -> Topic {
        let mut p = Props::new(&d.body);
        let fifo = p
            .take("fifo")
            .and_then(|v| self.expect_bool(v))
            .unwrap_or(false);
        p.finish(self, "a topic");
        let mut subscriptions = Vec::new();
        for m in &d.body {
            match &m.kind {
                MemberKind::Property { .. } | MemberKind::Block { .. } => {}
                MemberKind::Subscribe { target, body } => {
                    self.other_members(body, "a subscription");
                    Props::new(body).finish(self, "a subscription");
                    match self.lookup_subscriber(target) {
                        Some(r)
                            if !self.repeated(&subscriptions, &r, "subscribed to this topic") =>
                        {
                            subscriptions.push(r)
                        }
                        _ => continue,
                    }
                }
                _ => self.not_allowed(m, "a topic"),
            }
        }
        Topic {
            name: d.name.name.clone(),
            span: d.name.span,
            fifo,
            subscriptions,
        }
    }

    fn lookup_subscriber(&mut self, target: &ast::Path) -> Option<Ref> {
        let is_function = self
            .symbols
            .get(&target.head().name)
            .is_some_and(|s| s.kind == DeclKind::Function);
        if is_function {
            self.error(
                Diagnostic::new(
                    "E0103",
                    target.span,
                    format!("functions subscribe from their own side: `on {}`", "Topic"),
                )
                .label("a function")
                .help(format!(
                    "remove this line and add `on TopicName` inside function `{}`",
                    target.head().name
                )),
            );
            self.used.insert(target.head().name.clone());
            return None;
        }
        self.expect_ref(target, &[DeclKind::Queue])
    }

    fn table(&mut self, d: &ast::Decl) -> Option<Table> {
        let mut p = Props::new(&d.body);
        let key = match p.take("key") {
            Some(v) => self.table_key(v),
            None => {
                if !p.has("key") {
                    self.error(
                        Diagnostic::new(
                            "E0107",
                            d.name.span,
                            format!("table `{}` has no `key`", d.name.name),
                        )
                        .label("missing `key`")
                        .help(
                            "add `key = { pk: string }` (partition key, then an optional sort key)",
                        ),
                    );
                }
                Vec::new()
            }
        };
        let billing = match p.take("billing") {
            Some(v) => self.billing(v),
            None => Billing::OnDemand,
        };
        let stream = p.take("stream").and_then(|v| {
            self.expect_word(
                v,
                &["keys_only", "new_image", "old_image", "new_and_old_images"],
            )
            .map(|w| match w.as_str() {
                "keys_only" => StreamView::KeysOnly,
                "new_image" => StreamView::NewImage,
                "old_image" => StreamView::OldImage,
                _ => StreamView::NewAndOldImages,
            })
        });
        self.other_members(&d.body, "a table");
        p.finish(self, "a table");
        Some(Table {
            name: d.name.name.clone(),
            span: d.name.span,
            key,
            billing,
            stream,
        })
    }

    fn table_key(&mut self, v: &ast::Value) -> Vec<(String, KeyType)> {
        let ValueKind::Record(entries) = &v.kind else {
            self.error(
                Diagnostic::new(
                    "E0201",
                    v.span,
                    format!("expected a key record, found {}", v.kind.describe()),
                )
                .label("not a record")
                .help("write `key = { pk: string }` or `key = { pk: string, sk: number }`"),
            );
            return Vec::new();
        };
        if entries.is_empty() || entries.len() > 2 {
            self.error(
                Diagnostic::new(
                    "E0201",
                    v.span,
                    format!(
                        "a table key has one or two attributes, found {}",
                        entries.len()
                    ),
                )
                .label("partition key, then an optional sort key")
                .help("write `key = { pk: string }` or `key = { pk: string, sk: number }`"),
            );
        }
        let mut out = Vec::new();
        for (name, ty) in entries.iter().take(2) {
            let kt = match self
                .expect_word(ty, &["string", "number", "binary"])
                .as_deref()
            {
                Some("number") => KeyType::Number,
                Some("binary") => KeyType::Binary,
                Some(_) => KeyType::String,
                None => continue,
            };
            out.push((name.name.clone(), kt));
        }
        out
    }

    fn billing(&mut self, v: &ast::Value) -> Billing {
        if let ValueKind::Tagged(tag, body) = &v.kind {
            if tag.name == "provisioned" {
                let mut p = Props::new(body);
                let read = p.take("read").and_then(|v| self.expect_int(v));
                let write = p.take("write").and_then(|v| self.expect_int(v));
                self.other_members(body, "`provisioned`");
                p.finish(self, "`provisioned`");
                return match (read, write) {
                    (Some(read), Some(write)) => Billing::Provisioned { read, write },
                    _ => {
                        self.error(
                            Diagnostic::new(
                                "E0107",
                                tag.span,
                                "provisioned billing needs `read` and `write` capacity",
                            )
                            .label("missing capacity")
                            .help("write `billing = provisioned { read = 5, write = 5 }`"),
                        );
                        Billing::OnDemand
                    }
                };
            }
        }
        match self
            .expect_word(v, &["on_demand", "provisioned"])
            .as_deref()
        {
            Some("provisioned") => {
                self.error(
                    Diagnostic::new(
                        "E0107",
                        v.span,
                        "provisioned billing needs `read` and `write` capacity",
                    )
                    .label("missing capacity")
                    .help("write `billing = provisioned { read = 5, write = 5 }`"),
                );
                Billing::OnDemand
            }
            _ => Billing::OnDemand,
        }
    }

    // ------------------------------------------------------------ members --

    /// Reports members other than properties and blocks in a body that takes
    /// only those.
    fn other_members(&mut self, body: &[ast::Member], what: &str) {
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
            Diagnostic::new("E0106", r.span, format!("`{}` is already {role}", r.name))
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
            MemberKind::Property { key, .. } | MemberKind::Block { key, .. } => {
                (format!("`{}`", key.name), "remove it")
            }
        };
        self.error(
            Diagnostic::new("E0105", m.span, format!("{word} is not allowed in {what}"))
                .label("not allowed here")
                .help(help),
        );
    }

    // ------------------------------------------------------------- values --

    fn type_error(&mut self, v: &ast::Value, expected: &str, help: &str) {
        self.error(
            Diagnostic::new(
                "E0201",
                v.span,
                format!("expected {expected}, found {}", v.kind.describe()),
            )
            .label(format!("expected {expected}"))
            .help(help.to_string()),
        );
    }

    fn expect_string(&mut self, v: &ast::Value) -> Option<Spanned<String>> {
        match &v.kind {
            ValueKind::Str(s) => Some(Spanned::new(s.clone(), v.span)),
            _ => {
                self.type_error(v, "a string", "put the value in double quotes");
                None
            }
        }
    }

    /// A string, or a number or boolean written without quotes (tags, env).
    fn expect_scalar_string(&mut self, v: &ast::Value) -> Option<String> {
        match &v.kind {
            ValueKind::Str(s) => Some(s.clone()),
            ValueKind::Int(i) => Some(i.to_string()),
            ValueKind::Number(_) => {
                // `1.10` would come out as "1.1": the text as written matters.
                self.error(
                    Diagnostic::new("E0201", v.span, "expected a string, found a decimal number")
                        .label("decimals change when reformatted")
                        .help("put the value in double quotes, e.g. \"1.10\""),
                );
                None
            }
            ValueKind::Bool(b) => Some(b.to_string()),
            _ => {
                self.type_error(v, "a string", "put the value in double quotes");
                None
            }
        }
    }

    fn expect_strings(&mut self, v: &ast::Value) -> Option<Vec<String>> {
        let ValueKind::List(items) = &v.kind else {
            self.type_error(v, "a list of strings", "write `[\"a\", \"b\"]`");
            return None;
        };
        items
            .iter()
            .map(|i| self.expect_string(i).map(|s| s.value))
            .collect()
    }

    fn expect_int(&mut self, v: &ast::Value) -> Option<Spanned<i64>> {
        match v.kind {
            ValueKind::Int(i) => Some(Spanned::new(i, v.span)),
            _ => {
                self.type_error(
                    v,
                    "an integer",
                    "write a whole number without a unit, e.g. `10`",
                );
                None
            }
        }
    }

    fn expect_int_u32(&mut self, v: &ast::Value) -> Option<Spanned<u32>> {
        let i = self.expect_int(v)?;
        Some(Spanned::new(
            i.value.clamp(0, u32::MAX as i64) as u32,
            i.span,
        ))
    }

    fn expect_bool(&mut self, v: &ast::Value) -> Option<bool> {
        match v.kind {
            ValueKind::Bool(b) => Some(b),
            _ => {
                self.type_error(v, "`true` or `false`", "write `true` or `false`");
                None
            }
        }
    }

    fn expect_path<'v>(&mut self, v: &'v ast::Value) -> Option<&'v ast::Path> {
        match &v.kind {
            ValueKind::Path(p) => Some(p),
            _ => {
                self.type_error(
                    v,
                    "a name",
                    "write the name of a declaration, without quotes",
                );
                None
            }
        }
    }

    /// A duration in whole seconds.
    fn expect_seconds(&mut self, v: &ast::Value) -> Option<Spanned<u64>> {
        match v.kind {
            ValueKind::Duration(n, unit) => {
                let ms = n * unit.millis();
                if ms % 1000 != 0 {
                    self.error(
                        Diagnostic::new("E0201", v.span, "expected a whole number of seconds")
                            .label("fractions of a second are not allowed here")
                            .help("round to whole seconds, e.g. `1s`"),
                    );
                    return None;
                }
                Some(Spanned::new(ms / 1000, v.span))
            }
            ValueKind::Int(i) => {
                self.error(
                    Diagnostic::new(
                        "E0201",
                        v.span,
                        "expected a duration, found a number without a unit",
                    )
                    .label("missing unit")
                    .help(format!("add a unit: `{i}s`, `{i}m`, `{i}h` or `{i}d`")),
                );
                None
            }
            _ => {
                self.type_error(
                    v,
                    "a duration",
                    "write a number with a unit: `30s`, `15m`, `2h`, `14d`",
                );
                None
            }
        }
    }

    /// A duration in whole days (log retention).
    fn expect_days(&mut self, v: &ast::Value) -> Option<Spanned<u64>> {
        let s = self.expect_seconds(v)?;
        if s.value % 86_400 != 0 {
            self.error(
                Diagnostic::new("E0201", v.span, "expected a whole number of days")
                    .label("not whole days")
                    .help("write the retention in days, e.g. `30d`"),
            );
            return None;
        }
        Some(Spanned::new(s.value / 86_400, s.span))
    }

    /// A size in whole MB.
    fn expect_size_mb(&mut self, v: &ast::Value) -> Option<Spanned<u64>> {
        match v.kind {
            ValueKind::Size(n, unit) => {
                let bytes = n * unit.bytes();
                if bytes % (1 << 20) != 0 {
                    self.error(
                        Diagnostic::new("E0201", v.span, "expected a whole number of MB")
                            .label("not whole megabytes")
                            .help("write the size in MB or GB, e.g. `512MB`"),
                    );
                    return None;
                }
                Some(Spanned::new(bytes >> 20, v.span))
            }
            ValueKind::Int(i) => {
                self.error(
                    Diagnostic::new(
                        "E0201",
                        v.span,
                        "expected a size, found a number without a unit",
                    )
                    .label("missing unit")
                    .help(format!("add a unit: `{i}MB`")),
                );
                None
            }
            _ => {
                self.type_error(v, "a size", "write a number with a unit: `512MB`, `1GB`");
                None
            }
        }
    }

    /// An enum-like word among `options`.
    fn expect_word(&mut self, v: &ast::Value, options: &[&str]) -> Option<String> {
        let list = options
            .iter()
            .map(|o| format!("`{o}`"))
            .collect::<Vec<_>>()
            .join(", ");
        match &v.kind {
            ValueKind::Path(p) if p.parts.len() == 1 => {
                let w = &p.head().name;
                if options.contains(&w.as_str()) {
                    return Some(w.clone());
                }
                let mut d = Diagnostic::new("E0202", v.span, format!("unknown option `{w}`"))
                    .label(format!("expected one of {list}"));
                d = match did_you_mean(w, options.iter().copied()) {
                    Some(s) => d.help(format!("did you mean `{s}`?")),
                    None => d.help(format!("write one of {list}")),
                };
                self.error(d);
                None
            }
            _ => {
                self.type_error(
                    v,
                    &format!("one of {list}"),
                    "write the word without quotes",
                );
                None
            }
        }
    }

    fn expect_words(&mut self, v: &ast::Value, options: &[&str]) -> Vec<String> {
        match &v.kind {
            ValueKind::List(items) => items
                .iter()
                .filter_map(|i| match &i.kind {
                    ValueKind::Str(s) if options.contains(&s.as_str()) => Some(s.clone()),
                    _ => self.expect_word(i, options),
                })
                .collect(),
            _ => {
                self.type_error(v, "a list", "write `[GET, POST]`");
                Vec::new()
            }
        }
    }

    fn expect_arch(&mut self, v: &ast::Value) -> Option<Arch> {
        self.expect_word(v, &["x86_64", "arm64"]).map(|w| {
            if w == "arm64" {
                Arch::Arm
            } else {
                Arch::X86
            }
        })
    }

    fn expect_tracing(&mut self, v: &ast::Value) -> Option<bool> {
        self.expect_word(v, &["active", "passthrough"])
            .map(|w| w == "active")
    }

    // -------------------------------------------------------- logical ids --

    /// E0109: two declarations whose logical IDs would be equal, directly or
    /// through a derived resource (`Fn` + `Role` against a declared `FnRole`).
    fn logical_ids(&mut self, decls: &[&ast::Decl]) {
        let mut seen: HashMap<String, (String, Span)> = HashMap::new();
        for d in decls {
            if matches!(d.kind, DeclKind::App | DeclKind::Type | DeclKind::Event) {
                continue;
            }
            if self.symbols.get(&d.name.name).map(|s| s.span) != Some(d.name.span) {
                continue;
            }
            let id = crate::emit::ids::logical(&d.name.name);
            if let Some((other, span)) = seen.get(&id) {
                let (other, span) = (other.clone(), *span);
                self.error(
                    Diagnostic::new("E0109", d.name.span, format!("`{}` and `{other}` both become the logical ID `{id}`", d.name.name))
                        .label("same logical ID")
                        .with(span, format!("`{other}` declared here"))
                        .help("rename one of them: logical IDs drop `_` and `-` and capitalise the next letter"),
                );
                continue;
            }
            seen.insert(id, (d.name.name.clone(), d.name.span));
        }
        // Bucket names are global: two declarations must not share the
        // prefix their physical names are built from.
        let mut prefixes: HashMap<String, (String, Span)> = HashMap::new();
        let buckets: Vec<(String, Span)> = self
            .model
            .buckets
            .iter()
            .map(|b| (b.name.clone(), b.span))
            .collect();
        for (name, span) in &buckets {
            let prefix = crate::emit::refs::bucket_prefix(name);
            match prefixes.get(&prefix) {
                Some((other, first)) => {
                    let (other, first) = (other.clone(), *first);
                    self.error(
                        Diagnostic::new("E0109", *span, format!("buckets `{}` and `{other}` would get the same physical name `{prefix}-...`", name))
                            .label("same bucket name prefix")
                            .with(first, format!("`{other}` declared here"))
                            .help("bucket names are lower-cased and cut to 26 characters: rename one so that they differ"),
                    );
                }
                None => {
                    prefixes.insert(prefix, (name.to_string(), *span));
                }
            }
        }
        for d in decls {
            if d.kind != DeclKind::Function {
                continue;
            }
            let base = crate::emit::ids::logical(&d.name.name);
            for suffix in crate::emit::ids::DERIVED_SUFFIXES {
                if let Some((other, span)) = seen.get(&format!("{base}{suffix}")) {
                    let (other, span) = (other.clone(), *span);
                    self.error(
                        Diagnostic::new(
                            "E0109",
                            span,
                            format!(
                                "`{other}` has the logical ID of function `{}`'s {}",
                                d.name.name,
                                suffix.to_lowercase()
                            ),
                        )
                        .label(format!("same logical ID as `{base}{suffix}`"))
                        .with(d.name.span, "the function is declared here")
                        .help(format!("rename `{other}`")),
                    );
                }
            }
        }
    }

    // ------------------------------------------------------------- unused --

    fn unused(&mut self, decls: &[&ast::Decl]) {
        // A function with an `on` member is triggered, even if the trigger
        // itself did not resolve (that error is reported already).
        let triggered: HashSet<&str> = decls
            .iter()
            .filter(|d| {
                d.kind == DeclKind::Function
                    && d.body
                        .iter()
                        .any(|m| matches!(m.kind, MemberKind::On { .. }))
            })
            .map(|d| d.name.name.as_str())
            .collect();
        let eventbridge_buckets: HashSet<&str> = self
            .model
            .buckets
            .iter()
            .filter(|b| b.eventbridge)
            .map(|b| b.name.as_str())
            .collect();
        let mut warnings = Vec::new();
        for d in decls {
            let Some(sym) = self.symbols.get(&d.name.name) else {
                continue;
            };
            if sym.span != d.name.span || sym.quiet || self.used.contains(&d.name.name) {
                continue;
            }
            let what = match d.kind {
                DeclKind::App | DeclKind::Api | DeclKind::Rule | DeclKind::Schedule => continue,
                DeclKind::Function if triggered.contains(d.name.name.as_str()) => continue,
                DeclKind::Function => "nothing invokes or triggers it",
                // Its events reach EventBridge whether or not a rule here
                // names the bucket.
                DeclKind::Bucket if eventbridge_buckets.contains(d.name.name.as_str()) => continue,
                DeclKind::Type | DeclKind::Event => "nothing refers to it",
                _ => "no function or rule uses it",
            };
            warnings.push(
                Diagnostic::new(
                    "W0104",
                    d.name.span,
                    format!("{} `{}` is never used", d.kind.keyword(), d.name.name),
                )
                .label(what)
                .help("use it, or remove the declaration"),
            );
        }
        self.diags.extend(warnings);
    }
}
