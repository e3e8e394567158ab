//! The surface syntax tree: owned, spanned, free of parser types.
//!
//! It mirrors what the user wrote. Which member is allowed in which
//! declaration, and what a value means, is decided by `resolve`.

mod respan;

use crate::source::Span;
pub(crate) use respan::{Move, Respan};

/// A name as written, with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Ident {
    /// The text of the name.
    pub name: String,
    /// Where it is.
    pub span: Span,
}

/// A dotted reference such as `Orders` or `Orders.name`.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    /// The dot-separated parts; never empty.
    pub parts: Vec<Ident>,
    /// The whole reference.
    pub span: Span,
}

impl Path {
    /// The first part: the declaration (or word) referred to.
    pub fn head(&self) -> &Ident {
        &self.parts[0]
    }

    /// The text as written, parts joined by dots.
    pub fn text(&self) -> String {
        self.parts
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(".")
    }
}

/// A string literal after escape processing.
#[derive(Debug, Clone, PartialEq)]
pub struct Str {
    /// The unescaped value.
    pub value: String,
    /// The span including the quotes.
    pub span: Span,
}

/// One parsed file.
#[derive(Debug, Clone, Default)]
pub struct File {
    /// `use` lines, in order.
    pub uses: Vec<Use>,
    /// Declarations, in order.
    pub decls: Vec<Decl>,
    /// Declarations that failed to parse, by kind and name: their names
    /// still exist, so that references to them raise no further errors.
    pub broken: Vec<(DeclKind, Ident)>,
    /// What the tree leaves out: comments and blank lines.
    pub extra: Extra,
}

/// The trivia of a file, which the tree itself does not hold: where every
/// comment and blank line is, for the tools that need them (suppression
/// comments, a formatter, a language server), in the spirit of Gleam's
/// `ModuleExtra`. Each list is in source order. Trivia is found by one
/// pass over the text that skips strings and route paths as the grammar
/// does, so it is complete even in a file with syntax errors.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extra {
    /// `//` comments, from the slashes to the end of the line (the line
    /// break left out).
    pub comments: Vec<Span>,
    /// `///` comments (exactly three slashes), kept apart for tools: the
    /// language sketch reserves them for doc comments, but today they mean
    /// no more than `//`.
    pub doc_comments: Vec<Span>,
    /// The byte offset of the start of each blank line (a line of spaces
    /// and tabs, or nothing, ended by a line break).
    pub empty_lines: Vec<u32>,
}

impl Extra {
    /// Every comment, doc comments included, in source order.
    pub fn all_comments(&self) -> Vec<Span> {
        let mut all: Vec<Span> = self
            .comments
            .iter()
            .chain(&self.doc_comments)
            .copied()
            .collect();
        all.sort();
        all
    }
}

/// `use "./file.sls"` or `use aws.s3`.
#[derive(Debug, Clone)]
pub struct Use {
    /// What is imported.
    pub target: UseTarget,
    /// The whole line.
    pub span: Span,
}

/// The two forms of `use`.
#[derive(Debug, Clone)]
pub enum UseTarget {
    /// A relative path to another `.sls` file.
    File(Str),
    /// A module of the standard library, by dotted name.
    Module(Path),
}

/// The path of an HTTP API's `$default` route (whose method is `ANY`).
pub const DEFAULT_ROUTE: &str = "$default";

/// The kinds of declarations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeclKind {
    /// `app`: stack-wide defaults.
    App,
    /// `type`: a record type.
    Type,
    /// `event`: an EventBridge event type.
    Event,
    /// `function`: a Lambda function.
    Function,
    /// `api`: an HTTP API.
    Api,
    /// `rule`: an EventBridge rule.
    Rule,
    /// `schedule`: a scheduled invocation.
    Schedule,
    /// `queue`: an SQS queue.
    Queue,
    /// `topic`: an SNS topic.
    Topic,
    /// `bus`: an EventBridge bus.
    Bus,
    /// `table`: a DynamoDB table.
    Table,
    /// `bucket`: an S3 bucket.
    Bucket,
    /// `stream`: a Kinesis data stream.
    Stream,
    /// `state_machine`: a Step Functions state machine.
    StateMachine,
    /// `secret`: an existing Secrets Manager secret.
    Secret,
    /// `parameter`: an existing SSM parameter (or path of parameters).
    Parameter,
    /// `param`: a template parameter, set when the stack is deployed.
    Param,
    /// `userpool`: a Cognito user pool, with its clients, groups and triggers.
    UserPool,
    /// `resource`: a CloudFormation resource written as such (the escape
    /// hatch for what the language does not cover).
    Resource,
    /// `condition`: a deploy-time condition on parameters.
    Condition,
    /// `pipe`: an EventBridge pipe from a queue or stream to a target.
    Pipe,
    /// `schedule_group`: an EventBridge Scheduler group, whose schedules
    /// state machines create at run time.
    ScheduleGroup,
    /// `layer`: a Lambda layer, built from a folder or package, or an
    /// existing one by ARN.
    Layer,
    /// `stage`: an environment the spec is built for (`dev`, `prod`); only
    /// `stages` reads it, resolve never sees one.
    Stage,
    /// `alarm`: a CloudWatch alarm on a metric of a declared function.
    Alarm,
}

impl DeclKind {
    /// The kind a keyword declares.
    pub fn from_keyword(word: &str) -> Option<DeclKind> {
        Some(match word {
            "app" => DeclKind::App,
            "type" => DeclKind::Type,
            "event" => DeclKind::Event,
            "function" => DeclKind::Function,
            "api" => DeclKind::Api,
            "rule" => DeclKind::Rule,
            "schedule" => DeclKind::Schedule,
            "queue" => DeclKind::Queue,
            "topic" => DeclKind::Topic,
            "bus" => DeclKind::Bus,
            "table" => DeclKind::Table,
            "bucket" => DeclKind::Bucket,
            "stream" => DeclKind::Stream,
            "state_machine" => DeclKind::StateMachine,
            "secret" => DeclKind::Secret,
            "parameter" => DeclKind::Parameter,
            "param" => DeclKind::Param,
            "userpool" => DeclKind::UserPool,
            "resource" => DeclKind::Resource,
            "condition" => DeclKind::Condition,
            "pipe" => DeclKind::Pipe,
            "schedule_group" => DeclKind::ScheduleGroup,
            "layer" => DeclKind::Layer,
            "stage" => DeclKind::Stage,
            "alarm" => DeclKind::Alarm,
            _ => return None,
        })
    }

    /// The keyword, also used in messages ("a queue").
    pub fn keyword(self) -> &'static str {
        match self {
            DeclKind::App => "app",
            DeclKind::Type => "type",
            DeclKind::Event => "event",
            DeclKind::Function => "function",
            DeclKind::Api => "api",
            DeclKind::Rule => "rule",
            DeclKind::Schedule => "schedule",
            DeclKind::Queue => "queue",
            DeclKind::Topic => "topic",
            DeclKind::Bus => "bus",
            DeclKind::Table => "table",
            DeclKind::Bucket => "bucket",
            DeclKind::Stream => "stream",
            DeclKind::StateMachine => "state_machine",
            DeclKind::Secret => "secret",
            DeclKind::Parameter => "parameter",
            DeclKind::Param => "param",
            DeclKind::UserPool => "userpool",
            DeclKind::Resource => "resource",
            DeclKind::Condition => "condition",
            DeclKind::Pipe => "pipe",
            DeclKind::ScheduleGroup => "schedule_group",
            DeclKind::Layer => "layer",
            DeclKind::Stage => "stage",
            DeclKind::Alarm => "alarm",
        }
    }

    /// "a queue", "an event": for messages.
    pub fn article(self) -> String {
        let k = match self {
            DeclKind::StateMachine => "state machine",
            DeclKind::ScheduleGroup => "schedule group",
            _ => self.keyword(),
        };
        // "a userpool": a `u` that sounds as "you" takes "a".
        let an = matches!(k.as_bytes()[0], b'a' | b'e' | b'i' | b'o' | b'u') && k != "userpool";
        format!("{} {}", if an { "an" } else { "a" }, k)
    }
}

/// A top-level declaration.
#[derive(Debug, Clone)]
pub struct Decl {
    /// What it declares.
    pub kind: DeclKind,
    /// Its name.
    pub name: Ident,
    /// The parts between the name and the body.
    pub header: Header,
    /// The members of its body (empty for `type` and `event`).
    pub body: Vec<Member>,
    /// The fields of a `type` or `event`.
    pub fields: Vec<Field>,
    /// The whole declaration.
    pub span: Span,
    /// Where syntax errors inside it were recovered from (each reported):
    /// a member left out, or text read as it was meant (`512mb` as
    /// `512MB`). The rest of the declaration is kept. While this is not
    /// empty, what may follow from those errors (a property reported
    /// missing, warnings) is not reported.
    pub recovered: Vec<Span>,
}

/// `if Cond [else Other]` after a property's value.
#[derive(Debug, Clone)]
pub struct PropIf {
    /// The `condition` that must hold for the value to be set.
    pub cond: Path,
    /// The value when it does not; none leaves the property unset.
    pub otherwise: Option<Value>,
    /// `if ...` to its end.
    pub span: Span,
}

/// A deploy-time condition as written (`condition C = ...`).
#[derive(Debug, Clone)]
pub enum CondExpr {
    /// `a or b`.
    Or(Vec<CondExpr>),
    /// `a and b`.
    And(Vec<CondExpr>),
    /// `not a`.
    Not(Box<CondExpr>),
    /// `A == B`, or `A != B` when `negated`.
    Equals {
        /// The left side.
        left: CondOperand,
        /// The right side.
        right: CondOperand,
        /// `!=`.
        negated: bool,
        /// The whole test.
        span: Span,
    },
    /// `A in ["x", "y"]`.
    In {
        /// What is tested.
        operand: CondOperand,
        /// The values it may equal.
        values: Vec<CondOperand>,
        /// The whole test.
        span: Span,
    },
    /// Another condition by name.
    Ref(Path),
}

/// A side of a condition's test.
#[derive(Debug, Clone)]
pub enum CondOperand {
    /// A `param` by name.
    Param(Path),
    /// A string (which may hold `${Param}` and `${AWS::Region}`) or a number.
    Text(Str),
}

impl CondOperand {
    /// Where it is written.
    pub fn span(&self) -> Span {
        match self {
            CondOperand::Param(p) => p.span,
            CondOperand::Text(s) => s.span,
        }
    }
}

/// Declaration-specific parts written before the body.
#[derive(Debug, Clone)]
pub enum Header {
    /// Nothing beyond the name.
    None,
    /// `event X from "source"`.
    Event {
        /// The EventBridge `source`, if given.
        source: Option<Str>,
        /// The EventBridge `detail-type`, if not the name.
        detail_type: Option<Str>,
        /// `external`: produced outside the spec.
        external: bool,
    },
    /// `queue X of T` / `topic X of T`.
    Message {
        /// The type or event of its messages.
        message: Path,
    },
    /// `condition C = EXPR`.
    Condition {
        /// When it holds.
        expr: CondExpr,
    },
    /// `param X string`.
    Param {
        /// The type word.
        ty: Ident,
    },
    /// `resource X "AWS::Service::Type"`.
    Resource {
        /// The CloudFormation resource type.
        ty: Str,
    },
    /// `api X http`.
    Api {
        /// The protocol word.
        protocol: Ident,
    },
    /// `rule X on Bus`.
    Rule {
        /// The bus the rule listens on.
        bus: Path,
    },
    /// `pipe X from Source [where ...] -> Target`.
    Pipe {
        /// What it reads: a queue, a stream, a table's stream.
        source: Path,
        /// `where ...`: the records it passes on (boxed: most headers are
        /// small).
        filter: Option<Box<Expr>>,
        /// Where it delivers.
        target: Path,
    },
    /// `schedule X every 1d -> F` / `schedule X cron "..." -> F`.
    Schedule {
        /// When it fires.
        expr: ScheduleExpr,
        /// The function it invokes.
        target: Path,
    },
}

/// When a schedule fires.
#[derive(Debug, Clone)]
pub enum ScheduleExpr {
    /// `every 5m`.
    Every(Value),
    /// `cron "0 8 ? * MON-FRI *"`.
    Cron(Str),
}

/// A field of a record type.
#[derive(Debug, Clone)]
pub struct Field {
    /// Its name.
    pub name: Ident,
    /// `name?:`.
    pub optional: bool,
    /// Its type.
    pub ty: TypeExpr,
    /// The whole field.
    pub span: Span,
}

/// A type as written.
#[derive(Debug, Clone)]
pub struct TypeExpr {
    /// Its form.
    pub kind: TypeExprKind,
    /// `(min = 1, pattern = "...")` after it.
    pub constraints: Vec<(Ident, Value)>,
    /// Where it is.
    pub span: Span,
}

/// The forms of types.
#[derive(Debug, Clone)]
pub enum TypeExprKind {
    /// `string`, `int`, `number`, `bool`, or a declared type's name.
    Named(Ident),
    /// `[T]`.
    List(Box<TypeExpr>),
    /// `"A" | "B"`.
    Enum(Vec<Str>),
    /// `{ a: string }`.
    Record(Vec<Field>),
}

/// A member of a declaration body.
#[derive(Debug, Clone)]
pub struct Member {
    /// What it is.
    pub kind: MemberKind,
    /// The whole member.
    pub span: Span,
}

/// The forms of members.
#[derive(Debug, Clone)]
pub enum MemberKind {
    /// `key = value`.
    Property {
        /// The property name.
        key: Ident,
        /// Its value.
        value: Value,
        /// `if Cond [else Other]`: set only when a deploy-time condition
        /// holds (otherwise the other value, or not set at all).
        when: Option<PropIf>,
    },
    /// `key { ... }`.
    Block {
        /// The block name.
        key: Ident,
        /// Its members.
        body: Vec<Member>,
    },
    /// `reads X`, `sends to Q`, `emits E to Bus`, ...
    Verb {
        /// Which verb.
        verb: VerbKind,
        /// The word(s) of the verb, for spans.
        verb_span: Span,
        /// What it applies to.
        targets: Vec<Path>,
        /// Key prefixes of bucket targets (`reads B prefix "in/"`), by index.
        prefixes: Vec<Option<Str>>,
        /// `sends T to Q`: the message type.
        message: Option<Path>,
        /// The bus of `emits ... to BUS`.
        bus: Option<Path>,
    },
    /// `on Source { ... }`.
    On {
        /// The source (`Queue`, `Table.stream`, `Bucket`, `Topic`).
        source: Path,
        /// `where ...`: the records the function is invoked for.
        filter: Option<Expr>,
        /// Its settings.
        body: Vec<Member>,
    },
    /// `METHOD /path -> Function { ... }`, or `METHOD /path -> send [T] to
    /// Target { ... }`.
    Route {
        /// The method word.
        method: Ident,
        /// The path, e.g. `/orders/{id}`.
        path: Str,
        /// What serves it: a function, a queue or bus, a URL.
        to: RouteTo,
        /// Its settings.
        body: Vec<Member>,
    },
    /// `match Event where ...`.
    Match {
        /// The event type.
        event: Path,
        /// The filter.
        filter: Option<Expr>,
    },
    /// `send to Target { ... }`.
    SendTo {
        /// The target.
        target: Path,
        /// Its settings.
        body: Vec<Member>,
    },
    /// `params { id: string }`: a block of typed fields.
    Fields {
        /// The block name.
        key: Ident,
        /// Its fields.
        fields: Vec<Field>,
    },
    /// `responses { 200 = Order }`.
    Responses(Vec<(Ident, Path)>),
    /// `allow ACTIONS on RESOURCES { ... }`.
    Allow {
        /// A string or list of strings.
        actions: Value,
        /// A string or list of strings.
        resources: Value,
        /// Its settings (`acknowledge`).
        body: Vec<Member>,
    },
    /// `subscribe Queue [where FILTER] { ... }`.
    Subscribe {
        /// The subscriber.
        target: Path,
        /// The filter on the message body.
        filter: Option<Expr>,
        /// Its settings.
        body: Vec<Member>,
    },
}

/// Access verbs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VerbKind {
    /// `reads`.
    Reads,
    /// `writes`.
    Writes,
    /// `deletes` (bucket objects).
    Deletes,
    /// `sends to`.
    SendsTo,
    /// `publishes to`.
    PublishesTo,
    /// `emits E to B`.
    Emits,
    /// `invokes`.
    Invokes,
    /// `answers` (a state machine's task tokens).
    Answers,
}

impl VerbKind {
    /// The verb as written.
    pub fn text(self) -> &'static str {
        match self {
            VerbKind::Reads => "reads",
            VerbKind::Writes => "writes",
            VerbKind::Deletes => "deletes",
            VerbKind::SendsTo => "sends to",
            VerbKind::PublishesTo => "publishes to",
            VerbKind::Emits => "emits",
            VerbKind::Invokes => "invokes",
            VerbKind::Answers => "answers",
        }
    }
}

/// A value.
#[derive(Debug, Clone)]
pub struct Value {
    /// Its form.
    pub kind: ValueKind,
    /// Where it is.
    pub span: Span,
}

/// The forms of values.
#[derive(Debug, Clone)]
pub enum ValueKind {
    /// `"text"`.
    Str(String),
    /// `42`.
    Int(i64),
    /// `4.5`.
    Number(f64),
    /// `true`.
    Bool(bool),
    /// `30s`: the amount and its unit.
    Duration(u64, TimeUnit),
    /// `512MB`: the amount and its unit.
    Size(u64, SizeUnit),
    /// `1.5%`: the number before `%` (1.5 for 1.5 %).
    Percent(f64),
    /// `50/s`: how many, and per what.
    Rate(f64, RateUnit),
    /// A reference or an enum-like word.
    Path(Path),
    /// `[a, b]`.
    List(Vec<Value>),
    /// `{ a: x, b = y }`.
    Record(Vec<(Ident, Value)>),
    /// `jwt { ... }`.
    Tagged(Ident, Vec<Member>),
    /// `Dlq after 5 receives`.
    Redrive(Path, Box<Value>),
}

impl ValueKind {
    /// What kind of value this is, for "expected X, found Y".
    pub fn describe(&self) -> &'static str {
        match self {
            ValueKind::Str(_) => "a string",
            ValueKind::Int(_) => "an integer",
            ValueKind::Number(_) => "a number",
            ValueKind::Bool(_) => "a boolean",
            ValueKind::Duration(..) => "a duration",
            ValueKind::Size(..) => "a size",
            ValueKind::Percent(_) => "a percentage",
            ValueKind::Rate(..) => "a rate",
            ValueKind::Path(_) => "a name",
            ValueKind::List(_) => "a list",
            ValueKind::Record(_) => "a record",
            ValueKind::Tagged(..) => "a block",
            ValueKind::Redrive(..) => "a redrive (`Q after N receives`)",
        }
    }
}

/// Units of durations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    /// `ms`.
    Millis,
    /// `s`.
    Seconds,
    /// `m`.
    Minutes,
    /// `h`.
    Hours,
    /// `d`.
    Days,
}

impl TimeUnit {
    /// Milliseconds in one unit.
    pub fn millis(self) -> u64 {
        match self {
            TimeUnit::Millis => 1,
            TimeUnit::Seconds => 1_000,
            TimeUnit::Minutes => 60_000,
            TimeUnit::Hours => 3_600_000,
            TimeUnit::Days => 86_400_000,
        }
    }
}

/// Units of sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SizeUnit {
    /// `KB` (1024 bytes).
    Kb,
    /// `MB` (1024 KB).
    Mb,
    /// `GB` (1024 MB).
    Gb,
}

impl SizeUnit {
    /// Bytes in one unit.
    pub fn bytes(self) -> u64 {
        match self {
            SizeUnit::Kb => 1 << 10,
            SizeUnit::Mb => 1 << 20,
            SizeUnit::Gb => 1 << 30,
        }
    }
}

/// What a rate (`50/s`, `3_000_000/month`) counts per.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateUnit {
    /// `/s`.
    Second,
    /// `/m`.
    Minute,
    /// `/h`.
    Hour,
    /// `/d`.
    Day,
    /// `/month`: 730 hours, the month AWS prices by.
    Month,
}

impl RateUnit {
    /// How many of this unit fit in a month of 730 hours (AWS's pricing
    /// month), so that a rate converts to a monthly count.
    pub fn per_month(self) -> f64 {
        match self {
            RateUnit::Second => 730.0 * 3600.0,
            RateUnit::Minute => 730.0 * 60.0,
            RateUnit::Hour => 730.0,
            RateUnit::Day => 730.0 / 24.0,
            RateUnit::Month => 1.0,
        }
    }

    /// The unit as written after `/`.
    pub fn word(self) -> &'static str {
        match self {
            RateUnit::Second => "s",
            RateUnit::Minute => "m",
            RateUnit::Hour => "h",
            RateUnit::Day => "d",
            RateUnit::Month => "month",
        }
    }
}

/// A pattern expression after `where`.
#[derive(Debug, Clone)]
pub struct Expr {
    /// Its form.
    pub kind: ExprKind,
    /// Where it is.
    pub span: Span,
}

/// The forms of pattern expressions.
#[derive(Debug, Clone)]
pub enum ExprKind {
    /// Every operand must hold.
    And(Vec<Expr>),
    /// One operand must hold.
    Or(Vec<Expr>),
    /// A test on one field.
    Cond(Condition),
}

/// A test on one field of the event.
#[derive(Debug, Clone)]
pub struct Condition {
    /// The field, relative to the event's detail.
    pub field: Path,
    /// The test.
    pub test: Test,
    /// The operator, for spans.
    pub op_span: Span,
}

/// The tests a condition can make.
#[derive(Debug, Clone)]
pub enum Test {
    /// `= v`, `!= v`, `> n`, ...; `ignoring case` for `=` and `!=`.
    Compare(CmpOp, Value, bool),
    /// `in [..]` (`negated`: `not in`).
    In {
        /// `not in`.
        negated: bool,
        /// The values.
        values: Vec<Value>,
    },
    /// `exists` / `not exists`.
    Exists(bool),
    /// `prefix "x"`, `not prefix "x"`, `... ignoring case`.
    Prefix {
        /// `not prefix`.
        negated: bool,
        /// The prefix.
        text: Str,
        /// `ignoring case`.
        ignore_case: bool,
    },
    /// `suffix "x"`, `not suffix "x"`, `... ignoring case`.
    Suffix {
        /// `not suffix`.
        negated: bool,
        /// The suffix.
        text: Str,
        /// `ignoring case`.
        ignore_case: bool,
    },
    /// `matches "a*b"`, `not matches "a*b"`.
    Wildcard {
        /// `not matches`.
        negated: bool,
        /// The wildcard pattern.
        text: Str,
    },
    /// `cidr "10.0.0.0/24"`.
    Cidr(Str),
}

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    /// `=`.
    Eq,
    /// `!=`.
    Ne,
    /// `>`.
    Gt,
    /// `>=`.
    Ge,
    /// `<`.
    Lt,
    /// `<=`.
    Le,
}

impl CmpOp {
    /// The operator as written.
    pub fn text(self) -> &'static str {
        match self {
            CmpOp::Eq => "=",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
        }
    }
}

/// What a route hands requests to.
#[derive(Debug, Clone, PartialEq)]
pub enum RouteTo {
    /// `-> Function`: API Gateway invokes the function.
    Function(Path),
    /// `-> send [T] to Target`: API Gateway sends the request body to a queue
    /// or puts it on a bus as event `T`, with no function in between.
    Send {
        /// The `send` keyword.
        keyword: Span,
        /// `T`: the message type (queue) or event (bus).
        message: Option<Path>,
        /// The queue or bus.
        target: Path,
    },
    /// `-> "https://..."`: API Gateway forwards the request to the URL.
    Url(Str),
}
