//! `perfplan diff OLD NEW`: the semantic difference of two plan versions.
//!
//! Exit codes as `diff`: 0 when there is no semantic difference, 1 when
//! there is, 2 when a version cannot be read or does not parse. As git's
//! external diff command (`--git`), it always exits 0.

use super::args::{Cli, DiffArgs, DiffFormat};
use super::{Stream, errors, report_to};
use perfplan::check::{Options, check};
use perfplan::diagnostic::Lang;
use perfplan::diff::{diff, render_human, render_json, render_markdown};
use perfplan::model::{self, Plan};
use perfplan::sema::Ctx;
use perfplan::source::{SourceFile, SourceMap};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

pub fn run(args: &DiffArgs, cli: &Cli, lang: Lang, color: bool) -> miette::Result<ExitCode> {
    let (old, new) = match (args.git, args.textconv, args.sides.as_slice()) {
        (true, _, [path, old, _, _, new, _, _]) => {
            return run_git(path, old, new, args, cli, lang, color);
        }
        (_, true, [file]) => return textconv(file, cli, lang),
        (false, false, [old, new]) => (old, new),
        _ => return Err(errors::diff_arguments(lang)),
    };
    let (Some(old), Some(new)) = (load(old, cli, lang, color)?, load(new, cli, lang, color)?)
    else {
        return Ok(ExitCode::from(2));
    };
    let changes = diff(&old, &new);
    print(&changes, args.format, lang, color)?;
    Ok(if changes.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// As git's external diff: `path old-file old-hex old-mode new-file
/// new-hex new-mode`; `/dev/null` stands for a file that does not exist.
/// A change is never swallowed: when a version cannot be read or does not
/// parse (or the file is new or deleted), its diagnostics go to standard
/// error and the change is shown as a line diff, and git goes on.
fn run_git(
    path: &str,
    old: &str,
    new: &str,
    args: &DiffArgs,
    cli: &Cli,
    lang: Lang,
    color: bool,
) -> miette::Result<ExitCode> {
    super::print_out(&format!("perfplan diff {}\n", shown(path)), lang)?;
    let old_text = git_side(old, lang);
    let new_text = git_side(new, lang);
    let plans = match (&old_text, &new_text) {
        (Some(o), Some(n)) => (
            resolve_or_report(SourceFile::new(old, o.clone()), cli, lang, color)?,
            resolve_or_report(SourceFile::new(new, n.clone()), cli, lang, color)?,
        ),
        _ => (None, None),
    };
    if let (Some(old_plan), Some(new_plan)) = plans {
        print(&diff(&old_plan, &new_plan), args.format, lang, color)?;
        return Ok(ExitCode::SUCCESS);
    }
    let old_text = old_text.unwrap_or_default();
    let new_text = new_text.unwrap_or_default();
    super::print_out(&line_diff(path, &old_text, &new_text, lang), lang)?;
    Ok(ExitCode::SUCCESS)
}

/// One side of git's arguments as text: `None` for `/dev/null` (no file),
/// the file's bytes otherwise; a file that cannot be read is said on
/// standard error and taken as empty, so that the diff still shows.
fn git_side(path: &str, lang: Lang) -> Option<String> {
    if path == "/dev/null" {
        return None;
    }
    match std::fs::read(path) {
        Ok(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
        Err(e) => {
            eprintln!("{:?}", errors::cannot_read(path, &e, lang));
            Some(String::new())
        }
    }
}

/// The changes as lines, as `diff -u` shows them, with a first line that
/// says why this is not the semantic summary.
fn line_diff(path: &str, old: &str, new: &str, lang: Lang) -> String {
    let why = match lang {
        Lang::Zh => "（一个版本无法读取或有语法错误，或文件是新增、删除的：按行显示差异）",
        Lang::En => {
            "(a version could not be read or parsed, or the file is new or deleted: the change as lines)"
        }
    };
    let diff = similar::TextDiff::from_lines(old, new);
    let unified = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string();
    shown(&format!("{why}\n{unified}")).into_owned()
}

/// As git's text converter (`diff.perfplan.textconv`): the file in the
/// canonical layout with Chinese keywords, so that layout and keyword
/// language make no difference in `git diff` and `git log -p`. A version
/// that does not parse is printed as it is, its diagnostics on standard
/// error: git then shows its change line by line instead of failing
/// (`fatal: unable to read files to diff`).
fn textconv(file: &str, cli: &Cli, lang: Lang) -> miette::Result<ExitCode> {
    let source = super::input::read(Path::new(file), cli.stdin_name(), lang)?;
    let options = perfplan::format::Options {
        keywords: Some(Lang::Zh),
    };
    let text = match perfplan::format::format(&source.text, options) {
        Ok(formatted) => formatted,
        Err(diagnostics) => {
            let short = perfplan::render::Style::Short;
            let mut sources = SourceMap::new();
            sources.add(source.clone());
            let shown = perfplan::render::render_human(&sources, &diagnostics, lang, short);
            eprint!("{shown}");
            source.text
        }
    };
    super::print_out(&text, lang)?;
    Ok(ExitCode::SUCCESS)
}

/// The text as it may reach a terminal (`perfplan::render::escape`).
fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    perfplan::render::escape::for_terminal(text)
}

fn print(
    changes: &perfplan::diff::PlanDiff,
    format: DiffFormat,
    lang: Lang,
    color: bool,
) -> miette::Result<()> {
    let text = match format {
        DiffFormat::Human => render_human(changes, lang, color && std::io::stdout().is_terminal()),
        DiffFormat::Md => render_markdown(changes, lang),
        DiffFormat::Json => render_json(changes),
    };
    super::print_out(&text, lang)
}

/// Reads one version and resolves it. A version with syntax errors (or
/// without a header) shows its diagnostics and gives `None`.
fn load(spec: &str, cli: &Cli, lang: Lang, color: bool) -> miette::Result<Option<Plan>> {
    let file = read_version(spec, cli.stdin_name(), lang)?;
    resolve_or_report(file, cli, lang, color)
}

/// Resolves one version's text, or shows its diagnostics (on standard
/// error in JSON too: standard output carries the diff) and gives `None`.
fn resolve_or_report(
    file: SourceFile,
    cli: &Cli,
    lang: Lang,
    color: bool,
) -> miette::Result<Option<Plan>> {
    let mut sources = SourceMap::new();
    sources.add(file);
    let checked = check(&sources, &Options::default());
    let plan = if checked.parsed_whole {
        model::resolve(&Ctx::new(&checked.files))
    } else {
        None
    };
    if plan.is_none() {
        let format = cli.message_format;
        report_to(
            &sources,
            &checked.diagnostics,
            format,
            lang,
            color,
            Stream::Stderr,
        )?;
    }
    Ok(plan)
}

/// A file (standard input, `-`, is called `stdin_name`), or `REV:PATH`
/// read with `git show`.
fn read_version(spec: &str, stdin_name: &str, lang: Lang) -> miette::Result<SourceFile> {
    if Path::new(spec).exists() || !spec.contains(':') {
        return super::input::read(Path::new(spec), stdin_name, lang);
    }
    // A revision is never an option: `--output=FILE:x` would make git write
    // FILE. Refused here, and `--end-of-options` keeps git from reading one.
    if spec.starts_with('-') {
        return Err(errors::git_failed(
            spec,
            "a revision cannot start with `-`",
            lang,
        ));
    }
    let output = std::process::Command::new("git")
        .args(["show", "--end-of-options", spec])
        .output()
        .map_err(|e| errors::git_failed(spec, &e.to_string(), lang))?;
    if !output.status.success() {
        let why = String::from_utf8_lossy(&output.stderr).trim().to_string();
        return Err(errors::git_failed(spec, &why, lang));
    }
    let text = String::from_utf8(output.stdout)
        .map_err(|e| errors::not_utf8(spec, e.utf8_error().valid_up_to(), lang))?;
    Ok(SourceFile::new(spec, text))
}
