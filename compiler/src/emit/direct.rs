//! Direct integrations: routes that send the request body to a queue or put
//! it on a bus as an event, or forward the request to a URL (HTTP proxy),
//! with no function in between.
//!
//! HTTP APIs use first-class integrations (`AWS_PROXY` with an
//! `IntegrationSubtype`, request parameters mapping the request); REST APIs
//! use `AWS` integrations with a VTL request template. Both assume the API's
//! role (`<A>Role`, statements from `iam::api_statements`). The CloudFormation
//! target writes the integration into the route's resources; the SAM target
//! writes it into the API's `DefinitionBody`, into which SAM merges the
//! function routes, so that a redeployment of the body never drops them.
//!
//! A route to a state machine starts an execution with the body as its
//! input: synchronously for an Express machine (`StartSyncExecution`, the
//! response carries the output), asynchronously for a Standard one
//! (`StartExecution`, the response carries the execution's ARN).

use crate::model::*;
use crate::naming::ids::{self, logical};
use crate::naming::refs::{self, get_att, r#ref, sub};
use serde_json::{json, Map, Value as Json};

/// The role API Gateway assumes for the API's direct routes.
pub fn role_arn(api: &Api) -> Json {
    get_att(&ids::role(&api.name), "Arn")
}

/// What an HTTP API integration passes as the payload: the mapped value,
/// else the body.
fn http_payload(api: &Api, route: &Route) -> Json {
    route
        .mapping
        .payload
        .as_ref()
        .map_or(json!("$request.body"), |p| {
            super::mapping::http_value(api, route, &p.value)
        })
}

/// An HTTP API integration's subtype and request parameters.
fn http_parameters(model: &Model, api: &Api, route: &Route) -> Option<(&'static str, Json)> {
    match &route.target {
        // HTTP APIs have no DynamoDB or S3 integration (E0417).
        RouteTarget::Function(_)
        | RouteTarget::Url(_)
        | RouteTarget::Table { .. }
        | RouteTarget::Bucket { .. } => None,
        RouteTarget::Queue {
            queue, group_id, ..
        } => {
            let mut p = json!({
                "QueueUrl": r#ref(&logical(&queue.name)),
                "MessageBody": http_payload(api, route),
            });
            match group_id {
                Some(GroupId::Field(f)) => {
                    p["MessageGroupId"] = json!(format!("$request.body.{}", f.value));
                }
                Some(GroupId::Fixed(s)) => p["MessageGroupId"] = json!(s.value),
                None => {}
            }
            Some(("SQS-SendMessage", p))
        }
        RouteTarget::StateMachine { machine, .. } => {
            let subtype = if sync(model, machine) {
                "StepFunctions-StartSyncExecution"
            } else {
                "StepFunctions-StartExecution"
            };
            Some((
                subtype,
                json!({
                    "StateMachineArn": refs::arn(model, crate::ast::DeclKind::StateMachine, &machine.name),
                    "Input": http_payload(api, route),
                }),
            ))
        }
        RouteTarget::Bus { bus, event } => {
            let (source, detail_type) = match event {
                Some(event) => {
                    let e = model.event(&event.name)?;
                    (json!(e.source), json!(e.detail_type))
                }
                None => {
                    let m = &route.mapping;
                    (
                        super::mapping::http_value(api, route, m.source.as_ref()?),
                        super::mapping::http_value(api, route, m.detail_type.as_ref()?),
                    )
                }
            };
            Some((
                "EventBridge-PutEvents",
                json!({
                    "EventBusName": refs::arn(model, crate::ast::DeclKind::Bus, &bus.name),
                    "Source": source,
                    "DetailType": detail_type,
                    "Detail": http_payload(api, route),
                }),
            ))
        }
    }
}

/// The properties of a route's `AWS::ApiGatewayV2::Integration` (HTTP API),
/// or `None` for a function route.
pub fn http_integration(model: &Model, api: &Api, route: &Route) -> Option<Json> {
    if let RouteTarget::Url(url) = &route.target {
        let mut i = json!({
            "ApiId": r#ref(&logical(&api.name)),
            "IntegrationType": "HTTP_PROXY",
            "IntegrationMethod": route.method,
            "IntegrationUri": url.value,
            "PayloadFormatVersion": "1.0",
        });
        let headers = super::mapping::header_parameters(api, route);
        if !headers.is_empty() {
            i["RequestParameters"] = Json::Object(headers);
        }
        return Some(i);
    }
    let (subtype, params) = http_parameters(model, api, route)?;
    Some(json!({
        "ApiId": r#ref(&logical(&api.name)),
        "IntegrationType": "AWS_PROXY",
        "IntegrationSubtype": subtype,
        "PayloadFormatVersion": "1.0",
        "CredentialsArn": role_arn(api),
        "RequestParameters": params,
    }))
}

/// Whether a route to `machine` runs it synchronously (an Express machine).
fn sync(model: &Model, machine: &Ref) -> bool {
    model
        .state_machine(&machine.name)
        .is_some_and(|m| m.express)
}

/// The request a REST integration makes: its URI, headers and template.
fn rest_call(model: &Model, api: &Api, route: &Route) -> Option<(Json, Json, Json)> {
    use super::mapping::{escaped, set_json, set_string, sub_safe};
    // A mapped payload is built first into `$slsPayload`; without one, the
    // body is the payload.
    let (prelude, payload_json) = match &route.mapping.payload {
        Some(p) => (
            set_json("slsPayload", api, route, &p.value),
            "$slsPayload".to_string(),
        ),
        None => (String::new(), "$input.json('$')".to_string()),
    };
    match &route.target {
        // Tables and buckets: `data_routes`.
        RouteTarget::Function(_)
        | RouteTarget::Url(_)
        | RouteTarget::Table { .. }
        | RouteTarget::Bucket { .. } => None,
        RouteTarget::Queue {
            queue, group_id, ..
        } => {
            let uri = sub(&format!(
                "arn:${{AWS::Partition}}:apigateway:${{AWS::Region}}:sqs:path/${{AWS::AccountId}}/${{{}.QueueName}}",
                logical(&queue.name)
            ));
            let mut template = if prelude.is_empty() {
                "Action=SendMessage&MessageBody=$util.urlEncode($input.body)".to_string()
            } else {
                format!("{prelude}Action=SendMessage&MessageBody=$util.urlEncode($slsPayload)")
            };
            match group_id {
                Some(GroupId::Field(f)) => template.push_str(&format!(
                    "&MessageGroupId=$util.urlEncode($input.path('$.{}'))",
                    f.value
                )),
                Some(GroupId::Fixed(s)) => {
                    template.push_str(&format!("&MessageGroupId={}", url_encode(&s.value)));
                }
                None => {}
            }
            Some((
                uri,
                json!({ "integration.request.header.Content-Type": "'application/x-www-form-urlencoded'" }),
                json!(template),
            ))
        }
        RouteTarget::StateMachine { machine, .. } => {
            let action = if sync(model, machine) {
                "StartSyncExecution"
            } else {
                "StartExecution"
            };
            let uri = sub(&format!(
                "arn:${{AWS::Partition}}:apigateway:${{AWS::Region}}:states:action/{action}"
            ));
            // The input is the payload as a JSON string.
            let text = format!(
                "{}{{\"input\": \"{}\", \"stateMachineArn\": \"${{Machine}}\"}}",
                sub_safe(&prelude),
                escaped(&payload_json)
            );
            let template = json!({
                "Fn::Sub": [
                    text,
                    { "Machine": refs::arn(model, crate::ast::DeclKind::StateMachine, &machine.name) },
                ],
            });
            Some((
                uri,
                json!({ "integration.request.header.Content-Type": "'application/x-amz-json-1.0'" }),
                template,
            ))
        }
        RouteTarget::Bus { bus, event } => {
            let uri =
                sub("arn:${AWS::Partition}:apigateway:${AWS::Region}:events:action/PutEvents");
            // The source and detail-type: the event's, or mapped from the
            // request into `$slsSource` and `$slsDetailType`.
            let mut prelude = prelude;
            let (source, detail_type) = match event {
                Some(event) => {
                    let e = model.event(&event.name)?;
                    (
                        Json::from(e.source.clone()).to_string(),
                        Json::from(e.detail_type.clone()).to_string(),
                    )
                }
                None => {
                    let m = &route.mapping;
                    prelude.push_str(&set_string("slsSource", api, route, m.source.as_ref()?));
                    prelude.push_str(&set_string(
                        "slsDetailType",
                        api,
                        route,
                        m.detail_type.as_ref()?,
                    ));
                    (
                        format!("\"{}\"", escaped("$slsSource")),
                        format!("\"{}\"", escaped("$slsDetailType")),
                    )
                }
            };
            // The payload goes in as a JSON string (`Detail`).
            let entry = format!(
                "{}{{\"Entries\": [{{\"Source\": {}, \"DetailType\": {}, \"EventBusName\": \"${{Bus}}\", \"Detail\": \"{}\"}}]}}",
                sub_safe(&prelude),
                sub_safe(&source),
                sub_safe(&detail_type),
                escaped(&payload_json),
            );
            let template = json!({
                "Fn::Sub": [entry, { "Bus": refs::arn(model, crate::ast::DeclKind::Bus, &bus.name) }],
            });
            Some((
                uri,
                json!({
                    "integration.request.header.X-Amz-Target": "'AWSEvents.PutEvents'",
                    "integration.request.header.Content-Type": "'application/x-amz-json-1.1'",
                }),
                template,
            ))
        }
    }
}

/// The path parameters a REST HTTP proxy passes into its URL's `{name}`
/// placeholders: `integration.request.path.NAME: method.request.path.NAME`
/// (a greedy `{path+}` is `{path}` in the URL).
fn url_parameters(api: &Api, route: &Route, url: &str) -> Map<String, Json> {
    let mut out: Map<String, Json> = path_params(&route.path.value)
        .into_iter()
        .filter(|p| url.contains(&format!("{{{p}}}")))
        .map(|p| {
            (
                format!("integration.request.path.{p}"),
                json!(format!("method.request.path.{p}")),
            )
        })
        .collect();
    // `headers = { ... }`: headers added to the forwarded request.
    out.extend(super::mapping::header_parameters(api, route));
    out
}

/// Percent-encodes a fixed value for a form-encoded request.
fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The status codes a REST direct route answers with: the service's answer
/// passes through on success; its 4xx and 5xx become 400 and 500.
const REST_STATUSES: [(&str, Option<&str>); 3] = [
    ("200", None),
    ("400", Some("4\\d{2}")),
    ("500", Some("5\\d{2}")),
];

/// A REST method's `Integration` (CloudFormation) for a direct route, or
/// `None` for a function route.
pub fn rest_integration(model: &Model, api: &Api, route: &Route) -> Option<Json> {
    if let RouteTarget::Url(url) = &route.target {
        let mut i = json!({
            "Type": "HTTP_PROXY",
            "IntegrationHttpMethod": route.method,
            "Uri": url.value,
        });
        let params = url_parameters(api, route, &url.value);
        if !params.is_empty() {
            i["RequestParameters"] = Json::Object(params);
        }
        return Some(i);
    }
    if let Some(c) = super::data_routes::call(model, api, route) {
        return Some(c.cfn(role_arn(api)));
    }
    let (uri, headers, template) = rest_call(model, api, route)?;
    // An Express machine's synchronous run answers with its output.
    let output =
        matches!(&route.target, RouteTarget::StateMachine { machine, .. } if sync(model, machine));
    let responses: Vec<Json> = REST_STATUSES
        .iter()
        .map(|(status, pattern)| {
            let mut r = json!({ "StatusCode": status });
            if let Some(p) = pattern {
                r["SelectionPattern"] = json!(p);
            } else if output {
                r["ResponseTemplates"] = json!({ "application/json": "$input.path('$.output')" });
            }
            r
        })
        .collect();
    Some(json!({
        "Type": "AWS",
        "IntegrationHttpMethod": "POST",
        "Uri": uri,
        "Credentials": role_arn(api),
        "RequestParameters": headers,
        "RequestTemplates": { "application/json": template },
        "PassthroughBehavior": "NEVER",
        "IntegrationResponses": responses,
    }))
}

/// A REST method's `MethodResponses` for a direct route.
pub fn rest_method_responses(model: &Model, api: &Api, route: &Route) -> Json {
    if let Some(c) = super::data_routes::call(model, api, route) {
        return c.cfn_method_responses();
    }
    json!(REST_STATUSES
        .iter()
        .map(|(s, _)| json!({ "StatusCode": s }))
        .collect::<Vec<_>>())
}

/// The request validator of direct REST routes with a body in the SAM
/// target (SAM's own name for the same settings).
const VALIDATOR: &str = "body-and-params";

/// The method key of an OpenAPI path item.
fn method_key(route: &Route) -> String {
    if route.method == "ANY" {
        "x-amazon-apigateway-any-method".into()
    } else {
        route.method.to_ascii_lowercase()
    }
}

/// The `DefinitionBody` of a SAM API with direct routes: an OpenAPI 3
/// document (HTTP API) or Swagger 2 document (REST API) holding only those
/// routes, with `x-amazon-apigateway-integration`; SAM adds the function
/// routes from the functions' events. `None` when every route invokes a
/// function.
pub fn sam_definition(model: &Model, api: &Api) -> Option<Json> {
    if !api.routes.iter().any(Route::is_direct) {
        return None;
    }
    let mut paths: Map<String, Json> = Map::new();
    let mut validated = false;
    for route in api.routes.iter().filter(|r| r.is_direct()) {
        let integration = if let RouteTarget::Url(url) = &route.target {
            if api.rest {
                let mut i = json!({
                    "type": "http_proxy",
                    "httpMethod": route.method,
                    "uri": url.value,
                    "passthroughBehavior": "when_no_match",
                });
                let params = url_parameters(api, route, &url.value);
                if !params.is_empty() {
                    i["requestParameters"] = Json::Object(params);
                }
                i
            } else {
                let mut i = json!({
                    "type": "http_proxy",
                    "httpMethod": route.method,
                    "uri": url.value,
                    "payloadFormatVersion": "1.0",
                    "connectionType": "INTERNET",
                });
                let headers = super::mapping::header_parameters(api, route);
                if !headers.is_empty() {
                    i["requestParameters"] = Json::Object(headers);
                }
                i
            }
        } else if let (true, Some(c)) = (api.rest, super::data_routes::call(model, api, route)) {
            c.sam(role_arn(api))
        } else if api.rest {
            let (uri, headers, template) = rest_call(model, api, route)?;
            let output = matches!(&route.target, RouteTarget::StateMachine { machine, .. } if sync(model, machine));
            let mut responses = Map::new();
            for (status, pattern) in REST_STATUSES {
                let mut r = json!({ "statusCode": status });
                if pattern.is_none() && output {
                    r["responseTemplates"] =
                        json!({ "application/json": "$input.path('$.output')" });
                }
                responses.insert(pattern.unwrap_or("default").to_string(), r);
            }
            json!({
                "type": "aws",
                "httpMethod": "POST",
                "uri": uri,
                "credentials": role_arn(api),
                "requestParameters": headers,
                "requestTemplates": { "application/json": template },
                "passthroughBehavior": "never",
                "responses": responses,
            })
        } else {
            let (subtype, params) = http_parameters(model, api, route)?;
            json!({
                "type": "aws_proxy",
                "integrationSubtype": subtype,
                "credentials": role_arn(api),
                "requestParameters": params,
                "payloadFormatVersion": "1.0",
                "connectionType": "INTERNET",
            })
        };
        let mut op = json!({ "x-amazon-apigateway-integration": integration });
        // REST: validate the body against its model, which SAM writes
        // (from `Models`) under its logical ID in lower case.
        if let (true, Some(body)) = (api.rest, &route.body) {
            let model_name = logical(&body.name).to_ascii_lowercase();
            op["parameters"] = json!([{
                "in": "body",
                "name": model_name,
                "required": true,
                "schema": { "$ref": format!("#/definitions/{model_name}") },
            }]);
            op["x-amazon-apigateway-request-validator"] = json!(VALIDATOR);
            validated = true;
        }
        if let (true, Some(c)) = (api.rest, super::data_routes::call(model, api, route)) {
            op["responses"] = c.sam_responses();
        } else if api.rest && route.sends() {
            let mut responses = Map::new();
            for (status, _) in REST_STATUSES {
                responses.insert(
                    status.into(),
                    json!({ "description": format!("{status} response") }),
                );
            }
            op["responses"] = Json::Object(responses);
        } else if api.rest {
            op["responses"] = json!({});
        }
        // REST: the path parameters, required (a proxy's URL takes them).
        if api.rest {
            let mut params: Vec<Json> = path_params(&route.path.value)
                .into_iter()
                .map(|p| json!({ "name": p, "in": "path", "required": true, "type": "string" }))
                .collect();
            // Declared query parameters, which a mapping may read.
            for q in &route.query {
                params.push(json!({ "name": q.name, "in": "query", "required": !q.optional, "type": "string" }));
            }
            // What the mappings read besides: headers, undeclared query.
            for (key, _) in super::mapping::read_parameters(route) {
                let mut it = key.trim_start_matches("method.request.").splitn(2, '.');
                let (kind, name) = (it.next().unwrap_or(""), it.next().unwrap_or(""));
                let place = if kind == "header" { "header" } else { "query" };
                params.push(
                    json!({ "name": name, "in": place, "required": false, "type": "string" }),
                );
            }
            if let Some(Json::Array(body)) = op.get("parameters") {
                params.extend(body.iter().cloned());
            }
            if !params.is_empty() {
                op["parameters"] = json!(params);
            }
        }
        // The API's default authorizer SAM applies itself; a route that
        // differs says so, as SAM writes it for function routes.
        let auth = api.route_auth(route);
        if auth != api.auth {
            let name = super::apis::sam_authorizer(api, auth);
            let scopes = route
                .scopes
                .as_ref()
                .map(|s| s.value.clone())
                .unwrap_or_default();
            op["security"] = json!([{ name: scopes }]);
        } else if let (Some(scopes), Some(_)) = (&route.scopes, api.jwt(auth)) {
            let name = super::apis::sam_authorizer(api, auth);
            op["security"] = json!([{ name: scopes.value }]);
        }
        let path = if route.is_default() {
            "$default".to_string()
        } else {
            route.path.value.clone()
        };
        let item = paths.entry(path).or_insert_with(|| json!({}));
        item[method_key(route)] = op;
    }
    let info = json!({ "title": r#ref("AWS::StackName"), "version": "1.0" });
    Some(if api.rest {
        let mut doc = json!({ "swagger": "2.0", "info": info, "paths": paths });
        if validated {
            doc["x-amazon-apigateway-request-validators"] = json!({
                VALIDATOR: { "validateRequestBody": true, "validateRequestParameters": true },
            });
        }
        doc
    } else {
        json!({ "openapi": "3.0.1", "info": info, "paths": paths })
    })
}
