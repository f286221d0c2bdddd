//! From a [`Document`] to plan items: the title (department and year),
//! the department part (overall goals, summaries, measures), and each
//! project's header block, funds, schedule, goals and indicator grid.
//!
//! Labels are compared after [`normalize`] (no blanks or line breaks,
//! full-width marks in ASCII), with their synonyms; an indicator grid is
//! found by its header row, in any column order. Figures and texts are
//! kept exactly as written. A non-empty cell or paragraph that finds no
//! place becomes a `# 未识别` comment with its origin.

use super::{Block, Cell, Document, Origin, Summary, Table, normalize};

/// One line of plan text (without indentation) and where it came from; a
/// line starting with `#` is a comment.
#[derive(Debug, Clone)]
pub struct Line {
    pub text: String,
    pub origin: Option<Origin>,
}

impl Line {
    fn new(text: impl Into<String>, origin: &Origin) -> Line {
        Line {
            text: text.into(),
            origin: Some(origin.clone()),
        }
    }

    fn comment(what: &str, text: &str, origin: &Origin) -> Line {
        Line {
            text: format!("# {what}: {}", one_line(text)),
            origin: Some(origin.clone()),
        }
    }
}

/// A project as read: its name line, then its statements in the canonical
/// order, then its indicators and comments.
#[derive(Debug, Clone, Default)]
pub struct ProjectOut {
    pub name: Option<(String, Origin)>,
    pub heading: Option<(String, Origin)>,
    fields: Vec<(Field, Line)>,
    annual: FundsOut,
    period: Option<FundsOut>,
    schedule_labels: Vec<(usize, String, Origin)>,
    schedule_values: Vec<(usize, String, Origin)>,
    goals: Vec<Line>,
    midterm_goals: Vec<Line>,
    cost: Vec<Line>,
    pub indicators: Vec<Line>,
    comments: Vec<Line>,
    unit_code: Option<String>,
}

/// A block of funds: its total and sources.
#[derive(Debug, Clone, Default)]
struct FundsOut {
    total: Option<(String, Origin)>,
    sources: Vec<(String, String)>,
}

/// A summary (分项绩效目标) as read.
#[derive(Debug, Clone, Default)]
pub struct SummaryOut {
    pub name: String,
    pub amount: String,
    pub origin: Origin,
    pub goals: Vec<Line>,
}

/// The plan as read.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub year: Option<(String, Origin)>,
    pub department: Option<(String, Origin)>,
    pub money_unit: Option<(String, Origin)>,
    pub framework: String,
    pub units: Vec<(String, String, Origin)>,
    pub region: Option<(String, Origin)>,
    pub total: Option<(String, Origin)>,
    pub overall: Vec<Line>,
    pub summaries: Vec<SummaryOut>,
    pub measures: Vec<(String, Vec<String>, Origin)>,
    pub projects: Vec<ProjectOut>,
    /// Comments with no item to stand in.
    pub loose: Vec<Line>,
    pub summary: Summary,
}

/// A label of a header block or department table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    Code,
    Supervisor,
    Implementer,
    Category,
    Period,
    Region,
    Unit,
    Purpose,
    FundsBlock,
    AnnualTotal,
    PeriodTotal,
    Schedule,
    Goals,
    MidtermGoals,
    Cost,
    Department,
    Year,
    Duties,
}

fn field(label: &str) -> Option<Field> {
    let l = normalize(label);
    let l = l.as_str();
    Some(match l {
        "项目名称" => Field::Name,
        "项目编码" | "项目代码" => Field::Code,
        "主管部门" | "主管部门及代码" => Field::Supervisor,
        "实施单位" => Field::Implementer,
        "项目类别" | "项目属性" | "项目类型" => Field::Category,
        "实施期" | "项目期" | "实施周期" | "起止时间" | "项目实施期" | "项目周期" => {
            Field::Period
        }
        "财政区划" => Field::Region,
        "预算单位" | "单位名称" => Field::Unit,
        "资金用途" => Field::Purpose,
        "预算规模及资金用途" | "预算规模" | "资金情况" => Field::FundsBlock,
        "预算数" | "年度资金总额" | "资金总额" | "年度预算数" | "本年预算数" | "预算金额"
        | "年度预算" | "当年预算" | "年度资金" => Field::AnnualTotal,
        "项目总资金" | "项目总额" | "总资金" | "实施期资金总额" => {
            Field::PeriodTotal
        }
        "绩效目标" | "年度目标" | "年度绩效目标" | "年度总体目标" | "总体目标" => {
            Field::Goals
        }
        "中期目标" | "实施期目标" | "中长期目标" => Field::MidtermGoals,
        "成本测算" => Field::Cost,
        "部门名称" => Field::Department,
        "年度" => Field::Year,
        "部门职责" | "职责" => Field::Duties,
        _ if l.starts_with("资金支出计划") || l.starts_with("支出计划") => {
            Field::Schedule
        }
        _ => return None,
    })
}

/// A column of an indicator grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Level1,
    Level2,
    Name,
    Description,
    Value,
    /// A target in words, in a records sheet that keeps numbers and texts
    /// in two columns (`指标值（文字）` beside `指标值（数值）`).
    ValueText,
    Comparator,
    MeasureUnit,
    ValueType,
    Basis,
    Scoring,
    Weight,
    Note,
    Remark,
    ProjectCode,
    ProjectName,
    Set,
    Number,
}

fn column(head: &str) -> Option<Col> {
    let h = normalize(head);
    let h = h.trim_end_matches("(%)");
    Some(match h {
        "一级指标" | "一级指标名称" | "一级" => Col::Level1,
        "二级指标" | "二级指标名称" | "二级" => Col::Level2,
        "三级指标" | "三级指标名称" | "三级" | "指标名称" | "绩效指标名称" => {
            Col::Name
        }
        "绩效指标描述" | "指标解释" | "指标描述" | "绩效指标说明" | "描述" | "指标内容"
        | "绩效指标解释" => Col::Description,
        "指标值" | "目标值" | "年度指标值" | "指标目标值" | "年度目标值" | "中期指标值"
        | "绩效指标值" | "指标值(数值)" | "数值指标值" => Col::Value,
        "指标值(文字)" | "文字指标值" | "指标值(文本)" => Col::ValueText,
        "比较符" | "符号" | "运算符" | "比较方式" => Col::Comparator,
        "计量单位" | "度量单位" | "单位" => Col::MeasureUnit,
        "指标值类型" | "指标类型" | "值类型" => Col::ValueType,
        "指标值确定依据" | "依据" | "确定依据" | "指标值设定依据" => Col::Basis,
        "评(扣)分标准" | "评分标准" | "评扣分标准" => Col::Scoring,
        "分值" | "权重" | "分数" | "指标分值" => Col::Weight,
        "指标值说明" => Col::Note,
        "备注" => Col::Remark,
        "项目编码" | "项目代码" => Col::ProjectCode,
        "项目名称" => Col::ProjectName,
        "年度/中期" => Col::Set,
        "序号" => Col::Number,
        _ => return None,
    })
}

/// The columns of a grid, by index, once its header row is found.
#[derive(Debug, Clone, Default)]
struct Columns(Vec<(Col, usize)>);

impl Columns {
    fn get(&self, col: Col) -> Option<usize> {
        self.0.iter().find(|(c, _)| *c == col).map(|(_, i)| *i)
    }

    fn has(&self, col: Col) -> bool {
        self.get(col).is_some()
    }
}

/// The header row of an indicator grid: a 三级 (name) and a value column.
fn grid_header(row: &[Cell]) -> Option<Columns> {
    let mut cols = Columns::default();
    for (i, c) in row.iter().enumerate() {
        if let Some(k) = column(&c.text)
            && !cols.has(k)
        {
            cols.0.push((k, i));
        }
    }
    (cols.has(Col::Name) && cols.has(Col::Value)).then_some(cols)
}

/// Where the rows being read go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    None,
    Overall,
    Project,
}

/// What part of the document is being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Front,
    Overall,
    Summaries,
    Measures,
    Projects,
}

fn section_of(text: &str) -> Option<Section> {
    let t = normalize(text);
    if t.chars().count() > 16 {
        return None;
    }
    if t.contains("部门整体")
        || t.contains("第一部分")
        || (t.contains("总体绩效目标") && !t.contains("表"))
    {
        Some(Section::Overall)
    } else if t.contains("分项绩效目标") {
        Some(Section::Summaries)
    } else if t.contains("保障措施") {
        Some(Section::Measures)
    } else if t.contains("第二部分") || t.contains("预算项目绩效目标") {
        Some(Section::Projects)
    } else {
        None
    }
}

/// The reader's state over the whole document.
struct Reader {
    plan: Plan,
    section: Section,
    target: Target,
    /// A unit line seen before its project's table.
    pending_unit: Option<(String, Origin)>,
    /// The next paragraph is the text of this overall label.
    overall_label: Option<&'static str>,
    /// Overall goal paragraphs being gathered into one goal.
    goal_lines: Vec<(String, Origin)>,
    in_indicator_prose: bool,
}

/// Read the plan in a document.
pub fn recognize(doc: &Document) -> Plan {
    let mut r = Reader {
        plan: Plan::default(),
        section: Section::Front,
        target: Target::None,
        pending_unit: None,
        overall_label: None,
        goal_lines: Vec::new(),
        in_indicator_prose: false,
    };
    for block in &doc.blocks {
        match block {
            Block::Paragraph {
                text,
                style,
                origin,
            } => r.paragraph(text, style.as_deref(), origin),
            Block::Table(t) => {
                r.flush_goal();
                r.plan.summary.tables += 1;
                r.table(t);
            }
        }
    }
    r.flush_goal();
    r.finish()
}

/// `纪检会2022年部门预算绩效文本`, `2024年项目支出绩效目标表`: the text
/// before the year, and the year.
fn title_parts(text: &str) -> Option<(String, String)> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let at = t.find('年')?;
    let before = t.get(..at)?;
    let digits: String = before
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    if digits.len() != 4 {
        return None;
    }
    let year: String = digits.chars().rev().collect();
    let dept = before.get(..before.len() - 4).unwrap_or("").to_string();
    Some((dept, year))
}

/// A document or table title: `纪检会2022年部门预算绩效文本`,
/// `某局2024年项目支出绩效目标表`; its department (maybe empty) and year.
fn document_title(text: &str) -> Option<(String, String)> {
    let t = normalize(text);
    if t.chars().count() > 60 {
        return None;
    }
    let (dept, year) = title_parts(&t)?;
    let tail = t.split_once(&format!("{year}年")).map_or("", |(_, r)| r);
    let known = [
        "部门预算绩效",
        "项目支出绩效目标",
        "部门整体支出绩效目标",
        "预算绩效目标",
        "绩效目标",
        "项目绩效目标",
        "项目绩效",
    ];
    known
        .iter()
        .any(|k| tail.starts_with(k))
        .then_some((dept, year))
}

/// `单位：万元` and the text before it.
fn money_unit(text: &str) -> Option<(String, String)> {
    for unit in ["万元", "亿元", "元"] {
        for colon in ["：", ":"] {
            for label in ["单位", "金额单位"] {
                let pat = format!("{label}{colon}{unit}");
                let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
                if let Some(at) = compact.find(&pat)
                    && compact
                        .get(at + pat.len()..)
                        .is_some_and(|rest| rest.is_empty())
                {
                    let before = text
                        .rfind(label)
                        .and_then(|i| text.get(..i))
                        .unwrap_or("")
                        .trim()
                        .to_string();
                    return Some((before, unit.to_string()));
                }
            }
        }
    }
    None
}

/// `222002中国共产党乐亭县纪律委员会`: a budget unit's code and name.
fn unit_parts(text: &str) -> Option<(String, String)> {
    let t = text.trim();
    let t = ["编制单位", "预算单位", "单位名称"]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .map(|r| r.trim_start_matches([':', '：']).trim())
        .unwrap_or(t);
    let end = t
        .find(|c: char| !(c.is_ascii_alphanumeric() || "[]【】-_.".contains(c)))
        .unwrap_or(t.len());
    let (code, name) = t.split_at(end);
    let name = name.trim();
    (!code.is_empty() && !name.is_empty() && code.chars().any(|c| c.is_ascii_digit()))
        .then(|| (code.to_string(), name.to_string()))
}

/// A project's name from its table heading `1. 办案工作经费绩效目标表`.
fn heading_name(text: &str) -> Option<String> {
    let t = text.trim();
    let rest = t.strip_suffix("绩效目标表")?;
    let rest = rest.trim_end_matches("项目支出");
    let rest = strip_number(rest);
    if rest.is_empty() || rest.contains("部门整体") {
        return None;
    }
    Some(rest.to_string())
}

/// Text without a leading `1.`, `2、`, `（3）`.
fn strip_number(text: &str) -> &str {
    let t = text.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    if digits == 0 {
        return t;
    }
    let rest = t.get(digits..).unwrap_or("");
    match rest.chars().next() {
        Some(c @ ('.' | '．' | '、' | ')' | '）')) => {
            rest.get(c.len_utf8()..).unwrap_or("").trim()
        }
        _ => t,
    }
}

/// A text in quotes, `"` and `\` escaped, on one line.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in one_line(text).chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// Text on one line: the lines of a cell joined by a space.
fn one_line(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join(" ")
}

/// Whether a code can be written bare (`222002`, `[015001]`).
fn code_text(code: &str) -> String {
    let bare = !code.is_empty()
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.[]".contains(c));
    if bare { code.to_string() } else { quoted(code) }
}

const WORD_COMPARATORS: [&str; 21] = [
    "大于或等于",
    "小于或等于",
    "大于等于",
    "小于等于",
    "不低于",
    "不少于",
    "不小于",
    "不超过",
    "不高于",
    "不多于",
    "不大于",
    "至少",
    "至多",
    "最多",
    "大于",
    "高于",
    "超过",
    "小于",
    "低于",
    "等于",
    "不足",
];

/// Whether a value reads as a quantity, a deadline or a bare number
/// (`≥95%`, `95%以上`, `≤12月底`, `100`), rather than a sentence.
fn looks_quantitative(value: &str) -> bool {
    let mut t = value.trim();
    for sym in [
        ">=", "<=", "≥", "≤", "=", ">", "<", "＝", "＞", "＜", "》=", "《=",
    ] {
        if let Some(rest) = t.strip_prefix(sym) {
            t = rest.trim_start();
            break;
        }
    }
    for w in WORD_COMPARATORS {
        if let Some(rest) = t.strip_prefix(w) {
            t = rest.trim_start();
            break;
        }
    }
    let digits = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    if digits == 0 {
        return false;
    }
    let rest = t.get(digits..).unwrap_or("");
    rest.chars().count() <= 6
        && !rest.contains(|c: char| c.is_whitespace() || "，,。；;".contains(c))
}

/// An indicator's target as plan text: a quantity or deadline as written,
/// `不适用`, else `定性 "…"`.
fn target_text(value: &str, kind: &str) -> String {
    let v = value.trim();
    let k = normalize(kind);
    if k == "定性" {
        return format!("定性 {}", quoted(v));
    }
    if k == "不适用" || v == "不适用" {
        return "不适用".into();
    }
    if looks_quantitative(v) {
        return v.to_string();
    }
    format!("定性 {}", quoted(v))
}

/// The plan keyword of a source label (`财政资金`, `其他`), or the label
/// in quotes.
fn source_text(label: &str) -> String {
    let l = normalize(label);
    let l = l.trim_start_matches("其中").trim_start_matches(':');
    const KEYWORDS: [&str; 22] = [
        "财政",
        "财政资金",
        "财政拨款",
        "本级",
        "本级财政",
        "本级财政资金",
        "本级资金",
        "上级",
        "上级财政",
        "上级资金",
        "上级补助",
        "上级补助资金",
        "上级财政资金",
        "自筹",
        "自筹资金",
        "自有资金",
        "单位自筹",
        "其他",
        "其他资金",
        "一般公共预算",
        "政府性基金",
        "财政拨款资金",
    ];
    match l {
        "一般公共预算" | "政府性基金" | "财政拨款资金" => quoted(l),
        _ if KEYWORDS.contains(&l) => l.to_string(),
        _ => quoted(l),
    }
}

impl Reader {
    fn comment(&mut self, what: &str, text: &str, origin: &Origin) {
        self.plan.summary.kept_as_comments += 1;
        let line = Line::comment(what, text, origin);
        match (self.target, self.plan.projects.last_mut()) {
            (Target::Project, Some(p)) => p.comments.push(line),
            (Target::Overall, _) => self.plan.overall.push(line),
            _ => self.plan.loose.push(line),
        }
    }

    fn unplaced(&mut self, text: &str, origin: &Origin) {
        if !text.trim().is_empty() {
            self.comment("未识别", text, origin);
        }
    }

    fn project(&mut self) -> &mut ProjectOut {
        if self.target != Target::Project || self.plan.projects.is_empty() {
            self.new_project();
        }
        let n = self.plan.projects.len() - 1;
        &mut self.plan.projects[n]
    }

    fn new_project(&mut self) {
        self.target = Target::Project;
        let mut p = ProjectOut::default();
        if let Some((text, origin)) = self.pending_unit.take() {
            self.set_unit(&mut p, &text, &origin);
        }
        self.plan.projects.push(p);
    }

    fn set_unit(&mut self, p: &mut ProjectOut, text: &str, origin: &Origin) {
        match unit_parts(text) {
            Some((code, name)) => {
                if !self.plan.units.iter().any(|(c, _, _)| *c == code) {
                    self.plan.units.push((code.clone(), name, origin.clone()));
                }
                p.unit_code = Some(code.clone());
                p.fields.push((
                    Field::Unit,
                    Line::new(format!("预算单位 {}", code_text(&code)), origin),
                ));
            }
            None if !text.trim().is_empty() => {
                self.plan.summary.kept_as_comments += 1;
                p.comments.push(Line::comment("单位行", text, origin));
            }
            None => {}
        }
    }

    fn set_money_unit(&mut self, unit: String, origin: &Origin) {
        if self.plan.money_unit.is_none() {
            self.plan.money_unit = Some((unit, origin.clone()));
        }
    }

    fn set_title(&mut self, dept: String, year: String, origin: &Origin) {
        if self.plan.year.is_none() {
            self.plan.year = Some((year, origin.clone()));
        }
        if self.plan.department.is_none() && !dept.is_empty() {
            self.plan.department = Some((dept, origin.clone()));
        }
    }

    // ----- paragraphs (Word) -----

    fn paragraph(&mut self, text: &str, style: Option<&str>, origin: &Origin) {
        let t = text.trim();
        if t.is_empty() {
            return;
        }
        if let Some((dept, year)) = document_title(t) {
            self.set_title(dept, year, origin);
            if normalize(t).contains("部门整体") {
                self.section = Section::Overall;
                self.target = Target::Overall;
            }
            return;
        }
        if let Some(name) = heading_name(t) {
            self.flush_goal();
            self.section = Section::Projects;
            self.new_project();
            if let Some(p) = self.plan.projects.last_mut() {
                p.heading = Some((name, origin.clone()));
            }
            return;
        }
        if let Some((before, unit)) = money_unit(t) {
            self.set_money_unit(unit, origin);
            let before = before.trim_end_matches('\t').trim();
            if before.is_empty() {
                return;
            }
            let fresh_project = self.target == Target::Project
                && self
                    .plan
                    .projects
                    .last()
                    .is_some_and(|p| p.unit_code.is_none() && p.fields.is_empty());
            if fresh_project {
                let mut p = self.plan.projects.pop().unwrap_or_default();
                self.set_unit(&mut p, before, origin);
                self.plan.projects.push(p);
            } else {
                self.pending_unit = Some((before.to_string(), origin.clone()));
            }
            return;
        }
        if t.contains("部门预算绩效")
            && t.chars().count() <= 40
            && let Some((dept, year)) = title_parts(t)
        {
            self.set_title(dept, year, origin);
            return;
        }
        if let Some(section) = section_of(t) {
            self.flush_goal();
            self.section = section;
            self.in_indicator_prose = false;
            self.target = if section == Section::Overall {
                Target::Overall
            } else {
                Target::None
            };
            return;
        }
        if self.is_running_title(t) {
            return;
        }
        match self.section {
            Section::Overall => self.overall_paragraph(t, origin),
            Section::Summaries => self.summary_paragraph(t, origin),
            Section::Measures => self.measure_paragraph(t, style, origin),
            Section::Projects if self.takes_unit_line(t) => {
                let mut p = self.plan.projects.pop().unwrap_or_default();
                self.set_unit(&mut p, t, origin);
                self.plan.projects.push(p);
            }
            Section::Front | Section::Projects => self.unplaced(t, origin),
        }
    }

    /// A unit line (`301001乐亭县司法局`) under a project's heading.
    fn takes_unit_line(&self, t: &str) -> bool {
        self.target == Target::Project
            && unit_parts(t).is_some()
            && self
                .plan
                .projects
                .last()
                .is_some_and(|p| p.unit_code.is_none() && p.fields.is_empty())
    }

    /// The department's name or `2022年总体绩效目标` repeated above a
    /// section, as filed documents print them.
    fn is_running_title(&self, t: &str) -> bool {
        let dept = self.plan.department.as_ref().map(|(d, _)| d.as_str());
        if Some(t) == dept {
            return true;
        }
        title_parts(t).is_some_and(|(d, _)| d.is_empty()) && section_of(t).is_none() && {
            let n = normalize(t);
            n.ends_with("绩效目标") || n.ends_with("保障措施")
        }
    }

    fn overall_paragraph(&mut self, t: &str, origin: &Origin) {
        self.target = Target::Overall;
        if let Some(label) = self.overall_label.take() {
            self.plan
                .overall
                .push(Line::new(format!("{label} {}", quoted(t)), origin));
            return;
        }
        let n = normalize(t);
        if n == "部门职责" || n == "职责" {
            self.flush_goal();
            self.overall_label = Some("职责");
            return;
        }
        if n == "中期目标" || n == "中长期目标" {
            self.flush_goal();
            self.overall_label = Some("中期目标");
            return;
        }
        if n.ends_with("方面") && n.chars().count() <= 12 {
            self.flush_goal();
            self.in_indicator_prose = true;
            self.comment("总体指标（正文，未转为指标行）", t, origin);
            return;
        }
        let prose_indicator = n
            .split_once(':')
            .is_some_and(|(head, _)| head.ends_with("指标") && head.chars().count() <= 14);
        if self.in_indicator_prose && prose_indicator {
            self.comment("总体指标（正文，未转为指标行）", t, origin);
            return;
        }
        self.in_indicator_prose = false;
        self.goal_lines.push((t.to_string(), origin.clone()));
    }

    /// Consecutive goal paragraphs make one goal, a paragraph a line.
    fn flush_goal(&mut self) {
        let lines = std::mem::take(&mut self.goal_lines);
        let Some((_, origin)) = lines.first() else {
            return;
        };
        let text = if lines.len() == 1 {
            format!("目标 {}", quoted(&lines[0].0))
        } else {
            let body: Vec<String> = lines.iter().map(|(l, _)| format!("  {l}")).collect();
            format!("目标 \"\"\"\n{}\n\"\"\"", body.join("\n"))
        };
        self.plan.overall.push(Line::new(text, origin));
    }

    fn summary_paragraph(&mut self, t: &str, origin: &Origin) {
        if let Some(total) = t
            .strip_prefix("合计")
            .map(|r| r.trim_start_matches([':', '：']).trim())
        {
            self.plan.total = Some((total.to_string(), origin.clone()));
            return;
        }
        if let Some((name, amount)) = summary_head(t) {
            self.plan.summaries.push(SummaryOut {
                name,
                amount,
                origin: origin.clone(),
                goals: Vec::new(),
            });
            return;
        }
        match self.plan.summaries.last_mut() {
            Some(s) => {
                let goal = ["绩效目标：", "绩效目标:"]
                    .iter()
                    .find_map(|p| t.strip_prefix(p))
                    .unwrap_or(t);
                s.goals
                    .push(Line::new(format!("目标 {}", quoted(goal)), origin));
            }
            None => self.unplaced(t, origin),
        }
    }

    fn measure_paragraph(&mut self, t: &str, style: Option<&str>, origin: &Origin) {
        let heading = style.is_some_and(|s| s.starts_with("Heading") || s.starts_with("heading"));
        let numbered = {
            let first = t.chars().next().unwrap_or(' ');
            "一二三四五六七八九十".contains(first) && t.contains('、') && t.chars().count() <= 16
        };
        if heading || numbered {
            self.plan
                .measures
                .push((t.to_string(), Vec::new(), origin.clone()));
            return;
        }
        match self.plan.measures.last_mut() {
            Some((_, lines, _)) => lines.push(t.to_string()),
            None => self.unplaced(t, origin),
        }
    }

    // ----- tables (Word tables and Excel sheets) -----

    fn table(&mut self, t: &Table) {
        let mut walk = TableWalk::default();
        for row in &t.rows {
            self.row(row, &mut walk);
        }
    }

    fn row(&mut self, row: &[Cell], w: &mut TableWalk) {
        let fresh: Vec<(usize, &Cell)> = row.iter().enumerate().filter(|(_, c)| !c.copy).collect();
        let filled: Vec<(usize, &Cell)> = fresh
            .iter()
            .copied()
            .filter(|(_, c)| !c.text.trim().is_empty())
            .collect();
        if filled.is_empty() {
            return;
        }
        if let Some(cols) = grid_header(row) {
            if cols.has(Col::ProjectCode) || cols.has(Col::ProjectName) {
                if self.records_duplicate_tables() {
                    self.comment(
                        "未导入",
                        "指标记录表与各项目表重复，按项目表导入",
                        &filled[0].1.origin,
                    );
                    w.mode = Mode::Skip;
                    return;
                }
                self.target = Target::None;
            }
            w.value_head = cols
                .get(Col::Value)
                .and_then(|i| row.get(i))
                .map(|c| c.text.clone())
                .unwrap_or_default();
            w.mode = Mode::Grid(cols);
            return;
        }
        if let Some(cols) = summary_header(row) {
            w.mode = Mode::Summaries(cols);
            return;
        }
        if self.money_unit_row(&filled) {
            return;
        }
        if let [(_, cell)] = filled.as_slice() {
            if is_banner(row, cell) && matches!(w.mode, Mode::Grid(_)) {
                w.mode = Mode::Fields;
            }
            if self.single_cell_row(cell, w) {
                return;
            }
        }
        match &w.mode {
            Mode::Skip => {}
            Mode::Grid(cols) => {
                let cols = cols.clone();
                self.indicator_row(row, &cols, w);
            }
            Mode::Summaries(cols) => {
                let cols = *cols;
                self.summary_row(row, cols);
            }
            Mode::Measures => self.measure_row(&filled),
            Mode::Fields => self.field_row(row, &fresh, w),
        }
    }

    /// Whether a record sheet repeats projects already read from tables.
    fn records_duplicate_tables(&self) -> bool {
        self.plan.projects.iter().any(|p| !p.indicators.is_empty())
    }

    /// A row of one cell: a title, a section, a grid's title, a goal text.
    fn single_cell_row(&mut self, cell: &Cell, w: &mut TableWalk) -> bool {
        let t = cell.text.trim();
        let n = normalize(t);
        if let Some((dept, year)) = document_title(t) {
            self.set_title(dept, year, &cell.origin);
            if n.contains("部门整体") {
                self.target = Target::Overall;
                self.section = Section::Overall;
            }
            w.mode = Mode::Fields;
            return true;
        }
        if let Some(name) = heading_name(t) {
            self.new_project();
            if let Some(p) = self.plan.projects.last_mut() {
                p.heading = Some((name, cell.origin.clone()));
            }
            w.mode = Mode::Fields;
            return true;
        }
        if n.contains("部门整体") && n.contains("表") {
            if let Some((dept, year)) = title_parts(t) {
                self.set_title(dept, year, &cell.origin);
            }
            self.target = Target::Overall;
            self.section = Section::Overall;
            w.mode = Mode::Fields;
            return true;
        }
        if n == "年度指标" || n == "中期指标" {
            w.midterm = n == "中期指标";
            return true;
        }
        if let Some(section) = section_of(t) {
            self.section = section;
            w.mode = match section {
                Section::Measures => Mode::Measures,
                _ => Mode::Fields,
            };
            self.target = if section == Section::Overall {
                Target::Overall
            } else {
                Target::None
            };
            return true;
        }
        if (n.ends_with("绩效目标表") || n.ends_with("绩效目标申报表"))
            && let Some((dept, year)) = title_parts(t)
        {
            self.set_title(dept, year, &cell.origin);
            return true;
        }
        if self.target == Target::Overall && matches!(w.mode, Mode::Fields) {
            let lines: Vec<String> = t.lines().map(|l| format!("  {}", l.trim())).collect();
            let text = if lines.len() == 1 {
                format!("目标 {}", quoted(t))
            } else {
                format!("目标 \"\"\"\n{}\n\"\"\"", lines.join("\n"))
            };
            self.plan.overall.push(Line::new(text, &cell.origin));
            return true;
        }
        false
    }

    /// `单位：万元`, with the unit line beside it.
    fn money_unit_row(&mut self, filled: &[(usize, &Cell)]) -> bool {
        let Some(&(_, unit_cell)) = filled.iter().find(|(_, c)| money_unit(&c.text).is_some())
        else {
            return false;
        };
        if let Some((before, unit)) = money_unit(&unit_cell.text) {
            self.set_money_unit(unit, &unit_cell.origin);
            let mut rest: Vec<(String, Origin)> = filled
                .iter()
                .filter(|(_, c)| !std::ptr::eq(*c, unit_cell))
                .map(|(_, c)| (c.text.clone(), c.origin.clone()))
                .collect();
            if !before.is_empty() {
                rest.push((before, unit_cell.origin.clone()));
            }
            for (text, origin) in rest {
                if self.target == Target::Project {
                    let mut p = self.plan.projects.pop().unwrap_or_default();
                    if p.unit_code.is_none() {
                        self.set_unit(&mut p, &text, &origin);
                    } else {
                        self.plan.summary.kept_as_comments += 1;
                        p.comments.push(Line::comment("未识别", &text, &origin));
                    }
                    self.plan.projects.push(p);
                } else {
                    self.pending_unit = Some((text, origin));
                }
            }
        }
        true
    }

    /// A row of label and value pairs: a header block, funds, schedule,
    /// goals; or the department table's rows.
    fn field_row(&mut self, row: &[Cell], fresh: &[(usize, &Cell)], w: &mut TableWalk) {
        let first = row.first().map(|c| c.text.as_str()).unwrap_or("");
        let first_field = field(first);
        // Funds rows: the block's label (or its copy) then pairs.
        let funds_row = fresh.iter().any(|(_, c)| {
            matches!(
                field(&c.text),
                Some(Field::AnnualTotal | Field::PeriodTotal)
            ) || normalize(&c.text).starts_with("其中")
        });
        let rest: Vec<&(usize, &Cell)> = fresh
            .iter()
            .filter(|(i, c)| !(*i == 0 && matches!(field(&c.text), Some(Field::FundsBlock))))
            .collect();
        if first_field == Some(Field::Schedule) {
            self.schedule_row(row, fresh);
            return;
        }
        if funds_row || (first_field == Some(Field::FundsBlock) && rest.len() >= 2) {
            let cells: Vec<&Cell> = rest.iter().map(|(_, c)| *c).collect();
            self.funds_pairs(&cells, w);
            return;
        }
        if matches!(first_field, Some(Field::FundsBlock | Field::Purpose)) && rest.len() == 1 {
            if let Some((_, c)) = rest.first() {
                let p = self.project();
                p.fields.push((
                    Field::Purpose,
                    Line::new(format!("用途 {}", quoted(&c.text)), &c.origin),
                ));
            }
            return;
        }
        let mut k = 0;
        while let Some((_, cell)) = fresh.get(k) {
            match field(&cell.text) {
                Some(f) => {
                    let value = fresh.get(k + 1).filter(|(_, c)| field(&c.text).is_none());
                    if let Some((_, v)) = value {
                        self.field(f, &v.text, &v.origin);
                        k += 2;
                    } else {
                        k += 1;
                    }
                }
                None => {
                    self.unplaced(&cell.text, &cell.origin);
                    k += 1;
                }
            }
        }
    }

    fn funds_pairs(&mut self, cells: &[&Cell], w: &mut TableWalk) {
        let mut k = 0;
        while let Some(label) = cells.get(k) {
            let value = cells.get(k + 1);
            let amount = value.map(|c| c.text.trim().to_string()).unwrap_or_default();
            let origin = value.map_or(&label.origin, |c| &c.origin).clone();
            k += 2;
            match field(&label.text) {
                Some(Field::AnnualTotal) => {
                    w.period_block = false;
                    self.project().annual.total = Some((amount, origin));
                }
                Some(Field::PeriodTotal) => {
                    w.period_block = true;
                    self.project().period = Some(FundsOut {
                        total: Some((amount, origin)),
                        sources: Vec::new(),
                    });
                }
                _ if label.text.trim().is_empty() && amount.is_empty() => {}
                _ if amount.is_empty() => {}
                _ => {
                    let source = (source_text(&label.text), amount);
                    let period = w.period_block;
                    let p = self.project();
                    match (&mut p.period, period) {
                        (Some(f), true) => f.sources.push(source),
                        _ => p.annual.sources.push(source),
                    }
                }
            }
        }
    }

    /// The schedule's checkpoints (the row whose label is not a copy) or
    /// their values (the row below), by column.
    fn schedule_row(&mut self, row: &[Cell], fresh: &[(usize, &Cell)]) {
        let labels_row = row.first().is_some_and(|c| !c.copy);
        let p = self.project();
        for (i, c) in fresh.iter().filter(|(i, _)| *i > 0) {
            let entry = (*i, c.text.trim().to_string(), c.origin.clone());
            if labels_row {
                p.schedule_labels.push(entry);
            } else {
                p.schedule_values.push(entry);
            }
        }
    }

    fn field(&mut self, f: Field, value: &str, origin: &Origin) {
        let v = value.trim();
        if v.is_empty() {
            return;
        }
        if self.target == Target::Overall {
            match f {
                Field::Department => {
                    if self.plan.department.is_none() {
                        self.plan.department = Some((v.to_string(), origin.clone()));
                    }
                    return;
                }
                Field::Year => {
                    if self.plan.year.is_none() {
                        self.plan.year = Some((v.to_string(), origin.clone()));
                    }
                    return;
                }
                Field::Duties => {
                    self.plan
                        .overall
                        .push(Line::new(format!("职责 {}", quoted(v)), origin));
                    return;
                }
                Field::MidtermGoals => {
                    self.plan
                        .overall
                        .push(Line::new(format!("中期目标 {}", quoted(v)), origin));
                    return;
                }
                Field::Goals => {
                    self.plan
                        .overall
                        .push(Line::new(format!("目标 {}", quoted(v)), origin));
                    return;
                }
                _ => {}
            }
        }
        if matches!(f, Field::Name | Field::Code) && self.target == Target::Project {
            let taken = self.plan.projects.last().is_some_and(|p| match f {
                Field::Name => p.name.is_some(),
                _ => p.fields.iter().any(|(k, _)| *k == Field::Code),
            });
            if taken {
                self.new_project();
            }
        }
        if matches!(f, Field::Department | Field::Year | Field::Duties) {
            self.unplaced(&format!("{:?}: {v}", f), origin);
            return;
        }
        let line = |text: String| Line::new(text, origin);
        match f {
            Field::Name => self.project().name = Some((v.to_string(), origin.clone())),
            Field::Code => {
                let l = line(format!("编码 {}", code_text(v)));
                self.project().fields.push((f, l));
            }
            Field::Unit => {
                let mut p = self.plan.projects.pop().unwrap_or_default();
                self.set_unit(&mut p, v, origin);
                self.plan.projects.push(p);
            }
            Field::Supervisor => {
                let l = line(format!("主管部门 {}", party(v)));
                self.project().fields.push((f, l));
            }
            Field::Implementer => {
                let l = line(format!("实施单位 {}", party(v)));
                self.project().fields.push((f, l));
            }
            Field::Category => {
                let l = line(format!("类别 {}", quoted(v)));
                self.project().fields.push((f, l));
            }
            Field::Period => {
                let l = line(format!("实施期 {v}"));
                self.project().fields.push((f, l));
            }
            Field::Region => {
                let l = line(format!("财政区划 {}", code_text(v)));
                self.project().fields.push((f, l));
            }
            Field::Purpose | Field::FundsBlock => {
                let l = line(format!("用途 {}", quoted(v)));
                self.project().fields.push((Field::Purpose, l));
            }
            Field::AnnualTotal => {
                self.project().annual.total = Some((v.to_string(), origin.clone()))
            }
            Field::PeriodTotal => {
                self.project().period = Some(FundsOut {
                    total: Some((v.to_string(), origin.clone())),
                    sources: Vec::new(),
                });
            }
            Field::Goals | Field::MidtermGoals => {
                let lines = goal_lines(v, f == Field::MidtermGoals, origin);
                let p = self.project();
                if f == Field::Goals {
                    p.goals.extend(lines);
                } else {
                    p.midterm_goals.extend(lines);
                }
            }
            Field::Cost => {
                let lines: Vec<Line> = v
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(|l| cost_line(l, origin))
                    .collect();
                self.project().cost.extend(lines);
            }
            Field::Schedule | Field::Department | Field::Year | Field::Duties => {}
        }
    }

    fn indicator_row(&mut self, row: &[Cell], cols: &Columns, w: &mut TableWalk) {
        let get = |c: Col| -> &str {
            cols.get(c)
                .and_then(|i| row.get(i))
                .map_or("", |c| c.text.trim())
        };
        let n0 = normalize(row.first().map_or("", |c| c.text.as_str()));
        if n0.ends_with("审核意见") {
            for c in row.iter().skip(1).filter(|c| !c.copy) {
                self.unplaced(&c.text, &c.origin);
            }
            return;
        }
        let name = get(Col::Name);
        let origin = cols
            .get(Col::Name)
            .and_then(|i| row.get(i))
            .map(|c| c.origin.clone())
            .unwrap_or_default();
        if name.is_empty() {
            for (_, i) in &cols.0 {
                if let Some(c) = row.get(*i).filter(|c| !c.copy) {
                    self.unplaced(&c.text, &c.origin);
                }
            }
            return;
        }
        let mut l1 = get(Col::Level1).to_string();
        let mut l2 = get(Col::Level2).to_string();
        if l1.is_empty() {
            l1.clone_from(&w.last_levels.0);
        }
        if l2.is_empty() {
            l2.clone_from(&w.last_levels.1);
        }
        w.last_levels = (l1.clone(), l2.clone());
        if cols.has(Col::ProjectCode) || cols.has(Col::ProjectName) {
            self.record_project(get(Col::ProjectCode), get(Col::ProjectName), &origin);
        } else if self.target == Target::None {
            self.new_project();
        }
        let text_cell = cols.get(Col::ValueText).and_then(|i| row.get(i));
        let value_cell = cols
            .get(Col::Value)
            .and_then(|i| row.get(i))
            .filter(|c| !c.text.trim().is_empty())
            .or(text_cell);
        let unit = get(Col::MeasureUnit);
        let comparator = get(Col::Comparator);
        let mut value = value_cell.map_or(String::new(), |c| c.text.trim().to_string());
        let records = cols.has(Col::Comparator);
        let percent_head = normalize(&w.value_head).contains("(%)");
        let percent_column = unit == "%" || unit == "％" || percent_head;
        if let Some(n) = value_cell.and_then(|c| c.general_number)
            && percent_column
        {
            if n.abs() <= 1.0 {
                value = super::xlsx::general(n * 100.0);
            }
            if !records && unit.is_empty() {
                value.push('%');
            }
        } else if percent_head && unit.is_empty() && value.parse::<f64>().is_ok() {
            value.push('%');
        }
        if records {
            let numeric = !value.is_empty() && value.parse::<f64>().is_ok();
            if numeric && !unit.is_empty() {
                value.push_str(unit);
            }
            if !comparator.is_empty() && numeric {
                value = format!("{comparator}{value}");
            }
        }
        let midterm = match normalize(get(Col::Set)).as_str() {
            "中期" => true,
            "年度" => false,
            _ => w.midterm,
        };
        let mut text = String::new();
        if midterm {
            text.push_str("中期 ");
        }
        text.push_str(&format!(
            "{}.{} {} {}",
            normalize(&l1),
            normalize(&l2),
            quoted(name),
            target_text(&value, get(Col::ValueType))
        ));
        let attrs = [
            (Col::Description, "描述"),
            (Col::Basis, "依据"),
            (Col::ValueType, "类型"),
            (Col::Scoring, "评分标准"),
            (Col::Note, "说明"),
            (Col::Remark, "备注"),
        ];
        for (col, kw) in attrs {
            let v = get(col);
            if v.is_empty() {
                continue;
            }
            if col == Col::ValueType {
                text.push_str(&format!(" {kw} {}", normalize(v)));
            } else {
                text.push_str(&format!(" {kw} {}", quoted(v)));
            }
        }
        if !records && !unit.is_empty() {
            text.push_str(&format!(" 计量单位 {unit}"));
        }
        let weight = get(Col::Weight);
        if !weight.is_empty() {
            text.push_str(&format!(" 分值 {weight}"));
        }
        self.plan.summary.indicators += 1;
        // The formatter writes a target in its canonical form (`95%以上`
        // as `≥ 95%`, the same meaning); the comment keeps the cell's text.
        let rewritten = looks_quantitative(&value)
            && (WORD_COMPARATORS.iter().any(|w| value.contains(w))
                || [
                    "以上", "以下", "以内", "之内", "前", ">=", "<=", "＝", "＞", "＜",
                ]
                .iter()
                .any(|w| value.contains(w)));
        let origin = if !rewritten {
            origin
        } else {
            Origin(format!("{origin} 原文：{value}"))
        };
        let line = Line::new(text, &origin);
        match self.target {
            Target::Overall => self.plan.overall.push(line),
            _ => self.project().indicators.push(line),
        }
    }

    /// A record row's project: the last one when its code and name are the
    /// same, else a new one.
    fn record_project(&mut self, code: &str, name: &str, origin: &Origin) {
        let same = self.target == Target::Project
            && self.plan.projects.last().is_some_and(|p| {
                p.name.as_ref().map(|(n, _)| n.as_str()).unwrap_or("") == name
                    && p.fields
                        .iter()
                        .find(|(f, _)| *f == Field::Code)
                        .map_or(code.is_empty(), |(_, l)| {
                            l.text == format!("编码 {}", code_text(code))
                        })
            });
        if same {
            return;
        }
        self.new_project();
        let p = self.project();
        if !name.is_empty() {
            p.name = Some((name.to_string(), origin.clone()));
        }
        if !code.is_empty() {
            p.fields.push((
                Field::Code,
                Line::new(format!("编码 {}", code_text(code)), origin),
            ));
        }
    }

    fn summary_row(&mut self, row: &[Cell], cols: SummaryCols) {
        let get = |i: usize| row.get(i).map_or("", |c| c.text.trim());
        let origin = row
            .get(cols.name)
            .map(|c| c.origin.clone())
            .unwrap_or_default();
        let first = normalize(row.first().map_or("", |c| c.text.as_str()));
        if first == "合计" {
            let amount = get(cols.amount).to_string();
            if !amount.is_empty() {
                let o = row
                    .get(cols.amount)
                    .map(|c| c.origin.clone())
                    .unwrap_or_default();
                self.plan.total = Some((amount, o));
            }
            return;
        }
        if get(cols.name).is_empty() {
            return;
        }
        let goals = get(cols.goal)
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| Line::new(format!("目标 {}", quoted(l)), &origin))
            .collect();
        self.plan.summaries.push(SummaryOut {
            name: get(cols.name).to_string(),
            amount: get(cols.amount).to_string(),
            origin,
            goals,
        });
    }

    fn measure_row(&mut self, filled: &[(usize, &Cell)]) {
        match filled {
            [(_, title), (_, text)] => {
                let lines = text
                    .text
                    .lines()
                    .map(|l| l.trim().to_string())
                    .filter(|l| !l.is_empty())
                    .collect();
                self.plan.measures.push((
                    title.text.trim().to_string(),
                    lines,
                    title.origin.clone(),
                ));
            }
            _ => {
                for (_, c) in filled {
                    self.unplaced(&c.text, &c.origin);
                }
            }
        }
    }

    // ----- the end -----

    fn finish(mut self) -> Plan {
        self.plan.framework = framework(&self.plan);
        self.plan.summary.projects = self.plan.projects.len();
        self.plan
    }
}

/// `[301] 乐亭县教育局`: a party's optional code and its name.
fn party(text: &str) -> String {
    match text.split_once(' ') {
        Some((code, name))
            if code.starts_with(['[', '【']) || code.chars().all(|c| c.is_ascii_digit()) =>
        {
            format!("{} {}", code_text(code), quoted(name.trim()))
        }
        _ => quoted(text),
    }
}

/// Goals numbered in one cell, a line each: `1.…` → one `目标` line each.
fn goal_lines(text: &str, midterm: bool, origin: &Origin) -> Vec<Line> {
    let kw = if midterm { "中期目标" } else { "目标" };
    text.lines()
        .map(strip_number)
        .filter(|l| !l.is_empty())
        .map(|l| Line::new(format!("{kw} {}", quoted(l)), origin))
        .collect()
}

/// `屋面防水：60.00（6所学校…）` → `测算 "屋面防水" 60.00 依据 "6所学校…"`.
fn cost_line(text: &str, origin: &Origin) -> Line {
    let t = text.trim();
    let parsed = t
        .split_once('：')
        .or_else(|| t.split_once(':'))
        .map(|(name, rest)| {
            let rest = rest.trim();
            match rest.split_once('（') {
                Some((amount, basis)) => (name, amount.trim(), Some(basis.trim_end_matches('）'))),
                None => (name, rest, None),
            }
        });
    match parsed {
        Some((name, amount, basis)) if !amount.is_empty() => {
            let mut s = format!("测算 {} {amount}", quoted(name));
            if let Some(b) = basis {
                s.push_str(&format!(" 依据 {}", quoted(b)));
            }
            Line::new(s, origin)
        }
        _ => Line::comment("未识别", t, origin),
    }
}

/// `1. 办案工作经费，项目资金：50.00万元`: the name and the amount.
fn summary_head(text: &str) -> Option<(String, String)> {
    let rest = strip_number(text);
    if rest.len() == text.trim().len() {
        return None;
    }
    let (name, amount) = rest.split_once("项目资金")?;
    let name = name.trim().trim_end_matches(['，', ',']).trim();
    let amount = amount.trim_start_matches(['：', ':']).trim();
    Some((name.to_string(), amount.to_string()))
}

/// A row that is one cell across at least three columns: a title or a
/// text, never an indicator row.
fn is_banner(row: &[Cell], cell: &Cell) -> bool {
    let across = row
        .iter()
        .filter(|c| !c.text.trim().is_empty())
        .all(|c| c.origin == cell.origin);
    across && row.iter().filter(|c| c.origin == cell.origin).count() >= 3
}

/// The columns of the department table's summary block.
#[derive(Debug, Clone, Copy)]
struct SummaryCols {
    name: usize,
    amount: usize,
    goal: usize,
}

fn summary_header(row: &[Cell]) -> Option<SummaryCols> {
    let find = |label: &str| row.iter().position(|c| normalize(&c.text) == label);
    Some(SummaryCols {
        name: find("项目名称")?,
        amount: find("项目资金")?,
        goal: find("绩效目标")?,
    })
}

/// What rows of a table are, as it is read.
#[derive(Debug, Clone, Default)]
enum Mode {
    #[default]
    Fields,
    Grid(Columns),
    Summaries(SummaryCols),
    Measures,
    Skip,
}

#[derive(Debug, Default)]
struct TableWalk {
    mode: Mode,
    midterm: bool,
    period_block: bool,
    last_levels: (String, String),
    value_head: String,
}

/// The framework whose levels the indicators use: `central-2021` when 成本
/// is a first level, `classic-benefit-satisfaction` when satisfaction is
/// a second level under 效益, else `classic`.
fn framework(plan: &Plan) -> String {
    let lines = plan
        .overall
        .iter()
        .chain(plan.projects.iter().flat_map(|p| p.indicators.iter()));
    let mut name = "classic";
    for l in lines {
        let path = l.text.trim_start_matches("中期 ");
        let Some((l1, rest)) = path.split_once('.') else {
            continue;
        };
        let l2 = rest.split(' ').next().unwrap_or("");
        if l1.starts_with("成本") {
            name = "central-2021";
        } else if l1.starts_with("效益") && l2.contains("满意") {
            name = "classic-benefit-satisfaction";
        }
    }
    name.to_string()
}

impl ProjectOut {
    /// The project's name: its 项目名称 cell, else its table's heading.
    pub fn display_name(&self) -> &str {
        self.name
            .as_ref()
            .or(self.heading.as_ref())
            .map_or("未命名项目", |(n, _)| n.as_str())
    }

    /// The 财政区划 its table shows.
    pub fn region(&self) -> Option<&str> {
        self.fields
            .iter()
            .find(|(f, _)| *f == Field::Region)
            .and_then(|(_, l)| l.text.strip_prefix("财政区划 "))
    }

    /// The statements before the indicators, in the canonical order; the
    /// region left out when the header holds it.
    pub fn statements(&self, region_in_header: bool) -> Vec<Line> {
        let mut out = Vec::new();
        let order = [
            Field::Code,
            Field::Unit,
            Field::Category,
            Field::Supervisor,
            Field::Implementer,
            Field::Period,
            Field::Region,
        ];
        for f in order {
            if f == Field::Region && region_in_header {
                continue;
            }
            out.extend(
                self.fields
                    .iter()
                    .filter(|(k, _)| *k == f)
                    .map(|(_, l)| l.clone()),
            );
        }
        if let Some(l) = funds_line("资金", &self.annual) {
            out.push(l);
        }
        if let Some(l) = self.period.as_ref().and_then(|f| funds_line("总资金", f)) {
            out.push(l);
        }
        out.extend(
            self.fields
                .iter()
                .filter(|(k, _)| *k == Field::Purpose)
                .map(|(_, l)| l.clone()),
        );
        out.extend(self.cost.iter().cloned());
        if let Some(l) = self.schedule() {
            out.push(l);
        }
        out.extend(self.midterm_goals.iter().cloned());
        out.extend(self.goals.iter().cloned());
        out.extend(self.comments.iter().cloned());
        out
    }

    /// `支出计划 3月底 25%, …`: each checkpoint with the value below it.
    fn schedule(&self) -> Option<Line> {
        let (_, _, origin) = self.schedule_labels.first()?;
        let entries: Vec<String> = self
            .schedule_labels
            .iter()
            .map(|(col, label, _)| {
                let value = self
                    .schedule_values
                    .iter()
                    .find(|(c, _, _)| c == col)
                    .map_or("", |(_, v, _)| v.as_str());
                format!("{label} {value}")
            })
            .collect();
        Some(Line::new(
            format!("支出计划 {}", entries.join(", ")),
            origin,
        ))
    }
}

/// `资金 50.00 (财政资金 50.00, 其他资金 5.00)`.
fn funds_line(keyword: &str, f: &FundsOut) -> Option<Line> {
    let (total, origin) = f.total.as_ref()?;
    let mut text = format!("{keyword} {total}");
    if !f.sources.is_empty() {
        let sources: Vec<String> = f.sources.iter().map(|(k, a)| format!("{k} {a}")).collect();
        text.push_str(&format!(" ({})", sources.join(", ")));
    }
    Some(Line::new(text, origin))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_kept_as_written() {
        assert_eq!(target_text("≥95%", ""), "≥95%");
        assert_eq!(target_text("95%以上", ""), "95%以上");
        assert_eq!(target_text("100", ""), "100");
        assert_eq!(target_text("≤12月底", ""), "≤12月底");
        assert_eq!(
            target_text("维修后达到B级以上", ""),
            "定性 \"维修后达到B级以上\""
        );
        assert_eq!(target_text("6", "定性"), "定性 \"6\"");
        assert_eq!(target_text("不适用", ""), "不适用");
    }

    #[test]
    fn labels_and_titles() {
        assert_eq!(field("项目 名称"), Some(Field::Name));
        assert_eq!(field("其中：财政 资金"), None);
        assert_eq!(
            title_parts("纪检会2022年部门预算绩效文本"),
            Some(("纪检会".into(), "2022".into()))
        );
        assert_eq!(
            heading_name("1. 办案工作经费绩效目标表").as_deref(),
            Some("办案工作经费")
        );
        assert_eq!(
            unit_parts("222002中国共产党乐亭县纪律委员会"),
            Some(("222002".into(), "中国共产党乐亭县纪律委员会".into()))
        );
        assert_eq!(
            money_unit("222002某单位\t单位：万元"),
            Some(("222002某单位".into(), "万元".into()))
        );
        assert_eq!(
            summary_head("3.巡察工作经费，项目资金40万元"),
            Some(("巡察工作经费".into(), "40万元".into()))
        );
    }
}
