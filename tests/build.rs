//! `perfplan build`: golden outputs of the example, determinism, the JSON
//! Schema, and refusal of a plan with errors.

use std::path::Path;

#[path = "common/cli.rs"]
mod cli;
use cli::perfplan;

#[path = "common/seed.rs"]
mod seed;

const ZH: &str = "examples/leting-jijian-2022.plan";
const EN: &str = "examples/leting-jijian-2022.en.plan";
/// A multi-year project with every field of a real project table.
const FIELDS: &str = "examples/school-repair-2024.plan";

fn build(file: &str, to: &str, lang: &str) -> String {
    let (code, stdout, stderr) = perfplan(&[
        "build", file, "--to", to, "--lang", lang, "--color", "never",
    ]);
    assert_eq!(code, 0, "build {file} --to {to}:\n{stderr}");
    stdout
}

fn snapshot(name: &str, text: &str) {
    insta::with_settings!({ snapshot_path => "build/snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!(name, text);
    });
}

#[test]
fn json_of_the_example() {
    snapshot("example_json", &build(ZH, "json", "zh"));
}

#[test]
fn markdown_of_the_example_in_both_languages() {
    snapshot("example_md_zh", &build(ZH, "md", "zh"));
    snapshot("example_md_en", &build(ZH, "md", "en"));
}

/// A multi-year project with every field of a real table: the header
/// rows, both funds, the 中期/年度 goals and grids, the optional columns.
#[test]
fn markdown_of_a_multi_year_project_in_both_languages() {
    snapshot("fields_md_zh", &build(FIELDS, "md", "zh"));
    snapshot("fields_md_en", &build(FIELDS, "md", "en"));
}

#[test]
fn chinese_and_english_keywords_compile_to_the_same_bytes() {
    assert_eq!(build(ZH, "json", "zh"), build(EN, "json", "en"));
    assert_eq!(build(ZH, "md", "zh"), build(EN, "md", "zh"));
}

#[test]
fn output_is_deterministic() {
    assert_eq!(build(ZH, "json", "zh"), build(ZH, "json", "zh"));
}

/// Every figure and text of the seed's project tables appears in the
/// document (the corrected ones as corrected), and the derived total.
#[test]
fn markdown_holds_every_figure_and_text_of_the_seed_tables() {
    let md = build(ZH, "md", "zh");
    let expected = seed::SEED;
    for text in expected {
        assert!(md.contains(text), "the document lacks {text:?}");
    }
    assert!(
        !md.contains("34.5"),
        "the summary's wrong 34.5 must not appear"
    );
}

#[test]
fn markdown_tables_have_well_formed_rows() {
    for file in [ZH, FIELDS] {
        well_formed_rows(&build(file, "md", "zh"));
    }
}

fn well_formed_rows(md: &str) {
    let mut columns = None;
    for line in md.lines() {
        if !line.starts_with('|') {
            columns = None;
            continue;
        }
        let cells = unescaped_pipes(line) - 1;
        let expected = *columns.get_or_insert(cells);
        assert_eq!(
            cells, expected,
            "a row with a different number of cells: {line}"
        );
        assert!(line.ends_with('|'), "{line}");
    }
}

/// The `|` of a table row that are not escaped as `\|`.
fn unescaped_pipes(line: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in line.chars() {
        if c == '|' && !escaped {
            count += 1;
        }
        escaped = c == '\\' && !escaped;
    }
    count
}

#[test]
fn json_output_validates_against_the_published_schema() {
    let (code, schema, _) = perfplan(&["schema"]);
    assert_eq!(code, 0);
    let schema: serde_json::Value = serde_json::from_str(&schema).expect("the schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema");
    for file in [ZH, EN, FIELDS] {
        let plan: serde_json::Value =
            serde_json::from_str(&build(file, "json", "zh")).expect("JSON");
        let errors: Vec<String> = validator
            .iter_errors(&plan)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{file}: {errors:#?}");
    }
    let committed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/plan.schema.json"),
    )
    .unwrap_or_default();
    assert_eq!(
        committed,
        perfplan(&["schema"]).1,
        "docs/plan.schema.json is stale: run `cargo run -- schema > docs/plan.schema.json`"
    );
}

#[test]
fn a_plan_with_errors_is_refused() {
    let (code, stdout, stderr) = perfplan(&[
        "build",
        "tests/seed/as-filed.plan",
        "--to",
        "json",
        "--color",
        "never",
    ]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(stderr.contains("E0301"), "{stderr}");
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let out = dir.path().join("plan.json");
    let out_str = out.to_string_lossy().into_owned();
    std::fs::write(&out, "old").expect("writable");
    let (code, stdout, _) = perfplan(&["build", ZH, "--to", "json", "-o", &out_str]);
    assert_eq!(code, 0);
    assert!(stdout.is_empty());
    let written = std::fs::read_to_string(&out).expect("written");
    assert_eq!(written, build(ZH, "json", "zh"));
    let leftovers = std::fs::read_dir(dir.path()).expect("listable").count();
    assert_eq!(leftovers, 1, "no temporary file is left behind");
}

/// Every field of a real project table (DOMAIN.md §2) reaches the JSON,
/// and the plan compiles to the same bytes with English keywords.
#[test]
fn every_field_of_a_real_table_reaches_the_json() {
    let json = build(FIELDS, "json", "zh");
    snapshot("fields_json", &json);
    let plan: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let project = &plan["projects"][0];
    assert_eq!(plan["region"], "130225000");
    assert_eq!(project["category"], "延续");
    assert_eq!(project["supervisor"]["code"], "[301]");
    assert_eq!(project["implementer"]["name"], "乐亭县第一中学等12所学校");
    assert_eq!(project["period"]["start"], "2023-07");
    assert_eq!(project["period"]["end"], "2025-06");
    assert_eq!(project["total_funds"]["total"], "360.00");
    assert_eq!(project["funds"]["sources"][1]["kind"], "upper");
    assert_eq!(project["funds"]["sources"][2]["kind"], "self_raised");
    assert_eq!(project["midterm_goals"].as_array().map(Vec::len), Some(1));
    let first = &project["indicators"][0];
    assert_eq!(first["value_type"], "定量");
    assert_eq!(first["measure_unit"], "所");
    assert_eq!(first["scoring"], "每少1所扣2分");
    assert_eq!(first["note"], "以竣工验收报告为准");
    let midterm = project["indicators"]
        .as_array()
        .map(|rows| rows.iter().filter(|r| r["midterm"] == true).count());
    assert_eq!(midterm, Some(2));
    assert_eq!(plan["basic_spending"], "2860.50");
    assert_eq!(
        plan["overall"][0]["duties"]
            .as_str()
            .map(|d| d.starts_with("负责")),
        Some(true)
    );
    let costs = &project["cost_items"];
    assert_eq!(costs.as_array().map(Vec::len), Some(3));
    assert_eq!(costs[0]["amount"], "60.00");
    assert_eq!(costs[2]["basis"], "按消防部门整改清单");

    let dir = tempfile::tempdir().expect("a temporary directory");
    let english = dir.path().join("fields.en.plan");
    let (code, text, stderr) = perfplan(&["fmt", "--stdout", "--keywords", "en", FIELDS]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        text.contains("total-funds 360.00 (fiscal 320.00, self-raised 40.00)"),
        "{text}"
    );
    std::fs::write(&english, text).expect("writable");
    let english = english.to_string_lossy().into_owned();
    assert_eq!(build(&english, "json", "zh"), json);
}

/// A submission document is in Chinese whatever the terminal's locale;
/// `--doc-lang` (or an explicit `--lang`) asks for English.
#[test]
fn documents_are_chinese_unless_asked_otherwise() {
    let run = |extra: &[&str]| {
        let mut args = vec!["build", ZH, "--to", "md"];
        args.extend_from_slice(extra);
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_perfplan"))
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("LANG", "C.UTF-8")
            .env("LC_ALL", "en_US.UTF-8")
            .output()
            .expect("the binary runs");
        assert!(output.status.success());
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    assert!(run(&[]).contains("## 第一部分 部门整体绩效目标"));
    assert!(run(&["--doc-lang", "en"]).contains("## Part 1. Department-wide performance goals"));
    assert!(run(&["--lang", "en"]).contains("## Part 1."));
    assert!(run(&["--lang", "en", "--doc-lang", "zh"]).contains("## 第一部分"));
}

/// `草案 是` in the header: the Markdown title ends in （草案） ((Draft)
/// in English) and the JSON says `"draft": true` after the department;
/// nothing else changes. A plan that is not a draft has no `draft` key.
#[test]
fn a_draft_says_so_in_the_title_and_the_json() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(ZH))
        .expect("the example is readable");
    let anchor = "  金额单位 万元\n";
    assert!(text.contains(anchor), "the example's header has moved");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let draft = dir.path().join("draft.plan");
    std::fs::write(
        &draft,
        text.replacen(anchor, &format!("{anchor}  草案：是\n"), 1),
    )
    .expect("written");
    let not_draft = dir.path().join("not-draft.plan");
    std::fs::write(
        &not_draft,
        text.replacen(anchor, &format!("{anchor}  draft no\n"), 1),
    )
    .expect("written");
    let (draft, not_draft) = (draft.to_string_lossy(), not_draft.to_string_lossy());

    let md = build(&draft, "md", "zh");
    let plain = build(ZH, "md", "zh");
    assert_eq!(
        md.lines().next(),
        Some("# 纪检会2022年部门预算绩效文本（草案）")
    );
    assert_eq!(
        md.lines().skip(1).collect::<Vec<_>>(),
        plain.lines().skip(1).collect::<Vec<_>>()
    );
    let en = build(&draft, "md", "en");
    assert_eq!(
        en.lines().next(),
        Some("# 纪检会 2022 budget performance plan (Draft)")
    );
    assert_eq!(build(&not_draft, "md", "zh"), plain);

    let json = build(&draft, "json", "zh");
    let plain = build(ZH, "json", "zh");
    assert!(!plain.contains("\"draft\""), "no key unless a draft");
    assert_eq!(build(&not_draft, "json", "zh"), plain);
    assert_eq!(
        json,
        plain.replacen(
            "  \"department\": \"纪检会\",\n",
            "  \"department\": \"纪检会\",\n  \"draft\": true,\n",
            1
        )
    );
    let (_, schema, _) = perfplan(&["schema"]);
    let schema: serde_json::Value = serde_json::from_str(&schema).expect("the schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert!(validator.is_valid(&value));
    assert_eq!(
        schema["properties"]["draft"]["type"],
        serde_json::json!("boolean")
    );
}
