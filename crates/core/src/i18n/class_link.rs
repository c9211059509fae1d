//! A campaign class link's words (issue 16): its start, where its result
//! went, and the certificate. Apart from the learner's `Texts` because only
//! the hosted build shows them: the app's own page, which every phone that
//! scans a lecture's QR code loads, carries none of them.

pub struct ClassLinkTexts {
    pub campaign_loading: &'static str,
    pub campaign_unknown: &'static str,
    pub campaign_unreachable: &'static str,
    /// `{date}`
    pub campaign_closed: &'static str,
    /// `{count}`, `{mark}`, `{date}`
    pub campaign_rules: &'static str,
    pub campaign_start: &'static str,
    pub result_sending: &'static str,
    pub result_saved: &'static str,
    pub result_closed: &'static str,
    pub result_not_accepted: &'static str,
    pub result_unreachable: &'static str,
    pub send_again: &'static str,
    pub certificate_heading: &'static str,
    /// `{date}`, `{score}`
    pub certificate_passed: &'static str,
    /// `{caught}`, `{scams}`, `{trusted}`, `{genuine}`
    pub certificate_tally: &'static str,
    pub certificate_code: &'static str,
    pub verify_qr_alt: &'static str,
    pub student_number_label: &'static str,
    pub student_number_hint: &'static str,
    pub student_number_save: &'static str,
    pub student_number_saved: &'static str,
    pub student_number_invalid: &'static str,
    pub student_number_failed: &'static str,
    pub save_image: &'static str,
    /// `{score}`, `{mark}`
    pub campaign_failed: &'static str,
}

pub static ZH: ClassLinkTexts = ClassLinkTexts {
    campaign_loading: "正在读取活动信息……",
    campaign_unknown: "没有找到这个班级链接：请向老师核对链接。",
    campaign_unreachable: "连不上活动服务器，请检查网络后刷新页面。",
    campaign_closed: "活动已于 {date} 截止，不再接收成绩。",
    campaign_rules: "共 {count} 个情景，及格分 {mark}，{date} 截止（北京时间）。截止前可以多次尝试。",
    campaign_start: "开始答题",
    result_sending: "正在提交成绩……",
    result_saved: "成绩已保存 ✓",
    result_closed: "成绩未保存：活动已截止。",
    result_not_accepted: "成绩未保存：服务器无法核对这一轮，请再做一轮。",
    result_unreachable: "成绩未保存：连不上服务器。请检查网络后重新提交。",
    send_again: "重新提交",
    certificate_heading: "结业证书",
    certificate_passed: "{date} 通过，得分 {score}",
    certificate_tally: "识破骗局 {caught}/{scams} · 信任真实服务 {trusted}/{genuine}",
    certificate_code: "核验码",
    verify_qr_alt: "核验页面的二维码",
    student_number_label: "学号",
    student_number_hint: "服务器只保存学号的加盐哈希，供老师核验证书。只能填写一次。",
    student_number_save: "登记学号",
    student_number_saved: "学号已登记 ✓",
    student_number_invalid: "学号为 4–20 位数字、字母或连字符。",
    student_number_failed: "学号未能登记，请稍后再试。",
    save_image: "保存为图片",
    campaign_failed: "本轮得分 {score}，及格分 {mark}，还差一点。截止前可以再试。",
};

pub static EN: ClassLinkTexts = ClassLinkTexts {
    campaign_loading: "Loading the campaign…",
    campaign_unknown: "This class link was not found: check the link with your teacher.",
    campaign_unreachable: "Cannot reach the campaign server; check the network and reload the page.",
    campaign_closed: "The campaign closed on {date}; results are no longer taken.",
    campaign_rules: "{count} scenarios, pass mark {mark}, deadline {date} (China time). You may try as often as you like until then.",
    campaign_start: "Start",
    result_sending: "Sending your result…",
    result_saved: "Result saved ✓",
    result_closed: "Result not saved: the campaign has closed.",
    result_not_accepted: "Result not saved: the server could not check this round; please play another.",
    result_unreachable: "Result not saved: cannot reach the server. Check the network and send it again.",
    send_again: "Send again",
    certificate_heading: "Certificate of completion",
    certificate_passed: "Passed on {date} with a score of {score}",
    certificate_tally: "Scams stopped {caught}/{scams} · genuine services trusted {trusted}/{genuine}",
    certificate_code: "Verification code",
    verify_qr_alt: "QR code of the verify page",
    student_number_label: "Student number",
    student_number_hint: "The server keeps only a salted hash of it, for your teacher to verify the certificate. It can be set once.",
    student_number_save: "Add student number",
    student_number_saved: "Student number added ✓",
    student_number_invalid: "A student number has 4–20 digits, letters or hyphens.",
    student_number_failed: "The student number was not added; try again later.",
    save_image: "Save as image",
    campaign_failed: "This round scored {score}; the pass mark is {mark}. Nearly there: try again before the deadline.",
};

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;

    #[test]
    fn every_template_names_its_placeholders_in_both_languages() {
        for lang in Lang::ALL {
            let t = lang.class_link_texts();
            for (template, names) in [
                (t.campaign_closed, &["date"][..]),
                (t.campaign_rules, &["count", "mark", "date"]),
                (t.certificate_passed, &["date", "score"]),
                (t.certificate_tally, &["caught", "scams", "trusted", "genuine"]),
                (t.campaign_failed, &["score", "mark"]),
            ] {
                for name in names {
                    assert!(template.contains(&format!("{{{name}}}")), "{lang:?}: {template} lacks {name}");
                }
            }
        }
    }
}
