//! Removing an unfinished output file when the process is stopped.
//!
//! While `write.rs` writes a temporary file beside its target (`build -o`,
//! `fmt` in place), the file's path is kept here as a C string. On SIGINT,
//! SIGTERM or SIGHUP the handler removes it and then ends the process as
//! the signal would have (the shell sees 128 + the signal's number), so a
//! stopped run leaves neither a `.perfplan-*` file nor a half-written
//! target.
//!
//! The handler does only what is safe in a signal handler: an atomic swap
//! (which takes the path, so the writer never frees it under the handler),
//! `unlink`, and signal-hook's re-raise with the default action. The
//! handlers are installed once, before the first temporary file is made,
//! and a path is registered before its file is created, so a signal never
//! finds the file there unregistered; a signal the process was started
//! ignoring (`nohup`) stays ignored.

use libc::{SIGHUP, SIGINT, SIGTERM, c_char, c_int};
use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::ptr;
use std::sync::Once;
use std::sync::atomic::{AtomicPtr, Ordering};

/// The temporary file being written (a `CString` turned into a raw
/// pointer), or null.
static PENDING: AtomicPtr<c_char> = AtomicPtr::new(ptr::null_mut());

/// The signals that end the process and would leave the file behind.
const SIGNALS: [c_int; 3] = [SIGINT, SIGTERM, SIGHUP];

/// The temporary file of one write, removed if a signal stops the
/// process while the guard lives.
pub(crate) struct Pending(());

impl Pending {
    /// Installs the handlers (once per process); no file is registered yet.
    pub(crate) fn new() -> Pending {
        install_handlers();
        Pending(())
    }

    /// Registers `path` *before* the file is created, so that the file is
    /// never there unregistered (the handler's `unlink` of a path not yet
    /// created does nothing).
    pub(crate) fn set(&mut self, path: &Path) {
        if let Ok(c_path) = CString::new(path.as_os_str().as_bytes()) {
            free(PENDING.swap(c_path.into_raw(), Ordering::SeqCst));
        }
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        free(PENDING.swap(ptr::null_mut(), Ordering::SeqCst));
    }
}

/// Frees a path taken out of [`PENDING`].
fn free(path: *mut c_char) {
    if !path.is_null() {
        // SAFETY: every non-null pointer in PENDING comes from
        // `CString::into_raw`, and the swap that took it out made this the
        // only owner.
        drop(unsafe { CString::from_raw(path) });
    }
}

/// Installs the handler for each signal not already ignored, once.
fn install_handlers() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        for signal in SIGNALS {
            if is_ignored(signal) {
                continue;
            }
            // SAFETY: `on_signal` is async-signal-safe (see there).
            let _ = unsafe { signal_hook::low_level::register(signal, move || on_signal(signal)) };
        }
    });
}

/// The handler: removes the pending file and ends the process as the
/// signal's default action would. Async-signal-safe: no allocation, no
/// lock; an atomic swap, `unlink(2)` and `raise` only.
fn on_signal(signal: c_int) {
    let path = PENDING.swap(ptr::null_mut(), Ordering::SeqCst);
    if !path.is_null() {
        // SAFETY: a valid C string, now owned by the handler and never freed.
        unsafe { libc::unlink(path) };
    }
    let _ = signal_hook::low_level::emulate_default_handler(signal);
}

/// Whether the process was started with `signal` ignored (`nohup` ignores
/// SIGHUP, a shell's background job SIGINT): such a signal stays ignored.
fn is_ignored(signal: c_int) -> bool {
    // SAFETY: a query (null new action) into a zeroed `sigaction`.
    unsafe {
        let mut current: libc::sigaction = std::mem::zeroed();
        libc::sigaction(signal, ptr::null(), &mut current) == 0
            && current.sa_sigaction == libc::SIG_IGN
    }
}
