//! Request mappings of direct routes: what API Gateway builds from the
//! request for the service it calls (`input = { data = body, httpMethod =
//! request.method }`, `headers = { enrichment = authorizer.enrichment }`).
//!
//! A mapping is a tree of records, literals and sources; each source names
//! one piece of the request. The resolver builds it, `check::mapping` checks
//! it against the route and the target's declared type, and
//! `emit::mapping` renders it as a VTL template (REST APIs) or as parameter
//! mappings (HTTP APIs).

use super::{Spanned, Ty};
use crate::source::Span;

/// A value built from the request.
#[derive(Debug, Clone)]
pub enum Mapping {
    /// One piece of the request (`body.name`, `path.id`, ...).
    Source(MapSource, Span),
    /// A string, number or boolean written in the spec.
    Literal(serde_json::Value, Span),
    /// `{ key = mapping, ... }`: a JSON object.
    Record(Vec<(Spanned<String>, Mapping)>, Span),
}

impl Mapping {
    /// Where it is written.
    pub fn span(&self) -> Span {
        match self {
            Mapping::Source(_, s) | Mapping::Literal(_, s) | Mapping::Record(_, s) => *s,
        }
    }

    /// Every source in it, in order.
    pub fn sources(&self) -> Vec<(&MapSource, Span)> {
        match self {
            Mapping::Source(s, span) => vec![(s, *span)],
            Mapping::Literal(..) => Vec::new(),
            Mapping::Record(entries, _) => entries.iter().flat_map(|(_, m)| m.sources()).collect(),
        }
    }
}

/// A piece of the request a mapping reads.
#[derive(Debug, Clone, PartialEq)]
pub enum MapSource {
    /// `body` (the whole JSON body) or `body.a.b` (a field in it).
    Body(Vec<Spanned<String>>),
    /// `path.NAME`: a path parameter.
    Path(Spanned<String>),
    /// `query.NAME`: a query string parameter.
    Query(Spanned<String>),
    /// `header.NAME`: a request header.
    Header(Spanned<String>),
    /// `request.WORD`: a fact about the request (see [`CONTEXT`]).
    Context(&'static ContextVar),
    /// `authorizer.KEY`: a value of the Lambda authorizer's context (or a
    /// claim of a JWT or Cognito authorizer).
    Authorizer(Spanned<String>),
}

/// A fact API Gateway knows about each request, as `request.WORD`.
#[derive(Debug, PartialEq)]
pub struct ContextVar {
    /// The word after `request.`.
    pub word: &'static str,
    /// The context variable (`$context.NAME` in both kinds of API).
    pub context: &'static str,
    /// Its type.
    pub ty: Ty,
    /// What it is, for the documentation and diagnostics.
    pub about: &'static str,
}

/// The `request.WORD` sources.
pub const CONTEXT: &[ContextVar] = &[
    ContextVar {
        word: "method",
        context: "httpMethod",
        ty: Ty::String,
        about: "the request's HTTP method",
    },
    ContextVar {
        word: "id",
        context: "requestId",
        ty: Ty::String,
        about: "API Gateway's id of the request",
    },
    ContextVar {
        word: "time",
        context: "requestTime",
        ty: Ty::String,
        about: "when the request arrived (CLF format)",
    },
    ContextVar {
        word: "time_epoch",
        context: "requestTimeEpoch",
        ty: Ty::Int,
        about: "when the request arrived, in milliseconds since 1970",
    },
    ContextVar {
        word: "source_ip",
        context: "identity.sourceIp",
        ty: Ty::String,
        about: "the caller's IP address",
    },
    ContextVar {
        word: "user_agent",
        context: "identity.userAgent",
        ty: Ty::String,
        about: "the caller's User-Agent",
    },
    ContextVar {
        word: "path",
        context: "path",
        ty: Ty::String,
        about: "the request's path",
    },
    ContextVar {
        word: "stage",
        context: "stage",
        ty: Ty::String,
        about: "the API's stage",
    },
];

/// What a direct route maps from the request, each `None` or empty when
/// the route passes the body as it is.
#[derive(Debug, Clone, Default)]
pub struct RouteMapping {
    /// `input = ...` (state machine), `message = ...` (queue) or
    /// `detail = ...` (bus): what the service receives instead of the body.
    pub payload: Option<Spanned<Mapping>>,
    /// `source = ...` on a route to a bus without a named event.
    pub source: Option<Mapping>,
    /// `detail_type = ...` on a route to a bus without a named event.
    pub detail_type: Option<Mapping>,
    /// `headers = { NAME = ... }` on a route to a URL: headers added to the
    /// forwarded request.
    pub headers: Vec<(Spanned<String>, Mapping)>,
    /// `item = { ... }` on `-> T.put`: the item written.
    pub item: Option<Mapping>,
    /// `key = ...`: the item's key on `-> T.get`, `T.delete`, the key
    /// condition of `-> T.query`, the object key of `-> B.get`, `B.put`.
    pub key: Option<Mapping>,
    /// `index = "NAME"` on `-> T.query`: the secondary index queried.
    pub index: Option<Spanned<String>>,
    /// `prefix = "uploads/"` on `-> B.get`, `B.put`: where the objects are.
    pub prefix: Option<Spanned<String>>,
    /// Where the properties are, to report mappings a target cannot take:
    /// the property's name and span.
    pub written: Vec<(&'static str, Span)>,
}

/// What a route does to a table (`-> Table.put`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableAction {
    /// `put`: `PutItem` of the mapped `item`.
    Put,
    /// `get`: `GetItem` by `key`.
    Get,
    /// `query`: `Query` on the key condition `key` (of the table or an
    /// `index`).
    Query,
    /// `delete`: `DeleteItem` by `key`.
    Delete,
}

impl TableAction {
    /// The words after `Table.`, with their actions.
    pub const ALL: [(&'static str, TableAction); 4] = [
        ("put", TableAction::Put),
        ("get", TableAction::Get),
        ("query", TableAction::Query),
        ("delete", TableAction::Delete),
    ];

    /// The DynamoDB API action (`PutItem`), also its IAM action's name.
    pub fn api(self) -> &'static str {
        match self {
            TableAction::Put => "PutItem",
            TableAction::Get => "GetItem",
            TableAction::Query => "Query",
            TableAction::Delete => "DeleteItem",
        }
    }
}

/// What a route does to a bucket (`-> Bucket.get`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BucketAction {
    /// `get`: `GetObject` of the object at `key`.
    Get,
    /// `put`: `PutObject` of the request body at `key`.
    Put,
}

impl BucketAction {
    /// The words after `Bucket.`, with their actions.
    pub const ALL: [(&'static str, BucketAction); 2] =
        [("get", BucketAction::Get), ("put", BucketAction::Put)];

    /// The S3 HTTP method and IAM action.
    pub fn http(self) -> (&'static str, &'static str) {
        match self {
            BucketAction::Get => ("GET", "s3:GetObject"),
            BucketAction::Put => ("PUT", "s3:PutObject"),
        }
    }
}

impl RouteMapping {
    /// Every source the route's mappings read.
    pub fn sources(&self) -> Vec<(&MapSource, Span)> {
        let mut out = Vec::new();
        if let Some(p) = &self.payload {
            out.extend(p.value.sources());
        }
        for m in self.source.iter().chain(&self.detail_type) {
            out.extend(m.sources());
        }
        for (_, m) in &self.headers {
            out.extend(m.sources());
        }
        for m in self.item.iter().chain(&self.key) {
            out.extend(m.sources());
        }
        out
    }

    /// Whether the payload is mapped and never reads the body (a GET
    /// route may then send it).
    pub fn needs_no_body(&self) -> bool {
        self.payload.as_ref().is_some_and(|p| {
            !p.value
                .sources()
                .iter()
                .any(|(s, _)| matches!(s, MapSource::Body(_)))
        })
    }
}

impl MapSource {
    /// Its type as far as the spec says (None: a body of no declared
    /// type). A source the request lacks (E0415) is None too.
    pub fn ty(&self, model: &super::Model, route: &super::Route) -> Option<Ty> {
        match self {
            MapSource::Body(fields) => {
                let mut ty = Ty::Named(route.body.as_ref()?.name.clone());
                for f in fields {
                    let fs = match &ty {
                        Ty::Record(fs) => fs.clone(),
                        Ty::Named(n) => model.type_def(n)?.fields.clone(),
                        _ => return None,
                    };
                    ty = fs.into_iter().find(|d| d.name == f.value)?.ty;
                }
                Some(ty)
            }
            MapSource::Path(n) => Some(
                route
                    .params
                    .as_ref()
                    .and_then(|p| p.value.iter().find(|f| f.name == n.value))
                    .map_or(Ty::String, |f| f.ty.clone()),
            ),
            MapSource::Query(n) => Some(
                route
                    .query
                    .iter()
                    .find(|f| f.name == n.value)
                    .map_or(Ty::String, |f| f.ty.clone()),
            ),
            MapSource::Header(_) | MapSource::Authorizer(_) => Some(Ty::String),
            MapSource::Context(v) => Some(v.ty.clone()),
        }
    }
}

impl MapSource {
    /// Whether a request may lack it: a body field that is (or is inside)
    /// an optional field of the body's type.
    pub fn optional(&self, model: &super::Model, route: &super::Route) -> bool {
        let MapSource::Body(fields) = self else {
            return false;
        };
        let Some(body) = &route.body else {
            return false;
        };
        let mut ty = Ty::Named(body.name.clone());
        for f in fields {
            let fs = match &ty {
                Ty::Record(fs) => fs.clone(),
                Ty::Named(n) => match model.type_def(n) {
                    Some(t) => t.fields.clone(),
                    None => return false,
                },
                _ => return false,
            };
            let Some(d) = fs.into_iter().find(|d| d.name == f.value) else {
                return false;
            };
            if d.optional {
                return true;
            }
            ty = d.ty;
        }
        false
    }
}

/// The DynamoDB type (`S`, `N`, `BOOL`) a scalar of type `ty` is stored
/// as; None for a record or list, which direct routes do not store.
pub fn dynamo_type(ty: Option<&Ty>) -> Option<&'static str> {
    match ty {
        None | Some(Ty::String | Ty::Enum(_) | Ty::Timestamp) => Some("S"),
        Some(Ty::Int | Ty::Number) => Some("N"),
        Some(Ty::Bool) => Some("BOOL"),
        Some(Ty::List(_) | Ty::Record(_) | Ty::Named(_)) => None,
    }
}
