//! The checker's language: `--lang`, else the locale the shell says.

use scamspot_core::i18n::Lang;

/// The first locale variable set (LC_ALL, then LC_MESSAGES, then LANG, as
/// POSIX orders them): Chinese for `zh…`, English for anything else.
pub fn lang_from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().filter_map(var).find(|value| !value.is_empty());
    match locale {
        Some(value) if value.to_ascii_lowercase().starts_with("zh") => Lang::ZhCn,
        _ => Lang::En,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(vars: &[(&str, &str)]) -> Lang {
        lang_from_locale(|name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string()))
    }

    #[test]
    fn the_first_set_variable_decides() {
        assert_eq!(with(&[("LANG", "zh_CN.UTF-8")]), Lang::ZhCn);
        assert_eq!(with(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")]), Lang::En);
        assert_eq!(with(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_TW"), ("LANG", "C")]), Lang::ZhCn);
        assert_eq!(with(&[("LANG", "C.UTF-8")]), Lang::En);
        assert_eq!(with(&[]), Lang::En);
    }
}
