//! The command-line arguments (clap).

use clap::{Args, Parser, Subcommand, ValueEnum};
use perfplan::diagnostic::Lang;
use perfplan::rules::lint::{self, Level, Setting};
use std::path::PathBuf;

/// perfplan — check and compile budget performance plans (预算绩效目标).
#[derive(Parser, Debug)]
#[command(name = "perfplan", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// Language of messages: zh or en [default: from LC_ALL/LANG; zh for zh_*]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    /// When to colour the output
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,

    /// How to print diagnostics
    #[arg(long, global = true, value_enum, default_value_t = MessageFormat::Human)]
    pub message_format: MessageFormat,

    /// Show at most N diagnostics per file, and how many more there are
    /// (0 shows them all)
    #[arg(long, global = true, value_name = "N", default_value_t = perfplan::render::cap::DEFAULT_PER_FILE)]
    pub max_diagnostics: usize,

    /// The name of standard input (`-`) in diagnostics and errors, such as
    /// the path of the file an editor is sending
    #[arg(long, global = true, value_name = "NAME")]
    pub stdin_filename: Option<String>,
}

impl Cli {
    /// What standard input is called in messages: `--stdin-filename`, or `-`.
    pub fn stdin_name(&self) -> &str {
        self.stdin_filename.as_deref().unwrap_or("-")
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check a plan (one or more files) and report every problem
    Check(CheckArgs),
    /// Compile a plan without errors to JSON, Markdown, Word, Excel or
    /// budget-system records
    Build(BuildArgs),
    /// Rewrite plan files in the canonical layout, losing nothing
    Fmt(FmtArgs),
    /// Show what changed between two versions of a plan (files or REV:PATH)
    Diff(DiffArgs),
    /// Read a Word (.docx) or Excel (.xlsx) plan as filed into plan text
    Import(ImportArgs),
    /// Write a starter plan (DIR/plan.plan) that checks clean, to fill in
    Init(InitArgs),
    /// Print the JSON Schema of `build --to json` (or, with --records, of
    /// `build --to records`)
    Schema(SchemaArgs),
    /// Explain a diagnostic code, such as E0103
    Explain(ExplainArgs),
    /// Run the language server (LSP over standard input and output) for
    /// editors: diagnostics as you type, hover, completion, quick fixes
    Lsp(LspArgs),
    /// Print a shell completion script: bash, zsh, fish, powershell or elvish
    Completions(CompletionsArgs),
    /// Print the manual page (roff): perfplan's, or one command's
    Man(ManArgs),
}

#[derive(Args, Debug)]
pub struct LspArgs {
    /// Talk over standard input and output (the only transport; accepted
    /// because editors' clients pass it)
    #[arg(long)]
    pub stdio: bool,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// The files of the plan; several files are one plan
    #[arg(required = true)]
    pub files: Vec<PathBuf>,

    /// Apply the fixes that keep the plan's meaning (full-width marks,
    /// invisible characters, a comparator the name settles, a figure
    /// restated from its project) and report what is left; `-` prints
    /// the fixed text
    #[arg(long)]
    pub fix: bool,

    /// With --fix, also apply the fixes that change a figure or a word
    /// the plan chose (a comparator turned round); read them in the diff
    #[arg(long, requires = "fix")]
    pub unsafe_fixes: bool,

    /// Check each file as a plan of its own (as a pre-commit hook passes
    /// the changed files)
    #[arg(long, conflicts_with = "fix")]
    pub each: bool,

    #[command(flatten)]
    pub lints: LintArgs,
}

#[derive(Args, Debug)]
pub struct InitArgs {
    /// The directory of the new plan [default: the current directory]
    pub dir: Option<PathBuf>,

    /// The indicator framework: classic, classic-benefit-satisfaction or
    /// central-2021
    #[arg(long, default_value = "classic")]
    pub framework: String,

    /// The plan's year [default: next year, the one budgets are made for]
    #[arg(long)]
    pub year: Option<u16>,

    /// Write the keywords in this language
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    pub keywords: LangArg,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The Word (.docx) or Excel (.xlsx) file
    pub file: PathBuf,

    /// Write the plan to this file (atomically), or into this directory
    /// as NAME.plan; without it, to standard output
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct BuildArgs {
    /// The files of the plan; several files are one plan
    #[arg(required = true)]
    pub files: Vec<PathBuf>,

    /// The output format
    #[arg(long, value_enum)]
    pub to: Format,

    /// Write to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// The format of `--to records`: one JSON document, or one CSV file
    /// (UTF-8 with BOM) [default: json]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<RecordFormat>,

    /// Language of the document (md, docx, xlsx): Chinese unless asked
    /// otherwise, here or with an explicit --lang; never from the locale
    #[arg(long, value_enum, value_name = "LANG")]
    pub doc_lang: Option<LangArg>,

    /// Word (docx): leave out the cover page, whatever the header's
    /// `封面` says
    #[arg(long, overrides_with = "cover")]
    pub no_cover: bool,

    /// Word (docx): a cover page even when the header says `封面 否`
    #[arg(long, overrides_with = "no_cover")]
    pub cover: bool,

    /// Word (docx): leave out the table of contents (目录), whatever the
    /// header's `目录` says
    #[arg(long, overrides_with = "toc")]
    pub no_toc: bool,

    /// Word (docx): a table of contents even when the header says `目录 否`
    #[arg(long, overrides_with = "no_toc")]
    pub toc: bool,

    #[command(flatten)]
    pub lints: LintArgs,
}

impl BuildArgs {
    /// The document's language: `--doc-lang`, else an explicit `--lang`,
    /// else Chinese — a submission document does not follow the terminal.
    pub fn document_lang(&self, cli: &Cli) -> Lang {
        self.doc_lang.or(cli.lang).map_or(Lang::Zh, Lang::from)
    }

    /// The Word document's options: a cover page and a table of
    /// contents as the header says (`cover`, `toc`: its `封面` and `目录`)
    /// unless a switch says otherwise (the last of `--cover` and
    /// `--no-cover` wins), and the time it states from
    /// `SOURCE_DATE_EPOCH` (1980-01-01 without it).
    pub fn docx_options(&self, cover: bool, toc: bool) -> perfplan::emit::docx::Options {
        perfplan::emit::docx::Options {
            cover: switched(self.cover, self.no_cover).unwrap_or(cover),
            toc: switched(self.toc, self.no_toc).unwrap_or(toc),
            epoch: std::env::var("SOURCE_DATE_EPOCH")
                .ok()
                .and_then(|s| s.trim().parse().ok()),
        }
    }
}

/// What a pair of switches (`--cover`, `--no-cover`) asks for, if either
/// is given (clap keeps only the last of the two).
fn switched(on: bool, off: bool) -> Option<bool> {
    match (on, off) {
        (true, _) => Some(true),
        (_, true) => Some(false),
        _ => None,
    }
}

#[derive(Args, Debug)]
pub struct SchemaArgs {
    /// The schema of `build --to records` instead of `build --to json`
    #[arg(long)]
    pub records: bool,
}

#[derive(Args, Debug)]
pub struct DiffArgs {
    /// The old and new versions: plan files, or git revisions as REV:PATH
    /// (e.g. HEAD~1:plan.plan). With --git, the seven arguments git passes
    /// to an external diff command.
    #[arg(required = true, num_args = 1..=7)]
    pub sides: Vec<String>,

    /// How to show the changes
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,

    /// Run as git's external diff command (see README): always exit 0
    #[arg(long)]
    pub git: bool,

    /// Run as git's text converter of one file (see README): print it in
    /// the canonical layout with Chinese keywords, or as it is when it does
    /// not parse; always exit 0 when the file can be read
    #[arg(long, conflicts_with = "git")]
    pub textconv: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffFormat {
    /// Grouped by project, coloured on a terminal
    Human,
    /// A Markdown review comment
    Md,
    /// The changes as JSON
    Json,
}

#[derive(Args, Debug)]
pub struct FmtArgs {
    /// The files or directories to format [default: the current directory].
    /// A directory is walked as ripgrep walks it: .gitignore, .ignore and
    /// .perfplanignore are honoured, hidden entries and symbolic links skipped
    pub files: Vec<PathBuf>,

    /// Only list the files that would change; exit 1 if any would
    #[arg(long, conflicts_with = "stdout")]
    pub check: bool,

    /// Print the formatted text instead of rewriting the files
    #[arg(long)]
    pub stdout: bool,

    /// Write every keyword in one language [default: each file's dominant one]
    #[arg(long, value_enum)]
    pub keywords: Option<LangArg>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The resolved plan, with a published schema (`perfplan schema`)
    Json,
    /// The submission document in the official layout
    Md,
    /// The submission document as a Word file (needs -o)
    Docx,
    /// The tables as an Excel workbook, with indicator records (needs -o)
    Xlsx,
    /// The records budget systems import, JSON or CSV (`--format`), with a
    /// published schema (`perfplan schema --records`)
    Records,
}

impl Format {
    /// Whether the format is binary: written only to a file (`-o`).
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Docx | Format::Xlsx)
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Md => "md",
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
            Format::Records => "records",
        }
    }
}

/// The format of `build --to records`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordFormat {
    /// One JSON document, a list per kind of record
    Json,
    /// One CSV file with a record_type column, UTF-8 with BOM
    Csv,
}

/// Lint levels on the command line; they win over the plan's own.
#[derive(Args, Debug)]
pub struct LintArgs {
    /// Allow a lint (drop its warnings): `-A W0506`
    #[arg(short = 'A', long = "allow", value_name = "CODE")]
    pub allow: Vec<String>,

    /// Report a lint as a warning: `-W W0506`
    #[arg(short = 'W', long = "warn", value_name = "CODE")]
    pub warn: Vec<String>,

    /// Report a lint as an error; `-D warnings` denies every lint
    #[arg(short = 'D', long = "deny", value_name = "CODE")]
    pub deny: Vec<String>,
}

impl LintArgs {
    /// The lint settings, in the order allow, warn, deny (a code given
    /// twice ends at its strictest). An unknown code or an error code is a
    /// usage error.
    pub fn lint_settings(&self, lang: Lang) -> miette::Result<Vec<Setting>> {
        let groups = [
            (&self.allow, Level::Allow),
            (&self.warn, Level::Warn),
            (&self.deny, Level::Deny),
        ];
        let mut out = Vec::new();
        for (codes, level) in groups {
            for code in codes {
                if !lint::is_lint(code) {
                    return Err(super::errors::not_a_lint(code, lang));
                }
                out.push(Setting {
                    code: code.clone(),
                    level,
                });
            }
        }
        Ok(out)
    }
}

#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// The code, e.g. E0103
    pub code: String,
}

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Args, Debug)]
pub struct ManArgs {
    /// The command whose page to print, such as check [default: perfplan's
    /// own page]
    pub command: Option<String>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageFormat {
    /// Source excerpts with labels, notes and help
    Human,
    /// One line per diagnostic
    Short,
    /// One JSON object per line, on standard output
    Json,
    /// One SARIF 2.1.0 log for the whole run, for code scanning
    Sarif,
    /// GitHub Actions workflow commands (annotations), one per diagnostic
    Github,
}

/// The command tree, its help in Chinese when the messages are.
pub fn command(lang: Lang) -> clap::Command {
    let command = <Cli as clap::CommandFactory>::command();
    match lang {
        Lang::Zh => super::help_zh::translate(command),
        Lang::En => command,
    }
}

/// Reads the command line; `--help` speaks the language of the messages,
/// which `--lang` gives, else the locale (`env_lang`). On a usage error,
/// `--help` or `--version`, prints and exits as clap does.
pub fn parse(env_lang: Lang) -> Cli {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = lang_in_args(&args).unwrap_or(env_lang);
    let mut command = command(lang);
    let matches = command.clone().get_matches_from(&args);
    <Cli as clap::FromArgMatches>::from_arg_matches(&matches)
        .unwrap_or_else(|e| e.format(&mut command).exit())
}

/// The last `--lang zh|en` (or `--lang=…`) before a `--`, read before clap
/// parses the line, so that its help is in that language.
pub fn lang_in_args(args: &[std::ffi::OsString]) -> Option<Lang> {
    let mut found = None;
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        let value = match word.as_ref() {
            "--" => break,
            "--lang" => words.next(),
            w => w.strip_prefix("--lang=").map(|v| v.to_string().into()),
        };
        match value.as_deref() {
            Some("zh") => found = Some(Lang::Zh),
            Some("en") => found = Some(Lang::En),
            _ => {}
        }
    }
    found
}
