//! `--message-format sarif` and `--message-format github`, run on the
//! real binary: every SARIF log is valid against the official SARIF 2.1.0
//! schema (`tests/sarif/sarif-2.1.0.json`, see the README beside it) and
//! keeps what GitHub's code scanning requires on top of it; one log and
//! the workflow commands are snapshots.

use serde_json::Value;
use std::collections::HashMap;

#[path = "common/cli.rs"]
mod cli;
use cli::perfplan;

/// A plan with errors and warnings on Chinese lines.
const UNITS: &str = "tests/ui/syntax/unknown_unit.plan";
/// A rare character of two UTF-16 units before an error.
const ASTRAL: &str = "tests/sarif/astral.plan";
/// Two files of one plan: the project id of one is used again in the
/// other, a related location in another file.
const TWO_FILES: [&str; 2] = [
    "tests/ui/rules/identity/E0601_duplicate_project.plan",
    "tests/ui/rules/identity/E0606_plan_header_missing.plan",
];

/// Runs `perfplan check FILES --message-format sarif` and more: the exit
/// code, the log on standard output, and standard error.
fn sarif(args: &[&str]) -> (i32, Value, String) {
    let mut all = vec!["check", "--message-format", "sarif"];
    all.extend_from_slice(args);
    let (code, stdout, stderr) = perfplan(&all);
    let log = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("not one JSON document ({e}):\n{stdout}"));
    (code, log, stderr)
}

/// The official schema, with formats (`uri`, `uri-reference`) checked.
fn validator() -> jsonschema::Validator {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/sarif/sarif-2.1.0.json");
    let text = std::fs::read_to_string(path).expect("the vendored schema");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    assert_eq!(
        schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
        "the vendored schema's draft changed: check jsonschema supports it"
    );
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema is a valid JSON Schema")
}

/// Valid against the schema, and what GitHub asks beyond it.
fn assert_valid(log: &Value) {
    let errors: Vec<String> = validator()
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}\n{log:#}", errors.join("\n"));
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(
        log["$schema"],
        "https://json.schemastore.org/sarif-2.1.0.json"
    );
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "perfplan");
    let rules = driver["rules"].as_array().expect("rules");
    for rule in rules {
        for key in [
            "/id",
            "/name",
            "/shortDescription/text",
            "/fullDescription/text",
            "/help/text",
            "/help/markdown",
        ] {
            let text = rule.pointer(key).and_then(Value::as_str).unwrap_or("");
            assert!(!text.is_empty(), "{key} empty in {rule}");
        }
        let full = rule["fullDescription"]["text"].as_str().unwrap_or("");
        assert!(full.chars().count() <= 1024, "{full}");
    }
    for result in run["results"].as_array().expect("results") {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"], "{result}");
        assert!(!result["message"]["text"].as_str().unwrap_or("").is_empty());
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().unwrap_or("");
        assert!(
            !uri.is_empty() && !uri.contains('\\') && !uri.starts_with("./"),
            "{uri}"
        );
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(
                location["region"][key].as_u64().unwrap_or(0) >= 1,
                "{result}"
            );
        }
        let hash = result["partialFingerprints"]["primaryLocationLineHash"]
            .as_str()
            .unwrap_or("");
        assert!(hash.len() > 17 && hash.contains(':'), "{hash}");
    }
}

/// The results of a log by rule, as (line, column) of their start.
fn starts(log: &Value, rule: &str) -> Vec<(u64, u64)> {
    log["runs"][0]["results"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| r["ruleId"] == rule)
        .map(|r| {
            let region = &r["locations"][0]["physicalLocation"]["region"];
            (
                region["startLine"].as_u64().unwrap_or(0),
                region["startColumn"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn errors_and_warnings_on_chinese_lines_make_a_valid_log() {
    let (code, log, stderr) = sarif(&[UNITS, "--lang", "zh"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    assert_valid(&log);
    let run = &log["runs"][0];
    assert_eq!(run["language"], "zh-CN");
    let levels: Vec<&str> = run["results"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["level"].as_str())
        .collect();
    assert!(
        levels.contains(&"error") && levels.contains(&"warning"),
        "{levels:?}"
    );
    // The message and the rule's texts are in the language asked for.
    let text = run["results"][1]["message"]["text"].as_str().unwrap_or("");
    assert!(text.starts_with("未知的计量单位"), "{text}");
    let rule = &run["tool"]["driver"]["rules"][0];
    assert_eq!(rule["id"], "E0103");
    assert_eq!(rule["shortDescription"]["text"], "未知的计量单位");
    assert_eq!(rule["name"], "UnknownUnit");
    assert_eq!(rule["defaultConfiguration"]["level"], "error");
    // After `满意度.服务对象满意度 "服务对象满意度" ≥ 95`: column 29.
    assert!(starts(&log, "E0103").contains(&(8, 29)));

    // The log as written, but for perfplan's version.
    let (_, stdout, _) = perfplan(&["check", UNITS, "--lang", "zh", "--message-format", "sarif"]);
    let version = format!("\"{}\"", env!("CARGO_PKG_VERSION"));
    insta::assert_snapshot!(
        "sarif_unknown_unit_zh",
        stdout.replace(&version, "\"[version]\"")
    );
}

#[test]
fn fixes_are_sarif_fixes() {
    let (_, log, _) = sarif(&["tests/fix/fixable.plan", "--lang", "zh"]);
    assert_valid(&log);
    let results = log["runs"][0]["results"].as_array().expect("results");
    let fixed: Vec<&Value> = results
        .iter()
        .filter(|r| r.get("fixes").is_some())
        .collect();
    assert!(fixed.len() >= 8, "{fixed:#?}");
    let brace = results
        .iter()
        .find(|r| r["ruleId"] == "E0004")
        .expect("the full-width brace");
    let change = &brace["fixes"][0]["artifactChanges"][0];
    assert_eq!(change["artifactLocation"]["uri"], "tests/fix/fixable.plan");
    let replacement = &change["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "{");
    assert_eq!(
        replacement["deletedRegion"],
        brace["locations"][0]["physicalLocation"]["region"]
    );
    assert_eq!(brace["fixes"][0]["description"]["text"], "改为半角 `{`");
    let turned = results
        .iter()
        .find(|r| r["ruleId"] == "W0520")
        .expect("the turned comparator");
    assert!(
        turned["fixes"][0]["description"]["text"]
            .as_str()
            .is_some_and(|t| t.ends_with("（请核对）"))
    );
}

#[test]
fn columns_count_utf16_code_units() {
    let (_, log, _) = sarif(&[ASTRAL, "--lang", "en"]);
    assert_valid(&log);
    // `𠮷` is one character and two UTF-16 units: the unit after `95`
    // is at character 30, UTF-16 column 31.
    assert!(starts(&log, "E0103").contains(&(9, 31)), "{log:#}");
    let end = &log["runs"][0]["results"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|r| {
            r["ruleId"] == "E0103"
                && r["locations"][0]["physicalLocation"]["region"]["startLine"] == 9
        })
        .map(|r| r["locations"][0]["physicalLocation"]["region"].clone())
        .unwrap_or_default();
    assert_eq!(end["endColumn"], 38, "{end}");
}

#[test]
fn a_plan_of_two_files_has_related_locations_in_either() {
    let (code, log, _) = sarif(&[TWO_FILES[0], TWO_FILES[1], "--lang", "en"]);
    assert_eq!(code, 1);
    assert_valid(&log);
    let results = log["runs"][0]["results"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let across = results.iter().find(|r| {
        r["ruleId"] == "E0601"
            && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == TWO_FILES[1]
    });
    let across = across.unwrap_or_else(|| panic!("no E0601 in the second file: {log:#}"));
    let related = &across["relatedLocations"][0];
    assert_eq!(
        related["physicalLocation"]["artifactLocation"]["uri"],
        TWO_FILES[0]
    );
    assert_eq!(related["message"]["text"], "first used here");
    // The same code on a line of the same text in the same file counts
    // up: no two results of a file share a fingerprint.
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for r in &results {
        let hash = r["partialFingerprints"]["primaryLocationLineHash"].to_string();
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].to_string();
        *seen.entry((uri, hash)).or_default() += 1;
    }
    assert!(
        seen.values().all(|&n| n == 1),
        "fingerprints repeat: {seen:?}"
    );
}

#[test]
fn fingerprints_do_not_move_with_the_line() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let text = std::fs::read_to_string(UNITS).expect("the plan");
    let moved = format!("# a comment\n\n{text}");
    let path = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    std::fs::write(path("a.plan"), &text).expect("written");
    std::fs::write(path("b.plan"), &moved).expect("written");
    let hashes = |file: &str| -> Vec<(Value, Value)> {
        let (_, log, _) = sarif(&[file]);
        log["runs"][0]["results"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|r| {
                (
                    r["partialFingerprints"]["primaryLocationLineHash"].clone(),
                    r["locations"][0]["physicalLocation"]["region"]["startLine"].clone(),
                )
            })
            .collect()
    };
    let (a, b) = (hashes(&path("a.plan")), hashes(&path("b.plan")));
    assert_eq!(a.len(), b.len());
    for ((ha, la), (hb, lb)) in a.iter().zip(&b) {
        assert_eq!(ha, hb);
        assert_ne!(la, lb, "the lines did move");
    }
    // An absolute path is a file:// URI.
    let (_, log, _) = sarif(&[&path("a.plan")]);
    assert_valid(&log);
    let uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"]
        .as_str()
        .unwrap_or("");
    assert!(uri.starts_with("file:///"), "{uri}");
}

#[test]
fn what_the_cap_leaves_out_is_a_notification() {
    let (_, log, _) = sarif(&[UNITS, "--max-diagnostics", "1", "--lang", "en"]);
    assert_valid(&log);
    let run = &log["runs"][0];
    assert_eq!(run["results"].as_array().map(Vec::len), Some(1));
    let note = &run["invocations"][0]["toolExecutionNotifications"][0];
    assert_eq!(note["descriptor"]["id"], "perfplan::omitted");
    assert_eq!(note["properties"]["omittedErrors"], 3);
    assert!(
        note["message"]["text"]
            .as_str()
            .unwrap_or("")
            .contains("not shown"),
        "{note}"
    );
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn the_commands_own_errors_and_clean_plans_are_logs_too() {
    // An unreadable file: one log on standard output, nothing on standard
    // error, the run marked as failed.
    let (code, log, stderr) = sarif(&["missing.plan", "--lang", "en"]);
    assert_eq!(code, 2);
    assert!(stderr.is_empty(), "{stderr}");
    assert_valid(&log);
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let note = &invocation["toolExecutionNotifications"][0];
    assert_eq!(note["level"], "error");
    assert_eq!(note["descriptor"]["id"], "perfplan::io");
    assert!(
        note["message"]["text"]
            .as_str()
            .unwrap_or("")
            .contains("missing.plan")
    );
    // A clean plan: a log with no results (an upload closes old alerts).
    let (code, log, _) = sarif(&["examples/leting-jijian-2022.plan"]);
    assert_eq!(code, 0);
    assert_valid(&log);
    assert_eq!(log["runs"][0]["results"], Value::Array(vec![]));
    // `build` to standard output: the document there, the log on
    // standard error, even with no diagnostic.
    let (code, stdout, stderr) = perfplan(&[
        "build",
        "examples/leting-jijian-2022.plan",
        "--to",
        "json",
        "--message-format",
        "sarif",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let plan: Value = serde_json::from_str(&stdout).expect("the plan's JSON alone");
    assert!(plan["projects"].is_array());
    let log: Value = serde_json::from_str(&stderr).expect("the log on standard error");
    assert_valid(&log);
    // `fmt` writes no SARIF, and says so in a log.
    let (code, stdout, _) = perfplan(&["fmt", "--check", UNITS, "--message-format", "sarif"]);
    assert_eq!(code, 2);
    let log: Value = serde_json::from_str(&stdout).expect("a log");
    assert_eq!(
        log["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["descriptor"]["id"],
        "perfplan::fmt"
    );
}

#[test]
fn github_workflow_commands() {
    let (code, stdout, stderr) = perfplan(&[
        "check",
        UNITS,
        ASTRAL,
        "--message-format",
        "github",
        "--lang",
        "zh",
    ]);
    assert_eq!(code, 1);
    assert!(stderr.is_empty(), "{stderr}");
    for line in stdout.lines() {
        assert!(
            line.starts_with("::error file=") || line.starts_with("::warning file="),
            "{line}"
        );
    }
    let (code, missing, _) = perfplan(&[
        "check",
        "missing.plan",
        "--message-format",
        "github",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 2);
    let (_, capped, _) = perfplan(&[
        "check",
        UNITS,
        "--message-format",
        "github",
        "--max-diagnostics",
        "1",
        "--lang",
        "en",
    ]);
    insta::assert_snapshot!(
        "github_commands",
        format!("{stdout}----- an unreadable file\n{missing}----- capped at 1\n{capped}")
    );
}
