//! Diagnostics for code scanning: one SARIF 2.1.0 log for a whole run
//! (`--message-format sarif`), as GitHub's code scanning reads it.
//!
//! - **Rules**: one `reportingDescriptor` per code that has a result, in
//!   the registry's order, with the title and documentation of
//!   `perfplan explain` in the run's language.
//! - **Columns** count UTF-16 code units (`run.columnKind` is
//!   `utf16CodeUnits`), as GitHub and editors count them; a region's
//!   `endColumn` is the column after its last character. A region that
//!   ends with its line's newline ends at the end of that line instead.
//! - **Paths**: a relative path is a `uri` relative to `%SRCROOT%`, with
//!   forward slashes, a leading `./` dropped and every byte outside
//!   RFC 3986's unreserved characters percent-encoded (Chinese file names
//!   included); an absolute path is a `file://` URI.
//! - **Fingerprints**: `partialFingerprints.primaryLocationLineHash` is
//!   `HASH:N`: HASH is the 64-bit FNV-1a hash, in 16 hex digits, of the
//!   code, a NUL byte and the text of the primary line with its ends
//!   trimmed and each run of white space made one space; N counts the
//!   results of that code on a line with that text in that file so far,
//!   from 1. A line moved, or lines added above it, keeps its fingerprint;
//!   an edit of the line itself changes it.
//! - What `--max-diagnostics` left out, and the command's own errors, are
//!   notifications of `invocations[0]`; an error makes
//!   `executionSuccessful` false.

use super::cap::Omitted;
use crate::diagnostic::{Diagnostic, Label, LabelStyle, Lang, Severity};
use crate::rules::registry;
use crate::source::{SourceFile, SourceMap, Span};
use serde::Serialize;
use serde_json::{Map, Value, json};
use std::collections::HashMap;

/// The `$schema` of the log.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Where to read about the tool.
pub const INFORMATION_URI: &str = "https://perfplan.dev/";

/// `fullDescription.text` is at most this many characters (GitHub's limit).
const FULL_DESCRIPTION_MAX: usize = 1024;

/// A SARIF log being gathered: results, notifications and whether the
/// command ran to its end. [`SarifLog::to_json`] writes it.
#[derive(Debug)]
pub struct SarifLog {
    lang: Lang,
    /// Each result with its code; `ruleIndex` is set when the log is written.
    results: Vec<(&'static str, Value)>,
    notifications: Vec<Value>,
    failed: bool,
    /// How many results each (uri, line hash) has had so far.
    seen: HashMap<(String, u64), usize>,
}

impl SarifLog {
    /// An empty log whose texts are in `lang`.
    pub fn new(lang: Lang) -> SarifLog {
        SarifLog {
            lang,
            results: Vec::new(),
            notifications: Vec::new(),
            failed: false,
            seen: HashMap::new(),
        }
    }

    /// Adds the diagnostics shown, and a notification for each file whose
    /// diagnostics were cut by `--max-diagnostics`.
    pub fn add(&mut self, sources: &SourceMap, shown: &[&Diagnostic], omitted: &[Omitted]) {
        for d in shown {
            let result = self.result(sources, d);
            self.results.push((d.code, result));
        }
        for o in omitted {
            self.notifications.push(self.omitted(sources, o));
        }
    }

    /// Records an error of the command itself (`perfplan::io` …): the run
    /// did not succeed.
    pub fn add_error(&mut self, code: &str, message: &str) {
        self.failed = true;
        self.notifications.push(json!({
            "level": "error",
            "message": { "text": message },
            "descriptor": { "id": code },
        }));
    }

    /// The log as pretty-printed JSON, ending in a newline.
    pub fn to_json(&self) -> String {
        let order: Vec<&'static str> = rule_order(self.results.iter().map(|(c, _)| *c));
        let results: Vec<Value> = self
            .results
            .iter()
            .map(|(code, result)| {
                let mut result = result.clone();
                if let (Some(i), Some(obj)) =
                    (order.iter().position(|c| c == code), result.as_object_mut())
                {
                    obj.insert("ruleIndex".into(), json!(i));
                }
                result
            })
            .collect();
        let mut invocation = Map::new();
        invocation.insert("executionSuccessful".into(), json!(!self.failed));
        if !self.notifications.is_empty() {
            invocation.insert(
                "toolExecutionNotifications".into(),
                Value::Array(self.notifications.clone()),
            );
        }
        let log = Log {
            schema: SCHEMA,
            version: "2.1.0",
            runs: [Run {
                tool: json!({ "driver": self.driver(&order) }),
                invocations: [Value::Object(invocation)],
                language: language_tag(self.lang),
                column_kind: "utf16CodeUnits",
                results,
            }],
        };
        let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
        text.push('\n');
        text
    }

    /// `tool.driver`: perfplan, its version, and the rules of the log.
    fn driver(&self, order: &[&'static str]) -> Value {
        let rules: Vec<Value> = order.iter().map(|c| rule(c, self.lang)).collect();
        json!({
            "name": "perfplan",
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "informationUri": INFORMATION_URI,
            "rules": rules,
        })
    }

    /// One result: code, level, message, primary location, related
    /// locations and fingerprint.
    fn result(&mut self, sources: &SourceMap, d: &Diagnostic) -> Value {
        let lang = self.lang;
        let mut result = json!({
            "ruleId": d.code,
            "level": level(d.severity),
            "message": { "text": d.full_text(lang) },
        });
        let primary = primary_label(d);
        let place = primary
            .map(|l| (l.file, l.span))
            .or_else(|| sources.iter().next().map(|(f, _)| (f, Span::default())));
        let Some((file, span)) = place else {
            return result;
        };
        let Some(source) = sources.get(file) else {
            return result;
        };
        let mut location = json!({ "physicalLocation": physical(source, span) });
        if let Some(text) = primary
            .map(|l| l.message.get(lang))
            .filter(|t| !t.is_empty())
        {
            location["message"] = json!({ "text": text });
        }
        result["locations"] = json!([location]);
        let related = related_locations(sources, d, primary, lang);
        if !related.is_empty() {
            result["relatedLocations"] = Value::Array(related);
        }
        if let Some(fix) = d.fix.as_ref().and_then(|f| self.fix(sources, f)) {
            result["fixes"] = json!([fix]);
        }
        let hash = line_hash(d.code, line_text(source, span));
        let n = self.seen.entry((source.name.clone(), hash)).or_insert(0);
        *n += 1;
        result["partialFingerprints"] =
            json!({ "primaryLocationLineHash": format!("{hash:016x}:{n}") });
        result
    }

    /// A diagnostic's fix as SARIF's `fix`: its description (saying when
    /// it is unsafe) and, per file, the regions replaced and their new
    /// text. `None` when an edit names no file of the run.
    fn fix(&self, sources: &SourceMap, fix: &crate::diagnostic::Fix) -> Option<Value> {
        let mut changes: Vec<(crate::source::FileId, Vec<Value>)> = Vec::new();
        for edit in &fix.edits {
            let source = sources.get(edit.file)?;
            let replacement = json!({
                "deletedRegion": region(source, edit.span),
                "insertedContent": { "text": edit.replacement },
            });
            match changes.iter_mut().find(|(f, _)| *f == edit.file) {
                Some((_, list)) => list.push(replacement),
                None => changes.push((edit.file, vec![replacement])),
            }
        }
        let changes: Vec<Value> = changes
            .into_iter()
            .filter_map(|(file, replacements)| {
                let source = sources.get(file)?;
                Some(json!({
                    "artifactLocation": artifact(&source.name),
                    "replacements": replacements,
                }))
            })
            .collect();
        let text = fix.title(self.lang);
        Some(json!({ "description": { "text": text }, "artifactChanges": changes }))
    }

    /// The notification of what `--max-diagnostics` left out of a file.
    fn omitted(&self, sources: &SourceMap, o: &Omitted) -> Value {
        let mut n = json!({
            "level": if o.errors > 0 { "error" } else { "warning" },
            "message": { "text": o.message(sources, self.lang) },
            "descriptor": { "id": "perfplan::omitted" },
            "properties": { "omittedErrors": o.errors, "omittedWarnings": o.warnings },
        });
        if let Some(source) = o.file.and_then(|f| sources.get(f)) {
            n["locations"] =
                json!([{ "physicalLocation": { "artifactLocation": artifact(&source.name) } }]);
        }
        n
    }
}

/// The log's outer objects, whose keys keep SARIF's order (`$schema`,
/// `version`, `runs`; a `json!` object sorts its keys).
#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Value,
    invocations: [Value; 1],
    language: &'static str,
    column_kind: &'static str,
    results: Vec<Value>,
}

/// The codes of the results, each once, in the registry's order (a code
/// the registry does not know comes last).
fn rule_order(codes: impl Iterator<Item = &'static str>) -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = codes.collect();
    let rank = |c: &str| {
        registry::all()
            .position(|d| d.code == c)
            .unwrap_or(usize::MAX)
    };
    codes.sort_by_key(|c| (rank(c), *c));
    codes.dedup();
    codes
}

/// The `reportingDescriptor` of a code, from its documentation.
fn rule(code: &str, lang: Lang) -> Value {
    let Some(doc) = registry::lookup(code) else {
        return json!({
            "id": code,
            "shortDescription": { "text": code },
            "fullDescription": { "text": code },
            "help": { "text": code },
        });
    };
    let body = doc.doc(lang);
    json!({
        "id": doc.code,
        "name": pascal_case(doc.title(Lang::En)),
        "shortDescription": { "text": doc.title(lang) },
        "fullDescription": { "text": first_paragraph(body) },
        "help": { "text": plain(body), "markdown": body },
        "defaultConfiguration": { "level": level(doc.severity) },
    })
}

/// SARIF's level of a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The BCP 47 tag of a language (`run.language`).
fn language_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en-US",
    }
}

/// `UnknownUnit` from `unknown unit`: a rule's name, from its English
/// title, letters and digits only.
fn pascal_case(title: &str) -> String {
    title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

/// The first paragraph of a documentation body that is not a heading,
/// cut to [`FULL_DESCRIPTION_MAX`] characters.
fn first_paragraph(body: &str) -> String {
    let paragraph = body
        .split("\n\n")
        .map(|p| {
            p.lines()
                .filter(|l| !l.starts_with('#'))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .find(|p| !p.trim().is_empty())
        .unwrap_or_default();
    if paragraph.chars().count() <= FULL_DESCRIPTION_MAX {
        return paragraph;
    }
    let cut: String = paragraph.chars().take(FULL_DESCRIPTION_MAX - 1).collect();
    cut + "…"
}

/// A documentation body as plain text: its `## ` headings as lines.
fn plain(body: &str) -> String {
    body.lines()
        .map(|l| l.trim_start_matches('#').trim_start())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The label where the diagnostic is reported (as [`Diagnostic::location`]).
fn primary_label(d: &Diagnostic) -> Option<&Label> {
    d.labels
        .iter()
        .find(|l| l.style == LabelStyle::Primary)
        .or(d.labels.first())
}

/// Every label but the primary one, as related locations.
fn related_locations(
    sources: &SourceMap,
    d: &Diagnostic,
    primary: Option<&Label>,
    lang: Lang,
) -> Vec<Value> {
    d.labels
        .iter()
        .filter(|l| !primary.is_some_and(|p| std::ptr::eq(*l, p)))
        .filter_map(|l| Some((l, sources.get(l.file)?)))
        .enumerate()
        .map(|(i, (l, source))| {
            let mut location = json!({ "id": i, "physicalLocation": physical(source, l.span) });
            let text = l.message.get(lang);
            if !text.is_empty() {
                location["message"] = json!({ "text": text });
            }
            location
        })
        .collect()
}

/// A `physicalLocation`: the file and the region of a span.
fn physical(source: &SourceFile, span: Span) -> Value {
    json!({ "artifactLocation": artifact(&source.name), "region": region(source, span) })
}

/// The region of a span, in UTF-16 columns.
pub(crate) fn region(source: &SourceFile, span: Span) -> Value {
    let (start, end) = positions(source, span);
    json!({
        "startLine": start.0,
        "startColumn": start.1,
        "endLine": end.0,
        "endColumn": end.1,
    })
}

/// The (line, UTF-16 column) of a span's start and end. A span that ends
/// just after a newline ends at the end of the line before.
pub(crate) fn positions(source: &SourceFile, span: Span) -> ((usize, usize), (usize, usize)) {
    let start = source.position(span.start as usize);
    let mut end = source.position(span.end as usize);
    if end.line > start.line
        && end.column == 1
        && let Some(range) = source.line_range(end.line - 2)
    {
        let line = source.text.get(range.clone()).unwrap_or("");
        let kept = line.trim_end_matches(['\n', '\r']).len();
        end = source.position(range.start + kept);
    }
    (
        (start.line, start.utf16_column),
        (end.line, end.utf16_column),
    )
}

/// An `artifactLocation` for a file name as the user gave it.
fn artifact(name: &str) -> Value {
    let slashed = name.replace('\\', "/");
    if let Some(absolute) = absolute_uri(&slashed) {
        return json!({ "uri": absolute });
    }
    let mut relative = slashed.as_str();
    while let Some(rest) = relative.strip_prefix("./") {
        relative = rest;
    }
    json!({ "uri": percent_encode(relative), "uriBaseId": "%SRCROOT%" })
}

/// A `file://` URI for an absolute path (`/x/a.plan`, `C:/x/a.plan`).
fn absolute_uri(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let drive =
        bytes.len() > 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/';
    if path.starts_with('/') {
        Some(format!("file://{}", percent_encode(path)))
    } else if drive {
        Some(format!("file:///{}", percent_encode(path)))
    } else {
        None
    }
}

/// Percent-encodes every byte but RFC 3986's unreserved characters, `/`
/// and a drive's `:`.
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for (i, b) in path.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
            || (b == b':' && i == 1);
        if keep {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The text of the line a span starts on, without its line ending.
fn line_text(source: &SourceFile, span: Span) -> &str {
    let line = source.position(span.start as usize).line;
    source
        .line_range(line - 1)
        .and_then(|r| source.text.get(r))
        .unwrap_or("")
}

/// The FNV-1a hash of a code, a NUL byte and the normalised line text
/// (ends trimmed, each run of white space one space).
fn line_hash(code: &str, line: &str) -> u64 {
    let normalised = line.split_whitespace().collect::<Vec<_>>().join(" ");
    fnv1a(code.bytes().chain([0]).chain(normalised.bytes()))
}

/// The 64-bit FNV-1a hash: the same on every platform and Rust version,
/// unlike the standard library's hasher.
fn fnv1a(bytes: impl Iterator<Item = u8>) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::msg;

    #[test]
    fn paths_become_uris() {
        assert_eq!(
            artifact("./a/计划.plan")["uri"],
            "a/%E8%AE%A1%E5%88%92.plan"
        );
        assert_eq!(artifact("a\\b c.plan")["uri"], "a/b%20c.plan");
        assert_eq!(artifact("a.plan")["uriBaseId"], "%SRCROOT%");
        assert_eq!(artifact("/x/a.plan")["uri"], "file:///x/a.plan");
        assert!(artifact("/x/a.plan").get("uriBaseId").is_none());
        assert_eq!(artifact("C:\\x\\a.plan")["uri"], "file:///C:/x/a.plan");
    }

    #[test]
    fn the_line_hash_ignores_indentation_and_position() {
        let a = line_hash("E0103", "  资金  50 万元\r\n");
        assert_eq!(a, line_hash("E0103", "资金 50 万元"));
        assert_ne!(a, line_hash("E0101", "资金 50 万元"));
        assert_ne!(a, line_hash("E0103", "资金 51 万元"));
        // The published test vector of 64-bit FNV-1a.
        assert_eq!(fnv1a("a".bytes()), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn columns_count_utf16_units_and_a_newline_ends_the_line_before() {
        let file = SourceFile::new("a.plan", "资金 𝟓0\nx\n");
        let start = "资金 ".len();
        let span = Span::new(start, start + "𝟓0".len());
        assert_eq!(positions(&file, span), ((1, 4), (1, 7)));
        let whole = Span::new(0, "资金 𝟓0\n".len());
        assert_eq!(positions(&file, whole), ((1, 1), (1, 7)));
    }

    #[test]
    fn descriptions_are_cut_to_the_limit() {
        let long = "字".repeat(2000);
        let cut = first_paragraph(&format!("## 检查什么\n{long}\n\n## 为什么\nx"));
        assert_eq!(cut.chars().count(), FULL_DESCRIPTION_MAX);
        assert_eq!(
            pascal_case("percentage outside 0% to 100%"),
            "PercentageOutside0To100"
        );
    }

    #[test]
    fn rules_are_listed_once_in_the_registry_order() {
        let mut sources = SourceMap::new();
        let f = sources.add(SourceFile::new("a.plan", "x\ny\n"));
        let d = |code, at| {
            Diagnostic::error(code, msg!("错", "bad")).primary(
                f,
                Span::new(at, at + 1),
                msg!("", ""),
            )
        };
        let list = [d("E0302", 0), d("E0001", 2), d("E0302", 2)];
        let mut log = SarifLog::new(Lang::En);
        log.add(&sources, &list.iter().collect::<Vec<_>>(), &[]);
        let value: Value = serde_json::from_str(&log.to_json()).unwrap_or_default();
        let run = &value["runs"][0];
        assert_eq!(run["tool"]["driver"]["rules"][0]["id"], "E0001");
        assert_eq!(run["tool"]["driver"]["rules"][1]["id"], "E0302");
        assert_eq!(run["results"][0]["ruleIndex"], 1);
        assert_eq!(run["results"][1]["ruleIndex"], 0);
        assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    }

    #[test]
    fn the_same_code_on_the_same_text_counts_up() {
        let mut sources = SourceMap::new();
        let f = sources.add(SourceFile::new("a.plan", "资金 5\n  资金 5\n资金 6\n"));
        let at = |start: usize| {
            Diagnostic::error("E0302", msg!("错", "bad")).primary(
                f,
                Span::new(start, start + 1),
                msg!("", ""),
            )
        };
        let list = [at(0), at(10), at(20)];
        let mut log = SarifLog::new(Lang::Zh);
        log.add(&sources, &list.iter().collect::<Vec<_>>(), &[]);
        let value: Value = serde_json::from_str(&log.to_json()).unwrap_or_default();
        let hashes: Vec<String> = (0..3)
            .map(|i| {
                value["runs"][0]["results"][i]["partialFingerprints"]["primaryLocationLineHash"]
                    .to_string()
            })
            .collect();
        let same_line = hashes[0].trim_end_matches(":1\"");
        assert_eq!(hashes[0], format!("{same_line}:1\""));
        assert_eq!(hashes[1], format!("{same_line}:2\""));
        assert!(!hashes[2].starts_with(same_line), "{hashes:?}");
    }
}
