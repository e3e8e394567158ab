//! CloudFormation's template limits (E0313): what the stack would be, not
//! what the spec says. `compile` counts the logical IDs the CloudFormation
//! target's template would hold (`emit::count`, without building it; SAM
//! expands to about as many resources); `build` counts the template of the
//! target it builds, and `render` measures its size as written. Each
//! finding is placed at the declaration that adds the resource or output.
//!
//! Limits from `shared/reference/aws-constraints.md` §10.

use crate::diagnostics::Code;
use crate::diagnostics::Diagnostic;
use crate::source::Span;

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

/// The logical IDs of a template, in order, each with the declaration
/// that adds it (the default span for none).
#[derive(Debug, Clone, Default)]
pub struct Ids {
    /// Resources.
    pub resources: Vec<(String, Span)>,
    /// Outputs.
    pub outputs: Vec<(String, Span)>,
    /// Parameters.
    pub parameters: Vec<(String, Span)>,
}

/// Every count limit the template breaks (resources, outputs, parameters,
/// logical IDs). `fallback` is where to report what belongs to no
/// declaration.
pub fn counts(ids: &Ids, fallback: Span) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let owner = |list: &[(String, Span)], i: usize| {
        let s = list[i].1;
        if s == Span::default() {
            fallback
        } else {
            s
        }
    };
    let resources = &ids.resources;
    for (what, list, max, help) in [
        (
            "resources",
            resources,
            MAX_RESOURCES,
            "split the app into several specs, each its own stack (queues, topics and buses are shared by name or ARN through `parameter`s)",
        ),
        (
            "outputs",
            &ids.outputs,
            MAX_OUTPUTS,
            "split the app into several specs, each its own stack",
        ),
        (
            "parameters",
            &ids.parameters,
            MAX_PARAMETERS,
            "split the app into several specs, each its own stack",
        ),
    ] {
        if list.len() > max {
            // The first one over the limit, so that the place means something.
            let first_over = &list[max].0;
            out.push(
                Diagnostic::new(
                    Code::E0313,
                    owner(list, max),
                    format!(
                        "the template has {} {what}; CloudFormation allows {max} in one stack",
                        list.len()
                    ),
                )
                .label(format!("`{first_over}` is number {} of them", max + 1))
                .help(help),
            );
        }
    }
    // One diagnostic per declaration, naming its longest ID.
    let mut long: Vec<(Span, &String, usize)> = Vec::new();
    for (i, (id, _)) in resources.iter().enumerate() {
        if id.len() <= MAX_LOGICAL_ID {
            continue;
        }
        let span = owner(resources, i);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_and_outputs_are_counted() {
        let small = Ids {
            resources: vec![("A".into(), Span::default())],
            ..Ids::default()
        };
        assert!(counts(&small, Span::default()).is_empty());
        assert!(size(MAX_BODY_BYTES, Span::default()).is_none());
        let over = size(MAX_BODY_BYTES + 1, Span::default()).unwrap();
        assert_eq!(
            over.message,
            "the template is 1000001 bytes; CloudFormation accepts at most 1000000"
        );
        let outputs = Ids {
            outputs: (0..=MAX_OUTPUTS)
                .map(|i| (format!("O{i}"), Span::default()))
                .collect(),
            ..Ids::default()
        };
        let d = counts(&outputs, Span::default());
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].label.as_deref(), Some("`O200` is number 201 of them"));
    }
}
