//! Where an API is reached: its endpoint type (`endpoint`), its custom
//! domain (`domain { ... }`) and the networks it admits (`allow_from`).
//!
//! Values here are texts: a string (which may hold `${Param}`), a `param`'s
//! name, or the name of a `resource` declaration of the type that provides
//! the value (its `Ref`: a certificate's ARN, a hosted zone's or VPC
//! endpoint's ID), kept as `${Name}` so that emit writes a `Ref`. The forms
//! of literal values are judged by `check::domains`.

use super::*;
use crate::ast::Decl;
use crate::diagnostics::Code;

/// Resource types whose `Ref` is an ACM certificate's ARN.
const CERTIFICATE_TYPES: &[&str] = &["AWS::CertificateManager::Certificate"];
/// Resource types whose `Ref` is a Route 53 hosted zone's ID.
const ZONE_TYPES: &[&str] = &["AWS::Route53::HostedZone"];
/// Resource types whose `Ref` is a VPC endpoint's ID.
const VPC_ENDPOINT_TYPES: &[&str] = &["AWS::EC2::VPCEndpoint"];
/// Resource types whose `Ref` is a VPC's ID.
const VPC_TYPES: &[&str] = &["AWS::EC2::VPC"];

/// The span of block `key` of declaration `d`'s body (its name), else the
/// declaration's name.
fn block_span(d: &Decl, key: &str) -> Span {
    d.body
        .iter()
        .find_map(|m| match &m.kind {
            MemberKind::Block { key: k, .. } if k.name == key => Some(k.span),
            _ => None,
        })
        .unwrap_or(d.name.span)
}

impl Resolver {
    /// The API's `endpoint`, `domain` and `allow_from`.
    pub(super) fn api_reach(
        &mut self,
        d: &Decl,
        p: &mut Props,
        rest: bool,
    ) -> (
        Option<Spanned<ApiEndpoint>>,
        Option<ApiDomain>,
        Option<AllowFrom>,
    ) {
        let endpoint = p
            .take("endpoint")
            .and_then(|v| self.endpoint(v, rest, true));
        let domain = p
            .take_block("domain")
            .and_then(|body| self.api_domain(body, block_span(d, "domain"), rest));
        let allow_from = p
            .take_block("allow_from")
            .and_then(|body| self.allow_from(body, block_span(d, "allow_from"), rest));
        (endpoint, domain, allow_from)
    }

    /// `regional`, `edge` or `private` (`private` only for the API itself,
    /// `edge` and `private` only on REST APIs).
    fn endpoint(&mut self, v: &ast::Value, rest: bool, api: bool) -> Option<Spanned<ApiEndpoint>> {
        let words: &[&str] = if api {
            &["regional", "edge", "private"]
        } else {
            &["regional", "edge"]
        };
        let w = self.expect_word(v, words)?;
        let e = match w.as_str() {
            "edge" => ApiEndpoint::Edge,
            "private" => ApiEndpoint::Private,
            _ => ApiEndpoint::Regional,
        };
        if !rest && e != ApiEndpoint::Regional {
            self.error(
                Diagnostic::new(
                    Code::E0202,
                    v.span,
                    format!("an HTTP API has no `{w}` endpoint"),
                )
                .label("HTTP APIs are regional")
                .help("make the API `rest` for an edge-optimized or private endpoint, or remove `endpoint`"),
            );
            return None;
        }
        Some(Spanned::new(e, v.span))
    }

    /// `domain { name, certificate, zone, base_path, endpoint }`.
    fn api_domain(&mut self, body: &[ast::Member], span: Span, rest: bool) -> Option<ApiDomain> {
        let mut p = Props::new(body);
        let name = p
            .take("name")
            .and_then(|v| self.domain_text(v, &[], "a domain name"));
        let certificate = p.take("certificate").and_then(|v| match &v.kind {
            ValueKind::Path(path)
                if path.parts.len() == 1
                    && path.head().name == "create"
                    && !self.symbols.contains_key("create") =>
            {
                Some(DomainCertificate::Create(v.span))
            }
            _ => self
                .domain_text(v, CERTIFICATE_TYPES, "a certificate ARN")
                .map(DomainCertificate::Given),
        });
        let zone = p
            .take("zone")
            .and_then(|v| self.domain_text(v, ZONE_TYPES, "a hosted zone ID"));
        let base_path = p.take("base_path").and_then(|v| self.expect_text(v));
        // `certificate = X if C else Y`, `zone = X if C else Y`: a given
        // certificate or zone, or another, decided when deploying.
        let mut conditional = |key: &str, types: &[&str], what: &str| {
            let (cond, other) = body.iter().find_map(|m| match &m.kind {
                MemberKind::Property {
                    key: k,
                    when: Some(w),
                    ..
                } if k.name == key => Some((&w.cond, w.otherwise.as_ref())),
                _ => None,
            })?;
            let cond = self
                .lookup(&cond.head().name, cond.span, &[DeclKind::Condition])
                .map(|_| Spanned::new(cond.head().name.clone(), cond.span))?;
            let Some(other) = other else {
                // A domain always needs a certificate and, with a record,
                // a zone: the other one is part of the choice.
                self.error(
                    Diagnostic::new(
                        Code::E0116,
                        cond.span,
                        format!("`{key}` under a condition needs `else`"),
                    )
                    .label(format!(
                        "without the condition, the domain would have no {key}"
                    ))
                    .help(format!("write `{key} = X if {} else Y`", cond.value)),
                );
                return None;
            };
            let otherwise = Some(self.domain_text(other, types, what)?);
            Some(PropCond { cond, otherwise })
        };
        let certificate_if = conditional("certificate", CERTIFICATE_TYPES, "a certificate ARN");
        let zone_if = conditional("zone", ZONE_TYPES, "a hosted zone ID");
        let endpoint = p
            .take("endpoint")
            .and_then(|v| self.endpoint(v, rest, false));
        p.finish(self, "a `domain`");
        let mut missing = false;
        for (key, set, help) in [
            ("name", name.is_some(), "name the domain: `name = \"api.example.com\"`"),
            (
                "certificate",
                certificate.is_some(),
                "give its ACM certificate, `certificate = \"arn:aws:acm:...\"`, or let slsc create one, `certificate = create`",
            ),
        ] {
            if !set && !body.iter().any(|m| matches!(&m.kind, MemberKind::Property { key: k, .. } if k.name == key)) {
                self.error(
                    Diagnostic::new(Code::E0107, span, format!("`domain` has no `{key}`"))
                        .label(format!("missing `{key}`"))
                        .help(help),
                );
            }
            missing |= !set;
        }
        if let (Some(DomainCertificate::Create(at)), None) = (&certificate, &zone) {
            self.error(
                Diagnostic::new(
                    Code::E0107,
                    *at,
                    "a certificate slsc creates needs the domain's `zone`",
                )
                .label("validated by a DNS record in the hosted zone")
                .help("add `zone = \"Z...\"` (the hosted zone of the domain), or give an existing certificate's ARN"),
            );
            missing = true;
        }
        if missing {
            return None;
        }
        Some(ApiDomain {
            name: name?,
            certificate: certificate?,
            zone,
            base_path,
            certificate_if,
            zone_if,
            endpoint: endpoint.unwrap_or(Spanned::new(ApiEndpoint::Regional, span)),
            span,
        })
    }

    /// `allow_from { vpc_endpoints = [...], vpcs = [...], ips = [...] }`.
    fn allow_from(&mut self, body: &[ast::Member], span: Span, rest: bool) -> Option<AllowFrom> {
        let mut p = Props::new(body);
        let mut out = AllowFrom {
            span,
            ..AllowFrom::default()
        };
        for (key, types, what) in [
            ("vpc_endpoints", VPC_ENDPOINT_TYPES, "a VPC endpoint ID"),
            ("vpcs", VPC_TYPES, "a VPC ID"),
            ("ips", &[][..], "an IP range"),
        ] {
            let Some(v) = p.take(key) else { continue };
            let items: Vec<&ast::Value> = match &v.kind {
                ValueKind::List(items) => items.iter().collect(),
                _ => vec![v],
            };
            let texts: Vec<Spanned<String>> = items
                .into_iter()
                .filter_map(|i| self.domain_text(i, types, what))
                .collect();
            match key {
                "vpc_endpoints" => out.vpc_endpoints = texts,
                "vpcs" => out.vpcs = texts,
                _ => out.ips = texts,
            }
        }
        p.finish(self, "`allow_from`");
        if !rest {
            self.error(
                Diagnostic::new(
                    Code::E0202,
                    span,
                    "an HTTP API has no resource policy to admit callers by network",
                )
                .label("REST APIs only")
                .help("make the API `rest`, or authorize callers with `auth`"),
            );
            return None;
        }
        Some(out)
    }

    /// A text: a string, a `param`'s name (`${P}`), or the name of a
    /// `resource` of one of `types` (`${R}`, its `Ref`).
    fn domain_text(
        &mut self,
        v: &ast::Value,
        types: &[&str],
        what: &str,
    ) -> Option<Spanned<String>> {
        let ValueKind::Path(path) = &v.kind else {
            return self.expect_text(v);
        };
        if self.is_param(path) {
            return self.expect_text(v);
        }
        let head = path.head();
        if let (Some(ty), 1) = (self.raw_types.get(&head.name).cloned(), path.parts.len()) {
            self.used.insert(head.name.clone());
            if types.contains(&ty.as_str()) {
                return Some(Spanned::new(format!("${{{}}}", head.name), v.span));
            }
            let expected = if types.is_empty() {
                format!("{what} (a string or a `param`)")
            } else {
                format!(
                    "{what} (a string, a `param` or a `{}` resource)",
                    types.join("` or `")
                )
            };
            self.error(
                Diagnostic::new(
                    Code::E0103,
                    v.span,
                    format!("expected {expected}, found a `{ty}` resource"),
                )
                .label(format!("not {what}"))
                .help(format!(
                    "write {what} as a string, or name a `param` that holds it"
                )),
            );
            return None;
        }
        let kinds: &[DeclKind] = if types.is_empty() {
            &[DeclKind::Param]
        } else {
            &[DeclKind::Param, DeclKind::Resource]
        };
        if self.lookup(&head.name, head.span, kinds).is_some() {
            self.type_error(
                v,
                what,
                "write the value as a string, or name a `param` that holds it",
            );
        }
        None
    }
}
