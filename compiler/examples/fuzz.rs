//! A fuzz harness on stable Rust: mutations of every example and fixture,
//! each run through everything `slsc` does with a spec (see
//! `tests/support/exercise.rs`); a panic, a crash (a stack overflow aborts
//! the process) or a hang is a finding.
//!
//! ```text
//! cargo run --release --example fuzz -- [--seconds 60] [--seed 1] [--findings DIR]
//! ```
//!
//! `scripts/fuzz.sh MINUTES` runs it; CI runs it for a minute with a fixed
//! seed. The parent process runs the inputs in batches, each in a child
//! process (the same program with `--child`), which announces each input
//! before running it: when the child dies or an input runs longer than
//! `--hang` seconds (default 10) per MiB begun, the parent saves that input, kills the
//! child and carries on with the next one. A panic is caught in the child
//! and saved there. Findings are written to `--findings` (default
//! `target/fuzz-findings`) as `KIND-SEED-BATCH-INDEX.sls`; copy each to
//! `tests/fuzz/regressions/` once fixed, where a test runs them. The exit
//! status is 1 if anything was found. `--replay FILE...` runs files once
//! each and prints how long each took.

#[path = "../tests/support/exercise.rs"]
mod exercise;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Inputs per child process.
const BATCH: usize = 200;

/// The longest input, in bytes.
const MAX_INPUT: usize = 2 << 20;

/// A small deterministic generator (SplitMix64): no dependency, the same
/// inputs for the same seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

/// Tokens inserted at random: the language's words and punctuation, values
/// at and past their limits, and bytes and characters people cannot see.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    "\"",
    "->",
    "=",
    ":",
    "?",
    "|",
    ",",
    ".",
    "//",
    "\n",
    "\r",
    "\r\n",
    " ",
    "\t",
    "0",
    "-1",
    "1.5",
    "99999999999999999999999999",
    "1e308",
    "18446744073709551616s",
    "0ms",
    "9223372036854775807d",
    "3GB",
    "10240MB",
    "1.5d",
    "0.5GB",
    "queue",
    "topic",
    "function",
    "rule",
    "schedule",
    "api",
    "table",
    "bucket",
    "bus",
    "event",
    "type",
    "stream",
    "secret",
    "parameter",
    "app",
    "use",
    "on",
    "where",
    "and",
    "or",
    "not",
    "in",
    "exists",
    "prefix",
    "suffix",
    "matches",
    "cidr",
    "ignoring case",
    "after",
    "receives",
    "match",
    "send to",
    "emits",
    "reads",
    "writes",
    "deletes",
    "sends to",
    "publishes to",
    "invokes",
    "allow",
    "subscribe",
    "responses",
    "of",
    "external",
    "detail_type",
    "drop",
    "on_failure",
    "dead_letter",
    "retry",
    "every",
    "cron",
    "GET",
    "POST",
    "/{id+}",
    "/a/{b}",
    "http",
    "rest",
    "iam",
    "none",
    "jwt",
    "Orders.stream",
    "Orders.arn",
    "x.y.z",
    "use \"./missing.sls\"",
    "use \"/dev/zero\"",
    "use aws.s3",
    "use \"../app.sls\"",
    "\"\\u{110000}\"",
    "\"\\u{}\"",
    "\"\\q\"",
    "\"\\",
    "code = \"nowhere\"",
    "é",
    "\u{0}",
    "\u{feff}",
    "\u{200b}",
    "\u{202e}",
    "\u{1b}[31m",
    "\u{9b}",
    "\u{7f}",
    "\u{fffd}",
    "𝔘",
    "\u{10ffff}",
    "\\",
];

/// Raw byte sequences that are not UTF-8.
const BAD_BYTES: &[&[u8]] = &[
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",
    b"\x80",
    b"\xf4\x90\x80\x80",
    b"\xef\xbb\xbf",
];

/// One corpus file: its bytes and where it lives (its `use`s resolve there).
struct Seed {
    path: PathBuf,
    bytes: Vec<u8>,
}

fn corpus(root: &Path) -> Vec<Seed> {
    let mut paths = Vec::new();
    walk(&root.join("examples"), &mut paths);
    walk(&root.join("tests"), &mut paths);
    paths.sort();
    paths
        .into_iter()
        .filter_map(|path| {
            let bytes = std::fs::read(&path).ok()?;
            Some(Seed { path, bytes })
        })
        .collect()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.filter_map(Result::ok) {
        let Ok(t) = e.file_type() else { continue };
        let path = e.path();
        if t.is_dir() {
            walk(&path, out);
        } else if t.is_file() && path.extension().is_some_and(|x| x == "sls") {
            out.push(path);
        }
    }
}

/// A random position in `b`, preferably at a line start or a token edge.
fn spot(rng: &mut Rng, b: &[u8]) -> usize {
    let at = rng.below(b.len() + 1);
    if rng.chance(2) {
        // Move to just after the next space or line end, a token boundary.
        if let Some(i) = b[at..].iter().position(|c| matches!(c, b' ' | b'\n')) {
            return at + i + 1;
        }
    }
    at
}

/// Applies one to four mutations.
fn mutate(rng: &mut Rng, seeds: &[Seed], input: &mut Vec<u8>) {
    for _ in 0..=rng.below(4) {
        let len = input.len();
        match rng.below(12) {
            // Byte flips.
            0 => {
                for _ in 0..=rng.below(4) {
                    if !input.is_empty() {
                        let i = rng.below(input.len());
                        input[i] ^= 1 << rng.below(8);
                    }
                }
            }
            // Token insertions.
            1 | 2 => {
                let at = spot(rng, input);
                let t = TOKENS[rng.below(TOKENS.len())];
                input.splice(at..at, t.bytes());
            }
            // Swap two lines.
            3 => {
                let lines: Vec<&[u8]> = input.split(|c| *c == b'\n').collect();
                if lines.len() > 2 {
                    let (i, j) = (rng.below(lines.len()), rng.below(lines.len()));
                    let mut lines: Vec<Vec<u8>> = lines.iter().map(|l| l.to_vec()).collect();
                    lines.swap(i, j);
                    *input = lines.join(&b'\n');
                }
            }
            // Splice in a piece of another file.
            4 => {
                let other = &seeds[rng.below(seeds.len())].bytes;
                if !other.is_empty() {
                    let from = rng.below(other.len());
                    let to = (from + rng.below(400)).min(other.len());
                    let at = spot(rng, input);
                    input.splice(at..at, other[from..to].iter().copied());
                }
            }
            // Delete a range, or truncate.
            5 => {
                let at = rng.below(len + 1);
                let end = if rng.chance(3) {
                    len
                } else {
                    (at + rng.below(60)).min(len)
                };
                input.drain(at..end);
            }
            // A very long line, name, string or number.
            6 => {
                let n = 1000 + rng.below(80_000);
                let piece = match rng.below(4) {
                    0 => " ".repeat(n),
                    1 => "N".repeat(n),
                    2 => format!("\"{}\"", "s".repeat(n)),
                    _ => "9".repeat(n.min(5000)),
                };
                let at = spot(rng, input);
                input.splice(at..at, piece.into_bytes());
            }
            // Deep nesting.
            7 => {
                let most = if rng.chance(2) { 100 } else { 20_000 };
                let n = 1 + rng.below(most);
                let (open, close) = match rng.below(6) {
                    0 => ("(", ")"),
                    1 => ("[", "]"),
                    2 => ("{ a: ", " }"),
                    3 => ("not ", ""),
                    4 => ("Q after ", " receives"),
                    _ => ("{", "}"),
                };
                let at = spot(rng, input);
                let mut piece = open.repeat(n);
                piece.push_str("a = 1");
                if rng.chance(4) {
                    piece.push_str(&close.repeat(n));
                }
                input.splice(at..at, piece.into_bytes());
            }
            // Bytes that are not UTF-8.
            8 => {
                let at = rng.below(len + 1);
                let b = BAD_BYTES[rng.below(BAD_BYTES.len())];
                input.splice(at..at, b.iter().copied());
            }
            // Line ends: all CR, all CRLF, or a BOM in front.
            9 => {
                let text = String::from_utf8_lossy(input).into_owned();
                *input = match rng.below(3) {
                    0 => text.replace('\n', "\r"),
                    1 => text.replace('\n', "\r\n"),
                    _ => format!("\u{feff}{text}"),
                }
                .into_bytes();
            }
            // Repeat a line many times (many declarations, many findings).
            10 => {
                let lines: Vec<&[u8]> = input.split(|c| *c == b'\n').collect();
                let line = lines[rng.below(lines.len())].to_vec();
                let at = spot(rng, input);
                let mut piece = Vec::new();
                for _ in 0..rng.below(300) {
                    piece.extend_from_slice(&line);
                    piece.push(b'\n');
                }
                input.splice(at..at, piece);
            }
            // Swap two words.
            _ => {
                let words: Vec<(usize, usize)> = words(input);
                if words.len() > 2 {
                    let a = words[rng.below(words.len())];
                    let b = words[rng.below(words.len())];
                    let (a, b) = if a.0 <= b.0 { (a, b) } else { (b, a) };
                    if a.1 <= b.0 {
                        let wa = input[a.0..a.1].to_vec();
                        let wb = input[b.0..b.1].to_vec();
                        input.splice(b.0..b.1, wa);
                        input.splice(a.0..a.1, wb);
                    }
                }
            }
        }
    }
}

/// The byte ranges of the words of `b`.
fn words(b: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in b.iter().enumerate() {
        let word = c.is_ascii_alphanumeric() || *c == b'_';
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The `index`-th input of batch `batch`, and the seed file it came from.
fn input(seeds: &[Seed], seed: u64, batch: u64, index: usize) -> (usize, Vec<u8>) {
    let mut rng = Rng(seed ^ batch.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ (index as u64) << 40);
    let which = rng.below(seeds.len());
    let mut bytes = seeds[which].bytes.clone();
    mutate(&mut rng, seeds, &mut bytes);
    // slsc reads at most 16 MiB; a few MiB keep many inputs a minute.
    bytes.truncate(MAX_INPUT);
    (which, bytes)
}

struct Options {
    seconds: u64,
    seed: u64,
    hang: u64,
    findings: PathBuf,
    root: PathBuf,
}

fn options(args: &[String]) -> Options {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf();
    let mut o = Options {
        seconds: 60,
        seed: 1,
        hang: 10,
        findings: root.join("target/fuzz-findings"),
        root,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || it.next().cloned().unwrap_or_default();
        match a.as_str() {
            "--seconds" => o.seconds = value().parse().expect("--seconds N"),
            "--seed" => o.seed = value().parse().expect("--seed N"),
            "--hang" => o.hang = value().parse().expect("--hang N"),
            "--findings" => o.findings = PathBuf::from(value()),
            _ => {}
        }
    }
    o
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let o = options(&args);
    if let Some(i) = args.iter().position(|a| a == "--replay") {
        return replay(&args[i + 1..]);
    }
    if let Some(i) = args.iter().position(|a| a == "--child") {
        let batch = args[i + 1].parse().expect("batch");
        let from = args[i + 2].parse().expect("first index");
        return child(&o, batch, from);
    }
    parent(&o)
}

/// Runs each file through everything once and prints how long it took: how
/// a finding is reproduced, and how a fix is measured.
fn replay(files: &[String]) -> ExitCode {
    for file in files {
        let bytes = match std::fs::read(file) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{file}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let (len, start) = (bytes.len(), Instant::now());
        let diagnostics = exercise::exercise("fuzz.sls", Some(Path::new(file)), bytes);
        println!(
            "{file}: {len} bytes, {diagnostics} diagnostics, {:.2} s",
            start.elapsed().as_secs_f64()
        );
    }
    ExitCode::SUCCESS
}

/// Runs inputs `from..BATCH` of `batch`, announcing each on stdout.
fn child(o: &Options, batch: u64, from: usize) -> ExitCode {
    let seeds = corpus(&o.root);
    // The panic message goes into the finding, not to the terminal.
    std::panic::set_hook(Box::new(|_| {}));
    let mut out = std::io::stdout().lock();
    for index in from..BATCH {
        let (which, bytes) = input(&seeds, o.seed, batch, index);
        let _ = writeln!(out, "start {index} {}", bytes.len());
        let _ = out.flush();
        let path = seeds[which].path.clone();
        let copy = bytes.clone();
        let run = std::panic::catch_unwind(move || {
            exercise::exercise("fuzz.sls", Some(&path), copy);
        });
        if let Err(e) = run {
            let why = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            save(o, "panic", batch, index, &bytes, &seeds[which].path, &why);
            let _ = writeln!(out, "panic {index} {}", why.replace('\n', " "));
        }
    }
    let _ = writeln!(out, "end");
    ExitCode::SUCCESS
}

/// Saves a finding with a note of where it came from and what happened.
fn save(o: &Options, kind: &str, batch: u64, index: usize, bytes: &[u8], from: &Path, why: &str) {
    let _ = std::fs::create_dir_all(&o.findings);
    let name = format!("{kind}-{}-{batch}-{index}", o.seed);
    let _ = std::fs::write(o.findings.join(format!("{name}.sls")), bytes);
    let note = format!("{kind} on a mutation of {}: {why}\n", from.display());
    let _ = std::fs::write(o.findings.join(format!("{name}.txt")), note);
}

/// How long an input of `len` bytes may run before it counts as a hang:
/// `hang` seconds per MiB begun. Everything slsc does is meant to be linear
/// in its input, so a 2 MiB spec of 100,000 findings may take twice as long
/// as a 1 MiB one; what a hang catches is work that grows faster than that.
fn hang_limit(hang: u64, len: usize) -> Duration {
    let mib = len.div_ceil(1 << 20).max(1) as u64;
    Duration::from_secs(hang * mib)
}

fn parent(o: &Options) -> ExitCode {
    let seeds = corpus(&o.root);
    assert!(!seeds.is_empty(), "no .sls files under examples/ or tests/");
    let exe = std::env::current_exe().expect("own path");
    let start = Instant::now();
    let budget = Duration::from_secs(o.seconds);
    let (mut inputs, mut found) = (0usize, Vec::new());
    let mut batch = 0u64;
    'batches: while start.elapsed() < budget {
        let mut from = 0;
        while from < BATCH {
            let mut child = Command::new(&exe)
                .args(["--seed", &o.seed.to_string(), "--findings"])
                .arg(&o.findings)
                .args(["--child", &batch.to_string(), &from.to_string()])
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .expect("start a child");
            let (tx, rx) = mpsc::channel();
            let stdout = child.stdout.take().expect("child stdout");
            std::thread::spawn(move || {
                for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                    if tx.send(line).is_err() {
                        break;
                    }
                }
            });
            let (mut current, mut limit) = (None, hang_limit(o.hang, 0));
            let outcome = loop {
                match rx.recv_timeout(limit) {
                    Ok(line) if line == "end" => break None,
                    Ok(line) => {
                        let mut words = line.splitn(3, ' ');
                        let (kind, index) = (words.next(), words.next());
                        let index: Option<usize> = index.and_then(|i| i.parse().ok());
                        match kind {
                            Some("start") => {
                                inputs += 1;
                                current = index;
                                let len = words.next().and_then(|l| l.parse().ok());
                                limit = hang_limit(o.hang, len.unwrap_or(MAX_INPUT));
                            }
                            Some("panic") => {
                                found.push(format!(
                                    "panic in batch {batch}, input {index:?}: {}",
                                    words.next().unwrap_or("")
                                ));
                            }
                            _ => {}
                        }
                    }
                    Err(mpsc::RecvTimeoutError::Timeout) => break Some("hang"),
                    Err(mpsc::RecvTimeoutError::Disconnected) => break Some("crash"),
                }
                if start.elapsed() > budget + Duration::from_secs(o.hang) {
                    let _ = child.kill();
                    let _ = child.wait();
                    break 'batches;
                }
            };
            let _ = child.kill();
            let status = child.wait().ok();
            match (outcome, current) {
                (Some(kind), Some(index)) => {
                    let (which, bytes) = input(&seeds, o.seed, batch, index);
                    let why = format!("{kind} ({status:?})");
                    save(o, kind, batch, index, &bytes, &seeds[which].path, &why);
                    found.push(format!("{why} in batch {batch}, input {index}"));
                    from = index + 1;
                }
                (Some(kind), None) => {
                    found.push(format!(
                        "{kind} of a child before its first input ({status:?})"
                    ));
                    break 'batches;
                }
                (None, _) => from = BATCH,
            }
        }
        batch += 1;
    }
    println!(
        "fuzz: {inputs} inputs in {:.0} s (seed {}, {} batches), {} findings{}",
        start.elapsed().as_secs_f64(),
        o.seed,
        batch,
        found.len(),
        if found.is_empty() {
            String::new()
        } else {
            format!(" in {}", o.findings.display())
        }
    );
    for f in &found {
        println!("  {f}");
    }
    if found.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
