//! Price tables: one JSON file per region under `cost/prices/`, read once
//! (embedded with `include_str!`), each dated (`as_of`) and each price
//! with its source. No price is written in code: the estimate looks prices
//! up by key ([`KEYS`] lists every key a table must have).

use indexmap::IndexMap;
use serde::Deserialize;

/// The embedded tables, by region.
const TABLES: &[(&str, &str)] = &[
    ("us-east-1", include_str!("prices/us-east-1.json")),
    ("us-west-2", include_str!("prices/us-west-2.json")),
];

/// Every price a table must hold: what the estimate looks up.
pub const KEYS: &[&str] = &[
    "lambda.requests",
    "lambda.compute.x86_64",
    "lambda.compute.arm64",
    "lambda.provisioned.x86_64",
    "lambda.provisioned.arm64",
    "lambda.provisioned_compute.x86_64",
    "lambda.provisioned_compute.arm64",
    "apigateway.http.requests",
    "apigateway.rest.requests",
    "sqs.standard.requests",
    "sqs.fifo.requests",
    "sns.publishes",
    "sns.deliveries.https",
    "sns.deliveries.email",
    "sns.deliveries.sqs",
    "sns.deliveries.lambda",
    "eventbridge.custom_events",
    "eventbridge.aws_events",
    "scheduler.invocations",
    "dynamodb.on_demand.writes",
    "dynamodb.on_demand.reads",
    "dynamodb.provisioned.write_capacity",
    "dynamodb.provisioned.read_capacity",
    "kinesis.on_demand.stream_hours",
    "kinesis.on_demand.ingested",
    "kinesis.on_demand.retrieved",
    "kinesis.provisioned.shard_hours",
    "kinesis.provisioned.put_units",
    "logs.ingested",
    "cloudwatch.alarms",
    "cloudwatch.dashboards",
    "kms.keys",
    "kms.requests",
    "s3.storage.standard",
    "s3.storage.standard_ia",
    "s3.storage.intelligent_tiering",
    "s3.storage.one_zone_ia",
    "s3.storage.glacier_ir",
    "s3.storage.glacier",
    "s3.storage.deep_archive",
    "s3.put_requests",
    "s3.get_requests",
    "s3.transitions.standard_ia",
    "s3.transitions.intelligent_tiering",
    "s3.transitions.one_zone_ia",
    "s3.transitions.glacier_ir",
    "s3.transitions.glacier",
    "s3.transitions.deep_archive",
];

/// One region's prices.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// The region, e.g. `us-east-1`.
    pub region: String,
    /// When the prices were read (YYYY-MM-DD).
    pub as_of: String,
    /// Always `USD`.
    pub currency: String,
    /// What the table covers and how sure each price is.
    pub note: String,
    /// Every price, by key.
    pub prices: IndexMap<String, Price>,
}

/// One price: `usd` for every `per` `unit`s (`$0.20` per `1000000`
/// `requests`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Price {
    /// Dollars.
    pub usd: f64,
    /// For this many units.
    pub per: f64,
    /// The unit, plural (`requests`, `GB-s`).
    pub unit: String,
    /// The AWS pricing page it comes from.
    pub source: String,
    /// Whether it was checked against a recent source when the table was
    /// written (otherwise: the pricing page as known on `as_of`).
    pub confirmed: bool,
}

impl Price {
    /// Dollars for one unit.
    pub fn unit_price(&self) -> f64 {
        self.usd / self.per
    }

    /// `$0.20 per 1M requests`, `$0.0000166667 per GB-s`.
    pub fn text(&self) -> String {
        let per = if self.per == 1.0 {
            String::new()
        } else if self.per == 1_000_000.0 {
            "1M ".to_string()
        } else {
            format!("{} ", super::count(self.per))
        };
        let unit = match (self.per == 1.0, self.unit.strip_suffix('s')) {
            (true, Some(one)) if !self.unit.ends_with("GB-s") => one.to_string(),
            _ => self.unit.clone(),
        };
        format!("{} per {per}{unit}", super::dollars_exact(self.usd))
    }
}

impl Table {
    /// The price at `key` (every key of [`KEYS`] is there: [`table`]
    /// checks it).
    pub fn get(&self, key: &str) -> &Price {
        &self.prices[key]
    }
}

/// The regions that have a table.
pub fn regions() -> Vec<&'static str> {
    TABLES.iter().map(|(r, _)| *r).collect()
}

/// The table of `region`: an error naming the regions that have one when
/// it has none, or when its file is malformed or lacks a price.
pub fn table(region: &str) -> Result<Table, String> {
    let Some((_, text)) = TABLES.iter().find(|(r, _)| *r == region) else {
        return Err(format!(
            "no price table for region `{region}`; known regions: {} (see docs/cost.md to add one)",
            regions().join(", ")
        ));
    };
    let table: Table = serde_json::from_str(text)
        .map_err(|e| format!("the price table of {region} is malformed: {e}"))?;
    if let Some(missing) = KEYS.iter().find(|k| !table.prices.contains_key(**k)) {
        return Err(format!(
            "the price table of {region} has no price `{missing}`"
        ));
    }
    if table.region != region {
        return Err(format!(
            "the price table of {region} says it is {}'s",
            table.region
        ));
    }
    Ok(table)
}
