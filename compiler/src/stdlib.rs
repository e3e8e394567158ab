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
