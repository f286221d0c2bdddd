//! Reading the plan's files into a source map.

use super::errors;
use perfplan::diagnostic::Lang;
use perfplan::source::{SourceFile, SourceMap};
use std::path::{Path, PathBuf};

/// Reads every file, in the order given. The first file that cannot be read
/// stops the command: checking half a plan would report false problems.
pub fn read_all(paths: &[PathBuf], lang: Lang) -> miette::Result<SourceMap> {
    let mut sources = SourceMap::new();
    for path in paths {
        sources.add(read(path, lang)?);
    }
    Ok(sources)
}

pub fn read(path: &Path, lang: Lang) -> miette::Result<SourceFile> {
    let name = path.display().to_string();
    if path.is_dir() {
        return Err(errors::is_directory(&name, lang));
    }
    let bytes = std::fs::read(path).map_err(|e| errors::cannot_read(&name, &e, lang))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| errors::not_utf8(&name, e.utf8_error().valid_up_to(), lang))?;
    Ok(SourceFile::new(name, text))
}
