//! JSON Schema (draft 2020-12) of declared types and events, and example
//! values that satisfy them.
//!
//! A `type` becomes an object schema; an `event` the schema of its whole
//! EventBridge envelope, with its `detail` typed. Named types are `$ref`s
//! into `$defs`, so a document is self-contained. Samples are deterministic:
//! the same spec gives the same sample, and CI validates every sample against
//! its schema.

use crate::model::{Constraints, EventDef, FieldDef, Model, Ty};
use serde_json::{json, Map, Value as Json};

/// The dialect every schema declares.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// What a name refers to, for schema and sample commands.
#[derive(Debug, Clone, Copy)]
pub enum Subject<'a> {
    /// A `type`.
    Type(&'a crate::model::TypeDef),
    /// An `event`.
    Event(&'a EventDef),
}

/// Finds a type or event by name.
pub fn subject<'a>(model: &'a Model, name: &str) -> Option<Subject<'a>> {
    model
        .event(name)
        .map(Subject::Event)
        .or_else(|| model.type_def(name).map(Subject::Type))
}

/// A schema document for one type or event, with the `$defs` it needs.
pub fn document(model: &Model, subject: Subject) -> Json {
    let (title, mut body) = match subject {
        Subject::Type(t) => (t.name.clone(), record(&t.fields)),
        Subject::Event(e) => (e.name.clone(), envelope(e)),
    };
    let mut defs = Map::new();
    let mut pending = named_types(&body);
    while let Some(name) = pending.pop() {
        if defs.contains_key(&name) {
            continue;
        }
        if let Some(t) = model.type_def(&name) {
            let s = record(&t.fields);
            pending.extend(named_types(&s));
            defs.insert(name, s);
        }
    }
    let obj = body.as_object_mut().expect("schemas here are objects");
    let mut doc = Map::new();
    doc.insert("$schema".into(), json!(DIALECT));
    doc.insert("title".into(), json!(title));
    doc.extend(std::mem::take(obj));
    if !defs.is_empty() {
        let mut sorted: Vec<(String, Json)> = defs.into_iter().collect();
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        doc.insert("$defs".into(), Json::Object(sorted.into_iter().collect()));
    }
    Json::Object(doc)
}

/// One document with every type and event of the spec under `$defs`, in
/// source order.
pub fn all(model: &Model) -> Json {
    let mut defs = Map::new();
    for (kind, i) in &model.order {
        match kind {
            crate::ast::DeclKind::Type => {
                let t = &model.types[*i];
                defs.insert(t.name.clone(), record(&t.fields));
            }
            crate::ast::DeclKind::Event => {
                let e = &model.events[*i];
                defs.insert(e.name.clone(), envelope(e));
            }
            _ => {}
        }
    }
    json!({ "$schema": DIALECT, "$defs": defs })
}

/// The names of the types a schema refers to.
fn named_types(schema: &Json) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(v: &Json, out: &mut Vec<String>) {
        match v {
            Json::Object(m) => {
                if let Some(r) = m.get("$ref").and_then(Json::as_str) {
                    if let Some(name) = r.strip_prefix("#/$defs/") {
                        out.push(name.to_string());
                    }
                }
                m.values().for_each(|x| walk(x, out));
            }
            Json::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    walk(schema, &mut out);
    out
}

/// The EventBridge envelope with a typed `detail`.
fn envelope(e: &EventDef) -> Json {
    json!({
        "type": "object",
        "properties": {
            "version": { "type": "string" },
            "id": { "type": "string" },
            "detail-type": { "const": e.detail_type },
            "source": { "const": e.source },
            "account": { "type": "string", "pattern": "^[0-9]{12}$" },
            "time": { "type": "string", "format": "date-time" },
            "region": { "type": "string" },
            "resources": { "type": "array", "items": { "type": "string" } },
            "detail": record(&e.fields),
        },
        "required": ["version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail"],
    })
}

/// An object schema of the fields' schemas, requiring those not optional.
fn object(fields: &[FieldDef], properties: Map<String, Json>) -> Json {
    let required: Vec<&str> = fields
        .iter()
        .filter(|f| !f.optional)
        .map(|f| f.name.as_str())
        .collect();
    let mut s = json!({ "type": "object", "properties": properties });
    if !required.is_empty() {
        s["required"] = json!(required);
    }
    s
}

fn record(fields: &[FieldDef]) -> Json {
    let properties: Map<String, Json> = fields.iter().map(|f| (f.name.clone(), field(f))).collect();
    object(fields, properties)
}

fn field(f: &FieldDef) -> Json {
    let mut s = ty(&f.ty);
    constrain(&mut s, &f.constraints);
    s
}

fn ty(t: &Ty) -> Json {
    match t {
        Ty::String => json!({ "type": "string" }),
        Ty::Int => json!({ "type": "integer" }),
        Ty::Number => json!({ "type": "number" }),
        Ty::Bool => json!({ "type": "boolean" }),
        Ty::Timestamp => json!({ "type": "string", "format": "date-time" }),
        Ty::Enum(values) => json!({ "type": "string", "enum": values }),
        Ty::List(inner) => json!({ "type": "array", "items": ty(inner) }),
        Ty::Record(fields) => record(fields),
        Ty::Named(n) => json!({ "$ref": format!("#/$defs/{n}") }),
    }
}

fn constrain(s: &mut Json, c: &Constraints) {
    let num = |n: f64| {
        if n.fract() == 0.0 && n.abs() < 1e15 {
            json!(n as i64)
        } else {
            json!(n)
        }
    };
    let pairs: [(&str, Option<Json>); 8] = [
        ("minimum", c.min.map(num)),
        ("maximum", c.max.map(num)),
        ("minLength", c.min_length.map(Json::from)),
        ("maxLength", c.max_length.map(Json::from)),
        ("pattern", c.pattern.clone().map(Json::from)),
        ("minItems", c.min_items.map(Json::from)),
        ("maxItems", c.max_items.map(Json::from)),
        ("examples", c.example.clone().map(|e| json!([e]))),
    ];
    for (k, v) in pairs {
        if let Some(v) = v {
            s[k] = v;
        }
    }
}

/// A deterministic example of an event (the whole envelope) or a type.
pub fn sample(model: &Model, subject: Subject) -> Json {
    match subject {
        Subject::Type(t) => sample_record(model, &t.fields, 0),
        Subject::Event(e) => json!({
            "version": "0",
            "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
            "detail-type": e.detail_type,
            "source": e.source,
            "account": "123456789012",
            "time": "2026-01-01T00:00:00Z",
            "region": "us-east-1",
            "resources": [],
            "detail": sample_record(model, &e.fields, 0),
        }),
    }
}

/// The event a function triggered by a queue receives: an SQS batch of one
/// record whose `body` is a sample message (of the queue's type, or a
/// placeholder for an untyped queue), serialized as SQS carries it; a FIFO
/// queue's ARN ends in `.fifo`.
pub fn queue_event(model: &Model, queue: &crate::model::Queue) -> Option<Json> {
    let text = message_body(model, queue.message.as_ref());
    let arn = format!(
        "arn:aws:sqs:us-east-1:123456789012:{}{}",
        queue.name,
        if queue.fifo { ".fifo" } else { "" }
    );
    let mut attributes = json!({
        "ApproximateReceiveCount": "1",
        "SentTimestamp": "1767225600000",
        "SenderId": "AROAEXAMPLE:sender",
        "ApproximateFirstReceiveTimestamp": "1767225600001",
    });
    if queue.fifo {
        attributes["MessageGroupId"] = json!("group-1");
        attributes["MessageDeduplicationId"] = json!("dedup-1");
        attributes["SequenceNumber"] = json!("18849496460467696128");
    }
    Some(json!({
        "Records": [{
            "messageId": "059f36b4-87a3-44ab-83d2-661975830a7d",
            "receiptHandle": "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a",
            "body": text,
            "attributes": attributes,
            "messageAttributes": {},
            "eventSource": "aws:sqs",
            "eventSourceARN": arn,
            "awsRegion": "us-east-1",
        }],
    }))
}

/// The sample body of a typed queue's or topic's messages, as the JSON
/// text SQS and SNS carry, or a placeholder for an untyped one.
fn message_body(model: &Model, message: Option<&crate::model::Ref>) -> String {
    message
        .and_then(|m| subject(model, &m.name))
        .map(|s| sample(model, s).to_string())
        .unwrap_or_else(|| "example message".to_string())
}

/// What a function receives from a declaration that invokes it: a queue
/// (SQS batch), a topic (SNS notification), a table (its stream's record) or
/// a Kinesis stream, a bucket (S3 notification), a schedule (Scheduler's
/// default payload), or an API route `METHOD /path` (the API Gateway
/// request). Samples are deterministic, with the example account and
/// region. None when `name` is none of these; Err says why one cannot be
/// sampled.
pub fn delivery(model: &Model, name: &str) -> Option<Result<Json, String>> {
    const REGION: &str = "us-east-1";
    const ACCOUNT: &str = "123456789012";
    if let Some(q) = model.queue(name) {
        return queue_event(model, q).map(Ok);
    }
    if let Some(t) = model.topic(name) {
        let topic_arn = format!(
            "arn:aws:sns:{REGION}:{ACCOUNT}:{}{}",
            t.name,
            if t.fifo { ".fifo" } else { "" }
        );
        return Some(Ok(json!({
            "Records": [{
                "EventSource": "aws:sns",
                "EventVersion": "1.0",
                "EventSubscriptionArn": format!("{topic_arn}:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55"),
                "Sns": {
                    "Type": "Notification",
                    "MessageId": "95df01b4-ee98-5cb9-9903-4c221d41eb5e",
                    "TopicArn": topic_arn,
                    "Subject": null,
                    "Message": message_body(model, t.message.as_ref()),
                    "Timestamp": "2026-01-01T00:00:00.000Z",
                    "SignatureVersion": "1",
                    "Signature": "EXAMPLE",
                    "SigningCertUrl": "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-EXAMPLE.pem",
                    "UnsubscribeUrl": "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe",
                    "MessageAttributes": {},
                },
            }],
        })));
    }
    let table_name = name.strip_suffix(".stream").unwrap_or(name);
    if let Some(t) = model.table(table_name) {
        use crate::model::{KeyType, StreamView};
        let Some(view) = t.stream else {
            return Some(Err(format!(
                "table `{}` has no stream: add `stream = new_and_old_images` (or another view) to sample what its consumers receive",
                t.name
            )));
        };
        let attribute = |k: &KeyType, n: usize| match k {
            KeyType::String => json!({ "S": format!("{}-{n}", "key") }),
            KeyType::Number => json!({ "N": n.to_string() }),
            KeyType::Binary => json!({ "B": "a2V5" }),
        };
        let keys: Map<String, Json> = t
            .key
            .iter()
            .map(|(k, ty)| (k.clone(), attribute(ty, 1)))
            .collect();
        let mut record = json!({
            "ApproximateCreationDateTime": 1767225600,
            "Keys": keys,
            "SequenceNumber": "111",
            "SizeBytes": 26,
            "StreamViewType": match view {
                StreamView::KeysOnly => "KEYS_ONLY",
                StreamView::NewImage => "NEW_IMAGE",
                StreamView::OldImage => "OLD_IMAGE",
                StreamView::NewAndOldImages => "NEW_AND_OLD_IMAGES",
            },
        });
        // A MODIFY record carries both images where the view has them.
        if matches!(view, StreamView::NewImage | StreamView::NewAndOldImages) {
            record["NewImage"] = json!(keys);
        }
        if matches!(view, StreamView::OldImage | StreamView::NewAndOldImages) {
            record["OldImage"] = json!(keys);
        }
        return Some(Ok(json!({
            "Records": [{
                "eventID": "c4ca4238a0b923820dcc509a6f75849b",
                "eventName": "MODIFY",
                "eventVersion": "1.1",
                "eventSource": "aws:dynamodb",
                "awsRegion": REGION,
                "dynamodb": record,
                "eventSourceARN": format!("arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/{}/stream/2026-01-01T00:00:00.000", t.name),
            }],
        })));
    }
    if let Some(st) = model.stream(name) {
        return Some(Ok(json!({
            "Records": [{
                "kinesis": {
                    "kinesisSchemaVersion": "1.0",
                    "partitionKey": "partition-1",
                    "sequenceNumber": "49590338271490256608559692538361571095921575989136588898",
                    // "example record", base64-encoded as Kinesis delivers it.
                    "data": "ZXhhbXBsZSByZWNvcmQ=",
                    "approximateArrivalTimestamp": 1767225600.0,
                },
                "eventSource": "aws:kinesis",
                "eventVersion": "1.0",
                "eventID": "shardId-000000000000:49590338271490256608559692538361571095921575989136588898",
                "eventName": "aws:kinesis:record",
                "invokeIdentityArn": format!("arn:aws:iam::{ACCOUNT}:role/example"),
                "awsRegion": REGION,
                "eventSourceARN": format!("arn:aws:kinesis:{REGION}:{ACCOUNT}:stream/{}", st.name),
            }],
        })));
    }
    if model
        .names
        .get(name)
        .is_some_and(|(k, _)| *k == crate::ast::DeclKind::Bucket)
    {
        // A key the bucket's first trigger would fire for, and the kind of
        // event it fires on.
        let (prefix, suffix, removed) = model
            .functions
            .iter()
            .flat_map(|f| &f.triggers)
            .find_map(|t| match t {
                crate::model::Trigger::Bucket {
                    bucket,
                    prefix,
                    suffix,
                    events,
                    ..
                } if bucket.name == name => Some((
                    prefix.clone(),
                    suffix.clone(),
                    !events.iter().any(|e| e.is_creation()),
                )),
                _ => None,
            })
            .unwrap_or_default();
        let key = format!(
            "{}example{}",
            prefix.unwrap_or_default(),
            suffix.unwrap_or_else(|| ".txt".into())
        );
        let bucket = format!("{}-example", name.to_ascii_lowercase());
        return Some(Ok(json!({
            "Records": [{
                "eventVersion": "2.1",
                "eventSource": "aws:s3",
                "awsRegion": REGION,
                "eventTime": "2026-01-01T00:00:00.000Z",
                "eventName": if removed { "ObjectRemoved:Delete" } else { "ObjectCreated:Put" },
                "userIdentity": { "principalId": "EXAMPLE" },
                "requestParameters": { "sourceIPAddress": "127.0.0.1" },
                "responseElements": { "x-amz-request-id": "EXAMPLE123456789", "x-amz-id-2": "EXAMPLE123/abcdefghijklmno" },
                "s3": {
                    "s3SchemaVersion": "1.0",
                    "configurationId": "example",
                    "bucket": {
                        "name": bucket,
                        "ownerIdentity": { "principalId": "EXAMPLE" },
                        "arn": format!("arn:aws:s3:::{bucket}"),
                    },
                    "object": { "key": key, "size": 1024, "eTag": "0123456789abcdef0123456789abcdef", "sequencer": "0A1B2C3D4E5F678901" },
                },
            }],
        })));
    }
    if let Some(s) = model.schedules.iter().find(|s| s.name == name) {
        // Scheduler's default notification: the schedule has no `Input`.
        return Some(Ok(json!({
            "version": "0",
            "id": "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa",
            "detail-type": "Scheduled Event",
            "source": "aws.scheduler",
            "account": ACCOUNT,
            "time": "2026-01-01T00:00:00Z",
            "region": REGION,
            "resources": [format!("arn:aws:scheduler:{REGION}:{ACCOUNT}:schedule/default/{}", s.name)],
            "detail": "{}",
        })));
    }
    // `METHOD /path`, or `Api METHOD /path` where two APIs share a route.
    let words: Vec<&str> = name.split_whitespace().collect();
    let (api_name, method, path) = match words.as_slice() {
        [method, path] => (None, *method, *path),
        [api, method, path] => (Some(*api), *method, *path),
        _ => return None,
    };
    let found: Vec<(&crate::model::Api, &crate::model::Route)> = model
        .apis
        .iter()
        .filter(|a| api_name.is_none_or(|n| n == a.name))
        .flat_map(|a| a.routes.iter().map(move |r| (a, r)))
        .filter(|(_, r)| r.method.eq_ignore_ascii_case(method) && r.path.value == path)
        .collect();
    match found.as_slice() {
        [] => None,
        [(api, route)] => Some(Ok(api_request(model, api, route))),
        several => Some(Err(format!(
            "`{method} {path}` is a route of {}: name the API, e.g. `{} {method} {path}`",
            several
                .iter()
                .map(|(a, _)| format!("`{}`", a.name))
                .collect::<Vec<_>>()
                .join(" and "),
            several[0].0.name
        ))),
    }
}

/// The request a route's function receives: API Gateway's payload format
/// 2.0 for HTTP APIs, 1.0 (the proxy integration) for REST APIs.
fn api_request(model: &Model, api: &crate::model::Api, route: &crate::model::Route) -> Json {
    let params: Map<String, Json> = crate::model::path_params(&route.path.value)
        .into_iter()
        .map(|p| (p.to_string(), json!(format!("{p}-1"))))
        .collect();
    let query: Map<String, Json> = route
        .query
        .iter()
        .filter(|f| !f.optional)
        .map(|f| {
            let v = sample_value(model, &f.ty, &f.constraints, &f.name, 0);
            let text = v.as_str().map_or_else(|| v.to_string(), str::to_string);
            (f.name.clone(), json!(text))
        })
        .collect();
    let body = route
        .body
        .as_ref()
        .and_then(|b| subject(model, &b.name))
        .map(|s| json!(sample(model, s).to_string()))
        .unwrap_or(Json::Null);
    let concrete_path: String = route
        .path
        .value
        .split('/')
        .map(
            |seg| match seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(p) => format!("{}-1", p.trim_end_matches('+')),
                None => seg.to_string(),
            },
        )
        .collect::<Vec<_>>()
        .join("/");
    let or_null = |m: Map<String, Json>| {
        if m.is_empty() {
            Json::Null
        } else {
            Json::Object(m)
        }
    };
    if api.rest {
        json!({
            "resource": route.path.value,
            "path": concrete_path,
            "httpMethod": route.method,
            "headers": { "content-type": "application/json" },
            "multiValueHeaders": { "content-type": ["application/json"] },
            "queryStringParameters": or_null(query.clone()),
            "multiValueQueryStringParameters": or_null(query.into_iter().map(|(k, v)| (k, json!([v]))).collect()),
            "pathParameters": or_null(params),
            "stageVariables": null,
            "requestContext": {
                "accountId": "123456789012",
                "apiId": "abcdef1234",
                "resourcePath": route.path.value,
                "httpMethod": route.method,
                "path": format!("/{}{concrete_path}", api.stage.value),
                "stage": api.stage.value,
                "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
                "identity": { "sourceIp": "203.0.113.1", "userAgent": "example" },
            },
            "body": body,
            "isBase64Encoded": false,
        })
    } else {
        let query_text: String = query
            .iter()
            .map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or_default()))
            .collect::<Vec<_>>()
            .join("&");
        let mut event = json!({
            "version": "2.0",
            "routeKey": route.key(),
            "rawPath": concrete_path,
            "rawQueryString": query_text,
            "headers": { "content-type": "application/json" },
            "requestContext": {
                "accountId": "123456789012",
                "apiId": "abcdef1234",
                "domainName": "abcdef1234.execute-api.us-east-1.amazonaws.com",
                "http": { "method": route.method, "path": concrete_path, "protocol": "HTTP/1.1", "sourceIp": "203.0.113.1", "userAgent": "example" },
                "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
                "routeKey": route.key(),
                "stage": api.stage.value,
                "time": "01/Jan/2026:00:00:00 +0000",
                "timeEpoch": 1767225600000u64,
            },
            "isBase64Encoded": false,
        });
        if !query.is_empty() {
            event["queryStringParameters"] = Json::Object(query);
        }
        if !params.is_empty() {
            event["pathParameters"] = Json::Object(params);
        }
        if !body.is_null() {
            event["body"] = body;
        }
        event
    }
}

/// Named types may refer to themselves through optional fields or lists;
/// past this depth optional fields are left out and lists are empty.
const MAX_DEPTH: usize = 8;

fn sample_record(model: &Model, fields: &[FieldDef], depth: usize) -> Json {
    let mut m = Map::new();
    for f in fields {
        if depth >= MAX_DEPTH && f.optional {
            continue;
        }
        m.insert(
            f.name.clone(),
            sample_value(model, &f.ty, &f.constraints, &f.name, depth),
        );
    }
    Json::Object(m)
}

fn sample_value(model: &Model, t: &Ty, c: &Constraints, name: &str, depth: usize) -> Json {
    if let Some(e) = &c.example {
        return e.clone();
    }
    // Required self-reference is an error (E0110); this is a last guard.
    if depth > 4 * MAX_DEPTH {
        return Json::Null;
    }
    match t {
        Ty::String => {
            let mut s = format!("{name}-1");
            let min = c.min_length.unwrap_or(0) as usize;
            while s.chars().count() < min {
                s.push('x');
            }
            if let Some(max) = c.max_length {
                s = s.chars().take(max as usize).collect();
            }
            json!(s)
        }
        Ty::Int | Ty::Number => {
            let lo = c.min.unwrap_or(f64::MIN);
            let hi = c.max.unwrap_or(f64::MAX);
            let v = 1f64.clamp(lo, hi);
            let v = if *t == Ty::Int {
                v.ceil().min(hi.floor())
            } else {
                v
            };
            if *t == Ty::Int || v.fract() == 0.0 {
                json!(v as i64)
            } else {
                json!(v)
            }
        }
        Ty::Bool => json!(true),
        Ty::Timestamp => json!("2026-01-01T00:00:00Z"),
        Ty::Enum(values) => json!(values.first().cloned().unwrap_or_default()),
        Ty::List(inner) => {
            let count = if depth >= MAX_DEPTH {
                0
            } else {
                c.min_items.unwrap_or(1).max(1)
            };
            let count = c.max_items.map_or(count, |m| count.min(m));
            if count == 0 {
                return json!([]);
            }
            let item = sample_value(model, inner, &Constraints::default(), name, depth + 1);
            Json::Array(vec![item; count as usize])
        }
        Ty::Record(fields) => sample_record(model, fields, depth + 1),
        Ty::Named(n) => match model.type_def(n) {
            Some(td) => sample_record(model, &td.fields, depth + 1),
            None => json!({}),
        },
    }
}

/// The JSON Schema draft 4 of a type, as API Gateway request models take it:
/// named types inlined (models cannot `$ref` each other by name without the
/// API's id), no `examples`.
pub fn draft4(model: &Model, name: &str) -> Json {
    let mut s = match model.type_def(name) {
        Some(t) => draft4_record(model, &t.fields, &mut vec![name.to_string()]),
        None => json!({ "type": "object" }),
    };
    s["$schema"] = json!("http://json-schema.org/draft-04/schema#");
    s["title"] = json!(name);
    s
}

fn draft4_record(model: &Model, fields: &[FieldDef], seen: &mut Vec<String>) -> Json {
    let properties: Map<String, Json> = fields
        .iter()
        .map(|f| {
            let mut s = draft4_ty(model, &f.ty, seen);
            let mut c = f.constraints.clone();
            c.example = None;
            constrain(&mut s, &c);
            (f.name.clone(), s)
        })
        .collect();
    object(fields, properties)
}

fn draft4_ty(model: &Model, t: &Ty, seen: &mut Vec<String>) -> Json {
    match t {
        Ty::List(inner) => json!({ "type": "array", "items": draft4_ty(model, inner, seen) }),
        Ty::Record(fields) => draft4_record(model, fields, seen),
        // A type that contains itself is cut at the repetition.
        Ty::Named(n) if seen.contains(n) => json!({ "type": "object" }),
        Ty::Named(n) => match model.type_def(n) {
            Some(td) => {
                seen.push(n.clone());
                let s = draft4_record(model, &td.fields, seen);
                seen.pop();
                s
            }
            None => json!({ "type": "object" }),
        },
        other => ty(other),
    }
}

/// The schema of one field, constraints included (route parameters).
pub fn document_of_field(f: &FieldDef) -> Json {
    field(f)
}
