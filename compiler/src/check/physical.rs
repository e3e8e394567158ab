//! Physical names (`name = "..."`), descriptions and the app's outputs
//! against AWS's rules: each service's naming rules (E0214), one name per
//! resource of a service and one export per name (E0111), output keys that
//! are valid logical IDs and clash with none the template generates (E0109).
//!
//! A name that breaks a service's rules fails the deploy when CloudFormation
//! creates the resource; two resources of one service with one name fail
//! the second create. Both are found here, before anything is deployed.

use crate::ast::DeclKind;
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{Model, Spanned};
use crate::naming::ids;
use std::collections::HashMap;

/// What one service allows in a name.
#[derive(Clone, Copy)]
struct Rule {
    /// What the rule is about, in messages: "a Lambda function name".
    what: &'static str,
    min: usize,
    max: usize,
    /// The characters allowed, besides ASCII letters and digits.
    extra: &'static str,
    /// How to describe the characters in a message.
    chars: &'static str,
}

fn rule(kind: DeclKind) -> Option<Rule> {
    use DeclKind as K;
    Some(match kind {
        K::Function => Rule {
            what: "a Lambda function name",
            min: 1,
            max: 64,
            extra: "-_",
            chars: "letters, digits, `-` and `_`",
        },
        K::Queue => Rule {
            what: "an SQS queue name",
            min: 1,
            max: 80,
            extra: "-_",
            chars: "letters, digits, `-` and `_` (and a FIFO queue's `.fifo` suffix)",
        },
        K::Topic => Rule {
            what: "an SNS topic name",
            min: 1,
            max: 256,
            extra: "-_",
            chars: "letters, digits, `-` and `_` (and a FIFO topic's `.fifo` suffix)",
        },
        K::Bus => Rule {
            what: "an event bus name",
            min: 1,
            max: 256,
            extra: "/.-_",
            chars: "letters, digits, `/`, `.`, `-` and `_`",
        },
        K::Table => Rule {
            what: "a DynamoDB table name",
            min: 3,
            max: 255,
            extra: "_.-",
            chars: "letters, digits, `_`, `.` and `-`",
        },
        K::Stream => Rule {
            what: "a Kinesis stream name",
            min: 1,
            max: 128,
            extra: "_.-",
            chars: "letters, digits, `_`, `.` and `-`",
        },
        // Step Functions also takes some punctuation (`.`, `+`, `=`, `@`,
        // ...) and non-ASCII letters, but not in every console, CLI and ARN
        // position: letters, digits, `-` and `_` are safe everywhere.
        K::StateMachine => Rule {
            what: "a state machine name",
            min: 1,
            max: 80,
            extra: "-_",
            chars: "letters, digits, `-` and `_`",
        },
        K::Bucket => Rule {
            what: "an S3 bucket name",
            min: 3,
            max: 63,
            extra: ".-",
            chars: "lower-case letters, digits, `.` and `-`",
        },
        K::Rule => Rule {
            what: "an EventBridge rule name",
            min: 1,
            max: 64,
            extra: ".-_",
            chars: "letters, digits, `.`, `-` and `_`",
        },
        K::Schedule => Rule {
            what: "an EventBridge Scheduler schedule name",
            min: 1,
            max: 64,
            extra: ".-_",
            chars: "letters, digits, `.`, `-` and `_`",
        },
        K::Pipe => Rule {
            what: "a pipe name",
            min: 1,
            max: 64,
            extra: ".-_",
            chars: "letters, digits, `.`, `-` and `_`",
        },
        K::ScheduleGroup => Rule {
            what: "a schedule group name",
            min: 1,
            max: 64,
            extra: ".-_",
            chars: "letters, digits, `.`, `-` and `_`",
        },
        K::Layer => Rule {
            what: "a Lambda layer name",
            min: 1,
            max: 140,
            extra: "-_",
            chars: "letters, digits, `-` and `_`",
        },
        K::UserPool => Rule {
            what: "a Cognito user pool name",
            min: 1,
            max: 128,
            extra: "_ +=,.@-",
            chars: "letters, digits, spaces and `_+=,.@-`",
        },
        _ => return None,
    })
}

/// The longest `Description` each kind's resource takes.
fn description_max(kind: DeclKind) -> Option<usize> {
    match kind {
        DeclKind::Function | DeclKind::Layer => Some(256),
        DeclKind::Rule | DeclKind::Schedule | DeclKind::Bus | DeclKind::Pipe => Some(512),
        _ => None,
    }
}

/// Runs the checks.
pub fn check(model: &Model, diags: &mut Vec<Diagnostic>) {
    names(model, diags);
    descriptions(model, diags);
    outputs(model, diags);
}

fn invalid(name: &Spanned<String>, msg: String, label: &str, help: String) -> Diagnostic {
    Diagnostic::new(Code::E0214, name.span, msg)
        .label(label.to_string())
        .help(help)
}

/// Whether the FIFO-ness of a queue or topic requires the `.fifo` suffix.
fn fifo(model: &Model, kind: DeclKind, decl: &str) -> Option<bool> {
    match kind {
        DeclKind::Queue => model.queue(decl).map(|q| q.fifo),
        DeclKind::Topic => model.topic(decl).map(|t| t.fifo),
        _ => None,
    }
}

/// Why `name` breaks `r`, if it does.
fn breaks(
    model: &Model,
    kind: DeclKind,
    decl: &str,
    r: &Rule,
    name: &str,
) -> Option<(String, String)> {
    let fifo = fifo(model, kind, decl);
    // A FIFO queue's or topic's name ends in `.fifo`, a standard one's not.
    let base = match fifo {
        Some(true) => match name.strip_suffix(".fifo") {
            Some(base) => base,
            None => {
                return Some((
                    format!(
                        "the name of FIFO {} `{decl}` must end in `.fifo`",
                        kind.keyword()
                    ),
                    format!("write `name = \"{name}.fifo\"`"),
                ))
            }
        },
        Some(false) if name.ends_with(".fifo") => {
            return Some((
                format!(
                    "only a FIFO {} has a name ending in `.fifo`",
                    kind.keyword()
                ),
                format!("drop the suffix, or make `{decl}` FIFO with `fifo = true`"),
            ))
        }
        _ => name,
    };
    let len = name.chars().count();
    if len < r.min || len > r.max {
        return Some((
            format!(
                "{} is {} to {} characters; this one is {len}",
                r.what, r.min, r.max
            ),
            if len > r.max {
                "shorten it".to_string()
            } else {
                "lengthen it".to_string()
            },
        ));
    }
    let lower_only = kind == DeclKind::Bucket;
    if let Some(c) = base.chars().find(|c| {
        !(c.is_ascii_digit()
            || (c.is_ascii_lowercase())
            || (c.is_ascii_uppercase() && !lower_only)
            || r.extra.contains(*c))
    }) {
        let msg = if lower_only && c.is_ascii_uppercase() {
            format!("{} is lower case; `{c}` is not", r.what)
        } else if c == ' ' {
            format!("{} cannot contain spaces", r.what)
        } else {
            format!("{} cannot contain `{c}`", r.what)
        };
        return Some((msg, format!("use only {}", r.chars)));
    }
    match kind {
        DeclKind::Bus if name == "default" => Some((
            "`default` is the name of the account's default bus".into(),
            "use the default bus as `default` in rules and `emits`; give a declared bus another name".into(),
        )),
        DeclKind::Bus if name.starts_with("aws.") => Some((
            "bus names starting with `aws.` are reserved for partner event buses".into(),
            "choose a name that does not start with `aws.`".into(),
        )),
        DeclKind::Bucket => bucket(name),
        _ => None,
    }
}

/// S3's rules beyond characters and length.
fn bucket(name: &str) -> Option<(String, String)> {
    let first_last = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    if !first_last(name.chars().next()) || !first_last(name.chars().last()) {
        return Some((
            "an S3 bucket name begins and ends with a letter or a digit".into(),
            "remove the leading or trailing `.` or `-`".into(),
        ));
    }
    if name.contains("..") {
        return Some((
            "an S3 bucket name cannot contain two adjacent periods".into(),
            "remove one of the two `.`".into(),
        ));
    }
    if name.parse::<std::net::Ipv4Addr>().is_ok() {
        return Some((
            "an S3 bucket name cannot be formatted as an IP address".into(),
            "use a name with letters".into(),
        ));
    }
    for prefix in ["xn--", "sthree-", "amzn-s3-demo-"] {
        if name.starts_with(prefix) {
            return Some((
                format!("S3 reserves bucket names starting with `{prefix}`"),
                "choose another beginning".into(),
            ));
        }
    }
    for suffix in ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"] {
        if name.ends_with(suffix) {
            return Some((
                format!("S3 reserves bucket names ending in `{suffix}`"),
                "choose another ending".into(),
            ));
        }
    }
    None
}

/// The longest value of each pseudo parameter (a stack name has at most
/// 128 characters; the others are bounded by AWS's own formats).
fn pseudo_max(name: &str) -> Option<usize> {
    Some(match name {
        "AWS::StackName" => 128,
        "AWS::AccountId" => 12,
        "AWS::Region" => 20,
        "AWS::Partition" => 10,
        "AWS::URLSuffix" => 20,
        _ => return None,
    })
}

/// What the parameters a name references let slsc know of it.
enum Known {
    /// Every value it can take (each parameter has `allowed` values), with
    /// the parameter values that make it.
    All(Vec<(String, String)>),
    /// Its text with every reference replaced by a letter, for the
    /// character rules; its longest length if bounded; and the references
    /// whose length is not bounded.
    Partly {
        probe: String,
        max_len: Option<usize>,
        unbounded: Vec<String>,
    },
}

/// At most this many combinations of allowed values are checked one by one.
const MAX_COMBINATIONS: usize = 64;

fn known(model: &Model, text: &str) -> Known {
    use crate::model::ParamValue;
    let refs = crate::naming::references(text);
    let param = |n: &str| model.params.iter().find(|p| p.name == n);
    let finite: Option<Vec<(&str, Vec<String>)>> = refs
        .iter()
        .map(|r| {
            let values = param(r)?.allowed.as_ref()?;
            Some((*r, values.value.iter().map(ParamValue::text).collect()))
        })
        .collect();
    if let Some(sets) = finite {
        let count = sets.iter().map(|(_, v)| v.len()).product::<usize>();
        if count <= MAX_COMBINATIONS {
            let mut out = vec![(text.to_string(), String::new())];
            for (name, values) in &sets {
                let pattern = format!("${{{name}}}");
                let mut next = Vec::with_capacity(out.len() * values.len());
                for (t, why) in &out {
                    for v in values {
                        let sep = if why.is_empty() { "" } else { ", " };
                        next.push((
                            t.replace(&pattern, v),
                            format!("{why}{sep}`{name}` = \"{v}\""),
                        ));
                    }
                }
                out = next;
            }
            return Known::All(out);
        }
    }
    let mut probe = text.to_string();
    let mut max_len = Some(text.chars().count());
    let mut unbounded = Vec::new();
    for r in &refs {
        let pattern = format!("${{{r}}}");
        probe = probe.replacen(&pattern, "a", 1);
        let bound = pseudo_max(r).or_else(|| {
            let p = param(r)?;
            match (&p.allowed, &p.max_length) {
                (Some(a), _) => a.value.iter().map(|v| v.text().chars().count()).max(),
                (None, Some(m)) => Some(m.value.max(0) as usize),
                _ => None,
            }
        });
        match bound {
            Some(b) => max_len = max_len.map(|l| l - pattern.chars().count() + b),
            None => {
                max_len = None;
                unbounded.push(r.to_string());
            }
        }
    }
    Known::Partly {
        probe,
        max_len,
        unbounded,
    }
}

fn names(model: &Model, diags: &mut Vec<Diagnostic>) {
    // (kind, physical name) -> the declaration that took it first.
    let mut taken: HashMap<(DeclKind, &str), (&str, &Spanned<String>)> = HashMap::new();
    for &(kind, i) in &model.order {
        let Some(decl) = model.name_of(kind, i) else {
            continue;
        };
        let Some(first) = model.physical_name(decl) else {
            continue;
        };
        let Some(r) = rule(kind) else { continue };
        // `name = X if C else Y`: both are names the resource may take.
        let other = model
            .prop_cond(decl, "name")
            .and_then(|pc| pc.otherwise.as_ref())
            .filter(|o| o.value != first.value);
        for name in std::iter::once(first).chain(other) {
            if !crate::naming::references(&name.value).is_empty() {
                if !parameterized(model, kind, decl, &r, name, diags) {
                    continue;
                }
            } else if let Some((msg, help)) = breaks(model, kind, decl, &r, &name.value) {
                diags.push(invalid(name, msg, "breaks AWS's naming rules", help));
                continue;
            }
            match taken.get(&(kind, name.value.as_str())) {
                Some((other, first)) => diags.push(
                    Diagnostic::new(
                        Code::E0111,
                        name.span,
                        format!("`{decl}` and `{other}` are both named \"{}\"", name.value),
                    )
                    .label("name taken")
                    .with(first.span, format!("`{other}` takes it here"))
                    .help(format!(
                    "AWS allows one {} of a name in an account and region: give each its own name",
                    kind.keyword()
                )),
                ),
                None => {
                    taken.insert((kind, name.value.as_str()), (decl, name));
                }
            }
        }
    }
}

/// Checks a name that references parameters as far as they are known:
/// every value when each has `allowed` values; otherwise its characters,
/// and its length when the parameters' lengths are bounded, with a warning
/// (W0216) saying what could not be checked. False if an error was found.
fn parameterized(
    model: &Model,
    kind: DeclKind,
    decl: &str,
    r: &Rule,
    name: &Spanned<String>,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    match known(model, &name.value) {
        Known::All(values) => {
            for (value, with) in values {
                if let Some((msg, help)) = breaks(model, kind, decl, r, &value) {
                    diags.push(invalid(
                        name,
                        format!("with {with}, {msg}"),
                        "breaks AWS's naming rules",
                        help,
                    ));
                    return false;
                }
            }
            true
        }
        Known::Partly {
            probe,
            max_len,
            unbounded,
        } => {
            let relaxed = Rule {
                min: 0,
                max: usize::MAX,
                ..*r
            };
            if let Some((msg, help)) = breaks(model, kind, decl, &relaxed, &probe) {
                diags.push(invalid(name, msg, "breaks AWS's naming rules", help));
                return false;
            }
            let refs = crate::naming::references(&name.value);
            let listed = refs
                .iter()
                .map(|r| format!("`${{{r}}}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let warn = match max_len {
                Some(n) if n > r.max => Some((
                    format!("{} can be {n} characters long once {listed} are filled in; {} is at most {}", article_name(kind, decl), r.what, r.max),
                    "shorten the fixed part, or bound the parameters (`max_length`, `allowed`) so that the name always fits".to_string(),
                )),
                Some(_) => None,
                None => Some((
                    format!("{} depends on {}, whose length slsc cannot know: {} is at most {} characters", article_name(kind, decl), unbounded.iter().map(|u| format!("`{u}`")).collect::<Vec<_>>().join(", "), r.what, r.max),
                    format!("give {} `allowed = [...]` or `max_length = N`, so that the name is checked", unbounded.iter().map(|u| format!("`{u}`")).collect::<Vec<_>>().join(" and ")),
                )),
            };
            if let Some((msg, help)) = warn {
                diags.push(
                    Diagnostic::new(Code::W0216, name.span, msg)
                        .label("not checked in full")
                        .help(help),
                );
            }
            true
        }
    }
}

/// "the name of function `Work`".
fn article_name(kind: DeclKind, decl: &str) -> String {
    format!("the name of {} `{decl}`", kind.keyword())
}

fn descriptions(model: &Model, diags: &mut Vec<Diagnostic>) {
    for &(kind, i) in &model.order {
        let Some(decl) = model.name_of(kind, i) else {
            continue;
        };
        let (Some(first), Some(max)) = (model.description(decl), description_max(kind)) else {
            continue;
        };
        // `description = X if C else Y`: both are written.
        let other = model
            .prop_cond(decl, "description")
            .and_then(|pc| pc.otherwise.as_ref());
        for d in std::iter::once(first).chain(other) {
            let len = d.value.chars().count();
            if len > max {
                diags.push(
                    Diagnostic::new(
                        Code::E0203,
                        d.span,
                        format!(
                            "the description of {} is at most {max} characters; this one is {len}",
                            kind.article()
                        ),
                    )
                    .label("too long")
                    .help("shorten it"),
                );
            }
        }
    }
}

fn outputs(model: &Model, diags: &mut Vec<Diagnostic>) {
    // Outputs the template generates: each API's URL, each external
    // declaration's ARN.
    let mut keys: HashMap<String, Option<&Spanned<String>>> = HashMap::new();
    for api in &model.apis {
        keys.insert(ids::url_output(&api.name), None);
        if api.domain.is_some() {
            keys.insert(ids::domain_url_output(&api.name), None);
        }
    }
    for (_, name, _) in model.externals() {
        keys.insert(ids::arn_output(name), None);
    }
    let mut exports: HashMap<&str, &Spanned<String>> = HashMap::new();
    for o in &model.outputs {
        let key = &o.name;
        if !key.value.chars().all(|c| c.is_ascii_alphanumeric()) || key.value.len() > 255 {
            diags.push(invalid(
                key,
                format!("`{}` is not a valid output name", key.value),
                "not a logical ID",
                "an output name is 1 to 255 letters and digits, e.g. `OrdersArn`".into(),
            ));
        } else {
            match keys.get(&key.value) {
                Some(first) => {
                    let mut d = Diagnostic::new(
                        Code::E0109,
                        key.span,
                        format!("output `{}` is declared twice", key.value),
                    )
                    .label("second output of this name");
                    d = match first {
                        Some(first) => d
                            .with(first.span, "first declared here")
                            .help("rename this output, or remove it"),
                        None => d.help("the template already outputs it (each API's URL as `<Api>Url` and `<Api>DomainUrl`, each external declaration's ARN as `<Name>Arn`): remove this output, or rename it"),
                    };
                    diags.push(d);
                }
                None => {
                    keys.insert(key.value.clone(), Some(key));
                }
            }
        }
        if let Some(e) = &o.export {
            // Parameters are checked as one letter each: their values are
            // not known.
            let probe = crate::naming::references(&e.value)
                .iter()
                .fold(e.value.clone(), |t, r| {
                    t.replacen(&format!("${{{r}}}"), "a", 1)
                });
            let ok = !probe.is_empty()
                && e.value.len() <= 255
                && probe
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == ':' || c == '-');
            if !ok {
                diags.push(invalid(
                    e,
                    format!("\"{}\" is not a valid export name", e.value),
                    "breaks CloudFormation's rules",
                    "an export name is letters, digits, `:` and `-`, e.g. \"shop-orders-arn\""
                        .into(),
                ));
            } else if let Some(first) = exports.get(e.value.as_str()) {
                diags.push(
                    Diagnostic::new(
                        Code::E0111,
                        e.span,
                        format!("\"{}\" is exported twice", e.value),
                    )
                    .label("export name taken")
                    .with(first.span, "first exported here")
                    .help("export names are unique in an account and region: give each its own"),
                );
            } else {
                exports.insert(&e.value, e);
            }
        }
        if let Some(d) = &o.description {
            let len = d.value.len();
            if len > 1024 {
                diags.push(
                    Diagnostic::new(
                        Code::E0203,
                        d.span,
                        format!(
                            "an output's description is at most 1,024 bytes; this one is {len}"
                        ),
                    )
                    .label("too long")
                    .help("shorten it"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{compile_source, CheckOptions, Date};

    fn codes(text: &str) -> Vec<&'static str> {
        let opts = CheckOptions::new(Date::parse("2026-12-01").unwrap());
        compile_source("t.sls", None, text.to_string(), opts)
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.code)
            .collect()
    }

    #[test]
    fn each_service_has_its_naming_rules() {
        assert_eq!(
            codes("queue Q { name = \"orders\", external = true }"),
            Vec::<&str>::new()
        );
        assert_eq!(
            codes("queue Q { name = \"orders.fifo\", external = true }"),
            vec!["E0214"]
        );
        assert_eq!(
            codes(
                "queue Q { name = \"orders\", fifo = true, content_dedup = true, external = true }"
            ),
            vec!["E0214"]
        );
        assert_eq!(codes("bucket B { name = \"My_Bucket\" }"), vec!["E0214"]);
        assert_eq!(
            codes("bucket B { name = \"my-bucket-s3alias\" }"),
            vec!["E0214"]
        );
        assert_eq!(codes("bucket B { name = \"192.168.5.4\" }"), vec!["E0214"]);
        assert_eq!(codes("bucket B { name = \"my..bucket\" }"), vec!["E0214"]);
        assert_eq!(
            codes("bucket B { name = \"shop-uploads.example.com\" }"),
            Vec::<&str>::new()
        );
        assert_eq!(
            codes("table T { key = { pk: string }, name = \"ab\" }"),
            vec!["E0214"]
        );
        assert_eq!(
            codes("bus B { name = \"default\", external = true }"),
            vec!["E0214"]
        );
        assert_eq!(
            codes("stream S { name = \"clicks stream\" }"),
            vec!["E0214"]
        );
    }

    #[test]
    fn one_name_per_service_and_one_export_per_name() {
        assert_eq!(
            codes("bucket A { name = \"shop-a\" }\nbucket B { name = \"shop-a\" }"),
            vec!["E0111"]
        );
        // A queue and a topic may share a name: they are different services.
        assert_eq!(
            codes("queue A { name = \"shop\", external = true }\ntopic B { name = \"shop\", external = true }"),
            Vec::<&str>::new()
        );
        assert_eq!(
            codes("bucket A\nbucket B\napp x { outputs { A = { value = A.arn, export = \"x\" }, B = { value = B.arn, export = \"x\" } } }"),
            vec!["E0111"]
        );
    }

    #[test]
    fn output_names_are_logical_ids_that_clash_with_none() {
        assert_eq!(
            codes("bucket A\napp x { outputs { ArnOfA = A.arn } }"),
            Vec::<&str>::new()
        );
        assert_eq!(
            codes("queue Q { external = true }\napp x { outputs { QArn = Q.arn } }"),
            vec!["E0109"]
        );
        assert_eq!(
            codes("bucket A\napp x { outputs { A = { value = A.arn, export = \"a b\" } } }"),
            vec!["E0214"]
        );
    }
}
