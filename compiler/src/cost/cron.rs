//! How often a schedule runs in a month: exact for rates, approximate for
//! cron expressions (counted over the days of one common year, then
//! averaged per month).

use crate::model::ScheduleKind;

/// Hours in AWS's pricing month.
const MONTH_HOURS: f64 = 730.0;

/// How many times a schedule runs in a month of 730 hours, and whether the
/// count is approximate (a cron expression, or one this count does not
/// read fully). None when the expression cannot be read at all.
pub fn runs_per_month(kind: &ScheduleKind) -> Option<(f64, bool)> {
    match kind {
        ScheduleKind::Rate(_) => {
            let seconds = kind.interval()? as f64;
            Some((MONTH_HOURS * 3600.0 / seconds, false))
        }
        ScheduleKind::Cron(c) => cron_per_month(&c.value).map(|n| (n, true)),
    }
}

/// Runs per month of a cron expression: runs a day (minutes × hours) ×
/// days of a common year it runs on / 12. `L`, `W` and `#` count as one
/// day a month; the year field is taken to match.
pub fn cron_per_month(expr: &str) -> Option<f64> {
    let fields: Vec<&str> = expr.split_whitespace().collect();
    let [minutes, hours, dom, month, dow, ..] = fields.as_slice() else {
        return None;
    };
    let minutes = values(minutes, 0, 59, &[])?;
    let hours = values(hours, 0, 23, &[])?;
    let months = values(month, 1, 12, &MONTHS)?;
    let per_day = (minutes.len() * hours.len()) as f64;
    // One day a month: `L`, `15W`, `6#3`, `5L`.
    let special = |f: &str| f.contains('L') || f.contains('W') || f.contains('#');
    let days = if special(dom) || special(dow) {
        months.len() as f64
    } else {
        let any = |f: &str| matches!(f, "*" | "?");
        let doms = values(dom, 1, 31, &[])?;
        let dows = values(dow, 1, 7, &DAYS)?;
        let mut n = 0usize;
        // 2027 is a common year starting on a Friday (day 6 of 1-7, SUN=1).
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        let mut weekday = 6;
        for (m, &len) in lengths.iter().enumerate() {
            for d in 1..=len {
                let day_ok = match (any(dom), any(dow)) {
                    (true, true) => true,
                    (false, true) => doms.contains(&d),
                    (true, false) => dows.contains(&weekday),
                    (false, false) => doms.contains(&d) || dows.contains(&weekday),
                };
                if months.contains(&(m as u32 + 1)) && day_ok {
                    n += 1;
                }
                weekday = weekday % 7 + 1;
            }
        }
        n as f64
    };
    Some(per_day * days / 12.0)
}

const MONTHS: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];
const DAYS: [&str; 7] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/// The values a field matches, from `low` to `high`; `names` are the
/// words for `low`, `low + 1`, ...
fn values(field: &str, low: u32, high: u32, names: &[&str]) -> Option<Vec<u32>> {
    let number = |s: &str| -> Option<u32> {
        let upper = s.to_ascii_uppercase();
        match names.iter().position(|n| *n == upper) {
            Some(i) => Some(low + i as u32),
            None => s.parse().ok(),
        }
    };
    let mut out = Vec::new();
    for part in field.split(',') {
        let (range, step) = match part.split_once('/') {
            Some((r, s)) => (r, s.parse::<u32>().ok().filter(|s| *s > 0)?),
            None => (part, 1),
        };
        let (from, to) = match range {
            "*" | "?" => (low, high),
            r => match r.split_once('-') {
                Some((a, b)) => (number(a)?, number(b)?),
                // `5/15`: from 5 to the end, every 15.
                None if part.contains('/') => (number(r)?, high),
                None => (number(r)?, number(r)?),
            },
        };
        out.extend((from..=to.min(high)).step_by(step as usize));
    }
    out.sort_unstable();
    out.dedup();
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Spanned;
    use crate::source::Span;

    #[test]
    fn rates_are_exact() {
        let every = |r: &str| ScheduleKind::Rate(Spanned::new(r.to_string(), Span::default()));
        assert_eq!(
            runs_per_month(&every("rate(5 minutes)")),
            Some((8_760.0, false))
        );
        assert_eq!(runs_per_month(&every("rate(1 hour)")), Some((730.0, false)));
        let daily = runs_per_month(&every("rate(1 day)")).unwrap().0;
        assert!((daily - 730.0 / 24.0).abs() < 1e-9);
    }

    #[test]
    fn cron_expressions_are_counted_over_a_year() {
        // Every day at 02:00: 365 runs a year.
        assert!((cron_per_month("0 2 * * ? *").unwrap() - 365.0 / 12.0).abs() < 1e-9);
        // Every 15 minutes on weekdays: 4 × 24 a day, 261 weekdays in 2027.
        let weekdays = cron_per_month("0/15 * ? * MON-FRI *").unwrap();
        assert!((weekdays - 96.0 * 261.0 / 12.0).abs() < 1e-9, "{weekdays}");
        // The first of every month at 08:30: 12 a year, 1 a month.
        assert_eq!(cron_per_month("30 8 1 * ? *"), Some(1.0));
        // The last day of the month: one day a month.
        assert_eq!(cron_per_month("0 0 L * ? *"), Some(1.0));
        // Twice a day in January and July only.
        assert!((cron_per_month("0 6,18 * 1,7 ? *").unwrap() - 2.0 * 62.0 / 12.0).abs() < 1e-9);
        assert_eq!(cron_per_month("not cron"), None);
    }
}
