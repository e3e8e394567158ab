//! Request mappings of direct routes (`input = {...}`, `headers = {...}`):
//!
//! - E0415: a source the route's request does not have: a path parameter
//!   not in the path, a query parameter not in the route's `query`, a field
//!   its `body` type lacks, a body on a `GET` route, an authorizer value on
//!   a route without an authorizer.
//! - E0416: the mapped value does not fit the type the target declares (the
//!   state machine's `input`, the queue's `of T`, the event's fields, or
//!   `T` of `send T to ...`): a missing required field, an unknown one, a
//!   value of another type.
//! - E0417: a mapping API Gateway cannot make on this kind of API: an HTTP
//!   API maps single values (no JSON object built from pieces), and cannot
//!   put a body field in a header of a forwarded request; it has no
//!   DynamoDB or S3 integration. A table route stores scalars only, and
//!   answers with a response type it can build from items.
//! - E0418: a table route's `item` or `key` does not match the table's key
//!   (a key attribute missing, another attribute in a key, a value of
//!   another type than the attribute's), or queries an index the table does
//!   not have.
//! - E0419: a bucket route without `key`, or with a key that is not one
//!   path, query or header value.

use crate::diagnostics::{Code, Diagnostic};
use crate::model::*;

/// The type of a mapped value, as far as the spec says it.
#[derive(Debug, Clone, PartialEq)]
enum Shape {
    /// Nothing declares it (an untyped body).
    Unknown,
    /// A known type.
    Ty(Ty),
    /// A literal: its JSON value.
    Literal(serde_json::Value),
    /// A record built by the mapping.
    Record,
}

/// Runs the mapping checks.
pub fn check(model: &Model, diags: &mut Vec<Diagnostic>) {
    for api in &model.apis {
        for route in &api.routes {
            let m = &route.mapping;
            for (source, span) in m.sources() {
                if let Err(d) = source_shape(model, api, route, source, span) {
                    diags.push(*d);
                }
            }
            if !api.rest {
                http_limits(route, diags);
            }
            data_routes(model, api, route, diags);
            let Some(payload) = &m.payload else { continue };
            let expected = expected_type(model, route);
            if let Some((fields, name, at)) = expected {
                fits_fields(model, api, route, &payload.value, &fields, &name, at, diags);
            }
        }
    }
}

/// The fields the route's payload must have: those of `T` in `send T to`,
/// else of the target's declared type (state machine `input`, queue
/// `of T`, the event). With the type's name and where it is declared.
fn expected_type(
    model: &Model,
    route: &Route,
) -> Option<(Vec<FieldDef>, String, crate::source::Span)> {
    let named = |r: &Ref| -> Option<(Vec<FieldDef>, String, crate::source::Span)> {
        model
            .type_def(&r.name)
            .map(|t| t.fields.clone())
            .or_else(|| model.event(&r.name).map(|e| e.fields.clone()))
            .map(|f| (f, r.name.clone(), r.span))
    };
    match &route.target {
        RouteTarget::StateMachine { machine, message } => message
            .as_ref()
            .or_else(|| model.state_machine(&machine.name)?.input.as_ref())
            .and_then(named),
        RouteTarget::Queue { queue, message, .. } => message
            .as_ref()
            .or_else(|| model.queue(&queue.name)?.message.as_ref())
            .and_then(named),
        RouteTarget::Bus {
            event: Some(event), ..
        } => named(event),
        _ => None,
    }
}

/// The fields of a named type or inline record.
fn record_fields(model: &Model, ty: &Ty) -> Option<Vec<FieldDef>> {
    match ty {
        Ty::Record(f) => Some(f.clone()),
        Ty::Named(n) => model
            .type_def(n)
            .map(|t| t.fields.clone())
            .or_else(|| model.event(n).map(|e| e.fields.clone())),
        _ => None,
    }
}

/// What a source is, or E0415 when the route's request does not have it
/// (boxed: a diagnostic is large, and most sources are fine).
fn source_shape(
    model: &Model,
    api: &Api,
    route: &Route,
    source: &MapSource,
    span: crate::source::Span,
) -> Result<Shape, Box<Diagnostic>> {
    let missing = |at: crate::source::Span, msg: String, label: &str, help: String| {
        Box::new(
            Diagnostic::new(Code::E0415, at, msg)
                .label(label.to_string())
                .help(help),
        )
    };
    match source {
        MapSource::Body(fields) => {
            if matches!(route.method.as_str(), "GET" | "HEAD" | "OPTIONS") {
                return Err(missing(
                    span,
                    format!("route `{}` maps the request body, but a {} request has none", route.key(), route.method),
                    "no body",
                    "map path, query or header values, or use `POST` (or `PUT`, `PATCH`)".into(),
                ));
            }
            let Some(body) = &route.body else {
                return Ok(Shape::Unknown);
            };
            let mut ty = Ty::Named(body.name.clone());
            let mut owner = body.name.clone();
            for f in fields {
                let Some(fs) = record_fields(model, &ty) else {
                    return Err(missing(
                        f.span,
                        format!("`{owner}` is not a record: it has no field `{}`", f.value),
                        "not a record",
                        "map the value itself".into(),
                    ));
                };
                let Some(def) = fs.iter().find(|d| d.name == f.value) else {
                    let names: Vec<String> = fs.iter().map(|d| format!("`{}`", d.name)).collect();
                    return Err(missing(
                        f.span,
                        format!("the request body (`{}`) has no field `{}`", owner, f.value),
                        "no such field",
                        format!("`{owner}` has {}", names.join(", ")),
                    ));
                };
                owner = format!("{owner}.{}", f.value);
                ty = def.ty.clone();
            }
            Ok(Shape::Ty(ty))
        }
        MapSource::Path(name) => {
            if !path_params(&route.path.value).contains(&name.value.as_str()) {
                return Err(missing(
                    name.span,
                    format!("route `{}` has no path parameter `{}`", route.key(), name.value),
                    "not in the path",
                    format!("write `{{{}}}` in the path, or map one of its parameters", name.value),
                ));
            }
            Ok(Shape::Ty(
                route
                    .params
                    .as_ref()
                    .and_then(|p| p.value.iter().find(|f| f.name == name.value))
                    .map_or(Ty::String, |f| f.ty.clone()),
            ))
        }
        MapSource::Query(name) => {
            if route.query.is_empty() {
                return Ok(Shape::Ty(Ty::String));
            }
            match route.query.iter().find(|f| f.name == name.value) {
                Some(f) => Ok(Shape::Ty(f.ty.clone())),
                None => Err(missing(
                    name.span,
                    format!("route `{}` declares no query parameter `{}`", route.key(), name.value),
                    "not in `query { ... }`",
                    format!("add `{}: string` to the route's `query`", name.value),
                )),
            }
        }
        MapSource::Header(_) => Ok(Shape::Ty(Ty::String)),
        MapSource::Context(var) => Ok(Shape::Ty(var.ty.clone())),
        MapSource::Authorizer(key) => match api.authorizer(api.route_auth(route)) {
            Some(_) => Ok(Shape::Ty(Ty::String)),
            None => Err(missing(
                key.span,
                format!("route `{}` has no authorizer to read `{}` from", route.key(), key.value),
                "no authorizer",
                "protect the route with a Lambda, JWT or Cognito authorizer (`auth = ...`), whose context or claims the mapping reads".into(),
            )),
        },
    }
}

/// E0417: what an HTTP API cannot map.
fn http_limits(route: &Route, diags: &mut Vec<Diagnostic>) {
    if let Some(p) = &route.mapping.payload {
        if let Mapping::Record(_, span) = &p.value {
            diags.push(
                Diagnostic::new(
                    Code::E0417,
                    *span,
                    format!("route `{}` of an HTTP API builds a JSON object, which HTTP APIs cannot", route.key()),
                )
                .label("a record built from pieces")
                .help("map one value (`input = body.order`), or make the API `rest`, whose mapping templates build objects"),
            );
        }
    }
    for (name, m) in &route.mapping.headers {
        if let Mapping::Source(MapSource::Body(_), span) = m {
            diags.push(
                Diagnostic::new(
                    Code::E0417,
                    *span,
                    format!("header `{}` of a forwarded request cannot come from the body on an HTTP API", name.value),
                )
                .label("the body is forwarded as it is")
                .help("map a header, query or path parameter, `request.` fact or `authorizer.` value, or make the API `rest`"),
            );
        }
    }
}

/// The shape of a mapping (records are checked field by field).
fn shape(model: &Model, api: &Api, route: &Route, m: &Mapping) -> Shape {
    match m {
        // `null`: a value already in error.
        Mapping::Literal(serde_json::Value::Null, _) => Shape::Unknown,
        Mapping::Literal(v, _) => Shape::Literal(v.clone()),
        Mapping::Record(..) => Shape::Record,
        Mapping::Source(s, span) => {
            source_shape(model, api, route, s, *span).unwrap_or(Shape::Unknown)
        }
    }
}

/// E0416 for a mapped record against the fields of the type it must be.
#[allow(clippy::too_many_arguments)]
fn fits_fields(
    model: &Model,
    api: &Api,
    route: &Route,
    m: &Mapping,
    fields: &[FieldDef],
    ty_name: &str,
    declared: crate::source::Span,
    diags: &mut Vec<Diagnostic>,
) {
    let Mapping::Record(entries, span) = m else {
        let got = shape(model, api, route, m);
        if !fits(model, &got, &Ty::Named(ty_name.to_string())) {
            diags.push(mismatch(
                m.span(),
                format!("the mapped value is {}, not `{ty_name}`", describe(&got)),
                declared,
                ty_name,
            ));
        }
        return;
    };
    for f in fields.iter().filter(|f| !f.optional) {
        if !entries.iter().any(|(k, _)| k.value == f.name) {
            diags.push(mismatch(
                *span,
                format!(
                    "the mapping has no `{}`, which `{ty_name}` requires",
                    f.name
                ),
                declared,
                ty_name,
            ));
        }
    }
    for (k, item) in entries {
        let Some(f) = fields.iter().find(|f| f.name == k.value) else {
            let names: Vec<String> = fields.iter().map(|f| format!("`{}`", f.name)).collect();
            diags.push(
                Diagnostic::new(
                    Code::E0416,
                    k.span,
                    format!("`{ty_name}` has no field `{}`", k.value),
                )
                .label("not in the type")
                .with(declared, format!("`{ty_name}` is declared here"))
                .help(format!(
                    "map only {}; or add `{}` to `{ty_name}`",
                    names.join(", "),
                    k.value
                )),
            );
            continue;
        };
        if let Mapping::Record(..) = item {
            match record_fields(model, &f.ty) {
                Some(inner) => {
                    let inner_name = match &f.ty {
                        Ty::Named(n) => n.clone(),
                        _ => format!("{ty_name}.{}", f.name),
                    };
                    fits_fields(
                        model,
                        api,
                        route,
                        item,
                        &inner,
                        &inner_name,
                        declared,
                        diags,
                    );
                }
                None => diags.push(mismatch(
                    item.span(),
                    format!(
                        "`{}` of `{ty_name}` is {}, not a record",
                        f.name,
                        ty_text(&f.ty)
                    ),
                    declared,
                    ty_name,
                )),
            }
            continue;
        }
        let got = shape(model, api, route, item);
        if !fits(model, &got, &f.ty) {
            diags.push(mismatch(
                item.span(),
                format!(
                    "`{}` of `{ty_name}` is {}, but the mapping gives {}",
                    f.name,
                    ty_text(&f.ty),
                    describe(&got)
                ),
                declared,
                ty_name,
            ));
        }
    }
}

fn mismatch(
    at: crate::source::Span,
    msg: String,
    declared: crate::source::Span,
    ty_name: &str,
) -> Diagnostic {
    Diagnostic::new(Code::E0416, at, msg)
        .label("does not fit the target's type")
        .with(declared, format!("`{ty_name}` is declared here"))
        .help(format!(
            "map a value of the field's type, or change `{ty_name}`"
        ))
}

/// Whether a value of shape `got` is a valid `want`.
fn fits(model: &Model, got: &Shape, want: &Ty) -> bool {
    match got {
        Shape::Unknown | Shape::Record => true,
        Shape::Literal(v) => match want {
            Ty::String | Ty::Timestamp => v.is_string(),
            Ty::Int => v.is_i64() || v.is_u64(),
            Ty::Number => v.is_number(),
            Ty::Bool => v.is_boolean(),
            Ty::Enum(options) => v.as_str().is_some_and(|s| options.iter().any(|o| o == s)),
            _ => false,
        },
        Shape::Ty(t) => ty_fits(model, t, want),
    }
}

fn ty_fits(model: &Model, got: &Ty, want: &Ty) -> bool {
    match (got, want) {
        (a, b) if a == b => true,
        (Ty::Int, Ty::Number) => true,
        (Ty::Enum(_) | Ty::Timestamp, Ty::String) => true,
        (Ty::Enum(a), Ty::Enum(b)) => a.iter().all(|x| b.contains(x)),
        (Ty::List(a), Ty::List(b)) => ty_fits(model, a, b),
        (Ty::Named(_) | Ty::Record(_), Ty::Named(_) | Ty::Record(_)) => {
            // Records of the same fields fit, whatever their names.
            match (record_fields(model, got), record_fields(model, want)) {
                (Some(a), Some(b)) => {
                    b.iter().all(|f| {
                        f.optional
                            || a.iter().any(|g| {
                                g.name == f.name && !g.optional && ty_fits(model, &g.ty, &f.ty)
                            })
                    }) && a.iter().all(|g| b.iter().any(|f| f.name == g.name))
                }
                _ => false,
            }
        }
        _ => false,
    }
}

fn ty_text(t: &Ty) -> String {
    match t {
        Ty::String => "a string".into(),
        Ty::Int => "an int".into(),
        Ty::Number => "a number".into(),
        Ty::Bool => "a bool".into(),
        Ty::Timestamp => "a timestamp".into(),
        Ty::Enum(o) => format!(
            "one of {}",
            o.iter()
                .map(|x| format!("\"{x}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Ty::List(_) => "a list".into(),
        Ty::Record(_) => "a record".into(),
        Ty::Named(n) => format!("`{n}`"),
    }
}

fn describe(s: &Shape) -> String {
    match s {
        Shape::Unknown => "a value of no declared type".into(),
        Shape::Record => "a record".into(),
        Shape::Literal(v) => format!("`{v}`"),
        Shape::Ty(t) => ty_text(t),
    }
}

/// E0417, E0418 and E0419 for routes to tables and buckets.
fn data_routes(model: &Model, api: &Api, route: &Route, diags: &mut Vec<Diagnostic>) {
    let (what, action_span) = match &route.target {
        RouteTarget::Table { action, .. } => ("DynamoDB", action.span),
        RouteTarget::Bucket { action, .. } => ("S3", action.span),
        _ => return,
    };
    if !api.rest {
        diags.push(
            Diagnostic::new(
                Code::E0417,
                action_span,
                format!(
                    "route `{}` calls {what}, which HTTP APIs cannot integrate",
                    route.key()
                ),
            )
            .label("no such integration on an HTTP API")
            .help("make the API `rest` (REST APIs call any AWS service), or route to a function"),
        );
        return;
    }
    match &route.target {
        RouteTarget::Table { table, action } => {
            if let Some(t) = model.table(&table.name) {
                table_route(model, route, t, action, diags);
            }
        }
        RouteTarget::Bucket { bucket, action } => {
            let ok = matches!(
                &route.mapping.key,
                Some(Mapping::Source(
                    MapSource::Path(_) | MapSource::Query(_) | MapSource::Header(_),
                    _
                ))
            );
            if !ok {
                let at = route
                    .mapping
                    .key
                    .as_ref()
                    .map_or(action.span, Mapping::span);
                diags.push(
                    Diagnostic::new(
                        Code::E0419,
                        at,
                        format!("route `{}` does not say which object of `{}` it reads or writes", route.key(), bucket.name),
                    )
                    .label(if route.mapping.key.is_some() { "not a path, query or header value" } else { "no `key`" })
                    .help("write `key = path.key` (with `{key+}` in the path for keys with `/`), `key = query.key` or `key = header.NAME`"),
                );
            }
        }
        _ => {}
    }
}

fn key_type_word(k: KeyType) -> &'static str {
    match k {
        KeyType::String => "S",
        KeyType::Number => "N",
        KeyType::Binary => "B",
    }
}

fn key_diag(
    at: crate::source::Span,
    msg: String,
    label: &str,
    table: &Table,
    help: String,
) -> Diagnostic {
    Diagnostic::new(Code::E0418, at, msg)
        .label(label.to_string())
        .with(table.span, format!("`{}` is declared here", table.name))
        .help(help)
}

fn table_route(
    model: &Model,
    route: &Route,
    t: &Table,
    action: &Spanned<TableAction>,
    diags: &mut Vec<Diagnostic>,
) {
    // A table whose key did not resolve is reported where it is declared.
    let Some((first_key, _)) = t.key.first() else {
        return;
    };
    let m = &route.mapping;
    let (prop, mapping) = match action.value {
        TableAction::Put => ("item", &m.item),
        _ => ("key", &m.key),
    };
    let Some(mapping) = mapping else {
        diags.push(key_diag(
            action.span,
            format!(
                "route `{}` does not say which item of `{}`",
                route.key(),
                t.name
            ),
            &format!("no `{prop}`"),
            t,
            format!("write `{prop} = {{ {} = path.{} }}`", first_key, first_key),
        ));
        return;
    };
    let Mapping::Record(entries, span) = mapping else {
        diags.push(key_diag(
            mapping.span(),
            format!("`{prop}` is a record of the item's attributes"),
            "not a record",
            t,
            format!("write `{prop} = {{ {first_key} = ... }}`"),
        ));
        return;
    };
    // The key the mapping must give: the table's, or the queried index's.
    let mut key: Vec<(String, KeyType)> = t.key.clone();
    if action.value == TableAction::Query {
        if let Some(index) = &m.index {
            match t.indexes.iter().find(|i| i.name.value == index.value) {
                Some(i) if i.local => {
                    key = vec![t.key[0].clone()];
                    key.extend(i.key.iter().cloned());
                }
                Some(i) => key = i.key.clone(),
                None => {
                    let names: Vec<String> = t
                        .indexes
                        .iter()
                        .map(|i| format!("`{}`", i.name.value))
                        .collect();
                    diags.push(key_diag(
                        index.span,
                        format!("table `{}` has no index `{}`", t.name, index.value),
                        "no such index",
                        t,
                        if names.is_empty() {
                            "declare it in the table's `indexes { ... }`, or query the table itself"
                                .into()
                        } else {
                            format!("query one of {}", names.join(", "))
                        },
                    ));
                    return;
                }
            }
        }
    }
    // Which key attributes must be there: all for put, get and delete;
    // the partition key (the sort key may be left out) for query.
    let required: Vec<&(String, KeyType)> = match action.value {
        TableAction::Query => key.iter().take(1).collect(),
        _ => key.iter().collect(),
    };
    for (name, _) in &required {
        if !entries.iter().any(|(k, _)| k.value == *name) {
            diags.push(key_diag(
                *span,
                format!("`{prop}` has no `{name}`, a key attribute of `{}`", t.name),
                "key attribute missing",
                t,
                format!("add `{name} = ...` (e.g. `path.{name}`)"),
            ));
        }
    }
    for (k, v) in entries {
        let declared = key.iter().find(|(n, _)| *n == k.value);
        if declared.is_none() && action.value != TableAction::Put {
            let names: Vec<String> = key.iter().map(|(n, _)| format!("`{n}`")).collect();
            diags.push(key_diag(
                k.span,
                format!("`{}` is not a key attribute of `{}`", k.value, t.name),
                "not in the key",
                t,
                format!("the key is {}", names.join(", ")),
            ));
            continue;
        }
        // What the value is stored as, from its source.
        let given = match v {
            Mapping::Record(..) => None,
            Mapping::Literal(serde_json::Value::String(_), _) => Some("S"),
            Mapping::Literal(serde_json::Value::Number(_), _) => Some("N"),
            Mapping::Literal(serde_json::Value::Bool(_), _) => Some("BOOL"),
            Mapping::Literal(..) => Some("S"),
            Mapping::Source(s, _) => dynamo_type(s.ty(model, route).as_ref()),
        };
        let Some(given) = given else {
            diags.push(
                Diagnostic::new(
                    Code::E0417,
                    v.span(),
                    format!(
                        "`{}` is a record or list, which a direct table route does not store",
                        k.value
                    ),
                )
                .label("not a string, number or boolean")
                .help("map string, number and boolean values (a function can store documents)"),
            );
            continue;
        };
        if let Some((_, kt)) = declared {
            let want = key_type_word(*kt);
            if want == "B" {
                diags.push(key_diag(
                    v.span(),
                    format!(
                        "`{}` is a binary key attribute, which a request cannot map",
                        k.value
                    ),
                    "binary key",
                    t,
                    "route to a function for tables with binary keys".into(),
                ));
            } else if given != want {
                diags.push(key_diag(
                    v.span(),
                    format!("key attribute `{}` of `{}` is {} ({want}), but the mapping gives {} ({given})", k.value, t.name, dynamo_word(want), dynamo_word(given)),
                    "another type",
                    t,
                    format!("map a {} value, or declare the route's `params`/`body` with that type", if want == "N" { "number" } else { "string" }),
                ));
            }
        }
    }
    // The 200 response type a get or query answers with.
    if let (TableAction::Get | TableAction::Query, Some((status, ty))) = (
        action.value,
        route.responses.iter().find(|(s, _)| s.value == 200),
    ) {
        let fields = model
            .type_def(&ty.name)
            .map(|d| d.fields.clone())
            .unwrap_or_default();
        let scalar = |fs: &[FieldDef]| fs.iter().all(|f| dynamo_type(Some(&f.ty)).is_some());
        let fits = match action.value {
            TableAction::Get => scalar(&fields),
            _ => match fields.as_slice() {
                [f] => match &f.ty {
                    Ty::List(inner) => match inner.as_ref() {
                        Ty::Record(fs) => scalar(fs),
                        Ty::Named(n) => model.type_def(n).is_some_and(|d| scalar(&d.fields)),
                        _ => false,
                    },
                    _ => false,
                },
                _ => false,
            },
        };
        if !fits {
            let shape = if action.value == TableAction::Get {
                "a record of string, number and boolean fields (the item's attributes)"
            } else {
                "a record with one field, a list of records of string, number and boolean fields (the items)"
            };
            diags.push(
                Diagnostic::new(
                    Code::E0417,
                    status.span,
                    format!("`{}` cannot be built from DynamoDB's answer", ty.name),
                )
                .label("not the shape of an item")
                .help(format!("a route that gets or queries items answers with {shape}; or leave out `responses` for DynamoDB's own answer")),
            );
        }
    }
}

/// A DynamoDB type in words.
fn dynamo_word(t: &str) -> &'static str {
    match t {
        "S" => "a string",
        "N" => "a number",
        "BOOL" => "a boolean",
        _ => "binary",
    }
}
