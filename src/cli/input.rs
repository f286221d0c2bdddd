//! Reading the plan's files into a source map.

use super::errors;
use perfplan::diagnostic::Lang;
use perfplan::source::{SourceFile, SourceMap};
use std::path::{Path, PathBuf};

/// Reads every file, in the order given. The first file that cannot be read
/// stops the command: checking half a plan would report false problems.
/// Standard input (`-`) is called `stdin_name` in messages.
pub fn read_all(paths: &[PathBuf], stdin_name: &str, lang: Lang) -> miette::Result<SourceMap> {
    let mut sources = SourceMap::new();
    for path in paths {
        sources.add(read(path, stdin_name, lang)?);
    }
    Ok(sources)
}

/// The largest plan file read, in bytes, unless `PERFPLAN_MAX_BYTES` says
/// otherwise: far above any real plan (a province's is tens of MB), far
/// below what would exhaust memory.
pub const DEFAULT_MAX_BYTES: u64 = 1 << 30;

/// The size limit in force.
fn max_bytes() -> u64 {
    std::env::var("PERFPLAN_MAX_BYTES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(DEFAULT_MAX_BYTES)
}

/// Reads one plan file: a regular file, or standard input when the path is
/// `-`. A FIFO, a device or anything larger than the limit is refused
/// before it is read (a FIFO would block, `/dev/zero` would never end).
/// Standard input is called `stdin_name` in messages and in the file read
/// (`--stdin-filename`; `-` by default).
pub fn read(path: &Path, stdin_name: &str, lang: Lang) -> miette::Result<SourceFile> {
    let is_stdin = path == Path::new("-");
    let name = if is_stdin {
        stdin_name.to_string()
    } else {
        path.display().to_string()
    };
    let limit = max_bytes();
    let io = |e: std::io::Error| errors::cannot_read(&name, &e, lang);
    let bytes = if is_stdin {
        read_limited(std::io::stdin().lock(), limit).map_err(io)?
    } else {
        let meta = std::fs::metadata(path).map_err(io)?;
        if meta.is_dir() {
            return Err(errors::is_directory(&name, lang));
        }
        if !meta.is_file() {
            let why = std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "not a regular file (a FIFO or device is not read; use `-` for standard input)",
            );
            return Err(io(why));
        }
        if meta.len() > limit {
            return Err(io(too_large(limit)));
        }
        let file = std::fs::File::open(path).map_err(io)?;
        read_limited_sized(file, limit, meta.len()).map_err(io)?
    };
    let text = String::from_utf8(bytes)
        .map_err(|e| errors::not_utf8(&name, e.utf8_error().valid_up_to(), lang))?;
    Ok(SourceFile::new(name, text))
}

/// Reads at most `limit` bytes; more is an error, not a truncated plan.
fn read_limited(from: impl std::io::Read, limit: u64) -> std::io::Result<Vec<u8>> {
    read_limited_sized(from, limit, 0)
}

/// [`read_limited`], into room for the `size` bytes the file is said to
/// have: a large plan is read into one buffer of its size, not grown by
/// doubling (which would hold up to twice the plan).
fn read_limited_sized(from: impl std::io::Read, limit: u64, size: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let room = usize::try_from(size.min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(room);
    from.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(limit));
    }
    Ok(bytes)
}

fn too_large(limit: u64) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidData,
        format!("larger than {limit} bytes (set PERFPLAN_MAX_BYTES to read more)"),
    )
}
