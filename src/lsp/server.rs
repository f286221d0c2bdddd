//! The server's loop: the open documents, the re-check after a pause in
//! typing, and one handler per request.

use super::convert::{self, Doc};
use super::lines::{Encoding, LineIndex};
use crate::check::Options;
use crate::diagnostic::Lang;
use crate::ide::Analysis;
use crossbeam_channel::RecvTimeoutError;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Notification as _,
    PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, FoldingRangeRequest, Formatting,
    GotoDefinition, HoverRequest, References, Request as _,
};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CompletionParams,
    DocumentFormattingParams, DocumentSymbolParams, DocumentSymbolResponse, FoldingRangeParams,
    GotoDefinitionParams, GotoDefinitionResponse, Hover, HoverContents, HoverParams, Location,
    MarkupContent, MarkupKind, Position, PublishDiagnosticsParams, Range, ReferenceParams,
    TextDocumentIdentifier, Uri, WorkspaceEdit,
};
use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

/// One open document: its latest text and version, and the check of that
/// text (none while a re-check is due).
struct Document {
    uri: Uri,
    version: i32,
    text: String,
    index: LineIndex,
    analysis: Option<Analysis>,
}

impl Document {
    /// A file name for messages: the last part of the URI's path.
    fn name(&self) -> String {
        let path = self.uri.path().as_str();
        path.rsplit('/').next().unwrap_or(path).to_string()
    }
}

pub struct Server<'c> {
    connection: &'c Connection,
    encoding: Encoding,
    lang: Lang,
    debounce: Duration,
    documents: HashMap<String, Document>,
    /// Documents changed since their last check.
    due: BTreeSet<String>,
}

/// Why a request could not be answered: the JSON-RPC code and a message.
type Failure = (ErrorCode, String);

/// What a request handler returns: a result to send, or an error.
type Answer = Result<serde_json::Value, Failure>;

impl<'c> Server<'c> {
    pub fn new(
        connection: &'c Connection,
        encoding: Encoding,
        lang: Lang,
        debounce: Duration,
    ) -> Self {
        Server {
            connection,
            encoding,
            lang,
            debounce,
            documents: HashMap::new(),
            due: BTreeSet::new(),
        }
    }

    /// Answers messages until the client shuts the server down or goes.
    pub fn run(mut self) -> Result<(), String> {
        loop {
            let message = if self.due.is_empty() {
                match self.connection.receiver.recv() {
                    Ok(m) => m,
                    Err(_) => return Ok(()),
                }
            } else {
                match self.connection.receiver.recv_timeout(self.debounce) {
                    Ok(m) => m,
                    Err(RecvTimeoutError::Timeout) => {
                        self.check_due()?;
                        continue;
                    }
                    Err(RecvTimeoutError::Disconnected) => return Ok(()),
                }
            };
            match message {
                Message::Request(request) => {
                    let done = self
                        .connection
                        .handle_shutdown(&request)
                        .map_err(|e| e.to_string())?;
                    if done {
                        return Ok(());
                    }
                    self.request(request)?;
                }
                Message::Notification(n) if n.method == "exit" => return Ok(()),
                Message::Notification(n) => self.notification(n)?,
                Message::Response(_) => {}
            }
        }
    }

    fn send(&self, message: Message) -> Result<(), String> {
        self.connection
            .sender
            .send(message)
            .map_err(|e| e.to_string())
    }

    // ------------------------------------------------------------ documents

    fn notification(&mut self, n: Notification) -> Result<(), String> {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(p) =
                    n.extract::<lsp_types::DidOpenTextDocumentParams>(DidOpenTextDocument::METHOD)
                else {
                    return Ok(());
                };
                let doc = p.text_document;
                self.update(doc.uri, doc.version, doc.text);
            }
            DidChangeTextDocument::METHOD => {
                let Ok(p) = n.extract::<lsp_types::DidChangeTextDocumentParams>(
                    DidChangeTextDocument::METHOD,
                ) else {
                    return Ok(());
                };
                // Whole-document sync: the last change is the whole text.
                if let Some(change) = p.content_changes.into_iter().last() {
                    self.update(p.text_document.uri, p.text_document.version, change.text);
                }
            }
            DidCloseTextDocument::METHOD => {
                let Ok(p) = n
                    .extract::<lsp_types::DidCloseTextDocumentParams>(DidCloseTextDocument::METHOD)
                else {
                    return Ok(());
                };
                let key = p.text_document.uri.as_str().to_string();
                self.documents.remove(&key);
                self.due.remove(&key);
                self.publish(p.text_document.uri, Vec::new(), None)?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Takes a document's new text; it is checked when typing pauses.
    fn update(&mut self, uri: Uri, version: i32, text: String) {
        let key = uri.as_str().to_string();
        let index = LineIndex::new(&text);
        self.documents.insert(
            key.clone(),
            Document {
                uri,
                version,
                text,
                index,
                analysis: None,
            },
        );
        self.due.insert(key);
    }

    /// Checks every document changed since its last check and publishes
    /// its diagnostics, with the version they are for.
    fn check_due(&mut self) -> Result<(), String> {
        let due = std::mem::take(&mut self.due);
        for key in due {
            self.analyse(&key)?;
        }
        Ok(())
    }

    /// Checks one document if it is due, and publishes its diagnostics.
    fn analyse(&mut self, key: &str) -> Result<(), String> {
        let Some(doc) = self.documents.get_mut(key) else {
            return Ok(());
        };
        if doc.analysis.is_some() {
            return Ok(());
        }
        let analysis = Analysis::new(&doc.name(), &doc.text, &Options::default());
        doc.analysis = Some(analysis);
        self.due.remove(key);
        let Some(doc) = self.documents.get(key) else {
            return Ok(());
        };
        let view = view(doc, self.encoding);
        let diagnostics = doc
            .analysis
            .iter()
            .flat_map(|a| a.diagnostics())
            .map(|d| view.diagnostic(d, self.lang))
            .collect();
        self.publish(doc.uri.clone(), diagnostics, Some(doc.version))
    }

    fn publish(
        &self,
        uri: Uri,
        diagnostics: Vec<lsp_types::Diagnostic>,
        version: Option<i32>,
    ) -> Result<(), String> {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Message::Notification(Notification::new(
            PublishDiagnostics::METHOD.into(),
            params,
        )))
    }

    /// Checks the document a request is about, if it is due.
    fn ready(&mut self, id: &TextDocumentIdentifier) -> Result<(), Failure> {
        self.analyse(id.uri.as_str())
            .map_err(|e| (ErrorCode::InternalError, e))
    }

    /// The open document a request is about.
    fn document(&self, id: &TextDocumentIdentifier) -> Result<&Document, Failure> {
        self.documents.get(id.uri.as_str()).ok_or_else(|| {
            (
                ErrorCode::InvalidParams,
                format!("document not open: {}", id.uri.as_str()),
            )
        })
    }

    // ------------------------------------------------------------- requests

    fn request(&mut self, request: Request) -> Result<(), String> {
        let id = request.id.clone();
        let answer = match request.method.as_str() {
            HoverRequest::METHOD => self.with(request, Self::hover),
            Completion::METHOD => self.with(request, Self::completion),
            GotoDefinition::METHOD => self.with(request, Self::definition),
            References::METHOD => self.with(request, Self::references),
            DocumentSymbolRequest::METHOD => self.with(request, Self::symbols),
            FoldingRangeRequest::METHOD => self.with(request, Self::folding),
            Formatting::METHOD => self.with(request, Self::formatting),
            CodeActionRequest::METHOD => self.with(request, Self::code_actions),
            other => Err((
                ErrorCode::MethodNotFound,
                format!("unknown request: {other}"),
            )),
        };
        self.respond(id, answer)
    }

    fn respond(&self, id: RequestId, answer: Answer) -> Result<(), String> {
        let response = match answer {
            Ok(result) => Response::new_ok(id, result),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        };
        self.send(Message::Response(response))
    }

    /// Reads a request's parameters, runs its handler and makes its result
    /// JSON.
    fn with<P, R>(
        &mut self,
        request: Request,
        handler: fn(&mut Self, P) -> Result<R, Failure>,
    ) -> Answer
    where
        P: serde::de::DeserializeOwned,
        R: serde::Serialize,
    {
        let params: P = serde_json::from_value(request.params)
            .map_err(|e| (ErrorCode::InvalidParams, e.to_string()))?;
        let result = handler(self, params)?;
        serde_json::to_value(result).map_err(|e| (ErrorCode::InternalError, e.to_string()))
    }

    /// The document at a position (checked by [`Server::ready`]), and the
    /// byte offset there.
    fn at(
        &self,
        id: &TextDocumentIdentifier,
        position: Position,
    ) -> Result<(&Document, usize), Failure> {
        let doc = self.document(id)?;
        let offset = doc.index.offset(&doc.text, position, self.encoding);
        Ok((doc, offset))
    }

    fn hover(&mut self, p: HoverParams) -> Result<Option<Hover>, Failure> {
        let lang = self.lang;
        let pos = p.text_document_position_params;
        self.ready(&pos.text_document)?;
        let (doc, offset) = self.at(&pos.text_document, pos.position)?;
        let Some(hover) = doc.analysis.as_ref().and_then(|a| a.hover(offset, lang)) else {
            return Ok(None);
        };
        Ok(Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: hover.markdown,
            }),
            range: Some(view(doc, self.encoding).range(hover.span)),
        }))
    }

    fn completion(
        &mut self,
        p: CompletionParams,
    ) -> Result<Vec<lsp_types::CompletionItem>, Failure> {
        let lang = self.lang;
        let pos = p.text_document_position;
        self.ready(&pos.text_document)?;
        let (doc, offset) = self.at(&pos.text_document, pos.position)?;
        let items = doc
            .analysis
            .as_ref()
            .map(|a| a.completions(offset, lang))
            .unwrap_or_default();
        let view = view(doc, self.encoding);
        Ok(items.into_iter().map(|c| view.completion(c)).collect())
    }

    fn definition(
        &mut self,
        p: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>, Failure> {
        let pos = p.text_document_position_params;
        self.ready(&pos.text_document)?;
        let (doc, offset) = self.at(&pos.text_document, pos.position)?;
        let spans = doc
            .analysis
            .as_ref()
            .map(|a| a.definition(offset))
            .unwrap_or_default();
        let view = view(doc, self.encoding);
        let locations: Vec<Location> = spans
            .into_iter()
            .map(|s| Location::new(doc.uri.clone(), view.range(s)))
            .collect();
        Ok((!locations.is_empty()).then_some(GotoDefinitionResponse::Array(locations)))
    }

    fn references(&mut self, p: ReferenceParams) -> Result<Vec<Location>, Failure> {
        let pos = p.text_document_position;
        let with_definition = p.context.include_declaration;
        self.ready(&pos.text_document)?;
        let (doc, offset) = self.at(&pos.text_document, pos.position)?;
        let spans = doc
            .analysis
            .as_ref()
            .map(|a| a.references(offset, with_definition))
            .unwrap_or_default();
        let view = view(doc, self.encoding);
        Ok(spans
            .into_iter()
            .map(|s| Location::new(doc.uri.clone(), view.range(s)))
            .collect())
    }

    fn symbols(&mut self, p: DocumentSymbolParams) -> Result<DocumentSymbolResponse, Failure> {
        let lang = self.lang;
        self.ready(&p.text_document)?;
        let doc = self.document(&p.text_document)?;
        let symbols = doc
            .analysis
            .as_ref()
            .map(|a| a.symbols(lang))
            .unwrap_or_default();
        let view = view(doc, self.encoding);
        Ok(DocumentSymbolResponse::Nested(
            symbols.into_iter().map(|s| view.symbol(s)).collect(),
        ))
    }

    fn folding(&mut self, p: FoldingRangeParams) -> Result<Vec<lsp_types::FoldingRange>, Failure> {
        self.ready(&p.text_document)?;
        let doc = self.document(&p.text_document)?;
        let folds = doc
            .analysis
            .as_ref()
            .map(|a| a.folding())
            .unwrap_or_default();
        Ok(folds.into_iter().map(convert::folding).collect())
    }

    /// The `fmt` printer over the whole document; nothing for a document
    /// that does not parse (it is never rewritten).
    fn formatting(
        &mut self,
        p: DocumentFormattingParams,
    ) -> Result<Option<Vec<lsp_types::TextEdit>>, Failure> {
        self.ready(&p.text_document)?;
        let doc = self.document(&p.text_document)?;
        let Ok(formatted) = crate::format::format(&doc.text, crate::format::Options::default())
        else {
            return Ok(None);
        };
        if formatted == doc.text {
            return Ok(Some(Vec::new()));
        }
        Ok(Some(vec![view(doc, self.encoding).replace_all(formatted)]))
    }

    /// A quick fix for each diagnostic in the range that has one, and
    /// "fix all" (the safe fixes of the whole document, as `check --fix`).
    fn code_actions(&mut self, p: CodeActionParams) -> Result<Vec<CodeActionOrCommand>, Failure> {
        let lang = self.lang;
        let only = p.context.only.clone();
        let wanted = |kind: &CodeActionKind| {
            only.as_ref()
                .is_none_or(|o| o.iter().any(|k| kind.as_str().starts_with(k.as_str())))
        };
        self.ready(&p.text_document)?;
        let doc = self.document(&p.text_document)?;
        let view = view(doc, self.encoding);
        let mut actions = Vec::new();
        let Some(analysis) = doc.analysis.as_ref() else {
            return Ok(actions);
        };
        if wanted(&CodeActionKind::QUICKFIX) {
            for d in analysis.diagnostics() {
                let Some(fix) = &d.fix else { continue };
                let diagnostic = view.diagnostic(d, lang);
                if !overlaps(diagnostic.range, p.range) {
                    continue;
                }
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix.title(lang),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic]),
                    edit: Some(edit(&doc.uri, view.edits(fix))),
                    is_preferred: Some(fix.is_safe()),
                    ..Default::default()
                }));
            }
        }
        let fix_all = CodeActionKind::new(super::FIX_ALL);
        if wanted(&fix_all)
            && crate::fix::applicable(analysis.diagnostics(), false)
                .next()
                .is_some()
        {
            let fixed = crate::fix::fix_plan(
                vec![(doc.name(), doc.text.clone())],
                &Options::default(),
                false,
            );
            if let Some(file) = fixed.files.into_iter().next().filter(|f| f.fixed > 0) {
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: match lang {
                        Lang::Zh => format!("修复全部可自动修复的问题（{} 处）", file.fixed),
                        Lang::En => format!("Fix all safely fixable problems ({})", file.fixed),
                    },
                    kind: Some(fix_all),
                    edit: Some(edit(&doc.uri, vec![view.replace_all(file.text)])),
                    ..Default::default()
                }));
            }
        }
        Ok(actions)
    }
}

/// A document as the converters see it.
fn view(doc: &Document, encoding: Encoding) -> Doc<'_> {
    Doc {
        uri: &doc.uri,
        text: &doc.text,
        index: &doc.index,
        encoding,
    }
}

/// A workspace edit of one document.
fn edit(uri: &Uri, edits: Vec<lsp_types::TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..Default::default()
    }
}

/// Whether two ranges share a position (touching counts: a cursor at the
/// end of a diagnostic's range is on it).
fn overlaps(a: Range, b: Range) -> bool {
    let key = |p: Position| (p.line, p.character);
    key(a.start) <= key(b.end) && key(b.start) <= key(a.end)
}
