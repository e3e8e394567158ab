//! Least-privilege IAM derived from declared access.
//!
//! Each function gets its own role. Every access verb, trigger and failure
//! destination becomes the narrowest actions on the exact resource ARNs
//! (`Fn::GetAtt` / `Ref` / `Fn::Sub` of the declared resource), following
//! `shared/reference/aws-constraints.md` §9a. No statement has a `*` action
//! or resource: X-Ray, whose write actions support no resource-level
//! permissions, is granted through the AWS managed policy instead of a
//! `Resource: "*"` statement written here.

mod pipes;
pub use pipes::{pipe_statements, schedule_group_statements};

use crate::ast::{DeclKind, VerbKind};
use crate::model::*;
use crate::naming::refs;
use crate::source::Span;
use serde_json::{json, Value as Json};

/// One policy statement, with the reason it exists.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// A readable statement id.
    pub sid: String,
    /// IAM actions.
    pub actions: Vec<String>,
    /// Resource ARNs (CloudFormation expressions).
    pub resources: Vec<Json>,
    /// Optional condition block.
    pub condition: Option<Json>,
    /// The spec text that caused it (a verb's target, a trigger, ...).
    pub cause: Span,
    /// Why, in the spec's words: "writes Orders".
    pub because: String,
    /// Where each action and resource written by hand (`allow`) is, by its
    /// path in the statement (`Action/0`, `Resource/1`); empty for derived
    /// statements, whose parts all come from `cause`.
    pub parts: Vec<(String, Span)>,
    /// The deploy-time condition under which the statement is needed (a
    /// destination chosen with `on_failure = A if C else B`): the role
    /// holds it only there.
    pub only_if: Option<String>,
}

impl Statement {
    /// The statement as IAM policy JSON.
    pub fn to_json(&self) -> Json {
        let mut s = json!({
            "Sid": self.sid,
            "Effect": "Allow",
            "Action": self.actions,
            "Resource": self.resources,
        });
        if let Some(c) = &self.condition {
            s["Condition"] = c.clone();
        }
        s
    }
}

fn stmt(sid: String, actions: &[&str], resources: Vec<Json>) -> Statement {
    Statement {
        sid,
        actions: actions.iter().map(|a| a.to_string()).collect(),
        resources,
        condition: None,
        cause: Span::default(),
        because: String::new(),
        parts: Vec::new(),
        only_if: None,
    }
}

/// Sets the cause of statements.
fn caused(list: Vec<Statement>, cause: Span, because: String) -> Vec<Statement> {
    list.into_iter()
        .map(|s| Statement {
            cause,
            because: because.clone(),
            ..s
        })
        .collect()
}

/// Alphanumeric statement ids built from parts.
fn sid(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| crate::naming::ids::logical(p))
        .collect()
}

/// Every statement of a function's role, in the order of the spec.
pub fn statements(model: &Model, f: &Function) -> Vec<Statement> {
    let log_group = crate::naming::ids::log_group(&f.name);
    let mut out = caused(
        vec![stmt(
            "WriteLogs".into(),
            &["logs:CreateLogStream", "logs:PutLogEvents"],
            vec![refs::get_att(&log_group, "Arn")],
        )],
        f.span,
        format!("function {} writes its logs", f.name),
    );
    for a in &f.access {
        let because = match (&a.event, a.verb, &a.prefix) {
            (Some(e), VerbKind::Emits, _) => format!("emits {} to {}", e.name, a.target.name),
            (_, _, Some(p)) => {
                format!("{} {} prefix \"{}\"", a.verb.text(), a.target.name, p.value)
            }
            _ => format!("{} {}", a.verb.text(), a.target.name),
        };
        let cause = match (&a.event, a.verb) {
            (Some(e), VerbKind::Emits) => e.span,
            _ => a.target.span,
        };
        out.extend(caused(access(model, a), cause, because));
    }
    for t in &f.triggers {
        match t {
            Trigger::Queue {
                queue,
                partial_failures,
                ..
            } => {
                let mut actions = vec![
                    "sqs:ReceiveMessage",
                    "sqs:DeleteMessage",
                    "sqs:GetQueueAttributes",
                ];
                if *partial_failures {
                    actions.push("sqs:ChangeMessageVisibility");
                }
                out.extend(caused(
                    vec![stmt(
                        sid(&["Consume", &queue.name]),
                        &actions,
                        vec![refs::arn(model, DeclKind::Queue, &queue.name)],
                    )],
                    queue.span,
                    format!("on {}", queue.name),
                ));
            }
            Trigger::Stream {
                source,
                consumer: Some(consumer),
                ..
            } if source.kind == DeclKind::Stream => {
                // Through an enhanced fan-out consumer: the stream is
                // described, and the shards read through the consumer.
                let id = crate::naming::ids::consumer(&f.name, &source.name);
                out.extend(caused(
                    vec![
                        stmt(
                            sid(&["Consume", &source.name]),
                            &[
                                "kinesis:DescribeStream",
                                "kinesis:DescribeStreamSummary",
                                "kinesis:GetRecords",
                                "kinesis:GetShardIterator",
                                "kinesis:ListShards",
                            ],
                            vec![refs::arn(model, DeclKind::Stream, &source.name)],
                        ),
                        stmt(
                            sid(&["Subscribe", &source.name]),
                            &["kinesis:DescribeStreamConsumer", "kinesis:SubscribeToShard"],
                            vec![refs::get_att(&id, "ConsumerARN")],
                        ),
                    ],
                    consumer.span,
                    format!("on {} through consumer {}", source.name, consumer.value),
                ));
            }
            Trigger::Stream { source, .. } if source.kind == DeclKind::Stream => {
                // What Lambda's poller needs to read the shards (§9a).
                out.extend(caused(
                    vec![stmt(
                        sid(&["Consume", &source.name]),
                        &[
                            "kinesis:DescribeStream",
                            "kinesis:DescribeStreamSummary",
                            "kinesis:GetRecords",
                            "kinesis:GetShardIterator",
                            "kinesis:ListShards",
                        ],
                        vec![refs::arn(model, DeclKind::Stream, &source.name)],
                    )],
                    source.span,
                    format!("on {}", source.name),
                ));
            }
            Trigger::Stream { source: table, .. } => {
                let id = crate::naming::ids::logical(&table.name);
                out.extend(caused(
                    vec![
                        stmt(
                            sid(&["ReadStream", &table.name]),
                            &[
                                "dynamodb:DescribeStream",
                                "dynamodb:GetRecords",
                                "dynamodb:GetShardIterator",
                            ],
                            vec![refs::get_att(&id, "StreamArn")],
                        ),
                        stmt(
                            sid(&["ListStreams", &table.name]),
                            &["dynamodb:ListStreams"],
                            vec![refs::sub(&format!("${{{id}.Arn}}/stream/*"))],
                        ),
                    ],
                    table.span,
                    format!("on {}.stream", table.name),
                ));
            }
            // Push triggers need a resource-based policy, not role rights.
            Trigger::Bucket { .. } | Trigger::Topic { .. } => {}
        }
    }
    for d in f.destinations() {
        let guard = destination_guard(f, d);
        out.extend(
            caused(destination(model, d), d.to.span, destination_cause(d))
                .into_iter()
                .map(|s| Statement {
                    only_if: guard.clone(),
                    ..s
                }),
        );
    }
    out.extend(hook_statements(model, f));
    out.extend(app_key(model, f));
    out.extend(allow_statements(&f.allows));
    dedup(out)
}

/// What a function needs as a CodeDeploy hook of another function's
/// deployment (`before_traffic = F`, `after_traffic = F`): to report its
/// verdict (`codedeploy:PutLifecycleEventHookExecutionStatus`), and to
/// invoke the versions it tests (`<function ARN>:*`, the new version among
/// them). The verdict is granted on the deployment groups of the stack's
/// CodeDeploy application (`deploymentgroup:APP/*`), not on the one group:
/// the group names CodeDeploy's role, which names the hook, whose role
/// naming the group back would be a circular dependency CloudFormation
/// rejects (and SAM generates the group's name).
fn hook_statements(model: &Model, f: &Function) -> Vec<Statement> {
    let mut out = Vec::new();
    for g in &model.functions {
        let (Some(d), Some(_)) = (&g.deploy, g.alias_name()) else {
            continue;
        };
        for (hook, r) in d.hooks() {
            if r.name != f.name {
                continue;
            }
            let gid = crate::naming::ids::logical(&g.name);
            let group = format!(
                "arn:${{AWS::Partition}}:codedeploy:${{AWS::Region}}:${{AWS::AccountId}}:deploymentgroup:${{{}}}/*",
                crate::naming::ids::DEPLOY_APPLICATION,
            );
            out.extend(caused(
                vec![
                    stmt(
                        sid(&["Report", &g.name, "Hook"]),
                        &["codedeploy:PutLifecycleEventHookExecutionStatus"],
                        vec![refs::sub(&group)],
                    ),
                    stmt(
                        sid(&["Test", &g.name, "Versions"]),
                        &["lambda:InvokeFunction"],
                        // Its versions, and the function itself: a hook
                        // that passes no qualifier runs `$LATEST`, the code
                        // the new version was published from.
                        vec![
                            refs::sub(&format!("${{{gid}.Arn}}")),
                            refs::sub(&format!("${{{gid}.Arn}}:*")),
                        ],
                    ),
                ],
                r.span,
                format!("{hook} hook of function {}", g.name),
            ));
        }
    }
    out
}

/// The statements of the role CodeDeploy moves a function's alias with,
/// each on this function, its alias, its hooks, its alarms or its topics
/// only (AWS's managed `AWSCodeDeployRoleForLambda` grants the same
/// actions on every resource of the account):
/// - `lambda:GetAlias`, `lambda:UpdateAlias` and
///   `lambda:GetProvisionedConcurrencyConfig` on the function and its
///   alias: CodeDeploy reads the alias, weights it between the two
///   versions step by step, and waits for provisioned concurrency;
/// - `lambda:InvokeFunction` on each hook function;
/// - `cloudwatch:DescribeAlarms` on each rollback alarm;
/// - `sns:Publish` on each `deploy_notify` topic (and the app's key for
///   the topics it encrypts).
pub fn deploy_statements(model: &Model, f: &Function) -> Vec<Statement> {
    let (Some(d), Some(alias)) = (&f.deploy, f.alias_name()) else {
        return Vec::new();
    };
    let fid = crate::naming::ids::logical(&f.name);
    let mut out = caused(
        vec![stmt(
            sid(&["Shift", &f.name, "Alias"]),
            &[
                "lambda:GetAlias",
                "lambda:GetProvisionedConcurrencyConfig",
                "lambda:UpdateAlias",
            ],
            vec![
                refs::get_att(&fid, "Arn"),
                refs::sub(&format!("${{{fid}.Arn}}:{alias}")),
            ],
        )],
        d.span,
        format!("CodeDeploy moves the alias {alias} of function {}", f.name),
    );
    for (hook, r) in d.hooks() {
        out.extend(caused(
            vec![stmt(
                sid(&["Invoke", &r.name, "Hook"]),
                &["lambda:InvokeFunction"],
                vec![refs::get_att(&crate::naming::ids::logical(&r.name), "Arn")],
            )],
            r.span,
            format!("{hook} hook {}", r.name),
        ));
    }
    // `rollback_on`, then the SLO alarms of the function and its routes
    // (by name: see `observe::rollback_ids`).
    let mut alarms: Vec<Json> = d
        .rollback_on
        .iter()
        .map(|a| refs::get_att(&crate::naming::ids::logical(&a.name), "Arn"))
        .collect();
    for (_, name) in crate::observe::rollback_ids(model, f) {
        alarms.push(refs::sub(&format!(
            "arn:${{AWS::Partition}}:cloudwatch:${{AWS::Region}}:${{AWS::AccountId}}:alarm:${{AWS::StackName}}-{name}"
        )));
    }
    if !alarms.is_empty() {
        let (span, why) = match d.rollback_on.first() {
            Some(a) => (a.span, "rollback_on".to_string()),
            None => (
                model.observe.slos.get(&f.name).map_or(d.span, |s| s.span),
                "slo".to_string(),
            ),
        };
        out.extend(caused(
            vec![stmt(
                "ReadRollbackAlarms".into(),
                &["cloudwatch:DescribeAlarms"],
                alarms,
            )],
            span,
            why,
        ));
    }
    for t in &d.notify {
        out.extend(caused(
            vec![stmt(
                sid(&["Notify", &t.name]),
                &["sns:Publish"],
                vec![refs::arn(model, DeclKind::Topic, &t.name)],
            )],
            t.span,
            format!("deploy_notify {}", t.name),
        ));
        if model.customer_key && !model.outside(t) {
            out.extend(caused(
                vec![stmt(
                    "EncryptWithAppKey".into(),
                    &["kms:GenerateDataKey", "kms:Decrypt"],
                    vec![refs::get_att(crate::naming::KEY, "Arn")],
                )],
                t.span,
                format!("deploy_notify {} (encrypted with the app's key)", t.name),
            ));
        }
    }
    dedup(out)
}

/// The escape hatch: one statement per `allow`, exactly what the user
/// wrote, resources as given (`Allow1`, `Allow2`, ...).
fn allow_statements(allows: &[Allow]) -> Vec<Statement> {
    let mut out = Vec::new();
    for (i, a) in allows.iter().enumerate() {
        let actions: Vec<&str> = a.actions.iter().map(|s| s.value.as_str()).collect();
        // `${AWS::Region}` and other pseudo-parameters work as in `Fn::Sub`.
        let resources = a
            .resources
            .iter()
            .map(|r| {
                if r.value.contains("${") {
                    refs::sub(&r.value)
                } else {
                    json!(r.value)
                }
            })
            .collect();
        let cause = a.actions.first().map_or(a.span, |x| x.span);
        let mut statement = stmt(format!("Allow{}", i + 1), &actions, resources);
        // A finding on one action or resource lands on that string.
        statement.parts = (a.actions.iter().enumerate())
            .map(|(j, x)| (format!("Action/{j}"), x.span))
            .chain((a.resources.iter().enumerate()).map(|(j, x)| (format!("Resource/{j}"), x.span)))
            .collect();
        if let Some(first) = a.resources.first() {
            statement.parts.push(("Resource".into(), first.span));
        }
        if let Some(first) = a.actions.first() {
            statement.parts.push(("Action".into(), first.span));
        }
        out.extend(caused(
            vec![statement],
            cause,
            match &a.acknowledged {
                Some(why) => format!("allow {} (acknowledged: {why})", actions.join(", ")),
                None => format!("allow {}", actions.join(", ")),
            },
        ));
    }
    out
}

/// What a function needs of the app's KMS key: to encrypt what it sends or
/// publishes (and its async failures), to decrypt what it consumes and its
/// own environment. Tables, log groups and service deliveries use the key
/// through grants and the key policy, not the role.
fn app_key(model: &Model, f: &Function) -> Vec<Statement> {
    if !model.customer_key {
        return Vec::new();
    }
    let key = || vec![crate::naming::refs::get_att(crate::naming::KEY, "Arn")];
    let write: &[&str] = &["kms:GenerateDataKey", "kms:Decrypt"];
    // A queue or topic given by `arn` is encrypted (or not) by its owner's
    // key.
    let foreign = |r: &Ref| model.outside(r);
    let mut out = Vec::new();
    for a in &f.access {
        let kinesis = a.verb == VerbKind::Writes && a.target.kind == DeclKind::Stream;
        if (matches!(a.verb, VerbKind::SendsTo | VerbKind::PublishesTo) || kinesis)
            && !foreign(&a.target)
        {
            out.extend(caused(
                vec![stmt("EncryptWithAppKey".into(), write, key())],
                a.target.span,
                format!(
                    "{} {} (encrypted with the app's key)",
                    a.verb.text(),
                    a.target.name
                ),
            ));
        }
    }
    for d in f.destinations() {
        if matches!(d.to.kind, DeclKind::Queue | DeclKind::Topic) && !foreign(d.to) {
            out.extend(caused(
                vec![stmt("EncryptWithAppKey".into(), write, key())],
                d.to.span,
                format!("{} (encrypted with the app's key)", destination_cause(d)),
            ));
        }
    }
    for t in &f.triggers {
        let source = match t {
            Trigger::Queue { queue, .. } => queue,
            Trigger::Stream { source, .. } if source.kind == DeclKind::Stream => source,
            _ => continue,
        };
        out.extend(caused(
            vec![stmt("DecryptWithAppKey".into(), &["kms:Decrypt"], key())],
            source.span,
            format!("on {} (encrypted with the app's key)", source.name),
        ));
    }
    if let Some((k, _)) = f.env.first() {
        out.extend(caused(
            vec![stmt("DecryptWithAppKey".into(), &["kms:Decrypt"], key())],
            k.span,
            format!("env {} (encrypted with the app's key)", k.value),
        ));
    }
    out
}

/// Every statement of a schedule's role: invoke its function, and send to
/// its dead-letter queue (encrypting with the app's key).
pub fn schedule_statements(model: &Model, s: &Schedule) -> Vec<Statement> {
    let start = if s.target.kind == DeclKind::StateMachine {
        stmt(
            sid(&["Start", &s.target.name]),
            &["states:StartExecution"],
            vec![refs::arn(model, DeclKind::StateMachine, &s.target.name)],
        )
    } else {
        stmt(
            sid(&["Invoke", &s.target.name]),
            &["lambda:InvokeFunction"],
            vec![refs::Invoked::of(model, &s.target.name).arn()],
        )
    };
    let mut out = caused(
        vec![start],
        s.target.span,
        format!("schedule {} -> {}", s.name, s.target.name),
    );
    if let Some(d) = &s.dead_letter {
        out.extend(caused(
            vec![stmt(
                sid(&["SendDeadLetters", &d.name]),
                &["sqs:SendMessage"],
                vec![refs::arn(model, d.kind, &d.name)],
            )],
            d.span,
            format!("dead_letter = {}", d.name),
        ));
        if model.customer_key && !model.outside(d) {
            out.extend(caused(
                vec![stmt(
                    "EncryptWithAppKey".into(),
                    &["kms:GenerateDataKey", "kms:Decrypt"],
                    vec![refs::get_att(crate::naming::KEY, "Arn")],
                )],
                d.span,
                format!("dead_letter = {} (encrypted with the app's key)", d.name),
            ));
        }
    }
    out
}

/// Every statement of a state machine's role: exactly the actions its Task
/// states call, on the declarations they name (a function's versions and
/// aliases too, a `.sync` child's executions and the managed rule Step
/// Functions watches them with), the app's key for encrypted queues and
/// topics, and log delivery when it logs.
pub fn state_machine_statements(model: &Model, m: &StateMachine) -> Vec<Statement> {
    let mut out = Vec::new();
    // One statement per target (and what of it), with the actions of every
    // task naming it.
    type Called<'a> = (
        &'a Ref,
        TaskOn,
        Vec<String>,
        Vec<&'a str>,
        bool,
        Vec<&'a str>,
    );
    let mut targets: Vec<Called> = Vec::new();
    for t in &m.tasks {
        match targets
            .iter_mut()
            .find(|(r, on, ..)| r.name == t.target.name && *on == t.on)
        {
            Some((_, _, actions, states, sync, indexes)) => {
                for a in &t.actions {
                    if !actions.contains(a) {
                        actions.push(a.clone());
                    }
                }
                states.push(&t.state);
                *sync |= t.sync;
                if let Some(i) = &t.index {
                    if !indexes.contains(&i.as_str()) {
                        indexes.push(i);
                    }
                }
            }
            None => targets.push((
                &t.target,
                t.on,
                t.actions.clone(),
                vec![&t.state],
                t.sync,
                t.index.iter().map(String::as_str).collect(),
            )),
        }
    }
    let mut encrypted = None;
    for (target, on, actions, states, sync, indexes) in targets {
        let name = &target.name;
        let actions: Vec<&str> = actions.iter().map(String::as_str).collect();
        let because = format!(
            "state machine {} task {} calls {name}",
            m.name,
            states.join(", ")
        );
        let mut list = Vec::new();
        let id = crate::naming::ids::logical(name);
        match on {
            TaskOn::Itself => {}
            // Scheduler authorizes schedule actions on the schedules of the
            // group, by name.
            TaskOn::Schedules => {
                list.push(stmt(
                    sid(&["Schedules", name]),
                    &actions,
                    vec![refs::sub(&format!(
                        "arn:${{AWS::Partition}}:scheduler:${{AWS::Region}}:${{AWS::AccountId}}:schedule/${{{id}}}/*"
                    ))],
                ));
                out.extend(caused(list, target.span, because));
                continue;
            }
            // The group's role, to Scheduler only.
            TaskOn::Role => {
                let mut pass = stmt(
                    sid(&["Pass", name, "Role"]),
                    &actions,
                    vec![refs::get_att(&crate::naming::ids::role(name), "Arn")],
                );
                pass.condition = Some(json!({
                    "StringEquals": { "iam:PassedToService": "scheduler.amazonaws.com" }
                }));
                out.extend(caused(vec![pass], target.span, because));
                continue;
            }
        }
        let resources = match target.kind {
            DeclKind::Function => {
                vec![
                    refs::attr(DeclKind::Function, name, Attr::Arn),
                    refs::sub(&format!("${{{id}.Arn}}:*")),
                ]
            }
            // A query or scan of an index is authorized on the index's ARN.
            kind => std::iter::once(refs::arn(model, kind, name))
                .chain(indexes.iter().map(|i| {
                    refs::sub(&format!(
                        "${{{}.Arn}}/index/{i}",
                        crate::naming::ids::logical(name)
                    ))
                }))
                .collect(),
        };
        let verb = match target.kind {
            DeclKind::Function => "Invoke",
            DeclKind::StateMachine => "Start",
            DeclKind::Queue => "Send",
            DeclKind::Topic => "Publish",
            DeclKind::Bus => "PutEvents",
            _ => "Use",
        };
        list.push(stmt(sid(&[verb, name]), &actions, resources));
        if sync {
            list.push(stmt(
                sid(&["Watch", name]),
                &["states:DescribeExecution", "states:StopExecution"],
                vec![refs::sub(&format!(
                    "arn:${{AWS::Partition}}:states:${{AWS::Region}}:${{AWS::AccountId}}:execution:${{{id}.Name}}:*"
                ))],
            ));
            list.push(stmt(
                "ManagedExecutionRule".into(),
                &["events:PutTargets", "events:PutRule", "events:DescribeRule"],
                vec![refs::sub(
                    "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule",
                )],
            ));
        }
        if matches!(target.kind, DeclKind::Queue | DeclKind::Topic)
            && model.customer_key
            && !model.outside(target)
        {
            encrypted.get_or_insert((target.span, name.clone()));
        }
        out.extend(caused(list, target.span, because));
    }
    if let Some((span, name)) = encrypted {
        out.extend(caused(
            vec![stmt(
                "EncryptWithAppKey".into(),
                &["kms:GenerateDataKey", "kms:Decrypt"],
                vec![refs::get_att(crate::naming::KEY, "Arn")],
            )],
            span,
            format!(
                "state machine {} sends to {name} (encrypted with the app's key)",
                m.name
            ),
        ));
    }
    if m.log_level.value != "OFF" {
        // Step Functions sets up log delivery through CloudWatch Logs'
        // vended-logs API, whose actions support no resource-level
        // permissions: AWS documents them on `*` only
        // (https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html).
        out.extend(caused(
            vec![stmt(
                "DeliverLogs".into(),
                &[
                    "logs:CreateLogDelivery",
                    "logs:GetLogDelivery",
                    "logs:UpdateLogDelivery",
                    "logs:DeleteLogDelivery",
                    "logs:ListLogDeliveries",
                    "logs:PutResourcePolicy",
                    "logs:DescribeResourcePolicies",
                    "logs:DescribeLogGroups",
                ],
                vec![json!("*")],
            )],
            m.span,
            format!("state machine {} writes its logs", m.name),
        ));
    }
    out.extend(allow_statements(&m.allows));
    dedup(out)
}

/// Every statement of a rule's role, which EventBridge assumes to put
/// events on the rule's bus targets (another account's or region's bus
/// needs it) and to start its state machine targets.
pub fn rule_statements(model: &Model, r: &Rule) -> Vec<Statement> {
    let mut out = Vec::new();
    for t in r
        .targets
        .iter()
        .filter(|t| t.kind == DeclKind::StateMachine)
    {
        out.extend(caused(
            vec![stmt(
                sid(&["Start", &t.name]),
                &["states:StartExecution"],
                vec![refs::arn(model, DeclKind::StateMachine, &t.name)],
            )],
            t.span,
            format!("rule {} -> state machine {}", r.name, t.name),
        ));
    }
    for t in r.targets.iter().filter(|t| t.kind == DeclKind::Bus) {
        out.extend(caused(
            vec![stmt(
                sid(&["Forward", "to", &t.name]),
                &["events:PutEvents"],
                vec![refs::arn(model, DeclKind::Bus, &t.name)],
            )],
            t.span,
            format!("rule {} -> bus {}", r.name, t.name),
        ));
    }
    out
}

/// Every statement of an API's role, which API Gateway assumes for the
/// routes that send to a service directly: `sqs:SendMessage` on each queue
/// (and the app's key, which encrypts them), `events:PutEvents` on each bus
/// for exactly the events its routes put there, `states:StartExecution`
/// (Standard) or `states:StartSyncExecution` (Express) on each state
/// machine. Empty when every route invokes a function.
pub fn api_statements(model: &Model, api: &Api) -> Vec<Statement> {
    let mut out = Vec::new();
    for route in &api.routes {
        let because = format!("api {} route {}", api.name, route.key());
        match &route.target {
            RouteTarget::Function(_) | RouteTarget::Url(_) => {}
            RouteTarget::Queue { queue, .. } => {
                out.extend(caused(
                    vec![stmt(
                        sid(&["Send", &queue.name]),
                        &["sqs:SendMessage"],
                        vec![refs::arn(model, DeclKind::Queue, &queue.name)],
                    )],
                    queue.span,
                    because.clone(),
                ));
                if model.customer_key {
                    out.extend(caused(
                        vec![stmt(
                            "EncryptWithAppKey".into(),
                            &["kms:GenerateDataKey", "kms:Decrypt"],
                            vec![refs::get_att(crate::naming::KEY, "Arn")],
                        )],
                        queue.span,
                        format!(
                            "{because} (queue {} is encrypted with the app's key)",
                            queue.name
                        ),
                    ));
                }
            }
            RouteTarget::StateMachine { machine, .. } => {
                let express = model
                    .state_machine(&machine.name)
                    .is_some_and(|m| m.express);
                let action = if express {
                    "states:StartSyncExecution"
                } else {
                    "states:StartExecution"
                };
                out.extend(caused(
                    vec![stmt(
                        sid(&["Start", &machine.name]),
                        &[action],
                        vec![refs::arn(model, DeclKind::StateMachine, &machine.name)],
                    )],
                    machine.span,
                    because.clone(),
                ));
            }
            RouteTarget::Bus {
                bus,
                event: Some(event),
            } => {
                let Some(e) = model.event(&event.name) else {
                    continue;
                };
                let mut s = stmt(
                    sid(&["Emit", &e.name, "to", &bus.name]),
                    &["events:PutEvents"],
                    vec![refs::arn(model, DeclKind::Bus, &bus.name)],
                );
                // Only the route's event: its source and detail-type.
                s.condition = Some(json!({
                    "StringEquals": {
                        "events:source": e.source,
                        "events:detail-type": e.detail_type,
                    }
                }));
                out.extend(caused(vec![s], event.span, because));
            }
            RouteTarget::Table { table, action } => {
                let api_action = action.value.api();
                // A query of an index authorizes against the index's ARN.
                let resource = match (&route.mapping.index, action.value) {
                    (Some(index), TableAction::Query) => refs::sub(&format!(
                        "${{{}.Arn}}/index/{}",
                        crate::naming::ids::logical(&table.name),
                        index.value
                    )),
                    _ => refs::arn(model, DeclKind::Table, &table.name),
                };
                out.extend(caused(
                    vec![stmt(
                        sid(&[api_action, &table.name]),
                        &[&format!("dynamodb:{api_action}")],
                        vec![resource],
                    )],
                    action.span,
                    because.clone(),
                ));
            }
            RouteTarget::Bucket { bucket, action } => {
                let (_, iam_action) = action.value.http();
                let prefix = route.mapping.prefix.as_ref().map(|p| p.value.as_str());
                let verb = if action.value == BucketAction::Get {
                    "Read"
                } else {
                    "Write"
                };
                out.extend(caused(
                    vec![stmt(
                        sid(&[verb, "Objects", &bucket.name]),
                        &[iam_action],
                        vec![objects(model, &bucket.name, prefix)],
                    )],
                    action.span,
                    because.clone(),
                ));
            }
            RouteTarget::Bus { bus, event: None } => {
                // Source and detail-type come from the request: only those
                // written as literals can be conditions.
                let mut s = stmt(
                    sid(&["Emit", "to", &bus.name]),
                    &["events:PutEvents"],
                    vec![refs::arn(model, DeclKind::Bus, &bus.name)],
                );
                let mut cond = serde_json::Map::new();
                for (key, m) in [
                    ("events:source", &route.mapping.source),
                    ("events:detail-type", &route.mapping.detail_type),
                ] {
                    if let Some(Mapping::Literal(v, _)) = m {
                        cond.insert(key.into(), v.clone());
                    }
                }
                if !cond.is_empty() {
                    s.condition = Some(json!({ "StringEquals": cond }));
                }
                out.extend(caused(vec![s], bus.span, because));
            }
        }
    }
    dedup(out)
}

/// What the role needs to deliver invocation records to one destination.
fn destination(model: &Model, d: Destination) -> Vec<Statement> {
    let dest = d.to;
    let success = d.kind == DestinationKind::OnSuccess;
    let arn = refs::arn(model, dest.kind, &dest.name);
    let (actions, what): (&[&'static str], &str) = match (dest.kind, success) {
        (DeclKind::Queue, false) => (&["sqs:SendMessage"], "SendFailures"),
        (DeclKind::Queue, true) => (&["sqs:SendMessage"], "SendSuccesses"),
        (DeclKind::Topic, false) => (&["sns:Publish"], "PublishFailures"),
        (DeclKind::Topic, true) => (&["sns:Publish"], "PublishSuccesses"),
        (DeclKind::Function, false) => (&["lambda:InvokeFunction"], "InvokeOnFailure"),
        (DeclKind::Function, true) => (&["lambda:InvokeFunction"], "InvokeOnSuccess"),
        (DeclKind::Bucket, _) => {
            // Lambda writes one object per failed record and lists the
            // bucket first (as `reads` needs ListBucket for missing keys).
            return vec![
                stmt(
                    sid(&["WriteFailures", &dest.name]),
                    &["s3:PutObject"],
                    vec![objects(model, &dest.name, None)],
                ),
                stmt(
                    sid(&["ListFailures", &dest.name]),
                    &["s3:ListBucket"],
                    vec![arn],
                ),
            ];
        }
        (_, false) => (&["events:PutEvents"], "EmitFailures"),
        (_, true) => (&["events:PutEvents"], "EmitSuccesses"),
    };
    vec![stmt(sid(&[what, &dest.name]), actions, vec![arn])]
}

/// The `because` of a destination's statements.
/// The condition under which destination `d` of `f` is chosen: `C` for A
/// and its negation for B in `on_failure = A if C else B`; none for a
/// destination written without `if`.
fn destination_guard(f: &Function, d: Destination) -> Option<String> {
    let (then, cond) = match d.kind {
        DestinationKind::OnSuccess => (&f.on_success, &f.on_success_if),
        DestinationKind::OnFailure => (&f.on_failure, &f.on_failure_if),
        DestinationKind::StreamFailure => return None,
    };
    let c = cond.as_ref()?;
    if then.as_ref().is_some_and(|t| t.span == d.to.span) {
        return Some(c.cond.value.clone());
    }
    c.otherwise
        .as_ref()
        .filter(|o| o.span == d.to.span)
        .map(|_| c.negation.clone())
}

fn destination_cause(d: Destination) -> String {
    match d.kind {
        DestinationKind::OnFailure => format!("on_failure = {}", d.to.name),
        DestinationKind::OnSuccess => format!("on_success = {}", d.to.name),
        DestinationKind::StreamFailure => format!("on_failure = {} (stream trigger)", d.to.name),
    }
}

/// Statements of one access verb.
fn access(model: &Model, a: &Access) -> Vec<Statement> {
    let name = &a.target.name;
    let arn = refs::arn(model, a.target.kind, name);
    // Only bucket verbs carry one (resolve rejects it elsewhere).
    let prefix = a.prefix.as_ref().map(|p| p.value.as_str());
    match (a.verb, a.target.kind) {
        (VerbKind::Reads, DeclKind::Table) => vec![stmt(
            sid(&["Read", name]),
            &[
                "dynamodb:GetItem",
                "dynamodb:BatchGetItem",
                "dynamodb:Query",
                "dynamodb:Scan",
                "dynamodb:DescribeTable",
                "dynamodb:ConditionCheckItem",
            ],
            // Query and Scan on an index authorize against the index ARN:
            // one per declared index, none when the table has no index.
            std::iter::once(arn)
                .chain(model.table(name).into_iter().flat_map(|t| {
                    t.indexes.iter().map(|i| {
                        refs::sub(&format!(
                            "${{{}.Arn}}/index/{}",
                            crate::naming::ids::logical(name),
                            i.name.value
                        ))
                    })
                }))
                .collect(),
        )],
        (VerbKind::Writes, DeclKind::Stream) => vec![stmt(
            sid(&["Write", name]),
            &["kinesis:PutRecord", "kinesis:PutRecords"],
            vec![arn],
        )],
        (VerbKind::Writes, DeclKind::Table) => vec![stmt(
            sid(&["Write", name]),
            &[
                "dynamodb:PutItem",
                "dynamodb:UpdateItem",
                "dynamodb:DeleteItem",
                "dynamodb:BatchWriteItem",
            ],
            vec![arn],
        )],
        (VerbKind::Reads, DeclKind::Secret) => {
            let mut out = vec![stmt(
                sid(&["Read", name]),
                &["secretsmanager:GetSecretValue"],
                vec![arn],
            )];
            if let Some(k) = model.secret(name).and_then(|s| s.kms_key.as_ref()) {
                out.push(stmt(
                    sid(&["Decrypt", name]),
                    &["kms:Decrypt"],
                    vec![json!(k.value)],
                ));
            }
            out
        }
        (VerbKind::Reads, DeclKind::Parameter) => {
            let Some(p) = model.parameter(name) else {
                return Vec::new();
            };
            let mut out = if p.is_path {
                // GetParametersByPath authorizes on the path itself; the
                // parameters under it on their own ARNs.
                // The root path `/` holds every parameter: `parameter/*`.
                let trimmed = p.parameter_name.value.trim_matches('/');
                let under = if trimmed.is_empty() {
                    "*".to_string()
                } else {
                    format!("{trimmed}/*")
                };
                let all = refs::sub(&format!(
                    "arn:${{AWS::Partition}}:ssm:${{AWS::Region}}:${{AWS::AccountId}}:parameter/{under}"
                ));
                vec![
                    stmt(
                        sid(&["ReadPath", name]),
                        &["ssm:GetParametersByPath"],
                        vec![arn],
                    ),
                    stmt(
                        sid(&["Read", name]),
                        &["ssm:GetParameter", "ssm:GetParameters"],
                        vec![all],
                    ),
                ]
            } else {
                vec![stmt(
                    sid(&["Read", name]),
                    &["ssm:GetParameter", "ssm:GetParameters"],
                    vec![arn],
                )]
            };
            if let Some(k) = &p.kms_key {
                out.push(stmt(
                    sid(&["Decrypt", name]),
                    &["kms:Decrypt"],
                    vec![json!(k.value)],
                ));
            }
            out
        }
        (VerbKind::Reads, _) => {
            // Without ListBucket a missing key answers 403 instead of 404;
            // with a prefix, listing is limited to it too.
            let mut list = stmt(sid(&["List", name]), &["s3:ListBucket"], vec![arn]);
            if let Some(p) = prefix {
                list.condition = Some(json!({ "StringLike": { "s3:prefix": [format!("{p}*")] } }));
            }
            vec![
                stmt(
                    sid(&["Read", name, "objects"]),
                    &["s3:GetObject"],
                    vec![objects(model, name, prefix)],
                ),
                list,
            ]
        }
        (VerbKind::Writes, _) => vec![stmt(
            sid(&["Write", name, "objects"]),
            &["s3:PutObject"],
            vec![objects(model, name, prefix)],
        )],
        (VerbKind::Deletes, _) => vec![stmt(
            sid(&["Delete", name, "objects"]),
            &["s3:DeleteObject"],
            vec![objects(model, name, prefix)],
        )],
        (VerbKind::SendsTo, _) => vec![stmt(sid(&["Send", name]), &["sqs:SendMessage"], vec![arn])],
        (VerbKind::PublishesTo, _) => {
            vec![stmt(sid(&["Publish", name]), &["sns:Publish"], vec![arn])]
        }
        (VerbKind::Invokes, _) => {
            // `arn` is the alias of a function with one (`alias`, or `live`
            // with SnapStart), which code should invoke; code that names the
            // function itself (`$LATEST`) is let through too, rather than
            // denied.
            let mut resources = vec![arn];
            if model.function(name).is_some_and(|f| f.alias_name().is_some()) {
                resources.insert(0, refs::attr(DeclKind::Function, name, Attr::Arn));
            }
            vec![stmt(
                sid(&["Invoke", name]),
                &["lambda:InvokeFunction"],
                resources,
            )]
        }
        // Step Functions authorizes task token answers on the state
        // machine that handed the token out.
        // With a fixed name, by the ARN built from it: the state machine's
        // role names the function, which a reference back would make a
        // cycle CloudFormation rejects.
        (VerbKind::Answers, _) => vec![stmt(
            sid(&["Answer", name]),
            &[
                "states:SendTaskSuccess",
                "states:SendTaskFailure",
                "states:SendTaskHeartbeat",
            ],
            vec![match model.physical_name(name) {
                Some(fixed) => refs::sub(&format!(
                    "arn:${{AWS::Partition}}:states:${{AWS::Region}}:${{AWS::AccountId}}:stateMachine:{}",
                    fixed.value
                )),
                None => arn,
            }],
        )],
        (VerbKind::Emits, _) => {
            let Some(event) = a.event.as_ref().and_then(|e| model.event(&e.name)) else {
                return Vec::new();
            };
            let mut s = stmt(
                sid(&["Emit", &event.name, "to", name]),
                &["events:PutEvents"],
                vec![arn],
            );
            // Restrict the bus to exactly the declared events.
            s.condition = Some(json!({
                "StringEquals": {
                    "events:source": event.source,
                    "events:detail-type": event.detail_type,
                }
            }));
            vec![s]
        }
    }
}

/// The ARN of every object in a bucket.
fn objects(model: &Model, bucket: &str, prefix: Option<&str>) -> Json {
    let keys = format!("/{}*", prefix.unwrap_or(""));
    json!({ "Fn::Join": ["", [refs::bucket_arn(model, bucket), keys]] })
}

/// Drops statements identical to an earlier one, and makes sids unique.
fn dedup(list: Vec<Statement>) -> Vec<Statement> {
    let mut out: Vec<Statement> = Vec::new();
    for mut s in list {
        let same = |o: &Statement| {
            o.actions == s.actions && o.resources == s.resources && o.condition == s.condition
        };
        // One that always holds covers one under a condition; two under
        // different conditions are both kept, each under its own.
        if out
            .iter()
            .any(|o| same(o) && (o.only_if.is_none() || o.only_if == s.only_if))
        {
            continue;
        }
        if s.only_if.is_none() {
            if let Some(o) = out.iter_mut().find(|o| same(o)) {
                o.only_if = None;
                continue;
            }
        }
        let base = s.sid.clone();
        let mut n = 2;
        while out.iter().any(|o| o.sid == s.sid) {
            s.sid = format!("{base}{n}");
            n += 1;
        }
        out.push(s);
    }
    out
}
