//! `perfplan import FILE.docx|FILE.xlsx [-o OUT.plan | -o DIR/]`: the plan
//! as filed, as plan text; a summary of what was read on standard error.

use super::args::ImportArgs;
use super::errors;
use perfplan::diagnostic::Lang;
use perfplan::import::{self, Summary};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The largest file import reads (the same variable as plans).
fn max_bytes() -> u64 {
    std::env::var("PERFPLAN_MAX_BYTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1 << 30)
}

pub fn run(a: &ImportArgs, lang: Lang) -> miette::Result<ExitCode> {
    let name = a.file.display().to_string();
    let bytes = read(&a.file, lang)?;
    let file_name = a
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.clone());
    let imported = import::import(&bytes, &file_name).map_err(|e| {
        let (zh, en) = e.messages();
        errors::cannot_import(&name, zh, en, lang)
    })?;
    match &a.output {
        None => super::print_out(&imported.text, lang)?,
        Some(out) => {
            let path = output_path(out, &a.file);
            super::write::write_atomically(&path, &imported.text)
                .map_err(|e| errors::cannot_write(&path, &e, lang))?;
        }
    }
    eprintln!("{}", summary_line(&name, &imported.summary, lang));
    Ok(ExitCode::SUCCESS)
}

/// A regular file, read whole up to the size limit.
fn read(path: &Path, lang: Lang) -> miette::Result<Vec<u8>> {
    let name = path.display().to_string();
    let io = |e: std::io::Error| errors::cannot_read(&name, &e, lang);
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(errors::is_directory(&name, lang));
    }
    let limit = max_bytes();
    if !meta.is_file() || meta.len() > limit {
        let why = std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("not a regular file of at most {limit} bytes"),
        );
        return Err(io(why));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .map_err(io)?
        .take(limit)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    Ok(bytes)
}

/// `-o DIR/` (or an existing directory) writes `DIR/NAME.plan`.
fn output_path(out: &Path, input: &Path) -> PathBuf {
    let is_dir = out.is_dir() || out.as_os_str().to_string_lossy().ends_with('/');
    if !is_dir {
        return out.to_path_buf();
    }
    let stem = input.file_stem().unwrap_or_default();
    out.join(Path::new(stem).with_extension("plan"))
}

fn summary_line(name: &str, s: &Summary, lang: Lang) -> String {
    let name = perfplan::render::escape::for_terminal(name);
    match lang {
        Lang::Zh => format!(
            "已导入 {name}：{} 个表格，{} 个项目，{} 个指标；{} 处保留为注释",
            s.tables, s.projects, s.indicators, s.kept_as_comments
        ),
        Lang::En => format!(
            "imported {name}: {} tables, {} projects, {} indicators; {} cells kept as comments",
            s.tables, s.projects, s.indicators, s.kept_as_comments
        ),
    }
}
