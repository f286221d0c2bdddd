//! The editor's view of a realistic plan (`examples/leting-jijian-2022.plan`):
//! hover cards, completions at several cursors and their pinyin filtering,
//! definition and references of a project id, the outline and folding; and
//! every method at every offset of broken documents, without a panic.

use perfplan::check::Options;
use perfplan::diagnostic::Lang;
use perfplan::ide::{Analysis, Completion, Symbol};
use perfplan::source::Span;

const PLAN: &str = include_str!("../examples/leting-jijian-2022.plan");

fn analysis(text: &str) -> Analysis {
    Analysis::new("leting.plan", text, &Options::default())
}

/// The byte offset of the `nth` occurrence of `needle`, plus `plus` bytes.
fn at(text: &str, needle: &str, nth: usize, plus: usize) -> usize {
    match text.match_indices(needle).nth(nth) {
        Some((i, _)) => i + plus,
        None => panic!("`{needle}` #{nth} is not in the text"),
    }
}

/// `line:column` (1-based, in characters) and the text of a span.
fn place(a: &Analysis, span: Span) -> String {
    let Some(file) = a.sources().get(a.file()) else {
        return String::new();
    };
    let p = file.position(span.start as usize);
    format!("{}:{} `{}`", p.line, p.column, file.slice(span))
}

// ---------------------------------------------------------------- hover

fn hover_text(a: &Analysis, offset: usize, lang: Lang) -> String {
    match a.hover(offset, lang) {
        Some(h) => format!("on {}\n\n{}\n", place(a, h.span), h.markdown),
        None => "(none)\n".to_string(),
    }
}

#[test]
fn hover_cards() {
    let a = analysis(PLAN);
    let cases = [
        (
            "an indicator's name, zh",
            at(PLAN, "\"工作按时完成率\"", 0, 4),
            Lang::Zh,
        ),
        (
            "an indicator's path, en",
            at(PLAN, "产出.成本             \"人均工作经费\"", 0, 1),
            Lang::En,
        ),
        (
            "the leading blanks of an overall indicator's line",
            at(
                PLAN,
                "  满意度.服务对象满意度 \"服务对象满意度\"     ≥ 95%",
                0,
                1,
            ),
            Lang::Zh,
        ),
        (
            "a project id in a summary",
            at(PLAN, "分项目标 信息化", 0, "分项目标 ".len() + 3),
            Lang::Zh,
        ),
        (
            "a project id at its definition, en",
            at(PLAN, "项目 巡察经费", 0, "项目 ".len()),
            Lang::En,
        ),
        (
            "a unit code in a project",
            at(PLAN, "预算单位 222002", 1, "预算单位 ".len() + 2),
            Lang::Zh,
        ),
        (
            "a unit code in the header, en",
            at(PLAN, "222003", 0, 6),
            Lang::En,
        ),
        (
            "a code in a lint setting",
            at(PLAN, "W0507 W0516", 0, 1),
            Lang::Zh,
        ),
        (
            "a code in a comment, en",
            at(PLAN, "W0506）", 0, 0),
            Lang::En,
        ),
        (
            "a goal (nothing)",
            at(PLAN, "目标 \"保障纪律", 0, 0),
            Lang::Zh,
        ),
    ];
    let mut out = String::new();
    for (what, offset, lang) in cases {
        out.push_str(&format!("===== {what}\n{}\n", hover_text(&a, offset, lang)));
    }
    insta::assert_snapshot!("hover", out);
}

// ---------------------------------------------------------------- completion

/// The completions where `|` stands: the text is the plan with `after`
/// followed by `insert`, whose `|` marks the cursor.
fn complete(text: &str, after: &str, insert: &str, lang: Lang) -> (String, Vec<Completion>) {
    let at = at(text, after, 0, after.len());
    let mut edited = text.to_string();
    edited.insert_str(at, insert);
    let cursor = at + insert.find('|').unwrap_or(insert.len());
    edited.remove(cursor);
    let list = analysis(&edited).completions(cursor, lang);
    (edited, list)
}

fn show(text: &str, list: &[Completion]) -> String {
    let mut out = String::new();
    for c in list {
        out.push_str(&format!(
            "{} | {:?} | {} | {} | replaces `{}`\n",
            c.label,
            c.kind,
            c.detail.as_deref().unwrap_or("-"),
            c.filter_text,
            text.get(c.replace.start as usize..c.replace.end as usize)
                .unwrap_or("?")
        ));
    }
    out
}

/// Cursors in the plan: the line after which the text is inserted, and
/// the text with `|` for the cursor.
const CURSORS: &[(&str, &str, &str)] = &[
    ("top_level", "\"\"\"\n\n", "|\n"),
    ("header", "  金额单位 万元\n", "  |\n"),
    (
        "project_line_start",
        "  目标 \"完善线索处置流程，加强线索处置督办工作\"\n",
        "  |\n",
    ),
    (
        "after_level1",
        "  目标 \"完善线索处置流程，加强线索处置督办工作\"\n",
        "  效益.|\n",
    ),
    (
        "after_number",
        "  目标 \"完善线索处置流程，加强线索处置督办工作\"\n",
        "  产出.数量 \"办结案件数\" ≥ 120r|\n",
    ),
    (
        "indicator_attributes",
        "  目标 \"完善线索处置流程，加强线索处置督办工作\"\n",
        "  产出.数量 \"办结案件数\" ≥ 120件 |\n",
    ),
    ("summary_id", "\"\"\"\n\n", "分项目标 |\n"),
    (
        "unit_code",
        "  编码 13022522P00TD8410008N\n",
        "  预算单位 2|\n",
    ),
    (
        "schedule",
        "  编码 13022522P00TD8410008N\n",
        "  支出计划 3月底 25%，|\n",
    ),
    (
        "funds_sources",
        "  编码 13022522P00TD8410008N\n",
        "  资金 50.00（财政 40.00，|\n",
    ),
];

#[test]
fn completions_at_cursors() {
    for (name, after, insert) in CURSORS {
        let (text, list) = complete(PLAN, after, insert, Lang::Zh);
        assert!(!list.is_empty(), "{name}: nothing offered");
        insta::assert_snapshot!(format!("complete_{name}"), show(&text, &list));
    }
}

/// Whether an editor keeps an item when `typed` is typed: as VS Code's
/// filter does, the typed letters appear in order in the filter text, the
/// first of them at the start of a word of it.
fn keeps(filter_text: &str, typed: &str) -> bool {
    let Some(first) = typed.chars().next() else {
        return true;
    };
    let mut starts = filter_text
        .char_indices()
        .filter(|&(i, c)| c == first && (i == 0 || filter_text[..i].ends_with(' ')));
    starts.any(|(i, _)| {
        let mut rest = filter_text[i..].chars();
        typed.chars().all(|t| rest.any(|c| c == t))
    })
}

/// The labels of a list an editor keeps when `typed` is typed.
fn kept<'a>(list: &'a [Completion], typed: &str) -> Vec<&'a str> {
    list.iter()
        .filter(|c| keeps(&c.filter_text, typed))
        .map(|c| c.label.as_str())
        .collect()
}

#[test]
fn pinyin_filtering() {
    let line = "  目标 \"完善线索处置流程，加强线索处置督办工作\"\n";
    let (_, start) = complete(PLAN, line, "  |\n", Lang::Zh);
    let cc = kept(&start, "cc");
    assert!(cc.contains(&"产出"), "{cc:?}");
    assert!(!cc.contains(&"满意度"), "{cc:?}");
    assert!(kept(&start, "myd").contains(&"满意度"));
    assert!(kept(&start, "xiaoyi").contains(&"效益"));
    assert!(kept(&start, "zcjh").contains(&"支出计划"));
    assert!(kept(&start, "manyidu").contains(&"满意度"));

    let (_, level2) = complete(PLAN, line, "  产出.|\n", Lang::Zh);
    assert_eq!(kept(&level2, "cb"), ["成本"]);

    // 成本 is a first level of central-2021: `cc` keeps both.
    let central = PLAN.replace("框架 classic", "框架 central-2021");
    let (_, start) = complete(&central, line, "  |\n", Lang::Zh);
    let cc = kept(&start, "cc");
    assert!(cc.contains(&"产出") && cc.contains(&"成本"), "{cc:?}");

    // A project id: `jxmb` keeps 绩效目标评价.
    let with_project = format!("{PLAN}\n项目 绩效目标评价 \"部门绩效目标评价\" {{\n  资金 1\n}}\n");
    let (_, ids) = complete(&with_project, "\"\"\"\n\n", "分项目标 |\n", Lang::Zh);
    assert_eq!(kept(&ids, "jxmb"), ["绩效目标评价"]);
    assert_eq!(kept(&ids, "xc"), ["巡察经费"]);
}

#[test]
fn the_filter_keeps_what_vs_code_keeps() {
    assert!(keeps("满意度 myd manyidu", "myd"));
    assert!(keeps("满意度 myd manyidu", "mnyd"));
    assert!(!keeps("满意度 myd manyidu", "yd"));
    assert!(!keeps("产出 cc chanchu", "cb"));
}

// ---------------------------------------------------------------- navigation

#[test]
fn definition_and_references_of_a_project_id() {
    let a = analysis(PLAN);
    let summary = at(PLAN, "分项目标 信息化", 0, "分项目标 ".len());
    let show = |spans: Vec<Span>| -> String {
        spans
            .into_iter()
            .map(|s| place(&a, s))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let out = format!(
        "definition:\n{}\n\nreferences with the definition:\n{}\n\nreferences:\n{}\n\nunit 222002 from a project:\n{}\n",
        show(a.definition(summary)),
        show(a.references(summary, true)),
        show(a.references(summary, false)),
        show(a.references(at(PLAN, "预算单位 222002", 2, "预算单位 ".len()), true)),
    );
    insta::assert_snapshot!("navigation", out);
    let project = at(PLAN, "项目 信息化", 0, "项目 ".len());
    assert_eq!(
        a.definition(summary),
        [Span::new(project, project + "信息化".len())]
    );
}

// ---------------------------------------------------------------- outline

fn tree(a: &Analysis, symbols: &[Symbol], depth: usize, out: &mut String) {
    for s in symbols {
        let Some(file) = a.sources().get(a.file()) else {
            return;
        };
        let (first, last) = (
            file.position(s.span.start as usize).line,
            file.position(s.span.end as usize).line,
        );
        out.push_str(&format!(
            "{}{:?} {} — {} [lines {first}-{last}, selects {}]\n",
            "  ".repeat(depth),
            s.kind,
            s.name,
            s.detail.as_deref().unwrap_or("-"),
            place(a, s.selection),
        ));
        tree(a, &s.children, depth + 1, out);
    }
}

#[test]
fn outline() {
    let a = analysis(PLAN);
    let mut out = String::new();
    tree(&a, &a.symbols(Lang::Zh), 0, &mut out);
    out.push_str("\n----- en\n");
    let en: Vec<Symbol> = a
        .symbols(Lang::En)
        .into_iter()
        .map(|mut s| {
            s.children.clear();
            s
        })
        .collect();
    tree(&a, &en, 0, &mut out);
    insta::assert_snapshot!("outline", out);
}

#[test]
fn folding() {
    let a = analysis(PLAN);
    let lines: Vec<&str> = PLAN.lines().collect();
    let mut out = String::new();
    for f in a.folding() {
        out.push_str(&format!(
            "{}-{}{}: {}\n",
            f.start_line,
            f.end_line,
            if f.comment { " comment" } else { "" },
            lines.get(f.start_line).map_or("", |l| l.trim())
        ));
    }
    insta::assert_snapshot!("folding", out);
}

// ---------------------------------------------------------------- broken input

/// Documents with broken lines, unclosed blocks and texts, stray braces
/// and odd characters.
const BROKEN: &[&str] = &[
    "计划 2022年 \"纪检会\" {\n  框架 无此框架\n  预算单位\n}\n项目 p1 名称 {\n  资金 五十万\n  产出.数量 \"a\" ≥ 9 5%\n  产出. \"b\"\n  支出计划 3月底\n",
    "项目 信息化 \"x\" {\n  目标 \"\"\"\n  没有结束\n分项目标 信息化 {\n  资金 1（财政\n}\n}\n}",
    "分项目标 {\n中期 .\n\u{feff}保障措施 \"a\" “b\n# 注释 W0506\n\r\n项目 p \"n\" {\r\n  预算单位 \"[01]\"\r\n  产出.数量 \"a\" = 1个 分值\r\n}\r\n",
    "{\n}\n\"\"\"\n}\n计划 2022 \"x\" { 金额单位 万元 }\n项目 ? \"?\" {\n  满意度.服务对象满意度 \"满\" ≥ 95％ 描述\n",
    "",
    "\u{0}\u{202e}项目 a\u{0b} \"b\" {\n  资金 1e99999999999999999999\n",
];

/// Calls every method at `offset`: no panic, and every span on
/// character boundaries of the text.
fn exercise(a: &Analysis, offset: usize) {
    let text = a.sources().get(a.file()).map_or("", |f| f.text.as_str());
    let on_boundaries = |s: Span| {
        s.start <= s.end
            && text.is_char_boundary(s.start as usize)
            && text.is_char_boundary(s.end as usize)
    };
    for lang in [Lang::Zh, Lang::En] {
        if let Some(h) = a.hover(offset, lang) {
            assert!(on_boundaries(h.span), "{h:?}");
        }
        for c in a.completions(offset, lang) {
            assert!(on_boundaries(c.replace), "{c:?}");
            assert!(c.replace.end as usize <= offset, "{c:?}");
        }
    }
    let _ = a.definition(offset);
    let _ = a.references(offset, true);
    let _ = a.references(offset, false);
}

#[test]
fn every_method_at_every_offset_of_broken_documents() {
    for text in BROKEN {
        let a = analysis(text);
        for offset in 0..=text.len() + 2 {
            exercise(&a, offset);
        }
        let _ = a.symbols(Lang::Zh);
        let _ = a.symbols(Lang::En);
        for fold in a.folding() {
            assert!(fold.start_line < fold.end_line, "{fold:?}");
        }
    }
}

#[test]
fn every_method_across_the_plan_and_its_truncations() {
    let a = analysis(PLAN);
    // Every 7th byte: inside characters as well as on their boundaries.
    for offset in (0..=PLAN.len()).step_by(7) {
        exercise(&a, offset);
    }
    exercise(&a, usize::MAX);
    // The plan cut short at a few places: unclosed blocks and texts.
    for cut in [
        at(PLAN, "\"\"\"", 0, 5),
        at(PLAN, "项目 信息化", 0, 8),
        PLAN.len() / 2,
    ] {
        let mut end = cut.min(PLAN.len());
        while !PLAN.is_char_boundary(end) {
            end -= 1;
        }
        let text = &PLAN[..end];
        let a = analysis(text);
        for offset in (end.saturating_sub(200)..=end).step_by(3) {
            exercise(&a, offset);
        }
        let _ = a.symbols(Lang::Zh);
        let _ = a.folding();
    }
}
