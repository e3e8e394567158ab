//! Alarms: whom they notify.
//!
//! - W0255: the app has alarms and a topic of its own, and none of the
//!   alarms notifies anyone (once per app, at the app's name). A spec
//!   without any topic (a sketch, a test) is not told yet: it has nothing
//!   to notify.
//! - E0203: more topics than the five actions CloudWatch gives an alarm.

use crate::diagnostics::{Code, Diagnostic};
use crate::model::*;

/// CloudWatch runs at most five actions per alarm state.
const MAX_ACTIONS: usize = 5;

/// Runs the checks.
pub fn check(model: &Model, diags: &mut Vec<Diagnostic>) {
    // Every alarm notifies the app's topics unless it names its own: only
    // when neither does any are the alarms worth deriving (all of them,
    // for the count), which a large app then does once, in `emit`.
    let topics = model.topics.iter().any(|t| t.arn.is_none());
    let silent = topics
        && model.observe.notify.is_empty()
        && model.alarms.iter().all(|a| a.notify.is_empty());
    let watches = if silent {
        crate::observe::watches(model)
    } else {
        Vec::new()
    };
    if silent && !watches.is_empty() && watches.iter().all(|w| w.notify.is_empty()) {
        let at = model
            .observe
            .app_span
            .or_else(|| model.order.first().and_then(|&(k, i)| model.span_of(k, i)))
            .unwrap_or_default();
        diags.push(
            Diagnostic::new(
                Code::W0255,
                at,
                format!("{} alarms notify nobody", watches.len()),
            )
            .label("no topic to tell")
            .help("declare a topic and write `app { alarms { notify = Ops } }` (subscribe your on-call to it), or turn the default alarms off with `alarms = off { reason = \"...\" }`"),
        );
    }
    let too_many = |list: &[Ref]| list.len() > MAX_ACTIONS;
    if too_many(&model.observe.notify) {
        let r = &model.observe.notify[MAX_ACTIONS];
        diags.push(
            Diagnostic::new(
                Code::E0203,
                r.span,
                format!("alarms notify {} topics, more than {MAX_ACTIONS}", model.observe.notify.len()),
            )
            .label("one too many")
            .help("CloudWatch runs at most five actions per alarm: notify one topic and subscribe the others to it"),
        );
    }
    for a in model.alarms.iter().filter(|a| too_many(&a.notify)) {
        let r = &a.notify[MAX_ACTIONS];
        diags.push(
            Diagnostic::new(
                Code::E0203,
                r.span,
                format!("alarm `{}` notifies {} topics, more than {MAX_ACTIONS}", a.name, a.notify.len()),
            )
            .label("one too many")
            .help("CloudWatch runs at most five actions per alarm: notify one topic and subscribe the others to it"),
        );
    }
}
