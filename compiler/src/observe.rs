//! Alarms and the dashboard, derived from a checked model.
//!
//! Every alarm of the app is a [`Watch`]: the ones the app gets by default
//! (an operator's first alarms, from what each declaration is: a function's
//! errors, a dead-letter queue that is not empty, ...), the ones its
//! `slo { ... }` objectives become, and its `alarm` declarations. `emit`
//! writes each the same way (`AWS::CloudWatch::Alarm`), `check` counts
//! them, and a traffic-shifting deployment rolls back on the SLO alarms of
//! its function and of the routes it serves. The defaults and why are in
//! `docs/observability.md`.

use crate::ast::DeclKind;
pub use crate::model::PERIOD;
use crate::model::*;
use crate::naming::ids::logical;
use crate::source::Span;

/// The longest API Gateway waits for an integration, in milliseconds:
/// HTTP APIs 30 s, REST APIs 29 s.
const HTTP_INTEGRATION_MS: f64 = 30_000.0;
const REST_INTEGRATION_MS: f64 = 29_000.0;

/// A CloudWatch alarm of the app.
#[derive(Debug, Clone, PartialEq)]
pub struct Watch {
    /// Its logical ID.
    pub id: String,
    /// The end of its `AlarmName` after the stack's name
    /// (`${AWS::StackName}-Orders-errors`), so that one policy statement
    /// on the stack's prefix lets every alarm publish to a topic; None for
    /// a declared alarm, whose name is its own (`name = ...`) or
    /// CloudFormation's (which starts with the stack's name too).
    pub name: Option<String>,
    /// The declaration it belongs to: it exists under its condition, and
    /// is emitted after it.
    pub owner: String,
    /// Where it comes from.
    pub origin: Origin,
    /// What it measures.
    pub measure: Measure,
    /// The threshold, in the measure's unit (percent for a rate).
    pub threshold: f64,
    /// How the threshold compares.
    pub comparison: Comparison,
    /// The period in seconds.
    pub period: u64,
    /// The number of periods evaluated.
    pub evaluation_periods: u64,
    /// How many of them must breach (all when None).
    pub datapoints: Option<u64>,
    /// What a period without data counts as.
    pub missing_data: MissingData,
    /// The topics it publishes to.
    pub notify: Vec<Ref>,
    /// Where it is written: the setting, the objective, or the
    /// declaration that gets it by default.
    pub span: Span,
    /// Where its threshold is written, when it is.
    pub threshold_span: Span,
    /// Its `AlarmDescription`.
    pub description: String,
}

/// Where an alarm comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// An `alarm` declaration.
    Declared,
    /// A default alarm `kind` of declaration `decl`.
    Default {
        /// The alarm's kind (`errors`, `age`, ...).
        kind: &'static str,
        /// The declaration.
        decl: String,
    },
    /// An objective of an `slo`.
    Slo {
        /// The function, or the route (`Api GET /orders`).
        decl: String,
        /// The objective (`p99`, `errors`).
        objective: String,
    },
}

/// A CloudWatch metric.
#[derive(Debug, Clone, PartialEq)]
pub struct CwMetric {
    /// Its namespace (`AWS/Lambda`).
    pub namespace: &'static str,
    /// Its name (`Errors`).
    pub name: &'static str,
    /// Its dimensions.
    pub dimensions: Vec<(&'static str, DimValue)>,
}

/// The value of a dimension.
#[derive(Debug, Clone, PartialEq)]
pub enum DimValue {
    /// `Ref` of a logical ID (a function's name, an API's ID, a state
    /// machine's ARN, a bus's name).
    Ref(String),
    /// `Fn::GetAtt` of a logical ID (a queue's `QueueName`, a topic's
    /// `TopicName`).
    Attr(String, &'static str),
    /// Text as the spec writes it (it may name parameters: `${Env}`).
    Text(String),
    /// `Fn::Sub` text naming logical IDs (`${Orders}:live`).
    Sub(String),
    /// A rule's name: the last part of its ARN (`Ref` of a rule on a
    /// custom bus is `bus|rule`).
    RuleName {
        /// The rule's logical ID.
        rule: String,
        /// Whether it is on a custom bus (its ARN has the bus's name).
        custom_bus: bool,
    },
}

/// What an alarm measures.
#[derive(Debug, Clone, PartialEq)]
pub enum Measure {
    /// A statistic of one metric.
    Stat(CwMetric, Statistic),
    /// A rate in percent: the sum of `part` over the sum of `whole` (metric
    /// math; 0 without traffic).
    Rate {
        /// What failed.
        part: CwMetric,
        /// Everything (summed).
        whole: Vec<CwMetric>,
    },
}

/// The parts of the app's alarms: whether defaults are on, and whom they
/// notify.
struct App<'a> {
    model: &'a Model,
    on: bool,
}

impl App<'_> {
    /// The settings of declaration `decl` for `kind`: None when it is off,
    /// else the threshold (its own or the default) and where it is written.
    fn setting(&self, decl: &str, span: Span, kind: &'static str) -> Option<(Threshold, Span)> {
        if !self.on {
            return None;
        }
        let settings = self.model.observe.settings.get(decl);
        if settings.is_some_and(|s| s.off.is_some()) {
            return None;
        }
        match settings.and_then(|s| s.kind(kind)) {
            Some(KindSetting::Off(_)) => None,
            Some(KindSetting::Threshold(t)) => Some((t.value, t.span)),
            None => Some((default_threshold(kind), span)),
        }
    }
}

/// Every alarm of the app, in the order `emit` writes them: after each
/// declaration, its default and SLO alarms (a route's after its API),
/// then the declared alarms where they are declared.
pub fn watches(model: &Model) -> Vec<Watch> {
    let app = App {
        model,
        on: model.observe.off.is_none(),
    };
    let mut out = Vec::new();
    let dead_letters = dead_letter_queues(model);
    let consumed = consumed_queues(model);
    let mut schedules_done = false;
    for &(kind, i) in &model.order {
        match kind {
            DeclKind::Function => function(&app, &model.functions[i], &mut out),
            DeclKind::Queue => {
                let q = &model.queues[i];
                if q.arn.is_none() {
                    queue(&app, q, &dead_letters, &consumed, &mut out);
                }
            }
            DeclKind::Api => api(&app, &model.apis[i], &mut out),
            DeclKind::Rule => rule(&app, &model.rules[i], &mut out),
            DeclKind::Schedule if !schedules_done => {
                schedules_done = true;
                schedules(&app, &mut out);
            }
            DeclKind::StateMachine => state_machine(&app, &model.state_machines[i], &mut out),
            DeclKind::Alarm => out.push(declared(model, &model.alarms[i])),
            _ => {}
        }
    }
    out
}

/// The watches owned by each declaration, in order.
pub fn by_owner(watches: &[Watch]) -> std::collections::HashMap<&str, Vec<&Watch>> {
    let mut map: std::collections::HashMap<&str, Vec<&Watch>> = Default::default();
    for w in watches {
        map.entry(w.owner.as_str()).or_default().push(w);
    }
    map
}

/// The topics an alarm notifies: its own, else the app's.
fn notify(model: &Model, own: &[Ref]) -> Vec<Ref> {
    if own.is_empty() {
        model.observe.notify.clone()
    } else {
        own.to_vec()
    }
}

/// A default alarm of `decl`.
#[allow(clippy::too_many_arguments)]
fn default_watch(
    app: &App,
    decl: &str,
    kind: &'static str,
    measure: Measure,
    threshold: f64,
    at: Span,
    threshold_span: Span,
    description: String,
) -> Watch {
    Watch {
        id: format!("{}{}Alarm", logical(decl), logical(kind)),
        name: Some(format!("{decl}-{kind}")),
        owner: decl.to_string(),
        origin: Origin::Default {
            kind,
            decl: decl.to_string(),
        },
        measure,
        threshold,
        comparison: Comparison::AtLeast,
        period: PERIOD,
        evaluation_periods: 1,
        datapoints: None,
        missing_data: MissingData::NotBreaching,
        notify: notify(app.model, &[]),
        span: at,
        threshold_span,
        description,
    }
}

fn metric(
    namespace: &'static str,
    name: &'static str,
    dims: &[(&'static str, DimValue)],
) -> CwMetric {
    CwMetric {
        namespace,
        name,
        dimensions: dims.to_vec(),
    }
}

/// A function's dimensions: its alias's when it has one (what everything
/// invokes, and what CodeDeploy shifts).
pub fn function_dims(model: &Model, name: &str) -> Vec<(&'static str, DimValue)> {
    let fid = logical(name);
    let mut dims = vec![("FunctionName", DimValue::Ref(fid.clone()))];
    if let Some(alias) = model.function(name).and_then(|f| f.alias_name()) {
        dims.push(("Resource", DimValue::Sub(format!("${{{fid}}}:{alias}"))));
    }
    dims
}

/// A rate or a count of `part` (a count metric of a function, an API).
fn count_or_rate(t: Threshold, part: CwMetric, whole: Vec<CwMetric>) -> (Measure, f64) {
    match t {
        Threshold::Percent(p) => (Measure::Rate { part, whole }, p),
        Threshold::Count(n) | Threshold::Millis(n) => (Measure::Stat(part, Statistic::Sum), n),
    }
}

/// A duration: absolute, or a share of `limit_ms`.
fn millis(t: Threshold, limit_ms: f64) -> f64 {
    match t {
        Threshold::Percent(p) => (limit_ms * p / 100.0).round(),
        Threshold::Millis(m) | Threshold::Count(m) => m,
    }
}

fn function(app: &App, f: &Function, out: &mut Vec<Watch>) {
    let model = app.model;
    let dims = function_dims(model, &f.name);
    let lambda = |name| metric("AWS/Lambda", name, &dims);
    if let Some((t, at)) = app.setting(&f.name, f.span, "errors") {
        let (m, v) = count_or_rate(t, lambda("Errors"), vec![lambda("Invocations")]);
        out.push(default_watch(
            app,
            &f.name,
            "errors",
            m,
            v,
            f.span,
            at,
            format!("Function {}: errors ({}) in 5 minutes", f.name, shown(t)),
        ));
    }
    if let Some((t, at)) = app.setting(&f.name, f.span, "throttles") {
        let whole = vec![lambda("Invocations"), lambda("Throttles")];
        let (m, v) = count_or_rate(t, lambda("Throttles"), whole);
        out.push(default_watch(
            app,
            &f.name,
            "throttles",
            m,
            v,
            f.span,
            at,
            format!(
                "Function {}: throttled invocations ({}) in 5 minutes",
                f.name,
                shown(t)
            ),
        ));
    }
    if let Some((t, at)) = app.setting(&f.name, f.span, "duration") {
        let v = millis(t, (f.timeout.value * 1000) as f64);
        out.push(default_watch(
            app,
            &f.name,
            "duration",
            Measure::Stat(lambda("Duration"), Statistic::Percentile("p99".into())),
            v,
            f.span,
            at,
            format!(
                "Function {}: p99 duration reaches {} of its {} s timeout",
                f.name,
                shown(t),
                f.timeout.value
            ),
        ));
    }
    let streams = f
        .triggers
        .iter()
        .any(|t| matches!(t, Trigger::Stream { .. }));
    if streams {
        if let Some((t, at)) = app.setting(&f.name, f.span, "iterator_age") {
            out.push(default_watch(
                app,
                &f.name,
                "iterator_age",
                Measure::Stat(lambda("IteratorAge"), Statistic::Maximum),
                millis(t, 0.0),
                f.span,
                at,
                format!(
                    "Function {}: its stream records wait {} or more",
                    f.name,
                    shown(t)
                ),
            ));
        }
    }
    if let Some(slo) = model.observe.slos.get(&f.name) {
        let owner = f.name.clone();
        slo_watches(
            app,
            slo,
            &owner,
            &logical(&f.name),
            &f.name,
            &format!("Function {}", f.name),
            SloMetrics {
                latency: lambda("Duration"),
                errors: lambda("Errors"),
                total: lambda("Invocations"),
            },
            out,
        );
    }
}

/// The metrics an SLO is measured on.
struct SloMetrics {
    latency: CwMetric,
    errors: CwMetric,
    total: CwMetric,
}

#[allow(clippy::too_many_arguments)]
fn slo_watches(
    app: &App,
    slo: &Slo,
    owner: &str,
    id: &str,
    name: &str,
    what: &str,
    m: SloMetrics,
    out: &mut Vec<Watch>,
) {
    let base = |objective: &str, measure, threshold, span: Span, description| Watch {
        id: format!("{id}Slo{}Alarm", logical(objective)),
        name: Some(format!("{name}-slo-{objective}")),
        owner: owner.to_string(),
        origin: Origin::Slo {
            decl: what.to_string(),
            objective: objective.to_string(),
        },
        measure,
        threshold,
        comparison: Comparison::Above,
        period: slo.period.value,
        evaluation_periods: 1,
        datapoints: None,
        missing_data: MissingData::NotBreaching,
        notify: notify(app.model, &[]),
        span,
        threshold_span: span,
        description,
    };
    for (word, stat, ms) in &slo.latency {
        out.push(base(
            &word.value,
            Measure::Stat(m.latency.clone(), Statistic::Percentile(stat.clone())),
            ms.value,
            ms.span,
            format!(
                "{what}: SLO {} {} ms over {} s",
                word.value, ms.value, slo.period.value
            ),
        ));
    }
    if let Some(e) = &slo.errors {
        out.push(base(
            "errors",
            Measure::Rate {
                part: m.errors.clone(),
                whole: vec![m.total.clone()],
            },
            e.value,
            e.span,
            format!(
                "{what}: SLO errors {}% over {} s",
                e.value, slo.period.value
            ),
        ));
    }
}

fn queue(
    app: &App,
    q: &Queue,
    dead_letters: &std::collections::HashSet<String>,
    consumed: &std::collections::HashSet<String>,
    out: &mut Vec<Watch>,
) {
    let dims = [("QueueName", DimValue::Attr(logical(&q.name), "QueueName"))];
    if consumed.contains(&q.name) {
        if let Some((t, at)) = app.setting(&q.name, q.span, "age") {
            // SQS reports the age in seconds.
            let v = (millis(t, (q.retention.value * 1000) as f64) / 1000.0).round();
            out.push(default_watch(
                app,
                &q.name,
                "age",
                Measure::Stat(
                    metric("AWS/SQS", "ApproximateAgeOfOldestMessage", &dims),
                    Statistic::Maximum,
                ),
                v,
                q.span,
                at,
                format!(
                    "Queue {}: its oldest message is {} of its retention old",
                    q.name,
                    shown(t)
                ),
            ));
        }
    }
    if dead_letters.contains(&q.name) {
        if let Some((t, at)) = app.setting(&q.name, q.span, "messages") {
            out.push(default_watch(
                app,
                &q.name,
                "messages",
                Measure::Stat(
                    metric("AWS/SQS", "ApproximateNumberOfMessagesVisible", &dims),
                    Statistic::Maximum,
                ),
                count(t),
                q.span,
                at,
                format!("Queue {}: failed messages are waiting in it", q.name),
            ));
        }
    }
}

fn count(t: Threshold) -> f64 {
    match t {
        Threshold::Count(n) | Threshold::Percent(n) | Threshold::Millis(n) => n,
    }
}

/// An API's dimensions for the whole API: HTTP `ApiId`, REST `ApiName`
/// and `Stage`.
fn api_dims(api: &Api) -> Vec<(&'static str, DimValue)> {
    let id = logical(&api.name);
    if api.rest {
        vec![
            (
                "ApiName",
                DimValue::Sub(format!("${{AWS::StackName}}-{}", api.name)),
            ),
            ("Stage", DimValue::Text(api.stage.value.clone())),
        ]
    } else {
        vec![("ApiId", DimValue::Ref(id))]
    }
}

/// API Gateway's metric names: HTTP APIs say `5xx`, REST APIs `5XXError`.
fn server_errors(api: &Api) -> &'static str {
    if api.rest {
        "5XXError"
    } else {
        "5xx"
    }
}

fn api(app: &App, api: &Api, out: &mut Vec<Watch>) {
    let dims = api_dims(api);
    let gw = |name| metric("AWS/ApiGateway", name, &dims);
    if let Some((t, at)) = app.setting(&api.name, api.span, "server_errors") {
        let (m, v) = count_or_rate(t, gw(server_errors(api)), vec![gw("Count")]);
        out.push(default_watch(
            app,
            &api.name,
            "server_errors",
            m,
            v,
            api.span,
            at,
            format!(
                "API {}: 5xx responses ({}) in 5 minutes",
                api.name,
                shown(t)
            ),
        ));
    }
    if let Some((t, at)) = app.setting(&api.name, api.span, "latency") {
        let limit = if api.rest {
            REST_INTEGRATION_MS
        } else {
            HTTP_INTEGRATION_MS
        };
        out.push(default_watch(
            app,
            &api.name,
            "latency",
            Measure::Stat(gw("Latency"), Statistic::Percentile("p99".into())),
            millis(t, limit),
            api.span,
            at,
            format!(
                "API {}: p99 latency reaches {} of the {} s integration timeout",
                api.name,
                shown(t),
                limit / 1000.0
            ),
        ));
    }
    let ids = route_ids(api);
    for (r, rid) in api.routes.iter().zip(&ids) {
        let Some(slo) = &r.slo else { continue };
        let mut dims = dims.clone();
        if api.rest {
            dims.push(("Resource", DimValue::Text(r.path.value.clone())));
            let method = if r.method == "ANY" {
                "ANY"
            } else {
                r.method.as_str()
            };
            dims.push(("Method", DimValue::Text(method.to_string())));
        } else {
            dims.push(("Stage", DimValue::Text(api.stage.value.clone())));
            dims.push(("Route", DimValue::Text(r.key())));
        }
        let gw = |name| metric("AWS/ApiGateway", name, &dims);
        slo_watches(
            app,
            slo,
            &api.name,
            &format!("{}{rid}", logical(&api.name)),
            &format!("{}-{rid}", api.name),
            &format!("Route {} {}", api.name, r.key()),
            SloMetrics {
                latency: gw("Latency"),
                errors: gw(server_errors(api)),
                total: gw("Count"),
            },
            out,
        );
    }
}

/// The logical-ID part of each route of `api`, as `emit` numbers them.
pub fn route_ids(api: &Api) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for route in &api.routes {
        let base = crate::naming::ids::route(&route.method, &route.path.value);
        let mut id = base.clone();
        let mut n = 2;
        while ids.contains(&id) {
            id = format!("{base}{n}");
            n += 1;
        }
        ids.push(id);
    }
    ids
}

fn rule(app: &App, r: &Rule, out: &mut Vec<Watch>) {
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
    if let Some((t, at)) = app.setting(&r.name, r.span, "failed") {
        out.push(default_watch(
            app,
            &r.name,
            "failed",
            Measure::Stat(
                metric("AWS/Events", "FailedInvocations", &dims),
                Statistic::Sum,
            ),
            count(t),
            r.span,
            at,
            format!("Rule {}: deliveries to its targets failed for good", r.name),
        ));
    }
    if r.dead_letter.is_some() {
        if let Some((t, at)) = app.setting(&r.name, r.span, "dead_letter_failed") {
            out.push(default_watch(
                app,
                &r.name,
                "dead_letter_failed",
                Measure::Stat(
                    metric("AWS/Events", "InvocationsFailedToBeSentToDlq", &dims),
                    Statistic::Sum,
                ),
                count(t),
                r.span,
                at,
                format!(
                    "Rule {}: failed events could not reach its dead-letter queue",
                    r.name
                ),
            ));
        }
    }
}

/// The schedules' alarms: Scheduler publishes its metrics per schedule
/// group, and the app's schedules are all in the account's `default`
/// group, so one alarm of each kind covers them all. It belongs to the
/// first schedule; a kind is off when every schedule turns it off, and
/// takes the lowest threshold written.
fn schedules(app: &App, out: &mut Vec<Watch>) {
    let model = app.model;
    let Some(first) = model.schedules.first() else {
        return;
    };
    let dims = [("ScheduleGroup", DimValue::Text("default".into()))];
    let any_dlq = model.schedules.iter().any(|s| s.dead_letter.is_some());
    let kinds: [(&'static str, &'static str, bool, &str); 3] = [
        (
            "target_errors",
            "TargetErrorCount",
            true,
            "their target returned errors",
        ),
        (
            "dropped",
            "InvocationDroppedCount",
            true,
            "invocations dropped after every retry",
        ),
        (
            "dead_letter_failed",
            "InvocationsFailedToBeSentToDeadLetterCount",
            any_dlq,
            "failed invocations could not reach a dead-letter queue",
        ),
    ];
    for (kind, name, applies, what) in kinds {
        if !applies {
            continue;
        }
        let mut best: Option<(f64, Span)> = None;
        for s in &model.schedules {
            if let Some((t, at)) = app.setting(&s.name, s.span, kind) {
                let v = count(t);
                if best.is_none_or(|(b, _)| v < b) {
                    best = Some((v, at));
                }
            }
        }
        let Some((v, at)) = best else { continue };
        let mut w = default_watch(
            app,
            &first.name,
            kind,
            Measure::Stat(metric("AWS/Scheduler", name, &dims), Statistic::Sum),
            v,
            first.span,
            at,
            format!("Schedules (group default): {what}"),
        );
        w.id = format!("Schedules{}Alarm", logical(kind));
        w.name = Some(format!("schedules-{kind}"));
        out.push(w);
    }
}

fn state_machine(app: &App, m: &StateMachine, out: &mut Vec<Watch>) {
    let dims = [("StateMachineArn", DimValue::Ref(logical(&m.name)))];
    if let Some((t, at)) = app.setting(&m.name, m.span, "failed") {
        out.push(default_watch(
            app,
            &m.name,
            "failed",
            Measure::Stat(
                metric("AWS/States", "ExecutionsFailed", &dims),
                Statistic::Sum,
            ),
            count(t),
            m.span,
            at,
            format!("State machine {}: executions failed", m.name),
        ));
    }
}

/// An `alarm` declaration as a watch.
fn declared(model: &Model, a: &Alarm) -> Watch {
    let dims = function_dims(model, &a.function.name);
    Watch {
        id: logical(&a.name),
        name: None,
        owner: a.name.clone(),
        origin: Origin::Declared,
        measure: Measure::Stat(
            metric("AWS/Lambda", a.metric.value.cloudwatch(), &dims),
            a.statistic.value.clone(),
        ),
        threshold: a.threshold.value,
        comparison: a.comparison,
        period: a.period.value,
        evaluation_periods: a.evaluation_periods.value,
        datapoints: a.datapoints.as_ref().map(|d| d.value),
        missing_data: a.missing_data,
        notify: notify(model, &a.notify),
        span: a.span,
        threshold_span: a.threshold.span,
        description: String::new(),
    }
}

/// A threshold as the description shows it.
fn shown(t: Threshold) -> String {
    match t {
        Threshold::Count(n) => format!("{n} or more"),
        Threshold::Percent(p) => format!("{p}%"),
        Threshold::Millis(m) if m >= 60_000.0 && m % 60_000.0 == 0.0 => {
            format!("{} min", m / 60_000.0)
        }
        Threshold::Millis(m) if m >= 1000.0 && m % 1000.0 == 0.0 => format!("{} s", m / 1000.0),
        Threshold::Millis(m) => format!("{m} ms"),
    }
}

/// The queues something consumes: a function's trigger, a pipe's source.
pub fn consumed_queues(model: &Model) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    for f in &model.functions {
        for t in &f.triggers {
            if let Trigger::Queue { queue, .. } = t {
                out.insert(queue.name.clone());
            }
        }
    }
    for p in &model.pipes {
        if p.source.kind == DeclKind::Queue {
            out.insert(p.source.name.clone());
        }
    }
    out
}

/// The queues failures go to: queues' redrive targets, rules' and
/// schedules' dead-letter queues, functions' and stream triggers'
/// `on_failure`, subscriptions' dead-letter queues.
pub fn dead_letter_queues(model: &Model) -> std::collections::HashSet<String> {
    let mut refs: Vec<&Ref> = Vec::new();
    for q in &model.queues {
        if let Some((d, _)) = &q.dead_letter {
            refs.push(d);
        }
    }
    refs.extend(model.rules.iter().filter_map(|r| r.dead_letter.as_ref()));
    refs.extend(
        model
            .schedules
            .iter()
            .filter_map(|s| s.dead_letter.as_ref()),
    );
    for f in &model.functions {
        for d in f.written_destinations() {
            if d.kind != DestinationKind::OnSuccess {
                refs.push(d.to);
            }
        }
        for t in &f.triggers {
            if let Trigger::Topic {
                dead_letter: Some(d),
                ..
            } = t
            {
                refs.push(d);
            }
        }
    }
    for t in &model.topics {
        refs.extend(
            t.subscriptions
                .iter()
                .filter_map(|s| s.dead_letter.as_ref()),
        );
    }
    refs.into_iter()
        .filter(|r| r.kind == DeclKind::Queue)
        .map(|r| r.name.clone())
        .collect()
}

/// The SLO alarms a traffic-shifting deployment of `f` rolls back on (its
/// own, and those of the routes it serves whose API exists wherever the
/// function does), each as its logical ID and the end of its name after
/// the stack's. The deployment names them by name, not by `Ref`: a route's
/// alarm names the API, whose integration names the function's alias,
/// which CodeDeploy moves, so a `Ref` would be a circular dependency.
pub fn rollback_ids(model: &Model, f: &Function) -> Vec<(String, String)> {
    let objectives = |slo: &Slo| -> Vec<String> {
        let mut out: Vec<String> = slo
            .latency
            .iter()
            .map(|(w, _, _)| w.value.clone())
            .collect();
        if slo.errors.is_some() {
            out.push("errors".into());
        }
        out
    };
    let mut out = Vec::new();
    if let Some(slo) = model.observe.slos.get(&f.name) {
        for o in objectives(slo) {
            out.push((
                format!("{}Slo{}Alarm", logical(&f.name), logical(&o)),
                format!("{}-slo-{o}", f.name),
            ));
        }
    }
    let mine = model.when_of(&f.name);
    for api in &model.apis {
        if !api.routes.iter().any(|r| r.slo.is_some()) {
            continue;
        }
        let when = model.when_of(&api.name);
        if when.is_some() && when != mine {
            continue;
        }
        for (r, rid) in api.routes.iter().zip(route_ids(api)) {
            let Some(slo) = &r.slo else { continue };
            if r.function().is_some_and(|g| g.name == f.name) {
                for o in objectives(slo) {
                    out.push((
                        format!("{}{rid}Slo{}Alarm", logical(&api.name), logical(&o)),
                        format!("{}-{rid}-slo-{o}", api.name),
                    ));
                }
            }
        }
    }
    out
}
