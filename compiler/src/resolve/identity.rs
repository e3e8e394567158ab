//! Cognito user pools: `userpool NAME { ... }`, their clients, groups,
//! domain and Lambda triggers.

use super::*;
use crate::diagnostics::Code;

/// The settings of a client in `clients { NAME = { ... } }`.
const CLIENT_SETTINGS: &[&str] = &["secret", "flows", "scopes", "callback_urls", "logout_urls"];

impl Resolver {
    pub(super) fn user_pool(&mut self, d: &ast::Decl) -> UserPool {
        let mut p = Props::new(&d.body);
        let sign_in: Vec<Spanned<String>> = match p.take("sign_in") {
            Some(v) => self.spanned_words(v, &["email", "phone"]),
            None => Vec::new(),
        };
        // Signing in by a user name that email or phone may stand for
        // (`AliasAttributes`), rather than by email or phone itself
        // (`UsernameAttributes`): Cognito takes one or the other.
        let aliases: Vec<Spanned<String>> = match p.take("aliases") {
            Some(v) => self.spanned_words(v, &["email", "phone", "preferred_username"]),
            None => Vec::new(),
        };
        if let (Some(a), Some(s)) = (aliases.first(), sign_in.first()) {
            self.error(
                Diagnostic::new(Code::E0106, a.span, "a pool signs in by `sign_in` or by user name with `aliases`, not both")
                    .label("aliases of a user name")
                    .with(s.span, "signing in by this instead of a user name")
                    .help("keep `sign_in = [email]` to sign in by email, or `aliases = [email]` to keep user names that email may stand for"),
            );
        }
        let verify = match p.take("verify") {
            Some(v) => self.spanned_words(v, &["email", "phone"]),
            None if sign_in.is_empty() => aliases
                .iter()
                .filter(|a| a.value != "preferred_username")
                .cloned()
                .collect(),
            None => sign_in.clone(),
        };
        let mfa = p
            .take("mfa")
            .and_then(|v| {
                self.expect_word(v, &["off", "optional", "required"])
                    .map(|w| Spanned::new(w, v.span))
            })
            .unwrap_or(Spanned::new("optional".to_string(), d.name.span));
        let password_length = p
            .take("password_length")
            .and_then(|v| self.expect_int(v))
            .unwrap_or(Spanned::new(12, d.name.span));
        let self_sign_up = p
            .take("self_sign_up")
            .and_then(|v| self.expect_bool(v))
            .unwrap_or(true);
        let domain = p.take("domain").and_then(|v| self.expect_text(v));
        let clients = match p.take_block("clients") {
            Some(body) => self.pool_clients(body),
            None => Vec::new(),
        };
        let (groups, group_settings) = match p.take("groups") {
            Some(v) => self.pool_groups(v),
            None => (Vec::new(), HashMap::new()),
        };
        let triggers = match p.take_block("triggers") {
            Some(body) => self.pool_triggers(body),
            None => Vec::new(),
        };
        let users = match p.take_block("users") {
            Some(body) => self.pool_users(body),
            None => Vec::new(),
        };
        let on_delete = self.on_delete_of(&mut p, &d.name.name);
        self.identity(&mut p, d);
        self.other_members(&d.body, "a userpool");
        p.finish(self, "a userpool");
        UserPool {
            name: d.name.name.clone(),
            span: d.name.span,
            sign_in,
            aliases,
            verify,
            mfa,
            password_length,
            self_sign_up,
            domain,
            clients,
            groups,
            group_settings,
            triggers,
            users,
            on_delete,
        }
    }

    /// `users { admin = { email = AdminEmail, groups = [Admins] } }`: each
    /// name once; `email` and `phone` where parameters may go, `groups` as
    /// names (checked against the pool's groups by `check`).
    fn pool_users(&mut self, body: &[ast::Member]) -> Vec<PoolUser> {
        let mut out: Vec<PoolUser> = Vec::new();
        for m in body {
            let MemberKind::Property { key, value, .. } = &m.kind else {
                self.not_allowed(m, "`users`");
                continue;
            };
            if let Some(first) = out.iter().find(|u| u.name.value == key.name) {
                let first = first.name.span;
                self.error(
                    Diagnostic::new(
                        Code::E0106,
                        key.span,
                        format!("user `{}` is declared twice", key.name),
                    )
                    .label("declared again here")
                    .with(first, "first declared here")
                    .help("rename one of the two"),
                );
                continue;
            }
            let ValueKind::Record(entries) = &value.kind else {
                self.type_error(
                    value,
                    "a record of user settings",
                    "write `admin = { email = AdminEmail, groups = [Admins] }`",
                );
                continue;
            };
            let mut user = PoolUser {
                name: Spanned::new(key.name.clone(), key.span),
                email: None,
                phone: None,
                groups: Vec::new(),
                span: m.span,
            };
            for (k, v) in entries {
                match k.name.as_str() {
                    "email" => user.email = self.user_address(v, EndpointProtocol::Email),
                    "phone" => user.phone = self.user_address(v, EndpointProtocol::Sms),
                    "groups" => user.groups = self.group_names(v),
                    other => {
                        let mut d = Diagnostic::new(
                            Code::E0105,
                            k.span,
                            format!("`{other}` is not a setting of a user pool user"),
                        )
                        .label("unknown setting");
                        d = match did_you_mean(other, ["email", "phone", "groups"]) {
                            Some(s) => d.help(format!("did you mean `{s}`?")),
                            None => d.help("a user takes `email`, `phone` and `groups`"),
                        };
                        self.error(d);
                    }
                }
            }
            out.push(user);
        }
        out
    }

    /// A list of words among `options` (or one word), each with its span.
    fn spanned_words(&mut self, v: &ast::Value, options: &[&str]) -> Vec<Spanned<String>> {
        let items: Vec<&ast::Value> = match &v.kind {
            ValueKind::List(items) => items.iter().collect(),
            _ => vec![v],
        };
        items
            .into_iter()
            .filter_map(|i| {
                self.expect_word(i, options)
                    .map(|w| Spanned::new(w, i.span))
            })
            .collect()
    }

    /// A user's `email` or `phone`: a string or a parameter; a literal is
    /// checked for its form (E0201).
    fn user_address(&mut self, v: &ast::Value, kind: EndpointProtocol) -> Option<Spanned<String>> {
        let a = self.expect_text(v)?;
        if !a.value.contains("${") {
            if let Some(help) = super::storage::endpoint_problem(kind, &a.value) {
                let what = if kind == EndpointProtocol::Email {
                    "an email address"
                } else {
                    "a phone number in E.164 form"
                };
                self.error(
                    Diagnostic::new(
                        Code::E0201,
                        a.span,
                        format!("\"{}\" is not {what}", a.value),
                    )
                    .label("Cognito rejects this attribute")
                    .help(help),
                );
                return None;
            }
        }
        Some(a)
    }

    /// `groups = [Admins, Editors]`: names, each once.
    /// A pool's `groups`: names, or `Name { description, precedence }`.
    fn pool_groups(
        &mut self,
        v: &ast::Value,
    ) -> (Vec<Spanned<String>>, HashMap<String, GroupSettings>) {
        let mut settings = HashMap::new();
        let ValueKind::List(items) = &v.kind else {
            return (self.group_names(v), settings);
        };
        // Each `Name { ... }` is read here and named like the others.
        let mut names = Vec::with_capacity(items.len());
        for i in items {
            let ValueKind::Tagged(tag, body) = &i.kind else {
                names.push(i.clone());
                continue;
            };
            let mut p = Props::new(body);
            let description = p.take("description").and_then(|d| self.expect_text(d));
            if let Some(d) = &description {
                if d.value.chars().count() > 2048 {
                    self.error(
                        Diagnostic::new(
                            Code::E0203,
                            d.span,
                            "a group's description is at most 2,048 characters",
                        )
                        .label("too long")
                        .help("shorten it"),
                    );
                }
            }
            let precedence = p.take("precedence").and_then(|d| self.expect_int(d));
            if let Some(n) = precedence.as_ref().filter(|n| n.value < 0) {
                self.error(
                    Diagnostic::new(Code::E0203, n.span, "a group's precedence is 0 or more")
                        .label("negative")
                        .help("write `precedence = 0` for the group that wins over all others"),
                );
            }
            p.finish(self, "a group");
            settings.insert(
                tag.name.clone(),
                GroupSettings {
                    description,
                    precedence,
                },
            );
            names.push(ast::Value {
                kind: ValueKind::Path(ast::Path {
                    parts: vec![tag.clone()],
                    span: tag.span,
                }),
                span: tag.span,
            });
        }
        let list = ast::Value {
            kind: ValueKind::List(names),
            span: v.span,
        };
        (self.group_names(&list), settings)
    }

    fn group_names(&mut self, v: &ast::Value) -> Vec<Spanned<String>> {
        let ValueKind::List(items) = &v.kind else {
            self.type_error(
                v,
                "a list of group names",
                "write `groups = [Admins, Editors]`",
            );
            return Vec::new();
        };
        let mut out: Vec<Spanned<String>> = Vec::new();
        for i in items {
            let name = match &i.kind {
                ValueKind::Path(p) if p.parts.len() == 1 => p.head().name.clone(),
                ValueKind::Str(s) => s.clone(),
                _ => {
                    self.type_error(i, "a group name", "write `groups = [Admins, Editors]`");
                    continue;
                }
            };
            if let Some(first) = out.iter().find(|g| g.value == name) {
                let first = first.span;
                self.error(
                    Diagnostic::new(
                        Code::E0106,
                        i.span,
                        format!("group `{name}` is declared twice"),
                    )
                    .label("declared again here")
                    .with(first, "first declared here")
                    .help("remove one of the two"),
                );
                continue;
            }
            out.push(Spanned::new(name, i.span));
        }
        out
    }

    /// `clients { Web = { flows = [code], ... } }`.
    fn pool_clients(&mut self, body: &[ast::Member]) -> Vec<PoolClient> {
        let mut out: Vec<PoolClient> = Vec::new();
        for m in body {
            let MemberKind::Property { key, value, .. } = &m.kind else {
                self.not_allowed(m, "`clients`");
                continue;
            };
            if let Some(first) = out.iter().find(|c| c.name.value == key.name) {
                let first = first.name.span;
                self.error(
                    Diagnostic::new(
                        Code::E0106,
                        key.span,
                        format!("client `{}` is declared twice", key.name),
                    )
                    .label("declared again here")
                    .with(first, "first declared here")
                    .help("rename one of the two"),
                );
                continue;
            }
            let ValueKind::Record(entries) = &value.kind else {
                self.type_error(
                    value,
                    "a record of client settings",
                    "write `Web = { flows = [code], scopes = [openid, email], callback_urls = [\"https://...\"] }`, or `Web = {}`",
                );
                continue;
            };
            let mut client = PoolClient {
                name: Spanned::new(key.name.clone(), key.span),
                secret: false,
                flows: Vec::new(),
                scopes: Vec::new(),
                callback_urls: StringList::default(),
                logout_urls: StringList::default(),
                span: m.span,
            };
            for (k, v) in entries {
                match k.name.as_str() {
                    "secret" => client.secret = self.expect_bool(v).unwrap_or(false),
                    "flows" => {
                        client.flows =
                            self.spanned_words(v, &["code", "implicit", "client_credentials"])
                    }
                    "scopes" => client.scopes = self.scope_words(v),
                    "callback_urls" => client.callback_urls = self.string_list(v),
                    "logout_urls" => client.logout_urls = self.string_list(v),
                    other => {
                        let mut d = Diagnostic::new(
                            Code::E0105,
                            k.span,
                            format!("`{other}` is not a setting of a user pool client"),
                        )
                        .label("unknown setting");
                        d = match did_you_mean(other, CLIENT_SETTINGS.iter().copied()) {
                            Some(s) => d.help(format!("did you mean `{s}`?")),
                            None => d.help("a client takes `secret`, `flows`, `scopes`, `callback_urls` and `logout_urls`"),
                        };
                        self.error(d);
                    }
                }
            }
            out.push(client);
        }
        out
    }

    /// OAuth scopes: the standard ones as words (`openid`, `email`, ...) or
    /// any scope as a string (`"orders/read"`).
    fn scope_words(&mut self, v: &ast::Value) -> Vec<Spanned<String>> {
        let ValueKind::List(items) = &v.kind else {
            self.type_error(
                v,
                "a list of scopes",
                "write `scopes = [openid, email, \"orders/read\"]`",
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for i in items {
            match &i.kind {
                ValueKind::Str(s) => out.push(Spanned::new(s.clone(), i.span)),
                ValueKind::Path(_) => {
                    let Some(w) = self.expect_word(
                        i,
                        &[
                            "openid",
                            "email",
                            "phone",
                            "profile",
                            "aws.cognito.signin.user.admin",
                        ],
                    ) else {
                        continue;
                    };
                    out.push(Spanned::new(w, i.span));
                }
                _ => self.type_error(
                    i,
                    "a scope",
                    "write a standard scope (`openid`, `email`, `phone`, `profile`) or a string",
                ),
            }
        }
        out
    }

    /// `triggers { pre_sign_up = F, ... }`: one function per trigger.
    fn pool_triggers(&mut self, body: &[ast::Member]) -> Vec<PoolTrigger> {
        let mut out: Vec<PoolTrigger> = Vec::new();
        let names: Vec<&str> = POOL_TRIGGERS.iter().map(|(w, _)| *w).collect();
        for m in body {
            let MemberKind::Property { key, value, .. } = &m.kind else {
                self.not_allowed(m, "`triggers`");
                continue;
            };
            if !names.contains(&key.name.as_str()) {
                let mut d = Diagnostic::new(
                    Code::E0222,
                    key.span,
                    format!("`{}` is not a user pool trigger", key.name),
                )
                .label("unknown trigger");
                d = match did_you_mean(&key.name, names.iter().copied()) {
                    Some(s) => d.help(format!("did you mean `{s}`?")),
                    None => d.help(format!(
                        "a user pool's triggers are {}",
                        names
                            .iter()
                            .map(|n| format!("`{n}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                };
                self.error(d);
                continue;
            }
            if let Some(first) = out.iter().find(|t| t.name.value == key.name) {
                let first = first.name.span;
                self.error(
                    Diagnostic::new(Code::E0106, key.span, format!("trigger `{}` is set twice", key.name))
                        .label("set again here")
                        .with(first, "first set here")
                        .help("Cognito invokes one function per trigger: call the others from it, or remove one"),
                );
                continue;
            }
            let Some(function) = self
                .expect_path(value)
                .and_then(|path| self.expect_ref(path, &[DeclKind::Function]))
            else {
                continue;
            };
            out.push(PoolTrigger {
                name: Spanned::new(key.name.clone(), key.span),
                function,
            });
        }
        out
    }
}
