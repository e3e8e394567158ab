//! The typed pattern document: what `check` proves a filter compiles to.

use crate::model::{Attr, Ref};
use indexmap::IndexMap;
use serde_json::Number;

/// An EventBridge event pattern or an SNS filter policy, as `check` proves
/// it: the JSON document AWS defines, with a resource attribute kept as the
/// attribute it is ([`Doc::Attr`]) rather than the CloudFormation intrinsic
/// that `emit` writes for it (`emit::pattern_json` renders a document).
#[derive(Debug, Clone, PartialEq)]
pub enum Doc {
    /// An object, keys in insertion order (the order the template shows).
    Object(IndexMap<String, Doc>),
    /// A list.
    List(Vec<Doc>),
    /// A string.
    Str(String),
    /// A number, as JSON has it: an integer stays an integer (`1`, not
    /// `1.0`), and `1` and `1.0` are different values, as before.
    Number(Number),
    /// A boolean.
    Bool(bool),
    /// JSON's null: what a number beyond `f64`'s range becomes, as
    /// `serde_json` writes a non-finite number.
    Null,
    /// An attribute of a declared resource, known once the stack is
    /// deployed. In the template it is an intrinsic, an object: so it is
    /// not a plain value to the algebra (a list holding one is never
    /// intersected with literals), and counts as its longest resolved
    /// value in the pattern's size.
    Attr(Ref, Attr),
}

/// The fields of a [`Doc::Object`].
pub type Fields = IndexMap<String, Doc>;

impl Doc {
    /// A string.
    pub fn str(s: impl Into<String>) -> Doc {
        Doc::Str(s.into())
    }

    /// A number from a float; null when it is not finite, as JSON has no
    /// such numbers.
    pub fn float(n: f64) -> Doc {
        Number::from_f64(n).map_or(Doc::Null, Doc::Number)
    }

    /// An integer.
    pub fn int(n: i64) -> Doc {
        Doc::Number(n.into())
    }

    /// `{key: value}`.
    pub fn one(key: &str, value: Doc) -> Doc {
        Doc::Object(IndexMap::from([(key.to_string(), value)]))
    }

    /// A plain value: neither an object nor a resource attribute (an
    /// intrinsic object in the template).
    pub fn is_plain(&self) -> bool {
        !matches!(self, Doc::Object(_) | Doc::Attr(..))
    }

    /// The number, as a float.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Doc::Number(n) => n.as_f64(),
            _ => None,
        }
    }

    /// The string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Doc::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Doc::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The items of a list.
    pub fn as_list(&self) -> Option<&[Doc]> {
        match self {
            Doc::List(items) => Some(items),
            _ => None,
        }
    }
}
