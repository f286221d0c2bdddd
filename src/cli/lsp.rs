//! `perfplan lsp`: the language server over standard input and output.

use super::errors;
use perfplan::diagnostic::Lang;
use perfplan::lsp::{Settings, serve};
use std::process::ExitCode;

/// Serves one editor until it shuts the server down. Messages are in the
/// editor's language, or `lang` (from `--lang` or the locale) when it
/// does not say.
pub fn run(lang: Lang) -> miette::Result<ExitCode> {
    let (connection, io_threads) = lsp_server::Connection::stdio();
    let served = serve(
        &connection,
        Settings {
            lang,
            ..Settings::default()
        },
    );
    drop(connection);
    let joined = io_threads.join();
    served.map_err(|e| errors::lsp_failed(&e, lang))?;
    joined.map_err(|e| errors::lsp_failed(&e.to_string(), lang))?;
    Ok(ExitCode::SUCCESS)
}
