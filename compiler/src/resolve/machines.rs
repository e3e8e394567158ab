//! State machines: the declaration, and its definition file read as Amazon
//! States Language, each `${Name}` placeholder resolved to a declaration and
//! each Task state to the service action it calls (E0331, E0332, E0337).

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
        DeclKind::Table | DeclKind::Bus | DeclKind::Bucket | DeclKind::ScheduleGroup => Attr::Name,
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
    DeclKind::ScheduleGroup,
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

/// An AWS SDK integration (`arn:aws:states:::aws-sdk:SERVICE:ACTION`)
/// slsc derives the role for: the actions of one service, the parameter
/// that names the resource, the kind it must be, and what of it the IAM
/// action is allowed on. The IAM action is the service's IAM prefix and
/// the action with its first letter in upper case (`dynamodb:PutItem`).
struct Sdk {
    /// The service as the integration names it (`dynamodb`, `sfn`).
    service: &'static str,
    /// Its IAM prefix (`states` for `sfn`).
    iam: &'static str,
    /// The actions slsc derives, as the integration spells them.
    actions: &'static [&'static str],
    /// The parameter naming the resource.
    param: &'static str,
    /// What that parameter must name.
    kind: DeclKind,
    /// What of it the action is allowed on.
    on: TaskOn,
}

/// The SDK integrations whose resource a definition names, by service.
/// Any other is E0332, unless the state machine's `allow` grants it.
const SDK: &[Sdk] = &[
    Sdk {
        service: "dynamodb",
        iam: "dynamodb",
        actions: &[
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
        ],
        param: "TableName",
        kind: DeclKind::Table,
        on: TaskOn::Itself,
    },
    Sdk {
        service: "scheduler",
        iam: "scheduler",
        actions: &[
            "createSchedule",
            "updateSchedule",
            "deleteSchedule",
            "getSchedule",
        ],
        param: "GroupName",
        kind: DeclKind::ScheduleGroup,
        on: TaskOn::Schedules,
    },
    Sdk {
        service: "sqs",
        iam: "sqs",
        actions: &["sendMessage", "sendMessageBatch"],
        param: "QueueUrl",
        kind: DeclKind::Queue,
        on: TaskOn::Itself,
    },
    Sdk {
        service: "sns",
        iam: "sns",
        actions: &["publish", "publishBatch"],
        param: "TopicArn",
        kind: DeclKind::Topic,
        on: TaskOn::Itself,
    },
    Sdk {
        service: "lambda",
        iam: "lambda",
        actions: &["invoke"],
        param: "FunctionName",
        kind: DeclKind::Function,
        on: TaskOn::Itself,
    },
    Sdk {
        service: "sfn",
        iam: "states",
        actions: &["startExecution", "startSyncExecution"],
        param: "StateMachineArn",
        kind: DeclKind::StateMachine,
        on: TaskOn::Itself,
    },
    Sdk {
        service: "kinesis",
        iam: "kinesis",
        actions: &["putRecord", "putRecords"],
        param: "StreamName",
        kind: DeclKind::Stream,
        on: TaskOn::Itself,
    },
];

/// The IAM action an SDK integration's action needs: `sfn` +
/// `startExecution` is `states:StartExecution`; an integration slsc does
/// not know maps its service as written (the usual case).
fn sdk_iam_action(service: &str, action: &str) -> String {
    let prefix = SDK
        .iter()
        .find(|s| s.service == service)
        .map_or(service, |s| s.iam);
    let prefix = match prefix {
        "stepfunctions" => "states",
        "eventbridge" => "events",
        p => p,
    };
    let mut a = action.to_string();
    if let Some(first) = a.get(..1) {
        let up = first.to_ascii_uppercase();
        a.replace_range(..1, &up);
    }
    format!("{prefix}:{a}")
}

/// `*` in an IAM action matches any characters; case does not matter.
fn action_glob(pattern: &str, action: &str) -> bool {
    let (p, t) = (pattern.to_ascii_lowercase(), action.to_ascii_lowercase());
    let parts: Vec<&str> = p.split('*').collect();
    if parts.len() == 1 {
        return p == t;
    }
    let mut rest = t.as_str();
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            match rest.strip_prefix(part) {
                Some(r) => rest = r,
                None => return false,
            }
        } else if i == parts.len() - 1 {
            return rest.ends_with(part);
        } else {
            match rest.find(part) {
                Some(at) => rest = &rest[at + part.len()..],
                None => return false,
            }
        }
    }
    true
}

/// What Pass states place at each path of the state (`$.snsInput.TopicArn`):
/// the placeholder keys of strings that are a placeholder alone, from
/// their `Result` (or `Parameters`) put at their `ResultPath`. A Task whose
/// parameter is that JSONPath (`"TopicArn.$": "$.snsInput.TopicArn"`)
/// names those declarations.
fn pass_values(doc: &Json, out: &mut Vec<(String, String)>) {
    fn leaves(v: &Json, at: String, out: &mut Vec<(String, String)>) {
        match v {
            Json::String(s) => {
                if let Some(key) = s.strip_prefix("${").and_then(|k| k.strip_suffix('}')) {
                    if !key.contains("${") {
                        out.push((at, key.to_string()));
                    }
                }
            }
            Json::Object(o) => {
                for (k, x) in o {
                    // `key.$` is computed at run time.
                    if !k.ends_with(".$") {
                        leaves(x, format!("{at}.{k}"), out);
                    }
                }
            }
            _ => {}
        }
    }
    let Some(states) = doc.get("States").and_then(Json::as_object) else {
        return;
    };
    for state in states.values() {
        match state.get("Type").and_then(Json::as_str) {
            Some("Pass") => {
                let Some(value) = state.get("Result").or_else(|| state.get("Parameters")) else {
                    continue;
                };
                let at = state
                    .get("ResultPath")
                    .and_then(Json::as_str)
                    .unwrap_or("$")
                    .to_string();
                leaves(value, at, out);
            }
            Some("Parallel") => {
                for b in state
                    .get("Branches")
                    .and_then(Json::as_array)
                    .into_iter()
                    .flatten()
                {
                    pass_values(b, out);
                }
            }
            Some("Map") => {
                for key in ["ItemProcessor", "Iterator"] {
                    if let Some(inner) = state.get(key) {
                        pass_values(inner, out);
                    }
                }
            }
            _ => {}
        }
    }
}

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
        let mut allows = Vec::new();
        for m in &d.body {
            match &m.kind {
                MemberKind::Property { .. } | MemberKind::Block { .. } => {}
                MemberKind::Allow {
                    actions,
                    resources,
                    body,
                } => allows.push(self.allow(actions, resources, body, m.span)),
                _ => self.not_allowed(m, "a state machine"),
            }
        }
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
            allows,
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
        let mut passed = Vec::new();
        pass_values(&doc, &mut passed);
        let ctx = Ctx {
            at: &path,
            subs: &m.substitutions,
            passed: &passed,
            allows: &m.allows,
        };
        self.tasks(&doc, &ctx, &mut tasks);
        m.tasks = tasks;
        m.document = doc;
        m
    }

    /// `allow ACTIONS on RESOURCES { acknowledge = "..." }`: a statement
    /// written by hand (functions and state machines).
    pub(super) fn allow(
        &mut self,
        actions: &ast::Value,
        resources: &ast::Value,
        body: &[ast::Member],
        span: Span,
    ) -> Allow {
        let mut p = Props::new(body);
        let acknowledged = p
            .take("acknowledge")
            .and_then(|v| self.expect_string(v))
            .map(|s| s.value);
        self.other_members(body, "`allow`");
        p.finish(self, "`allow`");
        let actions = self.string_or_strings(actions);
        let resources = self.string_or_strings(resources);
        Allow {
            actions,
            resources,
            acknowledged,
            span,
        }
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
    fn tasks(&mut self, doc: &Json, ctx: &Ctx, out: &mut Vec<Task>) {
        let Some(states) = doc.get("States").and_then(Json::as_object) else {
            return;
        };
        for (name, state) in states {
            match state.get("Type").and_then(Json::as_str) {
                Some("Task") => out.extend(self.task(name, state, ctx)),
                Some("Parallel") => {
                    for b in state
                        .get("Branches")
                        .and_then(Json::as_array)
                        .into_iter()
                        .flatten()
                    {
                        self.tasks(b, ctx, out);
                    }
                }
                Some("Map") => {
                    for key in ["ItemProcessor", "Iterator"] {
                        if let Some(inner) = state.get(key) {
                            self.tasks(inner, ctx, out);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// The declaration a placeholder-only string names (`${Orders}`).
    fn named(&self, v: Option<&Json>, subs: &[(String, Ref, Attr)]) -> Option<Ref> {
        named_in(v, subs).map(|(r, _)| r)
    }

    /// The declarations parameter `param` of `params` names: `${Name}`
    /// as its value, or, as `param.$`, a JSONPath at which Pass states
    /// put `${Name}` (each of them, when several do).
    fn named_or_passed(&self, params: Option<&Json>, param: &str, ctx: &Ctx) -> Vec<Ref> {
        let params = params.and_then(Json::as_object);
        if let Some(r) = self.named(params.and_then(|p| p.get(param)), ctx.subs) {
            return vec![r];
        }
        let Some(path) = params
            .and_then(|p| p.get(&format!("{param}.$")))
            .and_then(Json::as_str)
        else {
            return Vec::new();
        };
        let mut out: Vec<Ref> = Vec::new();
        for (at, key) in ctx.passed {
            if at != path {
                continue;
            }
            if let Some((_, r, _)) = ctx.subs.iter().find(|(k, _, _)| k == key) {
                if !out.iter().any(|o| o.name == r.name) {
                    out.push(r.clone());
                }
            }
        }
        out
    }

    /// Whether the state machine's `allow`s grant every one of `actions`:
    /// a task the definition cannot bound is then the user's to scope.
    fn allowed(ctx: &Ctx, actions: &[String]) -> bool {
        !actions.is_empty()
            && actions.iter().all(|a| {
                ctx.allows.iter().any(|al| {
                    al.actions
                        .iter()
                        .any(|x| x.value == "*" || action_glob(&x.value, a))
                })
            })
    }

    fn task(&mut self, state: &str, json: &Json, ctx: &Ctx) -> Vec<Task> {
        let at = ctx.at;
        let subs = ctx.subs;
        let resource = json.get("Resource").and_then(Json::as_str).unwrap_or("");
        let params = json.get("Parameters").or_else(|| json.get("Arguments"));
        let fail = |r: &mut Resolver, message: String, help: String| {
            r.error(
                Diagnostic::new(Code::E0332, at.span, message)
                    .label(format!("state `{state}` in this definition"))
                    .help(help),
            );
            Vec::new()
        };
        let task = |actions: Vec<String>, target: Ref, sync: bool, on: TaskOn| Task {
            state: state.into(),
            actions,
            target,
            sync,
            index: None,
            on,
            starts: None,
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
            return vec![task(
                vec!["lambda:InvokeFunction".into()],
                r,
                false,
                TaskOn::Itself,
            )];
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
        let grant_help =
            "or grant it on the state machine with `allow \"service:Action\" on \"arn:...\"`";
        let (param, kind, actions, on): (&str, DeclKind, Vec<String>, TaskOn) = if let Some(call) =
            base.strip_prefix("aws-sdk:")
        {
            let (svc, action) = call.split_once(':').unwrap_or((call, ""));
            let iam = sdk_iam_action(svc, action);
            match SDK.iter().find(|s| s.service == svc) {
                Some(sdk) if sdk.actions.contains(&action) => {
                    (sdk.param, sdk.kind, vec![iam], sdk.on)
                }
                _ if Self::allowed(ctx, std::slice::from_ref(&iam)) => return Vec::new(),
                Some(sdk) => {
                    return fail(
                            self,
                            format!("Task `{state}` calls `{svc}:{action}`, which slsc does not derive a role for"),
                            format!("use one of: {}; {grant_help}", sdk.actions.join(", ")),
                        );
                }
                None => {
                    return fail(
                            self,
                            format!("Task `{state}` calls `{svc}:{action}`, whose resource slsc cannot bound"),
                            format!("slsc derives the SDK integrations of {}; {grant_help}: `allow \"{iam}\" on \"arn:...\"`", SDK.iter().map(|s| s.service).collect::<Vec<_>>().join(", ")),
                        );
                }
            }
        } else {
            match integration(base) {
                Some((param, kind, actions)) if !sync || kind == DeclKind::StateMachine => (
                    param,
                    kind,
                    actions.iter().map(|a| a.to_string()).collect(),
                    TaskOn::Itself,
                ),
                _ => {
                    return fail(
                            self,
                            format!("Task `{state}` calls `{service}`, which slsc does not support"),
                            "supported: lambda:invoke, dynamodb:putItem/getItem/updateItem/deleteItem, sqs:sendMessage, sns:publish, events:putEvents, states:startExecution (.sync), each with `.waitForTaskToken` where AWS offers it, and aws-sdk: integrations of dynamodb, scheduler, sqs, sns, lambda, sfn and kinesis".into(),
                        );
                }
            }
        };
        let named: Vec<Ref> = if kind == DeclKind::Bus {
            // PutEvents names its bus per entry; no name is the default bus.
            let entries = params
                .and_then(|p| p.get("Entries"))
                .and_then(Json::as_array);
            match entries.and_then(|e| e.first()) {
                Some(e) if e.get("EventBusName").is_none() => vec![Ref {
                    kind: DeclKind::Bus,
                    name: "default".into(),
                    span: at.span,
                }],
                Some(e) => self
                    .named(e.get("EventBusName"), subs)
                    .into_iter()
                    .collect(),
                None => Vec::new(),
            }
        } else {
            self.named_or_passed(params, param, ctx)
        };
        if named.is_empty() {
            if Self::allowed(ctx, &actions) {
                return Vec::new();
            }
            return fail(
                self,
                format!("Task `{state}` does not name its {} as `${{Name}}` in `{param}`", kind.article().split_once(' ').map_or("", |(_, k)| k)),
                format!("write `\"{param}\": \"${{Name}}\"` with a declared {}, or put `${{Name}}` at the JSONPath of `{param}.$` with a Pass state, so that its role allows exactly that one; {grant_help}", kind.article().split_once(' ').map_or("", |(_, k)| k)),
            );
        }
        let mut out = Vec::new();
        for target in named {
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
            let mut t = task(actions.clone(), target, sync, on);
            t.index = index;
            out.push(t);
        }
        // A schedule created or updated runs with its group's role, which
        // the state machine passes to Scheduler, and starts one of the
        // group's targets (checked against its `targets` in `check`).
        if kind == DeclKind::ScheduleGroup
            && (base.ends_with(":createSchedule") || base.ends_with(":updateSchedule"))
        {
            let group = out[0].target.clone();
            let target = params.and_then(|p| p.get("Target"));
            let role = self.named_in_with_attr(target.and_then(|t| t.get("RoleArn")), subs);
            match role {
                Some((r, Attr::Role)) if r.name == group.name => {}
                _ => {
                    self.error(
                        Diagnostic::new(
                            Code::E0337,
                            at.span,
                            format!("Task `{state}` creates schedules in `{}` that do not run with its role", group.name),
                        )
                        .label(format!("state `{state}` in this definition"))
                        .help(format!("write `\"RoleArn\": \"${{{}.role}}\"` in `Target`: the group's role allows exactly its `targets`", group.name)),
                    );
                    return Vec::new();
                }
            }
            let Some(starts) = self.named(target.and_then(|t| t.get("Arn")), subs) else {
                self.error(
                    Diagnostic::new(
                        Code::E0337,
                        at.span,
                        format!("Task `{state}` creates schedules in `{}` that start no declaration", group.name),
                    )
                    .label(format!("state `{state}` in this definition"))
                    .help(format!("write `\"Arn\": \"${{Name}}\"` in `Target`, with one of the `targets` of `{}`", group.name)),
                );
                return Vec::new();
            };
            out[0].starts = Some(starts);
            out.push(task(
                vec!["iam:PassRole".into()],
                group,
                false,
                TaskOn::Role,
            ));
        }
        out
    }

    /// The declaration and attribute a placeholder-only string names.
    fn named_in_with_attr(
        &self,
        v: Option<&Json>,
        subs: &[(String, Ref, Attr)],
    ) -> Option<(Ref, Attr)> {
        named_in(v, subs)
    }
}

/// What every task of one definition is resolved with.
struct Ctx<'a> {
    /// The `definition` value, where diagnostics point.
    at: &'a Spanned<String>,
    /// The placeholders, by key.
    subs: &'a [(String, Ref, Attr)],
    /// What Pass states put at each path ([`pass_values`]).
    passed: &'a [(String, String)],
    /// The state machine's `allow`s.
    allows: &'a [Allow],
}

/// The declaration and attribute of a placeholder-only string (`${Orders}`).
fn named_in(v: Option<&Json>, subs: &[(String, Ref, Attr)]) -> Option<(Ref, Attr)> {
    let s = v?.as_str()?;
    let key = s.strip_prefix("${")?.strip_suffix('}')?;
    subs.iter()
        .find(|(k, _, _)| k == key)
        .map(|(_, r, a)| (r.clone(), *a))
}
