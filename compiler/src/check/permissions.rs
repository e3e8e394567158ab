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
//! - W0508: a raw IAM `resource` whose policies allow a wildcard.

use crate::ast::DeclKind;
use crate::diagnostics::Code;
use crate::diagnostics::Diagnostic;
use crate::model::*;

/// Runs the permission checks.
pub fn check(model: &Model, diags: &mut Vec<Diagnostic>) {
    // A hook may invoke the versions of the function it tests (its role
    // says so), so it may know that function's name: hook -> tested.
    let mut tests: std::collections::HashMap<&str, Vec<&str>> = Default::default();
    for t in &model.functions {
        if let Some(d) = &t.deploy {
            for (_, h) in d.hooks() {
                tests
                    .entry(h.name.as_str())
                    .or_default()
                    .push(t.name.as_str());
            }
        }
    }
    for f in &model.functions {
        let tested = tests.get(f.name.as_str()).map_or(&[][..], Vec::as_slice);
        env_access(f, tested, diags);
        secrets(model, f, diags);
        for a in &f.allows {
            allow(a, diags);
        }
    }
    for m in &model.state_machines {
        for a in &m.allows {
            allow(a, diags);
        }
    }
    for api in &model.apis {
        routes(api, diags);
    }
    for r in &model.resources {
        raw_iam(r, diags);
    }
}

/// The IAM resource types whose policies grant permissions.
const IAM_TYPES: &[&str] = &[
    "AWS::IAM::Role",
    "AWS::IAM::User",
    "AWS::IAM::Group",
    "AWS::IAM::Policy",
    "AWS::IAM::ManagedPolicy",
];

/// W0508: a raw IAM resource allowing `*` (or `service:*`) actions or `*`
/// resources in its policies, the wildcards `allow` is warned for (W0502).
fn raw_iam(r: &RawResource, diags: &mut Vec<Diagnostic>) {
    if !IAM_TYPES.contains(&r.ty.value.as_str()) {
        return;
    }
    // Walks every `Statement` below the properties (inline `Policies` and
    // `PolicyDocument` alike), collecting the wildcards allowed.
    fn walk<'a>(v: &'a RawValue, found: &mut Vec<&'a str>) {
        match v {
            RawValue::Map(entries) => {
                let allows = entries
                    .iter()
                    .any(|(k, v)| k == "Effect" && *v == RawValue::Str("Allow".into()));
                for (k, v) in entries {
                    if allows && (k == "Action" || k == "Resource") {
                        let items: Vec<&RawValue> = match v {
                            RawValue::List(items) => items.iter().collect(),
                            other => vec![other],
                        };
                        for item in items {
                            if let RawValue::Str(s) = item {
                                if s == "*" || (k == "Action" && s.ends_with('*')) {
                                    found.push(s);
                                }
                            }
                        }
                    } else {
                        walk(v, found);
                    }
                }
            }
            RawValue::List(items) => items.iter().for_each(|x| walk(x, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    for (_, v) in &r.properties {
        walk(v, &mut found);
    }
    found.dedup();
    if let Some(first) = found.first() {
        diags.push(
            Diagnostic::new(
                Code::W0508,
                r.span,
                format!("`{}` writes an IAM policy that allows `{first}`", r.name),
            )
            .label(format!("{} that slsc does not check", r.ty.value))
            .help("name the actions and resources it needs; slsc does not check what a raw IAM resource grants"),
        );
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

fn env_access(f: &Function, tests: &[&str], diags: &mut Vec<Diagnostic>) {
    let mut granted = granted(f);
    granted.extend_from_slice(tests);
    for (key, value) in &f.env {
        let EnvValue::Attr(r, attr) = value else {
            continue;
        };
        // An API is called over HTTP, not through the role; a user pool's
        // ID and ARN serve to verify its tokens (its keys are public) as
        // much as to call it; a function may know its own name; what a raw
        // `resource` needs is not known (its access is written with
        // `allow`).
        if matches!(
            r.kind,
            DeclKind::Api | DeclKind::UserPool | DeclKind::Resource
        ) || r.name == f.name
            || granted.contains(&r.name.as_str())
        {
            continue;
        }
        let n = &r.name;
        let verb = match r.kind {
            DeclKind::Table | DeclKind::Bucket => format!("`reads {n}` or `writes {n}`"),
            DeclKind::Stream => format!("`writes {n}` or `on {n}`"),
            DeclKind::Secret | DeclKind::Parameter => format!("`reads {n}`"),
            DeclKind::Queue => format!("`sends to {n}` (to send) or `on {n}` (to consume)"),
            DeclKind::Topic => format!("`publishes to {n}` (to publish) or `on {n}` (to receive)"),
            DeclKind::Bus => format!("`emits EVENT to {n}`"),
            _ => format!("`invokes {n}`"),
        };
        // A hand-written `allow` may grant it: then the code is not
        // denied, but the grant is wider than a verb's.
        let by_hand = f.allows.iter().find(|a| allow_covers(a, r));
        let (message, label) = match by_hand {
            Some(_) => (
                format!(
                    "`{}` gets `{}.{}` in `{}` and reaches `{}` only through a hand-written `allow`",
                    f.name,
                    r.name,
                    attr.word(),
                    key.value,
                    r.name
                ),
                "the `allow` grants more than a verb would".to_string(),
            ),
            None => (
                format!(
                    "`{}` gets `{}.{}` in `{}` but has no access to `{}`",
                    f.name,
                    r.name,
                    attr.word(),
                    key.value,
                    r.name
                ),
                "its code will be denied".to_string(),
            ),
        };
        let mut d = Diagnostic::new(Code::E0501, r.span, message).label(label);
        if let Some(a) = by_hand {
            d = d.with(a.span, "this grant covers it");
        }
        let exactly = if by_hand.is_some() {
            " (it grants exactly what the code needs)"
        } else {
            ""
        };
        diags.push(d.help(format!(
            "add {verb} to function `{}`{exactly}, or remove the variable",
            f.name
        )));
    }
}

/// Whether an `allow` statement grants some action of the service behind
/// `r` on a resource that can be `r`'s (a wildcard, or an ARN naming it).
fn allow_covers(a: &Allow, r: &Ref) -> bool {
    let service = match r.kind {
        DeclKind::Table => "dynamodb",
        DeclKind::Bucket => "s3",
        DeclKind::Stream => "kinesis",
        DeclKind::Secret => "secretsmanager",
        DeclKind::Parameter => "ssm",
        DeclKind::Queue => "sqs",
        DeclKind::Topic => "sns",
        DeclKind::Bus => "events",
        DeclKind::Function => "lambda",
        _ => return false,
    };
    let action = a.actions.iter().any(|x| {
        let v = x.value.to_ascii_lowercase();
        v == "*" || v.split_once(':').is_some_and(|(svc, _)| glob(svc, service))
    });
    let resource = a
        .resources
        .iter()
        .any(|x| x.value.contains('*') || x.value.contains(&r.name));
    action && resource
}

/// Words in a variable's name that say its value is a secret: matched
/// against the name's words (split at `_` and `-`), as one word or as a run
/// of words.
const SECRET_NAMES: &[&str] = &[
    "PASSWORD",
    "PASSWD",
    "PASSPHRASE",
    "PASS",
    "PWD",
    "SECRET",
    "TOKEN",
    "API_KEY",
    "APIKEY",
    "PRIVATE_KEY",
    "CREDENTIAL",
    "CREDENTIALS",
    "ACCESS_KEY",
    "AUTH_KEY",
    "SIGNING_KEY",
    "ENCRYPTION_KEY",
    "CLIENT_SECRET",
];

/// Last words of a name that say its value only names or describes a secret
/// (`DB_SECRET_NAME`, `TOKEN_TTL`, `PASSWORD_POLICY`): no name-based finding
/// then.
const REFERENCE_SUFFIXES: &[&str] = &[
    "NAME",
    "ARN",
    "ID",
    "PATH",
    "PARAM",
    "PARAMETER",
    "TTL",
    "HEADER",
    "FILE",
    "REGION",
    "LENGTH",
    "EXPIRY",
    "ENDPOINT",
    "URL",
    "TYPE",
    "POLICY",
    "MODE",
    "FORMAT",
    "ENABLED",
    "REQUIRED",
    "ROTATION",
    "VERSION",
    "TIMEOUT",
    "MIN",
    "MAX",
    "COUNT",
    "STORE",
    "SOURCE",
    "PREFIX",
];

/// Whether a value has the shape of one kind of credential.
type CredentialTest = fn(&str) -> bool;

/// Values that are a known kind of credential, whatever the name: what it
/// is, and the test.
const SECRET_VALUES: &[(&str, CredentialTest)] = &[
    ("an AWS access key id", aws_access_key),
    ("a GitHub token", github_token),
    ("a PEM private key", pem_private_key),
    ("a URL with a password in it", url_with_password),
    ("a JSON Web Token", jwt),
    ("a Slack token", slack_token),
    ("a Stripe secret key", stripe_key),
    ("a Google API key", google_api_key),
];

fn secrets(model: &Model, f: &Function, diags: &mut Vec<Diagnostic>) {
    for (key, value) in &f.env {
        let EnvValue::Literal(text) = value else {
            continue;
        };
        // A `secret = true` parameter is masked by CloudFormation, but Lambda
        // shows its value to anyone who can read the function's settings.
        let secret_param = crate::naming::references(text)
            .into_iter()
            .find(|name| model.params.iter().any(|p| p.name == *name && p.secret));
        let why = match secret_param {
            Some(p) => Some(format!("`{}` holds secret parameter `{p}`", key.value)),
            None => secret_reason(&key.value, text),
        };
        let Some(why) = why else {
            continue;
        };
        diags.push(
            Diagnostic::new(Code::E0504, key.span, format!("plaintext secret in the environment: {why}"))
                .label("readable by anyone who can read the function's configuration")
                .help("keep secrets in Secrets Manager or SSM Parameter Store and read them at run time; pass only their name or ARN here"),
        );
    }
}

/// Why `NAME = "text"` holds a secret in plain text, if it does.
pub fn secret_reason(name: &str, text: &str) -> Option<String> {
    if let Some((what, _)) = SECRET_VALUES.iter().find(|(_, test)| test(text)) {
        return Some(format!("`{name}` holds what looks like {what}"));
    }
    let upper = name.to_ascii_uppercase();
    let words: Vec<&str> = upper.split(['_', '-']).filter(|w| !w.is_empty()).collect();
    // A secret word anywhere in the name (`SECRET_KEY`, `DB_PASSWORD_B64`),
    // unless the name's last word says the value only names or describes a
    // secret (`DB_SECRET_NAME`, `PASSWORD_POLICY`, `TOKEN_TTL`).
    let named = SECRET_NAMES.iter().find(|secret| {
        let parts: Vec<&str> = secret.split('_').collect();
        words.windows(parts.len()).any(|w| w == parts.as_slice())
    });
    let describes = words
        .last()
        .is_some_and(|last| REFERENCE_SUFFIXES.contains(last));
    let named = named.filter(|_| !describes);
    if let Some(w) = named {
        if text.len() >= 6 && !reference(text) {
            let what = match *w {
                "PASS" | "PWD" | "PASSWD" => "password".to_string(),
                other => other.to_lowercase().replace('_', " "),
            };
            return Some(format!("`{name}` names a {what} and holds a literal value"));
        }
    }
    if high_entropy(text) {
        return Some(format!(
            "`{name}` holds a random-looking literal, likely a secret"
        ));
    }
    None
}

/// A value that refers to a secret rather than being one: an ARN, a
/// parameter path, a number (`TOKEN_TTL = 3600`), or a Secrets Manager name
/// (`prod/db-password`: words between slashes).
fn reference(text: &str) -> bool {
    // A Secrets Manager name: segments between slashes, each a word that
    // starts with a letter (`Prod/Orders/Db`, `shop/payment-provider-key`).
    let secret_name = text.contains('/')
        && text.split('/').all(|seg| {
            seg.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && seg
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_.+=@".contains(c))
        });
    text.starts_with("arn:")
        || text.starts_with('/')
        || text.chars().all(|c| c.is_ascii_digit())
        || secret_name
}

fn aws_access_key(text: &str) -> bool {
    (text.starts_with("AKIA") || text.starts_with("ASIA"))
        && text.len() == 20
        && text
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// `ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_` tokens and fine-grained
/// `github_pat_` tokens.
fn github_token(text: &str) -> bool {
    let classic = ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"]
        .iter()
        .find_map(|p| text.strip_prefix(p))
        .is_some_and(|rest| rest.len() >= 30 && rest.chars().all(|c| c.is_ascii_alphanumeric()));
    let fine = text.strip_prefix("github_pat_").is_some_and(|rest| {
        rest.len() >= 40 && rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    });
    classic || fine
}

fn pem_private_key(text: &str) -> bool {
    text.contains("-----BEGIN") && text.contains("PRIVATE KEY")
}

/// `scheme://user:password@host`, with a password that is not a
/// placeholder (`${...}`, `{...}`, `<...>`).
fn url_with_password(text: &str) -> bool {
    let Some((_, rest)) = text.split_once("://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let Some((userinfo, _host)) = authority.rsplit_once('@') else {
        return false;
    };
    let Some((_, password)) = userinfo.split_once(':') else {
        return false;
    };
    !password.is_empty()
        && !password.starts_with("${")
        && !password.starts_with('{')
        && !password.starts_with('<')
}

/// Three base64url segments, the first a JSON header (`eyJ`).
fn jwt(text: &str) -> bool {
    let parts: Vec<&str> = text.split('.').collect();
    parts.len() == 3
        && parts[0].starts_with("eyJ")
        && parts[1].starts_with("eyJ")
        && parts.iter().all(|p| {
            p.len() >= 4
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
}

fn slack_token(text: &str) -> bool {
    ["xoxb-", "xoxa-", "xoxp-", "xoxr-", "xoxs-"]
        .iter()
        .any(|p| text.starts_with(p) && text.len() >= 20)
}

fn stripe_key(text: &str) -> bool {
    ["sk_live_", "rk_live_"]
        .iter()
        .any(|p| text.starts_with(p) && text.len() >= 20)
}

fn google_api_key(text: &str) -> bool {
    text.starts_with("AIza")
        && text.len() == 39
        && text[4..]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
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

/// Actions with which a function can grant itself more than its role
/// says: the known IAM privilege-escalation paths. The flag is true for
/// actions that escalate only on any resource (`*`); the others escalate on
/// any resource at all. Each comes with what the function could do.
const ESCALATING: &[(&str, bool, &str)] = &[
    (
        "iam:PassRole",
        false,
        "it can hand a role to a service it controls and act as that role",
    ),
    (
        "iam:CreateRole",
        false,
        "it can create a role with any policy",
    ),
    (
        "iam:AttachRolePolicy",
        false,
        "it can attach any managed policy to a role",
    ),
    (
        "iam:PutRolePolicy",
        false,
        "it can write any inline policy into a role",
    ),
    (
        "iam:UpdateAssumeRolePolicy",
        false,
        "it can let itself assume a role",
    ),
    (
        "iam:CreatePolicyVersion",
        false,
        "it can rewrite a managed policy",
    ),
    (
        "iam:SetDefaultPolicyVersion",
        false,
        "it can switch a policy to a more permissive version",
    ),
    (
        "iam:AttachUserPolicy",
        false,
        "it can attach any managed policy to a user",
    ),
    (
        "iam:AttachGroupPolicy",
        false,
        "it can attach any managed policy to a group",
    ),
    (
        "iam:PutUserPolicy",
        false,
        "it can write any inline policy into a user",
    ),
    (
        "iam:PutGroupPolicy",
        false,
        "it can write any inline policy into a group",
    ),
    (
        "iam:AddUserToGroup",
        false,
        "it can put a user into a more privileged group",
    ),
    (
        "iam:CreateAccessKey",
        false,
        "it can mint long-lived credentials for a user",
    ),
    (
        "iam:CreateLoginProfile",
        false,
        "it can give a user a console password",
    ),
    (
        "iam:UpdateLoginProfile",
        false,
        "it can reset a user's console password",
    ),
    (
        "sts:AssumeRole",
        true,
        "it can assume any role that trusts the account",
    ),
    (
        "lambda:UpdateFunctionCode",
        true,
        "it can replace any function's code and run with that function's role",
    ),
    (
        "lambda:UpdateFunctionConfiguration",
        true,
        "it can add a layer to any function and run with its role",
    ),
    (
        "lambda:CreateFunction",
        true,
        "with a role to pass, it can run code as that role",
    ),
    (
        "lambda:AddPermission",
        true,
        "it can open any function to other accounts",
    ),
    (
        "cloudformation:CreateStack",
        true,
        "it can deploy resources with any role the stack is given",
    ),
    (
        "cloudformation:UpdateStack",
        true,
        "it can change any stack and the resources it owns",
    ),
    (
        "glue:UpdateDevEndpoint",
        true,
        "it can log in to a development endpoint and use its role",
    ),
    (
        "ssm:SendCommand",
        true,
        "it can run commands on any managed instance as its role",
    ),
    (
        "ec2:RunInstances",
        true,
        "with a role to pass, it can start an instance that acts as that role",
    ),
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
            Diagnostic::new(Code::E0503, a.span, "an acknowledgement needs a reason")
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
                Diagnostic::new(
                    Code::E0201,
                    action.span,
                    format!("`{v}` is not an IAM action"),
                )
                .label("expected `service:Action`")
                .help("write actions as `service:Action`, e.g. \"ssm:GetParameter\""),
            );
            continue;
        }
        let any_resource = a.resources.iter().any(|r| r.value.contains('*'));
        let dangerous = ESCALATING
            .iter()
            .find(|(d, on_any, _)| glob(v, d) && (!on_any || any_resource));
        if let (Some((d, on_any, why)), false) = (dangerous, acknowledged) {
            let wildcard = a.resources.iter().find(|r| r.value.contains('*'));
            let on = match wildcard {
                Some(r) if *on_any => format!(" on `{}`", r.value),
                _ => String::new(),
            };
            let what = if v.eq_ignore_ascii_case(d) {
                format!("`{v}`{on}")
            } else {
                format!("`{v}` (which includes `{d}`){on}")
            };
            let narrower = if *on_any {
                "name the resources it needs instead of `*`"
            } else {
                "grant something narrower"
            };
            diags.push(
                Diagnostic::new(Code::E0503, action.span, format!("{what} lets the function escalate its own privileges"))
                    .label(format!("{why}; needs an acknowledgement"))
                    .help(format!("{narrower}, or add `{{ acknowledge = \"why this is needed\" }}` to the `allow`")),
            );
        } else if v.contains('*') && !acknowledged {
            diags.push(
                Diagnostic::new(Code::W0502, action.span, format!("wildcard action `{v}`"))
                    .label("grants every matching action, today's and future ones")
                    .help("list the actions the code calls, or add `{ acknowledge = \"why\" }`"),
            );
        }
    }
    if !acknowledged {
        for r in a.resources.iter().filter(|r| r.value.contains('*')) {
            diags.push(
                Diagnostic::new(
                    Code::W0502,
                    r.span,
                    format!("wildcard resource `{}`", r.value),
                )
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
                Diagnostic::new(Code::E0505, route.span, format!("route `{}` does not say who may call it", route.key()))
                    .label("no `auth`")
                    .help(if api.rest {
                        format!(
                            "add `auth = iam` to api `{}` (REST APIs here take `iam` or `none`), or `{{ auth = none }}` to this route to make it public on purpose",
                            api.name
                        )
                    } else {
                        format!(
                            "add `auth = jwt {{ ... }}` or `auth = iam` to api `{}`, or `{{ auth = none }}` to this route to make it public on purpose",
                            api.name
                        )
                    }),
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
                Diagnostic::new(Code::W0506, route.span, format!("anyone may call `{}`, which changes state", route.key()))
                    .label("unauthenticated write")
                    .help(if api.rest {
                        "protect it with `auth = iam` on the API; if it must be public (a webhook), say why: `{ auth = none, acknowledge = \"...\" }`"
                    } else {
                        "protect it with `auth = jwt { ... }` or `auth = iam`; if it must be public (a webhook), say why: `{ auth = none, acknowledge = \"...\" }`"
                    }),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::secret_reason;

    #[test]
    fn secrets_are_found_by_name_and_by_value() {
        for (name, value) in [
            ("DB_PASSWORD", "correct-horse-battery"),
            ("DB_PASS", "hunter2hunter2"),
            ("SMTP_PWD", "Tr0ub4dor&3"),
            ("API_KEY_PROD", "k-1234567890"),
            ("CLIENT_SECRET", "abc123def456"),
            ("ANY", "AKIAIOSFODNN7EXAMPLE"),
            ("ANY", "ghp_16C7e42F292c6912E7710c838347Ae178B4a"),
            (
                "ANY",
                "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----",
            ),
            ("ANY", "mysql://app:pw@db:3306/app"),
            ("ANY", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"),
            ("ANY", "xoxb-123456789012-1234567890123-AbCdEf"),
            ("ANY", "sk_live_51HxYzAbCdEfGhIjKlMn"),
            ("ANY", "AIzaSyA1234567890abcdefghijklmnopqrstuv"),
            ("SECRET_KEY", "django-insecure-k3y!"),
            ("JWT_SECRET_KEY", "change-me-please"),
            ("DB_PASSWORD_B64", "aHVudGVyMg=="),
            ("ADMIN_PASSWORD_PLAINTEXT", "hunter2hunter2"),
        ] {
            assert!(secret_reason(name, value).is_some(), "{name} = {value:?}");
        }
    }

    #[test]
    fn references_to_secrets_are_no_secret() {
        for (name, value) in [
            (
                "DB_PASSWORD_ARN",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf",
            ),
            (
                "DB_PASSWORD",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf",
            ),
            ("DB_PASSWORD_NAME", "prod/db-password"),
            ("PAYMENT_SECRET", "shop/payment-provider-key"),
            ("API_KEY_PARAM", "/shop/billing/api-key"),
            ("API_KEY", "/shop/billing/api-key"),
            ("TOKEN_TTL", "3600"),
            ("PASSWORD_POLICY", "strong-and-long"),
            (
                "DATABASE_URL",
                "postgres://billing@db.internal:5432/billing",
            ),
            (
                "DATABASE_URL",
                "postgres://billing:${DB_PASSWORD}@db:5432/billing",
            ),
            ("COMPASS_MODE", "northern"),
            ("DB_SECRET", "Prod/Orders/Db"),
            ("ACCESS_KEY_ID_PARAM", "/shop/key-id"),
            ("LOG_LEVEL", "debug"),
        ] {
            assert_eq!(secret_reason(name, value), None, "{name} = {value:?}");
        }
    }
}
