//! The `perfplan` command. All the work is in the library and `cli`.

fn main() -> std::process::ExitCode {
    perfplan_cli::run()
}

#[path = "cli/mod.rs"]
mod perfplan_cli;
