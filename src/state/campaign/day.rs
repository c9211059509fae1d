//! Days since 1970-01-01 (the campaign's `day`) as calendar dates and back:
//! the deadline field of the form, and every date a page shows.

/// `YYYY-MM-DD` for day `day` (proleptic Gregorian, H. Hinnant's algorithm).
pub fn date_of_day(day: u32) -> String {
    let z = i64::from(day) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The day of a `YYYY-MM-DD` date (what `<input type=date>` gives), from 1970 on.
pub fn day_of_date(text: &str) -> Option<u32> {
    let mut parts = text.trim().splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    let days_in_month = match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    if !(1..=days_in_month).contains(&d) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    u32::try_from(era * 146_097 + doe - 719_468).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_dates_round_trip() {
        assert_eq!(date_of_day(0), "1970-01-01");
        assert_eq!(date_of_day(20_422), "2025-11-30");
        assert_eq!(day_of_date("2025-11-30"), Some(20_422));
        assert_eq!(day_of_date("2024-02-29").map(date_of_day).as_deref(), Some("2024-02-29"));
        for day in (0..40_000).step_by(97) {
            assert_eq!(day_of_date(&date_of_day(day)), Some(day));
        }
    }

    #[test]
    fn what_is_not_a_date_is_refused() {
        for bad in ["", "2025-13-01", "2025-02-29", "2025-04-31", "1969-12-31", "tomorrow", "2025-1"] {
            assert_eq!(day_of_date(bad), None, "{bad}");
        }
    }
}
