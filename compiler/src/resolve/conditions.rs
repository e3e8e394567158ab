//! Deploy-time conditions: `condition C = ...` declarations, `when = C` on
//! declarations, and `key = value if C [else other]` on properties.
//!
//! A condition tests template parameters, so it is decided when the stack
//! is deployed. Here the names are resolved and what can be known now is
//! checked: a test of a parameter against a value it can never take
//! (E0117), conditions defined through each other (E0118), and `if` where
//! slsc cannot leave the property out (E0116).

use super::props::Props;
use super::*;
use crate::diagnostics::Code;
use crate::model::{Cond, CondOperand, ConditionDef, DestIf, PropCond};

/// Properties that may be set under a condition, by declaration kind:
/// those whose absence AWS fills in (a generated name, no description, no
/// table stream). `else` is allowed on the text ones.
fn conditional(kind: DeclKind, key: &str) -> Option<bool> {
    // A state machine's name is built into ARNs (`answers`), and its
    // description is its definition's `Comment`, where no `Fn::If` goes.
    let machine = kind == DeclKind::StateMachine;
    match key {
        "name" if super::named(kind) && !machine => Some(true),
        "description" if super::described(kind) && !machine => Some(true),
        "stream" if kind == DeclKind::Table => Some(false),
        _ => None,
    }
}

/// What a function's `on_failure` may name.
pub(super) fn on_failure_kinds() -> &'static [DeclKind] {
    &[
        DeclKind::Queue,
        DeclKind::Topic,
        DeclKind::Function,
        DeclKind::Bus,
        DeclKind::Bucket,
    ]
}

impl Resolver {
    /// `on_success = A if C [else B]` (or `on_failure`) in a function's
    /// `body`: the condition, the one that holds where it does not, and B.
    /// B is of the kind of A: SAM names the destination's type once.
    pub(super) fn destination_if(
        &mut self,
        body: &[ast::Member],
        key: &str,
        kinds: &[DeclKind],
    ) -> Option<DestIf> {
        let (value, w) = body.iter().find_map(|m| match &m.kind {
            MemberKind::Property {
                key: k,
                value,
                when: Some(w),
            } if k.name == key => Some((value, w)),
            _ => None,
        })?;
        // `drop { ... } if C` would leave the other destination unset.
        if !matches!(value.kind, ValueKind::Path(_)) {
            self.error(
                Diagnostic::new(Code::E0116, w.span, format!("only a destination can be chosen for `{key}`"))
                    .label("a condition on something that is not a destination")
                    .help(format!("write `{key} = A if C else B` with two destinations, or one value without `if`")),
            );
            return None;
        }
        let cond = self
            .lookup(&w.cond.head().name, w.cond.span, &[DeclKind::Condition])
            .map(|_| Spanned::new(w.cond.head().name.clone(), w.cond.span))?;
        let otherwise = match &w.otherwise {
            Some(o) => {
                let r = self
                    .expect_path(o)
                    .and_then(|path| self.expect_ref(path, kinds))?;
                let first = match &value.kind {
                    ValueKind::Path(p) => self.symbols.get(&p.head().name).map(|s| s.kind),
                    _ => None,
                };
                if first.is_some_and(|k| k != r.kind) {
                    self.error(
                        Diagnostic::new(
                            Code::E0116,
                            o.span,
                            format!("`{key}` is {} or {}", first.map_or("?".into(), |k| k.article()), r.kind.article()),
                        )
                        .label(format!("{} here", r.kind.article()))
                        .with(value.span, "the destination where the condition holds")
                        .help("choose between destinations of one kind (two queues, two topics, ...): SAM writes the destination's type once"),
                    );
                    return None;
                }
                Some(r)
            }
            None => None,
        };
        // Only an `else` destination needs the negation (an unused
        // condition is a cfn-lint warning).
        let negation = if otherwise.is_some() {
            self.negation_of(&cond.value)
        } else {
            String::new()
        };
        Some(DestIf {
            cond,
            negation,
            otherwise,
        })
    }

    /// The name of a condition that holds exactly where `cond` does not: a
    /// declared `not cond`, or one added to the model.
    fn negation_of(&mut self, cond: &str) -> String {
        let not = Cond::Not(Box::new(Cond::Ref(cond.to_string())));
        if let Some(c) = self.model.conditions.iter().find(|c| c.expr == not) {
            let name = c.name.clone();
            self.used.insert(name.clone());
            return name;
        }
        let mut name = format!("Not{cond}");
        while self.symbols.contains_key(&name)
            || self.model.conditions.iter().any(|c| c.name == name)
        {
            name.push('X');
        }
        // Declared after the others (it is not in `order`): only the
        // template's `Conditions` shows it.
        self.model.extra_conditions.push(ConditionDef {
            name: name.clone(),
            span: Span::default(),
            expr: not,
        });
        name
    }

    /// `condition NAME = EXPR`.
    pub(super) fn condition(&mut self, d: &ast::Decl) -> ConditionDef {
        let expr = match &d.header {
            Header::Condition { expr } => self.cond(expr),
            _ => Cond::And(Vec::new()),
        };
        ConditionDef {
            name: d.name.name.clone(),
            span: d.name.span,
            expr,
        }
    }

    fn cond(&mut self, e: &ast::CondExpr) -> Cond {
        match e {
            ast::CondExpr::Or(parts) => Cond::Or(parts.iter().map(|p| self.cond(p)).collect()),
            ast::CondExpr::And(parts) => Cond::And(parts.iter().map(|p| self.cond(p)).collect()),
            ast::CondExpr::Not(inner) => Cond::Not(Box::new(self.cond(inner))),
            ast::CondExpr::Ref(path) => {
                self.lookup(&path.head().name, path.span, &[DeclKind::Condition]);
                Cond::Ref(path.head().name.clone())
            }
            ast::CondExpr::Equals {
                left,
                right,
                negated,
                ..
            } => {
                let test = Cond::Equals(self.cond_operand(left), self.cond_operand(right));
                // `Env == "prod"` or `"prod" == Env`.
                match (left, right) {
                    (ast::CondOperand::Param(p), other) | (other, ast::CondOperand::Param(p)) => {
                        self.cond_tests.push((p.clone(), vec![other.clone()]));
                    }
                    _ => {}
                }
                if *negated {
                    Cond::Not(Box::new(test))
                } else {
                    test
                }
            }
            ast::CondExpr::In {
                operand,
                values,
                span,
            } => {
                if values.is_empty() {
                    self.error(
                        Diagnostic::new(Code::E0117, *span, "`in []` never holds")
                            .label("an empty list")
                            .help("list the values the operand may equal: `Stage in [\"dev\", \"test\"]`"),
                    );
                }
                let tested = self.cond_operand(operand);
                let tests: Vec<Cond> = values
                    .iter()
                    .map(|v| Cond::Equals(tested.clone(), self.cond_operand(v)))
                    .collect();
                if let ast::CondOperand::Param(p) = operand {
                    self.cond_tests.push((p.clone(), values.clone()));
                }
                match tests.len() {
                    1 => tests.into_iter().next().expect("one test"),
                    _ => Cond::Or(tests),
                }
            }
        }
    }

    fn cond_operand(&mut self, o: &ast::CondOperand) -> CondOperand {
        match o {
            ast::CondOperand::Param(path) => {
                self.lookup(&path.head().name, path.span, &[DeclKind::Param]);
                CondOperand::Param(path.head().name.clone())
            }
            ast::CondOperand::Text(s) => {
                self.references(&s.value, s.span);
                CondOperand::Text(s.value.clone())
            }
        }
    }

    /// Once every declaration is resolved: E0117 for each test decided
    /// before deploying, E0118 for conditions defined through each other.
    pub(super) fn check_conditions(&mut self) {
        for (path, values) in std::mem::take(&mut self.cond_tests) {
            self.never_equal(&path, &values);
        }
        self.condition_cycles();
    }

    /// E0118: a condition that needs itself (CloudFormation rejects the
    /// template).
    fn condition_cycles(&mut self) {
        let by_name: HashMap<&str, &Cond> = self
            .model
            .conditions
            .iter()
            .map(|c| (c.name.as_str(), &c.expr))
            .collect();
        let mut found = Vec::new();
        for c in &self.model.conditions {
            // Depth-first from `c`, looking for `c` again.
            let mut stack: Vec<(&str, Vec<&str>)> = refs_of(&c.expr)
                .into_iter()
                .map(|r| (r, vec![c.name.as_str(), r]))
                .collect();
            let mut seen = HashSet::new();
            while let Some((at, trail)) = stack.pop() {
                if at == c.name {
                    found.push((c.span, trail.join(" -> ")));
                    break;
                }
                if !seen.insert(at) {
                    continue;
                }
                if let Some(e) = by_name.get(at) {
                    for r in refs_of(e) {
                        let mut t = trail.clone();
                        t.push(r);
                        stack.push((r, t));
                    }
                }
            }
        }
        for (span, trail) in found {
            self.error(
                Diagnostic::new(Code::E0118, span, "this condition depends on itself")
                    .label(trail)
                    .help("define it from parameters, or from conditions that do not refer back to it"),
            );
        }
    }

    /// E0117: `P == "x"` (or `P in [...]`) where `P` has `allowed` values
    /// and none of the compared texts is one: the test is decided before
    /// deploying, so the condition is a mistake (a typo, a value the
    /// parameter stopped allowing).
    fn never_equal(&mut self, path: &ast::Path, values: &[ast::CondOperand]) {
        // `in []` is reported as such.
        if values.is_empty() {
            return;
        }
        let Some(allowed) = self.allowed_of(&path.head().name) else {
            return;
        };
        let texts: Vec<&ast::Str> = values
            .iter()
            .filter_map(|v| match v {
                ast::CondOperand::Text(s) if crate::naming::references(&s.value).is_empty() => {
                    Some(s)
                }
                _ => None,
            })
            .collect();
        // Only a test against literal texts only is decided here.
        if texts.len() != values.len() {
            return;
        }
        if texts.iter().any(|s| allowed.contains(&s.value)) {
            return;
        }
        let at = values
            .first()
            .map_or(path.span, |v| v.span())
            .to(values.last().map_or(path.span, |v| v.span()));
        let shown: Vec<String> = allowed.iter().map(|a| format!("\"{a}\"")).collect();
        let mut d = Diagnostic::new(
            Code::E0117,
            at,
            format!(
                "param `{}` can never be {}",
                path.head().name,
                texts
                    .iter()
                    .map(|s| format!("\"{}\"", s.value))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
        )
        .label(format!("its allowed values are {}", shown.join(", ")))
        .with(path.span, "tested here");
        d = match texts
            .first()
            .and_then(|s| did_you_mean(&s.value, allowed.iter().map(String::as_str)))
        {
            Some(s) => d.help(format!("did you mean \"{s}\"?")),
            None => d.help("compare with one of the allowed values, or allow this one"),
        };
        self.error(d);
    }

    /// The `allowed` values of param `name` as text, when it has them.
    fn allowed_of(&self, name: &str) -> Option<Vec<String>> {
        let p = self.model.params.iter().find(|p| p.name == name)?;
        let allowed = p.allowed.as_ref()?;
        Some(allowed.value.iter().map(|v| v.text()).collect())
    }

    /// `when = C`: the declaration exists only where condition `C` holds.
    pub(super) fn when(&mut self, p: &mut Props, d: &ast::Decl) {
        let Some(v) = p.take("when") else {
            return;
        };
        let ValueKind::Path(path) = &v.kind else {
            self.type_error(
                v,
                "the name of a `condition`",
                "declare `condition IsProd = Stage == \"prod\"` and write `when = IsProd`",
            );
            return;
        };
        if self
            .lookup(&path.head().name, path.span, &[DeclKind::Condition])
            .is_some()
        {
            let first = self.symbols.get(&d.name.name).map(|s| s.span) == Some(d.name.span);
            if first {
                self.model.when.insert(
                    d.name.name.clone(),
                    Spanned::new(path.head().name.clone(), path.span),
                );
            }
        }
    }

    /// `key = value if C [else other]` anywhere in `d`: recorded where slsc
    /// can leave the property out or give it the other value, E0116
    /// elsewhere. The value itself is resolved with the rest of the body.
    pub(super) fn conditional_props(&mut self, d: &ast::Decl) {
        let first = self.symbols.get(&d.name.name).map(|s| s.span) == Some(d.name.span);
        for m in &d.body {
            if let MemberKind::Property {
                key, when: Some(w), ..
            } = &m.kind
            {
                // Read with the function's destinations (`destination_if`).
                if d.kind == DeclKind::Function
                    && matches!(key.name.as_str(), "on_success" | "on_failure")
                {
                    continue;
                }
                match conditional(d.kind, &key.name) {
                    Some(text) if text || w.otherwise.is_none() => {
                        let cond = self
                            .lookup(&w.cond.head().name, w.cond.span, &[DeclKind::Condition])
                            .map(|_| Spanned::new(w.cond.head().name.clone(), w.cond.span));
                        let otherwise = w.otherwise.as_ref().and_then(|o| self.expect_text(o));
                        if let (Some(cond), true) = (cond, first) {
                            self.model.prop_conds.insert(
                                (d.name.name.clone(), key.name.clone()),
                                PropCond { cond, otherwise },
                            );
                        }
                    }
                    Some(_) => self.error(
                        Diagnostic::new(
                            Code::E0116,
                            w.otherwise.as_ref().map_or(w.span, |o| o.span),
                            format!("`{}` takes no `else`", key.name),
                        )
                        .label("only left out when the condition does not hold")
                        .help(format!(
                            "remove `else ...`: without the condition, `{}` is not set",
                            key.name
                        )),
                    ),
                    None => self.unconditional(key, w, d.kind.article().as_str()),
                }
            }
            self.nested_ifs(&m.kind);
        }
    }

    fn nested_ifs(&mut self, kind: &MemberKind) {
        let body = match kind {
            MemberKind::Block { body, .. } | MemberKind::On { body, .. } => body,
            MemberKind::Route { body, .. } => body,
            _ => return,
        };
        // A custom domain's certificate and hosted zone may be given, or
        // another, decided when deploying (`api_domain` reads them).
        let domain = matches!(kind, MemberKind::Block { key, .. } if key.name == "domain");
        for m in body {
            if let MemberKind::Property {
                key, when: Some(w), ..
            } = &m.kind
            {
                if !(domain && matches!(key.name.as_str(), "certificate" | "zone")) {
                    self.unconditional(key, w, "this block");
                }
            }
            self.nested_ifs(&m.kind);
        }
    }

    fn unconditional(&mut self, key: &ast::Ident, w: &ast::PropIf, of: &str) {
        self.error(
            Diagnostic::new(
                Code::E0116,
                w.span,
                format!("`{}` of {of} cannot depend on a condition", key.name),
            )
            .label("`if` is allowed on `name`, `description`, a table's `stream` and a domain's `certificate` and `zone`")
            .help("put the whole declaration under the condition with `when = COND`, or give the property one value"),
        );
    }
}

/// The conditions `e` names.
fn refs_of(e: &Cond) -> Vec<&str> {
    match e {
        Cond::Or(parts) | Cond::And(parts) => parts.iter().flat_map(refs_of).collect(),
        Cond::Not(inner) => refs_of(inner),
        Cond::Equals(..) => Vec::new(),
        Cond::Ref(name) => vec![name.as_str()],
    }
}
