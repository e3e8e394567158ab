//! Names that only make sense once every declaration is read: logical-ID
//! collisions and unused declarations.

use super::*;
use crate::diagnostics::Code;

impl Resolver {
    /// E0109: two declarations whose logical IDs would be equal, directly or
    /// through a derived resource (`Fn` + `Role` against a declared `FnRole`).
    pub(super) fn logical_ids(&mut self, decls: &[&ast::Decl]) {
        let mut seen: HashMap<String, (String, Span)> = HashMap::new();
        for d in decls {
            if matches!(d.kind, DeclKind::App | DeclKind::Type | DeclKind::Event) {
                continue;
            }
            if self.symbols.get(&d.name.name).map(|s| s.span) != Some(d.name.span) {
                continue;
            }
            let id = crate::naming::ids::logical(&d.name.name);
            if id.is_empty() {
                self.error(
                    Diagnostic::new(Code::E0109, d.name.span, format!("`{}` has no letter or digit to make a logical ID from", d.name.name))
                        .label("empty logical ID")
                        .help("logical IDs keep only letters and digits: give the declaration a name with some"),
                );
                continue;
            }
            if self.model.customer_key && id == crate::naming::KEY {
                self.error(
                    Diagnostic::new(Code::E0109, d.name.span, format!("`{}` has the logical ID of the app's KMS key", d.name.name))
                        .label("same logical ID as the app's key")
                        .help("rename the declaration: `EncryptionKey` is the key that encrypts the app's resources"),
                );
                continue;
            }
            if let Some((other, span)) = seen.get(&id) {
                let (other, span) = (other.clone(), *span);
                self.error(
                    Diagnostic::new(Code::E0109, d.name.span, format!("`{}` and `{other}` both become the logical ID `{id}`", d.name.name))
                        .label("same logical ID")
                        .with(span, format!("`{other}` declared here"))
                        .help("rename one of them: logical IDs drop `_` and `-` and capitalise the next letter"),
                );
                continue;
            }
            seen.insert(id, (d.name.name.clone(), d.name.span));
        }
        // Bucket names are global: two declarations must not share the
        // prefix their physical names are built from.
        let mut prefixes: HashMap<String, (String, Span)> = HashMap::new();
        // Buckets already reported for their logical ID are not reported
        // again for their physical name.
        let reported: HashSet<Span> = self
            .diags
            .iter()
            .filter(|d| d.code == "E0109")
            .map(|d| d.span)
            .collect();
        let buckets: Vec<(String, Span)> = self
            .model
            .buckets
            .iter()
            .map(|b| (b.name.clone(), b.span))
            .collect();
        for (name, span) in buckets.iter().filter(|(_, s)| !reported.contains(s)) {
            let prefix = crate::naming::refs::bucket_prefix(name);
            match prefixes.get(&prefix) {
                Some((other, first)) => {
                    let (other, first) = (other.clone(), *first);
                    self.error(
                        Diagnostic::new(Code::E0109, *span, format!("buckets `{}` and `{other}` would get the same physical name `{prefix}-...`", name))
                            .label("same bucket name prefix")
                            .with(first, format!("`{other}` declared here"))
                            .help("bucket names are lower-cased and cut to 26 characters: rename one so that they differ"),
                    );
                }
                None => {
                    prefixes.insert(prefix, (name.to_string(), *span));
                }
            }
        }
        // Queues with a dead-letter queue get fixed names (their first 38
        // characters and the stack's UUID): two must not share them.
        let mut queue_names: HashMap<String, (String, Span)> = HashMap::new();
        let named: Vec<(String, Span)> = self
            .model
            .queues
            .iter()
            .filter(|q| q.dead_letter.is_some() && !reported.contains(&q.span))
            .map(|q| (q.name.clone(), q.span))
            .collect();
        for (name, span) in &named {
            let prefix = crate::naming::refs::queue_prefix(name);
            if let Some((other, first)) = queue_names.get(&prefix).cloned() {
                self.error(
                    Diagnostic::new(
                        Code::E0109,
                        *span,
                        format!(
                            "queues `{name}` and `{other}` would get the same name `{prefix}-...`"
                        ),
                    )
                    .label("same queue name prefix")
                    .with(first, format!("`{other}` declared here"))
                    .help("queue names are cut to 38 characters: rename one so that they differ"),
                );
            } else {
                queue_names.insert(prefix, (name.clone(), *span));
            }
        }
        for d in decls {
            let base = crate::naming::ids::logical(&d.name.name);
            let published = d.body.iter().any(|m| {
                matches!(&m.kind, MemberKind::Property { key, value, .. }
                    if key.name == "snap_start" && matches!(value.kind, ValueKind::Bool(true)))
            });
            // The alias a function publishes behind: its own, else `live`
            // with SnapStart.
            let alias = d.body.iter().find_map(|m| match &m.kind {
                MemberKind::Property { key, value, .. } if key.name == "alias" => match &value.kind
                {
                    ValueKind::Path(p) if p.parts.len() == 1 => Some(p.parts[0].name.clone()),
                    _ => None,
                },
                _ => None,
            });
            let alias = alias.or_else(|| published.then(|| crate::naming::ids::ALIAS.to_string()));
            for suffix in crate::naming::ids::derived_suffixes(d.kind, alias.as_deref()) {
                if let Some((other, span)) = seen.get(&format!("{base}{suffix}")) {
                    let (other, span) = (other.clone(), *span);
                    self.error(
                        Diagnostic::new(
                            Code::E0109,
                            span,
                            format!(
                                "`{other}` has the logical ID of {} `{}`'s {}",
                                d.kind.keyword(),
                                d.name.name,
                                suffix.to_lowercase()
                            ),
                        )
                        .label(format!("same logical ID as `{base}{suffix}`"))
                        .with(
                            d.name.span,
                            format!("the {} is declared here", d.kind.keyword()),
                        )
                        .help(format!("rename `{other}`")),
                    );
                }
            }
        }
    }

    pub(super) fn unused(&mut self, decls: &[&ast::Decl]) {
        // A function with an `on` member is triggered, even if the trigger
        // itself did not resolve (that error is reported already).
        let triggered: HashSet<&str> = decls
            .iter()
            .filter(|d| {
                d.kind == DeclKind::Function
                    && d.body
                        .iter()
                        .any(|m| matches!(m.kind, MemberKind::On { .. }))
            })
            .map(|d| d.name.name.as_str())
            .collect();
        let eventbridge_buckets: HashSet<&str> = self
            .model
            .buckets
            .iter()
            .filter(|b| b.eventbridge)
            .map(|b| b.name.as_str())
            .collect();
        // `external = true`: used from outside the spec.
        let externals = self.model.externals();
        let external: HashSet<&str> = externals.iter().map(|(_, name, _)| *name).collect();
        let mut warnings = Vec::new();
        for d in decls {
            let Some(sym) = self.symbols.get(&d.name.name) else {
                continue;
            };
            if external.contains(d.name.name.as_str()) {
                continue;
            }
            if sym.span != d.name.span || sym.quiet || self.used.contains(&d.name.name) {
                continue;
            }
            let what = match d.kind {
                DeclKind::App
                | DeclKind::Api
                | DeclKind::Rule
                | DeclKind::Schedule
                | DeclKind::Pipe => continue,
                DeclKind::ScheduleGroup => "no state machine creates schedules in it",
                DeclKind::Layer => "no function runs with it",
                // It watches a function for its own sake, like an app's
                // outputs.
                DeclKind::Alarm => continue,
                // Users sign in to a pool from apps outside the spec.
                DeclKind::UserPool => continue,
                DeclKind::Function if triggered.contains(d.name.name.as_str()) => continue,
                DeclKind::Function => "nothing invokes or triggers it",
                DeclKind::StateMachine => "nothing starts it",
                // Its events reach EventBridge whether or not a rule here
                // names the bucket.
                DeclKind::Bucket if eventbridge_buckets.contains(d.name.name.as_str()) => continue,
                DeclKind::Type | DeclKind::Event => "nothing refers to it",
                DeclKind::Param => "no string references it",
                DeclKind::Condition => "no declaration or property depends on it",
                // Created for what it does itself, like an app's outputs.
                DeclKind::Resource => continue,
                _ => "no function or rule uses it",
            };
            warnings.push(
                Diagnostic::new(
                    Code::W0104,
                    d.name.span,
                    format!("{} `{}` is never used", d.kind.keyword(), d.name.name),
                )
                .label(what)
                .help("use it, or remove the declaration"),
            );
        }
        self.diags.extend(warnings);
    }
}
