//! A tiny catalog and scenarios for the engine's unit tests.

use crate::content::{load_catalog, load_scenario, Catalog, PackSummary, SiteIndex, ValidScenario};
use std::rc::Rc;

pub const CATALOG: &str = r#"
format = 1
languages = ["zh-CN", "en"]
[[types]]
id = "demo"
name = { zh-CN = "演示", en = "Demo" }
blurb = { zh-CN = "演示", en = "Demo" }
[[types]]
id = "other"
name = { zh-CN = "其他", en = "Other" }
blurb = { zh-CN = "其他", en = "Other" }
[[techniques]]
id = "advance-fee"
name = { zh-CN = "先交费", en = "Fee up front" }
about = { zh-CN = "先交钱", en = "Pay first" }
[[channels]]
id = "110"
name = { zh-CN = "110", en = "110" }
about = { zh-CN = "报警", en = "Police" }
"#;

/// A scam: pay (→ stuck → pay again = scammed, or stop = safe late), or refuse (safe).
pub const SCAM: &str = r#"
format = 1
id = "demo-scam"
type = "demo"
languages = ["zh-CN", "en"]
genuine = false
channel = "chat"
techniques = ["advance-fee"]
savings = 1000
start = "offer"
title = { zh-CN = "兼职", en = "Job" }
contact.name = { zh-CN = "小王", en = "Wang" }
debrief = { why = { zh-CN = "骗局", en = "Scam" }, action = { zh-CN = "报警", en = "Call police" }, channels = ["110"] }

[[steps]]
id = "offer"
[[steps.messages]]
from = "contact"
text = { zh-CN = "你好！先交100元押金，马上上岗。", en = "Hi! Pay a ¥100 deposit, start at once." }
[[steps.messages.flags]]
quote = { zh-CN = "先交100元押金", en = "Pay a ¥100 deposit" }
why = { zh-CN = "先交钱", en = "Pay first" }
[[steps.messages.flags]]
quote = { zh-CN = "马上上岗", en = "start at once" }
why = { zh-CN = "催促", en = "Rush" }
[steps.spot]
next = "decide"

[[steps]]
id = "decide"
[[steps.messages]]
from = "narrator"
text = { zh-CN = "对方发来收款码。", en = "A payment code arrives." }
[[steps.choices]]
text = { zh-CN = "付100元", en = "Pay ¥100" }
next = "stuck"
money = -100
[[steps.choices]]
text = { zh-CN = "拒绝", en = "Refuse" }
next = "safe"

[[steps]]
id = "stuck"
[[steps.messages]]
from = "contact"
text = { zh-CN = "卡单了，再付500元。", en = "Stuck, pay ¥500 more." }
[[steps.choices]]
text = { zh-CN = "再付500", en = "Pay ¥500" }
next = "lost"
money = -500
[[steps.choices]]
text = { zh-CN = "报警", en = "Call 110" }
next = "safe"

[[steps]]
id = "safe"
end = { outcome = "safe", summary = { zh-CN = "安全", en = "Safe" } }

[[steps]]
id = "lost"
end = { outcome = "scammed", summary = { zh-CN = "被骗", en = "Lost" } }
"#;

/// A genuine offer: use it (trusted) or refuse (false alarm).
pub const GENUINE: &str = r#"
format = 1
id = "demo-real"
type = "demo"
languages = ["zh-CN", "en"]
genuine = true
channel = "sms"
start = "sms"
title = { zh-CN = "快递", en = "Parcel" }
contact.name = { zh-CN = "快递", en = "Courier" }
debrief = { why = { zh-CN = "真的", en = "Real" }, action = { zh-CN = "取件", en = "Collect" } }

[[steps]]
id = "sms"
[[steps.messages]]
from = "contact"
text = { zh-CN = "您的快递已到驿站。", en = "Your parcel is at the pickup point." }
[[steps.choices]]
text = { zh-CN = "去取件", en = "Collect it" }
next = "ok"
[[steps.choices]]
text = { zh-CN = "当成诈骗拉黑", en = "Block it as a scam" }
next = "refused"

[[steps]]
id = "ok"
end = { outcome = "trusted", summary = { zh-CN = "取到了", en = "Collected" } }
[[steps]]
id = "refused"
end = { outcome = "refused", summary = { zh-CN = "误判", en = "False alarm" } }
"#;

pub fn catalog() -> Catalog {
    load_catalog("catalog.toml", CATALOG).expect("fixture catalog is valid")
}

pub fn scenario(text: &str, file: &str) -> Rc<ValidScenario> {
    Rc::new(load_scenario(file, text, &catalog()).unwrap_or_else(|e| panic!("fixture {file} invalid: {e:?}")))
}

/// An index of four packs: the two fixtures and two more scams of type "other".
pub fn index() -> SiteIndex {
    let summary = |text: &str, file: &str, id: &str, scam_type: &str| {
        let mut s = PackSummary::of(&scenario(text, &file.replace(".json", ".toml")), file.into());
        s.id = id.into();
        s.scam_type = scam_type.into();
        s
    };
    SiteIndex {
        catalog: catalog(),
        packs: vec![
            summary(SCAM, "demo/scam.json", "demo-scam", "demo"),
            summary(GENUINE, "demo/real.json", "demo-real", "demo"),
            summary(SCAM, "other/a.json", "other-a", "other"),
            PackSummary { techniques: vec![], ..summary(SCAM, "other/b.json", "other-b", "other") },
        ],
        broken: vec![],
    }
}
