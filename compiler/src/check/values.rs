//! Values against AWS limits: ranges, runtimes, schedules, routes.
//!
//! Every range here is from `shared/reference/aws-constraints.md`; the section
//! is named next to each group.

use super::runtimes::{self, Date, Status};
use crate::diagnostics::Code;
use crate::diagnostics::Diagnostic;

use crate::model::*;
use crate::source::Span;

/// Checks one numeric value against an inclusive range (E0203).
fn range(
    diags: &mut Vec<Diagnostic>,
    what: &str,
    value: i64,
    span: Span,
    min: i64,
    max: i64,
    unit: &str,
) {
    if value < min || value > max {
        // In the units specs are written in: `15d`, not `1296000s`.
        let show = |n: i64| {
            let seconds = match unit {
                "s" => Some(1),
                " min" => Some(60),
                " h" => Some(3_600),
                _ => None,
            };
            match (seconds, u64::try_from(n)) {
                (Some(k), Ok(n)) => super::failures::duration(n * k),
                _ if unit == "MB" && n >= 1024 && n % 1024 == 0 => format!("{}GB", n / 1024),
                _ => format!("{n}{unit}"),
            }
        };
        diags.push(
            Diagnostic::new(
                Code::E0203,
                span,
                format!(
                    "{what} must be between {} and {}, found {}",
                    show(min),
                    show(max),
                    show(value)
                ),
            )
            .label("outside AWS limits")
            .help(format!(
                "set {what} to a value from {} to {}",
                show(min),
                show(max)
            )),
        );
    }
}

/// A duration in whole `unit`s (seconds per unit), or E0201.
fn whole(
    v: &Spanned<u64>,
    unit: u64,
    units: &str,
    what: &str,
    fix: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<i64> {
    if v.value % unit == 0 {
        return Some((v.value / unit) as i64);
    }
    diags.push(
        Diagnostic::new(
            Code::E0201,
            v.span,
            format!("{what} is whole {units}, found {} s", v.value),
        )
        .label(format!("not whole {units}"))
        .help(fix.to_string()),
    );
    None
}

/// The log retention periods CloudWatch Logs accepts, in days.
pub const LOG_RETENTION_DAYS: &[u64] = &[
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
    3288, 3653,
];

/// Checks every value of the model.
pub fn check(model: &Model, today: Date, diags: &mut Vec<Diagnostic>) {
    for f in &model.functions {
        function(f, today, diags);
    }
    for q in &model.queues {
        // §3 SQS.
        number(diags, NumProp::QueueVisibility, &q.visibility, "s");
        number(diags, NumProp::QueueRetention, &q.retention, "s");
        if let Some((_, n)) = &q.dead_letter {
            range(diags, "the receive count", n.value, n.span, 1, 1000, "");
        }
        if let Some(d) = &q.delay {
            number(diags, NumProp::QueueDelay, d, "s");
        }
        if let Some(w) = &q.receive_wait {
            number(diags, NumProp::QueueReceiveWait, w, "s");
        }
        if let Some(m) = &q.max_message_size {
            number(diags, NumProp::QueueMaxMessageSize, m, " bytes");
        }
    }
    for r in &model.rules {
        retry(&r.retry, diags);
    }
    for s in &model.schedules {
        retry(&s.retry, diags);
        // §5d EventBridge Scheduler.
        if let Some(w) = &s.window {
            let fix = format!("write `window = {}m`", w.value.div_ceil(60).max(1));
            if let Some(m) = whole(w, 60, "minutes", "a flexible window", &fix, diags) {
                range(diags, "`window`", m, w.span, 1, 1_440, " min");
            }
        }
        if let Some(tz) = &s.timezone {
            let valid = (1..=50).contains(&tz.value.len())
                && tz
                    .value
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "/_+-".contains(c))
                && (tz.value.contains('/') || tz.value == "UTC" || tz.value == "GMT");
            if !valid {
                diags.push(
                    Diagnostic::new(
                        Code::E0201,
                        tz.span,
                        format!("`{}` is not an IANA time zone name", tz.value),
                    )
                    .label("expected a name like \"Europe/Paris\"")
                    .help("use an IANA time zone, e.g. \"America/New_York\", or \"UTC\""),
                );
            }
        }
        if let ScheduleKind::Cron(c) = &s.kind {
            if let Err(msg) = cron(&c.value) {
                diags.push(
                    Diagnostic::new(Code::E0208, c.span, format!("invalid cron expression: {msg}"))
                        .label("not a valid EventBridge cron")
                        .help("six fields: minutes hours day-of-month month day-of-week year, e.g. \"0 8 ? * MON-FRI *\""),
                );
            }
        }
    }
    // §5b: a bus is named `<stack name>-<name>`, at most 256 characters, and
    // a stack name may have 128; a name fixed with `name` is checked as it
    // is written (`physical`).
    for b in &model.buses {
        if b.name.len() > 127 && model.physical_name(&b.name).is_none() {
            diags.push(
                Diagnostic::new(
                    Code::E0203,
                    b.span,
                    format!(
                        "the bus name `<stack>-{}...` can be {} characters; EventBridge allows 256",
                        &b.name[..20.min(b.name.len())],
                        b.name.len() + 129
                    ),
                )
                .label("with a stack name of up to 128 characters")
                .help("shorten the bus's name to 127 characters or fewer"),
            );
        }
    }
    for s in &model.streams {
        // Kinesis data streams.
        if let Some(n) = &s.shards {
            range(diags, "`shards`", n.value, n.span, 1, 10_000, "");
        }
        let r = &s.retention;
        let fix = "write the retention in hours or days, e.g. `retention = 48h`";
        if let Some(h) = whole(r, 3_600, "hours", "a stream's retention", fix, diags) {
            range(diags, "`retention`", h, r.span, 24, 8_760, " h");
        }
    }
    for t in &model.tables {
        if let Billing::Provisioned { read, write } = &t.billing {
            range(diags, "read capacity", read.value, read.span, 1, 40_000, "");
            range(
                diags,
                "write capacity",
                write.value,
                write.span,
                1,
                40_000,
                "",
            );
        }
    }
    for a in model.apis.iter().filter(|a| a.rest) {
        sibling_variables(a, diags);
    }
    for a in &model.apis {
        for r in &a.routes {
            if r.is_default() {
                if a.rest {
                    diags.push(
                        Diagnostic::new(Code::E0211, r.path.span, "REST APIs have no `$default` route")
                            .label("`$default` is for HTTP APIs")
                            .help("route every other request with `ANY /{proxy+} -> F`, or make the API `http`"),
                    );
                }
                continue;
            }
            if let Err((msg, help)) = route_path(&r.path.value) {
                diags.push(
                    Diagnostic::new(Code::E0211, r.path.span, msg)
                        .label("invalid path")
                        .help(help),
                );
            }
        }
        api_quotas(a, diags);
    }
}

/// §6: 300 routes per HTTP API, 300 resources (path prefixes) per REST API,
/// 50 audiences per JWT authorizer, and a CORS max age of at most a day.
fn api_quotas(a: &Api, diags: &mut Vec<Diagnostic>) {
    const MAX: usize = 300;
    let (count, what, over_at) = if a.rest {
        // Each distinct path prefix is one `AWS::ApiGateway::Resource`.
        let mut prefixes: Vec<String> = Vec::new();
        let mut over_at = None;
        for r in &a.routes {
            let mut prefix = String::new();
            for seg in r.path.value.split('/').filter(|s| !s.is_empty()) {
                prefix.push('/');
                prefix.push_str(seg);
                if !prefixes.contains(&prefix) {
                    prefixes.push(prefix.clone());
                    if prefixes.len() == MAX + 1 {
                        over_at = Some(r.path.span);
                    }
                }
            }
        }
        (prefixes.len(), "resources (path prefixes)", over_at)
    } else {
        (
            a.routes.len(),
            "routes",
            a.routes.get(MAX).map(|r| r.path.span),
        )
    };
    if let Some(span) = over_at {
        diags.push(
            Diagnostic::new(
                Code::E0203,
                span,
                format!("API `{}` has {count} {what}; API Gateway allows {MAX}", a.name),
            )
            .label(format!("number {} of them", MAX + 1))
            .help("split the routes over two APIs (AWS can raise this quota on request; until then the deploy fails)"),
        );
    }
    scopes(a, diags);
    authorizers(a, diags);
    for t in a
        .throttle
        .iter()
        .chain(a.routes.iter().filter_map(|r| r.throttle.as_ref()))
        .chain(a.usage_plans.iter().filter_map(|p| p.throttle.as_ref()))
    {
        throttle(t, diags);
    }
    api_keys(a, diags);
    if let Some(age) = a.cors.as_ref().and_then(|c| c.max_age) {
        if age > 86_400 {
            diags.push(
                Diagnostic::new(Code::E0203, a.span, format!("the CORS `max_age` of API `{}` is {age} s; browsers and API Gateway allow at most 86,400 (1 day)", a.name))
                    .label("preflight cached too long")
                    .help("set `max_age` to 1d or less"),
            );
        }
    }
}

/// E0215: `scopes` on a route are checked by the API's JWT authorizer; on
/// a route without one, API Gateway rejects them (a REST API or `iam`
/// auth) or nothing checks them (`auth = none`).
fn scopes(a: &Api, diags: &mut Vec<Diagnostic>) {
    for route in &a.routes {
        let Some(scopes) = &route.scopes else {
            continue;
        };
        let key = route.key();
        let problem = if route.public {
            Some((
                format!("route `{key}` has `auth = none`: no token, so no scopes to check"),
                "remove `scopes`, or remove `auth = none` so that the API's JWT authorizer checks them".to_string(),
            ))
        } else if !a.checks_scopes(a.route_auth(route)) {
            let auth = a.route_auth(route);
            let why = match (a.rest, auth, a.authorizer(auth)) {
                (true, _, Some(z)) if !z.inline => {
                    format!("checked by Lambda authorizer `{}`", z.name)
                }
                (true, Auth::Iam, _) => "a REST API with IAM auth".to_string(),
                (true, _, _) => "a REST API without a Cognito authorizer".to_string(),
                (false, Auth::Iam, _) => "an API with IAM auth".to_string(),
                (false, _, Some(z)) if !z.inline => {
                    format!("checked by Lambda authorizer `{}`", z.name)
                }
                (false, _, Some(_)) => "an API with a Lambda authorizer".to_string(),
                _ => "an API without auth".to_string(),
            };
            Some((
                if why.starts_with("checked") {
                    format!("route `{key}` asks for scopes, but it is {why}")
                } else {
                    format!("route `{key}` asks for scopes, but `{}` is {why}", a.name)
                },
                if a.rest {
                    "on a REST API, scopes are checked by a Cognito authorizer: `auth = cognito { pool = Users }`; or remove `scopes`".to_string()
                } else {
                    format!("scopes are checked by a JWT authorizer: give `{}` `auth = jwt {{ issuer = \"...\", audience = [\"...\"] }}`, or remove `scopes`", a.name)
                },
            ))
        } else if scopes.value.is_empty() {
            Some((
                format!("route `{key}` has an empty `scopes` list"),
                "list the scopes a token needs (any one of them is enough), or remove `scopes` to accept any valid token".to_string(),
            ))
        } else if scopes.value.iter().any(|s| s.trim().is_empty()) {
            Some((
                format!("route `{key}` asks for an empty scope"),
                "write each scope as the identity provider issues it, e.g. \"orders:write\""
                    .to_string(),
            ))
        } else {
            None
        };
        if let Some((msg, help)) = problem {
            diags.push(
                Diagnostic::new(Code::E0215, scopes.span, msg)
                    .label("scopes nothing can check")
                    .help(help),
            );
        }
    }
}

/// API Gateway's limits on authorizers: at most 50 JWT audiences (E0203),
/// a Lambda authorizer's cache of at most an hour (E0203), and headers to
/// key a cached decision on (E0107).
fn authorizers(a: &Api, diags: &mut Vec<Diagnostic>) {
    for z in &a.authorizers {
        match &z.kind {
            AuthorizerKind::Jwt { audience, .. } if audience.len() > 50 => diags.push(
                Diagnostic::new(
                    Code::E0203,
                    if z.inline { a.span } else { z.span },
                    format!(
                        "API `{}` accepts {} JWT audiences; API Gateway allows 50",
                        a.name,
                        audience.len()
                    ),
                )
                .label("too many audiences")
                .help("accept at most 50 audiences, e.g. one per client application"),
            ),
            AuthorizerKind::Jwt { .. } | AuthorizerKind::Cognito { .. } => {}
            AuthorizerKind::Lambda { cache, headers, .. } => {
                if cache.value > 3_600 {
                    diags.push(
                        Diagnostic::new(Code::E0203, cache.span, format!("an authorizer's decision is cached at most 3,600 s (1h); this is {} s", cache.value))
                            .label("cached too long")
                            .help("set `cache` to 1h or less, or `0s` to ask the function every time"),
                    );
                }
                if cache.value > 0 && headers.is_empty() {
                    diags.push(
                        Diagnostic::new(Code::E0107, cache.span, "a cached authorizer needs `headers` to key its decisions on")
                            .label("cache without identity")
                            .help("list the headers that identify the caller, e.g. `headers = [\"Authorization\"]`, or set `cache = 0s`"),
                    );
                }
            }
        }
    }
}

/// API keys: a route that requires one on an HTTP API (which has none,
/// E0202) or on a REST API without usage plans (no key can be valid,
/// E0107); a quota below 1 (E0203); a key in two plans of the API (E0106).
fn api_keys(a: &Api, diags: &mut Vec<Diagnostic>) {
    for r in &a.routes {
        let Some(span) = r.api_key else { continue };
        if !a.rest {
            diags.push(
                Diagnostic::new(Code::E0202, span, "HTTP APIs have no API keys")
                    .label("API keys are for REST APIs")
                    .help("make the API `rest` with `usage_plans { ... }`, or authorize callers with `auth`"),
            );
        } else if a.usage_plans.is_empty() {
            diags.push(
                Diagnostic::new(Code::E0107, span, format!("route `{}` requires an API key, but API `{}` has no usage plan", r.key(), a.name))
                    .label("no key can be valid")
                    .help("declare `usage_plans { Partners = { rate = 10, burst = 20, keys = [\"partner-a\"] } }` on the API"),
            );
        }
    }
    let mut seen: Vec<&Spanned<String>> = Vec::new();
    for p in &a.usage_plans {
        if let Some((q, _)) = &p.quota {
            if q.value < 1 {
                diags.push(
                    Diagnostic::new(
                        Code::E0203,
                        q.span,
                        "a usage plan's quota is at least 1 request",
                    )
                    .label("no request allowed")
                    .help("give the requests each key may make per period, or remove `quota`"),
                );
            }
        }
        for k in &p.keys {
            if let Some(first) = seen.iter().find(|s| s.value == k.value) {
                diags.push(
                    Diagnostic::new(
                        Code::E0106,
                        k.span,
                        format!(
                            "API key `{}` is in two usage plans of `{}`",
                            k.value, a.name
                        ),
                    )
                    .label("listed again here")
                    .with(first.span, "first listed here")
                    .help("a key is in one plan of an API stage: remove it from one of them"),
                );
            } else {
                seen.push(k);
            }
        }
    }
}

/// A rate or burst of zero or less lets no request through (API Gateway
/// answers 429 to every one): E0203.
fn throttle(t: &Throttle, diags: &mut Vec<Diagnostic>) {
    if t.rate.value <= 0.0 || !t.rate.value.is_finite() {
        diags.push(
            Diagnostic::new(Code::E0203, t.rate.span, "a throttling `rate` of 0 or less rejects every request")
                .label("no request gets through")
                .help("give the steady requests per second the API takes, e.g. `rate = 100`; to turn a route off, remove it"),
        );
    }
    if t.burst.value <= 0 {
        diags.push(
            Diagnostic::new(
                Code::E0203,
                t.burst.span,
                "a throttling `burst` of 0 or less rejects every request",
            )
            .label("no request gets through")
            .help("give the requests accepted at once, at least 1, e.g. `burst = 200`"),
        );
    }
}

fn retry(r: &RetryPolicy, diags: &mut Vec<Diagnostic>) {
    // §5b Target.RetryPolicy.
    if let Some(a) = &r.attempts {
        range(diags, "retry `attempts`", a.value, a.span, 0, 185, "");
    }
    if let Some(m) = &r.max_age {
        range(
            diags,
            "retry `max_age`",
            m.value as i64,
            m.span,
            60,
            86_400,
            "s",
        );
    }
}

/// A number property against AWS's range for it (the one a `param`
/// giving it is checked against too), shown in `unit`.
fn number(diags: &mut Vec<Diagnostic>, prop: NumProp, v: &Spanned<u64>, unit: &str) {
    let (lo, hi) = prop.range();
    let what = format!("`{}`", prop.key());
    range(diags, &what, v.value as i64, v.span, lo, hi, unit);
}

fn function(f: &Function, today: Date, diags: &mut Vec<Diagnostic>) {
    // §1 Lambda functions.
    number(diags, NumProp::FunctionMemory, &f.memory, "MB");
    number(diags, NumProp::FunctionTimeout, &f.timeout, "s");
    // `concurrency`'s range depends on the account: see `concurrency`.
    if let Some(r) = &f.retries {
        range(diags, "`retries`", r.value, r.span, 0, 2, "");
    }
    if let Some(a) = &f.max_event_age {
        range(
            diags,
            "`max_event_age`",
            a.value as i64,
            a.span,
            60,
            21_600,
            "s",
        );
    }
    if !LOG_RETENTION_DAYS.contains(&f.log_retention.value) {
        let nearest = LOG_RETENTION_DAYS
            .iter()
            .min_by_key(|d| d.abs_diff(f.log_retention.value))
            .copied()
            .unwrap_or(30);
        diags.push(
            Diagnostic::new(Code::E0203, f.log_retention.span, format!("CloudWatch Logs cannot keep logs for {} days", f.log_retention.value))
                .label("not an allowed retention")
                .help(format!("use one of the allowed periods, e.g. `{nearest}d` (allowed: 1, 3, 5, 7, 14, 30, 60, 90, ... 3653 days)")),
        );
    }
    if let Some(rt) = f.runtime() {
        runtime(rt, today, diags);
    }
    snap_start(f, diags);
    for (key, _) in &f.env {
        env_name(key, diags);
    }
    env_size(f, diags);
    for t in &f.triggers {
        trigger(t, diags);
    }
}

/// Variables Lambda sets itself (§1): setting one fails the deployment.
pub const RESERVED_ENV: &[&str] = &[
    "_HANDLER",
    "_X_AMZN_TRACE_ID",
    "AWS_DEFAULT_REGION",
    "AWS_REGION",
    "AWS_EXECUTION_ENV",
    "AWS_LAMBDA_FUNCTION_NAME",
    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
    "AWS_LAMBDA_FUNCTION_VERSION",
    "AWS_LAMBDA_INITIALIZATION_TYPE",
    "AWS_LAMBDA_LOG_GROUP_NAME",
    "AWS_LAMBDA_LOG_STREAM_NAME",
    "AWS_ACCESS_KEY",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_LAMBDA_RUNTIME_API",
    "LAMBDA_TASK_ROOT",
    "LAMBDA_RUNTIME_DIR",
];

/// Lambda's limit on a function's environment: the keys and values together.
pub const ENV_BYTES: usize = 4_096;

/// E0203: the environment is over 4 KB. Attribute values resolve at deploy
/// time, so each counts as the shortest it can be (a name is at least the
/// declared name; an ARN adds at least `arn:aws:sqs:` and an account ID): the
/// error fires only when the deployed environment is surely too large.
fn env_size(f: &Function, diags: &mut Vec<Diagnostic>) {
    let sizes: Vec<(&Spanned<String>, usize)> = f
        .env
        .iter()
        .map(|(key, value)| {
            let bytes = key.value.len()
                + match value {
                    EnvValue::Literal(s) => s.len(),
                    EnvValue::Attr(r, Attr::Name) => r.name.len(),
                    EnvValue::Attr(r, Attr::Arn | Attr::Role) => r.name.len() + 26,
                    EnvValue::Attr(r, Attr::Url) => r.name.len() + 30,
                    // `https://` and at least a two-label domain.
                    EnvValue::Attr(_, Attr::DomainUrl) => 12,
                    EnvValue::Attr(r, Attr::StreamArn) => r.name.len() + 60,
                    // A pool ID is the region, `_` and nine characters.
                    EnvValue::Attr(_, Attr::Id) => 19,
                    // `https://cognito-idp.REGION.amazonaws.com/` and an ID.
                    EnvValue::Attr(_, Attr::Issuer) => 64,
                    // `https://PREFIX.auth.REGION.amazoncognito.com`.
                    EnvValue::Attr(_, Attr::HostedUiUrl) => 112,
                    // A client ID is 26 characters.
                    EnvValue::Attr(_, Attr::ClientId(_)) => 26,
                    // A raw resource's attribute: at least its name's length.
                    EnvValue::Attr(r, Attr::Ref | Attr::Get(_)) => r.name.len(),
                };
            (key, bytes)
        })
        .collect();
    let size: usize = sizes.iter().map(|(_, b)| b).sum();
    if size <= ENV_BYTES {
        return;
    }
    // Point at what makes it too big: the largest variables, as many as
    // it takes to come back under the limit without them.
    let mut largest = sizes.clone();
    largest.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.span.start.cmp(&b.0.span.start)));
    let mut over = size - ENV_BYTES;
    let mut culprits = Vec::new();
    for (key, bytes) in largest {
        culprits.push((key, bytes));
        if bytes >= over {
            break;
        }
        over -= bytes;
    }
    let (first, first_bytes) = culprits[0];
    let mut d = Diagnostic::new(
        Code::E0203,
        first.span,
        format!(
            "the environment of `{}` is at least {size} bytes; Lambda allows {ENV_BYTES}",
            f.name
        ),
    )
    .label(format!("`{}` takes {first_bytes} bytes", first.value));
    for (key, bytes) in culprits.iter().skip(1) {
        d = d.with(key.span, format!("`{}` takes {bytes} bytes", key.value));
    }
    diags.push(d.help(
        "move large values to a `parameter` or `secret` the function `reads`, or to its code",
    ));
}

/// E0212: Lambda accepts `[a-zA-Z][a-zA-Z0-9_]+` and no reserved name.
fn env_name(key: &Spanned<String>, diags: &mut Vec<Diagnostic>) {
    let name = &key.value;
    if RESERVED_ENV.contains(&name.as_str()) {
        diags.push(
            Diagnostic::new(
                Code::E0212,
                key.span,
                format!("`{name}` is set by Lambda itself"),
            )
            .label("reserved variable")
            .help("choose another name; Lambda provides this one to every function"),
        );
        return;
    }
    let mut chars = name.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && name.len() >= 2
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !valid {
        diags.push(
            Diagnostic::new(Code::E0212, key.span, format!("`{name}` is not a valid environment variable name"))
                .label("Lambda rejects this name")
                .help("names start with a letter and have at least two letters, digits or `_`, e.g. `TABLE_NAME`"),
        );
    }
}

fn runtime(rt: &Spanned<String>, today: Date, diags: &mut Vec<Diagnostic>) {
    if rt.value.is_empty() {
        return;
    }
    // §1a runtime lifecycle.
    let Some(info) = runtimes::lookup(&rt.value) else {
        let mut d = Diagnostic::new(
            Code::E0204,
            rt.span,
            format!("unknown runtime `{}`", rt.value),
        )
        .label("not a Lambda runtime");
        d = match runtimes::suggest(&rt.value, today) {
            Some(s) => d.help(format!("did you mean `{s}`?")),
            None => {
                d.help("use a Lambda runtime identifier such as \"python3.13\" or \"nodejs24.x\"")
            }
        };
        diags.push(d);
        return;
    };
    match info.status(today) {
        Status::Supported => {}
        Status::Deprecated => diags.push(
            Diagnostic::new(
                Code::W0205,
                rt.span,
                format!(
                    "runtime `{}` is deprecated since {}",
                    info.name,
                    info.deprecated.unwrap_or("?")
                ),
            )
            .label("deprecated runtime")
            .help(format!(
                "move to `{}`; new functions are blocked from {}",
                info.successor,
                info.create_blocked.unwrap_or("a date to be announced")
            )),
        ),
        Status::CreateBlocked => diags.push(
            Diagnostic::new(
                Code::E0206,
                rt.span,
                format!(
                    "runtime `{}` can no longer be used for new functions (since {})",
                    info.name,
                    info.create_blocked.unwrap_or("?")
                ),
            )
            .label("blocked runtime")
            .help(format!("move to `{}`", info.successor)),
        ),
    }
}

/// E0217: SnapStart on a container image, or on a runtime it does not
/// support ([`runtimes::snap_start`]). A missing or unknown runtime is
/// reported already (E0107, E0204).
fn snap_start(f: &Function, diags: &mut Vec<Diagnostic>) {
    let Some(at) = f.snap_start else { return };
    let supported = "Java 11 and later, Python 3.12 and later, and .NET 8 and later";
    match &f.package {
        Package::Image(image) => diags.push(
            Diagnostic::new(Code::E0217, at, "SnapStart does not work with container images")
                .label("on a function with an `image`")
                .with(image.span, "the container image")
                .help(format!("remove `snap_start`, or package the function as a `.zip` or `.jar` on a managed runtime SnapStart supports ({supported})")),
        ),
        Package::Zip { runtime, .. } => {
            let Some(info) = runtimes::lookup(&runtime.value) else { return };
            if runtimes::snap_start(info.name) {
                return;
            }
            // The successor of a Java, Python or .NET runtime supports it;
            // other families have no SnapStart at all.
            let help = if runtimes::snap_start(info.successor) {
                format!("move to `{}`, or remove `snap_start`", info.successor)
            } else {
                format!("remove `snap_start`: SnapStart supports {supported} only")
            };
            diags.push(
                Diagnostic::new(Code::E0217, at, format!("SnapStart does not support runtime `{}`", info.name))
                    .label("not a SnapStart runtime")
                    .with(runtime.span, "the runtime")
                    .help(help),
            );
        }
    }
}

fn trigger(t: &Trigger, diags: &mut Vec<Diagnostic>) {
    // §2 event source mappings.
    match t {
        Trigger::Queue {
            batch,
            window,
            max_concurrency,
            ..
        } => {
            range(
                diags,
                "`batch`",
                batch.value as i64,
                batch.span,
                1,
                10_000,
                "",
            );
            if let Some(w) = window {
                range(diags, "`window`", w.value as i64, w.span, 0, 300, "s");
            }
            if let Some(n) = max_concurrency {
                range(diags, "`max_concurrency`", n.value, n.span, 2, 1_000, "");
            }
        }
        Trigger::Stream {
            batch,
            window,
            retries,
            max_age,
            parallelization,
            ..
        } => {
            if let Some(a) = max_age.as_ref().filter(|a| a.value != -1) {
                range(diags, "`max_age`", a.value, a.span, 60, 604_800, "s");
            }
            if let Some(n) = parallelization {
                range(diags, "`parallelization`", n.value, n.span, 1, 10, "");
            }
            range(
                diags,
                "`batch`",
                batch.value as i64,
                batch.span,
                1,
                10_000,
                "",
            );
            if let Some(w) = window {
                range(diags, "`window`", w.value as i64, w.span, 0, 300, "s");
            }
            if let Some(r) = retries {
                range(diags, "`retries`", r.value, r.span, -1, 10_000, "");
            }
        }
        Trigger::Bucket { .. } | Trigger::Topic { .. } => {}
    }
}

/// E0211: a REST API's resource tree allows one variable name per level
/// under one parent: `/orders/{id}` and `/orders/{key}` fail at deploy.
fn sibling_variables(api: &Api, diags: &mut Vec<Diagnostic>) {
    let mut seen: Vec<(String, String, Span)> = Vec::new();
    for r in &api.routes {
        let mut parent = String::new();
        for seg in r.path.value.split('/').filter(|s| !s.is_empty()) {
            if seg.starts_with('{') {
                match seen.iter().find(|(p, _, _)| *p == parent) {
                    Some((_, other, first)) if other != seg => diags.push(
                        Diagnostic::new(
                            Code::E0211,
                            r.path.span,
                            format!(
                                "`{seg}` and `{other}` are two variables under `{}/`",
                                if parent.is_empty() { "" } else { &parent }
                            ),
                        )
                        .label("a REST API allows one variable name here")
                        .with(*first, format!("`{other}` here"))
                        .help(format!("use one name for both routes, e.g. `{other}`")),
                    ),
                    Some(_) => {}
                    None => seen.push((parent.clone(), seg.to_string(), r.path.span)),
                }
            }
            parent.push('/');
            parent.push_str(seg);
        }
    }
}

/// Checks an HTTP API route path: `/a/{b}/{c+}` (greedy only last).
pub fn route_path(path: &str) -> Result<(), (String, String)> {
    if path.len() > 1 && path.ends_with('/') {
        return Err((
            format!("route path `{path}` ends with `/`"),
            "remove the trailing slash".into(),
        ));
    }
    if path.contains("//") {
        return Err((
            format!("route path `{path}` has an empty segment"),
            "remove the doubled `/`".into(),
        ));
    }
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let mut names: Vec<&str> = Vec::new();
    for (i, seg) in segments.iter().enumerate() {
        if let Some(inner) = seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            let greedy = inner.ends_with('+');
            let name = inner.trim_end_matches('+');
            if greedy && i + 1 != segments.len() {
                return Err((
                    format!("greedy parameter `{{{inner}}}` must be the last segment"),
                    format!("move `{{{inner}}}` to the end of the path, or drop the `+`"),
                ));
            }
            if names.contains(&name) {
                return Err((
                    format!("path parameter `{name}` appears twice"),
                    "give each path parameter its own name".into(),
                ));
            }
            names.push(name);
        } else if seg.contains('{') || seg.contains('}') {
            return Err((
                format!("segment `{seg}` mixes text and a parameter"),
                "a parameter takes a whole segment: `/files/{name}`".into(),
            ));
        }
    }
    Ok(())
}

/// Checks an EventBridge cron expression (six fields, §5c).
pub fn cron(expr: &str) -> Result<(), String> {
    let fields: Vec<&str> = expr.split_whitespace().collect();
    if fields.len() != 6 {
        return Err(format!("expected 6 fields, found {}", fields.len()));
    }
    const MONTHS: &[&str] = &[
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ];
    const DAYS: &[&str] = &["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
    let specs: [(&str, u32, u32, &[&str], &str); 6] = [
        ("minutes", 0, 59, &[], ",-*/"),
        ("hours", 0, 23, &[], ",-*/"),
        ("day-of-month", 1, 31, &[], ",-*?/LW"),
        ("month", 1, 12, MONTHS, ",-*/"),
        ("day-of-week", 1, 7, DAYS, ",-*?L#"),
        ("year", 1970, 2199, &[], ",-*/"),
    ];
    for (field, (name, min, max, words, wild)) in fields.iter().zip(specs) {
        cron_field(field, name, min, max, words, wild)?;
    }
    let (dom, dow) = (fields[2], fields[4]);
    if (dom == "?") == (dow == "?") {
        return Err("exactly one of day-of-month and day-of-week must be `?`".into());
    }
    if dow.matches('#').count() > 1 {
        return Err("`#` may appear once in day-of-week".into());
    }
    Ok(())
}

fn cron_field(
    field: &str,
    name: &str,
    min: u32,
    max: u32,
    words: &[&str],
    wild: &str,
) -> Result<(), String> {
    if let Some(c) = field
        .chars()
        .find(|c| !c.is_ascii_alphanumeric() && !wild.contains(*c))
    {
        return Err(format!("`{c}` is not allowed in the {name} field"));
    }
    for part in field.split(',') {
        let (range_part, step) = match part.split_once('/') {
            Some((r, s)) => (r, Some(s)),
            None => (part, None),
        };
        if let Some(s) = step {
            if s.parse::<u32>().map_or(true, |n| n == 0) {
                return Err(format!(
                    "step `{s}` in the {name} field must be a positive number"
                ));
            }
        }
        if matches!(range_part, "*" | "?" | "L" | "W" | "LW") {
            continue;
        }
        let value = |v: &str| -> Result<u32, String> {
            let v = v.trim_end_matches(['L', 'W']);
            let v = v.split('#').next().unwrap_or(v);
            if let Some(i) = words.iter().position(|w| w.eq_ignore_ascii_case(v)) {
                return Ok(min + i as u32);
            }
            match v.parse::<u32>() {
                Ok(n) if (min..=max).contains(&n) => Ok(n),
                _ => Err(format!(
                    "`{v}` is outside the {name} field's range {min}-{max}"
                )),
            }
        };
        match range_part.split_once('-') {
            Some((a, b)) => {
                value(a)?;
                value(b)?;
            }
            None => {
                value(range_part)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cron_accepts_aws_examples() {
        for ok in [
            "0 10 * * ? *",
            "15 12 * * ? *",
            "0 18 ? * MON-FRI *",
            "0 8 1 * ? *",
            "0/15 * * * ? *",
            "0/10 * ? * MON-FRI *",
            "0/5 8-17 ? * MON-FRI *",
            "0 9 ? * 2#1 *",
            "0 0 L * ? *",
        ] {
            assert_eq!(cron(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn cron_rejects_bad_expressions() {
        for bad in [
            "* * * * *",
            "0 8 * * * *",
            "0 8 ? * ? *",
            "60 8 ? * MON *",
            "0 24 * * ? *",
            "0 8 ? FOO * *",
            "0 8 ? * 1#1,2#2 *",
            "0/0 * * * ? *",
            "0 8 ? * MON 1969",
        ] {
            assert!(cron(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn route_paths() {
        assert!(route_path("/").is_ok());
        assert!(route_path("/orders/{id}").is_ok());
        assert!(route_path("/files/{proxy+}").is_ok());
        assert!(route_path("/files/{proxy+}/x").is_err());
        assert!(route_path("/a/{id}/{id}").is_err());
        assert!(route_path("/a/").is_err());
        assert!(route_path("/a/x{id}").is_err());
    }
}
