//! Lambda layers: `AWS::Serverless::LayerVersion` (SAM) or
//! `AWS::Lambda::LayerVersion` (CloudFormation), and the `Layers` of the
//! functions that run with them.

use super::sam::arch;
use super::{cfn, sam, shared, Target, Template};
use crate::model::*;
use crate::naming::ids::logical;
use crate::naming::refs::r#ref;
use serde_json::{json, Value as Json};

/// A layer built by the stack; nothing for one given by `arn`, which the
/// functions name as written.
pub fn layer(model: &Model, l: &Layer, target: Target, t: &mut Template) {
    let LayerSource::Code(code) = &l.source else {
        return;
    };
    let id = logical(&l.name);
    let mut props = match target {
        Target::Sam => json!({ "ContentUri": sam::code_uri(code) }),
        Target::CloudFormation => json!({ "Content": cfn::code(code) }),
    };
    if !l.runtimes.is_empty() {
        let runtimes: Vec<&str> = l.runtimes.iter().map(|r| r.value.as_str()).collect();
        props["CompatibleRuntimes"] = json!(runtimes);
        t.prop(&id, "CompatibleRuntimes", l.runtimes[0].span);
    }
    if !l.architectures.is_empty() {
        let archs: Vec<&str> = l.architectures.iter().map(|a| arch(a.value)).collect();
        props["CompatibleArchitectures"] = json!(archs);
        t.prop(&id, "CompatibleArchitectures", l.architectures[0].span);
    }
    if let Some(license) = &l.license {
        props["LicenseInfo"] = json!(license.value);
        t.prop(&id, "LicenseInfo", license.span);
    }
    shared::physical_name(model, &l.name, &id, "LayerName", &mut props, t);
    shared::description(model, &l.name, &id, &mut props, t);
    // A version the stack no longer needs may still run functions of
    // other stacks: kept unless the spec says otherwise, as SAM does by
    // default.
    let resource = match target {
        Target::Sam => {
            props["RetentionPolicy"] = json!(if l.on_delete.value.retains() {
                "Retain"
            } else {
                "Delete"
            });
            json!({ "Type": "AWS::Serverless::LayerVersion", "Properties": props })
        }
        Target::CloudFormation => {
            shared::stateful("AWS::Lambda::LayerVersion", &l.on_delete.value, props)
        }
    };
    t.add(id, resource);
}

/// A function's `Layers`, in the order written: a layer built by the stack
/// by `Ref` (its version's ARN), one given by `arn` as written.
pub fn function_layers(model: &Model, f: &Function) -> Option<Json> {
    if f.layers.is_empty() {
        return None;
    }
    let layers: Vec<Json> = f
        .layers
        .iter()
        .filter_map(|r| model.layer(&r.name))
        .map(|l| match &l.source {
            LayerSource::Code(_) => r#ref(&logical(&l.name)),
            LayerSource::Arn(arn) => shared::text(&arn.value),
        })
        .collect();
    Some(json!(layers))
}
