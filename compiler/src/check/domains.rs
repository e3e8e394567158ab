//! Where APIs are reached: custom domains (E0226 names and base paths,
//! E0227 certificate ARNs and hosted zone IDs, E0228 what API Gateway
//! cannot serve), the networks `allow_from` admits (E0227) and private
//! APIs that admit nobody (E0229).
//!
//! Values holding `${...}` (a parameter, a `resource`'s `Ref`) are known
//! only when the stack is deployed: CloudFormation judges them.

use crate::diagnostics::{Code, Diagnostic};
use crate::model::*;

/// Runs the checks on every API.
pub fn check(model: &Model, diags: &mut Vec<Diagnostic>) {
    for (i, api) in model.apis.iter().enumerate() {
        if let Some(d) = &api.domain {
            domain(api, d, diags);
            // Two domain name resources with one name: the second fails.
            if let Some(other) = model.apis[..i]
                .iter()
                .filter_map(|a| a.domain.as_ref().map(|o| (a, o)))
                .find(|(_, o)| o.name.value == d.name.value)
            {
                diags.push(
                    Diagnostic::new(
                        Code::E0228,
                        d.name.span,
                        format!(
                            "API `{}` already serves the domain `{}`",
                            other.0.name, d.name.value
                        ),
                    )
                    .label("the same domain name again")
                    .with(other.1.name.span, "first served here")
                    .help("give each API its own domain name, such as `orders.example.com` and `users.example.com`"),
                );
            }
        }
        reach(api, diags);
    }
}

/// Whether `s` is known only at deployment.
fn deferred(s: &str) -> bool {
    s.contains("${")
}

/// A custom domain's name, base path, certificate and zone.
fn domain(api: &Api, d: &ApiDomain, diags: &mut Vec<Diagnostic>) {
    let name = &d.name.value;
    if !deferred(name) {
        if let Some(why) = domain_name_problem(name) {
            diags.push(
                Diagnostic::new(
                    Code::E0226,
                    d.name.span,
                    format!("`{name}` is not a domain name API Gateway can serve"),
                )
                .label(why)
                .help("write a lower-case DNS name of two or more labels, such as `\"api.example.com\"`"),
            );
        }
    }
    if let Some(p) = &d.base_path {
        if !deferred(&p.value) && !base_path_ok(&p.value) {
            diags.push(
                Diagnostic::new(
                    Code::E0226,
                    p.span,
                    format!("`{}` is not an API Gateway base path", p.value),
                )
                .label("letters, digits and `$-_.+!*'()`, segments separated by `/`")
                .help(
                    "write the path without leading or trailing `/`, such as `base_path = \"v1\"`",
                ),
            );
        }
    }
    // `certificate = X if C else Y`: both are certificates the domain may use.
    let given = match &d.certificate {
        DomainCertificate::Given(arn) => Some(arn),
        DomainCertificate::Create(_) => None,
    };
    let other = d.certificate_if.as_ref().and_then(|c| c.otherwise.as_ref());
    for arn in given.into_iter().chain(other) {
        if !deferred(&arn.value) {
            match certificate_region(&arn.value) {
                None => diags.push(
                    Diagnostic::new(
                        Code::E0227,
                        arn.span,
                        format!("`{}` is not an ACM certificate ARN", arn.value),
                    )
                    .label("expected `arn:aws:acm:REGION:ACCOUNT:certificate/ID`")
                    .help("copy the certificate's ARN from AWS Certificate Manager, or write `certificate = create`"),
                ),
                Some(region) if d.endpoint.value == ApiEndpoint::Edge && region != "us-east-1" => {
                    diags.push(
                        Diagnostic::new(
                            Code::E0228,
                            arn.span,
                            format!("an edge-optimized domain's certificate must be in us-east-1, not {region}"),
                        )
                        .label(format!("a certificate of {region}"))
                        .with(d.endpoint.span, "edge-optimized here")
                        .help("request or import the certificate in us-east-1 (CloudFront serves edge domains), or make the domain `endpoint = regional`"),
                    )
                }
                Some(_) => {}
            }
        }
    }
    let other = d.zone_if.as_ref().and_then(|c| c.otherwise.as_ref());
    for z in d.zone.iter().chain(other) {
        if !deferred(&z.value) && !zone_id_ok(&z.value) {
            diags.push(
                Diagnostic::new(
                    Code::E0227,
                    z.span,
                    format!("`{}` is not a Route 53 hosted zone ID", z.value),
                )
                .label("expected upper-case letters and digits, such as `Z0123456789ABCDEFGHIJ`")
                .help("copy the ID of the domain's hosted zone (without `/hostedzone/`) from Route 53"),
            );
        }
    }
    if let Some(e) = api
        .endpoint
        .clone()
        .filter(|e| e.value == ApiEndpoint::Private)
    {
        diags.push(
            Diagnostic::new(
                Code::E0228,
                d.span,
                format!("private API `{}` cannot be served under a public custom domain", api.name),
            )
            .label("a public domain")
            .with(e.span, "private here")
            .help("callers of a private API use its VPC endpoint's DNS names: remove `domain`, or make the API `regional`"),
        );
    }
}

/// What makes `name` no domain name API Gateway takes, if anything.
fn domain_name_problem(name: &str) -> Option<String> {
    if name.len() > 253 {
        return Some("longer than 253 characters".into());
    }
    if name.ends_with('.') {
        return Some("ends with `.`".into());
    }
    let labels: Vec<&str> = name.split('.').collect();
    if labels.len() < 2 {
        return Some("a single label: a domain has two or more".into());
    }
    for (i, l) in labels.iter().enumerate() {
        // A wildcard domain (`*.example.com`) serves every subdomain.
        if i == 0 && *l == "*" {
            continue;
        }
        if l.is_empty() || l.len() > 63 {
            return Some("each label has 1 to 63 characters".into());
        }
        if l.chars().any(|c| c.is_ascii_uppercase()) {
            return Some("upper-case letters: API Gateway takes lower-case domain names".into());
        }
        if !l
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Some("labels hold letters, digits and `-`".into());
        }
        if l.starts_with('-') || l.ends_with('-') {
            return Some("a label starts or ends with `-`".into());
        }
    }
    None
}

/// API Gateway's base paths: letters, digits and `$-_.+!*'()`, in
/// segments separated by `/`.
fn base_path_ok(p: &str) -> bool {
    !p.is_empty()
        && p.split('/').all(|seg| {
            !seg.is_empty()
                && seg
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "$-_.+!*'()".contains(c))
        })
}

/// The region of an ACM certificate ARN
/// (`arn:PARTITION:acm:REGION:ACCOUNT:certificate/ID`), or None if `arn`
/// is not one.
fn certificate_region(arn: &str) -> Option<&str> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let [a, partition, service, region, account, resource] = parts[..] else {
        return None;
    };
    let ok = a == "arn"
        && partition.starts_with("aws")
        && service == "acm"
        && !region.is_empty()
        && region
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && account.len() == 12
        && account.chars().all(|c| c.is_ascii_digit())
        && resource.strip_prefix("certificate/").is_some_and(|id| {
            !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    ok.then_some(region)
}

/// A Route 53 hosted zone ID: up to 32 upper-case letters and digits.
fn zone_id_ok(z: &str) -> bool {
    (1..=32).contains(&z.len())
        && z.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// `endpoint` and `allow_from`: a private API must admit callers, each
/// source must be well formed.
fn reach(api: &Api, diags: &mut Vec<Diagnostic>) {
    let private = api
        .endpoint
        .clone()
        .filter(|e| e.value == ApiEndpoint::Private);
    match (&api.allow_from, private.clone()) {
        (None, Some(e)) => diags.push(
            Diagnostic::new(
                Code::E0229,
                e.span,
                format!("private API `{}` admits no caller", api.name),
            )
            .label("reachable only through VPC endpoints its policy admits, and it has none")
            .help("say which VPC endpoints may call it: `allow_from { vpc_endpoints = [\"vpce-0123456789abcdef0\"] }`"),
        ),
        (Some(a), _) if a.is_empty() => diags.push(
            Diagnostic::new(
                Code::E0229,
                a.span,
                format!("`allow_from` of API `{}` admits no caller", api.name),
            )
            .label("every request would be denied")
            .help("list `vpc_endpoints`, `vpcs` or `ips` to admit, or remove `allow_from`"),
        ),
        _ => {}
    }
    let Some(a) = &api.allow_from else { return };
    if let (Some(e), Some(ip)) = (private, a.ips.first()) {
        diags.push(
            Diagnostic::new(
                Code::E0229,
                ip.span,
                format!(
                    "private API `{}` cannot admit callers by public IP",
                    api.name
                ),
            )
            .label("a private API's requests come through VPC endpoints")
            .with(e.span, "private here")
            .help("admit the callers' `vpc_endpoints` or `vpcs` instead"),
        );
    }
    let forms: [Form; 3] = [
        (
            &a.vpc_endpoints,
            |s| id_ok(s, "vpce-"),
            "a VPC endpoint ID",
            "`vpce-` and 8 or 17 hexadecimal digits, such as `vpce-0123456789abcdef0`",
        ),
        (
            &a.vpcs,
            |s| id_ok(s, "vpc-"),
            "a VPC ID",
            "`vpc-` and 8 or 17 hexadecimal digits, such as `vpc-0123456789abcdef0`",
        ),
        (
            &a.ips,
            cidr_ok,
            "an IP range",
            "an IPv4 or IPv6 range in CIDR notation, such as `203.0.113.0/24`",
        ),
    ];
    for (list, ok, what, form) in forms {
        for s in list.iter().filter(|s| !deferred(&s.value) && !ok(&s.value)) {
            diags.push(
                Diagnostic::new(Code::E0227, s.span, format!("`{}` is not {what}", s.value))
                    .label(format!("expected {form}"))
                    .help("copy the ID from the VPC console, or name a `param` or `resource` that gives it"),
            );
        }
    }
}

/// A list of `allow_from`, its test, what it holds and its form.
type Form<'a> = (&'a [Spanned<String>], fn(&str) -> bool, &'a str, &'a str);

/// `prefix` and 8 or 17 lower-case hexadecimal digits (EC2's IDs).
fn id_ok(s: &str, prefix: &str) -> bool {
    s.strip_prefix(prefix).is_some_and(|h| {
        matches!(h.len(), 8 | 17)
            && h.chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
    })
}

/// An IPv4 or IPv6 address, optionally with a prefix length.
fn cidr_ok(s: &str) -> bool {
    let (addr, len) = match s.split_once('/') {
        Some((a, l)) => (a, Some(l)),
        None => (s, None),
    };
    let max = match addr.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V4(_)) => 32,
        Ok(std::net::IpAddr::V6(_)) => 128,
        Err(_) => return false,
    };
    len.is_none_or(|l| l.parse::<u8>().is_ok_and(|n| n <= max))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_names() {
        assert_eq!(domain_name_problem("api.example.com"), None);
        assert_eq!(domain_name_problem("*.example.com"), None);
        assert!(domain_name_problem("localhost").is_some());
        assert!(domain_name_problem("Api.example.com").is_some());
        assert!(domain_name_problem("api..example.com").is_some());
        assert!(domain_name_problem("-api.example.com").is_some());
        assert!(domain_name_problem("api_v1.example.com").is_some());
        assert!(domain_name_problem(&format!("{}.com", "a".repeat(64))).is_some());
    }

    #[test]
    fn base_paths() {
        assert!(base_path_ok("v1"));
        assert!(base_path_ok("orders/v2"));
        assert!(!base_path_ok("/v1"));
        assert!(!base_path_ok("v1/"));
        assert!(!base_path_ok("v 1"));
    }

    #[test]
    fn certificate_arns() {
        let arn =
            "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789";
        assert_eq!(certificate_region(arn), Some("us-east-1"));
        assert_eq!(
            certificate_region("arn:aws:acm:eu-west-1:123456789012:certificate/abc"),
            Some("eu-west-1")
        );
        assert_eq!(
            certificate_region("arn:aws:iam::123456789012:server-certificate/x"),
            None
        );
        assert_eq!(
            certificate_region("arn:aws:acm:us-east-1:1234:certificate/x"),
            None
        );
    }

    #[test]
    fn network_ids() {
        assert!(zone_id_ok("Z0123456789ABCDEFGHIJ"));
        assert!(!zone_id_ok("/hostedzone/Z123"));
        assert!(id_ok("vpce-0123456789abcdef0", "vpce-"));
        assert!(id_ok("vpc-01234567", "vpc-"));
        assert!(!id_ok("vpce-xyz", "vpce-"));
        assert!(cidr_ok("203.0.113.0/24"));
        assert!(cidr_ok("2001:db8::/32"));
        assert!(cidr_ok("198.51.100.7"));
        assert!(!cidr_ok("203.0.113.0/33"));
        assert!(!cidr_ok("example.com"));
    }
}
