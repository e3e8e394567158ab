//! Lambda runtimes and their lifecycle dates.
//!
//! The dates are data, from AWS's Lambda runtime table
//! (<https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html>),
//! as cfn-lint's `LmbdRuntimeLifecycle.json` also records them, never a
//! hard-coded "supported" list: whether a runtime is deprecated depends on
//! the date of the compilation, which [`Date`] makes pinnable. CI compares
//! them with the pinned cfn-lint's (`scripts/check-runtime-dates.py`); every
//! difference, with its reason, is in `tests/runtimes/cfn-lint-differences.json`.

/// A calendar date, as days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(i64);

impl Date {
    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let shape = s.len() == 10
            && s.char_indices().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if !shape {
            return None;
        }
        let mut it = s.splitn(3, '-');
        let y: i64 = it.next()?.parse().ok()?;
        let m: i64 = it.next()?.parse().ok()?;
        let d: i64 = it.next()?.parse().ok()?;
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let days_in_month = match m {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        if !(1..=days_in_month).contains(&d) {
            return None;
        }
        Some(Date(days_from_civil(y, m, d)))
    }

    /// Today, from the system clock (UTC).
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        Date(secs.div_euclid(86_400))
    }
}

/// Days since the epoch of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// One runtime's lifecycle.
#[derive(Debug, Clone, Copy)]
pub struct Runtime {
    /// The identifier, e.g. `python3.13`.
    pub name: &'static str,
    /// End of support (`YYYY-MM-DD`), if announced.
    pub deprecated: Option<&'static str>,
    /// When new functions can no longer be created.
    pub create_blocked: Option<&'static str>,
    /// What to move to.
    pub successor: &'static str,
}

const fn rt(
    name: &'static str,
    deprecated: Option<&'static str>,
    create_blocked: Option<&'static str>,
    successor: &'static str,
) -> Runtime {
    Runtime {
        name,
        deprecated,
        create_blocked,
        successor,
    }
}

/// Every runtime CloudFormation knows, with its dates.
pub const RUNTIMES: &[Runtime] = &[
    rt(
        "nodejs",
        Some("2016-10-31"),
        Some("2016-10-31"),
        "nodejs24.x",
    ),
    rt(
        "nodejs4.3",
        Some("2020-03-05"),
        Some("2020-03-05"),
        "nodejs24.x",
    ),
    rt(
        "nodejs6.10",
        Some("2019-08-12"),
        Some("2019-08-12"),
        "nodejs24.x",
    ),
    rt(
        "nodejs8.10",
        Some("2020-03-06"),
        Some("2020-03-06"),
        "nodejs24.x",
    ),
    rt(
        "nodejs10.x",
        Some("2021-07-30"),
        Some("2021-07-30"),
        "nodejs24.x",
    ),
    rt(
        "nodejs12.x",
        Some("2023-03-31"),
        Some("2023-03-31"),
        "nodejs24.x",
    ),
    rt(
        "nodejs14.x",
        Some("2023-12-04"),
        Some("2024-01-09"),
        "nodejs24.x",
    ),
    rt(
        "nodejs16.x",
        Some("2024-06-12"),
        Some("2027-02-01"),
        "nodejs24.x",
    ),
    rt(
        "nodejs18.x",
        Some("2025-09-01"),
        Some("2027-02-01"),
        "nodejs24.x",
    ),
    rt(
        "nodejs20.x",
        Some("2026-04-30"),
        Some("2027-02-01"),
        "nodejs24.x",
    ),
    rt(
        "nodejs22.x",
        Some("2027-04-30"),
        Some("2027-06-01"),
        "nodejs24.x",
    ),
    rt(
        "nodejs24.x",
        Some("2028-04-30"),
        Some("2028-06-01"),
        "nodejs24.x",
    ),
    rt(
        "python2.7",
        Some("2021-07-15"),
        Some("2021-07-15"),
        "python3.14",
    ),
    rt(
        "python3.6",
        Some("2022-07-18"),
        Some("2022-07-18"),
        "python3.14",
    ),
    rt(
        "python3.7",
        Some("2023-12-04"),
        Some("2024-01-09"),
        "python3.14",
    ),
    rt(
        "python3.8",
        Some("2024-10-14"),
        Some("2027-02-01"),
        "python3.14",
    ),
    rt(
        "python3.9",
        Some("2025-12-15"),
        Some("2027-02-01"),
        "python3.14",
    ),
    rt(
        "python3.10",
        Some("2026-10-31"),
        Some("2027-02-01"),
        "python3.14",
    ),
    rt(
        "python3.11",
        Some("2027-06-30"),
        Some("2027-07-31"),
        "python3.14",
    ),
    rt(
        "python3.12",
        Some("2028-10-31"),
        Some("2028-11-30"),
        "python3.14",
    ),
    rt(
        "python3.13",
        Some("2029-06-30"),
        Some("2029-07-31"),
        "python3.14",
    ),
    rt(
        "python3.14",
        Some("2029-06-30"),
        Some("2029-07-31"),
        "python3.14",
    ),
    rt("java8", Some("2024-01-08"), Some("2024-02-08"), "java25"),
    rt(
        "java8.al2",
        Some("2027-06-30"),
        Some("2027-07-31"),
        "java25",
    ),
    rt("java11", Some("2027-06-30"), Some("2027-07-31"), "java25"),
    rt("java17", Some("2027-06-30"), Some("2027-07-31"), "java25"),
    rt("java21", Some("2029-06-30"), Some("2029-07-31"), "java25"),
    rt("java25", Some("2029-06-30"), Some("2029-07-31"), "java25"),
    rt(
        "dotnetcore1.0",
        Some("2019-07-30"),
        Some("2019-07-30"),
        "dotnet10",
    ),
    rt(
        "dotnetcore2.0",
        Some("2019-05-30"),
        Some("2019-05-30"),
        "dotnet10",
    ),
    rt(
        "dotnetcore2.1",
        Some("2022-01-05"),
        Some("2022-01-05"),
        "dotnet10",
    ),
    rt(
        "dotnetcore3.1",
        Some("2023-04-03"),
        Some("2023-04-03"),
        "dotnet10",
    ),
    rt(
        "dotnet6",
        Some("2024-12-20"),
        Some("2027-02-01"),
        "dotnet10",
    ),
    rt(
        "dotnet8",
        Some("2026-11-10"),
        Some("2027-02-01"),
        "dotnet10",
    ),
    rt(
        "dotnet10",
        Some("2028-11-14"),
        Some("2028-12-14"),
        "dotnet10",
    ),
    rt(
        "go1.x",
        Some("2024-01-08"),
        Some("2024-02-08"),
        "provided.al2023",
    ),
    rt(
        "provided",
        Some("2024-01-08"),
        Some("2024-02-08"),
        "provided.al2023",
    ),
    rt(
        "provided.al2",
        Some("2026-07-31"),
        Some("2027-02-01"),
        "provided.al2023",
    ),
    rt(
        "provided.al2023",
        Some("2029-06-30"),
        Some("2029-07-31"),
        "provided.al2023",
    ),
    rt("ruby2.5", Some("2022-07-30"), Some("2022-07-30"), "ruby4.0"),
    rt("ruby2.7", Some("2023-12-07"), Some("2024-01-09"), "ruby4.0"),
    rt("ruby3.2", Some("2026-03-31"), Some("2027-02-01"), "ruby4.0"),
    rt("ruby3.3", Some("2027-03-31"), Some("2027-04-30"), "ruby4.0"),
    rt("ruby3.4", Some("2028-03-31"), Some("2028-04-30"), "ruby4.0"),
    rt("ruby4.0", Some("2029-03-31"), Some("2029-04-30"), "ruby4.0"),
];

/// Whether SnapStart supports a (known) runtime: Java 11 and later, Python
/// 3.12 and later, .NET 8 and later. Sources: AWS's SnapStart page
/// (<https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html>,
/// "Supported features and limitations"), and cfn-lint's rule E2530
/// (`SnapStartSupported`, cfn-lint 1.58), which accepts the `java`,
/// `python` and `dotnet` runtimes except `dotnetcore*`, `dotnet5.0`,
/// `dotnet6`, `dotnet7`, `java8`, `java8.al2` and `python3.7`-`python3.11`.
/// A rule by version rather than a list, as cfn-lint's, so that a runtime
/// added to [`RUNTIMES`] later is judged without touching this (cfn-lint
/// also lets `python2.7` and `python3.6` through, which AWS never
/// supported; they are blocked for new functions anyway, E0206).
pub fn snap_start(name: &str) -> bool {
    let version = |prefix: &str| -> Option<Vec<u32>> {
        name.strip_prefix(prefix)?
            .split('.')
            .map(|p| p.parse().ok())
            .collect()
    };
    match (version("java"), version("python"), version("dotnet")) {
        (Some(v), _, _) => v.len() == 1 && v[0] >= 11,
        (_, Some(v), _) => v.len() == 2 && (v[0], v[1]) >= (3, 12),
        (_, _, Some(v)) => v.len() == 1 && v[0] >= 8,
        _ => false,
    }
}

/// The runtime most likely meant by an unknown name: among runtimes still
/// open for new functions and of the same family (`python`, `node`...), the
/// one sharing the longest prefix with it, then the closest spelling, then
/// supported over deprecated, then the newest.
/// `node22.x` -> `nodejs22.x`; `python3.15` -> `python3.14`.
pub fn suggest(name: &str, today: Date) -> Option<&'static str> {
    let common = |a: &str, b: &str| a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let family = |s: &str| s.chars().take_while(|c| c.is_ascii_alphabetic()).count();
    RUNTIMES
        .iter()
        .enumerate()
        .filter(|(_, r)| r.status(today) != Status::CreateBlocked)
        .filter(|(_, r)| common(name, r.name) >= family(name).min(family(r.name)).max(3))
        .max_by_key(|(i, r)| {
            let distance = strsim::osa_distance(name, r.name);
            (
                common(name, r.name),
                std::cmp::Reverse(distance),
                r.status(today) == Status::Supported,
                *i,
            )
        })
        .map(|(_, r)| r.name)
}

/// The lifecycle entry of a runtime.
pub fn lookup(name: &str) -> Option<&'static Runtime> {
    RUNTIMES.iter().find(|r| r.name == name)
}

/// Where a runtime stands on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Supported.
    Supported,
    /// Past end of support; functions can still be created.
    Deprecated,
    /// New functions can no longer be created.
    CreateBlocked,
}

impl Runtime {
    /// The status on `today`.
    pub fn status(&self, today: Date) -> Status {
        let passed = |d: Option<&str>| d.and_then(Date::parse).is_some_and(|d| today >= d);
        if passed(self.create_blocked) {
            Status::CreateBlocked
        } else if passed(self.deprecated) {
            Status::Deprecated
        } else {
            Status::Supported
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_order() {
        assert_eq!(Date::parse("1970-01-01"), Some(Date(0)));
        assert_eq!(Date::parse("2000-03-01"), Some(Date(11_017)));
        assert!(Date::parse("2026-11-23") < Date::parse("2027-02-01"));
        assert_eq!(Date::parse("2026-13-01"), None);
        assert_eq!(Date::parse("2026-02-30"), None);
        assert_eq!(Date::parse("2026-04-31"), None);
        assert!(Date::parse("2028-02-29").is_some());
        assert_eq!(Date::parse("2027-02-29"), None);
        assert_eq!(Date::parse("2026-2-3"), None);
        assert_eq!(Date::parse("+2026-02-03"), None);
        assert_eq!(Date::parse("soon"), None);
    }

    #[test]
    fn suggestions_prefer_open_newest_runtimes_of_the_family() {
        let today = Date::parse("2026-11-23").unwrap();
        assert_eq!(suggest("nodejs22", today), Some("nodejs22.x"));
        assert_eq!(suggest("node22.x", today), Some("nodejs22.x"));
        assert_eq!(suggest("python3.13.1", today), Some("python3.13"));
        assert_eq!(suggest("python3.15", today), Some("python3.14"));
        assert_eq!(suggest("ruby3.5", today), Some("ruby3.4"));
        assert_eq!(suggest("java", today), Some("java25"));
        assert_eq!(suggest("cobol", today), None);
    }

    #[test]
    fn snap_start_runtimes_are_awss() {
        let supported: Vec<&str> = RUNTIMES
            .iter()
            .map(|r| r.name)
            .filter(|n| snap_start(n))
            .collect();
        assert_eq!(
            supported,
            [
                "python3.12",
                "python3.13",
                "python3.14",
                "java11",
                "java17",
                "java21",
                "java25",
                "dotnet8",
                "dotnet10",
            ]
        );
    }

    #[test]
    fn status_follows_the_date() {
        let rt = lookup("nodejs20.x").unwrap();
        assert_eq!(
            rt.status(Date::parse("2026-01-01").unwrap()),
            Status::Supported
        );
        assert_eq!(
            rt.status(Date::parse("2026-11-23").unwrap()),
            Status::Deprecated
        );
        assert_eq!(
            rt.status(Date::parse("2027-02-01").unwrap()),
            Status::CreateBlocked
        );
    }
}
