//! Rules and schedules, with their retry policies and dead-letter queues.

use super::*;
use crate::diagnostics::Code;

impl Resolver {
    pub(super) fn rule(&mut self, d: &ast::Decl) -> Option<Rule> {
        let bus = match &d.header {
            Header::Rule { bus } => self.expect_ref(bus, &[DeclKind::Bus]),
            _ => None,
        };
        let mut p = Props::new(&d.body);
        let (retry, dead_letter) = self.delivery(&mut p);
        self.identity(&mut p, d);
        p.finish(self, "a rule");
        let mut event = None;
        let mut filter = None;
        let mut filter_refs = Vec::new();
        let mut targets = Vec::new();
        let mut seen_match: Option<Span> = None;
        for m in &d.body {
            match &m.kind {
                MemberKind::Property { .. } | MemberKind::Block { .. } => {}
                MemberKind::Match {
                    event: e,
                    filter: f,
                } => {
                    if let Some(prev) = seen_match {
                        self.error(
                            Diagnostic::new(Code::E0106, m.span, "a rule has one `match`")
                                .label("second `match`")
                                .with(prev, "first `match` here")
                                .help("combine the conditions with `or`, or declare a second rule"),
                        );
                        continue;
                    }
                    seen_match = Some(m.span);
                    event = self.expect_ref(e, &[DeclKind::Event]);
                    filter = f.clone();
                    if let Some(f) = f {
                        self.filter_refs(f, &mut filter_refs);
                    }
                }
                MemberKind::SendTo { target, body } => {
                    self.other_members(body, "a rule target");
                    Props::new(body).finish(self, "a rule target");
                    if let Some(r) = self.expect_ref(
                        target,
                        &[DeclKind::Function, DeclKind::Queue, DeclKind::Topic],
                    ) {
                        if self.repeated(&targets, &r, "a target of this rule") {
                            continue;
                        }
                        targets.push(r);
                    }
                }
                _ => self.not_allowed(m, "a rule"),
            }
        }
        if seen_match.is_none() {
            self.error(
                Diagnostic::new(
                    Code::E0107,
                    d.name.span,
                    format!("rule `{}` has no `match`", d.name.name),
                )
                .label("missing `match`")
                .help(
                    "add `match EventName where field = value` to say which events the rule routes",
                ),
            );
        }
        if targets.is_empty() {
            self.error(
                Diagnostic::new(
                    Code::E0107,
                    d.name.span,
                    format!("rule `{}` has no target", d.name.name),
                )
                .label("missing `send to`")
                .help("add `send to Name` with a function, queue or topic"),
            );
        }
        Some(Rule {
            name: d.name.name.clone(),
            span: d.name.span,
            bus: bus.filter(|b| b.name != "default"),
            event: event?,
            filter,
            filter_refs,
            targets,
            retry,
            dead_letter: dead_letter.to,
            drops_failures: dead_letter.dropped,
        })
    }

    /// `retry { attempts, max_age }` and `dead_letter = Q` (or
    /// `dead_letter = drop { reason = "..." }`) of rules and schedules.
    pub(super) fn delivery(&mut self, p: &mut Props) -> (RetryPolicy, FailureTarget) {
        let mut retry = RetryPolicy::default();
        if let Some(body) = p.take_block("retry") {
            let mut rp = Props::new(body);
            retry.attempts = rp.take("attempts").and_then(|v| self.expect_int(v));
            retry.max_age = rp.take("max_age").and_then(|v| self.expect_seconds(v));
            self.other_members(body, "`retry`");
            rp.finish(self, "`retry`");
        }
        let dead_letter = p
            .take("dead_letter")
            .map(|v| self.failure_target(v, &[DeclKind::Queue], "`dead_letter`"))
            .unwrap_or_default();
        (retry, dead_letter)
    }

    pub(super) fn schedule(&mut self, d: &ast::Decl) -> Option<Schedule> {
        let Header::Schedule { expr, target } = &d.header else {
            return None;
        };
        // The target first: an invalid rate must not make it look unused.
        let target = self.expect_ref(target, &[DeclKind::Function]);
        let kind = match expr {
            ScheduleExpr::Every(v) => ScheduleKind::Rate(self.rate(v)?),
            ScheduleExpr::Cron(s) => ScheduleKind::Cron(Spanned::new(s.value.clone(), s.span)),
        };
        let mut p = Props::new(&d.body);
        let (retry, dead_letter) = self.delivery(&mut p);
        let window = p.take("window").and_then(|v| self.expect_seconds(v));
        let timezone = p.take("timezone").and_then(|v| self.expect_string(v));
        self.other_members(&d.body, "a schedule");
        self.identity(&mut p, d);
        p.finish(self, "a schedule");
        Some(Schedule {
            name: d.name.name.clone(),
            span: d.name.span,
            kind,
            target: target?,
            retry,
            dead_letter: dead_letter.to,
            drops_failures: dead_letter.dropped,
            window,
            timezone,
        })
    }

    /// `every 5m` as `rate(5 minutes)`: whole minutes, hours or days.
    pub(super) fn rate(&mut self, v: &ast::Value) -> Option<Spanned<String>> {
        let ValueKind::Duration(n, unit) = v.kind else {
            return None;
        };
        let (n, word) = match unit {
            ast::TimeUnit::Days => (n, "day"),
            ast::TimeUnit::Hours => (n, "hour"),
            ast::TimeUnit::Minutes => (n, "minute"),
            ast::TimeUnit::Seconds if n % 60 == 0 && n > 0 => (n / 60, "minute"),
            _ => {
                self.error(
                    Diagnostic::new(
                        Code::E0207,
                        v.span,
                        "a schedule runs at most once a minute, in whole minutes",
                    )
                    .label("not a whole number of minutes")
                    .help("write the interval in minutes, hours or days, e.g. `every 5m`"),
                );
                return None;
            }
        };
        if n == 0 {
            self.error(
                Diagnostic::new(
                    Code::E0207,
                    v.span,
                    "a schedule interval must be at least one minute",
                )
                .label("zero interval")
                .help("write e.g. `every 1m`"),
            );
            return None;
        }
        let plural = if n == 1 { "" } else { "s" };
        Some(Spanned::new(format!("rate({n} {word}{plural})"), v.span))
    }

    /// Resolves the resource attributes a filter compares with
    /// (`bucket.name = Uploads.name`); other names are left to the pattern
    /// check, which reports them against the field's type.
    fn filter_refs(&mut self, e: &ast::Expr, out: &mut Vec<(Span, Ref, Attr)>) {
        match &e.kind {
            ast::ExprKind::And(items) | ast::ExprKind::Or(items) => {
                for i in items {
                    self.filter_refs(i, out);
                }
            }
            ast::ExprKind::Cond(c) => {
                let values: Vec<&ast::Value> = match &c.test {
                    ast::Test::Compare(_, v, _) => vec![v],
                    ast::Test::In { values, .. } => values.iter().collect(),
                    _ => Vec::new(),
                };
                for v in values {
                    if let ValueKind::Path(path) = &v.kind {
                        if path.parts.len() >= 2 && self.symbols.contains_key(&path.head().name) {
                            if let Some((r, a)) = self.attr(path) {
                                out.push((v.span, r, a));
                            }
                        }
                    }
                }
            }
        }
    }
}
