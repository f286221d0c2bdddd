//! `perfplan diff OLD NEW`: the semantic difference of two plan versions.
//!
//! Exit codes as `diff`: 0 when there is no semantic difference, 1 when
//! there is, 2 when a version cannot be read or does not parse. As git's
//! external diff command (`--git`), it always exits 0.

use super::args::{Cli, DiffArgs, DiffFormat};
use super::{errors, report};
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
    let (old, new) = match (args.git, args.sides.as_slice()) {
        (true, [path, old, _, _, new, _, _]) => {
            return run_git(path, old, new, args, cli, lang, color);
        }
        (false, [old, new]) => (old, new),
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
fn run_git(
    path: &str,
    old: &str,
    new: &str,
    args: &DiffArgs,
    cli: &Cli,
    lang: Lang,
    color: bool,
) -> miette::Result<ExitCode> {
    super::print_out(&format!("perfplan diff {path}\n"), lang)?;
    if old == "/dev/null" || new == "/dev/null" {
        let what = match (old == "/dev/null", lang) {
            (true, Lang::Zh) => "新文件",
            (true, Lang::En) => "new file",
            (false, Lang::Zh) => "文件已删除",
            (false, Lang::En) => "file deleted",
        };
        super::print_out(&format!("{what}\n"), lang)?;
        return Ok(ExitCode::SUCCESS);
    }
    if let (Some(old), Some(new)) = (load(old, cli, lang, color)?, load(new, cli, lang, color)?) {
        print(&diff(&old, &new), args.format, lang, color)?;
    }
    Ok(ExitCode::SUCCESS)
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
    let mut sources = SourceMap::new();
    sources.add(file);
    let checked = check(&sources, &Options::default());
    let plan = if checked.parsed_whole {
        model::resolve(&Ctx::new(&checked.files))
    } else {
        None
    };
    if plan.is_none() {
        report(
            &sources,
            &checked.diagnostics,
            cli.message_format,
            lang,
            color,
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
