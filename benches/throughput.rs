//! Throughput of `check` and `build --to json` on generated plans, next to
//! two baselines measured in the same run: reading the plan's file, and
//! serde_json parsing the plan's own JSON output (minified) into a
//! `serde_json::Value`; then the performance targets of issue 17, each
//! measured on whole processes and passed or failed in words.
//!
//! ```sh
//! cargo bench --bench throughput                 # the table (~1 MB and ~10 MB plans) and the targets
//! cargo bench --bench throughput -- --large      # the table with ~100 MB too (or PERFPLAN_BENCH_LARGE=1)
//! cargo bench --bench throughput -- --targets    # the targets alone
//! ```
//!
//! **The table.** Each figure is the median of several runs. `check` and
//! `build` are the library calls the binary makes (`check::check_outline`;
//! for build, `build::check_for_json`, which makes the projects' JSON as it
//! checks, then `build::JsonBuild`, which
//! writes the pretty JSON as `perfplan build --to json` does), on the text
//! already in memory; reading the file is the first baseline. Peak memory
//! is measured on the binary itself: `perfplan check` and `perfplan build
//! --to json -o FILE` run as child processes, and their peak resident size
//! (from `wait4`) is shown next to the plan's size.
//!
//! **The targets** (`throughput/targets.rs`): the release binary and a
//! baseline (serde_json in a process of its own, the Python validator
//! `benches/validate.py`, `perfplan --version`) run as child processes,
//! their runs alternated; the medians of wall time, CPU time (user+sys)
//! and peak resident size (from `wait4`) give each target's ratio, printed
//! with its limit and PASS or FAIL, then how many pass. A failed target
//! does not make the benchmark fail.
//!
//! The plans come from `examples/gen.rs` (about 1.6 KB per project) and are
//! written to a temporary directory that is removed at the end.

#[allow(dead_code)]
#[path = "../examples/gen.rs"]
mod generator;

#[path = "common/child.rs"]
mod child;

#[path = "throughput/targets.rs"]
mod targets;

use perfplan::build::check_for_json;
use perfplan::check::{Options, check, check_outline};
use perfplan::emit::json::to_json;
use perfplan::model;
use perfplan::sema::Ctx;
use perfplan::source::{SourceFile, SourceMap};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

/// One plan size: its label, the number of projects, and how many runs to
/// take the median of.
struct Size {
    label: &'static str,
    projects: usize,
    runs: usize,
}

const SIZES: &[Size] = &[
    Size {
        label: "1 MB",
        projects: 620,
        runs: 15,
    },
    Size {
        label: "10 MB",
        projects: 6_200,
        runs: 7,
    },
    Size {
        label: "100 MB",
        projects: 62_000,
        runs: 3,
    },
];

/// The median of `runs` timings of `f`.
fn median<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn sources(path: &Path, text: String) -> SourceMap {
    let mut map = SourceMap::new();
    map.add(SourceFile::new(path.display().to_string(), text));
    map
}

/// What `perfplan build --to json` computes: the checked plan, resolved and
/// serialised; `None` when the plan has errors.
fn build_json(map: &SourceMap) -> Option<Vec<u8>> {
    let checked = check_for_json(map, &Options::default(), &tempfile::tempfile);
    if checked.outline.error_count() > 0 {
        return None;
    }
    let build = checked.into_build().ok()??;
    let mut out = Vec::new();
    build.write(&mut out).ok()?;
    Some(out)
}

/// The peak resident size, in bytes, of the `perfplan` binary run with
/// `args`, median of `runs`.
fn peak_memory(args: &[&std::ffi::OsStr], runs: usize) -> u64 {
    let args: Vec<std::ffi::OsString> = args.iter().map(|a| a.to_os_string()).collect();
    let costs: Vec<child::Cost> = (0..runs)
        .map(|_| {
            child::run(child::perfplan(), &args, &[], 0)
                .unwrap_or_else(|| panic!("perfplan {args:?} failed"))
        })
        .collect();
    child::median(&costs, |c| c.peak as f64) as u64
}

/// The plan's JSON output, minified.
fn minified_json(map: &SourceMap) -> String {
    let checked = check(map, &Options::default());
    let ctx = Ctx::new(&checked.files);
    let plan = model::resolve(&ctx).expect("the generated plan builds");
    serde_json::to_string(&plan).expect("the model serialises")
}

/// Where the time of `build --to json` goes, phase by phase, on the 10 MB
/// plan (each phase timed alone, median of 5).
fn phases(text: &str, _large: bool) {
    if text.is_empty() {
        return;
    }
    let id = perfplan::source::FileId(0);
    let runs = 5;
    let scan = median(runs, || {
        perfplan::syntax::layout::scan(id, text).lines.len()
    });
    let parse = median(runs, || perfplan::syntax::parse(id, text).0.items.len());
    let (tree, _) = perfplan::syntax::parse(id, text);
    let files = [tree];
    let index = median(runs, || Ctx::new(&files).projects.len());
    let ctx = Ctx::new(&files);
    let rules = median(runs, || perfplan::rules::run(&ctx).len());
    let resolve = median(runs, || model::resolve(&ctx).map(|p| p.projects.len()));
    let plan = model::resolve(&ctx).expect("the plan resolves");
    let json = median(runs, || to_json(&plan).len());
    let drop_tree = median(runs, || drop(perfplan::syntax::parse(id, text))).saturating_sub(parse);
    println!(
        "phases (10 MB, whole trees): scan {:.4} s (in parse) | parse {:.4} s | index {:.4} s | rules {:.4} s | resolve {:.4} s | json text {:.4} s | freeing the tree {:.4} s",
        secs(scan),
        secs(parse),
        secs(index),
        secs(rules),
        secs(resolve),
        secs(json),
        secs(drop_tree)
    );
    // What `perfplan check` and `build --to json` do instead.
    let map = sources(Path::new("plan.plan"), text.to_string());
    let whole = median(runs, || check(&map, &Options::default()).diagnostics.len());
    let outline = median(runs, || {
        check_outline(&map, &Options::default()).diagnostics.len()
    });
    let second = median(runs, || build_json(&map).map(|out| out.len()));
    println!(
        "phases (10 MB, outline): check whole trees {:.4} s | check in outline {:.4} s | check making the projects' JSON, then write it {:.4} s",
        secs(whole),
        secs(outline),
        secs(second)
    );
    // The slowest rules, each run alone.
    let mut by_rule: Vec<(Duration, &str)> = perfplan::rules::all()
        .map(|rule| {
            let time = median(runs, || {
                let mut out = Vec::new();
                (rule.check)(&ctx, &mut out);
                out.len()
            });
            (time, rule.doc.code)
        })
        .collect();
    by_rule.sort_by(|a, b| b.cmp(a));
    let top: Vec<String> = by_rule
        .iter()
        .take(8)
        .map(|(t, code)| format!("{code} {:.4}", secs(*t)))
        .collect();
    println!("slowest rules (10 MB, s): {}", top.join(", "));
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / secs(d)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == child::LAUNCH) {
        child::launch(&args[at + 1..]);
        return;
    }
    if let [_, flag, file] = &args[..]
        && flag == targets::SERDE_JSON
    {
        targets::serde_json_baseline(Path::new(file));
        return;
    }
    let large = std::env::var_os("PERFPLAN_BENCH_LARGE").is_some_and(|v| !v.is_empty() && v != "0")
        || args.iter().any(|a| a == "--large");
    let dir = tempfile::tempdir().expect("a temporary directory");
    if !args.iter().any(|a| a == "--targets") {
        table(dir.path(), large);
    }
    targets::run(dir.path(), large || targets::HUNDRED_BY_DEFAULT);
}

/// The in-process table: `check` and `build --to json` as library calls on
/// each plan in memory, next to reading the file and serde_json; the peak
/// memory of the binary on each plan; where the time goes on 10 MB.
fn table(dir: &Path, large: bool) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "perfplan throughput: medians; MB = 10^6 bytes of plan text; {threads} hardware threads"
    );
    println!(
        "{:>7} {:>9} | {:>8} {:>8} | {:>8} {:>8} | {:>8} {:>8} | {:>8} {:>8} | {:>10}",
        "plan",
        "bytes",
        "read s",
        "MB/s",
        "check s",
        "MB/s",
        "build s",
        "MB/s",
        "serde s",
        "json MB",
        "build/serde"
    );
    let mut builds: Vec<(&str, Duration)> = Vec::new();
    let mut memory: Vec<String> = Vec::new();
    let mut builds_text = String::new();
    for size in SIZES {
        if size.label == "100 MB" && !large {
            println!(
                "{:>7} (skipped: set PERFPLAN_BENCH_LARGE=1 or pass --large)",
                size.label
            );
            continue;
        }
        let text = generator::generate(size.projects, 1);
        let bytes = text.len();
        let path = dir.join(format!("plan-{}.plan", size.projects));
        std::fs::write(&path, &text).expect("write the plan");
        let map = sources(&path, text);
        let json = minified_json(&map);
        assert!(
            build_json(&map).is_some(),
            "the generated plan of {} projects builds",
            size.projects
        );

        // The baselines first, while no other work is running.
        let read = median(size.runs, || {
            std::fs::read_to_string(&path).map(|t| t.len())
        });
        let serde = median(size.runs, || {
            serde_json::from_str::<serde_json::Value>(&json).map(|v| v.is_object())
        });
        let checking = median(size.runs, || {
            check_outline(&map, &Options::default()).diagnostics.len()
        });
        let build = median(size.runs, || build_json(&map).map(|j| j.len()));
        println!(
            "{:>7} {:>9} | {:>8.4} {:>8.0} | {:>8.4} {:>8.1} | {:>8.4} {:>8.1} | {:>8.4} {:>8.1} | {:>10.2}",
            size.label,
            bytes,
            secs(read),
            mb_per_s(bytes, read),
            secs(checking),
            mb_per_s(bytes, checking),
            secs(build),
            mb_per_s(bytes, build),
            secs(serde),
            json.len() as f64 / 1e6,
            secs(build) / secs(serde)
        );
        builds.push((size.label, build));
        let out = dir.join("out.json");
        let check_peak = peak_memory(&["check".as_ref(), path.as_os_str()], 3);
        let build_args = ["build", "--to", "json", "-o"].map(std::ffi::OsStr::new);
        let build_peak = peak_memory(
            &[&build_args[..], &[out.as_os_str(), path.as_os_str()]].concat(),
            3,
        );
        memory.push(format!(
            "{:>7}: check {:.1} MB = {:.2}x | build --to json {:.1} MB = {:.2}x",
            size.label,
            check_peak as f64 / 1e6,
            check_peak as f64 / bytes as f64,
            build_peak as f64 / 1e6,
            build_peak as f64 / bytes as f64
        ));
        if size.label == "10 MB" {
            builds_text = map
                .iter()
                .next()
                .map(|(_, f)| f.text.clone())
                .unwrap_or_default();
        }
    }
    println!(
        "peak memory of the binary (resident, median of 3), as a multiple of the plan's size:"
    );
    for line in &memory {
        println!("{line}");
    }
    phases(&builds_text, large);
    for pair in builds.windows(2) {
        let [(small, a), (big, b)] = pair else {
            continue;
        };
        println!(
            "scaling: build {big} / build {small} = {:.2} (10.0 is linear)",
            secs(*b) / secs(*a)
        );
    }
}
