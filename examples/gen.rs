//! A generator of realistic synthetic plans, for benchmarks and scale tests.
//!
//! ```sh
//! cargo run --release --example gen -- --projects 20000 [--seed 7] > big.plan
//! cargo run --release --example gen -- --rows 100000 > wide.plan        # one project, many rows
//! cargo run --release --example gen -- --checkpoints 5000 > long.plan   # one schedule line
//! ```
//!
//! The plan has a header with budget units and the department total, an
//! overall part, summaries of some projects, safeguard measures and `N`
//! projects, each with its code, unit, funds and sources (in 万元 with two
//! decimals, the sources adding up exactly to the total), a spending
//! schedule ending at 100%, goals and 8 to 14 indicator rows with Chinese
//! names: quantitative targets in %, counts, 万元 (a cost never above the
//! project's total) and 万元/人, deadlines, and qualitative targets that
//! state a standard (no slogans, so no W0506). The output checks with no
//! diagnostic at all, and the same `--projects` and `--seed` always give
//! the same bytes. About 1.5 KB of text per project: 20 000 projects make
//! some 30 MB.
//!
//! Two other shapes stress what many projects do not: [`generate_rows`]
//! gives one project with many indicator rows (it checks with no
//! diagnostic), and [`generate_checkpoints`] one project whose spending
//! schedule is a single line of many checkpoints. A year has 365 days, so
//! past that the checkpoints repeat days: each repeat is an E0402 error,
//! and the plan is for `check` and `diff`, not `build`.
//!
//! The benchmarks (`benches/throughput.rs`, `benches/scaling.rs`) and the
//! scale tests (`tests/scale.rs`) include this file as a module and call
//! [`generate`] and the others.

use std::fmt::Write as _;
use std::io::Write as _;

/// A xorshift64 generator: deterministic, no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // Spread small seeds over the bits, and never start at zero.
        let mut r = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        for _ in 0..4 {
            r.next_u64();
        }
        r
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next_u64() % items.len() as u64) as usize]
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

// ---------------------------------------------------------------- words

const CITIES: &[&str] = &[
    "石家庄市",
    "唐山市",
    "秦皇岛市",
    "邯郸市",
    "邢台市",
    "保定市",
    "张家口市",
    "承德市",
    "沧州市",
    "廊坊市",
    "衡水市",
    "定州市",
    "辛集市",
];

const AGENCIES: &[&str] = &[
    "交通运输局",
    "卫生健康委员会",
    "教育局",
    "生态环境局",
    "农业农村局",
    "水利局",
    "文化和旅游局",
    "市场监督管理局",
    "人力资源和社会保障局",
    "应急管理局",
    "自然资源和规划局",
    "民政局",
];

/// Project subjects: what the money is for, with the thing it produces and
/// that thing's count unit.
const SUBJECTS: &[(&str, &str, &str)] = &[
    ("农村公路养护", "养护里程", "公里"),
    ("基层医疗设备购置", "购置设备", "台"),
    ("职业技能培训", "培训人次", "人次"),
    ("食品安全抽检", "抽检批次", "批"),
    ("水质自动监测站建设", "新建监测站", "座"),
    ("中小学校舍维修改造", "改造校舍面积", "平方米"),
    ("政务信息系统运维", "运维系统", "套"),
    ("防汛抗旱物资储备", "储备物资", "吨"),
    ("文物保护修缮", "修缮文物建筑", "处"),
    ("高标准农田建设", "建成高标准农田", "亩"),
    ("城乡居民健康体检", "完成体检", "人次"),
    ("公共文化场馆免费开放", "开放场馆", "个"),
    ("安全生产执法检查", "检查企业", "家"),
    ("困难群众临时救助", "救助困难群众", "户"),
    ("森林防火视频监控", "安装监控点位", "个"),
    ("图书馆数字资源采购", "采购数字资源", "套"),
    ("乡村医生能力提升", "培训乡村医生", "人"),
    ("河道垃圾清理", "清理河道长度", "公里"),
];

const NAME_SUFFIXES: &[&str] = &["经费", "专项资金", "项目", "补助资金", "工作经费"];

const PURPOSES: &[&str] = &[
    "用于支付劳务费、材料费、设备购置费和必要的差旅费",
    "用于购置专用设备、支付安装调试费和第三方检测费",
    "用于支付培训场地租赁费、师资费、教材资料费和学员食宿费",
    "用于支付委托业务费、检验检测费和数据分析服务费",
    "用于支付工程施工费、监理费和竣工验收费用",
    "用于支付系统运维服务费、网络租赁费和安全测评费",
];

const GOALS: &[&str] = &[
    "按照年度工作计划完成全部建设任务，资金支出进度与工作进度相一致",
    "年底前完成项目验收，形成完整的项目档案",
    "严格执行政府采购和财务管理制度，资金使用合规",
    "建立项目台账，按月报送实施进度和资金支付情况",
    "服务覆盖辖区内全部乡镇，服务对象满意度达到90%以上",
    "完成年度任务量，质量达到国家和行业标准",
    "组织开展项目绩效自评，及时整改发现的问题",
    "公开项目实施情况和资金使用情况，接受社会监督",
];

/// Qualitative targets that state a standard rather than a direction: none
/// of the slogan words of W0506, none starting with a figure (W0513).
const QUALITY_STANDARDS: &[&str] = &[
    "符合国家和行业验收标准",
    "竣工验收一次通过",
    "全部达到合同约定的技术指标",
    "经第三方检测全部合格",
];

const SOCIAL_STANDARDS: &[&str] = &[
    "全年未发生重大安全责任事故",
    "服务范围覆盖辖区内全部乡镇",
    "群众反映的问题按规定时限办结",
    "实现服务事项全程网上办理",
];

const ECOLOGY_STANDARDS: &[&str] = &[
    "施工期间扬尘排放符合环保标准",
    "废弃物全部按规定分类处置",
    "项目区域内未发生环境污染事件",
];

const SUSTAINABLE_STANDARDS: &[&str] = &[
    "建立长效管护机制并纳入年度考核",
    "形成可复制推广的工作规范",
    "设备移交使用单位并明确管护责任人",
    "运行维护经费纳入下年度部门预算",
];

const BASES: &[&str] = &[
    "根据年度工作计划和部门职责确定",
    "参照上年度实际完成情况确定",
    "依据行业标准和项目实施方案确定",
];

const MEASURES: &[(&str, &str)] = &[
    (
        "组织保障",
        "成立由主要负责同志任组长的预算绩效管理工作领导小组，明确各科室职责分工，将绩效目标完成情况纳入年度考核。",
    ),
    (
        "制度保障",
        "严格执行预算管理、政府采购、资产管理和财务报销等制度，项目资金实行专账核算、专款专用。",
    ),
    (
        "监控保障",
        "按季度开展绩效运行监控，对偏离绩效目标的项目及时分析原因并采取纠偏措施，监控结果报财政部门备案。",
    ),
    (
        "评价保障",
        "年度终了开展项目绩效自评，对资金量大、社会关注度高的项目委托第三方机构开展重点评价，评价结果与下年度预算安排挂钩。",
    ),
];

// ---------------------------------------------------------------- amounts

/// An amount in hundredths of 万元, written with two decimals.
fn money(cents: u64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

// ---------------------------------------------------------------- the plan

/// One generated project's figures, kept for the summaries and totals.
struct ProjectInfo {
    id: String,
    name: String,
    total: u64,
}

/// The generated plan of `projects` projects for a seed.
pub fn generate(projects: usize, seed: u64) -> String {
    let mut out = String::with_capacity(projects * 1600 + 8192);
    let mut rng = Rng::new(seed);
    let units = (projects / 200).clamp(3, 200);
    let city = *rng.pick(CITIES);
    let year = 2025;

    // Projects first, into their own buffer: the header states their total.
    let mut body = String::with_capacity(projects * 1600);
    let mut infos = Vec::with_capacity(projects);
    for i in 0..projects {
        infos.push(project(&mut body, &mut rng, i, units, year));
    }
    let sum: u64 = infos.iter().map(|p| p.total).sum();

    let _ = writeln!(
        out,
        "# 合成的部门预算绩效目标（perfplan 的生成器，{projects} 个项目，种子 {seed}）\n"
    );
    let _ = writeln!(out, "计划 {year} \"{city}{}\" {{", AGENCIES[0]);
    out.push_str("  框架 classic\n  金额单位 万元\n");
    for u in 0..units {
        let _ = writeln!(
            out,
            "  预算单位 {} \"{}{}{}\"",
            unit_code(u),
            city,
            AGENCIES[u % AGENCIES.len()],
            if u < AGENCIES.len() {
                String::new()
            } else {
                format!("第{}直属单位", u / AGENCIES.len())
            }
        );
    }
    let _ = writeln!(out, "  依据 \"{}\"", BASES[0]);
    let _ = writeln!(out, "  资金 {}\n}}\n", money(sum));

    overall(&mut out, &mut rng, sum);

    for info in &infos {
        if !rng.chance(25) {
            continue;
        }
        let _ = writeln!(out, "分项目标 {} {{", info.id);
        if rng.chance(50) {
            let _ = writeln!(out, "  名称 \"{}\"", info.name);
        }
        let _ = writeln!(out, "  资金 {}万元", money(info.total));
        let _ = writeln!(
            out,
            "  目标 \"{}；{}\"\n}}\n",
            rng.pick(GOALS),
            rng.pick(GOALS)
        );
    }

    for (title, text) in MEASURES {
        let _ = writeln!(out, "保障措施 \"{title}\" \"\"\"\n  {text}\n\"\"\"\n");
    }

    out.push_str(&body);
    out
}

fn unit_code(u: usize) -> String {
    format!("{}", 301_001 + u)
}

/// The overall part: goal paragraphs and the department's indicators.
fn overall(out: &mut String, rng: &mut Rng, sum: u64) {
    out.push_str("总体目标 {\n  目标 \"\"\"\n");
    for _ in 0..3 {
        let _ = writeln!(out, "    {}。", rng.pick(GOALS));
    }
    out.push_str("  \"\"\"\n");
    let rows = [
        format!(
            "  产出.数量 \"年度项目完成率\" ≥ {}% 描述 \"按计划完成的项目数占全部项目数的比例\"",
            rng.range(95, 100)
        ),
        "  产出.质量 \"项目验收合格率\" = 100%".to_string(),
        "  产出.时效 \"资金支付及时率\" ≥ 95%".to_string(),
        format!(
            "  产出.成本 \"部门项目支出总额\" ≤ {}万元 描述 \"不超过年初预算批复数\"",
            money(sum)
        ),
        "  效益.社会效益 \"服务范围\" 定性 \"覆盖辖区内全部乡镇和街道\"".to_string(),
        "  效益.可持续影响 \"管理机制\" 定性 \"建立项目全过程绩效管理制度\"".to_string(),
        format!(
            "  满意度.服务对象满意度 \"服务对象满意度\" ≥ {}%",
            rng.range(85, 95)
        ),
    ];
    for row in rows {
        out.push_str(&row);
        out.push('\n');
    }
    let _ = writeln!(out, "  目标 \"{}\"\n}}\n", rng.pick(GOALS));
}

/// One indicator row being built: its path, name and target.
struct Row {
    path: &'static str,
    name: String,
    target: String,
}

fn project(out: &mut String, rng: &mut Rng, i: usize, units: usize, year: u32) -> ProjectInfo {
    let (subject, thing, count_unit) = *rng.pick(SUBJECTS);
    let district = rng.pick(CITIES).trim_end_matches('市');
    let id = format!("{subject}{:05}", i + 1);
    let name = format!("{district}{subject}{}", rng.pick(NAME_SUFFIXES));
    // In hundredths of 万元: 5 万元 to 5 亿元, most projects small.
    let total = match rng.range(0, 9) {
        0..=5 => rng.range(500, 50_000),
        6..=8 => rng.range(50_000, 500_000),
        _ => rng.range(500_000, 5_000_000),
    };

    let _ = writeln!(out, "项目 {id} \"{name}\" {{");
    let _ = writeln!(
        out,
        "  编码 1302{:02}{:02}P{:09}",
        year % 100,
        i % 97,
        i + 1
    );
    let _ = writeln!(
        out,
        "  预算单位 {}",
        unit_code(rng.range(0, units as u64 - 1) as usize)
    );
    funds(out, rng, total);
    let _ = writeln!(out, "  用途 \"{}\"", rng.pick(PURPOSES));
    schedule(out, rng);
    // Different goals: a project does not state one twice (W0613).
    let first = rng.range(0, GOALS.len() as u64 - 1) as usize;
    for k in 0..rng.range(1, 3) as usize {
        let _ = writeln!(out, "  目标 \"{}\"", GOALS[(first + k) % GOALS.len()]);
    }
    if rng.chance(20) {
        let _ = writeln!(out, "  依据 \"{}\"", rng.pick(&BASES[1..]));
    }
    out.push('\n');

    for row in indicators(rng, thing, count_unit, total) {
        let _ = write!(out, "  {} \"{}\" {}", row.path, row.name, row.target);
        if rng.chance(60) {
            let _ = write!(out, " 描述 \"{}{}\"", row.name, describe(rng));
        }
        if rng.chance(10) {
            let _ = write!(out, " 依据 \"{}\"", rng.pick(BASES));
        }
        out.push('\n');
    }
    out.push_str("}\n\n");
    ProjectInfo { id, name, total }
}

const DESCRIPTION_TAILS: &[&str] = &[
    "，以年底统计数据为准",
    "，按季度统计",
    "，以验收报告为准",
    "，以财务决算数据为准",
    "，由第三方机构评估",
];

fn describe(rng: &mut Rng) -> &'static str {
    rng.pick::<&str>(DESCRIPTION_TAILS)
}

/// `资金 total（财政 a，其他 b，"上年结转" c）`, the sources summing to the
/// total exactly; full-width or ASCII punctuation.
fn funds(out: &mut String, rng: &mut Rng, total: u64) {
    let mut sources: Vec<(String, u64)> = Vec::new();
    let mut left = total;
    if rng.chance(30) {
        let other = left * rng.range(5, 30) / 100;
        sources.push(("其他".into(), other));
        left -= other;
    }
    if rng.chance(15) {
        let carried = left * rng.range(5, 20) / 100;
        sources.push(("\"上年结转\"".into(), carried));
        left -= carried;
    }
    sources.insert(0, ("财政".into(), left));
    let (open, sep, close) = if rng.chance(50) {
        ("（", "，", "）")
    } else {
        (" (", ", ", ")")
    };
    let list: Vec<String> = sources
        .iter()
        .map(|(k, v)| format!("{k} {}", money(*v)))
        .collect();
    let _ = writeln!(
        out,
        "  资金 {}{open}{}{close}",
        money(total),
        list.join(sep)
    );
}

/// A cumulative schedule of three or four checkpoints ending at 100%.
fn schedule(out: &mut String, rng: &mut Rng) {
    let months: &[u32] = if rng.chance(50) {
        &[3, 6, 9, 12]
    } else {
        &[6, 10, 12]
    };
    let mut share = 0;
    let mut entries = Vec::new();
    for (n, m) in months.iter().enumerate() {
        share = if n + 1 == months.len() {
            100
        } else {
            let step = (100 - share) / (months.len() - n) as u64;
            share + rng.range(step / 2, step)
        };
        entries.push(if rng.chance(80) {
            format!("{m}月底 {share}%")
        } else {
            let day = match m {
                3 | 12 => 31,
                _ => 30,
            };
            format!("{m:02}-{day} {share}%")
        });
    }
    let _ = writeln!(out, "  支出计划 {}", entries.join("，"));
}

/// 8 to 14 rows: at least one quantity, the project's budget control (a
/// cost), and a satisfaction; the others drawn without repeating a name.
fn indicators(rng: &mut Rng, thing: &str, count_unit: &str, total: u64) -> Vec<Row> {
    let count = |rng: &mut Rng, lo: u64, hi: u64| rng.range(lo, hi);
    let mut rows = vec![
        Row {
            path: "产出.数量",
            name: thing.to_string(),
            target: format!("≥ {}{count_unit}", count(rng, 10, 5000)),
        },
        Row {
            path: "产出.成本",
            name: "项目预算控制数".into(),
            target: format!("≤ {}万元", money(total)),
        },
        Row {
            path: "满意度.服务对象满意度",
            name: "服务对象满意度".into(),
            target: format!("≥ {}%", count(rng, 85, 95)),
        },
    ];
    let wanted = rng.range(8, 14) as usize;
    let mut tries = 0;
    while rows.len() < wanted && tries < 100 {
        tries += 1;
        let row = optional_row(rng, total);
        if rows.iter().any(|r| r.name == row.name) {
            continue;
        }
        rows.push(row);
    }
    with_social_benefit(rng, &mut rows);
    // The profile's order of levels, as tables print them.
    rows.sort_by_key(|r| PATHS.iter().position(|p| *p == r.path));
    rows
}

/// A project with benefit rows has an economic or a social one (W0208):
/// else its first benefit row becomes a social one.
fn with_social_benefit(rng: &mut Rng, rows: &mut [Row]) {
    let economic_or_social = |r: &Row| r.path == "效益.经济效益" || r.path == "效益.社会效益";
    if rows.iter().any(economic_or_social) {
        return;
    }
    if let Some(row) = rows.iter_mut().find(|r| r.path.starts_with("效益.")) {
        *row = Row {
            path: "效益.社会效益",
            name: "受益群众人数".into(),
            target: format!("≥ {}人", rng.range(200, 200_000)),
        };
    }
}

/// The second levels of the classic profile, in its order.
const PATHS: &[&str] = &[
    "产出.数量",
    "产出.质量",
    "产出.时效",
    "产出.成本",
    "效益.经济效益",
    "效益.社会效益",
    "效益.生态效益",
    "效益.可持续影响",
    "满意度.服务对象满意度",
];

fn optional_row(rng: &mut Rng, total: u64) -> Row {
    let row = |path, name: &str, target: String| Row {
        path,
        name: name.to_string(),
        target,
    };
    match rng.range(0, 21) {
        0 => row(
            "产出.数量",
            "覆盖乡镇数",
            format!("≥ {}个", rng.range(3, 40)),
        ),
        1 => row(
            "产出.数量",
            "年度任务完成率",
            format!("≥ {}%", rng.range(90, 100)),
        ),
        2 => row(
            "产出.数量",
            "开展专项检查",
            format!("不少于 {}次", rng.range(2, 24)),
        ),
        3 => row(
            "产出.质量",
            "验收合格率",
            format!("≥ {}%", rng.range(95, 100)),
        ),
        4 => row(
            "产出.质量",
            "质量标准",
            format!("定性 \"{}\"", rng.pick(QUALITY_STANDARDS)),
        ),
        5 => row("产出.质量", "数据准确率", "= 100%".into()),
        6 => row(
            "产出.时效",
            "项目按期完成率",
            format!("≥ {}%", rng.range(90, 100)),
        ),
        7 => row(
            "产出.时效",
            "项目完成时间",
            format!("≤ {}月底", rng.range(10, 12)),
        ),
        8 => row(
            "产出.时效",
            "问题整改时限",
            format!("≤ {}天", rng.range(7, 60)),
        ),
        9 => {
            // A per-head cost: at most a tenth of the project, so it is
            // never above the total.
            let per = (total / 10).clamp(1, 50_000);
            row(
                "产出.成本",
                "人均培训成本",
                format!("≤ {}万元/人", money(rng.range(1, per))),
            )
        }
        10 => row(
            "产出.成本",
            "设备采购成本",
            format!("≤ {}万元", money(total * rng.range(20, 80) / 100)),
        ),
        11 => row(
            "效益.经济效益",
            "带动社会投资",
            format!("≥ {}万元", rng.range(50, 5000)),
        ),
        12 => row(
            "效益.经济效益",
            "节约财政资金",
            format!("≥ {}万元", money(total * rng.range(1, 10) / 100)),
        ),
        13 => row(
            "效益.社会效益",
            "受益群众人数",
            format!("≥ {}人", rng.range(200, 200_000)),
        ),
        14 => row(
            "效益.社会效益",
            "社会影响",
            format!("定性 \"{}\"", rng.pick(SOCIAL_STANDARDS)),
        ),
        15 => row(
            "效益.社会效益",
            "群众办事跑动次数减少比例",
            format!("≥ {}%", rng.range(10, 60)),
        ),
        16 => row(
            "效益.生态效益",
            "减少碳排放量",
            format!("≥ {}吨", rng.range(5, 900)),
        ),
        17 => row(
            "效益.生态效益",
            "环境影响",
            format!("定性 \"{}\"", rng.pick(ECOLOGY_STANDARDS)),
        ),
        18 => row(
            "效益.可持续影响",
            "长效机制",
            format!("定性 \"{}\"", rng.pick(SUSTAINABLE_STANDARDS)),
        ),
        19 => row(
            "效益.可持续影响",
            "设备正常使用年限",
            format!("≥ {}年", rng.range(3, 10)),
        ),
        20 => row(
            "满意度.服务对象满意度",
            "参训人员满意度",
            format!("≥ {}%", rng.range(85, 98)),
        ),
        _ => row(
            "满意度.服务对象满意度",
            "群众满意度",
            format!("{}%以上", rng.range(85, 95)),
        ),
    }
}

// ---------------------------------------------------------------- other shapes

/// A plan of one project (as [`generate`] makes it, with `seed`) that has
/// `rows` more quantity rows (`产出.数量`), each with its own name.
pub fn generate_rows(rows: usize, seed: u64) -> String {
    let plan = generate(1, seed);
    let mut extra = String::with_capacity(rows * 48);
    let mut rng = Rng::new(seed);
    for i in 0..rows {
        let (_, thing, unit) = *rng.pick(SUBJECTS);
        let _ = writeln!(
            extra,
            "  产出.数量 \"第{}批{thing}\" ≥ {}{unit}",
            i + 1,
            rng.range(1, 5000)
        );
    }
    // The project is last; its rows start after its head's blank line.
    let project = plan.rfind("\n项目 ").unwrap_or(0);
    let rows_at = plan[project..]
        .find("\n\n")
        .map_or(plan.len(), |at| project + at + 2);
    [&plan[..rows_at], &extra, &plan[rows_at..]].concat()
}

/// A plan of one project whose spending schedule is one line of
/// `checkpoints` checkpoints: the days of the year in turn (`01-01` …
/// `12-31`, then again), the cumulative share rising to 100%.
pub fn generate_checkpoints(checkpoints: usize, seed: u64) -> String {
    let plan = generate(1, seed);
    let mut line = String::from("  支出计划 ");
    let n = checkpoints.max(1);
    for k in 0..n {
        let (month, day) = day_of_year(k % 365);
        let share = (k + 1) * 100 / n;
        if k > 0 {
            line.push('，');
        }
        let _ = write!(line, "{month:02}-{day:02} {share}%");
    }
    let Some(start) = plan.find("  支出计划 ") else {
        return plan;
    };
    let end = plan[start..].find('\n').map_or(plan.len(), |at| start + at);
    [&plan[..start], &line, &plan[end..]].concat()
}

/// The month and day of the `n`th day (from 0) of a year of 365 days.
fn day_of_year(mut n: usize) -> (usize, usize) {
    const DAYS: [usize; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    for (m, days) in DAYS.iter().enumerate() {
        if n < *days {
            return (m + 1, n + 1);
        }
        n -= days;
    }
    (12, 31)
}

// ---------------------------------------------------------------- main

#[allow(dead_code)]
fn main() {
    let mut projects = 100;
    let mut rows = None;
    let mut checkpoints = None;
    let mut seed = 1;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = |args: &mut dyn Iterator<Item = String>| {
            args.next()
                .and_then(|v| v.parse::<u64>().ok())
                .unwrap_or_else(|| usage(&format!("{arg} needs a number")))
        };
        match arg.as_str() {
            "--projects" => projects = value(&mut args) as usize,
            "--rows" => rows = Some(value(&mut args) as usize),
            "--checkpoints" => checkpoints = Some(value(&mut args) as usize),
            "--seed" => seed = value(&mut args),
            "-h" | "--help" => usage(""),
            _ => usage(&format!("unknown argument `{arg}`")),
        }
    }
    let plan = match (rows, checkpoints) {
        (Some(rows), _) => generate_rows(rows, seed),
        (None, Some(n)) => generate_checkpoints(n, seed),
        (None, None) => generate(projects, seed),
    };
    let mut stdout = std::io::stdout().lock();
    if stdout.write_all(plan.as_bytes()).is_err() {
        std::process::exit(1);
    }
}

fn usage(problem: &str) -> ! {
    if !problem.is_empty() {
        eprintln!("gen: {problem}");
    }
    eprintln!(
        "usage: cargo run --release --example gen -- [--projects N | --rows N | --checkpoints N] [--seed S] > plan.plan"
    );
    std::process::exit(if problem.is_empty() { 0 } else { 2 });
}
