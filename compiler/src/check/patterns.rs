//! Rule patterns and subscription filter policies: `where` filters, as
//! resolve lowered them ([`Filter`]), checked against the event's or the
//! message's type and compiled to the pattern they prove, a typed [`Doc`].
//!
//! A filter is compiled bottom-up into the object that goes under `detail`
//! (or is the policy). Conditions joined by `and` merge into one object
//! (numeric conditions on one field merge into one range); conditions
//! joined by `or` become one value list when they test one field for plain
//! values, and `$or` otherwise. A resource attribute stays an attribute
//! ([`Doc::Attr`]): `emit` writes the intrinsic for it.

mod algebra;
mod doc;
pub mod dynamodb;

use crate::ast::CmpOp;
use crate::diagnostics::Code;
use crate::diagnostics::{did_you_mean, Diagnostic};
use crate::model::{
    Attr, Condition, EventDef, FieldDef, FieldPath, FieldTest, Filter, FilterKind, Model, Operand,
    OperandKind, Ref, Spanned, Ty,
};
use algebra::{merge_and, merge_or, nest, Clash};
pub use doc::Doc;
pub use doc::Fields;

/// EventBridge's quota on the size of an event pattern, in characters
/// (the CloudFormation schema allows 4,096; the service 2,048).
pub const MAX_PATTERN_CHARS: usize = 2048;

/// The full event pattern of a rule: source, detail-type and detail filter.
pub fn compile(
    model: &Model,
    event: &EventDef,
    filter: Option<&Filter>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Doc> {
    let mut pattern = Fields::new();
    pattern.insert("source".into(), Doc::List(vec![Doc::str(&event.source)]));
    pattern.insert(
        "detail-type".into(),
        Doc::List(vec![Doc::str(&event.detail_type)]),
    );
    if let Some(f) = filter {
        let scope = format!("event `{}`", event.name);
        let detail = Compiler {
            in_or: false,
            model,
            fields: &event.fields,
            scope: &scope,
            dialect: Dialect::EventBridge,
            diags,
        }
        .expr(f)?;
        pattern.insert("detail".into(), Doc::Object(detail));
    }
    Some(Doc::Object(pattern))
}

/// The pattern of a `match any` rule: its filter tests the envelope of
/// every event on the bus (`source`, `detail-type`, `account`, `region`,
/// `resources`, `id`, `time`, and `detail`, whose fields are untyped: they
/// are checked for form, with the types their values imply). Without a
/// filter it matches every event, which EventBridge writes as a `source`
/// with an empty prefix.
pub fn compile_envelope(
    model: &Model,
    filter: Option<&Filter>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Doc> {
    let Some(f) = filter else {
        let mut catch_all = Fields::new();
        let mut prefix = Fields::new();
        prefix.insert("prefix".into(), Doc::str(""));
        catch_all.insert("source".into(), Doc::List(vec![Doc::Object(prefix)]));
        return Some(Doc::Object(catch_all));
    };
    let detail = infer_fields(f)
        .into_iter()
        .find(|d| d.name == "detail")
        .map_or(Ty::Record(Vec::new()), |d| d.ty);
    let fields = envelope_fields(detail, f.span);
    let pattern = Compiler {
        in_or: false,
        model,
        fields: &fields,
        scope: "the event envelope",
        dialect: Dialect::EventBridge,
        diags,
    }
    .expr(f)?;
    Some(Doc::Object(pattern))
}

/// The fields of an EventBridge event's envelope, with `detail` of type
/// `detail`: what `match any` filters and a queue `of EVENT` receive.
pub fn envelope_fields(detail: Ty, span: crate::source::Span) -> Vec<FieldDef> {
    let field = |name: &str, ty: Ty| FieldDef {
        name: name.into(),
        optional: true,
        ty,
        constraints: Default::default(),
        span,
    };
    let mut fields: Vec<FieldDef> = ["source", "detail-type", "account", "region", "id"]
        .into_iter()
        .map(|n| field(n, Ty::String))
        .collect();
    fields.push(field("resources", Ty::List(Box::new(Ty::String))));
    fields.push(field("time", Ty::Timestamp));
    fields.push(field("detail", detail));
    fields
}

/// An SNS filter policy (message body scope) for a topic whose messages are
/// of the type `name` with `fields`: the same `where` language, checked the
/// same way, without what SNS lacks (wildcards; resource attributes, which
/// resolve does not lower in a subscription).
pub fn compile_sns(
    model: &Model,
    dialect: Dialect,
    scope: &str,
    fields: &[FieldDef],
    filter: &Filter,
    diags: &mut Vec<Diagnostic>,
) -> Option<Doc> {
    let policy = Compiler {
        in_or: false,
        model,
        fields,
        scope,
        dialect,
        diags,
    }
    .expr(filter)?;
    Some(Doc::Object(policy))
}

/// The fields an untyped message must have for `filter` to make sense, with
/// the types its values imply (a string compared with a string, a number
/// with a number, ...): the filter of a subscription to a topic without a
/// message type is compiled against these, so it is checked for form (and
/// for contradictions) though not against a declared type.
pub fn infer_fields(filter: &Filter) -> Vec<FieldDef> {
    fn leaf(test: &FieldTest) -> Ty {
        let of = |v: &Operand| match &v.kind {
            OperandKind::Int(_) | OperandKind::Number(_) => Ty::Number,
            OperandKind::Bool(_) => Ty::Bool,
            _ => Ty::String,
        };
        match test {
            FieldTest::Compare(_, v, _) => of(v),
            FieldTest::In { values, .. } => values.first().map_or(Ty::String, of),
            _ => Ty::String,
        }
    }
    fn insert(fields: &mut Vec<FieldDef>, path: &[Spanned<String>], ty: Ty) {
        let Some((head, rest)) = path.split_first() else {
            return;
        };
        let pos = match fields.iter().position(|f| f.name == head.value) {
            Some(i) => i,
            None => {
                fields.push(FieldDef {
                    name: head.value.clone(),
                    optional: true,
                    ty: if rest.is_empty() {
                        ty.clone()
                    } else {
                        Ty::Record(Vec::new())
                    },
                    constraints: Default::default(),
                    span: head.span,
                });
                fields.len() - 1
            }
        };
        if let Ty::Record(inner) = &mut fields[pos].ty {
            insert(inner, rest, ty);
        }
    }
    fn walk(e: &Filter, fields: &mut Vec<FieldDef>) {
        match &e.kind {
            FilterKind::And(items) | FilterKind::Or(items) => {
                for i in items {
                    walk(i, fields);
                }
            }
            FilterKind::Cond(c) => insert(fields, &c.field.parts, leaf(&c.test)),
        }
    }
    let mut fields = Vec::new();
    walk(filter, &mut fields);
    fields
}

/// SNS's limits on a filter policy: at most 5 keys, and at most 150
/// combinations (the product of the value lists' lengths).
pub const SNS_MAX_KEYS: usize = 5;
/// See [`SNS_MAX_KEYS`].
pub const SNS_MAX_COMBINATIONS: usize = 150;

/// The keys (leaf fields) of a filter policy and its combinations.
pub fn sns_complexity(policy: &Doc) -> (usize, usize) {
    fn walk(v: &Doc, keys: &mut usize, combos: &mut usize) {
        let Doc::Object(m) = v else { return };
        for (k, x) in m {
            match x {
                Doc::List(values) if k != "$or" => {
                    *keys += 1;
                    *combos = combos.saturating_mul(values.len().max(1));
                }
                Doc::List(alternatives) => {
                    for a in alternatives {
                        walk(a, keys, combos);
                    }
                }
                other => walk(other, keys, combos),
            }
        }
    }
    let (mut keys, mut combos) = (0, 1);
    walk(policy, &mut keys, &mut combos);
    (keys, combos)
}

/// Whose pattern language a filter is compiled to: they share the syntax,
/// not every operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// An EventBridge event pattern (rules).
    EventBridge,
    /// An SNS filter policy (subscriptions).
    Sns,
    /// A Lambda event filter (queue and Kinesis triggers).
    Lambda,
}

impl Dialect {
    /// Who has no wildcard match, as the subject of a message.
    fn lacks_wildcard(self) -> Option<&'static str> {
        match self {
            Dialect::EventBridge => None,
            Dialect::Sns => Some("SNS filter policies"),
            Dialect::Lambda => Some("Lambda event filters"),
        }
    }
}

/// The most characters a resource attribute in a pattern can become once
/// CloudFormation resolves it: names are at most 256 characters (SNS topics,
/// event buses), ARNs add their prefix.
pub(crate) const MAX_RESOLVED_CHARS: usize = 320;

/// How long a document is once written as compact JSON (the form
/// CloudFormation sends), in bytes, each resource attribute counted as a
/// string of [`MAX_RESOLVED_CHARS`].
pub(crate) fn resolved_len(doc: &Doc) -> usize {
    // Scalars are written by serde_json, as emit writes them, so that the
    // count is the written length (escapes, number formats).
    fn written<T: serde::Serialize + ?Sized>(v: &T) -> usize {
        serde_json::to_string(v).map_or(0, |text| text.len())
    }
    // Brackets, and a separator between each two items.
    let frame = |items: usize| 2 + items.saturating_sub(1);
    match doc {
        Doc::Object(m) => {
            frame(m.len())
                + m.iter()
                    .map(|(k, v)| written(k) + 1 + resolved_len(v))
                    .sum::<usize>()
        }
        Doc::List(items) => frame(items.len()) + items.iter().map(resolved_len).sum::<usize>(),
        Doc::Str(s) => written(s),
        Doc::Number(n) => written(n),
        Doc::Bool(b) => written(b),
        Doc::Null => "null".len(),
        Doc::Attr(..) => MAX_RESOLVED_CHARS + 2,
    }
}

/// E0408: the pattern, as CloudFormation will send it, may be over the quota.
/// Each resource attribute counts as the longest value it can resolve to.
pub fn check_size(rule: &crate::model::Rule, pattern: &Doc, diags: &mut Vec<Diagnostic>) {
    let size = resolved_len(pattern);
    if size > MAX_PATTERN_CHARS {
        diags.push(
            Diagnostic::new(Code::E0408, rule.span, format!("the event pattern of `{}` is {size} characters; EventBridge allows {MAX_PATTERN_CHARS}", rule.name))
                .label("pattern too large")
                .help("shorten the value lists, use `prefix` or `matches` instead of long lists, or split the rule in two"),
        );
    }
}

struct Compiler<'a> {
    /// Compiling an alternative of `or`: a contradiction there does not make
    /// the whole rule dead.
    in_or: bool,
    model: &'a Model,
    /// The fields filtered on: an event's `detail`, or a message type's.
    fields: &'a [FieldDef],
    /// What they belong to, for messages: "event `E`", "message type `T`".
    scope: &'a str,
    /// Which service's pattern language.
    dialect: Dialect,
    diags: &'a mut Vec<Diagnostic>,
}

/// The type of a field found at a path, and whether the path crossed a list.
struct Found {
    ty: Ty,
}

/// True if the path to a field goes through a list: EventBridge then
/// matches each condition against any element, so two conditions on it
/// joined by `and` may hold on different elements.
fn crosses_list(model: &Model, fields: &[FieldDef], path: &FieldPath) -> bool {
    let mut fields: Vec<FieldDef> = fields.to_vec();
    for part in &path.parts {
        let Some(f) = fields.iter().find(|f| f.name == part.value) else {
            return false;
        };
        let mut ty = &f.ty;
        if let Ty::List(_) = ty {
            return true;
        }
        let owned;
        if let Ty::Named(n) = ty {
            match model.type_def(n) {
                Some(t) => {
                    owned = Ty::Record(t.fields.clone());
                    ty = &owned;
                }
                None => return false,
            }
        }
        fields = match ty {
            Ty::Record(fs) => fs.clone(),
            _ => Vec::new(),
        };
    }
    false
}

impl Compiler<'_> {
    fn expr(&mut self, e: &Filter) -> Option<Fields> {
        match &e.kind {
            FilterKind::Cond(c) => self.condition(c),
            FilterKind::And(items) => {
                // Two conditions on one field inside a list may hold on two
                // different elements: one pattern cannot say "the same one".
                let mut seen: Vec<String> = Vec::new();
                for item in items {
                    let FilterKind::Cond(c) = &item.kind else {
                        continue;
                    };
                    let name = c.field.text();
                    if seen.contains(&name) && crosses_list(self.model, self.fields, &c.field) {
                        self.diags.push(
                            Diagnostic::new(Code::E0404, item.span, format!("cannot combine conditions on `{name}`, a field inside a list, with `and`"))
                                .label("EventBridge tests each condition against any element")
                                .help("keep one condition on the field (`in [...]` for several values), or check the rest in the target"),
                        );
                        return None;
                    }
                    seen.push(name);
                }
                // Compile every operand first so that all errors are reported.
                let parts: Vec<Option<Fields>> = items.iter().map(|i| self.expr(i)).collect();
                let mut acc = Fields::new();
                for (part, item) in parts.into_iter().zip(items) {
                    let part = part?;
                    if let Err(clash) = merge_and(&mut acc, part) {
                        let d = match clash {
                            Clash::Field(field) => Diagnostic::new(Code::E0404, item.span, format!("cannot combine these conditions on `{field}` with `and`"))
                                .label("a second condition on the same field")
                                .help("EventBridge patterns test a field once per `and`: use one range (`n > 1 and n < 5`), `in [...]`, or `or`"),
                            Clash::TwoOrs => Diagnostic::new(Code::E0404, item.span, "cannot combine two `or` groups with `and`")
                                .label("a second `or` group")
                                .help("an event pattern has one `$or` per level: distribute, e.g. `(a or b) and c` instead of `(a or b) and (c or d)`"),
                            Clash::Never(field) => Diagnostic::new(Code::E0406, item.span, format!("no event can satisfy these conditions on `{field}` together"))
                                .label("contradicts an earlier condition")
                                .help(if self.in_or {
                                    "this alternative of the `or` can never match: fix the values, or remove it"
                                } else {
                                    "this rule could never fire: fix the values, or join the conditions with `or`"
                                }),
                        };
                        self.diags.push(d);
                        return None;
                    }
                }
                Some(acc)
            }
            FilterKind::Or(items) => {
                let outer = std::mem::replace(&mut self.in_or, true);
                let parts: Vec<Option<Fields>> = items.iter().map(|i| self.expr(i)).collect();
                self.in_or = outer;
                let parts: Vec<Fields> = parts.into_iter().collect::<Option<_>>()?;
                Some(merge_or(parts))
            }
        }
    }

    fn field(&mut self, path: &FieldPath) -> Option<Found> {
        let mut fields: Vec<FieldDef> = self.fields.to_vec();
        let mut ty = None;
        for (i, part) in path.parts.iter().enumerate() {
            let Some(f) = fields.iter().find(|f| f.name == part.value) else {
                let scope = if i == 0 {
                    self.scope.to_string()
                } else {
                    format!(
                        "`{}`",
                        path.parts[..i]
                            .iter()
                            .map(|p| p.value.as_str())
                            .collect::<Vec<_>>()
                            .join(".")
                    )
                };
                let mut d = Diagnostic::new(
                    Code::E0401,
                    part.span,
                    format!("{scope} has no field `{}`", part.value),
                )
                .label("unknown field");
                d = match did_you_mean(&part.value, fields.iter().map(|f| f.name.as_str())) {
                    Some(s) => d.help(format!("did you mean `{s}`?")),
                    None if fields.is_empty() => {
                        d.help(format!("{scope} has no fields to filter on"))
                    }
                    None => d.help(format!(
                        "{scope} has: {}",
                        fields
                            .iter()
                            .map(|f| format!("`{}`", f.name))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                };
                self.diags.push(d);
                return None;
            };
            let t = self.unlist(&f.ty);
            if i + 1 < path.parts.len() {
                match self.record_fields(&t) {
                    Some(fs) => fields = fs,
                    None => {
                        self.diags.push(
                            Diagnostic::new(
                                Code::E0401,
                                path.parts[i + 1].span,
                                format!(
                                    "`{}` is not a record, it has no field `{}`",
                                    part.value,
                                    path.parts[i + 1].value
                                ),
                            )
                            .label("not a record")
                            .help(format!(
                                "filter on `{}` itself",
                                path.parts[..=i]
                                    .iter()
                                    .map(|p| p.value.as_str())
                                    .collect::<Vec<_>>()
                                    .join(".")
                            )),
                        );
                        return None;
                    }
                }
            }
            ty = Some(t);
        }
        ty.map(|ty| Found { ty })
    }

    /// Element type of lists (EventBridge matches list elements), resolving
    /// named types.
    fn unlist(&self, ty: &Ty) -> Ty {
        match ty {
            Ty::List(inner) => self.unlist(inner),
            Ty::Named(n) => match self.model.type_def(n) {
                Some(t) => Ty::Record(t.fields.clone()),
                None => Ty::String,
            },
            other => other.clone(),
        }
    }

    fn record_fields(&self, ty: &Ty) -> Option<Vec<FieldDef>> {
        match ty {
            Ty::Record(fs) => Some(fs.clone()),
            _ => None,
        }
    }

    fn condition(&mut self, c: &Condition) -> Option<Fields> {
        let found = self.field(&c.field)?;
        let ty = &found.ty;
        let name = c.field.text();
        let stringy = matches!(ty, Ty::String | Ty::Enum(_) | Ty::Timestamp);
        let leaf = match &c.test {
            FieldTest::Compare(op, v, ignore_case) => {
                let ordering = !matches!(op, CmpOp::Eq | CmpOp::Ne);
                if ordering && !matches!(ty, Ty::Int | Ty::Number) {
                    self.op_error(c, ty, &name, op.text());
                    return None;
                }
                if *ignore_case && !stringy {
                    self.op_error(c, ty, &name, "ignoring case");
                    return None;
                }
                // `anything-but` takes strings and numbers only.
                if *op == CmpOp::Ne && *ty == Ty::Bool {
                    self.op_error(c, ty, &name, "!=");
                    return None;
                }
                let j = match (ty, &v.kind, ignore_case) {
                    // Case does not matter: any option equal but for case fits.
                    (Ty::Enum(options), OperandKind::Str(text), true)
                        if options.iter().any(|o| o.eq_ignore_ascii_case(text)) =>
                    {
                        Doc::str(text)
                    }
                    _ => self.value(ty, v, &name)?,
                };
                let test = match (op, ignore_case) {
                    (CmpOp::Eq, false) => j,
                    (CmpOp::Eq, true) => Doc::one("equals-ignore-case", j),
                    (CmpOp::Ne, false) => Doc::one("anything-but", j),
                    (CmpOp::Ne, true) => {
                        Doc::one("anything-but", Doc::one("equals-ignore-case", j))
                    }
                    _ => Doc::one("numeric", Doc::List(vec![Doc::str(op.text()), j])),
                };
                Doc::List(vec![test])
            }
            FieldTest::In { negated, values } => {
                if values.is_empty() {
                    let d = if *negated {
                        Diagnostic::new(Code::E0407, c.op_span, "an empty `not in` list excludes nothing")
                            .label("empty list")
                            .help("EventBridge rejects empty lists: list the values to exclude, or remove the condition")
                    } else {
                        Diagnostic::new(
                            Code::E0407,
                            c.op_span,
                            "an empty `in` list matches no event",
                        )
                        .label("empty list")
                        .help("list at least one value, or remove the condition")
                    };
                    self.diags.push(d);
                    return None;
                }
                if *negated && *ty == Ty::Bool {
                    self.op_error(c, ty, &name, "not in");
                    return None;
                }
                let vals: Vec<Doc> = values
                    .iter()
                    .map(|v| self.value(ty, v, &name))
                    .collect::<Vec<_>>()
                    .into_iter()
                    .collect::<Option<_>>()?;
                if *negated {
                    Doc::List(vec![Doc::one("anything-but", Doc::List(vals))])
                } else {
                    Doc::List(vals)
                }
            }
            FieldTest::Exists(b) => {
                if matches!(ty, Ty::Record(_)) {
                    self.op_error(c, ty, &name, "exists");
                    return None;
                }
                Doc::List(vec![Doc::one("exists", Doc::Bool(*b))])
            }
            FieldTest::Prefix {
                negated,
                text,
                ignore_case,
            }
            | FieldTest::Suffix {
                negated,
                text,
                ignore_case,
            } => {
                let op = if matches!(c.test, FieldTest::Prefix { .. }) {
                    "prefix"
                } else {
                    "suffix"
                };
                if !stringy {
                    self.op_error(c, ty, &name, op);
                    return None;
                }
                let text = Doc::str(&text.value);
                let test = match (negated, ignore_case) {
                    (false, false) => Doc::one(op, text),
                    (false, true) => Doc::one(op, Doc::one("equals-ignore-case", text)),
                    (true, false) => Doc::one("anything-but", Doc::one(op, text)),
                    (true, true) => {
                        self.diags.push(
                            Diagnostic::new(
                                Code::E0404,
                                c.op_span,
                                format!("EventBridge has no case-insensitive `not {op}`"),
                            )
                            .label("cannot be expressed")
                            .help(format!(
                                "drop `ignoring case`, or test the {op}es you expect with `or`"
                            )),
                        );
                        return None;
                    }
                };
                Doc::List(vec![test])
            }
            FieldTest::Wildcard { negated, text } => {
                if !stringy {
                    self.op_error(c, ty, &name, "matches");
                    return None;
                }
                if let Some(service) = self.dialect.lacks_wildcard() {
                    self.diags.push(
                        Diagnostic::new(
                            Code::E0403,
                            c.op_span,
                            format!("{service} have no wildcard match"),
                        )
                        .label("`matches` is EventBridge only")
                        .help("test with `prefix` or `suffix`, or filter in the consumer"),
                    );
                    return None;
                }
                let wildcard = Doc::one("wildcard", Doc::str(&text.value));
                if *negated {
                    Doc::List(vec![Doc::one("anything-but", wildcard)])
                } else {
                    Doc::List(vec![wildcard])
                }
            }
            FieldTest::Cidr(text) => {
                if *ty != Ty::String {
                    self.op_error(c, ty, &name, "cidr");
                    return None;
                }
                if self.dialect == Dialect::Lambda {
                    self.diags.push(
                        Diagnostic::new(
                            Code::E0403,
                            c.op_span,
                            "Lambda event filters have no IP address match",
                        )
                        .label("`cidr` is for EventBridge and SNS")
                        .help("test with `prefix`, or check the address in the function"),
                    );
                    return None;
                }
                if let Err(why) = cidr(&text.value) {
                    self.diags.push(
                        Diagnostic::new(Code::E0402, text.span, format!("\"{}\" is not an IP range: {why}", text.value))
                            .label("not a CIDR block")
                            .help("write an address and a prefix length, e.g. \"10.0.0.0/24\" or \"2001:db8::/32\""),
                    );
                    return None;
                }
                Doc::List(vec![Doc::one("cidr", Doc::str(&text.value))])
            }
        };
        Some(nest(
            &c.field
                .parts
                .iter()
                .map(|p| p.value.clone())
                .collect::<Vec<_>>(),
            leaf,
        ))
    }

    fn op_error(&mut self, c: &Condition, ty: &Ty, name: &str, op: &str) {
        let fits = match ty {
            Ty::String => {
                "`=`, `!=`, `in`, `prefix`, `suffix`, `matches`, `cidr`, `exists`, `ignoring case`"
            }
            Ty::Enum(_) | Ty::Timestamp => {
                "`=`, `!=`, `in`, `prefix`, `suffix`, `matches`, `exists`, `ignoring case`"
            }
            Ty::Int | Ty::Number => "`=`, `!=`, `<`, `<=`, `>`, `>=`, `in`, `exists`",
            Ty::Bool => "`=` (e.g. `= false` instead of `!= true`), `in`, `exists`",
            _ => "tests on its fields (`a.b = ...`)",
        };
        self.diags.push(
            Diagnostic::new(
                Code::E0403,
                c.op_span,
                format!(
                    "`{op}` does not apply to `{name}`, which is {}",
                    describe(ty)
                ),
            )
            .label(format!("not for {}", describe(ty)))
            .help(format!("for {} use {fits}", describe(ty))),
        );
    }

    /// A value checked against the field's type, as it goes in the pattern.
    fn value(&mut self, ty: &Ty, v: &Operand, name: &str) -> Option<Doc> {
        if let OperandKind::Attr(r, attr) = &v.kind {
            if matches!(ty, Ty::String) {
                return Some(self.attr(r, *attr));
            }
            self.diags.push(
                Diagnostic::new(
                    Code::E0402,
                    v.span,
                    format!(
                        "`{name}` is {}, but `{}.{}` is a string",
                        describe(ty),
                        r.name,
                        attr.word()
                    ),
                )
                .label("a resource attribute is a string")
                .help("compare a string field with a resource attribute"),
            );
            return None;
        }
        let ok = match (ty, &v.kind) {
            (Ty::String | Ty::Timestamp, OperandKind::Str(s)) => Some(Doc::str(s)),
            (Ty::Int, OperandKind::Int(i)) => Some(Doc::int(*i)),
            (Ty::Number, OperandKind::Int(i)) => Some(Doc::int(*i)),
            (Ty::Number, OperandKind::Number(n)) => Some(Doc::float(*n)),
            (Ty::Bool, OperandKind::Bool(b)) => Some(Doc::Bool(*b)),
            (Ty::Enum(options), OperandKind::Str(s)) => {
                if options.contains(s) {
                    Some(Doc::str(s))
                } else {
                    let list = options
                        .iter()
                        .map(|o| format!("\"{o}\""))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let mut d = Diagnostic::new(
                        Code::E0405,
                        v.span,
                        format!("\"{s}\" is not a value of `{name}`"),
                    )
                    .label(format!("expected one of {list}"));
                    d = match did_you_mean(s, options.iter().map(String::as_str)) {
                        Some(m) => d.help(format!("did you mean \"{m}\"?")),
                        None => d.help(format!("`{name}` is one of {list}")),
                    };
                    self.diags.push(d);
                    return None;
                }
            }
            _ => None,
        };
        if ok.is_none() {
            let hint = match ty {
                Ty::String | Ty::Enum(_) | Ty::Timestamp => "put the value in double quotes",
                Ty::Int => "compare with a whole number",
                Ty::Number => "compare with a number",
                Ty::Bool => "compare with `true` or `false`",
                _ => "compare one of its fields instead",
            };
            self.diags.push(
                Diagnostic::new(
                    Code::E0402,
                    v.span,
                    format!(
                        "`{name}` is {}, but this is {}",
                        describe(ty),
                        v.kind.describe()
                    ),
                )
                .label(format!("expected {}", describe(ty)))
                .help(hint),
            );
        }
        ok
    }

    /// A resource attribute compared with a string field. One whose value
    /// the spec fixes (a secret's name) is that string, a plain value like
    /// any other; the rest stay attributes, for emit to write the
    /// intrinsic of.
    fn attr(&self, r: &Ref, attr: Attr) -> Doc {
        match self.model.fixed_attr(r.kind, &r.name, attr) {
            Some(value) => Doc::str(value),
            None => Doc::Attr(r.clone(), attr),
        }
    }
}

/// Checks a CIDR block: an IPv4 or IPv6 address and a prefix length.
fn cidr(text: &str) -> Result<(), &'static str> {
    let (addr, len) = text
        .split_once('/')
        .ok_or("missing `/` and prefix length")?;
    let len: u32 = len
        .parse()
        .map_err(|_| "the prefix length is not a number")?;
    if let Ok(a) = addr.parse::<std::net::Ipv4Addr>() {
        let _ = a;
        return if len <= 32 {
            Ok(())
        } else {
            Err("an IPv4 prefix length is at most 32")
        };
    }
    if addr.parse::<std::net::Ipv6Addr>().is_ok() {
        return if len <= 128 {
            Ok(())
        } else {
            Err("an IPv6 prefix length is at most 128")
        };
    }
    Err("the address is neither IPv4 nor IPv6")
}

fn describe(ty: &Ty) -> String {
    match ty {
        Ty::String => "a string".into(),
        Ty::Int => "an integer".into(),
        Ty::Number => "a number".into(),
        Ty::Bool => "a boolean".into(),
        Ty::Timestamp => "a timestamp".into(),
        Ty::Enum(_) => "an enum of strings".into(),
        Ty::List(_) => "a list".into(),
        Ty::Record(_) | Ty::Named(_) => "a record".into(),
    }
}
