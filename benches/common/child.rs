//! Running a program as a child process and reading what it cost: its wall
//! time, and the CPU time (user and system) and peak resident size that
//! `wait4` reports. Shared by the benchmarks (`#[path = "common/child.rs"]`).
//!
//! Linux counts a process's size before `exec` in the child's peak, so a
//! benchmark that holds large plans in memory does not start the child
//! itself: [`run`] starts a fresh, small copy of the benchmark as a
//! launcher (the argument [`LAUNCH`]), which starts the child, waits for it
//! and prints its [`Cost`]. A benchmark's `main` hands its arguments to
//! [`launch`] when it finds [`LAUNCH`] among them.

use std::ffi::{OsStr, OsString};
use std::process::{Command, Stdio};
use std::time::Instant;

/// The argument that makes a benchmark a launcher: `LAUNCH MAX_EXIT
/// PROGRAM ARGS…`.
pub const LAUNCH: &str = "--peak-of";

/// What one run of a child cost.
#[derive(Clone, Copy, Debug)]
pub struct Cost {
    /// Wall time from the start to the end of the child, in seconds.
    pub wall: f64,
    /// CPU time, user and system, of the child and its threads, in seconds.
    pub cpu: f64,
    /// Peak resident size, in bytes.
    pub peak: u64,
}

impl Cost {
    /// The cost as the launcher prints it: `WALL CPU PEAK`.
    fn line(&self) -> String {
        format!("{} {} {}", self.wall, self.cpu, self.peak)
    }

    /// The cost a launcher printed.
    fn parse(line: &str) -> Option<Cost> {
        let mut fields = line.split_whitespace();
        Some(Cost {
            wall: fields.next()?.parse().ok()?,
            cpu: fields.next()?.parse().ok()?,
            peak: fields.next()?.parse().ok()?,
        })
    }
}

/// The path of the `perfplan` binary the benchmarks measure.
pub fn perfplan() -> &'static OsStr {
    OsStr::new(env!("CARGO_BIN_EXE_perfplan"))
}

/// Runs `program` with `args` through a launcher, with the variables
/// `envs` added to its environment, and gives what it cost; `None` when
/// it did not exit with a code of at most `max_exit`.
pub fn run(
    program: &OsStr,
    args: &[OsString],
    envs: &[(&str, &str)],
    max_exit: i32,
) -> Option<Cost> {
    let me = std::env::current_exe().expect("the benchmark's path");
    let output = Command::new(me)
        .arg(LAUNCH)
        .arg(max_exit.to_string())
        .arg(program)
        .args(args)
        .envs(envs.iter().copied())
        .stdin(Stdio::null())
        .output()
        .expect("run the benchmark as a launcher");
    Cost::parse(&String::from_utf8_lossy(&output.stdout))
}

/// As a launcher (`args` are what follows [`LAUNCH`]): runs the program,
/// waits for it and prints its cost, or nothing when it failed.
pub fn launch(args: &[String]) {
    let [max_exit, program, args @ ..] = args else {
        panic!("usage: {LAUNCH} MAX_EXIT PROGRAM ARGS…");
    };
    let max_exit = max_exit.parse().expect("MAX_EXIT is a number");
    if let Some(cost) = measured(OsStr::new(program), args, max_exit) {
        println!("{}", cost.line());
    }
}

/// Runs `program` with `args` as a child of this process, output
/// discarded, and gives what it cost, or `None` when it did not exit with
/// a code of at most `max_exit`.
#[expect(
    clippy::zombie_processes,
    reason = "the child is waited for by `wait4`, which also gives its costs"
)]
fn measured(program: &OsStr, args: &[String], max_exit: i32) -> Option<Cost> {
    let start = Instant::now();
    let child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run the program");
    let pid = i32::try_from(child.id()).expect("a pid");
    let mut status = 0;
    // SAFETY: `rusage` is plain data that `wait4` fills; the child is ours
    // and has not been waited for.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed().as_secs_f64();
    let exited = waited == pid && libc::WIFEXITED(status);
    (exited && libc::WEXITSTATUS(status) <= max_exit).then(|| Cost {
        wall,
        cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime),
        // Linux reports kilobytes.
        peak: u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024,
    })
}

fn seconds(t: libc::timeval) -> f64 {
    t.tv_sec as f64 + t.tv_usec as f64 / 1e6
}

/// The median of the values `key` takes on `costs`.
pub fn median(costs: &[Cost], key: impl Fn(&Cost) -> f64) -> f64 {
    let mut values: Vec<f64> = costs.iter().map(key).collect();
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}
