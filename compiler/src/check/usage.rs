//! The usage a spec declares for `slsc cost` (`docs/cost.md`), against the
//! rest of the spec: an average duration the timeout never lets happen
//! (W0265), a share of matches on a rule that matches everything (W0266).

use crate::diagnostics::{Code, Diagnostic};
use crate::model::Model;

/// Runs the usage checks.
pub fn check(model: &Model, diags: &mut Vec<Diagnostic>) {
    for f in &model.functions {
        let Some(avg) = model.usage.average_duration.get(&f.name) else {
            continue;
        };
        let timeout_ms = f.timeout.value as f64 * 1000.0;
        if avg.value > timeout_ms {
            diags.push(
                Diagnostic::new(
                    Code::W0265,
                    avg.span,
                    format!(
                        "`{}` runs {} on average, longer than its timeout of {} s",
                        f.name,
                        millis_text(avg.value),
                        f.timeout.value
                    ),
                )
                .label("longer than the timeout")
                .with(f.timeout.span, "the timeout")
                .help(format!(
                    "raise `timeout` above the average (e.g. `timeout = {}s`), or correct `average_duration`",
                    ((avg.value / 1000.0).ceil() as u64 * 2).max(1)
                )),
            );
        }
    }
    for r in &model.rules {
        let Some(share) = model.usage.passes.get(&r.name) else {
            continue;
        };
        if r.filter.is_some() || share.value >= 1.0 {
            continue;
        }
        let event = r.event.as_ref().map_or("event", |e| e.name.as_str());
        let percent = share.value * 100.0;
        diags.push(
            Diagnostic::new(
                Code::W0266,
                share.span,
                format!(
                    "rule `{}` passes {percent}% of its events, but it has no filter: it matches every `{event}`",
                    r.name
                ),
            )
            .label("every event of its type passes")
            .help(format!(
                "remove `passes` (every event passes), or add the `where` filter that keeps {percent}% of them"
            )),
        );
    }
}

/// `200 ms`, `30 s`.
fn millis_text(ms: f64) -> String {
    if ms >= 1000.0 && (ms / 1000.0).fract() == 0.0 {
        format!("{} s", ms / 1000.0)
    } else {
        format!("{ms} ms")
    }
}
