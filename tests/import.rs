//! `perfplan import`: Word and Excel plans read back into plan text.
//!
//! 1. Round trip: every example and a generated plan of 120 projects,
//!    built to .docx and .xlsx and imported, build to the same JSON as the
//!    original — but for what the documents do not print (see
//!    `comparable`).
//! 2. Four hand-built fixtures in other layouts (two Word, two Excel),
//!    made here with docx-rs and rust_xlsxwriter.
//! 3. A defect in an imported file is reported on the line that carries
//!    its provenance comment.
//! 4. A file that is not a zip, or is cut short, exits 2 with a message.
//! 5. A snapshot of the imported text of one fixture.

#[path = "common/cli.rs"]
mod cli;

#[path = "../examples/gen.rs"]
#[allow(dead_code)]
mod generator;

use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow, VMergeType};
use rust_xlsxwriter::{Format, Workbook};
use serde_json::Value;
use std::path::Path;

fn run(args: &[&str]) -> (i32, String, String) {
    cli::perfplan(args)
}

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// `build --to json` of plan files, as a JSON value.
fn json_of(plan: &Path) -> Value {
    let (code, out, err) = run(&["build", &s(plan), "--to", "json", "--color", "never"]);
    assert_eq!(code, 0, "build {}:\n{err}\n{out}", plan.display());
    serde_json::from_str(&out).expect("build gives JSON")
}

/// The JSON with what the Word and Excel documents do not print left
/// out, so that an imported plan can equal its original:
/// - project ids (a table prints the name only; import makes an id of it),
///   renamed by position here, and the summaries' references with them;
/// - budget units no project names (the tables print a project's own
///   unit only), in declaration order;
/// - the department's basic spending (printed in Markdown only);
/// - from Word only, the overall part's indicators, which the document
///   prints as prose (`数量指标：…`): import keeps those lines as comments.
fn comparable(mut j: Value, word: bool) -> Value {
    let mut ids = std::collections::HashMap::new();
    if let Some(projects) = j["projects"].as_array_mut() {
        for (n, p) in projects.iter_mut().enumerate() {
            let new = format!("p{n}");
            ids.insert(p["id"].as_str().unwrap_or("").to_string(), new.clone());
            p["id"] = Value::String(new);
        }
    }
    if let Some(summaries) = j["summaries"].as_array_mut() {
        for sum in summaries {
            let id = sum["project"].as_str().unwrap_or("").to_string();
            sum["project"] = Value::String(ids.get(&id).cloned().unwrap_or(id));
        }
    }
    let used: Vec<Value> = j["projects"]
        .as_array()
        .map(|ps| ps.iter().map(|p| p["unit"]["code"].clone()).collect())
        .unwrap_or_default();
    if let Some(units) = j["budget_units"].as_array_mut() {
        units.retain(|u| used.contains(&u["code"]));
        units.sort_by_key(|u| u["code"].as_str().unwrap_or("").to_string());
    }
    if let Some(o) = j.as_object_mut() {
        o.remove("basic_spending");
    }
    if word && let Some(overall) = j["overall"].as_array_mut() {
        overall.retain(|item| item.get("indicator").is_none());
    }
    j
}

/// Build `plan` to `to`, import it, and compare the JSON.
fn round_trip(plan: &Path, to: &str, dir: &Path) {
    let doc = dir.join(format!("plan.{to}"));
    let (code, _, err) = run(&["build", &s(plan), "--to", to, "-o", &s(&doc)]);
    assert_eq!(code, 0, "build --to {to}: {err}");
    let imported = dir.join(format!("imported-{to}.plan"));
    let (code, _, err) = run(&["import", &s(&doc), "-o", &s(&imported), "--lang", "en"]);
    assert_eq!(code, 0, "import {to}: {err}");
    assert!(err.contains("imported"), "a summary on stderr: {err}");
    let word = to == "docx";
    assert_eq!(
        comparable(json_of(&imported), word),
        comparable(json_of(plan), word),
        "{} through {to}",
        plan.display()
    );
    let (code, _, err) = run(&["fmt", "--check", &s(&imported)]);
    assert_eq!(code, 0, "the imported plan is fmt-clean: {err}");
}

#[test]
fn examples_round_trip_through_word_and_excel() {
    for example in [
        "examples/leting-jijian-2022.plan",
        "examples/school-repair-2024.plan",
    ] {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join(example);
        round_trip(&plan, "docx", dir.path());
        round_trip(&plan, "xlsx", dir.path());
    }
}

#[test]
fn a_generated_plan_of_120_projects_round_trips() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let plan = dir.path().join("gen.plan");
    std::fs::write(&plan, generator::generate(120, 3)).expect("written");
    round_trip(&plan, "docx", dir.path());
    round_trip(&plan, "xlsx", dir.path());
}

// ----- hand-built fixtures -----

fn cell(text: &str) -> TableCell {
    let mut c = TableCell::new();
    for line in text.split('\n') {
        c = c.add_paragraph(Paragraph::new().add_run(Run::new().add_text(line)));
    }
    c
}

fn row(cells: &[&str]) -> TableRow {
    TableRow::new(cells.iter().map(|t| cell(t)).collect())
}

fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

fn pack(doc: Docx) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).expect("a docx");
    out.into_inner()
}

/// Word, one table: a 项目支出绩效目标表 in 元 (`单位：元`), its header
/// block in label/value pairs, then the grid with 描述, 计量单位 and 分值
/// columns, the first level merged down (vMerge), the funds not adding
/// up (450000 + 40000 ≠ 500000) and a target `95%以上`.
fn word_project_table() -> Vec<u8> {
    word_project_table_with("≥120")
}

/// [`word_project_table`] with another target in its first indicator row.
fn word_project_table_with(first_target: &str) -> Vec<u8> {
    let merged = |text: &str, m: VMergeType| cell(text).vertical_merge(m);
    let table = Table::new(vec![
        row(&[
            "项目名称",
            "乡村医生补助",
            "项目编码",
            "13022524P00000000101",
        ]),
        row(&[
            "主管部门",
            "[401] 乐亭县卫生健康局",
            "实施单位",
            "乐亭县各乡镇卫生院",
        ]),
        row(&[
            "预算数",
            "500000",
            "其中：财政 资金",
            "450000",
            "其他资金",
            "40000",
        ]),
        row(&["实施期", "2024"]),
        row(&["年度目标", "1.保障乡村医生待遇\n2.稳定村医队伍"]),
        row(&[
            "一级指标",
            "二级指标",
            "三级指标",
            "描述",
            "计量单位",
            "指标值",
            "分值",
        ]),
        TableRow::new(vec![
            merged("产出指标", VMergeType::Restart),
            cell("数量指标"),
            cell("补助村医人数"),
            cell("享受补助的村医人数"),
            cell("人"),
            cell(first_target),
            cell("30"),
        ]),
        TableRow::new(vec![
            merged("", VMergeType::Continue),
            cell("质量指标"),
            cell("补助发放准确率"),
            cell(""),
            cell("%"),
            cell("100"),
            cell("30"),
        ]),
        row(&[
            "效益指标",
            "社会效益指标",
            "村医队伍稳定率",
            "",
            "",
            "95%以上",
            "20",
        ]),
        row(&[
            "满意度指标",
            "服务对象满意度指标",
            "村医满意度",
            "问卷调查",
            "%",
            "≥90",
            "20",
        ]),
    ]);
    pack(
        Docx::new()
            .add_paragraph(para("乐亭县卫生健康局2024年项目支出绩效目标表"))
            .add_paragraph(para("401001乐亭县卫生健康局\t单位：元"))
            .add_table(table),
    )
}

/// Word, three tables: a 部门整体支出绩效目标表 (部门名称, 年度总体目标 and
/// an indicator grid with 指标值确定依据), then a project's heading, its
/// header block (funds without `其中`, 项目属性) and its grid apart, with
/// 指标值类型 before 目标值 and the header row's labels broken by spaces.
fn word_department_and_project() -> Vec<u8> {
    let overall = Table::new(vec![
        row(&["部门名称", "乐亭县司法局"]),
        row(&["年度总体目标", "全年办理法律援助案件300件以上。"]),
        row(&[
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值",
            "指标值确定依据",
        ]),
        row(&[
            "产出指标",
            "数量指标",
            "法律援助案件数",
            "≥300件",
            "上年实际",
        ]),
        row(&[
            "满意度指标",
            "服务对象满意度指标",
            "受援人满意度",
            "≥95%",
            "行业标准",
        ]),
    ]);
    let header = Table::new(vec![
        row(&["项目名称", "法律援助经费"]),
        row(&["项目编码", "13022524P00000000201"]),
        row(&["项目属性", "延续"]),
        row(&["预算数", "20.00", "财政资金", "20.00"]),
        row(&["绩效目标", "为经济困难群众提供法律援助"]),
    ]);
    let grid = Table::new(vec![
        row(&[
            "一级 指标",
            "二级 指标",
            "三级 指标",
            "指标值类型",
            "目标值",
            "依据",
        ]),
        row(&[
            "产出指标",
            "数量指标",
            "援助案件数",
            "定量",
            "≥300件",
            "计划标准",
        ]),
        row(&[
            "效益指标",
            "社会效益指标",
            "群众法治意识",
            "定性",
            "明显提升",
            "其他",
        ]),
        row(&[
            "满意度指标",
            "服务对象满意度指标",
            "受援人满意度",
            "定量",
            "≥95%",
            "行业标准",
        ]),
    ]);
    pack(
        Docx::new()
            .add_paragraph(para("乐亭县司法局2023年部门整体支出绩效目标表"))
            .add_paragraph(para("单位：万元"))
            .add_table(overall)
            .add_paragraph(para("1. 法律援助经费绩效目标表"))
            .add_paragraph(para("301001乐亭县司法局"))
            .add_table(header)
            .add_table(grid),
    )
}

/// Code, name, levels, indicator, definition, comparator, value, unit.
type Record<'a> = (
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    f64,
    &'a str,
);

/// Excel, the record layout provincial systems export: a title row, the
/// header on row 2, one row per indicator with the project's code and name
/// repeated, comparator, value (a number) and unit in their own columns.
fn excel_records() -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("指标").expect("a name");
    ws.write_string(0, 0, "乐亭县农业农村局2024年项目绩效目标")
        .expect("w");
    let head = [
        "项目代码",
        "项目名称",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标解释",
        "比较符",
        "指标值",
        "计量单位",
    ];
    for (c, h) in (0u16..).zip(head) {
        ws.write_string(1, c, h).expect("w");
    }
    let rows: [Record; 4] = [
        (
            "P001",
            "农机购置补贴",
            "产出指标",
            "数量指标",
            "补贴农机台数",
            "",
            "≥",
            150.0,
            "台",
        ),
        (
            "P001",
            "农机购置补贴",
            "满意度指标",
            "服务对象满意度指标",
            "农户满意度",
            "",
            "≥",
            90.0,
            "%",
        ),
        (
            "P002",
            "高标准农田建设",
            "产出指标",
            "数量指标",
            "新建高标准农田",
            "当年建成面积",
            "≥",
            2.5,
            "万亩",
        ),
        (
            "P002",
            "高标准农田建设",
            "满意度指标",
            "服务对象满意度指标",
            "农户满意度",
            "",
            "≥",
            0.9,
            "%",
        ),
    ];
    for (r, (code, name, l1, l2, l3, desc, cmp, value, unit)) in (2u32..).zip(rows) {
        for (c, t) in (0u16..).zip([code, name, l1, l2, l3, desc, cmp]) {
            ws.write_string(r, c, t).expect("w");
        }
        ws.write_number(r, 7, value).expect("w");
        ws.write_string(r, 8, unit).expect("w");
    }
    book.save_to_buffer().expect("an xlsx")
}

/// Excel, one project table per sheet: a merged title row, `单位：万元`
/// on the second row, the header block from row 3, numbers as numbers
/// (an amount with the format `0.00`), and percentages stored as 0.95 with
/// a `0%` format, as 0.9 and as 95 in a column headed `指标值(%)`; the first
/// level merged down.
fn excel_sheet_with_title() -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("校园安全").expect("a name");
    let plain = Format::new();
    ws.merge_range(0, 0, 0, 4, "乐亭县教育局2024年项目支出绩效目标表", &plain)
        .expect("w");
    ws.write_string(1, 0, "301001乐亭县教育局").expect("w");
    ws.write_string(1, 4, "单位：万元").expect("w");
    ws.write_string(2, 0, "项目名称").expect("w");
    ws.merge_range(2, 1, 2, 2, "校园安全隐患整治", &plain)
        .expect("w");
    ws.write_string(2, 3, "项目编码").expect("w");
    ws.write_string(2, 4, "13022524P00000000301").expect("w");
    ws.write_string(3, 0, "预算数").expect("w");
    let money = Format::new().set_num_format("0.00");
    ws.write_number_with_format(3, 1, 10.0, &money).expect("w");
    ws.write_string(3, 2, "其中：财政资金").expect("w");
    ws.write_number_with_format(3, 3, 10.0, &money).expect("w");
    ws.write_string(4, 0, "年度目标").expect("w");
    ws.merge_range(4, 1, 4, 4, "完成全县中小学校园安全隐患排查整治", &plain)
        .expect("w");
    for (c, h) in (0u16..).zip([
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值(%)",
        "指标值确定依据",
    ]) {
        ws.write_string(5, c, h).expect("w");
    }
    ws.merge_range(6, 0, 7, 0, "产出指标", &plain).expect("w");
    ws.write_string(6, 1, "质量指标").expect("w");
    ws.write_string(6, 2, "隐患整改率").expect("w");
    ws.write_number_with_format(6, 3, 0.95, &Format::new().set_num_format("0%"))
        .expect("w");
    ws.write_string(7, 1, "时效指标").expect("w");
    ws.write_string(7, 2, "整改及时率").expect("w");
    ws.write_number(7, 3, 0.9).expect("w");
    ws.write_string(8, 0, "满意度指标").expect("w");
    ws.write_string(8, 1, "服务对象满意度指标").expect("w");
    ws.write_string(8, 2, "师生满意度").expect("w");
    ws.write_number(8, 3, 95.0).expect("w");
    for r in 6..9 {
        ws.write_string(r, 4, "计划标准").expect("w");
    }
    book.save_to_buffer().expect("an xlsx")
}

/// Import bytes through the binary: exit code, the plan text, stderr.
fn import(name: &str, bytes: &[u8]) -> (i32, String, String) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join(name);
    std::fs::write(&file, bytes).expect("written");
    let (code, out, err) = run(&["import", &s(&file), "--lang", "en"]);
    (code, out, err)
}

#[test]
fn word_project_table_in_yuan_with_description_unit_and_weight_columns() {
    let (code, text, err) = import("project.docx", &word_project_table());
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("1 projects, 4 indicators"), "{err}");
    for line in [
        "计划 2024 \"乐亭县卫生健康局\"",
        "金额单位 元",
        "预算单位 401001 \"乐亭县卫生健康局\"",
        "编码 13022524P00000000101",
        "主管部门 [401] \"乐亭县卫生健康局\"",
        "实施单位 \"乐亭县各乡镇卫生院\"",
        "资金 500000 (财政 450000, 其他 40000)",
        "实施期 2024",
        "目标 \"保障乡村医生待遇\"",
        "目标 \"稳定村医队伍\"",
        "\"补助村医人数\"   ≥ 120 描述 \"享受补助的村医人数\" 计量单位 人 分值 30",
        "产出.质量",
        "\"村医队伍稳定率\" ≥ 95% 分值 20  # 表1 第9行 第3列 原文：95%以上",
    ] {
        assert!(text.contains(line), "`{line}` in:\n{text}");
    }
}

/// A target with a trailing `。` is imported as filed, and the checker
/// reports it (as a figure written as text, W0513).
#[test]
fn a_defect_the_formatter_would_mend_is_imported_as_filed() {
    let (code, text, err) = import("project.docx", &word_project_table_with("≥120。"));
    assert_eq!(code, 0, "{err}");
    assert!(text.contains("≥120。"), "{text}");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let plan = dir.path().join("project.plan");
    std::fs::write(&plan, &text).expect("written");
    let (_, _, err) = run(&[
        "check",
        &s(&plan),
        "--lang",
        "en",
        "--message-format",
        "short",
    ]);
    assert!(
        err.contains("warning[W0513]") && err.contains("≥120。"),
        "{err}"
    );
}

#[test]
fn word_department_table_and_a_project_in_two_tables() {
    let (code, text, err) = import("department.docx", &word_department_and_project());
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("3 tables, 1 projects, 5 indicators"), "{err}");
    for line in [
        "计划 2023 \"乐亭县司法局\"",
        "总体目标 {",
        "目标 \"全年办理法律援助案件300件以上。\"",
        "\"法律援助案件数\" ≥ 300件 依据 \"上年实际\"",
        "项目 法律援助经费 \"法律援助经费\"",
        "预算单位 301001  # 第4段",
        "类别 \"延续\"",
        "资金 20.00 (财政 20.00)",
        "\"群众法治意识\" 定性 \"明显提升\" 依据 \"其他\" 类型 定性",
        "\"援助案件数\"",
    ] {
        assert!(text.contains(line), "`{line}` in:\n{text}");
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    let plan = dir.path().join("department.plan");
    std::fs::write(&plan, &text).expect("written");
    let (code, out, _) = run(&["check", &s(&plan), "--message-format", "json"]);
    assert!(code == 0 || code == 1, "check runs: {out}");
}

#[test]
fn excel_record_layout_makes_one_project_per_code() {
    let (code, text, err) = import("records.xlsx", &excel_records());
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("2 projects, 4 indicators"), "{err}");
    for line in [
        "计划 2024 \"乐亭县农业农村局\"",
        "\"农机购置补贴\"",
        "编码 P001",
        "\"补贴农机台数\" ≥ 150台",
        "\"新建高标准农田\" ≥ 2.5万亩 描述 \"当年建成面积\"",
        "\"农户满意度\"   ≥ 90%  # 指标!E4",
        "\"农户满意度\"     ≥ 90%  # 指标!E6",
    ] {
        assert!(text.contains(line), "`{line}` in:\n{text}");
    }
    assert_eq!(text.matches("\"农户满意度\"").count(), 2, "{text}");
}

#[test]
fn excel_sheet_with_a_title_row_and_percentages_stored_as_shares() {
    let (code, text, err) = import("sheet.xlsx", &excel_sheet_with_title());
    assert_eq!(code, 0, "{err}");
    for line in [
        "计划 2024 \"乐亭县教育局\"",
        "金额单位 万元",
        "预算单位 301001 \"乐亭县教育局\"",
        "资金 10.00 (财政 10.00)",
        "\"隐患整改率\" 95% 依据 \"计划标准\"  # 校园安全!C7",
        "\"整改及时率\" 90%",
        "\"师生满意度\" 95%",
    ] {
        assert!(text.contains(line), "`{line}` in:\n{text}");
    }
    insta::assert_snapshot!("excel_sheet_with_title", text);
}

/// The line numbers (1-based) of the diagnostics with `code`.
fn lines_of(plan: &Path, code: &str) -> Vec<usize> {
    let (_, out, _) = run(&["check", &s(plan), "--message-format", "json"]);
    out.lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|d| d["code"] == code)
        .filter_map(|d| d["line"].as_u64())
        .filter_map(|n| usize::try_from(n).ok())
        .collect()
}

#[test]
fn defects_are_reported_at_the_line_of_their_source_cell() {
    let (code, text, err) = import("project.docx", &word_project_table());
    assert_eq!(code, 0, "{err}");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let plan = dir.path().join("project.plan");
    std::fs::write(&plan, &text).expect("written");
    let lines: Vec<&str> = text.lines().collect();
    let sum = lines_of(&plan, "E0302");
    assert_eq!(sum.len(), 1, "the sources do not add up:\n{text}");
    let at = lines[sum[0] - 1];
    assert!(
        at.contains("资金 500000") && at.contains("# 表1 第3行"),
        "{at}"
    );
    // The target `95%以上` is written in the formatter's form, `≥ 95%`
    // (the same meaning); the comment keeps the cell's text.
    let target = lines.iter().find(|l| l.contains("95%以上")).expect("kept");
    assert!(
        target.contains("≥ 95%") && target.contains("# 表1 第9行 第3列"),
        "{target}"
    );
}

#[test]
fn files_that_are_not_word_or_excel_exit_2() {
    let (code, _, err) = import("plan.docx", b"this is not a zip archive");
    assert_eq!(code, 2);
    assert!(err.contains("not a zip archive"), "{err}");
    let whole = word_project_table();
    let cut = &whole[..whole.len() / 2];
    let (code, _, err) = import("cut.docx", cut);
    assert_eq!(code, 2);
    assert!(err.contains("cannot import"), "{err}");
    let (code, _, err) = import("empty.xlsx", b"");
    assert_eq!(code, 2, "{err}");
}

#[test]
fn output_into_a_directory_is_named_after_the_file() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("project.docx");
    std::fs::write(&file, word_project_table()).expect("written");
    let out = format!("{}/", s(&dir.path().join("plans")));
    std::fs::create_dir(dir.path().join("plans")).expect("a directory");
    let (code, _, err) = run(&["import", &s(&file), "-o", &out]);
    assert_eq!(code, 0, "{err}");
    assert!(dir.path().join("plans/project.plan").is_file());
    assert!(err.contains("已导入") || err.contains("imported"), "{err}");
}
