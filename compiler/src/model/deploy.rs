//! Safe deploys: `alarm` declarations, and a function's alias, traffic
//! shifting (CodeDeploy) and provisioned concurrency.

use super::{Ref, Spanned};

/// The alias a function with SnapStart and no `alias` of its own publishes
/// behind.
pub const DEFAULT_ALIAS: &str = "live";
use crate::source::Span;

/// An `alarm` declaration: a CloudWatch alarm on one metric of a declared
/// function (of its alias, when it has one: what invokes the function
/// invokes the alias, and CodeDeploy watches the alias while it shifts
/// traffic).
#[derive(Debug, Clone)]
pub struct Alarm {
    /// Its name.
    pub name: String,
    /// Where the name is.
    pub span: Span,
    /// The function whose metric it watches (`metric = F.errors`).
    pub function: Ref,
    /// The metric, where it is written.
    pub metric: Spanned<Metric>,
    /// How the metric's datapoints of one period are combined.
    pub statistic: Spanned<Statistic>,
    /// The threshold, in the metric's unit (milliseconds for `duration`).
    pub threshold: Spanned<f64>,
    /// How the threshold compares (`>=` by default).
    pub comparison: Comparison,
    /// The period in seconds: 10, 30 or a multiple of 60.
    pub period: Spanned<u64>,
    /// The number of periods evaluated.
    pub evaluation_periods: Spanned<u64>,
    /// `datapoints`: how many of them must breach (all by default).
    pub datapoints: Option<Spanned<u64>>,
    /// What a period without data counts as.
    pub missing_data: MissingData,
    /// `notify = [Topic]`: topics the alarm publishes to when it fires.
    pub notify: Vec<Ref>,
}

/// A metric Lambda publishes for a function (namespace `AWS/Lambda`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// `errors`: invocations that ended in a function error.
    Errors,
    /// `throttles`: invocation requests throttled.
    Throttles,
    /// `duration`: milliseconds of each invocation.
    Duration,
    /// `invocations`: invocations, failed or not.
    Invocations,
    /// `concurrent_executions`: instances running at once.
    ConcurrentExecutions,
    /// `provisioned_spillover`: invocations that found no provisioned
    /// instance free and ran on standard concurrency.
    ProvisionedSpillover,
    /// `provisioned_utilization`: the fraction of provisioned concurrency
    /// in use (0 to 1).
    ProvisionedUtilization,
}

impl Metric {
    /// The words of `metric = F.WORD`, in the order the docs list them.
    pub const WORDS: &'static [&'static str] = &[
        "errors",
        "throttles",
        "duration",
        "invocations",
        "concurrent_executions",
        "provisioned_spillover",
        "provisioned_utilization",
    ];

    /// The metric a word names.
    pub fn from_word(w: &str) -> Option<Metric> {
        Some(match w {
            "errors" => Metric::Errors,
            "throttles" => Metric::Throttles,
            "duration" => Metric::Duration,
            "invocations" => Metric::Invocations,
            "concurrent_executions" => Metric::ConcurrentExecutions,
            "provisioned_spillover" => Metric::ProvisionedSpillover,
            "provisioned_utilization" => Metric::ProvisionedUtilization,
            _ => return None,
        })
    }

    /// Its word.
    pub fn word(self) -> &'static str {
        match self {
            Metric::Errors => "errors",
            Metric::Throttles => "throttles",
            Metric::Duration => "duration",
            Metric::Invocations => "invocations",
            Metric::ConcurrentExecutions => "concurrent_executions",
            Metric::ProvisionedSpillover => "provisioned_spillover",
            Metric::ProvisionedUtilization => "provisioned_utilization",
        }
    }

    /// Its CloudWatch `MetricName`.
    pub fn cloudwatch(self) -> &'static str {
        match self {
            Metric::Errors => "Errors",
            Metric::Throttles => "Throttles",
            Metric::Duration => "Duration",
            Metric::Invocations => "Invocations",
            Metric::ConcurrentExecutions => "ConcurrentExecutions",
            Metric::ProvisionedSpillover => "ProvisionedConcurrencySpilloverInvocations",
            Metric::ProvisionedUtilization => "ProvisionedConcurrencyUtilization",
        }
    }

    /// A count of events per period, which only `sum`, `sample_count`,
    /// `average`, `minimum` and `maximum` summarize meaningfully (a
    /// percentile of counts is not one CloudWatch computes for Lambda).
    pub fn is_count(self) -> bool {
        matches!(
            self,
            Metric::Errors | Metric::Throttles | Metric::Invocations | Metric::ProvisionedSpillover
        )
    }

    /// The statistic an alarm on it uses unless it names one.
    pub fn default_statistic(self) -> Statistic {
        match self {
            Metric::Duration => Statistic::Average,
            Metric::ConcurrentExecutions | Metric::ProvisionedUtilization => Statistic::Maximum,
            _ => Statistic::Sum,
        }
    }
}

/// How an alarm combines the datapoints of one period.
#[derive(Debug, Clone, PartialEq)]
pub enum Statistic {
    /// `sum`.
    Sum,
    /// `average`.
    Average,
    /// `minimum`.
    Minimum,
    /// `maximum`.
    Maximum,
    /// `sample_count`.
    SampleCount,
    /// `p99`, `p99_9`: a percentile, as CloudWatch writes it (`p99.9`).
    Percentile(String),
}

impl Statistic {
    /// The statistic words (percentiles are `pNN` or `pNN_N`).
    pub const WORDS: &'static [&'static str] = &[
        "sum",
        "average",
        "minimum",
        "maximum",
        "sample_count",
        "p99",
    ];

    /// A percentile word, `p50`, `p99`, `p99_9`, as CloudWatch writes it
    /// (`p99.9`); None when it is not one (0 < p < 100).
    pub fn percentile(word: &str) -> Option<String> {
        let digits = word.strip_prefix('p')?;
        let text = digits.replacen('_', ".", 1);
        let value: f64 = text.parse().ok()?;
        let well_formed = digits.bytes().all(|b| b.is_ascii_digit() || b == b'_')
            && !digits.starts_with('_')
            && !digits.ends_with('_');
        (well_formed && value > 0.0 && value < 100.0).then_some(format!("p{text}"))
    }
}

/// How an alarm compares the statistic with its threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Comparison {
    /// `at_least` (the default): `>=`.
    #[default]
    AtLeast,
    /// `above`: `>`.
    Above,
    /// `at_most`: `<=`.
    AtMost,
    /// `below`: `<`.
    Below,
}

impl Comparison {
    /// The words of `comparison`.
    pub const WORDS: &'static [&'static str] = &["at_least", "above", "at_most", "below"];

    /// Its CloudFormation `ComparisonOperator`.
    pub fn cloudwatch(self) -> &'static str {
        match self {
            Comparison::AtLeast => "GreaterThanOrEqualToThreshold",
            Comparison::Above => "GreaterThanThreshold",
            Comparison::AtMost => "LessThanOrEqualToThreshold",
            Comparison::Below => "LessThanThreshold",
        }
    }
}

/// What a period without datapoints counts as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MissingData {
    /// `not_breaching` (the default): no invocations, no errors.
    #[default]
    NotBreaching,
    /// `breaching`.
    Breaching,
    /// `ignore`: the alarm keeps its state.
    Ignore,
    /// `missing`: the alarm goes to INSUFFICIENT_DATA.
    Missing,
}

impl MissingData {
    /// The words of `missing_data`.
    pub const WORDS: &'static [&'static str] = &["not_breaching", "breaching", "ignore", "missing"];

    /// Its CloudFormation `TreatMissingData`.
    pub fn cloudwatch(self) -> &'static str {
        match self {
            MissingData::NotBreaching => "notBreaching",
            MissingData::Breaching => "breaching",
            MissingData::Ignore => "ignore",
            MissingData::Missing => "missing",
        }
    }
}

/// How CodeDeploy moves a function's alias to a new version.
#[derive(Debug, Clone, PartialEq)]
pub struct Deploy {
    /// Where the deployment is written: `deploy = ...`, or the first of
    /// the settings that imply one.
    pub span: Span,
    /// The setting written there (`deploy`, `rollback_on`, ...).
    pub written: &'static str,
    /// How traffic moves.
    pub shift: Spanned<Shift>,
    /// `rollback_on = [Alarm]`: alarms that stop the deployment and move
    /// the alias back when one fires.
    pub rollback_on: Vec<Ref>,
    /// `before_traffic = F`: CodeDeploy's `BeforeAllowTraffic` hook.
    pub before_traffic: Option<Ref>,
    /// `after_traffic = F`: its `AfterAllowTraffic` hook.
    pub after_traffic: Option<Ref>,
    /// `deploy_notify = [Topic]`: topics told when a deployment starts,
    /// succeeds, fails or rolls back.
    pub notify: Vec<Ref>,
}

impl Deploy {
    /// The hook functions, each with its CodeDeploy hook name.
    pub fn hooks(&self) -> Vec<(&'static str, &Ref)> {
        let mut out = Vec::new();
        if let Some(h) = &self.before_traffic {
            out.push(("BeforeAllowTraffic", h));
        }
        if let Some(h) = &self.after_traffic {
            out.push(("AfterAllowTraffic", h));
        }
        out
    }
}

/// How traffic moves from the old version to the new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shift {
    /// `all_at_once`.
    AllAtOnce,
    /// `canary { percent, interval }`: `percent` of the traffic for
    /// `minutes`, then all of it.
    Canary {
        /// The canary's share of the traffic, 1 to 99.
        percent: u32,
        /// Minutes before the rest moves.
        minutes: u32,
    },
    /// `linear { percent, every }`: `percent` more every `minutes`.
    Linear {
        /// The step, 1 to 99.
        percent: u32,
        /// Minutes between steps.
        minutes: u32,
    },
}

impl Shift {
    /// CodeDeploy's predefined configuration for it (`CodeDeployDefault.
    /// Lambda<this>`, SAM's `DeploymentPreference.Type`), when there is one.
    pub fn predefined(self) -> Option<String> {
        let name = match self {
            Shift::AllAtOnce => "AllAtOnce".to_string(),
            Shift::Canary {
                percent: 10,
                minutes: m @ (5 | 10 | 15 | 30),
            } => format!("Canary10Percent{m}Minutes"),
            Shift::Linear {
                percent: 10,
                minutes: 1,
            } => "Linear10PercentEvery1Minute".to_string(),
            Shift::Linear {
                percent: 10,
                minutes: m @ (2 | 3 | 10),
            } => format!("Linear10PercentEvery{m}Minutes"),
            _ => return None,
        };
        Some(name)
    }

    /// Whether traffic moves in steps (canary or linear), which only
    /// alarms can stop.
    pub fn gradual(self) -> bool {
        !matches!(self, Shift::AllAtOnce)
    }
}

/// `provisioned_concurrency`: instances kept initialized for the alias.
#[derive(Debug, Clone, PartialEq)]
pub struct Provisioned {
    /// Where it is written.
    pub span: Span,
    /// The alias's `ProvisionedConcurrentExecutions`: the fixed number, or
    /// the least that scaling keeps.
    pub executions: Spanned<i64>,
    /// `scaled { ... }`: Application Auto Scaling moves it between bounds.
    pub scaling: Option<Scaling>,
}

impl Provisioned {
    /// The most instances it may keep.
    pub fn most(&self) -> &Spanned<i64> {
        match &self.scaling {
            Some(s) => {
                let top = s.schedules.iter().filter_map(|x| x.max.as_ref());
                top.chain([&s.max])
                    .max_by_key(|m| m.value)
                    .unwrap_or(&s.max)
            }
            None => &self.executions,
        }
    }
}

/// `provisioned_concurrency = scaled { min, max, utilization, NAME { ... } }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Scaling {
    /// `min`: the fewest instances.
    pub min: Spanned<i64>,
    /// `max`: the most.
    pub max: Spanned<i64>,
    /// `utilization = 0.7`: target tracking on the fraction in use.
    pub utilization: Option<Spanned<f64>>,
    /// Named blocks: scheduled changes of the bounds.
    pub schedules: Vec<ScheduledScaling>,
}

/// A scheduled change of the bounds: `NAME { cron = "...", min, max }`.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduledScaling {
    /// Its name (the block's).
    pub name: Spanned<String>,
    /// The schedule: `cron = "..."` (the six fields) or `at = "..."`.
    pub schedule: Spanned<String>,
    /// `min` from then on.
    pub min: Option<Spanned<i64>>,
    /// `max` from then on.
    pub max: Option<Spanned<i64>>,
    /// `timezone = "Europe/Paris"`.
    pub timezone: Option<Spanned<String>>,
}
