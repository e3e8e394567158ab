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
        if let Some(share) = p.take("passes").and_then(|v| self.expect_share(v)) {
            self.model.usage.passes.insert(d.name.name.clone(), share);
        }
        self.identity(&mut p, d);
        p.finish(self, "a rule");
        let mut event = None;
        let mut filter = None;
        let mut targets = Vec::new();
        let mut inputs = Vec::new();
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
                    // `match any`: every event on the bus, filtered on its
                    // envelope (`source`, `account`, ...) rather than typed
                    // as one declared event.
                    let any = e.parts.len() == 1
                        && e.head().name == "any"
                        && !self.symbols.contains_key("any");
                    event = if any {
                        Some(None)
                    } else {
                        self.expect_ref(e, &[DeclKind::Event]).map(Some)
                    };
                    filter = f.as_ref().map(|f| self.filter(f, true));
                }
                MemberKind::SendTo { target, body } => {
                    self.other_members(body, "a rule target");
                    let mut tp = Props::new(body);
                    let input = tp.take("input").and_then(|v| self.input_transform(v));
                    tp.finish(self, "a rule target");
                    if let Some(r) = self.expect_ref(
                        target,
                        &[
                            DeclKind::Function,
                            DeclKind::Queue,
                            DeclKind::Topic,
                            DeclKind::Bus,
                            DeclKind::StateMachine,
                        ],
                    ) {
                        if let Some(i) = input {
                            if !inputs.iter().any(|(n, _)| *n == r.name) {
                                inputs.push((r.name.clone(), i));
                            }
                        }
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
                    "add `match EventName where field = value` to say which events the rule routes (or `match any where source = \"...\"` for events of no declared type)",
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
            targets,
            inputs,
            retry,
            dead_letter: dead_letter.to,
            drops_failures: dead_letter.dropped,
        })
    }

    /// `input = { key = detail.field | "literal", ... }` of a rule target.
    pub(super) fn input_transform(&mut self, v: &ast::Value) -> Option<InputTransform> {
        let ValueKind::Record(entries) = &v.kind else {
            self.type_error(
                v,
                "a record",
                "write `input = { orderId = detail.orderId, kind = \"order\" }`",
            );
            return None;
        };
        let mut out: Vec<(Spanned<String>, InputValue)> = Vec::new();
        for (key, value) in entries {
            if let Some((first, _)) = out.iter().find(|(k, _)| k.value == key.name) {
                let first = first.span;
                self.set_twice(&key.name, key.span, first);
                continue;
            }
            let taken = match &value.kind {
                ValueKind::Path(p) => InputValue::Path(FieldPath {
                    parts: p
                        .parts
                        .iter()
                        .map(|i| Spanned::new(i.name.clone(), i.span))
                        .collect(),
                }),
                ValueKind::Str(s) => InputValue::Literal(serde_json::json!(s), value.span),
                ValueKind::Int(i) => InputValue::Literal(serde_json::json!(i), value.span),
                ValueKind::Number(n) => InputValue::Literal(serde_json::json!(n), value.span),
                ValueKind::Bool(b) => InputValue::Literal(serde_json::json!(b), value.span),
                _ => {
                    self.type_error(
                        value,
                        "a field of the event or a literal",
                        "write a field such as `detail.orderId`, or a string, number or boolean",
                    );
                    continue;
                }
            };
            out.push((Spanned::new(key.name.clone(), key.span), taken));
        }
        Some(InputTransform {
            entries: out,
            span: v.span,
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
        let target = self.expect_ref(target, &[DeclKind::Function, DeclKind::StateMachine]);
        let kind = match expr {
            ScheduleExpr::Every(v) => ScheduleKind::Rate(self.rate(v)?),
            ScheduleExpr::Cron(s) => ScheduleKind::Cron(Spanned::new(s.value.clone(), s.span)),
        };
        let mut p = Props::new(&d.body);
        let (retry, dead_letter) = self.delivery(&mut p);
        let window = p.take("window").and_then(|v| self.expect_seconds(v));
        let timezone = p.take("timezone").and_then(|v| self.expect_string(v));
        let input = p.take("input").and_then(|v| match &v.kind {
            ValueKind::Record(_) => self
                .literal_json(v)
                .map(|j| Spanned::new(j, v.span)),
            _ => {
                self.type_error(
                    v,
                    "a record",
                    "write the JSON the function receives, e.g. `input = { job = \"cleanup\", dryRun = false }`",
                );
                None
            }
        });
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
            input,
        })
    }

    /// A literal value as JSON: strings, numbers, booleans, and lists and
    /// records of them (keys as written). None, with a diagnostic, for
    /// anything else (a name, a duration, ...), which has no JSON form.
    fn literal_json(&mut self, v: &ast::Value) -> Option<serde_json::Value> {
        use serde_json::Value as J;
        Some(match &v.kind {
            ValueKind::Str(s) => J::String(s.clone()),
            ValueKind::Int(i) => J::from(*i),
            ValueKind::Number(n) => serde_json::Number::from_f64(*n).map_or(J::Null, J::Number),
            ValueKind::Bool(b) => J::Bool(*b),
            ValueKind::List(items) => J::Array(
                items
                    .iter()
                    .map(|i| self.literal_json(i))
                    .collect::<Option<_>>()?,
            ),
            ValueKind::Record(entries) => {
                let mut out = serde_json::Map::new();
                for (k, item) in entries {
                    if out.contains_key(&k.name) {
                        let first = entries
                            .iter()
                            .find(|(f, _)| f.name == k.name)
                            .map(|(f, _)| f.span);
                        self.set_twice(&k.name, k.span, first.unwrap_or(k.span));
                        continue;
                    }
                    let item = self.literal_json(item)?;
                    out.insert(k.name.clone(), item);
                }
                J::Object(out)
            }
            _ => {
                self.type_error(
                    v,
                    "a JSON value",
                    "write a string, number, boolean, list or record",
                );
                return None;
            }
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

    /// Lowers a `where` filter into the model. `attributes`: whether a
    /// value may name a resource attribute (`bucket.name = Uploads.name`),
    /// as in a rule's pattern; an SNS filter policy holds literals only, so
    /// in a subscription such a name stays "a name", which the pattern
    /// check reports against the field's type. Other names are left to it
    /// too.
    pub(super) fn filter(&mut self, e: &ast::Expr, attributes: bool) -> Filter {
        let kind = match &e.kind {
            ast::ExprKind::And(items) => {
                FilterKind::And(items.iter().map(|i| self.filter(i, attributes)).collect())
            }
            ast::ExprKind::Or(items) => {
                FilterKind::Or(items.iter().map(|i| self.filter(i, attributes)).collect())
            }
            ast::ExprKind::Cond(c) => {
                let text = |s: &ast::Str| Spanned::new(s.value.clone(), s.span);
                let test = match &c.test {
                    ast::Test::Compare(op, v, ignore_case) => {
                        FieldTest::Compare(*op, self.operand(v, attributes), *ignore_case)
                    }
                    ast::Test::In { negated, values } => FieldTest::In {
                        negated: *negated,
                        values: values.iter().map(|v| self.operand(v, attributes)).collect(),
                    },
                    ast::Test::Exists(b) => FieldTest::Exists(*b),
                    ast::Test::Prefix {
                        negated,
                        text: t,
                        ignore_case,
                    } => FieldTest::Prefix {
                        negated: *negated,
                        text: text(t),
                        ignore_case: *ignore_case,
                    },
                    ast::Test::Suffix {
                        negated,
                        text: t,
                        ignore_case,
                    } => FieldTest::Suffix {
                        negated: *negated,
                        text: text(t),
                        ignore_case: *ignore_case,
                    },
                    ast::Test::Wildcard { negated, text: t } => FieldTest::Wildcard {
                        negated: *negated,
                        text: text(t),
                    },
                    ast::Test::Cidr(t) => FieldTest::Cidr(text(t)),
                };
                FilterKind::Cond(Condition {
                    field: FieldPath {
                        parts: c
                            .field
                            .parts
                            .iter()
                            .map(|p| Spanned::new(p.name.clone(), p.span))
                            .collect(),
                    },
                    test,
                    op_span: c.op_span,
                })
            }
        };
        Filter { kind, span: e.span }
    }

    /// A value a filter compares with. A dotted name whose head is a
    /// declaration is resolved as a resource attribute (reporting a wrong
    /// kind or attribute) when `attributes` allows them.
    fn operand(&mut self, v: &ast::Value, attributes: bool) -> Operand {
        let kind = match &v.kind {
            ValueKind::Str(s) => OperandKind::Str(s.clone()),
            ValueKind::Int(i) => OperandKind::Int(*i),
            ValueKind::Number(n) => OperandKind::Number(*n),
            ValueKind::Bool(b) => OperandKind::Bool(*b),
            ValueKind::Path(path)
                if attributes
                    && path.parts.len() >= 2
                    && self.symbols.contains_key(&path.head().name) =>
            {
                match self.attr(path) {
                    Some((r, a)) => OperandKind::Attr(r, a),
                    None => OperandKind::Other(v.kind.describe()),
                }
            }
            other => OperandKind::Other(other.describe()),
        };
        Operand { kind, span: v.span }
    }
}

#[cfg(test)]
mod tests {
    use crate::ast::{CmpOp, DeclKind};
    use crate::model::{Attr, FieldTest, Filter, FilterKind, Model, OperandKind};
    use crate::{compile_source, CheckOptions, Date};

    fn model(text: &str) -> Model {
        let opts = CheckOptions::new(Date::parse("2026-11-23").unwrap());
        compile_source("t.sls", None, text.to_string(), opts).model
    }

    /// The operands of the conditions of a filter, in order.
    fn operands(f: &Filter) -> Vec<&OperandKind> {
        match &f.kind {
            FilterKind::And(items) | FilterKind::Or(items) => {
                items.iter().flat_map(operands).collect()
            }
            FilterKind::Cond(c) => match &c.test {
                FieldTest::Compare(_, v, _) => vec![&v.kind],
                FieldTest::In { values, .. } => values.iter().map(|v| &v.kind).collect(),
                _ => Vec::new(),
            },
        }
    }

    #[test]
    fn a_rule_filter_lowers_a_resource_attribute_to_attr() {
        let m = model(
            "use aws.s3\nbucket Uploads { eventbridge = true }\nqueue Q\n\
             rule R on default { match aws.s3.ObjectCreated where bucket.name = Uploads.name and object.size > 10 and object.key in [\"a\", Q.url] send to Q }\n",
        );
        let filter = m.rules[0].filter.as_ref().expect("a filter");
        let FilterKind::And(items) = &filter.kind else {
            panic!("{filter:?}")
        };
        let FilterKind::Cond(c) = &items[0].kind else {
            panic!("{:?}", items[0])
        };
        assert_eq!(c.field.text(), "bucket.name");
        let FieldTest::Compare(CmpOp::Eq, v, false) = &c.test else {
            panic!("{:?}", c.test)
        };
        let OperandKind::Attr(r, Attr::Name) = &v.kind else {
            panic!("{:?}", v.kind)
        };
        assert_eq!((r.kind, r.name.as_str()), (DeclKind::Bucket, "Uploads"));
        assert!(matches!(
            operands(filter)[..],
            [
                OperandKind::Attr(..),
                OperandKind::Int(10),
                OperandKind::Str(_),
                OperandKind::Attr(_, Attr::Url)
            ]
        ));
        let compared: Vec<(&str, Attr)> = filter
            .attrs()
            .into_iter()
            .map(|(r, a)| (r.name.as_str(), a))
            .collect();
        assert_eq!(compared, [("Uploads", Attr::Name), ("Q", Attr::Url)]);
    }

    #[test]
    fn other_values_are_lowered_to_what_they_are() {
        // In a subscription a resource attribute stays a name: an SNS
        // filter policy cannot hold a value known only once deployed.
        let m = model(
            "queue Q\ntopic T { subscribe Q where a = Q.url or b = 1.5 or c = true or d = 30s or e = x }\n",
        );
        let filter = m.topics[0].subscriptions[0].filter.as_ref().unwrap();
        let kinds: Vec<&str> = operands(filter).iter().map(|o| o.describe()).collect();
        assert_eq!(
            kinds,
            ["a name", "a number", "a boolean", "a duration", "a name"]
        );
        assert!(filter.attrs().is_empty());
    }
}
