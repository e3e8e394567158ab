//! `slsc init`: the files of a new project, in one of a few shapes taken
//! from the examples: a spec, its handler stubs, an `slsc.toml` and a CI
//! workflow that checks the spec with slsc's GitHub Action.
//!
//! The templates are files under `compiler/templates/init/`, compiled into
//! the binary; a test initializes each one and checks that the spec it
//! writes has no diagnostic, is formatted and builds in both targets.

use std::path::PathBuf;

/// A project shape `slsc init` can write.
#[derive(Debug, Clone, Copy)]
pub struct Template {
    /// Its name on the command line.
    pub name: &'static str,
    /// What it is, in one line.
    pub about: &'static str,
    spec: &'static str,
    handler: (&'static str, &'static str),
}

/// Every template, the default first.
pub const TEMPLATES: [Template; 3] = [
    Template {
        name: "api",
        about: "an HTTP API in front of two functions and a DynamoDB table",
        spec: include_str!("../templates/init/api.sls"),
        handler: ("src/items.py", include_str!("../templates/init/api.py")),
    },
    Template {
        name: "worker",
        about: "an SQS queue worked through in batches, with a dead-letter queue",
        spec: include_str!("../templates/init/worker.sls"),
        handler: ("src/jobs.py", include_str!("../templates/init/worker.py")),
    },
    Template {
        name: "pipeline",
        about: "S3 uploads to a function, a table and a topic, originals moving to Glacier",
        spec: include_str!("../templates/init/pipeline.sls"),
        handler: (
            "src/files.py",
            include_str!("../templates/init/pipeline.py"),
        ),
    },
];

const SLSC_TOML: &str = include_str!("../templates/init/slsc.toml");
const WORKFLOW: &str = include_str!("../templates/init/workflow.yml");

/// The files of a new project from `template`, for an app called `app`
/// (made a valid name: lower case, `_` for anything but letters and
/// digits), each with its path relative to the project's folder; or a
/// message naming the templates when there is no such template.
pub fn files(template: &str, app: &str) -> Result<Vec<(PathBuf, String)>, String> {
    let Some(t) = TEMPLATES.iter().find(|t| t.name == template) else {
        let names: Vec<&str> = TEMPLATES.iter().map(|t| t.name).collect();
        return Err(format!(
            "no template `{template}`: choose one of {}",
            names.join(", ")
        ));
    };
    Ok(vec![
        (
            PathBuf::from("app.sls"),
            t.spec.replace("APP_NAME", &app_name(app)),
        ),
        (PathBuf::from(t.handler.0), t.handler.1.to_string()),
        (PathBuf::from("slsc.toml"), SLSC_TOML.to_string()),
        (
            PathBuf::from(".github/workflows/slsc.yml"),
            WORKFLOW.to_string(),
        ),
    ])
}

/// A name for the `app` declaration from a folder's name: `my-shop` is
/// `my_shop`; `app` when nothing is left.
pub fn app_name(folder: &str) -> String {
    let mut name: String = folder
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    name = name.trim_matches('_').to_string();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert_str(0, "app_");
        name = name.trim_end_matches('_').to_string();
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_folders() {
        assert_eq!(app_name("my-shop"), "my_shop");
        assert_eq!(app_name("Orders API"), "orders_api");
        assert_eq!(app_name("2024"), "app_2024");
        assert_eq!(app_name("..."), "app");
    }

    #[test]
    fn an_unknown_template_names_the_others() {
        let e = files("graphql", "x").unwrap_err();
        assert_eq!(
            e,
            "no template `graphql`: choose one of api, worker, pipeline"
        );
    }
}
