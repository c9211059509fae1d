//! What each problem says and how to fix it, in Simplified Chinese and
//! English: the author's checker speaks either, the app shows English.

use super::problem::Problem;
use crate::i18n::Lang;

/// One problem's words in the language asked for.
macro_rules! say {
    ($zh:expr, $chinese:expr, $english:expr $(,)?) => {
        if $zh {
            $chinese
        } else {
            $english
        }
    };
}

impl Problem {
    /// What is wrong, in one sentence.
    pub fn message(&self, lang: Lang) -> String {
        use Problem::*;
        let zh = speaks_chinese(lang);
        match self {
            Syntax { message } => {
                say!(zh, format!("文件格式有误：{message}"), format!("the file's syntax is wrong: {message}"))
            }
            UnterminatedString => say!(zh, "文字缺少结尾的引号".into(), "this text has no closing quote".into()),
            MissingEquals => say!(zh, "名称后面缺少 `=`".into(), "a `=` is missing after the name".into()),
            DuplicateKey => say!(zh, "同一个字段写了两次".into(), "this field is written twice".into()),
            UnknownField { name, .. } => {
                say!(zh, format!("没有名为 `{name}` 的字段"), format!("there is no field called `{name}`"))
            }
            MissingField { name } => {
                say!(zh, format!("缺少必填字段 `{name}`"), format!("the required field `{name}` is missing"))
            }
            WrongType { found, expected } => say!(
                zh,
                format!("这里应是{}，却写成了{}", kind_zh(expected), found_zh(found)),
                format!("this should be {}, not {}", kind_en(expected), found_en(found)),
            ),
            UnknownValue { value, known } => say!(
                zh,
                format!("不认识的取值 \"{value}\"；可用：{}", quoted(known)),
                format!("\"{value}\" is not a value this field takes; use one of: {}", quoted(known)),
            ),
            NewerFormat { version } => say!(
                zh,
                format!("格式 {version} 比本程序能读的（最高 {}）更新", crate::content::FORMAT_VERSION),
                format!(
                    "pack format {version} is newer than this app understands (up to {})",
                    crate::content::FORMAT_VERSION
                ),
            ),
            UnsupportedFormat { version } => say!(
                zh,
                format!("不支持格式 {version}；本程序读取格式 {}", crate::content::FORMAT_VERSION),
                format!("format {version} is not supported; this app reads format {}", crate::content::FORMAT_VERSION),
            ),
            UnknownStep { id, .. } => {
                say!(zh, format!("没有 id 为 \"{id}\" 的步骤"), format!("no step has id \"{id}\""))
            }
            StepKind => say!(
                zh,
                "一个步骤必须恰好有以下之一：[[steps.choices]]、[steps.spot] 或 [steps.end]".into(),
                "a step needs exactly one of: [[steps.choices]], [steps.spot] or [steps.end]".into(),
            ),
            Loop { to } => say!(
                zh,
                format!("这里又回到 \"{to}\"，学习者会原地打转"),
                format!("leads back to \"{to}\", so a learner can go round in circles"),
            ),
            UnreachableStep => {
                say!(zh, "从 `start` 出发到不了这个步骤".into(), "no path from `start` reaches this step".into())
            }
            CannotRead { reason } => {
                say!(zh, format!("无法读取文件：{reason}"), format!("cannot read the file: {reason}"))
            }
            NeedsCompiling => say!(zh, "浏览器只读取编译后的场景包".into(), "the app reads compiled packs only".into()),
            Unresolved => say!(zh, "有步骤 id 无法解析".into(), "a step id does not resolve".into()),
            rule => rule_message(rule, zh),
        }
    }

    /// How to fix it, when there is more to say than the message.
    pub fn help(&self, lang: Lang) -> Option<String> {
        use Problem::*;
        let zh = speaks_chinese(lang);
        macro_rules! say {
            ($chinese:expr, $english:expr $(,)?) => {
                Some(if zh { $chinese } else { $english }.to_string())
            };
        }
        match self {
            UnterminatedString => say!("在文字末尾补上 `\"`", "add a `\"` at the end of the text"),
            MissingEquals => {
                say!("写成 `名称 = 值`，例如 `next = \"decide\"`", "write `name = value`, e.g. `next = \"decide\"`")
            }
            DuplicateKey => say!("删掉其中一个，或改成另一个字段", "delete one of them, or rename it"),
            UnknownField { .. } => {
                say!("检查拼写；字段表见 docs/authoring.md", "check the spelling; docs/authoring.md lists the fields")
            }
            MissingField { .. } => say!("在这个表里加上它", "add it to this table"),
            WrongType { expected, .. } => {
                Some(if zh { format!("写成{}", kind_zh(expected)) } else { format!("write {}", kind_en(expected)) })
            }
            NewerFormat { .. } => {
                say!("更新 ScamSpot，或按格式 1 重写这个场景包", "update ScamSpot or write the pack in format 1")
            }
            UnsupportedFormat { .. } => say!("写 `format = 1`", "write `format = 1`"),
            BadScenarioId => say!("例如 \"ob-like-for-cash\"", "e.g. \"ob-like-for-cash\""),
            NoLanguages => say!("例如 languages = [\"zh-CN\", \"en\"]", "e.g. languages = [\"zh-CN\", \"en\"]"),
            UnknownType { known, .. } | UnknownTechnique { known, .. } | UnknownOfficialChannel { known, .. } => {
                Some(if zh {
                    format!("可用：{}；新的请先加到 catalog.toml", quoted(known))
                } else {
                    format!("use one of: {}; add new ones to catalog.toml first", quoted(known))
                })
            }
            MissingText { .. } => say!("每种声明的语言都需要每段文字", "every declared language needs every text"),
            TextTooLong { .. } => say!("缩短它，或拆成两条", "shorten it or split it"),
            UndeclaredLanguage { .. } => {
                say!("把它加到 `languages` 里，或删掉这段文字", "add it to `languages` or remove this text")
            }
            DuplicateStepId { .. } => {
                say!("步骤 id 必须唯一；给其中一个改名", "step ids must be unique; rename one of them")
            }
            TooFewChoices => say!(
                "最好给 3 个；单纯的“继续”请在下一步用旁白消息",
                "3 is better; for a plain continue use a narrator message in the next step",
            ),
            QuoteNotInMessage { .. } => say!("从消息原文中逐字复制", "copy the words exactly from the message"),
            Loop { .. } => say!("每条路都必须走到一个结尾", "every path must reach an end"),
            UnreachableStep => {
                say!("从某个选项或找信号步骤链接到它，或删掉它", "link to it from a choice or spot, or delete it")
            }
            DuplicateScenarioId { .. } => say!("场景 id 必须唯一", "scenario ids must be unique"),
            PinsEveryChoice => say!(
                "只在顺序本身有意义的步骤（如编号的操作步骤）写 `keep_order = true`，其余让学习者看到各自的顺序",
                "keep `keep_order = true` only where the order means something (numbered steps); let the rest be shuffled",
            ),
            NeedsCompiling => say!(
                "运行 `scamspot-check --compile OUT-FOLDER PACKS-FOLDER`，然后使用生成的 .json 文件",
                "run `scamspot-check --compile OUT-FOLDER PACKS-FOLDER` and serve the .json files it writes",
            ),
            UnmaskedMobile { .. } => {
                say!("像真实App那样打码，如 170****5536", "mask it as real apps show it, e.g. 170****5536")
            }
            LongNumber { .. } => say!(
                "打码（如 0571-8***-6621、1069****4566、QQ 28****31）；金额带上 ¥ 或 元；验证码最多 4 位；\
                 官方号码须列在 catalog.toml 的 [fiction] numbers 里",
                "mask it (0571-8***-6621, 1069****4566, QQ 28****31); write amounts with ¥ or 元; a code has 4 \
                 digits at most; an official number must be listed in catalog.toml's [fiction] numbers",
            ),
            CardNumber { .. } => say!(
                "只显示前四位和后四位：6217 **** **** 8830",
                "show the first and last four digits only: 6217 **** **** 8830",
            ),
            RealDomain { .. } => say!(
                "虚构的网址和邮箱只用保留后缀 .example、.test、.invalid（如 ledou-mall.example）；\
                 被冒充的真实平台须列在 catalog.toml 的 [fiction] hosts 里",
                "invented sites and e-mail use the reserved .example, .test or .invalid (e.g. ledou-mall.example); \
                 a real platform being impersonated must be listed in catalog.toml's [fiction] hosts",
            ),
            AuthorityDomain { .. } => say!(
                "改用保留后缀，如 jcu.edu.example；仿冒网址这样保留仿冒感：www.spp-gov.cn.ajcx.example",
                "use a reserved name such as jcu.edu.example; a look-alike keeps its lesson as \
                 www.spp-gov.cn.ajcx.example",
            ),
            DeniedName { .. } => say!(
                "换一个明显虚构的名字（如 喵go商城、知鹿快递）；名单在 catalog.toml 的 [fiction] denylist",
                "use a clearly invented name (e.g. Miaogo Mall, Zhilu Express); the list is catalog.toml's \
                 [fiction] denylist",
            ),
            ScamOpensWithoutSpot => say!(
                "把对方的第一条消息放进 start 步骤，加上 [steps.spot] 和 [[steps.messages.flags]]",
                "put the contact's first message in the start step, with [steps.spot] and [[steps.messages.flags]]",
            ),
            _ => None,
        }
    }
}

/// The words of the validator's rules: every problem beyond reading a file
/// and the engine's own checks. Only builds that validate packs carry them
/// (`rule-texts`: the tools, the server, the hosted app); the lean app plays
/// only packs the build validated, so it can meet none of them.
#[cfg(any(feature = "rule-texts", test))]
fn rule_message(problem: &Problem, zh: bool) -> String {
    use super::problem::MAX_MONEY;
    use Problem::*;
    match problem {
        BadScenarioId => say!(
            zh,
            "场景 id 只能用小写字母、数字和 '-'".into(),
            "a scenario id uses lowercase letters, digits and '-' only".into(),
        ),
        NoLanguages => say!(zh, "没有声明任何语言".into(), "no language is declared".into()),
        UnknownType { id, .. } => {
            say!(zh, format!("目录里没有骗局类型 \"{id}\""), format!("unknown scam type \"{id}\""))
        }
        UnknownTechnique { id, .. } => {
            say!(zh, format!("目录里没有手法 \"{id}\""), format!("unknown technique \"{id}\""))
        }
        UnknownOfficialChannel { id, .. } => {
            say!(zh, format!("目录里没有官方渠道 \"{id}\""), format!("unknown official channel \"{id}\""))
        }
        SavingsOutOfRange => say!(
            zh,
            format!("初始存款必须在 0 到 {MAX_MONEY} 元之间"),
            format!("savings must be between 0 and {MAX_MONEY} yuan"),
        ),
        NoSteps => say!(zh, "场景至少需要一个步骤".into(), "a scenario needs at least one step".into()),
        MissingText { lang } => say!(zh, format!("缺少 \"{lang}\" 文字"), format!("missing text in \"{lang}\"")),
        TextTooLong { len, max } => say!(
            zh,
            format!("文字有 {len} 个字符，手机屏幕最多放得下 {max} 个"),
            format!("text is {len} characters, more than {max} fit on a phone screen"),
        ),
        UndeclaredLanguage { lang } => say!(
            zh,
            format!("语言 \"{lang}\" 不在 `languages` 里"),
            format!("language \"{lang}\" is not in `languages`"),
        ),
        DuplicateStepId { id } => {
            say!(zh, format!("有两个步骤都叫 \"{id}\""), format!("two steps are called \"{id}\""))
        }
        TooFewChoices => say!(zh, "选择步骤至少需要 2 个选项".into(), "a decision needs at least 2 choices".into()),
        SpotWithoutMessage => say!(
            zh,
            "找可疑信号的步骤需要一条对方或旁白的消息".into(),
            "a spot step needs a message from the contact or the narrator to search".into(),
        ),
        MissingQuote { lang } => say!(zh, format!("缺少 \"{lang}\" 引文"), format!("missing quote in \"{lang}\"")),
        QuoteNotInMessage { quote } => {
            say!(zh, format!("\"{quote}\" 不在消息原文里"), format!("\"{quote}\" is not part of the message text"))
        }
        OutcomeDoesNotFit { genuine } => say!(
            zh,
            format!("本场景 genuine = {genuine}，结局必须是 {}", allowed_outcomes(*genuine)),
            format!("this scenario has genuine = {genuine}, so its ends must be {}", allowed_outcomes(*genuine)),
        ),
        GenuineNeedsTrusted => say!(
            zh,
            "真实场景需要一个结局为 \"trusted\" 的结尾（学习者正确使用了它）".into(),
            "a genuine scenario needs an end with outcome \"trusted\" (the learner used it correctly)".into(),
        ),
        GenuineNeedsRefused => say!(
            zh,
            "真实场景需要一个结局为 \"refused\" 的结尾（误以为是骗局）".into(),
            "a genuine scenario needs an end with outcome \"refused\" (a false alarm)".into(),
        ),
        ScamNeedsSafe => say!(
            zh,
            "骗局场景需要一条安全的路：结局为 \"safe\" 的结尾".into(),
            "a scam scenario needs a safe path: an end with outcome \"safe\"".into(),
        ),
        ScamNeedsLoss => say!(
            zh,
            "骗局场景需要一条被骗的路：结局为 \"scammed\" 或 \"accomplice\" 的结尾".into(),
            "a scam scenario needs a path where the scam works: an end with outcome \"scammed\" or \"accomplice\""
                .into(),
        ),
        ScamNeedsFlags => say!(
            zh,
            "骗局场景需要一个 [steps.spot] 步骤，且其消息带有可疑信号（[[steps.messages.flags]]）".into(),
            "a scam scenario needs a [steps.spot] step whose messages have red flags ([[steps.messages.flags]])".into(),
        ),
        MoneyOutOfRange { money } => say!(
            zh,
            format!("{money} 元超出范围（-{MAX_MONEY} 到 {MAX_MONEY}）"),
            format!("{money} yuan is out of range (-{MAX_MONEY} to {MAX_MONEY})"),
        ),
        DuplicateScenarioId { other } => {
            say!(zh, format!("{other} 已经用了这个场景 id"), format!("{other} already uses this scenario id"))
        }
        DuplicateCatalogId { id } => say!(zh, format!("\"{id}\" 列了两次"), format!("\"{id}\" is listed twice")),
        UnmaskedMobile { number } => {
            say!(zh, format!("手机号 {number} 没有打码"), format!("the mobile number {number} is not masked"))
        }
        LongNumber { number } => say!(
            zh,
            format!("{number} 是 5 位以上的一串数字，像真实的电话号码或账号"),
            format!("{number} is a run of 5 or more digits, like a real phone number or ID"),
        ),
        CardNumber { number } => {
            say!(zh, format!("银行卡号 {number} 没有打码"), format!("the bank card number {number} is not masked"))
        }
        RealDomain { host } => say!(
            zh,
            format!("{host} 是任何人都能注册的真实域名"),
            format!("{host} is a real domain that anyone can register"),
        ),
        AuthorityDomain { host } => say!(
            zh,
            format!("{host} 用了 .edu.cn 或 .gov.cn：虚构的机构绝不能用"),
            format!("{host} uses .edu.cn or .gov.cn: never for an invented party"),
        ),
        DeniedName { name } => say!(
            zh,
            format!("\"{name}\" 是真实品牌或公司的名字"),
            format!("\"{name}\" is the name of a real brand or company"),
        ),
        ScamOpensWithoutSpot => say!(
            zh,
            "骗局场景要从找可疑信号开始：`start` 步骤应是 [steps.spot]，且有一条带可疑信号的对方消息".into(),
            "a scam opens with spotting red flags: its `start` step must be a [steps.spot] step with a contact \
             message that has flags"
                .into(),
        ),
        PinsEveryChoice => say!(
            zh,
            "每个选择步骤都固定了选项顺序，正确答案对每个人都在同一位置".into(),
            "every decision keeps its written order, so the right answer is in the same place for everyone".into(),
        ),
        _ => rule_named_by_code(),
    }
}

#[cfg(not(any(feature = "rule-texts", test)))]
fn rule_message(_problem: &Problem, _zh: bool) -> String {
    rule_named_by_code()
}

/// A rule's problem where its words are not carried: its code (shown with
/// every problem) finds it in docs/authoring.md.
fn rule_named_by_code() -> String {
    "the pack breaks a rule of `scamspot-check` (see its code in docs/authoring.md)".into()
}

/// Chinese problem texts ship with the authors' tools only. The app shows pack
/// problems (to site editors) in English, and with `zh` a constant `false`
/// there, every Chinese branch above is dead code the compiler drops.
fn speaks_chinese(lang: Lang) -> bool {
    cfg!(any(feature = "authoring", test)) && lang == Lang::ZhCn
}

#[cfg(any(feature = "rule-texts", test))]
fn allowed_outcomes(genuine: bool) -> &'static str {
    if genuine {
        "\"trusted\" or \"refused\""
    } else {
        "\"safe\", \"scammed\" or \"accomplice\""
    }
}

fn quoted(list: &[String]) -> String {
    list.iter().map(|id| format!("\"{id}\"")).collect::<Vec<_>>().join(", ")
}

/// serde's names for kinds of value ("i64", "a sequence", "string \"x\"") in plain English.
fn kind_en(serde_words: &str) -> String {
    match value_kind(serde_words) {
        Some(ValueKind::Number) => "a whole number, e.g. 100".into(),
        Some(ValueKind::Text) => "text in quotes, e.g. \"abc\"".into(),
        Some(ValueKind::Bool) => "true or false".into(),
        Some(ValueKind::List) => "a list in [ ], e.g. [\"a\", \"b\"]".into(),
        Some(ValueKind::Table) => "a table of fields".into(),
        None => serde_words.to_string(),
    }
}

fn kind_zh(serde_words: &str) -> String {
    match value_kind(serde_words) {
        Some(ValueKind::Number) => "整数（如 100）".into(),
        Some(ValueKind::Text) => "带引号的文字（如 \"abc\"）".into(),
        Some(ValueKind::Bool) => "true 或 false".into(),
        Some(ValueKind::List) => "用 [ ] 括起的列表".into(),
        Some(ValueKind::Table) => "字段表".into(),
        None => serde_words.to_string(),
    }
}

/// What was written: serde's `string "lots"` becomes `the text "lots"`.
fn found_en(serde_words: &str) -> String {
    let value = serde_words.split_once(' ').map_or("", |(_, value)| value);
    let kind = match value_kind(serde_words) {
        Some(ValueKind::Number) => "the number",
        Some(ValueKind::Text) => "the text",
        Some(ValueKind::Bool) => "the answer",
        Some(ValueKind::List) => "a list",
        Some(ValueKind::Table) => "a table",
        None => return serde_words.to_string(),
    };
    format!("{kind} {value}").trim_end().to_string()
}

fn found_zh(serde_words: &str) -> String {
    let value = serde_words.split_once(' ').map_or("", |(_, value)| value);
    let kind = match value_kind(serde_words) {
        Some(ValueKind::Number) => "数字",
        Some(ValueKind::Text) => "文字",
        Some(ValueKind::Bool) => "是非值",
        Some(ValueKind::List) => "列表",
        Some(ValueKind::Table) => "字段表",
        None => return serde_words.to_string(),
    };
    format!("{kind} {value}").trim_end().to_string()
}

enum ValueKind {
    Number,
    Text,
    Bool,
    List,
    Table,
}

fn value_kind(serde_words: &str) -> Option<ValueKind> {
    // Prefixes stripped, not trimmed: a trim by a string pattern brought its own searcher.
    let words = serde_words.strip_prefix("a ").or_else(|| serde_words.strip_prefix("an ")).unwrap_or(serde_words);
    let first = words.split([' ', ':']).next()?;
    Some(match first {
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "integer" | "float" => ValueKind::Number,
        "string" | "str" | "char" => ValueKind::Text,
        "boolean" | "bool" => ValueKind::Bool,
        "sequence" | "array" => ValueKind::List,
        "map" | "table" | "struct" => ValueKind::Table,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::problem::tests::every_kind;

    #[test]
    fn every_kind_speaks_both_languages() {
        for (problem, _) in every_kind() {
            assert!(!problem.message(Lang::En).is_empty() && !problem.message(Lang::ZhCn).is_empty());
            assert_eq!(problem.help(Lang::En).is_some(), problem.help(Lang::ZhCn).is_some(), "{problem:?}");
        }
    }

    #[test]
    fn every_rule_has_its_own_words_where_rule_texts_are_carried() {
        for (problem, code) in every_kind() {
            assert_ne!(problem.message(Lang::En), rule_named_by_code(), "{code}");
        }
    }

    #[test]
    fn serde_kinds_read_as_plain_words() {
        let p = Problem::WrongType { found: "string \"lots\"".into(), expected: "i64".into() };
        assert_eq!(p.message(Lang::En), "this should be a whole number, e.g. 100, not the text \"lots\"");
        assert_eq!(p.message(Lang::ZhCn), "这里应是整数（如 100），却写成了文字 \"lots\"");
    }
}
