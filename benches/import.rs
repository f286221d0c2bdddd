//! `cargo bench --bench import`: the time `perfplan import` takes on a
//! workbook of 1,000 projects (and on its Word twin), the library call the
//! binary makes (bytes in, plan text out). The workbook is built here from
//! a generated plan (`examples/gen.rs`, `--projects 1000 --seed 1`) with
//! `build --to xlsx`'s own emitter. Median of 5 runs.

#[path = "../examples/gen.rs"]
#[allow(dead_code)]
mod generator;

use perfplan::check::{Options, check};
use perfplan::diagnostic::Lang;
use perfplan::sema::Ctx;
use perfplan::source::{SourceFile, SourceMap};
use std::time::{Duration, Instant};

const PROJECTS: usize = 1000;
const RUNS: usize = 5;

fn main() {
    let text = generator::generate(PROJECTS, 1);
    let mut sources = SourceMap::default();
    sources.add(SourceFile::new("gen.plan", text));
    let checked = check(&sources, &Options::default());
    let Some(plan) = perfplan::model::resolve(&Ctx::new(&checked.files)) else {
        eprintln!("the generated plan does not resolve");
        std::process::exit(1);
    };
    let documents = [
        (
            "xlsx",
            perfplan::emit::xlsx::to_xlsx(&plan, Lang::Zh).map_err(|e| e.to_string()),
        ),
        (
            "docx",
            perfplan::emit::docx::to_docx(&plan, Lang::Zh).map_err(|e| e.to_string()),
        ),
    ];
    for (kind, bytes) in documents {
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{kind}: {e}");
                std::process::exit(1);
            }
        };
        let mut times = Vec::with_capacity(RUNS);
        let mut summary = None;
        for _ in 0..RUNS {
            let start = Instant::now();
            match perfplan::import::import(&bytes, "bench") {
                Ok(imported) => summary = Some(imported.summary),
                Err(e) => {
                    eprintln!("{kind}: {e}");
                    std::process::exit(1);
                }
            }
            times.push(start.elapsed());
        }
        times.sort();
        let median = times.get(RUNS / 2).copied().unwrap_or(Duration::ZERO);
        println!(
            "import {kind} of {PROJECTS} projects ({:.1} MB): median {:.3} s over {RUNS} runs; {:?}",
            bytes.len() as f64 / 1e6,
            median.as_secs_f64(),
            summary.unwrap_or_default()
        );
    }
}
