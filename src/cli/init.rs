//! `perfplan init [DIR]`: writes `DIR/plan.plan`, a starter plan that
//! checks clean (`perfplan::starter`), never over an existing file.

use super::args::InitArgs;
use super::{errors, write};
use perfplan::diagnostic::Lang;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(args: &InitArgs, lang: Lang) -> miette::Result<ExitCode> {
    let year = args.year.unwrap_or_else(next_year);
    let names = perfplan::starter::framework_names();
    let text = perfplan::starter::plan(&args.framework, year)
        .ok_or_else(|| errors::unknown_framework(&args.framework, &names, lang))?;
    // In the canonical layout, with the keywords asked for.
    let options = perfplan::format::Options {
        keywords: Some(Lang::from(args.keywords)),
    };
    let text = perfplan::format::format(&text, options).unwrap_or(text);
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    let path = dir.join("plan.plan");
    if path.symlink_metadata().is_ok() {
        return Err(errors::plan_exists(&path, lang));
    }
    std::fs::create_dir_all(&dir).map_err(|e| errors::cannot_write(&dir, &e, lang))?;
    write::write_atomically(&path, &text).map_err(|e| errors::cannot_write(&path, &e, lang))?;
    let shown = path.display();
    let next = match lang {
        Lang::Zh => {
            format!("已写入 {shown}：填写其中的文字和金额，再运行 perfplan check {shown}\n")
        }
        Lang::En => {
            format!(
                "wrote {shown}: fill in its texts and amounts, then run perfplan check {shown}\n"
            )
        }
    };
    eprint!("{}", perfplan::render::escape::for_terminal(&next));
    Ok(ExitCode::SUCCESS)
}

/// Next calendar year (UTC): plans are written the year before the
/// budget year.
fn next_year() -> u16 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let (year, _, _) = perfplan::values::date::civil_from_days(days);
    u16::try_from(year).unwrap_or(u16::MAX).saturating_add(1)
}
