//! Diagnostics as GitHub Actions workflow commands
//! (`--message-format github`): one line per diagnostic, which the runner
//! turns into an annotation on the file and line,
//!
//! ```text
//! ::error file=plan.plan,line=8,col=29,endLine=8,endColumn=36,title=E0103::未知的计量单位 …
//! ```
//!
//! Columns count UTF-16 code units, as in SARIF (`super::sarif`). As
//! GitHub's toolkit does, `%`, `\r` and `\n` are percent-encoded in the
//! message, and `:` and `,` too in the properties, so that no text of a
//! plan can end the line or start another command. Control characters
//! and direction marks are made visible first, as on a terminal.

use super::cap::Omitted;
use super::escape::for_terminal;
use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::source::SourceMap;

/// One diagnostic as one workflow command (no newline): the message, then
/// its notes and help on lines of their own.
pub fn github_line(sources: &SourceMap, d: &Diagnostic, lang: Lang) -> String {
    let command = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut properties = Vec::new();
    if let Some((file, span)) = d.location()
        && let Some(source) = sources.get(file)
    {
        let ((line, col), (end_line, end_col)) = super::sarif::positions(source, span);
        properties.push(format!("file={}", escape_property(&source.name)));
        properties.push(format!(
            "line={line},col={col},endLine={end_line},endColumn={end_col}"
        ));
    }
    properties.push(format!("title={}", escape_property(d.code)));
    format!(
        "::{command} {}::{}",
        properties.join(","),
        escape_data(&d.full_text(lang))
    )
}

/// What `--max-diagnostics` left out of a file, as a warning on it.
pub fn omitted_line(o: &Omitted, sources: &SourceMap, lang: Lang) -> String {
    let file = o.file.and_then(|f| sources.get(f)).map(|s| &s.name);
    let properties = match file {
        Some(name) => format!(
            " file={},title=perfplan%3A%3Aomitted",
            escape_property(name)
        ),
        None => " title=perfplan%3A%3Aomitted".to_string(),
    };
    format!(
        "::warning{properties}::{}",
        escape_data(&o.message(sources, lang))
    )
}

/// An error of the command itself (`perfplan::io` …), with no file.
pub fn error_line(code: &str, message: &str) -> String {
    format!(
        "::error title={}::{}",
        escape_property(code),
        escape_data(message)
    )
}

/// A command's message: `%`, `\r` and `\n` encoded.
fn escape_data(text: &str) -> String {
    for_terminal(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property's value: also `:` and `,` encoded.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::msg;
    use crate::source::{SourceFile, Span};

    #[test]
    fn no_text_can_end_the_command() {
        let mut sources = SourceMap::new();
        let f = sources.add(SourceFile::new("a,b:c.plan", "资金 50%\n"));
        let d = Diagnostic::warning("W0009", msg!("50%\n::error::x", "50%\n::error::x")).primary(
            f,
            Span::new(7, 10),
            msg!("", ""),
        );
        let line = github_line(&sources, &d, Lang::En);
        assert_eq!(
            line,
            "::warning file=a%2Cb%3Ac.plan,line=1,col=4,endLine=1,endColumn=7,title=W0009::50%25%0A::error::x"
        );
        assert!(!line.contains('\n'));
        assert_eq!(
            error_line("perfplan::io", "a\nb%"),
            "::error title=perfplan%3A%3Aio::a%0Ab%25"
        );
    }
}
