//! Interface strings and language choice. Scenario text lives in the packs;
//! this is only the app's own chrome. Each language is one `Texts` value, so
//! the compiler refuses a language with a missing string. A string with a
//! count is a function of it, so each language applies its own plural rule
//! ("1 scenario", "2 scenarios"; Chinese nouns do not change); the others
//! are templates whose `{name}` placeholders `fill` replaces.

use crate::content::{Channel, Outcome};
use crate::engine::discrimination::{Tally, Verdict};
use crate::engine::score::{PractiseReason, PENALTY_PER_WRONG_TAP, POINTS_CAUGHT_LATE, POINTS_PER_FLAG, POINTS_RIGHT};

mod class_link;
pub use class_link::ClassLinkTexts;

/// The languages the interface is written in. Simplified Chinese is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    ZhCn,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::ZhCn, Lang::En];

    /// The BCP 47 code, as used in packs and in `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        if code.starts_with("zh") {
            Some(Lang::ZhCn)
        } else if code.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The first of the browser's preferred languages we speak, else Chinese.
    pub fn negotiate<S: AsRef<str>>(preferred: &[S]) -> Lang {
        preferred.iter().find_map(|code| Lang::from_code(code.as_ref())).unwrap_or_default()
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::ZhCn => Lang::En,
            Lang::En => Lang::ZhCn,
        }
    }

    /// The lecturers' scenario catalogue in this language, beside the app's
    /// page (written by the site finisher, linked from the start screen).
    pub fn catalogue_file(self) -> &'static str {
        match self {
            Lang::ZhCn => "catalogue.html",
            Lang::En => "catalogue-en.html",
        }
    }

    /// The catalogue's own words: only the site finisher uses them, so they
    /// stay out of the wasm.
    pub fn catalogue_texts(self) -> &'static CatalogueTexts {
        match self {
            Lang::ZhCn => &ZH_CATALOGUE,
            Lang::En => &EN_CATALOGUE,
        }
    }

    /// A campaign class link's words (the hosted build's class screens only,
    /// so the app's own page carries none of them).
    pub fn class_link_texts(self) -> &'static ClassLinkTexts {
        match self {
            Lang::ZhCn => &class_link::ZH,
            Lang::En => &class_link::EN,
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::ZhCn => &ZH,
            Lang::En => &EN,
        }
    }
}

/// Replaces `{name}` placeholders in a template.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    values.iter().fold(template.to_string(), |text, (name, value)| {
        crate::scan::replace(&text, &format!("{{{name}}}"), &value.to_string())
    })
}

/// English nouns after a count: "1 scenario", "2 scenarios", "0 scenarios".
/// (Chinese nouns do not change with the count.)
fn plural<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 {
        one
    } else {
        many
    }
}

/// A contact's avatar: the first letter or character of the name, capitalised
/// if it is a Latin letter (Chinese has no case; the full Unicode case tables
/// would cost the wasm kilobytes for names no pack has).
pub fn initials(name: &str) -> String {
    name.chars().find(|&c| names_a_letter(c)).map(|c| c.to_ascii_uppercase().to_string()).unwrap_or_default()
}

/// Whether `c` can stand for a name on an avatar: an ASCII letter or digit,
/// or any other character outside the blocks of punctuation, symbols and
/// emoji. Decided by blocks rather than `char::is_alphanumeric`, whose
/// Unicode tables cost the wasm kilobytes; the two agree on every Latin,
/// Chinese, Japanese and Korean letter and on the punctuation names open
/// with (quotes, brackets, 【】, fullwidth marks, emoji).
fn names_a_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !matches!(u32::from(c),
        0x80..=0xBF | 0xD7 | 0xF7 // Latin-1 controls, punctuation and signs
        | 0x2000..=0x2BFF // general punctuation, currency, arrows, maths, shapes, dingbats
        | 0x3000..=0x3004 | 0x3008..=0x3020 | 0x3030 | 0x303D..=0x303F // CJK punctuation
        | 0xFE30..=0xFE4F // CJK compatibility forms
        | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 // fullwidth punctuation
        | 0xE000..=0xF8FF // private use
        | 0x1F000.. // emoji and pictographs
    )
}

/// An amount of yuan with thousands separators: "¥5,000", "-¥298".
pub fn yuan(amount: i64) -> String {
    let digits = amount.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    if amount < 0 {
        format!("-¥{grouped}")
    } else {
        format!("¥{grouped}")
    }
}

/// A count out of a total: (scams stopped, scams), (genuine refused, genuine).
pub type OutOf = (u32, u32);

pub struct Texts {
    pub app_name: &'static str,
    /// Between a label and its text: "：" in Chinese, ": " in English.
    pub label_sep: &'static str,
    pub switch_to: &'static str,
    pub switch_label: &'static str,
    /// The top bar's switch for the whole interface a size larger (a toggle: its name stays the same).
    pub large_text: &'static str,
    /// The button that reads a message or a choice aloud (speech synthesis in the browser).
    pub read_aloud: &'static str,
    pub tagline: &'static str,
    pub intro: &'static str,
    pub duration: &'static str,
    pub privacy: &'static str,
    pub types_heading: &'static str,
    pub start_mixed: &'static str,
    pub start_linked: &'static str,
    pub review_heading: &'static str,
    /// A due booster: its scenarios, its minutes, and whether its scam teaches the technique of a past
    /// mistake (else the weakest technique); the mistake itself is not replayed.
    pub review_text: fn(usize, u32, bool) -> String,
    pub review_start: &'static str,
    /// How often a technique was recognised: (recognised, chances).
    pub technique_mastery: fn(u32, u32) -> String,
    /// A technique not met in any round yet.
    pub technique_unmet: &'static str,
    /// The button that starts a round of one technique (its name follows in the label).
    pub practise_technique: &'static str,
    pub by_technique_heading: &'static str,
    pub by_technique_intro: &'static str,
    /// How many scenarios a technique round plays.
    pub technique_count: fn(usize) -> String,
    pub practise_type: &'static str,
    /// Scenarios of a type played at least once, out of all of them.
    pub type_progress: fn(usize, usize) -> String,
    /// Rounds finished, and the best round's points out of its maximum.
    pub overall_progress: fn(u32, u32, u32) -> String,
    pub loading: &'static str,
    pub catalog_failed: &'static str,
    pub retry: &'static str,
    pub flag_not_reached: &'static str,
    /// A saved round in progress that could not be resumed.
    pub round_discarded: &'static str,
    pub leave_title: &'static str,
    pub leave_text: &'static str,
    pub leave_confirm: &'static str,
    pub keep_playing: &'static str,
    /// How many packs were skipped.
    pub packs_failed: fn(usize) -> String,
    pub progress_corrupt: &'static str,
    /// {version}
    pub progress_newer: &'static str,
    /// Scenario records kept, and damaged entries dropped.
    pub progress_repaired: fn(usize, usize) -> String,
    pub storage_unavailable: &'static str,
    pub dismiss: &'static str,
    pub confidence_before: &'static str,
    pub confidence_after: &'static str,
    pub confidence_levels: [&'static str; 5],
    pub savings: &'static str,
    /// {index} {count}
    pub scenario_of: &'static str,
    pub typing: &'static str,
    pub show_all: &'static str,
    pub choose_prompt: &'static str,
    pub spot_prompt: &'static str,
    pub spot_submit: &'static str,
    /// Phrases tapped so far.
    pub spot_selected: fn(usize) -> String,
    /// Channel skins: the phone's own words around the pack's text.
    /// Above an SMS conversation, naming the kind of message.
    pub skin_sms: &'static str,
    /// The label of the incoming-call screen a call opens with.
    pub skin_incoming_call: &'static str,
    /// Above a call's transcript.
    pub skin_call_transcript: &'static str,
    /// Above the item card of a second-hand marketplace chat.
    pub skin_item: &'static str,
    /// The title of the phone's install prompt (the message is its body).
    pub prompt_install_title: &'static str,
    pub prompt_install_action: &'static str,
    /// The title of a meeting app's screen-sharing prompt, and its warning line.
    pub prompt_share_title: &'static str,
    pub prompt_share_note: &'static str,
    pub prompt_share_action: &'static str,
    pub prompt_cancel: &'static str,
    pub outcome_safe: &'static str,
    pub outcome_safe_late: &'static str,
    pub outcome_scammed: &'static str,
    pub outcome_accomplice: &'static str,
    pub outcome_trusted: &'static str,
    pub outcome_refused: &'static str,
    pub see_debrief: &'static str,
    /// The end card's button after an early safe exit: what the scam would have done next.
    pub replay_open: &'static str,
    pub replay_heading: &'static str,
    pub replay_intro: &'static str,
    /// {start} {end}: the savings when the learner left, and at the losing end.
    pub replay_savings: &'static str,
    pub replay_close: &'static str,
    pub debrief_heading: &'static str,
    pub verdict_scam: &'static str,
    pub verdict_genuine: &'static str,
    /// {start} {end}
    pub savings_change: &'static str,
    /// {points} {max}
    pub scenario_points: &'static str,
    pub flags_heading: &'static str,
    pub flag_found: &'static str,
    pub flag_missed: &'static str,
    pub flag_seen: &'static str,
    pub no_flags_genuine: &'static str,
    pub techniques_heading: &'static str,
    pub why_heading: &'static str,
    pub action_heading: &'static str,
    pub channels_heading: &'static str,
    /// Before the campus security office's phone number, in a debrief.
    pub security_phone: &'static str,
    /// Under every debrief: the scenario's parties are invented.
    pub fictional_footer: &'static str,
    pub next_scenario: &'static str,
    pub finish_round: &'static str,
    pub result_heading: &'static str,
    /// An innocent phrase the learner tapped, marked after "done".
    pub phrase_not_flag: &'static str,
    /// Brackets around a phrase's mark: "（你漏掉了）", " (You missed)".
    pub mark_open: &'static str,
    pub mark_close: &'static str,
    pub legend_heading: &'static str,
    /// {points}: a scam stopped or a genuine service used
    pub legend_right: &'static str,
    /// {points}: a scam stopped after paying
    pub legend_late: &'static str,
    /// {flag} {wrong}
    pub legend_flags: &'static str,
    pub per_scenario_heading: &'static str,
    pub open_debrief: &'static str,
    pub back_to_results: &'static str,
    pub reason_missed_scam: &'static str,
    pub reason_refused_genuine: &'static str,
    pub reason_missed_flags: &'static str,
    /// Between items of a short list: "、", ", ".
    pub list_sep: &'static str,
    /// A quick round's estimate in minutes.
    pub quick_minutes: fn(u32) -> String,
    /// A round's estimate in minutes, e.g. on a type's card.
    pub about_minutes: fn(u32) -> String,
    /// The short round's button, with its minutes.
    pub start_short: fn(u32) -> String,
    /// {points} {max}
    pub result_points: &'static str,
    /// {caught} {total}
    pub result_scams: &'static str,
    /// {trusted} {total}
    pub result_genuine: &'static str,
    pub result_false_alarms: fn(u32) -> String,
    /// {found} {total}
    pub result_flags: &'static str,
    pub result_wrong_taps: fn(u32) -> String,
    /// {kept} {start}: own savings kept, never more than there were
    pub result_money: &'static str,
    /// {before} {after}
    pub result_confidence: &'static str,
    pub discrimination_heading: &'static str,
    /// (stopped, scams) and (refused, genuine), each `None` when none of that
    /// kind was met: "You stopped 4 of 5 scams and refused 1 of 2 genuine services".
    pub discrimination_counts: fn(Option<OutOf>, Option<OutOf>) -> String,
    /// Before the verdict: ": ", "：".
    pub verdict_sep: &'static str,
    pub sentence_end: &'static str,
    pub verdict_discerning: &'static str,
    pub verdict_gullible: &'static str,
    pub verdict_over_suspicious: &'static str,
    pub verdict_little_gullible: &'static str,
    pub verdict_little_over_suspicious: &'static str,
    pub verdict_still_guessing: &'static str,
    /// After the counts when only scams, or only genuine services, were met.
    pub verdict_needs_both: &'static str,
    /// The overall figures' label: "Your last 3 rounds".
    pub overall_rounds: fn(u32) -> String,
    /// (rating before, rating after, scams stopped, scams)
    pub result_calibration: fn(u8, u8, u32, u32) -> String,
    pub chart_caption: &'static str,
    pub chart_round: &'static str,
    pub chart_hits: &'static str,
    pub chart_false_alarms: &'static str,
    pub per_type_heading: &'static str,
    /// {right} {played}
    pub per_type_line: &'static str,
    pub practise_heading: &'static str,
    pub practise_none: &'static str,
    /// Above the start button when the page was linked to one scenario.
    pub linked_heading: &'static str,
    /// {id}: a link names a scenario the site does not have.
    pub link_unknown: &'static str,
    /// The start screen's link to the scenario catalogue (the app's own page only).
    pub catalogue_link: &'static str,
    pub play_again: &'static str,
    pub home: &'static str,
}

impl Texts {
    /// How an ending is named: on the end card and in the debrief.
    /// Stopping a scam after paying something is "stopped the losses".
    pub fn outcome_heading(&self, outcome: Outcome, paid: bool) -> &'static str {
        match outcome {
            Outcome::Safe if paid => self.outcome_safe_late,
            Outcome::Safe => self.outcome_safe,
            Outcome::Scammed => self.outcome_scammed,
            Outcome::Accomplice => self.outcome_accomplice,
            Outcome::Trusted => self.outcome_trusted,
            Outcome::Refused => self.outcome_refused,
        }
    }

    /// How points are earned, filled from the scoring constants themselves.
    pub fn score_legend(&self) -> [String; 3] {
        [
            fill(self.legend_right, &[("points", &POINTS_RIGHT)]),
            fill(self.legend_late, &[("points", &POINTS_CAUGHT_LATE)]),
            fill(self.legend_flags, &[("flag", &POINTS_PER_FLAG), ("wrong", &PENALTY_PER_WRONG_TAP)]),
        ]
    }

    /// The discrimination sentence for `tally`: the counts, then the verdict
    /// when both scams and genuine services were met; `None` when neither was.
    pub fn discrimination_sentence(&self, tally: &Tally) -> Option<String> {
        let scams = (tally.scams > 0).then_some((tally.hits, tally.scams));
        let genuine = (tally.genuine > 0).then_some((tally.false_alarms, tally.genuine));
        if scams.is_none() && genuine.is_none() {
            return None;
        }
        let counts = (self.discrimination_counts)(scams, genuine);
        Some(match tally.measures() {
            Some(measures) => {
                let verdict = match measures.verdict() {
                    Verdict::Discerning => self.verdict_discerning,
                    Verdict::Gullible => self.verdict_gullible,
                    Verdict::OverSuspicious => self.verdict_over_suspicious,
                    Verdict::LittleGullible => self.verdict_little_gullible,
                    Verdict::LittleOverSuspicious => self.verdict_little_over_suspicious,
                    Verdict::StillGuessing => self.verdict_still_guessing,
                };
                format!("{counts}{}{verdict}{}", self.verdict_sep, self.sentence_end)
            }
            None => format!("{counts}{}{}", self.sentence_end, self.verdict_needs_both),
        })
    }

    /// Why a type is suggested for practice.
    pub fn practise_reason(&self, reason: PractiseReason) -> &'static str {
        match reason {
            PractiseReason::MissedScam => self.reason_missed_scam,
            PractiseReason::RefusedGenuine => self.reason_refused_genuine,
            PractiseReason::MissedFlags => self.reason_missed_flags,
        }
    }
}

/// The lecturers' scenario catalogue (catalogue.html), written at build time.
pub struct CatalogueTexts {
    pub title: &'static str,
    pub intro: &'static str,
    /// Under the list: every party in the scenarios is invented.
    pub fictional: &'static str,
    pub scam: &'static str,
    pub genuine: &'static str,
    /// By `Channel`: chat, group, sms, call, app, email, marketplace.
    pub channel_names: [&'static str; 7],
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub show_qr: &'static str,
    pub hide_qr: &'static str,
}

impl CatalogueTexts {
    /// Where a scenario happens, in words.
    pub fn channel_name(&self, channel: Channel) -> &'static str {
        let index = match channel {
            Channel::Chat => 0,
            Channel::Group => 1,
            Channel::Sms => 2,
            Channel::Call => 3,
            Channel::App => 4,
            Channel::Email => 5,
            Channel::Marketplace => 6,
        };
        self.channel_names[index]
    }
}

pub static ZH_CATALOGUE: CatalogueTexts = CatalogueTexts {
    title: "场景目录",
    intro: "每个场景都可以单独分享：复制链接，或在投影上展示二维码，学生扫码后直接进入这个场景。",
    fictional: "各场景中的机构、人名、号码、网址均为虚构。",
    scam: "骗局",
    genuine: "真实服务",
    channel_names: ["聊天", "群聊", "短信", "电话", "App界面", "邮件", "二手交易"],
    copy_link: "复制链接",
    link_copied: "已复制",
    show_qr: "二维码",
    hide_qr: "收起二维码",
};

pub static EN_CATALOGUE: CatalogueTexts = CatalogueTexts {
    title: "Scenario catalogue",
    intro: "Every scenario can be shared on its own: copy its link, or show its QR code on the projector; scanning it opens that scenario directly.",
    fictional: "All organisations, names, numbers and addresses in these scenarios are fictional.",
    scam: "Scam",
    genuine: "Genuine",
    channel_names: ["Chat", "Group chat", "SMS", "Call", "App screens", "Email", "Second-hand marketplace"],
    copy_link: "Copy link",
    link_copied: "Copied",
    show_qr: "QR code",
    hide_qr: "Hide QR code",
};

pub static ZH: Texts = Texts {
    app_name: "识骗",
    label_sep: "：",
    switch_to: "English",
    switch_label: "Switch to English",
    large_text: "大字",
    read_aloud: "朗读",
    tagline: "在安全的模拟里，亲手识破电信网络诈骗。",
    intro: "你会遇到改编自真实案例的聊天、短信和App界面：做出选择，点出可疑之处，看看后果。有的是骗局，有的是真实的服务——把真的当成假的也会扣分。",
    duration: "每个场景约 3 分钟（含讲解）",
    privacy: "不联网上传任何数据，进度只保存在本机。",
    types_heading: "可以练习的诈骗类型",
    start_mixed: "开始快速练习",
    start_linked: "开始练习",
    review_heading: "该巩固一下了",
    review_text: |count, minutes, mistake| {
        let mix = if mistake {
            "一个没见过的骗局，用的正是你做错过的那种手法"
        } else {
            "一个没见过的骗局，练你最弱的手法"
        };
        format!("训练效果会随时间淡化，隔几天巩固一下最有效。这一轮 {count} 个场景，约 {minutes} 分钟：{mix}，再加一个真实服务做对照。")
    },
    review_start: "开始巩固练习",
    technique_mastery: |recognised, chances| format!("识破 {recognised}/{chances} 次"),
    technique_unmet: "还没遇到过",
    practise_technique: "练这个手法",
    by_technique_heading: "按手法练习",
    by_technique_intro: "骗局的故事总在变，手法却反复出现。选一种手法，把用到它的场景连着练。",
    technique_count: |count| format!(" · {count} 个场景"),
    practise_type: "专项练习",
    type_progress: |played, total| format!("已练 {played}/{total} 个场景"),
    overall_progress: |rounds, points, max| format!("已完成 {rounds} 轮 · 最高 {points}/{max} 分"),
    loading: "正在加载…",
    catalog_failed: "练习内容加载失败。",
    retry: "重试",
    flag_not_reached: "没来得及出现：你在它出现之前就离开了",
    round_discarded: "上次没做完的那一轮无法继续（数据已损坏或练习内容已更新），已放弃，请重新开始。",
    leave_title: "离开这一轮？",
    leave_text: "你的进度不会保留，这一轮会按未完成计。",
    leave_confirm: "离开",
    keep_playing: "继续练习",
    packs_failed: |count| format!("有 {count} 个场景包无法使用，已跳过，其余照常练习："),
    progress_corrupt: "之前保存的进度已损坏，无法读取，已从头开始（原数据已另存一份备份）。",
    progress_newer: "保存的进度来自更新的版本（第 {version} 版），本版本无法读取，已从头开始（原数据已另存备份）。",
    progress_repaired: |kept, dropped| {
        format!("保存的进度有部分损坏：保留了 {kept} 条场景记录，丢弃了 {dropped} 处无法读取的数据。")
    },
    storage_unavailable: "浏览器不允许保存进度（可能是无痕模式），本次练习结果不会被记住。",
    dismiss: "知道了",
    confidence_before: "开始之前：如果遇到诈骗，你有多大把握能识破？",
    confidence_after: "练完之后：现在你有多大把握能识破诈骗？",
    confidence_levels: ["完全没把握", "不太有把握", "一般", "比较有把握", "非常有把握"],
    savings: "模拟存款",
    scenario_of: "场景 {index}/{count}",
    typing: "对方正在输入…",
    show_all: "显示全部",
    choose_prompt: "你会怎么做？",
    spot_prompt: "点出上面消息里可疑的部分（可多选，再点一次取消），然后点“完成”。",
    spot_submit: "完成",
    spot_selected: |count| format!("已选 {count} 处"),
    skin_sms: "短信",
    skin_incoming_call: "来电",
    skin_call_transcript: "通话内容",
    skin_item: "交易商品",
    prompt_install_title: "安装应用？",
    prompt_install_action: "安装",
    prompt_share_title: "开始共享屏幕？",
    prompt_share_note: "其他参会者将看到你屏幕上的全部内容，包括通知和验证码。",
    prompt_share_action: "开始共享",
    prompt_cancel: "取消",
    outcome_safe: "你守住了钱",
    outcome_safe_late: "你及时止损",
    outcome_scammed: "你被骗了",
    outcome_accomplice: "你成了诈骗的帮凶",
    outcome_trusted: "你正确使用了真实服务",
    outcome_refused: "误判：这其实是真的",
    see_debrief: "看复盘",
    replay_open: "如果你继续下去……",
    replay_heading: "如果你继续下去，会发生什么",
    replay_intro: "下面是这个骗局接下来的剧本：只是回放，不计分。",
    replay_savings: "模拟存款会从 {start} 变成 {end}。",
    replay_close: "收起回放",
    debrief_heading: "复盘",
    verdict_scam: "这是骗局",
    verdict_genuine: "这是真实的服务",
    savings_change: "模拟存款：{start} → {end}",
    scenario_points: "本场景得分：{points}/{max}",
    flags_heading: "可疑信号",
    flag_found: "你找到了",
    flag_missed: "你漏掉了",
    flag_seen: "对话中出现",
    no_flags_genuine: "这次没有可疑信号。",
    techniques_heading: "用到的手法",
    why_heading: "为什么",
    action_heading: "正确做法",
    channels_heading: "官方渠道",
    security_phone: "电话",
    fictional_footer: "本场景中的机构、人名、号码、网址均为虚构。",
    next_scenario: "下一个场景",
    finish_round: "完成本轮",
    result_heading: "本轮成绩",
    phrase_not_flag: "这句没问题",
    mark_open: "（",
    mark_close: "）",
    legend_heading: "怎么计分",
    legend_right: "识破骗局，或放心使用真实服务：{points} 分",
    legend_late: "付过钱才止损：{points} 分；被骗、帮骗子做事或把真的当成骗局：0 分",
    legend_flags: "每找到一个可疑信号加 {flag} 分，每误点一处减 {wrong} 分，真实服务里也一样（每个场景最低 0 分）；还没找信号就离开，信号分拿不到",
    per_scenario_heading: "每个场景",
    open_debrief: "看讲解",
    back_to_results: "返回本轮成绩",
    reason_missed_scam: "没识破骗局",
    reason_refused_genuine: "把真的当成了骗局",
    reason_missed_flags: "漏掉了可疑信号",
    list_sep: "、",
    quick_minutes: |n| format!("快速练习一轮约 {n} 分钟（含讲解）"),
    about_minutes: |n| format!("约 {n} 分钟"),
    start_short: |n| format!("{n} 分钟短练习（适合课堂）"),
    result_points: "{points}/{max} 分",
    result_scams: "识破骗局：{caught}/{total}",
    result_genuine: "正确信任真实服务：{trusted}/{total}",
    result_false_alarms: |count| format!("把真的当成骗局：{count} 次"),
    result_flags: "找到可疑信号：{found}/{total}",
    result_wrong_taps: |count| format!("误点：{count} 处"),
    result_money: "守住的模拟存款：{kept}/{start}",
    result_confidence: "信心：练习前 {before}/5 → 练习后 {after}/5",
    discrimination_heading: "能分清真假吗？",
    discrimination_counts: |scams, genuine| {
        let scams = scams.map(|(stopped, total)| format!("识破了 {total} 个骗局中的 {stopped} 个"));
        let genuine = genuine.map(|(refused, total)| format!("把 {total} 个真实服务中的 {refused} 个当成了骗局"));
        format!("你{}", [scams, genuine].into_iter().flatten().collect::<Vec<_>>().join("，"))
    },
    verdict_sep: "：",
    sentence_end: "。",
    verdict_discerning: "你能分清骗局和真实服务",
    verdict_gullible: "你太容易轻信，骗局常常骗过你",
    verdict_over_suspicious: "你疑心过重，连真实服务也拒绝了",
    verdict_little_gullible: "你有点容易轻信",
    verdict_little_over_suspicious: "你有点过于多疑",
    verdict_still_guessing: "你还在凭感觉猜，多看看每条消息里的可疑信号",
    verdict_needs_both: "骗局和真实服务都遇到过，才能看出你能否分清真假。",
    overall_rounds: |rounds| format!("最近 {rounds} 轮"),
    result_calibration: |before, after, stopped, scams| {
        format!("你练习前给自己的把握打了 {before}/5，练习后 {after}/5；实际识破了 {scams} 个骗局中的 {stopped} 个。")
    },
    chart_caption: "每轮识破骗局和误拒真实服务的比例",
    chart_round: "轮次",
    chart_hits: "识破骗局",
    chart_false_alarms: "误拒真实服务",
    per_type_heading: "分类型结果",
    per_type_line: "处理正确 {right}/{played}",
    practise_heading: "建议再练",
    practise_none: "每一类都处理得很好，过几天再来复习一轮吧！",
    linked_heading: "老师分享给你的场景",
    link_unknown: "没有找到场景“{id}”，链接可能打错了或已过期。可以先做一轮快速练习，或请老师在场景目录里重新复制链接。",
    catalogue_link: "场景目录（教师用：链接与二维码）",
    play_again: "再练一轮",
    home: "返回首页",
};

pub static EN: Texts = Texts {
    app_name: "ScamSpot",
    label_sep: ": ",
    switch_to: "中文",
    switch_label: "切换到中文",
    large_text: "Large text",
    read_aloud: "Read aloud",
    tagline: "Learn to spot telecom and online fraud by playing it safely.",
    intro: "You’ll meet chats, text messages and app screens based on real cases: make choices, tap what looks suspicious and see what happens. Some are scams and some are genuine; treating a genuine one as a scam costs points too.",
    duration: "Each scenario takes about 3 minutes, debrief included",
    privacy: "Nothing is uploaded; your progress stays on this device.",
    types_heading: "Scam types to practise",
    start_mixed: "Start a quick round",
    start_linked: "Start",
    review_heading: "Time for a booster",
    review_text: |count, minutes, mistake| {
        let scenarios = plural(count, "scenario", "scenarios");
        let mix = if mistake {
            "an unseen scam using the tricks of one you got wrong"
        } else {
            "an unseen scam on your weakest trick"
        };
        format!(
            "Training fades with time; a short booster every few days renews it. {count} {scenarios}, about {minutes} min: {mix}, and a genuine service to tell apart."
        )
    },
    review_start: "Start the booster",
    technique_mastery: |recognised, chances| {
        format!("recognised {recognised} of {chances} {}", plural(chances as usize, "time", "times"))
    },
    technique_unmet: "not met yet",
    practise_technique: "Practise this technique",
    by_technique_heading: "Practise by technique",
    by_technique_intro: "The stories change all the time; the tricks come back. Pick a trick and play the scenarios that use it.",
    technique_count: |count| format!(" · {count} {}", plural(count, "scenario", "scenarios")),
    practise_type: "Practise this type",
    type_progress: |played, total| format!("{played}/{total} {} practised", plural(total, "scenario", "scenarios")),
    overall_progress: |rounds, points, max| {
        let finished = plural(rounds as usize, "round", "rounds");
        format!("{rounds} {finished} finished · best {points}/{max} {}", plural(max as usize, "point", "points"))
    },
    loading: "Loading…",
    catalog_failed: "The training content could not be loaded.",
    retry: "Try again",
    flag_not_reached: "Not reached: you left before it appeared",
    round_discarded: "The round you had not finished could not be resumed (the saved data was damaged or the content has changed), so it was dropped. Please start again.",
    leave_title: "Leave this round?",
    leave_text: "Your progress in it will not be kept; it counts as not completed.",
    leave_confirm: "Leave",
    keep_playing: "Keep playing",
    packs_failed: |count| {
        let (packs, were) = if count == 1 { ("pack", "was") } else { ("packs", "were") };
        format!("{count} scenario {packs} could not be used and {were} skipped; the rest play as usual:")
    },
    progress_corrupt: "Your saved progress was damaged and could not be read, so it was reset (a backup copy of the old data was kept).",
    progress_newer: "Your saved progress comes from a newer version (format {version}) that this version cannot read, so it was reset (a backup copy was kept).",
    progress_repaired: |kept, dropped| {
        let records = if kept == 1 { "record was" } else { "records were" };
        let entries = if dropped == 1 { "entry was" } else { "entries were" };
        format!("Part of your saved progress was damaged: {kept} scenario {records} kept and {dropped} unreadable {entries} dropped.")
    },
    storage_unavailable: "This browser does not allow saving progress (private mode?), so this session’s results won’t be remembered.",
    dismiss: "OK",
    confidence_before: "Before you start: how sure are you that you would spot a scam?",
    confidence_after: "Now that you’ve played: how sure are you that you would spot a scam?",
    confidence_levels: ["Not at all sure", "Not very sure", "Somewhat sure", "Fairly sure", "Very sure"],
    savings: "Savings (simulated)",
    scenario_of: "Scenario {index}/{count}",
    typing: "typing…",
    show_all: "Show all",
    choose_prompt: "What do you do?",
    spot_prompt: "Tap the suspicious parts of the messages above (tap again to undo), then tap “Done”.",
    spot_submit: "Done",
    spot_selected: |count| format!("{count} selected"),
    skin_sms: "Text message",
    skin_incoming_call: "Incoming call",
    skin_call_transcript: "On the call",
    skin_item: "Item",
    prompt_install_title: "Install app?",
    prompt_install_action: "Install",
    prompt_share_title: "Start sharing your screen?",
    prompt_share_note: "Others in the meeting will see everything on your screen, including notifications and codes.",
    prompt_share_action: "Start sharing",
    prompt_cancel: "Cancel",
    outcome_safe: "You kept your money",
    outcome_safe_late: "You stopped the losses",
    outcome_scammed: "You were scammed",
    outcome_accomplice: "You became part of the crime",
    outcome_trusted: "You used a genuine service correctly",
    outcome_refused: "False alarm: this one was genuine",
    see_debrief: "See the debrief",
    replay_open: "If you had gone on…",
    replay_heading: "What would have happened if you had gone on",
    replay_intro: "This is how the scam would have gone on: a replay only, it does not count.",
    replay_savings: "Your savings would have gone from {start} to {end}.",
    replay_close: "Close the replay",
    debrief_heading: "Debrief",
    verdict_scam: "This was a scam",
    verdict_genuine: "This was genuine",
    savings_change: "Simulated savings: {start} → {end}",
    scenario_points: "Points for this scenario: {points}/{max}",
    flags_heading: "Red flags",
    flag_found: "You found",
    flag_missed: "You missed",
    flag_seen: "In the conversation",
    no_flags_genuine: "There were no red flags this time.",
    techniques_heading: "Techniques used",
    why_heading: "Why",
    action_heading: "The right thing to do",
    channels_heading: "Official channels",
    security_phone: "Phone",
    fictional_footer: "All organisations, names, numbers and addresses in this scenario are fictional.",
    next_scenario: "Next scenario",
    finish_round: "Finish the round",
    result_heading: "Your round",
    phrase_not_flag: "not a red flag",
    mark_open: " (",
    mark_close: ")",
    legend_heading: "How points are earned",
    legend_right: "Stopping a scam, or using a genuine service: {points} points",
    legend_late: "Stopping a scam after paying: {points} points; scammed, helping a scammer or refusing a genuine service: 0",
    legend_flags: "Each red flag found: +{flag}; each innocent phrase tapped: −{wrong}, in genuine services too (a scenario never goes below 0); leaving before the red-flag step forfeits its flag points",
    per_scenario_heading: "Scenario by scenario",
    open_debrief: "See the debrief",
    back_to_results: "Back to your results",
    reason_missed_scam: "missed a scam",
    reason_refused_genuine: "refused a genuine one",
    reason_missed_flags: "missed red flags",
    list_sep: ", ",
    quick_minutes: |n| format!("A quick round takes about {n} {}, debriefs included", plural(n as usize, "minute", "minutes")),
    about_minutes: |n| format!("about {n} min"),
    start_short: |n| format!("Short round ({n} min, for lectures)"),
    result_points: "{points}/{max} points",
    result_scams: "Scams caught: {caught}/{total}",
    result_genuine: "Genuine services trusted: {trusted}/{total}",
    result_false_alarms: |count| format!("Genuine ones refused as scams: {count}"),
    result_flags: "Red flags found: {found}/{total}",
    result_wrong_taps: |count| format!("Innocent phrases tapped: {count}"),
    result_money: "Simulated savings kept: {kept} of {start}",
    result_confidence: "Confidence: {before}/5 before → {after}/5 after",
    discrimination_heading: "Can you tell scam from real?",
    discrimination_counts: |scams, genuine| {
        let scams = scams
            .map(|(stopped, total)| format!("stopped {stopped} of {total} {}", plural(total as usize, "scam", "scams")));
        let genuine = genuine.map(|(refused, total)| {
            format!("refused {refused} of {total} {}", plural(total as usize, "genuine service", "genuine services"))
        });
        format!("You {}", [scams, genuine].into_iter().flatten().collect::<Vec<_>>().join(" and "))
    },
    verdict_sep: ": ",
    sentence_end: ".",
    verdict_discerning: "you are discerning, telling scams from genuine services",
    verdict_gullible: "you are gullible: scams get past you",
    verdict_over_suspicious: "you are over-suspicious: you refuse genuine services too",
    verdict_little_gullible: "you are a little gullible",
    verdict_little_over_suspicious: "you are a little over-suspicious",
    verdict_still_guessing: "you are still guessing: look for each message’s red flags",
    verdict_needs_both: " Meet both scams and genuine services to see whether you can tell them apart.",
    overall_rounds: |rounds| format!("Your last {rounds} {}", plural(rounds as usize, "round", "rounds")),
    result_calibration: |before, after, stopped, scams| {
        format!(
            "You rated yourself {before}/5 before and {after}/5 after; you stopped {stopped} of {scams} {}.",
            plural(scams as usize, "scam", "scams")
        )
    },
    chart_caption: "Scams stopped and genuine services refused, round by round",
    chart_round: "Round",
    chart_hits: "Scams stopped",
    chart_false_alarms: "Genuine refused",
    per_type_heading: "By scam type",
    per_type_line: "handled right {right}/{played}",
    practise_heading: "Practise again",
    practise_none: "You handled every type well. Come back in a few days for a refresher round!",
    linked_heading: "Scenario shared with you",
    link_unknown: "There is no scenario “{id}”: the link may be mistyped or out of date. Play a quick round, or ask for a fresh link from the scenario catalogue.",
    catalogue_link: "Scenario catalogue (for lecturers: links and QR codes)",
    play_again: "Play another round",
    home: "Back to start",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_prefers_the_first_language_we_speak() {
        assert_eq!(Lang::negotiate(&["fr-FR", "en-GB", "zh-CN"]), Lang::En);
        assert_eq!(Lang::negotiate(&["zh-TW"]), Lang::ZhCn);
        assert_eq!(Lang::negotiate::<&str>(&[]), Lang::ZhCn);
        assert_eq!(Lang::negotiate(&["de"]), Lang::ZhCn);
    }

    #[test]
    fn an_avatar_shows_the_first_letter_of_the_name() {
        assert_eq!(initials("小王"), "小");
        assert_eq!(initials("wang Wei"), "W");
        assert_eq!(initials("  @ICBC 客服"), "I");
        assert_eq!(initials("…"), "");
        assert_eq!(initials("“喵go商城客服”"), "喵");
        assert_eq!(initials("【官方】客服"), "官");
        assert_eq!(initials("📦 Zhilu Express"), "Z");
    }

    #[test]
    fn avatar_letters_agree_with_unicode_where_names_are_written() {
        let blocks = [
            0..=0x7F,          // ASCII
            0xC0..=0x24F,      // Latin letters
            0x2010..=0x206F,   // general punctuation: dashes, quotes, ellipsis
            0x3000..=0x3004,   // CJK spaces and marks
            0x3008..=0x3020,   // CJK brackets
            0x3041..=0x3096,   // hiragana
            0x30A1..=0x30FA,   // katakana
            0x4E00..=0x9FFF,   // CJK ideographs
            0xAC00..=0xD7A3,   // Hangul
            0xFF01..=0xFF5E,   // fullwidth forms
            0x1F300..=0x1FAFF, // emoji
        ];
        for c in blocks.into_iter().flatten().filter_map(char::from_u32) {
            assert_eq!(names_a_letter(c), c.is_alphanumeric(), "{c:?} U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn yuan_groups_thousands_and_signs() {
        assert_eq!(yuan(5000), "¥5,000");
        assert_eq!(yuan(-298), "-¥298");
        assert_eq!(yuan(1_234_567), "¥1,234,567");
        assert_eq!(yuan(0), "¥0");
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(fill(EN.scenario_of, &[("index", &2), ("count", &4)]), "Scenario 2/4");
    }

    #[test]
    fn english_counts_take_the_singular_for_one() {
        assert!((EN.review_text)(2, 5, true)
            .contains("renews it. 2 scenarios, about 5 min: an unseen scam using the tricks of one you got wrong,"));
        assert!(
            (EN.review_text)(1, 3, false).contains(" 1 scenario, about 3 min: an unseen scam on your weakest trick")
        );
        assert_eq!((EN.technique_mastery)(1, 1), "recognised 1 of 1 time");
        assert_eq!((EN.technique_mastery)(2, 3), "recognised 2 of 3 times");
        assert_eq!((EN.technique_count)(1), " · 1 scenario");
        assert_eq!((EN.technique_count)(5), " · 5 scenarios");
        assert_eq!((EN.type_progress)(0, 1), "0/1 scenario practised");
        assert_eq!((EN.type_progress)(1, 4), "1/4 scenarios practised");
        assert_eq!((EN.overall_progress)(1, 80, 120), "1 round finished · best 80/120 points");
        assert_eq!((EN.overall_progress)(2, 0, 100), "2 rounds finished · best 0/100 points");
        assert!((EN.packs_failed)(1).starts_with("1 scenario pack could not be used and was skipped;"));
        assert!((EN.packs_failed)(2).starts_with("2 scenario packs could not be used and were skipped;"));
        assert!(
            (EN.progress_repaired)(1, 1).ends_with("1 scenario record was kept and 1 unreadable entry was dropped.")
        );
        assert!((EN.progress_repaired)(0, 2)
            .ends_with("0 scenario records were kept and 2 unreadable entries were dropped."));
    }

    #[test]
    fn chinese_counts_keep_the_same_words() {
        assert_eq!((ZH.technique_count)(1), " · 1 个场景");
        assert_eq!((ZH.technique_count)(5), " · 5 个场景");
        assert!((ZH.review_text)(2, 5, true)
            .contains("这一轮 2 个场景，约 5 分钟：一个没见过的骗局，用的正是你做错过的那种手法，"));
        assert_eq!((ZH.technique_mastery)(2, 3), "识破 2/3 次");
        assert_eq!((ZH.spot_selected)(2), "已选 2 处");
    }

    #[test]
    fn an_ending_after_paying_is_named_as_stopping_the_losses() {
        assert_eq!(EN.outcome_heading(Outcome::Safe, false), "You kept your money");
        assert_eq!(EN.outcome_heading(Outcome::Safe, true), "You stopped the losses");
        assert_eq!(ZH.outcome_heading(Outcome::Scammed, true), "你被骗了");
    }

    #[test]
    fn the_score_legend_states_the_scoring_constants() {
        assert_eq!(
            EN.score_legend(),
            [
                "Stopping a scam, or using a genuine service: 100 points",
                "Stopping a scam after paying: 50 points; scammed, helping a scammer or refusing a genuine service: 0",
                "Each red flag found: +10; each innocent phrase tapped: −5, in genuine services too (a scenario never goes below 0); leaving before the red-flag step forfeits its flag points",
            ]
        );
        assert!(ZH.score_legend().iter().all(|line| !line.contains('{')));
    }

    #[test]
    fn the_discrimination_sentence_gives_counts_and_a_verdict_in_both_languages() {
        let tally =
            |hits, scams, false_alarms, genuine| Tally { scams, hits, genuine, false_alarms, ..Tally::default() };
        assert_eq!(
            EN.discrimination_sentence(&tally(4, 5, 1, 2)).unwrap(),
            "You stopped 4 of 5 scams and refused 1 of 2 genuine services: you are a little over-suspicious."
        );
        assert_eq!(
            ZH.discrimination_sentence(&tally(4, 5, 1, 2)).unwrap(),
            "你识破了 5 个骗局中的 4 个，把 2 个真实服务中的 1 个当成了骗局：你有点过于多疑。"
        );
        assert_eq!(
            EN.discrimination_sentence(&tally(1, 1, 0, 0)).unwrap(),
            "You stopped 1 of 1 scam. Meet both scams and genuine services to see whether you can tell them apart."
        );
        assert_eq!(
            ZH.discrimination_sentence(&tally(0, 0, 1, 1)).unwrap(),
            "你把 1 个真实服务中的 1 个当成了骗局。骗局和真实服务都遇到过，才能看出你能否分清真假。"
        );
        assert_eq!(EN.discrimination_sentence(&Tally::default()), None);
        assert_eq!(
            (EN.result_calibration)(5, 4, 2, 4),
            "You rated yourself 5/5 before and 4/5 after; you stopped 2 of 4 scams."
        );
    }

    #[test]
    fn every_placeholder_template_is_filled_in_both_languages() {
        for lang in Lang::ALL {
            let t = lang.texts();
            for (template, names) in [
                (t.scenario_of, &["index", "count"][..]),
                (t.result_money, &["kept", "start"]),
                (t.savings_change, &["start", "end"]),
                (t.result_confidence, &["before", "after"]),
            ] {
                for name in names {
                    assert!(template.contains(&format!("{{{name}}}")), "{lang:?}: {template} lacks {name}");
                }
            }
        }
    }
}
