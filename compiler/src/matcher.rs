//! EventBridge event-pattern matching: does an event match a pattern, and if
//! not, why not.
//!
//! Semantics, after the EventBridge user guide ("Event patterns", "Content
//! filtering"): every field named in the pattern must match; a list of
//! conditions matches when any condition matches any of the event's values at
//! that path; arrays in the event are flattened, so a path through an array of
//! objects collects the values of every element; `$or` matches when any of
//! its alternatives does; a missing field matches only `{"exists": false}`.
//! `slsc match` uses it, and CI compares its verdicts with moto's matcher.

use serde_json::{Map, Value as Json};

/// Whether `event` matches `pattern`; `Err` says why not.
pub fn explain(pattern: &Json, event: &Json) -> Result<(), String> {
    match pattern.as_object() {
        Some(p) => check(p, &[event], ""),
        None => Err("the pattern is not a JSON object".into()),
    }
}

/// True if `event` matches `pattern`.
pub fn matches(pattern: &Json, event: &Json) -> bool {
    explain(pattern, event).is_ok()
}

fn check(pattern: &Map<String, Json>, nodes: &[&Json], path: &str) -> Result<(), String> {
    for (key, wanted) in pattern {
        if key == "$or" {
            let alternatives = wanted.as_array().map(Vec::as_slice).unwrap_or_default();
            let mut reasons = Vec::new();
            let matched = alternatives.iter().any(|alt| match alt.as_object() {
                Some(m) => check(m, nodes, path).map_err(|e| reasons.push(e)).is_ok(),
                None => false,
            });
            if !matched {
                return Err(format!(
                    "no alternative of `$or` matches: {}",
                    reasons.join("; ")
                ));
            }
            continue;
        }
        let here = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        let mut values = Vec::new();
        for node in nodes {
            if let Some(v) = node.get(key) {
                flatten(v, &mut values);
            }
        }
        match wanted {
            Json::Object(sub) => {
                let objects: Vec<&Json> = values.into_iter().filter(|v| v.is_object()).collect();
                check(sub, &objects, &here)?;
            }
            Json::Array(conditions) => {
                let scalars: Vec<&Json> = values.into_iter().filter(|v| !v.is_object()).collect();
                if !conditions.iter().any(|c| condition(c, &scalars)) {
                    return Err(leaf_reason(&here, conditions, &scalars));
                }
            }
            _ => {
                return Err(format!(
                    "`{here}`: a pattern value must be an object or a list"
                ))
            }
        }
    }
    Ok(())
}

/// Arrays are flattened into their elements, at any depth.
fn flatten<'a>(v: &'a Json, out: &mut Vec<&'a Json>) {
    match v {
        Json::Array(items) => items.iter().for_each(|i| flatten(i, out)),
        other => out.push(other),
    }
}

fn leaf_reason(path: &str, conditions: &[Json], values: &[&Json]) -> String {
    let wanted = Json::Array(conditions.to_vec()).to_string();
    if conditions.iter().any(is_deploy_time) {
        return format!(
            "`{path}` is compared with a value CloudFormation resolves at deploy time ({wanted})"
        );
    }
    match values {
        [] => format!("`{path}` is missing, and the pattern wants {wanted}"),
        [v] => format!("`{path}` is {v}, which does not match {wanted}"),
        vs => format!(
            "`{path}` has {}, none of which matches {wanted}",
            Json::Array(vs.iter().map(|v| (*v).clone()).collect())
        ),
    }
}

/// `{"Fn::Join": ...}`, `{"Ref": ...}`: a resource attribute in the pattern.
fn is_deploy_time(c: &Json) -> bool {
    c.as_object()
        .is_some_and(|m| m.keys().any(|k| k == "Ref" || k.starts_with("Fn::")))
}

/// One condition of a leaf list against the values at its path.
fn condition(c: &Json, values: &[&Json]) -> bool {
    match c {
        Json::Object(m) if m.len() == 1 => {
            let (name, arg) = m.iter().next().expect("one entry");
            if name == "exists" {
                return arg.as_bool() == Some(!values.is_empty());
            }
            values.iter().any(|v| named(name, arg, v))
        }
        Json::Object(_) => false,
        scalar => values.iter().any(|v| equal(v, scalar)),
    }
}

/// Scalars are equal when of one JSON type and value; numbers compare as
/// numbers (`1` and `1.0` are equal).
fn equal(a: &Json, b: &Json) -> bool {
    match (a, b) {
        (Json::Number(x), Json::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

fn named(name: &str, arg: &Json, v: &Json) -> bool {
    let text = v.as_str();
    match name {
        "prefix" | "suffix" => {
            let Some(t) = text else { return false };
            let (t, needle) = match arg {
                Json::String(s) => (t.to_string(), s.clone()),
                Json::Object(m) => match m.get("equals-ignore-case").and_then(Json::as_str) {
                    Some(s) => (t.to_lowercase(), s.to_lowercase()),
                    None => return false,
                },
                _ => return false,
            };
            if name == "prefix" {
                t.starts_with(&needle)
            } else {
                t.ends_with(&needle)
            }
        }
        "equals-ignore-case" => match (text, arg.as_str()) {
            (Some(t), Some(s)) => t.to_lowercase() == s.to_lowercase(),
            _ => false,
        },
        "wildcard" => match (text, arg.as_str()) {
            (Some(t), Some(w)) => wildcard(w, t),
            _ => false,
        },
        "cidr" => match (text, arg.as_str()) {
            (Some(t), Some(c)) => in_cidr(t, c),
            _ => false,
        },
        "numeric" => {
            let (Some(n), Some(ops)) = (v.as_f64(), arg.as_array()) else {
                return false;
            };
            if v.is_boolean() {
                return false;
            }
            ops.chunks(2).all(|pair| {
                let (Some(op), Some(bound)) =
                    (pair[0].as_str(), pair.get(1).and_then(Json::as_f64))
                else {
                    return false;
                };
                match op {
                    "<" => n < bound,
                    "<=" => n <= bound,
                    "=" => n == bound,
                    ">=" => n >= bound,
                    ">" => n > bound,
                    _ => false,
                }
            })
        }
        "anything-but" => match arg {
            Json::Array(list) => !list.iter().any(|x| equal(v, x)),
            Json::Object(m) if m.len() == 1 => {
                let (inner, inner_arg) = m.iter().next().expect("one entry");
                !named(inner, inner_arg, v)
            }
            scalar => !equal(v, scalar),
        },
        _ => false,
    }
}

/// `*` matches any characters (including none); `\*` is a literal star.
fn wildcard(pattern: &str, text: &str) -> bool {
    // Tokens: Some(c) a literal character, None a star.
    let mut tokens: Vec<Option<char>> = Vec::new();
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if matches!(chars.peek(), Some('*') | Some('\\')) => tokens.push(chars.next()),
            '*' => tokens.push(None),
            c => tokens.push(Some(c)),
        }
    }
    let text: Vec<char> = text.chars().collect();
    // Classic two-pointer glob match with backtracking to the last star.
    let (mut t, mut p) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match tokens.get(p) {
            Some(Some(c)) if *c == text[t] => {
                t += 1;
                p += 1;
            }
            Some(None) => {
                star = Some((p, t));
                p += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    p = sp + 1;
                    t = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    tokens[p..].iter().all(Option::is_none)
}

/// Whether an IP address lies in a CIDR block (IPv4 or IPv6).
fn in_cidr(addr: &str, block: &str) -> bool {
    let Some((net, len)) = block.split_once('/') else {
        return false;
    };
    let Ok(len) = len.parse::<u32>() else {
        return false;
    };
    let bits = |s: &str| -> Option<(u128, u32)> {
        if let Ok(a) = s.parse::<std::net::Ipv4Addr>() {
            return Some((u32::from(a) as u128, 32));
        }
        s.parse::<std::net::Ipv6Addr>()
            .ok()
            .map(|a| (u128::from(a), 128))
    };
    match (bits(addr), bits(net)) {
        (Some((a, wa)), Some((n, wn))) if wa == wn && len <= wa => {
            if len == 0 {
                return true;
            }
            let shift = wa - len;
            (a >> shift) == (n >> shift)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn m(p: Json, e: Json) -> bool {
        matches(&p, &e)
    }

    #[test]
    fn fields_must_all_match_and_lists_are_alternatives() {
        let p = json!({ "source": ["a", "b"], "detail": { "n": [1] } });
        assert!(m(
            p.clone(),
            json!({ "source": "b", "detail": { "n": 1.0 } })
        ));
        assert!(!m(
            p.clone(),
            json!({ "source": "c", "detail": { "n": 1 } })
        ));
        assert!(!m(p, json!({ "source": "a" })));
    }

    #[test]
    fn operators() {
        let e = json!({ "s": "Alice.png", "n": 7, "ip": "10.0.3.4", "l": ["x", "y"] });
        assert!(m(json!({ "s": [{ "prefix": "Al" }] }), e.clone()));
        assert!(m(
            json!({ "s": [{ "prefix": { "equals-ignore-case": "al" } }] }),
            e.clone()
        ));
        assert!(m(json!({ "s": [{ "suffix": ".png" }] }), e.clone()));
        assert!(m(
            json!({ "s": [{ "equals-ignore-case": "alice.PNG" }] }),
            e.clone()
        ));
        assert!(m(json!({ "s": [{ "wildcard": "A*e.*" }] }), e.clone()));
        assert!(!m(json!({ "s": [{ "wildcard": "A*x" }] }), e.clone()));
        assert!(m(
            json!({ "n": [{ "numeric": [">", 5, "<=", 7] }] }),
            e.clone()
        ));
        assert!(!m(json!({ "n": [{ "numeric": [">", 7] }] }), e.clone()));
        assert!(m(json!({ "ip": [{ "cidr": "10.0.0.0/16" }] }), e.clone()));
        assert!(!m(json!({ "ip": [{ "cidr": "10.1.0.0/16" }] }), e.clone()));
        assert!(m(json!({ "s": [{ "anything-but": ["x"] }] }), e.clone()));
        assert!(m(
            json!({ "s": [{ "anything-but": { "prefix": "B" } }] }),
            e.clone()
        ));
        assert!(m(json!({ "l": ["y"] }), e.clone()));
        assert!(m(json!({ "z": [{ "exists": false }] }), e.clone()));
        assert!(!m(json!({ "z": [{ "anything-but": "q" }] }), e.clone()));
        assert!(m(
            json!({ "$or": [{ "n": [1] }, { "s": [{ "suffix": "png" }] }] }),
            e
        ));
    }

    #[test]
    fn arrays_of_objects_are_flattened() {
        let e = json!({ "items": [{ "qty": 1 }, { "qty": 5 }] });
        assert!(m(
            json!({ "items": { "qty": [{ "numeric": [">", 4] }] } }),
            e.clone()
        ));
        assert!(!m(json!({ "items": { "qty": [9] } }), e));
    }

    #[test]
    fn reasons_name_the_field() {
        let p = json!({ "detail": { "total": [{ "numeric": [">", 100] }] } });
        assert_eq!(
            explain(&p, &json!({ "detail": { "total": 42 } })),
            Err("`detail.total` is 42, which does not match [{\"numeric\":[\">\",100]}]".into())
        );
        assert_eq!(
            explain(&p, &json!({ "detail": {} })),
            Err(
                "`detail.total` is missing, and the pattern wants [{\"numeric\":[\">\",100]}]"
                    .into()
            )
        );
    }

    #[test]
    fn wildcard_escapes_and_backtracks() {
        assert!(wildcard("a\\*b", "a*b"));
        assert!(!wildcard("a\\*b", "axb"));
        assert!(wildcard("*a*a*", "banana"));
        assert!(wildcard("", ""));
        assert!(!wildcard("", "x"));
    }
}
