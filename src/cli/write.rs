//! Writing a file the user named (`fmt` in place, `build -o`), safely.
//!
//! What is written how:
//! - a temporary file beside the target is written, synced and renamed over
//!   it, so readers see the old file or the new one, never half of one, and
//!   a failed run leaves the target as it was;
//! - an existing file keeps its permissions (and its owner and group where
//!   the process may set them); a new file gets `0666` less the umask, as
//!   any editor's;
//! - a symbolic link is written *through*: the file it points to is
//!   replaced and the link stays a link;
//! - a file with several hard links is rewritten in place (truncated and
//!   written), so that every link still shows the same file;
//! - a read-only file, a directory, a device, a FIFO or a socket is never
//!   written: the error says why;
//! - a run stopped by SIGINT, SIGTERM or SIGHUP while the temporary file
//!   exists removes it before it ends (`cleanup.rs`), so the target is as
//!   it was and nothing is left beside it.

use std::fs::{self, Metadata, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` as described in the module's documentation.
pub(crate) fn write_atomically(path: &Path, bytes: impl AsRef<[u8]>) -> io::Result<()> {
    write_atomically_with(path, |out| out.write_all(bytes.as_ref()))
}

/// [`write_atomically`], with the content written by `write`.
pub(crate) fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let target = through_links(path)?;
    let existing = match fs::metadata(&target) {
        Ok(meta) => Some(writable(&meta)?),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if existing.as_ref().is_some_and(|m| m.nlink() > 1) {
        return write_in_place(&target, write);
    }
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // Each name tried is registered for the signal handler before the file
    // is created; dropped after `out` (declared before it), the guard
    // forgets the file only once it has been renamed or removed.
    let mut pending = super::cleanup::Pending::new();
    let tmp = tempfile::Builder::new()
        .prefix(".perfplan-")
        .make_in(dir, |candidate| {
            pending.set(candidate);
            create_new(candidate)
        })?;
    let mut out = io::BufWriter::new(tmp);
    write(&mut out)?;
    let tmp = out.into_inner().map_err(|e| e.into_error())?;
    if let Some(meta) = &existing {
        keep_owner_and_mode(tmp.as_file(), meta)?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

/// Creates a new file for writing, `0666` less the umask (tempfile's own
/// would be private to its writer, `0600`).
fn create_new(path: &Path) -> io::Result<fs::File> {
    fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .mode(0o666)
        .open(path)
}

/// The file a path names, following symbolic links (a dangling link names
/// the file it points to, which is then created).
fn through_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// The metadata of an existing target, if it may be replaced.
fn writable(meta: &Metadata) -> io::Result<Metadata> {
    if !meta.file_type().is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file (a directory, device, FIFO or socket is never overwritten)",
        ));
    }
    if meta.permissions().readonly() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only; make it writable first (chmod u+w) if it is to be changed",
        ));
    }
    Ok(meta.clone())
}

/// Gives the new file the old one's permissions, owner and group (the
/// owner only where the process may: a user cannot give a file away).
fn keep_owner_and_mode(file: &fs::File, meta: &Metadata) -> io::Result<()> {
    let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
    let _ = std::os::unix::fs::fchown(file, None, Some(meta.gid()));
    file.set_permissions(Permissions::from_mode(meta.mode() & 0o7777))
}

/// Rewrites a hard-linked file in place, so that its links keep sharing
/// it: the content is produced first, so a failure to produce it leaves
/// the file untouched.
fn write_in_place(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut content = Vec::new();
    write(&mut content)?;
    let mut file = fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(path)?;
    file.write_all(&content)?;
    file.sync_all()
}

/// Whether `output` names one of `inputs` (the same file, by any path).
pub(crate) fn is_one_of(output: &Path, inputs: &[PathBuf]) -> bool {
    let Ok(out) = fs::canonicalize(output) else {
        return false;
    };
    inputs
        .iter()
        .any(|i| fs::canonicalize(i).is_ok_and(|i| i == out))
}
