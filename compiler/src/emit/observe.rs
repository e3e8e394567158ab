//! Alarms and the dashboard (both targets): every [`Watch`] as an
//! `AWS::CloudWatch::Alarm`, and one `AWS::CloudWatch::Dashboard` laid out
//! along the event flow (more when CloudWatch's limits of a dashboard
//! require it).

use super::{shared, Template};
use crate::ast::DeclKind;
use crate::model::*;
use crate::naming::ids::logical;
use crate::naming::refs::{self, get_att, r#ref, sub};
use crate::observe::{CwMetric, DimValue, Measure, Origin, Watch, PERIOD};
use serde_json::{json, Map, Value as Json};

/// CloudWatch's limits of a dashboard: widgets, and metrics over all of
/// them; and the alarms one alarm-status widget shows.
const MAX_WIDGETS: usize = 500;
const MAX_METRICS: usize = 2500;
const ALARMS_PER_WIDGET: usize = 100;

/// The logical ID of the app's (first) dashboard.
pub const DASHBOARD: &str = "Dashboard";

/// A watch as `AWS::CloudWatch::Alarm`.
pub fn alarm(model: &Model, w: &Watch, t: &mut Template) {
    let id = w.id.clone();
    let mut props = json!({});
    match &w.measure {
        Measure::Stat(m, s) => {
            props["Namespace"] = json!(m.namespace);
            props["MetricName"] = json!(m.name);
            props["Dimensions"] = dimensions(m);
            match s {
                Statistic::Percentile(p) => props["ExtendedStatistic"] = json!(p),
                s => props["Statistic"] = json!(statistic(s)),
            }
            props["Period"] = json!(w.period);
        }
        Measure::Rate { part, whole } => {
            let stat = |qid: String, m: &CwMetric| {
                json!({
                    "Id": qid,
                    "MetricStat": {
                        "Metric": {
                            "Namespace": m.namespace,
                            "MetricName": m.name,
                            "Dimensions": dimensions(m),
                        },
                        "Period": w.period,
                        "Stat": "Sum",
                    },
                    "ReturnData": false,
                })
            };
            let mut queries = vec![stat("part".into(), part)];
            let mut total = Vec::new();
            for (i, m) in whole.iter().enumerate() {
                queries.push(stat(format!("whole{i}"), m));
                total.push(format!("FILL(whole{i}, 0)"));
            }
            let total = format!("({})", total.join(" + "));
            queries.push(json!({
                "Id": "rate",
                "Expression": format!("IF({total} > 0, 100 * FILL(part, 0) / {total}, 0)"),
                "Label": format!("{} per 100 requests", part.name),
                "ReturnData": true,
            }));
            props["Metrics"] = Json::Array(queries);
        }
    }
    props["EvaluationPeriods"] = json!(w.evaluation_periods);
    if let Some(d) = w.datapoints {
        props["DatapointsToAlarm"] = json!(d);
    }
    props["Threshold"] = json!(w.threshold);
    props["ComparisonOperator"] = json!(w.comparison.cloudwatch());
    props["TreatMissingData"] = json!(w.missing_data.cloudwatch());
    props["ActionsEnabled"] = json!(true);
    if !w.notify.is_empty() {
        let topics: Vec<Json> = w
            .notify
            .iter()
            .map(|r| refs::arn(model, DeclKind::Topic, &r.name))
            .collect();
        props["AlarmActions"] = json!(topics);
        t.prop(&id, "AlarmActions", w.notify[0].span);
    }
    t.prop(&id, "Threshold", w.threshold_span);
    match &w.name {
        Some(name) => {
            props["AlarmName"] = sub(&format!("${{AWS::StackName}}-{name}"));
            t.prop(&id, "AlarmName", w.span);
        }
        None => shared::physical_name(model, &w.owner, &id, "AlarmName", &mut props, t),
    }
    match (&w.origin, model.description(&w.owner)) {
        (Origin::Declared, Some(d)) => {
            props["AlarmDescription"] = shared::text(&d.value);
            t.prop(&id, "AlarmDescription", d.span);
        }
        (Origin::Declared, None) => {}
        _ => props["AlarmDescription"] = json!(w.description),
    }
    t.add(
        id,
        json!({ "Type": "AWS::CloudWatch::Alarm", "Properties": props }),
    );
}

/// CloudWatch's name of a statistic.
fn statistic(s: &Statistic) -> &'static str {
    match s {
        Statistic::Sum => "Sum",
        Statistic::Average => "Average",
        Statistic::Minimum => "Minimum",
        Statistic::Maximum => "Maximum",
        Statistic::SampleCount => "SampleCount",
        Statistic::Percentile(_) => "",
    }
}

fn dimensions(m: &CwMetric) -> Json {
    Json::Array(
        m.dimensions
            .iter()
            .map(|(name, v)| json!({ "Name": name, "Value": dim_value(v) }))
            .collect(),
    )
}

fn dim_value(v: &DimValue) -> Json {
    match v {
        DimValue::Ref(id) => r#ref(id),
        DimValue::Attr(id, attr) => get_att(id, attr),
        DimValue::Text(s) => refs::text(s),
        DimValue::Sub(s) => sub(s),
        DimValue::RuleName { rule, custom_bus } => rule_name(rule, *custom_bus),
    }
}

/// A rule's name from its ARN (`...:rule/NAME`, `...:rule/BUS/NAME`).
fn rule_name(rule: &str, custom_bus: bool) -> Json {
    json!({ "Fn::Select": [if custom_bus { 2 } else { 1 }, { "Fn::Split": ["/", get_att(rule, "Arn")] }] })
}

/// A dimension's value inside the dashboard's `Fn::Sub` text; a rule's
/// name is a variable of the `Fn::Sub`.
fn sub_value(v: &DimValue, vars: &mut Map<String, Json>) -> String {
    match v {
        DimValue::Ref(id) => format!("${{{id}}}"),
        DimValue::Attr(id, attr) => format!("${{{id}.{attr}}}"),
        DimValue::Sub(s) => s.clone(),
        DimValue::Text(s) => match refs::text(s) {
            Json::String(plain) => plain.replace("${", "${!"),
            other => match other.get("Fn::Sub") {
                Some(Json::String(inner)) => inner.clone(),
                _ => s.replace("${", "${!"),
            },
        },
        DimValue::RuleName { rule, custom_bus } => {
            let var = format!("{rule}Name");
            vars.insert(var.clone(), rule_name(rule, *custom_bus));
            format!("${{{var}}}")
        }
    }
}

/// One graph of the dashboard: a declaration's key metrics.
struct Graph {
    title: String,
    metrics: Vec<(CwMetric, &'static str)>,
}

/// The rank of a declaration along the event flow: entry points (APIs,
/// schedules, functions nothing in the app invokes), then what carries
/// events (rules, topics, queues, streams, state machines), then the
/// functions they drive, then where failures go.
fn graphs(model: &Model) -> Vec<Vec<Graph>> {
    let dead = crate::observe::dead_letter_queues(model);
    let driven = driven_functions(model);
    let mut ranks: Vec<Vec<Graph>> = (0..4).map(|_| Vec::new()).collect();
    let mut schedules = false;
    for &(kind, i) in &model.order {
        let Some(name) = model.name_of(kind, i) else {
            continue;
        };
        // A declaration under a condition may not exist: the dashboard
        // names only what always does.
        if model.when_of(name).is_some() {
            continue;
        }
        let m =
            |ns: &'static str, metric: &'static str, dims: &[(&'static str, DimValue)]| CwMetric {
                namespace: ns,
                name: metric,
                dimensions: dims.to_vec(),
            };
        match kind {
            DeclKind::Api => {
                let api = &model.apis[i];
                let dims = if api.rest {
                    vec![
                        (
                            "ApiName",
                            DimValue::Sub(format!("${{AWS::StackName}}-{}", api.name)),
                        ),
                        ("Stage", DimValue::Text(api.stage.value.clone())),
                    ]
                } else {
                    vec![("ApiId", DimValue::Ref(logical(&api.name)))]
                };
                let (e4, e5) = if api.rest {
                    ("4XXError", "5XXError")
                } else {
                    ("4xx", "5xx")
                };
                ranks[0].push(Graph {
                    title: format!("API {}", api.name),
                    metrics: vec![
                        (m("AWS/ApiGateway", "Count", &dims), "Sum"),
                        (m("AWS/ApiGateway", e4, &dims), "Sum"),
                        (m("AWS/ApiGateway", e5, &dims), "Sum"),
                        (m("AWS/ApiGateway", "Latency", &dims), "p99"),
                    ],
                });
            }
            DeclKind::Schedule if !schedules => {
                schedules = true;
                let dims = [("ScheduleGroup", DimValue::Text("default".into()))];
                ranks[0].push(Graph {
                    title: "Schedules (group default)".into(),
                    metrics: vec![
                        (m("AWS/Scheduler", "InvocationAttemptCount", &dims), "Sum"),
                        (m("AWS/Scheduler", "TargetErrorCount", &dims), "Sum"),
                        (m("AWS/Scheduler", "InvocationDroppedCount", &dims), "Sum"),
                    ],
                });
            }
            DeclKind::Rule => {
                let r = &model.rules[i];
                let mut dims = vec![(
                    "RuleName",
                    DimValue::RuleName {
                        rule: logical(&r.name),
                        custom_bus: r.bus.is_some(),
                    },
                )];
                if let Some(b) = &r.bus {
                    dims.insert(0, ("EventBusName", DimValue::Ref(logical(&b.name))));
                }
                ranks[1].push(Graph {
                    title: format!("Rule {}", r.name),
                    metrics: vec![
                        (m("AWS/Events", "TriggeredRules", &dims), "Sum"),
                        (m("AWS/Events", "Invocations", &dims), "Sum"),
                        (m("AWS/Events", "FailedInvocations", &dims), "Sum"),
                    ],
                });
            }
            DeclKind::Topic if model.topics[i].arn.is_none() => {
                let dims = [("TopicName", DimValue::Attr(logical(name), "TopicName"))];
                ranks[1].push(Graph {
                    title: format!("Topic {name}"),
                    metrics: vec![
                        (m("AWS/SNS", "NumberOfMessagesPublished", &dims), "Sum"),
                        (m("AWS/SNS", "NumberOfNotificationsDelivered", &dims), "Sum"),
                        (m("AWS/SNS", "NumberOfNotificationsFailed", &dims), "Sum"),
                    ],
                });
            }
            DeclKind::Queue if model.queues[i].arn.is_none() => {
                let dims = [("QueueName", DimValue::Attr(logical(name), "QueueName"))];
                let rank = if dead.contains(name) { 3 } else { 1 };
                let what = if rank == 3 {
                    "Dead-letter queue"
                } else {
                    "Queue"
                };
                ranks[rank].push(Graph {
                    title: format!("{what} {name}"),
                    metrics: vec![
                        (m("AWS/SQS", "NumberOfMessagesSent", &dims), "Sum"),
                        (
                            m("AWS/SQS", "ApproximateNumberOfMessagesVisible", &dims),
                            "Maximum",
                        ),
                        (
                            m("AWS/SQS", "ApproximateAgeOfOldestMessage", &dims),
                            "Maximum",
                        ),
                    ],
                });
            }
            DeclKind::Stream => {
                let dims = [("StreamName", DimValue::Ref(logical(name)))];
                ranks[1].push(Graph {
                    title: format!("Stream {name}"),
                    metrics: vec![
                        (m("AWS/Kinesis", "IncomingRecords", &dims), "Sum"),
                        (
                            m("AWS/Kinesis", "GetRecords.IteratorAgeMilliseconds", &dims),
                            "Maximum",
                        ),
                    ],
                });
            }
            DeclKind::StateMachine => {
                let dims = [("StateMachineArn", DimValue::Ref(logical(name)))];
                ranks[1].push(Graph {
                    title: format!("State machine {name}"),
                    metrics: vec![
                        (m("AWS/States", "ExecutionsStarted", &dims), "Sum"),
                        (m("AWS/States", "ExecutionsSucceeded", &dims), "Sum"),
                        (m("AWS/States", "ExecutionsFailed", &dims), "Sum"),
                    ],
                });
            }
            DeclKind::Function => {
                let dims = crate::observe::function_dims(model, name);
                let rank = if driven.contains(name) { 2 } else { 0 };
                ranks[rank].push(Graph {
                    title: format!("Function {name}"),
                    metrics: vec![
                        (m("AWS/Lambda", "Invocations", &dims), "Sum"),
                        (m("AWS/Lambda", "Errors", &dims), "Sum"),
                        (m("AWS/Lambda", "Throttles", &dims), "Sum"),
                        (m("AWS/Lambda", "Duration", &dims), "p99"),
                    ],
                });
            }
            _ => {}
        }
    }
    ranks
}

/// The functions something in the app invokes: a trigger, a route, a
/// rule, a schedule, a pipe, a state machine's task, a user pool.
fn driven_functions(model: &Model) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    for f in &model.functions {
        if !f.triggers.is_empty() {
            out.insert(f.name.clone());
        }
    }
    for api in &model.apis {
        for r in &api.routes {
            if let Some(f) = r.function() {
                out.insert(f.name.clone());
            }
        }
    }
    let targets = model
        .rules
        .iter()
        .flat_map(|r| r.targets.iter())
        .chain(model.schedules.iter().map(|s| &s.target))
        .chain(model.pipes.iter().map(|p| &p.target))
        .chain(model.pipes.iter().filter_map(|p| p.enrichment.as_ref()));
    for t in targets {
        if t.kind == DeclKind::Function {
            out.insert(t.name.clone());
        }
    }
    for p in &model.user_pools {
        for t in &p.triggers {
            out.insert(t.function.name.clone());
        }
    }
    out
}

/// The app's dashboard (more than one when CloudWatch's limits of a
/// dashboard need it): the status of its alarms on top, then one graph
/// per declaration, a row per step of the event flow.
pub fn dashboards(model: &Model, watches: &[Watch], t: &mut Template) {
    if model.observe.dashboard_off.is_some() {
        return;
    }
    let ranks = graphs(model);
    let alarms: Vec<&Watch> = watches
        .iter()
        .filter(|w| model.when_of(&w.owner).is_none())
        .collect();
    if ranks.iter().all(|r| r.is_empty()) && alarms.is_empty() {
        return;
    }
    let mut pages: Vec<Vec<Json>> = vec![Vec::new()];
    let mut metrics = 0;
    // The `Fn::Sub` variables of each dashboard (rules' names).
    let mut vars: Vec<Map<String, Json>> = vec![Map::new()];
    let mut y = 0;
    for chunk in alarms.chunks(ALARMS_PER_WIDGET) {
        let arns: Vec<String> = chunk
            .iter()
            .map(|w| {
                format!(
                    "arn:${{AWS::Partition}}:cloudwatch:${{AWS::Region}}:${{AWS::AccountId}}:alarm:${{{}}}",
                    w.id
                )
            })
            .collect();
        let height = 2 + (chunk.len() as u64).div_ceil(4);
        pages[0].push(json!({
            "type": "alarm",
            "x": 0,
            "y": y,
            "width": 24,
            "height": height,
            "properties": { "title": "Alarms", "alarms": arns, "sortBy": "stateUpdatedTimestamp" },
        }));
        y += height;
    }
    for rank in &ranks {
        for (n, g) in rank.iter().enumerate() {
            if pages
                .last()
                .is_some_and(|p| p.len() >= MAX_WIDGETS || metrics + g.metrics.len() > MAX_METRICS)
            {
                pages.push(Vec::new());
                vars.push(Map::new());
                metrics = 0;
                y = 0;
            }
            let x = (n % 3) * 8;
            if n > 0 && x == 0 {
                y += 6;
            }
            let page_vars = vars.last_mut().expect("a page");
            let lines: Vec<Json> = g
                .metrics
                .iter()
                .map(|(m, stat)| {
                    let mut line = vec![json!(m.namespace), json!(m.name)];
                    for (name, v) in &m.dimensions {
                        line.push(json!(name));
                        line.push(json!(sub_value(v, page_vars)));
                    }
                    line.push(json!({ "stat": stat, "label": format!("{} ({stat})", m.name) }));
                    Json::Array(line)
                })
                .collect();
            metrics += lines.len();
            if let Some(page) = pages.last_mut() {
                page.push(json!({
                    "type": "metric",
                    "x": x,
                    "y": y,
                    "width": 8,
                    "height": 6,
                    "properties": {
                        "title": g.title,
                        "region": "${AWS::Region}",
                        "view": "timeSeries",
                        "period": PERIOD,
                        "metrics": lines,
                    },
                }));
            }
        }
        if !rank.is_empty() {
            y += 6;
        }
    }
    for (i, (widgets, used)) in pages.into_iter().zip(vars).enumerate() {
        let body = json!({ "start": "-PT6H", "periodOverride": "inherit", "widgets": widgets });
        let text = body.to_string();
        let id = if i == 0 {
            DASHBOARD.to_string()
        } else {
            format!("{DASHBOARD}{}", i + 1)
        };
        let suffix = if i == 0 {
            String::new()
        } else {
            format!("-{}", i + 1)
        };
        let body = if used.is_empty() {
            json!({ "Fn::Sub": text })
        } else {
            json!({ "Fn::Sub": [text, used] })
        };
        t.add(
            id,
            json!({
                "Type": "AWS::CloudWatch::Dashboard",
                "Properties": {
                    "DashboardName": sub(&format!("${{AWS::StackName}}-${{AWS::Region}}{suffix}")),
                    "DashboardBody": body,
                },
            }),
        );
    }
}

/// The number of dashboards [`dashboards`] writes (for `count`), from
/// how many widgets and metrics each page takes, without writing them:
/// `check` counts resources without building the template.
pub fn dashboard_count(model: &Model, watches: &[Watch]) -> usize {
    if model.observe.dashboard_off.is_some() {
        return 0;
    }
    let ranks = graphs(model);
    let alarms = watches
        .iter()
        .filter(|w| model.when_of(&w.owner).is_none())
        .count();
    if ranks.iter().all(|r| r.is_empty()) && alarms == 0 {
        return 0;
    }
    // The same page breaks as `dashboards`: the alarm widgets on the first
    // page, then a new page when one is full.
    let mut pages = 1;
    let mut widgets = alarms.div_ceil(ALARMS_PER_WIDGET);
    let mut metrics = 0;
    for g in ranks.iter().flatten() {
        if widgets >= MAX_WIDGETS || metrics + g.metrics.len() > MAX_METRICS {
            pages += 1;
            widgets = 0;
            metrics = 0;
        }
        widgets += 1;
        metrics += g.metrics.len();
    }
    pages
}
