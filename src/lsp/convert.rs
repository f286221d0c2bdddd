//! The compiler's values as LSP values: diagnostics, fixes, and the
//! answers of [`crate::ide`]. Every span goes through one [`Doc`], which
//! knows the text and the negotiated encoding.

use super::lines::{Encoding, LineIndex};
use crate::diagnostic::{Diagnostic, Fix, LabelStyle, Lang, Severity};
use crate::ide;
use crate::source::Span;
use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, DiagnosticRelatedInformation,
    DiagnosticSeverity, DocumentSymbol, FoldingRange, FoldingRangeKind, Location, NumberOrString,
    Range, SymbolKind, TextEdit, Uri,
};

/// One version of a document as the converters need it.
pub struct Doc<'a> {
    pub uri: &'a Uri,
    pub text: &'a str,
    pub index: &'a LineIndex,
    pub encoding: Encoding,
}

impl Doc<'_> {
    pub fn range(&self, span: Span) -> Range {
        self.index.range(self.text, span, self.encoding)
    }

    /// A diagnostic as the editor shows it: the message, then its help on
    /// a line of its own; the other places it names as related
    /// information.
    pub fn diagnostic(&self, d: &Diagnostic, lang: Lang) -> lsp_types::Diagnostic {
        let span = d.location().map(|(_, s)| s).unwrap_or_default();
        let message = d.full_text(lang);
        let related: Vec<_> = d
            .labels
            .iter()
            .filter(|l| l.style == LabelStyle::Secondary)
            .map(|l| DiagnosticRelatedInformation {
                location: Location::new(self.uri.clone(), self.range(l.span)),
                message: l.message.get(lang).to_string(),
            })
            .collect();
        lsp_types::Diagnostic {
            range: self.range(span),
            severity: Some(match d.severity {
                Severity::Error => DiagnosticSeverity::ERROR,
                Severity::Warning => DiagnosticSeverity::WARNING,
            }),
            code: Some(NumberOrString::String(d.code.to_string())),
            source: Some("perfplan".into()),
            message,
            related_information: (!related.is_empty()).then_some(related),
            ..Default::default()
        }
    }

    /// A fix's edits in this document.
    pub fn edits(&self, fix: &Fix) -> Vec<TextEdit> {
        fix.edits
            .iter()
            .map(|e| TextEdit::new(self.range(e.span), e.replacement.clone()))
            .collect()
    }

    /// The whole document replaced by `text`.
    pub fn replace_all(&self, text: String) -> TextEdit {
        TextEdit::new(self.range(Span::new(0, self.text.len())), text)
    }

    pub fn completion(&self, c: ide::Completion) -> CompletionItem {
        let kind = match c.kind {
            ide::CompletionKind::Keyword => CompletionItemKind::KEYWORD,
            ide::CompletionKind::Level => CompletionItemKind::ENUM_MEMBER,
            ide::CompletionKind::Unit => CompletionItemKind::UNIT,
            ide::CompletionKind::Reference => CompletionItemKind::REFERENCE,
            ide::CompletionKind::Checkpoint => CompletionItemKind::VALUE,
        };
        CompletionItem {
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                self.range(c.replace),
                c.insert_text,
            ))),
            label: c.label,
            kind: Some(kind),
            detail: c.detail,
            filter_text: Some(c.filter_text),
            ..Default::default()
        }
    }

    #[allow(deprecated)] // `DocumentSymbol::deprecated` must still be given.
    pub fn symbol(&self, s: ide::Symbol) -> DocumentSymbol {
        let kind = match s.kind {
            ide::SymbolKind::Plan => SymbolKind::FILE,
            ide::SymbolKind::Overall => SymbolKind::NAMESPACE,
            ide::SymbolKind::Summary => SymbolKind::INTERFACE,
            ide::SymbolKind::Measure => SymbolKind::STRING,
            ide::SymbolKind::Project => SymbolKind::CLASS,
            ide::SymbolKind::Indicator => SymbolKind::FIELD,
            ide::SymbolKind::Profile => SymbolKind::ENUM,
        };
        let children: Vec<_> = s.children.into_iter().map(|c| self.symbol(c)).collect();
        DocumentSymbol {
            name: if s.name.trim().is_empty() {
                "?".into()
            } else {
                s.name
            },
            detail: s.detail,
            kind,
            tags: None,
            deprecated: None,
            range: self.range(s.span),
            selection_range: self.range(s.selection),
            children: (!children.is_empty()).then_some(children),
        }
    }
}

/// A fold as LSP says it.
pub fn folding(f: ide::Fold) -> FoldingRange {
    FoldingRange {
        start_line: f.start_line as u32,
        end_line: f.end_line as u32,
        kind: Some(if f.comment {
            FoldingRangeKind::Comment
        } else {
            FoldingRangeKind::Region
        }),
        ..Default::default()
    }
}
