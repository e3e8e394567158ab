//! Record types and event fields.

use super::*;

impl Resolver {
    pub(super) fn fields(&mut self, fields: &[ast::Field]) -> Vec<FieldDef> {
        let mut out: Vec<FieldDef> = Vec::new();
        for f in fields {
            if let Some(prev) = out.iter().find(|o| o.name == f.name.name) {
                let ps = prev.span;
                self.error(
                    Diagnostic::new(
                        "E0106",
                        f.name.span,
                        format!("field `{}` is declared twice", f.name.name),
                    )
                    .label("second declaration")
                    .with(ps, "first declared here")
                    .help("remove or rename one of the two fields"),
                );
                continue;
            }
            let ty = self.ty(&f.ty);
            out.push(FieldDef {
                name: f.name.name.clone(),
                optional: f.optional,
                ty,
                span: f.span,
            });
        }
        out
    }

    pub(super) fn ty(&mut self, t: &ast::TypeExpr) -> Ty {
        match &t.kind {
            ast::TypeExprKind::Named(n) => match n.name.as_str() {
                "string" => Ty::String,
                "int" => Ty::Int,
                "number" => Ty::Number,
                "bool" => Ty::Bool,
                name => match self.lookup(name, n.span, &[DeclKind::Type]) {
                    Some(r) => Ty::Named(r.name),
                    None => Ty::String,
                },
            },
            ast::TypeExprKind::List(inner) => Ty::List(Box::new(self.ty(inner))),
            ast::TypeExprKind::Enum(values) => {
                Ty::Enum(values.iter().map(|s| s.value.clone()).collect())
            }
            ast::TypeExprKind::Record(fields) => Ty::Record(self.fields(fields)),
        }
    }
}
