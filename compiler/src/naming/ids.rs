//! Logical IDs derived from declaration names.
//!
//! CloudFormation logical IDs are alphanumeric. A declaration's ID is its
//! name with `_` and `-` removed and the letter after each capitalised
//! (`orders_dlq` -> `OrdersDlq`); derived resources add a suffix
//! (`CreateOrderRole`). `resolve` reports names whose IDs collide (E0109).

/// The logical ID of a declaration name.
pub fn logical(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = true;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if upper {
                out.push(c.to_ascii_uppercase());
            } else {
                out.push(c);
            }
            upper = false;
        } else {
            upper = true;
        }
    }
    out
}

/// The enhanced fan-out consumer a function's trigger reads stream
/// `stream` through.
pub fn consumer(function: &str, stream: &str) -> String {
    format!("{}{}Consumer", logical(function), logical(stream))
}

/// The role of a function.
pub fn role(function: &str) -> String {
    format!("{}Role", logical(function))
}

/// The output holding the URL of API `api`.
pub fn url_output(api: &str) -> String {
    format!("{}Url", logical(api))
}

/// The output holding the URL of an API through its custom domain.
pub fn domain_url_output(api: &str) -> String {
    format!("{}DomainUrl", logical(api))
}

/// The output holding the ARN of a declaration used from outside the app.
pub fn arn_output(decl: &str) -> String {
    format!("{}Arn", logical(decl))
}

/// The subscription of topic `topic` to an endpoint outside AWS: named by a
/// hash of the endpoint, so that adding or removing another endpoint does
/// not replace it (which would make a person confirm an email again).
pub fn endpoint_subscription(topic: &str, protocol: &str, address: &str) -> String {
    format!(
        "{}{}{:08x}",
        logical(topic),
        logical(protocol),
        fnv(address) as u32
    )
}

/// A 64-bit FNV-1a hash: stable across runs, platforms and Rust versions.
pub fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf29ce484222325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100000001b3)
    })
}

/// An API authorizer's SAM name and the part of its CloudFormation logical
/// IDs after the API's: `Jwt` / `Lambda` for one written inline as the
/// API's `auth` (as an API with one authorizer has always had), its name as
/// a logical ID when declared in `authorizers`.
pub fn authorizer_key(a: &crate::model::Authorizer) -> String {
    use crate::model::AuthorizerKind;
    match (&a.kind, a.inline) {
        (AuthorizerKind::Jwt { .. }, true) => "Jwt".into(),
        (AuthorizerKind::Lambda { .. }, true) => "Lambda".into(),
        _ => logical(&a.name),
    }
}

/// The CloudFormation authorizer resource of an API: `<Api>Authorizer`
/// inline, `<Api><Name>Authorizer` declared.
pub fn authorizer(api: &str, a: &crate::model::Authorizer) -> String {
    if a.inline {
        format!("{}Authorizer", logical(api))
    } else {
        format!("{}{}Authorizer", logical(api), logical(&a.name))
    }
}

/// A usage plan of a REST API.
pub fn usage_plan(api: &str, plan: &str) -> String {
    format!("{}{}UsagePlan", logical(api), logical(plan))
}

/// An API key of a REST API, and its membership of its plan (`<id>Plan`).
pub fn api_key(api: &str, key: &str) -> String {
    format!("{}{}ApiKey", logical(api), logical(key))
}

/// An app client of a user pool: `<Pool><Client>Client`.
pub fn pool_client(pool: &str, client: &str) -> String {
    format!("{}{}Client", logical(pool), logical(client))
}

/// A group of a user pool: `<Pool><Group>Group`.
pub fn pool_group(pool: &str, group: &str) -> String {
    format!("{}{}Group", logical(pool), logical(group))
}

/// A user a user pool's stack creates: `<Pool><User>User`.
pub fn pool_user(pool: &str, user: &str) -> String {
    format!("{}{}User", logical(pool), logical(user))
}

/// A user's membership of a group of its pool: `<Pool><User><Group>Membership`.
pub fn pool_membership(pool: &str, user: &str, group: &str) -> String {
    format!(
        "{}{}{}Membership",
        logical(pool),
        logical(user),
        logical(group)
    )
}

/// The hosted UI domain of a user pool: `<Pool>Domain`.
pub fn pool_domain(pool: &str) -> String {
    format!("{}Domain", logical(pool))
}

/// The permission for a user pool to invoke a function of its triggers
/// (one per function and pool): `<Function><Pool>Permission`.
pub fn pool_permission(function: &str, pool: &str) -> String {
    format!("{}{}Permission", logical(function), logical(pool))
}

/// The name of the alias a function with SnapStart and no `alias` of its
/// own is invoked through.
pub const ALIAS: &str = crate::model::DEFAULT_ALIAS;

/// The alias `alias` of a function: `<F>Alias<alias>`, the ID SAM gives the
/// alias `AutoPublishAlias` makes (with `-` as `D` and `_` as `U`), and the
/// one the CloudFormation target gives its own, so that whatever invokes
/// the function names it alike in both.
pub fn alias(function: &str, alias: &str) -> String {
    format!(
        "{}Alias{}",
        logical(function),
        alias.replace('-', "D").replace('_', "U")
    )
}

/// The published version of a function with an alias, in the
/// CloudFormation target: `<F>Version<hash>`, the hash of the function's
/// properties, so that a change of them gives a new resource, which
/// publishes a new version (SAM names its own alike).
pub fn version(function: &str, hash: u32) -> String {
    format!("{}Version{hash:08x}", logical(function))
}

/// The CodeDeploy application of the functions that shift traffic, in
/// both targets (the ID SAM gives its own).
pub const DEPLOY_APPLICATION: &str = "ServerlessDeploymentApplication";

/// The CodeDeploy deployment group of a function that shifts traffic:
/// `<F>DeploymentGroup` (SAM's ID too).
pub fn deployment_group(function: &str) -> String {
    format!("{}DeploymentGroup", logical(function))
}

/// The role CodeDeploy deploys a function with: `<F>DeployRole`.
pub fn deploy_role(function: &str) -> String {
    format!("{}DeployRole", logical(function))
}

/// The CodeDeploy deployment configuration of a traffic shift that is not
/// one of CodeDeploy's predefined ones: `<F>DeployConfig`.
pub fn deploy_config(function: &str) -> String {
    format!("{}DeployConfig", logical(function))
}

/// The Application Auto Scaling target of a function's provisioned
/// concurrency: `<F>ConcurrencyTarget`.
pub fn concurrency_target(function: &str) -> String {
    format!("{}ConcurrencyTarget", logical(function))
}

/// Its target tracking policy: `<F>ConcurrencyPolicy`.
pub fn concurrency_policy(function: &str) -> String {
    format!("{}ConcurrencyPolicy", logical(function))
}

/// The log group of a function.
pub fn log_group(function: &str) -> String {
    format!("{}LogGroup", logical(function))
}

/// Suffixes that the resources derived from a declaration of `kind` add to
/// its ID; a declaration whose ID equals another's plus one of these would
/// collide. `alias` is the alias a function publishes versions behind
/// (`alias = NAME`, or `live` with `snap_start = true`), which adds its
/// version, alias, deployment and scaling resources.
pub fn derived_suffixes(kind: crate::ast::DeclKind, alias: Option<&str>) -> Vec<String> {
    use crate::ast::DeclKind as K;
    let fixed: &[&str] = match kind {
        K::Function if alias.is_some() => &[
            "Role",
            "LogGroup",
            "EventInvokeConfig",
            "DeploymentGroup",
            "DeployRole",
            "DeployConfig",
            "ConcurrencyTarget",
            "ConcurrencyPolicy",
        ],
        K::Function => &["Role", "LogGroup", "EventInvokeConfig"],
        K::Rule | K::Schedule | K::Pipe | K::ScheduleGroup => &["Role"],
        K::StateMachine => &["Role", "LogGroup"],
        K::Queue | K::Topic | K::Bucket => &["Policy"],
        K::UserPool => &["Domain"],
        K::Api => &[
            "DefaultStage",
            "Authorizer",
            "AccessLogs",
            "Stage",
            "BodyValidator",
            "ParamsValidator",
            // The role of an API with direct routes.
            "Role",
            // Its custom domain: the domain name, its mapping and record,
            // and the certificate slsc creates.
            "Domain",
            "DomainMapping",
            "DomainRecord",
            "Certificate",
        ],
        _ => &[],
    };
    let mut out: Vec<String> = fixed.iter().map(|s| s.to_string()).collect();
    if let (K::Function, Some(a)) = (kind, alias) {
        out.push(format!("Alias{}", a.replace('-', "D").replace('_', "U")));
    }
    out
}

/// A route's logical-ID part: `GET /orders/{id}` -> `GetOrdersById`.
pub fn route(method: &str, path: &str) -> String {
    let mut id = logical(&method.to_ascii_lowercase());
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if segments.is_empty() {
        id.push_str("Root");
    }
    for seg in segments {
        match seg.strip_prefix('{') {
            Some(p) => {
                id.push_str("By");
                id.push_str(&logical(p.trim_end_matches(['}', '+'])));
            }
            None => id.push_str(&logical(seg)),
        }
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_alphanumeric_pascal_case() {
        assert_eq!(logical("orders_dlq"), "OrdersDlq");
        assert_eq!(logical("CreateOrder"), "CreateOrder");
        assert_eq!(logical("a-b_c"), "ABC");
    }
}
