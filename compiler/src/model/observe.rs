//! Observability settings: the app's `alarms { notify }`, `alarms = off`
//! and `dashboard = off`, each declaration's `alarms { KIND = ... }`, and
//! the `slo { ... }` of functions and routes. What they become (the
//! alarms themselves, and the dashboard) is derived in `observe`.

use super::{Ref, Spanned};
use crate::ast::DeclKind;
use crate::source::Span;
use std::collections::HashMap;

/// The app's and the declarations' alarm settings.
#[derive(Debug, Clone, Default)]
pub struct Observe {
    /// `app { alarms { notify = Ops } }`: the topics every default, SLO
    /// and declared alarm (one without its own `notify`) publishes to.
    pub notify: Vec<Ref>,
    /// `app { alarms = off { reason = "..." } }`: no default alarms at
    /// all, for this reason.
    pub off: Option<Spanned<String>>,
    /// `app { dashboard = off { reason = "..." } }`.
    pub dashboard_off: Option<Spanned<String>>,
    /// Where the app's name is (where app-wide findings point).
    pub app_span: Option<Span>,
    /// Each declaration's `alarms` setting, by declaration name.
    pub settings: HashMap<String, AlarmSettings>,
    /// Each function's `slo { ... }`, by function name.
    pub slos: HashMap<String, Slo>,
}

/// A declaration's `alarms { KIND = THRESHOLD, KIND = off { reason } }`
/// or `alarms = off { reason = "..." }`.
#[derive(Debug, Clone, Default)]
pub struct AlarmSettings {
    /// `alarms = off { reason }`: none of its default alarms.
    pub off: Option<Spanned<String>>,
    /// Each kind set, as written (kinds are checked against the
    /// declaration's when read).
    pub kinds: Vec<(Spanned<String>, KindSetting)>,
}

impl AlarmSettings {
    /// What the declaration sets for alarm `kind`, if anything.
    pub fn kind(&self, kind: &str) -> Option<&KindSetting> {
        self.kinds
            .iter()
            .find(|(k, _)| k.value == kind)
            .map(|(_, s)| s)
    }
}

/// What a declaration sets for one kind of default alarm.
#[derive(Debug, Clone, PartialEq)]
pub enum KindSetting {
    /// A threshold of its own.
    Threshold(Spanned<Threshold>),
    /// `off { reason = "..." }`.
    Off(Spanned<String>),
}

/// A threshold as written: what a number, a percentage and a duration
/// mean depends on the alarm (see `docs/observability.md`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Threshold {
    /// A count per period (`5`).
    Count(f64),
    /// A percentage (`1%`): a rate of failures, or a share of the
    /// declaration's own limit (a function's timeout, a queue's
    /// retention, an API's integration timeout).
    Percent(f64),
    /// A duration, in milliseconds.
    Millis(f64),
}

/// `slo { p99 = 800ms, errors = 0.5%, period = 5m }` on a function or a
/// route: objectives that become alarms, which a traffic-shifting
/// deployment of the function (or of the route's function) rolls back on.
#[derive(Debug, Clone, PartialEq)]
pub struct Slo {
    /// Where `slo` is written.
    pub span: Span,
    /// Latency objectives: the percentile (`p99`, `p99.9` as CloudWatch
    /// writes it) with the word as written, and the most milliseconds.
    pub latency: Vec<(Spanned<String>, String, Spanned<f64>)>,
    /// `errors = 0.5%`: the largest share of failed requests, in percent.
    pub errors: Option<Spanned<f64>>,
    /// `period`: the window each objective is measured over, in seconds
    /// (5 minutes without one).
    pub period: Spanned<u64>,
}

/// The period of default and SLO alarms: 5 minutes (SQS publishes its
/// queue metrics every minute, EventBridge and Lambda every minute; five
/// of them smooth single slow or failed requests out).
pub const PERIOD: u64 = 300;

/// The kinds of default alarm a declaration of `kind` may have, in the
/// order they are emitted (whether it has each depends on what it is: a
/// queue's `messages` only when it is a dead-letter queue).
pub fn kinds(kind: DeclKind) -> &'static [&'static str] {
    match kind {
        DeclKind::Function => &["errors", "throttles", "duration", "iterator_age"],
        DeclKind::Queue => &["age", "messages"],
        DeclKind::Api => &["server_errors", "latency"],
        DeclKind::Rule => &["failed", "dead_letter_failed"],
        DeclKind::Schedule => &["target_errors", "dropped", "dead_letter_failed"],
        DeclKind::StateMachine => &["failed"],
        _ => &[],
    }
}

/// The forms a threshold of alarm `kind` takes, for its error's help:
/// (count, percent, duration).
pub fn forms(kind: &str) -> (bool, bool, bool) {
    match kind {
        "errors" | "throttles" | "server_errors" => (true, true, false),
        "duration" | "age" | "latency" => (false, true, true),
        "iterator_age" => (false, false, true),
        _ => (true, false, false),
    }
}

/// An example threshold of alarm `kind`, for help lines.
pub fn example(kind: &str) -> &'static str {
    match kind {
        "errors" | "server_errors" => "1%",
        "throttles" => "1",
        "duration" | "latency" => "80%",
        "age" => "50%",
        "iterator_age" => "5m",
        _ => "1",
    }
}

/// The threshold of alarm `kind` unless the declaration sets one.
pub fn default_threshold(kind: &str) -> Threshold {
    match kind {
        "errors" | "server_errors" => Threshold::Percent(5.0),
        "throttles" => Threshold::Percent(1.0),
        "duration" | "latency" => Threshold::Percent(80.0),
        "age" => Threshold::Percent(50.0),
        "iterator_age" => Threshold::Millis(600_000.0),
        _ => Threshold::Count(1.0),
    }
}
