//! The SAM target: functions and HTTP APIs as `AWS::Serverless::*`.
//!
//! Functions name their own role (`Role`), so SAM adds no role and no managed
//! policies of its own: the permissions are exactly those `iam` derives.

use super::plan::Plan;
use super::Template;
use super::{apis, functions, shared};
use crate::ast::DeclKind;
use crate::model::*;
use crate::naming::ids::{self, logical};
use crate::naming::refs::{get_att, r#ref, Invoked};
use serde_json::{json, Map, Value as Json};

/// A function as `AWS::Serverless::Function`, with its role and log group.
pub fn function(model: &Model, plan: &Plan, f: &Function, t: &mut Template) {
    let id = logical(&f.name);
    super::roles::add_function_role(model, f, t);
    functions::function_provenance(f, &id, t);
    functions::log_group(model, f, t);
    let mut props = match &f.package {
        Package::Zip {
            code,
            handler,
            runtime,
        } => json!({
            "Handler": handler.value,
            "Runtime": runtime.value,
            "CodeUri": code_uri(code),
        }),
        Package::Image(uri) => {
            t.prop(&id, "ImageUri", uri.span);
            json!({ "PackageType": "Image", "ImageUri": shared::text(&uri.value) })
        }
    };
    props["MemorySize"] = shared::number(model, &f.name, NumProp::FunctionMemory, f.memory.value);
    props["Timeout"] = shared::number(model, &f.name, NumProp::FunctionTimeout, f.timeout.value);
    props["Role"] = get_att(&ids::role(&f.name), "Arn");
    props["Architectures"] = json!([arch(f.arch)]);
    if let Some(layers) = super::layers::function_layers(model, f) {
        props["Layers"] = layers;
    }
    props["Tracing"] = json!(if f.tracing { "Active" } else { "PassThrough" });
    props["LoggingConfig"] = functions::logging_config(f);
    if f.snap_start.is_some() {
        // SnapStart snapshots published versions, which a function with
        // SnapStart publishes behind its alias (`live` by default).
        props["SnapStart"] = json!({ "ApplyOn": "PublishedVersions" });
    }
    // A function with an alias: SAM publishes a version on every change of
    // any property (not only of the code), behind the alias that SAM's
    // own events then invoke (and that `Invoked` points everything else
    // at). A version left behind is deleted: an old snapshot of a Python or
    // .NET function with SnapStart is billed for as long as it exists.
    super::deploy::sam_properties(model, f, &mut props, t);
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
    if let Some(cfg) = invoke_config(model, f) {
        props["EventInvokeConfig"] = cfg;
    }
    let separate_config = f.has_invoke_config() && model.destination_may_be_cut(f);
    let events = events(model, plan, f);
    if !events.is_empty() {
        props["Events"] = Json::Object(events);
    }
    if !model.tags.is_empty() {
        props["Tags"] = shared::tag_map(model);
    }
    shared::physical_name(model, &f.name, &id, "FunctionName", &mut props, t);
    shared::description(model, &f.name, &id, &mut props, t);
    t.add(
        id,
        json!({ "Type": "AWS::Serverless::Function", "Properties": props }),
    );
    if separate_config {
        functions::event_invoke_config(model, f, t);
    }
}

/// SAM's `CodeUri`: a local folder or package (which `sam build` or `sam
/// package` uploads), or the S3 object as it is.
pub(super) fn code_uri(code: &CodeSource) -> Json {
    match code {
        CodeSource::Folder(p) | CodeSource::Artifact(p) => json!(p),
        CodeSource::S3 {
            bucket,
            key,
            version,
        } => {
            let mut j = json!({ "Bucket": bucket, "Key": key });
            if let Some(v) = version {
                j["Version"] = json!(v);
            }
            j
        }
    }
}

/// The `Architectures` value of an architecture.
pub fn arch(a: Arch) -> &'static str {
    match a {
        Arch::X86 => "x86_64",
        Arch::Arm => "arm64",
    }
}

fn invoke_config(model: &Model, f: &Function) -> Option<Json> {
    // A destination that a condition may leave out is written as its own
    // resource (`functions::event_invoke_config`): SAM reads each
    // destination's `Type` and cannot take an `Fn::If` around it.
    if !f.has_invoke_config() || model.destination_may_be_cut(f) {
        return None;
    }
    let mut cfg = json!({});
    if let Some(r) = &f.retries {
        cfg["MaximumRetryAttempts"] = json!(r.value);
    }
    if let Some(a) = &f.max_event_age {
        cfg["MaximumEventAgeInSeconds"] = json!(a.value);
    }
    let destinations = functions::destination_config(model, f, true);
    if !destinations.is_empty() {
        cfg["DestinationConfig"] = Json::Object(destinations);
    }
    Some(cfg)
}

/// Pull triggers and routes as SAM events; push triggers are emitted as
/// plain resources by `shared`.
fn events(model: &Model, plan: &Plan, f: &Function) -> Map<String, Json> {
    let mut events = Map::new();
    for (ti, tr) in f.triggers.iter().enumerate() {
        let filter = plan.trigger_filters.get(&(f.name.clone(), ti));
        let Some(p) = functions::mapping_properties(model, &f.name, tr, None, filter) else {
            continue;
        };
        let (key, kind) = match tr {
            Trigger::Queue { queue, .. } => (logical(&queue.name), "SQS"),
            Trigger::Stream { source, .. } if source.kind == DeclKind::Stream => {
                (logical(&source.name), "Kinesis")
            }
            Trigger::Stream { source: table, .. } => {
                (format!("{}Stream", logical(&table.name)), "DynamoDB")
            }
            Trigger::Bucket { .. } | Trigger::Topic { .. } => continue,
        };
        events.insert(key, json!({ "Type": kind, "Properties": p }));
    }
    for &(a, r) in plan.routes.get(&f.name).into_iter().flatten() {
        let (api, route) = (&model.apis[a], &model.apis[a].routes[r]);
        let key = format!("{}{}", logical(&api.name), plan.route_ids[a][r]);
        if api.rest {
            events.insert(key, super::rest::sam_event(api, route));
            continue;
        }
        // Without `Path` and `Method`, SAM makes the `$default` route.
        let mut p = if route.is_default() {
            json!({ "ApiId": r#ref(&logical(&api.name)), "PayloadFormatVersion": "2.0" })
        } else {
            json!({
                "ApiId": r#ref(&logical(&api.name)),
                "Method": route.method,
                "Path": route.path.value,
                "PayloadFormatVersion": "2.0",
            })
        };
        let auth = api.route_auth(route);
        let name = apis::sam_authorizer(api, auth);
        match (&route.scopes, api.jwt(auth)) {
            (Some(scopes), Some(_)) => {
                p["Auth"] = json!({ "Authorizer": name, "AuthorizationScopes": scopes.value });
            }
            _ if auth != api.auth => p["Auth"] = json!({ "Authorizer": name }),
            _ => {}
        }
        events.insert(key, json!({ "Type": "HttpApi", "Properties": p }));
    }
    events
}

/// An HTTP API as `AWS::Serverless::HttpApi`; routes come from function events.
pub fn api(model: &Model, index: usize, t: &mut Template) {
    let api = &model.apis[index];
    let id = logical(&api.name);
    let mut props = json!({});
    let mut auth = Map::new();
    let iam = api.auth == Auth::Iam || api.routes.iter().any(|r| r.auth == Some(Auth::Iam));
    if iam {
        auth.insert("EnableIamAuthorizer".into(), json!(true));
    }
    if !api.authorizers.is_empty() {
        let authorizers: Map<String, Json> = api
            .authorizers
            .iter()
            .filter_map(|z| {
                let j = match &z.kind {
                    // REST APIs only (resolve keeps it off HTTP APIs).
                    AuthorizerKind::Cognito { .. } => return None,
                    AuthorizerKind::Jwt { issuer, audience } => json!({
                        "IdentitySource": "$request.header.Authorization",
                        "JwtConfiguration": {
                            "issuer": crate::naming::refs::jwt_issuer(issuer),
                            "audience": audience.iter().map(crate::naming::refs::jwt_audience).collect::<Vec<_>>(),
                        },
                    }),
                    AuthorizerKind::Lambda { function, headers, cache, .. } => {
                        let mut identity = json!({ "ReauthorizeEvery": cache.value });
                        if !headers.is_empty() {
                            identity["Headers"] = json!(headers.iter().map(|h| &h.value).collect::<Vec<_>>());
                        }
                        json!({
                            "FunctionArn": Invoked::of(model, &function.name).arn(),
                            "AuthorizerPayloadFormatVersion": "2.0",
                            "EnableSimpleResponses": true,
                            "Identity": identity,
                        })
                    }
                };
                Some((ids::authorizer_key(z), j))
            })
            .collect();
        auth.insert("Authorizers".into(), Json::Object(authorizers));
    }
    if api.auth != Auth::None {
        auth.insert(
            "DefaultAuthorizer".into(),
            json!(apis::sam_authorizer(api, api.auth)),
        );
    }
    if !auth.is_empty() {
        props["Auth"] = Json::Object(auth);
    }
    if let Some(c) = &api.cors {
        props["CorsConfiguration"] = super::cfn::cors(c);
    }
    let (default_route, routes) = apis::route_settings(api);
    if let Some(d) = default_route {
        props["DefaultRouteSettings"] = d;
    }
    if let Some(r) = routes {
        props["RouteSettings"] = r;
    }
    if let Some(setting) = apis::access_logs(model, api, t) {
        props["AccessLogSettings"] = setting;
    }
    if !model.tags.is_empty() {
        props["Tags"] = shared::tag_map(model);
    }
    if let Some(body) = super::direct::sam_definition(model, api) {
        props["DefinitionBody"] = body;
    }
    if api.stage.value != "$default" {
        props["StageName"] = crate::naming::refs::text(&api.stage.value);
    }
    if let Some(domain) = super::domains::sam_domain(api) {
        props["Domain"] = domain;
    }
    shared::description(model, &api.name, &id, &mut props, t);
    t.add(
        id.clone(),
        json!({ "Type": "AWS::Serverless::HttpApi", "Properties": props }),
    );
    t.output(
        ids::url_output(&api.name),
        json!({ "Description": format!("Base URL of API {}", api.name), "Value": crate::naming::refs::value(model, crate::ast::DeclKind::Api, &api.name, Attr::Url) }),
    );
    super::domains::sam_extras(model, api, t);
}
