//! Lowering pest pairs into the owned AST.
//!
//! Pest types stop here. Spans are shifted by `base`, the offset at which the
//! driver started parsing the current item. Literal errors (an integer too
//! large, a bad escape) are reported as `E0002`.

use super::Rule;
use crate::ast::*;
use crate::diagnostics::Code;
use crate::diagnostics::Diagnostic;
use crate::source::{FileId, Span};
use pest::iterators::Pair;

type P<'a> = Pair<'a, Rule>;
/// Lowering stops at the first bad literal of an item; boxed to keep the
/// happy path small.
type Result<T> = std::result::Result<T, Box<Diagnostic>>;

/// A lowered top-level item.
#[derive(Clone)]
pub(super) enum Item {
    Use(Use),
    Decl(Decl),
}

impl crate::ast::Respan for Item {
    fn respan(&mut self, m: crate::ast::Move) {
        match self {
            Item::Use(u) => u.respan(m),
            Item::Decl(d) => d.respan(m),
        }
    }
}

/// Lowers the pairs of one item.
pub(super) struct Lowerer {
    pub file: FileId,
    pub base: usize,
    /// The end of the text the item was read from: closers that recovery
    /// adds after it (for a `{` left open) are not in the file, and no
    /// span reaches into them.
    pub limit: usize,
    /// Problems that do not stop the item from lowering (a bad escape keeps
    /// its string), so that its declaration still exists for later stages.
    pub soft: std::cell::RefCell<Vec<Diagnostic>>,
}

impl Lowerer {
    /// The span of a pair without trailing white space: rules with an
    /// optional tail (`match E` without `where`) match the space before it.
    fn span(&self, p: &P) -> Span {
        let start = self.base + p.as_span().start();
        let mut text = p.as_str();
        if start + text.len() > self.limit {
            // Only the closers recovery added are past the limit (ASCII).
            text = &text[..self.limit.saturating_sub(start).min(text.len())];
        }
        let len = text.trim_end().len();
        Span::new(self.file, start.min(self.limit), start + len)
    }

    fn ident(&self, p: P) -> Ident {
        Ident {
            name: p.as_str().to_string(),
            span: self.span(&p),
        }
    }

    fn path(&self, p: P) -> Path {
        let span = self.span(&p);
        let parts = children(p).map(|i| self.ident(i)).collect();
        Path { parts, span }
    }

    /// A record entry's key: a name, or a string (`"aws:SourceArn"`).
    fn entry_key(&self, p: P) -> Result<Ident> {
        if p.as_rule() == Rule::string {
            let s = self.string(p)?;
            return Ok(Ident {
                name: s.value,
                span: s.span,
            });
        }
        Ok(self.ident(p))
    }

    fn string(&self, p: P) -> Result<Str> {
        let span = self.span(&p);
        let raw = children(p).next().map_or("", |r| r.as_str());
        let value = unescape(raw).unwrap_or_else(|| {
            self.soft.borrow_mut().push(
                Diagnostic::new(Code::E0002, span, "invalid escape in string")
                    .label("unknown escape, or `\\u{...}` of no Unicode character")
                    .help("valid escapes are \\\" \\\\ \\n \\t \\r \\/ and \\u{hex}; write \\\\ for a backslash"),
            );
            raw.to_string()
        });
        Ok(Str { value, span })
    }

    pub(super) fn item(&self, p: P) -> Result<Item> {
        let span = self.span(&p);
        let rule = p.as_rule();
        let mut inner = children(p);
        if rule == Rule::use_decl {
            let t = inner.next().expect("use target");
            let target = match t.as_rule() {
                Rule::string => UseTarget::File(self.string(t)?),
                _ => UseTarget::Module(self.path(t)),
            };
            return Ok(Item::Use(Use { target, span }));
        }
        let kind = match rule {
            Rule::app_decl => DeclKind::App,
            Rule::type_decl => DeclKind::Type,
            Rule::event_decl => DeclKind::Event,
            Rule::function_decl => DeclKind::Function,
            Rule::api_decl => DeclKind::Api,
            Rule::rule_decl => DeclKind::Rule,
            Rule::schedule_decl => DeclKind::Schedule,
            Rule::queue_decl => DeclKind::Queue,
            Rule::topic_decl => DeclKind::Topic,
            Rule::bus_decl => DeclKind::Bus,
            Rule::table_decl => DeclKind::Table,
            Rule::stream_decl => DeclKind::Stream,
            Rule::state_machine_decl => DeclKind::StateMachine,
            Rule::secret_decl => DeclKind::Secret,
            Rule::parameter_decl => DeclKind::Parameter,
            Rule::param_decl => DeclKind::Param,
            Rule::userpool_decl => DeclKind::UserPool,
            Rule::resource_decl => DeclKind::Resource,
            Rule::condition_decl => DeclKind::Condition,
            Rule::pipe_decl => DeclKind::Pipe,
            Rule::schedule_group_decl => DeclKind::ScheduleGroup,
            Rule::layer_decl => DeclKind::Layer,
            Rule::stage_decl => DeclKind::Stage,
            Rule::alarm_decl => DeclKind::Alarm,
            _ => DeclKind::Bucket,
        };
        let name = self.ident(inner.next().expect("declaration name"));
        let mut decl = Decl {
            kind,
            name,
            header: Header::None,
            body: Vec::new(),
            fields: Vec::new(),
            span,
            recovered: Vec::new(),
        };
        let mut source = None;
        let mut detail_type = None;
        let mut external = false;
        for part in inner {
            match part.as_rule() {
                Rule::body => decl.body = self.body(part)?,
                Rule::fields => decl.fields = self.fields(part)?,
                Rule::string if kind == DeclKind::Event => source = Some(self.string(part)?),
                Rule::detail_type => {
                    detail_type = Some(self.string(part.into_inner().next().expect("detail type"))?)
                }
                Rule::kw_external => external = true,
                Rule::message_type => {
                    if let Some(path) = children(part).next() {
                        decl.header = Header::Message {
                            message: self.path(path),
                        };
                    }
                }
                Rule::string if kind == DeclKind::Resource => {
                    decl.header = Header::Resource {
                        ty: self.string(part)?,
                    }
                }
                Rule::cond_expr => {
                    decl.header = Header::Condition {
                        expr: self.cond_expr(part)?,
                    }
                }
                Rule::ident if kind == DeclKind::Param => {
                    decl.header = Header::Param {
                        ty: self.ident(part),
                    }
                }
                Rule::ident if kind == DeclKind::Api => {
                    decl.header = Header::Api {
                        protocol: self.ident(part),
                    }
                }
                Rule::path if kind == DeclKind::Rule => {
                    decl.header = Header::Rule {
                        bus: self.path(part),
                    }
                }
                Rule::schedule_expr => {
                    let e = children(part).next().expect("schedule form");
                    let is_every = e.as_rule() == Rule::schedule_every;
                    let arg = children(e).next().expect("schedule argument");
                    let expr = if is_every {
                        ScheduleExpr::Every(self.value_atom(arg)?)
                    } else {
                        ScheduleExpr::Cron(self.string(arg)?)
                    };
                    decl.header = Header::Schedule {
                        expr,
                        target: Path {
                            parts: Vec::new(),
                            span,
                        },
                    };
                }
                // `from SOURCE [where ...] -> TARGET`: the first path is the
                // source, the second the target.
                Rule::path if kind == DeclKind::Pipe => {
                    let path = self.path(part);
                    match &mut decl.header {
                        Header::Pipe { target, .. } => *target = path,
                        _ => {
                            decl.header = Header::Pipe {
                                source: path,
                                filter: None,
                                target: Path {
                                    parts: Vec::new(),
                                    span,
                                },
                            }
                        }
                    }
                }
                Rule::expr if kind == DeclKind::Pipe => {
                    let e = self.expr(part)?;
                    if let Header::Pipe { filter, .. } = &mut decl.header {
                        *filter = Some(Box::new(e));
                    }
                }
                Rule::path if kind == DeclKind::Schedule => {
                    if let Header::Schedule { target, .. } = &mut decl.header {
                        *target = self.path(part);
                    }
                }
                _ => {}
            }
        }
        if kind == DeclKind::Event {
            decl.header = Header::Event {
                source,
                detail_type,
                external,
            };
        }
        Ok(Item::Decl(decl))
    }

    fn fields(&self, p: P) -> Result<Vec<Field>> {
        children(p).map(|f| self.field(f)).collect()
    }

    fn field(&self, p: P) -> Result<Field> {
        let span = self.span(&p);
        let mut name = None;
        let mut optional = false;
        let mut ty = None;
        for part in children(p) {
            match part.as_rule() {
                Rule::ident => name = Some(self.ident(part)),
                Rule::string => {
                    let s = self.string(part)?;
                    name = Some(Ident {
                        name: s.value,
                        span: s.span,
                    });
                }
                Rule::QMARK => optional = true,
                Rule::type_expr => ty = Some(self.type_expr(part)?),
                _ => {}
            }
        }
        Ok(Field {
            name: name.expect("field name"),
            optional,
            ty: ty.expect("field type"),
            span,
        })
    }

    fn type_expr(&self, p: P) -> Result<TypeExpr> {
        let span = self.span(&p);
        let mut parts = children(p);
        let inner = parts.next().expect("type form");
        let mut constraints = Vec::new();
        if let Some(c) = parts.next() {
            for e in children(c).filter(|x| x.as_rule() == Rule::entry) {
                let mut it = children(e);
                let key = self.entry_key(it.next().expect("constraint name"))?;
                let v = it
                    .find(|x| x.as_rule() == Rule::value)
                    .expect("constraint value");
                constraints.push((key, self.value(v)?));
            }
        }
        let kind = match inner.as_rule() {
            Rule::type_union => TypeExprKind::Enum(
                children(inner)
                    .filter(|x| x.as_rule() == Rule::string)
                    .map(|s| self.string(s))
                    .collect::<Result<_>>()?,
            ),
            Rule::type_list => {
                let t = children(inner)
                    .find(|x| x.as_rule() == Rule::type_expr)
                    .expect("list element type");
                TypeExprKind::List(Box::new(self.type_expr(t)?))
            }
            Rule::type_record => {
                let f = children(inner)
                    .find(|x| x.as_rule() == Rule::fields)
                    .expect("record fields");
                TypeExprKind::Record(self.fields(f)?)
            }
            _ => TypeExprKind::Named(self.ident(inner)),
        };
        Ok(TypeExpr {
            kind,
            constraints,
            span,
        })
    }

    fn body(&self, p: P) -> Result<Vec<Member>> {
        children(p)
            .filter(|m| m.as_rule() == Rule::member)
            .map(|m| self.member(m))
            .collect()
    }

    fn opt_body(&self, p: Option<P>) -> Result<Vec<Member>> {
        p.map_or(Ok(Vec::new()), |b| self.body(b))
    }

    fn member(&self, p: P) -> Result<Member> {
        let span = self.span(&p);
        let m = children(p).next().expect("member form");
        let rule = m.as_rule();
        let mut parts = children(m);
        let kind = match rule {
            Rule::property => {
                let key = self.ident(parts.next().expect("key"));
                let value =
                    self.value(parts.find(|x| x.as_rule() == Rule::value).expect("value"))?;
                let when = match parts.find(|x| x.as_rule() == Rule::prop_if) {
                    Some(c) => Some(self.prop_if(c)?),
                    None => None,
                };
                MemberKind::Property { key, value, when }
            }
            Rule::block => {
                let key = self.ident(parts.next().expect("key"));
                MemberKind::Block {
                    key,
                    body: self.body(parts.next().expect("block body"))?,
                }
            }
            Rule::verb => {
                let v = parts.next().expect("verb form");
                let verb = match v.as_rule() {
                    Rule::verb_reads => VerbKind::Reads,
                    Rule::verb_writes => VerbKind::Writes,
                    Rule::verb_deletes => VerbKind::Deletes,
                    Rule::verb_sends => VerbKind::SendsTo,
                    Rule::verb_publishes => VerbKind::PublishesTo,
                    Rule::verb_emits => VerbKind::Emits,
                    Rule::verb_answers => VerbKind::Answers,
                    _ => VerbKind::Invokes,
                };
                let vspan = self.span(&v);
                let verb_span = Span {
                    end: vspan.start + verb.text().len() as u32,
                    ..vspan
                };
                let mut targets = Vec::new();
                let mut bus = None;
                let mut message = None;
                let mut prefixes = Vec::new();
                for x in children(v) {
                    match x.as_rule() {
                        Rule::path_list => targets.extend(children(x).map(|p| self.path(p))),
                        Rule::scoped_list => {
                            for sc in children(x) {
                                let mut it = children(sc);
                                targets.push(self.path(it.next().expect("target")));
                                prefixes.push(it.next().map(|s| self.string(s)).transpose()?);
                            }
                        }
                        Rule::path => bus = Some(self.path(x)),
                        Rule::message_type => {
                            message = children(x).next().map(|p| self.path(p));
                        }
                        _ => {}
                    }
                }
                MemberKind::Verb {
                    verb,
                    verb_span,
                    targets,
                    prefixes,
                    bus,
                    message,
                }
            }
            Rule::trigger => {
                let source = self.path(parts.find(|x| x.as_rule() == Rule::path).expect("source"));
                let mut filter = None;
                let mut body = None;
                for x in parts {
                    match x.as_rule() {
                        Rule::expr => filter = Some(self.expr(x)?),
                        Rule::opt_body | Rule::body => body = Some(x),
                        _ => {}
                    }
                }
                MemberKind::On {
                    source,
                    filter,
                    body: self.opt_body(body)?,
                }
            }
            Rule::route => {
                let first = parts.next().expect("method");
                // `$default` is read as the method `ANY` and the path
                // `$default`, which is the route key API Gateway uses.
                let (method, path) = if first.as_rule() == Rule::default_route {
                    let span = self.span(&first);
                    (
                        Ident {
                            name: "ANY".into(),
                            span,
                        },
                        Str {
                            value: DEFAULT_ROUTE.into(),
                            span,
                        },
                    )
                } else {
                    let path_pair = parts.next().expect("route path");
                    (
                        self.ident(first),
                        Str {
                            value: path_pair.as_str().to_string(),
                            span: self.span(&path_pair),
                        },
                    )
                };
                let next = parts
                    .find(|x| {
                        matches!(x.as_rule(), Rule::path | Rule::route_send | Rule::route_url)
                    })
                    .expect("target");
                let to = match next.as_rule() {
                    Rule::route_send => {
                        let mut inner = next.into_inner();
                        let keyword = self.span(&inner.next().expect("send"));
                        let mut message = None;
                        let mut target = None;
                        for p in inner {
                            match p.as_rule() {
                                Rule::message_type => {
                                    message = Some(self.path(p.into_inner().next().expect("type")));
                                }
                                Rule::path => target = Some(self.path(p)),
                                _ => {}
                            }
                        }
                        RouteTo::Send {
                            keyword,
                            message,
                            target: target.expect("send target"),
                        }
                    }
                    Rule::route_url => {
                        RouteTo::Url(self.string(next.into_inner().next().expect("url"))?)
                    }
                    _ => RouteTo::Function(self.path(next)),
                };
                MemberKind::Route {
                    method,
                    path,
                    to,
                    body: self.opt_body(parts.next())?,
                }
            }
            Rule::matcher => {
                let event = self.path(parts.next().expect("event"));
                let filter = parts
                    .find(|x| x.as_rule() == Rule::expr)
                    .map(|e| self.expr(e))
                    .transpose()?;
                MemberKind::Match { event, filter }
            }
            Rule::allow => {
                let mut values =
                    parts.filter(|x| x.as_rule() == Rule::value || x.as_rule() == Rule::body);
                let actions = self.value(values.next().expect("actions"))?;
                let resources = self.value(values.next().expect("resources"))?;
                MemberKind::Allow {
                    actions,
                    resources,
                    body: self.opt_body(values.next())?,
                }
            }
            Rule::fields_block => {
                let key = self.ident(parts.next().expect("block name"));
                let f = parts.find(|x| x.as_rule() == Rule::fields).expect("fields");
                MemberKind::Fields {
                    key,
                    fields: self.fields(f)?,
                }
            }
            Rule::responses => MemberKind::Responses(
                parts
                    .filter(|x| x.as_rule() == Rule::response)
                    .map(|r| {
                        let mut it = children(r);
                        let status = self.ident(it.next().expect("status"));
                        let ty = it
                            .find(|x| x.as_rule() == Rule::path)
                            .expect("response type");
                        (status, self.path(ty))
                    })
                    .collect(),
            ),
            Rule::send_to | Rule::subscribe => {
                let target = self.path(parts.find(|x| x.as_rule() == Rule::path).expect("target"));
                let mut next = parts.next();
                if next.as_ref().is_some_and(|p| p.as_rule() == Rule::kw_where) {
                    next = parts.next();
                }
                let filter = match next.as_ref().map(|p| p.as_rule()) {
                    Some(Rule::expr) => {
                        let e = self.expr(next.take().expect("filter"))?;
                        next = parts.next();
                        Some(e)
                    }
                    _ => None,
                };
                let body = self.opt_body(next)?;
                if rule == Rule::send_to {
                    MemberKind::SendTo { target, body }
                } else {
                    MemberKind::Subscribe {
                        target,
                        filter,
                        body,
                    }
                }
            }
            _ => unreachable!("member rule {rule:?}"),
        };
        Ok(Member { kind, span })
    }

    /// `if Cond [else Other]` after a property's value.
    fn prop_if(&self, p: P) -> Result<PropIf> {
        let span = self.span(&p);
        let mut cond = None;
        let mut otherwise = None;
        for part in children(p) {
            match part.as_rule() {
                Rule::path => cond = Some(self.path(part)),
                Rule::value => otherwise = Some(self.value(part)?),
                _ => {}
            }
        }
        Ok(PropIf {
            cond: cond.expect("condition name"),
            otherwise,
            span,
        })
    }

    /// A `condition`'s expression: `or` of `and` of tests, `not`, names.
    fn cond_expr(&self, p: P) -> Result<CondExpr> {
        let span = self.span(&p);
        match p.as_rule() {
            Rule::cond_expr | Rule::cond_and => {
                let is_or = p.as_rule() == Rule::cond_expr;
                let mut parts = children(p)
                    .filter(|x| !matches!(x.as_rule(), Rule::kw_or | Rule::kw_and))
                    .map(|x| self.cond_expr(x))
                    .collect::<Result<Vec<_>>>()?;
                Ok(match (parts.len(), is_or) {
                    (1, _) => parts.pop().expect("one part"),
                    (_, true) => CondExpr::Or(parts),
                    (_, false) => CondExpr::And(parts),
                })
            }
            Rule::cond_unary => {
                let inner = children(p)
                    .find(|x| !matches!(x.as_rule(), Rule::LPAREN | Rule::RPAREN))
                    .expect("condition form");
                self.cond_expr(inner)
            }
            Rule::cond_not => {
                let inner = children(p)
                    .find(|x| x.as_rule() == Rule::cond_unary)
                    .expect("negated condition");
                Ok(CondExpr::Not(Box::new(self.cond_expr(inner)?)))
            }
            Rule::cond_ref => Ok(CondExpr::Ref(
                self.path(children(p).next().expect("condition name")),
            )),
            Rule::cond_test => {
                let mut it = children(p);
                let left = self.cond_operand(it.next().expect("tested operand"))?;
                let op = it.next().expect("test operator");
                // `in` itself is dropped with the other keywords.
                if matches!(op.as_rule(), Rule::kw_in | Rule::list) {
                    let list = if op.as_rule() == Rule::list {
                        op
                    } else {
                        it.next().expect("list of values")
                    };
                    let values = children(list)
                        .filter(|x| x.as_rule() == Rule::value)
                        .map(|v| {
                            let inner = children(v).next().expect("value form");
                            self.cond_operand_atom(inner)
                        })
                        .collect::<Result<Vec<_>>>()?;
                    return Ok(CondExpr::In {
                        operand: left,
                        values,
                        span,
                    });
                }
                let negated = op.as_str() == "!=";
                let right = self.cond_operand(it.next().expect("compared operand"))?;
                Ok(CondExpr::Equals {
                    left,
                    right,
                    negated,
                    span,
                })
            }
            other => unreachable!("condition rule {other:?}"),
        }
    }

    fn cond_operand(&self, p: P) -> Result<CondOperand> {
        self.cond_operand_atom(children(p).next().expect("operand form"))
    }

    /// A string, number or name in a condition; anything else in a list
    /// after `in` is kept as its text, for `resolve` to report.
    fn cond_operand_atom(&self, p: P) -> Result<CondOperand> {
        let span = self.span(&p);
        Ok(match p.as_rule() {
            Rule::string => CondOperand::Text(self.string(p)?),
            Rule::path => CondOperand::Param(self.path(p)),
            _ => CondOperand::Text(Str {
                value: p.as_str().to_string(),
                span,
            }),
        })
    }

    fn value(&self, p: P) -> Result<Value> {
        let inner = children(p).next().expect("value form");
        self.value_atom(inner)
    }

    fn value_atom(&self, p: P) -> Result<Value> {
        let span = self.span(&p);
        let text = p.as_str();
        let kind = match p.as_rule() {
            Rule::string => ValueKind::Str(self.string(p)?.value),
            Rule::boolean => ValueKind::Bool(text == "true"),
            Rule::number => {
                if text.contains('.') {
                    ValueKind::Number(
                        text.replace('_', "")
                            .parse()
                            .map_err(|_| bad_number(span))?,
                    )
                } else {
                    ValueKind::Int(
                        text.replace('_', "")
                            .parse()
                            .map_err(|_| bad_number(span))?,
                    )
                }
            }
            Rule::duration => {
                let digits: String = text
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || *c == '_')
                    .collect();
                let unit = match &text[digits.len()..] {
                    "ms" => TimeUnit::Millis,
                    "s" => TimeUnit::Seconds,
                    "m" => TimeUnit::Minutes,
                    "h" => TimeUnit::Hours,
                    _ => TimeUnit::Days,
                };
                let n: u64 = digits
                    .replace('_', "")
                    .parse()
                    .map_err(|_| bad_number(span))?;
                n.checked_mul(unit.millis())
                    .ok_or_else(|| bad_number(span))?;
                ValueKind::Duration(n, unit)
            }
            Rule::size => {
                let digits: String = text
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || *c == '_')
                    .collect();
                let unit = match &text[digits.len()..] {
                    "KB" => SizeUnit::Kb,
                    "MB" => SizeUnit::Mb,
                    _ => SizeUnit::Gb,
                };
                let n: u64 = digits
                    .replace('_', "")
                    .parse()
                    .map_err(|_| bad_number(span))?;
                n.checked_mul(unit.bytes())
                    .ok_or_else(|| bad_number(span))?;
                ValueKind::Size(n, unit)
            }
            Rule::percent => ValueKind::Percent(
                text.trim_end_matches('%')
                    .replace('_', "")
                    .parse()
                    .map_err(|_| bad_number(span))?,
            ),
            Rule::rate => {
                let (count, per) = text.split_once('/').unwrap_or((text, "month"));
                let unit = match per {
                    "s" => RateUnit::Second,
                    "m" => RateUnit::Minute,
                    "h" => RateUnit::Hour,
                    "d" => RateUnit::Day,
                    _ => RateUnit::Month,
                };
                let count: f64 = count
                    .replace('_', "")
                    .parse()
                    .map_err(|_| bad_number(span))?;
                ValueKind::Rate(count, unit)
            }
            Rule::fractional => {
                let unit =
                    text.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == '_');
                let smaller = match unit {
                    "d" => "`h`",
                    "h" => "`m`",
                    "m" => "`s`",
                    "s" => "`ms`",
                    "GB" => "`MB`",
                    "MB" => "`KB`",
                    _ => "a smaller unit",
                };
                self.soft.borrow_mut().push(
                    Diagnostic::new(
                        Code::E0201,
                        span,
                        format!("`{text}`: durations and sizes are whole numbers of a unit"),
                    )
                    .label("fraction not allowed")
                    .help(format!("write it in {smaller}, e.g. `1.5d` as `36h`")),
                );
                let whole: u64 = text
                    .split('.')
                    .next()
                    .unwrap_or("0")
                    .replace('_', "")
                    .parse()
                    .unwrap_or(0);
                match unit {
                    "KB" => ValueKind::Size(whole, SizeUnit::Kb),
                    "MB" => ValueKind::Size(whole, SizeUnit::Mb),
                    "GB" => ValueKind::Size(whole, SizeUnit::Gb),
                    "ms" => ValueKind::Duration(whole, TimeUnit::Millis),
                    "s" => ValueKind::Duration(whole, TimeUnit::Seconds),
                    "m" => ValueKind::Duration(whole, TimeUnit::Minutes),
                    "h" => ValueKind::Duration(whole, TimeUnit::Hours),
                    _ => ValueKind::Duration(whole, TimeUnit::Days),
                }
            }
            Rule::path => ValueKind::Path(self.path(p)),
            Rule::list => ValueKind::List(
                children(p)
                    .filter(|x| x.as_rule() == Rule::value)
                    .map(|v| self.value(v))
                    .collect::<Result<_>>()?,
            ),
            Rule::record => ValueKind::Record(
                children(p)
                    .filter(|x| x.as_rule() == Rule::entry)
                    .map(|e| {
                        let mut it = children(e);
                        let key = self.entry_key(it.next().expect("entry key"))?;
                        let v = it
                            .find(|x| x.as_rule() == Rule::value)
                            .expect("entry value");
                        Ok((key, self.value(v)?))
                    })
                    .collect::<Result<_>>()?,
            ),
            Rule::tagged => {
                let mut it = children(p);
                let tag = self.ident(it.next().expect("tag"));
                ValueKind::Tagged(tag, self.body(it.next().expect("tagged body"))?)
            }
            Rule::redrive => {
                let mut it = children(p);
                let queue = self.path(it.next().expect("redrive queue"));
                let count = it
                    .find(|x| x.as_rule() == Rule::value)
                    .expect("redrive count");
                ValueKind::Redrive(queue, Box::new(self.value(count)?))
            }
            r => unreachable!("value rule {r:?}"),
        };
        Ok(Value { kind, span })
    }

    fn expr(&self, p: P) -> Result<Expr> {
        let span = self.span(&p);
        let operands: Vec<Expr> = children(p)
            .filter(|x| x.as_rule() == Rule::and_expr)
            .map(|a| self.and_expr(a))
            .collect::<Result<_>>()?;
        Ok(collapse(operands, span, ExprKind::Or))
    }

    fn and_expr(&self, p: P) -> Result<Expr> {
        let span = self.span(&p);
        let operands: Vec<Expr> = children(p)
            .filter(|x| x.as_rule() == Rule::unary)
            .map(|u| {
                let inner = children(u)
                    .find(|x| matches!(x.as_rule(), Rule::expr | Rule::condition))
                    .expect("unary form");
                if inner.as_rule() == Rule::expr {
                    self.expr(inner)
                } else {
                    self.condition(inner)
                }
            })
            .collect::<Result<_>>()?;
        Ok(collapse(operands, span, ExprKind::And))
    }

    /// A field path; quoted segments become names with their text.
    fn field_path(&self, p: P) -> Result<Path> {
        let span = self.span(&p);
        let mut parts = Vec::new();
        for seg in children(p) {
            let inner = children(seg).next().expect("segment");
            parts.push(if inner.as_rule() == Rule::string {
                let s = self.string(inner)?;
                Ident {
                    name: s.value,
                    span: s.span,
                }
            } else {
                self.ident(inner)
            });
        }
        Ok(Path { parts, span })
    }

    fn condition(&self, p: P) -> Result<Expr> {
        let span = self.span(&p);
        let mut it = children(p);
        let field = self.field_path(it.next().expect("field"))?;
        let t = it.next().expect("test");
        let mut op_span = self.span(&t);
        let flags: Vec<Rule> = children(t.clone()).map(|x| x.as_rule()).collect();
        let negated = flags.contains(&Rule::kw_not);
        let ignore_case = flags.contains(&Rule::ignoring_case);
        let rule = t.as_rule();
        let mut parts =
            children(t).filter(|x| !matches!(x.as_rule(), Rule::kw_not | Rule::ignoring_case));
        let mut text = || -> Result<Str> { self.string(parts.next().expect("test text")) };
        let test = match rule {
            Rule::cmp => {
                let op_pair = parts.next().expect("operator");
                op_span = self.span(&op_pair);
                let op = match op_pair.as_str() {
                    "=" => CmpOp::Eq,
                    "!=" => CmpOp::Ne,
                    ">" => CmpOp::Gt,
                    ">=" => CmpOp::Ge,
                    "<" => CmpOp::Lt,
                    _ => CmpOp::Le,
                };
                let v = self.value(parts.next().expect("compared value"))?;
                Test::Compare(op, v, ignore_case)
            }
            Rule::in_test => {
                let list = parts.find(|x| x.as_rule() == Rule::list).expect("in list");
                let values = match self.value_atom(list)?.kind {
                    ValueKind::List(vs) => vs,
                    _ => Vec::new(),
                };
                Test::In { negated, values }
            }
            Rule::exists_test => Test::Exists(!negated),
            Rule::prefix_test => Test::Prefix {
                negated,
                text: text()?,
                ignore_case,
            },
            Rule::suffix_test => Test::Suffix {
                negated,
                text: text()?,
                ignore_case,
            },
            Rule::wildcard_test => Test::Wildcard {
                negated,
                text: text()?,
            },
            _ => Test::Cidr(text()?),
        };
        Ok(Expr {
            kind: ExprKind::Cond(Condition {
                field,
                test,
                op_span,
            }),
            span,
        })
    }
}

/// Keyword tokens carry no information once parsed (`not` does, and stays).
fn is_keyword(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::kw_to
            | Rule::kw_from
            | Rule::kw_on
            | Rule::kw_where
            | Rule::kw_and
            | Rule::kw_or
            | Rule::kw_in
            | Rule::kw_after
            | Rule::kw_api
            | Rule::kw_app
            | Rule::kw_bucket
            | Rule::kw_secret
            | Rule::kw_parameter
            | Rule::kw_param
            | Rule::kw_bus
            | Rule::kw_cron
            | Rule::kw_emits
            | Rule::kw_event
            | Rule::kw_every
            | Rule::kw_exists
            | Rule::kw_function
            | Rule::kw_invokes
            | Rule::kw_answers
            | Rule::kw_pipe
            | Rule::kw_schedule_group
            | Rule::kw_layer
            | Rule::kw_stage
            | Rule::kw_alarm
            | Rule::kw_match
            | Rule::kw_prefix
            | Rule::kw_publishes
            | Rule::kw_queue
            | Rule::kw_reads
            | Rule::kw_rule
            | Rule::kw_schedule
            | Rule::kw_send
            | Rule::kw_sends
            | Rule::kw_subscribe
            | Rule::kw_suffix
            | Rule::kw_table
            | Rule::kw_stream
            | Rule::kw_state_machine
            | Rule::kw_userpool
            | Rule::kw_condition
            | Rule::kw_if
            | Rule::kw_else
            | Rule::kw_topic
            | Rule::kw_type
            | Rule::kw_use
            | Rule::kw_writes
            | Rule::kw_receives
            | Rule::kw_detail_type
            | Rule::kw_deletes
            | Rule::kw_allow
            | Rule::kw_responses
            | Rule::kw_ignoring
            | Rule::kw_case
            | Rule::kw_matches
            | Rule::kw_cidr
            | Rule::kw_of
            | Rule::kw_resource
    )
}

/// The children of a pair, without keyword tokens.
fn children(p: P<'_>) -> impl Iterator<Item = P<'_>> {
    p.into_inner().filter(|c| !is_keyword(c.as_rule()))
}

fn collapse(mut operands: Vec<Expr>, span: Span, make: fn(Vec<Expr>) -> ExprKind) -> Expr {
    if operands.len() == 1 {
        operands.pop().expect("one operand")
    } else {
        Expr {
            kind: make(operands),
            span,
        }
    }
}

fn bad_number(span: Span) -> Box<Diagnostic> {
    Box::new(
        Diagnostic::new(Code::E0002, span, "number too large")
            .help("use a smaller number, or a larger unit"),
    )
}

/// Resolves escapes; None on an invalid one.
fn unescape(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            '"' => out.push('"'),
            '\\' => out.push('\\'),
            '/' => out.push('/'),
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'u' => {
                let rest: String = chars.by_ref().skip(1).take_while(|c| *c != '}').collect();
                out.push(char::from_u32(u32::from_str_radix(&rest, 16).ok()?)?);
            }
            _ => return None,
        }
    }
    Some(out)
}
