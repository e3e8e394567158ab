//! Bucket lifecycle rules against S3's rules for storage classes: S3
//! rejects a configuration that moves objects to an infrequent-access class
//! before 30 days, out of the order of the classes, or that expires them
//! before their last move (E0270–E0272); it accepts, but bills, objects
//! that leave a class before its minimum storage duration (W0275).
//!
//! Sources: the S3 API reference for `Transition` (days per class) and the
//! S3 User Guide, "Transitioning objects using Amazon S3 Lifecycle"
//! (supported transitions, the 30 days in Standard-IA and One Zone-IA
//! before moving on, minimum storage durations).

use crate::diagnostics::{Code, Diagnostic};
use crate::model::*;

/// Checks every bucket's lifecycle rules.
pub fn check(model: &Model, diags: &mut Vec<Diagnostic>) {
    for b in &model.buckets {
        for rule in &b.lifecycle {
            check_rule(&b.name, rule, diags);
        }
    }
}

fn check_rule(bucket: &str, rule: &LifecycleRule, diags: &mut Vec<Diagnostic>) {
    let name = &rule.name.value;
    for t in &rule.transitions {
        if t.class.infrequent() && t.days.value < 30 {
            diags.push(
                Diagnostic::new(
                    Code::E0270,
                    t.days.span,
                    format!(
                        "{} moves objects to {} after {} days; S3 needs at least 30",
                        rule_name(bucket, name),
                        t.class.title(),
                        t.days.value
                    ),
                )
                .label("fewer than 30 days")
                .help(format!(
                    "write `{} = 30d` or more, or `intelligent_tiering = {}d` / `glacier_ir = {}d`, which take objects from day 0",
                    t.class.word(),
                    t.days.value,
                    t.days.value
                )),
            );
        }
    }
    // Each move, in the order of days, must go down the waterfall, and a
    // move out of an infrequent-access class waits 30 days there.
    let mut by_day: Vec<&Transition> = rule.transitions.iter().collect();
    by_day.sort_by_key(|t| (t.days.value, t.class));
    let mut out_of_order = false;
    for pair in by_day.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a.days.value == b.days.value || b.class < a.class {
            out_of_order = true;
            let (early, late) = if b.class < a.class { (b, a) } else { (a, b) };
            let message = if a.days.value == b.days.value {
                format!(
                    "{} moves objects to {} and to {} on the same day",
                    rule_name(bucket, name),
                    a.class.title(),
                    b.class.title()
                )
            } else {
                format!(
                    "{} moves objects from {} back up to {}",
                    rule_name(bucket, name),
                    a.class.title(),
                    b.class.title()
                )
            };
            diags.push(
                Diagnostic::new(Code::E0271, late.days.span, message)
                    .label("out of order")
                    .with(early.days.span, "the other move")
                    .help(format!(
                        "S3 moves objects only down {}: give `{}` more days than `{}`, or remove one",
                        ORDER,
                        late.class.word(),
                        early.class.word()
                    )),
            );
        } else if a.class.infrequent() && b.days.value < a.days.value + 30 {
            diags.push(
                Diagnostic::new(
                    Code::E0271,
                    b.days.span,
                    format!(
                        "{} moves objects out of {} {} days after they arrive; S3 needs 30",
                        rule_name(bucket, name),
                        a.class.title(),
                        b.days.value - a.days.value
                    ),
                )
                .label(format!(
                    "fewer than 30 days after `{} = {}d`",
                    a.class.word(),
                    a.days.value
                ))
                .with(a.days.span, "objects arrive here")
                .help(format!(
                    "write `{} = {}d` or more",
                    b.class.word(),
                    a.days.value + 30
                )),
            );
        }
    }
    if out_of_order {
        // How long objects stay in each class means little until the
        // order is right.
        return;
    }
    let last = by_day.last();
    if let (Some(expire), Some(last)) = (&rule.expire, last) {
        if expire.value <= last.days.value {
            diags.push(
                Diagnostic::new(
                    Code::E0272,
                    expire.span,
                    format!(
                        "{} expires objects after {} days, not after they move to {} ({} days)",
                        rule_name(bucket, name),
                        expire.value,
                        last.class.title(),
                        last.days.value
                    ),
                )
                .label("not after the last move")
                .with(last.days.span, "the last move")
                .help(format!(
                    "expire later than the last move (`expire = {}d` or more), or remove the moves objects never reach",
                    last.days.value + 1
                )),
            );
            return;
        }
    }
    // Leaving a class early is allowed, and billed as if the object had
    // stayed its minimum duration.
    for (i, t) in by_day.iter().enumerate() {
        let minimum = t.class.minimum_days();
        let leaves = match by_day.get(i + 1) {
            Some(next) => Some((next.days.value, next.days.span, "moves on")),
            None => rule.expire.as_ref().map(|e| (e.value, e.span, "expires")),
        };
        let Some((day, span, how)) = leaves else {
            continue;
        };
        let stay = day.saturating_sub(t.days.value);
        // Moves out of an infrequent-access class too early are E0271.
        if minimum > 0 && stay < minimum && !(t.class.infrequent() && how == "moves on") {
            diags.push(
                Diagnostic::new(
                    Code::W0275,
                    span,
                    format!(
                        "{} {} objects {} days after they reach {}, which bills {} days",
                        rule_name(bucket, name),
                        if how == "expires" { "expires" } else { "moves" },
                        stay,
                        t.class.title(),
                        minimum
                    ),
                )
                .label(format!("{stay} of {minimum} days"))
                .with(t.days.span, "objects arrive here")
                .help(format!(
                    "keep them there {minimum} days (this setting at {}d or more), or skip {} for objects that leave sooner",
                    t.days.value + minimum,
                    t.class.title()
                )),
            );
        }
    }
}

/// The classes in the only order S3 moves objects through.
const ORDER: &str =
    "standard_ia, intelligent_tiering, one_zone_ia, glacier_ir, glacier, deep_archive";

fn rule_name(bucket: &str, rule: &str) -> String {
    format!("lifecycle rule `{rule}` of bucket `{bucket}`")
}
