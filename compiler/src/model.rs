//! The application model: what a spec means, with names resolved and units
//! normalised (durations in seconds, sizes in MB).
//!
//! `resolve` builds it from the syntax tree (lowering `where` filters into
//! [`Filter`]s, with typed [`Operand`]s); `check` verifies it; `emit`
//! writes it out. Values that checks report on keep their spans.

use crate::ast::{self, DeclKind, VerbKind};
use crate::source::Span;
use std::collections::HashMap;

mod deploy;
mod lifecycle;
mod mapping;
mod observe;
mod usage;
pub use deploy::*;
pub use lifecycle::*;
pub use mapping::*;
pub use observe::*;
pub use usage::*;

/// A value with the span of the text that set it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was written (the declaration's name for defaults).
    pub span: Span,
}

impl<T> Spanned<T> {
    /// Pairs a value with its span.
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// A resolved reference to a declaration.
#[derive(Debug, Clone, PartialEq)]
pub struct Ref {
    /// The declaration's kind.
    pub kind: DeclKind,
    /// Its name.
    pub name: String,
    /// Where the reference is written.
    pub span: Span,
}

/// The whole application.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// The `app` name, if declared.
    pub app_name: Option<String>,
    /// Stack-wide tags.
    pub tags: Vec<(String, String)>,
    /// The stage this model is built for (see `stages`); none for a spec
    /// without stages.
    pub stage: Option<String>,
    /// Log retention in days that `app` sets (30 without one): also the
    /// retention of API access logs.
    pub log_retention: u64,
    /// Encrypt queues, topics, tables, log groups and environments with the
    /// app's own KMS key (`encryption = kms`, the default) rather than AWS
    /// managed keys (`encryption = aws_managed`).
    pub customer_key: bool,
    /// What happens to the data of stateful resources when the stack deletes
    /// or replaces them: the `app`'s `on_delete` (`retain` without one), the
    /// default of every table, bucket, stream and queue, and the setting of
    /// the log groups and (see [`Model::key_retained`]) the app's key.
    pub on_delete: Spanned<OnDelete>,
    /// `on_replace`: what becomes of a stateful resource replaced by an
    /// update, by declaration name, where it differs from what its
    /// `on_delete` says (the default for both paths).
    pub on_replace: HashMap<String, Spanned<OnDelete>>,
    /// Policy checks the app acknowledges not meeting, with the reason:
    /// emitted as checkov skip metadata on every resource.
    pub acknowledgements: Vec<(Spanned<String>, String)>,
    /// `account_logging_role = true` on the `app`: the stack sets the
    /// account's API Gateway CloudWatch role, so REST APIs log by default.
    pub account_logging_role: Option<Span>,
    /// Every declaration in source order (dependencies' files first).
    pub order: Vec<(DeclKind, usize)>,
    /// What each body and word of the spec accepts, as the resolver asked
    /// for it: an editor completes from it (see `ide`).
    pub accepted: Accepted,
    /// `type` declarations.
    pub types: Vec<TypeDef>,
    /// `event` declarations.
    pub events: Vec<EventDef>,
    /// `function` declarations.
    pub functions: Vec<Function>,
    /// `api` declarations.
    pub apis: Vec<Api>,
    /// `rule` declarations.
    pub rules: Vec<Rule>,
    /// `schedule` declarations.
    pub schedules: Vec<Schedule>,
    /// `queue` declarations.
    pub queues: Vec<Queue>,
    /// `topic` declarations.
    pub topics: Vec<Topic>,
    /// `bus` declarations.
    pub buses: Vec<Bus>,
    /// `table` declarations.
    pub tables: Vec<Table>,
    /// `bucket` declarations.
    pub buckets: Vec<Bucket>,
    /// `stream` declarations (Kinesis data streams).
    pub streams: Vec<DataStream>,
    /// `state_machine` declarations (Step Functions).
    pub state_machines: Vec<StateMachine>,
    /// `secret` declarations.
    pub secrets: Vec<Secret>,
    /// `parameter` declarations.
    pub parameters: Vec<Parameter>,
    /// `param` declarations: the template's parameters.
    pub params: Vec<Param>,
    /// Number properties a `param` gives (`delay = Delay`), in source order.
    pub param_uses: Vec<ParamUse>,
    /// `userpool` declarations (Cognito user pools).
    pub user_pools: Vec<UserPool>,
    /// `resource` declarations: CloudFormation resources written as such,
    /// which slsc emits but does not reason about.
    pub resources: Vec<RawResource>,
    /// `pipe` declarations (EventBridge Pipes).
    pub pipes: Vec<Pipe>,
    /// `schedule_group` declarations (EventBridge Scheduler groups).
    pub schedule_groups: Vec<ScheduleGroup>,
    /// `layer` declarations (Lambda layers).
    pub layers: Vec<Layer>,
    /// `alarm` declarations (CloudWatch alarms on functions' metrics).
    pub alarms: Vec<Alarm>,
    /// Alarm, SLO and dashboard settings (default alarms are derived from
    /// them in `observe`).
    pub observe: Observe,
    /// Every declaration by name: its kind and index in its list. Lookups go
    /// through it so that no stage is quadratic in the size of the spec.
    pub names: HashMap<String, (DeclKind, usize)>,
    /// `name = "..."`: the physical name a declaration fixes for its
    /// resource (apps and their code depend on it), by declaration name.
    /// Without one, CloudFormation generates a unique name.
    pub physical_names: HashMap<String, Spanned<String>>,
    /// `description = "..."`: carried into the resource's `Description`, by
    /// declaration name.
    pub descriptions: HashMap<String, Spanned<String>>,
    /// The app's `outputs { ... }`, in order.
    pub outputs: Vec<Output>,
    /// `overrides { Key = value }`: properties of a declaration's resource
    /// written as CloudFormation names them, by declaration name; each
    /// replaces what slsc would write for that key (the escape hatch).
    pub overrides: HashMap<String, Vec<(Spanned<String>, RawValue)>>,
    /// `policy = [ { Effect, Principal, Action, ... } ]` of a queue, topic
    /// or bucket: statements written as IAM writes them, added to the
    /// resource policy slsc derives, by declaration name (each a
    /// [`RawValue::Map`], with where it is written). Unchecked, like
    /// `resource`.
    pub policies: HashMap<String, Vec<Spanned<RawValue>>>,
    /// `condition` declarations: deploy-time conditions on parameters.
    pub conditions: Vec<ConditionDef>,
    /// Conditions slsc adds: the negations `A if C else B` needs where the
    /// spec declares none.
    pub extra_conditions: Vec<ConditionDef>,
    /// `when = Cond`: the condition a declaration exists under, by
    /// declaration name. Whatever is made for it exists under it too, and
    /// whatever else refers to it only where the condition holds.
    pub when: HashMap<String, Spanned<String>>,
    /// `key = value if Cond [else other]`: properties set only under a
    /// condition, by declaration name and property.
    pub prop_conds: HashMap<(String, String), PropCond>,
    /// The traffic the spec declares, and what it says of durations,
    /// object sizes and rules' matches: read by `slsc cost` only.
    pub usage: Usage,
}

/// A `condition` declaration.
#[derive(Debug, Clone)]
pub struct ConditionDef {
    /// Its name (also its name in the template's `Conditions`).
    pub name: String,
    /// Where the name is.
    pub span: Span,
    /// When it holds.
    pub expr: Cond,
}

/// A deploy-time condition, resolved: parameters and other conditions by
/// name.
#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    /// Any of them holds.
    Or(Vec<Cond>),
    /// All of them hold.
    And(Vec<Cond>),
    /// It does not hold.
    Not(Box<Cond>),
    /// The two sides are the same text.
    Equals(CondOperand, CondOperand),
    /// Another condition.
    Ref(String),
}

/// A side of an equality test of a condition.
#[derive(Debug, Clone, PartialEq)]
pub enum CondOperand {
    /// A `param`, by name.
    Param(String),
    /// Text, which may hold `${Param}` and `${AWS::Region}`.
    Text(String),
}

/// `key = value if Cond [else other]`.
#[derive(Debug, Clone)]
pub struct PropCond {
    /// The condition's name.
    pub cond: Spanned<String>,
    /// The text the property takes when the condition does not hold (for
    /// text properties); none leaves it unset.
    pub otherwise: Option<Spanned<String>>,
}

impl Model {
    /// The condition declaration `name` exists under, if any.
    pub fn when_of(&self, name: &str) -> Option<&str> {
        self.when.get(name).map(|c| c.value.as_str())
    }

    /// Whether a deploy-time condition may leave out one of `f`'s
    /// destinations: `A if C` without `else`, or a destination under a
    /// `when` that `f` is not under.
    pub fn destination_may_be_cut(&self, f: &Function) -> bool {
        let mine = self.when_of(&f.name);
        let chosen = [&f.on_success_if, &f.on_failure_if]
            .into_iter()
            .flatten()
            .any(|c| c.otherwise.is_none());
        // A chosen destination under the condition that chooses it is
        // guarded by that choice (E0333 otherwise).
        let guarded = |to: &Ref| {
            [&f.on_success_if, &f.on_failure_if]
                .into_iter()
                .flatten()
                .any(|c| {
                    let w = self.when_of(&to.name);
                    w == Some(c.cond.value.as_str()) || w == Some(c.negation.as_str())
                })
        };
        chosen
            || f.written_destinations()
                .iter()
                .filter(|d| d.kind != DestinationKind::StreamFailure)
                .any(|d| {
                    self.when_of(&d.to.name).is_some_and(|w| Some(w) != mine) && !guarded(d.to)
                })
    }

    /// The condition property `key` of declaration `decl` is set under.
    pub fn prop_cond(&self, decl: &str, key: &str) -> Option<&PropCond> {
        self.prop_conds.get(&(decl.to_string(), key.to_string()))
    }
}

/// The type of a template parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamType {
    /// `string`: CloudFormation `String`.
    String,
    /// `number`: CloudFormation `Number`.
    Number,
    /// `list`: CloudFormation `CommaDelimitedList`, a list of strings given
    /// as one comma-separated text; it goes where a list of strings does,
    /// never where one string goes.
    List,
}

impl ParamType {
    /// The type as the spec writes it.
    pub fn word(self) -> &'static str {
        match self {
            ParamType::String => "string",
            ParamType::Number => "number",
            ParamType::List => "list",
        }
    }
}

/// A value a template parameter may take (a default, an allowed value).
#[derive(Debug, Clone, PartialEq)]
pub enum ParamValue {
    /// A string.
    Str(String),
    /// A number.
    Num(f64),
}

impl ParamValue {
    /// The value as text, as it is substituted into strings.
    pub fn text(&self) -> String {
        match self {
            ParamValue::Str(s) => s.clone(),
            ParamValue::Num(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            ParamValue::Num(n) => format!("{n}"),
        }
    }
}

/// A `param` declaration: a template parameter, set when the stack is
/// deployed and referenced as `${Name}` inside strings (or by its bare name
/// where a string goes).
#[derive(Debug, Clone)]
pub struct Param {
    /// Its name (also its logical ID in `Parameters`).
    pub name: String,
    /// Where the name is.
    pub span: Span,
    /// Its type.
    pub ty: ParamType,
    /// `default`.
    pub default: Option<Spanned<ParamValue>>,
    /// `allowed = [...]`: `AllowedValues`.
    pub allowed: Option<Spanned<Vec<ParamValue>>>,
    /// `description`.
    pub description: Option<Spanned<String>>,
    /// `secret = true`: `NoEcho`, so that CloudFormation masks the value.
    pub secret: bool,
    /// `pattern`: `AllowedPattern` (strings).
    pub pattern: Option<Spanned<String>>,
    /// `min_length` / `max_length` (strings).
    pub min_length: Option<Spanned<i64>>,
    /// See `min_length`.
    pub max_length: Option<Spanned<i64>>,
    /// `min` / `max`: `MinValue` / `MaxValue` (numbers).
    pub min: Option<Spanned<f64>>,
    /// See `min`.
    pub max: Option<Spanned<f64>>,
    /// `import = "EXPORT"`: the value another stack exports under this
    /// name (`Fn::ImportValue`) rather than one given at deploy time.
    pub import: Option<Spanned<String>>,
}

/// A number property that a `param` may give: its value is then the
/// parameter's, in the unit of the CloudFormation property it becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumProp {
    /// A queue's `visibility_timeout`: `VisibilityTimeout`, seconds.
    QueueVisibility,
    /// A queue's `retention`: `MessageRetentionPeriod`, seconds.
    QueueRetention,
    /// A queue's `delay`: `DelaySeconds`.
    QueueDelay,
    /// A queue's `receive_wait`: `ReceiveMessageWaitTimeSeconds`.
    QueueReceiveWait,
    /// A queue's `max_message_size`: `MaximumMessageSize`, bytes.
    QueueMaxMessageSize,
    /// A function's `memory`: `MemorySize`, MB.
    FunctionMemory,
    /// A function's `timeout`: `Timeout`, seconds.
    FunctionTimeout,
}

impl NumProp {
    /// The property as the spec writes it.
    pub fn key(self) -> &'static str {
        match self {
            NumProp::QueueVisibility => "visibility_timeout",
            NumProp::QueueRetention => "retention",
            NumProp::QueueDelay => "delay",
            NumProp::QueueReceiveWait => "receive_wait",
            NumProp::QueueMaxMessageSize => "max_message_size",
            NumProp::FunctionMemory => "memory",
            NumProp::FunctionTimeout => "timeout",
        }
    }

    /// The unit of the parameter's value: the CloudFormation property's.
    pub fn unit(self) -> &'static str {
        match self {
            NumProp::QueueMaxMessageSize => "bytes",
            NumProp::FunctionMemory => "MB",
            _ => "seconds",
        }
    }

    /// AWS's value when the property is not set (None: the template
    /// leaves it out), in [`NumProp::unit`].
    pub fn aws_default(self) -> Option<u64> {
        match self {
            NumProp::QueueVisibility => Some(30),
            NumProp::QueueRetention => Some(345_600),
            NumProp::FunctionMemory => Some(128),
            NumProp::FunctionTimeout => Some(3),
            _ => None,
        }
    }

    /// The values AWS accepts, in [`NumProp::unit`].
    pub fn range(self) -> (i64, i64) {
        match self {
            NumProp::QueueVisibility => (0, 43_200),
            NumProp::QueueRetention => (60, 1_209_600),
            NumProp::QueueDelay => (0, 900),
            NumProp::QueueReceiveWait => (0, 20),
            NumProp::QueueMaxMessageSize => (1_024, 1_048_576),
            NumProp::FunctionMemory => (128, 10_240),
            NumProp::FunctionTimeout => (1, 900),
        }
    }
}

/// A `param` that gives a number property (`delay = Delay`).
#[derive(Debug, Clone)]
pub struct ParamUse {
    /// The declaration whose property it is.
    pub decl: String,
    /// Which property.
    pub prop: NumProp,
    /// The parameter's name, where the property names it.
    pub param: Spanned<String>,
}

/// A stack output the app declares: `Name = Decl.attr`, or
/// `Name = { value = Decl.attr, export = "...", description = "..." }`.
#[derive(Debug, Clone)]
pub struct Output {
    /// Its key (the output's logical ID), as written.
    pub name: Spanned<String>,
    /// The attribute it outputs.
    pub value: Ref,
    /// Which attribute.
    pub attr: Attr,
    /// The export name other stacks import it by (`Fn::ImportValue`).
    pub export: Option<Spanned<String>>,
    /// Its description.
    pub description: Option<Spanned<String>>,
}

/// `on_delete`: what CloudFormation does with a stateful resource, and its
/// data, when the stack is deleted or the resource replaced.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum OnDelete {
    /// `retain` (the default): `DeletionPolicy` and `UpdateReplacePolicy`
    /// `Retain`; the resource outlives the stack.
    #[default]
    Retain,
    /// `delete { reason = "..." }`: deleted with the stack, for this reason.
    Delete(Spanned<String>),
}

impl OnDelete {
    /// The `DeletionPolicy` and `UpdateReplacePolicy` value.
    pub fn policy(&self) -> &'static str {
        match self {
            OnDelete::Retain => "Retain",
            OnDelete::Delete(_) => "Delete",
        }
    }

    /// True for `retain`.
    pub fn retains(&self) -> bool {
        matches!(self, OnDelete::Retain)
    }
}

impl Model {
    /// Whether `r` names a queue, topic or bus outside the stack
    /// (`arn = ...`): its owner's key encrypts it, and only its owner
    /// writes its policy.
    pub fn outside(&self, r: &Ref) -> bool {
        match r.kind {
            DeclKind::Queue => self.queue(&r.name).is_some_and(|q| q.arn.is_some()),
            DeclKind::Topic => self.topic(&r.name).is_some_and(|t| t.arn.is_some()),
            DeclKind::Bus => self.bus(&r.name).is_some_and(|b| b.arn.is_some()),
            _ => false,
        }
    }

    /// The bus of this name, if declared.
    pub fn bus(&self, name: &str) -> Option<&Bus> {
        self.index(DeclKind::Bus, name).map(|i| &self.buses[i])
    }

    /// The physical name `name = "..."` fixes for declaration `decl`.
    pub fn physical_name(&self, decl: &str) -> Option<&Spanned<String>> {
        self.physical_names.get(decl)
    }

    /// The `param` that gives property `prop` of declaration `decl`, if one
    /// does (`delay = Delay`).
    pub fn param_for(&self, decl: &str, prop: NumProp) -> Option<&ParamUse> {
        self.param_uses
            .iter()
            .find(|u| u.prop == prop && u.decl == decl)
    }

    /// The `description = "..."` of declaration `decl`.
    pub fn description(&self, decl: &str) -> Option<&Spanned<String>> {
        self.descriptions.get(decl)
    }

    /// The resources declared `external = true` (used from outside the app),
    /// in source order: each gets its ARN as a stack output.
    pub fn externals(&self) -> Vec<(DeclKind, &str, Span)> {
        use DeclKind as K;
        self.order
            .iter()
            .filter_map(|&(kind, i)| match kind {
                K::Function if self.functions[i].external => Some((
                    kind,
                    self.functions[i].name.as_str(),
                    self.functions[i].span,
                )),
                K::Queue if self.queues[i].external => {
                    Some((kind, self.queues[i].name.as_str(), self.queues[i].span))
                }
                K::Topic if self.topics[i].external => {
                    Some((kind, self.topics[i].name.as_str(), self.topics[i].span))
                }
                K::StateMachine if self.state_machines[i].external => Some((
                    kind,
                    self.state_machines[i].name.as_str(),
                    self.state_machines[i].span,
                )),
                K::Bus if self.buses[i].external => {
                    Some((kind, self.buses[i].name.as_str(), self.buses[i].span))
                }
                _ => None,
            })
            .collect()
    }

    /// Where a declaration's name is written.
    pub fn declaration_span(&self, name: &str) -> Option<Span> {
        let (kind, i) = *self.names.get(name)?;
        self.span_of(kind, i)
    }

    /// Where the `index`-th declaration of `kind` is written; None for the
    /// app, which has no one place.
    pub fn span_of(&self, kind: DeclKind, i: usize) -> Option<Span> {
        use DeclKind as K;
        Some(match kind {
            K::Type => self.types[i].span,
            K::Event => self.events[i].span,
            K::Function => self.functions[i].span,
            K::Api => self.apis[i].span,
            K::Rule => self.rules[i].span,
            K::Schedule => self.schedules[i].span,
            K::Queue => self.queues[i].span,
            K::Topic => self.topics[i].span,
            K::Bus => self.buses[i].span,
            K::Table => self.tables[i].span,
            K::Bucket => self.buckets[i].span,
            K::Stream => self.streams[i].span,
            K::StateMachine => self.state_machines[i].span,
            K::Secret => self.secrets[i].span,
            K::Parameter => self.parameters[i].span,
            K::Param => self.params[i].span,
            K::UserPool => self.user_pools[i].span,
            K::Resource => self.resources[i].span,
            K::Condition => self.conditions[i].span,
            K::Pipe => self.pipes[i].span,
            K::ScheduleGroup => self.schedule_groups[i].span,
            K::Layer => self.layers[i].span,
            K::Alarm => self.alarms[i].span,
            K::App | K::Stage => return None,
        })
    }

    /// Whether the app's KMS key is kept when the stack is deleted: when the
    /// app retains by default, or when anything it encrypts is retained
    /// (data kept without its key could never be read again).
    pub fn key_retained(&self) -> bool {
        self.on_delete.value.retains()
            || self.queues.iter().any(|q| q.on_delete.value.retains())
            || self.tables.iter().any(|t| t.on_delete.value.retains())
            || self.streams.iter().any(|s| s.on_delete.value.retains())
            || self.on_replace.values().any(|r| r.value.retains())
    }

    /// What becomes of declaration `decl`'s resource when an update
    /// replaces it: its `on_replace`, else `on_delete` (its own or the
    /// app's).
    pub fn replacement<'a>(&'a self, decl: &str, on_delete: &'a OnDelete) -> &'a OnDelete {
        self.on_replace.get(decl).map_or(on_delete, |r| &r.value)
    }

    fn index(&self, kind: DeclKind, name: &str) -> Option<usize> {
        match self.names.get(name) {
            Some((k, i)) if *k == kind => Some(*i),
            _ => None,
        }
    }

    /// The name of the `i`-th declaration of `kind`; None for the app.
    pub fn name_of(&self, kind: DeclKind, i: usize) -> Option<&str> {
        Some(match kind {
            DeclKind::Type => &self.types[i].name,
            DeclKind::Event => &self.events[i].name,
            DeclKind::Function => &self.functions[i].name,
            DeclKind::Api => &self.apis[i].name,
            DeclKind::Rule => &self.rules[i].name,
            DeclKind::Schedule => &self.schedules[i].name,
            DeclKind::Queue => &self.queues[i].name,
            DeclKind::Topic => &self.topics[i].name,
            DeclKind::Bus => &self.buses[i].name,
            DeclKind::Table => &self.tables[i].name,
            DeclKind::Bucket => &self.buckets[i].name,
            DeclKind::Stream => &self.streams[i].name,
            DeclKind::StateMachine => &self.state_machines[i].name,
            DeclKind::Secret => &self.secrets[i].name,
            DeclKind::Parameter => &self.parameters[i].name,
            DeclKind::Param => &self.params[i].name,
            DeclKind::UserPool => &self.user_pools[i].name,
            DeclKind::Resource => &self.resources[i].name,
            DeclKind::Condition => &self.conditions[i].name,
            DeclKind::Pipe => &self.pipes[i].name,
            DeclKind::ScheduleGroup => &self.schedule_groups[i].name,
            DeclKind::Layer => &self.layers[i].name,
            DeclKind::Alarm => &self.alarms[i].name,
            DeclKind::App | DeclKind::Stage => return None,
        })
    }

    /// Records the declarations of `order` in `names`.
    pub fn index_names(&mut self) {
        let names: Vec<(String, (DeclKind, usize))> = self
            .order
            .iter()
            .filter_map(|&(kind, i)| {
                let name = self.name_of(kind, i)?;
                Some((name.to_string(), (kind, i)))
            })
            .collect();
        self.names = names.into_iter().collect();
    }

    /// Sets each function's `invoked_async`: true when something in the app
    /// may invoke it asynchronously (a rule or schedule target, a bucket or
    /// topic trigger, another function's destination or `invokes`).
    pub fn mark_async_invocations(&mut self) {
        let mut invoked: std::collections::HashSet<String> = std::collections::HashSet::new();
        for r in &self.rules {
            invoked.extend(r.targets.iter().map(|t| t.name.clone()));
        }
        for s in &self.schedules {
            invoked.insert(s.target.name.clone());
        }
        // Scheduler invokes a group's targets asynchronously; a pipe its
        // function target with `FIRE_AND_FORGET`.
        for g in &self.schedule_groups {
            invoked.extend(g.targets.iter().map(|t| t.name.clone()));
        }
        for p in &self.pipes {
            if !p.sync() {
                invoked.insert(p.target.name.clone());
            }
        }
        for f in &self.functions {
            let pushed = f.external
                || f.triggers
                    .iter()
                    .any(|t| matches!(t, Trigger::Bucket { .. } | Trigger::Topic { .. }));
            if pushed {
                invoked.insert(f.name.clone());
            }
            for a in f.access.iter().filter(|a| a.verb == VerbKind::Invokes) {
                invoked.insert(a.target.name.clone());
            }
        }
        // A function named as a destination is invoked asynchronously only
        // when its caller's destinations take effect, that is when the
        // caller is itself invoked asynchronously: follow the chain.
        let mut pending: Vec<String> = invoked.iter().cloned().collect();
        while let Some(name) = pending.pop() {
            let Some(f) = self.function(&name) else {
                continue;
            };
            let written = f.written_destinations();
            let named = written
                .iter()
                .filter(|d| d.kind != DestinationKind::StreamFailure);
            for d in named.map(|d| d.to) {
                if d.kind == DeclKind::Function && invoked.insert(d.name.clone()) {
                    pending.push(d.name.clone());
                }
            }
        }
        for f in &mut self.functions {
            f.invoked_async = invoked.contains(&f.name);
        }
    }

    /// Whether the CloudFormation target needs the `CodeBucket` and
    /// `CodeKeyPrefix` parameters: a function or layer is packaged from
    /// the spec's folder.
    pub fn has_local_code(&self) -> bool {
        self.functions.iter().any(Function::has_local_code)
            || self
                .layers
                .iter()
                .any(|l| l.code().is_some_and(CodeSource::is_local))
    }

    /// The layer with this name.
    pub fn layer(&self, name: &str) -> Option<&Layer> {
        self.index(DeclKind::Layer, name).map(|i| &self.layers[i])
    }

    /// The alarm with this name.
    pub fn alarm(&self, name: &str) -> Option<&Alarm> {
        self.index(DeclKind::Alarm, name).map(|i| &self.alarms[i])
    }

    /// The function with this name.
    pub fn function(&self, name: &str) -> Option<&Function> {
        self.index(DeclKind::Function, name)
            .map(|i| &self.functions[i])
    }

    /// The queue with this name.
    pub fn queue(&self, name: &str) -> Option<&Queue> {
        self.index(DeclKind::Queue, name).map(|i| &self.queues[i])
    }

    /// The topic with this name.
    pub fn topic(&self, name: &str) -> Option<&Topic> {
        self.index(DeclKind::Topic, name).map(|i| &self.topics[i])
    }

    /// The table with this name.
    pub fn table(&self, name: &str) -> Option<&Table> {
        self.index(DeclKind::Table, name).map(|i| &self.tables[i])
    }

    /// The Kinesis data stream with this name.
    pub fn stream(&self, name: &str) -> Option<&DataStream> {
        self.index(DeclKind::Stream, name).map(|i| &self.streams[i])
    }

    /// The state machine with this name.
    pub fn state_machine(&self, name: &str) -> Option<&StateMachine> {
        self.index(DeclKind::StateMachine, name)
            .map(|i| &self.state_machines[i])
    }

    /// The user pool with this name.
    pub fn user_pool(&self, name: &str) -> Option<&UserPool> {
        self.index(DeclKind::UserPool, name)
            .map(|i| &self.user_pools[i])
    }

    /// The event with this name.
    pub fn event(&self, name: &str) -> Option<&EventDef> {
        self.index(DeclKind::Event, name).map(|i| &self.events[i])
    }

    /// The secret with this name.
    pub fn secret(&self, name: &str) -> Option<&Secret> {
        self.index(DeclKind::Secret, name).map(|i| &self.secrets[i])
    }

    /// The parameter with this name.
    pub fn parameter(&self, name: &str) -> Option<&Parameter> {
        self.index(DeclKind::Parameter, name)
            .map(|i| &self.parameters[i])
    }

    /// The value of a resource attribute when the spec itself gives it,
    /// known before anything is deployed: a secret's name (the one
    /// attribute of a secret), a parameter's name, the default bus's name.
    /// None for values CloudFormation resolves at deploy time, and for a
    /// secret or parameter left out of the model (its declaration has
    /// errors).
    pub fn fixed_attr(&self, kind: DeclKind, name: &str, attr: Attr) -> Option<&str> {
        match (kind, attr) {
            (DeclKind::Secret, _) => self.secret(name).map(|s| s.secret_name.value.as_str()),
            (DeclKind::Parameter, Attr::Name) => self
                .parameter(name)
                .map(|p| p.parameter_name.value.as_str()),
            (DeclKind::Bus, Attr::Name) if name == "default" => Some("default"),
            _ => None,
        }
    }

    /// The record type with this name.
    pub fn type_def(&self, name: &str) -> Option<&TypeDef> {
        self.index(DeclKind::Type, name).map(|i| &self.types[i])
    }
}

/// A type of a field.
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    /// `string`.
    String,
    /// `int`.
    Int,
    /// `number`.
    Number,
    /// `bool`.
    Bool,
    /// `timestamp`: an RFC 3339 date-time string.
    Timestamp,
    /// `"a" | "b"`.
    Enum(Vec<String>),
    /// `[T]`.
    List(Box<Ty>),
    /// An inline record.
    Record(Vec<FieldDef>),
    /// A declared `type`, by name.
    Named(String),
}

/// A field of a record.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldDef {
    /// Its name.
    pub name: String,
    /// `name?:`.
    pub optional: bool,
    /// Its type.
    pub ty: Ty,
    /// Constraints on its values.
    pub constraints: Constraints,
    /// Where it is declared.
    pub span: Span,
}

/// Constraints on a field's values, as JSON Schema has them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Constraints {
    /// Smallest number allowed.
    pub min: Option<f64>,
    /// Largest number allowed.
    pub max: Option<f64>,
    /// Shortest string allowed.
    pub min_length: Option<u64>,
    /// Longest string allowed.
    pub max_length: Option<u64>,
    /// Regular expression strings must match (ECMA 262, as in JSON Schema).
    pub pattern: Option<String>,
    /// Fewest list items allowed.
    pub min_items: Option<u64>,
    /// Most list items allowed.
    pub max_items: Option<u64>,
    /// An example value (JSON), used by `slsc sample` and in JSON Schema
    /// `examples`; needed where a `pattern` makes up-made values invalid.
    pub example: Option<serde_json::Value>,
}

/// A `type` declaration.
#[derive(Debug, Clone)]
pub struct TypeDef {
    /// Its name.
    pub name: String,
    /// Where the name is.
    pub span: Span,
    /// Its fields.
    pub fields: Vec<FieldDef>,
}

/// An `event` declaration.
#[derive(Debug, Clone)]
pub struct EventDef {
    /// Its name.
    pub name: String,
    /// Where the name is.
    pub span: Span,
    /// EventBridge `source`.
    pub source: String,
    /// EventBridge `detail-type`.
    pub detail_type: String,
    /// The fields of `detail`.
    pub fields: Vec<FieldDef>,
    /// Produced outside the spec (no `emits` expected).
    pub external: bool,
}

/// CPU architecture of a function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arch {
    /// `x86_64`.
    X86,
    /// `arm64`.
    Arm,
}

/// An access verb applied to one resource.
#[derive(Debug, Clone)]
pub struct Access {
    /// The verb.
    pub verb: VerbKind,
    /// The resource.
    pub target: Ref,
    /// For `emits`: the event emitted; for `sends`/`publishes`: the declared
    /// message type, if any.
    pub event: Option<Ref>,
    /// For buckets: only keys under this prefix.
    pub prefix: Option<Spanned<String>>,
}

/// A value of an environment variable.
#[derive(Debug, Clone)]
pub enum EnvValue {
    /// A literal string.
    Literal(String),
    /// An attribute of a declared resource, e.g. `Orders.name`.
    Attr(Ref, Attr),
}

/// Attributes of resources usable as values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attr {
    /// The physical name.
    Name,
    /// The ARN.
    Arn,
    /// The URL (queues, APIs).
    Url,
    /// The URL of an API through its custom domain (`Api.domain_url`).
    DomainUrl,
    /// The stream ARN (tables).
    StreamArn,
    /// The generated ID (user pools).
    Id,
    /// A user pool's token issuer URL (`Users.issuer`), what JWT
    /// authorizers and clients verify tokens against.
    Issuer,
    /// The URL of a user pool's hosted UI (`Users.hosted_ui_url`), on the
    /// prefix its `domain` sets.
    HostedUiUrl,
    /// The generated ID of a user pool's client (`Users.Web.id`): the
    /// client at this index of the pool's `clients`.
    ClientId(u16),
    /// What `Ref` returns for a `resource` declaration (`Cdn.ref`).
    Ref,
    /// An attribute `Fn::GetAtt` returns for a `resource` declaration
    /// (`Cdn.DomainName`), as the resource type's schema names it.
    Get(&'static str),
    /// The ARN of the role a schedule group's schedules run with
    /// (`Reminders.role`), which a state machine passes when it creates one.
    Role,
}

impl Attr {
    /// The word used in specs.
    pub fn word(self) -> &'static str {
        match self {
            Attr::Name => "name",
            Attr::Arn => "arn",
            Attr::Url => "url",
            Attr::DomainUrl => "domain_url",
            Attr::StreamArn => "stream_arn",
            Attr::Id | Attr::ClientId(_) => "id",
            Attr::Issuer => "issuer",
            Attr::HostedUiUrl => "hosted_ui_url",
            Attr::Ref => "ref",
            Attr::Role => "role",
            Attr::Get(name) => name,
        }
    }
}

/// Where DynamoDB stream readers start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartPosition {
    /// `latest`.
    Latest,
    /// `trim_horizon`.
    TrimHorizon,
}

/// S3 notification event kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BucketEvent {
    /// `created`: object created (any way).
    Created,
    /// `removed`: object removed (any way).
    Removed,
    /// `put`: created by a `PutObject`.
    Put,
    /// `post`: created by a browser form upload (`POST`).
    Post,
    /// `copy`: created by a `CopyObject`.
    Copy,
    /// `multipart_upload`: created by completing a multipart upload.
    MultipartUpload,
    /// `delete`: a versioned object (or an unversioned bucket's object)
    /// deleted for good.
    Delete,
    /// `delete_marker`: a delete marker created in a versioned bucket.
    DeleteMarker,
}

impl BucketEvent {
    /// Every kind, with the word that writes it.
    pub const WORDS: [(&'static str, BucketEvent); 8] = [
        ("created", BucketEvent::Created),
        ("removed", BucketEvent::Removed),
        ("put", BucketEvent::Put),
        ("post", BucketEvent::Post),
        ("copy", BucketEvent::Copy),
        ("multipart_upload", BucketEvent::MultipartUpload),
        ("delete", BucketEvent::Delete),
        ("delete_marker", BucketEvent::DeleteMarker),
    ];

    /// S3's name for it in a notification configuration.
    pub fn s3_event(self) -> &'static str {
        match self {
            BucketEvent::Created => "s3:ObjectCreated:*",
            BucketEvent::Removed => "s3:ObjectRemoved:*",
            BucketEvent::Put => "s3:ObjectCreated:Put",
            BucketEvent::Post => "s3:ObjectCreated:Post",
            BucketEvent::Copy => "s3:ObjectCreated:Copy",
            BucketEvent::MultipartUpload => "s3:ObjectCreated:CompleteMultipartUpload",
            BucketEvent::Delete => "s3:ObjectRemoved:Delete",
            BucketEvent::DeleteMarker => "s3:ObjectRemoved:DeleteMarkerCreated",
        }
    }

    /// A kind of object creation (rather than removal).
    pub fn is_creation(self) -> bool {
        !matches!(
            self,
            BucketEvent::Removed | BucketEvent::Delete | BucketEvent::DeleteMarker
        )
    }

    /// Whether one S3 event can be of both kinds: equal kinds, or a
    /// wildcard and a kind it covers.
    pub fn overlaps(self, other: BucketEvent) -> bool {
        let wildcard = |k: BucketEvent| matches!(k, BucketEvent::Created | BucketEvent::Removed);
        self == other
            || (self.is_creation() == other.is_creation() && (wildcard(self) || wildcard(other)))
    }
}

/// A trigger of a function.
#[derive(Debug, Clone)]
pub enum Trigger {
    /// `on Queue { ... }`.
    Queue {
        /// The queue.
        queue: Ref,
        /// Records per batch.
        batch: Spanned<u32>,
        /// Batching window in seconds.
        window: Option<Spanned<u32>>,
        /// Report batch item failures.
        partial_failures: bool,
        /// Most concurrent invocations for this queue (2-1000).
        max_concurrency: Option<Spanned<i64>>,
        /// `where ...` on the message body: Lambda's event filtering.
        filter: Option<Filter>,
        /// Where the trigger is.
        span: Span,
    },
    /// `on Table.stream { ... }` or `on Stream { ... }` (Kinesis).
    Stream {
        /// The table (its DynamoDB stream) or the Kinesis data stream.
        source: Ref,
        /// Records per batch.
        batch: Spanned<u32>,
        /// Batching window in seconds.
        window: Option<Spanned<u32>>,
        /// Where to start reading.
        start: StartPosition,
        /// Retries of a failed batch (None: until the record expires).
        retries: Option<Spanned<i64>>,
        /// Split a failing batch in two.
        bisect: bool,
        /// Report batch item failures.
        partial_failures: bool,
        /// Oldest record processed, in seconds (-1: until it expires).
        max_age: Option<Spanned<i64>>,
        /// Concurrent batches per shard (1-10).
        parallelization: Option<Spanned<i64>>,
        /// Where records that fail all retries are sent (a standard queue or
        /// topic, or a bucket).
        on_failure: Option<Ref>,
        /// `on_failure = drop { reason = "..." }`.
        drops_failures: Option<Spanned<String>>,
        /// `where ...` on a Kinesis record's data: Lambda's event filtering.
        filter: Option<Filter>,
        /// `consumer = "Name"` (Kinesis): read through an enhanced fan-out
        /// consumer of that name, with throughput of its own.
        consumer: Option<Spanned<String>>,
        /// Where the trigger is.
        span: Span,
    },
    /// `on Bucket { ... }`.
    Bucket {
        /// The bucket.
        bucket: Ref,
        /// Event kinds.
        events: Vec<BucketEvent>,
        /// Key prefix filter.
        prefix: Option<String>,
        /// Key suffix filter.
        suffix: Option<String>,
        /// Where the trigger is.
        span: Span,
    },
    /// `on Topic [{ dead_letter = Q }]`.
    Topic {
        /// The topic.
        topic: Ref,
        /// Where SNS sends the messages it could not deliver to the function.
        dead_letter: Option<Ref>,
        /// `dead_letter = drop { reason = "..." }`.
        drops_failures: Option<Spanned<String>>,
        /// The `where` filter, lowered: the subscription's filter policy.
        filter: Option<Filter>,
        /// `filter_on = attributes`: the filter tests message attributes.
        on_attributes: Option<Span>,
        /// Where the trigger is.
        span: Span,
    },
}

/// Which setting sends to a [`Destination`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DestinationKind {
    /// The function's `on_failure` (failed asynchronous invocations).
    OnFailure,
    /// The function's `on_success` (successful asynchronous invocations).
    OnSuccess,
    /// A stream trigger's `on_failure` (records that failed every retry).
    StreamFailure,
}

/// `A if C [else B]` on a function's destination.
#[derive(Debug, Clone)]
pub struct DestIf {
    /// The condition under which the written destination is used.
    pub cond: Spanned<String>,
    /// The condition that holds where `cond` does not (declared `not C`,
    /// or one slsc adds to the template).
    pub negation: String,
    /// The destination used where `cond` does not hold; none: no
    /// destination there.
    pub otherwise: Option<Ref>,
}

/// A resource the function's role delivers invocation records to.
#[derive(Debug, Clone, Copy)]
pub struct Destination<'a> {
    /// The destination.
    pub to: &'a Ref,
    /// The setting that names it.
    pub kind: DestinationKind,
}

impl Function {
    /// Every destination the function's role sends records to, in the
    /// order written: `on_failure`, `on_success` (when something invokes the
    /// function asynchronously), then the stream triggers'.
    pub fn destinations(&self) -> Vec<Destination<'_>> {
        let mut out = self.written_destinations();
        out.retain(|d| self.invoked_async || d.kind == DestinationKind::StreamFailure);
        out
    }

    /// Whether the function has asynchronous settings to write: it is
    /// invoked asynchronously (otherwise they would do nothing, W0329, and
    /// their destinations are not granted) and sets retries, an event age
    /// or a destination.
    pub fn has_invoke_config(&self) -> bool {
        self.invoked_async
            && (self.retries.is_some()
                || self.max_event_age.is_some()
                || self.on_failure.is_some()
                || self.on_success.is_some())
    }

    /// Every destination the spec names, in the order written, whether or
    /// not anything invokes the function asynchronously.
    pub fn written_destinations(&self) -> Vec<Destination<'_>> {
        let mut out = Vec::new();
        // `A if C else B`: both, each a destination in some deployments.
        let failure_else = self
            .on_failure_if
            .as_ref()
            .and_then(|c| c.otherwise.as_ref());
        let success_else = self
            .on_success_if
            .as_ref()
            .and_then(|c| c.otherwise.as_ref());
        for to in self.on_failure.iter().chain(failure_else) {
            out.push(Destination {
                to,
                kind: DestinationKind::OnFailure,
            });
        }
        for to in self.on_success.iter().chain(success_else) {
            out.push(Destination {
                to,
                kind: DestinationKind::OnSuccess,
            });
        }
        for t in &self.triggers {
            if let Trigger::Stream {
                on_failure: Some(to),
                ..
            } = t
            {
                out.push(Destination {
                    to,
                    kind: DestinationKind::StreamFailure,
                });
            }
        }
        out
    }
}

impl Trigger {
    /// Where the trigger is written.
    pub fn span(&self) -> Span {
        match self {
            Trigger::Queue { span, .. }
            | Trigger::Stream { span, .. }
            | Trigger::Bucket { span, .. }
            | Trigger::Topic { span, .. } => *span,
        }
    }
}

/// How a function's logs are written (Lambda's `LoggingConfig`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Logging {
    /// `log_format = json`: one JSON object per record, which CloudWatch
    /// Logs Insights queries by field (text otherwise, Lambda's default).
    pub json: bool,
    /// `log_level`: the lowest application level Lambda keeps (`INFO`);
    /// JSON logs only.
    pub level: Option<&'static str>,
    /// `system_log_level`: the lowest level of Lambda's own records
    /// (`WARN`); JSON logs only.
    pub system_level: Option<&'static str>,
}

/// A `function` declaration.
#[derive(Debug, Clone)]
pub struct Function {
    /// Its name.
    pub name: String,
    /// Where the name is.
    pub span: Span,
    /// What it runs: a package on a managed runtime, or a container image.
    pub package: Package,
    /// Memory in MB.
    pub memory: Spanned<u64>,
    /// Timeout in seconds.
    pub timeout: Spanned<u64>,
    /// Architecture.
    pub arch: Arch,
    /// Environment variables in order.
    pub env: Vec<(Spanned<String>, EnvValue)>,
    /// Reserved concurrency.
    pub concurrency: Option<Spanned<i64>>,
    /// X-Ray active tracing.
    pub tracing: bool,
    /// Log retention in days.
    pub log_retention: Spanned<u64>,
    /// How its logs are written: JSON or text, and the lowest levels kept.
    pub logging: Logging,
    /// Access verbs, one entry per target.
    pub access: Vec<Access>,
    /// Triggers.
    pub triggers: Vec<Trigger>,
    /// Async invocation retries (0-2).
    pub retries: Option<Spanned<i64>>,
    /// Async maximum event age in seconds.
    pub max_event_age: Option<Spanned<u64>>,
    /// Async on-failure destination.
    pub on_failure: Option<Ref>,
    /// `on_failure = drop { reason = "..." }`: failed asynchronous events are
    /// lost on purpose, for this reason.
    pub drops_failures: Option<Spanned<String>>,
    /// Async on-success destination.
    pub on_success: Option<Ref>,
    /// `on_failure = A if C [else B]`: the destination is `on_failure`
    /// only where `C` holds, and this one (or none) elsewhere.
    pub on_failure_if: Option<DestIf>,
    /// `on_success = A if C [else B]`, likewise.
    pub on_success_if: Option<DestIf>,
    /// `allow ACTIONS on RESOURCES`: statements written by hand.
    pub allows: Vec<Allow>,
    /// `recursion = allow { reason = "..." }`: the function is part of an
    /// event loop on purpose, for this reason (the loop check accepts
    /// loops through it, and Lambda's recursive loop detection lets it run).
    pub recursion: Option<Spanned<String>>,
    /// Something in the app may invoke it asynchronously (set by
    /// [`Model::mark_async_invocations`]); without that, `retries`,
    /// `max_event_age`, `on_failure` and `on_success` do nothing and are
    /// neither granted nor emitted (W0329).
    pub invoked_async: bool,
    /// `external = true`: something outside the spec invokes it (another
    /// stack, a person with the CLI), possibly asynchronously, so its
    /// asynchronous settings take effect whatever the app does.
    pub external: bool,
    /// `snap_start = true`, where it is written. SnapStart snapshots
    /// published versions only, so such a function publishes a version on
    /// every change, behind its alias `live`, and what invokes it invokes
    /// that alias.
    pub snap_start: Option<Span>,
    /// `layers = [A, B]`: the layers it runs with, in order (Lambda
    /// extracts them into `/opt` in this order, later ones over earlier).
    pub layers: Vec<Ref>,
    /// `alias = NAME`: the function publishes a version on every change
    /// behind this alias, and what invokes it invokes the alias.
    pub alias: Option<Spanned<String>>,
    /// `deploy`, `rollback_on`, `before_traffic`, `after_traffic`,
    /// `deploy_notify`: CodeDeploy moves the alias to each new version.
    pub deploy: Option<Deploy>,
    /// `provisioned_concurrency`: instances kept initialized for the alias.
    pub provisioned: Option<Provisioned>,
}

/// What a function runs: Lambda's two package types.
#[derive(Debug, Clone, PartialEq)]
pub enum Package {
    /// A `.zip` package (a `.jar` is one too) run by a managed runtime.
    Zip {
        /// Where the code is.
        code: CodeSource,
        /// Handler entry point.
        handler: Spanned<String>,
        /// Runtime identifier (the `app`'s when the function names none).
        runtime: Spanned<String>,
    },
    /// `image = "..."`: a container image in Amazon ECR, which carries its
    /// own runtime and entry point. The URI may hold `${...}` parameter
    /// references, as strings where parameters may go do.
    Image(Spanned<String>),
}

impl Function {
    /// The alias what invokes it invokes: `alias = NAME`, else `live` with
    /// SnapStart (which works on published versions only); none when it is
    /// invoked as itself (`$LATEST`).
    pub fn alias_name(&self) -> Option<&str> {
        match (&self.alias, self.snap_start) {
            (Some(a), _) => Some(&a.value),
            (None, Some(_)) => Some(DEFAULT_ALIAS),
            (None, None) => None,
        }
    }

    /// Where its code is; none for a container image.
    pub fn code(&self) -> Option<&CodeSource> {
        match &self.package {
            Package::Zip { code, .. } => Some(code),
            Package::Image(_) => None,
        }
    }

    /// Its runtime; none for a container image.
    pub fn runtime(&self) -> Option<&Spanned<String>> {
        match &self.package {
            Package::Zip { runtime, .. } => Some(runtime),
            Package::Image(_) => None,
        }
    }

    /// Its code is packaged from the spec's folder (a folder or a built
    /// package), so the CloudFormation target needs the `CodeBucket`
    /// parameter for it.
    pub fn has_local_code(&self) -> bool {
        self.code().is_some_and(CodeSource::is_local)
    }
}

/// Where a function's code is: `code = "..."` in one of three forms.
#[derive(Debug, Clone, PartialEq)]
pub enum CodeSource {
    /// A folder relative to the spec, zipped when packaged.
    Folder(String),
    /// A built package relative to the spec: a `.zip`, or a `.jar` for Java.
    Artifact(String),
    /// A package already in S3: `s3://bucket/key[?versionId=...]`.
    S3 {
        /// The bucket.
        bucket: String,
        /// The object key.
        key: String,
        /// The object version, if pinned.
        version: Option<String>,
    },
}

impl CodeSource {
    /// Code packaged from the spec's folder (uploaded with the template),
    /// as opposed to already in S3.
    pub fn is_local(&self) -> bool {
        !matches!(self, CodeSource::S3 { .. })
    }
}

/// `allow "service:Action" on "arn:..." { acknowledge = "why" }`: the
/// escape hatch for permissions no verb derives.
#[derive(Debug, Clone)]
pub struct Allow {
    /// IAM actions as written.
    pub actions: Vec<Spanned<String>>,
    /// Resource ARNs as written.
    pub resources: Vec<Spanned<String>>,
    /// The reason given for a dangerous grant.
    pub acknowledged: Option<String>,
    /// The whole statement.
    pub span: Span,
}

/// A usage plan of a REST API: limits per API key, and the keys in it.
#[derive(Debug, Clone)]
pub struct UsagePlan {
    /// Its name, as declared.
    pub name: Spanned<String>,
    /// Requests per second and burst per key.
    pub throttle: Option<Throttle>,
    /// Requests per `period` per key.
    pub quota: Option<(Spanned<i64>, Spanned<String>)>,
    /// API keys created in the plan, by name.
    pub keys: Vec<Spanned<String>>,
}

/// Request throttling of an API or a route: a token bucket.
#[derive(Debug, Clone, PartialEq)]
pub struct Throttle {
    /// Steady requests per second.
    pub rate: Spanned<f64>,
    /// Requests above the rate accepted at once.
    pub burst: Spanned<i64>,
    /// Where it is written.
    pub span: Span,
}

/// Who may call an API's route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Auth {
    /// No authorization.
    None,
    /// Signed requests (SigV4), authorized by the caller's IAM policy.
    Iam,
    /// The API's authorizer at this index of [`Api::authorizers`].
    Authorizer(usize),
}

/// An authorizer of an API: declared in `authorizers { NAME = ... }`, or
/// written inline as the API's `auth = jwt { ... }` / `auth = lambda { ... }`.
#[derive(Debug, Clone)]
pub struct Authorizer {
    /// Its name: as declared, or `jwt` / `lambda` when inline.
    pub name: String,
    /// Where it is written.
    pub span: Span,
    /// Written inline as the API's `auth` (its template names stay those of
    /// an API with one authorizer).
    pub inline: bool,
    /// What checks the caller.
    pub kind: AuthorizerKind,
}

/// What an authorizer checks.
#[derive(Debug, Clone)]
pub enum AuthorizerKind {
    /// A JWT authorizer (HTTP APIs): API Gateway validates the token.
    Jwt {
        /// Who issues the tokens.
        issuer: JwtIssuer,
        /// Accepted audiences.
        audience: Vec<JwtAudience>,
    },
    /// A Cognito user pool authorizer (REST APIs, `COGNITO_USER_POOLS`):
    /// API Gateway accepts the pool's ID tokens, or its access tokens for
    /// routes with `scopes`.
    Cognito {
        /// The user pool: declared in the spec, or another stack's by ARN.
        pool: CognitoPool,
        /// `header = "..."`: where the token is read (default
        /// `Authorization`).
        header: Option<Spanned<String>>,
    },
    /// A Lambda authorizer: a function of the spec decides.
    Lambda {
        /// The function API Gateway invokes.
        function: Ref,
        /// Where the identity is read: header names (`Authorization`).
        headers: Vec<Spanned<String>>,
        /// How long API Gateway caches a decision, in seconds (0: never).
        cache: Spanned<u64>,
        /// `token = "HEADER"` (REST APIs): a `TOKEN` authorizer, which
        /// receives the value of the one header in `headers` rather than
        /// the request.
        token: bool,
    },
}

/// The issuer of a JWT authorizer's tokens.
#[derive(Debug, Clone)]
pub enum JwtIssuer {
    /// A URL, as written (template parameters allowed).
    Url(String),
    /// A user pool of the spec: `https://cognito-idp.REGION.amazonaws.com/POOL_ID`.
    Pool(Ref),
}

/// An audience a JWT authorizer accepts.
#[derive(Debug, Clone)]
pub enum JwtAudience {
    /// A client ID, as written (template parameters allowed).
    Text(String),
    /// A client of a user pool of the spec (`Users.Web`): its generated ID.
    Client {
        /// The user pool.
        pool: String,
        /// The client's name in the pool's `clients`.
        client: String,
        /// Where `Pool.Client` is written.
        span: Span,
    },
}

/// The user pool a `cognito { pool = ... }` authorizer accepts tokens of.
#[derive(Debug, Clone, PartialEq)]
pub enum CognitoPool {
    /// A `userpool` of the spec.
    Declared(Ref),
    /// A pool outside the stack, by ARN (a string that may use `${Param}`,
    /// or a parameter's bare name).
    Arn(Spanned<String>),
}

impl CognitoPool {
    /// How the pool is named in messages and documentation.
    pub fn describe(&self) -> String {
        match self {
            CognitoPool::Declared(r) => r.name.clone(),
            CognitoPool::Arn(a) => a.value.clone(),
        }
    }
}

/// A `userpool` declaration: a Cognito user pool.
#[derive(Debug, Clone)]
pub struct UserPool {
    /// Its name.
    pub name: String,
    /// Where the name is.
    pub span: Span,
    /// `sign_in`: what users sign in with besides a user name (`email`,
    /// `phone`; `UsernameAttributes`); empty: a user name.
    pub sign_in: Vec<Spanned<String>>,
    /// `aliases`: what may stand for a user name at sign-in (`email`,
    /// `phone`, `preferred_username`; `AliasAttributes`).
    pub aliases: Vec<Spanned<String>>,
    /// `verify`: the attributes Cognito verifies by sending a code
    /// (`AutoVerifiedAttributes`); by default those of `sign_in`.
    pub verify: Vec<Spanned<String>>,
    /// `mfa`: `off`, `optional` or `required` (TOTP apps).
    pub mfa: Spanned<String>,
    /// `password_length`: the least number of characters of a password
    /// (which must also have lower and upper case letters, digits and
    /// symbols).
    pub password_length: Spanned<i64>,
    /// `self_sign_up`: whether users may sign themselves up (else only
    /// administrators create users).
    pub self_sign_up: bool,
    /// `domain`: the prefix of the hosted UI's domain
    /// (`PREFIX.auth.REGION.amazoncognito.com`).
    pub domain: Option<Spanned<String>>,
    /// `clients { NAME = { ... } }`: the app clients.
    pub clients: Vec<PoolClient>,
    /// `groups = [...]`: user groups.
    pub groups: Vec<Spanned<String>>,
    /// `groups = [Admins { description = "...", precedence = 0 }]`: the
    /// description and precedence of the groups that set them, by name.
    pub group_settings: HashMap<String, GroupSettings>,
    /// `triggers { pre_sign_up = F, ... }`: Lambda triggers.
    pub triggers: Vec<PoolTrigger>,
    /// `users { NAME = { email, phone, groups } }`: users the stack creates
    /// (an administrator, say), each invited by email.
    pub users: Vec<PoolUser>,
    /// What happens to the pool when the stack is deleted or it is replaced.
    pub on_delete: Spanned<OnDelete>,
}

/// What a user pool group may set besides its name.
#[derive(Debug, Clone, Default)]
pub struct GroupSettings {
    /// `description`: up to 2,048 characters.
    pub description: Option<Spanned<String>>,
    /// `precedence`: which group's role and attributes win for a user in
    /// several (lower first); 0 or more.
    pub precedence: Option<Spanned<i64>>,
}

/// An app client of a user pool.
#[derive(Debug, Clone)]
pub struct PoolClient {
    /// Its name, in the pool's `clients`.
    pub name: Spanned<String>,
    /// `secret = true`: a confidential client (a server), which has a
    /// secret; browsers and mobile apps have none.
    pub secret: bool,
    /// `flows`: OAuth flows (`code`, `implicit`, `client_credentials`).
    pub flows: Vec<Spanned<String>>,
    /// `scopes`: OAuth scopes the client may ask for.
    pub scopes: Vec<Spanned<String>>,
    /// `callback_urls`: where the hosted UI may send users after sign-in.
    pub callback_urls: StringList,
    /// `logout_urls`: where it may send them after sign-out.
    pub logout_urls: StringList,
    /// Where it is declared.
    pub span: Span,
}

/// A list of strings: written item by item (each where parameters may go),
/// or a `list` parameter as a whole.
#[derive(Debug, Clone, PartialEq)]
pub enum StringList {
    /// `["https://a", "${Site}/b"]`.
    Items(Vec<Spanned<String>>),
    /// The bare name of a `list` parameter, where it is written.
    Param(Spanned<String>),
}

impl Default for StringList {
    fn default() -> Self {
        StringList::Items(Vec::new())
    }
}

impl StringList {
    /// No item written (a parameter may still be empty at deploy time).
    pub fn is_empty(&self) -> bool {
        matches!(self, StringList::Items(v) if v.is_empty())
    }

    /// The first item, or the parameter: where the list is pointed at.
    pub fn first(&self) -> Option<&Spanned<String>> {
        match self {
            StringList::Items(v) => v.first(),
            StringList::Param(p) => Some(p),
        }
    }
}

/// A user a user pool's stack creates (`AWS::Cognito::UserPoolUser`).
#[derive(Debug, Clone)]
pub struct PoolUser {
    /// Its name in the pool's `users`: the user name, unless the pool signs
    /// in by email or phone.
    pub name: Spanned<String>,
    /// `email`: where Cognito sends the invitation and temporary password
    /// (a string or a parameter).
    pub email: Option<Spanned<String>>,
    /// `phone`: a phone number in E.164 form (a string or a parameter).
    pub phone: Option<Spanned<String>>,
    /// `groups = [...]`: groups of the pool the user belongs to.
    pub groups: Vec<Spanned<String>>,
    /// Where it is declared.
    pub span: Span,
}

impl PoolUser {
    /// Its user name at sign-in: the email or phone the pool signs in by,
    /// else its name.
    pub fn username<'a>(&'a self, pool: &UserPool) -> &'a str {
        let by = |w: &str| pool.sign_in.iter().any(|s| s.value == w);
        match (&self.email, &self.phone) {
            (Some(e), _) if by("email") => &e.value,
            (_, Some(p)) if by("phone") => &p.value,
            _ => &self.name.value,
        }
    }
}

/// A Lambda trigger of a user pool.
#[derive(Debug, Clone)]
pub struct PoolTrigger {
    /// The trigger, as written (`pre_sign_up`).
    pub name: Spanned<String>,
    /// The function Cognito invokes (synchronously).
    pub function: Ref,
}

/// The Lambda triggers of a user pool: the spec's name and
/// `LambdaConfig`'s key.
pub const POOL_TRIGGERS: &[(&str, &str)] = &[
    ("pre_sign_up", "PreSignUp"),
    ("post_confirmation", "PostConfirmation"),
    ("pre_authentication", "PreAuthentication"),
    ("post_authentication", "PostAuthentication"),
    ("pre_token_generation", "PreTokenGeneration"),
    ("custom_message", "CustomMessage"),
    ("define_auth_challenge", "DefineAuthChallenge"),
    ("create_auth_challenge", "CreateAuthChallenge"),
    (
        "verify_auth_challenge_response",
        "VerifyAuthChallengeResponse",
    ),
    ("user_migration", "UserMigration"),
];

/// CORS settings of an HTTP API.
#[derive(Debug, Clone, Default)]
pub struct Cors {
    /// Allowed origins.
    pub origins: Vec<String>,
    /// Allowed methods.
    pub methods: Vec<String>,
    /// Allowed headers.
    pub headers: Vec<String>,
    /// Preflight cache age in seconds.
    pub max_age: Option<u64>,
    /// Allow credentials.
    pub credentials: bool,
}

/// A route of an API.
#[derive(Debug, Clone)]
pub struct Route {
    /// HTTP method.
    pub method: String,
    /// Path, e.g. `/orders/{id}`.
    pub path: Spanned<String>,
    /// What serves it: a function, or a queue or bus it sends to directly.
    pub target: RouteTarget,
    /// `auth = none` on the route: public whatever the API's auth.
    pub public: bool,
    /// `auth = ...` on the route: overrides the API's auth (`none`, `iam`,
    /// or one of the API's authorizers).
    pub auth: Option<Auth>,
    /// `scopes = [...]`: the OAuth scopes a JWT must carry, at least one of
    /// them, for the route to accept the request (`AuthorizationScopes`).
    pub scopes: Option<Spanned<Vec<String>>>,
    /// `throttle = { rate, burst }`: this route's own limits.
    pub throttle: Option<Throttle>,
    /// `slo { p99 = 800ms, errors = 0.5% }`: this route's objectives,
    /// measured on API Gateway's per-route metrics.
    pub slo: Option<Slo>,
    /// `api_key = true` (REST): callers must send an API key of one of the
    /// API's usage plans (`x-api-key`).
    pub api_key: Option<Span>,
    /// Declared path parameters (`params { id: string }`).
    pub params: Option<Spanned<Vec<FieldDef>>>,
    /// Declared query parameters.
    pub query: Vec<FieldDef>,
    /// The request body's type.
    pub body: Option<Ref>,
    /// Response types by status code.
    pub responses: Vec<(Spanned<u16>, Ref)>,
    /// Why a public route that changes state is public.
    pub acknowledged: Option<String>,
    /// What a direct route builds from the request (`input = {...}`,
    /// `headers = {...}`); empty when it passes the request as it is.
    pub mapping: RouteMapping,
    /// The whole route.
    pub span: Span,
}

/// An `api` declaration (HTTP API).
#[derive(Debug, Clone)]
pub struct Api {
    /// Its name.
    pub name: String,
    /// Where the name is.
    pub span: Span,
    /// A REST API (`api X rest`) rather than an HTTP API.
    pub rest: bool,
    /// `auth` is written on the API (even as `none`).
    pub explicit_auth: bool,
    /// Default authorization of its routes.
    pub auth: Auth,
    /// Its authorizers, inline and declared, in order.
    pub authorizers: Vec<Authorizer>,
    /// `throttle { rate, burst }`: the limits of every route without its own.
    pub throttle: Option<Throttle>,
    /// `usage_plans { NAME = { rate, burst, quota, period, keys } }` (REST).
    pub usage_plans: Vec<UsagePlan>,
    /// CORS.
    pub cors: Option<Cors>,
    /// Access logs to the `<A>AccessLogs` log group (default: on for HTTP
    /// APIs; off for REST APIs, which need the account's CloudWatch role).
    pub access_logs: bool,
    /// `stage_name`: the API's stage, the first segment of its URL's path
    /// (a REST API's is `prod` unless the spec sets one; an HTTP API's is
    /// `$default`, which adds no segment).
    pub stage: Spanned<String>,
    /// Routes in order.
    pub routes: Vec<Route>,
    /// `binary_media_types = [...]` (REST): content types API Gateway
    /// passes as bytes rather than text.
    pub binary_media_types: Vec<Spanned<String>>,
    /// `endpoint = regional | edge | private` (REST), when written.
    pub endpoint: Option<Spanned<ApiEndpoint>>,
    /// `domain { ... }`: the custom domain the API is served under.
    pub domain: Option<ApiDomain>,
    /// `allow_from { ... }`: the only networks callers may come from (the
    /// API's resource policy, REST).
    pub allow_from: Option<AllowFrom>,
}

/// Where an API (or its custom domain) is reachable from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiEndpoint {
    /// In the API's region (`REGIONAL`).
    Regional,
    /// Through CloudFront's edge locations (`EDGE`, REST).
    Edge,
    /// Only through interface VPC endpoints (`PRIVATE`, REST).
    Private,
}

impl ApiEndpoint {
    /// The spec's word.
    pub fn word(self) -> &'static str {
        match self {
            ApiEndpoint::Regional => "regional",
            ApiEndpoint::Edge => "edge",
            ApiEndpoint::Private => "private",
        }
    }

    /// API Gateway's endpoint type.
    pub fn aws(self) -> &'static str {
        match self {
            ApiEndpoint::Regional => "REGIONAL",
            ApiEndpoint::Edge => "EDGE",
            ApiEndpoint::Private => "PRIVATE",
        }
    }
}

/// An API's custom domain: `domain { name, certificate, zone, base_path,
/// endpoint }`. Texts may hold `${Param}` and `${Resource}` (the `Ref` of
/// a `resource` declaration), which the checks leave to CloudFormation.
#[derive(Debug, Clone)]
pub struct ApiDomain {
    /// The domain name (`api.example.com`).
    pub name: Spanned<String>,
    /// The ACM certificate.
    pub certificate: DomainCertificate,
    /// The Route 53 hosted zone to add the alias record to; none: the
    /// DNS record is left to the user.
    pub zone: Option<Spanned<String>>,
    /// The base path the API is mapped to (none: the domain's root).
    pub base_path: Option<Spanned<String>>,
    /// `certificate = X if C else Y`: the certificate where `C` does not
    /// hold.
    pub certificate_if: Option<PropCond>,
    /// `zone = X if C else Y`: the hosted zone where `C` does not hold.
    pub zone_if: Option<PropCond>,
    /// `regional` (default) or `edge` (REST).
    pub endpoint: Spanned<ApiEndpoint>,
    /// The `domain` block.
    pub span: Span,
}

impl ApiDomain {
    /// The URL the API is reached at through the domain.
    pub fn url(&self) -> String {
        match &self.base_path {
            Some(p) => format!("https://{}/{}", self.name.value, p.value),
            None => format!("https://{}", self.name.value),
        }
    }
}

/// The certificate of a custom domain.
#[derive(Debug, Clone)]
pub enum DomainCertificate {
    /// An existing certificate: its ARN (a string, `${Param}` or
    /// `${Resource}`).
    Given(Spanned<String>),
    /// `create`: slsc creates it, validated by DNS in the domain's zone.
    Create(Span),
}

/// `allow_from { vpc_endpoints, vpcs, ips }`: the sources an API admits;
/// requests from anywhere else are denied by its resource policy. Each
/// entry is a text (`${Param}` and `${Resource}` allowed).
#[derive(Debug, Clone, Default)]
pub struct AllowFrom {
    /// Interface VPC endpoint IDs (`aws:SourceVpce`).
    pub vpc_endpoints: Vec<Spanned<String>>,
    /// VPC IDs (`aws:SourceVpc`).
    pub vpcs: Vec<Spanned<String>>,
    /// IP ranges in CIDR notation (`aws:SourceIp`).
    pub ips: Vec<Spanned<String>>,
    /// The block.
    pub span: Span,
}

impl AllowFrom {
    /// Whether it admits anyone at all.
    pub fn is_empty(&self) -> bool {
        self.vpc_endpoints.is_empty() && self.vpcs.is_empty() && self.ips.is_empty()
    }
}

/// What a route hands the request to.
#[derive(Debug, Clone)]
pub enum RouteTarget {
    /// `-> F`: a function, invoked with the request (Lambda proxy).
    Function(Ref),
    /// `-> send [T] to Q`: the request body becomes a message of queue `Q`
    /// (`T`, when written, the type it is sent as).
    Queue {
        /// The queue.
        queue: Ref,
        /// `T` in `send T to Q`.
        message: Option<Ref>,
        /// `group_id = ...`: the message group of a FIFO queue.
        group_id: Option<GroupId>,
    },
    /// `-> send E to B`: the request body becomes the detail of event `E`
    /// on bus `B`; `-> send to B { source = ..., detail_type = ... }`: an
    /// event of no declared type, its source and detail-type mapped from
    /// the request.
    Bus {
        /// The bus.
        bus: Ref,
        /// The event, unless the route maps source and detail-type.
        event: Option<Ref>,
    },
    /// `-> "https://..."`: the request is forwarded to the URL as it is
    /// (HTTP proxy), its `{name}` placeholders filled from the path.
    Url(Spanned<String>),
    /// `-> send [T] to M`: the request body is the input of an execution of
    /// state machine `M` (an Express machine runs synchronously and answers
    /// with its output; a Standard one answers with the execution's ARN).
    StateMachine {
        /// The state machine.
        machine: Ref,
        /// `T` in `send T to M`.
        message: Option<Ref>,
    },
    /// `-> T.put`, `T.get`, `T.query`, `T.delete`: API Gateway calls
    /// DynamoDB on table `T` with the route's mapped item or key.
    Table {
        /// The table.
        table: Ref,
        /// What it does.
        action: Spanned<TableAction>,
    },
    /// `-> B.get`, `B.put`: API Gateway reads or writes the object of
    /// bucket `B` at the route's mapped key.
    Bucket {
        /// The bucket.
        bucket: Ref,
        /// What it does.
        action: Spanned<BucketAction>,
    },
}

impl RouteTarget {
    /// The name of what it hands requests to: a declaration or the URL.
    pub fn name(&self) -> &str {
        match self {
            RouteTarget::Url(u) => &u.value,
            RouteTarget::Function(r)
            | RouteTarget::Queue { queue: r, .. }
            | RouteTarget::Bus { bus: r, .. }
            | RouteTarget::StateMachine { machine: r, .. }
            | RouteTarget::Table { table: r, .. }
            | RouteTarget::Bucket { bucket: r, .. } => &r.name,
        }
    }
}

/// How a route to a FIFO queue derives each message's group.
#[derive(Debug, Clone, PartialEq)]
pub enum GroupId {
    /// `group_id = "orders"`: one group for every message.
    Fixed(Spanned<String>),
    /// `group_id = body.customerId`: a top-level field of the request body.
    Field(Spanned<String>),
}

impl Route {
    /// The function serving the route, unless it sends to a service
    /// directly.
    pub fn function(&self) -> Option<&Ref> {
        match &self.target {
            RouteTarget::Function(f) => Some(f),
            _ => None,
        }
    }

    /// The declaration the route hands requests to (function, queue, bus),
    /// if it names one.
    pub fn target_ref(&self) -> Option<&Ref> {
        match &self.target {
            RouteTarget::Function(r)
            | RouteTarget::Queue { queue: r, .. }
            | RouteTarget::Bus { bus: r, .. }
            | RouteTarget::StateMachine { machine: r, .. }
            | RouteTarget::Table { table: r, .. }
            | RouteTarget::Bucket { bucket: r, .. } => Some(r),
            RouteTarget::Url(_) => None,
        }
    }

    /// What serves the route, in words: a declaration's name or the URL.
    pub fn target_name(&self) -> &str {
        match &self.target {
            RouteTarget::Url(u) => &u.value,
            _ => self.target_ref().map_or("", |r| r.name.as_str()),
        }
    }

    /// A direct integration: no function in between.
    pub fn is_direct(&self) -> bool {
        !matches!(self.target, RouteTarget::Function(_))
    }

    /// A direct integration with an AWS service (a queue or bus), which API
    /// Gateway calls with the API's role.
    pub fn sends(&self) -> bool {
        matches!(
            self.target,
            RouteTarget::Queue { .. }
                | RouteTarget::Bus { .. }
                | RouteTarget::StateMachine { .. }
                | RouteTarget::Table { .. }
                | RouteTarget::Bucket { .. }
        )
    }

    /// The `$default` route of an HTTP API: requests no other route takes.
    pub fn is_default(&self) -> bool {
        self.path.value == ast::DEFAULT_ROUTE
    }

    /// Its route key: `GET /orders`, or `$default`.
    pub fn key(&self) -> String {
        if self.is_default() {
            ast::DEFAULT_ROUTE.to_string()
        } else {
            format!("{} {}", self.method, self.path.value)
        }
    }
}

impl Api {
    /// The path its stage adds to its URL (`/prod`); nothing for an HTTP
    /// API's `$default` stage.
    pub fn stage_path(&self) -> String {
        if self.stage.value == "$default" {
            String::new()
        } else {
            format!("/{}", self.stage.value)
        }
    }

    /// Whether any route sends to a service directly (the API then has a
    /// role API Gateway assumes to do so).
    pub fn has_role(&self) -> bool {
        self.routes.iter().any(Route::sends)
    }

    /// Who may call `route`: its own `auth`, else the API's.
    pub fn route_auth(&self, route: &Route) -> Auth {
        route.auth.unwrap_or(self.auth)
    }

    /// The authorizer `auth` names, if it names one.
    pub fn authorizer(&self, auth: Auth) -> Option<&Authorizer> {
        match auth {
            Auth::Authorizer(i) => self.authorizers.get(i),
            _ => None,
        }
    }

    /// Whether `auth` checks OAuth scopes: a JWT authorizer, or a Cognito
    /// user pool authorizer of a REST API.
    pub fn checks_scopes(&self, auth: Auth) -> bool {
        self.authorizer(auth).is_some_and(|z| {
            matches!(
                z.kind,
                AuthorizerKind::Jwt { .. } | AuthorizerKind::Cognito { .. }
            )
        })
    }

    /// The JWT issuer and audiences of `auth`, if it is a JWT authorizer.
    pub fn jwt(&self, auth: Auth) -> Option<(&JwtIssuer, &[JwtAudience])> {
        match &self.authorizer(auth)?.kind {
            AuthorizerKind::Jwt { issuer, audience } => Some((issuer, audience)),
            AuthorizerKind::Lambda { .. } | AuthorizerKind::Cognito { .. } => None,
        }
    }
}

/// EventBridge target retry policy.
#[derive(Debug, Clone, Default)]
pub struct RetryPolicy {
    /// Maximum retry attempts (0-185).
    pub attempts: Option<Spanned<i64>>,
    /// Maximum event age in seconds (60-86400).
    pub max_age: Option<Spanned<u64>>,
}

/// A `rule` declaration.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Its name.
    pub name: String,
    /// Where the name is.
    pub span: Span,
    /// The bus (None: the default bus).
    pub bus: Option<Ref>,
    /// The matched event; None for `match any`, whose filter tests the
    /// envelope of every event on the bus.
    pub event: Option<Ref>,
    /// The `where` filter, lowered; `check::patterns` types it against the
    /// event and proves the pattern it compiles to.
    pub filter: Option<Filter>,
    /// Targets in order.
    pub targets: Vec<Ref>,
    /// `send to T { input = { ... } }`: what a target receives instead of
    /// the whole event, by target name.
    pub inputs: Vec<(String, InputTransform)>,
    /// Retry policy for every target.
    pub retry: RetryPolicy,
    /// Dead-letter queue for every target.
    pub dead_letter: Option<Ref>,
    /// `dead_letter = drop { reason = "..." }`: failed deliveries are lost on
    /// purpose, for this reason.
    pub drops_failures: Option<Spanned<String>>,
}

/// A `where` filter of a rule or a subscription, as resolve lowers it: the
/// tests on fields as written, with the values they compare with lowered to
/// [`Operand`]s. Fields are not looked up here: what a field is depends on
/// the event or message type, which `check::patterns` types the filter
/// against before proving the pattern or policy it compiles to.
#[derive(Debug, Clone)]
pub struct Filter {
    /// Its form.
    pub kind: FilterKind,
    /// Where it is written.
    pub span: Span,
}

impl Filter {
    /// The resource attributes the filter compares with (`bucket.name =
    /// Uploads.name`), in source order.
    pub fn attrs(&self) -> Vec<(&Ref, Attr)> {
        fn walk<'f>(f: &'f Filter, out: &mut Vec<(&'f Ref, Attr)>) {
            match &f.kind {
                FilterKind::And(items) | FilterKind::Or(items) => {
                    items.iter().for_each(|i| walk(i, out));
                }
                FilterKind::Cond(c) => {
                    let values = match &c.test {
                        FieldTest::Compare(_, v, _) => std::slice::from_ref(v),
                        FieldTest::In { values, .. } => values.as_slice(),
                        _ => &[],
                    };
                    for v in values {
                        if let OperandKind::Attr(r, a) = &v.kind {
                            out.push((r, *a));
                        }
                    }
                }
            }
        }
        let mut out = Vec::new();
        walk(self, &mut out);
        out
    }
}

/// The forms of a filter.
#[derive(Debug, Clone)]
pub enum FilterKind {
    /// Every operand must hold.
    And(Vec<Filter>),
    /// One operand must hold.
    Or(Vec<Filter>),
    /// A test on one field.
    Cond(Condition),
}

/// A test on one field of the event's `detail` or of the message.
#[derive(Debug, Clone)]
pub struct Condition {
    /// The field.
    pub field: FieldPath,
    /// The test.
    pub test: FieldTest,
    /// Where the operator is: type errors of the test point at it.
    pub op_span: Span,
}

/// A dotted path to a field, `address.city`, as written.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldPath {
    /// The names, outermost first; never empty.
    pub parts: Vec<Spanned<String>>,
}

impl FieldPath {
    /// The path as written, names joined by dots.
    pub fn text(&self) -> String {
        self.parts
            .iter()
            .map(|p| p.value.as_str())
            .collect::<Vec<_>>()
            .join(".")
    }
}

/// The tests a condition can make on its field.
#[derive(Debug, Clone)]
pub enum FieldTest {
    /// `= v`, `!= v`, `> n`, ...; `true` for `ignoring case`.
    Compare(ast::CmpOp, Operand, bool),
    /// `in [..]` (`negated`: `not in`).
    In {
        /// `not in`.
        negated: bool,
        /// The values.
        values: Vec<Operand>,
    },
    /// `exists` (true) or `not exists` (false).
    Exists(bool),
    /// `prefix "x"`, `not prefix "x"`, `... ignoring case`.
    Prefix {
        /// `not prefix`.
        negated: bool,
        /// The prefix.
        text: Spanned<String>,
        /// `ignoring case`.
        ignore_case: bool,
    },
    /// `suffix "x"`, `not suffix "x"`, `... ignoring case`.
    Suffix {
        /// `not suffix`.
        negated: bool,
        /// The suffix.
        text: Spanned<String>,
        /// `ignoring case`.
        ignore_case: bool,
    },
    /// `matches "a*b"`, `not matches "a*b"`.
    Wildcard {
        /// `not matches`.
        negated: bool,
        /// The wildcard pattern.
        text: Spanned<String>,
    },
    /// `cidr "10.0.0.0/24"`.
    Cidr(Spanned<String>),
}

/// A value a filter compares a field with.
#[derive(Debug, Clone)]
pub struct Operand {
    /// What it is.
    pub kind: OperandKind,
    /// Where it is written.
    pub span: Span,
}

/// The values a filter can compare with. Whether one fits its field is
/// for `check`, which knows the field's type.
#[derive(Debug, Clone)]
pub enum OperandKind {
    /// `"text"`.
    Str(String),
    /// `42`.
    Int(i64),
    /// `4.5`.
    Number(f64),
    /// `true`, `false`.
    Bool(bool),
    /// An attribute of a declared resource, `Uploads.name` (rules only:
    /// an SNS filter policy cannot hold a value resolved at deploy time).
    Attr(Ref, Attr),
    /// Any other value (a duration, a list, a name that is no resource
    /// attribute, ...), by what it is ("a duration"), for the message
    /// that says it cannot be compared.
    Other(&'static str),
}

impl OperandKind {
    /// What kind of value this is, for "expected X, found Y".
    pub fn describe(&self) -> &'static str {
        match self {
            OperandKind::Str(_) => "a string",
            OperandKind::Int(_) => "an integer",
            OperandKind::Number(_) => "a number",
            OperandKind::Bool(_) => "a boolean",
            OperandKind::Attr(..) => "a resource attribute",
            OperandKind::Other(what) => what,
        }
    }
}

/// `input = { name = detail.field, other = "text", ... }`: the JSON object
/// a rule target receives, built from the event (EventBridge's input
/// transformer).
#[derive(Debug, Clone)]
pub struct InputTransform {
    /// Its entries in order: each key and what it takes.
    pub entries: Vec<(Spanned<String>, InputValue)>,
    /// Where it is written.
    pub span: Span,
}

/// What an entry of an input transform takes.
#[derive(Debug, Clone)]
pub enum InputValue {
    /// A field of the event: `detail.orderId`, `source`.
    Path(FieldPath),
    /// A literal: a string, a number, a boolean.
    Literal(serde_json::Value, Span),
}

/// A schedule expression, already in EventBridge syntax.
#[derive(Debug, Clone)]
pub enum ScheduleKind {
    /// `every 5m` as `rate(5 minutes)`.
    Rate(Spanned<String>),
    /// The cron fields as written.
    Cron(Spanned<String>),
}

impl ScheduleKind {
    /// The shortest time between two runs of a schedule, in seconds, where the
    /// expression says it plainly: every rate, and cron expressions whose
    /// minutes, hours or days repeat in a simple way.
    pub fn interval(&self) -> Option<u64> {
        match self {
            ScheduleKind::Rate(r) => {
                let inner = r.value.strip_prefix("rate(")?.strip_suffix(')')?;
                let (n, unit) = inner.split_once(' ')?;
                let n: u64 = n.parse().ok()?;
                let size = match unit.trim_end_matches('s') {
                    "minute" => 60,
                    "hour" => 3_600,
                    "day" => 86_400,
                    _ => return None,
                };
                Some(n * size)
            }
            ScheduleKind::Cron(c) => {
                let fields: Vec<&str> = c.value.split_whitespace().collect();
                let [minutes, hours, dom, _month, dow, ..] = fields.as_slice() else {
                    return None;
                };
                // A step of 0 is E0208: nothing to judge.
                if fields.iter().any(|f| f.ends_with("/0")) {
                    return None;
                }
                let gap = |field: &str, unit: u64, whole: u64| -> Option<u64> {
                    if field == "*" {
                        return Some(unit);
                    }
                    // `start/step` runs at start, start + step, ... within the
                    // field's range (`50/30` in minutes is once an hour).
                    let mut values: Vec<u64> = match field.split_once('/') {
                        Some((start, step)) => {
                            let step: u64 = step.parse().ok().filter(|n| *n > 0)?;
                            let start: u64 = if start == "*" { 0 } else { start.parse().ok()? };
                            (start..whole).step_by(step as usize).collect()
                        }
                        None => field
                            .split(',')
                            .map(|v| v.parse().ok())
                            .collect::<Option<Vec<u64>>>()?,
                    };
                    values.sort_unstable();
                    values.dedup();
                    if values.len() < 2 {
                        return None;
                    }
                    let wrap = values[0] + whole - values[values.len() - 1];
                    let inner = values.windows(2).map(|w| w[1] - w[0]).min()?;
                    Some(inner.min(wrap) * unit)
                };
                let every_day = matches!(*dom, "*" | "?") && matches!(*dow, "*" | "?");
                gap(minutes, 60, 60)
                    .or_else(|| gap(hours, 3_600, 24))
                    .or_else(|| every_day.then_some(86_400))
            }
        }
    }
}

/// A `schedule` declaration.
#[derive(Debug, Clone)]
pub struct Schedule {
    /// Its name.
    pub name: String,
    /// Where the name is.
    pub span: Span,
    /// When it fires.
    pub kind: ScheduleKind,
    /// The function it invokes.
    pub target: Ref,
    /// Retry policy.
    pub retry: RetryPolicy,
    /// Dead-letter queue.
    pub dead_letter: Option<Ref>,
    /// `dead_letter = drop { reason = "..." }`.
    pub drops_failures: Option<Spanned<String>>,
    /// Flexible time window, in whole minutes (as seconds): Scheduler may
    /// start the run any time within it.
    pub window: Option<Spanned<u64>>,
    /// IANA time zone of a `cron` schedule (default UTC).
    pub timezone: Option<Spanned<String>>,
    /// `input = { ... }`: the fixed JSON each run passes to the function
    /// (Scheduler's default is none).
    pub input: Option<Spanned<serde_json::Value>>,
}

/// A `queue` declaration.
#[derive(Debug, Clone)]
pub struct Queue {
    /// Its name.
    pub name: String,
    /// Where the name is.
    pub span: Span,
    /// FIFO queue.
    pub fifo: bool,
    /// Visibility timeout in seconds (default 30).
    pub visibility: Spanned<u64>,
    /// Retention in seconds (default 4 days).
    pub retention: Spanned<u64>,
    /// `delay`: seconds each new message stays invisible (SQS's default 0).
    pub delay: Option<Spanned<u64>>,
    /// `receive_wait`: long polling of `ReceiveMessage`, in seconds (SQS's
    /// default 0).
    pub receive_wait: Option<Spanned<u64>>,
    /// `max_message_size`, in bytes (SQS's default and maximum 1 MiB).
    pub max_message_size: Option<Spanned<u64>>,
    /// Dead-letter queue and max receives.
    pub dead_letter: Option<(Ref, Spanned<i64>)>,
    /// `dead_letter = drop { reason = "..." }`: messages that keep failing
    /// expire on purpose.
    pub drops_failures: Option<Spanned<String>>,
    /// The type (or event) of its messages.
    pub message: Option<Ref>,
    /// `content_dedup = true`: a FIFO queue deduplicates by a hash of the
    /// body (`ContentBasedDeduplication`), as EventBridge targets need.
    pub content_dedup: Option<Spanned<bool>>,
    /// `high_throughput = true`: a FIFO queue's throughput quota and
    /// deduplication apply per message group (`DeduplicationScope:
    /// messageGroup`, `FifoThroughputLimit: perMessageGroupId`).
    pub high_throughput: Option<Spanned<bool>>,
    /// `external = true`: sent to (or read) from outside the spec, so no
    /// sender (or consumer) in the app is expected.
    pub external: bool,
    /// Kept or deleted with the stack (`on_delete`, else the app's).
    pub on_delete: Spanned<OnDelete>,
    /// `arn = "arn:aws:sqs:REGION:ACCOUNT:NAME"` (or a parameter): a queue
    /// outside the stack that the app sends to (`sends to`, destinations,
    /// state machine tasks); not created here.
    pub arn: Option<Spanned<String>>,
}

impl Queue {
    /// The fields of a queue given by a written `arn` (none for one a
    /// parameter gives): partition, region, account and name.
    pub fn arn_parts(&self) -> Option<[&str; 4]> {
        let arn = self.arn.as_ref().filter(|a| !a.value.contains("${"))?;
        match arn.value.split(':').collect::<Vec<_>>().as_slice() {
            ["arn", partition, "sqs", region, account, name] => {
                Some([partition, region, account, name])
            }
            _ => None,
        }
    }
}

/// A `topic` declaration.
#[derive(Debug, Clone)]
pub struct Topic {
    /// Its name.
    pub name: String,
    /// Where the name is.
    pub span: Span,
    /// FIFO topic.
    pub fifo: bool,
    /// Queues subscribed with `subscribe`.
    pub subscriptions: Vec<Subscription>,
    /// The type (or event) of its messages.
    pub message: Option<Ref>,
    /// `content_dedup = true`: a FIFO topic deduplicates by a hash of the
    /// body (`ContentBasedDeduplication`).
    pub content_dedup: Option<Spanned<bool>>,
    /// `high_throughput = true`: a FIFO topic's throughput quota and
    /// deduplication apply per message group (`FifoThroughputScope:
    /// MessageGroup`), for the regional maximum instead of 3,000 messages
    /// per second.
    pub high_throughput: Option<Spanned<bool>>,
    /// `external = true`: published to or subscribed from outside the spec
    /// (email, another account), so no publisher or subscriber in the app
    /// is expected.
    pub external: bool,
    /// `subscribers { email = [...], sms = [...], https = [...] }`: people
    /// and endpoints outside AWS that the topic delivers to.
    pub endpoints: Vec<Endpoint>,
    /// `arn = "arn:aws:sns:REGION:ACCOUNT:NAME"`: a topic outside the stack
    /// (another stack, account or region) that the app subscribes to or
    /// publishes to; not created here.
    pub arn: Option<Spanned<String>>,
}

impl Topic {
    /// The region of a topic given by `arn` (its fourth field), when the
    /// ARN names one: a subscription to it must be created with it.
    pub fn arn_region(&self) -> Option<&str> {
        let arn = self.arn.as_ref().filter(|a| !a.value.contains("${"))?;
        arn.value.split(':').nth(3).filter(|r| !r.is_empty())
    }

    /// The owner account of a topic given by `arn` (its fifth field): the
    /// `aws:SourceAccount` of what it delivers.
    pub fn arn_account(&self) -> Option<&str> {
        let arn = self.arn.as_ref().filter(|a| !a.value.contains("${"))?;
        arn.value.split(':').nth(4).filter(|a| !a.is_empty())
    }
}

/// How SNS delivers to an endpoint outside AWS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndpointProtocol {
    /// An email address (`email`).
    Email,
    /// A phone number in E.164 form (`sms`).
    Sms,
    /// An HTTPS URL (`https`).
    Https,
}

impl EndpointProtocol {
    /// The word in `subscribers { ... }`, also SNS's `Protocol`.
    pub fn word(self) -> &'static str {
        match self {
            EndpointProtocol::Email => "email",
            EndpointProtocol::Sms => "sms",
            EndpointProtocol::Https => "https",
        }
    }
}

/// A subscriber outside AWS of a topic.
#[derive(Debug, Clone)]
pub struct Endpoint {
    /// How SNS delivers to it.
    pub protocol: EndpointProtocol,
    /// The address, number or URL.
    pub address: Spanned<String>,
}

/// A `subscribe QUEUE [{ dead_letter = ... }]` of a topic.
#[derive(Debug, Clone)]
pub struct Subscription {
    /// The subscribed queue.
    pub queue: Ref,
    /// Where SNS sends the messages it could not deliver.
    pub dead_letter: Option<Ref>,
    /// `dead_letter = drop { reason = "..." }`.
    pub drops_failures: Option<Spanned<String>>,
    /// The `where` filter on the message body, lowered; `check::patterns`
    /// types it and proves the filter policy it compiles to.
    pub filter: Option<Filter>,
    /// `filter_on = attributes`: the filter tests the message attributes
    /// (`FilterPolicyScope: MessageAttributes`) rather than the body; with
    /// the span of the setting.
    pub on_attributes: Option<Span>,
}

/// A `bus` declaration.
#[derive(Debug, Clone)]
pub struct Bus {
    /// Its name.
    pub name: String,
    /// Where the name is.
    pub span: Span,
    /// `external = true`: rules or producers outside the spec use the bus
    /// (its ARN becomes an output).
    pub external: bool,
    /// `arn = "..."`: a bus outside the stack, in this or another account or
    /// region, that rules and functions of the app send events to.
    pub arn: Option<Spanned<String>>,
}

/// Key attribute types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyType {
    /// `string` (S).
    String,
    /// `number` (N).
    Number,
    /// `binary` (B).
    Binary,
}

impl KeyType {
    /// The word that declares it.
    pub fn word(self) -> &'static str {
        match self {
            KeyType::String => "string",
            KeyType::Number => "number",
            KeyType::Binary => "binary",
        }
    }
}

/// DynamoDB billing.
#[derive(Debug, Clone, PartialEq)]
pub enum Billing {
    /// Pay per request.
    OnDemand,
    /// Provisioned capacity units.
    Provisioned {
        /// Read capacity units.
        read: Spanned<i64>,
        /// Write capacity units.
        write: Spanned<i64>,
    },
}

/// DynamoDB stream view types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamView {
    /// `keys_only`.
    KeysOnly,
    /// `new_image`.
    NewImage,
    /// `old_image`.
    OldImage,
    /// `new_and_old_images`.
    NewAndOldImages,
}

/// A `table` declaration.
#[derive(Debug, Clone)]
pub struct Table {
    /// Its name.
    pub name: String,
    /// Where the name is.
    pub span: Span,
    /// Partition key, then optional sort key.
    pub key: Vec<(String, KeyType)>,
    /// Billing mode.
    pub billing: Billing,
    /// Stream, if enabled.
    pub stream: Option<StreamView>,
    /// Secondary indexes, global ones first, each in source order.
    pub indexes: Vec<TableIndex>,
    /// Kept or deleted with the stack (`on_delete`, else the app's).
    pub on_delete: Spanned<OnDelete>,
}

/// A secondary index of a table (`indexes { NAME = { ... } }` or
/// `local_indexes { NAME = { ... } }`).
#[derive(Debug, Clone)]
pub struct TableIndex {
    /// Its name, as written (it becomes `IndexName`).
    pub name: Spanned<String>,
    /// A global index: partition key then optional sort key. A local index:
    /// its sort key only (the partition key is the table's).
    pub key: Vec<(String, KeyType)>,
    /// A local secondary index.
    pub local: bool,
}

/// A `stream` declaration: a Kinesis data stream.
#[derive(Debug, Clone)]
pub struct DataStream {
    /// Its name.
    pub name: String,
    /// Where the name is.
    pub span: Span,
    /// Provisioned shards; None is on-demand capacity.
    pub shards: Option<Spanned<i64>>,
    /// How long records are kept, in seconds (whole hours, 24 h to 365 d).
    pub retention: Spanned<u64>,
    /// Kept or deleted with the stack (`on_delete`, else the app's).
    pub on_delete: Spanned<OnDelete>,
}

/// A `bucket` declaration.
#[derive(Debug, Clone)]
pub struct Bucket {
    /// Its name.
    pub name: String,
    /// Where the name is.
    pub span: Span,
    /// Sends its events to the account's default EventBridge bus.
    pub eventbridge: bool,
    /// Keeps every version of its objects (the default).
    pub versioning: bool,
    /// Kept or deleted with the stack (`on_delete`, else the app's).
    pub on_delete: Spanned<OnDelete>,
    /// `lifecycle { NAME = { ... } }`: its rules, in the order written.
    pub lifecycle: Vec<LifecycleRule>,
    /// How long old versions are kept (a versioned bucket only; 90 days
    /// unless `old_versions` says otherwise).
    pub old_versions: Option<OldVersions>,
    /// Days after which an unfinished multipart upload is removed
    /// (`incomplete_uploads`, 7 by default).
    pub incomplete_uploads: Spanned<u64>,
}

/// A `secret` declaration: an existing Secrets Manager secret, by name.
#[derive(Debug, Clone)]
pub struct Secret {
    /// Its name in the spec.
    pub name: String,
    /// Where the name is.
    pub span: Span,
    /// The secret's name in Secrets Manager, e.g. `prod/db-password`.
    pub secret_name: Spanned<String>,
    /// The customer-managed KMS key that encrypts it, if any (an ARN).
    pub kms_key: Option<Spanned<String>>,
}

/// A `parameter` declaration: an existing SSM parameter, or every parameter
/// under a path.
#[derive(Debug, Clone)]
pub struct Parameter {
    /// Its name in the spec.
    pub name: String,
    /// Where the name is.
    pub span: Span,
    /// The parameter's name (starting with `/`), or the path (ending in `/`).
    pub parameter_name: Spanned<String>,
    /// `path = ...`: a hierarchy read with GetParametersByPath.
    pub is_path: bool,
    /// The customer-managed KMS key of a SecureString, if any (an ARN).
    pub kms_key: Option<Spanned<String>>,
}

/// The names of a route path's `{placeholders}` (`{proxy+}` as `proxy`).
pub fn path_params(path: &str) -> Vec<&str> {
    path.split('/')
        .filter_map(|seg| seg.strip_prefix('{')?.strip_suffix('}'))
        .map(|p| p.trim_end_matches('+'))
        .collect()
}

/// A `state_machine` declaration: a Step Functions state machine whose
/// definition (Amazon States Language) is a file next to the spec.
#[derive(Debug, Clone)]
pub struct StateMachine {
    /// Its name.
    pub name: String,
    /// Where the name is.
    pub span: Span,
    /// `type = express`: an Express workflow (Standard without it).
    pub express: bool,
    /// `definition = "..."`: the file, relative to the spec's folder.
    pub definition: Spanned<String>,
    /// The definition as read, each `${Name}` or `${Name.attr}` placeholder
    /// rewritten to its key in [`StateMachine::substitutions`].
    pub document: serde_json::Value,
    /// `DefinitionSubstitutions`: each placeholder key and the attribute of
    /// the declaration it stands for, in order of first use.
    pub substitutions: Vec<(String, Ref, Attr)>,
    /// The Task states, each resolved to the service action it calls and the
    /// declaration it calls it on.
    pub tasks: Vec<Task>,
    /// X-Ray tracing (the app's `tracing`, on by default).
    pub tracing: bool,
    /// Execution log level: `ALL`, `ERROR`, `FATAL` or `OFF`.
    pub log_level: Spanned<String>,
    /// Log retention in days.
    pub log_retention: Spanned<u64>,
    /// `input = Type`: what executions are started with.
    pub input: Option<Ref>,
    /// `external = true`: started from outside the spec (its ARN becomes an
    /// output), so nothing in the app is expected to start it.
    pub external: bool,
    /// `allow "service:Action" on "arn"`: statements of its role written by
    /// hand, for tasks whose resource the definition cannot bound.
    pub allows: Vec<Allow>,
}

/// What a Task state does, as far as permissions go.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    /// The state's name (nested states included).
    pub state: String,
    /// The IAM actions the call needs on `target`.
    pub actions: Vec<String>,
    /// The declaration it calls.
    pub target: Ref,
    /// `states:startExecution.sync`: Step Functions waits for the child
    /// execution through a managed EventBridge rule.
    pub sync: bool,
    /// `IndexName` of a DynamoDB query or scan: the index's ARN is what
    /// DynamoDB authorizes.
    pub index: Option<String>,
    /// What of `target` the actions are allowed on.
    pub on: TaskOn,
    /// What a schedule the task creates or updates starts
    /// (`Target.Arn`): one of its group's `targets`, whose role allows
    /// only those.
    pub starts: Option<Ref>,
}

/// What of its target a task's actions are allowed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TaskOn {
    /// The declaration itself (its ARN; a function's versions too).
    #[default]
    Itself,
    /// The schedules of a schedule group
    /// (`arn:...:schedule/GROUP/*`): what Scheduler's schedule actions
    /// are authorized on.
    Schedules,
    /// The role of a schedule group, passed to Scheduler
    /// (`iam:PassRole`) with each schedule created or updated.
    Role,
}

/// How a pipe calls a function or state machine target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invocation {
    /// `request_response`: waits for the answer (`REQUEST_RESPONSE`; an
    /// Express state machine runs synchronously).
    RequestResponse,
    /// `fire_and_forget`: starts it and moves on (`FIRE_AND_FORGET`).
    FireAndForget,
}

/// A `pipe` declaration: an EventBridge pipe that reads a queue or stream
/// and delivers what passes its filter to one target, with a role of its
/// own.
#[derive(Debug, Clone)]
pub struct Pipe {
    /// Its name.
    pub name: String,
    /// Where the name is.
    pub span: Span,
    /// What it reads: a queue, a Kinesis stream, or a table (its stream).
    pub source: Ref,
    /// `where ...`: the records it passes on, typed against the source.
    pub filter: Option<Filter>,
    /// Where it delivers: a state machine, function, queue, topic, bus or
    /// Kinesis stream.
    pub target: Ref,
    /// `batch`: records per delivery (None: AWS's default, 10 for queues,
    /// 100 for streams).
    pub batch: Option<Spanned<i64>>,
    /// `window`: seconds to gather a batch.
    pub window: Option<Spanned<u64>>,
    /// `start` of a stream source (`latest` without one).
    pub start: StartPosition,
    /// `invocation` of a function or state machine target.
    pub invocation: Option<Spanned<Invocation>>,
    /// `enrichment = F`: a function each batch passes through first.
    pub enrichment: Option<Ref>,
    /// `input = { ... }`: what the target receives per record instead of
    /// the record.
    pub input: Option<InputTransform>,
    /// `partition_key` of a Kinesis stream target.
    pub partition_key: Option<Spanned<String>>,
}

impl Pipe {
    /// True when the target is called with `REQUEST_RESPONSE`.
    pub fn sync(&self) -> bool {
        self.invocation
            .as_ref()
            .is_some_and(|i| i.value == Invocation::RequestResponse)
    }
}

/// A `schedule_group` declaration: an EventBridge Scheduler group whose
/// schedules state machines create, and the role those schedules run with.
#[derive(Debug, Clone)]
pub struct ScheduleGroup {
    /// Its name.
    pub name: String,
    /// Where the name is.
    pub span: Span,
    /// `targets = [...]`: what its schedules may start, and so what its
    /// role allows (functions, state machines, queues, topics).
    pub targets: Vec<Ref>,
}

/// A `layer` declaration: a Lambda layer built from the spec's code, or an
/// existing one by ARN, that functions name in `layers`.
#[derive(Debug, Clone)]
pub struct Layer {
    /// Its name.
    pub name: String,
    /// Where the name is.
    pub span: Span,
    /// Where its content is, or which existing layer version it is.
    pub source: LayerSource,
    /// `runtimes = [...]`: the runtimes it declares itself compatible
    /// with; empty when it names none (then any runtime may use it).
    pub runtimes: Vec<Spanned<String>>,
    /// `architectures = [...]`: likewise, for instruction sets.
    pub architectures: Vec<Spanned<Arch>>,
    /// `license = "..."`: its license (an SPDX identifier, a URL or text).
    pub license: Option<Spanned<String>>,
    /// `on_delete`: whether a version the stack no longer needs is kept
    /// (functions of other stacks may still run with it).
    pub on_delete: Spanned<OnDelete>,
}

/// What a `layer` is.
#[derive(Debug, Clone, PartialEq)]
pub enum LayerSource {
    /// `code = "..."`: content packaged with the stack, in the forms a
    /// function's `code` takes.
    Code(CodeSource),
    /// `arn = "..."`: an existing layer version, used as written (a
    /// string, possibly with `${Param}` references).
    Arn(Spanned<String>),
}

impl Layer {
    /// Where its content is; none for a layer given by ARN.
    pub fn code(&self) -> Option<&CodeSource> {
        match &self.source {
            LayerSource::Code(c) => Some(c),
            LayerSource::Arn(_) => None,
        }
    }
}

/// A `resource` declaration: a CloudFormation resource written as such.
#[derive(Debug, Clone)]
pub struct RawResource {
    /// The declaration's name (its logical ID comes from it).
    pub name: String,
    /// Where the name is written.
    pub span: Span,
    /// The CloudFormation resource type, e.g. `AWS::CloudFront::Distribution`.
    pub ty: Spanned<String>,
    /// `properties = { ... }`, top-level keys in order.
    pub properties: Vec<(Spanned<String>, RawValue)>,
    /// `depends_on = [A, B]`: declarations created before it.
    pub depends_on: Vec<Ref>,
    /// `on_delete = retain | delete`, when written (`DeletionPolicy` and
    /// `UpdateReplacePolicy`).
    pub on_delete: Option<Spanned<OnDelete>>,
}

/// A value inside a `resource`'s properties.
#[derive(Debug, Clone, PartialEq)]
pub enum RawValue {
    /// A string; `${Param}` and `${AWS::Region}` become `Fn::Sub`.
    Str(String),
    /// An integer.
    Int(i64),
    /// A number with a fraction.
    Number(f64),
    /// A boolean.
    Bool(bool),
    /// A list.
    List(Vec<RawValue>),
    /// A map, keys in order.
    Map(Vec<(String, RawValue)>),
    /// An attribute of a declaration (`Orders.arn`, `Cdn.DomainName`).
    Attr(Ref, Attr),
    /// A `param`'s value (`Ref`).
    Param(String),
}

impl RawValue {
    /// The JSON type CloudFormation will see, for schema checks; None for
    /// references, whose type is known only when deployed.
    pub fn json_kind(&self) -> Option<&'static str> {
        Some(match self {
            RawValue::Str(_) => "string",
            RawValue::Int(_) => "integer",
            RawValue::Number(_) => "number",
            RawValue::Bool(_) => "boolean",
            RawValue::List(_) => "array",
            RawValue::Map(_) => "object",
            RawValue::Attr(..) | RawValue::Param(_) => return None,
        })
    }
}

/// What the resolver accepted where, recorded as it reads the spec: the
/// one list of the properties each body takes and of the words each
/// property takes, so that an editor offers exactly what the compiler
/// reads.
#[derive(Debug, Clone, Default)]
pub struct Accepted {
    /// Every body read by name, in the order read.
    pub bodies: Vec<AcceptedBody>,
    /// Every value read as one of a closed set of words: where it is
    /// written, and the words.
    pub words: Vec<(Span, Vec<String>)>,
    /// The members of bodies that take properties and blocks only, no
    /// statement (`reads`, `on`, a route...).
    pub properties_only: Vec<Span>,
}

/// The properties and blocks one body takes.
#[derive(Debug, Clone)]
pub struct AcceptedBody {
    /// What the body belongs to, as messages say it (`a function`, `` `cors` ``).
    pub what: String,
    /// Where its members are written.
    pub members: Vec<Span>,
    /// The names it takes, in the order the resolver reads them.
    pub names: Vec<&'static str>,
}
