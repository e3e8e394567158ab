//! A bucket's lifecycle: rules that move objects to cheaper storage classes
//! and expire them, and what happens to old versions and unfinished
//! uploads.

use super::Spanned;
use crate::source::Span;

/// The storage classes a lifecycle rule can move objects to, in the order
/// S3 moves objects down ("the waterfall"): a rule can only move objects
/// to a class later in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StorageClass {
    /// `standard_ia`: S3 Standard-Infrequent Access.
    StandardIa,
    /// `intelligent_tiering`: S3 Intelligent-Tiering.
    IntelligentTiering,
    /// `one_zone_ia`: S3 One Zone-Infrequent Access.
    OneZoneIa,
    /// `glacier_ir`: S3 Glacier Instant Retrieval.
    GlacierIr,
    /// `glacier`: S3 Glacier Flexible Retrieval.
    Glacier,
    /// `deep_archive`: S3 Glacier Deep Archive.
    DeepArchive,
}

impl StorageClass {
    /// Every class with the word a spec writes for it, in waterfall order.
    pub const WORDS: [(&'static str, StorageClass); 6] = [
        ("standard_ia", StorageClass::StandardIa),
        ("intelligent_tiering", StorageClass::IntelligentTiering),
        ("one_zone_ia", StorageClass::OneZoneIa),
        ("glacier_ir", StorageClass::GlacierIr),
        ("glacier", StorageClass::Glacier),
        ("deep_archive", StorageClass::DeepArchive),
    ];

    /// The word a spec writes for it (`glacier`).
    pub fn word(self) -> &'static str {
        Self::WORDS
            .iter()
            .find(|(_, c)| *c == self)
            .map(|(w, _)| *w)
            .unwrap_or("glacier")
    }

    /// The class's name in S3 and CloudFormation (`GLACIER`).
    pub fn s3(self) -> &'static str {
        match self {
            StorageClass::StandardIa => "STANDARD_IA",
            StorageClass::IntelligentTiering => "INTELLIGENT_TIERING",
            StorageClass::OneZoneIa => "ONEZONE_IA",
            StorageClass::GlacierIr => "GLACIER_IR",
            StorageClass::Glacier => "GLACIER",
            StorageClass::DeepArchive => "DEEP_ARCHIVE",
        }
    }

    /// The class's name as AWS writes it in prose.
    pub fn title(self) -> &'static str {
        match self {
            StorageClass::StandardIa => "S3 Standard-IA",
            StorageClass::IntelligentTiering => "S3 Intelligent-Tiering",
            StorageClass::OneZoneIa => "S3 One Zone-IA",
            StorageClass::GlacierIr => "S3 Glacier Instant Retrieval",
            StorageClass::Glacier => "S3 Glacier Flexible Retrieval",
            StorageClass::DeepArchive => "S3 Glacier Deep Archive",
        }
    }

    /// Whether it is one of the two infrequent-access classes: S3 moves
    /// objects there only 30 days after they were created, and onwards
    /// only after 30 days there (it rejects a configuration that says
    /// otherwise).
    pub fn infrequent(self) -> bool {
        matches!(self, StorageClass::StandardIa | StorageClass::OneZoneIa)
    }

    /// Days an object is billed for in this class however early it leaves
    /// (S3's minimum storage duration), 0 for none.
    pub fn minimum_days(self) -> u64 {
        match self {
            StorageClass::StandardIa | StorageClass::OneZoneIa => 30,
            StorageClass::IntelligentTiering => 0,
            StorageClass::GlacierIr | StorageClass::Glacier => 90,
            StorageClass::DeepArchive => 180,
        }
    }
}

/// One `lifecycle { NAME = { ... } }` rule of a bucket.
#[derive(Debug, Clone)]
pub struct LifecycleRule {
    /// Its name, which becomes the rule's `Id`.
    pub name: Spanned<String>,
    /// `prefix = "originals/"`: the keys it applies to (all without one).
    pub prefix: Option<String>,
    /// `glacier = 30d`, ...: when objects move to each class, in days
    /// after their creation, in the order written.
    pub transitions: Vec<Transition>,
    /// `expire = 365d`: days after creation when objects are deleted
    /// (on a versioned bucket: become old versions, behind a delete
    /// marker).
    pub expire: Option<Spanned<u64>>,
    /// Where the rule is.
    pub span: Span,
}

/// One move of a rule's objects to another storage class.
#[derive(Debug, Clone)]
pub struct Transition {
    /// The class objects move to.
    pub class: StorageClass,
    /// Days after the object's creation.
    pub days: Spanned<u64>,
}

/// `old_versions`: how long a versioned bucket keeps the versions that were
/// overwritten or deleted.
#[derive(Debug, Clone)]
pub enum OldVersions {
    /// Deleted this many days after they stop being current.
    Expire(Spanned<u64>),
    /// `keep { reason = "..." }`: kept for ever, for the reason given.
    Keep(Spanned<String>),
}

/// Days after which an old version expires when the spec does not say.
pub const DEFAULT_OLD_VERSION_DAYS: u64 = 90;

/// Days after which an upload that was started and never finished is
/// removed when the spec does not say.
pub const DEFAULT_INCOMPLETE_UPLOAD_DAYS: u64 = 7;
