//! What a spec declares about the traffic it expects: read by `slsc cost`
//! only (see `docs/cost.md`); nothing of it reaches the template.

use super::Spanned;
use crate::ast::RateUnit;
use std::collections::HashMap;

/// A rate as written (`50/s`, `3_000_000/month`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rate {
    /// How many.
    pub count: f64,
    /// Per what.
    pub unit: RateUnit,
}

impl Rate {
    /// How many in a month of 730 hours (AWS's pricing month).
    pub fn per_month(self) -> f64 {
        self.count * self.unit.per_month()
    }

    /// The rate as a spec writes it: `50/s`.
    pub fn text(self) -> String {
        format!("{}/{}", number(self.count), self.unit.word())
    }
}

/// A number without a useless fraction: `50`, `0.5`.
fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Where `traffic = RATE` is declared: what arrives there from outside the
/// app.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UsageAt {
    /// A function, queue, topic, bus, stream or bucket, by name.
    Decl(String),
    /// A route of an API.
    Route {
        /// The API's name.
        api: String,
        /// `GET`, `POST`, ... (`ANY`).
        method: String,
        /// The path as written.
        path: String,
    },
}

/// The usage a spec declares (see `docs/cost.md`).
#[derive(Debug, Clone, Default)]
pub struct Usage {
    /// `traffic = RATE`, by where it is declared.
    pub traffic: HashMap<UsageAt, Spanned<Rate>>,
    /// A function's `average_duration`, in milliseconds, by function.
    pub average_duration: HashMap<String, Spanned<f64>>,
    /// A bucket's `object_size`, in bytes, by bucket.
    pub object_size: HashMap<String, Spanned<u64>>,
    /// A rule's `passes`, as a fraction (25% is 0.25), by rule.
    pub passes: HashMap<String, Spanned<f64>>,
}

impl Usage {
    /// The traffic declared at a declaration.
    pub fn traffic_of(&self, name: &str) -> Option<&Spanned<Rate>> {
        self.traffic.get(&UsageAt::Decl(name.to_string()))
    }
}
