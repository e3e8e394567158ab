//! Moving a tree from one file id to another.
//!
//! A span names its file by the id the file has in one compilation's
//! `SourceMap`. The standard library is parsed once per process, under a
//! placeholder id, and each compilation that uses a module moves a copy of
//! its tree to the id the module's text has there: the copy is then the
//! tree parsing that text under that id gives.
//!
//! Every struct is taken apart without `..`, and every enum matched
//! without `_`, so that a field or variant added to the tree does not
//! compile until it is moved too.

use super::*;
use crate::source::FileId;

/// A part of the tree whose spans can be moved to another file.
pub trait Respan {
    /// Moves every span in file `from` to file `to`; spans in other files
    /// are left as they are.
    fn respan(&mut self, from: FileId, to: FileId);
}

impl Respan for Span {
    fn respan(&mut self, from: FileId, to: FileId) {
        if self.file == from {
            self.file = to;
        }
    }
}

impl<T: Respan> Respan for Vec<T> {
    fn respan(&mut self, from: FileId, to: FileId) {
        for item in self {
            item.respan(from, to);
        }
    }
}

impl<T: Respan> Respan for Option<T> {
    fn respan(&mut self, from: FileId, to: FileId) {
        if let Some(item) = self {
            item.respan(from, to);
        }
    }
}

impl<T: Respan> Respan for Box<T> {
    fn respan(&mut self, from: FileId, to: FileId) {
        (**self).respan(from, to);
    }
}

impl<A: Respan, B: Respan> Respan for (A, B) {
    fn respan(&mut self, from: FileId, to: FileId) {
        self.0.respan(from, to);
        self.1.respan(from, to);
    }
}

/// Parts that hold no span.
macro_rules! spanless {
    ($($ty:ty),*) => {
        $(impl Respan for $ty {
            fn respan(&mut self, _: FileId, _: FileId) {}
        })*
    };
}

spanless!(
    String, bool, u32, u64, i64, f64, DeclKind, VerbKind, TimeUnit, SizeUnit, RateUnit, CmpOp
);

/// Moves each of the named bindings.
macro_rules! each {
    ($from:ident, $to:ident; $($part:ident),*) => {{
        $($part.respan($from, $to);)*
    }};
}

impl Respan for Ident {
    fn respan(&mut self, from: FileId, to: FileId) {
        let Ident { name, span } = self;
        each!(from, to; name, span);
    }
}

impl Respan for Path {
    fn respan(&mut self, from: FileId, to: FileId) {
        let Path { parts, span } = self;
        each!(from, to; parts, span);
    }
}

impl Respan for Str {
    fn respan(&mut self, from: FileId, to: FileId) {
        let Str { value, span } = self;
        each!(from, to; value, span);
    }
}

impl Respan for File {
    fn respan(&mut self, from: FileId, to: FileId) {
        let File {
            uses,
            decls,
            broken,
            extra,
        } = self;
        each!(from, to; uses, decls, broken, extra);
    }
}

impl Respan for Extra {
    fn respan(&mut self, from: FileId, to: FileId) {
        let Extra {
            comments,
            doc_comments,
            empty_lines,
        } = self;
        each!(from, to; comments, doc_comments, empty_lines);
    }
}

impl Respan for Use {
    fn respan(&mut self, from: FileId, to: FileId) {
        let Use { target, span } = self;
        each!(from, to; target, span);
    }
}

impl Respan for UseTarget {
    fn respan(&mut self, from: FileId, to: FileId) {
        match self {
            UseTarget::File(s) => each!(from, to; s),
            UseTarget::Module(p) => each!(from, to; p),
        }
    }
}

impl Respan for Decl {
    fn respan(&mut self, from: FileId, to: FileId) {
        let Decl {
            kind,
            name,
            header,
            body,
            fields,
            span,
            recovered,
        } = self;
        each!(from, to; kind, name, header, body, fields, span, recovered);
    }
}

impl Respan for Header {
    fn respan(&mut self, from: FileId, to: FileId) {
        match self {
            Header::None => {}
            Header::Event {
                source,
                detail_type,
                external,
            } => each!(from, to; source, detail_type, external),
            Header::Message { message } => each!(from, to; message),
            Header::Api { protocol } => each!(from, to; protocol),
            Header::Param { ty } => each!(from, to; ty),
            Header::Condition { expr } => each!(from, to; expr),
            Header::Resource { ty } => each!(from, to; ty),
            Header::Rule { bus } => each!(from, to; bus),
            Header::Schedule { expr, target } => each!(from, to; expr, target),
            Header::Pipe {
                source,
                filter,
                target,
            } => each!(from, to; source, filter, target),
        }
    }
}

impl Respan for ScheduleExpr {
    fn respan(&mut self, from: FileId, to: FileId) {
        match self {
            ScheduleExpr::Every(v) => each!(from, to; v),
            ScheduleExpr::Cron(s) => each!(from, to; s),
        }
    }
}

impl Respan for Field {
    fn respan(&mut self, from: FileId, to: FileId) {
        let Field {
            name,
            optional,
            ty,
            span,
        } = self;
        each!(from, to; name, optional, ty, span);
    }
}

impl Respan for TypeExpr {
    fn respan(&mut self, from: FileId, to: FileId) {
        let TypeExpr {
            kind,
            constraints,
            span,
        } = self;
        each!(from, to; kind, constraints, span);
    }
}

impl Respan for TypeExprKind {
    fn respan(&mut self, from: FileId, to: FileId) {
        match self {
            TypeExprKind::Named(name) => each!(from, to; name),
            TypeExprKind::List(inner) => each!(from, to; inner),
            TypeExprKind::Enum(options) => each!(from, to; options),
            TypeExprKind::Record(fields) => each!(from, to; fields),
        }
    }
}

impl Respan for Member {
    fn respan(&mut self, from: FileId, to: FileId) {
        let Member { kind, span } = self;
        each!(from, to; kind, span);
    }
}

impl Respan for MemberKind {
    fn respan(&mut self, from: FileId, to: FileId) {
        match self {
            MemberKind::Property { key, value, when } => each!(from, to; key, value, when),
            MemberKind::Block { key, body } => each!(from, to; key, body),
            MemberKind::Verb {
                verb,
                verb_span,
                targets,
                prefixes,
                message,
                bus,
            } => each!(from, to; verb, verb_span, targets, prefixes, message, bus),
            MemberKind::On {
                source,
                filter,
                body,
            } => each!(from, to; source, filter, body),
            MemberKind::Route {
                method,
                path,
                to: target,
                body,
            } => each!(from, to; method, path, target, body),
            MemberKind::Match { event, filter } => each!(from, to; event, filter),
            MemberKind::SendTo { target, body } => each!(from, to; target, body),
            MemberKind::Fields { key, fields } => each!(from, to; key, fields),
            MemberKind::Responses(responses) => each!(from, to; responses),
            MemberKind::Allow {
                actions,
                resources,
                body,
            } => each!(from, to; actions, resources, body),
            MemberKind::Subscribe {
                target,
                filter,
                body,
            } => each!(from, to; target, filter, body),
        }
    }
}

impl Respan for Value {
    fn respan(&mut self, from: FileId, to: FileId) {
        let Value { kind, span } = self;
        each!(from, to; kind, span);
    }
}

impl Respan for ValueKind {
    fn respan(&mut self, from: FileId, to: FileId) {
        match self {
            ValueKind::Str(s) => each!(from, to; s),
            ValueKind::Int(n) => each!(from, to; n),
            ValueKind::Number(n) => each!(from, to; n),
            ValueKind::Bool(b) => each!(from, to; b),
            ValueKind::Duration(n, unit) => each!(from, to; n, unit),
            ValueKind::Size(n, unit) => each!(from, to; n, unit),
            ValueKind::Percent(n) => each!(from, to; n),
            ValueKind::Rate(n, unit) => each!(from, to; n, unit),
            ValueKind::Path(p) => each!(from, to; p),
            ValueKind::List(items) => each!(from, to; items),
            ValueKind::Record(fields) => each!(from, to; fields),
            ValueKind::Tagged(tag, body) => each!(from, to; tag, body),
            ValueKind::Redrive(queue, after) => each!(from, to; queue, after),
        }
    }
}

impl Respan for Expr {
    fn respan(&mut self, from: FileId, to: FileId) {
        let Expr { kind, span } = self;
        each!(from, to; kind, span);
    }
}

impl Respan for ExprKind {
    fn respan(&mut self, from: FileId, to: FileId) {
        match self {
            ExprKind::And(items) | ExprKind::Or(items) => each!(from, to; items),
            ExprKind::Cond(c) => each!(from, to; c),
        }
    }
}

impl Respan for Condition {
    fn respan(&mut self, from: FileId, to: FileId) {
        let Condition {
            field,
            test,
            op_span,
        } = self;
        each!(from, to; field, test, op_span);
    }
}

impl Respan for Test {
    fn respan(&mut self, from: FileId, to: FileId) {
        match self {
            Test::Compare(op, value, ignore_case) => each!(from, to; op, value, ignore_case),
            Test::In { negated, values } => each!(from, to; negated, values),
            Test::Exists(b) => each!(from, to; b),
            Test::Prefix {
                negated,
                text,
                ignore_case,
            }
            | Test::Suffix {
                negated,
                text,
                ignore_case,
            } => each!(from, to; negated, text, ignore_case),
            Test::Wildcard { negated, text } => each!(from, to; negated, text),
            Test::Cidr(text) => each!(from, to; text),
        }
    }
}

impl Respan for RouteTo {
    fn respan(&mut self, from: FileId, to: FileId) {
        match self {
            RouteTo::Function(path) => each!(from, to; path),
            RouteTo::Send {
                keyword,
                message,
                target,
            } => each!(from, to; keyword, message, target),
            RouteTo::Url(url) => each!(from, to; url),
        }
    }
}

impl Respan for PropIf {
    fn respan(&mut self, from: FileId, to: FileId) {
        let PropIf {
            cond,
            otherwise,
            span,
        } = self;
        each!(from, to; cond, otherwise, span);
    }
}

impl Respan for CondExpr {
    fn respan(&mut self, from: FileId, to: FileId) {
        match self {
            CondExpr::Or(parts) | CondExpr::And(parts) => each!(from, to; parts),
            CondExpr::Not(inner) => each!(from, to; inner),
            CondExpr::Equals {
                left,
                right,
                negated,
                span,
            } => each!(from, to; left, right, negated, span),
            CondExpr::In {
                operand,
                values,
                span,
            } => each!(from, to; operand, values, span),
            CondExpr::Ref(path) => each!(from, to; path),
        }
    }
}

impl Respan for CondOperand {
    fn respan(&mut self, from: FileId, to: FileId) {
        match self {
            CondOperand::Param(path) => each!(from, to; path),
            CondOperand::Text(text) => each!(from, to; text),
        }
    }
}
