//! `perfplan build --to json` without the whole plan in memory.
//!
//! [`check_outline`](crate::check::check_outline) leaves the plan's items
//! that are not projects whole and its projects in outline, which is all
//! the department-level parts of the output need (the total, the
//! summaries). The projects are then parsed again, a few runs at a time,
//! resolved and written as they come: neither the trees nor the output
//! are ever held whole, and the bytes are those of
//! [`emit::json::write_json`](crate::emit::json::write_json) of the whole
//! resolved plan.

use crate::ast::{self, Item};
use crate::check::Outline;
use crate::emit::json::ProjectsWriter;
use crate::model::{self, Plan};
use crate::sema::Ctx;
use crate::source::SourceMap;
use crate::syntax;
use std::io::{self, Write};

/// The JSON output of a plan that checked without errors, ready to write.
pub struct JsonBuild<'a> {
    sources: &'a SourceMap,
    /// The plan's items that are not projects: the settings the projects
    /// are resolved with.
    settings: Vec<ast::File>,
    /// The resolved plan without its projects.
    frame: Plan,
}

impl<'a> JsonBuild<'a> {
    /// Resolves the department-level parts of the plan, then drops the
    /// outline's projects: the projects are parsed again as they are
    /// written. `None` when the plan cannot be resolved (no header, an
    /// unknown framework): the checker reports those as errors, so this is
    /// not reached after a clean check.
    pub fn new(sources: &'a SourceMap, outline: Outline) -> Option<JsonBuild<'a>> {
        let frame = model::resolve_frame(&Ctx::new(&outline.files))?;
        let mut settings = outline.files;
        for file in &mut settings {
            file.items.retain(|i| !matches!(i, Item::Project(_)));
            file.comments = Vec::new();
        }
        Some(JsonBuild {
            sources,
            settings,
            frame,
        })
    }

    /// Writes the JSON, resolving the projects run by run as it goes.
    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut writer = ProjectsWriter::start(&self.frame, out)?;
        for (id, file) in self.sources.iter() {
            // Each run's projects are resolved and made into text on the
            // thread that parsed them; the texts are written in order.
            let resolve_run = |items: Vec<Item>| -> io::Result<Vec<Vec<u8>>> {
                let projects = {
                    let ctx = Ctx::for_run(&self.settings, id, &items);
                    model::resolve_projects(&ctx).unwrap_or_default()
                };
                // The run's trees go before its JSON text is made: one
                // project of a million rows never holds both.
                drop(items);
                projects.iter().map(ProjectsWriter::project_text).collect()
            };
            syntax::for_each_run(id, &file.text, &resolve_run, |texts| {
                texts?.iter().try_for_each(|t| writer.write_project(t))
            })?;
        }
        writer.finish()
    }
}
