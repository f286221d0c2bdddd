//! The editor support in `editors/vscode`: its TextMate grammar spells every
//! keyword and comparator word of the language, and the extension's own
//! tests pass (`editors/vscode/test.sh`: grammar assertions and snapshots,
//! `vsce package`, the packaged extension run outside VS Code). The script
//! needs npm and the npm registry; without npm on PATH that part is skipped
//! and says so.

use perfplan::syntax::keywords::KEYWORDS;
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Long enough for a cold `npm ci` on a busy machine.
const TIMEOUT: Duration = Duration::from_secs(20 * 60);

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn vscode_extension() {
    grammar_spells_every_keyword_and_comparator();
    if find_on_path("npm").is_some() {
        run_test_script();
    } else {
        eprintln!("skipped: npm not found on PATH, so editors/vscode/test.sh was not run");
    }
}

/// Every spelling of every keyword (src/syntax/keywords.rs) and every word
/// comparator of the pest grammar stands in the TextMate grammar as one
/// alternative of a `(?:a|b|c)` group.
fn grammar_spells_every_keyword_and_comparator() {
    let path = root().join("editors/vscode/syntaxes/perfplan.tmLanguage.json");
    let tm = std::fs::read_to_string(&path).expect("the TextMate grammar is readable");
    let pest = std::fs::read_to_string(root().join("grammar/perfplan.pest")).expect("readable");
    let keywords = KEYWORDS
        .iter()
        .flat_map(|k| k.zh.iter().copied().chain([k.en]))
        .map(str::to_string);
    let comparators = ["word_cmp", "post_cmp", "date_post"]
        .into_iter()
        .flat_map(|rule| quoted_in_rule(&pest, rule));
    let missing: Vec<String> = keywords
        .chain(comparators)
        .filter(|word| !is_alternative(&tm, word))
        .collect();
    assert!(
        missing.is_empty(),
        "{} does not highlight {missing:?}",
        path.display()
    );
}

/// The quoted strings of one rule of the pest grammar (`name = @{ … }`).
fn quoted_in_rule(pest: &str, name: &str) -> Vec<String> {
    let start = pest
        .lines()
        .position(|l| l.split_whitespace().next() == Some(name))
        .unwrap_or_else(|| panic!("rule {name} is in the pest grammar"));
    let body: Vec<&str> = pest.lines().skip(start).take_while(|l| *l != "}").collect();
    let body = body.join("\n");
    let body = &body[..body.find('}').unwrap_or(body.len())];
    let words: Vec<String> = body
        .split('"')
        .skip(1)
        .step_by(2)
        .map(String::from)
        .collect();
    assert!(!words.is_empty(), "rule {name} has words");
    words
}

/// Whether `word` is one alternative of a `(?:…|…)` group in the grammar's
/// JSON text, escaped as a regular expression and then as a JSON string.
fn is_alternative(tm: &str, word: &str) -> bool {
    let mut escaped = String::new();
    for c in word.chars() {
        if "()[]{}.*+?^$|\\".contains(c) {
            escaped.push_str("\\\\");
        }
        escaped.push(c);
    }
    [
        format!("(?:{escaped}|"),
        format!("|{escaped}|"),
        format!("|{escaped})"),
        format!("(?:{escaped})"),
    ]
    .iter()
    .any(|form| tm.contains(form.as_str()))
}

fn find_on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

/// Runs editors/vscode/test.sh; on failure, or after [`TIMEOUT`], fails with
/// the end of its output.
fn run_test_script() {
    let script = root().join("editors/vscode/test.sh");
    let started = Instant::now();
    let mut child = Command::new("bash")
        .arg(&script)
        .current_dir(std::env::temp_dir())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .expect("bash runs");
    let stdout = read_in_background(child.stdout.take());
    let stderr = read_in_background(child.stderr.take());
    let status = wait_or_end(&mut child, TIMEOUT);
    let output = format!(
        "{}{}",
        stdout.join().unwrap_or_default(),
        stderr.join().unwrap_or_default()
    );
    let tail: Vec<&str> = output.lines().rev().take(60).collect();
    let tail: Vec<&str> = tail.into_iter().rev().collect();
    match status {
        Some(status) => assert!(
            status.success(),
            "{} failed ({status}):\n{}",
            script.display(),
            tail.join("\n")
        ),
        None => panic!(
            "{} did not finish in {TIMEOUT:?} and was stopped:\n{}",
            script.display(),
            tail.join("\n")
        ),
    }
    eprintln!("editors/vscode/test.sh passed in {:.0?}", started.elapsed());
}

fn read_in_background<R: Read + Send + 'static>(
    pipe: Option<R>,
) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(mut pipe) = pipe {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            text = String::from_utf8_lossy(&bytes).into_owned();
        }
        text
    })
}

/// The child's exit status, or None when it ran past `limit`: then its whole
/// process group (npm and node under bash) is ended.
fn wait_or_end(child: &mut Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let deadline = Instant::now() + limit;
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        if Instant::now() >= deadline {
            let group = format!("-{}", child.id());
            let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}
