//! Stages: one spec, several environments.
//!
//! `stage dev` and `stage prod { account = "111122223333" }` declare the
//! environments a spec is built for. Anything may differ between them:
//! `memory = stage { dev = 256MB, prod = 1024MB }` picks a value per stage
//! (`default = ...` for the stages it does not list; a stage with neither
//! leaves the property unset), `stages = [prod]` keeps a declaration in
//! those stages only, and `${stage}` in a string is the stage's name.
//!
//! This pass sits between `syntax` and `resolve`: for one stage it rewrites
//! a copy of the trees to hold that stage's values only, so resolve, check
//! and emit see an ordinary spec and every check runs on what that stage
//! deploys. A chosen value keeps its own span, so a diagnostic about it
//! points at the arm that set it. What this pass finds wrong (an unknown
//! stage, a per-stage value in a spec without stages) does not depend on
//! the stage and is reported once, by [`declared`].

use crate::ast::{
    CondExpr, CondOperand, DeclKind, Expr, ExprKind, File, Header, Member, MemberKind, RouteTo,
    ScheduleExpr, Str, Test, Value, ValueKind,
};
use crate::diagnostics::{did_you_mean, Code, Diagnostic};
use crate::source::{FileId, Span};
use std::collections::HashMap;

/// The property of a declaration that keeps it in some stages only.
const ONLY_IN: &str = "stages";
/// The tag of a per-stage value: `stage { dev = 1, prod = 2 }`.
const TAG: &str = "stage";
/// The arm of a per-stage value for the stages it does not list.
const DEFAULT: &str = "default";
/// The placeholder in strings for the stage's name.
const PLACEHOLDER: &str = "${stage}";

/// A declared stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    /// Its name: `dev`, `prod`.
    pub name: String,
    /// Where its name is written.
    pub span: Span,
    /// The AWS account it deploys to, when the spec says.
    pub account: Option<String>,
    /// The region it deploys to, when the spec says.
    pub region: Option<String>,
}

impl Stage {
    /// Whether this stage and `other` may deploy to one account and
    /// region: unless the spec says they differ, they may.
    pub fn may_share_region(&self, other: &Stage) -> bool {
        let differ =
            |a: &Option<String>, b: &Option<String>| matches!((a, b), (Some(x), Some(y)) if x != y);
        !differ(&self.account, &other.account) && !differ(&self.region, &other.region)
    }
}

/// The stages the spec declares, in order, with what is wrong with them and
/// with every per-stage value (an unknown stage, a per-stage value in a spec
/// without stages).
pub fn declared(files: &[(FileId, File)]) -> (Vec<Stage>, Vec<Diagnostic>) {
    let mut stages: Vec<Stage> = Vec::new();
    let mut diags = Vec::new();
    for decl in files.iter().flat_map(|(_, f)| &f.decls) {
        if decl.kind != DeclKind::Stage {
            continue;
        }
        let name = &decl.name;
        if name.name == DEFAULT {
            diags.push(
                Diagnostic::new(Code::E0120, name.span, "`default` cannot name a stage")
                    .label("reserved")
                    .help("`default` is the value of a `stage { ... }` for the stages it does not list: choose another name"),
            );
            continue;
        }
        if let Some(first) = stages.iter().find(|s| s.name == name.name) {
            diags.push(
                Diagnostic::new(
                    Code::E0102,
                    name.span,
                    format!("stage `{}` is declared twice", name.name),
                )
                .label("declared again")
                .with(first.span, "first declared here")
                .help("remove one of the two declarations"),
            );
            continue;
        }
        let mut stage = Stage {
            name: name.name.clone(),
            span: name.span,
            account: None,
            region: None,
        };
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for m in &decl.body {
            let MemberKind::Property { key, value, .. } = &m.kind else {
                diags.push(
                    Diagnostic::new(Code::E0105, m.span, "a stage holds only `account` and `region`")
                        .label("not a property of a stage")
                        .help("write what differs in this stage where it is used: `memory = stage { dev = 256MB, prod = 1024MB }`"),
                );
                continue;
            };
            if let Some(first) = seen.insert(&key.name, key.span) {
                diags.push(
                    Diagnostic::new(
                        Code::E0106,
                        key.span,
                        format!("`{}` is set twice", key.name),
                    )
                    .label("set again")
                    .with(first, "first set here")
                    .help("remove one of the two"),
                );
                continue;
            }
            let slot = match key.name.as_str() {
                "account" => &mut stage.account,
                "region" => &mut stage.region,
                other => {
                    let mut d = Diagnostic::new(
                        Code::E0105,
                        key.span,
                        format!("unknown property `{other}` of a stage"),
                    )
                    .label("not a property of a stage");
                    d = match did_you_mean(other, ["account", "region"]) {
                        Some(s) => d.help(format!("did you mean `{s}`?")),
                        None => d.help("a stage takes `account` and `region`; what else differs between stages is written where it is used: `memory = stage { dev = 256MB, prod = 1024MB }`"),
                    };
                    diags.push(d);
                    continue;
                }
            };
            let ValueKind::Str(text) = &value.kind else {
                diags.push(
                    Diagnostic::new(
                        Code::E0201,
                        value.span,
                        format!("expected a string, found {}", value.kind.describe()),
                    )
                    .label("not a string")
                    .help(format!("write `{} = \"...\"`", key.name)),
                );
                continue;
            };
            let valid = match key.name.as_str() {
                "account" => text.len() == 12 && text.bytes().all(|b| b.is_ascii_digit()),
                _ => is_region(text),
            };
            if !valid {
                let (what, example) = match key.name.as_str() {
                    "account" => ("an AWS account ID is 12 digits", "\"111122223333\""),
                    _ => ("an AWS region is written like `eu-west-1`", "\"eu-west-1\""),
                };
                diags.push(
                    Diagnostic::new(
                        Code::E0203,
                        value.span,
                        format!("`{text}` is not valid: {what}"),
                    )
                    .label("not valid")
                    .help(format!("write `{} = {example}`", key.name)),
                );
                continue;
            }
            *slot = Some(text.clone());
        }
        stages.push(stage);
    }
    let names: Vec<&str> = stages.iter().map(|s| s.name.as_str()).collect();
    let mut v = Validator {
        names: &names,
        any_declared: files
            .iter()
            .flat_map(|(_, f)| &f.decls)
            .any(|d| d.kind == DeclKind::Stage),
        // Without stages, `${stage}` may name a template parameter `stage`.
        stage_param: files
            .iter()
            .flat_map(|(_, f)| &f.decls)
            .any(|d| d.kind == DeclKind::Param && d.name.name == TAG),
        nested: false,
        diags: &mut diags,
    };
    for decl in files.iter().flat_map(|(_, f)| &f.decls) {
        if decl.kind == DeclKind::Stage {
            continue;
        }
        for m in &decl.body {
            if let MemberKind::Property { key, value, .. } = &m.kind {
                if key.name == ONLY_IN {
                    if decl.kind == DeclKind::App {
                        v.diags.push(
                            Diagnostic::new(Code::E0105, key.span, "the app is in every stage")
                                .label("not a property of the app")
                                .help("remove `stages`; give the app's properties per-stage values instead: `log_retention = stage { dev = 7d, prod = 90d }`"),
                        );
                    } else {
                        v.only_in(value);
                    }
                    continue;
                }
            }
            v.member(m);
        }
    }
    // Without stages, `${stage}` anywhere (a name, a filter, a prefix, an
    // event's source) would reach AWS as written.
    if !v.any_declared && !v.stage_param {
        let mut copy = files.to_vec();
        for (_, file) in &mut copy {
            for decl in &mut file.decls {
                decl_strings(decl, &mut |text, span| {
                    if text.contains(PLACEHOLDER) {
                        v.no_stages(span, "`${stage}` is the stage's name");
                    }
                });
            }
        }
    }
    (stages, diags)
}

/// `us-east-1`, `eu-central-2`, `us-gov-west-1`, `ap-southeast-5`.
fn is_region(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    parts.len() >= 3
        && parts[0].len() == 2
        && parts[..parts.len() - 1]
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase()))
        && parts[parts.len() - 1].bytes().all(|b| b.is_ascii_digit())
        && !parts[parts.len() - 1].is_empty()
}

/// Walks every value for the stage names it uses.
struct Validator<'a> {
    names: &'a [&'a str],
    /// Whether any `stage` is declared (even one reported invalid): without
    /// one, per-stage values are E0121 rather than unknown stages.
    any_declared: bool,
    /// Whether a `param stage` is declared, which `${stage}` then names in
    /// a spec without stages.
    stage_param: bool,
    /// Whether the value walked is inside a `stage { ... }`.
    nested: bool,
    diags: &'a mut Vec<Diagnostic>,
}

impl Validator<'_> {
    fn no_stages(&mut self, span: Span, what: &str) {
        self.diags.push(
            Diagnostic::new(Code::E0121, span, format!("{what}, but the spec declares no stages"))
                .label("no stages declared")
                .help("declare the stages the spec is built for, e.g. `stage dev` and `stage prod`, or write one value"),
        );
    }

    fn stage_name(&mut self, name: &str, span: Span) {
        if !self.any_declared || self.names.contains(&name) {
            return;
        }
        self.diags.push(unknown(name, span, self.names));
    }

    /// `stages = [prod]` or `stages = prod`.
    fn only_in(&mut self, value: &Value) {
        if !self.any_declared {
            self.no_stages(
                value.span,
                "`stages` keeps a declaration in some stages only",
            );
            return;
        }
        let items: Vec<&Value> = match &value.kind {
            ValueKind::List(items) => items.iter().collect(),
            _ => vec![value],
        };
        if items.is_empty() {
            self.diags.push(
                Diagnostic::new(Code::E0201, value.span, "`stages = []` leaves the declaration out of every stage")
                    .label("no stage")
                    .help(format!("list the stages it is deployed in (`stages = [{}]`), or remove the declaration", self.names.join(", "))),
            );
        }
        for item in items {
            match &item.kind {
                ValueKind::Path(p) if p.parts.len() == 1 => {
                    self.stage_name(&p.parts[0].name, p.span)
                }
                other => self.diags.push(
                    Diagnostic::new(
                        Code::E0201,
                        item.span,
                        format!("expected a stage's name, found {}", other.describe()),
                    )
                    .label("not a stage")
                    .help(format!(
                        "write the stages it is deployed in: `stages = [{}]`",
                        self.names.join(", ")
                    )),
                ),
            }
        }
    }

    fn member(&mut self, m: &Member) {
        match &m.kind {
            MemberKind::Property { value, when, .. } => {
                self.value(value);
                if let Some(o) = when.as_ref().and_then(|w| w.otherwise.as_ref()) {
                    self.value(o);
                }
            }
            MemberKind::Block { body, .. }
            | MemberKind::On { body, .. }
            | MemberKind::Route { body, .. }
            | MemberKind::SendTo { body, .. }
            | MemberKind::Subscribe { body, .. } => body.iter().for_each(|m| self.member(m)),
            MemberKind::Allow {
                actions,
                resources,
                body,
            } => {
                self.value(actions);
                self.value(resources);
                body.iter().for_each(|m| self.member(m));
            }
            MemberKind::Verb { .. }
            | MemberKind::Match { .. }
            | MemberKind::Fields { .. }
            | MemberKind::Responses(_) => {}
        }
    }

    fn value(&mut self, v: &Value) {
        match &v.kind {
            ValueKind::Tagged(tag, body) if tag.name == TAG => {
                if !self.any_declared {
                    self.no_stages(tag.span, "a value differs by stage");
                }
                if body.is_empty() {
                    self.diags.push(
                        Diagnostic::new(Code::E0201, v.span, "a per-stage value that lists no stage")
                            .label("unset in every stage")
                            .help("write each stage's value, `stage { dev = ..., prod = ... }`, or remove the property"),
                    );
                }
                if self.nested {
                    self.diags.push(
                        Diagnostic::new(Code::E0201, tag.span, "a per-stage value inside another")
                            .label("already one stage's value")
                            .help("write each stage's value once, in the outer `stage { ... }`"),
                    );
                }
                let mut seen: HashMap<&str, Span> = HashMap::new();
                for m in body {
                    let MemberKind::Property { key, value, when } = &m.kind else {
                        self.diags.push(
                            Diagnostic::new(
                                Code::E0105,
                                m.span,
                                "a per-stage value lists `STAGE = value`",
                            )
                            .label("not a stage's value")
                            .help("write `stage { dev = 256MB, prod = 1024MB }`"),
                        );
                        continue;
                    };
                    if let Some(first) = seen.insert(&key.name, key.span) {
                        self.diags.push(
                            Diagnostic::new(
                                Code::E0106,
                                key.span,
                                format!("the value for `{}` is given twice", key.name),
                            )
                            .label("given again")
                            .with(first, "first given here")
                            .help("remove one of the two"),
                        );
                    }
                    if key.name != DEFAULT {
                        self.stage_name(&key.name, key.span);
                    }
                    if let Some(w) = when {
                        self.diags.push(
                            Diagnostic::new(
                                Code::E0116,
                                w.span,
                                "a stage's value cannot depend on a condition",
                            )
                            .label("here")
                            .help("put `if` after the whole property: `memory = stage { ... } if C else 128`, or write one value per stage"),
                        );
                    }
                    let outer = std::mem::replace(&mut self.nested, true);
                    self.value(value);
                    self.nested = outer;
                }
            }
            ValueKind::List(items) => items.iter().for_each(|i| self.value(i)),
            ValueKind::Record(entries) => entries.iter().for_each(|(_, e)| self.value(e)),
            ValueKind::Tagged(_, body) => body.iter().for_each(|m| self.member(m)),
            ValueKind::Redrive(_, count) => self.value(count),
            ValueKind::Str(_)
            | ValueKind::Int(_)
            | ValueKind::Number(_)
            | ValueKind::Bool(_)
            | ValueKind::Duration(..)
            | ValueKind::Size(..)
            | ValueKind::Percent(_)
            | ValueKind::Rate(..)
            | ValueKind::Path(_) => {}
        }
    }
}

/// E0120 for a stage the spec does not declare.
pub fn unknown(name: &str, span: Span, names: &[&str]) -> Diagnostic {
    let mut d = Diagnostic::new(Code::E0120, span, format!("unknown stage `{name}`"))
        .label("not a declared stage");
    d = match did_you_mean(name, names.iter().copied()) {
        Some(s) => d.help(format!("did you mean `{s}`?")),
        None if names.is_empty() => {
            d.help("the spec declares no stages: declare one with `stage NAME`")
        }
        None => d.help(format!(
            "the stages are {}; declare another with `stage {name}`",
            names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    };
    d
}

/// The trees as `stage` deploys them (none: a spec without stages), and the
/// declarations `stages = [...]` left out of it, by name.
pub fn select(files: &[(FileId, File)], stage: Option<&str>) -> (Vec<(FileId, File)>, Vec<String>) {
    let mut out = files.to_vec();
    let mut left_out = Vec::new();
    for (_, file) in &mut out {
        file.decls.retain_mut(|decl| {
            if decl.kind == DeclKind::Stage {
                return false;
            }
            let mut keep = true;
            decl.body.retain(|m| match &m.kind {
                MemberKind::Property { key, value, .. } if key.name == ONLY_IN => {
                    // The app is in every stage (`stages` on it is E0105).
                    if let (Some(stage), false) = (stage, decl.kind == DeclKind::App) {
                        keep = listed(value, stage);
                    }
                    false
                }
                _ => true,
            });
            if !keep {
                left_out.push(decl.name.name.clone());
                return false;
            }
            members(&mut decl.body, stage);
            if let Some(stage) = stage {
                decl_strings(decl, &mut |text, _| {
                    if text.contains(PLACEHOLDER) {
                        *text = text.replace(PLACEHOLDER, stage);
                    }
                });
            }
            true
        });
    }
    (out, left_out)
}

/// Calls `f` on every string of a declaration, with its span: in property
/// values at any depth, the header (an event's source and detail-type, a
/// cron expression, a condition's operands, a pipe's filter), access
/// verbs' prefixes, filters and route URLs.
fn decl_strings(decl: &mut crate::ast::Decl, f: &mut dyn FnMut(&mut String, Span)) {
    let on_str = |s: &mut Str, f: &mut dyn FnMut(&mut String, Span)| f(&mut s.value, s.span);
    match &mut decl.header {
        Header::Event {
            source,
            detail_type,
            ..
        } => {
            for s in [source, detail_type].into_iter().flatten() {
                on_str(s, f);
            }
        }
        Header::Schedule {
            expr: ScheduleExpr::Cron(s),
            ..
        } => on_str(s, f),
        Header::Condition { expr } => cond_strings(expr, f),
        Header::Pipe {
            filter: Some(e), ..
        } => expr_strings(e, f),
        Header::None
        | Header::Message { .. }
        | Header::Param { .. }
        | Header::Resource { .. }
        | Header::Api { .. }
        | Header::Rule { .. }
        | Header::Pipe { filter: None, .. }
        | Header::Schedule {
            expr: ScheduleExpr::Every(_),
            ..
        } => {}
    }
    for m in &mut decl.body {
        member_strings(m, f);
    }
}

fn member_strings(m: &mut Member, f: &mut dyn FnMut(&mut String, Span)) {
    match &mut m.kind {
        MemberKind::Property { value, when, .. } => {
            value_strings(value, f);
            if let Some(o) = when.as_mut().and_then(|w| w.otherwise.as_mut()) {
                value_strings(o, f);
            }
        }
        MemberKind::Block { body, .. } | MemberKind::SendTo { body, .. } => {
            body.iter_mut().for_each(|m| member_strings(m, f))
        }
        MemberKind::Verb { prefixes, .. } => {
            for p in prefixes.iter_mut().flatten() {
                f(&mut p.value, p.span);
            }
        }
        MemberKind::On { filter, body, .. } | MemberKind::Subscribe { filter, body, .. } => {
            if let Some(e) = filter {
                expr_strings(e, f);
            }
            body.iter_mut().for_each(|m| member_strings(m, f));
        }
        MemberKind::Route { to, body, .. } => {
            if let RouteTo::Url(u) = to {
                f(&mut u.value, u.span);
            }
            body.iter_mut().for_each(|m| member_strings(m, f));
        }
        MemberKind::Match { filter, .. } => {
            if let Some(e) = filter {
                expr_strings(e, f);
            }
        }
        MemberKind::Allow {
            actions,
            resources,
            body,
        } => {
            value_strings(actions, f);
            value_strings(resources, f);
            body.iter_mut().for_each(|m| member_strings(m, f));
        }
        MemberKind::Fields { .. } | MemberKind::Responses(_) => {}
    }
}

fn value_strings(v: &mut Value, f: &mut dyn FnMut(&mut String, Span)) {
    match &mut v.kind {
        ValueKind::Str(text) => f(text, v.span),
        ValueKind::List(items) => items.iter_mut().for_each(|i| value_strings(i, f)),
        ValueKind::Record(entries) => entries.iter_mut().for_each(|(_, e)| value_strings(e, f)),
        ValueKind::Tagged(_, body) => body.iter_mut().for_each(|m| member_strings(m, f)),
        ValueKind::Redrive(_, count) => value_strings(count, f),
        ValueKind::Int(_)
        | ValueKind::Number(_)
        | ValueKind::Bool(_)
        | ValueKind::Duration(..)
        | ValueKind::Size(..)
        | ValueKind::Percent(_)
        | ValueKind::Rate(..)
        | ValueKind::Path(_) => {}
    }
}

fn expr_strings(e: &mut Expr, f: &mut dyn FnMut(&mut String, Span)) {
    match &mut e.kind {
        ExprKind::And(items) | ExprKind::Or(items) => {
            items.iter_mut().for_each(|i| expr_strings(i, f))
        }
        ExprKind::Cond(c) => match &mut c.test {
            Test::Compare(_, value, _) => value_strings(value, f),
            Test::In { values, .. } => values.iter_mut().for_each(|v| value_strings(v, f)),
            Test::Prefix { text, .. }
            | Test::Suffix { text, .. }
            | Test::Wildcard { text, .. }
            | Test::Cidr(text) => f(&mut text.value, text.span),
            Test::Exists(_) => {}
        },
    }
}

fn cond_strings(e: &mut CondExpr, f: &mut dyn FnMut(&mut String, Span)) {
    let operand = |o: &mut CondOperand, f: &mut dyn FnMut(&mut String, Span)| {
        if let CondOperand::Text(s) = o {
            f(&mut s.value, s.span);
        }
    };
    match e {
        CondExpr::Or(items) | CondExpr::And(items) => {
            items.iter_mut().for_each(|i| cond_strings(i, f))
        }
        CondExpr::Not(inner) => cond_strings(inner, f),
        CondExpr::Equals { left, right, .. } => {
            operand(left, f);
            operand(right, f);
        }
        CondExpr::In {
            operand: o, values, ..
        } => {
            operand(o, f);
            values.iter_mut().for_each(|v| operand(v, f));
        }
        CondExpr::Ref(_) => {}
    }
}

/// Whether `stages = value` lists `stage`.
fn listed(value: &Value, stage: &str) -> bool {
    let is = |v: &Value| matches!(&v.kind, ValueKind::Path(p) if p.parts.len() == 1 && p.parts[0].name == stage);
    match &value.kind {
        ValueKind::List(items) => items.iter().any(is),
        _ => is(value),
    }
}

/// Keeps `stage`'s values in `body`; a property with no value in this stage
/// is left out.
fn members(body: &mut Vec<Member>, stage: Option<&str>) {
    body.retain_mut(|m| match &mut m.kind {
        MemberKind::Property { value, when, .. } => {
            if let Some(w) = when {
                if let Some(o) = &mut w.otherwise {
                    if !pick(o, stage) {
                        w.otherwise = None;
                    }
                }
            }
            pick(value, stage)
        }
        // A block whose every property is unset in this stage is unset
        // too: `cors { origins = stage { prod = [...] } }` means no CORS
        // in dev, not CORS with defaults.
        MemberKind::Block { body, .. } => {
            let written = !body.is_empty();
            members(body, stage);
            !(written && body.is_empty())
        }
        MemberKind::On { body, .. }
        | MemberKind::Route { body, .. }
        | MemberKind::SendTo { body, .. }
        | MemberKind::Subscribe { body, .. } => {
            members(body, stage);
            true
        }
        MemberKind::Allow {
            actions,
            resources,
            body,
        } => {
            members(body, stage);
            pick(actions, stage) && pick(resources, stage)
        }
        MemberKind::Verb { .. }
        | MemberKind::Match { .. }
        | MemberKind::Fields { .. }
        | MemberKind::Responses(_) => true,
    });
}

/// Rewrites `v` to its value in `stage`; false when it has none there.
/// Without a stage (a spec that declares none, already reported), a
/// per-stage value takes its `default`.
fn pick(v: &mut Value, stage: Option<&str>) -> bool {
    match &mut v.kind {
        ValueKind::Tagged(tag, body) if tag.name == TAG => {
            let arm = |name: &str| {
                body.iter().find_map(|m| match &m.kind {
                    MemberKind::Property { key, value, .. } if key.name == name => {
                        Some(value.clone())
                    }
                    _ => None,
                })
            };
            let chosen = stage.and_then(arm).or_else(|| arm(DEFAULT));
            match chosen {
                Some(mut c) => {
                    let keep = pick(&mut c, stage);
                    *v = c;
                    keep
                }
                None => false,
            }
        }
        ValueKind::List(items) => {
            items.retain_mut(|i| pick(i, stage));
            true
        }
        ValueKind::Record(entries) => {
            entries.retain_mut(|(_, e)| pick(e, stage));
            true
        }
        ValueKind::Tagged(_, body) => {
            members(body, stage);
            true
        }
        ValueKind::Redrive(_, count) => pick(count, stage),
        ValueKind::Str(_)
        | ValueKind::Int(_)
        | ValueKind::Number(_)
        | ValueKind::Bool(_)
        | ValueKind::Duration(..)
        | ValueKind::Size(..)
        | ValueKind::Percent(_)
        | ValueKind::Rate(..)
        | ValueKind::Path(_) => true,
    }
}

/// A place where the stages differ, for `slsc stages`: a per-stage value,
/// a string with `${stage}`, or a declaration in some stages only.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    /// What differs: `PlaceOrder.memory`, `Shop.cors.origins`, or a
    /// declaration's name for `stages = [...]`.
    pub place: String,
    /// Where it is written.
    pub span: Span,
    /// Each stage's value as written, in the order the stages are declared;
    /// none where the stage leaves it unset (or the declaration out).
    pub values: Vec<(String, Option<String>)>,
}

/// Every place where `stages` differ, in the order written.
pub fn differences(
    files: &[(FileId, File)],
    sources: &crate::source::SourceMap,
    stages: &[Stage],
) -> Vec<Difference> {
    let mut out = Vec::new();
    if stages.is_empty() {
        return out;
    }
    let mut walk = Walk {
        sources,
        stages,
        out: &mut out,
    };
    for decl in files.iter().flat_map(|(_, f)| &f.decls) {
        if decl.kind == DeclKind::Stage {
            continue;
        }
        let name = if decl.kind == DeclKind::App {
            "app".to_string()
        } else {
            decl.name.name.clone()
        };
        for m in &decl.body {
            if let MemberKind::Property { key, value, .. } = &m.kind {
                if key.name == ONLY_IN {
                    let values = stages
                        .iter()
                        .map(|s| {
                            let kept = listed(value, &s.name);
                            (
                                s.name.clone(),
                                Some(if kept { "deployed" } else { "left out" }.to_string()),
                            )
                        })
                        .collect();
                    walk.out.push(Difference {
                        place: format!("{} {name}", decl.kind.keyword()),
                        span: value.span,
                        values,
                    });
                    continue;
                }
            }
            walk.member(&name, m);
        }
    }
    out
}

/// Walks values for [`differences`].
struct Walk<'a> {
    sources: &'a crate::source::SourceMap,
    stages: &'a [Stage],
    out: &'a mut Vec<Difference>,
}

impl Walk<'_> {
    fn text(&self, span: Span) -> String {
        self.sources.get(span.file).slice(span).to_string()
    }

    fn member(&mut self, at: &str, m: &Member) {
        match &m.kind {
            MemberKind::Property { key, value, .. } => {
                self.value(&format!("{at}.{}", key.name), value)
            }
            MemberKind::Block { key, body } => {
                let at = format!("{at}.{}", key.name);
                body.iter().for_each(|m| self.member(&at, m));
            }
            MemberKind::On { source, body, .. } => {
                let at = format!("{at}.on {}", self.text(source.span));
                body.iter().for_each(|m| self.member(&at, m));
            }
            MemberKind::Route {
                method, path, body, ..
            } => {
                let at = format!("{at}.{} {}", method.name, path.value);
                body.iter().for_each(|m| self.member(&at, m));
            }
            MemberKind::SendTo { target, body } => {
                let at = format!("{at}.send to {}", self.text(target.span));
                body.iter().for_each(|m| self.member(&at, m));
            }
            MemberKind::Subscribe { target, body, .. } => {
                let at = format!("{at}.subscribe {}", self.text(target.span));
                body.iter().for_each(|m| self.member(&at, m));
            }
            MemberKind::Allow { body, .. } => body.iter().for_each(|m| self.member(at, m)),
            MemberKind::Verb { .. }
            | MemberKind::Match { .. }
            | MemberKind::Fields { .. }
            | MemberKind::Responses(_) => {}
        }
    }

    fn value(&mut self, at: &str, v: &Value) {
        match &v.kind {
            ValueKind::Tagged(tag, body) if tag.name == TAG => {
                let arm = |name: &str| {
                    body.iter().find_map(|m| match &m.kind {
                        MemberKind::Property { key, value, .. } if key.name == name => {
                            Some(value.span)
                        }
                        _ => None,
                    })
                };
                let values = (self.stages.iter())
                    .map(|s| {
                        let span = arm(&s.name).or_else(|| arm(DEFAULT));
                        (s.name.clone(), span.map(|sp| self.text(sp)))
                    })
                    .collect();
                self.out.push(Difference {
                    place: at.to_string(),
                    span: v.span,
                    values,
                });
            }
            ValueKind::Str(text) if text.contains(PLACEHOLDER) => {
                let values = (self.stages.iter())
                    .map(|s| {
                        let quoted = format!("\"{}\"", text.replace(PLACEHOLDER, &s.name));
                        (s.name.clone(), Some(quoted))
                    })
                    .collect();
                self.out.push(Difference {
                    place: at.to_string(),
                    span: v.span,
                    values,
                });
            }
            ValueKind::List(items) => items.iter().for_each(|i| self.value(at, i)),
            ValueKind::Record(entries) => {
                for (k, e) in entries {
                    self.value(&format!("{at}.{}", k.name), e);
                }
            }
            ValueKind::Tagged(_, body) => body.iter().for_each(|m| self.member(at, m)),
            _ => {}
        }
    }
}
