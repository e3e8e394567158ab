//! The plain CloudFormation target: functions and HTTP APIs expanded into
//! `AWS::Lambda::*` and `AWS::ApiGatewayV2::*` resources.

use super::plan::Plan;
use super::sam::arch;
use super::Template;
use super::{apis, functions, shared};
use crate::model::*;
use crate::naming::ids::{self, logical};
use crate::naming::refs::{get_att, r#ref, sub, Invoked};
use serde_json::{json, Value as Json};

/// The parameter naming the bucket of function packages.
pub const CODE_BUCKET: &str = "CodeBucket";

/// The parameter prefixing every package key, e.g. a release id: a new
/// prefix per release makes CloudFormation see new code.
pub const CODE_PREFIX: &str = "CodeKeyPrefix";

/// The `Code` of a function: a local folder or package under
/// `CodeBucket`/`CodeKeyPrefix`, or the S3 object the spec names.
pub(super) fn code(code: &CodeSource) -> Json {
    match code {
        CodeSource::Folder(folder) => json!({
            "S3Bucket": r#ref(CODE_BUCKET),
            "S3Key": sub(&format!("${{{CODE_PREFIX}}}{}", code_key(folder))),
        }),
        CodeSource::Artifact(file) => json!({
            "S3Bucket": r#ref(CODE_BUCKET),
            "S3Key": sub(&format!("${{{CODE_PREFIX}}}{}", artifact_key(file))),
        }),
        CodeSource::S3 {
            bucket,
            key,
            version,
        } => {
            let mut j = json!({ "S3Bucket": bucket, "S3Key": key });
            if let Some(v) = version {
                j["S3ObjectVersion"] = json!(v);
            }
            j
        }
    }
}

/// The key of a built package under the prefix: its path from the spec's
/// folder, as it is (a package is uploaded as it was built, not zipped).
pub fn artifact_key(file: &str) -> String {
    file.split(['/', '\\'])
        .filter(|p| !p.is_empty() && *p != ".")
        .map(|p| if p == ".." { "up" } else { p })
        .collect::<Vec<_>>()
        .join("/")
}

/// The S3 key of a code folder's package, after the prefix: the folder's
/// path with `.` dropped, `..` as `up` and no leading `/`, plus `.zip`
/// (`code.zip` for the spec's own folder).
pub fn code_key(code: &str) -> String {
    let parts: Vec<&str> = code
        .split(['/', '\\'])
        .filter(|p| !p.is_empty() && *p != ".")
        .map(|p| if p == ".." { "up" } else { p })
        .collect();
    if parts.is_empty() {
        "code.zip".to_string()
    } else {
        format!("{}.zip", parts.join("/"))
    }
}

/// A function as `AWS::Lambda::Function`, with its role, log group, async
/// configuration and event source mappings.
pub fn function(model: &Model, plan: &Plan, f: &Function, t: &mut Template) {
    let id = logical(&f.name);
    super::roles::add_function_role(model, f, t);
    functions::function_provenance(f, &id, t);
    functions::log_group(model, f, t);
    let mut props = match &f.package {
        Package::Zip {
            code: source,
            handler,
            runtime,
        } => json!({
            "Handler": handler.value,
            "Runtime": runtime.value,
            "Code": code(source),
        }),
        Package::Image(uri) => {
            t.prop(&id, "Code/ImageUri", uri.span);
            json!({
                "PackageType": "Image",
                "Code": { "ImageUri": shared::text(&uri.value) },
            })
        }
    };
    props["MemorySize"] = shared::number(model, &f.name, NumProp::FunctionMemory, f.memory.value);
    props["Timeout"] = shared::number(model, &f.name, NumProp::FunctionTimeout, f.timeout.value);
    props["Role"] = get_att(&ids::role(&f.name), "Arn");
    props["Architectures"] = json!([arch(f.arch)]);
    if let Some(layers) = super::layers::function_layers(model, f) {
        props["Layers"] = layers;
    }
    props["TracingConfig"] = json!({ "Mode": if f.tracing { "Active" } else { "PassThrough" } });
    props["LoggingConfig"] = functions::logging_config(f);
    if f.snap_start.is_some() {
        props["SnapStart"] = json!({ "ApplyOn": "PublishedVersions" });
    }
    if let Some(env) = functions::environment(model, f) {
        props["Environment"] = env;
        if model.customer_key {
            props["KmsKeyArn"] = shared::key_arn();
        }
    }
    if let Some(c) = &f.concurrency {
        props["ReservedConcurrentExecutions"] = json!(c.value);
    }
    // A loop the spec allows (`recursion = allow`) must not be stopped by
    // Lambda's recursive loop detection after 16 invocations, at any of
    // its functions.
    if plan.recursion_allowed.contains(&f.name) {
        props["RecursiveLoop"] = json!("Allow");
    }
    if !model.tags.is_empty() {
        props["Tags"] = shared::tag_list(model);
    }
    shared::physical_name(model, &f.name, &id, "FunctionName", &mut props, t);
    shared::description(model, &f.name, &id, &mut props, t);
    let published = props.clone();
    t.add(
        id.clone(),
        json!({ "Type": "AWS::Lambda::Function", "Properties": props }),
    );
    // A function with an alias publishes a version behind it; what invokes
    // the function invokes the alias (`Invoked`).
    super::deploy::cfn_published(model, f, &published, t);

    if f.has_invoke_config() {
        functions::event_invoke_config(model, f, t);
    }

    for (ti, tr) in f.triggers.iter().enumerate() {
        let filter = plan.trigger_filters.get(&(f.name.clone(), ti));
        let Some(mut p) =
            functions::mapping_properties(model, &f.name, tr, Some("EventSourceArn"), filter)
        else {
            continue;
        };
        p["FunctionName"] = Invoked::of(model, &f.name).name();
        let Some(mapping) = functions::mapping_id(&id, tr) else {
            continue;
        };
        t.add(
            mapping,
            json!({ "Type": "AWS::Lambda::EventSourceMapping", "Properties": p }),
        );
    }
}

/// API Gateway v2 CORS configuration.
pub fn cors(c: &Cors) -> Json {
    let mut j = json!({});
    if !c.origins.is_empty() {
        j["AllowOrigins"] = json!(c.origins);
    }
    if !c.methods.is_empty() {
        j["AllowMethods"] = json!(c.methods);
    }
    if !c.headers.is_empty() {
        j["AllowHeaders"] = json!(c.headers);
    }
    if let Some(m) = c.max_age {
        j["MaxAge"] = json!(m);
    }
    if c.credentials {
        j["AllowCredentials"] = json!(true);
    }
    j
}

/// An HTTP API as `AWS::ApiGatewayV2::*`: API, stage, authorizer,
/// integrations, routes and the permissions each route needs.
pub fn api(model: &Model, plan: &Plan, index: usize, t: &mut Template) {
    let api = &model.apis[index];
    let id = logical(&api.name);
    let mut props = json!({
        "Name": sub(&format!("${{AWS::StackName}}-{}", api.name)),
        "ProtocolType": "HTTP",
    });
    if let Some(c) = &api.cors {
        props["CorsConfiguration"] = cors(c);
    }
    if !model.tags.is_empty() {
        props["Tags"] = shared::tag_map(model);
    }
    shared::description(model, &api.name, &id, &mut props, t);
    t.add(
        id.clone(),
        json!({ "Type": "AWS::ApiGatewayV2::Api", "Properties": props }),
    );
    let mut stage = json!({ "ApiId": r#ref(&id), "StageName": crate::naming::refs::text(&api.stage.value), "AutoDeploy": true });
    if let Some(setting) = apis::access_logs(model, api, t) {
        stage["AccessLogSettings"] = setting;
    }
    let (default_route, routes) = apis::route_settings(api);
    if let Some(d) = default_route {
        stage["DefaultRouteSettings"] = d;
    }
    let mut stage_resource = json!({ "Type": "AWS::ApiGatewayV2::Stage" });
    if let Some(r) = routes {
        stage["RouteSettings"] = r;
        // Settings name routes by key: the routes must exist first.
        let throttled: Vec<Json> = api
            .routes
            .iter()
            .zip(&plan.route_ids[index])
            .filter(|(r, _)| r.throttle.is_some() || r.slo.is_some())
            .map(|(_, rid)| json!(format!("{id}{rid}Route")))
            .collect();
        stage_resource["DependsOn"] = Json::Array(throttled);
    }
    stage_resource["Properties"] = stage;
    t.add(format!("{id}DefaultStage"), stage_resource);
    for z in &api.authorizers {
        let zid = ids::authorizer(&api.name, z);
        match &z.kind {
            AuthorizerKind::Jwt { issuer, audience } => t.add(
                zid,
                json!({
                    "Type": "AWS::ApiGatewayV2::Authorizer",
                    "Properties": {
                        "ApiId": r#ref(&id),
                        "AuthorizerType": "JWT",
                        "Name": z.name,
                        "IdentitySource": ["$request.header.Authorization"],
                        "JwtConfiguration": {
                            "Issuer": crate::naming::refs::jwt_issuer(issuer),
                            "Audience": audience.iter().map(crate::naming::refs::jwt_audience).collect::<Vec<_>>(),
                        },
                    },
                }),
            ),
            // REST APIs only (resolve keeps it off HTTP APIs).
            AuthorizerKind::Cognito { .. } => {}
            AuthorizerKind::Lambda { function, headers, cache, .. } => {
                let invoked = Invoked::of(model, &function.name);
                let mut p = json!({
                    "ApiId": r#ref(&id),
                    "AuthorizerType": "REQUEST",
                    "Name": z.name,
                    "AuthorizerUri": apis::authorizer_uri(&invoked),
                    "AuthorizerPayloadFormatVersion": "2.0",
                    "EnableSimpleResponses": true,
                    "AuthorizerResultTtlInSeconds": cache.value,
                });
                if !headers.is_empty() {
                    p["IdentitySource"] = json!(headers
                        .iter()
                        .map(|h| format!("$request.header.{}", h.value))
                        .collect::<Vec<_>>());
                }
                t.add(
                    zid.clone(),
                    json!({ "Type": "AWS::ApiGatewayV2::Authorizer", "Properties": p }),
                );
                t.add(
                    format!("{zid}Permission"),
                    apis::authorizer_permission(&id, &zid, &invoked),
                );
            }
        }
    }
    let mut integrations: Vec<String> = Vec::new();
    for (route, route_id) in api.routes.iter().zip(&plan.route_ids[index]) {
        let invoked = route.function().map(|f| Invoked::of(model, &f.name));
        let integration = match route.function() {
            Some(f) => format!("{id}{}Integration", logical(&f.name)),
            None => format!("{id}{route_id}Integration"),
        };
        if let Some(p) = super::direct::http_integration(model, api, route) {
            t.add(
                integration.clone(),
                json!({ "Type": "AWS::ApiGatewayV2::Integration", "Properties": p }),
            );
        } else if let (Some(invoked), false) = (&invoked, integrations.contains(&integration)) {
            integrations.push(integration.clone());
            t.add(
                integration.clone(),
                json!({
                    "Type": "AWS::ApiGatewayV2::Integration",
                    "Properties": {
                        "ApiId": r#ref(&id),
                        "IntegrationType": "AWS_PROXY",
                        "IntegrationUri": invoked.arn(),
                        "PayloadFormatVersion": "2.0",
                    },
                }),
            );
        }
        let rid = format!("{id}{route_id}");
        let mut rp = json!({
            "ApiId": r#ref(&id),
            "RouteKey": route.key(),
            "Target": { "Fn::Join": ["/", ["integrations", r#ref(&integration)]] },
        });
        let auth = api.route_auth(route);
        match (auth, api.authorizer(auth)) {
            (_, Some(z)) => {
                let jwt = matches!(z.kind, AuthorizerKind::Jwt { .. });
                rp["AuthorizationType"] = json!(if jwt { "JWT" } else { "CUSTOM" });
                rp["AuthorizerId"] = r#ref(&ids::authorizer(&api.name, z));
                if let (Some(scopes), true) = (&route.scopes, jwt) {
                    rp["AuthorizationScopes"] = json!(scopes.value);
                    t.prop(&format!("{rid}Route"), "AuthorizationScopes", scopes.span);
                }
            }
            (Auth::Iam, _) => rp["AuthorizationType"] = json!("AWS_IAM"),
            _ => rp["AuthorizationType"] = json!("NONE"),
        }
        t.add(
            format!("{rid}Route"),
            json!({ "Type": "AWS::ApiGatewayV2::Route", "Properties": rp }),
        );
        if let Some(invoked) = &invoked {
            t.add(
                format!("{rid}Permission"),
                apis::route_permission(&id, invoked, route),
            );
        }
    }
    t.output(
        ids::url_output(&api.name),
        json!({ "Description": format!("Base URL of API {}", api.name), "Value": crate::naming::refs::value(model, crate::ast::DeclKind::Api, &api.name, Attr::Url) }),
    );
    super::domains::cfn_domain(model, api, r#ref(&format!("{id}DefaultStage")), t);
    super::domains::output(api, t);
}
