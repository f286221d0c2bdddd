//! What an editor asks of a plan: hover, completion, go to definition and
//! references, the outline, folding. The language server (`crate::lsp`)
//! turns these into LSP messages; here everything is byte offsets and
//! spans of one file, as in the rest of the compiler, so the answers are
//! tested without an editor.
//!
//! An [`Analysis`] is one check of one document: its tree (kept whole, as
//! `check` keeps it) and its diagnostics. The server makes a new one for
//! each version of the text.

mod completion;
mod hover;
mod navigation;
mod outline;
mod pinyin;

use crate::ast;
use crate::check::{Checked, Options, check};
use crate::diagnostic::{Diagnostic, Lang};
use crate::sema::Ctx;
use crate::source::{FileId, SourceFile, SourceMap, Span};

/// One checked version of one document.
#[derive(Debug)]
pub struct Analysis {
    sources: SourceMap,
    checked: Checked,
}

/// A hover card: the span it is about and its text in Markdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    pub span: Span,
    pub markdown: String,
}

/// What a completion item is, for the editor's icon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompletionKind {
    Keyword,
    /// A first- or second-level name of the framework.
    Level,
    Unit,
    /// A project id or a budget unit's code.
    Reference,
    /// A spending checkpoint such as `6月底`.
    Checkpoint,
}

/// One completion: the label shown and inserted (in Chinese where the
/// word is Chinese), the text the editor filters on (the label, its
/// pinyin initials and full pinyin), and the span it replaces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    pub label: String,
    pub kind: CompletionKind,
    pub detail: Option<String>,
    pub filter_text: String,
    pub insert_text: String,
    pub replace: Span,
}

/// What an outline entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolKind {
    Plan,
    Overall,
    Summary,
    Measure,
    Project,
    Indicator,
    Profile,
}

/// An entry of the document's outline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub detail: Option<String>,
    pub kind: SymbolKind,
    /// The whole item.
    pub span: Span,
    /// Its name or id, what the editor selects.
    pub selection: Span,
    pub children: Vec<Symbol>,
}

/// A foldable range of lines (0-based, inclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fold {
    pub start_line: usize,
    pub end_line: usize,
    pub comment: bool,
}

impl Analysis {
    /// Checks `text`, the document called `name`, on its own.
    pub fn new(name: &str, text: &str, options: &Options) -> Analysis {
        let mut sources = SourceMap::new();
        sources.add(SourceFile::new(name, text));
        let checked = check(&sources, options);
        Analysis { sources, checked }
    }

    /// The document's id in [`Analysis::sources`].
    pub fn file(&self) -> FileId {
        FileId(0)
    }

    /// The document as read.
    pub fn sources(&self) -> &SourceMap {
        &self.sources
    }

    /// The document's tree and diagnostics.
    pub fn checked(&self) -> &Checked {
        &self.checked
    }

    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.checked.diagnostics
    }

    /// The card for what is at `offset`: a diagnostic code, an indicator,
    /// a project id or a budget unit's code.
    pub fn hover(&self, offset: usize, lang: Lang) -> Option<Hover> {
        let doc = self.doc(offset)?;
        hover::hover(&doc, lang)
    }

    /// The completions at `offset`.
    pub fn completions(&self, offset: usize, lang: Lang) -> Vec<Completion> {
        match self.doc(offset) {
            Some(doc) => completion::completions(&doc, lang),
            None => Vec::new(),
        }
    }

    /// Where what is at `offset` (a project id, a budget unit's code) is
    /// defined.
    pub fn definition(&self, offset: usize) -> Vec<Span> {
        match self.doc(offset) {
            Some(doc) => navigation::definition(&doc),
            None => Vec::new(),
        }
    }

    /// Every place that names what is at `offset`, with its definition
    /// when `with_definition`.
    pub fn references(&self, offset: usize, with_definition: bool) -> Vec<Span> {
        match self.doc(offset) {
            Some(doc) => navigation::references(&doc, with_definition),
            None => Vec::new(),
        }
    }

    /// The outline: the items of the document and the indicators of each
    /// project.
    pub fn symbols(&self, lang: Lang) -> Vec<Symbol> {
        match self.doc(0) {
            Some(doc) => outline::symbols(&doc, lang),
            None => Vec::new(),
        }
    }

    /// The blocks, multi-line texts and runs of comment lines.
    pub fn folding(&self) -> Vec<Fold> {
        match self.doc(0) {
            Some(doc) => outline::folding(&doc),
            None => Vec::new(),
        }
    }

    /// The document, its tree and its index, with `offset` clamped to the
    /// text and moved back to a character boundary.
    fn doc(&self, offset: usize) -> Option<Doc<'_>> {
        let source = self.sources.get(self.file())?;
        let tree = self.checked.files.first()?;
        let text = source.text.as_str();
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        Some(Doc {
            source,
            text,
            tree,
            ctx: Ctx::new(&self.checked.files),
            offset,
        })
    }
}

/// What every answer reads: the document's text and tree, the plan's
/// index over it, and the offset asked about (on a character boundary).
struct Doc<'a> {
    source: &'a SourceFile,
    text: &'a str,
    tree: &'a ast::File,
    ctx: Ctx<'a>,
    offset: usize,
}

impl Doc<'_> {
    /// The text under a span; empty when out of range.
    fn slice(&self, span: Span) -> &str {
        self.source.slice(span)
    }

    /// The 0-based line of a byte offset.
    fn line_of(&self, offset: usize) -> usize {
        self.source.position(offset).line.saturating_sub(1)
    }

    /// The byte range of the physical line around `offset`, its line
    /// break excluded.
    fn line_around(&self, offset: usize) -> std::ops::Range<usize> {
        let offset = offset.min(self.text.len());
        let before = self.text.get(..offset).unwrap_or("");
        let after = self.text.get(offset..).unwrap_or("");
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = after.split('\n').next().unwrap_or("");
        let end = offset + line.strip_suffix('\r').unwrap_or(line).len();
        start..end
    }
}
