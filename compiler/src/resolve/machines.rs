//! State machines: the declaration, and its definition file read as Amazon
//! States Language, each `${Name}` placeholder resolved to a declaration and
//! each Task state to the service action it calls (E0331, E0332).

use super::*;
use crate::diagnostics::Code;
use serde_json::Value as Json;

/// A definition file as the caller read it, by the span of the
/// `definition = "..."` value that names it.
#[derive(Debug, Clone)]
pub enum DefinitionText {
    /// The file's text.
    Text(String),
    /// Why it could not be read (not found, not UTF-8, no folder to look in).
    Unreadable(String),
}

/// The declarations a placeholder may name, with the attribute a bare
/// `${Name}` stands for: what the Task parameter naming it takes.
fn default_attr(kind: DeclKind) -> Option<Attr> {
    Some(match kind {
        DeclKind::Function | DeclKind::Topic | DeclKind::StateMachine | DeclKind::Stream => {
            Attr::Arn
        }
        DeclKind::Table | DeclKind::Bus | DeclKind::Bucket => Attr::Name,
        DeclKind::Queue => Attr::Url,
        _ => return None,
    })
}

const PLACEHOLDER_KINDS: &[DeclKind] = &[
    DeclKind::Function,
    DeclKind::Table,
    DeclKind::Queue,
    DeclKind::Topic,
    DeclKind::Bus,
    DeclKind::StateMachine,
    DeclKind::Bucket,
    DeclKind::Stream,
];

/// The optimised integrations and what each needs: the parameter that names
/// the resource, the kind it must be, and the IAM actions.
fn integration(service: &str) -> Option<(&'static str, DeclKind, &'static [&'static str])> {
    Some(match service {
        "lambda:invoke" => (
            "FunctionName",
            DeclKind::Function,
            &["lambda:InvokeFunction"],
        ),
        "dynamodb:putItem" => ("TableName", DeclKind::Table, &["dynamodb:PutItem"]),
        "dynamodb:getItem" => ("TableName", DeclKind::Table, &["dynamodb:GetItem"]),
        "dynamodb:updateItem" => ("TableName", DeclKind::Table, &["dynamodb:UpdateItem"]),
        "dynamodb:deleteItem" => ("TableName", DeclKind::Table, &["dynamodb:DeleteItem"]),
        "sqs:sendMessage" => ("QueueUrl", DeclKind::Queue, &["sqs:SendMessage"]),
        "sns:publish" => ("TopicArn", DeclKind::Topic, &["sns:Publish"]),
        "events:putEvents" => ("EventBusName", DeclKind::Bus, &["events:PutEvents"]),
        "states:startExecution" => (
            "StateMachineArn",
            DeclKind::StateMachine,
            &["states:StartExecution"],
        ),
        _ => return None,
    })
}

/// The DynamoDB actions an `aws-sdk:dynamodb:` task may call on one table.
const SDK_DYNAMODB: &[&str] = &[
    "getItem",
    "putItem",
    "updateItem",
    "deleteItem",
    "query",
    "scan",
    "batchGetItem",
    "batchWriteItem",
    "transactGetItems",
    "transactWriteItems",
];

impl Resolver {
    pub(super) fn state_machine(&mut self, d: &ast::Decl, defaults: &Defaults) -> StateMachine {
        let mut p = Props::new(&d.body);
        let express = p
            .take("type")
            .and_then(|v| self.expect_word(v, &["standard", "express"]))
            .is_some_and(|w| w == "express");
        let tracing = p
            .take("tracing")
            .and_then(|v| self.expect_tracing(v))
            .unwrap_or(defaults.tracing);
        let log_retention = p
            .take("log_retention")
            .and_then(|v| self.expect_days(v))
            .or_else(|| defaults.log_retention.clone())
            .unwrap_or(Spanned::new(30, d.name.span));
        let log_level = p
            .take("log_level")
            .and_then(|v| {
                let w = self.expect_word(v, &["all", "error", "fatal", "off"])?;
                Some(Spanned::new(w.to_uppercase(), v.span))
            })
            .unwrap_or(Spanned::new("ALL".into(), d.name.span));
        let input = p.take("input").and_then(|v| match &v.kind {
            ValueKind::Path(path) => self.expect_ref(path, &[DeclKind::Type, DeclKind::Event]),
            _ => {
                self.type_error(v, "a type", "name a `type` or `event`: `input = Order`");
                None
            }
        });
        let external = p
            .take("external")
            .and_then(|v| self.expect_bool(v))
            .unwrap_or(false);
        let definition = p.take("definition");
        let path = definition.and_then(|v| self.expect_string(v));
        self.identity(&mut p, d);
        self.other_members(&d.body, "a state machine");
        p.finish(self, "a state machine");
        let mut m = StateMachine {
            name: d.name.name.clone(),
            span: d.name.span,
            express,
            definition: path
                .clone()
                .unwrap_or(Spanned::new(String::new(), d.name.span)),
            document: Json::Null,
            substitutions: Vec::new(),
            tasks: Vec::new(),
            tracing,
            log_level,
            log_retention,
            input,
            external,
        };
        let Some(path) = path else {
            if definition.is_none() {
                self.error(
                    Diagnostic::new(
                        Code::E0107,
                        d.name.span,
                        format!("state machine `{}` has no `definition`", d.name.name),
                    )
                    .label("no definition")
                    .help(
                        "name its Amazon States Language file: `definition = \"orders.asl.json\"`",
                    ),
                );
            }
            return m;
        };
        let text = match self.definitions.get(&path.span) {
            Some(DefinitionText::Text(t)) => t.clone(),
            Some(DefinitionText::Unreadable(why)) => {
                let why = why.clone();
                self.definition_error(
                    &path,
                    format!("cannot read `{}`: {why}", path.value),
                    "name the file relative to the spec's folder",
                );
                return m;
            }
            // A spec compiled from text has no folder to read it from: as
            // for function `code` folders, nothing is reported, and the
            // tasks are left unresolved (the library's `compile_source`).
            None => return m,
        };
        let parsed: Result<Json, String> =
            if path.value.ends_with(".yaml") || path.value.ends_with(".yml") {
                serde_yaml::from_str(&text).map_err(|e| e.to_string())
            } else {
                serde_json::from_str(&text).map_err(|e| e.to_string())
            };
        let mut doc = match parsed {
            Ok(doc) => doc,
            Err(e) => {
                self.definition_error(
                    &path,
                    format!("`{}` is not valid: {e}", path.value),
                    "fix the file's syntax (Amazon States Language is JSON)",
                );
                return m;
            }
        };
        if !doc.get("StartAt").is_some_and(Json::is_string)
            || !doc.get("States").is_some_and(Json::is_object)
        {
            self.definition_error(
                &path,
                format!("`{}` has no `StartAt` and `States`", path.value),
                "a definition is an object with `StartAt` (a state's name) and `States`",
            );
            return m;
        }
        self.placeholders(&mut doc, &path, &mut m.substitutions);
        let mut tasks = Vec::new();
        self.express = express;
        self.tasks(&doc, &path, &m.substitutions, &mut tasks);
        m.tasks = tasks;
        m.document = doc;
        m
    }

    fn definition_error(&mut self, path: &Spanned<String>, message: String, help: &str) {
        self.error(
            Diagnostic::new(Code::E0331, path.span, message)
                .label("this definition")
                .help(help),
        );
    }

    /// Rewrites every `${Name}` / `${Name.attr}` in the strings of the
    /// document to its substitution key (`Name`, `Name_attr`), resolving
    /// the names. `${AWS::...}` and other text with `::` are left alone.
    fn placeholders(
        &mut self,
        v: &mut Json,
        at: &Spanned<String>,
        subs: &mut Vec<(String, Ref, Attr)>,
    ) {
        match v {
            Json::String(s) => {
                if !s.contains("${") {
                    return;
                }
                let mut out = String::new();
                let mut rest = s.as_str();
                while let Some(i) = rest.find("${") {
                    out.push_str(&rest[..i]);
                    let Some(j) = rest[i..].find('}') else {
                        out.push_str(&rest[i..]);
                        rest = "";
                        break;
                    };
                    let inner = &rest[i + 2..i + j];
                    rest = &rest[i + j + 1..];
                    match self.placeholder(inner, at, subs) {
                        Some(key) => out.push_str(&format!("${{{key}}}")),
                        None => out.push_str(&format!("${{{inner}}}")),
                    }
                }
                out.push_str(rest);
                *s = out;
            }
            Json::Array(a) => a.iter_mut().for_each(|x| self.placeholders(x, at, subs)),
            Json::Object(o) => o.values_mut().for_each(|x| self.placeholders(x, at, subs)),
            _ => {}
        }
    }

    fn placeholder(
        &mut self,
        inner: &str,
        at: &Spanned<String>,
        subs: &mut Vec<(String, Ref, Attr)>,
    ) -> Option<String> {
        if inner.contains("::") || inner.is_empty() {
            return None;
        }
        let (name, word) = match inner.split_once('.') {
            Some((n, w)) => (n, Some(w)),
            None => (inner, None),
        };
        let r = self.lookup(name, at.span, PLACEHOLDER_KINDS)?;
        let attr = match word {
            None => default_attr(r.kind)?,
            Some(w) => match attributes(r.kind).iter().find(|a| a.word() == w) {
                Some(a) => *a,
                None => {
                    let list: Vec<String> = attributes(r.kind)
                        .iter()
                        .map(|a| format!("`{name}.{}`", a.word()))
                        .collect();
                    self.error(
                        Diagnostic::new(
                            Code::E0105,
                            at.span,
                            format!("{} `{name}` has no attribute `{w}`", r.kind.article()),
                        )
                        .label(format!("`${{{inner}}}` in this definition"))
                        .help(format!("use one of {}", list.join(", "))),
                    );
                    return None;
                }
            },
        };
        let key = match word {
            None => name.to_string(),
            Some(w) => format!("{name}_{w}"),
        };
        if !subs.iter().any(|(k, _, _)| *k == key) {
            subs.push((key.clone(), r, attr));
        }
        Some(key)
    }

    /// Every Task state of `doc`'s `States`, nested ones included (Parallel
    /// branches, Map iterators and item processors).
    fn tasks(
        &mut self,
        doc: &Json,
        at: &Spanned<String>,
        subs: &[(String, Ref, Attr)],
        out: &mut Vec<Task>,
    ) {
        let Some(states) = doc.get("States").and_then(Json::as_object) else {
            return;
        };
        for (name, state) in states {
            match state.get("Type").and_then(Json::as_str) {
                Some("Task") => {
                    if let Some(t) = self.task(name, state, at, subs) {
                        out.push(t);
                    }
                }
                Some("Parallel") => {
                    for b in state
                        .get("Branches")
                        .and_then(Json::as_array)
                        .into_iter()
                        .flatten()
                    {
                        self.tasks(b, at, subs, out);
                    }
                }
                Some("Map") => {
                    for key in ["ItemProcessor", "Iterator"] {
                        if let Some(inner) = state.get(key) {
                            self.tasks(inner, at, subs, out);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// The declaration a placeholder-only string names (`${Orders}`).
    fn named(&self, v: Option<&Json>, subs: &[(String, Ref, Attr)]) -> Option<Ref> {
        let s = v?.as_str()?;
        let key = s.strip_prefix("${")?.strip_suffix('}')?;
        subs.iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, r, _)| r.clone())
    }

    fn task(
        &mut self,
        state: &str,
        json: &Json,
        at: &Spanned<String>,
        subs: &[(String, Ref, Attr)],
    ) -> Option<Task> {
        let resource = json.get("Resource").and_then(Json::as_str).unwrap_or("");
        let params = json.get("Parameters").or_else(|| json.get("Arguments"));
        let fail = |r: &mut Resolver, message: String, help: String| {
            r.error(
                Diagnostic::new(Code::E0332, at.span, message)
                    .label(format!("state `{state}` in this definition"))
                    .help(help),
            );
            None
        };
        // A function ARN as the resource: Lambda's legacy integration.
        if let Some(r) = self.named(Some(&Json::String(resource.into())), subs) {
            if r.kind != DeclKind::Function {
                return fail(
                    self,
                    format!("Task `{state}` runs {} `{}`", r.kind.article(), r.name),
                    "a Task's `Resource` is a function (`${Name}`) or a service integration (`arn:aws:states:::...`)".into(),
                );
            }
            return Some(Task {
                state: state.into(),
                actions: vec!["lambda:InvokeFunction".into()],
                target: r,
                sync: false,
                index: None,
            });
        }
        let Some(service) = resource.strip_prefix("arn:aws:states:::") else {
            return fail(
                self,
                format!("Task `{state}` calls `{resource}`, which names no declaration"),
                "name a declared function as `${Name}`, or use a service integration `arn:aws:states:::SERVICE:ACTION` with its resource as `${Name}`".into(),
            );
        };
        let (base, pattern) = match service.split_once('.') {
            Some((b, p)) => (b, Some(p)),
            None => (service, None),
        };
        let sync = matches!(pattern, Some("sync") | Some("sync:2"));
        if self.express && pattern.is_some() {
            return fail(
                self,
                format!("Task `{state}` waits (`.{}`), which an Express state machine cannot", pattern.unwrap_or_default()),
                "Express workflows run at most five minutes and support neither `.sync` nor `.waitForTaskToken`: use `type = standard`, or call without waiting".into(),
            );
        }
        let (param, kind, actions): (&str, DeclKind, Vec<String>) = if let Some(action) =
            base.strip_prefix("aws-sdk:dynamodb:")
        {
            if !SDK_DYNAMODB.contains(&action) {
                return fail(
                    self,
                    format!("Task `{state}` calls `dynamodb:{action}`, which slsc does not grant"),
                    format!("use one of the item actions: {}", SDK_DYNAMODB.join(", ")),
                );
            }
            let mut a = action.to_string();
            a[..1].make_ascii_uppercase();
            ("TableName", DeclKind::Table, vec![format!("dynamodb:{a}")])
        } else {
            match integration(base) {
                Some((param, kind, actions)) if !sync || kind == DeclKind::StateMachine => {
                    (param, kind, actions.iter().map(|a| a.to_string()).collect())
                }
                _ => {
                    return fail(
                            self,
                            format!("Task `{state}` calls `{service}`, which slsc does not support"),
                            "supported: lambda:invoke, dynamodb:putItem/getItem/updateItem/deleteItem, aws-sdk:dynamodb:*, sqs:sendMessage, sns:publish, events:putEvents, states:startExecution (.sync), each with `.waitForTaskToken` where AWS offers it".into(),
                        );
                }
            }
        };
        let named = if kind == DeclKind::Bus {
            // PutEvents names its bus per entry; no name is the default bus.
            let entries = params
                .and_then(|p| p.get("Entries"))
                .and_then(Json::as_array);
            match entries.and_then(|e| e.first()) {
                Some(e) if e.get("EventBusName").is_none() => Some(Ref {
                    kind: DeclKind::Bus,
                    name: "default".into(),
                    span: at.span,
                }),
                Some(e) => self.named(e.get("EventBusName"), subs),
                None => None,
            }
        } else {
            self.named(params.and_then(|p| p.get(param)), subs)
        };
        let Some(target) = named else {
            return fail(
                self,
                format!("Task `{state}` does not name its {} as `${{Name}}` in `{param}`", kind.keyword().replace('_', " ")),
                format!("write `\"{param}\": \"${{Name}}\"` with a declared {}, so that its role allows exactly that one", kind.keyword().replace('_', " ")),
            );
        };
        if target.kind != kind {
            return fail(
                self,
                format!(
                    "Task `{state}` gives {} `{}` as `{param}`",
                    target.kind.article(),
                    target.name
                ),
                format!("`{param}` takes {}", kind.article()),
            );
        }
        let index = (kind == DeclKind::Table)
            .then(|| {
                params
                    .and_then(|p| p.get("IndexName"))
                    .and_then(Json::as_str)
            })
            .flatten()
            .map(str::to_string);
        Some(Task {
            state: state.into(),
            actions,
            target,
            sync,
            index,
        })
    }
}
