//! Direct routes to tables and buckets (REST APIs): `-> Table.put`
//! (`get`, `query`, `delete`) call DynamoDB with a request template built
//! from the route's `item` or `key`, and answer with the item(s) as the
//! route's `200` response type when it declares one; `-> Bucket.get`
//! (`put`) read or write the object at the route's mapped `key`.
//!
//! Each becomes one [`Call`], which `direct` writes as a method's
//! `Integration` (CloudFormation) or as `x-amazon-apigateway-integration`
//! (SAM's `DefinitionBody`).

use super::mapping::escaped;
use crate::model::*;
use crate::naming::ids::logical;
use crate::naming::refs::{r#ref, sub};
use serde_json::{json, Map, Value as Json};

/// A REST integration with an AWS service, target-neutral.
pub struct Call {
    /// The service's HTTP method (`POST` for DynamoDB actions).
    pub http_method: &'static str,
    /// The `arn:...:apigateway:...` URI.
    pub uri: Json,
    /// Integration request parameters.
    pub params: Map<String, Json>,
    /// The `application/json` request template.
    pub template: Option<Json>,
    /// The answers: status, selection pattern (None: the default),
    /// response template, response parameters.
    pub responses: Vec<Answer>,
}

/// One integration response.
pub struct Answer {
    /// The method's status code.
    pub status: &'static str,
    /// The service's statuses it takes (a regular expression).
    pub pattern: Option<&'static str>,
    /// The `application/json` response template.
    pub template: Option<String>,
    /// Response headers: `method.response.header.NAME` to its source.
    pub headers: Map<String, Json>,
}

impl Answer {
    fn plain(status: &'static str, pattern: Option<&'static str>) -> Self {
        Answer {
            status,
            pattern,
            template: None,
            headers: Map::new(),
        }
    }
}

/// The call of a table or bucket route; None for any other route.
pub fn call(model: &Model, api: &Api, route: &Route) -> Option<Call> {
    match &route.target {
        RouteTarget::Table { table, action } => table_call(model, api, route, table, action.value),
        RouteTarget::Bucket { bucket, action } => Some(bucket_call(route, bucket, action.value)),
        _ => None,
    }
}

/// A DynamoDB attribute value (`{"S": ...}`) of a one-value mapping, as
/// request template text. `as_type`: the type it is stored as.
fn attribute(model: &Model, api: &Api, route: &Route, m: &Mapping, as_type: &str) -> String {
    let value = match (m, as_type) {
        (Mapping::Literal(Json::String(s), _), "S") => Json::from(s.clone()).to_string(),
        (Mapping::Literal(v, _), "S" | "N") => {
            Json::from(v.to_string().trim_matches('"').to_string()).to_string()
        }
        (Mapping::Literal(v, _), _) => v.to_string(),
        (Mapping::Source(MapSource::Body(fields), _), "S" | "BOOL") => {
            format!("$input.json('{}')", path(fields))
        }
        (Mapping::Source(MapSource::Body(fields), _), _) => {
            format!("\"$input.path('{}')\"", path(fields))
        }
        (Mapping::Source(s, _), "N") => format!("\"{}\"", source_text(api, route, s)),
        (Mapping::Source(s, _), _) => format!("\"{}\"", escaped(&source_text(api, route, s))),
        (Mapping::Record(..), _) => "null".into(),
    };
    let _ = model;
    format!("{{\"{as_type}\": {value}}}")
}

fn path(fields: &[Spanned<String>]) -> String {
    std::iter::once("$")
        .chain(fields.iter().map(|f| f.value.as_str()))
        .collect::<Vec<_>>()
        .join(".")
}

/// A source as a VTL expression whose value is a string.
fn source_text(api: &Api, route: &Route, s: &MapSource) -> String {
    match s {
        MapSource::Body(fields) => format!("$input.path('{}')", path(fields)),
        MapSource::Path(n) => format!("$util.urlDecode($input.params().path.get('{}'))", n.value),
        MapSource::Query(n) => format!("$input.params().querystring.get('{}')", n.value),
        MapSource::Header(n) => format!("$input.params().header.get('{}')", n.value),
        MapSource::Context(v) => format!("$context.{}", v.context),
        MapSource::Authorizer(k) => match api.authorizer(api.route_auth(route)).map(|a| &a.kind) {
            Some(AuthorizerKind::Jwt { .. } | AuthorizerKind::Cognito { .. }) => {
                format!("$context.authorizer.claims.{}", k.value)
            }
            _ => format!("$context.authorizer.{}", k.value),
        },
    }
}

/// The DynamoDB type a mapped value is stored as: a key attribute's
/// declared type, else its source's.
fn stored_type(
    model: &Model,
    route: &Route,
    table: &Table,
    name: &str,
    m: &Mapping,
) -> &'static str {
    let keys = table
        .key
        .iter()
        .chain(table.indexes.iter().flat_map(|i| i.key.iter()));
    if let Some((_, k)) = keys.into_iter().find(|(n, _)| n == name) {
        return match k {
            KeyType::String => "S",
            KeyType::Number => "N",
            KeyType::Binary => "B",
        };
    }
    match m {
        Mapping::Literal(Json::Bool(_), _) => "BOOL",
        Mapping::Literal(Json::Number(_), _) => "N",
        Mapping::Source(s, _) => dynamo_type(s.ty(model, route).as_ref()).unwrap_or("S"),
        _ => "S",
    }
}

/// `{"a": {"S": ...}, ...}` of a record mapping.
fn attributes(
    model: &Model,
    api: &Api,
    route: &Route,
    table: &Table,
    m: Option<&Mapping>,
) -> String {
    let Some(Mapping::Record(entries, _)) = m else {
        return "{}".into();
    };
    // Attributes a request may lack (optional body fields) are written
    // only when present, after the others (the key is never optional).
    let mut required: Vec<String> = Vec::new();
    let mut optional: Vec<String> = Vec::new();
    for (k, v) in entries {
        let t = stored_type(model, route, table, &k.value, v);
        let pair = format!(
            "{}: {}",
            Json::from(k.value.clone()),
            attribute(model, api, route, v, t)
        );
        match v {
            Mapping::Source(s @ MapSource::Body(fields), _) if s.optional(model, route) => optional
                .push(format!(
                    "#if(\"$!input.path('{}')\" != \"\"), {pair}#end",
                    path(fields)
                )),
            _ => required.push(pair),
        }
    }
    format!("{{{}{}}}", required.join(", "), optional.concat())
}

fn table_call(
    model: &Model,
    api: &Api,
    route: &Route,
    table: &Ref,
    action: TableAction,
) -> Option<Call> {
    let t = model.table(&table.name)?;
    let m = &route.mapping;
    let head = "{\"TableName\": \"${Table}\"".to_string();
    let text = match action {
        TableAction::Put => format!(
            "{head}, \"Item\": {}}}",
            attributes(model, api, route, t, m.item.as_ref())
        ),
        TableAction::Get | TableAction::Delete => {
            format!(
                "{head}, \"Key\": {}}}",
                attributes(model, api, route, t, m.key.as_ref())
            )
        }
        TableAction::Query => {
            let Some(Mapping::Record(entries, _)) = &m.key else {
                return None;
            };
            let mut conds = Vec::new();
            let mut names = Vec::new();
            let mut values = Vec::new();
            for (i, (k, v)) in entries.iter().enumerate() {
                conds.push(format!("#k{i} = :k{i}"));
                names.push(format!("\"#k{i}\": {}", Json::from(k.value.clone())));
                let ty = stored_type(model, route, t, &k.value, v);
                values.push(format!(
                    "\":k{i}\": {}",
                    attribute(model, api, route, v, ty)
                ));
            }
            let index = m
                .index
                .as_ref()
                .map(|i| format!(", \"IndexName\": {}", Json::from(i.value.clone())))
                .unwrap_or_default();
            format!(
                "{head}{index}, \"KeyConditionExpression\": \"{}\", \"ExpressionAttributeNames\": {{{}}}, \"ExpressionAttributeValues\": {{{}}}}}",
                conds.join(" AND "),
                names.join(", "),
                values.join(", ")
            )
        }
    };
    let template = json!({
        "Fn::Sub": [super::mapping::sub_safe_template(&text), { "Table": r#ref(&logical(&table.name)) }],
    });
    let mut ok = Answer::plain("200", None);
    ok.template = response_template(model, route, action);
    Some(Call {
        http_method: "POST",
        uri: sub(&format!(
            "arn:${{AWS::Partition}}:apigateway:${{AWS::Region}}:dynamodb:action/{}",
            action.api()
        )),
        params: Map::new(),
        template: Some(template),
        responses: vec![
            ok,
            Answer::plain("400", Some("4\\d{2}")),
            Answer::plain("500", Some("5\\d{2}")),
        ],
    })
}

/// The fields of the route's `200` response type, when it declares one.
fn ok_fields(model: &Model, route: &Route) -> Option<Vec<FieldDef>> {
    let (_, t) = route.responses.iter().find(|(s, _)| s.value == 200)?;
    Some(model.type_def(&t.name)?.fields.clone())
}

/// One item as a JSON object of `fields`, from the DynamoDB item `$item`.
fn item_json(fields: &[FieldDef]) -> String {
    let list: Vec<String> = fields
        .iter()
        .map(|f| {
            let at = format!("$item.{}", f.name);
            let value = match dynamo_type(Some(&f.ty)) {
                Some("N") => format!("{at}.N"),
                Some("BOOL") => format!("{at}.BOOL"),
                _ => format!("\"{}\"", escaped(&format!("{at}.S"))),
            };
            let value = if f.optional {
                format!("#if(\"$!item.{}\" != \"\"){value}#{{else}}null#end", f.name)
            } else {
                value
            };
            format!("{}: {value}", Json::from(f.name.clone()))
        })
        .collect();
    format!("{{{}}}", list.join(", "))
}

/// The response template of a get (the item, 404 without one) or query
/// (the items, in the response type's one list field).
fn response_template(model: &Model, route: &Route, action: TableAction) -> Option<String> {
    let fields = ok_fields(model, route)?;
    match action {
        TableAction::Get => Some(format!(
            "#set($item = $input.path('$.Item'))#if(\"$!item\" == \"\")#set($context.responseOverride.status = 404){{\"message\": \"not found\"}}#else{}#end",
            item_json(&fields)
        )),
        TableAction::Query => {
            let [list] = fields.as_slice() else { return None };
            let Ty::List(inner) = &list.ty else { return None };
            let item = match inner.as_ref() {
                Ty::Record(f) => f.clone(),
                Ty::Named(n) => model.type_def(n)?.fields.clone(),
                _ => return None,
            };
            Some(format!(
                "{{{}: [#foreach($item in $input.path('$.Items')){}#if($foreach.hasNext), #end#end]}}",
                Json::from(list.name.clone()),
                item_json(&item)
            ))
        }
        TableAction::Put | TableAction::Delete => None,
    }
}

fn bucket_call(route: &Route, bucket: &Ref, action: BucketAction) -> Call {
    let (method, _) = action.http();
    let prefix = route
        .mapping
        .prefix
        .as_ref()
        .map_or("", |p| p.value.as_str());
    let mut params = Map::new();
    if let Some(Mapping::Source(s, _)) = &route.mapping.key {
        let from = match s {
            MapSource::Path(n) => format!("method.request.path.{}", n.value),
            MapSource::Query(n) => format!("method.request.querystring.{}", n.value),
            MapSource::Header(n) => format!("method.request.header.{}", n.value),
            // Other sources are E0419 (check::mapping).
            _ => String::new(),
        };
        params.insert("integration.request.path.object".into(), json!(from));
    }
    let mut responses = Vec::new();
    match action {
        BucketAction::Get => {
            let mut ok = Answer::plain("200", None);
            ok.headers.insert(
                "method.response.header.Content-Type".into(),
                json!("integration.response.header.Content-Type"),
            );
            responses.push(ok);
            // S3 answers 403 for a missing key when the role may not list
            // the bucket: both are "not found" to the caller.
            responses.push(Answer::plain("404", Some("40[34]")));
            // Disjoint from 403 and 404: which of two matching patterns
            // API Gateway picks is not defined.
            responses.push(Answer::plain("400", Some("4(0[0-25-9]|[1-9]\\d)")));
        }
        BucketAction::Put => {
            params.insert(
                "integration.request.header.Content-Type".into(),
                json!("method.request.header.Content-Type"),
            );
            responses.push(Answer::plain("200", None));
            responses.push(Answer::plain("400", Some("4\\d{2}")));
        }
    }
    responses.push(Answer::plain("500", Some("5\\d{2}")));
    Call {
        http_method: method,
        uri: json!({
            "Fn::Sub": [
                format!("arn:${{AWS::Partition}}:apigateway:${{AWS::Region}}:s3:path/${{Bucket}}/{}{{object}}", super::mapping::sub_safe(prefix)),
                { "Bucket": r#ref(&logical(&bucket.name)) },
            ],
        }),
        params,
        template: None,
        responses,
    }
}

impl Call {
    /// The method's `Integration` (CloudFormation).
    pub fn cfn(&self, role: Json) -> Json {
        let responses: Vec<Json> = self
            .responses
            .iter()
            .map(|a| {
                let mut r = json!({ "StatusCode": a.status });
                if let Some(p) = a.pattern {
                    r["SelectionPattern"] = json!(p);
                }
                if let Some(t) = &a.template {
                    r["ResponseTemplates"] = json!({ "application/json": t });
                }
                if !a.headers.is_empty() {
                    r["ResponseParameters"] = Json::Object(a.headers.clone());
                }
                r
            })
            .collect();
        let mut i = json!({
            "Type": "AWS",
            "IntegrationHttpMethod": self.http_method,
            "Uri": self.uri,
            "Credentials": role,
            "PassthroughBehavior": if self.template.is_some() { "NEVER" } else { "WHEN_NO_MATCH" },
            "IntegrationResponses": responses,
        });
        if !self.params.is_empty() {
            i["RequestParameters"] = Json::Object(self.params.clone());
        }
        if let Some(t) = &self.template {
            i["RequestTemplates"] = json!({ "application/json": t });
        }
        i
    }

    /// The method's `MethodResponses` (CloudFormation).
    pub fn cfn_method_responses(&self) -> Json {
        json!(self
            .responses
            .iter()
            .map(|a| {
                let mut r = json!({ "StatusCode": a.status });
                if !a.headers.is_empty() {
                    let h: Map<String, Json> =
                        a.headers.keys().map(|k| (k.clone(), json!(true))).collect();
                    r["ResponseParameters"] = Json::Object(h);
                }
                r
            })
            .collect::<Vec<_>>())
    }

    /// `x-amazon-apigateway-integration` (SAM's Swagger body).
    pub fn sam(&self, role: Json) -> Json {
        let mut responses = Map::new();
        for a in &self.responses {
            let mut r = json!({ "statusCode": a.status });
            if let Some(t) = &a.template {
                r["responseTemplates"] = json!({ "application/json": t });
            }
            if !a.headers.is_empty() {
                r["responseParameters"] = Json::Object(a.headers.clone());
            }
            responses.insert(a.pattern.unwrap_or("default").to_string(), r);
        }
        let mut i = json!({
            "type": "aws",
            "httpMethod": self.http_method,
            "uri": self.uri,
            "credentials": role,
            "passthroughBehavior": if self.template.is_some() { "never" } else { "when_no_match" },
            "responses": responses,
        });
        if !self.params.is_empty() {
            i["requestParameters"] = Json::Object(self.params.clone());
        }
        if let Some(t) = &self.template {
            i["requestTemplates"] = json!({ "application/json": t });
        }
        i
    }

    /// The operation's `responses` (SAM's Swagger body).
    pub fn sam_responses(&self) -> Json {
        let mut out = Map::new();
        for a in &self.responses {
            let mut r = json!({ "description": format!("{} response", a.status) });
            if !a.headers.is_empty() {
                let h: Map<String, Json> = a
                    .headers
                    .keys()
                    .map(|k| {
                        let name = k.trim_start_matches("method.response.header.");
                        (name.to_string(), json!({ "type": "string" }))
                    })
                    .collect();
                r["headers"] = Json::Object(h);
            }
            out.insert(a.status.to_string(), r);
        }
        Json::Object(out)
    }
}
