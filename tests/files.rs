//! Writing files safely (issue 14, "Writing files"): `fmt` in place and
//! `build -o` keep a file's mode, write through symbolic links, keep hard
//! links, and never write over a read-only file, a special file or the
//! plan itself. Safe surroundings: `fmt`'s directory walk (no symbolic
//! links followed, ignore files, nothing stops it), a signal removes the
//! temporary output file, `--stdin-filename`, and `fmt`'s JSON lines.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

#[path = "common/cli.rs"]
mod cli;

#[allow(dead_code)]
#[path = "../examples/gen.rs"]
mod generator;
use cli::perfplan_in;
use cli::perfplan_in as run;

/// A plan that checks clean but is not in the canonical layout.
const UNFORMATTED: &str = "计划 2022 \"x\" {\n预算单位 1 \"u\"\n}\n项目 a \"项目\" {\n预算单位 1\n资金 10.00（财政 10.00）\n支出计划 12月底 100%\n目标 \"完成全年任务不少于10项\"\n产出.数量 \"任务数\" ≥ 10项\n产出.成本 \"成本\" ≤ 10.00万元\n满意度.服务对象满意度 \"满意度\" ≥ 90%\n}\n";

fn plan_in(dir: &Path, name: &str, mode: u32) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, UNFORMATTED).expect("writable");
    fs::set_permissions(&path, fs::Permissions::from_mode(mode)).expect("chmod");
    path
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).expect("exists").mode() & 0o777
}

/// `build plan.plan --to json -o OUTPUT` in `dir`, messages in English.
fn build_json_to(dir: &Path, output: &str) -> (i32, String, String) {
    let args = [
        "build",
        "plan.plan",
        "--to",
        "json",
        "-o",
        output,
        "--lang",
        "en",
    ];
    perfplan_in(dir, &args)
}

#[test]
fn fmt_keeps_the_file_mode() {
    let dir = tempfile::tempdir().expect("a directory");
    for m in [0o644, 0o664, 0o640] {
        let path = plan_in(dir.path(), "plan.plan", m);
        let (code, _, stderr) = run(dir.path(), &["fmt", "plan.plan"]);
        assert_eq!(code, 0, "{stderr}");
        assert_ne!(
            fs::read_to_string(&path).expect("readable"),
            UNFORMATTED,
            "formatted"
        );
        assert_eq!(mode(&path), m, "the mode of a {m:o} file is kept");
    }
}

#[test]
fn build_output_keeps_an_existing_mode_and_a_new_file_follows_the_umask() {
    let dir = tempfile::tempdir().expect("a directory");
    plan_in(dir.path(), "plan.plan", 0o644);
    let out = dir.path().join("plan.json");
    let (code, _, stderr) = run(
        dir.path(),
        &["build", "plan.plan", "--to", "json", "-o", "plan.json"],
    );
    assert_eq!(code, 0, "{stderr}");
    // A new file is not private to its writer (tempfile's 0600).
    assert_ne!(
        mode(&out) & 0o044,
        0,
        "readable by others as the umask allows: {:o}",
        mode(&out)
    );
    fs::set_permissions(&out, fs::Permissions::from_mode(0o664)).expect("chmod");
    let (code, _, _) = run(
        dir.path(),
        &["build", "plan.plan", "--to", "json", "-o", "plan.json"],
    );
    assert_eq!(code, 0);
    assert_eq!(mode(&out), 0o664);
}

#[test]
fn fmt_refuses_a_read_only_file() {
    let dir = tempfile::tempdir().expect("a directory");
    let path = plan_in(dir.path(), "plan.plan", 0o444);
    let (code, _, stderr) = run(dir.path(), &["fmt", "plan.plan", "--lang", "en"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("read-only"), "{stderr}");
    assert_eq!(fs::read_to_string(&path).expect("readable"), UNFORMATTED);
}

#[test]
fn fmt_writes_through_a_symbolic_link() {
    let dir = tempfile::tempdir().expect("a directory");
    let real = plan_in(dir.path(), "real.plan", 0o644);
    let link = dir.path().join("link.plan");
    std::os::unix::fs::symlink("real.plan", &link).expect("symlink");
    let (code, _, stderr) = run(dir.path(), &["fmt", "link.plan"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        fs::symlink_metadata(&link)
            .expect("exists")
            .file_type()
            .is_symlink(),
        "still a link"
    );
    assert_ne!(
        fs::read_to_string(&real).expect("readable"),
        UNFORMATTED,
        "the target is formatted"
    );
}

#[test]
fn fmt_keeps_hard_links() {
    let dir = tempfile::tempdir().expect("a directory");
    let first = plan_in(dir.path(), "first.plan", 0o644);
    let second = dir.path().join("second.plan");
    fs::hard_link(&first, &second).expect("hard link");
    let (code, _, stderr) = run(dir.path(), &["fmt", "first.plan"]);
    assert_eq!(code, 0, "{stderr}");
    let a = fs::metadata(&first).expect("exists");
    let b = fs::metadata(&second).expect("exists");
    assert_eq!(
        (a.ino(), a.nlink()),
        (b.ino(), 2),
        "still one file with two links"
    );
    assert_ne!(fs::read_to_string(&second).expect("readable"), UNFORMATTED);
}

#[test]
fn build_refuses_to_overwrite_the_plan_or_a_special_file() {
    let dir = tempfile::tempdir().expect("a directory");
    plan_in(dir.path(), "plan.plan", 0o644);
    let (code, _, stderr) = build_json_to(dir.path(), "./plan.plan");
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("one of the plan's own files"), "{stderr}");
    assert_eq!(
        fs::read_to_string(dir.path().join("plan.plan")).expect("readable"),
        UNFORMATTED
    );

    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let (code, _, stderr) = build_json_to(dir.path(), "pipe");
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains("not a regular file"), "{stderr}");
        assert!(
            !fs::metadata(&fifo).expect("exists").file_type().is_file(),
            "still a FIFO"
        );
    }
}

#[test]
fn build_output_dash_is_standard_output() {
    let dir = tempfile::tempdir().expect("a directory");
    plan_in(dir.path(), "plan.plan", 0o644);
    let (code, stdout, stderr) = run(
        dir.path(),
        &["build", "plan.plan", "--to", "json", "-o", "-"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with('{'), "{stdout}");
    assert!(!dir.path().join("-").exists());
}

#[test]
fn diff_never_passes_a_revision_as_an_option_to_git() {
    let dir = tempfile::tempdir().expect("a directory");
    plan_in(dir.path(), "plan.plan", 0o644);
    let (code, _, stderr) = run(
        dir.path(),
        &[
            "diff",
            "--lang",
            "en",
            "--",
            "--output=written:x",
            "plan.plan",
        ],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("cannot start with"), "{stderr}");
    assert!(!dir.path().join("written").exists(), "git wrote a file");
}

/// Runs perfplan with standard output going to `stdout` (a closed pipe,
/// `/dev/full`): its exit code and standard error.
fn run_into(args: &[&str], stdout: std::process::Stdio) -> (i32, String) {
    let (code, _, stderr) = spawn(Path::new(env!("CARGO_MANIFEST_DIR")), args, "", &[], stdout);
    (code, stderr)
}

#[test]
fn a_closed_pipe_ends_the_output_quietly_and_a_full_disk_is_an_error() {
    let commands: [&[&str]; 3] = [
        &["schema"],
        &["explain", "E0310"],
        &["fmt", "--stdout", "examples/school-repair-2024.plan"],
    ];
    for args in commands {
        // A reader that has gone: the pipe's read end is closed at once.
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let (code, stderr) = run_into(args, writer.into());
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        if Path::new("/dev/full").exists() {
            let full = fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .expect("/dev/full");
            let mut with_lang = args.to_vec();
            with_lang.extend(["--lang", "en"]);
            let (code, stderr) = run_into(&with_lang, full.into());
            assert_eq!(code, 2, "{args:?}: {stderr}");
            assert!(
                stderr.contains("cannot write the output"),
                "{args:?}: {stderr}"
            );
        }
    }
}

/// Runs perfplan with `input` on standard input and `env` set.
fn run_with(dir: &Path, args: &[&str], input: &str, env: &[(&str, &str)]) -> (i32, String, String) {
    spawn(dir, args, input, env, std::process::Stdio::piped())
}

/// Runs perfplan in `dir` with `input` on standard input, `env` set and
/// standard output going to `stdout`: exit code, output (when piped),
/// standard error.
fn spawn(
    dir: &Path,
    args: &[&str],
    input: &str,
    env: &[(&str, &str)],
    stdout: std::process::Stdio,
) -> (i32, String, String) {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_perfplan"))
        .args(args)
        .current_dir(dir)
        .envs(env.iter().copied())
        .stdin(std::process::Stdio::piped())
        .stdout(stdout)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(input.as_bytes());
    }
    let output = child.wait_with_output().expect("it ends");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn only_regular_files_and_standard_input_are_read_within_a_limit() {
    let dir = tempfile::tempdir().expect("a directory");
    plan_in(dir.path(), "plan.plan", 0o644);
    // `-` is standard input, for check and fmt.
    let (code, _, stderr) = run_with(dir.path(), &["check", "-"], UNFORMATTED, &[]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, stderr) = run_with(dir.path(), &["fmt", "-"], UNFORMATTED, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("  预算单位 1 \"u\""),
        "formatted to stdout: {stdout}"
    );
    // A device is refused before it is read (`/dev/zero` never ends).
    let (code, _, stderr) = run_with(dir.path(), &["check", "/dev/zero", "--lang", "en"], "", &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("not a regular file"), "{stderr}");
    // A FIFO is refused, not waited on.
    let fifo = dir.path().join("pipe.plan");
    if std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        let (code, _, stderr) =
            run_with(dir.path(), &["check", "pipe.plan", "--lang", "en"], "", &[]);
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains("not a regular file"), "{stderr}");
    }
    // The size limit, from the environment; larger files are refused whole.
    let limit = [("PERFPLAN_MAX_BYTES", "100")];
    let (code, _, stderr) = run_with(
        dir.path(),
        &["check", "plan.plan", "--lang", "en"],
        "",
        &limit,
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("larger than 100 bytes"), "{stderr}");
    let (code, _, stderr) = run_with(
        dir.path(),
        &["check", "-", "--lang", "en"],
        UNFORMATTED,
        &limit,
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("larger than 100 bytes"), "{stderr}");
}

/// A directory `root` holding the files `names`, each an unformatted plan.
fn plans_in(root: &Path, names: &[&str]) {
    for name in names {
        let path = root.join(name);
        fs::create_dir_all(path.parent().expect("a parent")).expect("a directory");
        fs::write(&path, UNFORMATTED).expect("writable");
    }
}

/// The lines of standard output.
fn lines(stdout: &str) -> Vec<&str> {
    stdout.lines().collect()
}

#[test]
fn fmt_walks_a_symbolic_link_loop_once() {
    let dir = tempfile::tempdir().expect("a directory");
    plans_in(dir.path(), &["a.plan", "sub/b.plan"]);
    std::os::unix::fs::symlink(".", dir.path().join("self")).expect("symlink");
    std::os::unix::fs::symlink("..", dir.path().join("sub/up")).expect("symlink");
    let (code, stdout, stderr) = run(dir.path(), &["fmt", "--check"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(lines(&stdout), ["a.plan", "sub/b.plan"], "each file once");
    let (code, stdout, _) = run(dir.path(), &["fmt", "--check", "sub"]);
    assert_eq!(code, 1);
    assert_eq!(lines(&stdout), ["sub/b.plan"]);
}

#[test]
fn fmt_never_follows_a_link_out_of_the_tree() {
    let dir = tempfile::tempdir().expect("a directory");
    plans_in(dir.path(), &["tree/a.plan", "outside/o.plan"]);
    let tree = dir.path().join("tree");
    std::os::unix::fs::symlink("../outside", tree.join("out")).expect("symlink");
    std::os::unix::fs::symlink("../outside/o.plan", tree.join("link.plan")).expect("symlink");
    let (code, _, stderr) = run(&tree, &["fmt"]);
    assert_eq!(code, 0, "{stderr}");
    assert_ne!(
        fs::read_to_string(tree.join("a.plan")).expect("readable"),
        UNFORMATTED,
        "the file in the tree is formatted"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("outside/o.plan")).expect("readable"),
        UNFORMATTED,
        "the file outside is untouched"
    );
    // Named on the command line, a link is written through.
    let (code, _, stderr) = run(&tree, &["fmt", "link.plan"]);
    assert_eq!(code, 0, "{stderr}");
    assert_ne!(
        fs::read_to_string(dir.path().join("outside/o.plan")).expect("readable"),
        UNFORMATTED
    );
}

#[test]
fn fmt_honours_ignore_files_and_skips_hidden_entries() {
    let dir = tempfile::tempdir().expect("a directory");
    plans_in(
        dir.path(),
        &[
            "a.plan",
            "git-ignored.plan",
            "ignored.plan",
            "drafts/d.plan",
            ".hidden/h.plan",
            ".h.plan",
            "sub/kept.plan",
            "sub/local.plan",
        ],
    );
    // Not a git repository: .gitignore counts all the same.
    fs::write(dir.path().join(".gitignore"), "git-ignored.plan\n").expect("writable");
    fs::write(dir.path().join(".ignore"), "/ignored.plan\n").expect("writable");
    fs::write(dir.path().join(".perfplanignore"), "drafts/\n").expect("writable");
    fs::write(dir.path().join("sub/.perfplanignore"), "local.plan\n").expect("writable");
    let (code, stdout, stderr) = run(dir.path(), &["fmt", "--check"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(lines(&stdout), ["a.plan", "sub/kept.plan"]);
    // A file named on the command line is formatted whatever the ignore
    // files say.
    let (code, stdout, _) = run(dir.path(), &["fmt", "--check", "drafts/d.plan"]);
    assert_eq!(code, 1);
    assert_eq!(lines(&stdout), ["drafts/d.plan"]);
}

/// Whether this process can read a file whose mode is 000 (as root can).
fn reads_anything(dir: &Path) -> bool {
    let probe = dir.join("probe");
    fs::write(&probe, "x").expect("writable");
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o000)).expect("chmod");
    let readable = fs::read(&probe).is_ok();
    fs::remove_file(&probe).expect("removable");
    readable
}

#[test]
fn fmt_goes_on_past_a_file_it_cannot_read() {
    let dir = tempfile::tempdir().expect("a directory");
    plans_in(dir.path(), &["a.plan", "m/z.plan"]);
    fs::write(dir.path().join("b.plan"), b"\xff\xfe not UTF-8\n").expect("writable");
    let (code, _, stderr) = run(dir.path(), &["fmt", "--lang", "en"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("`b.plan` is not UTF-8"), "{stderr}");
    for good in ["a.plan", "m/z.plan"] {
        let text = fs::read_to_string(dir.path().join(good)).expect("readable");
        assert_ne!(text, UNFORMATTED, "{good} is formatted all the same");
    }
    // Named on the command line: the same.
    plans_in(dir.path(), &["c.plan"]);
    let (code, _, stderr) = run(dir.path(), &["fmt", "b.plan", "c.plan", "--lang", "en"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("`b.plan` is not UTF-8"), "{stderr}");
    assert_ne!(
        fs::read_to_string(dir.path().join("c.plan")).expect("readable"),
        UNFORMATTED
    );
    // A file without read permission, where permissions bind (not root).
    fs::remove_file(dir.path().join("b.plan")).expect("removable");
    if reads_anything(dir.path()) {
        return;
    }
    plans_in(dir.path(), &["c.plan"]);
    plan_in(dir.path(), "b.plan", 0o000);
    let (code, _, stderr) = run(dir.path(), &["fmt", "--lang", "en"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("cannot read `b.plan`"), "{stderr}");
    assert_ne!(
        fs::read_to_string(dir.path().join("c.plan")).expect("readable"),
        UNFORMATTED
    );
}

/// The `.perfplan-*` temporary files in `dir`.
fn temporary_files(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .expect("a directory")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(".perfplan-"))
        })
        .collect()
}

/// Starts `build big.plan --to json -o out.json` in `dir` and sends it
/// SIGTERM as soon as its temporary file appears: its exit status, or
/// `None` when it ended before the file was seen.
fn terminate_while_writing(dir: &Path) -> Option<std::process::ExitStatus> {
    let args = ["build", "big.plan", "--to", "json", "-o", "out.json"];
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_perfplan"))
        .args(args)
        .current_dir(dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the binary runs");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(300);
    while std::time::Instant::now() < deadline {
        if child.try_wait().expect("waitable").is_some() {
            return None;
        }
        if !temporary_files(dir).is_empty() {
            let pid = i32::try_from(child.id()).expect("a pid");
            // SAFETY: a signal to our own child.
            unsafe { libc::kill(pid, libc::SIGTERM) };
            return Some(child.wait().expect("it ends"));
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("the build neither wrote its output nor ended in 300 s");
}

#[test]
fn a_terminated_build_leaves_no_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().expect("a directory");
    let out = dir.path().join("out.json");
    // `build --to json` writes as it resolves the projects: its temporary
    // file lives long enough to be seen. A larger plan if it was not.
    for projects in [200, 800, 3200] {
        fs::write(
            dir.path().join("big.plan"),
            generator::generate(projects, 7),
        )
        .expect("writable");
        fs::write(&out, "old").expect("writable");
        let Some(status) = terminate_while_writing(dir.path()) else {
            continue;
        };
        assert_eq!(status.signal(), Some(libc::SIGTERM), "ends as SIGTERM does");
        assert_eq!(temporary_files(dir.path()), Vec::<PathBuf>::new());
        assert_eq!(fs::read_to_string(&out).expect("readable"), "old");
        return;
    }
    panic!("the build always ended before its temporary file was seen");
}

#[test]
fn stdin_filename_names_standard_input() {
    let dir = tempfile::tempdir().expect("a directory");
    let broken = UNFORMATTED.replace("资金 10.00", "资金 十");
    for args in [
        &[
            "check",
            "-",
            "--stdin-filename",
            "dept/mine.plan",
            "--lang",
            "en",
        ][..],
        &[
            "--stdin-filename",
            "dept/mine.plan",
            "check",
            "-",
            "--lang",
            "en",
        ],
    ] {
        let (code, _, stderr) = run_with(dir.path(), args, &broken, &[]);
        assert_eq!(code, 1, "{stderr}");
        assert!(stderr.contains("dept/mine.plan:"), "{stderr}");
    }
    let json = ["check", "-", "--stdin-filename", "mine.plan"];
    let (_, stdout, _) = run_with(
        dir.path(),
        &[&json[..], &["--message-format", "json"]].concat(),
        &broken,
        &[],
    );
    assert!(stdout.contains(r#""file":"mine.plan""#), "{stdout}");
    // And in the application's own errors.
    let (code, _, stderr) = run_with(
        dir.path(),
        &["fmt", "-", "--stdin-filename", "mine.plan", "--lang", "en"],
        "\u{fffd}",
        &[("PERFPLAN_MAX_BYTES", "1")],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("cannot read `mine.plan`"), "{stderr}");
}

/// Every line of `stdout`, parsed as JSON.
fn json_lines(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn fmt_in_json_mode_prints_only_json_lines() {
    let dir = tempfile::tempdir().expect("a directory");
    plans_in(dir.path(), &["a.plan", "b.plan"]);
    fs::write(dir.path().join("broken.plan"), "计划 {\n").expect("writable");
    let json = ["--message-format", "json", "--lang", "en"];
    let (code, stdout, stderr) = run(dir.path(), &[&["fmt", "--check"][..], &json].concat());
    assert_eq!(code, 1, "{stderr}");
    let values = json_lines(&stdout);
    let would_change: Vec<_> = values
        .iter()
        .filter(|v| v["code"] == "perfplan::fmt")
        .collect();
    assert_eq!(would_change.len(), 2, "{stdout}");
    assert_eq!(
        would_change[0],
        &serde_json::json!({
            "code": "perfplan::fmt",
            "severity": "error",
            "message": "file would be reformatted",
            "file": "a.plan",
            "labels": [],
            "notes": [],
            "help": null,
        })
    );
    assert!(
        values.iter().any(|v| v["file"] == "broken.plan"),
        "{stdout}"
    );

    let (code, stdout, stderr) = run(
        dir.path(),
        &[&["fmt", "--stdout", "a.plan", "b.plan"][..], &json].concat(),
    );
    assert_eq!(code, 0, "{stderr}");
    let values = json_lines(&stdout);
    let (_, formatted, _) = run(dir.path(), &["fmt", "--stdout", "a.plan"]);
    assert_eq!(values.len(), 2);
    assert_eq!(values[0]["file"], "a.plan");
    assert_eq!(values[0]["formatted"], formatted.as_str());
    assert_eq!(values[1]["file"], "b.plan");

    let stdin = [&["fmt", "-", "--stdin-filename", "in.plan"][..], &json].concat();
    let (code, stdout, stderr) = run_with(dir.path(), &stdin, UNFORMATTED, &[]);
    assert_eq!(code, 0, "{stderr}");
    let values = json_lines(&stdout);
    assert_eq!(values.len(), 1);
    assert_eq!(values[0]["file"], "in.plan");
    assert_eq!(values[0]["formatted"], formatted.as_str());
}

/// `perfplan init DIR` writes a starter plan that checks clean (with
/// warnings denied), in either keyword language, and never overwrites.
#[test]
fn init_writes_a_starter_plan_that_checks_clean() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let d = dir.path();
    for (sub, extra) in [
        ("zh", &[][..]),
        (
            "en",
            &["--keywords", "en", "--framework", "central-2021"][..],
        ),
    ] {
        let mut args = vec!["init", sub, "--year", "2027", "--lang", "en"];
        args.extend_from_slice(extra);
        let (code, _, stderr) = run(d, &args);
        assert_eq!(code, 0, "{stderr}");
        let plan = format!("{sub}/plan.plan");
        let (code, _, stderr) = run(d, &["check", &plan, "-D", "warnings", "--lang", "en"]);
        assert_eq!(code, 0, "{stderr}");
        let text = fs::read_to_string(d.join(&plan)).expect("written");
        assert!(text.contains("2027"));
        let (code, _, stderr) = run(d, &["fmt", "--check", &plan]);
        assert_eq!(code, 0, "the starter is in the canonical layout: {stderr}");
    }
    let before = fs::read_to_string(d.join("zh/plan.plan")).expect("written");
    let (code, _, stderr) = run(d, &["init", "zh", "--lang", "en"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("already exists"), "{stderr}");
    assert_eq!(
        fs::read_to_string(d.join("zh/plan.plan")).expect("kept"),
        before
    );
    let (code, _, stderr) = run(d, &["init", "x", "--framework", "nope", "--lang", "en"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("classic-benefit-satisfaction"), "{stderr}");
}
