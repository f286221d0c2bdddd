//! The one diagnostic model of the compiler.
//!
//! Every phase reports problems as [`Diagnostic`] values: a stable code, a
//! severity, a message, labelled spans, notes and a help line. Every text is
//! a [`Message`] that exists in Chinese and in English; the language is
//! chosen only when the diagnostic is rendered (`crate::render`).

use crate::source::{FileId, Span};
use serde::Serialize;

/// The language of messages and documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The language a locale string (`zh_CN.UTF-8`, `en_US`, `C`) asks for.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

/// A text in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub zh: String,
    pub en: String,
}

impl Message {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Message {
        Message {
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// How bad a diagnostic is. Errors make `check` fail; warnings do not
/// unless `--deny warnings` is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// Whether a label marks the problem itself or a place related to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LabelStyle {
    Primary,
    Secondary,
}

/// A span of source with a short message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub style: LabelStyle,
    pub file: FileId,
    pub span: Span,
    pub message: Message,
}

/// One problem found in a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable code such as `E0101`; see `crate::codes`.
    pub code: &'static str,
    pub severity: Severity,
    pub message: Message,
    /// The first primary label is where the diagnostic is reported.
    pub labels: Vec<Label>,
    pub notes: Vec<Message>,
    pub help: Option<Message>,
    /// The change that resolves it, when the checker knows it for sure
    /// (`perfplan check --fix`, the editor's quick fix).
    pub fix: Option<Fix>,
}

/// Whether a fix may be applied without a person reading it.
///
/// A *safe* fix keeps what the plan means (a full-width comma made
/// half-width, a figure restated from the project's own table);
/// `check --fix` applies it. An *unsafe* fix is the likely intent but
/// changes a figure or a word the user chose (a comparator turned round);
/// it is applied only with `--unsafe-fixes`, or chosen in an editor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    Unsafe,
    Safe,
}

/// One replacement of a span of a file's text (empty to delete; an empty
/// span to insert).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub file: FileId,
    pub span: Span,
    pub replacement: String,
}

/// A change that resolves a diagnostic: what it does, in both languages,
/// and its edits, applied together or not at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub message: Message,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A safe fix of one edit.
    pub fn safe(message: Message, file: FileId, span: Span, replacement: impl Into<String>) -> Fix {
        Fix {
            message,
            applicability: Applicability::Safe,
            edits: vec![Edit {
                file,
                span,
                replacement: replacement.into(),
            }],
        }
    }

    /// An unsafe fix of one edit.
    pub fn unsafe_edit(
        message: Message,
        file: FileId,
        span: Span,
        replacement: impl Into<String>,
    ) -> Fix {
        Fix {
            applicability: Applicability::Unsafe,
            ..Fix::safe(message, file, span, replacement)
        }
    }

    pub fn is_safe(&self) -> bool {
        self.applicability == Applicability::Safe
    }

    /// What the fix does, as an editor's quick fix or a SARIF fix names
    /// it, with a reminder to review an unsafe one.
    pub fn title(&self, lang: Lang) -> String {
        let title = self.message.get(lang).to_string();
        match (self.applicability, lang) {
            (Applicability::Safe, _) => title,
            (Applicability::Unsafe, Lang::Zh) => format!("{title}（请核对）"),
            (Applicability::Unsafe, Lang::En) => format!("{title} (review it)"),
        }
    }
}

impl Diagnostic {
    pub fn error(code: &'static str, message: Message) -> Diagnostic {
        Diagnostic {
            code,
            severity: Severity::Error,
            message,
            labels: Vec::new(),
            notes: Vec::new(),
            help: None,
            fix: None,
        }
    }

    pub fn warning(code: &'static str, message: Message) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    pub fn primary(mut self, file: FileId, span: Span, message: Message) -> Diagnostic {
        self.labels.push(Label {
            style: LabelStyle::Primary,
            file,
            span,
            message,
        });
        self
    }

    pub fn secondary(mut self, file: FileId, span: Span, message: Message) -> Diagnostic {
        self.labels.push(Label {
            style: LabelStyle::Secondary,
            file,
            span,
            message,
        });
        self
    }

    pub fn note(mut self, note: Message) -> Diagnostic {
        self.notes.push(note);
        self
    }

    pub fn help(mut self, help: Message) -> Diagnostic {
        self.help = Some(help);
        self
    }

    /// Attaches the fix that resolves this diagnostic.
    pub fn fix(mut self, fix: Fix) -> Diagnostic {
        self.fix = Some(fix);
        self
    }

    /// The primary location: the file and span of the first primary label.
    pub fn location(&self) -> Option<(FileId, Span)> {
        self.labels
            .iter()
            .find(|l| l.style == LabelStyle::Primary)
            .or(self.labels.first())
            .map(|l| (l.file, l.span))
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The message, then each note and the help on a line of its own, for
    /// the formats that show one text (an editor, GitHub, SARIF).
    pub fn full_text(&self, lang: Lang) -> String {
        let (note, help) = match lang {
            Lang::Zh => ("注：", "帮助："),
            Lang::En => ("note: ", "help: "),
        };
        let mut text = self.message.get(lang).to_string();
        for n in &self.notes {
            text.push('\n');
            text.push_str(note);
            text.push_str(n.get(lang));
        }
        if let Some(h) = &self.help {
            text.push('\n');
            text.push_str(help);
            text.push_str(h.get(lang));
        }
        text
    }
}

/// How many of `diagnostics` are errors.
pub fn error_count(diagnostics: &[Diagnostic]) -> usize {
    diagnostics.iter().filter(|d| d.is_error()).count()
}

/// Sorts diagnostics by file, then position, then code: the order in which
/// they are shown, whatever order the phases found them in.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| {
        let (file, span) = d.location().unwrap_or_default();
        (file, span.start, span.end, d.code)
    });
}

/// Builds a [`Message`] from a Chinese and an English format string that
/// share their arguments: `msg!("金额 {}", "amount {}", x)`.
#[macro_export]
macro_rules! msg {
    ($zh:expr, $en:expr $(,)?) => {
        $crate::diagnostic::Message::new(format!($zh), format!($en))
    };
    ($zh:expr, $en:expr, $($arg:expr),+ $(,)?) => {
        $crate::diagnostic::Message::new(format!($zh, $($arg),+), format!($en, $($arg),+))
    };
}
