//! `resource` declarations, written as the spec writes them: the same in
//! both targets, each reference rendered as its intrinsic.

use super::Template;
use crate::model::{Model, RawResource, RawValue};
use crate::naming::ids::logical;
use crate::naming::refs;
use serde_json::{json, Map, Value as Json};

/// A value of a `resource`'s properties as template JSON.
pub fn value(model: &Model, v: &RawValue) -> Json {
    match v {
        RawValue::Str(s) => refs::text(s),
        RawValue::Int(i) => json!(i),
        RawValue::Number(n) => json!(n),
        RawValue::Bool(b) => json!(b),
        RawValue::List(items) => Json::Array(items.iter().map(|x| value(model, x)).collect()),
        RawValue::Map(entries) => Json::Object(
            entries
                .iter()
                .map(|(k, x)| (k.clone(), value(model, x)))
                .collect(),
        ),
        RawValue::Attr(r, a) => refs::value(model, r.kind, &r.name, *a),
        RawValue::Param(p) => refs::r#ref(&logical(p)),
    }
}

/// Emits a `resource` declaration.
pub fn resource(model: &Model, r: &RawResource, t: &mut Template) {
    let id = logical(&r.name);
    let mut props = Map::new();
    for (key, v) in &r.properties {
        props.insert(key.value.clone(), value(model, v));
        t.prop(&id, &key.value, key.span);
    }
    let mut res = Map::new();
    res.insert("Type".into(), json!(r.ty.value));
    if !r.depends_on.is_empty() {
        let deps: Vec<Json> = r
            .depends_on
            .iter()
            .map(|d| json!(logical(&d.name)))
            .collect();
        res.insert("DependsOn".into(), Json::Array(deps));
    }
    if let Some(d) = &r.on_delete {
        res.insert("DeletionPolicy".into(), json!(d.value.policy()));
        res.insert("UpdateReplacePolicy".into(), json!(d.value.policy()));
        t.deletion(&id, d.span);
    }
    if !props.is_empty() {
        res.insert("Properties".into(), Json::Object(props));
    }
    t.add(id, Json::Object(res));
}
