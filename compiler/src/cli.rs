//! Command-line interface: argument parsing and printing only; all work is
//! done by the library.
//!
//! Exit codes: 0 success (warnings allowed), 1 the spec has errors, 2 usage
//! or I/O error.

/// `print!` through [`say`].
macro_rules! say {
    ($($arg:tt)*) => { say(&format!($($arg)*)) };
}

/// `println!` through [`say`].
macro_rules! sayln {
    ($($arg:tt)*) => { say(&(format!($($arg)*) + "\n")) };
}

mod external;
mod lsp;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use slsc::diagnostics::{self, RenderOptions};
use slsc::{CheckOptions, Compilation, Date};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
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
    /// Check specs and report every problem with its location.
    ///
    /// Exit 0 when clean (warnings allowed), 1 on errors (or on warnings with
    /// `--deny warnings`), 2 on a usage or I/O error.
    Check {
        /// Spec files, or folders to check every spec in.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// `--deny warnings`: fail (exit 1) on warnings too.
        #[arg(long, value_enum)]
        deny: Option<DenyArg>,
        /// Also run a third-party linter on the generated template and report
        /// its findings at the `.sls` lines that produced them.
        #[arg(long = "with", value_enum)]
        with: Vec<WithTool>,
        /// Base URL of the error pages, for SARIF `helpUri`s
        /// (`<URL><CODE>.md`). Also read from SLSC_DOCS_URL.
        #[arg(long, env = "SLSC_DOCS_URL")]
        docs_url: Option<String>,
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
        /// Also write a source map: template paths to `.sls` ranges (JSON).
        #[arg(long)]
        source_map: Option<PathBuf>,
        #[command(flatten)]
        common: Common,
    },
    /// Report what changes between two versions of a spec would break the
    /// deployed stack: resources with a fixed name that CloudFormation would
    /// have to replace (the update fails).
    ///
    /// Exit 0 when nothing breaks, 1 when something does, 2 on a usage or
    /// I/O error or a spec with errors.
    Diff {
        /// The version deployed now.
        old: PathBuf,
        /// The version to deploy.
        new: PathBuf,
        #[command(flatten)]
        common: Common,
    },
    /// Print the stages a spec declares and everything that differs between
    /// them, side by side.
    Stages {
        /// The spec.
        file: PathBuf,
        /// Print only the stages' names, one per line (for scripts).
        #[arg(long)]
        names: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Format specs in place: one canonical layout, every comment kept.
    ///
    /// Only white space changes: the formatted spec builds to the same
    /// template. A spec with syntax errors is left as it is and its errors
    /// are reported. With `--check`, nothing is written: the files that
    /// are not formatted are listed. Exit 0 when every file is (or now is)
    /// formatted, 1 when `--check` finds one that is not or a spec does not
    /// parse, 2 on a usage or I/O error.
    Fmt {
        /// Spec files, or folders to format every spec in (default: the
        /// current folder).
        paths: Vec<PathBuf>,
        /// Change nothing; list the files that are not formatted.
        #[arg(long)]
        check: bool,
    },
    /// Start a project: a spec in one of a few shapes, its handler stubs,
    /// an slsc.toml and a CI workflow.
    ///
    /// Templates: `api` (the default), `worker`, `pipeline`. Writes into
    /// `--dir` (default: the current folder) and never overwrites a file.
    Init {
        /// The project's shape: api, worker or pipeline.
        #[arg(default_value = "api")]
        template: String,
        /// The folder to write the project in (created if missing).
        #[arg(long, default_value = ".")]
        dir: PathBuf,
        /// The app's name (default: from the folder's name).
        #[arg(long)]
        name: Option<String>,
    },
    /// Run the language server over stdio (for editors).
    ///
    /// Diagnostics as you type (the same as `slsc check`), hover on names
    /// and diagnostic codes, go to definition, the outline, and formatting.
    Lsp,
    /// Print a completion script for a shell, generated from these commands.
    ///
    /// bash: `slsc completions bash > ~/.local/share/bash-completion/completions/slsc`;
    /// zsh: `slsc completions zsh > ~/.zfunc/_slsc` (with `~/.zfunc` in
    /// `fpath`); fish: `slsc completions fish > ~/.config/fish/completions/slsc.fish`.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Estimate the app's monthly AWS bill from the traffic the spec
    /// declares (`traffic = 50/s`), line by line (see docs/cost.md).
    ///
    /// A spec with stages is estimated stage by stage unless `--stage`
    /// names one. Exit 0 with an estimate, 1 when the spec has errors, 2 on
    /// a usage or I/O error (an unknown region).
    Cost {
        /// The spec.
        file: PathBuf,
        /// The region whose prices to use; else the stage's `region`, else
        /// us-east-1.
        #[arg(long)]
        region: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CostFormat::Human)]
        format: CostFormat,
        #[command(flatten)]
        common: Common,
    },
    /// Print the long explanation of a diagnostic code.
    Explain {
        /// A code such as E0301.
        code: String,
    },
    /// Say whether an event matches a rule's pattern, and why not.
    ///
    /// `slsc match app.sls RULE event.json`, or `--pattern pattern.json
    /// event.json` for a raw EventBridge pattern. Exit 0 when it matches, 1
    /// when it does not, 2 on a usage or I/O error or a spec with errors.
    Match {
        /// The spec, then the rule's name, then the event file; with
        /// `--pattern`, just the event file.
        args: Vec<String>,
        /// Match against this EventBridge pattern (JSON file) instead of a rule.
        #[arg(long)]
        pattern: Option<PathBuf>,
        /// Check many pairs: a JSON-lines file of `{"pattern": ..., "event": ...}`;
        /// prints `true` or `false` per line.
        #[arg(long, conflicts_with = "pattern")]
        corpus: Option<PathBuf>,
        /// The deploy-time value of a resource attribute the rule compares
        /// with, e.g. `--value Uploads.name=shop-uploads-1a2b`; repeatable.
        #[arg(long = "value", value_name = "NAME.ATTR=VALUE")]
        values: Vec<String>,
        #[command(flatten)]
        common: Common,
    },
    /// Print an example of an event (the whole EventBridge envelope) or type,
    /// or of the SQS event a typed queue's consumers receive.
    Sample {
        /// The spec.
        file: PathBuf,
        /// The event, type, or queue declared `of` a type.
        name: String,
        #[command(flatten)]
        common: Common,
    },
    /// Print each function's IAM statements with the spec line that caused
    /// each.
    Permissions {
        /// The spec.
        file: PathBuf,
        /// Only this function.
        function: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        #[command(flatten)]
        common: Common,
    },
    /// Print the OpenAPI 3.1 document of an API (all APIs, keyed by name,
    /// when none is named).
    Openapi {
        /// The spec.
        file: PathBuf,
        /// The API.
        name: Option<String>,
        #[command(flatten)]
        common: Common,
    },
    /// Print the JSON Schema (draft 2020-12) of an event or type, or of all.
    Schema {
        /// The spec.
        file: PathBuf,
        /// The event or type; all of them when left out.
        name: Option<String>,
        #[command(flatten)]
        common: Common,
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
    /// The stage to compile, for a spec that declares stages. `check`
    /// checks every stage without it; `build` needs it; other commands
    /// take the first stage declared.
    #[arg(long)]
    stage: Option<String>,
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
enum CheckFormat {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum CostFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum WithTool {
    /// cfn-lint (`SLSC_CFN_LINT`, `.venv-validate/bin/cfn-lint`, or the PATH).
    CfnLint,
    /// checkov (`SLSC_CHECKOV`, `.venv-checkov/bin/checkov`, or the PATH).
    Checkov,
}

#[derive(Clone, Copy, ValueEnum)]
enum DenyArg {
    Warnings,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    Text,
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
    // An empty variable is unset (`SLSC_TODAY= slsc check ...`), as for
    // most tools, rather than an invalid value. Nothing else runs yet, so
    // changing the environment races with no thread.
    for var in ["SLSC_TODAY", "SLSC_DOCS_URL"] {
        if std::env::var_os(var).is_some_and(|v| v.is_empty()) {
            std::env::remove_var(var);
        }
    }
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            paths,
            format,
            deny,
            with,
            docs_url,
            common,
        } => run_check(
            &paths,
            format,
            deny.is_some(),
            &with,
            docs_url.as_deref(),
            &common,
        ),
        Command::Build {
            file,
            target,
            format,
            output,
            source_map,
            common,
        } => run_build(
            &file,
            target,
            format,
            output.as_deref(),
            source_map.as_deref(),
            &common,
        ),
        Command::Stages {
            file,
            names,
            common,
        } => run_stages(&file, names, &common),
        Command::Match {
            args,
            pattern,
            corpus,
            values,
            common,
        } => run_match(
            &args,
            pattern.as_deref(),
            corpus.as_deref(),
            &values,
            &common,
        ),
        Command::Sample { file, name, common } => {
            let full_name = name.clone();
            // `aws.s3.ObjectCreated` names `ObjectCreated`.
            let name = name.rsplit('.').next().unwrap_or(&name).to_string();
            let Some(c) = compile_clean(&file, &common) else {
                return ExitCode::from(2);
            };
            // What a handler receives from a queue, topic, table stream,
            // Kinesis stream, bucket, schedule or route (`POST /orders`).
            match slsc::schema::delivery(&c.model, &full_name) {
                Some(Ok(event)) => return print_json(&event),
                Some(Err(why)) => {
                    eprintln!("error: {why}");
                    return ExitCode::from(2);
                }
                None => {}
            }
            match slsc::schema::subject(&c.model, &name) {
                Some(s) => print_json(&slsc::schema::sample(&c.model, s)),
                None => unknown_subject(&c, &name),
            }
        }
        Command::Permissions {
            file,
            function,
            format,
            common,
        } => {
            let Some(c) = compile_clean(&file, &common) else {
                return ExitCode::from(2);
            };
            if let Some(name) = &function {
                let has_role = c.model.function(name).is_some()
                    || c.model.schedules.iter().any(|s| &s.name == name)
                    || c.model.rules.iter().any(|r| &r.name == name)
                    || c.model.apis.iter().any(|a| &a.name == name && a.has_role())
                    || c.model.resources.iter().any(|r| &r.name == name);
                if !has_role {
                    let names = c.model.functions.iter().map(|f| f.name.as_str());
                    let names = names.chain(c.model.schedules.iter().map(|s| s.name.as_str()));
                    let names = names.chain(c.model.rules.iter().map(|r| r.name.as_str()));
                    let names = names.chain(
                        c.model
                            .apis
                            .iter()
                            .filter(|a| a.has_role())
                            .map(|a| a.name.as_str()),
                    );
                    let hint = diagnostics::did_you_mean(name, names)
                        .map_or(String::new(), |s| format!("; did you mean `{s}`?"));
                    let hint = match left_out_of_stage(&c, name) {
                        Some(note) => format!("; {note}"),
                        None => hint,
                    };
                    eprintln!("error: no function, schedule, rule or API with a role named `{name}`{hint}");
                    return ExitCode::from(2);
                }
            }
            let report = slsc::permissions::report(&c, function.as_deref());
            match format {
                ReportFormat::Text => {
                    say!("{}", slsc::permissions::text(&report));
                    ExitCode::SUCCESS
                }
                ReportFormat::Json => {
                    print_json(&serde_json::to_value(&report).unwrap_or_default())
                }
            }
        }
        Command::Openapi { file, name, common } => {
            let Some(c) = compile_clean(&file, &common) else {
                return ExitCode::from(2);
            };
            match name {
                None => {
                    let all: serde_json::Map<String, serde_json::Value> = c
                        .model
                        .apis
                        .iter()
                        .map(|a| (a.name.clone(), slsc::openapi::document(&c.model, a)))
                        .collect();
                    print_json(&serde_json::Value::Object(all))
                }
                Some(name) => match c.model.apis.iter().find(|a| a.name == name) {
                    Some(api) => print_json(&slsc::openapi::document(&c.model, api)),
                    None => {
                        let hint = diagnostics::did_you_mean(
                            &name,
                            c.model.apis.iter().map(|a| a.name.as_str()),
                        )
                        .map_or(String::new(), |s| format!("; did you mean `{s}`?"));
                        eprintln!("error: no api named `{name}`{hint}");
                        ExitCode::from(2)
                    }
                },
            }
        }
        Command::Schema { file, name, common } => {
            let name = name.map(|n| n.rsplit('.').next().unwrap_or(&n).to_string());
            let Some(c) = compile_clean(&file, &common) else {
                return ExitCode::from(2);
            };
            match name {
                None => print_json(&slsc::schema::all(&c.model)),
                Some(name) => match slsc::schema::subject(&c.model, &name) {
                    Some(s) => print_json(&slsc::schema::document(&c.model, s)),
                    None => unknown_subject(&c, &name),
                },
            }
        }
        Command::Diff { old, new, common } => run_diff(&old, &new, &common),
        Command::Cost {
            file,
            region,
            format,
            common,
        } => run_cost(&file, region.as_deref(), format, &common),
        Command::Fmt { paths, check } => run_fmt(&paths, check),
        Command::Lsp => lsp::run(),
        Command::Init {
            template,
            dir,
            name,
        } => run_init(&template, &dir, name.as_deref()),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "slsc", &mut out);
            say(&String::from_utf8_lossy(&out));
            ExitCode::SUCCESS
        }
        Command::Explain { code } => match diagnostics::codes::lookup(&code) {
            Some(info) => {
                say!("{}", info.explanation);
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("error: no diagnostic code `{code}`; codes look like E0101 or W0302 (see docs/errors/)");
                ExitCode::from(2)
            }
        },
    }
}

/// `slsc build`: the template, written where asked, after one report of
/// everything found; a failed build removes what an earlier one wrote.
fn run_build(
    file: &Path,
    target: TargetArg,
    format: FormatArg,
    output: Option<&Path>,
    source_map: Option<&Path>,
    common: &Common,
) -> ExitCode {
    let Some(mut c) = compile(file, common) else {
        return ExitCode::from(2);
    };
    // A template is one stage's: which one is never guessed.
    if common.stage.is_none() && !c.stages.is_empty() {
        eprintln!(
            "error: {} declares stages {}: build one with --stage {}",
            file.display(),
            stage_list(&c),
            c.stages[0].name
        );
        return ExitCode::from(2);
    }
    // Never write over what was read: the spec, a file it uses.
    if let Err(e) = outputs_are_not_inputs(&c, output, source_map) {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    let target = match target {
        TargetArg::Sam => slsc::Target::Sam,
        TargetArg::Cloudformation => slsc::Target::CloudFormation,
    };
    let format = match format {
        FormatArg::Yaml => slsc::Format::Yaml,
        FormatArg::Json => slsc::Format::Json,
    };
    // SAM reads `CodeUri` relative to the template: a template
    // written elsewhere than the spec's folder points there.
    let folders = output.and_then(|out| Some((real_parent(file)?, real_parent(out)?)));
    let built = slsc::build_text(
        &c,
        target,
        format,
        folders.as_ref().map(|(s, o)| (s.as_path(), o.as_path())),
    );
    // One report, with one summary, for checking and building alike.
    if let Err(more) = &built {
        c.add_findings(more.diagnostics().to_vec());
    }
    report(&c, common, &mut std::io::stderr(), Stream::Stderr);
    let Ok((template, text)) = built else {
        // A template left from an earlier build would look current;
        // but only what slsc wrote is removed (see `written_by_slsc`).
        for (path, kind) in output
            .iter()
            .map(|p| (p, Output::Template))
            .chain(source_map.iter().map(|p| (p, Output::SourceMap)))
        {
            if written_by_slsc(path, kind) {
                let _ = std::fs::remove_file(path);
            }
        }
        return ExitCode::from(1);
    };
    if let Some(path) = &source_map {
        let text = template.provenance.to_text(&c.sources);
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    let written = match output {
        Some(path) => std::fs::write(path, text).map_err(|e| (path.display().to_string(), e)),
        None => {
            say(&text);
            Ok(())
        }
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err((to, e)) => {
            eprintln!("error: cannot write {to}: {e}");
            ExitCode::from(2)
        }
    }
}

/// `slsc cost`: the estimate of each stage asked for (every stage without
/// `--stage`), after the spec checks without errors.
fn run_cost(file: &Path, region: Option<&str>, format: CostFormat, common: &Common) -> ExitCode {
    let Some(c) = compile(file, common) else {
        return ExitCode::from(2);
    };
    if c.has_errors() {
        report(&c, common, &mut std::io::stderr(), Stream::Stderr);
        return ExitCode::from(1);
    }
    // The usage settings' own warnings concern the estimate.
    let usage: Vec<slsc::Diagnostic> = (c.diagnostics.iter())
        .filter(|d| matches!(d.code, "W0265" | "W0266"))
        .cloned()
        .collect();
    if !usage.is_empty() {
        let text = diagnostics::render(&c.sources, &usage, render_options(common, Stream::Stderr));
        eprint!("{text}");
    }
    // Each stage's model, compiled for it: the spec's, for one without.
    let stages: Vec<Option<slsc::stages::Stage>> = match (&common.stage, c.stages.is_empty()) {
        (_, true) => vec![None],
        (Some(name), false) => c
            .stages
            .iter()
            .filter(|s| &s.name == name)
            .cloned()
            .map(Some)
            .collect(),
        (None, false) => c.stages.iter().cloned().map(Some).collect(),
    };
    let mut estimates = Vec::new();
    for stage in stages {
        let compiled = match &stage {
            Some(s) if common.stage.as_deref() != Some(s.name.as_str()) => {
                let one = Common {
                    today: common.today,
                    color: common.color,
                    stage: Some(s.name.clone()),
                };
                match compile(file, &one) {
                    Some(c) => c,
                    None => return ExitCode::from(2),
                }
            }
            _ => match compile(file, common) {
                Some(c) => c,
                None => return ExitCode::from(2),
            },
        };
        let (name, region_from) = match (region, stage.as_ref().and_then(|s| s.region.clone())) {
            (Some(r), _) => (r.to_string(), slsc::cost::RegionFrom::Option),
            (None, Some(r)) => (r, slsc::cost::RegionFrom::Stage),
            (None, None) => ("us-east-1".to_string(), slsc::cost::RegionFrom::Default),
        };
        let prices = match slsc::cost::prices::table(&name) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        };
        let built = match slsc::build(&compiled, slsc::Target::CloudFormation) {
            Ok(b) => b,
            Err(e) => {
                let mut compiled = compiled;
                compiled.add_findings(e.diagnostics().to_vec());
                report(&compiled, common, &mut std::io::stderr(), Stream::Stderr);
                return ExitCode::from(1);
            }
        };
        estimates.push(slsc::cost::estimate(&slsc::cost::Inputs {
            model: &compiled.model,
            template: &built.template,
            prices: &prices,
            region_from,
        }));
    }
    let report = slsc::cost::CostReport { estimates };
    match format {
        CostFormat::Human => {
            say!("{}", slsc::cost::human(&report));
            ExitCode::SUCCESS
        }
        CostFormat::Json => print_json(&serde_json::to_value(&report).unwrap_or_default()),
    }
}

fn run_check(
    paths: &[PathBuf],
    format: CheckFormat,
    deny_warnings: bool,
    with: &[WithTool],
    docs_url: Option<&str>,
    common: &Common,
) -> ExitCode {
    let files = match slsc::discover(paths) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: cannot read a folder: {e}");
            return ExitCode::from(2);
        }
    };
    if files.is_empty() {
        eprintln!(
            "error: no .sls spec found in {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        return ExitCode::from(2);
    }
    let mut compiled = Vec::new();
    for f in &files {
        let Some(mut c) = compile(f, common) else {
            return ExitCode::from(2);
        };
        for tool in with {
            if c.has_errors() {
                break;
            }
            let found = match tool {
                WithTool::CfnLint => external::cfn_lint(&c, &external::find_cfn_lint()),
                WithTool::Checkov => external::checkov(&c, &external::find_checkov()),
            };
            match found {
                Ok(found) => c.add_findings(found),
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(2);
                }
            }
        }
        compiled.push((f.display().to_string(), c));
    }
    let windows: Vec<_> = compiled.iter().map(|(_, c)| c.retry_windows()).collect();
    let checked: Vec<slsc::report::Checked> = compiled
        .iter()
        .zip(&windows)
        .map(|((file, c), w)| slsc::report::Checked {
            file: file.clone(),
            sources: &c.sources,
            diagnostics: &c.diagnostics,
            retry_windows: w,
        })
        .collect();
    let mut report = slsc::report::report(&checked);
    for (_, c) in &compiled {
        report
            .unchecked
            .extend(slsc::report::unchecked(&c.model, &c.sources));
    }
    match format {
        CheckFormat::Human => {
            let mut out = std::io::stdout();
            for (_, c) in &compiled {
                if !c.diagnostics.is_empty() {
                    let text = diagnostics::render(
                        &c.sources,
                        &c.diagnostics,
                        render_options(common, Stream::Stdout),
                    );
                    let _ = write!(out, "{text}");
                }
            }
            if !report.diagnostics.is_empty() {
                let all: Vec<slsc::Diagnostic> = compiled
                    .iter()
                    .flat_map(|(_, c)| c.diagnostics.iter().cloned())
                    .collect();
                let _ = writeln!(out, "{}", diagnostics::summary(&all));
            }
            let _ = write!(out, "{}", slsc::report::retry_note(&report));
            let _ = write!(out, "{}", slsc::report::unchecked_note(&report));
        }
        CheckFormat::Json => {
            print_json(&serde_json::to_value(&report).unwrap_or_default());
        }
        CheckFormat::Sarif => {
            let base = docs_url.map(|u| {
                if u.ends_with('/') {
                    u.to_string()
                } else {
                    format!("{u}/")
                }
            });
            print_json(&slsc::report::sarif(&report, base.as_deref()));
        }
        CheckFormat::Github => say!("{}", slsc::report::github(&report)),
    }
    let failed = report.summary.errors > 0 || (deny_warnings && report.summary.warnings > 0);
    ExitCode::from(if failed { 1 } else { 0 })
}

fn render_options(common: &Common, stream: Stream) -> RenderOptions {
    let terminal = match stream {
        Stream::Stdout => std::io::stdout().is_terminal(),
        Stream::Stderr => std::io::stderr().is_terminal(),
    };
    let color = match common.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => std::env::var_os("NO_COLOR").is_none() && terminal,
    };
    RenderOptions {
        color,
        width: if color { 100 } else { 80 },
    }
}

/// Compiles a spec that must have no errors; reports them otherwise.
fn compile_clean(file: &std::path::Path, common: &Common) -> Option<Compilation> {
    let c = compile(file, common)?;
    if c.has_errors() {
        report(&c, common, &mut std::io::stderr(), Stream::Stderr);
        return None;
    }
    if common.stage.is_none() {
        if let Some(first) = c.stages.first() {
            eprintln!(
                "note: {} declares stages {}; this is stage {} (choose one with --stage)",
                file.display(),
                stage_list(&c),
                first.name
            );
        }
    }
    Some(c)
}

/// Writes to standard output. A reader that went away (`slsc ... | head`)
/// ends the program quietly, as it does for other command-line tools, instead
/// of the panic of `print!`.
fn say(text: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write standard output: {e}");
        std::process::exit(2);
    }
}

fn print_json(v: &serde_json::Value) -> ExitCode {
    sayln!("{}", serde_json::to_string_pretty(v).unwrap_or_default());
    ExitCode::SUCCESS
}

/// For a declaration `stages = [...]` leaves out of the stage compiled:
/// which stages have it.
fn left_out_of_stage(c: &Compilation, name: &str) -> Option<String> {
    let stage = c.model.stage.as_deref()?;
    let d = (c.stage_differences.iter())
        .find(|d| d.place.rsplit(' ').next() == Some(name) && !d.place.contains('.'))?;
    let kept: Vec<&str> = (d.values.iter())
        .filter(|(_, v)| v.as_deref() == Some("deployed"))
        .map(|(s, _)| s.as_str())
        .collect();
    Some(format!(
        "`{name}` is left out of stage {stage} by its `stages`: pass --stage {}",
        kept.first().copied().unwrap_or(stage)
    ))
}

fn unknown_subject(c: &Compilation, name: &str) -> ExitCode {
    let names = c
        .model
        .events
        .iter()
        .map(|e| e.name.as_str())
        .chain(c.model.types.iter().map(|t| t.name.as_str()));
    let hint = diagnostics::did_you_mean(name, names)
        .map_or(String::new(), |s| format!("; did you mean `{s}`?"));
    eprintln!("error: no event or type named `{name}`{hint}");
    ExitCode::from(2)
}

fn read_json(path: &std::path::Path) -> Result<serde_json::Value, String> {
    let text = slsc::source::read_text(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{} is not JSON: {e}", path.display()))
}

fn run_match(
    args: &[String],
    pattern: Option<&std::path::Path>,
    corpus: Option<&std::path::Path>,
    values: &[String],
    common: &Common,
) -> ExitCode {
    let fail = |msg: String| {
        eprintln!("error: {msg}");
        ExitCode::from(2)
    };
    if let Some(path) = corpus {
        let text = match slsc::source::read_text(path) {
            Ok(t) => t,
            Err(e) => return fail(format!("cannot read {}: {e}", path.display())),
        };
        let mut out = String::new();
        for (n, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let pair: serde_json::Value = match serde_json::from_str(line) {
                Ok(v) => v,
                Err(e) => return fail(format!("{}:{}: not JSON: {e}", path.display(), n + 1)),
            };
            out.push_str(
                if slsc::matcher::matches(&pair["pattern"], &pair["event"]) {
                    "true\n"
                } else {
                    "false\n"
                },
            );
        }
        say!("{out}");
        return ExitCode::SUCCESS;
    }
    let (rule_pattern, event_path, what) = match (pattern, args) {
        (Some(p), [event]) => match read_json(p) {
            Ok(v) => (v, event, "the pattern".to_string()),
            Err(e) => return fail(e),
        },
        (None, [spec, rule, event]) => {
            let Some(c) = compile_clean(std::path::Path::new(spec), common) else {
                return ExitCode::from(2);
            };
            match c.model.rules.iter().find(|r| &r.name == rule) {
                Some(r) => match c.proved.pattern_of(&c.model, &r.name) {
                    Some(p) => {
                        // Values only known once deployed (a bucket's
                        // generated name) come from `--value`, or the
                        // answer is "cannot decide".
                        let mut p = slsc::emit::pattern_json(&c.model, p);
                        let mut missing = Vec::new();
                        let attrs = r.filter.as_ref().map(|f| f.attrs()).unwrap_or_default();
                        // Every `--value` must name what the rule compares.
                        let compared: Vec<String> = attrs
                            .iter()
                            .map(|(reference, attr)| format!("{}.{}", reference.name, attr.word()))
                            .collect();
                        for v in values {
                            match v.split_once('=') {
                                Some((name, _)) if compared.iter().any(|c| c == name) => {}
                                Some((name, _)) => {
                                    let hint = diagnostics::did_you_mean(name, compared.iter().map(String::as_str))
                                        .map_or(String::new(), |s| format!("; did you mean `{s}`?"));
                                    return fail(format!("rule `{rule}` does not compare with `{name}`{hint}"));
                                }
                                None => return fail(format!("`--value {v}` is not NAME.ATTR=VALUE")),
                            }
                        }
                        for (reference, attr) in &attrs {
                            let name = format!("{}.{}", reference.name, attr.word());
                            let intrinsic = slsc::naming::refs::value(&c.model, reference.kind, &reference.name, *attr);
                            if !intrinsic.is_object() {
                                continue;
                            }
                            let given = values.iter().find_map(|v| v.strip_prefix(&format!("{name}=")));
                            match given {
                                Some(value) => replace_json(&mut p, &intrinsic, &serde_json::json!(value)),
                                None if !missing.contains(&name) => missing.push(name),
                                None => {}
                            }
                        }
                        if !missing.is_empty() {
                            let list = missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ");
                            let flags = missing.iter().map(|m| format!("--value {m}=...")).collect::<Vec<_>>().join(" ");
                            sayln!("cannot decide: rule `{rule}` compares with {list}, known only once the stack is deployed; give the deployed value with {flags}");
                            return ExitCode::from(3);
                        }
                        (p, event, format!("rule `{rule}`"))
                    }
                    None => return fail(format!("rule `{rule}` has no pattern")),
                },
                None => {
                    let hint = diagnostics::did_you_mean(rule, c.model.rules.iter().map(|r| r.name.as_str()))
                        .map_or(String::new(), |s| format!("; did you mean `{s}`?"));
                    return fail(format!("no rule named `{rule}`{hint}"));
                }
            }
        }
        _ => return fail("usage: slsc match SPEC RULE EVENT.json, or slsc match --pattern PATTERN.json EVENT.json".into()),
    };
    let event = match read_json(std::path::Path::new(event_path)) {
        Ok(v) => v,
        Err(e) => return fail(e),
    };
    match slsc::matcher::explain(&rule_pattern, &event) {
        Ok(()) => {
            sayln!("{event_path} matches {what}");
            ExitCode::SUCCESS
        }
        Err(why) => {
            sayln!("{event_path} does not match {what}: {why}");
            ExitCode::from(1)
        }
    }
}

/// Replaces every occurrence of `from` in `json` by `to`.
fn replace_json(json: &mut serde_json::Value, from: &serde_json::Value, to: &serde_json::Value) {
    if json == from {
        *json = to.clone();
        return;
    }
    match json {
        serde_json::Value::Array(items) => items.iter_mut().for_each(|i| replace_json(i, from, to)),
        serde_json::Value::Object(map) => map.values_mut().for_each(|v| replace_json(v, from, to)),
        _ => {}
    }
}

fn compile(file: &std::path::Path, common: &Common) -> Option<Compilation> {
    let mut opts = CheckOptions::new(common.today.unwrap_or_else(Date::today));
    opts.stage = common.stage.clone();
    if let Some(path) = slsc::config::find(file) {
        match slsc::config::load(&path) {
            Ok(config) => opts.config = config,
            Err(e) => {
                eprintln!("error: {e}");
                return None;
            }
        }
    }
    match slsc::compile_file(file, opts) {
        Ok(c) => Some(c),
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", file.display());
            None
        }
    }
}

/// The real folder a path is in (links resolved), whether or not the path
/// itself exists yet.
fn real_parent(path: &Path) -> Option<PathBuf> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::canonicalize(parent).ok()
}

/// Where a path really leads (links resolved), whether or not it exists.
fn real_path(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path)
        .ok()
        .or_else(|| Some(real_parent(path)?.join(path.file_name()?)))
}

/// Err when `-o` or `--source-map` would overwrite the spec or a file it
/// uses (after resolving links), or name the same file.
fn outputs_are_not_inputs(
    c: &Compilation,
    output: Option<&Path>,
    source_map: Option<&Path>,
) -> Result<(), String> {
    let inputs: Vec<(PathBuf, &str)> = c
        .sources
        .files()
        .filter_map(|(_, f)| Some((real_path(f.path.as_deref()?)?, f.name.as_str())))
        .collect();
    let outputs = [("-o", output), ("--source-map", source_map)];
    for (flag, path) in outputs {
        let Some(path) = path else { continue };
        let Some(real) = real_path(path) else {
            continue;
        };
        if let Some((_, name)) = inputs.iter().find(|(p, _)| *p == real) {
            return Err(format!(
                "{flag} {} would overwrite `{name}`, an input of this build; write the output to another file",
                path.display()
            ));
        }
    }
    if let (Some(o), Some(m)) = (output, source_map) {
        if real_path(o).is_some() && real_path(o) == real_path(m) {
            return Err(format!(
                "-o and --source-map name the same file, {}; give the source map a name of its own",
                o.display()
            ));
        }
    }
    Ok(())
}

/// What `build` writes.
#[derive(Clone, Copy)]
enum Output {
    Template,
    SourceMap,
}

/// True if the file at `path` is recognisably one `slsc build` wrote, so
/// that removing it loses nothing: a template whose `Description` says it
/// was generated by slsc, or a source map (a JSON object of template paths
/// to `.sls` ranges). Anything else, whatever its name, is left alone.
fn written_by_slsc(path: &Path, kind: Output) -> bool {
    let Ok(text) = slsc::source::read_text(path) else {
        return false;
    };
    match kind {
        Output::Template => {
            let head: String = text.chars().take(4096).collect();
            (head.starts_with("AWSTemplateFormatVersion:") || head.starts_with('{'))
                && head.contains(slsc::GENERATED_BY)
        }
        Output::SourceMap => match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(serde_json::Value::Object(m)) => m.values().all(|v| {
                ["file", "line", "column", "end_line", "end_column"]
                    .iter()
                    .all(|k| v.get(k).is_some())
            }),
            _ => false,
        },
    }
}

/// Where a report goes, to decide colour by that stream's terminal.
#[derive(Clone, Copy)]
enum Stream {
    Stdout,
    Stderr,
}

/// `slsc stages FILE`: the stages, then a table of what differs.
fn run_init(template: &str, dir: &Path, name: Option<&str>) -> ExitCode {
    let folder = std::fs::canonicalize(dir)
        .ok()
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .or_else(|| dir.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "app".to_string());
    let files = match slsc::init::files(template, name.unwrap_or(&folder)) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let taken: Vec<String> = files
        .iter()
        .map(|(p, _)| dir.join(p))
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !taken.is_empty() {
        eprintln!(
            "error: not overwriting {}; run `slsc init` in an empty folder or with `--dir`",
            taken.join(", ")
        );
        return ExitCode::from(2);
    }
    for (path, text) in &files {
        let path = dir.join(path);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, text));
        if let Err(e) = written {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
        sayln!("created {}", path.display());
    }
    let spec = dir.join("app.sls");
    sayln!(
        "\nnext: `slsc check {0}`, then `slsc build {0} -o template.yaml` and `sam deploy` (see docs/getting-started.md)",
        spec.display()
    );
    ExitCode::SUCCESS
}

fn run_fmt(paths: &[PathBuf], check: bool) -> ExitCode {
    let paths = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    };
    let files = match slsc::sls_files(&paths) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut failed = false;
    let mut unformatted = 0;
    for path in &files {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: cannot read {}: {e}", path.display());
                return ExitCode::from(2);
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        match slsc::format(text) {
            Ok(out) if out == text => {}
            Ok(out) => {
                unformatted += 1;
                if check {
                    sayln!("would reformat {}", path.display());
                } else if let Err(e) = std::fs::write(path, out) {
                    eprintln!("error: cannot write {}: {e}", path.display());
                    return ExitCode::from(2);
                }
            }
            Err(diags) => {
                failed = true;
                let mut sources = slsc::source::SourceMap::default();
                sources.add(slsc::source::SourceFile::new(
                    path.display().to_string(),
                    Some(path.clone()),
                    text.to_string(),
                ));
                let options = RenderOptions {
                    color: std::io::stderr().is_terminal(),
                    ..RenderOptions::default()
                };
                eprint!("{}", diagnostics::render(&sources, &diags, options));
                eprintln!("{}: not formatted: it does not parse", path.display());
            }
        }
    }
    if check && unformatted > 0 {
        sayln!(
            "{unformatted} of {} file{} would be reformatted (run `slsc fmt`)",
            files.len(),
            if files.len() == 1 { "" } else { "s" }
        );
        return ExitCode::from(1);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_stages(file: &Path, names: bool, common: &Common) -> ExitCode {
    let Some(c) = compile(file, common) else {
        return ExitCode::from(2);
    };
    if c.has_errors() {
        report(&c, common, &mut std::io::stderr(), Stream::Stderr);
        return ExitCode::from(1);
    }
    if names {
        for s in &c.stages {
            sayln!("{}", s.name);
        }
        return ExitCode::SUCCESS;
    }
    if c.stages.is_empty() {
        sayln!(
            "{} declares no stages: it builds one template",
            file.display()
        );
        return ExitCode::SUCCESS;
    }
    for s in &c.stages {
        let mut place = Vec::new();
        if let Some(a) = &s.account {
            place.push(format!("account {a}"));
        }
        if let Some(r) = &s.region {
            place.push(format!("region {r}"));
        }
        if place.is_empty() {
            sayln!("stage {}", s.name);
        } else {
            sayln!("stage {}: {}", s.name, place.join(", "));
        }
    }
    if c.stage_differences.is_empty() {
        sayln!("\nnothing differs between the stages but their names");
        return ExitCode::SUCCESS;
    }
    // One row per difference, one column per stage, each as wide as its
    // widest cell.
    let unset = "(unset)";
    let mut rows: Vec<Vec<String>> = vec![std::iter::once(String::new())
        .chain(c.stages.iter().map(|s| s.name.clone()))
        .collect()];
    for d in &c.stage_differences {
        rows.push(
            std::iter::once(d.place.clone())
                .chain(
                    d.values
                        .iter()
                        .map(|(_, v)| v.clone().unwrap_or_else(|| unset.into())),
                )
                .collect(),
        );
    }
    let widths: Vec<usize> = (0..rows[0].len())
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    sayln!("");
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell:<w$}"))
            .collect();
        sayln!("{}", cells.join("  ").trim_end());
    }
    ExitCode::SUCCESS
}

/// The declared stages, for messages: "`dev`, `prod`".
fn stage_list(c: &Compilation) -> String {
    let names: Vec<String> = c.stages.iter().map(|s| format!("`{}`", s.name)).collect();
    names.join(", ")
}

/// `slsc diff OLD NEW`: the breaking changes, rendered at NEW's lines; for
/// a spec with stages, of every stage both versions declare (or the one
/// `--stage` names).
fn run_diff(old: &std::path::Path, new: &std::path::Path, common: &Common) -> ExitCode {
    let mut stages: Vec<Option<String>> = vec![common.stage.clone()];
    if common.stage.is_none() {
        let (Some(before), Some(after)) = (compile(old, common), compile(new, common)) else {
            return ExitCode::from(2);
        };
        let both: Vec<Option<String>> = (after.stages.iter())
            .filter(|s| before.stages.iter().any(|b| b.name == s.name))
            .map(|s| Some(s.name.clone()))
            .collect();
        if !both.is_empty() {
            stages = both;
        }
    }
    // Each breaking change once, with the stages it breaks when not all.
    let mut found: Vec<(slsc::Diagnostic, Vec<String>)> = Vec::new();
    let mut sources = None;
    let runs = stages.len();
    for stage in stages {
        let common = Common {
            today: common.today,
            color: common.color,
            stage: stage.clone(),
        };
        let Some(before) = compile_clean(old, &common) else {
            return ExitCode::from(2);
        };
        let Some(after) = compile_clean(new, &common) else {
            return ExitCode::from(2);
        };
        for d in slsc::diff(&before, &after) {
            let name = stage.clone().unwrap_or_default();
            match found
                .iter_mut()
                .find(|(f, _)| f.span == d.span && f.message == d.message)
            {
                Some((_, stages)) => stages.push(name),
                None => found.push((d, vec![name])),
            }
        }
        sources = Some(after.sources);
    }
    let found: Vec<slsc::Diagnostic> = found
        .into_iter()
        .map(|(mut d, stages)| {
            if stages.len() < runs {
                d.message = format!("in stage {}: {}", stages.join(", "), d.message);
            }
            d
        })
        .collect();
    let Some(sources) = sources else {
        return ExitCode::from(2);
    };
    if found.is_empty() {
        sayln!(
            "nothing in {} breaks the stack deployed from {}",
            new.display(),
            old.display()
        );
        return ExitCode::SUCCESS;
    }
    let text = diagnostics::render(&sources, &found, render_options(common, Stream::Stdout));
    say(&text);
    sayln!("{}", diagnostics::summary(&found));
    ExitCode::from(1)
}

fn report(c: &Compilation, common: &Common, out: &mut dyn Write, stream: Stream) {
    if c.diagnostics.is_empty() {
        return;
    }
    let text = diagnostics::render(&c.sources, &c.diagnostics, render_options(common, stream));
    let _ = write!(out, "{text}");
    let _ = writeln!(out, "{}", diagnostics::summary(&c.diagnostics));
}
