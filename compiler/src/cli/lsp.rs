//! `slsc lsp`: a language server over stdio. It only translates between
//! the protocol and the library (`slsc::ide`, `slsc::format`): every
//! answer is computed there, the way `slsc check` and `slsc fmt` compute
//! theirs.
//!
//! The protocol layer is `lsp-server` and `lsp-types`, the crates
//! rust-analyzer's server is built on: a synchronous loop over messages
//! fits a compiler that answers in milliseconds, without an async runtime.

use lsp_server::{Connection, Message, Notification, Request, Response};
use lsp_types::{
    notification::{
        DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Notification as _,
        PublishDiagnostics,
    },
    request::{
        CodeActionRequest, Completion, DocumentSymbolRequest, Formatting, GotoDefinition,
        HoverRequest, References, Rename, Request as _,
    },
    CodeAction, CodeActionKind, CodeActionOptions, CodeActionOrCommand,
    CodeActionProviderCapability, CompletionItem, CompletionItemKind, CompletionOptions,
    CompletionResponse, Diagnostic as LspDiagnostic, DiagnosticRelatedInformation,
    DiagnosticSeverity, DocumentSymbol, DocumentSymbolResponse, Documentation,
    GotoDefinitionResponse, Hover, HoverContents, HoverProviderCapability, Location, MarkupContent,
    MarkupKind, NumberOrString, OneOf, Position, PublishDiagnosticsParams, Range,
    ServerCapabilities, SymbolKind, TextDocumentSyncCapability, TextDocumentSyncKind, TextEdit,
    Uri, WorkspaceEdit,
};
use slsc::ast::DeclKind;
use slsc::ide::{self, Workspace};
use slsc::source::{LineIndex, Span, Utf16Position};
use slsc::{CheckOptions, Date, Severity};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::str::FromStr;

/// Runs the server until the client shuts it down.
pub fn run() -> ExitCode {
    let (connection, io) = Connection::stdio();
    let capabilities = ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![" ".into(), ".".into(), "=".into()]),
            ..CompletionOptions::default()
        }),
        ..ServerCapabilities::default()
    };
    let caps = serde_json::to_value(capabilities).expect("capabilities serialize");
    if let Err(e) = connection.initialize(caps) {
        eprintln!("slsc lsp: {e}");
        return ExitCode::from(2);
    }
    let mut server = Server {
        connection,
        workspace: Workspace::default(),
        compiled: std::cell::RefCell::new(HashMap::new()),
    };
    let status = server.serve();
    drop(server);
    let _ = io.join();
    status
}

struct Server {
    connection: Connection,
    workspace: Workspace,
    /// The last compilation of each spec asked about, until a document
    /// changes: hover, definitions and completion reuse it instead of
    /// compiling again.
    compiled: std::cell::RefCell<HashMap<PathBuf, std::sync::Arc<slsc::Compilation>>>,
}

impl Server {
    fn serve(&mut self) -> ExitCode {
        while let Ok(message) = self.connection.receiver.recv() {
            match message {
                Message::Request(req) => {
                    if self.connection.handle_shutdown(&req).unwrap_or(true) {
                        return ExitCode::SUCCESS;
                    }
                    let response = self.request(req);
                    let _ = self.connection.sender.send(Message::Response(response));
                }
                Message::Notification(n) => self.notification(n),
                Message::Response(_) => {}
            }
        }
        ExitCode::SUCCESS
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(n.params)
                {
                    if let Some(path) = path_of(&p.text_document.uri) {
                        self.workspace.set(&path, p.text_document.text);
                        self.publish(&p.text_document.uri, &path);
                    }
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(n.params)
                {
                    // Full sync: the last change holds the whole text.
                    if let (Some(path), Some(change)) = (
                        path_of(&p.text_document.uri),
                        p.content_changes.into_iter().last(),
                    ) {
                        self.workspace.set(&path, change.text);
                        self.publish(&p.text_document.uri, &path);
                    }
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(n.params)
                {
                    if let Some(path) = path_of(&p.text_document.uri) {
                        self.workspace.close(&path);
                        self.forget_compilations();
                        self.send_diagnostics(p.text_document.uri, Vec::new());
                    }
                }
            }
            _ => {}
        }
    }

    fn request(&mut self, req: Request) -> Response {
        let id = req.id.clone();
        let result = match req.method.as_str() {
            HoverRequest::METHOD => self.hover(req).map(serde_json::to_value),
            GotoDefinition::METHOD => self.definition(req).map(serde_json::to_value),
            DocumentSymbolRequest::METHOD => self.symbols(req).map(serde_json::to_value),
            Formatting::METHOD => self.format(req).map(serde_json::to_value),
            References::METHOD => self.references(req).map(serde_json::to_value),
            Completion::METHOD => self.completion(req).map(serde_json::to_value),
            CodeActionRequest::METHOD => self.code_actions(req).map(serde_json::to_value),
            Rename::METHOD => match self.rename(req) {
                Ok(edit) => edit.map(serde_json::to_value),
                Err(message) => {
                    return Response::new_err(
                        id,
                        lsp_server::ErrorCode::InvalidRequest as i32,
                        message,
                    )
                }
            },
            _ => {
                return Response::new_err(
                    id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("slsc lsp does not answer {}", req.method),
                )
            }
        };
        // A question about a document the server cannot read, or a
        // position with nothing there, has no answer: `null`.
        match result {
            Some(Ok(value)) => Response::new_ok(id, value),
            _ => Response::new_ok(id, serde_json::Value::Null),
        }
    }

    /// The compilation of the spec at `path`: the last one, or a new one.
    /// Forgets the compilations kept, dropping them on another thread: a
    /// large spec's model takes as long to free as a check takes to build,
    /// and the editor is waiting for the next one.
    fn forget_compilations(&self) {
        Self::free(std::mem::take(&mut *self.compiled.borrow_mut()));
    }

    /// Frees compilations on another thread.
    fn free(old: HashMap<PathBuf, std::sync::Arc<slsc::Compilation>>) {
        if !old.is_empty() {
            std::thread::spawn(move || drop(old));
        }
    }

    fn compilation(&self, path: &Path) -> Option<std::sync::Arc<slsc::Compilation>> {
        if let Some(c) = self.compiled.borrow().get(path) {
            return Some(c.clone());
        }
        let c = std::sync::Arc::new(self.workspace.compile(path, options())?);
        self.compiled
            .borrow_mut()
            .insert(path.to_path_buf(), c.clone());
        Some(c)
    }

    /// Quick fixes for the diagnostics in a range whose fix is mechanical:
    /// "did you mean `Orders`?" (the name replaced), a dead-letter queue
    /// where failures go nowhere, `partial_failures = true`.
    fn code_actions(&self, req: Request) -> Option<Vec<CodeActionOrCommand>> {
        let p: lsp_types::CodeActionParams = serde_json::from_value(req.params).ok()?;
        let uri = p.text_document.uri;
        let path = path_of(&uri)?;
        let c = self.compilation(&path)?;
        let text = &c.sources.get(ide::file_of(&c, &path)?).text;
        let index = LineIndex::new(text);
        let mut actions = Vec::new();
        for d in ide::diagnostics_of(&c, &path) {
            let r = range(&index, d.span);
            // Diagnostics that touch the range asked about.
            if r.end < p.range.start || r.start > p.range.end {
                continue;
            }
            for (i, fix) in ide::fixes(&c, d).into_iter().enumerate() {
                // The protocol's type keys changes by URI (see `rename`).
                #[allow(clippy::mutable_key_type)]
                let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
                for e in fix.edits {
                    let file = c.sources.get(e.span.file);
                    let Some(target) = file.path.as_deref().and_then(uri_of) else {
                        continue;
                    };
                    changes.entry(target).or_default().push(TextEdit {
                        range: range(&LineIndex::new(&file.text), e.span),
                        new_text: e.text,
                    });
                }
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix.title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![lsp_diagnostic(&c, &Indexes::new(&c), d)]),
                    is_preferred: Some(i == 0),
                    edit: Some(WorkspaceEdit {
                        changes: Some(changes),
                        ..WorkspaceEdit::default()
                    }),
                    ..CodeAction::default()
                }));
            }
        }
        Some(actions)
    }

    fn completion(&self, req: Request) -> Option<CompletionResponse> {
        let p: lsp_types::CompletionParams = serde_json::from_value(req.params).ok()?;
        let doc = p.text_document_position;
        let path = path_of(&doc.text_document.uri)?;
        let text = self.text(&path)?;
        let at = offset(&text, doc.position);
        let c = self.compilation(&path);
        let items = ide::completions(c.as_deref(), &text, at)
            .into_iter()
            .map(|x| CompletionItem {
                kind: Some(match x.kind {
                    ide::CompletionKind::Keyword => CompletionItemKind::KEYWORD,
                    ide::CompletionKind::Property => CompletionItemKind::PROPERTY,
                    ide::CompletionKind::Word => CompletionItemKind::ENUM_MEMBER,
                    ide::CompletionKind::Field => CompletionItemKind::FIELD,
                    ide::CompletionKind::Name(k) => match symbol_kind(k) {
                        SymbolKind::FUNCTION => CompletionItemKind::FUNCTION,
                        SymbolKind::STRUCT => CompletionItemKind::STRUCT,
                        SymbolKind::EVENT => CompletionItemKind::EVENT,
                        _ => CompletionItemKind::REFERENCE,
                    },
                }),
                detail: x.detail,
                documentation: x.documentation.map(|value| {
                    Documentation::MarkupContent(MarkupContent {
                        kind: MarkupKind::Markdown,
                        value,
                    })
                }),
                label: x.label,
                ..CompletionItem::default()
            })
            .collect();
        Some(CompletionResponse::Array(items))
    }

    /// Diagnostics of the spec at `path`, as `slsc check` reports them.
    fn publish(&self, uri: &Uri, path: &Path) {
        // A change to one document may change what any spec compiles to.
        // Freed once the new diagnostics are out: compiling uses the
        // second core too.
        let old = std::mem::take(&mut *self.compiled.borrow_mut());
        let diagnostics = match self.compilation(path) {
            Some(c) => {
                let indexes = Indexes::new(&c);
                ide::diagnostics_of(&c, path)
                    .into_iter()
                    .map(|d| lsp_diagnostic(&c, &indexes, d))
                    .collect()
            }
            None => Vec::new(),
        };
        self.send_diagnostics(uri.clone(), diagnostics);
        Self::free(old);
    }

    fn send_diagnostics(&self, uri: Uri, diagnostics: Vec<LspDiagnostic>) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version: None,
        };
        let _ = self
            .connection
            .sender
            .send(Message::Notification(Notification::new(
                PublishDiagnostics::METHOD.to_string(),
                params,
            )));
    }

    fn hover(&self, req: Request) -> Option<Option<Hover>> {
        let p: lsp_types::HoverParams = serde_json::from_value(req.params).ok()?;
        let doc = p.text_document_position_params;
        let path = path_of(&doc.text_document.uri)?;
        let text = self.text(&path)?;
        let offset = offset(&text, doc.position);
        let c = self.compilation(&path)?;
        Some(ide::hover(&c, &path, &text, offset).map(|value| Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value,
            }),
            range: None,
        }))
    }

    fn definition(&self, req: Request) -> Option<Option<GotoDefinitionResponse>> {
        let p: lsp_types::GotoDefinitionParams = serde_json::from_value(req.params).ok()?;
        let doc = p.text_document_position_params;
        let path = path_of(&doc.text_document.uri)?;
        let text = self.text(&path)?;
        let (_, _, word) = ide::word_at(&text, offset(&text, doc.position))?;
        let c = self.compilation(&path)?;
        let Some(span) = ide::definition(&c, word) else {
            return Some(None);
        };
        let file = c.sources.get(span.file);
        // A standard library module: its read-only copy in the cache.
        let uri = match ide::path_of_file(&c, span.file, &cache_dir()) {
            Some(p) => uri_of(&p)?,
            None => doc.text_document.uri,
        };
        let index = LineIndex::new(&file.text);
        Some(Some(GotoDefinitionResponse::Scalar(Location {
            uri,
            range: range(&index, span),
        })))
    }

    /// The declaration named at a position, and the compilation it is in.
    fn named_at(
        &self,
        doc: &lsp_types::TextDocumentPositionParams,
    ) -> Option<(std::sync::Arc<slsc::Compilation>, String)> {
        let path = path_of(&doc.text_document.uri)?;
        let text = self.text(&path)?;
        let (_, _, word) = ide::word_at(&text, offset(&text, doc.position))?;
        let c = self.compilation(&path)?;
        Some((c, word.to_string()))
    }

    fn locations(c: &slsc::Compilation, spans: &[Span]) -> Vec<Location> {
        let indexes = Indexes::new(c);
        spans
            .iter()
            .filter_map(|span| {
                let uri = uri_of(&ide::path_of_file(c, span.file, &cache_dir())?)?;
                Some(Location {
                    uri,
                    range: range(&indexes.of(span.file), *span),
                })
            })
            .collect()
    }

    fn references(&self, req: Request) -> Option<Vec<Location>> {
        let p: lsp_types::ReferenceParams = serde_json::from_value(req.params).ok()?;
        let (c, name) = self.named_at(&p.text_document_position)?;
        let mut spans = ide::references(&c, &name);
        if !p.context.include_declaration {
            if let Some(def) = ide::definition(&c, &name) {
                spans.retain(|s| *s != def);
            }
        }
        Some(Self::locations(&c, &spans))
    }

    fn rename(&self, req: Request) -> Result<Option<WorkspaceEdit>, String> {
        let Ok(p) = serde_json::from_value::<lsp_types::RenameParams>(req.params) else {
            return Ok(None);
        };
        let Some((c, name)) = self.named_at(&p.text_document_position) else {
            return Ok(None);
        };
        let spans = ide::rename(&c, &name, &p.new_name)?;
        // The protocol's type keys changes by URI; `Uri` caches its parts
        // inside, which clippy takes for mutability of the key.
        #[allow(clippy::mutable_key_type)]
        let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
        for l in Self::locations(&c, &spans) {
            changes.entry(l.uri).or_default().push(TextEdit {
                range: l.range,
                new_text: p.new_name.clone(),
            });
        }
        Ok(Some(WorkspaceEdit {
            changes: Some(changes),
            ..WorkspaceEdit::default()
        }))
    }

    fn symbols(&self, req: Request) -> Option<DocumentSymbolResponse> {
        let p: lsp_types::DocumentSymbolParams = serde_json::from_value(req.params).ok()?;
        let path = path_of(&p.text_document.uri)?;
        let text = self.text(&path)?;
        let index = LineIndex::new(&text);
        #[allow(deprecated)] // `deprecated` is a field the type still requires
        let symbols = ide::symbols(&text)
            .into_iter()
            .map(|s| DocumentSymbol {
                name: s.name,
                detail: Some(s.kind.keyword().to_string()),
                kind: symbol_kind(s.kind),
                tags: None,
                deprecated: None,
                range: range(&index, s.span),
                selection_range: range(&index, s.name_span),
                children: None,
            })
            .collect();
        Some(DocumentSymbolResponse::Nested(symbols))
    }

    fn format(&self, req: Request) -> Option<Option<Vec<TextEdit>>> {
        let p: lsp_types::DocumentFormattingParams = serde_json::from_value(req.params).ok()?;
        let path = path_of(&p.text_document.uri)?;
        let text = self.text(&path)?;
        // A spec that does not parse is not formatted (its diagnostics say
        // why): no edit.
        let Ok(formatted) = slsc::format(&text) else {
            return Some(None);
        };
        if formatted == text {
            return Some(Some(Vec::new()));
        }
        let index = LineIndex::new(&text);
        let end = index.position(text.len() as u32);
        Some(Some(vec![TextEdit {
            range: Range {
                start: Position::new(0, 0),
                end: Position::new(end.line, end.column),
            },
            new_text: formatted,
        }]))
    }

    /// The text of a document: the editor's, else the disk's.
    fn text(&self, path: &Path) -> Option<String> {
        match self.workspace.text(path) {
            Some(t) => Some(t.to_string()),
            None => std::fs::read_to_string(path).ok(),
        }
    }
}

/// A diagnostic as the protocol has it: its help after the message, its
/// secondary places as related information.
fn lsp_diagnostic(
    c: &slsc::Compilation,
    indexes: &Indexes,
    d: &slsc::diagnostics::Diagnostic,
) -> LspDiagnostic {
    let index = indexes.of(d.span.file);
    LspDiagnostic {
        range: range(&index, d.span),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code.to_string())),
        source: Some("slsc".into()),
        message: match (&d.label, &d.help) {
            (_, Some(help)) => format!("{}\nhelp: {help}", d.message),
            _ => d.message.clone(),
        },
        related_information: Some(
            d.secondary
                .iter()
                .filter_map(|(span, label)| {
                    let uri = uri_of(&ide::path_of_file(c, span.file, &cache_dir())?)?;
                    let index = indexes.of(span.file);
                    Some(DiagnosticRelatedInformation {
                        location: Location {
                            uri,
                            range: range(&index, *span),
                        },
                        message: label.clone(),
                    })
                })
                .collect(),
        ),
        ..LspDiagnostic::default()
    }
}

/// The user's cache folder, where the standard library's modules are
/// copied for definitions in them: `$XDG_CACHE_HOME`, else `~/.cache`,
/// else the temporary folder.
fn cache_dir() -> PathBuf {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    var("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| var("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir)
}

fn options() -> CheckOptions {
    CheckOptions::new(Date::today())
}

fn range(index: &LineIndex, span: Span) -> Range {
    let start = index.position(span.start);
    let end = index.position(span.end);
    Range {
        start: Position::new(start.line, start.column),
        end: Position::new(end.line, end.column),
    }
}

fn offset(text: &str, p: Position) -> usize {
    LineIndex::new(text).offset(Utf16Position {
        line: p.line,
        column: p.character,
    }) as usize
}

fn symbol_kind(kind: DeclKind) -> SymbolKind {
    match kind {
        DeclKind::Function => SymbolKind::FUNCTION,
        DeclKind::Type | DeclKind::Event => SymbolKind::STRUCT,
        DeclKind::Queue | DeclKind::Topic | DeclKind::Bus | DeclKind::Stream => SymbolKind::EVENT,
        DeclKind::Api => SymbolKind::INTERFACE,
        DeclKind::Param | DeclKind::Stage | DeclKind::Condition => SymbolKind::CONSTANT,
        DeclKind::App => SymbolKind::MODULE,
        _ => SymbolKind::OBJECT,
    }
}

/// The file a `file://` URI names (percent-escapes decoded).
fn path_of(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s.strip_prefix("file://")?;
    // `file:///C:/...` on Windows, `file:///home/...` elsewhere.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let mut bytes = Vec::with_capacity(rest.len());
    let raw = rest.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'%' && i + 2 < raw.len() {
            if let Ok(b) = u8::from_str_radix(&rest[i + 1..i + 3], 16) {
                bytes.push(b);
                i += 3;
                continue;
            }
        }
        bytes.push(raw[i]);
        i += 1;
    }
    Some(PathBuf::from(String::from_utf8(bytes).ok()?))
}

/// The `file://` URI of a path (characters outside URIs escaped).
fn uri_of(path: &Path) -> Option<Uri> {
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let mut s = String::from("file://");
    for b in abs.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    Uri::from_str(&s).ok()
}

/// The line index of each file of a compilation, made on first use: a
/// thousand diagnostics in one file index it once.
struct Indexes<'c> {
    compilation: &'c slsc::Compilation,
    made: std::cell::RefCell<HashMap<slsc::source::FileId, std::rc::Rc<LineIndex>>>,
}

impl<'c> Indexes<'c> {
    fn new(compilation: &'c slsc::Compilation) -> Self {
        Indexes {
            compilation,
            made: Default::default(),
        }
    }

    fn of(&self, file: slsc::source::FileId) -> std::rc::Rc<LineIndex> {
        let mut made = self.made.borrow_mut();
        made.entry(file)
            .or_insert_with(|| {
                std::rc::Rc::new(LineIndex::new(&self.compilation.sources.get(file).text))
            })
            .clone()
    }
}
