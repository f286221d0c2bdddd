//! The application's own errors (unreadable files, unknown codes), shown
//! with miette. Problems in a plan are diagnostics, not these.

use miette::{Diagnostic, MietteHandlerOpts, Report};
use perfplan::diagnostic::Lang;
use perfplan::render::escape::for_terminal;
use thiserror::Error;

/// An error of the command itself, with its message already in the user's
/// language.
#[derive(Debug, Error, Diagnostic)]
#[error("{message}")]
pub struct AppError {
    message: String,
    #[help]
    help: Option<String>,
    #[diagnostic(code)]
    code: &'static str,
}

/// The code of one of our errors (`perfplan::io` …), for JSON output.
pub fn code_of(report: &Report) -> Option<&'static str> {
    report.downcast_ref::<AppError>().map(|e| e.code)
}

/// An error with its message and help; a file name, a revision or git's
/// own words in them are shown, never obeyed (control characters made
/// visible, `perfplan::render::escape`).
fn app_error(code: &'static str, message: String, help: Option<String>) -> Report {
    let shown = |s: &str| for_terminal(s).into_owned();
    Report::new(AppError {
        message: shown(&message),
        help: help.as_deref().map(shown),
        code,
    })
}

fn pick(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

pub fn install_handler(color: bool) {
    let _ = miette::set_hook(Box::new(move |_| {
        Box::new(MietteHandlerOpts::new().color(color).unicode(true).build())
    }));
}

pub fn cannot_read(path: &str, error: &std::io::Error, lang: Lang) -> Report {
    let why = match error.kind() {
        std::io::ErrorKind::NotFound => pick(lang, "文件不存在".into(), "no such file".into()),
        std::io::ErrorKind::PermissionDenied => {
            pick(lang, "没有读取权限".into(), "permission denied".into())
        }
        _ => error.to_string(),
    };
    app_error(
        "perfplan::io",
        pick(
            lang,
            format!("无法读取 `{path}`：{why}"),
            format!("cannot read `{path}`: {why}"),
        ),
        Some(pick(
            lang,
            "检查文件路径和权限".into(),
            "check the path and its permissions".into(),
        )),
    )
}

pub fn is_directory(path: &str, lang: Lang) -> Report {
    app_error(
        "perfplan::io",
        pick(
            lang,
            format!("`{path}` 是目录，不是计划文件"),
            format!("`{path}` is a directory, not a plan file"),
        ),
        Some(pick(
            lang,
            format!("列出其中的文件，如 `{path}/*.plan`"),
            format!("name the files in it, such as `{path}/*.plan`"),
        )),
    )
}

pub fn not_utf8(path: &str, offset: usize, lang: Lang) -> Report {
    app_error(
        "perfplan::encoding",
        pick(
            lang,
            format!("`{path}` 不是 UTF-8 文本：第 {offset} 字节处编码无效"),
            format!("`{path}` is not UTF-8 text: invalid byte at offset {offset}"),
        ),
        Some(pick(
            lang,
            "用文本编辑器以 UTF-8 编码另存（GBK 等编码需先转换）".into(),
            "save the file as UTF-8 (convert it first if it is GBK or another encoding)".into(),
        )),
    )
}

pub fn unknown_code(code: &str, lang: Lang) -> Report {
    app_error(
        "perfplan::explain",
        pick(
            lang,
            format!("没有诊断代码 `{code}`"),
            format!("there is no diagnostic code `{code}`"),
        ),
        Some(pick(
            lang,
            "代码形如 E0103".into(),
            "codes look like E0103".into(),
        )),
    )
}

pub fn output_failed(error: std::io::Error, lang: Lang) -> Report {
    app_error(
        "perfplan::io",
        pick(
            lang,
            format!("无法写出结果：{error}"),
            format!("cannot write the output: {error}"),
        ),
        None,
    )
}

pub fn not_a_lint(code: &str, lang: Lang) -> Report {
    app_error(
        "perfplan::lint",
        pick(
            lang,
            format!("`{code}` 不是可以调整级别的诊断代码"),
            format!("`{code}` is not a lint whose level can be set"),
        ),
        Some(pick(
            lang,
            "只有警告（W 开头的代码，或 warnings 表示全部警告）可以用 -A/-W/-D 调整；错误不能忽略".into(),
            "only warnings (codes starting with W, or `warnings` for all) can be set with -A/-W/-D; errors cannot be allowed".into(),
        )),
    )
}

pub fn cannot_build(lang: Lang) -> Report {
    app_error(
        "perfplan::build",
        pick(
            lang,
            "计划缺少头部或框架，无法生成文档".into(),
            "the plan has no header or no known profile; nothing to build".into(),
        ),
        Some(pick(
            lang,
            "先运行 perfplan check 查看问题".into(),
            "run perfplan check to see why".into(),
        )),
    )
}

pub fn cannot_write(path: &std::path::Path, error: &std::io::Error, lang: Lang) -> Report {
    let path = path.display();
    app_error(
        "perfplan::io",
        pick(
            lang,
            format!("无法写入 `{path}`：{error}"),
            format!("cannot write `{path}`: {error}"),
        ),
        Some(pick(
            lang,
            "检查目录是否存在、是否有写权限".into(),
            "check that the directory exists and is writable".into(),
        )),
    )
}

pub fn diff_arguments(lang: Lang) -> Report {
    app_error(
        "perfplan::diff",
        pick(lang, "diff 需要两个版本：旧 新".into(), "diff takes two versions: OLD NEW".into()),
        Some(pick(
            lang,
            "如 `perfplan diff HEAD~1:plan.plan plan.plan`；作为 git 的外部 diff 命令时加 --git".into(),
            "e.g. `perfplan diff HEAD~1:plan.plan plan.plan`; add --git when git runs it as an external diff".into(),
        )),
    )
}

pub fn git_failed(spec: &str, why: &str, lang: Lang) -> Report {
    app_error(
        "perfplan::git",
        pick(lang, format!("无法从 git 读取 `{spec}`：{why}"), format!("cannot read `{spec}` from git: {why}")),
        Some(pick(
            lang,
            "写作 修订:路径，如 HEAD~1:plan.plan（路径相对于仓库根目录，或以 ./ 开头表示当前目录）".into(),
            "write REV:PATH, e.g. HEAD~1:plan.plan (the path from the repository root, or ./ for the current directory)".into(),
        )),
    )
}

pub fn needs_output(format: &str, lang: Lang) -> Report {
    app_error(
        "perfplan::build",
        pick(
            lang,
            format!("`--to {format}` 生成的是二进制文件，不能输出到终端：请用 -o 指定输出文件"),
            format!(
                "`--to {format}` writes a binary file, not text for the terminal: give the output file with -o"
            ),
        ),
        Some(pick(
            lang,
            format!("例如 perfplan build plan.plan --to {format} -o plan.{format}"),
            format!("for example: perfplan build plan.plan --to {format} -o plan.{format}"),
        )),
    )
}

pub fn cannot_render(format: &str, error: &dyn std::fmt::Display, lang: Lang) -> Report {
    app_error(
        "perfplan::build",
        pick(
            lang,
            format!("无法生成 {format} 文件：{error}"),
            format!("cannot produce the {format} file: {error}"),
        ),
        None,
    )
}

/// A directory that `fmt` could not walk, or an ignore file it could not
/// read; `what` is the walker's own account, which names the path.
pub fn cannot_walk(what: &dyn std::fmt::Display, lang: Lang) -> Report {
    app_error(
        "perfplan::io",
        pick(
            lang,
            format!("查找计划文件时出错：{what}"),
            format!("cannot search for plan files: {what}"),
        ),
        Some(pick(
            lang,
            "检查目录的读取权限，以及 .gitignore、.ignore、.perfplanignore 的写法".into(),
            "check the directory's permissions and the .gitignore, .ignore and .perfplanignore files".into(),
        )),
    )
}

/// A file `perfplan import` cannot read as a Word or Excel plan.
pub fn cannot_import(path: &str, zh: String, en: String, lang: Lang) -> Report {
    app_error(
        "perfplan::import",
        pick(
            lang,
            format!("无法导入 `{path}`：{zh}"),
            format!("cannot import `{path}`: {en}"),
        ),
        Some(pick(
            lang,
            "import 读取 Word (.docx) 和 Excel (.xlsx) 文件".into(),
            "import reads Word (.docx) and Excel (.xlsx) files".into(),
        )),
    )
}

pub fn unknown_framework(name: &str, known: &[&str], lang: Lang) -> Report {
    let known = known.join(", ");
    app_error(
        "perfplan::init",
        pick(
            lang,
            format!("没有内置框架 `{name}`"),
            format!("there is no built-in framework `{name}`"),
        ),
        Some(pick(
            lang,
            format!("可选：{known}"),
            format!("choose one of: {known}"),
        )),
    )
}

pub fn plan_exists(path: &std::path::Path, lang: Lang) -> Report {
    let path = path.display();
    app_error(
        "perfplan::init",
        pick(
            lang,
            format!("`{path}` 已经存在，不会覆盖"),
            format!("`{path}` already exists and is not overwritten"),
        ),
        Some(pick(
            lang,
            "换一个目录，或先移走这个文件".into(),
            "choose another directory, or move the file away first".into(),
        )),
    )
}

/// The language server stopped on a broken connection or message.
pub fn lsp_failed(error: &str, lang: Lang) -> Report {
    app_error(
        "perfplan::lsp",
        pick(
            lang,
            format!("语言服务器出错停止：{error}"),
            format!("the language server stopped: {error}"),
        ),
        Some(pick(
            lang,
            "`perfplan lsp` 由编辑器启动，通过标准输入输出通信".into(),
            "`perfplan lsp` is started by an editor and talks over standard input and output"
                .into(),
        )),
    )
}

pub fn unknown_command(name: &str, known: &[&str], lang: Lang) -> Report {
    let known = known.join(", ");
    app_error(
        "perfplan::man",
        pick(
            lang,
            format!("没有子命令 `{name}`"),
            format!("there is no command `{name}`"),
        ),
        Some(pick(
            lang,
            format!("可选：{known}"),
            format!("choose one of: {known}"),
        )),
    )
}

/// `fmt` writes no SARIF: what it reports is not a plan's diagnostics
/// alone (files that would change), and it may print text on standard
/// output.
pub fn fmt_no_sarif(lang: Lang) -> Report {
    app_error(
        "perfplan::fmt",
        pick(
            lang,
            "`fmt` 不输出 SARIF".into(),
            "`fmt` does not write SARIF".into(),
        ),
        Some(pick(
            lang,
            "用 --message-format human、short、json 或 github；SARIF 请用 `perfplan check`".into(),
            "use --message-format human, short, json or github; for SARIF, use `perfplan check`"
                .into(),
        )),
    )
}
