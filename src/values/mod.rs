//! Typed values: exact numbers, units, checkpoints, comparators and
//! yes-or-no words.
//!
//! The grammar reads these tokens loosely; the functions here read them
//! strictly and say precisely what is wrong. They are pure: a token's text
//! in, a value or a [`ValueError`] out. Lowering adds the span.

pub mod comparator;
pub mod date;
pub mod number;
pub mod period;
pub mod unit;
pub mod yes_no;

use crate::diagnostic::Message;

/// Why a token is not a valid value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueError {
    /// The diagnostic code, from `crate::codes`.
    pub code: &'static str,
    pub message: Message,
    /// The label under the token.
    pub label: Message,
    pub help: Option<Message>,
    /// What to write instead of the token, when that is certain: the
    /// diagnostic's fix (safe when `true`).
    pub replacement: Option<(String, bool)>,
}

/// The result of reading a value. The error is boxed: values are read on
/// every token, and errors are rare.
pub type ValueResult<T> = Result<T, Box<ValueError>>;

impl ValueError {
    pub fn new(code: &'static str, message: Message, label: Message) -> Box<ValueError> {
        Box::new(ValueError {
            code,
            message,
            label,
            help: None,
            replacement: None,
        })
    }

    pub fn help(mut self: Box<Self>, help: Message) -> Box<ValueError> {
        self.help = Some(help);
        self
    }

    /// The text that replaces the token, and whether that is safe.
    pub fn replace_with(
        mut self: Box<Self>,
        text: impl Into<String>,
        safe: bool,
    ) -> Box<ValueError> {
        self.replacement = Some((text.into(), safe));
        self
    }
}
