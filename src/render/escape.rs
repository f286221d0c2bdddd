//! What reaches a terminal is only what the program means to show.
//!
//! A plan's text, a file name or git's stderr may hold control characters:
//! an escape sequence in a goal (`ESC[1A ESC[2K`) would move the cursor and
//! erase lines of the output around it, and a direction override
//! (U+202E) would show text in another order than it has. Human output
//! therefore shows every such character visibly, as rustc does: a C0
//! control or DEL as its Unicode control picture (`␛` for ESC, `␋` for a
//! vertical tab), and a C1 control or a direction mark as `<U+202E>`.
//! Tabs and line breaks are kept. JSON output needs none of this: its
//! strings escape control characters already.

use std::borrow::Cow;
use std::io::{self, Write};

use codespan_reporting::term::termcolor::{ColorSpec, WriteColor};

/// Whether a character must not reach a terminal as it is.
fn is_unsafe(c: char) -> bool {
    match c {
        '\t' | '\n' => false,
        _ if c.is_control() => true,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// How an unsafe character is shown.
fn shown(c: char, out: &mut String) {
    match c {
        '\0'..='\u{1F}' => out.extend(char::from_u32(0x2400 + c as u32)),
        '\u{7F}' => out.push('\u{2421}'),
        _ => out.push_str(&format!("<U+{:04X}>", c as u32)),
    }
}

/// The text with every control character and direction mark made
/// visible; borrowed when there is none.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            shown(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A terminal writer that makes the text written through it safe with
/// [`for_terminal`], while its colours (set with [`WriteColor`]) still
/// reach the terminal. A character split across two writes is held back
/// until it is whole.
pub struct Escaping<W> {
    inner: W,
    /// The first bytes of a character whose rest has not come yet.
    pending: Vec<u8>,
}

impl<W: WriteColor> Escaping<W> {
    pub fn new(inner: W) -> Escaping<W> {
        Escaping {
            inner,
            pending: Vec::new(),
        }
    }

    /// Writes the whole characters of `pending`, keeping an incomplete
    /// last one (invalid bytes are written as the replacement character).
    fn write_pending(&mut self) -> io::Result<()> {
        let bytes = std::mem::take(&mut self.pending);
        let (text, rest) = split_complete(&bytes);
        self.inner.write_all(for_terminal(&text).as_bytes())?;
        self.pending = rest.to_vec();
        Ok(())
    }
}

/// The text of the complete characters of `bytes`, and the bytes of an
/// incomplete character at its end (at most three).
fn split_complete(bytes: &[u8]) -> (Cow<'_, str>, &[u8]) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), &[]),
        Err(e) if e.error_len().is_none() => {
            let (whole, rest) = bytes.split_at(e.valid_up_to());
            (String::from_utf8_lossy(whole), rest)
        }
        Err(_) => (String::from_utf8_lossy(bytes), &[]),
    }
}

impl<W: WriteColor> Write for Escaping<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        self.write_pending()?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let rest = std::mem::take(&mut self.pending);
            self.inner
                .write_all(for_terminal(&String::from_utf8_lossy(&rest)).as_bytes())?;
        }
        self.inner.flush()
    }
}

impl<W: WriteColor> WriteColor for Escaping<W> {
    fn supports_color(&self) -> bool {
        self.inner.supports_color()
    }

    fn set_color(&mut self, spec: &ColorSpec) -> io::Result<()> {
        self.write_pending()?;
        self.inner.set_color(spec)
    }

    fn reset(&mut self) -> io::Result<()> {
        self.write_pending()?;
        self.inner.reset()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use codespan_reporting::term::termcolor::{Ansi, Color};

    #[test]
    fn control_characters_and_direction_marks_are_shown() {
        assert_eq!(for_terminal("a\u{1b}[2Kb"), "a␛[2Kb");
        assert_eq!(for_terminal("x\u{b}y\u{7f}\r"), "x␋y␡␍");
        assert_eq!(
            for_terminal("覆盖\u{202e}率\u{85}"),
            "覆盖<U+202E>率<U+0085>"
        );
        assert!(matches!(for_terminal("目标\t≥95%\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_writer_escapes_text_split_anywhere_and_keeps_colours() {
        let text = "目标\u{1b}[1A\u{202e}完成".as_bytes();
        for cut in 0..text.len() {
            let mut out = Escaping::new(Ansi::new(Vec::new()));
            let _ = out.set_color(ColorSpec::new().set_fg(Some(Color::Red)));
            let _ = out.write_all(&text[..cut]);
            let _ = out.write_all(&text[cut..]);
            let _ = out.reset();
            let _ = out.flush();
            let written = String::from_utf8(out.inner.into_inner()).unwrap_or_default();
            assert_eq!(written, "\u{1b}[0m\u{1b}[31m目标␛[1A<U+202E>完成\u{1b}[0m");
        }
    }
}
