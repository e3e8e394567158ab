//! CloudFormation's template limits (E0313), checked on the emitted template:
//! what the stack would be, not what the spec says. `compile` checks the
//! CloudFormation target's template (SAM expands to about as many
//! resources); `build` checks the template of the target it builds, and
//! `render` its size as written. Each finding is placed at the declaration
//! that added the resource or output (`emit` records it).
//!
//! Limits from `shared/reference/aws-constraints.md` §10.

use crate::diagnostics::Code;
use crate::diagnostics::Diagnostic;
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

/// Every count limit the template breaks (resources, outputs, parameters,
/// logical IDs). `owner` finds the declaration a logical ID comes from;
/// `fallback` is where to report what belongs to no declaration.
pub fn counts(
    template: &Json,
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
                    Code::E0313,
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
                Code::E0313,
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
    out
}

/// The template's size as compact JSON, the smallest form it can be
/// uploaded in, counted without keeping the text.
pub fn compact_size(template: &Json) -> usize {
    let mut bytes = ByteCount::default();
    // Writing a JSON value into a counter fails only if the counter did,
    // and it never does.
    match serde_json::to_writer(&mut bytes, template) {
        Ok(()) => bytes.0,
        Err(_) => 0,
    }
}

/// The template's size as uploaded against CloudFormation's limit, reported
/// at `at` (the start of the spec).
pub fn size(bytes: usize, at: Span) -> Option<Diagnostic> {
    (bytes > MAX_BODY_BYTES).then(|| {
        Diagnostic::new(
            Code::E0313,
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
struct ByteCount(usize);

impl std::io::Write for ByteCount {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn size_and_outputs_are_counted() {
        let none = |_: &str| None;
        let small = json!({ "Resources": { "A": {} } });
        assert!(counts(&small, &none, Span::default()).is_empty());
        assert!(size(MAX_BODY_BYTES, Span::default()).is_none());
        let over = size(MAX_BODY_BYTES + 1, Span::default()).unwrap();
        assert_eq!(
            over.message,
            "the template is 1000001 bytes; CloudFormation accepts at most 1000000"
        );
        assert_eq!(compact_size(&small), r#"{"Resources":{"A":{}}}"#.len());
        let outputs: serde_json::Map<String, Json> = (0..=MAX_OUTPUTS)
            .map(|i| (format!("O{i}"), json!({})))
            .collect();
        let d = counts(&json!({ "Outputs": outputs }), &none, Span::default());
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].label.as_deref(), Some("`O200` is number 201 of them"));
    }
}
