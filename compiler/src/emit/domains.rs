//! Where an API is reached, in both targets: its endpoint type, its
//! custom domain (domain name, mapping, Route 53 alias record and, with
//! `certificate = create`, the ACM certificate) and the resource policy of
//! `allow_from`.

use super::shared::{self, text};
use super::Template;
use crate::model::*;
use crate::naming::ids::logical;
use crate::naming::refs::{get_att, r#ref};
use serde_json::{json, Value as Json};

/// The TLS policy of every custom domain: TLS 1.2 at least.
const SECURITY_POLICY: &str = "TLS_1_2";

/// The logical IDs of what an API's reach adds besides the API itself in
/// `target`'s template (for the template's resource count).
pub fn resource_ids(api: &Api, sam: bool) -> Vec<String> {
    let Some(d) = &api.domain else {
        return Vec::new();
    };
    let id = logical(&api.name);
    let mut out = Vec::new();
    if matches!(d.certificate, DomainCertificate::Create(_)) {
        out.push(format!("{id}Certificate"));
    }
    if !sam {
        out.push(format!("{id}Domain"));
        out.push(format!("{id}DomainMapping"));
        if d.zone.is_some() {
            out.push(format!("{id}DomainRecord"));
        }
    }
    out
}

/// The ARN of the domain's certificate.
fn certificate(api: &Api, d: &ApiDomain) -> Json {
    let arn = match &d.certificate {
        DomainCertificate::Given(arn) => text(&arn.value),
        DomainCertificate::Create(_) => r#ref(&format!("{}Certificate", logical(&api.name))),
    };
    conditional(arn, d.certificate_if.as_ref())
}

/// The domain's hosted zone ID, as written (`zone = X if C else Y`: both).
fn zone(d: &ApiDomain, z: &Spanned<String>) -> Json {
    conditional(text(&z.value), d.zone_if.as_ref())
}

/// `value if C else other`, or `value`.
fn conditional(value: Json, c: Option<&PropCond>) -> Json {
    match c {
        Some(pc) => super::conditions::guarded(
            &pc.cond.value,
            value,
            pc.otherwise.as_ref().map(|o| text(&o.value)),
        ),
        None => value,
    }
}

/// The certificate `<A>Certificate`, when slsc creates it (added after
/// the API's other resources, where the counts expect it).
fn add_certificate(model: &Model, api: &Api, t: &mut Template) {
    let Some(d) = &api.domain else { return };
    let id = format!("{}Certificate", logical(&api.name));
    match &d.certificate {
        DomainCertificate::Given(_) => {}
        DomainCertificate::Create(span) => {
            let mut validation = json!({ "DomainName": text(&d.name.value) });
            if let Some(z) = &d.zone {
                validation["HostedZoneId"] = zone(d, z);
            }
            let mut props = json!({
                "DomainName": text(&d.name.value),
                "ValidationMethod": "DNS",
                "DomainValidationOptions": [validation],
            });
            if !model.tags.is_empty() {
                props["Tags"] = shared::tag_list(model);
            }
            t.add(
                id.clone(),
                json!({ "Type": "AWS::CertificateManager::Certificate", "Properties": props }),
            );
            t.prop(&id, "ValidationMethod", *span);
        }
    }
}

/// SAM's `Domain` property of the API (both `AWS::Serverless::Api` and
/// `AWS::Serverless::HttpApi`), from which SAM generates the domain name,
/// the mapping and the Route 53 record.
pub fn sam_domain(api: &Api) -> Option<Json> {
    let d = api.domain.as_ref()?;
    let mut out = json!({
        "DomainName": text(&d.name.value),
        "CertificateArn": certificate(api, d),
        "EndpointConfiguration": d.endpoint.value.aws(),
        "SecurityPolicy": SECURITY_POLICY,
    });
    if let Some(p) = &d.base_path {
        out["BasePath"] = json!([text(&p.value)]);
    }
    if let Some(z) = &d.zone {
        out["Route53"] = json!({ "HostedZoneId": zone(d, z) });
    }
    Some(out)
}

/// The custom domain of a REST API (`stage`: a `Ref` to its stage) or an
/// HTTP API as plain CloudFormation: `<A>Domain`, its mapping
/// `<A>DomainMapping` and the alias record `<A>DomainRecord`.
pub fn cfn_domain(model: &Model, api: &Api, stage: Json, t: &mut Template) {
    let Some(d) = &api.domain else { return };
    add_certificate(model, api, t);
    let id = logical(&api.name);
    let domain_id = format!("{id}Domain");
    let certificate = certificate(api, d);
    let edge = d.endpoint.value == ApiEndpoint::Edge;
    let (domain, mapping) = if api.rest {
        let mut props = json!({
            "DomainName": text(&d.name.value),
            "EndpointConfiguration": { "Types": [d.endpoint.value.aws()] },
            "SecurityPolicy": SECURITY_POLICY,
        });
        // Edge domains are served by CloudFront, whose certificate is
        // `CertificateArn`; regional ones use `RegionalCertificateArn`.
        let key = if edge {
            "CertificateArn"
        } else {
            "RegionalCertificateArn"
        };
        props[key] = certificate;
        if !model.tags.is_empty() {
            props["Tags"] = shared::tag_list(model);
        }
        let mut mapping = json!({
            "DomainName": r#ref(&domain_id),
            "RestApiId": r#ref(&id),
            "Stage": stage,
        });
        if let Some(p) = &d.base_path {
            mapping["BasePath"] = text(&p.value);
        }
        (
            json!({ "Type": "AWS::ApiGateway::DomainName", "Properties": props }),
            json!({ "Type": "AWS::ApiGateway::BasePathMapping", "Properties": mapping }),
        )
    } else {
        let mut props = json!({
            "DomainName": text(&d.name.value),
            "DomainNameConfigurations": [{
                "CertificateArn": certificate,
                "EndpointType": d.endpoint.value.aws(),
                "SecurityPolicy": SECURITY_POLICY,
            }],
        });
        if !model.tags.is_empty() {
            props["Tags"] = shared::tag_map(model);
        }
        let mut mapping = json!({
            "ApiId": r#ref(&id),
            "DomainName": r#ref(&domain_id),
            "Stage": stage,
        });
        if let Some(p) = &d.base_path {
            mapping["ApiMappingKey"] = text(&p.value);
        }
        (
            json!({ "Type": "AWS::ApiGatewayV2::DomainName", "Properties": props }),
            json!({ "Type": "AWS::ApiGatewayV2::ApiMapping", "Properties": mapping }),
        )
    };
    t.add(domain_id.clone(), domain);
    t.prop(&domain_id, "DomainName", d.name.span);
    t.add(format!("{id}DomainMapping"), mapping);
    if let Some(z) = &d.zone {
        let (name, alias_zone) = if edge {
            ("DistributionDomainName", "DistributionHostedZoneId")
        } else {
            ("RegionalDomainName", "RegionalHostedZoneId")
        };
        let record = format!("{id}DomainRecord");
        t.add(
            record.clone(),
            json!({
                "Type": "AWS::Route53::RecordSet",
                "Properties": {
                    "HostedZoneId": zone(d, z),
                    "Name": text(&d.name.value),
                    "Type": "A",
                    "AliasTarget": {
                        "DNSName": get_att(&domain_id, name),
                        "HostedZoneId": get_att(&domain_id, alias_zone),
                        "EvaluateTargetHealth": false,
                    },
                },
            }),
        );
        t.prop(&record, "HostedZoneId", z.span);
    }
}

/// SAM target: the certificate slsc creates (SAM generates the rest from
/// the API's `Domain`), and the output.
pub fn sam_extras(model: &Model, api: &Api, t: &mut Template) {
    add_certificate(model, api, t);
    output(api, t);
}

/// The output `<A>DomainUrl`: the API's URL through its custom domain.
pub fn output(api: &Api, t: &mut Template) {
    let Some(d) = &api.domain else { return };
    t.output(
        crate::naming::ids::domain_url_output(&api.name),
        json!({
            "Description": format!("URL of API {} through its custom domain", api.name),
            "Value": text(&d.url()),
        }),
    );
}

/// The statements of a REST API's resource policy from `allow_from`: an
/// `Allow` per kind of source, and one `Deny` of every request from none
/// of them (so that no IAM policy of the account admits others either).
pub fn policy_statements(api: &Api) -> Option<Vec<Json>> {
    let a = api.allow_from.as_ref().filter(|a| !a.is_empty())?;
    let texts = |l: &[Spanned<String>]| l.iter().map(|s| text(&s.value)).collect::<Vec<_>>();
    let sources = [
        (
            "StringEquals",
            "StringNotEquals",
            "aws:SourceVpce",
            &a.vpc_endpoints,
        ),
        ("StringEquals", "StringNotEquals", "aws:SourceVpc", &a.vpcs),
        ("IpAddress", "NotIpAddress", "aws:SourceIp", &a.ips),
    ];
    let invoke = |effect: &str, condition: Json| {
        json!({
            "Effect": effect,
            "Principal": "*",
            "Action": "execute-api:Invoke",
            "Resource": "execute-api:/*",
            "Condition": condition,
        })
    };
    let mut out = Vec::new();
    let mut deny = serde_json::Map::new();
    for (allow_op, deny_op, key, list) in sources {
        if list.is_empty() {
            continue;
        }
        out.push(invoke("Allow", json!({ allow_op: { key: texts(list) } })));
        let entry = deny.entry(deny_op.to_string()).or_insert_with(|| json!({}));
        entry[key] = json!(texts(list));
    }
    out.push(invoke("Deny", Json::Object(deny)));
    Some(out)
}

/// The resource policy document of a REST API (CloudFormation's
/// `Policy`).
pub fn policy(api: &Api) -> Option<Json> {
    policy_statements(api).map(|s| json!({ "Version": "2012-10-17", "Statement": s }))
}
