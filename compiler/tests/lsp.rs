//! `slsc lsp` through a real client over stdio: the test spawns the server,
//! initializes it, opens documents that are not saved (or differ from the
//! disk), edits them, and asserts the diagnostics it publishes, hover,
//! definition across a `use`d file, the outline and formatting, with
//! positions in UTF-16 as the protocol counts them.

use lsp_server::{Message, Notification, Request, RequestId};
use serde_json::{json, Value};
use std::io::BufReader;
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

struct Client {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    next: i32,
}

impl Client {
    fn start() -> Client {
        Client::start_with(&[])
    }

    /// A server with these environment variables set.
    fn start_with(env: &[(&str, &Path)]) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_slsc"))
            .arg("lsp")
            .envs(env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        let mut c = Client {
            child,
            stdin,
            stdout,
            next: 0,
        };
        let init = c.request("initialize", json!({ "capabilities": {} }));
        assert_eq!(init["capabilities"]["hoverProvider"], json!(true));
        c.notify("initialized", json!({}));
        c
    }

    fn notify(&mut self, method: &str, params: Value) {
        Message::Notification(Notification::new(method.into(), params))
            .write(&mut self.stdin)
            .unwrap();
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = RequestId::from(self.next);
        Message::Request(Request::new(id.clone(), method.into(), params))
            .write(&mut self.stdin)
            .unwrap();
        loop {
            match Message::read(&mut self.stdout).unwrap().expect("a message") {
                Message::Response(r) if r.id == id => {
                    return r
                        .response_result
                        .unwrap_or_else(|e| panic!("{method}: {e:?}"));
                }
                _ => continue,
            }
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        loop {
            if let Message::Notification(n) = Message::read(&mut self.stdout).unwrap().unwrap() {
                if n.method == "textDocument/publishDiagnostics" && n.params["uri"] == uri {
                    return n.params["diagnostics"].as_array().unwrap().clone();
                }
            }
        }
    }

    fn stop(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        assert!(self.child.wait().unwrap().success());
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", std::fs::canonicalize(path).unwrap().display())
}

#[test]
fn a_client_gets_diagnostics_hover_definitions_symbols_and_formatting() {
    let dir = std::env::temp_dir().join(format!("slsc-lsp-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // A used file on disk, and the spec on disk as it was last saved.
    std::fs::write(
        dir.join("queues.sls"),
        "/// Orders waiting to be paid.\nqueue Orders { retention = 4d }\n",
    )
    .unwrap();
    std::fs::write(dir.join("app.sls"), "// saved\n").unwrap();
    let app = uri(&dir.join("app.sls"));
    let mut c = Client::start();

    // Unsaved text: an unknown name after non-ASCII text on its line, so
    // the column must count UTF-16 units (`é` is one, `😀` two).
    let text = "use \"queues.sls\"\n\napp shop {runtime=\"python3.13\"}\n\nfunction Pay {\n  handler = \"pay.h\" // é😀\n  env { QN = \"é😀\" } sends to Ordrs\n}\n";
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": app, "languageId": "sls", "version": 1, "text": text } }),
    );
    let diags = c.diagnostics(&app);
    let unknown = diags
        .iter()
        .find(|d| d["code"] == "E0101")
        .unwrap_or_else(|| panic!("{diags:?}"));
    assert_eq!(unknown["severity"], 1);
    assert_eq!(unknown["source"], "slsc");
    // Line 6, after `  env { QN = "é😀" } sends to `, counted in UTF-16
    // units ("é😀" is 3 of them, 6 bytes).
    let line = "  env { QN = \"é😀\" } sends to ";
    let col: usize = line.chars().map(char::len_utf16).sum();
    assert_eq!(
        unknown["range"]["start"],
        json!({ "line": 6, "character": col })
    );
    assert!(
        unknown["message"].as_str().unwrap().contains("Orders"),
        "{unknown}"
    );
    assert!(
        unknown["message"].as_str().unwrap().contains("\nhelp: "),
        "{unknown}"
    );

    // A quick fix for it: the name it meant.
    let actions = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": app }, "range": unknown["range"], "context": { "diagnostics": [] } }),
    );
    assert_eq!(actions[0]["title"], "replace `Ordrs` with `Orders`");
    assert_eq!(actions[0]["edit"]["changes"][&app][0]["newText"], "Orders");

    // The edit fixes it: no error left.
    let fixed = text.replace("Ordrs", "Orders");
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": app, "version": 2 }, "contentChanges": [{ "text": fixed }] }),
    );
    let diags = c.diagnostics(&app);
    assert!(diags.iter().all(|d| d["severity"] != 1), "{diags:?}");

    // Hover on `Orders` (declared in the used file), with its doc comment.
    let at = fixed.rfind("Orders").unwrap();
    let pos = json!({ "line": 6, "character": fixed[..at].lines().last().unwrap().chars().map(char::len_utf16).sum::<usize>() + 2 });
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": app }, "position": pos }),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.contains("`queue` `Orders`"), "{value}");
    assert!(value.contains("Orders waiting to be paid."), "{value}");

    // Hover on the function: its IAM statements, with why.
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": app }, "position": { "line": 4, "character": 10 } }),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.contains("`function` `Pay`"), "{value}");
    assert!(
        value.contains("**IAM**") && value.contains("sqs:SendMessage"),
        "{value}"
    );

    // Go to definition: the used file.
    let def = c.request(
        "textDocument/definition",
        json!({ "textDocument": { "uri": app }, "position": pos }),
    );
    assert_eq!(def["uri"], uri(&dir.join("queues.sls")));
    assert_eq!(def["range"]["start"], json!({ "line": 1, "character": 6 }));

    // References: the declaration in the used file and the use here;
    // rename rewrites both, and refuses a keyword.
    let refs = c.request(
        "textDocument/references",
        json!({ "textDocument": { "uri": app }, "position": pos, "context": { "includeDeclaration": true } }),
    );
    let files: Vec<&str> = refs
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["uri"].as_str().unwrap())
        .collect();
    assert_eq!(files, [app.as_str(), uri(&dir.join("queues.sls")).as_str()]);
    let edit = c.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": app }, "position": pos, "newName": "Payments" }),
    );
    assert_eq!(edit["changes"][&app][0]["newText"], "Payments");
    assert_eq!(
        edit["changes"][uri(&dir.join("queues.sls"))]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    c.next += 1;
    Message::Request(Request::new(
        RequestId::from(c.next),
        "textDocument/rename".into(),
        json!({ "textDocument": { "uri": app }, "position": pos, "newName": "function" }),
    ))
    .write(&mut c.stdin)
    .unwrap();
    loop {
        if let Message::Response(r) = Message::read(&mut c.stdout).unwrap().unwrap() {
            let e = r.response_result.unwrap_err();
            assert!(
                e.message.contains("cannot name a declaration"),
                "{}",
                e.message
            );
            break;
        }
    }

    // Hover on a diagnostic code explains it.
    let with_code = format!("{fixed}// slsc: allow W0104 -- the demo has no callers\n");
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": app, "version": 3 }, "contentChanges": [{ "text": with_code }] }),
    );
    c.diagnostics(&app);
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": app }, "position": { "line": 8, "character": 17 } }),
    );
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .starts_with("**W0104**: unused declaration"),
        "{hover}"
    );

    // Completion after `sends to`: the queues (and other targets) of the
    // spec and the files it uses.
    let after = "  env { QN = \"é😀\" } sends to ";
    let completion = c.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": app }, "position": { "line": 6, "character": after.chars().map(char::len_utf16).sum::<usize>() } }),
    );
    let items = completion.as_array().unwrap();
    assert!(
        items
            .iter()
            .any(|i| i["label"] == "Orders" && i["detail"] == "queue"),
        "{completion}"
    );
    assert!(items.iter().all(|i| i["label"] != "shop"), "{completion}");

    // The outline.
    let symbols = c.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": app } }),
    );
    let names: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["shop", "Pay"]);
    assert_eq!(symbols[1]["kind"], 12); // Function

    // Formatting: one edit with the formatted text.
    let edits = c.request(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": app }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    let new_text = edits[0]["newText"].as_str().unwrap();
    assert_eq!(new_text, slsc::format(&with_code).unwrap());

    // Closing clears the document's diagnostics.
    c.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": app } }),
    );
    assert!(c.diagnostics(&app).is_empty());
    c.stop();
    let _ = std::fs::remove_dir_all(&dir);
}

/// The character column of byte `at` of `text` on its line, in UTF-16 units.
fn position(text: &str, at: usize) -> Value {
    let line = text[..at].matches('\n').count();
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let character: usize = text[start..at].chars().map(char::len_utf16).sum();
    json!({ "line": line, "character": character })
}

#[test]
fn definitions_in_the_standard_library_and_fixes_that_add_settings() {
    let dir = std::env::temp_dir().join(format!("slsc-lsp-std-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let cache = dir.join("cache");
    std::fs::write(dir.join("app.sls"), "").unwrap();
    let app = uri(&dir.join("app.sls"));
    let mut c = Client::start_with(&[("XDG_CACHE_HOME", &cache)]);

    // A rule on an event of the standard library, and a batch trigger
    // without partial failures (W0326).
    let text = "use aws.s3\n\napp media { runtime = \"python3.13\" }\n\nbucket Photos { eventbridge = true }\n\nqueue JobsDlq { retention = 14d }\nqueue Jobs {\n  dead_letter = JobsDlq after 5 receives\n}\n\nrule Uploaded on default {\n  match ObjectCreated where bucket.name = Photos.name\n  send to Jobs\n  dead_letter = JobsDlq\n}\n\nfunction Work {\n  handler = \"work.handler\"\n  on Jobs { batch = 10 }\n}\n";
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": app, "languageId": "sls", "version": 1, "text": text } }),
    );
    let diags = c.diagnostics(&app);
    let batch = diags
        .iter()
        .find(|d| d["code"] == "W0326")
        .unwrap_or_else(|| panic!("{diags:?}"));

    // Go to definition of `ObjectCreated`: a read-only copy of the module
    // in the cache, at the declaration.
    let def = c.request(
        "textDocument/definition",
        json!({ "textDocument": { "uri": app }, "position": position(text, text.find("ObjectCreated").unwrap() + 3) }),
    );
    let target = def["uri"].as_str().unwrap_or_else(|| panic!("{def}"));
    let file = target.strip_prefix("file://").unwrap();
    assert!(
        file.starts_with(cache.canonicalize().unwrap().to_str().unwrap()),
        "{file}"
    );
    assert!(file.ends_with("/aws/s3.sls"), "{file}");
    let module = std::fs::read_to_string(file).unwrap();
    let line = def["range"]["start"]["line"].as_u64().unwrap() as usize;
    assert!(
        module
            .lines()
            .nth(line)
            .unwrap()
            .starts_with("event ObjectCreated"),
        "{module}"
    );
    assert!(std::fs::metadata(file).unwrap().permissions().readonly());
    // References reach it too.
    let refs = c.request(
        "textDocument/references",
        json!({ "textDocument": { "uri": app }, "position": position(text, text.find("ObjectCreated").unwrap()), "context": { "includeDeclaration": true } }),
    );
    assert!(
        refs.as_array().unwrap().iter().any(|l| l["uri"] == target),
        "{refs}"
    );

    // The quick fix of W0326 adds the setting; with it, the warning is gone.
    let actions = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": app }, "range": batch["range"], "context": { "diagnostics": [] } }),
    );
    let action = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "add `partial_failures = true`")
        .unwrap_or_else(|| panic!("{actions}"));
    assert_eq!(action["kind"], "quickfix");
    let edits = action["edit"]["changes"][&app].as_array().unwrap();
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0]["newText"], ", partial_failures = true");
    let at = text.find("batch = 10").unwrap() + "batch = 10".len();
    assert_eq!(edits[0]["range"]["start"], position(text, at));
    let fixed = format!("{}, partial_failures = true{}", &text[..at], &text[at..]);
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": app, "version": 2 }, "contentChanges": [{ "text": fixed }] }),
    );
    let diags = c.diagnostics(&app);
    assert!(diags.iter().all(|d| d["code"] != "W0326"), "{diags:?}");

    let at = fixed.find("{ batch").unwrap() + 2;
    let items = c.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": app }, "position": position(&fixed, at) }),
    );
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"max_concurrency"), "{labels:?}");
    assert!(
        !labels.contains(&"batch") && !labels.contains(&"memory"),
        "{labels:?}"
    );
    // Completion in the function's body: its properties, with type,
    // default and documentation; in the trigger's, the trigger's.
    let typing = fixed.replace("  on Jobs", "  me\n  on Jobs");
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": app, "version": 3 }, "contentChanges": [{ "text": typing }] }),
    );
    c.diagnostics(&app);
    let at = typing.find("  me\n").unwrap() + 4;
    let items = c.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": app }, "position": position(&typing, at) }),
    );
    let memory = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "memory")
        .unwrap_or_else(|| panic!("{items}"));
    assert_eq!(memory["kind"], 10); // Property
    assert!(
        memory["detail"].as_str().unwrap().contains("128MB"),
        "{memory}"
    );
    assert_eq!(memory["documentation"]["kind"], "markdown");
    c.stop();
    let _ = std::fs::remove_dir_all(&dir);
}
