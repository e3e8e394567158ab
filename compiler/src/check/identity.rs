//! Cognito user pools: their settings against what Cognito accepts, and
//! JWT authorizers' audiences against the pools that issue the tokens.

use crate::diagnostics::{did_you_mean, Code, Diagnostic};
use crate::model::*;

/// Runs the checks.
pub fn check(model: &Model, diags: &mut Vec<Diagnostic>) {
    for p in &model.user_pools {
        pool(p, diags);
        users(p, diags);
    }
    hosted_ui_urls(model, diags);
    for api in &model.apis {
        for z in &api.authorizers {
            if let AuthorizerKind::Jwt { issuer, audience } = &z.kind {
                audiences(model, issuer, audience, diags);
            }
        }
    }
}

/// The password length (E0203), the domain prefix (E0214) and each
/// client's OAuth settings (E0224).
fn pool(p: &UserPool, diags: &mut Vec<Diagnostic>) {
    let n = p.password_length.value;
    if !(8..=99).contains(&n) {
        diags.push(
            Diagnostic::new(
                Code::E0203,
                p.password_length.span,
                format!(
                    "a user pool's passwords are 8 to 99 characters long at least; this is {n}"
                ),
            )
            .label("out of range")
            .help("set `password_length` between 8 and 99; 12 or more is recommended"),
        );
    }
    if let Some(d) = &p.domain {
        let v = &d.value;
        let reserved = ["aws", "amazon", "cognito"].iter().find(|w| v.contains(*w));
        let ok_chars = v
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        let problem = if v.contains("${") {
            None
        } else if v.is_empty() || v.len() > 63 {
            Some(format!(
                "is {} characters long; Cognito allows 1 to 63",
                v.len()
            ))
        } else if !ok_chars || v.starts_with('-') || v.ends_with('-') {
            Some("may hold lower-case letters, digits and inner hyphens only".to_string())
        } else {
            reserved.map(|w| format!("contains `{w}`, which Cognito reserves"))
        };
        if let Some(problem) = problem {
            diags.push(
                Diagnostic::new(
                    Code::E0214,
                    d.span,
                    format!("domain prefix `{v}` {problem}"),
                )
                .label("not a valid domain prefix")
                .help("choose a prefix of lower-case letters, digits and hyphens, unique in the region, e.g. \"shop-auth\""),
            );
        }
    }
    for c in &p.clients {
        let has = |w: &str| c.flows.iter().find(|f| f.value == w);
        let name = &c.name.value;
        let mut problems: Vec<(crate::source::Span, String, &str)> = Vec::new();
        if let Some(f) = has("code").or_else(|| has("implicit")) {
            if c.callback_urls.is_empty() {
                problems.push((
                    f.span,
                    format!("client `{name}` uses the `{}` flow but has no `callback_urls`", f.value),
                    "add `callback_urls = [\"https://...\"]`: where the hosted UI sends users back after signing in",
                ));
            }
        }
        if let Some(f) = has("client_credentials") {
            if !c.secret {
                problems.push((
                    f.span,
                    format!("client `{name}` uses the `client_credentials` flow without a secret"),
                    "machines authenticate with the client's secret: add `secret = true`",
                ));
            }
            if has("code").is_some() || has("implicit").is_some() {
                problems.push((
                    f.span,
                    format!("client `{name}` mixes `client_credentials` with flows for users"),
                    "declare one client for users (`code`) and one for machines (`client_credentials`)",
                ));
            }
        }
        if c.flows.is_empty() {
            let set = [
                (c.scopes.first(), "scopes"),
                (c.callback_urls.first(), "callback_urls"),
                (c.logout_urls.first(), "logout_urls"),
            ];
            if let Some((Some(first), what)) = set.iter().find(|(s, _)| s.is_some()) {
                problems.push((
                    first.span,
                    format!("client `{name}` sets `{what}` but has no OAuth `flows`"),
                    "add `flows = [code]` to sign users in through the hosted UI, or remove the setting",
                ));
            }
        }
        for (span, msg, help) in problems {
            diags.push(
                Diagnostic::new(Code::E0224, span, msg)
                    .label("Cognito rejects this client")
                    .help(help),
            );
        }
    }
}

/// Each user of a pool: an email to invite them by, the phone the pool
/// signs in by (E0230), and groups the pool declares (E0101).
fn users(p: &UserPool, diags: &mut Vec<Diagnostic>) {
    let signs_in = |w: &str| p.sign_in.iter().find(|s| s.value == w);
    for u in &p.users {
        let name = &u.name.value;
        if u.email.is_none() {
            let mut d = Diagnostic::new(
                Code::E0230,
                u.name.span,
                format!("user `{name}` has no `email`, which Cognito sends the invitation to"),
            )
            .label("no email");
            if let Some(s) = signs_in("email") {
                d = d.with(
                    s.span,
                    "the pool signs in by email: it is also the user name",
                );
            }
            diags.push(d.help(format!(
                "add `email = \"...\"` (or a parameter) to `{name}`: the temporary password goes there (slsc sets up no SMS)"
            )));
        }
        if let (Some(s), None) = (signs_in("phone"), &u.phone) {
            if signs_in("email").is_none() {
                diags.push(
                    Diagnostic::new(
                        Code::E0230,
                        u.name.span,
                        format!("user `{name}` has no `phone`, which pool `{}` signs in by", p.name),
                    )
                    .label("no phone")
                    .with(s.span, "users sign in by phone number")
                    .help(format!("add `phone = \"+14155550100\"` (or a parameter) to `{name}`: it is the user name")),
                );
            }
        }
        for g in &u.groups {
            if p.groups.iter().any(|d| d.value == g.value) {
                continue;
            }
            let mut d = Diagnostic::new(
                Code::E0101,
                g.span,
                format!("pool `{}` has no group `{}`", p.name, g.value),
            )
            .label("not a group of this pool");
            d = match did_you_mean(&g.value, p.groups.iter().map(|x| x.value.as_str())) {
                Some(s) => d.help(format!("did you mean `{s}`?")),
                None => d.help(format!("declare it in the pool's `groups = [{}]`", g.value)),
            };
            diags.push(d);
        }
    }
}

/// `Pool.hosted_ui_url` of a pool without a `domain` (E0232), in outputs and
/// environments.
fn hosted_ui_urls(model: &Model, diags: &mut Vec<Diagnostic>) {
    let mut uses: Vec<&Ref> = Vec::new();
    for o in &model.outputs {
        if o.attr == Attr::HostedUiUrl {
            uses.push(&o.value);
        }
    }
    for f in &model.functions {
        for (_, v) in &f.env {
            if let EnvValue::Attr(r, Attr::HostedUiUrl) = v {
                uses.push(r);
            }
        }
    }
    for r in uses {
        let Some(p) = model.user_pool(&r.name) else {
            continue;
        };
        if p.domain.is_none() {
            diags.push(
                Diagnostic::new(
                    Code::E0232,
                    r.span,
                    format!("pool `{}` has no hosted UI: it sets no `domain`", p.name),
                )
                .label("no hosted UI URL")
                .with(p.span, "declared without `domain`")
                .help(format!(
                    "add `domain = \"PREFIX\"` to `{}`: its hosted UI is then at https://PREFIX.auth.REGION.amazoncognito.com",
                    p.name
                )),
            );
        }
    }
}

/// Each audience naming a pool's client: the pool declares it (E0101), and
/// it is the issuing pool (E0223).
fn audiences(
    model: &Model,
    issuer: &JwtIssuer,
    audience: &[JwtAudience],
    diags: &mut Vec<Diagnostic>,
) {
    for a in audience {
        let JwtAudience::Client { pool, client, span } = a else {
            continue;
        };
        let Some(p) = model.user_pool(pool) else {
            continue;
        };
        if !p.clients.iter().any(|c| &c.name.value == client) {
            let mut d = Diagnostic::new(
                Code::E0101,
                *span,
                format!("user pool `{pool}` has no client `{client}`"),
            )
            .label("unknown client");
            d = match did_you_mean(client, p.clients.iter().map(|c| c.name.value.as_str())) {
                Some(s) => d.help(format!("did you mean `{pool}.{s}`?")),
                None => d.help(format!(
                    "declare it in the pool: `userpool {pool} {{ clients {{ {client} = {{}} }} }}`"
                )),
            };
            diags.push(d);
            continue;
        }
        if let JwtIssuer::Pool(issuing) = issuer {
            if issuing.name != *pool {
                diags.push(
                    Diagnostic::new(
                        Code::E0223,
                        *span,
                        format!(
                            "audience `{pool}.{client}` is a client of user pool `{pool}`, but the issuer is `{}`",
                            issuing.name
                        ),
                    )
                    .label("no token of the issuer has this audience")
                    .with(issuing.span, "the issuer")
                    .help(format!(
                        "name a client of `{}`, or give `{pool}`'s callers their own authorizer",
                        issuing.name
                    )),
                );
            }
        }
    }
}
