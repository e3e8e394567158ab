//! The standard library: `.sls` modules shipped inside the binary.
//!
//! `use aws.s3` loads `stdlib/aws/s3.sls`. The texts are embedded at build
//! time so that the compiler needs no files beside it; `load` parses each
//! at most once per process.

/// Every module: its dotted name and its text.
pub const MODULES: &[(&str, &str)] = &[
    (
        "aws.cloudtrail",
        include_str!("../../stdlib/aws/cloudtrail.sls"),
    ),
    ("aws.s3", include_str!("../../stdlib/aws/s3.sls")),
    (
        "aws.scheduler",
        include_str!("../../stdlib/aws/scheduler.sls"),
    ),
];

/// The text of a module by dotted name.
pub fn module(name: &str) -> Option<&'static str> {
    MODULES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// A file on disk with the text of the module a compilation names
/// `<stdlib>/aws/s3.sls`, for an editor to open: written once per version
/// under `cache` (`CACHE/slsc/stdlib/VERSION/aws/s3.sls`; the binary picks
/// the user's cache folder), again only when its text differs, and left
/// read-only: the modules are part of the compiler, and editing the copy
/// changes nothing.
pub fn materialize(file_name: &str, cache: &std::path::Path) -> Option<std::path::PathBuf> {
    let rel = file_name.strip_prefix("<stdlib>/")?;
    let dotted = rel.strip_suffix(".sls")?.replace('/', ".");
    let text = module(&dotted)?;
    let path = cache
        .join("slsc")
        .join("stdlib")
        .join(env!("CARGO_PKG_VERSION"))
        .join(rel);
    if std::fs::read_to_string(&path).ok().as_deref() != Some(text) {
        std::fs::create_dir_all(path.parent()?).ok()?;
        if let Ok(meta) = std::fs::metadata(&path) {
            // A read-only copy of an older text: writable again to replace.
            let mut perms = meta.permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            perms.set_readonly(false);
            let _ = std::fs::set_permissions(&path, perms);
        }
        std::fs::write(&path, text).ok()?;
        if let Ok(meta) = std::fs::metadata(&path) {
            let mut perms = meta.permissions();
            perms.set_readonly(true);
            let _ = std::fs::set_permissions(&path, perms);
        }
    }
    Some(path)
}
