//! HTTP APIs: auth, CORS and routes.

use super::*;

impl Resolver {
    pub(super) fn api(&mut self, d: &ast::Decl) -> Api {
        if let Header::Api { protocol } = &d.header {
            if protocol.name != "http" {
                let mut diag = Diagnostic::new(
                    "E0202",
                    protocol.span,
                    format!("unknown API protocol `{}`", protocol.name),
                )
                .label("expected `http`");
                diag = if protocol.name == "rest" {
                    diag.help(
                        "REST APIs are not supported yet: write `api Name http` for an HTTP API",
                    )
                } else {
                    diag.help("write `api Name http { ... }`")
                };
                self.error(diag);
            }
        }
        let mut p = Props::new(&d.body);
        let auth = match p.take("auth") {
            Some(v) => self.auth(v).unwrap_or(Auth::None),
            None => Auth::None,
        };
        let cors = p.take_block("cors").map(|body| self.cors(body));
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
                    let mut rp = Props::new(body);
                    let public = match rp.take("auth") {
                        Some(v) => self.expect_word(v, &["none"]).is_some(),
                        None => false,
                    };
                    self.other_members(body, "a route");
                    rp.finish(self, "a route");
                    if let Some(prev) = routes
                        .iter()
                        .find(|r| r.method == method.name && r.path.value == path.value)
                    {
                        let ps = prev.span;
                        self.error(
                            Diagnostic::new(
                                "E0211",
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
                            public,
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
            auth,
            cors,
            routes,
        }
    }

    pub(super) fn auth(&mut self, v: &ast::Value) -> Option<Auth> {
        match &v.kind {
            ValueKind::Tagged(tag, body) if tag.name == "jwt" => {
                let mut p = Props::new(body);
                let issuer = p.take("issuer").and_then(|v| self.expect_string(v));
                let audience = p.take("audience").and_then(|v| self.expect_strings(v));
                for (key, present) in [
                    ("issuer", issuer.is_some() || p.has("issuer")),
                    ("audience", audience.is_some() || p.has("audience")),
                ] {
                    if !present {
                        self.error(
                            Diagnostic::new("E0107", tag.span, format!("`jwt` auth has no `{key}`"))
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
            _ => {
                match self.expect_word(v, &["none", "jwt"]) {
                    Some(w) if w == "none" => Some(Auth::None),
                    Some(_) => {
                        self.error(
                        Diagnostic::new("E0107", v.span, "`jwt` auth needs an issuer and an audience")
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
}
