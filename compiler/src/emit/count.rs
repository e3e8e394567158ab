//! The logical IDs a template would hold, without building it: what each
//! declaration emits, in the order `emit` adds it, with the declaration
//! that adds it. `check` counts these against CloudFormation's limits
//! (E0313) instead of emitting a template it would throw away; building
//! JSON was most of its time. `tests/provenance.rs` keeps this list equal
//! to the real templates' on every example and fixture, in both targets.

use super::plan::Plan;
use super::rest::{request_parameters, resource_id};
use super::{cfn, needs_key, Target};
use crate::ast::DeclKind;
use crate::model::*;
use crate::naming::ids::{self, logical};
use crate::naming::KEY;
use crate::source::Span;
use indexmap::IndexMap;

/// What a template would hold, by logical ID, each with the declaration
/// that adds it (none for the app's key).
#[derive(Debug, Clone, Default)]
pub struct Counts {
    /// Resources, in template order. A REST API's deployment ID ends in a
    /// hash of the API's definition, counted here as `00000000`: the same
    /// length, which is all the limits look at.
    pub resources: IndexMap<String, Span>,
    /// Outputs, in template order.
    pub outputs: IndexMap<String, Span>,
    /// Parameters, in template order.
    pub parameters: Vec<String>,
}

impl Counts {
    fn add(&mut self, id: String, owner: Span) {
        // A second resource wanting an ID is a clash `build` reports
        // (E0109); the template keeps the first.
        self.resources.entry(id).or_insert(owner);
    }
}

/// The logical IDs of the template of `model` for `target`.
pub fn count(model: &Model, target: Target) -> Counts {
    let mut c = Counts::default();
    let plan = Plan::of_model(model);
    if model.customer_key && needs_key(model) {
        c.add(KEY.to_string(), Span::default());
    }
    let watches = &plan.watches;
    let owned = crate::observe::by_owner(watches);
    for (kind, index) in &model.order {
        let owner = model.span_of(*kind, *index).unwrap_or_default();
        use DeclKind as K;
        match kind {
            K::Function => {
                let f = &model.functions[*index];
                function(model, f, target, owner, &mut c);
                push_edges(f, owner, &mut c);
                deployment(f, target, owner, &mut c);
            }
            K::Api => {
                let api = &model.apis[*index];
                if api.has_role() {
                    c.add(ids::role(&api.name), owner);
                }
                match (target, api.rest) {
                    (Target::Sam, _) => {
                        access_logs(api, owner, &mut c);
                        c.add(logical(&api.name), owner);
                        usage_plans(api, owner, &mut c);
                    }
                    (Target::CloudFormation, false) => http_api(api, &plan, *index, owner, &mut c),
                    (Target::CloudFormation, true) => rest_api(api, &plan, *index, owner, &mut c),
                }
                c.outputs.insert(ids::url_output(&api.name), owner);
                for rid in super::domains::resource_ids(api, target == Target::Sam) {
                    c.add(rid, owner);
                }
                if api.domain.is_some() {
                    c.outputs.insert(ids::domain_url_output(&api.name), owner);
                }
            }
            K::Rule => {
                let r = &model.rules[*index];
                let id = logical(&r.name);
                c.add(id.clone(), owner);
                if r.targets
                    .iter()
                    .any(|t| matches!(t.kind, DeclKind::Bus | DeclKind::StateMachine))
                {
                    c.add(ids::role(&r.name), owner);
                }
                for target in r.targets.iter().filter(|t| t.kind == DeclKind::Function) {
                    c.add(format!("{id}{}Permission", logical(&target.name)), owner);
                }
            }
            K::Schedule => {
                let s = &model.schedules[*index];
                c.add(ids::role(&s.name), owner);
                c.add(logical(&s.name), owner);
            }
            // A queue given by `arn` is not created here.
            K::Queue if model.queues[*index].arn.is_some() => {}
            K::Queue => {
                let q = &model.queues[*index];
                c.add(logical(&q.name), owner);
                if plan.queue_statements.contains_key(&q.name) {
                    c.add(format!("{}Policy", logical(&q.name)), owner);
                }
            }
            K::Topic => {
                let tp = &model.topics[*index];
                let id = logical(&tp.name);
                if tp.arn.is_none() {
                    c.add(id.clone(), owner);
                    if plan.topic_statements.contains_key(&tp.name) {
                        c.add(format!("{id}Policy"), owner);
                    }
                }
                for s in &tp.subscriptions {
                    c.add(format!("{id}{}Subscription", logical(&s.queue.name)), owner);
                }
                for e in &tp.endpoints {
                    c.add(
                        ids::endpoint_subscription(&tp.name, e.protocol.word(), &e.address.value),
                        owner,
                    );
                }
            }
            K::Bus if model.buses[*index].arn.is_some() => {}
            K::Bus => c.add(logical(&model.buses[*index].name), owner),
            K::Table => c.add(logical(&model.tables[*index].name), owner),
            K::Stream => c.add(logical(&model.streams[*index].name), owner),
            K::StateMachine => {
                let m = &model.state_machines[*index];
                c.add(ids::log_group(&m.name), owner);
                c.add(ids::role(&m.name), owner);
                c.add(logical(&m.name), owner);
            }
            K::UserPool => {
                let p = &model.user_pools[*index];
                for id in super::identity::pool_ids(p) {
                    c.add(id, owner);
                }
            }
            K::Bucket => {
                let id = logical(&model.buckets[*index].name);
                c.add(id.clone(), owner);
                c.add(format!("{id}Policy"), owner);
            }
            K::Resource => c.add(logical(&model.resources[*index].name), owner),
            K::Pipe => {
                let p = &model.pipes[*index];
                c.add(ids::role(&p.name), owner);
                c.add(logical(&p.name), owner);
            }
            K::ScheduleGroup => {
                let g = &model.schedule_groups[*index];
                c.add(ids::role(&g.name), owner);
                c.add(logical(&g.name), owner);
            }
            // A layer given by `arn` is outside the stack.
            K::Layer => {
                let l = &model.layers[*index];
                if l.code().is_some() {
                    c.add(logical(&l.name), owner);
                }
            }
            K::App
            | K::Stage
            | K::Type
            | K::Event
            | K::Secret
            | K::Parameter
            | K::Param
            | K::Condition => {}
            // With the other alarms, below.
            K::Alarm => {}
        }
        if let Some(list) = model.name_of(*kind, *index).and_then(|n| owned.get(n)) {
            for w in list {
                c.add(w.id.clone(), owner);
            }
        }
    }
    // After every declaration, as `emit` adds them.
    if target == Target::CloudFormation {
        if let Some(f) = model
            .functions
            .iter()
            .find(|f| f.deploy.is_some() && f.alias_name().is_some())
        {
            let owner = model
                .functions
                .iter()
                .find(|f| f.deploy.is_some())
                .map_or(f.span, |f| f.span);
            c.add(ids::DEPLOY_APPLICATION.to_string(), owner);
        }
    }
    if let Some(at) = model.account_logging_role {
        c.add(super::account::ROLE.to_string(), at);
        c.add(super::account::ACCOUNT.to_string(), at);
    }
    let at = model
        .order
        .iter()
        .find_map(|&(k, i)| model.span_of(k, i))
        .unwrap_or_default();
    for i in 0..super::observe::dashboard_count(model, watches) {
        let id = match i {
            0 => super::observe::DASHBOARD.to_string(),
            n => format!("{}{}", super::observe::DASHBOARD, n + 1),
        };
        c.add(id, at);
    }
    // As `shared::outputs` writes them.
    for (_, name, span) in model.externals() {
        c.outputs.insert(ids::arn_output(name), span);
    }
    for o in &model.outputs {
        c.outputs.insert(o.name.value.clone(), o.name.span);
    }
    c.parameters = model
        .params
        .iter()
        .filter(|p| p.import.is_none())
        .map(|p| logical(&p.name))
        .collect();
    if target == Target::CloudFormation && model.has_local_code() {
        c.parameters
            .extend([cfn::CODE_BUCKET.to_string(), cfn::CODE_PREFIX.to_string()]);
    }
    c
}

/// A function, its role and log group, and in the CloudFormation target its
/// published version and alias (SnapStart), asynchronous configuration and
/// event source mappings (SAM writes those inside the function).
fn function(model: &Model, f: &Function, target: Target, owner: Span, c: &mut Counts) {
    let id = logical(&f.name);
    c.add(ids::role(&f.name), owner);
    c.add(ids::log_group(&f.name), owner);
    c.add(id.clone(), owner);
    let config = f.has_invoke_config();
    if target == Target::Sam {
        if config && model.destination_may_be_cut(f) {
            c.add(format!("{id}EventInvokeConfig"), owner);
        }
        return;
    }
    if let Some(alias) = f.alias_name() {
        // The version's ID ends in a hash, counted as `00000000`.
        c.add(ids::version(&f.name, 0), owner);
        c.add(ids::alias(&f.name, alias), owner);
    }
    if config {
        c.add(format!("{id}EventInvokeConfig"), owner);
    }
    for tr in &f.triggers {
        if let Some(mapping) = super::functions::mapping_id(&id, tr) {
            c.add(mapping, owner);
        }
    }
}

/// What a function's deployment and provisioned concurrency add, as
/// `emit::deploy` adds them: CodeDeploy's role, a deployment configuration
/// that is not predefined, the deployment group (CloudFormation; SAM writes
/// its own), and the scaling of provisioned concurrency.
fn deployment(f: &Function, target: Target, owner: Span, c: &mut Counts) {
    if f.alias_name().is_none() {
        return;
    }
    if let Some(d) = &f.deploy {
        c.add(ids::deploy_role(&f.name), owner);
        if d.shift.value.predefined().is_none() {
            c.add(ids::deploy_config(&f.name), owner);
        }
        if target == Target::CloudFormation {
            c.add(ids::deployment_group(&f.name), owner);
        }
    }
    if let Some(s) = f.provisioned.as_ref().and_then(|p| p.scaling.as_ref()) {
        c.add(ids::concurrency_target(&f.name), owner);
        if s.utilization.is_some() {
            c.add(ids::concurrency_policy(&f.name), owner);
        }
    }
}

/// A function's topic subscriptions and the permissions of its topics and
/// buckets.
fn push_edges(f: &Function, owner: Span, c: &mut Counts) {
    let fid = logical(&f.name);
    let mut buckets_done: Vec<&str> = Vec::new();
    for tr in &f.triggers {
        if let Trigger::Stream {
            source,
            consumer: Some(_),
            ..
        } = tr
        {
            c.add(ids::consumer(&f.name, &source.name), owner);
        }
    }
    for tr in &f.triggers {
        match tr {
            Trigger::Topic { topic, .. } => {
                let tid = logical(&topic.name);
                c.add(format!("{fid}{tid}Subscription"), owner);
                c.add(format!("{fid}{tid}Permission"), owner);
            }
            Trigger::Bucket { bucket, .. } if !buckets_done.contains(&bucket.name.as_str()) => {
                buckets_done.push(&bucket.name);
                c.add(format!("{fid}{}Permission", logical(&bucket.name)), owner);
            }
            _ => {}
        }
    }
}

fn access_logs(api: &Api, owner: Span, c: &mut Counts) {
    if api.access_logs {
        c.add(format!("{}AccessLogs", logical(&api.name)), owner);
    }
}

/// An HTTP API expanded: the API, its stage, authorizer, and one
/// integration per function, one route and one permission per route.
fn http_api(api: &Api, plan: &Plan, index: usize, owner: Span, c: &mut Counts) {
    let id = logical(&api.name);
    c.add(id.clone(), owner);
    access_logs(api, owner, c);
    c.add(format!("{id}DefaultStage"), owner);
    for z in &api.authorizers {
        let zid = ids::authorizer(&api.name, z);
        c.add(zid.clone(), owner);
        if matches!(z.kind, AuthorizerKind::Lambda { .. }) {
            c.add(format!("{zid}Permission"), owner);
        }
    }
    for (route, route_id) in api.routes.iter().zip(&plan.route_ids[index]) {
        let Some(f) = route.function() else {
            // A direct route: its own integration, no Lambda permission.
            c.add(format!("{id}{route_id}Integration"), owner);
            c.add(format!("{id}{route_id}Route"), owner);
            continue;
        };
        c.add(format!("{id}{}Integration", logical(&f.name)), owner);
        c.add(format!("{id}{route_id}Route"), owner);
        c.add(format!("{id}{route_id}Permission"), owner);
    }
}

/// A REST API expanded: its resource tree, models, validators, methods,
/// preflights, permissions, deployment and stage, after its access logs.
fn rest_api(api: &Api, plan: &Plan, index: usize, owner: Span, c: &mut Counts) {
    let id = logical(&api.name);
    access_logs(api, owner, c);
    let mut out: IndexMap<String, ()> = IndexMap::new();
    out.insert(id.clone(), ());
    for z in &api.authorizers {
        let zid = ids::authorizer(&api.name, z);
        match z.kind {
            AuthorizerKind::Lambda { .. } => {
                out.insert(zid.clone(), ());
                out.insert(format!("{zid}Permission"), ());
            }
            AuthorizerKind::Cognito { .. } => {
                out.insert(zid, ());
            }
            AuthorizerKind::Jwt { .. } => {}
        }
    }
    let mut by_prefix: IndexMap<String, String> = IndexMap::new();
    let mut models: Vec<&str> = Vec::new();
    for r in &api.routes {
        if let Some(b) = &r.body {
            if !models.contains(&b.name.as_str()) {
                models.push(&b.name);
            }
        }
    }
    for n in &models {
        out.insert(format!("{id}{}Model", logical(n)), ());
    }
    if api.routes.iter().any(|r| r.body.is_some()) {
        out.insert(format!("{id}BodyValidator"), ());
    }
    if api
        .routes
        .iter()
        .any(|r| r.body.is_none() && !request_parameters(r).is_empty())
    {
        out.insert(format!("{id}ParamsValidator"), ());
    }
    let mut cors_done: Vec<&str> = Vec::new();
    for (route, route_id) in api.routes.iter().zip(&plan.route_ids[index]) {
        let mut prefix = String::new();
        for seg in route.path.value.split('/').filter(|s| !s.is_empty()) {
            prefix.push('/');
            prefix.push_str(seg);
            if !by_prefix.contains_key(&prefix) {
                let rid = resource_id(&id, &prefix, &by_prefix);
                out.insert(rid.clone(), ());
                by_prefix.insert(prefix.clone(), rid);
            }
        }
        out.insert(format!("{id}{route_id}Method"), ());
        if api.cors.is_some() && !cors_done.contains(&route.path.value.as_str()) {
            cors_done.push(&route.path.value);
            out.insert(
                format!("{id}{}Options", ids::route("", &route.path.value)),
                (),
            );
        }
        if route.function().is_some() {
            out.insert(format!("{id}{route_id}Permission"), ());
        }
    }
    out.insert(format!("{id}Deployment00000000"), ());
    out.insert(format!("{id}Stage"), ());
    for k in out.into_keys() {
        c.add(k, owner);
    }
    usage_plans(api, owner, c);
}

/// A REST API's usage plans, API keys and memberships, as
/// `apis::usage_plans` adds them.
fn usage_plans(api: &Api, owner: Span, c: &mut Counts) {
    for p in &api.usage_plans {
        c.add(ids::usage_plan(&api.name, &p.name.value), owner);
        for k in &p.keys {
            let kid = ids::api_key(&api.name, &k.value);
            c.add(kid.clone(), owner);
            c.add(format!("{kid}Plan"), owner);
        }
    }
}
