//! The layout scanner: splits a file into logical lines before parsing.
//!
//! A logical line is one physical line, or several when a `"""` text spans
//! them. The scanner knows strings and comments, so it can tell where a line
//! really ends, whether it opens a block (its last character is `{`) or
//! closes one (it is `}`), and where its comments are. It reports the
//! lexical problems that would otherwise baffle the parser: an unclosed
//! text, and full-width punctuation that the language cannot accept.

use crate::ast::Comment;
use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::source::{FileId, Span};

/// One logical line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// From the first to the last byte of the line, newline excluded.
    pub span: Span,
    /// The statement: from the first non-blank character to the last one
    /// before a trailing comment. Empty for blank and comment-only lines.
    pub content: Span,
    /// Whether the scanner reported a problem on this line that the parser
    /// cannot read past (the parser then leaves the line alone rather than
    /// report it twice).
    pub has_error: bool,
    /// Full-width marks reported on this line that have a one-character
    /// ASCII fix: the parser reads the line as if they were fixed, so that
    /// the rest of the line is still checked.
    pub repairs: Vec<Repair>,
}

/// A reported full-width mark and the ASCII text that replaces it (empty
/// when the mark is to be deleted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repair {
    pub span: Span,
    pub replacement: String,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.content.is_empty()
    }
}

/// What the scanner found in one file.
#[derive(Debug, Default)]
pub struct Layout {
    pub lines: Vec<Line>,
    pub comments: Vec<Comment>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Scans a file. Never fails: problems become diagnostics.
pub fn scan(file: FileId, text: &str) -> Layout {
    let mut lines = lines(file, text, 0..text.len());
    let found: Vec<Line> = lines.by_ref().collect();
    let mut layout = lines.finish();
    layout.lines = found;
    layout
}

/// The logical lines that start in `range` of a file, one at a time, with
/// the comments and diagnostics of those lines gathered for
/// [`Lines::finish`]. `range.start` must be the start of a logical line (0,
/// or where [`scan`] starts a line): the scanner knows nothing of what
/// comes before, and it needs nothing, since every logical line is scanned
/// afresh. So a file can be scanned in pieces, in parallel, with the same
/// lines, comments and diagnostics as in one piece.
pub fn lines(file: FileId, text: &str, range: std::ops::Range<usize>) -> Lines<'_> {
    let start = if range.start == 0 && text.starts_with('\u{feff}') {
        3
    } else if text.is_char_boundary(range.start) {
        range.start
    } else {
        // Not a line start at all: nothing to scan.
        text.len()
    };
    Lines {
        scanner: Scanner {
            file,
            text,
            pos: start,
            layout: Layout::default(),
            record: true,
            trailing_until: 0,
        },
        end: range.end.min(text.len()),
    }
}

/// The lines of a file, scanned as they are read: see [`lines`].
pub struct Lines<'a> {
    scanner: Scanner<'a>,
    end: usize,
}

impl Lines<'_> {
    /// Scans without recording comments and diagnostics, when only the
    /// lines are wanted.
    pub fn quiet(mut self) -> Self {
        self.scanner.record = false;
        self
    }

    /// The comments and diagnostics of the lines scanned (its `lines` are
    /// empty: they were handed out one by one).
    pub fn finish(self) -> Layout {
        self.scanner.layout
    }
}

impl Iterator for Lines<'_> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        (self.scanner.pos < self.end).then(|| self.scanner.line())
    }
}

struct Scanner<'a> {
    file: FileId,
    text: &'a str,
    pos: usize,
    /// Comments and diagnostics go here (lines are returned).
    layout: Layout,
    /// Whether to record comments and diagnostics.
    record: bool,
    /// Up to where the text is known to hold only trailing marks and
    /// blanks before its line's end, so that a run of `；；；` is scanned
    /// once, not once per mark.
    trailing_until: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    fn rest(&self) -> &str {
        &self.text[self.pos..]
    }

    /// Scans one logical line, starting at `self.pos`, and moves past its
    /// newline.
    fn line(&mut self) -> Line {
        let start = self.pos;
        let mut content_start = None;
        let mut content_end = start;
        let mut has_error = false;
        let mut repairs = Vec::new();
        // Hidden characters since the last token: blanks to the parser,
        // repaired only when a token follows them on the line.
        let mut hidden_run = Vec::new();
        while let Some(c) = self.peek() {
            match c {
                '\n' => break,
                '\r' if self.rest().starts_with("\r\n") => break,
                '#' => {
                    self.comment(content_start.is_none());
                    break;
                }
                ' ' | '\t' | '\r' | '\u{3000}' => self.pos += c.len_utf8(),
                _ if hidden(c).is_some() => hidden_run.push(self.hidden_blank(c)),
                _ => {
                    if content_start.is_some() {
                        repairs.append(&mut hidden_run);
                    }
                    hidden_run.clear();
                    content_start.get_or_insert(self.pos);
                    match self.token(c) {
                        Token::Fine => {}
                        Token::Repaired(r) => repairs.push(r),
                        Token::RepairedMany(r) => repairs.extend(r),
                        Token::Broken => has_error = true,
                    }
                    content_end = self.pos;
                }
            }
        }
        let end = self.pos;
        self.report_hidden(start, end);
        self.skip_newline();
        Line {
            span: Span::new(start, end),
            content: match content_start {
                Some(s) => Span::new(s, content_end),
                None => Span::new(end, end),
            },
            has_error,
            repairs,
        }
    }

    fn skip_newline(&mut self) {
        if self.rest().starts_with("\r\n") {
            self.pos += 2;
        } else if self.rest().starts_with('\n') {
            self.pos += 1;
        }
    }

    /// Moves past one character or one whole text.
    fn token(&mut self, c: char) -> Token {
        let whole = |ok: bool| if ok { Token::Fine } else { Token::Broken };
        if c == '"' && self.rest().starts_with("\"\"\"") {
            return whole(self.block_text());
        }
        match c {
            '"' => whole(self.quoted('"', '"', true)),
            '“' => whole(self.quoted('“', '”', false)),
            '「' => self.corner_quoted('「', '」'),
            '『' => self.corner_quoted('『', '』'),
            _ if is_fullwidth_alnum(c) => self.fullwidth_run(),
            _ => {
                let before = self.text[..self.pos].chars().next_back();
                self.pos += c.len_utf8();
                let Some(fix) = fullwidth_fix(c) else {
                    return Token::Fine;
                };
                let span = Span::new(self.pos - c.len_utf8(), self.pos);
                let fix = match fix {
                    // `产出。数量`: a full stop typed for the `.` of a path.
                    Fix::Delete if c == '。' && self.joins_words(before) => {
                        Fix::Replace(".".into())
                    }
                    // `≥ 95%以上。`: a mark that only ends the line.
                    Fix::Delete if self.ends_line() => Fix::Trailing,
                    fix => fix,
                };
                let replacement = match &fix {
                    Fix::Replace(a) => a.clone(),
                    Fix::Delete | Fix::Trailing => String::new(),
                };
                // A run of trailing marks (`。；`) is one slip: one warning.
                let span = match fix {
                    Fix::Trailing => self.trailing_run(span),
                    _ => span,
                };
                let written = &self.text[span.range()];
                self.report_fullwidth(written, span, fix);
                Token::Repaired(Repair { span, replacement })
            }
        }
    }

    /// Whether the character just read stands between two letters of a
    /// word, as the `.` of a path does (`产出。数量`).
    fn joins_words(&self, before: Option<char>) -> bool {
        let word = |c: char| c.is_alphanumeric() && !c.is_ascii_digit();
        before.is_some_and(word) && self.peek().is_some_and(word)
    }

    /// Extends `first`, a trailing mark just read, over the marks that
    /// follow it on the line, and moves past them.
    fn trailing_run(&mut self, first: Span) -> Span {
        let rest = self.rest();
        let len = rest
            .find(|c: char| !matches!(c, '。' | '；' | ';'))
            .unwrap_or(rest.len());
        self.pos += len;
        Span::new(first.start as usize, self.pos)
    }

    /// Whether nothing but blanks, other such marks and a comment follow
    /// on the line.
    fn ends_line(&mut self) -> bool {
        if self.pos <= self.trailing_until {
            return true;
        }
        let rest = self.rest();
        let line = rest.find(['\n', '\r', '#']).map_or(rest, |i| &rest[..i]);
        let trailing = line
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '。' | '；' | ';'));
        if trailing {
            self.trailing_until = self.pos + line.len();
        }
        trailing
    }

    /// A text in corner brackets (`「…」`, as Taiwan and Hong Kong write
    /// quotes): read as a text, reported with the fix `“…”`, and repaired
    /// to it for the parser.
    fn corner_quoted(&mut self, open: char, close: char) -> Token {
        let start = self.pos;
        if !self.quoted(open, close, false) {
            return Token::Broken;
        }
        let end = self.pos;
        let open_span = Span::new(start, start + open.len_utf8());
        let close_span = Span::new(end - close.len_utf8(), end);
        self.report_fullwidth(
            &format!("{open}…{close}"),
            Span::new(start, end),
            Fix::Replace("“…”".into()),
        );
        Token::RepairedMany(vec![
            Repair {
                span: open_span,
                replacement: "“".into(),
            },
            Repair {
                span: close_span,
                replacement: "”".into(),
            },
        ])
    }

    /// A run of full-width digits and letters (`９５`), reported once.
    fn fullwidth_run(&mut self) -> Token {
        let start = self.pos;
        let end = self
            .rest()
            .find(|c| !is_fullwidth_alnum(c))
            .map_or(self.text.len(), |i| self.pos + i);
        self.pos = end;
        let run = &self.text[start..end];
        let ascii: String = run
            .chars()
            .filter_map(|c| char::from_u32(c as u32 - 0xFEE0))
            .collect();
        let span = Span::new(start, end);
        self.report_fullwidth(run, span, Fix::Replace(ascii.clone()));
        Token::Repaired(Repair {
            span,
            replacement: ascii,
        })
    }

    fn comment(&mut self, own_line: bool) {
        let start = self.pos;
        let end = self
            .rest()
            .find('\n')
            .map_or(self.text.len(), |i| self.pos + i);
        let end = if self.text[..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        self.pos = end;
        if !self.record {
            return;
        }
        self.layout.comments.push(Comment {
            span: Span::new(start, end),
            own_line,
        });
    }

    /// A one-line text from `open` to `close`; `\` escapes the next
    /// character when `escapes` is on.
    fn quoted(&mut self, open: char, close: char, escapes: bool) -> bool {
        let start = self.pos;
        self.pos += open.len_utf8();
        loop {
            // Straight to the next character that matters: the closing
            // mark, a line end or an escape.
            let rest = self.rest();
            self.pos += rest
                .find(|c: char| c == close || c == '\n' || c == '\r' || (escapes && c == '\\'))
                .unwrap_or(rest.len());
            let Some(c) = self.peek() else {
                break;
            };
            if c == '\n' || self.rest().starts_with("\r\n") {
                break;
            }
            self.pos += c.len_utf8();
            if c == close {
                return true;
            }
            if let Some(next) = self.peek().filter(|n| escapes && c == '\\' && *n != '\n') {
                self.pos += next.len_utf8();
            }
        }
        self.report_unterminated(start, open, close);
        false
    }

    /// A `"""` text, which may span lines.
    fn block_text(&mut self) -> bool {
        let start = self.pos;
        self.pos += 3;
        match self.rest().find("\"\"\"") {
            Some(i) => {
                self.pos += i + 3;
                true
            }
            None => {
                self.pos = self.text.len();
                if !self.record {
                    return false;
                }
                let diagnostic = Diagnostic::error(
                    codes::UNTERMINATED_STRING,
                    msg!(
                        "多行文字没有结束的 `\"\"\"`",
                        "the text opened with `\"\"\"` is never closed"
                    ),
                )
                .primary(
                    self.file,
                    Span::new(start, start + 3),
                    msg!("从这里开始", "opened here"),
                )
                .help(msg!(
                    "在文字最后一行之后另起一行写 `\"\"\"`",
                    "add a line `\"\"\"` after the last line of the text"
                ));
                self.layout.diagnostics.push(diagnostic);
                false
            }
        }
    }

    fn report_unterminated(&mut self, start: usize, open: char, close: char) {
        if !self.record {
            return;
        }
        let diagnostic = Diagnostic::error(
            codes::UNTERMINATED_STRING,
            msg!("文字没有结束的引号 `{}`", "text has no closing `{}`", close),
        )
        .primary(
            self.file,
            Span::new(start, start + open.len_utf8()),
            msg!("文字从这里开始", "the text starts here"),
        )
        .secondary(
            self.file,
            Span::new(self.pos, self.pos),
            msg!("行在这里结束", "the line ends here"),
        )
        .help(msg!(
            "在文字末尾补上 `{}`；跨行的文字请用 `\"\"\"` 括起",
            "add `{}` at the end of the text; for text over several lines use `\"\"\"`",
            close
        ));
        self.layout.diagnostics.push(diagnostic);
    }

    /// Moves past a hidden character outside text, which the parser reads
    /// as a blank (a control) or as nothing (a direction mark); it is
    /// reported by [`Scanner::report_hidden`].
    fn hidden_blank(&mut self, c: char) -> Repair {
        let start = self.pos;
        self.pos += c.len_utf8();
        let replacement = if c.is_control() { " " } else { "" };
        Repair {
            span: Span::new(start, self.pos),
            replacement: replacement.into(),
        }
    }

    /// Reports the invisible characters of a logical line (`start..end`):
    /// control characters (an error) and direction overrides (a warning),
    /// one diagnostic for each run of the same character.
    fn report_hidden(&mut self, start: usize, end: usize) {
        if !self.record {
            return;
        }
        let mut at = start;
        while let Some((i, c)) = next_hidden(self.text, at, end) {
            let kind = if c.is_control() {
                Hidden::Control
            } else {
                Hidden::Direction
            };
            let mut run_end = i + c.len_utf8();
            while self.text[run_end..end].starts_with(c) {
                run_end += c.len_utf8();
            }
            let span = Span::new(i, run_end);
            let d = hidden_diagnostic(self.file, span, c, kind);
            self.layout.diagnostics.push(d);
            at = run_end;
        }
    }

    fn report_fullwidth(&mut self, c: &str, at: Span, fix: Fix) {
        if !self.record {
            return;
        }
        let (label, help, change) = match fix {
            Fix::Replace(ascii) => (
                msg!("全角 `{}`", "full-width `{}`", c),
                msg!("改为半角 `{}`", "write `{}` instead", ascii),
                crate::diagnostic::Fix::safe(
                    msg!("改为半角 `{}`", "write `{}`", ascii),
                    self.file,
                    at,
                    ascii.as_str(),
                ),
            ),
            Fix::Delete => (
                msg!(
                    "语句末尾不需要 `{}`",
                    "no `{}` is needed at the end of a statement",
                    c
                ),
                msg!(
                    "删除 `{}`：换行即结束一条语句",
                    "delete `{}`: a line break ends a statement",
                    c
                ),
                delete_mark(self.file, at, c),
            ),
            Fix::Trailing => {
                let d = Diagnostic::warning(
                    codes::TRAILING_MARK,
                    msg!(
                        "行末多余的 `{}`",
                        "a needless `{}` at the end of the line",
                        c
                    ),
                )
                .primary(
                    self.file,
                    at,
                    msg!(
                        "已忽略，这一行照常检查",
                        "ignored: the line is checked as it is"
                    ),
                )
                .help(msg!(
                    "删除 `{}`：换行即结束一条语句",
                    "delete `{}`: a line break ends a statement",
                    c
                ))
                .fix(delete_mark(self.file, at, c));
                self.layout.diagnostics.push(d);
                return;
            }
        };
        let diagnostic = Diagnostic::error(
            codes::FULLWIDTH,
            msg!(
                "这里不能使用全角符号 `{}`",
                "full-width `{}` cannot be used here",
                c
            ),
        )
        .primary(self.file, at, label)
        .help(help)
        .fix(change);
        self.layout.diagnostics.push(diagnostic);
    }
}

/// The fix that deletes the mark `c` at `at`.
fn delete_mark(file: FileId, at: Span, c: &str) -> crate::diagnostic::Fix {
    crate::diagnostic::Fix::safe(msg!("删除 `{}`", "delete `{}`", c), file, at, "")
}

/// What the scanner made of one token.
enum Token {
    Fine,
    Repaired(Repair),
    RepairedMany(Vec<Repair>),
    Broken,
}

/// Maps offsets in a line's text as given to the parser (possibly with
/// repairs applied) back to offsets in the file.
#[derive(Clone, Debug, Default)]
pub struct LineOffsets {
    /// The file offset of the line's first byte.
    pub base: usize,
    /// For each repair, in order: where its replacement ends in the
    /// repaired text, and how many bytes shorter the text is from there on.
    shifts: Vec<(usize, usize)>,
}

impl LineOffsets {
    pub fn new(base: usize) -> LineOffsets {
        LineOffsets {
            base,
            shifts: Vec::new(),
        }
    }

    /// The file offset of an offset in the parsed text.
    pub fn to_file(&self, offset: usize) -> usize {
        let shift = self
            .shifts
            .iter()
            .take_while(|(end, _)| *end <= offset)
            .last()
            .map_or(0, |(_, s)| *s);
        self.base + offset + shift
    }
}

/// The content of a line with its repairs applied, and the map back to
/// file offsets.
pub fn repaired(content: &str, content_start: usize, repairs: &[Repair]) -> (String, LineOffsets) {
    let mut out = String::with_capacity(content.len());
    let mut offsets = LineOffsets::new(content_start);
    let mut copied = 0;
    for r in repairs {
        let start = r.span.start as usize - content_start;
        out.push_str(content.get(copied..start).unwrap_or(""));
        out.push_str(&r.replacement);
        copied = start + r.span.len();
        let shift = copied - out.len();
        offsets.shifts.push((out.len(), shift));
    }
    out.push_str(content.get(copied..).unwrap_or(""));
    (out, offsets)
}

/// How to fix a full-width mark the language does not accept.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Fix {
    Replace(String),
    Delete,
    /// A `。` or `；` that only ends its line: deleted, with a warning.
    Trailing,
}

/// An invisible character that the scanner reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hidden {
    /// A control character (C0 but tab and line breaks, DEL, C1).
    Control,
    /// A bidirectional embedding, override or isolate (Trojan Source).
    Direction,
}

/// Whether `c` is a hidden character, and which kind.
fn hidden(c: char) -> Option<Hidden> {
    match c {
        '\t' | '\n' | '\r' => None,
        _ if c.is_control() => Some(Hidden::Control),
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Some(Hidden::Direction),
        _ => None,
    }
}

/// The first hidden character of `text[from..to]` and its offset, found
/// on the bytes: every line is scanned, and decoding each character of a
/// Chinese line to find none would be the scanner's slowest step.
fn next_hidden(text: &str, from: usize, to: usize) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let byte = |i: usize| bytes.get(i).copied().unwrap_or(0);
    (from..to.min(bytes.len())).find_map(|i| {
        let hidden = match byte(i) {
            b'\t' | b'\n' | b'\r' => false,
            b if b < 0x20 || b == 0x7F => true,
            0xC2 => (0x80..=0x9F).contains(&byte(i + 1)),
            0xE2 => match byte(i + 1) {
                0x80 => (0xAA..=0xAE).contains(&byte(i + 2)),
                0x81 => (0xA6..=0xA9).contains(&byte(i + 2)),
                _ => false,
            },
            _ => false,
        };
        hidden
            .then(|| text.get(i..).and_then(|t| t.chars().next()))
            .flatten()
            .map(|c| (i, c))
    })
}

/// The diagnostic for a run of one hidden character `c` at `span`.
fn hidden_diagnostic(file: FileId, span: Span, c: char, kind: Hidden) -> Diagnostic {
    let code = format!("U+{:04X}", c as u32);
    let (zh_name, en_name) = control_name(c);
    match kind {
        Hidden::Control => Diagnostic::error(
            codes::CONTROL_CHAR,
            crate::diagnostic::Message::new(
                format!("文字中有看不见的控制字符 {code}（{zh_name}）"),
                format!("an invisible control character {code} ({en_name}) in the text"),
            ),
        )
        .primary(file, span, msg!("这里", "here"))
        .help(if matches!(c, '\u{B}' | '\u{C}') {
            msg!(
                "这是从 Word 复制来的换行或分页符：换成换行（写在 `\"\"\"` 多行文字中）或空格",
                "a line or page break copied from Word: replace it by a line break (in a `\"\"\"` text) or a space"
            )
        } else {
            msg!("删除这个字符", "delete this character")
        })
        .fix(if matches!(c, '\u{B}' | '\u{C}') {
            crate::diagnostic::Fix::safe(msg!("换成空格", "replace by a space"), file, span, " ")
        } else {
            crate::diagnostic::Fix::safe(msg!("删除这个字符", "delete this character"), file, span, "")
        }),
        Hidden::Direction => Diagnostic::warning(
            codes::BIDI_CONTROL,
            msg!(
                "看不见的字符 {} 会改变文字的显示方向",
                "the invisible character {} changes the direction in which text is displayed",
                code
            ),
        )
        .primary(
            file,
            span,
            msg!(
                "显示的文字顺序可能与实际内容不同",
                "the text may be shown in another order than it has"
            ),
        )
        .help(msg!("删除这个字符", "delete this character"))
        .fix(crate::diagnostic::Fix::unsafe_edit(
            msg!("删除这个字符", "delete this character"),
            file,
            span,
            "",
        )),
    }
}

/// A control character's usual name, in Chinese and English.
fn control_name(c: char) -> (&'static str, &'static str) {
    match c {
        '\0' => ("空字符 NUL", "NUL"),
        '\u{7}' => ("响铃 BEL", "BEL"),
        '\u{8}' => ("退格 BS", "backspace"),
        '\u{B}' => (
            "垂直制表符，Word 的手动换行",
            "vertical tab, Word's manual line break",
        ),
        '\u{C}' => ("换页符，Word 的分页符", "form feed, Word's page break"),
        '\u{1B}' => (
            "转义 ESC，可改写终端屏幕",
            "ESC, which can rewrite a terminal's screen",
        ),
        '\u{7F}' => ("删除 DEL", "DEL"),
        '\u{80}'..='\u{9F}' => ("C1 控制字符", "a C1 control"),
        _ => ("控制字符", "a control character"),
    }
}

/// Full-width digits and Latin letters: `０`–`９`, `Ａ`–`Ｚ`, `ａ`–`ｚ`.
fn is_fullwidth_alnum(c: char) -> bool {
    matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// The fix for a full-width character outside text and comments, or `None`
/// when the character is fine (accepted full-width marks included).
fn fullwidth_fix(c: char) -> Option<Fix> {
    match c {
        '％' | '（' | '）' | '，' | '：' | '＝' | '＞' | '＜' => None,
        '；' | '。' => Some(Fix::Delete),
        '、' => Some(Fix::Replace(",".into())),
        '【' => Some(Fix::Replace("[".into())),
        '》' => Some(Fix::Replace(">".into())),
        '《' => Some(Fix::Replace("<".into())),

        '】' => Some(Fix::Replace("]".into())),
        '‘' | '’' | '＂' => Some(Fix::Replace("\"".into())),
        '\u{FF01}'..='\u{FF5E}' => {
            char::from_u32(c as u32 - 0xFEE0).map(|a| Fix::Replace(a.into()))
        }
        _ => None,
    }
}

/// Whether a line's content opens a block: its last character is `{`.
pub fn opens_block(content: &str) -> bool {
    content.ends_with('{') || content.ends_with('｛')
}

/// Whether a line's content is a lone `}`.
pub fn closes_block(content: &str) -> bool {
    content == "}" || content == "｝"
}

/// The first word of a line's content: up to a blank, a colon, a quote, a
/// dot, a brace or a parenthesis.
pub fn first_word(content: &str) -> &str {
    let end = content
        .find(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    ':' | '：' | '"' | '“' | '.' | '{' | '｛' | '(' | '（' | '#'
                )
        })
        .unwrap_or(content.len());
    &content[..end]
}

/// A message naming the full-width fix, for tests.
#[cfg(test)]
fn fix_text(c: char) -> Option<crate::diagnostic::Message> {
    fullwidth_fix(c).map(|f| match f {
        Fix::Replace(a) => msg!("{}", "{}", a.clone()),
        Fix::Delete | Fix::Trailing => msg!("删除", "delete"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(text: &str) -> Vec<String> {
        let layout = scan(FileId(0), text);
        layout
            .lines
            .iter()
            .map(|l| text[l.content.range()].to_string())
            .collect()
    }

    #[test]
    fn splits_logical_lines_and_keeps_comments() {
        let text = "项目 a \"x\" {  # c1\n  目标 \"\"\"\n  一\n  二\n  \"\"\"\n}\n";
        let layout = scan(FileId(0), text);
        assert_eq!(
            contents(text),
            ["项目 a \"x\" {", "目标 \"\"\"\n  一\n  二\n  \"\"\"", "}"]
        );
        assert_eq!(layout.comments.len(), 1);
        assert!(!layout.comments[0].own_line);
    }

    #[test]
    fn hash_inside_text_is_not_a_comment() {
        let layout = scan(FileId(0), "目标 \"#1 任务\"\n");
        assert!(layout.comments.is_empty());
    }

    #[test]
    fn reports_unterminated_text_and_goes_on() {
        let layout = scan(FileId(0), "用途 \"abc\n目标 \"ok\"\n");
        assert_eq!(layout.diagnostics.len(), 1);
        assert_eq!(layout.lines.len(), 2);
        assert!(layout.lines[0].has_error && !layout.lines[1].has_error);
    }

    #[test]
    fn accepts_some_fullwidth_marks_and_reports_others() {
        assert_eq!(fix_text('％'), None);
        assert_eq!(fix_text('｛').map(|m| m.en), Some("{".to_string()));
        assert_eq!(fix_text('５').map(|m| m.en), Some("5".to_string()));
        assert_eq!(fix_text('。').map(|m| m.en), Some("delete".to_string()));
        let layout = scan(FileId(0), "资金 ５０\n目标 \"全角５０可以\"\n");
        assert_eq!(
            layout.diagnostics.len(),
            1,
            "one diagnostic for the run ５０, none inside text"
        );
        assert_eq!(layout.lines[0].repairs.len(), 1);
        assert_eq!(layout.lines[0].repairs[0].replacement, "50");
    }

    #[test]
    fn repairs_punctuation_keeping_offsets() {
        let text = "项目 a \"x\" ｛\n";
        let layout = scan(FileId(0), text);
        let line = &layout.lines[0];
        assert!(!line.has_error);
        let content = &text[line.content.range()];
        let (fixed, offsets) = repaired(content, line.content.start as usize, &line.repairs);
        assert_eq!(fixed, "项目 a \"x\" {");
        assert_eq!(
            offsets.to_file(fixed.len() - 1),
            text.find('｛').unwrap_or(0)
        );
        assert_eq!(offsets.to_file(fixed.len()), text.find('\n').unwrap_or(0));
    }

    #[test]
    fn maps_offsets_past_deleted_marks() {
        let text = "产出．数量 \"x\" = 5；\n";
        let layout = scan(FileId(0), text);
        let line = &layout.lines[0];
        let content = &text[line.content.range()];
        let (fixed, offsets) = repaired(content, 0, &line.repairs);
        assert_eq!(fixed, "产出.数量 \"x\" = 5");
        let x = fixed.find('x').unwrap_or(0);
        assert_eq!(offsets.to_file(x), text.find('x').unwrap_or(0));
    }

    #[test]
    fn handles_crlf_and_bom() {
        let text = "\u{feff}计划 2022 \"x\" {\r\n}\r\n";
        assert_eq!(contents(text), ["计划 2022 \"x\" {", "}"]);
    }
}
