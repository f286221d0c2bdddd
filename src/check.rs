//! The compiler driver: from the source files of one plan to its syntax
//! trees and every diagnostic, sorted for display.
//!
//! [`check`] keeps every tree whole, for what needs all of a plan at once
//! (`diff`, the Word, Excel and Markdown documents). [`check_outline`]
//! gives the same diagnostics while holding a large plan's projects one
//! run at a time, so that its memory stays a small multiple of the plan's
//! text: `perfplan check` and `build --to json` use it.

use crate::ast::{self, Item};
use crate::diagnostic::{self, Diagnostic};
use crate::rules::{self, Scope, lint};
use crate::sema::Ctx;
use crate::source::{FileId, SourceMap, Span};
use crate::syntax;
use rayon::prelude::*;

/// How to check: settings that come from outside the plan.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Lint levels from the command line (`-A/-W/-D CODE`); they win over
    /// the plan's own.
    pub lints: Vec<lint::Setting>,
}

/// The result of checking a plan.
#[derive(Debug, Default)]
pub struct Checked {
    /// One tree per file, in the order of the source map.
    pub files: Vec<ast::File>,
    /// Every problem found, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether every line of the plan was read: no syntax or value error.
    /// The rules run either way (a broken line is an error node they skip,
    /// see [`ast::Broken`]), but only a plan read whole can be resolved
    /// into the model (`build`, `diff`).
    pub parsed_whole: bool,
}

impl Checked {
    pub fn error_count(&self) -> usize {
        diagnostic::error_count(&self.diagnostics)
    }

    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }
}

/// The result of [`check_outline`]: the diagnostics of [`check`], and the
/// trees with every project cut to its outline (its code, unit, funds and
/// goals; see [`ast::Project::cut_to_outline`]). The items that are not
/// projects are whole.
#[derive(Debug, Default)]
pub struct Outline {
    /// One tree per file, in the order of the source map.
    pub files: Vec<ast::File>,
    /// Every problem found, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// As in [`Checked::parsed_whole`].
    pub parsed_whole: bool,
}

impl Outline {
    pub fn error_count(&self) -> usize {
        diagnostic::error_count(&self.diagnostics)
    }
}

/// Whether a diagnostic says a line or a value could not be read (the
/// syntax and value codes, `E00xx` and `E01xx`), as opposed to a rule's
/// finding about what was read.
pub fn is_syntax_error(d: &Diagnostic) -> bool {
    d.severity == diagnostic::Severity::Error
        && (d.code.starts_with("E00") || d.code.starts_with("E01"))
}

/// Parses every file of the plan, runs every rule over the whole, applies
/// the lint levels and collects all diagnostics.
pub fn check(sources: &SourceMap, options: &Options) -> Checked {
    let mut checked = Checked::default();
    // The files are parsed in parallel (and a large file in parallel runs
    // of its items, see `syntax::parse`); the trees and diagnostics are
    // joined in the order of the source map.
    let files: Vec<_> = sources.iter().collect();
    let parsed: Vec<(ast::File, Vec<Diagnostic>)> = files
        .par_iter()
        .map(|(id, file)| syntax::parse(*id, &file.text))
        .collect();
    for (tree, diagnostics) in parsed {
        checked.files.push(tree);
        checked.diagnostics.extend(diagnostics);
    }
    checked.parsed_whole = !checked.diagnostics.iter().any(is_syntax_error);
    let ctx = Ctx::new(&checked.files);
    let found = rules::run(&ctx);
    let plan_lints = lint::plan_settings(&ctx);
    let syntax = std::mem::take(&mut checked.diagnostics);
    checked.diagnostics = lint::apply(
        syntax.into_iter().chain(found).collect(),
        &plan_lints,
        &options.lints,
    );
    diagnostic::sort(&mut checked.diagnostics);
    checked
}

/// [`check`], without holding a plan's projects whole: the same
/// diagnostics, in the same order.
///
/// First the items of every file that are not projects are parsed: the
/// settings every project is checked against. Then each file is parsed in
/// runs (see [`syntax::parse_with`]); as soon as a run is parsed, the rules
/// of [`Scope::Item`] check its projects and the projects are cut to their
/// outline. Last, the items that are not projects are checked by the same
/// rules, and the whole plan, in outline, by the rules of [`Scope::Plan`].
pub fn check_outline(sources: &SourceMap, options: &Options) -> Outline {
    outline_in_runs(sources, options, syntax::RUN_BYTES, &|_| (), &|_, _| ())
}

/// [`check_outline`], also making something of each run's projects on the
/// thread that read them, while they are whole: `make` is called with the
/// context of a run that read without error (the plan's settings and the
/// run's projects, [`Ctx::for_run`]), and `sink` gets what it made with
/// the index of the run's file in `sources`: the runs of a file in order,
/// `None` for a run whose lines did not read without error (the plan then
/// has errors). The files are read in parallel. `build --to json` makes
/// the projects' JSON text this way, so that a plan is parsed once.
pub fn check_outline_making<M: Send>(
    sources: &SourceMap,
    options: &Options,
    make: &(dyn Fn(&Ctx) -> M + Sync),
    sink: &(dyn Fn(usize, Option<M>) + Sync),
) -> Outline {
    outline_in_runs(sources, options, syntax::RUN_BYTES, make, sink)
}

/// [`check_outline_making`], with runs of about `run_bytes`.
fn outline_in_runs<M: Send>(
    sources: &SourceMap,
    options: &Options,
    run_bytes: usize,
    make: &(dyn Fn(&Ctx) -> M + Sync),
    sink: &(dyn Fn(usize, Option<M>) + Sync),
) -> Outline {
    let files: Vec<_> = sources.iter().collect();
    let starts: Vec<Vec<syntax::ItemStart>> = files
        .par_iter()
        .map(|(id, file)| syntax::item_starts(*id, &file.text))
        .collect();
    let settings: Vec<ast::File> = files
        .par_iter()
        .zip(&starts)
        .map(|((id, file), starts)| syntax::items_but_projects(*id, &file.text, starts))
        .collect();
    let parsed: Vec<_> = files
        .par_iter()
        .zip(&starts)
        .enumerate()
        .map(|(index, ((id, file), starts))| {
            let each_run = |run: syntax::RunItems| check_run(&settings, *id, run, make);
            let mut found = Vec::new();
            let (tree, diagnostics) = syntax::parse_with_runs(
                *id,
                &file.text,
                run_bytes,
                starts,
                &each_run,
                &mut |(run_found, made): (Vec<Diagnostic>, Option<M>)| {
                    found.extend(run_found);
                    sink(index, made);
                },
            );
            (tree, diagnostics, found)
        })
        .collect();
    let mut outline = Outline::default();
    let mut found = Vec::new();
    for (tree, diagnostics, runs) in parsed {
        outline.files.push(tree);
        outline.diagnostics.extend(diagnostics);
        found.extend(runs);
    }
    outline.parsed_whole = !outline.diagnostics.iter().any(is_syntax_error);
    found.extend(rules::run_scope(&Ctx::new(&settings), Scope::Item));
    let plan = Ctx::new(&outline.files);
    found.extend(rules::run_scope(&plan, Scope::Plan));
    let plan_lints = lint::plan_settings(&plan);
    let syntax = std::mem::take(&mut outline.diagnostics);
    outline.diagnostics = lint::apply(
        syntax.into_iter().chain(found).collect(),
        &plan_lints,
        &options.lints,
    );
    diagnostic::sort(&mut outline.diagnostics);
    outline
}

/// Checks the projects of one run with the rules of [`Scope::Item`],
/// keeping what they report inside those projects; makes what `make`
/// makes of a run that read without error; then cuts the projects to
/// their outline.
fn check_run<M>(
    settings: &[ast::File],
    file: FileId,
    run: syntax::RunItems,
    make: &(dyn Fn(&Ctx) -> M + Sync),
) -> (Vec<Diagnostic>, Option<M>) {
    let (mut found, made) = {
        let ctx = Ctx::for_run(settings, file, run.items);
        let made = run.clean.then(|| make(&ctx));
        if ctx.projects.is_empty() {
            return (Vec::new(), made);
        }
        (rules::run_scope(&ctx, Scope::Item), made)
    };
    let spans: Vec<Span> = run
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Project(p) => Some(p.span),
            _ => None,
        })
        .collect();
    found.retain(|d| {
        d.location()
            .is_some_and(|(f, at)| f == file && within(&spans, at))
    });
    for item in run.items.iter_mut() {
        if let Item::Project(p) = item {
            p.cut_to_outline();
        }
    }
    (found, made)
}

fn within(spans: &[Span], at: Span) -> bool {
    let next = spans.partition_point(|s| s.start <= at.start);
    next > 0 && spans[next - 1].end >= at.end
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::source::SourceFile;
    use std::path::{Path, PathBuf};

    /// Every plan of the repository: the examples, the seed, the profiles
    /// and the test plans (one per rule that triggers it, one that does
    /// not, and the syntax errors).
    pub(crate) fn plans() -> Vec<PathBuf> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        let mut dirs = vec![
            root.join("examples"),
            root.join("profiles"),
            root.join("tests"),
        ];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "plan") {
                    out.push(path);
                }
            }
        }
        out.sort();
        out
    }

    fn one_file(text: &str) -> SourceMap {
        let mut map = SourceMap::new();
        map.add(SourceFile::new("plan.plan", text));
        map
    }

    /// Checking in outline, in runs of every size down to one item each,
    /// gives what checking the whole trees gives, on every plan of the
    /// repository: the rules' scopes are right.
    #[test]
    fn outline_gives_the_diagnostics_of_the_whole_trees() {
        let plans = plans();
        assert!(plans.len() > 100, "{} plans", plans.len());
        let options = Options::default();
        for path in plans {
            let text = std::fs::read_to_string(&path).expect("a plan");
            let map = one_file(&text);
            let whole = check(&map, &options);
            for run_bytes in [1, 300, usize::MAX] {
                let outline = outline_in_runs(&map, &options, run_bytes, &|_| (), &|_, _| ());
                assert_eq!(
                    outline.diagnostics,
                    whole.diagnostics,
                    "{} in runs of {run_bytes} bytes",
                    path.display()
                );
                assert_eq!(outline.parsed_whole, whole.parsed_whole);
            }
        }
    }

    /// The same over a plan of several files, the header in the last one.
    #[test]
    fn outline_of_a_plan_in_several_files() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(root.join("tests/seed/as-filed.plan")).expect("seed");
        let cut = text.find("\n项目 ").expect("a project");
        let mut map = SourceMap::new();
        map.add(SourceFile::new("projects.plan", &text[cut + 1..]));
        map.add(SourceFile::new("header.plan", &text[..cut + 1]));
        let whole = check(&map, &Options::default());
        assert!(whole.error_count() > 0);
        for run_bytes in [1, usize::MAX] {
            let outline =
                outline_in_runs(&map, &Options::default(), run_bytes, &|_| (), &|_, _| ());
            assert_eq!(outline.diagnostics, whole.diagnostics);
        }
    }
}
