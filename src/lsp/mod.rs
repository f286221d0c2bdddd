//! `perfplan lsp`: the language server.
//!
//! It speaks LSP over a [`lsp_server::Connection`] (standard input and
//! output from the binary, an in-memory pair in tests) with the same
//! checker, fixes and formatter as the command line. Each open document is
//! checked on its own, whole, after every change (once the typing pauses);
//! what the editor asks (hover, completion, definition, outline …) is
//! answered by [`crate::ide`] from the latest check. Positions are
//! converted in one place ([`lines`]), in the encoding negotiated at
//! start: UTF-8 when the client offers it, UTF-16 otherwise.
//!
//! The server is synchronous: one thread reads the messages in order and
//! answers them, so a change is never applied out of order.

mod convert;
pub mod lines;
mod server;

use crate::diagnostic::Lang;
use lines::Encoding;
use lsp_server::Connection;
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions,
    FoldingRangeProviderCapability, HoverProviderCapability, InitializeParams, OneOf,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions,
};
use std::time::Duration;

/// How the server is set up: the language of messages when the client
/// does not say, and how long typing must pause before a re-check.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    pub lang: Lang,
    pub debounce: Duration,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            lang: Lang::Zh,
            debounce: Duration::from_millis(200),
        }
    }
}

/// The code action kind of "fix everything that is safe".
pub const FIX_ALL: &str = "source.fixAll.perfplan";

/// Runs the server on `connection` until the client shuts it down.
pub fn serve(connection: &Connection, settings: Settings) -> Result<(), String> {
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let params: InitializeParams = serde_json::from_value(params).map_err(|e| e.to_string())?;
    let encoding = Encoding::negotiate(
        params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    let lang = client_lang(&params).unwrap_or(settings.lang);
    let result = serde_json::json!({
        "capabilities": capabilities(encoding),
        "serverInfo": ServerInfo {
            name: "perfplan".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        },
    });
    connection
        .initialize_finish(id, result)
        .map_err(|e| e.to_string())?;
    server::Server::new(connection, encoding, lang, settings.debounce).run()
}

/// The language the client asks for: `initializationOptions.lang`
/// (`"zh"` or `"en"`), else the editor's own locale (`zh-cn` → Chinese).
fn client_lang(params: &InitializeParams) -> Option<Lang> {
    let option = params
        .initialization_options
        .as_ref()
        .and_then(|o| o.get("lang"))
        .and_then(|l| l.as_str());
    option.or(params.locale.as_deref()).map(Lang::from_locale)
}

/// What this server can do.
fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                ..Default::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![".".into(), " ".into()]),
            ..Default::default()
        }),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, CodeActionKind::new(FIX_ALL)]),
            ..Default::default()
        })),
        ..Default::default()
    }
}
