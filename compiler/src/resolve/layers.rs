//! Lambda layers: `layer` declarations and the `layers` functions name.

use super::functions::code_source;
use super::*;
use crate::diagnostics::Code;

/// The settings of a layer that its owner made, and that a layer given by
/// `arn` cannot set.
const OWNED: &[&str] = &[
    "code",
    "runtimes",
    "architectures",
    "license",
    "on_delete",
    "name",
    "description",
];

impl Resolver {
    /// `layer NAME { code = "...", runtimes, architectures, license }`, or
    /// `layer NAME { arn = "..." }` for an existing layer version.
    pub(super) fn layer(&mut self, d: &ast::Decl) -> Layer {
        let mut p = Props::new(&d.body);
        let arn = p.take("arn").and_then(|v| self.expect_text(v));
        let source = match arn {
            Some(arn) => {
                // A layer version elsewhere is used as it is: its owner
                // made its content and settings.
                for key in OWNED {
                    if let Some(m) = d.body.iter().find(|m| matches!(&m.kind, MemberKind::Property { key: k, .. } if k.name == *key)) {
                        self.error(
                            Diagnostic::new(Code::E0105, m.span, format!("`{key}` does not apply to a layer given by `arn`"))
                                .label("the layer version exists already")
                                .with(arn.span, "a layer version outside the stack")
                                .help(format!("remove `{key}`, or `arn` to build the layer here")),
                        );
                    }
                    p.take(key);
                }
                if let Err(why) = layer_arn(&arn.value) {
                    self.error(
                        Diagnostic::new(Code::E0201, arn.span, format!("`{}` is not a layer version ARN", arn.value))
                            .label(why)
                            .help("write `arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION`, e.g. `arn:aws:lambda:us-east-1:580247275435:layer:LambdaInsightsExtension:53`"),
                    );
                }
                LayerSource::Arn(arn)
            }
            None => LayerSource::Code(self.layer_code(&mut p, d)),
        };
        let runtimes = match p.take("runtimes") {
            Some(v) => self.list_of(v, |r, item| r.expect_string(item)),
            None => Vec::new(),
        };
        let architectures = match p.take("architectures") {
            Some(v) => self.list_of(v, |r, item| {
                r.expect_arch(item).map(|a| Spanned::new(a, item.span))
            }),
            None => Vec::new(),
        };
        let license = p.take("license").and_then(|v| self.expect_string(v));
        let on_delete = p
            .take("on_delete")
            .and_then(|v| self.on_delete(v))
            .unwrap_or_else(|| self.model.on_delete.clone());
        // Taken above for a layer given by `arn`.
        self.identity(&mut p, d);
        self.other_members(&d.body, "a layer");
        p.finish(self, "a layer");
        Layer {
            name: d.name.name.clone(),
            span: d.name.span,
            source,
            runtimes,
            architectures,
            license,
            on_delete,
        }
    }

    /// A layer's `code`: required, in the forms a function's takes.
    fn layer_code(&mut self, p: &mut Props<'_>, d: &ast::Decl) -> CodeSource {
        let fallback = CodeSource::Folder(".".to_string());
        let Some(v) = p.take("code") else {
            if d.recovered.is_empty() {
                self.error(
                    Diagnostic::new(
                        Code::E0107,
                        d.name.span,
                        format!("layer `{}` has no `code`", d.name.name),
                    )
                    .label("missing `code`")
                    .help("name its content, `code = \"layers/shared\"` (a folder, a built `.zip` or `s3://bucket/key.zip`), or an existing layer version with `arn = \"...\"`"),
                );
            }
            return fallback;
        };
        let Some(s) = self.expect_string(v) else {
            return fallback;
        };
        if s.value.trim().is_empty() {
            self.error(
                Diagnostic::new(Code::E0201, s.span, "`code` is empty")
                    .label("no folder, package or S3 location")
                    .help(super::functions::CODE_FORMS),
            );
            return fallback;
        }
        match code_source(&s.value) {
            Ok(c) => c,
            Err(bad) => {
                self.bad_form(&s, bad, "not a folder, a package or an S3 location");
                fallback
            }
        }
    }

    /// The items of a list property (a single value is a list of one),
    /// each read by `item`.
    fn list_of<T>(
        &mut self,
        v: &ast::Value,
        item: impl Fn(&mut Self, &ast::Value) -> Option<T>,
    ) -> Vec<T> {
        match &v.kind {
            ValueKind::List(items) => items.iter().filter_map(|i| item(self, i)).collect(),
            _ => item(self, v).into_iter().collect(),
        }
    }
}

/// Checks the form of a layer version ARN,
/// `arn:PARTITION:lambda:REGION:ACCOUNT:layer:NAME:VERSION`; a part written
/// with a parameter (`${Region}`) is CloudFormation's to check.
fn layer_arn(text: &str) -> Result<(), String> {
    if text.contains("${") {
        return Ok(());
    }
    let parts: Vec<&str> = text.split(':').collect();
    if parts.len() != 8 || parts[0] != "arn" || parts[2] != "lambda" || parts[5] != "layer" {
        return Err("expected `arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION`".into());
    }
    if !parts[1].starts_with("aws") || parts[3].is_empty() {
        return Err("no partition or region".into());
    }
    if parts[4].len() != 12 || !parts[4].bytes().all(|b| b.is_ascii_digit()) {
        return Err("the account is 12 digits".into());
    }
    let name_ok = !parts[6].is_empty()
        && parts[6]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !name_ok {
        return Err("the layer name is letters, digits, `-` and `_`".into());
    }
    if parts[7].is_empty() || !parts[7].bytes().all(|b| b.is_ascii_digit()) {
        return Err("a layer version ARN ends in its version number".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::layer_arn;

    #[test]
    fn layer_arns() {
        assert!(layer_arn(
            "arn:aws:lambda:us-east-1:580247275435:layer:LambdaInsightsExtension:53"
        )
        .is_ok());
        assert!(layer_arn("arn:aws:lambda:${AWS::Region}:580247275435:layer:X:1").is_ok());
        assert!(layer_arn("arn:aws:lambda:us-east-1:580247275435:layer:X").is_err());
        assert!(layer_arn("arn:aws:lambda:us-east-1:5802:layer:X:1").is_err());
        assert!(layer_arn("arn:aws:lambda:us-east-1:580247275435:function:X:1").is_err());
    }
}
