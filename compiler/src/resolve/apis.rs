//! APIs (HTTP and REST): auth, CORS, routes and their contracts.

use super::*;
use crate::diagnostics::Code;

/// The words of `auth`: `jwt` takes its settings in a block.
const AUTH_WORDS: &[&str] = &["none", "iam", "jwt", "lambda", "cognito"];

impl Resolver {
    pub(super) fn api(&mut self, d: &ast::Decl) -> Api {
        let mut rest = false;
        if let Header::Api { protocol } = &d.header {
            match protocol.name.as_str() {
                "http" => {}
                "rest" => rest = true,
                other => {
                    let mut diag = Diagnostic::new(
                        Code::E0202,
                        protocol.span,
                        format!("unknown API protocol `{other}`"),
                    )
                    .label("expected `http` or `rest`");
                    diag = match did_you_mean(other, ["http", "rest"]) {
                        Some(s) => diag.help(format!("did you mean `{s}`?")),
                        None => diag.help("write `api Name http { ... }` for an HTTP API, `api Name rest { ... }` for a REST API"),
                    };
                    self.error(diag);
                }
            }
        }
        let mut p = Props::new(&d.body);
        let explicit_auth = p.has("auth");
        let mut authorizers: Vec<Authorizer> = Vec::new();
        self.broken_authorizers.clear();
        if let Some(body) = p.take_block("authorizers") {
            self.authorizers(body, rest, &mut authorizers);
        }
        let auth = match p.take("auth") {
            // An auth that did not resolve has its error already; `iam`
            // stands in so that no "anyone may call" warning follows it.
            Some(v) => self.auth(v, rest, &mut authorizers).unwrap_or(Auth::Iam),
            None => Auth::None,
        };
        let cors = p.take_block("cors").map(|body| self.cors(body));
        let throttle = p.take_block("throttle").and_then(|body| {
            let span = body.first().map_or(d.name.span, |m| m.span);
            self.throttle(body, span)
        });
        let usage_plans = p
            .take_block("usage_plans")
            .map(|body| self.usage_plans(body, rest))
            .unwrap_or_default();
        let access_logs = p
            .take("access_logs")
            .and_then(|v| self.expect_bool(v))
            // REST APIs log once the app sets the account's role.
            .unwrap_or(!rest || self.model.account_logging_role.is_some());
        let stage = p
            .take("stage_name")
            .and_then(|v| self.stage_name(v))
            .unwrap_or_else(|| {
                let default = if rest {
                    crate::naming::REST_STAGE
                } else {
                    "$default"
                };
                Spanned::new(default.to_string(), d.name.span)
            });
        let (endpoint, domain, allow_from) = self.api_reach(d, &mut p, rest);
        let binary_media_types = p
            .take("binary_media_types")
            .map(|v| self.binary_media_types(v, rest))
            .unwrap_or_default();
        self.identity(&mut p, d);
        p.finish(self, "an api");
        let mut routes: Vec<Route> = Vec::new();
        for m in &d.body {
            match &m.kind {
                MemberKind::Property { .. } | MemberKind::Block { .. } => {}
                MemberKind::Route {
                    method,
                    path,
                    to,
                    body,
                } => {
                    let mut contract = self.route_contract(body, &authorizers);
                    let function = self.route_target(to, &mut contract);
                    if let Some(prev) = routes
                        .iter()
                        .find(|r| r.method == method.name && r.path.value == path.value)
                    {
                        let ps = prev.span;
                        self.error(
                            Diagnostic::new(
                                Code::E0211,
                                m.span,
                                format!("route `{} {}` is declared twice", method.name, path.value),
                            )
                            .label("second declaration")
                            .with(ps, "first declared here")
                            .help("remove one of the two routes"),
                        );
                        continue;
                    }
                    if let Some(f) = function {
                        self.mapping_fits(&f, &contract.mapping);
                        if let Some(rate) = contract.traffic.take() {
                            let at = UsageAt::Route {
                                api: d.name.name.clone(),
                                method: method.name.clone(),
                                path: path.value.clone(),
                            };
                            self.model.usage.traffic.insert(at, rate);
                        }
                        routes.push(Route {
                            method: method.name.clone(),
                            path: Spanned::new(path.value.clone(), path.span),
                            target: f,
                            public: contract.auth == Some(Auth::None),
                            auth: contract.auth,
                            scopes: contract.scopes,
                            throttle: contract.throttle,
                            slo: contract.slo,
                            api_key: contract.api_key,
                            params: contract.params,
                            query: contract.query,
                            body: contract.body,
                            responses: contract.responses,
                            acknowledged: contract.acknowledged,
                            mapping: contract.mapping,
                            span: m.span,
                        });
                    }
                }
                _ => self.not_allowed(m, "an api"),
            }
        }
        Api {
            name: d.name.name.clone(),
            span: d.name.span,
            rest,
            explicit_auth,
            auth,
            authorizers,
            throttle,
            usage_plans,
            cors,
            access_logs,
            stage,
            routes,
            endpoint,
            domain,
            allow_from,
            binary_media_types,
        }
    }

    /// An API's `stage_name`: 1 to 128 letters, digits, `-` and `_` (API
    /// Gateway's rule).
    fn stage_name(&mut self, v: &ast::Value) -> Option<Spanned<String>> {
        let name = self.expect_text(v)?;
        // A parameter's value is CloudFormation's to check.
        if name.value.contains("${") {
            return Some(name);
        }
        let ok = (1..=128).contains(&name.value.len())
            && name
                .value
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !ok {
            self.error(
                Diagnostic::new(
                    Code::E0214,
                    name.span,
                    format!("\"{}\" is not an API Gateway stage name", name.value),
                )
                .label("1 to 128 letters, digits, `-` and `_`")
                .help("write a stage name such as `\"dev\"` or `\"Prod\"`"),
            );
            return None;
        }
        Some(name)
    }

    /// The API's `auth`: `none`, `iam`, an inline `jwt { ... }` or
    /// `lambda { ... }` (added to `authorizers`), or the name of one of
    /// `authorizers`.
    pub(super) fn auth(
        &mut self,
        v: &ast::Value,
        rest: bool,
        authorizers: &mut Vec<Authorizer>,
    ) -> Option<Auth> {
        match &v.kind {
            ValueKind::Tagged(tag, _)
                if matches!(tag.name.as_str(), "jwt" | "lambda" | "cognito") =>
            {
                let a = self.authorizer_value(v, rest, &tag.name, true)?;
                authorizers.push(a);
                Some(Auth::Authorizer(authorizers.len() - 1))
            }
            // `auth = cognito { ... }`: a form of auth this version does
            // not have; say which it has.
            ValueKind::Tagged(tag, _) => {
                self.unknown_auth(&tag.name, tag.span);
                None
            }
            ValueKind::Path(p) if p.parts.len() == 1 => {
                let word = p.head().name.as_str();
                let words = ["none", "iam", "jwt", "lambda", "cognito"].map(String::from);
                let named = authorizers.iter().map(|a| a.name.clone());
                (self.model.accepted.words)
                    .push((v.span, words.into_iter().chain(named).collect()));
                match word {
                    "none" => Some(Auth::None),
                    "iam" => Some(Auth::Iam),
                    "jwt" | "lambda" | "cognito" => {
                        self.error(
                            Diagnostic::new(Code::E0107, v.span, format!("`{word}` auth needs its settings"))
                                .label("missing settings")
                                .help(if word == "jwt" {
                                    "write `jwt { issuer = \"https://...\", audience = [\"client-id\"] }`"
                                } else if word == "cognito" {
                                    "write `cognito { pool = Users }`"
                                } else {
                                    "write `lambda { function = Authorize }`"
                                }),
                        );
                        None
                    }
                    _ => match authorizers.iter().position(|a| a.name == word) {
                        Some(i) => Some(Auth::Authorizer(i)),
                        None => {
                            self.unknown_auth_name(word, v.span, authorizers);
                            None
                        }
                    },
                }
            }
            _ => {
                self.type_error(v, "an auth", "write `none`, `iam`, `jwt { ... }`, `lambda { ... }` or the name of one of `authorizers`");
                None
            }
        }
    }

    /// `authorizers { NAME = jwt { ... } | lambda { ... } ... }`.
    fn authorizers(&mut self, body: &[ast::Member], rest: bool, out: &mut Vec<Authorizer>) {
        for m in body {
            let MemberKind::Property { key, value, .. } = &m.kind else {
                self.not_allowed(m, "`authorizers`");
                continue;
            };
            if let Some(first) = out.iter().find(|a| a.name == key.name) {
                let first = first.span;
                self.error(
                    Diagnostic::new(
                        Code::E0106,
                        key.span,
                        format!("authorizer `{}` is declared twice", key.name),
                    )
                    .label("declared again here")
                    .with(first, "first declared here")
                    .help("rename one of the two"),
                );
                continue;
            }
            if matches!(
                key.name.as_str(),
                "none" | "iam" | "jwt" | "lambda" | "cognito"
            ) {
                self.error(
                    Diagnostic::new(
                        Code::E0106,
                        key.span,
                        format!(
                            "`{}` is a word of `auth`, not a name for an authorizer",
                            key.name
                        ),
                    )
                    .label("reserved")
                    .help(
                        "name the authorizer after who it lets in, e.g. `Customers` or `Partners`",
                    ),
                );
                continue;
            }
            match &value.kind {
                ValueKind::Tagged(tag, _)
                    if matches!(tag.name.as_str(), "jwt" | "lambda" | "cognito") =>
                {
                    match self.authorizer_value(value, rest, &tag.name, false) {
                        Some(mut a) => {
                            a.name = key.name.clone();
                            a.span = key.span;
                            out.push(a);
                        }
                        None => self.broken_authorizers.push(key.name.clone()),
                    }
                }
                ValueKind::Tagged(tag, _) => self.unknown_auth(&tag.name, tag.span),
                _ => self.type_error(
                    value,
                    "an authorizer",
                    "write `NAME = jwt { ... }` or `NAME = lambda { function = F }`",
                ),
            }
        }
    }

    /// An audience of a JWT authorizer: a string, or a client of a user
    /// pool (`Users.Web`), which check finds in the pool.
    fn jwt_audience(&mut self, v: &ast::Value) -> Option<JwtAudience> {
        match &v.kind {
            ValueKind::Path(path) if path.parts.len() == 2 => {
                let pool = self.expect_ref(
                    &ast::Path {
                        parts: vec![path.parts[0].clone()],
                        span: path.parts[0].span,
                    },
                    &[DeclKind::UserPool],
                )?;
                Some(JwtAudience::Client {
                    pool: pool.name,
                    client: path.parts[1].name.clone(),
                    span: path.span,
                })
            }
            ValueKind::Path(path) if !self.is_param(path) => {
                self.type_error(
                    v,
                    "a client ID or a user pool's client",
                    "write a string, or the client as `Pool.Client`, e.g. `Users.Web`",
                );
                None
            }
            _ => self.expect_text(v).map(|s| JwtAudience::Text(s.value)),
        }
    }

    /// A `jwt { ... }`, `cognito { ... }` or `lambda { ... }` authorizer.
    fn authorizer_value(
        &mut self,
        v: &ast::Value,
        rest: bool,
        word: &str,
        inline: bool,
    ) -> Option<Authorizer> {
        let ValueKind::Tagged(tag, body) = &v.kind else {
            return None;
        };
        let mut p = Props::new(body);
        let kind = if word == "jwt" {
            let issuer = p.take("issuer").and_then(|v| match &v.kind {
                ValueKind::Path(path) if !self.is_param(path) => self
                    .expect_ref(path, &[DeclKind::UserPool])
                    .map(JwtIssuer::Pool),
                _ => self.expect_text(v).map(|s| JwtIssuer::Url(s.value)),
            });
            let audience = p.take("audience").and_then(|v| match &v.kind {
                ValueKind::List(items) => items
                    .iter()
                    .map(|i| self.jwt_audience(i))
                    .collect::<Option<Vec<JwtAudience>>>(),
                _ => self
                    .expect_strings(v)
                    .map(|v| v.into_iter().map(JwtAudience::Text).collect()),
            });
            for (key, present) in [
                ("issuer", issuer.is_some() || p.has("issuer")),
                ("audience", audience.is_some() || p.has("audience")),
            ] {
                if !present {
                    self.error(
                        Diagnostic::new(
                            Code::E0107,
                            tag.span,
                            format!("`jwt` auth has no `{key}`"),
                        )
                        .label(format!("missing `{key}`"))
                        .help(
                            "write `jwt { issuer = \"https://...\", audience = [\"client-id\"] }`, or `jwt { issuer = Users, audience = [Users.Web] }` for a user pool",
                        ),
                    );
                }
            }
            self.other_members(body, "`jwt`");
            p.finish(self, "`jwt`");
            if rest {
                self.error(
                    Diagnostic::new(Code::E0202, tag.span, "REST APIs have no JWT authorizer")
                        .label("JWT auth is for HTTP APIs")
                        .help("write `api Name http` to use `jwt { ... }`; a REST API takes `auth = iam` (signed requests), `cognito { pool = Users }`, `lambda { ... }` or `auth = none`"),
                );
                return None;
            }
            AuthorizerKind::Jwt {
                issuer: issuer?,
                audience: audience?,
            }
        } else if word == "cognito" {
            if !rest {
                self.error(
                    Diagnostic::new(Code::E0202, tag.span, "HTTP APIs have no Cognito authorizer")
                        .label("`cognito` auth is for REST APIs")
                        .help("an HTTP API checks a user pool's tokens with a JWT authorizer: `jwt { issuer = Users, audience = [Users.Web] }`"),
                );
                return None;
            }
            let pool = match p.take("pool") {
                // Another stack's pool: its ARN, or a parameter holding it.
                Some(v)
                    if matches!(&v.kind, ValueKind::Str(_))
                        || matches!(&v.kind, ValueKind::Path(path) if self.is_param(path)) =>
                {
                    self.expect_text(v).map(CognitoPool::Arn)
                }
                Some(v) => self
                    .expect_path(v)
                    .and_then(|path| self.expect_ref(path, &[DeclKind::UserPool]))
                    .map(CognitoPool::Declared),
                None => {
                    if !p.has("pool") {
                        self.error(
                            Diagnostic::new(Code::E0107, tag.span, "`cognito` auth has no `pool`")
                                .label("missing `pool`")
                                .help("name the user pool whose tokens are accepted: `cognito { pool = Users }`"),
                        );
                    }
                    None
                }
            };
            let header = p.take("header").and_then(|v| self.expect_string(v));
            self.other_members(body, "`cognito`");
            p.finish(self, "`cognito`");
            AuthorizerKind::Cognito {
                pool: pool?,
                header,
            }
        } else {
            let function = match p.take("function") {
                Some(f) => self
                    .expect_path(f)
                    .and_then(|path| self.expect_ref(path, &[DeclKind::Function])),
                None => {
                    if !p.has("function") {
                        self.error(
                            Diagnostic::new(
                                Code::E0107,
                                tag.span,
                                "`lambda` auth has no `function`",
                            )
                            .label("missing `function`")
                            .help(
                                "name the function that decides: `lambda { function = Authorize }`",
                            ),
                        );
                    }
                    None
                }
            };
            let token = p.take("token").and_then(|t| self.expect_string(t));
            let headers = match p.take("headers") {
                Some(h) if token.is_some() => {
                    self.error(
                        Diagnostic::new(Code::E0106, h.span, "a `lambda` authorizer with `token` reads no other `headers`")
                            .label("`token` already says where the identity is")
                            .help("keep `token = \"HEADER\"` for a TOKEN authorizer, which receives that header's value, or `headers = [...]` for a REQUEST authorizer, which receives the request"),
                    );
                    Vec::new()
                }
                Some(h) => match &h.kind {
                    ValueKind::List(items) => {
                        items.iter().filter_map(|i| self.expect_string(i)).collect()
                    }
                    _ => {
                        self.type_error(
                            h,
                            "a list of header names",
                            "write `headers = [\"Authorization\"]`",
                        );
                        Vec::new()
                    }
                },
                None => vec![Spanned::new("Authorization".to_string(), tag.span)],
            };
            let headers = match &token {
                Some(t) => vec![t.clone()],
                None => headers,
            };
            if let (Some(t), false) = (&token, rest) {
                self.error(
                    Diagnostic::new(Code::E0202, t.span, "HTTP APIs have no TOKEN authorizers")
                        .label("`token` is for REST APIs")
                        .help("an HTTP API's Lambda authorizer receives the request: write `headers = [\"Authorization\"]` instead of `token`"),
                );
                return None;
            }
            let cache = p
                .take("cache")
                .and_then(|c| self.expect_seconds(c))
                .unwrap_or(Spanned::new(300, tag.span));
            self.other_members(body, "`lambda`");
            p.finish(self, "`lambda`");
            AuthorizerKind::Lambda {
                function: function?,
                headers,
                cache,
                token: token.is_some(),
            }
        };
        Some(Authorizer {
            name: word.to_string(),
            span: tag.span,
            inline,
            kind,
        })
    }

    fn unknown_auth_name(
        &mut self,
        word: &str,
        span: crate::source::Span,
        authorizers: &[Authorizer],
    ) {
        if self.broken_authorizers.iter().any(|b| b == word) {
            return;
        }
        let names: Vec<&str> = authorizers
            .iter()
            .filter(|a| !a.inline)
            .map(|a| a.name.as_str())
            .chain(["none", "iam"])
            .collect();
        let help = match did_you_mean(word, names.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None if authorizers.iter().all(|a| a.inline) => "declare it in the API's `authorizers { NAME = jwt { ... } }`, or write `none` or `iam`".to_string(),
            None => format!(
                "the API's authorizers are {}; or write `none` or `iam`",
                names[..names.len() - 2]
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        self.error(
            Diagnostic::new(Code::E0101, span, format!("unknown authorizer `{word}`"))
                .label("no authorizer of this API has this name")
                .help(help),
        );
    }

    fn unknown_auth(&mut self, word: &str, span: crate::source::Span) {
        let forms = "`jwt { issuer = \"https://...\", audience = [\"client-id\"] }` for bearer tokens (`jwt { issuer = Users, audience = [Users.Web] }` from a user pool), `cognito { pool = Users }` on a REST API, `lambda { function = Authorize }` for a function that decides, `iam` for signed requests, or `none`";
        let help = match word {
            "custom" | "authorizer" | "request" | "token" => {
                format!("a function that decides is `lambda {{ function = Authorize }}`; an API's auth is {forms}")
            }
            _ => match did_you_mean(word, AUTH_WORDS.iter().copied()) {
                Some(w) => format!("did you mean `{w}`? An API's auth is {forms}"),
                None => format!("an API's auth is {forms}"),
            },
        };
        self.error(
            Diagnostic::new(Code::E0202, span, format!("unknown auth `{word}`"))
                .label(
                    "expected `none`, `iam`, `jwt { ... }`, `cognito { ... }` or `lambda { ... }`",
                )
                .help(help),
        );
    }

    /// `usage_plans { NAME = { rate, burst, quota, period, keys } }`: REST
    /// APIs only.
    fn usage_plans(&mut self, body: &[ast::Member], rest: bool) -> Vec<UsagePlan> {
        let mut out: Vec<UsagePlan> = Vec::new();
        for m in body {
            let MemberKind::Property { key, value, .. } = &m.kind else {
                self.not_allowed(m, "`usage_plans`");
                continue;
            };
            if !rest {
                self.error(
                    Diagnostic::new(Code::E0202, key.span, "HTTP APIs have no usage plans or API keys")
                        .label("usage plans are for REST APIs")
                        .help("make the API `rest` to meter callers by API key, or throttle it with `throttle { ... }`"),
                );
                return Vec::new();
            }
            let ValueKind::Record(entries) = &value.kind else {
                self.type_error(
                    value,
                    "a record",
                    "write `Gold = { rate = 100, burst = 200, quota = 100000, period = day }`",
                );
                continue;
            };
            let members = props::record_members(entries);
            let mut p = Props::new(&members);
            let has_throttle = p.has("rate") || p.has("burst");
            let rate = p.take("rate");
            let burst = p.take("burst");
            let throttle = if has_throttle {
                let parts: Vec<ast::Member> = members
                    .iter()
                    .filter(|m| matches!(&m.kind, MemberKind::Property { key, .. } if key.name == "rate" || key.name == "burst"))
                    .cloned()
                    .collect();
                let _ = (rate, burst);
                self.throttle(&parts, value.span)
            } else {
                None
            };
            let quota = p.take("quota").and_then(|v| self.expect_int(v));
            let period = p.take("period").and_then(|v| {
                let span = v.span;
                self.expect_word(v, &["day", "week", "month"])
                    .map(|w| Spanned::new(w, span))
            });
            let keys = p
                .take("keys")
                .and_then(|v| match &v.kind {
                    ValueKind::List(items) => {
                        Some(items.iter().filter_map(|i| self.expect_string(i)).collect())
                    }
                    _ => {
                        self.type_error(v, "a list of key names", "write `keys = [\"partner-a\"]`");
                        None
                    }
                })
                .unwrap_or_default();
            p.finish(self, "a usage plan");
            let quota = match (quota, period) {
                (Some(q), Some(p)) => Some((q, p)),
                (None, None) => None,
                (Some(q), None) => {
                    self.error(
                        Diagnostic::new(Code::E0107, q.span, "a `quota` needs its `period`")
                            .label("per what?")
                            .help("add `period = day`, `week` or `month`"),
                    );
                    None
                }
                (None, Some(p)) => {
                    self.error(
                        Diagnostic::new(Code::E0107, p.span, "a `period` needs its `quota`")
                            .label("how many?")
                            .help("add `quota = 10000`, the requests each key may make per period"),
                    );
                    None
                }
            };
            out.push(UsagePlan {
                name: Spanned::new(key.name.clone(), key.span),
                throttle,
                quota,
                keys,
            });
        }
        out
    }

    /// `rate = N` (requests per second) and `burst = N`, both required.
    fn throttle(&mut self, body: &[ast::Member], span: Span) -> Option<Throttle> {
        let mut p = Props::new(body);
        let rate = p.take("rate").and_then(|v| match v.kind {
            ValueKind::Int(i) => Some(Spanned::new(i as f64, v.span)),
            ValueKind::Number(n) => Some(Spanned::new(n, v.span)),
            _ => {
                self.type_error(v, "a number of requests per second", "write `rate = 100`");
                None
            }
        });
        let burst = p.take("burst").and_then(|v| self.expect_int(v));
        for (key, present) in [
            ("rate", rate.is_some() || p.has("rate")),
            ("burst", burst.is_some() || p.has("burst")),
        ] {
            if !present {
                self.error(
                    Diagnostic::new(Code::E0107, span, format!("`throttle` has no `{key}`"))
                        .label(format!("missing `{key}`"))
                        .help("give both: `rate` (steady requests per second) and `burst` (requests accepted at once above it), e.g. `{ rate = 100, burst = 200 }`"),
                );
            }
        }
        self.other_members(body, "`throttle`");
        p.finish(self, "`throttle`");
        Some(Throttle {
            rate: rate?,
            burst: burst?,
            span,
        })
    }

    pub(super) fn cors(&mut self, body: &[ast::Member]) -> Cors {
        let mut p = Props::new(body);
        let mut cors = Cors::default();
        if let Some(v) = p.take("origins") {
            cors.origins = self.expect_strings(v).unwrap_or_default();
        }
        if let Some(v) = p.take("methods") {
            cors.methods = self.expect_words(
                v,
                &[
                    "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "*",
                ],
            );
        }
        if let Some(v) = p.take("headers") {
            cors.headers = self.expect_strings(v).unwrap_or_default();
        }
        cors.max_age = p
            .take("max_age")
            .and_then(|v| self.expect_seconds(v))
            .map(|s| s.value);
        cors.credentials = p
            .take("credentials")
            .and_then(|v| self.expect_bool(v))
            .unwrap_or(false);
        self.other_members(body, "`cors`");
        p.finish(self, "`cors`");
        cors
    }

    /// The members of a route's body: `auth = none`, `scopes = [...]`,
    /// `params {...}`, `query {...}`, `body = T`, `responses {...}`.
    /// What a route serves requests with: `-> F` a function; `-> send to Q`
    /// a queue (optionally `send T to Q`); `-> send E to B` event `E` on bus
    /// `B`; `-> "https://..."` a URL. A state machine's `-> start M` would be
    /// one more arm of the match here.
    fn route_target(
        &mut self,
        to: &ast::RouteTo,
        contract: &mut RouteContract,
    ) -> Option<RouteTarget> {
        let group_id = contract.group_id.take();
        let (keyword, message, target) = match to {
            ast::RouteTo::Function(target) => {
                if let Some(t) = self.table_or_bucket_route(target) {
                    if let Some(g) = group_id {
                        self.misplaced_group_id(&g, format!("`{}` is not a FIFO queue", t.name()));
                    }
                    return Some(t);
                }
                if target.parts.len() == 2
                    && self
                        .symbols
                        .get(&target.head().name)
                        .is_some_and(|s| matches!(s.kind, DeclKind::Table | DeclKind::Bucket))
                {
                    // An unknown action, reported.
                    return None;
                }
                let f = self.expect_ref(target, &[DeclKind::Function])?;
                if let Some(g) = group_id {
                    self.misplaced_group_id(
                        &g,
                        format!("`{}` is a function, not a FIFO queue", f.name),
                    );
                }
                return Some(RouteTarget::Function(f));
            }
            ast::RouteTo::Url(url) => {
                if let Some(g) = group_id {
                    self.misplaced_group_id(&g, "a URL is not a FIFO queue".into());
                }
                return self.route_url(url).map(RouteTarget::Url);
            }
            ast::RouteTo::Send {
                keyword,
                message,
                target,
            } => (keyword, message, target),
        };
        let r = self.expect_ref(
            target,
            &[DeclKind::Queue, DeclKind::Bus, DeclKind::StateMachine],
        )?;
        if r.kind == DeclKind::StateMachine {
            if let Some(g) = group_id {
                self.misplaced_group_id(
                    &g,
                    format!("`{}` is a state machine, not a FIFO queue", r.name),
                );
            }
            // The body is the whole input: a record `type`, never an
            // event's envelope, which only EventBridge delivers.
            let message = match message {
                Some(m) => Some(self.expect_ref(m, &[DeclKind::Type])?),
                None => None,
            };
            return Some(RouteTarget::StateMachine {
                machine: r,
                message,
            });
        }
        if r.kind == DeclKind::Bus {
            // `send to B { source = ..., detail_type = ... }`: events of no
            // declared type, whose source and detail-type the request says.
            if message.is_none()
                && contract.mapping.source.is_some()
                && contract.mapping.detail_type.is_some()
            {
                if let Some(g) = group_id {
                    self.misplaced_group_id(&g, format!("`{}` is a bus, not a FIFO queue", r.name));
                }
                return Some(RouteTarget::Bus {
                    bus: r,
                    event: None,
                });
            }
            let Some(message) = message else {
                self.error(
                    Diagnostic::new(
                        Code::E0414,
                        keyword.to(target.span),
                        format!(
                            "a route that sends to bus `{}` does not say which event",
                            r.name
                        ),
                    )
                    .label("which event?")
                    .help(format!(
                        "name the event the request body becomes: `send OrderPlaced to {}` (or map `source` and `detail_type` from the request)",
                        r.name
                    )),
                );
                return None;
            };
            let event = self.expect_ref(message, &[DeclKind::Event])?;
            if let Some(g) = group_id {
                self.misplaced_group_id(&g, format!("`{}` is a bus, not a FIFO queue", r.name));
            }
            return Some(RouteTarget::Bus {
                bus: r,
                event: Some(event),
            });
        }
        let message = match message {
            Some(m) => Some(self.expect_ref(m, &[DeclKind::Type, DeclKind::Event])?),
            None => None,
        };
        Some(RouteTarget::Queue {
            queue: r,
            message,
            group_id,
        })
    }

    /// `-> "https://host/path/{id}"`: an absolute `http(s)` URL with a
    /// host; `{name}` placeholders take the route's path parameters.
    fn route_url(&mut self, url: &ast::Str) -> Option<Spanned<String>> {
        let text = url.value.as_str();
        let rest = text
            .strip_prefix("https://")
            .or_else(|| text.strip_prefix("http://"));
        let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
        if host.is_none_or(str::is_empty) || text.contains(char::is_whitespace) {
            self.error(
                Diagnostic::new(
                    Code::E0225,
                    url.span,
                    format!("`{text}` is not an absolute http or https URL"),
                )
                .label("API Gateway cannot forward requests here")
                .help("write the endpoint's whole URL, e.g. `\"https://api.example.com/orders/{id}\"`"),
            );
            return None;
        }
        Some(Spanned::new(url.value.clone(), url.span))
    }

    fn misplaced_group_id(&mut self, g: &GroupId, why: String) {
        let (GroupId::Fixed(s) | GroupId::Field(s)) = g;
        self.error(
            Diagnostic::new(
                Code::E0413,
                s.span,
                format!("`group_id` on a route whose target has no message groups: {why}"),
            )
            .label("no message groups here")
            .help("remove `group_id`; only routes that send to a FIFO queue set it"),
        );
    }

    fn route_contract(
        &mut self,
        body: &[ast::Member],
        authorizers: &[Authorizer],
    ) -> RouteContract {
        let mut rp = Props::new(body);
        if let Some(v) = body.iter().find_map(|m| match &m.kind {
            ast::MemberKind::Property { key, value, .. } if key.name == "auth" => Some(value),
            _ => None,
        }) {
            // The words a route's `auth` takes: for an editor.
            let named = authorizers.iter().filter(|a| !a.inline);
            let words = ["none".to_string(), "iam".to_string()].into_iter();
            let words = words.chain(named.map(|a| a.name.clone())).collect();
            (self.model.accepted.words).push((v.span, words));
        }
        let auth = rp.take("auth").and_then(|v| match &v.kind {
            ValueKind::Path(p) if p.parts.len() == 1 => match p.head().name.as_str() {
                "none" => Some(Auth::None),
                "iam" => Some(Auth::Iam),
                word => match authorizers.iter().position(|a| a.name == word && !a.inline) {
                    Some(i) => Some(Auth::Authorizer(i)),
                    None => {
                        self.unknown_auth_name(word, v.span, authorizers);
                        None
                    }
                },
            },
            _ => {
                self.type_error(
                    v,
                    "`none`, `iam` or an authorizer's name",
                    "declare the authorizer in the API's `authorizers { ... }` and name it here",
                );
                None
            }
        });
        let throttle = rp.take("throttle").and_then(|v| match &v.kind {
            ValueKind::Record(entries) => {
                let body: Vec<ast::Member> = entries
                    .iter()
                    .map(|(k, val)| ast::Member {
                        kind: MemberKind::Property {
                            key: k.clone(),
                            value: val.clone(),
                            when: None,
                        },
                        span: k.span.to(val.span),
                    })
                    .collect();
                self.throttle(&body, v.span)
            }
            _ => {
                self.type_error(
                    v,
                    "a record",
                    "write `throttle = { rate = 10, burst = 20 }`",
                );
                None
            }
        });
        let api_key = rp.take("api_key").and_then(|v| {
            let span = v.span;
            self.expect_bool(v).filter(|b| *b).map(|_| span)
        });
        let scopes = rp.take("scopes").and_then(|v| {
            let span = v.span;
            self.expect_strings(v).map(|s| Spanned::new(s, span))
        });
        let acknowledged = rp
            .take("acknowledge")
            .and_then(|v| self.expect_string(v))
            .map(|s| s.value)
            .filter(|r| !r.trim().is_empty());
        let body_type = rp
            .take("body")
            .and_then(|v| self.expect_path(v))
            .and_then(|path| self.expect_ref(path, &[DeclKind::Type]));
        let group_id = rp.take("group_id").and_then(|v| match &v.kind {
            ValueKind::Str(text) => Some(GroupId::Fixed(Spanned::new(text.clone(), v.span))),
            ValueKind::Path(p) if p.parts.len() == 2 && p.head().name == "body" => Some(
                GroupId::Field(Spanned::new(p.parts[1].name.clone(), v.span)),
            ),
            _ => {
                self.type_error(
                    v,
                    "a string or `body.FIELD`",
                    "write `group_id = body.customerId` (a field of the request body) or `group_id = \"orders\"` (one group)",
                );
                None
            }
        });
        let mapping = self.route_mapping(&mut rp);
        let traffic = rp.take("traffic").and_then(|v| self.expect_rate(v));
        let slo = rp
            .take_block("slo")
            .and_then(|b| self.slo(b, observe::block_key(body, "slo").unwrap_or_default()));
        let mut contract = RouteContract {
            traffic,
            mapping,
            group_id,
            auth,
            throttle,
            slo,
            api_key,
            scopes,
            acknowledged,
            body: body_type,
            ..Default::default()
        };
        for m in body {
            match &m.kind {
                MemberKind::Property { .. } => {}
                MemberKind::Block { key, .. } if key.name == "slo" => {}
                // `params {}` with nothing in it parses as an empty block.
                MemberKind::Block { key, body }
                    if body.is_empty() && matches!(key.name.as_str(), "params" | "query") =>
                {
                    if key.name == "params" {
                        contract.params = Some(Spanned::new(Vec::new(), key.span));
                    }
                }
                MemberKind::Fields { key, fields }
                    if key.name == "params" || key.name == "query" =>
                {
                    let fields = self.fields(fields);
                    if key.name == "params" {
                        contract.params = Some(Spanned::new(fields, key.span));
                    } else {
                        contract.query = fields;
                    }
                }
                MemberKind::Responses(list) => {
                    for (status, ty) in list {
                        let code: u16 = status.name.parse().unwrap_or(0);
                        if !(100..=599).contains(&code) {
                            self.error(
                                Diagnostic::new(
                                    Code::E0211,
                                    status.span,
                                    format!("`{}` is not an HTTP status code", status.name),
                                )
                                .label("expected 100-599")
                                .help("use a status code such as 200, 201, 400 or 404"),
                            );
                            continue;
                        }
                        if let Some((first, _)) =
                            contract.responses.iter().find(|(s, _)| s.value == code)
                        {
                            let first = first.span;
                            self.error(
                                Diagnostic::new(
                                    Code::E0106,
                                    status.span,
                                    format!("response `{code}` is declared twice"),
                                )
                                .label("declared again here")
                                .with(first, "first declared here")
                                .help("keep one type per status code"),
                            );
                            continue;
                        }
                        if let Some(r) = self.expect_ref(ty, &[DeclKind::Type]) {
                            contract
                                .responses
                                .push((Spanned::new(code, status.span), r));
                        }
                    }
                }
                MemberKind::Fields { key, .. } | MemberKind::Block { key, .. } => {
                    let mut d = Diagnostic::new(
                        Code::E0105,
                        key.span,
                        format!("`{}` is not a block of a route", key.name),
                    )
                    .label("unknown block");
                    d = match did_you_mean(&key.name, ["params", "query", "responses", "slo"]) {
                        Some(s) => d.help(format!("did you mean `{s}`?")),
                        None => d.help("a route takes `auth`, `body`, `params { ... }`, `query { ... }`, `responses { ... }` and `slo { ... }`"),
                    };
                    self.error(d);
                }
                _ => self.not_allowed(m, "a route"),
            }
        }
        rp.finish(self, "a route");
        contract
    }
}

/// What a route's body declares.
#[derive(Default)]
struct RouteContract {
    /// `traffic = RATE`: requests from outside (for `slsc cost`).
    traffic: Option<Spanned<Rate>>,
    mapping: RouteMapping,
    group_id: Option<GroupId>,
    auth: Option<Auth>,
    throttle: Option<Throttle>,
    slo: Option<Slo>,
    api_key: Option<Span>,
    scopes: Option<Spanned<Vec<String>>>,
    acknowledged: Option<String>,
    params: Option<Spanned<Vec<FieldDef>>>,
    query: Vec<FieldDef>,
    body: Option<Ref>,
    responses: Vec<(Spanned<u16>, Ref)>,
}
