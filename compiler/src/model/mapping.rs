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
    /// Where the properties are, to report mappings a target cannot take:
    /// the property's name and span.
    pub written: Vec<(&'static str, Span)>,
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
