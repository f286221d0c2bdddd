//! `perfplan lsp`, driven as an editor drives it: in process over
//! lsp-server's in-memory connection (initialize → didOpen → diagnostics →
//! requests → shutdown), and once by spawning the binary over stdio.
//!
//! The documents have Chinese on the line of each problem, so a column
//! counted in the wrong unit (bytes for UTF-16) fails.

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use perfplan::diagnostic::Lang;
use perfplan::lsp::{Settings, serve};
use serde_json::{Value, json};
use std::time::Duration;

const URI: &str = "file:///work/%E8%AE%A1%E5%88%92.plan";

/// A full-width `｛` after Chinese text (E0004, fixable) and a bare `90%`
/// (W0508, fixable: a satisfaction is better higher).
const BROKEN: &str = "计划 2024 \"某县教育局\" {\n  框架 classic\n  金额单位 万元\n}\n\n项目 维修 \"校舍维修改造\" ｛\n  资金 50.00（财政 50.00）\n  支出计划 6月底 50%，12月底 100%\n  目标 \"完成校舍维修\"\n  产出.数量 \"维修面积\" = 1200平方米\n  满意度.服务对象满意度 \"师生满意度\" 90%\n}\n";

/// An editor talking to a server running on a thread.
struct Editor {
    connection: Connection,
    server: Option<std::thread::JoinHandle<Result<(), String>>>,
    next_id: i32,
    /// Notifications received while waiting for a response.
    pending: Vec<Notification>,
}

impl Editor {
    /// Starts a server and initializes it with `capabilities`.
    fn start(capabilities: Value) -> (Editor, Value) {
        let (client, server) = Connection::memory();
        let settings = Settings {
            lang: Lang::Zh,
            debounce: Duration::from_millis(20),
        };
        let thread = std::thread::spawn(move || serve(&server, settings));
        let mut editor = Editor {
            connection: client,
            server: Some(thread),
            next_id: 0,
            pending: Vec::new(),
        };
        let result = editor.request(
            "initialize",
            json!({ "processId": null, "rootUri": null, "capabilities": capabilities, "locale": "zh-cn" }),
        );
        editor.notify("initialized", json!({}));
        (editor, result)
    }

    fn notify(&self, method: &str, params: Value) {
        let n = Notification::new(method.into(), params);
        self.connection
            .sender
            .send(Message::Notification(n))
            .unwrap();
    }

    fn receive(&self) -> Message {
        self.connection
            .receiver
            .recv_timeout(Duration::from_secs(30))
            .expect("the server answers within 30 s")
    }

    /// Sends a request and waits for its answer.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        let r = Request::new(id.clone(), method.into(), params);
        self.connection.sender.send(Message::Request(r)).unwrap();
        loop {
            match self.receive() {
                Message::Response(r) if r.id == id => {
                    return r
                        .response_result
                        .unwrap_or_else(|e| panic!("{method}: {e:?}"));
                }
                Message::Notification(n) => self.pending.push(n),
                other => panic!("unexpected {other:?}"),
            }
        }
    }

    /// Waits for the next diagnostics published for the document.
    fn diagnostics(&mut self) -> Value {
        if let Some(i) = self
            .pending
            .iter()
            .position(|n| n.method == "textDocument/publishDiagnostics")
        {
            return self.pending.remove(i).params;
        }
        match self.receive() {
            Message::Notification(n) if n.method == "textDocument/publishDiagnostics" => n.params,
            other => panic!("unexpected {other:?}"),
        }
    }

    fn open(&mut self, text: &str) -> Value {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": URI, "languageId": "perfplan", "version": 1, "text": text } }),
        );
        self.diagnostics()
    }

    fn change(&mut self, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": URI, "version": version }, "contentChanges": [{ "text": text }] }),
        );
    }

    fn shutdown(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let server = self.server.take().unwrap();
        assert_eq!(server.join().unwrap(), Ok(()));
        assert!(self.pending.is_empty(), "left unread: {:?}", self.pending);
    }
}

fn utf16_offered() -> Value {
    json!({ "general": { "positionEncodings": ["utf-16"] } })
}

/// The diagnostic with `code` in a publishDiagnostics notification.
fn with_code<'a>(published: &'a Value, code: &str) -> &'a Value {
    published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {published:#}"))
}

/// The UTF-16 column of the first `needle` on line `line` of `text`.
fn utf16_column(text: &str, line: usize, needle: &str) -> u64 {
    let line = text.lines().nth(line).unwrap();
    line[..line.find(needle).unwrap()].encode_utf16().count() as u64
}

#[test]
fn diagnostics_have_utf16_columns_on_chinese_lines() {
    let (mut editor, init) = Editor::start(utf16_offered());
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    let published = editor.open(BROKEN);
    assert_eq!(published["version"], 1);
    let brace = with_code(&published, "E0004");
    assert_eq!(brace["range"]["start"]["line"], 5);
    assert_eq!(
        brace["range"]["start"]["character"],
        utf16_column(BROKEN, 5, "｛")
    );
    assert_eq!(brace["range"]["start"]["character"], 15);
    assert!(
        brace["message"]
            .as_str()
            .unwrap()
            .contains("帮助：改为半角 `{`")
    );
    let bare = with_code(&published, "W0508");
    assert_eq!(
        bare["range"]["start"]["character"],
        utf16_column(BROKEN, 10, "90%")
    );
    assert_eq!(bare["severity"], 2);
    insta::assert_snapshot!(
        "published_diagnostics",
        serde_json::to_string_pretty(&published).unwrap()
    );
    editor.shutdown();
}

#[test]
fn utf8_is_used_when_the_client_offers_it() {
    let offered = json!({ "general": { "positionEncodings": ["utf-8", "utf-16"] } });
    let (mut editor, init) = Editor::start(offered);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let published = editor.open(BROKEN);
    let line = BROKEN.lines().nth(5).unwrap();
    let bytes = line.find('｛').unwrap() as u64;
    assert_eq!(
        with_code(&published, "E0004")["range"]["start"]["character"],
        bytes
    );
    editor.shutdown();
}

#[test]
fn diagnostics_follow_the_text_and_are_cleared_on_close() {
    let (mut editor, _) = Editor::start(utf16_offered());
    editor.open(BROKEN);
    // Two quick changes: the last is checked (the first too, if the
    // typing paused), each publication says which version it is for, and
    // none is older than the one before.
    let half = BROKEN.replace('｛', "{");
    editor.change(2, &half);
    let fixed = half.replace(" 90%", " ≥ 90%");
    editor.change(3, &fixed);
    let mut published = editor.diagnostics();
    if published["version"] == 2 {
        assert_eq!(with_code(&published, "W0508")["code"], "W0508");
        published = editor.diagnostics();
    }
    assert_eq!(published["version"], 3);
    assert_eq!(published["diagnostics"], json!([]));
    editor.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": URI } }),
    );
    let closed = editor.diagnostics();
    assert_eq!(closed["diagnostics"], json!([]));
    assert_eq!(closed["uri"], URI);
    editor.shutdown();
}

/// `text` with LSP `edits` (UTF-16 ranges) applied, as an editor applies
/// them.
fn apply(text: &str, edits: &[Value]) -> String {
    let index = perfplan::lsp::lines::LineIndex::new(text);
    let enc = perfplan::lsp::lines::Encoding::Utf16;
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            let pos = |p: &Value| {
                lsp_types::Position::new(
                    p["line"].as_u64().unwrap() as u32,
                    p["character"].as_u64().unwrap() as u32,
                )
            };
            (
                index.offset(text, pos(&e["range"]["start"]), enc),
                index.offset(text, pos(&e["range"]["end"]), enc),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (start, end, with) in spans {
        out.replace_range(start..end, &with);
    }
    out
}

#[test]
fn a_code_action_fixes_a_diagnostic() {
    let (mut editor, _) = Editor::start(utf16_offered());
    let published = editor.open(BROKEN);
    let brace = with_code(&published, "E0004").clone();
    let actions = editor.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": URI },
            "range": brace["range"],
            "context": { "diagnostics": [brace] },
        }),
    );
    let quick: Vec<&Value> = actions
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "quickfix")
        .collect();
    assert_eq!(quick.len(), 1, "{actions:#}");
    assert_eq!(quick[0]["title"], "改为半角 `{`");
    assert_eq!(quick[0]["isPreferred"], true);
    let edits = quick[0]["edit"]["changes"][URI].as_array().unwrap();
    let fixed = apply(BROKEN, edits);
    assert_eq!(fixed, BROKEN.replace('｛', "{"));
    editor.change(2, &fixed);
    let after = editor.diagnostics();
    let codes: Vec<&Value> = after["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| &d["code"])
        .collect();
    assert_eq!(codes, [&json!("W0508")]);

    // Fix all: the safe fixes of the whole document.
    let actions = editor.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": URI },
            "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } },
            "context": { "diagnostics": [], "only": ["source.fixAll"] },
        }),
    );
    let all = &actions[0];
    assert_eq!(all["kind"], "source.fixAll.perfplan");
    let edits = all["edit"]["changes"][URI].as_array().unwrap();
    assert!(apply(&fixed, edits).contains("\"师生满意度\" ≥ 90%"));
    editor.shutdown();
}

#[test]
fn formatting_is_the_fmt_printer() {
    let (mut editor, _) = Editor::start(utf16_offered());
    let messy = "计划   2024 \"某局\"   {\n框架 classic\n}\n";
    editor.open(messy);
    let edits = editor.request(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": URI }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    let expected = perfplan::format::format(messy, Default::default()).unwrap();
    assert_ne!(expected, messy);
    assert_eq!(apply(messy, edits.as_array().unwrap()), expected);
    // A document that does not parse is not formatted.
    editor.change(2, "计划 2024 {\n");
    editor.diagnostics();
    let none = editor.request(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": URI }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    assert_eq!(none, Value::Null);
    editor.shutdown();
}

#[test]
fn an_unknown_request_is_an_error_not_a_crash() {
    let (mut editor, _) = Editor::start(utf16_offered());
    editor.next_id += 1;
    let id = RequestId::from(editor.next_id);
    let r = Request::new(id.clone(), "perfplan/nothing".into(), json!({}));
    editor.connection.sender.send(Message::Request(r)).unwrap();
    match editor.receive() {
        Message::Response(r) => {
            assert_eq!(r.id, id);
            assert_eq!(r.response_result.unwrap_err().code, -32601);
        }
        other => panic!("unexpected {other:?}"),
    }
    // A request on a document that is not open is an error too.
    editor.next_id += 1;
    let id = RequestId::from(editor.next_id);
    let r = Request::new(
        id,
        "textDocument/hover".into(),
        json!({ "textDocument": { "uri": "file:///nowhere.plan" }, "position": { "line": 0, "character": 0 } }),
    );
    editor.connection.sender.send(Message::Request(r)).unwrap();
    match editor.receive() {
        Message::Response(r) => assert!(r.response_result.is_err()),
        other => panic!("unexpected {other:?}"),
    }
    editor.shutdown();
}

// ------------------------------------------------------------ the binary

/// Writes one LSP message with its `Content-Length` header.
fn frame(body: &Value) -> Vec<u8> {
    let body = body.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

/// Reads LSP messages from `bytes` (everything the server wrote).
fn unframe(mut bytes: &[u8]) -> Vec<Value> {
    let mut out = Vec::new();
    while let Some(end) = bytes.windows(4).position(|w| w == b"\r\n\r\n") {
        let header = std::str::from_utf8(&bytes[..end]).unwrap();
        let len: usize = header
            .lines()
            .find_map(|l| l.strip_prefix("Content-Length: "))
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        let body = &bytes[end + 4..end + 4 + len];
        out.push(serde_json::from_slice(body).unwrap());
        bytes = &bytes[end + 4 + len..];
    }
    out
}

#[test]
fn the_binary_serves_over_stdio() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_perfplan"))
        .args(["lsp", "--stdio"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let messages = [
        json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": { "processId": null, "rootUri": null, "capabilities": {}, "initializationOptions": { "lang": "en" } } }),
        json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }),
        json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": { "textDocument": { "uri": URI, "languageId": "perfplan", "version": 1, "text": BROKEN } } }),
        json!({ "jsonrpc": "2.0", "id": 2, "method": "textDocument/foldingRange", "params": { "textDocument": { "uri": URI } } }),
        json!({ "jsonrpc": "2.0", "id": 3, "method": "shutdown" }),
        json!({ "jsonrpc": "2.0", "method": "exit" }),
    ];
    for m in &messages {
        stdin.write_all(&frame(m)).unwrap();
    }
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let replies = unframe(&output.stdout);
    assert_eq!(replies[0]["id"], 1);
    assert_eq!(
        replies[0]["result"]["capabilities"]["positionEncoding"],
        "utf-16"
    );
    assert_eq!(replies[0]["result"]["serverInfo"]["name"], "perfplan");
    let published = replies
        .iter()
        .find(|r| r["method"] == "textDocument/publishDiagnostics")
        .expect("diagnostics published");
    let brace = with_code(&published["params"], "E0004");
    assert_eq!(brace["range"]["start"]["character"], 15);
    assert!(brace["message"].as_str().unwrap().starts_with("full-width"));
    assert!(
        replies
            .iter()
            .any(|r| r["id"] == 3 && r["result"].is_null())
    );
}

// --------------------------------------------- what the editor asks

const EXAMPLE: &str = include_str!("../examples/leting-jijian-2022.plan");

/// The LSP position (UTF-16) of byte `offset` of `text`.
fn position(text: &str, offset: usize) -> Value {
    let line = text[..offset].matches('\n').count();
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    json!({ "line": line, "character": text[start..offset].encode_utf16().count() })
}

fn at(uri_text: &str, needle: &str) -> Value {
    position(uri_text, uri_text.find(needle).unwrap())
}

#[test]
fn hover_and_definition_answer_at_utf16_positions() {
    let (mut editor, _) = Editor::start(utf16_offered());
    editor.open(EXAMPLE);
    // On the indicator's name, after Chinese on the same line.
    let hover = editor.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": URI }, "position": at(EXAMPLE, "服务对象满意度\"     ≥ 95%") }),
    );
    let card = hover["contents"]["value"].as_str().unwrap();
    assert!(card.contains("满意度指标"), "{card}");
    assert!(card.contains("95%"), "{card}");
    // From a summary's project id to the project.
    let from = EXAMPLE.find("分项目标 办案经费").unwrap() + "分项目标 ".len();
    let definition = editor.request(
        "textDocument/definition",
        json!({ "textDocument": { "uri": URI }, "position": position(EXAMPLE, from) }),
    );
    let target = EXAMPLE.find("项目 办案经费").unwrap() + "项目 ".len();
    assert_eq!(definition[0]["range"]["start"], position(EXAMPLE, target));
    assert_eq!(definition[0]["uri"], URI);
    // The outline names every project.
    let symbols = editor.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": URI } }),
    );
    let names: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert!(names.iter().any(|n| n.contains("办案经费")), "{names:?}");
    editor.shutdown();
}

#[test]
fn completion_matches_pinyin_initials() {
    let (mut editor, _) = Editor::start(utf16_offered());
    editor.open(EXAMPLE);
    // Type `  myd` on a new line at the end of the first project.
    let anchor = "  满意度.服务对象满意度 \"服务对象满意度\"                 ≥ 95% 描述 \"服务对象满意度\"\n";
    let at = EXAMPLE.find(anchor).unwrap() + anchor.len();
    let typed = format!("{}  myd\n{}", &EXAMPLE[..at], &EXAMPLE[at..]);
    editor.change(2, &typed);
    editor.diagnostics();
    let cursor = at + "  myd".len();
    let items = editor.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": URI }, "position": position(&typed, cursor) }),
    );
    let item = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "满意度")
        .unwrap_or_else(|| panic!("no 满意度 in {items:#}"));
    assert!(
        item["filterText"].as_str().unwrap().contains("myd"),
        "{item:#}"
    );
    // It replaces the three letters typed.
    let edit = &item["textEdit"];
    assert_eq!(edit["range"]["start"], position(&typed, at + 2));
    assert_eq!(edit["range"]["end"], position(&typed, cursor));
    assert_eq!(edit["newText"], "满意度");
    editor.shutdown();
}
