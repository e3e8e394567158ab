//! Moving a tree from one file id to another, and along its text.
//!
//! A span names its file by the id the file has in one compilation's
//! `SourceMap`. The standard library is parsed once per process, under a
//! placeholder id, and each compilation that uses a module moves a copy of
//! its tree to the id the module's text has there: the copy is then the
//! tree parsing that text under that id gives. A language server reuses
//! the tree of a declaration whose text an edit left alone: the copy moves
//! by as many bytes as the declaration did.
//!
//! Every struct is taken apart without `..`, and every enum matched
//! without `_`, so that a field or variant added to the tree does not
//! compile until it is moved too.

use super::*;
use crate::source::FileId;

/// Where the spans of one file go: to file `to`, `shift` bytes later (or
/// earlier, when negative).
#[derive(Debug, Clone, Copy)]
pub struct Move {
    /// The file whose spans move; spans in other files are left as they are.
    pub from: FileId,
    /// The file they move to.
    pub to: FileId,
    /// How many bytes they move by.
    pub shift: i64,
}

impl Move {
    /// From one file to another, at the same offsets.
    pub fn file(from: FileId, to: FileId) -> Move {
        Move { from, to, shift: 0 }
    }
}

/// A part of the tree whose spans can be moved to another file.
pub trait Respan {
    /// Moves every span in file `m.from` to file `m.to`, `m.shift` bytes on.
    fn respan(&mut self, m: Move);
}

impl Respan for Span {
    fn respan(&mut self, m: Move) {
        if self.file == m.from {
            self.file = m.to;
            // Offsets of a tree are within its text, which the caller
            // moves whole: a shifted span stays within u32.
            self.start = (self.start as i64 + m.shift) as u32;
            self.end = (self.end as i64 + m.shift) as u32;
        }
    }
}

impl<T: Respan> Respan for Vec<T> {
    fn respan(&mut self, m: Move) {
        for item in self {
            item.respan(m);
        }
    }
}

impl<T: Respan> Respan for Option<T> {
    fn respan(&mut self, m: Move) {
        if let Some(item) = self {
            item.respan(m);
        }
    }
}

impl<T: Respan> Respan for Box<T> {
    fn respan(&mut self, m: Move) {
        (**self).respan(m);
    }
}

impl<A: Respan, B: Respan> Respan for (A, B) {
    fn respan(&mut self, m: Move) {
        self.0.respan(m);
        self.1.respan(m);
    }
}

/// Parts that hold no span.
macro_rules! spanless {
    ($($ty:ty),*) => {
        $(impl Respan for $ty {
            fn respan(&mut self, _: Move) {}
        })*
    };
}

spanless!(
    String, bool, u32, u64, i64, f64, DeclKind, VerbKind, TimeUnit, SizeUnit, RateUnit, CmpOp
);

/// Moves each of the named bindings.
macro_rules! each {
    ($m:ident; $($part:ident),*) => {{
        $($part.respan($m);)*
    }};
}

impl Respan for Ident {
    fn respan(&mut self, m: Move) {
        let Ident { name, span } = self;
        each!(m; name, span);
    }
}

impl Respan for Path {
    fn respan(&mut self, m: Move) {
        let Path { parts, span } = self;
        each!(m; parts, span);
    }
}

impl Respan for Str {
    fn respan(&mut self, m: Move) {
        let Str { value, span } = self;
        each!(m; value, span);
    }
}

impl Respan for File {
    fn respan(&mut self, m: Move) {
        let File {
            uses,
            decls,
            broken,
            extra,
        } = self;
        each!(m; uses, decls, broken, extra);
    }
}

impl Respan for Extra {
    fn respan(&mut self, m: Move) {
        let Extra {
            comments,
            doc_comments,
            empty_lines,
        } = self;
        each!(m; comments, doc_comments, empty_lines);
    }
}

impl Respan for Use {
    fn respan(&mut self, m: Move) {
        let Use { target, span } = self;
        each!(m; target, span);
    }
}

impl Respan for UseTarget {
    fn respan(&mut self, m: Move) {
        match self {
            UseTarget::File(s) => each!(m; s),
            UseTarget::Module(p) => each!(m; p),
        }
    }
}

impl Respan for Decl {
    fn respan(&mut self, m: Move) {
        let Decl {
            kind,
            name,
            header,
            body,
            fields,
            span,
            recovered,
        } = self;
        each!(m; kind, name, header, body, fields, span, recovered);
    }
}

impl Respan for Header {
    fn respan(&mut self, m: Move) {
        match self {
            Header::None => {}
            Header::Event {
                source,
                detail_type,
                external,
            } => each!(m; source, detail_type, external),
            Header::Message { message } => each!(m; message),
            Header::Api { protocol } => each!(m; protocol),
            Header::Param { ty } => each!(m; ty),
            Header::Condition { expr } => each!(m; expr),
            Header::Resource { ty } => each!(m; ty),
            Header::Rule { bus } => each!(m; bus),
            Header::Schedule { expr, target } => each!(m; expr, target),
            Header::Pipe {
                source,
                filter,
                target,
            } => each!(m; source, filter, target),
        }
    }
}

impl Respan for ScheduleExpr {
    fn respan(&mut self, m: Move) {
        match self {
            ScheduleExpr::Every(v) => each!(m; v),
            ScheduleExpr::Cron(s) => each!(m; s),
        }
    }
}

impl Respan for Field {
    fn respan(&mut self, m: Move) {
        let Field {
            name,
            optional,
            ty,
            span,
        } = self;
        each!(m; name, optional, ty, span);
    }
}

impl Respan for TypeExpr {
    fn respan(&mut self, m: Move) {
        let TypeExpr {
            kind,
            constraints,
            span,
        } = self;
        each!(m; kind, constraints, span);
    }
}

impl Respan for TypeExprKind {
    fn respan(&mut self, m: Move) {
        match self {
            TypeExprKind::Named(name) => each!(m; name),
            TypeExprKind::List(inner) => each!(m; inner),
            TypeExprKind::Enum(options) => each!(m; options),
            TypeExprKind::Record(fields) => each!(m; fields),
        }
    }
}

impl Respan for Member {
    fn respan(&mut self, m: Move) {
        let Member { kind, span } = self;
        each!(m; kind, span);
    }
}

impl Respan for MemberKind {
    fn respan(&mut self, m: Move) {
        match self {
            MemberKind::Property { key, value, when } => each!(m; key, value, when),
            MemberKind::Block { key, body } => each!(m; key, body),
            MemberKind::Verb {
                verb,
                verb_span,
                targets,
                prefixes,
                message,
                bus,
            } => each!(m; verb, verb_span, targets, prefixes, message, bus),
            MemberKind::On {
                source,
                filter,
                body,
            } => each!(m; source, filter, body),
            MemberKind::Route {
                method,
                path,
                to: target,
                body,
            } => each!(m; method, path, target, body),
            MemberKind::Match { event, filter } => each!(m; event, filter),
            MemberKind::SendTo { target, body } => each!(m; target, body),
            MemberKind::Fields { key, fields } => each!(m; key, fields),
            MemberKind::Responses(responses) => each!(m; responses),
            MemberKind::Allow {
                actions,
                resources,
                body,
            } => each!(m; actions, resources, body),
            MemberKind::Subscribe {
                target,
                filter,
                body,
            } => each!(m; target, filter, body),
        }
    }
}

impl Respan for Value {
    fn respan(&mut self, m: Move) {
        let Value { kind, span } = self;
        each!(m; kind, span);
    }
}

impl Respan for ValueKind {
    fn respan(&mut self, m: Move) {
        match self {
            ValueKind::Str(s) => each!(m; s),
            ValueKind::Int(n) => each!(m; n),
            ValueKind::Number(n) => each!(m; n),
            ValueKind::Bool(b) => each!(m; b),
            ValueKind::Duration(n, unit) => each!(m; n, unit),
            ValueKind::Size(n, unit) => each!(m; n, unit),
            ValueKind::Percent(n) => each!(m; n),
            ValueKind::Rate(n, unit) => each!(m; n, unit),
            ValueKind::Path(p) => each!(m; p),
            ValueKind::List(items) => each!(m; items),
            ValueKind::Record(fields) => each!(m; fields),
            ValueKind::Tagged(tag, body) => each!(m; tag, body),
            ValueKind::Redrive(queue, after) => each!(m; queue, after),
        }
    }
}

impl Respan for Expr {
    fn respan(&mut self, m: Move) {
        let Expr { kind, span } = self;
        each!(m; kind, span);
    }
}

impl Respan for ExprKind {
    fn respan(&mut self, m: Move) {
        match self {
            ExprKind::And(items) | ExprKind::Or(items) => each!(m; items),
            ExprKind::Cond(c) => each!(m; c),
        }
    }
}

impl Respan for Condition {
    fn respan(&mut self, m: Move) {
        let Condition {
            field,
            test,
            op_span,
        } = self;
        each!(m; field, test, op_span);
    }
}

impl Respan for Test {
    fn respan(&mut self, m: Move) {
        match self {
            Test::Compare(op, value, ignore_case) => each!(m; op, value, ignore_case),
            Test::In { negated, values } => each!(m; negated, values),
            Test::Exists(b) => each!(m; b),
            Test::Prefix {
                negated,
                text,
                ignore_case,
            }
            | Test::Suffix {
                negated,
                text,
                ignore_case,
            } => each!(m; negated, text, ignore_case),
            Test::Wildcard { negated, text } => each!(m; negated, text),
            Test::Cidr(text) => each!(m; text),
        }
    }
}

impl Respan for RouteTo {
    fn respan(&mut self, m: Move) {
        match self {
            RouteTo::Function(path) => each!(m; path),
            RouteTo::Send {
                keyword,
                message,
                target,
            } => each!(m; keyword, message, target),
            RouteTo::Url(url) => each!(m; url),
        }
    }
}

impl Respan for PropIf {
    fn respan(&mut self, m: Move) {
        let PropIf {
            cond,
            otherwise,
            span,
        } = self;
        each!(m; cond, otherwise, span);
    }
}

impl Respan for CondExpr {
    fn respan(&mut self, m: Move) {
        match self {
            CondExpr::Or(parts) | CondExpr::And(parts) => each!(m; parts),
            CondExpr::Not(inner) => each!(m; inner),
            CondExpr::Equals {
                left,
                right,
                negated,
                span,
            } => each!(m; left, right, negated, span),
            CondExpr::In {
                operand,
                values,
                span,
            } => each!(m; operand, values, span),
            CondExpr::Ref(path) => each!(m; path),
        }
    }
}

impl Respan for CondOperand {
    fn respan(&mut self, m: Move) {
        match self {
            CondOperand::Param(path) => each!(m; path),
            CondOperand::Text(text) => each!(m; text),
        }
    }
}
