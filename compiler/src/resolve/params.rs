//! Template parameters (`param`) and the strings that reference them
//! (`"${Stage}-orders"`, or a bare `Stage` where a string goes).

use super::props::Props;
use super::*;
use crate::diagnostics::Code;
use crate::naming::{references, PSEUDO};

impl Resolver {
    /// `param NAME TYPE { default, allowed, description, secret, pattern,
    /// min_length, max_length, min, max }`.
    pub(super) fn param(&mut self, d: &ast::Decl) -> Param {
        let ty = match &d.header {
            Header::Param { ty } => match ty.name.as_str() {
                "string" => ParamType::String,
                "number" => ParamType::Number,
                "list" => ParamType::List,
                other => {
                    let mut diag = Diagnostic::new(
                        Code::E0202,
                        ty.span,
                        format!("`{other}` is not a parameter type"),
                    )
                    .label("expected `string`, `number` or `list`");
                    diag = match did_you_mean(other, ["string", "number", "list"]) {
                        Some(s) => diag.help(format!("did you mean `{s}`?")),
                        None => diag.help("a parameter is a `string`, a `number` or a `list` of strings: `param Stage string { default = \"dev\" }`"),
                    };
                    self.error(diag);
                    ParamType::String
                }
            },
            _ => ParamType::String,
        };
        let mut p = Props::new(&d.body);
        let default = p.take("default").and_then(|v| self.param_value(ty, v));
        let allowed = p.take("allowed").and_then(|v| {
            let ValueKind::List(items) = &v.kind else {
                self.type_error(
                    v,
                    "a list of values",
                    "write `allowed = [\"dev\", \"prod\"]`",
                );
                return None;
            };
            let values: Option<Vec<ParamValue>> = items
                .iter()
                .map(|i| self.param_value(ty, i).map(|s| s.value))
                .collect();
            Some(Spanned::new(values?, v.span))
        });
        let description = p.take("description").and_then(|v| self.expect_string(v));
        let secret = p
            .take("secret")
            .and_then(|v| self.expect_bool(v))
            .unwrap_or(false);
        let pattern = p.take("pattern").and_then(|v| self.expect_string(v));
        let min_length = p.take("min_length").and_then(|v| self.expect_int(v));
        let max_length = p.take("max_length").and_then(|v| self.expect_int(v));
        let min = p.take("min").and_then(|v| self.expect_number(v));
        let max = p.take("max").and_then(|v| self.expect_number(v));
        let import = p.take("import").and_then(|v| self.expect_text(v));
        self.other_members(&d.body, "a param");
        p.finish(self, "a param");
        // An imported value is what the other stack exports: nothing about
        // it is given or constrained here.
        if let Some(i) = &import {
            let given = [
                ("default", default.as_ref().map(|x| x.span)),
                ("allowed", allowed.as_ref().map(|x| x.span)),
                ("pattern", pattern.as_ref().map(|x| x.span)),
                ("min_length", min_length.as_ref().map(|x| x.span)),
                ("max_length", max_length.as_ref().map(|x| x.span)),
                ("min", min.as_ref().map(|x| x.span)),
                ("max", max.as_ref().map(|x| x.span)),
            ];
            for (key, span) in given.into_iter().filter_map(|(k, s)| Some((k, s?))) {
                self.error(
                    Diagnostic::new(
                        Code::E0105,
                        span,
                        format!("`{key}` does not apply to an imported value"),
                    )
                    .label("the exporting stack sets the value")
                    .with(i.span, "imported here")
                    .help(format!(
                        "remove `{key}`, or `import` to make `{}` a parameter given at deploy time",
                        d.name.name
                    )),
                );
            }
            if ty != ParamType::String {
                self.error(
                    Diagnostic::new(
                        Code::E0201,
                        d.name.span,
                        format!("`{}` imports an export, which is a string", d.name.name),
                    )
                    .label("exports are strings")
                    .with(i.span, "imported here")
                    .help(format!(
                        "declare `param {} string {{ import = ... }}`",
                        d.name.name
                    )),
                );
            }
        }
        // A constraint of the other type: CloudFormation rejects the
        // template (`MinValue` on a `String`, `AllowedPattern` on a
        // `Number`).
        let misplaced: Vec<(&str, Span)> = match ty {
            ParamType::String => [
                ("min", min.as_ref().map(|m| m.span)),
                ("max", max.as_ref().map(|m| m.span)),
            ]
            .into_iter()
            .filter_map(|(k, s)| Some((k, s?)))
            .collect(),
            ParamType::Number => [
                ("pattern", pattern.as_ref().map(|m| m.span)),
                ("min_length", min_length.as_ref().map(|m| m.span)),
                ("max_length", max_length.as_ref().map(|m| m.span)),
            ]
            .into_iter()
            .filter_map(|(k, s)| Some((k, s?)))
            .collect(),
            // CloudFormation would apply these to each item, or not at
            // all: a list takes its items as they come.
            ParamType::List => [
                ("allowed", allowed.as_ref().map(|m| m.span)),
                ("pattern", pattern.as_ref().map(|m| m.span)),
                ("min_length", min_length.as_ref().map(|m| m.span)),
                ("max_length", max_length.as_ref().map(|m| m.span)),
                ("min", min.as_ref().map(|m| m.span)),
                ("max", max.as_ref().map(|m| m.span)),
            ]
            .into_iter()
            .filter_map(|(k, s)| Some((k, s?)))
            .collect(),
        };
        for (key, span) in misplaced {
            let (this, other, fits) = match ty {
                ParamType::String => (
                    "string",
                    "number",
                    "`min_length`, `max_length`, `pattern`, `allowed` and `default`",
                ),
                ParamType::Number => ("number", "string", "`min`, `max`, `allowed` and `default`"),
                ParamType::List => (
                    "list",
                    "single value",
                    "no constraint: `default`, `description` and `secret`",
                ),
            };
            self.error(
                Diagnostic::new(
                    Code::E0213,
                    span,
                    format!(
                        "`{key}` constrains a {other}, and `{}` is a {this}",
                        d.name.name
                    ),
                )
                .label(format!("not for a {this}"))
                .help(format!("a {this} parameter takes {fits}")),
            );
        }
        Param {
            name: d.name.name.clone(),
            span: d.name.span,
            ty,
            default,
            description,
            secret,
            allowed: allowed.filter(|_| ty != ParamType::List),
            pattern: pattern.filter(|_| ty != ParamType::List),
            min_length: min_length.filter(|_| ty != ParamType::List),
            max_length: max_length.filter(|_| ty != ParamType::List),
            min: min.filter(|_| ty == ParamType::Number),
            max: max.filter(|_| ty == ParamType::Number),
            import,
        }
    }

    fn param_value(&mut self, ty: ParamType, v: &ast::Value) -> Option<Spanned<ParamValue>> {
        match (ty, &v.kind) {
            (ParamType::String, ValueKind::Str(s)) => {
                Some(Spanned::new(ParamValue::Str(s.clone()), v.span))
            }
            (ParamType::Number, ValueKind::Int(i)) => {
                Some(Spanned::new(ParamValue::Num(*i as f64), v.span))
            }
            (ParamType::Number, ValueKind::Number(n)) => {
                Some(Spanned::new(ParamValue::Num(*n), v.span))
            }
            // A `list`'s default: its items, which CloudFormation takes as
            // one text, separated by commas.
            (ParamType::List, ValueKind::List(items)) => {
                let mut texts = Vec::new();
                for i in items {
                    let s = self.expect_string(i)?;
                    if s.value.contains(',') {
                        self.error(
                            Diagnostic::new(Code::E0213, s.span, "an item of a `list` parameter cannot hold a comma")
                                .label("CloudFormation would split it here")
                                .help("CloudFormation gives a list parameter as one text separated by commas: write the parts as items of their own"),
                        );
                        return None;
                    }
                    texts.push(s.value);
                }
                Some(Spanned::new(ParamValue::Str(texts.join(",")), v.span))
            }
            (ParamType::List, _) => {
                self.type_error(
                    v,
                    "a list of strings",
                    "write `[\"https://a.example.com\", \"https://b.example.com\"]`",
                );
                None
            }
            (ParamType::String, _) => {
                self.type_error(v, "a string", "put the value in double quotes");
                None
            }
            (ParamType::Number, _) => {
                self.type_error(
                    v,
                    "a number",
                    "write a number without quotes or unit, e.g. `10`",
                );
                None
            }
        }
    }

    fn expect_number(&mut self, v: &ast::Value) -> Option<Spanned<f64>> {
        self.number_or(v, "write a number without quotes or unit, e.g. `10`")
    }

    /// A number (an integer counts), or E0201 with `help`.
    pub(super) fn number_or(&mut self, v: &ast::Value, help: &str) -> Option<Spanned<f64>> {
        match v.kind {
            ValueKind::Int(i) => Some(Spanned::new(i as f64, v.span)),
            ValueKind::Number(n) => Some(Spanned::new(n, v.span)),
            _ => {
                self.type_error(v, "a number", help);
                None
            }
        }
    }

    /// A string where parameters may go: a string literal whose `${Name}`
    /// references are checked (a declared `param`, or a pseudo parameter
    /// such as `${AWS::Region}`; `${!Text}` is CloudFormation's literal
    /// `${Text}`), or the bare name of a `param`, read as `"${Name}"`.
    pub(super) fn expect_text(&mut self, v: &ast::Value) -> Option<Spanned<String>> {
        match &v.kind {
            ValueKind::Str(s) => {
                let ok = self.references(s, v.span);
                ok.then(|| Spanned::new(s.clone(), v.span))
            }
            ValueKind::Path(path) if self.is_param(path) => {
                let name = &path.head().name;
                self.used.insert(name.clone());
                if self.list_params.contains(name) {
                    self.list_param_misplaced(name, v.span);
                    return None;
                }
                Some(Spanned::new(format!("${{{name}}}"), v.span))
            }
            _ => self.expect_string(v),
        }
    }

    /// A number property written as a `param`'s name (`delay = Delay`):
    /// recorded, and a placeholder value returned at `v`'s span, which
    /// [`Resolver::param_values`] replaces with the parameter's default
    /// once every declaration is resolved (a `param` may come later in the
    /// spec). None when `v` is not a `param`'s name.
    pub(super) fn number_param(
        &mut self,
        v: &ast::Value,
        decl: &str,
        prop: NumProp,
    ) -> Option<Spanned<u64>> {
        let ValueKind::Path(path) = &v.kind else {
            return None;
        };
        if !self.is_param(path) {
            return None;
        }
        let name = path.head().name.clone();
        self.used.insert(name.clone());
        self.model.param_uses.push(ParamUse {
            decl: decl.to_string(),
            prop,
            param: Spanned::new(name, v.span),
        });
        Some(Spanned::new(0, v.span))
    }

    /// Gives each number property that a `param` gives the parameter's
    /// default, which the checks then judge (the parameter's other values
    /// are judged against the property's range by `check::params`). A
    /// string parameter, or one without a default, is reported.
    pub(super) fn param_values(&mut self) {
        let uses = std::mem::take(&mut self.model.param_uses);
        let mut kept = Vec::with_capacity(uses.len());
        for u in uses {
            let Some(p) = self.model.params.iter().find(|p| p.name == u.param.value) else {
                continue;
            };
            let span = u.param.span;
            let value = self
                .param_default(p.clone(), &u)
                .map(|v| Spanned::new(v, span));
            let ok = value.is_some();
            // Without a usable default, the property takes AWS's default
            // (or none), so that nothing else is reported about it.
            let value = value.or_else(|| u.prop.aws_default().map(|v| Spanned::new(v, span)));
            match u.prop {
                NumProp::QueueVisibility
                | NumProp::QueueRetention
                | NumProp::QueueDelay
                | NumProp::QueueReceiveWait
                | NumProp::QueueMaxMessageSize => {
                    if let Some(q) = self.model.queues.iter_mut().find(|q| q.name == u.decl) {
                        match (u.prop, value) {
                            (NumProp::QueueVisibility, Some(v)) => q.visibility = v,
                            (NumProp::QueueRetention, Some(v)) => q.retention = v,
                            (NumProp::QueueDelay, v) => q.delay = v,
                            (NumProp::QueueReceiveWait, v) => q.receive_wait = v,
                            (NumProp::QueueMaxMessageSize, v) => q.max_message_size = v,
                            _ => {}
                        }
                    }
                }
                NumProp::FunctionMemory | NumProp::FunctionTimeout => {
                    if let (Some(f), Some(v)) = (
                        self.model.functions.iter_mut().find(|f| f.name == u.decl),
                        value,
                    ) {
                        if u.prop == NumProp::FunctionMemory {
                            f.memory = v;
                        } else {
                            f.timeout = v;
                        }
                    }
                }
            }
            if ok {
                kept.push(u);
            }
        }
        self.model.param_uses = kept;
    }

    /// The default of number parameter `p` as the value of `u`'s property,
    /// or None (reported) when it has none or it is not a whole number.
    fn param_default(&mut self, p: Param, u: &ParamUse) -> Option<u64> {
        let key = u.prop.key();
        if p.ty != ParamType::Number {
            self.error(
                Diagnostic::new(
                    Code::E0201,
                    u.param.span,
                    format!(
                        "`{key}` takes a number, but param `{}` is a {}",
                        p.name,
                        p.ty.word()
                    ),
                )
                .label(format!("a {} parameter", p.ty.word()))
                .with(p.span, "declared here")
                .help(format!(
                    "declare `param {} number {{ ... }}`, its value in {}",
                    p.name,
                    u.prop.unit()
                )),
            );
            return None;
        }
        let default = match p.default.as_ref().map(|d| &d.value) {
            Some(ParamValue::Num(n)) => *n,
            _ => {
                self.error(
                    Diagnostic::new(
                        Code::E0107,
                        u.param.span,
                        format!("param `{}` has no `default`, which `{key}` needs", p.name),
                    )
                    .label("no default value")
                    .with(p.span, "declared here")
                    .help(format!(
                        "add `default = N` (in {}) to param `{}`: slsc checks the app with it",
                        u.prop.unit(),
                        p.name
                    )),
                );
                return None;
            }
        };
        if default < 0.0 || default.fract() != 0.0 || default > u64::MAX as f64 {
            self.error(
                Diagnostic::new(
                    Code::E0201,
                    u.param.span,
                    format!(
                        "`{key}` takes a whole number of {}; the default of param `{}` is {default}",
                        u.prop.unit(),
                        p.name
                    ),
                )
                .label("not a whole, positive number")
                .with(p.span, "declared here")
                .help(format!("give param `{}` a whole `default`", p.name)),
            );
            return None;
        }
        Some(default as u64)
    }

    /// Whether `path` is the bare name of a `param`.
    pub(super) fn is_param(&self, path: &ast::Path) -> bool {
        path.parts.len() == 1
            && self
                .symbols
                .get(&path.head().name)
                .is_some_and(|s| s.kind == DeclKind::Param)
    }

    /// Checks the `${...}` references of `text` (written at `span`); false
    /// when one is wrong (reported).
    pub(super) fn references(&mut self, text: &str, whole: Span) -> bool {
        let mut ok = true;
        // Without escapes the literal is the text between its quotes, so a
        // reference can be pointed at exactly.
        let exact = whole.len() == text.len() + 2;
        let mut from = 0;
        for name in references(text) {
            let at = text[from..].find(&format!("${{{name}}}")).map(|i| i + from);
            let span = match at {
                Some(i) if exact => {
                    from = i + name.len() + 3;
                    let start = whole.start as usize + 1 + i + 2;
                    Span::new(whole.file, start, start + name.len())
                }
                _ => whole,
            };
            if name.starts_with('!') {
                continue;
            }
            if name.starts_with("AWS::") {
                if !PSEUDO.contains(&name) {
                    let mut d = Diagnostic::new(
                        Code::E0101,
                        span,
                        format!("unknown pseudo parameter `{name}`"),
                    )
                    .label("not a CloudFormation pseudo parameter");
                    d = match did_you_mean(name, PSEUDO.iter().copied()) {
                        Some(s) => d.help(format!("did you mean `${{{s}}}`?")),
                        None => d.help(format!("the pseudo parameters are {}", PSEUDO.join(", "))),
                    };
                    self.error(d);
                    ok = false;
                }
                continue;
            }
            // In a `resource`'s properties, `${Cdn}` and `${Cdn.DomainName}`
            // name another `resource` (its `Ref`, or an attribute).
            let (head, attr) = name.split_once('.').unwrap_or((name, ""));
            if self.in_raw && self.raw_types.contains_key(head) {
                self.used.insert(head.to_string());
                let ty = self.raw_types.get(head).map_or("", String::as_str);
                let attrs = super::raw::attributes(ty);
                if !attr.is_empty() && !attrs.iter().any(|a| a.word() == attr) {
                    let words = attrs.iter().skip(1).map(|a| a.word());
                    let mut d = Diagnostic::new(
                        Code::E0108,
                        span,
                        format!("`{ty}` has no attribute `{attr}`"),
                    )
                    .label("unknown attribute");
                    d = match did_you_mean(attr, words) {
                        Some(s) => d.help(format!("did you mean `${{{head}.{s}}}`?")),
                        None => d.help(format!("`${{{head}}}` is its `Ref`; its attributes are those `Fn::GetAtt` takes")),
                    };
                    self.error(d);
                    ok = false;
                }
                continue;
            }
            // There too, `${Orders}` is what `Ref` returns for the main
            // resource of a declaration (a REST API's id, a queue's URL).
            let declared = self.symbols.get(head).map(|s| s.kind);
            if self.in_raw
                && declared.is_some_and(|k| super::raw::WITH_RESOURCE.contains(&k))
                && head != "default"
            {
                self.used.insert(head.to_string());
                if !attr.is_empty() {
                    self.error(
                        Diagnostic::new(
                            Code::E0108,
                            span,
                            format!("`${{{name}}}`: only a `resource`'s attributes can be named in a string"),
                        )
                        .label("attribute of a declaration")
                        .help(format!("`${{{head}}}` is its `Ref`; for an attribute, write it as a value (`{name}`) rather than in a string")),
                    );
                    ok = false;
                }
                continue;
            }
            if self.lookup(name, span, &[DeclKind::Param]).is_none() {
                ok = false;
            } else if self.list_params.contains(name) {
                self.list_param_misplaced(name, span);
                ok = false;
            }
        }
        ok
    }

    /// E0231: `list` parameter `name`, written at `span`, where one string
    /// goes.
    pub(super) fn list_param_misplaced(&mut self, name: &str, span: Span) {
        self.error(
            Diagnostic::new(
                Code::E0231,
                span,
                format!("`{name}` is a list parameter, and one string goes here"),
            )
            .label("a list of strings")
            .help(format!(
                "use `{name}` where a list of strings goes (a client's `callback_urls = {name}`), or declare it `param {name} string`"
            )),
        );
    }

    /// A list of strings: items where parameters may go, or the bare name
    /// of a `list` parameter for the whole list.
    pub(super) fn string_list(&mut self, v: &ast::Value) -> StringList {
        match &v.kind {
            ValueKind::Path(path)
                if self.is_param(path) && self.list_params.contains(&path.head().name) =>
            {
                self.used.insert(path.head().name.clone());
                StringList::Param(Spanned::new(path.head().name.clone(), v.span))
            }
            // An item in error still counts (as empty), so that the list
            // is not also reported as missing.
            ValueKind::List(items) => StringList::Items(
                items
                    .iter()
                    .map(|i| {
                        self.expect_text(i)
                            .unwrap_or_else(|| Spanned::new(String::new(), i.span))
                    })
                    .collect(),
            ),
            _ => {
                self.type_error(
                    v,
                    "a list of strings",
                    "write `[\"a\", \"b\"]`, or the name of a `list` parameter",
                );
                StringList::default()
            }
        }
    }
}
