//! Running the real `perfplan` binary from a test, as a user would.

use std::path::Path;
use std::process::Command;

/// Runs perfplan in `dir`: the exit code, standard output and standard
/// error. `NO_COLOR` is cleared so the run does not depend on the caller.
pub fn perfplan_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_perfplan"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("the perfplan binary runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Runs perfplan at the repository's root.
#[allow(dead_code)]
pub fn perfplan(args: &[&str]) -> (i32, String, String) {
    perfplan_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// The keys every line of `--message-format json` has.
#[allow(dead_code)]
pub const JSON_LINE_KEYS: [&str; 10] = [
    "code",
    "severity",
    "message",
    "file",
    "line",
    "column",
    "end_line",
    "end_column",
    "labels",
    "help",
];
