//! `--help` in Chinese: one table of every command's and every option's
//! Chinese text, and [`translate`], which puts it on the command tree the
//! derive builds (`args.rs`), with clap's own words (`Usage:`, `Options:`,
//! `Commands:`, `Arguments:`, `Print help`) in Chinese too.
//!
//! Defaults and possible values are written in the Chinese text itself
//! (`[默认：human]`), and clap's English `[default: …]` and
//! `[possible values: …]` are hidden. The unit test walks the whole tree:
//! a command or an option without a line here, or a line that misses a
//! default or a possible value, fails it. clap's error messages
//! (`unexpected argument …`) stay in English.

use clap::{Arg, Command};

/// What each command does, by name (`help` is clap's own).
const COMMANDS: &[(&str, &str)] = &[
    ("perfplan", "perfplan —— 检查并编译预算绩效目标计划"),
    ("check", "检查计划（一个或多个文件），报告每一个问题"),
    (
        "build",
        "把没有错误的计划编译为 JSON、Markdown、Word、Excel\n或预算系统记录",
    ),
    ("fmt", "按规范版式重写计划文件，不丢失任何内容"),
    ("diff", "显示计划两个版本之间的变化（文件或 REV:PATH）"),
    (
        "import",
        "把报送的 Word（.docx）或 Excel（.xlsx）计划读成计划文本",
    ),
    (
        "init",
        "写一份能通过检查的起步计划（DIR/plan.plan），供填写",
    ),
    (
        "schema",
        "输出 `build --to json` 的 JSON Schema\n（加 --records：`build --to records` 的）",
    ),
    ("explain", "解释一个诊断代码，如 E0103"),
    (
        "lsp",
        "运行语言服务器（LSP，经标准输入输出）供编辑器使用：\n边写边检查、悬停说明、补全、快速修复",
    ),
    (
        "completions",
        "输出 shell 补全脚本：bash、zsh、fish、powershell 或 elvish",
    ),
    (
        "man",
        "输出 man 手册页（roff）：perfplan 的，或某个子命令的",
    ),
    ("help", "显示本帮助，或所给子命令的帮助"),
];

/// What each option and argument means: `"COMMAND ID"` for one command's,
/// `"ID"` for a global option or one that several commands share.
const ARGS: &[(&str, &str)] = &[
    ("help", "显示帮助"),
    ("version", "显示版本"),
    (
        "lang",
        "消息的语言：zh 或 en\n[默认：依 LC_ALL、LC_MESSAGES、LANG，zh_* 为 zh]",
    ),
    ("color", "何时使用颜色：auto、always 或 never [默认：auto]"),
    (
        "message_format",
        "诊断的输出格式 [默认：human]：\nhuman 源码摘录与标注，short 每条一行，\njson 每行一个 JSON 对象，\nsarif 整次运行一份 SARIF 2.1.0 日志（代码扫描），\ngithub GitHub Actions 工作流命令（注释）",
    ),
    (
        "max_diagnostics",
        "每个文件最多显示 N 条诊断，并说明还有多少条\n（0 显示全部）[默认：1000]",
    ),
    (
        "stdin_filename",
        "标准输入（`-`）在诊断和错误中的名字，\n如编辑器所发送文件的路径",
    ),
    ("files", "计划的文件；多个文件合为一份计划"),
    (
        "check fix",
        "应用不改变计划含义的修复（全角符号、看不见的字符、\n名称可断定的比较符、从项目表照录的金额），\n再报告余下的问题；`-` 则输出修复后的文本",
    ),
    (
        "check unsafe_fixes",
        "与 --fix 同用：也应用会改动数值或用词的修复\n（如把比较符改向），请在 diff 中核对",
    ),
    (
        "lsp stdio",
        "经标准输入输出通信\n（唯一的方式；编辑器的客户端会传这个参数）",
    ),
    (
        "check each",
        "每个文件单独作为一份计划检查\n（如 pre-commit 钩子传入改动的文件时）",
    ),
    ("allow", "允许某个 lint（不再报告其警告）：`-A W0506`"),
    ("warn", "把某个 lint 报告为警告：`-W W0506`"),
    (
        "deny",
        "把某个 lint 报告为错误；`-D warnings` 针对所有 lint",
    ),
    (
        "build to",
        "输出格式：json（解析后的计划，附 schema）、md（报送文档）、\ndocx（Word，需 -o）、xlsx（Excel，需 -o）、\nrecords（预算系统导入的记录，JSON 或 CSV）",
    ),
    ("build output", "写入此文件（原子地），而不是标准输出"),
    (
        "build no_cover",
        "Word（docx）：不要封面，无论头部的 `封面` 怎么写",
    ),
    (
        "build cover",
        "Word（docx）：要封面，即使头部写了 `封面 否`",
    ),
    (
        "build no_toc",
        "Word（docx）：不要目录，无论头部的 `目录` 怎么写",
    ),
    ("build toc", "Word（docx）：要目录，即使头部写了 `目录 否`"),
    (
        "build format",
        "`--to records` 的格式：json（一个 JSON 文档）\n或 csv（带 BOM 的 UTF-8）[默认：json]",
    ),
    (
        "build doc_lang",
        "文档（md、docx、xlsx）的语言：zh 或 en。默认中文，\n除非此处或显式的 --lang 另有指定；从不取自区域设置",
    ),
    (
        "fmt files",
        "要格式化的文件或目录 [默认：当前目录]。目录按 ripgrep\n的方式遍历：遵循 .gitignore、.ignore 和 .perfplanignore，\n跳过隐藏项和符号链接",
    ),
    ("fmt check", "只列出会改变的文件；若有，以 1 退出"),
    ("fmt stdout", "输出格式化后的文本，而不是重写文件"),
    (
        "fmt keywords",
        "所有关键字用同一种语言：zh 或 en\n[默认：各文件的主要语言]",
    ),
    (
        "diff sides",
        "新旧两个版本：计划文件，或 git 版本 REV:PATH\n（如 HEAD~1:plan.plan）。加 --git 时，\n为 git 传给外部 diff 命令的七个参数",
    ),
    (
        "diff format",
        "变化的显示方式 [默认：human]：human 按项目分组，\n终端上着色；md 一段 Markdown 评审意见；json 变化的 JSON",
    ),
    (
        "diff git",
        "作为 git 的外部 diff 命令运行（见 README）：总是以 0 退出",
    ),
    (
        "diff textconv",
        "作为 git 的单文件文本转换器运行（见 README）：\n以规范版式和中文关键字输出，不能解析时原样输出；\n文件可读时总是以 0 退出",
    ),
    ("import file", "Word（.docx）或 Excel（.xlsx）文件"),
    (
        "import output",
        "把计划写入此文件（原子地），或此目录下的 NAME.plan；\n省略时写到标准输出",
    ),
    ("init dir", "新计划的目录 [默认：当前目录]"),
    (
        "init framework",
        "指标框架：classic、classic-benefit-satisfaction\n或 central-2021 [默认：classic]",
    ),
    ("init year", "计划年度 [默认：明年，即编制预算的年度]"),
    ("init keywords", "关键字用的语言：zh 或 en [默认：zh]"),
    (
        "schema records",
        "输出 `build --to records` 的 schema，\n而不是 `build --to json` 的",
    ),
    ("explain code", "诊断代码，如 E0103"),
    (
        "completions shell",
        "shell：bash、elvish、fish、powershell 或 zsh",
    ),
    (
        "man command",
        "要输出其手册页的子命令，如 check\n[默认：perfplan 自己的手册页]",
    ),
];

/// The help template: clap's default, with `Usage:` in Chinese.
const TEMPLATE: &str =
    "{before-help}{about-with-newline}\n用法： {usage}\n\n{all-args}{after-help}";

/// The Chinese text of a command.
fn command_text(name: &str) -> Option<&'static str> {
    COMMANDS.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// The Chinese text of an argument of a command: the command's own line,
/// else the shared one.
fn arg_text(command: &str, id: &str) -> Option<&'static str> {
    let own = format!("{command} {id}");
    ARGS.iter()
        .find(|(k, _)| *k == own)
        .or_else(|| ARGS.iter().find(|(k, _)| *k == id))
        .map(|(_, t)| *t)
}

/// The command tree with its help in Chinese. The tree is built first, so
/// that clap's own `--help`, `--version` and `help` are there to translate.
pub fn translate(mut command: Command) -> Command {
    command.build();
    translate_built(command)
}

/// [`translate`] on a built command and, recursively, its subcommands.
fn translate_built(command: Command) -> Command {
    let name = command.get_name().to_string();
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    let mut command = command
        .help_template(TEMPLATE)
        .subcommand_help_heading("命令")
        .long_about(None);
    if let Some(about) = command_text(&name) {
        command = command.about(about);
    }
    for id in ids {
        let text = arg_text(&name, &id);
        command = command.mut_arg(&id, |arg| translate_arg(arg, text));
    }
    for sub in subcommands {
        command = command.mut_subcommand(&sub, translate_built);
    }
    command
}

/// One argument in Chinese: its help, its heading, and no English
/// defaults or possible values (the Chinese text says them).
fn translate_arg(arg: Arg, text: Option<&'static str>) -> Arg {
    let heading = if arg.is_positional() {
        "参数"
    } else {
        "选项"
    };
    let arg = arg
        .help_heading(heading)
        .long_help(None)
        .hide_default_value(true)
        .hide_possible_values(true);
    match text {
        Some(text) => arg.help(text),
        None => arg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;
    use std::collections::HashSet;
    use unicode_width::UnicodeWidthStr;

    /// Every command of the tree, with its name.
    fn walk(command: &Command, out: &mut Vec<Command>) {
        out.push(command.clone());
        for sub in command.get_subcommands() {
            walk(sub, out);
        }
    }

    fn built() -> Vec<Command> {
        let mut command = super::super::args::Cli::command();
        command.build();
        let mut all = Vec::new();
        walk(&command, &mut all);
        all
    }

    /// A new command or option without a Chinese line fails here; so does
    /// a line that leaves out a default or a possible value, and a line of
    /// the table that no longer names anything.
    #[test]
    fn every_command_and_option_has_a_chinese_line() {
        let mut used = HashSet::new();
        for command in built() {
            let name = command.get_name();
            assert!(
                command_text(name).is_some(),
                "command `{name}`: no Chinese about"
            );
            used.insert(name.to_string());
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                let text = arg_text(name, id)
                    .unwrap_or_else(|| panic!("`{name} --{id}`: no Chinese help"));
                let key = if ARGS.iter().any(|(k, _)| *k == format!("{name} {id}")) {
                    format!("{name} {id}")
                } else {
                    id.to_string()
                };
                used.insert(key);
                let defaults = match arg.get_action().takes_values() {
                    true => arg.get_default_values(),
                    false => &[],
                };
                for value in defaults {
                    let value = value.to_string_lossy();
                    assert!(
                        text.contains(&format!("默认：{value}")),
                        "`{name} --{id}`: the default {value} is not said"
                    );
                }
                for value in arg.get_possible_values() {
                    assert!(
                        text.contains(value.get_name()),
                        "`{name} --{id}`: the value {} is not said",
                        value.get_name()
                    );
                }
            }
        }
        for (key, _) in COMMANDS.iter().chain(ARGS) {
            assert!(used.contains(*key), "`{key}` names no command or option");
        }
    }

    /// The Chinese help of every command is Chinese, and no line of it is
    /// wider than 100 columns (clap counts a Chinese character as one
    /// column: the table's lines are kept short instead).
    #[test]
    fn the_chinese_help_fits_a_terminal() {
        let mut root = translate(super::super::args::Cli::command());
        let mut all = Vec::new();
        walk(&root, &mut all);
        let help = root.render_help().to_string();
        assert!(help.contains("用法：") && help.contains("命令:"), "{help}");
        for command in all {
            let mut command = command;
            let text = command.render_long_help().to_string() + &command.render_help().to_string();
            for line in text.lines() {
                assert!(line.width() <= 100, "too wide:\n{line}");
            }
            for english in ["Usage:", "Options:", "Print help", "[default:", "[possible"] {
                assert!(!text.contains(english), "{english} in\n{text}");
            }
        }
    }
}
