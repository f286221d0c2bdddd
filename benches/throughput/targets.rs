//! The targets of issue 17, measured on whole processes: the release
//! binary run as a child (through a launcher, see `common/child.rs`), next
//! to a baseline run the same way, their runs alternated and the medians
//! compared. Each target is printed as one line with its ratio, its limit
//! and `PASS` or `FAIL`, then a count; a failed target does not fail the
//! benchmark.
//!
//! The baselines:
//! - **serde_json**: this benchmark run again as its own process
//!   ([`SERDE_JSON`]), reading the plan's JSON output (minified) from disk
//!   and parsing it into a `serde_json::Value`, freed at the end as any
//!   program frees it;
//! - **a Python validator**: `benches/validate.py` (standard library
//!   only) on the pretty JSON that `build --to json` wrote;
//! - **start-up**: `perfplan --version`.

use crate::child::{self, Cost};
use crate::generator;
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The argument that makes this benchmark the serde_json baseline:
/// `SERDE_JSON FILE`.
pub const SERDE_JSON: &str = "--serde-json-baseline";

/// Runs of each side of a comparison on the 32 MB plan.
const RUNS: usize = 7;
/// Runs of each side against the Python validator, which takes seconds.
const PYTHON_RUNS: usize = 5;
/// Runs of each side of the start-up comparison, which take milliseconds.
const STARTUP_RUNS: usize = 41;

/// The limits of issue 17: the most each ratio may be.
mod limit {
    /// `build --to json` wall time / serde_json's.
    pub const BUILD: f64 = 1.3;
    /// The same with `RAYON_NUM_THREADS=1`.
    pub const BUILD_ONE_THREAD: f64 = 1.0;
    /// `build --to json` CPU time / the Python validator's.
    pub const PYTHON: f64 = 0.25;
    /// `check` wall time / serde_json's.
    pub const CHECK: f64 = 0.6;
    /// Peak resident size / the plan's size, past 10 MB.
    pub const MEMORY: f64 = 2.0;
    /// `check` of the bundled example / `perfplan --version`.
    pub const STARTUP: f64 = 1.5;
    /// Time of `build --to json` on a plan ten times larger / on the plan.
    pub const LINEAR: f64 = 10.5;
}

/// The plan most targets are measured on: some 32 MB.
const PROJECTS: usize = 20_000;

/// Whether the 100 MB plan (linearity, memory) is measured without
/// `--large`.
pub const HUNDRED_BY_DEFAULT: bool = true;

/// The plans of the linearity target (about 1, 10 and 100 MB), each with
/// the number of runs to take the median of.
const LINEAR_SIZES: [(usize, usize); 3] = [(620, 15), (6_200, 7), (62_000, 3)];

/// As the serde_json baseline: reads `file` and parses it into a `Value`.
pub fn serde_json_baseline(file: &Path) {
    let text = std::fs::read_to_string(file).expect("read the JSON");
    let value: serde_json::Value = serde_json::from_str(&text).expect("the JSON parses");
    std::hint::black_box(&value);
}

/// One target: a ratio measured against its limit (at most).
struct Target {
    name: String,
    /// The figures the ratio is of, as text: `1.92 s / 1.10 s`.
    measured: String,
    /// The ratio, or why it was not measured.
    ratio: Result<f64, String>,
    limit: f64,
}

/// Whether a target holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Pass,
    Fail,
    NotMeasured,
}

impl Target {
    /// A target whose ratio is `thing / baseline`.
    fn new(name: String, thing: f64, baseline: f64, unit: Unit, limit: f64) -> Target {
        Target {
            name,
            measured: format!("{} / {}", unit.show(thing), unit.show(baseline)),
            ratio: Ok(thing / baseline),
            limit,
        }
    }

    /// A target that could not be measured, and why.
    fn not_measured(name: String, why: &str, limit: f64) -> Target {
        Target {
            name,
            measured: String::new(),
            ratio: Err(why.to_string()),
            limit,
        }
    }

    fn verdict(&self) -> Verdict {
        match self.ratio {
            Ok(r) if r <= self.limit => Verdict::Pass,
            Ok(_) => Verdict::Fail,
            Err(_) => Verdict::NotMeasured,
        }
    }

    /// Prints the target's line.
    fn print(&self) {
        let name = &self.name;
        let limit = self.limit;
        match (&self.ratio, self.verdict()) {
            (Err(why), _) => {
                println!("target {name} | not measured ({why}) | limit {limit:.2}")
            }
            (Ok(ratio), verdict) => {
                let word = if verdict == Verdict::Pass {
                    "PASS"
                } else {
                    "FAIL"
                };
                println!(
                    "target {name} | measured {} | ratio {ratio:.2} | limit {limit:.2} | {word}",
                    self.measured
                );
            }
        }
    }
}

/// How a measured figure is shown.
#[derive(Clone, Copy)]
enum Unit {
    Seconds,
    Megabytes,
}

impl Unit {
    fn show(self, value: f64) -> String {
        match self {
            Unit::Seconds if value < 0.1 => format!("{:.1} ms", value * 1e3),
            Unit::Seconds => format!("{value:.3} s"),
            Unit::Megabytes => format!("{:.1} MB", value / 1e6),
        }
    }
}

/// A generated plan on disk.
struct Plan {
    path: PathBuf,
    bytes: u64,
    /// Its size for the targets' names: `32 MB`.
    label: String,
}

/// The plan of `projects` projects (`--seed 1`) in `dir`, written unless it
/// is there already.
fn plan(dir: &Path, projects: usize) -> Plan {
    let path = dir.join(format!("plan-{projects}.plan"));
    if !path.exists() {
        std::fs::write(&path, generator::generate(projects, 1)).expect("write the plan");
    }
    let bytes = std::fs::metadata(&path).expect("the plan's size").len();
    Plan {
        path,
        bytes,
        label: format!("{:.0} MB", bytes as f64 / 1e6),
    }
}

/// Arguments of a command line, as the child gets them.
fn args(list: &[&dyn AsRef<OsStr>]) -> Vec<OsString> {
    list.iter().map(|a| a.as_ref().to_os_string()).collect()
}

/// A program, its arguments and environment: one side of a comparison.
struct Run {
    program: OsString,
    args: Vec<OsString>,
    envs: Vec<(&'static str, &'static str)>,
}

impl Run {
    /// `perfplan` with `args`.
    fn perfplan(args: Vec<OsString>) -> Run {
        Run {
            program: child::perfplan().to_os_string(),
            args,
            envs: Vec::new(),
        }
    }

    /// `perfplan build PLAN --to json -o OUT`.
    fn build(plan: &Plan, out: &Path) -> Run {
        Run::perfplan(args(&[&"build", &plan.path, &"--to", &"json", &"-o", &out]))
    }

    /// `perfplan check PLAN`.
    fn check(plan: &Path) -> Run {
        Run::perfplan(args(&[&"check", &plan]))
    }

    /// The serde_json baseline on `json`.
    fn serde_json(json: &Path) -> Run {
        Run {
            program: std::env::current_exe()
                .expect("the benchmark's path")
                .into_os_string(),
            args: args(&[&SERDE_JSON, &json]),
            envs: Vec::new(),
        }
    }

    /// The Python validator on `json`.
    fn python(json: &Path) -> Run {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/validate.py");
        Run {
            program: "python3".into(),
            args: args(&[&script, &json]),
            envs: Vec::new(),
        }
    }

    fn with_env(mut self, name: &'static str, value: &'static str) -> Run {
        self.envs.push((name, value));
        self
    }

    /// Runs it once; `None` when it failed (a check may exit 1 on
    /// warnings, anything else is a failure).
    fn once(&self) -> Option<Cost> {
        child::run(&self.program, &self.args, &self.envs, 1)
    }

    /// Runs it `runs` times.
    fn repeat(&self, runs: usize) -> Option<Vec<Cost>> {
        (0..runs).map(|_| self.once()).collect()
    }
}

/// `runs` runs of `thing` and of `baseline`, alternated (thing first, then
/// baseline first, and so on) so that a slow spell of a shared machine
/// weighs on both alike; `None` when a run failed.
fn alternate(runs: usize, thing: &Run, baseline: &Run) -> Option<(Vec<Cost>, Vec<Cost>)> {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for round in 0..runs {
        if round % 2 == 0 {
            a.push(thing.once()?);
            b.push(baseline.once()?);
        } else {
            b.push(baseline.once()?);
            a.push(thing.once()?);
        }
    }
    Some((a, b))
}

fn wall(c: &Cost) -> f64 {
    c.wall
}

fn cpu(c: &Cost) -> f64 {
    c.cpu
}

fn peak(c: &Cost) -> f64 {
    c.peak as f64
}

/// The files the targets on the 32 MB plan need.
struct Inputs {
    plan: Plan,
    /// Its JSON output, as `build --to json` writes it.
    pretty: PathBuf,
    /// The same, minified: the serde_json baseline's input.
    minified: PathBuf,
    /// Where the measured builds write.
    out: PathBuf,
}

/// Writes the plan, builds its JSON once (which also brings the binary
/// and the plan into the page cache) and minifies it.
fn inputs(dir: &Path) -> Inputs {
    let plan = plan(dir, PROJECTS);
    let pretty = dir.join(format!("plan-{PROJECTS}.json"));
    let minified = dir.join(format!("plan-{PROJECTS}.min.json"));
    Run::build(&plan, &pretty)
        .once()
        .expect("the generated plan builds");
    let text = std::fs::read(&pretty).expect("read the JSON output");
    std::fs::write(&minified, minify(&text)).expect("write the minified JSON");
    Inputs {
        plan,
        pretty,
        minified,
        out: dir.join("out.json"),
    }
}

/// JSON text without the blanks between its tokens: what
/// `serde_json::to_string` writes of the value `to_string_pretty` wrote.
fn minify(json: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for &b in json {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
        } else if b == b'"' {
            in_string = true;
        } else if b.is_ascii_whitespace() {
            continue;
        }
        out.push(b);
    }
    out
}

/// Measures every target and prints each as it is measured, then the
/// count. `hundred` measures the 100 MB plan too (linearity, memory).
pub fn run(dir: &Path, hundred: bool) {
    println!();
    println!(
        "targets (issue 17): whole processes of the release binary, medians of alternating runs; \
         wall and CPU (user+sys) time and peak resident size from wait4"
    );
    println!("{}", load_average("start"));
    let inputs = inputs(dir);
    let mut targets = Vec::new();
    let mut record = |target: Target| {
        target.print();
        targets.push(target);
    };
    for target in build_against_serde_json(&inputs) {
        record(target);
    }
    record(build_against_python(&inputs));
    for target in check_against_serde_json(&inputs) {
        record(target);
    }
    record(startup());
    for target in linearity(dir, hundred) {
        record(target);
    }
    println!("{}", load_average("end"));
    summary(&targets);
}

/// The machine's load average at `when`, for a reader to judge how busy
/// it was (other processes slow the runs down, parallel ones most).
fn load_average(when: &str) -> String {
    let load = std::fs::read_to_string("/proc/loadavg").ok();
    let fields: Option<Vec<&str>> = load
        .as_deref()
        .map(|text| text.split_whitespace().take(3).collect());
    match fields {
        Some(f) if f.len() == 3 => format!(
            "load average at the {when} (1, 5, 15 min): {} {} {}",
            f[0], f[1], f[2]
        ),
        _ => format!("load average at the {when}: unknown"),
    }
}

/// A comparison of `thing` with `baseline` by `key` (their medians over
/// `runs` alternated runs), and the costs of `thing`'s runs (none when a
/// run failed).
fn compare(
    name: String,
    (thing, baseline): (&Run, &Run),
    runs: usize,
    key: fn(&Cost) -> f64,
    limit: f64,
) -> (Target, Vec<Cost>) {
    match alternate(runs, thing, baseline) {
        Some((a, b)) => {
            let (a_median, b_median) = (child::median(&a, key), child::median(&b, key));
            let target = Target::new(name, a_median, b_median, Unit::Seconds, limit);
            (target, a)
        }
        None => (
            Target::not_measured(name, "a run failed", limit),
            Vec::new(),
        ),
    }
}

/// `build --to json` against serde_json, on all threads and on one (wall
/// time), and the build's peak memory.
fn build_against_serde_json(inputs: &Inputs) -> Vec<Target> {
    let label = &inputs.plan.label;
    let build = Run::build(&inputs.plan, &inputs.out);
    let serde = Run::serde_json(&inputs.minified);
    let name = format!("build --to json ({label}), wall / serde_json");
    let (all, costs) = compare(name, (&build, &serde), RUNS, wall, limit::BUILD);
    let one = build.with_env("RAYON_NUM_THREADS", "1");
    let name = format!("build --to json ({label}) on one thread, wall / serde_json");
    let (one, _) = compare(name, (&one, &serde), RUNS, wall, limit::BUILD_ONE_THREAD);
    let memory = memory("build --to json", &inputs.plan, &costs);
    vec![all, one, memory]
}

/// The CPU time of `build --to json` against the Python validator's on
/// the JSON it wrote.
fn build_against_python(inputs: &Inputs) -> Target {
    let label = &inputs.plan.label;
    let name = format!("build --to json ({label}), CPU / Python validator");
    let found = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        return Target::not_measured(name, "python3 was not found", limit::PYTHON);
    }
    let python = Run::python(&inputs.pretty);
    // The validator must accept the plan (exit 0) before it is timed.
    if child::run(&python.program, &python.args, &[], 0).is_none() {
        let why = "the validator failed on the plan";
        return Target::not_measured(name, why, limit::PYTHON);
    }
    let build = Run::build(&inputs.plan, &inputs.out);
    compare(name, (&build, &python), PYTHON_RUNS, cpu, limit::PYTHON).0
}

/// `check` against serde_json (wall time), and its peak memory.
fn check_against_serde_json(inputs: &Inputs) -> Vec<Target> {
    let name = format!("check ({}), wall / serde_json", inputs.plan.label);
    let check = Run::check(&inputs.plan.path);
    let serde = Run::serde_json(&inputs.minified);
    let (target, costs) = compare(name, (&check, &serde), RUNS, wall, limit::CHECK);
    vec![target, memory("check", &inputs.plan, &costs)]
}

/// The median peak memory of `costs` against the plan's size.
fn memory(what: &str, plan: &Plan, costs: &[Cost]) -> Target {
    let name = format!("{what} ({}), peak memory / plan size", plan.label);
    if costs.is_empty() {
        return Target::not_measured(name, "a run failed", limit::MEMORY);
    }
    let peak = child::median(costs, peak);
    let bytes = plan.bytes as f64;
    Target::new(name, peak, bytes, Unit::Megabytes, limit::MEMORY)
}

/// `check` of the bundled example against `perfplan --version`.
fn startup() -> Target {
    let example = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/leting-jijian-2022.plan"
    );
    let name = "check examples/leting-jijian-2022.plan, wall / perfplan --version".to_string();
    let check = Run::check(Path::new(example));
    let version = Run::perfplan(args(&[&"--version"]));
    compare(name, (&check, &version), STARTUP_RUNS, wall, limit::STARTUP).0
}

/// `build --to json` (wall) at about 1, 10 and 100 MB, each tenfold step
/// against the one before; with `hundred`, also the peak memory of `check`
/// and `build` on the 100 MB plan, else those are not measured.
fn linearity(dir: &Path, hundred: bool) -> Vec<Target> {
    let out = dir.join("out.json");
    let mut targets = Vec::new();
    let mut before: Option<(Plan, f64)> = None;
    for (projects, runs) in LINEAR_SIZES {
        let last = projects == LINEAR_SIZES[2].0;
        if last && !hundred {
            targets.extend(hundred_not_measured());
            break;
        }
        let plan = plan(dir, projects);
        let costs = Run::build(&plan, &out).repeat(runs);
        let time = costs.as_ref().map(|c| child::median(c, wall));
        if let Some((small, small_time)) = &before {
            let name = format!(
                "linearity, build --to json {} / {}",
                plan.label, small.label
            );
            targets.push(match time {
                Some(t) => Target::new(name, t, *small_time, Unit::Seconds, limit::LINEAR),
                None => Target::not_measured(name, "a run failed", limit::LINEAR),
            });
        }
        if last {
            let checks = Run::check(&plan.path).repeat(runs);
            targets.push(memory("build --to json", &plan, &costs.unwrap_or_default()));
            targets.push(memory("check", &plan, &checks.unwrap_or_default()));
        }
        let Some(time) = time else { break };
        before = Some((plan, time));
    }
    targets
}

/// The targets of the 100 MB plan, not measured without `--large`.
fn hundred_not_measured() -> Vec<Target> {
    let why = "run with --large";
    let linear = "linearity, build --to json 100 MB / 10 MB".to_string();
    let mut targets = vec![Target::not_measured(linear, why, limit::LINEAR)];
    for what in ["build --to json", "check"] {
        let name = format!("{what} (100 MB), peak memory / plan size");
        targets.push(Target::not_measured(name, why, limit::MEMORY));
    }
    targets
}

/// Prints how many targets pass, fail and were not measured.
fn summary(targets: &[Target]) {
    let count = |v: Verdict| targets.iter().filter(|t| t.verdict() == v).count();
    println!(
        "targets: {} of {} PASS, {} FAIL, {} not measured",
        count(Verdict::Pass),
        targets.len(),
        count(Verdict::Fail),
        count(Verdict::NotMeasured)
    );
}
