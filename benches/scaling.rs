//! How the time and peak memory of each command grow with the plan: every
//! workload at 1×, 2× and 4× an input, with the ratio of each doubling.
//!
//! ```sh
//! cargo bench --bench scaling                  # ~1 MB, 2 MB, 4 MB (a few minutes)
//! cargo bench --bench scaling -- --large       # ~4 MB, 8 MB, 16 MB (or PERFPLAN_BENCH_LARGE=1)
//! ```
//!
//! Three shapes of input, from `examples/gen.rs`:
//! - **projects**: a plan of many projects (`generate`);
//! - **rows**: one project with many indicator rows (`generate_rows`);
//! - **checkpoints**: one project whose spending schedule is one line of
//!   many checkpoints (`generate_checkpoints`). Past 365 they repeat days,
//!   which is an error per repeat, so this shape is only checked (with
//!   `--message-format short`) and diffed.
//!
//! Workloads: `perfplan check`, `perfplan build --to json|md|docx|xlsx -o
//! FILE`, and `perfplan diff OLD NEW`, where NEW changes a few figures of
//! OLD. Each runs the release binary as a child process, started by a
//! small copy of this benchmark (`--peak-of`) so that the peak resident
//! size `wait4` reports is the binary's own; each figure is the median of
//! a few runs. A workload is called linear when each doubling of its
//! input takes at most 2.3 times as long.

#[allow(dead_code)]
#[path = "../examples/gen.rs"]
mod generator;

#[path = "common/child.rs"]
mod child;

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The most a doubling may multiply the time by and still be linear.
const LINEAR: f64 = 2.3;

/// One shape of input: how to make a plan of `n` units of it.
struct Shape {
    name: &'static str,
    /// What one unit is, for the table.
    unit: &'static str,
    /// The base size (1×), in units, without and with `--large`.
    base: usize,
    large: usize,
    generate: fn(usize) -> String,
    /// Whether the plan builds (no errors).
    builds: bool,
}

const SHAPES: &[Shape] = &[
    Shape {
        name: "projects",
        unit: "projects",
        base: 620,
        large: 2_480,
        generate: |n| generator::generate(n, 1),
        builds: true,
    },
    Shape {
        name: "rows",
        unit: "rows",
        base: 18_000,
        large: 72_000,
        generate: |n| generator::generate_rows(n, 1),
        builds: true,
    },
    Shape {
        name: "checkpoints",
        unit: "checkpoints",
        base: 1_000,
        large: 4_000,
        generate: |n| generator::generate_checkpoints(n, 1),
        builds: false,
    },
];

/// A command run on a plan (`PLAN`), its new version (`NEW`) or an
/// output file (`OUT`).
struct Workload {
    name: &'static str,
    args: &'static [&'static str],
    /// Runs on a plan that does not build (check, diff).
    on_errors: bool,
}

const WORKLOADS: &[Workload] = &[
    Workload {
        name: "check",
        args: &["--message-format", "short", "check", "PLAN"],
        on_errors: true,
    },
    Workload {
        name: "build json",
        args: &["build", "--to", "json", "-o", "OUT.json", "PLAN"],
        on_errors: false,
    },
    Workload {
        name: "build md",
        args: &["build", "--to", "md", "-o", "OUT.md", "PLAN"],
        on_errors: false,
    },
    Workload {
        name: "build docx",
        args: &["build", "--to", "docx", "-o", "OUT.docx", "PLAN"],
        on_errors: false,
    },
    Workload {
        name: "build xlsx",
        args: &["build", "--to", "xlsx", "-o", "OUT.xlsx", "PLAN"],
        on_errors: false,
    },
    Workload {
        name: "diff",
        args: &["--color", "never", "diff", "PLAN", "NEW"],
        on_errors: true,
    },
];

/// The generated files of one size of a shape.
struct Input {
    plan: PathBuf,
    new: PathBuf,
    out: PathBuf,
    bytes: usize,
    units: usize,
}

/// One measured point: median seconds and peak resident bytes.
struct Point {
    secs: f64,
    peak: u64,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == child::LAUNCH) {
        child::launch(&args[at + 1..]);
        return;
    }
    let large = std::env::var_os("PERFPLAN_BENCH_LARGE").is_some_and(|v| !v.is_empty() && v != "0")
        || args.iter().any(|a| a == "--large");
    let runs = if large { 1 } else { 3 };
    let dir = tempfile::tempdir().expect("a temporary directory");
    println!(
        "perfplan scaling: median of {runs} run(s); MB = 10^6 bytes; 'x plan' = peak RSS / plan size"
    );
    for shape in SHAPES {
        let base = if large { shape.large } else { shape.base };
        let inputs: Vec<Input> = [1, 2, 4]
            .iter()
            .map(|k| input(dir.path(), shape, base * k))
            .collect();
        for workload in WORKLOADS {
            if !shape.builds && !workload.on_errors {
                continue;
            }
            let points: Vec<Point> = inputs.iter().map(|i| measure(workload, i, runs)).collect();
            report(shape, workload, &inputs, &points);
        }
    }
}

/// Writes the plan of `units` units of a shape and its new version.
fn input(dir: &Path, shape: &Shape, units: usize) -> Input {
    let text = (shape.generate)(units);
    let plan = dir.join(format!("{}-{units}.plan", shape.name));
    let new = dir.join(format!("{}-{units}.new.plan", shape.name));
    std::fs::write(&plan, &text).expect("write the plan");
    std::fs::write(&new, changed(&text)).expect("write the new plan");
    Input {
        plan,
        new,
        out: dir.join("out"),
        bytes: text.len(),
        units,
    }
}

/// The plan with a few figures changed: every 50th satisfaction target
/// of 9x% lowered by ten points, every 500th added row's target raised.
fn changed(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut satisfaction, mut rows) = (0, 0);
    for line in text.split_inclusive('\n') {
        if line.contains("满意度\" ≥ 9") {
            satisfaction += 1;
            if satisfaction % 50 == 0 {
                out.push_str(&line.replacen("满意度\" ≥ 9", "满意度\" ≥ 8", 1));
                continue;
            }
        }
        if line.contains("批") && line.contains("\" ≥ ") {
            rows += 1;
            if rows % 500 == 0 {
                out.push_str(&line.replacen("\" ≥ ", "\" ≥ 1", 1));
                continue;
            }
        }
        out.push_str(line);
    }
    out
}

/// The median time and peak memory of a workload on an input.
fn measure(workload: &Workload, input: &Input, runs: usize) -> Point {
    let args: Vec<OsString> = workload
        .args
        .iter()
        .map(|a| match *a {
            "PLAN" => input.plan.clone().into_os_string(),
            "NEW" => input.new.clone().into_os_string(),
            a if a.starts_with("OUT") => {
                let mut out = input.out.clone().into_os_string();
                out.push(a.trim_start_matches("OUT"));
                out
            }
            a => a.into(),
        })
        .collect();
    // `check` and `diff` may exit 1 (findings, changes); anything else is
    // a failure.
    let costs: Vec<child::Cost> = (0..runs)
        .map(|_| {
            child::run(child::perfplan(), &args, &[], 1)
                .unwrap_or_else(|| panic!("perfplan {args:?} failed"))
        })
        .collect();
    Point {
        secs: child::median(&costs, |c| c.wall),
        peak: child::median(&costs, |c| c.peak as f64) as u64,
    }
}

/// Prints a workload's three sizes and the verdict.
fn report(shape: &Shape, workload: &Workload, inputs: &[Input], points: &[Point]) {
    println!();
    println!("{} — {}", shape.name, workload.name);
    println!(
        "{:>4} {:>12} {:>9} | {:>9} {:>9} | {:>9} {:>7}",
        "size", shape.unit, "plan MB", "median s", "× prev", "peak MB", "× plan"
    );
    let mut worst: f64 = 0.0;
    for (k, (input, point)) in inputs.iter().zip(points).enumerate() {
        let ratio = k
            .checked_sub(1)
            .and_then(|p| points.get(p))
            .map(|prev| point.secs / prev.secs.max(1e-9));
        worst = worst.max(ratio.unwrap_or(0.0));
        println!(
            "{:>3}× {:>12} {:>9.2} | {:>9.3} {:>9} | {:>9.1} {:>7.1}",
            1 << k,
            input.units,
            input.bytes as f64 / 1e6,
            point.secs,
            ratio.map_or("-".to_string(), |r| format!("{r:.2}")),
            point.peak as f64 / 1e6,
            point.peak as f64 / input.bytes as f64
        );
    }
    let verdict = if worst <= LINEAR {
        "linear"
    } else {
        "SUPER-LINEAR"
    };
    println!(
        "verdict: {verdict} (largest time ratio per doubling {worst:.2}; linear is ≤ {LINEAR})"
    );
}
