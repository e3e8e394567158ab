//! Custom domains (`domain { ... }`), endpoint types and `allow_from` on
//! HTTP and REST APIs, in both targets: the domain resources (or SAM's
//! `Domain`), the certificate slsc creates, the resource policy of
//! `allow_from`, the `domain_url` attribute and output, the counts, and
//! snapshots of `tests/domains/app.sls`.

#[path = "support/common.rs"]
mod common;

use serde_json::{json, Value};
use slsc::{Format, Target};
use std::path::Path;

const SPEC: &str = "tests/domains/app.sls";

fn build(target: Target) -> Value {
    let c = common::compile(Path::new(SPEC));
    assert!(!c.has_errors(), "{}", common::rendered(&c));
    let built = slsc::build(&c, target).unwrap();
    common::assert_counts_match(&c, &built, target, SPEC);
    (*built).clone()
}

fn codes(spec: &str) -> Vec<String> {
    let c = slsc::compile_source("t.sls", None, spec.to_string(), common::options());
    c.diagnostics.iter().map(|d| d.code.to_string()).collect()
}

#[test]
fn domains_snapshot_in_both_targets() {
    for (target, suffix) in [(Target::Sam, "sam"), (Target::CloudFormation, "cfn")] {
        let c = common::compile(Path::new(SPEC));
        let template = slsc::build(&c, target).expect("no errors");
        insta::assert_snapshot!(
            format!("domains.{suffix}"),
            slsc::emit::write(&template, Format::Yaml)
        );
    }
}

#[test]
fn sam_apis_carry_their_domain() {
    let t = build(Target::Sam);
    let shop = &t["Resources"]["Shop"]["Properties"]["Domain"];
    assert_eq!(shop["DomainName"], json!({ "Ref": "ShopDomainName" }));
    assert_eq!(shop["CertificateArn"], json!({ "Ref": "ShopCertArn" }));
    assert_eq!(shop["EndpointConfiguration"], "EDGE");
    assert_eq!(shop["SecurityPolicy"], "TLS_1_2");
    assert_eq!(
        shop["Route53"]["HostedZoneId"],
        json!({ "Ref": "ShopZone" })
    );
    let partners = &t["Resources"]["Partners"]["Properties"]["Domain"];
    assert_eq!(
        partners["CertificateArn"],
        json!({ "Ref": "PartnersCertificate" })
    );
    assert_eq!(partners["BasePath"], json!(["v1"]));
    assert_eq!(
        partners["Route53"]["HostedZoneId"],
        json!({ "Ref": "Zone" })
    );
    let cert = &t["Resources"]["PartnersCertificate"];
    assert_eq!(cert["Type"], "AWS::CertificateManager::Certificate");
    assert_eq!(cert["Properties"]["ValidationMethod"], "DNS");
    assert_eq!(
        cert["Properties"]["DomainValidationOptions"][0]["HostedZoneId"],
        json!({ "Ref": "Zone" })
    );
}

#[test]
fn cloudformation_writes_the_domain_its_mapping_and_record() {
    let t = build(Target::CloudFormation);
    let r = &t["Resources"];
    assert_eq!(r["ShopDomain"]["Type"], "AWS::ApiGateway::DomainName");
    assert_eq!(
        r["ShopDomain"]["Properties"]["CertificateArn"],
        json!({ "Ref": "ShopCertArn" })
    );
    assert_eq!(
        r["ShopDomain"]["Properties"]["EndpointConfiguration"]["Types"],
        json!(["EDGE"])
    );
    assert_eq!(
        r["ShopDomainMapping"]["Type"],
        "AWS::ApiGateway::BasePathMapping"
    );
    assert_eq!(
        r["ShopDomainMapping"]["Properties"]["Stage"],
        json!({ "Ref": "ShopStage" })
    );
    assert_eq!(
        r["ShopDomainRecord"]["Properties"]["AliasTarget"]["DNSName"],
        json!({ "Fn::GetAtt": ["ShopDomain", "DistributionDomainName"] })
    );
    assert_eq!(r["PartnersDomain"]["Type"], "AWS::ApiGatewayV2::DomainName");
    assert_eq!(
        r["PartnersDomain"]["Properties"]["DomainNameConfigurations"][0]["CertificateArn"],
        json!({ "Ref": "PartnersCertificate" })
    );
    assert_eq!(
        r["PartnersDomainMapping"]["Type"],
        "AWS::ApiGatewayV2::ApiMapping"
    );
    assert_eq!(
        r["PartnersDomainMapping"]["Properties"]["ApiMappingKey"],
        "v1"
    );
    assert_eq!(
        r["PartnersDomainRecord"]["Properties"]["AliasTarget"]["HostedZoneId"],
        json!({ "Fn::GetAtt": ["PartnersDomain", "RegionalHostedZoneId"] })
    );
    // No zone, no record; no domain, nothing.
    assert!(r.get("InternalDomain").is_none());
}

#[test]
fn domain_urls_are_outputs_and_attributes() {
    for target in [Target::Sam, Target::CloudFormation] {
        let t = build(target);
        let o = &t["Outputs"];
        assert_eq!(
            o["ShopDomainUrl"]["Value"],
            json!({ "Fn::Sub": "https://${ShopDomainName}" })
        );
        assert_eq!(
            o["PartnersDomainUrl"]["Value"],
            "https://api.partners.example.com/v1"
        );
        assert_eq!(o["ShopSite"]["Value"], o["ShopDomainUrl"]["Value"]);
    }
}

#[test]
fn allow_from_becomes_an_allow_per_source_and_one_deny() {
    let cfn = build(Target::CloudFormation);
    let internal = &cfn["Resources"]["Internal"]["Properties"];
    assert_eq!(
        internal["EndpointConfiguration"]["Types"],
        json!(["PRIVATE"])
    );
    let statements = internal["Policy"]["Statement"].as_array().unwrap();
    assert_eq!(statements.len(), 3);
    assert_eq!(
        statements[0]["Condition"],
        json!({ "StringEquals": { "aws:SourceVpce": [{ "Ref": "ApiEndpoint" }] } })
    );
    assert_eq!(
        statements[1]["Condition"],
        json!({ "StringEquals": { "aws:SourceVpc": [{ "Ref": "CallerVpc" }] } })
    );
    assert_eq!(statements[2]["Effect"], "Deny");
    assert_eq!(
        statements[2]["Condition"],
        json!({ "StringNotEquals": {
            "aws:SourceVpce": [{ "Ref": "ApiEndpoint" }],
            "aws:SourceVpc": [{ "Ref": "CallerVpc" }],
        } })
    );
    let office = &cfn["Resources"]["Office"]["Properties"]["Policy"]["Statement"];
    assert_eq!(
        office[1]["Condition"],
        json!({ "NotIpAddress": { "aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"] } })
    );
    // SAM: the same statements, which SAM writes into the API's policy.
    let sam = build(Target::Sam);
    let internal = &sam["Resources"]["Internal"]["Properties"];
    assert_eq!(
        internal["EndpointConfiguration"],
        json!({ "Type": "PRIVATE" })
    );
    assert_eq!(
        internal["Auth"]["ResourcePolicy"]["CustomStatements"],
        json!(statements)
    );
}

const APP: &str = "app shop { runtime = \"python3.13\" }\nfunction Orders { handler = \"o.h\" }\n";

#[test]
fn domain_and_endpoint_mistakes_are_reported() {
    let cases = [
        // HTTP APIs are regional and have no resource policy.
        ("api A http {\n auth = none\n endpoint = private\n GET /o -> Orders\n}", "E0202"),
        (
            "api A http {\n auth = none\n allow_from { vpcs = [\"vpc-01234567\"] }\n GET /o -> Orders\n}",
            "E0202",
        ),
        // A domain needs its certificate; a created one needs the zone.
        ("api A http {\n auth = none\n domain { name = \"a.example.com\" }\n GET /o -> Orders\n}", "E0107"),
        (
            "api A http {\n auth = none\n domain { name = \"a.example.com\", certificate = create }\n GET /o -> Orders\n}",
            "E0107",
        ),
        // The certificate names a resource of another type.
        (
            "resource Q \"AWS::SQS::Queue\" { properties = {} }\napi A http {\n auth = none\n domain { name = \"a.example.com\", certificate = Q }\n GET /o -> Orders\n}",
            "E0103",
        ),
        ("api A rest {\n auth = iam\n allow_from { }\n GET /o -> Orders\n}", "E0229"),
    ];
    for (body, code) in cases {
        let spec = format!("{APP}{body}\n");
        let found = codes(&spec);
        assert!(
            found.iter().any(|c| c == code),
            "{code} expected for:\n{spec}\nfound {found:?}"
        );
    }
    // `domain_url` of an API without a domain.
    let spec = "app shop {\n runtime = \"python3.13\"\n outputs { U = A.domain_url }\n}\nfunction Orders { handler = \"o.h\" }\napi A http {\n auth = none\n GET /o -> Orders\n}\n";
    assert!(
        codes(spec).iter().any(|c| c == "E0108"),
        "{:?}",
        codes(spec)
    );
}
