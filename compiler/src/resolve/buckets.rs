//! Buckets and their lifecycle rules.

use super::*;
use crate::diagnostics::Code;

impl Resolver {
    pub(super) fn bucket(&mut self, d: &ast::Decl) -> Bucket {
        let mut p = Props::new(&d.body);
        let eventbridge = p
            .take("eventbridge")
            .and_then(|v| self.expect_bool(v))
            .unwrap_or(false);
        let versioning_value = p.take("versioning");
        let versioning = versioning_value
            .and_then(|v| self.expect_bool(v))
            .unwrap_or(true);
        let lifecycle = p
            .take_block("lifecycle")
            .map(|body| self.lifecycle(body))
            .unwrap_or_default();
        let old_versions = match p.take("old_versions") {
            Some(v) if !versioning => {
                let mut diag = Diagnostic::new(
                    Code::E0105,
                    v.span,
                    "`old_versions` on a bucket that keeps no versions",
                )
                .label("the bucket is not versioned");
                if let Some(off) = versioning_value {
                    diag = diag.with(off.span, "versioning turned off here");
                }
                self.error(diag.help("remove `old_versions`, or `versioning = false`"));
                None
            }
            Some(v) => self.old_versions(v),
            None if versioning => Some(OldVersions::Expire(Spanned::new(
                DEFAULT_OLD_VERSION_DAYS,
                d.name.span,
            ))),
            None => None,
        };
        let incomplete_uploads = p
            .take("incomplete_uploads")
            .and_then(|v| self.expect_days(v))
            .unwrap_or(Spanned::new(DEFAULT_INCOMPLETE_UPLOAD_DAYS, d.name.span));
        let on_delete = self.on_delete_of(&mut p, &d.name.name);
        self.traffic(&mut p, UsageAt::Decl(d.name.name.clone()));
        if let Some(size) = p
            .take("object_size")
            .and_then(|v| self.expect_size_bytes(v))
        {
            if size.value == 0 {
                self.error(
                    Diagnostic::new(Code::E0260, size.span, "an average object size of 0")
                        .label("uploaded objects hold something")
                        .help("write the average size of an uploaded object, e.g. `object_size = 2MB`"),
                );
            } else {
                self.model
                    .usage
                    .object_size
                    .insert(d.name.name.clone(), size);
            }
        }
        self.identity(&mut p, d);
        self.other_members(&d.body, "a bucket");
        p.finish(self, "a bucket");
        Bucket {
            name: d.name.name.clone(),
            span: d.name.span,
            eventbridge,
            versioning,
            on_delete,
            lifecycle,
            old_versions,
            incomplete_uploads,
        }
    }

    /// `lifecycle { NAME = { prefix, CLASS = DAYS, ..., expire } ... }`.
    fn lifecycle(&mut self, body: &[ast::Member]) -> Vec<LifecycleRule> {
        let mut rules: Vec<LifecycleRule> = Vec::new();
        for m in body {
            let MemberKind::Property { key, value, .. } = &m.kind else {
                self.not_allowed(m, "`lifecycle`");
                continue;
            };
            if let Some(first) = rules.iter().find(|r| r.name.value == key.name) {
                let first = first.name.span;
                self.error(
                    Diagnostic::new(
                        Code::E0106,
                        key.span,
                        format!("lifecycle rule `{}` is declared twice", key.name),
                    )
                    .label("declared again")
                    .with(first, "first declared here")
                    .help("give each rule its own name, or merge the two"),
                );
                continue;
            }
            let ValueKind::Record(entries) = &value.kind else {
                self.type_error(
                    value,
                    "a record",
                    "write `originals = { prefix = \"originals/\", glacier = 30d, expire = 365d }`",
                );
                continue;
            };
            let members = props::record_members(entries);
            let mut p = Props::new(&members);
            let prefix = p.take("prefix").and_then(|v| self.expect_string(v));
            let mut transitions = Vec::new();
            for (word, class) in StorageClass::WORDS {
                if let Some(days) = p.take(word).and_then(|v| self.expect_days(v)) {
                    transitions.push(Transition { class, days });
                }
            }
            // In the order written, which is the order the checks and the
            // template list them in.
            transitions.sort_by_key(|t| t.days.span.start);
            let expire = p.take("expire").and_then(|v| {
                let days = self.expect_days(v)?;
                if days.value == 0 {
                    self.error(
                        Diagnostic::new(Code::E0203, v.span, "`expire` must be at least 1 day")
                            .label("objects would expire as they are written")
                            .help("write a number of days from `1d`"),
                    );
                    return None;
                }
                Some(days)
            });
            p.finish(self, "a lifecycle rule");
            if transitions.is_empty() && expire.is_none() {
                self.error(
                    Diagnostic::new(Code::E0107, key.span, format!("lifecycle rule `{}` does nothing", key.name))
                        .label("no storage class and no `expire`")
                        .help("add when objects move, `glacier = 30d`, or when they expire, `expire = 365d`"),
                );
                continue;
            }
            rules.push(LifecycleRule {
                name: Spanned::new(key.name.clone(), key.span),
                prefix: prefix.map(|p| p.value),
                transitions,
                expire,
                span: m.span,
            });
        }
        rules
    }

    /// `old_versions = 30d` or `old_versions = keep { reason = "..." }`.
    fn old_versions(&mut self, v: &ast::Value) -> Option<OldVersions> {
        let no_reason = |r: &mut Resolver, span: Span| {
            r.error(
                Diagnostic::new(Code::E0274, span, "old versions kept for ever without saying why")
                    .label("no reason")
                    .help("write `keep { reason = \"...\" }` with why every old version must stay, or a number of days, `old_versions = 90d`"),
            );
        };
        match &v.kind {
            ValueKind::Tagged(tag, body) if tag.name == "keep" => {
                let mut p = Props::new(body);
                let reason = p.take("reason").and_then(|r| self.expect_string(r));
                self.other_members(body, "`keep`");
                p.finish(self, "`keep`");
                match reason {
                    Some(r) if !r.value.trim().is_empty() => Some(OldVersions::Keep(r)),
                    Some(r) => {
                        no_reason(self, r.span);
                        None
                    }
                    None => {
                        no_reason(self, v.span);
                        None
                    }
                }
            }
            ValueKind::Path(p) if p.parts.len() == 1 && p.parts[0].name == "keep" => {
                no_reason(self, v.span);
                None
            }
            _ => {
                let days = self.expect_days(v)?;
                if days.value == 0 {
                    self.error(
                        Diagnostic::new(Code::E0203, v.span, "`old_versions` must be at least 1 day")
                            .label("versions would go as soon as they are replaced")
                            .help("write `old_versions = 1d` or more, or `versioning = false` to keep no versions"),
                    );
                    return None;
                }
                Some(OldVersions::Expire(days))
            }
        }
    }
}
