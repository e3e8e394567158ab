//! CloudFormation's template limits (E0313), checked on the emitted template:
//! what the stack would be, not what the spec says. `compile` checks the
//! CloudFormation target's template (SAM expands to about as many
//! resources), `build` the template it writes, with its real size.
//!
//! Limits from `shared/reference/aws-constraints.md` §10.

use crate::diagnostics::Diagnostic;
use crate::model::Model;
use crate::source::Span;
use serde_json::Value as Json;

/// Resources in one stack.
pub const MAX_RESOURCES: usize = 500;
/// Outputs of one stack.
pub const MAX_OUTPUTS: usize = 200;
/// Parameters of one stack.
pub const MAX_PARAMETERS: usize = 200;
/// A logical ID's length.
pub const MAX_LOGICAL_ID: usize = 255;
/// A template uploaded through S3 (`sam deploy`, `aws cloudformation deploy
/// --s3-bucket`); passed inline, the limit is 51,200 bytes.
pub const MAX_BODY_BYTES: usize = 1_000_000;

/// Every limit the template breaks. `bytes` is the template's size as it
/// will be uploaded; `owner` finds the declaration a logical ID comes from;
/// `fallback` is where to report what belongs to no declaration.
pub fn check(
    template: &Json,
    bytes: usize,
    owner: &dyn Fn(&str) -> Option<Span>,
    fallback: Span,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let section = |name: &str| -> Vec<String> {
        template[name]
            .as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    };
    let resources = section("Resources");
    for (what, ids, max, help) in [
        (
            "resources",
            &resources,
            MAX_RESOURCES,
            "split the app into several specs, each its own stack (queues, topics and buses are shared by name or ARN through `parameter`s)",
        ),
        (
            "outputs",
            &section("Outputs"),
            MAX_OUTPUTS,
            "split the app into several specs, each its own stack",
        ),
        (
            "parameters",
            &section("Parameters"),
            MAX_PARAMETERS,
            "split the app into several specs, each its own stack",
        ),
    ] {
        if ids.len() > max {
            // The first one over the limit, so that the place means something.
            let first_over = &ids[max];
            out.push(
                Diagnostic::new(
                    "E0313",
                    owner(first_over).unwrap_or(fallback),
                    format!(
                        "the template has {} {what}; CloudFormation allows {max} in one stack",
                        ids.len()
                    ),
                )
                .label(format!("`{first_over}` is number {} of them", max + 1))
                .help(help),
            );
        }
    }
    // One diagnostic per declaration, naming its longest ID.
    let mut long: Vec<(Span, &String, usize)> = Vec::new();
    for id in resources.iter().filter(|id| id.len() > MAX_LOGICAL_ID) {
        let span = owner(id).unwrap_or(fallback);
        match long.iter_mut().find(|(s, _, _)| *s == span) {
            Some(entry) => {
                entry.2 += 1;
                if id.len() > entry.1.len() {
                    entry.1 = id;
                }
            }
            None => long.push((span, id, 1)),
        }
    }
    for (span, id, count) in long {
        let more = if count > 1 {
            format!(" (and {} more of its IDs)", count - 1)
        } else {
            String::new()
        };
        out.push(
            Diagnostic::new(
                "E0313",
                span,
                format!(
                    "the logical ID `{}...` is {} characters{more}; CloudFormation allows {MAX_LOGICAL_ID}",
                    &id[..40],
                    id.len()
                ),
            )
            .label("the generated logical IDs come from this name")
            .help(format!(
                "shorten this name, or a name the ID joins to it, by at least {} characters",
                id.len() - MAX_LOGICAL_ID
            )),
        );
    }
    out.extend(size(bytes, fallback));
    out
}

/// The template's size as uploaded against CloudFormation's limit, reported
/// at `at` (the start of the spec).
pub fn size(bytes: usize, at: Span) -> Option<Diagnostic> {
    (bytes > MAX_BODY_BYTES).then(|| {
        Diagnostic::new(
            "E0313",
            at,
            format!("the template is {bytes} bytes; CloudFormation accepts at most {MAX_BODY_BYTES}"),
        )
        .label("the whole spec")
        .help("split the app into several specs, each its own stack; `--format json` is smaller than YAML")
    })
}

/// Counts the bytes written to it: the size of a serialization without
/// keeping it.
#[derive(Default)]
pub struct ByteCount(pub usize);

impl std::io::Write for ByteCount {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Where a logical ID comes from: the declaration with the longest logical
/// ID it starts with (`OrdersDlqPolicy` belongs to `OrdersDlq`, not to
/// `Orders`).
pub fn owner(model: &Model, id: &str) -> Option<Span> {
    model
        .names
        .keys()
        .filter(|name| id.starts_with(&crate::naming::ids::logical(name)))
        .max_by_key(|name| (crate::naming::ids::logical(name).len(), name.to_string()))
        .and_then(|n| model.declaration_span(n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn size_and_outputs_are_counted() {
        let none = |_: &str| None;
        let small = json!({ "Resources": { "A": {} } });
        assert!(check(&small, MAX_BODY_BYTES, &none, Span::default()).is_empty());
        let over = check(&small, MAX_BODY_BYTES + 1, &none, Span::default());
        assert_eq!(over.len(), 1);
        assert_eq!(
            over[0].message,
            "the template is 1000001 bytes; CloudFormation accepts at most 1000000"
        );
        let outputs: serde_json::Map<String, Json> = (0..=MAX_OUTPUTS)
            .map(|i| (format!("O{i}"), json!({})))
            .collect();
        let d = check(&json!({ "Outputs": outputs }), 0, &none, Span::default());
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].label.as_deref(), Some("`O200` is number 201 of them"));
    }
}
