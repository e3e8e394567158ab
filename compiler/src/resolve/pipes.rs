//! EventBridge Pipes (`pipe`) and Scheduler groups (`schedule_group`): the
//! declarations, with their source, target and settings resolved. Ranges
//! and the rules AWS sets between them are checked in `check::pipes`.

use super::*;

/// What a pipe may read.
const SOURCES: &[DeclKind] = &[DeclKind::Queue, DeclKind::Stream, DeclKind::Table];

/// What a pipe may deliver to.
const TARGETS: &[DeclKind] = &[
    DeclKind::StateMachine,
    DeclKind::Function,
    DeclKind::Queue,
    DeclKind::Topic,
    DeclKind::Bus,
    DeclKind::Stream,
];

/// What a schedule group's schedules may start.
const GROUP_TARGETS: &[DeclKind] = &[
    DeclKind::Function,
    DeclKind::StateMachine,
    DeclKind::Queue,
    DeclKind::Topic,
];

impl Resolver {
    /// `pipe NAME from SOURCE [where ...] -> TARGET { ... }`.
    pub(super) fn pipe(&mut self, d: &ast::Decl) -> Option<Pipe> {
        let Header::Pipe {
            source,
            filter,
            target,
        } = &d.header
        else {
            return None;
        };
        let source_ref = self.pipe_source(source);
        let target_ref = self.expect_ref(target, TARGETS);
        let filter = filter.as_ref().map(|f| self.filter(f, false));
        let mut p = Props::new(&d.body);
        let batch = p.take("batch").and_then(|v| self.expect_int(v));
        let window = p.take("window").and_then(|v| self.expect_seconds(v));
        let start = match p
            .take("start")
            .and_then(|v| self.expect_word(v, &["latest", "trim_horizon"]))
        {
            Some(w) if w == "trim_horizon" => StartPosition::TrimHorizon,
            _ => StartPosition::Latest,
        };
        let invocation = p.take("invocation").and_then(|v| {
            let w = self.expect_word(v, &["request_response", "fire_and_forget"])?;
            let i = if w == "request_response" {
                Invocation::RequestResponse
            } else {
                Invocation::FireAndForget
            };
            Some(Spanned::new(i, v.span))
        });
        let enrichment = p.take("enrichment").and_then(|v| {
            self.expect_path(v)
                .and_then(|path| self.expect_ref(path, &[DeclKind::Function]))
        });
        let input = p.take("input").and_then(|v| self.input_transform(v));
        let partition_key = p.take("partition_key").and_then(|v| self.expect_string(v));
        self.identity(&mut p, d);
        self.other_members(&d.body, "a pipe");
        p.finish(self, "a pipe");
        Some(Pipe {
            name: d.name.name.clone(),
            span: d.name.span,
            source: source_ref?,
            filter,
            target: target_ref?,
            batch,
            window,
            start,
            invocation,
            enrichment,
            input,
            partition_key,
        })
    }

    /// A pipe's source: a queue, a Kinesis stream, or a table's stream
    /// (`Orders.stream`), which is the table's [`Ref`].
    fn pipe_source(&mut self, source: &ast::Path) -> Option<Ref> {
        let (name, extra) = self.split_qualified(source);
        if !self.right_module(source, &name) {
            return None;
        }
        let r = self.lookup(&name, source.span, SOURCES)?;
        let stream = extra == 1 && source.parts.last().is_some_and(|l| l.name == "stream");
        match (r.kind, extra) {
            (DeclKind::Table, _) if stream => Some(r),
            (DeclKind::Table, _) => {
                self.error(
                    Diagnostic::new(
                        Code::E0103,
                        source.span,
                        format!("a pipe reads a table's stream, not table `{name}`"),
                    )
                    .label("expected a stream")
                    .help(format!("write `from {name}.stream`")),
                );
                None
            }
            (_, 0) => Some(r),
            _ => {
                self.error(
                    Diagnostic::new(
                        Code::E0103,
                        source.span,
                        format!("a pipe reads {} `{name}` itself", r.kind.article()),
                    )
                    .label("only tables have `.stream`")
                    .help(format!("write `from {name}`")),
                );
                None
            }
        }
    }

    /// `schedule_group NAME { targets = [...] }`.
    pub(super) fn schedule_group(&mut self, d: &ast::Decl) -> ScheduleGroup {
        let mut p = Props::new(&d.body);
        let mut targets: Vec<Ref> = Vec::new();
        if let Some(v) = p.take("targets") {
            let items: Vec<&ast::Value> = match &v.kind {
                ValueKind::List(items) => items.iter().collect(),
                _ => vec![v],
            };
            for item in items {
                let Some(path) = self.expect_path(item) else {
                    continue;
                };
                let Some(r) = self.expect_ref(path, GROUP_TARGETS) else {
                    continue;
                };
                if !self.repeated(&targets, &r, "a target of this group") {
                    targets.push(r);
                }
            }
        }
        if targets.is_empty() && d.recovered.is_empty() {
            self.error(
                Diagnostic::new(
                    Code::E0107,
                    d.name.span,
                    format!("schedule group `{}` has no `targets`", d.name.name),
                )
                .label("its schedules could start nothing")
                .help("say what its schedules start: `targets = [Remind]` (functions, state machines, queues, topics)"),
            );
        }
        self.identity(&mut p, d);
        self.other_members(&d.body, "a schedule group");
        p.finish(self, "a schedule group");
        ScheduleGroup {
            name: d.name.name.clone(),
            span: d.name.span,
            targets,
        }
    }
}
