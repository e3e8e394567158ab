//! Language server latency: what an editor waits for on the generated
//! `wide` spec (`scale`'s shape) of 1,000 functions, through the real
//! server (`slsc lsp`, spawned and spoken to over stdio as an editor does):
//!
//! - `open`: from `didOpen` to the document's diagnostics;
//! - `edit`: from `didChange` (one function's memory changed) to the
//!   diagnostics of that version, repeated;
//! - `hover`: a hover on a function's name after an edit, repeated;
//! - `completion`: completion after `on ` in a function (names of the
//!   right kind), repeated;
//! - `properties`: completion at the start of a function's body (the
//!   properties it takes), repeated.
//!
//! Each figure is the median and the slowest of its repetitions, with the
//! server's peak memory at the end. `cargo bench --bench lsp` runs it;
//! `cargo bench --bench lsp -- 10000` measures another size.

#[allow(dead_code)]
mod shapes;

use lsp_server::{Message, Notification, Request, RequestId};
use serde_json::{json, Value};
use std::io::{BufReader, BufWriter, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

/// A server and the pipes to it.
struct Server {
    child: Child,
    to: BufWriter<ChildStdin>,
    from: BufReader<ChildStdout>,
    next_id: i32,
}

impl Server {
    fn send(&mut self, m: Message) {
        m.write(&mut self.to).expect("write to server");
        self.to.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(Message::Notification(Notification::new(
            method.to_string(),
            params,
        )));
    }

    /// Sends a request and waits for its response.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        self.send(Message::Request(Request::new(
            id.clone(),
            method.to_string(),
            params,
        )));
        loop {
            match Message::read(&mut self.from)
                .expect("read")
                .expect("message")
            {
                Message::Response(r) if r.id == id => {
                    return r.response_result.unwrap_or(Value::Null);
                }
                _ => {}
            }
        }
    }

    /// Waits for the diagnostics of a document; returns how many.
    fn diagnostics(&mut self) -> usize {
        loop {
            if let Message::Notification(n) = Message::read(&mut self.from)
                .expect("read")
                .expect("message")
            {
                if n.method == "textDocument/publishDiagnostics" {
                    return n.params["diagnostics"].as_array().map_or(0, Vec::len);
                }
            }
        }
    }

    /// The server's peak resident memory, from /proc (Linux), in MB.
    fn peak_mb(&self) -> Option<f64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb / 1024.0)
    }
}

/// The line and UTF-16 column of a byte offset of ASCII text.
fn position(text: &str, offset: usize) -> Value {
    let line = text[..offset].matches('\n').count();
    let column = offset - text[..offset].rfind('\n').map_or(0, |i| i + 1);
    json!({ "line": line, "character": column })
}

/// The median and the slowest of some durations, in milliseconds.
fn summary(mut times: Vec<Duration>) -> String {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    format!(
        "median {:>7.1} ms  slowest {:>7.1} ms  ({} runs)",
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1]),
        times.len()
    )
}

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .map_or(1000, |a| a.parse().expect("a count of functions"));
    const RUNS: usize = 15;
    let dir = std::env::temp_dir().join(format!("slsc-lsp-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("bench.sls");
    let text = shapes::wide(n);
    std::fs::write(&path, &text).expect("write spec");
    let uri = format!("file://{}", path.display());

    let mut child = Command::new(env!("CARGO_BIN_EXE_slsc"))
        .arg("lsp")
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn slsc lsp");
    let mut server = Server {
        to: BufWriter::new(child.stdin.take().expect("stdin")),
        from: BufReader::new(child.stdout.take().expect("stdout")),
        child,
        next_id: 0,
    };
    server.request(
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": {} }),
    );
    server.notify("initialized", json!({}));

    let start = Instant::now();
    server.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "sls", "version": 1, "text": text } }),
    );
    let found = server.diagnostics();
    let open = start.elapsed();

    // Each edit changes one worker's memory, a different worker each time.
    let mut edits = Vec::new();
    let mut current = text.clone();
    for run in 0..RUNS {
        let k = (run * 37) % n;
        let from = format!("function Worker{k} {{\n  handler = \"worker.handler\"\n  memory = ");
        let at = current.find(&from).expect("worker") + from.len();
        let old = if current[at..].starts_with("256MB") {
            "256MB"
        } else {
            "512MB"
        };
        let new = if old == "256MB" { "512MB" } else { "256MB" };
        current.replace_range(at..at + old.len(), new);
        let start = Instant::now();
        server.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": run + 2 },
                "contentChanges": [{ "text": current }]
            }),
        );
        let after = server.diagnostics();
        edits.push(start.elapsed());
        assert_eq!(after, found, "an edit of memory changes no diagnostic");
    }

    let mut hovers = Vec::new();
    let mut completions = Vec::new();
    let mut properties = Vec::new();
    for run in 0..RUNS {
        let k = (run * 53) % n;
        let name = format!("function Worker{k} ");
        let at = current.find(&name).expect("worker") + "function ".len();
        let start = Instant::now();
        let hover = server.request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": position(&current, at + 2) }),
        );
        hovers.push(start.elapsed());
        assert!(hover.to_string().contains(&format!("Worker{k}")), "{hover}");

        let on = format!("  on Work{k} ");
        let at = current.find(&on).expect("trigger") + "  on ".len();
        let start = Instant::now();
        let items = server.request(
            "textDocument/completion",
            json!({ "textDocument": { "uri": uri }, "position": position(&current, at) }),
        );
        completions.push(start.elapsed());
        assert!(items.to_string().contains("Work"), "completion after `on `");

        let body = format!("function Get{k} {{");
        let at = current.find(&body).expect("function") + body.len();
        let start = Instant::now();
        let items = server.request(
            "textDocument/completion",
            json!({ "textDocument": { "uri": uri }, "position": position(&current, at) }),
        );
        properties.push(start.elapsed());
        assert!(
            items.to_string().contains("timeout"),
            "a function's properties: {items}"
        );
    }
    let peak = server
        .peak_mb()
        .map_or("n/a".to_string(), |m| format!("{m:.0} MB"));

    let lines = text.lines().count();
    println!("lsp {n} functions ({lines} lines, {found} diagnostics), server peak {peak}");
    println!("  open        {:>7.1} ms", open.as_secs_f64() * 1000.0);
    println!("  edit        {}", summary(edits));
    println!("  hover       {}", summary(hovers));
    println!("  completion  {}", summary(completions));
    println!("  properties  {}", summary(properties));

    server.request("shutdown", Value::Null);
    server.notify("exit", Value::Null);
    let _ = server.child.wait();
    let _ = std::fs::remove_dir_all(&dir);
}
