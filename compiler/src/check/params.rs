//! Template parameters (`param`): defaults and allowed values that
//! CloudFormation would reject, and names the template already uses.

use crate::diagnostics::{Code, Diagnostic};
use crate::model::{Model, Param, ParamType, ParamUse, ParamValue, Spanned};
use crate::naming::ids::logical;

/// The parameters the CloudFormation target adds when the app has
/// functions (see `emit::cfn`).
const GENERATED: &[&str] = &["CodeBucket", "CodeKeyPrefix"];

/// Runs the checks.
pub fn check(model: &Model, diags: &mut Vec<Diagnostic>) {
    for u in &model.param_uses {
        if let Some(p) = model.params.iter().find(|p| p.name == u.param.value) {
            number_use(p, u, diags);
        }
    }
    for p in &model.params {
        values(p, diags);
        let id = logical(&p.name);
        if GENERATED.contains(&id.as_str()) && model.functions.iter().any(|f| f.has_local_code()) {
            diags.push(
                Diagnostic::new(Code::E0109, p.span, format!("parameter `{}` has the logical ID `{id}`, which the CloudFormation target gives the functions' code location", p.name))
                    .label("taken by a generated parameter")
                    .help("rename the parameter"),
            );
        }
    }
}

/// Why `v` is not a value `p` accepts, if it is not.
fn rejects(p: &Param, v: &ParamValue) -> Option<String> {
    if let Some(allowed) = &p.allowed {
        if !allowed.value.contains(v) {
            return Some(format!("`{}` is not one of `allowed`", v.text()));
        }
    }
    match (p.ty, v) {
        (ParamType::String, ParamValue::Str(s)) => {
            let len = s.chars().count() as i64;
            if let Some(min) = &p.min_length {
                if len < min.value {
                    return Some(format!(
                        "\"{s}\" is shorter than `min_length` {}",
                        min.value
                    ));
                }
            }
            if let Some(max) = &p.max_length {
                if len > max.value {
                    return Some(format!("\"{s}\" is longer than `max_length` {}", max.value));
                }
            }
            None
        }
        (ParamType::Number, ParamValue::Num(n)) => {
            if p.min.as_ref().is_some_and(|m| *n < m.value) {
                return Some(format!("{} is below `min`", v.text()));
            }
            if p.max.as_ref().is_some_and(|m| *n > m.value) {
                return Some(format!("{} is above `max`", v.text()));
            }
            None
        }
        _ => None,
    }
}

fn values(p: &Param, diags: &mut Vec<Diagnostic>) {
    let mut report = |span, msg: String, help: &str| {
        diags.push(
            Diagnostic::new(Code::E0213, span, msg)
                .label("CloudFormation rejects the template")
                .help(help.to_string()),
        )
    };
    if let Some(d) = &p.default {
        if let Some(why) = rejects(p, &d.value) {
            report(
                d.span,
                format!(
                    "the default of `{}` breaks its own constraints: {why}",
                    p.name
                ),
                "change the default, or the constraint",
            );
        }
    }
    if let Some(allowed) = &p.allowed {
        if allowed.value.is_empty() {
            report(
                allowed.span,
                format!("`{}` allows no value", p.name),
                "list the values the parameter may take, or remove `allowed`",
            );
        }
        // An allowed value the other constraints reject can never be used.
        let other = Param {
            allowed: None,
            ..p.clone()
        };
        for v in &allowed.value {
            if let Some(why) = rejects(&other, v) {
                report(
                    allowed.span,
                    format!(
                        "an allowed value of `{}` breaks its other constraints: {why}",
                        p.name
                    ),
                    "remove the value from `allowed`, or relax the constraint",
                );
            }
        }
    }
    let range = |lo: Option<&Spanned<f64>>, hi: Option<&Spanned<f64>>| match (lo, hi) {
        (Some(lo), Some(hi)) if lo.value > hi.value => Some(hi.span),
        _ => None,
    };
    let len = |x: &Option<Spanned<i64>>| x.as_ref().map(|s| Spanned::new(s.value as f64, s.span));
    if let Some(span) = range(len(&p.min_length).as_ref(), len(&p.max_length).as_ref())
        .or_else(|| range(p.min.as_ref(), p.max.as_ref()))
    {
        report(
            span,
            format!(
                "`{}` has a minimum above its maximum: no value fits",
                p.name
            ),
            "swap or fix the bounds",
        );
    }
    for n in [&p.min_length, &p.max_length].into_iter().flatten() {
        if n.value < 0 {
            report(
                n.span,
                "a length is at least 0".into(),
                "use a length of 0 or more",
            );
        }
    }
}

/// A number property given by a parameter (`delay = Delay`): every value
/// the parameter admits must be one AWS accepts for the property. Its
/// default is checked with the rest of the spec (resolve gives the
/// property that value); its other values are known only as far as
/// `allowed` or `min` and `max` bound them, and W0216 says so when they
/// do not.
fn number_use(p: &Param, u: &ParamUse, diags: &mut Vec<Diagnostic>) {
    if p.ty != ParamType::Number {
        return;
    }
    let (lo, hi) = u.prop.range();
    let (key, unit) = (u.prop.key(), u.prop.unit());
    let outside = |n: f64| n < lo as f64 || n > hi as f64 || n.fract() != 0.0;
    let report = |what: String, at: crate::source::Span, diags: &mut Vec<Diagnostic>| {
        diags.push(
            Diagnostic::new(
                Code::E0203,
                u.param.span,
                format!(
                    "param `{}` {what}, but `{key}` takes {lo} to {hi} {unit}",
                    p.name
                ),
            )
            .label(format!("AWS rejects some values of `{}` here", p.name))
            .with(at, "the parameter's values")
            .help(format!(
                "bound param `{}` to what `{key}` takes: `min = {lo}`, `max = {hi}` (whole {unit})",
                p.name
            )),
        );
    };
    if let Some(allowed) = &p.allowed {
        let bad: Vec<String> = allowed
            .value
            .iter()
            // The default is the app's value, checked with the property.
            .filter(|v| p.default.as_ref().is_none_or(|d| d.value != **v))
            .filter(|v| matches!(v, ParamValue::Num(n) if outside(*n)))
            .map(|v| v.text())
            .collect();
        if !bad.is_empty() {
            report(format!("allows {}", bad.join(", ")), allowed.span, diags);
        }
        return;
    }
    match (&p.min, &p.max) {
        (Some(min), Some(max)) => {
            if min.value < lo as f64 {
                report(format!("may be as low as {}", min.value), min.span, diags);
            } else if max.value > hi as f64 {
                report(format!("may be as high as {}", max.value), max.span, diags);
            }
        }
        _ => diags.push(
            Diagnostic::new(
                Code::W0216,
                u.param.span,
                format!(
                    "`{key}` is checked with param `{}`'s default only: its other values are not bounded",
                    p.name
                ),
            )
            .label("not checked in full")
            .with(p.span, "no `allowed`, or no `min` and `max`")
            .help(format!(
                "add `min = {lo}` and `max = {hi}` (or `allowed = [...]`) to param `{}`, so that CloudFormation rejects what AWS would",
                p.name
            )),
        ),
    }
}
