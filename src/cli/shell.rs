//! `perfplan completions SHELL` and `perfplan man [COMMAND]`: a shell's
//! completion script (clap_complete) and the roff manual page
//! (clap_mangen), both from the command tree of `--help`, in the language
//! of the messages.

use super::args::{self, CompletionsArgs, ManArgs};
use super::{errors, print_out};
use perfplan::diagnostic::Lang;
use std::process::ExitCode;

/// Prints the completion script of a shell.
pub fn completions(a: &CompletionsArgs, lang: Lang) -> miette::Result<ExitCode> {
    let mut command = args::command(lang);
    let mut script = Vec::new();
    clap_complete::generate(a.shell, &mut command, "perfplan", &mut script);
    print_out(&String::from_utf8_lossy(&script), lang).map(|()| ExitCode::SUCCESS)
}

/// Prints the manual page of perfplan, or of one of its commands
/// (`perfplan-check(1)`).
pub fn man(a: &ManArgs, lang: Lang) -> miette::Result<ExitCode> {
    let mut root = args::command(lang);
    root.build();
    let page = match a.command.as_deref() {
        None => root,
        Some(name) => {
            let Some(sub) = root
                .get_subcommands()
                .find(|c| c.get_name() == name && name != "help")
            else {
                let known: Vec<&str> = root
                    .get_subcommands()
                    .map(|c| c.get_name())
                    .filter(|n| *n != "help")
                    .collect();
                return Err(errors::unknown_command(name, &known, lang));
            };
            // Built, its display name is `perfplan-check`: the page's title.
            sub.clone().version(env!("CARGO_PKG_VERSION"))
        }
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut roff)
        .map_err(|e| errors::output_failed(e, lang))?;
    let page = th_first(&String::from_utf8_lossy(&roff));
    print_out(&page, lang).map(|()| ExitCode::SUCCESS)
}

/// The page with its `.TH` line first, as man-pages(7) asks: clap_mangen
/// defines the `Aq` string before it, which may as well come after.
fn th_first(page: &str) -> String {
    let mut lines: Vec<&str> = page.lines().collect();
    if let Some(i) = lines.iter().position(|l| l.starts_with(".TH ")) {
        let th = lines.remove(i);
        lines.insert(0, th);
    }
    lines.join("\n") + "\n"
}
