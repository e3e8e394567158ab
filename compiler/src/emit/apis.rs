//! What HTTP and REST APIs share across targets: access logs and route
//! permissions.

use super::shared::{key_arn, permission, stateful, with_tags};
use super::Template;
use crate::model::*;
use crate::naming::ids::logical;
use crate::naming::refs::{get_att, sub, Invoked};
use serde_json::{json, Value as Json};

/// The access-log format of HTTP APIs: one JSON object per request.
const ACCESS_LOG_FORMAT: &str = r#"{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","requestTime":"$context.requestTime","httpMethod":"$context.httpMethod","routeKey":"$context.routeKey","status":"$context.status","protocol":"$context.protocol","responseLength":"$context.responseLength","integrationError":"$context.integrationErrorMessage"}"#;

/// The access-log format of REST APIs: as [`ACCESS_LOG_FORMAT`], with the
/// resource path where HTTP APIs have a route key.
const REST_ACCESS_LOG_FORMAT: &str = r#"{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","requestTime":"$context.requestTime","httpMethod":"$context.httpMethod","resourcePath":"$context.resourcePath","status":"$context.status","protocol":"$context.protocol","responseLength":"$context.responseLength","integrationError":"$context.integrationErrorMessage"}"#;

/// An API's access-log setting, with its log group `<A>AccessLogs` (kept as
/// long as the app's function logs); None when the API has no access logs.
/// The same object is SAM's `AccessLogSetting(s)` and the stage's.
pub fn access_logs(model: &Model, api: &Api, t: &mut Template) -> Option<Json> {
    if !api.access_logs {
        return None;
    }
    let id = format!("{}AccessLogs", logical(&api.name));
    let mut props = json!({ "RetentionInDays": model.log_retention });
    if model.customer_key {
        props["KmsKeyId"] = key_arn();
    }
    t.add(
        id.clone(),
        stateful(
            "AWS::Logs::LogGroup",
            &model.on_delete.value,
            with_tags(model, props),
        ),
    );
    let format = if api.rest {
        REST_ACCESS_LOG_FORMAT
    } else {
        ACCESS_LOG_FORMAT
    };
    Some(json!({ "DestinationArn": get_att(&id, "Arn"), "Format": format }))
}

/// The Lambda permission of an API route: any stage, this method, this path
/// (path parameters as wildcards).
pub fn route_permission(api_id: &str, function: &Invoked, route: &Route) -> Json {
    if route.is_default() {
        let source = format!(
            "arn:${{AWS::Partition}}:execute-api:${{AWS::Region}}:${{AWS::AccountId}}:${{{api_id}}}/*/$default"
        );
        return permission(function, "apigateway.amazonaws.com", sub(&source));
    }
    let method = if route.method == "ANY" {
        "*"
    } else {
        route.method.as_str()
    };
    let path: Vec<&str> = route
        .path
        .value
        .split('/')
        .map(|s| if s.starts_with('{') { "*" } else { s })
        .collect();
    let source = format!(
        "arn:${{AWS::Partition}}:execute-api:${{AWS::Region}}:${{AWS::AccountId}}:${{{api_id}}}/*/{method}{}",
        path.join("/")
    );
    permission(function, "apigateway.amazonaws.com", sub(&source))
}

/// The URI API Gateway invokes a Lambda authorizer's function by.
pub fn authorizer_uri(function: &Invoked) -> Json {
    sub(&format!(
        "arn:${{AWS::Partition}}:apigateway:${{AWS::Region}}:lambda:path/2015-03-31/functions/{}/invocations",
        function.arn_sub()
    ))
}

/// The Lambda permission of a Lambda authorizer: API Gateway may invoke
/// the function only as this authorizer of this API.
pub fn authorizer_permission(api_id: &str, authorizer_id: &str, function: &Invoked) -> Json {
    let source = format!(
        "arn:${{AWS::Partition}}:execute-api:${{AWS::Region}}:${{AWS::AccountId}}:${{{api_id}}}/authorizers/${{{authorizer_id}}}"
    );
    permission(function, "apigateway.amazonaws.com", sub(&source))
}

/// A throttle as the two limits API Gateway takes (HTTP API route settings
/// and REST method settings name them alike).
pub fn throttle_limits(t: &Throttle) -> Json {
    let rate = if t.rate.value.fract() == 0.0 && t.rate.value.abs() < 1e15 {
        json!(t.rate.value as i64)
    } else {
        json!(t.rate.value)
    };
    json!({ "ThrottlingBurstLimit": t.burst.value, "ThrottlingRateLimit": rate })
}

/// The route settings of an HTTP API's stage: the API's throttle as the
/// default, each throttled route's by route key, and detailed metrics for
/// the routes with an `slo`.
pub fn route_settings(api: &Api) -> (Option<Json>, Option<Json>) {
    let default = api.throttle.as_ref().map(throttle_limits);
    let routes: serde_json::Map<String, Json> = api
        .routes
        .iter()
        .filter(|r| r.throttle.is_some() || r.slo.is_some())
        .map(|r| {
            let mut s = r.throttle.as_ref().map_or(json!({}), throttle_limits);
            // An SLO is measured on the route's own metrics, which API
            // Gateway publishes only when asked.
            if r.slo.is_some() {
                s["DetailedMetricsEnabled"] = json!(true);
            }
            (r.key(), s)
        })
        .collect();
    (
        default,
        (!routes.is_empty()).then_some(Json::Object(routes)),
    )
}

/// The method settings of a REST API's stage: the API's throttle for
/// every method, each throttled route's for its method and path (`/` in
/// the path written `~1`, as API Gateway requires).
pub fn method_settings(api: &Api) -> Option<Json> {
    let mut out = Vec::new();
    if let Some(t) = &api.throttle {
        let mut s = throttle_limits(t);
        s["ResourcePath"] = json!("/*");
        s["HttpMethod"] = json!("*");
        out.push(s);
    }
    for r in api
        .routes
        .iter()
        .filter(|r| r.throttle.is_some() || r.slo.is_some())
    {
        let mut s = r.throttle.as_ref().map_or(json!({}), throttle_limits);
        // An SLO is measured on the method's own metrics, which API
        // Gateway publishes only when asked.
        if r.slo.is_some() {
            s["MetricsEnabled"] = json!(true);
        }
        s["ResourcePath"] = json!(format!("/{}", r.path.value.replace('/', "~1")));
        s["HttpMethod"] = json!(if r.method == "ANY" {
            "*"
        } else {
            r.method.as_str()
        });
        out.push(s);
    }
    (!out.is_empty()).then_some(Json::Array(out))
}

/// A REST API's usage plans, their API keys and the keys' memberships, for
/// the API deployed to `stage` (a reference to the stage's name that also
/// orders the plan after the stage).
pub fn usage_plans(model: &Model, api: &Api, stage: Json, t: &mut Template) {
    let id = logical(&api.name);
    for p in &api.usage_plans {
        let pid = crate::naming::ids::usage_plan(&api.name, &p.name.value);
        let mut props = json!({
            "ApiStages": [{ "ApiId": crate::naming::refs::r#ref(&id), "Stage": stage }],
            "UsagePlanName": sub(&format!("${{AWS::StackName}}-{}-{}", api.name, p.name.value)),
        });
        if let Some(th) = &p.throttle {
            let limits = throttle_limits(th);
            props["Throttle"] = json!({
                "BurstLimit": limits["ThrottlingBurstLimit"],
                "RateLimit": limits["ThrottlingRateLimit"],
            });
        }
        if let Some((q, period)) = &p.quota {
            props["Quota"] =
                json!({ "Limit": q.value, "Period": period.value.to_ascii_uppercase() });
        }
        if !model.tags.is_empty() {
            props["Tags"] = super::shared::tag_list(model);
        }
        t.add(
            pid.clone(),
            json!({ "Type": "AWS::ApiGateway::UsagePlan", "Properties": props }),
        );
        for k in &p.keys {
            let kid = crate::naming::ids::api_key(&api.name, &k.value);
            t.add(
                kid.clone(),
                json!({
                    "Type": "AWS::ApiGateway::ApiKey",
                    "Properties": {
                        "Enabled": true,
                        "Name": sub(&format!("${{AWS::StackName}}-{}-{}", api.name, k.value)),
                    },
                }),
            );
            t.add(
                format!("{kid}Plan"),
                json!({
                    "Type": "AWS::ApiGateway::UsagePlanKey",
                    "Properties": {
                        "KeyId": crate::naming::refs::r#ref(&kid),
                        "KeyType": "API_KEY",
                        "UsagePlanId": crate::naming::refs::r#ref(&pid),
                    },
                }),
            );
        }
    }
}

/// How SAM names who may call a route: `NONE`, `AWS_IAM`, or the
/// authorizer's key.
pub fn sam_authorizer(api: &Api, auth: Auth) -> String {
    match auth {
        Auth::None => "NONE".to_string(),
        Auth::Iam => "AWS_IAM".to_string(),
        Auth::Authorizer(i) => crate::naming::ids::authorizer_key(&api.authorizers[i]),
    }
}
