//! Lambda event filters on a DynamoDB table's stream.
//!
//! A stream record wraps every attribute in its DynamoDB type
//! (`{"status": {"S": "paid"}}`) under `dynamodb.Keys`, `dynamodb.NewImage`
//! and `dynamodb.OldImage`. A `where` on a table trigger names the record's
//! parts as AWS does (`eventName`, `Keys.pk`, `NewImage.status`,
//! `OldImage.status`) and slsc writes the nesting and the type tags: the
//! keys' types are declared on the table, other attributes take the type
//! their values imply. What Lambda cannot match is reported first, with
//! the condition's span: an image the stream does not carry, a path below
//! an image's top-level attributes, and numeric comparisons on numbers
//! (DynamoDB JSON writes `N` values as strings, so Lambda compares them as
//! text).

use super::{Doc, Fields};
use crate::ast::CmpOp;
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{
    Condition, FieldDef, FieldTest, Filter, FilterKind, KeyType, OperandKind, StreamView, Table, Ty,
};

/// The record parts a table-stream filter may name.
const PARTS: [&str; 4] = ["eventName", "Keys", "NewImage", "OldImage"];

/// The fields a filter on `table`'s stream is checked against, or None
/// (with diagnostics) when a condition names what Lambda cannot match.
pub fn fields(
    table: &Table,
    filter: &Filter,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<FieldDef>> {
    let mut ok = true;
    let mut conds = Vec::new();
    conditions(filter, &mut conds);
    // A table without a stream is E0306 already.
    let view = table.stream?;
    for c in &conds {
        let parts = &c.field.parts;
        let head = parts[0].value.as_str();
        let carried = match head {
            "NewImage" => matches!(view, StreamView::NewImage | StreamView::NewAndOldImages),
            "OldImage" => matches!(view, StreamView::OldImage | StreamView::NewAndOldImages),
            _ => true,
        };
        if !carried {
            ok = false;
            diags.push(
                Diagnostic::new(
                    Code::E0401,
                    parts[0].span,
                    format!("the stream of `{}` does not carry `{head}`", table.name),
                )
                .label(format!("not in records of a `{}` stream", view_word(view)))
                .with(table.span, "the table")
                .help("set the table's `stream = new_and_old_images` (or `new_image` / `old_image`) to filter on item attributes"),
            );
            continue;
        }
        let depth = if head == "eventName" { 1 } else { 2 };
        if PARTS.contains(&head) && parts.len() > depth {
            ok = false;
            diags.push(
                Diagnostic::new(
                    Code::E0401,
                    parts[depth].span,
                    format!("`{head}` is filtered by its top-level attributes only"),
                )
                .label("nested attribute")
                .help(format!(
                    "test `{}` itself, or filter the nested value in the function",
                    parts[..depth]
                        .iter()
                        .map(|p| p.value.as_str())
                        .collect::<Vec<_>>()
                        .join(".")
                )),
            );
            continue;
        }
        if head != "eventName" && parts.len() == 1 && PARTS.contains(&head) {
            ok = false;
            diags.push(
                Diagnostic::new(
                    Code::E0401,
                    parts[0].span,
                    format!("`{head}` is a map of attributes, not a value"),
                )
                .label("name an attribute")
                .help(format!(
                    "write `{head}.ATTRIBUTE`, e.g. `{head}.{}`",
                    table.key[0].0
                )),
            );
            continue;
        }
        if head != "eventName" && attr_tag(table, c) == "N" {
            if let FieldTest::Compare(op, _, _) = &c.test {
                if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
                    ok = false;
                    diags.push(
                        Diagnostic::new(
                            Code::E0403,
                            c.op_span,
                            "Lambda cannot compare a DynamoDB number by size",
                        )
                        .label("numbers are text in stream records")
                        .help(
                            "match exact values with `=` or `in [...]`, or compare in the function",
                        ),
                    );
                }
            }
        }
    }
    if !ok {
        return None;
    }
    let key_ty = |k: &KeyType| match k {
        KeyType::Number => Ty::Number,
        KeyType::String | KeyType::Binary => Ty::String,
    };
    let field = |name: &str, ty: Ty| FieldDef {
        name: name.into(),
        optional: true,
        ty,
        constraints: Default::default(),
        span: table.span,
    };
    let keys: Vec<FieldDef> = table.key.iter().map(|(n, k)| field(n, key_ty(k))).collect();
    // An image holds the keys (typed) and whatever else the filter names
    // (typed by its values).
    let inferred = super::infer_fields(filter);
    let image = |part: &str| {
        let mut attrs = keys.clone();
        if let Some(Ty::Record(more)) = inferred.iter().find(|f| f.name == part).map(|f| &f.ty) {
            attrs.extend(
                more.iter()
                    .filter(|f| !keys.iter().any(|k| k.name == f.name))
                    .cloned(),
            );
        }
        Ty::Record(attrs)
    };
    let mut out = vec![
        field(
            "eventName",
            Ty::Enum(vec!["INSERT".into(), "MODIFY".into(), "REMOVE".into()]),
        ),
        field("Keys", Ty::Record(keys.clone())),
    ];
    if matches!(view, StreamView::NewImage | StreamView::NewAndOldImages) {
        out.push(field("NewImage", image("NewImage")));
    }
    if matches!(view, StreamView::OldImage | StreamView::NewAndOldImages) {
        out.push(field("OldImage", image("OldImage")));
    }
    Some(out)
}

/// The filter compiled against [`fields`] as a Lambda filter pattern on the
/// stream record: images under `dynamodb`, each attribute's value list
/// under its type tag (numbers written as DynamoDB writes them, as text).
pub fn record_pattern(table: &Table, fields: &[FieldDef], doc: Doc) -> Doc {
    let Doc::Object(top) = doc else { return doc };
    let mut out = Fields::new();
    let mut dynamodb = Fields::new();
    for (k, v) in top {
        match (k.as_str(), v) {
            ("Keys" | "NewImage" | "OldImage", Doc::Object(attrs)) => {
                let tagged = attrs
                    .into_iter()
                    .map(|(name, matchers)| {
                        let tag = tag_of(table, fields, &k, &name);
                        let matchers = if tag == "N" {
                            numbers_as_text(matchers)
                        } else {
                            matchers
                        };
                        let mut wrap = Fields::new();
                        wrap.insert(tag.into(), matchers);
                        (name, Doc::Object(wrap))
                    })
                    .collect();
                dynamodb.insert(k, Doc::Object(tagged));
            }
            (_, v) => {
                out.insert(k, v);
            }
        }
    }
    if !dynamodb.is_empty() {
        out.insert("dynamodb".into(), Doc::Object(dynamodb));
    }
    Doc::Object(out)
}

/// The DynamoDB type tag of `attr` in the record part `part`.
fn tag_of(table: &Table, fields: &[FieldDef], part: &str, attr: &str) -> &'static str {
    if let Some((_, k)) = table.key.iter().find(|(n, _)| n == attr) {
        return key_tag(k);
    }
    let ty = fields
        .iter()
        .find(|f| f.name == part)
        .and_then(|f| match &f.ty {
            Ty::Record(attrs) => attrs.iter().find(|a| a.name == attr).map(|a| &a.ty),
            _ => None,
        });
    match ty {
        Some(Ty::Number | Ty::Int) => "N",
        Some(Ty::Bool) => "BOOL",
        _ => "S",
    }
}

fn key_tag(k: &KeyType) -> &'static str {
    match k {
        KeyType::String => "S",
        KeyType::Number => "N",
        KeyType::Binary => "B",
    }
}

/// The tag of the attribute a condition tests, from the table's keys or
/// the value it is compared with.
fn attr_tag(table: &Table, c: &Condition) -> &'static str {
    let Some(attr) = c.field.parts.get(1) else {
        return "S";
    };
    if let Some((_, k)) = table.key.iter().find(|(n, _)| *n == attr.value) {
        return key_tag(k);
    }
    let number = |k: &OperandKind| matches!(k, OperandKind::Int(_) | OperandKind::Number(_));
    match &c.test {
        FieldTest::Compare(_, v, _) if number(&v.kind) => "N",
        FieldTest::In { values, .. } if values.first().is_some_and(|v| number(&v.kind)) => "N",
        _ => "S",
    }
}

/// Numbers in a value list written as text, as DynamoDB JSON has them.
fn numbers_as_text(doc: Doc) -> Doc {
    match doc {
        Doc::Number(n) => Doc::Str(n.to_string()),
        Doc::List(items) => Doc::List(items.into_iter().map(numbers_as_text).collect()),
        Doc::Object(m) => Doc::Object(
            m.into_iter()
                .map(|(k, v)| (k, numbers_as_text(v)))
                .collect(),
        ),
        other => other,
    }
}

fn conditions<'a>(f: &'a Filter, out: &mut Vec<&'a Condition>) {
    match &f.kind {
        FilterKind::And(items) | FilterKind::Or(items) => {
            for i in items {
                conditions(i, out);
            }
        }
        FilterKind::Cond(c) => out.push(c),
    }
}

fn view_word(v: StreamView) -> &'static str {
    match v {
        StreamView::KeysOnly => "keys_only",
        StreamView::NewImage => "new_image",
        StreamView::OldImage => "old_image",
        StreamView::NewAndOldImages => "new_and_old_images",
    }
}
