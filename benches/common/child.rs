//! Running the release binary as a child and reading what it cost: the
//! wall time and the peak resident size that `wait4` reports. Shared by the
//! benchmarks (`#[path = "common/child.rs"]`).

use std::time::Instant;

/// Runs `perfplan` with `args`, output discarded, and gives its wall time
/// in seconds and peak resident size in bytes, or `None` when it did not
/// exit with a code of at most `max_exit`.
#[expect(
    clippy::zombie_processes,
    reason = "the child is waited for by `wait4`, which also gives its peak"
)]
pub fn measured(args: &[String], max_exit: i32) -> Option<(f64, u64)> {
    let start = Instant::now();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_perfplan"))
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("run perfplan");
    let pid = i32::try_from(child.id()).expect("a pid");
    let mut status = 0;
    // SAFETY: `rusage` is plain data that `wait4` fills; the child is ours
    // and has not been waited for.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let secs = start.elapsed().as_secs_f64();
    let exited = waited == pid && libc::WIFEXITED(status);
    (exited && libc::WEXITSTATUS(status) <= max_exit).then(|| {
        // Linux reports kilobytes.
        (secs, u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024)
    })
}
