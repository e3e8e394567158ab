//! Request mappings of direct routes, rendered for API Gateway: as VTL for
//! the request templates of REST APIs, and as parameter mappings
//! (`$request.body.name`, `$context.httpMethod`) for HTTP APIs and for the
//! headers of forwarded requests.
//!
//! A REST template builds the mapped JSON as a VTL string (`#set`), from
//! literal text and expressions: a body value is `$input.json(...)` (JSON
//! as sent), any other source a string escaped for JSON. Templates that
//! pass a JSON document as a string (a state machine's `input`, an event's
//! `Detail`, a queue message) escape it once more where they use it.

use crate::model::*;
use serde_json::{json, Map, Value as Json};

/// Escapes a JSON string value produced in VTL: `escapeJavaScript` also
/// escapes `'`, which JSON does not allow.
pub(super) fn escaped(expr: &str) -> String {
    format!("$util.escapeJavaScript({expr}).replaceAll(\"\\\\'\", \"'\")")
}

/// A piece of a mapped JSON document in VTL: text as written, or an
/// expression whose value is inserted.
enum Part {
    Text(String),
    Expr(String),
}

/// The context variable for an authorizer value: a Lambda authorizer's
/// context key, or a claim of a JWT or Cognito authorizer's token.
fn authorizer_var(api: &Api, route: &Route, key: &str) -> String {
    match api.authorizer(api.route_auth(route)).map(|a| &a.kind) {
        Some(AuthorizerKind::Jwt { .. } | AuthorizerKind::Cognito { .. }) => {
            format!("authorizer.claims.{key}")
        }
        _ => format!("authorizer.{key}"),
    }
}

/// A source as a VTL expression whose value is a string (not JSON).
fn string_expr(api: &Api, route: &Route, s: &MapSource) -> String {
    match s {
        MapSource::Body(fields) => format!("$input.path('{}')", json_path(fields)),
        MapSource::Path(n) => format!("$util.urlDecode($input.params().path.get('{}'))", n.value),
        MapSource::Query(n) => format!("$input.params().querystring.get('{}')", n.value),
        MapSource::Header(n) => format!("$input.params().header.get('{}')", n.value),
        MapSource::Context(v) => format!("$context.{}", v.context),
        MapSource::Authorizer(k) => format!("$context.{}", authorizer_var(api, route, &k.value)),
    }
}

/// `$` or `$.a.b`.
fn json_path(fields: &[Spanned<String>]) -> String {
    let mut p = "$".to_string();
    for f in fields {
        p.push('.');
        p.push_str(&f.value);
    }
    p
}

fn parts(api: &Api, route: &Route, m: &Mapping, out: &mut Vec<Part>) {
    match m {
        Mapping::Literal(v, _) => out.push(Part::Text(v.to_string())),
        Mapping::Record(entries, _) => {
            out.push(Part::Text("{".into()));
            for (i, (k, item)) in entries.iter().enumerate() {
                let sep = if i == 0 { "" } else { "," };
                out.push(Part::Text(format!("{sep}{}:", Json::from(k.value.clone()))));
                parts(api, route, item, out);
            }
            out.push(Part::Text("}".into()));
        }
        Mapping::Source(MapSource::Body(fields), _) => {
            out.push(Part::Expr(format!("$input.json('{}')", json_path(fields))));
        }
        Mapping::Source(MapSource::Context(v), _) if v.ty == Ty::Int => {
            out.push(Part::Expr(format!("$context.{}", v.context)));
        }
        Mapping::Source(s, _) => {
            out.push(Part::Text("\"".into()));
            out.push(Part::Expr(escaped(&string_expr(api, route, s))));
            out.push(Part::Text("\"".into()));
        }
    }
}

/// Text for a VTL single-quoted string: `'` cannot appear in it, and in
/// JSON text it can only be inside a string, where `\u0027` means the same.
fn vtl_text(t: &str) -> String {
    format!("'{}'", t.replace('\'', "\\u0027"))
}

/// `#set($VAR = ...)`: the mapped JSON document as a VTL string.
pub fn set_json(var: &str, api: &Api, route: &Route, m: &Mapping) -> String {
    let mut ps = Vec::new();
    parts(api, route, m, &mut ps);
    // Adjacent text pieces read better as one.
    let mut merged: Vec<Part> = Vec::new();
    for p in ps {
        match (merged.last_mut(), p) {
            (Some(Part::Text(a)), Part::Text(b)) => a.push_str(&b),
            (_, p) => merged.push(p),
        }
    }
    let expr: Vec<String> = merged
        .iter()
        .map(|p| match p {
            Part::Text(t) => vtl_text(t),
            Part::Expr(e) => e.clone(),
        })
        .collect();
    format!("#set(${var} = {})", expr.join(" + "))
}

/// `#set($VAR = ...)`: a one-value mapping (an event's source) as a VTL
/// string, not JSON.
pub fn set_string(var: &str, api: &Api, route: &Route, m: &Mapping) -> String {
    let value = match m {
        Mapping::Literal(Json::String(s), _) => vtl_text(s),
        Mapping::Literal(v, _) => vtl_text(&v.to_string()),
        Mapping::Source(s, _) => string_expr(api, route, s),
        // A record is E0417 (resolve); nothing sensible to render.
        Mapping::Record(..) => "''".into(),
    };
    format!("#set(${var} = {value})")
}

/// Escapes `${` for text placed in an `Fn::Sub` string.
pub fn sub_safe(s: &str) -> String {
    s.replace("${", "${!")
}

/// Escapes every `${` of a template but its own `${Table}`.
pub fn sub_safe_template(s: &str) -> String {
    sub_safe(s).replace("${!Table}", "${Table}")
}

/// A one-value mapping as an HTTP API parameter mapping value.
pub fn http_value(api: &Api, route: &Route, m: &Mapping) -> Json {
    match m {
        Mapping::Literal(Json::String(s), _) => json!(s),
        Mapping::Literal(v, _) => json!(v.to_string()),
        Mapping::Source(s, _) => json!(match s {
            MapSource::Body(fields) if fields.is_empty() => "$request.body".to_string(),
            MapSource::Body(fields) => format!(
                "$request.body.{}",
                fields
                    .iter()
                    .map(|f| f.value.as_str())
                    .collect::<Vec<_>>()
                    .join(".")
            ),
            MapSource::Path(n) => format!("$request.path.{}", n.value),
            MapSource::Query(n) => format!("$request.querystring.{}", n.value),
            MapSource::Header(n) => format!("$request.header.{}", n.value),
            MapSource::Context(v) => format!("$context.{}", v.context),
            MapSource::Authorizer(k) =>
                format!("$context.{}", authorizer_var(api, route, &k.value)),
        }),
        // A record is E0417 on HTTP APIs (check::mapping).
        Mapping::Record(..) => json!("$request.body"),
    }
}

/// A one-value mapping as a REST integration request parameter's source
/// (`method.request.header.NAME`, `context.authorizer.KEY`, `'text'`).
fn rest_param(api: &Api, route: &Route, m: &Mapping) -> Json {
    match m {
        Mapping::Literal(Json::String(s), _) => json!(format!("'{s}'")),
        Mapping::Literal(v, _) => json!(format!("'{v}'")),
        Mapping::Source(s, _) => json!(match s {
            MapSource::Body(fields) if fields.is_empty() => "method.request.body".to_string(),
            MapSource::Body(fields) => format!(
                "method.request.body.{}",
                fields
                    .iter()
                    .map(|f| f.value.as_str())
                    .collect::<Vec<_>>()
                    .join(".")
            ),
            MapSource::Path(n) => format!("method.request.path.{}", n.value),
            MapSource::Query(n) => format!("method.request.querystring.{}", n.value),
            MapSource::Header(n) => format!("method.request.header.{}", n.value),
            MapSource::Context(v) => format!("context.{}", v.context),
            MapSource::Authorizer(k) => format!("context.{}", authorizer_var(api, route, &k.value)),
        }),
        Mapping::Record(..) => json!("method.request.body"),
    }
}

/// The request parameters setting a forwarded request's headers: REST
/// `integration.request.header.NAME`, HTTP `overwrite:header.NAME`.
pub fn header_parameters(api: &Api, route: &Route) -> Map<String, Json> {
    route
        .mapping
        .headers
        .iter()
        .map(|(name, m)| {
            if api.rest {
                (
                    format!("integration.request.header.{}", name.value),
                    rest_param(api, route, m),
                )
            } else {
                (
                    format!("overwrite:header.{}", name.value),
                    http_value(api, route, m),
                )
            }
        })
        .collect()
}

/// The method request parameters a REST route's mappings read besides its
/// declared ones (headers, and query parameters it does not declare), none
/// required: `(method.request.KIND.NAME, false)`, for the method's
/// `RequestParameters`.
pub fn read_parameters(route: &Route) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    // An object written takes the request's Content-Type.
    if let RouteTarget::Bucket {
        action: Spanned {
            value: BucketAction::Put,
            ..
        },
        ..
    } = &route.target
    {
        out.push(("method.request.header.Content-Type".into(), false));
    }
    for (s, _) in route.mapping.sources() {
        let key = match s {
            MapSource::Header(n) => format!("method.request.header.{}", n.value),
            MapSource::Query(n) if !route.query.iter().any(|q| q.name == n.value) => {
                format!("method.request.querystring.{}", n.value)
            }
            _ => continue,
        };
        if !out.iter().any(|(k, _)| *k == key) {
            out.push((key, false));
        }
    }
    out
}
