//! Record types and event fields.

use super::*;
use crate::diagnostics::Code;

impl Resolver {
    pub(super) fn fields(&mut self, fields: &[ast::Field]) -> Vec<FieldDef> {
        let mut out: Vec<FieldDef> = Vec::new();
        for f in fields {
            if let Some(prev) = out.iter().find(|o| o.name == f.name.name) {
                let ps = prev.span;
                self.error(
                    Diagnostic::new(
                        Code::E0106,
                        f.name.span,
                        format!("field `{}` is declared twice", f.name.name),
                    )
                    .label("second declaration")
                    .with(ps, "first declared here")
                    .help("remove or rename one of the two fields"),
                );
                continue;
            }
            let ty = self.ty(&f.ty);
            let constraints = self.constraints(&f.ty, &ty);
            out.push(FieldDef {
                name: f.name.name.clone(),
                optional: f.optional,
                ty,
                constraints,
                span: f.span,
            });
        }
        out
    }

    pub(super) fn ty(&mut self, t: &ast::TypeExpr) -> Ty {
        match &t.kind {
            ast::TypeExprKind::Named(n) => match n.name.as_str() {
                "string" => Ty::String,
                "int" => Ty::Int,
                "number" => Ty::Number,
                "bool" => Ty::Bool,
                "timestamp" => Ty::Timestamp,
                name => match self.lookup(name, n.span, &[DeclKind::Type]) {
                    Some(r) => Ty::Named(r.name),
                    None => Ty::String,
                },
            },
            ast::TypeExprKind::List(inner) => {
                if let Some((key, _)) = inner.constraints.first() {
                    self.error(
                        Diagnostic::new(Code::E0213, key.span, "constraints apply to a field, not to list elements")
                            .label("on a list element")
                            .help("constrain the list itself (`min_items`, `max_items`), or give the elements a named `type` whose fields carry the constraints"),
                    );
                }
                Ty::List(Box::new(self.ty(inner)))
            }
            ast::TypeExprKind::Enum(values) => {
                Ty::Enum(values.iter().map(|s| s.value.clone()).collect())
            }
            ast::TypeExprKind::Record(fields) => Ty::Record(self.fields(fields)),
        }
    }

    /// Reads `(min = 1, ...)` after a field's type, checking each constraint
    /// fits the type (E0213).
    fn constraints(&mut self, t: &ast::TypeExpr, ty: &Ty) -> Constraints {
        let mut c = Constraints::default();
        let kind = match ty {
            Ty::Int | Ty::Number => "number",
            Ty::String => "string",
            Ty::List(_) => "list",
            _ => "other",
        };
        let allowed: &[&str] = match kind {
            "number" => &["min", "max"],
            "string" => &["min_length", "max_length", "pattern"],
            "list" => &["min_items", "max_items"],
            _ => &[],
        };
        const ALL: [&str; 8] = [
            "min",
            "max",
            "min_length",
            "max_length",
            "pattern",
            "min_items",
            "max_items",
            "example",
        ];
        let mut seen: Vec<&ast::Ident> = Vec::new();
        for (key, value) in &t.constraints {
            if let Some(first) = seen.iter().find(|k| k.name == key.name) {
                self.set_twice(&key.name, key.span, first.span);
                continue;
            }
            seen.push(key);
            if key.name == "example" {
                c.example = self.example(value, ty);
                continue;
            }
            if !allowed.contains(&key.name.as_str()) {
                let takes = if allowed.is_empty() {
                    format!("{} takes only `example`", describe_ty(ty))
                } else {
                    format!(
                        "{} takes {}",
                        describe_ty(ty),
                        allowed
                            .iter()
                            .map(|a| format!("`{a}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                let d = if ALL.contains(&key.name.as_str()) {
                    Diagnostic::new(
                        Code::E0213,
                        key.span,
                        format!("`{}` does not constrain {}", key.name, describe_ty(ty)),
                    )
                    .label("not a constraint of this type")
                    .help(takes)
                } else {
                    let help = match did_you_mean(&key.name, allowed.iter().copied()) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => takes,
                    };
                    Diagnostic::new(
                        Code::E0213,
                        key.span,
                        format!("unknown constraint `{}`", key.name),
                    )
                    .label("not a constraint")
                    .help(help)
                };
                self.error(d);
                continue;
            }
            match key.name.as_str() {
                "min" | "max" => {
                    let n = match value.kind {
                        ValueKind::Int(i) => Some(i as f64),
                        ValueKind::Number(n) => Some(n),
                        _ => None,
                    };
                    match n {
                        Some(n) if *ty == Ty::Int && n.fract() != 0.0 => self.type_error(
                            value,
                            "an integer",
                            "an `int` field is bounded by whole numbers",
                        ),
                        Some(n) if key.name == "min" => c.min = Some(n),
                        Some(n) => c.max = Some(n),
                        None => {
                            self.type_error(value, "a number", "write a number, e.g. `min = 0`")
                        }
                    }
                }
                "pattern" => c.pattern = self.expect_string(value).map(|s| s.value),
                other => {
                    let Some(n) = self.expect_int(value) else {
                        continue;
                    };
                    if n.value < 0 {
                        self.type_error(
                            value,
                            "a count of zero or more",
                            "lengths and counts are not negative",
                        );
                        continue;
                    }
                    let n = Some(n.value as u64);
                    match other {
                        "min_length" => c.min_length = n,
                        "max_length" => c.max_length = n,
                        "min_items" => c.min_items = n,
                        _ => c.max_items = n,
                    }
                }
            }
        }
        let inverted = c.min.zip(c.max).is_some_and(|(a, b)| a > b)
            || c.min_length.zip(c.max_length).is_some_and(|(a, b)| a > b)
            || c.min_items.zip(c.max_items).is_some_and(|(a, b)| a > b);
        if inverted {
            self.error(
                Diagnostic::new(
                    Code::E0213,
                    t.span,
                    "the lower bound is above the upper bound",
                )
                .label("no value satisfies these constraints")
                .help("swap the bounds, or correct one of them"),
            );
        }
        if let Some(why) = c.example.as_ref().and_then(|e| example_violates(e, ty, &c)) {
            let span = t
                .constraints
                .iter()
                .find(|(k, _)| k.name == "example")
                .map_or(t.span, |(_, v)| v.span);
            self.error(
                Diagnostic::new(
                    Code::E0213,
                    span,
                    format!("the example breaks the field's own constraints: {why}"),
                )
                .label("invalid example")
                .help("give an example the constraints accept: samples and schemas use it"),
            );
        }
        c
    }
}

impl Resolver {
    /// An `example = ...` value as JSON, checked against the field's type.
    fn example(&mut self, v: &ast::Value, ty: &Ty) -> Option<serde_json::Value> {
        let j = match (&v.kind, ty) {
            (ValueKind::Str(s), Ty::String | Ty::Timestamp) => serde_json::json!(s),
            (ValueKind::Str(s), Ty::Enum(options)) if options.contains(s) => serde_json::json!(s),
            (ValueKind::Int(i), Ty::Int | Ty::Number) => serde_json::json!(i),
            (ValueKind::Number(n), Ty::Number) => serde_json::json!(n),
            (ValueKind::Bool(b), Ty::Bool) => serde_json::json!(b),
            _ => {
                self.error(
                    Diagnostic::new(
                        Code::E0213,
                        v.span,
                        format!("this example is not {}", describe_ty(ty)),
                    )
                    .label("example of the wrong type")
                    .help("give an example value of the field's type"),
                );
                return None;
            }
        };
        Some(j)
    }
}

/// Why an example value does not satisfy its field's constraints (patterns
/// are not checked here: JSON Schema's regular expressions are ECMA 262's).
fn example_violates(e: &serde_json::Value, ty: &Ty, c: &Constraints) -> Option<String> {
    if let Some(n) = e.as_f64() {
        if c.min.is_some_and(|m| n < m) {
            return Some(format!("{n} is below `min`"));
        }
        if c.max.is_some_and(|m| n > m) {
            return Some(format!("{n} is above `max`"));
        }
    }
    if let Some(s) = e.as_str() {
        let len = s.chars().count() as u64;
        if c.min_length.is_some_and(|m| len < m) {
            return Some(format!("it is {len} characters, under `min_length`"));
        }
        if c.max_length.is_some_and(|m| len > m) {
            return Some(format!("it is {len} characters, over `max_length`"));
        }
        if *ty == Ty::Timestamp && !rfc3339(s) {
            return Some("it is not an RFC 3339 date-time such as \"2026-01-01T00:00:00Z\"".into());
        }
    }
    None
}

/// `YYYY-MM-DDTHH:MM:SS`, optional fraction, then `Z` or `±HH:MM`.
fn rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    let shape = b.len() >= 20
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && matches!(b[10], b'T' | b't')
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19);
    if !shape {
        return false;
    }
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return false;
        }
        rest = &frac[n..];
    }
    rest == "Z" || rest == "z" || {
        let r = rest.as_bytes();
        r.len() == 6
            && matches!(r[0], b'+' | b'-')
            && r[1..3].iter().all(u8::is_ascii_digit)
            && r[3] == b':'
            && r[4..6].iter().all(u8::is_ascii_digit)
    }
}

/// "an integer", "a string": for messages about types.
pub(super) fn describe_ty(ty: &Ty) -> &'static str {
    match ty {
        Ty::String => "a string",
        Ty::Int => "an integer",
        Ty::Number => "a number",
        Ty::Bool => "a boolean",
        Ty::Timestamp => "a timestamp",
        Ty::Enum(_) => "an enum",
        Ty::List(_) => "a list",
        Ty::Record(_) | Ty::Named(_) => "a record",
    }
}
