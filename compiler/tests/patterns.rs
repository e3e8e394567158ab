//! Rule patterns: `where` filters compiled to EventBridge event patterns,
//! through the public API (a rule's proved pattern, rendered as the
//! template holds it).

use serde_json::json;
use slsc::{compile_source, CheckOptions, Date};

/// The detail pattern of rule `R` in a spec whose event `E` has `fields`.
fn detail(fields: &str, filter: &str) -> Result<serde_json::Value, Vec<&'static str>> {
    let text = format!(
        "type Item {{ sku: string, qty: int }}\nevent E from \"src\" {{ {fields} }}\nqueue Q\nrule R on default {{ match E where {filter} send to Q }}\n"
    );
    let opts = CheckOptions::new(Date::parse("2026-11-23").unwrap());
    let c = compile_source("t.sls", None, text, opts);
    let errors: Vec<&str> = c
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.code)
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    // Rendered as emit writes it into the template.
    Ok(slsc::emit::pattern_json(&c.model, c.proved.pattern(0).unwrap())["detail"].clone())
}

#[test]
fn nested_fields_nest_in_order() {
    assert_eq!(
        detail("a: { b: { c: string } }", "a.b.c = \"x\""),
        Ok(json!({ "a": { "b": { "c": ["x"] } } }))
    );
}

#[test]
fn fields_inside_lists_are_matched_elementwise() {
    assert_eq!(
        detail("items: [Item]", "items.qty > 2"),
        Ok(json!({ "items": { "qty": [{ "numeric": [">", 2] }] } }))
    );
}

#[test]
fn and_merges_fields_and_numeric_ranges() {
    assert_eq!(
        detail("n: number, s: string", "n > 1 and n <= 5 and s != \"x\""),
        Ok(json!({ "n": [{ "numeric": [">", 1, "<=", 5] }], "s": [{ "anything-but": "x" }] }))
    );
}

#[test]
fn or_on_one_field_is_a_value_list_and_otherwise_dollar_or() {
    assert_eq!(
        detail("s: string", "s = \"a\" or s = \"b\""),
        Ok(json!({ "s": ["a", "b"] }))
    );
    assert_eq!(
        detail("s: string, n: int", "s = \"a\" or n = 1"),
        Ok(json!({ "$or": [{ "s": ["a"] }, { "n": [1] }] }))
    );
}

#[test]
fn tests_map_to_eventbridge_operators() {
    assert_eq!(
        detail("s: string", "s exists"),
        Ok(json!({ "s": [{ "exists": true }] }))
    );
    assert_eq!(
        detail("s: string", "s not exists"),
        Ok(json!({ "s": [{ "exists": false }] }))
    );
    assert_eq!(
        detail("s: string", "s suffix \".png\""),
        Ok(json!({ "s": [{ "suffix": ".png" }] }))
    );
    assert_eq!(
        detail("s: string", "s not in [\"a\", \"b\"]"),
        Ok(json!({ "s": [{ "anything-but": ["a", "b"] }] }))
    );
    assert_eq!(detail("b: bool", "b = true"), Ok(json!({ "b": [true] })));
}

#[test]
fn type_errors_have_their_codes() {
    assert_eq!(detail("s: string", "t = \"a\""), Err(vec!["E0401"]));
    assert_eq!(detail("s: string", "s = 1"), Err(vec!["E0402"]));
    assert_eq!(
        detail("c: \"USD\" | \"EUR\"", "c = \"GBP\""),
        Err(vec!["E0405"])
    );
    assert_eq!(detail("s: string", "s > 1"), Err(vec!["E0403"]));
    assert_eq!(
        detail("s: string", "s prefix \"a\" and s suffix \"b\""),
        Err(vec!["E0404"])
    );
    assert_eq!(detail("n: int", "n > 5 and n < 2"), Err(vec!["E0406"]));
    assert_eq!(
        detail("s: string", "s = \"a\" and s = \"b\""),
        Err(vec!["E0406"])
    );
    assert_eq!(detail("n: int", "n = 1 and n > 3"), Err(vec!["E0406"]));
    assert_eq!(
        detail("s: string", "s exists and s not exists"),
        Err(vec!["E0406"])
    );
    assert_eq!(detail("s: string", "s in []"), Err(vec!["E0407"]));
    assert_eq!(
        detail("s: string", "s cidr \"10.0.0.0/33\""),
        Err(vec!["E0402"])
    );
    assert_eq!(
        detail("n: int", "n cidr \"10.0.0.0/8\""),
        Err(vec!["E0403"])
    );
    assert_eq!(detail("n: int", "n matches \"a*\""), Err(vec!["E0403"]));
    assert_eq!(
        detail(
            "n: int, s: string",
            "(n = 1 or s = \"a\") and (n = 2 or s = \"b\")"
        ),
        Err(vec!["E0404"])
    );
}

#[test]
fn every_eventbridge_operator_compiles() {
    let d = |f| detail("s: string, t: timestamp, ip: string", f).unwrap();
    assert_eq!(
        d("s = \"a\" ignoring case"),
        json!({ "s": [{ "equals-ignore-case": "a" }] })
    );
    assert_eq!(
        d("s != \"a\" ignoring case"),
        json!({ "s": [{ "anything-but": { "equals-ignore-case": "a" } }] })
    );
    assert_eq!(
        d("s prefix \"a\" ignoring case"),
        json!({ "s": [{ "prefix": { "equals-ignore-case": "a" } }] })
    );
    assert_eq!(
        d("s suffix \"a\" ignoring case"),
        json!({ "s": [{ "suffix": { "equals-ignore-case": "a" } }] })
    );
    assert_eq!(
        d("s not prefix \"a\""),
        json!({ "s": [{ "anything-but": { "prefix": "a" } }] })
    );
    assert_eq!(
        d("s not suffix \"a\""),
        json!({ "s": [{ "anything-but": { "suffix": "a" } }] })
    );
    assert_eq!(
        d("s matches \"a*b\""),
        json!({ "s": [{ "wildcard": "a*b" }] })
    );
    assert_eq!(
        d("s not matches \"a*b\""),
        json!({ "s": [{ "anything-but": { "wildcard": "a*b" } }] })
    );
    assert_eq!(
        d("ip cidr \"10.0.0.0/24\""),
        json!({ "ip": [{ "cidr": "10.0.0.0/24" }] })
    );
    assert_eq!(
        d("t prefix \"2026-\""),
        json!({ "t": [{ "prefix": "2026-" }] })
    );
    assert_eq!(
        detail("\"source-ip\": string", "\"source-ip\" exists"),
        Ok(json!({ "source-ip": [{ "exists": true }] }))
    );
}

#[test]
fn and_keeps_what_both_sides_allow() {
    assert_eq!(
        detail("s: string", "s in [\"a\", \"b\"] and s in [\"b\", \"c\"]"),
        Ok(json!({ "s": ["b"] }))
    );
    assert_eq!(
        detail("n: int", "n in [1, 5, 9] and n > 3"),
        Ok(json!({ "n": [5, 9] }))
    );
}

#[test]
fn list_fields_and_numeric_equality() {
    assert_eq!(
        detail("tags: [string]", "tags = \"a\" and tags = \"b\""),
        Err(vec!["E0404"])
    );
    assert_eq!(
        detail("items: [Item]", "items.qty = 1 and items.qty = 2"),
        Err(vec!["E0404"])
    );
    assert_eq!(
        detail("n: number", "n = 1 and n = 1.0"),
        Ok(json!({ "n": [1] }))
    );
}

#[test]
fn numeric_bounds_keep_the_tightest() {
    assert_eq!(
        detail("n: int", "n > 1 and n > 2"),
        Ok(json!({ "n": [{ "numeric": [">", 2] }] }))
    );
    assert_eq!(
        detail("n: int", "n >= 2 and n > 2 and n <= 9 and n < 20"),
        Ok(json!({ "n": [{ "numeric": [">", 2, "<=", 9] }] }))
    );
    assert_eq!(
        detail("n: int", "n >= 3 and n <= 3"),
        Ok(json!({ "n": [{ "numeric": ["=", 3] }] }))
    );
}
