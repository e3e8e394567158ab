//! Third-party linters on the emitted template, their findings mapped back
//! to the `.sls` lines that produced them (`slsc check --with cfn-lint`).
//!
//! The plain CloudFormation target is linted: everything is expanded there,
//! so every finding has a resource and property to map. Findings become
//! E0901 (the tool's errors) and W0902 (its warnings and notes), at the span
//! the source map gives, with the tool's rule and message.

use serde_json::Value as Json;
use slsc::diagnostics::Code;
use slsc::diagnostics::Diagnostic;
use slsc::{provenance::Provenance, Compilation, Date, Target};
use std::path::{Path, PathBuf};

/// Where to find cfn-lint: `SLSC_CFN_LINT`, else the project's validators
/// virtualenv under the current folder, else `cfn-lint` on the PATH.
pub fn find_cfn_lint() -> PathBuf {
    find_tool("SLSC_CFN_LINT", ".venv-validate", "cfn-lint")
}

/// A tool named by the environment variable `var`, else installed in the
/// virtualenv `venv` under the current folder, else found on the PATH.
fn find_tool(var: &str, venv: &str, name: &str) -> PathBuf {
    if let Some(p) = std::env::var_os(var) {
        return PathBuf::from(p);
    }
    let installed = Path::new(venv).join("bin").join(name);
    if installed.is_file() {
        return installed;
    }
    PathBuf::from(name)
}

/// The compilation's CloudFormation template's provenance, and the template
/// written to a fresh temporary folder (removed by the caller).
fn template_file(c: &Compilation, tool: &str) -> Result<(Provenance, PathBuf, Json), String> {
    let template = slsc::build(c, Target::CloudFormation)
        .map_err(|_| "the spec has errors; fix them first".to_string())?;
    let slsc::Built {
        template,
        provenance: map,
    } = template;
    let dir = std::env::temp_dir().join(format!("slsc-{tool}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    std::fs::write(
        dir.join("template.json"),
        slsc::emit::write(&template, slsc::Format::Json),
    )
    .map_err(|e| e.to_string())?;
    Ok((map, dir, template))
}

/// A finding's path made as precise as its message allows: cfn-lint reports
/// an unknown IAM action at the statement's `Action` list, naming the action
/// in its message (`'getparamter' is not one of ...`); the path then ends at
/// that action's index, so the finding lands on the string that is wrong.
fn refine_path(template: &Json, mut path: Vec<String>, message: &str) -> Vec<String> {
    if path.last().map(String::as_str) != Some("Action") {
        return path;
    }
    let pointer = format!("/{}", path.join("/"));
    let Some(actions) = template.pointer(&pointer).and_then(Json::as_array) else {
        return path;
    };
    // The value the message is about is the first one it quotes (the
    // list of valid values follows).
    let Some(quoted) = message.split('\'').nth(1).map(str::to_ascii_lowercase) else {
        return path;
    };
    let named = |a: &str| {
        let a = a.to_ascii_lowercase();
        quoted == a || Some(quoted.as_str()) == a.rsplit(':').next()
    };
    if let Some(j) = actions.iter().position(|a| a.as_str().is_some_and(named)) {
        path.push(j.to_string());
    }
    path
}

/// The cfn-lint version whose runtime lifecycle data slsc's dates were last
/// compared with (`scripts/check-runtime-dates.py`, the version pinned in
/// `scripts/requirements-validate.txt`).
pub const CFN_LINT_COMPARED: &str = "1.58.0";

/// cfn-lint's rules on runtime lifecycle dates: deprecated, creation
/// blocked, update blocked.
const RUNTIME_RULES: &[&str] = &["W2531", "E2531", "E2533"];

/// The version `tool --version` prints (`cfn-lint 1.58.0`), if any.
fn tool_version(tool: &Path) -> Option<String> {
    let out = std::process::Command::new(tool)
        .arg("--version")
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let v = text.split_whitespace().last()?.to_string();
    v.starts_with(|c: char| c.is_ascii_digit()).then_some(v)
}

/// `1.51.0` -> `[1, 51, 0]`, for ordering versions.
fn version_parts(v: &str) -> Vec<u64> {
    v.split('.')
        .map(|p| {
            p.chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .unwrap_or(0)
        })
        .collect()
}

/// When a cfn-lint runtime finding says more than slsc's own dates do on
/// `today` (a runtime slsc says is supported called deprecated, or one it
/// says can still be created called blocked), why: which data is older.
fn runtime_note(rule: &str, runtime: &str, version: Option<&str>, today: Date) -> Option<String> {
    use slsc::runtimes::{lookup, Status};
    let rt = lookup(runtime)?;
    let status = rt.status(today);
    let contradicts = match rule {
        "W2531" => status == Status::Supported,
        "E2531" | "E2533" => status != Status::CreateBlocked,
        _ => false,
    };
    if !contradicts {
        return None;
    }
    let dates = format!(
        "slsc's dates (AWS's Lambda runtime table) give `{runtime}` end of support {} and block new functions from {}",
        rt.deprecated.unwrap_or("not announced"),
        rt.create_blocked.unwrap_or("not announced"),
    );
    let older = version.is_some_and(|v| version_parts(v) < version_parts(CFN_LINT_COMPARED));
    let name = version.map_or("this cfn-lint".to_string(), |v| format!("cfn-lint {v}"));
    Some(if older {
        format!("this finding comes from older data: {name}'s runtime dates predate cfn-lint {CFN_LINT_COMPARED}, which slsc's match; {dates}; upgrade cfn-lint to {CFN_LINT_COMPARED} or newer")
    } else {
        format!("{name}'s runtime dates differ from slsc's: {dates}")
    })
}

/// Runs cfn-lint on the compilation's CloudFormation template; its findings
/// as diagnostics, each naming the cfn-lint version that reported it. A
/// runtime lifecycle finding that contradicts slsc's own dates (W0205,
/// E0206) says so, and whether cfn-lint's data is older. Err when the
/// template cannot be built or cfn-lint cannot run (a message for the user).
pub fn cfn_lint(c: &Compilation, tool: &Path) -> Result<Vec<Diagnostic>, String> {
    let version = tool_version(tool);
    // cfn-lint judges runtimes on the clock's date.
    let today = Date::today();
    let (map, dir, template) = template_file(c, "cfn-lint")?;
    let file = dir.join("template.json");
    let out = std::process::Command::new(tool)
        .args(["--format", "json", "--regions", "us-east-1", "--"])
        .arg(&file)
        .output();
    let _ = std::fs::remove_dir_all(&dir);
    let out = out.map_err(|e| format!("cannot run {}: {e} (install it with scripts/install-validators.sh, or set SLSC_CFN_LINT)", tool.display()))?;
    // cfn-lint's exit status is a bit mask of finding levels; 1 is a crash.
    if out.status.code().is_some_and(|c| c & 1 == 1) || out.stdout.is_empty() {
        return Err(format!(
            "cfn-lint failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let findings: Vec<Json> = serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("cannot read cfn-lint's output: {e}"))?;
    let fallback = fallback_span(c);
    Ok(findings
        .iter()
        .map(|m| {
            let rule = m["Rule"]["Id"].as_str().unwrap_or("?");
            let level = m["Level"].as_str().unwrap_or("Warning");
            let message = m["Message"].as_str().unwrap_or("").lines().next().unwrap_or("").to_string();
            let path: Vec<String> = m["Location"]["Path"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| p.as_str().map_or_else(|| p.to_string(), str::to_string))
                .collect();
            let path = refine_path(&template, path, &message);
            let span = map.lookup(&path).unwrap_or(fallback);
            let code = if level == "Error" {
                Code::E0901
            } else {
                Code::W0902
            };
            let tool_name = version
                .as_deref()
                .map_or("cfn-lint".to_string(), |v| format!("cfn-lint {v}"));
            let mut help = format!("in the CloudFormation target at {}; see the rule {rule} in cfn-lint's documentation", path.join("/"));
            if RUNTIME_RULES.contains(&rule) {
                let runtime = template
                    .pointer(&format!("/{}", path.join("/")))
                    .and_then(Json::as_str)
                    .unwrap_or("");
                if let Some(note) = runtime_note(rule, runtime, version.as_deref(), today) {
                    help = format!("{note}; {help}");
                }
            }
            Diagnostic::new(code, span, format!("cfn-lint {rule}: {}", shorten(&message)))
                .label(format!("{tool_name} {level} in the generated template"))
                .help(help)
        })
        .collect())
}

/// Long tool messages (cfn-lint lists every valid value) cut to one line.
fn shorten(message: &str) -> String {
    const MAX: usize = 160;
    if message.chars().count() <= MAX {
        message.to_string()
    } else {
        let cut: String = message.chars().take(MAX).collect();
        format!("{cut}...")
    }
}

/// Where a finding on a resource no declaration owns is reported: the first
/// function, or the start of the file if there is none.
fn fallback_span(c: &Compilation) -> slsc::source::Span {
    c.model
        .functions
        .first()
        .map(|f| f.span)
        .unwrap_or_default()
}

/// Where to find checkov: `SLSC_CHECKOV`, else `.venv-checkov/bin/checkov`
/// under the current folder (scripts/install-checkov.sh), else the PATH.
pub fn find_checkov() -> PathBuf {
    find_tool("SLSC_CHECKOV", ".venv-checkov", "checkov")
}

/// Runs checkov (offline) on the compilation's CloudFormation template; each
/// failed check as a W0902 at the declaration of the resource it names.
pub fn checkov(c: &Compilation, tool: &Path) -> Result<Vec<Diagnostic>, String> {
    let (map, dir, _) = template_file(c, "checkov")?;
    let file = dir.join("template.json");
    // Offline: no mapping download, no package scan, no API calls.
    let out = std::process::Command::new(tool)
        .args([
            "--framework",
            "cloudformation",
            "--quiet",
            "--compact",
            "--skip-download",
            "-o",
            "json",
            "-f",
        ])
        .arg(&file)
        .env("BC_SKIP_MAPPING", "TRUE")
        .env("CHECKOV_RUN_SCA_PACKAGE_SCAN_V2", "false")
        .env("PYTHONWARNINGS", "ignore")
        .output();
    let _ = std::fs::remove_dir_all(&dir);
    let out = out.map_err(|e| {
        format!(
            "cannot run {}: {e} (install it with scripts/install-checkov.sh, or set SLSC_CHECKOV)",
            tool.display()
        )
    })?;
    let parsed: Json = serde_json::from_slice(&out.stdout).map_err(|e| {
        format!(
            "cannot read checkov's output ({e}): {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )
    })?;
    // One report per framework: a list, or one object.
    let reports: Vec<&Json> = match &parsed {
        Json::Array(a) => a.iter().collect(),
        other => vec![other],
    };
    // checkov exits 0 on a template it cannot parse: that is a failure here.
    let scanned: u64 = reports
        .iter()
        .map(|r| r["summary"]["resource_count"].as_u64().unwrap_or(0))
        .sum();
    if scanned == 0 {
        return Err("checkov scanned no resource in the template".into());
    }
    let fallback = fallback_span(c);
    let mut out = Vec::new();
    for r in reports {
        for f in r["results"]["failed_checks"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let id = f["check_id"].as_str().unwrap_or("?");
            let name = f["check_name"].as_str().unwrap_or("");
            let resource = f["resource"].as_str().unwrap_or("");
            let logical = resource.rsplit('.').next().unwrap_or(resource).to_string();
            let span = map
                .lookup(&["Resources".to_string(), logical.clone()])
                .unwrap_or(fallback);
            out.push(
                Diagnostic::new(Code::W0902, span, format!("checkov {id}: {}", shorten(name)))
                    .label(format!("checkov finding on {resource}"))
                    .help(format!("in the CloudFormation target at Resources/{logical}; see {id} in checkov's documentation")),
            );
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_order_by_number() {
        assert!(version_parts("1.51.0") < version_parts(CFN_LINT_COMPARED));
        assert!(version_parts("1.9.2") < version_parts("1.51.0"));
        assert!(version_parts("1.60.1") > version_parts(CFN_LINT_COMPARED));
    }

    #[test]
    fn a_runtime_finding_from_older_data_says_so() {
        let today = Date::parse("2026-11-23").unwrap();
        // cfn-lint 1.51 calls python3.11 update-blocked; AWS's table (and
        // slsc) give it support until 2027-06-30.
        let note = runtime_note("E2533", "python3.11", Some("1.51.0"), today).unwrap();
        assert!(
            note.starts_with("this finding comes from older data: cfn-lint 1.51.0"),
            "{note}"
        );
        assert!(note.contains("2027-06-30"), "{note}");
        let newer = runtime_note("W2531", "python3.11", Some("1.60.0"), today).unwrap();
        assert!(newer.contains("differ from slsc's"), "{newer}");
        // Findings slsc agrees with get no note.
        assert_eq!(
            runtime_note("W2531", "nodejs20.x", Some("1.51.0"), today),
            None
        );
        assert_eq!(
            runtime_note("E2531", "python3.6", Some("1.51.0"), today),
            None
        );
        assert_eq!(
            runtime_note("E2533", "unknown9", Some("1.51.0"), today),
            None
        );
    }
}
