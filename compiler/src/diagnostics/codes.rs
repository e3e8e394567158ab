//! The registry of diagnostic codes.
//!
//! Codes are stable: `E` errors, `W` warnings; the first digit is the family
//! (0 syntax and files, 1 names, 2 values, 3 wiring, 4 patterns). Each code's
//! long explanation is its page in `docs/errors/`, embedded here so that
//! `slsc explain CODE` prints exactly what the docs say.

use super::Severity;

/// What the registry knows about a code.
#[derive(Debug, Clone, Copy)]
pub struct CodeInfo {
    /// The code, e.g. `E0101`.
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// A short title.
    pub title: &'static str,
    /// The long form: the markdown page `docs/errors/CODE.md`.
    pub explanation: &'static str,
}

macro_rules! codes {
    ($($code:ident $sev:ident $title:literal;)*) => {
        /// A diagnostic code. A typed name rather than a string, so that a
        /// code that is not registered here (with its severity, title and
        /// page) cannot be written at all.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code {
            $(#[doc = $title] $code,)*
        }

        /// Every code, in order: the position of each is its [`Code`]'s.
        pub const ALL: &[CodeInfo] = &[$(CodeInfo {
            code: stringify!($code),
            severity: Severity::$sev,
            title: $title,
            explanation: include_str!(concat!("../../../docs/errors/", stringify!($code), ".md")),
        },)*];
    };
}

impl Code {
    /// What the registry knows about this code.
    pub fn info(self) -> &'static CodeInfo {
        &ALL[self as usize]
    }

    /// The code as written, e.g. `E0101`.
    pub fn as_str(self) -> &'static str {
        self.info().code
    }
}

codes! {
    E0001 Error "syntax error";
    E0002 Error "invalid literal";
    E0003 Error "file not found";
    E0004 Error "import cycle";
    E0005 Error "unknown standard library module";
    E0006 Error "invalid suppression";
    W0007 Warning "suppression that suppresses nothing";
    E0008 Error "nesting too deep";
    E0009 Error "code folder or package not found";
    E0011 Error "file is not valid UTF-8";
    E0101 Error "unknown name";
    E0102 Error "duplicate declaration";
    E0103 Error "wrong kind of reference";
    W0104 Warning "unused declaration";
    E0105 Error "unknown property";
    E0106 Error "duplicate property";
    E0107 Error "missing required property";
    E0108 Error "unknown attribute of a reference";
    E0109 Error "logical ID collision";
    E0110 Error "dependency cycle";
    E0111 Error "physical name or export taken twice";
    E0114 Error "unknown CloudFormation resource type";
    E0115 Error "resource type a declaration writes";
    E0116 Error "property that cannot depend on a condition";
    E0117 Error "condition decided before deploying";
    E0118 Error "condition that depends on itself";
    W0119 Warning "replacement of a resource with a fixed name";
    E0120 Error "unknown stage";
    E0121 Error "per-stage value without stages";
    W0122 Warning "fixed name shared by two stages";
    E0201 Error "wrong type of value";
    E0220 Error "override of a property slsc derives";
    E0202 Error "unknown option";
    E0203 Error "value outside AWS limits";
    E0204 Error "unknown runtime";
    W0205 Warning "deprecated runtime";
    E0206 Error "runtime blocked for new functions";
    E0207 Error "invalid rate";
    E0208 Error "invalid cron expression";
    E0209 Error "batch size not allowed";
    E0210 Error "batching window on a FIFO queue";
    E0211 Error "invalid route";
    E0212 Error "invalid environment variable name";
    E0213 Error "constraint does not fit the type";
    E0214 Error "name outside AWS's naming rules";
    E0215 Error "route scopes that its auth cannot check";
    W0216 Warning "name or value checked only as far as parameters allow";
    E0217 Error "SnapStart where Lambda cannot use it";
    E0222 Error "unknown user pool trigger";
    E0223 Error "JWT audience of another user pool";
    E0224 Error "user pool client settings Cognito rejects";
    E0230 Error "user pool user Cognito cannot create";
    E0231 Error "list parameter where one string goes";
    E0232 Error "hosted UI URL of a user pool without a domain";
    E0234 Error "more layers than a function takes";
    E0235 Error "layer not compatible with the function";
    E0236 Error "layers on a container image function";
    E0240 Error "alarm period CloudWatch does not take";
    E0241 Error "alias setting on a function without an alias";
    E0242 Error "provisioned concurrency above reserved concurrency";
    W0243 Warning "gradual deploy without a rollback alarm";
    W0244 Warning "hook function that is itself traffic-shifted";
    W0245 Warning "rollback alarm on another function";
    E0246 Error "percentile of a count metric";
    E0250 Error "alarms turned off without a reason";
    E0251 Error "threshold an alarm cannot take";
    E0252 Error "SLO objective that is not one";
    W0255 Warning "alarms that notify nobody";
    E0270 Error "infrequent-access transition before 30 days";
    E0271 Error "storage class transitions out of order";
    E0272 Error "expiration not after the last transition";
    E0273 Error "log levels without JSON logs";
    E0274 Error "old versions kept without a reason";
    W0275 Warning "objects leave a storage class before its minimum duration";
    E0260 Error "usage setting out of range";
    W0265 Warning "average duration longer than the timeout";
    W0266 Warning "share of matches on a rule without a filter";
    E0301 Error "visibility timeout below consumer timeout";
    W0302 Warning "visibility timeout below six times consumer timeout";
    E0303 Error "dead-letter queue of the other kind";
    E0304 Error "route outlives the API integration timeout";
    W0305 Warning "async path without a failure destination";
    E0306 Error "stream trigger on a table without a stream";
    E0307 Error "FIFO queue or topic where AWS requires a standard one";
    E0308 Error "too many rule targets";
    E0310 Error "overlapping bucket notifications";
    E0311 Error "failures dropped without a reason";
    W0312 Warning "dead-letter queue keeps messages no longer than its source";
    E0313 Error "over a CloudFormation template limit";
    E0314 Error "data deleted with the stack without a reason";
    E0320 Error "event loop";
    E0321 Error "recursion allowed without a reason";
    W0322 Warning "recursion allowed outside any loop";
    E0323 Error "no concurrency for a synchronous caller";
    W0324 Warning "reserved concurrency below a queue trigger's maximum";
    W0325 Warning "reserved concurrency over the account's quota";
    W0326 Warning "batch without partial failures";
    W0327 Warning "queue or topic with only one end";
    W0328 Warning "schedule retried past its next run";
    W0329 Warning "asynchronous settings on a function nothing invokes asynchronously";
    E0330 Error "FIFO queue target without content-based deduplication";
    E0331 Error "state machine definition unreadable or invalid";
    E0332 Error "state machine task the role cannot be derived for";
    E0333 Error "always-deployed declaration relying on a conditional one";
    E0335 Error "pipe settings EventBridge Pipes rejects";
    E0336 Error "queue read by a pipe and another consumer";
    E0337 Error "schedule outside its group's role";
    E0338 Error "answers a state machine that hands out no task token";
    W0340 Warning "task token nothing answers";
    E0401 Error "unknown field in pattern";
    E0402 Error "value does not fit the field's type";
    E0403 Error "operator does not fit the field's type";
    E0404 Error "conditions cannot be combined";
    E0405 Error "value outside the enum";
    E0406 Error "pattern can never match";
    E0407 Error "empty value list";
    E0408 Error "pattern over EventBridge's size limit";
    W0409 Warning "rule for an event nothing emits";
    W0410 Warning "event emitted but routed nowhere";
    E0411 Error "message of the wrong type";
    E0412 Error "route parameters do not match the path";
    E0225 Error "route to an invalid URL";
    E0226 Error "invalid custom domain name or base path";
    E0227 Error "malformed AWS resource identifier";
    E0228 Error "custom domain API Gateway cannot serve";
    E0229 Error "private API that admits no caller";
    E0413 Error "message group of a route to a FIFO queue";
    E0414 Error "request body of a direct route";
    E0415 Error "request mapping reads what the request does not have";
    E0416 Error "mapped value does not fit the target's type";
    E0417 Error "request mapping the target or API cannot take";
    E0418 Error "direct table route does not match the table's key";
    E0419 Error "direct bucket route without an object key";
    E0501 Error "environment names a resource without access";
    W0502 Warning "wildcard in an allow statement";
    E0503 Error "dangerous grant without acknowledgement";
    E0504 Error "plaintext secret in the environment";
    E0505 Error "route without explicit auth";
    W0506 Warning "unauthenticated write route";
    W0508 Warning "IAM resource written raw";
    E0901 Error "error reported by an external linter";
    W0902 Warning "warning reported by an external linter";
}

/// The registry entry of a code (case-insensitive).
pub fn lookup(code: &str) -> Option<&'static CodeInfo> {
    ALL.iter().find(|c| c.code.eq_ignore_ascii_case(code))
}
