//! W0119: a change between two versions of a spec that makes CloudFormation
//! replace a resource whose name the spec fixes.
//!
//! CloudFormation replaces a resource by creating the new one before
//! deleting the old; with a fixed physical name the new one cannot be
//! created while the old exists, so the update fails ("CloudFormation
//! cannot update a stack when a custom-named resource requires
//! replacing"), and rolls back. Which changes replace a resource is
//! CloudFormation's ("Update requires: Replacement" in each property's
//! documentation): a table's key or local indexes, a state machine's type.
//! (A queue or topic that becomes FIFO changes its name too, to end in
//! `.fifo`: CloudFormation creates it first.) Only two versions show such
//! a change, so `slsc diff` reports it.

use crate::ast::DeclKind;
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{KeyType, Model, Table};

/// The replacements of resources with fixed names that going from `old`
/// to `new` would need, reported at `new`'s declarations.
pub fn check(old: &Model, new: &Model) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for &(kind, i) in &new.order {
        let Some(name) = new.name_of(kind, i) else {
            continue;
        };
        let (Some(fixed), Some(before)) = (new.physical_name(name), old.physical_name(name)) else {
            continue;
        };
        // A new name is a new resource: CloudFormation creates it first.
        if fixed.value != before.value {
            continue;
        }
        let change = match kind {
            DeclKind::Table => match (old.table(name), new.table(name)) {
                (Some(a), Some(b)) => table_change(a, b),
                _ => None,
            },
            DeclKind::StateMachine => {
                let kind_of = |m: &Model| {
                    m.state_machines
                        .iter()
                        .find(|s| s.name == name)
                        .map(|s| s.express)
                };
                match (kind_of(old), kind_of(new)) {
                    (Some(a), Some(b)) if a != b => Some(format!(
                        "its type changes from {} to {}",
                        if a { "Express" } else { "Standard" },
                        if b { "Express" } else { "Standard" }
                    )),
                    _ => None,
                }
            }
            _ => None,
        };
        let Some(change) = change else { continue };
        let span = new.span_of(kind, i).unwrap_or(fixed.span);
        out.push(
            Diagnostic::new(
                Code::W0119,
                span,
                format!(
                    "{} `{name}` is named \"{}\" and {change}: CloudFormation must replace it, and cannot while the name is taken",
                    kind.keyword(),
                    fixed.value
                ),
            )
            .label("replaced by this change")
            .with(fixed.span, "the fixed name")
            .help(format!(
                "deploy the change under a new `name` (or none, for a generated one); the {} is a new, empty one, so move what the old one holds",
                kind.keyword()
            )),
        );
    }
    out
}

fn table_change(a: &Table, b: &Table) -> Option<String> {
    if a.key != b.key {
        return Some(format!(
            "its key changes from {} to {}",
            key_text(&a.key),
            key_text(&b.key)
        ));
    }
    // Local indexes are created with the table and never changed.
    let local = |t: &Table| -> Vec<(String, Vec<(String, KeyType)>)> {
        let mut v: Vec<_> = t
            .indexes
            .iter()
            .filter(|i| i.local)
            .map(|i| (i.name.value.clone(), i.key.clone()))
            .collect();
        v.sort_by(|x, y| x.0.cmp(&y.0));
        v
    };
    (local(a) != local(b)).then(|| "its local secondary indexes change".to_string())
}

fn key_text(key: &[(String, KeyType)]) -> String {
    let parts: Vec<String> = key
        .iter()
        .map(|(n, t)| format!("{n}: {}", t.word()))
        .collect();
    format!("{{ {} }}", parts.join(", "))
}
