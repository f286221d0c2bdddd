//! `perfplan build --to records`: golden JSON and CSV of the examples,
//! validation against the published schema, every figure, goal and
//! indicator of the resolved plan in the records, the CSV read back, and
//! `--format` refused without `--to records`.

use perfplan::check::{Options, check};
use perfplan::model::{self, OverallItem, Plan, Target};
use perfplan::sema::Ctx;
use perfplan::source::{SourceFile, SourceMap};
use rust_decimal::Decimal;
use serde_json::Value;
use std::path::Path;
use std::str::FromStr;

#[path = "common/cli.rs"]
mod cli;
use cli::perfplan;

const ZH: &str = "examples/leting-jijian-2022.plan";
const EN: &str = "examples/leting-jijian-2022.en.plan";
/// A multi-year project with every field of a real project table.
const FIELDS: &str = "examples/school-repair-2024.plan";

/// The standard output of `perfplan build FILE --to records` and the
/// extra arguments.
fn records(file: &str, extra: &[&str]) -> String {
    let mut args = vec!["build", file, "--to", "records", "--color", "never"];
    args.extend_from_slice(extra);
    let (code, stdout, stderr) = perfplan(&args);
    assert_eq!(code, 0, "build {file} --to records {extra:?}:\n{stderr}");
    stdout
}

fn json_records(file: &str) -> Value {
    serde_json::from_str(&records(file, &[])).expect("the records are JSON")
}

fn snapshot(name: &str, text: &str) {
    insta::with_settings!({ snapshot_path => "build/snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!(name, text);
    });
}

/// The resolved plan of a file, from the library.
fn model_of(file: &str) -> Plan {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file))
        .expect("the example is readable");
    let mut sources = SourceMap::new();
    sources.add(SourceFile::new(file, text));
    let checked = check(&sources, &Options { lints: Vec::new() });
    model::resolve(&Ctx::new(&checked.files)).expect("the example resolves")
}

#[test]
fn records_of_the_examples() {
    snapshot("example_records_json", &records(ZH, &[]));
    snapshot("example_records_csv", &records(ZH, &["--format", "csv"]));
    snapshot("fields_records_json", &records(FIELDS, &[]));
    snapshot("fields_records_csv", &records(FIELDS, &["--format", "csv"]));
}

#[test]
fn chinese_and_english_keywords_give_the_same_records() {
    assert_eq!(records(ZH, &[]), records(EN, &[]));
    let csv = ["--format", "csv"];
    assert_eq!(records(ZH, &csv), records(EN, &csv));
}

#[test]
fn records_validate_against_the_published_schema() {
    let (code, schema, _) = perfplan(&["schema", "--records"]);
    assert_eq!(code, 0);
    let schema: Value = serde_json::from_str(&schema).expect("the schema is JSON");
    assert_eq!(schema["$id"], "https://perfplan.dev/schema/v1/records.json");
    let validator = jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema");
    for file in [ZH, EN, FIELDS] {
        let records = json_records(file);
        assert_eq!(records["schema"], schema["$id"], "{file}");
        let errors: Vec<String> = validator
            .iter_errors(&records)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{file}: {errors:#?}");
    }
    let committed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/records.schema.json"),
    )
    .unwrap_or_default();
    assert!(
        committed == perfplan(&["schema", "--records"]).1,
        "docs/records.schema.json is stale: run `cargo run -- schema --records > docs/records.schema.json`"
    );
}

/// The enums the schemas publish: comparators, dimensions, value types.
#[test]
fn schemas_have_ids_and_enums() {
    let (_, plan, _) = perfplan(&["schema"]);
    let plan: Value = serde_json::from_str(&plan).expect("JSON");
    assert_eq!(plan["$id"], "https://perfplan.dev/schema/v1/plan.json");
    let (_, records, _) = perfplan(&["schema", "--records"]);
    let records: Value = serde_json::from_str(&records).expect("JSON");
    let values = |schema: &Value, def: &str| -> Vec<String> {
        schema["$defs"][def]["enum"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    for schema in [&plan, &records] {
        assert_eq!(values(schema, "Comparator"), ["≥", "≤", "=", ">", "<"]);
        assert_eq!(values(schema, "ValueType"), ["定量", "定性", "不适用"]);
        assert!(values(schema, "Dimension").contains(&"percent".to_string()));
    }
    assert_eq!(values(&records, "Direction"), ["正向", "反向"]);
    assert_eq!(
        values(&records, "ComputeSign"),
        ["≥", "≤", "=", ">", "<", "6", "9", "10"]
    );
}

/// A figure of the records equals the model's (both in 万元 here).
fn same_figure(record: &Value, model: &str, what: &str) {
    let record = Decimal::from_str(&record.to_string());
    let model = Decimal::from_str(model);
    assert!(
        record.is_ok() && record == model,
        "{what}: records {record:?}, plan {model:?}"
    );
}

/// The records of one kind belonging to a project.
fn of_project<'a>(records: &'a Value, kind: &str, id: &str) -> Vec<&'a Value> {
    records[kind]
        .as_array()
        .map(|a| a.iter().filter(|r| r["pro_id"] == id).collect())
        .unwrap_or_default()
}

/// Every money figure of the plan (department, funds by source, total
/// funds, cost items, schedule) is in the records, compared with the
/// resolved model rather than written out by hand.
#[test]
fn every_figure_of_the_examples_is_in_the_records() {
    for file in [ZH, FIELDS] {
        let plan = model_of(file);
        assert_eq!(plan.money_unit, "万元", "the examples are in 万元");
        let records = json_records(file);
        let dept = &records["department"];
        same_figure(&dept["total_amt"], &plan.total, "department total");
        if let Some(basic) = &plan.basic_spending {
            same_figure(&dept["basic_amt"], basic, "basic spending");
        }
        assert_eq!(
            records["projects"].as_array().map(Vec::len),
            Some(plan.projects.len())
        );
        for (n, p) in plan.projects.iter().enumerate() {
            let header = &records["projects"][n];
            assert_eq!(header["pro_id"], p.id.as_str());
            assert_eq!(header["pro_name"], p.name.as_str());
            assert_eq!(header["pro_code"].as_str(), p.code.as_deref());
            same_figure(&header["total_amt"], &p.funds.total, &p.id);
            let funds = of_project(&records, "funds", &p.id);
            let mut sources: Vec<(&str, &model::FundSource)> =
                p.funds.sources.iter().map(|s| ("0", s)).collect();
            if let Some(total) = &p.total_funds {
                same_figure(&header["period_total_amt"], &total.total, &p.id);
                sources.extend(total.sources.iter().map(|s| ("1", s)));
            }
            assert_eq!(funds.len(), sources.len(), "{}: fund records", p.id);
            for (record, (flag, source)) in funds.iter().zip(&sources) {
                assert_eq!(record["yearflag"], *flag);
                assert_eq!(record["source_name"], source.name.as_str());
                same_figure(&record["amt"], &source.amount, &source.name);
            }
            let costs = of_project(&records, "costs", &p.id);
            assert_eq!(costs.len(), p.cost_items.len());
            for (record, item) in costs.iter().zip(&p.cost_items) {
                assert_eq!(record["cost_name"], item.name.as_str());
                same_figure(&record["amt"], &item.amount, &item.name);
            }
            let schedule = of_project(&records, "schedules", &p.id);
            assert_eq!(schedule.len(), p.schedule.len());
            for (record, c) in schedule.iter().zip(&p.schedule) {
                assert_eq!(record["checkpoint"], c.label.as_str());
                match (&c.share, &c.amount) {
                    (Some(share), _) => same_figure(&record["share"], share, &c.label),
                    (None, Some(amount)) => same_figure(&record["amt"], amount, &c.label),
                    (None, None) => panic!("a checkpoint with neither share nor amount"),
                }
            }
        }
    }
}

/// Every goal and every indicator of the plan is a record, in order,
/// with its names, value, unit, weight and texts.
#[test]
fn every_goal_and_indicator_is_a_record() {
    for file in [ZH, FIELDS] {
        let plan = model_of(file);
        let records = json_records(file);
        let mut goals = Vec::new();
        let mut indicators = Vec::new();
        for item in &plan.overall {
            match item {
                OverallItem::Goal(g) | OverallItem::MidtermGoal(g) => goals.push(g.as_str()),
                OverallItem::Indicator(i) => indicators.push(i.as_ref()),
                OverallItem::Duties(_) => {}
            }
        }
        for p in &plan.projects {
            goals.extend(p.midterm_goals.iter().chain(&p.goals).map(String::as_str));
            indicators.extend(&p.indicators);
        }
        let goal_texts: Vec<&str> = records["goals"]
            .as_array()
            .map(|a| a.iter().filter_map(|g| g["kpi_target"].as_str()).collect())
            .unwrap_or_default();
        assert_eq!(goal_texts, goals, "{file}: goals");
        let rows = records["indicators"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert_eq!(
            rows.len(),
            indicators.len(),
            "{file}: one record per indicator"
        );
        for (r, i) in rows.iter().zip(indicators) {
            let text = |v: &Value| v.as_str().map(String::from);
            assert_eq!(r["lv1_perf_ind_name"], i.level1.name.as_str());
            assert_eq!(r["lv2_perf_ind_name"], i.level2.name.as_str());
            assert_eq!(r["lv3_perf_ind_name"], i.name.as_str());
            assert_eq!(r["kpi_val"], i.value_text.as_str());
            assert_eq!(text(&r["kpi_content"]), i.description);
            assert_eq!(text(&r["ind_basis"]), i.basis);
            assert_eq!(text(&r["kpi_evalstd"]), i.scoring);
            assert_eq!(text(&r["value_remark"]), i.note);
            assert_eq!(text(&r["kpi_remark"]), i.remark);
            assert_eq!(r["yearflag"], if i.midterm { "1" } else { "0" });
            if let Some(weight) = &i.weight {
                same_figure(&r["weight"], weight, &i.name);
            }
            if let Target::Quantitative {
                comparator,
                value,
                unit,
                ..
            } = &i.target
            {
                same_figure(&r["indvalue"], value, &i.name);
                let sign = comparator.map_or("9", |c| c.symbol());
                assert_eq!(r["computesign"], sign, "{}", i.name);
                let meterunit = i.measure_unit.as_ref().or(unit.as_ref());
                assert_eq!(r["meterunit"].as_str(), meterunit.map(String::as_str));
            }
        }
    }
}

/// A small RFC 4180 reader: quoted fields with doubled quotes and line
/// breaks inside, CRLF between records.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "the last row ends in CRLF"
    );
    rows
}

/// The CSV starts with a BOM, has CRLF line ends, and reads back into
/// the JSON records: one row per record, every field the same.
#[test]
fn csv_reads_back_as_the_json_records() {
    for file in [ZH, FIELDS] {
        let csv = records(file, &["--format", "csv"]);
        let body = csv
            .strip_prefix('\u{feff}')
            .expect("a UTF-8 byte-order mark");
        assert!(body.ends_with("\r\n"));
        let rows = read_csv(body);
        let head = rows.first().cloned().unwrap_or_default();
        assert_eq!(head.first().map(String::as_str), Some("record_type"));
        assert!(
            rows.iter().all(|r| r.len() == head.len()),
            "{file}: ragged rows"
        );
        let json = json_records(file);
        let mut expected: Vec<(&str, &Value)> = vec![("department", &json["department"])];
        let kinds = [
            ("project", "projects"),
            ("fund", "funds"),
            ("cost", "costs"),
            ("schedule", "schedules"),
            ("goal", "goals"),
            ("indicator", "indicators"),
        ];
        for (kind, list) in kinds {
            let items = json[list]
                .as_array()
                .map(|a| a.iter())
                .into_iter()
                .flatten();
            expected.extend(items.map(|r| (kind, r)));
        }
        assert_eq!(rows.len(), expected.len() + 1, "{file}: one row per record");
        for (row, (kind, record)) in rows.iter().skip(1).zip(expected) {
            assert_eq!(row.first().map(String::as_str), Some(kind));
            for (column, cell) in head.iter().zip(row).skip(1) {
                same_cell(&record[column.as_str()], cell, column);
            }
        }
    }
}

/// A CSV cell holds what the JSON field holds: its text, its number, or
/// nothing for null or a field the record does not have.
fn same_cell(field: &Value, cell: &str, column: &str) {
    match field {
        Value::String(s) => assert_eq!(s, cell, "{column}"),
        Value::Null => assert_eq!(cell, "", "{column}"),
        Value::Number(n) => assert_eq!(
            Decimal::from_str(&n.to_string()).ok(),
            Decimal::from_str(cell).ok(),
            "{column}"
        ),
        other => panic!("{column}: a field that is not flat: {other}"),
    }
}

#[test]
fn format_without_records_is_a_usage_error() {
    for lang in ["zh", "en"] {
        let (code, stdout, stderr) = perfplan(&[
            "build", ZH, "--to", "json", "--format", "csv", "--lang", lang, "--color", "never",
        ]);
        assert_eq!(code, 2, "{stderr}");
        assert!(stdout.is_empty());
        assert!(stderr.contains("--to records"), "{stderr}");
        let words = if lang == "zh" {
            "只用于"
        } else {
            "only for"
        };
        assert!(stderr.contains(words), "{stderr}");
    }
}

#[test]
fn records_are_written_to_a_file() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let out = dir.path().join("records.csv");
    let out_str = out.to_string_lossy().into_owned();
    let (code, stdout, stderr) = perfplan(&[
        "build", ZH, "--to", "records", "--format", "csv", "-o", &out_str,
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty());
    let written = std::fs::read(&out).expect("written");
    assert!(written.starts_with("\u{feff}".as_bytes()));
    assert_eq!(
        String::from_utf8_lossy(&written),
        records(ZH, &["--format", "csv"])
    );
}
