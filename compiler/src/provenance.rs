//! Provenance: from places in an emitted template back to the `.sls` text
//! that produced them. `emit` records it as it adds each part (see
//! `emit::Template`), so nothing is guessed back from names.
//!
//! Every resource and output maps to the declaration whose emission added
//! it. Properties users set map to the text that set them (a function's
//! `memory`, a queue's `visibility_timeout`, ...), and each statement of a
//! role's policy to the verb or trigger that caused it. A lookup takes the
//! longest mapped prefix of a template path, so a finding deep in a property
//! lands on the property, else on its resource's declaration. `slsc build
//! --source-map` writes it as a sidecar file; `slsc check --with` places
//! third-party findings with it.

use crate::source::{SourceMap, Span};
use indexmap::IndexMap;
use serde::Serialize;
use serde_json::Value as Json;

/// Template paths (`Resources/Fn/Properties/MemorySize`) and their spans.
#[derive(Debug, Clone, Default)]
pub struct Provenance {
    entries: IndexMap<String, Span>,
}

/// One entry of the sidecar file.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// The `.sls` file.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// 1-based line of the end.
    pub end_line: usize,
    /// 1-based column of the end.
    pub end_column: usize,
}

impl Provenance {
    /// Records that template `path` comes from `span`; the first record of
    /// a path stands.
    pub(crate) fn put(&mut self, path: String, span: Span) {
        self.entries.entry(path).or_insert(span);
    }

    /// Where resource `id` comes from: the declaration that added it.
    pub fn resource(&self, id: &str) -> Option<Span> {
        self.entries.get(&format!("Resources/{id}")).copied()
    }

    /// Where output `id` comes from.
    pub fn output(&self, id: &str) -> Option<Span> {
        self.entries.get(&format!("Outputs/{id}")).copied()
    }

    /// The span of the longest mapped prefix of `path` (segments joined by
    /// `/`).
    pub fn lookup(&self, path: &[String]) -> Option<Span> {
        (1..=path.len())
            .rev()
            .find_map(|n| self.entries.get(&path[..n].join("/")).copied())
    }

    /// The sidecar file's text: [`Provenance::to_json`], indented, ending
    /// with a newline.
    pub fn to_text(&self, sources: &SourceMap) -> String {
        // Serializing a JSON value to a string cannot fail.
        serde_json::to_string_pretty(&self.to_json(sources)).unwrap_or_default() + "\n"
    }

    /// The map as the sidecar JSON file: template path to `.sls` range.
    pub fn to_json(&self, sources: &SourceMap) -> Json {
        let m: serde_json::Map<String, Json> = self
            .entries
            .iter()
            .map(|(k, s)| {
                let f = sources.get(s.file);
                let (line, column) = f.line_col(s.start);
                let (end_line, end_column) = f.line_col(s.end);
                let e = Entry {
                    file: f.name.clone(),
                    line,
                    column,
                    end_line,
                    end_column,
                };
                (k.clone(), serde_json::to_value(e).unwrap_or_default())
            })
            .collect();
        Json::Object(m)
    }
}
