//! A campaign's own page (`?campaign-admin=ID`): the campaign as the server
//! describes it, each class's link and embed snippets, and the dashboard's
//! figures read into what the page draws (table rows, the chart's bars).

use super::day::date_of_day;
use scamspot_core::json::Json;

/// One class: its name, its link, and the QR code's path on the server.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassLink {
    pub name: String,
    pub token: String,
    pub url: String,
    pub qr: String,
}

/// `GET /api/campaigns/{id}`, as far as the page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignInfo {
    pub name: String,
    pub deadline_day: u32,
    pub pass_mark: u32,
    pub classes: Vec<ClassLink>,
}

fn text(json: &Json, key: &str) -> Option<String> {
    json.get(key)?.as_str().map(str::to_string)
}

fn number(json: &Json, key: &str) -> Option<u32> {
    json.get(key)?.as_u64().and_then(|n| u32::try_from(n).ok())
}

impl CampaignInfo {
    pub fn from_json(json: &Json) -> Option<CampaignInfo> {
        let spec = json.get("spec")?;
        let classes = json.get("classes")?.items()?.iter().map(|class| {
            Some(ClassLink {
                name: text(class, "name")?,
                token: text(class, "token")?,
                url: text(class, "url")?,
                qr: text(class, "qr")?,
            })
        });
        Some(CampaignInfo {
            name: text(spec, "name")?,
            deadline_day: number(spec, "deadline_day")?,
            pass_mark: number(spec, "pass_mark")?,
            classes: classes.collect::<Option<_>>()?,
        })
    }
}

impl ClassLink {
    /// Where the app is served: the class link without its `?campaign=…`.
    fn base(&self) -> &str {
        self.url.split('?').next().unwrap_or_default().trim_end_matches('/')
    }

    /// The `<scam-spot>` element and its script, for a campus page.
    pub fn element_snippet(&self) -> String {
        format!(
            "<script src=\"{base}/embed.js\" defer></script>\n<scam-spot campaign=\"{token}\"></scam-spot>",
            base = self.base(),
            token = self.token
        )
    }

    /// The iframe and its resizer, for a CMS that takes only iframes.
    pub fn iframe_snippet(&self) -> String {
        format!(
            "<iframe title=\"识骗 ScamSpot\" style=\"width:100%;border:0\" src=\"{base}/embed.html?campaign={token}\"></iframe>\n<script src=\"{base}/resizer.js\"></script>",
            base = self.base(),
            token = self.token
        )
    }
}

/// A rate as a whole percentage, "–" when there is nothing to divide.
pub fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "–".into(), |r| format!("{}%", (r * 100.0).round() as u32))
}

/// One bar of the completions chart, in the chart's own units (see `CHART_*`).
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub x: u32,
    pub height: u32,
    pub count: u32,
    pub date: String,
}

pub const CHART_HEIGHT: u32 = 100;
pub const BAR_WIDTH: u32 = 12;
pub const BAR_GAP: u32 = 4;
/// The chart spans at least this many days, so a campaign's first day is a
/// bar, not a block across the whole width.
pub const MIN_CHART_DAYS: u32 = 14;

/// The chart's width in its own units: its bars, or `MIN_CHART_DAYS` of them.
pub fn chart_width(bars: &[Bar]) -> u32 {
    let drawn = bars.last().map_or(0, |b| b.x + BAR_WIDTH);
    drawn.max(MIN_CHART_DAYS * (BAR_WIDTH + BAR_GAP) - BAR_GAP)
}

/// The bars of `per_day`, one per day from the first to the last (days
/// without completions too, so gaps show), the tallest `CHART_HEIGHT` high.
pub fn chart_bars(per_day: &[(u32, u32)]) -> Vec<Bar> {
    let (Some(first), Some(last)) = (per_day.iter().map(|d| d.0).min(), per_day.iter().map(|d| d.0).max()) else {
        return Vec::new();
    };
    let most = per_day.iter().map(|d| d.1).max().unwrap_or(0).max(1);
    (first..=last)
        .enumerate()
        .map(|(at, day)| {
            let count = per_day.iter().filter(|d| d.0 == day).map(|d| d.1).sum();
            Bar {
                x: at as u32 * (BAR_WIDTH + BAR_GAP),
                height: count * CHART_HEIGHT / most,
                count,
                date: date_of_day(day),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use scamspot_core::json::read;

    #[test]
    fn the_campaign_and_its_class_snippets_are_read() {
        let body = r#"{"id":"c1","created_day":20422,"spec":{"name":"新生反诈","deadline_day":20818,"pass_mark":80,
            "round":{"length":8,"min_genuine":2,"types":[]},"classes":["A"],"require_student_number":false},
            "classes":[{"name":"A","token":"k7m2q9x4b1c3","url":"https://h.example/?campaign=k7m2q9x4b1c3","qr":"/api/classes/k7m2q9x4b1c3/qr.svg"}]}"#;
        let info = CampaignInfo::from_json(&read(body).unwrap().root).unwrap();
        assert_eq!((info.name.as_str(), info.deadline_day, info.pass_mark), ("新生反诈", 20_818, 80));
        let class = &info.classes[0];
        assert_eq!(
            class.element_snippet(),
            "<script src=\"https://h.example/embed.js\" defer></script>\n<scam-spot campaign=\"k7m2q9x4b1c3\"></scam-spot>"
        );
        assert!(class.iframe_snippet().contains("src=\"https://h.example/embed.html?campaign=k7m2q9x4b1c3\""));
        assert!(class.iframe_snippet().contains("https://h.example/resizer.js"));
    }

    #[test]
    fn rates_show_as_whole_percentages_and_a_dash_for_none() {
        assert_eq!(
            (percent(Some(0.667)), percent(Some(0.75)), percent(None)),
            ("67%".into(), "75%".into(), "–".into())
        );
    }

    #[test]
    fn the_chart_has_a_bar_a_day_scaled_to_the_busiest() {
        let bars = chart_bars(&[(20_422, 1), (20_424, 4)]);
        let heights: Vec<_> = bars.iter().map(|b| (b.x, b.height, b.count)).collect();
        assert_eq!(heights, [(0, 25, 1), (16, 0, 0), (32, 100, 4)]);
        assert_eq!(bars[2].date, "2025-12-02");
        assert!(chart_bars(&[]).is_empty());
        assert_eq!(chart_width(&bars), 13 * 16 + 12, "three days are drawn on two weeks' width");
        let month: Vec<(u32, u32)> = (0..30).map(|d| (20_000 + d, 1)).collect();
        assert_eq!(chart_width(&chart_bars(&month)), 29 * 16 + 12);
    }
}
