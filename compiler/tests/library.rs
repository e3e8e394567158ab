//! The library as an editor integration uses it: compiling through an
//! overlay of unsaved buffers instead of the disk.

#[path = "support/common.rs"]
mod common;

use slsc::files::{Disk, Overlay};

#[test]
fn unsaved_buffers_are_compiled_in_place_of_the_disk() {
    let dir = std::env::temp_dir().join(format!("slsc-library-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let app = dir.join("app.sls");
    let lib = dir.join("queues.sls");
    std::fs::write(
        &app,
        "use \"./queues.sls\"\n\napp Shop {\n  runtime = \"python3.12\"\n}\n\nfunction Work {\n  handler = \"work.handler\"\n  code = \"src\"\n  sends to Jobs\n}\n",
    )
    .unwrap();
    std::fs::write(&lib, "queue Jobs\n").unwrap();

    let codes = |c: &slsc::Compilation| -> Vec<&str> {
        c.diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.code)
            .collect()
    };
    let mut files = Overlay::new(Disk);
    let c = slsc::compile_file_in(&files, &app, common::options()).unwrap();
    assert!(codes(&c).is_empty(), "{}", common::rendered(&c));

    // The used file, edited but not saved, no longer declares `Jobs`.
    files.set(&lib, "queue Tasks\n".into());
    let c = slsc::compile_file_in(&files, &app, common::options()).unwrap();
    assert_eq!(codes(&c), ["E0101"], "{}", common::rendered(&c));

    // An unsaved entry file, naming a code folder that is not there.
    files.set(&lib, "queue Jobs\n".into());
    let text = std::fs::read_to_string(&app)
        .unwrap()
        .replace("code = \"src\"", "code = \"missing\"");
    files.set(&app, text);
    let c = slsc::compile_file_in(&files, &app, common::options()).unwrap();
    assert_eq!(codes(&c), ["E0009"], "{}", common::rendered(&c));

    // The disk was never written.
    let c = slsc::compile_file(&app, common::options()).unwrap();
    assert!(codes(&c).is_empty(), "{}", common::rendered(&c));
    let _ = std::fs::remove_dir_all(&dir);
}
