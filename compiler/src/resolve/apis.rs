//! APIs (HTTP and REST): auth, CORS, routes and their contracts.

use super::*;
use crate::diagnostics::Code;

/// The words of `auth`: `jwt` takes its settings in a block.
const AUTH_WORDS: &[&str] = &["none", "iam", "jwt"];

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
        let auth = match p.take("auth") {
            // An auth that did not resolve has its error already; `iam`
            // stands in so that no "anyone may call" warning follows it.
            Some(v) => self.auth(v).unwrap_or(Auth::Iam),
            None => Auth::None,
        };
        let cors = p.take_block("cors").map(|body| self.cors(body));
        let access_logs = p
            .take("access_logs")
            .and_then(|v| self.expect_bool(v))
            .unwrap_or(!rest);
        self.identity(&mut p, d);
        p.finish(self, "an api");
        let mut routes: Vec<Route> = Vec::new();
        for m in &d.body {
            match &m.kind {
                MemberKind::Property { .. } | MemberKind::Block { .. } => {}
                MemberKind::Route {
                    method,
                    path,
                    target,
                    body,
                } => {
                    let function = self.expect_ref(target, &[DeclKind::Function]);
                    let contract = self.route_contract(body);
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
                        routes.push(Route {
                            method: method.name.clone(),
                            path: Spanned::new(path.value.clone(), path.span),
                            function: f,
                            public: contract.public,
                            scopes: contract.scopes,
                            params: contract.params,
                            query: contract.query,
                            body: contract.body,
                            responses: contract.responses,
                            acknowledged: contract.acknowledged,
                            span: m.span,
                        });
                    }
                }
                _ => self.not_allowed(m, "an api"),
            }
        }
        if rest {
            if let Auth::Jwt { .. } = auth {
                let span = p_auth_span(&d.body).unwrap_or(d.name.span);
                self.error(
                    Diagnostic::new(Code::E0202, span, "REST APIs have no JWT authorizer")
                        .label("JWT auth is for HTTP APIs")
                        .help("write `api Name http` to use `jwt { ... }`; a REST API takes `auth = iam` (signed requests) or `auth = none`"),
                );
            }
        }
        Api {
            name: d.name.name.clone(),
            span: d.name.span,
            rest,
            explicit_auth,
            auth,
            cors,
            access_logs,
            routes,
        }
    }

    pub(super) fn auth(&mut self, v: &ast::Value) -> Option<Auth> {
        match &v.kind {
            ValueKind::Tagged(tag, body) if tag.name == "jwt" => {
                let mut p = Props::new(body);
                let issuer = p.take("issuer").and_then(|v| self.expect_text(v));
                let audience = p.take("audience").and_then(|v| match &v.kind {
                    ValueKind::List(items) => items
                        .iter()
                        .map(|i| self.expect_text(i).map(|s| s.value))
                        .collect::<Option<Vec<String>>>(),
                    _ => self.expect_strings(v),
                });
                for (key, present) in [
                    ("issuer", issuer.is_some() || p.has("issuer")),
                    ("audience", audience.is_some() || p.has("audience")),
                ] {
                    if !present {
                        self.error(
                            Diagnostic::new(Code::E0107, tag.span, format!("`jwt` auth has no `{key}`"))
                                .label(format!("missing `{key}`"))
                                .help("write `jwt { issuer = \"https://...\", audience = [\"client-id\"] }`"),
                        );
                    }
                }
                self.other_members(body, "`jwt`");
                p.finish(self, "`jwt`");
                Some(Auth::Jwt {
                    issuer: issuer?.value,
                    audience: audience?,
                })
            }
            // `auth = lambda { ... }`, `auth = cognito`: a form of auth
            // this version does not have; say which it has.
            ValueKind::Tagged(tag, _) => {
                self.unknown_auth(&tag.name, tag.span);
                None
            }
            ValueKind::Path(p)
                if p.parts.len() == 1 && !AUTH_WORDS.contains(&p.head().name.as_str()) =>
            {
                self.unknown_auth(&p.head().name, v.span);
                None
            }
            _ => {
                match self.expect_word(v, AUTH_WORDS) {
                    Some(w) if w == "none" => Some(Auth::None),
                    Some(w) if w == "iam" => Some(Auth::Iam),
                    Some(_) => {
                        self.error(
                        Diagnostic::new(Code::E0107, v.span, "`jwt` auth needs an issuer and an audience")
                            .label("missing settings")
                            .help("write `jwt { issuer = \"https://...\", audience = [\"client-id\"] }`"),
                    );
                        None
                    }
                    None => None,
                }
            }
        }
    }

    /// E0202 for an auth that is not `none`, `iam` or `jwt { ... }`.
    fn unknown_auth(&mut self, word: &str, span: crate::source::Span) {
        let forms = "`auth = jwt { issuer = \"https://...\", audience = [\"client-id\"] }` for bearer tokens, `auth = iam` for signed requests, or `auth = none`";
        let help = match word {
            "lambda" | "custom" | "authorizer" | "request" | "token" => {
                format!("Lambda authorizers are not supported; use {forms} and check the caller in the handler")
            }
            _ => match did_you_mean(word, AUTH_WORDS.iter().copied()) {
                Some(w) => format!("did you mean `{w}`? An API's auth is {forms}"),
                None => format!("an API's auth is {forms}"),
            },
        };
        self.error(
            Diagnostic::new(Code::E0202, span, format!("unknown auth `{word}`"))
                .label("expected `none`, `iam` or `jwt { ... }`")
                .help(help),
        );
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
    fn route_contract(&mut self, body: &[ast::Member]) -> RouteContract {
        let mut rp = Props::new(body);
        let public = match rp.take("auth") {
            Some(v) => self.expect_word(v, &["none"]).is_some(),
            None => false,
        };
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
        let mut contract = RouteContract {
            public,
            scopes,
            acknowledged,
            body: body_type,
            ..Default::default()
        };
        for m in body {
            match &m.kind {
                MemberKind::Property { .. } => {}
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
                    d = match did_you_mean(&key.name, ["params", "query", "responses"]) {
                        Some(s) => d.help(format!("did you mean `{s}`?")),
                        None => d.help("a route takes `auth`, `body`, `params { ... }`, `query { ... }` and `responses { ... }`"),
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
    public: bool,
    scopes: Option<Spanned<Vec<String>>>,
    acknowledged: Option<String>,
    params: Option<Spanned<Vec<FieldDef>>>,
    query: Vec<FieldDef>,
    body: Option<Ref>,
    responses: Vec<(Spanned<u16>, Ref)>,
}

/// The span of an `auth = ...` property, for messages about it.
fn p_auth_span(body: &[ast::Member]) -> Option<Span> {
    body.iter().find_map(|m| match &m.kind {
        MemberKind::Property { key, value } if key.name == "auth" => Some(value.span),
        _ => None,
    })
}
