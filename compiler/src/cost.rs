//! `slsc cost`: a monthly estimate from the traffic a spec declares.
//!
//! A consumer stage after `check` (earlier stages never reach into it):
//! traffic-driven items come from the checked [`Model`]'s event graph
//! ([`flow`]: what arrives at each declaration a month), fixed items
//! (alarms, dashboards, KMS keys) from the CloudFormation template the
//! build emits for the stage, so that whatever the template holds is
//! priced. Prices are data ([`prices`]: a dated table per region, each
//! price with its source). Every line keeps its arithmetic; what the spec
//! does not say is assumed, marked, and listed with how to declare it.
//! See `docs/cost.md`.

mod cron;
pub mod flow;
pub mod prices;

use crate::ast::{DeclKind, VerbKind};
use crate::model::*;
use schemars::JsonSchema;
use serde::Serialize;

/// Hours in AWS's pricing month (730: 8,760 hours a year / 12).
pub const MONTH_HOURS: f64 = 730.0;
/// Days in that month.
const MONTH_DAYS: f64 = MONTH_HOURS / 24.0;
/// The average duration of an invocation when the function does not
/// declare `average_duration`, in milliseconds.
pub const DEFAULT_DURATION_MS: f64 = 100.0;
/// The average size of an uploaded object when the bucket does not
/// declare `object_size`: 1 MB.
pub const DEFAULT_OBJECT_BYTES: f64 = 1_048_576.0;
/// Log bytes written to CloudWatch Logs per invocation (Lambda's START,
/// END and REPORT lines and a few lines of the handler's).
pub const LOG_BYTES_PER_INVOCATION: f64 = 1024.0;
/// The size of a Kinesis record, for ingested bytes.
pub const RECORD_BYTES: f64 = 1024.0;
/// Months of uploads a bucket's storage is estimated after (objects that
/// never expire pile up: the estimate is the bill of the 12th month).
pub const STORAGE_MONTHS: f64 = 12.0;
/// Lambda's SQS pollers: the event source mapping long-polls a queue with
/// 5 pollers, each waiting up to 20 s, even when the queue is empty.
const IDLE_POLLERS: f64 = 5.0;
const LONG_POLL_SECONDS: f64 = 20.0;
/// Most messages one SQS receive or batch delete handles.
const SQS_BATCH: f64 = 10.0;
/// The data key reuse period of SQS, SNS, DynamoDB and Kinesis with a
/// customer-managed key: one KMS request per period per resource in use.
const KMS_REUSE_SECONDS: f64 = 300.0;
const GB: f64 = 1_073_741_824.0;

/// The estimates of a spec: one per stage (one for a spec without
/// stages). What `slsc cost --format json` prints.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CostReport {
    /// One estimate per stage, in the order declared.
    pub estimates: Vec<Estimate>,
}

/// The monthly estimate of one stage.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Estimate {
    /// The app's name, if declared.
    pub app: Option<String>,
    /// The stage, for a spec with stages.
    pub stage: Option<String>,
    /// The region priced.
    pub region: String,
    /// Where the region comes from.
    pub region_from: RegionFrom,
    /// When the region's prices were read (YYYY-MM-DD).
    pub prices_as_of: String,
    /// Always `USD`.
    pub currency: String,
    /// Every priced item, grouped by service and declaration, in a fixed
    /// order (services as listed in docs/cost.md, declarations in source order).
    pub groups: Vec<Group>,
    /// Each service's total.
    pub services: Vec<ServiceTotal>,
    /// The month's total, in dollars.
    pub total: f64,
    /// What the estimate assumes where the spec does not say, each with
    /// how to declare it.
    pub assumptions: Vec<String>,
    /// What the app may be billed for that the estimate leaves out.
    pub not_priced: Vec<String>,
}

/// Where the priced region comes from.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum RegionFrom {
    /// `--region`.
    Option,
    /// The stage's `region`.
    Stage,
    /// Neither: us-east-1.
    Default,
}

/// The lines of one declaration for one service.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Group {
    /// The service, e.g. `AWS Lambda`.
    pub service: String,
    /// The declaration, e.g. `function Resize`, `api Public`, or
    /// `template` for what the template holds whatever the traffic.
    pub declaration: String,
    /// What arrives there a month, in words, when traffic does.
    pub traffic: Option<String>,
    /// Its lines.
    pub lines: Vec<Line>,
    /// The sum of its lines, in dollars.
    pub subtotal: f64,
}

/// One priced quantity.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Line {
    /// What is billed: `requests`, `compute`, `storage (S3 Glacier ...)`.
    pub item: String,
    /// How many units a month.
    pub quantity: f64,
    /// The unit, e.g. `requests`, `GB-s`.
    pub unit: String,
    /// How the quantity is derived, e.g. `3,000,000 × 0.2 s × 0.5 GB`.
    pub derivation: Option<String>,
    /// The price's key in the price table.
    pub price_key: String,
    /// The price, in words: `$0.20 per 1M requests`.
    pub price: String,
    /// The line's cost, in dollars.
    pub cost: f64,
    /// The whole arithmetic: `3,000,000 requests × $0.20 per 1M requests = $0.60`.
    pub arithmetic: String,
    /// Whether the quantity rests on an assumption (see `assumptions`).
    pub assumed: bool,
    /// Whether it is billed whatever the traffic (keys, alarms, capacity).
    pub fixed: bool,
}

/// A service's total.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ServiceTotal {
    /// The service.
    pub service: String,
    /// Its cost, in dollars.
    pub cost: f64,
}

/// The services, in the order the estimate lists them.
const SERVICES: &[&str] = &[
    "AWS Lambda",
    "Amazon API Gateway",
    "Amazon SQS",
    "Amazon SNS",
    "Amazon EventBridge",
    "Amazon DynamoDB",
    "Amazon Kinesis Data Streams",
    "Amazon S3",
    "Amazon CloudWatch",
    "AWS KMS",
];

/// What to estimate and with which prices.
pub struct Inputs<'a> {
    /// The checked model of the stage.
    pub model: &'a Model,
    /// The CloudFormation template the build emits for the stage.
    pub template: &'a serde_json::Value,
    /// The region's prices.
    pub prices: &'a prices::Table,
    /// Where the region comes from.
    pub region_from: RegionFrom,
}

/// Collects the lines as they are priced.
struct Builder<'a> {
    prices: &'a prices::Table,
    uses: &'a Uses<'a>,
    groups: Vec<Group>,
    /// Each group's index in `groups`, by service and declaration.
    index: std::collections::HashMap<(String, String), usize>,
    assumptions: Vec<String>,
}

/// Who uses each declaration: its triggers and access verbs, by the name
/// of the declaration used, each function in source order (one pass, so
/// that pricing stays linear in the size of the spec).
#[derive(Default)]
struct Uses<'m> {
    triggers: std::collections::HashMap<&'m str, Vec<(&'m Function, &'m Trigger)>>,
    access: std::collections::HashMap<&'m str, Vec<(&'m Function, &'m Access)>>,
}

impl<'m> Uses<'m> {
    fn of(model: &'m Model) -> Self {
        let mut u = Uses::default();
        for f in &model.functions {
            for t in &f.triggers {
                let source = match t {
                    Trigger::Queue { queue: r, .. }
                    | Trigger::Stream { source: r, .. }
                    | Trigger::Topic { topic: r, .. }
                    | Trigger::Bucket { bucket: r, .. } => r.name.as_str(),
                };
                u.triggers.entry(source).or_default().push((f, t));
            }
            for a in &f.access {
                u.access
                    .entry(a.target.name.as_str())
                    .or_default()
                    .push((f, a));
            }
        }
        u
    }

    fn triggers_of(&self, name: &str) -> impl Iterator<Item = &(&'m Function, &'m Trigger)> {
        self.triggers.get(name).into_iter().flatten()
    }

    fn access_of(&self, name: &str) -> impl Iterator<Item = &(&'m Function, &'m Access)> {
        self.access.get(name).into_iter().flatten()
    }
}

/// One quantity to price.
struct Qty {
    item: String,
    quantity: f64,
    derivation: Option<String>,
    assumed: bool,
    fixed: bool,
}

impl Qty {
    fn new(item: impl Into<String>, quantity: f64) -> Self {
        Qty {
            item: item.into(),
            quantity,
            derivation: None,
            assumed: false,
            fixed: false,
        }
    }
    fn from(mut self, derivation: impl Into<String>) -> Self {
        self.derivation = Some(derivation.into());
        self
    }
    fn assumed(mut self, yes: bool) -> Self {
        self.assumed |= yes;
        self
    }
    fn fixed(mut self) -> Self {
        self.fixed = true;
        self
    }
}

impl Builder<'_> {
    /// Adds a line to the group of `service` and `declaration` (made on
    /// first use, with `traffic`).
    fn line(
        &mut self,
        service: &str,
        declaration: &str,
        traffic: Option<String>,
        key: &str,
        q: Qty,
    ) {
        let price = self.prices.get(key);
        let cost = q.quantity * price.unit_price();
        // `1 key`, `2 keys` (`1 GB-s` stays).
        let unit = match (q.quantity == 1.0, price.unit.strip_suffix('s')) {
            (true, Some(one)) if !price.unit.ends_with("-s") => one.to_string(),
            _ => price.unit.clone(),
        };
        let shown = match &q.derivation {
            Some(d) => format!("{d} = {} {unit}", count(q.quantity)),
            None => format!("{} {unit}", count(q.quantity)),
        };
        let arithmetic = format!("{shown} × {} = {}", price.text(), dollars(cost));
        let line = Line {
            item: q.item,
            quantity: round(q.quantity),
            unit: price.unit.clone(),
            derivation: q.derivation,
            price_key: key.to_string(),
            price: price.text(),
            cost: round(cost),
            arithmetic,
            assumed: q.assumed,
            fixed: q.fixed,
        };
        let key = (service.to_string(), declaration.to_string());
        match self.index.get(&key) {
            Some(&i) => self.groups[i].lines.push(line),
            None => {
                self.index.insert(key, self.groups.len());
                self.groups.push(Group {
                    service: service.to_string(),
                    declaration: declaration.to_string(),
                    traffic,
                    lines: vec![line],
                    subtotal: 0.0,
                });
            }
        }
    }

    fn assume(&mut self, text: String) {
        if !self.assumptions.contains(&text) {
            self.assumptions.push(text);
        }
    }
}

/// What arrives at each declaration of a model in a month: its declared
/// traffic and its schedules' runs, propagated along its event graph.
pub fn traffic(model: &Model) -> flow::Flow {
    let runs = |s: &Schedule| cron::runs_per_month(&s.kind).map_or(0.0, |(n, _)| n);
    flow::propagate(&flow::graph(model, &runs))
}

/// The estimate of one stage.
pub fn estimate(inputs: &Inputs) -> Estimate {
    let model = inputs.model;
    let uses = Uses::of(model);
    let mut b = Builder {
        prices: inputs.prices,
        uses: &uses,
        groups: Vec::new(),
        index: Default::default(),
        assumptions: Vec::new(),
    };
    let mut approximate_cron = Vec::new();
    let runs = |s: &Schedule| cron::runs_per_month(&s.kind).map_or(0.0, |(n, _)| n);
    for s in &model.schedules {
        if cron::runs_per_month(&s.kind).is_some_and(|(_, approx)| approx) {
            approximate_cron.push(s.name.clone());
        }
    }
    let flow = traffic(model);
    let invocations = |f: &str| flow.at(&format!("function:{f}"));

    functions(model, &flow, &mut b);
    apis(model, &flow, &mut b);
    queues(model, &flow, &mut b);
    topics(model, &flow, &mut b);
    events(model, &flow, &runs, &mut b);
    tables(model, &flow, &invocations, &mut b);
    streams(model, &flow, &mut b);
    buckets(model, &flow, &invocations, &mut b);
    template_items(model, inputs.template, &flow, &mut b);

    // Assumptions the whole estimate rests on, after those of its lines.
    if !approximate_cron.is_empty() {
        b.assume(format!(
            "cron schedules ({}) run as often as their expression matches over a common year, averaged per month (approximate: the year field is taken to match, `L`, `W` and `#` days count once a month)",
            approximate_cron.join(", ")
        ));
    }
    for (from, to) in &flow.loops {
        b.assume(format!(
            "a loop ({from} → {to}) is counted once around: each further round adds as much again"
        ));
    }
    let mut general = vec![
        "prices are on-demand list prices of each service's first tier, without the free tier".to_string(),
        "a month is 730 hours; rates declared per second, minute, hour or day are multiplied out to it".to_string(),
        "each access verb counts once per invocation: `reads T` is one read request unit (one GET for a bucket), `writes T` one write request unit (one PUT), `sends to Q`, `publishes to T` and `emits E` one message or event of at most 64 KB (one request)".to_string(),
        "failures are not traffic: destinations of failures and dead-letter queues receive nothing".to_string(),
    ];
    let unreached: Vec<String> = (model.functions.iter())
        .filter(|f| invocations(&f.name) == 0.0)
        .map(|f| f.name.clone())
        .collect();
    if !unreached.is_empty() {
        general.push(format!(
            "no declared traffic reaches function{} {}: declare `traffic` where requests arrive from outside (see docs/cost.md)",
            if unreached.len() == 1 { "" } else { "s" },
            unreached.join(", ")
        ));
    }
    b.assumptions.extend(general);

    // Order: services as listed, declarations in the order met.
    let mut groups = b.groups;
    for g in &mut groups {
        g.subtotal = round(g.lines.iter().map(|l| l.cost).sum());
    }
    groups.sort_by_key(|g| {
        SERVICES
            .iter()
            .position(|s| *s == g.service)
            .unwrap_or(usize::MAX)
    });
    let services: Vec<ServiceTotal> = SERVICES
        .iter()
        .filter_map(|s| {
            let of: Vec<&Group> = groups.iter().filter(|g| g.service == *s).collect();
            (!of.is_empty()).then(|| ServiceTotal {
                service: s.to_string(),
                cost: round(of.iter().map(|g| g.subtotal).sum()),
            })
        })
        .collect();
    let total = round(services.iter().map(|s| s.cost).sum());
    Estimate {
        app: model.app_name.clone(),
        stage: model.stage.clone(),
        region: inputs.prices.region.clone(),
        region_from: inputs.region_from,
        prices_as_of: inputs.prices.as_of.clone(),
        currency: inputs.prices.currency.clone(),
        groups,
        services,
        total,
        assumptions: b.assumptions,
        not_priced: not_priced(model),
    }
}

/// Lambda: requests, compute (GB-seconds), provisioned concurrency, and the
/// logs each invocation writes.
fn functions(model: &Model, flow: &flow::Flow, b: &mut Builder) {
    for f in &model.functions {
        let n = flow.at(&format!("function:{}", f.name));
        let decl = format!("function {}", f.name);
        let traffic = (n > 0.0).then(|| format!("{} invocations a month", count(n)));
        let arch = match f.arch {
            Arch::X86 => "x86_64",
            Arch::Arm => "arm64",
        };
        let gb = f.memory.value as f64 / 1024.0;
        if n > 0.0 {
            b.line(
                "AWS Lambda",
                &decl,
                traffic.clone(),
                "lambda.requests",
                Qty::new("requests", n),
            );
            let (ms, assumed) = match model.usage.average_duration.get(&f.name) {
                Some(d) => (d.value, false),
                None => (DEFAULT_DURATION_MS, true),
            };
            if assumed {
                b.assume(format!(
                    "function {} runs {} ms per invocation: declare its `average_duration` (e.g. `average_duration = 250ms`)",
                    f.name, DEFAULT_DURATION_MS
                ));
            }
            let key = match f.provisioned {
                Some(_) => format!("lambda.provisioned_compute.{arch}"),
                None => format!("lambda.compute.{arch}"),
            };
            let item = match f.provisioned {
                Some(_) => format!("compute at provisioned concurrency ({arch})"),
                None => format!("compute ({arch})"),
            };
            b.line(
                "AWS Lambda",
                &decl,
                traffic.clone(),
                &key,
                Qty::new(item, n * ms / 1000.0 * gb)
                    .from(format!(
                        "{} × {} s × {} GB",
                        count(n),
                        number(ms / 1000.0),
                        number(gb)
                    ))
                    .assumed(assumed),
            );
            b.line(
                "Amazon CloudWatch",
                &decl,
                traffic.clone(),
                "logs.ingested",
                Qty::new("log ingestion", n * LOG_BYTES_PER_INVOCATION / GB)
                    .from(format!("{} × 1 KB", count(n)))
                    .assumed(true),
            );
            b.assume("each invocation writes 1 KB of logs (Lambda's START, END and REPORT lines and a few of the handler's)".to_string());
        }
        if let Some(p) = &f.provisioned {
            let instances = p.executions.value.max(0) as f64;
            let seconds = MONTH_HOURS * 3600.0;
            b.line(
                "AWS Lambda",
                &decl,
                traffic.clone(),
                &format!("lambda.provisioned.{arch}"),
                Qty::new("provisioned concurrency", instances * gb * seconds)
                    .from(format!(
                        "{} instances × {} GB × {} s",
                        count(instances),
                        number(gb),
                        count(seconds)
                    ))
                    .fixed(),
            );
            if p.scaling.is_some() {
                b.assume(format!(
                    "function {} keeps its scaled provisioned concurrency at its minimum ({}) all month",
                    f.name, p.executions.value
                ));
            }
            if n > 0.0 {
                b.assume(format!(
                    "every invocation of function {} runs on its provisioned concurrency (none spills over)",
                    f.name
                ));
            }
        }
    }
}

/// API Gateway: requests per route, at the HTTP or REST price.
fn apis(model: &Model, flow: &flow::Flow, b: &mut Builder) {
    for api in &model.apis {
        let key = if api.rest {
            "apigateway.rest.requests"
        } else {
            "apigateway.http.requests"
        };
        let kind = if api.rest { "REST" } else { "HTTP" };
        let decl = format!("api {} ({kind})", api.name);
        for r in &api.routes {
            let n = flow.at(&flow::route_node(&api.name, r));
            if n > 0.0 {
                b.line(
                    "Amazon API Gateway",
                    &decl,
                    None,
                    key,
                    Qty::new(format!("{} {}", r.method, r.path.value), n),
                );
            }
        }
    }
}

/// SQS: sends, and the receives and deletes of Lambda's pollers.
fn queues(model: &Model, flow: &flow::Flow, b: &mut Builder) {
    for q in &model.queues {
        if q.arn.is_some() {
            continue;
        }
        let m = flow.at(&format!("queue:{}", q.name));
        let key = if q.fifo {
            "sqs.fifo.requests"
        } else {
            "sqs.standard.requests"
        };
        let decl = format!("queue {}", q.name);
        let traffic = (m > 0.0).then(|| format!("{} messages a month", count(m)));
        if m > 0.0 {
            b.line(
                "Amazon SQS",
                &decl,
                traffic.clone(),
                key,
                Qty::new("sends", m),
            );
        }
        let consumers: Vec<(&Function, f64)> = (b.uses.triggers_of(&q.name))
            .filter_map(|(f, t)| match t {
                Trigger::Queue { batch, .. } => Some((*f, batch.value.max(1) as f64)),
                _ => None,
            })
            .collect();
        let share = consumers.len().max(1) as f64;
        for (f, batch) in &consumers {
            let per = batch.min(SQS_BATCH);
            let mine = m / share;
            if mine > 0.0 {
                for what in ["receives", "deletes"] {
                    b.line(
                        "Amazon SQS",
                        &decl,
                        traffic.clone(),
                        key,
                        Qty::new(format!("{what} by {}", f.name), mine / per).from(format!(
                            "{} messages / {}",
                            count(mine),
                            number(per)
                        )),
                    );
                }
            }
            let polls = IDLE_POLLERS * MONTH_HOURS * 3600.0 / LONG_POLL_SECONDS;
            b.line(
                "Amazon SQS",
                &decl,
                traffic.clone(),
                key,
                Qty::new(format!("idle long polls by {}", f.name), polls)
                    .from(format!(
                        "{} pollers × {} s / {} s",
                        number(IDLE_POLLERS),
                        count(MONTH_HOURS * 3600.0),
                        number(LONG_POLL_SECONDS)
                    ))
                    .assumed(true)
                    .fixed(),
            );
        }
        if !consumers.is_empty() {
            b.assume("Lambda's pollers receive up to 10 messages a request and delete them in batches of up to 10, and long-poll an idle queue with 5 pollers, 20 s each".to_string());
        }
    }
}

/// SNS: publishes, and deliveries to email and HTTPS subscribers (those to
/// SQS and Lambda are free).
fn topics(model: &Model, flow: &flow::Flow, b: &mut Builder) {
    for t in &model.topics {
        if t.arn.is_some() {
            continue;
        }
        let p = flow.at(&format!("topic:{}", t.name));
        if p == 0.0 {
            continue;
        }
        let decl = format!("topic {}", t.name);
        let traffic = Some(format!("{} messages a month", count(p)));
        b.line(
            "Amazon SNS",
            &decl,
            traffic.clone(),
            "sns.publishes",
            Qty::new("publishes", p),
        );
        let queues = t.subscriptions.len() as f64;
        let functions = (b.uses.triggers_of(&t.name))
            .filter(|(_, tr)| matches!(tr, Trigger::Topic { .. }))
            .count() as f64;
        if queues > 0.0 {
            b.line(
                "Amazon SNS",
                &decl,
                traffic.clone(),
                "sns.deliveries.sqs",
                Qty::new("deliveries to SQS", p * queues).from(format!(
                    "{} × {}",
                    count(p),
                    many(queues, "queue")
                )),
            );
        }
        if functions > 0.0 {
            b.line(
                "Amazon SNS",
                &decl,
                traffic.clone(),
                "sns.deliveries.lambda",
                Qty::new("deliveries to Lambda", p * functions).from(format!(
                    "{} × {}",
                    count(p),
                    many(functions, "function")
                )),
            );
        }
        for (protocol, key) in [
            (EndpointProtocol::Email, "sns.deliveries.email"),
            (EndpointProtocol::Https, "sns.deliveries.https"),
        ] {
            let n = t
                .endpoints
                .iter()
                .filter(|e| e.protocol == protocol)
                .count() as f64;
            if n > 0.0 {
                b.line(
                    "Amazon SNS",
                    &decl,
                    traffic.clone(),
                    key,
                    Qty::new(format!("deliveries to {}", protocol.word()), p * n).from(format!(
                        "{} × {}",
                        count(p),
                        many(n, &format!("{} subscriber", protocol.word()))
                    )),
                );
            }
        }
        b.assume("subscription filter policies let every message through".to_string());
    }
}

/// EventBridge: custom events put on buses (AWS services' events are
/// free), and Scheduler's invocations.
fn events(model: &Model, flow: &flow::Flow, runs: &dyn Fn(&Schedule) -> f64, b: &mut Builder) {
    // Every bus node: `bus:NAME:EVENT`.
    let mut by_bus: indexmap::IndexMap<String, Vec<(String, f64)>> = Default::default();
    let mut nodes: Vec<(&String, f64)> = (flow.received.iter())
        .filter(|(k, v)| k.starts_with("bus:") && **v > 0.0)
        .map(|(k, v)| (k, *v))
        .collect();
    nodes.sort_by(|a, b| a.0.cmp(b.0));
    for (node, n) in nodes {
        let mut parts = node.splitn(3, ':').skip(1);
        let (bus, event) = (
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or("*"),
        );
        if model.bus(bus).is_some_and(|x| x.arn.is_some()) {
            continue;
        }
        by_bus
            .entry(bus.to_string())
            .or_default()
            .push((event.to_string(), n));
    }
    // Buses in source order, then `default`.
    let mut order: Vec<String> = model.buses.iter().map(|x| x.name.clone()).collect();
    order.push("default".to_string());
    for bus in order {
        let Some(list) = by_bus.get(&bus) else {
            continue;
        };
        let decl = format!("bus {bus}");
        for (event, n) in list {
            let item = match event.as_str() {
                "*" => "events from outside".to_string(),
                e => format!("{e} events"),
            };
            b.line(
                "Amazon EventBridge",
                &decl,
                None,
                "eventbridge.custom_events",
                Qty::new(item, *n),
            );
        }
    }
    for s in &model.schedules {
        let n = runs(s);
        if n > 0.0 {
            b.line(
                "Amazon EventBridge",
                &format!("schedule {}", s.name),
                None,
                "scheduler.invocations",
                Qty::new("invocations", n).assumed(matches!(s.kind, ScheduleKind::Cron(_))),
            );
        }
    }
}

/// DynamoDB: on-demand request units from every reader and writer
/// (functions, routes, state machines); provisioned tables' capacity.
fn tables(model: &Model, flow: &flow::Flow, invocations: &dyn Fn(&str) -> f64, b: &mut Builder) {
    for t in &model.tables {
        let decl = format!("table {}", t.name);
        let mut reads: Vec<(String, f64)> = Vec::new();
        let mut writes: Vec<(String, f64)> = Vec::new();
        for (f, a) in b.uses.access_of(&t.name) {
            let n = invocations(&f.name);
            match (a.target.kind, a.verb) {
                (DeclKind::Table, VerbKind::Reads) => reads.push((format!("by {}", f.name), n)),
                (DeclKind::Table, VerbKind::Writes | VerbKind::Deletes) => {
                    writes.push((format!("by {}", f.name), n))
                }
                _ => {}
            }
        }
        for api in &model.apis {
            for r in &api.routes {
                if let RouteTarget::Table { table, action } = &r.target {
                    if table.name != t.name {
                        continue;
                    }
                    let n = flow.at(&flow::route_node(&api.name, r));
                    let by = format!("by {} {}", r.method, r.path.value);
                    match action.value {
                        TableAction::Get | TableAction::Query => reads.push((by, n)),
                        TableAction::Put | TableAction::Delete => writes.push((by, n)),
                    }
                }
            }
        }
        for m in &model.state_machines {
            let n = flow.at(&format!("machine:{}", m.name));
            for task in m
                .tasks
                .iter()
                .filter(|x| x.target.name == t.name && x.target.kind == DeclKind::Table)
            {
                let by = format!("by {} ({})", m.name, task.state);
                if task.actions.iter().any(|a| flow::is_table_write(a)) {
                    writes.push((by, n));
                } else {
                    reads.push((by, n));
                }
            }
        }
        match &t.billing {
            Billing::OnDemand => {
                let indexes = t.indexes.iter().filter(|i| !i.local).count() as f64;
                for (by, n) in reads.iter().filter(|(_, n)| *n > 0.0) {
                    b.line(
                        "Amazon DynamoDB",
                        &decl,
                        None,
                        "dynamodb.on_demand.reads",
                        Qty::new(format!("reads {by}"), *n),
                    );
                }
                for (by, n) in writes.iter().filter(|(_, n)| *n > 0.0) {
                    let mut q = Qty::new(format!("writes {by}"), n * (1.0 + indexes));
                    if indexes > 0.0 {
                        q = q
                            .from(format!(
                                "{} × (1 + {} global indexes)",
                                count(*n),
                                count(indexes)
                            ))
                            .assumed(true);
                        b.assume(format!(
                            "every write to table {} also writes each of its global indexes",
                            t.name
                        ));
                    }
                    b.line(
                        "Amazon DynamoDB",
                        &decl,
                        None,
                        "dynamodb.on_demand.writes",
                        q,
                    );
                }
                if reads.iter().chain(&writes).any(|(_, n)| *n > 0.0) {
                    b.assume("items are at most 1 KB (one write request unit) and reads at most 4 KB and strongly consistent (one read request unit)".to_string());
                }
            }
            Billing::Provisioned { read, write } => {
                for (key, item, units) in [
                    (
                        "dynamodb.provisioned.read_capacity",
                        "read capacity",
                        read.value,
                    ),
                    (
                        "dynamodb.provisioned.write_capacity",
                        "write capacity",
                        write.value,
                    ),
                ] {
                    let units = units.max(0) as f64;
                    b.line(
                        "Amazon DynamoDB",
                        &decl,
                        None,
                        key,
                        Qty::new(item, units * MONTH_HOURS)
                            .from(format!("{} units × {} h", count(units), count(MONTH_HOURS)))
                            .fixed(),
                    );
                }
            }
        }
    }
}

/// Kinesis: on-demand streams by the hour and the gigabyte, provisioned
/// ones by the shard-hour and PUT payload unit.
fn streams(model: &Model, flow: &flow::Flow, b: &mut Builder) {
    for s in &model.streams {
        let decl = format!("stream {}", s.name);
        let records = flow.at(&format!("stream:{}", s.name));
        let traffic = (records > 0.0).then(|| format!("{} records a month", count(records)));
        let consumers = (b.uses.triggers_of(&s.name))
            .filter(|(_, t)| matches!(t, Trigger::Stream { .. }))
            .count() as f64;
        match &s.shards {
            None => {
                b.line(
                    "Amazon Kinesis Data Streams",
                    &decl,
                    traffic.clone(),
                    "kinesis.on_demand.stream_hours",
                    Qty::new("on-demand stream", MONTH_HOURS).fixed(),
                );
                if records > 0.0 {
                    b.line(
                        "Amazon Kinesis Data Streams",
                        &decl,
                        traffic.clone(),
                        "kinesis.on_demand.ingested",
                        Qty::new("data in", records * RECORD_BYTES / GB)
                            .from(format!("{} × 1 KB", count(records)))
                            .assumed(true),
                    );
                    if consumers > 0.0 {
                        b.line(
                            "Amazon Kinesis Data Streams",
                            &decl,
                            traffic.clone(),
                            "kinesis.on_demand.retrieved",
                            Qty::new("data out", records * consumers * RECORD_BYTES / GB)
                                .from(format!(
                                    "{} × {} consumers × 1 KB",
                                    count(records),
                                    count(consumers)
                                ))
                                .assumed(true),
                        );
                    }
                }
            }
            Some(shards) => {
                let shards = shards.value.max(0) as f64;
                b.line(
                    "Amazon Kinesis Data Streams",
                    &decl,
                    traffic.clone(),
                    "kinesis.provisioned.shard_hours",
                    Qty::new("shards", shards * MONTH_HOURS)
                        .from(format!(
                            "{} shards × {} h",
                            count(shards),
                            count(MONTH_HOURS)
                        ))
                        .fixed(),
                );
                if records > 0.0 {
                    b.line(
                        "Amazon Kinesis Data Streams",
                        &decl,
                        traffic.clone(),
                        "kinesis.provisioned.put_units",
                        Qty::new("PUT payload units", records).assumed(true),
                    );
                }
            }
        }
        if records > 0.0 {
            b.assume("Kinesis records are 1 KB (one PUT payload unit of 25 KB each)".to_string());
        }
    }
}

/// S3: PUTs and GETs, and storage by class along the bucket's lifecycle.
fn buckets(model: &Model, flow: &flow::Flow, invocations: &dyn Fn(&str) -> f64, b: &mut Builder) {
    for bucket in &model.buckets {
        let decl = format!("bucket {}", bucket.name);
        let uploads = flow.at(&format!("bucket:{}", bucket.name));
        let traffic =
            (uploads > 0.0).then(|| format!("{} objects uploaded a month", count(uploads)));
        if uploads > 0.0 {
            b.line(
                "Amazon S3",
                &decl,
                traffic.clone(),
                "s3.put_requests",
                Qty::new("PUT requests", uploads),
            );
        }
        let uses = b.uses;
        let mut readers: Vec<&Function> = (uses.access_of(&bucket.name))
            .filter(|(_, a)| a.verb == VerbKind::Reads && a.target.kind == DeclKind::Bucket)
            .map(|(f, _)| *f)
            .collect();
        readers.dedup_by(|x, y| x.name == y.name);
        for f in readers {
            let n = invocations(&f.name);
            if n > 0.0 {
                b.line(
                    "Amazon S3",
                    &decl,
                    traffic.clone(),
                    "s3.get_requests",
                    Qty::new(format!("GET requests by {}", f.name), n),
                );
            }
        }
        for api in &model.apis {
            for r in &api.routes {
                if let RouteTarget::Bucket { bucket: x, action } = &r.target {
                    let n = flow.at(&flow::route_node(&api.name, r));
                    if x.name == bucket.name && action.value == BucketAction::Get && n > 0.0 {
                        b.line(
                            "Amazon S3",
                            &decl,
                            traffic.clone(),
                            "s3.get_requests",
                            Qty::new(format!("GET requests by {} {}", r.method, r.path.value), n),
                        );
                    }
                }
            }
        }
        if uploads == 0.0 {
            continue;
        }
        let (size, size_assumed) = match model.usage.object_size.get(&bucket.name) {
            Some(s) => (s.value as f64, false),
            None => (DEFAULT_OBJECT_BYTES, true),
        };
        if size_assumed {
            b.assume(format!(
                "objects uploaded to bucket {} are 1 MB on average: declare its `object_size` (e.g. `object_size = 2MB`)",
                bucket.name
            ));
        }
        // The lifecycle rule that applies to every key, else the first.
        let rule = (bucket.lifecycle.iter().find(|r| r.prefix.is_none()))
            .or_else(|| bucket.lifecycle.first());
        if let Some(r) = rule.filter(|r| r.prefix.is_some()) {
            b.assume(format!(
                "every object of bucket {} follows its lifecycle rule `{}` (keys under \"{}\")",
                bucket.name,
                r.name.value,
                r.prefix.as_deref().unwrap_or_default()
            ));
        }
        let horizon = STORAGE_MONTHS * MONTH_DAYS;
        let expire = rule
            .and_then(|r| r.expire.as_ref())
            .map_or(f64::INFINITY, |e| e.value as f64);
        let mut stops: Vec<(String, &str, f64)> =
            vec![("S3 Standard".to_string(), "s3.storage.standard", 0.0)];
        if let Some(r) = rule {
            for t in &r.transitions {
                let key = match t.class {
                    StorageClass::StandardIa => "standard_ia",
                    StorageClass::IntelligentTiering => "intelligent_tiering",
                    StorageClass::OneZoneIa => "one_zone_ia",
                    StorageClass::GlacierIr => "glacier_ir",
                    StorageClass::Glacier => "glacier",
                    StorageClass::DeepArchive => "deep_archive",
                };
                let storage: &'static str = prices::KEYS
                    .iter()
                    .find(|k| **k == format!("s3.storage.{key}"))
                    .copied()
                    .unwrap_or("s3.storage.standard");
                stops.push((t.class.title().to_string(), storage, t.days.value as f64));
                let transition_key = format!("s3.transitions.{key}");
                if (t.days.value as f64) < expire.min(horizon) {
                    b.line(
                        "Amazon S3",
                        &decl,
                        traffic.clone(),
                        &transition_key,
                        Qty::new(format!("transitions to {}", t.class.title()), uploads),
                    );
                }
            }
        }
        stops.sort_by(|a, c| a.2.total_cmp(&c.2));
        let gb = size / GB;
        for (i, (title, key, from)) in stops.iter().enumerate() {
            let until = stops
                .get(i + 1)
                .map_or(f64::INFINITY, |n| n.2)
                .min(expire)
                .min(horizon);
            let days = (until - from).max(0.0);
            if days <= 0.0 {
                continue;
            }
            // Uploads of `days` days sit in this class at the 12th month.
            let objects = uploads / MONTH_DAYS * days;
            b.line(
                "Amazon S3",
                &decl,
                traffic.clone(),
                key,
                Qty::new(format!("storage ({title})"), objects * gb)
                    .from(format!(
                        "{} objects ({} days of uploads) × {}",
                        count(objects),
                        count(days),
                        bytes(size)
                    ))
                    .assumed(size_assumed),
            );
        }
        b.assume(format!(
            "storage is that of the {}th month: objects uploaded at a steady rate, kept where the bucket's lifecycle moves them until it expires them (old versions and minimum-duration charges aside)",
            STORAGE_MONTHS
        ));
    }
}

/// What the template holds whatever the traffic: alarms, dashboards and
/// KMS keys; and the KMS requests of resources the app's key encrypts.
fn template_items(model: &Model, template: &serde_json::Value, flow: &flow::Flow, b: &mut Builder) {
    let count_of = |ty: &str| {
        template["Resources"]
            .as_object()
            .map_or(0, |r| r.values().filter(|v| v["Type"] == ty).count()) as f64
    };
    let alarms = count_of("AWS::CloudWatch::Alarm");
    if alarms > 0.0 {
        b.line(
            "Amazon CloudWatch",
            "template",
            None,
            "cloudwatch.alarms",
            Qty::new("alarms", alarms).fixed(),
        );
    }
    let dashboards = count_of("AWS::CloudWatch::Dashboard");
    if dashboards > 0.0 {
        b.line(
            "Amazon CloudWatch",
            "template",
            None,
            "cloudwatch.dashboards",
            Qty::new("dashboards", dashboards).fixed(),
        );
    }
    let keys = count_of("AWS::KMS::Key");
    if keys > 0.0 {
        b.line(
            "AWS KMS",
            "template",
            None,
            "kms.keys",
            Qty::new("keys", keys).fixed(),
        );
        // Resources the key encrypts that carry traffic.
        let busy = (model
            .queues
            .iter()
            .filter(|q| q.arn.is_none())
            .map(|q| format!("queue:{}", q.name)))
        .chain(
            model
                .topics
                .iter()
                .filter(|t| t.arn.is_none())
                .map(|t| format!("topic:{}", t.name)),
        )
        .chain(model.streams.iter().map(|s| format!("stream:{}", s.name)))
        .filter(|n| flow.at(n) > 0.0)
        .count() as f64;
        if model.customer_key && busy > 0.0 {
            let periods = MONTH_HOURS * 3600.0 / KMS_REUSE_SECONDS;
            b.line(
                "AWS KMS",
                "template",
                None,
                "kms.requests",
                Qty::new("requests", busy * periods)
                    .from(format!(
                        "{} in use × {} periods of 5 minutes",
                        match busy == 1.0 {
                            true => "1 queue, topic or stream".to_string(),
                            false => format!("{} queues, topics and streams", count(busy)),
                        },
                        count(periods)
                    ))
                    .assumed(true),
            );
            b.assume("a queue, topic or stream in use asks KMS for a data key once per 5 minutes (the data key reuse period)".to_string());
        }
    }
}

/// What the app may be billed for that the estimate leaves out.
fn not_priced(model: &Model) -> Vec<String> {
    let mut out = vec![
        "data transfer out of AWS".to_string(),
        "CloudWatch Logs storage, DynamoDB storage, and old object versions in buckets".to_string(),
    ];
    if !model.state_machines.is_empty() {
        out.push("Step Functions state transitions (state machines' executions are followed to their tasks' targets)".to_string());
    }
    if !model.pipes.is_empty() {
        out.push("EventBridge Pipes requests".to_string());
    }
    if model.functions.iter().any(|f| f.tracing) {
        out.push("X-Ray traces of traced functions".to_string());
    }
    if !model.user_pools.is_empty() {
        out.push("Cognito monthly active users".to_string());
    }
    if !model.secrets.is_empty() || !model.parameters.is_empty() {
        out.push("Secrets Manager secrets and API calls, SSM parameters' API calls".to_string());
    }
    if model.topics.iter().any(|t| {
        t.endpoints
            .iter()
            .any(|e| e.protocol == EndpointProtocol::Sms)
    }) {
        out.push("SMS deliveries (priced per country)".to_string());
    }
    out
}

/// The estimate as text: the arithmetic line by line, grouped by service
/// and declaration, then the totals, then the assumptions.
pub fn human(report: &CostReport) -> String {
    let mut out = String::new();
    for (i, e) in report.estimates.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let app = e
            .app
            .as_deref()
            .map_or(String::new(), |a| format!(" of app {a}"));
        let stage = e
            .stage
            .as_deref()
            .map_or(String::new(), |s| format!(", stage {s}"));
        let from = match e.region_from {
            RegionFrom::Option => "",
            RegionFrom::Stage => " (the stage's region)",
            RegionFrom::Default => " (the default: pass --region or declare the stage's region)",
        };
        out.push_str(&format!(
            "Monthly cost estimate{app}{stage}: {}{from}, prices of {}, in {}; no free tier\n",
            e.region, e.prices_as_of, e.currency
        ));
        let mut service = "";
        for g in &e.groups {
            if g.service != service {
                service = &g.service;
                out.push_str(&format!("\n{service}\n"));
            }
            let traffic = g
                .traffic
                .as_deref()
                .map_or(String::new(), |t| format!(" ({t})"));
            out.push_str(&format!(
                "  {}{traffic}: {}\n",
                g.declaration,
                dollars(g.subtotal)
            ));
            for l in &g.lines {
                let mark = match (l.assumed, l.fixed) {
                    (true, true) => " [assumed, fixed]",
                    (true, false) => " [assumed]",
                    (false, true) => " [fixed]",
                    (false, false) => "",
                };
                out.push_str(&format!("    {}: {}{mark}\n", l.item, l.arithmetic));
            }
        }
        out.push_str("\nTotals\n");
        let width = e
            .services
            .iter()
            .map(|s| s.service.len())
            .max()
            .unwrap_or(5)
            .max(5);
        for s in &e.services {
            out.push_str(&format!(
                "  {:width$}  {:>12}\n",
                s.service,
                dollars(s.cost)
            ));
        }
        out.push_str(&format!(
            "  {:width$}  {:>12} a month\n",
            "Total",
            dollars(e.total)
        ));
        out.push_str("\nAssumptions\n");
        for a in &e.assumptions {
            out.push_str(&format!("  - {a}\n"));
        }
        out.push_str("\nNot priced\n");
        for n in &e.not_priced {
            out.push_str(&format!("  - {n}\n"));
        }
    }
    out
}

/// The JSON Schema of [`CostReport`], as committed in `docs/schemas/`.
pub fn report_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(CostReport)).unwrap_or_default()
}

/// A number rounded to 6 decimals: costs and quantities without float noise.
fn round(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// A count: `3,000,000`; below 100, up to two decimals (`30.42`).
pub(crate) fn count(n: f64) -> String {
    if n.abs() < 100.0 && n.fract() != 0.0 {
        return number((n * 100.0).round() / 100.0);
    }
    let whole = n.round() as i64;
    let digits = whole.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if whole < 0 {
        out.insert(0, '-');
    }
    out
}

/// `1 queue`, `2 queues`.
fn many(n: f64, what: &str) -> String {
    match n == 1.0 {
        true => format!("1 {what}"),
        false => format!("{} {what}s", count(n)),
    }
}

/// A number without a useless fraction: `0.5`, `2`.
fn number(n: f64) -> String {
    let s = format!("{}", (n * 1e6).round() / 1e6);
    s
}

/// `2 MB`, `512 KB`.
fn bytes(n: f64) -> String {
    if n >= GB {
        format!("{} GB", number(n / GB))
    } else if n >= 1_048_576.0 {
        format!("{} MB", number(n / 1_048_576.0))
    } else {
        format!("{} KB", number(n / 1024.0))
    }
}

/// Dollars: `$5.00`, `$1,234.50`; amounts below a cent with their first
/// significant digits (`$0.0026`).
pub(crate) fn dollars(x: f64) -> String {
    if x > 0.0 && x < 0.00005 {
        return "<$0.0001".to_string();
    }
    if x > 0.0 && x < 0.01 {
        return format!("${x:.4}");
    }
    let cents = (x * 100.0).round() as i64;
    format!("${}.{:02}", count((cents / 100) as f64), cents % 100)
}

/// A price as the table writes it: `$0.20`, `$0.0000166667`.
pub(crate) fn dollars_exact(x: f64) -> String {
    let plain = format!("{x}");
    match plain.split_once('.') {
        Some((_, frac)) if frac.len() >= 2 => format!("${plain}"),
        _ => format!("${x:.2}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_table_loads_with_every_price() {
        for region in prices::regions() {
            let t = prices::table(region).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(t.currency, "USD");
            assert!(t.as_of.len() == 10, "{region}: as_of {}", t.as_of);
            for key in prices::KEYS {
                let p = t.get(key);
                assert!(p.usd >= 0.0 && p.per > 0.0, "{region} {key}");
                assert!(
                    p.source.starts_with("https://aws.amazon.com/"),
                    "{region} {key}"
                );
            }
            assert_eq!(
                t.prices.len(),
                prices::KEYS.len(),
                "{region}: a price no key reads"
            );
        }
    }

    #[test]
    fn an_unknown_region_lists_the_known_ones() {
        let e = prices::table("mars-north-1").unwrap_err();
        assert!(e.contains("us-east-1") && e.contains("us-west-2"), "{e}");
    }

    #[test]
    fn formats() {
        assert_eq!(count(3_000_000.0), "3,000,000");
        assert_eq!(count(30.416666), "30.42");
        assert_eq!(dollars(5.00001), "$5.00");
        assert_eq!(dollars(1234.5), "$1,234.50");
        assert_eq!(dollars(0.0026), "$0.0026");
        assert_eq!(dollars(0.000004), "<$0.0001");
        assert_eq!(dollars_exact(0.2), "$0.20");
        assert_eq!(dollars_exact(0.0000166667), "$0.0000166667");
    }
}
