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

/// The event a function triggered by a typed queue receives: an SQS batch of
/// one record whose `body` is a sample message, serialized as SQS carries it.
/// None for a queue without `of T`.
pub fn queue_event(model: &Model, queue: &crate::model::Queue) -> Option<Json> {
    let message = queue.message.as_ref()?;
    let body = sample(model, subject(model, &message.name)?);
    let text = body.to_string();
    let arn = format!("arn:aws:sqs:us-east-1:123456789012:{}", queue.name);
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
