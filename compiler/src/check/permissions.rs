//! Permission checks: what a function's role can do against what its code
//! will try, and grants that are dangerous as written.
//!
//! - E0501: an environment variable names a resource the function has no
//!   access verb for: the code will use it and get AccessDenied.
//! - W0502: `allow` with a wildcard action or resource (unless acknowledged).
//! - E0503: `allow` of `*`, `*:*`, `iam:*` or `iam:PassRole` without
//!   `acknowledge = "why"`.
//! - E0504: a secret in plain text in an environment value.
//! - E0505: an API route that does not say who may call it.
//! - W0506: a route that changes state and anyone may call.

use crate::ast::DeclKind;
use crate::diagnostics::Diagnostic;
use crate::model::*;

/// Runs the permission checks.
pub fn check(model: &Model, diags: &mut Vec<Diagnostic>) {
    for f in &model.functions {
        env_access(f, diags);
        secrets(f, diags);
        for a in &f.allows {
            allow(a, diags);
        }
    }
    for api in &model.apis {
        routes(api, diags);
    }
}

/// The declarations a function may touch through its role.
fn granted(f: &Function) -> Vec<&str> {
    let mut out: Vec<&str> = f.access.iter().map(|a| a.target.name.as_str()).collect();
    // Push triggers (buckets, topics) call the function; they give its
    // role no rights on them.
    for t in &f.triggers {
        match t {
            Trigger::Queue { queue, .. } => out.push(&queue.name),
            Trigger::Stream { source: table, .. } => out.push(&table.name),
            Trigger::Bucket { .. } | Trigger::Topic { .. } => {}
        }
    }
    for d in f.destinations() {
        out.push(&d.to.name);
    }
    out
}

fn env_access(f: &Function, diags: &mut Vec<Diagnostic>) {
    let granted = granted(f);
    for (key, value) in &f.env {
        let EnvValue::Attr(r, attr) = value else {
            continue;
        };
        // An API is called over HTTP, not through the role; a function may
        // know its own name.
        if r.kind == DeclKind::Api || r.name == f.name || granted.contains(&r.name.as_str()) {
            continue;
        }
        let n = &r.name;
        let verb = match r.kind {
            DeclKind::Table | DeclKind::Bucket => format!("`reads {n}` or `writes {n}`"),
            DeclKind::Stream => format!("`writes {n}` or `on {n}`"),
            DeclKind::Secret | DeclKind::Parameter => format!("`reads {n}`"),
            DeclKind::Queue => format!("`sends to {n}`"),
            DeclKind::Topic => format!("`publishes to {n}`"),
            DeclKind::Bus => format!("`emits EVENT to {n}`"),
            _ => format!("`invokes {n}`"),
        };
        diags.push(
            Diagnostic::new(
                "E0501",
                r.span,
                format!(
                    "`{}` gets `{}.{}` in `{}` but has no access to `{}`",
                    f.name,
                    r.name,
                    attr.word(),
                    key.value,
                    r.name
                ),
            )
            .label("its code will be denied")
            .help(format!(
                "add {verb} to function `{}`, or remove the variable",
                f.name
            )),
        );
    }
}

/// Names that say their value is a secret.
const SECRET_WORDS: &[&str] = &[
    "PASSWORD",
    "PASSWD",
    "SECRET",
    "TOKEN",
    "API_KEY",
    "APIKEY",
    "PRIVATE_KEY",
    "CREDENTIAL",
    "ACCESS_KEY",
    "AUTH_KEY",
];

fn secrets(f: &Function, diags: &mut Vec<Diagnostic>) {
    for (key, value) in &f.env {
        let EnvValue::Literal(text) = value else {
            continue;
        };
        let upper = key.value.to_ascii_uppercase();
        let named = SECRET_WORDS.iter().find(|w| upper.contains(*w));
        // References to a secret (an ARN, a parameter path) and numbers
        // (`TOKEN_TTL = 3600`) are not secrets.
        let reference = text.starts_with("arn:")
            || text.starts_with('/')
            || text.chars().all(|c| c.is_ascii_digit());
        let why = match named {
            Some(w) if text.len() >= 6 && !reference => format!(
                "`{}` names a {} and holds a literal value",
                key.value,
                w.to_lowercase().replace('_', " ")
            ),
            _ if aws_access_key(text) => {
                format!("`{}` holds what looks like an AWS access key id", key.value)
            }
            _ if high_entropy(text) => format!(
                "`{}` holds a random-looking literal, likely a secret",
                key.value
            ),
            _ => continue,
        };
        diags.push(
            Diagnostic::new("E0504", key.span, format!("plaintext secret in the environment: {why}"))
                .label("readable by anyone who can read the function's configuration")
                .help("keep secrets in Secrets Manager or SSM Parameter Store and read them at run time; pass only their name or ARN here"),
        );
    }
}

fn aws_access_key(text: &str) -> bool {
    (text.starts_with("AKIA") || text.starts_with("ASIA"))
        && text.len() == 20
        && text
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// A long token with letters and digits whose characters are spread like
/// random data (Shannon entropy of at least 4.2 bits per character).
fn high_entropy(text: &str) -> bool {
    let token = text.len() >= 24
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+/=_-".contains(c))
        && text.chars().any(|c| c.is_ascii_digit())
        && text.chars().any(|c| c.is_ascii_alphabetic());
    if !token {
        return false;
    }
    let mut counts = [0usize; 128];
    for b in text.bytes() {
        counts[b as usize] += 1;
    }
    let n = text.len() as f64;
    let entropy: f64 = counts
        .iter()
        .filter(|c| **c > 0)
        .map(|c| {
            let p = *c as f64 / n;
            -p * p.log2()
        })
        .sum();
    entropy >= 4.2
}

/// Actions with which a function can grant itself more: `iam:PassRole` hands
/// a role to a service; `iam:*` and `*` include every IAM write.
const ESCALATING: &[&str] = &[
    "iam:PassRole",
    "iam:CreateRole",
    "iam:AttachRolePolicy",
    "iam:PutRolePolicy",
    "iam:UpdateAssumeRolePolicy",
];

/// Case-insensitive glob (`*` any characters) of IAM action patterns.
fn glob(pattern: &str, text: &str) -> bool {
    let (p, t) = (pattern.to_ascii_lowercase(), text.to_ascii_lowercase());
    let parts: Vec<&str> = p.split('*').collect();
    if parts.len() == 1 {
        return p == t;
    }
    let mut rest = t.as_str();
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            match rest.strip_prefix(part) {
                Some(r) => rest = r,
                None => return false,
            }
        } else if i == parts.len() - 1 {
            return rest.ends_with(part);
        } else {
            match rest.find(part) {
                Some(at) => rest = &rest[at + part.len()..],
                None => return false,
            }
        }
    }
    true
}

fn allow(a: &Allow, diags: &mut Vec<Diagnostic>) {
    if a.acknowledged
        .as_deref()
        .is_some_and(|r| r.trim().is_empty())
    {
        diags.push(
            Diagnostic::new("E0503", a.span, "an acknowledgement needs a reason")
                .label("empty `acknowledge`")
                .help("say why the grant is needed: `acknowledge = \"ECS runs the task with this role\"`"),
        );
    }
    let acknowledged = a
        .acknowledged
        .as_deref()
        .is_some_and(|r| !r.trim().is_empty());
    for action in &a.actions {
        let v = action.value.as_str();
        let shaped = v == "*"
            || v.split_once(':').is_some_and(|(svc, act)| {
                !svc.is_empty()
                    && svc.chars().all(|c| {
                        c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '*'
                    })
                    && !act.is_empty()
                    && act.chars().all(|c| c.is_ascii_alphanumeric() || c == '*')
            });
        if !shaped {
            diags.push(
                Diagnostic::new("E0201", action.span, format!("`{v}` is not an IAM action"))
                    .label("expected `service:Action`")
                    .help("write actions as `service:Action`, e.g. \"ssm:GetParameter\""),
            );
            continue;
        }
        let dangerous = ESCALATING.iter().any(|d| glob(v, d));
        if dangerous && !acknowledged {
            diags.push(
                Diagnostic::new("E0503", action.span, format!("`{v}` lets the function escalate its own privileges"))
                    .label("needs an acknowledgement")
                    .help("grant something narrower, or add `{ acknowledge = \"why this is needed\" }` to the `allow`"),
            );
        } else if v.contains('*') && !acknowledged {
            diags.push(
                Diagnostic::new("W0502", action.span, format!("wildcard action `{v}`"))
                    .label("grants every matching action, today's and future ones")
                    .help("list the actions the code calls, or add `{ acknowledge = \"why\" }`"),
            );
        }
    }
    if !acknowledged {
        for r in a.resources.iter().filter(|r| r.value.contains('*')) {
            diags.push(
                Diagnostic::new("W0502", r.span, format!("wildcard resource `{}`", r.value))
                    .label("grants the actions on every matching resource")
                    .help("name the resource's ARN, or add `{ acknowledge = \"why\" }`"),
            );
        }
    }
}

fn routes(api: &Api, diags: &mut Vec<Diagnostic>) {
    for route in &api.routes {
        if !api.explicit_auth && !route.public {
            diags.push(
                Diagnostic::new("E0505", route.span, format!("route `{} {}` does not say who may call it", route.method, route.path.value))
                    .label("no `auth`")
                    .help(format!(
                        "add `auth = jwt {{ ... }}` or `auth = iam` to api `{}`, or `{{ auth = none }}` to this route to make it public on purpose",
                        api.name
                    )),
            );
            continue;
        }
        let public = route.public || api.auth == Auth::None;
        let writes = matches!(
            route.method.as_str(),
            "POST" | "PUT" | "PATCH" | "DELETE" | "ANY"
        );
        if public && writes && route.acknowledged.is_none() {
            diags.push(
                Diagnostic::new("W0506", route.span, format!("anyone may call `{} {}`, which changes state", route.method, route.path.value))
                    .label("unauthenticated write")
                    .help("protect it with `auth = jwt { ... }` or `auth = iam`; if it must be public (a webhook), say why: `{ auth = none, acknowledge = \"...\" }`"),
            );
        }
    }
}
