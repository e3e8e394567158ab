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
