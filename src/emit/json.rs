//! The resolved plan as JSON: pretty-printed, keys in the model's order,
//! the same bytes for the same plan.

use crate::model::{Plan, Project};
use std::io::{self, Write};

/// Writes the JSON of a plan, ending in a newline, as it is serialised:
/// a large plan's text is never held whole in memory.
pub fn write_json(plan: &Plan, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, plan)?;
    out.write_all(b"\n")
}

/// The JSON text of a plan, ending in a newline.
pub fn to_json(plan: &Plan) -> String {
    let mut bytes = Vec::new();
    match write_json(plan, &mut bytes) {
        Ok(()) => String::from_utf8(bytes).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// Writes a plan's JSON with its projects handed over one at a time: the
/// same bytes as [`write_json`] of the whole plan, without ever holding
/// all of its projects.
pub struct ProjectsWriter<'w> {
    out: &'w mut dyn Write,
    /// Whether a project has been written.
    any: bool,
}

/// How the JSON of a plan without projects ends: its last field.
const NO_PROJECTS: &[u8] = b"[]\n}";

/// Indentation of the projects: inside the plan's object and its list.
const PROJECT_INDENT: &[u8] = b"\n    ";

impl<'w> ProjectsWriter<'w> {
    /// Writes all of `frame` but its projects, which must be empty (the
    /// projects are the model's last field) and are given to
    /// [`ProjectsWriter::project`].
    pub fn start(frame: &Plan, out: &'w mut dyn Write) -> io::Result<ProjectsWriter<'w>> {
        let mut held = HoldBack {
            out: &mut *out,
            held: Vec::new(),
        };
        serde_json::to_writer_pretty(&mut held, frame)?;
        if held.held != NO_PROJECTS {
            return Err(io::Error::other(
                "the plan's projects are not its last field",
            ));
        }
        out.write_all(b"[")?;
        Ok(ProjectsWriter { out, any: false })
    }

    /// The JSON text of one project, indented to its place in the plan's
    /// list, for [`ProjectsWriter::write_project`]. Projects can be made
    /// into text in parallel, then written in order.
    pub fn project_text(project: &Project) -> io::Result<Vec<u8>> {
        let mut out = Indented(Vec::new());
        serde_json::to_writer_pretty(&mut out, project)?;
        Ok(out.0)
    }

    /// Writes the next project, as made by [`ProjectsWriter::project_text`].
    pub fn write_project(&mut self, text: &[u8]) -> io::Result<()> {
        if self.any {
            self.out.write_all(b",")?;
        }
        self.out.write_all(PROJECT_INDENT)?;
        self.out.write_all(text)?;
        self.any = true;
        Ok(())
    }

    /// Appends one project's text, as made by
    /// [`ProjectsWriter::project_text`], to a spill: a run of projects
    /// kept aside in the form [`ProjectsWriter::write_spilled`] copies
    /// (each project after a comma and its indentation).
    pub fn spill(to: &mut dyn Write, text: &[u8]) -> io::Result<()> {
        to.write_all(b",")?;
        to.write_all(PROJECT_INDENT)?;
        to.write_all(text)
    }

    /// Copies the projects of a spill (see [`ProjectsWriter::spill`]) as
    /// the next projects: the same bytes as writing each with
    /// [`ProjectsWriter::write_project`].
    pub fn write_spilled(&mut self, spill: &mut dyn io::BufRead) -> io::Result<()> {
        let mut first = true;
        loop {
            let chunk = spill.fill_buf()?;
            if chunk.is_empty() {
                return Ok(());
            }
            let mut bytes = chunk;
            if first && !self.any {
                // The first project of the plan has no comma before it.
                bytes = &bytes[1..];
            }
            if first {
                self.any = true;
                first = false;
            }
            self.out.write_all(bytes)?;
            let n = chunk.len();
            spill.consume(n);
        }
    }

    /// Closes the list and the plan.
    pub fn finish(self) -> io::Result<()> {
        if !self.any {
            self.out.write_all(b"]\n}\n")
        } else {
            self.out.write_all(b"\n  ]\n}\n")
        }
    }
}

/// A writer that passes everything on but its last bytes, as many as
/// [`NO_PROJECTS`], which it keeps for the caller to look at.
struct HoldBack<'a> {
    out: &'a mut dyn Write,
    held: Vec<u8>,
}

impl Write for HoldBack<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.held.extend_from_slice(buf);
        let spare = self.held.len().saturating_sub(NO_PROJECTS.len());
        self.out.write_all(&self.held[..spare])?;
        self.held.drain(..spare);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Writes its text with [`PROJECT_INDENT`] for every line break: a
/// project's pretty JSON at the depth of the plan's `projects` list, made
/// in one pass (no second copy of a large project's text). A line break
/// in JSON text is always between tokens (strings escape theirs).
struct Indented(Vec<u8>);

impl Write for Indented {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        for (i, line) in buf.split(|&b| b == b'\n').enumerate() {
            if i > 0 {
                self.0.extend_from_slice(PROJECT_INDENT);
            }
            self.0.extend_from_slice(line);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
