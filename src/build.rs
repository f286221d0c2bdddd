//! `perfplan build --to json` without the whole plan in memory, parsing
//! the plan once.
//!
//! [`check_for_json`] checks the plan as
//! [`check_outline`](crate::check::check_outline) does, and while each
//! run of projects is whole, on the thread that read it, resolves the
//! projects and makes their JSON text, which goes to a [`Spill`]: memory
//! for a small file, and once a file's text outgrows [`IN_MEMORY`] a file
//! the caller makes (the binary makes an unnamed temporary file beside the
//! output, removed when dropped even if the process is killed: the library
//! opens no file of its own). The outline that the check leaves is all the
//! department-level parts of the output need (the total, the summaries),
//! so once the plan is known to have no errors, [`JsonBuild::write`]
//! writes those parts and then copies the spilled projects. The bytes are
//! those of [`emit::json::write_json`](crate::emit::json::write_json) of
//! the whole resolved plan; neither the trees nor the output are ever
//! held whole.

use crate::check::{Options, Outline, check_outline_making};
use crate::emit::json::ProjectsWriter;
use crate::model::{self, Plan};
use crate::sema::Ctx;
use crate::source::SourceMap;
use std::fs::File;
use std::io::{self, BufWriter, Seek, Write};
use std::sync::Mutex;

/// Makes the file a spill moves to when it outgrows memory: an unnamed
/// temporary file, read back from its start once the plan checks.
pub type NewSpillFile<'f> = dyn Fn() -> io::Result<File> + Sync + 'f;

/// A plan checked for `build --to json`: the check's outline, and the
/// projects' JSON text made on the way.
pub struct Checked {
    /// The check's result: its diagnostics say whether to build.
    pub outline: Outline,
    spills: Vec<Spill>,
}

/// Checks a plan as [`check_outline`](crate::check::check_outline) does
/// (the same diagnostics) and makes the JSON text of its projects on the
/// way, kept in memory or, past [`IN_MEMORY`] for a file, in files that
/// `new_file` makes.
pub fn check_for_json(
    sources: &SourceMap,
    options: &Options,
    new_file: &NewSpillFile<'_>,
) -> Checked {
    let spills: Vec<Mutex<Spill>> = sources.iter().map(|_| Mutex::new(Spill::new())).collect();
    let make = |ctx: &Ctx| -> io::Result<Vec<Vec<u8>>> {
        let projects = model::resolve_projects(ctx).unwrap_or_default();
        projects.iter().map(ProjectsWriter::project_text).collect()
    };
    let sink = |file: usize, made: Option<io::Result<Vec<Vec<u8>>>>| {
        let mut spill = spills[file].lock().unwrap_or_else(|e| e.into_inner());
        spill.take(made, new_file);
    };
    let outline = check_outline_making(sources, options, &make, &sink);
    Checked {
        outline,
        spills: spills
            .into_iter()
            .map(|s| s.into_inner().unwrap_or_else(|e| e.into_inner()))
            .collect(),
    }
}

impl Checked {
    /// The JSON ready to write, for a plan that checked without errors.
    /// `Ok(None)` when the plan cannot be resolved (no header, an unknown
    /// framework, a run that did not read): the checker reports those as
    /// errors, so this is not reached after a clean check. An error when a
    /// spilled text could not be written.
    pub fn into_build(self) -> io::Result<Option<JsonBuild>> {
        let Some(frame) = model::resolve_frame(&Ctx::new(&self.outline.files)) else {
            return Ok(None);
        };
        drop(self.outline);
        let mut spills = Vec::with_capacity(self.spills.len());
        for spill in self.spills {
            match spill.finish()? {
                Some(done) => spills.push(done),
                None => return Ok(None),
            }
        }
        Ok(Some(JsonBuild { frame, spills }))
    }
}

/// The JSON output of a plan that checked without errors, ready to write.
pub struct JsonBuild {
    /// The resolved plan without its projects.
    frame: Plan,
    /// Each file's projects, in order.
    spills: Vec<Spilled>,
}

impl JsonBuild {
    /// Writes the JSON: the department-level parts, then the projects.
    pub fn write(self, out: &mut dyn Write) -> io::Result<()> {
        let mut writer = ProjectsWriter::start(&self.frame, out)?;
        for spilled in self.spills {
            match spilled {
                Spilled::Memory(text) => writer.write_spilled(&mut text.as_slice())?,
                Spilled::Disk(mut file) => {
                    file.rewind()?;
                    writer.write_spilled(&mut io::BufReader::new(file))?;
                }
            }
        }
        writer.finish()
    }
}

/// Past this many bytes of JSON, a file's projects go to a temporary
/// file rather than memory.
const IN_MEMORY: usize = 1 << 20;

/// One file's projects as JSON text, as the runs are checked, in the form
/// [`ProjectsWriter::write_spilled`] reads.
struct Spill {
    to: SpillTo,
    /// Whether every run read without error.
    complete: bool,
    /// The first error of writing the temporary file.
    error: Option<io::Error>,
}

enum SpillTo {
    Memory(Vec<u8>),
    Disk(BufWriter<File>),
}

/// A file's spilled projects, ready to copy.
enum Spilled {
    Memory(Vec<u8>),
    Disk(File),
}

impl Spill {
    fn new() -> Spill {
        Spill {
            to: SpillTo::Memory(Vec::new()),
            complete: true,
            error: None,
        }
    }

    /// Takes what was made of one run: its projects' texts, `None` for a
    /// run that did not read (the plan will not be built, and nothing more
    /// is kept), or the error of making them. `new_file` makes the file
    /// the texts move to when they outgrow memory.
    fn take(&mut self, made: Option<io::Result<Vec<Vec<u8>>>>, new_file: &NewSpillFile<'_>) {
        if !self.complete || self.error.is_some() {
            return;
        }
        match made {
            None => {
                self.complete = false;
                self.to = SpillTo::Memory(Vec::new());
            }
            Some(Err(e)) => self.error = Some(e),
            Some(Ok(texts)) => {
                if let Err(e) = self.append(&texts, new_file) {
                    self.error = Some(e);
                }
            }
        }
    }

    fn append(&mut self, texts: &[Vec<u8>], new_file: &NewSpillFile<'_>) -> io::Result<()> {
        if let SpillTo::Memory(held) = &mut self.to {
            for text in texts {
                ProjectsWriter::spill(held, text)?;
            }
            if held.len() > IN_MEMORY {
                let mut disk = BufWriter::new(new_file()?);
                disk.write_all(held)?;
                self.to = SpillTo::Disk(disk);
            }
            return Ok(());
        }
        if let SpillTo::Disk(disk) = &mut self.to {
            for text in texts {
                ProjectsWriter::spill(disk, text)?;
            }
        }
        Ok(())
    }

    /// The spilled projects; `None` when a run did not read.
    fn finish(self) -> io::Result<Option<Spilled>> {
        if let Some(e) = self.error {
            return Err(e);
        }
        if !self.complete {
            return Ok(None);
        }
        Ok(Some(match self.to {
            SpillTo::Memory(held) => Spilled::Memory(held),
            SpillTo::Disk(disk) => Spilled::Disk(disk.into_inner().map_err(|e| e.into_error())?),
        }))
    }
}

/// Reads a spill back whole: for tests.
#[cfg(test)]
fn read_all(spilled: Spilled) -> io::Result<Vec<u8>> {
    use std::io::Read;
    match spilled {
        Spilled::Memory(held) => Ok(held),
        Spilled::Disk(mut file) => {
            file.rewind()?;
            let mut out = Vec::new();
            file.read_to_end(&mut out)?;
            Ok(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spill_of(texts: &[&[u8]], runs: usize) -> Vec<u8> {
        let mut spill = Spill::new();
        for _ in 0..runs {
            let texts = texts.iter().map(|t| t.to_vec()).collect();
            spill.take(Some(Ok(texts)), &tempfile::tempfile);
        }
        read_all(spill.finish().expect("spilled").expect("complete")).expect("read back")
    }

    #[test]
    fn a_large_spill_goes_to_disk_with_the_same_bytes() {
        let big = vec![b'x'; IN_MEMORY / 3];
        let small = spill_of(&[&big], 1);
        let large = spill_of(&[&big], 6);
        assert_eq!(large.len(), small.len() * 6);
        assert_eq!(&large[..small.len()], small.as_slice());
    }

    #[test]
    fn a_run_that_did_not_read_leaves_nothing_to_build() {
        let mut spill = Spill::new();
        let new_file: &NewSpillFile<'_> = &tempfile::tempfile;
        spill.take(Some(Ok(vec![b"{}".to_vec()])), new_file);
        spill.take(None, new_file);
        spill.take(Some(Ok(vec![b"{}".to_vec()])), new_file);
        assert!(spill.finish().expect("no error").is_none());
    }
}
