//! REST APIs (`api NAME rest`), with request validation.
//!
//! Each route with a `body` validates it against the body type's JSON Schema
//! (draft 4, an `AWS::ApiGateway::Model`) through a request validator;
//! declared path and query parameters are required or optional as declared.
//! The SAM target writes `AWS::Serverless::Api` with `Models` and function
//! `Api` events carrying `RequestModel`; the CloudFormation target writes the
//! REST API, its resource tree, methods, models, validators, a deployment
//! whose logical ID changes with the API (so that changes are deployed), a
//! stage, and one Lambda permission per route.

use super::plan::Plan;
use super::Template;
use super::{apis, shared};
use crate::model::*;
use crate::naming::ids::{self, logical};
use crate::naming::refs::{get_att, r#ref, sub, text, Invoked};
use indexmap::IndexMap;
use serde_json::{json, Map, Value as Json};

/// The `RequestParameters` of a route: path parameters are required, query
/// parameters as declared.
pub(super) fn request_parameters(route: &Route) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for name in crate::model::path_params(&route.path.value) {
        out.push((format!("method.request.path.{name}"), true));
    }
    for q in &route.query {
        out.push((
            format!("method.request.querystring.{}", q.name),
            !q.optional,
        ));
    }
    // What the route's request mappings read (headers, undeclared query).
    out.extend(super::mapping::read_parameters(route));
    out
}

/// The SAM event of a REST route.
pub fn sam_event(api: &Api, route: &Route) -> Json {
    let mut p = json!({
        "RestApiId": r#ref(&logical(&api.name)),
        "Path": route.path.value,
        "Method": route.method.to_ascii_lowercase(),
    });
    let auth = api.route_auth(route);
    if auth != api.auth {
        p["Auth"] = json!({ "Authorizer": apis::sam_authorizer(api, auth) });
    }
    if let (Some(scopes), true) = (&route.scopes, api.checks_scopes(auth)) {
        // SAM reads scopes only next to the authorizer they are for.
        p["Auth"] = json!({
            "Authorizer": apis::sam_authorizer(api, auth),
            "AuthorizationScopes": scopes.value,
        });
    }
    if route.api_key.is_some() {
        if p.get("Auth").is_none() {
            p["Auth"] = json!({});
        }
        p["Auth"]["ApiKeyRequired"] = json!(true);
    }
    if let Some(body) = &route.body {
        p["RequestModel"] = json!({
            "Model": logical(&body.name),
            "Required": true,
            "ValidateBody": true,
            "ValidateParameters": true,
        });
    }
    let params = request_parameters(route);
    if !params.is_empty() {
        p["RequestParameters"] = Json::Array(
            params
                .into_iter()
                .map(|(name, required)| json!({ name: { "Required": required } }))
                .collect(),
        );
    }
    json!({ "Type": "Api", "Properties": p })
}

/// The body types of an API's routes, in first-use order.
fn models(api: &Api) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for r in &api.routes {
        if let Some(b) = &r.body {
            if !out.contains(&b.name.as_str()) {
                out.push(&b.name);
            }
        }
    }
    out
}

/// CORS headers as API Gateway wants them: quoted strings.
fn quoted(list: &[String], default: &str) -> String {
    if list.is_empty() {
        format!("'{default}'")
    } else {
        format!("'{}'", list.join(","))
    }
}

/// A REST API as `AWS::Serverless::Api`.
pub fn sam_api(model: &Model, api: &Api, t: &mut Template) {
    let id = logical(&api.name);
    // The same name as the CloudFormation target's, which the alarms and
    // the dashboard name (`ApiName`); without it SAM names it after the
    // stack.
    let mut props = json!({
        "Name": sub(&format!("${{AWS::StackName}}-{}", api.name)),
        "StageName": text(&api.stage.value),
        "TracingEnabled": true,
    });
    let iam = api.auth == Auth::Iam || api.routes.iter().any(|r| r.auth == Some(Auth::Iam));
    let mut auth = Map::new();
    if api.auth != Auth::None {
        auth.insert(
            "DefaultAuthorizer".into(),
            json!(apis::sam_authorizer(api, api.auth)),
        );
    }
    if api.cors.is_some() && api.auth != Auth::None {
        // Browsers send preflight requests without credentials: SAM would
        // otherwise put the default authorizer on the OPTIONS methods (the
        // CloudFormation target's are `NONE`).
        auth.insert("AddDefaultAuthorizerToCorsPreflight".into(), json!(false));
    }
    if iam {
        // Without `InvokeRole: NONE` SAM makes API Gateway call the function
        // with the caller's credentials; the route's permission does it here.
        auth.insert("InvokeRole".into(), json!("NONE"));
    }
    let authorizers: Map<String, Json> = api
        .authorizers
        .iter()
        .filter_map(|z| {
            let (function, headers, cache, token) = match &z.kind {
                AuthorizerKind::Lambda {
                    function,
                    headers,
                    cache,
                    token,
                } => (function, headers, cache, *token),
                AuthorizerKind::Cognito { pool, header } => {
                    let mut a = json!({ "UserPoolArn": pool_arn(pool) });
                    if let Some(h) = header {
                        a["Identity"] = json!({ "Header": h.value });
                    }
                    return Some((ids::authorizer_key(z), a));
                }
                AuthorizerKind::Jwt { .. } => return None,
            };
            let mut identity = json!({ "ReauthorizeEvery": cache.value });
            match headers.first() {
                Some(h) if token => identity["Header"] = json!(h.value),
                _ if headers.is_empty() => {}
                _ => {
                    identity["Headers"] =
                        json!(headers.iter().map(|h| &h.value).collect::<Vec<_>>())
                }
            }
            Some((
                ids::authorizer_key(z),
                json!({
                    "FunctionArn": Invoked::of(model, &function.name).arn(),
                    "FunctionPayloadType": if token { "TOKEN" } else { "REQUEST" },
                    "Identity": identity,
                }),
            ))
        })
        .collect();
    if !authorizers.is_empty() {
        auth.insert("Authorizers".into(), Json::Object(authorizers));
    }
    if let Some(statements) = super::domains::policy_statements(api) {
        auth.insert(
            "ResourcePolicy".into(),
            json!({ "CustomStatements": statements }),
        );
    }
    if !auth.is_empty() {
        props["Auth"] = Json::Object(auth);
    }
    if let Some(e) = &api.endpoint {
        props["EndpointConfiguration"] = json!({ "Type": e.value.aws() });
    }
    if let Some(domain) = super::domains::sam_domain(api) {
        props["Domain"] = domain;
    }
    let names = models(api);
    if !names.is_empty() {
        let m: Map<String, Json> = names
            .iter()
            .map(|n| (logical(n), crate::schema::draft4(model, n)))
            .collect();
        props["Models"] = Json::Object(m);
    }
    if let Some(c) = &api.cors {
        let mut cors = json!({
            "AllowOrigin": quoted(&c.origins, "*"),
            "AllowMethods": quoted(&c.methods, "*"),
            "AllowHeaders": quoted(&c.headers, "Content-Type,Authorization"),
        });
        if let Some(age) = c.max_age {
            cors["MaxAge"] = json!(format!("'{age}'"));
        }
        if c.credentials {
            cors["AllowCredentials"] = json!(true);
        }
        props["Cors"] = cors;
    }
    if let Some(setting) = apis::access_logs(model, api, t) {
        props["AccessLogSetting"] = setting;
    }
    if let Some(m) = apis::method_settings(api) {
        props["MethodSettings"] = m;
    }
    if !api.binary_media_types.is_empty() {
        // SAM writes `/` as `~1` in these.
        props["BinaryMediaTypes"] = json!(api
            .binary_media_types
            .iter()
            .map(|b| b.value.replace('/', "~1"))
            .collect::<Vec<_>>());
    }
    if !model.tags.is_empty() {
        props["Tags"] = shared::tag_map(model);
    }
    if let Some(body) = super::direct::sam_definition(model, api) {
        props["DefinitionBody"] = body;
        // Else SAM adds no function routes to a body it did not write.
        props["MergeDefinitions"] = json!(true);
    }
    shared::description(model, &api.name, &id, &mut props, t);
    t.add(
        id.clone(),
        json!({ "Type": "AWS::Serverless::Api", "Properties": props }),
    );
    // `<Api>.Stage` is SAM's reference to the stage it generates: the
    // plan is created after it.
    apis::usage_plans(model, api, r#ref(&format!("{id}.Stage")), t);
    output(api, t);
    super::domains::sam_extras(model, api, t);
}

/// The ARN of a Cognito authorizer's pool.
fn pool_arn(pool: &CognitoPool) -> Json {
    match pool {
        CognitoPool::Declared(r) => get_att(&logical(&r.name), "Arn"),
        CognitoPool::Arn(a) => text(&a.value),
    }
}

fn output(api: &Api, t: &mut Template) {
    let id = logical(&api.name);
    t.output(
        ids::url_output(&api.name),
        json!({
            "Description": format!("Base URL of API {}", api.name),
            "Value": sub(&format!("https://${{{id}}}.execute-api.${{AWS::Region}}.${{AWS::URLSuffix}}/{}", api.stage.value)),
        }),
    );
}

/// The logical ID of the REST resource for path `prefix` of API `api_id`:
/// unique among those `by_prefix` already holds (`/a-b` and `/ab` read
/// alike).
pub(super) fn resource_id(
    api_id: &str,
    prefix: &str,
    by_prefix: &IndexMap<String, String>,
) -> String {
    let base = format!("{api_id}{}Resource", ids::route("", prefix));
    let mut rid = base.clone();
    let mut n = 2;
    while by_prefix.values().any(|v| *v == rid) {
        rid = format!("{base}{n}");
        n += 1;
    }
    rid
}

/// A REST API expanded into `AWS::ApiGateway::*` resources.
pub fn cfn_api(model: &Model, plan: &Plan, index: usize, t: &mut Template) {
    let api = &model.apis[index];
    let id = logical(&api.name);
    let root = get_att(&id, "RootResourceId");
    let mut out: IndexMap<String, Json> = IndexMap::new();
    let endpoint = api
        .endpoint
        .as_ref()
        .map_or(ApiEndpoint::Regional, |e| e.value);
    let mut props = json!({
        "Name": sub(&format!("${{AWS::StackName}}-{}", api.name)),
        "EndpointConfiguration": { "Types": [endpoint.aws()] },
    });
    if let Some(policy) = super::domains::policy(api) {
        props["Policy"] = policy;
    }
    if !api.binary_media_types.is_empty() {
        props["BinaryMediaTypes"] = json!(api
            .binary_media_types
            .iter()
            .map(|b| b.value.clone())
            .collect::<Vec<_>>());
    }
    shared::description(model, &api.name, &id, &mut props, t);
    out.insert(
        id.clone(),
        json!({ "Type": "AWS::ApiGateway::RestApi", "Properties": props }),
    );
    // Lambda authorizers, each with the permission to invoke its function
    // as that authorizer of this API only.
    for z in &api.authorizers {
        let zid = ids::authorizer(&api.name, z);
        let (function, headers, cache, token) = match &z.kind {
            AuthorizerKind::Lambda {
                function,
                headers,
                cache,
                token,
            } => (function, headers, cache, *token),
            // API Gateway checks the pool's tokens itself: no function,
            // so no permission.
            AuthorizerKind::Cognito { pool, header } => {
                let header = header
                    .as_ref()
                    .map_or("Authorization", |h| h.value.as_str());
                out.insert(
                    zid,
                    json!({
                        "Type": "AWS::ApiGateway::Authorizer",
                        "Properties": {
                            "RestApiId": r#ref(&id),
                            "Name": z.name,
                            "Type": "COGNITO_USER_POOLS",
                            "ProviderARNs": [pool_arn(pool)],
                            "IdentitySource": format!("method.request.header.{header}"),
                        },
                    }),
                );
                continue;
            }
            AuthorizerKind::Jwt { .. } => continue,
        };
        let invoked = Invoked::of(model, &function.name);
        let mut p = json!({
            "RestApiId": r#ref(&id),
            "Name": z.name,
            "Type": if token { "TOKEN" } else { "REQUEST" },
            "AuthorizerUri": super::apis::authorizer_uri(&invoked),
            "AuthorizerResultTtlInSeconds": cache.value,
        });
        if !headers.is_empty() {
            p["IdentitySource"] = json!(headers
                .iter()
                .map(|h| format!("method.request.header.{}", h.value))
                .collect::<Vec<_>>()
                .join(", "));
        }
        out.insert(
            zid.clone(),
            json!({ "Type": "AWS::ApiGateway::Authorizer", "Properties": p }),
        );
        out.insert(
            format!("{zid}Permission"),
            super::apis::authorizer_permission(&id, &zid, &invoked),
        );
    }
    // The resource tree: one resource per distinct path prefix.
    let mut by_prefix: IndexMap<String, String> = IndexMap::new();
    let mut resource_of = |path: &str, out: &mut IndexMap<String, Json>| -> Json {
        let mut parent = root.clone();
        let mut prefix = String::new();
        for seg in path.split('/').filter(|s| !s.is_empty()) {
            prefix.push('/');
            prefix.push_str(seg);
            let rid = match by_prefix.get(&prefix) {
                Some(r) => r.clone(),
                None => {
                    let rid = resource_id(&id, &prefix, &by_prefix);
                    out.insert(
                        rid.clone(),
                        json!({
                            "Type": "AWS::ApiGateway::Resource",
                            "Properties": { "RestApiId": r#ref(&id), "ParentId": parent, "PathPart": seg },
                        }),
                    );
                    by_prefix.insert(prefix.clone(), rid.clone());
                    rid
                }
            };
            parent = r#ref(&rid);
        }
        parent
    };
    for n in models(api) {
        out.insert(
            format!("{id}{}Model", logical(n)),
            json!({
                "Type": "AWS::ApiGateway::Model",
                "Properties": {
                    "RestApiId": r#ref(&id),
                    "ContentType": "application/json",
                    "Name": logical(n),
                    "Schema": crate::schema::draft4(model, n),
                },
            }),
        );
    }
    let body_validator = format!("{id}BodyValidator");
    let params_validator = format!("{id}ParamsValidator");
    if api.routes.iter().any(|r| r.body.is_some()) {
        out.insert(
            body_validator.clone(),
            json!({
                "Type": "AWS::ApiGateway::RequestValidator",
                "Properties": { "RestApiId": r#ref(&id), "ValidateRequestBody": true, "ValidateRequestParameters": true },
            }),
        );
    }
    if api
        .routes
        .iter()
        .any(|r| r.body.is_none() && !request_parameters(r).is_empty())
    {
        out.insert(
            params_validator.clone(),
            json!({
                "Type": "AWS::ApiGateway::RequestValidator",
                "Properties": { "RestApiId": r#ref(&id), "ValidateRequestBody": false, "ValidateRequestParameters": true },
            }),
        );
    }
    let mut methods: Vec<String> = Vec::new();
    let mut cors_done: Vec<String> = Vec::new();
    for (route, route_id) in api.routes.iter().zip(&plan.route_ids[index]) {
        let resource = resource_of(&route.path.value, &mut out);
        let invoked = route.function().map(|f| Invoked::of(model, &f.name));
        let route_auth = api.route_auth(route);
        let auth = match route_auth {
            Auth::Iam => "AWS_IAM",
            Auth::Authorizer(i) => match api.authorizers.get(i).map(|z| &z.kind) {
                Some(AuthorizerKind::Cognito { .. }) => "COGNITO_USER_POOLS",
                _ => "CUSTOM",
            },
            Auth::None => "NONE",
        };
        let mut props = json!({
            "RestApiId": r#ref(&id),
            "ResourceId": resource.clone(),
            "HttpMethod": route.method,
            "AuthorizationType": auth,
        });
        match (&invoked, super::direct::rest_integration(model, api, route)) {
            (Some(invoked), _) => {
                props["Integration"] = json!({
                    "Type": "AWS_PROXY",
                    "IntegrationHttpMethod": "POST",
                    "Uri": sub(&format!(
                        "arn:${{AWS::Partition}}:apigateway:${{AWS::Region}}:lambda:path/2015-03-31/functions/{}/invocations",
                        invoked.arn_sub()
                    )),
                });
            }
            (None, Some(integration)) => {
                props["Integration"] = integration;
                if route.sends() {
                    props["MethodResponses"] =
                        super::direct::rest_method_responses(model, api, route);
                }
            }
            (None, None) => {}
        }
        if let Some(z) = api.authorizer(route_auth) {
            props["AuthorizerId"] = r#ref(&ids::authorizer(&api.name, z));
        }
        if let (Some(scopes), true) = (&route.scopes, api.checks_scopes(route_auth)) {
            props["AuthorizationScopes"] = json!(scopes.value);
        }
        if route.api_key.is_some() {
            props["ApiKeyRequired"] = json!(true);
        }
        let params = request_parameters(route);
        if !params.is_empty() {
            props["RequestParameters"] =
                Json::Object(params.into_iter().map(|(n, r)| (n, json!(r))).collect());
        }
        if let Some(body) = &route.body {
            props["RequestModels"] =
                json!({ "application/json": r#ref(&format!("{id}{}Model", logical(&body.name))) });
            props["RequestValidatorId"] = r#ref(&body_validator);
        } else if props.get("RequestParameters").is_some() {
            props["RequestValidatorId"] = r#ref(&params_validator);
        }
        let mid = format!("{id}{route_id}Method");
        out.insert(
            mid.clone(),
            json!({ "Type": "AWS::ApiGateway::Method", "Properties": props }),
        );
        methods.push(mid);
        if let Some(c) = &api.cors {
            if !cors_done.contains(&route.path.value) {
                cors_done.push(route.path.value.clone());
                let oid = format!("{id}{}Options", ids::route("", &route.path.value));
                out.insert(oid.clone(), preflight(&id, resource, c));
                methods.push(oid);
            }
        }
        if let Some(invoked) = &invoked {
            out.insert(
                format!("{id}{route_id}Permission"),
                apis::route_permission(&id, invoked, route),
            );
        }
    }
    // A deployment captures the API when it is created: a new logical ID
    // whenever the API's definition changes makes CloudFormation deploy it.
    let definition: String = out.values().map(|v| v.to_string()).collect();
    let deployment = format!("{id}Deployment{:08x}", ids::fnv(&definition) as u32);
    out.insert(
        deployment.clone(),
        json!({
            "Type": "AWS::ApiGateway::Deployment",
            "DependsOn": methods,
            "Properties": { "RestApiId": r#ref(&id) },
        }),
    );
    let mut stage = json!({
        "RestApiId": r#ref(&id),
        "DeploymentId": r#ref(&deployment),
        "StageName": text(&api.stage.value),
        "TracingEnabled": true,
    });
    if let Some(setting) = apis::access_logs(model, api, t) {
        stage["AccessLogSetting"] = setting;
    }
    if let Some(m) = apis::method_settings(api) {
        stage["MethodSettings"] = m;
    }
    if !model.tags.is_empty() {
        stage["Tags"] = shared::tag_list(model);
    }
    out.insert(
        format!("{id}Stage"),
        json!({ "Type": "AWS::ApiGateway::Stage", "Properties": stage }),
    );
    for (k, v) in out {
        t.add(k, v);
    }
    apis::usage_plans(model, api, r#ref(&format!("{id}Stage")), t);
    super::domains::cfn_domain(model, api, r#ref(&format!("{id}Stage")), t);
    output(api, t);
    super::domains::output(api, t);
}

/// An OPTIONS method answering CORS preflight requests itself (MOCK).
fn preflight(api_id: &str, resource: Json, c: &Cors) -> Json {
    let mut headers = json!({
        "method.response.header.Access-Control-Allow-Origin": quoted(&c.origins, "*"),
        "method.response.header.Access-Control-Allow-Methods": quoted(&c.methods, "*"),
        "method.response.header.Access-Control-Allow-Headers": quoted(&c.headers, "Content-Type,Authorization"),
    });
    if let Some(age) = c.max_age {
        headers["method.response.header.Access-Control-Max-Age"] = json!(format!("'{age}'"));
    }
    if c.credentials {
        headers["method.response.header.Access-Control-Allow-Credentials"] = json!("'true'");
    }
    let declared: Map<String, Json> = headers
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, _)| (k.clone(), json!(true)))
        .collect();
    json!({
        "Type": "AWS::ApiGateway::Method",
        "Properties": {
            "RestApiId": r#ref(api_id),
            "ResourceId": resource,
            "HttpMethod": "OPTIONS",
            "AuthorizationType": "NONE",
            "Integration": {
                "Type": "MOCK",
                "RequestTemplates": { "application/json": "{\"statusCode\": 200}" },
                "IntegrationResponses": [{ "StatusCode": "200", "ResponseParameters": headers }],
            },
            "MethodResponses": [{ "StatusCode": "200", "ResponseParameters": declared }],
        },
    })
}
