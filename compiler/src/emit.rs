//! The CloudFormation model: a checked [`Model`] and what `check` proved
//! about it ([`Proved`]) become a template, with the provenance of each
//! part recorded as it is added ([`Template`]).
//!
//! Two targets share everything but functions and APIs:
//! - [`Target::Sam`]: `AWS::Serverless::Function` with `Events` for pull
//!   sources and routes, `AWS::Serverless::HttpApi` (module `sam`).
//! - [`Target::CloudFormation`]: everything expanded: `AWS::Lambda::*`,
//!   event source mappings, `AWS::ApiGatewayV2::*` (module `cfn`).
//!
//! Rules' patterns and subscriptions' filter policies are the typed
//! documents `check` proved; [`pattern_json`] writes one as JSON, each
//! resource attribute as the intrinsic for it.
//!
//! REST APIs are `rest` in both. The rest is shared, by subject:
//! `functions` (log groups, environments, mappings, destinations, push
//! edges), `apis` (access logs, route permissions), `messaging` (queues,
//! topics, buses, streams), `storage` (tables, buckets), `identity` (user pools), `events` (rules,
//! schedules), `roles` (the roles holding `iam`'s statements), `plan` (the
//! resource policies every push edge needs, gathered before emitting) and
//! `shared` (tags, deletion policies, the app's key). Names and references
//! come from `crate::naming`. Resources appear in the order of the
//! declarations that cause them; maps are insertion-ordered, so the output
//! is byte-identical across runs.

mod account;
mod apis;
mod cfn;
mod conditions;
mod count;
mod data_routes;
mod deploy;
mod direct;
mod domains;
mod events;
mod functions;
mod identity;
mod layers;
mod machines;
mod mapping;
mod messaging;
mod observe;
mod pipes;
mod plan;
mod raw;
mod rest;
mod roles;
mod sam;
mod shared;
mod storage;
mod yaml11;

pub use count::{count, Counts};

use crate::check::patterns::Doc;
use crate::check::Proved;
use crate::model::Model;
use crate::provenance::Provenance;
use crate::source::Span;
use indexmap::IndexMap;
use serde_json::{json, Map, Value as Json};

/// Which kind of template to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// AWS SAM (`Transform: AWS::Serverless-2016-10-31`).
    Sam,
    /// Plain CloudFormation, no transform.
    CloudFormation,
}

/// A template under construction.
#[derive(Debug, Default)]
pub struct Template {
    /// The declaration being emitted: every resource added is recorded as
    /// its own in `provenance`.
    owner: Span,
    /// The condition the declaration being emitted is under (`when`).
    owner_cond: Option<String>,
    /// The condition of each resource and output made under one, by
    /// `Resources/ID` or `Outputs/ID`.
    conds: std::collections::HashMap<String, String>,
    /// Where each resource and each property the spec sets comes from,
    /// recorded as they are added.
    pub provenance: Provenance,
    /// Parameters by logical ID.
    pub parameters: IndexMap<String, Json>,
    /// Resources by logical ID, in emission order.
    pub resources: IndexMap<String, Json>,
    /// Outputs by logical ID.
    pub outputs: IndexMap<String, Json>,
    /// Logical IDs that two resources wanted, with the declaration that
    /// wanted it second.
    pub clashes: Vec<(String, Span)>,
}

impl Template {
    /// Adds a resource. `resolve` rejects names whose IDs collide (E0109);
    /// a clash that gets past it is recorded, never silently dropped.
    pub fn add(&mut self, id: String, resource: Json) {
        if self.resources.contains_key(&id) {
            self.clashes.push((id, self.owner));
        } else {
            if self.owner != Span::default() {
                self.provenance.put(format!("Resources/{id}"), self.owner);
            }
            if let Some(c) = &self.owner_cond {
                self.conds.insert(format!("Resources/{id}"), c.clone());
            }
            self.resources.insert(id, resource);
        }
    }

    /// Adds an output, owned by the declaration being emitted.
    pub fn output(&mut self, id: String, output: Json) {
        if self.owner != Span::default() {
            self.provenance.put(format!("Outputs/{id}"), self.owner);
        }
        if let Some(c) = &self.owner_cond {
            self.conds.insert(format!("Outputs/{id}"), c.clone());
        }
        self.outputs.insert(id, output);
    }

    /// Adds parameter `id`, owned by the current owner.
    pub fn parameter(&mut self, id: String, parameter: Json) {
        if self.owner != Span::default() {
            self.provenance.put(format!("Parameters/{id}"), self.owner);
        }
        self.parameters.insert(id, parameter);
    }

    /// Records that property `path` (below `Properties`) of resource `id`
    /// was set by the text at `span`.
    pub fn prop(&mut self, id: &str, path: &str, span: Span) {
        self.provenance
            .put(format!("Resources/{id}/Properties/{path}"), span);
    }

    /// Records where what becomes of resource `id` on deletion is set (the
    /// declaration's `on_delete`, or the app's default); nothing when
    /// neither is written.
    pub fn deletion(&mut self, id: &str, span: Span) {
        if span != Span::default() {
            for attr in ["DeletionPolicy", "UpdateReplacePolicy"] {
                self.provenance.put(format!("Resources/{id}/{attr}"), span);
            }
        }
    }

    /// Records where declaration `decl`'s deletion policies come from: its
    /// `on_delete` at `span`, and its `on_replace` when written.
    pub fn deletion_of(&mut self, model: &crate::model::Model, decl: &str, id: &str, span: Span) {
        self.deletion(id, span);
        if let Some(r) = model.on_replace.get(decl) {
            self.provenance
                .put(format!("Resources/{id}/UpdateReplacePolicy"), r.span);
        }
    }
}

/// An event pattern or filter policy `check` proved, as the JSON that goes
/// in the template: each resource attribute becomes the CloudFormation
/// intrinsic for it (`{"Ref": ..}`, `{"Fn::GetAtt": ..}`, `{"Fn::Sub": ..}`),
/// from `naming` as everywhere else. `slsc match` evaluates this rendering,
/// with the deployed values of the attributes put in.
pub fn pattern_json(model: &Model, doc: &Doc) -> Json {
    match doc {
        Doc::Object(fields) => Json::Object(
            fields
                .iter()
                .map(|(k, v)| (k.clone(), pattern_json(model, v)))
                .collect(),
        ),
        Doc::List(items) => Json::Array(items.iter().map(|v| pattern_json(model, v)).collect()),
        Doc::Str(s) => Json::String(s.clone()),
        Doc::Number(n) => Json::Number(n.clone()),
        Doc::Bool(b) => Json::Bool(*b),
        Doc::Null => Json::Null,
        Doc::Attr(r, attr) => crate::naming::refs::value(model, r.kind, &r.name, *attr),
    }
}

/// A template and where each of its parts comes from.
#[derive(Debug, Clone)]
pub struct Emitted {
    /// The template.
    pub template: Json,
    /// Where each resource, output and set property comes from.
    pub provenance: Provenance,
}

/// Builds the template of a checked model, recording where each part comes
/// from; Err lists the logical IDs that more than one resource wanted, each
/// with the declaration that wanted it second.
pub fn emit(
    model: &Model,
    proved: &Proved,
    target: Target,
) -> Result<Emitted, Vec<(String, Span)>> {
    let mut t = Template::default();
    let plan = plan::Plan::new(model, proved);
    if model.customer_key && needs_key(model) {
        shared::key(model, &plan.watches, &mut t);
    }
    shared::parameters(model, &mut t);
    let watches = &plan.watches;
    let owned = crate::observe::by_owner(watches);
    for (kind, index) in &model.order {
        use crate::ast::DeclKind as K;
        t.owner = model.span_of(*kind, *index).unwrap_or_default();
        t.owner_cond = model
            .name_of(*kind, *index)
            .and_then(|n| model.when_of(n))
            .map(str::to_string);
        match kind {
            K::Function => {
                let f = &model.functions[*index];
                match target {
                    Target::Sam => sam::function(model, &plan, f, &mut t),
                    Target::CloudFormation => cfn::function(model, &plan, f, &mut t),
                }
                functions::function_push_edges(model, &plan, f, &mut t);
                deploy::deployment(model, f, target, &mut t);
                deploy::scaling(f, &mut t);
            }
            K::Api => {
                roles::add_api_role(model, &model.apis[*index], &mut t);
                match (target, model.apis[*index].rest) {
                    (Target::Sam, false) => sam::api(model, *index, &mut t),
                    (Target::Sam, true) => rest::sam_api(model, &model.apis[*index], &mut t),
                    (Target::CloudFormation, false) => cfn::api(model, &plan, *index, &mut t),
                    (Target::CloudFormation, true) => rest::cfn_api(model, &plan, *index, &mut t),
                }
            }
            K::Rule => events::rule(model, &model.rules[*index], proved.pattern(*index), &mut t),
            K::Schedule => events::schedule(model, &model.schedules[*index], &mut t),
            K::Queue if model.queues[*index].arn.is_some() => {}
            K::Queue => messaging::queue(model, &plan, &model.queues[*index], &mut t),
            K::Topic => {
                let policy = |s: usize| proved.policies.get(&(*index, s));
                messaging::topic(model, &plan, &model.topics[*index], &policy, &mut t)
            }
            // A bus given by `arn` exists outside the stack.
            K::Bus if model.buses[*index].arn.is_some() => {}
            K::Bus => messaging::bus(model, &model.buses[*index], &mut t),
            K::Table => storage::table(model, &model.tables[*index], &mut t),
            K::Bucket => storage::bucket(model, &plan, &model.buckets[*index], &mut t),
            K::Stream => messaging::data_stream(model, &model.streams[*index], &mut t),
            K::StateMachine => {
                machines::state_machine(model, &model.state_machines[*index], target, &mut t)
            }
            K::UserPool => identity::pool(model, &model.user_pools[*index], &mut t),
            K::Resource => raw::resource(model, &model.resources[*index], &mut t),
            K::Pipe => pipes::pipe(model, proved, *index, &mut t),
            K::ScheduleGroup => {
                pipes::schedule_group(model, &model.schedule_groups[*index], &mut t)
            }
            K::Layer => layers::layer(model, &model.layers[*index], target, &mut t),
            // With the other alarms, below.
            K::Alarm => {}
            // Kept outside the stack: only referenced by ARN.
            K::App
            | K::Stage
            | K::Type
            | K::Event
            | K::Secret
            | K::Parameter
            | K::Param
            | K::Condition => {}
        }
        // Its alarms: declared, default and SLO alike.
        if let Some(list) = model.name_of(*kind, *index).and_then(|n| owned.get(n)) {
            for w in list {
                observe::alarm(model, w, &mut t);
            }
        }
        // `overrides { ... }`: each key replaces what was written for it.
        if let Some(set) = model
            .name_of(*kind, *index)
            .and_then(|n| model.overrides.get(n))
        {
            let id = crate::naming::ids::logical(model.name_of(*kind, *index).unwrap_or(""));
            if let Some(Json::Object(props)) = t
                .resources
                .get_mut(&id)
                .and_then(|r| r.as_object_mut())
                .map(|r| r.entry("Properties").or_insert_with(|| json!({})))
            {
                for (key, v) in set {
                    props.insert(key.value.clone(), raw::value(model, v));
                }
            }
            for (key, _) in set {
                t.prop(&id, &key.value, key.span);
            }
        }
    }
    // One CodeDeploy application for every function that shifts traffic
    // (SAM writes its own), whatever their conditions.
    let cond = t.owner_cond.take();
    if target == Target::CloudFormation {
        t.owner = model
            .functions
            .iter()
            .find(|f| f.deploy.is_some())
            .map(|f| f.span)
            .unwrap_or_default();
        deploy::cfn_application(model, &mut t);
    }
    t.owner_cond = cond;
    t.owner = model.account_logging_role.unwrap_or_default();
    account::add(model, &mut t);
    t.owner_cond = None;
    t.owner = model
        .order
        .iter()
        .find_map(|&(k, i)| model.span_of(k, i))
        .unwrap_or_default();
    let before = t.resources.len();
    observe::dashboards(model, watches, &mut t);
    // `check` counts the dashboards without writing them: the two agree.
    debug_assert_eq!(
        t.resources.len() - before,
        observe::dashboard_count(model, watches)
    );
    shared::outputs(model, &mut t);
    // Acknowledged policy checks, as checkov reads them, on every resource.
    if !model.acknowledgements.is_empty() {
        let skip: Vec<Json> = model
            .acknowledgements
            .iter()
            .map(|(id, why)| json!({ "id": id.value, "comment": why }))
            .collect();
        for r in t.resources.values_mut() {
            r["Metadata"] = json!({ "checkov": { "skip": skip } });
        }
    }
    t.owner = Span::default();
    let clashes = std::mem::take(&mut t.clashes);
    let mut doc = Map::new();
    doc.insert("AWSTemplateFormatVersion".into(), json!("2010-09-09"));
    if target == Target::Sam {
        doc.insert("Transform".into(), json!("AWS::Serverless-2016-10-31"));
    }
    let name = model.app_name.as_deref().unwrap_or("app");
    let description = match &model.stage {
        Some(stage) => format!("{name}, stage {stage} (generated by slsc from a .sls spec)"),
        None => format!("{name} (generated by slsc from a .sls spec)"),
    };
    doc.insert("Description".into(), json!(description));
    if target == Target::CloudFormation && model.has_local_code() {
        t.parameters.insert(
            cfn::CODE_BUCKET.into(),
            json!({
                "Type": "String",
                "Description": "S3 bucket holding the function packages: each code folder zipped to <prefix><folder>.zip",
            }),
        );
        t.parameters.insert(
            cfn::CODE_PREFIX.into(),
            json!({
                "Type": "String",
                "Default": "",
                "Description": "Prefix of every package key, e.g. `release-42/`: a new prefix per release updates the code",
            }),
        );
    }
    if !t.parameters.is_empty() {
        doc.insert(
            "Parameters".into(),
            Json::Object(t.parameters.into_iter().collect()),
        );
    }
    let mut resources = Json::Object(t.resources.into_iter().collect());
    shared::imports(model, &mut resources);
    doc.insert("Resources".into(), resources);
    if !t.outputs.is_empty() {
        let mut outputs = Json::Object(t.outputs.into_iter().collect());
        shared::imports(model, &mut outputs);
        doc.insert("Outputs".into(), outputs);
    }
    // Buckets are named and their ARNs built from their names, not by
    // reference: what refers to a conditional one is found by value.
    let aliases: Vec<(Json, String)> = model
        .buckets
        .iter()
        .filter(|b| model.when_of(&b.name).is_some())
        .flat_map(|b| {
            let id = crate::naming::ids::logical(&b.name);
            [
                (
                    crate::naming::refs::bucket_name_of(model, &b.name),
                    id.clone(),
                ),
                (crate::naming::refs::bucket_arn(model, &b.name), id),
            ]
        })
        .collect();
    // A function's alias (SAM's, which is not in `Resources` here) exists
    // where the function does.
    let mut aliases = aliases;
    for f in &model.functions {
        if let Some(a) = f.alias_name() {
            aliases.push((
                crate::naming::refs::r#ref(&crate::naming::ids::alias(&f.name, a)),
                crate::naming::ids::logical(&f.name),
            ));
        }
    }
    conditions::apply(model, &t.conds, &aliases, &mut doc);
    if !clashes.is_empty() {
        return Err(clashes);
    }
    Ok(Emitted {
        template: Json::Object(doc),
        provenance: t.provenance,
    })
}

/// Whether anything the app's key would encrypt is declared.
fn needs_key(model: &Model) -> bool {
    !model.functions.is_empty()
        || !model.queues.is_empty()
        || !model.topics.is_empty()
        || !model.tables.is_empty()
        || !model.apis.is_empty()
        || !model.state_machines.is_empty()
        || !model.pipes.is_empty()
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// YAML (long-form intrinsics such as `Fn::GetAtt`).
    Yaml,
    /// JSON, two-space indented.
    Json,
}

/// Writes a template as text, ending with a newline.
pub fn write(template: &Json, format: Format) -> String {
    match format {
        // Serializing a serde_json value cannot fail.
        Format::Yaml => {
            yaml11::quote_ambiguous(&serde_yaml::to_string(template).unwrap_or_default())
        }
        Format::Json => serde_json::to_string_pretty(template).unwrap_or_default() + "\n",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_size_counted_is_the_written_size_with_attributes_at_their_longest() {
        // The count E0408 makes, against the one it made on the rendered
        // JSON: every intrinsic object a string of 320 characters.
        fn resolved(v: &serde_json::Value) -> serde_json::Value {
            use serde_json::Value as Json;
            match v {
                Json::Object(m) if m.keys().any(|k| k == "Ref" || k.starts_with("Fn::")) => {
                    Json::String("x".repeat(crate::check::patterns::MAX_RESOLVED_CHARS))
                }
                Json::Object(m) => {
                    Json::Object(m.iter().map(|(k, x)| (k.clone(), resolved(x))).collect())
                }
                Json::Array(a) => Json::Array(a.iter().map(resolved).collect()),
                other => other.clone(),
            }
        }
        let specs = [
            "event E from \"s\" { a: string, n: number, b: bool }\nqueue Q\nrule R on default { match E send to Q }\n",
            "event E from \"s\" { a: string, n: number, b: bool }\nqueue Q\nrule R on default { match E where a in [\"q\\\"uote\", \"\u{e9}t\u{e9}\", Q.url] or n > -1.25 or n <= 1000.5 or n = 0.1 or b = false send to Q }\n",
            "event E from \"s\" detail_type \"Caf\u{e9}\" { \"a-b\": { c: string, d: string } }\nqueue Q\nrule R on default { match E where \"a-b\".c != Q.arn and \"a-b\".d prefix \"x\" or \"a-b\".c exists send to Q }\n",
        ];
        for spec in specs {
            let opts = crate::CheckOptions::new(crate::Date::parse("2026-11-23").unwrap());
            let c = crate::compile_source("t.sls", None, spec.to_string(), opts);
            let Some(doc) = c.proved.pattern(0) else {
                panic!("{spec}: {:?}", c.diagnostics)
            };
            let rendered = super::pattern_json(&c.model, doc);
            assert_eq!(
                crate::check::patterns::resolved_len(doc),
                resolved(&rendered).to_string().len(),
                "{rendered}"
            );
        }
    }

    use crate::{compile_source, CheckOptions, Date, Target};
    use serde_json::{json, Value as Json};

    /// The `EventPattern` of rule `R` in the CloudFormation template of
    /// `spec`, which must have no errors.
    fn event_pattern(spec: &str) -> Json {
        let opts = CheckOptions::new(Date::parse("2026-11-23").unwrap());
        let c = compile_source("t.sls", None, spec.to_string(), opts);
        assert!(!c.has_errors(), "{:?}", c.diagnostics);
        let t = super::emit(&c.model, &c.proved, Target::CloudFormation).unwrap();
        t.template["Resources"]["R"]["Properties"]["EventPattern"].clone()
    }

    #[test]
    fn a_rule_compared_with_a_bucket_name_holds_its_intrinsic() {
        let pattern = event_pattern(
            "use aws.s3\nbucket Uploads { eventbridge = true }\nqueue Q\n\
             rule R on default { match aws.s3.ObjectCreated where bucket.name = Uploads.name send to Q }\n",
        );
        let stack_uuid =
            json!({ "Fn::Select": [2, { "Fn::Split": ["/", { "Ref": "AWS::StackId" }] }] });
        assert_eq!(
            pattern,
            json!({
                "source": ["aws.s3"],
                "detail-type": ["Object Created"],
                "detail": { "bucket": { "name": [{ "Fn::Join": ["-", ["uploads", stack_uuid]] }] } },
            })
        );
    }

    #[test]
    fn attributes_in_lists_and_tests_hold_their_intrinsics_and_fixed_ones_their_value() {
        let pattern = event_pattern(
            "event E from \"src\" { a: string, b: string, c: string }\nqueue Q\n\
             secret Db { name = \"prod/db\" }\ntopic T\n\
             rule R on default { match E where a in [\"x\", Q.url] and b != T.arn and c = Db.name send to Q }\n",
        );
        assert_eq!(
            pattern["detail"],
            json!({
                "a": ["x", { "Ref": "Q" }],
                "b": [{ "anything-but": { "Ref": "T" } }],
                "c": ["prod/db"],
            })
        );
    }
}
