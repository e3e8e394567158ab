//! The algebra of EventBridge patterns, as typed documents: merging
//! conditions joined by `and` (numeric conditions on one field into one
//! range, value lists into their intersection) and by `or` (one value list
//! when the alternatives test one field, `$or` otherwise), and finding the
//! combinations no event can satisfy. `patterns` types a filter and builds
//! its leaves; this module only combines them. A resource attribute
//! ([`Doc::Attr`]) is not a plain value here, as the intrinsic object it
//! becomes in the template is not.

use super::doc::{Doc, Fields};

/// `["a", "b"]` with leaf under nested keys: `{"a": {"b": leaf}}`.
pub(super) fn nest(path: &[String], leaf: Doc) -> Fields {
    let mut value = leaf;
    for key in path[1..].iter().rev() {
        value = Doc::Object(Fields::from([(key.clone(), value)]));
    }
    Fields::from([(path[0].clone(), value)])
}

/// Why two conditions joined by `and` cannot be one pattern.
pub(super) enum Clash {
    /// The same leaf tested twice in a way a pattern cannot say.
    Field(String),
    /// Two `or` groups at one level (a pattern has one `$or` per object).
    TwoOrs,
    /// Numeric bounds no number satisfies.
    Never(String),
}

/// Merges `b` into `a` under `and`.
pub(super) fn merge_and(a: &mut Fields, b: Fields) -> Result<(), Clash> {
    for (k, v) in b {
        match (a.get_mut(&k), v) {
            (None, v) => {
                a.insert(k, v);
            }
            (Some(_), _) if k == "$or" => return Err(Clash::TwoOrs),
            (Some(Doc::Object(x)), Doc::Object(y)) => merge_and(x, y).map_err(|c| match c {
                Clash::Field(f) => Clash::Field(format!("{k}.{f}")),
                Clash::Never(f) => Clash::Never(format!("{k}.{f}")),
                Clash::TwoOrs => Clash::TwoOrs,
            })?,
            (Some(Doc::List(x)), Doc::List(y)) => {
                let plain = |l: &[Doc]| l.iter().all(Doc::is_plain);
                let merged = match (numeric_only(x), numeric_only(&y)) {
                    (Some(p), Some(q)) => {
                        let range = Range::of(&p).and_then(|r| Range::of(&q).map(|s| r.and(s)));
                        match range {
                            Some(r) if r.is_empty() => return Err(Clash::Never(k)),
                            Some(r) => vec![Doc::one("numeric", Doc::List(r.to_operands()))],
                            None => return Err(Clash::Field(k)),
                        }
                    }
                    // `n = 5 and n > 3`: the values the range admits.
                    (Some(range), None) if plain(&y) => within(&y, &range, &k)?,
                    (None, Some(range)) if plain(x) => within(x, &range, &k)?,
                    // `s = "a" and s != "b"`: the values not excluded.
                    (None, None) if plain(x) && excluded(&y).is_some() => keep_allowed(x, &y, &k)?,
                    (None, None) if plain(&y) && excluded(x).is_some() => keep_allowed(&y, x, &k)?,
                    _ if plain(x) && plain(&y) => {
                        let same = |a: &Doc, b: &Doc| match (a.as_f64(), b.as_f64()) {
                            (Some(m), Some(n)) => m == n,
                            _ => a == b,
                        };
                        let common: Vec<Doc> = x
                            .iter()
                            .filter(|v| y.iter().any(|w| same(v, w)))
                            .cloned()
                            .collect();
                        if common.is_empty() {
                            return Err(Clash::Never(k));
                        }
                        common
                    }
                    _ if exists_flag(x)
                        .zip(exists_flag(&y))
                        .is_some_and(|(a, b)| a != b) =>
                    {
                        return Err(Clash::Never(k))
                    }
                    _ => return Err(Clash::Field(k)),
                };
                *x = merged;
            }
            _ => return Err(Clash::Field(k)),
        }
    }
    Ok(())
}

/// A numeric range from `numeric` operands: EventBridge accepts at most one
/// lower and one upper bound (or one `=`), so `and`ed conditions keep the
/// tightest of each.
#[derive(Debug, Clone, Copy)]
struct Range {
    /// Lower bound and whether it is strict (`>`).
    lower: Option<(f64, bool)>,
    /// Upper bound and whether it is strict (`<`).
    upper: Option<(f64, bool)>,
}

impl Range {
    fn of(operands: &[Doc]) -> Option<Range> {
        let mut r = Range {
            lower: None,
            upper: None,
        };
        for pair in operands.chunks(2) {
            let (op, n) = (pair.first()?.as_str()?, pair.get(1)?.as_f64()?);
            let one = match op {
                ">" => Range {
                    lower: Some((n, true)),
                    upper: None,
                },
                ">=" => Range {
                    lower: Some((n, false)),
                    upper: None,
                },
                "<" => Range {
                    lower: None,
                    upper: Some((n, true)),
                },
                "<=" => Range {
                    lower: None,
                    upper: Some((n, false)),
                },
                "=" => Range {
                    lower: Some((n, false)),
                    upper: Some((n, false)),
                },
                _ => return None,
            };
            r = r.and(one);
        }
        Some(r)
    }

    fn and(self, o: Range) -> Range {
        let tighter = |a: Option<(f64, bool)>, b: Option<(f64, bool)>, greater: bool| match (a, b) {
            (None, x) | (x, None) => x,
            (Some(x), Some(y)) if x.0 == y.0 => Some((x.0, x.1 || y.1)),
            (Some(x), Some(y)) => Some(if (x.0 > y.0) == greater { x } else { y }),
        };
        Range {
            lower: tighter(self.lower, o.lower, true),
            upper: tighter(self.upper, o.upper, false),
        }
    }

    fn contains(&self, n: f64) -> bool {
        let above = self
            .lower
            .is_none_or(|(l, strict)| if strict { n > l } else { n >= l });
        let below = self
            .upper
            .is_none_or(|(u, strict)| if strict { n < u } else { n <= u });
        above && below
    }

    fn is_empty(&self) -> bool {
        match (self.lower, self.upper) {
            (Some((l, ls)), Some((u, us))) => l > u || (l == u && (ls || us)),
            _ => false,
        }
    }

    fn to_operands(self) -> Vec<Doc> {
        let num = |n: f64| {
            if n.fract() == 0.0 && n.abs() < 1e15 {
                Doc::int(n as i64)
            } else {
                Doc::float(n)
            }
        };
        match (self.lower, self.upper) {
            (Some((l, false)), Some((u, false))) if l == u => vec![Doc::str("="), num(l)],
            (lower, upper) => {
                let mut out = Vec::new();
                if let Some((l, strict)) = lower {
                    out.extend([Doc::str(if strict { ">" } else { ">=" }), num(l)]);
                }
                if let Some((u, strict)) = upper {
                    out.extend([Doc::str(if strict { "<" } else { "<=" }), num(u)]);
                }
                out
            }
        }
    }
}

/// The plain values of `values` inside a numeric range given as operands.
fn within(values: &[Doc], range: &[Doc], field: &str) -> Result<Vec<Doc>, Clash> {
    let r = Range::of(range).ok_or_else(|| Clash::Field(field.to_string()))?;
    let kept: Vec<Doc> = values
        .iter()
        .filter(|v| v.as_f64().is_some_and(|n| r.contains(n)))
        .cloned()
        .collect();
    if kept.is_empty() {
        return Err(Clash::Never(field.to_string()));
    }
    Ok(kept)
}

/// The excluded values of `[{"anything-but": v}]` or `[{"anything-but": [..]}]`
/// (none that a pattern check reasons about when `v` is an object: a test
/// such as `{"prefix": ..}`, or a resource attribute).
fn excluded(list: &[Doc]) -> Option<Vec<Doc>> {
    match list {
        [Doc::Object(m)] if m.len() == 1 => match m.get("anything-but")? {
            Doc::List(vs) => Some(vs.clone()),
            Doc::Object(_) | Doc::Attr(..) => None,
            v => Some(vec![v.clone()]),
        },
        _ => None,
    }
}

/// The values of `values` that `anything_but` does not exclude.
fn keep_allowed(values: &[Doc], anything_but: &[Doc], field: &str) -> Result<Vec<Doc>, Clash> {
    let out = excluded(anything_but).unwrap_or_default();
    let kept: Vec<Doc> = values
        .iter()
        .filter(|v| !out.contains(v))
        .cloned()
        .collect();
    if kept.is_empty() {
        return Err(Clash::Never(field.to_string()));
    }
    Ok(kept)
}

/// `Some(b)` for `[{"exists": b}]`.
fn exists_flag(list: &[Doc]) -> Option<bool> {
    match list {
        [Doc::Object(m)] if m.len() == 1 => m.get("exists").and_then(Doc::as_bool),
        _ => None,
    }
}

/// The operands of `[{"numeric": [...]}]`, if that is all the list holds.
fn numeric_only(list: &[Doc]) -> Option<Vec<Doc>> {
    match list {
        [Doc::Object(m)] if m.len() == 1 => {
            m.get("numeric").and_then(Doc::as_list).map(<[Doc]>::to_vec)
        }
        _ => None,
    }
}

/// Joins patterns under `or`: one value list when every operand tests the same
/// single field for plain values, otherwise `$or`.
pub(super) fn merge_or(parts: Vec<Fields>) -> Fields {
    if let Some(merged) = same_leaf_union(&parts) {
        return merged;
    }
    let mut alternatives = Vec::new();
    for p in parts {
        match (p.len(), p.get("$or")) {
            (1, Some(Doc::List(inner))) => alternatives.extend(inner.iter().cloned()),
            _ => alternatives.push(Doc::Object(p)),
        }
    }
    Fields::from([("$or".to_string(), Doc::List(alternatives))])
}

fn same_leaf_union(parts: &[Fields]) -> Option<Fields> {
    fn leaf_path(m: &Fields, path: &mut Vec<String>) -> Option<Vec<Doc>> {
        if m.len() != 1 {
            return None;
        }
        let (k, v) = m.iter().next()?;
        if k == "$or" {
            return None;
        }
        path.push(k.clone());
        match v {
            Doc::Object(inner) => leaf_path(inner, path),
            Doc::List(items) if items.iter().all(Doc::is_plain) => Some(items.clone()),
            _ => None,
        }
    }
    let mut first_path = Vec::new();
    let mut values = leaf_path(parts.first()?, &mut first_path)?;
    for p in &parts[1..] {
        let mut path = Vec::new();
        let more = leaf_path(p, &mut path)?;
        if path != first_path {
            return None;
        }
        for v in more {
            if !values.contains(&v) {
                values.push(v);
            }
        }
    }
    Some(nest(&first_path, Doc::List(values)))
}
