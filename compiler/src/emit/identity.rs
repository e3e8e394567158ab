//! Cognito user pools, with their clients, groups, hosted UI domain and
//! the permissions their Lambda triggers need.

use super::shared::{permission, stateful_decl, tag_map, text};
use super::Template;
use crate::model::*;
use crate::naming::ids::{self, logical};
use crate::naming::refs::{get_att, r#ref, Invoked};
use serde_json::{json, Map, Value as Json};

/// The logical IDs a user pool adds, in the order [`pool`] adds them: the
/// pool, its clients, groups and domain, then one permission per function
/// of its triggers.
pub fn pool_ids(p: &UserPool) -> Vec<String> {
    let mut out = vec![logical(&p.name)];
    out.extend(
        p.clients
            .iter()
            .map(|c| ids::pool_client(&p.name, &c.name.value)),
    );
    out.extend(p.groups.iter().map(|g| ids::pool_group(&p.name, &g.value)));
    for u in &p.users {
        out.push(ids::pool_user(&p.name, &u.name.value));
        out.extend(
            u.groups
                .iter()
                .map(|g| ids::pool_membership(&p.name, &u.name.value, &g.value)),
        );
    }
    if p.domain.is_some() {
        out.push(ids::pool_domain(&p.name));
    }
    for f in trigger_functions(p) {
        out.push(ids::pool_permission(f, &p.name));
    }
    out
}

/// A list of strings as the template holds it: each item (`Fn::Sub` where
/// it names parameters), or a `list` parameter's `Ref`.
fn string_list(list: &StringList) -> Json {
    match list {
        StringList::Items(items) => json!(items.iter().map(|u| text(&u.value)).collect::<Vec<_>>()),
        StringList::Param(p) => r#ref(&logical(&p.value)),
    }
}

/// The users a pool's stack creates, and their memberships of its groups.
/// Cognito emails each an invitation with a temporary password (slsc sets
/// up no SMS). Users and memberships live in the pool: they are kept or
/// deleted with it, so that a retained pool keeps its users.
fn users(p: &UserPool, t: &mut Template) {
    let id = logical(&p.name);
    let with_pool = |props: Json, kind: &str| {
        let mut r = json!({
            "Type": kind,
            "DeletionPolicy": p.on_delete.value.policy(),
            "UpdateReplacePolicy": p.on_delete.value.policy(),
            "Properties": props,
        });
        if let Some(map) = r.as_object_mut() {
            map.retain(|_, v| !v.is_null());
        }
        r
    };
    for u in &p.users {
        let uid = ids::pool_user(&p.name, &u.name.value);
        let mut attributes = Vec::new();
        if let Some(e) = &u.email {
            attributes.push(json!({ "Name": "email", "Value": text(&e.value) }));
        }
        if let Some(ph) = &u.phone {
            attributes.push(json!({ "Name": "phone_number", "Value": text(&ph.value) }));
        }
        let mut props = json!({
            "UserPoolId": r#ref(&id),
            "Username": text(u.username(p)),
            "DesiredDeliveryMediums": ["EMAIL"],
        });
        if !attributes.is_empty() {
            props["UserAttributes"] = json!(attributes);
        }
        // An alias another user already holds moves to this one, as an
        // administrator creating the user means.
        if !p.aliases.is_empty() {
            props["ForceAliasCreation"] = json!(true);
        }
        t.add(uid.clone(), with_pool(props, "AWS::Cognito::UserPoolUser"));
        for g in &u.groups {
            t.add(
                ids::pool_membership(&p.name, &u.name.value, &g.value),
                with_pool(
                    json!({
                        "UserPoolId": r#ref(&id),
                        "GroupName": r#ref(&ids::pool_group(&p.name, &g.value)),
                        "Username": r#ref(&uid),
                    }),
                    "AWS::Cognito::UserPoolUserToGroupAttachment",
                ),
            );
        }
    }
}

/// The functions of a pool's triggers, each once, in order.
fn trigger_functions(p: &UserPool) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for t in &p.triggers {
        if !out.contains(&t.function.name.as_str()) {
            out.push(&t.function.name);
        }
    }
    out
}

/// A user pool and what it owns. Secure by default: passwords of at least
/// `password_length` characters with every class of character, TOTP
/// multi-factor authentication offered (`mfa = optional`), case-insensitive
/// user names, no "user does not exist" answers from clients, and deletion
/// protection while the pool is retained.
pub fn pool(model: &Model, p: &UserPool, t: &mut Template) {
    let id = logical(&p.name);
    let mut props = json!({});
    super::shared::physical_name(model, &p.name, &id, "UserPoolName", &mut props, t);
    if !p.sign_in.is_empty() {
        props["UsernameAttributes"] = json!(p
            .sign_in
            .iter()
            .map(|s| attribute(&s.value))
            .collect::<Vec<_>>());
    }
    if !p.aliases.is_empty() {
        props["AliasAttributes"] = json!(p
            .aliases
            .iter()
            .map(|s| attribute(&s.value))
            .collect::<Vec<_>>());
    }
    props["UsernameConfiguration"] = json!({ "CaseSensitive": false });
    if !p.verify.is_empty() {
        props["AutoVerifiedAttributes"] = json!(p
            .verify
            .iter()
            .map(|s| attribute(&s.value))
            .collect::<Vec<_>>());
    }
    let mut recovery = Vec::new();
    for (word, mechanism) in [
        ("email", "verified_email"),
        ("phone", "verified_phone_number"),
    ] {
        if p.verify.iter().any(|v| v.value == word) {
            recovery.push(json!({ "Name": mechanism, "Priority": recovery.len() + 1 }));
        }
    }
    if !recovery.is_empty() {
        props["AccountRecoverySetting"] = json!({ "RecoveryMechanisms": recovery });
    }
    props["AdminCreateUserConfig"] = json!({ "AllowAdminCreateUserOnly": !p.self_sign_up });
    props["Policies"] = json!({
        "PasswordPolicy": {
            "MinimumLength": p.password_length.value,
            "RequireLowercase": true,
            "RequireUppercase": true,
            "RequireNumbers": true,
            "RequireSymbols": true,
            "TemporaryPasswordValidityDays": 7,
        },
    });
    let mfa = match p.mfa.value.as_str() {
        "off" => "OFF",
        "required" => "ON",
        _ => "OPTIONAL",
    };
    props["MfaConfiguration"] = json!(mfa);
    if mfa != "OFF" {
        props["EnabledMfas"] = json!(["SOFTWARE_TOKEN_MFA"]);
    }
    if !p.triggers.is_empty() {
        let mut config = Map::new();
        for tr in &p.triggers {
            let key = POOL_TRIGGERS
                .iter()
                .find(|(w, _)| *w == tr.name.value)
                .map_or(tr.name.value.as_str(), |(_, k)| k);
            config.insert(key.to_string(), Invoked::of(model, &tr.function.name).arn());
        }
        props["LambdaConfig"] = Json::Object(config);
    }
    props["DeletionProtection"] = json!(if p.on_delete.value.retains() {
        "ACTIVE"
    } else {
        "INACTIVE"
    });
    if !model.tags.is_empty() {
        props["UserPoolTags"] = tag_map(model);
    }
    t.deletion_of(model, &p.name, &id, p.on_delete.span);
    t.add(
        id.clone(),
        stateful_decl(
            model,
            &p.name,
            "AWS::Cognito::UserPool",
            &p.on_delete.value,
            props,
        ),
    );
    for c in &p.clients {
        let mut cp = json!({
            "UserPoolId": r#ref(&id),
            "ClientName": c.name.value,
            "GenerateSecret": c.secret,
            "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
            "PreventUserExistenceErrors": "ENABLED",
            "EnableTokenRevocation": true,
        });
        if !c.flows.is_empty() {
            cp["AllowedOAuthFlowsUserPoolClient"] = json!(true);
            cp["AllowedOAuthFlows"] =
                json!(c.flows.iter().map(|f| f.value.as_str()).collect::<Vec<_>>());
            cp["SupportedIdentityProviders"] = json!(["COGNITO"]);
        }
        if !c.scopes.is_empty() {
            cp["AllowedOAuthScopes"] = json!(c
                .scopes
                .iter()
                .map(|s| s.value.as_str())
                .collect::<Vec<_>>());
        }
        if !c.callback_urls.is_empty() {
            cp["CallbackURLs"] = string_list(&c.callback_urls);
        }
        if !c.logout_urls.is_empty() {
            cp["LogoutURLs"] = string_list(&c.logout_urls);
        }
        let cid = ids::pool_client(&p.name, &c.name.value);
        t.add(
            cid,
            json!({ "Type": "AWS::Cognito::UserPoolClient", "Properties": cp }),
        );
    }
    for g in &p.groups {
        let mut props = json!({ "UserPoolId": r#ref(&id), "GroupName": g.value });
        if let Some(s) = p.group_settings.get(&g.value) {
            if let Some(d) = &s.description {
                props["Description"] = text(&d.value);
            }
            if let Some(n) = &s.precedence {
                props["Precedence"] = json!(n.value);
            }
        }
        t.add(
            ids::pool_group(&p.name, &g.value),
            json!({ "Type": "AWS::Cognito::UserPoolGroup", "Properties": props }),
        );
    }
    users(p, t);
    if let Some(d) = &p.domain {
        t.add(
            ids::pool_domain(&p.name),
            json!({
                "Type": "AWS::Cognito::UserPoolDomain",
                "Properties": { "UserPoolId": r#ref(&id), "Domain": text(&d.value) },
            }),
        );
    }
    // Cognito may invoke each trigger's function for this pool only.
    for f in trigger_functions(p) {
        t.add(
            ids::pool_permission(f, &p.name),
            permission(
                &Invoked::of(model, f),
                "cognito-idp.amazonaws.com",
                get_att(&id, "Arn"),
            ),
        );
    }
}

/// Cognito's name of a sign-in or verified attribute.
fn attribute(word: &str) -> &str {
    match word {
        "phone" => "phone_number",
        w => w,
    }
}
