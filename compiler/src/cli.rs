//! Command-line interface: argument parsing and printing only; all work is
//! done by the library.
//!
//! Exit codes: 0 success (warnings allowed), 1 the spec has errors, 2 usage
//! or I/O error.

use clap::{Parser, Subcommand, ValueEnum};
use slsc::diagnostics::{self, RenderOptions};
use slsc::{CheckOptions, Compilation, Date};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Compile .sls specs of serverless, event-driven AWS apps to CloudFormation.
#[derive(Parser)]
#[command(name = "slsc", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a spec and report every problem with its location.
    Check {
        /// The spec to check.
        file: PathBuf,
        #[command(flatten)]
        common: Common,
    },
    /// Check a spec and write its CloudFormation template.
    Build {
        /// The spec to build.
        file: PathBuf,
        /// Template kind.
        #[arg(long, value_enum, default_value_t = TargetArg::Sam)]
        target: TargetArg,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Yaml)]
        format: FormatArg,
        /// Write the template here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[command(flatten)]
        common: Common,
    },
    /// Print the long explanation of a diagnostic code.
    Explain {
        /// A code such as E0301.
        code: String,
    },
}

#[derive(clap::Args)]
struct Common {
    /// Judge runtime deprecation on this date (YYYY-MM-DD) instead of today.
    /// Also read from SLSC_TODAY.
    #[arg(long, env = "SLSC_TODAY", value_parser = parse_date)]
    today: Option<Date>,
    /// Colour diagnostics: auto (when the terminal supports it), always, never.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
}

#[derive(Clone, Copy, ValueEnum)]
enum TargetArg {
    Sam,
    Cloudformation,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Yaml,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("expected a date as YYYY-MM-DD, found `{s}`"))
}

/// Parses arguments and runs the command.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { file, common } => {
            let Some(c) = compile(&file, &common) else {
                return ExitCode::from(2);
            };
            report(&c, &common, &mut std::io::stdout(), Stream::Stdout);
            ExitCode::from(if c.has_errors() { 1 } else { 0 })
        }
        Command::Build {
            file,
            target,
            format,
            output,
            common,
        } => {
            let Some(c) = compile(&file, &common) else {
                return ExitCode::from(2);
            };
            report(&c, &common, &mut std::io::stderr(), Stream::Stderr);
            let target = match target {
                TargetArg::Sam => slsc::Target::Sam,
                TargetArg::Cloudformation => slsc::Target::CloudFormation,
            };
            let template = match slsc::build(&c, target) {
                Ok(t) => t,
                Err(more) => {
                    if !more.is_empty() {
                        let c = Compilation {
                            diagnostics: more,
                            ..c
                        };
                        report(&c, &common, &mut std::io::stderr(), Stream::Stderr);
                    }
                    // A template left from an earlier build would look current.
                    if let Some(path) = &output {
                        let _ = std::fs::remove_file(path);
                    }
                    return ExitCode::from(1);
                }
            };
            let format = match format {
                FormatArg::Yaml => slsc::Format::Yaml,
                FormatArg::Json => slsc::Format::Json,
            };
            let text = slsc::emit::write(&template, format);
            let written = match &output {
                Some(path) => {
                    std::fs::write(path, text).map_err(|e| (path.display().to_string(), e))
                }
                None => std::io::stdout()
                    .write_all(text.as_bytes())
                    .map_err(|e| ("standard output".into(), e)),
            };
            match written {
                Ok(()) => ExitCode::SUCCESS,
                Err((to, e)) => {
                    eprintln!("error: cannot write {to}: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Explain { code } => match diagnostics::codes::lookup(&code) {
            Some(info) => {
                print!("{}", info.explanation);
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("error: no diagnostic code `{code}`; codes look like E0101 or W0302 (see docs/errors/)");
                ExitCode::from(2)
            }
        },
    }
}

fn compile(file: &std::path::Path, common: &Common) -> Option<Compilation> {
    let opts = CheckOptions {
        today: common.today.unwrap_or_else(Date::today),
    };
    match slsc::compile_file(file, opts) {
        Ok(c) => Some(c),
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", file.display());
            None
        }
    }
}

/// Where a report goes, to decide colour by that stream's terminal.
#[derive(Clone, Copy)]
enum Stream {
    Stdout,
    Stderr,
}

fn report(c: &Compilation, common: &Common, out: &mut dyn Write, stream: Stream) {
    if c.diagnostics.is_empty() {
        return;
    }
    let terminal = match stream {
        Stream::Stdout => std::io::stdout().is_terminal(),
        Stream::Stderr => std::io::stderr().is_terminal(),
    };
    let color = match common.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => std::env::var_os("NO_COLOR").is_none() && terminal,
    };
    let width = if color { 100 } else { 80 };
    let text = diagnostics::render(&c.sources, &c.diagnostics, RenderOptions { color, width });
    let _ = write!(out, "{text}");
    let _ = writeln!(out, "{}", diagnostics::summary(&c.diagnostics));
}
