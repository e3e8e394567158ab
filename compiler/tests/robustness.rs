//! Bad input of any kind gets diagnostics, never a panic: every example is
//! cut, spliced and corrupted in many deterministic ways and compiled.

mod common;

/// A small deterministic generator (64-bit LCG): no dependency, same cases
/// on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % bound.max(1)
    }
}

const NOISE: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    "->",
    "=",
    ":",
    "?",
    "|",
    ",",
    "//",
    "\n",
    " ",
    "0",
    "99999999999999999999",
    "1ms",
    "3GB",
    "queue",
    "function",
    "on",
    "where",
    "and",
    "or",
    "not",
    "in",
    "exists",
    "after",
    "receives",
    "é",
    "\u{0}",
    "\\",
    "{id+}",
    "/",
    "GET",
    "match",
    "send to",
    "emits",
    "Orders.stream",
    ".",
];

#[test]
fn corrupted_specs_never_panic() {
    let mut rng = Lcg(0x5eed);
    let mut sources: Vec<String> = Vec::new();
    for e in ["orders-reference", "ecommerce", "media-pipeline"] {
        sources.push(
            std::fs::read_to_string(common::root().join("examples").join(e).join("app.sls"))
                .unwrap(),
        );
    }
    let mut cases = 0;
    for src in &sources {
        let chars: Vec<char> = src.chars().collect();
        for _ in 0..400 {
            let mut c = chars.clone();
            for _ in 0..=rng.next(4) {
                let at = rng.next(c.len());
                match rng.next(3) {
                    0 => {
                        let end = (at + rng.next(40)).min(c.len());
                        c.drain(at..end);
                    }
                    1 => {
                        let noise = NOISE[rng.next(NOISE.len())];
                        for (i, ch) in noise.chars().enumerate() {
                            c.insert(at + i, ch);
                        }
                    }
                    _ => c.truncate(at),
                }
            }
            let text: String = c.into_iter().collect();
            let compilation = slsc::compile_source("fuzz.sls", None, text, common::options());
            // Rendering must not panic either (spans inside the text).
            let _ = common::rendered(&compilation);
            if !compilation.has_errors() {
                let _ = slsc::build(&compilation, slsc::Target::Sam);
                let _ = slsc::build(&compilation, slsc::Target::CloudFormation);
            }
            cases += 1;
        }
    }
    assert_eq!(cases, 1200);
}
